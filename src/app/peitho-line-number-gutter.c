/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-line-number-gutter.h"

#define NUMBER_GAP 8
#define EVERY_NTH  5

struct _PeithoLineNumberGutter
{
  GtkSourceGutterRenderer parent_instance;

  PeithoHighlighter *highlighter;
  int                width;
};

G_DEFINE_FINAL_TYPE (PeithoLineNumberGutter, peitho_line_number_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

/* The label for a line's @n: its last dotted part, when that part is a
 * count only every EVERY_NTH, else all of it. */
static char *
label_for_number (const char *n)
{
  const char *last = strrchr (n, '.');
  guint64 count;

  last = last != NULL ? last + 1 : n;
  if (*last == '\0')
    return g_strdup (n);
  if (g_ascii_string_to_unsigned (last, 10, 0, G_MAXUINT64, &count, NULL))
    return count % EVERY_NTH == 0 ? g_strdup (last) : NULL;
  return g_strdup (last);
}

static gboolean
document_has_line_numbers (PeithoDocument *document)
{
  guint n = peitho_document_get_n_marks (document);

  for (guint i = 0; i < n; i++)
    {
      const PeithoMark *mark = peitho_document_get_mark (document, i);

      if (mark->kind == PEITHO_MARK_LINE && mark->value != NULL)
        return TRUE;
    }
  return FALSE;
}

char *
peitho_line_number_gutter_dup_label (PeithoLineNumberGutter *self,
                                     guint                   line)
{
  PeithoDocument *document;
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) marks = NULL;
  GtkTextIter iter;
  gsize offset;

  g_return_val_if_fail (PEITHO_IS_LINE_NUMBER_GUTTER (self), NULL);

  document = peitho_highlighter_get_document (self->highlighter);
  if (document == NULL || peitho_highlighter_get_busy (self->highlighter))
    return NULL;

  buffer = peitho_highlighter_get_buffer (self->highlighter);
  if (!gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) line))
    return NULL;
  offset = gtk_text_iter_get_offset (&iter);
  if (offset >= peitho_document_get_length (document))
    return NULL;

  marks = peitho_document_get_marks_in_range (document, offset, offset + 1);
  for (guint i = 0; i < marks->len; i++)
    {
      const PeithoMark *mark = g_ptr_array_index (marks, i);

      if (mark->kind == PEITHO_MARK_LINE && mark->start == offset && mark->value != NULL)
        return label_for_number (mark->value);
    }
  return NULL;
}

static void
peitho_line_number_gutter_measure (GtkWidget      *widget,
                                   GtkOrientation  orientation,
                                   int             for_size,
                                   int            *minimum,
                                   int            *natural,
                                   int            *minimum_baseline,
                                   int            *natural_baseline)
{
  PeithoLineNumberGutter *self = PEITHO_LINE_NUMBER_GUTTER (widget);

  g_assert (PEITHO_IS_LINE_NUMBER_GUTTER (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->width;
  else
    *minimum = *natural = 0;
}

static void
peitho_line_number_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                         GtkSnapshot             *snapshot,
                                         GtkSourceGutterLines    *lines,
                                         guint                    line)
{
  PeithoLineNumberGutter *self = PEITHO_LINE_NUMBER_GUTTER (renderer);
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkTextView *view;
  GtkTextIter line_start;
  GdkRectangle rect;
  GdkRGBA color;
  int y, height, line_y, line_height, text_width, text_height;

  g_assert (GTK_SOURCE_IS_GUTTER_RENDERER (renderer));

  if (self->width == 0 || !(label = peitho_line_number_gutter_dup_label (self, line)))
    return;

  view = gtk_source_gutter_lines_get_view (lines);
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &line_start, (int) line);
  gtk_text_view_get_line_yrange (view, &line_start, &line_y, &line_height);
  gtk_text_view_get_iter_location (view, &line_start, &rect);
  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST,
                                           &y, &height);

  /* Centred on the line's first character, which may be larger than the
   * margin's font. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (renderer), label);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  y += (rect.y - line_y) + (rect.height - text_height) / 2;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (renderer)), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (self->width - NUMBER_GAP - text_width,
                                                y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
peitho_line_number_gutter_finalize (GObject *object)
{
  PeithoLineNumberGutter *self = (PeithoLineNumberGutter *)object;

  g_assert (PEITHO_IS_LINE_NUMBER_GUTTER (object));

  g_clear_object (&self->highlighter);

  G_OBJECT_CLASS (peitho_line_number_gutter_parent_class)->finalize (object);
}

static void
peitho_line_number_gutter_class_init (PeithoLineNumberGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->finalize = peitho_line_number_gutter_finalize;
  widget_class->measure = peitho_line_number_gutter_measure;
  renderer_class->snapshot_line = peitho_line_number_gutter_snapshot_line;
}

static void
peitho_line_number_gutter_init (PeithoLineNumberGutter *self)
{
  g_assert (PEITHO_IS_LINE_NUMBER_GUTTER (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
}

GtkSourceGutterRenderer *
peitho_line_number_gutter_new (PeithoHighlighter *highlighter)
{
  PeithoLineNumberGutter *self;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (highlighter), NULL);

  self = g_object_new (PEITHO_TYPE_LINE_NUMBER_GUTTER, NULL);
  self->highlighter = g_object_ref (highlighter);

  return GTK_SOURCE_GUTTER_RENDERER (self);
}

void
peitho_line_number_gutter_update (PeithoLineNumberGutter *self)
{
  PeithoDocument *document;
  int width = 0;

  g_return_if_fail (PEITHO_IS_LINE_NUMBER_GUTTER (self));

  document = peitho_highlighter_get_document (self->highlighter);
  if (document != NULL && document_has_line_numbers (document))
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0000");
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      width = text_width + 2 * NUMBER_GAP;
    }

  if (self->width != width)
    {
      self->width = width;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
