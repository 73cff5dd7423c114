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

/* Segs with notes and relations, the edition's own and Peitho's. "@ID@"
 * stands for the id of the annotation over the first one. */
static const Seg noted_segs[] = {
  /* A note of Peitho's on a seg without an id: the seg takes one. */
  { ">A little more than kin and less than kind. </l>",
    "><seg ana=\"#irony\">A little more than kin and less than kind.</seg> </l>",
    "><seg ana=\"#irony\" xml:id=\"@ID@\">A little more than kin and less than kind.</seg> </l>" },
  /* The edition's note, edited. */
  { ">Not so, my lord; I am too much in the sun. </l>",
    "><seg xml:id=\"sun\" ana=\"#pathos\">Not so, my lord; I am too much in the sun.</seg> </l>",
    "><seg xml:id=\"sun\" ana=\"#pathos\">Not so, my lord; I am too much in the sun.</seg> </l>" },
  /* Removed: its relations go, and so does a list left empty. */
  { ">O, that this too, too sullied flesh would melt, </l>",
    "><seg xml:id=\"flesh\" ana=\"#metaphor\">O, that this too, too sullied flesh</seg> would melt, </l>",
    ">O, that this too, too sullied flesh would melt, </l>" },
  /* A note of Peitho's on a seg with an id. */
  { "n=\"1.1.1\"/>Who’s there? </p>",
    "n=\"1.1.1\"/><seg type=\"question\" xml:id=\"who\" ana=\"#rhetorical-question\">Who’s there?</seg> </p>",
    "n=\"1.1.1\"/><seg type=\"question\" xml:id=\"who\" ana=\"#rhetorical-question\">Who’s there?</seg> </p>" },
  /* Removed: the edition's note on it goes. */
  { ">Nay, answer me. Stand and unfold yourself. </l>",
    "><seg xml:id=\"nay\" ana=\"#antithesis\">Nay, answer me.</seg> Stand and unfold yourself. </l>",
    ">Nay, answer me. Stand and unfold yourself. </l>" },
  /* The edition's own standOff. */
  { "Q41567\"/>\n    </listRelation>\n  </standOff>",
    "Q41567\"/>\n"
    "      <relation xml:id=\"flesh-sun\" name=\"supports\" active=\"#flesh\" passive=\"#sun\"/>\n"
    "    </listRelation>\n"
    "    <listRelation>\n"
    "      <relation name=\"attacks\" active=\"#nay\" passive=\"#flesh\"/>\n"
    "    </listRelation>\n"
    "    <note target=\"#sun\">Hamlet puns on son.</note>\n"
    "    <note target=\"#nay\">Barnardo asks first.</note>\n"
    "  </standOff>",
    "Q41567\"/>\n"
    "    </listRelation>\n"
    "    <note target=\"#sun\">A pun on son and sun.</note>\n"
    "  </standOff>" },
};

/* The Folger Hamlet, the places of @table in the form @which, "@ID@" made
 * @id. */
