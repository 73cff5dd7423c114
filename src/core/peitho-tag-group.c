/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-tag-group.h"

struct _PeithoTagGroup
{
  GObject parent_instance;

  char *id;
  char *label;
  char *definition;
  GPtrArray *tags;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PeithoTagGroup, peitho_tag_group, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DEFINITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
peitho_tag_group_get_item_type (GListModel *model)
{
  return PEITHO_TYPE_TAG;
}

static guint
peitho_tag_group_get_n_items (GListModel *model)
{
  return PEITHO_TAG_GROUP (model)->tags->len;
}

static gpointer
peitho_tag_group_get_item (GListModel *model,
                           guint       position)
{
  PeithoTagGroup *self = PEITHO_TAG_GROUP (model);

  if (position >= self->tags->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tags, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = peitho_tag_group_get_item_type;
  iface->get_n_items = peitho_tag_group_get_n_items;
  iface->get_item = peitho_tag_group_get_item;
}

static void
peitho_tag_group_dispose (GObject *object)
{
  PeithoTagGroup *self = (PeithoTagGroup *)object;

  if (self->tags != NULL)
    g_ptr_array_set_size (self->tags, 0);

  G_OBJECT_CLASS (peitho_tag_group_parent_class)->dispose (object);
}

static void
peitho_tag_group_finalize (GObject *object)
{
  PeithoTagGroup *self = (PeithoTagGroup *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_tag_group_parent_class)->finalize (object);
}

static void
peitho_tag_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PeithoTagGroup *self = PEITHO_TAG_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PeithoTagGroup *self = PEITHO_TAG_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      peitho_tag_group_set_label (self, g_value_get_string (value));
      break;
    case PROP_DEFINITION:
      peitho_tag_group_set_definition (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_group_class_init (PeithoTagGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_tag_group_dispose;
  object_class->finalize = peitho_tag_group_finalize;
  object_class->get_property = peitho_tag_group_get_property;
  object_class->set_property = peitho_tag_group_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_tag_group_init (PeithoTagGroup *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
}

PeithoTagGroup *
peitho_tag_group_new (const char *id,
                      const char *label,
                      const char *definition)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PEITHO_TYPE_TAG_GROUP,
                       "id", id,
                       "label", label,
                       "definition", definition,
                       NULL);
}

const char *
peitho_tag_group_get_id (PeithoTagGroup *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), NULL);

  return self->id;
}

const char *
peitho_tag_group_get_label (PeithoTagGroup *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), NULL);

  return self->label;
}

void
peitho_tag_group_set_label (PeithoTagGroup *self,
                            const char     *label)
{
  g_return_if_fail (PEITHO_IS_TAG_GROUP (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
peitho_tag_group_get_definition (PeithoTagGroup *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), NULL);

  return self->definition;
}

void
peitho_tag_group_set_definition (PeithoTagGroup *self,
                                 const char     *definition)
{
  g_return_if_fail (PEITHO_IS_TAG_GROUP (self));

  if (g_strcmp0 (self->definition, definition) == 0)
    return;

  g_free (self->definition);
  self->definition = g_strdup (definition);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION]);
}

guint
peitho_tag_group_get_n_tags (PeithoTagGroup *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), 0);

  return self->tags->len;
}

PeithoTag *
peitho_tag_group_get_tag (PeithoTagGroup *self,
                          guint           position)
{
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), NULL);
  g_return_val_if_fail (position < self->tags->len, NULL);

  return g_ptr_array_index (self->tags, position);
}

void
_peitho_tag_group_insert (PeithoTagGroup *self,
                          guint           position,
                          PeithoTag      *tag)
{
  g_return_if_fail (PEITHO_IS_TAG_GROUP (self));
  g_return_if_fail (PEITHO_IS_TAG (tag));

  position = MIN (position, self->tags->len);
  g_ptr_array_insert (self->tags, position, g_object_ref (tag));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

gboolean
_peitho_tag_group_remove (PeithoTagGroup *self,
                          PeithoTag      *tag)
{
  guint position;

  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG (tag), FALSE);

  if (!g_ptr_array_find (self->tags, tag, &position))
    return FALSE;

  g_ptr_array_remove_index (self->tags, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}
