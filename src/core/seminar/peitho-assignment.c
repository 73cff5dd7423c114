/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-assignment.h"
#include "peitho-error.h"
#include "peitho-seminar-copy.h"
#include "peitho-seminar-tei.h"

#define READING_SEPARATOR " — "

struct _PeithoAssignment
{
  GObject parent_instance;

  char *task;
  guint tag_set_editable : 1;
};

G_DEFINE_FINAL_TYPE (PeithoAssignment, peitho_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TASK,
  PROP_TAG_SET_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_assignment_finalize (GObject *object)
{
  PeithoAssignment *self = PEITHO_ASSIGNMENT (object);

  g_clear_pointer (&self->task, g_free);

  G_OBJECT_CLASS (peitho_assignment_parent_class)->finalize (object);
}

static void
peitho_assignment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PeithoAssignment *self = PEITHO_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_string (value, self->task);
      break;
    case PROP_TAG_SET_EDITABLE:
      g_value_set_boolean (value, self->tag_set_editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_assignment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PeithoAssignment *self = PEITHO_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_free (self->task);
      self->task = g_value_dup_string (value);
      break;
    case PROP_TAG_SET_EDITABLE:
      self->tag_set_editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_assignment_class_init (PeithoAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_assignment_finalize;
  object_class->get_property = peitho_assignment_get_property;
  object_class->set_property = peitho_assignment_set_property;

  properties[PROP_TASK] =
    g_param_spec_string ("task", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG_SET_EDITABLE] =
    g_param_spec_boolean ("tag-set-editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_assignment_init (PeithoAssignment *self)
{
}

PeithoAssignment *
peitho_assignment_new (const char *task,
                       gboolean    tag_set_editable)
{
  return g_object_new (PEITHO_TYPE_ASSIGNMENT,
                       "task", task != NULL && task[0] != '\0' ? task : NULL,
                       "tag-set-editable", tag_set_editable,
                       NULL);
}

PeithoAssignment *
peitho_assignment_get_for_document (PeithoDocument *document)
{
  g_autofree char *task = NULL;
  gboolean editable = FALSE;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  if (!_peitho_seminar_tei_read_assignment (document, &task, &editable))
    return NULL;
  return peitho_assignment_new (task, editable);
}

const char *
peitho_assignment_get_task (PeithoAssignment *self)
{
  g_return_val_if_fail (PEITHO_IS_ASSIGNMENT (self), NULL);
  return self->task;
}

gboolean
peitho_assignment_get_tag_set_editable (PeithoAssignment *self)
{
  g_return_val_if_fail (PEITHO_IS_ASSIGNMENT (self), FALSE);
  return self->tag_set_editable;
}

/* @source's tag set with only @tag_ids, in their groups' order. */
static PeithoTagSet *
narrow_tag_set (PeithoTagSet       *source,
                const char * const *tag_ids,
                GError            **error)
{
  g_autoptr(PeithoTagSet) narrowed = peitho_tag_set_copy (source);
  g_autoptr(GPtrArray) tags = NULL;

  if (tag_ids == NULL)
    return g_steal_pointer (&narrowed);

  for (guint i = 0; tag_ids[i] != NULL; i++)
    if (peitho_tag_set_lookup_tag (source, tag_ids[i]) == NULL)
      {
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                     _("the tag set has no tag “%s”"), tag_ids[i]);
        return NULL;
      }

  tags = peitho_tag_set_dup_tags (narrowed);
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);

      if (!g_strv_contains (tag_ids, peitho_tag_get_id (tag)))
        peitho_tag_set_remove_tag (narrowed, tag);
    }
  for (guint i = peitho_tag_set_get_n_groups (narrowed); i > 0; i--)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (narrowed, i - 1);

      if (peitho_tag_group_get_n_tags (group) == 0)
        peitho_tag_set_remove_group (narrowed, group);
    }
  return g_steal_pointer (&narrowed);
}

