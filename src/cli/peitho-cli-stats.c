/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"
#include "peitho-cli-json.h"

typedef struct {
  char  *type;
  guint  count;
} RelationTypeCount;

static void
relation_type_count_free (gpointer data)
{
  RelationTypeCount *item = data;

  g_free (item->type);
  g_free (item);
}

/* Relation types in the order they first appear, with their counts. */
static GPtrArray *
count_relation_types (PeithoDocument *document)
{
  GPtrArray *types = g_ptr_array_new_with_free_func (relation_type_count_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *relations = peitho_document_get_relations (document);
  guint n = g_list_model_get_n_items (relations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      const char *type = peitho_relation_get_relation_type (relation);
      RelationTypeCount *item;

      if (type == NULL)
        type = "";

      if (!(item = g_hash_table_lookup (seen, type)))
        {
          item = g_new0 (RelationTypeCount, 1);
          item->type = g_strdup (type);
          g_ptr_array_add (types, item);
          g_hash_table_insert (seen, item->type, item);
        }
      item->count++;
    }

  return types;
}

static char *
stats_to_json (PeithoDocument *document)
{
  GString *json = g_string_new ("{");
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));
  g_autoptr(GPtrArray) relation_types = count_relation_types (document);
  GListModel *annotators = peitho_document_get_annotators (document);
  const char *title = peitho_document_get_title (document);
  guint n_annotators = g_list_model_get_n_items (annotators);

  peitho_cli_json_append_key (json, "title");
  peitho_cli_json_append_string (json, title != NULL ? title : "");
  peitho_cli_json_append_key (json, "author");
  peitho_cli_json_append_string (json, peitho_document_get_author (document));
  peitho_cli_json_append_key (json, "date");
  peitho_cli_json_append_string (json, peitho_document_get_date (document));
  peitho_cli_json_append_key (json, "source");
  peitho_cli_json_append_string (json, peitho_document_get_source (document));
  peitho_cli_json_append_key (json, "characters");
  g_string_append_printf (json, "%" G_GSIZE_FORMAT, peitho_document_get_length (document));
  peitho_cli_json_append_key (json, "words");
  g_string_append_printf (json, "%" G_GSIZE_FORMAT, peitho_document_count_words (document));
  peitho_cli_json_append_key (json, "paragraphs");
  g_string_append_printf (json, "%u", peitho_document_get_n_paragraphs (document));
  peitho_cli_json_append_key (json, "annotations");
  g_string_append_printf (json, "%u", peitho_document_get_n_annotations (document));
  peitho_cli_json_append_key (json, "relations");
  g_string_append_printf (json, "%u", peitho_document_get_n_relations (document));

  peitho_cli_json_append_key (json, "tags");
  g_string_append_c (json, '[');
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '{');
      peitho_cli_json_append_key (json, "id");
      peitho_cli_json_append_string (json, peitho_tag_get_id (tag));
      peitho_cli_json_append_key (json, "label");
      peitho_cli_json_append_string (json, peitho_tag_get_label (tag));
      peitho_cli_json_append_key (json, "group");
      peitho_cli_json_append_string (json, peitho_tag_get_group_id (tag));
      peitho_cli_json_append_key (json, "count");
      g_string_append_printf (json, "%u",
                              peitho_document_count_tag (document, peitho_tag_get_id (tag)));
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');

  peitho_cli_json_append_key (json, "annotators");
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *id = peitho_annotator_get_id (annotator);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '{');
      peitho_cli_json_append_key (json, "id");
      peitho_cli_json_append_string (json, id);
      peitho_cli_json_append_key (json, "name");
      peitho_cli_json_append_string (json, peitho_annotator_get_name (annotator));
      peitho_cli_json_append_key (json, "count");
      g_string_append_printf (json, "%u", peitho_document_count_annotator (document, id));
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');

  peitho_cli_json_append_key (json, "relation_types");
  g_string_append_c (json, '[');
  for (guint i = 0; i < relation_types->len; i++)
    {
      RelationTypeCount *item = g_ptr_array_index (relation_types, i);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '{');
      peitho_cli_json_append_key (json, "type");
      peitho_cli_json_append_string (json, item->type);
      peitho_cli_json_append_key (json, "count");
      g_string_append_printf (json, "%u", item->count);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');

  g_string_append (json, "}\n");

  return g_string_free (json, FALSE);
}

/* Appends @str padded with spaces to @width characters (not bytes: labels
 * may be translated). */
