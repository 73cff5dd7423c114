/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

/* The annotated text on one line, white space collapsed, cut with "…" past
 * @max_chars characters. */
char       *peitho_annotation_dup_snippet        (PeithoDocument   *document,
                                                  PeithoAnnotation *annotation,
                                                  guint             max_chars);
/* The tag's label, or its id if the tag set lacks it. */
const char *peitho_annotation_get_tag_label      (PeithoDocument   *document,
                                                  PeithoAnnotation *annotation);
const char *peitho_annotation_get_tag_color      (PeithoDocument   *document,
                                                  PeithoAnnotation *annotation);
/* The annotator's name, or NULL. */
const char *peitho_annotation_get_annotator_name (PeithoDocument   *document,
                                                  PeithoAnnotation *annotation);
/* Pango markup describing @annotations (tooltips). */
char       *peitho_annotations_to_markup         (PeithoDocument   *document,
                                                  GPtrArray        *annotations);
/* The name new annotations are recorded with: @setting, or the user's real
 * name, or the login name. */
const char *peitho_default_annotator_name        (const char       *setting);

/* Accelerators of the tags, tag id -> accelerator: the tag-shortcuts
 * setting of @settings, or by default Alt+1 … Alt+9 for the first nine tags
 * of @tag_set (nullable). */
GHashTable *peitho_tag_accels_collect            (GSettings        *settings,
                                                  PeithoTagSet     *tag_set);

/* GTK 4.8 names a button with a mnemonic "_Open Open" (the raw label and
 * the child label): name it from its child label only. */
void        peitho_fix_mnemonic_name             (GtkWidget        *button);
/* A button with an explicit accessible name and a mnemonic child label:
 * keep only the explicit name. */
void        peitho_fix_labelled_by               (GtkWidget        *button);

/* @text as @widget's tooltip, asked for only when the tooltip is shown:
 * gtk_widget_set_tooltip_text() asks the display where the pointer is at
 * once, a round trip to an X server for each of the palette's two dozen
 * tags whenever a document opens. */
void        peitho_widget_set_deferred_tooltip   (GtkWidget        *widget,
                                                  const char       *text);

G_END_DECLS
