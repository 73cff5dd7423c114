/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "cli-test-util.h"

static void
test_help (void)
{
  static const char *commands[] = {
    "import", "text", "annotate", "relate", "unrelate", "stats", "validate", "export", "tagset",
  };
  g_autoptr(CliResult) help = cli_run_ok ("--help", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliResult) result = NULL;
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (help->out, line));

      result = cli_run_ok (commands[i], "--help", NULL);
      g_assert_true (g_str_has_prefix (result->out, "Usage:"));
      g_assert_nonnull (strstr (result->out, commands[i]));
    }

  {
    g_autoptr(CliResult) result = cli_run_ok ("annotate", "--help", NULL);

    g_assert_nonnull (strstr (result->out, "--tag"));
    g_assert_nonnull (strstr (result->out, "--match"));
  }
  {
    g_autoptr(CliResult) result = cli_run_ok ("tagset", "import", "--help", NULL);

    g_assert_nonnull (strstr (result->out, "TAGSET.xml"));
  }
}

static void
test_import_text (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(CliResult) text = cli_run_ok ("text", fixture->doc, NULL);
  g_autoptr(GVariant) stats = cli_stats (fixture->doc);
  g_autoptr(GVariant) tags = cli_stats_list (stats, "tags");
  g_autoptr(GVariant) annotators = cli_stats_list (stats, "annotators");
  const char *title = NULL;
  const char *author = NULL;
  GVariantIter iter;
  GVariant *tag;

  /* Exactly the paragraphs, byte for byte, no newline added. */
  g_assert_cmpuint (text->out_len, ==, strlen (fixture->text));
  g_assert_cmpstr (text->out, ==, fixture->text);

  g_assert_true (g_variant_lookup (stats, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "Toward a Balance Sheet of the Purges");
  g_assert_true (g_variant_lookup (stats, "author", "&s", &author));
  g_assert_cmpstr (author, ==, "Leon Trotsky");
  g_assert_cmpint (cli_json_int (stats, "paragraphs"), ==, fixture->n_paragraphs);
  g_assert_cmpint (cli_json_int (stats, "characters"), ==, g_utf8_strlen (fixture->text, -1));
  g_assert_cmpint (cli_json_int (stats, "words"), >, 500);
  g_assert_cmpint (cli_json_int (stats, "words"), <, 1000);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 0);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 0);
  g_assert_cmpuint (g_variant_n_children (annotators), ==, 0);

  /* Every tag of the default set, zero counts included. */
  g_assert_cmpuint (g_variant_n_children (tags), >=, 22);
  g_variant_iter_init (&iter, tags);
  while (g_variant_iter_next (&iter, "v", &tag))
    {
      const char *s;

      g_assert_true (g_variant_lookup (tag, "id", "&s", &s) && s[0] != '\0');
      g_assert_true (g_variant_lookup (tag, "label", "&s", &s) && s[0] != '\0');
      g_assert_true (g_variant_lookup (tag, "group", "&s", &s) && s[0] != '\0');
      g_assert_cmpint (cli_json_int (tag, "count"), ==, 0);
      g_clear_pointer (&tag, g_variant_unref);
    }
  tag = cli_json_find (tags, "id", "metaphor");
  g_assert_nonnull (tag);
  g_variant_unref (tag);

  /* The human table says the same. */
  {
    g_autoptr(CliResult) table = cli_run_ok ("stats", fixture->doc, NULL);

    g_assert_nonnull (strstr (table->out, "Toward a Balance Sheet of the Purges"));
    g_assert_nonnull (strstr (table->out, "Metaphor"));
  }

  /* --title and --author win over the front matter. */
  {
    g_autofree char *other = cli_path_in (fixture, "other.xml");
    g_autoptr(CliResult) result = NULL;
    g_autoptr(GVariant) other_stats = NULL;

    result = cli_run_noted ("import", cli_corpus_path (), "-o", other,
                            "--title", "Bilan \"des\" purges \\ 1939", "--author", "L. T.", NULL);
    other_stats = cli_stats (other);
    g_assert_true (g_variant_lookup (other_stats, "title", "&s", &title));
    g_assert_cmpstr (title, ==, "Bilan \"des\" purges \\ 1939");
    g_assert_true (g_variant_lookup (other_stats, "author", "&s", &author));
    g_assert_cmpstr (author, ==, "L. T.");
  }

  /* A text without front matter: every paragraph is text, CRLF becomes LF. */
  {
    g_autofree char *txt = cli_path_in (fixture, "small.txt");
    g_autofree char *xml = cli_path_in (fixture, "small.xml");
    g_autoptr(CliResult) result = NULL;
    g_autoptr(CliResult) small = NULL;

    cli_write_file (txt,
                    "Première ligne,\r\nsuite.\r\n\r\nSecond paragraphe 🙂 עברית.\r\n");
    result = cli_run_ok ("import", txt, "-o", xml, NULL);
    small = cli_run_ok ("text", xml, NULL);
    g_assert_cmpstr (small->out, ==,
                     "Première ligne,\nsuite.\n\nSecond paragraphe 🙂 עברית.");
  }
}

