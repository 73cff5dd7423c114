/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The document setting that shows the original readings of an edition's
 * choices (sic, abbr) instead of the edited ones (corr, expan), on the real
 * Folger Hamlet with two choices put in: the text changes, the annotations
 * stay on the same words, and the setting is saved and read back. */

#include <string.h>

#include "tei-preserve.h"
#include "tei-test-util.h"
#include "tei-validate.h"

/* The places of the edition, and the choices put in there. */
static const struct {
  const char *plain;
  const char *with_choice;
} places[] = {
  { "n=\"1.1.1\"/>Who’s there? </p>",
    "n=\"1.1.1\"/>Who’s <choice><sic>ther</sic><corr>there</corr></choice>? </p>" },
  { "n=\"1.1.3\"/>Long live the King! </p>",
    "n=\"1.1.3\"/>Long live the <choice><abbr>K.</abbr><expan>King</expan></choice>! </p>" },
};

static const char *const nay = "Nay, answer me.";
static const char *const hour = "You come most carefully upon your hour.";

static GBytes *
hamlet_with_choices (void)
{
  g_autoptr(GString) text = peitho_test_read_corpus ("tei/folger-hamlet.xml");

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    peitho_test_replace_once (text, places[i].plain, places[i].with_choice);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
annotate (PeithoDocument *document,
          const char     *needle,
          const char     *tag_id)
{
  gsize start = peitho_test_offset_of (document, needle);
  g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (NULL, start,
                                                                  start + g_utf8_strlen (needle, -1),
                                                                  tag_id, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static void
assert_annotations (PeithoDocument *document,
                    const char     *question,
                    const char     *king)
{
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 4);
  g_assert_nonnull (peitho_test_annotation_over (document, question, "rhetorical-question"));
  g_assert_nonnull (peitho_test_annotation_over (document, nay, "antithesis"));
  g_assert_nonnull (peitho_test_annotation_over (document, king, "pathos"));
  g_assert_nonnull (peitho_test_annotation_over (document, hour, "irony"));
}

static PeithoDocument *
switch_readings (PeithoDocument *document,
                 gboolean        original)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PeithoDocument *switched = peitho_tei_switch_readings (document, original, "hamlet.xml",
                                                         problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (switched);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (peitho_tei_shows_original_readings (switched) == original);
  return switched;
}

static void
test_switch (void)
{
  g_autoptr(GBytes) input = hamlet_with_choices ();
  g_autoptr(PeithoDocument) edited = tei_test_read_clean (input);
  g_autoptr(PeithoDocument) original = NULL;
  g_autoptr(PeithoDocument) back = NULL;
  g_autoptr(PeithoDocument) edited_again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GBytes) saved_edited = NULL;
  gsize hour_edited;

  /* By default the edited readings, and no setting written. */
  g_assert_false (peitho_tei_shows_original_readings (edited));
  g_assert_true (peitho_tei_has_other_readings (edited));
  peitho_test_offset_of (edited, "Who’s there?");
  peitho_test_offset_of (edited, "Long live the King!");
  annotate (edited, "Who’s there?", "rhetorical-question");
  annotate (edited, nay, "antithesis");
  annotate (edited, "Long live the King!", "pathos");
  annotate (edited, hour, "irony");
  hour_edited = peitho_test_offset_of (edited, hour);

  /* The original readings: shorter, so what follows moves; every
   * annotation is on the same words, the choices' included. */
  original = switch_readings (edited, TRUE);
  g_assert_cmpstr (strstr (peitho_document_get_text (original), "Who’s there?"), ==, NULL);
  assert_annotations (original, "Who’s ther?", "Long live the K.!");
  g_assert_cmpuint (peitho_test_offset_of (original, hour), ==, hour_edited - 3);
  /* The document switched from is as it was. */
  g_assert_false (peitho_tei_shows_original_readings (edited));
  assert_annotations (edited, "Who’s there?", "Long live the King!");

  /* Saved with the setting (a part of Peitho's in the header, the rest as
   * it was), valid, and read back with it. */
  saved = tei_test_write (original, PEITHO_TEI_STANDOFF);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "<desc type=\"readings\">original</desc>"));
  tei_assert_preserved (input, saved);
  tei_assert_valid (saved);
  back = tei_test_read_clean (saved);
  g_assert_true (peitho_tei_shows_original_readings (back));
  g_assert_cmpstr (peitho_document_get_text (back), ==, peitho_document_get_text (original));
  assert_annotations (back, "Who’s ther?", "Long live the K.!");
  saved_again = tei_test_write (back, PEITHO_TEI_STANDOFF);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* And back to the edited readings: the text first read, no setting. */
  edited_again = switch_readings (back, FALSE);
  g_assert_cmpstr (peitho_document_get_text (edited_again), ==, peitho_document_get_text (edited));
  assert_annotations (edited_again, "Who’s there?", "Long live the King!");
  saved_edited = tei_test_write (edited_again, PEITHO_TEI_STANDOFF);
  g_assert_null (g_strstr_len (g_bytes_get_data (saved_edited, NULL),
                               g_bytes_get_size (saved_edited), "type=\"readings\""));
  tei_assert_preserved (input, saved_edited);
}

