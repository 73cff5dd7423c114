/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_ASSIGNMENT (peitho_assignment_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAssignment, peitho_assignment, PEITHO, ASSIGNMENT, GObject)

/*
 * An assignment: a text handed out to students with a task ("Find the
 * epistrophes and the irony in Antony's speech") and a tag set narrowed to
 * the tags of the session, which students may extend only when the teacher
 * allowed it. Properties "task" (nullable string) and "tag-set-editable".
 *
 * In TEI it is a note in the header (fileDesc/notesStmt/note
 * type="peitho-assignment", see peitho-seminar-tei.h), so it survives the
 * TEI reader and writer unchanged and every reading saved from the
 * assignment carries it too.
 *
 * For a window: peitho_assignment_get_for_document() on every opened
 * document; when it returns one, show the task in a banner, ask for the
 * student's name, keep the tag set read-only unless tag-set-editable, and
 * save to peitho_assignment_reading_file() instead of over the assignment.
 */
PeithoAssignment *peitho_assignment_new                (const char        *task,
                                                        gboolean           tag_set_editable);
/* The assignment of @document (an assignment or a reading of one), a new
 * object for the caller to unref, or NULL. */
PeithoAssignment *peitho_assignment_get_for_document   (PeithoDocument    *document);
const char       *peitho_assignment_get_task           (PeithoAssignment  *self);
gboolean          peitho_assignment_get_tag_set_editable (PeithoAssignment *self);

/* A new document to hand out: @source's text, metadata and header, the tag
 * set narrowed to @tag_ids (NULL-terminated, NULL for all; groups left
 * empty go), and @self in the header. The annotations (with their notes,
 * annotators and relations) are left out unless @keep_annotations, and then
 * only those with one of the chosen tags. Fails with
 * PEITHO_ERROR_UNKNOWN_TAG on a tag id the tag set lacks. */
PeithoDocument   *peitho_assignment_prepare            (PeithoAssignment  *self,
                                                        PeithoDocument    *source,
                                                        const char * const *tag_ids,
                                                        gboolean           keep_annotations,
                                                        GError           **error);

/*
 * File names of readings: a student's reading of "essay.xml" is
 * "essay — NAME.xml" beside it. "/", "\" and control characters in NAME
 * become "-"; a NAME with nothing left becomes "student".
 */
char             *peitho_reading_basename              (const char        *assignment_basename,
                                                        const char        *student);
/* The reading file beside @assignment_file. */
GFile            *peitho_reading_file                  (GFile             *assignment_file,
                                                        const char        *student);
/* The student's name from a reading's file name: NAME in
 * "ASSIGNMENT — NAME.xml" (or in any "… — NAME.xml" when
 * @assignment_basename is NULL or does not match), else the file name
 * without ".xml". */
char             *peitho_reading_student_from_basename (const char        *assignment_basename,
                                                        const char        *reading_basename);

G_END_DECLS
