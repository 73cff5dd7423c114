/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the example and other tools' forms, problems and strict mode,
 * hostile XML, header preservation, the writer's details, tag-set files,
 * files and async I/O, the corpus essay. Every TEI file written is
 * validated against TEI All. */

#include <string.h>
#include <glib/gstdio.h>

#include "tei-test-util.h"
#include "tei-validate.h"

#define TEI_OPEN "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"

/* A header with a small taxonomy: lines 1-12. */
#define SMALL_HEADER \
  TEI_OPEN "\n" \
  "<teiHeader><fileDesc><titleStmt><title>T</title>\n" \
  "<respStmt xml:id=\"ann-a\"><resp>annotation</resp><persName>A</persName></respStmt>\n" \
  "</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>\n" \
  "</fileDesc><encodingDesc><classDecl><taxonomy>\n" \
  "<category xml:id=\"g\"><catDesc>G</catDesc>\n" \
  "<category xml:id=\"x\"><catDesc><term>X</term></catDesc></category>\n" \
  "<category xml:id=\"y\"><catDesc><term>Y</term></catDesc></category>\n" \
  "</category>\n" \
  "</taxonomy></classDecl></encodingDesc>\n" \
  "</teiHeader>\n"

static PeithoDocument *
read_string (const char       *xml,
             PeithoReadFlags   flags,
             GPtrArray        *problems,
             GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return peitho_tei_read_bytes (bytes, "test.xml", flags, problems, error);
}

static PeithoAnnotation *
nth_annotation (PeithoDocument *doc,
                guint           n)
{
  g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (peitho_document_get_annotations (doc), n);

  g_assert_nonnull (annotation);
  return annotation;  /* the document holds a reference */
}

static char *
annotated_text (PeithoDocument   *doc,
                PeithoAnnotation *annotation)
{
  return peitho_document_dup_slice (doc, peitho_annotation_get_start (annotation),
                                    peitho_annotation_get_end (annotation));
}

static void
assert_round_trip (PeithoDocument *doc)
{
  for (guint form = PEITHO_TEI_STANDOFF; form <= PEITHO_TEI_INLINE; form++)
    {
      g_autoptr(GBytes) bytes = tei_test_write (doc, form);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(PeithoDocument) back = NULL;

      tei_assert_valid (bytes);
      back = tei_test_read (bytes, problems);
      g_assert_cmpuint (problems->len, ==, 0);
      peitho_test_assert_same_document (doc, back);
    }
}

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("PEITHO_SOURCE_ROOT"), "..", "shared", "tei",
                           "example-annotated.xml", NULL);
}

static void
test_validator (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length;
  static const char invalid[] =
    TEI_OPEN "<teiHeader><fileDesc><titleStmt><title/></titleStmt></fileDesc></teiHeader>"
    "<text><body><p><bogus/></p></body></text></TEI>";

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (tei_validate_data (contents, length, &message));
  g_clear_pointer (&message, g_free);

  /* The validator can fail. */
  g_assert_false (tei_validate_data (invalid, sizeof invalid - 1, &message));
  g_assert_nonnull (strstr (message, "bogus"));
  g_clear_pointer (&message, g_free);
  g_assert_false (tei_validate_data ("<TEI", 4, &message));

  if (tei_validate_compile_seconds () > 0)
    g_test_message ("tei_all.rng compiled by libxml2 in %.1f s", tei_validate_compile_seconds ());
  else
    g_test_message ("tei_all.rng compiled once for the test run, by tei-validate --serve");
}

