/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RelaxNG validation against $PEITHO_TEI_SCHEMA (TEI All), compiled once per
 * test binary with libxml2 on first use (10 to 20 s for tei_all.rng), or
 * asked of the one validator of the whole test run when $PEITHO_TEI_VALIDATOR
 * names its socket (build-aux/peitho-test starts it: tei-validate --serve). */

/* TRUE if @data is a valid TEI document; otherwise FALSE and the messages of
 * the validator ("LINE: message", one a line) in @message. */
gboolean tei_validate_data              (const char  *data,
                                         gsize        length,
                                         char       **message);
/* The same, always in this process. */
gboolean tei_validate_data_here         (const char  *data,
                                         gsize        length,
                                         char       **message);
/* Compiles the schema now, if it is not yet. */
void     tei_validate_compile           (void);
/* Seconds spent compiling the schema in this process (0 before the first
 * validation, and when the validator of the test run answers). */
double   tei_validate_compile_seconds   (void);
guint    tei_validate_count             (void);

/* Fails the test with the validator's messages (and keeps the document in
 * $G_TEST_BUILDDIR/invalid-N.xml for a look) if @bytes is not valid TEI. */
#define tei_assert_valid(bytes) \
  tei_assert_valid_impl ((bytes), __FILE__, __LINE__, #bytes)
void     tei_assert_valid_impl          (GBytes      *bytes,
                                         const char  *file,
                                         int          line,
                                         const char  *expression);

G_END_DECLS
