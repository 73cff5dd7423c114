/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_ANNOTATION_POPOVER (peitho_annotation_popover_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotationPopover, peitho_annotation_popover, PEITHO, ANNOTATION_POPOVER,
                      GtkPopover)

/* The annotations covering a place in the text, one PeithoPassageRow each
 * (tag, annotator, excerpt, note; "Change Tag", "Edit Note", "Relations…",
 * "Remove"), and a page to write the note. The popover provides the rows'
 * annotation.edit-note, annotation.show-relations and annotation.remove (s)
 * and closes before it passes them on as win.show-relations(s) and
 * win.remove-annotation(s); a note is saved with win.set-annotation-note((ss))
 * and a tag changed with win.retag-annotation((ss)), so the window's history
 * records the edits. */
GtkWidget *peitho_annotation_popover_new             (void);
void       peitho_annotation_popover_set_annotations (PeithoAnnotationPopover *self,
                                                      PeithoDocument          *document,
                                                      GPtrArray               *annotations);
/* Opens the note editor of the first annotation at once. */
void       peitho_annotation_popover_edit_note       (PeithoAnnotationPopover *self,
                                                      const char              *annotation_id);

G_END_DECLS
