/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Keeps the benchmark programs honest: generates a small document with
 * peitho-bench-generate, runs peitho-bench-load on it (load, load-save) and
 * checks that what comes back is what was generated. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "peitho-test-util.h"

static const char *generate_path;
static const char *load_path;

#define N_ANNOTATIONS 5000
#define N_RELATIONS   60

static void
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("%s: %s", argv[0], err);
  g_assert_no_error (error);
}

static PeithoDocument *
read_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document;

  document = peitho_tei_read_file (file, PEITHO_READ_STRICT, problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (problems->len, ==, 0);

  return document;
}

static void
test_generate_load_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peitho-bench-XXXXXX", &error);
  g_autofree char *doc_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *report = NULL;
  g_autofree char *report_again = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PeithoDocument) generated = NULL;
  g_autoptr(PeithoDocument) saved = NULL;

  g_assert_no_error (error);
  doc_path = g_build_filename (dir, "doc.xml", NULL);
  out_path = g_build_filename (dir, "out.xml", NULL);

  {
    const char *argv[] = { generate_path, "--seed", "7", "--characters", "200000",
                           "--annotations", G_STRINGIFY (N_ANNOTATIONS),
                           "--relations", G_STRINGIFY (N_RELATIONS), doc_path, NULL };
    run (argv, &report);
  }
  expected = g_strdup_printf ("\nannotations: %d (", N_ANNOTATIONS);
  g_assert_nonnull (strstr (report, expected));
  g_assert_nonnull (strstr (report, "\ntags: 30 (5 groups)\n"));

  {
    const char *argv[] = { load_path, "load", doc_path, "--repeat", "2", NULL };
    run (argv, NULL);
  }
  {
    const char *argv[] = { load_path, "load-save", doc_path, out_path, NULL };
    run (argv, NULL);
  }

  generated = read_document (doc_path);
  saved = read_document (out_path);
  g_assert_cmpuint (peitho_document_get_n_annotations (generated), ==, N_ANNOTATIONS);
  g_assert_cmpuint (peitho_document_get_n_relations (generated), ==, N_RELATIONS);
  g_assert_cmpuint (peitho_document_get_length (generated), >=, 200000);
  peitho_test_assert_same_document (generated, saved);

  /* The same seed gives the same document. */
  {
    g_autofree char *again_path = g_build_filename (dir, "again.xml", NULL);
    g_autoptr(PeithoDocument) again = NULL;
    const char *argv[] = { generate_path, "--seed", "7", "--characters", "200000",
                           "--annotations", G_STRINGIFY (N_ANNOTATIONS),
                           "--relations", G_STRINGIFY (N_RELATIONS), again_path, NULL };

    run (argv, &report_again);
    again = read_document (again_path);
    peitho_test_assert_same_document (generated, again);
    g_unlink (again_path);
  }

  g_unlink (doc_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 3)
    {
      g_printerr ("Usage: %s PEITHO-BENCH-GENERATE PEITHO-BENCH-LOAD\n", argv[0]);
      return 2;
    }
  generate_path = argv[1];
  load_path = argv[2];

  g_test_add_func ("/bench/generate-load-save", test_generate_load_save);

  return g_test_run ();
}
