/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "peitho-discussion.h"
#include "peitho-error.h"
#include "peitho-seminar-merge.h"

struct _PeithoDiscussionPassage
{
  GObject    parent_instance;

  gsize      start;
  gsize      end;
  double     score;
  guint      n_marked;
  GPtrArray *readers;   /* annotator ids (strings) */
  GPtrArray *tags;      /* per reader: a NULL-terminated GPtrArray of tag ids (owned) */
};

G_DEFINE_FINAL_TYPE (PeithoDiscussionPassage, peitho_discussion_passage, G_TYPE_OBJECT)

static void
peitho_discussion_passage_finalize (GObject *object)
{
  PeithoDiscussionPassage *self = (PeithoDiscussionPassage *)object;

  g_clear_pointer (&self->readers, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_discussion_passage_parent_class)->finalize (object);
}

static void
peitho_discussion_passage_class_init (PeithoDiscussionPassageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = peitho_discussion_passage_finalize;
}

static void
peitho_discussion_passage_init (PeithoDiscussionPassage *self)
{
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

gsize
peitho_discussion_passage_get_start (PeithoDiscussionPassage *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), 0);
  return self->start;
}

gsize
peitho_discussion_passage_get_end (PeithoDiscussionPassage *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), 0);
  return self->end;
}

double
peitho_discussion_passage_get_score (PeithoDiscussionPassage *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), 0);
  return self->score;
}

guint
peitho_discussion_passage_get_n_marked (PeithoDiscussionPassage *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), 0);
  return self->n_marked;
}

guint
peitho_discussion_passage_get_n_readers (PeithoDiscussionPassage *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), 0);
  return self->readers->len;
}

const char *
peitho_discussion_passage_get_reader (PeithoDiscussionPassage *self,
                                      guint                    index)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), NULL);
  g_return_val_if_fail (index < self->readers->len, NULL);
  return g_ptr_array_index (self->readers, index);
}

const char * const *
peitho_discussion_passage_get_reader_tags (PeithoDiscussionPassage *self,
                                           guint                    index)
{
  GPtrArray *tags;

  g_return_val_if_fail (PEITHO_IS_DISCUSSION_PASSAGE (self), NULL);
  g_return_val_if_fail (index < self->tags->len, NULL);

  tags = g_ptr_array_index (self->tags, index);
  return (const char * const *) tags->pdata;
}

/* The annotator named or identified by @name_or_id, or NULL. */
static PeithoAnnotator *
find_annotator (PeithoDocument *document,
                const char     *name_or_id)
{
  GListModel *annotators = peitho_document_get_annotators (document);
  PeithoAnnotator *annotator = peitho_document_lookup_annotator (document, name_or_id);
  guint n = g_list_model_get_n_items (annotators);

  for (guint i = 0; annotator == NULL && i < n; i++)
    {
      g_autoptr(PeithoAnnotator) item = g_list_model_get_item (annotators, i);

      if (g_strcmp0 (peitho_annotator_get_name (item), name_or_id) == 0)
        annotator = peitho_document_lookup_annotator (document, peitho_annotator_get_id (item));
    }
  return annotator;
}

/* The compared annotators' ids, in order, each once. */
static GPtrArray *
resolve_readers (PeithoDocument      *document,
                 const char * const  *annotators,
                 GError             **error)
{
  g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) students = NULL;

  if (annotators != NULL)
    {
      for (guint i = 0; annotators[i] != NULL; i++)
        {
          PeithoAnnotator *annotator = find_annotator (document, annotators[i]);
          const char *id;

          if (annotator == NULL)
            {
              g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                           _("no annotator is called “%s”"), annotators[i]);
              return NULL;
            }
          id = peitho_annotator_get_id (annotator);
          if (!g_ptr_array_find_with_equal_func (readers, id, g_str_equal, NULL))
            g_ptr_array_add (readers, g_strdup (id));
        }
    }
  else if ((students = peitho_seminar_dup_students (document)) != NULL)
    {
      for (guint i = 0; students[i] != NULL; i++)
        g_ptr_array_add (readers, g_strdup (students[i]));
    }
  else
    {
      GListModel *model = peitho_document_get_annotators (document);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (model, i);

          g_ptr_array_add (readers, g_strdup (peitho_annotator_get_id (annotator)));
        }
    }
  return g_steal_pointer (&readers);
}

typedef struct {
  gsize       start;
  gsize       end;
  guint       reader;
  const char *tag_id;   /* the annotation's, while computing */
} Mark;

static int
mark_compare (gconstpointer a,
              gconstpointer b)
{
  const Mark *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return (ma->end > mb->end) - (ma->end < mb->end);
}

static gboolean
tags_contain (GPtrArray  *tags,
              const char *tag_id)
{
  for (guint i = 0; i + 1 < tags->len; i++)
    if (g_str_equal (g_ptr_array_index (tags, i), tag_id))
      return TRUE;
  return FALSE;
}

/* 1 - |a ∩ b| / |a ∪ b|; 0 when both are empty. Arrays are NULL-terminated. */
static double
jaccard_distance (GPtrArray *a,
                  GPtrArray *b)
{
  guint n_a = a->len - 1, n_b = b->len - 1, shared = 0;

  if (n_a == 0 && n_b == 0)
    return 0;
  for (guint i = 0; i < n_a; i++)
    if (tags_contain (b, g_ptr_array_index (a, i)))
      shared++;
  return 1.0 - (double) shared / (n_a + n_b - shared);
}

