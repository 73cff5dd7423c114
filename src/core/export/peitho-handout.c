/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-handout.h"

struct _PeithoHandout
{
  PeithoDocument       *document;
  PeithoHandoutOptions  options;
  GStrv                 tags_filter;
  GStrv                 annotators_filter;

  PeithoHandoutItem    *items;       /* document order */
  guint                 n_items;
  guint                 n_levels;
  GHashTable           *by_annotation;  /* PeithoAnnotation * -> PeithoHandoutItem * */
  GHashTable           *by_id;          /* annotation id -> PeithoHandoutItem * */
  GPtrArray            *notes;
  GPtrArray            *tags;
  GPtrArray            *relations;
  PeithoHandoutBlock   *blocks;      /* per paragraph */
  GStringChunk         *numbers;     /* the blocks' line numbers */
};

/* Every fifth line number where they count, as the window's gutter does. */
#define EVERY_NTH_LINE 5

void
peitho_handout_options_init (PeithoHandoutOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PeithoHandoutOptions) { 0, };
  options->notes = TRUE;
  options->labels = TRUE;
}

static gboolean
strv_is_empty (char **strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* The annotator ids that @names (names or ids) stand for. */
static GHashTable *
resolve_annotators (PeithoDocument  *document,
                    char           **names,
                    GError         **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotators = peitho_document_get_annotators (document);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      /* "" matches no one: a list of only "" shows nobody's work. */
      if (*names[i] == '\0')
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (annotators); j++)
        {
          g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, j);

          if (g_strcmp0 (peitho_annotator_get_id (annotator), names[i]) == 0
              || g_strcmp0 (peitho_annotator_get_name (annotator), names[i]) == 0)
            {
              /* The document keeps the annotator, so the id stays valid. */
              g_hash_table_add (ids, (gpointer) peitho_annotator_get_id (annotator));
              found = TRUE;
            }
        }
      if (!found)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                       _("no annotator “%s” in the document"), names[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&ids);
}

static void
assign_levels (PeithoHandout *self)
{
  g_autoptr(GArray) level_end = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < self->n_items; i++)
    {
      PeithoHandoutItem *item = &self->items[i];
      gsize start = peitho_annotation_get_start (item->annotation);
      guint level;

      for (level = 0; level < level_end->len; level++)
        if (g_array_index (level_end, gsize, level) <= start)
          break;
      if (level == level_end->len)
        g_array_set_size (level_end, level + 1);
      g_array_index (level_end, gsize, level) = peitho_annotation_get_end (item->annotation);
      item->level = level;
    }
  self->n_levels = level_end->len;
}

/* The margin's label for a line's @n: its last dotted part, only every
 * EVERY_NTH_LINE when that part is a count. */
static const char *
line_label (PeithoHandout *self,
            const char    *n)
{
  const char *last;
  guint64 count;

  g_assert (n != NULL);

  last = strrchr (n, '.');
  last = last != NULL && last[1] != '\0' ? last + 1 : n;
  if (g_ascii_string_to_unsigned (last, 10, 0, G_MAXUINT64, &count, NULL)
      && count % EVERY_NTH_LINE != 0)
    return NULL;
  return g_string_chunk_insert_const (self->numbers, last);
}

/* A block's kind is that of a heading, speaker, stage direction or line
 * that holds all of it; one that holds only part of it is a rendering
 * (see mark_style()). */