static void
test_annotate_offsets (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) annotators = NULL;
  g_autoptr(GVariant) annotator = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize offset = cli_char_offset_of (fixture->text, "Kremlin", 0);
  char **row;

  before = cli_read_file (fixture->doc, NULL);

  id1 = cli_annotate_one (fixture->doc, "--tag", "metaphor", "--start", "0", "--end", "14", NULL);

  start = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
  end = g_strdup_printf ("%" G_GSIZE_FORMAT, offset + strlen ("Kremlin"));
  id2 = cli_annotate_one (fixture->doc, "--tag", "metonymy", "--start", start, "--end", end,
                          "--annotator", "Ada Lovelace", NULL);
  g_assert_cmpstr (id1, !=, id2);

  /* Replaced in place, atomically: no temporary file, no backup left. */
  after = cli_read_file (fixture->doc, NULL);
  g_assert_cmpstr (before, !=, after);
  listing = cli_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "doc.xml");

  rows = cli_export_csv (fixture->doc);
  g_assert_cmpuint (rows->len, ==, 3);
  row = cli_csv_row (rows, id1);
  g_assert_cmpstr (row[1], ==, "metaphor");
  g_assert_cmpstr (row[3], ==, "0");
  g_assert_cmpstr (row[4], ==, "14");
  g_assert_cmpstr (row[5], ==, "Walter Duranty");
  row = cli_csv_row (rows, id2);
  g_assert_cmpstr (row[1], ==, "metonymy");
  g_assert_cmpstr (row[3], ==, start);
  g_assert_cmpstr (row[4], ==, end);
  g_assert_cmpstr (row[5], ==, "Kremlin");

  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 2);
  g_assert_cmpint (cli_stats_tag_count (stats, "metaphor"), ==, 1);
  g_assert_cmpint (cli_stats_tag_count (stats, "metonymy"), ==, 1);
  g_assert_cmpint (cli_stats_tag_count (stats, "irony"), ==, 0);

  /* $PEITHO_ANNOTATOR is the default; --annotator overrides it. */
  annotators = cli_stats_list (stats, "annotators");
  g_assert_cmpuint (g_variant_n_children (annotators), ==, 2);
  annotator = cli_json_find (annotators, "name", "Test Annotator");
  g_assert_nonnull (annotator);
  g_assert_cmpint (cli_json_int (annotator, "count"), ==, 1);
  g_clear_pointer (&annotator, g_variant_unref);
  annotator = cli_json_find (annotators, "name", "Ada Lovelace");
  g_assert_nonnull (annotator);
  g_assert_cmpint (cli_json_int (annotator, "count"), ==, 1);

  /* The text itself never changes. */
  {
    g_autoptr(CliResult) text = cli_run_ok ("text", fixture->doc, NULL);

    g_assert_cmpstr (text->out, ==, fixture->text);
  }
}

