/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The annotation window in a real (Xvfb) window: open, tag, counts, undo,
 * overlap, save and reopen, errors, passages, hiding, snapping, drafts. */

#include "gui-fixture.h"

#include "peitho-annotation-popover.h"
#include "peitho-drafts.h"
#include "peitho-passage-row.h"
#include "peitho-tag-chooser.h"
#include "tei-validate.h"

/* The passage row under @root that shows @annotation, or NULL. */
static PeithoPassageRow *
find_passage_row (GtkWidget        *root,
                  PeithoAnnotation *annotation)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      PeithoPassageRow *found;

      if (PEITHO_IS_PASSAGE_ROW (child)
          && peitho_passage_row_get_annotation (PEITHO_PASSAGE_ROW (child)) == annotation)
        return PEITHO_PASSAGE_ROW (child);
      if ((found = find_passage_row (child, annotation)))
        return found;
    }
  return NULL;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoTagPalette *palette = _peitho_window_get_palette_for_testing (f->window);
  g_autofree char *text = NULL;
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_assert_cmpstr (text, ==, peitho_document_get_text (peitho_window_get_document (f->window)));
  g_assert_true (g_str_has_prefix (text, "Four score"));
  g_assert_false (peitho_window_get_modified (f->window));
  g_assert_null (peitho_window_get_file (f->window));
  g_assert_nonnull (peitho_tag_palette_get_button (palette, "metaphor"));
  g_assert_cmpuint (total_of (f->window), ==, 0);
}

static void
test_tag_undo_redo (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);

  tag (f->window, 15, 30, "metaphor");   /* "seven years ago" */

  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 15, 30);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 1);
  g_assert_cmpuint (count_of (f->window, "irony"), ==, 0);
  g_assert_cmpuint (total_of (f->window), ==, 1);
  g_assert_true (peitho_window_get_modified (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 0);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 0);
  g_assert_cmpuint (total_of (f->window), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  iterate ();
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 15, 30);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 1);
  g_assert_cmpuint (total_of (f->window), ==, 1);
}

