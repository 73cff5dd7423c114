/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Presentation mode, for the seminar room's projector: full screen, large
 * type, only the text and its highlights; the arrow keys step through the
 * passages to discuss, with who tagged what in the one shown at the foot of
 * the text; Escape or F11 leaves. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-window-private.h"

#define PRESENTATION_ZOOM 2.0

static GtkWidget *
get_header_bar (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_MENU_BUTTON (self->primary_menu_button));

  return gtk_widget_get_ancestor (GTK_WIDGET (self->primary_menu_button), ADW_TYPE_HEADER_BAR);
}

static void
update_readers_visible (PeithoWindow *self)
{
  const char *readers;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_LABEL (self->presentation_readers));

  readers = gtk_label_get_text (self->presentation_readers);
  gtk_widget_set_visible (GTK_WIDGET (self->presentation_readers),
                          self->presenting && readers[0] != '\0');
}

static void
set_presenting (PeithoWindow *self,
                gboolean      presenting)
{
  GtkWidget *separator = adw_flap_get_separator (self->flap);

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (ADW_IS_FLAP (self->flap));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;

  gtk_widget_set_visible (get_header_bar (self), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), !presenting);
  if (separator != NULL)
    gtk_widget_set_visible (separator, !presenting);
  if (presenting)
    {
      self->palette_was_shown = gtk_revealer_get_reveal_child (self->palette_revealer);
      gtk_revealer_set_reveal_child (self->palette_revealer, FALSE);
      self->zoom_before = peitho_annotation_view_get_zoom (self->view);
      peitho_annotation_view_set_zoom (self->view, PRESENTATION_ZOOM);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_revealer_set_reveal_child (self->palette_revealer, self->palette_was_shown);
      peitho_annotation_view_set_zoom (self->view, self->zoom_before);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  update_readers_visible (self);
  gtk_widget_grab_focus (GTK_WIDGET (peitho_annotation_view_get_source_view (self->view)));
}

static void
presentation_cb (GSimpleAction *action,
                 GVariant      *state,
                 PeithoWindow  *self)
{
  g_assert (G_IS_SIMPLE_ACTION (action));
  g_assert (g_variant_is_of_type (state, G_VARIANT_TYPE_BOOLEAN));
  g_assert (PEITHO_IS_WINDOW (self));

  g_simple_action_set_state (action, state);
  set_presenting (self, g_variant_get_boolean (state));
}

static void
leave (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  g_action_group_change_action_state (G_ACTION_GROUP (self), "presentation",
                                      g_variant_new_boolean (FALSE));
}

/* The passage to discuss @delta (±1) from the one shown. */
static void
step (PeithoWindow *self,
      int           delta)
{
  guint n = self->discussion ? g_list_model_get_n_items (self->discussion) : 0;
  guint selected = gtk_single_selection_get_selected (self->discussion_selection);
  guint next;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_SINGLE_SELECTION (self->discussion_selection));
  g_assert (delta == 1 || delta == -1);

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta > 0)
    next = MIN (selected + 1, n - 1);
  else
    next = selected > 0 ? selected - 1 : 0;
  _peitho_window_compare_show_passage (self, next);
}

gboolean
_peitho_window_presentation_key (PeithoWindow    *self,
                                 guint            keyval,
                                 GdkModifierType  state)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);

  if (!self->presenting || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      leave (self);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      step (self, +1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      step (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PeithoWindow          *self)
{
  g_assert (GTK_IS_EVENT_CONTROLLER_KEY (controller));
  g_assert (PEITHO_IS_WINDOW (self));

  return _peitho_window_presentation_key (self, keyval, state);
}

/* Left full screen some other way (the window manager). */
static void
fullscreened_cb (PeithoWindow *self,
                 GParamSpec   *pspec,
                 gpointer      user_data)
{
  g_assert (PEITHO_IS_WINDOW (self));

  if (self->presenting && self->was_fullscreen && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    leave (self);
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
}

void
_peitho_window_presentation_update_actions (PeithoWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "presentation");

  g_return_if_fail (PEITHO_IS_WINDOW (self));

  if (self->session == NULL)
    leave (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->session != NULL);
}

void
_peitho_window_presentation_set_readers (PeithoWindow *self,
                                         const char   *readers)
{
  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (readers != NULL);

  gtk_label_set_text (self->presentation_readers, readers);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presentation_readers),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, readers, -1);
  update_readers_visible (self);
}

const char *
_peitho_window_get_presentation_readers_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->presentation_readers)))
    return NULL;
  return gtk_label_get_text (self->presentation_readers);
}

gboolean
_peitho_window_get_presenting_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  return self->presenting;
}

void
_peitho_window_init_presentation (PeithoWindow *self)
{
  static const GActionEntry entries[] = {
    { "presentation", NULL, NULL, "false", NULL },
  };
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (self), "presentation"),
                           "change-state", G_CALLBACK (presentation_cb), self, 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                          "presentation")),
                               FALSE);

  /* Before the text view, which would move its cursor with the arrows. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
}