static gboolean
keep_annotations (PeithoDocument  *assignment,
                  PeithoDocument  *source,
                  GError         **error)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (assignment);
  GListModel *annotations = peitho_document_get_annotations (source);
  GListModel *relations = peitho_document_get_relations (source);
  guint n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);

      if (peitho_tag_set_lookup_tag (tag_set, peitho_annotation_get_tag_id (annotation)) == NULL)
        continue;
      if (annotator_id != NULL && peitho_document_lookup_annotator (assignment, annotator_id) == NULL)
        {
          PeithoAnnotator *annotator = peitho_document_lookup_annotator (source, annotator_id);
          g_autoptr(PeithoAnnotator) copy = NULL;

          copy = peitho_annotator_new (annotator_id, peitho_annotator_get_name (annotator));
          if (!peitho_document_add_annotator (assignment, copy, error))
            return FALSE;
        }
      if (!_peitho_seminar_copy_annotation (assignment, annotation,
                                            peitho_annotation_get_id (annotation),
                                            annotator_id, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      const char *from = peitho_relation_get_from_id (relation);
      const char *to = peitho_relation_get_to_id (relation);

      if (peitho_document_lookup_annotation (assignment, from) == NULL
          || peitho_document_lookup_annotation (assignment, to) == NULL)
        continue;
      if (!_peitho_seminar_copy_relation (assignment, relation, peitho_relation_get_id (relation),
                                          from, to, peitho_relation_get_annotator_id (relation),
                                          error))
        return FALSE;
    }
  return TRUE;
}

PeithoDocument *
peitho_assignment_prepare (PeithoAssignment   *self,
                           PeithoDocument     *source,
                           const char * const *tag_ids,
                           gboolean            keep,
                           GError            **error)
{
  g_autoptr(PeithoDocument) assignment = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;

  g_return_val_if_fail (PEITHO_IS_ASSIGNMENT (self), NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tag_set = narrow_tag_set (peitho_document_get_tag_set (source), tag_ids, error);
  if (tag_set == NULL)
    return NULL;

  assignment = _peitho_seminar_copy_text (source);
  if (!peitho_document_set_tag_set (assignment, tag_set, error))
    return NULL;
  if (keep && !keep_annotations (assignment, source, error))
    return NULL;

  _peitho_seminar_tei_write_students (assignment, NULL);
  _peitho_seminar_tei_write_assignment (assignment, self->task, self->tag_set_editable);
  _peitho_seminar_tei_prune_annotators (assignment);
  return g_steal_pointer (&assignment);
}

static char *
strip_xml (const char *basename)
{
  gsize length = strlen (basename);

  if (length > 4 && g_ascii_strcasecmp (basename + length - 4, ".xml") == 0)
    return g_strndup (basename, length - 4);
  return g_strdup (basename);
}

char *
peitho_reading_basename (const char *assignment_basename,
                         const char *student)
{
  g_autofree char *stem = NULL;
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (assignment_basename != NULL, NULL);
  g_return_val_if_fail (student != NULL && g_utf8_validate (student, -1, NULL), NULL);

  stem = strip_xml (assignment_basename);
  name = g_string_new (NULL);
  for (const char *p = student; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0 || g_str_equal (name->str, ".") || g_str_equal (name->str, ".."))
    g_string_assign (name, "student");
  return g_strconcat (stem, READING_SEPARATOR, name->str, ".xml", NULL);
}

GFile *
peitho_reading_file (GFile      *assignment_file,
                     const char *student)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *reading = NULL;

  g_return_val_if_fail (G_IS_FILE (assignment_file), NULL);
  g_return_val_if_fail (student != NULL, NULL);

  parent = g_file_get_parent (assignment_file);
  basename = g_file_get_basename (assignment_file);
  reading = peitho_reading_basename (basename, student);
  return parent != NULL ? g_file_get_child (parent, reading) : g_file_new_for_path (reading);
}

char *
peitho_reading_student_from_basename (const char *assignment_basename,
                                      const char *reading_basename)
{
  g_autofree char *stem = NULL;
  const char *separator;

  g_return_val_if_fail (reading_basename != NULL, NULL);

  stem = strip_xml (reading_basename);
  if (assignment_basename != NULL)
    {
      g_autofree char *assignment_stem = strip_xml (assignment_basename);
      g_autofree char *prefix = g_strconcat (assignment_stem, READING_SEPARATOR, NULL);

      if (g_str_has_prefix (stem, prefix) && stem[strlen (prefix)] != '\0')
        return g_strdup (stem + strlen (prefix));
    }
  separator = g_strrstr (stem, READING_SEPARATOR);
  if (separator != NULL && separator[strlen (READING_SEPARATOR)] != '\0')
    return g_strdup (separator + strlen (READING_SEPARATOR));
  return g_steal_pointer (&stem);
}
