/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-utils.h"
#include "peitho-window-private.h"

#define ZOOM_STEP 1.1

static void
toast_error (PeithoWindow *self,
             const GError *error)
{
  g_assert (PEITHO_IS_WINDOW (self));

  peitho_window_toast (self, error->message);
}

void
_peitho_window_select_annotation (PeithoWindow     *self,
                                  PeithoAnnotation *annotation)
{
  peitho_annotation_view_select_range (self->view,
                                       peitho_annotation_get_start (annotation),
                                       peitho_annotation_get_end (annotation));
}

static void
tag_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  const char *tag_id = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name_setting = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gsize start, end;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (peitho_window_get_document (self)), tag_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no tag “%s” in this document’s tag set"), tag_id);
      peitho_window_toast (self, message);
      return;
    }

  if (!peitho_annotation_view_get_selection (self->view,
                                             g_settings_get_boolean (self->settings, "snap-to-words"),
                                             &start, &end))
    {
      peitho_window_toast (self, _("Select a passage to tag it"));
      return;
    }

  name_setting = g_settings_get_string (self->settings, "annotator-name");
  /* A first annotation by a new name brings its annotator: one edit, so
   * that undoing it leaves the document as it was. */
  if (!peitho_history_annotate (_peitho_window_get_history (self), start, end, tag_id,
                                peitho_default_annotator_name (name_setting), NULL, &error))
    {
      toast_error (self, error);
      return;
    }

  /* Leave the caret after the passage: the selection colour would hide the
   * new highlight. */
  buffer = peitho_annotation_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
tag_chosen_cb (PeithoWindow *self,
               const char   *tag_id)
{
  g_assert (PEITHO_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag-selection", "s", tag_id);
}

static void
point_popover_at_cursor (PeithoWindow *self,
                         GtkPopover   *popover)
{
  GdkRectangle area;

  g_assert (PEITHO_IS_WINDOW (self));

  peitho_annotation_view_get_offset_area (self->view, peitho_annotation_view_get_cursor_offset (self->view),
                                          &area);
  gtk_popover_set_pointing_to (popover, &area);
}

static void
choose_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  point_popover_at_cursor (self, GTK_POPOVER (self->tag_chooser));
  gtk_popover_popup (GTK_POPOVER (self->tag_chooser));
}

static GPtrArray *
annotations_at_cursor (PeithoWindow *self)
{
  gsize offset = peitho_annotation_view_get_cursor_offset (self->view);
  GPtrArray *annotations = peitho_document_get_annotations_at (peitho_window_get_document (self), offset);

  g_assert (PEITHO_IS_WINDOW (self));

  /* The caret right after a passage still counts as on it. */
  if (annotations->len == 0 && offset > 0)
    {
      g_ptr_array_unref (annotations);
      annotations = peitho_document_get_annotations_at (peitho_window_get_document (self), offset - 1);
    }

  return annotations;
}

static void
show_annotations_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  annotations = annotations_at_cursor (self);
  if (annotations->len == 0)
    {
      peitho_window_toast (self, _("No annotations here"));
      return;
    }

  peitho_annotation_popover_set_annotations (self->annotation_popover, peitho_window_get_document (self), annotations);
  point_popover_at_cursor (self, GTK_POPOVER (self->annotation_popover));
  gtk_popover_popup (GTK_POPOVER (self->annotation_popover));
}

static void
show_edition_note_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) != NULL
      && !peitho_annotation_view_show_edition_note (self->view))
    peitho_window_toast (self, _("No note of the edition here"));
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GPtrArray) annotations = NULL;
  PeithoAnnotation *annotation;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  annotations = annotations_at_cursor (self);
  if (annotations->len == 0)
    {
      peitho_window_toast (self, _("No annotations here"));
      return;
    }

  /* The innermost (last starting) annotation is the one the caret is on. */
  annotation = g_ptr_array_index (annotations, annotations->len - 1);
  peitho_annotation_popover_set_annotations (self->annotation_popover, peitho_window_get_document (self), annotations);
  point_popover_at_cursor (self, GTK_POPOVER (self->annotation_popover));
  gtk_popover_popup (GTK_POPOVER (self->annotation_popover));
  peitho_annotation_popover_edit_note (self->annotation_popover, peitho_annotation_get_id (annotation));
}

static PeithoAnnotation *
lookup_annotation (PeithoWindow *self,
                   const char   *id)
{
  PeithoAnnotation *annotation;

  g_assert (PEITHO_IS_WINDOW (self));

  if (peitho_window_get_document (self) == NULL)
    return NULL;

  if (!(annotation = peitho_document_lookup_annotation (peitho_window_get_document (self), id)))
    {
      g_autofree char *message = g_strdup_printf (_("There is no annotation “%s”"), id);
      peitho_window_toast (self, message);
    }

  return annotation;
}