static void
test_read_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = peitho_tei_read_file (file, PEITHO_READ_STRICT, problems, NULL, &error);
  PeithoTagSet *tag_set;
  PeithoTag *metaphor;
  PeithoAnnotation *a;
  g_autofree char *slice = NULL;
  g_autoptr(PeithoRelation) relation = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "A lamp is a small sun for the poor.\n\nEvery house has one.");
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 2);
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "On Lamps");
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "Example Author");
  g_assert_cmpstr (peitho_document_get_source (doc), ==, "Example source, 2026.");
  g_assert_cmpstr (peitho_annotator_get_name (peitho_document_lookup_annotator (doc, "ann-tom")), ==, "Tom");

  tag_set = peitho_document_get_tag_set (doc);
  g_assert_cmpuint (peitho_tag_set_get_n_groups (tag_set), ==, 2);
  g_assert_cmpstr (peitho_tag_group_get_label (peitho_tag_set_get_group (tag_set, 0)), ==, "Tropes");
  metaphor = peitho_tag_set_lookup_tag (tag_set, "metaphor");
  g_assert_nonnull (metaphor);
  g_assert_cmpstr (peitho_tag_get_label (metaphor), ==, "Metaphor");
  g_assert_cmpstr (peitho_tag_get_definition (metaphor), ==, "speaking of one thing in terms of another.");
  g_assert_cmpstr (peitho_tag_get_color (metaphor), ==, "#f6d32d");
  g_assert_cmpstr (peitho_tag_get_group_id (metaphor), ==, "tropes");
  g_assert_null (peitho_tag_get_color (peitho_tag_set_lookup_tag (tag_set, "evidence")));

  g_assert_cmpuint (peitho_document_get_n_annotations (doc), ==, 3);
  a = peitho_document_lookup_annotation (doc, "a2");
  slice = annotated_text (doc, a);
  g_assert_cmpstr (slice, ==, "small sun");
  g_assert_cmpstr (peitho_annotation_get_tag_id (a), ==, "metaphor");
  g_assert_cmpstr (peitho_annotation_get_annotator_id (a), ==, "ann-tom");
  g_assert_cmpstr (peitho_annotation_get_note (a), ==, "sun = warmth");
  a = peitho_document_lookup_annotation (doc, "a1");
  g_assert_cmpuint (peitho_annotation_get_start (a), ==, 0);
  g_assert_cmpuint (peitho_annotation_get_end (a), ==, 35);

  g_assert_cmpuint (peitho_document_get_n_relations (doc), ==, 1);
  relation = g_list_model_get_item (peitho_document_get_relations (doc), 0);
  g_assert_cmpstr (peitho_relation_get_relation_type (relation), ==, "supports");
  g_assert_cmpstr (peitho_relation_get_from_id (relation), ==, "a3");
  g_assert_cmpstr (peitho_relation_get_to_id (relation), ==, "a1");
  g_assert_cmpuint (peitho_document_get_changes (doc)->len, ==, 1);

  assert_round_trip (doc);
}

static void
test_read_inline (void)
{
  static const char xml[] =
    SMALL_HEADER
    "<text><body><div><head>Head <seg ana=\"#x\">line</seg></head>\n"
    "<p>Hello <seg xml:id=\"s1\" ana=\"#x\" resp=\"#ann-a\">big <hi>bold</hi> "
    "<seg xml:id=\"s2\" ana=\"#y\">world<note>not text</note></seg></seg>!<!-- c --></p>\n"
    "<p><rs ana=\"#y\">Rome</rs> and <phr ana=\"x\">a phrase</phr>, line<lb/>break</p>\n"
    "</div></body></text></TEI>";
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_STRICT, problems, &error);
  PeithoAnnotation *a;
  g_autofree char *s1 = NULL, *s2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "Head line\n\nHello big bold world!\n\nRome and a phrase, line break");
  g_assert_cmpuint (peitho_document_get_n_annotations (doc), ==, 5);

  a = peitho_document_lookup_annotation (doc, "s1");
  s1 = annotated_text (doc, a);
  g_assert_cmpstr (s1, ==, "big bold world");
  g_assert_cmpstr (peitho_annotation_get_annotator_id (a), ==, "ann-a");
  s2 = annotated_text (doc, peitho_document_lookup_annotation (doc, "s2"));
  g_assert_cmpstr (s2, ==, "world");

  a = nth_annotation (doc, 0);
  g_assert_cmpuint (peitho_annotation_get_start (a), ==, 5);
  g_assert_cmpuint (peitho_annotation_get_end (a), ==, 9);

  assert_round_trip (doc);
}

