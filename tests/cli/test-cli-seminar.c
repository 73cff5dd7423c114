/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "cli-test-util.h"

/* assign, merge and agreement on real files: the corpus essay imported, and
 * a corpus TEI edition. */

/* A number of a JSON object (integer or not), or NAN for null. */
static double
json_number (GVariant   *object,
             const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (object, key, NULL);

  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("x")))
    return (double) g_variant_get_int64 (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("d")))
    return g_variant_get_double (value);
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE));
  g_assert_null (g_variant_get_maybe (value));
  return NAN;
}

static GVariant *
json_member (GVariant   *object,
             const char *key)
{
  GVariant *value = g_variant_lookup_value (object, key, NULL);

  g_assert_nonnull (value);
  return value;
}

/* Annotates a copy of @assignment as @student's reading, beside it. */
static char *
make_reading (CliFixture *fixture,
              const char *assignment,
              const char *student,
              const char * const *matches)
{
  g_autofree char *name = g_strdup_printf ("assignment — %s.xml", student);
  char *reading = cli_path_in (fixture, name);
  g_autofree char *contents = cli_read_file (assignment, NULL);

  cli_write_file (reading, contents);
  for (guint i = 0; matches != NULL && matches[i] != NULL; i += 2)
    {
      g_autoptr(CliResult) result = cli_run_ok ("annotate", reading, "--tag", matches[i],
                                                "--match", matches[i + 1], "--all",
                                                "--annotator", student, NULL);
    }
  return reading;
}

static char *
make_assignment (CliFixture *fixture,
                 gboolean    keep)
{
  char *assignment = cli_path_in (fixture, "assignment.xml");
  g_autoptr(CliResult) teacher = cli_run_ok ("annotate", fixture->doc, "--tag", "irony",
                                             "--match", "Stalin", "--all", "--annotator", "Teacher", NULL);
  g_autoptr(CliResult) result = NULL;

  if (keep)
    result = cli_run_ok ("assign", fixture->doc, "-o", assignment, "--task",
                         "Find the irony and the claims.", "--tags", "irony,claim,evidence",
                         "--keep-annotations", NULL);
  else
    result = cli_run_ok ("assign", fixture->doc, "-o", assignment, "--task",
                         "Find the irony and the claims.", "--tags", "irony,claim,evidence", NULL);
  return assignment;
}

static void
test_assign (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *assignment = make_assignment (fixture, FALSE);
  g_autoptr(GVariant) stats = cli_stats (assignment);
  g_autoptr(GVariant) tags = json_member (stats, "tags");
  g_autoptr(GVariant) annotators = json_member (stats, "annotators");
  g_autofree char *contents = cli_read_file (assignment, NULL);
  g_autoptr(CliResult) valid = cli_run_ok ("validate", assignment, NULL);
  g_autoptr(CliResult) text = cli_run_ok ("text", assignment, NULL);

  g_assert_cmpuint (g_variant_n_children (tags), ==, 3);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 0);
  g_assert_cmpuint (g_variant_n_children (annotators), ==, 0);
  g_assert_nonnull (strstr (contents, "<note type=\"peitho-assignment\" subtype=\"tag-set-fixed\">"));
  g_assert_nonnull (strstr (contents, "<p>Find the irony and the claims.</p>"));
  g_assert_null (strstr (contents, "Teacher"));
  g_assert_cmpstr (text->out, ==, fixture->text);
}

