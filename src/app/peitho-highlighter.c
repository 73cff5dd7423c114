/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-highlighter.h"

/* Text inserted per main-loop iteration while filling the buffer. One
 * insertion costs about 25 ms per megabyte whatever its size, while each
 * step lets GTK measure lines and draw a frame in between, which costs
 * more than the insertion itself: the benchmark's 3 MB went in 24 steps
 * of 128 KB in 3.5 s. So a book goes in at once, and only a larger text
 * in steps, each of which yields to input but not to GTK's line
 * measuring (the steps run above its priority). */
#define TEXT_CHUNK_BYTES   (8 * 1024 * 1024)
#define FILL_PRIORITY      G_PRIORITY_HIGH_IDLE

/* Highlights are applied a chunk at a time, only where the view asks for
 * them (peitho_highlighter_ensure_styled): a document of 100,000
 * annotations would otherwise hold them all as text-tag toggles and take
 * seconds to style. The first chunks, about two screens, are styled as soon
 * as the text is in, so a small document is complete at once. */
#define CHUNK_CHARS        2048
#define INITIAL_CHARS      (16 * 1024)

#define ALPHA_LIGHT 0.35
#define ALPHA_DARK  0.45

/* Colour by student: Okabe and Ito's palette for colour-blind readers, then
 * Paul Tol's; all of them show as translucent backgrounds on light and dark
 * styles alike. More students than colours share them in turn. */
static const char * const student_colors[] = {
  "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
  "#cc79a7", "#882255", "#44aa99", "#999933", "#aa4499", "#6699cc",
};

typedef struct {
  char       *tag_id;
  GtkTextTag *background;
  GtkTextTag *underline;
  GdkRGBA     color;
  GdkRGBA     line_color;   /* overlap underlines: lighter on dark */
  int         active;   /* scratch: annotations covering the sweep position */
  guint       hidden : 1;
  guint       seen : 1;
} TagInfo;

typedef enum {
  PHASE_IDLE,
  PHASE_TEXT,
} Phase;

struct _PeithoHighlighter
{
  GObject parent_instance;

  GtkTextBuffer  *buffer;
  PeithoDocument *document;
  PeithoTagSet   *tag_set;
  GHashTable     *infos;        /* tag id -> TagInfo */
  GPtrArray      *info_order;   /* TagInfo, tag-set order */
  GHashTable     *hidden;       /* tag ids hidden before their tag exists */
  GtkTextTag     *many;

  /* Compare: students shown, and their colours when colouring by student */
  GHashTable     *hidden_annotators;  /* annotator ids */
  GHashTable     *annotator_infos;    /* annotator id ("" for none) -> TagInfo */
  GPtrArray      *annotator_order;    /* TagInfo, in order of creation */

  /* Filling the buffer */
  guint           idle_id;
  Phase           phase;
  gsize           text_done;    /* bytes */
  gsize           text_len;
  gsize           n_chars;

  /* Styling: one flag per CHUNK_CHARS characters, and the range last asked
   * for (restyled at once when every highlight has to be redone). */
  guint8         *styled;
  gsize           n_chunks;
  gsize           wanted_start;
  gsize           wanted_end;

  guint           dark : 1;
  guint           by_annotator : 1;
};

G_DEFINE_FINAL_TYPE (PeithoHighlighter, peitho_highlighter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PROGRESS,
  PROP_TEXT_COMPLETE,
  N_PROPS
};

enum {
  CHANGED,
  ANNOTATORS_HIDDEN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
tag_info_free (gpointer data)
{
  TagInfo *info = data;

  g_free (info->tag_id);
  g_clear_object (&info->background);
  g_clear_object (&info->underline);
  g_free (info);
}

static void
get_range (PeithoHighlighter *self,
           gsize              start,
           gsize              end,
           GtkTextIter       *begin_iter,
           GtkTextIter       *end_iter)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, begin_iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end_iter, (int) end);
}

static void
style_info (PeithoHighlighter *self,
            TagInfo           *info)
{
  GdkRGBA background = info->color;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  background.alpha = self->dark ? ALPHA_DARK : ALPHA_LIGHT;
  info->line_color = info->color;
  if (self->dark)
    {
      info->line_color.red += (1 - info->line_color.red) * 0.4;
      info->line_color.green += (1 - info->line_color.green) * 0.4;
      info->line_color.blue += (1 - info->line_color.blue) * 0.4;
    }
  g_object_set (info->background,
                "background-rgba", &background,
                NULL);
  /* The overlap tags only mark ranges: PeithoSourceView draws their
   * underlines itself, since GTK 4.8 underlines only one display line of a
   * wrapped run. */
}

