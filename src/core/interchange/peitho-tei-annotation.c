/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "peitho-error.h"
#include "peitho-tei-annotation.h"
#include "peitho-tei-common.h"
#include "peitho-tei-header.h"
#include "peitho-tei-ids.h"
#include "peitho-tei-relations.h"
#include "peitho-xml-text.h"

/* ---------------------------------------------------------------------------
 * Reading
 */

typedef struct {
  PeithoImportSet *set;
  xmlDoc          *doc;
  PeithoXmlText   *text;
  GHashTable      *categories;   /* xml:id -> label */
  GHashTable      *people;       /* xml:id -> name */
  GHashTable      *lost_kinds;   /* element name -> count, reported once */
} TeiReader;

static void
collect (TeiReader *self,
         xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *id;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      id = peitho_tei_attr (child, "xml:id");
      if (id != NULL && peitho_tei_is (child, "category"))
        {
          xmlNode *cat_desc = peitho_tei_child (child, "catDesc");
          xmlNode *term = cat_desc != NULL ? peitho_tei_child (cat_desc, "term") : NULL;
          xmlNode *gloss = peitho_tei_child (child, "gloss");
          char *label = peitho_tei_collapsed_text (term != NULL ? term
                                                   : cat_desc != NULL ? cat_desc : gloss);

          if (label != NULL)
            g_hash_table_insert (self->categories, (gpointer) id, label);
        }
      else if (id != NULL && peitho_tei_is (child, "respStmt"))
        {
          xmlNode *name = peitho_tei_child (child, "persName");
          char *text;

          if (name == NULL)
            name = peitho_tei_child (child, "name");
          text = peitho_tei_collapsed_text (name != NULL ? name : child);
          if (text != NULL)
            g_hash_table_insert (self->people, (gpointer) id, text);
        }
      collect (self, child);
    }
}

/* "name(arg, arg)" -> name and its arguments, split at the commas outside
 * parentheses. */
static gboolean
parse_call (const char  *pointer,
            char       **name,
            GPtrArray  **args)
{
  const char *open = strchr (pointer, '(');
  gsize length = strlen (pointer);
  const char *start;
  int depth = 0;

  if (open == NULL || length < 2 || pointer[length - 1] != ')')
    return FALSE;

  *name = g_strndup (pointer, open - pointer);
  *args = g_ptr_array_new_with_free_func (g_free);
  start = open + 1;
  for (const char *p = open + 1; p < pointer + length - 1; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if (*p == ',' && depth == 0)
        {
          g_ptr_array_add (*args, g_strstrip (g_strndup (start, p - start)));
          start = p + 1;
        }
    }
  g_ptr_array_add (*args, g_strstrip (g_strndup (start, pointer + length - 1 - start)));

  return TRUE;
}

static gboolean
parse_size (const char *str,
            gsize      *value)
{
  char *end = NULL;

  if (!g_ascii_isdigit (*str))
    return FALSE;
  *value = g_ascii_strtoull (str, &end, 10);

  return *end == '\0' && *value < G_MAXINT;
}

/* A pointer (without "#") to [start, end) of the text. */
static gboolean
resolve_pointer (TeiReader  *self,
                 const char *pointer,
                 gsize      *start,
                 gsize      *end)
{
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) args = NULL;

  if (!parse_call (pointer, &name, &args))
    {
      xmlNode *node = peitho_xml_text_lookup_id (self->text, pointer);

      return node != NULL && peitho_xml_text_range (self->text, node, start, end);
    }

  if (g_str_equal (name, "string-range") && args->len == 3)
    {
      xmlNode *node = peitho_xml_text_lookup_id (self->text, g_ptr_array_index (args, 0));
      gsize node_start;
      gsize node_end;
      gsize offset;
      gsize length;

      if (node == NULL || !peitho_xml_text_range (self->text, node, &node_start, &node_end)
          || !parse_size (g_ptr_array_index (args, 1), &offset)
          || !parse_size (g_ptr_array_index (args, 2), &length))
        return FALSE;
      *start = node_start + offset;
      *end = *start + length;
      return TRUE;
    }

  if (g_str_equal (name, "range") && args->len == 2)
    {
      gsize ignored;

      return resolve_pointer (self, g_ptr_array_index (args, 0), start, &ignored)
             && resolve_pointer (self, g_ptr_array_index (args, 1), &ignored, end);
    }

  return FALSE;
}

/* Recogito: "/TEI[1]/text[1]/body[1]/p[2]::12". */
static gboolean
resolve_recogito (TeiReader  *self,
                  const char *token,
                  gsize      *offset)
{
  const char *sep = strstr (token, "::");
  g_autofree char *path = NULL;
  xmlNode *node;
  gsize node_start;
  gsize node_end;
  gsize units;

  if (sep == NULL || !parse_size (sep + 2, &units))
    return FALSE;
  path = g_strndup (token, sep - token);
  node = peitho_xml_resolve_path (self->doc, path);
  if (node == NULL || !peitho_xml_text_range (self->text, node, &node_start, &node_end))
    return FALSE;
  *offset = peitho_xml_text_utf16_offset (self->text, node_start, units);

  return TRUE;
}

