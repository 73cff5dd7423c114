/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-display-lines.h"
#include "peitho-far-jump.h"
#include "peitho-line-redraw.h"
#include "peitho-overlap-bars.h"
#include "peitho-source-view.h"

#define LINE_THICKNESS 2
#define LINE_GAP       2
/* Tag labels: a chip above the line where each highlight begins. */
#define LABEL_SCALE    0.62
#define LABEL_PAD      2
#define LABEL_GAP      2
/* Working out a paragraph's overlap bars asks GTK where its runs end, at a
 * cost that grows with the paragraph (PeithoOverlapBars): 6 ms for one of
 * 2,000 characters on 70 display lines, on the benchmark's machine. On a
 * page never seen before, as each frame of a fast scroll shows, that is as
 * much as GTK's own layout and drawing of it. A frame that did not scroll
 * (an edit, a tag) works out bars for this long; the rest, and all of
 * those of a frame that scrolled, are worked out between frames, in slices
 * of the second figure, and drawn by a later frame. */
#define BARS_FRAME_BUDGET_US 2000
#define BARS_IDLE_BUDGET_US  4000
/* The page's bars: below drawing, above GTK's line measuring
 * (GDK_PRIORITY_REDRAW + 5). Those of its margin after the highlighter has
 * styled it (PeithoAnnotationView, GDK_PRIORITY_REDRAW + 4), beside GTK's
 * measuring. */
#define BARS_PAGE_PRIORITY   (GDK_PRIORITY_REDRAW + 4)
#define BARS_MARGIN_PRIORITY (GDK_PRIORITY_REDRAW + 5)

struct _PeithoSourceView
{
  GtkSourceView parent_instance;

  PeithoHighlighter *highlighter;
  PeithoOverlapBars *bars;           /* of the view's buffer */
  int                pixels_above;   /* before labels made room */
  gint64             bars_budget_us; /* per frame that did not scroll */
  int                bars_top;       /* of the last frame's page */
  int                filled_top;     /* of the page whose margin has its bars */
  GSource           *bars_source;    /* works out the bars a frame left */

  PeithoFarJump     *jump;           /* the last far jump, until it settles */

  guint              show_labels : 1;
  guint              underlines_complete : 1;
  guint              page_complete_once : 1;  /* of this buffer, yet */
};

G_DEFINE_FINAL_TYPE (PeithoSourceView, peitho_source_view, GTK_SOURCE_TYPE_VIEW)

