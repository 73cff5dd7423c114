/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps offsets in another tool's copy of a text onto the document's text.
 * The copies may differ in whitespace only (a brat .txt with single line
 * breaks, a tokenised TEI, a TSV's sentences): every other character must
 * be the same, in the same order. */
typedef struct _PeithoTextAlignment PeithoTextAlignment;

/* Fails with PEITHO_ERROR_INVALID, naming the first place where the texts
 * differ ("SOURCE: the text differs from the document's at character N ..."). */
PeithoTextAlignment *peitho_text_alignment_new      (const char           *source_text,
                                                     const char           *document_text,
                                                     const char           *display_name,
                                                     GError              **error);
/* For sources without a text of their own whose offsets count in the
 * document's text: in code points, or in UTF-16 code units when
 * @source_length is the document's length in those. */
PeithoTextAlignment *peitho_text_alignment_new_direct (const char         *document_text,
                                                       gsize               source_length,
                                                       const char         *display_name,
                                                       GError            **error);
void                 peitho_text_alignment_free     (PeithoTextAlignment  *self);

/* Maps the source range [start, end) (code points, or UTF-16 units for a
 * direct alignment in UTF-16). Whitespace runs are matched from their left
 * edge: a range's whitespace edges come back where the runs are as long,
 * are cut where the document's run is shorter. FALSE if the range is beyond
 * the source text or maps onto nothing. */
gboolean             peitho_text_alignment_map      (PeithoTextAlignment  *self,
                                                     gsize                 start,
                                                     gsize                 end,
                                                     gsize                *doc_start,
                                                     gsize                *doc_end);
/* TRUE when the copies are the same character for character. */
gboolean             peitho_text_alignment_is_identity (PeithoTextAlignment *self);

/* Code-point offsets of each UTF-16 offset 0..n16 of @text (n16 + 1 entries;
 * an offset inside a surrogate pair maps to the character's start). */
gsize               *peitho_utf16_to_code_points    (const char           *text,
                                                     gsize                *n_utf16);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoTextAlignment, peitho_text_alignment_free)

G_END_DECLS
