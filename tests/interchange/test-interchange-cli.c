/* SPDX-License-Identifier: GPL-3.0-or-later */

/* peitho-cli import-annotations and export --format
 * tei-annotation|webanno-tsv|brat, run as a user would: the mapping and the
 * losses on stderr, exit statuses, the files written. */

#include <string.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("PEITHO_SOURCE_ROOT"), "tests", "data", "interchange", name,
                           NULL);
}

typedef struct {
  char *dir;
  char *doc;
} Fixture;

/* doc.xml: the text of the hand-made brat sample, imported by peitho-cli. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *txt = data_path ("brat/discontinuous.txt");
  g_autoptr(CliResult) result = NULL;

  fixture->dir = cli_make_tmp_dir ();
  fixture->doc = g_build_filename (fixture->dir, "doc.xml", NULL);
  result = cli_run_ok ("import", txt, "-o", fixture->doc, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  peitho_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->doc);
}

static void
test_import_brat (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *ann = data_path ("brat/discontinuous.ann");
  g_autofree char *out = g_build_filename (fixture->dir, "out.xml", NULL);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GVariant) stats = NULL;

  result = cli_run ("import-annotations", fixture->doc, ann, "--annotator", "Winston", "-o", out,
                    NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->err, "peitho-cli: “Anaphora” → tag “Anaphora” (anaphora): "
                                         "4 annotations\n"));
  g_assert_nonnull (strstr (result->err, "6 annotations and 4 relations to import"));
  g_assert_nonnull (strstr (result->err, "2 things in "));
  g_assert_nonnull (strstr (result->err, "discontinuous.ann:8: attribute A1 (Confidence T3 High) "
                                         "is not representable"));

  stats = cli_stats (out);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 6);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 4);
  g_assert_cmpint (cli_stats_tag_count (stats, "anaphora"), ==, 4);
  {
    g_autoptr(GVariant) annotators = cli_stats_list (stats, "annotators");
    g_autoptr(GVariant) winston = cli_json_find (annotators, "name", "Winston");

    g_assert_nonnull (winston);
  }

  /* The input is untouched with -o. */
  g_clear_pointer (&stats, g_variant_unref);
  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 0);
}

static void
test_import_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *tsv = data_path ("webanno-tsv/testTokenBoundedStackedSpanWithFeatureValue.tsv");
  g_autofree char *txt = g_build_filename (fixture->dir, "test.txt", NULL);
  g_autofree char *doc = g_build_filename (fixture->dir, "test.xml", NULL);
  g_autoptr(CliResult) imported = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GVariant) stats = NULL;

  cli_write_file (txt, "This is a test .\n");
  imported = cli_run_ok ("import", txt, "-o", doc, NULL);
  result = cli_run ("import-annotations", doc, tsv, "--format", "webanno-tsv", NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->err, "“NE” → new tag “NE” (ne) in “Imported”: 10 annotations"));
  /* Without -o the document itself is replaced. */
  stats = cli_stats (doc);
  g_assert_cmpint (cli_stats_tag_count (stats, "ne"), ==, 10);
}

/* Every command opens another tool's file as a document; none writes TEI
 * over it. */
static void
test_open_directly (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *source = data_path ("webanno-tsv/testDependencyWithValues.tsv");
  g_autofree char *tsv = g_build_filename (fixture->dir, "dependency.tsv", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "dependency.xml", NULL);
  g_autofree char *before = cli_read_file (source, NULL);
  g_autofree char *after = NULL;
  g_autoptr(CliResult) annotated = NULL;
  g_autoptr(CliResult) in_place = NULL;
  g_autoptr(GVariant) stats = NULL;

  cli_write_file (tsv, before);
  stats = cli_stats (tsv);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 2);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 1);

  in_place = cli_run ("annotate", tsv, "--tag", "claim", "--start", "0", "--end", "4", NULL);
  g_assert_cmpint (in_place->status, ==, 1);
  g_assert_nonnull (strstr (in_place->err, "dependency.tsv: brat and WebAnno TSV files are not "
                                           "replaced by TEI; give the TEI file to write with -o"));
  after = cli_read_file (tsv, NULL);
  g_assert_cmpstr (after, ==, before);

  annotated = cli_run_ok ("annotate", tsv, "--tag", "claim", "--start", "0", "--end", "4",
                          "-o", out, NULL);
  g_clear_pointer (&stats, g_variant_unref);
  stats = cli_stats (out);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 3);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 1);
}

