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

/* A note on one of the edition's annotations, as Peitho leaves it. */
typedef struct {
  /* The edition's own note element to change (or take away), or NULL: the
   * note goes in Peitho's standOff as <note target="#ID">, ID the element's
   * xml:id (given the annotation's id, or one like it, if it has none). */
  xmlNode *note_node;
  xmlNode *element;      /* the annotated element, in the edition's tree */
  char    *id;           /* the annotation's */
  char    *text;         /* NULL: no note */
  gsize    start;        /* the annotation's, to write the notes in text order */
} PeithoTeiOwnNote;

void       peitho_tei_own_note_free          (PeithoTeiOwnNote *note);

/* The notes to write for @edition's own annotations, PeithoTeiOwnNote,
 * transfer full, in text order: one for each edition's note element whose
 * text @document changed or removed, and one for each own annotation with a
 * note that the edition does not hold itself. A target note is read for the
 * annotation that bears its element's xml:id, the first category of @ana:
 * the note of a further category of the same element is not written. */
GPtrArray *peitho_tei_own_notes              (PeithoTeiEdition *edition,
                                              PeithoDocument   *document);

/* The <relation> elements of @edition's own standOff none of whose relations
 * is left in @document (their annotation was removed, or they were), in no
 * order; the nodes are the edition's. */
GPtrArray *peitho_tei_removed_own_relations  (PeithoTeiEdition *edition,
                                              PeithoDocument   *document);

G_END_DECLS