static TagInfo *
lookup_info (PeithoHighlighter *self,
             const char        *tag_id)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  return tag_id ? g_hash_table_lookup (self->infos, tag_id) : NULL;
}

/* The infos that draw now: the tags', or the students'. */
static GPtrArray *
drawing_order (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  return self->by_annotator ? self->annotator_order : self->info_order;
}

static guint
annotator_position (PeithoHighlighter *self,
                    const char        *annotator_id)
{
  GListModel *annotators;
  guint n;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->document == NULL || *annotator_id == '\0')
    return G_MAXUINT;
  annotators = peitho_document_get_annotators (self->document);
  n = g_list_model_get_n_items (annotators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);

      if (g_strcmp0 (peitho_annotator_get_id (annotator), annotator_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
annotator_color (PeithoHighlighter *self,
                 const char        *annotator_id,
                 GdkRGBA           *color)
{
  guint position = annotator_position (self, annotator_id);

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (position == G_MAXUINT)
    gdk_rgba_parse (color, "#9a9996");
  else
    gdk_rgba_parse (color, student_colors[position % G_N_ELEMENTS (student_colors)]);
}

/* The student's info, made when first needed (their colour comes from
 * their place among the document's annotators). */
static TagInfo *
ensure_annotator_info (PeithoHighlighter *self,
                       const char        *annotator_id)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  TagInfo *info;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (annotator_id == NULL)
    annotator_id = "";
  if ((info = g_hash_table_lookup (self->annotator_infos, annotator_id)))
    return info;

  info = g_new0 (TagInfo, 1);
  info->tag_id = g_strdup (annotator_id);
  info->background = g_object_ref (gtk_text_tag_new (NULL));
  info->underline = g_object_ref (gtk_text_tag_new (NULL));
  gtk_text_tag_table_add (table, info->background);
  gtk_text_tag_table_add (table, info->underline);
  g_object_unref (info->background);
  g_object_unref (info->underline);
  annotator_color (self, annotator_id, &info->color);
  style_info (self, info);
  g_hash_table_insert (self->annotator_infos, info->tag_id, info);
  g_ptr_array_add (self->annotator_order, info);
  gtk_text_tag_set_priority (self->many, gtk_text_tag_table_get_size (table) - 1);
  return info;
}

/* The info that draws @annotation in the current mode, shown or not. */
static TagInfo *
drawing_info (PeithoHighlighter *self,
              PeithoAnnotation  *annotation)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->by_annotator)
    return ensure_annotator_info (self, peitho_annotation_get_annotator_id (annotation));
  return lookup_info (self, peitho_annotation_get_tag_id (annotation));
}

static gboolean
is_visible (PeithoHighlighter *self,
            PeithoAnnotation  *annotation,
            TagInfo          **out_info)
{
  TagInfo *tag_info = lookup_info (self, peitho_annotation_get_tag_id (annotation));
  const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
  gboolean visible;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  visible = tag_info != NULL && !tag_info->hidden
            && (annotator_id == NULL
                || !g_hash_table_contains (self->hidden_annotators, annotator_id));
  if (out_info != NULL)
    *out_info = visible ? drawing_info (self, annotation) : tag_info;

  return visible;
}

static void
apply_background (PeithoHighlighter *self,
                  TagInfo           *info,
                  gsize              start,
                  gsize              end)
{
  GtkTextIter begin_iter, end_iter;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (start >= end)
    return;

  get_range (self, start, end, &begin_iter, &end_iter);
  gtk_text_buffer_apply_tag (self->buffer, info->background, &begin_iter, &end_iter);
}

typedef struct {
  gsize    pos;
  int      delta;
  TagInfo *info;
} Event;

static int
event_compare (gconstpointer a,
               gconstpointer b)
{
  const Event *ea = a, *eb = b;

  return (ea->pos > eb->pos) - (ea->pos < eb->pos);
}

static void
apply_overlap (PeithoHighlighter *self,
               gsize              start,
               gsize              end,
               TagInfo           *under,
               gboolean           many)
{
  GtkTextIter begin_iter, end_iter;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  get_range (self, start, end, &begin_iter, &end_iter);
  gtk_text_buffer_apply_tag (self->buffer, under->underline, &begin_iter, &end_iter);
  if (many)
    gtk_text_buffer_apply_tag (self->buffer, self->many, &begin_iter, &end_iter);
}