static void
classify_blocks (PeithoHandout *self)
{
  guint n = peitho_document_get_n_paragraphs (self->document);
  gboolean has_marks = peitho_document_get_n_marks (self->document) > 0;

  self->blocks = g_new0 (PeithoHandoutBlock, MAX (n, 1));
  self->numbers = g_string_chunk_new (256);
  for (guint i = 0; i < n; i++)
    {
      PeithoHandoutBlock *block = &self->blocks[i];
      g_autoptr(GPtrArray) marks = NULL;
      gsize start, length;
      int rank = 0;

      block->continues = i > 0 && peitho_document_get_block_break (self->document, i)
                                  == PEITHO_BLOCK_BREAK_LINE;
      if (!has_marks)
        continue;

      peitho_document_get_paragraph (self->document, i, &start, &length, NULL);
      marks = peitho_document_get_marks_in_range (self->document, start, start + length);
      for (guint m = 0; m < marks->len; m++)
        {
          const PeithoMark *mark = g_ptr_array_index (marks, m);
          PeithoHandoutBlockKind kind;
          int mark_rank;

          if (mark->start > start || mark->end < start + length)
            continue;
          /* A heading says more than the line it may be in, and so on. */
          switch (mark->kind)
            {
            case PEITHO_MARK_HEADING:
              kind = PEITHO_HANDOUT_BLOCK_HEADING;
              mark_rank = 4;
              break;
            case PEITHO_MARK_SPEAKER:
              kind = PEITHO_HANDOUT_BLOCK_SPEAKER;
              mark_rank = 3;
              break;
            case PEITHO_MARK_STAGE:
              kind = PEITHO_HANDOUT_BLOCK_STAGE;
              mark_rank = 2;
              break;
            case PEITHO_MARK_LINE:
              kind = PEITHO_HANDOUT_BLOCK_LINE;
              mark_rank = 1;
              break;
            default:
              continue;
            }
          if (mark_rank <= rank)
            continue;
          rank = mark_rank;
          block->kind = kind;
          block->level = kind == PEITHO_HANDOUT_BLOCK_HEADING ? CLAMP (mark->level, 1, 6) : 0;
          block->number = kind == PEITHO_HANDOUT_BLOCK_LINE && mark->value != NULL
                          ? line_label (self, mark->value) : NULL;
        }
    }
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  PeithoHandout *self = user_data;
  PeithoRelation *ra = *(PeithoRelation **) a, *rb = *(PeithoRelation **) b;
  const PeithoHandoutItem *fa = g_hash_table_lookup (self->by_id, peitho_relation_get_from_id (ra));
  const PeithoHandoutItem *fb = g_hash_table_lookup (self->by_id, peitho_relation_get_from_id (rb));
  const PeithoHandoutItem *ta = g_hash_table_lookup (self->by_id, peitho_relation_get_to_id (ra));
  const PeithoHandoutItem *tb = g_hash_table_lookup (self->by_id, peitho_relation_get_to_id (rb));

  if (fa->index != fb->index)
    return fa->index < fb->index ? -1 : 1;
  if (ta->index != tb->index)
    return ta->index < tb->index ? -1 : 1;
  return 0;
}

