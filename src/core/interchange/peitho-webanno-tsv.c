/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-text-alignment.h"
#include "peitho-webanno-tsv.h"

#define SPAN_LAYER     "webanno.custom.PeithoAnnotation"
#define RELATION_LAYER "webanno.custom.PeithoRelation"

/* ---------------------------------------------------------------------------
 * Escaping (WebAnno TSV 3: backslash before \ [ ] | _ -> ; * and \t \n)
 */

static void
append_escaped_value (GString    *out,
                      const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '[': case ']': case '|': case '_': case ';': case '*':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '-':
          if (p[1] == '>')
            g_string_append_c (out, '\\');
          g_string_append_c (out, '-');
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* The text of #Text= lines and of the token column. */
static void
append_escaped_text (GString    *out,
                     const char *text,
                     gssize      length,
                     gboolean    escape_newline)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\n' && escape_newline)
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

static char *
unescape (const char *str,
          gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (str[i] == '\\' && i + 1 < length)
        {
          char c = str[++i];

          g_string_append_c (out, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
        }
      else
        g_string_append_c (out, str[i]);
    }

  return g_string_free (out, FALSE);
}

/* Splits at "|" not escaped; the parts stay escaped. */
static GPtrArray *
split_values (const char *column)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *start = column;

  for (const char *p = column; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == '|' || *p == '\0')
        {
          g_ptr_array_add (values, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  return values;
}

/* "label[3]" -> "label", 3; "1-1[3_4]" -> "1-1", 3, 4. The suffix must not
 * be escaped. */
static char *
strip_suffix (const char *value,
              guint      *first,
              guint      *second)
{
  gsize length = strlen (value);
  const char *open;

  *first = 0;
  if (second != NULL)
    *second = 0;

  if (length < 3 || value[length - 1] != ']')
    return g_strdup (value);
  /* The last "[" that is not escaped ("\\[" is an escaped backslash, then
   * a real bracket). */
  open = NULL;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        open = p;
    }
  if (open == NULL)
    return g_strdup (value);

  {
    char *end = NULL;
    guint64 a = g_ascii_strtoull (open + 1, &end, 10);

    if (end == open + 1)
      return g_strdup (value);
    if (*end == '_' && second != NULL)
      {
        char *end2 = NULL;
        guint64 b = g_ascii_strtoull (end + 1, &end2, 10);

        if (*end2 != ']')
          return g_strdup (value);
        *second = (guint) b;
      }
    else if (*end != ']')
      return g_strdup (value);
    *first = (guint) a;
  }

  return g_strndup (value, open - value);
}

/* ---------------------------------------------------------------------------
 * Reading
 */

typedef enum {
  LAYER_SPAN,
  LAYER_CHAIN,
  LAYER_RELATION,
} LayerKind;

typedef struct {
  LayerKind  kind;
  char      *name;
  char      *short_name;
  char     **features;
  guint      n_columns;
  guint      first_column;
  guint      line;
  gboolean   reported;
} Layer;

typedef struct {
  char    *key;
  gsize    begin;
  gsize    end;
  char    *label;
  GString *note;
  guint    line;
} TsvSpan;

typedef struct {
  char  *type;
  char  *source_token;
  guint  source_n;
  char  *target_token;
  guint  target_n;
  guint  layer;          /* index of the span layer of BT_ */
  guint  line;
} PendingRelation;

typedef struct {
  GPtrArray  *lines;     /* char *: the #Text lines, unescaped */
  gssize      begin;     /* UTF-16 offset of the first token, -1 before it */
} Sentence;

typedef struct {
  PeithoImportSet *set;
  GPtrArray       *layers;       /* Layer */
  GHashTable      *spans;        /* key -> TsvSpan */
  GPtrArray       *span_order;   /* TsvSpan, as first met */
  GHashTable      *on_token;     /* "layer\ttoken" -> GPtrArray of keys, stack order */
  GArray          *pending;      /* PendingRelation */
  GPtrArray       *sentences;    /* Sentence */
  gsize            max_end;
} TsvReader;

static void
layer_free (gpointer data)
{
  Layer *layer = data;

  g_free (layer->name);
  g_free (layer->short_name);
  g_strfreev (layer->features);
  g_free (layer);
}

static void
tsv_span_free (gpointer data)
{
  TsvSpan *span = data;

  g_free (span->key);
  g_free (span->label);
  if (span->note != NULL)
    g_string_free (span->note, TRUE);
  g_free (span);
}

static void
pending_clear (gpointer data)
{
  PendingRelation *relation = data;

  g_free (relation->type);
  g_free (relation->source_token);
  g_free (relation->target_token);
}

static void
sentence_free (gpointer data)
{
  Sentence *sentence = data;

  g_ptr_array_unref (sentence->lines);
  g_free (sentence);
}

static void
read_header (TsvReader  *self,
             const char *line,
             guint       number)
{
  Layer *layer = g_new0 (Layer, 1);
  g_auto(GStrv) items = NULL;
  const char *dot;

  layer->kind = g_str_has_prefix (line, "#T_SP=") ? LAYER_SPAN
                : g_str_has_prefix (line, "#T_CH=") ? LAYER_CHAIN : LAYER_RELATION;
  items = g_strsplit (line + strlen ("#T_SP="), "|", -1);
  layer->name = g_strdup (items[0]);
  dot = strrchr (layer->name, '.');
  layer->short_name = g_strdup (dot != NULL ? dot + 1 : layer->name);
  layer->features = g_strdupv (items + 1);
  layer->n_columns = MAX (1, g_strv_length (layer->features));
  layer->line = number;
  if (self->layers->len > 0)
    {
      Layer *last = g_ptr_array_index (self->layers, self->layers->len - 1);

      layer->first_column = last->first_column + last->n_columns;
    }
  else
    layer->first_column = 3;
  g_ptr_array_add (self->layers, layer);
}

static GPtrArray *
token_keys (TsvReader  *self,
            guint       layer,
            const char *token,
            gboolean    create)
{
  g_autofree char *key = g_strdup_printf ("%u\t%s", layer, token);
  GPtrArray *keys = g_hash_table_lookup (self->on_token, key);

  if (keys == NULL && create)
    {
      keys = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->on_token, g_steal_pointer (&key), keys);
    }

  return keys;
}