static void
test_merge_and_agreement (CliFixture    *fixture,
                          gconstpointer  data)
{
  g_autofree char *assignment = make_assignment (fixture, TRUE);
  const char * const ada_tags[] = { "irony", "Stalin", "claim", "purge", NULL };
  const char * const ben_tags[] = { "irony", "Stalin", NULL };
  g_autofree char *ada = make_reading (fixture, assignment, "Ada", ada_tags);
  g_autofree char *ben = make_reading (fixture, assignment, "Ben", ben_tags);
  g_autofree char *carla = make_reading (fixture, assignment, "Carla", NULL);
  g_autofree char *seminar = cli_path_in (fixture, "seminar.xml");
  g_autoptr(CliResult) merged = cli_run_ok ("merge", assignment, ada, ben, carla,
                                            "-o", seminar, NULL);
  g_autoptr(CliResult) valid = cli_run_ok ("validate", seminar, NULL);
  g_autoptr(CliResult) json = cli_run_ok ("agreement", seminar, "--json", NULL);
  g_autoptr(CliResult) keyed = cli_run_ok ("agreement", seminar, "--json", "--key", "Teacher",
                                           NULL);
  g_autoptr(CliResult) text = cli_run_ok ("agreement", seminar, "--tags", "evidence", NULL);
  g_autoptr(GVariant) result = cli_parse_json (json->out, json->out_len);
  g_autoptr(GVariant) annotators = NULL;
  g_autoptr(GVariant) tags = NULL;
  g_autoptr(GVariant) pairs = NULL;
  g_autoptr(GVariant) carla_row = NULL;
  g_autoptr(GVariant) evidence = NULL;
  g_autoptr(GVariant) pair = NULL;
  g_autoptr(GVariant) with_key = cli_parse_json (keyed->out, keyed->out_len);
  g_autoptr(GVariant) key = NULL;
  g_autoptr(GVariant) students = NULL;
  g_autoptr(GVariant) ben_row = NULL;

  g_assert_nonnull (result);
  g_assert_cmpint (cli_json_int (result, "characters"), ==, g_utf8_strlen (fixture->text, -1));
  annotators = json_member (result, "annotators");
  g_assert_cmpuint (g_variant_n_children (annotators), ==, 3);
  carla_row = cli_json_find (annotators, "name", "Carla");
  g_assert_cmpint (cli_json_int (carla_row, "annotations"), ==, 0);

  /* The silent student makes agreement imperfect. */
  g_assert_cmpfloat (json_number (result, "alpha_u"), <, 1.0);
  tags = json_member (result, "tags");
  g_assert_cmpuint (g_variant_n_children (tags), ==, 3);
  evidence = cli_json_find (tags, "id", "evidence");
  g_assert_true (isnan (json_number (evidence, "alpha_u")));
  g_assert_cmpint (cli_json_int (evidence, "annotations"), ==, 0);
  pairs = json_member (result, "pairs");
  g_assert_cmpuint (g_variant_n_children (pairs), ==, 3);
  {
    g_autoptr(GVariant) boxed = g_variant_get_child_value (pairs, 0);

    pair = g_variant_get_variant (boxed);
  }
  g_assert_cmpfloat (json_number (pair, "alpha_u"), <, 1.0);
  g_assert_null (g_variant_lookup_value (result, "key", NULL));

  /* Ben marked exactly what the teacher's key marks. */
  key = json_member (with_key, "key");
  students = json_member (key, "students");
  g_assert_cmpuint (g_variant_n_children (students), ==, 3);
  ben_row = cli_json_find (students, "name", "Ben");
  g_assert_cmpfloat (json_number (ben_row, "precision"), ==, 1.0);
  g_assert_cmpfloat (json_number (ben_row, "f1"), ==, 1.0);
  g_variant_unref (carla_row);
  carla_row = cli_json_find (students, "name", "Carla");
  g_assert_true (isnan (json_number (carla_row, "precision")));
  g_assert_cmpfloat (json_number (carla_row, "f1"), ==, 0.0);

  /* The reason is in the text form. */
  g_assert_nonnull (strstr (text->out, "undefined: nobody used this tag"));
}