static void
test_overlap (Fixture       *f,
              gconstpointer  data)
{
  PeithoHighlighter *highlighter = _peitho_window_get_highlighter_for_testing (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  GtkTextTag *under_metaphor = peitho_highlighter_get_overlap_tag (highlighter, "metaphor");
  GtkTextTag *under_irony = peitho_highlighter_get_overlap_tag (highlighter, "irony");
  GtkTextTag *many = peitho_highlighter_get_overlap_many_tag (highlighter);

  tag (f->window, 0, 20, "metaphor");    /* "Four score and seven" */
  tag (f->window, 11, 30, "irony");      /* "and seven years ago" */

  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 20);
  assert_tag_over (buffer, text_tag (f->window, "irony"), 11, 30);
  /* Irony comes later in the tag set, so its background shows on top and
   * the overlap is underlined in the colour of metaphor. */
  assert_tag_over (buffer, under_metaphor, 11, 20);
  assert_tag_over (buffer, under_irony, 0, 0);
  assert_tag_over (buffer, many, 0, 0);
  g_assert_cmpuint (total_of (f->window), ==, 2);

  tag (f->window, 15, 20, "ethos");      /* "seven": three deep */
  assert_tag_over (buffer, many, 15, 20);

  /* Removing one brings the overlap back to what is left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  assert_tag_over (buffer, many, 0, 0);
  assert_tag_over (buffer, under_metaphor, 11, 20);
  g_assert_cmpuint (total_of (f->window), ==, 2);
}

static void
test_retag_note_remove (Fixture       *f,
                        gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  g_autofree char *id = NULL;
  PeithoAnnotation *annotation;

  tag (f->window, 0, 4, "metaphor");
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 1);
  annotation = g_list_model_get_item (peitho_document_get_annotations (document), 0);
  id = g_strdup (peitho_annotation_get_id (annotation));
  g_object_unref (annotation);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.retag-annotation", "(ss)", id, "irony");
  iterate ();
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 0);
  g_assert_cmpuint (count_of (f->window, "irony"), ==, 1);
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 0);
  assert_tag_over (buffer, text_tag (f->window, "irony"), 0, 4);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)", id, "A bold start.");
  iterate ();
  g_assert_cmpstr (peitho_annotation_get_note (peitho_document_lookup_annotation (document, id)), ==,
                   "A bold start.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_null (peitho_annotation_get_note (peitho_document_lookup_annotation (document, id)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 1);
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 4);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-annotation", "s", id);
  iterate ();
  g_assert_cmpuint (total_of (f->window), ==, 0);
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (total_of (f->window), ==, 1);
  g_assert_nonnull (peitho_document_lookup_annotation (document, id));
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 4);
}

static void
test_save_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.xml", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  PeithoDocument *document;
  PeithoWindow *reopened;
  GListModel *annotations;

  tag (f->window, 0, 20, "metaphor");
  tag (f->window, 11, 30, "irony");

  _peitho_window_set_save_file_for_testing (f->window, saved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  wait_for (f->window);

  g_assert_null (_peitho_window_get_last_error_for_testing (f->window));
  g_assert_true (g_file_query_exists (saved, NULL));
  g_assert_false (peitho_window_get_modified (f->window));
  g_assert_true (g_file_equal (peitho_window_get_file (f->window), saved));

  reopened = open_window (saved);
  document = peitho_window_get_document (reopened);
  annotations = peitho_document_get_annotations (document);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  {
    g_autoptr(PeithoAnnotation) a = g_list_model_get_item (annotations, 0);
    g_autoptr(PeithoAnnotation) b = g_list_model_get_item (annotations, 1);

    g_assert_cmpstr (peitho_annotation_get_tag_id (a), ==, "metaphor");
    g_assert_cmpuint (peitho_annotation_get_start (a), ==, 0);
    g_assert_cmpuint (peitho_annotation_get_end (a), ==, 20);
    g_assert_cmpstr (peitho_annotation_get_tag_id (b), ==, "irony");
    g_assert_cmpuint (peitho_annotation_get_start (b), ==, 11);
    g_assert_cmpuint (peitho_annotation_get_end (b), ==, 30);
  }
  assert_tag_over (_peitho_window_get_buffer_for_testing (reopened), text_tag (reopened, "metaphor"), 0, 20);
  g_assert_cmpuint (count_of (reopened, "irony"), ==, 1);
  g_assert_cmpuint (total_of (reopened), ==, 2);
  g_assert_true (g_file_equal (peitho_window_get_file (reopened), saved));
  g_assert_false (peitho_window_get_modified (reopened));

  /* A second save goes to the same file without asking. */
  tag (reopened, 40, 45, "ethos");
  _peitho_window_set_save_file_for_testing (reopened, NULL);
  gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL);
  wait_for (reopened);
  g_assert_false (peitho_window_get_modified (reopened));
  destroy_window (reopened);

  reopened = open_window (saved);
  g_assert_cmpuint (total_of (reopened), ==, 3);
  destroy_window (reopened);

  /* What the window saves must be TEI All. */
  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (saved, NULL, NULL, NULL);

    g_assert_nonnull (bytes);
    tei_assert_valid (bytes);
  }
}

static void
test_save_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "saved.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tag (f->window, 0, 4, "metaphor");
  _peitho_window_set_save_file_for_testing (f->window, file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  wait_for (f->window);

  g_assert_nonnull (_peitho_window_get_last_error_for_testing (f->window));
  g_assert_true (peitho_window_get_modified (f->window));
  g_assert_null (peitho_window_get_file (f->window));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *bad_path = write_file (f->dir, "broken.xml",
                                          "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body><p>unclosed\n");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  PeithoDocument *document = peitho_window_get_document (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter s, e;

  tag (f->window, 0, 4, "metaphor");
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  before = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);

  peitho_window_open_file (f->window, bad);
  wait_for (f->window);

  g_assert_true (peitho_window_get_document (f->window) == document);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  after = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_assert_cmpstr (before, ==, after);
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 4);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 1);
  g_assert_cmpuint (total_of (f->window), ==, 1);
  g_assert_true (peitho_window_get_modified (f->window));
  g_assert_nonnull (_peitho_window_get_last_error_for_testing (f->window));
  g_assert_nonnull (strstr (_peitho_window_get_last_error_for_testing (f->window), "broken.xml"));
}

