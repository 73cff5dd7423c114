/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"
#include "peitho-load-result.h"
#include "peitho-tei-writer.h"

G_BEGIN_DECLS

/* Files larger than this are refused (PEITHO_ERROR_TOO_LARGE). */
#define PEITHO_MAX_FILE_SIZE (256 * 1024 * 1024)

typedef enum {
  PEITHO_LOAD_DEFAULT         = 0,
  /* TEI: every problem is an error (PEITHO_READ_STRICT). */
  PEITHO_LOAD_STRICT          = 1 << 0,
  /* Text: keep the first lines in the text even when they look like front
   * matter (to undo what the importer took). */
  PEITHO_LOAD_NO_FRONT_MATTER = 1 << 1,
} PeithoLoadFlags;

/* The one rule for "is this TEI?", from the content, never the name: XML
 * (an XML declaration, or a start tag after any byte-order mark, white
 * space, comments, processing instructions and DOCTYPE; in UTF-8 or UTF-16)
 * is TEI; brat standoff (T1<tab>..., R1, #1 lines) and WebAnno TSV (its
 * #FORMAT line) are ANNOTATIONS; anything else is text. Other tools' TEI
 * forms are TEI here: the load path tells them apart once it has read
 * them. */
PeithoFileFormat  peitho_file_format_sniff          (const char          *data,
                                                     gsize                size);

/* Reads a whole file of at most PEITHO_MAX_FILE_SIZE bytes. Errors keep
 * GIO's domain and code (G_IO_ERROR_NOT_FOUND, _PERMISSION_DENIED,
 * _IS_DIRECTORY, ...) and start with @display_name (nullable: the file's
 * parse name); a larger file fails with PEITHO_ERROR_TOO_LARGE. */
GBytes           *peitho_file_read_bytes            (GFile               *file,
                                                     const char          *display_name,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

/* The load path of the window and the CLI: sniffs the format, reads TEI or
 * imports text (with the default tag set), and says which it was. Messages
 * start with @display_name ("FILE:LINE: message"). */
PeithoLoadResult *peitho_document_load_bytes        (GBytes              *bytes,
                                                     const char          *display_name,
                                                     PeithoLoadFlags      flags,
                                                     GError             **error);
/* The same, knowing the file @bytes came from (nullable), for formats that
 * keep their text beside them (brat's .txt beside its .ann). Another tool's
 * annotations (brat, WebAnno TSV, CATMA's collections; TEI listAnnotation
 * and DKPro Core's named entities in a TEI without Peitho's annotations)
 * give a document of their text with their annotations, format
 * PEITHO_FILE_FORMAT_ANNOTATIONS, and what could not be imported among the
 * problems. */
PeithoLoadResult *peitho_document_load_bytes_for_file (GBytes            *bytes,
                                                       GFile             *file,
                                                       const char        *display_name,
                                                       PeithoLoadFlags    flags,
                                                       GError           **error);
/* The same, where a text and a TEI edition without a Peitho taxonomy get
 * (a copy of) @default_tag_set, the one chosen in Preferences; NULL: the
 * built-in set. A document with a tag set of its own keeps it. */
PeithoLoadResult *peitho_document_load_bytes_full   (GBytes              *bytes,
                                                     GFile               *file,
                                                     const char          *display_name,
                                                     PeithoLoadFlags      flags,
                                                     PeithoTagSet        *default_tag_set,
                                                     GError             **error);
/* peitho_file_read_bytes() then peitho_document_load_bytes_for_file(). */
PeithoLoadResult *peitho_document_load              (GFile               *file,
                                                     PeithoLoadFlags      flags,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The same with a default tag set (see peitho_document_load_bytes_full()). */
PeithoLoadResult *peitho_document_load_full         (GFile               *file,
                                                     PeithoLoadFlags      flags,
                                                     PeithoTagSet        *default_tag_set,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The same in a worker thread (GTask); @default_tag_set is copied first. */
void              peitho_document_load_full_async   (GFile               *file,
                                                     PeithoLoadFlags      flags,
                                                     PeithoTagSet        *default_tag_set,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* peitho_document_load_full_async() with the built-in tag set. */
void              peitho_document_load_async        (GFile               *file,
                                                     PeithoLoadFlags      flags,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* For both. */
PeithoLoadResult *peitho_document_load_finish       (GAsyncResult        *result,
                                                     GError             **error);

/* The older form of peitho_document_load(), kept until the window uses the
 * load result: problems are appended to @problems (char *), the format and
 * the import notes are not returned. */
PeithoDocument   *peitho_document_load_file         (GFile               *file,
                                                     GPtrArray           *problems,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void              peitho_document_load_file_async   (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* @problems: (out) (transfer full) (nullable) */
PeithoDocument   *peitho_document_load_file_finish  (GAsyncResult        *result,
                                                     GPtrArray          **problems,
                                                     GError             **error);

/* Serializes in the calling thread (the document is not thread-safe), then
 * writes in a worker thread, atomically, keeping FILE~ as backup. */
void              peitho_document_save_file_async   (PeithoDocument      *document,
                                                     GFile               *file,
                                                     PeithoTeiForm        form,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          peitho_document_save_file_finish  (GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
