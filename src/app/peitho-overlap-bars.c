/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-display-lines.h"
#include "peitho-overlap-bars.h"

/* A paragraph of more display lines than this (a few screens) has only its
 * visible part worked out, every frame: its whole could be a hostile
 * file's one line of megabytes. */
#define LONG_PARAGRAPH_LINES 128
/* Past this many paragraphs kept, start again. */
#define MAX_PARAGRAPHS       4096

typedef struct {
  GArray *display_lines;   /* the ones the bars were worked out on */
  GArray *bars;
  /* Buffer offsets where a tag came or went since: the bars of the display
   * lines there are worked out again, the others kept. Empty when
   * dirty_start >= dirty_end. */
  int     dirty_start;
  int     dirty_end;
} Paragraph;

struct _PeithoOverlapBars
{
  GtkTextView   *view;        /* weak */
  GtkTextBuffer *buffer;      /* weak */
  GtkTextTagTable *table;     /* weak */
  GHashTable    *paragraphs;  /* buffer line number -> Paragraph */
  GPtrArray     *tags;        /* not references: the table's signals say when one goes */
  GtkTextTag    *many;
  PeithoDisplayGeometry geometry;
};

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_array_unref (paragraph->display_lines);
  g_array_unref (paragraph->bars);
  g_free (paragraph);
}

static void
forget_all (PeithoOverlapBars *self)
{
  g_hash_table_remove_all (self->paragraphs);
}

/* A tag applied or removed: what it covers may lay out otherwise (a font)
 * or be underlined otherwise (a highlight). Within one paragraph only the
 * display lines it touches are worked out again (a tag action on a
 * paragraph of 70 display lines touches one or two); a span over several
 * paragraphs drops them. */
static void
tag_toggled_cb (GtkTextBuffer     *buffer,
                GtkTextTag        *tag,
                const GtkTextIter *start,
                const GtkTextIter *end,
                PeithoOverlapBars *self)
{
  int first_line = gtk_text_iter_get_line (start);
  int last_line = gtk_text_iter_get_line (end);
  Paragraph *paragraph;

  g_assert (self != NULL);
  g_assert (GTK_IS_TEXT_TAG (tag));

  if (first_line == last_line
      && (paragraph = g_hash_table_lookup (self->paragraphs, GINT_TO_POINTER (first_line))) != NULL)
    {
      int s = gtk_text_iter_get_offset (start);
      int e = MAX (gtk_text_iter_get_offset (end), s + 1);

      if (paragraph->dirty_start >= paragraph->dirty_end)
        {
          paragraph->dirty_start = s;
          paragraph->dirty_end = e;
        }
      else
        {
          paragraph->dirty_start = MIN (paragraph->dirty_start, s);
          paragraph->dirty_end = MAX (paragraph->dirty_end, e);
        }
      return;
    }
  peitho_line_table_remove_span (self->paragraphs, first_line, last_line);
}

static void
tag_changed_cb (GtkTextTagTable   *table,
                GtkTextTag        *tag,
                gboolean           size_changed,
                PeithoOverlapBars *self)
{
  g_assert (self != NULL);
  g_assert (GTK_IS_TEXT_TAG (tag));

  if (size_changed)
    forget_all (self);
}

/* A tag gone from the table: its address may come back as another's. */
static void
tag_removed_cb (GtkTextTagTable   *table,
                GtkTextTag        *tag,
                PeithoOverlapBars *self)
{
  g_assert (self != NULL);

  forget_all (self);
  g_ptr_array_set_size (self->tags, 0);
  self->many = NULL;
}

PeithoOverlapBars *
peitho_overlap_bars_new (GtkTextView *view)
{
  PeithoOverlapBars *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_new0 (PeithoOverlapBars, 1);
  self->view = view;
  self->buffer = gtk_text_view_get_buffer (view);
  self->table = gtk_text_buffer_get_tag_table (self->buffer);
  self->paragraphs = g_hash_table_new_full (NULL, NULL, NULL, paragraph_free);
  self->tags = g_ptr_array_new ();
  g_object_add_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  g_object_add_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
  g_object_add_weak_pointer (G_OBJECT (self->table), (gpointer *) &self->table);

  /* Before the default handlers, while the iters still hold. */
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (forget_all), self);
  g_signal_connect (self->buffer, "apply-tag", G_CALLBACK (tag_toggled_cb), self);
  g_signal_connect (self->buffer, "remove-tag", G_CALLBACK (tag_toggled_cb), self);
  g_signal_connect (self->table, "tag-changed", G_CALLBACK (tag_changed_cb), self);
  g_signal_connect (self->table, "tag-removed", G_CALLBACK (tag_removed_cb), self);
  return self;
}

