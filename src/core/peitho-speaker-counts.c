/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-speaker-counts.h"
#include "peitho-tag-set.h"
#include "tei/peitho-tei-cast.h"

struct _PeithoSpeakerCount
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *summary;
  /* tag id -> count */
  GHashTable *tag_counts;
  /* the annotations already counted (not owned) */
  GHashTable *seen;
  GStrv       tag_ids;
  guint       first_speech;
  guint       n_speeches;
  guint       total;
};

G_DEFINE_FINAL_TYPE (PeithoSpeakerCount, peitho_speaker_count, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TOTAL,
  PROP_N_SPEECHES,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_speaker_count_finalize (GObject *object)
{
  PeithoSpeakerCount *self = PEITHO_SPEAKER_COUNT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->tag_counts, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_strfreev);

  G_OBJECT_CLASS (peitho_speaker_count_parent_class)->finalize (object);
}

static void
peitho_speaker_count_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PeithoSpeakerCount *self = PEITHO_SPEAKER_COUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_N_SPEECHES:
      g_value_set_uint (value, self->n_speeches);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_speaker_count_class_init (PeithoSpeakerCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_speaker_count_finalize;
  object_class->get_property = peitho_speaker_count_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SPEECHES] =
    g_param_spec_uint ("n-speeches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_speaker_count_init (PeithoSpeakerCount *self)
{
  self->tag_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen = g_hash_table_new (NULL, NULL);
}

const char *
peitho_speaker_count_get_id (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), NULL);
  return self->id;
}

const char *
peitho_speaker_count_get_name (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), NULL);
  return self->name;
}

guint
peitho_speaker_count_get_n_speeches (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), 0);
  return self->n_speeches;
}

guint
peitho_speaker_count_get_total (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), 0);
  return self->total;
}

guint
peitho_speaker_count_get_tag_count (PeithoSpeakerCount *self,
                                    const char         *tag_id)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), 0);
  g_return_val_if_fail (tag_id != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, tag_id));
}

char **
peitho_speaker_count_dup_tag_ids (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), NULL);
  return g_strdupv (self->tag_ids);
}

const char *
peitho_speaker_count_get_summary (PeithoSpeakerCount *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_COUNT (self), NULL);
  return self->summary;
}

/*
 * Computing
 */

typedef struct {
  GHashTable *order;   /* tag id -> position in the tag set + 1 */
  GHashTable *counts;
} TagOrder;

static int
compare_tags (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *tag_a = *(const char * const *) a;
  const char *tag_b = *(const char * const *) b;
  const TagOrder *order = user_data;
  guint count_a = GPOINTER_TO_UINT (g_hash_table_lookup (order->counts, tag_a));
  guint count_b = GPOINTER_TO_UINT (g_hash_table_lookup (order->counts, tag_b));
  guint position_a = GPOINTER_TO_UINT (g_hash_table_lookup (order->order, tag_a));
  guint position_b = GPOINTER_TO_UINT (g_hash_table_lookup (order->order, tag_b));

  if (count_a != count_b)
    return count_a > count_b ? -1 : 1;
  /* Tags the set does not know (0) after those it does. */
  if (position_a != position_b)
    return position_a == 0 ? 1 : position_b == 0 ? -1 : position_a < position_b ? -1 : 1;
  return g_strcmp0 (tag_a, tag_b);
}

/* The tags in order and the summary, once the counting is done. */
static void
speaker_count_finish (PeithoSpeakerCount *self,
                      PeithoTagSet       *tag_set,
                      GHashTable         *tag_order)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  TagOrder order = { tag_order, self->tag_counts };
  GHashTableIter iter;
  gpointer key;

  g_assert (PEITHO_IS_SPEAKER_COUNT (self));

  g_hash_table_iter_init (&iter, self->tag_counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort_with_data (ids, compare_tags, &order);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set, id);

      if (i > 0)
        /* Translators: between the tags of a speaker's counts ("Irony 3, Metaphor 1") */
        g_string_append (summary, _(", "));
      /* Translators: one tag of a speaker's counts: the tag's label and how
       * often the speaker uses it ("Irony 3") */
      g_string_append_printf (summary, _("%s %u"),
                              tag != NULL ? peitho_tag_get_label (tag) : id,
                              GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, id)));
    }
  g_ptr_array_add (ids, NULL);
  self->tag_ids = g_strdupv ((char **) ids->pdata);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  g_clear_pointer (&self->seen, g_hash_table_unref);
}

static void
count_speech (PeithoSpeakerCount *self,
              PeithoDocument     *document,
              const PeithoMark   *speech)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert (PEITHO_IS_SPEAKER_COUNT (self));

  self->n_speeches++;
  if (speech->start == speech->end)
    return;
  annotations = peitho_document_get_annotations_in_range (document, speech->start, speech->end);
  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);
      guint count;

      if (!g_hash_table_add (self->seen, annotation))
        continue;
      self->total++;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, tag_id));
      g_hash_table_insert (self->tag_counts, g_strdup (tag_id), GUINT_TO_POINTER (count + 1));
    }
}

