/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reading view on a long text: a page far down, reached before GTK has
 * measured the lines above it, stays where it is while they are measured,
 * and is styled there. */

#include "gui-fixture.h"

#include "peitho-annotation-view.h"
#include "peitho-display-lines.h"
#include "peitho-overlap-bars.h"
#include "peitho-source-view.h"

/* Long paragraphs, as in the benchmark's document: GTK measures them in
 * steps that each make the text much taller. */
#define N_PARAGRAPHS  400
#define N_SENTENCES   14

static void
frame_cb (GdkFrameClock *clock,
          guint         *n)
{
  (*n)++;
}

/* Runs frames until @measure of the view's vertical adjustment has not
 * changed for @frames of them. */
static void
wait_until_steady (GtkTextView *view,
                   double     (*measure) (GtkAdjustment *adjustment),
                   guint        frames)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  double last = -1;
  guint same = 0;
  guint n = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &n);
  while (same < frames)
    {
      guint seen = n;

      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_until (n > seen);
      if (measure (adj) == last)
        same++;
      else
        same = 0;
      last = measure (adj);
    }
  g_signal_handler_disconnect (clock, id);
}

/* Runs frames until the text's height in the scrollbar has not changed for
 * twenty of them: GTK has measured the lines (it does so in idle steps). */
static void
wait_for_layout (GtkTextView *view)
{
  wait_until_steady (view, gtk_adjustment_get_upper, 20);
}

static void
visible_range (GtkTextView *view,
               int         *start,
               int         *end)
{
  GdkRectangle rect;
  GtkTextIter s, e;

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_line_at_y (view, &s, rect.y, NULL);
  gtk_text_view_get_line_at_y (view, &e, rect.y + rect.height - 1, NULL);
  gtk_text_iter_forward_to_line_end (&e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

/* Asserts that the last character of @view's buffer is on screen: its
 * line may be taller than the page, so the line's range is not enough. */
static void
assert_end_on_screen (GtkTextView *view)
{
  GtkTextIter end;
  GdkRectangle visible, location;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_iter_location (view, &end, &location);
  gtk_text_view_get_visible_rect (view, &visible);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    g_error ("the end (y %d to %d) is off the page (y %d to %d)", location.y,
             location.y + location.height, visible.y, visible.y + visible.height);
}

/* A plain text of @n_paragraphs paragraphs of @n_sentences sentences each
 * in @dir, each paragraph opening with @opening if not NULL. */
static GFile *
opening_text_file (const char *dir,
                   guint       n_paragraphs,
                   guint       n_sentences,
                   const char *opening)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;

  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (opening != NULL)
        g_string_append (text, opening);
      for (guint j = 0; j < n_sentences; j++)
        g_string_append_printf (text, "In paragraph %u the committee was a swamp in which every "
                                "proposal sank, and the minutes recorded each of them. ", i);
      g_string_append (text, "\n\n");
    }
  path = write_file (dir, "long.txt", text->str);
  return g_file_new_for_path (path);
}

static GFile *
text_file (const char *dir,
           guint       n_paragraphs,
           guint       n_sentences)
{
  return opening_text_file (dir, n_paragraphs, n_sentences, NULL);
}

static GFile *
long_text_file (const char *dir)
{
  return text_file (dir, N_PARAGRAPHS, N_SENTENCES);
}

static void
test_end_stays (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PeithoWindow *window;
  PeithoHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GtkTextIter iter;
  int length, vs, ve;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  file = long_text_file (dir);

  /* Ctrl+End at once, before GTK has measured the lines above. */
  window = open_sized_window (file, 900, 600);
  buffer = _peitho_window_get_buffer_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  wait_for_paint (GTK_WIDGET (view));
  length = gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpint (length, ==, (int) peitho_document_get_length (peitho_window_get_document (window)));

  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  wait_for_layout (view);

  /* The end is still on screen. */
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);
  g_assert_cmpint (vs, >, length / 2);
  assert_end_on_screen (view);

  /* A tag action there is styled there. */
  tag (window, length - 40, length - 10, "metaphor");
  wait_until (peitho_highlighter_is_styled (highlighter, vs, ve));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, length - 20);
  g_assert_true (gtk_text_iter_has_tag (&iter, peitho_highlighter_get_text_tag (highlighter, "metaphor")));
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

static void
value_changed_cb (GtkAdjustment *adjustment,
                  GArray        *values)
{
  double value = gtk_adjustment_get_value (adjustment);

  g_array_append_val (values, value);
}

/* Runs @jump and checks that @view went straight to where it ended: every
 * scroll position it passed through is within a page of the last. */
static void
assert_lands_at_once (GtkTextView *view,
                      void       (*jump) (gpointer data),
                      gpointer     data)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double page = gtk_adjustment_get_page_size (adj);
  gulong id = g_signal_connect (adj, "value-changed", G_CALLBACK (value_changed_cb), values);

  jump (data);
  wait_until_steady (view, gtk_adjustment_get_value, 10);
  g_signal_handler_disconnect (adj, id);
  g_assert_cmpuint (values->len, >, 0);
  for (guint i = 0; i < values->len; i++)
    g_assert_cmpfloat (ABS (g_array_index (values, double, i) - gtk_adjustment_get_value (adj)),
                       <=, page);
}

static void
press_ctrl_end (gpointer view)
{
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
}

static void
press_ctrl_home (gpointer view)
{
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
}

/* A passage at the end, as the passage list selects it. */
static void
select_passage_at_end (gpointer annotation_view)
{
  GtkSourceView *view = peitho_annotation_view_get_source_view (annotation_view);
  int length = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  peitho_annotation_view_select_range (annotation_view, length - 40, length - 10);
}

/* Emits "scroll" by @dy on @widget's controller named peitho-jump-release,
 * as a wheel turned over it does; FALSE if it has none. */
static gboolean
emit_scroll (GtkWidget *widget,
             double     dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "peitho-jump-release") != 0)
        continue;
      g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
      return TRUE;
    }
  return FALSE;
}

/* A far jump lands before GTK has measured the lines around its target,
 * and GTK scrolls the rest of the way in an animation, which measuring
 * the lines above stops where it is (four lines short of the end of the
 * benchmark's document). The target is held on the page while frames
 * follow: here the page is moved off it as that stop does. */