static void
test_annotate_match (CliFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) ids = NULL;
  g_autofree char *first = NULL;
  guint n = cli_count_occurrences (fixture->text, "Stalin");

  g_assert_cmpuint (n, >, 5);

  result = cli_run ("annotate", fixture->doc, "--tag", "irony", "--match", "Stalin", "--all",
                    "--note", "one of many", NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpuint (cli_count_lines (result->out), ==, n);

  ids = g_strsplit (result->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (ids), ==, n + 1);
  g_assert_cmpstr (ids[n], ==, "");

  rows = cli_export_csv (fixture->doc);
  g_assert_cmpuint (rows->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      char **row = cli_csv_row (rows, ids[i]);
      g_autofree char *expected = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                   cli_char_offset_of (fixture->text, "Stalin", i));

      g_assert_false (g_hash_table_contains (seen, ids[i]));
      g_hash_table_add (seen, g_strdup (ids[i]));
      g_assert_cmpstr (row[1], ==, "irony");
      g_assert_cmpstr (row[5], ==, "Stalin");
      g_assert_cmpstr (row[3], ==, expected);
      g_assert_cmpstr (row[7], ==, "one of many");
    }

  /* Without --all, the first occurrence only. */
  first = cli_annotate_one (fixture->doc, "--tag", "metaphor", "--match", "Kremlin", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cli_export_csv (fixture->doc);
  {
    char **row = cli_csv_row (rows, first);
    g_autofree char *expected = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                 cli_char_offset_of (fixture->text, "Kremlin", 0));

    g_assert_cmpstr (row[3], ==, expected);
    g_assert_cmpstr (row[5], ==, "Kremlin");
  }

  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, n + 1);
  g_assert_cmpint (cli_stats_tag_count (stats, "irony"), ==, n);
  g_assert_cmpint (cli_stats_tag_count (stats, "metaphor"), ==, 1);

  /* A passage across a paragraph boundary. */
  {
    g_autofree char *id = NULL;
    const char *sep = strstr (fixture->text, "\n\n");
    gsize at = g_utf8_pointer_to_offset (fixture->text, sep);
    g_autofree char *s = g_strdup_printf ("%" G_GSIZE_FORMAT, at - 5);
    g_autofree char *e = g_strdup_printf ("%" G_GSIZE_FORMAT, at + 8);

    id = cli_annotate_one (fixture->doc, "--tag", "claim", "--start", s, "--end", e, NULL);
    g_assert_nonnull (id);
  }
}

static void
test_validate (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *broken = cli_path_in (fixture, "broken.xml");
  g_autofree char *prefix = g_strdup_printf ("peitho-cli: %s:", broken);
  g_autoptr(GString) edited = NULL;
  g_autoptr(CliResult) result = NULL;

  id = cli_annotate_one (fixture->doc, "--tag", "metaphor", "--match", "Kremlin", NULL);

  result = cli_run_ok ("validate", fixture->doc, NULL);
  expected = g_strdup_printf ("%s: valid\n", fixture->doc);
  g_assert_cmpstr (result->out, ==, expected);
  g_clear_pointer (&result, cli_result_free);

  /* A span whose @ana names no category: the reader goes on, validate
   * fails, other commands warn. */
  contents = cli_read_file (fixture->doc, NULL);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "ana=\"#metaphor\"", "ana=\"#no-such-tag\"", 0),
                    ==, 1);
  cli_write_file (broken, edited->str);

  result = cli_run ("validate", broken, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, prefix));
  g_assert_nonnull (strstr (result->err, "no-such-tag"));
  g_clear_pointer (&result, cli_result_free);

  result = cli_run ("stats", broken, "--json", NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->err, prefix));
  g_assert_nonnull (strstr (result->err, "warning:"));
  {
    g_autoptr(GVariant) stats = cli_parse_json (result->out, result->out_len);

    g_assert_nonnull (stats);
    /* Nothing dropped silently: the annotation is there, with an unknown tag. */
    g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 1);
  }
}

