/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Editions as a property: random TEI (nested divisions, speeches, stanzas,
 * inline markup, comments, processing instructions, xml:space, elements of
 * other namespaces, the edition's own anchors and standOff), annotated at
 * random, saved, checked for preservation, read back and saved again. Also
 * the small cases: choice, app, notes, w/pc, teiCorpus. */

#include <string.h>

#include "tei-preserve.h"
#include "tei-test-util.h"
#include "tei-validate.h"

static const char * const words[] = {
  "Friends", "Romans", "countrymen", "lend", "me", "your", "ears", "Ü̈ber", "naïve", "שלום",
  "日本語", "🎭", "&amp;", "&lt;tag&gt;", "a", "I", "’tis", "—", "x&#233;y",
};

static void
add_space (GString *out)
{
  static const char * const spaces[] = { " ", "  ", "\n      ", "\t", " \n " };

  g_string_append (out, spaces[g_test_rand_int_range (0, G_N_ELEMENTS (spaces))]);
}

static void
add_words (GString *out,
           guint    max)
{
  guint n = g_test_rand_int_range (1, max + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 || g_test_rand_bit ())
        add_space (out);
      g_string_append (out, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
    }
  if (g_test_rand_bit ())
    add_space (out);
}

static guint anchor_counter;

static void
add_inline (GString *out,
            guint    depth)
{
  guint n = g_test_rand_int_range (1, 6);

  for (guint i = 0; i < n; i++)
    {
      switch (g_test_rand_int_range (0, depth > 2 ? 1 : 15))
        {
        case 0:
        case 1:
        case 2:
          add_words (out, 4);
          break;
        case 3:
          g_string_append (out, "<hi rend=\"italic\">");
          add_inline (out, depth + 1);
          g_string_append (out, "</hi>");
          break;
        case 4:
          g_string_append (out, "<choice><sic>teh</sic><corr>the</corr></choice>");
          break;
        case 5:
          g_string_append (out, "<note place=\"foot\">a note <hi>with</hi> markup</note>");
          break;
        case 6:
          g_string_append (out, g_test_rand_bit () ? "<lb/>" : "<lb break=\"no\"/>");
          break;
        case 7:
          g_string_append (out, "<!-- a comment -->");
          break;
        case 8:
          g_string_append (out, "<?editor check this?>");
          break;
        case 9:
          g_string_append (out, "<ex:mark ex:kind=\"k\">");
          add_words (out, 2);
          g_string_append (out, "</ex:mark>");
          break;
        case 10:
          g_string_append (out, "<seg xml:space=\"preserve\">  kept   as  is ");
          g_string_append (out, "</seg>");
          break;
        case 11:
          g_string_append (out, "<w lemma=\"a\">word</w> <pc>,</pc>\n <w join=\"right\">pre</w><w>fix</w>");
          break;
        case 12:
          g_string_append_printf (out, "<anchor xml:id=\"ed-%u\"/>", ++anchor_counter);
          break;
        case 13:
          g_string_append (out, "<del rend=\"strikethrough\">gone</del>");
          break;
        default:
          g_string_append (out, "<emph>");
          add_words (out, 2);
          g_string_append (out, "</emph><pb n=\"7\"/>");
          break;
        }
    }
}

static void
add_block (GString *out,
           guint    depth);

static void
add_speech (GString *out)
{
  guint n = g_test_rand_int_range (1, 4);

  g_string_append (out, "\n<sp who=\"#a\">\n  <speaker>");
  add_words (out, 2);
  g_string_append (out, "</speaker>");
  for (guint i = 0; i < n; i++)
    {
      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          g_string_append (out, "\n  <p>");
          add_inline (out, 1);
          g_string_append (out, "</p>");
          break;
        case 1:
          g_string_append (out, "\n  <stage>");
          add_words (out, 3);
          g_string_append (out, "</stage>");
          break;
        default:
          g_string_append_printf (out, "\n  <l n=\"%u\">", i + 1);
          add_inline (out, 1);
          g_string_append (out, "</l>");
          break;
        }
    }
  g_string_append (out, "\n</sp>");
}

