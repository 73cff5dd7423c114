/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-history-private.h"

typedef struct {
  const PeithoEditType *type;
  gpointer              data;
  guint                 serial;   /* the position after this edit */
} Edit;

struct _PeithoHistory
{
  GObject parent_instance;

  PeithoDocument *document;
  GPtrArray      *undo_stack;
  GPtrArray      *redo_stack;
  guint           base_serial;  /* the position with an empty undo stack */
  guint           last_serial;
  guint           applying : 1;
};

G_DEFINE_FINAL_TYPE (PeithoHistory, peitho_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  if (edit->type->free_data != NULL)
    edit->type->free_data (edit->data);
  g_free (edit);
}

static void
notify_state (PeithoHistory *self,
              gboolean       could_undo,
              gboolean       could_redo)
{
  g_assert (PEITHO_IS_HISTORY (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  if (could_undo != peitho_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != peitho_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
peitho_history_finalize (GObject *object)
{
  PeithoHistory *self = (PeithoHistory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (peitho_history_parent_class)->finalize (object);
}

static void
peitho_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PeithoHistory *self = PEITHO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, peitho_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, peitho_history_can_redo (self));
      break;
    case PROP_POSITION:
      g_value_set_uint (value, peitho_history_get_position (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_history_class_init (PeithoHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_history_finalize;
  object_class->get_property = peitho_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_history_init (PeithoHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (edit_free);
  self->redo_stack = g_ptr_array_new_with_free_func (edit_free);
}

PeithoHistory *
peitho_history_new (PeithoDocument *document)
{
  PeithoHistory *self;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  self = g_object_new (PEITHO_TYPE_HISTORY, NULL);
  self->document = g_object_ref (document);

  return self;
}

PeithoDocument *
peitho_history_get_document (PeithoHistory *self)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), NULL);

  return self->document;
}

gboolean
peitho_history_can_undo (PeithoHistory *self)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
peitho_history_can_redo (PeithoHistory *self)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

guint
peitho_history_get_position (PeithoHistory *self)
{
  Edit *top;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), 0);

  if (self->undo_stack->len == 0)
    return self->base_serial;
  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return top->serial;
}

gboolean
peitho_history_is_applying (PeithoHistory *self)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);

  return self->applying;
}

/* Runs one direction of an edit with the applying flag up. */
static gboolean
apply (PeithoHistory         *self,
       const PeithoEditType  *type,
       gpointer               data,
       gboolean               undo,
       GError               **error)
{
  gboolean ok;

  g_assert (PEITHO_IS_HISTORY (self));
  g_assert (type != NULL);
  g_assert (!self->applying);

  self->applying = TRUE;
  ok = undo ? type->undo (self->document, data, error) : type->redo (self->document, data, error);
  self->applying = FALSE;

  return ok;
}

/* Forgets every edit. The position moves on to a new value: the document
 * is not where any earlier position left it. */
