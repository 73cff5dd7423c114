/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

typedef enum {
  PEITHO_READ_DEFAULT = 0,
  /* Treat every problem (unknown tag, missing anchor, reversed range, ...)
   * as an error instead of reporting it and going on. */
  PEITHO_READ_STRICT  = 1 << 0,
} PeithoReadFlags;

/* Reads a TEI document: Peitho's own form (../shared/TEI.md), inline
 * seg/span/rs/phr with @ana, and standOff spans with @target. libxml2 runs
 * with the network, DTD loading and entity substitution off, and with
 * limits on depth and size.
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
