/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "peitho-window.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_SET_EDITOR (peitho_tag_set_editor_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagSetEditor, peitho_tag_set_editor, PEITHO, TAG_SET_EDITOR, AdwWindow)

/* Edits the tag set of @window's document in place: add, rename,
 * recolour, reorder and delete tags and groups, and set the tags' keyboard
 * shortcuts (the tag-shortcuts setting). Removing a tag goes through the
 * window's undo history ("win.remove-tag"). */
GtkWidget *peitho_tag_set_editor_new          (PeithoWindow       *window);

/* What the rows' controls do, for tests and the controls themselves. */
PeithoTag *peitho_tag_set_editor_add_tag      (PeithoTagSetEditor *self,
                                               const char         *group_id);
void       peitho_tag_set_editor_move_tag     (PeithoTagSetEditor *self,
                                               PeithoTag          *tag,
                                               int                 delta);
void       peitho_tag_set_editor_set_shortcut (PeithoTagSetEditor *self,
                                               const char         *tag_id,
                                               const char         *accel);
/* Deletes a tag: at once if unused, else asks what to do; returns the
 * AdwMessageDialog asking (responses "cancel", "retag", "delete"), or NULL. */
GtkWidget *peitho_tag_set_editor_delete_tag   (PeithoTagSetEditor *self,
                                               const char         *tag_id);

G_END_DECLS
