/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "peitho-document-private.h"
#include "peitho-error.h"

G_DEFINE_FINAL_TYPE (PeithoDocument, peitho_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_SOURCE,
  PROP_TAG_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _peitho_document_signals[N_SIGNALS];

static void tag_set_changed_cb (PeithoDocument *self,
                                PeithoTagSet   *tag_set);

/* "changed" is held back during an operation made of several steps, and
 * emitted once at its end. */
void
_peitho_document_freeze_changed (PeithoDocument *self)
{
  self->freeze_count++;
}

void
_peitho_document_emit_changed (PeithoDocument *self)
{
  if (self->freeze_count > 0)
    {
      self->changed_pending = TRUE;
      return;
    }

  self->changed_pending = FALSE;
  g_signal_emit (self, _peitho_document_signals[CHANGED], 0);
}

void
_peitho_document_thaw_changed (PeithoDocument *self)
{
  g_assert (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->changed_pending)
    _peitho_document_emit_changed (self);
}

/* Counts are heap guints changed in place: adding an annotation then
 * allocates nothing for a tag already counted. */
void
_peitho_document_count_add (GHashTable *counts,
                            const char *key,
                            int         delta)
{
  guint *count;

  if (key == NULL)
    return;

  if (!(count = g_hash_table_lookup (counts, key)))
    {
      g_assert (delta > 0);
      count = g_new0 (guint, 1);
      g_hash_table_insert (counts, g_strdup (key), count);
    }

  g_assert (delta > 0 || *count >= (guint)-delta);
  *count += delta;

  if (*count == 0)
    g_hash_table_remove (counts, key);
}

guint
_peitho_document_count_get (GHashTable *counts,
                            const char *key)
{
  guint *count;

  if (key == NULL || !(count = g_hash_table_lookup (counts, key)))
    return 0;

  return *count;
}

static void
change_free (gpointer data)
{
  PeithoChange *change = data;

  g_clear_pointer (&change->when, g_date_time_unref);
  g_free (change->who);
  g_free (change->text);
  g_free (change);
}

static void
paragraph_clear (gpointer data)
{
  Paragraph *paragraph = data;

  g_clear_pointer (&paragraph->xml_id, g_free);
}

static void
set_tag_set_internal (PeithoDocument *self,
                      PeithoTagSet   *tag_set)
{
  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_func (self->tag_set, tag_set_changed_cb, self);

  g_set_object (&self->tag_set, tag_set);

  if (self->tag_set != NULL)
    g_signal_connect_object (self->tag_set, "changed", G_CALLBACK (tag_set_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
disown_annotation (gpointer annotation,
                   gpointer user_data)
{
  _peitho_annotation_set_owner (annotation, NULL);
}

static void
peitho_document_dispose (GObject *object)
{
  PeithoDocument *self = (PeithoDocument *)object;

  set_tag_set_internal (self, NULL);

  if (self->annotations != NULL)
    peitho_annotation_index_foreach (self->annotations, disown_annotation, NULL);

  g_clear_pointer (&self->relations_by_annotation, g_hash_table_unref);
  g_clear_pointer (&self->annotations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->annotation_records, g_array_unref);
  g_clear_pointer (&self->relations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->annotators_by_id, g_hash_table_unref);
  g_clear_object (&self->annotations);
  g_clear_object (&self->relations);
  g_clear_object (&self->annotators);

  G_OBJECT_CLASS (peitho_document_parent_class)->dispose (object);
}

static void
peitho_document_finalize (GObject *object)
{
  PeithoDocument *self = (PeithoDocument *)object;

  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->checkpoints, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->header_xml, g_free);
  _peitho_document_clear_marks (self);
  if (self->source_tree_free != NULL)
    g_clear_pointer (&self->source_tree, self->source_tree_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->tag_counts, g_hash_table_unref);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  g_clear_pointer (&self->annotator_counts, g_hash_table_unref);
  g_clear_pointer (&self->annotator_tag_counts, g_hash_table_unref);
  g_clear_pointer (&self->pending_counts, g_hash_table_unref);
  g_clear_pointer (&self->relation_type_counts, g_hash_table_unref);

  G_OBJECT_CLASS (peitho_document_parent_class)->finalize (object);
}

static void
peitho_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PeithoDocument *self = PEITHO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_TAG_SET:
      g_value_set_object (value, self->tag_set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PeithoDocument *self = PEITHO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      peitho_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      peitho_document_set_author (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      peitho_document_set_date (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      peitho_document_set_source (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_document_class_init (PeithoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_document_dispose;
  object_class->finalize = peitho_document_finalize;
  object_class->get_property = peitho_document_get_property;
  object_class->set_property = peitho_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG_SET] =
    g_param_spec_object ("tag-set", NULL, NULL, PEITHO_TYPE_TAG_SET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _peitho_document_signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PEITHO_TYPE_ANNOTATION);
  _peitho_document_signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PEITHO_TYPE_ANNOTATION);
  _peitho_document_signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PEITHO_TYPE_ANNOTATION, G_TYPE_STRING);
  _peitho_document_signals[RELATION_ADDED] =
    g_signal_new ("relation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PEITHO_TYPE_RELATION);
  _peitho_document_signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PEITHO_TYPE_RELATION);
  _peitho_document_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
peitho_document_init (PeithoDocument *self)
{
  g_autoptr(PeithoTagSet) tag_set = NULL;

  self->text = g_string_new (NULL);
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_array_set_clear_func (self->paragraphs, paragraph_clear);
  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  self->changes = g_ptr_array_new_with_free_func (change_free);
  _peitho_document_init_marks (self);

  self->annotators = g_list_store_new (PEITHO_TYPE_ANNOTATOR);
  self->annotators_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->annotations = peitho_annotation_index_new ();
  self->annotations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations = g_list_store_new (PEITHO_TYPE_RELATION);
  self->relations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations_by_annotation = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)g_ptr_array_unref);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->tag_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->annotator_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->annotator_tag_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_hash_table_unref);
  self->relation_type_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  tag_set = peitho_tag_set_new ("peitho-empty", NULL);
  set_tag_set_internal (self, tag_set);
}

PeithoDocument *
peitho_document_new (void)
{
  return g_object_new (PEITHO_TYPE_DOCUMENT, NULL);
}

/*
 * Metadata
 */

static void
set_metadata (PeithoDocument  *self,
              char           **field,
              const char      *value,
              guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);

  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  _peitho_document_emit_changed (self);
}

const char *
peitho_document_get_title (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
peitho_document_set_title (PeithoDocument *self,
                           const char     *title)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));

  set_metadata (self, &self->title, title, PROP_TITLE);
}

