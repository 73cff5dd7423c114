/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "peitho-window-private.h"

/*
 * "Collect Readings…": the teacher, with the assignment open, chooses the
 * students' readings; each is loaded in the background and added to a
 * PeithoSeminarMerger while a progress bar follows. A bad file is noted and
 * the others go on; all of them are reported in one dialog at the end. The
 * same student twice asks which reading to keep. The seminar document opens
 * in a new window, unsaved (saving asks where).
 */

typedef struct {
  PeithoWindow        *self;
  PeithoSeminarMerger *merger;
  GPtrArray           *files;
  guint                next;
  GString             *problems;
  GtkWindow           *progress_window;
  GtkProgressBar      *progress_bar;
  PeithoDocument      *duplicate;       /* waiting for the user's choice */
  char                *duplicate_name;
} Collect;

static void
collect_free (Collect *collect)
{
  g_assert (collect != NULL);

  g_clear_pointer (&collect->merger, peitho_seminar_merger_free);
  g_ptr_array_unref (collect->files);
  g_string_free (collect->problems, TRUE);
  if (collect->progress_window != NULL)
    gtk_window_destroy (collect->progress_window);
  g_clear_object (&collect->duplicate);
  g_free (collect->duplicate_name);
  g_object_unref (collect->self);
  g_free (collect);
}

static void load_next (Collect *collect);

static void
note_problem (Collect      *collect,
              const char   *name,
              const GError *error)
{
  g_assert (collect != NULL);

  /* The core's messages name the file already. */
  if (strstr (error->message, name) == NULL)
    g_string_append_printf (collect->problems, "%s: %s\n", name, error->message);
  else
    g_string_append_printf (collect->problems, "%s\n", error->message);
}

static void
finish (Collect *collect)
{
  PeithoWindow *self = collect->self;
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (collect != NULL);

  seminar = peitho_seminar_merger_get_n_readings (collect->merger) > 0
            ? peitho_seminar_merger_build (collect->merger, &error) : NULL;

  if (seminar != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      PeithoWindow *window = peitho_window_new (PEITHO_APPLICATION (app));

      /* No file: saving asks where, and nothing is written over a seminar
       * collected before. */
      peitho_window_set_document (window, seminar, NULL, NULL);
      /* Nothing of it is on disk: it counts as modified, so closing asks. */
      peitho_document_session_keep_ours (peitho_window_get_session (window));
      gtk_window_present (GTK_WINDOW (window));
      g_set_weak_pointer (&self->seminar_window, GTK_WIDGET (window));
    }
  else if (error != NULL)
    note_problem (collect, _("Seminar"), error);

  _peitho_window_set_busy (self, FALSE);
  if (collect->problems->len > 0)
    {
      g_strchomp (collect->problems->str);
      _peitho_window_show_error (self, seminar != NULL ? _("Some Readings Were Left Out")
                                                       : _("No Reading Could Be Collected"),
                                 collect->problems->str);
    }
  collect_free (collect);
}

static void
add_reading (Collect                *collect,
             PeithoDocument         *reading,
             const char             *name,
             PeithoSeminarDuplicate  policy);

static gboolean
continue_cb (gpointer user_data)
{
  load_next (user_data);
  return G_SOURCE_REMOVE;
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Collect          *collect)
{
  g_autoptr(PeithoDocument) reading = g_steal_pointer (&collect->duplicate);
  g_autofree char *name = g_steal_pointer (&collect->duplicate_name);

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  add_reading (collect, reading, name,
               g_strcmp0 (response, "last") == 0 ? PEITHO_SEMINAR_DUPLICATE_KEEP_LAST
                                                 : PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST);
  /* Not from inside the response: finishing destroys the dialog's parent.
   * At the default priority: a turning spinner would starve an idle. */
  g_idle_add_full (G_PRIORITY_DEFAULT, continue_cb, collect, NULL);
}

