/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-source-view.h"

#define LINE_THICKNESS 2
#define LINE_GAP       2

struct _PeithoSourceView
{
  GtkSourceView parent_instance;

  PeithoHighlighter *highlighter;
};

G_DEFINE_FINAL_TYPE (PeithoSourceView, peitho_source_view, GTK_SOURCE_TYPE_VIEW)

typedef struct {
  GtkTextView *view;
  GtkSnapshot *snapshot;
  GtkTextIter  visible_start;
  GtkTextIter  visible_end;
  GtkTextTag  *many;
} DrawContext;

static void
draw_bar (GtkSnapshot   *snapshot,
          const GdkRGBA *color,
          int            x0,
          int            x1,
          int            bottom,
          gboolean       twice)
{
  if (x1 <= x0)
    return;

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (x0, bottom - LINE_THICKNESS, x1 - x0, LINE_THICKNESS));
  if (twice)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT (x0, bottom - 2 * LINE_THICKNESS - LINE_GAP,
                                                    x1 - x0, LINE_THICKNESS));
}

/* Underlines [start, end) display line by display line, walking its
 * characters (a handful on screen). */
static void
draw_range (DrawContext   *ctx,
            GtkTextIter   *start,
            GtkTextIter   *end,
            const GdkRGBA *color)
{
  GtkTextIter iter = *start;
  GdkRectangle rect;
  int x0, x1, y, height;
  gboolean twice;

  gtk_text_view_get_iter_location (ctx->view, &iter, &rect);
  x0 = rect.x;
  x1 = rect.x + rect.width;
  y = rect.y;
  height = rect.height;
  twice = gtk_text_iter_has_tag (&iter, ctx->many);

  while (gtk_text_iter_forward_char (&iter) && gtk_text_iter_compare (&iter, end) < 0)
    {
      gboolean iter_twice = gtk_text_iter_has_tag (&iter, ctx->many);

      gtk_text_view_get_iter_location (ctx->view, &iter, &rect);
      if (rect.y != y || iter_twice != twice)
        {
          draw_bar (ctx->snapshot, color, x0, x1, y + height, twice);
          x0 = rect.x;
          x1 = rect.x + rect.width;
          y = rect.y;
          height = rect.height;
          twice = iter_twice;
        }
      x1 = MAX (x1, rect.x + rect.width);
    }

  draw_bar (ctx->snapshot, color, x0, x1, y + height, twice);
}

static void
draw_overlap_tag_cb (GtkTextTag    *tag,
                     const GdkRGBA *color,
                     gpointer       user_data)
{
  DrawContext *ctx = user_data;
  GtkTextIter iter = ctx->visible_start;

  if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;

  while (gtk_text_iter_compare (&iter, &ctx->visible_end) < 0)
    {
      GtkTextIter range_end = iter;

      gtk_text_iter_forward_to_tag_toggle (&range_end, tag);
      if (gtk_text_iter_compare (&range_end, &ctx->visible_end) > 0)
        range_end = ctx->visible_end;
      draw_range (ctx, &iter, &range_end, color);

      iter = range_end;
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
}

static void
peitho_source_view_snapshot_layer (GtkTextView      *text_view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  PeithoSourceView *self = PEITHO_SOURCE_VIEW (text_view);
  GdkRectangle visible;
  DrawContext ctx;

  GTK_TEXT_VIEW_CLASS (peitho_source_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->highlighter == NULL
      || peitho_highlighter_get_document (self->highlighter) == NULL)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  ctx.view = text_view;
  ctx.snapshot = snapshot;
  ctx.many = peitho_highlighter_get_overlap_many_tag (self->highlighter);
  gtk_text_view_get_line_at_y (text_view, &ctx.visible_start, visible.y, NULL);
  gtk_text_view_get_line_at_y (text_view, &ctx.visible_end, visible.y + visible.height, NULL);
  gtk_text_iter_forward_line (&ctx.visible_end);

  peitho_highlighter_foreach_overlap_tag (self->highlighter, draw_overlap_tag_cb, &ctx);
}

static void
peitho_source_view_dispose (GObject *object)
{
  PeithoSourceView *self = (PeithoSourceView *)object;

  g_clear_object (&self->highlighter);

  G_OBJECT_CLASS (peitho_source_view_parent_class)->dispose (object);
}

static void
peitho_source_view_class_init (PeithoSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = peitho_source_view_dispose;
  text_view_class->snapshot_layer = peitho_source_view_snapshot_layer;
}

static void
peitho_source_view_init (PeithoSourceView *self)
{
}

void
peitho_source_view_set_highlighter (PeithoSourceView  *self,
                                    PeithoHighlighter *highlighter)
{
  g_return_if_fail (PEITHO_IS_SOURCE_VIEW (self));

  if (g_set_object (&self->highlighter, highlighter))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}