static char *
node_content (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = NULL;

  if (content != NULL && *content != '\0')
    copy = g_strdup ((const char *) content);
  xmlFree (content);

  return copy;
}

static void
lose_kind (TeiReader  *self,
           xmlNode    *node,
           const char *what)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->lost_kinds, what));

  if (count == 0)
    peitho_import_set_lose (self->set, xmlGetLineNo (node), "%s", what);
  g_hash_table_insert (self->lost_kinds, (gpointer) what, GUINT_TO_POINTER (count + 1));
}

static char *
label_of (TeiReader  *self,
          const char *value)
{
  const char *id = value[0] == '#' ? value + 1 : value;
  const char *label = g_hash_table_lookup (self->categories, id);

  return g_strdup (label != NULL ? label : id);
}

static void
read_annotation (TeiReader *self,
                 xmlNode   *node)
{
  const char *id = peitho_tei_attr (node, "xml:id");
  const char *target = peitho_tei_attr (node, "target");
  const char *ana = peitho_tei_attr (node, "ana");
  const char *resp = peitho_tei_attr (node, "resp");
  guint line = xmlGetLineNo (node);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (PeithoImportRange));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tag_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = NULL;
  g_autofree char *annotator = NULL;
  g_auto(GStrv) tokens = NULL;
  guint n_tokens;

  if (target == NULL)
    {
      peitho_import_set_lose (self->set, line, _("annotation %s has no @target"),
                              id != NULL ? id : "-");
      return;
    }

  tokens = g_strsplit_set (target, " \t\r\n", -1);
  n_tokens = 0;
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      tokens[n_tokens++] = tokens[i];
    else
      g_free (tokens[i]);
  tokens[n_tokens] = NULL;

  if (n_tokens == 2 && strstr (tokens[0], "::") != NULL && strstr (tokens[1], "::") != NULL)
    {
      PeithoImportRange range;

      if (!resolve_recogito (self, tokens[0], &range.start)
          || !resolve_recogito (self, tokens[1], &range.end))
        {
          peitho_import_set_lose (self->set, line,
                                  /* Translators: an id, then a pointer as written */
                                  _("annotation %s points outside the text (%s): only the text "
                                    "can be annotated"),
                                  id != NULL ? id : "-", target);
          return;
        }
      g_array_append_val (ranges, range);
    }
  else
    for (guint i = 0; i < n_tokens; i++)
      {
        PeithoImportRange range;

        if (tokens[i][0] != '#' || !resolve_pointer (self, tokens[i] + 1, &range.start, &range.end))
          {
            peitho_import_set_lose (self->set, line,
                                    _("annotation %s: target “%s” points at no text of this "
                                      "file"),
                                    id != NULL ? id : "-", tokens[i]);
            continue;
          }
        g_array_append_val (ranges, range);
      }

  if (ranges->len == 0)
    return;

  if (ana != NULL)
    {
      g_auto(GStrv) values = g_strsplit_set (ana, " \t\r\n", -1);

      for (guint i = 0; values[i] != NULL; i++)
        if (values[i][0] == '#' && values[i][1] != '\0')
          {
            g_ptr_array_add (labels, label_of (self, values[i]));
            g_ptr_array_add (tag_ids, g_strdup (values[i] + 1));
          }
        else if (*values[i] != '\0')
          {
            g_ptr_array_add (labels, label_of (self, values[i]));
            g_ptr_array_add (tag_ids, NULL);
          }
    }

  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      if (peitho_tei_is (child, "note"))
        {
          /* A plain note comes back as written (Peitho's notes keep their
           * line breaks); one with markup as its text. */
          g_autofree char *text = peitho_tei_first_element (child) == NULL
                                  ? node_content (child) : peitho_tei_collapsed_text (child);

          if (text == NULL)
            continue;
          if (note == NULL)
            note = g_string_new (text);
          else
            g_string_append_printf (note, "\n%s", text);
          if (resp == NULL)
            resp = peitho_tei_attr (child, "resp");
        }
      else if (peitho_tei_is (child, "respStmt"))
        {
          if (annotator == NULL)
            {
              xmlNode *name = peitho_tei_child (child, "persName");

              annotator = peitho_tei_collapsed_text (name != NULL ? name
                                                     : peitho_tei_child (child, "name"));
            }
        }
      else if (peitho_tei_attr (child, "ana") != NULL && child->children == NULL)
        /* Recogito's body: <rs ana="Place"/> */
        {
          g_ptr_array_add (labels, label_of (self, peitho_tei_attr (child, "ana")));
          g_ptr_array_add (tag_ids, NULL);
        }
      else if (peitho_tei_is (child, "revisionDesc"))
        lose_kind (self, child, _("annotation/revisionDesc: the history of an annotation is not "
                                  "kept (this and any further ones)"));
      else
        lose_kind (self, child, _("annotation body other than note or @ana (ref, ptr, licence) "
                                  "is not representable (this and any further ones)"));
    }

  if (resp != NULL)
    {
      const char *name = g_hash_table_lookup (self->people, resp[0] == '#' ? resp + 1 : resp);

      if (name != NULL)
        {
          g_free (annotator);
          annotator = g_strdup (name);
        }
    }

  if (labels->len == 0)
    {
      g_ptr_array_add (labels, g_strdup ("annotation"));
      g_ptr_array_add (tag_ids, NULL);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *span_id = i == 0 ? g_strdup (id) : g_strdup_printf ("%s#%u", id, i + 1);
      const PeithoImportRange *first = &g_array_index (ranges, PeithoImportRange, 0);
      PeithoImportSpan *span = peitho_import_set_add_span (self->set, span_id, first->start,
                                                           first->end,
                                                           g_ptr_array_index (labels, i), line);

      for (guint r = 1; r < ranges->len; r++)
        peitho_import_span_add_range (span, g_array_index (ranges, PeithoImportRange, r).start,
                                      g_array_index (ranges, PeithoImportRange, r).end);
      span->tag_id = g_strdup (g_ptr_array_index (tag_ids, i));
      span->note = note != NULL ? g_strdup (note->str) : NULL;
      span->annotator = g_strdup (annotator);
    }
}

