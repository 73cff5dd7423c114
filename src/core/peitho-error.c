/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "peitho-error.h"

G_DEFINE_QUARK (peitho-error-quark, peitho_error)

static gboolean
is_name_start_char (gunichar c)
{
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

static gboolean
is_name_char (gunichar c)
{
  return is_name_start_char (c) || c == '-' || c == '.' || (c >= '0' && c <= '9') ||
         c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

gboolean
peitho_id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  if (!is_name_start_char (g_utf8_get_char (id)))
    return FALSE;

  for (p = g_utf8_next_char (id); *p != '\0'; p = g_utf8_next_char (p))
    if (!is_name_char (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
peitho_id_check (const char  *id,
                 GError     **error)
{
  if (peitho_id_is_valid (id))
    return TRUE;

  g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
               _("“%s” cannot be an id: an id starts with a letter or “_” and holds only "
                 "letters, digits, “-”, “_” and “.”"),
               id != NULL ? id : "");
  return FALSE;
}

char *
peitho_id_slugify (const char *label)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean pending_hyphen = FALSE;

  g_return_val_if_fail (label != NULL, NULL);

  /* Transliterate so that "Prétérition" gives "preterition", not "pr-t-rition". */
  ascii = g_str_to_ascii (label, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (pending_hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_hyphen = FALSE;
          g_string_append_c (slug, c);
        }
      else
        pending_hyphen = TRUE;
    }

  return g_string_free (slug, FALSE);
}
