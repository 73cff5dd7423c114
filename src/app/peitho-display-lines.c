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