static void
test_passages_and_hiding (Fixture       *f,
                          gconstpointer  data)
{
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoCountModel *counts = PEITHO_COUNT_MODEL (peitho_window_get_count_model (f->window));
  GListModel *passages;

  tag (f->window, 0, 20, "metaphor");
  tag (f->window, 11, 30, "irony");
  tag (f->window, 40, 45, "metaphor");

  g_assert_null (peitho_sidebar_get_passages_model (sidebar));
  g_assert_true (peitho_sidebar_select (sidebar, "metaphor"));
  passages = peitho_sidebar_get_passages_model (sidebar);
  g_assert_nonnull (passages);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);

  /* The list follows new annotations. */
  tag (f->window, 60, 70, "metaphor");
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 3);

  /* A group lists the passages of its tags. */
  g_assert_true (peitho_sidebar_select (sidebar, "tropes"));
  g_assert_cmpuint (g_list_model_get_n_items (peitho_sidebar_get_passages_model (sidebar)), ==, 4);

  /* Activating a passage selects it. */
  {
    g_autoptr(GPtrArray) at = peitho_document_get_annotations_at (peitho_window_get_document (f->window), 41);
    guint position = GTK_INVALID_LIST_POSITION;
    PeithoPassageRow *row;
    GtkTextIter s, e;

    g_assert_cmpuint (at->len, >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
      {
        g_autoptr(PeithoAnnotation) item = g_list_model_get_item (passages, i);

        if (item == at->pdata[0])
          position = i;
      }
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    /* Its row in the list, activated as a click does. */
    wait_until ((row = find_passage_row (GTK_WIDGET (sidebar), at->pdata[0])) != NULL
                && gtk_widget_get_mapped (GTK_WIDGET (row)));
    g_assert_true (peitho_passage_row_get_compact (row));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "list.activate-item", "u", position));

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
    g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 40);
    g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 45);
  }

  peitho_count_item_set_hidden (peitho_count_model_lookup (counts, "metaphor"), TRUE);
  iterate ();
  assert_tag_over (buffer, text_tag (f->window, "metaphor"), 0, 0);
  assert_tag_over (buffer, text_tag (f->window, "irony"), 11, 30);
  /* No overlap left to show. */
  assert_tag_over (buffer, peitho_highlighter_get_overlap_tag (_peitho_window_get_highlighter_for_testing (f->window),
                                                               "metaphor"), 0, 0);
  /* A hidden tag still counts. */
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 3);

  peitho_count_item_set_hidden (peitho_count_model_lookup (counts, "metaphor"), FALSE);
  iterate ();
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 42);
    g_assert_true (gtk_text_iter_has_tag (&iter, text_tag (f->window, "metaphor")));
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 5);
    g_assert_true (gtk_text_iter_has_tag (&iter, text_tag (f->window, "metaphor")));
  }
  assert_tag_over (buffer, peitho_highlighter_get_overlap_tag (_peitho_window_get_highlighter_for_testing (f->window),
                                                               "metaphor"), 11, 20);
}

static void
test_snap_to_words (Fixture       *f,
                    gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  g_autoptr(PeithoAnnotation) first = NULL;
  g_autoptr(PeithoAnnotation) second = NULL;

  g_settings_set_boolean (f->settings, "snap-to-words", TRUE);
  tag (f->window, 1, 8, "metaphor");     /* "our sco" -> "Four score" */
  first = g_list_model_get_item (peitho_document_get_annotations (document), 0);
  g_assert_cmpuint (peitho_annotation_get_start (first), ==, 0);
  g_assert_cmpuint (peitho_annotation_get_end (first), ==, 10);

  g_settings_set_boolean (f->settings, "snap-to-words", FALSE);
  tag (f->window, 16, 18, "irony");
  second = g_list_model_get_item (peitho_document_get_annotations (document), 1);
  g_assert_cmpuint (peitho_annotation_get_start (second), ==, 16);
  g_assert_cmpuint (peitho_annotation_get_end (second), ==, 18);
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  GtkTextIter s, e;

  tag (f->window, 40, 45, "metaphor");
  tag (f->window, 0, 4, "irony");
  gtk_text_buffer_get_start_iter (buffer, &s);
  gtk_text_buffer_place_cursor (buffer, &s);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-annotation", NULL);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 40);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 45);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-annotation", NULL);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 0);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 4);
}

/* TRUE once @window has a draft on disk and nothing under way. */
static gboolean
draft_written (PeithoWindow *window)
{
  const char *id = peitho_document_session_get_draft_id (peitho_window_get_session (window));
  g_autoptr(GFile) draft = NULL;

  if (id == NULL || !window_settled (window))
    return FALSE;
  draft = peitho_drafts_get_file (id);
  return g_file_query_exists (draft, NULL);
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.xml", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  g_autoptr(GFile) draft = NULL;

  g_settings_set_uint (f->settings, "autosave-delay", 1);
  tag (f->window, 0, 4, "metaphor");
  g_assert_null (peitho_document_session_get_draft_id (peitho_window_get_session (f->window)));

  /* One second after the change, the draft is written. */
  wait_until (draft_written (f->window));
  draft = peitho_drafts_get_file (peitho_document_session_get_draft_id (peitho_window_get_session (f->window)));

  _peitho_window_set_save_file_for_testing (f->window, saved);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  wait_for (f->window);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_assert_null (peitho_document_session_get_draft_id (peitho_window_get_session (f->window)));
}

