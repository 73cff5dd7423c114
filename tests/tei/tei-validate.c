/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
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

void
tei_validate_compile (void)
{
  get_schema ();
}

gboolean
tei_validate_data_here (const char  *data,
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

/* Asks the validator at @path (tei-validate --serve) instead of compiling the
 * schema here. FALSE, and @error set, if it could not be asked: not if the
 * document is invalid, which is the answer in @valid. */
static gboolean
ask_validator (const char  *path,
               const char  *data,
               gsize        length,
               gboolean    *valid,
               char       **message,
               GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocketConnection) connection = NULL;
  GOutputStream *out;
  GInputStream *in;
  guint64 size = length;
  guint8 verdict;
  guint32 message_len;
  g_autofree char *text = NULL;
  gsize n_read;

  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, error);
  if (connection == NULL)
    return FALSE;
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));

  if (!g_output_stream_write_all (out, &size, sizeof size, NULL, NULL, error)
      || !g_output_stream_write_all (out, data, length, NULL, NULL, error)
      || !g_input_stream_read_all (in, &verdict, sizeof verdict, &n_read, NULL, error))
    return FALSE;
  if (n_read == sizeof verdict)
    {
      if (!g_input_stream_read_all (in, &message_len, sizeof message_len, &n_read, NULL, error))
        return FALSE;
    }
  if (n_read != sizeof message_len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   "the validator at %s closed the connection", path);
      return FALSE;
    }
  text = g_malloc (message_len + 1);
  if (!g_input_stream_read_all (in, text, message_len, &n_read, NULL, error))
    return FALSE;
  if (n_read != message_len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   "the validator at %s sent a short answer", path);
      return FALSE;
    }
  text[message_len] = '\0';

  *valid = verdict != 0;
  if (message != NULL)
    *message = g_steal_pointer (&text);
  return TRUE;
}

gboolean
tei_validate_data (const char  *data,
                   gsize        length,
                   char       **message)
{
  const char *path = g_getenv ("PEITHO_TEI_VALIDATOR");
  static gboolean validator_failed;

  if (path != NULL && *path != '\0' && !validator_failed)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid;

      if (ask_validator (path, data, length, &valid, message, &error))
        {
          n_validated++;
          return valid;
        }
      /* Slower, not wrong: the schema is compiled here instead. */
      g_test_message ("the TEI validator at %s cannot be asked (%s): compiling the schema here",
                      path, error->message);
      validator_failed = TRUE;
    }

  return tei_validate_data_here (data, length, message);
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
