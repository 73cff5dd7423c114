/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-count-model.h"

struct _PeithoCountModel
{
  GObject parent_instance;

  PeithoDocument *document;
  PeithoTagSet   *tag_set;
  GListStore     *groups;
  GPtrArray      *tags;      /* PeithoCountItem, flat, in tag-set order */
  GHashTable     *by_id;     /* tag or group id -> PeithoCountItem */
  guint           total;
  guint           n_relations;

  GListStore     *annotators;      /* PeithoCountItem per annotator */
  GHashTable     *annotator_items; /* annotator id -> item */
  GListStore     *relation_types;  /* PeithoCountItem per relation type */
  GHashTable     *type_items;      /* type -> item */

  /* Annotator ids whose annotations the tags, groups and total leave out
   * (students hidden in the compare view); empty: everyone counts. */
  GHashTable     *hidden_annotators;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PeithoCountModel, peitho_count_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_N_RELATIONS,
  N_PROPS
};

enum {
  HIDDEN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return PEITHO_TYPE_COUNT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PEITHO_COUNT_MODEL (model)->tags->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PeithoCountModel *self = PEITHO_COUNT_MODEL (model);

  if (position >= self->tags->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tags, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_total (PeithoCountModel *self,
           guint             total)
{
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
}

/* The counts below come from those the document keeps up to date, less
 * what the hidden annotators have: O(hidden annotators), never a scan of
 * the annotations. */
static guint
shown_tag_count (PeithoCountModel *self,
                 const char       *tag_id)
{
  guint count = peitho_document_count_tag (self->document, tag_id);
  GHashTableIter iter;
  gpointer annotator_id;

  g_assert (PEITHO_IS_COUNT_MODEL (self));
  g_assert (tag_id != NULL);

  g_hash_table_iter_init (&iter, self->hidden_annotators);
  while (g_hash_table_iter_next (&iter, &annotator_id, NULL))
    count -= peitho_document_count_annotator_tag (self->document, annotator_id, tag_id);
  return count;
}

static guint
shown_group_count (PeithoCountModel *self,
                   const char       *group_id)
{
  guint count = peitho_document_count_group (self->document, group_id);
  PeithoTagGroup *group = peitho_tag_set_lookup_group (self->tag_set, group_id);
  GHashTableIter iter;
  gpointer annotator_id;

  g_assert (PEITHO_IS_COUNT_MODEL (self));
  g_assert (group_id != NULL);

  g_hash_table_iter_init (&iter, self->hidden_annotators);
  while (group != NULL && g_hash_table_iter_next (&iter, &annotator_id, NULL))
    for (guint i = 0; i < peitho_tag_group_get_n_tags (group); i++)
      count -= peitho_document_count_annotator_tag (self->document, annotator_id,
                                                    peitho_tag_get_id (peitho_tag_group_get_tag (group, i)));
  return count;
}

static guint
shown_total (PeithoCountModel *self)
{
  guint count = peitho_document_get_n_annotations (self->document);
  GHashTableIter iter;
  gpointer annotator_id;

  g_assert (PEITHO_IS_COUNT_MODEL (self));

  g_hash_table_iter_init (&iter, self->hidden_annotators);
  while (g_hash_table_iter_next (&iter, &annotator_id, NULL))
    count -= peitho_document_count_annotator (self->document, annotator_id);
  return count;
}

/* Reads one tag's and its group's counts from the document, which keeps
 * them up to date in O(1). */
static void
update_tag (PeithoCountModel *self,
            const char       *tag_id)
{
  PeithoCountItem *item;
  PeithoTag *tag;

  if (tag_id == NULL)
    return;

  if ((item = g_hash_table_lookup (self->by_id, tag_id)))
    peitho_count_item_set_count (item, shown_tag_count (self, tag_id));

  tag = peitho_tag_set_lookup_tag (self->tag_set, tag_id);
  if (tag != NULL && peitho_tag_get_group_id (tag) != NULL)
    {
      const char *group_id = peitho_tag_get_group_id (tag);

      if ((item = g_hash_table_lookup (self->by_id, group_id)))
        peitho_count_item_set_count (item, shown_group_count (self, group_id));
    }
}

static void
item_hidden_cb (PeithoCountModel *self,
                GParamSpec       *pspec,
                PeithoCountItem  *item)
{
  g_signal_emit (self, signals[HIDDEN_CHANGED], 0,
                 peitho_count_item_get_id (item),
                 peitho_count_item_get_hidden (item));
}

static void
rebuild (PeithoCountModel *self)
{
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint old_len = self->tags->len;
  guint n_groups;

  /* A rebuild (tag-set change) keeps what the user hid. */
  for (guint i = 0; i < self->tags->len; i++)
    {
      PeithoCountItem *item = g_ptr_array_index (self->tags, i);

      g_signal_handlers_disconnect_by_func (item, item_hidden_cb, self);
      if (peitho_count_item_get_hidden (item))
        g_hash_table_add (hidden, g_strdup (peitho_count_item_get_id (item)));
    }

  g_ptr_array_set_size (self->tags, 0);
  g_hash_table_remove_all (self->by_id);

  n_groups = peitho_tag_set_get_n_groups (self->tag_set);
  {
    g_autoptr(GPtrArray) group_items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n_groups; i++)
      {
        PeithoTagGroup *group = peitho_tag_set_get_group (self->tag_set, i);
        g_autoptr(PeithoCountItem) group_item = peitho_count_item_new_for_group (group);
        GListStore *children = G_LIST_STORE (peitho_count_item_get_children (group_item));
        const char *group_id = peitho_tag_group_get_id (group);

        peitho_count_item_set_count (group_item, shown_group_count (self, group_id));
        g_hash_table_insert (self->by_id, (char *)peitho_count_item_get_id (group_item), group_item);

        for (guint j = 0; j < peitho_tag_group_get_n_tags (group); j++)
          {
            PeithoTag *tag = peitho_tag_group_get_tag (group, j);
            g_autoptr(PeithoCountItem) item = peitho_count_item_new_for_tag (tag);
            const char *tag_id = peitho_tag_get_id (tag);

            peitho_count_item_set_count (item, shown_tag_count (self, tag_id));
            peitho_count_item_set_hidden (item, g_hash_table_contains (hidden, tag_id));
            g_signal_connect_object (item, "notify::hidden", G_CALLBACK (item_hidden_cb),
                                     self, G_CONNECT_SWAPPED);
            g_list_store_append (children, item);
            g_ptr_array_add (self->tags, g_object_ref (item));
            g_hash_table_insert (self->by_id, (char *)peitho_count_item_get_id (item), item);
          }

        g_ptr_array_add (group_items, g_steal_pointer (&group_item));
      }

    g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                         group_items->pdata, group_items->len);
  }

