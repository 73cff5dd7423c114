/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the TEI reader: what peitho-tei-reader.c (the file as a whole,
 * Peitho's flat form, the standOff) and peitho-tei-edition-reader.c (the text
 * of an edition) share. */

#include "peitho-tei-common.h"
#include "peitho-tei-edition.h"
#include "peitho-tei-id-table.h"
#include "peitho-tei-reader.h"

G_BEGIN_DECLS

typedef struct {
  gsize    start;
  gsize    end;
  xmlNode *node;         /* whose _private holds this range's index + 1 */
} Range;

typedef struct {
  const char *id;        /* a copy in the reader's strings */
  const char *tag_id;    /* owned by the XML tree, the reader's strings or the tag */
  const char *resp;      /* a copy in the reader's strings, shared */
  char       *note;
  GDateTime  *created;
  gsize       start;
  gsize       end;
  xmlNode    *node;
} Record;

typedef struct {
  const char      *name;
  PeithoReadFlags  flags;
  GPtrArray       *problems;
  GError          *error;

  PeithoDocument  *document;
  PeithoTagSet    *tag_set;
  PeithoTeiIdTable *ids;            /* xml:id -> the first xmlNode with it */
  GArray          *range_list;      /* Range of an xml:id, see set_range() */
  GStringChunk    *strings;         /* copies of the tokens of @ana */
  GHashTable      *changes_used;    /* change xml:id referenced by annotations */
  GHashTable      *target_notes;    /* annotation id -> xmlNode <note target> */
  GHashTable      *unknown_tags;    /* reported already */
  GArray          *records;         /* Record */
  const char      *last_resp;       /* the last @resp ensure_annotator() found, */
  PeithoAnnotator *last_annotator;  /* and its annotator (the document's) */
  GPtrArray       *span_nodes;      /* xmlNode span with @from/@target */
  GPtrArray       *relation_nodes;  /* every relation element, in document order */

  /* An edition: its kept tree and mapping (owned until handed to the
   * document), the ids of Peitho's own anchors from an earlier save. */
  PeithoTeiEdition *edition;
  GHashTable      *peitho_anchors;
  const PeithoTeiReadOptions *options;

  GString         *paragraph;
  gsize            offset;          /* characters of the text so far */
  guint            n_paragraphs;
  gboolean         pending_break;
  gboolean         duplicate_ids;   /* an xml:id names two elements */
} Reader;

gboolean  _peitho_tei_reader_problem        (Reader      *self,
                                            xmlNode     *node,
                                            PeithoError  code,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (4, 5);
void      _peitho_tei_reader_set_range      (Reader      *self,
                                            const char  *id,
                                            gsize        start,
                                            gsize        end);
/* Takes @note. */
void      _peitho_tei_reader_add_records    (Reader      *self,
                                            xmlNode     *node,
                                            gsize        start,
                                            gsize        end,
                                            char        *note);
gboolean  _peitho_tei_is_annotation_element (xmlNode     *node);
gboolean  _peitho_tei_is_pointing_span      (xmlNode     *node);

/* peitho-tei-edition-reader.c: the text of the edition under @root (TEI or
 * teiCorpus; with options->corpus_member >= 0 only that TEI), into
 * self->document (blocks, marks, outline) and self->edition (the mapping);
 * element ranges and inline annotations into the reader's tables. */
gboolean  _peitho_tei_read_edition_text     (Reader      *self,
                                            xmlNode     *root);

G_END_DECLS
