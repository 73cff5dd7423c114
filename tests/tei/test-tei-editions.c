/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The four real editions of ../shared/corpus/tei/ (see its SOURCE.md): the
 * text as their reader reads it, annotations across lines, speeches and
 * inline elements, save, the preservation property, validity against TEI
 * All where the input was valid, and reading back. */

#include <string.h>

#include "tei-preserve.h"
#include "tei-test-util.h"
#include "tei-validate.h"

typedef struct {
  const char *file;
  gboolean    valid;     /* valid against TEI All as published */
} Edition;

static const Edition editions[] = {
  { "folger-hamlet.xml", TRUE },
  { "gerdracor-schiller-die-raeuber.xml", TRUE },
  { "eltec-carroll-alice.xml", FALSE },
  { "perseus-cicero-in-catilinam-eng.xml", TRUE },
};

static GBytes *
load_edition (const char *file)
{
  const char *dir = g_getenv ("PEITHO_CORPUS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "tei", file, NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
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

static gsize
offset_of (PeithoDocument *doc,
           const char     *needle,
           gsize           from)
{
  const char *text = peitho_document_get_text (doc);
  const char *start = peitho_document_offset_to_pointer (doc, from);
  const char *hit = strstr (start, needle);

  if (hit == NULL)
    g_error ("“%s” is not in the text", needle);
  return g_utf8_pointer_to_offset (text, hit);
}

/* Annotates from the start of @first to the end of @last (after @first). */
static PeithoAnnotation *
annotate_between (PeithoDocument *doc,
                  const char     *first,
                  const char     *last,
                  const char     *tag)
{
  gsize start = offset_of (doc, first, 0);
  gsize end = offset_of (doc, last, start) + g_utf8_strlen (last, -1);
  g_autoptr(PeithoAnnotation) annotation =
    peitho_annotation_new (NULL, start, end, tag, NULL, "across", NULL);
  g_autoptr(GError) error = NULL;

  peitho_document_add_annotation (doc, annotation, &error);
  g_assert_no_error (error);
  return annotation;
}

static void
assert_contains (PeithoDocument *doc,
                 const char     *needle)
{
  if (strstr (peitho_document_get_text (doc), needle) == NULL)
    {
      g_test_message ("not in the text: “%s”", needle);
      g_test_fail ();
    }
}

static void
assert_clean_whitespace (PeithoDocument *doc)
{
  const char *text = peitho_document_get_text (doc);

  /* No indentation, no line wrapping, nothing at block edges. */
  g_assert_null (strstr (text, "  "));
  g_assert_null (strstr (text, "\n "));
  g_assert_null (strstr (text, " \n"));
  g_assert_null (strstr (text, "\n\n\n"));
  g_assert_null (strchr (text, '\t'));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
}

static guint
count_marks (PeithoDocument *doc,
             PeithoMarkKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < peitho_document_get_n_marks (doc); i++)
    n += peitho_document_get_mark (doc, i)->kind == kind;
  return n;
}

static void
check_hamlet (PeithoDocument *doc)
{
  g_autoptr(GPtrArray) marks = NULL;
  gsize at;
  gboolean line_found = FALSE;

  g_assert_cmpstr (peitho_document_get_title (doc), ==, "Hamlet");
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "William Shakespeare");
  /* The speaker's name on its own line, then the speech's lines after "\n". */
  assert_contains (doc, "\n\nBARNARDO\nWho’s there?\n\nFRANCISCO\n"
                        "Nay, answer me. Stand and unfold yourself.\n\n");
  assert_contains (doc, "\n\nMARCELLUS\nO farewell, honest soldier. Who hath relieved you?\n");
  assert_contains (doc, "\n\nACT 1\n\nScene 1\n\nEnter Barnardo and Francisco, two sentinels.\n\n");
  g_assert_null (strstr (peitho_document_get_text (doc), "Q692"));
  assert_clean_whitespace (doc);

  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_SPEAKER), ==, 1137);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_SPEECH), ==, 1138);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_LINE), ==, 2922);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_STAGE), ==, 284);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_GAP), ==, 2);
  g_assert_cmpuint (peitho_document_get_n_outline_entries (doc), ==, 25);
  g_assert_cmpstr (peitho_document_get_outline_entry (doc, 0)->label, !=, "");

  /* The verse line "Nay, answer me ..." carries its number. */
  at = offset_of (doc, "Nay, answer me.", 0);
  marks = peitho_document_get_marks_in_range (doc, at, at + 1);
  for (guint i = 0; i < marks->len; i++)
    {
      const PeithoMark *mark = g_ptr_array_index (marks, i);

      if (mark->kind == PEITHO_MARK_LINE)
        {
          g_assert_cmpstr (mark->value, ==, "1.1.2");
          g_assert_cmpuint (mark->start, ==, at);
          line_found = TRUE;
        }
      if (mark->kind == PEITHO_MARK_SPEECH)
        g_assert_cmpstr (mark->value, ==, "#Francisco_Ham");
    }
  g_assert_true (line_found);

  /* Across verse lines of one speech, across speeches, across a stage
   * direction and a speaker. */
  annotate_between (doc, "Stand and unfold", "Long live the King!", "irony");
  annotate_between (doc, "O farewell, honest soldier.", "Give you good night.", "pathos");
  annotate_between (doc, "Scene 1", "BARNARDO", "claim");
}

