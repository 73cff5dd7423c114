/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-tei-common.h"
#include "peitho-xml-text.h"

struct _PeithoXmlText {
  GString    *text;
  GString    *masked;
  gsize       length;       /* code points */
  GHashTable *starts;       /* xmlNode -> offset + 1 */
  GHashTable *ends;
  GHashTable *ids;          /* xml:id -> xmlNode */
  GArray     *offsets;      /* byte offset of each code point, for utf16_offset */
};

static gboolean
is_masked (xmlNode *node)
{
  xmlNode *parent = node->parent;

  if (peitho_tei_is (node, "note") || peitho_tei_is (node, "fs") || peitho_tei_is (node, "fsDecl"))
    return TRUE;
  if (parent == NULL)
    return FALSE;

  /* One reading of a choice: the corrected, regularised, expanded one. */
  if (peitho_tei_is (parent, "choice"))
    {
      static const char * const shown[] = { "corr", "reg", "expan" };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          if (peitho_tei_child (parent, shown[i]) != NULL)
            return !peitho_tei_is (node, shown[i]);
        }
      return node != peitho_tei_first_element (parent);
    }
  if (peitho_tei_is (parent, "app"))
    {
      if (peitho_tei_child (parent, "lem") != NULL)
        return !peitho_tei_is (node, "lem");
      return node != peitho_tei_first_element (parent);
    }

  return FALSE;
}

static void
append_text (PeithoXmlText *self,
             const char    *content,
             gboolean       masked)
{
  for (const char *p = content; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize offset = self->text->len;

      g_array_append_val (self->offsets, offset);
      g_string_append_unichar (self->text, g_utf8_get_char (p));
      if (masked)
        g_string_append_c (self->masked, ' ');
      else
        g_string_append_unichar (self->masked, g_utf8_get_char (p));
      self->length++;
    }
}

static void
walk (PeithoXmlText *self,
      xmlNode       *node,
      gboolean       masked)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        append_text (self, (const char *) child->content, masked);
      else if (child->type == XML_ELEMENT_NODE)
        {
          const char *id = peitho_tei_attr (child, "xml:id");

          if (id != NULL && !g_hash_table_contains (self->ids, id))
            g_hash_table_insert (self->ids, (gpointer) id, child);
          g_hash_table_insert (self->starts, child, GSIZE_TO_POINTER (self->length + 1));
          walk (self, child, masked || is_masked (child));
          g_hash_table_insert (self->ends, child, GSIZE_TO_POINTER (self->length + 1));
        }
    }
}

PeithoXmlText *
peitho_xml_text_new (xmlNode *root)
{
  PeithoXmlText *self;
  const char *id;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_new0 (PeithoXmlText, 1);
  self->text = g_string_new (NULL);
  self->masked = g_string_new (NULL);
  self->starts = g_hash_table_new (NULL, NULL);
  self->ends = g_hash_table_new (NULL, NULL);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  id = peitho_tei_attr (root, "xml:id");
  if (id != NULL)
    g_hash_table_insert (self->ids, (gpointer) id, root);
  g_hash_table_insert (self->starts, root, GSIZE_TO_POINTER (1));
  walk (self, root, FALSE);
  g_hash_table_insert (self->ends, root, GSIZE_TO_POINTER (self->length + 1));
  {
    gsize end = self->text->len;

    g_array_append_val (self->offsets, end);
  }

  return self;
}

void
peitho_xml_text_free (PeithoXmlText *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_string_free (self->masked, TRUE);
  g_hash_table_unref (self->starts);
  g_hash_table_unref (self->ends);
  g_hash_table_unref (self->ids);
  g_array_unref (self->offsets);
  g_free (self);
}

const char *
peitho_xml_text_get_text (PeithoXmlText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

char *
peitho_xml_text_dup_masked (PeithoXmlText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup (self->masked->str);
}

gboolean
peitho_xml_text_range (PeithoXmlText *self,
                       xmlNode       *node,
                       gsize         *start,
                       gsize         *end)
{
  gsize s;
  gsize e;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  s = GPOINTER_TO_SIZE (g_hash_table_lookup (self->starts, node));
  e = GPOINTER_TO_SIZE (g_hash_table_lookup (self->ends, node));
  if (s == 0 || e == 0)
    return FALSE;
  *start = s - 1;
  *end = e - 1;

  return TRUE;
}

xmlNode *
peitho_xml_text_lookup_id (PeithoXmlText *self,
                           const char    *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->ids, id);
}

gsize
peitho_xml_text_utf16_offset (PeithoXmlText *self,
                              gsize          start,
                              gsize          units)
{
  gsize cp = start;

  g_return_val_if_fail (self != NULL, start);

  while (units > 0 && cp < self->length)
    {
      gunichar c = g_utf8_get_char (self->text->str + g_array_index (self->offsets, gsize, cp));

      units -= MIN (units, c > 0xFFFF ? 2u : 1u);
      cp++;
    }

  return cp + units;
}

static xmlNode *
find_by_id (xmlNode    *node,
            const char *name,
            const char *id)
{
  if (node == NULL)
    return NULL;
  if (g_str_equal ((const char *) node->name, name) && g_strcmp0 (peitho_tei_attr (node, "xml:id"), id) == 0)
    return node;
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      xmlNode *found = find_by_id (child, name, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

xmlNode *
peitho_xml_resolve_path (xmlDoc     *doc,
                         const char *path)
{
  g_auto(GStrv) steps = NULL;
  xmlNode *node = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] != '/')
    return NULL;

  /* Recogito also starts from an element with an id:
   * "//text[@xml:id='text-1']/body[1]/p[4]". */
  if (g_str_has_prefix (path, "//"))
    {
      const char *open = strstr (path, "[@xml:id='");
      const char *close = open != NULL ? strstr (open, "']") : NULL;
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;

      if (open == NULL || close == NULL || (close[2] != '/' && close[2] != '\0'))
        return NULL;
      name = g_strndup (path + 2, open - path - 2);
      id = g_strndup (open + 10, close - open - 10);
      node = find_by_id (xmlDocGetRootElement (doc), name, id);
      if (node == NULL || close[2] == '\0')
        return node;
      path = close + 2;
    }
  steps = g_strsplit (path + 1, "/", -1);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      char *bracket = strchr (steps[i], '[');
      guint64 position = 1;
      xmlNode *child;

      if (bracket != NULL)
        {
          char *end = NULL;

          position = g_ascii_strtoull (bracket + 1, &end, 10);
          if (end == bracket + 1 || *end != ']' || position == 0)
            return NULL;
          name = g_strndup (steps[i], bracket - steps[i]);
        }
      else
        name = g_strdup (steps[i]);

      child = node == NULL ? doc->children : node->children;
      node = NULL;
      for (; child != NULL; child = child->next)
        {
          if (child->type != XML_ELEMENT_NODE
              || !g_str_equal ((const char *) child->name, name))
            continue;
          if (--position == 0)
            {
              node = child;
              break;
            }
        }
      if (node == NULL)
        return NULL;
    }

  return node;
}
