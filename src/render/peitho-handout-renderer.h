/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "peitho-handout.h"

G_BEGIN_DECLS

/*
 * Pages of a handout, laid out with Pango and drawn with Cairo, without
 * GTK: the header's title, author and source; the text with its
 * highlights (in colour, or underline styles and labels for greyscale),
 * paragraph numbers in the margin; notes as numbered footnotes on the page
 * of their marker; relations and the legend after the text; page numbers.
 *
 * Shared by `peitho-cli export --format pdf` (peitho_handout_write_pdf())
 * and the window's GtkPrintOperation, which gives its own PangoContext,
 * cairo_t and page size: create the renderer in "begin-print", call
 * peitho_handout_renderer_paginate() from "paginate" until it returns TRUE,
 * then draw each page in "draw-page".
 */

typedef struct _PeithoHandoutRenderer PeithoHandoutRenderer;

/* @width and @height: the printable area of a page, in points (1/72 in);
 * the renderer draws from (0, 0). @context: the PangoContext of the target
 * (its resolution decides what a point is). The renderer keeps a reference
 * to @handout's document through @handout, which must outlive it. */
PeithoHandoutRenderer *peitho_handout_renderer_new         (PeithoHandout         *handout,
                                                            PangoContext          *context,
                                                            double                 width,
                                                            double                 height);
void                   peitho_handout_renderer_free        (PeithoHandoutRenderer *self);

/* Lays out more of the handout, for about @budget_usec microseconds (0: all
 * at once). TRUE once every page is known. */
gboolean               peitho_handout_renderer_paginate    (PeithoHandoutRenderer *self,
                                                            gint64                 budget_usec);
/* Between 0 and 1, for a progress bar while paginating. */
double                 peitho_handout_renderer_get_progress (PeithoHandoutRenderer *self);
/* The number of pages, once paginated. */
guint                  peitho_handout_renderer_get_n_pages (PeithoHandoutRenderer *self);
/* Draws page @page (0-based) into @cr, whose origin is the top left of the
 * printable area and whose unit is a point. */
void                   peitho_handout_renderer_draw_page   (PeithoHandoutRenderer *self,
                                                            cairo_t               *cr,
                                                            guint                  page);

/* An A4 PDF of @handout at @path. Fails with a GIOError-like
 * PEITHO_ERROR_FAILED naming @path when Cairo cannot write it. */
gboolean               peitho_handout_write_pdf            (PeithoHandout         *handout,
                                                            const char            *path,
                                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoHandoutRenderer, peitho_handout_renderer_free)

G_END_DECLS
