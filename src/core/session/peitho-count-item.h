/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_COUNT_ITEM (peitho_count_item_get_type ())
G_DECLARE_FINAL_TYPE (PeithoCountItem, peitho_count_item, PEITHO, COUNT_ITEM, GObject)

/* One row of the counts: a tag or a group. Properties: "id", "label",
 * "color" (tags; follows the PeithoTag), "count", "hidden" (tags: its
 * highlight is not shown), "is-group", "tag" (nullable), "children" (groups:
 * a GListModel of the tags' items). */
/* A plain row (an annotator, a relation type): no tag, no children. */
PeithoCountItem *peitho_count_item_new           (const char      *id,
                                                  const char      *label);
PeithoCountItem *peitho_count_item_new_for_tag   (PeithoTag       *tag);
PeithoCountItem *peitho_count_item_new_for_group (PeithoTagGroup  *group);
const char      *peitho_count_item_get_id        (PeithoCountItem *self);
const char      *peitho_count_item_get_label     (PeithoCountItem *self);
const char      *peitho_count_item_get_color     (PeithoCountItem *self);
PeithoTag       *peitho_count_item_get_tag       (PeithoCountItem *self);
gboolean         peitho_count_item_get_is_group  (PeithoCountItem *self);
GListModel      *peitho_count_item_get_children  (PeithoCountItem *self);
guint            peitho_count_item_get_count     (PeithoCountItem *self);
void             peitho_count_item_set_count     (PeithoCountItem *self,
                                                  guint            count);
gboolean         peitho_count_item_get_hidden    (PeithoCountItem *self);
void             peitho_count_item_set_hidden    (PeithoCountItem *self,
                                                  gboolean         hidden);

G_END_DECLS
