/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-text-difference.h"

gboolean
peitho_text_difference_find (const char           *a,
                             const char           *b,
                             PeithoTextDifference *difference)
{
  gsize i = 0;
  gsize offset = 0, line = 1, column = 1;

  g_return_val_if_fail (a != NULL && b != NULL && difference != NULL, FALSE);

  while (a[i] != '\0' && a[i] == b[i])
    i++;
  if (a[i] == '\0' && b[i] == '\0')
    return FALSE;

  /* Back to the start of the character that differs (the bytes before i
   * are the same in both). */
  while (i > 0 && (((guchar) a[i] & 0xc0) == 0x80 || ((guchar) b[i] & 0xc0) == 0x80))
    i--;

  for (const char *p = a; p < a + i; p = g_utf8_next_char (p))
    {
      offset++;
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  difference->offset = offset;
  difference->line = line;
  difference->column = column;
  difference->a = a[i] != '\0' ? g_utf8_get_char (a + i) : 0;
  difference->b = b[i] != '\0' ? g_utf8_get_char (b + i) : 0;
  return TRUE;
}

char *
peitho_text_difference_describe (gunichar c)
{
  char buffer[8] = { 0 };

  switch (c)
    {
    case 0:
      return g_strdup (_("the end of the text"));
    case '\n':
      return g_strdup (_("a line break"));
    case '\t':
      return g_strdup (_("a tab"));
    case ' ':
      return g_strdup (_("a space"));
    default:
      break;
    }
  if (!g_unichar_isprint (c) || g_unichar_isspace (c))
    /* Translators: an invisible character, such as U+00A0 */
    return g_strdup_printf (_("the character U+%04X"), c);
  g_unichar_to_utf8 (c, buffer);
  return g_strdup_printf ("“%s”", buffer);
}
