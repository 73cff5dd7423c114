/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-seminar-copy.h"
#include "peitho-seminar-merge.h"
#include "peitho-seminar-tei.h"

/* @id without the layer prefix "ANNOTATOR.", if it has it. */
static const char *
reading_id (const char *prefix,
            const char *id)
{
  if (id != NULL && g_str_has_prefix (id, prefix) && id[strlen (prefix)] != '\0')
    return id + strlen (prefix);
  return id;
}

PeithoDocument *
peitho_seminar_split (PeithoDocument  *seminar,
                      const char      *annotator_id,
                      GError         **error)
{
  g_autoptr(PeithoDocument) reading = NULL;
  g_autoptr(PeithoAnnotator) student = NULL;
  g_autoptr(GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *prefix = NULL;
  PeithoAnnotator *annotator;
  GListModel *annotations;
  GListModel *relations;
  guint n;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (seminar), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  annotator = peitho_document_lookup_annotator (seminar, annotator_id);
  if (annotator == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("the seminar has no annotator “%s”"), annotator_id);
      return NULL;
    }

  reading = _peitho_seminar_copy_text (seminar);
  student = peitho_annotator_new (annotator_id, peitho_annotator_get_name (annotator));
  if (!peitho_document_add_annotator (reading, student, error))
    return NULL;
  prefix = g_strconcat (annotator_id, ".", NULL);

  annotations = peitho_document_get_annotations (seminar);
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (peitho_annotation_get_annotator_id (annotation), annotator_id) != 0)
        continue;
      if (!_peitho_seminar_copy_annotation (reading, annotation,
                                            reading_id (prefix, peitho_annotation_get_id (annotation)),
                                            annotator_id, error))
        return NULL;
      g_hash_table_add (mine, (gpointer) peitho_annotation_get_id (annotation));
    }

  relations = peitho_document_get_relations (seminar);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      const char *from = peitho_relation_get_from_id (relation);
      const char *to = peitho_relation_get_to_id (relation);

      /* Only relations within the layer: the others point at annotations
       * this reading does not have. */
      if (!g_hash_table_contains (mine, from) || !g_hash_table_contains (mine, to))
        continue;
      if (!_peitho_seminar_copy_relation (reading, relation,
                                          reading_id (prefix, peitho_relation_get_id (relation)),
                                          reading_id (prefix, from), reading_id (prefix, to),
                                          peitho_relation_get_annotator_id (relation), error))
        return NULL;
    }

  _peitho_seminar_tei_write_students (reading, NULL);
  _peitho_seminar_tei_prune_annotators (reading);
  return g_steal_pointer (&reading);
}
