/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"

typedef struct {
  gsize start;
  gsize end;
} Range;

static gboolean
parse_offset (const char *command,
              const char *option,
              const char *text,
              gint64     *value)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, &error))
    {
      /* Translators: "%s: “%s” is not a number": an option (--start), then what was given */
      peitho_cli_usage_error (command, _("%s: “%s” is not a number"), option, text);
      return FALSE;
    }

  return TRUE;
}

/* The checks the core makes too, but with messages that speak of options. */
static gboolean
check_range (PeithoDocument *document,
             const char     *filename,
             gint64          start,
             gint64          end)
{
  gsize length = peitho_document_get_length (document);

  /* Plain long long in the messages: xgettext cannot see through
   * G_GINT64_FORMAT. */
  if (start < 0 || end < 0 || (guint64) start > length || (guint64) end > length)
    {
      peitho_cli_file_message (filename,
                               /* Translators: a range [start, end); the last number is the
                                * length of the text in characters */
                               _("range %lld–%lld lies outside the text, "
                                 "which has %llu characters"),
                               (long long) start, (long long) end, (unsigned long long) length);
      return FALSE;
    }
  if (start > end)
    {
      peitho_cli_file_message (filename,
                               _("range %lld–%lld is reversed: the start comes after the end"),
                               (long long) start, (long long) end);
      return FALSE;
    }
  if (start == end)
    {
      peitho_cli_file_message (filename, _("range %lld–%lld is empty"),
                               (long long) start, (long long) end);
      return FALSE;
    }

  return TRUE;
}

/* Non-overlapping occurrences of @needle, as character ranges; the first
 * one only unless @all. */
static GArray *
find_matches (PeithoDocument *document,
              const char     *needle,
              gboolean        all)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  const char *text = peitho_document_get_text (document);
  gsize needle_bytes = strlen (needle);
  glong needle_chars = g_utf8_strlen (needle, -1);
  const char *counted = text;
  gsize counted_chars = 0;
  const char *p = text;

  g_assert (needle_bytes > 0);

  while ((p = strstr (p, needle)) != NULL)
    {
      Range range;

      /* Count from the previous match only, to stay linear in the text. */
      counted_chars += g_utf8_pointer_to_offset (counted, p);
      counted = p;

      range.start = counted_chars;
      range.end = counted_chars + needle_chars;
      g_array_append_val (ranges, range);

      if (!all)
        break;

      p += needle_bytes;
    }

  return ranges;
}

int
peitho_cli_annotate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTagSet) default_tag_set = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag_id = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *match = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *tag_set_file = NULL;
  gboolean all = FALSE;
  gboolean backup = FALSE;
  PeithoAnnotator *annotator;
  guint n_problems = 0;
  const char *filename;
  int status;
  const GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_id,
      N_("The tag (its id, see “peitho-cli tagset list”)"), N_("ID") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("First character of the passage (offset in characters, from 0)"), N_("N") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text,
      N_("Character after the end of the passage"), N_("M") },
    { "match", 'm', 0, G_OPTION_ARG_STRING, &match,
      N_("Tag the first occurrence of STRING in the text"), N_("STRING") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("With --match: tag every occurrence (not overlapping)"), NULL },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note,
      N_("A note on the annotation"), N_("TEXT") },
    { "tagset", 0, 0, G_OPTION_ARG_FILENAME, &tag_set_file,
      N_("The tag set of a file that has none of its own, as a TEI edition without "
         "Peitho’s taxonomy (default: the one chosen in the app’s Preferences)"),
      N_("TAGSET.xml") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator_name,
      N_("Who annotates (default: $PEITHO_ANNOTATOR, else your name)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of replacing FILE (“-” for standard output)"), N_("OUT.xml") },
    { "backup", 0, 0, G_OPTION_ARG_NONE, &backup,
      N_("Keep the old file as FILE~"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Tags a passage, given by character offsets (--start, --end) or by its text\n"
      "(--match), and prints the id of each new annotation. Without -o the file is\n"
      "replaced atomically."));

  if (!peitho_cli_parse_command (context, "annotate", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (tag_id == NULL || tag_id[0] == '\0')
    return peitho_cli_usage_error ("annotate", "%s", _("no tag given (--tag ID)"));
  if (match != NULL && (start_text != NULL || end_text != NULL))
    return peitho_cli_usage_error ("annotate", "%s",
                                   _("give either --match or --start and --end, not both"));
  if (match == NULL && (start_text == NULL || end_text == NULL))
    return peitho_cli_usage_error ("annotate", "%s",
                                   _("give the passage: --start N --end M, or --match STRING"));
  if (all && match == NULL)
    return peitho_cli_usage_error ("annotate", "%s", _("--all goes with --match"));
  if (match != NULL && match[0] == '\0')
    return peitho_cli_usage_error ("annotate", "%s", _("--match needs a non-empty string"));

  /* An empty --note is no note, rather than an empty <note/>. */
  if (note != NULL && note[0] == '\0')
    g_clear_pointer (&note, g_free);

  filename = argv[1];
  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  default_tag_set = peitho_cli_dup_default_tag_set (tag_set_file, &error);
  if (default_tag_set == NULL && error != NULL)
    return peitho_cli_file_error (tag_set_file, error);

  if (match == NULL)
    {
      gint64 start, end;

      if (!parse_offset ("annotate", "--start", start_text, &start)
          || !parse_offset ("annotate", "--end", end_text, &end))
        return PEITHO_CLI_EXIT_USAGE;

      if (!(document = peitho_cli_load_document_full (filename, default_tag_set, &n_problems,
                                                       &error)))
        return peitho_cli_file_error (filename, error);

      if (!check_range (document, filename, start, end))
        return PEITHO_CLI_EXIT_INPUT;

      g_array_append_vals (ranges, &(Range) { start, end }, 1);
    }
  else
    {
      if (!(document = peitho_cli_load_document_full (filename, default_tag_set, &n_problems,
                                                       &error)))
        return peitho_cli_file_error (filename, error);

      g_clear_pointer (&ranges, g_array_unref);
      ranges = find_matches (document, match, all);
      if (ranges->len == 0)
        return peitho_cli_file_message (filename, _("“%s” does not occur in the text"), match);
    }

  if (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), tag_id) == NULL)
    {
      g_autofree char *known = NULL;

      known = peitho_cli_describe_tags (peitho_document_get_tag_set (document), 8);
      return peitho_cli_file_message (filename,
                                      /* Translators: the first %s is a tag id, the second a
                                       * list of tag ids */
                                      _("unknown tag “%s”; the tag set has: %s"),
                                      tag_id, known);
    }

  annotator = peitho_document_ensure_annotator (document,
                                                peitho_cli_annotator_name (annotator_name));
  created = g_date_time_new_now_utc ();
  ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);
      g_autoptr(PeithoAnnotation) annotation = NULL;

      annotation = peitho_annotation_new (NULL, range->start, range->end, tag_id,
                                          peitho_annotator_get_id (annotator),
                                          note, created);
      if (!peitho_document_add_annotation (document, annotation, &error))
        return peitho_cli_file_error (filename, error);

      g_ptr_array_add (ids, g_strdup (peitho_annotation_get_id (annotation)));
    }

  status = peitho_cli_save_edit (document, filename, output, backup, n_problems);
  if (status != PEITHO_CLI_EXIT_OK)
    return status;

  /* Only once saved: a script must never see ids that are not in the file. */
  if (output == NULL || !g_str_equal (output, "-"))
    for (guint i = 0; i < ids->len; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (ids, i));

  return PEITHO_CLI_EXIT_OK;
}

