/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-tei-edition-writer.h"
#include "peitho-tei-ids.h"
#include "peitho-tei-own-annotations.h"
#include "peitho-tei-relations.h"
#include "peitho-tei-taxonomy.h"

/*
 * An edition is saved as a copy of the tree it was read from, with Peitho's
 * additions of an earlier save taken out and its present ones put in:
 *
 * - an <anchor> where each annotation starts and ends, in the text node that
 *   holds the character (split in two there), or beside the element when the
 *   schema allows no anchor inside it (pc, g, ...);
 * - <standOff type="peitho"> with the spans and relations, after the rest;
 * - in the header, each marked n="peitho": a respStmt per annotator, the
 *   taxonomy (in a classDecl) and renditions (in a tagsDecl), <change>s.
 *
 * The cost is one copy of the tree, one walk to find the copied nodes, and
 * for each annotation a binary search among the segments plus a walk of the
 * one text node it lands in.
 *
 * Every addition is one element, after one whitespace node of our own in
 * element-only content that is indented; taking out an addition takes the
 * whitespace before it, so that reading a saved file and saving it again
 * gives the same bytes.
 */

typedef enum {
  PLACE_IN_TEXT,
  PLACE_BEFORE,
  PLACE_AFTER,
} PlaceKind;

typedef struct {
  xmlNode   *node;      /* in the original tree until mapped */
  guint32    byte;
  PlaceKind  kind;
  guint8     is_start;
  guint      index;     /* into the annotations */
} Event;

typedef struct {
  PeithoDocument   *document;
  PeithoTeiEdition *edition;
  xmlDoc           *copy;
  GPtrArray        *annotations;    /* the ones Peitho writes, document order */
  GPtrArray        *anchor_ids;     /* char *: start, end for each annotation */
  char            **change_refs;
  GHashTable       *used_ids;
  GArray           *events;
  GHashTable       *wanted;         /* original node -> copied node (NULL until found) */
  GPtrArray        *own_edits;      /* PeithoTeiOwnEdit: the edition's annotations edited */
  GPtrArray        *own_notes;      /* PeithoTeiOwnNote: notes on them */
  GPtrArray        *note_targets;   /* char *: for each own note, its target in Peitho's
                                     * standOff (NULL: the edition's note was edited) */
  GPtrArray        *gone_relations; /* xmlNode *: the edition's relations to take away */
} Writer;

/* ---------------------------------------------------------------------------
 * Whitespace around additions
 */

static gboolean
is_blank (const xmlNode *node)
{
  return node != NULL && node->type == XML_TEXT_NODE && peitho_tei_is_blank_text (node);
}

static gboolean
has_text (const xmlNode *parent)
{
  for (const xmlNode *n = parent->children; n; n = n->next)
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && !is_blank (n))
      return TRUE;
  return FALSE;
}

static gboolean
is_indented (const xmlNode *parent)
{
  for (const xmlNode *n = parent->children; n; n = n->next)
    if (is_blank (n) && strchr ((const char *) n->content, '\n') != NULL)
      return TRUE;
  return FALSE;
}