static void
test_csv (CliFixture    *fixture,
          gconstpointer  data)
{
  g_autofree char *assignment = make_assignment (fixture, FALSE);
  const char * const ada_tags[] = { "irony", "Stalin", NULL };
  g_autofree char *ada = make_reading (fixture, assignment, "Ada", ada_tags);
  g_autofree char *ben = make_reading (fixture, assignment, "Ben", ada_tags);
  g_autofree char *seminar = cli_path_in (fixture, "seminar.xml");
  g_autoptr(CliResult) merged = cli_run_ok ("merge", assignment, ada, ben, "-o", seminar, NULL);
  g_autoptr(CliResult) csv = cli_run_ok ("agreement", seminar, "--csv", "--key", "Ada", NULL);
  g_autoptr(GPtrArray) rows = cli_parse_csv (csv->out, strlen (csv->out));
  char **header;
  char **overall;

  g_assert_nonnull (rows);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[0], ==, "kind");
  g_assert_cmpstr (header[6], ==, "alpha_u");
  g_assert_cmpstr (header[10], ==, "undefined");
  /* overall, one annotator (Ben: Ada is the key), three tags, no pair, one key row. */
  g_assert_cmpuint (rows->len, ==, 1 + 1 + 1 + 3 + 0 + 1);
  overall = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (overall[0], ==, "overall");
  g_assert_cmpstr (overall[6], ==, "");
  g_assert_cmpstr (overall[10], ==, "undefined: fewer than two annotators");
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 11);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, rows->len - 1))[0], ==, "key");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, rows->len - 1))[9], ==, "1");
}

static void
test_merge_refuses (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *assignment = make_assignment (fixture, FALSE);
  const char * const ada_tags[] = { "irony", "Stalin", NULL };
  g_autofree char *ada = make_reading (fixture, assignment, "Ada", ada_tags);
  g_autofree char *again = cli_path_in (fixture, "ada-again.xml");
  g_autofree char *changed = cli_path_in (fixture, "changed.xml");
  g_autofree char *seminar = cli_path_in (fixture, "seminar.xml");
  g_autofree char *contents = cli_read_file (ada, NULL);
  g_autofree char *original = cli_read_file (assignment, NULL);
  g_autoptr(GString) edited = g_string_new (original);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) kept = NULL;
  const char *body = strstr (edited->str, "<body");
  const char *word = strstr (body, "Stalin");

  cli_write_file (again, contents);
  /* One character of the text changed: "Stalin" -> "Stulin". */
  edited->str[word - edited->str + 2] = 'u';
  cli_write_file (changed, edited->str);

  result = cli_run ("merge", assignment, ada, again, changed, "-o", seminar, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_false (g_file_test (seminar, G_FILE_TEST_EXISTS));
  g_test_message ("%s", result->err);
  g_assert_nonnull (strstr (result->err, "a second reading by “Ada”"));
  g_assert_nonnull (strstr (result->err, "--keep first or --keep last"));
  g_assert_nonnull (strstr (result->err, "changed.xml: the text differs from the assignment’s at "
                                         "character"));
  g_assert_nonnull (strstr (result->err, "“u” instead of “a”"));
  g_assert_nonnull (strstr (result->err, "nothing written"));

  kept = cli_run_ok ("merge", assignment, ada, again, "--keep", "first", "-o", seminar, NULL);
  g_assert_true (g_file_test (seminar, G_FILE_TEST_EXISTS));
}