static void
test_other_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *ann = data_path ("brat/news-notes.ann");
  g_autoptr(CliResult) result = cli_run ("import-annotations", fixture->doc, ann, NULL);

  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "news-notes.ann:1: the text differs from the document’s "
                                         "at character 0"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *ann = data_path ("brat/discontinuous.ann");
  g_autoptr(CliResult) unknown = cli_run ("import-annotations", fixture->doc, ann,
                                          "--format", "conll", NULL);
  g_autoptr(CliResult) missing = cli_run ("import-annotations", fixture->doc, NULL);
  g_autoptr(CliResult) brat_stdout = cli_run ("export", fixture->doc, "--format", "brat", NULL);

  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "unknown format “conll”"));
  g_assert_cmpint (missing->status, ==, 2);
  g_assert_cmpint (brat_stdout->status, ==, 2);
  g_assert_nonnull (strstr (brat_stdout->err, "give -o OUT"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *ann = data_path ("brat/discontinuous.ann");
  g_autofree char *stem = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *out_ann = g_build_filename (fixture->dir, "out.ann", NULL);
  g_autofree char *out_txt = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree char *tei = g_build_filename (fixture->dir, "tei.xml", NULL);
  g_autofree char *back = g_build_filename (fixture->dir, "back.xml", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *written = NULL;
  g_autoptr(CliResult) imported = NULL;
  g_autoptr(CliResult) brat = NULL;
  g_autoptr(CliResult) tsv = NULL;
  g_autoptr(CliResult) tei_result = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(GVariant) stats = NULL;

  imported = cli_run ("import-annotations", fixture->doc, ann, NULL);
  g_assert_cmpint (imported->status, ==, 0);

  /* brat: OUT.ann and OUT.txt beside it. */
  brat = cli_run_ok ("export", fixture->doc, "--format", "brat", "-o", stem, NULL);
  listing = cli_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "doc.xml|out.ann|out.txt");
  written = cli_read_file (out_ann, NULL);
  g_assert_true (g_str_has_prefix (written, "T1\tanaphora 0 17\tWe shall not fail\n"));
  g_assert_nonnull (strstr (written, "Arg1:T"));

  tsv = cli_run_ok ("export", fixture->doc, "--format", "webanno-tsv", NULL);
  g_assert_true (g_str_has_prefix (tsv->out, "#FORMAT=WebAnno TSV 3.3\n"));
  g_assert_nonnull (strstr (tsv->out, "\tanaphora[1]\t"));

  /* TEI listAnnotation, and back into a fresh copy of the text. */
  tei_result = cli_run_ok ("export", fixture->doc, "--format", "tei-annotation", "-o", tei, NULL);
  {
    g_autofree char *txt = data_path ("brat/discontinuous.txt");
    g_autoptr(CliResult) fresh = cli_run_ok ("import", txt, "-o", back, NULL);
  }
  again = cli_run ("import-annotations", back, tei, NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->err, "6 annotations and 4 relations to import"));
  stats = cli_stats (back);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 6);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 4);

  g_assert_cmpint (g_file_test (out_txt, G_FILE_TEST_EXISTS), ==, TRUE);
}

static void
test_export_one_annotator (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *ann = data_path ("brat/discontinuous.ann");
  g_autofree char *stem = g_build_filename (fixture->dir, "ada", NULL);
  g_autofree char *ada_ann = g_build_filename (fixture->dir, "ada.ann", NULL);
  g_autofree char *written = NULL;
  g_autoptr(CliResult) first = NULL;
  g_autoptr(CliResult) second = NULL;
  g_autoptr(CliResult) mixed = NULL;
  g_autoptr(CliResult) one = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) two = NULL;
  g_autoptr(CliResult) tei = NULL;

  first = cli_run ("import-annotations", fixture->doc, ann, "--annotator", "Ada", NULL);
  g_assert_cmpint (first->status, ==, 0);
  second = cli_run ("annotate", fixture->doc, "--tag", "metaphor", "--match", "the tools",
                    "--annotator", "Grace", NULL);
  g_assert_cmpint (second->status, ==, 0);

  /* Everyone's work in one file is said, not done silently. */
  mixed = cli_run ("export", fixture->doc, "--format", "webanno-tsv", NULL);
  g_assert_cmpint (mixed->status, ==, 0);
  g_assert_nonnull (strstr (mixed->err, "holds the work of 2 annotators"));

  one = cli_run_ok ("export", fixture->doc, "--format", "brat", "--annotators", "Ada", "-o", stem,
                    NULL);
  written = cli_read_file (ada_ann, NULL);
  g_assert_cmpuint (cli_count_occurrences (written, "\tanaphora "), ==, 4);
  g_assert_null (strstr (written, "metaphor"));

  unknown = cli_run ("export", fixture->doc, "--format", "brat", "--annotators", "Nobody",
                     "-o", stem, NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "no annotator “Nobody”"));
  two = cli_run ("export", fixture->doc, "--format", "webanno-tsv", "--annotators", "Ada,Grace",
                 NULL);
  g_assert_cmpint (two->status, ==, 2);
  tei = cli_run ("export", fixture->doc, "--format", "tei-annotation", "--annotators", "Ada", NULL);
  g_assert_cmpint (tei->status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add ("/interchange-cli/import/brat", Fixture, NULL,
              fixture_set_up, test_import_brat, fixture_tear_down);
  g_test_add ("/interchange-cli/import/in-place", Fixture, NULL,
              fixture_set_up, test_import_in_place, fixture_tear_down);
  g_test_add ("/interchange-cli/import/other-text", Fixture, NULL,
              fixture_set_up, test_other_text, fixture_tear_down);
  g_test_add ("/interchange-cli/open-directly", Fixture, NULL,
              fixture_set_up, test_open_directly, fixture_tear_down);
  g_test_add ("/interchange-cli/usage", Fixture, NULL,
              fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/interchange-cli/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/interchange-cli/export/one-annotator", Fixture, NULL,
              fixture_set_up, test_export_one_annotator, fixture_tear_down);

  return g_test_run ();
}
