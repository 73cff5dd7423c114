/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to src/core/seminar: what an assignment and a seminar document
 * keep in the TEI header. They live in the header that the document keeps
 * (peitho_document_get_header_xml()), which the TEI reader keeps and the
 * writer gives back, so the reader and writer need no change:
 *
 *   fileDesc/notesStmt/note[@type="peitho-assignment"]
 *       @subtype "tag-set-fixed" or "tag-set-editable"; one <p> per line of
 *       the task shown to the students
 *   fileDesc/notesStmt/note[@type="peitho-seminar"]
 *       @target: "#id" of each student's annotator (a respStmt), in the order
 *       the readings were merged
 *
 * Both are valid TEI All (note is allowed in notesStmt, with att.typed and
 * att.pointing). */

#include "peitho-document.h"

G_BEGIN_DECLS

/* TRUE if @document's header holds an assignment note; @task and
 * @tag_set_editable (nullable) receive its content. */
gboolean  _peitho_seminar_tei_read_assignment  (PeithoDocument      *document,
                                                char               **task,
                                                gboolean            *tag_set_editable);
/* Writes (or replaces) the assignment note. @task may be NULL. */
void      _peitho_seminar_tei_write_assignment (PeithoDocument      *document,
                                                const char          *task,
                                                gboolean             tag_set_editable);
/* The annotator ids of the seminar note, or NULL if there is none. */
GStrv     _peitho_seminar_tei_read_students    (PeithoDocument      *document);
/* Writes (or replaces) the seminar note; with @annotator_ids NULL removes it. */
void      _peitho_seminar_tei_write_students   (PeithoDocument      *document,
                                                const char * const  *annotator_ids);
/* Removes the respStmts that Peitho wrote for annotators (resp
 * "annotation") that @document no longer has, so that they do not come back
 * as annotators when the file is read again; other respStmts (an edition's
 * editors) stay. */
void      _peitho_seminar_tei_prune_annotators (PeithoDocument      *document);

G_END_DECLS
