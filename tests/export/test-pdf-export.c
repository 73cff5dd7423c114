/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PDF handout read back with poppler: pdftotext finds the header, the
 * text, the labels, each footnote on the page of its marker, the relations,
 * the legend and the page numbers; pdftoppm's pixels are in colour, or grey
 * only with the greyscale option. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "export-fixture.h"
#include "peitho-handout-renderer.h"

/* Whitespace runs as one space, so that line breaks do not matter. */
static char *
collapse (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x2009 || c == 0x200a || c == 0x2002 || c == '\f')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *text = export_fixture_run (page > 0 ? one : all, NULL, NULL);

  return text != NULL ? collapse (text) : NULL;
}

/* The text of the pages without their footnotes and page numbers, so that
 * a paragraph reads on across a page break. */
static char *
pdf_body_text (const char *path,
               guint       n_pages)
{
  g_autoptr(GRegex) note = g_regex_new ("^[0-9]+ [^“]+ “", 0, 0, NULL);
  g_autoptr(GRegex) footer = g_regex_new ("^[0-9]+ ?/ ?[0-9]+$", 0, 0, NULL);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *first = g_strdup_printf ("%u", page);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
      g_autofree char *raw = export_fixture_run (argv, NULL, NULL);
      g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_regex_match (note, lines[i], 0, NULL))
            break;
          if (g_regex_match (footer, lines[i], 0, NULL))
            continue;
          g_string_append (body, lines[i]);
          g_string_append_c (body, '\n');
        }
    }
  return collapse (body->str);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *collapsed = collapse (needle);

  if (strstr (haystack, collapsed) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", collapsed, haystack);
}

