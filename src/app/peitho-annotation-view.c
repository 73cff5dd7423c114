/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "peitho-annotation-gutter.h"
#include "peitho-annotation-view.h"
#include "peitho-line-number-gutter.h"
#include "peitho-source-view.h"
#include "peitho-structure-styler.h"
#include "peitho-utils.h"

/* Text size at zoom 1.0, and the reading column's width at that size. */
#define BASE_FONT_PT    13.0
#define BASE_COLUMN_PX  720

/* Styling the visible page: work per frame, and how much beyond the page
 * (in pages, above and below) is styled ahead of scrolling. The page goes
 * before GTK's layout and drawing (GDK_PRIORITY_REDRAW), so that the frame
 * after a scroll shows its highlights; the margin after them and before
 * GTK measures lines (GDK_PRIORITY_REDRAW + 5), so that a fast scroll,
 * which passes the margin by, is not held up styling it. */
#define STYLE_BUDGET_USEC     (4 * 1000)
#define STYLE_MARGIN_PAGES    1
#define STYLE_PAGE_PRIORITY   (GDK_PRIORITY_REDRAW - 10)
#define STYLE_MARGIN_PRIORITY (GDK_PRIORITY_REDRAW + 4)

struct _PeithoAnnotationView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow       *scroller;
  AdwClampScrollable      *clamp;
  GtkSourceView           *source_view;

  /* Owned */
  GtkSourceBuffer         *buffer;
  PeithoHighlighter       *highlighter;
  GtkSourceGutterRenderer *gutter;
  GtkSourceGutterRenderer *line_numbers;
  PeithoStructureStyler   *styler;
  GtkPopover              *edition_popover;  /* child of source_view */
  GtkLabel                *edition_label;
  GtkCssProvider          *zoom_provider;
  GtkAdjustment           *vadjustment;
  char                    *font_family;
  double                   zoom;
  guint                    style_idle_id;
  guint                    margin_idle_id;

  /* The line at the top of the page, and how far into it the page starts:
   * where the reader is, kept while GTK measures the lines above. */
  GtkTextMark             *top_mark;
  int                      top_dy;
  int                      top_cursor;   /* the cursor's offset then */
};

G_DEFINE_FINAL_TYPE (PeithoAnnotationView, peitho_annotation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FONT_FAMILY,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_style_scheme (PeithoAnnotationView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  GtkSourceStyleScheme *scheme;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  scheme = gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                                       dark ? "Adwaita-dark" : "Adwaita");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  peitho_highlighter_set_dark (self->highlighter, dark);
  peitho_structure_styler_set_dark (self->styler, dark);
}

/* The lines from the one at @top to the one at @bottom (buffer
 * coordinates), as offsets. */
static void
get_line_range (GtkTextView *view,
                int          top,
                int          bottom,
                gsize       *start,
                gsize       *end)
{
  GtkTextIter s, e;

  g_assert (GTK_IS_TEXT_VIEW (view));

  gtk_text_view_get_line_at_y (view, &s, MAX (0, top), NULL);
  gtk_text_view_get_line_at_y (view, &e, bottom, NULL);
  if (!gtk_text_iter_ends_line (&e))
    gtk_text_iter_forward_to_line_end (&e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e) + 1;
}

/* The characters on screen, plus @margin_pages above and below. Lines GTK
 * has not measured yet have no height: until it has, a margin taken in
 * pixels would reach the end of the text, so it holds no more characters
 * than as many pages. */
static void
get_wanted_range (PeithoAnnotationView *self,
                  double                margin_pages,
                  gsize                *start,
                  gsize                *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GdkRectangle rect;
  gsize page_start, page_end, most;
  int margin;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  gtk_text_view_get_visible_rect (view, &rect);
  get_line_range (view, rect.y, rect.y + rect.height, &page_start, &page_end);
  *start = page_start;
  *end = page_end;
  if (margin_pages <= 0)
    return;

  margin = rect.height * margin_pages;
  most = (gsize) ((page_end - page_start) * margin_pages);
  get_line_range (view, rect.y - margin, rect.y + rect.height + margin, start, end);
  *start = MAX (*start, page_start - MIN (page_start, most));
  *end = MIN (*end, page_end + most);
}

/* The page and its margin, a few milliseconds at a time, so that
 * scrolling and input never wait for it; NULL @id_out when done. */
