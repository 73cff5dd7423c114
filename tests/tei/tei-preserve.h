/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "peitho-core.h"

G_BEGIN_DECLS

/* The preservation property of a saved edition, checked independently of the
 * writer: remove Peitho's additions from @saved (anchors that the spans of
 * <standOff type="peitho"> point at, that standOff, header elements marked
 * n="peitho", each with the indentation before it in element-only content),
 * then compare with @original: the canonical XML (C14N 1.0, comments kept) of
 * each <text>, and of the whole document. Fails the test on a difference,
 * naming where the two first differ. */
void     tei_assert_preserved       (GBytes *original,
                                     GBytes *saved);

/* How many elements of Peitho's additions @saved holds (anchors, spans, marked
 * header parts). */
guint    tei_count_peitho_parts     (GBytes *saved);

/* Random annotations (g_test_rand_*) over the whole text of @document, tagged
 * with its tags: @n of them, some of them long, some one character. */
void     tei_add_random_annotations (PeithoDocument *document,
                                     guint           n);

G_END_DECLS
