/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Showing an edition (for the window and the handouts)
 * =====================================================
 * peitho_tei_read_bytes() (or _with_options(), peitho_document_load_file())
 * of a TEI edition gives a document whose source tree is kept
 * (peitho_document_get_source_tree() != NULL) and which has:
 *
 * - the text, in blocks: peitho_document_get_n_paragraphs(),
 *   peitho_document_get_paragraph (doc, i, &start, &length, NULL) and
 *   peitho_document_get_block_break (doc, i): PEITHO_BLOCK_BREAK_LINE when a
 *   "\n" comes before block i (the lines of one speech or stanza, the first
 *   line after the speaker), PARAGRAPH for "\n\n";
 * - marks, sorted by start: peitho_document_get_marks_in_range (doc, start,
 *   end) for what is on screen, or get_n_marks()/get_mark() for all of them.
 *   A view styles HEADING (by level), SPEAKER, STAGE (set apart, italic),
 *   ITALIC, BOLD, SMALL_CAPS, STRUCK; puts LINE's value (l/@n) in the margin
 *   at the line's start; shows NOTE, PAGE_BREAK and GAP as small markers at
 *   their offset, with the note's text (value) on hover or click; and offers
 *   ALTERNATIVE's value (the other reading of a choice) on hover;
 * - an outline: peitho_document_get_n_outline_entries() and
 *   get_outline_entry(): level, start, end and label of each division with a
 *   head or @n, in document order (jump to start);
 * - speeches: each SPEECH mark's value is its @who ("#Hamlet_Ham") or the
 *   speaker's text; the annotations in it are
 *   peitho_document_get_annotations_in_range (doc, mark->start, mark->end),
 *   for counts per speaker.
 *
 * PeithoTeiReadOptions (peitho-tei-reader.h) carries the tag set chosen in
 * Preferences for editions without Peitho's taxonomy (default_tag_set), the
 * choice of readings (PEITHO_READ_ORIGINAL_READINGS) and, for a teiCorpus,
 * which TEI to read (corpus_member; peitho_tei_list_corpus() lists them).
 * Marks and outline never change after reading; offsets are characters.
 */

/**
 * PeithoMarkKind:
 * What a structure mark of an edition says about its range of the text.
 *
 * Range marks (start < end, or start == end for an empty element):
 * @PEITHO_MARK_PARAGRAPH: a paragraph (p, ab, and other prose blocks)
 * @PEITHO_MARK_HEADING: a head; level is the number of enclosing divisions
 *   (1 outside any, at most 6): an act's head 1, a scene's 2
 * @PEITHO_MARK_SPEECH: a speech (sp); value is its @who ("#hamlet"), or the
 *   speaker's text when it has no @who
 * @PEITHO_MARK_SPEAKER: the speaker's name (speaker); value as for SPEECH
 * @PEITHO_MARK_STAGE: a stage direction (stage), set apart, usually italic
 * @PEITHO_MARK_LINE: a verse line (l); value is its @n (NULL when none),
 *   for the line numbers in the margin
 * @PEITHO_MARK_ITALIC, @PEITHO_MARK_BOLD, @PEITHO_MARK_SMALL_CAPS: renderings
 *   from hi/@rend (and @rendition, @style where they say so), emph, title,
 *   foreign, term, mentioned, soCalled (italic)
 * @PEITHO_MARK_STRUCK: deleted text (del), kept in the text, shown struck
 * @PEITHO_MARK_ALTERNATIVE: the range is one reading of a choice (or the
 *   lemma of an app); value is the other reading, for hover
 *
 * Point marks (start == end, the place in the text):
 * @PEITHO_MARK_NOTE: a note, out of the reading flow; value is its text
 * @PEITHO_MARK_PAGE_BREAK: a page break (pb); value is its @n or NULL
 * @PEITHO_MARK_GAP: a gap in the edition (gap); value is @reason or NULL
 */
typedef enum {
  PEITHO_MARK_PARAGRAPH,
  PEITHO_MARK_HEADING,
  PEITHO_MARK_SPEECH,
  PEITHO_MARK_SPEAKER,
  PEITHO_MARK_STAGE,
  PEITHO_MARK_LINE,
  PEITHO_MARK_ITALIC,
  PEITHO_MARK_BOLD,
  PEITHO_MARK_SMALL_CAPS,
  PEITHO_MARK_STRUCK,
  PEITHO_MARK_ALTERNATIVE,
  PEITHO_MARK_NOTE,
  PEITHO_MARK_PAGE_BREAK,
  PEITHO_MARK_GAP,
} PeithoMarkKind;

/* Whether @kind is a point mark (note, page break, gap). */
#define PEITHO_MARK_KIND_IS_POINT(kind) ((kind) >= PEITHO_MARK_NOTE)

/**
 * PeithoMark:
 * @kind: what it is
 * @start: first character (offset in the document text, code points)
 * @end: one past the last character; == @start for point marks
 * @level: heading level (1..6: the number of enclosing divisions, at least 1),
 *   0 for other kinds
 * @value: (nullable): see #PeithoMarkKind; owned by the document
 */
typedef struct {
  PeithoMarkKind  kind;
  guint           level;
  gsize           start;
  gsize           end;
  const char     *value;
} PeithoMark;

/**
 * PeithoOutlineEntry:
 * One division of the edition (a div with a head or an @n): acts and scenes,
 * chapters, sections.
 * @level: 1 for a top division, 2 inside it, ...
 * @start: offset of its first character in the document text
 * @end: one past its last character
 * @label: its head's text, else "@type @n" ("scene 2"; for Perseus'
 *   type="textpart" "@subtype @n"), never NULL; owned by the document
 */
typedef struct {
  guint       level;
  gsize       start;
  gsize       end;
  const char *label;
} PeithoOutlineEntry;

G_END_DECLS
