/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-handout.h"

G_BEGIN_DECLS

/*
 * The document as one self-contained HTML5 page (UTF-8, inline CSS, no
 * script, no external resource): the header's title, author and source; the
 * text; notes as footnotes linked both ways; relations; a legend of the tags
 * used. Light and dark follow prefers-color-scheme; a print stylesheet keeps
 * the highlights.
 *
 * The contract that tests and scripts rely on: every highlighted stretch is
 * a <mark> with data-annotation (the annotation's id) and data-tag (its tag's
 * id). An annotation that crosses other highlights or paragraphs is several
 * such elements with the same data-annotation; the first has
 * id="ann-ID". Labels, accessible names and note markers stand outside every
 * <mark>, so the text content of an annotation's elements, joined (with
 * "\n\n" between elements of different paragraphs), is exactly its text.
 * Paragraphs keep their whitespace (white-space: pre-wrap), so the text of
 * all paragraphs joined by "\n\n" is the document's text.
 *
 * Fails as peitho_handout_new() does.
 */
GBytes *peitho_html_export (PeithoDocument             *document,
                            const PeithoHandoutOptions *options,
                            GError                    **error);

G_END_DECLS
