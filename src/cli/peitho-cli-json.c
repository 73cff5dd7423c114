/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include "peitho-cli-json.h"

void
peitho_cli_json_append_string (GString    *json,
                               const char *str)
{
  g_return_if_fail (json != NULL);

  if (str == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, *p);
        }
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (json, "\\u%04x", *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

void
peitho_cli_json_append_key (GString    *json,
                            const char *key)
{
  g_return_if_fail (json != NULL);
  g_return_if_fail (key != NULL);

  if (json->len > 0 && json->str[json->len - 1] != '{')
    g_string_append_c (json, ',');
  peitho_cli_json_append_string (json, key);
  g_string_append_c (json, ':');
}

void
peitho_cli_json_append_measure (GString       *json,
                                PeithoMeasure  measure)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (json != NULL);

  if (!peitho_measure_is_defined (measure))
    g_string_append (json, "null");
  else
    g_string_append (json, g_ascii_formatd (buffer, sizeof buffer, "%.17g", measure.value));
}
