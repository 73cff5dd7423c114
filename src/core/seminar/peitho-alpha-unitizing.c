/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-alpha-unitizing.h"

#include <stdlib.h>

/* One piece of an annotator's section of the continuum: a unit or a gap. */
typedef struct {
  gsize    start;
  gsize    length;
  gboolean unit;
} Segment;

static int
span_compare (gconstpointer a,
              gconstpointer b)
{
  const PeithoSpan *x = a;
  const PeithoSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

void
peitho_spans_normalize (GArray *spans)
{
  guint out = 0;

  g_return_if_fail (spans != NULL);
  g_return_if_fail (g_array_get_element_size (spans) == sizeof (PeithoSpan));

  g_array_sort (spans, span_compare);
  for (guint i = 0; i < spans->len; i++)
    {
      PeithoSpan span = g_array_index (spans, PeithoSpan, i);

      if (span.end <= span.start)
        continue;
      if (out > 0 && span.start < g_array_index (spans, PeithoSpan, out - 1).end)
        {
          PeithoSpan *last = &g_array_index (spans, PeithoSpan, out - 1);

          last->end = MAX (last->end, span.end);
          continue;
        }
      g_array_index (spans, PeithoSpan, out++) = span;
    }
  g_array_set_size (spans, out);
}

gsize
peitho_spans_length (const GArray *spans)
{
  gsize total = 0;

  g_return_val_if_fail (spans != NULL, 0);

  for (guint i = 0; i < spans->len; i++)
    total += g_array_index (spans, PeithoSpan, i).end - g_array_index (spans, PeithoSpan, i).start;
  return total;
}

gsize
peitho_spans_intersection_length (const GArray *a,
                                  const GArray *b)
{
  gsize total = 0;
  guint i = 0, j = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  while (i < a->len && j < b->len)
    {
      const PeithoSpan *x = &g_array_index (a, PeithoSpan, i);
      const PeithoSpan *y = &g_array_index (b, PeithoSpan, j);
      gsize start = MAX (x->start, y->start);
      gsize end = MIN (x->end, y->end);

      if (end > start)
        total += end - start;
      if (x->end < y->end)
        i++;
      else
        j++;
    }
  return total;
}

/* The units and gaps that @spans cut [begin, begin + length) into. */
static GArray *
section_segments (const GArray *spans,
                  gsize         begin,
                  gsize         length)
{
  GArray *segments = g_array_sized_new (FALSE, FALSE, sizeof (Segment), 2 * spans->len + 1);
  gsize end = begin + length;
  gsize pos = begin;

  for (guint i = 0; i < spans->len; i++)
    {
      const PeithoSpan *span = &g_array_index (spans, PeithoSpan, i);
      gsize start = MAX (span->start, begin);
      gsize stop = MIN (span->end, end);

      if (stop <= start)
        continue;
      g_assert (start >= pos);
      if (start > pos)
        g_array_append_val (segments, ((Segment) { pos, start - pos, FALSE }));
      g_array_append_val (segments, ((Segment) { start, stop - start, TRUE }));
      pos = stop;
    }
  if (pos < end)
    g_array_append_val (segments, ((Segment) { pos, end - pos, FALSE }));
  return segments;
}

/* Krippendorff's delta² of two segments of two annotators. */
static double
segment_distance (const Segment *x,
                  const Segment *y)
{
  double bx = (double) x->start, lx = (double) x->length;
  double by = (double) y->start, ly = (double) y->length;

  if (x->unit && y->unit)
    {
      double begin_diff = bx - by;
      double end_diff = (bx + lx) - (by + ly);

      /* Only units that share a character disagree by their boundaries. */
      if (-lx < begin_diff && begin_diff < ly)
        return begin_diff * begin_diff + end_diff * end_diff;
      return 0.0;
    }
  if (x->unit && !y->unit && bx >= by && bx + lx <= by + ly)
    return lx * lx;
  if (!x->unit && y->unit && by >= bx && by + ly <= bx + lx)
    return ly * ly;
  return 0.0;
}

/* The sum of delta² over the overlapping segments of two sections: both
 * partition the continuum, so a merge walk meets every overlapping pair once. */
static double
pair_distance (const GArray *a,
               const GArray *b)
{
  double total = 0.0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Segment *x = &g_array_index (a, Segment, i);
      const Segment *y = &g_array_index (b, Segment, j);
      gsize x_end = x->start + x->length;
      gsize y_end = y->start + y->length;

      total += segment_distance (x, y);
      if (x_end <= y_end)
        i++;
      if (y_end <= x_end)
        j++;
    }
  return total;
}

static int
gsize_compare (gconstpointer a,
               gconstpointer b)
{
  gsize x = *(const gsize *) a;
  gsize y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

/* Index of the first gap >= @length in the sorted @gaps. */
static guint
lower_bound (const GArray *gaps,
             gsize         length)
{
  guint low = 0, high = gaps->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (gaps, gsize, mid) < length)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

PeithoDisagreement
peitho_alpha_unitizing_disagreement (GArray * const *spans,
                                     guint           n_annotators,
                                     gsize           begin,
                                     gsize           length)
{
  PeithoDisagreement result = { 0.0, 0.0 };
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree double *gap_suffix = NULL;
  double m = n_annotators;
  double L = (double) length;
  double n_units;
  double squared_lengths = 0.0;
  double observed = 0.0;
  double expected = 0.0;
  double denominator;

  g_return_val_if_fail (spans != NULL, result);
  g_return_val_if_fail (n_annotators >= 2, result);
  g_return_val_if_fail (length > 0, result);

  for (guint i = 0; i < n_annotators; i++)
    {
      GArray *segments = section_segments (spans[i], begin, length);

      g_ptr_array_add (sections, segments);
      for (guint k = 0; k < segments->len; k++)
        {
          const Segment *segment = &g_array_index (segments, Segment, k);

          if (segment->unit)
            g_array_append_val (units, segment->length);
          else
            g_array_append_val (gaps, segment->length);
        }
    }

  if (units->len == 0)
    return result;

  /* Observed: each unordered pair once, doubled (the distance is symmetric). */
  for (guint i = 0; i < n_annotators; i++)
    for (guint j = i + 1; j < n_annotators; j++)
      observed += pair_distance (g_ptr_array_index (sections, i), g_ptr_array_index (sections, j));
  result.observed = 2.0 * observed / (m * (m - 1.0) * L * L);

  /* Expected: for each unit, the sum over all gaps at least as long of
   * (gap - unit + 1), from sorted gaps and their suffix sums. */
  g_array_sort (gaps, gsize_compare);
  gap_suffix = g_new0 (double, gaps->len + 1);
  for (guint k = gaps->len; k > 0; k--)
    gap_suffix[k - 1] = gap_suffix[k] + (double) g_array_index (gaps, gsize, k - 1);

  n_units = units->len;
  for (guint k = 0; k < units->len; k++)
    {
      gsize unit = g_array_index (units, gsize, k);
      double l = (double) unit;
      guint first = lower_bound (gaps, unit);
      double n_longer = gaps->len - first;
      double within_gaps = gap_suffix[first] - (l - 1.0) * n_longer;
      double within_units = (n_units - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0;

      expected += within_units + l * l * within_gaps;
      squared_lengths += l * (l - 1.0);
    }
  denominator = m * L * (m * L - 1.0) - squared_lengths;
  if (denominator > 0.0)
    result.expected = (2.0 / L) * expected / denominator;
  return result;
}
