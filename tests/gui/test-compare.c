/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui-fixture.h"

#include "peitho-agreement-map.h"
#include "peitho-discussion-row.h"
#include "peitho-heat-stripe.h"
#include "peitho-student-row.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include <string.h>

/* Comparing the students of a seminar in the window: the students shown,
 * colour by student, the passages to discuss, anonymous names and the
 * presentation mode, on a seminar merged from three readings of the corpus
 * essay. */

#define ESSAY "trotsky-1939-balance-sheet-of-the-purges.txt"

#define DIRTIEST "dirtiest journalistic tasks"
#define KREMLIN  "whom the Kremlin has always entrusted"
#define FOOLS    "Only inveterate fools, of course, are capable of believing this."

typedef struct {
  int start;
  int end;
} Range;

static Range
find (PeithoDocument *document,
      const char     *phrase)
{
  const char *text = peitho_document_get_text (document);
  const char *at = strstr (text, phrase);
  Range range;

  g_assert_nonnull (at);
  range.start = (int) g_utf8_pointer_to_offset (text, at);
  range.end = range.start + (int) g_utf8_strlen (phrase, -1);
  return range;
}

static void
annotate (PeithoDocument *document,
          const char     *student,
          const char     *phrase,
          const char     *tag_id)
{
  PeithoAnnotator *who = peitho_document_ensure_annotator (document, student);
  Range range = find (document, phrase);
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = peitho_annotation_new (NULL, range.start, range.end, tag_id,
                                      peitho_annotator_get_id (who), NULL, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static PeithoDocument *
load_essay (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), ESSAY, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = peitho_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Ada and Ben tag "dirtiest journalistic tasks" differently and Carla not
 * at all (disagreement 1, the first passage to discuss); only Ada marks
 * "whom the Kremlin…" (2/3); all three agree on the claim (no passage). */
static GFile *
write_seminar (const char *dir)
{
  g_autoptr(PeithoDocument) assignment = load_essay ();
  g_autoptr(PeithoDocument) ada = load_essay ();
  g_autoptr(PeithoDocument) ben = load_essay ();
  g_autoptr(PeithoDocument) carla = load_essay ();
  g_autoptr(PeithoSeminarMerger) merger = peitho_seminar_merger_new (assignment, "essay.xml");
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autofree char *path = g_build_filename (dir, "seminar.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  annotate (ada, "Ada", DIRTIEST, "metaphor");
  annotate (ada, "Ada", KREMLIN, "irony");
  annotate (ada, "Ada", FOOLS, "claim");
  annotate (ben, "Ben", DIRTIEST, "irony");
  annotate (ben, "Ben", FOOLS, "claim");
  annotate (carla, "Carla", FOOLS, "claim");
  g_assert_true (peitho_seminar_merger_add_reading (merger, ada, "essay — Ada.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  g_assert_true (peitho_seminar_merger_add_reading (merger, ben, "essay — Ben.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  g_assert_true (peitho_seminar_merger_add_reading (merger, carla, "essay — Carla.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  seminar = peitho_seminar_merger_build (merger, &error);
  g_assert_no_error (error);
  g_assert_true (peitho_tei_write_file (seminar, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static PeithoWindow *
open_seminar (Fixture *f)
{
  g_autoptr(GFile) file = write_seminar (f->dir);
  PeithoWindow *window = open_window (file);

  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_students_for_testing (window)),
                    ==, 3);
  return window;
}

/* The id of the @index-th student. */
static const char *
student_id (PeithoWindow *window,
            guint         index)
{
  g_autoptr(PeithoAnnotator) student = NULL;

  student = g_list_model_get_item (_peitho_window_get_students_for_testing (window), index);
  g_assert_nonnull (student);
  /* The document keeps it. */
  return peitho_annotator_get_id (student);
}

/* Asserts that @text_tag covers exactly the @n ranges (sorted, apart). */
static void
assert_tag_ranges (PeithoWindow *window,
                   GtkTextTag   *text_tag,
                   const Range  *ranges,
                   guint         n)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  GtkTextIter iter;

  g_assert_nonnull (text_tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      int offset = gtk_text_iter_get_offset (&iter);
      gboolean expected = FALSE;

      for (guint i = 0; i < n; i++)
        expected |= offset >= ranges[i].start && offset < ranges[i].end;
      if (gtk_text_iter_has_tag (&iter, text_tag) != expected)
        g_error ("Tag %s at offset %d", expected ? "missing" : "present", offset);
    }
  while (gtk_text_iter_forward_char (&iter));
}

/* The sidebar's count of @tag_id. */
static guint
sidebar_count (PeithoWindow *window,
               const char   *tag_id)
{
  PeithoCountModel *counts = PEITHO_COUNT_MODEL (peitho_window_get_count_model (window));

  return peitho_count_item_get_count (peitho_count_model_lookup (counts, tag_id));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoDocument *document = peitho_window_get_document (window);
  PeithoHighlighter *highlighter = _peitho_window_get_highlighter_for_testing (window);
  Range dirtiest = find (document, DIRTIEST), kremlin = find (document, KREMLIN);
  Range fools = find (document, FOOLS);
  Range both[] = { kremlin, dirtiest };
  GtkTextTag *irony = text_tag (window, "irony");
  GtkTextTag *metaphor = text_tag (window, "metaphor");

  g_assert_cmpint (kremlin.start, <, dirtiest.start);
  assert_tag_ranges (window, irony, both, 2);
  assert_tag_ranges (window, metaphor, &dirtiest, 1);
  g_assert_cmpuint (sidebar_count (window, "irony"), ==, 2);
  g_assert_cmpuint (sidebar_count (window, "claim"), ==, 3);

  /* Ada only: her irony, her metaphor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-only", "s",
                                             student_id (window, 0)));
  iterate ();
  assert_tag_ranges (window, irony, &kremlin, 1);
  assert_tag_ranges (window, metaphor, &dirtiest, 1);
  g_assert_true (peitho_highlighter_is_annotator_hidden (highlighter, student_id (window, 1)));
  /* The sidebar counts hers alone. */
  g_assert_cmpuint (sidebar_count (window, "irony"), ==, 1);
  g_assert_cmpuint (sidebar_count (window, "metaphor"), ==, 1);
  g_assert_cmpuint (sidebar_count (window, "claim"), ==, 1);

  /* Ben only: his irony, no metaphor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-only", "s",
                                             student_id (window, 1)));
  iterate ();
  assert_tag_ranges (window, irony, &dirtiest, 1);
  assert_tag_ranges (window, metaphor, NULL, 0);
  g_assert_cmpuint (sidebar_count (window, "irony"), ==, 1);
  g_assert_cmpuint (sidebar_count (window, "metaphor"), ==, 0);

  /* A chosen set, by the filter's check buttons: Ben and Carla. */
  {
    GtkListBox *list = _peitho_window_get_students_list_for_testing (window);
    GtkListBoxRow *carla_row = gtk_list_box_get_row_at_index (list, 2);
    GtkWidget *check = find_widget (GTK_WIDGET (carla_row), GTK_TYPE_CHECK_BUTTON, NULL);

    g_assert_nonnull (check);
    g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Carla");
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    iterate ();
    g_assert_false (peitho_highlighter_is_annotator_hidden (highlighter, student_id (window, 2)));
    assert_tag_ranges (window, irony, &dirtiest, 1);
    assert_tag_ranges (window, text_tag (window, "claim"), &fools, 1);
    g_assert_cmpuint (sidebar_count (window, "claim"), ==, 2);

    /* The row is a PeithoStudentRow whose check button acts through
     * win.show-student((sb)); the action, from elsewhere, moves the row's
     * check button too. */
    {
      GtkWidget *row = gtk_list_box_row_get_child (carla_row);

      g_assert_true (PEITHO_IS_STUDENT_ROW (row));
      g_assert_cmpstr (peitho_student_row_get_student_id (PEITHO_STUDENT_ROW (row)), ==,
                       student_id (window, 2));
      g_assert_true (peitho_student_row_get_shown (PEITHO_STUDENT_ROW (row)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-student", "(sb)",
                                                 student_id (window, 2), FALSE));
      iterate ();
      g_assert_true (peitho_highlighter_is_annotator_hidden (highlighter, student_id (window, 2)));
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      g_assert_cmpuint (sidebar_count (window, "claim"), ==, 1);
      /* The same rows: nothing was rebuilt. */
      g_assert_true (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 2)) == row);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      iterate ();
      g_assert_false (peitho_highlighter_is_annotator_hidden (highlighter, student_id (window, 2)));
      g_assert_cmpuint (sidebar_count (window, "claim"), ==, 2);
      /* An id not compared changes nothing. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-student", "(sb)",
                                                 "ann-nobody", FALSE));
      g_assert_cmpuint (sidebar_count (window, "claim"), ==, 2);
    }
  }

  /* The heat stripe counts the students shown: Ben and Carla. */
  {
    PeithoHeatStripe *stripe = _peitho_window_get_heat_stripe_for_testing (window);
    g_autofree char *summary = NULL;
    guint n_marked;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (stripe)));
    summary = peitho_heat_stripe_dup_summary (stripe, dirtiest.start, dirtiest.end, &n_marked);
    g_assert_cmpuint (n_marked, ==, 1);
    g_assert_cmpstr (summary, ==, "1 of 2 students: Irony");
    g_clear_pointer (&summary, g_free);
    summary = peitho_heat_stripe_dup_summary (stripe, kremlin.start, kremlin.end, &n_marked);
    g_assert_cmpuint (n_marked, ==, 0);
    g_assert_null (summary);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-all", NULL));
    summary = peitho_heat_stripe_dup_summary (stripe, dirtiest.start, dirtiest.end, &n_marked);
    g_assert_cmpuint (n_marked, ==, 2);
    g_assert_nonnull (strstr (summary, "2 of 3 students: "));
    g_assert_nonnull (strstr (summary, "Irony"));
    g_assert_nonnull (strstr (summary, "Metaphor"));
    g_clear_pointer (&summary, g_free);
    summary = peitho_heat_stripe_dup_summary (stripe, fools.start, fools.end, &n_marked);
    g_assert_cmpstr (summary, ==, "3 of 3 students: Claim");
    g_assert_cmpuint (sidebar_count (window, "claim"), ==, 3);
    g_assert_cmpuint (sidebar_count (window, "irony"), ==, 2);
  }

  /* Everyone again, coloured by student. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-all", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.color-by-student", NULL));
  iterate ();
  g_assert_true (peitho_highlighter_get_color_by_annotator (highlighter));
  {
    Range ada[] = { kremlin, dirtiest, fools };

    assert_tag_ranges (window, peitho_highlighter_get_annotator_text_tag (highlighter,
                                                                          student_id (window, 0)),
                       ada, 3);
    assert_tag_ranges (window, peitho_highlighter_get_annotator_text_tag (highlighter,
                                                                          student_id (window, 2)),
                       &fools, 1);
    assert_tag_ranges (window, irony, NULL, 0);
  }
  /* Back to colour by tag. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.color-by-student", NULL));
  iterate ();
  assert_tag_ranges (window, irony, both, 2);

  destroy_window (window);
}

/* Places the cursor at @offset and returns the text view's accessible
 * description, which says of the cursor's line what the heat stripe's
 * tooltip says. */
static char *
cursor_line_description (PeithoWindow *window,
                         int           offset)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  PeithoHeatStripe *stripe = _peitho_window_get_heat_stripe_for_testing (window);
  g_autofree char *summary = NULL;
  GtkTextIter iter;
  guint n_marked;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  iterate ();
  summary = peitho_heat_stripe_dup_line_summary (stripe, &iter, &n_marked);
  if (summary == NULL)
    summary = g_strdup ("No student shown marked this line");
  /* The tests run without an accessibility backend (GTK_A11Y=none): the
   * window's record of the description stands for it. */
  g_assert_cmpstr (_peitho_window_get_cursor_line_summary_for_testing (window), ==, summary);
  return g_steal_pointer (&summary);
}

/* The heat stripe's tooltip is for the mouse; the cursor's line says the
 * same to the keyboard and screen readers (its accessible description, and
 * win.heat-summary). */
static void
test_heat_stripe_keyboard (Fixture       *f,
                           gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoDocument *document = peitho_window_get_document (window);
  Range dirtiest = find (document, DIRTIEST);
  g_autofree char *said = NULL;

  g_assert_true (gtk_widget_get_visible (_peitho_window_get_heat_stripe_for_testing (window)));
  said = cursor_line_description (window, dirtiest.start + 2);
  g_assert_cmpstr (said, ==, "2 of 3 students: Irony, Metaphor");
  g_clear_pointer (&said, g_free);
  /* The title: nobody marked it. */
  said = cursor_line_description (window, 0);
  g_assert_cmpstr (said, ==, "No student shown marked this line");
  g_clear_pointer (&said, g_free);

  /* Ben alone: his irony, of one student; the line the cursor is on says
   * so at once. */
  g_free (cursor_line_description (window, dirtiest.start));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-only", "s",
                                             student_id (window, 1)));
  g_assert_true (g_str_has_prefix (_peitho_window_get_cursor_line_summary_for_testing (window),
                                   "1 of 1 student: "));
  said = cursor_line_description (window, dirtiest.start + 1);
  g_assert_cmpstr (said, ==, "1 of 1 student: Irony");

  /* The shortcut's action says it again (in a toast). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.heat-summary", NULL));
  iterate ();
  g_assert_cmpstr (_peitho_window_get_last_toast_for_testing (window), ==, said);
  g_clear_pointer (&said, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-all", NULL));

  destroy_window (window);
}

/* While the text is loading nothing is said of the cursor's line (the
 * view emptied, then given its document again, as opening does); once it
 * is in, the line the cursor is on says who marked it, without the cursor
 * being moved. */
static void
test_heat_summary_after_loading (Fixture       *f,
                                 gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoDocument *document = peitho_window_get_document (window);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (window);
  PeithoHighlighter *highlighter = _peitho_window_get_highlighter_for_testing (window);
  g_autofree char *said = cursor_line_description (window, find (document, DIRTIEST).start);

  g_assert_nonnull (strstr (said, " of 3 students: "));

  peitho_annotation_view_set_document (view, NULL);
  iterate ();
  g_assert_false (peitho_highlighter_get_text_complete (highlighter));
  g_assert_null (_peitho_window_get_cursor_line_summary_for_testing (window));
  /* The shortcut says nothing either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.heat-summary", NULL));
  iterate ();
  g_assert_null (_peitho_window_get_last_toast_for_testing (window));

  peitho_annotation_view_set_document (view, document);
  wait_until (peitho_highlighter_get_text_complete (highlighter));
  iterate ();
  /* The title's line, where loading leaves the cursor: nobody marked it. */
  g_assert_cmpstr (_peitho_window_get_cursor_line_summary_for_testing (window), ==,
                   "No student shown marked this line");

  destroy_window (window);
}

/* A class of @n students (n >= 2) on the essay: the first tags
 * "dirtiest journalistic tasks" as a metaphor, the second as irony, the
 * others nothing. */
static GFile *
write_class_seminar (const char *dir,
                     guint       n)
{
  g_autoptr(PeithoDocument) assignment = load_essay ();
  g_autoptr(PeithoSeminarMerger) merger = peitho_seminar_merger_new (assignment, "essay.xml");
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autofree char *path = g_build_filename (dir, "class.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoDocument) reading = load_essay ();
      g_autofree char *student = g_strdup_printf ("S%02u", i + 1);
      g_autofree char *name = g_strdup_printf ("essay — %s.xml", student);

      if (i < 2)
        annotate (reading, student, DIRTIEST, i == 0 ? "metaphor" : "irony");
      else
        peitho_document_ensure_annotator (reading, student);
      g_assert_true (peitho_seminar_merger_add_reading (merger, reading, name,
                                                        PEITHO_SEMINAR_DUPLICATE_FAIL, NULL,
                                                        &error));
      g_assert_no_error (error);
    }
  seminar = peitho_seminar_merger_build (merger, &error);
  g_assert_no_error (error);
  g_assert_true (peitho_tei_write_file (seminar, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static void
test_passages (Fixture       *f,
               gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoDocument *document = peitho_window_get_document (window);
  GListModel *passages = _peitho_window_get_discussion_for_testing (window);
  g_autoptr(PeithoDiscussionPassage) first = NULL;
  Range dirtiest = find (document, DIRTIEST);
  const char *details;
  gsize start, end;

  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);
  first = g_list_model_get_item (passages, 0);
  g_assert_cmpuint (peitho_discussion_passage_get_start (first), ==, dirtiest.start);
  g_assert_cmpuint (peitho_discussion_passage_get_end (first), ==, dirtiest.end);
  g_assert_cmpfloat (peitho_discussion_passage_get_score (first), ==, 1.0);

  _peitho_window_compare_show_passage (window, 0);
  iterate ();
  g_assert_true (peitho_annotation_view_get_selection (_peitho_window_get_view_for_testing (window),
                                                       FALSE, &start, &end));
  g_assert_cmpuint (start, ==, dirtiest.start);
  g_assert_cmpuint (end, ==, dirtiest.end);
  details = _peitho_window_get_discussion_details_for_testing (window);
  g_assert_cmpstr (details, ==, "Ada: Metaphor\nBen: Irony\nCarla: nothing");

  /* The Discuss page's rows are PeithoDiscussionRows; activating one shows
   * its passage through win.show-passage(u). */
  {
    GtkWidget *sidebar = GTK_WIDGET (_peitho_window_get_sidebar_for_testing (window));
    PeithoDiscussionRow *row;

    /* A hidden page makes no rows: its list holds no model until shown. */
    peitho_sidebar_show_page (PEITHO_SIDEBAR (sidebar), "tags");
    iterate ();
    g_assert_null (find_widget (sidebar, PEITHO_TYPE_DISCUSSION_ROW, NULL));

    peitho_sidebar_show_page (PEITHO_SIDEBAR (sidebar), "discuss");
    iterate ();
    row = PEITHO_DISCUSSION_ROW (find_widget (sidebar, PEITHO_TYPE_DISCUSSION_ROW, NULL));
    g_assert_nonnull (row);
    g_assert_true (peitho_discussion_row_get_passage (row) == first);
    g_assert_cmpstr (peitho_discussion_row_get_excerpt (row), ==, "“" DIRTIEST "”");
    g_assert_cmpstr (peitho_discussion_row_get_summary (row), ==, "Marked by 2 of 3 · disagreement 100 %");

    /* A row unbound (as the list recycles it) says nothing stale. */
    {
      g_autoptr(GtkWidget) alone = g_object_ref_sink (peitho_discussion_row_new ());

      peitho_discussion_row_set_passage (PEITHO_DISCUSSION_ROW (alone), document, first);
      g_assert_cmpstr (peitho_discussion_row_get_excerpt (PEITHO_DISCUSSION_ROW (alone)), ==,
                       "“" DIRTIEST "”");
      peitho_discussion_row_set_passage (PEITHO_DISCUSSION_ROW (alone), NULL, NULL);
      g_assert_null (peitho_discussion_row_get_passage (PEITHO_DISCUSSION_ROW (alone)));
      g_assert_cmpstr (peitho_discussion_row_get_excerpt (PEITHO_DISCUSSION_ROW (alone)), ==, "");
      g_assert_cmpstr (peitho_discussion_row_get_summary (PEITHO_DISCUSSION_ROW (alone)), ==, "");
    }

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-passage", "u", 1));
    iterate ();
    g_assert_cmpuint (gtk_single_selection_get_selected (_peitho_window_get_discussion_selection_for_testing (window)),
                      ==, 1);
    g_assert_cmpstr (_peitho_window_get_discussion_details_for_testing (window), ==,
                     "Ada: Irony\nBen: nothing\nCarla: nothing");
    /* As a click or Enter on the row does. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "list.activate-item", "u", 0));
    iterate ();
    g_assert_cmpuint (gtk_single_selection_get_selected (_peitho_window_get_discussion_selection_for_testing (window)),
                      ==, 0);
    g_assert_cmpstr (_peitho_window_get_discussion_details_for_testing (window), ==,
                     "Ada: Metaphor\nBen: Irony\nCarla: nothing");
  }

  /* Without Ada, the passage is Ben's alone: still to discuss, as Carla
   * left it out; the Kremlin's irony (Ada's) is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-only", "s",
                                             student_id (window, 1)));
  /* The passages are ranked in a thread: the window is busy until then. */
  wait_for (window);
  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_discussion_for_testing (window)),
                    ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-all", NULL));
  wait_for (window);
  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_discussion_for_testing (window)),
                    ==, 2);

  destroy_window (window);
}

static void
test_anonymise (Fixture       *f,
                gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  GtkListBox *list = _peitho_window_get_students_list_for_testing (window);
  GtkSingleSelection *selection;
  GtkWidget *check;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);
  check = find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                       GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Student 1");
  _peitho_window_compare_show_passage (window, 0);
  iterate ();
  g_assert_cmpstr (_peitho_window_get_discussion_details_for_testing (window), ==,
                   "Student 1: Metaphor\nStudent 2: Irony\nStudent 3: nothing");
  /* Names given back: the passage shown stays, its details with the names. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);
  selection = _peitho_window_get_discussion_selection_for_testing (window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (_peitho_window_get_discussion_details_for_testing (window), ==,
                   "Ada: Metaphor\nBen: Irony\nCarla: nothing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);
  check = find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)),
                       GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Carla");

  destroy_window (window);
}

/* The Overview page's agreement is the core's, for the students shown. */
static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoAgreementMap *map = _peitho_window_get_agreement_map_for_testing (window);
  g_autoptr(PeithoAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_alpha = NULL;
  const char *description;

  agreement = peitho_agreement_compute (peitho_window_get_document (window), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (peitho_measure_is_defined (peitho_agreement_get_alpha (agreement)));
  expected = g_strdup_printf ("Krippendorff’s alpha_u: %.3f",
                              peitho_agreement_get_alpha (agreement).value);
  g_assert_cmpstr (_peitho_window_get_agreement_text_for_testing (window), ==, expected);
  expected_alpha = g_strdup (expected);

  /* Three pairs, read as sentences, with the core's values. */
  description = peitho_agreement_map_get_description (map);
  g_assert_nonnull (description);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada and Ben: %.2f.",
                              peitho_agreement_get_pair_alpha (agreement, 0, 1).value);
  g_assert_nonnull (strstr (description, expected));
  g_assert_nonnull (strstr (description, "Ben and Carla: "));
  g_assert_null (strstr (description, "Ada and Ada"));

  /* Anonymised, the map names nobody. It is computed again in a thread:
   * the window says so, and is busy until it is done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  g_assert_cmpstr (_peitho_window_get_agreement_text_for_testing (window), ==,
                   "Computing the agreement…");
  g_assert_true (peitho_window_get_busy (window));
  wait_for (window);
  g_assert_cmpstr (_peitho_window_get_agreement_text_for_testing (window), ==, expected_alpha);
  description = peitho_agreement_map_get_description (map);
  g_assert_nonnull (strstr (description, "Student 1 and Student 2: "));
  g_assert_null (strstr (description, "Ada"));

  /* One student shown: no agreement to show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-only", "s",
                                             student_id (window, 0)));
  iterate ();
  g_assert_null (_peitho_window_get_agreement_text_for_testing (window));

  destroy_window (window);
}

/* Colour by student and anonymous names end with the seminar: the next
 * document opened in the window is shown as usual. */
static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoHighlighter *highlighter = _peitho_window_get_highlighter_for_testing (window);
  g_autoptr(GVariant) state = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.color-by-student", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  iterate ();
  g_assert_true (peitho_highlighter_get_color_by_annotator (highlighter));

  peitho_window_open_file (window, f->text_file);
  wait_for (window);
  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_students_for_testing (window)),
                    <, 2);
  g_assert_false (peitho_highlighter_get_color_by_annotator (highlighter));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "anonymise");
  g_assert_false (g_variant_get_boolean (state));

  destroy_window (window);
}

/* A document of one reader compares nothing. */
static void
test_single_reader (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_students_for_testing (f->window)),
                    <, 2);
  g_assert_false (gtk_widget_get_visible (_peitho_window_get_heat_stripe_for_testing (f->window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "anonymise"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window),
                                                     "color-by-student"));
  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_discussion_for_testing (f->window)),
                    ==, 0);
}

