/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "peitho-document-private.h"
#include "peitho-error.h"

/* Characters between two checkpoints of the offset table: offset_to_pointer
 * walks at most this many characters after a binary search. */
#define CHECKPOINT_INTERVAL 1024

/* The text is the blocks, each after its separator ("\n\n" between
 * paragraphs, "\n" between the lines of one speech or stanza); offsets are
 * characters. It only grows, and only while there are no annotations, so the
 * block and checkpoint tables are sorted arrays that are never rebuilt. */

static gboolean
is_xml_char (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';

  return c != 0xFFFE && c != 0xFFFF;
}

static gboolean
is_word_char (gunichar c)
{
  /* ASCII first: the Unicode tables cost most of a 50 MB import. */
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_word_joiner (gunichar c)
{
  /* apostrophes and hyphens, which join "don't" and "well-known" */
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
append_block (PeithoDocument    *self,
              const char        *text,
              gssize             length,
              const char        *xml_id,
              gboolean           give_id,
              PeithoBlockBreak   block_break,
              GError           **error)
{
  guint separator = block_break == PEITHO_BLOCK_BREAK_LINE ? 1 : 2;
  g_autofree char *auto_id = NULL;
  Paragraph paragraph = { 0 };
  const char *end = NULL;
  const char *p;
  gsize n_bytes;
  gsize n_chars = 0;
  gsize n_words = 0;
  gsize first_offset;
  guint first_checkpoint;
  gboolean in_word = FALSE;
  gboolean after_joiner = FALSE;

  if (peitho_annotation_index_get_size (self->annotations) > 0)
    {
      g_set_error_literal (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                           _("The text cannot change once it has annotations"));
      return FALSE;
    }

  if (xml_id != NULL && !_peitho_document_check_new_id (self, xml_id, error))
    return FALSE;

  n_bytes = length < 0 ? strlen (text) : (gsize)length;
  first_offset = self->paragraphs->len == 0 ? 0 : self->length + separator;

  if (!g_utf8_validate_len (text, n_bytes, &end))
    {
      gsize offset = g_utf8_strlen (text, end - text);

      if (*end == '\0')
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                     /* Translators: %u is a paragraph number (from 1), U+%04X a Unicode
                      * code point, %lu an offset in characters from the start of the text */
                     _("Paragraph %u holds the character U+%04X, which XML cannot carry, "
                       "at offset %lu of the text"),
                     self->paragraphs->len + 1, 0u, (gulong)(first_offset + offset));
      else
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                     /* Translators: %u is a paragraph number (from 1), 0x%02X the value of
                      * a byte, %lu an offset in characters from the start of the text */
                     _("Paragraph %u is not valid UTF-8: byte 0x%02X "
                       "at offset %lu of the text"),
                     self->paragraphs->len + 1, (guchar)*end, (gulong)(first_offset + offset));
      return FALSE;
    }

  /* One pass checks the characters, counts words and places checkpoints;
   * nothing is kept until the whole paragraph is known to be good. */
  first_checkpoint = self->checkpoints->len;

  for (p = text; p < text + n_bytes; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);

      if (!is_xml_char (c))
        {
          g_array_set_size (self->checkpoints, first_checkpoint);
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                       /* Translators: %u is a paragraph number (from 1), U+%04X a Unicode
                        * code point, %lu an offset in characters from the start of the text */
                       _("Paragraph %u holds the character U+%04X, which XML cannot carry, "
                         "at offset %lu of the text"),
                       self->paragraphs->len + 1, c, (gulong)(first_offset + n_chars));
          return FALSE;
        }

      if (n_chars % CHECKPOINT_INTERVAL == 0)
        {
          Checkpoint checkpoint = {
            .offset = first_offset + n_chars,
            .byte_offset = self->text->len + (self->paragraphs->len > 0 ? separator : 0) + (p - text),
          };

          g_array_append_val (self->checkpoints, checkpoint);
        }

      if (is_word_char (c))
        {
          if (!in_word)
            n_words++;
          in_word = TRUE;
          after_joiner = FALSE;
        }
      else if (in_word && !after_joiner && is_word_joiner (c))
        after_joiner = TRUE;
      else
        in_word = after_joiner = FALSE;
    }

  if (xml_id == NULL && give_id)
    {
      for (guint n = self->paragraphs->len + 1; ; n++)
        {
          g_free (auto_id);
          auto_id = g_strdup_printf ("p%u", n);
          if (!_peitho_document_id_in_use (self, auto_id))
            break;
        }
      xml_id = auto_id;
    }

  if (self->paragraphs->len > 0)
    {
      g_string_append_len (self->text, "\n\n", separator);
      self->length += separator;
    }
  else
    separator = 0;

  paragraph.start = self->length;
  paragraph.separator = separator;
  paragraph.length = n_chars;
  paragraph.byte_start = self->text->len;
  paragraph.xml_id = g_strdup (xml_id);
  g_array_append_val (self->paragraphs, paragraph);
  if (xml_id != NULL)
    g_hash_table_add (self->ids, g_strdup (xml_id));

  g_string_append_len (self->text, text, n_bytes);
  self->length += n_chars;
  self->n_words += n_words;

  _peitho_document_emit_changed (self);

  return TRUE;
}

