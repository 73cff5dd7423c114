/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What peitho-document.c, peitho-document-text.c,
 * peitho-document-annotations.c and peitho-document-relations.c share;
 * nothing outside them includes this. */

#include "peitho-annotation-index.h"
#include "peitho-document.h"

G_BEGIN_DECLS

typedef struct {
  gsize start;       /* characters */
  gsize length;      /* characters */
  gsize byte_start;
  char *xml_id;
  guint separator;   /* characters before it: 0 (first), 1 or 2 */
} Paragraph;

typedef struct {
  gsize offset;      /* characters */
  gsize byte_offset;
} Checkpoint;

struct _PeithoDocument
{
  GObject parent_instance;

  /* The text */
  GString *text;
  gsize length;
  GArray *paragraphs;
  GArray *checkpoints;
  gsize n_words;

  /* Metadata */
  char *title;
  char *author;
  char *date;
  char *source;
  char *header_xml;
  GPtrArray *changes;

  /* Structure of an edition (peitho-document-marks.c) */
  GArray *marks;             /* PeithoMark, sorted by start when !marks_sorted */
  GArray *marks_max_end;     /* gsize: max end of marks[0..i] */
  GArray *outline;           /* PeithoOutlineEntry, in document order */
  GStringChunk *mark_strings;
  gboolean marks_sorted;

  /* The source an edition was read from, kept for the writer */
  gpointer source_tree;
  GDestroyNotify source_tree_free;

  PeithoTagSet *tag_set;

  /* Lookups borrow the objects; the list models hold the references. */
  GListStore *annotators;
  GHashTable *annotators_by_id;
  PeithoAnnotationIndex *annotations;
  GHashTable *annotations_by_id;
  /* peitho_document_dup_annotation_records(): never changed once made, so
   * shared with the threads that read it; a change to the annotations
   * makes a new one from it (follow_records()). */
  GArray *annotation_records;
  GListStore *relations;
  GHashTable *relations_by_id;
  /* annotation id -> GPtrArray of the PeithoRelations that involve it */
  GHashTable *relations_by_annotation;

  /* Every xml:id of the document but the annotations' (paragraphs,
   * relations, annotators, reserved ids): one namespace in TEI with
   * annotations_by_id, which holds the rest without copying the ids. */
  GHashTable *ids;

  /* id or type -> guint *count; absent means 0 */
  GHashTable *tag_counts;
  GHashTable *group_counts;
  GHashTable *annotator_counts;
  /* annotator id -> (tag id -> guint *count): what a filter of annotators
   * shown counts (the seminar's compare view) */
  GHashTable *annotator_tag_counts;
  GHashTable *relation_type_counts;
  /* While a reader adds its annotations: (tag, annotator) -> how many were
   * added, not yet in the four tables above (see
   * _peitho_document_defer_counts()); NULL otherwise. */
  GHashTable *pending_counts;

  /* Highest number given or seen in "aN" / "rN" ids, so that ids are never
   * reused in a document (undo and the TEI history rely on it). */
  guint64 last_annotation_number;
  guint64 last_relation_number;

  guint freeze_count;
  guint changed_pending : 1;
};

enum {
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  RELATION_ADDED,
  RELATION_REMOVED,
  CHANGED,
  N_SIGNALS
};

extern guint _peitho_document_signals[N_SIGNALS];

/* peitho-document.c */
void      _peitho_document_freeze_changed       (PeithoDocument   *self);
void      _peitho_document_thaw_changed         (PeithoDocument   *self);
void      _peitho_document_emit_changed         (PeithoDocument   *self);
void      _peitho_document_count_add            (GHashTable       *counts,
                                                 const char       *key,
                                                 int               delta);
guint     _peitho_document_count_get            (GHashTable       *counts,
                                                 const char       *key);
guint64   _peitho_document_id_number            (const char       *id,
                                                 char              prefix);
gboolean  _peitho_document_id_in_use            (PeithoDocument   *self,
                                                 const char       *id);
gboolean  _peitho_document_check_new_id         (PeithoDocument   *self,
                                                 const char       *id,
                                                 GError          **error);
char     *_peitho_document_next_id              (PeithoDocument   *self,
                                                 char              prefix,
                                                 guint64          *last_number);
void      _peitho_document_add_problem          (GPtrArray        *problems,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (2, 3);

/* peitho-document-text.c */
void      _peitho_document_snap_range           (PeithoDocument   *self,
                                                 gsize            *start,
                                                 gsize            *end);

/* peitho-document-marks.c */
void      _peitho_document_init_marks           (PeithoDocument   *self);
void      _peitho_document_clear_marks          (PeithoDocument   *self);

/* peitho-document-annotations.c */
void      _peitho_document_rebuild_group_counts (PeithoDocument   *self);
/* Between the two, added annotations are counted per (tag, annotator) pair
 * only, one lookup by pointer instead of five by string; the four count
 * tables get them all at once when anything reads or changes a count, or at
 * the end. For a reader adding a whole document's annotations. */
void      _peitho_document_defer_counts         (PeithoDocument   *self);
void      _peitho_document_end_deferred_counts  (PeithoDocument   *self);
/* Puts the pending counts in the tables (no-op when none is pending). */
void      _peitho_document_apply_pending_counts (PeithoDocument   *self);
/* Reorders the annotators (a reader's, before anyone watches the list). */
void      _peitho_document_sort_annotators      (PeithoDocument   *self,
                                                 GCompareDataFunc  compare,
                                                 gpointer          data);
void      _peitho_document_remove_annotation    (PeithoDocument   *self,
                                                 PeithoAnnotation *annotation,
                                                 GPtrArray        *removed_relations);
gboolean  _peitho_document_set_annotation_tag   (PeithoDocument   *self,
                                                 PeithoAnnotation *annotation,
                                                 const char       *tag_id,
                                                 GError          **error);
void      _peitho_document_validate_annotations (PeithoDocument   *self,
                                                 GPtrArray        *problems);

/* peitho-document-relations.c */
void      _peitho_document_remove_relations_of  (PeithoDocument   *self,
                                                 const char       *annotation_id,
                                                 GPtrArray        *removed_relations);
void      _peitho_document_validate_relations   (PeithoDocument   *self,
                                                 GPtrArray        *problems);

G_END_DECLS
