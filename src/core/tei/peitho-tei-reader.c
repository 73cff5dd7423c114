/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-annotation-index.h"
#include "peitho-error.h"
#include "peitho-document-io.h"
#include "peitho-document-private.h"
#include "peitho-tei-common.h"
#include "peitho-tei-header.h"
#include "peitho-tei-reader.h"
#include "peitho-tei-reader-private.h"
#include "peitho-tei-relations.h"
#include "peitho-tei-taxonomy.h"

/*
 * One walk over the body collects the text of each paragraph and the range
 * (start and end offsets) of every element with an xml:id, anchors included;
 * spans in the standOff are then resolved through that table, so reading is
 * linear in the size of the file.
 *
 * The text of a paragraph is the concatenation of its text nodes, descending
 * into inline elements (hi, seg, emph, foreign markup ...). Notes, comments
 * and processing instructions add nothing. <lb/> adds a "\n" only where the
 * text around it has no whitespace already (files that break lines around
 * <lb/> keep their own line break, which is text). Paragraphs are p, ab, l
 * and head in document order, inside div, lg, list ... at any depth.
 */

static void
record_clear (gpointer data)
{
  Record *record = data;

  g_free (record->note);
  g_clear_pointer (&record->created, g_date_time_unref);
}

/* Whether @value is one token: the usual @ana, @resp or @change, which then
 * needs no splitting (and no copy). */
static gboolean
is_one_token (const char *value)
{
  return strpbrk (value, " \t\n\r") == NULL;
}

/* Reports a problem at @node. Returns FALSE if reading must stop (strict). */
gboolean
_peitho_tei_reader_problem (Reader     *self,
                xmlNode    *node,
                PeithoError code,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    full = g_strdup_printf ("%s:%ld: %s", self->name, xmlGetLineNo (node), message);
  else
    full = g_strdup_printf ("%s: %s", self->name, message);

  if (self->flags & PEITHO_READ_STRICT)
    {
      if (self->error == NULL)
        self->error = g_error_new_literal (PEITHO_ERROR, code, full);
      return FALSE;
    }

  if (self->problems != NULL)
    g_ptr_array_add (self->problems, g_steal_pointer (&full));
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Problems found by the taxonomy and header readers
 */

static gboolean
problem_cb (gpointer     data,
            xmlNode     *node,
            PeithoError  code,
            const char  *message)
{
  return _peitho_tei_reader_problem (data, node, code, "%s", message);
}

/* ---------------------------------------------------------------------------
 * Ids and the body
 */

static gboolean
collect_ids (Reader  *self,
             xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      const char *id;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      id = peitho_tei_attr (node, "xml:id");
      if (id != NULL)
        {
          xmlNode *first = peitho_tei_id_table_add (self->ids, id, node);

          if (first != NULL)
            {
              self->duplicate_ids = TRUE;
              if (!_peitho_tei_reader_problem (self, node, PEITHO_ERROR_DUPLICATE_ID,
                                   _("the xml:id “%s” is used twice (first at line %ld)"),
                                   id, xmlGetLineNo (first)))
                return FALSE;
            }
        }
      if (peitho_tei_is (node, "relation"))
        g_ptr_array_add (self->relation_nodes, node);
      if (node->children != NULL && !collect_ids (self, node->children))
        return FALSE;
    }
  return TRUE;
}

/* The range of an id lives on the first element with that id (its
 * _private, the application's field), so that setting and finding it costs
 * the one lookup in self->ids; the first range set for an id wins, as
 * before with a table of its own. */
void
_peitho_tei_reader_set_range (Reader     *self,
           const char *id,
           gsize       start,
           gsize       end)
{
  Range range = { start, end, NULL };
  xmlNode *node;

  if (id == NULL || (node = peitho_tei_id_table_lookup (self->ids, id)) == NULL || node->_private != NULL)
    return;
  range.node = node;
  g_array_append_val (self->range_list, range);
  node->_private = GUINT_TO_POINTER (self->range_list->len);
}

/* The attributes the reader asks an element for, found in one pass over
 * them (as peitho_tei_attr() finds each: "" when empty, NULL when absent or
 * not plain text) rather than one pass per attribute. */
typedef struct {
  const char *id;
  const char *ana;
  const char *resp;
  const char *change;
  const char *from;
  const char *to;
  const char *target;
} Attrs;

static const char *
attr_value (const xmlAttr *attr)
{
  if (attr->children == NULL)
    return "";
  if (attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
    return (const char *) attr->children->content;
  return NULL;
}

static void
read_attrs (const xmlNode *node,
            Attrs         *attrs)
{
  g_assert (node != NULL && node->type == XML_ELEMENT_NODE);

  *attrs = (Attrs) { NULL };
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      const char **slot = NULL;

      if (attr->ns != NULL)
        {
          if (strcmp (name, "id") == 0
              && strcmp ((const char *) attr->ns->href, (const char *) XML_XML_NAMESPACE) == 0)
            slot = &attrs->id;
        }
      else if (strcmp (name, "ana") == 0)
        slot = &attrs->ana;
      else if (strcmp (name, "resp") == 0)
        slot = &attrs->resp;
      else if (strcmp (name, "change") == 0)
        slot = &attrs->change;
      else if (strcmp (name, "from") == 0)
        slot = &attrs->from;
      else if (strcmp (name, "to") == 0)
        slot = &attrs->to;
      else if (strcmp (name, "target") == 0)
        slot = &attrs->target;
      /* The first of a name, as peitho_tei_attr() */
      if (slot != NULL && *slot == NULL)
        *slot = attr_value (attr);
    }
}

/* The same for @node's own xml:id, without the lookup when no id is used
 * twice (then @node is the first with its id). */
static void
set_node_range (Reader     *self,
                xmlNode    *node,
                const char *id,
                gsize       start,
                gsize       end)
{
  Range range = { start, end, node };

  g_assert (node != NULL);

  if (id == NULL)
    return;
  if (self->duplicate_ids)
    {
      _peitho_tei_reader_set_range (self, id, start, end);
      return;
    }
  if (node->_private != NULL)
    return;
  g_array_append_val (self->range_list, range);
  node->_private = GUINT_TO_POINTER (self->range_list->len);
}

