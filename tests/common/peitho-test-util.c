/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

void
peitho_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_if_fail (path != NULL);

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      peitho_test_remove_tree (child);
    }
  g_rmdir (path);
}

GString *
peitho_test_read_corpus (const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("PEITHO_CORPUS_DIR"));
  path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), name, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_string_new (contents);
}

void
peitho_test_replace_once (GString    *text,
                          const char *from,
                          const char *to)
{
  const char *hit;

  g_assert_nonnull (text);
  g_assert_nonnull (from);
  g_assert_nonnull (to);

  hit = strstr (text->str, from);
  if (hit == NULL)
    g_error ("“%s” is not in the text", from);
  if (strstr (hit + 1, from) != NULL)
    g_error ("“%s” is in the text more than once", from);
  g_string_replace (text, from, to, 1);
}

gsize
peitho_test_offset_of (PeithoDocument *document,
                       const char     *needle)
{
  const char *text = peitho_document_get_text (document);
  const char *hit = strstr (text, needle);

  if (hit == NULL)
    g_error ("“%s” is not in the document's text", needle);
  if (strstr (hit + 1, needle) != NULL)
    g_error ("“%s” is in the document's text more than once", needle);
  return g_utf8_pointer_to_offset (text, hit);
}

PeithoAnnotation *
peitho_test_annotation_over (PeithoDocument *document,
                             const char     *needle,
                             const char     *tag_id)
{
  gsize start = peitho_test_offset_of (document, needle);
  gsize end = start + g_utf8_strlen (needle, -1);
  g_autoptr(GPtrArray) found = peitho_document_get_annotations_in_range (document, start, end);

  for (guint i = 0; i < found->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (found, i);

      if (peitho_annotation_get_start (annotation) == start
          && peitho_annotation_get_end (annotation) == end
          && g_strcmp0 (peitho_annotation_get_tag_id (annotation), tag_id) == 0)
        return annotation;
    }
  return NULL;
}

/* Each returns NULL when equal, else the difference in a sentence. */

static char *
strings_differ (const char *what,
                const char *a,
                const char *b)
{
  if (g_strcmp0 (a, b) == 0)
    return NULL;
  return g_strdup_printf ("%s: “%s” became “%s”", what, a ? a : "(none)", b ? b : "(none)");
}

static char *
numbers_differ (const char *what,
                guint64     a,
                guint64     b)
{
  if (a == b)
    return NULL;
  return g_strdup_printf ("%s: %" G_GUINT64_FORMAT " became %" G_GUINT64_FORMAT, what, a, b);
}

static char *
times_differ (const char *what,
              GDateTime  *a,
              GDateTime  *b)
{
  g_autofree char *sa = a ? g_date_time_format_iso8601 (a) : NULL;
  g_autofree char *sb = b ? g_date_time_format_iso8601 (b) : NULL;

  /* TEI keeps seconds. */
  if ((a == NULL) == (b == NULL) && (a == NULL || g_date_time_to_unix (a) == g_date_time_to_unix (b)))
    return NULL;
  return strings_differ (what, sa, sb);
}

/* Evaluates to the first non-NULL difference of a comma-free list of checks. */
#define FIRST(check) G_STMT_START { char *d_ = (check); if (d_ != NULL) return d_; } G_STMT_END

static char *
tag_sets_differ (PeithoTagSet *a,
                 PeithoTagSet *b)
{
  FIRST (strings_differ ("tag set id", peitho_tag_set_get_id (a), peitho_tag_set_get_id (b)));
  FIRST (strings_differ ("tag set title", peitho_tag_set_get_title (a), peitho_tag_set_get_title (b)));
  FIRST (numbers_differ ("number of tag groups", peitho_tag_set_get_n_groups (a),
                         peitho_tag_set_get_n_groups (b)));
  for (guint g = 0; g < peitho_tag_set_get_n_groups (a); g++)
    {
      PeithoTagGroup *ga = peitho_tag_set_get_group (a, g);
      PeithoTagGroup *gb = peitho_tag_set_get_group (b, g);
      g_autofree char *where = g_strdup_printf ("tag group %u (%s)", g, peitho_tag_group_get_id (ga));
      g_autofree char *id = g_strconcat (where, ": id", NULL);
      g_autofree char *label = g_strconcat (where, ": label", NULL);
      g_autofree char *definition = g_strconcat (where, ": definition", NULL);
      g_autofree char *n_tags = g_strconcat (where, ": number of tags", NULL);

      FIRST (strings_differ (id, peitho_tag_group_get_id (ga), peitho_tag_group_get_id (gb)));
      FIRST (strings_differ (label, peitho_tag_group_get_label (ga), peitho_tag_group_get_label (gb)));
      FIRST (strings_differ (definition, peitho_tag_group_get_definition (ga),
                             peitho_tag_group_get_definition (gb)));
      FIRST (numbers_differ (n_tags, peitho_tag_group_get_n_tags (ga), peitho_tag_group_get_n_tags (gb)));

      for (guint t = 0; t < peitho_tag_group_get_n_tags (ga); t++)
        {
          PeithoTag *ta = peitho_tag_group_get_tag (ga, t);
          PeithoTag *tb = peitho_tag_group_get_tag (gb, t);
          const struct {
            const char *field;
            const char *(*get) (PeithoTag *tag);
          } fields[] = {
            { "id", peitho_tag_get_id },
            { "label", peitho_tag_get_label },
            { "definition", peitho_tag_get_definition },
            { "example", peitho_tag_get_example },
            { "abbreviation", peitho_tag_get_abbreviation },
            { "colour", peitho_tag_get_color },
            { "group", peitho_tag_get_group_id },
            { "shortcut", peitho_tag_get_shortcut },
          };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              g_autofree char *what = g_strdup_printf ("tag %s: %s", peitho_tag_get_id (ta), fields[f].field);

              FIRST (strings_differ (what, fields[f].get (ta), fields[f].get (tb)));
            }
        }
    }
  return NULL;
}

