/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-assignment.h"
#include "peitho-error.h"
#include "peitho-seminar-copy.h"
#include "peitho-seminar-merge.h"
#include "peitho-seminar-tei.h"
#include "peitho-text-difference.h"

/* What the merger keeps of a reading: its layer, not the document. */
typedef struct {
  char      *student;
  char      *annotator_id;   /* the reading's id for the student, or NULL */
  char      *file;
  GPtrArray *annotations;    /* PeithoAnnotation, not in any document */
  GPtrArray *relations;      /* PeithoRelation */
  GPtrArray *tags;           /* PeithoTag the assignment lacks (tag set editable) */
  PeithoTagSet *tag_set;     /* the reading's, for the groups of those tags */
} Reading;

struct _PeithoSeminarMerger
{
  PeithoDocument *assignment;
  char           *display_name;
  GPtrArray      *readings;  /* Reading */
};

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_free (reading->student);
  g_free (reading->annotator_id);
  g_free (reading->file);
  g_ptr_array_unref (reading->annotations);
  g_ptr_array_unref (reading->relations);
  g_ptr_array_unref (reading->tags);
  g_clear_object (&reading->tag_set);
  g_free (reading);
}

PeithoSeminarMerger *
peitho_seminar_merger_new (PeithoDocument *assignment,
                           const char     *display_name)
{
  PeithoSeminarMerger *self;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (assignment), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (PeithoSeminarMerger, 1);
  self->assignment = g_object_ref (assignment);
  self->display_name = g_strdup (display_name);
  self->readings = g_ptr_array_new_with_free_func (reading_free);
  return self;
}

void
peitho_seminar_merger_free (PeithoSeminarMerger *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->assignment);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->readings, g_ptr_array_unref);
  g_free (self);
}

static gboolean
check_text (PeithoSeminarMerger  *self,
            PeithoDocument       *reading,
            const char           *display_name,
            GError              **error)
{
  PeithoTextDifference difference;
  g_autofree char *in_reading = NULL;
  g_autofree char *in_assignment = NULL;

  if (!peitho_text_difference_find (peitho_document_get_text (reading),
                                    peitho_document_get_text (self->assignment), &difference))
    return TRUE;

  in_reading = peitho_text_difference_describe (difference.a);
  in_assignment = peitho_text_difference_describe (difference.b);
  g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
               /* Translators: "FILE: the text differs from the assignment’s at
                * character 1203 (line 14, column 7): “e” instead of “a”" */
               _("%s: the text differs from the assignment’s at character %lu"
                 " (line %lu, column %lu): %s instead of %s"),
               display_name, (unsigned long) difference.offset, (unsigned long) difference.line,
               (unsigned long) difference.column, in_reading, in_assignment);
  return FALSE;
}

/* An annotation the assignment handed out (a kept key), not the student's. */
static gboolean
is_assignment_annotation (PeithoSeminarMerger *self,
                          PeithoAnnotation    *annotation)
{
  PeithoAnnotation *original = peitho_document_lookup_annotation (self->assignment,
                                                                  peitho_annotation_get_id (annotation));

  return original != NULL
         && peitho_annotation_get_start (original) == peitho_annotation_get_start (annotation)
         && peitho_annotation_get_end (original) == peitho_annotation_get_end (annotation)
         && g_strcmp0 (peitho_annotation_get_tag_id (original),
                       peitho_annotation_get_tag_id (annotation)) == 0;
}

/* The student's annotator in @reading: its one annotator that the
 * assignment lacks (of several, the one with annotations), or NULL when
 * there is none. */
static gboolean
find_student (PeithoSeminarMerger  *self,
              PeithoDocument       *reading,
              const char           *display_name,
              PeithoAnnotator     **student,
              GError              **error)
{
  GListModel *annotators = peitho_document_get_annotators (reading);
  guint n = g_list_model_get_n_items (annotators);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) active = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *id = peitho_annotator_get_id (annotator);

      if (peitho_document_lookup_annotator (self->assignment, id) != NULL)
        continue;
      g_ptr_array_add (fresh, g_object_ref (annotator));
      if (peitho_document_count_annotator (reading, id) > 0)
        g_ptr_array_add (active, annotator);
    }

  *student = NULL;
  if (fresh->len == 1)
    *student = g_object_ref (g_ptr_array_index (fresh, 0));
  else if (active->len == 1)
    *student = g_object_ref (g_ptr_array_index (active, 0));
  else if (active->len > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < active->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                peitho_annotator_get_name (g_ptr_array_index (active, i)));
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: holds the annotations of several annotators (%s); "
                     "a reading is one student’s"), display_name, names->str);
      return FALSE;
    }
  else if (fresh->len > 1)
    *student = g_object_ref (g_ptr_array_index (fresh, 0));
  return TRUE;
}

