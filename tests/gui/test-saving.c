/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saves that never surprise: an imported text is saved under a new TEI
 * name and never written over, FILE~ keeps the file as it was opened, and
 * "modified" follows the undo position. */

#include "gui-fixture.h"

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
save (PeithoWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (window);
  g_assert_null (_peitho_window_get_last_error_for_testing (window));
}

/* The corpus essay has front matter (breadcrumb, "Author: Title", date,
 * source), which the importer takes into the header: Save must still treat
 * it as a text, not as TEI to write back. */
static void
test_imported_text_saves_as_xml (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                              "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autofree char *text = contents_of (corpus);
  g_autofree char *text_path = write_file (f->dir, "essay.txt", text);
  g_autofree char *xml_path = g_build_filename (f->dir, "essay.xml", NULL);
  g_autofree char *backup_path = g_strconcat (text_path, "~", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) xml_file = g_file_new_for_path (xml_path);
  g_autofree char *suggested = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  PeithoWindow *window = open_window (text_file);

  g_assert_nonnull (peitho_document_get_header_xml (peitho_window_get_document (window)));
  g_assert_null (peitho_window_get_file (window));
  g_assert_true (peitho_document_session_get_imported (peitho_window_get_session (window)));
  suggested = _peitho_window_suggest_name (window, ".xml");
  g_assert_cmpstr (suggested, ==, "essay.xml");

  tag (window, 0, 5, "metaphor");
  /* What the Save As dialog would answer. */
  _peitho_window_set_save_file_for_testing (window, xml_file);
  save (window);

  after = contents_of (text_path);
  g_assert_cmpstr (after, ==, text);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  saved = contents_of (xml_path);
  g_assert_true (g_str_has_prefix (saved, "<?xml"));
  g_assert_true (g_file_equal (peitho_window_get_file (window), xml_file));
  g_assert_false (peitho_window_get_modified (window));

  /* From now on Save writes the TEI file without asking. */
  _peitho_window_set_save_file_for_testing (window, NULL);
  tag (window, 6, 10, "irony");
  save (window);
  g_clear_pointer (&saved, g_free);
  saved = contents_of (xml_path);
  g_assert_nonnull (strstr (saved, "#irony"));
  g_clear_pointer (&after, g_free);
  after = contents_of (text_path);
  g_assert_cmpstr (after, ==, text);

  destroy_window (window);
}

static char *
buffer_text (PeithoWindow *window)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The first lines taken into the header are said so, with an Undo that
 * imports the text again with every line in it; the offer goes with the
 * first change. */
static void
test_front_matter_offer (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                              "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) essay = g_file_new_for_path (corpus);
  g_autofree char *taken = NULL;
  g_autofree char *kept = NULL;
  PeithoWindow *window = open_window (essay);

  g_assert_true (_peitho_window_get_front_matter_offered_for_testing (window));
  taken = buffer_text (window);
  g_assert_false (g_str_has_prefix (taken, "Leon Trotsky"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-first-lines", NULL));
  wait_for (window);
  g_assert_false (_peitho_window_get_front_matter_offered_for_testing (window));
  kept = buffer_text (window);
  g_assert_true (g_str_has_prefix (kept, "Leon Trotsky"));
  g_assert_cmpuint (strlen (kept), >, strlen (taken));
  g_assert_cmpint (peitho_document_session_get_front_matter (peitho_window_get_session (window)), ==,
                   PEITHO_FRONT_MATTER_NONE);
  g_assert_false (peitho_window_get_modified (window));
  g_assert_null (peitho_window_get_file (window));
  destroy_window (window);

  /* A plain text has nothing to offer; an edit withdraws the offer. */
  g_assert_false (_peitho_window_get_front_matter_offered_for_testing (f->window));
  window = open_window (essay);
  g_assert_true (_peitho_window_get_front_matter_offered_for_testing (window));
  tag (window, 0, 6, "metaphor");
  g_assert_false (_peitho_window_get_front_matter_offered_for_testing (window));
  destroy_window (window);
}

/* Two saves of an opened TEI file: FILE~ is the file as it was opened, not
 * as the first save left it. */
static void
test_backup_keeps_the_opened_file (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "doc.xml", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *opened = NULL;
  g_autofree char *first = NULL;
  g_autofree char *backup = NULL;
  PeithoWindow *window;

  tag (f->window, 0, 4, "metaphor");
  _peitho_window_set_save_file_for_testing (f->window, file);
  save (f->window);
  opened = contents_of (path);

  window = open_window (file);
  tag (window, 5, 10, "irony");
  save (window);
  first = contents_of (path);
  g_assert_cmpstr (first, !=, opened);
  backup = contents_of (backup_path);
  g_assert_cmpstr (backup, ==, opened);

  tag (window, 11, 16, "hyperbole");
  save (window);
  g_clear_pointer (&backup, g_free);
  backup = contents_of (backup_path);
  g_assert_cmpstr (backup, ==, opened);

  destroy_window (window);
}

/* Undoing back to the saved state is no longer an unsaved change: the
 * subtitle loses its "•". (The first annotation
 * of a new annotator also adds the annotator to the header, which undo
 * keeps: that is a change of the file, so the test saves once first.) */
static void
test_modified_follows_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "undone.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PeithoDocumentSession *session = peitho_window_get_session (f->window);

  g_assert_false (peitho_window_get_modified (f->window));
  tag (f->window, 0, 4, "metaphor");
  _peitho_window_set_save_file_for_testing (f->window, file);
  save (f->window);
  g_assert_false (peitho_window_get_modified (f->window));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "undone.xml");

  tag (f->window, 5, 10, "irony");
  g_assert_true (peitho_window_get_modified (f->window));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "• undone.xml");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_false (peitho_window_get_modified (f->window));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "undone.xml");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  iterate ();
  g_assert_true (peitho_window_get_modified (f->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

#define ADD(name, func) g_test_add ("/saving/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("imported-text-saves-as-xml", test_imported_text_saves_as_xml);
  ADD ("front-matter-offer", test_front_matter_offer);
  ADD ("backup-keeps-the-opened-file", test_backup_keeps_the_opened_file);
  ADD ("modified-follows-undo", test_modified_follows_undo);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
