/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-document-private.h"
#include "peitho-error.h"

/* The annotation index is both the GListModel of the annotations (in text
 * order) and the interval tree behind the queries by offset; the counts per
 * tag, group and annotator follow every change so that the sidebar never
 * scans the annotations. */

static const char *
group_of_tag (PeithoDocument *self,
              const char     *tag_id)
{
  PeithoTag *tag = peitho_tag_set_lookup_tag (self->tag_set, tag_id);

  return tag != NULL ? peitho_tag_get_group_id (tag) : NULL;
}

static void count_pair (PeithoDocument *self,
                        const char     *tag_id,
                        const char     *annotator_id,
                        int             delta);

/* Group counts derive from tag counts through the tag set; when tags move
 * between groups or leave the set, they are derived again from the tag
 * counts (one entry per tag in use, never a scan of the annotations). */
void
_peitho_document_rebuild_group_counts (PeithoDocument *self)
{
  GHashTableIter iter;
  gpointer key, value;

  _peitho_document_apply_pending_counts (self);
  g_hash_table_remove_all (self->group_counts);

  g_hash_table_iter_init (&iter, self->tag_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    _peitho_document_count_add (self->group_counts, group_of_tag (self, key), *(guint *)value);
}

/* A key of pending_counts: both ids interned, compared by pointer. */
typedef struct {
  const char *tag_id;
  const char *annotator_id;
  guint       count;
} PendingCount;

static guint
pending_count_hash (gconstpointer key)
{
  const PendingCount *pending = key;

  return g_direct_hash (pending->tag_id) * 31 + g_direct_hash (pending->annotator_id);
}

static gboolean
pending_count_equal (gconstpointer a,
                     gconstpointer b)
{
  const PendingCount *p = a;
  const PendingCount *q = b;

  return p->tag_id == q->tag_id && p->annotator_id == q->annotator_id;
}

void
_peitho_document_defer_counts (PeithoDocument *self)
{
  g_assert (PEITHO_IS_DOCUMENT (self));
  g_assert (self->pending_counts == NULL);

  self->pending_counts = g_hash_table_new_full (pending_count_hash, pending_count_equal,
                                                g_free, NULL);
}

void
_peitho_document_apply_pending_counts (PeithoDocument *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->pending_counts == NULL || g_hash_table_size (self->pending_counts) == 0)
    return;

  /* Taken out first: count_pair() must not defer them again. */
  pending = g_steal_pointer (&self->pending_counts);
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      PendingCount *count = key;

      count_pair (self, count->tag_id, count->annotator_id, (int) count->count);
    }
  g_hash_table_remove_all (pending);
  self->pending_counts = g_steal_pointer (&pending);
}

void
_peitho_document_end_deferred_counts (PeithoDocument *self)
{
  g_assert (PEITHO_IS_DOCUMENT (self));
  g_assert (self->pending_counts != NULL);

  _peitho_document_apply_pending_counts (self);
  g_clear_pointer (&self->pending_counts, g_hash_table_unref);
}

static void
count_pair (PeithoDocument *self,
            const char     *tag_id,
            const char     *annotator_id,
            int             delta)
{
  _peitho_document_count_add (self->tag_counts, tag_id, delta);
  _peitho_document_count_add (self->group_counts, group_of_tag (self, tag_id), delta);
  _peitho_document_count_add (self->annotator_counts, annotator_id, delta);
  if (annotator_id != NULL)
    {
      GHashTable *tags = g_hash_table_lookup (self->annotator_tag_counts, annotator_id);

      if (tags == NULL)
        {
          tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (self->annotator_tag_counts, g_strdup (annotator_id), tags);
        }
      _peitho_document_count_add (tags, tag_id, delta);
      /* An annotator with nothing left keeps no table. */
      if (g_hash_table_size (tags) == 0)
        g_hash_table_remove (self->annotator_tag_counts, annotator_id);
    }
}

static void
count_annotation (PeithoDocument   *self,
                  PeithoAnnotation *annotation,
                  int               delta)
{
  /* Interned, so that pending_counts can compare them by pointer. */
  const char *tag_id = peitho_annotation_get_tag_id (annotation);
  const char *annotator_id = peitho_annotation_get_annotator_id (annotation);

  g_assert (PEITHO_IS_DOCUMENT (self));
  g_assert (PEITHO_IS_ANNOTATION (annotation));
  g_assert (delta == 1 || delta == -1);

  if (self->pending_counts != NULL && delta > 0)
    {
      PendingCount key = { tag_id, annotator_id, 0 };
      PendingCount *pending = g_hash_table_lookup (self->pending_counts, &key);

      if (pending == NULL)
        {
          pending = g_memdup2 (&key, sizeof key);
          g_hash_table_add (self->pending_counts, pending);
        }
      pending->count++;
      return;
    }

  _peitho_document_apply_pending_counts (self);
  count_pair (self, tag_id, annotator_id, delta);
}

