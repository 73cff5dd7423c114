/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_APPLICATION (peitho_application_get_type ())
G_DECLARE_FINAL_TYPE (PeithoApplication, peitho_application, PEITHO, APPLICATION, AdwApplication)

PeithoApplication *peitho_application_new                (void);
/* Opens @file in an empty window if there is one, else in a new window. */
void               peitho_application_open_in_new_window (PeithoApplication *self,
                                                          GFile             *file);
/* The preferences window (PeithoPreferencesWindow). */
void               peitho_application_show_preferences   (PeithoApplication *self);

G_END_DECLS
