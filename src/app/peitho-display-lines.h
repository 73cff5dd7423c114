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

/* What the display lines of a text view depend on, beside its text and
 * tags. */
typedef struct {
  int   width;          /* of the text area: gutters and padding excluded */
  int   direction;      /* right-to-left paragraphs are aligned to the right */
  int   left_margin;
  int   right_margin;
  int   indent;
  int   justification;
  int   wrap_mode;
  int   pixels_above;
  int   pixels_below;
  int   pixels_inside;
  guint font_hash;
} PeithoDisplayGeometry;

/* Fills @geometry with @view's, every byte of it (for memcmp()). */
void    peitho_display_geometry_read (GtkTextView           *view,
                                      PeithoDisplayGeometry *geometry);

/* Removes the entries of @table, keyed by buffer line number
 * (GINT_TO_POINTER), of lines @first to @last. */
void    peitho_line_table_remove_span (GHashTable *table,
                                       int         first,
                                       int         last);

/* The display lines of the buffer line that @line_start begins, in order:
 * an array of PeithoDisplayLine, never empty (NULL only on a programming
 * error: @line_start not at a line's start). */
GArray *peitho_display_lines_new  (GtkTextView       *view,
                                   const GtkTextIter *line_start);
/* The same, computed once per frame of @view and shared by all who draw in
 * that frame (the annotation gutter and the heat stripe walk the same
 * paragraphs): for snapshot functions only, as the layout may change
 * between frames. A new reference. Kept from frame to frame, as offsets
 * and heights from the paragraph's top, until something may lay the
 * paragraph out otherwise: an edit, a tag applied or removed there, a
 * tag's size, another width, margin, font or spacing, or another height of
 * the paragraph as GTK measures it. */
GArray *peitho_display_lines_dup_for_frame (GtkTextView       *view,
                                            const GtkTextIter *line_start);
/* The display line of @lines that holds @offset: the last one that begins
 * at or before it. */
const PeithoDisplayLine *
        peitho_display_lines_find (GArray            *lines,
                                   int                offset);

G_END_DECLS
