/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-document-private.h"

/* Marks are kept in one array, sorted on the first query after a change
 * (readers add them all, then nothing changes). Beside it, the running
 * maximum of the ends: the marks that can reach a given offset start at the
 * first index whose running maximum passes it, found by binary search. */

void
_peitho_document_init_marks (PeithoDocument *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (PeithoMark));
  self->marks_max_end = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->outline = g_array_new (FALSE, FALSE, sizeof (PeithoOutlineEntry));
  self->mark_strings = g_string_chunk_new (4096);
  self->marks_sorted = TRUE;
}

void
_peitho_document_clear_marks (PeithoDocument *self)
{
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->marks_max_end, g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->mark_strings, g_string_chunk_free);
}

void
peitho_document_add_mark (PeithoDocument *self,
                          PeithoMarkKind  kind,
                          gsize           start,
                          gsize           end,
                          guint           level,
                          const char     *value)
{
  PeithoMark mark = { kind, level, start, end, NULL };

  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (start <= end);
  g_return_if_fail (!PEITHO_MARK_KIND_IS_POINT (kind) || start == end);

  if (value != NULL)
    mark.value = g_string_chunk_insert_const (self->mark_strings, value);
  g_array_append_val (self->marks, mark);
  self->marks_sorted = FALSE;
}

static int
mark_compare (gconstpointer a,
              gconstpointer b)
{
  const PeithoMark *x = a;
  const PeithoMark *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

static void
ensure_sorted (PeithoDocument *self)
{
  gsize max_end = 0;

  if (self->marks_sorted)
    return;

  g_array_sort (self->marks, mark_compare);
  g_array_set_size (self->marks_max_end, self->marks->len);
  for (guint i = 0; i < self->marks->len; i++)
    {
      max_end = MAX (max_end, g_array_index (self->marks, PeithoMark, i).end);
      g_array_index (self->marks_max_end, gsize, i) = max_end;
    }
  self->marks_sorted = TRUE;
}

guint
peitho_document_get_n_marks (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return self->marks->len;
}

const PeithoMark *
peitho_document_get_mark (PeithoDocument *self,
                          guint           index)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  ensure_sorted (self);
  return &g_array_index (self->marks, PeithoMark, index);
}

static gboolean
mark_in_range (const PeithoMark *mark,
               gsize             start,
               gsize             end)
{
  if (PEITHO_MARK_KIND_IS_POINT (mark->kind) || mark->start == mark->end)
    return start == end ? mark->start == start : mark->start >= start && mark->start < end;
  return mark->start < MAX (end, start + 1) && mark->end > start;
}

GPtrArray *
peitho_document_get_marks_in_range (PeithoDocument *self,
                                    gsize           start,
                                    gsize           end)
{
  GPtrArray *result;
  guint low = 0;
  guint high;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  ensure_sorted (self);
  result = g_ptr_array_new ();

  /* The first mark whose running maximum end reaches @start. */
  high = self->marks->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->marks_max_end, gsize, mid) < start)
        low = mid + 1;
      else
        high = mid;
    }

  for (guint i = low; i < self->marks->len; i++)
    {
      const PeithoMark *mark = &g_array_index (self->marks, PeithoMark, i);

      if (mark->start > end || (mark->start == end && end > start))
        break;
      if (mark_in_range (mark, start, end))
        g_ptr_array_add (result, (gpointer) mark);
    }
  return result;
}

void
peitho_document_add_outline_entry (PeithoDocument *self,
                                   guint           level,
                                   gsize           start,
                                   gsize           end,
                                   const char     *label)
{
  PeithoOutlineEntry entry = { level, start, end, NULL };

  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (start <= end);

  entry.label = g_string_chunk_insert (self->mark_strings, label);
  g_array_append_val (self->outline, entry);
}

guint
peitho_document_get_n_outline_entries (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return self->outline->len;
}

const PeithoOutlineEntry *
peitho_document_get_outline_entry (PeithoDocument *self,
                                   guint           index)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->outline->len, NULL);

  return &g_array_index (self->outline, PeithoOutlineEntry, index);
}

gpointer
peitho_document_get_source_tree (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->source_tree;
}

void
peitho_document_set_source_tree (PeithoDocument *self,
                                 gpointer        tree,
                                 GDestroyNotify  free_func)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (tree == NULL || free_func != NULL);

  if (self->source_tree != NULL && self->source_tree_free != NULL)
    self->source_tree_free (self->source_tree);
  self->source_tree = tree;
  self->source_tree_free = free_func;
}

void
peitho_document_reserve_id (PeithoDocument *self,
                            const char     *id)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL);

  if (!g_hash_table_contains (self->ids, id)
      && !g_hash_table_contains (self->annotations_by_id, id))
    g_hash_table_add (self->ids, g_strdup (id));
}