static gboolean
style_step (PeithoAnnotationView *self,
            double                margin_pages,
            guint                *id_out)
{
  gsize start, end;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  /* The highlighter fills the buffer at idle priority, below this one:
   * waiting here would starve it for good. Its notify::busy at the end
   * queues the styling again. */
  if (!peitho_highlighter_get_text_complete (self->highlighter))
    {
      *id_out = 0;
      return G_SOURCE_REMOVE;
    }

  get_wanted_range (self, margin_pages, &start, &end);
  if (!peitho_highlighter_ensure_styled (self->highlighter, start, end,
                                         g_get_monotonic_time () + STYLE_BUDGET_USEC))
    return G_SOURCE_CONTINUE;

  *id_out = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
style_margin_idle_cb (gpointer user_data)
{
  PeithoAnnotationView *self = user_data;

  return style_step (self, STYLE_MARGIN_PAGES, &self->margin_idle_id);
}

static gboolean
style_idle_cb (gpointer user_data)
{
  PeithoAnnotationView *self = user_data;

  if (style_step (self, 0, &self->style_idle_id) == G_SOURCE_CONTINUE)
    return G_SOURCE_CONTINUE;
  if (self->margin_idle_id == 0 && peitho_highlighter_get_text_complete (self->highlighter))
    self->margin_idle_id = g_idle_add_full (STYLE_MARGIN_PRIORITY, style_margin_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_styling (PeithoAnnotationView *self)
{
  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  if (self->style_idle_id == 0 && peitho_highlighter_get_document (self->highlighter) != NULL)
    self->style_idle_id = g_idle_add_full (STYLE_PAGE_PRIORITY, style_idle_cb, self, NULL);
}

/* The height of the text as measured so far, in buffer coordinates. */
static int
measured_height (GtkTextView *view)
{
  GtkTextIter end;
  int y, height;

  g_assert (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  return y + height;
}

/* GTK 4.8 measures the lines of a long text in idle steps after it is shown
 * (half a minute for 3 M characters): each step makes the lines above the
 * page taller and scrolls by as much to keep the page in place, but the
 * adjustment still has the old, smaller height then and clamps that scroll,
 * so that a page far down slides back towards the top as lines are
 * measured (Ctrl+End ended some 50,000 characters in). A scroll made while
 * the adjustment is behind the measured height, with the cursor where it
 * was, is that clamp: the page's place is what was recorded before it, and
 * it is restored once the adjustment has its new height. A jump (Ctrl+End,
 * a passage chosen in the list) moves the cursor, and its scroll counts. */
static void
record_top (PeithoAnnotationView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GdkRectangle rect;
  GtkTextIter top, cursor;
  int line_top;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  if (self->vadjustment == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (gtk_text_iter_get_offset (&cursor) == self->top_cursor
      && measured_height (view) > gtk_adjustment_get_upper (self->vadjustment))
    return;
  self->top_cursor = gtk_text_iter_get_offset (&cursor);

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_line_at_y (view, &top, rect.y, &line_top);
  self->top_dy = rect.y - line_top;
  if (self->top_mark == NULL)
    self->top_mark = gtk_text_buffer_create_mark (buffer, NULL, &top, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->top_mark, &top);
}

static void
restore_top (PeithoAnnotationView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GdkRectangle rect;
  GtkTextIter top;
  int line_top, wanted;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  if (self->top_mark == NULL || self->vadjustment == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &top, self->top_mark);
  gtk_text_view_get_line_yrange (view, &top, &line_top, NULL);
  gtk_text_view_get_visible_rect (view, &rect);
  wanted = line_top + self->top_dy;
  if (ABS (wanted - rect.y) > 1)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + (wanted - rect.y));
}

static void
value_changed_cb (PeithoAnnotationView *self)
{
  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  record_top (self);
  queue_styling (self);
}

static void
adjustment_changed_cb (PeithoAnnotationView *self)
{
  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  restore_top (self);
  queue_styling (self);
}

static void
vadjustment_cb (PeithoAnnotationView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view));

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  if (self->vadjustment == vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      /* Scrolled, or the page changed size. */
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
    }
}

static void
highlighter_changed_cb (PeithoAnnotationView *self)
{
  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
  gtk_widget_queue_draw (GTK_WIDGET (self->line_numbers));
  gtk_widget_queue_draw (GTK_WIDGET (self->source_view));
  queue_styling (self);
}

static gboolean
query_tooltip_cb (PeithoAnnotationView *self,
                  int                   x,
                  int                   y,
                  gboolean              keyboard,
                  GtkTooltip           *tooltip,
                  GtkWidget            *widget)
{
  PeithoDocument *document = peitho_highlighter_get_document (self->highlighter);
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *marker_markup = NULL;
  g_autofree char *joined = NULL;
  GtkTextIter iter;
  gsize offset;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  if (document == NULL)
    return FALSE;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                      gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  else
    {
      int bx, by, trailing;
      GdkRectangle rect;

      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
        return FALSE;
      /* Past the end of a line is not over its last character. */
      gtk_text_view_get_iter_location (view, &iter, &rect);
      if (bx < rect.x || bx > rect.x + MAX (rect.width, 1))
        return FALSE;
    }

  offset = gtk_text_iter_get_offset (&iter);
  annotations = peitho_document_get_annotations_at (document, offset);
  marker_markup = peitho_structure_styler_dup_marker_markup (self->styler, offset);
  if (annotations->len == 0 && marker_markup == NULL)
    return FALSE;

  if (annotations->len > 0)
    markup = peitho_annotations_to_markup (document, annotations);
  if (markup != NULL && marker_markup != NULL)
    gtk_tooltip_set_markup (tooltip, (joined = g_strjoin ("\n", marker_markup, markup, NULL)));
  else
    gtk_tooltip_set_markup (tooltip, markup != NULL ? markup : marker_markup);
  return TRUE;
}

static void
update_zoom (PeithoAnnotationView *self)
{
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  g_ascii_formatd (size, sizeof size, "%.1f", BASE_FONT_PT * self->zoom);
  css = g_strdup_printf ("textview.reading-view { font-size: %spt; }", size);
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);

  adw_clamp_scrollable_set_maximum_size (self->clamp, (int) (BASE_COLUMN_PX * self->zoom));
  adw_clamp_scrollable_set_tightening_threshold (self->clamp, (int) (BASE_COLUMN_PX * self->zoom * 0.8));
}

static void
peitho_annotation_view_dispose (GObject *object)
{
  PeithoAnnotationView *self = (PeithoAnnotationView *)object;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (object));

  if (self->highlighter != NULL)
    peitho_highlighter_set_document (self->highlighter, NULL);
  g_clear_handle_id (&self->style_idle_id, g_source_remove);
  g_clear_handle_id (&self->margin_idle_id, g_source_remove);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  if (self->edition_popover != NULL)
    {
      gtk_popover_popdown (self->edition_popover);
      gtk_widget_unparent (GTK_WIDGET (self->edition_popover));
      self->edition_popover = NULL;
      self->edition_label = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_ANNOTATION_VIEW);

  g_clear_object (&self->gutter);
  g_clear_object (&self->line_numbers);
  g_clear_object (&self->styler);
  g_clear_object (&self->highlighter);
  if (self->top_mark != NULL)
    gtk_text_buffer_delete_mark (GTK_TEXT_BUFFER (self->buffer), g_steal_pointer (&self->top_mark));
  g_clear_object (&self->buffer);
  g_clear_object (&self->zoom_provider);

  G_OBJECT_CLASS (peitho_annotation_view_parent_class)->dispose (object);
}

