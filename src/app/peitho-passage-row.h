/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_PASSAGE_ROW (peitho_passage_row_get_type ())
G_DECLARE_FINAL_TYPE (PeithoPassageRow, peitho_passage_row, PEITHO, PASSAGE_ROW, GtkWidget)

/* One annotated passage, wherever annotations are listed (the popover, the
 * sidebar's passages and notes): its tag's colour and label, the annotator,
 * an excerpt of the text and of the note.
 *
 * Properties: "annotation" (PeithoAnnotation, read-only: set with
 * peitho_passage_row_set_annotation()) and "compact" (boolean). A compact
 * row (the sidebar's) clips excerpt and note to a few lines. A full row (the
 * popover's) shows them whole, with buttons that act on the annotation
 * through actions with its id as target: a "Change Tag" menu of
 * win.retag-annotation((ss)), and annotation.edit-note(s),
 * annotation.show-relations(s), annotation.remove(s), which the widget
 * holding the row provides. */
GtkWidget        *peitho_passage_row_new            (gboolean          compact);
void              peitho_passage_row_set_annotation (PeithoPassageRow *self,
                                                     PeithoDocument   *document,
                                                     PeithoAnnotation *annotation);
PeithoAnnotation *peitho_passage_row_get_annotation (PeithoPassageRow *self);
gboolean          peitho_passage_row_get_compact    (PeithoPassageRow *self);
void              peitho_passage_row_set_compact    (PeithoPassageRow *self,
                                                     gboolean          compact);

G_END_DECLS
