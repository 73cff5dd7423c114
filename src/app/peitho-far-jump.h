/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Jumps of a text view further than a page: made at once, where GTK
 * animates its scrolls through every page in between, and held until they
 * settle (see the file). One per view. */
typedef struct _PeithoFarJump PeithoFarJump;

PeithoFarJump *peitho_far_jump_new     (GtkTextView       *view);
void           peitho_far_jump_free    (PeithoFarJump     *self);
/* Scrolls @view by as much as it takes to show @iter, as
 * gtk_text_view_scroll_to_iter() would place it, if that is more than a
 * page; nothing otherwise. */
void           peitho_far_jump_land    (PeithoFarJump     *self,
                                        const GtkTextIter *iter,
                                        double             within_margin,
                                        gboolean           use_align,
                                        double             yalign);
/* The reader scrolled: the last jump no longer holds the page. */
void           peitho_far_jump_release (PeithoFarJump     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoFarJump, peitho_far_jump_free)

G_END_DECLS
