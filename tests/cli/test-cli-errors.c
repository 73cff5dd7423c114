/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* Exit statuses, messages, and what is (not) written when something fails. */

static void
assert_fails (int          status,
              const char  *prefix,
              const char  *contains,
              const char  *first_arg,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliResult) result = NULL;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result = cli_runv ((const char * const *) args->pdata);
  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  if (prefix != NULL && !g_str_has_prefix (result->err, prefix))
    g_error ("stderr “%s” does not start with “%s”", result->err, prefix);
  if (contains != NULL && strstr (result->err, contains) == NULL)
    g_error ("stderr “%s” does not contain “%s”", result->err, contains);
  /* One message, not a cascade. */
  g_assert_cmpuint (cli_count_lines (result->err), >=, 1);
  g_assert_cmpuint (cli_count_lines (result->err), <=, 2);
}

static void
test_usage_errors (CliFixture    *fixture,
                   gconstpointer  data)
{
  const char *doc = fixture->doc;
  g_autofree char *before = cli_read_file (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *unexpected = g_strdup_printf ("unexpected argument “%s”", doc);

  /* Each usage error says which one it is. */
  assert_fails (2, "peitho-cli: no command given", NULL, NULL);
  assert_fails (2, "peitho-cli: ", "frobnicate", "frobnicate", doc, NULL);
  assert_fails (2, "peitho-cli: ", "--help", "annotate", doc, "--start", "0", "--end", "4", NULL);
  assert_fails (2, "peitho-cli: give the passage: --start N --end M, or --match STRING", NULL,
                "annotate", doc, "--tag", "claim", NULL);
  assert_fails (2, "peitho-cli: give the passage: --start N --end M, or --match STRING", NULL,
                "annotate", doc, "--tag", "claim", "--start", "0", NULL);
  assert_fails (2, "peitho-cli: give either --match or --start and --end, not both", NULL,
                "annotate", doc, "--tag", "claim", "--match", "x", "--start", "0", "--end", "1",
                NULL);
  assert_fails (2, "peitho-cli: --start: “zero” is not a number", NULL,
                "annotate", doc, "--tag", "claim", "--start", "zero", "--end", "1", NULL);
  assert_fails (2, "peitho-cli: --all goes with --match", NULL,
                "annotate", doc, "--tag", "claim", "--start", "0", "--end", "1", "--all", NULL);
  assert_fails (2, "peitho-cli: ", "--frob", "annotate", doc, "--frob", NULL);
  assert_fails (2, "peitho-cli: no file given", NULL, "annotate", "--tag", "claim", "--match", "x", NULL);
  assert_fails (2, "peitho-cli: no output file given (-o OUT.xml)", NULL, "import", cli_corpus_path (), NULL);
  assert_fails (2, "peitho-cli: unknown format “docx”", NULL, "export", doc, "--format", "docx", NULL);
  assert_fails (2, "peitho-cli: ", unexpected, "stats", doc, doc, NULL);
  assert_fails (2, "peitho-cli: unknown tagset command “frob”", NULL, "tagset", "frob", doc, NULL);
  assert_fails (2, "peitho-cli: give the document and the tag-set file", NULL,
                "tagset", "import", doc, NULL);

  after = cli_read_file (doc, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_input_errors (CliFixture    *fixture,
                   gconstpointer  data)
{
  const char *doc = fixture->doc;
  g_autofree char *missing = cli_path_in (fixture, "missing.xml");
  g_autofree char *bad = cli_path_in (fixture, "bad.xml");
  g_autofree char *bad_txt = cli_path_in (fixture, "bad.txt");
  g_autofree char *out = cli_path_in (fixture, "out.xml");
  g_autofree char *doc_prefix = g_strdup_printf ("peitho-cli: %s:", doc);
  g_autofree char *missing_prefix = g_strdup_printf ("peitho-cli: %s:", missing);
  g_autofree char *bad_prefix = g_strdup_printf ("peitho-cli: %s:3:", bad);
  g_autofree char *bad_txt_prefix = g_strdup_printf ("peitho-cli: %s:", bad_txt);
  g_autofree char *beyond = g_strdup_printf ("%ld", g_utf8_strlen (fixture->text, -1) + 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;

  cli_write_file (bad, "<?xml version=\"1.0\"?>\n"
                       "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                       "  <teiHeader><fileDesc></teiHeader>\n"
                       "</TEI>\n");
  /* Broken UTF-8 (Latin-1 text alone would be read as Windows-1252). */
  cli_write_file (bad_txt, "caf\xC3\xA9 et caf\xe9 au lait\n");

  before = cli_read_file (doc, NULL);
  listing_before = cli_list_dir (fixture->dir);

  assert_fails (1, missing_prefix, NULL, "text", missing, NULL);
  assert_fails (1, missing_prefix, NULL, "stats", missing, "--json", NULL);
  assert_fails (1, missing_prefix, NULL,
                "annotate", missing, "--tag", "claim", "--start", "0", "--end", "1", NULL);
  assert_fails (1, missing_prefix, "no such file", "import", missing, "-o", out, NULL);

  /* Malformed XML: the message names the file and the line. */
  assert_fails (1, bad_prefix, NULL, "text", bad, NULL);
  assert_fails (1, bad_prefix, NULL, "validate", bad, NULL);
  assert_fails (1, bad_prefix, NULL,
                "annotate", bad, "--tag", "claim", "--start", "0", "--end", "1", NULL);

  /* Invalid UTF-8 in a text to import. */
  assert_fails (1, bad_txt_prefix, "invalid UTF-8 at byte 12", "import", bad_txt, "-o", out, NULL);
  /* A TEI file is not a plain text, nor a text a TEI document. */
  assert_fails (1, doc_prefix, "import reads plain text", "import", doc, "-o", out, NULL);
  assert_fails (1, bad_txt_prefix, "peitho-cli import", "stats", bad_txt, NULL);

  /* A failed annotate leaves the file byte for byte as it was. */
  assert_fails (1, doc_prefix, "metaphor",
                "annotate", doc, "--tag", "no-such-tag", "--start", "0", "--end", "5", NULL);
  assert_fails (1, doc_prefix, NULL,
                "annotate", doc, "--tag", "claim", "--start", "0", "--end", beyond, NULL);
  assert_fails (1, doc_prefix, NULL,
                "annotate", doc, "--tag", "claim", "--start", "-3", "--end", "5", NULL);
  assert_fails (1, doc_prefix, NULL,
                "annotate", doc, "--tag", "claim", "--start", "10", "--end", "5", NULL);
  assert_fails (1, doc_prefix, NULL,
                "annotate", doc, "--tag", "claim", "--start", "10", "--end", "10", NULL);
  assert_fails (1, doc_prefix, "Hegel",
                "annotate", doc, "--tag", "claim", "--match", "Hegel", NULL);
  assert_fails (1, doc_prefix, NULL,
                "annotate", doc, "--tag", "no-such-tag", "--match", "Stalin", "--all",
                "-o", out, NULL);

  after = cli_read_file (doc, NULL);
  g_assert_cmpstr (before, ==, after);
  listing_after = cli_list_dir (fixture->dir);
  g_assert_cmpstr (listing_before, ==, listing_after);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_outputs (CliFixture    *fixture,
              gconstpointer  data)
{
  g_autofree char *out = cli_path_in (fixture, "out.xml");
  g_autofree char *backup = g_strconcat (fixture->doc, "~", NULL);
  g_autofree char *before = cli_read_file (fixture->doc, NULL);
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GVariant) stats = NULL;

  /* -o leaves the input alone. */
  g_free (cli_annotate_one (fixture->doc, "--tag", "claim", "--start", "0", "--end", "5",
                            "-o", out, NULL));
  {
    g_autofree char *same = cli_read_file (fixture->doc, NULL);

    g_assert_cmpstr (before, ==, same);
  }
  stats = cli_stats (out);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 1);
  g_clear_pointer (&stats, g_variant_unref);

  /* --backup keeps the old version as FILE~. */
  g_free (cli_annotate_one (fixture->doc, "--tag", "claim", "--start", "0", "--end", "5",
                            "--backup", NULL));
  kept = cli_read_file (backup, NULL);
  g_assert_cmpstr (kept, ==, before);
  listing = cli_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "doc.xml|doc.xml~|out.xml");

  /* -o - writes the document to standard output and no id. */
  result = cli_run_ok ("annotate", fixture->doc, "--tag", "claim", "--start", "0", "--end", "5",
                       "-o", "-", NULL);
  g_assert_true (g_str_has_prefix (result->out, "<?xml"));

  /* Import from standard input is not tested here (no stdin data), but "-"
   * as an output is: */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_noted ("import", cli_corpus_path (), "-o", "-", NULL);
  g_assert_true (g_str_has_prefix (result->out, "<?xml"));
  g_assert_nonnull (strstr (result->out, "Toward a Balance Sheet of the Purges"));
}

static void
test_stdin (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *out = cli_path_in (fixture, "stdin.xml");
  const char *args[] = { "import", "-", "-o", out, "--title", "From a pipe", NULL };
  g_autoptr(CliResult) result = cli_runv_input ("Hello, “world”.\n\nSecond 🙂.\n", args);
  g_autoptr(CliResult) text = NULL;
  g_autoptr(GVariant) stats = NULL;
  const char *title = NULL;

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  text = cli_run_ok ("text", out, NULL);
  g_assert_cmpstr (text->out, ==, "Hello, “world”.\n\nSecond 🙂.");
  stats = cli_stats (out);
  g_assert_true (g_variant_lookup (stats, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "From a pipe");
  g_assert_cmpint (cli_json_int (stats, "characters"), ==, 26);
}

/* PEITHO_LOCALEDIR lets a build tree's catalogs be used. */
static void
test_localedir (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = cli_path_in (fixture, "de.po");
  g_autofree char *localedir = cli_path_in (fixture, "locale");
  g_autofree char *mo_dir = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, "peitho.mo", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  cli_write_file (po, "msgid \"\"\n"
                      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                      "msgid \"Commands:\"\n"
                      "msgstr \"Befehle:\"\n");
  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0755), ==, 0);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, msgfmt, "-o", mo, po, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  g_setenv ("PEITHO_LOCALEDIR", localedir, TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  result = cli_run_ok ("--help", NULL);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("PEITHO_LOCALEDIR");

  g_assert_nonnull (strstr (result->out, "\nBefehle:\n"));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/cli/errors/usage", test_usage_errors);
  ADD ("/cli/errors/input", test_input_errors);
  ADD ("/cli/outputs", test_outputs);
  ADD ("/cli/stdin", test_stdin);
  ADD ("/cli/localedir", test_localedir);
#undef ADD

  return g_test_run ();
}
