/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_SWATCH (peitho_swatch_get_type ())
G_DECLARE_FINAL_TYPE (PeithoSwatch, peitho_swatch, PEITHO, SWATCH, GtkWidget)

/* A tag's colour as a small rounded square; only an outline when "hollow"
 * (a hidden tag). Property "color": "#rrggbb" or NULL. */
GtkWidget  *peitho_swatch_new        (void);
const char *peitho_swatch_get_color  (PeithoSwatch *self);
void        peitho_swatch_set_color  (PeithoSwatch *self,
                                      const char   *color);
gboolean    peitho_swatch_get_hollow (PeithoSwatch *self);
void        peitho_swatch_set_hollow (PeithoSwatch *self,
                                      gboolean      hollow);

G_END_DECLS
