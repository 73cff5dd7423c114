/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window benchmark: drives the real window in this process (under Xvfb,
 * like tests/gui) on a large document and prints when frames showing what
 * the reader expects were presented, from GdkFrameClock "after-paint":
 *
 *   launch    window created -> first frame whose visible page carries every
 *             highlight, overlap underline and margin stripe; and on the way,
 *             when the text was in the buffer and when the window had set up
 *             everything else for the document (its session)
 *   Ctrl+End  the key's move-cursor -> that page complete
 *   last      jumping to the last annotation (as the passage list does),
 *             from the top of the text
 *   tag, undo tag actions and their undos (TAG_ROUNDS of each), once the
 *             window is idle: the time the action takes, until the frame
 *             that shows it, and the longest main-loop stall until the window
 *             is idle again (what the action sets off), as the median and
 *             the worst. Each action starts right after a frame, so the frame
 *             clock holds the next one back for up to a refresh interval
 *             (16.7 ms): the frame's figure is split into when that frame
 *             began and its own time (before-paint to after-paint)
 *   wheel     from the middle, four pages down in steps of a twelfth of a
 *             page, one per 16 ms, as a mouse wheel scrolls: the main-loop
 *             stalls, and each frame's own time (before-paint to
 *             after-paint)
 *   scroll    top to bottom in 200 steps (--scroll-steps), one per 16 ms: the longest main-loop
 *             stall (a 4 ms timeout probe measures the gaps) and the frames
 *             drawn with a page that was not complete
 *   close     destroying the window once every page has been styled
 *   memory    peak RSS of this process against the core loading the same
 *             file alone (peitho-bench-load, timed by peitho-bench-rusage,
 *             both given with --load)
 *
 *   peitho-bench-window [--load PEITHO-BENCH-RUSAGE PEITHO-BENCH-LOAD]
 *                       [--generate PEITHO-BENCH-GENERATE] [--annotations N]
 *                       [--scroll-steps N] FILE
 *
 * FILE is a TEI document (made by peitho-bench-generate --no-created first if
 * --generate is given and it does not exist), or a plain text into which N
 * (default 1000) deterministic annotations are put first. Exits non-zero only when something
 * failed; a slow figure is a figure, not an error. */

#include "gui-fixture.h"
#include "peitho-malloc-tuning.h"
#include "peitho-source-view.h"

#include <sys/resource.h>
#include <stdio.h>

#define PROBE_MS     4
#define SCROLL_STEPS 200   /* by default */
#define TIMEOUT_S    120
#define TAG_ROUNDS   9     /* tag actions and undos, for their median */