/* Whether a window manager makes windows full screen: under Xvfb there is
 * none, and the request is all there is to see. */
static gboolean
can_fullscreen (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (GDK_IS_X11_DISPLAY (display))
    return gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                                "_NET_WM_STATE_FULLSCREEN");
#endif
  return TRUE;
}

static void
wait_fullscreen (PeithoWindow *window,
                 gboolean      fullscreen)
{
  if (can_fullscreen (GTK_WIDGET (window)))
    wait_until (gtk_window_is_fullscreen (GTK_WINDOW (window)) == fullscreen);
  else
    {
      g_test_message ("No window manager makes windows full screen here");
      iterate ();
    }
}

static void
assert_selected (PeithoWindow *window,
                 guint         position)
{
  GListModel *passages = _peitho_window_get_discussion_for_testing (window);
  g_autoptr(PeithoDiscussionPassage) passage = g_list_model_get_item (passages, position);
  gsize start, end;

  g_assert_cmpuint (gtk_single_selection_get_selected (_peitho_window_get_discussion_selection_for_testing (window)),
                    ==, position);
  g_assert_true (peitho_annotation_view_get_selection (_peitho_window_get_view_for_testing (window),
                                                       FALSE, &start, &end));
  g_assert_cmpuint (start, ==, peitho_discussion_passage_get_start (passage));
  g_assert_cmpuint (end, ==, peitho_discussion_passage_get_end (passage));
}