static int
depth_of (const xmlNode *node)
{
  int depth = 0;

  for (const xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    depth++;
  return depth;
}

/* Inserts @child right after @after (or first in @parent if NULL), with an
 * indentation of its own before it where @parent is indented element-only
 * content. */
static void
insert_part (xmlNode *parent,
             xmlNode *after,
             xmlNode *child)
{
  xmlNode *indent = NULL;

  if (!has_text (parent) && is_indented (parent))
    {
      g_autofree char *text = NULL;

      if (after != NULL && is_blank (after->prev))
        text = g_strdup ((const char *) after->prev->content);
      else
        {
          text = g_strnfill (1 + 2 * (depth_of (parent) + 1), ' ');
          text[0] = '\n';
        }
      indent = xmlNewDocText (parent->doc, (const xmlChar *) text);
    }

  if (after != NULL)
    {
      xmlAddNextSibling (after, child);
      if (indent != NULL)
        xmlAddPrevSibling (child, indent);
    }
  else if (parent->children != NULL)
    {
      xmlAddPrevSibling (parent->children, child);
      if (indent != NULL)
        xmlAddPrevSibling (child, indent);
    }
  else
    {
      if (indent != NULL)
        xmlAddChild (parent, indent);
      xmlAddChild (parent, child);
    }
}

static xmlNode *
last_element (xmlNode *parent)
{
  for (xmlNode *n = parent->last; n; n = n->prev)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

/* Appends after the last element child (before trailing whitespace). */
static void
append_part (xmlNode *parent,
             xmlNode *child)
{
  xmlNode *last = last_element (parent);

  if (last == NULL && parent->last != NULL)
    {
      /* Only whitespace or comments: after the last of them. */
      xmlAddChild (parent, child);
      return;
    }
  insert_part (parent, last, child);
}

static void
remove_part (xmlNode *node)
{
  xmlNode *parent = node->parent;

  if (!peitho_tei_is (node, "anchor") && parent != NULL && is_blank (node->prev)
      && !has_text (parent))
    {
      xmlNode *blank = node->prev;

      xmlUnlinkNode (blank);
      xmlFreeNode (blank);
    }
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

static xmlNode *
new_part (xmlNode    *context,
          const char *name)
{
  xmlNode *node = peitho_tei_new_element (context, name);

  if (peitho_tei_is (node, "standOff"))
    xmlSetProp (node, (const xmlChar *) "type", (const xmlChar *) PEITHO_TEI_PART_MARK);
  else
    xmlSetProp (node, (const xmlChar *) "n", (const xmlChar *) PEITHO_TEI_PART_MARK);
  return node;
}

static xmlNode *
new_element (xmlNode    *parent,
             const char *name)
{
  xmlNode *node = peitho_tei_new_element (parent, name);

  xmlAddChild (parent, node);
  return node;
}

static void
set_ref (xmlNode    *node,
         const char *name,
         const char *id)
{
  g_autofree char *value = NULL;

  if (id == NULL)
    return;
  value = g_strconcat ("#", id, NULL);
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

/* ---------------------------------------------------------------------------
 * The copy
 */

static void
map_nodes (Writer  *self,
           xmlNode *original,
           xmlNode *copy)
{
  while (original != NULL && copy != NULL)
    {
      if (g_hash_table_contains (self->wanted, original))
        g_hash_table_insert (self->wanted, original, copy);
      if (original->type == XML_ELEMENT_NODE)
        map_nodes (self, original->children, copy->children);
      original = original->next;
      copy = copy->next;
    }
}

static xmlNode *
mapped (Writer  *self,
        xmlNode *original)
{
  xmlNode *copy = g_hash_table_lookup (self->wanted, original);

  g_assert (copy != NULL);
  return copy;
}

/* ---------------------------------------------------------------------------
 * Anchors
 */

/* The byte at which character @k of @segment begins, and the one after it. */
static void
locate (const PeithoTeiSegment *segment,
        gsize                   k,
        guint32                *begin,
        guint32                *after)
{
  const char *text = (const char *) segment->node->content;
  guint32 i = segment->byte_start;

  for (gsize j = 0; j < k; j++)
    {
      if (!segment->preserve && peitho_tei_is_space (text[i]))
        while (peitho_tei_is_space (text[i]))
          i++;
      else
        i = g_utf8_next_char (text + i) - text;
    }
  *begin = i;
  if (!segment->preserve && peitho_tei_is_space (text[i]))
    *after = i + 1;
  else
    *after = g_utf8_next_char (text + i) - text;
}

static gboolean
place_event (Writer   *self,
             gsize     offset,
             gboolean  is_start,
             guint     index)
{
  const PeithoTeiSegment *segment;
  Event event = { NULL, 0, PLACE_IN_TEXT, is_start, index };

  segment = peitho_tei_edition_segment_at (self->edition, is_start ? offset : offset - 1);
  if (segment == NULL)
    return FALSE;

  if (segment->node->type != XML_TEXT_NODE)
    {
      event.node = segment->node;
      event.kind = is_start ? PLACE_BEFORE : PLACE_AFTER;
    }
  else if (peitho_tei_anchor_forbidden_in (segment->node->parent))
    {
      xmlNode *outer = segment->node->parent;

      /* Beside the outermost element that forbids it. */
      while (peitho_tei_anchor_forbidden_in (outer->parent))
        outer = outer->parent;
      event.node = outer;
      event.kind = is_start ? PLACE_BEFORE : PLACE_AFTER;
    }
  else
    {
      guint32 begin, after;

      locate (segment, (is_start ? offset : offset - 1) - segment->start, &begin, &after);
      event.node = segment->node;
      event.byte = is_start ? begin : after;
    }

  g_hash_table_insert (self->wanted, event.node, NULL);
  g_array_append_val (self->events, event);
  return TRUE;
}

static int
event_compare (gconstpointer a,
               gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->byte != y->byte)
    return x->byte < y->byte ? -1 : 1;
  /* Ends before starts; starts in document order, ends in reverse. */
  if (x->is_start != y->is_start)
    return x->is_start ? 1 : -1;
  if (x->is_start)
    return x->index < y->index ? -1 : (x->index > y->index);
  return x->index > y->index ? -1 : (x->index < y->index);
}

static xmlNode *
new_anchor (Writer      *self,
            const Event *event)
{
  xmlNode *anchor = peitho_tei_new_element (xmlDocGetRootElement (self->copy), "anchor");

  peitho_tei_set_xml_id (anchor, g_ptr_array_index (self->anchor_ids,
                                                    2 * event->index + (event->is_start ? 0 : 1)));
  return anchor;
}

/* Inserts the anchors of events [first, last) that all fall in one node. */
static void
insert_anchors (Writer *self,
                guint   first,
                guint   last)
{
  const Event *head = &g_array_index (self->events, Event, first);
  xmlNode *node = mapped (self, head->node);

  if (head->kind == PLACE_IN_TEXT)
    {
      g_autofree char *content = g_strdup ((const char *) node->content);
      xmlNode *cursor = node;
      guint32 done = 0;

      for (guint i = first; i < last; i++)
        {
          const Event *event = &g_array_index (self->events, Event, i);
          xmlNode *anchor = new_anchor (self, event);

          if (i == first)
            xmlNodeSetContentLen (node, (const xmlChar *) content, event->byte);
          else if (event->byte > done)
            {
              xmlNode *piece = xmlNewDocTextLen (self->copy, (const xmlChar *) content + done,
                                                 event->byte - done);

              cursor = xmlAddNextSibling (cursor, piece);
            }
          cursor = xmlAddNextSibling (cursor, anchor);
          done = event->byte;
        }
      if (content[done] != '\0')
        xmlAddNextSibling (cursor, xmlNewDocText (self->copy, (const xmlChar *) content + done));
      return;
    }

  for (guint i = first; i < last; )
    {
      PlaceKind kind = g_array_index (self->events, Event, i).kind;
      xmlNode *cursor = node;

      for (; i < last && g_array_index (self->events, Event, i).kind == kind; i++)
        {
          xmlNode *anchor = new_anchor (self, &g_array_index (self->events, Event, i));

          if (kind == PLACE_BEFORE)
            xmlAddPrevSibling (node, anchor);
          else
            cursor = xmlAddNextSibling (cursor, anchor);
        }
    }
}

static void
insert_all_anchors (Writer *self)
{
  guint first = 0;

  g_array_sort (self->events, event_compare);
  while (first < self->events->len)
    {
      const Event *head = &g_array_index (self->events, Event, first);
      guint last = first + 1;

      while (last < self->events->len
             && g_array_index (self->events, Event, last).node == head->node
             && (head->kind == PLACE_IN_TEXT)
                == (g_array_index (self->events, Event, last).kind == PLACE_IN_TEXT))
        last++;
      insert_anchors (self, first, last);
      first = last;
    }
}

/* ---------------------------------------------------------------------------
 * The edition's own annotations: notes and relations
 */

/* Whether @note points at more than one element: then it is not only the
 * note of the annotation that went. */
static gboolean
points_at_several (xmlNode *note)
{
  const char *target = peitho_tei_attr (note, "target");
  g_auto(GStrv) tokens = g_strsplit_set (target != NULL ? target : "", " \t\n\r", -1);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      n++;
  return n > 1;
}

/* Edits the edition's notes, and gives an xml:id to each element that a note
 * of Peitho's is to point at and has none. */
static void
apply_own_notes (Writer *self)
{
  for (guint i = 0; i < self->own_notes->len; i++)
    {
      PeithoTeiOwnNote *note = g_ptr_array_index (self->own_notes, i);
      char *target = NULL;

      if (note->note_node != NULL)
        {
          xmlNode *node = mapped (self, note->note_node);

          if (note->text != NULL)
            peitho_tei_set_text (node, note->text);
          else if (!points_at_several (node))
            peitho_tei_remove_node (node);
        }
      else
        {
          xmlNode *element = mapped (self, note->element);
          const char *id = peitho_tei_attr (element, "xml:id");

          if (id != NULL)
            target = g_strdup (id);
          else
            {
              target = g_hash_table_contains (self->edition->ids, note->id)
                       ? peitho_tei_unique_id (self->used_ids, note->id)
                       : g_strdup (note->id);
              peitho_tei_set_xml_id (element, target);
            }
        }
      g_ptr_array_add (self->note_targets, target);
    }
}

/* Takes away the edition's relations that Peitho removed, and a list of them
 * (or a standOff) that is left empty, which the schema does not allow. */
static void
remove_own_relations (Writer *self)
{
  for (guint i = 0; i < self->gone_relations->len; i++)
    {
      xmlNode *node = mapped (self, g_ptr_array_index (self->gone_relations, i));
      xmlNode *parent = node->parent;

      peitho_tei_remove_node (node);
      while (parent != NULL && (peitho_tei_is (parent, "listRelation")
                                || peitho_tei_is (parent, "standOff"))
             && peitho_tei_first_element (parent) == NULL)
        {
          node = parent;
          parent = node->parent;
          peitho_tei_remove_node (node);
        }
    }
}

/* ---------------------------------------------------------------------------
 * standOff
 */

static void
build_stand_off (Writer  *self,
                 xmlNode *root)
{
  GListModel *model = peitho_document_get_relations (self->document);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_relations, n_notes;
  xmlNode *stand_off;
  xmlNode *after = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      PeithoRelation *relation = g_list_model_get_item (model, i);

      /* The edition's own relations stay in its own standOff. */
      if (peitho_relation_get_id (relation) != NULL
          && g_hash_table_contains (self->edition->own_relations, peitho_relation_get_id (relation)))
        g_object_unref (relation);
      else
        g_ptr_array_add (relations, relation);
    }
  n_relations = relations->len;
  n_notes = 0;
  for (guint i = 0; i < self->note_targets->len; i++)
    if (g_ptr_array_index (self->note_targets, i) != NULL)
      n_notes++;
  if (self->annotations->len == 0 && n_relations == 0 && n_notes == 0)
    return;

  stand_off = new_part (root, "standOff");
  if (self->annotations->len > 0)
    {
      xmlNode *group = new_element (stand_off, "spanGrp");

      xmlSetProp (group, (const xmlChar *) "type", (const xmlChar *) "annotations");
      for (guint i = 0; i < self->annotations->len; i++)
        {
          PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, i);
          const char *note = peitho_annotation_get_note (annotation);
          xmlNode *span = new_element (group, "span");

          peitho_tei_set_xml_id (span, peitho_annotation_get_id (annotation));
          set_ref (span, "from", g_ptr_array_index (self->anchor_ids, 2 * i));
          set_ref (span, "to", g_ptr_array_index (self->anchor_ids, 2 * i + 1));
          set_ref (span, "ana", peitho_annotation_get_tag_id (annotation));
          set_ref (span, "resp", peitho_annotation_get_annotator_id (annotation));
          set_ref (span, "change", self->change_refs[i]);
          if (note != NULL)
            peitho_tei_add_text (new_element (span, "note"), note);
        }
    }
  if (n_relations > 0)
    {
      xmlNode *list = new_element (stand_off, "listRelation");

      for (guint i = 0; i < n_relations; i++)
        {
          PeithoRelation *relation = g_ptr_array_index (relations, i);
          const char *type = peitho_relation_get_relation_type (relation);
          xmlNode *node = new_element (list, "relation");
          g_autofree char *name = peitho_tei_relation_name (type);
          if (peitho_relation_get_id (relation) != NULL)
            peitho_tei_set_xml_id (node, peitho_relation_get_id (relation));
          xmlSetProp (node, (const xmlChar *) "name", (const xmlChar *) name);
          set_ref (node, "active", peitho_relation_get_from_id (relation));
          set_ref (node, "passive", peitho_relation_get_to_id (relation));
          set_ref (node, "resp", peitho_relation_get_annotator_id (relation));
          if (type != NULL && *type != '\0' && strcmp (name, type) != 0)
            peitho_tei_add_text (new_element (node, "desc"), type);
        }
    }
  /* Notes on the edition's own annotations, which it gave no place for. */
  for (guint i = 0; i < self->note_targets->len; i++)
    {
      const char *target = g_ptr_array_index (self->note_targets, i);
      PeithoTeiOwnNote *note = g_ptr_array_index (self->own_notes, i);
      xmlNode *node;

      if (target == NULL)
        continue;
      node = new_element (stand_off, "note");
      set_ref (node, "target", target);
      peitho_tei_add_text (node, note->text);
    }

  /* A teiCorpus holds its standOff before its TEIs; a TEI after its text. */
  if (peitho_tei_is (root, "teiCorpus"))
    {
      for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
        if (peitho_tei_is (n, "teiHeader") || peitho_tei_is (n, "standOff"))
          after = n;
      insert_part (root, after, stand_off);
    }
  else
    append_part (root, stand_off);
}

/* ---------------------------------------------------------------------------
 * The header
 */

static xmlNode *
ensure_part_after (xmlNode    *parent,
                   const char *name,
                   xmlNode    *after)
{
  xmlNode *node = peitho_tei_child (parent, name);

  if (node != NULL)
    return node;
  node = new_part (parent, name);
  if (after != NULL)
    insert_part (parent, after, node);
  else
    append_part (parent, node);
  return node;
}

static void
add_annotators (Writer  *self,
                xmlNode *header)
{
  GListModel *annotators = peitho_document_get_annotators (self->document);
  xmlNode *file_desc = peitho_tei_child (header, "fileDesc");
  xmlNode *title_stmt = peitho_tei_child (file_desc, "titleStmt");

  if (title_stmt == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *id = peitho_annotator_get_id (annotator);
      xmlNode *resp_stmt;

      /* The edition's own respStmt, which an annotation of its own names. */
      if (g_hash_table_contains (self->edition->ids, id))
        continue;
      resp_stmt = new_part (title_stmt, "respStmt");
      peitho_tei_set_xml_id (resp_stmt, id);
      peitho_tei_add_text (new_element (resp_stmt, "resp"), "annotation");
      peitho_tei_add_text (new_element (resp_stmt, "persName"), peitho_annotator_get_name (annotator));
      append_part (title_stmt, resp_stmt);
    }
}

/* Metadata edited on the document goes into the edition's own elements
 * (created where missing, as the flat form would); the rest stays as is. */
static void
update_metadata (Writer  *self,
                 xmlNode *header)
{
  static const char * const before_pub[] = { "titleStmt", NULL };
  PeithoTeiEdition *edition = self->edition;
  const char *title = peitho_document_get_title (self->document);
  const char *author = peitho_document_get_author (self->document);
  const char *date = peitho_document_get_date (self->document);
  const char *source = peitho_document_get_source (self->document);
  xmlNode *file_desc = peitho_tei_child (header, "fileDesc");
  xmlNode *title_stmt;

  if (file_desc == NULL)
    return;
  title_stmt = peitho_tei_ensure_child (file_desc, "titleStmt",
                                        peitho_tei_first_element_not_in (file_desc, before_pub));

  if (g_strcmp0 (title, edition->title) != 0)
    peitho_tei_set_text (peitho_tei_ensure_child (title_stmt, "title",
                                                  peitho_tei_first_element (title_stmt)),
                         title);
  if (g_strcmp0 (author, edition->author) != 0)
    {
      xmlNode *node = peitho_tei_child (title_stmt, "author");

      if (author == NULL || *author == '\0')
        {
          if (node != NULL)
            peitho_tei_remove_node (node);
        }
      else
        {
          if (node == NULL)
            {
              xmlNode *last_title = NULL;

              for (xmlNode *n = peitho_tei_first_element (title_stmt); n; n = peitho_tei_next_element (n))
                if (peitho_tei_is (n, "title"))
                  last_title = n;
              node = peitho_tei_new_child (title_stmt, "author",
                                           last_title != NULL ? peitho_tei_next_element (last_title)
                                                              : NULL);
            }
          peitho_tei_set_text (node, author);
        }
    }
  if (g_strcmp0 (date, edition->date) != 0 && date != NULL && *date != '\0')
    {
      xmlNode *profile_desc = peitho_tei_child (header, "profileDesc");
      xmlNode *creation, *node;
      g_autofree char *iso = peitho_tei_date_to_iso (date);

      if (profile_desc == NULL)
        {
          xmlNode *after = peitho_tei_child (header, "encodingDesc");

          if (after == NULL)
            after = file_desc;
          profile_desc = peitho_tei_new_child (header, "profileDesc", peitho_tei_next_element (after));
        }
      creation = peitho_tei_ensure_child (profile_desc, "creation", peitho_tei_first_element (profile_desc));
      node = peitho_tei_ensure_child (creation, "date", NULL);
      peitho_tei_set_text (node, date);
      if (iso != NULL)
        xmlSetProp (node, (const xmlChar *) "when", (const xmlChar *) iso);
    }
  if (g_strcmp0 (source, edition->source) != 0 && source != NULL)
    {
      xmlNode *source_desc = peitho_tei_child (file_desc, "sourceDesc");
      xmlNode *bibl = source_desc != NULL ? peitho_tei_child (source_desc, "bibl") : NULL;

      if (bibl != NULL)
        peitho_tei_set_text (bibl, source);
      else if (source_desc != NULL && peitho_tei_child (source_desc, "p") == NULL)
        peitho_tei_add_text (peitho_tei_new_child (source_desc, "bibl", NULL), source);
    }
}

static gboolean
is_own_category (Writer     *self,
                 const char *id)
{
  g_assert (self != NULL);
  g_assert (id != NULL);

  return g_hash_table_contains (self->edition->own_categories, id)
         || g_hash_table_contains (self->edition->ids, id);
}

/* The tag set without the categories the edition declares itself; its
 * groups stay where Peitho added tags to them. */
static PeithoTagSet *
writable_tag_set (Writer *self)
{
  PeithoTagSet *tag_set = peitho_tag_set_copy (peitho_document_get_tag_set (self->document));
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);

      if (is_own_category (self, peitho_tag_get_id (tag)))
        peitho_tag_set_remove_tag (tag_set, tag);
    }
  for (guint i = peitho_tag_set_get_n_groups (tag_set); i > 0; i--)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i - 1);

      if (is_own_category (self, peitho_tag_group_get_id (group))
          && peitho_tag_group_get_n_tags (group) == 0)
        peitho_tag_set_remove_group (tag_set, group);
    }
  return tag_set;
}