static const Range *
get_range (Reader     *self,
           const char *id)
{
  xmlNode *node = peitho_tei_id_table_lookup (self->ids, id);
  guint index = node != NULL ? GPOINTER_TO_UINT (node->_private) : 0;

  return index > 0 ? &g_array_index (self->range_list, Range, index - 1) : NULL;
}

/* Before the tree is freed or handed on: its nodes keep nothing of ours. */
static void
forget_ranges (Reader *self)
{
  for (guint i = 0; i < self->range_list->len; i++)
    g_array_index (self->range_list, Range, i).node->_private = NULL;
  g_array_set_size (self->range_list, 0);
}

gboolean
_peitho_tei_is_annotation_element (xmlNode *node)
{
  return (peitho_tei_is (node, "seg") || peitho_tei_is (node, "span")
          || peitho_tei_is (node, "rs") || peitho_tei_is (node, "phr"))
      && peitho_tei_attr (node, "ana") != NULL;
}

gboolean
_peitho_tei_is_pointing_span (xmlNode *node)
{
  return peitho_tei_is (node, "span")
      && (peitho_tei_attr (node, "from") != NULL || peitho_tei_attr (node, "target") != NULL);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The characters of @text, UTF-8 as libxml2 gives it: the bytes that do
 * not continue a character. A loop the compiler vectorizes, where
 * g_utf8_strlen() steps from character to character (1.7% of a load). */
static gsize
utf8_length (const char *text,
             gsize       n_bytes)
{
  gsize continuations = 0;

  for (gsize i = 0; i < n_bytes; i++)
    continuations += ((guchar) text[i] & 0xC0) == 0x80;
  return n_bytes - continuations;
}

static void
append_text (Reader     *self,
             const char *text)
{
  gsize n_bytes;

  if (text == NULL || *text == '\0')
    return;

  if (self->pending_break)
    {
      if (self->paragraph->len > 0 && !is_space (self->paragraph->str[self->paragraph->len - 1])
          && !is_space (text[0]))
        {
          g_string_append_c (self->paragraph, '\n');
          self->offset++;
        }
      self->pending_break = FALSE;
    }
  n_bytes = strlen (text);
  g_string_append_len (self->paragraph, text, n_bytes);
  self->offset += utf8_length (text, n_bytes);
}

static GDateTime *
change_time (Reader     *self,
             const char *token)
{
  const char *id = peitho_tei_pointer_id (token);
  xmlNode *node = id != NULL ? peitho_tei_id_table_lookup (self->ids, id) : NULL;

  if (node == NULL || !peitho_tei_is (node, "change"))
    return NULL;
  g_hash_table_add (self->changes_used, (gpointer) peitho_tei_attr (node, "xml:id"));
  return peitho_tei_parse_when (peitho_tei_attr (node, "when"));
}

static GDateTime *
lookup_change_time (Reader     *self,
                    const char *change)
{
  g_auto(GStrv) tokens = NULL;

  if (change == NULL)
    return NULL;
  if (is_one_token (change))
    return change_time (self, change);
  tokens = g_strsplit_set (change, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      GDateTime *time = change_time (self, tokens[i]);

      if (time != NULL)
        return time;
    }
  return NULL;
}

static void
add_record (Reader      *self,
            xmlNode     *node,
            const Attrs *attrs,
            const char  *id,
            const char  *tag_id,
            gsize        start,
            gsize        end,
            const char  *note)
{
  /* Copies of the id and @resp, made while the span's attributes are in
   * the cache: the records are added long after, when the tree's strings
   * are not. @resp is shared, one copy for each annotator's. */
  Record record = {
    .id = id != NULL ? g_string_chunk_insert (self->strings, id) : NULL,
    .tag_id = tag_id,
    .resp = attrs->resp != NULL ? g_string_chunk_insert_const (self->strings, attrs->resp) : NULL,
    .note = g_strdup (note),
    .created = lookup_change_time (self, attrs->change),
    .start = start,
    .end = end,
    .node = node,
  };

  g_array_append_val (self->records, record);
}

/* One record per category in @ana (usually one). Takes @note. */
static void
add_records (Reader      *self,
             xmlNode     *node,
             const Attrs *attrs,
             gsize        start,
             gsize        end,
             char        *note)
{
  g_autofree char *owned_note = note;
  const char *id = attrs->id;
  g_auto(GStrv) tokens = NULL;

  if (attrs->ana == NULL)
    return;
  if (is_one_token (attrs->ana))
    {
      const char *tag_id = peitho_tei_pointer_id (attrs->ana);

      if (tag_id != NULL)
        add_record (self, node, attrs, id, tag_id, start, end, owned_note);
      return;
    }

  tokens = g_strsplit_set (attrs->ana, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *tag_id;

      if (*tokens[i] == '\0')
        continue;
      tag_id = peitho_tei_pointer_id (tokens[i]);
      if (tag_id == NULL)
        continue;
      add_record (self, node, attrs, id, g_string_chunk_insert (self->strings, tag_id), start,
                  end, owned_note);
      id = NULL;
    }
}

void
_peitho_tei_reader_add_records (Reader     *self,
             xmlNode    *node,
             gsize       start,
             gsize       end,
             char       *note)
{
  Attrs attrs;

  read_attrs (node, &attrs);
  add_records (self, node, &attrs, start, end, note);
}

static void
walk_inline (Reader  *self,
             xmlNode *parent)
{
  for (xmlNode *node = parent->children; node; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        append_text (self, (const char *) node->content);
      else if (node->type != XML_ELEMENT_NODE)
        continue;
      else if (peitho_tei_is (node, "note"))
        continue;
      else if (peitho_tei_is (node, "lb"))
        self->pending_break = TRUE;
      else if (_peitho_tei_is_pointing_span (node))
        g_ptr_array_add (self->span_nodes, node);
      else
        {
          gsize start = self->offset;

          walk_inline (self, node);
          set_node_range (self, node, peitho_tei_attr (node, "xml:id"), start, self->offset);
          if (_peitho_tei_is_annotation_element (node))
            _peitho_tei_reader_add_records (self, node, start, self->offset, NULL);
        }
    }
}

static gboolean
is_paragraph (xmlNode *node)
{
  return peitho_tei_is (node, "p") || peitho_tei_is (node, "ab")
      || peitho_tei_is (node, "head") || peitho_tei_is (node, "l");
}

static gboolean
walk_paragraph (Reader  *self,
                xmlNode *p)
{
  g_autoptr(GError) error = NULL;
  const char *id = peitho_tei_attr (p, "xml:id");
  gsize start;

  if (self->n_paragraphs > 0)
    self->offset += 2;
  start = self->offset;
  g_string_truncate (self->paragraph, 0);
  self->pending_break = FALSE;

  walk_inline (self, p);
  set_node_range (self, p, id, start, self->offset);

  if (id != NULL && !peitho_tei_is_ncname (id))
    id = NULL;
  if (!peitho_document_append_paragraph (self->document, self->paragraph->str,
                                         self->paragraph->len, id, &error))
    {
      if (id == NULL || !g_error_matches (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID))
        {
          self->error = g_error_new (PEITHO_ERROR, error->code, "%s:%ld: %s", self->name,
                                     xmlGetLineNo (p), error->message);
          return FALSE;
        }
      g_clear_error (&error);
      if (!peitho_document_append_paragraph (self->document, self->paragraph->str,
                                             self->paragraph->len, NULL, &error))
        {
          self->error = g_error_new (PEITHO_ERROR, error->code, "%s:%ld: %s", self->name,
                                     xmlGetLineNo (p), error->message);
          return FALSE;
        }
    }
  self->n_paragraphs++;
  return TRUE;
}

static gboolean
walk_blocks (Reader  *self,
             xmlNode *parent)
{
  for (xmlNode *node = peitho_tei_first_element (parent); node; node = peitho_tei_next_element (node))
    {
      gsize start = self->n_paragraphs > 0 ? self->offset + 2 : self->offset;

      if (is_paragraph (node))
        {
          if (!walk_paragraph (self, node))
            return FALSE;
          if (_peitho_tei_is_annotation_element (node))
            _peitho_tei_reader_add_records (self, node, start, self->offset, NULL);
          continue;
        }
      if (peitho_tei_is (node, "note"))
        continue;
      if (_peitho_tei_is_pointing_span (node))
        {
          g_ptr_array_add (self->span_nodes, node);
          continue;
        }
      if (!walk_blocks (self, node))
        return FALSE;
      if (self->offset >= start)
        set_node_range (self, node, peitho_tei_attr (node, "xml:id"), start, self->offset);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * The standOff
 */

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static const char *
display_id (xmlNode *node)
{
  const char *id = peitho_tei_attr (node, "xml:id");

  return id != NULL ? id : (const char *) node->name;
}

static gboolean
resolve_span (Reader  *self,
              xmlNode *span)
{
  Attrs attrs;
  const char *from, *to, *target, *name;
  xmlNode *note = peitho_tei_child (span, "note");
  gsize start, end;

  read_attrs (span, &attrs);
  from = attrs.from;
  to = attrs.to;
  target = attrs.target;
  /* as display_id() */
  name = attrs.id != NULL ? attrs.id : (const char *) span->name;

  if (attrs.ana == NULL)
    return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_INVALID,
                           _("span “%s” has no @ana (no category); left out"), name);

  if (from != NULL)
    {
      const char *from_id = peitho_tei_pointer_id (from);
      const char *to_id = to != NULL ? peitho_tei_pointer_id (to) : from_id;
      const Range *start_range = from_id != NULL ? get_range (self, from_id) : NULL;
      const Range *end_range = to_id != NULL ? get_range (self, to_id) : NULL;

      if (start_range == NULL)
        return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_NOT_FOUND,
                               _("span “%s”: its start “%s” is not in the text; annotation left out"),
                               name, from);
      if (end_range == NULL)
        return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_NOT_FOUND,
                               _("span “%s”: its end “%s” is not in the text; annotation left out"),
                               name, to);
      start = start_range->start;
      end = end_range->end;
      if (end < start)
        return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_RANGE,
                               _("span “%s”: its end (%s) comes before its start (%s); "
                                 "annotation left out"), name, to, from);
    }
  else if (target == NULL)
    return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_INVALID,
                           _("span “%s” has neither @from nor @target; left out"), name);
  else
    {
      g_auto(GStrv) tokens = g_strsplit_set (target, " \t\n\r", -1);
      gboolean found = FALSE;

      start = G_MAXSIZE;
      end = 0;
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          const char *id = peitho_tei_pointer_id (tokens[i]);
          const Range *range;

          if (id == NULL)
            continue;
          range = get_range (self, id);
          if (range == NULL)
            return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_NOT_FOUND,
                                   _("span “%s”: its target “%s” is not in the text; "
                                     "annotation left out"), name, tokens[i]);
          start = MIN (start, range->start);
          end = MAX (end, range->end);
          found = TRUE;
        }
      if (!found)
        return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_INVALID,
                               _("span “%s” has an empty @target; left out"), name);
    }

  if (start == end)
    return _peitho_tei_reader_problem (self, span, PEITHO_ERROR_RANGE,
                           _("span “%s” covers no text; annotation left out"), name);

  add_records (self, span, &attrs, start, end, note != NULL ? node_text (note) : NULL);
  return TRUE;
}

