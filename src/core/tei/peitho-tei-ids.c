/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-tei-ids.h"

static void
add_id (GHashTable *ids,
        const char *id)
{
  g_assert (ids != NULL);

  if (id != NULL)
    g_hash_table_add (ids, g_strdup (id));
}

void
peitho_tei_collect_document_ids (PeithoDocument *document,
                                 GHashTable     *ids)
{
  PeithoTagSet *tag_set;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GListModel *annotators;
  GListModel *relations;

  g_return_if_fail (PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (ids != NULL);

  tag_set = peitho_document_get_tag_set (document);
  tags = peitho_tag_set_dup_tags (tag_set);
  annotators = peitho_document_get_annotators (document);
  relations = peitho_document_get_relations (document);

  add_id (ids, peitho_tag_set_get_id (tag_set));
  for (guint i = 0; i < peitho_tag_set_get_n_groups (tag_set); i++)
    add_id (ids, peitho_tag_group_get_id (peitho_tag_set_get_group (tag_set, i)));
  for (guint i = 0; i < tags->len; i++)
    add_id (ids, peitho_tag_get_id (g_ptr_array_index (tags, i)));
  for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);

      add_id (ids, peitho_annotator_get_id (annotator));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      add_id (ids, peitho_relation_get_id (relation));
    }
  all = peitho_document_dup_annotation_array (document);
  for (guint i = 0; i < all->len; i++)
    add_id (ids, peitho_annotation_get_id (g_ptr_array_index (all, i)));
  for (guint i = 0; i < peitho_document_get_n_paragraphs (document); i++)
    {
      const char *xml_id = NULL;

      peitho_document_get_paragraph (document, i, NULL, NULL, &xml_id);
      add_id (ids, xml_id);
    }
}