PeithoHandout *
peitho_handout_new (PeithoDocument             *document,
                    const PeithoHandoutOptions *options,
                    GError                    **error)
{
  g_autoptr(PeithoHandout) self = NULL;
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GHashTable) annotator_ids = NULL;
  g_autoptr(GHashTable) used_tags = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) all_tags = NULL;
  PeithoTagSet *tag_set;
  GListModel *annotations, *relations;
  guint n;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tag_set = peitho_document_get_tag_set (document);
  self = g_new0 (PeithoHandout, 1);
  self->document = g_object_ref (document);
  if (options != NULL)
    self->options = *options;
  else
    peitho_handout_options_init (&self->options);
  self->tags_filter = g_strdupv (self->options.tags);
  self->annotators_filter = g_strdupv (self->options.annotators);
  self->options.tags = self->tags_filter;
  self->options.annotators = self->annotators_filter;

  if (!strv_is_empty (self->tags_filter))
    {
      tags = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; self->tags_filter[i] != NULL; i++)
        {
          /* "" matches no tag: a list of only "" shows no highlight. */
          if (*self->tags_filter[i] == '\0')
            continue;
          if (peitho_tag_set_lookup_tag (tag_set, self->tags_filter[i]) == NULL)
            {
              g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                           _("no tag “%s” in the document’s tag set"), self->tags_filter[i]);
              return NULL;
            }
          g_hash_table_add (tags, self->tags_filter[i]);
        }
    }
  if (!strv_is_empty (self->annotators_filter))
    {
      annotator_ids = resolve_annotators (document, self->annotators_filter, error);
      if (annotator_ids == NULL)
        return NULL;
    }

  annotations = peitho_document_get_annotations (document);
  n = g_list_model_get_n_items (annotations);
  self->items = g_new0 (PeithoHandoutItem, MAX (n, 1));
  self->by_annotation = g_hash_table_new (NULL, NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->notes = g_ptr_array_new ();
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->relations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
      PeithoHandoutItem *item;

      if (tags != NULL && !g_hash_table_contains (tags, tag_id))
        continue;
      if (annotator_ids != NULL
          && (annotator_id == NULL || !g_hash_table_contains (annotator_ids, annotator_id)))
        continue;

      item = &self->items[self->n_items];
      /* The document holds the annotation and the tag as long as we hold it. */
      item->annotation = annotation;
      item->tag = peitho_tag_set_lookup_tag (tag_set, tag_id);
      item->index = self->n_items++;
      item->paragraph = peitho_document_paragraph_at (document,
                                                      peitho_annotation_get_start (annotation)) + 1;
      if (self->options.notes && peitho_annotation_get_note (annotation) != NULL
          && *peitho_annotation_get_note (annotation) != '\0')
        {
          g_ptr_array_add (self->notes, item);
          item->note_number = self->notes->len;
        }
      g_hash_table_insert (self->by_annotation, annotation, item);
      g_hash_table_insert (self->by_id, (gpointer) peitho_annotation_get_id (annotation), item);
      if (item->tag != NULL)
        g_hash_table_add (used_tags, item->tag);
    }
  assign_levels (self);

  all_tags = peitho_tag_set_dup_tags (tag_set);
  for (guint i = 0; i < all_tags->len; i++)
    if (g_hash_table_contains (used_tags, g_ptr_array_index (all_tags, i)))
      g_ptr_array_add (self->tags, g_object_ref (g_ptr_array_index (all_tags, i)));

  relations = peitho_document_get_relations (document);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      if (g_hash_table_contains (self->by_id, peitho_relation_get_from_id (relation))
          && g_hash_table_contains (self->by_id, peitho_relation_get_to_id (relation)))
        g_ptr_array_add (self->relations, g_steal_pointer (&relation));
    }
  g_ptr_array_sort_with_data (self->relations, compare_relations, self);
  classify_blocks (self);

  return g_steal_pointer (&self);
}

void
peitho_handout_free (PeithoHandout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_annotation, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->blocks, g_free);
  g_clear_pointer (&self->numbers, g_string_chunk_free);
  g_clear_pointer (&self->tags_filter, g_strfreev);
  g_clear_pointer (&self->annotators_filter, g_strfreev);
  g_clear_object (&self->document);
  g_free (self);
}

PeithoDocument *
peitho_handout_get_document (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->document;
}

const PeithoHandoutOptions *
peitho_handout_get_options (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->options;
}

guint
peitho_handout_get_n_items (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

const PeithoHandoutItem *
peitho_handout_get_item (PeithoHandout *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_items, NULL);

  return &self->items[index];
}

const PeithoHandoutItem *
peitho_handout_lookup_item (PeithoHandout *self,
                            const char    *annotation_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, annotation_id);
}

guint
peitho_handout_get_n_levels (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_levels;
}

GPtrArray *
peitho_handout_get_notes (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->notes;
}

GPtrArray *
peitho_handout_get_tags (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tags;
}

GPtrArray *
peitho_handout_get_relations (PeithoHandout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->relations;
}

static const char *
item_label (const PeithoHandoutItem *item)
{
  return item->tag != NULL ? peitho_tag_get_label (item->tag)
                           : peitho_annotation_get_tag_id (item->annotation);
}