static void
test_read_target_spans (void)
{
  static const char xml[] =
    SMALL_HEADER
    "<text><body>\n"
    "<p xml:id=\"p1\"><w xml:id=\"w1\">One</w> <w xml:id=\"w2\">two</w> three</p>\n"
    "<p xml:id=\"p2\">Four five.</p>\n"
    "</body></text>\n"
    "<standOff><spanGrp>\n"
    "<span xml:id=\"t1\" target=\"#w1 #w2\" ana=\"#x\"><note>a &amp; b</note></span>\n"
    "<span xml:id=\"t2\" target=\"#p2\" ana=\"#y\"/>\n"
    "<span xml:id=\"t3\" from=\"#w2\" to=\"#p2\" ana=\"#y\"/>\n"
    "</spanGrp>\n"
    "<listRelation><relation name=\"supports\" active=\"t1\" passive=\"#t2\"/></listRelation>\n"
    "</standOff></TEI>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_STRICT, NULL, &error);
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;
  PeithoAnnotation *a;

  g_assert_no_error (error);
  a = peitho_document_lookup_annotation (doc, "t1");
  t1 = annotated_text (doc, a);
  g_assert_cmpstr (t1, ==, "One two");
  g_assert_cmpstr (peitho_annotation_get_note (a), ==, "a & b");
  t2 = annotated_text (doc, peitho_document_lookup_annotation (doc, "t2"));
  g_assert_cmpstr (t2, ==, "Four five.");
  t3 = annotated_text (doc, peitho_document_lookup_annotation (doc, "t3"));
  g_assert_cmpstr (t3, ==, "two three\n\nFour five.");
  g_assert_cmpuint (peitho_document_get_n_relations (doc), ==, 1);

  assert_round_trip (doc);
}

/* Relations are read from every standOff, in document order; a relation of
 * the header (here between people) is the edition's, not an annotation's. */
static const char relations_where_xml[] =
  TEI_OPEN "\n"
  "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>\n"
  "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>\n"
  "</fileDesc><encodingDesc><classDecl><taxonomy>\n"
  "<category xml:id=\"x\"><catDesc><term>X</term></catDesc></category>\n"
  "</taxonomy></classDecl></encodingDesc>\n"
  "<profileDesc><particDesc><listPerson><person xml:id=\"pa\"><persName>A</persName></person>\n"
  "<person xml:id=\"pb\"><persName>B</persName></person>\n"
  "<listRelation><relation name=\"parent\" active=\"#pa\" passive=\"#pb\"/></listRelation>\n"
  "</listPerson></particDesc></profileDesc></teiHeader>\n"
  "<text><body>\n"
  "<p xml:id=\"p1\"><anchor xml:id=\"s1-s\"/>One<anchor xml:id=\"s1-e\"/> "
  "<anchor xml:id=\"s2-s\"/>two<anchor xml:id=\"s2-e\"/></p>\n"
  "</body></text>\n"
  "<standOff><spanGrp type=\"annotations\">\n"
  "<span xml:id=\"s1\" from=\"#s1-s\" to=\"#s1-e\" ana=\"#x\"/>\n"
  "<span xml:id=\"s2\" from=\"#s2-s\" to=\"#s2-e\" ana=\"#x\"/>\n"
  "</spanGrp><listRelation>\n"
  "<relation name=\"supports\" active=\"#s1\" passive=\"#s2\"/></listRelation></standOff>\n"
  "<standOff><listRelation><listRelation>\n"
  "<relation name=\"attacks\" active=\"#s2\" passive=\"#s1\"/></listRelation></listRelation>\n"
  "</standOff></TEI>";

static void
test_read_relations_where (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (relations_where_xml, PEITHO_READ_STRICT,
                                               NULL, &error);
  GListModel *relations;
  g_autoptr(PeithoRelation) first = NULL;
  g_autoptr(PeithoRelation) second = NULL;

  g_assert_no_error (error);
  relations = peitho_document_get_relations (doc);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  first = g_list_model_get_item (relations, 0);
  second = g_list_model_get_item (relations, 1);
  g_assert_cmpstr (peitho_relation_get_relation_type (first), ==, "supports");
  g_assert_cmpstr (peitho_relation_get_from_id (first), ==, "s1");
  g_assert_cmpstr (peitho_relation_get_relation_type (second), ==, "attacks");
  g_assert_cmpstr (peitho_relation_get_from_id (second), ==, "s2");
  /* The people's relation stays in the header, as it was. */
  g_assert_nonnull (strstr (peitho_document_get_header_xml (doc),
                            "<relation name=\"parent\" active=\"#pa\" passive=\"#pb\"/>"));
}

/* Lines: 12: text  13: p1  14: p2  15: /text  16: standOff
 *  17: unknown @ana  18: missing anchor  19: reversed  20: fine  21: /spanGrp
 *  22: relation to s2 (missing once s2 is left out)  23: a relation that is fine */
