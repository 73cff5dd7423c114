/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_HIGHLIGHTER (peitho_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (PeithoHighlighter, peitho_highlighter, PEITHO, HIGHLIGHTER, GObject)

/* Keeps a GtkTextBuffer showing a document: its text, then one GtkTextTag per
 * PeithoTag (a translucent background in the tag's colour) over each
 * annotation, and where annotations overlap an "overlap" tag (marking the
 * colour of a tag whose background does not show there) plus, from three
 * on, the "many" tag; PeithoSourceView underlines those ranges.
 *
 * set_document() fills the buffer in chunks on idle (properties "busy" and
 * "progress", 0..1) so that a large document never blocks the main loop;
 * afterwards each annotation change is applied to its own range only.
 * Signal "changed" (guint start, guint end): highlights in [start, end)
 * changed (characters). */
PeithoHighlighter *peitho_highlighter_new            (GtkTextBuffer     *buffer);
GtkTextBuffer     *peitho_highlighter_get_buffer     (PeithoHighlighter *self);
PeithoDocument    *peitho_highlighter_get_document   (PeithoHighlighter *self);
void               peitho_highlighter_set_document   (PeithoHighlighter *self,
                                                      PeithoDocument    *document);
gboolean           peitho_highlighter_get_busy       (PeithoHighlighter *self);
double             peitho_highlighter_get_progress   (PeithoHighlighter *self);
void               peitho_highlighter_set_dark       (PeithoHighlighter *self,
                                                      gboolean           dark);
void               peitho_highlighter_set_tag_hidden (PeithoHighlighter *self,
                                                      const char        *tag_id,
                                                      gboolean           hidden);
gboolean           peitho_highlighter_is_tag_hidden  (PeithoHighlighter *self,
                                                      const char        *tag_id);
/* The tag's colour, opaque; FALSE for an unknown tag. */
gboolean           peitho_highlighter_get_color      (PeithoHighlighter *self,
                                                      const char        *tag_id,
                                                      GdkRGBA           *color);
/* For tests and the gutter. */
GtkTextTag        *peitho_highlighter_get_text_tag   (PeithoHighlighter *self,
                                                      const char        *tag_id);
GtkTextTag        *peitho_highlighter_get_overlap_tag (PeithoHighlighter *self,
                                                       const char        *tag_id);
GtkTextTag        *peitho_highlighter_get_overlap_many_tag (PeithoHighlighter *self);

typedef void (*PeithoOverlapFunc) (GtkTextTag    *overlap_tag,
                                   const GdkRGBA *color,
                                   gpointer       user_data);
/* Calls @func for each tag's overlap tag with the colour to draw it in. */
void               peitho_highlighter_foreach_overlap_tag (PeithoHighlighter *self,
                                                           PeithoOverlapFunc  func,
                                                           gpointer           user_data);

G_END_DECLS
