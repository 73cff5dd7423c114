/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-outline-item.h"

struct _PeithoOutlineItem
{
  GObject parent_instance;

  char   *label;
  gsize   start;
  gsize   end;
  guint   level;
};

G_DEFINE_FINAL_TYPE (PeithoOutlineItem, peitho_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_outline_item_finalize (GObject *object)
{
  PeithoOutlineItem *self = (PeithoOutlineItem *)object;

  g_assert (PEITHO_IS_OUTLINE_ITEM (object));

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (peitho_outline_item_parent_class)->finalize (object);
}

static void
peitho_outline_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PeithoOutlineItem *self = PEITHO_OUTLINE_ITEM (object);

  g_assert (PEITHO_IS_OUTLINE_ITEM (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_outline_item_class_init (PeithoOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_outline_item_finalize;
  object_class->get_property = peitho_outline_item_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_outline_item_init (PeithoOutlineItem *self)
{
}

PeithoOutlineItem *
peitho_outline_item_new (const PeithoOutlineEntry *entry)
{
  PeithoOutlineItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PEITHO_TYPE_OUTLINE_ITEM, NULL);
  self->label = g_strdup (entry->label);
  self->level = MAX (entry->level, 1);
  self->start = entry->start;
  self->end = entry->end;

  return self;
}

guint
peitho_outline_item_get_level (PeithoOutlineItem *self)
{
  g_return_val_if_fail (PEITHO_IS_OUTLINE_ITEM (self), 0);
  return self->level;
}

gsize
peitho_outline_item_get_start (PeithoOutlineItem *self)
{
  g_return_val_if_fail (PEITHO_IS_OUTLINE_ITEM (self), 0);
  return self->start;
}

gsize
peitho_outline_item_get_end (PeithoOutlineItem *self)
{
  g_return_val_if_fail (PEITHO_IS_OUTLINE_ITEM (self), 0);
  return self->end;
}

const char *
peitho_outline_item_get_label (PeithoOutlineItem *self)
{
  g_return_val_if_fail (PEITHO_IS_OUTLINE_ITEM (self), NULL);
  return self->label;
}

GListModel *
peitho_outline_model_new (PeithoDocument *document)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (document == NULL || PEITHO_IS_DOCUMENT (document), NULL);

  store = g_list_store_new (PEITHO_TYPE_OUTLINE_ITEM);
  n = document != NULL ? peitho_document_get_n_outline_entries (document) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoOutlineItem) item =
        peitho_outline_item_new (peitho_document_get_outline_entry (document, i));

      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}
