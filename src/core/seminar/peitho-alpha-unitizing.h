/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Krippendorff's alpha for unitizing (alpha_u): Krippendorff, "On the
 * reliability of unitizing continuous data", Sociological Methodology 25
 * (1995), and Content Analysis, 2nd ed. (2004), 251-256; the same values as
 * DKPro Statistics' KrippendorffAlphaUnitizingAgreement.
 *
 * For one category, each annotator's units cut the continuum
 * [begin, begin + length) into units and gaps. Observed disagreement D_o sums,
 * over every ordered pair of annotators, the squared differences of the
 * segments that overlap (both units: the squared differences of their starts
 * and of their ends; a unit inside the other's gap: the unit's length squared),
 * divided by m (m - 1) L². Expected disagreement D_e is what the same units and
 * gaps would give if placed anywhere. alpha_u = 1 - D_o / D_e; over several
 * categories 1 - sum D_o / sum D_e (the mean observed over the mean expected
 * disagreement, not the mean of the alphas).
 *
 * Everything works on unit boundaries: O(n log n) in the number of units, never
 * per character, and in double (the cubic terms overflow 64-bit integers when
 * the continuum has millions of characters).
 */

/* A unit [start, end) of the continuum. */
typedef struct {
  gsize start;
  gsize end;
} PeithoSpan;

typedef struct {
  double observed;   /* D_o */
  double expected;   /* D_e */
} PeithoDisagreement;

/* Sorts @spans (a GArray of PeithoSpan), drops empty ones and merges those
 * that overlap (share a character); touching spans stay apart. */
void               peitho_spans_normalize            (GArray            *spans);
/* Characters covered by both normalized span lists. O(n + m). */
gsize              peitho_spans_intersection_length  (const GArray      *a,
                                                      const GArray      *b);
/* Characters covered by a normalized span list. */
gsize              peitho_spans_length               (const GArray      *spans);

/* D_o and D_e of one category. @spans holds @n_annotators normalized GArrays
 * of PeithoSpan, one per annotator (an empty array for an annotator who used
 * the category nowhere); units outside the continuum are clipped to it.
 * Requires n_annotators >= 2 and length > 0. D_e is 0 when nobody marked
 * anything. */
PeithoDisagreement peitho_alpha_unitizing_disagreement (GArray * const  *spans,
                                                        guint            n_annotators,
                                                        gsize            begin,
                                                        gsize            length);

G_END_DECLS
