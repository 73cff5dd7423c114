/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-import-set.h"

G_BEGIN_DECLS

/* Importing another tool's annotations into an open document happens in two
 * steps, so that a caller can show what will change before anything does:
 *
 *   plan = peitho_import_plan_analyse (document, set, NULL, &error);
 *   show peitho_import_plan_describe (plan) and the losses;
 *   peitho_import_plan_apply (plan, &error);
 *
 * Analysing aligns the source's text with the document's (they may differ
 * in whitespace only), maps every label of the source onto a tag of the
 * document's tag set (by id or label, case-insensitively, and by the German
 * and French labels of the built-in tags) or onto a new tag in an
 * "Imported" group, and lists whatever cannot be represented. */

typedef struct {
  char     *source_label;   /* as the source spells it */
  char     *tag_id;
  char     *tag_label;
  gboolean  is_new;         /* to be added to the "Imported" group */
  guint     n_annotations;
} PeithoTagMapping;

typedef struct _PeithoImportPlan PeithoImportPlan;

#define PEITHO_IMPORTED_GROUP_ID "imported"

/* @annotator (nullable): the name every imported annotation gets, for the
 * formats that hold one annotator's work per file (brat, WebAnno TSV);
 * NULL keeps the annotators the source names. Fails when the texts differ
 * (PEITHO_ERROR_INVALID). @set is not changed and may be freed afterwards. */
PeithoImportPlan *peitho_import_plan_analyse        (PeithoDocument    *document,
                                                     PeithoImportSet   *set,
                                                     const char        *annotator,
                                                     GError           **error);
void              peitho_import_plan_free           (PeithoImportPlan  *plan);

/* PeithoTagMapping, in the order the source first uses them. */
GPtrArray        *peitho_import_plan_get_mappings   (PeithoImportPlan  *plan);
/* char *: "FILE:LINE: what", everything that will not be imported. */
GPtrArray        *peitho_import_plan_get_losses     (PeithoImportPlan  *plan);
guint             peitho_import_plan_get_n_annotations (PeithoImportPlan *plan);
guint             peitho_import_plan_get_n_relations   (PeithoImportPlan *plan);
/* The mapping and the counts, one line each, for people. */
char             *peitho_import_plan_describe       (PeithoImportPlan  *plan);
/* One message listing what will not be imported, or NULL if nothing. */
char             *peitho_import_plan_describe_losses (PeithoImportPlan *plan);

/* Adds the new tags, annotators, annotations and relations. Everything was
 * checked when analysing, so this fails only on a document changed since;
 * then the tags, annotations and relations added are taken out again (the
 * annotators stay). Once only. */
gboolean          peitho_import_plan_apply          (PeithoImportPlan  *plan,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoImportPlan, peitho_import_plan_free)

G_END_DECLS
