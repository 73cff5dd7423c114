/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-annotation.h"
#include "peitho-annotator.h"
#include "peitho-mark.h"
#include "peitho-relation.h"
#include "peitho-tag-set.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_DOCUMENT (peitho_document_get_type ())
G_DECLARE_FINAL_TYPE (PeithoDocument, peitho_document, PEITHO, DOCUMENT, GObject)

/**
 * PeithoChange:
 * One entry of the TEI revisionDesc: when (UTC), who (an annotator id, or
 * NULL) and what (free text).
 */
typedef struct {
  GDateTime *when;
  char      *who;
  char      *text;
} PeithoChange;

/*
 * The text
 * ========
 * The annotatable text is a list of blocks ("paragraphs" in the functions
 * below: a paragraph, a heading, a speaker's name, a verse line, a stage
 * direction ...). As one string it is the blocks, each after its separator:
 * "\n\n" before a paragraph (PEITHO_BLOCK_BREAK_PARAGRAPH: between
 * paragraphs, speeches, stanzas, headings, divisions) or "\n" before a line
 * (PEITHO_BLOCK_BREAK_LINE: between the lines of one speech or stanza, after
 * the speaker's name). That string is exactly what `peitho-cli text` prints,
 * and every offset in Peitho counts characters (Unicode code points) in it.
 * Plain text and Peitho's own TEI form have paragraph breaks only. The text
 * is set while the document has no annotations and is immutable afterwards:
 * annotations point into it.
 *
 * Offsets in a separator: an annotation's start inside a separator is moved
 * to the start of the next block, its end to the end of the previous one.
 */

typedef enum {
  PEITHO_BLOCK_BREAK_PARAGRAPH,   /* "\n\n" before the block */
  PEITHO_BLOCK_BREAK_LINE,        /* "\n" before the block */
} PeithoBlockBreak;

/* A new document has no text and an empty tag set (id "peitho-empty"):
 * give it one with peitho_document_set_tag_set(), for instance
 * peitho_tag_set_new_default(). */
PeithoDocument *peitho_document_new                   (void);

/* Appends a paragraph. @xml_id may be NULL ("p1", "p2", ... are given).
 * Fails (PEITHO_ERROR_ENCODING) on invalid UTF-8 or characters XML 1.0
 * cannot carry, (PEITHO_ERROR_FAILED) once annotations exist,
 * (PEITHO_ERROR_DUPLICATE_ID) on a used paragraph id. */
gboolean        peitho_document_append_paragraph      (PeithoDocument *self,
                                                       const char     *text,
                                                       gssize          length,
                                                       const char     *xml_id,
                                                       GError        **error);
/* Appends a block with no xml:id after a separator of @block_break
 * (ignored for the first block). Fails as append_paragraph does. */
gboolean        peitho_document_append_block          (PeithoDocument   *self,
                                                       const char       *text,
                                                       gssize            length,
                                                       PeithoBlockBreak  block_break,
                                                       GError          **error);
/* The separator before block @index (PARAGRAPH for the first). */
PeithoBlockBreak peitho_document_get_block_break      (PeithoDocument   *self,
                                                       guint             index);
/* The whole text, blocks joined by their separators. */
const char     *peitho_document_get_text              (PeithoDocument *self);
/* Length of the text in characters. */
gsize           peitho_document_get_length            (PeithoDocument *self);
guint           peitho_document_get_n_paragraphs      (PeithoDocument *self);
/* Start offset and length (characters) of block @index; its xml:id (NULL
 * for blocks of an edition). */
void            peitho_document_get_paragraph         (PeithoDocument *self,
                                                       guint           index,
                                                       gsize          *start,
                                                       gsize          *length,
                                                       const char    **xml_id);
/* Index of the paragraph that holds @offset (a separator belongs to the
 * paragraph before it). */
guint           peitho_document_paragraph_at          (PeithoDocument *self,
                                                       gsize           offset);
/* Pointer into get_text() at character @offset, in O(log n). */
const char     *peitho_document_offset_to_pointer     (PeithoDocument *self,
                                                       gsize           offset);
