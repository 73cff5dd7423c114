/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading and editing a libxml2 tree of TEI: elements, attributes, text,
 * pointers, and changes in place that keep a pretty-printed file's
 * indentation. */

#include "config.h"

#include <string.h>
#include <libxml/tree.h>

#include "peitho-tei-common.h"

gboolean
peitho_tei_is_ncname (const char *str)
{
  return peitho_id_is_valid (str);
}

gboolean
peitho_tei_is (const xmlNode *node,
               const char    *name)
{
  /* The name first: it differs more often, and sooner. */
  return node != NULL
      && node->type == XML_ELEMENT_NODE
      && strcmp ((const char *) node->name, name) == 0
      && node->ns != NULL
      && strcmp ((const char *) node->ns->href, PEITHO_TEI_NS) == 0;
}

xmlNode *
peitho_tei_first_element (xmlNode *parent)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return child;
  return NULL;
}

xmlNode *
peitho_tei_next_element (xmlNode *node)
{
  for (xmlNode *next = node != NULL ? node->next : NULL; next; next = next->next)
    if (next->type == XML_ELEMENT_NODE)
      return next;
  return NULL;
}

xmlNode *
peitho_tei_child (xmlNode    *parent,
                  const char *name)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child; child = child->next)
    if (peitho_tei_is (child, name))
      return child;
  return NULL;
}

gboolean
peitho_tei_is_peitho_part (const xmlNode *node)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (peitho_tei_is (node, "standOff"))
    return g_strcmp0 (peitho_tei_attr (node, "type"), PEITHO_TEI_PART_MARK) == 0;
  return g_strcmp0 (peitho_tei_attr (node, "n"), PEITHO_TEI_PART_MARK) == 0;
}

