/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-heat-stripe.h"

#include "peitho-display-lines.h"

#define STRIPE_WIDTH 6
#define STRIPE_GAP   4

struct _PeithoHeatStripe
{
  GtkSourceGutterRenderer parent_instance;

  PeithoHighlighter *highlighter;
  GListModel        *students;
};

G_DEFINE_FINAL_TYPE (PeithoHeatStripe, peitho_heat_stripe, GTK_SOURCE_TYPE_GUTTER_RENDERER)

/* The students shown, as a set of ids; their number in *n_shown. */
static GHashTable *
shown_students (PeithoHeatStripe *self,
                guint            *n_shown)
{
  GHashTable *shown = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (self->students);

  g_assert (PEITHO_IS_HEAT_STRIPE (self));
  g_assert (n_shown != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (self->students, i);
      const char *id = peitho_annotator_get_id (student);

      /* The document holds the annotator, and so its id, while drawing. */
      if (!peitho_highlighter_is_annotator_hidden (self->highlighter, id))
        g_hash_table_add (shown, (gpointer) id);
    }
  *n_shown = g_hash_table_size (shown);
  return shown;
}

/* The students shown who marked something visible in [start, end) of
 * @annotations (those around it), and optionally their tags, in order. */
static guint
count_marked (PeithoHeatStripe *self,
              GHashTable       *shown,
              GPtrArray        *annotations,
              gsize             start,
              gsize             end,
              GPtrArray        *tags)
{
  g_autoptr(GHashTable) marked = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert (PEITHO_IS_HEAT_STRIPE (self));
  g_assert (shown != NULL && annotations != NULL);
  g_assert (start <= end);

  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);

      if (annotator_id == NULL || !g_hash_table_contains (shown, annotator_id)
          || peitho_annotation_get_start (annotation) >= end
          || peitho_annotation_get_end (annotation) <= start
          || peitho_highlighter_is_tag_hidden (self->highlighter, tag_id))
        continue;
      g_hash_table_add (marked, (gpointer) annotator_id);
      if (tags != NULL && !g_ptr_array_find_with_equal_func (tags, tag_id, g_str_equal, NULL))
        g_ptr_array_add (tags, (gpointer) tag_id);
    }
  return g_hash_table_size (marked);
}

static void
peitho_heat_stripe_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  g_assert (PEITHO_IS_HEAT_STRIPE (widget));
  g_assert (minimum != NULL && natural != NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = STRIPE_WIDTH + STRIPE_GAP;
  else
    *minimum = *natural = 0;
}

static void
peitho_heat_stripe_snapshot_line (GtkSourceGutterRenderer *renderer,
                                  GtkSnapshot             *snapshot,
                                  GtkSourceGutterLines    *lines,
                                  guint                    line)
{
  PeithoHeatStripe *self = PEITHO_HEAT_STRIPE (renderer);
  PeithoDocument *document = peitho_highlighter_get_document (self->highlighter);
  GtkTextView *view = gtk_source_gutter_lines_get_view (lines);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GArray) display_lines = NULL;
  GtkTextIter line_start, line_end;
  int y, height, line_y, line_height;
  guint n_shown;
  gsize so, eo;

  g_assert (PEITHO_IS_HEAT_STRIPE (self));
  g_assert (GTK_SOURCE_IS_GUTTER_LINES (lines));
  g_assert (line >= gtk_source_gutter_lines_get_first (lines));
  g_assert (line <= gtk_source_gutter_lines_get_last (lines));

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

  shown = shown_students (self, &n_shown);
  if (n_shown == 0)
    return;
  annotations = peitho_document_get_annotations_in_range (document, so, eo);
  if (annotations->len == 0)
    return;

  gtk_source_gutter_lines_get_line_yrange (lines, line,
                                           GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &y, &height);
  gtk_text_view_get_line_yrange (view, &line_start, &line_y, &line_height);

  /* One bar per display line of the paragraph. */
  display_lines = peitho_display_lines_dup_for_frame (view, &line_start);
  for (guint i = 0; i < display_lines->len; i++)
    {
      const PeithoDisplayLine *display_line = &g_array_index (display_lines, PeithoDisplayLine, i);
      gsize s = (gsize) display_line->offset;
      gsize e = i + 1 < display_lines->len
                ? (gsize) g_array_index (display_lines, PeithoDisplayLine, i + 1).offset
                : (gsize) eo;
      guint marked;

      if (e <= s)
        continue;

      marked = count_marked (self, shown, annotations, s, e, NULL);
      if (marked > 0)
        {
          GdkRGBA color = { 0.90, 0.38, 0.0, 0.2 + 0.8 * marked / n_shown };

          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (0, y + (display_line->y - line_y) + 1,
                                                          STRIPE_WIDTH,
                                                          MAX (display_line->height - 2, 2)));
        }
    }
}