/* In a class of twenty, the screen names the two who tagged the passage
 * and counts the others, instead of twenty lines over the text. */
static void
test_presentation_large_class (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = write_class_seminar (f->dir, 20);
  PeithoWindow *window = open_window (file);

  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_students_for_testing (window)),
                    ==, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, TRUE);
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Right, 0));
  assert_selected (window, 0);
  g_assert_cmpstr (_peitho_window_get_presentation_readers_for_testing (window), ==,
                   "S01: Metaphor\nS02: Irony\n18 others: nothing");
  /* The sidebar, in small type, still lists everyone. */
  g_assert_true (g_str_has_suffix (_peitho_window_get_discussion_details_for_testing (window),
                                   "\nS20: nothing"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, FALSE);
  destroy_window (window);
}

/* The sidebar's flap, around @window's sidebar. */
static AdwFlap *
sidebar_flap (PeithoWindow *window)
{
  GtkWidget *sidebar = GTK_WIDGET (_peitho_window_get_sidebar_for_testing (window));
  GtkWidget *flap = gtk_widget_get_ancestor (sidebar, ADW_TYPE_FLAP);

  g_assert_nonnull (flap);
  return ADW_FLAP (flap);
}

/* A class of twenty-four in a window of the default width: the sidebar
 * stays beside the text, the heat map scrolls sideways within it, and the
 * preference to show the sidebar is left as it was. */