/* Newly allocated UTF-8 copy of characters [start, end). */
char           *peitho_document_dup_slice             (PeithoDocument *self,
                                                       gsize           start,
                                                       gsize           end);
/* Words: maximal runs of letters, digits, marks and in-word apostrophes
 * or hyphens. */
gsize           peitho_document_count_words           (PeithoDocument *self);

/*
 * Metadata (TEI header). Properties "title", "author", "date", "source"
 * (the bibliographic line, sourceDesc/bibl), all nullable strings.
 */
const char     *peitho_document_get_title             (PeithoDocument *self);
void            peitho_document_set_title             (PeithoDocument *self,
                                                       const char     *title);
const char     *peitho_document_get_author            (PeithoDocument *self);
void            peitho_document_set_author            (PeithoDocument *self,
                                                       const char     *author);
const char     *peitho_document_get_date              (PeithoDocument *self);
void            peitho_document_set_date              (PeithoDocument *self,
                                                       const char     *date);
const char     *peitho_document_get_source            (PeithoDocument *self);
void            peitho_document_set_source            (PeithoDocument *self,
                                                       const char     *source);
/* The teiHeader of an imported TEI file, serialized, kept so that the
 * writer can give back what Peitho does not understand. Opaque to the
 * document; NULL for new documents. */
const char     *peitho_document_get_header_xml        (PeithoDocument *self);
void            peitho_document_set_header_xml        (PeithoDocument *self,
                                                       const char     *header_xml);
/* revisionDesc entries, oldest first. Transfer none. */
GPtrArray      *peitho_document_get_changes           (PeithoDocument *self);
void            peitho_document_add_change            (PeithoDocument *self,
                                                       GDateTime      *when,
                                                       const char     *who,
                                                       const char     *text);

/*
 * Structure of an edition (TEI read with its markup): marks and outline
 * ==========================================================================
 * What a window or a handout needs to show the text as the edition means it
 * (see peitho-mark.h): range marks (heading, speech, speaker, stage
 * direction, verse line with its number, italic, bold, small caps, struck,
 * alternative reading) and point marks (note, page break, gap), and an
 * outline of the divisions. Plain text and Peitho's own form have none. Both
 * are filled by the reader before annotations exist and never change after.
 */
/* Adds a mark; @value is copied. Marks may come in any order. */
void            peitho_document_add_mark              (PeithoDocument *self,
                                                       PeithoMarkKind  kind,
                                                       gsize           start,
                                                       gsize           end,
                                                       guint           level,
                                                       const char     *value);
guint           peitho_document_get_n_marks           (PeithoDocument *self);
/* Mark @index, marks sorted by start (then longer first, then by kind).
 * The pointer is valid until the next add_mark. */
const PeithoMark *peitho_document_get_mark            (PeithoDocument *self,
                                                       guint           index);
/* Range marks that overlap [start, end) and point marks with start <= offset
 * < end (or offset == start when start == end), sorted as get_mark().
 * Transfer container (const PeithoMark *). O(log n + k) for nested marks. */
GPtrArray      *peitho_document_get_marks_in_range    (PeithoDocument *self,
                                                       gsize           start,
                                                       gsize           end);
/* Adds an outline entry (document order); @label is copied. */
void            peitho_document_add_outline_entry     (PeithoDocument *self,
                                                       guint           level,
                                                       gsize           start,
                                                       gsize           end,
                                                       const char     *label);
guint           peitho_document_get_n_outline_entries (PeithoDocument *self);
const PeithoOutlineEntry *peitho_document_get_outline_entry (PeithoDocument *self,
                                                             guint           index);

/* The source an edition was read from (the TEI reader's kept tree), opaque to
 * the document and freed with it by @free_func; NULL when there is none. */
gpointer        peitho_document_get_source_tree       (PeithoDocument *self);
void            peitho_document_set_source_tree       (PeithoDocument *self,
                                                       gpointer        tree,
                                                       GDestroyNotify  free_func);
