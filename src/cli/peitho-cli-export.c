/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"

int
peitho_cli_text (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *filename;
  const char *text;
  const GOptionEntry entries[] = {
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

  text = peitho_document_get_text (document);
  if (!peitho_cli_write_stdout (text, strlen (text), &error))
    return peitho_cli_file_error (NULL, error);

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
  const char *filename;
  const char *target;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("tei (anchors and standOff), tei-inline (seg where annotations nest) or csv"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (“-”, the default, for standard output)"), N_("OUT") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Exports the document: as TEI with anchors and standOff spans (tei), as TEI with\n"
      "inline <seg> elements where annotations nest (tei-inline), or as CSV with one\n"
      "row per annotation: id, tag, group, start, end, text, annotator, note (csv)."));

  if (!peitho_cli_parse_command (context, "export", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (format == NULL)
    return peitho_cli_usage_error ("export", "%s",
                                   _("no format given (--format tei|tei-inline|csv)"));
  if (!g_str_equal (format, "tei") && !g_str_equal (format, "tei-inline")
      && !g_str_equal (format, "csv"))
    return peitho_cli_usage_error ("export",
                                   _("unknown format “%s”: use tei, tei-inline or csv"),
                                   format);

  filename = argv[1];
  target = output != NULL ? output : "-";

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

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
  for (guint i = 0; i < invalid->len; i++)
    peitho_cli_print_problem (filename, g_ptr_array_index (invalid, i));

  if (problems->len > 0 || invalid->len > 0)
    return PEITHO_CLI_EXIT_INPUT;

  /* Translators: %s is a file name */
  g_print (_("%s: valid"), filename);
  g_print ("\n");

  return PEITHO_CLI_EXIT_OK;
}
