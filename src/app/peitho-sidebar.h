/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "peitho-count-model.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_SIDEBAR (peitho_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PeithoSidebar, peitho_sidebar, PEITHO, SIDEBAR, GtkWidget)

/* The sidebar's pages: "tags" (the counts, groups then tags, with the total,
 * and for the selected tag or group its definition and passages), "notes"
 * (the annotations with a note), "overview" (annotators and relation types
 * with their counts) and, for an edition, "outline". Passages and notes are
 * PeithoPassageRows. Signal "passage-activated" (PeithoAnnotation *): a row
 * of the passages or the notes was activated. */
GtkWidget  *peitho_sidebar_new                 (void);
void        peitho_sidebar_set_model           (PeithoSidebar    *self,
                                                PeithoCountModel *model);
/* Flat model of the tags' PeithoCountItem (for tests: the counts shown). */
GListModel *peitho_sidebar_get_count_model     (PeithoSidebar    *self);
/* Selects a tag's (or group's) row and lists its passages; NULL unselects. */
gboolean    peitho_sidebar_select              (PeithoSidebar    *self,
                                                const char       *tag_or_group_id);
const char *peitho_sidebar_get_selected_id     (PeithoSidebar    *self);
/* The passages listed (PeithoAnnotation), or NULL when nothing is selected. */
GListModel *peitho_sidebar_get_passages_model  (PeithoSidebar    *self);

GListModel *peitho_sidebar_get_notes_model  (PeithoSidebar *self);
/* "tags", "notes" or "overview". */
void        peitho_sidebar_show_page        (PeithoSidebar *self,
                                             const char    *name);
/* The edition's outline (PeithoOutlineItem), shown on its own page when
 * not empty; activating a row emits "outline-activated" (PeithoOutlineItem *). */
GListModel *peitho_sidebar_get_outline_model (PeithoSidebar *self);
void        peitho_sidebar_activate_outline  (PeithoSidebar *self,
                                              guint          position);
/* A page of another part of the window (the passages to discuss), after
 * the others; hide it with gtk_stack_page_set_visible(). @lazy_list, a list
 * view inside @child, if not NULL, holds @model only while the page is
 * shown, so that a hidden page makes no rows. */
GtkStackPage *peitho_sidebar_add_page       (PeithoSidebar     *self,
                                             const char        *name,
                                             const char        *title,
                                             GtkWidget         *child,
                                             GtkListView       *lazy_list,
                                             GtkSelectionModel *model);
/* Appends @child to the Overview page (the agreement of a seminar). */
void        peitho_sidebar_add_to_overview  (PeithoSidebar *self,
                                             GtkWidget     *child);
/* What activating a row of the notes list does. */
void        peitho_sidebar_activate_note    (PeithoSidebar *self,
                                             guint          position);

G_END_DECLS
