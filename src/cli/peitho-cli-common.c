/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "peitho-cli-common.h"

gboolean
peitho_cli_parse_command (GOptionContext      *context,
                          const char          *command,
                          const GOptionEntry  *entries,
                          int                  n_operands,
                          const char          *missing,
                          int                 *argc,
                          char              ***argv)
{
  g_autoptr(GError) error = NULL;

  g_assert (context != NULL);
  g_assert (command != NULL);
  g_assert (n_operands > 0);
  g_assert (missing != NULL);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      peitho_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (*argc < n_operands + 1)
    {
      peitho_cli_usage_error (command, "%s", missing);
      return FALSE;
    }
  if (*argc > n_operands + 1)
    {
      peitho_cli_usage_error (command, _("unexpected argument “%s”"), (*argv)[n_operands + 1]);
      return FALSE;
    }

  return TRUE;
}

int
peitho_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("peitho-cli: %s\n", message);
  if (command != NULL)
    /* Translators: %s is a command such as "annotate" */
    g_printerr (_("Try “peitho-cli %s --help” for more information."), command);
  else
    g_printerr ("%s", _("Try “peitho-cli --help” for more information."));
  g_printerr ("\n");

  return PEITHO_CLI_EXIT_USAGE;
}

/* Whether @message already names the file ("FILE: ..." or "FILE:LINE: ..."),
 * as the core's messages about files do. */
static gboolean
message_names_file (const char *message,
                    const char *filename)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  const char *candidates[3];

  if (filename == NULL)
    return TRUE;

  file = g_file_new_for_path (filename);
  basename = g_path_get_basename (filename);
  candidates[0] = filename;
  candidates[1] = g_file_peek_path (file);
  candidates[2] = basename;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      gsize len;

      if (candidates[i] == NULL || candidates[i][0] == '\0')
        continue;

      len = strlen (candidates[i]);
      if (strncmp (message, candidates[i], len) == 0 && message[len] == ':')
        return TRUE;
    }

  return FALSE;
}

void
peitho_cli_print_problem (const char *filename,
                          const char *message)
{
  g_assert (message != NULL);

  if (message_names_file (message, filename))
    g_printerr ("peitho-cli: %s\n", message);
  else
    g_printerr ("peitho-cli: %s: %s\n", filename, message);
}

int
peitho_cli_file_error (const char   *filename,
                       const GError *error)
{
  g_assert (error != NULL);

  peitho_cli_print_problem (filename, error->message);

  return PEITHO_CLI_EXIT_INPUT;
}

int
peitho_cli_file_message (const char *filename,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("peitho-cli: %s: %s\n", filename, message);

  return PEITHO_CLI_EXIT_INPUT;
}

void
peitho_cli_print_warning (const char *filename,
                          const char *problem)
{
  const char *rest = NULL;
  gsize name_len = strlen (filename);

  g_assert (problem != NULL);

  /* Put "warning:" after the location: "FILE:LINE: warning: message". */
  if (strncmp (problem, filename, name_len) == 0 && problem[name_len] == ':')
    {
      const char *p = problem + name_len + 1;

      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          if (*p == ':')
            rest = p + 1;
        }
      if (rest == NULL)
        rest = problem + name_len + 1;
    }

  if (rest != NULL)
    {
      g_autofree char *location = g_strndup (problem, rest - problem - 1);

      while (*rest == ' ')
        rest++;
      /* Translators: a warning about a file; the first %s is "FILE:LINE" */
      g_printerr (_("peitho-cli: %s: warning: %s"), location, rest);
    }
  else
    g_printerr (_("peitho-cli: %s: warning: %s"), filename, problem);

  g_printerr ("\n");
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *filename)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", filename, g_strerror (saved_errno));
  return FALSE;
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (65536);

  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, errno, _("standard input"));
          return NULL;
        }
      if (n == 0)
        break;

      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > PEITHO_MAX_FILE_SIZE)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                       /* Translators: %s is a file name, %u a number of megabytes */
                       _("%s: the file is larger than %u MB, the most Peitho reads"),
                       "-", (guint) (PEITHO_MAX_FILE_SIZE / (1024 * 1024)));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