enum {
  PROP_0,
  PROP_SHOW_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GtkTextView *view;
  GtkSnapshot *snapshot;
  GtkTextIter  visible_start;
  GtkTextIter  visible_end;
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

typedef struct {
  GPtrArray *tags;     /* the overlap tags to draw, in order */
  GArray    *colors;   /* GdkRGBA, the same order */
} OverlapTags;

static void
collect_overlap_tag_cb (GtkTextTag    *tag,
                        const GdkRGBA *color,
                        gpointer       user_data)
{
  OverlapTags *overlap = user_data;

  g_ptr_array_add (overlap->tags, tag);
  g_array_append_val (overlap->colors, *color);
}

/* The display lines of @lines from the first that reaches below @top to the
 * last that begins above @bottom. */
static void
visible_display_lines (GArray *lines,
                       int     top,
                       int     bottom,
                       guint  *first,
                       guint  *last)
{
  *first = 0;
  while (*first + 1 < lines->len
         && g_array_index (lines, PeithoDisplayLine, *first).y
            + g_array_index (lines, PeithoDisplayLine, *first).height <= top)
    (*first)++;
  *last = *first;
  while (*last + 1 < lines->len && g_array_index (lines, PeithoDisplayLine, *last + 1).y < bottom)
    (*last)++;
}

/* The overlap tags to draw, in @tags and @colors; FALSE if there are none.
 * Tells self->bars which they are. */
static gboolean
begin_underlines (PeithoSourceView *self,
                  GPtrArray        *tags,
                  GArray           *colors)
{
  OverlapTags overlap = { tags, colors };

  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  peitho_highlighter_foreach_overlap_tag (self->highlighter, collect_overlap_tag_cb, &overlap);
  if (tags->len == 0)
    return FALSE;
  if (self->bars == NULL)
    self->bars = peitho_overlap_bars_new (GTK_TEXT_VIEW (self));
  peitho_overlap_bars_begin_frame (self->bars, tags,
                                   peitho_highlighter_get_overlap_many_tag (self->highlighter));
  return TRUE;
}

typedef gboolean (*ParagraphFunc) (PeithoSourceView  *self,
                                   const GtkTextIter *line_start,
                                   GArray            *display_lines,
                                   guint              first_shown,
                                   guint              last_shown,
                                   gpointer           user_data);

/* Calls @func on each paragraph between @top and @bottom (buffer
 * coordinates), with its display lines and the first and last of them
 * there, until it returns FALSE; returns FALSE then. */
static gboolean
foreach_paragraph (PeithoSourceView *self,
                   int               top,
                   int               bottom,
                   ParagraphFunc     func,
                   gpointer          user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter line_start, last;
  int last_line;

  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  gtk_text_view_get_line_at_y (view, &line_start, MAX (top, 0), NULL);
  gtk_text_view_get_line_at_y (view, &last, MAX (bottom, 0), NULL);
  last_line = gtk_text_iter_get_line (&last);
  do
    {
      g_autoptr(GArray) lines = peitho_display_lines_dup_for_frame (view, &line_start);
      guint first_shown, last_shown;

      visible_display_lines (lines, top, bottom, &first_shown, &last_shown);
      if (!func (self, &line_start, lines, first_shown, last_shown, user_data))
        return FALSE;
    }
  while (gtk_text_iter_get_line (&line_start) < last_line
         && gtk_text_iter_forward_line (&line_start));
  return TRUE;
}

typedef struct {
  GtkSnapshot *snapshot;
  GArray      *colors;
  int          top, bottom;
  gint64       budget_us;  /* left for working out bars */
  gboolean     missing;    /* a paragraph left for later */
} DrawUnderlines;

static gboolean
draw_paragraph_underlines (PeithoSourceView  *self,
                           const GtkTextIter *line_start,
                           GArray            *lines,
                           guint              first_shown,
                           guint              last_shown,
                           gpointer           user_data)
{
  DrawUnderlines *draw = user_data;
  g_autoptr(GArray) bars = NULL;
  gint64 begun = g_get_monotonic_time ();

  if (peitho_overlap_bars_lacks (self->bars, line_start, lines) && draw->budget_us <= 0)
    {
      draw->missing = TRUE;
      return TRUE;
    }
  bars = peitho_overlap_bars_dup (self->bars, line_start, lines, first_shown, last_shown);
  draw->budget_us -= g_get_monotonic_time () - begun;

  for (guint i = 0; i < bars->len; i++)
    {
      const PeithoOverlapBar *bar = &g_array_index (bars, PeithoOverlapBar, i);
      const PeithoDisplayLine *line = &g_array_index (lines, PeithoDisplayLine, bar->line);

      if (line->y + line->height <= draw->top || line->y >= draw->bottom)
        continue;
      draw_bar (draw->snapshot, &g_array_index (draw->colors, GdkRGBA, bar->tag), bar->x0, bar->x1,
                line->y + line->height, bar->twice);
    }
  return TRUE;
}

static gboolean
fill_paragraph_bars (PeithoSourceView  *self,
                     const GtkTextIter *line_start,
                     GArray            *lines,
                     guint              first_shown,
                     guint              last_shown,
                     gpointer           user_data)
{
  const gint64 *deadline = user_data;
  g_autoptr(GArray) bars = NULL;

  if (!peitho_overlap_bars_lacks (self->bars, line_start, lines))
    return TRUE;
  if (g_get_monotonic_time () >= *deadline)
    return FALSE;
  bars = peitho_overlap_bars_dup (self->bars, line_start, lines, first_shown, last_shown);
  return TRUE;
}

/* Works out, for a slice of time, the bars the last frame left out, then
 * those of half a page below and above it (where a scroll goes next); has
 * them drawn once those on screen are all there. */
static gboolean
fill_bars_cb (gpointer user_data)
{
  PeithoSourceView *self = user_data;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  gint64 deadline = g_get_monotonic_time () + BARS_IDLE_BUDGET_US;
  GdkRectangle visible;
  int top, bottom;

  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  if (self->highlighter == NULL || peitho_highlighter_get_document (self->highlighter) == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !begin_underlines (self, tags, colors))
    {
      g_clear_pointer (&self->bars_source, g_source_unref);
      return G_SOURCE_REMOVE;
    }

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  top = visible.y;
  bottom = visible.y + visible.height;
  if (!foreach_paragraph (self, top, bottom, fill_paragraph_bars, &deadline))
    return G_SOURCE_CONTINUE;
  /* One frame for them all: each frame lays out and draws the page again. */
  if (!self->underlines_complete)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (g_source_get_priority (self->bars_source) != BARS_MARGIN_PRIORITY)
    {
      g_source_set_priority (self->bars_source, BARS_MARGIN_PRIORITY);
      return G_SOURCE_CONTINUE;
    }
  if (!foreach_paragraph (self, bottom, bottom + visible.height / 2, fill_paragraph_bars, &deadline)
      || !foreach_paragraph (self, top - visible.height / 2, top, fill_paragraph_bars, &deadline))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->bars_source, g_source_unref);
  self->filled_top = top;
  return G_SOURCE_REMOVE;
}

