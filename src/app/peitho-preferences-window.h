/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_PREFERENCES_WINDOW (peitho_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PeithoPreferencesWindow, peitho_preferences_window, PEITHO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The application's settings, bound both ways with g_settings_bind. */
GtkWidget *peitho_preferences_window_new (void);

G_END_DECLS
