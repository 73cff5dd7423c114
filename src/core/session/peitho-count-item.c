/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-count-item.h"

struct _PeithoCountItem
{
  GObject parent_instance;

  PeithoTag  *tag;
  GListStore *children;
  char       *id;
  char       *label;
  char       *color;
  guint       count;
  guint       hidden : 1;
};

G_DEFINE_FINAL_TYPE (PeithoCountItem, peitho_count_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_COLOR,
  PROP_COUNT,
  PROP_HIDDEN,
  PROP_IS_GROUP,
  PROP_TAG,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_count_item_finalize (GObject *object)
{
  PeithoCountItem *self = (PeithoCountItem *)object;

  g_clear_object (&self->tag);
  g_clear_object (&self->children);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (peitho_count_item_parent_class)->finalize (object);
}

static void
peitho_count_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PeithoCountItem *self = PEITHO_COUNT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    case PROP_IS_GROUP:
      g_value_set_boolean (value, self->children != NULL);
      break;
    case PROP_TAG:
      g_value_set_object (value, self->tag);
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_count_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PeithoCountItem *self = PEITHO_COUNT_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      if (g_strcmp0 (self->label, g_value_get_string (value)) != 0)
        {
          g_free (self->label);
          self->label = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLOR:
      if (g_strcmp0 (self->color, g_value_get_string (value)) != 0)
        {
          g_free (self->color);
          self->color = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COUNT:
      peitho_count_item_set_count (self, g_value_get_uint (value));
      break;
    case PROP_HIDDEN:
      peitho_count_item_set_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_count_item_class_init (PeithoCountItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_count_item_finalize;
  object_class->get_property = peitho_count_item_get_property;
  object_class->set_property = peitho_count_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_GROUP] =
    g_param_spec_boolean ("is-group", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_object ("tag", NULL, NULL, PEITHO_TYPE_TAG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_count_item_init (PeithoCountItem *self)
{
}

PeithoCountItem *
peitho_count_item_new_for_tag (PeithoTag *tag)
{
  PeithoCountItem *self;

  g_return_val_if_fail (PEITHO_IS_TAG (tag), NULL);

  self = g_object_new (PEITHO_TYPE_COUNT_ITEM, NULL);
  self->tag = g_object_ref (tag);
  self->id = g_strdup (peitho_tag_get_id (tag));
  /* Renames and recolours (the tag-set editor) show at once. */
  g_object_bind_property (tag, "label", self, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (tag, "color", self, "color", G_BINDING_SYNC_CREATE);

  return self;
}

PeithoCountItem *
peitho_count_item_new (const char *id,
                       const char *label)
{
  PeithoCountItem *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (PEITHO_TYPE_COUNT_ITEM, "label", label ? label : id, NULL);
  self->id = g_strdup (id);

  return self;
}

PeithoCountItem *
peitho_count_item_new_for_group (PeithoTagGroup *group)
{
  PeithoCountItem *self;

  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (group), NULL);

  self = g_object_new (PEITHO_TYPE_COUNT_ITEM, NULL);
  self->id = g_strdup (peitho_tag_group_get_id (group));
  self->children = g_list_store_new (PEITHO_TYPE_COUNT_ITEM);
  g_object_bind_property (group, "label", self, "label", G_BINDING_SYNC_CREATE);

  return self;
}

const char *
peitho_count_item_get_id (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), NULL);
  return self->id;
}

const char *
peitho_count_item_get_label (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), NULL);
  return self->label;
}

const char *
peitho_count_item_get_color (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), NULL);
  return self->color;
}

PeithoTag *
peitho_count_item_get_tag (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), NULL);
  return self->tag;
}

gboolean
peitho_count_item_get_is_group (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), FALSE);
  return self->children != NULL;
}

GListModel *
peitho_count_item_get_children (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), NULL);
  return G_LIST_MODEL (self->children);
}

guint
peitho_count_item_get_count (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), 0);
  return self->count;
}

void
peitho_count_item_set_count (PeithoCountItem *self,
                             guint            count)
{
  g_return_if_fail (PEITHO_IS_COUNT_ITEM (self));

  if (self->count != count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

gboolean
peitho_count_item_get_hidden (PeithoCountItem *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_ITEM (self), FALSE);
  return self->hidden;
}

void
peitho_count_item_set_hidden (PeithoCountItem *self,
                              gboolean         hidden)
{
  g_return_if_fail (PEITHO_IS_COUNT_ITEM (self));

  hidden = !!hidden;
  if (self->hidden != hidden)
    {
      self->hidden = hidden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
    }
}
