/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Replays the saved inputs of one fuzz target (its crashes, kept in
 * regressions/KIND/, and its seeds) through the same LLVMFuzzerTestOneInput,
 * built with the ordinary compiler: every input that ever crashed stays a
 * test. FUZZ_KIND is "tei" or "text". */

#include <string.h>
#include <glib.h>

#include "fuzz-common.h"

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, length);
  /* A crash or an abort fails the test; returning is a pass. */
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static guint
add_dir (const char *subdir)
{
  const char *root = g_getenv ("PEITHO_SOURCE_ROOT");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* tests/meson.build points G_TEST_SRCDIR at tests/, not at this folder. */
  if (root != NULL)
    dir = g_build_filename (root, "tests", "fuzz", subdir, FUZZ_KIND, NULL);
  else
    dir = g_test_build_filename (G_TEST_DIST, subdir, FUZZ_KIND, NULL);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *testpath = g_strdup_printf ("/fuzz-%s/%s/%s", FUZZ_KIND, subdir, file);

      /* The path lives as long as the test program. */
      g_test_add_data_func_full (testpath, g_build_filename (dir, file, NULL), replay_file, g_free);
    }
  return names->len;
}

int
main (int    argc,
      char **argv)
{
  int fake_argc = 1;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&fake_argc, &argv);
  add_dir ("regressions");
  if (add_dir ("seeds") == 0)
    g_error ("no seeds found: is PEITHO_SOURCE_ROOT set?");
  return g_test_run ();
}