static void
read_relations (TeiReader *self,
                xmlNode   *node)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      if (peitho_tei_is (child, "relation"))
        {
          const char *active = peitho_tei_attr (child, "active");
          const char *passive = peitho_tei_attr (child, "passive");
          g_autofree char *type = peitho_tei_read_relation_type (child);
          const char *resp = peitho_tei_attr (child, "resp");
          PeithoImportRelation *relation;

          if (active == NULL || passive == NULL || strchr (active, ' ') != NULL
              || strchr (passive, ' ') != NULL)
            {
              peitho_import_set_lose (self->set, xmlGetLineNo (child),
                                      _("relation without one @active and one @passive is not "
                                        "representable"));
              continue;
            }
          relation = peitho_import_set_add_relation (self->set, peitho_tei_attr (child, "xml:id"),
                                                     type,
                                                     active[0] == '#' ? active + 1 : active,
                                                     passive[0] == '#' ? passive + 1 : passive,
                                                     xmlGetLineNo (child));
          if (resp != NULL)
            relation->annotator = g_strdup (g_hash_table_lookup (self->people,
                                                                 resp[0] == '#' ? resp + 1 : resp));
        }
      else if (peitho_tei_is (child, "listRelation"))
        read_relations (self, child);
    }
}

static void
walk_annotations (TeiReader *self,
                  xmlNode   *node)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      if (peitho_tei_is (child, "annotation"))
        read_annotation (self, child);
      else if (peitho_tei_is (child, "listRelation"))
        read_relations (self, child);
      else
        walk_annotations (self, child);
    }
}

PeithoImportSet *
peitho_tei_annotation_read (xmlDoc      *doc,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoXmlText) text = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) lost_kinds = NULL;
  xmlNode *root;
  xmlNode *text_node;
  TeiReader self;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  text_node = root != NULL ? peitho_tei_child (root, "text") : NULL;
  if (text_node == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s: not a TEI document with a <text>"), display_name);
      return NULL;
    }

  set = peitho_import_set_new (display_name, PEITHO_INTERCHANGE_TEI_ANNOTATION);
  text = peitho_xml_text_new (text_node);
  set->text = peitho_xml_text_dup_masked (text);
  set->alt_text = g_strdup (peitho_xml_text_get_text (text));
  categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  lost_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  self = (TeiReader) { set, doc, text, categories, people, lost_kinds };

  collect (&self, root);
  walk_annotations (&self, root);

  return g_steal_pointer (&set);
}

/* ---------------------------------------------------------------------------
 * Writing
 */

static int
output_write_cb (void       *context,
                 const char *data,
                 int         length)
{
  g_byte_array_append (context, (const guint8 *) data, length);
  return length;
}

static char *
string_range (PeithoDocument *document,
              guint           paragraph,
              gsize           offset,
              gsize           length)
{
  gsize start;
  gsize plength;
  const char *xml_id;

  peitho_document_get_paragraph (document, paragraph, &start, &plength, &xml_id);

  return g_strdup_printf ("string-range(%s,%lu,%lu)", xml_id, (gulong) (offset - start),
                          (gulong) length);
}

