/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "peitho-count-item.h"

G_BEGIN_DECLS

#define PEITHO_TYPE_COUNT_ROW (peitho_count_row_get_type ())
G_DECLARE_FINAL_TYPE (PeithoCountRow, peitho_count_row, PEITHO, COUNT_ROW, GtkWidget)

/* A row of the counts tree: expander (groups), colour, label, count, and for
 * tags an eye toggle that hides the tag's highlight. */
GtkWidget *peitho_count_row_new          (void);
void       peitho_count_row_set_list_row (PeithoCountRow *self,
                                          GtkTreeListRow *list_row);

G_END_DECLS