static char *
paragraphs_differ (PeithoDocument *a,
                   PeithoDocument *b)
{
  FIRST (numbers_differ ("number of paragraphs", peitho_document_get_n_paragraphs (a),
                         peitho_document_get_n_paragraphs (b)));
  for (guint i = 0; i < peitho_document_get_n_paragraphs (a); i++)
    {
      g_autofree char *start = g_strdup_printf ("paragraph %u: start", i);
      g_autofree char *length = g_strdup_printf ("paragraph %u: length", i);
      g_autofree char *id = g_strdup_printf ("paragraph %u: xml:id", i);
      gsize sa, na, sb, nb;
      const char *ia, *ib;

      peitho_document_get_paragraph (a, i, &sa, &na, &ia);
      peitho_document_get_paragraph (b, i, &sb, &nb, &ib);
      FIRST (numbers_differ (start, sa, sb));
      FIRST (numbers_differ (length, na, nb));
      FIRST (strings_differ (id, ia, ib));
    }
  return NULL;
}

static char *
changes_differ (PeithoDocument *a,
                PeithoDocument *b)
{
  GPtrArray *ca = peitho_document_get_changes (a);
  GPtrArray *cb = peitho_document_get_changes (b);
  guint na = ca != NULL ? ca->len : 0;

  FIRST (numbers_differ ("number of revisionDesc changes", na, cb != NULL ? cb->len : 0));
  for (guint i = 0; i < na; i++)
    {
      PeithoChange *x = g_ptr_array_index (ca, i);
      PeithoChange *y = g_ptr_array_index (cb, i);
      g_autofree char *when = g_strdup_printf ("change %u: when", i);
      g_autofree char *who = g_strdup_printf ("change %u: who", i);
      g_autofree char *text = g_strdup_printf ("change %u: text", i);

      FIRST (times_differ (when, x->when, y->when));
      FIRST (strings_differ (who, x->who, y->who));
      FIRST (strings_differ (text, x->text, y->text));
    }
  return NULL;
}

static char *
annotators_differ (PeithoDocument *a,
                   PeithoDocument *b)
{
  GListModel *la = peitho_document_get_annotators (a);
  GListModel *lb = peitho_document_get_annotators (b);

  FIRST (numbers_differ ("number of annotators", g_list_model_get_n_items (la),
                         g_list_model_get_n_items (lb)));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(PeithoAnnotator) x = g_list_model_get_item (la, i);
      g_autoptr(PeithoAnnotator) y = g_list_model_get_item (lb, i);
      g_autofree char *id = g_strdup_printf ("annotator %u: id", i);
      g_autofree char *name = g_strdup_printf ("annotator %s: name", peitho_annotator_get_id (x));

      FIRST (strings_differ (id, peitho_annotator_get_id (x), peitho_annotator_get_id (y)));
      FIRST (strings_differ (name, peitho_annotator_get_name (x), peitho_annotator_get_name (y)));
    }
  return NULL;
}

