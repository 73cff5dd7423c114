/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <peitho-core.h>

G_BEGIN_DECLS

/* Drafts for crash recovery: the document as TEI in
 * $XDG_DATA_HOME/peitho/drafts/ID.xml, and beside it ID.ini, a key file
 * with the file the document came from. Written a few seconds after each
 * change, deleted on save or when changes are discarded. */
typedef struct {
  char      *id;
  GFile     *file;       /* the draft's TEI */
  GFile     *original;   /* nullable: where the document came from */
  gboolean   original_is_tei;
  char      *title;      /* nullable */
  GDateTime *modified;   /* nullable */
} PeithoDraft;

void        peitho_draft_free          (PeithoDraft         *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoDraft, peitho_draft_free)

char       *peitho_drafts_dup_dir      (void);
char       *peitho_drafts_new_id       (void);
/* Serializes now (the document is not thread-safe), writes in the
 * background, atomically. */
void        peitho_drafts_save_async   (PeithoDocument      *document,
                                        const char          *id,
                                        GFile               *original,
                                        gboolean             original_is_tei,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    peitho_drafts_save_finish  (GAsyncResult        *result,
                                        GError             **error);
/* Lists the drafts in a worker thread: a GPtrArray of PeithoDraft, newest
 * first. */
void        peitho_drafts_list_async   (GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray  *peitho_drafts_list_finish  (GAsyncResult        *result,
                                        GError             **error);
/* Deletes a draft's files (quietly if there are none). */
void        peitho_drafts_delete       (const char          *id);
GFile      *peitho_drafts_get_file     (const char          *id);

G_END_DECLS
