/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "peitho-seminar-tei.h"
#include "peitho-tei-common.h"

#define ASSIGNMENT_NOTE "peitho-assignment"
#define SEMINAR_NOTE    "peitho-seminar"
#define EDITABLE        "tag-set-editable"
#define FIXED           "tag-set-fixed"

/* The header a document without one gets: what the TEI writer would write,
 * with room for notes. */
static const char header_template[] =
  "<teiHeader xmlns=\"" PEITHO_TEI_NS "\">\n"
  "    <fileDesc>\n"
  "      <titleStmt>\n"
  "        <title/>\n"
  "      </titleStmt>\n"
  "      <publicationStmt><p>Annotated with Peitho.</p></publicationStmt>\n"
  "      <sourceDesc><bibl/></sourceDesc>\n"
  "    </fileDesc>\n"
  "  </teiHeader>";

/* The kept header parsed (wrapped in a TEI element, as the writer does), or
 * the template. Never NULL: a kept header that does not parse is replaced. */
static xmlDoc *
parse_header (PeithoDocument *document,
              xmlNode       **header)
{
  const char *header_xml = peitho_document_get_header_xml (document);
  xmlDoc *doc = NULL;

  if (header_xml != NULL)
    {
      g_autofree char *wrapped = g_strconcat ("<TEI xmlns=\"" PEITHO_TEI_NS "\">", header_xml,
                                              "</TEI>", NULL);

      doc = peitho_tei_parse_memory (wrapped, strlen (wrapped), "header", NULL);
      if (doc != NULL)
        {
          *header = peitho_tei_first_element (xmlDocGetRootElement (doc));
          if (peitho_tei_is (*header, "teiHeader"))
            return doc;
          xmlFreeDoc (doc);
        }
    }
  doc = peitho_tei_parse_memory (header_template, sizeof header_template - 1, "template", NULL);
  g_assert (doc != NULL);
  *header = xmlDocGetRootElement (doc);
  return doc;
}

static void
store_header (PeithoDocument *document,
              xmlDoc         *doc,
              xmlNode        *header)
{
  g_autofree char *header_xml = peitho_tei_dump_node (header);

  peitho_document_set_header_xml (document, header_xml);
  xmlFreeDoc (doc);
}

static xmlNode *
find_note (xmlNode    *header,
           const char *type)
{
  xmlNode *notes_stmt = peitho_tei_child (peitho_tei_child (header, "fileDesc"), "notesStmt");

  for (xmlNode *n = peitho_tei_first_element (notes_stmt); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "note") && g_strcmp0 (peitho_tei_attr (n, "type"), type) == 0)
      return n;
  return NULL;
}

/* A fresh note of @type in notesStmt (which comes right before sourceDesc),
 * replacing an old one. */
static xmlNode *
replace_note (xmlNode    *header,
              const char *type)
{
  static const char * const after_notes[] = { "sourceDesc", NULL };
  xmlNode *file_desc = peitho_tei_ensure_child (header, "fileDesc", peitho_tei_first_element (header));
  xmlNode *old = find_note (header, type);
  xmlNode *notes_stmt;
  xmlNode *note;

  if (old != NULL)
    peitho_tei_remove_node (old);
  notes_stmt = peitho_tei_child (file_desc, "notesStmt");
  if (notes_stmt == NULL)
    {
      xmlNode *before = NULL;

      for (xmlNode *n = peitho_tei_first_element (file_desc); n; n = peitho_tei_next_element (n))
        if (g_strv_contains (after_notes, (const char *) n->name))
          {
            before = n;
            break;
          }
      notes_stmt = peitho_tei_new_child (file_desc, "notesStmt", before);
    }
  note = peitho_tei_new_child (notes_stmt, "note", NULL);
  xmlSetProp (note, (const xmlChar *) "type", (const xmlChar *) type);
  return note;
}

