/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-import-set.h"

G_BEGIN_DECLS

/* WebAnno TSV 3 (INCEpTION's and WebAnno's export, versions 3.0 to 3.3):
 * header lines naming the layers (#T_SP span, #T_CH chain, #T_RL relation
 * layers with their features), then sentence blocks of #Text= lines and one
 * line per token or sub-token: ID, OFFSETS, TOKEN, one column per feature.
 *
 * A span layer's annotations (stacked ones told apart by "label[3]") become
 * spans labelled by their first feature's value (the layer's name when it
 * has none); a feature called Note, note or comment becomes the note, the
 * others "feature: value" lines of it. Relation layers become relations
 * (from the governor in the BT_ column to the annotation on the line).
 * Chain layers and slot features are listed as not representable. Offsets
 * are UTF-16 units, as INCEpTION counts them. */
PeithoImportSet *peitho_webanno_tsv_read  (const char     *data,
                                           gsize           length,
                                           const char     *display_name,
                                           GError        **error);

/* The annotations of @annotator_id (NULL: everyone's) as WebAnno TSV 3.3:
 * one sentence per paragraph, tokens cut at whitespace and at annotation
 * edges, a span layer webanno.custom.PeithoAnnotation (Tag: the tag id,
 * Note) and a relation layer webanno.custom.PeithoRelation (Type).
 * Relations to annotations left out are listed in @losses (nullable). */
GBytes          *peitho_webanno_tsv_write (PeithoDocument *document,
                                           const char     *annotator_id,
                                           GPtrArray      *losses);

G_END_DECLS