typedef struct {
  PeithoWindow *window;
  GtkTextView  *view;
  gint64        t0;

  /* The longest gap between two runs of the probe since it was reset. */
  guint         probe_id;
  gint64        probe_last;
  gint64        probe_max_gap;
  gint64        check_us;          /* the benchmark's own checks since the probe last ran */
  GArray       *gaps;              /* gint64 µs, while scrolling */

  /* What the next complete frame must show; its time goes to *done_at. */
  gboolean      waiting;
  gint64        target_offset;     /* -1: any page */
  gint64        done_at;
  gint64        done_began;        /* before-paint of that frame */
  double        done_cpu;
  guint         n_frames;
  guint         n_incomplete;      /* frames painted while waiting or scrolling */
  GHashTable   *why_incomplete;    /* why_incomplete's reason -> frames, as n_incomplete */
  gboolean      scrolling;
  guint         scroll_steps;
  double        wheel_px;          /* a wheel step */
  guint         wheel_left;        /* steps */
  gint64        frame_began;       /* before-paint of the frame being drawn */
  GArray       *frame_us;          /* gint64, each frame's own time, while it is set */

  /* Launch phases: the document handed to the window, its text in the buffer. */
  gint64        session_at;
  gint64        text_at;
} Bench;

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static double
ms_since (gint64 t,
          gint64 since)
{
  return (t - since) / 1e3;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* A figure: wall and CPU time of this process from a start. */
typedef struct {
  gint64 t0;
  double cpu0;
  double wall_ms;
  double cpu_ms;
} Figure;

static void
figure_start (Figure *f)
{
  f->t0 = now_us ();
  f->cpu0 = cpu_ms ();
}

static void
figure_end (Figure *f,
            gint64  t,
            double  cpu)
{
  f->wall_ms = ms_since (t, f->t0);
  f->cpu_ms = cpu - f->cpu0;
}

static void
figure_end_now (Figure *f)
{
  figure_end (f, now_us (), cpu_ms ());
}

static void
print_figure (const char   *label,
              const Figure *f,
              const char   *target)
{
  if (f->wall_ms < 0)
    g_print ("  %-40s %19s   %s\n", label, "not reached", target);
  else
    g_print ("  %-40s %9.1f %9.1f   %s\n", label, f->wall_ms, f->cpu_ms, target);
}

static int
figure_compare (gconstpointer a,
                gconstpointer b)
{
  const Figure *x = a, *y = b;

  return (x->wall_ms > y->wall_ms) - (x->wall_ms < y->wall_ms);
}

/* The median of TAG_ROUNDS figures (@rounds is sorted), and the worst. */
static void
print_rounds (const char *label,
              Figure     *rounds,
              const char *target)
{
  g_autofree char *median_label = g_strdup_printf ("%s, median", label);
  g_autofree char *worst = NULL;

  qsort (rounds, TAG_ROUNDS, sizeof (Figure), figure_compare);
  worst = g_strdup_printf ("%s%sworst of %d: %.1f", target, *target ? "; " : "", TAG_ROUNDS,
                           rounds[TAG_ROUNDS - 1].wall_ms);
  print_figure (median_label, &rounds[TAG_ROUNDS / 2], worst);
}

static gboolean
probe_cb (gpointer data)
{
  Bench *b = data;
  gint64 t = now_us ();

  /* A gap is Peitho's stall, less the time this benchmark spent checking
   * the frames painted in it. */
  if (b->probe_last != 0)
    {
      gint64 gap = t - b->probe_last - b->check_us;

      b->probe_max_gap = MAX (b->probe_max_gap, gap);
      if (b->scrolling && b->gaps != NULL)
        g_array_append_val (b->gaps, gap);
    }
  b->probe_last = t;
  b->check_us = 0;
  return G_SOURCE_CONTINUE;
}

static void
probe_reset (Bench *b)
{
  b->probe_last = 0;
  b->probe_max_gap = 0;
  b->check_us = 0;
}

static int
gint64_compare (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
probe_stall_ms (Bench *b)
{
  return MAX (0, b->probe_max_gap / 1e3 - PROBE_MS);
}

static void
collect_tag_cb (GtkTextTag    *tag,
                const GdkRGBA *color,
                gpointer       user_data)
{
  g_ptr_array_add (user_data, tag);
}

typedef struct {
  gsize pos;
  int   delta;
} Edge;

static int
edge_compare (gconstpointer a,
              gconstpointer b)
{
  const Edge *x = a, *y = b;

  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* TRUE if @tag covers [start, end) without a gap. */
static gboolean
tag_covers (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            gsize          start,
            gsize          end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return TRUE;
  return (gsize) gtk_text_iter_get_offset (&iter) >= end;
}

/* TRUE if one of @tags is at @offset. */
static gboolean
has_any (GtkTextBuffer *buffer,
         GPtrArray     *tags,
         gsize          offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  for (guint i = 0; i < tags->len; i++)
    if (gtk_text_iter_has_tag (&iter, tags->pdata[i]))
      return TRUE;
  return FALSE;
}

static void
visible_range (Bench *b,
               gsize *start,
               gsize *end)
{
  GdkRectangle rect;
  GtkTextIter s, e;

  gtk_text_view_get_visible_rect (b->view, &rect);
  gtk_text_view_get_line_at_y (b->view, &s, rect.y, NULL);
  gtk_text_view_get_line_at_y (b->view, &e, rect.y + rect.height, NULL);
  if (!gtk_text_iter_ends_line (&e))
    gtk_text_iter_forward_to_line_end (&e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

/* Whether what is visible now is the whole truth: the text is in, every
 * annotation on the page has its background over all of its visible part,
 * every place where two or more overlap carries an overlap underline that
 * the frame drew, and the margin draws its stripes. */
static const char *why_incomplete = "";

static gboolean
page_complete (Bench *b)
{
  PeithoDocument *document = peitho_window_get_document (b->window);
  PeithoHighlighter *highlighter = _peitho_window_get_highlighter_for_testing (b->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (b->view);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) overlap_tags = g_ptr_array_new ();
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  gsize vs, ve;
  int depth = 0;

  if (document == NULL || peitho_window_get_file (b->window) == NULL
      || peitho_document_get_length (document) == 0
      || peitho_highlighter_get_document (highlighter) != document
      || (gsize) gtk_text_buffer_get_char_count (buffer) != peitho_document_get_length (document))
    {
      why_incomplete = "the text is not in";
      return FALSE;
    }
  /* The margin (PeithoAnnotationGutter) draws its stripes once this holds. */
  if (!peitho_highlighter_get_text_complete (highlighter))
    {
      why_incomplete = "the margin is not drawn";
      return FALSE;
    }

  visible_range (b, &vs, &ve);
  if (b->target_offset >= 0 && ((gsize) b->target_offset < vs || (gsize) b->target_offset > ve))
    {
      why_incomplete = "the target is not visible";
      return FALSE;
    }
  /* Before the highlights, which cost up to 60 ms a frame on the essay's
   * long paragraphs (gtk_text_iter_has_tag() walks a line's toggles):
   * checked on every frame of a far jump that waits for GTK to measure
   * its lines, at a lower priority, they starved it for good. */
  if (!peitho_source_view_get_underlines_complete (PEITHO_SOURCE_VIEW (b->view)))
    {
      why_incomplete = "an overlap underline is not drawn yet";
      return FALSE;
    }

  annotations = peitho_document_get_annotations_in_range (document, vs, ve);
  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *a = annotations->pdata[i];
      const char *tag_id = peitho_annotation_get_tag_id (a);
      gsize s = MAX (vs, peitho_annotation_get_start (a));
      gsize e = MIN (ve, peitho_annotation_get_end (a));
      Edge open = { s, 1 }, close = { e, -1 };

      if (peitho_highlighter_is_tag_hidden (highlighter, tag_id) || s >= e)
        continue;
      if (!tag_covers (buffer, peitho_highlighter_get_text_tag (highlighter, tag_id), s, e))
        {
          why_incomplete = "a highlight is missing";
          return FALSE;
        }
      g_array_append_val (edges, open);
      g_array_append_val (edges, close);
    }

  peitho_highlighter_foreach_overlap_tag (highlighter, collect_tag_cb, overlap_tags);
  g_array_sort (edges, edge_compare);
  for (guint i = 0; i < edges->len; i++)
    {
      Edge *edge = &g_array_index (edges, Edge, i);

      depth += edge->delta;
      if (depth >= 2 && i + 1 < edges->len && g_array_index (edges, Edge, i + 1).pos > edge->pos
          && !has_any (buffer, overlap_tags, edge->pos))
        {
          why_incomplete = "an overlap underline is missing";
          return FALSE;
        }
    }
  return TRUE;
}

static void
session_set_cb (Bench *b)
{
  if (b->session_at == 0)
    b->session_at = now_us ();
}

static void
text_complete_cb (PeithoHighlighter *highlighter,
                  GParamSpec        *pspec,
                  Bench             *b)
{
  if (b->text_at == 0 && peitho_highlighter_get_text_complete (highlighter))
    b->text_at = now_us ();
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_began = now_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 painted_at;
  double painted_cpu;
  gboolean complete;

  if (!b->waiting && !b->scrolling)
    return;

  /* The frame is painted now; checking it is the benchmark's time, not
   * Peitho's. */
  painted_at = now_us ();
  painted_cpu = cpu_ms ();
  if (b->frame_us != NULL && b->frame_began != 0)
    {
      gint64 frame_us = painted_at - b->frame_began;

      g_array_append_val (b->frame_us, frame_us);
    }
  b->n_frames++;
  complete = page_complete (b);
  b->check_us += now_us () - painted_at;
  if (!complete)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->why_incomplete, why_incomplete));

      b->n_incomplete++;
      g_hash_table_insert (b->why_incomplete, (gpointer) why_incomplete, GUINT_TO_POINTER (n + 1));
    }
  if (b->waiting && complete)
    {
      b->done_at = painted_at;
      b->done_began = b->frame_began;
      b->done_cpu = painted_cpu;
      b->waiting = FALSE;
    }
}

/* Why most of the incomplete frames since the count began were: "(most:
 * REASON, N)", or "" when all were complete. */
static char *
most_incomplete (Bench *b)
{
  GHashTableIter iter;
  gpointer why, n;
  const char *most = NULL;
  guint most_n = 0;

  g_hash_table_iter_init (&iter, b->why_incomplete);
  while (g_hash_table_iter_next (&iter, &why, &n))
    if (GPOINTER_TO_UINT (n) > most_n)
      {
        most = why;
        most_n = GPOINTER_TO_UINT (n);
      }
  return most != NULL ? g_strdup_printf ("(most: %s, %u)", most, most_n) : g_strdup ("");
}

/* Runs the main loop until a frame shows a complete page (with
 * @target_offset on it, unless -1); ends @f when that frame was painted.
 * With @lost_after_s, gives up then and returns FALSE (a jump GTK did not
 * make); otherwise fails after TIMEOUT_S. */
static gboolean
wait_for_page (Bench  *b,
               gint64  target_offset,
               Figure *f,
               int     lost_after_s)
{
  gint64 deadline = now_us () + (lost_after_s > 0 ? lost_after_s : TIMEOUT_S) * G_USEC_PER_SEC;

  b->target_offset = target_offset;
  b->waiting = TRUE;
  b->n_frames = b->n_incomplete = 0;
  g_hash_table_remove_all (b->why_incomplete);
  gtk_widget_queue_draw (GTK_WIDGET (b->view));
  while (b->waiting && now_us () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (b->waiting && lost_after_s > 0)
    {
      gsize vs, ve;

      visible_range (b, &vs, &ve);
      g_print ("No complete page with %" G_GINT64_FORMAT " on it after %d s: visible [%"
               G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT "), %s\n", target_offset, lost_after_s,
               vs, ve, why_incomplete);
      b->waiting = FALSE;
      if (f != NULL)
        f->wall_ms = f->cpu_ms = -1;
      return FALSE;
    }
  if (b->waiting)
    {
      gsize vs, ve;

      visible_range (b, &vs, &ve);
      g_error ("No complete page (with %" G_GINT64_FORMAT " on it) after %d s; visible "
               "[%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT "), %s", target_offset, TIMEOUT_S,
               vs, ve, why_incomplete);
    }
  if (f != NULL)
    figure_end (f, b->done_at, b->done_cpu);
  return TRUE;
}

static void
frame_counted_cb (GdkFrameClock *clock,
                  guint         *n)
{
  (*n)++;
}

/* Lets GTK finish what the last step started (a scroll moves in more than
 * one frame while it measures lines) before the next step is timed. */
/* Splits @frame (from the action to the frame that showed it, just
 * waited for) into when that frame began and its own time. */
static void
split_frame (const Bench  *b,
             const Figure *frame,
             Figure       *began,
             Figure       *paint)
{
  began->wall_ms = ms_since (b->done_began, frame->t0);
  began->cpu_ms = 0;
  paint->wall_ms = ms_since (b->done_at, b->done_began);
  paint->cpu_ms = 0;
}

static void
settle (Bench *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
  gint64 deadline = now_us () + TIMEOUT_S * G_USEC_PER_SEC;
  guint n = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_counted_cb), &n);

  while (n < 3 && now_us () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (b->view));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