/* A group of the edition's in Peitho's taxonomy points at it instead of
 * taking its id again. */
static void
point_at_own_groups (Writer  *self,
                     xmlNode *taxonomy)
{
  for (xmlNode *c = peitho_tei_first_element (taxonomy); c; c = peitho_tei_next_element (c))
    {
      const char *id = peitho_tei_attr (c, "xml:id");
      g_autofree char *pointer = NULL;

      if (!peitho_tei_is (c, "category") || id == NULL || !is_own_category (self, id))
        continue;
      pointer = g_strconcat ("#", id, NULL);
      xmlSetProp (c, (const xmlChar *) "corresp", (const xmlChar *) pointer);
      xmlSetProp (c, (const xmlChar *) "n", (const xmlChar *) "group");
      xmlUnsetNsProp (c, xmlSearchNs (c->doc, c, (const xmlChar *) "xml"), (const xmlChar *) "id");
    }
}

static void
add_tag_set (Writer  *self,
             xmlNode *header)
{
  g_autoptr(PeithoTagSet) tag_set = writable_tag_set (self);
  g_autoptr(GHashTable) rendition_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, g_free);
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  xmlNode *encoding_desc, *class_decl, *scratch, *taxonomy;
  xmlNode *tags_decl = NULL;

  /* Never an empty taxonomy. */
  if (tags->len == 0)
    return;

  encoding_desc = ensure_part_after (header, "encodingDesc", peitho_tei_child (header, "fileDesc"));

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      const char *color = peitho_tag_get_color (tag);
      g_autofree char *base = NULL;
      g_autofree char *css = NULL;
      char *id;
      xmlNode *rendition;

      if (color == NULL)
        continue;
      if (tags_decl == NULL)
        {
          tags_decl = peitho_tei_child (encoding_desc, "tagsDecl");
          if (tags_decl == NULL)
            {
              tags_decl = new_part (encoding_desc, "tagsDecl");
              append_part (encoding_desc, tags_decl);
            }
        }
      base = g_strconcat ("r-", peitho_tag_get_id (tag), NULL);
      id = peitho_tei_unique_id (self->used_ids, base);
      css = g_strdup_printf ("background-color: %s;", color);
      rendition = new_part (tags_decl, "rendition");
      peitho_tei_set_xml_id (rendition, id);
      xmlSetProp (rendition, (const xmlChar *) "scheme", (const xmlChar *) "css");
      peitho_tei_add_text (rendition, css);
      {
        /* Renditions come before any namespace element. */
        xmlNode *before = peitho_tei_child (tags_decl, "namespace");
        xmlNode *after = NULL;

        for (xmlNode *n = peitho_tei_first_element (tags_decl); n && n != before;
             n = peitho_tei_next_element (n))
          after = n;
        if (before == NULL)
          append_part (tags_decl, rendition);
        else
          insert_part (tags_decl, after, rendition);
      }
      g_hash_table_insert (rendition_ids, g_strdup (peitho_tag_get_id (tag)), id);
    }

  class_decl = peitho_tei_child (encoding_desc, "classDecl");
  if (class_decl == NULL)
    {
      class_decl = new_part (encoding_desc, "classDecl");
      append_part (encoding_desc, class_decl);
    }
  scratch = peitho_tei_new_element (class_decl, "classDecl");
  taxonomy = peitho_tei_build_taxonomy (tag_set, scratch, NULL, rendition_ids);
  xmlUnlinkNode (taxonomy);
  xmlFreeNode (scratch);
  xmlSetProp (taxonomy, (const xmlChar *) "n", (const xmlChar *) PEITHO_TEI_PART_MARK);
  point_at_own_groups (self, taxonomy);
  {
    /* The edition's taxonomy keeps its id; Peitho's takes one of its own. */
    const char *id = peitho_tei_attr (taxonomy, "xml:id");

    if (id == NULL || is_own_category (self, id))
      {
        g_autofree char *own_id = peitho_tei_unique_id (self->used_ids, "peitho-tags");

        peitho_tei_set_xml_id (taxonomy, own_id);
      }
  }
  append_part (class_decl, taxonomy);
}