static void
test_large_class_sidebar (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_class_seminar (f->dir, 24);
  PeithoWindow *window = open_window (file);
  GtkWidget *map = _peitho_window_get_agreement_map_for_testing (window);
  GtkWidget *scroller;
  GtkAdjustment *hadjustment;
  GtkWidget *page_scroller;
  GtkAdjustment *page;
  double x, y;
  AdwFlap *flap = sidebar_flap (window);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_cmpuint (g_list_model_get_n_items (_peitho_window_get_students_for_testing (window)),
                    ==, 24);
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));
  peitho_sidebar_show_page (_peitho_window_get_sidebar_for_testing (window), "overview");
  wait_for_paint (map);
  g_assert_nonnull (_peitho_window_get_agreement_text_for_testing (window));

  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (_peitho_window_get_sidebar_for_testing (window))),
                   <, gtk_widget_get_width (GTK_WIDGET (window)) / 2);

  /* The map keeps its full width (every label whole), and scrolls. */
  scroller = gtk_widget_get_ancestor (map, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >,
                     gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpint (gtk_widget_get_width (map), >, gtk_widget_get_width (scroller));

  /* The Overview page scrolled to the map's heading. */
  page_scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller),
                                           GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (page_scroller);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_scroller));
  g_assert_true (gtk_widget_translate_coordinates (scroller, page_scroller, 0, 0, &x, &y));
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + y - 40);
  for (guint i = 0; i < 2; i++)
    {
      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (window);
      save_screenshot (GTK_WIDGET (window),
                       i ? "seminar-agreement-large-dark" : "seminar-agreement-large");
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));
}

