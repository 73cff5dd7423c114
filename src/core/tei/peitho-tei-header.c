/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-tei-header.h"
#include "peitho-tei-taxonomy.h"

/*
 * The header is a libxml2 tree: the one kept from the imported file (so that
 * what Peitho does not own comes back unchanged) or a fresh one, updated in
 * place and serialized without formatting; the whitespace between the
 * elements we add is inserted by hand.
 */

#define HEADER_TEMPLATE \
  "<TEI xmlns=\"" PEITHO_TEI_NS "\"><teiHeader>\n" \
  "    <fileDesc>\n" \
  "      <titleStmt>\n" \
  "        <title/>\n" \
  "      </titleStmt>\n" \
  "      <publicationStmt><p>Annotated with Peitho.</p></publicationStmt>\n" \
  "      <sourceDesc><bibl/></sourceDesc>\n" \
  "    </fileDesc>\n" \
  "  </teiHeader></TEI>"

typedef struct {
  char      *id;
  GDateTime *when;
  char      *who;
} ChangeMark;

struct _PeithoTeiChanges {
  GHashTable *ids;    /* "second|who" -> ChangeMark */
  GPtrArray  *list;   /* ChangeMark, in order of first use */
  guint       next;
};

typedef struct {
  PeithoDocument    *document;
  GPtrArray         *annotations;
  GHashTable        *used_ids;
  PeithoTeiChanges  *changes;
  char             **change_refs;
} HeaderBuilder;

static void
change_mark_free (gpointer data)
{
  ChangeMark *mark = data;

  g_free (mark->id);
  g_date_time_unref (mark->when);
  g_free (mark->who);
  g_free (mark);
}

PeithoTeiChanges *
peitho_tei_changes_new (void)
{
  PeithoTeiChanges *changes = g_new0 (PeithoTeiChanges, 1);

  changes->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  changes->list = g_ptr_array_new_with_free_func (change_mark_free);
  return changes;
}

void
peitho_tei_changes_free (PeithoTeiChanges *changes)
{
  if (changes == NULL)
    return;
  g_hash_table_unref (changes->ids);
  g_ptr_array_unref (changes->list);
  g_free (changes);
}

/* ---------------------------------------------------------------------------
 * Tree helpers
 */

static void
collect_ids_except (xmlNode    *node,
                    GHashTable *ids,
                    xmlNode    *skip1,
                    xmlNode    *skip2)
{
  for (; node != NULL; node = node->next)
    {
      const char *id;

      if (node->type != XML_ELEMENT_NODE || node == skip1 || node == skip2)
        continue;
      id = peitho_tei_attr (node, "xml:id");
      if (id != NULL)
        g_hash_table_add (ids, g_strdup (id));
      collect_ids_except (node->children, ids, skip1, skip2);
    }
}

/* ---------------------------------------------------------------------------
 * Annotation times: one <change type="annotation"> per second and annotator
 */

static void
assign_change_marks (HeaderBuilder *self)
{
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
      mark = g_hash_table_lookup (self->changes->ids, key);
      if (mark == NULL)
        {
          char *id;

          do
            id = g_strdup_printf ("c%u", ++self->changes->next);
          while (g_hash_table_contains (self->used_ids, id) && (g_free (id), TRUE));
          g_hash_table_add (self->used_ids, g_strdup (id));

          mark = g_new0 (ChangeMark, 1);
          mark->id = id;
          mark->when = g_date_time_new_from_unix_utc (g_date_time_to_unix (created));
          mark->who = g_strdup (who);
          g_ptr_array_add (self->changes->list, mark);
          g_hash_table_insert (self->changes->ids, g_steal_pointer (&key), mark);
        }
      self->change_refs[i] = mark->id;
    }
}

/* ---------------------------------------------------------------------------
 * The header
 */

