/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Load and save of editions against libxml2 and xmllint on the same files.
 *
 *   peitho-bench-edition [--corpus FILE] [--size-mb N] [--runs N] [--keep DIR]
 *
 * For the corpus edition (the largest of ../shared/corpus/tei/ by default)
 * and a generated edition of about N MB (acts, scenes, speeches, verse
 * lines): the median wall time of reading it as a document and saving it
 * with 1,000 annotations, beside libxml2 parsing and serializing it in this
 * process and `xmllint FILE --output OUT` (parse + serialize, one process),
 * and the ratios. Then the cost of saving with 1,000, 4,000 and 16,000
 * annotations: linear means the time per annotation does not grow. Exits
 * non-zero only if something failed; a missed target prints MISS. */

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "peitho-core.h"

static guint runs = 3;

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static GBytes *
generate (gsize target)
{
  static const char * const lines[] = {
    "To be, or not to be, that is the question:",
    "Whether ’tis nobler in the mind to suffer",
    "The slings and arrows of outrageous fortune,",
    "Or to take arms against a sea of troubles",
    "And by opposing end them. To die, to sleep—",
  };
  GString *out = g_string_sized_new (target + 4096);
  guint act = 0, line = 0;

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"bench\">\n"
    "  <teiHeader>\n    <fileDesc>\n      <titleStmt><title>Bench</title>"
    "<author><persName><forename>A</forename> <surname>B</surname></persName></author>"
    "</titleStmt>\n      <publicationStmt><p>Generated.</p></publicationStmt>\n"
    "      <sourceDesc><p>None.</p></sourceDesc>\n    </fileDesc>\n"
    "    <revisionDesc><change when=\"2020-01-01\">made</change></revisionDesc>\n"
    "  </teiHeader>\n  <text>\n    <body>\n");
  while (out->len < target)
    {
      act++;
      g_string_append_printf (out, "      <div type=\"act\" n=\"%u\">\n        <head>ACT %u</head>\n",
                              act, act);
      for (guint scene = 1; scene <= 5 && out->len < target; scene++)
        {
          g_string_append_printf (out, "        <div type=\"scene\" n=\"%u\">\n"
                                       "          <head>Scene %u</head>\n"
                                       "          <stage>Enter <hi rend=\"italic\">two</hi>.</stage>\n",
                                  scene, scene);
          for (guint sp = 0; sp < 40; sp++)
            {
              g_string_append_printf (out, "          <sp who=\"#p%u\">\n"
                                           "            <speaker>PERSON %u</speaker>\n",
                                      sp % 7, sp % 7);
              for (guint l = 0; l < 4; l++)
                {
                  line++;
                  g_string_append_printf (out, "            <l n=\"%u\" xml:id=\"l-%u\">%s</l>\n",
                                          line, line, lines[(line + l) % G_N_ELEMENTS (lines)]);
                }
              g_string_append (out, "          </sp>\n");
            }
          g_string_append (out, "        </div>\n");
        }
      g_string_append (out, "      </div>\n");
    }
  g_string_append (out, "    </body>\n  </text>\n</TEI>\n");
  return g_string_free_to_bytes (out);
}

static void
annotate (PeithoDocument *doc,
          guint           n)
{
  gsize length = peitho_document_get_length (doc);
  GRand *rand = g_rand_new_with_seed (7);
  const char *tags[] = { "irony", "metaphor", "claim", "anaphora" };
  guint added = 0;

  while (added < n)
    {
      gsize start = g_rand_int_range (rand, 0, (gint32) length - 200);
      g_autoptr(PeithoAnnotation) annotation =
        peitho_annotation_new (NULL, start, start + g_rand_int_range (rand, 1, 200),
                               tags[added % G_N_ELEMENTS (tags)], NULL, NULL, NULL);

      if (peitho_document_add_annotation (doc, annotation, NULL))
        added++;
    }
  g_rand_free (rand);
}

static PeithoDocument *
read_document (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PeithoDocument *doc = peitho_tei_read_bytes (bytes, "bench.xml", PEITHO_READ_DEFAULT, NULL, &error);

  if (doc == NULL)
    g_error ("cannot read: %s", error->message);
  return doc;
}

static GBytes *
write_document (PeithoDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = peitho_tei_write_bytes (doc, PEITHO_TEI_STANDOFF, &error);

  if (bytes == NULL)
    g_error ("cannot save: %s", error->message);
  return bytes;
}

/* libxml2 parsing and serializing the file, as the floor of any reader that
 * keeps the tree. */
static double
time_libxml (GBytes *bytes)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      double start = now (), elapsed;
      xmlDoc *doc = xmlReadMemory (data, (int) size, "bench.xml", NULL, XML_PARSE_NONET);
      xmlChar *memory = NULL;
      int length = 0;

      xmlDocDumpFormatMemoryEnc (doc, &memory, &length, "UTF-8", 0);
      elapsed = now () - start;
      xmlFree (memory);
      xmlFreeDoc (doc);
      g_array_append_val (times, elapsed);
    }
  return median (times);
}

