/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-file-monitor.h"

/* Editors write in several steps; look once they are done. */
#define SETTLE_MS 400

struct _PeithoFileMonitor
{
  GObject parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  GCancellable *cancellable;
  char         *known_state; /* see dup_state() */
  guint         settle_id;
  guint         n_queries;
  guint         writing : 1;
};

G_DEFINE_FINAL_TYPE (PeithoFileMonitor, peitho_file_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  PeithoFileMonitor *self;
  gboolean           record;
} QueryData;

#define STATE_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

/* The etag (the modification time) and the size: two writes within one
 * tick of the file system's clock have the same etag, but rarely the same
 * size. NULL when the file is gone. */
static char *
dup_state (GFileInfo *info)
{
  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT, g_file_info_get_etag (info), g_file_info_get_size (info));
}

static void
query_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree QueryData *data = user_data;
  g_autoptr(PeithoFileMonitor) self = data->self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  self->n_queries--;
  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  state = dup_state (info);

  if (data->record)
    {
      g_free (self->known_state);
      self->known_state = g_steal_pointer (&state);
      self->writing = FALSE;
      return;
    }

  if (self->writing || g_strcmp0 (state, self->known_state) == 0)
    return;

  g_free (self->known_state);
  self->known_state = g_steal_pointer (&state);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
query (PeithoFileMonitor *self,
       gboolean           record)
{
  QueryData *data = g_new0 (QueryData, 1);

  data->self = g_object_ref (self);
  data->record = record;
  self->n_queries++;
  g_file_query_info_async (self->file, STATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, query_info_cb, data);
}

static gboolean
settle_cb (gpointer user_data)
{
  PeithoFileMonitor *self = user_data;

  self->settle_id = 0;
  if (!self->writing)
    query (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (PeithoFileMonitor *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
peitho_file_monitor_dispose (GObject *object)
{
  PeithoFileMonitor *self = (PeithoFileMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (peitho_file_monitor_parent_class)->dispose (object);
}

static void
peitho_file_monitor_finalize (GObject *object)
{
  PeithoFileMonitor *self = (PeithoFileMonitor *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->known_state, g_free);

  G_OBJECT_CLASS (peitho_file_monitor_parent_class)->finalize (object);
}

static void
peitho_file_monitor_class_init (PeithoFileMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_file_monitor_dispose;
  object_class->finalize = peitho_file_monitor_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
peitho_file_monitor_init (PeithoFileMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

PeithoFileMonitor *
peitho_file_monitor_new (GFile *file)
{
  PeithoFileMonitor *self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PEITHO_TYPE_FILE_MONITOR, NULL);
  self->file = g_object_ref (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  else
    g_debug ("Cannot watch the file: %s", error->message);

  /* Known at once, not after an asynchronous query: a change made while
   * that query ran would be taken for the known state and never reported.
   * One stat of a file that was just read. */
  info = g_file_query_info (file, STATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  self->known_state = dup_state (info);

  return self;
}

GFile *
peitho_file_monitor_get_file (PeithoFileMonitor *self)
{
  g_return_val_if_fail (PEITHO_IS_FILE_MONITOR (self), NULL);
  return self->file;
}

gboolean
peitho_file_monitor_get_settled (PeithoFileMonitor *self)
{
  g_return_val_if_fail (PEITHO_IS_FILE_MONITOR (self), TRUE);
  return self->settle_id == 0 && self->n_queries == 0;
}

void
peitho_file_monitor_begin_write (PeithoFileMonitor *self)
{
  g_return_if_fail (PEITHO_IS_FILE_MONITOR (self));
  self->writing = TRUE;
}

void
peitho_file_monitor_update (PeithoFileMonitor *self)
{
  g_return_if_fail (PEITHO_IS_FILE_MONITOR (self));

  self->writing = TRUE;
  query (self, TRUE);
}
