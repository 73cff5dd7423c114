/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <peitho-core.h>

/* Krippendorff's alpha_u on spans: the published example, the limits, and
 * the fast computation against a literal transcription of the formulas. */

typedef struct {
  guint annotator;
  gsize start;
  gsize length;
} Unit;

/* Spans per annotator (normalized) from a list of units. */
static GPtrArray *
make_spans (const Unit *units,
            gsize       n_units,
            guint       n_annotators)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint a = 0; a < n_annotators; a++)
    g_ptr_array_add (spans, g_array_new (FALSE, FALSE, sizeof (PeithoSpan)));
  for (gsize i = 0; i < n_units; i++)
    {
      PeithoSpan span = { units[i].start, units[i].start + units[i].length };

      g_array_append_val (g_ptr_array_index (spans, units[i].annotator), span);
    }
  for (guint a = 0; a < n_annotators; a++)
    peitho_spans_normalize (g_ptr_array_index (spans, a));
  return spans;
}

static PeithoDisagreement
disagreement (const Unit *units,
              gsize       n_units,
              guint       n_annotators,
              gsize       begin,
              gsize       length)
{
  g_autoptr(GPtrArray) spans = make_spans (units, n_units, n_annotators);

  return peitho_alpha_unitizing_disagreement ((GArray **) spans->pdata, n_annotators,
                                              begin, length);
}

/* Krippendorff (2004), Content Analysis, 2nd ed., p. 254: observers i and
 * j, categories c and k, continuum 150-450 (the data as DKPro Statistics'
 * Krippendorff2004Test has them). */
static const Unit example_c[] = {
  { 0, 225, 70 }, { 0, 370, 30 },
  { 1, 220, 80 }, { 1, 355, 20 }, { 1, 400, 20 },
};
static const Unit example_k[] = {
  { 0, 180, 60 }, { 0, 300, 50 },
  { 1, 180, 60 }, { 1, 300, 50 },
};

