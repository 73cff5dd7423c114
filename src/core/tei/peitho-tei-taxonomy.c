/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-tei-header.h"
#include "peitho-tei-reader.h"
#include "peitho-tei-taxonomy.h"
#include "peitho-tei-writer.h"

/*
 * The tag set as TEI: a taxonomy of categories in encodingDesc/classDecl
 * (groups are categories with child categories), colours as CSS renditions in
 * tagsDecl. Read from any TEI header, written into a document's header or
 * into a tag-set file of its own.
 */

/* ---------------------------------------------------------------------------
 * The taxonomy: writing
 */

void
peitho_tei_update_tags_decl (GHashTable   *used_ids,
                             PeithoTagSet *tag_set,
                             xmlNode      *encoding_desc,
                             xmlNode      *old_taxonomy,
                             GHashTable   *rendition_ids)
{
  g_autoptr(GHashTable) owned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  xmlNode *tags_decl = peitho_tei_child (encoding_desc, "tagsDecl");
  xmlNode *before;

  /* Renditions that the replaced taxonomy pointed at were ours. */
  if (old_taxonomy != NULL)
    {
      for (xmlNode *n = old_taxonomy; n != NULL; )
        {
          const char *ref = peitho_tei_is (n, "category") ? peitho_tei_attr (n, "rendition") : NULL;

          if (ref != NULL && peitho_tei_pointer_id (ref) != NULL)
            g_hash_table_add (owned, g_strdup (peitho_tei_pointer_id (ref)));

          /* Depth-first walk of the taxonomy. */
          if (n->children != NULL)
            n = n->children;
          else
            {
              while (n != old_taxonomy && n->next == NULL)
                n = n->parent;
              n = n == old_taxonomy ? NULL : n->next;
            }
        }
    }

  if (tags_decl != NULL)
    {
      xmlNode *next;

      for (xmlNode *n = peitho_tei_first_element (tags_decl); n; n = next)
        {
          const char *id = peitho_tei_attr (n, "xml:id");

          next = peitho_tei_next_element (n);
          if (peitho_tei_is (n, "rendition") && id != NULL && g_hash_table_contains (owned, id))
            {
              g_hash_table_remove (used_ids, id);
              peitho_tei_remove_node (n);
            }
        }
    }

  for (guint i = 0; i < tags->len; i++)
    if (peitho_tag_get_color (g_ptr_array_index (tags, i)) != NULL)
      break;
    else if (i + 1 == tags->len)
      return;
  if (tags->len == 0)
    return;

  if (tags_decl == NULL)
    tags_decl = peitho_tei_new_child (encoding_desc, "tagsDecl", peitho_tei_first_element (encoding_desc));
  before = peitho_tei_child (tags_decl, "namespace");

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
      base = g_strconcat ("r-", peitho_tag_get_id (tag), NULL);
      id = peitho_tei_unique_id (used_ids, base);
      g_hash_table_insert (rendition_ids, g_strdup (peitho_tag_get_id (tag)), id);
      rendition = peitho_tei_new_child (tags_decl, "rendition", before);
      peitho_tei_set_xml_id (rendition, id);
      xmlSetProp (rendition, (const xmlChar *) "scheme", (const xmlChar *) "css");
      css = g_strdup_printf ("background-color: %s;", color);
      peitho_tei_add_text (rendition, css);
    }
}

static void
fill_cat_desc (xmlNode    *category,
               const char *label,
               const char *definition,
               const char *example,
               const char *abbreviation,
               gboolean    term)
{
  xmlNode *cat_desc = peitho_tei_new_element (category, "catDesc");

  xmlAddChild (category, cat_desc);
  if (term)
    {
      xmlNode *term_node = peitho_tei_new_element (cat_desc, "term");

      peitho_tei_add_text (term_node, label);
      xmlAddChild (cat_desc, term_node);
      if (abbreviation != NULL)
        {
          xmlNode *abbr_node = peitho_tei_new_element (cat_desc, "term");

          xmlSetProp (abbr_node, (const xmlChar *) "type", (const xmlChar *) "abbreviation");
          peitho_tei_add_text (cat_desc, " ");
          peitho_tei_add_text (abbr_node, abbreviation);
          xmlAddChild (cat_desc, abbr_node);
        }
    }
  else
    peitho_tei_add_text (cat_desc, label);

  if (definition != NULL && *definition != '\0')
    {
      g_autofree char *text = g_strconcat (": ", definition, NULL);
      peitho_tei_add_text (cat_desc, text);
    }
  if (example != NULL && *example != '\0')
    {
      xmlNode *q = peitho_tei_new_element (cat_desc, "q");

      peitho_tei_add_text (cat_desc, " ");
      peitho_tei_add_text (q, example);
      xmlAddChild (cat_desc, q);
    }
}

