/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "tei-validate.h"

static xmlRelaxNGPtr schema;
static double compile_seconds;
static guint n_validated;

static void
collect_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  GString *messages = user_data;

  if (messages != NULL && error != NULL && error->message != NULL && messages->len < 4000)
    g_string_append_printf (messages, "%d: %s", error->line, error->message);
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static xmlRelaxNGPtr
get_schema (void)
{
  const char *path = g_getenv ("PEITHO_TEI_SCHEMA");
  xmlRelaxNGParserCtxtPtr parser;
  gint64 start;

  if (schema != NULL)
    return schema;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("PEITHO_TEI_SCHEMA is not set to the TEI All schema (tei_all.rng): run under meson test");

  start = g_get_monotonic_time ();
  parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGSetParserStructuredErrors (parser, ignore_error_cb, NULL);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  compile_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (schema == NULL)
    g_error ("libxml2 cannot compile the RelaxNG schema %s", path);
  g_test_message ("compiled %s with libxml2 in %.1f s", path, compile_seconds);
  return schema;
}

gboolean
tei_validate_data (const char  *data,
                   gsize        length,
                   char       **message)
{
  xmlRelaxNGPtr rng = get_schema ();
  GString *messages = g_string_new (NULL);
  xmlRelaxNGValidCtxtPtr context;
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  gboolean valid;

  parser = xmlNewParserCtxt ();
  /* Quiet: the last error is read from the context below. */
  parser->sax->serror = ignore_error_cb;
  doc = xmlCtxtReadMemory (parser, data, (int) length, NULL, NULL, XML_PARSE_NONET);
  if (doc == NULL)
    {
      xmlError *error = xmlCtxtGetLastError (parser);

      g_string_append_printf (messages, "not well-formed: %d: %s",
                              error != NULL ? error->line : 0,
                              error != NULL && error->message ? error->message : "?");
      xmlFreeParserCtxt (parser);
      if (message != NULL)
        *message = g_string_free (messages, FALSE);
      else
        g_string_free (messages, TRUE);
      return FALSE;
    }
  xmlFreeParserCtxt (parser);

  context = xmlRelaxNGNewValidCtxt (rng);
  xmlRelaxNGSetValidStructuredErrors (context, collect_error_cb, messages);
  valid = xmlRelaxNGValidateDoc (context, doc) == 0;
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);
  n_validated++;

  if (message != NULL)
    *message = g_string_free (messages, FALSE);
  else
    g_string_free (messages, TRUE);
  return valid;
}

double
tei_validate_compile_seconds (void)
{
  return compile_seconds;
}

guint
tei_validate_count (void)
{
  return n_validated;
}

void
tei_assert_valid_impl (GBytes     *bytes,
                       const char *file,
                       int         line,
                       const char *expression)
{
  g_autofree char *message = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!tei_validate_data (data, size, &message))
    {
      static guint n_invalid;
      g_autofree char *name = g_strdup_printf ("invalid-%u.xml", ++n_invalid);
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                name, NULL);
      g_autofree char *text = NULL;

      g_file_set_contents (path, data, size, NULL);
      text = g_strdup_printf ("%s is not valid TEI (kept as %s):\n%s", expression, path, message);
      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, text);
    }
}
