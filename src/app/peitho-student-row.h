/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_STUDENT_ROW (peitho_student_row_get_type ())
G_DECLARE_FINAL_TYPE (PeithoStudentRow, peitho_student_row, PEITHO, STUDENT_ROW, GtkWidget)

/* One student in the compare view's filter: a check button with the name
 * (or "Student N"), and the student's colour. Toggling it activates
 * win.show-student((sb)) with the student's id and whether they are shown
 * now, which the window holding the row provides.
 *
 * Properties: "student-id" (construct-only), "label", "color" ("#rrggbb")
 * and "shown" (whether the check button is active). */
GtkWidget  *peitho_student_row_new            (const char       *student_id,
                                               const char       *label,
                                               const char       *color,
                                               gboolean          shown);
const char *peitho_student_row_get_student_id (PeithoStudentRow *self);
gboolean    peitho_student_row_get_shown      (PeithoStudentRow *self);

G_END_DECLS