static GBytes *
hamlet_form (const Seg  *table,
             guint       n,
             int         which,
             const char *id)
{
  g_autoptr(GString) text = peitho_test_read_corpus ("tei/folger-hamlet.xml");

  for (guint i = 0; i < n; i++)
    {
      const char *form = which == PLAIN ? table[i].plain : which == TAGGED ? table[i].tagged
                                                                            : table[i].edited;

      peitho_test_replace_once (text, table[i].plain, form);
    }
  if (id != NULL)
    g_string_replace (text, "@ID@", id, 0);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
hamlet_with (int which)
{
  return hamlet_form (segs, G_N_ELEMENTS (segs), which, NULL);
}

static void
assert_annotated (PeithoDocument *document,
                  const char     *needle,
                  const char     *tag_id,
                  gboolean        expected)
{
  if ((peitho_test_annotation_over (document, needle, tag_id) != NULL) != expected)
    g_error ("“%s” is %s %s", needle, expected ? "not" : "still", tag_id);
}

static void
test_edits_written_back (void)
{
  g_autoptr(GBytes) plain = hamlet_with (PLAIN);
  g_autoptr(GBytes) tagged = hamlet_with (TAGGED);
  g_autoptr(GBytes) edited = hamlet_with (EDITED);
  g_autoptr(PeithoDocument) document = tei_test_read_clean (tagged);
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
    g_autoptr(PeithoDocument) edition = tei_test_read_clean (plain);

    g_assert_cmpstr (peitho_document_get_text (document), ==, peitho_document_get_text (edition));
  }

  /* Saved without edits: the segs as they were. */
  unchanged = tei_test_write (document, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (tagged, unchanged);

  /* Peitho's edits, and one annotation of Peitho's own beside them. */
  annotation = peitho_test_annotation_over (document, "A little more than kin and less than kind.", "irony");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  annotation = peitho_test_annotation_over (document, "Not so, my lord; I am too much in the sun.", "irony");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  annotation = peitho_test_annotation_over (document, "O, that this too, too sullied flesh", "metaphor");
  g_assert_true (peitho_document_set_annotation_tag (document, annotation, "hyperbole", &error));
  g_assert_no_error (error);
  annotation = peitho_test_annotation_over (document, "Who’s there?", "rhetorical-question");
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
  back = tei_test_read_clean (saved);
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

static void
set_note (PeithoDocument *document,
          const char     *needle,
          const char     *tag_id,
          const char     *note)
{
  PeithoAnnotation *annotation = peitho_test_annotation_over (document, needle, tag_id);

  g_assert_nonnull (annotation);
  peitho_document_set_annotation_note (document, annotation, note);
}

static void
assert_note (PeithoDocument *document,
             const char     *needle,
             const char     *tag_id,
             const char     *note)
{
  PeithoAnnotation *annotation = peitho_test_annotation_over (document, needle, tag_id);

  g_assert_nonnull (annotation);
  g_assert_cmpstr (peitho_annotation_get_note (annotation), ==, note);
}

static void
remove_over (PeithoDocument *document,
             const char     *needle,
             const char     *tag_id)
{
  PeithoAnnotation *annotation = peitho_test_annotation_over (document, needle, tag_id);

  g_assert_nonnull (annotation);
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
}

/* Notes and relations on the edition's own annotations: an edited note of
 * the edition's changes in place, one of Peitho's goes in Peitho's standOff
 * and points at the seg (which takes an id only if it has none), and a
 * removed annotation takes its relations and the edition's note on it. */
static void
test_notes_and_relations (void)
{
  g_autoptr(GBytes) tagged = hamlet_form (noted_segs, G_N_ELEMENTS (noted_segs), TAGGED, NULL);
  g_autoptr(PeithoDocument) document = tei_test_read_clean (tagged);
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  const char *kin = "A little more than kin and less than kind.";
  const char *sun = "Not so, my lord; I am too much in the sun.";
  const char *who = "Who’s there?";
  g_autofree char *kin_id = NULL;

  /* The edition's notes and relations are read. */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 5);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  assert_note (document, sun, "pathos", "Hamlet puns on son.");
  assert_note (document, "Nay, answer me.", "antithesis", "Barnardo asks first.");
  assert_note (document, kin, "irony", NULL);
  kin_id = g_strdup (peitho_annotation_get_id (peitho_test_annotation_over (document, kin, "irony")));

  set_note (document, kin, "irony", "Aside.");
  set_note (document, sun, "pathos", "A pun on son and sun.");
  set_note (document, who, "rhetorical-question", "Barnardo asks first.");
  remove_over (document, "O, that this too, too sullied flesh", "metaphor");
  remove_over (document, "Nay, answer me.", "antithesis");
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 0);

  saved = tei_test_write (document, PEITHO_TEI_STANDOFF);
  edited = hamlet_form (noted_segs, G_N_ELEMENTS (noted_segs), EDITED, kin_id);
  tei_assert_preserved (edited, saved);
  tei_assert_valid (saved);

  back = tei_test_read_clean (saved);
  g_assert_cmpuint (peitho_document_get_n_annotations (back), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_relations (back), ==, 0);
  assert_note (back, kin, "irony", "Aside.");
  assert_note (back, sun, "pathos", "A pun on son and sun.");
  assert_note (back, who, "rhetorical-question", "Barnardo asks first.");
  assert_annotated (back, "O, that this too, too sullied flesh", "metaphor", FALSE);
  assert_annotated (back, "Nay, answer me.", "antithesis", FALSE);
  g_assert_cmpstr (peitho_annotation_get_id (peitho_test_annotation_over (back, kin, "irony")), ==, kin_id);
  g_assert_cmpstr (peitho_document_get_text (back), ==, peitho_document_get_text (document));

  /* A note taken away again leaves no note, and a second save of what was
   * read back gives the same file. */
  saved_again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  g_assert_true (g_bytes_equal (saved, saved_again));
  set_note (back, kin, "irony", NULL);
  g_clear_pointer (&saved_again, g_bytes_unref);
  saved_again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  tei_assert_preserved (edited, saved_again);
  g_clear_object (&document);
  document = tei_test_read_clean (saved_again);
  assert_note (document, kin, "irony", NULL);
  assert_note (document, who, "rhetorical-question", "Barnardo asks first.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/own-annotations/edits-written-back", test_edits_written_back);
  g_test_add_func ("/tei/own-annotations/notes-and-relations", test_notes_and_relations);
  return g_test_run ();
}