void
peitho_overlap_bars_free (PeithoOverlapBars *self)
{
  if (self == NULL)
    return;

  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
    }
  if (self->table != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->table, self);
      g_object_remove_weak_pointer (G_OBJECT (self->table), (gpointer *) &self->table);
    }
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  g_hash_table_unref (self->paragraphs);
  g_ptr_array_unref (self->tags);
  g_free (self);
}

static gboolean
same_tags (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

void
peitho_overlap_bars_begin_frame (PeithoOverlapBars *self,
                                 GPtrArray         *tags,
                                 GtkTextTag        *many)
{
  PeithoDisplayGeometry geometry;

  g_return_if_fail (self != NULL && self->view != NULL);
  g_return_if_fail (tags != NULL);

  peitho_display_geometry_read (self->view, &geometry);
  if (memcmp (&geometry, &self->geometry, sizeof geometry) != 0
      || many != self->many || !same_tags (tags, self->tags))
    {
      forget_all (self);
      self->geometry = geometry;
      self->many = many;
      g_ptr_array_set_size (self->tags, 0);
      for (guint i = 0; i < tags->len; i++)
        g_ptr_array_add (self->tags, tags->pdata[i]);
    }
}

/* Working out one paragraph's bars. */
typedef struct {
  PeithoOverlapBars *self;
  GArray            *display_lines;
  int                paragraph_end;   /* offset of the next line's start */
  guint              first_line;
  guint              last_line;
  guint              tag;
  GArray            *bars;
} Work;

static int
line_end_offset (Work  *work,
                 guint  line)
{
  if (line + 1 < work->display_lines->len)
    return g_array_index (work->display_lines, PeithoDisplayLine, line + 1).offset;
  return work->paragraph_end;
}

static void
add_bar (Work     *work,
         guint     line,
         int       x0,
         int       x1,
         gboolean  twice)
{
  PeithoOverlapBar bar = { work->tag, line, x0, x1, twice };

  if (x1 > x0)
    g_array_append_val (work->bars, bar);
}

static guint
line_at_y (Work  *work,
           guint  guess,
           int    y)
{
  for (guint i = 0; i < work->display_lines->len; i++)
    if (g_array_index (work->display_lines, PeithoDisplayLine, i).y == y)
      return i;
  return guess;
}

/* Characters [first, last] of display line @line, which GTK does not place
 * on one line after all (bidi, or a wrap placed otherwise): a bar for each
 * stretch of them on one line, as their own locations say. */
static void
add_bars_char_by_char (Work        *work,
                       guint        line,
                       GtkTextIter *first,
                       int          last,
                       gboolean     twice)
{
  GtkTextIter iter = *first;
  GdkRectangle rect;
  int x0 = 0, x1 = 0, y = G_MININT;

  g_assert (work != NULL);

  do
    {
      gtk_text_view_get_iter_location (work->self->view, &iter, &rect);
      if (rect.y != y)
        {
          if (y != G_MININT)
            add_bar (work, line_at_y (work, line, y), x0, x1, twice);
          y = rect.y;
          x0 = rect.x;
          x1 = rect.x + rect.width;
        }
      x0 = MIN (x0, rect.x);
      x1 = MAX (x1, rect.x + rect.width);
    }
  while (gtk_text_iter_forward_char (&iter) && gtk_text_iter_get_offset (&iter) <= last);
  add_bar (work, line_at_y (work, line, y), x0, x1, twice);
}

/* Characters [start, end), all with or all without the many-overlaps tag:
 * one bar per display line, from the locations of its first and last
 * characters there. */
static void
add_run (Work              *work,
         const GtkTextIter *start,
         int                end,
         gboolean           twice)
{
  const PeithoDisplayLine *found;
  int s = gtk_text_iter_get_offset (start);

  g_assert (work != NULL);
  g_assert (s <= end);

  found = peitho_display_lines_find (work->display_lines, s);
  for (guint line = (guint) (found - &g_array_index (work->display_lines, PeithoDisplayLine, 0));
       line <= work->last_line; line++)
    {
      const PeithoDisplayLine *display_line = &g_array_index (work->display_lines,
                                                              PeithoDisplayLine, line);
      GtkTextIter first_iter = *start, last_iter = *start;
      GdkRectangle first_rect, last_rect;
      int first, last;

      if (display_line->offset >= end)
        break;
      first = MAX (s, display_line->offset);
      last = MIN (end, line_end_offset (work, line)) - 1;
      if (line < work->first_line || first > last)
        continue;

      gtk_text_iter_set_offset (&first_iter, first);
      gtk_text_iter_set_offset (&last_iter, last);
      gtk_text_view_get_iter_location (work->self->view, &first_iter, &first_rect);
      gtk_text_view_get_iter_location (work->self->view, &last_iter, &last_rect);
      if (first_rect.y != display_line->y || last_rect.y != display_line->y)
        {
          add_bars_char_by_char (work, line, &first_iter, last, twice);
          continue;
        }
      /* Either end may be the left one (right-to-left text). */
      add_bar (work, line, MIN (first_rect.x, last_rect.x),
               MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width), twice);
    }
}

