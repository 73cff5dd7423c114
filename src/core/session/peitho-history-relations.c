/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Undoable edits of issue 4: relations, removing a tag (with what it does to
 * annotations) and replacing the tag set. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-history-private.h"

/* Relations */

typedef PeithoRelationSnapshot RelationEdit;

static gboolean
relation_insert (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  RelationEdit *edit = data;
  g_autoptr(PeithoRelation) relation = peitho_relation_new (edit->id, edit->type, edit->from_id,
                                                            edit->to_id, edit->annotator_id);

  if (!peitho_document_add_relation (document, relation, error))
    return FALSE;
  if (edit->id == NULL)
    edit->id = g_strdup (peitho_relation_get_id (relation));
  return TRUE;
}

static gboolean
relation_delete (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  RelationEdit *edit = data;
  PeithoRelation *relation = edit->id ? peitho_document_lookup_relation (document, edit->id) : NULL;

  if (relation == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("There is no relation “%s”"), edit->id ? edit->id : "");
      return FALSE;
    }
  return peitho_document_remove_relation (document, relation);
}

static const PeithoEditType add_relation_edit = {
  N_("Add Relation"), relation_insert, relation_delete, _peitho_relation_snapshot_free,
};

static const PeithoEditType remove_relation_edit = {
  N_("Remove Relation"), relation_delete, relation_insert, _peitho_relation_snapshot_free,
};

/* peitho_history_relate(): a relation whose annotator is named, not given
 * by id, so that one who is new comes and goes with it. */
typedef struct {
  RelationEdit  relation;
  char         *annotator_name;
  gboolean      added_annotator;
} RelateEdit;

static void
relate_edit_free (gpointer data)
{
  RelateEdit *edit = data;

  _peitho_relation_snapshot_clear (&edit->relation);
  g_free (edit->annotator_name);
  g_free (edit);
}

static gboolean
relate_redo (PeithoDocument  *document,
             gpointer         data,
             GError         **error)
{
  RelateEdit *edit = data;

  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (edit != NULL && edit->relation.type != NULL);

  edit->added_annotator = _peitho_history_ensure_annotator (document, edit->annotator_name,
                                                            &edit->relation.annotator_id);
  if (!relation_insert (document, &edit->relation, error))
    {
      _peitho_history_drop_annotator (document, edit->relation.annotator_id,
                                      &edit->added_annotator);
      return FALSE;
    }

  return TRUE;
}

static gboolean
relate_undo (PeithoDocument  *document,
             gpointer         data,
             GError         **error)
{
  RelateEdit *edit = data;

  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (edit != NULL && edit->relation.id != NULL);

  if (!relation_delete (document, &edit->relation, error))
    return FALSE;
  _peitho_history_drop_annotator (document, edit->relation.annotator_id, &edit->added_annotator);

  return TRUE;
}

static const PeithoEditType relate_edit = {
  N_("Add Relation"), relate_redo, relate_undo, relate_edit_free,
};