static void
test_export (CliFixture    *fixture,
             gconstpointer  data)
{
  const char *note = "He said \"no\", then\nleft; 1,2 <&> done";
  g_autofree char *id_note = NULL;
  g_autofree char *id_comma = NULL;
  g_autofree char *inline_xml = cli_path_in (fixture, "inline.xml");
  g_autofree char *tei_xml = cli_path_in (fixture, "tei.xml");
  g_autofree char *csv_file = cli_path_in (fixture, "out.csv");
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CliResult) result = NULL;
  char **row;
  gsize csv_len;

  id_note = cli_annotate_one (fixture->doc, "--tag", "pathos", "--match", "Stalin", "--note", note,
                              NULL);
  id_comma = cli_annotate_one (fixture->doc, "--tag", "evidence",
                               "--match", "Walter Duranty, correspondent", NULL);
  g_free (cli_annotate_one (fixture->doc, "--tag", "claim", "--match", "Walter Duranty", NULL));

  /* CSV to a file: header, one row per annotation, RFC 4180 quoting. */
  result = cli_run_ok ("export", fixture->doc, "--format", "csv", "-o", csv_file, NULL);
  g_assert_cmpstr (result->out, ==, "");
  csv = cli_read_file (csv_file, &csv_len);
  rows = cli_parse_csv (csv, csv_len);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 8);
  g_assert_cmpstr (row[0], ==, "id");
  g_assert_cmpstr (row[1], ==, "tag");
  g_assert_cmpstr (row[2], ==, "group");
  g_assert_cmpstr (row[3], ==, "start");
  g_assert_cmpstr (row[4], ==, "end");
  g_assert_cmpstr (row[5], ==, "text");
  g_assert_cmpstr (row[6], ==, "annotator");
  g_assert_cmpstr (row[7], ==, "note");
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 8);
  row = cli_csv_row (rows, id_note);
  g_assert_cmpstr (row[7], ==, note);
  row = cli_csv_row (rows, id_comma);
  g_assert_cmpstr (row[5], ==, "Walter Duranty, correspondent");
  g_assert_nonnull (strstr (csv, "\"He said \"\"no\"\", then\nleft; 1,2 <&> done\""));

  /* TEI to standard output and to a file: the same document. */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("export", fixture->doc, "--format", "tei", "-o", "-", NULL);
  g_assert_true (g_str_has_prefix (result->out, "<?xml"));
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("export", fixture->doc, "--format", "tei", "-o", tei_xml, NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("text", tei_xml, NULL);
  g_assert_cmpstr (result->out, ==, fixture->text);

  /* Inline TEI reads back with the same text and annotations. */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("export", fixture->doc, "--format", "tei-inline", "-o", inline_xml, NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("text", inline_xml, NULL);
  g_assert_cmpstr (result->out, ==, fixture->text);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("validate", inline_xml, NULL);
  {
    g_autoptr(GVariant) stats = cli_stats (inline_xml);

    g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 3);
    g_assert_cmpint (cli_stats_tag_count (stats, "pathos"), ==, 1);
    g_assert_cmpint (cli_stats_tag_count (stats, "evidence"), ==, 1);
    g_assert_cmpint (cli_stats_tag_count (stats, "claim"), ==, 1);
  }
}

static void
test_relate (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *claim = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *relation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) types = NULL;
  g_autoptr(GVariant) type = NULL;

  claim = cli_annotate_one (fixture->doc, "--tag", "claim", "--start", "0", "--end", "50", NULL);
  evidence = cli_annotate_one (fixture->doc, "--tag", "evidence", "--match", "Kremlin", NULL);

  result = cli_run_ok ("relate", fixture->doc, "--from", evidence, "--to", claim,
                       "--type", "supports", NULL);
  g_assert_cmpuint (cli_count_lines (result->out), ==, 1);
  relation = g_strstrip (g_strdup (result->out));
  g_assert_cmpstr (relation, !=, "");

  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 1);
  types = cli_stats_list (stats, "relation_types");
  type = cli_json_find (types, "type", "supports");
  g_assert_nonnull (type);
  g_assert_cmpint (cli_json_int (type, "count"), ==, 1);
  g_clear_pointer (&stats, g_variant_unref);

  {
    g_autoptr(CliResult) table = cli_run_ok ("stats", fixture->doc, NULL);

    g_assert_nonnull (strstr (table->out, "supports"));
  }

  /* Bad references change nothing. */
  before = cli_read_file (fixture->doc, NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("relate", fixture->doc, "--from", "no-such-id", "--to", claim,
                    "--type", "supports", NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "no-such-id"));
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("relate", fixture->doc, "--from", claim, "--to", claim,
                    "--type", "supports", NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("relate", fixture->doc, "--from", claim, "--to", evidence, NULL);
  g_assert_cmpint (result->status, ==, 2);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("unrelate", fixture->doc, "--id", "no-such-relation", NULL);
  g_assert_cmpint (result->status, ==, 1);
  after = cli_read_file (fixture->doc, NULL);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("unrelate", fixture->doc, "--id", relation, NULL);
  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_json_int (stats, "relations"), ==, 0);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 2);
}

