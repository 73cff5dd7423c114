/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/*
 * Passages to discuss: the places of a seminar document where the students
 * disagree most.
 *
 * A place is a stretch of text covered by a chain of overlapping annotations
 * of the compared students (annotations that only touch are apart). There
 * each student has a set of tags: those of their annotations in it, empty
 * when they marked nothing there. The place's disagreement is the mean,
 * over every pair of students, of the Jaccard distance between their two
 * sets, 1 - |A ∩ B| / |A ∪ B| (0 when both are empty): 1 for two students who
 * chose different tags for the same span, or of whom one marked it and the
 * other not; 2/3 for three students of whom two agree and the third marked
 * nothing. Places where everyone agrees (0) are left out.
 *
 * The passages are ranked by disagreement, then by how many students marked
 * them (a span tagged differently comes before one that only a few
 * marked), then by their place in the text. O(n log n) in the number of
 * annotations, times the square of the number of students per place; never
 * per character.
 */

#define PEITHO_TYPE_DISCUSSION_PASSAGE (peitho_discussion_passage_get_type ())
G_DECLARE_FINAL_TYPE (PeithoDiscussionPassage, peitho_discussion_passage,
                      PEITHO, DISCUSSION_PASSAGE, GObject)

/* [start, end) in characters of the document text. */
gsize               peitho_discussion_passage_get_start     (PeithoDiscussionPassage *self);
gsize               peitho_discussion_passage_get_end       (PeithoDiscussionPassage *self);
/* The disagreement, in (0, 1]. */
double              peitho_discussion_passage_get_score     (PeithoDiscussionPassage *self);
/* Students who marked something here. */
guint               peitho_discussion_passage_get_n_marked  (PeithoDiscussionPassage *self);
/* Every compared student, in the order compared, with the tag ids they
 * used here (an empty array: nothing), in the order of the text. */
guint               peitho_discussion_passage_get_n_readers (PeithoDiscussionPassage *self);
const char         *peitho_discussion_passage_get_reader    (PeithoDiscussionPassage *self,
                                                             guint                    index);
const char * const *peitho_discussion_passage_get_reader_tags (PeithoDiscussionPassage *self,
                                                               guint                    index);

/* The passages to discuss (PeithoDiscussionPassage), ranked, among
 * @annotators (names or ids, NULL-terminated), or when NULL among the
 * seminar's students (peitho_seminar_dup_students()), or every annotator
 * when @document is not a seminar. Fewer than two students: no passage.
 * Fails with PEITHO_ERROR_NOT_FOUND for an annotator that names nobody. */
GListModel         *peitho_discussion_compute               (PeithoDocument          *document,
                                                             const char * const      *annotators,
                                                             GError                 **error);

/* The same in two steps, for a thread: the job reads what it needs of
 * @document at once (here, in the document's thread), and runs anywhere
 * later, holding nothing of the document. */
typedef struct _PeithoDiscussionJob PeithoDiscussionJob;

PeithoDiscussionJob *peitho_discussion_job_new  (PeithoDocument      *document,
                                                 const char * const  *annotators,
                                                 GError             **error);
GListModel          *peitho_discussion_job_run  (PeithoDiscussionJob *job);
void                 peitho_discussion_job_free (PeithoDiscussionJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoDiscussionJob, peitho_discussion_job_free)

G_END_DECLS
