/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"
#include "peitho-import-plan.h"
#include "peitho-import-set.h"

G_BEGIN_DECLS

/* Other tools' annotations in and out: brat standoff, WebAnno TSV 3
 * (INCEpTION), TEI listAnnotation (Recogito), CATMA's TEI collections and
 * DKPro Core's TEI. Reading gives a PeithoImportSet; peitho-import-plan.h
 * maps it onto an open document. */

/* The format of @bytes from its content: WebAnno TSV by its #FORMAT line,
 * brat by its T/R/#/E/A lines, the TEI forms by their elements (CATMA's
 * fsdDecl, DKPro's tokens in sentences, else listAnnotation). Fails with
 * PEITHO_ERROR_INVALID when it is none of them. */
gboolean         peitho_interchange_detect      (GBytes                   *bytes,
                                                 const char               *display_name,
                                                 PeithoInterchangeFormat  *format,
                                                 GError                  **error);

/* Whether @data begins as brat standoff or WebAnno TSV do (no parsing: for
 * peitho_file_format_sniff()). */
gboolean         peitho_interchange_sniff_plain (const char               *data,
                                                 gsize                     size);

/* Reads annotations in @format (PEITHO_INTERCHANGE_AUTO: detected). @text
 * (nullable) is brat's .txt. XML is parsed without network, DTDs or
 * entities (peitho_tei_parse_memory). */
PeithoImportSet *peitho_interchange_read_bytes  (GBytes                   *bytes,
                                                 GBytes                   *text,
                                                 const char               *display_name,
                                                 PeithoInterchangeFormat   format,
                                                 GError                  **error);
/* The same for a file; for brat the .txt of the same name beside it is read
 * when it exists. */
PeithoImportSet *peitho_interchange_read_file   (GFile                    *file,
                                                 PeithoInterchangeFormat   format,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

/* Writes @document in @format (BRAT, WEBANNO_TSV or TEI_ANNOTATION). brat's
 * text goes to @text_out (nullable for the others). @annotator_id
 * (nullable) keeps that annotator's annotations only (brat and TSV hold one
 * annotator's work). What the format cannot hold is appended to @losses
 * (nullable). */
GBytes          *peitho_interchange_export      (PeithoDocument           *document,
                                                 PeithoInterchangeFormat   format,
                                                 const char               *annotator_id,
                                                 GBytes                  **text_out,
                                                 GPtrArray                *losses,
                                                 GError                  **error);

G_END_DECLS
