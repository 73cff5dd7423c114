/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-annotation.h"

G_BEGIN_DECLS

/* Private to the core. The annotations of a document in document order
 * (peitho_annotation_compare), as a GListModel and as an interval index:
 * one balanced tree (a treap) keyed by (start, end, id), each node knowing the
 * size of its subtree (positions in O(log n)) and the largest end in it
 * (overlap queries in O(log n + k) in practice).
 *
 * An annotation's start, end and id must not change while it is in the
 * index. The index holds a reference on each annotation. */
#define PEITHO_TYPE_ANNOTATION_INDEX (peitho_annotation_index_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotationIndex, peitho_annotation_index,
                      PEITHO, ANNOTATION_INDEX, GObject)

PeithoAnnotationIndex *peitho_annotation_index_new            (void);
guint                  peitho_annotation_index_get_size       (PeithoAnnotationIndex *self);
/* Inserts @annotation (not yet in the index) and returns its position.
 * Emits items-changed. While inserts are frozen it returns G_MAXUINT: the
 * annotation waits and goes into the tree with the others, at the thaw or
 * before anything reads the index. */
guint                  peitho_annotation_index_insert         (PeithoAnnotationIndex *self,
                                                               PeithoAnnotation      *annotation);
/* Between the two, inserts emit nothing; the thaw emits one items-changed
 * for all of them, as a replacement of the whole list (a document being
 * read, which no view shows yet). Removals must not happen meanwhile. */
void                   peitho_annotation_index_freeze_inserts (PeithoAnnotationIndex *self);
void                   peitho_annotation_index_thaw_inserts   (PeithoAnnotationIndex *self);
/* Removes @annotation; its former position goes to @position. FALSE if it
 * was not in the index. Emits items-changed. */
gboolean               peitho_annotation_index_remove         (PeithoAnnotationIndex *self,
                                                               PeithoAnnotation      *annotation,
                                                               guint                 *position);
/* Position of @annotation, or FALSE if it is not in the index. */
gboolean               peitho_annotation_index_find           (PeithoAnnotationIndex *self,
                                                               PeithoAnnotation      *annotation,
                                                               guint                 *position);
/* Transfer none. */
PeithoAnnotation      *peitho_annotation_index_get_nth        (PeithoAnnotationIndex *self,
                                                               guint                  position);
/* start <= offset < end, in document order. Transfer container. */
GPtrArray             *peitho_annotation_index_query_at       (PeithoAnnotationIndex *self,
                                                               gsize                  offset);
/* start < @end && end > @start, in document order. Transfer container. */
GPtrArray             *peitho_annotation_index_query_range    (PeithoAnnotationIndex *self,
                                                               gsize                  start,
                                                               gsize                  end);
/* Every annotation in document order, as an array. Transfer container. */
GPtrArray             *peitho_annotation_index_dup_all        (PeithoAnnotationIndex *self);
/* Calls @func on every annotation in document order; @func must not change
 * the index. */
void                   peitho_annotation_index_foreach        (PeithoAnnotationIndex *self,
                                                               GFunc                  func,
                                                               gpointer               user_data);
/* Checks the tree's invariants (order, priorities, sizes, max ends); for tests. */
gboolean               peitho_annotation_index_check          (PeithoAnnotationIndex *self);

G_END_DECLS
