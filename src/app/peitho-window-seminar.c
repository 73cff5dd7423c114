/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "peitho-assignment-dialog.h"
#include "peitho-utils.h"
#include "peitho-window-private.h"

/*
 * The seminar in the window: "Prepare Assignment…" for the teacher, and
 * for a student who opens an assignment the task in a banner, a name asked
 * once, the reading saved beside the assignment and the tag set kept as the
 * teacher chose. "Collect Readings…" is in peitho-window-collect.c.
 */

/* Tag set actions a student may not use unless the teacher allowed it. */
static const char * const tag_set_actions[] = {
  "win.edit-tag-set", "win.apply-tag-set", "win.import-tag-set", "win.remove-tag",
};

static void
assignment_saved_cb (PeithoAssignmentDialog *dialog,
                     GFile                  *file,
                     PeithoWindow           *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Assignment saved as “%s”"), name);

  g_assert (PEITHO_IS_ASSIGNMENT_DIALOG (dialog));
  g_assert (PEITHO_IS_WINDOW (self));

  peitho_window_toast (self, message);
}

static void
prepare_assignment_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;
  PeithoAssignmentDialog *dialog;
  GFile *named;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (self->session == NULL)
    return;

  if ((named = _peitho_window_get_named_file (self)) != NULL)
    folder = g_file_get_parent (named);
  dialog = peitho_assignment_dialog_new (GTK_WINDOW (self),
                                         peitho_document_session_get_document (self->session), folder);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (assignment_saved_cb), self, 0);
  g_set_weak_pointer (&self->assignment_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
student_name (PeithoWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "annotator-name");

  g_assert (PEITHO_IS_WINDOW (self));

  /* peitho_default_annotator_name() returns its argument or a static name. */
  return setting[0] != '\0' ? g_intern_string (setting) : peitho_default_annotator_name (NULL);
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PeithoWindow     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (PEITHO_IS_WINDOW (self));

  if (g_strcmp0 (response, "ok") == 0 && name[0] != '\0')
    g_settings_set_string (self->settings, "annotator-name", name);
}

static void
name_entry_activate_cb (GtkEntry         *entry,
                        AdwMessageDialog *dialog)
{
  g_assert (GTK_IS_ENTRY (entry));

  adw_message_dialog_response (dialog, "ok");
}

/* Asks for the student's name once: it is kept in the annotator-name
 * setting, which Preferences edits too. */
static void
ask_student_name (PeithoWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "annotator-name");
  GtkWidget *dialog, *entry;

  g_assert (PEITHO_IS_WINDOW (self));

  if (setting[0] != '\0')
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Name"),
                                   _("Your reading is saved under your name, beside the assignment."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), peitho_default_annotator_name (NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Later"),
                                    "ok", _("_Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_signal_connect (entry, "activate", G_CALLBACK (name_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  g_set_weak_pointer (&self->name_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_peitho_window_seminar_session_set (PeithoWindow *self)
{
  g_autoptr(PeithoAssignment) assignment = NULL;
  GFile *file = NULL;
  const char *task;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->session != NULL)
    {
      PeithoDocument *document = peitho_document_session_get_document (self->session);
      g_auto(GStrv) students = peitho_seminar_dup_students (document);

      /* A seminar document carries the assignment too, but is the teacher's. */
      if (students == NULL)
        assignment = peitho_assignment_get_for_document (document);
      file = peitho_document_session_get_file (self->session);
    }
  g_set_object (&self->assignment, assignment);
  g_clear_object (&self->assignment_file);
  if (assignment != NULL && file != NULL)
    self->assignment_file = g_object_ref (file);

  if (assignment == NULL)
    {
      gtk_revealer_set_reveal_child (self->assignment_banner, FALSE);
      return;
    }

  task = peitho_assignment_get_task (assignment);
  gtk_label_set_text (self->assignment_label,
                      task != NULL ? task : _("Annotate the text with the tags of this assignment."));
  gtk_revealer_set_reveal_child (self->assignment_banner, TRUE);
  ask_student_name (self);
}

void
_peitho_window_seminar_update_actions (PeithoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean locked = self->assignment != NULL
                    && !peitho_assignment_get_tag_set_editable (self->assignment);

  gtk_widget_action_set_enabled (widget, "win.prepare-assignment", self->session != NULL);
  _peitho_window_collect_update_actions (self);
  if (locked)
    for (guint i = 0; i < G_N_ELEMENTS (tag_set_actions); i++)
      gtk_widget_action_set_enabled (widget, tag_set_actions[i], FALSE);
}

GFile *
_peitho_window_seminar_dup_save_file (PeithoWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *named = NULL;
  const char *student;
  GFile *file;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->assignment == NULL || self->session == NULL
      || (file = peitho_document_session_get_file (self->session)) == NULL)
    return NULL;

  /* Saving a reading of this student goes to its own file; saving the
   * assignment goes to a new reading beside it, never over it. */
  student = student_name (self);
  basename = g_file_get_basename (file);
  named = peitho_reading_student_from_basename (NULL, basename);
  if (g_str_has_suffix (basename, ".xml") && strstr (basename, " — ") != NULL
      && g_strcmp0 (named, student) == 0)
    return g_object_ref (file);

  return peitho_reading_file (file, student);
}

static void
change_name_clicked_cb (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

static void
create_banner (PeithoWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Your _Name…"));

  g_assert (PEITHO_IS_WINDOW (self));

  gtk_widget_add_css_class (box, "assignment-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Task of the assignment"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  peitho_fix_mnemonic_name (button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (change_name_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  self->assignment_banner = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->assignment_banner, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->assignment_banner, box);
  self->assignment_label = GTK_LABEL (label);

  /* Under the "changed on disk" bar, above the text. */
  gtk_widget_insert_after (GTK_WIDGET (self->assignment_banner),
                           gtk_widget_get_parent (GTK_WIDGET (self->disk_banner)),
                           GTK_WIDGET (self->disk_banner));
}

void
_peitho_window_init_seminar (PeithoWindow *self)
{
  GMenu *primary = G_MENU (gtk_menu_button_get_menu_model (self->primary_menu_button));
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_append (section, _("_Prepare Assignment…"), "win.prepare-assignment");
  g_menu_append (section, _("_Collect Readings…"), "win.collect-readings");
  g_menu_append (section, _("Collect Readings from a _Folder…"), "win.collect-folder");
  g_menu_insert_section (primary, 2, NULL, G_MENU_MODEL (section));

  create_banner (self);
}

void
_peitho_window_dispose_seminar (PeithoWindow *self)
{
  g_clear_object (&self->assignment);
  g_clear_object (&self->assignment_file);
  g_clear_weak_pointer (&self->assignment_dialog);
  g_clear_weak_pointer (&self->name_dialog);
  g_clear_weak_pointer (&self->duplicate_dialog);
  g_clear_weak_pointer (&self->seminar_window);
}

void
_peitho_window_class_init_seminar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.prepare-assignment", NULL,
                                   prepare_assignment_action);
  _peitho_window_class_init_collect (widget_class);
}

gpointer
_peitho_window_get_assignment_dialog_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->assignment_dialog;
}

gpointer
_peitho_window_get_name_dialog_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->name_dialog;
}

const char *
_peitho_window_get_assignment_task_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->assignment_banner))
    return NULL;
  return gtk_label_get_text (self->assignment_label);
}
