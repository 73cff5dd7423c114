/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The overlap underlines of a text view's paragraphs, as bars on their
 * display lines. Working them out asks GTK for two character locations per
 * display line and run, each a walk over the paragraph's layout, so they are
 * kept from frame to frame until something moves them: an edit, a tag
 * applied or removed in the paragraph (a highlight, or the structure's
 * fonts), its display lines falling otherwise, another width or font, or
 * another list of overlap tags to draw. */
typedef struct {
  guint    tag;      /* index into the tags given to _begin_frame() */
  guint    line;     /* index into the paragraph's display lines */
  int      x0, x1;   /* buffer coordinates */
  gboolean twice;    /* where the many-overlaps tag is on */
} PeithoOverlapBar;

typedef struct _PeithoOverlapBars PeithoOverlapBars;

PeithoOverlapBars *peitho_overlap_bars_new         (GtkTextView       *view);
void               peitho_overlap_bars_free        (PeithoOverlapBars *self);
/* Before a frame's bars: @tags (GtkTextTag, in drawing order) are the
 * overlap tags to draw, @many the tag of three or more overlaps. Forgets
 * every paragraph's bars if they, the width or the font changed. */
void               peitho_overlap_bars_begin_frame (PeithoOverlapBars *self,
                                                    GPtrArray         *tags,
                                                    GtkTextTag        *many);
/* The bars of the paragraph @line_start begins, whose display lines are
 * @display_lines (peitho_display_lines_dup_for_frame()): an array of
 * PeithoOverlapBar, a new reference. Kept for the next frame, except in a
 * paragraph of more than a few screens, where only the display lines from
 * @first_line to @last_line are worked out, and nothing is kept. */
GArray            *peitho_overlap_bars_dup         (PeithoOverlapBars *self,
                                                    const GtkTextIter *line_start,
                                                    GArray            *display_lines,
                                                    guint              first_line,
                                                    guint              last_line);
/* Whether peitho_overlap_bars_dup() would work out the bars of that
 * paragraph, to keep them: FALSE if it keeps them already, or if the
 * paragraph is one of more than a few screens. */
gboolean           peitho_overlap_bars_lacks       (PeithoOverlapBars *self,
                                                    const GtkTextIter *line_start,
                                                    GArray            *display_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoOverlapBars, peitho_overlap_bars_free)

G_END_DECLS