/* Recomputes the overlap underlines over [start, end) from @annotations (all
 * those that overlap it), by a sweep over their boundaries: O(k log k). The
 * background that shows where tags overlap is the one of highest priority;
 * the underline takes the colour of the next one down, so both tags can be
 * seen. @fresh: the range has never been styled, so has no underline yet. */
static void
update_overlaps (PeithoHighlighter *self,
                 gsize              start,
                 gsize              end,
                 GPtrArray         *annotations,
                 gboolean           fresh)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  GtkTextIter begin_iter, end_iter;
  gsize run_start = 0, run_end = 0;
  TagInfo *run_under = NULL;
  gboolean run_many = FALSE;
  int total = 0;
  guint i;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (start >= end)
    return;

  /* What was there goes, unless the range was never styled: only styled
   * chunks carry highlights, and removing some thirty tags that are not
   * there was most of the cost of styling a page. */
  get_range (self, start, end, &begin_iter, &end_iter);
  for (i = 0; i < self->info_order->len; i++)
    {
      TagInfo *info = g_ptr_array_index (self->info_order, i);

      if (!fresh)
        gtk_text_buffer_remove_tag (self->buffer, info->underline, &begin_iter, &end_iter);
      info->active = 0;
    }
  for (i = 0; i < self->annotator_order->len; i++)
    {
      TagInfo *info = g_ptr_array_index (self->annotator_order, i);

      if (!fresh)
        gtk_text_buffer_remove_tag (self->buffer, info->underline, &begin_iter, &end_iter);
      info->active = 0;
    }
  if (!fresh)
    gtk_text_buffer_remove_tag (self->buffer, self->many, &begin_iter, &end_iter);

  for (i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      gsize s = MAX (peitho_annotation_get_start (annotation), start);
      gsize e = MIN (peitho_annotation_get_end (annotation), end);
      TagInfo *info;

      if (s < e && is_visible (self, annotation, &info))
        {
          Event open = { s, +1, info }, close = { e, -1, info };

          g_array_append_val (events, open);
          g_array_append_val (events, close);
        }
    }

  if (events->len < 4)
    return;

  g_array_sort (events, event_compare);

  i = 0;
  while (i < events->len)
    {
      gsize pos = g_array_index (events, Event, i).pos;
      gsize next;

      for (; i < events->len && g_array_index (events, Event, i).pos == pos; i++)
        {
          Event *ev = &g_array_index (events, Event, i);

          ev->info->active += ev->delta;
          total += ev->delta;
        }

      if (i >= events->len)
        break;
      next = g_array_index (events, Event, i).pos;

      if (total >= 2)
        {
          GPtrArray *order = drawing_order (self);
          TagInfo *top = NULL, *second = NULL;

          for (guint j = 0; j < order->len; j++)
            {
              TagInfo *info = g_ptr_array_index (order, j);

              if (info->active <= 0)
                continue;
              if (top == NULL
                  || gtk_text_tag_get_priority (info->background) > gtk_text_tag_get_priority (top->background))
                {
                  second = top;
                  top = info;
                }
              else if (second == NULL
                       || gtk_text_tag_get_priority (info->background) > gtk_text_tag_get_priority (second->background))
                second = info;
            }
          if (second == NULL)
            second = top;

          if (run_under == second && run_many == (total >= 3) && run_end == pos)
            run_end = next;
          else
            {
              if (run_under != NULL)
                apply_overlap (self, run_start, run_end, run_under, run_many);
              run_start = pos;
              run_end = next;
              run_under = second;
              run_many = total >= 3;
            }
        }
    }

  if (run_under != NULL)
    apply_overlap (self, run_start, run_end, run_under, run_many);

  for (i = 0; i < self->info_order->len; i++)
    ((TagInfo *) g_ptr_array_index (self->info_order, i))->active = 0;
  for (i = 0; i < self->annotator_order->len; i++)
    ((TagInfo *) g_ptr_array_index (self->annotator_order, i))->active = 0;
}

/* Redraws one tag's background over [start, end) from the annotations there
 * (others of the same tag may still cover part of it). */
static void
refresh_background (PeithoHighlighter *self,
                    TagInfo           *info,
                    gsize              start,
                    gsize              end,
                    GPtrArray         *annotations)
{
  GtkTextIter begin_iter, end_iter;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  get_range (self, start, end, &begin_iter, &end_iter);
  gtk_text_buffer_remove_tag (self->buffer, info->background, &begin_iter, &end_iter);

  if (info->hidden)
    return;

  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      TagInfo *drawn;

      if (is_visible (self, annotation, &drawn) && drawn == info)
        apply_background (self, info,
                          MAX (start, peitho_annotation_get_start (annotation)),
                          MIN (end, peitho_annotation_get_end (annotation)));
    }
}

