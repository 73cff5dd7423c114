/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-tag.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_GROUP (peitho_tag_group_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagGroup, peitho_tag_group, PEITHO, TAG_GROUP, GObject)

/* A group of tags (an outer TEI <category>). It is a GListModel of its
 * PeithoTag items, in order. Properties: "id", "label", "definition". Change
 * its tags through PeithoTagSet so that lookups stay right. */
PeithoTagGroup *peitho_tag_group_new            (const char     *id,
                                                 const char     *label,
                                                 const char     *definition);
const char     *peitho_tag_group_get_id         (PeithoTagGroup *self);
const char     *peitho_tag_group_get_label      (PeithoTagGroup *self);
void            peitho_tag_group_set_label      (PeithoTagGroup *self,
                                                 const char     *label);
const char     *peitho_tag_group_get_definition (PeithoTagGroup *self);
void            peitho_tag_group_set_definition (PeithoTagGroup *self,
                                                 const char     *definition);
guint           peitho_tag_group_get_n_tags     (PeithoTagGroup *self);
PeithoTag      *peitho_tag_group_get_tag        (PeithoTagGroup *self,
                                                 guint           position);

/* Internal to the tag set. */
void            _peitho_tag_group_insert        (PeithoTagGroup *self,
                                                 guint           position,
                                                 PeithoTag      *tag);
gboolean        _peitho_tag_group_remove        (PeithoTagGroup *self,
                                                 PeithoTag      *tag);

G_END_DECLS
