/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "peitho-handout.h"
#include "peitho-window.h"

G_BEGIN_DECLS

/* File > Print (win.print): the GNOME print dialog, with a "Handout" tab for
 * colour or greyscale, tags, annotators and notes; pages laid out by the
 * render library (src/render), as `peitho-cli export --format pdf` does. */
void     _peitho_window_class_init_print      (GtkWidgetClass             *widget_class);

/* Runs the print operation without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT)
 * into the PDF @path, with @options (NULL: the defaults). */
gboolean _peitho_window_print_to_pdf_for_testing (PeithoWindow               *self,
                                                  const char                 *path,
                                                  const PeithoHandoutOptions *options,
                                                  GError                    **error);

G_END_DECLS
