/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports a large document as a handout, HTML and PDF, and prints the
 * figures: the time to load, to work out the handout, to write each output,
 * their sizes, the PDF's pages and the peak resident set size. */

#include "config.h"

#include <sys/resource.h>
#include <glib/gstdio.h>

#include "peitho-core.h"
#include "peitho-handout-renderer.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoHandout) handout = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *pdf_path = NULL;
  struct rusage usage;
  gint64 t;

  if (argc != 3)
    {
      g_printerr ("Usage: peitho-bench-export DOC.xml OUTDIR\n");
      return 2;
    }
  html_path = g_build_filename (argv[2], "handout.html", NULL);
  pdf_path = g_build_filename (argv[2], "handout.pdf", NULL);

  t = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  document = peitho_document_load_file (file, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("peitho-bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("load:     %6.2f s  (%u annotations, %" G_GSIZE_FORMAT " characters, %u paragraphs)\n",
           seconds_since (t), g_list_model_get_n_items (peitho_document_get_annotations (document)),
           peitho_document_get_length (document), peitho_document_get_n_paragraphs (document));

  t = g_get_monotonic_time ();
  handout = peitho_handout_new (document, NULL, &error);
  g_assert_no_error (error);
  g_print ("handout:  %6.2f s  (%u levels of overlap, %u notes)\n", seconds_since (t),
           peitho_handout_get_n_levels (handout), peitho_handout_get_notes (handout)->len);

  t = g_get_monotonic_time ();
  html = peitho_html_export (document, NULL, &error);
  g_assert_no_error (error);
  if (!g_file_set_contents (html_path, g_bytes_get_data (html, NULL),
                            (gssize) g_bytes_get_size (html), &error))
    {
      g_printerr ("peitho-bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("html:     %6.2f s  (%.1f MB)\n", seconds_since (t), file_size (html_path) / 1e6);

  t = g_get_monotonic_time ();
  if (!peitho_handout_write_pdf (handout, pdf_path, &error))
    {
      g_printerr ("peitho-bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("pdf:      %6.2f s  (%.1f MB)\n", seconds_since (t), file_size (pdf_path) / 1e6);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS: %6.0f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
