/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-tei-edition-writer.h"
#include "peitho-tei-header.h"
#include "peitho-tei-ids.h"
#include "peitho-tei-relations.h"
#include "peitho-tei-writer.h"

/*
 * The header is built as a tree (peitho-tei-header.c). The text and the
 * standOff are streamed with an xmlTextWriter in one walk over the text with
 * the anchors sorted.
 */

typedef struct {
  PeithoDocument   *document;
  PeithoTeiForm     form;
  GPtrArray        *annotations;   /* PeithoAnnotation, document order */
  gsize            *starts;        /* snapped ranges, parallel to annotations */
  gsize            *ends;
  guint8           *inline_seg;    /* PEITHO_TEI_INLINE: written as <seg> */
  char            **change_refs;   /* "cN" per annotation, or NULL */
  GHashTable       *used_ids;
  PeithoTeiChanges *changes;       /* owns the ids in change_refs */
} Writer;

/* ---------------------------------------------------------------------------
 * The text and the standOff
 */

typedef struct {
  gsize  offset;
  guint  index;
  guint8 is_start;
} Event;

static int
event_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Event *x = a;
  const Event *y = b;
  Writer *self = user_data;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  /* Ends first, so that an annotation that ends where another starts closes
   * before the other opens. */
  if (x->is_start != y->is_start)
    return x->is_start ? 1 : -1;
  if (x->is_start)
    {
      /* Outer (longer) first; equal ranges in document order. */
      if (self->ends[x->index] != self->ends[y->index])
        return self->ends[x->index] > self->ends[y->index] ? -1 : 1;
      return x->index < y->index ? -1 : (x->index > y->index);
    }
  /* Inner (later start) first; equal ranges in reverse document order. */
  if (self->starts[x->index] != self->starts[y->index])
    return self->starts[x->index] > self->starts[y->index] ? -1 : 1;
  return x->index > y->index ? -1 : (x->index < y->index);
}

static void
snap_ranges (Writer *self)
{
  PeithoDocument *document = self->document;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      gsize start = peitho_annotation_get_start (annotation);
      gsize end = peitho_annotation_get_end (annotation);
      guint n_paragraphs = peitho_document_get_n_paragraphs (document);
      gsize p_start, p_length;
      guint para;

      /* Anchors stand inside <p>: a start in a separator moves to the next
       * paragraph, an end to the end of the previous one. */
      para = peitho_document_paragraph_at (document, start);
      peitho_document_get_paragraph (document, para, &p_start, &p_length, NULL);
      if (start > p_start + p_length && para + 1 < n_paragraphs)
        peitho_document_get_paragraph (document, para + 1, &start, NULL, NULL);

      para = peitho_document_paragraph_at (document, end);
      peitho_document_get_paragraph (document, para, &p_start, &p_length, NULL);
      if (end > p_start + p_length)
        end = p_start + p_length;

      self->starts[i] = start;
      self->ends[i] = end;
    }
}

/* Which annotations become <seg>: those inside one paragraph that nest with
 * every <seg> chosen before them, taken in document order. */
static void
choose_inline (Writer *self,
               GArray *events)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint k = 0; k < events->len; k++)
    {
      const Event *event = &g_array_index (events, Event, k);
      gsize start = self->starts[event->index];
      gsize end = self->ends[event->index];
      gsize p_start, p_length;

      if (!event->is_start)
        continue;

      while (stack->len > 0 && g_array_index (stack, gsize, stack->len - 1) <= start)
        g_array_set_size (stack, stack->len - 1);

      peitho_document_get_paragraph (self->document,
                                     peitho_document_paragraph_at (self->document, start),
                                     &p_start, &p_length, NULL);
      if (end > p_start + p_length)
        continue;
      if (stack->len > 0 && g_array_index (stack, gsize, stack->len - 1) < end)
        continue;

      self->inline_seg[event->index] = TRUE;
      g_array_append_val (stack, end);
    }
}

static int
write_escaped (xmlTextWriter *writer,
               GString       *scratch,
               const char    *text,
               gsize          length)
{
  const char *end = text + length;
  const char *run = text;

  g_string_truncate (scratch, 0);
  for (const char *p = text; p < end; p++)
    {
      const char *replacement;

      switch (*p)
        {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        /* A raw CR would come back as LF (XML end-of-line handling). */
        case '\r': replacement = "&#13;"; break;
        default: continue;
        }
      g_string_append_len (scratch, run, p - run);
      g_string_append (scratch, replacement);
      run = p + 1;
    }
  g_string_append_len (scratch, run, end - run);

  if (scratch->len == 0)
    return 0;
  return xmlTextWriterWriteRawLen (writer, (const xmlChar *) scratch->str, scratch->len);
}

