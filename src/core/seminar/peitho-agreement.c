/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-agreement.h"
#include "peitho-alpha-unitizing.h"
#include "peitho-error.h"
#include "peitho-seminar-merge.h"

typedef struct {
  char          *id;
  char          *label;
  guint          annotations;
  PeithoMeasure  alpha;
} TagResult;

typedef struct {
  char          *id;
  char          *name;
  guint          annotations;
  PeithoMeasure  precision;
  PeithoMeasure  recall;
  PeithoMeasure  f1;
} AnnotatorResult;

struct _PeithoAgreement
{
  gsize          characters;
  GArray        *annotators;   /* AnnotatorResult */
  GArray        *tags;         /* TagResult */
  PeithoMeasure  alpha;
  PeithoMeasure *pairs;        /* n_annotators² */
  PeithoMeasure *tag_pairs;    /* n_tags × n_annotators² */
  char          *key_name;
};

/* The alpha_u of annotators a and b on tag t. */
#define TAG_PAIR(self, t, a, b) \
  ((self)->tag_pairs[((t) * (self)->annotators->len + (a)) * (self)->annotators->len + (b)])

const char *
peitho_undefined_reason_describe (PeithoUndefinedReason reason)
{
  switch (reason)
    {
    case PEITHO_UNDEFINED_NONE:
      return "";
    case PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS:
      return _("undefined: fewer than two annotators");
    case PEITHO_UNDEFINED_NO_ANNOTATIONS:
      return _("undefined: nobody used this tag");
    case PEITHO_UNDEFINED_NO_EXPECTED_DISAGREEMENT:
      return _("undefined: no disagreement is possible by chance");
    case PEITHO_UNDEFINED_EMPTY_TEXT:
      return _("undefined: the text is empty");
    case PEITHO_UNDEFINED_NOTHING_MARKED:
      return _("undefined: marked nothing");
    case PEITHO_UNDEFINED_KEY_EMPTY:
      return _("undefined: the key marks nothing");
    default:
      g_return_val_if_reached ("");
    }
}

static PeithoMeasure
undefined (PeithoUndefinedReason reason)
{
  return (PeithoMeasure) { 0.0, reason };
}

static PeithoMeasure
defined (double value)
{
  return (PeithoMeasure) { value, PEITHO_UNDEFINED_NONE };
}

static PeithoMeasure
alpha_from (PeithoDisagreement disagreement,
            gsize              characters,
            guint              n_annotators,
            gsize              n_units)
{
  if (characters == 0)
    return undefined (PEITHO_UNDEFINED_EMPTY_TEXT);
  if (n_annotators < 2)
    return undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS);
  if (n_units == 0)
    return undefined (PEITHO_UNDEFINED_NO_ANNOTATIONS);
  if (!(disagreement.expected > 0.0))
    return undefined (PEITHO_UNDEFINED_NO_EXPECTED_DISAGREEMENT);
  return defined (1.0 - disagreement.observed / disagreement.expected);
}

static void
tag_result_clear (gpointer data)
{
  TagResult *tag = data;

  g_free (tag->id);
  g_free (tag->label);
}

static void
annotator_result_clear (gpointer data)
{
  AnnotatorResult *annotator = data;

  g_free (annotator->id);
  g_free (annotator->name);
}

void
peitho_agreement_free (PeithoAgreement *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->annotators, g_array_unref);
  g_clear_pointer (&self->tags, g_array_unref);
  g_clear_pointer (&self->pairs, g_free);
  g_clear_pointer (&self->tag_pairs, g_free);
  g_clear_pointer (&self->key_name, g_free);
  g_free (self);
}

/* An annotator by id, else by name. */
static PeithoAnnotator *
find_annotator (PeithoDocument *document,
                const char     *name_or_id)
{
  GListModel *annotators = peitho_document_get_annotators (document);
  guint n = g_list_model_get_n_items (annotators);
  PeithoAnnotator *annotator = peitho_document_lookup_annotator (document, name_or_id);

  if (annotator != NULL)
    return annotator;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) item = g_list_model_get_item (annotators, i);

      if (g_strcmp0 (peitho_annotator_get_name (item), name_or_id) == 0)
        return peitho_document_lookup_annotator (document, peitho_annotator_get_id (item));
    }
  return NULL;
}