  set_total (self, shown_total (self));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->tags->len);
}

static void
update_annotator (PeithoCountModel *self,
                  const char       *annotator_id)
{
  PeithoCountItem *item;

  if (annotator_id == NULL)
    return;

  if (!(item = g_hash_table_lookup (self->annotator_items, annotator_id)))
    {
      PeithoAnnotator *annotator = peitho_document_lookup_annotator (self->document, annotator_id);

      item = peitho_count_item_new (annotator_id, annotator ? peitho_annotator_get_name (annotator) : NULL);
      g_hash_table_insert (self->annotator_items, (char *)peitho_count_item_get_id (item), item);
      g_list_store_append (self->annotators, item);
      g_object_unref (item);
    }
  peitho_count_item_set_count (item, peitho_document_count_annotator (self->document, annotator_id));
}

static void
update_relation_type (PeithoCountModel *self,
                      const char       *type)
{
  PeithoCountItem *item;
  guint count = peitho_document_count_relation_type (self->document, type);
  guint position;

  item = g_hash_table_lookup (self->type_items, type);
  if (item == NULL && count > 0)
    {
      item = peitho_count_item_new (type, type);
      g_hash_table_insert (self->type_items, (char *)peitho_count_item_get_id (item), item);
      g_list_store_append (self->relation_types, item);
      g_object_unref (item);
    }
  else if (item != NULL && count == 0)
    {
      /* A type exists only while relations have it. */
      if (g_list_store_find (self->relation_types, item, &position))
        {
          g_hash_table_remove (self->type_items, type);
          g_list_store_remove (self->relation_types, position);
        }
      item = NULL;
    }

  if (item != NULL)
    peitho_count_item_set_count (item, count);

  if (self->n_relations != peitho_document_get_n_relations (self->document))
    {
      self->n_relations = peitho_document_get_n_relations (self->document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELATIONS]);
    }
}

