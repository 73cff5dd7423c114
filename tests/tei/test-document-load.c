/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one load path: the format sniffed from the content, the load result,
 * and GIO's error codes kept for files that cannot be read. */

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "peitho-core.h"

#define TEI_DOC \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>" \
  "<title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>" \
  "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>" \
  "<text><body><p>Read as TEI.</p></body></text></TEI>\n"

typedef struct {
  const char *data;
  gssize      length;  /* -1: strlen */
  PeithoFileFormat format;
} SniffCase;

static void
test_sniff (void)
{
  static const SniffCase cases[] = {
    { "<?xml version=\"1.0\"?>\n<anything/>", -1, PEITHO_FILE_FORMAT_TEI },
    { "\xEF\xBB\xBF<?xml version=\"1.0\"?><TEI/>", -1, PEITHO_FILE_FORMAT_TEI },
    { "  \n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">", -1, PEITHO_FILE_FORMAT_TEI },
    { "<TEI>", -1, PEITHO_FILE_FORMAT_TEI },
    { "<tei:TEI xmlns:tei=\"http://www.tei-c.org/ns/1.0\">", -1, PEITHO_FILE_FORMAT_TEI },
    { "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">", -1, PEITHO_FILE_FORMAT_TEI },
    { "<!-- a <TEI> comment -->\n<?pi x?>\n<TEI>", -1, PEITHO_FILE_FORMAT_TEI },
    { "<!DOCTYPE TEI [ <!ENTITY x \"<y>\"> ]>\n<TEI>", -1, PEITHO_FILE_FORMAT_TEI },
    /* Markup before anything else is XML, however broken. */
    { "<!-- nothing but a comment -->\n", -1, PEITHO_FILE_FORMAT_TEI },
    { "<!-- unterminated", -1, PEITHO_FILE_FORMAT_TEI },
    /* UTF-16, with and without a byte-order mark. */
    { "\xFF\xFE<\0?\0x\0m\0l\0 \0", 12, PEITHO_FILE_FORMAT_TEI },
    { "\xFE\xFF\0<\0T\0E\0I\0>", 12, PEITHO_FILE_FORMAT_TEI },
    { "<\0?\0x\0m\0l\0 \0", 12, PEITHO_FILE_FORMAT_TEI },
    { "\xFF\xFEH\0i\0", 6, PEITHO_FILE_FORMAT_TEXT },
    /* Text, including text that starts with '<' and is no TEI root. */
    { "", 0, PEITHO_FILE_FORMAT_TEXT },
    { "Plain words.\n", -1, PEITHO_FILE_FORMAT_TEXT },
    { "<b>Bold</b> words from a web page.", -1, PEITHO_FILE_FORMAT_TEXT },
    { "<TEIX> is not TEI", -1, PEITHO_FILE_FORMAT_TEXT },
    { "<<Chapter One>>", -1, PEITHO_FILE_FORMAT_TEXT },
    { "<?xmlfoo not a declaration", -1, PEITHO_FILE_FORMAT_TEI },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, PEITHO_FILE_FORMAT_TEXT },
    { "\xEF\xBB\xBFText with a BOM", -1, PEITHO_FILE_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].data) : (gsize) cases[i].length;

      g_test_message ("case %u", i);
      g_assert_cmpint (peitho_file_format_sniff (cases[i].data, length), ==, cases[i].format);
    }
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_load_result (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-load-XXXXXX", NULL);
  /* The names say the opposite of the content: the name is never looked at. */
  g_autofree char *tei_path = write_temp (dir, "looks-like-text.txt", TEI_DOC);
  g_autofree char *text_path = write_temp (dir, "looks-like-tei.xml", "Just words.\n\nTwo.\n");
  g_autoptr(GFile) tei = g_file_new_for_path (tei_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = peitho_document_load (tei, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (peitho_load_result_get_format (result), ==, PEITHO_FILE_FORMAT_TEI);
  g_assert_cmpstr (peitho_document_get_text (peitho_load_result_get_document (result)), ==,
                   "Read as TEI.");
  g_assert_cmpuint (peitho_load_result_get_problems (result)->len, ==, 0);
  g_assert_null (peitho_load_result_get_text_import (result));
  g_assert_null (peitho_load_result_get_notes (result)[0]);
  g_clear_object (&result);

  result = peitho_document_load (text, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (peitho_load_result_get_format (result), ==, PEITHO_FILE_FORMAT_TEXT);
  g_assert_cmpuint (peitho_document_get_n_paragraphs (peitho_load_result_get_document (result)),
                    ==, 2);
  g_assert_nonnull (peitho_load_result_get_text_import (result));
  g_assert_cmpint (peitho_text_import_result_get_encoding (peitho_load_result_get_text_import (result)),
                   ==, PEITHO_TEXT_ENCODING_UTF8);
  g_assert_cmpint (peitho_text_import_result_get_front_matter (peitho_load_result_get_text_import (result)),
                   ==, PEITHO_FRONT_MATTER_NONE);
  g_assert_cmpuint (peitho_load_result_get_problems (result)->len, ==, 0);

  g_unlink (tei_path);
  g_unlink (text_path);
  g_rmdir (dir);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static PeithoLoadResult *
load_async (GFile            *file,
            PeithoLoadFlags   flags,
            GError          **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;

  peitho_document_load_async (file, flags, NULL, done_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return peitho_document_load_finish (async_result, error);
}

/* The corpus essay's front matter, taken, and kept with the flag. */
static void
test_load_front_matter_async (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                            "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeithoLoadResult) taken = NULL;
  g_autoptr(PeithoLoadResult) kept = NULL;
  g_autoptr(GError) error = NULL;
  PeithoTextImportResult *import;
  PeithoDocument *doc;
  const char *lines;

  taken = load_async (file, PEITHO_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  doc = peitho_load_result_get_document (taken);
  import = peitho_load_result_get_text_import (taken);
  g_assert_cmpstr (peitho_document_get_author (doc), ==, "Leon Trotsky");
  g_assert_cmpint (peitho_text_import_result_get_front_matter (import), ==,
                   PEITHO_FRONT_MATTER_TITLE | PEITHO_FRONT_MATTER_AUTHOR
                   | PEITHO_FRONT_MATTER_DATE | PEITHO_FRONT_MATTER_SOURCE
                   | PEITHO_FRONT_MATTER_NOTES);
  lines = peitho_text_import_result_get_front_matter_text (import);
  g_assert_true (g_str_has_prefix (lines, "Leon Trotsky > 1939 > \n\n"));
  g_assert_true (g_str_has_suffix (lines, "\n\nJune 10, 1939\n\n"
                                   "[Writings of Leon Trotsky, Vol 11, 1938-1938, New York "
                                   "\xC2\xB2" "1974, p. 346 f.]"));
  g_assert_true (g_str_has_prefix (peitho_document_get_text (doc), "Walter Duranty,"));

  kept = load_async (file, PEITHO_LOAD_NO_FRONT_MATTER, &error);
  g_assert_no_error (error);
  doc = peitho_load_result_get_document (kept);
  import = peitho_load_result_get_text_import (kept);
  g_assert_null (peitho_document_get_title (doc));
  g_assert_null (peitho_document_get_author (doc));
  g_assert_cmpint (peitho_text_import_result_get_front_matter (import), ==,
                   PEITHO_FRONT_MATTER_NONE);
  g_assert_null (peitho_text_import_result_get_front_matter_text (import));
  /* Undo gives back exactly the lines that were taken, in the text. */
  g_assert_true (g_str_has_prefix (peitho_document_get_text (doc),
                                   peitho_text_import_result_get_front_matter_text (
                                     peitho_load_result_get_text_import (taken))));
}

static void
assert_io_error (const GError *error,
                 int           code,
                 const char   *path)
{
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, path) || error->message[strlen (path)] != ':')
    g_error ("“%s” does not start with “%s:”", error->message, path);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-load-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(PeithoDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_null (result);
  assert_io_error (error, G_IO_ERROR_NOT_FOUND, path);
  g_clear_error (&error);

  result = load_async (file, PEITHO_LOAD_DEFAULT, &error);
  g_assert_null (result);
  assert_io_error (error, G_IO_ERROR_NOT_FOUND, path);
  g_clear_error (&error);

  /* The older entry points and the two format readers keep the code too. */
  doc = peitho_document_load_file (file, NULL, NULL, &error);
  g_assert_null (doc);
  assert_io_error (error, G_IO_ERROR_NOT_FOUND, path);
  g_clear_error (&error);
  doc = peitho_tei_read_file (file, PEITHO_READ_DEFAULT, NULL, NULL, &error);
  g_assert_null (doc);
  assert_io_error (error, G_IO_ERROR_NOT_FOUND, path);
  g_clear_error (&error);
  doc = peitho_text_import_file (file, NULL, NULL, &error);
  g_assert_null (doc);
  assert_io_error (error, G_IO_ERROR_NOT_FOUND, path);

  g_rmdir (dir);
}

static void
test_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-load-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_null (result);
  assert_io_error (error, G_IO_ERROR_IS_DIRECTORY, dir);

  g_rmdir (dir);
}

/* As root every file is readable: the subprocess gives up root first, so the
 * test means the same for everyone. main() makes the file, before any thread
 * runs (setenv() is not thread-safe). */
static void
test_permission_denied (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("PEITHO_TEST_UNREADABLE");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PeithoLoadResult) result = NULL;
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        g_error ("cannot give up root");
      result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
      g_assert_null (result);
      assert_io_error (error, G_IO_ERROR_PERMISSION_DENIED, path);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *unreadable = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    {
      dir = g_dir_make_tmp ("peitho-load-XXXXXX", NULL);
      unreadable = write_temp (dir, "unreadable.txt", "Secret words.\n");
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);
      g_setenv ("PEITHO_TEST_UNREADABLE", unreadable, TRUE);
    }

  g_test_add_func ("/load/sniff", test_sniff);
  g_test_add_func ("/load/result", test_load_result);
  g_test_add_func ("/load/front-matter-async", test_load_front_matter_async);
  g_test_add_func ("/load/missing-file", test_missing_file);
  g_test_add_func ("/load/directory", test_directory);
  g_test_add_func ("/load/permission-denied", test_permission_denied);

  status = g_test_run ();

  if (unreadable != NULL)
    {
      g_unlink (unreadable);
      g_rmdir (dir);
    }
  return status;
}
