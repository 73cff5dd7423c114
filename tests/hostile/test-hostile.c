/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Hostile and broken input, case by case: every case is opened with
 * peitho_document_load (in a subprocess, so that a crash fails that case
 * alone) and with peitho-cli validate and stats; each must end within the
 * time limit with the expected error or the expected problems, a message that
 * names the file (and the line where one applies), and nothing read that must
 * not be: neither the test's secret file nor its listening socket. */

#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "peitho-test-util.h"
#include "hostile-generate.h"

/* The limit (2 s) is checked on CPU time, which a busy machine
 * inflates far less than wall time, though not by nothing: the million
 * paragraphs take 1.6-1.8 s alone and 2.0-2.1 s beside other builds. A test
 * is no benchmark, so it fails at twice the limit: what it catches is work
 * out of all proportion (a hang, a quadratic loop), never noise. The load
 * times are printed for a look. Wall time gets a generous hang guard on top
 * (something that waits instead of working, a network fetch say, uses no
 * CPU). Sanitizers slow the code down 2-5 times. */
#ifdef HOSTILE_SANITIZED
#define CPU_LIMIT_SECONDS 10.0
#define TIME_LIMIT_USEC (30 * G_USEC_PER_SEC)
#else
#define CPU_LIMIT_SECONDS 4.0
#define TIME_LIMIT_USEC (10 * G_USEC_PER_SEC)
#endif

/* A line of /etc/passwd, which some cases try to pull in. */
#define PASSWD_MARK "root:x:0:"

typedef enum {
  EXPECT_ERROR,     /* NULL and a GError */
  EXPECT_PROBLEMS,  /* a document, and problems reported */
  EXPECT_CLEAN,     /* a document, no problems */
} Expect;

typedef enum {
  CLI_TEI,   /* peitho-cli validate/stats behave like the loader */
  CLI_TEXT,  /* a text file: validate/stats (TEI only) refuse it; import behaves like the loader */
} CliKind;

typedef struct {
  const char       *name;
  HostileGenerator  generate;     /* NULL: the file cases/NAME */
  Expect            expect;
  int               code;         /* PeithoError, for EXPECT_ERROR */
  int               line;         /* > 0: the message names this line */
  const char       *message_part; /* in the error, or in the first problem; for a clean
                                   * text, in a note (none when NULL) */
  const char       *text_part;    /* in the document text (a document was read) */
  int               n_annotations; /* -1: not checked */
  CliKind           cli;
  gboolean          network;      /* the listener must stay untouched */
} HostileCase;

#define E(code) EXPECT_ERROR, PEITHO_ERROR_##code
#define P EXPECT_PROBLEMS, 0
#define C EXPECT_CLEAN, 0
#define GEN(x) hostile_gen_##x

