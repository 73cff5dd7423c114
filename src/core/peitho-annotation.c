/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-annotation.h"

#include <string.h>

struct _PeithoAnnotation
{
  GObject parent_instance;

  char *id;
  /* Interned (g_intern_string): a document has few tags and annotators and
   * many annotations, which then share the strings, cost no allocation of
   * their own and compare by pointer where the document counts them. */
  const char *tag_id;
  const char *annotator_id;
  char *note;
  GDateTime *created;
  gsize start;
  gsize end;

  gpointer owner;
};

G_DEFINE_FINAL_TYPE (PeithoAnnotation, peitho_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_END,
  PROP_TAG_ID,
  PROP_ANNOTATOR_ID,
  PROP_NOTE,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_annotation_finalize (GObject *object)
{
  PeithoAnnotation *self = (PeithoAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (peitho_annotation_parent_class)->finalize (object);
}

static void
peitho_annotation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PeithoAnnotation *self = PEITHO_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_START:
      g_value_set_uint64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint64 (value, self->end);
      break;
    case PROP_TAG_ID:
      g_value_set_string (value, self->tag_id);
      break;
    case PROP_ANNOTATOR_ID:
      g_value_set_string (value, self->annotator_id);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_annotation_class_init (PeithoAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_annotation_finalize;
  object_class->get_property = peitho_annotation_get_property;

  /* Read-only: changes go through PeithoDocument, which keeps its counts and
   * index right. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG_ID] =
    g_param_spec_string ("tag-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR_ID] =
    g_param_spec_string ("annotator-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_annotation_init (PeithoAnnotation *self)
{
}

PeithoAnnotation *
peitho_annotation_new (const char *id,
                       gsize       start,
                       gsize       end,
                       const char *tag_id,
                       const char *annotator_id,
                       const char *note,
                       GDateTime  *created)
{
  PeithoAnnotation *self;

  g_return_val_if_fail (tag_id != NULL, NULL);

  self = g_object_new (PEITHO_TYPE_ANNOTATION, NULL);
  self->id = g_strdup (id);
  self->start = start;
  self->end = end;
  self->tag_id = g_intern_string (tag_id);
  self->annotator_id = g_intern_string (annotator_id);
  self->note = g_strdup (note);
  self->created = created != NULL ? g_date_time_ref (created) : NULL;

  return self;
}

const char *
peitho_annotation_get_id (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->id;
}

gsize
peitho_annotation_get_start (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), 0);

  return self->start;
}

gsize
peitho_annotation_get_end (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), 0);

  return self->end;
}

const char *
peitho_annotation_get_tag_id (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->tag_id;
}

const char *
peitho_annotation_get_annotator_id (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->annotator_id;
}

const char *
peitho_annotation_get_note (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->note;
}

GDateTime *
peitho_annotation_get_created (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->created;
}

/* Natural order: runs of digits compare as numbers, everything else byte by
 * byte; this is a total order (ties broken by strcmp), which the document's
 * tree needs. */
int
_peitho_id_compare (const char *a,
                    const char *b)
{
  const char *p = a;
  const char *q = b;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*p != '\0' && *q != '\0')
    {
      if (g_ascii_isdigit (*p) && g_ascii_isdigit (*q))
        {
          const char *p_end, *q_end;
          gsize p_len, q_len;
          int cmp;

          /* Compared without converting: no overflow on long numbers. */
          while (*p == '0' && g_ascii_isdigit (p[1]))
            p++;
          while (*q == '0' && g_ascii_isdigit (q[1]))
            q++;
          for (p_end = p; g_ascii_isdigit (*p_end); p_end++);
          for (q_end = q; g_ascii_isdigit (*q_end); q_end++);

          p_len = p_end - p;
          q_len = q_end - q;
          if (p_len != q_len)
            return p_len < q_len ? -1 : 1;
          if ((cmp = memcmp (p, q, p_len)) != 0)
            return cmp;

          p = p_end;
          q = q_end;
          continue;
        }

      if (*p != *q)
        return (guchar)*p < (guchar)*q ? -1 : 1;

      p++;
      q++;
    }

  if (*p != *q)
    return *p == '\0' ? -1 : 1;

  return strcmp (a, b);
}

int
peitho_annotation_compare (PeithoAnnotation *a,
                           PeithoAnnotation *b)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (a), 0);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (b), 0);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;

  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return _peitho_id_compare (a->id, b->id);
}

void
_peitho_annotation_set_id (PeithoAnnotation *self,
                           const char       *id)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_peitho_annotation_set_tag_id (PeithoAnnotation *self,
                               const char       *tag_id)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION (self));
  g_return_if_fail (tag_id != NULL);

  if (g_strcmp0 (self->tag_id, tag_id) == 0)
    return;

  self->tag_id = g_intern_string (tag_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_ID]);
}

void
_peitho_annotation_set_note (PeithoAnnotation *self,
                             const char       *note)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_peitho_annotation_set_range (PeithoAnnotation *self,
                              gsize             start,
                              gsize             end)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION (self));

  /* As a document adds an annotation, which has its range already. */
  if (self->start == start && self->end == end)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }

  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gpointer
_peitho_annotation_get_owner (PeithoAnnotation *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (self), NULL);

  return self->owner;
}

void
_peitho_annotation_set_owner (PeithoAnnotation *self,
                              gpointer          owner)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION (self));

  self->owner = owner;
}
