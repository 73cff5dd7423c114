/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/* One tag set of the user's library: a TEI file (a taxonomy) in
 * $XDG_DATA_HOME/peitho/tagsets/, named after the set's id. */
typedef struct {
  char *id;
  char *title;
  char *path;
} PeithoTagSetEntry;

void        peitho_tag_set_entry_free          (PeithoTagSetEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoTagSetEntry, peitho_tag_set_entry_free)

/* $XDG_DATA_HOME/peitho/tagsets (not created). Transfer full. */
char       *peitho_tag_set_library_get_dir     (void);
/* The library's sets (PeithoTagSetEntry), sorted by title; unreadable files
 * are skipped. An absent folder is an empty library. Transfer full. */
GPtrArray  *peitho_tag_set_library_list        (GError        **error);
/* Writes @tag_set to the library as ID.xml (replacing a set with that id)
 * and returns the path of the file. */
char       *peitho_tag_set_library_save        (PeithoTagSet   *tag_set,
                                                GError        **error);
/* Reads a tag set from any Peitho or TEI file (of the library or not). */
PeithoTagSet *peitho_tag_set_library_load      (const char     *path,
                                                GError        **error);
/* Removes the set @id from the library. */
gboolean    peitho_tag_set_library_delete      (const char     *id,
                                                GError        **error);

/* Adds to @tag_set the tags of @document's set that annotations use but
 * @tag_set lacks, each in its old group (created when missing), so that
 * peitho_document_set_tag_set (@document, @tag_set) cannot fail. The tags
 * added (those in @tag_set, transfer full) are appended to @kept if not
 * NULL. */
gboolean    peitho_tag_set_keep_used_tags      (PeithoTagSet   *tag_set,
                                                PeithoDocument *document,
                                                GPtrArray      *kept,
                                                GError        **error);

G_END_DECLS
