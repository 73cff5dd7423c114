/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "peitho-import-set.h"

G_BEGIN_DECLS

/* TEI as DKPro Core's TeiWriter (and INCEpTION's TEI export through it)
 * writes it: the document text in body with p and s around tokens (w, c,
 * pc) that carry part of speech (@type) and lemma (@lemma), named entities
 * as rs/@type (also name, persName, placeName, orgName), constituents as
 * phr. Named entities become spans labelled by their type; tokens,
 * sentences and constituents are listed as not represented. */
PeithoImportSet *peitho_dkpro_tei_read   (xmlDoc      *doc,
                                          const char  *display_name,
                                          GError     **error);

/* TRUE if @doc has tokens (w, c or pc) in s elements. */
gboolean         peitho_dkpro_tei_detect (xmlDoc      *doc);

G_END_DECLS