char *
peitho_handout_describe_relation (PeithoHandout  *self,
                                  PeithoRelation *relation)
{
  const PeithoHandoutItem *from, *to;
  const char *type;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PEITHO_IS_RELATION (relation), NULL);

  from = g_hash_table_lookup (self->by_id, peitho_relation_get_from_id (relation));
  to = g_hash_table_lookup (self->by_id, peitho_relation_get_to_id (relation));
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  type = peitho_relation_get_relation_type (relation);

  if (g_strcmp0 (type, "supports") == 0)
    {
      /* Translators: a relation between two passages of a handout, each named
       * by its tag and the paragraph it begins in: "Evidence ¶3 supports Claim ¶1" */
      return g_strdup_printf (_("%1$s ¶%2$u supports %3$s ¶%4$u"),
                              item_label (from), from->paragraph, item_label (to), to->paragraph);
    }
  if (g_strcmp0 (type, "attacks") == 0)
    {
      /* Translators: a relation between two passages of a handout: "Rebuttal ¶4 attacks Claim ¶1" */
      return g_strdup_printf (_("%1$s ¶%2$u attacks %3$s ¶%4$u"),
                              item_label (from), from->paragraph, item_label (to), to->paragraph);
    }
  if (g_strcmp0 (type, "concedes") == 0)
    {
      /* Translators: a relation between two passages of a handout: "Concession ¶2 concedes Claim ¶1" */
      return g_strdup_printf (_("%1$s ¶%2$u concedes %3$s ¶%4$u"),
                              item_label (from), from->paragraph, item_label (to), to->paragraph);
    }
  if (g_strcmp0 (type, "restates") == 0)
    {
      /* Translators: a relation between two passages of a handout: "Claim ¶5 restates Claim ¶1" */
      return g_strdup_printf (_("%1$s ¶%2$u restates %3$s ¶%4$u"),
                              item_label (from), from->paragraph, item_label (to), to->paragraph);
    }
  /* Translators: a relation of the user's own type (%3$s, as the user wrote
   * it): "Claim ¶5 answers Claim ¶1" */
  return g_strdup_printf (_("%1$s ¶%2$u %3$s %4$s ¶%5$u"),
                          item_label (from), from->paragraph, type, item_label (to),
                          to->paragraph);
}

char *
peitho_handout_dup_annotator_names (PeithoHandout *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) names = g_string_new (NULL);
  GListModel *annotators;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_items; i++)
    {
      const char *id = peitho_annotation_get_annotator_id (self->items[i].annotation);

      if (id != NULL)
        g_hash_table_add (seen, (gpointer) id);
    }

  /* In the document's order of annotators, not the order of their work. */
  annotators = peitho_document_get_annotators (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *name = peitho_annotator_get_name (annotator);

      if (!g_hash_table_contains (seen, peitho_annotator_get_id (annotator)))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name != NULL ? name : peitho_annotator_get_id (annotator));
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

const PeithoHandoutBlock *
peitho_handout_get_block (PeithoHandout *self,
                          guint          paragraph)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (paragraph < peitho_document_get_n_paragraphs (self->document), NULL);

  return &self->blocks[paragraph];
}

/* The rendering a mark gives to the part of a block it holds (0: none). */
static guint
mark_style (const PeithoMark *mark)
{
  switch (mark->kind)
    {
    case PEITHO_MARK_ITALIC:
    case PEITHO_MARK_STAGE:        /* a stage direction inside a line */
      return PEITHO_HANDOUT_STYLE_ITALIC;
    case PEITHO_MARK_BOLD:
    case PEITHO_MARK_HEADING:
    case PEITHO_MARK_SPEAKER:
      return PEITHO_HANDOUT_STYLE_BOLD;
    case PEITHO_MARK_SMALL_CAPS:
      return PEITHO_HANDOUT_STYLE_SMALL_CAPS;
    case PEITHO_MARK_STRUCK:
      return PEITHO_HANDOUT_STYLE_STRUCK;
    default:
      return 0;
    }
}

