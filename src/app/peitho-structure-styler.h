/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

#include "peitho-highlighter.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_STRUCTURE_STYLER (peitho_structure_styler_get_type ())
G_DECLARE_FINAL_TYPE (PeithoStructureStyler, peitho_structure_styler, PEITHO, STRUCTURE_STYLER, GObject)

/* Shows an edition's structure marks (peitho-mark.h) in the highlighter's
 * buffer: headings larger and bold by level, speakers bold in small caps,
 * stage directions italic and indented, hi/emph renderings, deleted text
 * struck, and the character before a note, page break or gap in a small
 * marker colour. Only font properties and the foreground are used, so the
 * annotations' backgrounds always show. The tags are applied once the
 * highlighter has filled the buffer with the document's text. */
PeithoStructureStyler *peitho_structure_styler_new        (PeithoHighlighter     *highlighter);
/* Call after the highlighter was given a document: the marks are applied
 * as soon as its text is in the buffer. */
void                   peitho_structure_styler_refill     (PeithoStructureStyler *self);
void                   peitho_structure_styler_set_dark   (PeithoStructureStyler *self,
                                                           gboolean               dark);
/* The buffer tag for @kind (NULL for kinds not styled: paragraph, speech,
 * line, alternative). For tests. */
GtkTextTag            *peitho_structure_styler_get_tag    (PeithoStructureStyler *self,
                                                           PeithoMarkKind         kind,
                                                           guint                  level);
/* The point marks (note, page break, gap) at @offset or just after it, and
 * the other reading of a choice over @offset, as Pango markup for a tooltip
 * or a popover; NULL when there are none. */
char                  *peitho_structure_styler_dup_marker_markup (PeithoStructureStyler *self,
                                                                  gsize                  offset);

G_END_DECLS
