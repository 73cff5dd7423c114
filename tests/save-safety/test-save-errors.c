/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A save that cannot be written leaves the old file as it was, byte for byte,
 * and says why, naming the file. Root ignores permissions, so besides a
 * read-only folder (skipped as root) the tests make writes fail in ways that
 * hold for root too: a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored,
 * makes write() fail with EFBIG for anyone), a parent that is a file, a
 * missing folder. */

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "peitho-test-util.h"
#include "save-safety-docs.h"

typedef struct {
  char           *dir;
  char           *path;
  GFile          *file;
  PeithoDocument *old_document;
  PeithoDocument *new_document;
  GBytes         *old_bytes;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("peitho-save-errors-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "annotated.xml", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->old_document = save_safety_document (0);
  fixture->new_document = save_safety_document (1);
  g_assert_true (peitho_tei_write_file (fixture->old_document, fixture->file,
                                        PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  g_assert_no_error (error);
  fixture->old_bytes = g_file_load_bytes (fixture->file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0755);
  peitho_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
  g_object_unref (fixture->old_document);
  g_object_unref (fixture->new_document);
  g_bytes_unref (fixture->old_bytes);
}

/* The old file is unchanged, and nothing else is left in the folder. */
static void
assert_untouched (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = g_file_load_bytes (fixture->file, NULL, NULL, &error);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (now, fixture->old_bytes));

  handle = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_equal (name, "annotated.xml"))
      g_error ("a failed save left “%s” behind", name);
}

static void
assert_message (const GError *error,
                const char   *path,
                const char   *why)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, why) == NULL)
    g_error ("“%s” does not say why (“%s”)", error->message, why);
}

/* Writes beyond @bytes fail with EFBIG, for root too. */
static void
limit_file_size (rlim_t bytes)
{
  struct rlimit limit = { bytes, bytes };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores permissions; the file-size tests cover root");
      return;
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_assert_false (peitho_tei_write_file (fixture->new_document, fixture->file,
                                         PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  assert_message (error, fixture->path, g_strerror (EACCES));
  assert_untouched (fixture);
}

static void
test_file_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The limit must not outlive this test. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  limit_file_size (4096);
  g_assert_false (peitho_tei_write_file (fixture->new_document, fixture->file,
                                         PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  assert_message (error, fixture->path, g_strerror (EFBIG));
  assert_untouched (fixture);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (peitho_document_save_file_finish (result, error));
}

static void
test_file_too_large_async (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The window's way of saving. */
  limit_file_size (4096);
  peitho_document_save_file_async (fixture->new_document, fixture->file, PEITHO_TEI_STANDOFF,
                                   NULL, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_message (error, fixture->path, g_strerror (EFBIG));
  assert_untouched (fixture);
}

static void
test_parent_is_a_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->path, "inside.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (peitho_tei_write_file (fixture->new_document, file, PEITHO_TEI_STANDOFF, TRUE,
                                         NULL, &error));
  assert_message (error, path, g_strerror (ENOTDIR));
  assert_untouched (fixture);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "new.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (peitho_tei_write_file (fixture->new_document, file, PEITHO_TEI_STANDOFF, TRUE,
                                         NULL, &error));
  assert_message (error, path, g_strerror (ENOENT));
  assert_untouched (fixture);
}

static void
test_target_is_a_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "folder.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (peitho_tei_write_file (fixture->new_document, file, PEITHO_TEI_STANDOFF, TRUE,
                                         NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_rmdir (path);
  assert_untouched (fixture);
}

/* ---------------------------------------------------------------------------
 * peitho-cli annotate without -o replaces the file: a failure must not.
 */

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { 4096, 4096 };

  /* In the child, between fork and exec: an ignored signal stays ignored
   * across exec, and so does the limit. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_annotate (Fixture  *fixture,
              gboolean  limit)
{
  const char *cli = g_getenv ("PEITHO_CLI");
  const char *argv[] = { cli, "annotate", fixture->path, "--tag", "claim", "--start", "0",
                         "--end", "5", NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = g_strdup_printf ("peitho-cli: %s", fixture->path);

  if (cli == NULL)
    {
      g_test_skip ("PEITHO_CLI is not set");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (limit)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_test_message ("peitho-cli annotate: %s", err);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_true (g_str_has_prefix (err, prefix));
  assert_untouched (fixture);
}

static void
test_cli_annotate_read_only (Fixture       *fixture,
                             gconstpointer  data)
{
  if (geteuid () == 0)
    {
      g_test_skip ("root ignores permissions; /save-safety/cli-annotate-file-too-large covers root");
      return;
    }
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  run_annotate (fixture, FALSE);
}

static void
test_cli_annotate_file_too_large (Fixture       *fixture,
                                  gconstpointer  data)
{
  run_annotate (fixture, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/save-safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("file-too-large", test_file_too_large);
  ADD ("file-too-large-async", test_file_too_large_async);
  ADD ("parent-is-a-file", test_parent_is_a_file);
  ADD ("missing-folder", test_missing_folder);
  ADD ("target-is-a-folder", test_target_is_a_folder);
  ADD ("cli-annotate-read-only", test_cli_annotate_read_only);
  ADD ("cli-annotate-file-too-large", test_cli_annotate_file_too_large);
#undef ADD

  return g_test_run ();
}