static void
test_draft_restore (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) draft = NULL;
  g_autofree char *id = NULL;
  PeithoWindow *restored;

  g_settings_set_uint (f->settings, "autosave-delay", 1);
  tag (f->window, 0, 4, "metaphor");
  tag (f->window, 5, 10, "irony");
  wait_until (draft_written (f->window));
  id = g_strdup (peitho_document_session_get_draft_id (peitho_window_get_session (f->window)));
  draft = peitho_drafts_get_file (id);

  restored = peitho_window_new (app);
  peitho_window_open_draft (restored, id, draft, f->text_file, FALSE);
  wait_for (restored);
  g_assert_cmpuint (total_of (restored), ==, 2);
  g_assert_true (peitho_window_get_modified (restored));
  g_assert_null (peitho_window_get_file (restored));
  destroy_window (restored);
}

static void
file_event_cb (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other_file,
               GFileMonitorEvent  event,
               guint             *n_events)
{
  (*n_events)++;
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "watched.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileMonitor) watch = NULL;
  g_autofree char *contents = NULL;
  PeithoWindow *window;
  guint n_events = 0;

  tag (f->window, 0, 4, "metaphor");
  _peitho_window_set_save_file_for_testing (f->window, file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  wait_for (f->window);

  window = open_window (file);
  /* The test sees the file's events as the window's monitor does. */
  watch = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  g_assert_nonnull (watch);
  g_signal_connect (watch, "changed", G_CALLBACK (file_event_cb), &n_events);

  /* Our own save is not a change on disk: once the window's monitor has
   * seen its events and settled, no banner. */
  tag (window, 5, 10, "irony");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_until (n_events > 0);
  wait_for (window);
  g_assert_false (_peitho_window_get_changed_on_disk_for_testing (window));

  /* Another program's is. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  wait_until (_peitho_window_get_changed_on_disk_for_testing (window));

  /* Reload takes the file's version. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait_for (window);
  g_assert_false (_peitho_window_get_changed_on_disk_for_testing (window));
  g_assert_cmpuint (total_of (window), ==, 2);
  destroy_window (window);
}

/* A click on a sensitive button (gtk_widget_activate() would click it only
 * after showing it pressed for a while). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The buttons of the popover's rows act on their own annotation. */
static void
test_popover_rows (Fixture       *f,
                   gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  g_autoptr(GPtrArray) at = NULL;
  g_autofree char *irony_id = NULL;
  GtkWidget *popover, *dialog;
  PeithoPassageRow *row;
  GtkStack *stack;

  tag (f->window, 0, 20, "metaphor");
  tag (f->window, 11, 30, "irony");
  at = peitho_document_get_annotations_at (document, 15);
  g_assert_cmpuint (at->len, ==, 2);

  select_range (f->window, 15, 15);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-annotations", NULL));
  popover = find_widget (GTK_WIDGET (f->window), PEITHO_TYPE_ANNOTATION_POPOVER, NULL);
  g_assert_nonnull (popover);
  wait_for_paint (popover);
  stack = GTK_STACK (find_widget (popover, GTK_TYPE_STACK, NULL));

  /* One full row per annotation there. */
  for (guint i = 0; i < at->len; i++)
    {
      row = find_passage_row (popover, at->pdata[i]);
      g_assert_nonnull (row);
      g_assert_false (peitho_passage_row_get_compact (row));
      if (g_strcmp0 (peitho_annotation_get_tag_id (at->pdata[i]), "irony") == 0)
        irony_id = g_strdup (peitho_annotation_get_id (at->pdata[i]));
    }
  g_assert_nonnull (irony_id);
  row = find_passage_row (popover, peitho_document_lookup_annotation (document, irony_id));

  /* "Add Note" opens the note page of that annotation. */
  click (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "Add _Note"));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "note");
  click (find_widget (popover, GTK_TYPE_BUTTON, "_Cancel"));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* "Remove" closes the popover and removes that annotation only, undoably. */
  click (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Remove"));
  iterate ();
  wait_until (!gtk_widget_get_visible (popover));
  g_assert_null (peitho_document_lookup_annotation (document, irony_id));
  g_assert_cmpuint (total_of (f->window), ==, 1);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_nonnull (peitho_document_lookup_annotation (document, irony_id));

  /* "Relations…" opens the relations of that annotation. */
  g_clear_pointer (&at, g_ptr_array_unref);
  at = peitho_document_get_annotations_at (document, 15);
  select_range (f->window, 15, 15);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-annotations", NULL));
  popover = find_widget (GTK_WIDGET (f->window), PEITHO_TYPE_ANNOTATION_POPOVER, NULL);
  wait_for_paint (popover);
  row = find_passage_row (popover, peitho_document_lookup_annotation (document, irony_id));
  g_assert_nonnull (row);
  click (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "Re_lations…"));
  iterate ();
  wait_until (!gtk_widget_get_visible (popover));
  dialog = GTK_WIDGET (_peitho_window_get_relation_dialog_for_testing (f->window));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (_peitho_window_get_relation_dialog_for_testing (f->window) == NULL);
}

