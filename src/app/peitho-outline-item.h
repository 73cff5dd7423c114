/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_OUTLINE_ITEM (peitho_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (PeithoOutlineItem, peitho_outline_item, PEITHO, OUTLINE_ITEM, GObject)

/* One row of the sidebar's outline: a division of an edition (act, scene,
 * chapter) with its level (1 for a top division), its range in the text
 * (characters) and its label. */
PeithoOutlineItem *peitho_outline_item_new       (const PeithoOutlineEntry *entry);
guint              peitho_outline_item_get_level (PeithoOutlineItem        *self);
gsize              peitho_outline_item_get_start (PeithoOutlineItem        *self);
gsize              peitho_outline_item_get_end   (PeithoOutlineItem        *self);
const char        *peitho_outline_item_get_label (PeithoOutlineItem        *self);

/* The outline of @document as a list of PeithoOutlineItem (empty for a
 * document without divisions, or NULL). */
GListModel        *peitho_outline_model_new      (PeithoDocument           *document);

G_END_DECLS