gboolean
_peitho_seminar_tei_read_assignment (PeithoDocument  *document,
                                     char           **task,
                                     gboolean        *tag_set_editable)
{
  xmlNode *header = NULL;
  xmlDoc *doc;
  xmlNode *note;
  g_autoptr(GString) text = NULL;

  g_assert (PEITHO_IS_DOCUMENT (document));

  if (peitho_document_get_header_xml (document) == NULL)
    return FALSE;
  doc = parse_header (document, &header);
  note = find_note (header, ASSIGNMENT_NOTE);
  if (note == NULL)
    {
      xmlFreeDoc (doc);
      return FALSE;
    }

  text = g_string_new (NULL);
  for (xmlNode *p = peitho_tei_first_element (note); p; p = peitho_tei_next_element (p))
    {
      g_autofree char *line = peitho_tei_collapsed_text (p);

      if (!peitho_tei_is (p, "p") || line == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (text->len == 0)
    {
      g_autofree char *line = peitho_tei_collapsed_text (note);

      if (line != NULL)
        g_string_append (text, line);
    }

  if (task != NULL)
    *task = text->len > 0 ? g_strdup (text->str) : NULL;
  if (tag_set_editable != NULL)
    *tag_set_editable = g_strcmp0 (peitho_tei_attr (note, "subtype"), EDITABLE) == 0;
  xmlFreeDoc (doc);
  return TRUE;
}

void
_peitho_seminar_tei_write_assignment (PeithoDocument *document,
                                      const char     *task,
                                      gboolean        tag_set_editable)
{
  xmlNode *header = NULL;
  xmlDoc *doc = parse_header (document, &header);
  xmlNode *note = replace_note (header, ASSIGNMENT_NOTE);
  g_auto(GStrv) lines = g_strsplit (task != NULL ? task : "", "\n", -1);

  xmlSetProp (note, (const xmlChar *) "subtype",
              (const xmlChar *) (tag_set_editable ? EDITABLE : FIXED));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        peitho_tei_add_text (peitho_tei_new_child (note, "p", NULL), lines[i]);
    }
  store_header (document, doc, header);
}

GStrv
_peitho_seminar_tei_read_students (PeithoDocument *document)
{
  xmlNode *header = NULL;
  xmlDoc *doc;
  xmlNode *note;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tokens = NULL;

  g_assert (PEITHO_IS_DOCUMENT (document));

  if (peitho_document_get_header_xml (document) == NULL)
    return NULL;
  doc = parse_header (document, &header);
  note = find_note (header, SEMINAR_NOTE);
  if (note == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  builder = g_strv_builder_new ();
  tokens = g_strsplit_set (peitho_tei_attr (note, "target") ? peitho_tei_attr (note, "target") : "",
                           " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *id = peitho_tei_pointer_id (tokens[i]);

      if (id != NULL && id[0] != '\0')
        g_strv_builder_add (builder, id);
    }
  xmlFreeDoc (doc);
  return g_strv_builder_end (builder);
}

void
_peitho_seminar_tei_write_students (PeithoDocument     *document,
                                    const char * const *annotator_ids)
{
  xmlNode *header = NULL;
  xmlDoc *doc;
  xmlNode *note;
  g_autoptr(GString) target = g_string_new (NULL);
  guint n = annotator_ids != NULL ? g_strv_length ((char **) annotator_ids) : 0;
  g_autofree char *text = NULL;

  if (annotator_ids == NULL)
    {
      if (peitho_document_get_header_xml (document) == NULL)
        return;
      doc = parse_header (document, &header);
      note = find_note (header, SEMINAR_NOTE);
      if (note == NULL)
        {
          xmlFreeDoc (doc);
          return;
        }
      peitho_tei_remove_node (note);
      store_header (document, doc, header);
      return;
    }

  doc = parse_header (document, &header);
  note = replace_note (header, SEMINAR_NOTE);
  text = g_strdup_printf ("Seminar: the readings of %u students, merged by Peitho.", n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (target, "%s#%s", i > 0 ? " " : "", annotator_ids[i]);
  if (target->len > 0)
    xmlSetProp (note, (const xmlChar *) "target", (const xmlChar *) target->str);
  peitho_tei_add_text (note, text);
  store_header (document, doc, header);
}

void
_peitho_seminar_tei_prune_annotators (PeithoDocument *document)
{
  xmlNode *header = NULL;
  xmlDoc *doc;
  xmlNode *title_stmt;
  xmlNode *next;
  gboolean changed = FALSE;

  if (peitho_document_get_header_xml (document) == NULL)
    return;
  doc = parse_header (document, &header);
  title_stmt = peitho_tei_child (peitho_tei_child (header, "fileDesc"), "titleStmt");
  for (xmlNode *n = peitho_tei_first_element (title_stmt); n; n = next)
    {
      const char *id = peitho_tei_attr (n, "xml:id");
      g_autofree char *resp = NULL;

      next = peitho_tei_next_element (n);
      if (!peitho_tei_is (n, "respStmt") || id == NULL
          || peitho_document_lookup_annotator (document, id) != NULL)
        continue;
      resp = peitho_tei_collapsed_text (peitho_tei_child (n, "resp"));
      if (g_strcmp0 (resp, "annotation") != 0)
        continue;
      peitho_tei_remove_node (n);
      changed = TRUE;
    }
  if (changed)
    store_header (document, doc, header);
  else
    xmlFreeDoc (doc);
}