static void
test_usage (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *assignment = make_assignment (fixture, FALSE);
  const char * const args[][8] = {
    { "assign", fixture->doc, NULL },
    { "merge", assignment, "-o", "x.xml", NULL },
    { "merge", assignment, assignment, NULL },
    { "merge", assignment, assignment, "-o", "x.xml", "--keep", "middle", NULL },
    { "agreement", assignment, "--json", "--csv", NULL },
    { "agreement", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_autoptr(CliResult) result = cli_runv (args[i]);

      g_assert_cmpint (result->status, ==, 2);
      g_assert_true (g_str_has_prefix (result->err, "peitho-cli: "));
    }

  {
    g_autoptr(CliResult) result = cli_run ("agreement", assignment, "--key", "Nobody", NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, "“Nobody”"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("assign", fixture->doc, "-o", "x.xml",
                                           "--tags", "irony,nope", NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, "“nope”"));
  }
}

/* A TEI edition someone else encoded: Cicero from Perseus. */
static void
test_edition (CliFixture    *fixture,
              gconstpointer  data)
{
  const char *corpus = g_getenv ("PEITHO_CORPUS_DIR");
  const char *root = g_getenv ("PEITHO_SOURCE_ROOT");
  g_autofree char *edition = g_build_filename (corpus, "tei", "perseus-cicero-in-catilinam-eng.xml", NULL);
  g_autofree char *tagset = g_build_filename (root, "data", "tagsets", "peitho-rhetoric.xml", NULL);
  g_autofree char *doc = cli_path_in (fixture, "cicero.xml");
  g_autofree char *assignment = cli_path_in (fixture, "assignment.xml");
  g_autofree char *seminar = cli_path_in (fixture, "seminar.xml");
  g_autoptr(CliResult) imported = cli_run_ok ("tagset", "import", edition, tagset, "-o", doc, NULL);
  g_autoptr(CliResult) assigned = cli_run_ok ("assign", doc, "-o", assignment, "--tags",
                                              "rhetorical-question,pathos", NULL);
  const char * const ada_tags[] = { "rhetorical-question", "Catiline", NULL };
  const char * const ben_tags[] = { "rhetorical-question", "Catiline", "pathos", "Rome", NULL };
  g_autofree char *ada = make_reading (fixture, assignment, "Ada", ada_tags);
  g_autofree char *ben = make_reading (fixture, assignment, "Ben", ben_tags);
  g_autoptr(CliResult) merged = cli_run_ok ("merge", assignment, ada, ben, "-o", seminar, NULL);
  g_autoptr(CliResult) edition_text = cli_run_ok ("text", doc, NULL);
  g_autoptr(CliResult) seminar_text = cli_run_ok ("text", seminar, NULL);
  g_autoptr(CliResult) json = cli_run_ok ("agreement", seminar, "--json", NULL);
  g_autoptr(GVariant) result = cli_parse_json (json->out, json->out_len);
  g_autoptr(GVariant) tags = json_member (result, "tags");
  g_autoptr(GVariant) question = cli_json_find (tags, "id", "rhetorical-question");
  g_autoptr(GVariant) pathos = cli_json_find (tags, "id", "pathos");
  g_autofree char *contents = cli_read_file (seminar, NULL);

  g_assert_cmpstr (seminar_text->out, ==, edition_text->out);
  /* Both marked every "Catiline" alike; only Ben used pathos. */
  g_assert_cmpfloat (json_number (question, "alpha_u"), ==, 1.0);
  g_assert_cmpfloat (json_number (pathos, "alpha_u"), <, 1.0);
  /* The edition's own header stays. */
  g_assert_nonnull (strstr (contents, "Perseus"));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/seminar/assign", CliFixture, NULL,
              cli_fixture_set_up, test_assign, cli_fixture_tear_down);
  g_test_add ("/cli/seminar/merge-and-agreement", CliFixture, NULL,
              cli_fixture_set_up, test_merge_and_agreement, cli_fixture_tear_down);
  g_test_add ("/cli/seminar/csv", CliFixture, NULL,
              cli_fixture_set_up, test_csv, cli_fixture_tear_down);
  g_test_add ("/cli/seminar/merge-refuses", CliFixture, NULL,
              cli_fixture_set_up, test_merge_refuses, cli_fixture_tear_down);
  g_test_add ("/cli/seminar/usage", CliFixture, NULL,
              cli_fixture_set_up, test_usage, cli_fixture_tear_down);
  g_test_add ("/cli/seminar/edition", CliFixture, NULL,
              cli_fixture_set_up, test_edition, cli_fixture_tear_down);

  return g_test_run ();
}