static double
time_xmllint (const char *path,
              const char *dir)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *out = g_build_filename (dir, "xmllint-out.xml", NULL);
  const char *argv[] = { "xmllint", "--nonet", path, "--output", out, NULL };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      int status = 0;
      double start = now (), elapsed;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("xmllint: %s", error->message);
      elapsed = now () - start;
      g_array_append_val (times, elapsed);
    }
  return median (times);
}

/* Read + save with @n annotations, the annotations added between the two
 * (their cost is the document's, not the file's). */
static void
time_peitho (GBytes *bytes,
             guint   n,
             double *load,
             double *save)
{
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double start = now (), elapsed;
      g_autoptr(PeithoDocument) doc = read_document (bytes);
      g_autoptr(GBytes) saved = NULL;

      elapsed = now () - start;
      g_array_append_val (loads, elapsed);
      annotate (doc, n);
      start = now ();
      saved = write_document (doc);
      elapsed = now () - start;
      g_array_append_val (saves, elapsed);
    }
  *load = median (loads);
  *save = median (saves);
}

static gboolean
compare (const char *name,
         const char *path,
         GBytes     *bytes,
         const char *dir)
{
  double lib = time_libxml (bytes);
  double lint = time_xmllint (path, dir);
  double load, save;
  double ratio;

  time_peitho (bytes, 1000, &load, &save);
  ratio = (load + save) / lint;
  g_print ("%s (%.1f MB):\n", name, g_bytes_get_size (bytes) / 1e6);
  g_print ("  peitho load %.3f s + save with 1,000 annotations %.3f s = %.3f s\n", load, save,
           load + save);
  g_print ("  libxml2 parse + serialize in process %.3f s: ratio %.2f\n", lib, (load + save) / lib);
  g_print ("  xmllint parse + serialize %.3f s: ratio %.2f (target <= 4: %s)\n", lint, ratio,
           ratio <= 4 ? "PASS" : "MISS");
  return TRUE;
}

static void
linearity (GBytes *bytes)
{
  static const guint counts[] = { 1000, 4000, 16000 };
  double per[G_N_ELEMENTS (counts)];
  double base_load, base_save;

  time_peitho (bytes, 1, &base_load, &base_save);
  g_print ("annotations (save time beyond the save with 1 annotation, %.3f s):\n", base_save);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      double load, save;

      time_peitho (bytes, counts[i], &load, &save);
      per[i] = MAX (save - base_save, 0) / counts[i] * 1e6;
      g_print ("  %6u annotations: save %.3f s, %.1f us per annotation\n", counts[i], save, per[i]);
    }
  g_print ("  per-annotation cost 16,000 / 1,000: %.2f (linear: about 1; target <= 2: %s)\n",
           per[0] > 0 ? per[2] / per[0] : 0, per[0] <= 0 || per[2] / per[0] <= 2 ? "PASS" : "MISS");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *corpus = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *generated_path = NULL;
  g_autoptr(GBytes) corpus_bytes = NULL;
  g_autoptr(GBytes) generated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  int size_mb = 20;
  int n_runs = 3;
  char *contents = NULL;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus, "The corpus edition", "FILE" },
    { "size-mb", 0, 0, G_OPTION_ARG_INT, &size_mb, "Size of the generated edition", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs per figure (the median is shown)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the files in DIR", "DIR" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (n_runs, 1);

  if (corpus == NULL)
    {
      const char *corpus_dir = g_getenv ("PEITHO_CORPUS_DIR");

      corpus = g_build_filename (corpus_dir != NULL ? corpus_dir : "../shared/corpus", "tei",
                                 "folger-hamlet.xml", NULL);
    }
  if (!g_file_get_contents (corpus, &contents, &length, &error))
    g_error ("%s", error->message);
  corpus_bytes = g_bytes_new_take (contents, length);

  if (keep != NULL)
    {
      dir = g_strdup (keep);
      g_mkdir_with_parents (dir, 0755);
    }
  else if (!(dir = g_dir_make_tmp ("peitho-bench-edition-XXXXXX", &error)))
    g_error ("%s", error->message);

  generated = generate ((gsize) MAX (size_mb, 1) * 1000 * 1000);
  generated_path = g_build_filename (dir, "generated-edition.xml", NULL);
  if (!g_file_set_contents (generated_path, g_bytes_get_data (generated, NULL),
                            g_bytes_get_size (generated), &error))
    g_error ("%s", error->message);

  compare (corpus, corpus, corpus_bytes, dir);
  compare ("generated edition", generated_path, generated, dir);
  linearity (generated);

  if (keep == NULL)
    {
      g_autofree char *out = g_build_filename (dir, "xmllint-out.xml", NULL);

      g_unlink (out);
      g_unlink (generated_path);
      g_rmdir (dir);
    }
  return 0;
}
