/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "peitho-window.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_SET_EDITOR (peitho_tag_set_editor_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagSetEditor, peitho_tag_set_editor, PEITHO, TAG_SET_EDITOR, AdwWindow)

/* Edits the tag set of @window's document: add, rename, recolour, reorder
 * and delete tags and groups, and set the tags' keyboard shortcuts (the
 * tag-shortcuts setting). Adding, moving and deleting are one undoable step
 * each in the window's history (the set is replaced by an edited copy,
 * peitho_history_set_tag_set(); a tag in use goes through
 * "win.remove-tag"); names, definitions and colours change the tags in
 * place. The rows' buttons are the editor's actions editor.add-tag(s),
 * editor.move-tag((si)), editor.delete-tag(s), editor.set-shortcut(s),
 * editor.move-group((si)) and editor.delete-group(s), with the tag's or
 * group's id as target. */
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
