/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the interchange readers: the text of a TEI element as its
 * string value (every text node below it, in document order), with the
 * range of each element in it, so that pointers (#id, string-range(),
 * Recogito's XPath::offset) turn into offsets. */

#include <libxml/tree.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _PeithoXmlText PeithoXmlText;

/* Elements whose content is out of the reading flow (notes, the readings of
 * a choice or app that are not shown, CATMA's feature structures) are kept
 * in the text, so that string-value offsets stay right, but are turned into
 * spaces in get_masked(): the importer aligns that with the document first,
 * then the plain text. */
PeithoXmlText *peitho_xml_text_new          (xmlNode        *root);
void           peitho_xml_text_free         (PeithoXmlText  *self);
const char    *peitho_xml_text_get_text     (PeithoXmlText  *self);
char          *peitho_xml_text_dup_masked   (PeithoXmlText  *self);
/* Code-point range of @node (an element below the root, or the root). */
gboolean       peitho_xml_text_range        (PeithoXmlText  *self,
                                             xmlNode        *node,
                                             gsize          *start,
                                             gsize          *end);
/* The element with this xml:id below the root, or NULL. */
xmlNode       *peitho_xml_text_lookup_id    (PeithoXmlText  *self,
                                             const char     *id);
/* Code-point offset of the @units-th UTF-16 unit after @start. */
gsize          peitho_xml_text_utf16_offset (PeithoXmlText  *self,
                                             gsize           start,
                                             gsize           units);

/* The element "/TEI[1]/text[1]/body[1]/p[2]" points at (steps are local
 * names with 1-based positions among same-named siblings), or NULL. */
xmlNode       *peitho_xml_resolve_path      (xmlDoc         *doc,
                                             const char     *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoXmlText, peitho_xml_text_free)

G_END_DECLS