static void
walk_stand_off (Reader  *self,
                xmlNode *parent)
{
  for (xmlNode *node = peitho_tei_first_element (parent); node; node = peitho_tei_next_element (node))
    {
      if (peitho_tei_is (node, "span"))
        g_ptr_array_add (self->span_nodes, node);
      else if (peitho_tei_is (node, "note") && peitho_tei_attr (node, "target") != NULL)
        {
          g_auto(GStrv) tokens = g_strsplit_set (peitho_tei_attr (node, "target"), " \t\n\r", -1);

          for (guint i = 0; tokens[i] != NULL; i++)
            {
              const char *id = peitho_tei_pointer_id (tokens[i]);
              xmlNode *target = id != NULL ? peitho_tei_id_table_lookup (self->ids, id) : NULL;

              if (target != NULL)
                g_hash_table_insert (self->target_notes, (gpointer) peitho_tei_attr (target, "xml:id"),
                                     node);
            }
        }
      else if (!peitho_tei_is (node, "relation"))
        walk_stand_off (self, node);
    }
}

static PeithoAnnotator *
ensure_annotator (Reader     *self,
                  xmlNode    *node,
                  const char *resp,
                  gboolean   *ok)
{
  g_auto(GStrv) tokens = NULL;
  const char *id = NULL;
  PeithoAnnotator *annotator;

  if (resp == NULL)
    return NULL;
  /* The records' @resp are shared copies: one annotator's records often
   * follow each other. */
  if (resp == self->last_resp)
    return self->last_annotator;
  if (is_one_token (resp))
    id = peitho_tei_pointer_id (resp);
  else
    {
      tokens = g_strsplit_set (resp, " \t\n\r", -1);
      for (guint i = 0; tokens[i] != NULL && id == NULL; i++)
        id = peitho_tei_pointer_id (tokens[i]);
    }
  if (id == NULL)
    return NULL;

  annotator = peitho_document_lookup_annotator (self->document, id);
  if (annotator != NULL)
    {
      self->last_resp = resp;
      self->last_annotator = annotator;
      return annotator;
    }

  if (!peitho_tei_is_ncname (id))
    {
      *ok = _peitho_tei_reader_problem (self, node, PEITHO_ERROR_NOT_FOUND,
                            _("@resp “%s” does not name an annotator; ignored"), resp);
      return NULL;
    }

  {
    xmlNode *stmt = peitho_tei_id_table_lookup (self->ids, id);
    g_autofree char *name = NULL;
    g_autoptr(PeithoAnnotator) created = NULL;

    /* An edition's own respStmt that its annotations name. */
    if (peitho_tei_is (stmt, "respStmt"))
      name = peitho_tei_person_name (stmt);
    created = peitho_annotator_new (id, name != NULL ? name : id);

    if (!peitho_document_add_annotator (self->document, created, NULL))
      return NULL;
  }
  return peitho_document_lookup_annotator (self->document, id);
}

