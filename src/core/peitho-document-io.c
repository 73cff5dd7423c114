/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-document-io.h"
#include "peitho-import-plan.h"
#include "peitho-interchange.h"
#include "peitho-tei-reader.h"
#include "peitho-text-importer.h"
#include "peitho-tei-common.h"
#include "peitho-load-result-private.h"

/* ---------------------------------------------------------------------------
 * Sniffing
 */

/* The ASCII characters at the start of a file, in UTF-8 or UTF-16: enough
 * to tell markup from text. */
typedef struct {
  const guchar *data;
  gsize         size;
  gsize         pos;    /* bytes */
  guint         width;  /* 1 or 2 */
  gboolean      little;
} Sniffer;

/* The code unit @ahead units on, 0 at the end. */
static guint
sniffer_peek (const Sniffer *s,
              gsize          ahead)
{
  gsize at;

  g_assert (s != NULL);

  at = s->pos + ahead * s->width;
  if (at + s->width > s->size)
    return 0;
  if (s->width == 1)
    return s->data[at];
  return s->little ? s->data[at] | s->data[at + 1] << 8 : s->data[at] << 8 | s->data[at + 1];
}

static gboolean
sniffer_looking_at (const Sniffer *s,
                    const char    *ascii)
{
  g_assert (ascii != NULL);

  for (gsize i = 0; ascii[i] != '\0'; i++)
    if (sniffer_peek (s, i) != (guchar) ascii[i])
      return FALSE;
  return TRUE;
}

static void
sniffer_skip (Sniffer *s,
              gsize    units)
{
  g_assert (s != NULL);

  s->pos = MIN (s->pos + units * s->width, s->size);
}

/* Skips past @end; FALSE if it never comes. */
static gboolean
sniffer_skip_past (Sniffer    *s,
                   const char *end)
{
  g_assert (end != NULL);

  while (s->pos + s->width <= s->size)
    {
      if (sniffer_looking_at (s, end))
        {
          sniffer_skip (s, strlen (end));
          return TRUE;
        }
      sniffer_skip (s, 1);
    }
  return FALSE;
}

static void
sniffer_skip_space (Sniffer *s)
{
  guint c;

  g_assert (s != NULL);

  while ((c = sniffer_peek (s, 0)) == ' ' || c == '\t' || c == '\r' || c == '\n')
    sniffer_skip (s, 1);
}