static void
test_jump_settles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = long_text_file (dir);
  GtkAdjustment *adjustment;
  PeithoWindow *window;
  GtkTextView *view;
  GdkRectangle visible;

  window = open_sized_window (file, 900, 600);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  wait_for_paint (GTK_WIDGET (view));
  wait_for_layout (view);

  press_ctrl_end (view);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - visible.height / 2);
  for (guint i = 0; i < 10; i++)
    wait_for_paint (GTK_WIDGET (view));
  assert_end_on_screen (view);

  /* A reader who scrolls at once is not taken back. */
  press_ctrl_home (view);
  wait_for_layout (view);
  press_ctrl_end (view);
  g_assert_true (emit_scroll (GTK_WIDGET (view), -1));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - visible.height);
  for (guint i = 0; i < 10; i++)
    wait_for_paint (GTK_WIDGET (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
                     - visible.height / 2);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Ctrl+End, Ctrl+Home and a passage chosen far away land at once, where
 * GTK alone animates the scroll through every page in between. */
static void
test_far_jumps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = long_text_file (dir);
  PeithoWindow *window;
  PeithoAnnotationView *annotation_view;
  GtkTextView *view;
  gboolean animations;
  int length, vs, ve;

  /* GTK animates scrolls only with animations on, as they are by default. */
  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &animations, NULL);
  g_assert_true (animations);

  window = open_sized_window (file, 900, 600);
  annotation_view = _peitho_window_get_view_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (annotation_view));
  wait_for_paint (GTK_WIDGET (view));
  wait_for_layout (view);
  length = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view));
  visible_range (view, &vs, &ve);
  g_assert_cmpint (vs, ==, 0);

  assert_lands_at_once (view, press_ctrl_end, view);
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);
  assert_end_on_screen (view);

  assert_lands_at_once (view, press_ctrl_home, view);
  visible_range (view, &vs, &ve);
  g_assert_cmpint (vs, ==, 0);

  assert_lands_at_once (view, select_passage_at_end, annotation_view);
  visible_range (view, &vs, &ve);
  g_assert_cmpint (vs, <=, length - 40);
  g_assert_cmpint (ve, >=, length - 10);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Stands for a main loop that always has a frame to draw (a fast scroll). */
static gboolean
count_cb (gpointer user_data)
{
  guint *n = user_data;

  (*n)++;
  return G_SOURCE_CONTINUE;
}

/* The lines from the one at @top to the one at @bottom, as offsets. */
static void
styled_range (GtkTextView *view,
              int          top,
              int          bottom,
              int         *start,
              int         *end)
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

/* A passage chosen in the middle of the text, while there is always a frame
 * to draw: its page is styled before GTK lays out and draws, the pages
 * above and below it (styled ahead of scrolling) only once there is no
 * frame left to draw. A fast scroll passes such margins by, and its frames
 * must not wait for them. */
static void
test_page_before_margin (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = text_file (dir, 2000, 3);
  PeithoWindow *window;
  PeithoAnnotationView *annotation_view;
  PeithoHighlighter *highlighter;
  GtkTextView *view;
  GdkRectangle rect;
  guint busy_id, n_busy = 0;
  int length, vs, ve, ps, pe, ms, me;

  window = open_sized_window (file, 1400, 900);
  annotation_view = _peitho_window_get_view_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (annotation_view));
  wait_for_paint (GTK_WIDGET (view));
  wait_for_layout (view);
  length = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view));
  /* The margin of the first page did not reach far down while GTK had
   * not measured the lines below it. */
  g_assert_false (peitho_highlighter_is_styled (highlighter, length / 2, length / 2 + 10));

  busy_id = g_idle_add_full (GDK_PRIORITY_REDRAW, count_cb, &n_busy, NULL);
  peitho_annotation_view_select_range (annotation_view, length / 2, length / 2 + 10);
  /* Not wait_until(): it runs until nothing is left to do. */
  while (n_busy < 20)
    g_main_context_iteration (NULL, TRUE);
  visible_range (view, &vs, &ve);
  g_assert_cmpint (vs, <=, length / 2);
  g_assert_cmpint (ve, >=, length / 2 + 10);
  /* The page and the margin as the view asks for them: whole lines, from
   * the one at the top to the one at the bottom. */
  gtk_text_view_get_visible_rect (view, &rect);
  styled_range (view, rect.y, rect.y + rect.height, &ps, &pe);
  styled_range (view, rect.y - rect.height, rect.y + 2 * rect.height, &ms, &me);
  /* The highlighter styles in chunks of 2,048 characters: the page and the
   * pages above and below it touch more of them than the page alone. */
  g_assert_cmpint ((me - 1) / 2048 - ms / 2048, >, (pe - 1) / 2048 - ps / 2048);

  g_assert_true (peitho_highlighter_is_styled (highlighter, ps, pe));
  g_assert_false (peitho_highlighter_is_styled (highlighter, ms, me));
  g_source_remove (busy_id);
  wait_until (peitho_highlighter_is_styled (highlighter, ms, me));

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Overlap underlines, as the view draws them and as a walk over every
 * character says they must be: one bar per display line of each run where
 * the overlap tag is on, two where three or more highlights meet. */

typedef struct {
  int x, y, width, height;
} Bar;

static int
bar_compare (gconstpointer a,
             gconstpointer b)
{
  const Bar *ba = a, *bb = b;

  if (ba->y != bb->y)
    return ba->y < bb->y ? -1 : 1;
  if (ba->x != bb->x)
    return ba->x < bb->x ? -1 : 1;
  return ba->width - bb->width;
}

typedef struct {
  GtkTextTag *tag;
  GdkRGBA     color;
  gboolean    found;
} OverlapColor;

static void
overlap_color_cb (GtkTextTag    *tag,
                  const GdkRGBA *color,
                  gpointer       user_data)
{
  OverlapColor *wanted = user_data;

  if (tag == wanted->tag)
    {
      wanted->color = *color;
      wanted->found = TRUE;
    }
}

/* GTK passes a highlight's colour through Pango's 16 bits a channel. */
static gboolean
rgba_near (const GdkRGBA *a,
           const GdkRGBA *b)
{
  return ABS (a->red - b->red) < 1e-3 && ABS (a->green - b->green) < 1e-3 &&
         ABS (a->blue - b->blue) < 1e-3 && ABS (a->alpha - b->alpha) < 1e-3;
}

/* The colour rectangles of @node (in widget coordinates, translations
 * followed) that are @color and, unless @height is 0, @height pixels high
 * (2 for the underlines). */