static void
check_raeuber (PeithoDocument *doc)
{
  g_assert_cmpstr (peitho_document_get_title (doc), ==, "Die Räuber");
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "Friedrich Schiller");
  assert_contains (doc, "\n\nErster Akt\n\nErste Szene\n\nFranken. Saal im Moorischen Schloß.\n\n");
  assert_contains (doc, "\n\nFranz.\n");
  assert_clean_whitespace (doc);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_SPEAKER), ==, 1065);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_PAGE_BREAK), ==, 133);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_NOTE), ==, 1);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_ITALIC), >=, 151);

  annotate_between (doc, "Franken. Saal", "Franz.", "claim");
  annotate_between (doc, "Erster Akt", "Erste Szene", "ethos");
}

static void
check_alice (PeithoDocument *doc)
{
  assert_contains (doc, "\n\nCHAPTER I. Down the Rabbit-Hole\n\nAlice was beginning to get very "
                        "tired of sitting by her sister on the bank,");
  /* Verse in a quote: one line after the other. */
  assert_contains (doc, "\n\n‘How doth the little crocodile Improve his shining tail,\n"
                        "And pour the waters of the Nile\nOn every golden scale!\n");
  assert_clean_whitespace (doc);
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_HEADING), ==, 12);
  g_assert_cmpuint (peitho_document_get_n_outline_entries (doc), >=, 12);

  annotate_between (doc, "her voice sounded hoarse", "Improve his shining tail", "pathos");
  annotate_between (doc, "DRINK ME", "ME", "alliteration");
}

static void
check_catiline (PeithoDocument *doc)
{
  const char *text = peitho_document_get_text (doc);

  g_assert_true (g_str_has_prefix (text, "THE FIRST ORATION OF M. T. CICERO AGAINST LUCIUS "
                                         "CATILINA. DELIVERED IN THE SENATE.\n\nTHE ARGUMENT.\n\n"));
  assert_contains (doc, "\n\nWhen, O Catiline, do you mean to cease abusing our patience? "
                        "How long is that madness of yours still to mock us?");
  assert_clean_whitespace (doc);
  /* Notes are out of the reading flow, as marks. */
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_NOTE), ==, 14);
  /* foreign outside the notes */
  g_assert_cmpuint (count_marks (doc, PEITHO_MARK_ITALIC), >=, 3);

  annotate_between (doc, "When, O Catiline", "mock us?", "rhetorical-question");
  annotate_between (doc, "Shame on the age", "this man lives.", "pathos");
}

static void
test_edition (gconstpointer data)
{
  const Edition *edition = data;
  g_autoptr(GBytes) original = load_edition (edition->file);
  g_autoptr(PeithoDocument) doc = read_clean (original);
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GBytes) unchanged = NULL;

  /* No Peitho taxonomy: the default tag set, so that tagging works. */
  g_assert_nonnull (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (doc), "irony"));
  g_assert_nonnull (peitho_document_get_source_tree (doc));

  /* Saved without annotations: nothing of Peitho's but its taxonomy. */
  unchanged = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (original, unchanged);

  if (g_str_equal (edition->file, "folger-hamlet.xml"))
    check_hamlet (doc);
  else if (g_str_equal (edition->file, "gerdracor-schiller-die-raeuber.xml"))
    check_raeuber (doc);
  else if (g_str_equal (edition->file, "eltec-carroll-alice.xml"))
    check_alice (doc);
  else
    check_catiline (doc);
  tei_add_random_annotations (doc, 60);

  saved = tei_test_write (doc, PEITHO_TEI_STANDOFF);
  g_assert_cmpuint (tei_count_peitho_parts (saved), >, 2 * peitho_document_get_n_annotations (doc));
  tei_assert_preserved (original, saved);
  if (edition->valid)
    tei_assert_valid (saved);

  back = read_clean (saved);
  g_assert_cmpstr (peitho_document_get_text (back), ==, peitho_document_get_text (doc));
  peitho_test_assert_same_document (doc, back);
  g_assert_cmpuint (peitho_document_get_n_marks (back), ==, peitho_document_get_n_marks (doc));

  /* Saving what was read back gives the same file. */
  saved_again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (editions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tei/editions/%s", editions[i].file);

      g_test_add_data_func (path, &editions[i], test_edition);
    }
  return g_test_run ();
}