peitho_cli_read_file (const char  *filename,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  if (g_str_equal (filename, "-"))
    return read_stdin (error);

  file = g_file_new_for_path (filename);
  return peitho_file_read_bytes (file, filename, NULL, error);
}

static PeithoLoadResult *
load_full (const char        *filename,
           PeithoFileFormat   expected,
           PeithoLoadFlags    flags,
           PeithoTagSet      *default_tag_set,
           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  PeithoFileFormat format;
  const char *data;
  gsize size;

  g_assert (filename != NULL);

  if (!(bytes = peitho_cli_read_file (filename, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  format = peitho_file_format_sniff (size > 0 ? data : "", size);
  /* Other tools' annotations come with their text: every command reads them. */
  if (format != expected && format != PEITHO_FILE_FORMAT_ANNOTATIONS)
    {
      if (expected == PEITHO_FILE_FORMAT_TEI)
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                     /* Translators: %s is a file name; keep “peitho-cli import” as it is */
                     _("%s: not a TEI document: the file does not begin with XML (a plain "
                       "text becomes a document with “peitho-cli import”)"), filename);
      else
        /* A TEI file given by mistake would otherwise become a text full of tags. */
        g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID, "%s: %s", filename,
                     _("this is an XML file, and import reads plain text; "
                       "the other commands read TEI files as they are"));
      return NULL;
    }

  if (!g_str_equal (filename, "-"))
    file = g_file_new_for_path (filename);
  return peitho_document_load_bytes_full (bytes, file, filename, flags, default_tag_set, error);
}

PeithoLoadResult *
peitho_cli_load (const char        *filename,
                 PeithoFileFormat   expected,
                 PeithoLoadFlags    flags,
                 GError           **error)
{
  g_return_val_if_fail (filename != NULL, NULL);

  return load_full (filename, expected, flags, NULL, error);
}

/* The path of the tag set chosen in the app's Preferences, or NULL. */
static char *
dup_preferences_tag_set_path (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  /* The command-line tool installed without the app: no choice was made. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE))
      || !g_settings_schema_has_key (schema, "last-tag-set"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  path = g_settings_get_string (settings, "last-tag-set");
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

PeithoTagSet *
peitho_cli_dup_default_tag_set (const char  *tag_set_file,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  PeithoTagSet *tag_set;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tag_set_file != NULL)
    {
      g_autoptr(GBytes) bytes = peitho_cli_read_file (tag_set_file, error);

      return bytes != NULL ? peitho_tei_read_tag_set_bytes (bytes, tag_set_file, error) : NULL;
    }

  if (!(path = dup_preferences_tag_set_path ()))
    return NULL;
  if (!(tag_set = peitho_tag_set_library_load (path, &local_error)))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The default tag set could not be used: %s"),
                                 local_error->message);
      peitho_cli_print_warning (path, message);
    }
  return tag_set;
}

PeithoDocument *
peitho_cli_load_document (const char  *filename,
                          guint       *n_problems,
                          GError     **error)
{
  g_return_val_if_fail (filename != NULL, NULL);

  return peitho_cli_load_document_full (filename, NULL, n_problems, error);
}

PeithoDocument *
peitho_cli_load_document_full (const char    *filename,
                               PeithoTagSet  *default_tag_set,
                               guint         *n_problems,
                               GError       **error)
{
  g_autoptr(PeithoLoadResult) result = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (default_tag_set == NULL || PEITHO_IS_TAG_SET (default_tag_set), NULL);

  if (n_problems != NULL)
    *n_problems = 0;

  result = load_full (filename, PEITHO_FILE_FORMAT_TEI, PEITHO_LOAD_DEFAULT, default_tag_set,
                      error);
  if (result == NULL)
    return NULL;

  problems = peitho_load_result_get_problems (result);
  for (guint i = 0; i < problems->len; i++)
    peitho_cli_print_warning (filename, g_ptr_array_index (problems, i));

  if (n_problems != NULL)
    *n_problems = problems->len;

  return g_object_ref (peitho_load_result_get_document (result));
}

gboolean
peitho_cli_write_stdout (const char  *data,
                         gsize        length,
                         GError     **error)
{
  if (length > 0 && fwrite (data, 1, length, stdout) != length)
    return set_errno_error (error, errno, _("standard output"));

  if (fflush (stdout) != 0)
    return set_errno_error (error, errno, _("standard output"));

  return TRUE;
}

gboolean
peitho_cli_save_document (PeithoDocument  *document,
                          const char      *filename,
                          PeithoTeiForm    form,
                          gboolean         make_backup,
                          GError         **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (g_str_equal (filename, "-"))
    {
      g_autoptr(GBytes) bytes = peitho_tei_write_bytes (document, form, error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        return FALSE;

      data = g_bytes_get_data (bytes, &length);
      return peitho_cli_write_stdout (data, length, error);
    }

  file = g_file_new_for_path (filename);
  return peitho_tei_write_file (document, file, form, make_backup, NULL, error);
}

/* Whether @filename holds brat or WebAnno TSV annotations, from its first
 * bytes. */
static gboolean
is_other_annotations (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[4096];
  gsize n = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  return peitho_file_format_sniff (head, n) == PEITHO_FILE_FORMAT_ANNOTATIONS;
}

int
peitho_cli_save_edit (PeithoDocument *document,
                      const char     *input,
                      const char     *output,
                      gboolean        make_backup,
                      guint           n_problems)
{
  g_autoptr(GError) error = NULL;
  const char *target = output != NULL ? output : input;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), PEITHO_CLI_EXIT_INPUT);
  g_return_val_if_fail (input != NULL, PEITHO_CLI_EXIT_INPUT);

  if (output == NULL && !g_str_equal (input, "-") && is_other_annotations (input))
    return peitho_cli_file_message (input, _("brat and WebAnno TSV files are not replaced by "
                                             "TEI; give the TEI file to write with -o"));

  if (n_problems > 0 && output == NULL && !make_backup)
    {
      make_backup = TRUE;
      /* Translators: %s is a file name */
      g_printerr (_("peitho-cli: %s: note: the file had problems; its old version is kept as %s~"),
                  input, input);
      g_printerr ("\n");
    }

  if (!peitho_cli_save_document (document, target, PEITHO_TEI_STANDOFF, make_backup, &error))
    return peitho_cli_file_error (target, error);

  return PEITHO_CLI_EXIT_OK;
}

gboolean
peitho_cli_write_bytes (GBytes      *bytes,
                        const char  *filename,
                        GError     **error)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);

  if (g_str_equal (filename, "-"))
    return peitho_cli_write_stdout (data, length, error);

  return g_file_set_contents_full (filename, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

const char *
peitho_cli_annotator_name (const char *name)
{
  const char *env;
  const char *real_name;

  if (name != NULL && name[0] != '\0')
    return name;

  env = g_getenv ("PEITHO_ANNOTATOR");
  if (env != NULL && env[0] != '\0')
    return env;

  /* GLib answers "Unknown" when the password database has no real name. */
  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && !g_str_equal (real_name, "Unknown"))
    return real_name;

  return g_get_user_name ();
}

char *
peitho_cli_describe_tags (PeithoTagSet *tag_set,
                          guint         max_ids)
{
  g_autoptr(GPtrArray) tags = NULL;
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), NULL);

  tags = peitho_tag_set_dup_tags (tag_set);

  for (guint i = 0; i < tags->len && i < max_ids; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, peitho_tag_get_id (g_ptr_array_index (tags, i)));
    }
  if (tags->len > max_ids)
    g_string_append (str, ", …");

  return g_string_free (str, FALSE);
}