/* Writes @src without the category @id (and its rendition pointer stays
 * harmlessly unused). */
static void
remove_category (const char *src,
                 const char *dest,
                 const char *id)
{
  g_autofree char *expr = g_strdup_printf ("//tei:category[@xml:id='%s']", id);
  xmlDocPtr doc = xmlReadFile (src, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr found;

  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "tei", BAD_CAST "http://www.tei-c.org/ns/1.0");
  found = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (found);
  g_assert_nonnull (found->nodesetval);
  g_assert_cmpint (found->nodesetval->nodeNr, ==, 1);
  xmlUnlinkNode (found->nodesetval->nodeTab[0]);
  xmlFreeNode (found->nodesetval->nodeTab[0]);
  g_assert_cmpint (xmlSaveFile (dest, doc), >, 0);
  xmlXPathFreeObject (found);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

static void
test_tagset (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *tagset = cli_path_in (fixture, "tagset.xml");
  g_autofree char *reduced = cli_path_in (fixture, "reduced.xml");
  g_autofree char *fresh = cli_path_in (fixture, "fresh.xml");
  g_autofree char *before = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) fresh_list = NULL;
  g_autoptr(GVariant) stats = NULL;

  g_free (cli_annotate_one (fixture->doc, "--tag", "metaphor", "--match", "Kremlin", NULL));

  list = cli_run_ok ("tagset", "list", fixture->doc, NULL);
  g_assert_nonnull (strstr (list->out, "metaphor\t"));
  g_assert_cmpuint (cli_count_lines (list->out), >=, 22);

  result = cli_run_ok ("tagset", "export", fixture->doc, "-o", tagset, NULL);
  g_assert_true (g_file_test (tagset, G_FILE_TEST_IS_REGULAR));

  /* Round trip: a fresh document given the exported set lists the same tags. */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_noted ("import", cli_corpus_path (), "-o", fresh, NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("tagset", "import", fresh, tagset, NULL);
  fresh_list = cli_run_ok ("tagset", "list", fresh, NULL);
  {
    /* Same ids, labels and groups; counts differ (the fresh one has none). */
    g_auto(GStrv) a = g_strsplit (list->out, "\n", -1);
    g_auto(GStrv) b = g_strsplit (fresh_list->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    for (guint i = 0; a[i] != NULL && a[i][0] != '\0'; i++)
      {
        char *tab_a = strrchr (a[i], '\t');
        char *tab_b = strrchr (b[i], '\t');

        g_assert_nonnull (tab_a);
        g_assert_nonnull (tab_b);
        *tab_a = *tab_b = '\0';
        g_assert_cmpstr (a[i], ==, b[i]);
      }
  }

  /* A set without "metaphor": a document that uses it keeps it, with a note. */
  remove_category (tagset, reduced, "metaphor");
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("tagset", "import", fixture->doc, reduced, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->err, "note:"));
  g_assert_nonnull (strstr (result->err, "metaphor"));
  stats = cli_stats (fixture->doc);
  g_assert_cmpint (cli_stats_tag_count (stats, "metaphor"), ==, 1);
  g_assert_cmpint (cli_json_int (stats, "annotations"), ==, 1);

  /* ... and one that does not use it loses it. */
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("tagset", "import", fresh, reduced, NULL);
  g_clear_pointer (&fresh_list, cli_result_free);
  fresh_list = cli_run_ok ("tagset", "list", fresh, NULL);
  g_assert_null (strstr (fresh_list->out, "metaphor\t"));
  g_assert_nonnull (strstr (fresh_list->out, "metonymy\t"));

  /* A file with no taxonomy is refused, and the document is untouched. */
  before = cli_read_file (fixture->doc, NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("tagset", "import", fixture->doc, cli_corpus_path (), NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "peitho-cli: "));
  {
    g_autofree char *after = cli_read_file (fixture->doc, NULL);

    g_assert_cmpstr (before, ==, after);
  }
}

/* The web page: what it shows follows --tags, --annotators, --no-notes and
 * --no-labels (tests/export checks the page itself in a browser). */
static void
test_export_html (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *html_file = cli_path_in (fixture, "out.html");
  g_autofree char *html = NULL;
  g_autoptr(CliResult) result = NULL;

  g_free (cli_annotate_one (fixture->doc, "--tag", "pathos", "--match", "Stalin", "--note",
                            "A name as a charge", NULL));
  g_free (cli_annotate_one (fixture->doc, "--tag", "claim", "--match", "Walter Duranty", NULL));

  result = cli_run_ok ("export", fixture->doc, "--format", "html", "-o", html_file, NULL);
  html = cli_read_file (html_file, NULL);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "data-tag=\"pathos\""));
  g_assert_nonnull (strstr (html, "data-tag=\"claim\""));
  g_assert_nonnull (strstr (html, "id=\"note-1\""));
  g_assert_nonnull (strstr (html, "class=\"label\""));

  g_clear_pointer (&result, cli_result_free);
  g_clear_pointer (&html, g_free);
  result = cli_run_ok ("export", fixture->doc, "--format", "html", "--tags", "claim,evidence",
                       "--no-notes", "--no-labels", "-o", html_file, NULL);
  html = cli_read_file (html_file, NULL);
  g_assert_null (strstr (html, "data-tag=\"pathos\""));
  g_assert_nonnull (strstr (html, "data-tag=\"claim\""));
  g_assert_null (strstr (html, "id=\"note-1\""));
  g_assert_null (strstr (html, "<span class=\"label\" data-label-tag=\"claim\" aria-hidden"));

  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("export", fixture->doc, "--format", "html", "--annotators", "Nobody",
                    "-o", html_file, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "Nobody"));

  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("export", fixture->doc, "--format", "html", "--tags", "no-such-tag",
                    "-o", html_file, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "no-such-tag"));

  g_clear_pointer (&result, cli_result_free);
  result = cli_run ("export", fixture->doc, "--format", "csv", "--no-notes", NULL);
  g_assert_cmpint (result->status, ==, 2);
}

