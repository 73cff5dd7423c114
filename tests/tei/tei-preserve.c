/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "tei-preserve.h"

#define TEI_NS "http://www.tei-c.org/ns/1.0"

static gboolean
is_tei (const xmlNode *node,
        const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
      && strcmp ((const char *) node->ns->href, TEI_NS) == 0
      && strcmp ((const char *) node->name, name) == 0;
}

static xmlDoc *
parse (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, "test.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_NOCDATA);

  g_assert_nonnull (doc);
  return doc;
}

static const char *
attr (xmlNode    *node,
      const char *name)
{
  xmlAttr *a = xmlHasProp (node, (const xmlChar *) name);

  if (a == NULL || a->children == NULL)
    return NULL;
  return (const char *) a->children->content;
}

static const char *
xml_id (xmlNode *node)
{
  xmlAttr *a = xmlHasNsProp (node, (const xmlChar *) "id", XML_XML_NAMESPACE);

  if (a == NULL || a->children == NULL)
    return NULL;
  return (const char *) a->children->content;
}

static gboolean
is_blank (const xmlNode *node)
{
  if (node == NULL || node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; *p; p++)
    if (!strchr (" \t\r\n", *p))
      return FALSE;
  return TRUE;
}

static gboolean
element_only (const xmlNode *parent)
{
  for (const xmlNode *n = parent->children; n; n = n->next)
    if (n->type == XML_TEXT_NODE && !is_blank (n))
      return FALSE;
  return TRUE;
}

static gboolean
is_peitho_stand_off (xmlNode *node)
{
  return is_tei (node, "standOff") && g_strcmp0 (attr (node, "type"), "peitho") == 0;
}

static void
collect (xmlNode    *node,
         GHashTable *anchor_ids,
         GPtrArray  *parts,
         gboolean    in_header)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_peitho_stand_off (node))
        {
          for (xmlNode *grp = node->children; grp; grp = grp->next)
            for (xmlNode *span = grp->children; span; span = span->next)
              if (is_tei (span, "span"))
                {
                  const char *from = attr (span, "from");
                  const char *to = attr (span, "to");

                  if (from != NULL)
                    g_hash_table_add (anchor_ids, g_strdup (from + 1));
                  if (to != NULL)
                    g_hash_table_add (anchor_ids, g_strdup (to + 1));
                }
          g_ptr_array_add (parts, node);
          continue;
        }
      if (in_header && g_strcmp0 (attr (node, "n"), "peitho") == 0)
        {
          g_ptr_array_add (parts, node);
          continue;
        }
      collect (node->children, anchor_ids, parts, in_header || is_tei (node, "teiHeader"));
    }
}

static void
collect_anchors (xmlNode    *node,
                 GHashTable *anchor_ids,
                 GPtrArray  *anchors)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_tei (node, "anchor") && xml_id (node) != NULL
          && g_hash_table_contains (anchor_ids, xml_id (node)))
        g_ptr_array_add (anchors, node);
      collect_anchors (node->children, anchor_ids, anchors);
    }
}

static void
strip (xmlDoc *doc)
{
  g_autoptr(GHashTable) anchor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();

  collect (doc->children, anchor_ids, parts, FALSE);
  collect_anchors (doc->children, anchor_ids, anchors);
  for (guint i = 0; i < anchors->len; i++)
    {
      xmlNode *anchor = g_ptr_array_index (anchors, i);

      xmlUnlinkNode (anchor);
      xmlFreeNode (anchor);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      xmlNode *part = g_ptr_array_index (parts, i);

      if (is_blank (part->prev) && element_only (part->parent))
        {
          xmlNode *blank = part->prev;

          xmlUnlinkNode (blank);
          xmlFreeNode (blank);
        }
      xmlUnlinkNode (part);
      xmlFreeNode (part);
    }
}