static void
append_padded (GString    *out,
               const char *str,
               guint       width)
{
  glong len;

  if (str == NULL)
    str = "";

  len = g_utf8_strlen (str, -1);
  g_string_append (out, str);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static void
append_row (GString    *out,
            const char *first,
            guint       first_width,
            const char *second,
            guint       second_width,
            guint       count)
{
  append_padded (out, first, first_width);
  g_string_append (out, "  ");
  append_padded (out, second, second_width);
  g_string_append_printf (out, "  %6u\n", count);
}

/* A table's head row: the column titles, then "Count" over the counts. */
static void
append_header (GString    *out,
               const char *first,
               guint       first_width,
               const char *second,
               guint       second_width)
{
  append_padded (out, first, first_width);
  g_string_append (out, "  ");
  append_padded (out, second, second_width);
  g_string_append_printf (out, "  %6s\n", _("Count"));
}

static guint
max_width (guint       width,
           const char *str)
{
  return str != NULL ? MAX (width, (guint) g_utf8_strlen (str, -1)) : width;
}

static char *
stats_to_table (PeithoDocument *document)
{
  GString *out = g_string_new (NULL);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(GPtrArray) relation_types = count_relation_types (document);
  GListModel *annotators = peitho_document_get_annotators (document);
  guint n_annotators = g_list_model_get_n_items (annotators);
  guint n_groups = peitho_tag_set_get_n_groups (tag_set);
  const char *title = peitho_document_get_title (document);
  const char *author = peitho_document_get_author (document);
  guint first_width = 0;
  guint second_width = 0;

  if (title != NULL)
    g_string_append_printf (out, "%s\n", title);
  if (author != NULL)
    g_string_append_printf (out, "%s\n", author);
  if (title != NULL || author != NULL)
    g_string_append_c (out, '\n');

  g_string_append_printf (out, "%-14s %8" G_GSIZE_FORMAT "\n", _("Characters"),
                          peitho_document_get_length (document));
  g_string_append_printf (out, "%-14s %8" G_GSIZE_FORMAT "\n", _("Words"),
                          peitho_document_count_words (document));
  g_string_append_printf (out, "%-14s %8u\n", _("Paragraphs"),
                          peitho_document_get_n_paragraphs (document));
  g_string_append_printf (out, "%-14s %8u\n", _("Annotations"),
                          peitho_document_get_n_annotations (document));
  g_string_append_printf (out, "%-14s %8u\n", _("Relations"),
                          peitho_document_get_n_relations (document));

  /* One width for all three tables, so that the counts line up. */
  first_width = max_width (first_width, _("Group"));
  first_width = max_width (first_width, _("Total"));
  first_width = max_width (first_width, _("Annotator"));
  first_width = max_width (first_width, _("Relation type"));
  second_width = max_width (second_width, _("Tag"));
  second_width = max_width (second_width, _("Id"));
  for (guint i = 0; i < n_groups; i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i);
      guint n_tags = peitho_tag_group_get_n_tags (group);

      first_width = max_width (first_width, peitho_tag_group_get_label (group));
      for (guint j = 0; j < n_tags; j++)
        second_width = max_width (second_width,
                                  peitho_tag_get_label (peitho_tag_group_get_tag (group, j)));
    }
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);

      first_width = max_width (first_width, peitho_annotator_get_name (annotator));
      second_width = max_width (second_width, peitho_annotator_get_id (annotator));
    }
  for (guint i = 0; i < relation_types->len; i++)
    {
      RelationTypeCount *item = g_ptr_array_index (relation_types, i);

      first_width = max_width (first_width, item->type);
    }

  g_string_append_c (out, '\n');
  append_header (out, _("Group"), first_width, _("Tag"), second_width);
  for (guint i = 0; i < n_groups; i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i);
      guint n_tags = peitho_tag_group_get_n_tags (group);

      append_row (out, peitho_tag_group_get_label (group), first_width, "", second_width,
                  peitho_document_count_group (document, peitho_tag_group_get_id (group)));
      for (guint j = 0; j < n_tags; j++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, j);

          append_row (out, "", first_width, peitho_tag_get_label (tag), second_width,
                      peitho_document_count_tag (document, peitho_tag_get_id (tag)));
        }
    }
  append_row (out, _("Total"), first_width, "", second_width,
              peitho_document_get_n_annotations (document));

  if (n_annotators > 0)
    {
      g_string_append_c (out, '\n');
      append_header (out, _("Annotator"), first_width, _("Id"), second_width);
      for (guint i = 0; i < n_annotators; i++)
        {
          g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
          const char *id = peitho_annotator_get_id (annotator);

          append_row (out, peitho_annotator_get_name (annotator), first_width, id, second_width,
                      peitho_document_count_annotator (document, id));
        }
    }

  if (relation_types->len > 0)
    {
      g_string_append_c (out, '\n');
      append_header (out, _("Relation type"), first_width, "", second_width);
      for (guint i = 0; i < relation_types->len; i++)
        {
          RelationTypeCount *item = g_ptr_array_index (relation_types, i);

          append_row (out, item->type, first_width, "", second_width, item->count);
        }
    }

  return g_string_free (out, FALSE);
}

int
peitho_cli_stats (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  const char *filename;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON object instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Prints the size of the text and the number of annotations per tag, group and\n"
      "annotator, and of relations per type."));

  if (!peitho_cli_parse_command (context, "stats", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  output = json ? stats_to_json (document) : stats_to_table (document);

  if (!peitho_cli_write_stdout (output, strlen (output), &error))
    return peitho_cli_file_error (NULL, error);

  return PEITHO_CLI_EXIT_OK;
}
