/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who uses which devices in a play: counts per speaker on the Folger
 * Hamlet, checked against what the edition's XML says (speeches per
 * speaker counted in the raw file) and against annotations placed by hand
 * in speeches of known speakers. */

#include <string.h>
#include <peitho-core.h>

#include "peitho-test-util.h"

static char *
hamlet_path (void)
{
  return g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei", "folger-hamlet.xml", NULL);
}

static PeithoDocument *
load_edition (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  return g_object_ref (peitho_load_result_get_document (result));
}

/* The number of sp elements whose @who names @id, from the raw file. */
static guint
speeches_in_file (const char *id)
{
  g_autofree char *path = hamlet_path ();
  g_autofree char *contents = NULL;
  g_autofree char *pattern = g_strdup_printf ("<sp [^>]*who=\"([^\"]* )?%s[ \"]", id);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_regex_match (regex, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

/* Tags [start of @needle's @nth occurrence, + @length characters). */
static void
annotate (PeithoDocument *document,
          const char     *needle,
          guint           nth,
          glong           length,
          const char     *tag_id)
{
  const char *text = peitho_document_get_text (document);
  const char *found = text;
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gsize start;

  for (guint i = 0; i <= nth; i++)
    {
      found = strstr (i == 0 ? found : found + 1, needle);
      g_assert_nonnull (found);
    }
  start = (gsize) g_utf8_pointer_to_offset (text, found);
  if (length < 0)
    length = g_utf8_strlen (needle, -1);
  annotation = peitho_annotation_new (NULL, start, start + (gsize) length, tag_id, NULL, NULL,
                                      NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static PeithoSpeakerCount *
speaker_of (GListModel *counts,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(PeithoSpeakerCount) speaker = g_list_model_get_item (counts, i);

      if (g_str_equal (peitho_speaker_count_get_id (speaker), id))
        return speaker;
    }
  return NULL;
}

static void
test_hamlet (void)
{
  g_autoptr(PeithoDocument) document = load_edition ("folger-hamlet.xml");
  g_autoptr(GListModel) counts = NULL;
  g_autoptr(PeithoSpeakerCount) first = NULL;
  g_auto(GStrv) tag_ids = NULL;
  PeithoSpeakerCount *hamlet;
  PeithoSpeakerCount *barnardo;
  PeithoSpeakerCount *francisco;
  PeithoSpeakerCount *cornelius;
  PeithoSpeakerCount *voltemand;
  g_autofree char *summary = NULL;

  /* No annotations: nobody is listed. */
  counts = peitho_speaker_counts_compute (document);
  g_assert_cmpuint (g_list_model_get_n_items (counts), ==, 0);
  g_clear_object (&counts);

  /* Hamlet: two ironies, a metaphor. */
  annotate (document, "A little more than kin and less than kind.", 0, -1, "irony");
  annotate (document, "Not so, my lord; I am too much in the sun.", 0, -1, "irony");
  annotate (document, "O, that this too, too sullied flesh would melt,", 0, -1, "metaphor");
  /* Barnardo's first question, then a passage over his first three
   * speeches (Barnardo, Francisco, Barnardo): once for each of the two. */
  annotate (document, "Who’s there?", 0, -1, "rhetorical-question");
  annotate (document, "Who’s there?", 0,
            g_utf8_strlen ("Who’s there?\n\nFRANCISCO\nNay, answer me. Stand and unfold yourself."
                           "\n\nBARNARDO\nLong live the King!", -1), "pathos");
  /* A speech of Cornelius and Voltemand together (who="#Cornelius_Ham
   * #Voltemand_Ham"): each one's. */
  annotate (document, "In that and all things will we show our duty.", 0, -1, "ethos");
  /* Outside any speech (a stage direction between speeches): nobody's. */
  annotate (document, "Enter Barnardo and Francisco, two sentinels.", 0, -1, "logos");

  counts = peitho_speaker_counts_compute (document);
  hamlet = speaker_of (counts, "#Hamlet_Ham");
  barnardo = speaker_of (counts, "#Barnardo_Ham");
  francisco = speaker_of (counts, "#Francisco_Ham");
  cornelius = speaker_of (counts, "#Cornelius_Ham");
  voltemand = speaker_of (counts, "#Voltemand_Ham");
  g_assert_nonnull (hamlet);
  g_assert_nonnull (barnardo);
  g_assert_nonnull (francisco);
  g_assert_nonnull (cornelius);
  g_assert_nonnull (voltemand);
  g_assert_cmpuint (g_list_model_get_n_items (counts), ==, 5);

  /* Most annotations first, ties in the order they first speak. */
  first = g_list_model_get_item (counts, 0);
  g_assert_true (first == hamlet);
  /* Named as the castList names the role, not as the speaker line reads
   * ("HAMLET"). */
  g_assert_cmpstr (peitho_speaker_count_get_name (hamlet), ==, "Hamlet");
  g_assert_cmpuint (peitho_speaker_count_get_total (hamlet), ==, 3);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (hamlet, "irony"), ==, 2);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (hamlet, "metaphor"), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (hamlet, "pathos"), ==, 0);
  g_assert_cmpuint (peitho_speaker_count_get_n_speeches (hamlet), ==,
                    speeches_in_file ("#Hamlet_Ham"));
  g_assert_cmpuint (peitho_speaker_count_get_n_speeches (hamlet), >, 300);
  tag_ids = peitho_speaker_count_dup_tag_ids (hamlet);
  g_assert_cmpuint (g_strv_length (tag_ids), ==, 2);
  g_assert_cmpstr (tag_ids[0], ==, "irony");
  g_assert_cmpstr (tag_ids[1], ==, "metaphor");
  g_assert_cmpstr (peitho_speaker_count_get_summary (hamlet), ==, "Irony 2, Metaphor 1");
  g_object_get (hamlet, "summary", &summary, NULL);
  g_assert_cmpstr (summary, ==, "Irony 2, Metaphor 1");

  g_assert_cmpstr (peitho_speaker_count_get_name (barnardo), ==, "Barnardo");
  g_assert_cmpuint (peitho_speaker_count_get_total (barnardo), ==, 2);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (barnardo, "pathos"), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (barnardo, "rhetorical-question"), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_n_speeches (barnardo), ==,
                    speeches_in_file ("#Barnardo_Ham"));
  g_assert_cmpuint (peitho_speaker_count_get_total (francisco), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (francisco, "pathos"), ==, 1);

  /* The joint speech's "CORNELIUS/ VOLTEMAND" names neither, and Cornelius
   * never speaks alone: the castList names him. */
  g_assert_cmpuint (peitho_speaker_count_get_total (cornelius), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (cornelius, "ethos"), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (voltemand, "ethos"), ==, 1);
  g_assert_cmpstr (peitho_speaker_count_get_name (cornelius), ==, "Cornelius");
  g_assert_cmpstr (peitho_speaker_count_get_name (voltemand), ==, "Voltemand");
  g_assert_cmpuint (peitho_speaker_count_get_n_speeches (voltemand), ==,
                    speeches_in_file ("#Voltemand_Ham"));

  /* Barnardo (2) before Francisco, Cornelius, Voltemand (1 each, in the
   * order they first speak). */
  {
    g_autoptr(PeithoSpeakerCount) second = g_list_model_get_item (counts, 1);
    g_autoptr(PeithoSpeakerCount) third = g_list_model_get_item (counts, 2);
    g_autoptr(PeithoSpeakerCount) fourth = g_list_model_get_item (counts, 3);

    g_assert_true (second == barnardo);
    g_assert_true (third == francisco);
    g_assert_true (fourth == cornelius);
  }

  /* Nobody got the stage direction's logos. */
  for (guint i = 0; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(PeithoSpeakerCount) speaker = g_list_model_get_item (counts, i);

      g_assert_cmpuint (peitho_speaker_count_get_tag_count (speaker, "logos"), ==, 0);
    }
}