static gboolean
in_peitho_part (xmlNode *node)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    if (peitho_tei_is_peitho_part (node))
      return TRUE;
  return FALSE;
}

static gboolean
ensure_tag (Reader     *self,
            Record     *record)
{
  g_autoptr(PeithoTag) tag = NULL;
  const char *id = record->tag_id;
  PeithoTag *known = peitho_tag_set_lookup_tag (self->tag_set, id);

  /* From now on the tag's own copy of the id, one string in the cache for
   * all the records with that tag, not 100,000 strings in the tree. */
  if (known != NULL)
    {
      record->tag_id = peitho_tag_get_id (known);
      return TRUE;
    }

  if (!peitho_tei_is_ncname (id))
    return _peitho_tei_reader_problem (self, record->node, PEITHO_ERROR_UNKNOWN_TAG,
                           _("“%s” in @ana of “%s” is not a category id; annotation left out"),
                           id, display_id (record->node));

  if (peitho_tag_set_lookup_group (self->tag_set, PEITHO_UNKNOWN_GROUP_ID) == NULL)
    {
      g_autoptr(PeithoTagGroup) group = peitho_tag_group_new (PEITHO_UNKNOWN_GROUP_ID,
                                                              _("Unknown tags"), NULL);
      g_autoptr(GError) error = NULL;

      if (!peitho_tag_set_add_group (self->tag_set, group, -1, &error))
        return _peitho_tei_reader_problem (self, record->node, PEITHO_ERROR_UNKNOWN_TAG, "%s", error->message);
    }

  if (!g_hash_table_contains (self->unknown_tags, id))
    {
      g_hash_table_add (self->unknown_tags, g_strdup (id));
      if (!_peitho_tei_reader_problem (self, record->node, PEITHO_ERROR_UNKNOWN_TAG,
                           _("the category “#%s” (in @ana of “%s”) is not in the taxonomy; "
                             "it was added to the group “Unknown tags”"),
                           id, display_id (record->node)))
        return FALSE;
    }

  tag = peitho_tag_new (id, id, NULL, NULL, PEITHO_UNKNOWN_TAG_COLOR);
  return peitho_tag_set_add_tag (self->tag_set, PEITHO_UNKNOWN_GROUP_ID, tag, -1, NULL)
      || _peitho_tei_reader_problem (self, record->node, PEITHO_ERROR_UNKNOWN_TAG,
                         _("cannot add the category “%s”"), id);
}

static gboolean
add_recorded_annotations (Reader *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = &g_array_index (self->records, Record, i);
      g_autoptr(PeithoAnnotation) annotation = NULL;
      PeithoAnnotator *annotator;
      xmlNode *note_node = NULL;
      gboolean ok = TRUE;

      if (peitho_tag_set_lookup_tag (self->tag_set, record->tag_id) == NULL)
        continue;

      annotator = ensure_annotator (self, record->node, record->resp, &ok);
      if (!ok)
        return FALSE;

      if (record->note != NULL)
        note_node = peitho_tei_child (record->node, "note");
      else if (record->id != NULL && g_hash_table_size (self->target_notes) > 0)
        {
          note_node = g_hash_table_lookup (self->target_notes, record->id);
          if (note_node != NULL)
            record->note = node_text (note_node);
        }

      annotation = peitho_annotation_new (record->id, record->start, record->end, record->tag_id,
                                          annotator != NULL ? peitho_annotator_get_id (annotator)
                                                            : NULL,
                                          record->note, record->created);
      if (!peitho_document_add_annotation (self->document, annotation, &error))
        {
          if (!_peitho_tei_reader_problem (self, record->node, error->code,
                               _("“%s”: %s; annotation left out"), display_id (record->node),
                               error->message))
            return FALSE;
          g_clear_error (&error);
        }
      else if (self->edition != NULL && !in_peitho_part (record->node))
        peitho_tei_edition_add_own_annotation (self->edition, peitho_annotation_get_id (annotation),
                                               record->node, record->tag_id, record->note,
                                               in_peitho_part (note_node) ? NULL : note_node);
    }
  return TRUE;
}

