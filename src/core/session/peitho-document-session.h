/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <peitho-core.h>

#include "peitho-count-model.h"
#include "peitho-history.h"

G_BEGIN_DECLS

/* What an export writes. */
typedef enum {
  PEITHO_EXPORT_TEI_STANDOFF,
  PEITHO_EXPORT_TEI_INLINE,
  PEITHO_EXPORT_CSV,
  PEITHO_EXPORT_HTML,   /* the handout as a web page, every tag and note */
  /* Other tools' forms (peitho-interchange.h), every annotator's work: */
  PEITHO_EXPORT_TEI_ANNOTATION,  /* TEI listAnnotation, as Recogito reads it */
  PEITHO_EXPORT_WEBANNO_TSV,     /* INCEpTION's WebAnno TSV 3 */
  PEITHO_EXPORT_BRAT,            /* FILE.ann, and the text as FILE.txt beside it */
} PeithoExportFormat;

#define PEITHO_TYPE_DOCUMENT_SESSION (peitho_document_session_get_type ())
G_DECLARE_FINAL_TYPE (PeithoDocumentSession, peitho_document_session,
                      PEITHO, DOCUMENT_SESSION, GObject)

/* One open document and everything that lives as long as it is open: the
 * file it is saved to, what it was opened from, its undo history, its
 * counts, the watch on its file, its crash-recovery draft and the saves
 * under way. GTK-free: the window shows one and follows its properties.
 *
 * Properties (read-only unless said):
 *   "document", "history", "counts", "tag-set" (the document's, follows
 *   its replacement), "file" (nullable: the TEI file Save writes; NULL for
 *   an imported text, which Save As names), "source" (what was opened),
 *   "imported" (the source is a plain text, not TEI),
 *   "title" (the document's title, else the file's name, else "Untitled
 *   Document"), "subtitle" (the file's name, "• name" when modified),
 *   "modified" (the document differs from the last save: follows the undo
 *   position, so undoing back to the saved state clears it),
 *   "busy" (a save, export or draft is being written),
 *   "can-undo", "can-redo",
 *   "changed-on-disk" (read-write: another program changed the file),
 *   "draft-id" (nullable), "autosave-delay" (read-write, seconds; 0: no
 *   drafts). */

/* @file: (nullable) the TEI file Save writes; @source: (nullable) what was
 * opened (@file when NULL). Unmodified. */
PeithoDocumentSession *peitho_document_session_new (PeithoDocument *document,
                                                    GFile          *file,
                                                    GFile          *source);

/* Opens @file through the core's load path (TEI or text, sniffed from the
 * content) in a worker thread and makes a session of it. A text, and a TEI
 * edition without a taxonomy of Peitho's, get @tag_set (nullable: the
 * built-in one); a text gets no file: saving it asks for a name. */
void                   peitho_document_session_load_async  (GFile               *file,
                                                            PeithoTagSet        *tag_set,
                                                            PeithoLoadFlags      flags,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
/* Restores a draft (peitho-drafts.h): the session starts modified and
 * keeps writing to the same draft. */
void                   peitho_document_session_load_draft_async (const char          *draft_id,
                                                                 GFile               *draft_file,
                                                                 GFile               *original,
                                                                 gboolean             original_is_tei,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
/* Both loads end here. @problems: (out) (transfer full) (optional): what the
 * reader got past (char *), empty when none. */
PeithoDocumentSession *peitho_document_session_load_finish (GAsyncResult        *result,
                                                            GPtrArray          **problems,
                                                            GError             **error);

/* A session in place of @self on its edition showing the @original
 * readings of its choices, or the edited ones (peitho-tei-readings.h): the
 * same file, source and backup, the same annotations on the same words,
 * modified until saved (the setting is saved in the file). Its undo history
 * starts empty, as @self's edits were made on the other document. An
 * annotation that only covered a reading now hidden is left out with a
 * message in @problems (nullable; char *). Fails with PEITHO_ERROR_NOT_TEI
 * for a document that is no edition; @self is unchanged either way. */
PeithoDocumentSession *peitho_document_session_switch_readings (PeithoDocumentSession  *self,
                                                                gboolean                original,
                                                                GPtrArray              *problems,
                                                                GError                **error);

PeithoDocument    *peitho_document_session_get_document   (PeithoDocumentSession *self);
PeithoHistory     *peitho_document_session_get_history    (PeithoDocumentSession *self);
PeithoCountModel  *peitho_document_session_get_counts     (PeithoDocumentSession *self);
PeithoTagSet      *peitho_document_session_get_tag_set    (PeithoDocumentSession *self);
GFile             *peitho_document_session_get_file       (PeithoDocumentSession *self);
GFile             *peitho_document_session_get_source     (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_imported   (PeithoDocumentSession *self);
/* How peitho_document_session_load_async() read the source (format,
 * problems, the text importer's notes), or NULL: not loaded that way. */
PeithoLoadResult  *peitho_document_session_get_load_result (PeithoDocumentSession *self);
/* What the text importer took from the first lines into the header. */
PeithoFrontMatter  peitho_document_session_get_front_matter (PeithoDocumentSession *self);
const char        *peitho_document_session_get_title      (PeithoDocumentSession *self);
const char        *peitho_document_session_get_subtitle   (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_modified   (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_busy       (PeithoDocumentSession *self);
/* TRUE when the file monitor has no query of the file under way (our own
 * save seen, nothing pending): what tests wait for before changing the file. */
gboolean           peitho_document_session_get_monitor_settled (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_can_undo   (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_can_redo   (PeithoDocumentSession *self);
gboolean           peitho_document_session_get_changed_on_disk (PeithoDocumentSession *self);
void               peitho_document_session_set_changed_on_disk (PeithoDocumentSession *self,
                                                                gboolean               changed);
const char        *peitho_document_session_get_draft_id   (PeithoDocumentSession *self);
guint              peitho_document_session_get_autosave_delay (PeithoDocumentSession *self);
void               peitho_document_session_set_autosave_delay (PeithoDocumentSession *self,
                                                               guint                  seconds);

/* The file changed on disk and the user keeps the document as it is: the
 * bar goes, and the document counts as modified (it differs from the file). */
void               peitho_document_session_keep_ours      (PeithoDocumentSession *self);

/* Saves as TEI to @file (nullable: the session's file; there must be one).
 * On success @file becomes the session's file and the saved state. The
 * first save to a file in a session keeps the file as it was as FILE~;
 * later saves keep that backup, so it always holds the file as it was
 * before this document was opened. A text the session was imported from
 * is never overwritten (PEITHO_ERROR_FAILED). */
void               peitho_document_session_save_async     (PeithoDocumentSession *self,
                                                           GFile                 *file,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean           peitho_document_session_save_finish    (PeithoDocumentSession *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
/* Writes a copy to @file; the session's file and saved state stay. */
void               peitho_document_session_export_async   (PeithoDocumentSession *self,
                                                           GFile                 *file,
                                                           PeithoExportFormat     format,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean           peitho_document_session_export_finish  (PeithoDocumentSession *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

/* Writes the draft now rather than after the autosave delay (nothing when
 * unmodified). */
void               peitho_document_session_write_draft    (PeithoDocumentSession *self);
/* Deletes the draft, if any, and stops writing one until the next change:
 * the user discarded the changes. */
void               peitho_document_session_discard_draft  (PeithoDocumentSession *self);

G_END_DECLS
