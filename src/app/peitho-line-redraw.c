/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GTK 4.8 keeps the layout of each line it drew, colours included, and
 * forgets it when a tag changes there. A tag that only colours text (all
 * of PeithoHighlighter's) makes it forget the lines by their place on the
 * page (gtk_text_line_display_cache_invalidate_y_range(), GTK 4.8.3), from
 * the top of the first line less its "top ink", which GTK reads from the
 * ink that reaches left of the paragraph's first column (the J of
 * "Justice" in a serif face, 2 px):
 * - when the line above was not drawn, nothing it kept is found there,
 *   and the search gives up: no line of the change is drawn again;
 * - when it was, the search starts with it and moves on by its height:
 *   a shorter line below it is skipped.
 * The line then keeps its colours from before: a highlight that was
 * undone stays on the page, a page a jump landed on shows none.
 *
 * A tag that changes size makes GTK forget the lines by their place in the
 * text instead, and measure them again, which gives the same heights. So a
 * tag of rise 0, which changes nothing, is applied over the lines and
 * removed at once. Only the lines near the page are worth it: the others
 * are laid out afresh when they are drawn, unless GTK kept them from an
 * earlier page, and it keeps few. */

#include "config.h"

#include "peitho-line-redraw.h"

#define REDRAW_TAG_NAME "peitho-line-redraw"

static GtkTextTag *
ensure_redraw_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, REDRAW_TAG_NAME);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, REDRAW_TAG_NAME, "rise", 0, "rise-set", TRUE, NULL);
  return tag;
}

void
peitho_line_redraw_range (GtkTextView *view,
                          guint        start,
                          guint        end)
{
  GtkTextBuffer *buffer;
  GtkTextIter first, last, near_first, near_last;
  GdkRectangle visible;
  GtkTextTag *tag;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_view_get_visible_rect (view, &visible);
  if (visible.height <= 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &first, (int) MIN (start, G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &last, (int) MIN (end, G_MAXINT));
  gtk_text_view_get_line_at_y (view, &near_first, visible.y - visible.height, NULL);
  gtk_text_view_get_line_at_y (view, &near_last, visible.y + 2 * visible.height, NULL);

  gtk_text_iter_set_line_offset (&first, 0);
  if (gtk_text_iter_compare (&first, &near_first) < 0)
    first = near_first;
  if (gtk_text_iter_compare (&last, &near_last) > 0)
    last = near_last;
  if (!gtk_text_iter_ends_line (&last))
    gtk_text_iter_forward_to_line_end (&last);
  if (gtk_text_iter_compare (&first, &last) > 0)
    return;

  tag = ensure_redraw_tag (buffer);
  gtk_text_buffer_apply_tag (buffer, tag, &first, &last);
  gtk_text_buffer_remove_tag (buffer, tag, &first, &last);
}