static void
collect_rects (GskRenderNode *node,
               const GdkRGBA *color,
               float          height,
               float          dx,
               float          dy,
               GArray        *bars)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_rects (gsk_container_node_get_child (node, i), color, height, dx, dy, bars);
      break;
    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx = 0, ty = 0;

        if (gsk_transform_get_category (transform) >= GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
          gsk_transform_to_translate (transform, &tx, &ty);
        else
          break;   /* nothing of the text view is scaled or rotated */
        collect_rects (gsk_transform_node_get_child (node), color, height, dx + tx, dy + ty, bars);
      }
      break;
    case GSK_CLIP_NODE:
      collect_rects (gsk_clip_node_get_child (node), color, height, dx, dy, bars);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_rects (gsk_rounded_clip_node_get_child (node), color, height, dx, dy, bars);
      break;
    case GSK_OPACITY_NODE:
      collect_rects (gsk_opacity_node_get_child (node), color, height, dx, dy, bars);
      break;
    case GSK_DEBUG_NODE:
      collect_rects (gsk_debug_node_get_child (node), color, height, dx, dy, bars);
      break;
    case GSK_COLOR_NODE:
      {
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        if (rgba_near (gsk_color_node_get_color (node), color) &&
            (height == 0 || bounds.size.height == height))
          {
            Bar bar = { (int) (bounds.origin.x + dx), (int) (bounds.origin.y + dy),
                        (int) bounds.size.width, (int) bounds.size.height };

            g_array_append_val (bars, bar);
          }
      }
      break;
    default:
      break;
    }
}

static void
add_expected_bar (GtkTextView *view,
                  GArray      *bars,
                  int          x0,
                  int          x1,
                  int          bottom,
                  gboolean     twice)
{
  Bar bar;

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, x0, bottom - 2, &bar.x, &bar.y);
  bar.width = x1 - x0;
  bar.height = 2;
  g_array_append_val (bars, bar);
  if (twice)
    {
      bar.y -= 4;
      g_array_append_val (bars, bar);
    }
}

/* The reference: every character of every run of @tag, grouped by display
 * line and by whether @many is on. */
static void
expected_bars (GtkTextView *view,
               GtkTextTag  *tag,
               GtkTextTag  *many,
               GArray      *bars)
{
  GtkTextIter iter;
  gboolean open = FALSE, twice = FALSE;
  int x0 = 0, x1 = 0, y = 0, bottom = 0;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  do
    {
      GdkRectangle rect;
      gboolean on = gtk_text_iter_has_tag (&iter, tag);
      gboolean iter_twice = gtk_text_iter_has_tag (&iter, many);

      if (on)
        gtk_text_view_get_iter_location (view, &iter, &rect);
      if (open && (!on || rect.y != y || iter_twice != twice))
        {
          add_expected_bar (view, bars, x0, x1, bottom, twice);
          open = FALSE;
        }
      if (on && !open)
        {
          open = TRUE;
          x0 = rect.x;
          x1 = rect.x + rect.width;
          y = rect.y;
          bottom = rect.y + rect.height;
          twice = iter_twice;
        }
      else if (on)
        x1 = MAX (x1, rect.x + rect.width);
    }
  while (gtk_text_iter_forward_char (&iter));
  if (open)
    add_expected_bar (view, bars, x0, x1, bottom, twice);
}

/* Compares the underlines drawn in @node for @tag_id's overlap tag with the
 * reference; returns how many of them are doubled. */
static guint
assert_underlines (GtkTextView       *view,
                   PeithoHighlighter *highlighter,
                   GskRenderNode     *node,
                   const char        *tag_id)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Bar));
  OverlapColor wanted = { 0, };
  guint n_twice = 0;

  wanted.tag = peitho_highlighter_get_overlap_tag (highlighter, tag_id);
  peitho_highlighter_foreach_overlap_tag (highlighter, overlap_color_cb, &wanted);
  g_assert_true (wanted.found);

  collect_rects (node, &wanted.color, 2, 0, 0, drawn);
  expected_bars (view, wanted.tag, peitho_highlighter_get_overlap_many_tag (highlighter), expected);
  g_array_sort (drawn, bar_compare);
  g_array_sort (expected, bar_compare);

  g_assert_cmpuint (drawn->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      Bar *d = &g_array_index (drawn, Bar, i), *e = &g_array_index (expected, Bar, i);

      if (d->x != e->x || d->y != e->y || d->width != e->width)
        g_error ("%s: bar %u drawn at %d,%d, %d wide; expected at %d,%d, %d wide",
                 tag_id, i, d->x, d->y, d->width, e->x, e->y, e->width);
      for (guint j = 0; j < expected->len; j++)
        if (g_array_index (expected, Bar, j).x == e->x && g_array_index (expected, Bar, j).y == e->y + 4)
          n_twice++;
    }
  return n_twice;
}

/* A plain text view, narrow, in a window shown and drawn: a paragraph of
 * @n_sentences that wraps over many display lines, then @second. */
static GtkWidget *
present_wrapped_view (guint        n_sentences,
                      const char  *second,
                      GtkWidget  **view_out)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  for (guint j = 0; j < n_sentences; j++)
    g_string_append (text, "The committee was a swamp in which every proposal sank. ");
  g_string_append_printf (text, "\n%s\n", second);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, -1);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (view);
  *view_out = view;
  return window;
}

/* The display lines of a wrapped paragraph: every character's location is
 * on the display line peitho_display_lines_find() gives for it. */