static gboolean
is_note_feature (const char *feature)
{
  return g_ascii_strcasecmp (feature, "note") == 0 || g_ascii_strcasecmp (feature, "comment") == 0;
}

/* A slot feature takes two columns: ROLE_... (the roles) and the target
 * layer (the linked annotations). */
static gboolean
is_slot_column (Layer *layer,
                guint  column)
{
  guint n = g_strv_length (layer->features);

  if (column >= n)
    return FALSE;

  return g_str_has_prefix (layer->features[column], "ROLE_")
         || (column > 0 && g_str_has_prefix (layer->features[column - 1], "ROLE_"));
}

static void
read_span_layer (TsvReader   *self,
                 guint        index,
                 Layer       *layer,
                 char       **fields,
                 guint        n_fields,
                 const char  *token,
                 gsize        begin,
                 gsize        end,
                 guint        number)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_stacked = 0;

  for (guint c = 0; c < layer->n_columns; c++)
    {
      const char *field = layer->first_column + c < n_fields ? fields[layer->first_column + c] : "_";
      GPtrArray *values = g_str_equal (field, "_") || *field == '\0'
                          ? g_ptr_array_new_with_free_func (g_free) : split_values (field);
      const char *feature = c < g_strv_length (layer->features) ? layer->features[c] : "";

      if (is_slot_column (layer, c))
        {
          if (values->len > 0 && !layer->reported)
            {
              layer->reported = TRUE;
              peitho_import_set_lose (self->set, number,
                                      /* Translators: %s is a feature, %s a layer of INCEpTION */
                                      _("column %u, slot feature %s of layer %s: links between "
                                        "annotations of a slot are not representable"),
                                      layer->first_column + c + 1, feature, layer->name);
            }
        }
      n_stacked = MAX (n_stacked, values->len);
      g_ptr_array_add (columns, values);
    }

  for (guint i = 0; i < n_stacked; i++)
    {
      g_autofree char *key = NULL;
      TsvSpan *span;
      guint n = 0;

      for (guint c = 0; c < columns->len && n == 0; c++)
        {
          GPtrArray *values = g_ptr_array_index (columns, c);

          if (i < values->len)
            g_free (strip_suffix (g_ptr_array_index (values, i), &n, NULL));
        }

      key = n > 0 ? g_strdup_printf ("%s[%u]", layer->name, n)
                  : g_strdup_printf ("%s@%s#%u", layer->name, token, i);
      g_ptr_array_add (token_keys (self, index, token, TRUE), g_strdup (key));

      span = g_hash_table_lookup (self->spans, key);
      if (span != NULL)
        {
          span->begin = MIN (span->begin, begin);
          span->end = MAX (span->end, end);
          continue;
        }

      span = g_new0 (TsvSpan, 1);
      span->key = g_strdup (key);
      span->begin = begin;
      span->end = end;
      span->line = number;
      for (guint c = 0; c < columns->len; c++)
        {
          GPtrArray *values = g_ptr_array_index (columns, c);
          const char *feature = c < g_strv_length (layer->features) ? layer->features[c] : "";
          g_autofree char *raw = NULL;
          g_autofree char *value = NULL;
          guint ignored;

          if (i >= values->len || is_slot_column (layer, c))
            continue;
          raw = strip_suffix (g_ptr_array_index (values, i), &ignored, NULL);
          if (g_str_equal (raw, "*") || *raw == '\0')
            continue;
          value = unescape (raw, strlen (raw));

          if (is_note_feature (feature))
            {
              if (span->note == NULL)
                span->note = g_string_new (NULL);
              else
                g_string_append_c (span->note, '\n');
              g_string_append (span->note, value);
            }
          else if (span->label == NULL)
            span->label = g_steal_pointer (&value);
          else
            {
              if (span->note == NULL)
                span->note = g_string_new (NULL);
              else
                g_string_append_c (span->note, '\n');
              g_string_append_printf (span->note, "%s: %s", feature, value);
            }
        }
      if (span->label == NULL)
        span->label = g_strdup (layer->short_name);
      g_hash_table_insert (self->spans, span->key, span);
      g_ptr_array_add (self->span_order, span);
    }
}

