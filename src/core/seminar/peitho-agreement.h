/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/*
 * Agreement between the annotators of a document (a seminar document from
 * peitho_seminar_merger_build(), or any document with several annotators):
 * Krippendorff's alpha_u over the characters of the whole text (see
 * peitho-alpha-unitizing.h), overall and per tag, pairwise between
 * annotators, and with a key each annotator's precision, recall and F1 by
 * character overlap.
 *
 * Computed once, then read through the getters: a window can show the
 * overview, the per-tag table and the heat map from one PeithoAgreement, and
 * compute another for a chosen set of tags or students. Nothing here grows with the length of the
 * text, only with the number of annotations (pairs: with the square of the
 * number of annotators). Computing is quick (30 students with
 * 2,000 annotations each: see tests/bench/peitho-bench-seminar.c), but not
 * so quick that a window should block on it: PeithoAgreementJob splits it
 * into the pass over the document and the computation, which can run in a
 * GTask, as neither it nor a PeithoAgreement holds a reference to the
 * document.
 */

/**
 * PeithoUndefinedReason:
 * @PEITHO_UNDEFINED_NONE: the value is defined
 * @PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS: alpha needs two annotators or more
 * @PEITHO_UNDEFINED_NO_ANNOTATIONS: nobody used the tag (or any of the tags)
 * @PEITHO_UNDEFINED_NO_EXPECTED_DISAGREEMENT: the annotations leave no room
 *   for chance disagreement (D_e = 0)
 * @PEITHO_UNDEFINED_EMPTY_TEXT: the text has no characters
 * @PEITHO_UNDEFINED_NOTHING_MARKED: precision of an annotator who marked nothing
 * @PEITHO_UNDEFINED_KEY_EMPTY: recall against a key that marks nothing
 */
typedef enum {
  PEITHO_UNDEFINED_NONE,
  PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS,
  PEITHO_UNDEFINED_NO_ANNOTATIONS,
  PEITHO_UNDEFINED_NO_EXPECTED_DISAGREEMENT,
  PEITHO_UNDEFINED_EMPTY_TEXT,
  PEITHO_UNDEFINED_NOTHING_MARKED,
  PEITHO_UNDEFINED_KEY_EMPTY,
} PeithoUndefinedReason;

/* A value, or the reason why there is none (never NaN). */
typedef struct {
  double                value;   /* 0 when undefined */
  PeithoUndefinedReason reason;
} PeithoMeasure;

static inline gboolean
peitho_measure_is_defined (PeithoMeasure measure)
{
  return measure.reason == PEITHO_UNDEFINED_NONE;
}

/* A translated sentence for the text form ("fewer than two annotators"). */
const char *peitho_undefined_reason_describe (PeithoUndefinedReason reason);

/**
 * PeithoAgreementOptions:
 * @tag_ids: the tags to compare (NULL-terminated), or NULL for every tag of
 *   the tag set
 * @annotators: the annotators to compare, by name or id (NULL-terminated), or
 *   NULL for the seminar's students (peitho_seminar_get_students()), or every
 *   annotator when the document is not a seminar
 * @key: name or id of the annotator whose annotations are the key, or NULL;
 *   the key is left out of alpha and the pairs
 */
typedef struct {
  const char * const *tag_ids;
  const char * const *annotators;
  const char         *key;
} PeithoAgreementOptions;

typedef struct _PeithoAgreement PeithoAgreement;

/* Fails with PEITHO_ERROR_UNKNOWN_TAG (a tag id not in the tag set) or
 * PEITHO_ERROR_NOT_FOUND (an annotator or key that names nobody). Annotations
 * without an annotator are left out. @options may be NULL. */
PeithoAgreement *peitho_agreement_compute              (PeithoDocument               *document,
                                                        const PeithoAgreementOptions *options,
                                                        GError                      **error);
void             peitho_agreement_free                 (PeithoAgreement              *self);

/* The same in two steps, for a window that computes in a thread:
 * peitho_agreement_job_new() reads what the agreement needs from @document
 * (its annotators and tags, and a record of each annotation: on the thread
 * that owns the document; it fails as peitho_agreement_compute() does), and
 * peitho_agreement_job_run() sorts the records out and computes from them
 * alone, in any thread, once. */
typedef struct _PeithoAgreementJob PeithoAgreementJob;

PeithoAgreementJob *peitho_agreement_job_new  (PeithoDocument               *document,
                                               const PeithoAgreementOptions *options,
                                               GError                      **error);
PeithoAgreement    *peitho_agreement_job_run  (PeithoAgreementJob           *job);
void                peitho_agreement_job_free (PeithoAgreementJob           *job);

/* The length of the continuum: the characters of the text. */
gsize            peitho_agreement_get_characters       (PeithoAgreement *self);

/* The compared annotators (the key not among them), in the document's
 * order, or in the order of @options->annotators when given. */
guint            peitho_agreement_get_n_annotators     (PeithoAgreement *self);
const char      *peitho_agreement_get_annotator_id     (PeithoAgreement *self,
                                                        guint            index);
const char      *peitho_agreement_get_annotator_name   (PeithoAgreement *self,
                                                        guint            index);
/* Annotations of this annotator with one of the compared tags. */
guint            peitho_agreement_get_annotator_annotations (PeithoAgreement *self,
                                                             guint            index);

/* alpha_u over all compared tags: 1 - sum D_o / sum D_e. */
PeithoMeasure    peitho_agreement_get_alpha            (PeithoAgreement *self);

guint            peitho_agreement_get_n_tags           (PeithoAgreement *self);
const char      *peitho_agreement_get_tag_id           (PeithoAgreement *self,
                                                        guint            index);
const char      *peitho_agreement_get_tag_label        (PeithoAgreement *self,
                                                        guint            index);
/* Annotations with this tag by the compared annotators. */
guint            peitho_agreement_get_tag_annotations  (PeithoAgreement *self,
                                                        guint            index);
PeithoMeasure    peitho_agreement_get_tag_alpha        (PeithoAgreement *self,
                                                        guint            index);

/* alpha_u of two annotators (indices as above) over all compared tags;
 * symmetric; undefined for a == b. */
PeithoMeasure    peitho_agreement_get_pair_alpha       (PeithoAgreement *self,
                                                        guint            a,
                                                        guint            b);

/* alpha_u of two annotators on one tag (the students × students heat map of
 * a tag); undefined for a == b or when neither used the tag. */
PeithoMeasure    peitho_agreement_get_tag_pair_alpha   (PeithoAgreement *self,
                                                        guint            tag,
                                                        guint            a,
                                                        guint            b);

/* The key's name, or NULL without a key. */
const char      *peitho_agreement_get_key_name         (PeithoAgreement *self);
/* Against the key, over the compared tags, counting characters marked with
 * the same tag: precision = shared / marked by the annotator, recall =
 * shared / marked by the key, F1 = 2 shared / (both), so a silent annotator
 * has F1 0. Undefined without a key. */
PeithoMeasure    peitho_agreement_get_precision        (PeithoAgreement *self,
                                                        guint            index);
PeithoMeasure    peitho_agreement_get_recall           (PeithoAgreement *self,
                                                        guint            index);
PeithoMeasure    peitho_agreement_get_f1               (PeithoAgreement *self,
                                                        guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoAgreement, peitho_agreement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoAgreementJob, peitho_agreement_job_free)

G_END_DECLS