static void
test_display_lines (void)
{
  GtkWidget *view;
  GtkWidget *window = present_wrapped_view (12, "A second paragraph.", &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GArray) lines = NULL;
  GtkTextIter iter;
  int previous_y = G_MININT;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  lines = peitho_display_lines_new (GTK_TEXT_VIEW (view), &iter);
  g_assert_cmpuint (lines->len, >=, 5);
  for (guint i = 0; i < lines->len; i++)
    {
      const PeithoDisplayLine *line = &g_array_index (lines, PeithoDisplayLine, i);

      g_assert_cmpint (line->y, >, previous_y);
      g_assert_cmpint (line->height, >, 0);
      previous_y = line->y;
    }
  /* Every character of the paragraph, its newline included. */
  do
    {
      GdkRectangle rect;
      const PeithoDisplayLine *line = peitho_display_lines_find (lines, gtk_text_iter_get_offset (&iter));

      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
      if (rect.y != line->y)
        g_error ("character %d is at y %d, its display line at %d", gtk_text_iter_get_offset (&iter),
                 rect.y, line->y);
    }
  while (!gtk_text_iter_ends_line (&iter) && gtk_text_iter_forward_char (&iter));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 0);

  /* Within a frame the lines are worked out once and shared; an edit
   * (here, the paragraph cut to one display line) empties the cache at once. */
  {
    g_autoptr(GArray) shared = NULL;
    g_autoptr(GArray) again = NULL;
    g_autoptr(GArray) edited = NULL;
    GtkTextIter cut_start, cut_end;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    shared = peitho_display_lines_dup_for_frame (GTK_TEXT_VIEW (view), &iter);
    again = peitho_display_lines_dup_for_frame (GTK_TEXT_VIEW (view), &iter);
    g_assert_true (shared == again);
    g_assert_cmpuint (shared->len, ==, lines->len);
    g_assert_cmpmem (shared->data, shared->len * sizeof (PeithoDisplayLine),
                     lines->data, lines->len * sizeof (PeithoDisplayLine));

    gtk_text_buffer_get_iter_at_offset (buffer, &cut_start, 10);
    cut_end = cut_start;
    gtk_text_iter_forward_to_line_end (&cut_end);
    gtk_text_buffer_delete (buffer, &cut_start, &cut_end);
    gtk_text_buffer_get_start_iter (buffer, &iter);
    edited = peitho_display_lines_dup_for_frame (GTK_TEXT_VIEW (view), &iter);
    g_assert_true (edited != shared);
    g_assert_cmpuint (edited->len, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a new frame, the display lines of paragraph @line that frames share
 * are those GTK has now. */
static void
assert_frame_lines_fresh (GtkTextView *view,
                          int          line)
{
  g_autoptr(GArray) shared = NULL;
  g_autoptr(GArray) fresh = NULL;
  GtkTextIter iter;

  wait_for_paint (GTK_WIDGET (view));
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  shared = peitho_display_lines_dup_for_frame (view, &iter);
  fresh = peitho_display_lines_new (view, &iter);
  g_assert_cmpuint (shared->len, ==, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      const PeithoDisplayLine *s = &g_array_index (shared, PeithoDisplayLine, i);
      const PeithoDisplayLine *f = &g_array_index (fresh, PeithoDisplayLine, i);

      if (s->offset != f->offset || s->y != f->y || s->height != f->height)
        g_error ("paragraph %d, display line %u: kept at %d, y %d, %d high; GTK has %d, y %d, %d high",
                 line, i, s->offset, s->y, s->height, f->offset, f->y, f->height);
    }
}

/* The display lines kept from frame to frame follow whatever moves them: a
 * font over part of a paragraph (which moves the next one down), another
 * width, another spacing, an edit above. */
static void
test_display_lines_kept (void)
{
  GtkWidget *view;
  GtkWidget *window = present_wrapped_view (12, "A second paragraph, and one that wraps once or twice "
                                            "in a narrow view.", &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *big = gtk_text_buffer_create_tag (buffer, NULL, "scale", 1.6, NULL);
  GtkTextIter s, e;

  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 0);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);

  /* Nothing changed: the same again, from what was kept. */
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 0);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);

  gtk_text_buffer_get_iter_at_offset (buffer, &s, 30);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 200);
  gtk_text_buffer_apply_tag (buffer, big, &s, &e);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 0);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);

  gtk_widget_set_size_request (view, 420, -1);
  wait_until (gtk_widget_get_width (view) >= 420);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 0);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);

  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 6);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 0);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);

  gtk_text_buffer_get_start_iter (buffer, &s);
  gtk_text_buffer_insert (buffer, &s, "A new first line.\n", -1);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 1);
  assert_frame_lines_fresh (GTK_TEXT_VIEW (view), 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What @view draws now, as a GtkWidgetPaintable takes it outside the frame
 * cycle. */
static GskRenderNode *
snapshot_view (GtkTextView *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (GTK_WIDGET (view)),
                          gtk_widget_get_height (GTK_WIDGET (view)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* Runs frames until one after now has drawn every overlap underline on
 * screen (some may come a frame or two later, PeithoSourceView). */
static void
wait_for_underlines (GtkTextView *view)
{
  wait_for_paint (GTK_WIDGET (view));
  wait_until (peitho_source_view_get_underlines_complete (PEITHO_SOURCE_VIEW (view)));
}

/* A paragraph that wraps over many display lines, and a short one, in
 * @dir; @length is set to the text's. */
static GFile *
wrapped_text_file (const char *dir,
                   int        *length)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;

  for (guint j = 0; j < 9; j++)
    g_string_append (text, "The committee was a swamp in which every proposal sank, "
                           "and the minutes recorded each of them with care. ");
  g_string_append (text, "\n\nAnd then it rose again.\n");
  path = write_file (dir, "wrapped.txt", text->str);
  *length = (int) text->len;
  return g_file_new_for_path (path);
}

/* Metaphor under irony over most of the first paragraph (underlined in
 * metaphor's colour); ethos on top of both across a wrap (irony's,
 * doubled); and ethos over the paragraph's end and the next one. */
static void
tag_overlaps (PeithoWindow *window,
              int           length)
{
  tag (window, 10, 700, "metaphor");
  tag (window, 40, 660, "irony");
  tag (window, 200, 330, "ethos");
  tag (window, 640, length - 5, "ethos");
}

/* The rectangles of @tag_id's highlight colour that @view draws now, in
 * widget coordinates. */
static GArray *
highlights_drawn (GtkTextView       *view,
                  PeithoHighlighter *highlighter,
                  const char        *tag_id)
{
  g_autoptr(GskRenderNode) node = snapshot_view (view);
  g_autoptr(GdkRGBA) color = NULL;
  GArray *drawn = g_array_new (FALSE, FALSE, sizeof (Bar));

  g_object_get (peitho_highlighter_get_text_tag (highlighter, tag_id), "background-rgba", &color, NULL);
  g_assert_nonnull (color);
  collect_rects (node, color, 0, 0, 0, drawn);
  return drawn;
}

/* Checks that every paragraph on screen that @tag_id covers whole shows
 * that highlight on its part of the screen; returns how many there are. */
static guint
assert_highlights_drawn (GtkTextView       *view,
                         PeithoHighlighter *highlighter,
                         const char        *tag_id)
{
  g_autoptr(GArray) drawn = highlights_drawn (view, highlighter, tag_id);
  GtkTextTag *text_tag = peitho_highlighter_get_text_tag (highlighter, tag_id);
  GdkRectangle visible;
  GtkTextIter line;
  guint n_checked = 0;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &line, visible.y, NULL);
  for (;;)
    {
      int y, height, top, bottom, found = FALSE;

      gtk_text_view_get_line_yrange (view, &line, &y, &height);
      if (y >= visible.y + visible.height)
        break;
      top = MAX (y, visible.y);
      bottom = MIN (y + height, visible.y + visible.height);
      if (gtk_text_iter_has_tag (&line, text_tag) && bottom - top > 20)
        {
          for (guint i = 0; i < drawn->len && !found; i++)
            {
              const Bar *rect = &g_array_index (drawn, Bar, i);
              int bx, by;

              gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, rect->x, rect->y,
                                                     &bx, &by);
              found = by >= top && by < bottom;
            }
          if (!found)
            g_error ("line %d (%d to %d on screen) shows no highlight of %s among %u",
                     gtk_text_iter_get_line (&line), top, bottom, tag_id, drawn->len);
          n_checked++;
        }
      if (!gtk_text_iter_forward_line (&line))
        break;
    }
  return n_checked;
}

