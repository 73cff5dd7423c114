/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-tei-common.h"
#include "peitho-tei-own-annotations.h"

void
peitho_tei_own_edit_free (PeithoTeiOwnEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->ana);
  g_free (edit);
}

/* The tokens of @node's @ana, as they stand. */
static GPtrArray *
ana_tokens (xmlNode *node)
{
  const char *ana = peitho_tei_attr (node, "ana");
  g_auto(GStrv) split = g_strsplit_set (ana != NULL ? ana : "", " \t\n\r", -1);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (tokens, g_strdup (split[i]));
  return tokens;
}

/* Points the token of @tokens that points at @old_tag at @new_tag, or takes
 * it out when @new_tag is NULL. */
static void
edit_token (GPtrArray  *tokens,
            const char *old_tag,
            const char *new_tag)
{
  g_assert (tokens != NULL && old_tag != NULL);

  for (guint i = 0; i < tokens->len; i++)
    if (g_strcmp0 (peitho_tei_pointer_id (g_ptr_array_index (tokens, i)), old_tag) == 0)
      {
        if (new_tag == NULL)
          g_ptr_array_remove_index (tokens, i);
        else
          {
            g_free (g_ptr_array_index (tokens, i));
            g_ptr_array_index (tokens, i) = g_strconcat ("#", new_tag, NULL);
          }
        return;
      }
}

GPtrArray *
peitho_tei_own_annotation_edits (PeithoTeiEdition *edition,
                                 PeithoDocument   *document)
{
  g_autoptr(GHashTable) by_node = NULL;
  GPtrArray *edits;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (edition != NULL, NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) peitho_tei_own_edit_free);
  /* element -> its @ana's tokens as Peitho leaves them */
  by_node = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  g_hash_table_iter_init (&iter, edition->own_annotations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PeithoTeiOwnAnnotation *own = value;
      PeithoAnnotation *annotation = peitho_document_lookup_annotation (document, key);
      const char *tag_id = annotation != NULL ? peitho_annotation_get_tag_id (annotation) : NULL;
      GPtrArray *tokens;

      if (g_strcmp0 (tag_id, own->tag_id) == 0)
        continue;
      tokens = g_hash_table_lookup (by_node, own->node);
      if (tokens == NULL)
        {
          tokens = ana_tokens (own->node);
          g_hash_table_insert (by_node, own->node, tokens);
        }
      edit_token (tokens, own->tag_id, tag_id);
    }

  g_hash_table_iter_init (&iter, by_node);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *tokens = value;
      PeithoTeiOwnEdit *edit = g_new0 (PeithoTeiOwnEdit, 1);

      edit->node = key;
      if (tokens->len > 0)
        {
          g_ptr_array_add (tokens, NULL);
          edit->ana = g_strjoinv (" ", (char **) tokens->pdata);
        }
      g_ptr_array_add (edits, edit);
    }
  return edits;
}

/* Whether @node says nothing but that it is an annotation. */
static gboolean
only_annotation_attributes (const xmlNode *node)
{
  static const char *const names[] = { "ana", "resp", "change", "cert" };

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      if (attr->ns != NULL)
        known = g_str_equal ((const char *) attr->name, "id")
                && g_strcmp0 ((const char *) attr->ns->href, (const char *) XML_XML_NAMESPACE) == 0;
      else
        for (guint i = 0; i < G_N_ELEMENTS (names) && !known; i++)
          known = g_str_equal ((const char *) attr->name, names[i]);
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* Puts @node's children where it is, and frees it. */
static void
unwrap (xmlNode *node)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      xmlUnlinkNode (child);
      /* Text merges with the text before it: the same characters. */
      xmlAddPrevSibling (node, child);
      child = next;
    }
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

