/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-document.h"

G_BEGIN_DECLS

/* Who uses which devices in a play: the annotations in each speaker's
 * speeches (the edition's SPEECH marks, see peitho-mark.h), per tag. */

#define PEITHO_TYPE_SPEAKER_COUNT (peitho_speaker_count_get_type ())
G_DECLARE_FINAL_TYPE (PeithoSpeakerCount, peitho_speaker_count, PEITHO, SPEAKER_COUNT, GObject)

/* One speaker. Read-only properties: "id", "name", "total", "n-speeches",
 * "summary". */
/* The speeches' @who ("#Hamlet_Ham"), or the speaker's text without one. */
const char *peitho_speaker_count_get_id         (PeithoSpeakerCount *self);
/* The speaker as the edition names them: the person's name in its castList
 * or particDesc ("King Claudius", "Karl von Moor"), else the text of the
 * first speaker element of a speech of theirs alone ("HAMLET"), else the id
 * without its "#". */
const char *peitho_speaker_count_get_name       (PeithoSpeakerCount *self);
guint       peitho_speaker_count_get_n_speeches (PeithoSpeakerCount *self);
/* The annotations that overlap the speaker's speeches, each counted once
 * (also one that runs over two of them). */
guint       peitho_speaker_count_get_total      (PeithoSpeakerCount *self);
guint       peitho_speaker_count_get_tag_count  (PeithoSpeakerCount *self,
                                                 const char         *tag_id);
/* The tags used, most used first (ties in the tag set's order).
 * NULL-terminated, transfer full. */
char      **peitho_speaker_count_dup_tag_ids    (PeithoSpeakerCount *self);
/* The tags used with their counts, for a person: "Irony 3, Metaphor 1"
 * (the tags' labels, in the order of dup_tag_ids()). */
const char *peitho_speaker_count_get_summary    (PeithoSpeakerCount *self);

/* The speakers of @document with at least one annotation: a new list of
 * PeithoSpeakerCount, most annotations first, ties in the order in which
 * they first speak. Empty for a document without speeches (a plain text, a
 * novel). O(speeches log n + annotations in speeches). Transfer full. */
GListModel *peitho_speaker_counts_compute       (PeithoDocument     *document);

G_END_DECLS