static void
drop_stacks (PeithoHistory *self)
{
  g_assert (PEITHO_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->base_serial = ++self->last_serial;
}

gboolean
peitho_history_perform (PeithoHistory         *self,
                        const PeithoEditType  *type,
                        gpointer               data,
                        GError               **error)
{
  gboolean could_undo, could_redo;
  Edit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (type != NULL && type->redo != NULL && type->undo != NULL, FALSE);

  if (!apply (self, type, data, FALSE, error))
    {
      if (type->free_data != NULL)
        type->free_data (data);
      return FALSE;
    }

  could_undo = peitho_history_can_undo (self);
  could_redo = peitho_history_can_redo (self);

  edit = g_new0 (Edit, 1);
  edit->type = type;
  edit->data = data;
  edit->serial = ++self->last_serial;
  g_ptr_array_add (self->undo_stack, edit);
  g_ptr_array_set_size (self->redo_stack, 0);

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

/* Moves the top edit of @from to @to after running it one way. An edit that
 * cannot be replayed (the document changed under it) is dropped with both
 * stacks, as other editors do, rather than left to fail again. */
static gboolean
replay (PeithoHistory  *self,
        GPtrArray      *from,
        GPtrArray      *to,
        gboolean        undo,
        GError        **error)
{
  gboolean could_undo = peitho_history_can_undo (self);
  gboolean could_redo = peitho_history_can_redo (self);
  gboolean ok;
  Edit *edit;

  g_assert (PEITHO_IS_HISTORY (self));
  g_assert (from != NULL && to != NULL && from != to);

  if (from->len == 0)
    {
      g_set_error_literal (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                           undo ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }

  edit = g_ptr_array_steal_index (from, from->len - 1);

  ok = apply (self, edit->type, edit->data, undo, error);

  if (ok)
    g_ptr_array_add (to, edit);
  else
    {
      edit_free (edit);
      drop_stacks (self);
    }

  notify_state (self, could_undo, could_redo);

  return ok;
}

gboolean
peitho_history_undo (PeithoHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);

  return replay (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
peitho_history_redo (PeithoHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);

  return replay (self, self->redo_stack, self->undo_stack, FALSE, error);
}

void
peitho_history_clear (PeithoHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (PEITHO_IS_HISTORY (self));

  could_undo = peitho_history_can_undo (self);
  could_redo = peitho_history_can_redo (self);
  drop_stacks (self);
  notify_state (self, could_undo, could_redo);
}

/*
 * Annotation edits. They keep a snapshot of the annotation, never the object:
 * after an undo and a redo the document holds a new PeithoAnnotation with
 * the same id.
 */

typedef struct {
  char      *id;
  gsize      start;
  gsize      end;
  char      *tag_id;
  char      *annotator_id;
  char      *note;
  GDateTime *created;
  /* Relations removed with the annotation, restored with it. */
  GPtrArray *relations;
  /* Retag and note edits. */
  char      *old_value;
  char      *new_value;
  /* peitho_history_annotate(): whose the annotation is, and whether the
   * edit brought them into the document. */
  char      *annotator_name;
  gboolean   added_annotator;
} AnnotationEdit;

PeithoRelationSnapshot *
_peitho_relation_snapshot_new (PeithoRelation *relation)
{
  PeithoRelationSnapshot *snap = g_new0 (PeithoRelationSnapshot, 1);

  g_assert (PEITHO_IS_RELATION (relation));

  snap->id = g_strdup (peitho_relation_get_id (relation));
  snap->type = g_strdup (peitho_relation_get_relation_type (relation));
  snap->from_id = g_strdup (peitho_relation_get_from_id (relation));
  snap->to_id = g_strdup (peitho_relation_get_to_id (relation));
  snap->annotator_id = g_strdup (peitho_relation_get_annotator_id (relation));
  return snap;
}

void
_peitho_relation_snapshot_clear (PeithoRelationSnapshot *snap)
{
  g_return_if_fail (snap != NULL);

  g_clear_pointer (&snap->id, g_free);
  g_clear_pointer (&snap->type, g_free);
  g_clear_pointer (&snap->from_id, g_free);
  g_clear_pointer (&snap->to_id, g_free);
  g_clear_pointer (&snap->annotator_id, g_free);
}

void
_peitho_relation_snapshot_free (gpointer data)
{
  PeithoRelationSnapshot *snap = data;

  _peitho_relation_snapshot_clear (snap);
  g_free (snap);
}

static void
annotation_edit_free (gpointer data)
{
  AnnotationEdit *edit = data;

  g_free (edit->id);
  g_free (edit->tag_id);
  g_free (edit->annotator_id);
  g_free (edit->note);
  g_clear_pointer (&edit->created, g_date_time_unref);
  g_clear_pointer (&edit->relations, g_ptr_array_unref);
  g_free (edit->old_value);
  g_free (edit->new_value);
  g_free (edit->annotator_name);
  g_free (edit);
}

static AnnotationEdit *
annotation_edit_new (PeithoAnnotation *annotation)
{
  AnnotationEdit *edit = g_new0 (AnnotationEdit, 1);
  GDateTime *created = peitho_annotation_get_created (annotation);

  edit->id = g_strdup (peitho_annotation_get_id (annotation));
  edit->start = peitho_annotation_get_start (annotation);
  edit->end = peitho_annotation_get_end (annotation);
  edit->tag_id = g_strdup (peitho_annotation_get_tag_id (annotation));
  edit->annotator_id = g_strdup (peitho_annotation_get_annotator_id (annotation));
  edit->note = g_strdup (peitho_annotation_get_note (annotation));
  edit->created = created ? g_date_time_ref (created) : NULL;
  edit->relations = g_ptr_array_new_with_free_func (_peitho_relation_snapshot_free);

  return edit;
}

static PeithoAnnotation *
lookup (PeithoDocument  *document,
        const char      *id,
        GError         **error)
{
  PeithoAnnotation *annotation = NULL;

  if (id != NULL)
    annotation = peitho_document_lookup_annotation (document, id);
  if (annotation == NULL)
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                 _("The annotation “%s” is no longer in the document"), id ? id : "");

  return annotation;
}

static gboolean
insert_snapshot (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  AnnotationEdit *edit = data;
  g_autoptr(PeithoAnnotation) annotation = NULL;

  annotation = peitho_annotation_new (edit->id, edit->start, edit->end, edit->tag_id,
                                      edit->annotator_id, edit->note, edit->created);
  if (!peitho_document_add_annotation (document, annotation, error))
    return FALSE;

  if (edit->id == NULL)
    edit->id = g_strdup (peitho_annotation_get_id (annotation));

  for (guint i = 0; i < edit->relations->len; i++)
    {
      PeithoRelationSnapshot *snap = g_ptr_array_index (edit->relations, i);
      g_autoptr(PeithoRelation) relation = NULL;
      g_autoptr(GError) local_error = NULL;

      relation = peitho_relation_new (snap->id, snap->type, snap->from_id, snap->to_id,
                                      snap->annotator_id);
      /* The other end may be gone since; the annotation still comes back. */
      if (!peitho_document_add_relation (document, relation, &local_error))
        g_debug ("Relation %s not restored: %s", snap->id, local_error->message);
    }
  g_ptr_array_set_size (edit->relations, 0);

  return TRUE;
}

static gboolean
delete_snapshot (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  AnnotationEdit *edit = data;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  PeithoAnnotation *annotation;

  if (!(annotation = lookup (document, edit->id, error)))
    return FALSE;

  /* The note may have changed since the snapshot was taken. */
  g_free (edit->note);
  edit->note = g_strdup (peitho_annotation_get_note (annotation));
  g_free (edit->tag_id);
  edit->tag_id = g_strdup (peitho_annotation_get_tag_id (annotation));

  if (!peitho_document_remove_annotation (document, annotation, removed))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                   _("Could not remove the annotation “%s”"), edit->id);
      return FALSE;
    }

  g_ptr_array_set_size (edit->relations, 0);
  for (guint i = 0; i < removed->len; i++)
    {
      g_ptr_array_add (edit->relations,
                       _peitho_relation_snapshot_new (g_ptr_array_index (removed, i)));
    }

  return TRUE;
}

