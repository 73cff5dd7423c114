/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-tag-set-editor.h"
#include "peitho-utils.h"

struct _PeithoTagSetEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkBox         *groups_box;

  /* Owned */
  PeithoWindow   *window;      /* weak */
  PeithoDocument *document;
  PeithoTagSet   *tag_set;
  char           *layout;      /* ids in order: rebuild only when it changes */
  char           *expanded_id; /* the tag whose row is open */
};

G_DEFINE_FINAL_TYPE (PeithoTagSetEditor, peitho_tag_set_editor, ADW_TYPE_WINDOW)

/* GNOME palette, light enough for highlights. */
static const char * const new_colors[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
};

static void rebuild (PeithoTagSetEditor *self);

static char *
dup_layout (PeithoTagSet *tag_set)
{
  GString *layout = g_string_new (NULL);

  for (guint i = 0; i < peitho_tag_set_get_n_groups (tag_set); i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i);

      g_string_append_printf (layout, "[%s]", peitho_tag_group_get_id (group));
      for (guint j = 0; j < peitho_tag_group_get_n_tags (group); j++)
        g_string_append_printf (layout, "%s,", peitho_tag_get_id (peitho_tag_group_get_tag (group, j)));
    }
  return g_string_free (layout, FALSE);
}

static void
tag_set_changed_cb (PeithoTagSetEditor *self)
{
  g_autofree char *layout = dup_layout (self->tag_set);

  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  /* Renames and recolours show through bindings; only a change of the
   * structure rebuilds (which would take the focus away). */
  if (g_strcmp0 (layout, self->layout) != 0)
    rebuild (self);
}

