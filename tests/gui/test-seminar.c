/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui-fixture.h"

#include <adwaita.h>

#include "peitho-assignment-dialog.h"

/* The seminar in the window, as teacher and students use it: an assignment
 * prepared, two readings saved beside it, the readings collected. */

static void
saved_cb (PeithoAssignmentDialog *dialog,
          GFile                  *file,
          GFile                 **saved)
{
  g_set_object (saved, file);
}

static void
wait_for_condition (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* One iteration at a time: while a spinner turns, the context is never
   * idle, and iterate() would not return before the condition is met. */
  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_true (done (data));
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static PeithoDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = peitho_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The teacher prepares the assignment from the fixture's text. */
static GFile *
prepare_assignment (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "text.xml", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(PeithoDocument) assignment = NULL;
  g_autoptr(PeithoAssignment) info = NULL;
  PeithoAssignmentDialog *dialog;
  GFile *saved = NULL;
  PeithoTagSet *tag_set;

  tag (f->window, 0, 4, "metaphor");    /* the teacher's key, left out */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.prepare-assignment", NULL));
  iterate ();
  dialog = _peitho_window_get_assignment_dialog_for_testing (f->window);
  g_assert_nonnull (dialog);
  peitho_assignment_dialog_set_task (dialog, "Find the irony and the metaphors.");
  peitho_assignment_dialog_set_tag_chosen (dialog, "ethos", FALSE);
  _peitho_assignment_dialog_set_save_file_for_testing (dialog, target);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  save_screenshot (GTK_WIDGET (dialog), "seminar-prepare-assignment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assignment.save", NULL));
  wait_for_condition (is_set, &saved);
  g_assert_true (g_file_equal (saved, target));
  iterate ();
  g_assert_null (_peitho_window_get_assignment_dialog_for_testing (f->window));

  assignment = load (saved);
  info = peitho_assignment_get_for_document (assignment);
  g_assert_nonnull (info);
  g_assert_cmpstr (peitho_assignment_get_task (info), ==, "Find the irony and the metaphors.");
  g_assert_false (peitho_assignment_get_tag_set_editable (info));
  g_assert_cmpuint (peitho_document_get_n_annotations (assignment), ==, 0);
  tag_set = peitho_document_get_tag_set (assignment);
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set, "irony"));
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set, "metaphor"));
  g_assert_null (peitho_tag_set_lookup_tag (tag_set, "ethos"));
  /* The teacher's own document is untouched. */
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (f->window)), ==, 1);

  return saved;
}

static gboolean
name_dialog_up (gpointer window)
{
  return _peitho_window_get_name_dialog_for_testing (window) != NULL;
}

