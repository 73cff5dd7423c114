/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-document-session-private.h"
#include "peitho-drafts.h"


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
void
_peitho_document_session_update_state (PeithoDocumentSession *self)
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

void
_peitho_document_session_begin_writing (PeithoDocumentSession *self)
{
  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));

  if (self->n_writing++ == 0)
    notify (self, PROP_BUSY);
}

void
_peitho_document_session_end_writing (PeithoDocumentSession *self)
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

gboolean
_peitho_document_session_is_watched (PeithoDocumentSession *self,
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

  _peitho_document_session_end_writing (self);

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
      _peitho_document_session_update_state (self);
    }
  schedule_draft (self);
}

static void
document_title_cb (PeithoDocumentSession *self)
{
  _peitho_document_session_update_state (self);
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
  _peitho_document_session_update_state (self);
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

  _peitho_document_session_update_state (self);

  return self;
}

/* A save of the state at (@position, @untracked) to @file is done. */
void
_peitho_document_session_saved (PeithoDocumentSession *self,
                                GFile                 *file,
                                guint                  position,
                                guint                  untracked)
{
  gboolean was_imported;

  g_assert (PEITHO_IS_DOCUMENT_SESSION (self));
  g_assert (G_IS_FILE (file));

  was_imported = peitho_document_session_get_imported (self);
  self->saved_position = position;
  self->saved_untracked = untracked;
  if (self->source == NULL || !g_file_equal (self->source, file))
    {
      g_set_object (&self->source, file);
      notify (self, PROP_SOURCE);
    }
  set_file (self, file);
  if (was_imported)
    notify (self, PROP_IMPORTED);
  _peitho_document_session_update_state (self);
  if (!self->modified)
    peitho_document_session_discard_draft (self);
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

  _peitho_document_session_begin_writing (self);
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
peitho_document_session_get_monitor_settled (PeithoDocumentSession *self)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT_SESSION (self), TRUE);

  return self->monitor == NULL || peitho_file_monitor_get_settled (self->monitor);
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
  _peitho_document_session_update_state (self);
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
