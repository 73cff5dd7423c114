/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "peitho-core.h"

G_BEGIN_DECLS

/* Writing JSON into a GString, shared by the commands that print it. */

/* @str quoted and escaped, or null when @str is NULL. */
void peitho_cli_json_append_string  (GString       *json,
                                     const char    *str);
/* "key": after a comma unless it opens an object. */
void peitho_cli_json_append_key     (GString       *json,
                                     const char    *key);
/* A value with 17 significant digits (round-trips a double), or null when
 * the measure is undefined. */
void peitho_cli_json_append_measure (GString       *json,
                                     PeithoMeasure  measure);

G_END_DECLS