/* The document's choice of readings, when it is not the default. */
static void
add_readings_setting (Writer  *self,
                      xmlNode *header)
{
  xmlNode *encoding_desc, *app_info, *application, *desc;

  if (!self->edition->original_readings)
    return;
  encoding_desc = ensure_part_after (header, "encodingDesc", peitho_tei_child (header, "fileDesc"));
  app_info = new_part (encoding_desc, "appInfo");
  application = new_element (app_info, "application");
  xmlSetProp (application, (const xmlChar *) "ident", (const xmlChar *) PEITHO_TEI_APPLICATION);
  xmlSetProp (application, (const xmlChar *) "version", (const xmlChar *) PACKAGE_VERSION);
  peitho_tei_add_text (new_element (application, "label"), PEITHO_TEI_APPLICATION);
  desc = new_element (application, "desc");
  xmlSetProp (desc, (const xmlChar *) "type", (const xmlChar *) "readings");
  peitho_tei_add_text (desc, PEITHO_TEI_ORIGINAL_READINGS);
  append_part (encoding_desc, app_info);
}

typedef struct {
  char      *id;
  GDateTime *when;
  char      *who;
} ChangeMark;

static void
change_mark_free (gpointer data)
{
  ChangeMark *mark = data;

  g_free (mark->id);
  g_date_time_unref (mark->when);
  g_free (mark->who);
  g_free (mark);
}

