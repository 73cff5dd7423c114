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
 * set_document() fills the buffer with the text in chunks on idle
 * (properties "busy" and "progress", 0..1) so that a large document never
 * blocks the main loop. Highlights are applied only where they are asked
 * for, from the document's interval index: ensure_styled() styles a range
 * (the view asks for what it shows), in chunks of a few thousand
 * characters; the first ~16,000 characters are styled as soon as the text
 * is in, so a small document is complete at once. Afterwards each
 * annotation change is applied to the styled part of its range only.
 * Signal "changed" (guint start, guint end): highlights in [start, end)
 * changed (characters). */
PeithoHighlighter *peitho_highlighter_new            (GtkTextBuffer     *buffer);
GtkTextBuffer     *peitho_highlighter_get_buffer     (PeithoHighlighter *self);
PeithoDocument    *peitho_highlighter_get_document   (PeithoHighlighter *self);
void               peitho_highlighter_set_document   (PeithoHighlighter *self,
                                                      PeithoDocument    *document);
gboolean           peitho_highlighter_get_busy       (PeithoHighlighter *self);
/* TRUE once the buffer holds the whole text (offsets mean characters of it);
 * property "text-complete". */
gboolean           peitho_highlighter_get_text_complete (PeithoHighlighter *self);
/* Styles what is not styled yet in [start, end) (characters); stops when
 * @deadline (g_get_monotonic_time(), 0 for none) has passed. TRUE when all of
 * it is styled. Remembers the range: restyling everything (a tag hidden or
 * shown) restyles it at once. */
gboolean           peitho_highlighter_ensure_styled  (PeithoHighlighter *self,
                                                      gsize              start,
                                                      gsize              end,
                                                      gint64             deadline);
/* TRUE if every highlight in [start, end) is applied. */
gboolean           peitho_highlighter_is_styled      (PeithoHighlighter *self,
                                                      gsize              start,
                                                      gsize              end);
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

/* Compare: the students shown (all at first), and whether highlights take
 * each student's colour (a palette readable in light and dark) instead of
 * the tag's. A hidden tag hides everyone's annotations with it. Signal
 * "annotators-hidden-changed" (no arguments): who is hidden changed. */
void               peitho_highlighter_set_annotator_hidden (PeithoHighlighter *self,
                                                            const char        *annotator_id,
                                                            gboolean           hidden);
gboolean           peitho_highlighter_is_annotator_hidden  (PeithoHighlighter *self,
                                                            const char        *annotator_id);
void               peitho_highlighter_show_all_annotators  (PeithoHighlighter *self);
void               peitho_highlighter_set_color_by_annotator (PeithoHighlighter *self,
                                                              gboolean           by_annotator);
gboolean           peitho_highlighter_get_color_by_annotator (PeithoHighlighter *self);
/* The student's colour, opaque (grey for none or an unknown id). */
void               peitho_highlighter_get_annotator_color  (PeithoHighlighter *self,
                                                            const char        *annotator_id,
                                                            GdkRGBA           *color);
/* For tests: the background of a student's highlights by student. */
GtkTextTag        *peitho_highlighter_get_annotator_text_tag (PeithoHighlighter *self,
                                                              const char        *annotator_id);
/* The colour @annotation is drawn in now (its tag's or its student's),
 * opaque; FALSE when it is hidden (its tag or its student). */
gboolean           peitho_highlighter_get_annotation_color (PeithoHighlighter *self,
                                                            PeithoAnnotation  *annotation,
                                                            GdkRGBA           *color);

typedef void (*PeithoOverlapFunc) (GtkTextTag    *overlap_tag,
                                   const GdkRGBA *color,
                                   gpointer       user_data);
/* Calls @func for each tag's overlap tag with the colour to draw it in. */
void               peitho_highlighter_foreach_overlap_tag (PeithoHighlighter *self,
                                                           PeithoOverlapFunc  func,
                                                           gpointer           user_data);

G_END_DECLS