/* Whether the highlighter has applied every highlight of the page: its
 * underlines are then the page's. */
static gboolean
page_is_styled (PeithoSourceView   *self,
                const GdkRectangle *visible)
{
  GtkTextIter start, end;

  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &start, visible->x, visible->y);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &end, visible->x,
                                      visible->y + visible->height);
  gtk_text_iter_forward_to_line_end (&end);
  return peitho_highlighter_is_styled (self->highlighter, gtk_text_iter_get_offset (&start),
                                       gtk_text_iter_get_offset (&end));
}

/* The overlap underlines of the paragraphs on screen, one bar per display
 * line of each run: kept from frame to frame by PeithoOverlapBars, drawn
 * only where their display line is on screen. A frame that scrolled, or
 * one that has spent its budget, leaves the bars it lacks to the time
 * after it, and a later frame draws them. */
static void
draw_underlines (PeithoSourceView   *self,
                 GtkSnapshot        *snapshot,
                 const GdkRectangle *visible)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  DrawUnderlines draw = { snapshot, colors, visible->y, visible->y + visible->height,
                          self->bars_budget_us, FALSE };

  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  /* The first page of a text is drawn whole: the reader has nothing to
   * read yet, and a frame without its bars would be followed by one with
   * them a frame or more later (up to 100 ms in the window benchmark). */
  if (!self->page_complete_once)
    draw.budget_us = G_MAXINT64;
  else if (visible->y != self->bars_top)
    draw.budget_us = 0;
  self->bars_top = visible->y;
  if (!begin_underlines (self, tags, colors))
    {
      self->underlines_complete = TRUE;
      return;
    }
  foreach_paragraph (self, draw.top, draw.bottom, draw_paragraph_underlines, &draw);
  self->underlines_complete = !draw.missing;
  if (self->underlines_complete && !self->page_complete_once)
    self->page_complete_once = page_is_styled (self, visible);
  if (self->bars_source == NULL && (draw.missing || self->filled_top != visible->y))
    {
      self->bars_source = g_idle_source_new ();
      g_source_set_callback (self->bars_source, fill_bars_cb, self, NULL);
      g_source_set_static_name (self->bars_source, "[peitho] overlap bars");
      g_source_attach (self->bars_source, NULL);
    }
  if (self->bars_source != NULL)
    g_source_set_priority (self->bars_source,
                           draw.missing ? BARS_PAGE_PRIORITY : BARS_MARGIN_PRIORITY);
}

static PangoLayout *
label_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (LABEL_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* The height of a label chip, which is the room above each line. */
static int
label_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = label_layout (widget, "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + LABEL_GAP;
}

/* Each visible highlight's short label where it begins, brat-style: above the
 * line, pushed right when labels of the same line would overlap. */
static void
draw_labels (PeithoSourceView *self,
             DrawContext      *ctx)
{
  PeithoDocument *document = peitho_highlighter_get_document (self->highlighter);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) annotations = NULL;
  int line_y = G_MININT, line_end = G_MININT;
  gsize first = (gsize) gtk_text_iter_get_offset (&ctx->visible_start);
  gsize last = (gsize) gtk_text_iter_get_offset (&ctx->visible_end);
  GdkRGBA ink = { 0, 0, 0, 0.85 };

  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  annotations = peitho_document_get_annotations_in_range (document, first, MAX (last, first + 1));
  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);
      PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set, tag_id);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      GtkTextIter iter;
      GdkRectangle rect;
      GdkRGBA color;
      int width, height, x, y;

      if (peitho_annotation_get_start (annotation) < first
          || peitho_highlighter_is_tag_hidden (self->highlighter, tag_id)
          || !peitho_highlighter_get_color (self->highlighter, tag_id, &color))
        continue;

      text = tag != NULL ? peitho_tag_dup_short_label (tag) : g_strdup (tag_id);
      layout = label_layout (widget, text);
      pango_layout_get_pixel_size (layout, &width, &height);
      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (ctx->view), &iter,
                                          (int) peitho_annotation_get_start (annotation));
      gtk_text_view_get_iter_location (ctx->view, &iter, &rect);
      x = rect.x;
      y = rect.y - height - LABEL_GAP / 2;
      if (y == line_y && x < line_end)
        x = line_end;
      line_y = y;
      line_end = x + width + 2 * LABEL_PAD + 1;

      gtk_snapshot_append_color (ctx->snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, y, width + 2 * LABEL_PAD, height));
      gtk_snapshot_save (ctx->snapshot);
      gtk_snapshot_translate (ctx->snapshot, &GRAPHENE_POINT_INIT (x + LABEL_PAD, y));
      gtk_snapshot_append_layout (ctx->snapshot, layout, &ink);
      gtk_snapshot_restore (ctx->snapshot);
    }
}

