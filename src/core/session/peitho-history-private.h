/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-history.h"

G_BEGIN_DECLS

/* What peitho-history.c and peitho-history-relations.c share: a relation
 * kept by value, never the object, since an undo and a redo replace the
 * document's PeithoRelation by a new one with the same id. */
typedef struct {
  char *id;          /* NULL for a relation not yet added: the document gives one */
  char *type;
  char *from_id;
  char *to_id;
  char *annotator_id;
} PeithoRelationSnapshot;

PeithoRelationSnapshot *_peitho_relation_snapshot_new  (PeithoRelation *relation);
void                    _peitho_relation_snapshot_free (gpointer        data);

G_END_DECLS
