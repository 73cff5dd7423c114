/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

void
cli_result_free (CliResult *result)
{
  if (result == NULL)
    return;
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

void
cli_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  /* UTF-8 messages in English, whatever the machine's locale; a fixed
   * annotator, so that the default name does not depend on the account. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("PEITHO_ANNOTATOR", "Test Annotator", TRUE);

  if (g_getenv ("PEITHO_CLI") == NULL)
    g_error ("PEITHO_CLI must name the peitho-cli executable (meson test sets it)");
}

/* NUL-terminated copy (g_strndup gives NULL for empty bytes). */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = g_bytes_get_size (bytes);
  char *str = g_malloc (size + 1);

  if (size > 0)
    memcpy (str, g_bytes_get_data (bytes, NULL), size);
  str[size] = '\0';
  return str;
}

CliResult *
cli_runv (const char * const *args)
{
  return cli_runv_input (NULL, args);
}

CliResult *
cli_runv_input (const char         *input,
                const char * const *args)
{
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input, input ? strlen (input) : 0);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *result;

  g_ptr_array_add (argv, (char *) g_getenv ("PEITHO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE
                               | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                               | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* A crash is never an acceptable answer, whatever the input. */
  g_assert_true (g_subprocess_get_if_exited (process));

  result = g_new0 (CliResult, 1);
  result->status = g_subprocess_get_exit_status (process);
  result->out = bytes_to_string (out);
  result->out_len = g_bytes_get_size (out);
  result->err = bytes_to_string (err);

  if (g_test_verbose ())
    {
      g_autofree char *cmdline = g_strjoinv (" ", (char **) args);

      g_test_message ("peitho-cli %s → %d\n%s", cmdline, result->status, result->err);
    }

  return result;
}

static CliResult *
cli_run_va (const char *first_arg,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  return cli_runv ((const char * const *) argv->pdata);
}

CliResult *
cli_run (const char *first_arg,
         ...)
{
  CliResult *result;
  va_list args;

  va_start (args, first_arg);
  result = cli_run_va (first_arg, args);
  va_end (args);

  return result;
}

CliResult *
cli_run_ok (const char *first_arg,
            ...)
{
  CliResult *result;
  va_list args;

  va_start (args, first_arg);
  result = cli_run_va (first_arg, args);
  va_end (args);

  if (result->status != 0 || result->err[0] != '\0')
    g_test_message ("peitho-cli %s: status %d, stderr: %s", first_arg, result->status,
                    result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");

  return result;
}

CliResult *
cli_run_noted (const char *first_arg,
               ...)
{
  g_auto(GStrv) lines = NULL;
  CliResult *result;
  va_list args;

  va_start (args, first_arg);
  result = cli_run_va (first_arg, args);
  va_end (args);

  if (result->status != 0)
    g_test_message ("peitho-cli %s: status %d, stderr: %s", first_arg, result->status,
                    result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, !=, "");
  lines = g_strsplit (result->err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0'
        && !(g_str_has_prefix (lines[i], "peitho-cli: ") && strstr (lines[i], ": note: ") != NULL))
      g_error ("peitho-cli %s: stderr line “%s” is not a note", first_arg, lines[i]);

  return result;
}

char *
cli_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("peitho-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
cli_list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

char *
cli_read_file (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

void
cli_write_file (const char *path,
                const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

const char *
cli_corpus_path (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                             "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  return path;
}

char *
cli_corpus_expected_text (guint *n_paragraphs)
{
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) block = NULL;
  GString *text = g_string_new (NULL);
  gsize length;

  raw = cli_read_file (cli_corpus_path (), &length);
  g_assert_true (g_utf8_validate (raw, length, NULL));

  /* Lines end at LF (a CR before it goes too); a block ends at an empty line. */
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (len == 0)
        {
          if (block != NULL)
            g_ptr_array_add (blocks, g_string_free (g_steal_pointer (&block), FALSE));
          continue;
        }

      if (block == NULL)
        block = g_string_new (line);
      else
        g_string_append_printf (block, "\n%s", line);
    }
  if (block != NULL)
    g_ptr_array_add (blocks, g_string_free (g_steal_pointer (&block), FALSE));

  /* Breadcrumb, title line, "Author: Title", date, [bibliography]. */
  g_assert_cmpuint (blocks->len, >, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (blocks, 4), "["));

  for (guint i = 5; i < blocks->len; i++)
    {
      if (i > 5)
        g_string_append (text, "\n\n");
      g_string_append (text, g_ptr_array_index (blocks, i));
    }

  if (n_paragraphs != NULL)
    *n_paragraphs = blocks->len - 5;

  return g_string_free (text, FALSE);
}

void
cli_fixture_set_up (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CliResult) result = NULL;

  fixture->dir = cli_make_tmp_dir ();
  fixture->doc = g_build_filename (fixture->dir, "doc.xml", NULL);
  fixture->text = cli_corpus_expected_text (&fixture->n_paragraphs);

  /* The corpus essay's front matter is taken, with a note. */
  result = cli_run_noted ("import", cli_corpus_path (), "-o", fixture->doc, NULL);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_file_test (fixture->doc, G_FILE_TEST_IS_REGULAR));
}

