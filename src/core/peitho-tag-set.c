/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-core-resources.h"
#include "peitho-error.h"
#include "peitho-tag-set.h"
#include "peitho-tei-reader.h"

#define DEFAULT_TAG_SET_RESOURCE "/io/github/peitho/Peitho/core/peitho-rhetoric.xml"
#define DEFAULT_TAG_SET_ID       "peitho-rhetoric"

struct _PeithoTagSet
{
  GObject parent_instance;

  char *id;
  char *title;

  GPtrArray *groups;
  /* id -> PeithoTag / PeithoTagGroup; borrowed: groups hold the references */
  GHashTable *tags_by_id;
  GHashTable *groups_by_id;

  /* While > 0, "changed" is held back and emitted once when it drops to 0,
   * so that one operation (a move notifies "group-id") gives one signal. */
  guint freeze_count;
  guint changed_pending : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PeithoTagSet, peitho_tag_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
freeze_changed (PeithoTagSet *self)
{
  self->freeze_count++;
}

static void
emit_changed (PeithoTagSet *self)
{
  if (self->freeze_count > 0)
    {
      self->changed_pending = TRUE;
      return;
    }

  self->changed_pending = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
thaw_changed (PeithoTagSet *self)
{
  g_assert (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->changed_pending)
    emit_changed (self);
}

static void
item_notify_cb (PeithoTagSet *self,
                GParamSpec   *pspec,
                GObject      *item)
{
  emit_changed (self);
}

static void
watch_item (PeithoTagSet *self,
            gpointer      item)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
unwatch_item (PeithoTagSet *self,
              gpointer      item)
{
  g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
}

static GType
peitho_tag_set_get_item_type (GListModel *model)
{
  return PEITHO_TYPE_TAG_GROUP;
}

static guint
peitho_tag_set_get_n_items (GListModel *model)
{
  return PEITHO_TAG_SET (model)->groups->len;
}

static gpointer
peitho_tag_set_get_item (GListModel *model,
                         guint       position)
{
  PeithoTagSet *self = PEITHO_TAG_SET (model);

  if (position >= self->groups->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->groups, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = peitho_tag_set_get_item_type;
  iface->get_n_items = peitho_tag_set_get_n_items;
  iface->get_item = peitho_tag_set_get_item;
}

static void
peitho_tag_set_dispose (GObject *object)
{
  PeithoTagSet *self = (PeithoTagSet *)object;
  GHashTableIter iter;
  gpointer value;

  if (self->tags_by_id != NULL)
    {
      g_hash_table_iter_init (&iter, self->tags_by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        unwatch_item (self, value);
      g_hash_table_remove_all (self->tags_by_id);
    }

  if (self->groups_by_id != NULL)
    {
      g_hash_table_iter_init (&iter, self->groups_by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        unwatch_item (self, value);
      g_hash_table_remove_all (self->groups_by_id);
    }

  if (self->groups != NULL)
    g_ptr_array_set_size (self->groups, 0);

  G_OBJECT_CLASS (peitho_tag_set_parent_class)->dispose (object);
}

static void
peitho_tag_set_finalize (GObject *object)
{
  PeithoTagSet *self = (PeithoTagSet *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->tags_by_id, g_hash_table_unref);
  g_clear_pointer (&self->groups_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (peitho_tag_set_parent_class)->finalize (object);
}

static void
peitho_tag_set_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PeithoTagSet *self = PEITHO_TAG_SET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_set_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PeithoTagSet *self = PEITHO_TAG_SET (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      peitho_tag_set_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_set_class_init (PeithoTagSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_tag_set_dispose;
  object_class->finalize = peitho_tag_set_finalize;
  object_class->get_property = peitho_tag_set_get_property;
  object_class->set_property = peitho_tag_set_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
peitho_tag_set_init (PeithoTagSet *self)
{
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

PeithoTagSet *
peitho_tag_set_new (const char *id,
                    const char *title)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PEITHO_TYPE_TAG_SET,
                       "id", id,
                       "title", title,
                       NULL);
}

static const char *
translate (const char *text)
{
  if (text == NULL || *text == '\0')
    return text;

  return g_dpgettext2 (GETTEXT_PACKAGE, "tag set", text);
}

PeithoTagSet *
peitho_tag_set_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoTagSet) self = NULL;
  g_autoptr(GError) error = NULL;

  /* Looked up in our own resource rather than the global table: it keeps the
   * resource object linked in from the static library, and needs no
   * registration. */
  bytes = g_resource_lookup_data (peitho_core_get_resource (), DEFAULT_TAG_SET_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    self = peitho_tei_read_tag_set_bytes (bytes, DEFAULT_TAG_SET_RESOURCE, &error);

  if (self == NULL)
    {
      g_critical ("Cannot load the built-in tag set: %s",
                  error != NULL ? error->message : "unknown error");
      /* Translators: the name of the built-in tag set of rhetorical devices */
      return peitho_tag_set_new (DEFAULT_TAG_SET_ID, _("Rhetoric"));
    }

  freeze_changed (self);

  peitho_tag_set_set_title (self, translate (self->title));

  for (guint i = 0; i < self->groups->len; i++)
    {
      PeithoTagGroup *group = g_ptr_array_index (self->groups, i);
      guint n_tags = peitho_tag_group_get_n_tags (group);

      peitho_tag_group_set_label (group, translate (peitho_tag_group_get_label (group)));
      peitho_tag_group_set_definition (group,
                                       translate (peitho_tag_group_get_definition (group)));

      for (guint j = 0; j < n_tags; j++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, j);

          peitho_tag_set_label (tag, translate (peitho_tag_get_label (tag)));
          peitho_tag_set_definition (tag, translate (peitho_tag_get_definition (tag)));
          peitho_tag_set_example (tag, translate (peitho_tag_get_example (tag)));
          peitho_tag_set_abbreviation (tag, translate (peitho_tag_get_abbreviation (tag)));
        }
    }

  self->changed_pending = FALSE;
  thaw_changed (self);

  return g_steal_pointer (&self);
}

PeithoTagSet *
peitho_tag_set_copy (PeithoTagSet *self)
{
  PeithoTagSet *copy;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  copy = peitho_tag_set_new (self->id, self->title);

  for (guint i = 0; i < self->groups->len; i++)
    {
      PeithoTagGroup *group = g_ptr_array_index (self->groups, i);
      g_autoptr(PeithoTagGroup) group_copy = NULL;
      guint n_tags = peitho_tag_group_get_n_tags (group);

      group_copy = peitho_tag_group_new (peitho_tag_group_get_id (group),
                                         peitho_tag_group_get_label (group),
                                         peitho_tag_group_get_definition (group));
      if (!peitho_tag_set_add_group (copy, group_copy, -1, NULL))
        g_assert_not_reached ();

      for (guint j = 0; j < n_tags; j++)
        {
          g_autoptr(PeithoTag) tag_copy = peitho_tag_copy (peitho_tag_group_get_tag (group, j));

          if (!peitho_tag_set_add_tag (copy, peitho_tag_group_get_id (group), tag_copy, -1, NULL))
            g_assert_not_reached ();
        }
    }

  return copy;
}

const char *
peitho_tag_set_get_id (PeithoTagSet *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  return self->id;
}

const char *
peitho_tag_set_get_title (PeithoTagSet *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  return self->title;
}

void
peitho_tag_set_set_title (PeithoTagSet *self,
                          const char   *title)
{
  g_return_if_fail (PEITHO_IS_TAG_SET (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  emit_changed (self);
}

guint
peitho_tag_set_get_n_groups (PeithoTagSet *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), 0);

  return self->groups->len;
}

PeithoTagGroup *
peitho_tag_set_get_group (PeithoTagSet *self,
                          guint         position)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);
  g_return_val_if_fail (position < self->groups->len, NULL);

  return g_ptr_array_index (self->groups, position);
}

guint
peitho_tag_set_get_n_tags (PeithoTagSet *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), 0);

  return g_hash_table_size (self->tags_by_id);
}

GPtrArray *
peitho_tag_set_dup_tags (PeithoTagSet *self)
{
  GPtrArray *tags;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  tags = g_ptr_array_new_full (g_hash_table_size (self->tags_by_id), g_object_unref);

  for (guint i = 0; i < self->groups->len; i++)
    {
      PeithoTagGroup *group = g_ptr_array_index (self->groups, i);
      guint n_tags = peitho_tag_group_get_n_tags (group);

      for (guint j = 0; j < n_tags; j++)
        g_ptr_array_add (tags, g_object_ref (peitho_tag_group_get_tag (group, j)));
    }

  return tags;
}

PeithoTag *
peitho_tag_set_lookup_tag (PeithoTagSet *self,
                           const char   *tag_id)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  if (tag_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->tags_by_id, tag_id);
}

