/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plain-text importer's edge cases and the CSV export. */

#include <string.h>

#include "peitho-core.h"

static PeithoDocument *
import (const char  *text,
        gssize       length,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return peitho_text_import_bytes (bytes, "in.txt", NULL, error);
}

static PeithoDocument *
import_full (const char               *text,
             gssize                    length,
             PeithoTextImportFlags     flags,
             PeithoTextImportResult  **result,
             GError                  **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return peitho_text_import_bytes_full (bytes, "in.txt", NULL, flags, result, error);
}

static void
assert_paragraph (PeithoDocument *doc,
                  guint           index,
                  const char     *expected)
{
  gsize start, length;
  g_autofree char *slice = NULL;

  peitho_document_get_paragraph (doc, index, &start, &length, NULL);
  slice = peitho_document_dup_slice (doc, start, start + length);
  g_assert_cmpstr (slice, ==, expected);
}

static void
test_paragraphs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("\n\n  First line\nsecond line  \n \t \n\n\nThird\tpara\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 2);
  assert_paragraph (doc, 0, "  First line\nsecond line  ");
  assert_paragraph (doc, 1, "Third\tpara");
  g_assert_null (peitho_document_get_title (doc));
  g_assert_null (peitho_document_get_header_xml (doc));
}

static void
test_crlf_and_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("\xEF\xBB\xBFOne\r\ntwo\r\n\r\nThree\rfour\r\n", -1, &error);

  g_assert_no_error (error);
  /* A lone CR ends a line too. */
  g_assert_cmpstr (peitho_document_get_text (doc), ==, "One\ntwo\n\nThree\nfour");
}

/* Old Mac text: CR alone at every line end. */
static void
test_cr_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("One\rtwo\r\rThree\r", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 2);
  assert_paragraph (doc, 0, "One\ntwo");
  assert_paragraph (doc, 1, "Three");
}

/* pdftotext ends every page with a form feed. */
static void
test_form_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("Page one\nends here.\fPage two.\n\fPage three\f", -1,
                                          &error);

  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "Page one\nends here.\n\nPage two.\n\nPage three");
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 3);
}

static void
test_utf16 (void)
{
  /* "Café 😀\n\nTwo" with a byte-order mark, both byte orders. */
  static const char le[] = "\xFF\xFE" "C\0a\0f\0\xE9\0 \0\x3D\xD8\x00\xDE\n\0\n\0T\0w\0o\0";
  static const char be[] = "\xFE\xFF" "\0C\0a\0f\0\xE9\0 \xD8\x3D\xDE\x00\0\n\0\n\0T\0w\0o";
  static const struct { const char *data; PeithoTextEncoding encoding; } cases[] = {
    { le, PEITHO_TEXT_ENCODING_UTF16LE },
    { be, PEITHO_TEXT_ENCODING_UTF16BE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeithoTextImportResult) result = NULL;
      g_autoptr(PeithoDocument) doc = import_full (cases[i].data, sizeof le - 1,
                                                   PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
      const char * const *notes;

      g_assert_no_error (error);
      g_assert_cmpstr (peitho_document_get_text (doc), ==, "Caf\xC3\xA9 \xF0\x9F\x98\x80\n\nTwo");
      g_assert_cmpint (peitho_text_import_result_get_encoding (result), ==, cases[i].encoding);
      notes = peitho_text_import_result_get_notes (result);
      g_assert_cmpstr (notes[0], ==, "The file is UTF-16; converted to UTF-8");
      g_assert_null (notes[1]);
    }

  {
    g_autoptr(GError) error = NULL;
    /* A lone high surrogate, then "x". */
    g_autoptr(PeithoDocument) doc = import ("\xFF\xFE" "a\0\x3D\xD8x\0", 8, &error);

    g_assert_null (doc);
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
    g_assert_cmpstr (error->message, ==, "in.txt: invalid UTF-16 at byte 4");
  }
}

static void
test_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTextImportResult) result = NULL;
  g_autoptr(PeithoDocument) doc = NULL;

  /* Latin-1 letters and Windows-1252 quotes and euro sign. */
  doc = import_full ("caf\xe9 au lait, \x93na\xefve\x94, 5 \x80\n", -1,
                     PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "caf\xC3\xA9 au lait, \xE2\x80\x9Cna\xC3\xAFve\xE2\x80\x9D, 5 \xE2\x82\xAC");
  g_assert_cmpint (peitho_text_import_result_get_encoding (result), ==,
                   PEITHO_TEXT_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (peitho_text_import_result_get_notes (result)[0], ==,
                   "The file is not UTF-8; read as Windows-1252");
  g_clear_object (&doc);
  g_clear_object (&result);

  /* UTF-8 with one broken sequence is broken UTF-8, not Windows-1252. */
  doc = import ("caf\xC3\xA9 and caf\xe9", -1, &error);
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "in.txt: invalid UTF-8 at byte 13");
  g_clear_error (&error);

  /* 0x81 is not a Windows-1252 character. */
  doc = import ("abc \x81 def", -1, &error);
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "in.txt: invalid UTF-8 at byte 4");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("\xEF\xBB\xBF" "abc\n\xC3\xA9t\xC3\x28 x", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  /* BOM (3) + "abc\n" (4) + "é" (2) + "t" (1): the bad sequence starts at byte 10. */
  g_assert_cmpstr (error->message, ==, "in.txt: invalid UTF-8 at byte 10");
}

