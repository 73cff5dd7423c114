/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "peitho-error.h"
#include "peitho-handout-renderer.h"

/* A4 in points, with margins of 2 cm. */
#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.890
#define MARGIN      56.693

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
               /* Translators: %s is a file name, the second the reason (in English, from Cairo) */
               _("%s: cannot write the PDF: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
peitho_handout_write_pdf (PeithoHandout  *handout,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(PeithoHandoutRenderer) renderer = NULL;
  PangoContext *context;
  PeithoDocument *document;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (handout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  document = peitho_handout_get_document (handout);
  if (peitho_document_get_title (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    peitho_document_get_title (document));
  if (peitho_document_get_author (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    peitho_document_get_author (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Peitho " PACKAGE_VERSION);

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* One Pango point is one PDF unit. */
  pango_cairo_context_set_resolution (context, 72.0);

  renderer = peitho_handout_renderer_new (handout, context, PAGE_WIDTH - 2 * MARGIN,
                                          PAGE_HEIGHT - 2 * MARGIN);
  peitho_handout_renderer_paginate (renderer, 0);
  for (guint page = 0; page < peitho_handout_renderer_get_n_pages (renderer); page++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      peitho_handout_renderer_draw_page (renderer, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  g_clear_pointer (&renderer, peitho_handout_renderer_free);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}