static void
test_krippendorff_2004 (void)
{
  PeithoDisagreement c = disagreement (example_c, G_N_ELEMENTS (example_c), 2, 150, 300);
  PeithoDisagreement k = disagreement (example_k, G_N_ELEMENTS (example_k), 2, 150, 300);
  double alpha_c = 1.0 - c.observed / c.expected;
  double alpha_k = 1.0 - k.observed / k.expected;
  double alpha = 1.0 - (c.observed + k.observed) / (c.expected + k.expected);

  g_test_message ("D_o(c) %.6f D_e(c) %.6f alpha(c) %.6f; D_e(k) %.6f alpha(k) %.6f; alpha %.6f",
                  c.observed, c.expected, alpha_c, k.expected, alpha_k, alpha);

  /* By hand: the pairs that disagree are [225,295)/[220,300): 5² + 5²,
   * [370,400)/[355,375): 15² + 25², and j's [400,420) in i's gap: 20²;
   * 1300 each way, so D_o = 2 × 1300 / (2 × 1 × 300²). */
  g_assert_cmpfloat_with_epsilon (c.observed, 2600.0 / 180000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.observed, 0.0144, 0.0001);
  g_assert_cmpfloat_with_epsilon (c.expected, 0.0532, 0.0001);
  g_assert_cmpfloat_with_epsilon (alpha_c, 0.7286, 0.0001);
  g_assert_cmpfloat (k.observed, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (k.expected, 0.0490, 0.0001);
  g_assert_cmpfloat (alpha_k, ==, 1.0);
  /* Krippendorff's 0.8587 (DKPro's test accepts 0.8591 +/- 0.0005). */
  g_assert_cmpfloat_with_epsilon (alpha, 0.8587, 0.00005);
}

static void
test_perfect_agreement (void)
{
  static const Unit units[] = {
    { 0, 10, 5 }, { 0, 40, 20 },
    { 1, 10, 5 }, { 1, 40, 20 },
    { 2, 10, 5 }, { 2, 40, 20 },
  };
  PeithoDisagreement d = disagreement (units, G_N_ELEMENTS (units), 3, 0, 100);

  g_assert_cmpfloat (d.observed, ==, 0.0);
  g_assert_cmpfloat (d.expected, >, 0.0);
  g_assert_cmpfloat (1.0 - d.observed / d.expected, ==, 1.0);
}

/* A third annotator who marked nothing lowers agreement below 1. */
static void
test_silent_annotator (void)
{
  static const Unit units[] = {
    { 0, 10, 5 }, { 0, 40, 20 },
    { 1, 10, 5 }, { 1, 40, 20 },
  };
  PeithoDisagreement two = disagreement (units, G_N_ELEMENTS (units), 2, 0, 100);
  PeithoDisagreement three = disagreement (units, G_N_ELEMENTS (units), 3, 0, 100);

  g_assert_cmpfloat (1.0 - two.observed / two.expected, ==, 1.0);
  g_assert_cmpfloat (three.observed, >, 0.0);
  g_assert_cmpfloat (1.0 - three.observed / three.expected, <, 0.5);
}

/* Overlapping spans of one annotator count as their union; touching ones
 * stay two units. */
static void
test_overlaps_merged (void)
{
  static const Unit overlapping[] = { { 0, 10, 20 }, { 0, 20, 20 }, { 1, 10, 30 } };
  static const Unit touching[] = { { 0, 10, 10 }, { 0, 20, 20 }, { 1, 10, 30 } };
  PeithoDisagreement merged = disagreement (overlapping, G_N_ELEMENTS (overlapping), 2, 0, 100);
  PeithoDisagreement apart = disagreement (touching, G_N_ELEMENTS (touching), 2, 0, 100);

  g_assert_cmpfloat (merged.observed, ==, 0.0);
  g_assert_cmpfloat (apart.observed, >, 0.0);
}

/* The formulas of Krippendorff (1995) as written: every pair of segments,
 * every unit against every gap. Quadratic, for small random studies. */
typedef struct {
  double start, length;
  gboolean unit;
} Segment;

static GArray *
segments_of (GArray *spans,
             gsize   length)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  gsize pos = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      PeithoSpan *span = &g_array_index (spans, PeithoSpan, i);

      if (span->start > pos)
        g_array_append_val (segments, ((Segment) { pos, span->start - pos, FALSE }));
      g_array_append_val (segments, ((Segment) { span->start, span->end - span->start, TRUE }));
      pos = span->end;
    }
  if (pos < length)
    g_array_append_val (segments, ((Segment) { pos, length - pos, FALSE }));
  return segments;
}