/* The page a far jump lands on is drawn with its highlights. GTK 4.8
 * finds the lines a colour changes on by their place on the page, from
 * a little above a paragraph whose ink reaches left of its first column
 * (the J of "Justice" in a serif face): with the line above it off the
 * page, it finds nothing and keeps the look from before (PeithoSourceView's
 * relayout_styled()). Every paragraph here opens with such a J. */
static void
test_highlights_after_jump (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = opening_text_file (dir, N_PARAGRAPHS, N_SENTENCES,
                                             "Justice, jury and judges. ");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GArray) drawn = NULL;
  PeithoWindow *window;
  PeithoAnnotationView *annotation_view;
  PeithoHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  int length, vs, ve;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  window = open_sized_window (file, 900, 600);
  annotation_view = _peitho_window_get_view_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  buffer = _peitho_window_get_buffer_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (annotation_view));
  wait_for_paint (GTK_WIDGET (view));
  length = gtk_text_buffer_get_char_count (buffer);

  /* Metaphor over each of the last paragraphs, and irony over part of
   * them, tagged while their page is far from the screen. */
  for (guint i = N_PARAGRAPHS - 12; i < N_PARAGRAPHS; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_line (buffer, &start, (int) (2 * i));
      end = start;
      gtk_text_iter_forward_to_line_end (&end);
      tag (window, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end), "metaphor");
      tag (window, gtk_text_iter_get_offset (&start) + 300, gtk_text_iter_get_offset (&start) + 900,
           "irony");
    }

  /* Ctrl+End before GTK has measured the lines above. */
  press_ctrl_end (view);
  wait_for_layout (view);
  visible_range (view, &vs, &ve);
  g_assert_cmpint (ve, ==, length);
  assert_end_on_screen (view);
  wait_until (peitho_highlighter_is_styled (highlighter, vs, ve));
  wait_for_underlines (view);
  g_assert_cmpuint (assert_highlights_drawn (view, highlighter, "metaphor"), >=, 1);

  /* The same for a passage chosen in the list, from the top. */
  press_ctrl_home (view);
  wait_for_layout (view);
  drawn = highlights_drawn (view, highlighter, "metaphor");
  g_assert_cmpuint (drawn->len, ==, 0);
  select_passage_at_end (annotation_view);
  wait_for_layout (view);
  visible_range (view, &vs, &ve);
  wait_until (peitho_highlighter_is_styled (highlighter, vs, ve));
  wait_for_underlines (view);
  g_assert_cmpuint (assert_highlights_drawn (view, highlighter, "metaphor"), >=, 1);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* A passage tagged, its tag undone and redone in the middle of a
 * paragraph taller than the page: the page shows each change at once.
 * The paragraphs open with a J whose ink reaches left of the first column
 * and the line above is off the page: GTK 4.8 alone finds no line to
 * draw again for any of the three (test_highlights_after_jump()). */
static void
test_highlight_changes_on_tall_paragraph (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = opening_text_file (dir, 40, N_SENTENCES, "Justice, jury and judges. ");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GArray) drawn = NULL;
  PeithoWindow *window;
  PeithoAnnotationView *annotation_view;
  PeithoHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GtkTextIter first;
  int vs, ve, y, height;
  GdkRectangle visible;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  window = open_sized_window (file, 900, 600);
  annotation_view = _peitho_window_get_view_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  buffer = _peitho_window_get_buffer_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (annotation_view));
  wait_for_paint (GTK_WIDGET (view));

  press_ctrl_end (view);
  wait_for_layout (view);
  visible_range (view, &vs, &ve);
  wait_until (peitho_highlighter_is_styled (highlighter, vs, ve));
  wait_for_underlines (view);

  /* The page is inside the last paragraph. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &first, vs);
  gtk_text_view_get_line_yrange (view, &first, &y, &height);
  g_assert_cmpint (y, <, visible.y);
  g_assert_cmpint (y + height, >=, visible.y + visible.height);

  tag (window, vs, ve, "metaphor");
  wait_for_underlines (view);
  g_assert_cmpuint (assert_highlights_drawn (view, highlighter, "metaphor"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_underlines (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &first, vs);
  g_assert_false (gtk_text_iter_has_tag (&first, peitho_highlighter_get_text_tag (highlighter, "metaphor")));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&first, peitho_highlighter_get_text_tag (highlighter, "metaphor")));
  drawn = highlights_drawn (view, highlighter, "metaphor");
  g_assert_cmpuint (drawn->len, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  wait_for_underlines (view);
  g_assert_cmpuint (assert_highlights_drawn (view, highlighter, "metaphor"), ==, 1);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

static void
test_overlap_underlines (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GskRenderNode) node = NULL;
  PeithoWindow *window;
  PeithoHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GtkTextIter s, e;
  GdkRectangle rs, re;
  guint n_twice;
  int length;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  file = wrapped_text_file (dir, &length);
  window = open_sized_window (file, 1200, 800);
  buffer = _peitho_window_get_buffer_for_testing (window);
  highlighter = _peitho_window_get_highlighter_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));

  tag_overlaps (window, length);
  wait_until (peitho_highlighter_is_styled (highlighter, 0, length));
  wait_for_underlines (view);

  /* The overlaps run over several display lines, as this is to test. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 40);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 660);
  gtk_text_view_get_iter_location (view, &s, &rs);
  gtk_text_view_get_iter_location (view, &e, &re);
  g_assert_cmpint (re.y - rs.y, >=, 3 * rs.height);

  node = snapshot_view (view);
  n_twice = assert_underlines (view, highlighter, node, "metaphor");
  g_assert_cmpuint (n_twice, ==, 0);
  n_twice = assert_underlines (view, highlighter, node, "irony");
  g_assert_cmpuint (n_twice, >=, 2);   /* ethos on top wraps */
  assert_underlines (view, highlighter, node, "ethos");
  g_clear_pointer (&node, gsk_render_node_unref);

  /* The bars are kept from frame to frame: a new highlight in the same
   * paragraph (anaphora over metaphor alone, so metaphor's underline grows
   * a piece) must show at once, and the others stay where they were. */
  tag (window, 670, 695, "anaphora");
  wait_until (peitho_highlighter_is_styled (highlighter, 0, length));
  wait_for_underlines (view);
  node = snapshot_view (view);
  assert_underlines (view, highlighter, node, "metaphor");
  assert_underlines (view, highlighter, node, "irony");
  assert_underlines (view, highlighter, node, "ethos");

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