/* Writes @length bytes to DIR/NAME and imports it; returns the run, and the
 * document's text in @text when the import worked. */
static CliResult *
import_bytes (const char  *dir,
              const char  *name,
              const char  *data,
              gssize       length,
              const char  *option,
              char       **text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *xml = g_strconcat (path, ".xml", NULL);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "import", path, "-o", xml, option, NULL };
  CliResult *result;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  result = cli_runv (args);
  *text = NULL;
  if (result->status == 0)
    {
      g_autoptr(CliResult) out = cli_run_ok ("text", xml, NULL);

      *text = g_strdup (out->out);
    }
  return result;
}

static void
test_import_as_people_have_it (void)
{
  g_autofree char *dir = cli_make_tmp_dir ();
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  CliResult *result;

  /* A speaker's line is text, also when --title is given. */
  {
    static const char hamlet[] = "HAMLET: To be, or not to be, that is the question.\n\n"
                                 "[Enter OPHELIA]\n\nOPHELIA: Good my lord.";
    g_autofree char *path = g_build_filename (dir, "hamlet.txt", NULL);
    g_autofree char *xml = g_build_filename (dir, "hamlet.xml", NULL);
    g_autoptr(CliResult) run = NULL;
    g_autoptr(CliResult) out = NULL;
    g_autoptr(GVariant) stats = NULL;
    const char *title = NULL;

    cli_write_file (path, hamlet);
    run = cli_run_ok ("import", path, "-o", xml, "--title", "Hamlet", NULL);
    out = cli_run_ok ("text", xml, NULL);
    g_assert_cmpstr (out->out, ==, hamlet);
    stats = cli_stats (xml);
    g_assert_true (g_variant_lookup (stats, "title", "&s", &title));
    g_assert_cmpstr (title, ==, "Hamlet");
    g_assert_false (g_variant_lookup (stats, "author", "&s", &title));
  }

  /* The corpus essay: a note says what was taken; --no-front-matter keeps it. */
  {
    g_autofree char *xml = g_build_filename (dir, "essay.xml", NULL);
    g_autofree char *note = g_strdup_printf ("peitho-cli: %s: note: Title, author, date and "
                                             "source were taken from the first lines\n"
                                             "peitho-cli: %s: note: --no-front-matter keeps "
                                             "those lines in the text\n",
                                             cli_corpus_path (), cli_corpus_path ());
    g_autoptr(CliResult) run = cli_run_noted ("import", cli_corpus_path (), "-o", xml, NULL);
    g_autoptr(CliResult) kept = NULL;
    g_autoptr(CliResult) out = NULL;

    g_assert_cmpstr (run->err, ==, note);
    kept = cli_run_ok ("import", cli_corpus_path (), "-o", xml, "--no-front-matter", NULL);
    out = cli_run_ok ("text", xml, NULL);
    g_assert_true (g_str_has_prefix (out->out, "Leon Trotsky > 1939 > \n\nLeon Trotsky 19390610 "));
  }

  /* Encodings: converted, with a note. */
  result = import_bytes (dir, "latin1.txt", "caf\xe9 au lait\n", -1, NULL, &text);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_suffix (result->err, "latin1.txt: note: The file is not UTF-8; "
                                   "read as Windows-1252\n"));
  g_assert_cmpstr (text, ==, "caf\xC3\xA9 au lait");
  g_clear_pointer (&result, cli_result_free);
  g_clear_pointer (&text, g_free);

  result = import_bytes (dir, "utf16.txt", "\xFF\xFEO\0u\0i\0\n\0", 10, NULL, &text);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_suffix (result->err, "utf16.txt: note: The file is UTF-16; "
                                   "converted to UTF-8\n"));
  g_assert_cmpstr (text, ==, "Oui");
  g_clear_pointer (&result, cli_result_free);
  g_clear_pointer (&text, g_free);

  /* Form feeds and CR line ends, quietly. */
  result = import_bytes (dir, "pages.txt", "One\rline\fTwo\f", -1, NULL, &text);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpstr (text, ==, "One\nline\n\nTwo");
  g_clear_pointer (&result, cli_result_free);
  g_clear_pointer (&text, g_free);

  /* A NUL is named for what it is, where it is. */
  result = import_bytes (dir, "nul.txt", "ok\nab\0c\n", 8, NULL, &text);
  g_assert_cmpint (result->status, ==, 1);
  expected = g_strdup_printf ("peitho-cli: %s/nul.txt: control character U+0000 at line 2, "
                              "column 3; TEI (XML) cannot hold it\n", dir);
  g_assert_cmpstr (result->err, ==, expected);
  g_assert_null (text);
  g_clear_pointer (&result, cli_result_free);

  peitho_test_remove_tree (dir);
}