static void
peitho_annotation_view_finalize (GObject *object)
{
  PeithoAnnotationView *self = (PeithoAnnotationView *)object;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (object));

  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (peitho_annotation_view_parent_class)->finalize (object);
}

static void
peitho_annotation_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PeithoAnnotationView *self = PEITHO_ANNOTATION_VIEW (object);

  g_assert (PEITHO_IS_ANNOTATION_VIEW (object));

  switch (prop_id)
    {
    case PROP_FONT_FAMILY:
      g_value_set_string (value, self->font_family);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_annotation_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PeithoAnnotationView *self = PEITHO_ANNOTATION_VIEW (object);

  g_assert (PEITHO_IS_ANNOTATION_VIEW (object));

  switch (prop_id)
    {
    case PROP_FONT_FAMILY:
      peitho_annotation_view_set_font_family (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      peitho_annotation_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_annotation_view_class_init (PeithoAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_annotation_view_dispose;
  object_class->finalize = peitho_annotation_view_finalize;
  object_class->get_property = peitho_annotation_view_get_property;
  object_class->set_property = peitho_annotation_view_set_property;

  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, "serif",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PEITHO_TYPE_SOURCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-annotation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationView, clamp);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationView, source_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationview");
}

static void
peitho_annotation_view_init (PeithoAnnotationView *self)
{
  GtkSourceGutter *gutter;

  g_assert (PEITHO_IS_ANNOTATION_VIEW (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom = 1.0;
  self->font_family = g_strdup ("serif");
  gtk_widget_add_css_class (GTK_WIDGET (self->source_view), "serif");

  self->buffer = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));

  self->highlighter = peitho_highlighter_new (GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (self->highlighter, "changed", G_CALLBACK (highlighter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->highlighter, "notify::busy", G_CALLBACK (queue_styling),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_view, "notify::vadjustment", G_CALLBACK (vadjustment_cb),
                           self, G_CONNECT_SWAPPED);
  vadjustment_cb (self);

  peitho_source_view_set_highlighter (PEITHO_SOURCE_VIEW (self->source_view), self->highlighter);
  self->styler = peitho_structure_styler_new (self->highlighter);

  self->gutter = g_object_ref_sink (peitho_annotation_gutter_new (self->highlighter));
  gutter = gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT);
  gtk_source_gutter_insert (gutter, self->gutter, 0);
  self->line_numbers = g_object_ref_sink (peitho_line_number_gutter_new (self->highlighter));
  gtk_source_gutter_insert (gutter, self->line_numbers, 1);

  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->zoom_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_zoom (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->source_view), TRUE);
  g_signal_connect_object (self->source_view, "query-tooltip", G_CALLBACK (query_tooltip_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"),
                                  -1);

  /* Selectable, so that the text takes the focus and a screen reader reads
   * it as the popover opens. */
  self->edition_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->edition_label, TRUE);
  gtk_label_set_max_width_chars (self->edition_label, 50);
  gtk_label_set_xalign (self->edition_label, 0);
  gtk_label_set_selectable (self->edition_label, TRUE);
  self->edition_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->edition_popover, GTK_WIDGET (self->edition_label));
  gtk_widget_set_parent (GTK_WIDGET (self->edition_popover), GTK_WIDGET (self->source_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edition_popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note of the edition"),
                                  -1);
}

PeithoAnnotationView *
peitho_annotation_view_new (void)
{
  return g_object_new (PEITHO_TYPE_ANNOTATION_VIEW, NULL);
}

GtkSourceView *
peitho_annotation_view_get_source_view (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return self->source_view;
}

GtkTextBuffer *
peitho_annotation_view_get_buffer (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return GTK_TEXT_BUFFER (self->buffer);
}

PeithoHighlighter *
peitho_annotation_view_get_highlighter (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return self->highlighter;
}

PeithoStructureStyler *
peitho_annotation_view_get_structure_styler (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return self->styler;
}

PeithoLineNumberGutter *
peitho_annotation_view_get_line_number_gutter (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return PEITHO_LINE_NUMBER_GUTTER (self->line_numbers);
}

PeithoDocument *
peitho_annotation_view_get_document (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return peitho_highlighter_get_document (self->highlighter);
}

void
peitho_annotation_view_set_document (PeithoAnnotationView *self,
                                     PeithoDocument       *document)
{
  GtkAdjustment *vadj;

  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  peitho_highlighter_set_document (self->highlighter, document);
  peitho_structure_styler_refill (self->styler);
  peitho_line_number_gutter_update (PEITHO_LINE_NUMBER_GUTTER (self->line_numbers));

  if (self->top_mark != NULL)
    {
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
      gtk_text_buffer_move_mark (GTK_TEXT_BUFFER (self->buffer), self->top_mark, &start);
      self->top_dy = 0;
      self->top_cursor = 0;
    }
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view));
  if (vadj != NULL)
    gtk_adjustment_set_value (vadj, 0);
  queue_styling (self);
}