static void
add_block (GString *out,
           guint    depth)
{
  switch (g_test_rand_int_range (0, depth > 2 ? 5 : 7))
    {
    case 0:
      g_string_append (out, "\n<p>");
      add_inline (out, 0);
      g_string_append (out, "</p>");
      break;
    case 1:
      add_speech (out);
      break;
    case 2:
      g_string_append (out, "\n<lg type=\"stanza\">");
      for (guint i = g_test_rand_int_range (1, 4); i > 0; i--)
        {
          g_string_append (out, "\n  <l>");
          add_inline (out, 1);
          g_string_append (out, "</l>");
        }
      g_string_append (out, "\n</lg>");
      break;
    case 3:
      g_string_append (out, g_test_rand_bit () ? "\n<!-- between blocks -->" : "\n<?pi between?>");
      break;
    case 4:
      g_string_append (out, "\n<stage>");
      add_inline (out, 1);
      g_string_append (out, "</stage>");
      break;
    default:
      g_string_append_printf (out, "\n<div type=\"scene\" n=\"%u\">\n<head>", depth);
      add_words (out, 3);
      g_string_append (out, "</head>");
      for (guint i = g_test_rand_int_range (1, 5); i > 0; i--)
        add_block (out, depth + 1);
      g_string_append (out, "\n</div>");
      break;
    }
}

static GBytes *
random_edition (void)
{
  GString *out = g_string_new (NULL);

  anchor_counter = 0;
  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<?xml-model href=\"tei_all.rng\" type=\"application/xml\"?>\n"
    "<!-- before the root -->\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:ex=\"http://example.org/ns\" "
    "xml:id=\"root-id\" xml:lang=\"en\" ex:extra=\"kept\">\n"
    "  <teiHeader>\n"
    "    <fileDesc>\n"
    "      <titleStmt>\n"
    "        <title>A Play</title>\n"
    "        <author><persName><forename>Ann</forename> <surname>Author</surname></persName>"
    "<idno type=\"wikidata\">Q1</idno></author>\n"
    "        <respStmt><resp>edited by</resp><name xml:id=\"ed1\">Ed</name></respStmt>\n"
    "      </titleStmt>\n"
    "      <publicationStmt><p>Somewhere</p></publicationStmt>\n"
    "      <sourceDesc><p>Nowhere</p></sourceDesc>\n"
    "    </fileDesc>\n"
    "    <revisionDesc>\n"
    "      <change when=\"1992\" who=\"Lisa Cerrato\">keyed</change>\n"
    "    </revisionDesc>\n"
    "  </teiHeader>\n"
    "  <standOff>\n"
    "    <listRelation><relation name=\"sameAs\" active=\"#a\" "
    "passive=\"http://www.wikidata.org/entity/Q1\"/></listRelation>\n"
    "  </standOff>\n"
    "  <text>\n"
    "    <body>");
  for (guint i = g_test_rand_int_range (1, 6); i > 0; i--)
    add_block (out, 0);
  g_string_append (out, "\n<p>The end.</p>\n    </body>\n  </text>\n</TEI>\n<!-- after the root -->\n");
  return g_string_free_to_bytes (out);
}

static PeithoDocument *
read_clean (GBytes *bytes)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  PeithoDocument *doc = tei_test_read (bytes, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  return doc;
}

static void
test_random_editions (void)
{
  guint n = g_test_thorough () ? 500 : 60;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) original = random_edition ();
      g_autoptr(PeithoDocument) doc = read_clean (original);
      g_autoptr(PeithoDocument) back = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) again = NULL;

      g_assert_cmpstr (peitho_document_get_author (doc), ==, "Ann Author");
      g_assert_null (strstr (peitho_document_get_text (doc), "a note"));
      g_assert_null (strstr (peitho_document_get_text (doc), "teh"));
      if (peitho_document_get_length (doc) > 2)
        tei_add_random_annotations (doc, g_test_rand_int_range (1, 25));

      saved = tei_test_write (doc, g_test_rand_bit () ? PEITHO_TEI_STANDOFF : PEITHO_TEI_INLINE);
      tei_assert_preserved (original, saved);
      back = read_clean (saved);
      peitho_test_assert_same_document (doc, back);
      again = tei_test_write (back, PEITHO_TEI_STANDOFF);
      g_assert_true (g_bytes_equal (saved, again));
      if (g_test_failed ())
        {
          g_test_message ("input:\n%s", (const char *) g_bytes_get_data (original, NULL));
          return;
        }
    }
}

#define HEADER \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title>" \
  "</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>" \
  "</fileDesc></teiHeader>"