static guint
n_bars_in (GskRenderNode     *node,
           PeithoHighlighter *highlighter,
           const char        *tag_id)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Bar));
  OverlapColor wanted = { 0, };

  wanted.tag = peitho_highlighter_get_overlap_tag (highlighter, tag_id);
  peitho_highlighter_foreach_overlap_tag (highlighter, overlap_color_cb, &wanted);
  g_assert_true (wanted.found);
  collect_rects (node, &wanted.color, 2, 0, 0, drawn);
  return drawn->len;
}

typedef struct {
  PeithoSourceView  *view;
  PeithoHighlighter *highlighter;
  GArray            *complete;   /* gboolean per frame */
  GArray            *n_bars;     /* guint per frame: metaphor's and irony's */
  GArray            *tops;       /* int per frame: the visible rectangle's */
} Frames;

/* Just after a frame, the widget's paintable gives the node it drew. */
static void
record_frame_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  g_autoptr(GskRenderNode) node = snapshot_view (GTK_TEXT_VIEW (frames->view));
  gboolean complete = peitho_source_view_get_underlines_complete (frames->view);
  guint n = n_bars_in (node, frames->highlighter, "metaphor")
            + n_bars_in (node, frames->highlighter, "irony");

  GdkRectangle visible;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (frames->view), &visible);
  g_array_append_val (frames->complete, complete);
  g_array_append_val (frames->n_bars, n);
  g_array_append_val (frames->tops, visible.y);
}

/* A frame with no time for the overlap bars of a page never seen before
 * (a fast scroll's) leaves them out; they are worked out between frames
 * and a later frame draws them all. */
static void
test_underlines_between_frames (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) n_bars = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (int));
  PeithoWindow *window;
  GtkTextView *view;
  GdkFrameClock *clock;
  Frames frames;
  guint n_before;
  int length;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  file = wrapped_text_file (dir, &length);
  window = open_sized_window (file, 1200, 800);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  frames = (Frames) { PEITHO_SOURCE_VIEW (view), _peitho_window_get_highlighter_for_testing (window),
                      complete, n_bars, tops };
  tag_overlaps (window, length);
  wait_until (peitho_highlighter_is_styled (frames.highlighter, 0, length));
  wait_for_underlines (view);
  node = snapshot_view (view);
  n_before = n_bars_in (node, frames.highlighter, "metaphor") + n_bars_in (node, frames.highlighter, "irony");
  g_assert_cmpuint (n_before, >, 0);
  g_clear_pointer (&node, gsk_render_node_unref);

  /* No time in a frame, and another margin: every bar kept is off by it. */
  _peitho_source_view_set_bars_budget_for_testing (frames.view, 0);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  g_signal_connect (clock, "after-paint", G_CALLBACK (record_frame_cb), &frames);
  gtk_text_view_set_left_margin (view, gtk_text_view_get_left_margin (view) + 7);
  wait_until (complete->len > 0 && g_array_index (complete, gboolean, complete->len - 1));
  g_signal_handlers_disconnect_by_func (clock, record_frame_cb, &frames);

  /* The first frame drew none, the last all, where they belong (the
   * narrower text may wrap once more). */
  g_assert_cmpuint (complete->len, >=, 2);
  g_assert_false (g_array_index (complete, gboolean, 0));
  g_assert_cmpuint (g_array_index (n_bars, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (n_bars, guint, n_bars->len - 1), >=, n_before);
  node = snapshot_view (view);
  assert_underlines (view, frames.highlighter, node, "metaphor");
  assert_underlines (view, frames.highlighter, node, "irony");
  assert_underlines (view, frames.highlighter, node, "ethos");

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

typedef struct {
  Frames  frames;
  GArray *styled;   /* gboolean: the highlighter had styled the text */
  int     length;
} ShownFrames;

/* Frames once the view is on screen (the window shows "Opening…" first). */
static void
record_shown_frame_cb (GdkFrameClock *clock,
                       ShownFrames   *shown)
{
  gboolean styled;

  if (!gtk_widget_get_mapped (GTK_WIDGET (shown->frames.view)))
    return;
  styled = peitho_highlighter_is_styled (shown->frames.highlighter, 0, shown->length);
  g_array_append_val (shown->styled, styled);
  record_frame_cb (clock, &shown->frames);
}

/* A text opened with no time in a frame for the overlap bars: its first
 * page is still drawn whole, once styled, by the frame that shows it. */
static void
test_underlines_first_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "overlaps.xml", NULL);
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) n_bars = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) styled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GError) error = NULL;
  PeithoWindow *window;
  GtkTextView *view;
  GdkFrameClock *clock;
  ShownFrames shown;
  guint first_styled = G_MAXUINT;
  guint last;
  int length;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  text_file = wrapped_text_file (dir, &length);
  window = open_sized_window (text_file, 1200, 800);
  tag_overlaps (window, length);
  g_assert_true (peitho_tei_write_file (peitho_window_get_document (window), file,
                                        PEITHO_TEI_STANDOFF, FALSE, NULL, &error));
  g_assert_no_error (error);
  destroy_window (window);

  window = peitho_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  _peitho_source_view_set_bars_budget_for_testing (PEITHO_SOURCE_VIEW (view), 0);
  shown = (ShownFrames) { { PEITHO_SOURCE_VIEW (view), _peitho_window_get_highlighter_for_testing (window),
                            complete, n_bars, tops }, styled, length };
  wait_until (gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (record_shown_frame_cb), &shown);
  peitho_window_open_file (window, file);
  wait_for (window);
  wait_until (complete->len > 0 && g_array_index (styled, gboolean, styled->len - 1)
              && g_array_index (complete, gboolean, complete->len - 1)
              && g_array_index (n_bars, guint, n_bars->len - 1) > 0);
  g_signal_handlers_disconnect_by_func (clock, record_shown_frame_cb, &shown);
  last = complete->len - 1;

  /* The first frame of the styled text drew every bar of the page. */
  for (guint i = 0; i <= last && first_styled == G_MAXUINT; i++)
    if (g_array_index (styled, gboolean, i))
      first_styled = i;
  g_assert_cmpuint (first_styled, <=, last);
  g_assert_true (g_array_index (complete, gboolean, first_styled));
  g_assert_cmpuint (g_array_index (n_bars, guint, first_styled), ==,
                    g_array_index (n_bars, guint, last));

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Scrolls @view by @dy pixels and runs frames, recording each, until one
 * has drawn every underline on screen; returns the index of the first frame
 * that showed the new place. */
