/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-drafts.h"
#include "peitho-outline-item.h"
#include "peitho-speaker-view.h"
#include "peitho-utils.h"
#include "peitho-window-print.h"
#include "peitho-window-private.h"

#define MAX_RECENT 8

G_DEFINE_FINAL_TYPE (PeithoWindow, peitho_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
passage_activated_cb (PeithoWindow     *self,
                      PeithoAnnotation *annotation)
{
  g_assert (PEITHO_IS_WINDOW (self));

  _peitho_window_select_annotation (self, annotation);
}

/* A division chosen in the outline: reading goes on from its start. */
static void
outline_activated_cb (PeithoWindow      *self,
                      PeithoOutlineItem *item)
{
  gsize start = peitho_outline_item_get_start (item);

  g_assert (PEITHO_IS_WINDOW (self));

  peitho_annotation_view_select_range (self->view, start, start);
  gtk_widget_grab_focus (GTK_WIDGET (peitho_annotation_view_get_source_view (self->view)));
}

static void
hidden_changed_cb (PeithoWindow *self,
                   const char   *tag_id,
                   gboolean      hidden)
{
  g_assert (PEITHO_IS_WINDOW (self));

  peitho_highlighter_set_tag_hidden (peitho_annotation_view_get_highlighter (self->view), tag_id, hidden);
}

/* Busy: loading, writing (saves, exports, drafts) or highlighting. The
 * spinner shows the first two, the progress bar the highlighting. */
static void
update_busy (PeithoWindow *self)
{
  PeithoHighlighter *highlighter;
  gboolean working, busy;

  g_assert (PEITHO_IS_WINDOW (self));

  /* Disposed: the template's widgets are gone. */
  if (self->view == NULL)
    return;

  highlighter = peitho_annotation_view_get_highlighter (self->view);

  working = self->loading || self->n_tasks > 0
            || (self->session != NULL && peitho_document_session_get_busy (self->session));
  busy = working || peitho_highlighter_get_busy (highlighter);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  gtk_spinner_set_spinning (self->spinner, working);

  if (self->busy != (guint) busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
highlighter_progress_cb (PeithoWindow *self)
{
  PeithoHighlighter *highlighter;
  gboolean busy;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->view == NULL)
    return;

  highlighter = peitho_annotation_view_get_highlighter (self->view);
  busy = peitho_highlighter_get_busy (highlighter);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, peitho_highlighter_get_progress (highlighter));
  update_busy (self);
}

void
_peitho_window_set_loading (PeithoWindow *self,
                            gboolean      loading)
{
  g_assert (PEITHO_IS_WINDOW (self));

  self->loading = loading;
  update_busy (self);
}

void
_peitho_window_set_busy (PeithoWindow *self,
                         gboolean      busy)
{
  g_assert (PEITHO_IS_WINDOW (self));

  if (busy)
    self->n_tasks++;
  else
    {
      g_assert (self->n_tasks > 0);
      self->n_tasks--;
    }
  update_busy (self);
}

static void
tag_set_edited_cb (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  /* Renamed, added or removed tags (the tag-set editor). */
  _peitho_window_rebuild_tag_menus (self);
}

static void
tag_set_replaced_cb (PeithoWindow *self)
{
  PeithoTagSet *tag_set = peitho_document_session_get_tag_set (self->session);

  g_assert (PEITHO_IS_WINDOW (self));

  peitho_tag_palette_set_tag_set (self->palette, tag_set);
  peitho_tag_chooser_set_tag_set (self->tag_chooser, tag_set);
  _peitho_window_rebuild_tag_menus (self);
}

/* What follows the session's state but is not a property: actions. */
static void
session_state_cb (PeithoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PeithoDocumentSession *session = self->session;

  g_assert (PEITHO_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.undo", session && peitho_document_session_get_can_undo (session));
  gtk_widget_action_set_enabled (widget, "win.redo", session && peitho_document_session_get_can_redo (session));
  gtk_widget_action_set_enabled (widget, "win.reload", session && peitho_document_session_get_file (session));
  update_busy (self);
}

/* The offer to keep the first lines holds until the first change. */
static void
session_modified_cb (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  if (peitho_document_session_get_modified (self->session))
    gtk_revealer_set_reveal_child (self->front_matter_banner, FALSE);
}

void
_peitho_window_set_session (PeithoWindow          *self,
                            PeithoDocumentSession *session)
{
  PeithoHighlighter *highlighter;
  PeithoCountModel *counts;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (session));

  /* Only an unmodified document is replaced: its draft is stale. */
  if (self->session != NULL)
    peitho_document_session_discard_draft (self->session);
  if (!g_set_object (&self->session, session))
    return;

  g_settings_bind (self->settings, "autosave-delay", session, "autosave-delay", G_SETTINGS_BIND_GET);
  g_binding_group_set_source (self->session_bindings, session);
  g_signal_group_set_target (self->session_signals, session);

  counts = peitho_document_session_get_counts (session);
  peitho_sidebar_set_model (self->sidebar, counts);

  /* Hidden tags belong to the previous document. */
  highlighter = peitho_annotation_view_get_highlighter (self->view);
  peitho_annotation_view_set_document (self->view, peitho_document_session_get_document (session));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (counts)); i++)
    {
      g_autoptr(PeithoCountItem) item = g_list_model_get_item (G_LIST_MODEL (counts), i);
      peitho_highlighter_set_tag_hidden (highlighter, peitho_count_item_get_id (item), FALSE);
    }
  tag_set_replaced_cb (self);
  gtk_revealer_set_reveal_child (self->front_matter_banner,
                                 peitho_document_session_get_front_matter (session) != PEITHO_FRONT_MATTER_NONE);

  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_widget_grab_focus (GTK_WIDGET (peitho_annotation_view_get_source_view (self->view)));

  _peitho_window_seminar_session_set (self);
  _peitho_window_compare_session_set (self);
  _peitho_window_readings_session_set (self);
  _peitho_window_enable_document_actions (self);
  session_state_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