static int
write_annotation_attrs (Writer        *self,
                        xmlTextWriter *writer,
                        guint          index)
{
  PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, index);
  int rc = 0;

  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id",
                                     (const xmlChar *) peitho_annotation_get_id (annotation));
  if (!self->inline_seg[index])
    {
      rc |= peitho_tei_write_pointer (writer, "from", peitho_annotation_get_id (annotation), "-s");
      rc |= peitho_tei_write_pointer (writer, "to", peitho_annotation_get_id (annotation), "-e");
    }
  rc |= peitho_tei_write_pointer (writer, "ana", peitho_annotation_get_tag_id (annotation), "");
  rc |= peitho_tei_write_pointer (writer, "resp", peitho_annotation_get_annotator_id (annotation), "");
  rc |= peitho_tei_write_pointer (writer, "change", self->change_refs[index], "");
  return rc;
}

static int
write_anchor (xmlTextWriter *writer,
              const char    *id,
              const char    *suffix)
{
  g_autofree char *anchor_id = g_strconcat (id, suffix, NULL);
  int rc = 0;

  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "anchor");
  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id",
                                     (const xmlChar *) anchor_id);
  rc |= xmlTextWriterEndElement (writer);
  return rc;
}

static int
write_body (Writer        *self,
            xmlTextWriter *writer,
            GArray        *events)
{
  PeithoDocument *document = self->document;
  guint n_paragraphs = peitho_document_get_n_paragraphs (document);
  g_autoptr(GString) scratch = g_string_new (NULL);
  guint k = 0;
  int rc = 0;

  if (n_paragraphs == 0)
    {
      /* body may not be empty; an empty div holds no paragraph. */
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "div");
      rc |= xmlTextWriterEndElement (writer);
    }

  for (guint i = 0; i < n_paragraphs; i++)
    {
      gsize p_start, p_length, offset;
      const char *xml_id = NULL;
      const char *pointer;
      const char *p_end;

      peitho_document_get_paragraph (document, i, &p_start, &p_length, &xml_id);
      pointer = peitho_document_offset_to_pointer (document, p_start);
      p_end = g_utf8_offset_to_pointer (pointer, p_length);
      offset = p_start;

      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "p");
      if (xml_id != NULL)
        rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id",
                                           (const xmlChar *) xml_id);

      for (; k < events->len; k++)
        {
          const Event *event = &g_array_index (events, Event, k);
          PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, event->index);
          const char *next;

          if (event->offset > p_start + p_length)
            break;

          next = g_utf8_offset_to_pointer (pointer, event->offset - offset);
          rc |= write_escaped (writer, scratch, pointer, next - pointer);
          pointer = next;
          offset = event->offset;

          if (self->inline_seg[event->index])
            {
              if (event->is_start)
                {
                  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "seg");
                  rc |= write_annotation_attrs (self, writer, event->index);
                }
              else
                rc |= xmlTextWriterFullEndElement (writer);
            }
          else
            rc |= write_anchor (writer, peitho_annotation_get_id (annotation),
                                event->is_start ? "-s" : "-e");
        }

      rc |= write_escaped (writer, scratch, pointer, p_end - pointer);
      rc |= xmlTextWriterEndElement (writer);
    }

  return rc;
}

static int
write_stand_off (Writer        *self,
                 xmlTextWriter *writer)
{
  GListModel *relations = peitho_document_get_relations (self->document);
  guint n_relations = g_list_model_get_n_items (relations);
  guint n_spans = 0, n_inline_notes = 0;
  int rc = 0;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      if (!self->inline_seg[i])
        n_spans++;
      else if (peitho_annotation_get_note (g_ptr_array_index (self->annotations, i)) != NULL)
        n_inline_notes++;
    }
  if (n_spans == 0 && n_inline_notes == 0 && n_relations == 0)
    return 0;

  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "standOff");

  if (n_spans > 0)
    {
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "spanGrp");
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "type",
                                         (const xmlChar *) "annotations");
      for (guint i = 0; i < self->annotations->len; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, i);
          const char *note = peitho_annotation_get_note (annotation);

          if (self->inline_seg[i])
            continue;
          rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
          rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "span");
          rc |= write_annotation_attrs (self, writer, i);
          if (note != NULL)
            rc |= peitho_tei_write_note (writer, note);
          rc |= xmlTextWriterEndElement (writer);
        }
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterEndElement (writer);
    }

  if (n_inline_notes > 0)
    {
      /* A <seg> cannot hold its comment without adding to the text. */
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "listAnnotation");
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "type",
                                         (const xmlChar *) "notes");
      for (guint i = 0; i < self->annotations->len; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, i);
          const char *note = peitho_annotation_get_note (annotation);

          if (!self->inline_seg[i] || note == NULL)
            continue;
          rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
          rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "note");
          rc |= peitho_tei_write_pointer (writer, "target", peitho_annotation_get_id (annotation), "");
          rc |= xmlTextWriterWriteString (writer, (const xmlChar *) note);
          rc |= xmlTextWriterFullEndElement (writer);
        }
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterEndElement (writer);
    }

  if (n_relations > 0)
    rc |= peitho_tei_write_list_relation (writer, relations);

  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterEndElement (writer);
  return rc;
}

