/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <peitho-core.h>

G_BEGIN_DECLS

/* One kind of undoable edit. redo() performs the edit (also the first time),
 * undo() reverts it; both get the edit's own data. The annotation, relation
 * and tag-set edits below, and the import (peitho-history-import.h), are
 * such kinds; another part may add its own through peitho_history_perform(). */
typedef struct {
  const char *name;
  gboolean  (*redo) (PeithoDocument  *document,
                     gpointer         data,
                     GError         **error);
  gboolean  (*undo) (PeithoDocument  *document,
                     gpointer         data,
                     GError         **error);
  GDestroyNotify free_data;
} PeithoEditType;

#define PEITHO_TYPE_HISTORY (peitho_history_get_type ())
G_DECLARE_FINAL_TYPE (PeithoHistory, peitho_history, PEITHO, HISTORY, GObject)

/* Properties "can-undo" and "can-redo" (booleans), "position" (guint).
 * The position names the state the edits have brought the document to: it
 * changes with every perform, undo, redo and clear, and comes back to the
 * same value when an undo returns to an earlier state, so "unsaved" is
 * "the position is not the one of the last save". */
PeithoHistory *peitho_history_new               (PeithoDocument       *document);
PeithoDocument *peitho_history_get_document     (PeithoHistory        *self);
/* Runs type->redo (document, data). On success the edit goes on the undo
 * stack (taking @data) and the redo stack is emptied; on failure @data is
 * freed and nothing is recorded. */
gboolean       peitho_history_perform           (PeithoHistory        *self,
                                                 const PeithoEditType *type,
                                                 gpointer              data,
                                                 GError              **error);
guint          peitho_history_get_position      (PeithoHistory        *self);
/* TRUE while an edit's redo() or undo() runs: a document change seen then
 * is the history's own. */
gboolean       peitho_history_is_applying       (PeithoHistory        *self);
gboolean       peitho_history_can_undo          (PeithoHistory        *self);
gboolean       peitho_history_can_redo          (PeithoHistory        *self);
gboolean       peitho_history_undo              (PeithoHistory        *self,
                                                 GError              **error);
gboolean       peitho_history_redo              (PeithoHistory        *self,
                                                 GError              **error);
void           peitho_history_clear             (PeithoHistory        *self);

/* The annotation edits. Each returns the new annotation's id in @out_id
 * (add) where useful. */
gboolean       peitho_history_add_annotation    (PeithoHistory        *self,
                                                 PeithoAnnotation     *annotation,
                                                 char                **out_id,
                                                 GError              **error);
/* A new annotation of @start..@end with @tag_id, created now, by the
 * annotator named @annotator_name (NULL: nobody). An annotator the document
 * does not have yet comes with the annotation in the same edit, and its undo
 * takes them out again: tagging and undoing leaves the document as it was. */
gboolean       peitho_history_annotate          (PeithoHistory        *self,
                                                 gsize                 start,
                                                 gsize                 end,
                                                 const char           *tag_id,
                                                 const char           *annotator_name,
                                                 char                **out_id,
                                                 GError              **error);
gboolean       peitho_history_remove_annotation (PeithoHistory        *self,
                                                 PeithoAnnotation     *annotation,
                                                 GError              **error);
gboolean       peitho_history_set_tag           (PeithoHistory        *self,
                                                 PeithoAnnotation     *annotation,
                                                 const char           *tag_id,
                                                 GError              **error);
gboolean       peitho_history_set_note          (PeithoHistory        *self,
                                                 PeithoAnnotation     *annotation,
                                                 const char           *note,
                                                 GError              **error);

/* peitho-history-relations.c: relations and the tag set. */
gboolean       peitho_history_add_relation      (PeithoHistory        *self,
                                                 const char           *type,
                                                 const char           *from_id,
                                                 const char           *to_id,
                                                 const char           *annotator_id,
                                                 char                **out_id,
                                                 GError              **error);
/* A new relation by the annotator named @annotator_name (NULL: nobody). As
 * with peitho_history_annotate(), an annotator the document does not have
 * yet comes with the relation in the same edit and goes with its undo. */
gboolean       peitho_history_relate            (PeithoHistory        *self,
                                                 const char           *type,
                                                 const char           *from_id,
                                                 const char           *to_id,
                                                 const char           *annotator_name,
                                                 char                **out_id,
                                                 GError              **error);
gboolean       peitho_history_remove_relation   (PeithoHistory        *self,
                                                 PeithoRelation       *relation,
                                                 GError              **error);
/* peitho_document_remove_tag() made undoable: @replacement_id "" removes
 * the annotations (and their relations), a tag id retags them. */
gboolean       peitho_history_remove_tag        (PeithoHistory        *self,
                                                 const char           *tag_id,
                                                 const char           *replacement_id,
                                                 GError              **error);
/* peitho_document_set_tag_set() made undoable. */
gboolean       peitho_history_set_tag_set       (PeithoHistory        *self,
                                                 PeithoTagSet         *tag_set,
                                                 GError              **error);

G_END_DECLS