/* The first label under @root that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }
  return NULL;
}

/* The tag chooser's rows (a list item template) show each tag's label,
 * with its definition and example as tooltip. */
static void
test_tag_chooser_rows (Fixture       *f,
                       gconstpointer  data)
{
  PeithoTag *metaphor = peitho_tag_set_lookup_tag (peitho_document_get_tag_set (peitho_window_get_document (f->window)),
                                                   "metaphor");
  g_autofree char *description = peitho_tag_dup_description (metaphor);
  GtkWidget *chooser, *label;

  select_range (f->window, 0, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.choose-tag", NULL));
  chooser = find_widget (GTK_WIDGET (f->window), PEITHO_TYPE_TAG_CHOOSER, NULL);
  g_assert_nonnull (chooser);
  wait_for_paint (chooser);
  wait_until ((label = find_label (chooser, peitho_tag_get_label (metaphor))) != NULL);
  g_assert_nonnull (description);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (label)), ==, description);
  gtk_popover_popdown (GTK_POPOVER (chooser));
}

/* The start page's recent files are rows whose action target is the URI:
 * the action opens that file. */
static void
test_open_recent (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (f->dir, "other.txt", "Fourscore and twenty.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-recent", "s", uri));
  wait_until (peitho_window_get_document (f->window) != NULL
              && g_str_has_prefix (peitho_document_get_text (peitho_window_get_document (f->window)),
                                   "Fourscore"));
  wait_for (f->window);
}

/* A closed window lets go of its document, history, counts and popovers.
 *
 * The popovers are the regression test of the test-window flake. The tag
 * chooser, closed with the focus in its search entry, leaked (GTK 4.8 keeps
 * a reference on a focused popover each time it is hidden or unparented,
 * and drops one). GTK's tooltip had attached itself to the chooser (an
 * autohide popover gets an enter event from its pointer grab), and its
 * 500 ms delay then fired on the leaked chooser, whose surface was gone:
 * "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)'".
 * Once the chooser is finalized, the tooltip lets go of it. */
static void
test_finalize (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "text.txt", TEXT);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PeithoWindow *window = open_window (file);
  gpointer document = peitho_window_get_document (window);
  gpointer counts = peitho_window_get_count_model (window);
  gpointer popover, chooser;

  g_object_add_weak_pointer (document, &document);
  g_object_add_weak_pointer (counts, &counts);
  tag (window, 0, 4, "metaphor");
  select_range (window, 2, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-annotations", NULL));
  popover = find_widget (GTK_WIDGET (window), PEITHO_TYPE_ANNOTATION_POPOVER, NULL);
  g_assert_nonnull (popover);
  wait_for_paint (popover);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-tag", NULL));
  chooser = find_widget (GTK_WIDGET (window), PEITHO_TYPE_TAG_CHOOSER, NULL);
  g_assert_nonnull (chooser);
  wait_for_paint (chooser);
  g_object_add_weak_pointer (popover, &popover);
  g_object_add_weak_pointer (chooser, &chooser);
  destroy_window (window);
  wait_until (document == NULL && counts == NULL && popover == NULL && chooser == NULL);
  peitho_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("tag-undo-redo", test_tag_undo_redo);
  ADD ("popover-rows", test_popover_rows);
  ADD ("tag-chooser-rows", test_tag_chooser_rows);
  ADD ("open-recent", test_open_recent);
  ADD ("overlap", test_overlap);
  ADD ("retag-note-remove", test_retag_note_remove);
  ADD ("save-reopen", test_save_reopen);
  ADD ("save-failure", test_save_failure);
  ADD ("malformed", test_malformed);
  ADD ("passages-and-hiding", test_passages_and_hiding);
  ADD ("snap-to-words", test_snap_to_words);
  ADD ("navigation", test_navigation);
  ADD ("drafts", test_drafts);
  ADD ("draft-restore", test_draft_restore);
  ADD ("changed-on-disk", test_changed_on_disk);
#undef ADD
  g_test_add_func ("/window/finalize", test_finalize);

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