static char *
write_pdf (PeithoDocument             *document,
           const PeithoHandoutOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoHandout) handout = peitho_handout_new (document, options, &error);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  char *path = export_fixture_write (empty, "essay.pdf");

  g_assert_no_error (error);
  g_assert_true (peitho_handout_write_pdf (handout, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The footer of the last page: "N / N" (pdftotext may drop a space). */
static guint
count_pages (const char *text)
{
  g_autoptr(GRegex) footer = g_regex_new ("([0-9]+) ?/ ?([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (footer, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *page = g_match_info_fetch (match, 1);
      g_autofree char *total = g_match_info_fetch (match, 2);

      if (g_str_equal (page, total))
        n = (guint) g_ascii_strtoull (total, NULL, 10);
      g_match_info_next (match, NULL);
    }
  return n;
}

static void
test_text (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  g_autofree char *path = write_pdf (document, NULL);
  g_autofree char *text = pdf_text (path, 0);
  g_autofree char *body = NULL;
  guint n_pages;

  if (text == NULL)
    {
      export_fixture_remove (path);
      return;
    }

  assert_contains (text, "Toward a Balance Sheet of the Purges");
  assert_contains (text, "Leon Trotsky");
  assert_contains (text, "Annotated by Ada, Grace");
  n_pages = count_pages (text);
  g_assert_cmpuint (n_pages, >=, 2);
  body = pdf_body_text (path, n_pages);

  /* Every stretch of text between highlights, as it is. */
  for (guint p = 0; p < peitho_document_get_n_paragraphs (document); p++)
    {
      gsize start, length;
      g_autofree char *number = g_strdup_printf ("¶%u", p + 1);

      peitho_document_get_paragraph (document, p, &start, &length, NULL);
      assert_contains (body, number);
      for (gsize s = start; s < start + length; )
        {
          g_autoptr(GPtrArray) here = peitho_document_get_annotations_at (document, s);
          gsize e = s + 1;

          while (e < start + length)
            {
              g_autoptr(GPtrArray) at = peitho_document_get_annotations_at (document, e);
              gboolean same = at->len == here->len;

              for (guint i = 0; same && i < at->len; i++)
                same = g_ptr_array_index (at, i) == g_ptr_array_index (here, i);
              if (!same)
                break;
              e++;
            }
          {
            g_autofree char *piece = peitho_document_dup_slice (document, s, e);
            assert_contains (body, piece);
          }
          s = e;
        }
    }

  /* Labels, footnotes, relations, legend. */
  for (guint i = 0; i < 8; i++)
    {
      static const char *labels[] = { "Eth", "Met", "Iro", "Clm", "Evd", "RQ", "Con", "Ana" };
      assert_contains (text, labels[i]);
    }
  assert_contains (text, "1 Ethos “Walter Duranty, correspondent of the New York, Times”: "
                         "Duranty’s credibility is what is under attack here.");
  assert_contains (text, "Mock praise: <the Kremlin> & its “trust”.");
  assert_contains (text, "Crosses the paragraph break.");
  assert_contains (text, "Three times “every”.");
  assert_contains (text, "Relations");
  assert_contains (text, "Evidence ¶1 supports Claim ¶2");
  assert_contains (text, "Concession ¶2 concedes Claim ¶2");
  assert_contains (text, "Tags");
  assert_contains (text, "Metaphor: speaking of one thing in terms of another");
  assert_contains (text, "Anaphora: repeating the same word or phrase");

  /* A footnote stands on the page of its marker. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (path, (int) page);

      if (strstr (page_text, "every GPU agent, every Soviet official") != NULL)
        assert_contains (page_text, "Three times “every”.");
      if (strstr (page_text, "Three times “every”.") != NULL)
        assert_contains (page_text, "every GPU agent, every Soviet official");
      if (strstr (page_text, "Walter Duranty, correspondent") != NULL)
        assert_contains (page_text, "Duranty’s credibility is what is under attack here.");
    }

  export_fixture_remove (path);
}

/* Whether any pixel of @path's first page, rendered, has a colour. */
static gboolean
has_colour (const char *path,
            gboolean   *rendered)
{
  g_autofree char *prefix = g_strconcat (path, "-page", NULL);
  g_autofree char *ppm = g_strconcat (prefix, "-1.ppm", NULL);
  const char *argv[] = { "pdftoppm", "-r", "40", "-f", "1", "-l", "1", path, prefix, NULL };
  g_autofree char *out = export_fixture_run (argv, NULL, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint width, height, max, header;
  gboolean colour = FALSE;

  *rendered = out != NULL;
  if (out == NULL)
    return FALSE;
  g_assert_true (g_file_get_contents (ppm, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (data, "P6 %u %u %u%n", &width, &height, &max, &header), ==, 3);
  g_assert_cmpuint (max, ==, 255);
  header++;
  g_assert_cmpuint (length, ==, header + (gsize) width * height * 3);
  for (gsize i = header; i + 2 < length; i += 3)
    {
      int r = (guchar) data[i], g = (guchar) data[i + 1], b = (guchar) data[i + 2];

      if (ABS (r - g) > 8 || ABS (g - b) > 8 || ABS (r - b) > 8)
        colour = TRUE;
    }
  g_assert_cmpint (g_unlink (ppm), ==, 0);
  return colour;
}

static void
test_greyscale (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  PeithoHandoutOptions options;
  g_autofree char *colour_path = NULL;
  g_autofree char *grey_path = NULL;
  g_autofree char *text = NULL;
  gboolean rendered;

  peitho_handout_options_init (&options);
  options.labels = FALSE;
  colour_path = write_pdf (document, &options);
  g_assert_true (has_colour (colour_path, &rendered) || !rendered);

  /* Greyscale: no colour at all, and labels even when not asked for. */
  options.greyscale = TRUE;
  grey_path = write_pdf (document, &options);
  g_assert_false (has_colour (grey_path, &rendered));
  text = pdf_text (grey_path, 1);
  if (text != NULL)
    {
      assert_contains (text, "Eth");
      assert_contains (text, "Iro");
    }

  export_fixture_remove (colour_path);
  export_fixture_remove (grey_path);
}

/* The page as pdftotext lays it out, line by line. */
static char *
pdf_layout_text (const char *path,
                 int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", first, "-l", first, path,
                         "-", NULL };

  return export_fixture_run (argv, NULL, NULL);
}

static void
assert_line (const char *text,
             const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("no line matches “%s” in the PDF's text:\n%s", pattern, text);
}

/* An edition's structure on paper: headings, speakers on their own line,
 * verse lines with their numbers in the margin, stage directions. */
static void
test_edition (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_hamlet ();
  g_autofree char *path = write_pdf (document, NULL);
  g_autofree char *text = pdf_layout_text (path, 2);

  if (text == NULL)
    {
      export_fixture_remove (path);
      return;
    }

  assert_line (text, "^ *ACT 1$");
  assert_line (text, "^ *Scene 1$");
  assert_line (text, "^ *Enter Barnardo and Francisco, two sentinels\\.$");
  assert_line (text, "^ *BARNARDO$");
  assert_line (text, "^ *FRANCISCO$");
  /* The verse line, numbered in the margin. */
  assert_line (text, "^ *15 +I think I hear them\\.— Stand ho! Who is there\\?$");
  /* Francisco's two lines stay two, the highlight across them. */
  assert_line (text, "^ *For this relief much thanks\\. Pat ’Tis bitter cold,$");
  assert_line (text, "^ *And I am sick at heart\\. ?2$");
  assert_line (text, "^ *2 +Pathos “’Tis bitter cold, And I am sick at heart\\.”: ");

  export_fixture_remove (path);
}

static void
test_unwritable (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  g_autoptr(PeithoHandout) handout = peitho_handout_new (document, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (peitho_handout_write_pdf (handout, "/nonexistent/dir/out.pdf", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/out.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-export/text", test_text);
  g_test_add_func ("/pdf-export/greyscale", test_greyscale);
  g_test_add_func ("/pdf-export/unwritable", test_unwritable);
  g_test_add_func ("/pdf-export/edition", test_edition);

  return g_test_run ();
}
