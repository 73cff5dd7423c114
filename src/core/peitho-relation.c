/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-relation.h"

struct _PeithoRelation
{
  GObject parent_instance;

  char *id;
  char *type;
  char *from_id;
  char *to_id;
  char *annotator_id;
};

G_DEFINE_FINAL_TYPE (PeithoRelation, peitho_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RELATION_TYPE,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_ANNOTATOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_relation_finalize (GObject *object)
{
  PeithoRelation *self = (PeithoRelation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->from_id, g_free);
  g_clear_pointer (&self->to_id, g_free);
  g_clear_pointer (&self->annotator_id, g_free);

  G_OBJECT_CLASS (peitho_relation_parent_class)->finalize (object);
}

static void
peitho_relation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PeithoRelation *self = PEITHO_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_RELATION_TYPE:
      g_value_set_string (value, self->type);
      break;
    case PROP_FROM_ID:
      g_value_set_string (value, self->from_id);
      break;
    case PROP_TO_ID:
      g_value_set_string (value, self->to_id);
      break;
    case PROP_ANNOTATOR_ID:
      g_value_set_string (value, self->annotator_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_relation_class_init (PeithoRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_relation_finalize;
  object_class->get_property = peitho_relation_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATION_TYPE] =
    g_param_spec_string ("relation-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_ID] =
    g_param_spec_string ("from-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_ID] =
    g_param_spec_string ("to-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR_ID] =
    g_param_spec_string ("annotator-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_relation_init (PeithoRelation *self)
{
}

PeithoRelation *
peitho_relation_new (const char *id,
                     const char *type,
                     const char *from_id,
                     const char *to_id,
                     const char *annotator_id)
{
  PeithoRelation *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from_id != NULL, NULL);
  g_return_val_if_fail (to_id != NULL, NULL);

  self = g_object_new (PEITHO_TYPE_RELATION, NULL);
  self->id = g_strdup (id);
  self->type = g_strdup (type);
  self->from_id = g_strdup (from_id);
  self->to_id = g_strdup (to_id);
  self->annotator_id = g_strdup (annotator_id);

  return self;
}

const char *
peitho_relation_get_id (PeithoRelation *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION (self), NULL);

  return self->id;
}

const char *
peitho_relation_get_relation_type (PeithoRelation *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION (self), NULL);

  return self->type;
}

const char *
peitho_relation_get_from_id (PeithoRelation *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION (self), NULL);

  return self->from_id;
}

const char *
peitho_relation_get_to_id (PeithoRelation *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION (self), NULL);

  return self->to_id;
}

const char *
peitho_relation_get_annotator_id (PeithoRelation *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION (self), NULL);

  return self->annotator_id;
}

void
_peitho_relation_set_id (PeithoRelation *self,
                         const char     *id)
{
  g_return_if_fail (PEITHO_IS_RELATION (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