static void
document_tag_set_cb (PeithoTagSetEditor *self)
{
  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_data (self->tag_set, self);
  g_set_object (&self->tag_set, peitho_document_get_tag_set (self->document));
  g_signal_connect_object (self->tag_set, "changed", G_CALLBACK (tag_set_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* Structural edits (add, move, delete a group) are made on a copy of the
 * set that then replaces the document's through the undo history: one
 * undoable step each. Renames and recolours change the tags in place. */
static PeithoTagSet *
begin_edit (PeithoTagSetEditor *self)
{
  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  return peitho_tag_set_copy (self->tag_set);
}

static gboolean
end_edit (PeithoTagSetEditor *self,
          PeithoTagSet       *copy)
{
  g_autoptr(GError) error = NULL;

  PeithoDocumentSession *session;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));
  g_assert (PEITHO_IS_TAG_SET (copy));

  if (self->window == NULL || !(session = peitho_window_get_session (self->window)))
    return FALSE;
  if (!peitho_history_set_tag_set (peitho_document_session_get_history (session), copy, &error))
    {
      peitho_window_toast (self->window, error->message);
      return FALSE;
    }
  return TRUE;
}

PeithoTag *
peitho_tag_set_editor_add_tag (PeithoTagSetEditor *self,
                               const char         *group_id)
{
  g_autoptr(PeithoTagSet) copy = NULL;
  g_autoptr(PeithoTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint n;

  g_return_val_if_fail (PEITHO_IS_TAG_SET_EDITOR (self), NULL);

  copy = begin_edit (self);
  n = peitho_tag_set_get_n_tags (copy);
  id = peitho_tag_set_make_id (copy, _("New tag"));
  tag = peitho_tag_new (id, _("New Tag"), NULL, NULL, new_colors[n % G_N_ELEMENTS (new_colors)]);
  g_free (self->expanded_id);
  self->expanded_id = g_strdup (id);
  if (!peitho_tag_set_add_tag (copy, group_id, tag, -1, &error))
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  if (!end_edit (self, copy))
    return NULL;
  return tag;
}

void
peitho_tag_set_editor_move_tag (PeithoTagSetEditor *self,
                                PeithoTag          *tag,
                                int                 delta)
{
  g_autoptr(PeithoTagSet) copy = begin_edit (self);
  PeithoTagGroup *group;
  guint n_groups = peitho_tag_set_get_n_groups (copy);
  guint group_index = 0, position = 0;

  /* The same tag in the copy. */
  tag = peitho_tag_set_lookup_tag (copy, peitho_tag_get_id (tag));
  g_return_if_fail (tag != NULL);
  group = peitho_tag_set_lookup_group (copy, peitho_tag_get_group_id (tag));
  g_return_if_fail (group != NULL);

  for (guint i = 0; i < n_groups; i++)
    if (peitho_tag_set_get_group (copy, i) == group)
      group_index = i;
  for (guint i = 0; i < peitho_tag_group_get_n_tags (group); i++)
    if (peitho_tag_group_get_tag (group, i) == tag)
      position = i;

  /* Past the first or last tag of its group, a tag moves into the
   * neighbouring group. */
  if (delta < 0 && position == 0)
    {
      if (group_index == 0)
        return;
      group = peitho_tag_set_get_group (copy, group_index - 1);
      peitho_tag_set_move_tag (copy, tag, peitho_tag_group_get_id (group), -1, NULL);
    }
  else if (delta > 0 && position + 1 >= peitho_tag_group_get_n_tags (group))
    {
      if (group_index + 1 >= n_groups)
        return;
      group = peitho_tag_set_get_group (copy, group_index + 1);
      peitho_tag_set_move_tag (copy, tag, peitho_tag_group_get_id (group), 0, NULL);
    }
  else
    peitho_tag_set_move_tag (copy, tag, peitho_tag_group_get_id (group), (int) position + delta, NULL);

  end_edit (self, copy);
}

void
peitho_tag_set_editor_set_shortcut (PeithoTagSetEditor *self,
                                    const char         *tag_id,
                                    const char         *accel)
{
  g_autoptr(GHashTable) accels = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GVariantBuilder builder;
  GHashTableIter iter;
  const char *key, *value;

  g_return_if_fail (PEITHO_IS_TAG_SET_EDITOR (self));

  if (self->window == NULL)
    return;

  /* Start from what is in effect (the default Alt+N too), so that setting
   * one shortcut keeps the others. */
  accels = peitho_tag_accels_collect (settings, self->tag_set);
  g_hash_table_iter_init (&iter, accels);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    if (accel != NULL && g_strcmp0 (value, accel) == 0)
      g_hash_table_iter_remove (&iter);
  if (accel != NULL && accel[0] != '\0')
    g_hash_table_insert (accels, g_strdup (tag_id), g_strdup (accel));
  else
    g_hash_table_remove (accels, tag_id);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_hash_table_iter_init (&iter, accels);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (settings, "tag-shortcuts", g_variant_builder_end (&builder));
  rebuild (self);
}

/* What the question about deleting a used tag answers for. */
typedef struct {
  GWeakRef     editor;
  char        *tag_id;
  GPtrArray   *other_ids;   /* the dropdown's tags, in its order */
  GtkDropDown *dropdown;    /* the dialog's */
} DeleteRequest;

static void
delete_request_free (gpointer  data,
                     GClosure *closure)
{
  DeleteRequest *request = data;

  g_weak_ref_clear (&request->editor);
  g_free (request->tag_id);
  g_ptr_array_unref (request->other_ids);
  g_free (request);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  g_autoptr(PeithoTagSetEditor) self = g_weak_ref_get (&request->editor);
  guint selected;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (request != NULL);

  if (self == NULL || self->window == NULL)
    return;

  if (g_str_equal (response, "delete"))
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.remove-tag", "(ss)", request->tag_id, "");
  else if (g_str_equal (response, "retag"))
    {
      selected = gtk_drop_down_get_selected (request->dropdown);
      if (selected < request->other_ids->len)
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.remove-tag", "(ss)", request->tag_id,
                                    g_ptr_array_index (request->other_ids, selected));
    }
}

GtkWidget *
peitho_tag_set_editor_delete_tag (PeithoTagSetEditor *self,
                                  const char         *tag_id)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *dialog, *box, *label, *dropdown;
  DeleteRequest *request;
  PeithoTag *tag;
  guint count;

  g_return_val_if_fail (PEITHO_IS_TAG_SET_EDITOR (self), NULL);

  if (self->window == NULL || !(tag = peitho_tag_set_lookup_tag (self->tag_set, tag_id)))
    return NULL;

  count = peitho_document_count_tag (self->document, tag_id);
  if (count == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.remove-tag", "(ss)", tag_id, "");
      return NULL;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), peitho_tag_get_label (tag));
  body = g_strdup_printf (ngettext ("%u annotation uses this tag. Delete it with the tag, or give it another tag.",
                                    "%u annotations use this tag. Delete them with the tag, or give them another tag.",
                                    count), count);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  delete_label = g_strdup_printf (ngettext ("_Delete %u Annotation", "_Delete %u Annotations", count), count);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retag", _("_Retag"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (DeleteRequest, 1);
  g_weak_ref_init (&request->editor, self);
  request->tag_id = g_strdup (tag_id);
  request->other_ids = g_ptr_array_new_with_free_func (g_free);
  names = gtk_string_list_new (NULL);
  tags = peitho_tag_set_dup_tags (self->tag_set);
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *other = g_ptr_array_index (tags, i);

      if (other == tag)
        continue;
      gtk_string_list_append (names, peitho_tag_get_label (other));
      g_ptr_array_add (request->other_ids, g_strdup (peitho_tag_get_id (other)));
    }
  if (request->other_ids->len == 0)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "retag", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("Retag _as"));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tag to give the annotations"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  request->dropdown = GTK_DROP_DOWN (dropdown);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), request,
                         delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* The rows */