static guint
find_span_layer (TsvReader  *self,
                 const char *name)
{
  for (guint i = 0; i < self->layers->len; i++)
    {
      Layer *layer = g_ptr_array_index (self->layers, i);

      if (layer->kind == LAYER_SPAN && g_str_equal (layer->name, name))
        return i;
    }

  return G_MAXUINT;
}

static void
read_relation_layer (TsvReader  *self,
                     Layer      *layer,
                     char      **fields,
                     guint       n_fields,
                     const char *token,
                     guint       number)
{
  guint bt_column = layer->first_column + layer->n_columns - 1;
  const char *bt_field = bt_column < n_fields ? fields[bt_column] : "_";
  const char *type_field = layer->first_column < n_fields ? fields[layer->first_column] : "_";
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) types = NULL;
  const char *bt_layer;
  guint span_layer;

  if (g_str_equal (bt_field, "_") || *bt_field == '\0')
    return;

  bt_layer = layer->features[0] != NULL
             ? layer->features[g_strv_length (layer->features) - 1] : "";
  if (g_str_has_prefix (bt_layer, "BT_"))
    bt_layer += 3;
  span_layer = find_span_layer (self, bt_layer);
  if (span_layer == G_MAXUINT)
    {
      if (!layer->reported)
        {
          layer->reported = TRUE;
          peitho_import_set_lose (self->set, number,
                                  _("column %u, relation layer %s: it links annotations of %s, "
                                    "which the file does not declare"),
                                  bt_column + 1, layer->name, bt_layer);
        }
      return;
    }

  sources = split_values (bt_field);
  types = layer->n_columns > 1 && !g_str_equal (type_field, "_") ? split_values (type_field) : NULL;
  for (guint i = 0; i < sources->len; i++)
    {
      PendingRelation pending = { 0 };
      g_autofree char *type = NULL;

      pending.source_token = strip_suffix (g_ptr_array_index (sources, i), &pending.source_n,
                                           &pending.target_n);
      if (types != NULL && i < types->len)
        {
          guint ignored;
          g_autofree char *raw = strip_suffix (g_ptr_array_index (types, i), &ignored, NULL);

          if (!g_str_equal (raw, "*") && *raw != '\0')
            type = unescape (raw, strlen (raw));
        }
      pending.type = type != NULL ? g_steal_pointer (&type) : g_strdup (layer->short_name);
      pending.target_token = g_strdup (token);
      pending.layer = span_layer;
      pending.line = number;
      g_array_append_val (self->pending, pending);
    }

  if (layer->n_columns > 2 && !layer->reported)
    for (guint c = 1; c + 1 < layer->n_columns; c++)
      {
        const char *field = layer->first_column + c < n_fields ? fields[layer->first_column + c] : "_";

        if (!g_str_equal (field, "_") && !g_str_equal (field, "*") && !layer->reported)
          {
            layer->reported = TRUE;
            peitho_import_set_lose (self->set, number,
                                    _("column %u, feature %s of relation layer %s: relations "
                                      "have a type only"),
                                    layer->first_column + c + 1, layer->features[c], layer->name);
          }
      }
}

