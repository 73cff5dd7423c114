/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core's TEI reader and writer: an edition read with its
 * markup. The parsed tree is kept as it was read; the writer saves a copy of
 * it with Peitho's additions (anchors, its standOff, its header parts).
 *
 * The text of the document maps back into the tree through segments: runs of
 * characters of the text that come from one node. Inside a segment of a text
 * node, each character of the text is one character of the node's content,
 * except that (outside xml:space="preserve") a run of XML whitespace gives one
 * space; a segment of an element (lb) is the one space that element stands
 * for. */

#include <libxml/tree.h>

#include "peitho-document.h"

G_BEGIN_DECLS

typedef struct {
  xmlNode *node;         /* a text node, or an element that gives a space */
  gsize    start;        /* offset of its first character in the text */
  guint32  length;       /* characters */
  guint32  byte_start;   /* where its first character begins in node->content */
  guint    preserve : 1; /* xml:space="preserve": whitespace is kept as it is */
} PeithoTeiSegment;

/* Where an annotation of the edition's own comes from. */
typedef struct {
  xmlNode *node;     /* the element with the @ana, in the edition's tree */
  char    *tag_id;   /* the category of @ana it was read with */
  char    *note;     /* the note it was read with, or NULL */
  /* The edition's own element that note came from (a <note target> or a
   * span's <note>), or NULL (none, or one of Peitho's earlier save). */
  xmlNode *note_node;
} PeithoTeiOwnAnnotation;

typedef struct {
  xmlDoc     *doc;
  GArray     *segments;         /* PeithoTeiSegment, sorted by start */
  /* Peitho's additions of an earlier save (anchors, its standOff, marked
   * header parts): left out of the copy that is saved. */
  GPtrArray  *peitho_parts;
  /* The xml:ids of the edition, Peitho's additions excepted (owned). */
  GHashTable *ids;
  /* The annotations the edition encodes itself (seg/@ana, spans of its own
   * standOff), by id (PeithoTeiOwnAnnotation): they stay where they are and
   * are not written again; a retag or a removal in Peitho changes their
   * @ana (or takes the element away) and nothing else. */
  GHashTable *own_annotations;
  /* The relations between annotations in its own standOff: id -> the
   * <relation> element it was read from (several pairs of one element each
   * have an id). A relation Peitho removed takes away an element that has
   * none left. */
  GHashTable *own_relations;
  /* Ids of the groups and tags read from its own taxonomy (made up from
   * their labels where it gives none): Peitho's taxonomy leaves them out,
   * or points at a group with @corresp to add tags to it. */
  GHashTable *own_categories;
  /* The metadata as read: what the document says otherwise was edited, and
   * is written into the edition's header. */
  char       *title;
  char       *author;
  char       *date;
  char       *source;
  /* The names of the play's persons by id, gathered on first use
   * (peitho-tei-cast.h); NULL until then. */
  GHashTable *cast_names;
  /* The text shows the original readings of choices (sic, abbr, orig);
   * saved in Peitho's part of the header (peitho-tei-readings.h). */
  gboolean    original_readings;
  /* In a teiCorpus, the TEI read (-1: all of them). */
  int         corpus_member;
} PeithoTeiEdition;

PeithoTeiEdition *peitho_tei_edition_new  (xmlDoc           *doc);
void              peitho_tei_edition_free (PeithoTeiEdition *edition);

/* Records that annotation @id is the edition's own, read from @node's
 * @ana as @tag_id, with @note (NULL for none) read from @note_node (NULL
 * where the edition gives no element of its own for it). */
void              peitho_tei_edition_add_own_annotation (PeithoTeiEdition *edition,
                                                         const char       *id,
                                                         xmlNode          *node,
                                                         const char       *tag_id,
                                                         const char       *note,
                                                         xmlNode          *note_node);

/* Peitho's application entry in encodingDesc/appInfo (n="peitho"); its
 * desc type="readings" says "original" when the text shows sic, abbr, orig. */
#define PEITHO_TEI_APPLICATION       "Peitho"
#define PEITHO_TEI_ORIGINAL_READINGS "original"

/* Whether the header of @root (TEI or teiCorpus) says, in Peitho's part,
 * that the text shows the original readings. */
gboolean          peitho_tei_stored_original_readings (xmlNode *root);
/* The reading of @choice the text shows: its first edited one (corr, expan,
 * reg), or with @original its first original one (sic, abbr, orig); else
 * its first child element; NULL for an empty choice. */
xmlNode          *peitho_tei_choice_reading (xmlNode  *choice,
                                             gboolean  original);

/* The segment that holds character @offset, or NULL. */
const PeithoTeiSegment *peitho_tei_edition_segment_at (PeithoTeiEdition *edition,
                                                       gsize             offset);

/* TRUE if an anchor may not stand in @node (pc, c, g, idno ...): the writer
 * puts it before or after that element instead. */
gboolean          peitho_tei_anchor_forbidden_in (const xmlNode *node);

/* TRUE for XML whitespace. */
static inline gboolean
peitho_tei_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

G_END_DECLS
