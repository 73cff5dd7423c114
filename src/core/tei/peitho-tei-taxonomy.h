/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: the tag set as a TEI taxonomy, for the reader, the
 * writer and the header. */

#include "peitho-tei-common.h"
#include "peitho-tag-set.h"

G_BEGIN_DECLS

/* The taxonomy. Writing: renditions for the tags with a colour go into
 * @encoding_desc's tagsDecl (replacing those @old_taxonomy pointed at);
 * @rendition_ids receives tag id -> rendition id. */
void        peitho_tei_update_tags_decl  (GHashTable   *used_ids,
                                          PeithoTagSet *tag_set,
                                          xmlNode      *encoding_desc,
                                          xmlNode      *old_taxonomy,
                                          GHashTable   *rendition_ids);
xmlNode    *peitho_tei_build_taxonomy    (PeithoTagSet *tag_set,
                                          xmlNode      *parent,
                                          xmlNode      *before,
                                          GHashTable   *rendition_ids);

/* Reading: the first taxonomy with categories in @header's
 * encodingDesc/classDecl, colours from tagsDecl renditions. A category with
 * child categories is a group (deeper ones are flattened into it), as is one
 * marked n="group"; top-level categories without children go into a group
 * "Other". NULL if there is no taxonomy, or if @problem_func said stop. */
PeithoTagSet *peitho_tei_read_tag_set    (xmlNode              *header,
                                          PeithoTeiProblemFunc  problem_func,
                                          gpointer              problem_data);

/* The same for an edition: its own first taxonomy, whose group and tag ids
 * go into @own_categories, with the taxonomy Peitho added (n="peitho")
 * merged in (a group category there with @corresp and no xml:id adds to the
 * edition's group it points at). NULL if there is neither. */
PeithoTagSet *peitho_tei_read_edition_tag_set (xmlNode              *header,
                                               GHashTable           *own_categories,
                                               PeithoTeiProblemFunc  problem_func,
                                               gpointer              problem_data);

G_END_DECLS
