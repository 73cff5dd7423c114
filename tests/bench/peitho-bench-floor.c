/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of the load/save benchmark: what reading a Peitho file must do
 * and nothing more. It parses the same bytes with the options Peitho uses
 * (see peitho_tei_parse_memory() in src/core/peitho-tei-common.c), walks the
 * tree once collecting the text of the body and the offset of every anchor,
 * resolves every stand-off span to its two offsets, its tag and its
 * annotator, and frees it all. "parse-serialize" also writes the tree back
 * with libxml2's serializer, which is the least a save can do.
 *
 * Deliberately plain libxml2 and GLib, not the core: it is the yardstick the
 * core is measured against. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

typedef struct {
  gsize       start;
  gsize       end;
  const char *ana;     /* owned by the tree */
  const char *resp;    /* owned by the tree */
} Span;

typedef struct {
  GString    *text;
  gsize       offset;      /* characters in text */
  guint       n_paragraphs;
  GHashTable *anchors;     /* xml:id (owned by the tree) -> offset + 1 */
  GArray     *spans;
  guint       n_unresolved;
} Floor;

static gboolean
is_tei (const xmlNode *node,
        const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
      && strcmp ((const char *) node->ns->href, TEI_NS) == 0
      && strcmp ((const char *) node->name, name) == 0;
}

static const char *
attr (const xmlNode *node,
      const char    *name,
      gboolean       xml_ns)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0 && (a->ns != NULL) == xml_ns
        && a->children != NULL)
      return (const char *) a->children->content;
  return NULL;
}

static xmlNode *
child (xmlNode    *parent,
       const char *name)
{
  for (xmlNode *node = parent != NULL ? parent->children : NULL; node; node = node->next)
    if (is_tei (node, name))
      return node;
  return NULL;
}

static void
walk_inline (Floor   *self,
             xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      const char *id;

      if (node->type == XML_TEXT_NODE)
        {
          g_string_append (self->text, (const char *) node->content);
          self->offset += g_utf8_strlen ((const char *) node->content, -1);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE || is_tei (node, "note"))
        continue;
      id = attr (node, "id", TRUE);
      if (id != NULL)
        g_hash_table_insert (self->anchors, (gpointer) id, GSIZE_TO_POINTER (self->offset + 1));
      walk_inline (self, node);
    }
}

static void
walk_blocks (Floor   *self,
             xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_tei (node, "p") || is_tei (node, "head") || is_tei (node, "ab"))
        {
          if (self->n_paragraphs++ > 0)
            {
              g_string_append (self->text, "\n\n");
              self->offset += 2;
            }
          walk_inline (self, node);
        }
      else
        walk_blocks (self, node);
    }
}

static gboolean
lookup (Floor      *self,
        const char *pointer,
        gsize      *offset)
{
  gpointer value;

  if (pointer == NULL)
    return FALSE;
  if (*pointer == '#')
    pointer++;
  value = g_hash_table_lookup (self->anchors, pointer);
  if (value == NULL)
    return FALSE;
  *offset = GPOINTER_TO_SIZE (value) - 1;
  return TRUE;
}

static void
walk_stand_off (Floor   *self,
                xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      Span span;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!is_tei (node, "span"))
        {
          walk_stand_off (self, node);
          continue;
        }
      span.ana = attr (node, "ana", FALSE);
      span.resp = attr (node, "resp", FALSE);
      if (!lookup (self, attr (node, "from", FALSE), &span.start)
          || !lookup (self, attr (node, "to", FALSE), &span.end))
        {
          self->n_unresolved++;
          continue;
        }
      g_array_append_val (self->spans, span);
    }
}

static xmlDoc *
parse (const char *data,
       gsize       length)
{
  xmlParserCtxt *ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  xmlDoc *doc;

  if (ctxt == NULL)
    return NULL;
  /* The same options as peitho_tei_parse_memory(). */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  ctxt->loadsubset |= XML_SKIP_IDS;
  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  if (doc != NULL && !ctxt->wellFormed)
    g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static int
usage (void)
{
  g_printerr ("Usage: peitho-bench-floor parse FILE\n"
              "       peitho-bench-floor parse-serialize FILE OUT\n"
              "Prints the characters, anchors and spans it found.\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  Floor self = { 0 };
  gboolean serialize;
  xmlNode *root, *text;
  xmlDoc *doc;
  gsize length;

  if (argc == 3 && strcmp (argv[1], "parse") == 0)
    serialize = FALSE;
  else if (argc == 4 && strcmp (argv[1], "parse-serialize") == 0)
    serialize = TRUE;
  else
    return usage ();

  xmlInitParser ();
  if (!g_file_get_contents (argv[2], &data, &length, &error))
    {
      g_printerr ("peitho-bench-floor: %s\n", error->message);
      return 1;
    }
  doc = parse (data, length);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL || !is_tei (root, "TEI"))
    {
      g_printerr ("peitho-bench-floor: %s: not a well-formed TEI document\n", argv[2]);
      return 1;
    }

  self.text = g_string_sized_new (length / 4);
  self.anchors = g_hash_table_new (g_str_hash, g_str_equal);
  self.spans = g_array_new (FALSE, FALSE, sizeof (Span));
  text = child (root, "text");
  if (text != NULL && child (text, "body") != NULL)
    walk_blocks (&self, child (text, "body"));
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is_tei (node, "standOff"))
      walk_stand_off (&self, node);

  if (serialize)
    {
      xmlChar *out = NULL;
      int out_length = 0;

      xmlDocDumpMemoryEnc (doc, &out, &out_length, "UTF-8");
      if (out == NULL || !g_file_set_contents (argv[3], (const char *) out, out_length, &error))
        {
          g_printerr ("peitho-bench-floor: %s: %s\n", argv[3],
                      error != NULL ? error->message : "cannot serialize");
          return 1;
        }
      xmlFree (out);
    }

  g_print ("characters: %" G_GSIZE_FORMAT "\nanchors: %u\nspans: %u\nunresolved: %u\n",
           self.offset, g_hash_table_size (self.anchors), self.spans->len, self.n_unresolved);

  g_array_unref (self.spans);
  g_hash_table_unref (self.anchors);
  g_string_free (self.text, TRUE);
  xmlFreeDoc (doc);
  return 0;
}
