/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where two UTF-8 texts first differ: the character offset (code points),
 * line and column (1-based, lines split at "\n") and the two characters
 * there (0 where a text has ended). */
typedef struct {
  gsize    offset;
  gsize    line;
  gsize    column;
  gunichar a;
  gunichar b;
} PeithoTextDifference;

/* FALSE if @a and @b are the same text; otherwise TRUE and @difference is
 * filled. One pass over the common prefix. */
gboolean  peitho_text_difference_find     (const char           *a,
                                           const char           *b,
                                           PeithoTextDifference *difference);
/* A character for a message: “x”, or a word for line breaks, tabs, spaces,
 * other invisible characters (U+XXXX) and the end of the text (0).
 * Translated. */
char     *peitho_text_difference_describe (gunichar              c);

G_END_DECLS