static gboolean
add_annotator (PeithoAgreement *self,
               GHashTable      *index_by_id,
               PeithoAnnotator *annotator)
{
  const char *id = peitho_annotator_get_id (annotator);
  AnnotatorResult result = { 0 };

  if (g_hash_table_contains (index_by_id, id))
    return FALSE;
  result.id = g_strdup (id);
  result.name = g_strdup (peitho_annotator_get_name (annotator));
  g_array_append_val (self->annotators, result);
  g_hash_table_insert (index_by_id, (gpointer) g_array_index (self->annotators, AnnotatorResult,
                                                              self->annotators->len - 1).id,
                       GUINT_TO_POINTER (self->annotators->len));
  return TRUE;
}

static gboolean
resolve_annotators (PeithoAgreement              *self,
                    PeithoDocument               *document,
                    const PeithoAgreementOptions *options,
                    PeithoAnnotator              *key,
                    GHashTable                   *index_by_id,
                    GError                      **error)
{
  if (options->annotators != NULL)
    {
      for (guint i = 0; options->annotators[i] != NULL; i++)
        {
          PeithoAnnotator *annotator = find_annotator (document, options->annotators[i]);

          if (annotator == NULL)
            {
              g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                           _("no annotator is called “%s”"), options->annotators[i]);
              return FALSE;
            }
          if (annotator != key)
            add_annotator (self, index_by_id, annotator);
        }
      return TRUE;
    }

  {
    g_auto(GStrv) students = peitho_seminar_dup_students (document);
    GListModel *annotators = peitho_document_get_annotators (document);
    guint n = g_list_model_get_n_items (annotators);

    if (students != NULL)
      {
        for (guint i = 0; students[i] != NULL; i++)
          {
            PeithoAnnotator *annotator = peitho_document_lookup_annotator (document, students[i]);

            if (annotator != NULL && annotator != key)
              add_annotator (self, index_by_id, annotator);
          }
        return TRUE;
      }
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);

        if (annotator != key)
          add_annotator (self, index_by_id, annotator);
      }
  }
  return TRUE;
}

static gboolean
resolve_tags (PeithoAgreement              *self,
              PeithoDocument               *document,
              const PeithoAgreementOptions *options,
              GHashTable                   *index_by_id,
              GError                      **error)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(GPtrArray) tags = NULL;

  if (options->tag_ids != NULL)
    {
      tags = g_ptr_array_new ();
      for (guint i = 0; options->tag_ids[i] != NULL; i++)
        {
          PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set, options->tag_ids[i]);

          if (tag == NULL)
            {
              g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                           _("the tag set has no tag “%s”"), options->tag_ids[i]);
              return FALSE;
            }
          g_ptr_array_add (tags, tag);
        }
    }
  else
    tags = peitho_tag_set_dup_tags (tag_set);

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      TagResult result = { 0 };

      if (g_hash_table_contains (index_by_id, peitho_tag_get_id (tag)))
        continue;
      result.id = g_strdup (peitho_tag_get_id (tag));
      result.label = g_strdup (peitho_tag_get_label (tag));
      g_array_append_val (self->tags, result);
      g_hash_table_insert (index_by_id,
                           g_array_index (self->tags, TagResult, self->tags->len - 1).id,
                           GUINT_TO_POINTER (self->tags->len));
    }
  return TRUE;
}

static GArray *
span_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PeithoSpan));
}

static void
compute_key (PeithoAgreement *self,
             GArray         **spans,
             GArray         **key_spans)
{
  guint n_tags = self->tags->len;
  gsize key_total = 0;

  for (guint t = 0; t < n_tags; t++)
    key_total += peitho_spans_length (key_spans[t]);

  for (guint a = 0; a < self->annotators->len; a++)
    {
      AnnotatorResult *annotator = &g_array_index (self->annotators, AnnotatorResult, a);
      gsize shared = 0;
      gsize marked = 0;

      for (guint t = 0; t < n_tags; t++)
        {
          GArray *mine = spans[a * n_tags + t];

          shared += peitho_spans_intersection_length (mine, key_spans[t]);
          marked += peitho_spans_length (mine);
        }
      annotator->precision = marked > 0 ? defined ((double) shared / (double) marked)
                                        : undefined (PEITHO_UNDEFINED_NOTHING_MARKED);
      annotator->recall = key_total > 0 ? defined ((double) shared / (double) key_total)
                                        : undefined (PEITHO_UNDEFINED_KEY_EMPTY);
      annotator->f1 = marked + key_total > 0
                      ? defined (2.0 * (double) shared / (double) (marked + key_total))
                      : undefined (PEITHO_UNDEFINED_NO_ANNOTATIONS);
    }
}