/* Marks @id as used by the source file: annotation and relation ids are
 * never given it. */
void            peitho_document_reserve_id            (PeithoDocument *self,
                                                       const char     *id);

/*
 * Tag set
 */
PeithoTagSet   *peitho_document_get_tag_set           (PeithoDocument *self);
/* Replaces the tag set. Fails with PEITHO_ERROR_UNKNOWN_TAG (and changes
 * nothing) if an annotation uses a tag that @tag_set lacks. Notifies
 * "tag-set". */
gboolean        peitho_document_set_tag_set           (PeithoDocument *self,
                                                       PeithoTagSet   *tag_set,
                                                       GError        **error);
/* Removes a tag from the tag set. If annotations use it: with @replacement_id
 * NULL, fails with PEITHO_ERROR_IN_USE ("N annotations use ..."); with
 * @replacement_id "" they are removed (and their relations); otherwise they
 * are retagged to @replacement_id. */
gboolean        peitho_document_remove_tag            (PeithoDocument *self,
                                                       const char     *tag_id,
                                                       const char     *replacement_id,
                                                       GError        **error);

/*
 * Annotators. A GListModel of PeithoAnnotator.
 */
GListModel      *peitho_document_get_annotators       (PeithoDocument *self);
PeithoAnnotator *peitho_document_lookup_annotator     (PeithoDocument *self,
                                                       const char     *id);
/* Adds an annotator read from a file. Fails on a used id. */
gboolean         peitho_document_add_annotator        (PeithoDocument  *self,
                                                       PeithoAnnotator *annotator,
                                                       GError         **error);
/* The annotator with this name, created (id "ann-" + slug of the name)
 * if there is none yet. */
PeithoAnnotator *peitho_document_ensure_annotator     (PeithoDocument *self,
                                                       const char     *name);
/* Takes out an annotator whom no annotation or relation names any more (what
 * undoing the edit that added them does). Fails with PEITHO_ERROR_NOT_FOUND
 * for an unknown id, PEITHO_ERROR_IN_USE while the annotator is named. */
gboolean         peitho_document_remove_annotator     (PeithoDocument *self,
                                                       const char     *id,
                                                       GError        **error);

/*
 * Annotations. get_annotations() is a GListModel of PeithoAnnotation in
 * document order (peitho_annotation_compare), updated as they come and go.
 */
GListModel       *peitho_document_get_annotations     (PeithoDocument   *self);
guint             peitho_document_get_n_annotations   (PeithoDocument   *self);
/* Every annotation in document order, as an array (new references): one
 * pass over the index, quicker than the list model's items one by one
 * (a search each) for a pass over all of them. */
GPtrArray        *peitho_document_dup_annotation_array (PeithoDocument  *self);
/* What an annotation says of where it is and who tagged it what, as a
 * value: annotations change, a record does not, so work in another thread
 * can read it while the document goes on. */
typedef struct {
  gsize       start;
  gsize       end;
  const char *tag_id;        /* interned (g_intern_string) */
  const char *annotator_id;  /* interned, or NULL */
} PeithoAnnotationRecord;
/* Every annotation's record, in document order: an array of
 * PeithoAnnotationRecord, a new reference to one the document keeps until
 * an annotation is added, removed or retagged. Read it, never change it: it
 * may be shared with other callers and their threads. Made in one pass over
 * the index, with no reference taken on any annotation. */
GArray           *peitho_document_dup_annotation_records (PeithoDocument *self);
PeithoAnnotation *peitho_document_lookup_annotation   (PeithoDocument   *self,
                                                       const char       *id);
/* Adds @annotation (a new one, not in any document). If its id is NULL one
 * is given ("a1", "a2", ...). Fails with PEITHO_ERROR_RANGE (empty,
 * reversed, beyond the text, or empty once separators are snapped),
 * PEITHO_ERROR_UNKNOWN_TAG, PEITHO_ERROR_DUPLICATE_ID, PEITHO_ERROR_NOT_FOUND
 * (unknown annotator). Emits "annotation-added". */