static guint
scroll_and_record (GtkTextView *view,
                   Frames      *frames,
                   double       dy)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  GdkRectangle visible;
  guint first;

  gtk_text_view_get_visible_rect (view, &visible);
  g_array_set_size (frames->complete, 0);
  g_array_set_size (frames->n_bars, 0);
  g_array_set_size (frames->tops, 0);
  g_signal_connect (clock, "after-paint", G_CALLBACK (record_frame_cb), frames);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy);
  wait_until (frames->complete->len > 0
              && g_array_index (frames->tops, int, frames->tops->len - 1) != visible.y
              && g_array_index (frames->complete, gboolean, frames->complete->len - 1));
  g_signal_handlers_disconnect_by_func (clock, record_frame_cb, frames);

  for (first = 0; g_array_index (frames->tops, int, first) == visible.y; first++)
    ;
  return first;
}

/* A frame that scrolls to a page never seen before leaves its overlap bars
 * to the time after it, and a later frame draws them; the half page above
 * and below is worked out then too, so that a short scroll finds its bars
 * ready and draws them at once. */
static void
test_underlines_after_scroll (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) n_bars = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (int));
  GtkAdjustment *adj;
  PeithoWindow *window;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GdkRectangle visible;
  Frames frames;
  guint first;
  const guint n_paragraphs = 300;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  /* Short paragraphs: a third of a page brings several new ones. */
  file = text_file (dir, n_paragraphs, 2);
  window = open_sized_window (file, 1200, 800);
  buffer = _peitho_window_get_buffer_for_testing (window);
  view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  frames = (Frames) { PEITHO_SOURCE_VIEW (view), _peitho_window_get_highlighter_for_testing (window),
                      complete, n_bars, tops };
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  /* Metaphor under irony in each of the last 80 paragraphs (two lines of
   * text and a blank line each): the last page and more above it. */
  for (guint i = n_paragraphs - 80; i < n_paragraphs; i++)
    {
      GtkTextIter iter;
      int start;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) (2 * i));
      start = gtk_text_iter_get_offset (&iter);
      tag (window, start + 5, start + 60, "metaphor");
      tag (window, start + 20, start + 90, "irony");
    }
  gtk_adjustment_set_value (adj, 0);
  wait_for_layout (view);
  wait_for_underlines (view);

  /* To the end: the first frame there draws no bar, a later one all. */
  first = scroll_and_record (view, &frames, gtk_adjustment_get_upper (adj));
  g_assert_cmpuint (complete->len, >=, first + 2);
  g_assert_false (g_array_index (complete, gboolean, first));
  g_assert_cmpuint (g_array_index (n_bars, guint, first), ==, 0);
  g_assert_cmpuint (g_array_index (n_bars, guint, n_bars->len - 1), >, 0);

  /* What is left to do after that frame: the margin's bars. */
  iterate ();

  /* A third of a page up: the frame that shows the new paragraphs above
   * has their bars already. */
  gtk_text_view_get_visible_rect (view, &visible);
  first = scroll_and_record (view, &frames, -visible.height / 3.0);
  g_assert_cmpuint (g_array_index (tops, int, first), <, visible.y);
  g_assert_true (g_array_index (complete, gboolean, first));
  g_assert_cmpuint (g_array_index (n_bars, guint, first), >, 0);

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Applies @tag to [@start, @end) of @buffer. */
static void
apply_tag_at (GtkTextBuffer *buffer,
              GtkTextTag    *tag,
              int            start,
              int            end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
}

/* PeithoOverlapBars keeps a paragraph's bars until something in it moves:
 * a tag applied there, another width; not a tag applied elsewhere. */
/* The bars of the view's first paragraph, as a frame would ask for them. */
static GArray *
dup_first_bars (PeithoOverlapBars *bars,
                GtkTextView       *view,
                GPtrArray         *tags,
                GtkTextTag        *many)
{
  g_autoptr(GArray) lines = NULL;
  GtkTextIter line0;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &line0, 0);
  lines = peitho_display_lines_new (view, &line0);
  peitho_overlap_bars_begin_frame (bars, tags, many);
  return peitho_overlap_bars_dup (bars, &line0, lines, 0, lines->len - 1);
}

static void
test_overlap_bars_kept (void)
{
  g_autoptr(PeithoOverlapBars) bars = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) after_elsewhere = NULL;
  g_autoptr(GArray) after_here = NULL;
  g_autoptr(GArray) after_resize = NULL;
  GtkWidget *view;
  GtkWidget *window = present_wrapped_view (8, "A second paragraph.\nA third paragraph, short.", &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *under, *many, *bold;
  GtkTextIter s, e;

  under = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  many = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  bold = gtk_text_buffer_create_tag (buffer, NULL, "weight", PANGO_WEIGHT_BOLD, NULL);
  g_ptr_array_add (tags, under);
  apply_tag_at (buffer, under, 20, 300);
  apply_tag_at (buffer, many, 100, 150);
  wait_for_paint (view);

  bars = peitho_overlap_bars_new (GTK_TEXT_VIEW (view));

  first = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  /* Over several display lines, doubled where the many-overlaps tag is. */
  g_assert_cmpuint (first->len, >=, 4);
  {
    gboolean any_twice = FALSE;

    for (guint i = 0; i < first->len; i++)
      any_twice |= g_array_index (first, PeithoOverlapBar, i).twice;
    g_assert_true (any_twice);
  }
  again = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  g_assert_true (again == first);

  /* A font in the third paragraph: the first keeps its bars. */
  gtk_text_buffer_get_iter_at_line (buffer, &s, 2);
  e = s;
  gtk_text_iter_forward_to_line_end (&e);
  gtk_text_buffer_apply_tag (buffer, bold, &s, &e);
  after_elsewhere = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  g_assert_true (after_elsewhere == first);

  /* A font in the first: worked out again. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 25);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 60);
  gtk_text_buffer_apply_tag (buffer, bold, &s, &e);
  wait_for_paint (view);
  after_here = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  g_assert_true (after_here != first);
  g_assert_cmpuint (after_here->len, >=, 4);

  /* Another width: worked out again, on fewer display lines. */
  gtk_widget_set_size_request (view, 500, -1);
  wait_until (gtk_widget_get_width (view) >= 500);
  wait_for_paint (view);
  after_resize = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  g_assert_true (after_resize != after_here);
  g_assert_cmpuint (after_resize->len, <, after_here->len);

  g_clear_pointer (&bars, peitho_overlap_bars_free);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A highlight that comes or goes inside a paragraph whose bars are kept:
 * the display lines it touches are worked out again, the others kept, and
 * the result is what working out the whole paragraph afresh gives. */
static void
assert_same_bars (GArray *a,
                  GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PeithoOverlapBar *x = &g_array_index (a, PeithoOverlapBar, i);
      const PeithoOverlapBar *y = &g_array_index (b, PeithoOverlapBar, i);

      g_assert_cmpuint (x->tag, ==, y->tag);
      g_assert_cmpuint (x->line, ==, y->line);
      g_assert_cmpint (x->x0, ==, y->x0);
      g_assert_cmpint (x->x1, ==, y->x1);
      g_assert_cmpint (x->twice, ==, y->twice);
    }
}