static gboolean
add_annotations (Reader *self)
{
  g_autoptr(GError) error = NULL;
  PeithoAnnotationIndex *index;
  gboolean ok;

  for (guint i = 0; i < self->records->len; i++)
    if (!ensure_tag (self, &g_array_index (self->records, Record, i)))
      return FALSE;

  if (!peitho_document_set_tag_set (self->document, self->tag_set, &error))
    {
      self->error = g_error_new (PEITHO_ERROR, error->code, "%s: %s", self->name, error->message);
      return FALSE;
    }

  /* One "changed" and one "items-changed" for them all, not one per
   * annotation. */
  index = PEITHO_ANNOTATION_INDEX (peitho_document_get_annotations (self->document));
  _peitho_document_freeze_changed (self->document);
  peitho_annotation_index_freeze_inserts (index);
  _peitho_document_defer_counts (self->document);
  ok = add_recorded_annotations (self);
  _peitho_document_end_deferred_counts (self->document);
  peitho_annotation_index_thaw_inserts (index);
  _peitho_document_thaw_changed (self->document);
  return ok;
}

static gboolean
read_relation (Reader  *self,
               xmlNode *node)
{
  const char *active = peitho_tei_attr (node, "active");
  const char *passive = peitho_tei_attr (node, "passive");
  const char *mutual = peitho_tei_attr (node, "mutual");
  const char *xml_id = peitho_tei_attr (node, "xml:id");
  g_auto(GStrv) from = NULL;
  g_auto(GStrv) to = NULL;
  g_autoptr(GPtrArray) from_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) to_ids = g_ptr_array_new ();
  gboolean ok = TRUE;
  PeithoAnnotator *annotator;
  g_autofree char *type = peitho_tei_read_relation_type (node);

  if (active == NULL && passive == NULL && mutual != NULL)
    {
      /* Symmetric: read as from the first to each of the others. */
      g_auto(GStrv) all = g_strsplit_set (mutual, " \t\n\r", -1);
      g_autoptr(GStrvBuilder) first = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
      gboolean seen = FALSE;

      for (guint i = 0; all[i] != NULL; i++)
        if (*all[i] != '\0')
          {
            g_strv_builder_add (seen ? rest : first, all[i]);
            seen = TRUE;
          }
      from = g_strv_builder_end (first);
      to = g_strv_builder_end (rest);
    }
  else
    {
      from = g_strsplit_set (active != NULL ? active : "", " \t\n\r", -1);
      to = g_strsplit_set (passive != NULL ? passive : "", " \t\n\r", -1);
    }

  for (guint i = 0; from[i] != NULL; i++)
    if (peitho_tei_pointer_id (from[i]) != NULL)
      g_ptr_array_add (from_ids, (gpointer) peitho_tei_pointer_id (from[i]));
  for (guint i = 0; to[i] != NULL; i++)
    if (peitho_tei_pointer_id (to[i]) != NULL)
      g_ptr_array_add (to_ids, (gpointer) peitho_tei_pointer_id (to[i]));

  if (from_ids->len == 0 || to_ids->len == 0)
    return _peitho_tei_reader_problem (self, node, PEITHO_ERROR_INVALID,
                           _("relation “%s” does not name both of its annotations; left out"),
                           xml_id != NULL ? xml_id : type);

  if (from_ids->len * to_ids->len > 1
      && !_peitho_tei_reader_problem (self, node, PEITHO_ERROR_INVALID,
                          _("relation “%s” links several annotations; read as %u relations "
                            "between pairs"),
                          xml_id != NULL ? xml_id : type, from_ids->len * to_ids->len))
    return FALSE;

  annotator = ensure_annotator (self, node, peitho_tei_attr (node, "resp"), &ok);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < from_ids->len; i++)
    for (guint j = 0; j < to_ids->len; j++)
      {
        const char *from_id = g_ptr_array_index (from_ids, i);
        const char *to_id = g_ptr_array_index (to_ids, j);
        g_autoptr(PeithoRelation) relation = NULL;
        g_autoptr(GError) error = NULL;

        if (peitho_document_lookup_annotation (self->document, from_id) == NULL
            || peitho_document_lookup_annotation (self->document, to_id) == NULL)
          {
            const char *missing = peitho_document_lookup_annotation (self->document, from_id) == NULL
                                  ? from_id : to_id;

            if (!_peitho_tei_reader_problem (self, node, PEITHO_ERROR_NOT_FOUND,
                                 _("relation “%s”: there is no annotation “%s”; relation left out"),
                                 xml_id != NULL ? xml_id : type, missing))
              return FALSE;
            continue;
          }

        relation = peitho_relation_new (i == 0 && j == 0 ? xml_id : NULL, type, from_id, to_id,
                                        annotator != NULL ? peitho_annotator_get_id (annotator)
                                                          : NULL);
        if (!peitho_document_add_relation (self->document, relation, &error)
            && !_peitho_tei_reader_problem (self, node, error->code, _("relation “%s”: %s; left out"),
                                xml_id != NULL ? xml_id : type, error->message))
          return FALSE;
      }

  return TRUE;
}

/* Whether the relation element @node is under @parent, and not inside
 * another relation: one that a walk of @parent down to its relations
 * finds. */
static gboolean
is_relation_of (xmlNode *node,
                xmlNode *parent)
{
  for (xmlNode *up = node->parent; up != NULL; up = up->parent)
    {
      if (up == parent)
        return TRUE;
      if (peitho_tei_is (up, "relation"))
        return FALSE;
    }
  return FALSE;
}

/* The relations under @parent, in document order. They come from the list
 * collect_ids() made on its walk, not from a walk of their own: a walk of
 * the body and the standOff down to a few hundred relations among 100,000
 * spans and 200,000 anchors cost a twentieth of reading the file. */
static gboolean
read_relations (Reader  *self,
                xmlNode *parent)
{
  for (guint i = 0; i < self->relation_nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (self->relation_nodes, i);

      if (is_relation_of (node, parent) && !read_relation (self, node))
        return FALSE;
    }
  return TRUE;
}

