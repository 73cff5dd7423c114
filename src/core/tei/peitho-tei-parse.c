/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Parsing XML safely: no network, no DTD, no entities; the first error
 * with its line. */

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

  /* libxml2 rejects bytes that are not UTF-8 (in a document that says it
   * is) but names neither the byte nor the line well: a failed parse looks
   * for them first, and a good one needs no second pass over the bytes. */
  if ((state.entity_seen || doc == NULL || !ctxt->wellFormed)
      && !check_utf8 (data, length, display_name, error))
    g_clear_pointer (&doc, xmlFreeDoc);
  else if (state.entity_seen)
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
