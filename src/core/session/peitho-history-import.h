/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-history.h"

G_BEGIN_DECLS

/* Applies @plan (peitho_import_plan_analyse() of the history's document) as
 * one undoable edit: undo takes out the imported annotations, their
 * relations and the tags (and "Imported" group) made for them; redo puts
 * them back with the same ids. The plan is used up. */
gboolean peitho_history_import_annotations (PeithoHistory     *self,
                                            PeithoImportPlan  *plan,
                                            GError           **error);

G_END_DECLS
