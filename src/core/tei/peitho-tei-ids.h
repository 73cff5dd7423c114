/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: the ids a TEI writer must not give again. */

#include <glib.h>

#include "peitho-document.h"

G_BEGIN_DECLS

/* Adds to @ids (a set of strings it owns) every xml:id that @document itself
 * gives: its tag set, groups and tags, annotators, relations, annotations
 * and paragraphs. */
void peitho_tei_collect_document_ids (PeithoDocument *document,
                                      GHashTable     *ids);

G_END_DECLS
