/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "peitho-assignment-dialog.h"

struct _PeithoAssignmentDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkTextView          *task_view;
  GtkSwitch            *keep_switch;
  GtkSwitch            *editable_switch;
  AdwPreferencesGroup  *tags_group;

  /* Owned */
  PeithoDocument       *document;
  GFile                *folder;
  GFile                *test_save_file;
  GHashTable           *checks;       /* tag id -> GtkCheckButton (owned by the rows) */
  GPtrArray            *tag_ids;      /* in the tag set's order */
  guint                 saving : 1;
};

G_DEFINE_FINAL_TYPE (PeithoAssignmentDialog, peitho_assignment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_task (PeithoAssignmentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->task_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

PeithoDocument *
peitho_assignment_dialog_prepare (PeithoAssignmentDialog  *self,
                                  GError                 **error)
{
  g_autoptr(PeithoAssignment) assignment = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *task = NULL;

  g_return_val_if_fail (PEITHO_IS_ASSIGNMENT_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < self->tag_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->tag_ids, i);

      if (gtk_check_button_get_active (g_hash_table_lookup (self->checks, id)))
        g_ptr_array_add (chosen, (gpointer) id);
    }
  g_ptr_array_add (chosen, NULL);

  task = dup_task (self);
  assignment = peitho_assignment_new (task, gtk_switch_get_active (self->editable_switch));
  return peitho_assignment_prepare (assignment, self->document,
                                    (const char * const *) chosen->pdata,
                                    gtk_switch_get_active (self->keep_switch), error);
}

static void
show_error (PeithoAssignmentDialog *self,
            GFile                  *file,
            const GError           *error)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *heading = name != NULL ? g_strdup_printf (_("Could Not Save “%s”"), name)
                                          : g_strdup (_("Could Not Prepare the Assignment"));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_saving (PeithoAssignmentDialog *self,
            gboolean                saving)
{
  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assignment.save", !saving);
}

typedef struct {
  PeithoAssignmentDialog *self;
  GFile                  *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_assert (data != NULL);

  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  set_saving (data->self, FALSE);
  if (!peitho_document_save_file_finish (result, &error))
    {
      show_error (data->self, data->file, error);
      return;
    }

  g_signal_emit (data->self, signals[SAVED], 0, data->file);
  gtk_window_close (GTK_WINDOW (data->self));
}

static void
save_to (PeithoAssignmentDialog *self,
         GFile                  *file)
{
  g_autoptr(PeithoDocument) assignment = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  if (!(assignment = peitho_assignment_dialog_prepare (self, &error)))
    {
      show_error (self, NULL, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  set_saving (self, TRUE);
  peitho_document_save_file_async (assignment, file, PEITHO_TEI_STANDOFF, NULL, save_cb, data);
}

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     PeithoAssignmentDialog *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        save_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PeithoAssignmentDialog *self = PEITHO_ASSIGNMENT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  const char *title = peitho_document_get_title (self->document);
  g_autofree char *name = NULL;

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (widget));

  if (self->saving)
    return;
  if (self->test_save_file != NULL)
    {
      save_to (self, self->test_save_file);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Assignment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the suggested file name of an assignment; %s is the text's title */
  name = g_strdup_printf (_("%s (assignment).xml"),
                          title != NULL && title[0] != '\0' ? title : _("Untitled"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fill_tags (PeithoAssignmentDialog *self)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (self->document));

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), peitho_tag_get_label (tag));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      peitho_tag_get_label (tag), -1);
      adw_preferences_group_add (self->tags_group, row);

      g_ptr_array_add (self->tag_ids, g_strdup (peitho_tag_get_id (tag)));
      g_hash_table_insert (self->checks, g_strdup (peitho_tag_get_id (tag)), check);
    }
}

static void
peitho_assignment_dialog_dispose (GObject *object)
{
  PeithoAssignmentDialog *self = PEITHO_ASSIGNMENT_DIALOG (object);

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (object));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_ASSIGNMENT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->folder);
  g_clear_object (&self->test_save_file);

  G_OBJECT_CLASS (peitho_assignment_dialog_parent_class)->dispose (object);
}

static void
peitho_assignment_dialog_finalize (GObject *object)
{
  PeithoAssignmentDialog *self = PEITHO_ASSIGNMENT_DIALOG (object);

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (object));

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_assignment_dialog_parent_class)->finalize (object);
}

static void
peitho_assignment_dialog_class_init (PeithoAssignmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_assignment_dialog_dispose;
  object_class->finalize = peitho_assignment_dialog_finalize;

  /**
   * PeithoAssignmentDialog::saved:
   * @file: where the assignment was written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/peitho/Peitho/ui/peitho-assignment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoAssignmentDialog, task_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoAssignmentDialog, keep_switch);
  gtk_widget_class_bind_template_child (widget_class, PeithoAssignmentDialog, editable_switch);
  gtk_widget_class_bind_template_child (widget_class, PeithoAssignmentDialog, tags_group);
  gtk_widget_class_install_action (widget_class, "assignment.save", NULL, save_action);
}

static void
peitho_assignment_dialog_init (PeithoAssignmentDialog *self)
{
  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tag_ids = g_ptr_array_new_with_free_func (g_free);
}

PeithoAssignmentDialog *
peitho_assignment_dialog_new (GtkWindow      *parent,
                              PeithoDocument *document,
                              GFile          *folder)
{
  PeithoAssignmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  self = g_object_new (PEITHO_TYPE_ASSIGNMENT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->folder, folder);
  fill_tags (self);
  return self;
}

void
peitho_assignment_dialog_set_task (PeithoAssignmentDialog *self,
                                   const char             *task)
{
  g_return_if_fail (PEITHO_IS_ASSIGNMENT_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->task_view), task ? task : "", -1);
}

void
peitho_assignment_dialog_set_tag_chosen (PeithoAssignmentDialog *self,
                                         const char             *tag_id,
                                         gboolean                chosen)
{
  GtkCheckButton *check;

  g_return_if_fail (PEITHO_IS_ASSIGNMENT_DIALOG (self));
  g_return_if_fail (tag_id != NULL);

  check = g_hash_table_lookup (self->checks, tag_id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, chosen);
}

void
_peitho_assignment_dialog_set_save_file_for_testing (PeithoAssignmentDialog *self,
                                                     GFile                  *file)
{
  g_return_if_fail (PEITHO_IS_ASSIGNMENT_DIALOG (self));
  g_set_object (&self->test_save_file, file);
}
