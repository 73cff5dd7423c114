/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PeithoDocumentSession: loading (through the core's load path), saving
 * with the backup rule, exporting. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-document-session-private.h"
#include "peitho-html-export.h"
#include "peitho-interchange.h"
#include "peitho-tei-common.h"

/*
 * Loading
 */

typedef struct {
  GFile           *file;
  PeithoTagSet    *tag_set;
  PeithoLoadFlags  flags;
  GPtrArray       *problems;
  /* Restoring a draft */
  char         *draft_id;
  GFile        *original;
  gboolean      original_is_tei;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_object (&load->tag_set);
  g_clear_object (&load->original);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  g_free (load->draft_id);
  g_free (load);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(PeithoLoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDocumentSession *self;
  PeithoDocument *document;
  GPtrArray *problems;

  loaded = peitho_document_load_finish (result, &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  document = peitho_load_result_get_document (loaded);
  problems = peitho_load_result_get_problems (loaded);
  load->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (load->problems, g_strdup (g_ptr_array_index (problems, i)));

  if (load->draft_id != NULL)
    {
      self = peitho_document_session_new (document, load->original_is_tei ? load->original : NULL,
                                          load->original != NULL ? load->original : load->file);
      self->draft_id = g_strdup (load->draft_id);
      /* A restored draft is unsaved work. */
      self->untracked++;
      _peitho_document_session_update_state (self);
    }
  else
    {
      gboolean is_tei = peitho_load_result_get_format (loaded) == PEITHO_FILE_FORMAT_TEI;

      self = peitho_document_session_new (document, is_tei ? load->file : NULL, load->file);
      self->load_result = g_steal_pointer (&loaded);
    }

  g_task_return_pointer (task, self, g_object_unref);
}

static void
start_load (LoadData            *load,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task;

  g_assert (load != NULL && G_IS_FILE (load->file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_session_load_async);
  g_task_set_task_data (task, load, load_data_free);
  /* A text, and an edition without a taxonomy of Peitho's, get the chosen
   * tag set. */
  peitho_document_load_full_async (load->file, load->flags, load->tag_set, cancellable,
                                   loaded_cb, task);
}

void
peitho_document_session_load_async (GFile               *file,
                                    PeithoTagSet        *tag_set,
                                    PeithoLoadFlags      flags,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (tag_set == NULL || PEITHO_IS_TAG_SET (tag_set));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->tag_set = tag_set != NULL ? g_object_ref (tag_set) : NULL;
  load->flags = flags;
  start_load (load, cancellable, callback, user_data);
}

void
peitho_document_session_load_draft_async (const char          *draft_id,
                                          GFile               *draft_file,
                                          GFile               *original,
                                          gboolean             original_is_tei,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  LoadData *load;

  g_return_if_fail (draft_id != NULL);
  g_return_if_fail (G_IS_FILE (draft_file));
  g_return_if_fail (original == NULL || G_IS_FILE (original));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (draft_file);
  load->draft_id = g_strdup (draft_id);
  load->original = original != NULL ? g_object_ref (original) : NULL;
  load->original_is_tei = original_is_tei;
  start_load (load, cancellable, callback, user_data);
}

PeithoDocumentSession *
peitho_document_session_load_finish (GAsyncResult  *result,
                                     GPtrArray    **problems,
                                     GError       **error)
{
  PeithoDocumentSession *self;
  LoadData *load;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_session_load_async, NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  load = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = self != NULL ? g_steal_pointer (&load->problems) : NULL;

  return self;
}

/*
 * Another reading of the edition
 */

PeithoDocumentSession *
peitho_document_session_switch_readings (PeithoDocumentSession  *self,
                                         gboolean                original,
                                         GPtrArray              *problems,
                                         GError                **error)
{
  g_autoptr(PeithoDocument) document = NULL;
  g_autofree char *name = NULL;
  PeithoDocumentSession *switched;
  GFile *named;
  GHashTableIter iter;
  gpointer backed_up;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  named = self->file != NULL ? self->file : self->source;
  name = named != NULL ? g_file_get_basename (named) : g_strdup (_("Untitled Document"));
  document = peitho_tei_switch_readings (self->document, original, name, problems, error);
  if (document == NULL)
    return NULL;

  switched = peitho_document_session_new (document, self->file, self->source);
  /* The file is the same: its backup is made already. */
  g_hash_table_iter_init (&iter, self->backed_up);
  while (g_hash_table_iter_next (&iter, &backed_up, NULL))
    g_hash_table_add (switched->backed_up, g_object_ref (backed_up));
  switched->changed_on_disk = self->changed_on_disk;
  switched->autosave_delay = self->autosave_delay;
  /* The setting is saved in the file: the switch is unsaved work. */
  switched->untracked++;
  _peitho_document_session_update_state (switched);
  return switched;
}

/*
 * Saving and exporting
 */

typedef struct {
  GFile    *file;
  GBytes   *bytes;
  /* Written first, beside @file (brat's text); nullable. */
  GFile    *beside;
  GBytes   *beside_bytes;
  gboolean  backup;
  gboolean  is_save;
  guint     position;    /* what the save writes */
  guint     untracked;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_object (&save->beside);
  g_clear_pointer (&save->beside_bytes, g_bytes_unref);
  g_free (save);
}

static void
write_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (save->beside != NULL
      && !peitho_tei_replace_file (save->beside, save->beside_bytes, FALSE, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!peitho_tei_replace_file (save->file, save->bytes, save->backup, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PeithoDocumentSession *self = PEITHO_DOCUMENT_SESSION (object);
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  _peitho_document_session_end_writing (self);
  if (_peitho_document_session_is_watched (self, save->file))
    peitho_file_monitor_update (self->monitor);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (save->backup)
    g_hash_table_add (self->backed_up, g_object_ref (save->file));

  if (save->is_save)
    _peitho_document_session_saved (self, save->file, save->position, save->untracked);

  g_task_return_boolean (task, TRUE);
}

/* Writes @bytes (or the error making them) to @file in a worker thread,
 * and first @beside_bytes to @beside (nullable). */
static void
write_files (PeithoDocumentSession *self,
             GFile                 *file,
             GBytes                *bytes,
             GFile                 *beside,
             GBytes                *beside_bytes,
             GError                *error,
             gboolean               is_save,
             GCancellable          *cancellable,
             GAsyncReadyCallback    callback,
             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  SaveData *save;

  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (G_IS_FILE (file));
  g_assert ((bytes == NULL) != (error == NULL));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, is_save ? (gpointer) peitho_document_session_save_async
                                       : (gpointer) peitho_document_session_export_async);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = g_bytes_ref (bytes);
  if (beside != NULL)
    {
      save->beside = g_object_ref (beside);
      save->beside_bytes = g_bytes_ref (beside_bytes);
    }
  /* FILE~ keeps the file as it was before this session first wrote it. */
  save->backup = !g_hash_table_contains (self->backed_up, file);
  save->is_save = is_save;
  save->position = peitho_history_get_position (self->history);
  save->untracked = self->untracked;
  g_task_set_task_data (task, save, save_data_free);

  _peitho_document_session_begin_writing (self);
  if (_peitho_document_session_is_watched (self, file))
    peitho_file_monitor_begin_write (self->monitor);

  /* The worker's task borrows the data of @task, which outlives it. */
  inner = g_task_new (self, cancellable, written_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, save, NULL);
  g_task_run_in_thread (inner, write_thread_cb);
}

static void
write_file (PeithoDocumentSession *self,
            GFile                 *file,
            GBytes                *bytes,
            GError                *error,
            gboolean               is_save,
            GCancellable          *cancellable,
            GAsyncReadyCallback    callback,
            gpointer               user_data)
{
  write_files (self, file, bytes, NULL, NULL, error, is_save, cancellable, callback, user_data);
}

/* brat's text beside FILE.ann: FILE.txt. */
static GFile *
brat_text_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  char *dot = strrchr (basename, '.');
  g_autofree char *text_name = NULL;

  if (dot != NULL && dot != basename && g_str_equal (dot, ".ann"))
    *dot = '\0';
  text_name = g_strconcat (basename, ".txt", NULL);
  return parent != NULL ? g_file_get_child (parent, text_name) : g_file_new_for_path (text_name);
}

void
peitho_document_session_save_async (PeithoDocumentSession *self,
                                    GFile                 *file,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    file = self->file;
  g_return_if_fail (file != NULL);

  if (peitho_document_session_get_imported (self) && g_file_equal (file, self->source))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      error = g_error_new (PEITHO_ERROR, PEITHO_ERROR_FAILED,
                           _("%s: this is the text the document was imported from; save the document under another name"),
                           name);
    }
  else
    bytes = peitho_tei_write_bytes (self->document, PEITHO_TEI_STANDOFF, &error);

  write_file (self, file, bytes, error, TRUE, cancellable, callback, user_data);
}

gboolean
peitho_document_session_save_finish (PeithoDocumentSession  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
peitho_document_session_export_async (PeithoDocumentSession *self,
                                      GFile                 *file,
                                      PeithoExportFormat     format,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GFile) text_file = NULL;
  GError *error = NULL;

  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  switch (format)
    {
    case PEITHO_EXPORT_TEI_ANNOTATION:
      bytes = peitho_interchange_export (self->document, PEITHO_INTERCHANGE_TEI_ANNOTATION, NULL,
                                         NULL, NULL, &error);
      break;
    case PEITHO_EXPORT_WEBANNO_TSV:
      bytes = peitho_interchange_export (self->document, PEITHO_INTERCHANGE_WEBANNO_TSV, NULL,
                                         NULL, NULL, &error);
      break;
    case PEITHO_EXPORT_BRAT:
      bytes = peitho_interchange_export (self->document, PEITHO_INTERCHANGE_BRAT, NULL, &text,
                                         NULL, &error);
      if (bytes != NULL)
        text_file = brat_text_file (file);
      break;
    case PEITHO_EXPORT_CSV:
      bytes = peitho_csv_export (self->document);
      break;
    case PEITHO_EXPORT_HTML:
      bytes = peitho_html_export (self->document, NULL, &error);
      break;
    case PEITHO_EXPORT_TEI_INLINE:
      bytes = peitho_tei_write_bytes (self->document, PEITHO_TEI_INLINE, &error);
      break;
    case PEITHO_EXPORT_TEI_STANDOFF:
    default:
      bytes = peitho_tei_write_bytes (self->document, PEITHO_TEI_STANDOFF, &error);
      break;
    }

  write_files (self, file, bytes, text_file, text, error, FALSE, cancellable, callback,
               user_data);
}

gboolean
peitho_document_session_export_finish (PeithoDocumentSession  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

