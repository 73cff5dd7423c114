/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-display-lines.h"

#include <string.h>

/* Past this many paragraphs' display lines kept, start again. */
#define MAX_KEPT 4096

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

void
peitho_line_table_remove_span (GHashTable *table,
                               int         first,
                               int         last)
{
  g_return_if_fail (table != NULL);

  if (g_hash_table_size (table) == 0 || last < first)
    return;
  if ((guint) (last - first) >= g_hash_table_size (table))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (GPOINTER_TO_INT (key) >= first && GPOINTER_TO_INT (key) <= last)
          g_hash_table_iter_remove (&iter);
    }
  else
    for (int line = first; line <= last; line++)
      g_hash_table_remove (table, GINT_TO_POINTER (line));
}

void
peitho_display_geometry_read (GtkTextView           *view,
                              PeithoDisplayGeometry *geometry)
{
  PangoContext *context;
  const PangoFontDescription *font;
  GdkRectangle visible;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (geometry != NULL);

  context = gtk_widget_get_pango_context (GTK_WIDGET (view));
  font = pango_context_get_font_description (context);
  memset (geometry, 0, sizeof *geometry);
  gtk_text_view_get_visible_rect (view, &visible);
  geometry->width = visible.width;
  geometry->direction = gtk_widget_get_direction (GTK_WIDGET (view));
  geometry->left_margin = gtk_text_view_get_left_margin (view);
  geometry->right_margin = gtk_text_view_get_right_margin (view);
  geometry->indent = gtk_text_view_get_indent (view);
  geometry->justification = gtk_text_view_get_justification (view);
  geometry->wrap_mode = gtk_text_view_get_wrap_mode (view);
  geometry->pixels_above = gtk_text_view_get_pixels_above_lines (view);
  geometry->pixels_below = gtk_text_view_get_pixels_below_lines (view);
  geometry->pixels_inside = gtk_text_view_get_pixels_inside_wrap (view);
  geometry->font_hash = font != NULL ? pango_font_description_hash (font) : 0;
}

/* A paragraph's display lines, kept from frame to frame. */
typedef struct {
  GArray *lines;    /* PeithoDisplayLine, y from the paragraph's top */
  int     height;   /* the paragraph's, when they were worked out */
} Kept;

typedef struct {
  gint64                 frame;     /* the frame counter it holds the lines of */
  GHashTable            *lines;     /* buffer line number -> GArray, this frame's */
  GHashTable            *kept;      /* buffer line number -> Kept */
  PeithoDisplayGeometry  geometry;  /* what the kept lines were worked out in */
  GtkTextBuffer         *buffer;    /* whose edits empty it, weak */
  GtkTextTagTable       *table;     /* weak */
} FrameCache;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_array_unref (kept->lines);
  g_free (kept);
}

/* An edit moves lines at once, before the next frame: a snapshot taken
 * outside the frame cycle (a GtkWidgetPaintable) must not see old ones. */
static void
buffer_changed_cb (FrameCache *cache)
{
  g_hash_table_remove_all (cache->lines);
  g_hash_table_remove_all (cache->kept);
}

/* A tag applied or removed may lay its paragraphs out otherwise (a font). */
static void
tag_toggled_cb (GtkTextBuffer     *buffer,
                GtkTextTag        *tag,
                const GtkTextIter *start,
                const GtkTextIter *end,
                FrameCache        *cache)
{
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);

  peitho_line_table_remove_span (cache->kept, first, last);
  peitho_line_table_remove_span (cache->lines, first, last);
}

static void
tag_changed_cb (GtkTextTagTable *table,
                GtkTextTag      *tag,
                gboolean         size_changed,
                FrameCache      *cache)
{
  if (size_changed)
    buffer_changed_cb (cache);
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
  if (cache->table != NULL)
    {
      g_signal_handlers_disconnect_by_data (cache->table, cache);
      g_object_remove_weak_pointer (G_OBJECT (cache->table), (gpointer *) &cache->table);
    }
  g_hash_table_unref (cache->lines);
  g_hash_table_unref (cache->kept);
  g_free (cache);
}

static FrameCache *
frame_cache_new (GtkTextView *view)
{
  FrameCache *cache = g_new0 (FrameCache, 1);

  cache->lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  cache->kept = g_hash_table_new_full (NULL, NULL, NULL, kept_free);
  cache->buffer = gtk_text_view_get_buffer (view);
  cache->table = gtk_text_buffer_get_tag_table (cache->buffer);
  cache->frame = -1;
  g_object_add_weak_pointer (G_OBJECT (cache->buffer), (gpointer *) &cache->buffer);
  g_object_add_weak_pointer (G_OBJECT (cache->table), (gpointer *) &cache->table);
  /* Before the default handlers, while the iters still hold. */
  g_signal_connect_swapped (cache->buffer, "changed", G_CALLBACK (buffer_changed_cb), cache);
  g_signal_connect (cache->buffer, "apply-tag", G_CALLBACK (tag_toggled_cb), cache);
  g_signal_connect (cache->buffer, "remove-tag", G_CALLBACK (tag_toggled_cb), cache);
  g_signal_connect (cache->table, "tag-changed", G_CALLBACK (tag_changed_cb), cache);
  return cache;
}

/* A copy of @lines, every y moved by @dy. */
static GArray *
shifted_copy (GArray *lines,
              int     dy)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (PeithoDisplayLine), lines->len);

  g_array_append_vals (copy, lines->data, lines->len);
  for (guint i = 0; i < copy->len; i++)
    g_array_index (copy, PeithoDisplayLine, i).y += dy;
  return copy;
}

/* The paragraph's display lines: kept ones moved to where GTK has the
 * paragraph now, if it is as tall as it was; else worked out anew. */
static GArray *
lines_for (FrameCache        *cache,
           GtkTextView       *view,
           const GtkTextIter *line_start)
{
  int line = gtk_text_iter_get_line (line_start);
  Kept *kept = g_hash_table_lookup (cache->kept, GINT_TO_POINTER (line));
  GArray *lines;
  int y, height;

  gtk_text_view_get_line_yrange (view, line_start, &y, &height);
  if (kept != NULL && kept->height == height && height > 0)
    return shifted_copy (kept->lines, y);

  lines = peitho_display_lines_new (view, line_start);
  /* Working them out has GTK measure the paragraph, if it had not. */
  gtk_text_view_get_line_yrange (view, line_start, &y, &height);
  kept = g_new0 (Kept, 1);
  kept->height = height;
  kept->lines = shifted_copy (lines, -y);
  if (g_hash_table_size (cache->kept) >= MAX_KEPT)
    g_hash_table_remove_all (cache->kept);
  g_hash_table_insert (cache->kept, GINT_TO_POINTER (line), kept);
  return lines;
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
      cache = frame_cache_new (view);
      g_object_set_data_full (G_OBJECT (view), "peitho-display-lines", cache, frame_cache_free);
    }
  if (cache->frame != frame)
    {
      PeithoDisplayGeometry geometry;

      g_hash_table_remove_all (cache->lines);
      cache->frame = frame;
      peitho_display_geometry_read (view, &geometry);
      if (memcmp (&geometry, &cache->geometry, sizeof geometry) != 0)
        {
          g_hash_table_remove_all (cache->kept);
          cache->geometry = geometry;
        }
    }

  line = gtk_text_iter_get_line (line_start);
  if (!(lines = g_hash_table_lookup (cache->lines, GINT_TO_POINTER (line))))
    {
      lines = lines_for (cache, view, line_start);
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