static void
color_set_cb (GtkColorButton *button,
              PeithoTag      *tag)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  g_assert (GTK_IS_COLOR_BUTTON (button));

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + .5),
                           (guint) (rgba.green * 255 + .5), (guint) (rgba.blue * 255 + .5));
  peitho_tag_set_color (tag, color);
}

/* An entry row's tag or group, and which of its properties it edits. */
typedef struct {
  GWeakRef    object;
  const char *property;   /* static */
} EntryTarget;

static void
entry_target_free (gpointer  data,
                   GClosure *closure)
{
  EntryTarget *target = data;

  g_weak_ref_clear (&target->object);
  g_free (target);
}

static void
entry_apply_cb (AdwEntryRow *row,
                EntryTarget *target)
{
  g_autoptr(GObject) object = g_weak_ref_get (&target->object);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_assert (ADW_IS_ENTRY_ROW (row));

  /* A label cannot be empty; a definition or an example can. */
  if (object == NULL || (text[0] == '\0' && g_str_equal (target->property, "label")))
    return;
  g_object_set (object, target->property, text[0] ? text : NULL, NULL);
}

static GtkWidget *
entry_row (const char *title,
           GObject    *object,
           const char *property)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = NULL;
  EntryTarget *target = g_new0 (EntryTarget, 1);

  g_assert (G_IS_OBJECT (object));
  g_assert (property != NULL);

  g_object_get (object, property, &value, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_weak_ref_init (&target->object, object);
  target->property = property;
  g_signal_connect_data (row, "apply", G_CALLBACK (entry_apply_cb), target, entry_target_free, 0);
  return row;
}

/* The rows' buttons: actions with the tag's or group's id as target. */
static void
move_tag_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);
  const char *tag_id;
  PeithoTag *tag;
  int delta;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  g_variant_get (param, "(&si)", &tag_id, &delta);
  if (!(tag = peitho_tag_set_lookup_tag (self->tag_set, tag_id)))
    return;
  g_clear_pointer (&self->expanded_id, g_free);
  peitho_tag_set_editor_move_tag (self, tag, delta);
}

static void
delete_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  peitho_tag_set_editor_delete_tag (PEITHO_TAG_SET_EDITOR (widget), g_variant_get_string (param, NULL));
}

/* The shortcut being set: for which tag, in which editor. */
typedef struct {
  GWeakRef  editor;
  char     *tag_id;
} ShortcutCapture;

static void
shortcut_capture_free (gpointer  data,
                       GClosure *closure)
{
  ShortcutCapture *shortcut = data;

  g_weak_ref_clear (&shortcut->editor);
  g_free (shortcut->tag_id);
  g_free (shortcut);
}