int
peitho_cli_relate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_id = NULL;
  g_autofree char *to_id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *annotator_name = NULL;
  g_autofree char *output = NULL;
  gboolean backup = FALSE;
  PeithoAnnotator *annotator;
  guint n_problems = 0;
  const char *filename;
  int status;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_id,
      N_("The annotation the relation starts from (TEI @active)"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_id,
      N_("The annotation it goes to (TEI @passive)"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("supports, attacks, concedes, restates, or a type of your own"), N_("TYPE") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator_name,
      N_("Who relates them (default: $PEITHO_ANNOTATOR, else your name)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of replacing FILE (“-” for standard output)"), N_("OUT.xml") },
    { "backup", 0, 0, G_OPTION_ARG_NONE, &backup,
      N_("Keep the old file as FILE~"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Links two annotations (an evidence that supports a claim) and prints the id of\n"
      "the new relation. Without -o the file is replaced atomically."));

  if (!peitho_cli_parse_command (context, "relate", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (from_id == NULL || to_id == NULL || type == NULL)
    return peitho_cli_usage_error ("relate", "%s",
                                   _("give --from ID, --to ID and --type TYPE"));
  if (type[0] == '\0' || strpbrk (type, " \t\r\n") != NULL)
    return peitho_cli_usage_error ("relate", "%s",
                                   _("the relation type must be one word"));

  filename = argv[1];

  if (!(document = peitho_cli_load_document (filename, &n_problems, &error)))
    return peitho_cli_file_error (filename, error);

  if (peitho_document_lookup_annotation (document, from_id) == NULL)
    return peitho_cli_file_message (filename, _("no annotation with the id “%s”"), from_id);
  if (peitho_document_lookup_annotation (document, to_id) == NULL)
    return peitho_cli_file_message (filename, _("no annotation with the id “%s”"), to_id);

  annotator = peitho_document_ensure_annotator (document,
                                                peitho_cli_annotator_name (annotator_name));
  relation = peitho_relation_new (NULL, type, from_id, to_id,
                                  peitho_annotator_get_id (annotator));
  if (!peitho_document_add_relation (document, relation, &error))
    return peitho_cli_file_error (filename, error);

  status = peitho_cli_save_edit (document, filename, output, backup, n_problems);
  if (status != PEITHO_CLI_EXIT_OK)
    return status;

  if (output == NULL || !g_str_equal (output, "-"))
    g_print ("%s\n", peitho_relation_get_id (relation));

  return PEITHO_CLI_EXIT_OK;
}

int
peitho_cli_unrelate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relation_id = NULL;
  g_autofree char *output = NULL;
  gboolean backup = FALSE;
  g_autoptr(PeithoRelation) relation = NULL;
  guint n_problems = 0;
  const char *filename;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &relation_id,
      N_("The relation to remove"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of replacing FILE (“-” for standard output)"), N_("OUT.xml") },
    { "backup", 0, 0, G_OPTION_ARG_NONE, &backup,
      N_("Keep the old file as FILE~"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context, _("Removes a relation between two annotations."));

  if (!peitho_cli_parse_command (context, "unrelate", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;
  if (relation_id == NULL)
    return peitho_cli_usage_error ("unrelate", "%s", _("no relation given (--id ID)"));

  filename = argv[1];

  if (!(document = peitho_cli_load_document (filename, &n_problems, &error)))
    return peitho_cli_file_error (filename, error);

  if (!(relation = peitho_document_lookup_relation (document, relation_id)))
    return peitho_cli_file_message (filename, _("no relation with the id “%s”"), relation_id);
  /* Removing drops the document's reference. */
  g_object_ref (relation);

  peitho_document_remove_relation (document, relation);

  return peitho_cli_save_edit (document, filename, output, backup, n_problems);
}
