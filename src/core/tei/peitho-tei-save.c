/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saving a file atomically, with a backup. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"

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

  stream = g_file_replace (file, NULL, make_backup, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream != NULL
      && !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable,
                                     &local_error))
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
