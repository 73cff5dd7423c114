/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <peitho-core.h>

#include "peitho-application.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_WINDOW (peitho_window_get_type ())
G_DECLARE_FINAL_TYPE (PeithoWindow, peitho_window, PEITHO, WINDOW, AdwApplicationWindow)

PeithoWindow   *peitho_window_new             (PeithoApplication *application);
/* Opens @file in this window (in the background); on success it replaces
 * the document shown, on failure that document stays as it was. */
void            peitho_window_open_file       (PeithoWindow      *self,
                                               GFile             *file);
/* Restores a draft (see peitho-drafts.h): its document, marked unsaved. */
void            peitho_window_open_draft      (PeithoWindow      *self,
                                               const char        *draft_id,
                                               GFile             *draft_file,
                                               GFile             *original,
                                               gboolean           original_is_tei);
/* Shows @document. @file: the TEI file it is saved to, or NULL (imported
 * text: saving asks where). @source: what was opened, for the title. */
void            peitho_window_set_document    (PeithoWindow      *self,
                                               PeithoDocument    *document,
                                               GFile             *file,
                                               GFile             *source);
PeithoDocument *peitho_window_get_document    (PeithoWindow      *self);
GFile          *peitho_window_get_file        (PeithoWindow      *self);
gboolean        peitho_window_get_modified    (PeithoWindow      *self);
/* Whether the window is empty (the welcome page) and unchanged: a place
 * where a file can open rather than in a new window. */
gboolean        peitho_window_is_reusable     (PeithoWindow      *self);
/* The counts shown in the sidebar: a flat GListModel of PeithoCountItem. */
GListModel     *peitho_window_get_count_model (PeithoWindow      *self);

/* Test hooks */
GtkTextBuffer  *_peitho_window_get_buffer_for_testing      (PeithoWindow *self);
gpointer        _peitho_window_get_highlighter_for_testing (PeithoWindow *self);
gpointer        _peitho_window_get_sidebar_for_testing     (PeithoWindow *self);
gpointer        _peitho_window_get_palette_for_testing     (PeithoWindow *self);
/* Number of loads, saves and drafts under way (tests wait for 0). */
gpointer        _peitho_window_get_relation_dialog_for_testing (PeithoWindow *self);
gpointer        _peitho_window_get_tag_set_editor_for_testing  (PeithoWindow *self);
gpointer        _peitho_window_get_history_for_testing         (PeithoWindow *self);
GMenuModel     *_peitho_window_get_library_remove_menu_for_testing (PeithoWindow *self);
/* Tag sets from and to files (what the file choosers do). */
gboolean        _peitho_window_apply_tag_set_file  (PeithoWindow  *self,
                                                    GFile         *file,
                                                    GError       **error);
gboolean        _peitho_window_export_tag_set_file (PeithoWindow  *self,
                                                    GFile         *file,
                                                    GError       **error);
guint           _peitho_window_get_busy_for_testing        (PeithoWindow *self);
/* The last error shown (dialog or toast), or NULL. */
const char     *_peitho_window_get_last_error_for_testing  (PeithoWindow *self);
/* The file that "Save As" and exports use instead of asking. */
void            _peitho_window_set_save_file_for_testing   (PeithoWindow *self,
                                                            GFile        *file);
const char     *_peitho_window_get_draft_id_for_testing    (PeithoWindow *self);
/* Whether the "file changed on disk" bar is shown. */
gboolean        _peitho_window_get_changed_on_disk_for_testing (PeithoWindow *self);

G_END_DECLS