static void
writer_clear (Writer *self)
{
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_free);
  g_clear_pointer (&self->ends, g_free);
  g_clear_pointer (&self->inline_seg, g_free);
  g_clear_pointer (&self->change_refs, g_free);
  g_clear_pointer (&self->used_ids, g_hash_table_unref);
  g_clear_pointer (&self->changes, peitho_tei_changes_free);
}

static int
output_write_cb (void       *context,
                 const char *data,
                 int         length)
{
  g_byte_array_append (context, (const guint8 *) data, length);
  return length;
}

GBytes *
peitho_tei_write_bytes (PeithoDocument *document,
                        PeithoTeiForm   form,
                        GError        **error)
{
  Writer self = { 0 };
  g_autoptr(GArray) events = NULL;
  g_autofree char *header = NULL;
  GByteArray *buffer;
  xmlOutputBuffer *output;
  xmlTextWriter *writer;
  GBytes *bytes = NULL;
  guint n;
  int rc = 0;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (form == PEITHO_TEI_STANDOFF || form == PEITHO_TEI_INLINE, NULL);

  /* An edition comes back as it was, with anchors and Peitho's standOff, in
   * either form: <seg>s would have to nest with the edition's own elements. */
  if (peitho_document_get_source_tree (document) != NULL)
    return peitho_tei_write_edition (document, peitho_document_get_source_tree (document), error);

  self.document = document;
  self.form = form;
  self.annotations = peitho_document_dup_annotation_array (document);
  n = self.annotations->len;
  self.starts = g_new (gsize, n + 1);
  self.ends = g_new (gsize, n + 1);
  self.inline_seg = g_new0 (guint8, n + 1);
  self.change_refs = g_new0 (char *, n + 1);
  self.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.changes = peitho_tei_changes_new ();

  peitho_tei_collect_document_ids (document, self.used_ids);
  snap_ranges (&self);

  events = g_array_sized_new (FALSE, FALSE, sizeof (Event), 2 * n);
  for (guint i = 0; i < n; i++)
    {
      Event start = { self.starts[i], i, TRUE };
      Event end = { self.ends[i], i, FALSE };

      g_array_append_val (events, start);
      g_array_append_val (events, end);
    }
  g_array_sort_with_data (events, event_compare, &self);
  if (form == PEITHO_TEI_INLINE)
    choose_inline (&self, events);

  header = peitho_tei_build_header (document, self.annotations, self.used_ids, self.changes,
                                    self.change_refs);

  /* An xmlBuffer grows by exactly what is written (quadratic on big files);
   * a GByteArray doubles. */
  buffer = g_byte_array_sized_new (peitho_document_get_length (document) * 2 + n * 200 + 4096);
  output = xmlOutputBufferCreateIO (output_write_cb, NULL, buffer, NULL);
  writer = xmlNewTextWriter (output);

  rc |= xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "TEI");
  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xmlns",
                                     (const xmlChar *) PEITHO_TEI_NS);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) header);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "text");
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "body");
  rc |= write_body (&self, writer, events);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
  rc |= xmlTextWriterEndElement (writer);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterEndElement (writer);
  rc |= write_stand_off (&self, writer);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n");
  rc |= xmlTextWriterEndElement (writer);
  rc |= xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  if (rc < 0)
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                 _("Cannot serialize the document as TEI"));
  else
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

  if (buffer != NULL)
    g_byte_array_unref (buffer);
  writer_clear (&self);
  return bytes;
}

gboolean
peitho_tei_write_file (PeithoDocument *document,
                       GFile          *file,
                       PeithoTeiForm   form,
                       gboolean        make_backup,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = peitho_tei_write_bytes (document, form, error);
  if (bytes == NULL)
    return FALSE;

  return peitho_tei_replace_file (file, bytes, make_backup, cancellable, error);
}