gboolean
peitho_document_append_paragraph (PeithoDocument  *self,
                                  const char      *text,
                                  gssize           length,
                                  const char      *xml_id,
                                  GError         **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return append_block (self, text, length, xml_id, TRUE, PEITHO_BLOCK_BREAK_PARAGRAPH, error);
}

gboolean
peitho_document_append_block (PeithoDocument    *self,
                              const char        *text,
                              gssize             length,
                              PeithoBlockBreak   block_break,
                              GError           **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (block_break == PEITHO_BLOCK_BREAK_PARAGRAPH
                        || block_break == PEITHO_BLOCK_BREAK_LINE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return append_block (self, text, length, NULL, FALSE, block_break, error);
}

PeithoBlockBreak
peitho_document_get_block_break (PeithoDocument *self,
                                 guint           index)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), PEITHO_BLOCK_BREAK_PARAGRAPH);
  g_return_val_if_fail (index < self->paragraphs->len, PEITHO_BLOCK_BREAK_PARAGRAPH);

  return g_array_index (self->paragraphs, Paragraph, index).separator == 1
         ? PEITHO_BLOCK_BREAK_LINE : PEITHO_BLOCK_BREAK_PARAGRAPH;
}

const char *
peitho_document_get_text (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);

  return self->text->str;
}

gsize
peitho_document_get_length (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return self->length;
}

guint
peitho_document_get_n_paragraphs (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return self->paragraphs->len;
}

void
peitho_document_get_paragraph (PeithoDocument  *self,
                               guint            index,
                               gsize           *start,
                               gsize           *length,
                               const char     **xml_id)
{
  const Paragraph *paragraph;

  g_return_if_fail (PEITHO_IS_DOCUMENT (self));
  g_return_if_fail (index < self->paragraphs->len);

  paragraph = &g_array_index (self->paragraphs, Paragraph, index);

  if (start != NULL)
    *start = paragraph->start;
  if (length != NULL)
    *length = paragraph->length;
  if (xml_id != NULL)
    *xml_id = paragraph->xml_id;
}

static guint
paragraph_at (PeithoDocument *self,
              gsize           offset)
{
  guint low = 0;
  guint high = self->paragraphs->len;

  /* The last paragraph that starts at or before @offset. */
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->paragraphs, Paragraph, mid).start <= offset)
        low = mid;
      else
        high = mid;
    }

  return low;
}

guint
peitho_document_paragraph_at (PeithoDocument *self,
                              gsize           offset)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return paragraph_at (self, offset);
}

/* Whether the character at @offset belongs to a paragraph (and not to a
 * separator). */
static gboolean
in_paragraph (PeithoDocument *self,
              gsize           offset,
              const Paragraph **paragraph)
{
  *paragraph = &g_array_index (self->paragraphs, Paragraph, paragraph_at (self, offset));

  return offset >= (*paragraph)->start && offset < (*paragraph)->start + (*paragraph)->length;
}

const char *
peitho_document_offset_to_pointer (PeithoDocument *self,
                                   gsize           offset)
{
  const Checkpoint *checkpoint;
  guint low = 0;
  guint high;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (offset <= self->length, NULL);

  if (self->checkpoints->len == 0)
    return self->text->str;

  high = self->checkpoints->len;
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->checkpoints, Checkpoint, mid).offset <= offset)
        low = mid;
      else
        high = mid;
    }

  checkpoint = &g_array_index (self->checkpoints, Checkpoint, low);

  return g_utf8_offset_to_pointer (self->text->str + checkpoint->byte_offset,
                                   offset - checkpoint->offset);
}

char *
peitho_document_dup_slice (PeithoDocument *self,
                           gsize           start,
                           gsize           end)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  end = MIN (end, self->length);
  start = MIN (start, end);
  from = peitho_document_offset_to_pointer (self, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

gsize
peitho_document_count_words (PeithoDocument *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (self), 0);

  return self->n_words;
}

/* Moves a start in a separator to the next paragraph and an end after a
 * separator character to the end of the paragraph before it. Loops because
 * empty paragraphs make runs of separators. */
void
_peitho_document_snap_range (PeithoDocument *self,
                             gsize          *start,
                             gsize          *end)
{
  const Paragraph *paragraph;

  while (*start < self->length && !in_paragraph (self, *start, &paragraph))
    {
      guint index = paragraph_at (self, *start);

      if (index + 1 < self->paragraphs->len)
        *start = g_array_index (self->paragraphs, Paragraph, index + 1).start;
      else
        *start = self->length;
    }

  while (*end > 0 && !in_paragraph (self, *end - 1, &paragraph))
    *end = paragraph->start + paragraph->length;
}
