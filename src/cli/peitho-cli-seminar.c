/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"
#include "peitho-cli-json.h"

/* "a,b, c" -> { "a", "b", "c" }; NULL for NULL. Empty items are dropped. */
static GStrv
split_list (const char *list)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] != '\0')
        g_strv_builder_add (builder, items[i]);
    }
  return g_strv_builder_end (builder);
}

/* ---------------------------------------------------------------------------
 * assign
 */

int
peitho_cli_assign (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoDocument) prepared = NULL;
  g_autoptr(PeithoAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *task = NULL;
  g_autofree char *tags = NULL;
  g_auto(GStrv) tag_ids = NULL;
  gboolean keep = FALSE;
  gboolean editable = FALSE;
  const char *filename;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the assignment to OUT.xml (required)"), N_("OUT.xml") },
    { "task", 0, 0, G_OPTION_ARG_STRING, &task,
      N_("The task shown to the students"), N_("TEXT") },
    { "tags", 0, 0, G_OPTION_ARG_STRING, &tags,
      N_("Hand out only these tags (ids, comma-separated)"), N_("ID,…") },
    { "keep-annotations", 0, 0, G_OPTION_ARG_NONE, &keep,
      N_("Keep the document’s annotations (with the chosen tags) in the assignment"), NULL },
    { "tag-set-editable", 0, 0, G_OPTION_ARG_NONE, &editable,
      N_("Let students add tags of their own"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("DOC.xml"));
  g_option_context_set_summary (context,
    _("Prepares an assignment to hand out: the text, the tag set narrowed to the\n"
      "chosen tags and the task. The document’s own annotations stay out unless\n"
      "kept, so that they can serve as the key. Students save their readings beside\n"
      "it as “ASSIGNMENT — NAME.xml”."));

  if (!peitho_cli_parse_command (context, "assign", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (output == NULL)
    return peitho_cli_usage_error ("assign", "%s", _("no output given (-o ASSIGNMENT.xml)"));

  filename = argv[1];
  tag_ids = split_list (tags);

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  assignment = peitho_assignment_new (task, editable);
  prepared = peitho_assignment_prepare (assignment, document, (const char * const *) tag_ids,
                                        keep, &error);
  if (prepared == NULL)
    {
      if (g_error_matches (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG))
        {
          g_autofree char *known = peitho_cli_describe_tags (peitho_document_get_tag_set (document), 12);

          return peitho_cli_file_message (filename, _("%s (the tag set has %s)"),
                                          error->message, known);
        }
      return peitho_cli_file_error (filename, error);
    }

  if (!peitho_cli_save_document (prepared, output, PEITHO_TEI_STANDOFF, FALSE, &error))
    return peitho_cli_file_error (output, error);
  return PEITHO_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------------
 * merge
 */

int
peitho_cli_merge (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) assignment = NULL;
  g_autoptr(PeithoSeminarMerger) merger = NULL;
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *keep = NULL;
  PeithoSeminarDuplicate policy = PEITHO_SEMINAR_DUPLICATE_FAIL;
  gboolean failed = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the seminar document to OUT.xml (required)"), N_("OUT.xml") },
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep,
      N_("Of two readings by one student keep the first or the last"), N_("first|last") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("ASSIGNMENT.xml READING.xml…"));
  g_option_context_set_summary (context,
    _("Merges the students’ readings of an assignment into one seminar document, each\n"
      "student’s annotations, notes and relations as that student’s layer. A reading\n"
      "whose text differs from the assignment’s, or a second reading by the same\n"
      "student (without --keep), is reported and nothing is written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return peitho_cli_usage_error ("merge", "%s", error->message);
  if (argc < 2)
    return peitho_cli_usage_error ("merge", "%s", _("no assignment given"));
  if (argc < 3)
    return peitho_cli_usage_error ("merge", "%s", _("no reading given"));
  if (output == NULL)
    return peitho_cli_usage_error ("merge", "%s", _("no output given (-o SEMINAR.xml)"));
  if (keep != NULL && g_str_equal (keep, "first"))
    policy = PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST;
  else if (keep != NULL && g_str_equal (keep, "last"))
    policy = PEITHO_SEMINAR_DUPLICATE_KEEP_LAST;
  else if (keep != NULL)
    return peitho_cli_usage_error ("merge", _("unknown value “%s” for --keep: use first or last"),
                                   keep);

  if (!(assignment = peitho_cli_load_document (argv[1], NULL, &error)))
    return peitho_cli_file_error (argv[1], error);
  merger = peitho_seminar_merger_new (assignment, argv[1]);

  /* Every reading is checked, so that one run reports every bad file. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(PeithoDocument) reading = NULL;
      g_autoptr(GError) reading_error = NULL;

      if (!(reading = peitho_cli_load_document (argv[i], NULL, &reading_error))
          || !peitho_seminar_merger_add_reading (merger, reading, argv[i], policy, NULL,
                                                 &reading_error))
        {
          peitho_cli_file_error (argv[i], reading_error);
          if (g_error_matches (reading_error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID))
            g_printerr ("peitho-cli: %s\n", _("keep one with --keep first or --keep last"));
          failed = TRUE;
        }
    }
  if (failed)
    {
      g_printerr ("peitho-cli: %s\n", _("nothing written"));
      return PEITHO_CLI_EXIT_INPUT;
    }

  if (!(seminar = peitho_seminar_merger_build (merger, &error)))
    return peitho_cli_file_error (argv[1], error);
  if (!peitho_cli_save_document (seminar, output, PEITHO_TEI_STANDOFF, FALSE, &error))
    return peitho_cli_file_error (output, error);
  return PEITHO_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------------
 * agreement
 */

static char *
agreement_to_json (PeithoAgreement *agreement)
{
  GString *json = g_string_new ("{");
  guint n_annotators = peitho_agreement_get_n_annotators (agreement);
  guint n_tags = peitho_agreement_get_n_tags (agreement);

  g_string_append_printf (json, "\"characters\":%" G_GSIZE_FORMAT ",\"annotators\":[",
                          peitho_agreement_get_characters (agreement));
  for (guint i = 0; i < n_annotators; i++)
    {
      g_string_append (json, i > 0 ? ",{\"name\":" : "{\"name\":");
      peitho_cli_json_append_string (json, peitho_agreement_get_annotator_name (agreement, i));
      g_string_append_printf (json, ",\"annotations\":%u}",
                              peitho_agreement_get_annotator_annotations (agreement, i));
    }
  g_string_append (json, "],\"alpha_u\":");
  peitho_cli_json_append_measure (json, peitho_agreement_get_alpha (agreement));

  g_string_append (json, ",\"tags\":[");
  for (guint t = 0; t < n_tags; t++)
    {
      g_string_append (json, t > 0 ? ",{\"id\":" : "{\"id\":");
      peitho_cli_json_append_string (json, peitho_agreement_get_tag_id (agreement, t));
      g_string_append (json, ",\"label\":");
      peitho_cli_json_append_string (json, peitho_agreement_get_tag_label (agreement, t));
      g_string_append (json, ",\"alpha_u\":");
      peitho_cli_json_append_measure (json, peitho_agreement_get_tag_alpha (agreement, t));
      g_string_append_printf (json, ",\"annotations\":%u}",
                              peitho_agreement_get_tag_annotations (agreement, t));
    }

  g_string_append (json, "],\"pairs\":[");
  for (guint a = 0, first = TRUE; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++, first = FALSE)
      {
        g_string_append (json, first ? "{\"a\":" : ",{\"a\":");
        peitho_cli_json_append_string (json, peitho_agreement_get_annotator_name (agreement, a));
        g_string_append (json, ",\"b\":");
        peitho_cli_json_append_string (json, peitho_agreement_get_annotator_name (agreement, b));
        g_string_append (json, ",\"alpha_u\":");
        peitho_cli_json_append_measure (json, peitho_agreement_get_pair_alpha (agreement, a, b));
        g_string_append_c (json, '}');
      }
  g_string_append_c (json, ']');

  if (peitho_agreement_get_key_name (agreement) != NULL)
    {
      g_string_append (json, ",\"key\":{\"name\":");
      peitho_cli_json_append_string (json, peitho_agreement_get_key_name (agreement));
      g_string_append (json, ",\"students\":[");
      for (guint i = 0; i < n_annotators; i++)
        {
          g_string_append (json, i > 0 ? ",{\"name\":" : "{\"name\":");
          peitho_cli_json_append_string (json, peitho_agreement_get_annotator_name (agreement, i));
          g_string_append (json, ",\"precision\":");
          peitho_cli_json_append_measure (json, peitho_agreement_get_precision (agreement, i));
          g_string_append (json, ",\"recall\":");
          peitho_cli_json_append_measure (json, peitho_agreement_get_recall (agreement, i));
          g_string_append (json, ",\"f1\":");
          peitho_cli_json_append_measure (json, peitho_agreement_get_f1 (agreement, i));
          g_string_append_c (json, '}');
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "}\n");
  return g_string_free (json, FALSE);
}

static void
csv_field (GString    *csv,
           const char *field,
           gboolean    last)
{
  if (field != NULL && strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (field != NULL)
    g_string_append (csv, field);
  g_string_append (csv, last ? "\r\n" : ",");
}

static char *
format_measure (PeithoMeasure measure)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!peitho_measure_is_defined (measure))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", measure.value));
}

/* One row of the CSV: kind, id, label, a, b, annotations, alpha_u,
 * precision, recall, f1, undefined (the reasons of the empty values). */
static void
csv_row (GString       *csv,
         const char    *kind,
         const char    *id,
         const char    *label,
         const char    *a,
         const char    *b,
         int            annotations,
         PeithoMeasure *values,
         guint          n_values)
{
  g_autofree char *count = annotations >= 0 ? g_strdup_printf ("%d", annotations) : NULL;
  g_autoptr(GString) reasons = g_string_new (NULL);
  PeithoMeasure none[4] = { { 0, PEITHO_UNDEFINED_NONE } };
  gboolean present[4] = { FALSE };

  csv_field (csv, kind, FALSE);
  csv_field (csv, id, FALSE);
  csv_field (csv, label, FALSE);
  csv_field (csv, a, FALSE);
  csv_field (csv, b, FALSE);
  csv_field (csv, count, FALSE);
  /* values: alpha_u alone (n_values 1), or precision, recall, f1 (3). */
  if (n_values == 1)
    {
      none[0] = values[0];
      present[0] = TRUE;
    }
  else
    for (guint i = 0; i < n_values; i++)
      {
        none[i + 1] = values[i];
        present[i + 1] = TRUE;
      }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *value = present[i] ? format_measure (none[i]) : NULL;

      csv_field (csv, value, FALSE);
      if (present[i] && !peitho_measure_is_defined (none[i]))
        {
          const char *reason = peitho_undefined_reason_describe (none[i].reason);

          if (strstr (reasons->str, reason) == NULL)
            g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? "; " : "", reason);
        }
    }
  csv_field (csv, reasons->str, TRUE);
}

static char *
agreement_to_csv (PeithoAgreement *agreement)
{
  GString *csv = g_string_new ("kind,id,label,a,b,annotations,alpha_u,precision,recall,f1,undefined\r\n");
  guint n_annotators = peitho_agreement_get_n_annotators (agreement);
  guint n_tags = peitho_agreement_get_n_tags (agreement);
  PeithoMeasure alpha = peitho_agreement_get_alpha (agreement);
  guint total = 0;

  for (guint i = 0; i < n_annotators; i++)
    total += peitho_agreement_get_annotator_annotations (agreement, i);
  csv_row (csv, "overall", NULL, NULL, NULL, NULL, total, &alpha, 1);
  for (guint i = 0; i < n_annotators; i++)
    csv_row (csv, "annotator", NULL, NULL, peitho_agreement_get_annotator_name (agreement, i),
             NULL, peitho_agreement_get_annotator_annotations (agreement, i), NULL, 0);
  for (guint t = 0; t < n_tags; t++)
    {
      PeithoMeasure value = peitho_agreement_get_tag_alpha (agreement, t);

      csv_row (csv, "tag", peitho_agreement_get_tag_id (agreement, t),
               peitho_agreement_get_tag_label (agreement, t), NULL, NULL,
               peitho_agreement_get_tag_annotations (agreement, t), &value, 1);
    }
  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      {
        PeithoMeasure value = peitho_agreement_get_pair_alpha (agreement, a, b);

        csv_row (csv, "pair", NULL, NULL, peitho_agreement_get_annotator_name (agreement, a),
                 peitho_agreement_get_annotator_name (agreement, b), -1, &value, 1);
      }
  if (peitho_agreement_get_key_name (agreement) != NULL)
    for (guint i = 0; i < n_annotators; i++)
      {
        PeithoMeasure values[3] = {
          peitho_agreement_get_precision (agreement, i),
          peitho_agreement_get_recall (agreement, i),
          peitho_agreement_get_f1 (agreement, i),
        };

        csv_row (csv, "key", NULL, NULL, peitho_agreement_get_annotator_name (agreement, i),
                 peitho_agreement_get_key_name (agreement), -1, values, 3);
      }
  return g_string_free (csv, FALSE);
}

/* "0.8587" or the reason it is undefined. */
static char *
text_measure (PeithoMeasure measure)
{
  if (!peitho_measure_is_defined (measure))
    return g_strdup (peitho_undefined_reason_describe (measure.reason));
  return g_strdup_printf ("%.4f", measure.value);
}

static char *
agreement_to_text (PeithoAgreement *agreement)
{
  GString *out = g_string_new (NULL);
  guint n_annotators = peitho_agreement_get_n_annotators (agreement);
  guint n_tags = peitho_agreement_get_n_tags (agreement);
  g_autofree char *alpha = text_measure (peitho_agreement_get_alpha (agreement));

  g_string_append_printf (out, _("Characters: %lu\n"),
                          (unsigned long) peitho_agreement_get_characters (agreement));
  g_string_append_printf (out, _("Krippendorff’s alpha_u: %s\n"), alpha);

  g_string_append_printf (out, "\n%s\n", _("Annotators:"));
  for (guint i = 0; i < n_annotators; i++)
    {
      guint count = peitho_agreement_get_annotator_annotations (agreement, i);

      g_string_append_printf (out, "  %s: ", peitho_agreement_get_annotator_name (agreement, i));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                "%u annotations", count), count);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n%s\n", _("Tags:"));
  for (guint t = 0; t < n_tags; t++)
    {
      guint count = peitho_agreement_get_tag_annotations (agreement, t);
      g_autofree char *value = text_measure (peitho_agreement_get_tag_alpha (agreement, t));

      g_string_append_printf (out, "  %s (%s): ", peitho_agreement_get_tag_label (agreement, t),
                              peitho_agreement_get_tag_id (agreement, t));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                "%u annotations", count), count);
      g_string_append_printf (out, ", alpha_u %s\n", value);
    }

  if (n_annotators >= 2)
    {
      g_string_append_printf (out, "\n%s\n", _("Pairs:"));
      for (guint a = 0; a < n_annotators; a++)
        for (guint b = a + 1; b < n_annotators; b++)
          {
            g_autofree char *value = text_measure (peitho_agreement_get_pair_alpha (agreement, a, b));

            g_string_append_printf (out, "  %s – %s: %s\n",
                                    peitho_agreement_get_annotator_name (agreement, a),
                                    peitho_agreement_get_annotator_name (agreement, b), value);
          }
    }

  if (peitho_agreement_get_key_name (agreement) != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Against the key (%s):\n"),
                              peitho_agreement_get_key_name (agreement));
      for (guint i = 0; i < n_annotators; i++)
        {
          g_autofree char *precision = text_measure (peitho_agreement_get_precision (agreement, i));
          g_autofree char *recall = text_measure (peitho_agreement_get_recall (agreement, i));
          g_autofree char *f1 = text_measure (peitho_agreement_get_f1 (agreement, i));

          g_string_append_printf (out, "  %s: ", peitho_agreement_get_annotator_name (agreement, i));
          /* Translators: precision, recall and F1 of a student against the key */
          g_string_append_printf (out, _("precision %s, recall %s, F1 %s\n"), precision, recall, f1);
        }
    }
  return g_string_free (out, FALSE);
}

