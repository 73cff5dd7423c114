/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_FILE_MONITOR (peitho_file_monitor_get_type ())
G_DECLARE_FINAL_TYPE (PeithoFileMonitor, peitho_file_monitor, PEITHO, FILE_MONITOR, GObject)

/* Watches the open file and emits "changed" when another program changed
 * it: our own saves are told apart by the file's etag and size, recorded
 * when the monitor is made and after each save (peitho_file_monitor_update). */
PeithoFileMonitor *peitho_file_monitor_new      (GFile             *file);
GFile             *peitho_file_monitor_get_file (PeithoFileMonitor *self);
/* FALSE while a change seen is still being looked at (the settling delay,
 * the query of the file's etag): "changed" may yet come. */
gboolean           peitho_file_monitor_get_settled (PeithoFileMonitor *self);
/* Between begin_write() and update() changes are ours. update() records the
 * file's current state as known. */
void               peitho_file_monitor_begin_write (PeithoFileMonitor *self);
void               peitho_file_monitor_update   (PeithoFileMonitor *self);

G_END_DECLS
