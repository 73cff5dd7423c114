/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drawing the pages that peitho-handout-renderer.c laid out. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "peitho-handout-renderer-private.h"

/* ---------------------------------------------------------------------------
 * Drawing
 */

/* Greyscale: a line style per tag, by its place in the legend. */
static void
set_line_style (PeithoHandoutRenderer   *self,
                cairo_t                 *cr,
                const PeithoHandoutItem *item,
                double                  *width)
{
  static const double dashed[] = { 3.0, 1.6 };
  static const double dotted[] = { 0.1, 1.6 };
  static const double dash_dot[] = { 3.0, 1.2, 0.1, 1.2 };
  static const double long_dash[] = { 6.0, 2.0 };
  guint style = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_styles, item->tag));

  *width = UNDERLINE;
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (style % 5)
    {
    case 0:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case 1:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case 2:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      *width = UNDERLINE * 1.3;
      break;
    case 3:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    default:
      cairo_set_dash (cr, long_dash, G_N_ELEMENTS (long_dash), 0);
      break;
    }
  /* Five styles, then the same in a lighter grey and thicker. */
  if ((style / 5) % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      *width *= 1.5;
    }
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
}

/* One item's stretch of a line, merged over the pieces it spans. */
typedef struct {
  const PeithoHandoutItem *item;
  guint                    style;   /* the tag's place in the legend */
  double                   x0;
  double                   x1;
} Segment;

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *x = a, *y = b;

  if (x->style != y->style)
    return x->style < y->style ? -1 : 1;
  return x->item->index < y->item->index ? -1 : x->item->index > y->item->index;
}

/* The segments of a line, at most one per item and contiguous x range. */
static GArray *
collect_segments (PeithoHandoutRenderer *self,
                  Block                 *block,
                  PangoLayoutLine       *line)
{
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);  /* item -> segment index + 1 */
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  int line_end = line->start_index + line->length;
  guint low = 0, high = block->pieces->len;

  /* Pieces are in text order: find the first that reaches the line. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (block->pieces, Piece, mid).end <= line->start_index)
        low = mid + 1;
      else
        high = mid;
    }

  for (guint p = low; p < block->pieces->len; p++)
    {
      Piece *piece = &g_array_index (block->pieces, Piece, p);
      int start = MAX (piece->start, line->start_index);
      int end = MIN (piece->end, line_end);
      int *ranges = NULL;
      int n_ranges = 0;

      if (piece->start >= line_end)
        break;
      if (start >= end)
        continue;
      pango_layout_line_get_x_ranges (line, start, end, &ranges, &n_ranges);
      for (int r = 0; r < n_ranges; r++)
        {
          double x0 = block->x + (double) ranges[2 * r] / PANGO_SCALE;
          double x1 = block->x + (double) ranges[2 * r + 1] / PANGO_SCALE;

          for (guint a = 0; a < piece->n; a++)
            {
              const PeithoHandoutItem *item = g_ptr_array_index (block->active, piece->first + a);
              guint index = GPOINTER_TO_UINT (g_hash_table_lookup (last, item));
              Segment segment;

              if (index > 0)
                {
                  Segment *previous = &g_array_index (segments, Segment, index - 1);

                  if (ABS (previous->x1 - x0) < 0.01)
                    {
                      previous->x1 = x1;
                      continue;
                    }
                }
              segment.item = item;
              segment.style = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_styles, item->tag));
              segment.x0 = x0;
              segment.x1 = x1;
              g_array_append_val (segments, segment);
              g_hash_table_insert (last, (gpointer) item, GUINT_TO_POINTER (segments->len));
            }
        }
      g_free (ranges);
    }

  g_array_sort (segments, compare_segments);
  return segments;
}

/* The highlights of a line, one fill and one stroke per tag: a page of a
 * large document has thousands of overlapping stretches, and every drawing
 * operation is a PDF operator to write (and a printer to read). */