peitho_window_set_document (PeithoWindow   *self,
                            PeithoDocument *document,
                            GFile          *file,
                            GFile          *source)
{
  g_autoptr(PeithoDocumentSession) session = NULL;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (PEITHO_IS_DOCUMENT (document));

  session = peitho_document_session_new (document, file, source);
  _peitho_window_set_session (self, session);
}

PeithoDocumentSession *
peitho_window_get_session (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->session;
}

GFile *
_peitho_window_get_named_file (PeithoWindow *self)
{
  GFile *file;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->session == NULL)
    return NULL;
  if ((file = peitho_document_session_get_file (self->session)) != NULL)
    return file;
  return peitho_document_session_get_source (self->session);
}

PeithoDocument *
peitho_window_get_document (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->session != NULL ? peitho_document_session_get_document (self->session) : NULL;
}

GFile *
peitho_window_get_file (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->session != NULL ? peitho_document_session_get_file (self->session) : NULL;
}

gboolean
peitho_window_get_modified (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  return self->session != NULL && peitho_document_session_get_modified (self->session);
}

gboolean
peitho_window_get_busy (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  return self->busy;
}

gboolean
peitho_window_is_reusable (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  return self->session == NULL && !self->loading;
}

GListModel *
peitho_window_get_count_model (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return peitho_sidebar_get_count_model (self->sidebar);
}

/* A row of the start page's recent files (its action target is the URI). */
static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  g_assert (PEITHO_IS_WINDOW (widget));

  peitho_window_open_file (PEITHO_WINDOW (widget), file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **)a;
  GtkRecentInfo *ib = *(GtkRecentInfo **)b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
