/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"
#include "peitho-handout-renderer.h"

int
peitho_cli_text (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *filename;
  const char *text;
  gboolean original_readings = FALSE;
  const GOptionEntry entries[] = {
    { "original-readings", 0, 0, G_OPTION_ARG_NONE, &original_readings,
      N_("In an edition, the original readings of choices (sic, abbr, orig) instead of "
         "the edited ones"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Prints the annotatable text exactly: the paragraphs joined by one blank line,\n"
      "with no newline added at the end. Offsets count characters in this text."));

  if (!peitho_cli_parse_command (context, "text", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  /* A file that is no edition has no choices: its text is the same. */
  if (original_readings && peitho_document_get_source_tree (document) != NULL
      && !peitho_tei_shows_original_readings (document))
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      PeithoDocument *original = peitho_tei_switch_readings (document, TRUE, filename, problems,
                                                             &error);

      for (guint i = 0; i < problems->len; i++)
        peitho_cli_print_warning (filename, g_ptr_array_index (problems, i));
      if (original == NULL)
        return peitho_cli_file_error (filename, error);
      g_object_unref (document);
      document = original;
    }

  text = peitho_document_get_text (document);
  if (!peitho_cli_write_stdout (text, strlen (text), &error))
    return peitho_cli_file_error (NULL, error);

  return PEITHO_CLI_EXIT_OK;
}

/* "a,b" and "c" given twice as --tags a,b --tags c: a, b, c. */
static char **
split_lists (char **values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (*parts[j] != '\0')
            g_strv_builder_add (builder, parts[j]);
        }
    }
  return g_strv_builder_end (builder);
}

static int
export_handout (PeithoDocument  *document,
                const char      *filename,
                const char      *format,
                const char      *target,
                char           **tags,
                char           **annotators,
                gboolean         no_notes,
                gboolean         no_labels,
                gboolean         greyscale)
{
  g_auto(GStrv) tag_list = split_lists (tags);
  g_auto(GStrv) annotator_list = split_lists (annotators);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PeithoHandoutOptions options;

  peitho_handout_options_init (&options);
  options.tags = tag_list;
  options.annotators = annotator_list;
  options.notes = !no_notes;
  options.labels = !no_labels;
  options.greyscale = greyscale;

  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(PeithoHandout) handout = peitho_handout_new (document, &options, &error);

      if (handout == NULL)
        return peitho_cli_file_error (filename, error);
      if (!peitho_handout_write_pdf (handout, target, &error))
        return peitho_cli_file_error (NULL, error);
      return PEITHO_CLI_EXIT_OK;
    }

  bytes = peitho_html_export (document, &options, &error);
  if (bytes == NULL)
    return peitho_cli_file_error (filename, error);
  if (!peitho_cli_write_bytes (bytes, target, &error))
    return peitho_cli_file_error (target, error);
  return PEITHO_CLI_EXIT_OK;
}

int
peitho_cli_export (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) annotators = NULL;
  gboolean no_notes = FALSE;
  gboolean no_labels = FALSE;
  gboolean greyscale = FALSE;
  gboolean handout;
  const char *filename;
  const char *target;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("tei (anchors and standOff), tei-inline (seg where annotations nest), csv, html or pdf"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (“-”, the default, for standard output)"), N_("OUT") },
    { "tags", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("Show only these tags (ids, separated by commas)"), N_("ID,…") },
    { "annotators", 0, 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("Show only the work of these annotators (names or ids, separated by commas)"),
      N_("NAME,…") },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &no_notes,
      N_("Leave the notes out"), NULL },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &no_labels,
      N_("Draw no tag label where a highlight begins"), NULL },
    { "greyscale", 0, 0, G_OPTION_ARG_NONE, &greyscale,
      N_("pdf: underline styles and labels instead of colours, for greyscale printers"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Exports the document: as TEI with anchors and standOff spans (tei), as TEI with\n"
      "inline <seg> elements where annotations nest (tei-inline), as CSV with one\n"
      "row per annotation: id, tag, group, start, end, text, annotator, note (csv), or\n"
      "as a handout with highlights, notes, relations and a legend: a web page (html)\n"
      "or A4 pages (pdf)."));

  if (!peitho_cli_parse_command (context, "export", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (format == NULL)
    return peitho_cli_usage_error ("export", "%s",
                                   _("no format given (--format tei|tei-inline|csv|html|pdf)"));
  if (peitho_cli_is_interchange_format (format))
    return peitho_cli_export_interchange (argv[1], format, output, (const char * const *) annotators,
                                          tags != NULL || no_notes || no_labels || greyscale);
  handout = g_str_equal (format, "html") || g_str_equal (format, "pdf");
  if (!g_str_equal (format, "tei") && !g_str_equal (format, "tei-inline")
      && !g_str_equal (format, "csv") && !handout)
    return peitho_cli_usage_error ("export",
                                   _("unknown format “%s”: use tei, tei-inline, csv, html or pdf"),
                                   format);
  if (!handout && (tags != NULL || annotators != NULL || no_notes || no_labels || greyscale))
    return peitho_cli_usage_error ("export", "%s",
                                   _("--tags, --annotators, --no-notes, --no-labels and "
                                     "--greyscale are options of --format html and pdf"));
  if (g_str_equal (format, "pdf") && (output == NULL || g_str_equal (output, "-")))
    return peitho_cli_usage_error ("export", "%s", _("--format pdf needs a file: -o OUT.pdf"));

  filename = argv[1];
  target = output != NULL ? output : "-";

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  if (handout)
    return export_handout (document, filename, format, target, tags, annotators, no_notes,
                           no_labels, greyscale);
  if (g_str_equal (format, "csv"))
    {
      g_autoptr(GBytes) bytes = peitho_csv_export (document);

      if (!peitho_cli_write_bytes (bytes, target, &error))
        return peitho_cli_file_error (target, error);
    }
  else
    {
      PeithoTeiForm form = g_str_equal (format, "tei") ? PEITHO_TEI_STANDOFF : PEITHO_TEI_INLINE;

      if (!peitho_cli_save_document (document, target, form, FALSE, &error))
        return peitho_cli_file_error (target, error);
    }

  return PEITHO_CLI_EXIT_OK;
}

int
peitho_cli_validate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GPtrArray) invalid = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  const char *filename;
  const GOptionEntry entries[] = {
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Checks a document (XML, TEI structure, references, ranges) and prints each\n"
      "problem with its place. Exits with 1 if there is any."));

  if (!peitho_cli_parse_command (context, "validate", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];

  result = peitho_cli_load (filename, PEITHO_FILE_FORMAT_TEI, PEITHO_LOAD_DEFAULT, &error);
  if (result == NULL)
    return peitho_cli_file_error (filename, error);

  problems = peitho_load_result_get_problems (result);
  for (guint i = 0; i < problems->len; i++)
    peitho_cli_print_problem (filename, g_ptr_array_index (problems, i));

  invalid = peitho_document_validate (peitho_load_result_get_document (result));
  /* A TEI whose text Peitho cannot find reads as nothing: say so. */
  if (peitho_document_get_length (peitho_load_result_get_document (result)) == 0)
    g_ptr_array_insert (invalid, 0, g_strdup (_("the document has no text (0 characters)")));
  for (guint i = 0; i < invalid->len; i++)
    peitho_cli_print_problem (filename, g_ptr_array_index (invalid, i));

  if (problems->len > 0 || invalid->len > 0)
    return PEITHO_CLI_EXIT_INPUT;

  /* Translators: %s is a file name */
  g_print (_("%s: valid"), filename);
  g_print ("\n");

  return PEITHO_CLI_EXIT_OK;
}