static void
emit_changed (PeithoHighlighter *self,
              gsize              start,
              gsize              end)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  g_signal_emit (self, signals[CHANGED], 0, (guint) start, (guint) end);
}

/* The next run of styled chunks within [*start, end), clipped to it; FALSE
 * when there is none. Advances *start past it. */
static gboolean
next_styled_run (PeithoHighlighter *self,
                 gsize             *start,
                 gsize              end,
                 gsize             *run_start,
                 gsize             *run_end)
{
  gsize chunk = *start / CHUNK_CHARS;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  end = MIN (end, self->n_chars);
  if (*start >= end)
    return FALSE;
  while (chunk * CHUNK_CHARS < end && !self->styled[chunk])
    chunk++;
  if (chunk * CHUNK_CHARS >= end)
    return FALSE;

  *run_start = MAX (*start, chunk * CHUNK_CHARS);
  while (chunk * CHUNK_CHARS < end && self->styled[chunk])
    chunk++;
  *run_end = MIN (end, chunk * CHUNK_CHARS);
  *start = *run_end;
  return TRUE;
}

/* Applies a change over [start, end) (an annotation's range) where it is
 * styled; the rest is styled from the index when it is asked for, and the
 * index already knows. @old_info's background is redrawn from @annotations,
 * @new_info's applied. */
static void
restyle_range (PeithoHighlighter *self,
               gsize              start,
               gsize              end,
               TagInfo           *old_info,
               TagInfo           *new_info,
               GPtrArray         *annotations)
{
  gsize rs, re;
  gsize pos = start;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  while (next_styled_run (self, &pos, end, &rs, &re))
    {
      if (old_info != NULL)
        refresh_background (self, old_info, rs, re, annotations);
      if (new_info != NULL)
        apply_background (self, new_info, rs, re);
      update_overlaps (self, rs, re, annotations, FALSE);
    }
  emit_changed (self, start, end);
}

static void
annotation_added_cb (PeithoHighlighter *self,
                     PeithoAnnotation  *annotation)
{
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);
  g_autoptr(GPtrArray) annotations = NULL;
  TagInfo *info;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->phase == PHASE_TEXT)
    return;

  annotations = peitho_document_get_annotations_in_range (self->document, start, end);
  restyle_range (self, start, end, NULL, is_visible (self, annotation, &info) ? info : NULL,
                 annotations);
}

static void
annotation_removed_cb (PeithoHighlighter *self,
                       PeithoAnnotation  *annotation)
{
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->phase == PHASE_TEXT)
    return;

  annotations = peitho_document_get_annotations_in_range (self->document, start, end);
  g_ptr_array_remove (annotations, annotation);
  restyle_range (self, start, end, drawing_info (self, annotation), NULL, annotations);
}

static void
annotation_changed_cb (PeithoHighlighter *self,
                       PeithoAnnotation  *annotation,
                       const char        *old_tag_id)
{
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);
  g_autoptr(GPtrArray) annotations = NULL;
  TagInfo *info;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->phase == PHASE_TEXT)
    return;

  /* A note changed: the highlight stays, tooltips and the margin redraw. */
  if (g_strcmp0 (old_tag_id, peitho_annotation_get_tag_id (annotation)) == 0)
    {
      emit_changed (self, start, end);
      return;
    }

  annotations = peitho_document_get_annotations_in_range (self->document, start, end);
  restyle_range (self, start, end,
                 self->by_annotator ? drawing_info (self, annotation) : lookup_info (self, old_tag_id),
                 is_visible (self, annotation, &info) ? info : NULL, annotations);
}

/* Styles chunk @chunk from the index: the backgrounds of the annotations
 * over it, clipped to it, and its overlap underlines. */
static void
style_chunk (PeithoHighlighter *self,
             gsize              chunk)
{
  gsize start = chunk * CHUNK_CHARS;
  gsize end = MIN (self->n_chars, start + CHUNK_CHARS);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  annotations = peitho_document_get_annotations_in_range (self->document, start, end);
  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      TagInfo *info;

      if (is_visible (self, annotation, &info))
        apply_background (self, info, MAX (start, peitho_annotation_get_start (annotation)),
                          MIN (end, peitho_annotation_get_end (annotation)));
    }
  update_overlaps (self, start, end, annotations, TRUE);
  self->styled[chunk] = TRUE;
}

