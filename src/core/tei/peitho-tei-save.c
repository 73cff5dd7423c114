/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saving a file atomically, with a backup. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"

/* Copies @file, as it is now, to its backup "NAME~" beside it.
 *
 * The backup is a copy, written to a temporary file and renamed over the old
 * backup. GIO's own backup (g_file_replace() with make_backup) is a hard link
 * to the file, made just before the new version is renamed over it; a save
 * killed between the two leaves the file with two links, and GIO writes a
 * file with two links in place, truncating it first (GLib 2.74,
 * glocalfileoutputstream.c). The next save, killed in turn, left an empty
 * or half-written file: test-save-kill caught it.
 *
 * Nor can g_file_copy() write the backup itself: it replaces a file that
 * exists through a temporary file, but writes one that does not in place,
 * so that a save killed while it made the first backup left an empty one
 * (test-save-kill again). The copy goes to a hidden temporary name, and is
 * renamed to the backup once complete. */
static gboolean
copy_to_backup (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *backup_name = g_strconcat (basename, "~", NULL);
  g_autofree char *temporary_name = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GError) local_error = NULL;

  g_assert (G_IS_FILE (file));

  if (parent == NULL)
    return TRUE;

  backup = g_file_get_child (parent, backup_name);
  temporary_name = g_strdup_printf (".%s.%08x", backup_name, g_random_int ());
  temporary = g_file_get_child (parent, temporary_name);
  if (!g_file_copy (file, temporary, G_FILE_COPY_ALL_METADATA, cancellable, NULL, NULL,
                    &local_error))
    {
      /* Not a file of that name that was there already. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_file_delete (temporary, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_file_move (temporary, backup, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA,
                    cancellable, NULL, NULL, error))
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
peitho_tei_replace_file (GFile         *file,
                         GBytes        *bytes,
                         gboolean       make_backup,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* The new version goes to a temporary file, renamed over the old one when
   * the stream closes. The backup is made once the new version is written,
   * just before that: a save that fails leaves the folder as it was. */
  /* A file that does not exist yet is written directly, without a
   * temporary file: then there is nothing to back up. */
  make_backup = make_backup && g_file_query_exists (file, cancellable);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream != NULL
      && (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable,
                                      &local_error)
          || (make_backup && !copy_to_backup (file, cancellable, &local_error))))
    {
      /* Closing renames the temporary file over the old one even after a
       * failed write (GLib 2.74); a cancelled close removes it instead. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }
  else if (stream != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);

  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, _("%s: cannot save: %s"),
                 name, local_error->message);
  return FALSE;
}