/* F9 hides and shows the sidebar and saves the choice; a window too narrow
 * for the sidebar folds it away without touching the choice. */
static void
test_sidebar_setting (Fixture       *f,
                      gconstpointer  data)
{
  AdwFlap *flap = sidebar_flap (f->window);

  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL));
  iterate ();
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (g_settings_get_boolean (f->settings, "show-sidebar"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL));
  iterate ();
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));

  /* The flap's own folding is no choice of the user's. */
  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
  wait_until (!adw_flap_get_reveal_flap (flap));
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));
  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_AUTO);
  wait_until (adw_flap_get_reveal_flap (flap));
  g_assert_true (g_settings_get_boolean (f->settings, "show-sidebar"));
}

static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  PeithoWindow *window = open_seminar (f);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (window);
  GtkWidget *sidebar = GTK_WIDGET (_peitho_window_get_sidebar_for_testing (window));
  double zoom = peitho_annotation_view_get_zoom (view);

  /* Arrows move the cursor as usual outside presentation mode. */
  g_assert_false (_peitho_window_presentation_key (window, GDK_KEY_Right, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, TRUE);
  g_assert_true (_peitho_window_get_presenting_for_testing (window));
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_cmpfloat (peitho_annotation_view_get_zoom (view), >, zoom);
  /* No passage shown yet: nobody named on screen. */
  g_assert_null (_peitho_window_get_presentation_readers_for_testing (window));

  /* Right to the first passage, then the second; no further. Who tagged
   * each is on screen. */
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Right, 0));
  assert_selected (window, 0);
  g_assert_cmpstr (_peitho_window_get_presentation_readers_for_testing (window), ==,
                   "Ada: Metaphor\nBen: Irony\n1 other: nothing");
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Down, 0));
  assert_selected (window, 1);
  g_assert_cmpstr (_peitho_window_get_presentation_readers_for_testing (window), ==,
                   "Ada: Irony\n2 others: nothing");
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Right, 0));
  assert_selected (window, 1);
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Left, 0));
  assert_selected (window, 0);
  g_assert_false (_peitho_window_presentation_key (window, GDK_KEY_Right, GDK_CONTROL_MASK));

  /* Anonymised in class: "Student N" on screen too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);
  _peitho_window_compare_show_passage (window, 0);
  g_assert_cmpstr (_peitho_window_get_presentation_readers_for_testing (window), ==,
                   "Student 1: Metaphor\nStudent 2: Irony\n1 other: nothing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  wait_for (window);

  /* Escape leaves, as F11 (the action again) would. */
  g_assert_true (_peitho_window_presentation_key (window, GDK_KEY_Escape, 0));
  wait_fullscreen (window, FALSE);
  g_assert_false (_peitho_window_get_presenting_for_testing (window));
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_cmpfloat (peitho_annotation_view_get_zoom (view), ==, zoom);
  g_assert_null (_peitho_window_get_presentation_readers_for_testing (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, FALSE);
  g_assert_false (_peitho_window_get_presenting_for_testing (window));

  destroy_window (window);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const names[] = { "seminar-compare", "seminar-compare-dark" };
  PeithoWindow *window;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("PEITHO_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("PEITHO_SCREENSHOT_DIR is not set");
      return;
    }
  window = open_seminar (f);
  peitho_sidebar_show_page (_peitho_window_get_sidebar_for_testing (window), "discuss");
  _peitho_window_compare_show_passage (window, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (window);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      save_screenshot (GTK_WIDGET (window), names[i]);
    }

  /* The Overview page's heat map. */
  peitho_sidebar_show_page (_peitho_window_get_sidebar_for_testing (window), "overview");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (window);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      save_screenshot (GTK_WIDGET (window), i ? "seminar-agreement-dark" : "seminar-agreement");
    }

  /* Presentation mode, on the first passage, names anonymised. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  wait_fullscreen (window, TRUE);
  _peitho_window_presentation_key (window, GDK_KEY_Right, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (i ? "seminar-presentation-dark" : "seminar-presentation",
                                           NULL);

      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (window);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      save_screenshot (GTK_WIDGET (window), name);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int status;

#define ADD(name, func) g_test_add ("/compare/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filter", test_filter);
  ADD ("passages", test_passages);
  ADD ("anonymise", test_anonymise);
  ADD ("single-reader", test_single_reader);
  ADD ("presentation", test_presentation);
  ADD ("presentation-large-class", test_presentation_large_class);
  ADD ("large-class-sidebar", test_large_class_sidebar);
  ADD ("sidebar-setting", test_sidebar_setting);
  ADD ("heat-stripe-keyboard", test_heat_stripe_keyboard);
  ADD ("heat-summary-after-loading", test_heat_summary_after_loading);
  ADD ("agreement", test_agreement);
  ADD ("reset", test_reset);
  ADD ("screenshots", test_screenshots);
#undef ADD

  status = g_test_run ();
  peitho_test_remove_tree (home);
  return status;
}
