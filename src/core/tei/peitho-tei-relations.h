/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: a relation as TEI writes it, in Peitho's own files,
 * in editions and in TEI listAnnotation exports. <relation name="NAME"
 * active="#FROM" passive="#TO" resp="#WHO"/>; @name is one word (data.word),
 * so a type with spaces goes whole into <desc> and hyphenated into @name. */

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "peitho-relation.h"

G_BEGIN_DECLS

/* The @name for @type ("related" for none): its whitespace made hyphens. */
char *peitho_tei_relation_name      (const char     *type);
/* The type a <relation> element states: its <desc>, else @name, @ref or
 * @type, else "related". */
char *peitho_tei_read_relation_type (xmlNode        *relation);
/* Writes @relation as a <relation> element; returns the sum of the writer's
 * results (negative on a failure). */
int   peitho_tei_write_relation     (xmlTextWriter  *writer,
                                     PeithoRelation *relation);
/* Writes a <listRelation> of all @relations (PeithoRelation), indented as a
 * child of <standOff>. */
int   peitho_tei_write_list_relation (xmlTextWriter *writer,
                                      GListModel    *relations);
/* Writes @name="#@id@suffix" when @id is not NULL. */
int   peitho_tei_write_pointer      (xmlTextWriter  *writer,
                                     const char     *name,
                                     const char     *id,
                                     const char     *suffix);
/* Writes <note>@note</note>. */
int   peitho_tei_write_note         (xmlTextWriter  *writer,
                                     const char     *note);

G_END_DECLS