populate_recent (PeithoWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  GtkWidget *child;
  guint n = 0;

  g_assert (PEITHO_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, g_get_application_name ())
          && gtk_recent_info_is_local (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  for (guint i = 0; i < ours->len && n < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_group, n > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
drop_cb (PeithoWindow  *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GSList *files;
  gboolean first = TRUE;

  g_assert (PEITHO_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);

  /* Dropped on an assignment, files are the students' readings to collect. */
  if (files != NULL && self->assignment_file != NULL)
    {
      g_autoptr(GListStore) readings = g_list_store_new (G_TYPE_FILE);

      for (GSList *l = files; l != NULL; l = l->next)
        g_list_store_append (readings, l->data);
      _peitho_window_collect_readings (self, G_LIST_MODEL (readings));
      return TRUE;
    }

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      /* The first file opens here unless that would hide unsaved work. */
      if (first && !peitho_window_get_modified (self) && !self->loading)
        peitho_window_open_file (self, file);
      else
        peitho_application_open_in_new_window (PEITHO_APPLICATION (g_application_get_default ()), file);
      first = FALSE;
    }

  return files != NULL;
}

static gboolean
peitho_window_close_request (GtkWindow *window)
{
  PeithoWindow *self = PEITHO_WINDOW (window);
  int width, height;

  g_assert (PEITHO_IS_WINDOW (window));

  if (_peitho_window_close_request (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (peitho_window_parent_class)->close_request (window);
}

static const char * const settings_action_names[] = {
  "font-family", "snap-to-words", "show-sidebar", "show-palette",
};

static void
peitho_window_dispose (GObject *object)
{
  PeithoWindow *self = (PeithoWindow *)object;

  g_assert (PEITHO_IS_WINDOW (object));

  g_cancellable_cancel (self->load_cancellable);
  _peitho_window_dispose_seminar (self);
  _peitho_window_dispose_compare (self);

  /* The groups let go of the session's objects and their handlers. */
  if (self->session_bindings != NULL)
    g_binding_group_set_source (self->session_bindings, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  /* GTK 4.8 takes a reference on a popover holding the focus each time it
   * is hidden or unparented, and keeps only the last one to drop it: with
   * the focus in the tag chooser's search entry, popdown then unparent
   * leaked the chooser. Let go of the focus first. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  /* A popover still up would keep itself (and its document) alive. */
  if (self->annotation_popover != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->annotation_popover));
      gtk_widget_unparent (GTK_WIDGET (self->annotation_popover));
    }
  self->annotation_popover = NULL;
  if (self->tag_chooser != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->tag_chooser));
      gtk_widget_unparent (GTK_WIDGET (self->tag_chooser));
    }
  self->tag_chooser = NULL;
  /* Dialogs hold the document: close them with the window. */
  if (self->relation_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->relation_dialog));
  g_clear_weak_pointer (&self->relation_dialog);
  if (self->tag_set_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->tag_set_editor));
  g_clear_weak_pointer (&self->tag_set_editor);

  /* The settings actions live as long as their GSettings: take them out of
   * the window's action group, or a later change of the setting would
   * notify a group that is gone. */
  for (guint i = 0; i < G_N_ELEMENTS (settings_action_names); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_action_names[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_WINDOW);

  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->tag_set_signals);
  g_clear_object (&self->counts_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->test_save_file);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->tag_menu);
  g_clear_object (&self->library_menu);
  g_clear_object (&self->library_remove_section);

  G_OBJECT_CLASS (peitho_window_parent_class)->dispose (object);
}

static void
peitho_window_finalize (GObject *object)
{
  PeithoWindow *self = (PeithoWindow *)object;

  g_assert (PEITHO_IS_WINDOW (object));

  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_window_parent_class)->finalize (object);
}

static void
peitho_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PeithoWindow *self = PEITHO_WINDOW (object);

  g_assert (PEITHO_IS_WINDOW (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_window_class_init (PeithoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = peitho_window_dispose;
  object_class->finalize = peitho_window_finalize;
  object_class->get_property = peitho_window_get_property;
  window_class->close_request = peitho_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PEITHO_TYPE_DOCUMENT_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PEITHO_TYPE_ANNOTATION_VIEW);
  g_type_ensure (PEITHO_TYPE_SIDEBAR);
  g_type_ensure (PEITHO_TYPE_TAG_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, view);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, presentation_readers);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, front_matter_banner);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoWindow, sidebar_button);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);

  _peitho_window_class_init_actions (widget_class);
  _peitho_window_class_init_io (widget_class);
  /* Reachable with gtk_widget_get_template_child(), for their a11y names. */
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reload_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "keep_mine_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "keep_first_lines_button", FALSE, 0);
  _peitho_window_class_init_relations (widget_class);
  _peitho_window_class_init_tag_sets (widget_class);
  _peitho_window_class_init_import (widget_class);
  _peitho_window_class_init_print (widget_class);
  _peitho_window_class_init_seminar (widget_class);
  _peitho_window_class_init_compare (widget_class);
}

