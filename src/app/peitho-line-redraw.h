/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @view draw again, from its tags as they are now, the lines of the
 * buffer offsets [@start, @end) that are on its page or a page either side
 * of it. For a change of colour only: GTK draws such a change again by
 * itself, but GTK 4.8 misses some of the lines (see the file). */
void peitho_line_redraw_range (GtkTextView *view,
                               guint        start,
                               guint        end);

G_END_DECLS
