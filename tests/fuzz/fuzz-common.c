/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* A failed check must be a crash that libFuzzer (or the regression test) sees,
 * whatever NDEBUG or G_DISABLE_ASSERT say. */
#define FUZZ_CHECK(cond, ...)                                         \
  G_STMT_START {                                                      \
    if (G_UNLIKELY (!(cond)))                                         \
      {                                                               \
        fprintf (stderr, "fuzz check failed: %s: ", #cond);           \
        fprintf (stderr, __VA_ARGS__);                                \
        fputc ('\n', stderr);                                         \
        abort ();                                                     \
      }                                                               \
  } G_STMT_END

/* A critical (a g_return_if_fail that fired) or a warning is a bug found.
 * abort(), not GLib's fatal G_BREAKPOINT: libFuzzer catches SIGABRT and saves
 * the input, while SIGTRAP kills it without a reproducer. */
static GLogWriterOutput
fatal_writer_cb (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_standard_streams (log_level, fields, n_fields, NULL);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

void
fuzz_setup (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_writer_func (fatal_writer_cb, NULL, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

/* What was read comes back whole: the tests' one comparison of documents. */
static void
check_same (PeithoDocument *a,
            PeithoDocument *b,
            const char     *what)
{
  g_autofree char *difference = peitho_test_document_difference (a, b);

  FUZZ_CHECK (difference == NULL, "%s: %s", what, difference);
}

void
fuzz_check_round_trip (PeithoDocument *document,
                       const char     *what)
{
  static const PeithoTeiForm forms[] = { PEITHO_TEI_STANDOFF, PEITHO_TEI_INLINE };

  /* Exercise the rest of the read-only API on whatever was read. */
  g_ptr_array_unref (peitho_document_validate (document));
  g_bytes_unref (peitho_csv_export (document));
  (void) peitho_document_count_words (document);

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = peitho_tei_write_bytes (document, forms[f], &error);
      g_autoptr(PeithoDocument) again = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      FUZZ_CHECK (bytes != NULL, "%s: cannot write what was read: %s", what, error->message);
      again = peitho_tei_read_bytes (bytes, "round-trip", PEITHO_READ_DEFAULT, problems, &error);
      FUZZ_CHECK (again != NULL, "%s: cannot read back what was written (form %u): %s\n%.*s",
                  what, f, error->message, (int) MIN (g_bytes_get_size (bytes), 4000),
                  (const char *) g_bytes_get_data (bytes, NULL));
      check_same (document, again, what);
    }
}
