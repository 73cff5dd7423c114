/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-core.h"
#include "peitho-test-util.h"

G_BEGIN_DECLS

/* A random document (g_test_rand_*): Unicode with combining marks, emoji,
 * right-to-left text, CR characters and XML specials; 0-40 paragraphs;
 * overlapping, nested, paragraph-crossing and same-offset annotations, notes,
 * relations, several annotators, creation times, metadata and changes. */
PeithoDocument *tei_test_random_document   (void);

PeithoDocument *tei_test_read              (GBytes         *bytes,
                                            GPtrArray      *problems);
/* tei_test_read() of a document that must read without problems (those
 * there are go to the test's log). */
PeithoDocument *tei_test_read_clean        (GBytes         *bytes);
GBytes         *tei_test_write             (PeithoDocument *document,
                                            PeithoTeiForm   form);

G_END_DECLS
