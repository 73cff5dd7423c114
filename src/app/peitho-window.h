/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <peitho-core.h>

#include "peitho-application.h"
#include "peitho-document-session.h"

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
/* Property "session" (nullable): the open document's state, which the
 * window follows. The three getters below read it. */
PeithoDocumentSession *peitho_window_get_session (PeithoWindow   *self);
PeithoDocument *peitho_window_get_document    (PeithoWindow      *self);
GFile          *peitho_window_get_file        (PeithoWindow      *self);
gboolean        peitho_window_get_modified    (PeithoWindow      *self);
/* Property "busy": loading, writing or highlighting (tests wait for FALSE). */
gboolean        peitho_window_get_busy        (PeithoWindow      *self);
/* Shows @message in a toast (plain text, not markup). */
void            peitho_window_toast           (PeithoWindow      *self,
                                               const char        *message);
/* Whether the window is empty (the welcome page) and unchanged: a place
 * where a file can open rather than in a new window. */
gboolean        peitho_window_is_reusable     (PeithoWindow      *self);
/* The counts shown in the sidebar: a flat GListModel of PeithoCountItem. */
GListModel     *peitho_window_get_count_model (PeithoWindow      *self);

G_END_DECLS