static void
relation_cb (PeithoCountModel *self,
             PeithoRelation   *relation)
{
  update_relation_type (self, peitho_relation_get_relation_type (relation));
}

static void
annotation_added_cb (PeithoCountModel *self,
                     PeithoAnnotation *annotation)
{
  update_tag (self, peitho_annotation_get_tag_id (annotation));
  update_annotator (self, peitho_annotation_get_annotator_id (annotation));
  set_total (self, shown_total (self));
}

static void
fill_annotators_and_relations (PeithoCountModel *self)
{
  GListModel *annotators = peitho_document_get_annotators (self->document);
  GListModel *relations = peitho_document_get_relations (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      update_annotator (self, peitho_annotator_get_id (annotator));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      update_relation_type (self, peitho_relation_get_relation_type (relation));
    }
}

/* An annotator added or taken out (undoing the edit that brought them):
 * their item comes and goes with them, once nothing of theirs is counted. */
static void
annotators_changed_cb (PeithoCountModel *self)
{
  GListModel *annotators = peitho_document_get_annotators (self->document);

  g_assert (PEITHO_IS_COUNT_MODEL (self));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->annotators)); i > 0; i--)
    {
      g_autoptr(PeithoCountItem) item = g_list_model_get_item (G_LIST_MODEL (self->annotators), i - 1);
      const char *id = peitho_count_item_get_id (item);

      if (peitho_count_item_get_count (item) == 0 && peitho_document_lookup_annotator (self->document, id) == NULL)
        {
          g_hash_table_remove (self->annotator_items, id);
          g_list_store_remove (self->annotators, i - 1);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      update_annotator (self, peitho_annotator_get_id (annotator));
    }
}

static void
annotation_changed_cb (PeithoCountModel *self,
                       PeithoAnnotation *annotation,
                       const char       *old_tag_id)
{
  if (g_strcmp0 (old_tag_id, peitho_annotation_get_tag_id (annotation)) == 0)
    return;

  update_tag (self, old_tag_id);
  update_tag (self, peitho_annotation_get_tag_id (annotation));
}

static void
tag_set_changed_cb (PeithoCountModel *self)
{
  rebuild (self);
}

