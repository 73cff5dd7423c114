/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "peitho-import-set.h"

G_BEGIN_DECLS

/* CATMA's TEI annotation collections (CATMA 6 and catma-py, format version
 * 5): tags are fsDecl elements in encodingDesc/fsdDecl (one per tag set),
 * named by fsDescr, their hierarchy in @baseTypes; each annotation is an fs
 * in text whose @type names its tag, with features (catma_markupauthor: the
 * annotator; other properties become the note); text/body/ab/seg/@ana
 * points at the annotations of a segment. In the inline form a seg holds
 * its text; in the stand-off form it holds a ptr "catma://DOC#char=S,E"
 * into a text the file does not contain, and offsets count in the
 * document's own text. */
PeithoImportSet *peitho_catma_read (xmlDoc      *doc,
                                    const char  *display_name,
                                    GError     **error);

/* TRUE if @doc looks like a CATMA collection (fsdDecl with fsDecl). */
gboolean         peitho_catma_detect (xmlDoc    *doc);

G_END_DECLS