void
cli_fixture_tear_down (CliFixture    *fixture,
                       gconstpointer  data)
{
  peitho_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->doc);
  g_free (fixture->text);
}

char *
cli_path_in (CliFixture *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Character offset of the @nth occurrence (from 0) of @needle in @text. */
gsize
cli_char_offset_of (const char *text,
                    const char *needle,
                    guint       nth)
{
  const char *p = text;

  for (guint i = 0; ; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        return g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

guint
cli_count_occurrences (const char *text,
                       const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

guint
cli_count_lines (const char *str)
{
  guint n = 0;

  for (const char *p = str; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

GVariant *
cli_stats_list (GVariant   *stats,
                const char *key)
{
  GVariant *list = g_variant_lookup_value (stats, key, G_VARIANT_TYPE ("av"));

  g_assert_nonnull (list);
  return list;
}

gint64
cli_stats_tag_count (GVariant   *stats,
                     const char *tag_id)
{
  g_autoptr(GVariant) tags = cli_stats_list (stats, "tags");
  g_autoptr(GVariant) tag = cli_json_find (tags, "id", tag_id);

  g_assert_nonnull (tag);
  return cli_json_int (tag, "count");
}

GPtrArray *
cli_export_csv (const char *doc)
{
  g_autoptr(CliResult) result = cli_run_ok ("export", doc, "--format", "csv", "-o", "-", NULL);
  GPtrArray *rows = cli_parse_csv (result->out, result->out_len);

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >=, 1);
  return rows;
}

/* The CSV row of annotation @id. */
char **
cli_csv_row (GPtrArray  *rows,
             const char *id)
{
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], id))
        return row;
    }
  g_error ("no CSV row for %s", id);
}

/* Runs annotate and returns the single id it printed. */
char *
cli_annotate_one (const char *doc,
                  const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliResult) result = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) "annotate");
  g_ptr_array_add (args, (char *) doc);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result = cli_runv ((const char * const *) args->pdata);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpuint (cli_count_lines (result->out), ==, 1);
  g_assert_true (g_str_has_suffix (result->out, "\n"));

  return g_strndup (result->out, strlen (result->out) - 1);
}

/* JSON */

typedef struct {
  const char *p;
  const char *end;
  guint       depth;
} Json;

static GVariant *json_value (Json *json);

static void
json_skip_space (Json *json)
{
  while (json->p < json->end
         && (*json->p == ' ' || *json->p == '\t' || *json->p == '\n' || *json->p == '\r'))
    json->p++;
}

static gboolean
json_literal (Json       *json,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (json->end - json->p) < len || memcmp (json->p, word, len) != 0)
    return FALSE;
  json->p += len;
  return TRUE;
}