struct _PeithoAgreementJob
{
  PeithoAgreement *result;           /* its annotators, tags and counts; NULL once run */
  GArray          *records;          /* PeithoAnnotationRecord, every annotation's */
  GHashTable      *annotator_index;  /* id -> index + 1 in result's annotators */
  GHashTable      *tag_index;        /* id -> index + 1 in result's tags */
  char            *key_id;           /* the key's annotator id, or NULL */
};

void
peitho_agreement_job_free (PeithoAgreementJob *job)
{
  if (job == NULL)
    return;
  /* The indexes' keys are the result's strings. */
  g_clear_pointer (&job->annotator_index, g_hash_table_unref);
  g_clear_pointer (&job->tag_index, g_hash_table_unref);
  g_clear_pointer (&job->result, peitho_agreement_free);
  g_clear_pointer (&job->records, g_array_unref);
  g_free (job->key_id);
  g_free (job);
}

PeithoAgreementJob *
peitho_agreement_job_new (PeithoDocument               *document,
                          const PeithoAgreementOptions *options,
                          GError                      **error)
{
  static const PeithoAgreementOptions no_options = { NULL, NULL, NULL };
  g_autoptr(PeithoAgreement) self = NULL;
  g_autoptr(GHashTable) annotator_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tag_index = g_hash_table_new (g_str_hash, g_str_equal);
  PeithoAgreementJob *job;
  PeithoAnnotator *key = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &no_options;

  self = g_new0 (PeithoAgreement, 1);
  self->characters = peitho_document_get_length (document);
  self->annotators = g_array_new (FALSE, TRUE, sizeof (AnnotatorResult));
  g_array_set_clear_func (self->annotators, annotator_result_clear);
  self->tags = g_array_new (FALSE, TRUE, sizeof (TagResult));
  g_array_set_clear_func (self->tags, tag_result_clear);

  if (options->key != NULL)
    {
      key = find_annotator (document, options->key);
      if (key == NULL)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                       _("no annotator is called “%s” (the key)"), options->key);
          return NULL;
        }
      self->key_name = g_strdup (peitho_annotator_get_name (key));
    }

  if (!resolve_annotators (self, document, options, key, annotator_index, error)
      || !resolve_tags (self, document, options, tag_index, error))
    return NULL;

  /* Records, not annotations: they are sorted out in the thread. */
  job = g_new0 (PeithoAgreementJob, 1);
  job->records = peitho_document_dup_annotation_records (document);
  job->result = g_steal_pointer (&self);
  job->annotator_index = g_steal_pointer (&annotator_index);
  job->tag_index = g_steal_pointer (&tag_index);
  job->key_id = key != NULL ? g_strdup (peitho_annotator_get_id (key)) : NULL;
  return job;
}

/* One pass over the records: each to its annotator's spans of its tag
 * (@all_spans, n_annotators × n_tags), and the key's to @key_spans. */
static void
distribute_records (PeithoAgreementJob *job,
                    GPtrArray          *all_spans,
                    GPtrArray          *key_spans)
{
  PeithoAgreement *self = job->result;
  guint n_tags = self->tags->len;

  for (guint i = 0; i < n_tags * self->annotators->len; i++)
    g_ptr_array_add (all_spans, span_array_new ());
  for (guint t = 0; t < n_tags; t++)
    g_ptr_array_add (key_spans, span_array_new ());

  for (guint i = 0; i < job->records->len; i++)
    {
      const PeithoAnnotationRecord *record = &g_array_index (job->records, PeithoAnnotationRecord, i);
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (job->tag_index, record->tag_id));
      guint a;
      PeithoSpan span = { record->start, record->end };

      if (t == 0 || record->annotator_id == NULL)
        continue;
      if (job->key_id != NULL && g_str_equal (record->annotator_id, job->key_id))
        g_array_append_val (g_ptr_array_index (key_spans, t - 1), span);
      a = GPOINTER_TO_UINT (g_hash_table_lookup (job->annotator_index, record->annotator_id));
      if (a == 0)
        continue;
      g_array_append_val (g_ptr_array_index (all_spans, (a - 1) * n_tags + t - 1), span);
      g_array_index (self->annotators, AnnotatorResult, a - 1).annotations++;
      g_array_index (self->tags, TagResult, t - 1).annotations++;
    }
  for (guint i = 0; i < all_spans->len; i++)
    peitho_spans_normalize (g_ptr_array_index (all_spans, i));
  for (guint i = 0; i < key_spans->len; i++)
    peitho_spans_normalize (g_ptr_array_index (key_spans, i));
}

