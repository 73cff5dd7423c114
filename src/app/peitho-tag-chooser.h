/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_CHOOSER (peitho_tag_chooser_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagChooser, peitho_tag_chooser, PEITHO, TAG_CHOOSER, GtkPopover)

/* "Tag…": a searchable list of the tags, for the keyboard. Type to filter,
 * Up/Down to move, Enter to choose. Signal "tag-chosen" (const char *tag_id). */
GtkWidget *peitho_tag_chooser_new         (void);
void       peitho_tag_chooser_set_tag_set (PeithoTagChooser *self,
                                           PeithoTagSet     *tag_set);

G_END_DECLS