static void
remove_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  PeithoAnnotation *annotation;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (!(annotation = lookup_annotation (self, g_variant_get_string (param, NULL))))
    return;

  if (!peitho_history_remove_annotation (_peitho_window_get_history (self), annotation, &error))
    {
      toast_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Annotation removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef gboolean (*AnnotationSetter) (PeithoHistory     *history,
                                      PeithoAnnotation  *annotation,
                                      const char        *value,
                                      GError           **error);

/* @param is (annotation id, value). */
static void
set_annotation_string (PeithoWindow     *self,
                       GVariant         *param,
                       AnnotationSetter  setter)
{
  PeithoAnnotation *annotation;
  g_autoptr(GError) error = NULL;
  const char *id, *value;

  g_assert (PEITHO_IS_WINDOW (self));

  g_variant_get (param, "(&s&s)", &id, &value);
  if (!(annotation = lookup_annotation (self, id)))
    return;

  if (!setter (_peitho_window_get_history (self), annotation, value, &error))
    toast_error (self, error);
}

static void
retag_annotation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  set_annotation_string (PEITHO_WINDOW (widget), param, peitho_history_set_tag);
}

static void
set_annotation_note_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  set_annotation_string (PEITHO_WINDOW (widget), param, peitho_history_set_note);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  PeithoHistory *history = _peitho_window_get_history (self);

  g_assert (PEITHO_IS_WINDOW (widget));

  if (history != NULL && peitho_history_can_undo (history) && !peitho_history_undo (history, &error))
    toast_error (self, error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  PeithoHistory *history = _peitho_window_get_history (self);

  g_assert (PEITHO_IS_WINDOW (widget));

  if (history != NULL && peitho_history_can_redo (history) && !peitho_history_redo (history, &error))
    toast_error (self, error);
}

/* The first annotation (document order) that starts after @offset: a binary
 * search, the list may hold 100,000. */
static guint
first_starting_after (GListModel *model,
                      gsize       offset,
                      gboolean    or_at)
{
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (model, mid);
      gsize start = peitho_annotation_get_start (annotation);

      if (start < offset || (!or_at && start == offset))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
move_to_annotation (PeithoWindow *self,
                    gboolean      forward)
{
  GListModel *model;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autoptr(PeithoAnnotation) annotation = NULL;
  gsize offset;
  guint position;

  g_assert (PEITHO_IS_WINDOW (self));

  if (peitho_window_get_document (self) == NULL)
    return;

  model = peitho_document_get_annotations (peitho_window_get_document (self));
  buffer = peitho_annotation_view_get_buffer (self->view);
  gtk_text_buffer_get_selection_bounds (buffer, &s, &e);
  offset = gtk_text_iter_get_offset (&s);

  if (forward)
    {
      position = first_starting_after (model, offset, FALSE);
      if (position >= g_list_model_get_n_items (model))
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
    }
  else
    {
      position = first_starting_after (model, offset, TRUE);
      if (position == 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      position--;
    }

  annotation = g_list_model_get_item (model, position);
  _peitho_window_select_annotation (self, annotation);
}

static void
next_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  move_to_annotation (PEITHO_WINDOW (widget), TRUE);
}

static void
previous_annotation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  move_to_annotation (PEITHO_WINDOW (widget), FALSE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  g_assert (PEITHO_IS_WINDOW (widget));

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom *= ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom /= ZOOM_STEP;
  else
    zoom = 1.0;

  g_settings_set_double (self->settings, "zoom", CLAMP (zoom, 0.5, 3.0));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  _peitho_window_open (PEITHO_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  _peitho_window_save (PEITHO_WINDOW (widget), g_str_equal (action_name, "win.save-as"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  _peitho_window_export (PEITHO_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  _peitho_window_reload (PEITHO_WINDOW (widget));
}

static void
keep_first_lines_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_assert (PEITHO_IS_WINDOW (widget));

  _peitho_window_keep_first_lines (PEITHO_WINDOW (widget));
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);

  g_assert (PEITHO_IS_WINDOW (widget));

  if (self->session != NULL)
    peitho_document_session_keep_ours (self->session);
}

/* The actions that need a document; undo, redo and reload follow the
 * session's properties (peitho-window.c). */
void
_peitho_window_enable_document_actions (PeithoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->session != NULL;
  static const char * const document_actions[] = {
    "win.save", "win.save-as", "win.export", "win.print", "win.tag-selection", "win.choose-tag",
    "win.show-annotations", "win.show-edition-note", "win.edit-note", "win.remove-annotation", "win.retag-annotation",
    "win.set-annotation-note", "win.next-annotation", "win.previous-annotation",
    "win.relations", "win.show-relations", "win.add-relation", "win.remove-relation",
    "win.select-annotation", "win.edit-tag-set", "win.save-tag-set", "win.apply-tag-set",
    "win.export-tag-set", "win.import-tag-set", "win.remove-tag", "win.import-annotations",
  };

  g_assert (PEITHO_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (widget, document_actions[i], has_document);
  _peitho_window_seminar_update_actions (self);
}

void
_peitho_window_rebuild_tag_menus (PeithoWindow *self)
{
  g_autoptr(GHashTable) accels = NULL;
  g_autoptr(GMenu) tag_as = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkShortcutController *controller = self->tag_shortcuts;
  GListModel *shortcuts = G_LIST_MODEL (controller);
  PeithoTagSet *tag_set = peitho_window_get_document (self) ? peitho_document_get_tag_set (peitho_window_get_document (self)) : NULL;
  GHashTableIter iter;
  const char *tag_id, *accel;

  accels = peitho_tag_accels_collect (self->settings, tag_set);

  /* Keyboard shortcuts */
  while (g_list_model_get_n_items (shortcuts) > 0)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, 0);
      gtk_shortcut_controller_remove_shortcut (controller, shortcut);
    }
  g_hash_table_iter_init (&iter, accels);
  while (g_hash_table_iter_next (&iter, (gpointer *)&tag_id, (gpointer *)&accel))
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accel);
      GtkShortcut *shortcut;

      if (trigger == NULL)
        {
          g_warning ("Invalid shortcut “%s” for the tag “%s”", accel, tag_id);
          continue;
        }
      shortcut = gtk_shortcut_new (trigger, gtk_named_action_new ("win.tag-selection"));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (tag_id));
      gtk_shortcut_controller_add_shortcut (controller, shortcut);
    }
  peitho_tag_palette_set_accels (self->palette, accels);

  /* The text's context menu */
  g_menu_remove_all (self->tag_menu);
  for (guint i = 0; tag_set != NULL && i < peitho_tag_set_get_n_groups (tag_set); i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i);
      g_autoptr(GMenu) group_section = g_menu_new ();

      for (guint j = 0; j < peitho_tag_group_get_n_tags (group); j++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, j);
          g_autoptr(GMenuItem) item = g_menu_item_new (peitho_tag_get_label (tag), NULL);
          const char *tag_accel = g_hash_table_lookup (accels, peitho_tag_get_id (tag));

          g_menu_item_set_action_and_target_value (item, "win.tag-selection",
                                                   g_variant_new_string (peitho_tag_get_id (tag)));
          if (tag_accel != NULL)
            g_menu_item_set_attribute (item, "accel", "s", tag_accel);
          g_menu_append_item (group_section, item);
        }
      g_menu_append_section (tag_as, peitho_tag_group_get_label (group), G_MENU_MODEL (group_section));
    }

  g_menu_append_submenu (section, _("_Tag As"), G_MENU_MODEL (tag_as));
  g_menu_append (section, _("Tag…"), "win.choose-tag");
  g_menu_append (section, _("_Annotations Here"), "win.show-annotations");
  g_menu_append (section, _("Edit _Note"), "win.edit-note");
  g_menu_append (section, _("_Relations…"), "win.relations");
  g_menu_append_section (self->tag_menu, NULL, G_MENU_MODEL (section));
}