PeithoTagGroup *
peitho_tag_set_lookup_group (PeithoTagSet *self,
                             const char   *group_id)
{
  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);

  if (group_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->groups_by_id, group_id);
}

static gboolean
id_is_taken (PeithoTagSet *self,
             const char   *id)
{
  return g_hash_table_contains (self->tags_by_id, id) ||
         g_hash_table_contains (self->groups_by_id, id);
}

static gboolean
check_new_id (PeithoTagSet  *self,
              const char    *id,
              GError       **error)
{
  if (!peitho_id_check (id, error))
    return FALSE;

  if (id_is_taken (self, id))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID,
                   _("The tag set already has a tag or group with the id “%s”"), id);
      return FALSE;
    }

  return TRUE;
}

static guint
clamp_position (int   position,
                guint n_items)
{
  if (position < 0 || (guint)position > n_items)
    return n_items;

  return position;
}

gboolean
peitho_tag_set_add_group (PeithoTagSet    *self,
                          PeithoTagGroup  *group,
                          int              position,
                          GError         **error)
{
  guint pos;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (group), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_new_id (self, peitho_tag_group_get_id (group), error))
    return FALSE;

  freeze_changed (self);

  pos = clamp_position (position, self->groups->len);
  g_ptr_array_insert (self->groups, pos, g_object_ref (group));
  g_hash_table_insert (self->groups_by_id, (char *)peitho_tag_group_get_id (group), group);
  watch_item (self, group);

  /* A group may come with tags (added to it before): they join the set. */
  for (guint i = 0; i < peitho_tag_group_get_n_tags (group); i++)
    {
      PeithoTag *tag = peitho_tag_group_get_tag (group, i);

      if (id_is_taken (self, peitho_tag_get_id (tag)))
        {
          g_critical ("Tag “%s” of group “%s” has an id already in use; dropped",
                      peitho_tag_get_id (tag), peitho_tag_group_get_id (group));
          _peitho_tag_group_remove (group, tag);
          i--;
          continue;
        }

      g_hash_table_insert (self->tags_by_id, (char *)peitho_tag_get_id (tag), tag);
      _peitho_tag_set_group_id (tag, peitho_tag_group_get_id (group));
      watch_item (self, tag);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
  emit_changed (self);
  thaw_changed (self);

  return TRUE;
}