/* Styles what is not styled yet in [start, end); with @deadline (not 0)
 * stops once it has passed. TRUE if all of it is styled. */
static gboolean
style_range (PeithoHighlighter *self,
             gsize              start,
             gsize              end,
             gint64             deadline)
{
  gsize first = start / CHUNK_CHARS;
  gsize last = MIN (self->n_chunks, (end + CHUNK_CHARS - 1) / CHUNK_CHARS);
  gsize done_start = G_MAXSIZE, done_end = 0;
  gboolean complete = TRUE;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  for (gsize chunk = first; chunk < last; chunk++)
    {
      if (self->styled[chunk])
        continue;
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        {
          complete = FALSE;
          break;
        }
      style_chunk (self, chunk);
      done_start = MIN (done_start, chunk * CHUNK_CHARS);
      done_end = MAX (done_end, MIN (self->n_chars, (chunk + 1) * CHUNK_CHARS));
    }
  if (done_start < done_end)
    emit_changed (self, done_start, done_end);
  return complete;
}

/* Drops every highlight and styles again what was last asked for: after a
 * tag was hidden, shown or recoloured. */
static void
restyle_all (PeithoHighlighter *self)
{
  GtkTextIter begin_iter, end_iter;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->document == NULL || self->phase == PHASE_TEXT)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &begin_iter, &end_iter);
  for (guint i = 0; i < self->info_order->len; i++)
    {
      TagInfo *info = g_ptr_array_index (self->info_order, i);

      gtk_text_buffer_remove_tag (self->buffer, info->background, &begin_iter, &end_iter);
      gtk_text_buffer_remove_tag (self->buffer, info->underline, &begin_iter, &end_iter);
    }
  for (guint i = 0; i < self->annotator_order->len; i++)
    {
      TagInfo *info = g_ptr_array_index (self->annotator_order, i);

      gtk_text_buffer_remove_tag (self->buffer, info->background, &begin_iter, &end_iter);
      gtk_text_buffer_remove_tag (self->buffer, info->underline, &begin_iter, &end_iter);
    }
  gtk_text_buffer_remove_tag (self->buffer, self->many, &begin_iter, &end_iter);
  memset (self->styled, 0, self->n_chunks);

  style_range (self, self->wanted_start, self->wanted_end, 0);
  emit_changed (self, 0, self->n_chars);
}

static void
sync_tags (PeithoHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autoptr(GPtrArray) tags = NULL;
  GHashTableIter iter;
  TagInfo *info;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  g_ptr_array_set_size (self->info_order, 0);
  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&info))
    info->seen = FALSE;

  if (self->tag_set != NULL)
    tags = peitho_tag_set_dup_tags (self->tag_set);

  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      const char *tag_id = peitho_tag_get_id (tag);
      GdkRGBA color;

      if (!gdk_rgba_parse (&color, peitho_tag_get_color (tag) ? peitho_tag_get_color (tag) : ""))
        gdk_rgba_parse (&color, "#9a9996");

      if (!(info = g_hash_table_lookup (self->infos, tag_id)))
        {
          info = g_new0 (TagInfo, 1);
          info->tag_id = g_strdup (tag_id);
          info->background = g_object_ref (gtk_text_tag_new (NULL));
          info->underline = g_object_ref (gtk_text_tag_new (NULL));
          gtk_text_tag_table_add (table, info->background);
          gtk_text_tag_table_add (table, info->underline);
          g_object_unref (info->background);
          g_object_unref (info->underline);
          info->hidden = g_hash_table_contains (self->hidden, tag_id);
          info->color = color;
          style_info (self, info);
          g_hash_table_insert (self->infos, info->tag_id, info);
        }
      else if (!gdk_rgba_equal (&color, &info->color))
        {
          info->color = color;
          style_info (self, info);
        }

      info->seen = TRUE;
      g_ptr_array_add (self->info_order, info);
    }

  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&info))
    {
      if (info->seen)
        continue;
      gtk_text_tag_table_remove (table, info->background);
      gtk_text_tag_table_remove (table, info->underline);
      g_hash_table_iter_remove (&iter);
    }

  /* The double underline must win over every single one. */
  gtk_text_tag_set_priority (self->many, gtk_text_tag_table_get_size (table) - 1);
}

static void
tag_set_changed_cb (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  sync_tags (self);
}