void
peitho_tei_apply_own_edit (const PeithoTeiOwnEdit *edit,
                           xmlNode                *node)
{
  g_return_if_fail (edit != NULL);
  g_return_if_fail (node != NULL && node->type == XML_ELEMENT_NODE);

  if (edit->ana != NULL)
    xmlSetProp (node, (const xmlChar *) "ana", (const xmlChar *) edit->ana);
  else if (peitho_tei_is (node, "span")
           && (peitho_tei_attr (node, "from") != NULL || peitho_tei_attr (node, "target") != NULL))
    peitho_tei_remove_node (node);
  else if (peitho_tei_is (node, "seg") && only_annotation_attributes (node))
    unwrap (node);
  else
    xmlUnsetProp (node, (const xmlChar *) "ana");
}

/* ---------------------------------------------------------------------------
 * Notes
 */

void
peitho_tei_own_note_free (PeithoTeiOwnNote *note)
{
  if (note == NULL)
    return;
  g_free (note->id);
  g_free (note->text);
  g_free (note);
}

static gboolean
is_inside (const xmlNode *node,
           const xmlNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* Whether @own is the annotation a note that points at its element is read
 * for: the one with the element's xml:id, or, the element having none, the
 * one of the first category of its @ana. */
static gboolean
is_element_annotation (const PeithoTeiOwnAnnotation *own,
                       const char                   *id)
{
  const char *xml_id = peitho_tei_attr (own->node, "xml:id");
  g_autoptr(GPtrArray) tokens = NULL;

  g_assert (own != NULL && id != NULL);

  if (xml_id != NULL)
    return g_str_equal (xml_id, id);
  tokens = ana_tokens (own->node);
  return tokens->len > 0
         && g_strcmp0 (peitho_tei_pointer_id (g_ptr_array_index (tokens, 0)), own->tag_id) == 0;
}

static int
own_note_compare (gconstpointer a,
                  gconstpointer b)
{
  const PeithoTeiOwnNote *x = *(PeithoTeiOwnNote * const *) a;
  const PeithoTeiOwnNote *y = *(PeithoTeiOwnNote * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return strcmp (x->id, y->id);
}

GPtrArray *
peitho_tei_own_notes (PeithoTeiEdition *edition,
                      PeithoDocument   *document)
{
  GPtrArray *notes;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (edition != NULL, NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) peitho_tei_own_note_free);
  g_hash_table_iter_init (&iter, edition->own_annotations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PeithoTeiOwnAnnotation *own = value;
      PeithoAnnotation *annotation = peitho_document_lookup_annotation (document, key);
      const char *text = annotation != NULL ? peitho_annotation_get_note (annotation) : NULL;
      PeithoTeiOwnNote *note;

      if (own->note_node != NULL)
        {
          if (g_strcmp0 (text, own->note) == 0)
            continue;
          /* A span's note goes with it; one of a kept span says the same. */
          if (annotation == NULL && is_inside (own->note_node, own->node))
            continue;
        }
      else if (text == NULL || !is_element_annotation (own, key))
        continue;

      note = g_new0 (PeithoTeiOwnNote, 1);
      note->note_node = own->note_node;
      note->element = own->node;
      note->id = g_strdup (key);
      note->text = g_strdup (text);
      note->start = annotation != NULL ? peitho_annotation_get_start (annotation) : 0;
      g_ptr_array_add (notes, note);
    }
  g_ptr_array_sort (notes, own_note_compare);
  return notes;
}

/* ---------------------------------------------------------------------------
 * Relations
 */

GPtrArray *
peitho_tei_removed_own_relations (PeithoTeiEdition *edition,
                                  PeithoDocument   *document)
{
  /* element -> whether one of its relations is left */
  g_autoptr(GHashTable) left = g_hash_table_new (NULL, NULL);
  GPtrArray *removed;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (edition != NULL, NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  g_hash_table_iter_init (&iter, edition->own_relations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean kept = peitho_document_lookup_relation (document, key) != NULL;

      if (kept || !g_hash_table_contains (left, value))
        g_hash_table_insert (left, value, GINT_TO_POINTER (kept));
    }

  removed = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, left);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!GPOINTER_TO_INT (value))
      g_ptr_array_add (removed, key);
  return removed;
}