static const HostileCase cases[] = {
  /* Entities: never read a file, never touch the network, never expand. */
  { "xxe-secret-file.xml", GEN (xxe_secret_file), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "xxe-secret-path.xml", GEN (xxe_secret_path), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "xxe-etc-passwd.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "xxe-network.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "xxe-listener.xml", GEN (xxe_listener), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, TRUE },
  { "parameter-entity-secret.xml", GEN (parameter_entity_secret), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "parameter-entity-internal.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "parameter-entity-network.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "billion-laughs.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "billion-laughs-in-attribute.xml", NULL, E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "quadratic-blowup.xml", GEN (quadratic_blowup), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "undeclared-entity.xml", NULL, E (MALFORMED), 2, "entity", NULL, -1, CLI_TEI, FALSE },
  /* DTDs, XInclude and stylesheets are not loaded; the text is read. */
  { "doctype-secret-dtd.xml", GEN (doctype_secret_dtd), E (MALFORMED), 3, "entity", NULL, -1, CLI_TEI, FALSE },
  { "doctype-listener.xml", GEN (doctype_listener), C, 0, NULL, "A DTD on the network.", 0, CLI_TEI, TRUE },
  { "doctype-system-file.xml", NULL, C, 0, NULL, "A document with an external DTD.", 0, CLI_TEI, FALSE },
  { "doctype-public-network.xml", NULL, C, 0, NULL, "A document with a network DTD.", 0, CLI_TEI, FALSE },
  { "xinclude-secret.xml", GEN (xinclude_secret), C, 0, NULL, "Before.\n\nAfter.", 0, CLI_TEI, FALSE },
  { "xinclude-file.xml", NULL, C, 0, NULL, "Before.\n\nAfter.", 0, CLI_TEI, FALSE },
  { "xinclude-listener.xml", GEN (xinclude_listener), C, 0, NULL, "Before.\n\nAfter.", 0, CLI_TEI, TRUE },
  { "xml-stylesheet-pi.xml", NULL, C, 0, NULL, "Styled.", 0, CLI_TEI, FALSE },
  { "stylesheet-listener.xml", GEN (stylesheet_listener), C, 0, NULL, "Styled.", 0, CLI_TEI, TRUE },
  { "processing-instruction-in-p.xml", NULL, C, 0, NULL, "one two three", 0, CLI_TEI, FALSE },
  { "cdata-in-p.xml", NULL, C, 0, NULL, "Before <not-a-tag> & \"kept\" after.", 0, CLI_TEI, FALSE },
  /* Depth and size. */
  { "nested-100000-divs.xml", GEN (nested_elements), E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "nested-100000-segs-in-p.xml", GEN (nested_in_p), E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "nested-200-segs.xml", GEN (nested_seg_allowed), C, 0, NULL, "deep", 200, CLI_TEI, FALSE },
  { "huge-attribute.xml", GEN (huge_attribute), E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "large-attribute.xml", GEN (large_attribute), C, 0, NULL, "A paragraph with a large attribute.", 0, CLI_TEI, FALSE },
  { "million-anchors.xml", GEN (million_anchors), C, 0, NULL, "Text after a million anchors.", 0, CLI_TEI, FALSE },
  { "many-xml-ids.xml", GEN (many_xml_ids), C, 0, NULL, "p\n\np\n\np", 0, CLI_TEI, FALSE },
  { "million-paragraphs.txt", GEN (million_paragraphs), C, 0, NULL, "p\n\np\n\np", 0, CLI_TEXT, FALSE },
  { "single-line-50mb.txt", GEN (huge_text_line), C, 0, NULL, "lorem ipsum dolor", 0, CLI_TEXT, FALSE },
  { "too-large.xml", GEN (too_large), E (TOO_LARGE), 0, "large", NULL, -1, CLI_TEI, FALSE },
  /* Not XML, not well-formed, not TEI. */
  { "malformed-mismatched-tag.xml", NULL, E (MALFORMED), 5, "mismatch", NULL, -1, CLI_TEI, FALSE },
  { "malformed-unquoted-attribute.xml", NULL, E (MALFORMED), 3, NULL, NULL, -1, CLI_TEI, FALSE },
  { "malformed-two-roots.xml", NULL, E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "malformed-nul-char-reference.xml", NULL, E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "malformed-bogus-encoding.xml", NULL, E (MALFORMED), 1, "encoding", NULL, -1, CLI_TEI, FALSE },
  { "xml-declaration-only.xml", NULL, E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "comment-only.xml", NULL, E (MALFORMED), 2, NULL, NULL, -1, CLI_TEI, FALSE },
  { "truncated-half.xml", NULL, E (MALFORMED), 24, NULL, NULL, -1, CLI_TEI, FALSE },
  { "truncated-in-header.xml", NULL, E (MALFORMED), 22, NULL, NULL, -1, CLI_TEI, FALSE },
  { "non-tei-root.xml", NULL, E (NOT_TEI), 2, "<html>", NULL, -1, CLI_TEI, FALSE },
  { "tei-without-namespace.xml", NULL, E (NOT_TEI), 2, "namespace", NULL, -1, CLI_TEI, FALSE },
  { "tei-without-text.xml", NULL, C, 0, NULL, "", 0, CLI_TEI, FALSE },
  { "empty.txt", NULL, E (INVALID), 0, "no text", NULL, -1, CLI_TEXT, FALSE },
  { "whitespace-only.txt", NULL, E (INVALID), 0, "no text", NULL, -1, CLI_TEXT, FALSE },
  { "random-bytes.bin", NULL, E (ENCODING), 0, "byte", NULL, -1, CLI_TEXT, FALSE },
  { "random-bytes-no-nul.txt", NULL, E (ENCODING), 0, "byte", NULL, -1, CLI_TEXT, FALSE },
  { "png-image.xml", NULL, E (ENCODING), 0, "byte", NULL, -1, CLI_TEXT, FALSE },
  /* Encodings. */
  { "invalid-utf8.xml", NULL, E (ENCODING), 3, "byte", NULL, -1, CLI_TEI, FALSE },
  { "random-bytes-after-tag.xml", NULL, E (ENCODING), 1, "byte", NULL, -1, CLI_TEI, FALSE },
  /* Not UTF-8 and no UTF-8 in it: Latin-1, read as Windows-1252 with a note. */
  { "invalid-utf8.txt", NULL, C, 0, "Windows-1252", "A second with caf\xC3\xA9 in Latin-1.", 0, CLI_TEXT, FALSE },
  { "invalid-utf8-overlong.txt", NULL, E (ENCODING), 0, "byte 9", NULL, -1, CLI_TEXT, FALSE },
  { "control-character.txt", NULL, E (ENCODING), 0, "U+0001 at line 1, column 21", NULL, -1, CLI_TEXT, FALSE },
  { "nul-in-text.txt", NULL, E (ENCODING), 0, "U+0000 at line 4, column 8", NULL, -1, CLI_TEXT, FALSE },
  { "utf16le-bom.xml", NULL, C, 0, NULL, "UTF-16 café.", 0, CLI_TEI, FALSE },
  { "utf16be-bom.txt", NULL, C, 0, "UTF-16", "Plain text in UTF-16", 0, CLI_TEXT, FALSE },
  { "latin1-declared.xml", NULL, C, 0, NULL, "café naïve", 0, CLI_TEI, FALSE },
  { "utf8-bom.xml", NULL, C, 0, NULL, "With a BOM.", 0, CLI_TEI, FALSE },
  /* TEI whose annotations are wrong: reported, never a crash, never silent. */
  { "missing-anchor.xml", NULL, P, 8, "a1-e", "The end anchor is missing.", 0, CLI_TEI, FALSE },
  { "duplicate-xml-id.xml", NULL, P, 5, "p1", "One.\n\nTwo.", -1, CLI_TEI, FALSE },
  { "duplicate-span-id.xml", NULL, P, 9, "a1", NULL, 1, CLI_TEI, FALSE },
  { "reversed-range.xml", NULL, P, 8, "a1", "Reversed range.", 0, CLI_TEI, FALSE },
  { "range-outside-text.xml", NULL, P, 8, "not in the text", "Only paragraph.", 0, CLI_TEI, FALSE },
  { "target-outside-text.xml", NULL, P, 8, "#nowhere", "Only paragraph.", 0, CLI_TEI, FALSE },
  { "empty-range.xml", NULL, P, 8, "a1", "Empty range.", 0, CLI_TEI, FALSE },
  { "unknown-tag.xml", NULL, P, 8, "no-such-category", "Unknown tag.", 1, CLI_TEI, FALSE },
  { "unknown-tag-inline.xml", NULL, P, 4, "not-declared", "An inline seg.", 1, CLI_TEI, FALSE },
  { "span-without-ana.xml", NULL, P, 8, "a1", "No ana.", 0, CLI_TEI, FALSE },
  { "span-without-from-or-target.xml", NULL, P, 8, "a1", "Neither from nor target.", 0, CLI_TEI, FALSE },
  { "relation-to-missing-annotation.xml", NULL, P, 11, "a99", "Claim.", 1, CLI_TEI, FALSE },
  { "relation-to-itself.xml", NULL, P, 11, "a1", "Claim.", 1, CLI_TEI, FALSE },
  { "unknown-annotator.xml", NULL, C, 0, NULL, "Claim.", 1, CLI_TEI, FALSE },
  { "valid-control.xml", NULL, C, 0, NULL, "A lamp is a small sun for the poor.", 3, CLI_TEI, FALSE },
};

#undef E
#undef P
#undef C
#undef GEN

/* ---------------------------------------------------------------------------
 * The context: a temporary folder, a secret, a listening socket
 */

typedef struct {
  HostileContext  public;
  char           *dir;
  char           *secret;
  char           *secret_path;
  char           *secret_dtd;
  GSocket        *listener;
} Context;

static Context *
context_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *dtd = NULL;
  Context *ctx = g_new0 (Context, 1);

  ctx->dir = g_dir_make_tmp ("peitho-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  ctx->secret = g_strdup_printf ("PEITHO-SECRET-%08x%08x", g_test_rand_int (), g_test_rand_int ());
  ctx->secret_path = g_build_filename (ctx->dir, "secret.txt", NULL);
  g_file_set_contents (ctx->secret_path, ctx->secret, -1, &error);
  g_assert_no_error (error);
  ctx->secret_dtd = g_build_filename (ctx->dir, "secret.dtd", NULL);
  dtd = g_strdup_printf ("<!ENTITY leak \"%s\">\n", ctx->secret);
  g_file_set_contents (ctx->secret_dtd, dtd, -1, &error);
  g_assert_no_error (error);

  ctx->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (ctx->listener, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (ctx->listener, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (ctx->listener, FALSE);
  bound = g_socket_get_local_address (ctx->listener, &error);
  g_assert_no_error (error);

  ctx->public.dir = ctx->dir;
  ctx->public.secret = ctx->secret;
  ctx->public.secret_path = ctx->secret_path;
  ctx->public.secret_dtd = ctx->secret_dtd;
  ctx->public.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return ctx;
}

static void
context_free (Context *ctx)
{
  peitho_test_remove_tree (ctx->dir);
  g_socket_close (ctx->listener, NULL);
  g_object_unref (ctx->listener);
  g_free (ctx->dir);
  g_free (ctx->secret);
  g_free (ctx->secret_path);
  g_free (ctx->secret_dtd);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Context, context_free)

static void
assert_listener_untouched (Context *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) peer = g_socket_accept (ctx->listener, NULL, &error);

  if (peer != NULL)
    g_error ("something connected to 127.0.0.1:%u: the network was used", ctx->public.port);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
assert_no_secret (Context    *ctx,
                  const char *what,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strstr (text, ctx->secret) != NULL || strstr (text, PASSWD_MARK) != NULL)
    g_error ("%s holds what a file reference pointed at: %.300s", what, text);
}

/* Seconds of CPU used by this process (RUSAGE_SELF) or its reaped children
 * (RUSAGE_CHILDREN). */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* A crash, an abort or a hang fails this case and no other. */
static gboolean
in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static char *
case_path (Context           *ctx,
           const HostileCase *c)
{
  if (c->generate != NULL)
    return c->generate (&ctx->public, c->name);
  return g_test_build_filename (G_TEST_DIST, "hostile", "cases", c->name, NULL);
}

/* "NAME:LINE: message" (LINE when @line > 0; "NAME: " or "NAME:N: " otherwise),
 * one line for a person to read. */
static void
assert_names_file (const char *message,
                   const char *name,
                   int         line)
{
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%d: ", name, line)
                                     : g_strdup_printf ("%s:", name);
  g_autofree char *head = g_strndup (message, strlen (prefix));
  const char *rest;

  g_assert_cmpstr (head, ==, prefix);
  rest = message + strlen (prefix);
  if (line <= 0)
    {
      while (g_ascii_isdigit (*rest))
        rest++;
      if (*rest == ':')
        rest++;
      g_assert_cmpint (*rest, ==, ' ');
    }
  g_assert_cmpint (strlen (rest), >, 1);
  if (strchr (message, '\n') != NULL)
    g_error ("the message is not one line: “%s”", message);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (needle != NULL && strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* ---------------------------------------------------------------------------
 * peitho_document_load
 */

static void
check_document (Context           *ctx,
                const HostileCase *c,
                PeithoDocument    *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *tei = NULL;

  assert_contains (peitho_document_get_text (document), c->text_part);
  if (c->n_annotations >= 0)
    g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, c->n_annotations);

  /* Whatever was read must be writable, and free of what it pointed at. */
  written = peitho_tei_write_bytes (document, PEITHO_TEI_STANDOFF, &error);
  g_assert_no_error (error);
  tei = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  assert_no_secret (ctx, "the document", tei);
  assert_no_secret (ctx, "the header", peitho_document_get_header_xml (document));
}

static void
load_case (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr(Context) ctx = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gint64 start, elapsed;
  double cpu;

  if (!in_subprocess ())
    return;

  ctx = context_new ();
  path = case_path (ctx, c);
  file = g_file_new_for_path (path);
  name = g_file_get_parse_name (file);

  cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  if (result != NULL)
    {
      document = peitho_load_result_get_document (result);
      problems = g_ptr_array_ref (peitho_load_result_get_problems (result));
      /* The format is sniffed from the content, whatever the name says. */
      g_assert_cmpint (peitho_load_result_get_format (result), ==,
                       c->cli == CLI_TEI ? PEITHO_FILE_FORMAT_TEI : PEITHO_FILE_FORMAT_TEXT);
    }
  else
    problems = g_ptr_array_new_with_free_func (g_free);
  /* On stderr, which the parent lets through: the figures stay in the log. */
  g_printerr ("# %s: loaded in %.3f s (%.3f s of CPU)%s\n", c->name,
              elapsed / (double) G_USEC_PER_SEC, cpu,
              cpu >= CPU_LIMIT_SECONDS || elapsed >= TIME_LIMIT_USEC ? ", over the limit" : "");
  g_assert_cmpfloat (cpu, <, CPU_LIMIT_SECONDS);
  g_assert_cmpint (elapsed, <, TIME_LIMIT_USEC);

  if (error != NULL)
    assert_no_secret (ctx, "the error", error->message);
  for (guint i = 0; i < problems->len; i++)
    assert_no_secret (ctx, "a problem", g_ptr_array_index (problems, i));
  if (c->network)
    assert_listener_untouched (ctx);

  switch (c->expect)
    {
    case EXPECT_ERROR:
      g_assert_null (document);
      g_assert_error (error, PEITHO_ERROR, c->code);
      g_test_message ("%s", error->message);
      assert_names_file (error->message, name, c->line);
      assert_contains (error->message, c->message_part);
      g_assert_cmpuint (problems->len, ==, 0);
      break;

    case EXPECT_PROBLEMS:
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_cmpuint (problems->len, >, 0);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
      assert_names_file (g_ptr_array_index (problems, 0), name, c->line);
      assert_contains (g_ptr_array_index (problems, 0), c->message_part);
      check_document (ctx, c, document);
      break;

    case EXPECT_CLEAN:
      g_assert_no_error (error);
      g_assert_nonnull (document);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("unexpected problem: %s", (char *) g_ptr_array_index (problems, i));
      g_assert_cmpuint (problems->len, ==, 0);
      {
        const char * const *notes = peitho_load_result_get_notes (result);

        for (guint i = 0; notes[i] != NULL; i++)
          g_test_message ("note: %s", notes[i]);
        if (c->message_part == NULL)
          g_assert_null (notes[0]);
        else
          {
            g_assert_nonnull (notes[0]);
            assert_contains (notes[0], c->message_part);
          }
      }
      check_document (ctx, c, document);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------------
 * peitho-cli
 */

typedef struct {
  int     status;   /* exit status, or -1 if it did not exit */
  char   *out;
  char   *err;
  gint64  elapsed;
  double  cpu;      /* seconds of CPU the child used */
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static gboolean
timeout_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
}

static void
run_cli (CliRun             *run,
         const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  guint timeout_id;
  gint64 start = g_get_monotonic_time ();
  double cpu_before = cpu_seconds (RUSAGE_CHILDREN);

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  /* Far beyond the limit: a hang must end the test, not stall it. */
  timeout_id = g_timeout_add_seconds (30, timeout_cb, process);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, run);
  while (run->err == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_source_remove (timeout_id);
  run->elapsed = g_get_monotonic_time () - start;
  /* The child has been reaped by g_subprocess_wait(): its usage is counted. */
  run->cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_before;
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (!g_subprocess_get_if_exited (process))
    g_error ("%s %s was killed by signal %d", argv[1], argv[2], g_subprocess_get_term_sig (process));
}

/* Every line of stderr is "peitho-cli: NAME:[LINE:] message". */
static void
assert_cli_stderr (const char *err,
                   const char *name,
                   int         line)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("peitho-cli: %s", name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!g_str_has_prefix (lines[i], prefix))
        g_error ("stderr line “%s” does not begin with “%s”", lines[i], prefix);
      /* The first line is the error (or first problem); its line number is known. */
      assert_names_file (lines[i] + strlen ("peitho-cli: "), name, i == 0 ? line : 0);
    }
}

static void
cli_case (gconstpointer data)
{
  const HostileCase *c = data;
  const char *cli = g_getenv ("PEITHO_CLI");
  g_autoptr(Context) ctx = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  static const char *commands[] = { "validate", "stats", "import" };

  if (cli == NULL)
    {
      g_test_skip ("PEITHO_CLI is not set");
      return;
    }
  if (!in_subprocess ())
    return;

  ctx = context_new ();
  path = case_path (ctx, c);
  output = g_build_filename (ctx->dir, "imported.xml", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *command = commands[i];
      const char *argv[] = { cli, command, path, "-o", output, NULL };
      g_auto(CliRun) run = { 0 };
      Expect expect = c->expect;
      int line = c->line;
      int expected_status;

      if (g_str_equal (command, "import"))
        {
          /* Import reads text; a TEI case has nothing to say about it. */
          if (c->cli != CLI_TEXT)
            continue;
        }
      else
        {
          argv[3] = NULL;
          if (c->cli == CLI_TEXT)
            {
              /* validate and stats read TEI only: a text file is refused. */
              expect = EXPECT_ERROR;
              line = 0;
            }
          else if (g_str_equal (command, "validate") && expect == EXPECT_CLEAN
                   && g_strcmp0 (c->text_part, "") == 0)
            {
              /* validate says that a document without text has none. */
              expect = EXPECT_PROBLEMS;
              line = 0;
            }
        }

      run_cli (&run, argv);
      g_printerr ("# peitho-cli %s %s: exit %d in %.3f s (%.3f s of CPU)\n", command, c->name,
                  run.status, run.elapsed / (double) G_USEC_PER_SEC, run.cpu);
      g_assert_cmpfloat (run.cpu, <, CPU_LIMIT_SECONDS);
      g_assert_cmpint (run.elapsed, <, TIME_LIMIT_USEC);
      assert_no_secret (ctx, "stdout", run.out);
      assert_no_secret (ctx, "stderr", run.err);
      if (c->network)
        assert_listener_untouched (ctx);

      if (expect == EXPECT_ERROR)
        expected_status = 1;
      else if (expect == EXPECT_PROBLEMS && g_str_equal (command, "validate"))
        expected_status = 1;
      else
        expected_status = 0;
      g_assert_cmpint (run.status, ==, expected_status);

      if (expect == EXPECT_CLEAN && c->message_part == NULL)
        g_assert_cmpstr (run.err, ==, "");
      else if (expect == EXPECT_CLEAN)
        {
          /* The import's notes, and nothing else. */
          g_autofree char *note = g_strdup_printf ("peitho-cli: %s: note: ", path);
          g_auto(GStrv) lines = g_strsplit (run.err, "\n", -1);

          assert_contains (run.err, c->message_part);
          for (guint k = 0; lines[k] != NULL; k++)
            if (lines[k][0] != '\0' && !g_str_has_prefix (lines[k], note))
              g_error ("stderr line “%s” is not a note", lines[k]);
        }
      else
        {
          g_assert_cmpstr (run.err, !=, "");
          assert_cli_stderr (run.err, path, line);
          if (expect == EXPECT_ERROR && c->cli == CLI_TEI)
            assert_contains (run.err, c->message_part);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* One failed case must not hide the others. */
  if (!g_test_subprocess ())
    g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *load = g_strdup_printf ("/hostile/load/%s", cases[i].name);
      g_autofree char *cli = g_strdup_printf ("/hostile/cli/%s", cases[i].name);

      g_test_add_data_func (load, &cases[i], load_case);
      g_test_add_data_func (cli, &cases[i], cli_case);
    }
  g_test_message ("%u hostile cases", (guint) G_N_ELEMENTS (cases));

  return g_test_run ();
}
