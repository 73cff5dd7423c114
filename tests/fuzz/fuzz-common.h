/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "peitho-core.h"
#include "peitho-test-util.h"

/* What the fuzz targets share: libFuzzer's entry points (also called by the
 * regression driver built with gcc), and the round-trip check. */
int  LLVMFuzzerInitialize   (int             *argc,
                             char          ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t   *data,
                             size_t           size);

void fuzz_setup             (void);
/* Writes @document as TEI (both forms), reads it back and aborts unless all
 * of it came back (peitho_test_document_difference()). */
void fuzz_check_round_trip  (PeithoDocument  *document,
                             const char      *what);