static void
set_progress (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* One step of filling the buffer with the text; then the first chunks are
 * styled. */
static gboolean
fill_step (PeithoHighlighter *self)
{
  const char *text = peitho_document_get_text (self->document);
  gsize len = MIN (TEXT_CHUNK_BYTES, self->text_len - self->text_done);
  GtkTextIter end_iter;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));
  g_assert (self->phase == PHASE_TEXT);

  if (self->text_done + len < self->text_len)
    {
      const char *cut = g_utf8_find_prev_char (text, text + self->text_done + len + 1);
      len = cut - (text + self->text_done);
    }

  gtk_text_buffer_get_end_iter (self->buffer, &end_iter);
  gtk_text_buffer_insert (self->buffer, &end_iter, text + self->text_done, (int) len);
  self->text_done += len;

  if (self->text_done >= self->text_len)
    {
      GtkTextIter start_iter;

      gtk_text_buffer_get_start_iter (self->buffer, &start_iter);
      gtk_text_buffer_place_cursor (self->buffer, &start_iter);
      self->phase = PHASE_IDLE;
      style_range (self, self->wanted_start, self->wanted_end, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_COMPLETE]);
    }

  set_progress (self);

  return self->phase != PHASE_IDLE;
}

static gboolean
fill_step_cb (gpointer user_data)
{
  PeithoHighlighter *self = user_data;

  if (fill_step (self))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return G_SOURCE_REMOVE;
}

static void
disconnect_document (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_data (self->tag_set, self);
  g_clear_object (&self->tag_set);
  g_clear_object (&self->document);
}

static void
document_tag_set_cb (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_data (self->tag_set, self);
  g_set_object (&self->tag_set, peitho_document_get_tag_set (self->document));
  g_signal_connect_swapped (self->tag_set, "changed", G_CALLBACK (tag_set_changed_cb), self);
  sync_tags (self);
}

/* The students' colours belong to one document's annotators. */
static void
clear_annotator_infos (PeithoHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  for (guint i = 0; i < self->annotator_order->len; i++)
    {
      TagInfo *info = g_ptr_array_index (self->annotator_order, i);

      gtk_text_tag_table_remove (table, info->background);
      gtk_text_tag_table_remove (table, info->underline);
    }
  g_ptr_array_set_size (self->annotator_order, 0);
  g_hash_table_remove_all (self->annotator_infos);
}

static void
peitho_highlighter_dispose (GObject *object)
{
  PeithoHighlighter *self = (PeithoHighlighter *)object;

  g_assert (PEITHO_IS_HIGHLIGHTER (object));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  disconnect_document (self);

  G_OBJECT_CLASS (peitho_highlighter_parent_class)->dispose (object);
}

static void
peitho_highlighter_finalize (GObject *object)
{
  PeithoHighlighter *self = (PeithoHighlighter *)object;

  g_assert (PEITHO_IS_HIGHLIGHTER (object));

  g_clear_pointer (&self->info_order, g_ptr_array_unref);
  g_clear_pointer (&self->styled, g_free);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->annotator_order, g_ptr_array_unref);
  g_clear_pointer (&self->annotator_infos, g_hash_table_unref);
  g_clear_pointer (&self->hidden_annotators, g_hash_table_unref);
  g_clear_object (&self->many);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (peitho_highlighter_parent_class)->finalize (object);
}

static void
peitho_highlighter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PeithoHighlighter *self = PEITHO_HIGHLIGHTER (object);

  g_assert (PEITHO_IS_HIGHLIGHTER (object));

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, peitho_highlighter_get_busy (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, peitho_highlighter_get_progress (self));
      break;
    case PROP_TEXT_COMPLETE:
      g_value_set_boolean (value, peitho_highlighter_get_text_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_highlighter_class_init (PeithoHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_highlighter_dispose;
  object_class->finalize = peitho_highlighter_finalize;
  object_class->get_property = peitho_highlighter_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_COMPLETE] =
    g_param_spec_boolean ("text-complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[ANNOTATORS_HIDDEN_CHANGED] =
    g_signal_new ("annotators-hidden-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
peitho_highlighter_init (PeithoHighlighter *self)
{
  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tag_info_free);
  self->info_order = g_ptr_array_new ();
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden_annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->annotator_infos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tag_info_free);
  self->annotator_order = g_ptr_array_new ();
}

PeithoHighlighter *
peitho_highlighter_new (GtkTextBuffer *buffer)
{
  PeithoHighlighter *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (PEITHO_TYPE_HIGHLIGHTER, NULL);
  self->buffer = g_object_ref (buffer);
  self->many = gtk_text_tag_new ("peitho-overlap-many");
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (buffer), self->many);

  return self;
}