/* A student opens the assignment, tags and saves: returns the reading. */
static GFile *
read_as (Fixture    *f,
         GFile      *assignment,
         const char *student,
         gboolean    ask_name,
         const char *tags[][3])
{
  g_autofree char *before = file_contents (assignment);
  g_autofree char *after = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *name = NULL;
  PeithoWindow *window;
  GFile *reading;

  g_settings_set_string (f->settings, "annotator-name", ask_name ? "" : student);
  window = open_window (assignment);
  g_assert_cmpstr (_peitho_window_get_assignment_task_for_testing (window), ==,
                   "Find the irony and the metaphors.");

  if (ask_name)
    {
      AdwMessageDialog *dialog;

      wait_for_condition (name_dialog_up, window);
      dialog = _peitho_window_get_name_dialog_for_testing (window);
      gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), student);
      adw_message_dialog_response (dialog, "ok");
      iterate ();
    }
  else
    g_assert_null (_peitho_window_get_name_dialog_for_testing (window));
  name = g_settings_get_string (f->settings, "annotator-name");
  g_assert_cmpstr (name, ==, student);

  /* The tag set is the teacher's: its editor does not open. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-tag-set", NULL);
  iterate ();
  g_assert_null (_peitho_window_get_tag_set_editor_for_testing (window));

  for (guint i = 0; tags[i][0] != NULL; i++)
    tag (window, atoi (tags[i][0]), atoi (tags[i][1]), tags[i][2]);
  if (ask_name)
    save_screenshot (GTK_WIDGET (window), "seminar-student");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (window);
  g_assert_false (peitho_window_get_modified (window));

  reading = g_object_ref (peitho_window_get_file (window));
  name = g_file_get_basename (reading);
  expected_name = g_strdup_printf ("text — %s.xml", student);
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (g_file_query_exists (reading, NULL));
  after = file_contents (assignment);
  g_assert_cmpstr (before, ==, after);

  destroy_window (window);
  return reading;
}

static gboolean
collect_paused_or_done (gpointer window)
{
  return _peitho_window_get_duplicate_dialog_for_testing (window) != NULL
         || !peitho_window_get_busy (window);
}

static gboolean
collect_done (gpointer window)
{
  return !peitho_window_get_busy (window);
}

static void
test_assignment_reading_collect (Fixture       *f,
                                 gconstpointer  data)
{
  static const char *alice_tags[][3] = { { "5", "10", "irony" }, { NULL } };
  static const char *bob_tags[][3] = { { "5", "10", "irony" }, { "15", "20", "metaphor" }, { NULL } };
  g_autoptr(GFile) assignment = prepare_assignment (f);
  g_autoptr(GFile) alice = read_as (f, assignment, "Alice", TRUE, alice_tags);
  g_autoptr(GFile) bob = read_as (f, assignment, "Bob", FALSE, bob_tags);
  g_autofree char *broken_path = write_file (f->dir, "broken.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">");
  g_autofree char *copy_path = g_build_filename (f->dir, "text — Alice (again).xml", NULL);
  g_autofree char *alice_contents = file_contents (alice);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_auto(GStrv) students = NULL;
  PeithoWindow *teacher, *seminar;
  const char *error;

  g_file_set_contents (copy_path, alice_contents, -1, NULL);
  g_list_store_append (files, alice);
  g_list_store_append (files, broken);
  g_list_store_append (files, bob);
  g_list_store_append (files, copy);
  g_list_store_append (files, assignment);  /* chosen too: skipped */

  g_settings_set_string (f->settings, "annotator-name", "Teacher");
  teacher = open_window (assignment);
  _peitho_window_collect_readings (teacher, G_LIST_MODEL (files));
  wait_for_condition (collect_paused_or_done, teacher);
  /* Alice twice: keep the later one. */
  g_assert_nonnull (_peitho_window_get_duplicate_dialog_for_testing (teacher));
  adw_message_dialog_response (_peitho_window_get_duplicate_dialog_for_testing (teacher), "last");
  wait_for_condition (collect_done, teacher);

  error = _peitho_window_get_last_error_for_testing (teacher);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "broken.xml"));
  g_assert_null (strstr (error, "Bob"));

  seminar = _peitho_window_get_seminar_window_for_testing (teacher);
  g_assert_nonnull (seminar);
  g_assert_true (peitho_window_get_modified (seminar));
  students = peitho_seminar_dup_students (peitho_window_get_document (seminar));
  g_assert_nonnull (students);
  g_assert_cmpuint (g_strv_length (students), ==, 2);
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (seminar)), ==, 3);
  /* The seminar is the teacher's: no banner. */
  g_assert_null (_peitho_window_get_assignment_task_for_testing (seminar));
  save_screenshot (GTK_WIDGET (seminar), "seminar-collected");

  destroy_window (seminar);
  destroy_window (teacher);
}

/* Drops @files on @window as a file manager would, through its drop target. */
static void
drop_files (PeithoWindow *window,
            GSList       *files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
}