/* A DOCTYPE may hold an internal subset in brackets, with '>' inside. */
static gboolean
sniffer_skip_doctype (Sniffer *s)
{
  guint depth = 0;

  g_assert (s != NULL);

  for (guint c; (c = sniffer_peek (s, 0)) != 0; sniffer_skip (s, 1))
    {
      if (c == '[')
        depth++;
      else if (c == ']' && depth > 0)
        depth--;
      else if (c == '>' && depth == 0)
        {
          sniffer_skip (s, 1);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_name_end (guint c)
{
  return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
}

/* "<TEI", "<teiCorpus", or either with a namespace prefix ("<tei:TEI"). */
static gboolean
sniffer_at_tei_root (const Sniffer *s)
{
  static const char * const names[] = { "TEI", "teiCorpus" };
  gsize name = 1;

  g_assert (sniffer_peek (s, 0) == '<');

  for (gsize i = 1; i < 64; i++)
    {
      guint c = sniffer_peek (s, i);

      if (c == ':')
        {
          name = i + 1;
          break;
        }
      if (is_name_end (c))
        break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = strlen (names[i]);
      gsize j;

      for (j = 0; j < len; j++)
        if (sniffer_peek (s, name + j) != (guchar) names[i][j])
          break;
      if (j == len && is_name_end (sniffer_peek (s, name + len)))
        return TRUE;
    }
  return FALSE;
}

PeithoFileFormat
peitho_file_format_sniff (const char *data,
                          gsize       size)
{
  Sniffer s = { (const guchar *) data, size, 0, 1, FALSE };
  gboolean markup = FALSE;

  g_return_val_if_fail (data != NULL || size == 0, PEITHO_FILE_FORMAT_TEXT);

  if (peitho_interchange_sniff_plain (data, size))
    return PEITHO_FILE_FORMAT_ANNOTATIONS;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.pos = 3;
  else if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      s.width = 2;
      s.little = data[0] == '\xFF';
      s.pos = 2;
    }
  else if (size >= 4 && (memcmp (data, "<\0?\0", 4) == 0 || memcmp (data, "\0<\0?", 4) == 0))
    {
      /* UTF-16 XML without a byte-order mark, which XML allows. */
      s.width = 2;
      s.little = data[0] == '<';
    }

  for (;;)
    {
      sniffer_skip_space (&s);
      if (sniffer_peek (&s, 0) != '<')
        break;

      if (sniffer_looking_at (&s, "<?xml") && is_name_end (sniffer_peek (&s, 5)))
        return PEITHO_FILE_FORMAT_TEI;
      if (sniffer_looking_at (&s, "<?"))
        {
          if (!sniffer_skip_past (&s, "?>"))
            return PEITHO_FILE_FORMAT_TEI;
        }
      else if (sniffer_looking_at (&s, "<!--"))
        {
          if (!sniffer_skip_past (&s, "-->"))
            return PEITHO_FILE_FORMAT_TEI;
        }
      else if (sniffer_looking_at (&s, "<!DOCTYPE"))
        {
          if (!sniffer_skip_doctype (&s))
            return PEITHO_FILE_FORMAT_TEI;
        }
      else
        return sniffer_at_tei_root (&s) || markup ? PEITHO_FILE_FORMAT_TEI
                                                  : PEITHO_FILE_FORMAT_TEXT;
      markup = TRUE;
    }

  /* Markup and then something else is broken XML, which the TEI reader
   * describes better than the importer would. */
  return markup ? PEITHO_FILE_FORMAT_TEI : PEITHO_FILE_FORMAT_TEXT;
}

/* ---------------------------------------------------------------------------
 * Reading
 */

/* GIO's messages name the file in words of their own; ours start with the
 * name as every message about a file does ("FILE: message"). The domain and
 * code stay GIO's, so that callers can tell "not found" from "denied". */
static void
propagate_io_error (GError     **error,
                    GError      *io_error,
                    const char  *name)
{
  g_assert (io_error != NULL);
  g_assert (name != NULL);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, io_error->code, _("%s: no such file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, io_error->code,
                 _("%s: permission denied (Peitho may not read this file)"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, io_error->code, _("%s: this is a folder, not a file"), name);
  else
    {
      g_propagate_prefixed_error (error, io_error, "%s: ", name);
      return;
    }
  g_error_free (io_error);
}

static void
set_too_large (GError     **error,
               const char  *name,
               goffset      size)
{
  g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
               _("%s: the file is too large (%lld bytes; Peitho opens files "
                 "of up to %d MB)"), name, (long long) size,
               PEITHO_MAX_FILE_SIZE / (1024 * 1024));
}

#define READ_CHUNK (64 * 1024)

GBytes *
peitho_file_read_bytes (GFile         *file,
                        const char    *display_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *parse_name = NULL;
  GError *local_error = NULL;
  goffset expected = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_io_error (error, local_error, display_name);
      return NULL;
    }

  /* A huge file is refused before it is read. Pipes and special files have
   * no size: the loop below stops them at the limit. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    expected = g_file_info_get_size (info);
  if (expected > PEITHO_MAX_FILE_SIZE)
    {
      set_too_large (error, display_name, expected);
      return NULL;
    }

  buffer = g_byte_array_sized_new (expected > 0 ? expected + 1 : READ_CHUNK);
  for (;;)
    {
      guint length = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, length + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + length, READ_CHUNK,
                               cancellable, &local_error);
      g_byte_array_set_size (buffer, length + MAX (n, 0));
      if (n < 0)
        {
          propagate_io_error (error, local_error, display_name);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len > PEITHO_MAX_FILE_SIZE)
        {
          set_too_large (error, display_name, buffer->len);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* ---------------------------------------------------------------------------
 * Loading
 */

/* Adds @set's annotations to @document; what they cannot hold goes to
 * @problems. */
static gboolean
import_annotations (PeithoDocument   *document,
                    PeithoImportSet  *set,
                    GPtrArray        *problems,
                    GError          **error)
{
  g_autoptr(PeithoImportPlan) plan = peitho_import_plan_analyse (document, set, NULL, error);
  GPtrArray *losses;

  if (plan == NULL)
    return FALSE;
  losses = peitho_import_plan_get_losses (plan);
  for (guint i = 0; i < losses->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (losses, i)));
  return peitho_import_plan_apply (plan, error);
}

/* A document of another tool's annotations and the text they are on. */
static PeithoDocument *
document_from_annotations (PeithoImportSet  *set,
                           const char       *display_name,
                           GPtrArray        *problems,
                           GError          **error)
{
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GBytes) text = NULL;

  if (set->text == NULL || *set->text == '\0')
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("%s: these annotations come without their text; open the text, then "
                     "import them into it (File > Import Annotations…)"), display_name);
      return NULL;
    }

  text = g_bytes_new (set->text, strlen (set->text));
  /* Every line of the source's text is text that its offsets count. */
  document = peitho_text_import_bytes_full (text, display_name, NULL,
                                            PEITHO_TEXT_IMPORT_NO_FRONT_MATTER, NULL, error);
  if (document == NULL || !import_annotations (document, set, problems, error))
    return NULL;
  /* The sources hold no title: the file's name stands for one. */
  if (peitho_document_get_title (document) == NULL || *peitho_document_get_title (document) == '\0')
    {
      g_autofree char *title = g_path_get_basename (display_name);
      char *dot = strrchr (title, '.');

      if (dot != NULL && dot != title)
        *dot = '\0';
      peitho_document_set_title (document, title);
    }
  return g_steal_pointer (&document);
}

