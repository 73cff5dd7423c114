/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-annotation-gutter.h"
#include "peitho-display-lines.h"

#define BAR_WIDTH   4
#define BAR_GAP     2
#define TEXT_GAP    10
#define MAX_COLUMNS 4

struct _PeithoAnnotationGutter
{
  GtkSourceGutterRenderer parent_instance;

  PeithoHighlighter *highlighter;
  GArray            *column_bottoms;
  int                width;
};

G_DEFINE_FINAL_TYPE (PeithoAnnotationGutter, peitho_annotation_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

static void
peitho_annotation_gutter_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  PeithoAnnotationGutter *self = PEITHO_ANNOTATION_GUTTER (widget);

  g_assert (PEITHO_IS_ANNOTATION_GUTTER (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->width;
  else
    *minimum = *natural = 0;
}

static void
peitho_annotation_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                        GtkSnapshot             *snapshot,
                                        GtkSourceGutterLines    *lines,
                                        guint                    line)
{
  PeithoAnnotationGutter *self = PEITHO_ANNOTATION_GUTTER (renderer);
  PeithoDocument *document = peitho_highlighter_get_document (self->highlighter);
  GtkTextView *view = gtk_source_gutter_lines_get_view (lines);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) display_lines = NULL;
  GtkTextIter line_start, line_end;
  int y, height, line_y, line_height;
  int right = gtk_widget_get_width (GTK_WIDGET (renderer)) - TEXT_GAP;
  gsize so, eo;

  g_assert (GTK_SOURCE_IS_GUTTER_RENDERER (renderer));

  /* The stripes come from the document's index, not from the highlights:
   * they only need the buffer's offsets to be the document's. */
  if (document == NULL || !peitho_highlighter_get_text_complete (self->highlighter))
    return;

  gtk_text_buffer_get_iter_at_line (buffer, &line_start, line);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);

  so = gtk_text_iter_get_offset (&line_start);
  eo = gtk_text_iter_get_offset (&line_end);
  if (so >= eo)
    return;

  annotations = peitho_document_get_annotations_in_range (document, so, eo);
  if (annotations->len == 0)
    return;

  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &y, &height);
  gtk_text_view_get_line_yrange (view, &line_start, &line_y, &line_height);
  if (!(display_lines = peitho_display_lines_dup_for_frame (view, &line_start)))
    return;
  g_array_set_size (self->column_bottoms, 0);

  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      const PeithoDisplayLine *first, *last;
      gsize s, e;
      GdkRGBA color;
      int top, bottom;
      guint column;

      if (!peitho_highlighter_get_annotation_color (self->highlighter, annotation, &color))
        continue;

      /* From the display line of its first character in this line to that
       * of its last. */
      s = MAX (so, peitho_annotation_get_start (annotation));
      e = MIN (eo, peitho_annotation_get_end (annotation));
      first = peitho_display_lines_find (display_lines, (int) s);
      last = peitho_display_lines_find (display_lines, (int) MAX (s, e - 1));
      top = y + (first->y - line_y);
      bottom = y + (last->y + last->height - line_y);

      /* A column free below @top, so that overlapping passages sit side by
       * side; past the last column they share it. */
      for (column = 0; column < self->column_bottoms->len; column++)
        if (g_array_index (self->column_bottoms, int, column) <= top)
          break;
      if (column >= MAX_COLUMNS)
        column = MAX_COLUMNS - 1;
      if (column >= self->column_bottoms->len)
        g_array_set_size (self->column_bottoms, column + 1);
      g_array_index (self->column_bottoms, int, column) = bottom + 1;

      color.alpha = 0.85;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (right - (column + 1) * (BAR_WIDTH + BAR_GAP) + BAR_GAP,
                                                      top + 1, BAR_WIDTH, MAX (bottom - top - 2, 2)));
    }
}

static void
peitho_annotation_gutter_finalize (GObject *object)
{
  PeithoAnnotationGutter *self = (PeithoAnnotationGutter *)object;

  g_assert (PEITHO_IS_ANNOTATION_GUTTER (object));

  g_clear_object (&self->highlighter);
  g_clear_pointer (&self->column_bottoms, g_array_unref);

  G_OBJECT_CLASS (peitho_annotation_gutter_parent_class)->finalize (object);
}

static void
peitho_annotation_gutter_class_init (PeithoAnnotationGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->finalize = peitho_annotation_gutter_finalize;
  widget_class->measure = peitho_annotation_gutter_measure;
  renderer_class->snapshot_line = peitho_annotation_gutter_snapshot_line;
}

static void
peitho_annotation_gutter_init (PeithoAnnotationGutter *self)
{
  g_assert (PEITHO_IS_ANNOTATION_GUTTER (self));

  self->column_bottoms = g_array_new (FALSE, TRUE, sizeof (int));
  self->width = MAX_COLUMNS * (BAR_WIDTH + BAR_GAP) + TEXT_GAP;
}

GtkSourceGutterRenderer *
peitho_annotation_gutter_new (PeithoHighlighter *highlighter)
{
  PeithoAnnotationGutter *self;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (highlighter), NULL);

  self = g_object_new (PEITHO_TYPE_ANNOTATION_GUTTER, NULL);
  self->highlighter = g_object_ref (highlighter);

  return GTK_SOURCE_GUTTER_RENDERER (self);
}

void
peitho_annotation_gutter_set_width (PeithoAnnotationGutter *self,
                                    int                     width)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_GUTTER (self));

  width = MAX (width, MAX_COLUMNS * (BAR_WIDTH + BAR_GAP) + TEXT_GAP);
  if (self->width != width)
    {
      self->width = width;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}