const char *
peitho_annotation_view_get_font_family (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return self->font_family;
}

void
peitho_annotation_view_set_font_family (PeithoAnnotationView *self,
                                        const char           *font_family)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  if (g_strcmp0 (font_family, "sans") != 0)
    font_family = "serif";
  if (g_strcmp0 (self->font_family, font_family) == 0)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->source_view), self->font_family);
  g_free (self->font_family);
  self->font_family = g_strdup (font_family);
  gtk_widget_add_css_class (GTK_WIDGET (self->source_view), self->font_family);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
}

double
peitho_annotation_view_get_zoom (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), 1.0);
  return self->zoom;
}

void
peitho_annotation_view_set_zoom (PeithoAnnotationView *self,
                                 double                zoom)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  update_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
is_space (GtkTextIter *iter)
{
  return g_unichar_isspace (gtk_text_iter_get_char (iter));
}

gboolean
peitho_annotation_view_get_selection (PeithoAnnotationView *self,
                                      gboolean              snap_to_words,
                                      gsize                *start,
                                      gsize                *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &s, &e))
    return FALSE;

  if (snap_to_words)
    {
      /* Trim white space first: "  word " snaps to "word", not to its
       * neighbours. */
      while (gtk_text_iter_compare (&s, &e) < 0 && is_space (&s))
        gtk_text_iter_forward_char (&s);
      while (gtk_text_iter_compare (&s, &e) < 0)
        {
          GtkTextIter prev = e;

          gtk_text_iter_backward_char (&prev);
          if (!is_space (&prev))
            break;
          e = prev;
        }
      if (gtk_text_iter_equal (&s, &e))
        return FALSE;

      if (gtk_text_iter_inside_word (&s) && !gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      if (!gtk_text_iter_ends_word (&e))
        {
          GtkTextIter prev = e;

          gtk_text_iter_backward_char (&prev);
          if (gtk_text_iter_inside_word (&prev) || gtk_text_iter_inside_word (&e))
            gtk_text_iter_forward_word_end (&e);
        }
    }

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);

  return *start < *end;
}