static void
update_title_stmt (HeaderBuilder *self,
                   xmlNode       *file_desc)
{
  static const char * const before_pub[] = { "titleStmt", NULL };
  xmlNode *title_stmt = peitho_tei_ensure_child (file_desc, "titleStmt",
                                      peitho_tei_first_element_not_in (file_desc, before_pub));
  xmlNode *title = peitho_tei_ensure_child (title_stmt, "title", peitho_tei_first_element (title_stmt));
  xmlNode *author = peitho_tei_child (title_stmt, "author");
  const char *author_name = peitho_document_get_author (self->document);
  GListModel *annotators = peitho_document_get_annotators (self->document);
  guint n_annotators = g_list_model_get_n_items (annotators);

  peitho_tei_set_text (title, peitho_document_get_title (self->document));

  if (author_name != NULL && *author_name != '\0')
    {
      if (author == NULL)
        {
          xmlNode *last_title = title;

          for (xmlNode *n = title; n; n = peitho_tei_next_element (n))
            if (peitho_tei_is (n, "title"))
              last_title = n;
          author = peitho_tei_new_child (title_stmt, "author", peitho_tei_next_element (last_title));
        }
      peitho_tei_set_text (author, author_name);
    }
  else if (author != NULL)
    peitho_tei_remove_node (author);

  for (guint i = 0; i < n_annotators; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *id = peitho_annotator_get_id (annotator);
      xmlNode *resp_stmt = NULL;
      xmlNode *name;

      for (xmlNode *n = peitho_tei_first_element (title_stmt); n; n = peitho_tei_next_element (n))
        if (peitho_tei_is (n, "respStmt") && g_strcmp0 (peitho_tei_attr (n, "xml:id"), id) == 0)
          resp_stmt = n;

      if (resp_stmt == NULL)
        {
          xmlNode *resp;

          resp_stmt = peitho_tei_new_child (title_stmt, "respStmt", NULL);
          peitho_tei_set_xml_id (resp_stmt, id);
          resp = peitho_tei_new_element (resp_stmt, "resp");
          peitho_tei_add_text (resp, "annotation");
          xmlAddChild (resp_stmt, resp);
          name = peitho_tei_new_element (resp_stmt, "persName");
          xmlAddChild (resp_stmt, name);
        }
      else
        {
          name = peitho_tei_child (resp_stmt, "persName");
          if (name == NULL)
            name = peitho_tei_child (resp_stmt, "name");
          if (name == NULL)
            {
              name = peitho_tei_new_element (resp_stmt, "persName");
              xmlAddChild (resp_stmt, name);
            }
        }
      peitho_tei_set_text (name, peitho_annotator_get_name (annotator));
    }
}

static void
update_source_desc (HeaderBuilder *self,
                    xmlNode       *file_desc)
{
  const char *source = peitho_document_get_source (self->document);
  xmlNode *bibl = NULL;
  xmlNode *source_desc;

  for (xmlNode *n = peitho_tei_first_element (file_desc); n && bibl == NULL;
       n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "sourceDesc"))
      bibl = peitho_tei_child (n, "bibl");

  if (bibl != NULL)
    {
      if (source != NULL)
        peitho_tei_set_text (bibl, source);
      else
        peitho_tei_clear_children (bibl);
      return;
    }

  source_desc = peitho_tei_child (file_desc, "sourceDesc");
  if (source_desc != NULL && (peitho_tei_child (source_desc, "p") != NULL
                              || peitho_tei_child (source_desc, "ab") != NULL))
    {
      if (source == NULL)
        return;
      /* sourceDesc holds either paragraphs or bibliographic elements. */
      source_desc = NULL;
    }
  if (source_desc == NULL)
    source_desc = peitho_tei_new_child (file_desc, "sourceDesc", NULL);
  bibl = peitho_tei_new_child (source_desc, "bibl", NULL);
  peitho_tei_add_text (bibl, source);
}

static xmlNode *
find_taxonomy (xmlNode *class_decl)
{
  for (xmlNode *n = peitho_tei_first_element (class_decl); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "taxonomy"))
      return n;
  return NULL;
}

static void
update_encoding_desc (HeaderBuilder *self,
                      xmlNode       *header,
                      xmlNode       *file_desc)
{
  g_autoptr(GHashTable) rendition_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, g_free);
  xmlNode *encoding_desc = peitho_tei_ensure_child (header, "encodingDesc", peitho_tei_next_element (file_desc));
  xmlNode *class_decl = peitho_tei_child (encoding_desc, "classDecl");
  xmlNode *old_taxonomy = class_decl != NULL ? find_taxonomy (class_decl) : NULL;
  PeithoTagSet *tag_set = peitho_document_get_tag_set (self->document);

  peitho_tei_update_tags_decl (self->used_ids, tag_set, encoding_desc, old_taxonomy, rendition_ids);

  /* Never an empty taxonomy (it would not be valid): no tags, none. */
  if (peitho_tag_set_get_n_groups (tag_set) > 0)
    {
      if (class_decl == NULL)
        class_decl = peitho_tei_new_child (encoding_desc, "classDecl", NULL);
      peitho_tei_build_taxonomy (tag_set, class_decl, old_taxonomy, rendition_ids);
    }
  if (old_taxonomy != NULL)
    peitho_tei_remove_node (old_taxonomy);
  if (class_decl != NULL && peitho_tei_first_element (class_decl) == NULL)
    peitho_tei_remove_node (class_decl);

  /* encodingDesc may not be empty, but an empty tag set leaves nothing. */
  if (peitho_tei_first_element (encoding_desc) == NULL)
    peitho_tei_remove_node (encoding_desc);
}

