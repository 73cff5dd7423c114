/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Importing another tool's annotations as one undoable edit. The first redo
 * applies the plan and notes what it added; undo and later redos work from
 * those notes, by id. GTK-free like the rest of the history. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-history-import.h"
#include "peitho-history-private.h"

typedef struct {
  char      *id;
  gsize      start;
  gsize      end;
  char      *tag_id;
  char      *annotator_id;
  char      *note;
  GDateTime *created;
} AnnotationSnapshot;

typedef struct {
  PeithoImportPlan *plan;         /* until the first redo */
  GPtrArray        *tags;         /* PeithoTag copies of the tags made */
  GPtrArray        *annotations;  /* AnnotationSnapshot, document order */
  GPtrArray        *relations;    /* PeithoRelationSnapshot */
  gboolean          group_added;
} ImportEdit;

static void
annotation_snapshot_free (gpointer data)
{
  AnnotationSnapshot *snap = data;

  g_free (snap->id);
  g_free (snap->tag_id);
  g_free (snap->annotator_id);
  g_free (snap->note);
  g_clear_pointer (&snap->created, g_date_time_unref);
  g_free (snap);
}

static void
import_edit_free (gpointer data)
{
  ImportEdit *edit = data;

  g_clear_pointer (&edit->plan, peitho_import_plan_free);
  g_ptr_array_unref (edit->tags);
  g_ptr_array_unref (edit->annotations);
  g_ptr_array_unref (edit->relations);
  g_free (edit);
}

static GHashTable *
annotation_ids (PeithoDocument *document)
{
  GListModel *model = peitho_document_get_annotations (document);
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (model, i);

      g_hash_table_add (ids, g_strdup (peitho_annotation_get_id (annotation)));
    }

  return ids;
}

/* What the plan added: the annotations and tags not there before. */
static void
note_added (ImportEdit     *edit,
            PeithoDocument *document,
            GHashTable     *before,
            GHashTable     *tags_before)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = peitho_document_get_annotations (document);
  GListModel *relations = peitho_document_get_relations (document);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (model, i);
      AnnotationSnapshot *snap;
      GDateTime *created;

      if (g_hash_table_contains (before, peitho_annotation_get_id (annotation)))
        continue;
      snap = g_new0 (AnnotationSnapshot, 1);
      snap->id = g_strdup (peitho_annotation_get_id (annotation));
      snap->start = peitho_annotation_get_start (annotation);
      snap->end = peitho_annotation_get_end (annotation);
      snap->tag_id = g_strdup (peitho_annotation_get_tag_id (annotation));
      snap->annotator_id = g_strdup (peitho_annotation_get_annotator_id (annotation));
      snap->note = g_strdup (peitho_annotation_get_note (annotation));
      created = peitho_annotation_get_created (annotation);
      snap->created = created != NULL ? g_date_time_ref (created) : NULL;
      g_ptr_array_add (edit->annotations, snap);
      g_hash_table_add (added, snap->id);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      if (g_hash_table_contains (added, peitho_relation_get_from_id (relation)))
        g_ptr_array_add (edit->relations, _peitho_relation_snapshot_new (relation));
    }

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);

      if (!g_hash_table_contains (tags_before, peitho_tag_get_id (tag)))
        g_ptr_array_add (edit->tags, peitho_tag_copy (tag));
    }
}

static gboolean
import_redo (PeithoDocument  *document,
             gpointer         data,
             GError         **error)
{
  ImportEdit *edit = data;
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);

  if (edit->plan != NULL)
    {
      g_autoptr(GHashTable) before = annotation_ids (document);
      g_autoptr(GHashTable) tags_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
      g_autoptr(PeithoImportPlan) plan = g_steal_pointer (&edit->plan);

      for (guint i = 0; i < tags->len; i++)
        g_hash_table_add (tags_before, g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, i))));
      edit->group_added = peitho_tag_set_lookup_group (tag_set, PEITHO_IMPORTED_GROUP_ID) == NULL;
      if (!peitho_import_plan_apply (plan, error))
        return FALSE;
      edit->group_added &= peitho_tag_set_lookup_group (tag_set, PEITHO_IMPORTED_GROUP_ID) != NULL;
      note_added (edit, document, before, tags_before);
      return TRUE;
    }

  if (edit->group_added)
    {
      g_autoptr(PeithoTagGroup) group =
        peitho_tag_group_new (PEITHO_IMPORTED_GROUP_ID, _("Imported"),
                              _("Tags that came with annotations imported from other tools."));

      if (!peitho_tag_set_add_group (tag_set, group, -1, error))
        return FALSE;
    }
  for (guint i = 0; i < edit->tags->len; i++)
    {
      g_autoptr(PeithoTag) tag = peitho_tag_copy (g_ptr_array_index (edit->tags, i));

      if (!peitho_tag_set_add_tag (tag_set, PEITHO_IMPORTED_GROUP_ID, tag, -1, error))
        return FALSE;
    }
  for (guint i = 0; i < edit->annotations->len; i++)
    {
      AnnotationSnapshot *snap = g_ptr_array_index (edit->annotations, i);
      g_autoptr(PeithoAnnotation) annotation =
        peitho_annotation_new (snap->id, snap->start, snap->end, snap->tag_id,
                               snap->annotator_id, snap->note, snap->created);

      if (!peitho_document_add_annotation (document, annotation, error))
        return FALSE;
    }
  for (guint i = 0; i < edit->relations->len; i++)
    {
      PeithoRelationSnapshot *snap = g_ptr_array_index (edit->relations, i);
      g_autoptr(PeithoRelation) relation = peitho_relation_new (snap->id, snap->type, snap->from_id,
                                                                snap->to_id, snap->annotator_id);

      if (!peitho_document_add_relation (document, relation, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_undo (PeithoDocument  *document,
             gpointer         data,
             GError         **error)
{
  ImportEdit *edit = data;
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);

  /* Removing an annotation removes its relations. */
  for (guint i = edit->annotations->len; i > 0; i--)
    {
      AnnotationSnapshot *snap = g_ptr_array_index (edit->annotations, i - 1);
      PeithoAnnotation *annotation = peitho_document_lookup_annotation (document, snap->id);

      if (annotation != NULL)
        peitho_document_remove_annotation (document, annotation, NULL);
    }
  for (guint i = 0; i < edit->tags->len; i++)
    {
      const char *tag_id = peitho_tag_get_id (g_ptr_array_index (edit->tags, i));

      if (!peitho_document_remove_tag (document, tag_id, NULL, error))
        return FALSE;
    }
  if (edit->group_added)
    {
      PeithoTagGroup *group = peitho_tag_set_lookup_group (tag_set, PEITHO_IMPORTED_GROUP_ID);

      if (group != NULL && peitho_tag_group_get_n_tags (group) == 0)
        peitho_tag_set_remove_group (tag_set, group);
    }

  return TRUE;
}

static const PeithoEditType import_edit = {
  N_("Import Annotations"), import_redo, import_undo, import_edit_free,
};

gboolean
peitho_history_import_annotations (PeithoHistory     *self,
                                   PeithoImportPlan  *plan,
                                   GError           **error)
{
  ImportEdit *edit;

  g_return_val_if_fail (PEITHO_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  edit = g_new0 (ImportEdit, 1);
  edit->plan = plan;
  edit->tags = g_ptr_array_new_with_free_func (g_object_unref);
  edit->annotations = g_ptr_array_new_with_free_func (annotation_snapshot_free);
  edit->relations = g_ptr_array_new_with_free_func (_peitho_relation_snapshot_free);

  return peitho_history_perform (self, &import_edit, edit, error);
}
