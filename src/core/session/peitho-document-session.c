/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-document-session.h"
#include "peitho-drafts.h"
#include "peitho-file-monitor.h"
#include "peitho-tei-common.h"

struct _PeithoDocumentSession
{
  GObject parent_instance;

  PeithoDocument    *document;
  PeithoHistory     *history;
  PeithoCountModel  *counts;
  PeithoTagSet      *tag_set;
  GFile             *file;      /* nullable: the TEI file Save writes */
  GFile             *source;    /* nullable: what was opened */
  PeithoFileMonitor *monitor;   /* on @file */
  PeithoLoadResult  *load_result; /* nullable: how the source was read */
  GHashTable        *backed_up; /* GFile set: files whose FILE~ this session made */
  char              *title;
  char              *subtitle;
  char              *draft_id;

  /* "modified": the history's position and the count of changes made
   * outside it (in-place tag edits, "keep mine"), each against the save. */
  guint              saved_position;
  guint              untracked;
  guint              saved_untracked;

  guint              autosave_delay;
  guint              autosave_id;
  guint              n_writing;

  guint              modified : 1;
  guint              changed_on_disk : 1;
};

G_DEFINE_FINAL_TYPE (PeithoDocumentSession, peitho_document_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_HISTORY,
  PROP_COUNTS,
  PROP_TAG_SET,
  PROP_FILE,
  PROP_SOURCE,
  PROP_IMPORTED,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CHANGED_ON_DISK,
  PROP_DRAFT_ID,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (PeithoDocumentSession *self,
        guint                  prop_id)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  g_assert (field != NULL);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Everything derived: modified, title and subtitle. */
static void
update_state (PeithoDocumentSession *self)
{
  gboolean modified;
  GFile *named;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));

  modified = peitho_history_get_position (self->history) != self->saved_position
             || self->untracked != self->saved_untracked;
  if (modified != self->modified)
    {
      self->modified = modified;
      notify (self, PROP_MODIFIED);
    }

  named = self->file != NULL ? self->file : self->source;
  if (named != NULL)
    basename = g_file_get_basename (named);

  title = peitho_document_get_title (self->document);
  if (title == NULL || title[0] == '\0')
    title = basename != NULL ? basename : _("Untitled Document");
  if (set_string (&self->title, title))
    notify (self, PROP_TITLE);

  if (modified)
    /* Translators: the subtitle of a window with unsaved changes: "• FILE" */
    subtitle = g_strdup_printf (_("• %s"), basename != NULL ? basename : _("Unsaved"));
  else
    subtitle = g_strdup (basename);
  if (set_string (&self->subtitle, subtitle))
    notify (self, PROP_SUBTITLE);
}

static void
begin_writing (PeithoDocumentSession *self)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));

  if (self->n_writing++ == 0)
    notify (self, PROP_BUSY);
}

static void
end_writing (PeithoDocumentSession *self)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (self->n_writing > 0);

  if (--self->n_writing == 0)
    notify (self, PROP_BUSY);
}

/*
 * The file and its watch
 */

static void
file_changed_on_disk_cb (PeithoDocumentSession *self)
{
  peitho_document_session_set_changed_on_disk (self, TRUE);
}

static void
set_file (PeithoDocumentSession *self,
          GFile                 *file)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  /* The old monitor's "changed" handler goes with it (connected to it). */
  g_clear_object (&self->monitor);
  if (file != NULL)
    {
      self->monitor = peitho_file_monitor_new (file);
      g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_on_disk_cb), self,
                               G_CONNECT_SWAPPED);
    }
  peitho_document_session_set_changed_on_disk (self, FALSE);
  notify (self, PROP_FILE);
}

static gboolean
is_watched (PeithoDocumentSession *self,
            GFile                 *file)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (G_IS_FILE (file));

  return self->monitor != NULL && g_file_equal (file, peitho_file_monitor_get_file (self->monitor));
}

