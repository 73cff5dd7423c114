/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-tag.h"
#include "peitho-tag-group.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_SET (peitho_tag_set_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagSet, peitho_tag_set, PEITHO, TAG_SET, GObject)

/* The vocabulary of a document: groups of tags (a TEI <taxonomy>).
 * A PeithoTagSet is a GListModel of its PeithoTagGroup items. Tag and group
 * ids share one namespace (they are xml:ids in the same file).
 * Signal "changed" (no arguments) after any change to groups or tags,
 * including a tag's properties. */
PeithoTagSet   *peitho_tag_set_new             (const char     *id,
                                                const char     *title);
/* The built-in rhetoric tag set (data/tagsets/peitho-rhetoric.xml, compiled
 * into the core as a GResource), labels and definitions translated through
 * gettext. Never fails. */
PeithoTagSet   *peitho_tag_set_new_default     (void);
PeithoTagSet   *peitho_tag_set_copy            (PeithoTagSet   *self);

const char     *peitho_tag_set_get_id          (PeithoTagSet   *self);
const char     *peitho_tag_set_get_title       (PeithoTagSet   *self);
void            peitho_tag_set_set_title       (PeithoTagSet   *self,
                                                const char     *title);

guint           peitho_tag_set_get_n_groups    (PeithoTagSet   *self);
PeithoTagGroup *peitho_tag_set_get_group       (PeithoTagSet   *self,
                                                guint           position);
guint           peitho_tag_set_get_n_tags      (PeithoTagSet   *self);
/* All tags, group by group, in order. Transfer container. */
GPtrArray      *peitho_tag_set_dup_tags        (PeithoTagSet   *self);
PeithoTag      *peitho_tag_set_lookup_tag      (PeithoTagSet   *self,
                                                const char     *tag_id);
PeithoTagGroup *peitho_tag_set_lookup_group    (PeithoTagSet   *self,
                                                const char     *group_id);

/* position -1 appends. Fail with PEITHO_ERROR_DUPLICATE_ID if the id is taken,
 * PEITHO_ERROR_NOT_FOUND if group_id names no group. */
gboolean        peitho_tag_set_add_group       (PeithoTagSet   *self,
                                                PeithoTagGroup *group,
                                                int             position,
                                                GError        **error);
gboolean        peitho_tag_set_add_tag         (PeithoTagSet   *self,
                                                const char     *group_id,
                                                PeithoTag      *tag,
                                                int             position,
                                                GError        **error);
/* Moves a tag to another place (same or other group). */
gboolean        peitho_tag_set_move_tag        (PeithoTagSet   *self,
                                                PeithoTag      *tag,
                                                const char     *group_id,
                                                int             position,
                                                GError        **error);
gboolean        peitho_tag_set_move_group      (PeithoTagSet   *self,
                                                PeithoTagGroup *group,
                                                int             position,
                                                GError        **error);
/* Removing from a tag set does not look at annotations: use
 * peitho_document_remove_tag() for a document's tag set. A group is removed
 * with all its tags. */
gboolean        peitho_tag_set_remove_tag      (PeithoTagSet   *self,
                                                PeithoTag      *tag);
gboolean        peitho_tag_set_remove_group    (PeithoTagSet   *self,
                                                PeithoTagGroup *group);
/* A fresh id, derived from @label ("Rhetorical question" -> "rhetorical-question",
 * then "-2", "-3", ...), valid as xml:id and unused in this set. */
char           *peitho_tag_set_make_id         (PeithoTagSet   *self,
                                                const char     *label);

G_END_DECLS