gboolean
peitho_tag_set_add_tag (PeithoTagSet  *self,
                        const char    *group_id,
                        PeithoTag     *tag,
                        int            position,
                        GError       **error)
{
  PeithoTagGroup *group;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (group_id != NULL, FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG (tag), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_new_id (self, peitho_tag_get_id (tag), error))
    return FALSE;

  if (!(group = g_hash_table_lookup (self->groups_by_id, group_id)))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("The tag set has no group with the id “%s”"), group_id);
      return FALSE;
    }

  freeze_changed (self);

  g_hash_table_insert (self->tags_by_id, (char *)peitho_tag_get_id (tag), tag);
  _peitho_tag_group_insert (group, clamp_position (position, peitho_tag_group_get_n_tags (group)),
                            tag);
  _peitho_tag_set_group_id (tag, group_id);
  watch_item (self, tag);

  emit_changed (self);
  thaw_changed (self);

  return TRUE;
}

gboolean
peitho_tag_set_move_tag (PeithoTagSet  *self,
                         PeithoTag     *tag,
                         const char    *group_id,
                         int            position,
                         GError       **error)
{
  g_autoptr(PeithoTag) hold = NULL;
  PeithoTagGroup *from;
  PeithoTagGroup *to;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG (tag), FALSE);
  g_return_val_if_fail (group_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_hash_table_lookup (self->tags_by_id, peitho_tag_get_id (tag)) != tag)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("The tag “%s” is not in this tag set"), peitho_tag_get_id (tag));
      return FALSE;
    }

  if (!(to = g_hash_table_lookup (self->groups_by_id, group_id)))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("The tag set has no group with the id “%s”"), group_id);
      return FALSE;
    }

  from = g_hash_table_lookup (self->groups_by_id, peitho_tag_get_group_id (tag));
  g_assert (from != NULL);

  freeze_changed (self);

  hold = g_object_ref (tag);
  _peitho_tag_group_remove (from, tag);
  _peitho_tag_group_insert (to, clamp_position (position, peitho_tag_group_get_n_tags (to)), tag);
  _peitho_tag_set_group_id (tag, group_id);

  emit_changed (self);
  thaw_changed (self);

  return TRUE;
}

