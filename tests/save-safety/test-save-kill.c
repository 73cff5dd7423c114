/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A process saves a document again and again (versions A and B in turn, with
 * a backup); it is killed with SIGKILL at random moments. After every kill
 * the file on disk must be A or B, complete, and so must the backup. */

#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "peitho-test-util.h"
#include "save-safety-docs.h"

#define MIN_KILLS    50
#define MAX_KILLS    200
#define TIME_BUDGET  (12 * G_USEC_PER_SEC)

typedef struct {
  GBytes *versions[2];
  guint   seen[2];       /* kills after which the file was A, B */
  guint   backups;       /* kills after which a backup existed */
} Expected;

static int
which_version (Expected   *expected,
               const char *path,
               const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  for (guint v = 0; v < 2; v++)
    if (g_bytes_equal (bytes, expected->versions[v]))
      {
        document = peitho_tei_read_bytes (bytes, path, PEITHO_READ_STRICT, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (document);
        return v;
      }

  g_error ("%s (%s) is neither version A (%" G_GSIZE_FORMAT " bytes) nor B (%" G_GSIZE_FORMAT
           " bytes) but %" G_GSIZE_FORMAT " bytes: a partial save", what, path,
           g_bytes_get_size (expected->versions[0]), g_bytes_get_size (expected->versions[1]),
           g_bytes_get_size (bytes));
  return -1;
}

/* Starts the writer again and again and kills it at a random moment, and
 * checks after each kill that the file and its backup (if there is one)
 * are complete versions. With @first_backup, there is no backup when each
 * writer starts: its first save makes the first one. Returns the number of
 * kills, and in @changes, how often the file changed between two. */
static guint
run_kills (Expected   *expected,
           const char *writer_path,
           const char *path,
           const char *backup,
           gint64      save_usec,
           gboolean    first_backup,
           guint      *changes)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint kills = 0, changed = 0, backups = 0;
  int last = 0;

  while (kills < MAX_KILLS && (kills < MIN_KILLS || g_get_monotonic_time () - start < TIME_BUDGET))
    {
      const char *argv[] = { writer_path, path, NULL };
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;
      int now;

      if (first_backup)
        g_remove (backup);
      writer = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      /* Between 0 and 3 saves: every phase of a save gets hit; with
       * @first_backup, the first save, which makes the backup. */
      g_usleep (g_test_rand_int_range (0, (gint32) MIN ((first_backup ? 1 : 3) * save_usec,
                                                        G_MAXINT32)));
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
      kills++;

      now = which_version (expected, path, "the file");
      expected->seen[now]++;
      if (now != last)
        changed++;
      last = now;
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          which_version (expected, backup, "the backup");
          backups++;
        }
    }

  g_test_message ("%u kills%s in %.1f s: the file changed %u times; a backup existed %u times",
                  kills, first_backup ? " during first backups" : "",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, changed, backups);
  expected->backups += backups;
  if (changes != NULL)
    *changes = changed;
  return kills;
}

static void
test_kill (void)
{
  const char *builddir = g_getenv ("SAVE_SAFETY_WRITER");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peitho-save-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "annotated.xml", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeithoDocument) a = save_safety_document (0);
  Expected expected = { { NULL, NULL }, { 0, 0 }, 0 };
  gint64 start, save_usec;
  guint kills;
  guint changes = 0;

  g_assert_no_error (error);
  g_assert_nonnull (builddir);

  {
    g_autoptr(PeithoDocument) b = save_safety_document (1);

    expected.versions[0] = peitho_tei_write_bytes (a, PEITHO_TEI_STANDOFF, &error);
    g_assert_no_error (error);
    expected.versions[1] = peitho_tei_write_bytes (b, PEITHO_TEI_STANDOFF, &error);
    g_assert_no_error (error);
  }
  g_assert_false (g_bytes_equal (expected.versions[0], expected.versions[1]));
  g_test_message ("version A: %" G_GSIZE_FORMAT " bytes, B: %" G_GSIZE_FORMAT " bytes",
                  g_bytes_get_size (expected.versions[0]),
                  g_bytes_get_size (expected.versions[1]));
  g_assert_cmpuint (g_bytes_get_size (expected.versions[0]), >, 200 * 1024);

  /* The file exists before the first kill: a save replaces it. How long a
   * save takes sets when to kill (sanitizers make it several times slower). */
  g_assert_true (peitho_tei_write_file (a, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error));
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (peitho_tei_write_file (a, file, PEITHO_TEI_STANDOFF, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_remove (backup);
  save_usec = MAX (g_get_monotonic_time () - start, 5000);
  g_test_message ("one save: %.1f ms", save_usec / 1000.0);

  kills = run_kills (&expected, builddir, path, backup, save_usec, FALSE, &changes);
  run_kills (&expected, builddir, path, backup, save_usec, TRUE, NULL);

  g_assert_cmpuint (kills, >=, MIN_KILLS);
  /* The saves really happened while the kills came. */
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (expected.backups, >, 0);

  {
    /* SIGKILL leaves GIO no chance to remove its temporary file; say how many. */
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;
    guint leftovers = 0;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      if (g_str_has_prefix (name, ".goutputstream-") || g_str_has_prefix (name, ".annotated.xml~."))
        leftovers++;
    g_test_message ("%u temporary files left behind by the kills", leftovers);
  }

  peitho_test_remove_tree (dir);
  g_bytes_unref (expected.versions[0]);
  g_bytes_unref (expected.versions[1]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save-safety/kill", test_kill);
  return g_test_run ();
}
