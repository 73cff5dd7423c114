/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/*
 * Collecting the readings of an assignment into one seminar document, and
 * splitting it again.
 *
 * A seminar document is the assignment's text and tag set with every
 * student's annotations, notes and relations as that student's layer: an
 * annotator of its own, whose annotation and relation ids are the reading's
 * ids prefixed with the annotator id and "." ("ann-alice.a7"), so that they
 * never collide and peitho_seminar_split() gives each reading back as it
 * was. Annotations the assignment kept (a teacher's key) are a layer of
 * their own; the readings' copies of them are not counted twice.
 *
 * The students of a seminar (peitho_seminar_dup_students()) are the layers
 * of the merged readings, including readings with no annotation: a silent
 * student still counts in the agreement (peitho-agreement.h).
 *
 * For a window: create a merger, add each reading as it is loaded (each
 * add is quick and reports its own error, so one bad file does not stop the
 * others and a progress bar can follow the calls), ask the user when
 * peitho_seminar_merger_add_reading() fails with PEITHO_ERROR_DUPLICATE_ID
 * and add that file again with the chosen policy, then build.
 */

/**
 * PeithoSeminarDuplicate:
 * @PEITHO_SEMINAR_DUPLICATE_FAIL: a second reading of a student fails with
 *   PEITHO_ERROR_DUPLICATE_ID and changes nothing
 * @PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST: the reading added first stays
 * @PEITHO_SEMINAR_DUPLICATE_KEEP_LAST: the later reading replaces it (in the
 *   same place among the students)
 */
typedef enum {
  PEITHO_SEMINAR_DUPLICATE_FAIL,
  PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST,
  PEITHO_SEMINAR_DUPLICATE_KEEP_LAST,
} PeithoSeminarDuplicate;

/**
 * PeithoSeminarOutcome:
 * What peitho_seminar_merger_add_reading() did with a reading.
 */
typedef enum {
  PEITHO_SEMINAR_ADDED,
  PEITHO_SEMINAR_REPLACED,
  PEITHO_SEMINAR_SKIPPED,
} PeithoSeminarOutcome;

typedef struct _PeithoSeminarMerger PeithoSeminarMerger;

/* @assignment is kept (a reference) and must not change until the merger
 * is freed. @display_name names it in messages and is used to find the
 * student's name in a reading's file name. */
PeithoSeminarMerger *peitho_seminar_merger_new          (PeithoDocument        *assignment,
                                                         const char            *display_name);
void                 peitho_seminar_merger_free         (PeithoSeminarMerger   *self);

/* Checks @reading against the assignment and takes its layer (the reading
 * itself is not kept). Fails, changing nothing, with
 *   PEITHO_ERROR_INVALID when the text differs: "FILE: the text differs from
 *     the assignment’s at character N (line L, column C): “x” instead of “y”"
 *     (or when the reading holds several students' annotations);
 *   PEITHO_ERROR_DUPLICATE_ID when a reading of the same student was added
 *     and @policy is PEITHO_SEMINAR_DUPLICATE_FAIL.
 * The student is the reading's one annotator that the assignment does not
 * have; with none, the name in the file name ("ASSIGNMENT — NAME.xml", see
 * peitho_reading_student_from_basename()). @outcome (nullable) says what
 * was done. */
gboolean             peitho_seminar_merger_add_reading  (PeithoSeminarMerger   *self,
                                                         PeithoDocument        *reading,
                                                         const char            *display_name,
                                                         PeithoSeminarDuplicate policy,
                                                         PeithoSeminarOutcome  *outcome,
                                                         GError               **error);
guint                peitho_seminar_merger_get_n_readings (PeithoSeminarMerger *self);
/* The student of the @index-th reading and the file it came from. */
const char          *peitho_seminar_merger_get_student  (PeithoSeminarMerger   *self,
                                                         guint                  index);
const char          *peitho_seminar_merger_get_file     (PeithoSeminarMerger   *self,
                                                         guint                  index);
/* The seminar document. Can be called again after more readings. */
PeithoDocument      *peitho_seminar_merger_build        (PeithoSeminarMerger   *self,
                                                         GError               **error);

/* The students' annotator ids of a seminar document, in the order merged;
 * NULL when @document is not one. */
GStrv                peitho_seminar_dup_students        (PeithoDocument        *document);

/* One layer of a seminar document as a document of its own: the text, tag
 * set and header, the annotator @annotator_id with its annotations and
 * relations, their ids without the layer prefix. Fails with
 * PEITHO_ERROR_NOT_FOUND if there is no such annotator. */
PeithoDocument      *peitho_seminar_split               (PeithoDocument        *seminar,
                                                         const char            *annotator_id,
                                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoSeminarMerger, peitho_seminar_merger_free)

G_END_DECLS