/* Annotation times: one <change type="annotation"> per second and annotator. */
static GPtrArray *
assign_change_marks (Writer *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *marks = g_ptr_array_new_with_free_func (change_mark_free);
  guint n = 0;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      GDateTime *created = peitho_annotation_get_created (annotation);
      const char *who = peitho_annotation_get_annotator_id (annotation);
      g_autofree char *key = NULL;
      ChangeMark *mark;

      if (created == NULL)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", g_date_time_to_unix (created),
                             who != NULL ? who : "");
      mark = g_hash_table_lookup (by_key, key);
      if (mark == NULL)
        {
          g_autofree char *base = g_strdup_printf ("peitho-c%u", ++n);

          mark = g_new0 (ChangeMark, 1);
          mark->id = peitho_tei_unique_id (self->used_ids, base);
          mark->when = g_date_time_new_from_unix_utc (g_date_time_to_unix (created));
          mark->who = g_strdup (who);
          g_ptr_array_add (marks, mark);
          g_hash_table_insert (by_key, g_steal_pointer (&key), mark);
        }
      self->change_refs[i] = mark->id;
    }
  return marks;
}

static void
add_changes (Writer    *self,
             xmlNode   *header,
             GPtrArray *marks)
{
  GPtrArray *changes = peitho_document_get_changes (self->document);
  xmlNode *revision_desc = peitho_tei_child (header, "revisionDesc");
  xmlNode *list = NULL;

  if ((changes == NULL || changes->len == 0) && marks->len == 0)
    return;

  if (revision_desc == NULL)
    {
      revision_desc = new_part (header, "revisionDesc");
      append_part (header, revision_desc);
      list = revision_desc;
    }
  else if (peitho_tei_child (revision_desc, "change") != NULL)
    list = revision_desc;
  else
    {
      /* (listChange+): the last one; a <list> takes no change. */
      for (xmlNode *n = peitho_tei_first_element (revision_desc); n; n = peitho_tei_next_element (n))
        if (peitho_tei_is (n, "listChange"))
          list = n;
      if (list == NULL)
        return;
    }

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      PeithoChange *change = g_ptr_array_index (changes, i);
      xmlNode *node = new_part (list, "change");
      g_autofree char *when = peitho_tei_format_when (change->when);

      if (when != NULL)
        xmlSetProp (node, (const xmlChar *) "when", (const xmlChar *) when);
      set_ref (node, "who", change->who);
      peitho_tei_add_text (node, change->text);
      append_part (list, node);
    }
  for (guint i = 0; i < marks->len; i++)
    {
      ChangeMark *mark = g_ptr_array_index (marks, i);
      xmlNode *node = new_part (list, "change");
      g_autofree char *when = peitho_tei_format_when (mark->when);

      peitho_tei_set_xml_id (node, mark->id);
      xmlSetProp (node, (const xmlChar *) "type", (const xmlChar *) "annotation");
      xmlSetProp (node, (const xmlChar *) "when", (const xmlChar *) when);
      set_ref (node, "who", mark->who);
      append_part (list, node);
    }
}