const char *
peitho_document_get_author (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->author;
}

void
peitho_document_set_author (PeithoDocument *self,
                            const char     *author)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));

  set_metadata (self, &self->author, author, PROP_AUTHOR);
}

const char *
peitho_document_get_date (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->date;
}

void
peitho_document_set_date (PeithoDocument *self,
                          const char     *date)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));

  set_metadata (self, &self->date, date, PROP_DATE);
}

const char *
peitho_document_get_source (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->source;
}

void
peitho_document_set_source (PeithoDocument *self,
                            const char     *source)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));

  set_metadata (self, &self->source, source, PROP_SOURCE);
}

const char *
peitho_document_get_header_xml (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->header_xml;
}

void
peitho_document_set_header_xml (PeithoDocument *self,
                                const char     *header_xml)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT (self));

  set_metadata (self, &self->header_xml, header_xml, PROP_0);
}

GPtrArray *
peitho_document_get_changes (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->changes;
}

void
peitho_document_add_change (PeithoDocument *self,
                            GDateTime      *when,
                            const char     *who,
                            const char     *text)
{
  PeithoChange *change;

  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  change = g_new0 (PeithoChange, 1);
  change->when = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  change->who = g_strdup (who);
  change->text = g_strdup (text);
  g_ptr_array_add (self->changes, change);

  _peitho_document_emit_changed (self);
}

/*
 * Tag set
 */

static void
tag_set_changed_cb (PeithoDocument *self,
                    PeithoTagSet   *tag_set)
{
  _peitho_document_rebuild_group_counts (self);
  _peitho_document_emit_changed (self);
}

PeithoTagSet *
peitho_document_get_tag_set (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->tag_set;
}

gboolean
peitho_document_set_tag_set (PeithoDocument  *self,
                             PeithoTagSet    *tag_set,
                             GError         **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tag_set == self->tag_set)
    return TRUE;

  _peitho_document_apply_pending_counts (self);
  g_hash_table_iter_init (&iter, self->tag_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (peitho_tag_set_lookup_tag (tag_set, key) == NULL)
        {
          guint n = *(guint *)value;

          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The new tag set lacks the tag “%s”, "
                                    "which %u annotation uses",
                                    "The new tag set lacks the tag “%s”, "
                                    "which %u annotations use",
                                    n),
                       (const char *)key, n);
          return FALSE;
        }
    }

  set_tag_set_internal (self, tag_set);
  _peitho_document_rebuild_group_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_SET]);
  _peitho_document_emit_changed (self);

  return TRUE;
}