/*
 * Drafts
 */

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PeithoDocumentSession) self = user_data;
  g_autoptr(GError) error = NULL;

  end_writing (self);

  if (!peitho_drafts_save_finish (result, &error))
    {
      g_warning ("Could not save a draft: %s", error->message);
      return;
    }

  /* Saved or undone to the saved state while the draft was being written. */
  if (self->draft_id != NULL && !self->modified)
    peitho_document_session_discard_draft (self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  PeithoDocumentSession *self = user_data;

  self->autosave_id = 0;
  peitho_document_session_write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (PeithoDocumentSession *self)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->autosave_delay > 0)
    self->autosave_id = g_timeout_add (self->autosave_delay * 1000, autosave_cb, self);
}

/*
 * Following the document and its history
 */

static void
document_changed_cb (PeithoDocumentSession *self)
{
  /* The history's own edits move its position, which updates the state. */
  if (!peitho_history_is_applying (self->history))
    {
      self->untracked++;
      update_state (self);
    }
  schedule_draft (self);
}

static void
document_title_cb (PeithoDocumentSession *self)
{
  update_state (self);
}

static void
document_tag_set_cb (PeithoDocumentSession *self)
{
  if (g_set_object (&self->tag_set, peitho_document_get_tag_set (self->document)))
    notify (self, PROP_TAG_SET);
}

static void
history_position_cb (PeithoDocumentSession *self)
{
  update_state (self);
}

static void
history_can_undo_cb (PeithoDocumentSession *self)
{
  notify (self, PROP_CAN_UNDO);
}

static void
history_can_redo_cb (PeithoDocumentSession *self)
{
  notify (self, PROP_CAN_REDO);
}

/*
 * GObject
 */