static gboolean
json_hex4 (Json     *json,
           gunichar *value)
{
  *value = 0;
  if (json->end - json->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (json->p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  json->p += 4;
  return TRUE;
}

static char *
json_string (Json *json)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (json->p >= json->end || *json->p != '"')
    return NULL;
  json->p++;

  while (json->p < json->end && *json->p != '"')
    {
      guchar c = *json->p;

      if (c < 0x20)
        return NULL;

      if (c != '\\')
        {
          g_string_append_c (str, c);
          json->p++;
          continue;
        }

      json->p++;
      if (json->p >= json->end)
        return NULL;

      switch (*json->p++)
        {
        case '"': g_string_append_c (str, '"'); break;
        case '\\': g_string_append_c (str, '\\'); break;
        case '/': g_string_append_c (str, '/'); break;
        case 'b': g_string_append_c (str, '\b'); break;
        case 'f': g_string_append_c (str, '\f'); break;
        case 'n': g_string_append_c (str, '\n'); break;
        case 'r': g_string_append_c (str, '\r'); break;
        case 't': g_string_append_c (str, '\t'); break;
        case 'u':
          {
            gunichar ch;

            if (!json_hex4 (json, &ch))
              return NULL;
            if (ch >= 0xd800 && ch < 0xdc00)
              {
                gunichar low;

                if (!json_literal (json, "\\u") || !json_hex4 (json, &low)
                    || low < 0xdc00 || low >= 0xe000)
                  return NULL;
                ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (ch >= 0xdc00 && ch < 0xe000)
              return NULL;
            g_string_append_unichar (str, ch);
          }
          break;
        default:
          return NULL;
        }
    }

  if (json->p >= json->end)
    return NULL;
  json->p++;

  if (!g_utf8_validate (str->str, str->len, NULL))
    return NULL;

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static GVariant *
json_number (Json *json)
{
  const char *start = json->p;
  gboolean integer = TRUE;
  g_autofree char *text = NULL;

  if (json->p < json->end && *json->p == '-')
    json->p++;
  if (json->p >= json->end || !g_ascii_isdigit (*json->p))
    return NULL;
  if (*json->p == '0')
    json->p++;
  else
    while (json->p < json->end && g_ascii_isdigit (*json->p))
      json->p++;
  if (json->p < json->end && *json->p == '.')
    {
      integer = FALSE;
      json->p++;
      if (json->p >= json->end || !g_ascii_isdigit (*json->p))
        return NULL;
      while (json->p < json->end && g_ascii_isdigit (*json->p))
        json->p++;
    }
  if (json->p < json->end && (*json->p == 'e' || *json->p == 'E'))
    {
      integer = FALSE;
      json->p++;
      if (json->p < json->end && (*json->p == '+' || *json->p == '-'))
        json->p++;
      if (json->p >= json->end || !g_ascii_isdigit (*json->p))
        return NULL;
      while (json->p < json->end && g_ascii_isdigit (*json->p))
        json->p++;
    }

  text = g_strndup (start, json->p - start);
  if (integer)
    return g_variant_new_int64 (g_ascii_strtoll (text, NULL, 10));
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

static GVariant *
json_object (Json *json)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  json->p++;
  json_skip_space (json);
  if (json->p < json->end && *json->p == '}')
    {
      json->p++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      g_autofree char *key = NULL;
      GVariant *value;

      json_skip_space (json);
      if (!(key = json_string (json)))
        return NULL;
      json_skip_space (json);
      if (json->p >= json->end || *json->p != ':')
        return NULL;
      json->p++;
      if (!(value = json_value (json)))
        return NULL;
      g_variant_builder_add (&builder, "{sv}", key, value);
      json_skip_space (json);
      if (json->p < json->end && *json->p == ',')
        {
          json->p++;
          continue;
        }
      if (json->p < json->end && *json->p == '}')
        {
          json->p++;
          return g_variant_builder_end (&builder);
        }
      return NULL;
    }
}

static GVariant *
json_array (Json *json)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("av"));

  json->p++;
  json_skip_space (json);
  if (json->p < json->end && *json->p == ']')
    {
      json->p++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      GVariant *value;

      if (!(value = json_value (json)))
        return NULL;
      g_variant_builder_add (&builder, "v", value);
      json_skip_space (json);
      if (json->p < json->end && *json->p == ',')
        {
          json->p++;
          continue;
        }
      if (json->p < json->end && *json->p == ']')
        {
          json->p++;
          return g_variant_builder_end (&builder);
        }
      return NULL;
    }
}

static GVariant *
json_value (Json *json)
{
  GVariant *value = NULL;

  json_skip_space (json);
  if (json->p >= json->end || json->depth > 64)
    return NULL;

  json->depth++;
  switch (*json->p)
    {
    case '{':
      value = json_object (json);
      break;
    case '[':
      value = json_array (json);
      break;
    case '"':
      {
        char *str = json_string (json);

        if (str != NULL)
          value = g_variant_new_take_string (str);
      }
      break;
    case 't':
      if (json_literal (json, "true"))
        value = g_variant_new_boolean (TRUE);
      break;
    case 'f':
      if (json_literal (json, "false"))
        value = g_variant_new_boolean (FALSE);
      break;
    case 'n':
      if (json_literal (json, "null"))
        value = g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
      break;
    default:
      value = json_number (json);
      break;
    }
  json->depth--;

  return value;
}

GVariant *
cli_parse_json (const char *text,
                gsize       length)
{
  Json json = { text, text + length, 0 };
  g_autoptr(GVariant) value = NULL;

  if (!(value = json_value (&json)))
    return NULL;
  value = g_variant_ref_sink (value);
  json_skip_space (&json);
  if (json.p != json.end)
    return NULL;

  return g_steal_pointer (&value);
}

GVariant *
cli_json_find (GVariant   *list,
               const char *key,
               const char *value)
{
  GVariantIter iter;
  GVariant *item;

  g_assert_true (g_variant_is_of_type (list, G_VARIANT_TYPE ("av")));

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "v", &item))
    {
      const char *str = NULL;

      if (g_variant_is_of_type (item, G_VARIANT_TYPE_VARDICT)
          && g_variant_lookup (item, key, "&s", &str) && g_str_equal (str, value))
        return item;
      g_variant_unref (item);
    }

  return NULL;
}

