/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_TAG (peitho_tag_get_type ())
G_DECLARE_FINAL_TYPE (PeithoTag, peitho_tag, PEITHO, TAG, GObject)

/* A tag of the tag set: one TEI <category> with a colour (<rendition>).
 * Properties (all strings, notify on change): "id", "label", "definition",
 * "example", "abbreviation" (the short label drawn where a highlight begins,
 * or NULL to derive one), "color" ("#rrggbb"), "group-id", "shortcut" (a GTK
 * accelerator string, or NULL; kept by the application, not written to TEI). */
PeithoTag  *peitho_tag_new            (const char *id,
                                       const char *label,
                                       const char *definition,
                                       const char *example,
                                       const char *color);
PeithoTag  *peitho_tag_copy           (PeithoTag  *self);
const char *peitho_tag_get_id         (PeithoTag  *self);
const char *peitho_tag_get_label      (PeithoTag  *self);
void        peitho_tag_set_label      (PeithoTag  *self,
                                       const char *label);
const char *peitho_tag_get_definition (PeithoTag  *self);
void        peitho_tag_set_definition (PeithoTag  *self,
                                       const char *definition);
const char *peitho_tag_get_example    (PeithoTag  *self);
void        peitho_tag_set_example    (PeithoTag  *self,
                                       const char *example);
/* nullable: the abbreviation the tag set gives, if any. */
const char *peitho_tag_get_abbreviation (PeithoTag *self);
void        peitho_tag_set_abbreviation (PeithoTag  *self,
                                         const char *abbreviation);
/* The short label to show: the abbreviation, or one derived from the label
 * ("Metaphor" -> "Met", "Rhetorical question" -> "RQ"). Never NULL. */
char       *peitho_tag_dup_short_label  (PeithoTag  *self);
const char *peitho_tag_get_color      (PeithoTag  *self);
void        peitho_tag_set_color      (PeithoTag  *self,
                                       const char *color);
const char *peitho_tag_get_group_id   (PeithoTag  *self);
const char *peitho_tag_get_shortcut   (PeithoTag  *self);
void        peitho_tag_set_shortcut   (PeithoTag  *self,
                                       const char *shortcut);

/* Internal to the tag set: the group a tag lives in. */
void        _peitho_tag_set_group_id  (PeithoTag  *self,
                                       const char *group_id);

G_END_DECLS