int
peitho_cli_agreement (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *annotators = NULL;
  g_autofree char *key = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) tag_ids = NULL;
  g_auto(GStrv) annotator_names = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  PeithoAgreementOptions options = { 0 };
  const char *filename;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV, one row per value"), NULL },
    { "tags", 0, 0, G_OPTION_ARG_STRING, &tags,
      N_("Compare only these tags (ids, comma-separated)"), N_("ID,…") },
    { "annotators", 0, 0, G_OPTION_ARG_STRING, &annotators,
      N_("Compare only these annotators (names or ids, comma-separated)"), N_("NAME,…") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key,
      N_("Score every annotator against this one (left out of alpha)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("SEMINAR.xml"));
  g_option_context_set_summary (context,
    _("Prints the agreement between the students of a seminar document (or the\n"
      "annotators of any document): Krippendorff’s alpha for unitizing (alpha_u) over\n"
      "the characters of the text, overall and per tag, for every pair of students,\n"
      "and with --key each student’s precision, recall and F1 against the key.\n"
      "A value that is undefined is null in JSON, empty in CSV, explained in text."));

  if (!peitho_cli_parse_command (context, "agreement", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (json && csv)
    return peitho_cli_usage_error ("agreement", "%s", _("--json and --csv exclude each other"));

  filename = argv[1];
  tag_ids = split_list (tags);
  annotator_names = split_list (annotators);
  options.tag_ids = (const char * const *) tag_ids;
  options.annotators = (const char * const *) annotator_names;
  options.key = key;

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);
  if (!(agreement = peitho_agreement_compute (document, &options, &error)))
    return peitho_cli_file_error (filename, error);

  if (json)
    out = agreement_to_json (agreement);
  else if (csv)
    out = agreement_to_csv (agreement);
  else
    out = agreement_to_text (agreement);
  if (!peitho_cli_write_stdout (out, strlen (out), &error))
    return peitho_cli_file_error (NULL, error);
  return PEITHO_CLI_EXIT_OK;
}
