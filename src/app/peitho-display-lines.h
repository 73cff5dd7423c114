/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The display lines (the wrapped lines) of one buffer line as @view lays
 * them out, for drawing line by line: asking GTK for the location of an
 * iter walks its paragraph's layout, so drawers that need many locations
 * in a long paragraph ask once per display line instead. */
typedef struct {
  int offset;   /* buffer offset of its first character */
  int y;        /* buffer coordinates */
  int height;
} PeithoDisplayLine;

/* The display lines of the buffer line that @line_start begins, in order:
 * an array of PeithoDisplayLine, never empty (NULL only on a programming
 * error: @line_start not at a line's start). */
GArray *peitho_display_lines_new  (GtkTextView       *view,
                                   const GtkTextIter *line_start);
/* The same, computed once per frame of @view and shared by all who draw in
 * that frame (the annotation gutter and the heat stripe walk the same
 * paragraphs): for snapshot functions only, as the layout may change
 * between frames. A new reference. */
GArray *peitho_display_lines_dup_for_frame (GtkTextView       *view,
                                            const GtkTextIter *line_start);
/* The display line of @lines that holds @offset: the last one that begins
 * at or before it. */
const PeithoDisplayLine *
        peitho_display_lines_find (GArray            *lines,
                                   int                offset);

G_END_DECLS