/* A run of the current tag, [start, end): split where the many-overlaps
 * tag begins or ends. */
static void
add_range (Work              *work,
           const GtkTextIter *start,
           const GtkTextIter *end)
{
  GtkTextTag *many = work->self->many;
  GtkTextIter iter = *start;

  g_assert (work != NULL);

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter run_end = iter;
      gboolean twice = many != NULL && gtk_text_iter_has_tag (&iter, many);

      if (many == NULL || !gtk_text_iter_forward_to_tag_toggle (&run_end, many)
          || gtk_text_iter_compare (&run_end, end) > 0)
        run_end = *end;
      add_run (work, &iter, gtk_text_iter_get_offset (&run_end), twice);
      iter = run_end;
    }
}

/* Every run of @tag in [from, to). */
static void
add_tag (Work              *work,
         GtkTextTag        *tag,
         const GtkTextIter *from,
         const GtkTextIter *to)
{
  GtkTextIter iter = *from;

  g_assert (GTK_IS_TEXT_TAG (tag));

  if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;

  while (gtk_text_iter_compare (&iter, to) < 0)
    {
      GtkTextIter range_end = iter;

      gtk_text_iter_forward_to_tag_toggle (&range_end, tag);
      if (gtk_text_iter_compare (&range_end, to) > 0)
        range_end = *to;
      add_range (work, &iter, &range_end);

      iter = range_end;
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
}

static GArray *
work_out (PeithoOverlapBars *self,
          const GtkTextIter *line_start,
          GArray            *display_lines,
          guint              first_line,
          guint              last_line)
{
  Work work = { self, display_lines, 0, first_line, last_line, 0, NULL };
  GtkTextIter from = *line_start, to = *line_start;

  g_assert (self != NULL);
  g_assert (first_line <= last_line && last_line < display_lines->len);

  work.bars = g_array_new (FALSE, FALSE, sizeof (PeithoOverlapBar));
  if (!gtk_text_iter_forward_line (&to))
    gtk_text_iter_forward_to_end (&to);
  work.paragraph_end = gtk_text_iter_get_offset (&to);

  gtk_text_iter_set_offset (&from,
                            g_array_index (display_lines, PeithoDisplayLine, first_line).offset);
  if (last_line + 1 < display_lines->len)
    gtk_text_iter_set_offset (&to, line_end_offset (&work, last_line));

  for (work.tag = 0; work.tag < self->tags->len; work.tag++)
    add_tag (&work, self->tags->pdata[work.tag], &from, &to);
  return work.bars;
}

static guint
line_index (GArray *display_lines,
            int     offset)
{
  return (guint) (peitho_display_lines_find (display_lines, offset)
                  - &g_array_index (display_lines, PeithoDisplayLine, 0));
}

/* Works out again the bars of @paragraph's dirty display lines and keeps
 * the others, in the order work_out() gives them all (by tag, then along
 * the text), so that the result is what working it all out would be. */
static void
rework_dirty (PeithoOverlapBars *self,
              Paragraph         *paragraph,
              const GtkTextIter *line_start,
              GArray            *display_lines)
{
  GArray *old = paragraph->bars;
  g_autoptr(GArray) fresh = NULL;
  GArray *bars;
  guint first, last;
  guint i = 0, j = 0;

  g_assert (paragraph->dirty_start < paragraph->dirty_end);

  first = line_index (display_lines, paragraph->dirty_start);
  last = line_index (display_lines, paragraph->dirty_end - 1);
  fresh = work_out (self, line_start, display_lines, first, last);

  bars = g_array_sized_new (FALSE, FALSE, sizeof (PeithoOverlapBar), old->len + fresh->len);
  for (guint tag = 0; tag < self->tags->len; tag++)
    {
      guint tag_start = i;

      for (; i < old->len && g_array_index (old, PeithoOverlapBar, i).tag == tag; i++)
        if (g_array_index (old, PeithoOverlapBar, i).line < first)
          g_array_append_val (bars, g_array_index (old, PeithoOverlapBar, i));
      for (; j < fresh->len && g_array_index (fresh, PeithoOverlapBar, j).tag == tag; j++)
        g_array_append_val (bars, g_array_index (fresh, PeithoOverlapBar, j));
      for (guint k = tag_start; k < i; k++)
        if (g_array_index (old, PeithoOverlapBar, k).line > last)
          g_array_append_val (bars, g_array_index (old, PeithoOverlapBar, k));
    }

  /* Frames may still hold the old arrays: replaced, never changed. */
  g_array_unref (paragraph->bars);
  paragraph->bars = bars;
  g_array_unref (paragraph->display_lines);
  paragraph->display_lines = g_array_ref (display_lines);
  paragraph->dirty_start = paragraph->dirty_end = 0;
}

static gboolean
same_wrapping (GArray *a,
               GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const PeithoDisplayLine *x = &g_array_index (a, PeithoDisplayLine, i);
      const PeithoDisplayLine *y = &g_array_index (b, PeithoDisplayLine, i);

      if (x->offset != y->offset || x->height != y->height)
        return FALSE;
    }
  return TRUE;
}

