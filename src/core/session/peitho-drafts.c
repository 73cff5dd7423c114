/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "peitho-drafts.h"

#define GROUP "Draft"

void
peitho_draft_free (PeithoDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->id);
  g_clear_object (&draft->file);
  g_clear_object (&draft->original);
  g_free (draft->title);
  g_clear_pointer (&draft->modified, g_date_time_unref);
  g_free (draft);
}

char *
peitho_drafts_dup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "peitho", "drafts", NULL);
}

char *
peitho_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
build_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = peitho_drafts_dup_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

GFile *
peitho_drafts_get_file (const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  path = build_path (id, ".xml");
  return g_file_new_for_path (path);
}

typedef struct {
  GBytes *tei;
  GBytes *info;
  char   *id;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_pointer (&save->tei, g_bytes_unref);
  g_clear_pointer (&save->info, g_bytes_unref);
  g_free (save->id);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *dir = peitho_drafts_dup_dir ();
  g_autofree char *tei_path = build_path (save->id, ".xml");
  g_autofree char *info_path = build_path (save->id, ".ini");
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }

  /* g_file_set_contents() writes a temporary file and renames it. */
  if (!g_file_set_contents_full (tei_path, g_bytes_get_data (save->tei, NULL),
                                 g_bytes_get_size (save->tei),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)
      || !g_file_set_contents_full (info_path, g_bytes_get_data (save->info, NULL),
                                    g_bytes_get_size (save->info),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
peitho_drafts_save_async (PeithoDocument      *document,
                          const char          *id,
                          GFile               *original,
                          gboolean             original_is_tei,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now_str = NULL;
  SaveData *save;
  char *data;
  gsize len;

  g_return_if_fail (PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_drafts_save_async);

  save = g_new0 (SaveData, 1);
  save->id = g_strdup (id);
  g_task_set_task_data (task, save, save_data_free);

  if (!(save->tei = peitho_tei_write_bytes (document, PEITHO_TEI_STANDOFF, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  key_file = g_key_file_new ();
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (key_file, GROUP, "original", uri);
      g_key_file_set_boolean (key_file, GROUP, "original-is-tei", original_is_tei);
    }
  if (peitho_document_get_title (document) != NULL)
    g_key_file_set_string (key_file, GROUP, "title", peitho_document_get_title (document));
  now = g_date_time_new_now_utc ();
  now_str = g_date_time_format_iso8601 (now);
  g_key_file_set_string (key_file, GROUP, "modified", now_str);
  data = g_key_file_to_data (key_file, &len, NULL);
  save->info = g_bytes_new_take (data, len);

  g_task_run_in_thread (task, save_thread);
}

gboolean
peitho_drafts_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const PeithoDraft *da = *(PeithoDraft * const *)a;
  const PeithoDraft *db = *(PeithoDraft * const *)b;

  if (da->modified == NULL || db->modified == NULL)
    return (da->modified == NULL) - (db->modified == NULL);
  return g_date_time_compare (db->modified, da->modified);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) peitho_draft_free);
  g_autofree char *dir_path = peitho_drafts_dup_dir ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!(dir = g_dir_open (dir_path, 0, NULL)))
    {
      g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *tei_path = NULL;
      g_autofree char *id = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *modified = NULL;
      PeithoDraft *draft;

      if (!g_str_has_suffix (name, ".xml"))
        continue;

      id = g_strndup (name, strlen (name) - 4);
      tei_path = g_build_filename (dir_path, name, NULL);
      info_path = build_path (id, ".ini");

      draft = g_new0 (PeithoDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->file = g_file_new_for_path (tei_path);
      if (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL))
        {
          if ((uri = g_key_file_get_string (key_file, GROUP, "original", NULL)))
            draft->original = g_file_new_for_uri (uri);
          draft->original_is_tei = g_key_file_get_boolean (key_file, GROUP, "original-is-tei", NULL);
          draft->title = g_key_file_get_string (key_file, GROUP, "title", NULL);
          if ((modified = g_key_file_get_string (key_file, GROUP, "modified", NULL)))
            draft->modified = g_date_time_new_from_iso8601 (modified, NULL);
        }
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_drafts);
  g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
}

void
peitho_drafts_list_async (GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, peitho_drafts_list_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
peitho_drafts_list_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
peitho_drafts_delete (const char *id)
{
  g_autofree char *tei_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (id != NULL);

  tei_path = build_path (id, ".xml");
  info_path = build_path (id, ".ini");
  g_unlink (tei_path);
  g_unlink (info_path);
}