#define CLOSE_READING_TAG_SET \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>" \
  "<titleStmt><title>Close Reading</title></titleStmt>" \
  "<publicationStmt><p>For the tests.</p></publicationStmt>" \
  "<sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc>" \
  "<encodingDesc><classDecl><taxonomy xml:id=\"close-reading\">" \
  "<category xml:id=\"wordplay\"><catDesc><term>Wordplay</term></catDesc>" \
  "<category xml:id=\"pun\"><catDesc><term>Pun</term>: a play on words.</catDesc></category>" \
  "</category></taxonomy></classDecl></encodingDesc></teiHeader>" \
  "<text><body><p/></body></text></TEI>"

/* A copy of the Folger Hamlet (an edition without Peitho's taxonomy) in @dir. */
static char *
copy_hamlet (const char *dir,
             const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei",
                                              "folger-hamlet.xml", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);

  contents = cli_read_file (source, NULL);
  cli_write_file (path, contents);
  return path;
}

/* An edition without a tag set of its own gets the one given with
 * --tagset, or else the one chosen in the app's Preferences; once saved,
 * the file has it. */
static void
test_annotate_edition_tag_set (void)
{
  const char *passage = "A little more than kin and less than kind.";
  g_autofree char *dir = cli_make_tmp_dir ();
  g_autofree char *tag_set = g_build_filename (dir, "close-reading.xml", NULL);
  g_autofree char *hamlet = copy_hamlet (dir, "hamlet.xml");
  g_autofree char *preferred = copy_hamlet (dir, "hamlet-preferred.xml");
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *keyfile_text = NULL;
  g_autofree char *schema_dir = g_build_filename (g_getenv ("PEITHO_BUILD_ROOT"), "data", NULL);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autofree char *id = NULL;

  cli_write_file (tag_set, CLOSE_READING_TAG_SET);

  /* The built-in set has no "pun". */
  result = cli_run ("annotate", hamlet, "--tag", "pun", "--match", passage, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "unknown tag “pun”"));
  g_assert_nonnull (strstr (result->err, "metaphor"));
  g_clear_pointer (&result, cli_result_free);

  id = cli_annotate_one (hamlet, "--tagset", tag_set, "--tag", "pun", "--match", passage, NULL);
  g_assert_nonnull (id);
  g_clear_pointer (&id, g_free);
  /* Saved with the file: no --tagset needed any more, and the built-in set
   * is not mixed in. */
  id = cli_annotate_one (hamlet, "--tag", "pun", "--match", "Not so, my lord", NULL);
  g_assert_nonnull (id);
  stats = cli_stats (hamlet);
  g_assert_cmpint (cli_stats_tag_count (stats, "pun"), ==, 2);
  result = cli_run ("annotate", hamlet, "--tag", "metaphor", "--match", passage, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_clear_pointer (&result, cli_result_free);

  /* A --tagset that cannot be read is an error naming it. */
  result = cli_run ("annotate", preferred, "--tagset", "/nonexistent/set.xml", "--tag", "pun",
                    "--match", passage, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "/nonexistent/set.xml"));
  g_clear_pointer (&result, cli_result_free);

  /* The set chosen in Preferences, read from the app's settings. */
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  keyfile_text = g_strdup_printf ("[io/github/peitho/Peitho]\nlast-tag-set='%s'\n", tag_set);
  cli_write_file (keyfile, keyfile_text);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_clear_pointer (&id, g_free);
  id = cli_annotate_one (preferred, "--tag", "pun", "--match", passage, NULL);
  g_assert_nonnull (id);

  /* A chosen set that is gone: a warning, and the built-in set. */
  g_clear_pointer (&keyfile_text, g_free);
  keyfile_text = g_strdup_printf ("[io/github/peitho/Peitho]\nlast-tag-set='%s/gone.xml'\n", dir);
  cli_write_file (keyfile, keyfile_text);
  g_clear_pointer (&id, g_free);
  result = cli_run ("annotate", hamlet, "--tag", "pun", "--match", "Not so, my lord", "-o", "-",
                    NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->err, "gone.xml"));
  g_assert_nonnull (strstr (result->err, "warning"));
  g_clear_pointer (&result, cli_result_free);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_unsetenv ("XDG_CONFIG_HOME");
  peitho_test_remove_tree (dir);
}

