/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: the teiHeader, read into a document and written back
 * from one. */

#include "peitho-document.h"
#include "peitho-tei-common.h"

G_BEGIN_DECLS

/* The <change type="annotation"> elements that hold annotation creation
 * times: one per second and annotator. */
typedef struct _PeithoTeiChanges PeithoTeiChanges;

PeithoTeiChanges *peitho_tei_changes_new          (void);
void              peitho_tei_changes_free         (PeithoTeiChanges  *changes);

/* The teiHeader of @document serialized: the kept header_xml updated in
 * place (title, author, respStmt, bibl, taxonomy, creation date,
 * revisionDesc), or a fresh one. Ids of the kept header are added to
 * @used_ids. Each annotation of @annotations (document order) with a creation
 * time gets the id of its <change> in @change_refs; those ids are owned by
 * @changes. */
char             *peitho_tei_build_header         (PeithoDocument    *document,
                                                   GPtrArray         *annotations,
                                                   GHashTable        *used_ids,
                                                   PeithoTeiChanges  *changes,
                                                   char             **change_refs);
/* A minimal TEI document with a teiHeader (fileDesc only). */
xmlDoc           *peitho_tei_parse_header_template (void);

/* Title, author, source and date of @document from @header. */
void              peitho_tei_read_metadata        (PeithoDocument       *document,
                                                   xmlNode              *header);
/* The name in @node (an author, a persName) as a person writes it: forename
 * and surname in their order, without idno, notes or dates. NULL if empty. */
char             *peitho_tei_person_name          (xmlNode              *node);
/* Annotators from the respStmts (with an xml:id) of @file_desc; with
 * @peitho_only those Peitho added to an edition. Returns FALSE if
 * @problem_func said stop. */
gboolean          peitho_tei_read_annotators      (PeithoDocument       *document,
                                                   xmlNode              *file_desc,
                                                   gboolean              peitho_only,
                                                   PeithoTeiProblemFunc  problem_func,
                                                   gpointer              problem_data);
/* The history in @parent (revisionDesc, listChange), without the changes
 * that only hold annotation times (in @changes_used, or type="annotation"). */
void              peitho_tei_read_changes         (PeithoDocument       *document,
                                                   xmlNode              *parent,
                                                   gboolean              peitho_only,
                                                   GHashTable           *changes_used);

G_END_DECLS
