/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "peitho-malloc-tuning.h"

/* A parsed file of 20 MB is some 3 million small blocks. glibc keeps small
 * freed blocks in its "fastbins" without merging them with their
 * neighbours, and merges them all in one pass (malloc_consolidate) at the
 * next large malloc() or free(), over memory no longer in the cache: after
 * reading a 100,000-annotation document that pass cost 415-445 ms, a fifth
 * of the load. Without fastbins each block is merged as it is freed, while
 * it is in the cache, and the tree's free takes 80 ms in all. The small
 * blocks of everyday work go through glibc's per-thread cache (tcache)
 * first, which this leaves as it is.
 *
 * The window reads a file on a worker thread, and glibc gives each thread
 * that allocates an arena of its own, grown and given back in heaps of
 * 64 MB: reading the 100,000-annotation benchmark document there took
 * 790-840 ms against 680 ms on the main thread. With one arena for all
 * threads it takes as long as on the main thread. Peitho's threads seldom
 * allocate at the same time (a load, a save, a comparison beside the main
 * thread), and small blocks come from each thread's cache first.
 *
 * mallopt() is not safe while other threads allocate, hence once, at the
 * start of the program. */
void
peitho_malloc_tune_for_large_trees (void)
{
#ifdef __GLIBC__
  const char *tunables = g_getenv ("GLIBC_TUNABLES");

#ifdef M_MXFAST
  if (tunables == NULL || strstr (tunables, "malloc.mxfast") == NULL)
    mallopt (M_MXFAST, 0);
#endif
#ifdef M_ARENA_MAX
  if ((tunables == NULL || strstr (tunables, "malloc.arena_max") == NULL)
      && g_getenv ("MALLOC_ARENA_MAX") == NULL)
    mallopt (M_ARENA_MAX, 1);
#endif
#endif
}
