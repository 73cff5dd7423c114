/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <gio/gio.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"

typedef struct {
  const char *display_name;
  char       *first_message;
  int         first_line;
  int         entity_line;
  gboolean    entity_seen;
} ParseState;

static void
parse_state_entity (xmlParserCtxt *ctxt)
{
  ParseState *state = ctxt->_private;

  if (!state->entity_seen)
    {
      state->entity_seen = TRUE;
      state->entity_line = ctxt->input != NULL ? ctxt->input->line : 0;
    }
  /* Stop at once: an entity bomb never gets the chance to expand. */
  xmlStopParser (ctxt);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  parse_state_entity (user_data);
}

static void
unparsed_entity_decl_cb (void          *user_data,
                         const xmlChar *name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  parse_state_entity (user_data);
}

static void
reference_cb (void          *user_data,
              const xmlChar *name)
{
  parse_state_entity (user_data);
}

static void
external_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (error == NULL || state == NULL)
    return;

  if (error->code == XML_WAR_UNDECLARED_ENTITY || error->code == XML_ERR_UNDECLARED_ENTITY)
    {
      if (!state->entity_seen)
        {
          state->entity_seen = TRUE;
          state->entity_line = error->line;
        }
      return;
    }

  /* Validity errors (a duplicate xml:id) are the reader's business. */
  if (error->domain == XML_FROM_VALID || error->level < XML_ERR_ERROR)
    return;

  if (state->first_message == NULL)
    {
      state->first_message = g_strstrip (g_strdup (error->message != NULL ? error->message
                                                                            : "unknown error"));
      state->first_line = error->line;
    }
}

/* libxml2's message for bad UTF-8 does not say where in bytes; an XML file
 * in UTF-8 (no other encoding declared, no UTF-16 byte order mark) is
 * checked first. */
static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *invalid;
  gsize start = 0;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE))
    return TRUE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  if (length - start > 5 && memcmp (data + start, "<?xml", 5) == 0)
    {
      g_autofree char *decl = g_strndup (data + start, MIN (length - start, 200));
      char *end = strstr (decl, "?>");
      char *encoding;

      if (end != NULL)
        *end = '\0';
      encoding = strstr (decl, "encoding");
      if (encoding != NULL)
        {
          encoding += strlen ("encoding");
          while (*encoding == ' ' || *encoding == '=' || *encoding == '"' || *encoding == '\'')
            encoding++;
          if (g_ascii_strncasecmp (encoding, "UTF-8", 5) != 0
              && g_ascii_strncasecmp (encoding, "UTF8", 4) != 0)
            return TRUE;
        }
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s:%u: invalid UTF-8 at byte %lu"), display_name, line,
                   (gulong) (invalid - data));
      return FALSE;
    }
  return TRUE;
}

static gpointer
init_libxml_cb (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

xmlDoc *
peitho_tei_parse_memory (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  ParseState state = { display_name, NULL, 0, 0, FALSE };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;

  g_once (&once, init_libxml_cb, NULL);

  if (length > G_MAXINT)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), display_name);
      return NULL;
    }

  {
    gsize i = 0;

    if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
      i = 3;
    while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
      i++;
    if (i == length)
      {
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED,
                     _("%s: the file is empty"), display_name);
        return NULL;
      }
  }

  if (!check_utf8 (data, length, display_name, error))
    return NULL;

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                   _("%s: cannot create an XML parser"), display_name);
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->unparsedEntityDecl = unparsed_entity_decl_cb;
  ctxt->sax->reference = reference_cb;
  /* Never load an external DTD subset, whatever the flags say. */
  ctxt->sax->externalSubset = external_subset_cb;

  /* Never XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  /* libxml2 2.9's own table of xml:ids grows quadratically past ~100,000
   * ids; the reader keeps its own. (A non-zero loadsubset would make the
   * default SAX handler load the external subset: external_subset_cb
   * stands in its way.) */
  ctxt->loadsubset |= XML_SKIP_IDS;
  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (state.entity_seen)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED,
                   _("%s:%d: the document declares or uses an entity, which Peitho does not read "
                     "(only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"),
                   display_name, state.entity_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      if (state.first_message == NULL)
        {
          xmlError *last = xmlCtxtGetLastError (ctxt);

          if (last != NULL && last->message != NULL)
            {
              state.first_message = g_strstrip (g_strdup (last->message));
              state.first_line = last->line;
            }
        }
      if (state.first_line > 0)
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED, "%s:%d: %s",
                     display_name, state.first_line,
                     state.first_message != NULL ? state.first_message : _("not well-formed XML"));
      else
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED, "%s: %s", display_name,
                     state.first_message != NULL ? state.first_message : _("not well-formed XML"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED,
                   _("%s: the document has no root element"), display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  g_free (state.first_message);

  return doc;
}

