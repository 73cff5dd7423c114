/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_DISCUSSION_ROW (peitho_discussion_row_get_type ())
G_DECLARE_FINAL_TYPE (PeithoDiscussionRow, peitho_discussion_row, PEITHO, DISCUSSION_ROW, GtkWidget)

/* One passage to discuss in the seminar's Discuss page: an excerpt of the
 * text, and how many of the students compared marked it and how much they
 * disagree there. Activating its list item shows the passage (the window's
 * win.show-passage(u) with its position).
 *
 * Property "passage" (PeithoDiscussionPassage, read-only: set with
 * peitho_discussion_row_set_passage()). */
GtkWidget               *peitho_discussion_row_new         (void);
/* @document and @passage both NULL, or both set. */
void                     peitho_discussion_row_set_passage (PeithoDiscussionRow     *self,
                                                            PeithoDocument          *document,
                                                            PeithoDiscussionPassage *passage);
PeithoDiscussionPassage *peitho_discussion_row_get_passage (PeithoDiscussionRow     *self);
/* The texts shown: the excerpt, and the summary line. */
const char              *peitho_discussion_row_get_excerpt (PeithoDiscussionRow     *self);
const char              *peitho_discussion_row_get_summary (PeithoDiscussionRow     *self);

G_END_DECLS
