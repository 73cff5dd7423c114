/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-count-item.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_COUNT_MODEL (peitho_count_model_get_type ())
G_DECLARE_FINAL_TYPE (PeithoCountModel, peitho_count_model, PEITHO, COUNT_MODEL, GObject)

/* The counts of a document, kept up to date from its signals: an annotation
 * or relation change updates the items it touches, a new tag set rebuilds
 * the items from the counts the document keeps; annotations are never
 * counted over. The model itself is a flat GListModel of the tags'
 * PeithoCountItem; get_groups() gives the groups, whose "children" are
 * those same tag items. Beside them: one item per annotator
 * (get_annotators(), following the document's annotators) and per relation
 * type in use (get_relation_types()).
 * Properties "total" (all annotations counted) and "n-relations".
 * Signal "hidden-changed" (const char *tag_id, gboolean hidden): a tag's
 * highlight was hidden or shown (peitho_count_item_set_hidden()). */
PeithoCountModel *peitho_count_model_new         (PeithoDocument   *document);
PeithoDocument   *peitho_count_model_get_document (PeithoCountModel *self);
GListModel       *peitho_count_model_get_groups  (PeithoCountModel *self);
PeithoCountItem  *peitho_count_model_lookup      (PeithoCountModel *self,
                                                  const char       *tag_or_group_id);
guint             peitho_count_model_get_total   (PeithoCountModel *self);
GListModel       *peitho_count_model_get_annotators     (PeithoCountModel *self);
GListModel       *peitho_count_model_get_relation_types (PeithoCountModel *self);
guint             peitho_count_model_get_n_relations    (PeithoCountModel *self);
/* The item of an annotator id / a relation type, or NULL. */
PeithoCountItem  *peitho_count_model_lookup_annotator   (PeithoCountModel *self,
                                                         const char       *annotator_id);
PeithoCountItem  *peitho_count_model_lookup_relation_type (PeithoCountModel *self,
                                                           const char       *type);
gboolean          peitho_count_model_is_hidden   (PeithoCountModel *self,
                                                  const char       *tag_id);
/* Leaves the annotations of @annotator_ids (NULL-terminated; NULL or empty:
 * nobody) out of the tags', groups' and total counts, as the seminar's
 * compare view hides students; the annotators' own items keep their
 * counts. Follows later changes too. */
void              peitho_count_model_set_hidden_annotators (PeithoCountModel   *self,
                                                            const char * const *annotator_ids);
gboolean          peitho_count_model_is_annotator_hidden   (PeithoCountModel *self,
                                                            const char       *annotator_id);

G_END_DECLS
