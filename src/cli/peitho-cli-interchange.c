/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"
#include "peitho-interchange.h"

/* Prints each line of @text as "peitho-cli: LINE" on stderr. */
static void
print_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_printerr ("peitho-cli: %s\n", lines[i]);
}

int
peitho_cli_import_annotations (int    argc,
                               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *output = NULL;
  g_autofree char *description = NULL;
  g_autofree char *losses = NULL;
  PeithoInterchangeFormat format = PEITHO_INTERCHANGE_AUTO;
  const char *filename;
  const char *from;
  guint n_problems = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("auto (the default: from the content), brat, webanno-tsv, tei-annotation, catma or "
         "dkpro-tei"), N_("FORMAT") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Give every imported annotation to NAME (brat and WebAnno TSV hold one "
         "annotator’s work per file)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the result to OUT.xml instead of replacing DOC.xml"), N_("OUT.xml") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("DOC.xml FROM"));
  g_option_context_set_summary (context,
    _("Imports another tool’s annotations of the same text into a document: brat standoff\n"
      "(FROM.ann with FROM.txt beside it), WebAnno TSV 3 (INCEpTION), TEI listAnnotation\n"
      "(Recogito), CATMA’s TEI collections or DKPro Core’s TEI. Labels are mapped onto the\n"
      "tag set by id or label (also German and French); other labels become new tags in an\n"
      "“Imported” group. The mapping, and whatever cannot be represented, are printed on\n"
      "standard error."));

  if (!peitho_cli_parse_command (context, "import-annotations", entries, 2,
                                 _("a document and a file of annotations are needed"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  if (format_name != NULL && !peitho_interchange_format_from_string (format_name, &format))
    return peitho_cli_usage_error ("import-annotations",
                                   _("unknown format “%s”: use auto, brat, webanno-tsv, "
                                     "tei-annotation, catma or dkpro-tei"),
                                   format_name);

  filename = argv[1];
  from = argv[2];

  if (!(document = peitho_cli_load_document (filename, &n_problems, &error)))
    return peitho_cli_file_error (filename, error);

  file = g_file_new_for_commandline_arg (from);
  if (!(set = peitho_interchange_read_file (file, format, NULL, &error)))
    return peitho_cli_file_error (from, error);

  if (!(plan = peitho_import_plan_analyse (document, set, annotator, &error)))
    return peitho_cli_file_error (from, error);

  description = peitho_import_plan_describe (plan);
  print_lines (description);
  losses = peitho_import_plan_describe_losses (plan);
  print_lines (losses);

  if (!peitho_import_plan_apply (plan, &error))
    return peitho_cli_file_error (filename, error);

  return peitho_cli_save_edit (document, filename, output, FALSE, n_problems);
}

gboolean
peitho_cli_is_interchange_format (const char *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  return g_str_equal (format, "tei-annotation") || g_str_equal (format, "webanno-tsv")
         || g_str_equal (format, "brat");
}

/* The id of the one annotator --annotators names (by name or id). */
static gboolean
find_annotator (PeithoDocument      *document,
                const char * const  *annotators,
                const char         **annotator_id,
                char               **wanted)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *model = peitho_document_get_annotators (document);

  for (guint i = 0; annotators[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (annotators[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_ptr_array_add (names, g_strdup (parts[j]));
    }
  if (names->len != 1)
    return FALSE;

  *wanted = g_strdup (g_ptr_array_index (names, 0));
  *annotator_id = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (model, i);

      if (g_str_equal (peitho_annotator_get_id (annotator), *wanted)
          || g_strcmp0 (peitho_annotator_get_name (annotator), *wanted) == 0)
        *annotator_id = peitho_annotator_get_id (annotator);
    }

  return TRUE;
}

int
peitho_cli_export_interchange (const char         *filename,
                               const char         *format_name,
                               const char         *output,
                               const char * const *annotators,
                               gboolean            html_options)
{
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GPtrArray) losses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ann_path = NULL;
  g_autofree char *txt_path = NULL;
  PeithoInterchangeFormat format;
  GListModel *model;
  const char *annotator_id = NULL;
  const char *target = output != NULL ? output : "-";

  g_return_val_if_fail (filename != NULL, PEITHO_CLI_EXIT_USAGE);
  g_return_val_if_fail (format_name != NULL, PEITHO_CLI_EXIT_USAGE);

  if (!peitho_interchange_format_from_string (format_name, &format))
    return peitho_cli_usage_error ("export", _("unknown format “%s”"), format_name);
  if (format == PEITHO_INTERCHANGE_BRAT && g_str_equal (target, "-"))
    return peitho_cli_usage_error ("export", "%s",
                                   _("brat writes two files (OUT.ann and OUT.txt): give -o OUT"));
  if (html_options)
    return peitho_cli_usage_error ("export", "%s",
                                   _("--tags, --no-notes and --no-labels are options of "
                                     "--format html"));
  if (annotators != NULL && format == PEITHO_INTERCHANGE_TEI_ANNOTATION)
    return peitho_cli_usage_error ("export", "%s",
                                   _("tei-annotation keeps every annotator’s work: --annotators "
                                     "is for brat and webanno-tsv"));

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  if (annotators != NULL)
    {
      g_autofree char *wanted = NULL;

      if (!find_annotator (document, annotators, &annotator_id, &wanted))
        return peitho_cli_usage_error ("export", "%s",
                                       _("brat and webanno-tsv hold one annotator’s work: give "
                                         "one --annotators NAME"));
      if (annotator_id == NULL)
        /* Translators: %s is the name given with --annotators */
        return peitho_cli_file_message (filename, _("no annotator “%s” in this document"), wanted);
    }

  model = peitho_document_get_annotators (document);
  if (format != PEITHO_INTERCHANGE_TEI_ANNOTATION && annotator_id == NULL
      && g_list_model_get_n_items (model) > 1)
    g_ptr_array_add (losses,
                     g_strdup_printf (_("%s holds the work of %u annotators, which %s cannot tell "
                                        "apart: all of it is written to one file (--annotators "
                                        "NAME writes one annotator’s)"),
                                      filename, g_list_model_get_n_items (model), format_name));

  if (!(bytes = peitho_interchange_export (document, format, annotator_id, &text, losses, &error)))
    return peitho_cli_file_error (filename, error);

  for (guint i = 0; i < losses->len; i++)
    peitho_cli_print_warning (filename, g_ptr_array_index (losses, i));

  if (format != PEITHO_INTERCHANGE_BRAT)
    {
      if (!peitho_cli_write_bytes (bytes, target, &error))
        return peitho_cli_file_error (target, error);
      return PEITHO_CLI_EXIT_OK;
    }

  {
    g_autofree char *stem = g_str_has_suffix (target, ".ann")
                            ? g_strndup (target, strlen (target) - 4) : g_strdup (target);

    ann_path = g_strconcat (stem, ".ann", NULL);
    txt_path = g_strconcat (stem, ".txt", NULL);
  }
  if (!peitho_cli_write_bytes (text, txt_path, &error))
    return peitho_cli_file_error (txt_path, error);
  if (!peitho_cli_write_bytes (bytes, ann_path, &error))
    return peitho_cli_file_error (ann_path, error);

  return PEITHO_CLI_EXIT_OK;
}