xmlNode *
peitho_tei_build_taxonomy (PeithoTagSet *tag_set,
                           xmlNode      *parent,
                           xmlNode      *before,
                           GHashTable   *rendition_ids)
{
  xmlNode *taxonomy = peitho_tei_new_child (parent, "taxonomy", before);
  const char *title = peitho_tag_set_get_title (tag_set);

  if (peitho_tag_set_get_id (tag_set) != NULL)
    peitho_tei_set_xml_id (taxonomy, peitho_tag_set_get_id (tag_set));
  if (title != NULL && *title != '\0')
    peitho_tei_add_text (peitho_tei_new_child (taxonomy, "desc", NULL), title);

  for (guint g = 0; g < peitho_tag_set_get_n_groups (tag_set); g++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, g);
      xmlNode *group_node = peitho_tei_new_child (taxonomy, "category", NULL);
      const char *definition = peitho_tag_group_get_definition (group);
      guint n_tags = peitho_tag_group_get_n_tags (group);

      peitho_tei_set_xml_id (group_node, peitho_tag_group_get_id (group));
      /* A top-level category without children would read back as a tag. */
      if (n_tags == 0)
        xmlSetProp (group_node, (const xmlChar *) "n", (const xmlChar *) "group");
      fill_cat_desc (group_node, peitho_tag_group_get_label (group), definition, NULL, NULL,
                     definition != NULL && *definition != '\0');

      for (guint t = 0; t < n_tags; t++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, t);
          xmlNode *tag_node = peitho_tei_new_child (group_node, "category", NULL);
          const char *rendition = g_hash_table_lookup (rendition_ids, peitho_tag_get_id (tag));

          peitho_tei_set_xml_id (tag_node, peitho_tag_get_id (tag));
          if (rendition != NULL)
            {
              g_autofree char *ref = g_strconcat ("#", rendition, NULL);
              xmlSetProp (tag_node, (const xmlChar *) "rendition", (const xmlChar *) ref);
            }
          fill_cat_desc (tag_node, peitho_tag_get_label (tag), peitho_tag_get_definition (tag),
                         peitho_tag_get_example (tag), peitho_tag_get_abbreviation (tag), TRUE);
        }
    }

  return taxonomy;
}

/* ---------------------------------------------------------------------------
 * The taxonomy: reading
 */

typedef struct {
  PeithoTeiProblemFunc func;
  gpointer             data;
} TaxonomyReader;

static gboolean G_GNUC_PRINTF (4, 5)
taxonomy_problem (TaxonomyReader *self,
                  xmlNode        *node,
                  PeithoError     code,
                  const char     *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->func == NULL)
    return TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return self->func (self->data, node, code, message);
}

static char *
parse_color (const char *css)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *fetched = NULL;
  g_autofree char *hex = NULL;

  if (css == NULL)
    return NULL;
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("background(?:-color)?\\s*:\\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, css, 0, &match))
    return NULL;
  fetched = g_match_info_fetch (match, 1);
  hex = g_ascii_strdown (fetched, -1);
  if (strlen (hex) == 3)
    return g_strdup_printf ("#%c%c%c%c%c%c", hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]);
  return g_strconcat ("#", hex, NULL);
}

/* The label is the first <term>; a <term type="abbreviation"> is the short
 * label shown where a highlight begins. */
static void
find_terms (xmlNode  *cat_desc,
            xmlNode **term,
            xmlNode **abbreviation)
{
  *term = *abbreviation = NULL;
  for (xmlNode *n = peitho_tei_first_element (cat_desc); n; n = peitho_tei_next_element (n))
    {
      if (!peitho_tei_is (n, "term"))
        continue;
      if (g_strcmp0 (peitho_tei_attr (n, "type"), "abbreviation") == 0)
        {
          if (*abbreviation == NULL)
            *abbreviation = n;
        }
      else if (*term == NULL)
        *term = n;
    }
}

