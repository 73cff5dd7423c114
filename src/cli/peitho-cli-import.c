/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include "peitho-cli-common.h"

static PeithoTagSet *
load_tag_set (const char  *filename,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = peitho_cli_read_file (filename, error)))
    return NULL;

  return peitho_tei_read_tag_set_bytes (bytes, filename, error);
}

int
peitho_cli_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;
  PeithoDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *tag_set_file = NULL;
  gboolean no_front_matter = FALSE;
  PeithoTextImportResult *report;
  const char * const *notes;
  const char *input;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the TEI document to OUT (“-” for standard output)"), N_("OUT.xml") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("Title of the document (instead of the one found in the text)"), N_("TITLE") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Author of the document (instead of the one found in the text)"), N_("AUTHOR") },
    { "tagset", 0, 0, G_OPTION_ARG_FILENAME, &tag_set_file,
      N_("Use the tag set of this TEI file instead of the default one"), N_("TAGSET.xml") },
    { "no-front-matter", 0, 0, G_OPTION_ARG_NONE, &no_front_matter,
      N_("Keep the first lines in the text even when they look like front matter"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("TEXT"));
  g_option_context_set_summary (context,
    _("Imports a plain-text file (UTF-8, UTF-16 with a byte-order mark, or Windows-1252):\n"
      "paragraphs at blank lines and form feeds, every character kept. Front matter\n"
      "(breadcrumb, “Author: Title”, date, bracketed source) or a Project Gutenberg\n"
      "header goes into the TEI header, with a note on standard error.\n"
      "“-” reads standard input."));

  if (!peitho_cli_parse_command (context, "import", entries, 1, _("no text file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (output == NULL)
    return peitho_cli_usage_error ("import", "%s", _("no output file given (-o OUT.xml)"));

  input = argv[1];

  if (tag_set_file != NULL && !(tag_set = load_tag_set (tag_set_file, &error)))
    return peitho_cli_file_error (tag_set_file, error);

  result = peitho_cli_load (input, PEITHO_FILE_FORMAT_TEXT,
                            no_front_matter ? PEITHO_LOAD_NO_FRONT_MATTER : PEITHO_LOAD_DEFAULT,
                            &error);
  if (result == NULL)
    return peitho_cli_file_error (input, error);
  document = peitho_load_result_get_document (result);

  /* What the importer decided on its own is said, never silent. */
  notes = peitho_load_result_get_notes (result);
  for (guint i = 0; notes[i] != NULL; i++)
    {
      /* Translators: a note about a file; the first %s is the file name */
      g_printerr (_("peitho-cli: %s: note: %s"), input, notes[i]);
      g_printerr ("\n");
    }
  report = peitho_load_result_get_text_import (result);
  if (peitho_text_import_result_get_front_matter (report) != PEITHO_FRONT_MATTER_NONE)
    {
      /* Translators: %s is a file name; keep --no-front-matter as it is */
      g_printerr (_("peitho-cli: %s: note: --no-front-matter keeps those lines in the text"),
                  input);
      g_printerr ("\n");
    }

  /* A fresh import has no annotations: any tag set fits. */
  if (tag_set != NULL && !peitho_document_set_tag_set (document, tag_set, &error))
    return peitho_cli_file_error (tag_set_file, error);

  if (title != NULL)
    peitho_document_set_title (document, title);
  if (author != NULL)
    peitho_document_set_author (document, author);

  if (!peitho_cli_save_document (document, output, PEITHO_TEI_STANDOFF, FALSE, &error))
    return peitho_cli_file_error (output, error);

  return PEITHO_CLI_EXIT_OK;
}
