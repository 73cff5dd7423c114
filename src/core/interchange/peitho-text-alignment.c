/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-text-alignment.h"

struct _PeithoTextAlignment {
  gboolean  identity;
  gsize     source_length;   /* code points (or UTF-16 units, direct) */
  /* Not identity: where a range that starts (ends) at each source offset
   * 0..source_length starts (ends) in the document. Whitespace runs are
   * matched from their left edge, so runs of the same length map exactly. */
  gsize    *starts;
  gsize    *ends;
  /* Direct UTF-16: code point of each UTF-16 offset. */
  gsize    *utf16_map;
};

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* "…context…" around @p for messages: at most 20 characters, line breaks
 * shown as spaces. */
static char *
context_at (const char *p)
{
  g_autofree char *copy = NULL;
  const char *end = p;

  for (guint i = 0; i < 20 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  copy = g_strndup (p, end - p);
  g_strdelimit (copy, "\r\n\t", ' ');

  return g_steal_pointer (&copy);
}

static guint
line_of (const char *text,
         const char *p)
{
  guint line = 1;

  for (const char *q = text; q < p; q++)
    if (*q == '\n')
      line++;

  return line;
}

PeithoTextAlignment *
peitho_text_alignment_new (const char  *source_text,
                           const char  *document_text,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(PeithoTextAlignment) self = NULL;
  const char *s;
  const char *d;
  gsize si = 0;
  gsize di = 0;

  g_return_val_if_fail (source_text != NULL, NULL);
  g_return_val_if_fail (document_text != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (PeithoTextAlignment, 1);
  self->source_length = g_utf8_strlen (source_text, -1);

  if (strcmp (source_text, document_text) == 0)
    {
      self->identity = TRUE;
      return g_steal_pointer (&self);
    }

  self->starts = g_new (gsize, self->source_length + 1);
  self->ends = g_new (gsize, self->source_length + 1);
  self->ends[0] = 0;
  s = source_text;
  d = document_text;

  for (;;)
    {
      gsize run_start = di;
      gsize run_length = 0;
      gsize j = 0;
      gunichar sc;
      gunichar dc;

      while (*d != '\0' && is_space (g_utf8_get_char (d)))
        {
          run_length++;
          d = g_utf8_next_char (d);
        }
      di += run_length;
      while (*s != '\0' && is_space (g_utf8_get_char (s)))
        {
          self->starts[si] = run_start + MIN (j, run_length);
          self->ends[si + 1] = run_start + MIN (j + 1, run_length);
          si++;
          j++;
          s = g_utf8_next_char (s);
        }

      if (*s == '\0' && *d == '\0')
        break;

      sc = g_utf8_get_char (s);
      dc = g_utf8_get_char (d);
      if (*s == '\0' || *d == '\0' || sc != dc)
        {
          g_autofree char *source_context = context_at (s);
          g_autofree char *document_context = context_at (d);

          if (*s == '\0')
            g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                         /* Translators: %s:%u is a file and line, %lu a character offset */
                         _("%s:%u: the text ends where the document’s goes on at character %lu "
                           "(“%s”): annotations made on another text cannot be imported"),
                         display_name, line_of (source_text, s), (gulong) di, document_context);
          else
            g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                         /* Translators: %s:%u is a file and line, %lu a character offset;
                          * then what the file and what the document have there */
                         _("%s:%u: the text differs from the document’s at character %lu: "
                           "“%s” here, “%s” in the document; annotations made on another "
                           "text cannot be imported"),
                         display_name, line_of (source_text, s), (gulong) di,
                         source_context, document_context);
          return NULL;
        }

      self->starts[si] = di;
      self->ends[si + 1] = di + 1;
      si++;
      di++;
      s = g_utf8_next_char (s);
      d = g_utf8_next_char (d);
    }

  self->starts[si] = di;

  return g_steal_pointer (&self);
}

gsize *
peitho_utf16_to_code_points (const char *text,
                             gsize      *n_utf16)
{
  GArray *map;
  gsize cp = 0;

  g_return_val_if_fail (text != NULL, NULL);

  map = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), cp++)
    {
      g_array_append_val (map, cp);
      if (g_utf8_get_char (p) > 0xFFFF)
        g_array_append_val (map, cp);
    }
  g_array_append_val (map, cp);

  if (n_utf16 != NULL)
    *n_utf16 = map->len - 1;

  return (gsize *) g_array_free (map, FALSE);
}

PeithoTextAlignment *
peitho_text_alignment_new_direct (const char  *document_text,
                                  gsize        source_length,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(PeithoTextAlignment) self = NULL;
  g_autofree gsize *utf16_map = NULL;
  gsize length;
  gsize n_utf16;

  g_return_val_if_fail (document_text != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (PeithoTextAlignment, 1);
  length = g_utf8_strlen (document_text, -1);
  utf16_map = peitho_utf16_to_code_points (document_text, &n_utf16);

  if (source_length == 0 || source_length == length)
    {
      self->identity = TRUE;
      self->source_length = length;
    }
  else if (source_length == n_utf16)
    {
      self->source_length = n_utf16;
      self->utf16_map = g_steal_pointer (&utf16_map);
    }
  else
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: the annotations were made on a text of %lu characters, the document "
                     "has %lu: annotations made on another text cannot be imported"),
                   display_name, (gulong) source_length, (gulong) length);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
peitho_text_alignment_free (PeithoTextAlignment *self)
{
  if (self == NULL)
    return;

  g_free (self->starts);
  g_free (self->ends);
  g_free (self->utf16_map);
  g_free (self);
}

gboolean
peitho_text_alignment_is_identity (PeithoTextAlignment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->identity;
}

gboolean
peitho_text_alignment_map (PeithoTextAlignment *self,
                           gsize                start,
                           gsize                end,
                           gsize               *doc_start,
                           gsize               *doc_end)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (doc_start != NULL && doc_end != NULL, FALSE);

  if (start >= end || end > self->source_length)
    return FALSE;

  if (self->identity)
    {
      *doc_start = start;
      *doc_end = end;
      return TRUE;
    }

  if (self->utf16_map != NULL)
    {
      *doc_start = self->utf16_map[start];
      *doc_end = self->utf16_map[end];
      /* An end inside a surrogate pair takes the whole character. */
      if (end > 0 && self->utf16_map[end] == self->utf16_map[end - 1])
        (*doc_end)++;
      return *doc_start < *doc_end;
    }

  *doc_start = self->starts[start];
  *doc_end = self->ends[end];

  return *doc_start < *doc_end;
}