static void
read_cat_desc (xmlNode  *category,
               char    **label,
               char    **definition,
               char    **example,
               char    **abbreviation)
{
  xmlNode *cat_desc = peitho_tei_child (category, "catDesc");

  *label = *definition = *example = *abbreviation = NULL;

  if (cat_desc != NULL)
    {
      g_autoptr(GString) rest = g_string_new (NULL);
      xmlNode *term, *abbr;
      xmlNode *q = peitho_tei_child (cat_desc, "q");
      g_autofree char *collapsed = NULL;
      const char *def;

      find_terms (cat_desc, &term, &abbr);
      *abbreviation = peitho_tei_collapsed_text (abbr);
      for (xmlNode *child = cat_desc->children; child; child = child->next)
        {
          xmlChar *content;

          if (child == term || child == abbr || child == q || child->type == XML_COMMENT_NODE
              || child->type == XML_PI_NODE)
            continue;
          content = xmlNodeGetContent (child);
          g_string_append (rest, (const char *) content);
          xmlFree (content);
        }
      collapsed = peitho_tei_collapse (rest->str);
      *example = peitho_tei_collapsed_text (q);

      if (term != NULL)
        {
          *label = peitho_tei_collapsed_text (term);
          def = collapsed;
          while (def != NULL && (*def == ':' || *def == ' '))
            def++;
          *definition = def != NULL && *def != '\0' ? g_strdup (def) : NULL;
        }
      else
        *label = g_steal_pointer (&collapsed);
    }
  else
    {
      *label = peitho_tei_collapsed_text (peitho_tei_child (category, "gloss"));
      *definition = peitho_tei_collapsed_text (peitho_tei_child (category, "desc"));
    }
}

typedef enum {
  ANY_TAXONOMY,
  PEITHO_TAXONOMY,
  EDITION_TAXONOMY,
} TaxonomyKind;

static xmlNode *
find_taxonomy (xmlNode      *header,
               TaxonomyKind  kind)
{
  for (xmlNode *encoding = peitho_tei_first_element (header); encoding;
       encoding = peitho_tei_next_element (encoding))
    {
      if (!peitho_tei_is (encoding, "encodingDesc"))
        continue;
      for (xmlNode *class_decl = peitho_tei_first_element (encoding); class_decl;
           class_decl = peitho_tei_next_element (class_decl))
        {
          if (!peitho_tei_is (class_decl, "classDecl"))
            continue;
          for (xmlNode *taxonomy = peitho_tei_first_element (class_decl); taxonomy;
               taxonomy = peitho_tei_next_element (taxonomy))
            if (peitho_tei_is (taxonomy, "taxonomy") && peitho_tei_child (taxonomy, "category")
                && (kind == ANY_TAXONOMY
                    || (kind == PEITHO_TAXONOMY) == peitho_tei_is_peitho_part (taxonomy)))
              return taxonomy;
        }
    }
  return NULL;
}

static void
collect_renditions (xmlNode    *header,
                    GHashTable *renditions)
{
  for (xmlNode *encoding = peitho_tei_first_element (header); encoding;
       encoding = peitho_tei_next_element (encoding))
    {
      xmlNode *tags_decl;

      if (!peitho_tei_is (encoding, "encodingDesc"))
        continue;
      tags_decl = peitho_tei_child (encoding, "tagsDecl");
      for (xmlNode *r = peitho_tei_first_element (tags_decl); r; r = peitho_tei_next_element (r))
        {
          const char *id = peitho_tei_attr (r, "xml:id");
          xmlChar *css;

          if (!peitho_tei_is (r, "rendition") || id == NULL)
            continue;
          css = xmlNodeGetContent (r);
          g_hash_table_insert (renditions, (gpointer) id, parse_color ((const char *) css));
          xmlFree (css);
        }
    }
}

static gboolean
add_category_tag (TaxonomyReader *self,
                  PeithoTagSet   *tag_set,
                  const char     *group_id,
                  xmlNode        *category,
                  GHashTable     *renditions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTag) tag = NULL;
  g_autofree char *label = NULL, *definition = NULL, *example = NULL, *abbreviation = NULL;
  g_autofree char *id = g_strdup (peitho_tei_attr (category, "xml:id"));
  const char *rendition = peitho_tei_pointer_id (peitho_tei_attr (category, "rendition"));
  const char *color = rendition != NULL ? g_hash_table_lookup (renditions, rendition) : NULL;

  read_cat_desc (category, &label, &definition, &example, &abbreviation);
  if (id == NULL)
    id = peitho_tag_set_make_id (tag_set, label != NULL ? label : "tag");
  if (label == NULL)
    label = g_strdup (id);

  tag = peitho_tag_new (id, label, definition, example, color);
  peitho_tag_set_abbreviation (tag, abbreviation);
  if (!peitho_tag_set_add_tag (tag_set, group_id, tag, -1, &error))
    return taxonomy_problem (self, category, PEITHO_ERROR_DUPLICATE_ID,
                                           _("category “%s”: %s"), id, error->message);
  return TRUE;
}

