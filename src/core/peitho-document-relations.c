/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-document-private.h"
#include "peitho-error.h"

/* A relation joins two annotations of the document; relations_by_annotation
 * finds the relations of an annotation without a scan, for the sidebar and
 * for the removal of an annotation, which takes its relations along. */

static gpointer
ref_copy (gconstpointer object,
          gpointer      user_data)
{
  return g_object_ref ((gpointer)object);
}

GListModel *
peitho_document_get_relations (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->relations);
}

guint
peitho_document_get_n_relations (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->relations));
}

static void
link_relation (PeithoDocument *self,
               const char     *annotation_id,
               PeithoRelation *relation)
{
  GPtrArray *involved = g_hash_table_lookup (self->relations_by_annotation, annotation_id);

  if (involved == NULL)
    {
      involved = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->relations_by_annotation, g_strdup (annotation_id), involved);
    }

  g_ptr_array_add (involved, g_object_ref (relation));
}

static void
unlink_relation (PeithoDocument *self,
                 const char     *annotation_id,
                 PeithoRelation *relation)
{
  GPtrArray *involved = g_hash_table_lookup (self->relations_by_annotation, annotation_id);

  if (involved == NULL)
    return;

  g_ptr_array_remove (involved, relation);
  if (involved->len == 0)
    g_hash_table_remove (self->relations_by_annotation, annotation_id);
}

gboolean
peitho_document_add_relation (PeithoDocument  *self,
                              PeithoRelation  *relation,
                              GError         **error)
{
  g_autofree char *new_id = NULL;
  const char *id;
  const char *from_id;
  const char *to_id;
  const char *annotator_id;
  const char *shown_id;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_RELATION (relation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = peitho_relation_get_id (relation);
  from_id = peitho_relation_get_from_id (relation);
  to_id = peitho_relation_get_to_id (relation);
  annotator_id = peitho_relation_get_annotator_id (relation);
  /* Translators: stands for the id of an annotation or relation that does not
   * have one yet, in messages such as "Relation (new): …" */
  shown_id = id != NULL ? id : _("(new)");

  if (id != NULL && g_hash_table_lookup (self->relations_by_id, id) == relation)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID,
                   _("Relation %s is already in the document"), id);
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *end_id = i == 0 ? from_id : to_id;

      if (!g_hash_table_contains (self->annotations_by_id, end_id))
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                       _("Relation %s: there is no annotation “%s”"), shown_id, end_id);
          return FALSE;
        }
    }

  if (g_strcmp0 (from_id, to_id) == 0)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("Relation %s links annotation %s to itself"), shown_id, from_id);
      return FALSE;
    }

  if (annotator_id != NULL && !g_hash_table_contains (self->annotators_by_id, annotator_id))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("Relation %s: the annotator “%s” is not in the document"),
                   shown_id, annotator_id);
      return FALSE;
    }

  if (id != NULL)
    {
      if (!_peitho_document_check_new_id (self, id, error))
        return FALSE;
      self->last_relation_number = MAX (self->last_relation_number,
                                        _peitho_document_id_number (id, 'r'));
    }
  else
    {
      new_id = _peitho_document_next_id (self, 'r', &self->last_relation_number);
      _peitho_relation_set_id (relation, new_id);
      id = peitho_relation_get_id (relation);
    }

  g_hash_table_add (self->ids, g_strdup (id));
  g_hash_table_insert (self->relations_by_id, (char *)id, relation);
  link_relation (self, from_id, relation);
  link_relation (self, to_id, relation);
  _peitho_document_count_add (self->relation_type_counts,
                              peitho_relation_get_relation_type (relation), 1);
  g_list_store_append (self->relations, relation);

  g_signal_emit (self, _peitho_document_signals[RELATION_ADDED], 0, relation);
  _peitho_document_emit_changed (self);

  return TRUE;
}

