/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tag sets in the window: the editor, the library (save, apply), export and
 * import, and the default set of new documents. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-tag-set-editor.h"
#include "peitho-window-private.h"

static void
edit_tag_set_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkWidget *editor;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (self->tag_set_editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->tag_set_editor));
      return;
    }

  editor = peitho_tag_set_editor_new (self);
  g_set_weak_pointer (&self->tag_set_editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Makes @tag_set the document's, keeping the tags annotations still use;
 * undoable. */
static gboolean
apply_tag_set (PeithoWindow  *self,
               PeithoTagSet  *tag_set,
               GError       **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (PEITHO_IS_WINDOW (self));

  if (!peitho_tag_set_keep_used_tags (tag_set, peitho_window_get_document (self), kept, error))
    return FALSE;
  if (!peitho_history_set_tag_set (_peitho_window_get_history (self), tag_set, error))
    return FALSE;

  if (kept->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u tag in use was kept",
                                                            "%u tags in use were kept", kept->len),
                                                  kept->len);
      peitho_window_toast (self, message);
    }
  return TRUE;
}

gboolean
_peitho_window_apply_tag_set_file (PeithoWindow  *self,
                                   GFile         *file,
                                   GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;

  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (peitho_window_get_document (self) != NULL, FALSE);

  path = g_file_get_path (file);
  if (!(tag_set = peitho_tag_set_library_load (path, error)))
    return FALSE;
  return apply_tag_set (self, tag_set, error);
}

gboolean
_peitho_window_export_tag_set_file (PeithoWindow  *self,
                                    GFile         *file,
                                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (peitho_window_get_document (self) != NULL, FALSE);

  if (!(bytes = peitho_tei_write_tag_set_bytes (peitho_document_get_tag_set (peitho_window_get_document (self)), error)))
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
apply_tag_set_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (path[0] == '\0')
    {
      g_autoptr(PeithoTagSet) builtin = peitho_tag_set_new_default ();

      if (!apply_tag_set (self, builtin, &error))
        _peitho_window_show_error (self, _("Could Not Apply the Tag Set"), error->message);
      else
        g_settings_set_string (self->settings, "last-tag-set", "");
      return;
    }

  file = g_file_new_for_path (path);
  if (!_peitho_window_apply_tag_set_file (self, file, &error))
    {
      _peitho_window_show_error (self, _("Could Not Apply the Tag Set"), error->message);
      return;
    }
  /* New documents start with the set the user chose last. */
  g_settings_set_string (self->settings, "last-tag-set", path);
}

static void
save_tag_set_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  PeithoTagSet *tag_set;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  tag_set = peitho_document_get_tag_set (peitho_window_get_document (self));
  if (!(path = peitho_tag_set_library_save (tag_set, &error)))
    {
      _peitho_window_show_error (self, _("Could Not Save the Tag Set"), error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” saved to your tag sets"),
                             peitho_tag_set_get_title (tag_set) ? peitho_tag_set_get_title (tag_set)
                                                                : peitho_tag_set_get_id (tag_set));
  peitho_window_toast (self, message);
  _peitho_window_rebuild_library_menu (self);
}

typedef gboolean (*TagSetFileFunc) (PeithoWindow  *self,
                                    GFile         *file,
                                    GError       **error);

/* Drops the chooser and the window reference the dialog held. */
static void
tag_set_file_response (GtkNativeDialog *chooser,
                       int              response,
                       PeithoWindow    *self,
                       TagSetFileFunc   func,
                       const char      *error_title,
                       const char      *done)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PEITHO_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && peitho_window_get_document (self) != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!func (self, file, &error))
        _peitho_window_show_error (self, error_title, error->message);
      else
        peitho_window_toast (self, done);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PeithoWindow    *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (PEITHO_IS_WINDOW (self));

  tag_set_file_response (chooser, response, self, _peitho_window_export_tag_set_file,
                         _("Could Not Export the Tag Set"), _("Tag set exported"));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PeithoWindow    *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (PEITHO_IS_WINDOW (self));

  tag_set_file_response (chooser, response, self, _peitho_window_apply_tag_set_file,
                         _("Could Not Import the Tag Set"), _("Tag set imported"));
}

static GtkFileFilter *
tei_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("TEI files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.tei");
  return filter;
}

static void
export_tag_set_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Tag Set"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strconcat (peitho_tag_set_get_id (peitho_document_get_tag_set (peitho_window_get_document (self))), ".xml", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tei_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_tag_set_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkFileChooserNative *chooser;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import a Tag Set"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tei_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *tag_id, *replacement;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  g_variant_get (param, "(&s&s)", &tag_id, &replacement);
  if (!peitho_history_remove_tag (_peitho_window_get_history (self), tag_id, replacement, &error))
    peitho_window_toast (self, error->message);
}

