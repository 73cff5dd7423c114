/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What peitho-document-session.c (the state) and
 * peitho-document-session-io.c (loading, saving, exporting) share. */

#include "peitho-document-session.h"
#include "peitho-file-monitor.h"

G_BEGIN_DECLS

struct _PeithoDocumentSession
{
  GObject parent_instance;

  PeithoDocument    *document;
  PeithoHistory     *history;
  PeithoCountModel  *counts;
  PeithoTagSet      *tag_set;
  GFile             *file;      /* nullable: the TEI file Save writes */
  GFile             *source;    /* nullable: what was opened */
  PeithoFileMonitor *monitor;   /* on @file */
  PeithoLoadResult  *load_result; /* nullable: how the source was read */
  GHashTable        *backed_up; /* GFile set: files whose FILE~ this session made */
  char              *title;
  char              *subtitle;
  char              *draft_id;

  /* "modified": the history's position and the count of changes made
   * outside it (in-place tag edits, "keep mine"), each against the save. */
  guint              saved_position;
  guint              untracked;
  guint              saved_untracked;

  guint              autosave_delay;
  guint              autosave_id;
  guint              n_writing;

  guint              modified : 1;
  guint              changed_on_disk : 1;
};

void     _peitho_document_session_update_state  (PeithoDocumentSession *self);
/* Saves, exports and drafts under way: "busy" while any is. */
void     _peitho_document_session_begin_writing (PeithoDocumentSession *self);
void     _peitho_document_session_end_writing   (PeithoDocumentSession *self);
/* Whether the file monitor watches @file (our writes to it are ours). */
gboolean _peitho_document_session_is_watched    (PeithoDocumentSession *self,
                                                 GFile                 *file);
void     _peitho_document_session_saved         (PeithoDocumentSession *self,
                                                 GFile                 *file,
                                                 guint                  position,
                                                 guint                  untracked);

G_END_DECLS
