/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_ASSIGNMENT_DIALOG (peitho_assignment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAssignmentDialog, peitho_assignment_dialog, PEITHO, ASSIGNMENT_DIALOG, AdwWindow)

/*
 * "Prepare Assignment": the task shown to the students, the tags of
 * @document they may use, whether the teacher's annotations are kept and
 * whether students may edit the tag set. Its "Save Assignment…" button asks
 * for a new file, writes the assignment there (peitho_assignment_prepare())
 * and emits "saved" with that file, then closes. @document is not changed.
 * @folder (nullable): where the file chooser starts.
 */
PeithoAssignmentDialog *peitho_assignment_dialog_new          (GtkWindow              *parent,
                                                               PeithoDocument         *document,
                                                               GFile                  *folder);
/* The assignment as chosen in the dialog, not yet saved. */
PeithoDocument         *peitho_assignment_dialog_prepare      (PeithoAssignmentDialog *self,
                                                               GError                **error);
void                    peitho_assignment_dialog_set_task     (PeithoAssignmentDialog *self,
                                                               const char             *task);
/* Ticks or unticks the tag @tag_id in the checklist (all start ticked). */
void                    peitho_assignment_dialog_set_tag_chosen (PeithoAssignmentDialog *self,
                                                                 const char             *tag_id,
                                                                 gboolean                chosen);

/* Test hook: the file "Save Assignment…" writes instead of asking. */
void                    _peitho_assignment_dialog_set_save_file_for_testing (PeithoAssignmentDialog *self,
                                                                             GFile                  *file);

G_END_DECLS