GListModel *
peitho_document_get_annotations (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

GPtrArray *
peitho_document_dup_annotation_array (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return peitho_annotation_index_dup_all (self->annotations);
}

static PeithoAnnotationRecord
record_of (PeithoAnnotation *annotation)
{
  return (PeithoAnnotationRecord) {
    peitho_annotation_get_start (annotation),
    peitho_annotation_get_end (annotation),
    peitho_annotation_get_tag_id (annotation),
    peitho_annotation_get_annotator_id (annotation),
  };
}

static void
add_record_cb (gpointer data,
               gpointer user_data)
{
  PeithoAnnotationRecord record = record_of (data);

  g_array_append_val ((GArray *) user_data, record);
}

/* Carries the records of peitho_document_dup_annotation_records() through
 * one change at @position of the index: @old, taken from the document
 * before the change, less @n_removed records there, plus the record of
 * @added if there is one. A copy of memory instead of a walk through every
 * annotation after every tag action (13 ms with 100,000 of them), and
 * never an edit: other threads may be reading @old. If a handler of the
 * change made new records meanwhile, or @position is not known (inserts
 * frozen), the records are made again when asked for. Takes @old. */
static void
follow_records (PeithoDocument   *self,
                GArray           *old,
                guint             position,
                guint             n_removed,
                PeithoAnnotation *added)
{
  GArray *records;
  gsize after;

  if (old == NULL)
    return;
  if (self->annotation_records != NULL || position == G_MAXUINT)
    {
      g_array_unref (old);
      return;
    }

  g_assert (position <= old->len && n_removed <= old->len - position);
  after = position + n_removed;
  records = g_array_sized_new (FALSE, FALSE, sizeof (PeithoAnnotationRecord),
                               old->len - n_removed + (added != NULL ? 1 : 0));
  g_array_append_vals (records, old->data, position);
  if (added != NULL)
    {
      PeithoAnnotationRecord record = record_of (added);

      g_array_append_val (records, record);
    }
  g_array_append_vals (records, &g_array_index (old, PeithoAnnotationRecord, after),
                       old->len - after);
  self->annotation_records = records;
  g_array_unref (old);
}

GArray *
peitho_document_dup_annotation_records (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  /* The agreement and the discussion both ask after every change. */
  if (self->annotation_records == NULL)
    {
      self->annotation_records = g_array_sized_new (FALSE, FALSE, sizeof (PeithoAnnotationRecord),
                                                    peitho_annotation_index_get_size (self->annotations));
      peitho_annotation_index_foreach (self->annotations, add_record_cb, self->annotation_records);
    }
  return g_array_ref (self->annotation_records);
}

guint
peitho_document_get_n_annotations (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return peitho_annotation_index_get_size (self->annotations);
}

PeithoAnnotation *
peitho_document_lookup_annotation (PeithoDocument *self,
                                   const char     *id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->annotations_by_id, id);
}

