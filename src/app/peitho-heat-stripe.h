/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-highlighter.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_HEAT_STRIPE (peitho_heat_stripe_get_type ())
G_DECLARE_FINAL_TYPE (PeithoHeatStripe, peitho_heat_stripe, PEITHO, HEAT_STRIPE,
                      GtkSourceGutterRenderer)

/* The seminar's margin heat stripe: beside each display line, a bar whose
 * intensity is the share of the students shown (@students, PeithoAnnotator,
 * less those the highlighter hides) who marked something on it; its tooltip
 * says how many and with which tags. Drawn per visible line from the
 * document's index, like PeithoAnnotationGutter: no widget per annotation. */
GtkSourceGutterRenderer *peitho_heat_stripe_new          (PeithoHighlighter *highlighter,
                                                          GListModel        *students);
/* For [start, end) (characters): how many of the students shown marked
 * something there, and a sentence saying so with the tags ("2 of 3
 * students: Irony, Metaphor"), or NULL when nobody did. */
char                    *peitho_heat_stripe_dup_summary  (PeithoHeatStripe  *self,
                                                          gsize              start,
                                                          gsize              end,
                                                          guint             *n_marked);
/* The same for the display line that holds @iter (of the view's buffer),
 * as the tooltip says it: what keyboard and screen reader users are told of
 * the line with the cursor. NULL too while the text is still loading. */
char                    *peitho_heat_stripe_dup_line_summary (PeithoHeatStripe  *self,
                                                              const GtkTextIter *iter,
                                                              guint             *n_marked);

G_END_DECLS
