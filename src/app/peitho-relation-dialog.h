/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_RELATION_DIALOG (peitho_relation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PeithoRelationDialog, peitho_relation_dialog, PEITHO, RELATION_DIALOG, AdwWindow)

/* The relations of one annotation: lists them (outgoing and incoming), and
 * follows, removes and adds them through the actions of @window
 * ("win.select-annotation", "win.remove-relation", "win.add-relation"), so
 * that every change is undoable there. A relation's buttons are the
 * dialog's relation.follow(s) (the other annotation's id) and
 * relation.remove(s) (the relation's id); the possible targets are
 * PeithoPassageRows. */
GtkWidget  *peitho_relation_dialog_new              (GtkWindow            *window,
                                                     PeithoDocument       *document,
                                                     PeithoAnnotation     *annotation);
/* For tests: the relations listed, the target list (PeithoAnnotation
 * items), choosing a type and a target. */
guint       peitho_relation_dialog_get_n_relations  (PeithoRelationDialog *self);
GListModel *peitho_relation_dialog_get_targets      (PeithoRelationDialog *self);
void        peitho_relation_dialog_set_type         (PeithoRelationDialog *self,
                                                     const char           *type);
void        peitho_relation_dialog_set_search       (PeithoRelationDialog *self,
                                                     const char           *text);
gboolean    peitho_relation_dialog_add              (PeithoRelationDialog *self,
                                                     guint                 target_position);

G_END_DECLS