static gboolean
parse_offsets (const char *field,
               gsize      *begin,
               gsize      *end)
{
  char *dash = NULL;
  char *rest = NULL;

  if (!g_ascii_isdigit (*field))
    return FALSE;
  *begin = g_ascii_strtoull (field, &dash, 10);
  if (*dash != '-' || !g_ascii_isdigit (dash[1]))
    return FALSE;
  *end = g_ascii_strtoull (dash + 1, &rest, 10);

  return *rest == '\0' && *begin <= *end && *end < G_MAXINT;
}

static const char *
span_for (TsvReader  *self,
          guint       layer,
          const char *token,
          guint       n)
{
  GPtrArray *keys = token_keys (self, layer, token, FALSE);
  Layer *l = g_ptr_array_index (self->layers, layer);

  if (n > 0)
    {
      g_autofree char *key = g_strdup_printf ("%s[%u]", l->name, n);
      TsvSpan *span = g_hash_table_lookup (self->spans, key);

      return span != NULL ? span->key : NULL;
    }

  return keys != NULL && keys->len > 0 ? g_ptr_array_index (keys, 0) : NULL;
}

/* The text: each sentence's #Text lines at its first token's offset, in
 * UTF-16 units; the gaps (whitespace INCEpTION does not write) as spaces. */
static gboolean
build_text (TsvReader  *self,
            gsize     **utf16_to_cp,
            GError    **error)
{
  g_autofree gunichar2 *units = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize n = self->max_end;
  GArray *map;
  gsize cp = 0;

  for (guint i = 0; i < self->sentences->len; i++)
    {
      Sentence *sentence = g_ptr_array_index (self->sentences, i);
      g_autofree char *joined = NULL;
      glong n16 = 0;
      g_autofree gunichar2 *s16 = NULL;

      if (sentence->begin < 0)
        continue;
      g_ptr_array_add (sentence->lines, NULL);
      joined = g_strjoinv ("\n", (char **) sentence->lines->pdata);
      g_ptr_array_remove_index (sentence->lines, sentence->lines->len - 1);
      s16 = g_utf8_to_utf16 (joined, -1, NULL, &n16, NULL);
      n = MAX (n, (gsize) sentence->begin + n16);
    }

  units = g_new (gunichar2, n + 1);
  for (gsize i = 0; i < n; i++)
    units[i] = ' ';
  units[n] = 0;

  for (guint i = 0; i < self->sentences->len; i++)
    {
      Sentence *sentence = g_ptr_array_index (self->sentences, i);
      g_autofree char *joined = NULL;
      g_autofree gunichar2 *s16 = NULL;
      glong n16 = 0;

      if (sentence->begin < 0)
        continue;
      g_ptr_array_add (sentence->lines, NULL);
      joined = g_strjoinv ("\n", (char **) sentence->lines->pdata);
      g_ptr_array_remove_index (sentence->lines, sentence->lines->len - 1);
      s16 = g_utf8_to_utf16 (joined, -1, NULL, &n16, NULL);
      if (s16 != NULL)
        memcpy (units + sentence->begin, s16, n16 * sizeof (gunichar2));
      if (sentence->begin > 0 && units[sentence->begin - 1] == ' ')
        units[sentence->begin - 1] = '\n';
    }

  text = g_utf16_to_utf8 (units, n, NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: the sentences’ offsets do not fit their text (%s)"),
                   self->set->display_name, local_error->message);
      return FALSE;
    }

  map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n + 1);
  for (gsize i = 0; i < n; i++)
    {
      g_array_append_val (map, cp);
      if (!(units[i] >= 0xD800 && units[i] < 0xDC00))
        cp++;
    }
  g_array_append_val (map, cp);

  self->set->text = g_steal_pointer (&text);
  *utf16_to_cp = (gsize *) g_array_free (map, FALSE);

  return TRUE;
}

