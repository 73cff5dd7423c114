/* SPDX-License-Identifier: GPL-3.0-or-later */

/* File > Import Annotations…: another tool's annotations of the same text
 * (brat, WebAnno TSV, TEI listAnnotation, CATMA, DKPro Core TEI) into the
 * open document. The file is read in a worker thread; the tag mapping and
 * what cannot be represented are shown before anything changes; the import
 * is one undoable edit. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-history-import.h"
#include "peitho-window-private.h"

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  PeithoImportSet *set;

  set = peitho_interchange_read_file (file, PEITHO_INTERCHANGE_AUTO, cancellable, &error);
  if (set == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, set, (GDestroyNotify) peitho_import_set_free);
}

typedef struct {
  PeithoWindow    *window;   /* owned */
  PeithoImportSet *set;
  GtkEntry        *annotator;
} Confirmation;

static void
confirmation_free (gpointer data)
{
  Confirmation *confirmation = data;

  g_object_unref (confirmation->window);
  peitho_import_set_free (confirmation->set);
  g_free (confirmation);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirmation     *confirmation)
{
  PeithoWindow *self = confirmation->window;
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *annotator = NULL;
  guint n;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (!g_str_equal (response, "import") || peitho_window_get_document (self) == NULL)
    return;

  if (confirmation->annotator != NULL)
    annotator = gtk_editable_get_text (GTK_EDITABLE (confirmation->annotator));

  /* Again, for the annotator given and a document that may have changed. */
  plan = peitho_import_plan_analyse (peitho_window_get_document (self), confirmation->set, annotator, &error);
  if (plan == NULL)
    {
      _peitho_window_show_error (self, _("Could Not Import the Annotations"), error->message);
      return;
    }
  n = peitho_import_plan_get_n_annotations (plan);
  if (!peitho_history_import_annotations (_peitho_window_get_history (self), g_steal_pointer (&plan), &error))
    {
      _peitho_window_show_error (self, _("Could Not Import the Annotations"), error->message);
      return;
    }

  message = g_strdup_printf (ngettext ("%u annotation imported", "%u annotations imported", n), n);
  peitho_window_toast (self, message);
}

static void
show_confirmation (PeithoWindow     *self,
                   PeithoImportSet  *set,
                   PeithoImportPlan *plan)
{
  g_autofree char *description = peitho_import_plan_describe (plan);
  g_autofree char *losses = peitho_import_plan_describe_losses (plan);
  g_autofree char *body = NULL;
  Confirmation *confirmation;
  GtkWidget *dialog;

  g_assert (PEITHO_IS_WINDOW (self));

  body = losses != NULL ? g_strconcat (description, "\n", losses, NULL) : g_strdup (description);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Annotations?"), body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import",
                                           peitho_import_plan_get_n_annotations (plan) > 0);

  confirmation = g_new0 (Confirmation, 1);
  confirmation->window = g_object_ref (self);
  confirmation->set = set;

  /* brat and WebAnno TSV say nothing of who annotated. */
  if (set->format == PEITHO_INTERCHANGE_BRAT || set->format == PEITHO_INTERCHANGE_WEBANNO_TSV)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Annotator (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Annotator of the imported annotations"), -1);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      confirmation->annotator = GTK_ENTRY (entry);
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirmation,
                         (GClosureNotify) (void (*) (void)) confirmation_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PeithoWindow *self = PEITHO_WINDOW (source);
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PEITHO_IS_WINDOW (source));

  _peitho_window_set_busy (self, FALSE);
  set = g_task_propagate_pointer (G_TASK (result), &error);
  if (set == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _peitho_window_show_error (self, _("Could Not Import the Annotations"), error->message);
      return;
    }
  if (peitho_window_get_document (self) == NULL)
    return;

  plan = peitho_import_plan_analyse (peitho_window_get_document (self), set, NULL, &error);
  if (plan == NULL)
    {
      _peitho_window_show_error (self, _("Could Not Import the Annotations"), error->message);
      return;
    }

  show_confirmation (self, g_steal_pointer (&set), plan);
}

void
_peitho_window_import_annotations_file (PeithoWindow *self,
                                        GFile        *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _peitho_window_set_busy (self, TRUE);
  task = g_task_new (self, NULL, read_done_cb, NULL);
  g_task_set_source_tag (task, _peitho_window_import_annotations_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PeithoWindow    *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (PEITHO_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && peitho_window_get_document (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _peitho_window_import_annotations_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Annotations (brat, WebAnno TSV, TEI, CATMA)"));
  gtk_file_filter_add_pattern (filter, "*.ann");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.tei");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_peitho_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-annotations", NULL,
                                   import_annotations_action);
}