/* Readings dropped on the assignment's window are collected, not opened. */
static void
test_readings_dropped (Fixture       *f,
                       gconstpointer  data)
{
  static const char *ada_tags[][3] = { { "5", "10", "irony" }, { NULL } };
  static const char *ben_tags[][3] = { { "15", "20", "metaphor" }, { NULL } };
  g_autoptr(GFile) assignment = prepare_assignment (f);
  g_autoptr(GFile) ada = read_as (f, assignment, "Ada", TRUE, ada_tags);
  g_autoptr(GFile) ben = read_as (f, assignment, "Ben", FALSE, ben_tags);
  g_autoptr(GSList) files = NULL;
  g_auto(GStrv) students = NULL;
  PeithoWindow *teacher, *seminar;

  g_settings_set_string (f->settings, "annotator-name", "Teacher");
  teacher = open_window (assignment);
  files = g_slist_append (files, ada);
  files = g_slist_append (files, ben);
  drop_files (teacher, files);
  wait_for_condition (collect_done, teacher);

  /* The assignment stays open; the seminar is a window of its own. */
  g_assert_true (g_file_equal (peitho_window_get_file (teacher), assignment));
  seminar = _peitho_window_get_seminar_window_for_testing (teacher);
  g_assert_nonnull (seminar);
  g_assert_true (seminar != teacher);
  students = peitho_seminar_dup_students (peitho_window_get_document (seminar));
  g_assert_nonnull (students);
  g_assert_cmpuint (g_strv_length (students), ==, 2);
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (seminar)), ==, 2);

  destroy_window (seminar);
  destroy_window (teacher);
}

/* A folder of readings, dropped: its .xml files are collected (the other
 * files in it, and the assignment should it be there, are not). */
static void
test_readings_folder (Fixture       *f,
                      gconstpointer  data)
{
  static const char *ada_tags[][3] = { { "5", "10", "irony" }, { NULL } };
  static const char *ben_tags[][3] = { { "15", "20", "metaphor" }, { NULL } };
  g_autoptr(GFile) assignment = prepare_assignment (f);
  g_autoptr(GFile) ada = read_as (f, assignment, "Ada", TRUE, ada_tags);
  g_autoptr(GFile) ben = read_as (f, assignment, "Ben", FALSE, ben_tags);
  g_autofree char *folder_path = g_build_filename (f->dir, "readings", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *notes_path = g_build_filename (folder_path, "notes.txt", NULL);
  g_autoptr(GSList) files = NULL;
  g_auto(GStrv) students = NULL;
  g_autoptr(GError) error = NULL;
  PeithoWindow *teacher, *seminar;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  for (GFile *reading = ada; reading != NULL; reading = reading == ada ? ben : NULL)
    {
      g_autofree char *name = g_file_get_basename (reading);
      g_autoptr(GFile) copy = g_file_get_child (folder, name);

      g_assert_true (g_file_copy (reading, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (notes_path, "Not a reading.", -1, &error));

  g_settings_set_string (f->settings, "annotator-name", "Teacher");
  teacher = open_window (assignment);
  files = g_slist_append (files, folder);
  drop_files (teacher, files);
  wait_for_condition (collect_done, teacher);

  /* Nothing refused: notes.txt was not taken for a reading. */
  g_assert_null (_peitho_window_get_last_error_for_testing (teacher));
  seminar = _peitho_window_get_seminar_window_for_testing (teacher);
  g_assert_nonnull (seminar);
  students = peitho_seminar_dup_students (peitho_window_get_document (seminar));
  g_assert_nonnull (students);
  g_assert_cmpuint (g_strv_length (students), ==, 2);

  destroy_window (seminar);
  destroy_window (teacher);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int status;

#define ADD(name, func) g_test_add ("/seminar/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("assignment-reading-collect", test_assignment_reading_collect);
  ADD ("readings-dropped", test_readings_dropped);
  ADD ("readings-folder", test_readings_folder);
#undef ADD

  status = g_test_run ();
  peitho_test_remove_tree (home);
  return status;
}
