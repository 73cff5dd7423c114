/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_ANNOTATOR (peitho_annotator_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotator, peitho_annotator, PEITHO, ANNOTATOR, GObject)

/* A person who annotates: TEI titleStmt/respStmt with xml:id and persName. */
PeithoAnnotator *peitho_annotator_new      (const char      *id,
                                            const char      *name);
const char      *peitho_annotator_get_id   (PeithoAnnotator *self);
const char      *peitho_annotator_get_name (PeithoAnnotator *self);

G_END_DECLS