/* Runs frames until the text view's height estimate has not changed for
 * ten of them: GTK has measured the lines (it does so in idle chunks). */
static void
settle_layout (Bench *b)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b->view));
  gint64 deadline = now_us () + TIMEOUT_S * G_USEC_PER_SEC;
  double upper = -1;
  guint same = 0;

  while (same < 10 && now_us () < deadline)
    {
      settle (b);
      if (gtk_adjustment_get_upper (adj) == upper)
        same++;
      else
        same = 0;
      upper = gtk_adjustment_get_upper (adj);
    }
}

static void
wait_idle (Bench *b)
{
  gint64 deadline = now_us () + TIMEOUT_S * G_USEC_PER_SEC;

  while (peitho_window_get_busy (b->window) && now_us () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (peitho_window_get_busy (b->window));
}

static gboolean
scroll_step_cb (gpointer user_data)
{
  Bench *b = user_data;
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b->view));
  double bottom = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double value = gtk_adjustment_get_value (adj);

  /* Each step from where we are, since the height estimate changes as GTK
   * measures lines. */
  if (value >= bottom - 1)
    {
      b->scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adj, MIN (bottom, value + MAX (bottom / b->scroll_steps, 1)));
  return G_SOURCE_CONTINUE;
}

static gboolean
wheel_step_cb (gpointer user_data)
{
  Bench *b = user_data;
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b->view));

  if (b->wheel_left == 0)
    {
      b->scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }
  b->wheel_left--;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + b->wheel_px);
  return G_SOURCE_CONTINUE;
}

