/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-tag.h"

struct _PeithoTag
{
  GObject parent_instance;

  char *id;
  char *label;
  char *definition;
  char *example;
  char *abbreviation;
  char *color;
  char *group_id;
  char *shortcut;
};

G_DEFINE_FINAL_TYPE (PeithoTag, peitho_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DEFINITION,
  PROP_EXAMPLE,
  PROP_ABBREVIATION,
  PROP_COLOR,
  PROP_GROUP_ID,
  PROP_SHORTCUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets *field and notifies only on a real change, so that the tag set does
 * not report changes that are none. */
static void
set_string (PeithoTag   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
peitho_tag_finalize (GObject *object)
{
  PeithoTag *self = (PeithoTag *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->example, g_free);
  g_clear_pointer (&self->abbreviation, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->group_id, g_free);
  g_clear_pointer (&self->shortcut, g_free);

  G_OBJECT_CLASS (peitho_tag_parent_class)->finalize (object);
}

static void
peitho_tag_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PeithoTag *self = PEITHO_TAG (object);

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
    case PROP_EXAMPLE:
      g_value_set_string (value, self->example);
      break;
    case PROP_ABBREVIATION:
      g_value_set_string (value, self->abbreviation);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_SHORTCUT:
      g_value_set_string (value, self->shortcut);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PeithoTag *self = PEITHO_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      peitho_tag_set_label (self, g_value_get_string (value));
      break;
    case PROP_DEFINITION:
      peitho_tag_set_definition (self, g_value_get_string (value));
      break;
    case PROP_EXAMPLE:
      peitho_tag_set_example (self, g_value_get_string (value));
      break;
    case PROP_ABBREVIATION:
      peitho_tag_set_abbreviation (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      peitho_tag_set_color (self, g_value_get_string (value));
      break;
    case PROP_SHORTCUT:
      peitho_tag_set_shortcut (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_tag_class_init (PeithoTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_tag_finalize;
  object_class->get_property = peitho_tag_get_property;
  object_class->set_property = peitho_tag_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXAMPLE] =
    g_param_spec_string ("example", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABBREVIATION] =
    g_param_spec_string ("abbreviation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Read-only: a tag changes group through its tag set, which keeps lookups right. */
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORTCUT] =
    g_param_spec_string ("shortcut", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_tag_init (PeithoTag *self)
{
}

PeithoTag *
peitho_tag_new (const char *id,
                const char *label,
                const char *definition,
                const char *example,
                const char *color)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PEITHO_TYPE_TAG,
                       "id", id,
                       "label", label,
                       "definition", definition,
                       "example", example,
                       "color", color,
                       NULL);
}

PeithoTag *
peitho_tag_copy (PeithoTag *self)
{
  PeithoTag *copy;

  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  copy = peitho_tag_new (self->id, self->label, self->definition, self->example, self->color);
  copy->abbreviation = g_strdup (self->abbreviation);
  copy->group_id = g_strdup (self->group_id);
  copy->shortcut = g_strdup (self->shortcut);

  return copy;
}

const char *
peitho_tag_get_id (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->id;
}

const char *
peitho_tag_get_label (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->label;
}

void
peitho_tag_set_label (PeithoTag  *self,
                      const char *label)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->label, label, PROP_LABEL);
}

const char *
peitho_tag_get_definition (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->definition;
}

void
peitho_tag_set_definition (PeithoTag  *self,
                           const char *definition)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->definition, definition, PROP_DEFINITION);
}

const char *
peitho_tag_get_example (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->example;
}

void
peitho_tag_set_example (PeithoTag  *self,
                        const char *example)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->example, example, PROP_EXAMPLE);
}

const char *
peitho_tag_get_abbreviation (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->abbreviation;
}

void
peitho_tag_set_abbreviation (PeithoTag  *self,
                             const char *abbreviation)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  /* An empty abbreviation means "derive one", as NULL does. */
  if (abbreviation != NULL && *abbreviation == '\0')
    abbreviation = NULL;
  set_string (self, &self->abbreviation, abbreviation, PROP_ABBREVIATION);
}

/* The first @n letters of @word, the first one upper case. */
static void
append_letters (GString    *out,
                const char *word,
                guint       n)
{
  for (const char *p = word; *p != '\0' && n > 0; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (out, out->len == 0 ? g_unichar_totitle (c) : c);
      n--;
    }
}

char *
peitho_tag_dup_short_label (PeithoTag *self)
{
  g_auto(GStrv) words = NULL;
  GString *out;
  guint n_words = 0;

  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  if (self->abbreviation != NULL)
    return g_strdup (self->abbreviation);

  /* One word gives its first three letters ("Met"), several their initials
   * ("RQ"), as a reader would abbreviate them. */
  words = g_strsplit_set (self->label != NULL ? self->label : self->id, " -_", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n_words++;

  out = g_string_new (NULL);
  if (n_words <= 1)
    for (guint i = 0; words[i] != NULL; i++)
      append_letters (out, words[i], 3);
  else
    for (guint i = 0; words[i] != NULL; i++)
      {
        gsize before = out->len;

        append_letters (out, words[i], 1);
        if (before > 0 && out->len > before)
          {
            /* Every initial upper case, not only the first. */
            gunichar c = g_utf8_get_char (out->str + before);
            g_string_truncate (out, before);
            g_string_append_unichar (out, g_unichar_toupper (c));
          }
      }
  if (out->len == 0)
    g_string_append (out, self->id);

  return g_string_free (out, FALSE);
}

const char *
peitho_tag_get_color (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->color;
}

void
peitho_tag_set_color (PeithoTag  *self,
                      const char *color)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->color, color, PROP_COLOR);
}

const char *
peitho_tag_get_group_id (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->group_id;
}

const char *
peitho_tag_get_shortcut (PeithoTag *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG (self), NULL);

  return self->shortcut;
}

void
peitho_tag_set_shortcut (PeithoTag  *self,
                         const char *shortcut)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->shortcut, shortcut, PROP_SHORTCUT);
}

void
_peitho_tag_set_group_id (PeithoTag  *self,
                          const char *group_id)
{
  g_return_if_fail (PEITHO_IS_TAG (self));

  set_string (self, &self->group_id, group_id, PROP_GROUP_ID);
}