/* "text --original-readings": an edition's sic and abbr instead of its corr
 * and expan; the file itself is not changed, and a text without choices
 * reads the same. */
static void
test_text_original_readings (void)
{
  static const char edition[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
    "<titleStmt><title>Choices</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
    "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>\n"
    "<text><body><div><p>C. <choice><abbr>G.</abbr><expan>Gaius</expan></choice> Servilius "
    "<choice><sic>teh</sic><corr>the</corr></choice> end.</p></div></body></text></TEI>\n";
  g_autofree char *dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "choices.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) result = NULL;

  cli_write_file (path, edition);
  before = cli_read_file (path, NULL);
  result = cli_run_ok ("text", path, NULL);
  g_assert_cmpstr (result->out, ==, "C. Gaius Servilius the end.");
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("text", "--original-readings", path, NULL);
  g_assert_cmpstr (result->out, ==, "C. G. Servilius teh end.");
  after = cli_read_file (path, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&result, cli_result_free);
  g_clear_pointer (&after, g_free);

  /* No choices: the same text. */
  {
    g_autofree char *hamlet = copy_hamlet (dir, "hamlet.xml");
    g_autoptr(CliResult) edited = cli_run_ok ("text", hamlet, NULL);

    result = cli_run_ok ("text", "--original-readings", hamlet, NULL);
    g_assert_cmpstr (result->out, ==, edited->out);
  }
  peitho_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-as-people-have-it", test_import_as_people_have_it);
  g_test_add_func ("/cli/annotate/edition-tag-set", test_annotate_edition_tag_set);
  g_test_add_func ("/cli/text/original-readings", test_text_original_readings);
#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/cli/import-text", test_import_text);
  ADD ("/cli/annotate/offsets", test_annotate_offsets);
  ADD ("/cli/annotate/match", test_annotate_match);
  ADD ("/cli/validate", test_validate);
  ADD ("/cli/export", test_export);
  ADD ("/cli/export/html", test_export_html);
  ADD ("/cli/relate", test_relate);
  ADD ("/cli/tagset", test_tagset);
#undef ADD

  return g_test_run ();
}
