/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/*
 * A handout: what a printed page or a web page shows of a document, worked
 * out once for every output (HTML, the PDF and print renderer).
 *
 * The annotations chosen by the options become items in document order,
 * each with a stacking level (0 for the first of overlapping annotations,
 * 1 for the next one over it, ...) and a note number. The text is cut into
 * runs, per paragraph, over which the set of items does not change, so that
 * an output can draw overlaps as the window does and keep labels and note
 * markers outside the highlighted stretches.
 *
 * An edition keeps its structure (the marks of peitho-mark.h): each block
 * of the text (a paragraph in the document's functions) is a paragraph, a
 * heading, a speaker's name, a stage direction or a verse line with the
 * number for its margin, and runs also end where a rendering (italic, bold,
 * small capitals, struck) begins or ends.
 */

typedef enum {
  PEITHO_HANDOUT_BLOCK_PARAGRAPH,
  PEITHO_HANDOUT_BLOCK_HEADING,
  PEITHO_HANDOUT_BLOCK_SPEAKER,
  PEITHO_HANDOUT_BLOCK_STAGE,
  PEITHO_HANDOUT_BLOCK_LINE,
} PeithoHandoutBlockKind;

typedef struct {
  PeithoHandoutBlockKind  kind;
  /* Of a heading: 1 for an act or a chapter, 2 inside it, ... (at most 6). */
  guint                   level;
  /* Joined to the block before by a line break ("\n"), not a paragraph
   * break: the lines of a speech or a stanza. */
  gboolean                continues;
  /* Of a verse line: what its margin shows, from l/@n (the last dotted part,
   * every fifth line when that is a count: "1.1.5" gives "5"), else NULL.
   * Owned by the handout. */
  const char             *number;
} PeithoHandoutBlock;

typedef enum {
  PEITHO_HANDOUT_STYLE_ITALIC     = 1 << 0,
  PEITHO_HANDOUT_STYLE_BOLD       = 1 << 1,
  PEITHO_HANDOUT_STYLE_SMALL_CAPS = 1 << 2,
  PEITHO_HANDOUT_STYLE_STRUCK     = 1 << 3,
} PeithoHandoutStyle;

typedef struct {
  /* Tag ids to show; NULL or empty: every tag; { "", NULL }: none. */
  char     **tags;
  /* Annotators to show, by name or id; NULL or empty: everyone; { "", NULL }:
   * no one. */
  char     **annotators;
  /* Notes as numbered footnotes. */
  guint      notes : 1;
  /* The tag's short label where each highlight begins. */
  guint      labels : 1;
  /* Underline styles instead of colours (for greyscale printers). */
  guint      greyscale : 1;
} PeithoHandoutOptions;

/* Every tag and annotator, notes and labels on, in colour. */
void peitho_handout_options_init (PeithoHandoutOptions *options);

typedef struct {
  PeithoAnnotation *annotation;
  PeithoTag        *tag;
  /* Position in document order among the shown annotations. */
  guint             index;
  guint             level;
  /* 1, 2, ... for shown notes; 0 without one. */
  guint             note_number;
  /* 1-based number of the paragraph where it starts (the ¶ of relations). */
  guint             paragraph;
} PeithoHandoutItem;

typedef struct {
  guint                     paragraph;  /* 0-based */
  gsize                     start;      /* characters in the document text */
  gsize                     end;
  /* Items over the run, highest level first (outermost first when nested). */
  const PeithoHandoutItem **active;
  guint                     n_active;
  /* Items that begin at @start (their labels go before the run). */
  const PeithoHandoutItem **starting;
  guint                     n_starting;
  /* Items that end at @end (their note markers go after the run). */
  const PeithoHandoutItem **ending;
  guint                     n_ending;
  /* The renderings over the run (PeithoHandoutStyle flags). */
  guint                     style;
} PeithoHandoutRun;

typedef void (*PeithoHandoutRunFunc) (const PeithoHandoutRun *run,
                                      gpointer                user_data);

typedef struct _PeithoHandout PeithoHandout;

/* Fails with PEITHO_ERROR_UNKNOWN_TAG for a tag id the tag set lacks and
 * PEITHO_ERROR_NOT_FOUND for an annotator the document does not name. */
PeithoHandout           *peitho_handout_new             (PeithoDocument             *document,
                                                         const PeithoHandoutOptions *options,
                                                         GError                    **error);
void                     peitho_handout_free            (PeithoHandout              *self);

PeithoDocument          *peitho_handout_get_document    (PeithoHandout              *self);
const PeithoHandoutOptions *peitho_handout_get_options  (PeithoHandout              *self);
guint                    peitho_handout_get_n_items     (PeithoHandout              *self);
const PeithoHandoutItem *peitho_handout_get_item        (PeithoHandout              *self,
                                                         guint                       index);
const PeithoHandoutItem *peitho_handout_lookup_item     (PeithoHandout              *self,
                                                         const char                 *annotation_id);
/* The highest level used, plus one (0 without items). */
guint                    peitho_handout_get_n_levels    (PeithoHandout              *self);
/* Items with a shown note, by note number. Transfer none. */
GPtrArray               *peitho_handout_get_notes       (PeithoHandout              *self);
/* Tags of the shown items, in tag-set order (the legend). Transfer none. */
GPtrArray               *peitho_handout_get_tags        (PeithoHandout              *self);
/* Relations between shown items, in document order. Transfer none. */
GPtrArray               *peitho_handout_get_relations   (PeithoHandout              *self);
/* "Evidence ¶3 supports Claim ¶1", translated. */
char                    *peitho_handout_describe_relation (PeithoHandout            *self,
                                                           PeithoRelation           *relation);
/* The names of the annotators of shown items, joined by ", "; NULL if none. */
char                    *peitho_handout_dup_annotator_names (PeithoHandout          *self);

/* What block @paragraph is; the same for every output. */
const PeithoHandoutBlock *peitho_handout_get_block      (PeithoHandout              *self,
                                                         guint                       paragraph);

/* Calls @func for every run of paragraph @paragraph, in order; together
 * the runs cover the paragraph exactly. */
void                     peitho_handout_foreach_run     (PeithoHandout              *self,
                                                         guint                       paragraph,
                                                         PeithoHandoutRunFunc        func,
                                                         gpointer                    user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoHandout, peitho_handout_free)

G_END_DECLS
