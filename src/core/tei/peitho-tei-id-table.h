/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the TEI reader: every xml:id of a parsed tree, to the first
 * element that has it.
 *
 * A reader asks it for each of 100,000 spans' two ends and adds every id of
 * the tree, some 300,000 for a densely annotated novel: one flat array of
 * (hash, id, element) probed linearly, so that adding an id costs one probe
 * and a lookup mostly one cache line, where a GHashTable keeps the hashes,
 * keys and values in three arrays and adding an id once would cost a lookup
 * and an insert. The ids are the tree's strings, not copied. */

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct _PeithoTeiIdTable PeithoTeiIdTable;

PeithoTeiIdTable *peitho_tei_id_table_new    (gsize             expected);
void              peitho_tei_id_table_free   (PeithoTeiIdTable *self);
xmlNode          *peitho_tei_id_table_add    (PeithoTeiIdTable *self,
                                              const char       *id,
                                              xmlNode          *node);
xmlNode          *peitho_tei_id_table_lookup (PeithoTeiIdTable *self,
                                              const char       *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoTeiIdTable, peitho_tei_id_table_free)

G_END_DECLS
