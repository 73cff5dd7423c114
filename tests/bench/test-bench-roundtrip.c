/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Keeps the benchmark programs honest: generates a small document with
 * peitho-bench-generate, runs peitho-bench-load on it (load, load-save) and
 * checks that what comes back is what was generated; checks that the floor
 * (peitho-bench-floor) finds the same text and spans, and that the scale
 * curve (peitho-bench-scale) runs and prints its table. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "peitho-test-util.h"

static const char *generate_path;
static const char *load_path;
static const char *floor_path;
static const char *scale_path;

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

  /* The floor reads what Peitho reads, and its serialization is XML again. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *floor_out = g_build_filename (dir, "floor.xml", NULL);
      g_autofree char *floor_report = NULL;
      g_autofree char *expected_floor = NULL;
      const char *parse_argv[] = { floor_path, "parse", doc_path, NULL };
      const char *serialize_argv[] = { floor_path, "parse-serialize", doc_path, floor_out, NULL };

      run (i == 0 ? parse_argv : serialize_argv, &floor_report);
      expected_floor = g_strdup_printf ("characters: %" G_GSIZE_FORMAT "\n",
                                        peitho_document_get_length (generated));
      g_assert_nonnull (strstr (floor_report, expected_floor));
      g_assert_nonnull (strstr (floor_report, "\nspans: " G_STRINGIFY (N_ANNOTATIONS) "\n"));
      g_assert_nonnull (strstr (floor_report, "\nunresolved: 0\n"));
      if (i == 1)
        {
          g_autoptr(PeithoDocument) floor_saved = read_document (floor_out);

          peitho_test_assert_same_document (generated, floor_saved);
          g_unlink (floor_out);
        }
    }

  g_unlink (doc_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

#define ROW_FIGURES "( +[0-9.]+){5} \\|( +[0-9.]+){3} \\|( +[0-9.]+){2}"

static void
test_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peitho-bench-scale-XXXXXX", &error);
  g_autofree char *table = NULL;
  const char *argv[] = { scale_path, generate_path, dir, "--runs", "1", "--characters", "20000",
                         "--sizes", "100,1000", NULL };
  const char *names[] = { "scale-100-20000.xml", "scale-1000-20000.xml" };

  g_assert_no_error (error);
  run (argv, &table);
  g_assert_nonnull (strstr (table, "Peitho core scale curve"));
  /* One row per size, each with all its figures. */
  g_assert_true (g_regex_match_simple ("^ +100" ROW_FIGURES "$", table, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ +1000" ROW_FIGURES "$", table, G_REGEX_MULTILINE, 0));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *info = g_strconcat (path, ".txt", NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
      g_unlink (info);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 5)
    {
      g_printerr ("Usage: %s PEITHO-BENCH-GENERATE PEITHO-BENCH-LOAD PEITHO-BENCH-FLOOR "
                  "PEITHO-BENCH-SCALE\n", argv[0]);
      return 2;
    }
  generate_path = argv[1];
  load_path = argv[2];
  floor_path = argv[3];
  scale_path = argv[4];

  g_test_add_func ("/bench/generate-load-save", test_generate_load_save);
  g_test_add_func ("/bench/scale", test_scale);

  return g_test_run ();
}