static const PeithoEditType add_edit = {
  "add-annotation",
  insert_snapshot,
  delete_snapshot,
  annotation_edit_free,
};

static const PeithoEditType remove_edit = {
  "remove-annotation",
  delete_snapshot,
  insert_snapshot,
  annotation_edit_free,
};

gboolean
_peitho_history_ensure_annotator (PeithoDocument  *document,
                                  const char      *annotator_name,
                                  char           **annotator_id)
{
  GListModel *annotators;
  guint n_before;
  PeithoAnnotator *annotator;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (annotator_id != NULL, FALSE);

  g_clear_pointer (annotator_id, g_free);
  if (annotator_name == NULL)
    return FALSE;

  annotators = peitho_document_get_annotators (document);
  n_before = g_list_model_get_n_items (annotators);
  annotator = peitho_document_ensure_annotator (document, annotator_name);
  *annotator_id = g_strdup (peitho_annotator_get_id (annotator));
  return g_list_model_get_n_items (annotators) > n_before;
}

void
_peitho_history_drop_annotator (PeithoDocument *document,
                                const char     *annotator_id,
                                gboolean       *added)
{
  g_autoptr(GError) local_error = NULL;

  g_return_if_fail (PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (added != NULL);

  if (*added && !peitho_document_remove_annotator (document, annotator_id, &local_error))
    g_debug ("Annotator %s kept: %s", annotator_id, local_error->message);
  *added = FALSE;
}

static gboolean
annotate_redo (PeithoDocument  *document,
               gpointer         data,
               GError         **error)
{
  AnnotationEdit *edit = data;

  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (edit != NULL);

  edit->added_annotator = _peitho_history_ensure_annotator (document, edit->annotator_name,
                                                            &edit->annotator_id);
  if (!insert_snapshot (document, edit, error))
    {
      _peitho_history_drop_annotator (document, edit->annotator_id, &edit->added_annotator);
      return FALSE;
    }

  return TRUE;
}

static gboolean
annotate_undo (PeithoDocument  *document,
               gpointer         data,
               GError         **error)
{
  AnnotationEdit *edit = data;

  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (edit != NULL);

  if (!delete_snapshot (document, edit, error))
    return FALSE;
  _peitho_history_drop_annotator (document, edit->annotator_id, &edit->added_annotator);

  return TRUE;
}

static const PeithoEditType annotate_edit = {
  "annotate",
  annotate_redo,
  annotate_undo,
  annotation_edit_free,
};

static gboolean
retag_to (PeithoDocument  *document,
          AnnotationEdit  *edit,
          const char      *tag_id,
          GError         **error)
{
  PeithoAnnotation *annotation;

  if (!(annotation = lookup (document, edit->id, error)))
    return FALSE;

  return peitho_document_set_annotation_tag (document, annotation, tag_id, error);
}

static gboolean
retag_redo (PeithoDocument  *document,
            gpointer         data,
            GError         **error)
{
  return retag_to (document, data, ((AnnotationEdit *) data)->new_value, error);
}

static gboolean
retag_undo (PeithoDocument  *document,
            gpointer         data,
            GError         **error)
{
  return retag_to (document, data, ((AnnotationEdit *) data)->old_value, error);
}

static const PeithoEditType retag_edit = {
  "retag-annotation",
  retag_redo,
  retag_undo,
  annotation_edit_free,
};

static gboolean
set_note_to (PeithoDocument  *document,
             AnnotationEdit  *edit,
             const char      *note,
             GError         **error)
{
  PeithoAnnotation *annotation;

  if (!(annotation = lookup (document, edit->id, error)))
    return FALSE;

  peitho_document_set_annotation_note (document, annotation, note);
  return TRUE;
}

static gboolean
note_redo (PeithoDocument  *document,
           gpointer         data,
           GError         **error)
{
  return set_note_to (document, data, ((AnnotationEdit *) data)->new_value, error);
}

static gboolean
note_undo (PeithoDocument  *document,
           gpointer         data,
           GError         **error)
{
  return set_note_to (document, data, ((AnnotationEdit *) data)->old_value, error);
}

static const PeithoEditType note_edit = {
  "set-annotation-note",
  note_redo,
  note_undo,
  annotation_edit_free,
};

gboolean
peitho_history_add_annotation (PeithoHistory     *self,
                               PeithoAnnotation  *annotation,
                               char             **out_id,
                               GError           **error)
{
  AnnotationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  edit = annotation_edit_new (annotation);
  if (!peitho_history_perform (self, &add_edit, edit, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (edit->id);

  return TRUE;
}

gboolean
peitho_history_annotate (PeithoHistory  *self,
                         gsize           start,
                         gsize           end,
                         const char     *tag_id,
                         const char     *annotator_name,
                         char          **out_id,
                         GError        **error)
{
  g_autoptr(GDateTime) now = NULL;
  AnnotationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = g_date_time_new_now_utc ();
  edit = g_new0 (AnnotationEdit, 1);
  edit->start = start;
  edit->end = end;
  edit->tag_id = g_strdup (tag_id);
  edit->created = g_steal_pointer (&now);
  edit->relations = g_ptr_array_new_with_free_func (_peitho_relation_snapshot_free);
  edit->annotator_name = g_strdup (annotator_name);
  if (!peitho_history_perform (self, &annotate_edit, edit, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (edit->id);

  return TRUE;
}

gboolean
peitho_history_remove_annotation (PeithoHistory     *self,
                                  PeithoAnnotation  *annotation,
                                  GError           **error)
{
  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  return peitho_history_perform (self, &remove_edit, annotation_edit_new (annotation), error);
}

gboolean
peitho_history_set_tag (PeithoHistory     *self,
                        PeithoAnnotation  *annotation,
                        const char        *tag_id,
                        GError           **error)
{
  AnnotationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);

  if (g_strcmp0 (peitho_annotation_get_tag_id (annotation), tag_id) == 0)
    return TRUE;

  edit = annotation_edit_new (annotation);
  edit->old_value = g_strdup (peitho_annotation_get_tag_id (annotation));
  edit->new_value = g_strdup (tag_id);

  return peitho_history_perform (self, &retag_edit, edit, error);
}

gboolean
peitho_history_set_note (PeithoHistory     *self,
                         PeithoAnnotation  *annotation,
                         const char        *note,
                         GError           **error)
{
  AnnotationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (g_strcmp0 (peitho_annotation_get_note (annotation), note) == 0)
    return TRUE;

  edit = annotation_edit_new (annotation);
  edit->old_value = g_strdup (peitho_annotation_get_note (annotation));
  edit->new_value = g_strdup (note);

  return peitho_history_perform (self, &note_edit, edit, error);
}