PeithoAgreement *
peitho_agreement_job_run (PeithoAgreementJob *job)
{
  g_autoptr(PeithoAgreement) self = NULL;
  g_autofree GArray **column = NULL;
  g_autofree gsize *tag_units = NULL;
  g_autoptr(GPtrArray) all_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) key_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  PeithoDisagreement total = { 0.0, 0.0 };
  gsize total_units = 0;
  guint n_annotators, n_tags;

  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (job->result != NULL, NULL);

  distribute_records (job, all_spans, key_spans);
  /* The indexes' keys are the result's strings, which go with it. */
  g_clear_pointer (&job->annotator_index, g_hash_table_unref);
  g_clear_pointer (&job->tag_index, g_hash_table_unref);
  self = g_steal_pointer (&job->result);
  n_annotators = self->annotators->len;
  n_tags = self->tags->len;

  /* Per tag, and the sums for the overall value. */
  column = g_new0 (GArray *, MAX (n_annotators, 2));
  tag_units = g_new0 (gsize, n_tags);
  for (guint t = 0; t < n_tags; t++)
    {
      TagResult *tag = &g_array_index (self->tags, TagResult, t);
      PeithoDisagreement disagreement = { 0.0, 0.0 };

      for (guint a = 0; a < n_annotators; a++)
        {
          column[a] = g_ptr_array_index (all_spans, a * n_tags + t);
          tag_units[t] += column[a]->len;
        }
      if (n_annotators >= 2 && self->characters > 0 && tag_units[t] > 0)
        disagreement = peitho_alpha_unitizing_disagreement (column, n_annotators,
                                                            0, self->characters);
      tag->alpha = alpha_from (disagreement, self->characters, n_annotators, tag_units[t]);
      total.observed += disagreement.observed;
      total.expected += disagreement.expected;
      total_units += tag_units[t];
    }
  self->alpha = alpha_from (total, self->characters, n_annotators, total_units);

  /* Pairs: the same sums, for two annotators at a time. */
  self->pairs = g_new0 (PeithoMeasure, MAX (n_annotators * n_annotators, 1));
  self->tag_pairs = g_new0 (PeithoMeasure, MAX (n_tags * n_annotators * n_annotators, 1));
  for (guint a = 0; a < n_annotators; a++)
    {
      self->pairs[a * n_annotators + a] = undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS);
      for (guint t = 0; t < n_tags; t++)
        TAG_PAIR (self, t, a, a) = undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS);
      for (guint b = a + 1; b < n_annotators; b++)
        {
          PeithoDisagreement sum = { 0.0, 0.0 };
          gsize units = 0;

          for (guint t = 0; t < n_tags; t++)
            {
              GArray *pair[2] = { g_ptr_array_index (all_spans, a * n_tags + t),
                                  g_ptr_array_index (all_spans, b * n_tags + t) };
              PeithoDisagreement d = { 0.0, 0.0 };
              gsize pair_units = pair[0]->len + pair[1]->len;

              if (pair_units > 0 && self->characters > 0)
                d = peitho_alpha_unitizing_disagreement (pair, 2, 0, self->characters);
              TAG_PAIR (self, t, a, b) = alpha_from (d, self->characters, 2, pair_units);
              TAG_PAIR (self, t, b, a) = TAG_PAIR (self, t, a, b);
              sum.observed += d.observed;
              sum.expected += d.expected;
              units += pair_units;
            }
          self->pairs[a * n_annotators + b] = alpha_from (sum, self->characters, 2, units);
          self->pairs[b * n_annotators + a] = self->pairs[a * n_annotators + b];
        }
    }

  if (job->key_id != NULL)
    compute_key (self, (GArray **) all_spans->pdata, (GArray **) key_spans->pdata);
  else
    for (guint a = 0; a < n_annotators; a++)
      {
        AnnotatorResult *annotator = &g_array_index (self->annotators, AnnotatorResult, a);

        annotator->precision = annotator->recall = annotator->f1 =
          undefined (PEITHO_UNDEFINED_KEY_EMPTY);
      }

  return g_steal_pointer (&self);
}

