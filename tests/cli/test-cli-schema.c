/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "cli-test-util.h"

/* Every TEI file peitho-cli writes must validate against TEI All.
 * Compiling tei_all.rng takes 10 to 20 s (twice that under MALLOC_PERTURB_,
 * which meson sets for the test process), so the files are collected and
 * checked by one run of the suite's validator, tests/tei/tei-validate
 * ($PEITHO_TEI_VALIDATE), in an environment without the malloc checks; it
 * asks the validator of the test run when there is one. */

static GPtrArray *written;

static void
assert_valid_tei (const char *path)
{
  g_ptr_array_add (written, g_strdup (path));
}

static void
validate_written_files (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("PEITHO_TEI_VALIDATE"));
  for (guint i = 0; i < written->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (written, i));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s validates",
                                               (char *) g_ptr_array_index (written, i));

      if (strstr (err, line) == NULL)
        g_error ("%s does not validate against TEI All:\n%s",
                 (char *) g_ptr_array_index (written, i), err);
    }
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_written_files_validate (void)
{
  g_autofree char *dir = cli_make_tmp_dir ();
  g_autofree char *doc = g_build_filename (dir, "doc.xml", NULL);
  g_autofree char *inline_xml = g_build_filename (dir, "inline.xml", NULL);
  g_autofree char *tei_xml = g_build_filename (dir, "tei.xml", NULL);
  g_autofree char *tagset = g_build_filename (dir, "tagset.xml", NULL);
  g_autofree char *other = g_build_filename (dir, "other.xml", NULL);
  g_autofree char *claim = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(CliResult) result = NULL;

  result = cli_run_noted ("import", cli_corpus_path (), "-o", doc, NULL);
  assert_valid_tei (doc);

  /* Overlapping, nested, paragraph-crossing annotations, notes with XML
   * special characters, two annotators, a relation. */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("annotate", doc, "--tag", "claim", "--start", "0", "--end", "400",
                       "--note", "a <claim> & \"more\"\nsecond line", NULL);
  claim = g_strstrip (g_strdup (result->out));
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("annotate", doc, "--tag", "evidence", "--match", "Kremlin",
                       "--annotator", "Ada Lovelace", NULL);
  evidence = g_strstrip (g_strdup (result->out));
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("annotate", doc, "--tag", "irony", "--match", "Stalin", "--all", NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("annotate", doc, "--tag", "metaphor", "--match", "Walter Duranty", "--all",
                       NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("annotate", doc, "--tag", "hyperbole", "--start", "300", "--end", "700",
                       NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("relate", doc, "--from", evidence, "--to", claim, "--type", "supports",
                       NULL);
  assert_valid_tei (doc);

  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("export", doc, "--format", "tei-inline", "-o", inline_xml, NULL);
  assert_valid_tei (inline_xml);

  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("export", doc, "--format", "tei", "-o", tei_xml, NULL);
  assert_valid_tei (tei_xml);

  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("tagset", "export", doc, "-o", tagset, NULL);
  assert_valid_tei (tagset);

  g_clear_pointer (&result, cli_result_free);
  result = cli_run_noted ("import", cli_corpus_path (), "-o", other, "--tagset", tagset,
                          "--title", "A <title> & more", NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("tagset", "import", other, tagset, NULL);
  assert_valid_tei (other);

  validate_written_files ();
  peitho_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *path = g_getenv ("PEITHO_TEI_SCHEMA");
  const char *validate = g_getenv ("PEITHO_TEI_VALIDATE");

  cli_test_init (&argc, &argv);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("PEITHO_TEI_SCHEMA must name tei_all.rng (meson test sets it)");
  if (validate == NULL || !g_file_test (validate, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("PEITHO_TEI_VALIDATE must name tests/tei/tei-validate (meson test sets it)");

  written = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/cli/schema/written-files-validate", test_written_files_validate);

  return g_test_run ();
}