static PeithoDocument *
read_string (const char *xml,
             PeithoReadFlags flags)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  PeithoTeiReadOptions options = PEITHO_TEI_READ_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  PeithoDocument *doc;

  options.flags = flags;
  doc = peitho_tei_read_bytes_with_options (bytes, "test.xml", &options, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static void
test_readings (void)
{
  static const char xml[] = HEADER
    "<text><body><p>C. <choice><abbr>Gaius</abbr><expan>Gaius</expan></choice> "
    "<choice><orig>scutching</orig><reg>scutehing</reg></choice> "
    "<app><lem>lemma</lem><rdg wit=\"#b\">reading</rdg></app>"
    "<note>out</note> end<gap reason=\"illegible\"/>.</p>\n"
    "<p><w>Hello</w>\n<pc>,</pc>\n<w>world</w>\n<pc>!</pc> <pc>(</pc><w>aside</w><pc>)</pc> "
    "<del>struck</del></p></body></text></TEI>";
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_DEFAULT);
  g_autoptr(PeithoDocument) original = read_string (xml, PEITHO_READ_ORIGINAL_READINGS);
  g_autoptr(GPtrArray) marks = NULL;
  gboolean alternative = FALSE, note = FALSE, gap = FALSE, struck = FALSE;

  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "C. Gaius scutehing lemma end.\n\nHello, world! (aside) struck");
  g_assert_cmpstr (peitho_document_get_text (original), ==,
                   "C. Gaius scutching lemma end.\n\nHello, world! (aside) struck");

  marks = peitho_document_get_marks_in_range (doc, 0, peitho_document_get_length (doc));
  for (guint i = 0; i < marks->len; i++)
    {
      const PeithoMark *mark = g_ptr_array_index (marks, i);

      if (mark->kind == PEITHO_MARK_ALTERNATIVE && g_strcmp0 (mark->value, "scutching") == 0)
        {
          g_autofree char *reading = peitho_document_dup_slice (doc, mark->start, mark->end);

          g_assert_cmpstr (reading, ==, "scutehing");
          alternative = TRUE;
        }
      note |= mark->kind == PEITHO_MARK_NOTE && g_strcmp0 (mark->value, "out") == 0;
      gap |= mark->kind == PEITHO_MARK_GAP && g_strcmp0 (mark->value, "illegible") == 0;
      struck |= mark->kind == PEITHO_MARK_STRUCK;
    }
  g_assert_true (alternative);
  g_assert_true (note);
  g_assert_true (gap);
  g_assert_true (struck);
}

static void
test_lines (void)
{
  static const char xml[] = HEADER
    "<text><front><castList><castItem><role>A</role>, a man</castItem></castList></front>"
    "<body><div type=\"act\" n=\"1\"><head>Act 1</head>\n"
    "  <div type=\"scene\" n=\"2\">\n"
    "    <sp who=\"#a\"><speaker>A</speaker>\n"
    "      <l n=\"1\">One line</l>\n      <stage>aside</stage>\n      <l n=\"2\">two</l></sp>\n"
    "    <sp><speaker>B</speaker><p>Prose.</p></sp>\n"
    "    <lg><l>s1 l1</l><l>s1 l2</l></lg><lg><l>s2 l1</l></lg>\n"
    "  </div></div>\n"
    "<div><u who=\"#x\">spoken words</u></div></body>"
    "<back><group><text><body><p>Grouped text</p></body></text></group></back></text></TEI>";
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_DEFAULT);
  const PeithoOutlineEntry *entry;

  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "A, a man\n\nAct 1\n\nA\nOne line\naside\ntwo\n\nB\nProse.\n\n"
                   "s1 l1\ns1 l2\n\ns2 l1\n\nspoken words\n\nGrouped text");
  g_assert_cmpuint (peitho_document_get_block_break (doc, 2), ==, PEITHO_BLOCK_BREAK_PARAGRAPH);
  g_assert_cmpuint (peitho_document_get_block_break (doc, 3), ==, PEITHO_BLOCK_BREAK_LINE);
  g_assert_cmpuint (peitho_document_get_n_outline_entries (doc), ==, 2);
  entry = peitho_document_get_outline_entry (doc, 0);
  g_assert_cmpstr (entry->label, ==, "Act 1");
  g_assert_cmpuint (entry->level, ==, 1);
  entry = peitho_document_get_outline_entry (doc, 1);
  g_assert_cmpstr (entry->label, ==, "scene 2");
  g_assert_cmpuint (entry->level, ==, 2);
  g_assert_cmpuint (entry->start, ==, g_utf8_strlen ("A, a man\n\nAct 1\n\n", -1));
}