/* Whether a pointer of @value names an annotation. */
static gboolean
names_annotation (Reader     *self,
                  const char *value)
{
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;
  tokens = g_strsplit_set (value, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *id = peitho_tei_pointer_id (tokens[i]);

      if (id != NULL && peitho_document_lookup_annotation (self->document, id) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The relations of an edition's own standOff that name annotations (of its
 * own, or made by other tools): read, and kept where they are. The others
 * (a Wikidata link, a relation between persons) are none of Peitho's. */
static gboolean
read_own_relations (Reader  *self,
                    xmlNode *parent)
{
  for (guint r = 0; r < self->relation_nodes->len; r++)
    {
      xmlNode *node = g_ptr_array_index (self->relation_nodes, r);
      GListModel *relations = peitho_document_get_relations (self->document);
      guint before;

      if (!is_relation_of (node, parent))
        continue;
      before = g_list_model_get_n_items (relations);
      if (!names_annotation (self, peitho_tei_attr (node, "active"))
          && !names_annotation (self, peitho_tei_attr (node, "passive"))
          && !names_annotation (self, peitho_tei_attr (node, "mutual")))
        continue;
      if (!read_relation (self, node))
        return FALSE;
      for (guint i = before; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

          g_hash_table_insert (self->edition->own_relations,
                               g_strdup (peitho_relation_get_id (relation)), node);
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Entry points
 */

static void
reader_clear (Reader *self)
{
  g_clear_object (&self->document);
  g_clear_object (&self->tag_set);
  g_clear_pointer (&self->ids, peitho_tei_id_table_free);
  g_clear_pointer (&self->range_list, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->changes_used, g_hash_table_unref);
  g_clear_pointer (&self->target_notes, g_hash_table_unref);
  g_clear_pointer (&self->unknown_tags, g_hash_table_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->span_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->relation_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edition, peitho_tei_edition_free);
  g_clear_pointer (&self->peitho_anchors, g_hash_table_unref);
  if (self->paragraph != NULL)
    g_string_free (g_steal_pointer (&self->paragraph), TRUE);
  g_clear_error (&self->error);
}

static gboolean
read_document (Reader  *self,
               xmlNode *root)
{
  xmlNode *header = peitho_tei_child (root, "teiHeader");
  xmlNode *text = peitho_tei_child (root, "text");
  xmlNode *body = peitho_tei_child (text, "body");

  if (!collect_ids (self, root))
    return FALSE;

  if (header != NULL)
    {
      g_autofree char *header_xml = peitho_tei_dump_node (header);

      peitho_document_set_header_xml (self->document, header_xml);
      peitho_tei_read_metadata (self->document, header);
      if (!peitho_tei_read_annotators (self->document, peitho_tei_child (header, "fileDesc"),
                                       FALSE, problem_cb, self))
        return FALSE;
      self->tag_set = peitho_tei_read_tag_set (header, problem_cb, self);
      if (self->tag_set == NULL && self->error != NULL)
        return FALSE;
    }
  if (self->tag_set == NULL)
    self->tag_set = peitho_tag_set_new ("tags", NULL);

  if (body != NULL && !walk_blocks (self, body))
    return FALSE;

  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "standOff"))
      walk_stand_off (self, n);

  for (guint i = 0; i < self->span_nodes->len; i++)
    if (!resolve_span (self, g_ptr_array_index (self->span_nodes, i)))
      return FALSE;

  if (!add_annotations (self))
    return FALSE;

  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "standOff") && !read_relations (self, n))
      return FALSE;
  if (body != NULL && !read_relations (self, body))
    return FALSE;

  if (header != NULL)
    peitho_tei_read_changes (self->document, peitho_tei_child (header, "revisionDesc"),
                             FALSE, self->changes_used);

  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Editions
 */

/* Peitho's flat form: a body of <p>s that hold only text, anchors and
 * annotation elements, written without indentation. */
static gboolean
is_flat_content (xmlNode *parent)
{
  for (xmlNode *node = parent->children; node; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          if (!peitho_tei_is (node, "anchor") && !_peitho_tei_is_annotation_element (node))
            return FALSE;
          if (!is_flat_content (node))
            return FALSE;
        }
      else if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_flat_form (xmlNode *root)
{
  xmlNode *text = peitho_tei_child (root, "text");
  xmlNode *body = peitho_tei_child (text, "body");
  xmlNode *header = peitho_tei_child (root, "teiHeader");
  if (!peitho_tei_is (root, "TEI"))
    return FALSE;
  if (body == NULL)
    return text == NULL;
  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is_peitho_part (n))
      return FALSE;
  for (xmlNode *n = peitho_tei_first_element (text); n; n = peitho_tei_next_element (n))
    if (n != body)
      return FALSE;
  for (xmlNode *n = peitho_tei_first_element (header); n; n = peitho_tei_next_element (n))
    for (xmlNode *m = peitho_tei_first_element (n); m; m = peitho_tei_next_element (m))
      if (peitho_tei_is_peitho_part (m))
        return FALSE;
  for (xmlNode *n = body->children; n; n = n->next)
    {
      if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        return FALSE;
      if (n->type != XML_ELEMENT_NODE)
        continue;
      /* The empty body of an empty document */
      if (peitho_tei_is (n, "div") && n->children == NULL)
        continue;
      /* Peitho gives every <p> an id. */
      if (!peitho_tei_is (n, "p") || !is_flat_content (n) || peitho_tei_attr (n, "xml:id") == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Peitho's additions of an earlier save: marked header parts, its standOff
 * and the anchors its spans point at. */
static void
find_peitho_parts (Reader  *self,
                   xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (peitho_tei_is_peitho_part (node))
        {
          g_ptr_array_add (self->edition->peitho_parts, node);
          if (peitho_tei_is (node, "standOff"))
            for (xmlNode *span = node->children; span; span = span != NULL ? span->next : NULL)
              {
                /* spanGrp/span */
                for (xmlNode *s = span->children; s; s = s->next)
                  {
                    const char *from = peitho_tei_pointer_id (peitho_tei_attr (s, "from"));
                    const char *to = peitho_tei_pointer_id (peitho_tei_attr (s, "to"));

                    if (!peitho_tei_is (s, "span"))
                      continue;
                    if (from != NULL)
                      g_hash_table_add (self->peitho_anchors, (gpointer) from);
                    if (to != NULL)
                      g_hash_table_add (self->peitho_anchors, (gpointer) to);
                  }
              }
          continue;
        }
      find_peitho_parts (self, node->children);
    }
}

/* The ids of the edition, and Peitho's anchors among the parts. */
static void
collect_edition_ids (Reader  *self,
                     xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      const char *id;

      if (node->type != XML_ELEMENT_NODE || peitho_tei_is_peitho_part (node))
        continue;
      id = peitho_tei_attr (node, "xml:id");
      if (id != NULL && peitho_tei_is (node, "anchor")
          && g_hash_table_contains (self->peitho_anchors, id))
        {
          g_ptr_array_add (self->edition->peitho_parts, node);
          continue;
        }
      if (id != NULL)
        g_hash_table_add (self->edition->ids, g_strdup (id));
      collect_edition_ids (self, node->children);
    }
}

/* The ids of the tag set (when it is the edition's own taxonomy) are tags. */
static void
reserve_id (Reader     *self,
            const char *id)
{
  if (peitho_tag_set_lookup_tag (self->tag_set, id) != NULL
      || peitho_tag_set_lookup_group (self->tag_set, id) != NULL
      || g_strcmp0 (peitho_tag_set_get_id (self->tag_set), id) == 0)
    return;
  peitho_document_reserve_id (self->document, id);
}

/* Where each annotator goes in the document's list: the edition's own
 * respStmts first, then Peitho's, both in document order, then those that
 * only an @resp names (Peitho writes a respStmt of its own for these, after
 * the edition's). Reading a saved edition so gives the order it was saved
 * with, whichever annotators an annotation named first. */
static void
rank_resp_stmts (xmlNode    *node,
                 GHashTable *ranks,
                 guint      *position)
{
  g_assert (ranks != NULL);
  g_assert (position != NULL);

  for (xmlNode *child = peitho_tei_first_element (node); child; child = peitho_tei_next_element (child))
    {
      const char *id = peitho_tei_attr (child, "xml:id");

      if (peitho_tei_is (child, "respStmt") && id != NULL && !g_hash_table_contains (ranks, id))
        {
          guint rank = ++(*position) + (peitho_tei_is_peitho_part (child) ? G_MAXINT / 4 : 0);

          g_hash_table_insert (ranks, (gpointer) id, GUINT_TO_POINTER (rank));
        }
      rank_resp_stmts (child, ranks, position);
    }
}

static int
compare_annotator_ranks (gconstpointer a,
                         gconstpointer b,
                         gpointer      data)
{
  GHashTable *ranks = data;
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, peitho_annotator_get_id ((PeithoAnnotator *) a)));
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, peitho_annotator_get_id ((PeithoAnnotator *) b)));

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