static void
test_control_character (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("ok\nb\xC3\xA9ll\a here", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  /* Columns count characters, not bytes. */
  g_assert_cmpstr (error->message, ==, "in.txt: control character U+0007 at line 2, column 5; "
                                       "TEI (XML) cannot hold it");
  g_clear_error (&error);

  /* A NUL is a control character like any other, not invalid UTF-8. */
  doc = import ("one\r\ntwo\rthree\n\nnul\0byte", 24, &error);
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "in.txt: control character U+0000 at line 5, column 4; "
                                       "TEI (XML) cannot hold it");
  g_clear_error (&error);

  /* Found in converted text too, at its place in the text. */
  doc = import ("\xFF\xFE" "a\0\n\0\x01\0", 8, &error);
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "in.txt: control character U+0001 at line 2, column 1; "
                                       "TEI (XML) cannot hold it");
}

static void
test_empty (void)
{
  static const char * const empties[] = { "", "\xEF\xBB\xBF", "\n \n\t\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeithoDocument) doc = import (empties[i], -1, &error);

      g_assert_null (doc);
      g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "in.txt: the file holds no text");
    }
}

static void
test_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = NULL;

  /* The corpus layout without breadcrumb: "Author: Title", date, bibl. */
  doc = import ("Jane Roe: On Things\n\n1 May 1901\n\n[Collected Works, p. 3]\n\nBody.\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "Jane Roe");
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "On Things");
  g_assert_cmpstr (peitho_document_get_date (doc), ==, "1 May 1901");
  g_assert_cmpstr (peitho_document_get_source (doc), ==, "Collected Works, p. 3");
  g_assert_cmpstr (peitho_document_get_text (doc), ==, "Body.");
  g_clear_object (&doc);

  /* Not front matter: a colon line alone, or nothing after it. */
  doc = import ("Note: this is the text.\n\nSecond paragraph.", -1, &error);
  g_assert_no_error (error);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 2);
  g_clear_object (&doc);

  doc = import ("A > B > \n\nAuthor: Title\n\n[Bibl]\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 3);
}

static void
test_front_matter_report (void)
{
  static const char text[] = "Jane Roe > 1901 > \n\nJane Roe 19010501 On Things\n\n"
                             "Jane Roe: On Things\n\n1 May 1901\n\n[Collected Works, p. 3]\n\n"
                             "Body.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTextImportResult) result = NULL;
  g_autoptr(PeithoDocument) doc = NULL;
  const char * const *notes;

  doc = import_full (text, -1, PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (doc), ==, "Body.");
  g_assert_cmpint (peitho_text_import_result_get_front_matter (result), ==,
                   PEITHO_FRONT_MATTER_TITLE | PEITHO_FRONT_MATTER_AUTHOR
                   | PEITHO_FRONT_MATTER_DATE | PEITHO_FRONT_MATTER_SOURCE
                   | PEITHO_FRONT_MATTER_NOTES);
  g_assert_cmpstr (peitho_text_import_result_get_front_matter_text (result), ==,
                   "Jane Roe > 1901 > \n\nJane Roe 19010501 On Things\n\nJane Roe: On Things\n\n"
                   "1 May 1901\n\n[Collected Works, p. 3]");
  notes = peitho_text_import_result_get_notes (result);
  g_assert_cmpstr (notes[0], ==, "Title, author, date and source were taken from the first lines");
  g_assert_null (notes[1]);
  g_clear_object (&doc);
  g_clear_object (&result);

  /* Turned off, every line is text and nothing is reported. */
  doc = import_full (text, -1, PEITHO_TEXT_IMPORT_NO_FRONT_MATTER, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (doc), ==, "Jane Roe > 1901 > \n\n"
                   "Jane Roe 19010501 On Things\n\nJane Roe: On Things\n\n1 May 1901\n\n"
                   "[Collected Works, p. 3]\n\nBody.");
  g_assert_null (peitho_document_get_title (doc));
  g_assert_null (peitho_document_get_header_xml (doc));
  g_assert_cmpint (peitho_text_import_result_get_front_matter (result), ==,
                   PEITHO_FRONT_MATTER_NONE);
  g_assert_null (peitho_text_import_result_get_notes (result)[0]);
  g_clear_object (&doc);
  g_clear_object (&result);

  /* A breadcrumb naming someone else: not this layout. */
  doc = import_full ("John Doe > 1901 > \n\nJane Roe: On Things\n\n1 May 1901\n\n[Works, p. 3]\n\n"
                     "Body.", -1, PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
  g_assert_no_error (error);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 5);
}

