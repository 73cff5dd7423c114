/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Inline annotations of other tools (seg/@ana) in a real edition, the
 * Folger Hamlet of ../shared/corpus/tei/ with segs put in as such a tool
 * writes them: read as annotations, left where they are, and when Peitho
 * retags or removes one, only its @ana changes (or a seg that said nothing
 * else gives its text back to the line); the rest of the edition comes back
 * unchanged (C14N, as tei_assert_preserved() compares). */

#include <string.h>

#include "tei-preserve.h"
#include "tei-test-util.h"
#include "tei-validate.h"

/* What a tool writes, and what Peitho's edits below make of it. */
typedef struct {
  const char *plain;    /* in the edition */
  const char *tagged;   /* with the tool's seg */
  const char *edited;   /* after Peitho's edit */
} Seg;

static const Seg segs[] = {
  /* Removed: a seg of nothing but @ana goes, its text stays. */
  { ">A little more than kin and less than kind. </l>",
    "><seg ana=\"#irony\">A little more than kin and less than kind.</seg> </l>",
    ">A little more than kin and less than kind. </l>" },
  /* One of two categories removed. */
  { ">Not so, my lord; I am too much in the sun. </l>",
    "><seg xml:id=\"sun\" ana=\"#irony #pathos\">Not so, my lord; I am too much in the sun.</seg> </l>",
    "><seg xml:id=\"sun\" ana=\"#pathos\">Not so, my lord; I am too much in the sun.</seg> </l>" },
  /* Retagged. */
  { ">O, that this too, too sullied flesh would melt, </l>",
    "><seg type=\"figure\" ana=\"#metaphor\">O, that this too, too sullied flesh</seg> would melt, </l>",
    "><seg type=\"figure\" ana=\"#hyperbole\">O, that this too, too sullied flesh</seg> would melt, </l>" },
  /* Removed from a seg that says more: the seg stays, without @ana. */
  { "n=\"1.1.1\"/>Who’s there? </p>",
    "n=\"1.1.1\"/><seg type=\"question\" ana=\"#rhetorical-question\">Who’s there?</seg> </p>",
    "n=\"1.1.1\"/><seg type=\"question\">Who’s there?</seg> </p>" },
  /* Untouched. */
  { ">Nay, answer me. Stand and unfold yourself. </l>",
    "><seg ana=\"#antithesis\">Nay, answer me.</seg> Stand and unfold yourself. </l>",
    "><seg ana=\"#antithesis\">Nay, answer me.</seg> Stand and unfold yourself. </l>" },
};

enum { PLAIN, TAGGED, EDITED };

/* The Folger Hamlet, its segs in the form @which. */
static GBytes *
hamlet_with (int which)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei",
                                            "folger-hamlet.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (contents);
  for (guint i = 0; i < G_N_ELEMENTS (segs); i++)
    {
      const char *form = which == PLAIN ? segs[i].plain : which == TAGGED ? segs[i].tagged
                                                                           : segs[i].edited;

      /* Each place is in the edition once. */
      g_assert_cmpuint (g_string_replace (text, segs[i].plain, form, 0), ==, 1);
    }
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static PeithoDocument *
read_clean (GBytes *bytes)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  PeithoDocument *document = tei_test_read (bytes, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  return document;
}

/* The annotation over the text @needle (exactly), or NULL. */
static PeithoAnnotation *
annotation_over (PeithoDocument *document,
                 const char     *needle,
                 const char     *tag_id)
{
  const char *text = peitho_document_get_text (document);
  const char *hit = strstr (text, needle);
  gsize start, end;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  end = start + g_utf8_strlen (needle, -1);
  found = peitho_document_get_annotations_in_range (document, start, end);
  for (guint i = 0; i < found->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (found, i);

      if (peitho_annotation_get_start (annotation) == start
          && peitho_annotation_get_end (annotation) == end
          && g_str_equal (peitho_annotation_get_tag_id (annotation), tag_id))
        return annotation;
    }
  return NULL;
}