static void
update_profile_desc (HeaderBuilder *self,
                     xmlNode       *header)
{
  const char *date = peitho_document_get_date (self->document);
  xmlNode *profile_desc = peitho_tei_child (header, "profileDesc");
  xmlNode *creation = profile_desc != NULL ? peitho_tei_child (profile_desc, "creation") : NULL;
  xmlNode *date_node = creation != NULL ? peitho_tei_child (creation, "date") : NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || *date == '\0')
    {
      if (date_node != NULL)
        peitho_tei_remove_node (date_node);
      return;
    }

  if (profile_desc == NULL)
    {
      xmlNode *after = peitho_tei_child (header, "encodingDesc");

      if (after == NULL)
        after = peitho_tei_child (header, "fileDesc");
      profile_desc = peitho_tei_new_child (header, "profileDesc", peitho_tei_next_element (after));
    }
  if (creation == NULL)
    creation = peitho_tei_new_child (profile_desc, "creation", NULL);
  if (date_node == NULL)
    date_node = peitho_tei_new_child (creation, "date", NULL);
  peitho_tei_set_text (date_node, date);

  iso = peitho_tei_date_to_iso (date);
  if (iso != NULL)
    xmlSetProp (date_node, (const xmlChar *) "when", (const xmlChar *) iso);
  else
    xmlUnsetProp (date_node, (const xmlChar *) "when");
}

static void
update_revision_desc (HeaderBuilder *self,
                      xmlNode       *header)
{
  GPtrArray *changes = peitho_document_get_changes (self->document);
  xmlNode *revision_desc = peitho_tei_child (header, "revisionDesc");

  if (revision_desc != NULL)
    peitho_tei_remove_node (revision_desc);
  if ((changes == NULL || changes->len == 0) && self->changes->list->len == 0)
    return;

  revision_desc = peitho_tei_new_child (header, "revisionDesc", NULL);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      PeithoChange *change = g_ptr_array_index (changes, i);
      xmlNode *node = peitho_tei_new_child (revision_desc, "change", NULL);
      g_autofree char *when = peitho_tei_format_when (change->when);

      if (when != NULL)
        xmlSetProp (node, (const xmlChar *) "when", (const xmlChar *) when);
      if (change->who != NULL)
        {
          g_autofree char *who = g_strconcat ("#", change->who, NULL);
          xmlSetProp (node, (const xmlChar *) "who", (const xmlChar *) who);
        }
      peitho_tei_add_text (node, change->text);
    }

  for (guint i = 0; i < self->changes->list->len; i++)
    {
      ChangeMark *mark = g_ptr_array_index (self->changes->list, i);
      xmlNode *node = peitho_tei_new_child (revision_desc, "change", NULL);
      g_autofree char *when = peitho_tei_format_when (mark->when);

      peitho_tei_set_xml_id (node, mark->id);
      xmlSetProp (node, (const xmlChar *) "type", (const xmlChar *) "annotation");
      xmlSetProp (node, (const xmlChar *) "when", (const xmlChar *) when);
      if (mark->who != NULL)
        {
          g_autofree char *who = g_strconcat ("#", mark->who, NULL);
          xmlSetProp (node, (const xmlChar *) "who", (const xmlChar *) who);
        }
    }
}

/* The default namespace that a kept header declares again on itself is the
 * one of the TEI root: drop the duplicate so that it is not written twice. */
static void
replace_ns (xmlNode *node,
            xmlNs   *old_ns,
            xmlNs   *new_ns)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns == old_ns)
        node->ns = new_ns;
      replace_ns (node->children, old_ns, new_ns);
    }
}

static void
drop_duplicate_ns (xmlNode *header)
{
  xmlNs *root_ns = header->parent->ns;
  xmlNs **link = &header->nsDef;

  while (*link != NULL)
    {
      xmlNs *ns = *link;

      if (ns->prefix == NULL && root_ns != NULL
          && xmlStrEqual (ns->href, root_ns->href) && root_ns->prefix == NULL)
        {
          *link = ns->next;
          ns->next = NULL;
          if (header->ns == ns)
            header->ns = root_ns;
          replace_ns (header->children, ns, root_ns);
          xmlFreeNs (ns);
        }
      else
        link = &ns->next;
    }
}