/* Runs @step every 16 ms (a frame at 60 Hz) until it ends the scroll, into
 * @f; counts the frames and records the main loop's gaps in b->gaps.
 * Returns the longest stall. */
static double
run_scroll (Bench       *b,
            GSourceFunc  step,
            Figure      *f)
{
  gint64 deadline;

  b->n_frames = b->n_incomplete = 0;
  g_hash_table_remove_all (b->why_incomplete);
  b->scrolling = TRUE;
  probe_reset (b);
  b->gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  figure_start (f);
  g_timeout_add (16, step, b);
  deadline = now_us () + TIMEOUT_S * G_USEC_PER_SEC;
  while (b->scrolling && now_us () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (b->scrolling);
  figure_end_now (f);
  return probe_stall_ms (b);
}

/* The median and 95th percentile of @values (gint64 µs, sorted here), less
 * @less_ms each, and how many are over 16 ms. */
static void
print_spread (const char *label,
              GArray     *values,
              double      less_ms)
{
  guint n, over = 0;

  if (values == NULL || values->len == 0)
    {
      g_print ("  %-40s %19s\n", label, "none");
      return;
    }
  n = values->len;
  g_array_sort (values, gint64_compare);
  for (guint i = 0; i < n; i++)
    if (g_array_index (values, gint64, i) / 1e3 - less_ms > 16)
      over++;
  g_print ("  %-40s %9.1f %9.1f   %u of %u over 16\n", label,
           MAX (0, g_array_index (values, gint64, n / 2) / 1e3 - less_ms),
           MAX (0, g_array_index (values, gint64, MIN (n - 1, n * 95 / 100)) / 1e3 - less_ms),
           over, n);
}

/* Peak RSS of "@load load @path", measured by @rusage (peitho-bench-rusage):
 * a child spawned from this large process would inherit its high-water
 * mark. */
static long
core_peak_rss_kb (const char *rusage,
                  const char *load,
                  const char *path)
{
  const char *argv[] = { rusage, load, "load", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;
  double wall_ms;
  long kb;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error)
      || sscanf (out, "%lf %ld", &wall_ms, &kb) != 2)
    {
      g_printerr ("peitho-bench-window: %s: %s\n", load, error != NULL ? error->message : out);
      return -1;
    }
  return kb;
}