static char *
annotations_differ (PeithoDocument *a,
                    PeithoDocument *b)
{
  GListModel *la = peitho_document_get_annotations (a);
  GListModel *lb = peitho_document_get_annotations (b);

  FIRST (numbers_differ ("number of annotations", g_list_model_get_n_items (la),
                         g_list_model_get_n_items (lb)));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(PeithoAnnotation) x = g_list_model_get_item (la, i);
      g_autoptr(PeithoAnnotation) y = g_list_model_get_item (lb, i);
      g_autofree char *where = g_strdup_printf ("annotation %u (%s)", i, peitho_annotation_get_id (x));
      g_autofree char *id = g_strconcat (where, ": id", NULL);
      g_autofree char *start = g_strconcat (where, ": start", NULL);
      g_autofree char *end = g_strconcat (where, ": end", NULL);
      g_autofree char *tag = g_strconcat (where, ": tag", NULL);
      g_autofree char *annotator = g_strconcat (where, ": annotator", NULL);
      g_autofree char *note = g_strconcat (where, ": note", NULL);
      g_autofree char *created = g_strconcat (where, ": creation time", NULL);

      FIRST (strings_differ (id, peitho_annotation_get_id (x), peitho_annotation_get_id (y)));
      FIRST (numbers_differ (start, peitho_annotation_get_start (x), peitho_annotation_get_start (y)));
      FIRST (numbers_differ (end, peitho_annotation_get_end (x), peitho_annotation_get_end (y)));
      FIRST (strings_differ (tag, peitho_annotation_get_tag_id (x), peitho_annotation_get_tag_id (y)));
      FIRST (strings_differ (annotator, peitho_annotation_get_annotator_id (x),
                             peitho_annotation_get_annotator_id (y)));
      FIRST (strings_differ (note, peitho_annotation_get_note (x), peitho_annotation_get_note (y)));
      FIRST (times_differ (created, peitho_annotation_get_created (x), peitho_annotation_get_created (y)));
    }
  return NULL;
}

static char *
relations_differ (PeithoDocument *a,
                  PeithoDocument *b)
{
  GListModel *la = peitho_document_get_relations (a);
  GListModel *lb = peitho_document_get_relations (b);

  FIRST (numbers_differ ("number of relations", g_list_model_get_n_items (la),
                         g_list_model_get_n_items (lb)));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(PeithoRelation) x = g_list_model_get_item (la, i);
      g_autoptr(PeithoRelation) y = g_list_model_get_item (lb, i);
      g_autofree char *where = g_strdup_printf ("relation %u (%s)", i, peitho_relation_get_id (x));
      g_autofree char *id = g_strconcat (where, ": id", NULL);
      g_autofree char *type = g_strconcat (where, ": type", NULL);
      g_autofree char *from = g_strconcat (where, ": from", NULL);
      g_autofree char *to = g_strconcat (where, ": to", NULL);
      g_autofree char *annotator = g_strconcat (where, ": annotator", NULL);

      FIRST (strings_differ (id, peitho_relation_get_id (x), peitho_relation_get_id (y)));
      FIRST (strings_differ (type, peitho_relation_get_relation_type (x),
                             peitho_relation_get_relation_type (y)));
      FIRST (strings_differ (from, peitho_relation_get_from_id (x), peitho_relation_get_from_id (y)));
      FIRST (strings_differ (to, peitho_relation_get_to_id (x), peitho_relation_get_to_id (y)));
      FIRST (strings_differ (annotator, peitho_relation_get_annotator_id (x),
                             peitho_relation_get_annotator_id (y)));
    }
  return NULL;
}

char *
peitho_test_document_difference (PeithoDocument *a,
                                 PeithoDocument *b)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (a), NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (b), NULL);

  if (g_strcmp0 (peitho_document_get_text (a), peitho_document_get_text (b)) != 0)
    {
      const char *ta = peitho_document_get_text (a);
      const char *tb = peitho_document_get_text (b);
      gsize at = 0;

      while (ta[at] != '\0' && ta[at] == tb[at])
        at++;
      return g_strdup_printf ("text: differs from byte %" G_GSIZE_FORMAT " (%" G_GSIZE_FORMAT
                              " bytes became %" G_GSIZE_FORMAT ")", at, strlen (ta), strlen (tb));
    }
  FIRST (paragraphs_differ (a, b));
  FIRST (strings_differ ("title", peitho_document_get_title (a), peitho_document_get_title (b)));
  FIRST (strings_differ ("author", peitho_document_get_author (a), peitho_document_get_author (b)));
  FIRST (strings_differ ("date", peitho_document_get_date (a), peitho_document_get_date (b)));
  FIRST (strings_differ ("source", peitho_document_get_source (a), peitho_document_get_source (b)));
  FIRST (changes_differ (a, b));
  FIRST (tag_sets_differ (peitho_document_get_tag_set (a), peitho_document_get_tag_set (b)));
  FIRST (annotators_differ (a, b));
  FIRST (annotations_differ (a, b));
  FIRST (relations_differ (a, b));
  return NULL;
}
