/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-highlighter.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_ANNOTATION_GUTTER (peitho_annotation_gutter_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotationGutter, peitho_annotation_gutter, PEITHO, ANNOTATION_GUTTER,
                      GtkSourceGutterRenderer)

/* The margin stripe: a narrow bar in the tag's colour beside each annotated
 * passage, one column per overlapping annotation, drawn against the text
 * (the right edge of the renderer). "width" is the width it asks for: the
 * view makes it the left margin of the reading column. */
GtkSourceGutterRenderer *peitho_annotation_gutter_new       (PeithoHighlighter      *highlighter);
void                     peitho_annotation_gutter_set_width (PeithoAnnotationGutter *self,
                                                             int                     width);

G_END_DECLS