static void
ask_duplicate (Collect        *collect,
               PeithoDocument *reading,
               const char     *name,
               const GError   *error)
{
  GtkWidget *dialog;

  g_assert (collect != NULL);

  collect->duplicate = g_object_ref (reading);
  collect->duplicate_name = g_strdup (name);
  dialog = adw_message_dialog_new (collect->progress_window, _("Same Student Twice"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "first", _("Keep the _First"),
                                    "last", _("Keep the _Later"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "first");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "first");
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), collect);
  g_set_weak_pointer (&collect->self->duplicate_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_reading (Collect                *collect,
             PeithoDocument         *reading,
             const char             *name,
             PeithoSeminarDuplicate  policy)
{
  g_autoptr(GError) error = NULL;

  g_assert (collect != NULL);

  if (!peitho_seminar_merger_add_reading (collect->merger, reading, name, policy, NULL, &error))
    note_problem (collect, name, error);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Collect *collect = user_data;
  GFile *file = g_ptr_array_index (collect->files, collect->next - 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(PeithoDocument) reading = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!(reading = peitho_document_load_file_finish (result, &problems, &error)))
    note_problem (collect, name, error);
  else if (!peitho_seminar_merger_add_reading (collect->merger, reading, name,
                                               PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error))
    {
      if (g_error_matches (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID))
        {
          ask_duplicate (collect, reading, name, error);
          return;
        }
      note_problem (collect, name, error);
    }

  load_next (collect);
}

static void
load_next (Collect *collect)
{
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_assert (collect != NULL);

  gtk_progress_bar_set_fraction (collect->progress_bar,
                                 (double) collect->next / collect->files->len);
  if (collect->next == collect->files->len)
    {
      finish (collect);
      return;
    }

  file = g_ptr_array_index (collect->files, collect->next++);
  name = g_file_get_basename (file);
  /* TRANSLATORS: progress of collecting readings: file name, number, total */
  text = g_strdup_printf (_("%s (%u of %u)"), name, collect->next, collect->files->len);
  gtk_progress_bar_set_text (collect->progress_bar, text);
  peitho_document_load_file_async (file, NULL, load_cb, collect);
}

static GtkWindow *
create_progress_window (PeithoWindow    *self,
                        GtkProgressBar **bar)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Collecting Readings"));
  GtkWidget *progress = gtk_progress_bar_new ();

  g_assert (PEITHO_IS_WINDOW (self));

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), _("Collecting Readings"));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, -1);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (progress), TRUE);
  gtk_progress_bar_set_ellipsize (GTK_PROGRESS_BAR (progress), PANGO_ELLIPSIZE_MIDDLE);
  g_object_set (box, "margin-top", 24, "margin-bottom", 24, "margin-start", 24, "margin-end", 24, NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), progress);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  *bar = GTK_PROGRESS_BAR (progress);
  return GTK_WINDOW (window);
}

static int
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile * const *) b);

  return g_utf8_collate (name_a, name_b);
}

/* The readings in @folder: its .xml files but the assignment, by name. A
 * folder is listed where it is chosen (a local listing of a seminar's few
 * dozen files); the readings are then loaded in the background. A folder
 * that cannot be listed is reported with the bad files. */
static void
add_folder (Collect *collect,
            GFile   *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  g_assert (collect != NULL);
  g_assert (G_IS_FILE (folder));

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  while (children != NULL
         && (info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".xml"))
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          if (!g_file_equal (child, collect->self->assignment_file))
            g_ptr_array_add (found, g_steal_pointer (&child));
        }
      g_object_unref (info);
    }
  if (error != NULL)
    g_string_append_printf (collect->problems, "%s\n", error->message);

  g_ptr_array_sort (found, compare_file_names);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (collect->files, g_object_ref (g_ptr_array_index (found, i)));
}

void
_peitho_window_collect_readings (PeithoWindow *self,
                                 GListModel   *files)
{
  g_autofree char *display_name = NULL;
  Collect *collect;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->assignment == NULL || self->assignment_file == NULL)
    return;

  display_name = g_file_get_basename (self->assignment_file);
  collect = g_new0 (Collect, 1);
  collect->self = g_object_ref (self);
  collect->merger = peitho_seminar_merger_new (peitho_window_get_document (self), display_name);
  collect->files = g_ptr_array_new_with_free_func (g_object_unref);
  collect->problems = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        add_folder (collect, file);
      /* The assignment itself may be among the chosen files. */
      else if (!g_file_equal (file, self->assignment_file))
        g_ptr_array_add (collect->files, g_steal_pointer (&file));
    }

  _peitho_window_set_busy (self, TRUE);
  collect->progress_window = create_progress_window (self, &collect->progress_bar);
  load_next (collect);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PeithoWindow    *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (PEITHO_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      _peitho_window_collect_readings (self, files);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
collect_readings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (self->assignment_file == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Collect Readings"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Collect"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("TEI Documents"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  folder = g_file_get_parent (self->assignment_file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
collect_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (self->assignment_file == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Collect Readings from a Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Collect"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  folder = g_file_get_parent (self->assignment_file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_peitho_window_collect_update_actions (PeithoWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collect-readings",
                                 self->assignment_file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collect-folder",
                                 self->assignment_file != NULL);
}

void
_peitho_window_class_init_collect (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.collect-readings", NULL,
                                   collect_readings_action);
  gtk_widget_class_install_action (widget_class, "win.collect-folder", NULL,
                                   collect_folder_action);
}

gpointer
_peitho_window_get_duplicate_dialog_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->duplicate_dialog;
}

gpointer
_peitho_window_get_seminar_window_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->seminar_window;
}
