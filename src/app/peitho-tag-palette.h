/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG_PALETTE (peitho_tag_palette_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTagPalette, peitho_tag_palette, PEITHO, TAG_PALETTE, GtkWidget)

/* The tags of a tag set by group, one button each (colour, label, shortcut;
 * definition and example as tooltip) that activates
 * win.tag-selection(tag id). Each button's accessible name is the tag's
 * label. Rebuilt when the tag set changes. */
GtkWidget    *peitho_tag_palette_new          (void);
PeithoTagSet *peitho_tag_palette_get_tag_set  (PeithoTagPalette *self);
void          peitho_tag_palette_set_tag_set  (PeithoTagPalette *self,
                                               PeithoTagSet     *tag_set);
/* @accels: tag id -> accelerator string (as in the tag-shortcuts setting),
 * or NULL. */
void          peitho_tag_palette_set_accels   (PeithoTagPalette *self,
                                               GHashTable       *accels);
/* The button of a tag, for tests. */
GtkWidget    *peitho_tag_palette_get_button   (PeithoTagPalette *self,
                                               const char       *tag_id);
/* Tooltip text for a tag: its definition and example. */
char         *peitho_tag_dup_description      (PeithoTag        *tag);

G_END_DECLS