static gboolean
capture_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ShortcutCapture       *shortcut)
{
  GtkWindow *capture = GTK_WINDOW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  g_autoptr(PeithoTagSetEditor) self = g_weak_ref_get (&shortcut->editor);
  const char *tag_id = shortcut->tag_id;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autofree char *accel = NULL;

  g_assert (GTK_IS_EVENT_CONTROLLER_KEY (controller));

  if (self == NULL)
    {
      gtk_window_destroy (capture);
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && mods == 0)
    {
      gtk_window_destroy (capture);
      return TRUE;
    }
  if (keyval == GDK_KEY_BackSpace && mods == 0)
    {
      peitho_tag_set_editor_set_shortcut (self, tag_id, NULL);
      gtk_window_destroy (capture);
      return TRUE;
    }
  /* Wait for the key that goes with the modifiers; plain keys would type. */
  if (gdk_key_event_is_modifier (gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)))
      || mods == 0 || !gtk_accelerator_valid (keyval, mods))
    return TRUE;

  accel = gtk_accelerator_name (keyval, mods);
  peitho_tag_set_editor_set_shortcut (self, tag_id, accel);
  gtk_window_destroy (capture);
  return TRUE;
}

static void
set_shortcut_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);
  g_autofree char *body = NULL;
  ShortcutCapture *shortcut;
  GtkWidget *capture;
  GtkEventController *controller;
  PeithoTag *tag;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  if (!(tag = peitho_tag_set_lookup_tag (self->tag_set, g_variant_get_string (param, NULL))))
    return;

  body = g_strdup_printf (_("Press the keys for “%s”, for example Alt+M. Backspace removes the shortcut, Escape cancels."),
                          peitho_tag_get_label (tag));
  capture = adw_message_dialog_new (GTK_WINDOW (self), _("Set a Shortcut"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (capture), "cancel", _("_Cancel"));
  shortcut = g_new0 (ShortcutCapture, 1);
  g_weak_ref_init (&shortcut->editor, self);
  shortcut->tag_id = g_strdup (peitho_tag_get_id (tag));
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (capture_key_cb), shortcut,
                         shortcut_capture_free, 0);
  gtk_widget_add_controller (capture, controller);
  gtk_window_present (GTK_WINDOW (capture));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *a11y_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_name, -1);
  return button;
}

/* A row's button for @action with @target (floating, taken); takes
 * @a11y_name. */