gint64
cli_json_int (GVariant   *object,
              const char *key)
{
  gint64 value = -1;

  if (!g_variant_lookup (object, key, "x", &value))
    g_error ("no integer “%s” in %s", key, g_variant_print (object, TRUE));

  return value;
}

GVariant *
cli_stats (const char *file)
{
  g_autoptr(CliResult) result = cli_run_ok ("stats", file, "--json", NULL);
  GVariant *stats = cli_parse_json (result->out, result->out_len);

  if (stats == NULL)
    g_error ("stats --json printed no valid JSON: %s", result->out);
  g_assert_true (g_variant_is_of_type (stats, G_VARIANT_TYPE_VARDICT));

  return stats;
}

/* CSV */

GPtrArray *
cli_parse_csv (const char *csv,
               gsize       length)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *p = csv;
  const char *end = csv + length;

  while (p < end)
    {
      fields = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              p++;
              for (;;)
                {
                  if (p >= end)
                    return NULL;
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  g_string_append_c (field, *p++);
                }
            }
          else
            while (p < end && *p != ',' && *p != '\r' && *p != '\n')
              {
                if (*p == '"')
                  return NULL;
                g_string_append_c (field, *p++);
              }

          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          break;
        }

      /* Records end with CRLF, as RFC 4180 says. */
      if (p < end)
        {
          if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return NULL;
          p += 2;
        }

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
    }

  return g_steal_pointer (&rows);
}