static const char problem_xml[] =
  SMALL_HEADER
  "<text><body>\n"
  "<p xml:id=\"p1\"><anchor xml:id=\"s1-s\"/>One <anchor xml:id=\"s2-s\"/>two<anchor xml:id=\"s1-e\"/></p>\n"
  "<p xml:id=\"p2\"><anchor xml:id=\"s3-e\"/>three <anchor xml:id=\"s3-s\"/>four<anchor xml:id=\"s2-e\"/></p>\n"
  "</body></text>\n"
  "<standOff><spanGrp type=\"annotations\">\n"
  "<span xml:id=\"s1\" from=\"#s1-s\" to=\"#s1-e\" ana=\"#nope\"/>\n"
  "<span xml:id=\"s2\" from=\"#s2-s\" to=\"#gone\" ana=\"#x\"/>\n"
  "<span xml:id=\"s3\" from=\"#s3-s\" to=\"#s3-e\" ana=\"#x\"/>\n"
  "<span xml:id=\"s4\" from=\"#s2-s\" to=\"#s2-e\" ana=\"#y\"/>\n"
  "</spanGrp><listRelation>\n"
  "<relation name=\"attacks\" active=\"#s4\" passive=\"#s2\"/>\n"
  "<relation name=\"supports\" active=\"#s4\" passive=\"#s1\"/></listRelation>\n"
  "</standOff></TEI>";

static gboolean
has_problem (GPtrArray  *problems,
             const char *prefix,
             const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], prefix) && strstr (problems->pdata[i], needle))
      return TRUE;
  return FALSE;
}

static void
test_read_problems (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (problem_xml, PEITHO_READ_DEFAULT, problems, &error);
  PeithoTag *nope;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);

  g_assert_true (has_problem (problems, "test.xml:17:", "nope"));
  g_assert_true (has_problem (problems, "test.xml:18:", "s2"));
  g_assert_true (has_problem (problems, "test.xml:19:", "s3"));
  g_assert_true (has_problem (problems, "test.xml:22:", "s2"));
  g_assert_cmpuint (problems->len, ==, 4);

  /* The unknown category is kept, in its own group. */
  nope = peitho_tag_set_lookup_tag (peitho_document_get_tag_set (doc), "nope");
  g_assert_nonnull (nope);
  g_assert_cmpstr (peitho_tag_get_group_id (nope), ==, "unknown-tags");
  g_assert_nonnull (peitho_document_lookup_annotation (doc, "s1"));
  g_assert_null (peitho_document_lookup_annotation (doc, "s2"));
  g_assert_null (peitho_document_lookup_annotation (doc, "s3"));
  g_assert_cmpuint (peitho_document_get_n_annotations (doc), ==, 2);
  g_assert_cmpuint (peitho_document_get_n_relations (doc), ==, 1);

  assert_round_trip (doc);
}

