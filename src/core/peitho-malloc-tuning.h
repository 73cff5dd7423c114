/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tunes the C library's allocator for reading large documents. For a
 * program's main(), before any thread is started: it changes a setting of
 * the whole process. Does nothing when the user tuned the allocator
 * (GLIBC_TUNABLES) or off glibc. */
void peitho_malloc_tune_for_large_trees (void);

G_END_DECLS