static void
peitho_source_view_snapshot_layer (GtkTextView      *text_view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  PeithoSourceView *self = PEITHO_SOURCE_VIEW (text_view);
  GdkRectangle visible;

  GTK_TEXT_VIEW_CLASS (peitho_source_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->highlighter == NULL
      || peitho_highlighter_get_document (self->highlighter) == NULL)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  if (self->show_labels)
    {
      DrawContext ctx;

      /* The paragraphs on screen, so that a label whose highlight begins
       * above the page is known to be off it. */
      ctx.view = text_view;
      ctx.snapshot = snapshot;
      gtk_text_view_get_line_at_y (text_view, &ctx.visible_start, visible.y, NULL);
      gtk_text_view_get_line_at_y (text_view, &ctx.visible_end, visible.y + visible.height, NULL);
      gtk_text_iter_forward_line (&ctx.visible_end);
      draw_labels (self, &ctx);
    }
  draw_underlines (self, snapshot, &visible);
}

static void
peitho_source_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PeithoSourceView *self = PEITHO_SOURCE_VIEW (object);

  g_assert (PEITHO_IS_SOURCE_VIEW (object));

  switch (prop_id)
    {
    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_source_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PeithoSourceView *self = PEITHO_SOURCE_VIEW (object);

  g_assert (PEITHO_IS_SOURCE_VIEW (object));

  switch (prop_id)
    {
    case PROP_SHOW_LABELS:
      peitho_source_view_set_show_labels (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GTK moves the cursor, then scrolls to it in an animation: a move further
 * than a page lands at once instead (PeithoFarJump). */
static void
peitho_source_view_move_cursor (GtkTextView     *text_view,
                                GtkMovementStep  step,
                                int              count,
                                gboolean         extend_selection)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter insert;

  g_assert (PEITHO_IS_SOURCE_VIEW (text_view));

  GTK_TEXT_VIEW_CLASS (peitho_source_view_parent_class)->move_cursor (text_view, step, count,
                                                                      extend_selection);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  peitho_far_jump_land (PEITHO_SOURCE_VIEW (text_view)->jump, &insert, 0, FALSE, 0);
}

/* The highlighter changed only colours over [start, end). */
static void
highlighter_changed_cb (PeithoSourceView  *self,
                        guint              start,
                        guint              end,
                        PeithoHighlighter *highlighter)
{
  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  peitho_line_redraw_range (GTK_TEXT_VIEW (self), start, end);
}

static void
peitho_source_view_dispose (GObject *object)
{
  PeithoSourceView *self = (PeithoSourceView *)object;

  g_assert (PEITHO_IS_SOURCE_VIEW (object));

  peitho_far_jump_release (self->jump);
  if (self->highlighter != NULL)
    g_signal_handlers_disconnect_by_func (self->highlighter, highlighter_changed_cb, self);
  g_clear_object (&self->highlighter);
  if (self->bars_source != NULL)
    g_source_destroy (self->bars_source);
  g_clear_pointer (&self->bars_source, g_source_unref);
  g_clear_pointer (&self->bars, peitho_overlap_bars_free);

  G_OBJECT_CLASS (peitho_source_view_parent_class)->dispose (object);
}

static void
peitho_source_view_finalize (GObject *object)
{
  PeithoSourceView *self = (PeithoSourceView *)object;

  g_clear_pointer (&self->jump, peitho_far_jump_free);

  G_OBJECT_CLASS (peitho_source_view_parent_class)->finalize (object);
}

static void
peitho_source_view_class_init (PeithoSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = peitho_source_view_dispose;
  object_class->finalize = peitho_source_view_finalize;
  object_class->get_property = peitho_source_view_get_property;
  object_class->set_property = peitho_source_view_set_property;
  text_view_class->snapshot_layer = peitho_source_view_snapshot_layer;
  text_view_class->move_cursor = peitho_source_view_move_cursor;

  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
buffer_notify_cb (PeithoSourceView *self,
                  GParamSpec       *pspec,
                  gpointer          user_data)
{
  g_clear_pointer (&self->bars, peitho_overlap_bars_free);
  self->filled_top = -1;
  self->page_complete_once = FALSE;
}

/* The reader scrolls: a jump still settling lets go of the page. */
static gboolean
scrolled_cb (PeithoSourceView *self,
             double            dx,
             double            dy)
{
  g_assert (PEITHO_IS_SOURCE_VIEW (self));

  peitho_far_jump_release (self->jump);
  return GDK_EVENT_PROPAGATE;
}

static void
peitho_source_view_init (PeithoSourceView *self)
{
  GtkEventController *scroll;

  self->bars_budget_us = BARS_FRAME_BUDGET_US;
  self->filled_top = -1;
  self->jump = peitho_far_jump_new (GTK_TEXT_VIEW (self));
  g_signal_connect (self, "notify::buffer", G_CALLBACK (buffer_notify_cb), NULL);

  /* Before the scrolled window scrolls. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_name (scroll, "peitho-jump-release");
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scrolled_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

gboolean
peitho_source_view_get_underlines_complete (PeithoSourceView *self)
{
  g_return_val_if_fail (PEITHO_IS_SOURCE_VIEW (self), FALSE);

  return self->underlines_complete;
}

void
_peitho_source_view_set_bars_budget_for_testing (PeithoSourceView *self,
                                                 gint64            frame_budget_us)
{
  g_return_if_fail (PEITHO_IS_SOURCE_VIEW (self));

  self->bars_budget_us = frame_budget_us;
}

void
peitho_source_view_set_highlighter (PeithoSourceView  *self,
                                    PeithoHighlighter *highlighter)
{
  g_return_if_fail (PEITHO_IS_SOURCE_VIEW (self));

  if (self->highlighter == highlighter)
    return;
  if (self->highlighter != NULL)
    g_signal_handlers_disconnect_by_func (self->highlighter, highlighter_changed_cb, self);
  g_set_object (&self->highlighter, highlighter);
  if (highlighter != NULL)
    g_signal_connect_object (highlighter, "changed", G_CALLBACK (highlighter_changed_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
peitho_source_view_get_show_labels (PeithoSourceView *self)
{
  g_return_val_if_fail (PEITHO_IS_SOURCE_VIEW (self), FALSE);

  return self->show_labels;
}

void
peitho_source_view_set_show_labels (PeithoSourceView *self,
                                    gboolean          show_labels)
{
  GtkTextView *text_view;

  g_return_if_fail (PEITHO_IS_SOURCE_VIEW (self));

  show_labels = !!show_labels;
  if (self->show_labels == show_labels)
    return;

  text_view = GTK_TEXT_VIEW (self);
  self->show_labels = show_labels;
  /* Room above every line for the labels, given back when they go. */
  if (show_labels)
    {
      self->pixels_above = gtk_text_view_get_pixels_above_lines (text_view);
      gtk_text_view_set_pixels_above_lines (text_view,
                                            self->pixels_above + label_height (GTK_WIDGET (self)));
    }
  else
    gtk_text_view_set_pixels_above_lines (text_view, self->pixels_above);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABELS]);
}

void
peitho_source_view_scroll_to_mark (PeithoSourceView *self,
                                   GtkTextMark      *mark,
                                   double            within_margin,
                                   gboolean          use_align,
                                   double            yalign)
{
  GtkTextView *text_view;
  GtkTextIter iter;

  g_return_if_fail (PEITHO_IS_SOURCE_VIEW (self));
  g_return_if_fail (GTK_IS_TEXT_MARK (mark));

  text_view = GTK_TEXT_VIEW (self);
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (text_view), &iter, mark);
  peitho_far_jump_land (self->jump, &iter, within_margin, use_align, yalign);
  /* What is left is less than a page, or nothing: GTK's animation of it is
   * short, and it places the mark exactly once the lines around it are
   * measured. */
  gtk_text_view_scroll_to_mark (text_view, mark, within_margin, use_align, 0, yalign);
}
