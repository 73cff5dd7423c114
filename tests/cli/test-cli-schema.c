/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "cli-test-util.h"

/* Every TEI file peitho-cli writes must validate against TEI All. Compiling
 * tei_all.rng takes seconds, so it is done once and every file checked here. */

static xmlRelaxNGPtr schema;

static void
collect_error_cb (void       *data,
                  xmlErrorPtr error)
{
  GString *errors = data;

  if (errors->len < 4000)
    g_string_append_printf (errors, "%s:%d: %s", error->file ? error->file : "",
                            error->line, error->message);
}

static void
assert_valid_tei (const char *path)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlRelaxNGValidCtxtPtr ctxt;
  xmlDocPtr doc;
  int ret;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, collect_error_cb, errors);
  ret = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);

  if (ret != 0)
    g_error ("%s does not validate against TEI All:\n%s", path, errors->str);
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

  result = cli_run_ok ("import", cli_corpus_path (), "-o", doc, NULL);
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
  result = cli_run_ok ("import", cli_corpus_path (), "-o", other, "--tagset", tagset,
                       "--title", "A <title> & more", NULL);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run_ok ("tagset", "import", other, tagset, NULL);
  assert_valid_tei (other);

  cli_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  xmlRelaxNGParserCtxtPtr parser;
  const char *path = g_getenv ("PEITHO_TEI_SCHEMA");
  int status;

  cli_test_init (&argc, &argv);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("PEITHO_TEI_SCHEMA must name tei_all.rng (meson test sets it)");

  parser = xmlRelaxNGNewParserCtxt (path);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);

  g_test_add_func ("/cli/schema/written-files-validate", test_written_files_validate);

  status = g_test_run ();

  xmlRelaxNGFree (schema);
  xmlCleanupParser ();

  return status;
}
