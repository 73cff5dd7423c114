/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-highlighter.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_SOURCE_VIEW (peitho_source_view_get_type ())
G_DECLARE_FINAL_TYPE (PeithoSourceView, peitho_source_view, PEITHO, SOURCE_VIEW, GtkSourceView)

/* The text view of the reading view. Draws the overlap underlines of its
 * highlighter above the text: a bar in the colour of the covered tag under
 * every display line of an overlap, a second one where three or more
 * annotations meet. */
void     peitho_source_view_set_highlighter  (PeithoSourceView  *self,
                                              PeithoHighlighter *highlighter);
/* Property "show-labels": each highlight's tag label (its short label, in
 * the tag's colour) drawn above the line where it begins; the lines make
 * room for it. */
gboolean peitho_source_view_get_show_labels  (PeithoSourceView  *self);
void     peitho_source_view_set_show_labels  (PeithoSourceView  *self,
                                              gboolean           show_labels);
/* Shows @mark as gtk_text_view_scroll_to_mark() does (with xalign 0), but a
 * place more than a page away is reached at once rather than in GTK's
 * animation through pages nobody can read. Ctrl+End and Ctrl+Home, and
 * every other cursor move, are made the same way. */
void     peitho_source_view_scroll_to_mark   (PeithoSourceView  *self,
                                              GtkTextMark       *mark,
                                              double             within_margin,
                                              gboolean           use_align,
                                              double             yalign);
/* Whether the last frame drew the overlap underlines of every paragraph on
 * screen. A frame that did not scroll works them out for a few
 * milliseconds; the rest, and all those of a frame that scrolled to
 * paragraphs without them, are worked out between frames, and a later
 * frame draws them. The half page above and below is worked out after. */
gboolean peitho_source_view_get_underlines_complete (PeithoSourceView *self);
/* The time a frame that did not scroll may spend working out overlap bars;
 * 0 leaves them all to the time between frames. */
void     _peitho_source_view_set_bars_budget_for_testing (PeithoSourceView *self,
                                                          gint64            frame_budget_us);

G_END_DECLS