static char *
c14n (xmlDoc *doc)
{
  xmlChar *out = NULL;
  int n = xmlC14NDocDumpMemory (doc, NULL, XML_C14N_1_0, NULL, 1, &out);
  char *result;

  g_assert_cmpint (n, >=, 0);
  result = g_strndup ((const char *) out, n);
  xmlFree (out);
  return result;
}

/* C14N of each <text> child of the root (and of TEIs in a corpus), alone. */
static void
texts (xmlNode   *parent,
       GPtrArray *out)
{
  for (xmlNode *node = parent->children; node; node = node->next)
    {
      if (is_tei (node, "text"))
        {
          xmlDoc *alone = xmlNewDoc ((const xmlChar *) "1.0");

          xmlDocSetRootElement (alone, xmlDocCopyNode (node, alone, 1));
          g_ptr_array_add (out, c14n (alone));
          xmlFreeDoc (alone);
        }
      else if (is_tei (node, "TEI") || is_tei (node, "teiCorpus"))
        texts (node, out);
    }
}

static void
assert_same_string (const char *what,
                    const char *a,
                    const char *b)
{
  gsize i = 0;

  if (strcmp (a, b) == 0)
    return;
  while (a[i] != '\0' && a[i] == b[i])
    i++;
  g_test_message ("%s differs at byte %" G_GSIZE_FORMAT ":\noriginal: …%.120s\nsaved:    …%.120s",
                  what, i, a + MAX (i, 40) - 40, b + MAX (i, 40) - 40);
  g_test_fail ();
}

void
tei_assert_preserved (GBytes *original,
                      GBytes *saved)
{
  xmlDoc *a = parse (original);
  xmlDoc *b = parse (saved);
  g_autoptr(GPtrArray) texts_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts_b = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *whole_a = NULL;
  g_autofree char *whole_b = NULL;

  strip (b);
  texts (xmlDocGetRootElement (a), texts_a);
  texts (xmlDocGetRootElement (b), texts_b);
  g_assert_cmpuint (texts_a->len, ==, texts_b->len);
  for (guint i = 0; i < texts_a->len; i++)
    assert_same_string ("C14N of <text>", g_ptr_array_index (texts_a, i),
                        g_ptr_array_index (texts_b, i));

  whole_a = c14n (a);
  whole_b = c14n (b);
  assert_same_string ("C14N of the document", whole_a, whole_b);
  xmlFreeDoc (a);
  xmlFreeDoc (b);
}

guint
tei_count_peitho_parts (GBytes *saved)
{
  xmlDoc *doc = parse (saved);
  g_autoptr(GHashTable) anchor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();

  collect (doc->children, anchor_ids, parts, FALSE);
  collect_anchors (doc->children, anchor_ids, anchors);
  xmlFreeDoc (doc);
  return parts->len + anchors->len;
}

void
tei_add_random_annotations (PeithoDocument *document,
                            guint           n)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));
  gsize length = peitho_document_get_length (document);
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (document, "Tester");
  guint added = 0;

  g_assert_cmpuint (tags->len, >, 0);
  g_assert_cmpuint (length, >, 2);
  for (guint tries = 0; added < n && tries < 20 * n; tries++)
    {
      gsize start = g_test_rand_int_range (0, (gint32) length - 1);
      gsize span = g_test_rand_bit () ? g_test_rand_int_range (1, 3)
                                      : g_test_rand_int_range (1, (gint32) MIN (length - start, 4000) + 1);
      gsize end = MIN (start + span, length);
      PeithoTag *tag = g_ptr_array_index (tags, g_test_rand_int_range (0, tags->len));
      g_autoptr(PeithoAnnotation) annotation = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (1764590000 + tries);

      annotation = peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag),
                                          peitho_annotator_get_id (annotator),
                                          g_test_rand_bit () ? "a note & <more>" : NULL, now);
      if (peitho_document_add_annotation (document, annotation, NULL))
        added++;
    }
  g_assert_cmpuint (added, ==, n);
}
