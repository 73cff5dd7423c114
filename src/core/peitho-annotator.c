/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-annotator.h"

struct _PeithoAnnotator
{
  GObject parent_instance;

  char *id;
  char *name;
};

G_DEFINE_FINAL_TYPE (PeithoAnnotator, peitho_annotator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_annotator_finalize (GObject *object)
{
  PeithoAnnotator *self = (PeithoAnnotator *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (peitho_annotator_parent_class)->finalize (object);
}

static void
peitho_annotator_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PeithoAnnotator *self = PEITHO_ANNOTATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_annotator_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PeithoAnnotator *self = PEITHO_ANNOTATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_annotator_class_init (PeithoAnnotatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_annotator_finalize;
  object_class->get_property = peitho_annotator_get_property;
  object_class->set_property = peitho_annotator_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_annotator_init (PeithoAnnotator *self)
{
}

PeithoAnnotator *
peitho_annotator_new (const char *id,
                      const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PEITHO_TYPE_ANNOTATOR,
                       "id", id,
                       "name", name,
                       NULL);
}

const char *
peitho_annotator_get_id (PeithoAnnotator *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATOR (self), NULL);

  return self->id;
}

const char *
peitho_annotator_get_name (PeithoAnnotator *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATOR (self), NULL);

  return self->name;
}
