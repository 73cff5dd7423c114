/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dates as TEI writes them (xsd:dateTime, @when) and as people write them
 * in a header ("June 10, 1939"). */

#include "config.h"

#include <string.h>

#include "peitho-tei-common.h"

char *
peitho_tei_format_when (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return NULL;
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
peitho_tei_parse_when (const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *full = NULL;

  if (value == NULL)
    return NULL;
  while (peitho_tei_is_xml_space (*value))
    value++;

  if (strlen (value) == 10 && value[4] == '-' && value[7] == '-')
    value = full = g_strconcat (value, "T00:00:00Z", NULL);
  else if (strlen (value) == 7 && value[4] == '-')
    value = full = g_strconcat (value, "-01T00:00:00Z", NULL);
  else if (strlen (value) == 4 && g_ascii_isdigit (value[0]))
    value = full = g_strconcat (value, "-01-01T00:00:00Z", NULL);

  return g_date_time_new_from_iso8601 (value, utc);
}

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (months[i], word, len) == 0 && (len == strlen (months[i]) || len == 3
                                                          || (len == 4 && word[3] == '.')))
      return i + 1;
  return 0;
}

char *
peitho_tei_date_to_iso (const char *date)
{
  g_auto(GStrv) words = NULL;
  int year = 0, month = 0, day = 0;
  guint n;

  if (date == NULL)
    return NULL;

  {
    g_autofree char *clean = g_strdup (date);

    g_strstrip (clean);
    /* Already ISO: 1939, 1939-06, 1939-06-10. */
    if (g_regex_match_simple ("^[0-9]{4}(-[01][0-9](-[0-3][0-9])?)?$", clean, 0, 0))
      {
        g_autoptr(GDateTime) check = peitho_tei_parse_when (clean);
        return check != NULL ? g_strdup (clean) : NULL;
      }
    g_strdelimit (clean, ",", ' ');
    words = g_regex_split_simple ("\\s+", clean, 0, 0);
  }

  n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      char *end = NULL;
      gint64 value;

      if (*w == '\0')
        continue;
      n++;
      if (n > 3)
        return NULL;
      if (g_ascii_isdigit (*w))
        {
          value = g_ascii_strtoll (w, &end, 10);
          /* "10th" */
          if (*end != '\0' && !(g_str_equal (end, "st") || g_str_equal (end, "nd")
                                || g_str_equal (end, "rd") || g_str_equal (end, "th")
                                || g_str_equal (end, ".")))
            return NULL;
          if (value >= 1000 && value <= 9999 && year == 0 && end - w == 4)
            year = value;
          else if (value >= 1 && value <= 31 && day == 0)
            day = value;
          else
            return NULL;
        }
      else if ((value = month_from_word (w)) != 0 && month == 0)
        month = value;
      else
        return NULL;
    }

  if (year == 0 || (day != 0 && month == 0))
    return NULL;
  if (month == 0)
    return g_strdup_printf ("%04d", year);
  if (day == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}