static long
self_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

/* A TEI file of @path (plain text) with @n annotations, in @dir. */
static char *
annotate_text (const char *path,
               guint       n,
               const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GFile) out = NULL;
  char *out_path;
  gsize length;

  document = peitho_text_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));
  length = peitho_document_get_length (document);
  for (guint added = 0; added < n;)
    {
      gsize start = g_rand_int_range (rand, 0, length - 2);
      gsize end = MIN (length, start + 1 + g_rand_int_range (rand, 0, 60));
      PeithoTag *tag = tags->pdata[g_rand_int_range (rand, 0, tags->len)];
      g_autoptr(PeithoAnnotation) annotation = NULL;

      annotation = peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag), NULL, NULL,
                                          NULL);
      if (peitho_document_add_annotation (document, annotation, NULL))
        added++;
    }
  out_path = g_build_filename (dir, "annotated.xml", NULL);
  out = g_file_new_for_path (out_path);
  peitho_tei_write_file (document, out, PEITHO_TEI_STANDOFF, FALSE, NULL, &error);
  g_assert_no_error (error);
  return out_path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *load = NULL;
  const char *rusage = NULL;
  const char *generate = NULL;
  guint n_annotations = 1000;
  Bench b = { .scroll_steps = SCROLL_STEPS };
  PeithoDocument *document;
  GtkTextBuffer *buffer;
  GdkFrameClock *clock;
  GListModel *model;
  Figure first, end, jump, idle, wheel, scroll, close;
  g_autoptr(GArray) wheel_gaps = NULL;
  g_autoptr(GArray) wheel_frames_us = NULL;
  double wheel_stall;
  guint wheel_frames, wheel_incomplete;
  g_autofree char *wheel_why = NULL;
  g_autofree char *scroll_why = NULL;
  Figure tag_sync[TAG_ROUNDS], tag_frame[TAG_ROUNDS], undo_sync[TAG_ROUNDS], undo_frame[TAG_ROUNDS];
  Figure tag_began[TAG_ROUNDS], tag_paint[TAG_ROUNDS], undo_began[TAG_ROUNDS], undo_paint[TAG_ROUNDS];
  Figure tag_stall[TAG_ROUNDS], undo_stall[TAG_ROUNDS];
  guint n_read;
  gsize length;
  double scroll_stall;
  guint scroll_frames, scroll_incomplete;
  long core_kb, window_kb;

  /* As the application's main() does, before GTK starts its threads: the
   * launch figures are the application's. */
  peitho_malloc_tune_for_large_trees ();
  home = gui_test_init (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--load") == 0 && i + 2 < argc)
        {
          rusage = argv[++i];
          load = argv[++i];
        }
      else if (strcmp (argv[i], "--scroll-steps") == 0 && i + 1 < argc)
        {
          guint64 steps = g_ascii_strtoull (argv[++i], NULL, 10);

          b.scroll_steps = (guint) CLAMP (steps, 1, 100000);
        }
      else if (strcmp (argv[i], "--generate") == 0 && i + 1 < argc)
        generate = argv[++i];
      else if (strcmp (argv[i], "--annotations") == 0 && i + 1 < argc)
        n_annotations = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (path == NULL)
        path = g_strdup (argv[i]);
      else
        path = NULL, i = argc;
    }
  if (path == NULL)
    {
      g_printerr ("Usage: peitho-bench-window [--load PEITHO-BENCH-RUSAGE PEITHO-BENCH-LOAD] "
                  "[--generate PEITHO-BENCH-GENERATE] [--annotations N] [--scroll-steps N] FILE\n");
      return 2;
    }
  b.why_incomplete = g_hash_table_new (NULL, NULL);
  if (generate != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      const char *gen_argv[] = { generate, "--no-created", path, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      g_print ("Generating %s...\n", path);
      g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &status, &error);
      if (error == NULL)
        g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
    }
  if (g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *text_path = g_steal_pointer (&path);

      path = annotate_text (text_path, n_annotations, home);
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  b.probe_id = g_timeout_add_full (G_PRIORITY_HIGH, PROBE_MS, probe_cb, &b, NULL);

  /* Launch: what a person waits for after opening the file. */
  file = g_file_new_for_path (path);
  b.t0 = now_us ();
  figure_start (&first);
  idle = first;
  b.window = peitho_window_new (app);
  buffer = _peitho_window_get_buffer_for_testing (b.window);
  g_signal_connect_swapped (b.window, "notify::session", G_CALLBACK (session_set_cb), &b);
  g_signal_connect (_peitho_window_get_highlighter_for_testing (b.window), "notify::text-complete",
                    G_CALLBACK (text_complete_cb), &b);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (b.window));
  peitho_window_open_file (b.window, file);
  {
    GtkWidget *focus = NULL;

    /* The text view is the buffer's only view. */
    while (gtk_widget_get_frame_clock (GTK_WIDGET (b.window)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (b.window));
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
    g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &b);
    for (focus = GTK_WIDGET (b.window); focus != NULL;)
      {
        GtkWidget *next = NULL;

        if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)) == buffer)
          break;
        /* Depth first. */
        if (gtk_widget_get_first_child (focus) != NULL)
          next = gtk_widget_get_first_child (focus);
        else
          {
            for (GtkWidget *up = focus; up != NULL && next == NULL; up = gtk_widget_get_parent (up))
              next = up == GTK_WIDGET (b.window) ? NULL : gtk_widget_get_next_sibling (up);
            if (next == NULL)
              break;
          }
        focus = next;
      }
    g_assert_true (GTK_IS_TEXT_VIEW (focus));
    b.view = GTK_TEXT_VIEW (focus);
  }
  probe_reset (&b);
  wait_for_page (&b, -1, &first, 0);
  document = peitho_window_get_document (b.window);
  model = peitho_document_get_annotations (document);

  /* Ctrl+End, as GtkTextView binds it. */
  /* GTK 4.8 can lose a scroll asked for while it still measures the lines
   * of a newly filled buffer (it lands a page down or stays): jump once it
   * has, and report a jump it did not make as "not reached". */
  settle_layout (&b);
  figure_start (&end);
  g_signal_emit_by_name (b.view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  wait_for_page (&b, peitho_document_get_length (document), &end, 20);
  settle (&b);

  /* The last annotation, as the passage list selects it, from the top of
   * the text (Ctrl+Home) so that it is as far a jump as Ctrl+End. */
  {
    guint n = g_list_model_get_n_items (model);
    g_autoptr(PeithoAnnotation) last = g_list_model_get_item (model, n - 1);

    g_signal_emit_by_name (b.view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
    wait_for_page (&b, 0, NULL, 20);
    settle_layout (&b);
    figure_start (&jump);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.window), "win.select-annotation",
                                               "s", peitho_annotation_get_id (last)));
    wait_for_page (&b, peitho_annotation_get_start (last), &jump, 20);
  }

  wait_idle (&b);
  settle (&b);
  figure_end_now (&idle);

  /* Tag actions and their undos on the visible page: TAG_ROUNDS of them,
   * each on another passage and with another tag, as one alone is at the
   * mercy of whatever else the machine does in that frame. */
  {
    static const char * const tag_ids[] = { "metaphor", "irony", "antithesis", "anaphora" };
    gsize vs, ve;
    guint before = peitho_document_get_n_annotations (document);

    visible_range (&b, &vs, &ve);
    for (guint r = 0; r < TAG_ROUNDS; r++)
      {
        gsize start = vs + (ve - vs) * (r + 1) / (TAG_ROUNDS + 2);

        select_range (b.window, (int) start, (int) MIN (ve, start + 25));
        wait_idle (&b);
        settle (&b);

        probe_reset (&b);
        figure_start (&tag_sync[r]);
        tag_frame[r] = tag_sync[r];
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.window), "win.tag-selection", "s",
                                                   tag_ids[r % G_N_ELEMENTS (tag_ids)]));
        figure_end_now (&tag_sync[r]);
        wait_for_page (&b, start, &tag_frame[r], 0);
        split_frame (&b, &tag_frame[r], &tag_began[r], &tag_paint[r]);
        g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, before + 1);
        /* What follows the action (the seminar's rankings, say) until the
         * window is idle again. */
        wait_idle (&b);
        tag_stall[r].wall_ms = probe_stall_ms (&b);
        tag_stall[r].cpu_ms = 0;
        settle (&b);

        probe_reset (&b);
        figure_start (&undo_sync[r]);
        undo_frame[r] = undo_sync[r];
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.window), "win.undo", NULL));
        figure_end_now (&undo_sync[r]);
        wait_for_page (&b, start, &undo_frame[r], 0);
        split_frame (&b, &undo_frame[r], &undo_began[r], &undo_paint[r]);
        g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, before);
        wait_idle (&b);
        undo_stall[r].wall_ms = probe_stall_ms (&b);
        undo_stall[r].cpu_ms = 0;
      }
  }

  /* Reading on from the middle, as a mouse wheel scrolls. */
  {
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b.view));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) / 2);
    wait_for_page (&b, -1, NULL, 0);
    b.wheel_px = gtk_adjustment_get_page_size (adj) / 12;
    b.wheel_left = 48;
    b.frame_us = g_array_new (FALSE, FALSE, sizeof (gint64));
    wheel_stall = run_scroll (&b, wheel_step_cb, &wheel);
    wheel_frames = b.n_frames;
    wheel_incomplete = b.n_incomplete;
    wheel_why = most_incomplete (&b);
    wheel_gaps = g_steal_pointer (&b.gaps);
    wheel_frames_us = g_steal_pointer (&b.frame_us);
  }

  /* Scrolling through the whole document, a step per 16 ms (a frame at 60 Hz). */
  {
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b.view));

    gtk_adjustment_set_value (adj, 0);
    wait_for_page (&b, -1, NULL, 0);
    scroll_stall = run_scroll (&b, scroll_step_cb, &scroll);
    scroll_frames = b.n_frames;
    scroll_incomplete = b.n_incomplete;
    scroll_why = most_incomplete (&b);
  }

  window_kb = self_kb ("VmHWM:");
  core_kb = load != NULL ? core_peak_rss_kb (rusage, load, path) : -1;

  /* Closing the window after reading it all: every page has been styled. */
  g_clear_handle_id (&b.probe_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (clock, &b);
  g_signal_handlers_disconnect_by_data (b.window, &b);
  g_signal_handlers_disconnect_by_data (_peitho_window_get_highlighter_for_testing (b.window), &b);
  n_read = peitho_document_get_n_annotations (document);
  length = peitho_document_get_length (document);
  figure_start (&close);
  document = NULL;
  destroy_window (b.window);
  figure_end_now (&close);

  g_print ("Peitho window benchmark: %s\n", path);
  g_print ("  %u annotations, %" G_GSIZE_FORMAT " characters\n\n", n_read, length);
  g_print ("  %-40s %9s %9s   %s\n", "measure", "wall ms", "CPU ms", "target (wall)");
  print_figure ("launch -> first page complete", &first, "<= 1000 (large), <= 500 (essay)");
  g_print ("  %-40s %9.1f\n", "  launch -> text in the buffer", ms_since (b.text_at, b.t0));
  g_print ("  %-40s %9.1f\n", "  launch -> window set up with it", ms_since (b.session_at, b.t0));
  print_figure ("Ctrl+End (lines measured) -> page complete", &end, "<= 100");
  print_figure ("last annotation (measured) -> page complete", &jump, "<= 100");
  print_figure ("launch -> window idle", &idle, "");
  print_rounds ("tag action (the action itself)", tag_sync, "<= 16");
  print_rounds ("tag action -> frame showing it", tag_frame, "");
  print_rounds ("  -> that frame began", tag_began, "");
  print_rounds ("  that frame's own time", tag_paint, "");
  print_rounds ("undo (the action itself)", undo_sync, "<= 16");
  print_rounds ("undo -> frame showing it", undo_frame, "");
  print_rounds ("  -> that frame began", undo_began, "");
  print_rounds ("  that frame's own time", undo_paint, "");
  print_rounds ("tag action -> idle: longest stall", tag_stall, "<= 16");
  print_rounds ("undo -> idle: longest stall", undo_stall, "<= 16");
  print_figure ("wheel: 4 pages down in 48 steps", &wheel, "");
  g_print ("  %-40s %9.1f %9s   %s\n", "wheel: longest main-loop stall", wheel_stall, "", "<= 16");
  print_spread ("wheel: stall median, 95th percentile", wheel_gaps, PROBE_MS);
  print_spread ("wheel: frame's own time, median, 95th", wheel_frames_us, 0);
  g_print ("  %-40s %5u/%-5u %s\n", "wheel: frames with an incomplete page", wheel_incomplete,
           wheel_frames, wheel_why);
  {
    g_autofree char *label = g_strdup_printf ("scroll top to bottom (%u steps)", b.scroll_steps);

    print_figure (label, &scroll, "");
  }
  g_print ("  %-40s %9.1f %9s   %s\n", "scroll: longest main-loop stall", scroll_stall, "",
           "<= 16");
  print_spread ("scroll: stall median, 95th percentile", b.gaps, PROBE_MS);
  g_print ("  %-40s %5u/%-5u %s\n", "scroll: frames with an incomplete page", scroll_incomplete,
           scroll_frames, scroll_why);
  g_clear_pointer (&b.gaps, g_array_unref);
  print_figure ("close the window after scrolling", &close, "");
  g_print ("\n  %-40s %9.1f MB\n", "window peak RSS", window_kb / 1024.0);
  if (core_kb > 0)
    g_print ("  %-40s %9.1f MB   window / core %.2fx (<= 3x)\n",
             "core alone (peitho-bench-load) peak RSS", core_kb / 1024.0,
             (double) window_kb / core_kb);

  g_clear_pointer (&b.why_incomplete, g_hash_table_unref);
  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return 0;
}