static void
test_read_strict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (problem_xml, PEITHO_READ_STRICT, NULL, &error);
  g_autofree char *fixed = NULL;
  GString *s;

  /* Each problem is an error; fix them one at a time. */
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:18:"));
  g_clear_error (&error);

  s = g_string_new (problem_xml);
  g_string_replace (s, "to=\"#gone\"", "to=\"#s2-e\"", 1);
  doc = read_string (s->str, PEITHO_READ_STRICT, NULL, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:19:"));
  g_clear_error (&error);

  g_string_replace (s, "from=\"#s3-s\" to=\"#s3-e\"", "from=\"#s3-e\" to=\"#s3-s\"", 1);
  doc = read_string (s->str, PEITHO_READ_STRICT, NULL, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:17:"));
  g_clear_error (&error);

  g_string_replace (s, "ana=\"#nope\"", "ana=\"#x\"", 1);
  fixed = g_strdup (s->str);
  doc = read_string (fixed, PEITHO_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_annotations (doc), ==, 4);
  g_assert_cmpuint (peitho_document_get_n_relations (doc), ==, 2);
  g_clear_object (&doc);

  g_string_replace (s, "passive=\"#s1\"", "passive=\"#zz\"", 1);
  doc = read_string (s->str, PEITHO_READ_STRICT, NULL, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:23:"));
  g_clear_error (&error);

  g_string_assign (s, fixed);
  g_string_replace (s, "<p xml:id=\"p2\">", "<p xml:id=\"p1\">", 1);
  doc = read_string (s->str, PEITHO_READ_STRICT, NULL, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:14:"));
  g_clear_error (&error);
  g_string_free (s, TRUE);
}

static void
test_read_hostile (void)
{
  static const struct {
    const char *xml;
    int         code;
    const char *needle;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n" TEI_OPEN "\n<teiHeader>\n</TEI>", PEITHO_ERROR_MALFORMED, "test.xml:4:" },
    { "<!DOCTYPE TEI [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n" TEI_OPEN "<text><body><p>&c;</p></body></text></TEI>",
      PEITHO_ERROR_MALFORMED, "entity" },
    { "<!DOCTYPE TEI [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n" TEI_OPEN
      "<text><body><p>&xxe;</p></body></text></TEI>", PEITHO_ERROR_MALFORMED, "entity" },
    { TEI_OPEN "<text><body><p>&undeclared;</p></body></text></TEI>", PEITHO_ERROR_MALFORMED, "test.xml:1:" },
    { "<html><body/></html>", PEITHO_ERROR_NOT_TEI, "not a TEI document" },
    { "<TEI><text/></TEI>", PEITHO_ERROR_NOT_TEI, "namespace" },
    { "", PEITHO_ERROR_MALFORMED, "test.xml: the file is empty" },
    { "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text>\n<body>\x01</body></text></TEI>", PEITHO_ERROR_MALFORMED, "test.xml:2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeithoDocument) doc = read_string (cases[i].xml, PEITHO_READ_DEFAULT, NULL, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (doc);
      g_assert_error (error, PEITHO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

static const char foreign_header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
  "  <teiHeader xml:lang=\"en\">\n"
  "    <fileDesc>\n"
  "      <titleStmt>\n"
  "        <title type=\"main\">Old <hi rend=\"italic\">title</hi></title>\n"
  "        <!-- a comment in the titleStmt -->\n"
  "        <editor>Ed Itor</editor>\n"
  "      </titleStmt>\n"
  "      <editionStmt><p>Second edition</p></editionStmt>\n"
  "      <publicationStmt><publisher>Someone</publisher><date when=\"2020\">2020</date></publicationStmt>\n"
  "      <notesStmt><note>Keep   me  exactly</note></notesStmt>\n"
  "      <sourceDesc><bibl><author>A</author>, <title>Book</title></bibl></sourceDesc>\n"
  "    </fileDesc>\n"
  "    <encodingDesc>\n"
  "      <projectDesc><p>Project <emph>description</emph>.</p></projectDesc>\n"
  "      <tagsDecl><rendition xml:id=\"r-keep\" scheme=\"css\">font-weight: bold;</rendition></tagsDecl>\n"
  "    </encodingDesc>\n"
  "    <profileDesc>\n"
  "      <langUsage><language ident=\"en\">English</language></langUsage>\n"
  "    </profileDesc>\n"
  "    <xenoData><dc:rights>CC-BY</dc:rights></xenoData>\n"
  "    <?peitho-test keep this PI?>\n"
  "  </teiHeader>\n"
  "  <text><body><p>Some text here.</p></body></text>\n"
  "</TEI>\n";

static void
test_header_preserved (void)
{
  static const char * const kept[] = {
    "<!-- a comment in the titleStmt -->",
    "<editor>Ed Itor</editor>",
    "<editionStmt><p>Second edition</p></editionStmt>",
    "<publicationStmt><publisher>Someone</publisher><date when=\"2020\">2020</date></publicationStmt>",
    "<notesStmt><note>Keep   me  exactly</note></notesStmt>",
    "<projectDesc><p>Project <emph>description</emph>.</p></projectDesc>",
    "<rendition xml:id=\"r-keep\" scheme=\"css\">font-weight: bold;</rendition>",
    "<langUsage><language ident=\"en\">English</language></langUsage>",
    "<dc:rights",
    "CC-BY</dc:rights></xenoData>",
    "<?peitho-test keep this PI?>",
    "xml:lang=\"en\">",
    "<title type=\"main\">Old <hi rend=\"italic\">title</hi></title>",
    "<bibl><author>A</author>, <title>Book</title></bibl>",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = read_string (foreign_header, PEITHO_READ_STRICT, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoDocument) back = NULL;
  g_autofree char *text = NULL;
  const char *last = NULL;
  g_autoptr(PeithoAnnotation) annotation = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "Old title");
  g_assert_cmpstr (peitho_document_get_source (doc), ==, "A, Book");

  /* Unchanged metadata keeps its markup; Peitho's additions go in. */
  peitho_document_ensure_annotator (doc, "Mara");
  annotation = peitho_annotation_new (NULL, 0, 4, "new-tag", "ann-mara", NULL, NULL);
  {
    g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("tags", NULL);
    g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("grp", "Group", NULL);
    g_autoptr(PeithoTag) tag = peitho_tag_new ("new-tag", "New", NULL, NULL, "#123456");

    g_assert_true (peitho_tag_set_add_group (set, group, -1, NULL));
    g_assert_true (peitho_tag_set_add_tag (set, "grp", tag, -1, NULL));
    g_assert_true (peitho_document_set_tag_set (doc, set, NULL));
  }
  g_assert_true (peitho_document_add_annotation (doc, annotation, NULL));
  peitho_document_set_date (doc, "10 June 1939");

  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_valid (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      const char *at = strstr (text, kept[i]);

      if (at == NULL)
        g_error ("lost from the header: %s", kept[i]);
      /* In the original order (the last two are checked for presence). */
      if (i < 11)
        {
          g_assert_true (last == NULL || at > last);
          last = at;
        }
    }
  g_assert_nonnull (strstr (text, "<date when=\"1939-06-10\">10 June 1939</date>"));
  g_assert_nonnull (strstr (text, "<persName>Mara</persName>"));

  back = tei_test_read (bytes, NULL);
  peitho_test_assert_same_document (doc, back);

  /* A changed title replaces the old one. */
  peitho_document_set_title (doc, "New title");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_valid (bytes);
  g_clear_pointer (&text, g_free);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<title type=\"main\">New title</title>"));
  g_assert_nonnull (strstr (text, "<editor>Ed Itor</editor>"));
}

static PeithoDocument *
small_document (const char *text)
{
  PeithoDocument *doc = peitho_document_new ();
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("tags", NULL);
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("grp", "Group", NULL);
  g_autoptr(PeithoTag) tag = peitho_tag_new ("tg", "Tag", NULL, NULL, "#123456");
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_assert_true (peitho_document_append_paragraph (doc, paragraphs[i], -1, NULL, NULL));
  g_assert_true (peitho_tag_set_add_group (set, group, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "grp", tag, -1, NULL));
  g_assert_true (peitho_document_set_tag_set (doc, set, NULL));
  return doc;
}

static void
add (PeithoDocument *doc,
     const char     *id,
     gsize           start,
     gsize           end,
     const char     *note)
{
  g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (id, start, end, "tg", NULL, note, NULL);
  g_autoptr(GError) error = NULL;

  peitho_document_add_annotation (doc, annotation, &error);
  g_assert_no_error (error);
}

static void
test_write_same_offset (void)
{
  g_autoptr(PeithoDocument) doc = small_document ("abcdef\n\nghi");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  add (doc, "outer", 0, 6, NULL);
  add (doc, "left", 0, 3, NULL);
  add (doc, "left2", 0, 3, NULL);
  add (doc, "right", 3, 6, NULL);
  add (doc, "cross", 3, 11, NULL);

  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_valid (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text,
    "<p xml:id=\"p1\"><anchor xml:id=\"outer-s\"/><anchor xml:id=\"left-s\"/><anchor xml:id=\"left2-s\"/>abc"
    "<anchor xml:id=\"left2-e\"/><anchor xml:id=\"left-e\"/><anchor xml:id=\"cross-s\"/>"
    "<anchor xml:id=\"right-s\"/>def<anchor xml:id=\"right-e\"/><anchor xml:id=\"outer-e\"/></p>"));
  g_assert_nonnull (strstr (text, "<p xml:id=\"p2\">ghi<anchor xml:id=\"cross-e\"/></p>"));

  /* Inline: the nested ones become seg, the crossing one stays standOff. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  bytes = tei_test_write (doc, PEITHO_TEI_INLINE);
  tei_assert_valid (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text,
    "<p xml:id=\"p1\"><seg xml:id=\"outer\" ana=\"#tg\"><seg xml:id=\"left\" ana=\"#tg\">"
    "<seg xml:id=\"left2\" ana=\"#tg\">abc</seg></seg><anchor xml:id=\"cross-s\"/>"
    "<seg xml:id=\"right\" ana=\"#tg\">def</seg></seg></p>"));

  assert_round_trip (doc);
}

static void
test_write_special_characters (void)
{
  g_autoptr(PeithoDocument) doc = small_document ("a\rb <&> \"q\" 'a'\n\n  lead\tand trail  ");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  add (doc, "n1", 0, 3, "note\r\nwith <b> & \"q\"");
  add (doc, "n2", 1, 4, "  spaced  ");
  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "&#13;b"));
  g_assert_nonnull (strstr (text, "&lt;&amp;&gt; \"q\" 'a'"));
  g_assert_null (strstr (text, "\r"));
  assert_round_trip (doc);
}

static void
test_tag_set_file (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new_default ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoTagSet) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (set);
  g_autoptr(GPtrArray) back_tags = NULL;

  bytes = peitho_tei_write_tag_set_bytes (set, &error);
  g_assert_no_error (error);
  tei_assert_valid (bytes);
  back = peitho_tei_read_tag_set_bytes (bytes, "tags.xml", &error);
  g_assert_no_error (error);
  back_tags = peitho_tag_set_dup_tags (back);
  g_assert_cmpuint (tags->len, ==, back_tags->len);
  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), ==, peitho_tag_set_get_n_groups (back));
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *a = tags->pdata[i], *b = back_tags->pdata[i];

      g_assert_cmpstr (peitho_tag_get_id (a), ==, peitho_tag_get_id (b));
      g_assert_cmpstr (peitho_tag_get_label (a), ==, peitho_tag_get_label (b));
      g_assert_cmpstr (peitho_tag_get_definition (a), ==, peitho_tag_get_definition (b));
      g_assert_cmpstr (peitho_tag_get_example (a), ==, peitho_tag_get_example (b));
      g_assert_cmpstr (peitho_tag_get_color (a), ==, peitho_tag_get_color (b));
      g_assert_cmpstr (peitho_tag_get_group_id (a), ==, peitho_tag_get_group_id (b));
    }
  g_test_message ("default tag set: %u tags in %u groups", tags->len,
                  peitho_tag_set_get_n_groups (set));

  /* A file without a taxonomy. */
  g_clear_pointer (&back, g_object_unref);
  {
    static const char none[] = TEI_OPEN "<text><body><p>x</p></body></text></TEI>";
    g_autoptr(GBytes) nothing = g_bytes_new_static (none, sizeof none - 1);

    back = peitho_tei_read_tag_set_bytes (nothing, "none.xml", &error);
    g_assert_null (back);
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  }
}

static void
test_write_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-tei-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.xml", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "doc.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(PeithoDocument) doc = small_document ("First.");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *old = NULL;

  g_assert_true (peitho_tei_write_file (doc, file, PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  add (doc, "x1", 0, 5, NULL);
  g_assert_true (peitho_tei_write_file (doc, file, PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, first);
  g_assert_nonnull (strstr (second, "x1-s"));

  g_assert_false (peitho_tei_write_file (doc, bad, PEITHO_TEI_STANDOFF, FALSE, NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_test_message ("%s", error->message);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_save_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-io-XXXXXX", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "plain.txt", NULL);
  g_autofree char *bin_path = g_build_filename (dir, "binary.dat", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "saved.xml", NULL);
  g_autofree char *backup = g_strconcat (xml_path, "~", NULL);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GFile) bin = g_file_new_for_path (bin_path);
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PeithoDocument) doc = NULL;
  g_autoptr(PeithoDocument) back = NULL;

  g_assert_true (g_file_set_contents (txt_path, "Plain <not xml> text\n\nTwo.", -1, NULL));
  g_assert_true (g_file_set_contents_full (bin_path, "abc\0def", 7, 0, 0644, NULL));

  /* Text that does not start with '<' is imported as text. */
  peitho_document_load_file_async (txt, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  doc = peitho_document_load_file_finish (result, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 2);
  g_assert_nonnull (problems);
  g_clear_object (&result);

  {
    g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (NULL, 0, 5, "metaphor", NULL,
                                                                    "a note", NULL);
    g_assert_true (peitho_document_add_annotation (doc, annotation, &error));
  }
  peitho_document_save_file_async (doc, xml, PEITHO_TEI_STANDOFF, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (peitho_document_save_file_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Saving again keeps a backup. */
  peitho_document_save_file_async (doc, xml, PEITHO_TEI_STANDOFF, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (peitho_document_save_file_finish (result, &error));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_object (&result);

  /* TEI is sniffed from the content. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = g_ptr_array_new_with_free_func (g_free);
  back = peitho_document_load_file (xml, problems, NULL, &error);
  g_assert_no_error (error);
  peitho_test_assert_same_document (doc, back);

  g_assert_null (peitho_document_load_file (bin, NULL, NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, bin_path));
  g_test_message ("%s", error->message);

  g_unlink (txt_path);
  g_unlink (bin_path);
  g_unlink (xml_path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_corpus_essay (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                            "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = peitho_text_import_file (file, NULL, NULL, &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) blocks = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoDocument) back = NULL;
  guint n_blocks = 0;
  g_autofree char *header = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "Toward a Balance Sheet of the Purges");
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "Leon Trotsky");
  g_assert_cmpstr (peitho_document_get_date (doc), ==, "June 10, 1939");
  g_assert_true (g_str_has_prefix (peitho_document_get_source (doc),
                                   "Writings of Leon Trotsky, Vol 11, "));
  g_assert_false (g_str_has_suffix (peitho_document_get_source (doc), "]"));
  g_assert_true (g_str_has_prefix (peitho_document_get_text (doc), "Walter Duranty,"));

  /* The expected text: the file's blocks after the five of front matter. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  blocks = g_regex_split_simple ("\\n[ \\t]*\\n[\\s]*", contents, 0, 0);
  for (guint i = 0; blocks[i] != NULL; i++)
    {
      g_autofree char *block = g_strdup (blocks[i]);

      if (*g_strstrip (block) == '\0')
        continue;
      n_blocks++;
      if (n_blocks <= 5)
        continue;
      if (expected->len > 0)
        g_string_append (expected, "\n\n");
      g_string_append (expected, g_str_has_suffix (blocks[i], "\n")
                                 ? block : blocks[i]);
    }
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, n_blocks - 5);
  g_assert_cmpstr (peitho_document_get_text (doc), ==, expected->str);
  g_test_message ("corpus essay: %u paragraphs, %" G_GSIZE_FORMAT " characters",
                  peitho_document_get_n_paragraphs (doc), peitho_document_get_length (doc));

  header = g_strdup (peitho_document_get_header_xml (doc));
  g_assert_nonnull (strstr (header, "Leon Trotsky &gt; 1939 &gt; "));
  g_assert_nonnull (strstr (header, "Leon Trotsky 19390610 Toward a Balance Sheet of the Purges"));

  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_valid (bytes);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (text, "<date when=\"1939-06-10\">June 10, 1939</date>"));
    g_assert_nonnull (strstr (text, "<note type=\"breadcrumb\">Leon Trotsky &gt; 1939 &gt; </note>"));
  }
  back = tei_test_read (bytes, NULL);
  peitho_test_assert_same_document (doc, back);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/validator", test_validator);
  g_test_add_func ("/tei/read/example", test_read_example);
  g_test_add_func ("/tei/read/inline", test_read_inline);
  g_test_add_func ("/tei/read/target-spans", test_read_target_spans);
  g_test_add_func ("/tei/read/relations-where", test_read_relations_where);
  g_test_add_func ("/tei/read/problems", test_read_problems);
  g_test_add_func ("/tei/read/strict", test_read_strict);
  g_test_add_func ("/tei/read/hostile", test_read_hostile);
  g_test_add_func ("/tei/header/preserved", test_header_preserved);
  g_test_add_func ("/tei/write/same-offset", test_write_same_offset);
  g_test_add_func ("/tei/write/special-characters", test_write_special_characters);
  g_test_add_func ("/tei/tag-set/file", test_tag_set_file);
  g_test_add_func ("/tei/write/file", test_write_file);
  g_test_add_func ("/tei/io/load-save-async", test_load_save_async);
  g_test_add_func ("/tei/import/corpus", test_corpus_essay);

  return g_test_run ();
}
