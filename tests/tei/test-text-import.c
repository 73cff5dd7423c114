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
  g_assert_cmpstr (peitho_document_get_text (doc), ==, "One\ntwo\n\nThree\rfour");
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
  g_autoptr(PeithoDocument) doc = import ("ok\nbell\a here", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "in.txt:2:"));
  g_assert_nonnull (strstr (error->message, "U+0007"));
  g_assert_nonnull (strstr (error->message, "byte 7"));
  g_clear_error (&error);

  doc = import ("nul\0byte", 8, &error);
  g_assert_null (doc);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 3"));
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
  g_test_add_func ("/import/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/import/control-character", test_control_character);
  g_test_add_func ("/import/empty", test_empty);
  g_test_add_func ("/import/front-matter", test_front_matter);
  g_test_add_func ("/csv/quoting", test_csv);

  return g_test_run ();
}