static xmlDoc *
parse_header (const char *header_xml)
{
  g_autofree char *wrapped = NULL;
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *header;

  if (header_xml == NULL)
    return NULL;

  wrapped = g_strconcat ("<TEI xmlns=\"" PEITHO_TEI_NS "\">", header_xml, "</TEI>", NULL);
  doc = peitho_tei_parse_memory (wrapped, strlen (wrapped), "header", NULL);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  header = peitho_tei_first_element (root);
  if (!peitho_tei_is (header, "teiHeader") || peitho_tei_next_element (header) != NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  drop_duplicate_ns (header);
  return doc;
}

xmlDoc *
peitho_tei_parse_header_template (void)
{
  static const char template[] = HEADER_TEMPLATE;
  xmlDoc *doc = peitho_tei_parse_memory (template, sizeof template - 1, "template", NULL);

  g_assert (doc != NULL);
  return doc;
}

char *
peitho_tei_build_header (PeithoDocument    *document,
                         GPtrArray         *annotations,
                         GHashTable        *used_ids,
                         PeithoTeiChanges  *changes,
                         char             **change_refs)
{
  HeaderBuilder builder = { document, annotations, used_ids, changes, change_refs };
  HeaderBuilder *self = &builder;
  const char *header_xml = peitho_document_get_header_xml (self->document);
  xmlDoc *doc = parse_header (header_xml);
  xmlNode *header;
  xmlNode *file_desc;
  xmlNode *publication_stmt;
  char *result;
  static const char * const before_publication[] = { "titleStmt", "editionStmt", "extent", NULL };

  if (doc == NULL)
    doc = peitho_tei_parse_header_template ();
  header = peitho_tei_first_element (xmlDocGetRootElement (doc));

  /* Ids we must not hand out again, except in what we rebuild. */
  {
    xmlNode *encoding_desc = peitho_tei_child (header, "encodingDesc");
    xmlNode *class_decl = encoding_desc ? peitho_tei_child (encoding_desc, "classDecl") : NULL;

    collect_ids_except (header->children, self->used_ids,
                        class_decl ? find_taxonomy (class_decl) : NULL,
                        peitho_tei_child (header, "revisionDesc"));
  }

  assign_change_marks (self);

  file_desc = peitho_tei_ensure_child (header, "fileDesc", peitho_tei_first_element (header));
  update_title_stmt (self, file_desc);
  publication_stmt = peitho_tei_child (file_desc, "publicationStmt");
  if (publication_stmt == NULL)
    {
      publication_stmt = peitho_tei_new_child (file_desc, "publicationStmt",
                                    peitho_tei_first_element_not_in (file_desc, before_publication));
      peitho_tei_add_text (peitho_tei_new_child (publication_stmt, "p", NULL), "Annotated with Peitho.");
    }
  update_source_desc (self, file_desc);
  update_encoding_desc (self, header, file_desc);
  update_profile_desc (self, header);
  update_revision_desc (self, header);

  {
    xmlBuffer *buffer = xmlBufferCreate ();

    xmlNodeDump (buffer, doc, header, 1, 0);
    result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
    xmlBufferFree (buffer);
  }
  xmlFreeDoc (doc);
  return result;
}

/* ---------------------------------------------------------------------------
 * Reading
 */

gboolean
peitho_tei_read_annotators (PeithoDocument       *document,
                            xmlNode              *file_desc,
                            gboolean              peitho_only,
                            PeithoTeiProblemFunc  problem_func,
                            gpointer              problem_data)
{
  for (xmlNode *stmt = peitho_tei_first_element (file_desc); stmt; stmt = peitho_tei_next_element (stmt))
    for (xmlNode *resp = peitho_tei_first_element (stmt); resp; resp = peitho_tei_next_element (resp))
      {
        const char *id = peitho_tei_attr (resp, "xml:id");
        g_autofree char *name = NULL;
        g_autoptr(PeithoAnnotator) annotator = NULL;
        g_autoptr(GError) error = NULL;

        if (!peitho_tei_is (resp, "respStmt") || id == NULL
            || (peitho_only && !peitho_tei_is_peitho_part (resp)))
          continue;
        name = peitho_tei_collapsed_text (peitho_tei_child (resp, "persName"));
        if (name == NULL)
          name = peitho_tei_collapsed_text (peitho_tei_child (resp, "name"));
        if (name == NULL)
          name = peitho_tei_collapsed_text (peitho_tei_child (resp, "orgName"));
        annotator = peitho_annotator_new (id, name != NULL ? name : id);
        if (!peitho_document_add_annotator (document, annotator, &error))
          {
            g_autofree char *message = g_strdup_printf ("respStmt “%s”: %s", id, error->message);

            if (!problem_func (problem_data, resp, PEITHO_ERROR_DUPLICATE_ID, message))
              return FALSE;
          }
      }
  return TRUE;
}

/* Elements of a name that are not part of it as a person writes it. */
static gboolean
is_name_apparatus (const xmlNode *node)
{
  static const char * const names[] = {
    "idno", "note", "date", "affiliation", "email", "address", "ptr", "ref", "birth", "death",
    "state", "trait", "occupation", "residence", "bibl", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    if (peitho_tei_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static void
append_name_text (GString *out,
                  xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE && !is_name_apparatus (child))
        {
          /* forename, surname, nameLink, roleName: words of their own. */
          g_string_append_c (out, ' ');
          append_name_text (out, child);
          g_string_append_c (out, ' ');
        }
    }
}

char *
peitho_tei_person_name (xmlNode *node)
{
  g_autoptr(GString) out = NULL;
  xmlNode *pers_name;

  if (node == NULL)
    return NULL;

  /* <author><persName>...</persName><idno>Q692</idno></author>: the name. */
  pers_name = peitho_tei_child (node, "persName");
  if (pers_name == NULL)
    pers_name = peitho_tei_child (node, "name");
  out = g_string_new (NULL);
  append_name_text (out, pers_name != NULL ? pers_name : node);
  return peitho_tei_collapse (out->str);
}

void
peitho_tei_read_metadata (PeithoDocument *document,
                          xmlNode        *header)
{
  xmlNode *file_desc = peitho_tei_child (header, "fileDesc");
  xmlNode *title_stmt = peitho_tei_child (file_desc, "titleStmt");
  xmlNode *profile_desc = peitho_tei_child (header, "profileDesc");
  xmlNode *creation = peitho_tei_child (profile_desc, "creation");
  xmlNode *date = peitho_tei_child (creation, "date");
  g_autofree char *title = peitho_tei_collapsed_text (peitho_tei_child (title_stmt, "title"));
  g_autofree char *author = peitho_tei_person_name (peitho_tei_child (title_stmt, "author"));
  g_autofree char *date_text = peitho_tei_collapsed_text (date);

  for (xmlNode *n = peitho_tei_first_element (file_desc); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "sourceDesc") && peitho_tei_child (n, "bibl") != NULL)
      {
        g_autofree char *source = peitho_tei_collapsed_text (peitho_tei_child (n, "bibl"));

        peitho_document_set_source (document, source);
        break;
      }

  if (date_text == NULL && date != NULL)
    date_text = g_strdup (peitho_tei_attr (date, "when"));

  peitho_document_set_title (document, title);
  peitho_document_set_author (document, author);
  peitho_document_set_date (document, date_text);
}

void
peitho_tei_read_changes (PeithoDocument *document,
                         xmlNode        *parent,
                         gboolean        peitho_only,
                         GHashTable     *changes_used)
{
  for (xmlNode *node = peitho_tei_first_element (parent); node; node = peitho_tei_next_element (node))
    {
      const char *id = peitho_tei_attr (node, "xml:id");
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *text = NULL;
      const char *who = NULL;

      if (peitho_tei_is (node, "listChange"))
        {
          peitho_tei_read_changes (document, node, peitho_only, changes_used);
          continue;
        }
      if (!peitho_tei_is (node, "change") || (peitho_only && !peitho_tei_is_peitho_part (node)))
        continue;
      /* Creation times of annotations, not history. */
      if (id != NULL && (g_hash_table_contains (changes_used, id)
                         || g_strcmp0 (peitho_tei_attr (node, "type"), "annotation") == 0))
        continue;

      when = peitho_tei_parse_when (peitho_tei_attr (node, "when"));
      if (peitho_tei_attr (node, "who") != NULL)
        {
          g_auto(GStrv) tokens = g_strsplit_set (peitho_tei_attr (node, "who"), " \t\n\r", 2);
          who = peitho_tei_pointer_id (tokens[0]);
          text = peitho_tei_collapsed_text (node);
          peitho_document_add_change (document, when, who, text);
          continue;
        }
      text = peitho_tei_collapsed_text (node);
      peitho_document_add_change (document, when, NULL, text);
    }
}
