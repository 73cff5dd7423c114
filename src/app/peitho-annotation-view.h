/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>
#include <peitho-core.h>

#include "peitho-highlighter.h"
#include "peitho-line-number-gutter.h"
#include "peitho-structure-styler.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_ANNOTATION_VIEW (peitho_annotation_view_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotationView, peitho_annotation_view, PEITHO, ANNOTATION_VIEW, GtkWidget)

/* The reading view: the document's text in a read-only GtkSourceView with a
 * caret (keyboard selection works), a centred column of text, the
 * highlights and the margin stripe. Properties "font-family" ("serif" or
 * "sans") and "zoom" (1.0: the default size). Tooltips list the annotations
 * under the pointer. An edition's structure is styled (PeithoStructureStyler,
 * with its notes' text in the tooltips) and its verse line numbers are in
 * the margin (PeithoLineNumberGutter). */
PeithoAnnotationView *peitho_annotation_view_new              (void);
GtkSourceView        *peitho_annotation_view_get_source_view  (PeithoAnnotationView *self);
GtkTextBuffer        *peitho_annotation_view_get_buffer       (PeithoAnnotationView *self);
PeithoHighlighter    *peitho_annotation_view_get_highlighter  (PeithoAnnotationView *self);
PeithoStructureStyler *peitho_annotation_view_get_structure_styler (PeithoAnnotationView *self);
PeithoLineNumberGutter *peitho_annotation_view_get_line_number_gutter (PeithoAnnotationView *self);
PeithoDocument       *peitho_annotation_view_get_document     (PeithoAnnotationView *self);
void                  peitho_annotation_view_set_document     (PeithoAnnotationView *self,
                                                               PeithoDocument       *document);
const char           *peitho_annotation_view_get_font_family  (PeithoAnnotationView *self);
void                  peitho_annotation_view_set_font_family  (PeithoAnnotationView *self,
                                                               const char           *font_family);
double                peitho_annotation_view_get_zoom         (PeithoAnnotationView *self);
void                  peitho_annotation_view_set_zoom         (PeithoAnnotationView *self,
                                                               double                zoom);
/* The selection in characters; FALSE if it is empty. With @snap_to_words it
 * is trimmed of surrounding white space and widened to whole words. */
gboolean              peitho_annotation_view_get_selection    (PeithoAnnotationView *self,
                                                               gboolean              snap_to_words,
                                                               gsize                *start,
                                                               gsize                *end);
void                  peitho_annotation_view_select_range     (PeithoAnnotationView *self,
                                                               gsize                 start,
                                                               gsize                 end);
gsize                 peitho_annotation_view_get_cursor_offset (PeithoAnnotationView *self);
/* Puts the caret at @offset and scrolls so that it is at @yalign of the
 * page (0: top, 1: bottom), and keeps the page there while GTK measures
 * the lines above it (after peitho_annotation_view_set_document(), for
 * example, when every line is still to be measured). */
void                  peitho_annotation_view_place_cursor     (PeithoAnnotationView *self,
                                                               gsize                 offset,
                                                               double                yalign);
/* Where the character at @offset is drawn, in the source view's widget
 * coordinates (for popovers). */
void                  peitho_annotation_view_get_offset_area  (PeithoAnnotationView *self,
                                                               gsize                 offset,
                                                               GdkRectangle         *area);
/* What the pointer's tooltip tells of the edition at the caret (or just
 * before it: a note, page break or gap, the other reading of a choice),
 * in a popover at the caret, for keyboard users; FALSE, and nothing shown,
 * when there is nothing. */
gboolean              peitho_annotation_view_show_edition_note (PeithoAnnotationView *self);
/* That popover (hidden until shown). */
GtkPopover           *peitho_annotation_view_get_edition_popover (PeithoAnnotationView *self);

G_END_DECLS