GtkTextBuffer *
peitho_highlighter_get_buffer (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);
  return self->buffer;
}

PeithoDocument *
peitho_highlighter_get_document (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);
  return self->document;
}

/* Empties the buffer. The tags go first: deleting text leaves its tag
 * toggles side by side in one line, and GTK's clean-up of those is
 * quadratic in their number (four minutes for a novel styled throughout);
 * removing each tag over the whole buffer is linear. */
static void
clear_buffer (PeithoHighlighter *self)
{
  GtkTextIter start, end;

  g_assert (PEITHO_IS_HIGHLIGHTER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
}

void
peitho_highlighter_set_document (PeithoHighlighter *self,
                                 PeithoDocument    *document)
{
  gboolean was_busy, was_complete;

  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));
  g_return_if_fail (!document || PEITHO_IS_DOCUMENT (document));

  was_busy = peitho_highlighter_get_busy (self);
  was_complete = peitho_highlighter_get_text_complete (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  disconnect_document (self);
  clear_annotator_infos (self);

  clear_buffer (self);
  self->phase = PHASE_IDLE;
  if (was_complete)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_COMPLETE]);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_swapped (document, "annotation-added",
                                G_CALLBACK (annotation_added_cb), self);
      g_signal_connect_swapped (document, "annotation-removed",
                                G_CALLBACK (annotation_removed_cb), self);
      g_signal_connect_swapped (document, "annotation-changed",
                                G_CALLBACK (annotation_changed_cb), self);
      g_signal_connect_swapped (document, "notify::tag-set",
                                G_CALLBACK (document_tag_set_cb), self);
      document_tag_set_cb (self);

      self->text_len = strlen (peitho_document_get_text (document));
      self->text_done = 0;
      self->n_chars = peitho_document_get_length (document);
      self->n_chunks = (self->n_chars + CHUNK_CHARS - 1) / CHUNK_CHARS;
      g_free (self->styled);
      self->styled = g_new0 (guint8, MAX (self->n_chunks, 1));
      self->wanted_start = 0;
      self->wanted_end = MIN (self->n_chars, INITIAL_CHARS);
      self->phase = PHASE_TEXT;
      /* Documents up to a book's size are ready at once, without a flash of
       * plain text. */
      if (fill_step (self))
        self->idle_id = g_idle_add_full (FILL_PRIORITY, fill_step_cb, self, NULL);
    }
  else
    sync_tags (self);

  if (was_busy != peitho_highlighter_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  set_progress (self);
}

gboolean
peitho_highlighter_get_busy (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  return self->phase != PHASE_IDLE;
}

double
peitho_highlighter_get_progress (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), 0);

  if (self->phase == PHASE_TEXT)
    return self->text_len ? (double) self->text_done / self->text_len : 0;
  return 1.0;
}

void
peitho_highlighter_set_dark (PeithoHighlighter *self,
                             gboolean           dark)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  for (guint i = 0; i < self->info_order->len; i++)
    style_info (self, g_ptr_array_index (self->info_order, i));
  for (guint i = 0; i < self->annotator_order->len; i++)
    style_info (self, g_ptr_array_index (self->annotator_order, i));
  emit_changed (self, 0, self->n_chars);
}

void
peitho_highlighter_set_tag_hidden (PeithoHighlighter *self,
                                   const char        *tag_id,
                                   gboolean           hidden)
{
  TagInfo *info;

  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));
  g_return_if_fail (tag_id != NULL);

  if (hidden)
    g_hash_table_add (self->hidden, g_strdup (tag_id));
  else
    g_hash_table_remove (self->hidden, tag_id);

  if (!(info = lookup_info (self, tag_id)) || info->hidden == !!hidden)
    return;

  info->hidden = !!hidden;
  restyle_all (self);
}

gboolean
peitho_highlighter_is_tag_hidden (PeithoHighlighter *self,
                                  const char        *tag_id)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  return tag_id != NULL && g_hash_table_contains (self->hidden, tag_id);
}

gboolean
peitho_highlighter_get_color (PeithoHighlighter *self,
                              const char        *tag_id,
                              GdkRGBA           *color)
{
  TagInfo *info;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);

  if (!(info = lookup_info (self, tag_id)))
    return FALSE;
  *color = info->color;
  return TRUE;
}