static void
peitho_window_init (PeithoWindow *self)
{
  PeithoHighlighter *highlighter;
  GtkDropTarget *drop;

  g_assert (PEITHO_IS_WINDOW (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    static const char * const mnemonic_buttons[] = {
      "open_button", "reload_button", "keep_mine_button", "welcome_open_button",
      "keep_first_lines_button",
    };

    for (guint i = 0; i < G_N_ELEMENTS (mnemonic_buttons); i++)
      peitho_fix_mnemonic_name (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), PEITHO_TYPE_WINDOW,
                                                                           mnemonic_buttons[i])));
  }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "font-family", self->view, "font-family", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "zoom", self->view, "zoom", G_SETTINGS_BIND_GET);
  /* Only the user's choice (F9, win.show-sidebar) is saved: the flap also
   * hides itself when the window gets too narrow, which is no preference. */
  g_settings_bind (self->settings, "show-sidebar", self->flap, "reveal-flap", G_SETTINGS_BIND_GET);

  highlighter = peitho_annotation_view_get_highlighter (self->view);
  g_signal_connect_object (highlighter, "notify::progress", G_CALLBACK (highlighter_progress_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (highlighter, "notify::busy", G_CALLBACK (highlighter_progress_cb),
                           self, G_CONNECT_SWAPPED);

  /* The window follows the session it shows, whichever it is. */
  self->tag_set_signals = g_signal_group_new (PEITHO_TYPE_TAG_SET);
  g_signal_group_connect_swapped (self->tag_set_signals, "changed", G_CALLBACK (tag_set_edited_cb), self);
  self->counts_signals = g_signal_group_new (PEITHO_TYPE_COUNT_MODEL);
  g_signal_group_connect_swapped (self->counts_signals, "hidden-changed", G_CALLBACK (hidden_changed_cb), self);

  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "title", self->window_title, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "subtitle", self->window_title, "subtitle", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "changed-on-disk", self->disk_banner, "reveal-child",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->session_bindings, "tag-set", self->tag_set_signals, "target",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "counts", self->counts_signals, "target",
                        G_BINDING_SYNC_CREATE);

  self->session_signals = g_signal_group_new (PEITHO_TYPE_DOCUMENT_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::tag-set", G_CALLBACK (tag_set_replaced_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::can-undo", G_CALLBACK (session_state_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::can-redo", G_CALLBACK (session_state_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::file", G_CALLBACK (session_state_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::busy", G_CALLBACK (session_state_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::modified", G_CALLBACK (session_modified_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _peitho_window_init_actions (self);
  _peitho_window_init_readings (self);
  _peitho_window_init_tag_sets (self);
  _peitho_window_init_seminar (self);
  _peitho_window_init_agreement (self);
  /* In a play, who uses which devices, on the Overview page. */
  self->speaker_view = peitho_speaker_view_new ();
  peitho_sidebar_add_to_overview (self->sidebar, self->speaker_view);
  g_binding_group_bind (self->session_bindings, "document", self->speaker_view, "document",
                        G_BINDING_SYNC_CREATE);
  _peitho_window_init_compare (self);
  _peitho_window_init_presentation (self);

  /* Run from the build tree, the application icon is not installed. */
  if (!gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                APP_ID))
    adw_status_page_set_icon_name (self->welcome_page, "accessories-text-editor-symbolic");

  populate_recent (self);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  adw_window_title_set_title (self->window_title, _("Peitho"));
  gtk_window_set_title (GTK_WINDOW (self), _("Peitho"));
  _peitho_window_enable_document_actions (self);
  session_state_cb (self);
}

PeithoWindow *
peitho_window_new (PeithoApplication *application)
{
  return g_object_new (PEITHO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

GtkTextBuffer *
_peitho_window_get_buffer_for_testing (PeithoWindow *self)
{
  return peitho_annotation_view_get_buffer (self->view);
}

PeithoHighlighter *
_peitho_window_get_highlighter_for_testing (PeithoWindow *self)
{
  return peitho_annotation_view_get_highlighter (self->view);
}

PeithoAnnotationView *
_peitho_window_get_view_for_testing (PeithoWindow *self)
{
  return self->view;
}

PeithoSidebar *
_peitho_window_get_sidebar_for_testing (PeithoWindow *self)
{
  return self->sidebar;
}

PeithoTagPalette *
_peitho_window_get_palette_for_testing (PeithoWindow *self)
{
  return self->palette;
}


const char *
_peitho_window_get_last_toast_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->last_toast;
}

const char *
_peitho_window_get_last_error_for_testing (PeithoWindow *self)
{
  return self->last_error;
}

void
_peitho_window_set_save_file_for_testing (PeithoWindow *self,
                                          GFile        *file)
{
  g_set_object (&self->test_save_file, file);
}

gboolean
_peitho_window_get_changed_on_disk_for_testing (PeithoWindow *self)
{
  return gtk_revealer_get_reveal_child (self->disk_banner);
}

gboolean
_peitho_window_get_front_matter_offered_for_testing (PeithoWindow *self)
{
  return gtk_revealer_get_reveal_child (self->front_matter_banner);
}