const char *
peitho_tei_attr (const xmlNode *node,
                 const char    *name)
{
  gboolean xml_ns = g_str_has_prefix (name, "xml:");
  const char *local = xml_ns ? name + 4 : name;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    {
      if (strcmp ((const char *) attr->name, local) != 0)
        continue;
      if (xml_ns ? (attr->ns == NULL || strcmp ((const char *) attr->ns->href,
                                                 (const char *) XML_XML_NAMESPACE) != 0)
                 : attr->ns != NULL)
        continue;
      if (attr->children == NULL)
        return "";
      if (attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
        return (const char *) attr->children->content;
      return NULL;
    }

  return NULL;
}

char *
peitho_tei_collapse (const char *str)
{
  GString *out;
  gboolean space = FALSE;

  if (str == NULL)
    return NULL;

  out = g_string_sized_new (strlen (str));
  for (const char *p = str; *p; p++)
    {
      if (peitho_tei_is_xml_space (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
peitho_tei_collapsed_text (xmlNode *node)
{
  xmlChar *content;
  char *result;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  result = peitho_tei_collapse ((const char *) content);
  xmlFree (content);
  return result;
}

const char *
peitho_tei_pointer_id (const char *pointer)
{
  const char *hash;

  if (pointer == NULL || *pointer == '\0')
    return NULL;
  hash = strchr (pointer, '#');
  if (hash != NULL)
    return hash[1] != '\0' ? hash + 1 : NULL;
  return pointer;
}


char *
peitho_tei_dump_node (xmlNode *node)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *copy = xmlDocCopyNode (node, doc, 1);
  xmlBuffer *buffer;
  char *result;

  xmlDocSetRootElement (doc, copy);
  buffer = xmlBufferCreate ();
  xmlNodeDump (buffer, doc, copy, 0, 0);
  result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  xmlFreeDoc (doc);
  return result;
}

/* ---------------------------------------------------------------------------
 * Editing a tree in place
 */

gboolean
peitho_tei_is_blank_text (const xmlNode *node)
{
  if (node == NULL || node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p && *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

static gboolean
is_text (const xmlNode *node)
{
  return node != NULL && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

/* Mixed content shows text next to where we insert or at either end;
 * checking only there keeps appending many children linear. */
static gboolean
looks_mixed (const xmlNode *parent,
             const xmlNode *before)
{
  const xmlNode *around[] = { parent->children, parent->last, before,
                              before != NULL ? before->prev : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    if (is_text (around[i]) && !peitho_tei_is_blank_text (around[i]))
      return TRUE;
  return FALSE;
}

static int
node_depth (const xmlNode *node)
{
  int depth = 0;

  for (const xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    depth++;
  return depth;
}

static xmlNode *
new_indent (xmlDoc *doc,
            int     depth)
{
  g_autofree char *text = g_strnfill (1 + 2 * depth, ' ');

  text[0] = '\n';
  return xmlNewDocText (doc, (const xmlChar *) text);
}

/* Inserts @child before @before (or at the end), indented like a pretty
 * printer would in element-only content; mixed content gets no whitespace. */
void
peitho_tei_insert_child (xmlNode *parent,
              xmlNode *child,
              xmlNode *before)
{
  int depth;

  if (looks_mixed (parent, before))
    {
      if (before != NULL)
        xmlAddPrevSibling (before, child);
      else
        xmlAddChild (parent, child);
      return;
    }

  depth = node_depth (parent);
  if (before != NULL)
    {
      xmlAddPrevSibling (before, child);
      xmlAddPrevSibling (before, new_indent (parent->doc, depth + 1));
    }
  else if (peitho_tei_is_blank_text (parent->last))
    {
      xmlAddPrevSibling (parent->last, child);
      xmlAddPrevSibling (child, new_indent (parent->doc, depth + 1));
    }
  else
    {
      xmlAddChild (parent, new_indent (parent->doc, depth + 1));
      xmlAddChild (parent, child);
      xmlAddChild (parent, new_indent (parent->doc, depth));
    }
}

void
peitho_tei_remove_node (xmlNode *node)
{
  xmlNode *parent = node->parent;

  if (parent != NULL && peitho_tei_is_blank_text (node->prev) && !looks_mixed (parent, node))
    {
      xmlNode *blank = node->prev;

      xmlUnlinkNode (blank);
      xmlFreeNode (blank);
    }
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

xmlNode *
peitho_tei_new_element (xmlNode    *context,
             const char *name)
{
  xmlNs *ns = xmlSearchNsByHref (context->doc, context, (const xmlChar *) PEITHO_TEI_NS);

  return xmlNewDocNode (context->doc, ns, (const xmlChar *) name, NULL);
}

void
peitho_tei_set_xml_id (xmlNode    *node,
            const char *id)
{
  xmlNs *xml = xmlSearchNs (node->doc, node, (const xmlChar *) "xml");

  xmlSetNsProp (node, xml, (const xmlChar *) "id", (const xmlChar *) id);
}

void
peitho_tei_add_text (xmlNode    *node,
          const char *text)
{
  if (text != NULL && *text != '\0')
    xmlAddChild (node, xmlNewDocText (node->doc, (const xmlChar *) text));
}

void
peitho_tei_clear_children (xmlNode *node)
{
  while (node->children != NULL)
    {
      xmlNode *child = node->children;

      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
}

/* Replaces the text of @node unless it already says the same, so that markup
 * inside (a <bibl> with <title> and <date>) survives when nothing changed. */
void
peitho_tei_set_text (xmlNode    *node,
          const char *text)
{
  g_autofree char *current = peitho_tei_collapsed_text (node);
  g_autofree char *wanted = peitho_tei_collapse (text);

  if (g_strcmp0 (current, wanted) == 0)
    return;
  peitho_tei_clear_children (node);
  peitho_tei_add_text (node, text);
}

xmlNode *
peitho_tei_new_child (xmlNode    *parent,
           const char *name,
           xmlNode    *before)
{
  xmlNode *node = peitho_tei_new_element (parent, name);

  peitho_tei_insert_child (parent, node, before);
  return node;
}

xmlNode *
peitho_tei_ensure_child (xmlNode    *parent,
              const char *name,
              xmlNode    *before)
{
  xmlNode *node = peitho_tei_child (parent, name);

  return node != NULL ? node : peitho_tei_new_child (parent, name, before);
}

/* The first element child whose name is not in @names (NULL-terminated). */
xmlNode *
peitho_tei_first_element_not_in (xmlNode           *parent,
                      const char * const *names)
{
  for (xmlNode *child = peitho_tei_first_element (parent); child;
       child = peitho_tei_next_element (child))
    {
      gboolean listed = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        if (peitho_tei_is (child, names[i]))
          listed = TRUE;
      if (!listed)
        return child;
    }
  return NULL;
}

char *
peitho_tei_unique_id (GHashTable *used_ids,
                      const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (used_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (used_ids, g_strdup (id));
  return id;
}