gboolean
peitho_document_remove_tag (PeithoDocument  *self,
                            const char      *tag_id,
                            const char      *replacement_id,
                            GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  PeithoTag *tag;
  guint n_used;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(tag = peitho_tag_set_lookup_tag (self->tag_set, tag_id)))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                   _("The tag set has no tag “%s”"), tag_id);
      return FALSE;
    }

  _peitho_document_apply_pending_counts (self);
  n_used = _peitho_document_count_get (self->tag_counts, tag_id);

  if (n_used > 0 && replacement_id == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u annotation uses the tag “%s”",
                                "%u annotations use the tag “%s”",
                                n_used),
                   n_used,
                   peitho_tag_get_label (tag) != NULL ? peitho_tag_get_label (tag) : tag_id);
      return FALSE;
    }

  if (n_used > 0 && *replacement_id != '\0')
    {
      if (g_strcmp0 (replacement_id, tag_id) == 0)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                       _("The tag “%s” cannot replace itself"), tag_id);
          return FALSE;
        }

      if (peitho_tag_set_lookup_tag (self->tag_set, replacement_id) == NULL)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG,
                       _("The tag set has no tag “%s”"), replacement_id);
          return FALSE;
        }
    }

  _peitho_document_freeze_changed (self);

  if (n_used > 0)
    {
      /* Rare and interactive: a scan of the annotations is fine here. */
      all = peitho_annotation_index_dup_all (self->annotations);

      for (guint i = 0; i < all->len; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (all, i);

          if (g_strcmp0 (peitho_annotation_get_tag_id (annotation), tag_id) != 0)
            continue;

          if (*replacement_id == '\0')
            _peitho_document_remove_annotation (self, annotation, NULL);
          else if (!_peitho_document_set_annotation_tag (self, annotation, replacement_id, NULL))
            g_assert_not_reached ();
        }
    }

  g_assert (_peitho_document_count_get (self->tag_counts, tag_id) == 0);
  peitho_tag_set_remove_tag (self->tag_set, tag);
  _peitho_document_emit_changed (self);
  _peitho_document_thaw_changed (self);

  return TRUE;
}

/*
 * Ids
 */

/* The number N of an id "<prefix>N", or 0. */
guint64
_peitho_document_id_number (const char *id,
                            char        prefix)
{
  guint64 number = 0;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return 0;

  /* As g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT32, ...), at a
   * tenth of its cost: a reader calls this once per annotation. */
  for (const char *p = id + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return 0;
      number = number * 10 + (guint64) (*p - '0');
      if (number > G_MAXUINT32)
        return 0;
    }

  return number;
}

/* Tag and group ids live in the tag set, but in TEI they are xml:ids of the
 * same file as everything else. */
gboolean
_peitho_document_id_in_use (PeithoDocument *self,
                            const char     *id)
{
  return g_hash_table_contains (self->ids, id) ||
         g_hash_table_contains (self->annotations_by_id, id) ||
         peitho_tag_set_lookup_tag (self->tag_set, id) != NULL ||
         peitho_tag_set_lookup_group (self->tag_set, id) != NULL;
}

gboolean
_peitho_document_check_new_id (PeithoDocument  *self,
                               const char      *id,
                               GError         **error)
{
  if (!peitho_id_check (id, error))
    return FALSE;

  if (_peitho_document_id_in_use (self, id))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID,
                   _("The id “%s” is already in use"), id);
      return FALSE;
    }

  return TRUE;
}

char *
_peitho_document_next_id (PeithoDocument *self,
                          char            prefix,
                          guint64        *last_number)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%c%" G_GUINT64_FORMAT, prefix, ++*last_number);

      if (!_peitho_document_id_in_use (self, id))
        return id;

      g_free (id);
    }
}

/*
 * Annotators
 */

GListModel *
peitho_document_get_annotators (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotators);
}

PeithoAnnotator *
peitho_document_lookup_annotator (PeithoDocument *self,
                                  const char     *id)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->annotators_by_id, id);
}