static void
set_tag_set (PeithoCountModel *self)
{
  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_func (self->tag_set, tag_set_changed_cb, self);
  g_set_object (&self->tag_set, peitho_document_get_tag_set (self->document));
  g_signal_connect_object (self->tag_set, "changed", G_CALLBACK (tag_set_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
peitho_count_model_dispose (GObject *object)
{
  PeithoCountModel *self = (PeithoCountModel *)object;

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_func (self->tag_set, tag_set_changed_cb, self);
  g_clear_object (&self->tag_set);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (peitho_count_model_parent_class)->dispose (object);
}

static void
peitho_count_model_finalize (GObject *object)
{
  PeithoCountModel *self = (PeithoCountModel *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->annotator_items, g_hash_table_unref);
  g_clear_pointer (&self->type_items, g_hash_table_unref);
  g_clear_pointer (&self->hidden_annotators, g_hash_table_unref);
  g_clear_object (&self->annotators);
  g_clear_object (&self->relation_types);

  G_OBJECT_CLASS (peitho_count_model_parent_class)->finalize (object);
}

static void
peitho_count_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PeithoCountModel *self = PEITHO_COUNT_MODEL (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_N_RELATIONS:
      g_value_set_uint (value, self->n_relations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_count_model_class_init (PeithoCountModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_count_model_dispose;
  object_class->finalize = peitho_count_model_finalize;
  object_class->get_property = peitho_count_model_get_property;

  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RELATIONS] =
    g_param_spec_uint ("n-relations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIDDEN_CHANGED] =
    g_signal_new ("hidden-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
peitho_count_model_init (PeithoCountModel *self)
{
  self->groups = g_list_store_new (PEITHO_TYPE_COUNT_ITEM);
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->annotators = g_list_store_new (PEITHO_TYPE_COUNT_ITEM);
  self->annotator_items = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_types = g_list_store_new (PEITHO_TYPE_COUNT_ITEM);
  self->type_items = g_hash_table_new (g_str_hash, g_str_equal);
  self->hidden_annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PeithoCountModel *
peitho_count_model_new (PeithoDocument *document)
{
  PeithoCountModel *self;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  self = g_object_new (PEITHO_TYPE_COUNT_MODEL, NULL);
  self->document = g_object_ref (document);

  g_signal_connect_object (document, "annotation-added", G_CALLBACK (annotation_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "annotation-removed", G_CALLBACK (annotation_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "annotation-changed", G_CALLBACK (annotation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::tag-set", G_CALLBACK (set_tag_set),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "relation-added", G_CALLBACK (relation_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "relation-removed", G_CALLBACK (relation_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (peitho_document_get_annotators (document), "items-changed",
                           G_CALLBACK (annotators_changed_cb), self, G_CONNECT_SWAPPED);
  set_tag_set (self);
  fill_annotators_and_relations (self);

  return self;
}

PeithoDocument *
peitho_count_model_get_document (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return self->document;
}

GListModel *
peitho_count_model_get_groups (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return G_LIST_MODEL (self->groups);
}

PeithoCountItem *
peitho_count_model_lookup (PeithoCountModel *self,
                           const char       *tag_or_group_id)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  g_return_val_if_fail (tag_or_group_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, tag_or_group_id);
}

guint
peitho_count_model_get_total (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), 0);
  return self->total;
}

gboolean
peitho_count_model_is_hidden (PeithoCountModel *self,
                              const char       *tag_id)
{
  PeithoCountItem *item;

  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), FALSE);

  item = g_hash_table_lookup (self->by_id, tag_id);
  return item != NULL && peitho_count_item_get_hidden (item);
}

GListModel *
peitho_count_model_get_annotators (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return G_LIST_MODEL (self->annotators);
}

GListModel *
peitho_count_model_get_relation_types (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return G_LIST_MODEL (self->relation_types);
}

guint
peitho_count_model_get_n_relations (PeithoCountModel *self)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), 0);
  return self->n_relations;
}

PeithoCountItem *
peitho_count_model_lookup_annotator (PeithoCountModel *self,
                                     const char       *annotator_id)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return annotator_id ? g_hash_table_lookup (self->annotator_items, annotator_id) : NULL;
}

PeithoCountItem *
peitho_count_model_lookup_relation_type (PeithoCountModel *self,
                                         const char       *type)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), NULL);
  return type ? g_hash_table_lookup (self->type_items, type) : NULL;
}

void
peitho_count_model_set_hidden_annotators (PeithoCountModel   *self,
                                          const char * const *annotator_ids)
{
  guint n_groups;

  g_return_if_fail (PEITHO_IS_COUNT_MODEL (self));

  g_hash_table_remove_all (self->hidden_annotators);
  for (guint i = 0; annotator_ids != NULL && annotator_ids[i] != NULL; i++)
    g_hash_table_add (self->hidden_annotators, g_strdup (annotator_ids[i]));

  for (guint i = 0; i < self->tags->len; i++)
    {
      PeithoCountItem *item = g_ptr_array_index (self->tags, i);

      peitho_count_item_set_count (item, shown_tag_count (self, peitho_count_item_get_id (item)));
    }
  n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(PeithoCountItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      peitho_count_item_set_count (item, shown_group_count (self, peitho_count_item_get_id (item)));
    }
  set_total (self, shown_total (self));
}

gboolean
peitho_count_model_is_annotator_hidden (PeithoCountModel *self,
                                        const char       *annotator_id)
{
  g_return_val_if_fail (PEITHO_IS_COUNT_MODEL (self), FALSE);
  g_return_val_if_fail (annotator_id != NULL, FALSE);

  return g_hash_table_contains (self->hidden_annotators, annotator_id);
}