static Reading *
take_layer (PeithoSeminarMerger *self,
            PeithoDocument      *document,
            const char          *display_name,
            PeithoAnnotator     *student)
{
  Reading *reading = g_new0 (Reading, 1);
  GListModel *annotations = peitho_document_get_annotations (document);
  GListModel *relations = peitho_document_get_relations (document);
  PeithoTagSet *assignment_tags = peitho_document_get_tag_set (self->assignment);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) extra_tags = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  reading->annotator_id = student ? g_strdup (peitho_annotator_get_id (student)) : NULL;
  reading->file = g_strdup (display_name);
  reading->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  reading->relations = g_ptr_array_new_with_free_func (g_object_unref);
  reading->tags = g_ptr_array_new_with_free_func (g_object_unref);
  reading->tag_set = g_object_ref (tag_set);

  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);

      if (is_assignment_annotation (self, annotation))
        continue;
      g_ptr_array_add (reading->annotations, g_object_ref (annotation));
      g_hash_table_add (mine, (gpointer) peitho_annotation_get_id (annotation));
      if (peitho_tag_set_lookup_tag (assignment_tags, tag_id) == NULL
          && !g_hash_table_contains (extra_tags, tag_id))
        {
          PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set, tag_id);

          g_hash_table_add (extra_tags, (gpointer) tag_id);
          if (tag != NULL)
            g_ptr_array_add (reading->tags, g_object_ref (tag));
        }
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      if (peitho_document_lookup_relation (self->assignment, peitho_relation_get_id (relation))
          != NULL
          && !g_hash_table_contains (mine, peitho_relation_get_from_id (relation))
          && !g_hash_table_contains (mine, peitho_relation_get_to_id (relation)))
        continue;
      g_ptr_array_add (reading->relations, g_object_ref (relation));
    }
  return reading;
}

gboolean
peitho_seminar_merger_add_reading (PeithoSeminarMerger    *self,
                                   PeithoDocument         *document,
                                   const char             *display_name,
                                   PeithoSeminarDuplicate  policy,
                                   PeithoSeminarOutcome   *outcome,
                                   GError                **error)
{
  g_autoptr(PeithoAnnotator) student = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *assignment_basename = NULL;
  g_autofree char *name = NULL;
  Reading *reading;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text (self, document, display_name, error)
      || !find_student (self, document, display_name, &student, error))
    return FALSE;

  if (student != NULL)
    name = g_strdup (peitho_annotator_get_name (student));
  else
    {
      basename = g_path_get_basename (display_name);
      assignment_basename = g_path_get_basename (self->display_name);
      name = peitho_reading_student_from_basename (assignment_basename, basename);
    }

  for (guint i = 0; i < self->readings->len; i++)
    {
      Reading *other = g_ptr_array_index (self->readings, i);

      if (!g_str_equal (other->student, name))
        continue;
      switch (policy)
        {
        case PEITHO_SEMINAR_DUPLICATE_FAIL:
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID,
                       /* Translators: "FILE: a second reading by “NAME”; the first is FILE" */
                       _("%s: a second reading by “%s”; the first is %s"),
                       display_name, name, other->file);
          return FALSE;
        case PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST:
          if (outcome != NULL)
            *outcome = PEITHO_SEMINAR_SKIPPED;
          return TRUE;
        case PEITHO_SEMINAR_DUPLICATE_KEEP_LAST:
          reading = take_layer (self, document, display_name, student);
          reading->student = g_steal_pointer (&name);
          reading_free (g_ptr_array_index (self->readings, i));
          g_ptr_array_index (self->readings, i) = reading;
          if (outcome != NULL)
            *outcome = PEITHO_SEMINAR_REPLACED;
          return TRUE;
        default:
          g_return_val_if_reached (FALSE);
        }
    }

  reading = take_layer (self, document, display_name, student);
  reading->student = g_steal_pointer (&name);
  g_ptr_array_add (self->readings, reading);
  if (outcome != NULL)
    *outcome = PEITHO_SEMINAR_ADDED;
  return TRUE;
}

guint
peitho_seminar_merger_get_n_readings (PeithoSeminarMerger *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->readings->len;
}

const char *
peitho_seminar_merger_get_student (PeithoSeminarMerger *self,
                                   guint                index)
{
  g_return_val_if_fail (self != NULL && index < self->readings->len, NULL);
  return ((Reading *) g_ptr_array_index (self->readings, index))->student;
}

const char *
peitho_seminar_merger_get_file (PeithoSeminarMerger *self,
                                guint                index)
{
  g_return_val_if_fail (self != NULL && index < self->readings->len, NULL);
  return ((Reading *) g_ptr_array_index (self->readings, index))->file;
}