void
peitho_annotation_view_select_range (PeithoAnnotationView *self,
                                     gsize                 start,
                                     gsize                 end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  /* The cursor (insert) at the start, so that reading goes on from there. */
  gtk_text_buffer_select_range (buffer, &s, &e);
  peitho_source_view_scroll_to_mark (PEITHO_SOURCE_VIEW (self->source_view),
                                     gtk_text_buffer_get_insert (buffer),
                                     0.15, FALSE, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

void
peitho_annotation_view_place_cursor (PeithoAnnotationView *self,
                                     gsize                 offset,
                                     double                yalign)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GdkRectangle rect, caret;
  GtkTextIter iter;
  int line_top;

  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  view = GTK_TEXT_VIEW (self->source_view);
  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_buffer_place_cursor (buffer, &iter);

  /* The page's place as record_top() keeps it: the caret's line at the
   * top, less the part of the page above the caret. A scroll to the mark
   * would be undone by restore_top() when it comes late, after the lines
   * above have been measured a first time. */
  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_iter_location (view, &iter, &caret);
  gtk_text_view_get_line_yrange (view, &iter, &line_top, NULL);
  self->top_cursor = gtk_text_iter_get_offset (&iter);
  self->top_dy = (caret.y - line_top) - (int) (CLAMP (yalign, 0.0, 1.0) * rect.height);
  gtk_text_iter_set_line_offset (&iter, 0);
  if (self->top_mark == NULL)
    self->top_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->top_mark, &iter);
  restore_top (self);
}

gsize
peitho_annotation_view_get_cursor_offset (PeithoAnnotationView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), 0);

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
peitho_annotation_view_get_offset_area (PeithoAnnotationView *self,
                                        gsize                 offset,
                                        GdkRectangle         *area)
{
  GtkTextView *view;
  GtkTextIter iter;

  g_return_if_fail (PEITHO_IS_ANNOTATION_VIEW (self));

  view = GTK_TEXT_VIEW (self->source_view);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &iter, (int) offset);
  gtk_text_view_get_iter_location (view, &iter, area);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         area->x, area->y, &area->x, &area->y);
  area->width = MAX (area->width, 1);
}

gboolean
peitho_annotation_view_show_edition_note (PeithoAnnotationView *self)
{
  g_autofree char *markup = NULL;
  GdkRectangle area;
  gsize offset;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), FALSE);

  if (peitho_highlighter_get_document (self->highlighter) == NULL)
    return FALSE;

  offset = peitho_annotation_view_get_cursor_offset (self);
  markup = peitho_structure_styler_dup_marker_markup (self->styler, offset);
  /* The caret right after a marker or a reading still counts as on it. */
  if (markup == NULL && offset > 0)
    markup = peitho_structure_styler_dup_marker_markup (self->styler, --offset);
  if (markup == NULL)
    return FALSE;

  gtk_label_set_markup (self->edition_label, markup);
  peitho_annotation_view_get_offset_area (self, offset, &area);
  gtk_popover_set_pointing_to (self->edition_popover, &area);
  gtk_popover_popup (self->edition_popover);
  return TRUE;
}

GtkPopover *
peitho_annotation_view_get_edition_popover (PeithoAnnotationView *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_VIEW (self), NULL);
  return self->edition_popover;
}