/* ---------------------------------------------------------------------------
 * Entry point
 */

static void
collect_used_ids (Writer *self)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->edition->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (self->used_ids, g_strdup (id));
  peitho_tei_collect_document_ids (self->document, self->used_ids);
}

static void
writer_clear (Writer *self)
{
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->anchor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->change_refs, g_free);
  g_clear_pointer (&self->used_ids, g_hash_table_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->wanted, g_hash_table_unref);
  g_clear_pointer (&self->own_edits, g_ptr_array_unref);
  g_clear_pointer (&self->own_notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_targets, g_ptr_array_unref);
  g_clear_pointer (&self->gone_relations, g_ptr_array_unref);
  g_clear_pointer (&self->copy, xmlFreeDoc);
}

GBytes *
peitho_tei_write_edition (PeithoDocument    *document,
                          PeithoTeiEdition  *edition,
                          GError           **error)
{
  Writer self = { 0 };
  GListModel *model = peitho_document_get_annotations (document);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) marks = NULL;
  xmlNode *root, *header;
  xmlChar *memory = NULL;
  int size = 0;
  GBytes *bytes = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (edition != NULL, NULL);

  self.document = document;
  self.edition = edition;
  self.annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      PeithoAnnotation *annotation = g_list_model_get_item (model, i);

      /* The edition's own annotations stay as they are in its markup. */
      if (g_hash_table_contains (edition->own_annotations, peitho_annotation_get_id (annotation)))
        g_object_unref (annotation);
      else
        g_ptr_array_add (self.annotations, annotation);
    }
  n = self.annotations->len;
  self.anchor_ids = g_ptr_array_new_full (2 * n, g_free);
  self.change_refs = g_new0 (char *, n + 1);
  self.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.events = g_array_sized_new (FALSE, FALSE, sizeof (Event), 2 * n);
  self.wanted = g_hash_table_new (NULL, NULL);

  collect_used_ids (&self);

  for (guint i = 0; i < n; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (self.annotations, i);
      const char *id = peitho_annotation_get_id (annotation);
      g_autofree char *start_base = g_strconcat (id, "-s", NULL);
      g_autofree char *end_base = g_strconcat (id, "-e", NULL);

      g_ptr_array_add (self.anchor_ids, peitho_tei_unique_id (self.used_ids, start_base));
      g_ptr_array_add (self.anchor_ids, peitho_tei_unique_id (self.used_ids, end_base));
      if (!place_event (&self, peitho_annotation_get_start (annotation), TRUE, i)
          || !place_event (&self, peitho_annotation_get_end (annotation), FALSE, i))
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE,
                       _("Cannot save the annotation “%s”: its place in the edition is not found"),
                       id);
          writer_clear (&self);
          return NULL;
        }
    }
  for (guint i = 0; i < edition->peitho_parts->len; i++)
    g_hash_table_insert (self.wanted, g_ptr_array_index (edition->peitho_parts, i), NULL);
  self.own_edits = peitho_tei_own_annotation_edits (edition, document);
  for (guint i = 0; i < self.own_edits->len; i++)
    g_hash_table_insert (self.wanted,
                         ((PeithoTeiOwnEdit *) g_ptr_array_index (self.own_edits, i))->node, NULL);
  self.own_notes = peitho_tei_own_notes (edition, document);
  self.note_targets = g_ptr_array_new_full (self.own_notes->len, g_free);
  for (guint i = 0; i < self.own_notes->len; i++)
    {
      PeithoTeiOwnNote *note = g_ptr_array_index (self.own_notes, i);

      g_hash_table_insert (self.wanted,
                           note->note_node != NULL ? note->note_node : note->element, NULL);
    }
  self.gone_relations = peitho_tei_removed_own_relations (edition, document);
  for (guint i = 0; i < self.gone_relations->len; i++)
    g_hash_table_insert (self.wanted, g_ptr_array_index (self.gone_relations, i), NULL);

  self.copy = xmlCopyDoc (edition->doc, 1);
  if (self.copy == NULL)
    {
      g_set_error_literal (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                           _("Cannot serialize the document as TEI"));
      writer_clear (&self);
      return NULL;
    }
  map_nodes (&self, edition->doc->children, self.copy->children);

  insert_all_anchors (&self);
  apply_own_notes (&self);
  remove_own_relations (&self);
  /* After the anchors: an unwrapped seg merges the text nodes they are in. */
  for (guint i = 0; i < self.own_edits->len; i++)
    {
      PeithoTeiOwnEdit *edit = g_ptr_array_index (self.own_edits, i);

      peitho_tei_apply_own_edit (edit, mapped (&self, edit->node));
    }
  for (guint i = 0; i < edition->peitho_parts->len; i++)
    remove_part (mapped (&self, g_ptr_array_index (edition->peitho_parts, i)));

  root = xmlDocGetRootElement (self.copy);
  header = peitho_tei_child (root, "teiHeader");
  marks = assign_change_marks (&self);
  if (header != NULL)
    {
      update_metadata (&self, header);
      add_annotators (&self, header);
      add_tag_set (&self, header);
      add_readings_setting (&self, header);
      add_changes (&self, header, marks);
    }
  build_stand_off (&self, root);

  /* The reader takes UTF-8 only: the declared name is one of its names. */
  xmlDocDumpFormatMemoryEnc (self.copy, &memory, &size,
                             edition->doc->encoding != NULL
                             ? (const char *) edition->doc->encoding : "UTF-8", 0);
  if (memory == NULL)
    g_set_error_literal (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                         _("Cannot serialize the document as TEI"));
  else
    {
      bytes = g_bytes_new (memory, size);
      xmlFree (memory);
    }
  writer_clear (&self);
  return bytes;
}