static gboolean
peitho_heat_stripe_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  PeithoHeatStripe *self = PEITHO_HEAT_STRIPE (widget);
  GtkSourceView *view = gtk_source_gutter_renderer_get_view (GTK_SOURCE_GUTTER_RENDERER (self));
  g_autofree char *summary = NULL;
  GtkTextIter iter;
  int bx, by;
  guint n_marked;

  g_assert (PEITHO_IS_HEAT_STRIPE (self));
  g_assert (GTK_IS_TOOLTIP (tooltip));

  if (view == NULL)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_LEFT, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter, 0, by);
  summary = peitho_heat_stripe_dup_line_summary (self, &iter, &n_marked);
  if (summary == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, summary);
  return TRUE;
}

static void
peitho_heat_stripe_dispose (GObject *object)
{
  PeithoHeatStripe *self = (PeithoHeatStripe *)object;

  g_assert (PEITHO_IS_HEAT_STRIPE (self));

  if (self->highlighter != NULL)
    g_signal_handlers_disconnect_by_data (self->highlighter, self);
  if (self->students != NULL)
    g_signal_handlers_disconnect_by_data (self->students, self);
  g_clear_object (&self->highlighter);
  g_clear_object (&self->students);

  G_OBJECT_CLASS (peitho_heat_stripe_parent_class)->dispose (object);
}

static void
peitho_heat_stripe_class_init (PeithoHeatStripeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = peitho_heat_stripe_dispose;
  widget_class->measure = peitho_heat_stripe_measure;
  widget_class->query_tooltip = peitho_heat_stripe_query_tooltip;
  renderer_class->snapshot_line = peitho_heat_stripe_snapshot_line;
}

static void
peitho_heat_stripe_init (PeithoHeatStripe *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkSourceGutterRenderer *
peitho_heat_stripe_new (PeithoHighlighter *highlighter,
                        GListModel        *students)
{
  PeithoHeatStripe *self;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (highlighter), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (students), NULL);

  self = g_object_new (PEITHO_TYPE_HEAT_STRIPE, NULL);
  self->highlighter = g_object_ref (highlighter);
  self->students = g_object_ref (students);
  g_signal_connect_swapped (highlighter, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (students, "items-changed", G_CALLBACK (gtk_widget_queue_draw), self);

  return GTK_SOURCE_GUTTER_RENDERER (self);
}

char *
peitho_heat_stripe_dup_summary (PeithoHeatStripe *self,
                                gsize             start,
                                gsize             end,
                                guint            *n_marked)
{
  PeithoDocument *document;
  PeithoTagSet *tag_set;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  guint n_shown, marked;

  g_return_val_if_fail (PEITHO_IS_HEAT_STRIPE (self), NULL);
  g_return_val_if_fail (n_marked != NULL, NULL);

  *n_marked = 0;
  document = peitho_highlighter_get_document (self->highlighter);
  if (document == NULL || start >= end)
    return NULL;

  tag_set = peitho_document_get_tag_set (document);
  shown = shown_students (self, &n_shown);
  annotations = peitho_document_get_annotations_in_range (document, start, end);
  marked = count_marked (self, shown, annotations, start, end, tags);
  *n_marked = marked;
  if (marked == 0)
    return NULL;

  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = tag_set ? peitho_tag_set_lookup_tag (tag_set, tags->pdata[i]) : NULL;

      if (i > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, tag ? peitho_tag_get_label (tag) : (const char *) tags->pdata[i]);
    }
  /* TRANSLATORS: the heat stripe's tooltip: "2 of 3 students: Irony, Claim" */
  return g_strdup_printf (ngettext ("%u of %u student: %s",
                                    "%u of %u students: %s", n_shown),
                          marked, n_shown, labels->str);
}

char *
peitho_heat_stripe_dup_line_summary (PeithoHeatStripe  *self,
                                     const GtkTextIter *iter,
                                     guint             *n_marked)
{
  GtkSourceView *view;
  GtkTextIter start, end;

  g_return_val_if_fail (PEITHO_IS_HEAT_STRIPE (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);
  g_return_val_if_fail (n_marked != NULL, NULL);

  *n_marked = 0;
  view = gtk_source_gutter_renderer_get_view (GTK_SOURCE_GUTTER_RENDERER (self));
  if (view == NULL || !peitho_highlighter_get_text_complete (self->highlighter))
    return NULL;
  g_return_val_if_fail (gtk_text_iter_get_buffer (iter) == gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                        NULL);

  start = *iter;
  gtk_text_view_backward_display_line_start (GTK_TEXT_VIEW (view), &start);
  end = start;
  gtk_text_view_forward_display_line_end (GTK_TEXT_VIEW (view), &end);

  return peitho_heat_stripe_dup_summary (self, gtk_text_iter_get_offset (&start),
                                         gtk_text_iter_get_offset (&end), n_marked);
}