void
_peitho_window_rebuild_library_menu (PeithoWindow *self)
{
  g_autoptr(GPtrArray) entries = peitho_tag_set_library_list (NULL);
  g_autoptr(GMenuItem) builtin = NULL;
  g_autoptr(GMenu) remove_menu = g_menu_new ();

  g_menu_remove_all (self->library_menu);
  g_menu_remove_all (self->library_remove_section);
  builtin = g_menu_item_new (_("Built-in Rhetoric"), NULL);
  g_menu_item_set_action_and_target_value (builtin, "win.apply-tag-set", g_variant_new_string (""));
  g_menu_append_item (self->library_menu, builtin);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PeithoTagSetEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (entry->title, NULL);
      g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”…"), entry->title);
      g_autoptr(GMenuItem) remove = g_menu_item_new (remove_label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.apply-tag-set", g_variant_new_string (entry->path));
      g_menu_append_item (self->library_menu, item);
      g_menu_item_set_action_and_target_value (remove, "win.remove-library-tag-set",
                                               g_variant_new_string (entry->id));
      g_menu_append_item (remove_menu, remove);
    }

  /* No empty submenu when the library holds nothing. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (remove_menu)) > 0)
    g_menu_append_submenu (self->library_remove_section, _("_Remove a Tag Set"),
                           G_MENU_MODEL (remove_menu));
}

static void
rebuild_all_library_menus (PeithoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  g_assert (PEITHO_IS_WINDOW (self));

  if (windows == NULL)
    _peitho_window_rebuild_library_menu (self);
  for (GList *l = windows; l != NULL; l = l->next)
    if (PEITHO_IS_WINDOW (l->data))
      _peitho_window_rebuild_library_menu (l->data);
}

/* The tag set the question is about, and the window asking. */
typedef struct {
  GWeakRef  window;
  char     *id;
  char     *path;
} RemoveRequest;

static void
remove_request_free (gpointer  data,
                     GClosure *closure)
{
  RemoveRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request->id);
  g_free (request->path);
  g_free (request);
}

static void
remove_library_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            RemoveRequest    *request)
{
  g_autoptr(PeithoWindow) self = g_weak_ref_get (&request->window);
  const char *id = request->id;
  const char *path = request->path;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (self == NULL || g_strcmp0 (response, "remove") != 0)
    return;

  if (!peitho_tag_set_library_delete (id, &error))
    {
      _peitho_window_show_error (self, _("Could Not Remove the Tag Set"), error->message);
      return;
    }

  /* New documents would otherwise try to load the removed file. */
  last = g_settings_get_string (self->settings, "last-tag-set");
  if (g_strcmp0 (last, path) == 0)
    g_settings_reset (self->settings, "last-tag-set");

  rebuild_all_library_menus (self);
  peitho_window_toast (self, _("Tag set removed"));
}

static void
remove_library_tag_set_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GPtrArray) entries = peitho_tag_set_library_list (NULL);
  PeithoTagSetEntry *found = NULL;
  RemoveRequest *request;
  GtkWidget *dialog;

  g_assert (PEITHO_IS_WINDOW (widget));

  for (guint i = 0; entries != NULL && i < entries->len && found == NULL; i++)
    {
      PeithoTagSetEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->id, id) == 0)
        found = entry;
    }
  if (found == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove the Tag Set?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from your tag sets. Documents that use "
                                    "it keep their tags."),
                                  found->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new0 (RemoveRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->id = g_strdup (found->id);
  request->path = g_strdup (found->path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_library_response_cb), request,
                         remove_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

PeithoTagSet *
_peitho_window_dup_default_tag_set (PeithoWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "last-tag-set");
  g_autoptr(GError) error = NULL;
  PeithoTagSet *tag_set;

  g_assert (PEITHO_IS_WINDOW (self));

  if (path[0] == '\0')
    return NULL;

  if (!(tag_set = peitho_tag_set_library_load (path, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("The default tag set could not be used: %s"), error->message);
      peitho_window_toast (self, message);
    }
  return tag_set;
}

void
_peitho_window_class_init_tag_sets (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-tag-set", NULL, edit_tag_set_action);
  gtk_widget_class_install_action (widget_class, "win.save-tag-set", NULL, save_tag_set_action);
  gtk_widget_class_install_action (widget_class, "win.apply-tag-set", "s", apply_tag_set_action);
  gtk_widget_class_install_action (widget_class, "win.export-tag-set", NULL, export_tag_set_action);
  gtk_widget_class_install_action (widget_class, "win.import-tag-set", NULL, import_tag_set_action);
  gtk_widget_class_install_action (widget_class, "win.remove-tag", "(ss)", remove_tag_action);
  gtk_widget_class_install_action (widget_class, "win.remove-library-tag-set", "s",
                                   remove_library_tag_set_action);
}

void
_peitho_window_init_tag_sets (PeithoWindow *self)
{
  GMenu *primary = G_MENU (gtk_menu_button_get_menu_model (self->primary_menu_button));
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) submenu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();

  self->library_menu = g_menu_new ();
  self->library_remove_section = g_menu_new ();
  g_menu_append (actions, _("_Edit Tag Set…"), "win.edit-tag-set");
  g_menu_append (actions, _("_Save to Your Tag Sets"), "win.save-tag-set");
  g_menu_append (actions, _("E_xport Tag Set…"), "win.export-tag-set");
  g_menu_append (actions, _("_Import Tag Set…"), "win.import-tag-set");
  g_menu_append_section (submenu, NULL, G_MENU_MODEL (actions));
  g_menu_append_section (submenu, _("Use a Tag Set"), G_MENU_MODEL (self->library_menu));
  g_menu_append_section (submenu, NULL, G_MENU_MODEL (self->library_remove_section));
  g_menu_append_submenu (section, _("_Tag Set"), G_MENU_MODEL (submenu));
  g_menu_insert_section (primary, 1, NULL, G_MENU_MODEL (section));

  _peitho_window_rebuild_library_menu (self);
}

PeithoTagSetEditor *
_peitho_window_get_tag_set_editor_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->tag_set_editor != NULL ? PEITHO_TAG_SET_EDITOR (self->tag_set_editor) : NULL;
}

GMenuModel *
_peitho_window_get_library_remove_menu_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->library_remove_section);
}