gboolean
peitho_history_add_relation (PeithoHistory  *self,
                             const char     *type,
                             const char     *from_id,
                             const char     *to_id,
                             const char     *annotator_id,
                             char          **out_id,
                             GError        **error)
{
  RelationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (type != NULL && from_id != NULL && to_id != NULL, FALSE);

  edit = g_new0 (RelationEdit, 1);
  edit->type = g_strdup (type);
  edit->from_id = g_strdup (from_id);
  edit->to_id = g_strdup (to_id);
  edit->annotator_id = g_strdup (annotator_id);

  if (!peitho_history_perform (self, &add_relation_edit, edit, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (edit->id);
  return TRUE;
}

gboolean
peitho_history_relate (PeithoHistory  *self,
                       const char     *type,
                       const char     *from_id,
                       const char     *to_id,
                       const char     *annotator_name,
                       char          **out_id,
                       GError        **error)
{
  RelateEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (type != NULL && from_id != NULL && to_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  edit = g_new0 (RelateEdit, 1);
  edit->relation.type = g_strdup (type);
  edit->relation.from_id = g_strdup (from_id);
  edit->relation.to_id = g_strdup (to_id);
  edit->annotator_name = g_strdup (annotator_name);

  if (!peitho_history_perform (self, &relate_edit, edit, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (edit->relation.id);
  return TRUE;
}

gboolean
peitho_history_remove_relation (PeithoHistory   *self,
                                PeithoRelation  *relation,
                                GError         **error)
{
  RelationEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_RELATION (relation), FALSE);

  edit = _peitho_relation_snapshot_new (relation);

  return peitho_history_perform (self, &remove_relation_edit, edit, error);
}

/* Removing a tag */

typedef struct {
  PeithoTag  *tag;             /* a copy, to put back */
  char       *group_id;
  guint       position;
  char       *replacement_id;  /* "" removes the annotations */
  GPtrArray  *annotations;     /* copies of those that had the tag */
  GPtrArray  *relations;       /* copies of the relations removed with them */
} RemoveTagEdit;

static void
remove_tag_edit_free (gpointer data)
{
  RemoveTagEdit *edit = data;

  g_clear_object (&edit->tag);
  g_free (edit->group_id);
  g_free (edit->replacement_id);
  g_clear_pointer (&edit->annotations, g_ptr_array_unref);
  g_clear_pointer (&edit->relations, g_ptr_array_unref);
  g_free (edit);
}

static PeithoAnnotation *
copy_annotation (PeithoAnnotation *annotation)
{
  return peitho_annotation_new (peitho_annotation_get_id (annotation),
                                peitho_annotation_get_start (annotation),
                                peitho_annotation_get_end (annotation),
                                peitho_annotation_get_tag_id (annotation),
                                peitho_annotation_get_annotator_id (annotation),
                                peitho_annotation_get_note (annotation),
                                peitho_annotation_get_created (annotation));
}

static gboolean
remove_tag_redo (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  RemoveTagEdit *edit = data;
  const char *tag_id = peitho_tag_get_id (edit->tag);
  GListModel *annotations = peitho_document_get_annotations (document);

  g_ptr_array_set_size (edit->annotations, 0);
  g_ptr_array_set_size (edit->relations, 0);

  /* What undo must restore: the annotations with the tag and, when they
   * go, their relations. */
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (peitho_annotation_get_tag_id (annotation), tag_id) != 0)
        continue;
      g_ptr_array_add (edit->annotations, copy_annotation (annotation));
      if (edit->replacement_id[0] == '\0')
        {
          g_autoptr(GPtrArray) relations = peitho_document_get_relations_for (document,
                                                                             peitho_annotation_get_id (annotation));

          for (guint j = 0; j < relations->len; j++)
            {
              PeithoRelation *r = g_ptr_array_index (relations, j);
              gboolean seen = FALSE;

              for (guint k = 0; k < edit->relations->len && !seen; k++)
                seen = g_strcmp0 (peitho_relation_get_id (g_ptr_array_index (edit->relations, k)),
                                  peitho_relation_get_id (r)) == 0;
              if (!seen)
                g_ptr_array_add (edit->relations,
                                 peitho_relation_new (peitho_relation_get_id (r),
                                                      peitho_relation_get_relation_type (r),
                                                      peitho_relation_get_from_id (r),
                                                      peitho_relation_get_to_id (r),
                                                      peitho_relation_get_annotator_id (r)));
            }
        }
    }

  return peitho_document_remove_tag (document, tag_id, edit->replacement_id, error);
}

static gboolean
remove_tag_undo (PeithoDocument  *document,
                 gpointer         data,
                 GError         **error)
{
  RemoveTagEdit *edit = data;
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(PeithoTag) tag = peitho_tag_copy (edit->tag);
  const char *tag_id = peitho_tag_get_id (edit->tag);

  if (peitho_tag_set_lookup_group (tag_set, edit->group_id) == NULL)
    {
      g_autoptr(PeithoTagGroup) group = peitho_tag_group_new (edit->group_id, edit->group_id, NULL);

      if (!peitho_tag_set_add_group (tag_set, group, -1, error))
        return FALSE;
    }
  if (!peitho_tag_set_add_tag (tag_set, edit->group_id, tag, (int) edit->position, error))
    return FALSE;

  for (guint i = 0; i < edit->annotations->len; i++)
    {
      PeithoAnnotation *copy = g_ptr_array_index (edit->annotations, i);
      PeithoAnnotation *annotation = peitho_document_lookup_annotation (document, peitho_annotation_get_id (copy));

      if (edit->replacement_id[0] != '\0')
        {
          if (annotation != NULL && !peitho_document_set_annotation_tag (document, annotation, tag_id, error))
            return FALSE;
        }
      else
        {
          g_autoptr(PeithoAnnotation) again = copy_annotation (copy);

          if (!peitho_document_add_annotation (document, again, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < edit->relations->len; i++)
    {
      PeithoRelation *r = g_ptr_array_index (edit->relations, i);
      g_autoptr(PeithoRelation) again = peitho_relation_new (peitho_relation_get_id (r),
                                                             peitho_relation_get_relation_type (r),
                                                             peitho_relation_get_from_id (r),
                                                             peitho_relation_get_to_id (r),
                                                             peitho_relation_get_annotator_id (r));

      if (!peitho_document_add_relation (document, again, error))
        return FALSE;
    }

  return TRUE;
}

static const PeithoEditType remove_tag_edit = {
  N_("Remove Tag"), remove_tag_redo, remove_tag_undo, remove_tag_edit_free,
};

gboolean
peitho_history_remove_tag (PeithoHistory  *self,
                           const char     *tag_id,
                           const char     *replacement_id,
                           GError        **error)
{
  PeithoTagSet *tag_set;
  PeithoTagGroup *group;
  PeithoTag *tag;
  RemoveTagEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);

  tag_set = peitho_document_get_tag_set (peitho_history_get_document (self));
  if (!(tag = peitho_tag_set_lookup_tag (tag_set, tag_id)))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG, _("There is no tag “%s”"), tag_id);
      return FALSE;
    }

  edit = g_new0 (RemoveTagEdit, 1);
  edit->tag = peitho_tag_copy (tag);
  edit->group_id = g_strdup (peitho_tag_get_group_id (tag));
  group = peitho_tag_set_lookup_group (tag_set, edit->group_id);
  for (guint i = 0; group != NULL && i < peitho_tag_group_get_n_tags (group); i++)
    if (peitho_tag_group_get_tag (group, i) == tag)
      edit->position = i;
  edit->replacement_id = g_strdup (replacement_id ? replacement_id : "");
  edit->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  edit->relations = g_ptr_array_new_with_free_func (g_object_unref);

  return peitho_history_perform (self, &remove_tag_edit, edit, error);
}

/* Replacing the tag set */

typedef struct {
  PeithoTagSet *old_set;
  PeithoTagSet *new_set;
} TagSetEdit;

static void
tag_set_edit_free (gpointer data)
{
  TagSetEdit *edit = data;

  g_clear_object (&edit->old_set);
  g_clear_object (&edit->new_set);
  g_free (edit);
}

static gboolean
tag_set_redo (PeithoDocument  *document,
              gpointer         data,
              GError         **error)
{
  TagSetEdit *edit = data;

  return peitho_document_set_tag_set (document, edit->new_set, error);
}

static gboolean
tag_set_undo (PeithoDocument  *document,
              gpointer         data,
              GError         **error)
{
  TagSetEdit *edit = data;

  return peitho_document_set_tag_set (document, edit->old_set, error);
}

static const PeithoEditType tag_set_edit = {
  N_("Replace Tag Set"), tag_set_redo, tag_set_undo, tag_set_edit_free,
};

gboolean
peitho_history_set_tag_set (PeithoHistory  *self,
                            PeithoTagSet   *tag_set,
                            GError        **error)
{
  TagSetEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), FALSE);

  edit = g_new0 (TagSetEdit, 1);
  edit->old_set = g_object_ref (peitho_document_get_tag_set (peitho_history_get_document (self)));
  edit->new_set = g_object_ref (tag_set);

  return peitho_history_perform (self, &tag_set_edit, edit, error);
}