static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               char       *a11y_name,
               const char *action,
               GVariant   *target)
{
  g_autofree char *name = a11y_name;
  GtkWidget *button = icon_button (icon, tooltip, name);

  g_assert (action != NULL);
  g_assert (target != NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
create_tag_row (PeithoTagSetEditor *self,
                PeithoTag          *tag,
                GHashTable         *accels)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *color, *button;
  const char *id = peitho_tag_get_id (tag);
  const char *accel = g_hash_table_lookup (accels, id);
  const char *label = peitho_tag_get_label (tag);
  g_autofree char *name = NULL;
  guint count = peitho_document_count_tag (self->document, peitho_tag_get_id (tag));
  g_autofree char *count_text = g_strdup_printf (ngettext ("%u annotation", "%u annotations", count), count);
  GdkRGBA rgba;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (tag, "label", row, "title", G_BINDING_SYNC_CREATE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count_text);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (self->expanded_id, peitho_tag_get_id (tag)) == 0);

  color = gtk_color_button_new ();
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  if (gdk_rgba_parse (&rgba, peitho_tag_get_color (tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  name = g_strdup_printf (_("Colour of “%s”"), label);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (color), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (color, "color-set", G_CALLBACK (color_set_cb), tag, 0);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), color);
  g_clear_pointer (&name, g_free);

  /* Actions are packed from the end: the last added shows first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               action_button ("user-trash-symbolic", _("Delete the tag"),
                                              g_strdup_printf (_("Delete “%s”"), label),
                                              "editor.delete-tag", g_variant_new_string (id)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               action_button ("go-down-symbolic", _("Move down"),
                                              g_strdup_printf (_("Move “%s” down"), label),
                                              "editor.move-tag", g_variant_new ("(si)", id, 1)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               action_button ("go-up-symbolic", _("Move up"),
                                              g_strdup_printf (_("Move “%s” up"), label),
                                              "editor.move-tag", g_variant_new ("(si)", id, -1)));

  if (accel != NULL)
    {
      guint key;
      GdkModifierType mods;

      gtk_accelerator_parse (accel, &key, &mods);
      name = gtk_accelerator_get_label (key, mods);
    }
  button = gtk_button_new_with_label (name ? name : _("Set Shortcut"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Keyboard shortcut: click, then press the keys"));
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf (_("Shortcut of “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.set-shortcut");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  g_clear_pointer (&name, g_free);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (_("Name"), G_OBJECT (tag), "label"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (_("Definition"), G_OBJECT (tag), "definition"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (_("Example"), G_OBJECT (tag), "example"));
  /* Translators: the tag's abbreviation ("Met"), drawn where a highlight begins */
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (_("Short Label"), G_OBJECT (tag), "abbreviation"));

  return row;
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  peitho_tag_set_editor_add_tag (PEITHO_TAG_SET_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
move_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);
  g_autoptr(PeithoTagSet) copy = begin_edit (self);
  guint n = peitho_tag_set_get_n_groups (copy);
  PeithoTagGroup *group;
  const char *group_id;
  int delta;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  g_variant_get (param, "(&si)", &group_id, &delta);
  group = peitho_tag_set_lookup_group (copy, group_id);
  for (guint i = 0; group != NULL && i < n; i++)
    if (peitho_tag_set_get_group (copy, i) == group)
      {
        int position = (int) i + delta;

        if (position >= 0 && position < (int) n
            && peitho_tag_set_move_group (copy, group, position, NULL))
          end_edit (self, copy);
        break;
      }
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);
  PeithoTagGroup *group = peitho_tag_set_lookup_group (self->tag_set, g_variant_get_string (param, NULL));

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  if (group == NULL)
    return;

  /* Its tags are deleted one by one, each asking if in use (and undoable);
   * the group goes once it is empty. */
  if (peitho_tag_group_get_n_tags (group) > 0)
    {
      g_autofree char *message = NULL;
      GtkWidget *dialog;

      message = g_strdup_printf (_("Delete or move the tags of “%s” first."), peitho_tag_group_get_label (group));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Group Is Not Empty"), message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    g_autoptr(PeithoTagSet) copy = begin_edit (self);
    PeithoTagGroup *same = peitho_tag_set_lookup_group (copy, peitho_tag_group_get_id (group));

    if (same != NULL && peitho_tag_set_remove_group (copy, same))
      end_edit (self, copy);
  }
}

static GtkWidget *
create_group (PeithoTagSetEditor *self,
              PeithoTagGroup     *group,
              GHashTable         *accels)
{
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button;
  const char *label = peitho_tag_group_get_label (group);
  const char *id = peitho_tag_group_get_id (group);
  g_autofree char *name = NULL;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));
  g_assert (PEITHO_IS_TAG_GROUP (group));

  g_object_bind_property (group, "label", prefs, "title", G_BINDING_SYNC_CREATE);

  gtk_box_append (GTK_BOX (suffix),
                  action_button ("go-up-symbolic", _("Move the group up"),
                                 g_strdup_printf (_("Move the group “%s” up"), label),
                                 "editor.move-group", g_variant_new ("(si)", id, -1)));
  gtk_box_append (GTK_BOX (suffix),
                  action_button ("go-down-symbolic", _("Move the group down"),
                                 g_strdup_printf (_("Move the group “%s” down"), label),
                                 "editor.move-group", g_variant_new ("(si)", id, 1)));
  gtk_box_append (GTK_BOX (suffix),
                  action_button ("user-trash-symbolic", _("Delete the group"),
                                 g_strdup_printf (_("Delete the group “%s”"), label),
                                 "editor.delete-group", g_variant_new_string (id)));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (prefs), suffix);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = g_strdup_printf (_("Tags of the group “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), entry_row (_("Group Name"), G_OBJECT (group), "label"));
  for (guint i = 0; i < peitho_tag_group_get_n_tags (group); i++)
    gtk_list_box_append (GTK_LIST_BOX (list), create_tag_row (self, peitho_tag_group_get_tag (group, i), accels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), list);

  button = gtk_button_new_with_mnemonic (_("Add _Tag"));
  peitho_fix_mnemonic_name (button);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.add-tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), button);

  return prefs;
}

