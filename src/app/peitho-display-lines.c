/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-display-lines.h"

GArray *
peitho_display_lines_new (GtkTextView       *view,
                          const GtkTextIter *line_start)
{
  GArray *lines;
  GtkTextIter iter;
  int line;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (line_start != NULL && gtk_text_iter_starts_line (line_start), NULL);

  lines = g_array_new (FALSE, FALSE, sizeof (PeithoDisplayLine));
  iter = *line_start;
  line = gtk_text_iter_get_line (line_start);

  for (;;)
    {
      PeithoDisplayLine display_line;
      GdkRectangle rect;
      GtkTextIter next = iter;

      gtk_text_view_get_iter_location (view, &iter, &rect);
      display_line.offset = gtk_text_iter_get_offset (&iter);
      display_line.y = rect.y;
      display_line.height = rect.height;
      g_array_append_val (lines, display_line);

      if (!gtk_text_view_forward_display_line (view, &next)
          || gtk_text_iter_get_line (&next) != line
          || gtk_text_iter_compare (&next, &iter) <= 0)
        break;
      iter = next;
    }
  return lines;
}

typedef struct {
  gint64         frame;    /* the frame counter it holds the lines of */
  GHashTable    *lines;    /* buffer line number -> GArray */
  GtkTextBuffer *buffer;   /* whose edits empty it, weak */
} FrameCache;

/* An edit moves lines at once, before the next frame: a snapshot taken
 * outside the frame cycle (a GtkWidgetPaintable) must not see old ones. */
static void
buffer_changed_cb (FrameCache *cache)
{
  g_hash_table_remove_all (cache->lines);
}

static void
frame_cache_free (gpointer data)
{
  FrameCache *cache = data;

  if (cache->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (cache->buffer, cache);
      g_object_remove_weak_pointer (G_OBJECT (cache->buffer), (gpointer *) &cache->buffer);
    }
  g_hash_table_unref (cache->lines);
  g_free (cache);
}

GArray *
peitho_display_lines_dup_for_frame (GtkTextView       *view,
                                    const GtkTextIter *line_start)
{
  GdkFrameClock *clock;
  FrameCache *cache;
  GArray *lines;
  gint64 frame;
  int line;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (line_start != NULL && gtk_text_iter_starts_line (line_start), NULL);

  if (!(clock = gtk_widget_get_frame_clock (GTK_WIDGET (view))))
    return peitho_display_lines_new (view, line_start);
  frame = gdk_frame_clock_get_frame_counter (clock);

  cache = g_object_get_data (G_OBJECT (view), "peitho-display-lines");
  if (cache != NULL && cache->buffer != gtk_text_view_get_buffer (view))
    {
      g_object_set_data (G_OBJECT (view), "peitho-display-lines", NULL);
      cache = NULL;
    }
  if (cache == NULL)
    {
      cache = g_new0 (FrameCache, 1);
      cache->lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      cache->buffer = gtk_text_view_get_buffer (view);
      g_object_add_weak_pointer (G_OBJECT (cache->buffer), (gpointer *) &cache->buffer);
      g_signal_connect_swapped (cache->buffer, "changed", G_CALLBACK (buffer_changed_cb), cache);
      g_object_set_data_full (G_OBJECT (view), "peitho-display-lines", cache, frame_cache_free);
    }
  if (cache->frame != frame)
    {
      g_hash_table_remove_all (cache->lines);
      cache->frame = frame;
    }

  line = gtk_text_iter_get_line (line_start);
  if (!(lines = g_hash_table_lookup (cache->lines, GINT_TO_POINTER (line))))
    {
      lines = peitho_display_lines_new (view, line_start);
      g_hash_table_insert (cache->lines, GINT_TO_POINTER (line), lines);
    }
  return g_array_ref (lines);
}

const PeithoDisplayLine *
peitho_display_lines_find (GArray *lines,
                           int     offset)
{
  guint low = 0, high;

  g_return_val_if_fail (lines != NULL && lines->len > 0, NULL);

  /* The last line beginning at or before @offset. */
  high = lines->len;
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (lines, PeithoDisplayLine, mid).offset <= offset)
        low = mid;
      else
        high = mid;
    }
  return &g_array_index (lines, PeithoDisplayLine, low);
}