static void
assert_annotated (PeithoDocument *document,
                  const char     *needle,
                  const char     *tag_id,
                  gboolean        expected)
{
  if ((annotation_over (document, needle, tag_id) != NULL) != expected)
    g_error ("“%s” is %s %s", needle, expected ? "not" : "still", tag_id);
}

static void
test_edits_written_back (void)
{
  g_autoptr(GBytes) plain = hamlet_with (PLAIN);
  g_autoptr(GBytes) tagged = hamlet_with (TAGGED);
  g_autoptr(GBytes) edited = hamlet_with (EDITED);
  g_autoptr(PeithoDocument) document = read_clean (tagged);
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) unchanged = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  PeithoAnnotation *annotation;

  /* The tool's annotations are read, and the text is the edition's. */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 6);
  assert_annotated (document, "A little more than kin and less than kind.", "irony", TRUE);
  assert_annotated (document, "Not so, my lord; I am too much in the sun.", "irony", TRUE);
  assert_annotated (document, "Not so, my lord; I am too much in the sun.", "pathos", TRUE);
  assert_annotated (document, "O, that this too, too sullied flesh", "metaphor", TRUE);
  assert_annotated (document, "Who’s there?", "rhetorical-question", TRUE);
  {
    g_autoptr(PeithoDocument) edition = read_clean (plain);

    g_assert_cmpstr (peitho_document_get_text (document), ==, peitho_document_get_text (edition));
  }

  /* Saved without edits: the segs as they were. */
  unchanged = tei_test_write (document, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (tagged, unchanged);

  /* Peitho's edits, and one annotation of Peitho's own beside them. */
  annotation = annotation_over (document, "A little more than kin and less than kind.", "irony");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  annotation = annotation_over (document, "Not so, my lord; I am too much in the sun.", "irony");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  annotation = annotation_over (document, "O, that this too, too sullied flesh", "metaphor");
  g_assert_true (peitho_document_set_annotation_tag (document, annotation, "hyperbole", &error));
  g_assert_no_error (error);
  annotation = annotation_over (document, "Who’s there?", "rhetorical-question");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  {
    const char *text = peitho_document_get_text (document);
    gsize start = g_utf8_pointer_to_offset (text, strstr (text, "kin and less"));
    g_autoptr(PeithoAnnotation) ours = peitho_annotation_new (NULL, start,
                                                              start + strlen ("kin and less"),
                                                              "claim", NULL, NULL, NULL);

    g_assert_true (peitho_document_add_annotation (document, ours, &error));
    g_assert_no_error (error);
  }

  /* Only the edited @ana (and the one unwrapped seg) differ from what the
   * tool wrote: the rest of the edition is as it was. */
  saved = tei_test_write (document, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (edited, saved);
  tei_assert_valid (saved);

  /* Read back: Peitho's edits are there, the untouched seg too. */
  back = read_clean (saved);
  g_assert_cmpuint (peitho_document_get_n_annotations (back), ==, 4);
  assert_annotated (back, "A little more than kin and less than kind.", "irony", FALSE);
  assert_annotated (back, "Not so, my lord; I am too much in the sun.", "irony", FALSE);
  assert_annotated (back, "Not so, my lord; I am too much in the sun.", "pathos", TRUE);
  assert_annotated (back, "O, that this too, too sullied flesh", "metaphor", FALSE);
  assert_annotated (back, "O, that this too, too sullied flesh", "hyperbole", TRUE);
  assert_annotated (back, "Who’s there?", "rhetorical-question", FALSE);
  assert_annotated (back, "Nay, answer me.", "antithesis", TRUE);
  assert_annotated (back, "kin and less", "claim", TRUE);
  g_assert_cmpstr (peitho_document_get_text (back), ==, peitho_document_get_text (document));

  /* Saving what was read back gives the same file. */
  saved_again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/own-annotations/edits-written-back", test_edits_written_back);
  return g_test_run ();
}
