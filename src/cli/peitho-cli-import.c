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
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("TEXT"));
  g_option_context_set_summary (context,
    _("Imports a UTF-8 plain-text file: paragraphs at blank lines, every character kept.\n"
      "Front matter (breadcrumb, “Author: Title”, date, bracketed source) goes into the\n"
      "TEI header. “-” reads standard input."));

  if (!peitho_cli_parse_command (context, "import", entries, 1, _("no text file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (output == NULL)
    return peitho_cli_usage_error ("import", "%s", _("no output file given (-o OUT.xml)"));

  input = argv[1];

  if (tag_set_file != NULL && !(tag_set = load_tag_set (tag_set_file, &error)))
    return peitho_cli_file_error (tag_set_file, error);

  result = peitho_cli_load (input, PEITHO_FILE_FORMAT_TEXT, PEITHO_LOAD_DEFAULT, &error);
  if (result == NULL)
    return peitho_cli_file_error (input, error);
  document = peitho_load_result_get_document (result);

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