static void
rebuild (PeithoTagSetEditor *self)
{
  g_autoptr(GHashTable) accels = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *child;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);

  g_free (self->layout);
  self->layout = dup_layout (self->tag_set);
  if (self->window == NULL)
    return;

  settings = g_settings_new (APP_ID);
  accels = peitho_tag_accels_collect (settings, self->tag_set);
  for (guint i = 0; i < peitho_tag_set_get_n_groups (self->tag_set); i++)
    gtk_box_append (self->groups_box, create_group (self, peitho_tag_set_get_group (self->tag_set, i), accels));
}

static void
add_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);
  g_autoptr(PeithoTagSet) copy = begin_edit (self);
  g_autofree char *id = peitho_tag_set_make_id (copy, _("New group"));
  g_autofree char *tag_id = NULL;
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new (id, _("New Group"), NULL);
  g_autoptr(PeithoTag) tag = NULL;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  /* A group comes with its first tag: one step to undo. */
  if (!peitho_tag_set_add_group (copy, group, -1, NULL))
    return;
  tag_id = peitho_tag_set_make_id (copy, _("New tag"));
  tag = peitho_tag_new (tag_id, _("New Tag"), NULL, NULL, new_colors[0]);
  g_free (self->expanded_id);
  self->expanded_id = g_strdup (tag_id);
  if (peitho_tag_set_add_tag (copy, id, tag, -1, NULL))
    end_edit (self, copy);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PeithoTagSetEditor *self = PEITHO_TAG_SET_EDITOR (widget);

  g_assert (PEITHO_IS_TAG_SET_EDITOR (widget));

  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.undo", NULL);
}

static void
peitho_tag_set_editor_dispose (GObject *object)
{
  PeithoTagSetEditor *self = (PeithoTagSetEditor *)object;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (object));

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_data (self->tag_set, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->tag_set);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (peitho_tag_set_editor_parent_class)->dispose (object);
}

static void
peitho_tag_set_editor_finalize (GObject *object)
{
  PeithoTagSetEditor *self = (PeithoTagSetEditor *)object;

  g_assert (PEITHO_IS_TAG_SET_EDITOR (object));

  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->expanded_id, g_free);

  G_OBJECT_CLASS (peitho_tag_set_editor_parent_class)->finalize (object);
}

static void
peitho_tag_set_editor_class_init (PeithoTagSetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_tag_set_editor_dispose;
  object_class->finalize = peitho_tag_set_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-tag-set-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoTagSetEditor, groups_box);
  gtk_widget_class_bind_template_child_full (widget_class, "add_group_button", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "editor.add-group", NULL, add_group_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.add-tag", "s", add_tag_action);
  gtk_widget_class_install_action (widget_class, "editor.move-tag", "(si)", move_tag_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-tag", "s", delete_tag_action);
  gtk_widget_class_install_action (widget_class, "editor.set-shortcut", "s", set_shortcut_action);
  gtk_widget_class_install_action (widget_class, "editor.move-group", "(si)", move_group_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-group", "s", delete_group_action);
}

static void
peitho_tag_set_editor_init (PeithoTagSetEditor *self)
{
  g_assert (PEITHO_IS_TAG_SET_EDITOR (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  peitho_fix_mnemonic_name (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), PEITHO_TYPE_TAG_SET_EDITOR,
                                                                       "add_group_button")));
}

GtkWidget *
peitho_tag_set_editor_new (PeithoWindow *window)
{
  PeithoTagSetEditor *self;

  g_return_val_if_fail (PEITHO_IS_WINDOW (window), NULL);
  g_return_val_if_fail (peitho_window_get_document (window) != NULL, NULL);

  self = g_object_new (PEITHO_TYPE_TAG_SET_EDITOR, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (peitho_window_get_document (window));
  g_signal_connect_object (self->document, "notify::tag-set", G_CALLBACK (document_tag_set_cb),
                           self, G_CONNECT_SWAPPED);
  document_tag_set_cb (self);

  return GTK_WIDGET (self);
}