static char *
annotation_target (PeithoDocument   *document,
                   PeithoAnnotation *annotation)
{
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);
  guint first = peitho_document_paragraph_at (document, start);
  guint last = peitho_document_paragraph_at (document, end - 1);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gsize last_start;

  if (first == last)
    {
      g_autofree char *range = string_range (document, first, start, end - start);

      return g_strconcat ("#", range, NULL);
    }

  peitho_document_get_paragraph (document, last, &last_start, NULL, NULL);
  from = string_range (document, first, start, 0);
  to = string_range (document, last, last_start, end - last_start);

  return g_strdup_printf ("#range(%s,%s)", from, to);
}

GBytes *
peitho_tei_annotation_write (PeithoDocument  *document,
                             GError         **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) used_ids = NULL;
  g_autofree char *header = NULL;
  g_autofree char **change_refs = NULL;
  PeithoTeiChanges *changes;
  GListModel *model;
  GListModel *relations;
  GByteArray *buffer;
  xmlTextWriter *writer;
  GBytes *bytes = NULL;
  guint n_relations;
  guint n;
  int rc = 0;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  model = peitho_document_get_annotations (document);
  relations = peitho_document_get_relations (document);
  n = g_list_model_get_n_items (model);
  n_relations = g_list_model_get_n_items (relations);
  annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annotations, g_list_model_get_item (model, i));

  used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  peitho_tei_collect_document_ids (document, used_ids);
  change_refs = g_new0 (char *, n + 1);
  changes = peitho_tei_changes_new ();
  header = peitho_tei_build_header (document, annotations, used_ids, changes, change_refs);

  buffer = g_byte_array_sized_new (peitho_document_get_length (document) * 2 + n * 200 + 4096);
  writer = xmlNewTextWriter (xmlOutputBufferCreateIO (output_write_cb, NULL, buffer, NULL));

  rc |= xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "TEI");
  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xmlns",
                                     (const xmlChar *) PEITHO_TEI_NS);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) header);

  if (n > 0 || n_relations > 0)
    {
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "standOff");
    }
  if (n > 0)
    {
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "listAnnotation");
      for (guint i = 0; i < n; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
          g_autofree char *target = annotation_target (document, annotation);
          const char *note = peitho_annotation_get_note (annotation);

          rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
          rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "annotation");
          rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id",
                                             (const xmlChar *) peitho_annotation_get_id (annotation));
          rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "target",
                                             (const xmlChar *) target);
          rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "motivation",
                                             (const xmlChar *) (note != NULL ? "classifying commenting"
                                                                : "classifying"));
          rc |= peitho_tei_write_pointer (writer, "ana", peitho_annotation_get_tag_id (annotation), "");
          rc |= peitho_tei_write_pointer (writer, "resp", peitho_annotation_get_annotator_id (annotation), "");
          rc |= peitho_tei_write_pointer (writer, "change", change_refs[i], "");
          if (note != NULL)
            rc |= peitho_tei_write_note (writer, note);
          rc |= xmlTextWriterEndElement (writer);
        }
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
      rc |= xmlTextWriterEndElement (writer);
    }
  if (n_relations > 0)
    rc |= peitho_tei_write_list_relation (writer, relations);
  if (n > 0 || n_relations > 0)
    {
      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
      rc |= xmlTextWriterEndElement (writer);
    }

  /* The text exactly as Peitho holds it: paragraphs, separated by the same
   * blank line, and no other whitespace inside <text>, so that the offsets
   * read back are the document's. */
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n  ");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "text");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "body");
  for (guint i = 0; i < peitho_document_get_n_paragraphs (document); i++)
    {
      g_autofree char *content = NULL;
      const char *xml_id;
      gsize start;
      gsize length;

      peitho_document_get_paragraph (document, i, &start, &length, &xml_id);
      content = peitho_document_dup_slice (document, start, start + length);
      if (i > 0)
        rc |= xmlTextWriterWriteString (writer, (const xmlChar *) "\n\n");
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "p");
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id",
                                         (const xmlChar *) xml_id);
      rc |= xmlTextWriterWriteString (writer, (const xmlChar *) content);
      rc |= xmlTextWriterEndElement (writer);
    }
  if (peitho_document_get_n_paragraphs (document) == 0)
    {
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "p");
      rc |= xmlTextWriterEndElement (writer);
    }
  rc |= xmlTextWriterEndElement (writer);
  rc |= xmlTextWriterEndElement (writer);
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n");
  rc |= xmlTextWriterEndElement (writer);
  rc |= xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  peitho_tei_changes_free (changes);

  if (rc < 0)
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                 _("Cannot serialize the document as TEI"));
  else
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

  if (buffer != NULL)
    g_byte_array_unref (buffer);

  return bytes;
}