static void
peitho_document_session_dispose (GObject *object)
{
  PeithoDocumentSession *self = (PeithoDocumentSession *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_object (&self->monitor);
  g_clear_object (&self->counts);
  g_clear_object (&self->history);
  g_clear_object (&self->tag_set);

  G_OBJECT_CLASS (peitho_document_session_parent_class)->dispose (object);
}

static void
peitho_document_session_finalize (GObject *object)
{
  PeithoDocumentSession *self = (PeithoDocumentSession *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->source);
  g_clear_object (&self->load_result);
  g_clear_pointer (&self->backed_up, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (peitho_document_session_parent_class)->finalize (object);
}

static void
peitho_document_session_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PeithoDocumentSession *self = PEITHO_DOCUMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_COUNTS:
      g_value_set_object (value, self->counts);
      break;
    case PROP_TAG_SET:
      g_value_set_object (value, self->tag_set);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_IMPORTED:
      g_value_set_boolean (value, peitho_document_session_get_imported (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_writing > 0);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, peitho_document_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, peitho_document_session_get_can_redo (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_document_session_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PeithoDocumentSession *self = PEITHO_DOCUMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_CHANGED_ON_DISK:
      peitho_document_session_set_changed_on_disk (self, g_value_get_boolean (value));
      break;
    case PROP_AUTOSAVE_DELAY:
      peitho_document_session_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_document_session_class_init (PeithoDocumentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = peitho_document_session_dispose;
  object_class->finalize = peitho_document_session_finalize;
  object_class->get_property = peitho_document_session_get_property;
  object_class->set_property = peitho_document_session_set_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, PEITHO_TYPE_DOCUMENT, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, PEITHO_TYPE_HISTORY, ro);
  properties[PROP_COUNTS] = g_param_spec_object ("counts", NULL, NULL, PEITHO_TYPE_COUNT_MODEL, ro);
  properties[PROP_TAG_SET] = g_param_spec_object ("tag-set", NULL, NULL, PEITHO_TYPE_TAG_SET, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_IMPORTED] = g_param_spec_boolean ("imported", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_CHANGED_ON_DISK] = g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, rw);
  properties[PROP_DRAFT_ID] = g_param_spec_string ("draft-id", NULL, NULL, NULL, ro);
  properties[PROP_AUTOSAVE_DELAY] = g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
peitho_document_session_init (PeithoDocumentSession *self)
{
  self->backed_up = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);
}

PeithoDocumentSession *
peitho_document_session_new (PeithoDocument *document,
                             GFile          *file,
                             GFile          *source)
{
  PeithoDocumentSession *self;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (source == NULL || G_IS_FILE (source), NULL);

  self = g_object_new (PEITHO_TYPE_DOCUMENT_SESSION, NULL);
  self->document = g_object_ref (document);
  self->source = source != NULL ? g_object_ref (source) : (file != NULL ? g_object_ref (file) : NULL);
  self->tag_set = g_object_ref (peitho_document_get_tag_set (document));
  self->history = peitho_history_new (document);
  self->counts = peitho_count_model_new (document);
  self->saved_position = peitho_history_get_position (self->history);
  set_file (self, file);

  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (document_title_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::tag-set", G_CALLBACK (document_tag_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::position", G_CALLBACK (history_position_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (history_can_undo_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (history_can_redo_cb), self,
                           G_CONNECT_SWAPPED);

  update_state (self);

  return self;
}

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
      update_state (self);
    }
  else
    {
      gboolean is_tei = peitho_load_result_get_format (loaded) == PEITHO_FILE_FORMAT_TEI;

      /* A text becomes a document with the chosen tag set. */
      if (!is_tei && load->tag_set != NULL && peitho_document_get_n_annotations (document) == 0
          && !peitho_document_set_tag_set (document, load->tag_set, &error))
        g_ptr_array_add (load->problems,
                         g_strdup_printf (_("The default tag set could not be used: %s"), error->message));
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
  peitho_document_load_async (load->file, load->flags, cancellable, loaded_cb, task);
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
 * Saving and exporting
 */

typedef struct {
  GFile    *file;
  GBytes   *bytes;
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

  if (!peitho_tei_replace_file (save->file, save->bytes, save->backup, cancellable, &error))
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

  end_writing (self);
  if (is_watched (self, save->file))
    peitho_file_monitor_update (self->monitor);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (save->backup)
    g_hash_table_add (self->backed_up, g_object_ref (save->file));

  if (save->is_save)
    {
      gboolean was_imported = peitho_document_session_get_imported (self);

      self->saved_position = save->position;
      self->saved_untracked = save->untracked;
      if (self->source == NULL || !g_file_equal (self->source, save->file))
        {
          g_set_object (&self->source, save->file);
          notify (self, PROP_SOURCE);
        }
      set_file (self, save->file);
      if (was_imported)
        notify (self, PROP_IMPORTED);
      update_state (self);
      if (!self->modified)
        peitho_document_session_discard_draft (self);
    }

  g_task_return_boolean (task, TRUE);
}

/* Writes @bytes (or the error making them) to @file in a worker thread. */
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
  /* FILE~ keeps the file as it was before this session first wrote it. */
  save->backup = !g_hash_table_contains (self->backed_up, file);
  save->is_save = is_save;
  save->position = peitho_history_get_position (self->history);
  save->untracked = self->untracked;
  g_task_set_task_data (task, save, save_data_free);

  begin_writing (self);
  if (is_watched (self, file))
    peitho_file_monitor_begin_write (self->monitor);

  /* The worker's task borrows the data of @task, which outlives it. */
  inner = g_task_new (self, cancellable, written_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, save, NULL);
  g_task_run_in_thread (inner, write_thread_cb);
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
  GError *error = NULL;

  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  switch (format)
    {
    case PEITHO_EXPORT_CSV:
      bytes = peitho_csv_export (self->document);
      break;
    case PEITHO_EXPORT_TEI_INLINE:
      bytes = peitho_tei_write_bytes (self->document, PEITHO_TEI_INLINE, &error);
      break;
    case PEITHO_EXPORT_TEI_STANDOFF:
    default:
      bytes = peitho_tei_write_bytes (self->document, PEITHO_TEI_STANDOFF, &error);
      break;
    }

  write_file (self, file, bytes, error, FALSE, cancellable, callback, user_data);
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

/*
 * Drafts, public
 */

void
peitho_document_session_write_draft (PeithoDocumentSession *self)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!self->modified)
    return;

  if (self->draft_id == NULL)
    {
      self->draft_id = peitho_drafts_new_id ();
      notify (self, PROP_DRAFT_ID);
    }

  begin_writing (self);
  peitho_drafts_save_async (self->document, self->draft_id, self->source, self->file != NULL,
                            NULL, draft_saved_cb, g_object_ref (self));
}

void
peitho_document_session_discard_draft (PeithoDocumentSession *self)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->draft_id != NULL)
    {
      peitho_drafts_delete (self->draft_id);
      g_clear_pointer (&self->draft_id, g_free);
      notify (self, PROP_DRAFT_ID);
    }
}

