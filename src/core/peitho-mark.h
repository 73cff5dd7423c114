/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PeithoMarkKind:
 * What a structure mark of an edition says about its range of the text.
 *
 * Range marks (start < end, or start == end for an empty element):
 * @PEITHO_MARK_PARAGRAPH: a paragraph (p, ab, and other prose blocks)
 * @PEITHO_MARK_HEADING: a head; level is 1 for a heading outside any div,
 *   1 + the number of enclosing divs otherwise (capped at 6)
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
 * @level: heading level (1..6), 0 for other kinds
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
 * One division of the edition (a div with a head or an @n, or a speech's
 * div-less text group): acts and scenes, chapters, sections.
 * @level: 1 for a top division, 2 inside it, ...
 * @start: offset of its first character in the document text
 * @end: one past its last character
 * @label: its head's text, else "@type @n" ("scene 2"), never NULL; owned by
 *   the document
 */
typedef struct {
  guint       level;
  gsize       start;
  gsize       end;
  const char *label;
} PeithoOutlineEntry;

G_END_DECLS