/* Reads brat (with the .txt beside @file) or WebAnno TSV. */
static PeithoImportSet *
read_plain_annotations (GBytes      *bytes,
                        GFile       *file,
                        const char  *display_name,
                        GError     **error)
{
  PeithoInterchangeFormat format;
  g_autoptr(GBytes) text = NULL;

  if (!peitho_interchange_detect (bytes, display_name, &format, error))
    return NULL;
  if (format == PEITHO_INTERCHANGE_BRAT && file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *stem = g_str_has_suffix (basename, ".ann")
                              ? g_strndup (basename, strlen (basename) - 4) : g_strdup (basename);
      g_autofree char *text_name = g_strconcat (stem, ".txt", NULL);
      g_autoptr(GFile) text_file = parent != NULL ? g_file_get_child (parent, text_name) : NULL;

      /* Without its .txt, brat's reader says what is missing. */
      if (text_file != NULL && g_file_query_exists (text_file, NULL))
        {
          g_autofree char *text_display = g_file_get_parse_name (text_file);

          if (!(text = peitho_file_read_bytes (text_file, text_display, NULL, error)))
            return NULL;
        }
    }
  return peitho_interchange_read_bytes (bytes, text, display_name, format, error);
}

/* Whether a TEI file may hold annotations in another tool's form, from
 * its bytes: the elements of CATMA's collections (fsdDecl), of TEI's own
 * annotations (listAnnotation, annotation, as Recogito writes them) and of
 * DKPro Core's tokens in sentences. */
static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *name)
{
  /* memmem, not g_strstr_len: GLib's is a naive loop, 5 % of loading
   * 20 MB. */
  return memmem (data, size, name, strlen (name)) != NULL;
}

static gboolean
may_hold_other_annotations (const char *data,
                            gsize       size)
{
  static const char *const names[] = { "fsdDecl", "listAnnotation", "<annotation", "<s>", "<s " };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (bytes_contain (data, size, names[i]))
      return TRUE;
  return FALSE;
}

/* A TEI document read as TEI, then, when it holds another tool's
 * annotations that the TEI reader does not know, with those: CATMA's
 * collections are made anew from their text (the reader takes their
 * annotation ids for tags), TEI annotations and DKPro's named entities
 * are added to what the reader read, when it found no annotations of
 * Peitho's. */