static int
compare_speakers (gconstpointer a,
                  gconstpointer b)
{
  PeithoSpeakerCount *speaker_a = *(PeithoSpeakerCount * const *) a;
  PeithoSpeakerCount *speaker_b = *(PeithoSpeakerCount * const *) b;

  if (speaker_a->total != speaker_b->total)
    return speaker_a->total > speaker_b->total ? -1 : 1;
  return speaker_a->first_speech < speaker_b->first_speech ? -1
         : speaker_a->first_speech > speaker_b->first_speech;
}

static GHashTable *
tag_positions (PeithoTagSet *tag_set)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < tags->len; i++)
    g_hash_table_insert (positions, (gpointer) peitho_tag_get_id (g_ptr_array_index (tags, i)),
                         GUINT_TO_POINTER (i + 1));
  return positions;
}

/* The speaker @id's counts, made on first sight. */
static PeithoSpeakerCount *
speaker_for (GHashTable *by_id,
             GPtrArray  *speakers,
             const char *id)
{
  PeithoSpeakerCount *speaker = g_hash_table_lookup (by_id, id);

  if (speaker == NULL)
    {
      speaker = g_object_new (PEITHO_TYPE_SPEAKER_COUNT, NULL);
      speaker->id = g_strdup (id);
      speaker->first_speech = speakers->len;
      g_ptr_array_add (speakers, speaker);
      g_hash_table_insert (by_id, speaker->id, speaker);
    }
  return speaker;
}

GListModel *
peitho_speaker_counts_compute (PeithoDocument *document)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GHashTable) positions = NULL;
  GListStore *store;
  PeithoSpeakerCount *named = NULL;
  const PeithoMark *speech = NULL;
  PeithoTagSet *tag_set;
  guint n_marks;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  store = g_list_store_new (PEITHO_TYPE_SPEAKER_COUNT);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  speakers = g_ptr_array_new_with_free_func (g_object_unref);

  /* Marks come sorted by start, a speech before the speaker's name in it. */
  n_marks = peitho_document_get_n_marks (document);
  for (guint i = 0; i < n_marks; i++)
    {
      const PeithoMark *mark = peitho_document_get_mark (document, i);

      if (mark->kind == PEITHO_MARK_SPEECH)
        {
          const char *value = mark->value != NULL ? mark->value : "";
          g_auto(GStrv) ids = NULL;
          guint n_ids = 0;

          /* A speech of several speakers ("#Horatio_Ham #Marcellus_Ham")
           * is each one's; its speaker ("BOTH") names none of them. A
           * value that is the speaker's text (no @who) is one speaker. */
          if (*value == '#')
            ids = g_strsplit_set (value, " \t\n\r", -1);
          else
            {
              const char *one[] = { value, NULL };

              ids = g_strdupv ((char **) one);
            }
          named = NULL;
          for (guint j = 0; ids[j] != NULL; j++)
            if (*ids[j] != '\0')
              {
                named = speaker_for (by_id, speakers, ids[j]);
                count_speech (named, document, mark);
                n_ids++;
              }
          if (n_ids == 0)
            {
              named = speaker_for (by_id, speakers, "");
              count_speech (named, document, mark);
            }
          else if (n_ids > 1)
            named = NULL;
          speech = mark;
        }
      else if (mark->kind == PEITHO_MARK_SPEAKER && named != NULL && named->name == NULL
               && mark->start >= speech->start && mark->end <= speech->end)
        {
          g_autofree char *text = peitho_document_dup_slice (document, mark->start, mark->end);

          g_strstrip (text);
          if (*text != '\0')
            named->name = g_steal_pointer (&text);
        }
    }

  tag_set = peitho_document_get_tag_set (document);
  positions = tag_positions (tag_set);
  g_ptr_array_sort (speakers, compare_speakers);
  for (guint i = 0; i < speakers->len; i++)
    {
      PeithoSpeakerCount *speaker = g_ptr_array_index (speakers, i);
      const char *cast_name, *id;

      if (speaker->total == 0)
        continue;
      id = *speaker->id == '#' ? speaker->id + 1 : speaker->id;
      cast_name = *speaker->id == '#' ? peitho_tei_cast_name (document, id) : NULL;
      if (cast_name != NULL)
        {
          g_free (speaker->name);
          speaker->name = g_strdup (cast_name);
        }
      else if (speaker->name == NULL)
        speaker->name = g_strdup (id);
      speaker_count_finish (speaker, tag_set, positions);
      g_list_store_append (store, speaker);
    }
  return G_LIST_MODEL (store);
}