PeithoImportSet *
peitho_webanno_tsv_read (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(GPtrArray) layers = NULL;
  g_autoptr(GHashTable) spans = NULL;
  g_autoptr(GPtrArray) span_order = NULL;
  g_autoptr(GHashTable) on_token = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree gsize *to_cp = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  Sentence *sentence = NULL;
  const char *invalid;
  TsvReader self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: invalid UTF-8 at byte %lu"), display_name, (gulong) (invalid - data));
      return NULL;
    }

  copy = g_strndup (data, length);
  if (!g_str_has_prefix (copy, "#FORMAT=WebAnno TSV 3"))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s:1: not WebAnno TSV 3 (the first line is not “#FORMAT=WebAnno TSV 3.x”)"),
                   display_name);
      return NULL;
    }

  set = peitho_import_set_new (display_name, PEITHO_INTERCHANGE_WEBANNO_TSV);
  layers = g_ptr_array_new_with_free_func (layer_free);
  spans = g_hash_table_new (g_str_hash, g_str_equal);
  span_order = g_ptr_array_new_with_free_func (tsv_span_free);
  on_token = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  pending = g_array_new (FALSE, TRUE, sizeof (PendingRelation));
  g_array_set_clear_func (pending, pending_clear);
  sentences = g_ptr_array_new_with_free_func (sentence_free);
  self = (TsvReader) { set, layers, spans, span_order, on_token, pending, sentences, 0 };

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize line_length = strlen (line);
      g_auto(GStrv) fields = NULL;
      guint n_fields;
      gsize begin;
      gsize end;

      if (line_length > 0 && line[line_length - 1] == '\r')
        line[--line_length] = '\0';

      if (g_str_has_prefix (line, "#T_SP=") || g_str_has_prefix (line, "#T_CH=")
          || g_str_has_prefix (line, "#T_RL="))
        {
          read_header (&self, line, i + 1);
          continue;
        }
      if (g_str_has_prefix (line, "#Text="))
        {
          if (sentence == NULL || sentence->begin >= 0)
            {
              sentence = g_new0 (Sentence, 1);
              sentence->lines = g_ptr_array_new_with_free_func (g_free);
              sentence->begin = -1;
              g_ptr_array_add (sentences, sentence);
            }
          g_ptr_array_add (sentence->lines, unescape (line + 6, line_length - 6));
          continue;
        }
      if (line_length == 0 || line[0] == '#')
        continue;

      fields = g_strsplit (line, "\t", -1);
      n_fields = g_strv_length (fields);
      if (n_fields < 3 || !parse_offsets (fields[1], &begin, &end))
        {
          peitho_import_set_lose (set, i + 1, _("not a token line: “%.40s”"), line);
          continue;
        }
      if (sentence != NULL && sentence->begin < 0)
        sentence->begin = begin;
      self.max_end = MAX (self.max_end, end);

      for (guint l = 0; l < layers->len; l++)
        {
          Layer *layer = g_ptr_array_index (layers, l);

          if (layer->kind == LAYER_SPAN)
            read_span_layer (&self, l, layer, fields, n_fields, fields[0], begin, end, i + 1);
          else if (layer->kind == LAYER_RELATION)
            read_relation_layer (&self, layer, fields, n_fields, fields[0], i + 1);
          else if (!layer->reported)
            for (guint c = 0; c < layer->n_columns; c++)
              {
                guint column = layer->first_column + c;

                if (column < n_fields && !g_str_equal (fields[column], "_")
                    && *fields[column] != '\0' && !layer->reported)
                  {
                    layer->reported = TRUE;
                    peitho_import_set_lose (set, i + 1,
                                            /* Translators: %u a column, %s a layer */
                                            _("column %u, chain layer %s (coreference chains) is "
                                              "not representable"),
                                            column + 1, layer->name);
                  }
              }
        }
    }

  if (!build_text (&self, &to_cp, error))
    return NULL;

  for (guint i = 0; i < span_order->len; i++)
    {
      TsvSpan *span = g_ptr_array_index (span_order, i);
      PeithoImportSpan *added;

      if (span->begin >= span->end)
        {
          peitho_import_set_lose (set, span->line,
                                  _("zero-width annotation %s (%s) is not representable"),
                                  span->key, span->label);
          continue;
        }
      added = peitho_import_set_add_span (set, span->key, to_cp[span->begin], to_cp[span->end],
                                          span->label, span->line);
      if (span->note != NULL)
        added->note = g_strdup (span->note->str);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingRelation *relation = &g_array_index (pending, PendingRelation, i);
      const char *from = span_for (&self, relation->layer, relation->source_token,
                                   relation->source_n);
      const char *to = span_for (&self, relation->layer, relation->target_token,
                                 relation->target_n);

      if (from == NULL || to == NULL)
        {
          peitho_import_set_lose (set, relation->line,
                                  _("relation %s from token %s: no annotation to link there"),
                                  relation->type, relation->source_token);
          continue;
        }
      peitho_import_set_add_relation (set, NULL, relation->type, from, to, relation->line);
    }

  return g_steal_pointer (&set);
}