static void
test_corpus (void)
{
  static const char xml[] =
    "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
    "<title>Corpus</title></titleStmt><publicationStmt><p>P</p></publicationStmt>"
    "<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>\n"
    HEADER "<text><body><p>First text.</p></body></text></TEI>\n"
    "<TEI><teiHeader><fileDesc><titleStmt><title>Second</title></titleStmt><publicationStmt>"
    "<p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>Second text.</p></body></text></TEI>\n</teiCorpus>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) titles = peitho_tei_list_corpus (bytes, "corpus.xml", &error);
  g_autoptr(PeithoDocument) all = NULL;
  g_autoptr(PeithoDocument) second = NULL;
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) saved = NULL;
  PeithoTeiReadOptions options = PEITHO_TEI_READ_OPTIONS_INIT;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (titles), ==, 2);
  g_assert_cmpstr (titles[0], ==, "T");
  g_assert_cmpstr (titles[1], ==, "Second");

  all = peitho_tei_read_bytes_with_options (bytes, "corpus.xml", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (all), ==, "First text.\n\nSecond text.");

  options.corpus_member = 1;
  second = peitho_tei_read_bytes_with_options (bytes, "corpus.xml", &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (second), ==, "Second text.");

  tei_add_random_annotations (all, 5);
  saved = tei_test_write (all, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (bytes, saved);
  back = read_clean (saved);
  peitho_test_assert_same_document (all, back);

  options.corpus_member = 2;
  g_assert_null (peitho_tei_read_bytes_with_options (bytes, "corpus.xml", &options, NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
}

static void
test_ids_never_collide (void)
{
  /* The edition already uses the ids Peitho would give first. */
  static const char xml[] = HEADER
    "<text><body><p xml:id=\"a1\">One <anchor xml:id=\"a2-s\"/>two</p>"
    "<p xml:id=\"r1\">three <seg xml:id=\"peitho-c1\">four</seg></p></body></text></TEI>";
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_DEFAULT);
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PeithoAnnotation) a = peitho_annotation_new (NULL, 0, 3, "irony", NULL, NULL, NULL);
  g_autoptr(PeithoAnnotation) b = peitho_annotation_new (NULL, 4, 12, "claim", NULL, NULL, NULL);
  g_autoptr(PeithoRelation) r = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_add_annotation (doc, a, &error));
  g_assert_true (peitho_document_add_annotation (doc, b, &error));
  g_assert_cmpstr (peitho_annotation_get_id (a), !=, "a1");
  r = peitho_relation_new (NULL, "supports", peitho_annotation_get_id (b),
                           peitho_annotation_get_id (a), NULL);
  g_assert_true (peitho_document_add_relation (doc, r, &error));
  g_assert_cmpstr (peitho_relation_get_id (r), !=, "r1");

  saved = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (bytes, saved);
  /* A duplicate id would be a problem on reading. */
  back = tei_test_read (saved, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  peitho_test_assert_same_document (doc, back);
}

/* The annotators come back in the order they were saved in, although the
 * reader meets them in another order: an edition's own respStmt that an
 * annotation names (Eve) and an @resp with no respStmt (ann-new), for which
 * Peitho writes a respStmt of its own on saving; either named first. Found
 * by the fuzzer (tests/fuzz/regressions/tei/roundtrip-unknown-annotator.xml). */