void
_peitho_document_sort_annotators (PeithoDocument   *self,
                                  GCompareDataFunc  compare,
                                  gpointer          data)
{
  g_assert (PEITHO_IS_DOCUMENT (self));
  g_assert (compare != NULL);

  g_list_store_sort (self->annotators, compare, data);
}

gboolean
peitho_document_add_annotator (PeithoDocument   *self,
                               PeithoAnnotator  *annotator,
                               GError          **error)
{
  const char *id;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATOR (annotator), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = peitho_annotator_get_id (annotator);
  if (!_peitho_document_check_new_id (self, id, error))
    return FALSE;

  g_hash_table_add (self->ids, g_strdup (id));
  g_hash_table_insert (self->annotators_by_id, (char *)id, annotator);
  g_list_store_append (self->annotators, annotator);
  _peitho_document_emit_changed (self);

  return TRUE;
}

PeithoAnnotator *
peitho_document_ensure_annotator (PeithoDocument *self,
                                  const char     *name)
{
  g_autoptr(PeithoAnnotator) annotator = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  guint n_annotators;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_annotators = g_list_model_get_n_items (G_LIST_MODEL (self->annotators));
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autoptr(PeithoAnnotator) existing = NULL;

      existing = g_list_model_get_item (G_LIST_MODEL (self->annotators), i);

      if (g_strcmp0 (peitho_annotator_get_name (existing), name) == 0)
        return existing;
    }

  slug = peitho_id_slugify (name);
  base = *slug != '\0' ? g_strconcat ("ann-", slug, NULL) : g_strdup ("ann");
  id = g_strdup (base);

  for (guint n = 2; _peitho_document_id_in_use (self, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  annotator = peitho_annotator_new (id, name);
  if (!peitho_document_add_annotator (self, annotator, NULL))
    g_assert_not_reached ();

  return annotator;
}

static gboolean
annotator_has_relations (PeithoDocument *self,
                         const char     *id)
{
  GListModel *relations = G_LIST_MODEL (self->relations);
  guint n = g_list_model_get_n_items (relations);

  g_assert (PEITHO_IS_DOCUMENT (self));
  g_assert (id != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (peitho_relation_get_annotator_id (relation), id) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
peitho_document_remove_annotator (PeithoDocument  *self,
                                  const char      *id,
                                  GError         **error)
{
  PeithoAnnotator *annotator;
  guint position;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(annotator = g_hash_table_lookup (self->annotators_by_id, id)))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                   _("There is no annotator “%s” in the document"), id);
      return FALSE;
    }
  if (peitho_document_count_annotator (self, id) > 0 || annotator_has_relations (self, id))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_IN_USE,
                   _("The annotator “%s” still has annotations or relations"), id);
      return FALSE;
    }

  if (!g_list_store_find (self->annotators, annotator, &position))
    g_assert_not_reached ();
  g_hash_table_remove (self->annotators_by_id, id);
  g_hash_table_remove (self->ids, id);
  /* The store held the last reference: @annotator and @id go with it. */
  g_list_store_remove (self->annotators, position);
  _peitho_document_emit_changed (self);

  return TRUE;
}

/*
 * Validation
 */

void
_peitho_document_add_problem (GPtrArray  *problems,
                              const char *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
validate_tag_set_ids (PeithoDocument *self,
                      GPtrArray      *problems)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (self->tag_set);
  guint n_groups = peitho_tag_set_get_n_groups (self->tag_set);

  for (guint i = 0; i < tags->len; i++)
    {
      const char *id = peitho_tag_get_id (g_ptr_array_index (tags, i));

      if (g_hash_table_contains (self->ids, id)
          || g_hash_table_contains (self->annotations_by_id, id))
        _peitho_document_add_problem (problems,
                                      _("The id “%s” names both a tag and an item of the text"),
                                      id);
    }

  for (guint i = 0; i < n_groups; i++)
    {
      const char *id = peitho_tag_group_get_id (peitho_tag_set_get_group (self->tag_set, i));

      if (g_hash_table_contains (self->ids, id)
          || g_hash_table_contains (self->annotations_by_id, id))
        _peitho_document_add_problem (problems,
                                      _("The id “%s” names both a tag group and an item of "
                                        "the text"),
                                      id);
    }
}

GPtrArray *
peitho_document_validate (PeithoDocument *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  problems = g_ptr_array_new_with_free_func (g_free);

  _peitho_document_validate_annotations (self, problems);
  _peitho_document_validate_relations (self, problems);
  validate_tag_set_ids (self, problems);

  return problems;
}