static void
order_annotators (Reader  *self,
                  xmlNode *header)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotators = peitho_document_get_annotators (self->document);
  guint position = 0;
  guint n_annotators = g_list_model_get_n_items (annotators);

  g_assert (self != NULL);

  if (header != NULL)
    rank_resp_stmts (header, ranks, &position);
  /* Those without a respStmt keep the order in which they were named. */
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
      const char *id = peitho_annotator_get_id (annotator);

      if (!g_hash_table_contains (ranks, id))
        g_hash_table_insert (ranks, (gpointer) id, GUINT_TO_POINTER ((guint) G_MAXINT / 2 + i));
    }
  _peitho_document_sort_annotators (self->document, compare_annotator_ranks, ranks);
}

static gboolean
read_edition (Reader  *self,
              xmlNode *root)
{
  xmlNode *header = peitho_tei_child (root, "teiHeader");
  g_autoptr(GHashTable) record_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;

  if (!collect_ids (self, root))
    return FALSE;
  find_peitho_parts (self, root->children);
  collect_edition_ids (self, root->children);

  if (header != NULL)
    {
      g_autofree char *header_xml = peitho_tei_dump_node (header);

      /* For documents made from this one (a seminar's copies), which have
       * no tree of their own. */
      peitho_document_set_header_xml (self->document, header_xml);
      peitho_tei_read_metadata (self->document, header);
      self->edition->title = g_strdup (peitho_document_get_title (self->document));
      self->edition->author = g_strdup (peitho_document_get_author (self->document));
      self->edition->date = g_strdup (peitho_document_get_date (self->document));
      self->edition->source = g_strdup (peitho_document_get_source (self->document));
      if (!peitho_tei_read_annotators (self->document, peitho_tei_child (header, "fileDesc"),
                                       TRUE, problem_cb, self))
        return FALSE;
      /* The edition's own taxonomy (its seg/@ana point there) with the tags
       * Peitho added. */
      self->tag_set = peitho_tei_read_edition_tag_set (header, self->edition->own_categories,
                                                       problem_cb, self);
      if (self->tag_set == NULL && self->error != NULL)
        return FALSE;
    }
  if (self->tag_set == NULL)
    self->tag_set = self->options->default_tag_set != NULL
                    ? peitho_tag_set_copy (self->options->default_tag_set)
                    : peitho_tag_set_new_default ();

  if (!_peitho_tei_read_edition_text (self, root))
    return FALSE;

  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    {
      if (peitho_tei_is (n, "standOff"))
        walk_stand_off (self, n);
      else if (peitho_tei_is (n, "TEI"))
        for (xmlNode *m = peitho_tei_first_element (n); m; m = peitho_tei_next_element (m))
          if (peitho_tei_is (m, "standOff"))
            walk_stand_off (self, m);
    }

  for (guint i = 0; i < self->span_nodes->len; i++)
    if (!resolve_span (self, g_ptr_array_index (self->span_nodes, i)))
      return FALSE;

  /* Annotation ids never take an id of the edition; the edition's own
   * annotation elements keep theirs, and so do its relations (read below;
   * all its ids are reserved after that). */
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = &g_array_index (self->records, Record, i);

      if (record->id != NULL)
        g_hash_table_add (record_ids, (gpointer) record->id);
    }
  g_hash_table_iter_init (&iter, self->edition->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (record_ids, id)
        && !peitho_tei_is (peitho_tei_id_table_lookup (self->ids, id), "respStmt")
        && !peitho_tei_is (peitho_tei_id_table_lookup (self->ids, id), "relation"))
      reserve_id (self, id);

  if (!add_annotations (self))
    return FALSE;

  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "standOff") && peitho_tei_is_peitho_part (n) && !read_relations (self, n))
      return FALSE;
  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "standOff") && !peitho_tei_is_peitho_part (n)
        && !read_own_relations (self, n))
      return FALSE;

  /* The respStmts that no annotation named, now that annotators are made. */
  g_hash_table_iter_init (&iter, self->edition->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    reserve_id (self, id);

  order_annotators (self, header);

  if (header != NULL)
    peitho_tei_read_changes (self->document, peitho_tei_child (header, "revisionDesc"),
                             TRUE, self->changes_used);

  return TRUE;
}