gboolean
peitho_overlap_bars_lacks (PeithoOverlapBars *self,
                           const GtkTextIter *line_start,
                           GArray            *display_lines)
{
  Paragraph *paragraph;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (line_start != NULL && gtk_text_iter_starts_line (line_start), FALSE);
  g_return_val_if_fail (display_lines != NULL && display_lines->len > 0, FALSE);

  if (display_lines->len > LONG_PARAGRAPH_LINES)
    return FALSE;
  paragraph = g_hash_table_lookup (self->paragraphs, GINT_TO_POINTER (gtk_text_iter_get_line (line_start)));
  return paragraph == NULL || !same_wrapping (paragraph->display_lines, display_lines)
      || paragraph->dirty_start < paragraph->dirty_end;
}

GArray *
peitho_overlap_bars_dup (PeithoOverlapBars *self,
                         const GtkTextIter *line_start,
                         GArray            *display_lines,
                         guint              first_line,
                         guint              last_line)
{
  Paragraph *paragraph;
  int line;

  g_return_val_if_fail (self != NULL && self->view != NULL, NULL);
  g_return_val_if_fail (line_start != NULL && gtk_text_iter_starts_line (line_start), NULL);
  g_return_val_if_fail (display_lines != NULL && display_lines->len > 0, NULL);
  g_return_val_if_fail (first_line <= last_line, NULL);

  last_line = MIN (last_line, display_lines->len - 1);
  first_line = MIN (first_line, last_line);
  if (display_lines->len > LONG_PARAGRAPH_LINES)
    return work_out (self, line_start, display_lines, first_line, last_line);

  line = gtk_text_iter_get_line (line_start);
  paragraph = g_hash_table_lookup (self->paragraphs, GINT_TO_POINTER (line));
  if (paragraph != NULL && !same_wrapping (paragraph->display_lines, display_lines))
    {
      g_hash_table_remove (self->paragraphs, GINT_TO_POINTER (line));
      paragraph = NULL;
    }
  if (paragraph == NULL)
    {
      if (g_hash_table_size (self->paragraphs) >= MAX_PARAGRAPHS)
        forget_all (self);
      paragraph = g_new0 (Paragraph, 1);
      paragraph->display_lines = g_array_ref (display_lines);
      paragraph->bars = work_out (self, line_start, display_lines, 0, display_lines->len - 1);
      g_hash_table_insert (self->paragraphs, GINT_TO_POINTER (line), paragraph);
    }
  else if (paragraph->dirty_start < paragraph->dirty_end)
    rework_dirty (self, paragraph, line_start, display_lines);
  return g_array_ref (paragraph->bars);
}