static void
remove_relation (PeithoDocument *self,
                 PeithoRelation *relation)
{
  g_autoptr(PeithoRelation) hold = NULL;
  const char *id = peitho_relation_get_id (relation);
  guint position;

  hold = g_object_ref (relation);

  unlink_relation (self, peitho_relation_get_from_id (relation), relation);
  unlink_relation (self, peitho_relation_get_to_id (relation), relation);
  _peitho_document_count_add (self->relation_type_counts,
                              peitho_relation_get_relation_type (relation), -1);
  g_hash_table_remove (self->relations_by_id, id);
  g_hash_table_remove (self->ids, id);
  if (g_list_store_find (self->relations, relation, &position))
    g_list_store_remove (self->relations, position);

  g_signal_emit (self, _peitho_document_signals[RELATION_REMOVED], 0, relation);
  _peitho_document_emit_changed (self);
}

void
_peitho_document_remove_relations_of (PeithoDocument *self,
                                      const char     *annotation_id,
                                      GPtrArray      *removed_relations)
{
  g_autoptr(GPtrArray) relations = NULL;
  GPtrArray *involved;

  if (!(involved = g_hash_table_lookup (self->relations_by_annotation, annotation_id)))
    return;

  /* A copy, since each removal shrinks (and the last one frees) @involved. */
  relations = g_ptr_array_copy (involved, ref_copy, NULL);
  g_ptr_array_set_free_func (relations, g_object_unref);
  for (guint i = 0; i < relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (relations, i);

      if (removed_relations != NULL)
        g_ptr_array_add (removed_relations, g_object_ref (relation));
      remove_relation (self, relation);
    }
}

gboolean
peitho_document_remove_relation (PeithoDocument *self,
                                 PeithoRelation *relation)
{
  const char *id;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_RELATION (relation), FALSE);

  id = peitho_relation_get_id (relation);
  if (id == NULL || g_hash_table_lookup (self->relations_by_id, id) != relation)
    return FALSE;

  remove_relation (self, relation);

  return TRUE;
}

PeithoRelation *
peitho_document_lookup_relation (PeithoDocument *self,
                                 const char     *id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->relations_by_id, id);
}

GPtrArray *
peitho_document_get_relations_for (PeithoDocument *self,
                                   const char     *annotation_id)
{
  GPtrArray *involved;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  involved = g_hash_table_lookup (self->relations_by_annotation, annotation_id);
  if (involved == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return g_ptr_array_copy (involved, ref_copy, NULL);
}

guint
peitho_document_count_relation_type (PeithoDocument *self,
                                     const char     *type)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return _peitho_document_count_get (self->relation_type_counts, type);
}

/*
 * Validation
 */

static void
validate_relation (PeithoDocument *self,
                   PeithoRelation *relation,
                   GPtrArray      *problems)
{
  const char *id = peitho_relation_get_id (relation);
  const char *from_id = peitho_relation_get_from_id (relation);
  const char *to_id = peitho_relation_get_to_id (relation);
  const char *annotator_id = peitho_relation_get_annotator_id (relation);

  if (!g_hash_table_contains (self->annotations_by_id, from_id))
    _peitho_document_add_problem (problems,
                                  _("Relation %s starts from annotation “%s”, which does not "
                                    "exist"),
                                  id, from_id);

  if (!g_hash_table_contains (self->annotations_by_id, to_id))
    _peitho_document_add_problem (problems,
                                  _("Relation %s points to annotation “%s”, which does not "
                                    "exist"),
                                  id, to_id);

  if (g_strcmp0 (from_id, to_id) == 0)
    _peitho_document_add_problem (problems, _("Relation %s links annotation %s to itself"),
                                  id, from_id);

  if (annotator_id != NULL && !g_hash_table_contains (self->annotators_by_id, annotator_id))
    _peitho_document_add_problem (problems,
                                  _("Relation %s names the annotator “%s”, who is not in "
                                    "the document"),
                                  id, annotator_id);
}

void
_peitho_document_validate_relations (PeithoDocument *self,
                                     GPtrArray      *problems)
{
  guint n_relations = g_list_model_get_n_items (G_LIST_MODEL (self->relations));

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(PeithoRelation) relation = NULL;

      relation = g_list_model_get_item (G_LIST_MODEL (self->relations), i);
      validate_relation (self, relation, problems);
    }
}