gboolean
peitho_document_add_annotation (PeithoDocument    *self,
                                PeithoAnnotation  *annotation,
                                GError           **error)
{
  g_autofree char *new_id = NULL;
  GArray *old_records;
  const char *id;
  const char *tag_id;
  const char *annotator_id;
  const char *shown_id;
  guint position;
  gsize start;
  gsize end;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (_peitho_annotation_get_owner (annotation) == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = peitho_annotation_get_id (annotation);
  tag_id = peitho_annotation_get_tag_id (annotation);
  annotator_id = peitho_annotation_get_annotator_id (annotation);
  start = peitho_annotation_get_start (annotation);
  end = peitho_annotation_get_end (annotation);

  /* Translators: stands for the id of an annotation or relation that does not
   * have one yet, in messages such as "Annotation (new): …" */
  shown_id = id != NULL ? id : _("(new)");

  if (start > end)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE,
                   /* Translators: %s is an annotation id; the numbers are character offsets */
                   _("Annotation %s: the range %lu–%lu is reversed "
                     "(the text has %lu characters)"),
                   shown_id, (gulong)start, (gulong)end, (gulong)self->length);
      return FALSE;
    }

  if (start == end)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE,
                   /* Translators: %s is an annotation id; the numbers are character offsets */
                   _("Annotation %s: the range %lu–%lu is empty "
                     "(the text has %lu characters)"),
                   shown_id, (gulong)start, (gulong)end, (gulong)self->length);
      return FALSE;
    }

  if (end > self->length)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE,
                   /* Translators: %s is an annotation id; the numbers are character offsets */
                   _("Annotation %s: the range %lu–%lu is beyond the end of the text "
                     "(the text has %lu characters)"),
                   shown_id, (gulong)start, (gulong)end, (gulong)self->length);
      return FALSE;
    }

  _peitho_document_snap_range (self, &start, &end);
  if (start >= end)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE,
                   /* Translators: %s is an annotation id; the numbers are character offsets */
                   _("Annotation %s: the range %lu–%lu holds only a paragraph break"),
                   shown_id, (gulong)peitho_annotation_get_start (annotation),
                   (gulong)peitho_annotation_get_end (annotation));
      return FALSE;
    }

  if (peitho_tag_set_lookup_tag (self->tag_set, tag_id) == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                   _("Annotation %s: the tag “%s” is not in the tag set"),
                   shown_id, tag_id);
      return FALSE;
    }

  if (annotator_id != NULL && !g_hash_table_contains (self->annotators_by_id, annotator_id))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("Annotation %s: the annotator “%s” is not in the document"),
                   shown_id, annotator_id);
      return FALSE;
    }

  if (id != NULL)
    {
      if (!_peitho_document_check_new_id (self, id, error))
        return FALSE;
      self->last_annotation_number = MAX (self->last_annotation_number,
                                          _peitho_document_id_number (id, 'a'));
    }
  else
    {
      new_id = _peitho_document_next_id (self, 'a', &self->last_annotation_number);
      _peitho_annotation_set_id (annotation, new_id);
      id = peitho_annotation_get_id (annotation);
    }

  _peitho_annotation_set_range (annotation, start, end);
  _peitho_annotation_set_owner (annotation, self);

  g_hash_table_insert (self->annotations_by_id, (char *)id, annotation);
  old_records = g_steal_pointer (&self->annotation_records);
  position = peitho_annotation_index_insert (self->annotations, annotation);
  follow_records (self, old_records, position, 0, annotation);
  count_annotation (self, annotation, 1);

  g_signal_emit (self, _peitho_document_signals[ANNOTATION_ADDED], 0, annotation);
  _peitho_document_emit_changed (self);

  return TRUE;
}

void
_peitho_document_remove_annotation (PeithoDocument   *self,
                                    PeithoAnnotation *annotation,
                                    GPtrArray        *removed_relations)
{
  g_autoptr(PeithoAnnotation) hold = NULL;
  const char *id = peitho_annotation_get_id (annotation);
  GArray *old_records;
  guint position = 0;

  /* Alive until the signals are out, though the document drops it. */
  hold = g_object_ref (annotation);

  _peitho_document_freeze_changed (self);

  _peitho_document_remove_relations_of (self, id, removed_relations);

  count_annotation (self, annotation, -1);
  g_hash_table_remove (self->annotations_by_id, id);
  old_records = g_steal_pointer (&self->annotation_records);
  if (!peitho_annotation_index_remove (self->annotations, annotation, &position))
    g_assert_not_reached ();
  follow_records (self, old_records, position, 1, NULL);
  _peitho_annotation_set_owner (annotation, NULL);

  g_signal_emit (self, _peitho_document_signals[ANNOTATION_REMOVED], 0, annotation);
  _peitho_document_emit_changed (self);
  _peitho_document_thaw_changed (self);
}

gboolean
peitho_document_remove_annotation (PeithoDocument   *self,
                                   PeithoAnnotation *annotation,
                                   GPtrArray        *removed_relations)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  if (_peitho_annotation_get_owner (annotation) != self)
    return FALSE;

  _peitho_document_remove_annotation (self, annotation, removed_relations);

  return TRUE;
}

gboolean
_peitho_document_set_annotation_tag (PeithoDocument    *self,
                                     PeithoAnnotation  *annotation,
                                     const char        *tag_id,
                                     GError           **error)
{
  g_autofree char *old_tag_id = NULL;
  GArray *old_records;
  guint position;

  if (peitho_tag_set_lookup_tag (self->tag_set, tag_id) == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                   _("Annotation %s: the tag “%s” is not in the tag set"),
                   peitho_annotation_get_id (annotation), tag_id);
      return FALSE;
    }

  old_tag_id = g_strdup (peitho_annotation_get_tag_id (annotation));
  if (g_strcmp0 (old_tag_id, tag_id) == 0)
    return TRUE;

  count_annotation (self, annotation, -1);
  _peitho_annotation_set_tag_id (annotation, tag_id);
  count_annotation (self, annotation, 1);
  old_records = g_steal_pointer (&self->annotation_records);
  if (old_records != NULL && peitho_annotation_index_find (self->annotations, annotation, &position))
    follow_records (self, old_records, position, 1, annotation);
  else
    g_clear_pointer (&old_records, g_array_unref);

  g_signal_emit (self, _peitho_document_signals[ANNOTATION_CHANGED], 0, annotation, old_tag_id);
  _peitho_document_emit_changed (self);

  return TRUE;
}