static void
test_annotator_order (void)
{
  static const char * const resps[][2] = { { "ann-new", "ann-eve" }, { "ann-eve", "ann-new" } };

  for (guint i = 0; i < G_N_ELEMENTS (resps); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title>"
        "<respStmt xml:id=\"ann-eve\"><resp>annotation</resp><persName>Eve</persName></respStmt>"
        "</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>"
        "</fileDesc></teiHeader>"
        "<text><body><lg><l><anchor xml:id=\"s1\"/>One<anchor xml:id=\"e1\"/> "
        "<anchor xml:id=\"s2\"/>two<anchor xml:id=\"e2\"/></l></lg></body></text>"
        "<standOff><spanGrp>"
        "<span from=\"#s1\" to=\"#e1\" ana=\"#irony\" resp=\"#%s\"/>"
        "<span from=\"#s2\" to=\"#e2\" ana=\"#claim\" resp=\"#%s\"/>"
        "</spanGrp></standOff></TEI>", resps[i][0], resps[i][1]);
      g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_DEFAULT);
      g_autoptr(PeithoDocument) back = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      GListModel *annotators = peitho_document_get_annotators (doc);
      g_autoptr(PeithoAnnotator) first = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 2);
      first = g_list_model_get_item (annotators, 0);
      /* The edition's own first, then the one only an @resp names. */
      g_assert_cmpstr (peitho_annotator_get_id (first), ==, "ann-eve");
      g_assert_cmpstr (peitho_annotator_get_name (first), ==, "Eve");

      saved = tei_test_write (doc, PEITHO_TEI_STANDOFF);
      back = tei_test_read (saved, problems);
      peitho_test_assert_same_document (doc, back);
    }
}

/* An edition with a taxonomy of its own, to whose group the reader adds a
 * tag and beside which it makes a group: the edition's taxonomy stays as it
 * is, Peitho's holds only the additions (pointing at the edition's group, no
 * id taken twice, valid), and reading it back gives the same tag set. Found
 * by the fuzzer (tests/fuzz/regressions/tei/roundtrip-edition-taxonomy.xml). */
static void
test_own_taxonomy (void)
{
  static const char xml[] =
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title>"
    "</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>"
    "</fileDesc><encodingDesc><classDecl><taxonomy xml:id=\"tx\">"
    "<category xml:id=\"g\"><catDesc>G</catDesc>"
    "<category xml:id=\"claim\"><catDesc><term>Claim</term></catDesc></category>"
    "<category><catDesc><term>Warrant</term></catDesc></category>"
    "</category></taxonomy></classDecl></encodingDesc></teiHeader>"
    "<text><body><p>One <seg ana=\"#claim\">two</seg> three.</p></body></text></TEI>";
  g_autoptr(PeithoDocument) doc = read_string (xml, PEITHO_READ_DEFAULT);
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PeithoTag) irony = peitho_tag_new ("irony", "Irony", NULL, NULL, "#f6d32d");
  g_autoptr(PeithoTag) pathos = peitho_tag_new ("pathos", "Pathos", NULL, NULL, NULL);
  g_autoptr(PeithoTagGroup) appeals = peitho_tag_group_new ("appeals", "Appeals", NULL);
  g_autoptr(PeithoAnnotation) a = peitho_annotation_new (NULL, 0, 3, "irony", NULL, NULL, NULL);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (peitho_tag_set_get_id (tag_set), ==, "tx");
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set), ==, 2);
  g_assert_true (peitho_tag_set_add_tag (tag_set, "g", irony, -1, &error));
  g_assert_true (peitho_tag_set_add_group (tag_set, appeals, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (tag_set, "appeals", pathos, -1, &error));
  g_assert_true (peitho_document_add_annotation (doc, a, &error));
  g_assert_no_error (error);

  saved = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (bytes, saved);
  tei_assert_valid (saved);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  /* The edition's group once, Peitho's additions pointing at it. */
  g_assert_nonnull (strstr (text, "corresp=\"#g\""));
  g_assert_null (strstr (strstr (text, "xml:id=\"g\"") + 1, "xml:id=\"g\""));
  g_assert_null (strstr (text, "xml:id=\"claim\"><catDesc><term>Claim</term></catDesc></category></category></taxonomy><taxonomy"));

  back = tei_test_read (saved, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  peitho_test_assert_same_document (doc, back);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (peitho_document_get_tag_set (back)), ==, 4);

  /* Saving what was read back adds nothing more. */
  again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  g_assert_true (g_bytes_equal (saved, again));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/edition/random", test_random_editions);
  g_test_add_func ("/tei/edition/readings", test_readings);
  g_test_add_func ("/tei/edition/lines", test_lines);
  g_test_add_func ("/tei/edition/corpus", test_corpus);
  g_test_add_func ("/tei/edition/ids", test_ids_never_collide);
  g_test_add_func ("/tei/edition/annotator-order", test_annotator_order);
  g_test_add_func ("/tei/edition/own-taxonomy", test_own_taxonomy);
  return g_test_run ();
}
