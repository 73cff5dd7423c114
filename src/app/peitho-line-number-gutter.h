/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-highlighter.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_LINE_NUMBER_GUTTER (peitho_line_number_gutter_get_type ())
G_DECLARE_FINAL_TYPE (PeithoLineNumberGutter, peitho_line_number_gutter, PEITHO, LINE_NUMBER_GUTTER, GtkSourceGutterRenderer)

/* The margin's verse line numbers: an edition's l/@n (the LINE marks'
 * values) beside the first display line of each verse line. Dotted numbers
 * ("1.1.15") show their last part; numbered lines are dense, so only every
 * fifth number is shown, and any number that is not a plain count. Takes no
 * room for a document without numbered lines. */
GtkSourceGutterRenderer *peitho_line_number_gutter_new       (PeithoHighlighter      *highlighter);
/* Refreshes the width after the highlighter was given a document. */
void                     peitho_line_number_gutter_update    (PeithoLineNumberGutter *self);
/* What the margin shows beside buffer line @line, or NULL. */
char                    *peitho_line_number_gutter_dup_label (PeithoLineNumberGutter *self,
                                                              guint                   line);

G_END_DECLS