/* The passage of marks [first, last), or NULL when everyone agrees there. */
static PeithoDiscussionPassage *
make_passage (GPtrArray  *readers,
              const Mark *marks,
              guint       first,
              guint       last,
              gsize       end)
{
  g_autoptr(PeithoDiscussionPassage) passage = g_object_new (PEITHO_TYPE_DISCUSSION_PASSAGE, NULL);
  guint n = readers->len;
  double sum = 0;

  passage->start = marks[first].start;
  passage->end = end;
  passage->readers = g_ptr_array_ref (readers);
  for (guint r = 0; r < n; r++)
    {
      GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (tags, NULL);
      g_ptr_array_add (passage->tags, tags);
    }

  for (guint i = first; i < last; i++)
    {
      GPtrArray *tags = g_ptr_array_index (passage->tags, marks[i].reader);

      if (!tags_contain (tags, marks[i].tag_id))
        {
          if (tags->len == 1)
            passage->n_marked++;
          g_ptr_array_insert (tags, tags->len - 1, g_strdup (marks[i].tag_id));
        }
    }

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      sum += jaccard_distance (g_ptr_array_index (passage->tags, a),
                               g_ptr_array_index (passage->tags, b));
  passage->score = sum / (n * (n - 1) / 2.0);

  return passage->score > 0 ? g_steal_pointer (&passage) : NULL;
}

static int
passage_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const PeithoDiscussionPassage *pa = a, *pb = b;

  if (pa->score != pb->score)
    return pa->score > pb->score ? -1 : 1;
  if (pa->n_marked != pb->n_marked)
    return pa->n_marked > pb->n_marked ? -1 : 1;
  return (pa->start > pb->start) - (pa->start < pb->start);
}

struct _PeithoDiscussionJob
{
  GPtrArray *readers;   /* annotator ids (strings), shared with the passages */
  GArray    *records;   /* PeithoAnnotationRecord, every annotation's */
};

void
peitho_discussion_job_free (PeithoDiscussionJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->readers, g_ptr_array_unref);
  g_clear_pointer (&job->records, g_array_unref);
  g_free (job);
}

PeithoDiscussionJob *
peitho_discussion_job_new (PeithoDocument      *document,
                           const char * const  *annotators,
                           GError             **error)
{
  g_autoptr(PeithoDiscussionJob) job = g_new0 (PeithoDiscussionJob, 1);

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(job->readers = resolve_readers (document, annotators, error)))
    return NULL;
  /* Records, not annotations: they are read in the thread. */
  job->records = job->readers->len >= 2 ? peitho_document_dup_annotation_records (document)
                                        : g_array_new (FALSE, FALSE, sizeof (PeithoAnnotationRecord));
  return g_steal_pointer (&job);
}

/* The marks of the readers compared, from every annotation's record. */
static GArray *
job_marks (PeithoDiscussionJob *job)
{
  g_autoptr(GHashTable) reader_index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));

  /* Annotator ids map to their index + 1 (0 is "not compared"). */
  for (guint i = 0; i < job->readers->len; i++)
    g_hash_table_insert (reader_index, g_ptr_array_index (job->readers, i),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < job->records->len; i++)
    {
      const PeithoAnnotationRecord *record = &g_array_index (job->records, PeithoAnnotationRecord, i);
      guint index = record->annotator_id != NULL
                    ? GPOINTER_TO_UINT (g_hash_table_lookup (reader_index, record->annotator_id))
                    : 0;
      Mark mark;

      if (index == 0)
        continue;
      mark.start = record->start;
      mark.end = record->end;
      mark.reader = index - 1;
      /* Interned: the job may outlive the annotation. */
      mark.tag_id = record->tag_id;
      g_array_append_val (marks, mark);
    }
  return marks;
}

GListModel *
peitho_discussion_job_run (PeithoDiscussionJob *job)
{
  g_autoptr(GListStore) store = g_list_store_new (PEITHO_TYPE_DISCUSSION_PASSAGE);
  g_autoptr(GArray) marks = NULL;
  GPtrArray *readers;
  guint first;
  gsize end;

  g_return_val_if_fail (job != NULL, NULL);

  readers = job->readers;
  if (readers->len < 2)
    return G_LIST_MODEL (g_steal_pointer (&store));
  marks = job_marks (job);
  g_array_sort (marks, mark_compare);

  /* Chains of overlapping marks, swept in order of their starts. */
  first = 0;
  end = 0;
  for (guint i = 0; i <= marks->len; i++)
    {
      const Mark *mark = i < marks->len ? &g_array_index (marks, Mark, i) : NULL;

      if (i > first && (mark == NULL || mark->start >= end))
        {
          g_autoptr(PeithoDiscussionPassage) passage = NULL;

          passage = make_passage (readers, (const Mark *) marks->data, first, i, end);
          if (passage != NULL)
            g_list_store_append (store, passage);
          first = i;
        }
      if (mark != NULL)
        end = i == first ? mark->end : MAX (end, mark->end);
    }

  g_list_store_sort (store, passage_rank, NULL);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
peitho_discussion_compute (PeithoDocument      *document,
                           const char * const  *annotators,
                           GError             **error)
{
  g_autoptr(PeithoDiscussionJob) job = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(job = peitho_discussion_job_new (document, annotators, error)))
    return NULL;
  return peitho_discussion_job_run (job);
}