static void
add_descendant_tags (TaxonomyReader *self,
                     PeithoTagSet   *tag_set,
                     const char     *group_id,
                     xmlNode        *parent,
                     GHashTable     *renditions,
                     gboolean       *ok)
{
  for (xmlNode *c = peitho_tei_first_element (parent); c && *ok; c = peitho_tei_next_element (c))
    {
      if (!peitho_tei_is (c, "category"))
        continue;
      /* The model has two levels: deeper categories become tags of the
       * top-level group too. */
      *ok = add_category_tag (self, tag_set, group_id, c, renditions);
      add_descendant_tags (self, tag_set, group_id, c, renditions, ok);
    }
}

/* Reads the taxonomy of @kind into @base (a new tag set when NULL). A group
 * category without xml:id whose @corresp points at a group of @base adds its
 * tags to that group. */
static PeithoTagSet *
read_tag_set (xmlNode              *header,
              TaxonomyKind          kind,
              PeithoTagSet         *base,
              PeithoTeiProblemFunc  problem_func,
              gpointer              problem_data)
{
  TaxonomyReader reader = { problem_func, problem_data };
  TaxonomyReader *self = &reader;
  g_autoptr(GHashTable) renditions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  xmlNode *taxonomy = find_taxonomy (header, kind);
  g_autoptr(PeithoTagSet) tag_set = NULL;
  const char *other_id = NULL;
  g_autofree char *other_id_owned = NULL;
  gboolean ok = TRUE;

  if (taxonomy == NULL)
    return base != NULL ? g_object_ref (base) : NULL;

  collect_renditions (header, renditions);
  if (base != NULL)
    tag_set = g_object_ref (base);
  else
    {
      g_autofree char *title = peitho_tei_collapsed_text (peitho_tei_child (taxonomy, "desc"));

      if (title == NULL)
        title = peitho_tei_collapsed_text (peitho_tei_child (taxonomy, "bibl"));
      if (title == NULL)
        title = peitho_tei_collapsed_text (peitho_tei_child (taxonomy, "gloss"));
      tag_set = peitho_tag_set_new (peitho_tei_attr (taxonomy, "xml:id") != NULL
                                    ? peitho_tei_attr (taxonomy, "xml:id") : "tags",
                                    title);
    }

  for (xmlNode *c = peitho_tei_first_element (taxonomy); c && ok; c = peitho_tei_next_element (c))
    {
      g_autoptr(GError) error = NULL;

      if (!peitho_tei_is (c, "category"))
        continue;

      if (peitho_tei_child (c, "category") != NULL
          || g_strcmp0 (peitho_tei_attr (c, "n"), "group") == 0)
        {
          g_autofree char *label = NULL, *definition = NULL, *example = NULL;
          g_autofree char *abbreviation = NULL;
          g_autofree char *id = g_strdup (peitho_tei_attr (c, "xml:id"));
          const char *corresp = peitho_tei_pointer_id (peitho_tei_attr (c, "corresp"));
          g_autoptr(PeithoTagGroup) group = NULL;

          if (id == NULL && corresp != NULL && peitho_tag_set_lookup_group (tag_set, corresp) != NULL)
            {
              add_descendant_tags (self, tag_set, corresp, c, renditions, &ok);
              continue;
            }
          read_cat_desc (c, &label, &definition, &example, &abbreviation);
          if (id == NULL)
            id = peitho_tag_set_make_id (tag_set, label != NULL ? label : "group");
          group = peitho_tag_group_new (id, label != NULL ? label : id, definition);
          if (!peitho_tag_set_add_group (tag_set, group, -1, &error))
            {
              ok = taxonomy_problem (self, c, PEITHO_ERROR_DUPLICATE_ID,
                                                   _("category “%s”: %s"), id, error->message);
              continue;
            }
          add_descendant_tags (self, tag_set, id, c, renditions, &ok);
        }
      else
        {
          if (other_id == NULL)
            {
              g_autoptr(PeithoTagGroup) group = NULL;

              other_id = other_id_owned = peitho_tag_set_make_id (tag_set, "other");
              group = peitho_tag_group_new (other_id, _("Other"), NULL);
              peitho_tag_set_add_group (tag_set, group, -1, NULL);
            }
          ok = add_category_tag (self, tag_set, other_id, c, renditions);
        }
    }

  return ok ? g_steal_pointer (&tag_set) : NULL;
}

/* ---------------------------------------------------------------------------
 * Tag-set files
 */

PeithoTagSet *
peitho_tei_read_tag_set (xmlNode              *header,
                         PeithoTeiProblemFunc  problem_func,
                         gpointer              problem_data)
{
  return read_tag_set (header, ANY_TAXONOMY, NULL, problem_func, problem_data);
}

