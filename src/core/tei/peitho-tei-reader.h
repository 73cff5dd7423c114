/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

typedef enum {
  PEITHO_READ_DEFAULT = 0,
  /* Treat every problem (unknown tag, missing anchor, reversed range, ...)
   * as an error instead of reporting it and going on. */
  PEITHO_READ_STRICT  = 1 << 0,
  /* Editions: the original reading of a choice (sic, abbr, orig) in the
   * text, the edited one (corr, expan, reg) on hover; the other way round by
   * default. */
  PEITHO_READ_ORIGINAL_READINGS = 1 << 1,
} PeithoReadFlags;

/**
 * PeithoTeiReadOptions:
 * @flags: as for peitho_tei_read_bytes()
 * @default_tag_set: (nullable): the tag set an edition without Peitho's
 *   taxonomy gets (a copy of it), the one chosen in Preferences; NULL for the
 *   built-in default
 * @corpus_member: in a teiCorpus, the index of the one TEI to read (see
 *   peitho_tei_list_corpus()); -1 reads them all, one after another
 */
typedef struct {
  PeithoReadFlags  flags;
  PeithoTagSet    *default_tag_set;
  int              corpus_member;
} PeithoTeiReadOptions;

#define PEITHO_TEI_READ_OPTIONS_INIT { PEITHO_READ_DEFAULT, NULL, -1 }

/* Reads a TEI document: Peitho's own form (../shared/TEI.md), inline
 * seg/span/rs/phr with @ana, and standOff spans with @target. libxml2 runs
 * with the network, DTD loading and entity substitution off, and with
 * limits on depth and size.
 *
 * Editions (any TEI that is not Peitho's flat form of <p>s, and teiCorpus):
 * the parsed tree is kept with the document (peitho_document_get_source_tree)
 * and peitho_tei_write_bytes() gives it back with Peitho's additions only.
 * The text is what a reader of the edition reads (../shared/TEI.md: TEI
 * whitespace, blocks separated by "\n" within a speech or stanza and "\n\n"
 * otherwise, one reading of choice, app/lem, notes out of the flow as marks,
 * w/pc as running text); the document gets marks and an outline
 * (peitho_document_get_marks_in_range). Without a Peitho taxonomy the
 * edition gets the default tag set. Its own relations and spans that are not
 * Peitho's are kept as they are, never reported as broken annotations.
 *
 * @display_name names the file in messages ("FILE:LINE: message").
 * Problems that do not stop the reading (an unknown @ana becomes a tag in an
 * "Unknown tags" group; an annotation that cannot be placed is left out) are
 * appended to @problems (char *, "FILE:LINE: message") if it is not NULL;
 * nothing is ever dropped silently. With PEITHO_READ_STRICT the first problem
 * is an error instead. */
PeithoDocument *peitho_tei_read_bytes        (GBytes          *bytes,
                                              const char      *display_name,
                                              PeithoReadFlags  flags,
                                              GPtrArray       *problems,
                                              GError         **error);
/* The same with options (NULL: PEITHO_TEI_READ_OPTIONS_INIT). */
PeithoDocument *peitho_tei_read_bytes_with_options (GBytes                     *bytes,
                                                    const char                 *display_name,
                                                    const PeithoTeiReadOptions *options,
                                                    GPtrArray                  *problems,
                                                    GError                    **error);
/* The titles of the TEI documents of a teiCorpus, in document order (the
 * index is options->corpus_member), so that a window can offer the choice;
 * NULL-terminated, transfer full. Fails with PEITHO_ERROR_NOT_TEI if the root
 * is not a teiCorpus. A TEI without a title is listed as "" . */
char          **peitho_tei_list_corpus (GBytes          *bytes,
                                        const char      *display_name,
                                        GError         **error);
PeithoDocument *peitho_tei_read_file         (GFile           *file,
                                              PeithoReadFlags  flags,
                                              GPtrArray       *problems,
                                              GCancellable    *cancellable,
                                              GError         **error);
/* The tag set (taxonomy + renditions) of any TEI file: a Peitho document, a
 * tag-set file, or another tool's TEI with a classDecl/taxonomy. Fails with
 * PEITHO_ERROR_NOT_FOUND if it has none. */
PeithoTagSet   *peitho_tei_read_tag_set_bytes (GBytes         *bytes,
                                               const char     *display_name,
                                               GError        **error);

G_END_DECLS