gboolean          peitho_document_add_annotation      (PeithoDocument   *self,
                                                       PeithoAnnotation *annotation,
                                                       GError          **error);
/* Removes it and every relation that involves it; those relations are
 * appended to @removed_relations if not NULL (for undo). Emits
 * "relation-removed" for each, then "annotation-removed". */
gboolean          peitho_document_remove_annotation   (PeithoDocument   *self,
                                                       PeithoAnnotation *annotation,
                                                       GPtrArray        *removed_relations);
/* Emits "annotation-changed" with the previous tag id. */
gboolean          peitho_document_set_annotation_tag  (PeithoDocument   *self,
                                                       PeithoAnnotation *annotation,
                                                       const char       *tag_id,
                                                       GError          **error);
/* Emits "annotation-changed" (previous tag id = current one). */
void              peitho_document_set_annotation_note (PeithoDocument   *self,
                                                       PeithoAnnotation *annotation,
                                                       const char       *note);
/* Annotations with start <= offset < end, in document order.
 * Transfer container (the array holds references). O(log n + k). */
GPtrArray        *peitho_document_get_annotations_at  (PeithoDocument   *self,
                                                       gsize             offset);
/* Annotations that overlap [start, end), in document order. */
GPtrArray        *peitho_document_get_annotations_in_range (PeithoDocument *self,
                                                            gsize           start,
                                                            gsize           end);

/*
 * Counts, kept up to date on every change (never recomputed).
 */
guint           peitho_document_count_tag             (PeithoDocument *self,
                                                       const char     *tag_id);
guint           peitho_document_count_group           (PeithoDocument *self,
                                                       const char     *group_id);
guint           peitho_document_count_annotator       (PeithoDocument *self,
                                                       const char     *annotator_id);
/* The annotations of one annotator with one tag. */
guint           peitho_document_count_annotator_tag   (PeithoDocument *self,
                                                       const char     *annotator_id,
                                                       const char     *tag_id);

/*
 * Relations. A GListModel of PeithoRelation, in the order added.
 */
GListModel     *peitho_document_get_relations         (PeithoDocument *self);
guint           peitho_document_get_n_relations       (PeithoDocument *self);
/* Fails with PEITHO_ERROR_NOT_FOUND if either annotation is missing,
 * PEITHO_ERROR_INVALID if from == to, PEITHO_ERROR_DUPLICATE_ID on a used id.
 * A NULL id gets "r1", "r2", ... Emits "relation-added". */
gboolean        peitho_document_add_relation          (PeithoDocument *self,
                                                       PeithoRelation *relation,
                                                       GError        **error);
gboolean        peitho_document_remove_relation       (PeithoDocument *self,
                                                       PeithoRelation *relation);
PeithoRelation *peitho_document_lookup_relation       (PeithoDocument *self,
                                                       const char     *id);
/* Relations in which @annotation_id is from or to. Transfer container. */
GPtrArray      *peitho_document_get_relations_for     (PeithoDocument *self,
                                                       const char     *annotation_id);
/* Counts relations of one type. */
guint           peitho_document_count_relation_type   (PeithoDocument *self,
                                                       const char     *type);

/*
 * Checks the whole document (ranges, references, ids). Returns one message
 * per problem (char *), empty if none. Transfer full.
 */
GPtrArray      *peitho_document_validate              (PeithoDocument *self);

/*
 * Signals:
 *   "annotation-added"   (PeithoAnnotation *)
 *   "annotation-removed" (PeithoAnnotation *)
 *   "annotation-changed" (PeithoAnnotation *, const char *old_tag_id)
 *   "relation-added"     (PeithoRelation *)
 *   "relation-removed"   (PeithoRelation *)
 *   "changed"            () after any of the above, and after metadata,
 *                        tag set or annotator changes; once per call
 *                        (remove_annotation emits its "relation-removed"s
 *                        and "annotation-removed", then one "changed")
 *
 * get_annotations() and the signals come from the thread that changes the
 * document; the document is not thread-safe.
 */

G_END_DECLS
