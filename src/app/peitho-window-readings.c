/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PeithoWindow: which readings of an edition's choices the text shows
 * (win.original-readings, "Show Original Readings"). The setting is the
 * document's (peitho-tei-readings.h): switching it gives a new session of
 * the same file, shown in place of the old one. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-window-private.h"

#define READINGS_ACTION "original-readings"

/* Where the caret is and where it stands in the page, by line: a switch
 * changes characters inside lines (a reading is inline), not the lines. */
typedef struct {
  int    line;
  int    line_offset;
  double yalign;
} Place;

static void
get_place (PeithoWindow *self,
           Place        *place)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (self->view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible, caret;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &caret);
  if (visible.height <= 0 || caret.y < visible.y || caret.y >= visible.y + visible.height)
    {
      /* The caret is off the page: the page's first line is the place. */
      gtk_text_view_get_iter_at_location (text_view, &iter, visible.x, visible.y);
      gtk_text_iter_set_line_offset (&iter, 0);
      place->yalign = 0.0;
    }
  else
    place->yalign = (double) (caret.y - visible.y) / visible.height;
  place->line = gtk_text_iter_get_line (&iter);
  place->line_offset = gtk_text_iter_get_line_offset (&iter);
}

static void
restore_place (PeithoWindow *self,
               const Place  *place)
{
  GtkTextBuffer *buffer = peitho_annotation_view_get_buffer (self->view);
  GtkTextIter iter;

  /* Clamped to the line's length: the reading there may be shorter. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, place->line);
  if (!gtk_text_iter_ends_line (&iter))
    {
      GtkTextIter end = iter;

      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_iter_set_line_offset (&iter, MIN (place->line_offset, gtk_text_iter_get_line_offset (&end)));
    }
  peitho_annotation_view_place_cursor (self->view, gtk_text_iter_get_offset (&iter), place->yalign);
}

static void
readings_change_state_cb (GSimpleAction *action,
                          GVariant      *value,
                          PeithoWindow  *self)
{
  g_autoptr(PeithoDocumentSession) switched = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean original = g_variant_get_boolean (value);
  Place place;

  g_assert (G_IS_SIMPLE_ACTION (action));
  g_assert (PEITHO_IS_WINDOW (self));

  if (self->session == NULL
      || original == peitho_tei_shows_original_readings (peitho_document_session_get_document (self->session)))
    return;

  /* A save under way would land on a session no longer shown. */
  if (peitho_document_session_get_busy (self->session))
    {
      peitho_window_toast (self, _("The file is being saved: switch the readings once it is done"));
      return;
    }

  problems = g_ptr_array_new_with_free_func (g_free);
  switched = peitho_document_session_switch_readings (self->session, original, problems, &error);
  if (switched == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not show the other readings: %s"),
                                                  error->message);

      g_free (self->last_error);
      self->last_error = g_strdup (message);
      peitho_window_toast (self, message);
      return;
    }

  get_place (self, &place);
  _peitho_window_set_session (self, switched);
  restore_place (self, &place);
  /* Setting the session discarded the old one's draft: the unsaved work
   * has a draft again at once, not only after the next change. */
  peitho_document_session_write_draft (switched);
  _peitho_window_report_problems (self, problems);
}

void
_peitho_window_init_readings (PeithoWindow *self)
{
  g_autoptr(GSimpleAction) action = NULL;

  g_assert (PEITHO_IS_WINDOW (self));

  action = g_simple_action_new_stateful (READINGS_ACTION, NULL, g_variant_new_boolean (FALSE));
  g_simple_action_set_enabled (action, FALSE);
  g_signal_connect_object (action, "change-state", G_CALLBACK (readings_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

void
_peitho_window_readings_session_set (PeithoWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), READINGS_ACTION);
  PeithoDocument *document;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_SIMPLE_ACTION (action));

  document = self->session != NULL ? peitho_document_session_get_document (self->session) : NULL;
  /* Only where the setting changes the text. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               document != NULL && peitho_tei_has_other_readings (document));
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (document != NULL
                                                    && peitho_tei_shows_original_readings (document)));
}