/*
 * Accessors
 */

PeithoDocument *
peitho_document_session_get_document (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->document;
}

PeithoHistory *
peitho_document_session_get_history (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->history;
}

PeithoCountModel *
peitho_document_session_get_counts (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->counts;
}

PeithoTagSet *
peitho_document_session_get_tag_set (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->tag_set;
}

GFile *
peitho_document_session_get_file (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->file;
}

GFile *
peitho_document_session_get_source (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->source;
}

PeithoLoadResult *
peitho_document_session_get_load_result (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->load_result;
}

PeithoFrontMatter
peitho_document_session_get_front_matter (PeithoDocumentSession *self)
{
  PeithoTextImportResult *import;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), PEITHO_FRONT_MATTER_NONE);

  if (self->load_result == NULL || !(import = peitho_load_result_get_text_import (self->load_result)))
    return PEITHO_FRONT_MATTER_NONE;
  return peitho_text_import_result_get_front_matter (import);
}

gboolean
peitho_document_session_get_imported (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->file == NULL && self->source != NULL;
}

const char *
peitho_document_session_get_title (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->title;
}

const char *
peitho_document_session_get_subtitle (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->subtitle;
}

gboolean
peitho_document_session_get_modified (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->modified;
}

gboolean
peitho_document_session_get_busy (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->n_writing > 0;
}

gboolean
peitho_document_session_get_can_undo (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->history != NULL && peitho_history_can_undo (self->history);
}

gboolean
peitho_document_session_get_can_redo (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->history != NULL && peitho_history_can_redo (self->history);
}

gboolean
peitho_document_session_get_changed_on_disk (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), FALSE);
  return self->changed_on_disk;
}

void
peitho_document_session_set_changed_on_disk (PeithoDocumentSession *self,
                                             gboolean               changed)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));

  changed = !!changed;
  if (self->changed_on_disk == (guint) changed)
    return;
  self->changed_on_disk = changed;
  notify (self, PROP_CHANGED_ON_DISK);
}

void
peitho_document_session_keep_ours (PeithoDocumentSession *self)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));

  peitho_document_session_set_changed_on_disk (self, FALSE);
  /* Ours now differs from the file: saving must be possible. */
  self->untracked++;
  update_state (self);
}

const char *
peitho_document_session_get_draft_id (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), NULL);
  return self->draft_id;
}

guint
peitho_document_session_get_autosave_delay (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), 0);
  return self->autosave_delay;
}

void
peitho_document_session_set_autosave_delay (PeithoDocumentSession *self,
                                            guint                  seconds)
{
  g_return_if_fail (PEITHO_IS_DOCUMENT_SESSION (self));

  if (self->autosave_delay == seconds)
    return;
  self->autosave_delay = seconds;
  notify (self, PROP_AUTOSAVE_DELAY);
}
