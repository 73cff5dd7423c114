/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: what the TEI reader, the writer and the importers
 * share, one concern a file: peitho-tei-parse.c (parsing safely),
 * peitho-tei-dom.c (reading and editing a tree), peitho-tei-dates.c (dates)
 * and peitho-tei-save.c (the atomic save). */

#include <gio/gio.h>
#include <libxml/tree.h>

#include "peitho-error.h"
#include "peitho-tag-set.h"

G_BEGIN_DECLS

#define PEITHO_TEI_NS "http://www.tei-c.org/ns/1.0"

/* The group that receives categories a file uses but does not declare. */
#define PEITHO_UNKNOWN_GROUP_ID    "unknown-tags"
#define PEITHO_UNKNOWN_TAG_COLOR   "#c0bfbc"

/* What Peitho adds to an edition carries this mark: n="peitho" on the header
 * elements (taxonomy, renditions, respStmt, change, and any element it had
 * to create), type="peitho" on its standOff. */
#define PEITHO_TEI_PART_MARK "peitho"

/* TRUE if @node is an element Peitho added to an edition (marked). */
gboolean    peitho_tei_is_peitho_part    (const xmlNode *node);

/* Parses XML safely: no network, no DTD loading, no entity substitution,
 * libxml2's default limits on depth and size (no XML_PARSE_HUGE). A document
 * that declares entities or refers to one is refused. Nothing is printed;
 * errors are PEITHO_ERROR_MALFORMED "NAME:LINE: message". */
xmlDoc     *peitho_tei_parse_memory      (const char  *data,
                                          gsize        length,
                                          const char  *display_name,
                                          GError     **error);

gboolean    peitho_tei_is_ncname         (const char  *str);

/* TRUE for XML whitespace (space, tab, line feed, carriage return). */
static inline gboolean
peitho_tei_is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* TRUE if @node is an element in the TEI namespace called @name. */
gboolean    peitho_tei_is                (const xmlNode *node,
                                          const char    *name);
/* The first TEI element child called @name, or NULL. */
xmlNode    *peitho_tei_child             (xmlNode     *parent,
                                          const char  *name);
xmlNode    *peitho_tei_next_element      (xmlNode     *node);
xmlNode    *peitho_tei_first_element     (xmlNode     *parent);
/* Attribute in no namespace, or xml:id for "xml:id". Owned by the tree. */
const char *peitho_tei_attr              (const xmlNode *node,
                                          const char    *name);
/* Text content of @node (all descendants), whitespace collapsed and
 * trimmed; NULL when that leaves nothing. */
char       *peitho_tei_collapsed_text    (xmlNode     *node);
/* Collapses runs of XML whitespace in @str to one space and trims. */
char       *peitho_tei_collapse          (const char  *str);
/* Strips one leading "#" of a local pointer; NULL for an empty pointer or one
 * into another file without a fragment. */
const char *peitho_tei_pointer_id        (const char  *pointer);

/* xsd:dateTime of @when in UTC, seconds only ("2026-11-24T10:00:00Z"). */
char       *peitho_tei_format_when       (GDateTime   *when);
/* Reads xsd:dateTime / xsd:date; a value without zone counts as UTC. */
GDateTime  *peitho_tei_parse_when        (const char  *value);
/* ISO form of a human date ("June 10, 1939" -> "1939-06-10", "1939" ->
 * "1939", "10 June 1939", "1939-06-10"), or NULL if it does not parse. */
char       *peitho_tei_date_to_iso       (const char  *date);

/* Serializes @node with its descendants, namespaces declared on it. */
char       *peitho_tei_dump_node         (xmlNode     *node);

/* Editing a kept tree in place. Element-only content gets indentation like a
 * pretty printer's; mixed content gets no whitespace added. */
gboolean    peitho_tei_is_blank_text     (const xmlNode *node);
void        peitho_tei_insert_child      (xmlNode     *parent,
                                          xmlNode     *child,
                                          xmlNode     *before);
/* Removes @node (and the indentation before it) and frees it. */
void        peitho_tei_remove_node       (xmlNode     *node);
/* A new TEI element in @context's document (not inserted). */
xmlNode    *peitho_tei_new_element       (xmlNode     *context,
                                          const char  *name);
xmlNode    *peitho_tei_new_child         (xmlNode     *parent,
                                          const char  *name,
                                          xmlNode     *before);
/* The first child called @name, created before @before if missing. */
xmlNode    *peitho_tei_ensure_child      (xmlNode     *parent,
                                          const char  *name,
                                          xmlNode     *before);
xmlNode    *peitho_tei_first_element_not_in (xmlNode           *parent,
                                             const char * const *names);
void        peitho_tei_set_xml_id        (xmlNode     *node,
                                          const char  *id);
/* Appends raw text (no entity parsing). */
void        peitho_tei_add_text          (xmlNode     *node,
                                          const char  *text);
void        peitho_tei_clear_children    (xmlNode     *node);
/* Replaces the text of @node unless it already says the same. */
void        peitho_tei_set_text          (xmlNode     *node,
                                          const char  *text);
/* @base, or @base-2, -3 ... not in @used_ids; added to it. */
char       *peitho_tei_unique_id         (GHashTable  *used_ids,
                                          const char  *base);

/* Returns FALSE to stop reading. */
typedef gboolean (*PeithoTeiProblemFunc) (gpointer     data,
                                          xmlNode     *node,
                                          PeithoError  code,
                                          const char  *message);

/* Atomic replace (temporary file + rename, FILE~ kept with @make_backup);
 * on failure the old file is untouched and nothing is left behind. Errors:
 * PEITHO_ERROR_FAILED "FILE: cannot save: reason" (or G_IO_ERROR_CANCELLED). */
gboolean      peitho_tei_replace_file    (GFile         *file,
                                          GBytes        *bytes,
                                          gboolean       make_backup,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