static PeithoDocument *
read_tei_with_annotations (GBytes            *bytes,
                           const char        *display_name,
                           PeithoLoadFlags    flags,
                           PeithoTagSet      *default_tag_set,
                           PeithoFileFormat  *format,
                           GPtrArray        **problems,
                           GError           **error)
{
  PeithoTeiReadOptions options = PEITHO_TEI_READ_OPTIONS_INIT;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(GError) local_error = NULL;
  PeithoInterchangeFormat other;
  const char *data;
  gsize size;

  *problems = g_ptr_array_new_with_free_func (g_free);
  options.flags = flags & PEITHO_LOAD_STRICT ? PEITHO_READ_STRICT : PEITHO_READ_DEFAULT;
  options.default_tag_set = default_tag_set;
  document = peitho_tei_read_bytes_with_options (bytes, display_name, &options, *problems, error);
  if (document == NULL)
    return NULL;
  /* With annotations of Peitho's, only CATMA's collections (which need
   * their fsdDecl) replace them: one scan of the bytes, not five. */
  data = g_bytes_get_data (bytes, &size);
  if (peitho_document_get_n_annotations (document) > 0
      ? !bytes_contain (data, size, "fsdDecl")
      : !may_hold_other_annotations (data, size))
    return g_steal_pointer (&document);
  if (!peitho_interchange_detect (bytes, display_name, &other, NULL))
    return g_steal_pointer (&document);

  if (other == PEITHO_INTERCHANGE_CATMA)
    {
      g_autoptr(GPtrArray) catma_problems = g_ptr_array_new_with_free_func (g_free);
      PeithoDocument *catma;

      set = peitho_interchange_read_bytes (bytes, NULL, display_name, other, error);
      if (set == NULL)
        return NULL;
      catma = document_from_annotations (set, display_name, catma_problems, error);
      if (catma == NULL)
        return NULL;
      g_ptr_array_unref (*problems);
      *problems = g_steal_pointer (&catma_problems);
      *format = PEITHO_FILE_FORMAT_ANNOTATIONS;
      return catma;
    }

  if (peitho_document_get_n_annotations (document) > 0)
    return g_steal_pointer (&document);
  set = peitho_interchange_read_bytes (bytes, NULL, display_name, other, &local_error);
  if (set == NULL)
    return g_steal_pointer (&document);
  if (set->spans->len == 0)
    {
      /* TEI annotations, all of them on what Peitho does not hold (the
       * header): say so. */
      if (other == PEITHO_INTERCHANGE_TEI_ANNOTATION)
        for (guint i = 0; i < set->losses->len; i++)
          g_ptr_array_add (*problems, g_strdup (g_ptr_array_index (set->losses, i)));
      return g_steal_pointer (&document);
    }
  if (!import_annotations (document, set, *problems, &local_error))
    {
      /* The edition itself is fine: say what was left out, open it. */
      g_ptr_array_add (*problems, g_strdup (local_error->message));
      return g_steal_pointer (&document);
    }
  *format = PEITHO_FILE_FORMAT_ANNOTATIONS;
  return g_steal_pointer (&document);
}

PeithoLoadResult *
peitho_document_load_bytes_full (GBytes           *bytes,
                                 GFile            *file,
                                 const char       *display_name,
                                 PeithoLoadFlags   flags,
                                 PeithoTagSet     *default_tag_set,
                                 GError          **error)
{
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTextImportResult) text_import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PeithoFileFormat format;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (default_tag_set == NULL || PEITHO_IS_TAG_SET (default_tag_set), NULL);

  if (display_name == NULL)
    display_name = "document";
  data = g_bytes_get_data (bytes, &size);
  format = peitho_file_format_sniff (size > 0 ? data : "", size);

  if (format == PEITHO_FILE_FORMAT_TEI)
    document = read_tei_with_annotations (bytes, display_name, flags, default_tag_set, &format,
                                          &problems, error);
  else if (format == PEITHO_FILE_FORMAT_ANNOTATIONS)
    {
      g_autoptr(PeithoImportSet) set = read_plain_annotations (bytes, file, display_name, error);

      problems = g_ptr_array_new_with_free_func (g_free);
      if (set != NULL)
        document = document_from_annotations (set, display_name, problems, error);
    }
  else
    {
      PeithoTextImportFlags import_flags = PEITHO_TEXT_IMPORT_DEFAULT;

      if (flags & PEITHO_LOAD_NO_FRONT_MATTER)
        import_flags |= PEITHO_TEXT_IMPORT_NO_FRONT_MATTER;
      document = peitho_text_import_bytes_full (bytes, display_name, default_tag_set,
                                                import_flags, &text_import, error);
    }
  if (document == NULL)
    return NULL;

  return _peitho_load_result_new (document, format, problems, text_import);
}

