/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_RELATION (peitho_relation_get_type ())
G_DECLARE_FINAL_TYPE (PeithoRelation, peitho_relation, PEITHO, RELATION, GObject)

/* A relation between two annotations: TEI standOff/listRelation/relation with
 * @name (the type: "supports", "attacks", "concedes", "restates" or the
 * user's own), @active (from) and @passive (to). Immutable. */
PeithoRelation *peitho_relation_new              (const char     *id,
                                                  const char     *type,
                                                  const char     *from_id,
                                                  const char     *to_id,
                                                  const char     *annotator_id);
const char     *peitho_relation_get_id           (PeithoRelation *self);
const char     *peitho_relation_get_relation_type (PeithoRelation *self);
const char     *peitho_relation_get_from_id      (PeithoRelation *self);
const char     *peitho_relation_get_to_id        (PeithoRelation *self);
/* nullable */
const char     *peitho_relation_get_annotator_id (PeithoRelation *self);

/* Internal: used by PeithoDocument only (an id is given when added). */
void            _peitho_relation_set_id          (PeithoRelation *self,
                                                  const char     *id);

G_END_DECLS
