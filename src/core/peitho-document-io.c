/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-document-io.h"
#include "peitho-tei-reader.h"
#include "peitho-text-importer.h"
#include "peitho-tei-common.h"

static gboolean
looks_like_xml (const char *data,
                gsize       size)
{
  const char *p = data;
  const char *end = data + size;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p < end && *p == '<';
}

PeithoDocument *
peitho_document_load_file (GFile         *file,
                           GPtrArray     *problems,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > PEITHO_MAX_FILE_SIZE)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%lld bytes; Peitho opens files "
                     "of up to %d MB)"), name, (long long) g_file_info_get_size (info),
                   PEITHO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, "%s: %s", name, local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (size > PEITHO_MAX_FILE_SIZE)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), name);
      return NULL;
    }

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                    || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gboolean little = (guchar) data[0] == 0xFF;
      gsize i = 2;

      /* UTF-16 XML is fine (libxml2 reads it); UTF-16 text is not. */
      while (i + 1 < size)
        {
          guint unit = little ? (guchar) data[i] | (guchar) data[i + 1] << 8
                              : (guchar) data[i] << 8 | (guchar) data[i + 1];

          if (unit != ' ' && unit != '\t' && unit != '\r' && unit != '\n')
            {
              if (unit == '<')
                return peitho_tei_read_bytes (bytes, name, PEITHO_READ_DEFAULT, problems, error);
              break;
            }
          i += 2;
        }
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: the file is UTF-16 text; Peitho reads text in UTF-8 (save it as "
                     "UTF-8 first)"), name);
      return NULL;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: the file holds NUL bytes at byte %lu: it is binary "
                     "(or UTF-16), not UTF-8 text or XML"),
                   name, (gulong) ((const char *) memchr (data, '\0', size) - data));
      return NULL;
    }

  if (looks_like_xml (data, size))
    return peitho_tei_read_bytes (bytes, name, PEITHO_READ_DEFAULT, problems, error);
  return peitho_text_import_bytes (bytes, name, NULL, error);
}

typedef struct {
  GFile     *file;
  GPtrArray *problems;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  PeithoDocument *document;

  /* The document is created here and handed over whole: nothing else
   * references it until the caller gets it. */
  document = peitho_document_load_file (load->file, load->problems, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
peitho_document_load_file_async (GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->problems = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_load_file_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread_cb);
}

PeithoDocument *
peitho_document_load_file_finish (GAsyncResult  *result,
                                  GPtrArray    **problems,
                                  GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_load_file_async,
                        NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = g_steal_pointer (&load->problems);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save);
}

static void
save_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (!peitho_tei_replace_file (save->file, save->bytes, TRUE, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
peitho_document_save_file_async (PeithoDocument      *document,
                                 GFile               *file,
                                 PeithoTeiForm        form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *save;

  g_return_if_fail (PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_save_file_async);

  bytes = peitho_tei_write_bytes (document, form, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = g_steal_pointer (&bytes);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread_cb);
}

gboolean
peitho_document_save_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  /* The task's source object is the document. */
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_save_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
