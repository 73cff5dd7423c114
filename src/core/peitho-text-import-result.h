/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The encoding a plain text was read in. Anything but UTF-8 was converted. */
typedef enum {
  PEITHO_TEXT_ENCODING_UTF8,
  PEITHO_TEXT_ENCODING_UTF16LE,
  PEITHO_TEXT_ENCODING_UTF16BE,
  PEITHO_TEXT_ENCODING_WINDOWS_1252,
} PeithoTextEncoding;

/* What the importer took from the first lines (or a Project Gutenberg
 * header) into the document's header instead of its text. */
typedef enum {
  PEITHO_FRONT_MATTER_NONE   = 0,
  PEITHO_FRONT_MATTER_TITLE  = 1 << 0,
  PEITHO_FRONT_MATTER_AUTHOR = 1 << 1,
  PEITHO_FRONT_MATTER_DATE   = 1 << 2,
  PEITHO_FRONT_MATTER_SOURCE = 1 << 3,
  /* Lines kept verbatim as header notes (breadcrumb, catalogue line,
   * Gutenberg header and licence). */
  PEITHO_FRONT_MATTER_NOTES  = 1 << 4,
} PeithoFrontMatter;

#define PEITHO_TYPE_TEXT_IMPORT_RESULT (peitho_text_import_result_get_type ())

G_DECLARE_FINAL_TYPE (PeithoTextImportResult, peitho_text_import_result,
                      PEITHO, TEXT_IMPORT_RESULT, GObject)

/* What an import did besides splitting paragraphs, so that a caller can tell
 * the user (and undo it: importing again with front matter off keeps every
 * line in the text). Immutable once the importer returns it. */
PeithoTextEncoding   peitho_text_import_result_get_encoding          (PeithoTextImportResult *self);
PeithoFrontMatter    peitho_text_import_result_get_front_matter      (PeithoTextImportResult *self);
/* The lines that left the text, as they were in the file (after decoding),
 * one paragraph after another separated by "\n\n"; NULL when none did. */
const char          *peitho_text_import_result_get_front_matter_text (PeithoTextImportResult *self);
/* Sentences for the user ("The file is UTF-16; converted to UTF-8"),
 * NULL-terminated, never NULL. */
const char * const  *peitho_text_import_result_get_notes             (PeithoTextImportResult *self);

G_END_DECLS