gboolean
peitho_tei_is_ncname (const char *str)
{
  return peitho_id_is_valid (str);
}

gboolean
peitho_tei_is (const xmlNode *node,
               const char    *name)
{
  return node != NULL
      && node->type == XML_ELEMENT_NODE
      && node->ns != NULL
      && strcmp ((const char *) node->ns->href, PEITHO_TEI_NS) == 0
      && strcmp ((const char *) node->name, name) == 0;
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

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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
      if (is_xml_space (*p))
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
peitho_tei_format_when (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return NULL;
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
peitho_tei_parse_when (const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *full = NULL;

  if (value == NULL)
    return NULL;
  while (is_xml_space (*value))
    value++;

  if (strlen (value) == 10 && value[4] == '-' && value[7] == '-')
    value = full = g_strconcat (value, "T00:00:00Z", NULL);
  else if (strlen (value) == 7 && value[4] == '-')
    value = full = g_strconcat (value, "-01T00:00:00Z", NULL);
  else if (strlen (value) == 4 && g_ascii_isdigit (value[0]))
    value = full = g_strconcat (value, "-01-01T00:00:00Z", NULL);

  return g_date_time_new_from_iso8601 (value, utc);
}

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (months[i], word, len) == 0 && (len == strlen (months[i]) || len == 3
                                                          || (len == 4 && word[3] == '.')))
      return i + 1;
  return 0;
}

char *
peitho_tei_date_to_iso (const char *date)
{
  g_auto(GStrv) words = NULL;
  int year = 0, month = 0, day = 0;
  guint n;

  if (date == NULL)
    return NULL;

  {
    g_autofree char *clean = g_strdup (date);

    g_strstrip (clean);
    /* Already ISO: 1939, 1939-06, 1939-06-10. */
    if (g_regex_match_simple ("^[0-9]{4}(-[01][0-9](-[0-3][0-9])?)?$", clean, 0, 0))
      {
        g_autoptr(GDateTime) check = peitho_tei_parse_when (clean);
        return check != NULL ? g_strdup (clean) : NULL;
      }
    g_strdelimit (clean, ",", ' ');
    words = g_regex_split_simple ("\\s+", clean, 0, 0);
  }

  n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      char *end = NULL;
      gint64 value;

      if (*w == '\0')
        continue;
      n++;
      if (n > 3)
        return NULL;
      if (g_ascii_isdigit (*w))
        {
          value = g_ascii_strtoll (w, &end, 10);
          /* "10th" */
          if (*end != '\0' && !(g_str_equal (end, "st") || g_str_equal (end, "nd")
                                || g_str_equal (end, "rd") || g_str_equal (end, "th")
                                || g_str_equal (end, ".")))
            return NULL;
          if (value >= 1000 && value <= 9999 && year == 0 && end - w == 4)
            year = value;
          else if (value >= 1 && value <= 31 && day == 0)
            day = value;
          else
            return NULL;
        }
      else if ((value = month_from_word (w)) != 0 && month == 0)
        month = value;
      else
        return NULL;
    }

  if (year == 0 || (day != 0 && month == 0))
    return NULL;
  if (month == 0)
    return g_strdup_printf ("%04d", year);
  if (day == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
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

/* ---------------------------------------------------------------------------
 * Saving
 */

gboolean
peitho_tei_replace_file (GFile         *file,
                         GBytes        *bytes,
                         gboolean       make_backup,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  stream = g_file_replace (file, NULL, make_backup, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream != NULL
      && !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable,
                                     &local_error))
    {
      /* Closing renames the temporary file over the old one even after a
       * failed write (GLib 2.74); a cancelled close removes it instead. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }
  else if (stream != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);

  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, _("%s: cannot save: %s"),
                 name, local_error->message);
  return FALSE;
}
