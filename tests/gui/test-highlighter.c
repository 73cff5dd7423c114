/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reading view on a long text: a page far down, reached before GTK has
 * measured the lines above it, stays where it is while they are measured,
 * and is styled there. */

#include "gui-fixture.h"

#include "peitho-annotation-view.h"

/* Long paragraphs, as in the benchmark's document: GTK measures them in
 * steps that each make the text much taller. */
#define N_PARAGRAPHS  400
#define N_SENTENCES   14

static void
frame_cb (GdkFrameClock *clock,
          guint         *n)
{
  (*n)++;
}

/* Runs frames until the text's height in the scrollbar has not changed for
 * twenty of them: GTK has measured the lines (it does so in idle steps). */
static void
wait_for_layout (GtkTextView *view)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  double upper = -1;
  guint same = 0;
  guint n = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &n);
  while (same < 20)
    {
      guint seen = n;

      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_until (n > seen);
      if (gtk_adjustment_get_upper (adj) == upper)
        same++;
      else
        same = 0;
      upper = gtk_adjustment_get_upper (adj);
    }
  g_signal_handler_disconnect (clock, id);
}

static void
visible_range (GtkTextView *view,
               int         *start,
               int         *end)
{
  GdkRectangle rect;
  GtkTextIter s, e;

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_line_at_y (view, &s, rect.y, NULL);
  gtk_text_view_get_line_at_y (view, &e, rect.y + rect.height - 1, NULL);
  gtk_text_iter_forward_to_line_end (&e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

static void
test_end_stays (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PeithoWindow *window;
  PeithoHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GtkTextIter iter;
  int length, vs, ve;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      for (guint j = 0; j < N_SENTENCES; j++)
        g_string_append_printf (text, "In paragraph %u the committee was a swamp in which every "
                                "proposal sank, and the minutes recorded each of them. ", i);
      g_string_append (text, "\n\n");
    }
  path = write_file (dir, "long.txt", text->str);
  file = g_file_new_for_path (path);

  /* Ctrl+End at once, before GTK has measured the lines above. */
  window = peitho_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  peitho_window_open_file (window, file);
  wait_for (window);
  buffer = _peitho_window_get_buffer_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  wait_for_paint (GTK_WIDGET (view));
  length = gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpint (length, ==, (int) peitho_document_get_length (peitho_window_get_document (window)));

  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  wait_for_layout (view);

  /* The end is still on screen. */
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);
  g_assert_cmpint (vs, >, length / 2);

  /* A tag action there is styled there. */
  tag (window, length - 40, length - 10, "metaphor");
  wait_until (peitho_highlighter_is_styled (highlighter, vs, ve));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, length - 20);
  g_assert_true (gtk_text_iter_has_tag (&iter, peitho_highlighter_get_text_tag (highlighter, "metaphor")));
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/highlighter/end-stays-while-lines-are-measured", test_end_stays);
  status = g_test_run ();
  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return status;
}
