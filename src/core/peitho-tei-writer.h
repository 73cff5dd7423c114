/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

typedef enum {
  /* Anchors in the text and standOff spans (../shared/TEI.md). */
  PEITHO_TEI_STANDOFF,
  /* <seg ana="#tag"> where annotations nest, anchors + standOff where they
   * overlap. */
  PEITHO_TEI_INLINE,
} PeithoTeiForm;

/* Serializes @document as TEI P5 (UTF-8). Never pretty-prints mixed
 * content. Header content kept from an imported file comes back unchanged. */
GBytes   *peitho_tei_write_bytes          (PeithoDocument *document,
                                           PeithoTeiForm   form,
                                           GError        **error);
/* Writes atomically (temporary file + rename); with @make_backup the old
 * file is kept as FILE~. On failure the old file is untouched. */
gboolean  peitho_tei_write_file           (PeithoDocument *document,
                                           GFile          *file,
                                           PeithoTeiForm   form,
                                           gboolean        make_backup,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* A valid TEI file that holds the tag set alone (a taxonomy). */
GBytes   *peitho_tei_write_tag_set_bytes  (PeithoTagSet   *tag_set,
                                           GError        **error);

G_END_DECLS