static int
compare_level_desc (gconstpointer a,
                    gconstpointer b)
{
  const PeithoHandoutItem *ia = *(const PeithoHandoutItem **) a;
  const PeithoHandoutItem *ib = *(const PeithoHandoutItem **) b;

  if (ia->level != ib->level)
    return ia->level > ib->level ? -1 : 1;
  return ia->index < ib->index ? -1 : ia->index > ib->index;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

void
peitho_handout_foreach_run (PeithoHandout        *self,
                            guint                 paragraph,
                            PeithoHandoutRunFunc  func,
                            gpointer              user_data)
{
  g_autoptr(GPtrArray) overlapping = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) starting = g_ptr_array_new ();
  g_autoptr(GPtrArray) ending = g_ptr_array_new ();
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) styles = g_ptr_array_new ();   /* const PeithoMark * */
  gsize start, length, end;
  guint next = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (paragraph < peitho_document_get_n_paragraphs (self->document));
  g_return_if_fail (func != NULL);

  peitho_document_get_paragraph (self->document, paragraph, &start, &length, NULL);
  end = start + length;
  if (length == 0)
    return;

  overlapping = peitho_document_get_annotations_in_range (self->document, start, end);
  g_array_append_val (bounds, start);
  g_array_append_val (bounds, end);
  for (guint i = 0; i < overlapping->len; i++)
    {
      PeithoHandoutItem *item = g_hash_table_lookup (self->by_annotation,
                                                     g_ptr_array_index (overlapping, i));
      gsize s, e;

      if (item == NULL)
        continue;
      g_ptr_array_add (items, item);
      s = peitho_annotation_get_start (item->annotation);
      e = peitho_annotation_get_end (item->annotation);
      if (s > start)
        g_array_append_val (bounds, s);
      if (e < end)
        g_array_append_val (bounds, e);
    }
  if (peitho_document_get_n_marks (self->document) > 0)
    {
      g_autoptr(GPtrArray) marks = peitho_document_get_marks_in_range (self->document, start, end);

      for (guint i = 0; i < marks->len; i++)
        {
          const PeithoMark *mark = g_ptr_array_index (marks, i);

          if (mark_style (mark) == 0 || mark->start >= mark->end)
            continue;
          /* A heading, speaker or stage direction that holds the whole
           * block made it what it is (see classify_blocks()). */
          if (mark->start <= start && mark->end >= end
              && (mark->kind == PEITHO_MARK_HEADING || mark->kind == PEITHO_MARK_SPEAKER
                  || mark->kind == PEITHO_MARK_STAGE))
            continue;
          g_ptr_array_add (styles, (gpointer) mark);
          if (mark->start > start)
            g_array_append_val (bounds, mark->start);
          if (mark->end < end)
            g_array_append_val (bounds, mark->end);
        }
    }
  g_array_sort (bounds, compare_offsets);

  for (guint b = 0; b + 1 < bounds->len; b++)
    {
      gsize run_start = g_array_index (bounds, gsize, b);
      gsize run_end = g_array_index (bounds, gsize, b + 1);
      PeithoHandoutRun run;
      guint run_style;

      if (run_start == run_end)
        continue;

      g_ptr_array_set_size (starting, 0);
      g_ptr_array_set_size (ending, 0);
      for (guint i = 0; i < active->len; )
        if (peitho_annotation_get_end (((PeithoHandoutItem *) g_ptr_array_index (active, i))->annotation) <= run_start)
          g_ptr_array_remove_index (active, i);
        else
          i++;
      /* Items come in document order, that is by start. */
      for (; next < items->len; next++)
        {
          PeithoHandoutItem *item = g_ptr_array_index (items, next);

          if (peitho_annotation_get_start (item->annotation) > run_start)
            break;
          g_ptr_array_add (active, item);
          if (peitho_annotation_get_start (item->annotation) == run_start)
            g_ptr_array_add (starting, item);
        }
      g_ptr_array_sort (active, compare_level_desc);
      for (guint i = 0; i < active->len; i++)
        {
          PeithoHandoutItem *item = g_ptr_array_index (active, i);

          if (peitho_annotation_get_end (item->annotation) == run_end)
            g_ptr_array_add (ending, item);
        }

      run_style = 0;
      for (guint i = 0; i < styles->len; i++)
        {
          const PeithoMark *mark = g_ptr_array_index (styles, i);

          if (mark->start <= run_start && mark->end >= run_end)
            run_style |= mark_style (mark);
        }

      run = (PeithoHandoutRun) {
        .paragraph = paragraph,
        .start = run_start,
        .end = run_end,
        .active = (const PeithoHandoutItem **) active->pdata,
        .n_active = active->len,
        .starting = (const PeithoHandoutItem **) starting->pdata,
        .n_starting = starting->len,
        .ending = (const PeithoHandoutItem **) ending->pdata,
        .n_ending = ending->len,
        .style = run_style,
      };
      func (&run, user_data);
    }
}