gboolean
peitho_tag_set_move_group (PeithoTagSet    *self,
                           PeithoTagGroup  *group,
                           int              position,
                           GError         **error)
{
  guint old_pos;
  guint new_pos;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (group), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_ptr_array_find (self->groups, group, &old_pos))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("The group “%s” is not in this tag set"), peitho_tag_group_get_id (group));
      return FALSE;
    }

  g_ptr_array_steal_index (self->groups, old_pos);
  new_pos = clamp_position (position, self->groups->len);
  g_ptr_array_insert (self->groups, new_pos, group);

  if (old_pos != new_pos)
    {
      guint first = MIN (old_pos, new_pos);
      guint n = MAX (old_pos, new_pos) - first + 1;

      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
      emit_changed (self);
    }

  return TRUE;
}

static void
forget_tag (PeithoTagSet *self,
            PeithoTag    *tag)
{
  unwatch_item (self, tag);
  g_hash_table_remove (self->tags_by_id, peitho_tag_get_id (tag));
  _peitho_tag_set_group_id (tag, NULL);
}

gboolean
peitho_tag_set_remove_tag (PeithoTagSet *self,
                           PeithoTag    *tag)
{
  g_autoptr(PeithoTag) hold = NULL;
  PeithoTagGroup *group;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG (tag), FALSE);

  if (g_hash_table_lookup (self->tags_by_id, peitho_tag_get_id (tag)) != tag)
    return FALSE;

  group = g_hash_table_lookup (self->groups_by_id, peitho_tag_get_group_id (tag));
  g_assert (group != NULL);

  hold = g_object_ref (tag);
  forget_tag (self, tag);
  _peitho_tag_group_remove (group, tag);
  emit_changed (self);

  return TRUE;
}

gboolean
peitho_tag_set_remove_group (PeithoTagSet   *self,
                             PeithoTagGroup *group)
{
  g_autoptr(PeithoTagGroup) hold = NULL;
  guint pos;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG_GROUP (group), FALSE);

  if (!g_ptr_array_find (self->groups, group, &pos))
    return FALSE;

  hold = g_object_ref (group);

  /* The group keeps its tags (a caller may put it back for undo); they only
   * leave the set's lookups. */
  for (guint i = 0; i < peitho_tag_group_get_n_tags (group); i++)
    {
      PeithoTag *tag = peitho_tag_group_get_tag (group, i);

      unwatch_item (self, tag);
      g_hash_table_remove (self->tags_by_id, peitho_tag_get_id (tag));
    }

  unwatch_item (self, group);
  g_hash_table_remove (self->groups_by_id, peitho_tag_group_get_id (group));
  g_ptr_array_remove_index (self->groups, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  emit_changed (self);

  return TRUE;
}

char *
peitho_tag_set_make_id (PeithoTagSet *self,
                        const char   *label)
{
  g_autofree char *slug = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  slug = peitho_id_slugify (label);

  if (*slug == '\0')
    base = g_strdup ("tag");
  else if (!g_ascii_isalpha (*slug))
    base = g_strconcat ("t-", slug, NULL);
  else
    base = g_steal_pointer (&slug);

  if (!id_is_taken (self, base))
    return g_steal_pointer (&base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, n);

      if (!id_is_taken (self, candidate))
        return g_steal_pointer (&candidate);
    }
}