/* A text that is no edition has no readings to choose. */
static void
test_not_an_edition (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("One paragraph.\n", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) document = peitho_text_import_bytes (bytes, "text.txt", NULL, &error);
  g_autoptr(PeithoDocument) switched = NULL;

  g_assert_no_error (error);
  g_assert_false (peitho_tei_shows_original_readings (document));
  g_assert_false (peitho_tei_has_other_readings (document));
  switched = peitho_tei_switch_readings (document, TRUE, "text.txt", NULL, &error);
  g_assert_null (switched);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI);
  g_assert_nonnull (strstr (error->message, "text.txt"));
}

#define CHOICE_TEI(header, choice) \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>" \
  "<titleStmt><title>" header "</title></titleStmt><publicationStmt><p>Tests.</p>" \
  "</publicationStmt><sourceDesc><p>Tests.</p></sourceDesc></fileDesc></teiHeader>" \
  "<text><body><div><p>The " choice " of flax.</p></div></body></text></TEI>\n"

static gboolean
has_other_readings (const char *tei)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (tei, strlen (tei));
  g_autoptr(PeithoDocument) document = tei_test_read_clean (bytes);

  return peitho_tei_has_other_readings (document);
}

/* Whether the setting changes the text: only a choice that holds an edited
 * and an original reading, in the text. */
static void
test_has_other_readings (void)
{
  g_assert_true (has_other_readings (CHOICE_TEI ("Flax",
    "<choice><sic>scutehing</sic><corr>scutching</corr></choice>")));
  g_assert_true (has_other_readings (CHOICE_TEI ("Flax",
    "<hi><choice><expan>and</expan><abbr>&amp;</abbr></choice></hi>")));
  /* No choice, two edited readings, one reading: the same text either way. */
  g_assert_false (has_other_readings (CHOICE_TEI ("Flax", "scutching")));
  g_assert_false (has_other_readings (CHOICE_TEI ("Flax",
    "<choice><corr>scutching</corr><reg>scutching</reg></choice>")));
  g_assert_false (has_other_readings (CHOICE_TEI ("Flax", "<choice><sic>scutehing</sic></choice>")));
  /* A choice in the header is not in the text. */
  g_assert_false (has_other_readings (CHOICE_TEI ("<choice><sic>Flx</sic><corr>Flax</corr></choice>",
                                                  "scutching")));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/readings/switch", test_switch);
  g_test_add_func ("/tei/readings/not-an-edition", test_not_an_edition);
  g_test_add_func ("/tei/readings/has-other-readings", test_has_other_readings);
  return g_test_run ();
}
