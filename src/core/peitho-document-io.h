/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-tei-writer.h"

G_BEGIN_DECLS

/* Files larger than this are refused (PEITHO_ERROR_TOO_LARGE). */
#define PEITHO_MAX_FILE_SIZE (256 * 1024 * 1024)

/* Opens any file Peitho reads: TEI XML (sniffed from the content, not the
 * name) or plain text (imported with the default tag set). Problems that did
 * not stop the loading are appended to @problems (char *). */
PeithoDocument *peitho_document_load_file         (GFile               *file,
                                                   GPtrArray           *problems,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
/* The same in a worker thread (GTask). */
void            peitho_document_load_file_async   (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* @problems: (out) (transfer full) (nullable) */
PeithoDocument *peitho_document_load_file_finish  (GAsyncResult        *result,
                                                   GPtrArray          **problems,
                                                   GError             **error);

/* Serializes in the calling thread (the document is not thread-safe), then
 * writes in a worker thread, atomically, keeping FILE~ as backup. */
void            peitho_document_save_file_async   (PeithoDocument      *document,
                                                   GFile               *file,
                                                   PeithoTeiForm        form,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        peitho_document_save_file_finish  (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