static void
tag_shortcuts_changed_cb (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  _peitho_window_rebuild_tag_menus (self);
}

void
_peitho_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.keep-first-lines", NULL, keep_first_lines_action);
  gtk_widget_class_install_action (widget_class, "win.tag-selection", "s", tag_selection_action);
  gtk_widget_class_install_action (widget_class, "win.choose-tag", NULL, choose_tag_action);
  gtk_widget_class_install_action (widget_class, "win.show-annotations", NULL, show_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.show-edition-note", NULL,
                                   show_edition_note_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.remove-annotation", "s", remove_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.retag-annotation", "(ss)", retag_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.set-annotation-note", "(ss)", set_annotation_note_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, next_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, previous_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
}

void
_peitho_window_init_actions (PeithoWindow *self)
{
  static const char * const setting_actions[] = { "font-family", "snap-to-words", "show-sidebar",
                                                  "show-tag-labels" };
  g_autoptr(GPropertyAction) show_palette = NULL;
  GtkSourceView *source_view = peitho_annotation_view_get_source_view (self->view);

  for (guint i = 0; i < G_N_ELEMENTS (setting_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, setting_actions[i]);
      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
  g_settings_bind (self->settings, "show-tag-labels", source_view, "show-labels", G_SETTINGS_BIND_GET);
  show_palette = g_property_action_new ("show-palette", self->palette_revealer, "reveal-child");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_palette));

  self->tag_shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (self->tag_shortcuts), "peitho-tag-shortcuts");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->tag_shortcuts));
  g_signal_connect_object (self->settings, "changed::tag-shortcuts",
                           G_CALLBACK (tag_shortcuts_changed_cb), self, G_CONNECT_SWAPPED);

  self->tag_menu = g_menu_new ();
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (source_view), G_MENU_MODEL (self->tag_menu));

  self->annotation_popover = PEITHO_ANNOTATION_POPOVER (peitho_annotation_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->annotation_popover), GTK_WIDGET (source_view));

  self->tag_chooser = PEITHO_TAG_CHOOSER (peitho_tag_chooser_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_chooser), GTK_WIDGET (source_view));
  g_signal_connect_object (self->tag_chooser, "tag-chosen", G_CALLBACK (tag_chosen_cb),
                           self, G_CONNECT_SWAPPED);

  _peitho_window_rebuild_tag_menus (self);
}