/* A play whose castList gives no ids (GerDraCor's Räuber): the names of its
 * particDesc, not the speaker lines ("Franz."). */
static void
test_partic_desc (void)
{
  g_autoptr(PeithoDocument) document = load_edition ("gerdracor-schiller-die-raeuber.xml");
  g_autoptr(GListModel) counts = NULL;
  PeithoSpeakerCount *franz;
  PeithoSpeakerCount *karl;

  annotate (document, "Aber ist Euch auch wohl, Vater?", 0, -1, "pathos");
  annotate (document, "Mir ekelt vor diesem tintenklecksenden Säkulum", 0, -1, "irony");
  counts = peitho_speaker_counts_compute (document);
  g_assert_cmpuint (g_list_model_get_n_items (counts), ==, 2);
  franz = speaker_of (counts, "#franz_von_moor");
  karl = speaker_of (counts, "#karl_von_moor");
  g_assert_nonnull (franz);
  g_assert_nonnull (karl);
  g_assert_cmpstr (peitho_speaker_count_get_name (franz), ==, "Franz von Moor");
  g_assert_cmpstr (peitho_speaker_count_get_name (karl), ==, "Karl von Moor");
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (franz, "pathos"), ==, 1);
  g_assert_cmpuint (peitho_speaker_count_get_tag_count (karl, "irony"), ==, 1);
}

/* A text without speeches has no speakers, whatever its annotations. */
static void
test_no_speeches (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("One paragraph.\n\nAnother one.\n", 29);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GListModel) counts = NULL;

  document = peitho_text_import_bytes (bytes, "text.txt", NULL, &error);
  g_assert_no_error (error);
  annotation = peitho_annotation_new (NULL, 0, 3, "irony", NULL, NULL, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  counts = peitho_speaker_counts_compute (document);
  g_assert_cmpuint (g_list_model_get_n_items (counts), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speaker-counts/hamlet", test_hamlet);
  g_test_add_func ("/speaker-counts/partic-desc", test_partic_desc);
  g_test_add_func ("/speaker-counts/no-speeches", test_no_speeches);

  return g_test_run ();
}
