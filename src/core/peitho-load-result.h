/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"
#include "peitho-text-import-result.h"

G_BEGIN_DECLS

/* What a file turned out to be, sniffed from its first bytes. */
typedef enum {
  PEITHO_FILE_FORMAT_TEI,   /* XML: read as TEI (it may still fail as not TEI) */
  PEITHO_FILE_FORMAT_TEXT,  /* anything else: imported as plain text */
  /* Another tool's annotations with their text (brat, WebAnno TSV; and,
   * once read, CATMA's, Recogito's and DKPro's TEI): a document made from
   * them, saved elsewhere as TEI. */
  PEITHO_FILE_FORMAT_ANNOTATIONS,
} PeithoFileFormat;

#define PEITHO_TYPE_LOAD_RESULT (peitho_load_result_get_type ())

G_DECLARE_FINAL_TYPE (PeithoLoadResult, peitho_load_result, PEITHO, LOAD_RESULT, GObject)

/* A loaded file: the document, the format it was read as, and what the user
 * should hear about (problems the TEI reader got past, notes on what the
 * text importer did). Immutable. */
PeithoDocument         *peitho_load_result_get_document    (PeithoLoadResult *self);
PeithoFileFormat        peitho_load_result_get_format      (PeithoLoadResult *self);
/* char *, "FILE:LINE: message"; empty for a text; never NULL. */
GPtrArray              *peitho_load_result_get_problems    (PeithoLoadResult *self);
/* NULL for TEI. */
PeithoTextImportResult *peitho_load_result_get_text_import (PeithoLoadResult *self);
/* The text import's notes (empty for TEI): NULL-terminated, never NULL. */
const char * const     *peitho_load_result_get_notes       (PeithoLoadResult *self);

G_END_DECLS