PeithoDocument *
peitho_tei_read_bytes (GBytes           *bytes,
                       const char       *display_name,
                       PeithoReadFlags   flags,
                       GPtrArray        *problems,
                       GError          **error)
{
  PeithoTeiReadOptions options = PEITHO_TEI_READ_OPTIONS_INIT;

  g_return_val_if_fail (bytes != NULL, NULL);

  options.flags = flags;
  return peitho_tei_read_bytes_with_options (bytes, display_name, &options, problems, error);
}

PeithoDocument *
peitho_tei_read_bytes_with_options (GBytes                     *bytes,
                                    const char                 *display_name,
                                    const PeithoTeiReadOptions *options,
                                    GPtrArray                  *problems,
                                    GError                    **error)
{
  static const PeithoTeiReadOptions default_options = PEITHO_TEI_READ_OPTIONS_INIT;
  Reader self = { 0 };
  PeithoReadFlags flags;
  xmlDoc *xml;
  xmlNode *root;
  PeithoDocument *result = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (options == NULL)
    options = &default_options;
  flags = options->flags;
  if (display_name == NULL)
    display_name = "document";
  data = g_bytes_get_data (bytes, &size);

  xml = peitho_tei_parse_memory (data, size, display_name, error);
  if (xml == NULL)
    return NULL;

  root = xmlDocGetRootElement (xml);
  if (!peitho_tei_is (root, "TEI") && !peitho_tei_is (root, "teiCorpus"))
    {
      if (g_strcmp0 ((const char *) root->name, "TEI") == 0
          || g_strcmp0 ((const char *) root->name, "teiCorpus") == 0)
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                     _("%s:%ld: not a TEI document: <TEI> is not in the TEI namespace (%s)"),
                     display_name, xmlGetLineNo (root), PEITHO_TEI_NS);
      else
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                     _("%s:%ld: not a TEI document: the root element is <%s>, not <TEI>"),
                     display_name, xmlGetLineNo (root), (const char *) root->name);
      xmlFreeDoc (xml);
      return NULL;
    }

  self.name = display_name;
  self.flags = flags;
  self.problems = problems;
  self.document = peitho_document_new ();
  /* Peitho's own files carry an xml:id every 60 to 70 bytes (two anchors
   * and a span per annotation); editions have fewer, or more on every word
   * (the table then grows). */
  self.ids = peitho_tei_id_table_new (size / 64);
  self.range_list = g_array_new (FALSE, FALSE, sizeof (Range));
  self.strings = g_string_chunk_new (256);
  self.changes_used = g_hash_table_new (g_str_hash, g_str_equal);
  self.target_notes = g_hash_table_new (g_str_hash, g_str_equal);
  self.unknown_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.records = g_array_new (FALSE, FALSE, sizeof (Record));
  g_array_set_clear_func (self.records, record_clear);
  self.span_nodes = g_ptr_array_new ();
  self.relation_nodes = g_ptr_array_new ();
  self.paragraph = g_string_new (NULL);
  self.options = options;

  if (is_flat_form (root))
    {
      if (read_document (&self, root))
        result = g_steal_pointer (&self.document);
      forget_ranges (&self);
      xmlFreeDoc (xml);
    }
  else
    {
      self.edition = peitho_tei_edition_new (xml);
      self.peitho_anchors = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean read = read_edition (&self, root);

      forget_ranges (&self);
      if (read)
        {
          result = g_steal_pointer (&self.document);
          peitho_document_set_source_tree (result, g_steal_pointer (&self.edition),
                                           (GDestroyNotify) peitho_tei_edition_free);
        }
    }
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&self.error));

  reader_clear (&self);
  return result;
}

char **
peitho_tei_list_corpus (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) titles = NULL;
  xmlDoc *xml;
  xmlNode *root;
  gsize size;
  const char *data;
  GQueue stack = G_QUEUE_INIT;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "document";
  data = g_bytes_get_data (bytes, &size);
  xml = peitho_tei_parse_memory (data, size, display_name, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  if (!peitho_tei_is (root, "teiCorpus"))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s:%ld: not a TEI corpus: the root element is <%s>, not <teiCorpus>"),
                   display_name, xmlGetLineNo (root), (const char *) root->name);
      xmlFreeDoc (xml);
      return NULL;
    }

  /* Depth first, in document order, as the reader counts them. */
  titles = g_strv_builder_new ();
  g_queue_push_head (&stack, peitho_tei_first_element (root));
  while (!g_queue_is_empty (&stack))
    {
      xmlNode *node = g_queue_pop_head (&stack);

      if (node == NULL)
        continue;
      g_queue_push_head (&stack, peitho_tei_next_element (node));
      if (peitho_tei_is (node, "teiCorpus"))
        g_queue_push_head (&stack, peitho_tei_first_element (node));
      else if (peitho_tei_is (node, "TEI"))
        {
          xmlNode *header = peitho_tei_child (node, "teiHeader");
          xmlNode *file_desc = peitho_tei_child (header, "fileDesc");
          xmlNode *title_stmt = peitho_tei_child (file_desc, "titleStmt");
          g_autofree char *title = peitho_tei_collapsed_text (peitho_tei_child (title_stmt, "title"));

          g_strv_builder_add (titles, title != NULL ? title : "");
        }
    }
  xmlFreeDoc (xml);
  return g_strv_builder_end (titles);
}

PeithoDocument *
peitho_tei_read_file (GFile            *file,
                      PeithoReadFlags   flags,
                      GPtrArray        *problems,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  /* Keeps GIO's error codes ("not found", "permission denied"). */
  bytes = peitho_file_read_bytes (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return peitho_tei_read_bytes (bytes, name, flags, problems, error);
}
