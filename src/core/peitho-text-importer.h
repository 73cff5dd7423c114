/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"
#include "peitho-text-import-result.h"

G_BEGIN_DECLS

/* Imports plain text: UTF-8 (a BOM is skipped; invalid bytes are an error
 * naming the byte offset), LF or CRLF (CRLF becomes LF), paragraphs at blank
 * lines, every other character kept. Front matter as in the corpus (a
 * breadcrumb line "A > B > ", a title line, "Author: Title", a date line, a
 * bracketed bibliographic line) fills title, author, date and source; the
 * paragraphs after it are the text. Without front matter, nothing is taken.
 * @tag_set may be NULL for the default set. */
typedef enum {
  PEITHO_TEXT_IMPORT_DEFAULT          = 0,
  /* Every line stays in the text, front matter or not. */
  PEITHO_TEXT_IMPORT_NO_FRONT_MATTER  = 1 << 0,
} PeithoTextImportFlags;

/* @result: (out) (optional): what the import did besides splitting
 * paragraphs (encoding, front matter), for the user to see. */
PeithoDocument *peitho_text_import_bytes_full (GBytes                  *bytes,
                                               const char              *display_name,
                                               PeithoTagSet            *tag_set,
                                               PeithoTextImportFlags    flags,
                                               PeithoTextImportResult **result,
                                               GError                 **error);
PeithoDocument *peitho_text_import_bytes      (GBytes                  *bytes,
                                               const char              *display_name,
                                               PeithoTagSet            *tag_set,
                                               GError                 **error);
PeithoDocument *peitho_text_import_file       (GFile                   *file,
                                               PeithoTagSet            *tag_set,
                                               GCancellable            *cancellable,
                                               GError                 **error);

G_END_DECLS