PeithoTagSet *
peitho_tei_read_edition_tag_set (xmlNode              *header,
                                 GHashTable           *own_categories,
                                 PeithoTeiProblemFunc  problem_func,
                                 gpointer              problem_data)
{
  g_autoptr(PeithoTagSet) own = NULL;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (own_categories != NULL, NULL);

  own = read_tag_set (header, EDITION_TAXONOMY, NULL, problem_func, problem_data);
  if (own != NULL)
    {
      g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (own);

      for (guint i = 0; i < peitho_tag_set_get_n_groups (own); i++)
        g_hash_table_add (own_categories,
                          g_strdup (peitho_tag_group_get_id (peitho_tag_set_get_group (own, i))));
      for (guint i = 0; i < tags->len; i++)
        g_hash_table_add (own_categories, g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, i))));
    }
  return read_tag_set (header, PEITHO_TAXONOMY, own, problem_func, problem_data);
}

PeithoTagSet *
peitho_tei_read_tag_set_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  xmlDoc *xml;
  xmlNode *root;
  PeithoTagSet *tag_set = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "tag set";
  data = g_bytes_get_data (bytes, &size);
  xml = peitho_tei_parse_memory (data, size, display_name, error);
  if (xml == NULL)
    return NULL;

  root = xmlDocGetRootElement (xml);
  if (!peitho_tei_is (root, "TEI"))
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                 _("%s:%ld: not a TEI document: the root element is <%s>"), display_name,
                 xmlGetLineNo (root), (const char *) root->name);
  else if ((tag_set = peitho_tei_read_tag_set (peitho_tei_child (root, "teiHeader"), NULL, NULL)) == NULL)
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                 _("%s: the file holds no taxonomy (encodingDesc/classDecl/taxonomy)"),
                 display_name);

  xmlFreeDoc (xml);
  return tag_set;
}

GBytes *
peitho_tei_write_tag_set_bytes (PeithoTagSet  *tag_set,
                                GError       **error)
{
  g_autoptr(GHashTable) used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rendition_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, g_free);
  g_autofree char *description = NULL;
  xmlDoc *doc;
  xmlNode *root, *header, *file_desc, *encoding_desc, *text, *body;
  xmlChar *memory = NULL;
  int size = 0;
  GBytes *bytes;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), NULL);

  doc = peitho_tei_parse_header_template ();
  root = xmlDocGetRootElement (doc);
  header = peitho_tei_first_element (root);
  file_desc = peitho_tei_child (header, "fileDesc");
  peitho_tei_add_text (peitho_tei_child (peitho_tei_child (file_desc, "titleStmt"), "title"),
            peitho_tag_set_get_title (tag_set) != NULL ? peitho_tag_set_get_title (tag_set)
                                                        : "Tag set");

  {
    g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);

    for (guint i = 0; i < tags->len; i++)
      g_hash_table_add (used_ids, g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, i))));
    for (guint i = 0; i < peitho_tag_set_get_n_groups (tag_set); i++)
      g_hash_table_add (used_ids,
                        g_strdup (peitho_tag_group_get_id (peitho_tag_set_get_group (tag_set, i))));
    description = g_strdup_printf ("A Peitho tag set: %u tags in %u groups, described in the "
                                   "taxonomy of the header.", tags->len,
                                   peitho_tag_set_get_n_groups (tag_set));
  }

  encoding_desc = peitho_tei_new_child (header, "encodingDesc", NULL);
  peitho_tei_update_tags_decl (used_ids, tag_set, encoding_desc, NULL, rendition_ids);
  peitho_tei_build_taxonomy (tag_set, peitho_tei_new_child (encoding_desc, "classDecl", NULL), NULL, rendition_ids);

  xmlAddChild (root, xmlNewDocText (doc, (const xmlChar *) "\n  "));
  text = peitho_tei_new_element (root, "text");
  xmlAddChild (root, text);
  xmlAddChild (root, xmlNewDocText (doc, (const xmlChar *) "\n"));
  body = peitho_tei_new_child (text, "body", NULL);
  peitho_tei_add_text (peitho_tei_new_child (body, "p", NULL), description);

  {
    /* The template starts the header on the root's line. */
    xmlNode *first = root->children;
    xmlAddPrevSibling (first, xmlNewDocText (doc, (const xmlChar *) "\n  "));
  }

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", 0);
  xmlFreeDoc (doc);

  if (memory == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, _("Cannot serialize the tag set"));
      return NULL;
    }
  bytes = g_bytes_new (memory, size);
  xmlFree (memory);
  return bytes;
}