static void
draw_highlights (PeithoHandoutRenderer *self,
                 cairo_t               *cr,
                 Block                 *block,
                 guint                  line_index,
                 double                 baseline)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) line_index);
  g_autoptr(GArray) segments = NULL;
  PangoRectangle logical;
  double top, bottom;

  if (block->pieces == NULL || block->pieces->len == 0)
    return;
  pango_layout_line_get_extents (line, NULL, &logical);
  top = baseline + (double) logical.y / PANGO_SCALE;
  bottom = top + (double) logical.height / PANGO_SCALE;
  segments = collect_segments (self, block, line);

  for (guint first = 0; first < segments->len; )
    {
      const Segment *head = &g_array_index (segments, Segment, first);
      const PeithoHandoutItem *item = head->item;
      guint next = first;
      double line_width = UNDERLINE;
      double red, green, blue;

      while (next < segments->len && g_array_index (segments, Segment, next).style == head->style
             && g_array_index (segments, Segment, next).item->tag == item->tag)
        next++;

      cairo_save (cr);
      if (self->greyscale)
        set_line_style (self, cr, item, &line_width);
      else
        {
          _peitho_handout_parse_rgb (item->tag != NULL ? peitho_tag_get_color (item->tag) : NULL,
                     &red, &green, &blue);
          for (guint s = first; s < next; s++)
            {
              const Segment *segment = &g_array_index (segments, Segment, s);

              cairo_rectangle (cr, segment->x0, top, segment->x1 - segment->x0, bottom - top);
            }
          cairo_set_source_rgba (cr, red, green, blue, ALPHA);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, red * 0.8, green * 0.8, blue * 0.8);
        }
      for (guint s = first; s < next; s++)
        {
          const Segment *segment = &g_array_index (segments, Segment, s);
          double y = bottom + 0.8 + MIN (segment->item->level, MAX_LEVELS - 1) * LEVEL_STEP;

          cairo_move_to (cr, segment->x0, y);
          cairo_line_to (cr, segment->x1, y);
        }
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
      cairo_restore (cr);
      first = next;
    }
}

static void
draw_lines (PeithoHandoutRenderer *self,
            cairo_t               *cr,
            Block                 *block,
            guint                  first,
            guint                  n,
            double                 y)
{
  double origin = g_array_index (block->line_top, double, first);

  for (guint i = first; i < first + n; i++)
    {
      double baseline = y + g_array_index (block->line_baseline, double, i) - origin;
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) i);

      draw_highlights (self, cr, block, i, baseline);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, block->x, baseline);
      pango_cairo_show_layout_line (cr, line);

      /* The paragraph's or the verse line's number in the margin. */
      if (block->kind == BLOCK_TEXT && i == 0 && block->margin != NULL)
        {
          g_autoptr(PangoLayout) number = NULL;
          double number_baseline;

          number = _peitho_handout_renderer_new_layout (self, SMALL_FONT, GUTTER - 6);

          pango_layout_set_text (number, block->margin, -1);
          pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
          cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
          number_baseline = (double) pango_layout_get_baseline (number) / PANGO_SCALE;
          cairo_move_to (cr, 0, baseline - number_baseline);
          pango_cairo_show_layout (cr, number);
        }
    }
}

void
peitho_handout_renderer_draw_page (PeithoHandoutRenderer *self,
                                   cairo_t               *cr,
                                   guint                  page_nr)
{
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *number = NULL;
  Page *page;
  int footer_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (page_nr >= self->pages->len)
    return;
  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  for (guint i = 0; i < page->slices->len; i++)
    {
      Slice *slice = &g_array_index (page->slices, Slice, i);
      draw_lines (self, cr, slice->block, slice->first_line, slice->n_lines, slice->y);
    }

  if (page->notes->len > 0)
    {
      double y = self->height - FOOTER - page->notes_height + NOTES_GAP;

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, GUTTER, y - NOTES_GAP / 2);
      cairo_line_to (cr, GUTTER + (self->width - GUTTER) / 3, y - NOTES_GAP / 2);
      cairo_stroke (cr);
      for (guint i = 0; i < page->notes->len; i++)
        {
          Block *note = g_ptr_array_index (page->notes, i);
          int height;

          y += note->space_before;
          draw_lines (self, cr, note, 0, note->line_top->len, y);
          pango_layout_get_size (note->layout, NULL, &height);
          y += (double) height / PANGO_SCALE;
        }
    }

  footer = _peitho_handout_renderer_new_layout (self, SMALL_FONT, self->width);
  /* Translators: the page number at the foot of a printed page: "3 / 12" */
  number = g_strdup_printf (_("%u / %u"), page_nr + 1, self->pages->len);
  pango_layout_set_text (footer, number, -1);
  pango_layout_get_pixel_size (footer, &footer_width, NULL);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, (self->width - footer_width) / 2, self->height - FOOTER + 8);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}