GtkTextTag *
peitho_highlighter_get_text_tag (PeithoHighlighter *self,
                                 const char        *tag_id)
{
  TagInfo *info;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);

  info = lookup_info (self, tag_id);
  return info ? info->background : NULL;
}

GtkTextTag *
peitho_highlighter_get_overlap_tag (PeithoHighlighter *self,
                                    const char        *tag_id)
{
  TagInfo *info;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);

  info = lookup_info (self, tag_id);
  return info ? info->underline : NULL;
}

void
peitho_highlighter_foreach_overlap_tag (PeithoHighlighter *self,
                                        PeithoOverlapFunc  func,
                                        gpointer           user_data)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < drawing_order (self)->len; i++)
    {
      TagInfo *info = g_ptr_array_index (drawing_order (self), i);

      if (!info->hidden)
        func (info->underline, &info->line_color, user_data);
    }
}

GtkTextTag *
peitho_highlighter_get_overlap_many_tag (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);
  return self->many;
}

gboolean
peitho_highlighter_get_text_complete (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  return self->document != NULL && self->phase != PHASE_TEXT;
}

gboolean
peitho_highlighter_ensure_styled (PeithoHighlighter *self,
                                  gsize              start,
                                  gsize              end,
                                  gint64             deadline)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  end = MIN (end, self->n_chars);
  start = MIN (start, end);
  self->wanted_start = start;
  self->wanted_end = end;
  if (self->phase == PHASE_TEXT)
    return FALSE;
  return style_range (self, start, end, deadline);
}

gboolean
peitho_highlighter_is_styled (PeithoHighlighter *self,
                              gsize              start,
                              gsize              end)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);

  if (self->document == NULL || self->phase == PHASE_TEXT)
    return FALSE;
  end = MIN (end, self->n_chars);
  for (gsize chunk = start / CHUNK_CHARS; chunk * CHUNK_CHARS < end; chunk++)
    if (!self->styled[chunk])
      return FALSE;
  return TRUE;
}

void
peitho_highlighter_set_annotator_hidden (PeithoHighlighter *self,
                                         const char        *annotator_id,
                                         gboolean           hidden)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));
  g_return_if_fail (annotator_id != NULL);

  if (!!hidden == g_hash_table_contains (self->hidden_annotators, annotator_id))
    return;
  if (hidden)
    g_hash_table_add (self->hidden_annotators, g_strdup (annotator_id));
  else
    g_hash_table_remove (self->hidden_annotators, annotator_id);
  restyle_all (self);
  g_signal_emit (self, signals[ANNOTATORS_HIDDEN_CHANGED], 0);
}

gboolean
peitho_highlighter_is_annotator_hidden (PeithoHighlighter *self,
                                        const char        *annotator_id)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  return annotator_id != NULL && g_hash_table_contains (self->hidden_annotators, annotator_id);
}

void
peitho_highlighter_show_all_annotators (PeithoHighlighter *self)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));

  if (g_hash_table_size (self->hidden_annotators) == 0)
    return;
  g_hash_table_remove_all (self->hidden_annotators);
  restyle_all (self);
  g_signal_emit (self, signals[ANNOTATORS_HIDDEN_CHANGED], 0);
}

void
peitho_highlighter_set_color_by_annotator (PeithoHighlighter *self,
                                           gboolean           by_annotator)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));

  if (self->by_annotator == !!by_annotator)
    return;
  self->by_annotator = !!by_annotator;
  restyle_all (self);
}

gboolean
peitho_highlighter_get_color_by_annotator (PeithoHighlighter *self)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  return self->by_annotator;
}

void
peitho_highlighter_get_annotator_color (PeithoHighlighter *self,
                                        const char        *annotator_id,
                                        GdkRGBA           *color)
{
  g_return_if_fail (PEITHO_IS_HIGHLIGHTER (self));
  g_return_if_fail (color != NULL);

  annotator_color (self, annotator_id ? annotator_id : "", color);
}

GtkTextTag *
peitho_highlighter_get_annotator_text_tag (PeithoHighlighter *self,
                                           const char        *annotator_id)
{
  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), NULL);
  return ensure_annotator_info (self, annotator_id)->background;
}

gboolean
peitho_highlighter_get_annotation_color (PeithoHighlighter *self,
                                         PeithoAnnotation  *annotation,
                                         GdkRGBA           *color)
{
  TagInfo *info;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  if (!is_visible (self, annotation, &info))
    return FALSE;
  *color = info->color;
  return TRUE;
}