PeithoAgreement *
peitho_agreement_compute (PeithoDocument               *document,
                          const PeithoAgreementOptions *options,
                          GError                      **error)
{
  g_autoptr(PeithoAgreementJob) job = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = peitho_agreement_job_new (document, options, error);
  return job != NULL ? peitho_agreement_job_run (job) : NULL;
}

gsize
peitho_agreement_get_characters (PeithoAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->characters;
}

guint
peitho_agreement_get_n_annotators (PeithoAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->annotators->len;
}

#define ANNOTATOR(self, index) (&g_array_index ((self)->annotators, AnnotatorResult, (index)))
#define TAG(self, index) (&g_array_index ((self)->tags, TagResult, (index)))

const char *
peitho_agreement_get_annotator_id (PeithoAgreement *self,
                                   guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len, NULL);
  return ANNOTATOR (self, index)->id;
}

const char *
peitho_agreement_get_annotator_name (PeithoAgreement *self,
                                     guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len, NULL);
  return ANNOTATOR (self, index)->name;
}

guint
peitho_agreement_get_annotator_annotations (PeithoAgreement *self,
                                            guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len, 0);
  return ANNOTATOR (self, index)->annotations;
}

PeithoMeasure
peitho_agreement_get_alpha (PeithoAgreement *self)
{
  g_return_val_if_fail (self != NULL, undefined (PEITHO_UNDEFINED_NO_ANNOTATIONS));
  return self->alpha;
}

guint
peitho_agreement_get_n_tags (PeithoAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->tags->len;
}

const char *
peitho_agreement_get_tag_id (PeithoAgreement *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->tags->len, NULL);
  return TAG (self, index)->id;
}

const char *
peitho_agreement_get_tag_label (PeithoAgreement *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->tags->len, NULL);
  return TAG (self, index)->label;
}

guint
peitho_agreement_get_tag_annotations (PeithoAgreement *self,
                                      guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->tags->len, 0);
  return TAG (self, index)->annotations;
}

PeithoMeasure
peitho_agreement_get_tag_alpha (PeithoAgreement *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->tags->len,
                        undefined (PEITHO_UNDEFINED_NO_ANNOTATIONS));
  return TAG (self, index)->alpha;
}

PeithoMeasure
peitho_agreement_get_pair_alpha (PeithoAgreement *self,
                                 guint            a,
                                 guint            b)
{
  guint n;

  g_return_val_if_fail (self != NULL, undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS));
  n = self->annotators->len;
  g_return_val_if_fail (a < n && b < n, undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS));
  return self->pairs[a * n + b];
}

PeithoMeasure
peitho_agreement_get_tag_pair_alpha (PeithoAgreement *self,
                                     guint            tag,
                                     guint            a,
                                     guint            b)
{
  guint n;

  g_return_val_if_fail (self != NULL, undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS));
  n = self->annotators->len;
  g_return_val_if_fail (tag < self->tags->len && a < n && b < n,
                        undefined (PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS));
  return TAG_PAIR (self, tag, a, b);
}

const char *
peitho_agreement_get_key_name (PeithoAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key_name;
}

PeithoMeasure
peitho_agreement_get_precision (PeithoAgreement *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len,
                        undefined (PEITHO_UNDEFINED_KEY_EMPTY));
  return ANNOTATOR (self, index)->precision;
}

PeithoMeasure
peitho_agreement_get_recall (PeithoAgreement *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len,
                        undefined (PEITHO_UNDEFINED_KEY_EMPTY));
  return ANNOTATOR (self, index)->recall;
}

PeithoMeasure
peitho_agreement_get_f1 (PeithoAgreement *self,
                         guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->annotators->len,
                        undefined (PEITHO_UNDEFINED_KEY_EMPTY));
  return ANNOTATOR (self, index)->f1;
}