/* Openings that look a little like front matter and are text: every
 * character stays in the text, nothing goes to the header. */
static void
test_front_matter_is_text (void)
{
  static const char * const texts[] = {
    "HAMLET: To be, or not to be, that is the question.\n\n[Enter OPHELIA]\n\n"
    "OPHELIA: Good my lord, how does your honour for this many a day?",
    "Mr. Speaker: I rise\xE2\x80\xA6\n\nJune 10, 1939\n\nto speak of the purges.",
    "Ladies and gentlemen: thank you.\n\n[Applause]\n\nWe meet today in sorrow.",
    /* Each with every other item of the layout too. */
    "HAMLET: To be, or not to be, that is the question.\n\n1601\n\n[Enter OPHELIA]\n\n"
    "OPHELIA: Good my lord.",
    "Mr. Speaker: I rise\xE2\x80\xA6\n\nJune 10, 1939\n\n[Hansard, vol. 348, col. 12]\n\n"
    "to speak of the purges.",
    "Ladies and gentlemen: thank you.\n\nMay 1, 1901\n\n[Applause]\n\nWe meet today.",
    "Note: this is the text.\n\nSecond paragraph.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeithoTextImportResult) result = NULL;
      g_autoptr(PeithoDocument) doc = import_full (texts[i], -1, PEITHO_TEXT_IMPORT_DEFAULT,
                                                   &result, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (peitho_document_get_text (doc), ==, texts[i]);
      g_assert_null (peitho_document_get_title (doc));
      g_assert_null (peitho_document_get_author (doc));
      g_assert_null (peitho_document_get_date (doc));
      g_assert_null (peitho_document_get_source (doc));
      g_assert_null (peitho_document_get_header_xml (doc));
      g_assert_cmpint (peitho_text_import_result_get_front_matter (result), ==,
                       PEITHO_FRONT_MATTER_NONE);
      g_assert_null (peitho_text_import_result_get_front_matter_text (result));
      g_assert_null (peitho_text_import_result_get_notes (result)[0]);
    }
}

#define GUTENBERG_HEADER \
  "The Project Gutenberg eBook of The Federalist Papers, by Alexander Hamilton\r\n" \
  "\r\n" \
  "This eBook is for the use of anyone anywhere in the United States and\r\n" \
  "most other parts of the world at no cost and with almost no restrictions\r\n" \
  "whatsoever.\r\n" \
  "\r\n" \
  "Title: The Federalist Papers\r\n" \
  "\r\n" \
  "Author: Alexander Hamilton\r\n" \
  "        John Jay\r\n" \
  "        James Madison\r\n" \
  "\r\n" \
  "Release date: September 1, 1998 [eBook #1404]\r\n" \
  "\r\n" \
  "Language: English\r\n" \
  "\r\n" \
  "*** START OF THE PROJECT GUTENBERG EBOOK THE FEDERALIST PAPERS ***\r\n"
#define GUTENBERG_BODY \
  "\r\n" \
  "FEDERALIST No. 1\r\n" \
  "\r\n" \
  "To the People of the State of New York:\r\n" \
  "\r\n" \
  "AFTER an unequivocal experience of the inefficiency of the\r\n" \
  "subsisting federal government, you are called upon to deliberate.\r\n" \
  "\r\n"
#define GUTENBERG_LICENCE \
  "*** END OF THE PROJECT GUTENBERG EBOOK THE FEDERALIST PAPERS ***\r\n" \
  "\r\n" \
  "Updated editions will replace the previous one.\r\n"

static void
test_gutenberg (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTextImportResult) result = NULL;
  g_autoptr(PeithoDocument) doc = NULL;
  g_autoptr(GBytes) tei = NULL;
  g_autoptr(PeithoDocument) back = NULL;
  const char *header;
  const char *taken;

  doc = import_full (GUTENBERG_HEADER GUTENBERG_BODY GUTENBERG_LICENCE, -1,
                     PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "The Federalist Papers");
  g_assert_cmpstr (peitho_document_get_author (doc), ==,
                   "Alexander Hamilton John Jay James Madison");
  /* The text is the work. */
  g_assert_cmpstr (peitho_document_get_text (doc), ==,
                   "FEDERALIST No. 1\n\nTo the People of the State of New York:\n\n"
                   "AFTER an unequivocal experience of the inefficiency of the\n"
                   "subsisting federal government, you are called upon to deliberate.");
  g_assert_cmpint (peitho_text_import_result_get_front_matter (result), ==,
                   PEITHO_FRONT_MATTER_TITLE | PEITHO_FRONT_MATTER_AUTHOR
                   | PEITHO_FRONT_MATTER_NOTES);
  g_assert_nonnull (strstr (peitho_text_import_result_get_notes (result)[0], "Gutenberg"));

  /* Header and licence are kept, in the TEI header and in the report. */
  taken = peitho_text_import_result_get_front_matter_text (result);
  g_assert_true (g_str_has_prefix (taken, "The Project Gutenberg eBook of The Federalist"));
  g_assert_nonnull (strstr (taken, "*** START OF THE PROJECT GUTENBERG EBOOK"));
  g_assert_true (g_str_has_suffix (taken, "*** END OF THE PROJECT GUTENBERG EBOOK THE FEDERALIST "
                                   "PAPERS ***\n\nUpdated editions will replace the previous one."));
  header = peitho_document_get_header_xml (doc);
  g_assert_nonnull (strstr (header, "<note type=\"gutenberg-header\">The Project Gutenberg eBook"));
  g_assert_nonnull (strstr (header, "<note type=\"gutenberg-licence\">*** END OF"));
  g_assert_nonnull (strstr (header, "Release date: September 1, 1998 [eBook #1404]"));

  /* And survive a save. */
  tei = peitho_tei_write_bytes (doc, PEITHO_TEI_STANDOFF, &error);
  g_assert_no_error (error);
  back = peitho_tei_read_bytes (tei, "back.xml", PEITHO_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (peitho_document_get_header_xml (back), "Updated editions will replace"));
  g_assert_cmpstr (peitho_document_get_title (back), ==, "The Federalist Papers");
  g_clear_object (&doc);
  g_clear_object (&result);

  /* Without the START line it is not the layout: all of it is text. */
  doc = import_full ("The Project Gutenberg eBook of X, by Y\n\nTitle: X\n\nText.", -1,
                     PEITHO_TEXT_IMPORT_DEFAULT, &result, &error);
  g_assert_no_error (error);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_cmpuint (peitho_document_get_n_paragraphs (doc), ==, 3);
  g_clear_object (&doc);
  g_clear_object (&result);

  /* Off: every line is text. */
  doc = import_full (GUTENBERG_HEADER GUTENBERG_BODY GUTENBERG_LICENCE, -1,
                     PEITHO_TEXT_IMPORT_NO_FRONT_MATTER, &result, &error);
  g_assert_no_error (error);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_true (g_str_has_prefix (peitho_document_get_text (doc), "The Project Gutenberg eBook"));
  g_assert_true (g_str_has_suffix (peitho_document_get_text (doc), "the previous one."));
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) doc = import ("He said \"yes, no\"\nand left.\n\nPlain words here.", -1, &error);
  g_autoptr(PeithoAnnotation) a1 = NULL;
  g_autoptr(PeithoAnnotation) a2 = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;
  PeithoAnnotator *mara;

  g_assert_no_error (error);
  mara = peitho_document_ensure_annotator (doc, "Mara, \"M\"");
  a1 = peitho_annotation_new ("a1", 0, 27, "metaphor", peitho_annotator_get_id (mara),
                              "line1\r\nline2", NULL);
  a2 = peitho_annotation_new ("a2", 29, 34, "claim", NULL, NULL, NULL);
  g_assert_true (peitho_document_add_annotation (doc, a1, &error));
  g_assert_true (peitho_document_add_annotation (doc, a2, &error));

  csv = peitho_csv_export (doc);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_cmpstr (text, ==,
                   "id,tag,group,start,end,text,annotator,note\r\n"
                   "a1,metaphor,tropes,0,27,\"He said \"\"yes, no\"\"\nand left.\","
                   "\"Mara, \"\"M\"\"\",\"line1\r\nline2\"\r\n"
                   "a2,claim,argument,29,34,Plain,,\r\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/paragraphs", test_paragraphs);
  g_test_add_func ("/import/crlf-bom", test_crlf_and_bom);
  g_test_add_func ("/import/cr-only", test_cr_only);
  g_test_add_func ("/import/form-feed", test_form_feed);
  g_test_add_func ("/import/utf16", test_utf16);
  g_test_add_func ("/import/windows-1252", test_windows_1252);
  g_test_add_func ("/import/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/import/control-character", test_control_character);
  g_test_add_func ("/import/empty", test_empty);
  g_test_add_func ("/import/front-matter", test_front_matter);
  g_test_add_func ("/import/front-matter-report", test_front_matter_report);
  g_test_add_func ("/import/front-matter-is-text", test_front_matter_is_text);
  g_test_add_func ("/import/gutenberg", test_gutenberg);
  g_test_add_func ("/csv/quoting", test_csv);

  return g_test_run ();
}
