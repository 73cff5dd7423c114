/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <peitho-core.h>

G_BEGIN_DECLS

/* The corpus essay (Trotsky, 1939) imported as the window imports it, with
 * annotations by two annotators that overlap, nest, cross a paragraph break
 * and carry notes, and two relations. */
PeithoDocument *export_fixture_essay   (void);

/* The Folger Hamlet of the corpus, read as an edition (speakers, verse
 * lines with their numbers, stage directions), with five annotations by two
 * annotators, one across a line break, two with notes. */
PeithoDocument *export_fixture_hamlet  (void);

/* Runs @argv, returns its standard output (NULL and a skip if the program
 * is missing). Without @status, fails the test on a non-zero exit. */
char           *export_fixture_run     (const char * const *argv,
                                        int                *status,
                                        char              **standard_error);

/* Writes @bytes to a new file in a fresh temporary directory. */
char           *export_fixture_write   (GBytes             *bytes,
                                        const char         *basename);

/* Removes what export_fixture_write() made. */
void            export_fixture_remove  (const char         *path);

G_END_DECLS