static void
test_overlap_bars_rework (void)
{
  static const struct { int start, end; gboolean apply; guint tag; } changes[] = {
    { 160, 175, TRUE, 1 },    /* a new highlight, alone on its display line */
    { 40, 60, FALSE, 0 },     /* part of a run taken away */
    { 295, 330, TRUE, 0 },    /* a run made longer, across a display line's end */
    { 105, 110, TRUE, 2 },    /* the many-overlaps tag, inside a run */
    { 0, 400, FALSE, 1 },     /* a whole tag gone from the paragraph */
  };
  g_autoptr(PeithoOverlapBars) bars = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) first = NULL;
  GtkWidget *view;
  GtkWidget *window = present_wrapped_view (8, "A second paragraph.", &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *under, *over, *many;

  under = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  over = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  many = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_ptr_array_add (tags, under);
  g_ptr_array_add (tags, over);
  apply_tag_at (buffer, under, 20, 300);
  apply_tag_at (buffer, over, 250, 420);
  wait_for_paint (view);

  bars = peitho_overlap_bars_new (GTK_TEXT_VIEW (view));
  first = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
  g_assert_cmpuint (first->len, >=, 6);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(PeithoOverlapBars) fresh = peitho_overlap_bars_new (GTK_TEXT_VIEW (view));
      g_autoptr(GArray) before = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
      g_autoptr(GArray) kept = NULL;
      g_autoptr(GArray) expected = NULL;
      GtkTextTag *tag = changes[i].tag == 0 ? under : changes[i].tag == 1 ? over : many;

      if (changes[i].apply)
        apply_tag_at (buffer, tag, changes[i].start, changes[i].end);
      else
        {
          GtkTextIter s, e;

          gtk_text_buffer_get_iter_at_offset (buffer, &s, changes[i].start);
          gtk_text_buffer_get_iter_at_offset (buffer, &e, changes[i].end);
          gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
        }
      wait_for_paint (view);

      kept = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, many);
      expected = dup_first_bars (fresh, GTK_TEXT_VIEW (view), tags, many);
      g_assert_true (kept != before);
      assert_same_bars (kept, expected);
    }

  g_clear_pointer (&bars, peitho_overlap_bars_free);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A gutter shown beside right-to-left text: the widget keeps its width, the
 * text area narrows, and the right-aligned words move left with their bars. */
static void
test_overlap_bars_gutter (void)
{
  g_autoptr(PeithoOverlapBars) bars = NULL;
  g_autoptr(PeithoOverlapBars) fresh = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) expected = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *gutter = gtk_drawing_area_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *under;
  GtkTextIter s, e;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (buffer, "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n", -1);
  under = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_ptr_array_add (tags, under);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 4);
  gtk_text_buffer_apply_tag (buffer, under, &s, &e);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 200);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (view);

  bars = peitho_overlap_bars_new (GTK_TEXT_VIEW (view));
  before = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, NULL);
  g_assert_cmpuint (before->len, ==, 1);

  gtk_widget_set_size_request (gutter, 60, -1);
  gtk_text_view_set_gutter (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_LEFT, gutter);
  wait_until (gtk_widget_get_width (gutter) >= 60);
  wait_for_paint (view);

  after = dup_first_bars (bars, GTK_TEXT_VIEW (view), tags, NULL);
  fresh = peitho_overlap_bars_new (GTK_TEXT_VIEW (view));
  expected = dup_first_bars (fresh, GTK_TEXT_VIEW (view), tags, NULL);

  /* The words moved by the gutter's width, and the kept bars with them. */
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_cmpint (g_array_index (expected, PeithoOverlapBar, 0).x0, <,
                   g_array_index (before, PeithoOverlapBar, 0).x0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, PeithoOverlapBar, 0).x0, ==,
                   g_array_index (expected, PeithoOverlapBar, 0).x0);
  g_assert_cmpint (g_array_index (after, PeithoOverlapBar, 0).x1, ==,
                   g_array_index (expected, PeithoOverlapBar, 0).x1);

  g_clear_pointer (&bars, peitho_overlap_bars_free);
  g_clear_pointer (&fresh, peitho_overlap_bars_free);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/highlighter/end-stays-while-lines-are-measured", test_end_stays);
  g_test_add_func ("/highlighter/far-jumps-land-at-once", test_far_jumps);
  g_test_add_func ("/highlighter/jump-settles", test_jump_settles);
  g_test_add_func ("/highlighter/highlights-after-jump", test_highlights_after_jump);
  g_test_add_func ("/highlighter/highlight-changes-on-tall-paragraph",
                   test_highlight_changes_on_tall_paragraph);
  g_test_add_func ("/highlighter/page-styled-before-margin", test_page_before_margin);
  g_test_add_func ("/highlighter/overlap-underlines", test_overlap_underlines);
  g_test_add_func ("/highlighter/underlines-between-frames", test_underlines_between_frames);
  g_test_add_func ("/highlighter/underlines-first-page", test_underlines_first_page);
  g_test_add_func ("/highlighter/underlines-after-scroll", test_underlines_after_scroll);
  g_test_add_func ("/highlighter/display-lines", test_display_lines);
  g_test_add_func ("/highlighter/display-lines-kept", test_display_lines_kept);
  g_test_add_func ("/highlighter/overlap-bars-kept", test_overlap_bars_kept);
  g_test_add_func ("/highlighter/overlap-bars-rework", test_overlap_bars_rework);
  g_test_add_func ("/highlighter/overlap-bars-gutter", test_overlap_bars_gutter);
  status = g_test_run ();
  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return status;
}
