/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-import-set.h"

G_BEGIN_DECLS

/* brat standoff (https://brat.nlplab.org/standoff.html): an .ann file beside
 * the .txt it annotates. T lines (text-bound annotations, discontinuous ones
 * included) become spans, R lines and * equivalences relations, #
 * AnnotatorNotes notes; events (E), attributes (A, M) and normalizations (N)
 * are listed as not representable. Offsets count code points of the .txt.
 *
 * @text (nullable): the .txt; without it the offsets count in the text of the
 * document the annotations are imported into. */
PeithoImportSet *peitho_brat_read  (const char      *ann,
                                    gsize            ann_length,
                                    const char      *text,
                                    gsize            text_length,
                                    const char      *display_name,
                                    GError         **error);

/* The annotations of @annotator_id (NULL: everyone's) as an .ann file; the
 * text for the .txt beside it in @text_out. Types are tag ids. What brat
 * cannot hold exactly (line breaks in notes, spaces in relation types) is
 * appended to @losses (nullable) as messages. */
GBytes          *peitho_brat_write (PeithoDocument  *document,
                                    const char      *annotator_id,
                                    GBytes         **text_out,
                                    GPtrArray       *losses);

G_END_DECLS