/* The assignment's own annotations (a kept key), with their annotators. */
static gboolean
copy_assignment_layer (PeithoSeminarMerger  *self,
                       PeithoDocument       *seminar,
                       GError              **error)
{
  GListModel *annotations = peitho_document_get_annotations (self->assignment);
  GListModel *relations = peitho_document_get_relations (self->assignment);
  guint n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);

      if (annotator_id != NULL && peitho_document_lookup_annotator (seminar, annotator_id) == NULL)
        {
          PeithoAnnotator *annotator = peitho_document_lookup_annotator (self->assignment,
                                                                         annotator_id);
          g_autoptr(PeithoAnnotator) copy = peitho_annotator_new (annotator_id,
                                                                  peitho_annotator_get_name (annotator));

          if (!peitho_document_add_annotator (seminar, copy, error))
            return FALSE;
        }
      if (!_peitho_seminar_copy_annotation (seminar, annotation, peitho_annotation_get_id (annotation),
                                            annotator_id, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      if (!_peitho_seminar_copy_relation (seminar, relation, peitho_relation_get_id (relation),
                                          peitho_relation_get_from_id (relation),
                                          peitho_relation_get_to_id (relation),
                                          peitho_relation_get_annotator_id (relation), error))
        return FALSE;
    }
  return TRUE;
}

/* The student's annotator in @seminar: the reading's id when it is free. */
static PeithoAnnotator *
add_student (PeithoDocument *seminar,
             Reading        *reading)
{
  if (reading->annotator_id != NULL
      && peitho_document_lookup_annotator (seminar, reading->annotator_id) == NULL)
    {
      g_autoptr(PeithoAnnotator) annotator = peitho_annotator_new (reading->annotator_id,
                                                                   reading->student);

      if (peitho_document_add_annotator (seminar, annotator, NULL))
        return annotator;
    }
  return peitho_document_ensure_annotator (seminar, reading->student);
}

static char *
layer_id (const char *annotator_id,
          const char *id)
{
  return g_strconcat (annotator_id, ".", id, NULL);
}

/* A relation end: the student's annotation in the layer, or one of the
 * assignment's. */
static char *
relation_end (GHashTable *mine,
              const char *annotator_id,
              const char *id)
{
  return g_hash_table_contains (mine, id) ? layer_id (annotator_id, id) : g_strdup (id);
}

static gboolean
copy_layer (PeithoDocument  *seminar,
            Reading         *reading,
            const char      *annotator_id,
            GError         **error)
{
  g_autoptr(GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < reading->annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (reading->annotations, i);
      g_autofree char *id = layer_id (annotator_id, peitho_annotation_get_id (annotation));

      if (!_peitho_seminar_copy_annotation (seminar, annotation, id, annotator_id, error))
        {
          g_prefix_error (error, "%s: ", reading->file);
          return FALSE;
        }
      g_hash_table_add (mine, (gpointer) peitho_annotation_get_id (annotation));
    }

  for (guint i = 0; i < reading->relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (reading->relations, i);
      g_autofree char *id = layer_id (annotator_id, peitho_relation_get_id (relation));
      g_autofree char *from = relation_end (mine, annotator_id,
                                            peitho_relation_get_from_id (relation));
      g_autofree char *to = relation_end (mine, annotator_id,
                                          peitho_relation_get_to_id (relation));

      if (!_peitho_seminar_copy_relation (seminar, relation, id, from, to,
                                          peitho_relation_get_annotator_id (relation) != NULL
                                          ? annotator_id : NULL,
                                          error))
        {
          g_prefix_error (error, "%s: ", reading->file);
          return FALSE;
        }
    }
  return TRUE;
}

PeithoDocument *
peitho_seminar_merger_build (PeithoSeminarMerger  *self,
                             GError              **error)
{
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autoptr(GStrvBuilder) students = g_strv_builder_new ();
  g_auto(GStrv) student_ids = NULL;
  PeithoTagSet *tag_set;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  seminar = _peitho_seminar_copy_text (self->assignment);
  tag_set = peitho_document_get_tag_set (seminar);

  /* Tags students added where the tag set was editable. */
  for (guint i = 0; i < self->readings->len; i++)
    {
      Reading *reading = g_ptr_array_index (self->readings, i);

      for (guint k = 0; k < reading->tags->len; k++)
        if (!_peitho_seminar_copy_tag (tag_set, reading->tag_set,
                                       g_ptr_array_index (reading->tags, k), error))
          {
            g_prefix_error (error, "%s: ", reading->file);
            return NULL;
          }
    }

  if (!copy_assignment_layer (self, seminar, error))
    {
      g_prefix_error (error, "%s: ", self->display_name);
      return NULL;
    }

  for (guint i = 0; i < self->readings->len; i++)
    {
      Reading *reading = g_ptr_array_index (self->readings, i);
      PeithoAnnotator *annotator = add_student (seminar, reading);
      const char *annotator_id = peitho_annotator_get_id (annotator);

      if (!copy_layer (seminar, reading, annotator_id, error))
        return NULL;
      g_strv_builder_add (students, annotator_id);
    }

  student_ids = g_strv_builder_end (students);
  _peitho_seminar_tei_write_students (seminar, (const char * const *) student_ids);
  _peitho_seminar_tei_prune_annotators (seminar);
  return g_steal_pointer (&seminar);
}

GStrv
peitho_seminar_dup_students (PeithoDocument *document)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  return _peitho_seminar_tei_read_students (document);
}
