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
 * content. Header content kept from an imported file comes back unchanged.
 *
 * An edition (a document read with peitho_tei_read_bytes() from any TEI
 * other than Peitho's flat form) is written as the tree it was read from
 * plus Peitho's additions only: <anchor>s at annotation boundaries, a
 * <standOff type="peitho"> with spans and relations, and in the header,
 * marked n="peitho", a respStmt per annotator, the taxonomy and renditions
 * and <change>s. Everything else (text, header, the edition's own standOff,
 * root attributes, comments, processing instructions, other namespaces)
 * comes back unchanged; Peitho's additions of an earlier save are replaced,
 * so saving again gives the same file. Both forms write an edition this way.
 * Title, author, date and source changed on the document are not written
 * into an edition's header. */
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