PeithoLoadResult *
peitho_document_load_bytes_for_file (GBytes           *bytes,
                                     GFile            *file,
                                     const char       *display_name,
                                     PeithoLoadFlags   flags,
                                     GError          **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return peitho_document_load_bytes_full (bytes, file, display_name, flags, NULL, error);
}

PeithoLoadResult *
peitho_document_load_bytes (GBytes           *bytes,
                            const char       *display_name,
                            PeithoLoadFlags   flags,
                            GError          **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return peitho_document_load_bytes_for_file (bytes, NULL, display_name, flags, error);
}

PeithoLoadResult *
peitho_document_load_full (GFile            *file,
                           PeithoLoadFlags   flags,
                           PeithoTagSet     *default_tag_set,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (default_tag_set == NULL || PEITHO_IS_TAG_SET (default_tag_set), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  name = g_file_get_parse_name (file);
  bytes = peitho_file_read_bytes (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return peitho_document_load_bytes_full (bytes, file, name, flags, default_tag_set, error);
}

PeithoLoadResult *
peitho_document_load (GFile            *file,
                      PeithoLoadFlags   flags,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return peitho_document_load_full (file, flags, NULL, cancellable, error);
}

typedef struct {
  GFile           *file;
  PeithoLoadFlags  flags;
  PeithoTagSet    *default_tag_set;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_object (&load->default_tag_set);
  g_free (load);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  PeithoLoadResult *result;

  /* The document is created here and handed over whole: nothing else
   * references it until the caller gets it. */
  result = peitho_document_load_full (load->file, load->flags, load->default_tag_set, cancellable,
                                      &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
peitho_document_load_full_async (GFile               *file,
                                 PeithoLoadFlags      flags,
                                 PeithoTagSet        *default_tag_set,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (default_tag_set == NULL || PEITHO_IS_TAG_SET (default_tag_set));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->flags = flags;
  /* A copy: the worker thread is then the only one to touch it. */
  load->default_tag_set = default_tag_set != NULL ? peitho_tag_set_copy (default_tag_set) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_load_full_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread_cb);
}

void
peitho_document_load_async (GFile               *file,
                            PeithoLoadFlags      flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  peitho_document_load_full_async (file, flags, NULL, cancellable, callback, user_data);
}

PeithoLoadResult *
peitho_document_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_load_full_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The older form. */

static void
append_problems (GPtrArray        *problems,
                 PeithoLoadResult *result)
{
  GPtrArray *found = peitho_load_result_get_problems (result);

  g_assert (problems != NULL);

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (found, i)));
}

PeithoDocument *
peitho_document_load_file (GFile         *file,
                           GPtrArray     *problems,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(PeithoLoadResult) result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, cancellable, error);
  if (result == NULL)
    return NULL;
  if (problems != NULL)
    append_problems (problems, result);
  return g_object_ref (peitho_load_result_get_document (result));
}

static void
load_file_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(PeithoLoadResult) loaded = NULL;
  GError *error = NULL;

  loaded = peitho_document_load_finish (result, &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&loaded), g_object_unref);
}

void
peitho_document_load_file_async (GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_load_file_async);
  peitho_document_load_async (file, PEITHO_LOAD_DEFAULT, cancellable, load_file_done_cb, task);
}

PeithoDocument *
peitho_document_load_file_finish (GAsyncResult  *result,
                                  GPtrArray    **problems,
                                  GError       **error)
{
  g_autoptr(PeithoLoadResult) loaded = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_load_file_async,
                        NULL);

  if (problems != NULL)
    *problems = NULL;
  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  if (problems != NULL)
    *problems = g_ptr_array_ref (peitho_load_result_get_problems (loaded));
  return g_object_ref (peitho_load_result_get_document (loaded));
}

/* ---------------------------------------------------------------------------
 * Saving
 */

typedef struct {
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save);
}

static void
save_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (!peitho_tei_replace_file (save->file, save->bytes, TRUE, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
peitho_document_save_file_async (PeithoDocument      *document,
                                 GFile               *file,
                                 PeithoTeiForm        form,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *save;

  g_return_if_fail (PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, peitho_document_save_file_async);

  bytes = peitho_tei_write_bytes (document, form, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = g_steal_pointer (&bytes);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread_cb);
}

gboolean
peitho_document_save_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  /* The task's source object is the document. */
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == peitho_document_save_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