/* ---------------------------------------------------------------------------
 * Writing
 */

typedef struct {
  guint sentence;
  guint number;
  gsize start;           /* code points */
  gsize end;
} Token;

GBytes *
peitho_webanno_tsv_write (PeithoDocument *document,
                          const char     *annotator_id,
                          GPtrArray      *losses)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) numbers = NULL;        /* annotation -> N */
  g_autoptr(GHashTable) first_tokens = NULL;   /* annotation -> "s-t" */
  g_autoptr(GHashTable) incoming = NULL;       /* annotation id -> GPtrArray of PeithoRelation */
  g_autoptr(GPtrArray) active = NULL;
  g_autofree gsize *cp16 = NULL;
  g_autofree guint8 *edge_space = NULL;
  const char *text = peitho_document_get_text (document);
  GListModel *model;
  GListModel *relations;
  GString *out;
  gsize length;
  guint next;
  guint n;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  length = peitho_document_get_length (document);
  model = peitho_document_get_annotations (document);
  n = g_list_model_get_n_items (model);
  annotations = g_ptr_array_new_with_free_func (g_object_unref);
  numbers = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      PeithoAnnotation *annotation = g_list_model_get_item (model, i);

      if (annotator_id != NULL
          && g_strcmp0 (peitho_annotation_get_annotator_id (annotation), annotator_id) != 0)
        {
          g_object_unref (annotation);
          continue;
        }
      g_ptr_array_add (annotations, annotation);
      g_hash_table_insert (numbers, annotation, GUINT_TO_POINTER (annotations->len));
    }

  /* UTF-16 offset of every character; and which whitespace stands at an
   * annotation's edge (it must be a token for the offsets to come back). */
  {
    gsize cp = 0;
    gsize u = 0;

    cp16 = g_new (gsize, length + 1);
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        cp16[cp++] = u;
        u += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      }
    cp16[cp] = u;
  }
  edge_space = g_new0 (guint8, length + 1);
  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      gsize start = peitho_annotation_get_start (annotation);
      gsize end = peitho_annotation_get_end (annotation);
      const char *p = peitho_document_offset_to_pointer (document, start);
      gsize c = start;

      while (c < end && g_unichar_isspace (g_utf8_get_char (p)))
        {
          edge_space[c++] = 1;
          p = g_utf8_next_char (p);
        }
      for (gsize e = end; e > c; e--)
        {
          const char *q = peitho_document_offset_to_pointer (document, e - 1);

          if (!g_unichar_isspace (g_utf8_get_char (q)))
            break;
          edge_space[e - 1] = 1;
        }
    }

  /* Tokens: runs of non-space (or of edge whitespace) cut at every
   * annotation edge. */
  {
    g_autoptr(GHashTable) edges = g_hash_table_new (NULL, NULL);
    guint n_paragraphs = peitho_document_get_n_paragraphs (document);
    guint sentence = 0;

    for (guint i = 0; i < annotations->len; i++)
      {
        PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);

        g_hash_table_add (edges, GSIZE_TO_POINTER (peitho_annotation_get_start (annotation)));
        g_hash_table_add (edges, GSIZE_TO_POINTER (peitho_annotation_get_end (annotation)));
      }

    tokens = g_array_new (FALSE, FALSE, sizeof (Token));
    for (guint p = 0; p < n_paragraphs; p++)
      {
        gsize start;
        gsize plength;
        const char *q;
        guint number = 0;
        Token token = { 0 };
        gboolean in_token = FALSE;

        peitho_document_get_paragraph (document, p, &start, &plength, NULL);
        q = peitho_document_offset_to_pointer (document, start);
        for (gsize c = start; c <= start + plength; c++)
          {
            gboolean space = c < start + plength && g_unichar_isspace (g_utf8_get_char (q));
            gboolean part = c < start + plength && (!space || edge_space[c]);
            gboolean cut = in_token && (!part || g_hash_table_contains (edges, GSIZE_TO_POINTER (c))
                                        || (guint) space != token.number);

            if (cut)
              {
                token.end = c;
                token.number = ++number;
                token.sentence = sentence + 1;
                g_array_append_val (tokens, token);
                in_token = FALSE;
              }
            if (part && !in_token)
              {
                token.start = c;
                /* number holds "is whitespace" until the token is done */
                token.number = space;
                in_token = TRUE;
              }
            if (c < start + plength)
              q = g_utf8_next_char (q);
          }
        if (number > 0)
          sentence++;
      }
  }

  /* First token of each annotation, for the relation columns. */
  first_tokens = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  active = g_ptr_array_new ();
  next = 0;
  for (guint t = 0; t < tokens->len; t++)
    {
      Token *token = &g_array_index (tokens, Token, t);

      while (next < annotations->len
             && peitho_annotation_get_start (g_ptr_array_index (annotations, next)) <= token->start)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (annotations, next++);

          if (!g_hash_table_contains (first_tokens, annotation)
              && peitho_annotation_get_end (annotation) > token->start)
            g_hash_table_insert (first_tokens, annotation,
                                 g_strdup_printf ("%u-%u", token->sentence, token->number));
        }
    }

  incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);
  relations = peitho_document_get_relations (document);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      PeithoAnnotation *from = peitho_document_lookup_annotation (document,
                                                                  peitho_relation_get_from_id (relation));
      PeithoAnnotation *to = peitho_document_lookup_annotation (document,
                                                                peitho_relation_get_to_id (relation));
      GPtrArray *list;

      if (from == NULL || to == NULL)
        continue;
      if (!g_hash_table_contains (first_tokens, from) || !g_hash_table_contains (first_tokens, to))
        {
          if (losses != NULL && (g_hash_table_contains (first_tokens, from)
                                 || g_hash_table_contains (first_tokens, to)))
            g_ptr_array_add (losses,
                             g_strdup_printf (_("relation %s links annotations of two annotators "
                                                "and is in neither one’s file"),
                                              peitho_relation_get_id (relation)));
          continue;
        }
      list = g_hash_table_lookup (incoming, peitho_annotation_get_id (to));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (incoming, (gpointer) peitho_annotation_get_id (to), list);
        }
      g_ptr_array_add (list, g_object_ref (relation));
    }

  out = g_string_new ("#FORMAT=WebAnno TSV 3.3\n"
                      "#T_SP=" SPAN_LAYER "|Tag|Note\n"
                      "#T_RL=" RELATION_LAYER "|Type|BT_" SPAN_LAYER "\n\n");

  next = 0;
  for (guint t = 0; t < tokens->len; t++)
    {
      Token *token = &g_array_index (tokens, Token, t);
      g_autoptr(GString) tags = g_string_new (NULL);
      g_autoptr(GString) notes = g_string_new (NULL);
      g_autoptr(GString) types = g_string_new (NULL);
      g_autoptr(GString) sources = g_string_new (NULL);
      const char *p;

      if (token->number == 1)
        {
          const char *begin;
          const char *end;
          const char *line;

          begin = peitho_document_offset_to_pointer (document, token->start);
          {
            /* The sentence runs from its first token to its paragraph's end,
             * trailing whitespace left out. */
            gsize last = token->start;

            for (guint u = t; u < tokens->len
                 && g_array_index (tokens, Token, u).sentence == token->sentence; u++)
              last = g_array_index (tokens, Token, u).end;
            end = peitho_document_offset_to_pointer (document, last);
          }
          g_string_append_c (out, '\n');
          line = begin;
          for (const char *q = begin; ; q++)
            {
              if (q == end || *q == '\n')
                {
                  g_string_append (out, "#Text=");
                  append_escaped_text (out, line, q - line, FALSE);
                  g_string_append_c (out, '\n');
                  if (q == end)
                    break;
                  line = q + 1;
                }
            }
        }

      /* Annotations over this token, in document order. */
      for (guint i = 0; i < active->len; )
        {
          if (peitho_annotation_get_end (g_ptr_array_index (active, i)) <= token->start)
            g_ptr_array_remove_index (active, i);
          else
            i++;
        }
      while (next < annotations->len
             && peitho_annotation_get_start (g_ptr_array_index (annotations, next)) < token->end)
        g_ptr_array_add (active, g_ptr_array_index (annotations, next++));

      for (guint i = 0; i < active->len; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (active, i);
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, annotation));
          const char *note = peitho_annotation_get_note (annotation);
          GPtrArray *list;

          if (peitho_annotation_get_end (annotation) <= token->start)
            continue;
          if (tags->len > 0)
            {
              g_string_append_c (tags, '|');
              g_string_append_c (notes, '|');
            }
          append_escaped_value (tags, peitho_annotation_get_tag_id (annotation));
          g_string_append_printf (tags, "[%u]", number);
          if (note != NULL && *note != '\0')
            append_escaped_value (notes, note);
          else
            g_string_append_c (notes, '*');
          g_string_append_printf (notes, "[%u]", number);

          /* Relations go on the first token of their target. */
          list = g_hash_table_lookup (incoming, peitho_annotation_get_id (annotation));
          if (list == NULL || peitho_annotation_get_start (annotation) != token->start)
            continue;
          for (guint r = 0; r < list->len; r++)
            {
              PeithoRelation *relation = g_ptr_array_index (list, r);
              PeithoAnnotation *from = peitho_document_lookup_annotation (document,
                                                                          peitho_relation_get_from_id (relation));

              if (types->len > 0)
                {
                  g_string_append_c (types, '|');
                  g_string_append_c (sources, '|');
                }
              append_escaped_value (types, peitho_relation_get_relation_type (relation));
              g_string_append_printf (sources, "%s[%u_%u]",
                                      (const char *) g_hash_table_lookup (first_tokens, from),
                                      GPOINTER_TO_UINT (g_hash_table_lookup (numbers, from)),
                                      number);
            }
        }

      p = peitho_document_offset_to_pointer (document, token->start);
      g_string_append_printf (out, "%u-%u\t%lu-%lu\t", token->sentence, token->number,
                              (gulong) cp16[token->start], (gulong) cp16[token->end]);
      append_escaped_text (out, p, peitho_document_offset_to_pointer (document, token->end) - p,
                           TRUE);
      g_string_append_printf (out, "\t%s\t%s\t%s\t%s\t\n",
                              tags->len > 0 ? tags->str : "_",
                              notes->len > 0 ? notes->str : "_",
                              types->len > 0 ? types->str : "_",
                              sources->len > 0 ? sources->str : "_");
    }

  return g_string_free_to_bytes (out);
}