static PeithoDisagreement
reference_disagreement (GPtrArray *spans,
                        gsize      length)
{
  guint m = spans->len;
  double L = length;
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double observed = 0, expected = 0, n_units = 0, squared = 0;

  for (guint i = 0; i < m; i++)
    g_ptr_array_add (sections, segments_of (g_ptr_array_index (spans, i), length));

  for (guint i = 0; i < m; i++)
    for (guint j = 0; j < m; j++)
      {
        GArray *si = g_ptr_array_index (sections, i), *sj = g_ptr_array_index (sections, j);

        if (i == j)
          continue;
        for (guint g = 0; g < si->len; g++)
          for (guint h = 0; h < sj->len; h++)
            {
              Segment *x = &g_array_index (si, Segment, g), *y = &g_array_index (sj, Segment, h);
              double d = x->start - y->start;

              if (x->unit && y->unit && -x->length < d && d < y->length)
                observed += d * d + (d + x->length - y->length) * (d + x->length - y->length);
              else if (x->unit && !y->unit && y->length - x->length >= d && d >= 0)
                observed += x->length * x->length;
              else if (!x->unit && y->unit && x->length - y->length >= -d && -d >= 0)
                observed += y->length * y->length;
            }
      }

  for (guint i = 0; i < m; i++)
    {
      GArray *si = g_ptr_array_index (sections, i);

      for (guint g = 0; g < si->len; g++)
        if (g_array_index (si, Segment, g).unit)
          {
            double l = g_array_index (si, Segment, g).length;

            n_units++;
            squared += l * (l - 1);
          }
    }
  for (guint i = 0; i < m; i++)
    {
      GArray *si = g_ptr_array_index (sections, i);

      for (guint g = 0; g < si->len; g++)
        {
          Segment *x = &g_array_index (si, Segment, g);
          double l = x->length, in_gaps = 0;

          if (!x->unit)
            continue;
          for (guint j = 0; j < m; j++)
            {
              GArray *sj = g_ptr_array_index (sections, j);

              for (guint h = 0; h < sj->len; h++)
                {
                  Segment *y = &g_array_index (sj, Segment, h);

                  if (!y->unit && y->length >= l)
                    in_gaps += y->length - l + 1;
                }
            }
          expected += (n_units - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * in_gaps;
        }
    }

  return (PeithoDisagreement) {
    observed / (m * (m - 1) * L * L),
    n_units > 0 ? (2 / L) * expected / (m * L * (m * L - 1) - squared) : 0,
  };
}

static void
test_against_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);

  for (guint round = 0; round < 300; round++)
    {
      guint m = g_rand_int_range (rand, 2, 6);
      gsize length = g_rand_int_range (rand, 1, 400);
      g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      PeithoDisagreement fast, slow;

      for (guint a = 0; a < m; a++)
        {
          GArray *mine = g_array_new (FALSE, FALSE, sizeof (PeithoSpan));
          guint n = g_rand_int_range (rand, 0, 8);

          for (guint k = 0; k < n; k++)
            {
              gsize start = g_rand_int_range (rand, 0, length);
              gsize end = start + g_rand_int_range (rand, 1, 60);

              g_array_append_val (mine, ((PeithoSpan) { start, MIN (end, length) }));
            }
          peitho_spans_normalize (mine);
          g_ptr_array_add (spans, mine);
        }

      fast = peitho_alpha_unitizing_disagreement ((GArray **) spans->pdata, m, 0, length);
      slow = reference_disagreement (spans, length);
      g_assert_cmpfloat_with_epsilon (fast.observed, slow.observed, 1e-9 * MAX (1, slow.observed));
      g_assert_cmpfloat_with_epsilon (fast.expected, slow.expected, 1e-9 * MAX (1, slow.expected));
    }
}

/* Millions of characters: the cubic terms exceed 64-bit integers, double
 * does not, and the values stay in range. */
static void
test_long_continuum (void)
{
  static const Unit units[] = {
    { 0, 0, 2500000 }, { 0, 2600000, 400000 },
    { 1, 100, 2500000 }, { 1, 2700000, 300000 },
  };
  PeithoDisagreement d = disagreement (units, G_N_ELEMENTS (units), 2, 0, 3000000);
  double alpha = 1.0 - d.observed / d.expected;

  g_assert_cmpfloat (d.expected, >, 0.0);
  g_assert_cmpfloat (alpha, >, 0.5);
  g_assert_cmpfloat (alpha, <=, 1.0);
}

static void
test_spans (void)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (PeithoSpan));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (PeithoSpan));

  g_array_append_val (a, ((PeithoSpan) { 30, 40 }));
  g_array_append_val (a, ((PeithoSpan) { 0, 10 }));
  g_array_append_val (a, ((PeithoSpan) { 5, 15 }));
  g_array_append_val (a, ((PeithoSpan) { 15, 20 }));
  g_array_append_val (a, ((PeithoSpan) { 50, 50 }));
  peitho_spans_normalize (a);
  g_assert_cmpuint (a->len, ==, 3);
  g_assert_cmpuint (g_array_index (a, PeithoSpan, 0).end, ==, 15);
  g_assert_cmpuint (peitho_spans_length (a), ==, 30);

  g_array_append_val (b, ((PeithoSpan) { 8, 35 }));
  g_assert_cmpuint (peitho_spans_intersection_length (a, b), ==, 7 + 5 + 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alpha/krippendorff-2004", test_krippendorff_2004);
  g_test_add_func ("/alpha/perfect-agreement", test_perfect_agreement);
  g_test_add_func ("/alpha/silent-annotator", test_silent_annotator);
  g_test_add_func ("/alpha/overlaps-merged", test_overlaps_merged);
  g_test_add_func ("/alpha/against-reference", test_against_reference);
  g_test_add_func ("/alpha/long-continuum", test_long_continuum);
  g_test_add_func ("/alpha/spans", test_spans);

  return g_test_run ();
}
