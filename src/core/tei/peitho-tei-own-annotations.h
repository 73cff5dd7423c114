/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the edition writer: Peitho's edits of the annotations an
 * edition encodes itself (seg/@ana inline, spans of its own standOff),
 * written back where they are. */

#include "peitho-tei-edition.h"

G_BEGIN_DECLS

/* One element of the edition whose @ana changes. */
typedef struct {
  xmlNode *node;   /* in the edition's tree */
  char    *ana;    /* its new @ana; NULL: none of its categories is left */
} PeithoTeiOwnEdit;

void       peitho_tei_own_edit_free          (PeithoTeiOwnEdit *edit);

/* The elements of @edition whose annotations @document retagged (a token of
 * @ana points elsewhere) or removed (the token goes): one edit each,
 * PeithoTeiOwnEdit, transfer full. Empty when Peitho changed none of them. */
GPtrArray *peitho_tei_own_annotation_edits   (PeithoTeiEdition *edition,
                                              PeithoDocument   *document);

/* Writes @edit into @node (the copy of edit->node): its new @ana; with no
 * category left, a span of the standOff is taken away, a seg that says
 * nothing else (no attribute but @ana, @resp, @change, @cert, @xml:id) gives
 * its content to its parent, and any other element just loses @ana.
 * Everything else stays as it is. */
void       peitho_tei_apply_own_edit         (const PeithoTeiOwnEdit *edit,
                                              xmlNode                *node);

G_END_DECLS
