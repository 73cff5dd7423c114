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

PeithoRelationSnapshot *_peitho_relation_snapshot_new   (PeithoRelation         *relation);
/* Frees the fields, not @snap (for a snapshot inside another edit). */
void                    _peitho_relation_snapshot_clear (PeithoRelationSnapshot *snap);
void                    _peitho_relation_snapshot_free  (gpointer                data);

/* An edit that names its annotator (peitho_history_annotate(), _relate()):
 * on every redo the annotator is looked up, or added, by @annotator_name
 * (NULL for none), since another may have taken the id after an undo.
 * Replaces *@annotator_id; TRUE if the annotator was added. */
gboolean                _peitho_history_ensure_annotator (PeithoDocument  *document,
                                                          const char      *annotator_name,
                                                          char           **annotator_id);
/* After an undo, or a failed redo: the annotator the edit added goes again,
 * unless something the history did not undo still names them. Clears
 * *@added. */
void                    _peitho_history_drop_annotator   (PeithoDocument  *document,
                                                          const char      *annotator_id,
                                                          gboolean        *added);

G_END_DECLS
