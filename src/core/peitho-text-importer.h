/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"
#include "peitho-text-import-result.h"

G_BEGIN_DECLS

/* Imports plain text, every character kept: UTF-8 (a BOM is skipped),
 * UTF-16 with a BOM, or Windows-1252 (which covers Latin-1) when the bytes
 * are not UTF-8 and hold nothing shaped like it; other invalid bytes are an
 * error naming the byte offset, a control character XML cannot hold one
 * naming line and column. LF, CRLF and CR end lines; blank lines and form
 * feeds end paragraphs. Front matter in the corpus layout ("A > B > ",
 * catalogue line, "Author: Title", date, "[source]"; the last three
 * required) fills title, author, date and source; a Project Gutenberg file
 * gives title and author, its text is the work between the START and END
 * lines, and its header and licence are kept as header notes. See the
 * comment in peitho-text-importer.c for the exact rules.
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
