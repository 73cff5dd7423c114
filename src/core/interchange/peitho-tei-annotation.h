/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "peitho-document.h"
#include "peitho-import-set.h"

G_BEGIN_DECLS

/* TEI P5 4.x standOff/listAnnotation/annotation, as Recogito Studio and
 * Peitho write it. @target may hold "#id" pointers (the element's text),
 * "#string-range(id,offset,length)", "#range(from,to)" of those, or
 * Recogito's "XPATH::offset XPATH::offset" pair (offsets in UTF-16 units).
 * The tag comes from @ana (a taxonomy category: its term or catDesc is the
 * label) or from a body rs/@ana; the note from body notes; the annotator
 * from @resp or a respStmt child. Relations come from listRelation. */
PeithoImportSet *peitho_tei_annotation_read  (xmlDoc          *doc,
                                              const char      *display_name,
                                              GError         **error);

/* The document as TEI with its text in body/p and its annotations as
 * standOff/listAnnotation/annotation pointing into it with string-range(),
 * tags in the header's taxonomy (@ana), annotators as respStmts (@resp),
 * relations in listRelation. Valid against TEI All. */
GBytes          *peitho_tei_annotation_write (PeithoDocument  *document,
                                              GError         **error);

G_END_DECLS