gboolean
peitho_document_set_annotation_tag (PeithoDocument    *self,
                                    PeithoAnnotation  *annotation,
                                    const char        *tag_id,
                                    GError           **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (_peitho_annotation_get_owner (annotation) == self, FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _peitho_document_set_annotation_tag (self, annotation, tag_id, error);
}

void
peitho_document_set_annotation_note (PeithoDocument   *self,
                                     PeithoAnnotation *annotation,
                                     const char       *note)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (PEITHO_IS_ANNOTATION (annotation));
  g_return_if_fail (_peitho_annotation_get_owner (annotation) == self);

  if (g_strcmp0 (peitho_annotation_get_note (annotation), note) == 0)
    return;

  _peitho_annotation_set_note (annotation, note);
  g_signal_emit (self, _peitho_document_signals[ANNOTATION_CHANGED], 0, annotation,
                 peitho_annotation_get_tag_id (annotation));
  _peitho_document_emit_changed (self);
}

GPtrArray *
peitho_document_get_annotations_at (PeithoDocument *self,
                                    gsize           offset)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return peitho_annotation_index_query_at (self->annotations, offset);
}

GPtrArray *
peitho_document_get_annotations_in_range (PeithoDocument *self,
                                          gsize           start,
                                          gsize           end)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return peitho_annotation_index_query_range (self->annotations, start, end);
}

/*
 * Counts
 */

guint
peitho_document_count_tag (PeithoDocument *self,
                           const char     *tag_id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  _peitho_document_apply_pending_counts (self);
  return _peitho_document_count_get (self->tag_counts, tag_id);
}

guint
peitho_document_count_group (PeithoDocument *self,
                             const char     *group_id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  _peitho_document_apply_pending_counts (self);
  return _peitho_document_count_get (self->group_counts, group_id);
}

guint
peitho_document_count_annotator (PeithoDocument *self,
                                 const char     *annotator_id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  _peitho_document_apply_pending_counts (self);
  return _peitho_document_count_get (self->annotator_counts, annotator_id);
}

guint
peitho_document_count_annotator_tag (PeithoDocument *self,
                                     const char     *annotator_id,
                                     const char     *tag_id)
{
  GHashTable *tags;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  _peitho_document_apply_pending_counts (self);
  if (annotator_id == NULL
      || !(tags = g_hash_table_lookup (self->annotator_tag_counts, annotator_id)))
    return 0;
  return _peitho_document_count_get (tags, tag_id);
}

/*
 * Validation
 */

static void
validate_annotation (PeithoDocument   *self,
                     PeithoAnnotation *annotation,
                     GPtrArray        *problems)
{
  const char *id = peitho_annotation_get_id (annotation);
  const char *tag_id = peitho_annotation_get_tag_id (annotation);
  const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);

  if (start >= end)
    _peitho_document_add_problem (problems,
                                  /* Translators: %s is an annotation id; the numbers are
                                   * character offsets */
                                  _("Annotation %s is empty (%lu–%lu)"),
                                  id, (gulong)start, (gulong)end);
  else if (end > self->length)
    _peitho_document_add_problem (problems,
                                  /* Translators: %s is an annotation id; the first number is
                                   * where it ends, the second the length of the text, both
                                   * in characters */
                                  _("Annotation %s ends at %lu, beyond the end of the text "
                                    "(%lu)"),
                                  id, (gulong)end, (gulong)self->length);

  if (peitho_tag_set_lookup_tag (self->tag_set, tag_id) == NULL)
    _peitho_document_add_problem (problems,
                                  _("Annotation %s uses the tag “%s”, which is not in the "
                                    "tag set"),
                                  id, tag_id);

  if (annotator_id != NULL && !g_hash_table_contains (self->annotators_by_id, annotator_id))
    _peitho_document_add_problem (problems,
                                  _("Annotation %s names the annotator “%s”, who is not in "
                                    "the document"),
                                  id, annotator_id);
}

void
_peitho_document_validate_annotations (PeithoDocument *self,
                                       GPtrArray      *problems)
{
  g_autoptr(GPtrArray) annotations = NULL;

  annotations = peitho_annotation_index_dup_all (self->annotations);
  for (guint i = 0; i < annotations->len; i++)
    validate_annotation (self, g_ptr_array_index (annotations, i), problems);
}
