/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scale curve of the core: load, save, point query and tag action
 * (add an annotation, read the counts, remove it again) for documents of
 * 1,000 to 1,000,000 annotations on the same text, so that the growth of
 * each cost is visible beside the others.
 *
 *   peitho-bench-scale GENERATE DIR [--runs N] [--characters N] [--sizes N,N,...]
 *   peitho-bench-scale --measure FILE
 *
 * The first form generates the documents into DIR with GENERATE
 * (peitho-bench-generate; kept and reused), then measures each size in a
 * process of its own (so that its peak RSS is its own), round-robin over the
 * sizes, and prints the medians. The second form is one such measurement: it
 * prints one line of figures. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "peitho-core.h"

extern char **environ;

#define N_QUERIES 2000
#define N_ACTIONS 200

enum {
  LOAD_MS, LOAD_CPU, SAVE_MS, SAVE_CPU, QUERY_US, ACTION_US, N_FIGURES
};

static const char * const figure_names[N_FIGURES] = {
  "load-ms", "load-cpu-ms", "save-ms", "save-cpu-ms", "query-us", "action-us",
};

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static int
measure (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out_path = g_strconcat (path, ".saved", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) tags = NULL;
  double figures[N_FIGURES];
  double t, c;
  gsize length;
  guint found = 0;

  t = wall_ms (), c = cpu_ms ();
  document = peitho_tei_read_file (file, PEITHO_READ_DEFAULT, problems, NULL, &error);
  figures[LOAD_MS] = wall_ms () - t, figures[LOAD_CPU] = cpu_ms () - c;
  if (document == NULL)
    {
      g_printerr ("peitho-bench-scale: %s\n", error->message);
      return 1;
    }

  t = wall_ms (), c = cpu_ms ();
  if (!peitho_tei_write_file (document, out, PEITHO_TEI_STANDOFF, FALSE, NULL, &error))
    {
      g_printerr ("peitho-bench-scale: %s\n", error->message);
      return 1;
    }
  figures[SAVE_MS] = wall_ms () - t, figures[SAVE_CPU] = cpu_ms () - c;
  g_unlink (out_path);

  /* What the window asks when the pointer or the cursor moves. */
  length = peitho_document_get_length (document);
  t = wall_ms ();
  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autoptr(GPtrArray) at = NULL;

      at = peitho_document_get_annotations_at (document, g_rand_int_range (rand, 0, length));
      found += at->len;
    }
  figures[QUERY_US] = (wall_ms () - t) * 1e3 / N_QUERIES;

  /* A tag action as the window does it, and its undo: add, read the counts
   * the sidebar shows, remove. */
  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));
  t = wall_ms ();
  for (guint i = 0; i < N_ACTIONS; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i % tags->len);
      gsize start = g_rand_int_range (rand, 0, length - 40);
      g_autoptr(PeithoAnnotation) annotation = NULL;
      guint count;

      annotation = peitho_annotation_new (NULL, start, start + 1 + g_rand_int_range (rand, 0, 30),
                                          peitho_tag_get_id (tag), NULL, NULL, NULL);
      if (!peitho_document_add_annotation (document, annotation, NULL))
        continue;   /* on a paragraph separator */
      count = peitho_document_count_tag (document, peitho_tag_get_id (tag));
      count += peitho_document_count_group (document, peitho_tag_get_group_id (tag));
      g_assert (count > 0);
      peitho_document_remove_annotation (document, annotation, NULL);
    }
  figures[ACTION_US] = (wall_ms () - t) * 1e3 / N_ACTIONS;

  g_print ("annotations %u characters %" G_GSIZE_FORMAT " found %u",
           peitho_document_get_n_annotations (document), length, found);
  for (guint i = 0; i < N_FIGURES; i++)
    g_print (" %s %.3f", figure_names[i], figures[i]);
  g_print ("\n");
  return 0;
}

/* Runs @argv, its standard output to @out_path; peak RSS in @maxrss_kb. */
static gboolean
run (char       **argv,
     const char  *out_path,
     long        *maxrss_kb)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  int status;
  int err;
  pid_t pid;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  err = posix_spawn (&pid, argv[0], &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (err != 0)
    {
      g_printerr ("peitho-bench-scale: %s: %s\n", argv[0], g_strerror (err));
      return FALSE;
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;
  if (maxrss_kb != NULL)
    *maxrss_kb = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("peitho-bench-scale: %s failed\n", argv[0]);
      return FALSE;
    }
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

static gboolean
parse_figures (const char *line,
               double     *figures)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint found = 0;

  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    for (guint f = 0; f < N_FIGURES; f++)
      if (strcmp (words[i], figure_names[f]) == 0)
        {
          figures[f] = g_ascii_strtod (words[i + 1], NULL);
          found++;
        }
  return found == N_FIGURES;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sizes_arg = NULL;
  g_auto(GStrv) sizes = NULL;
  gint64 runs = 3;
  gint64 characters = 3000000;
  const char *generate, *dir;
  guint n_sizes;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT64, &runs, "Runs of each size (default 3)", "N" },
    { "characters", 0, 0, G_OPTION_ARG_INT64, &characters,
      "Characters of text (default 3000000)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg,
      "Annotations per document (default 1000,10000,100000,1000000)", "N,N,..." },
    { NULL }
  };

  if (argc == 3 && strcmp (argv[1], "--measure") == 0)
    return measure (argv[2]);

  context = g_option_context_new ("GENERATE DIR - the scale curve of the Peitho core");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("peitho-bench-scale: %s\n", error->message);
      return 2;
    }
  if (argc != 3 || runs < 1)
    {
      g_printerr ("Usage: peitho-bench-scale GENERATE DIR [OPTION...] (see --help)\n");
      return 2;
    }
  generate = argv[1];
  dir = argv[2];
  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : "1000,10000,100000,1000000", ",", -1);
  n_sizes = g_strv_length (sizes);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("peitho-bench-scale: %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
    g_autofree GArray **values = g_new0 (GArray *, n_sizes * (N_FIGURES + 1));
    g_autofree char *result_path = g_build_filename (dir, "measure.txt", NULL);
    g_autofree char *chars = g_strdup_printf ("%" G_GINT64_FORMAT, characters);

    for (guint s = 0; s < n_sizes; s++)
      {
        g_autofree char *name = g_strdup_printf ("scale-%s-%s.xml", sizes[s], chars);
        char *path = g_build_filename (dir, name, NULL);
        g_autofree char *info = g_strconcat (path, ".txt", NULL);

        g_ptr_array_add (paths, path);
        for (guint f = 0; f <= N_FIGURES; f++)
          values[s * (N_FIGURES + 1) + f] = g_array_new (FALSE, FALSE, sizeof (double));
        if (g_file_test (path, G_FILE_TEST_EXISTS))
          continue;
        g_print ("Generating %s annotations on %s characters...\n", sizes[s], chars);
        {
          char *gen_argv[] = { (char *) generate, "--no-created", "--characters", chars,
                               "--annotations", sizes[s], path, NULL };

          if (!run (gen_argv, info, NULL))
            return 1;
        }
      }

    g_print ("Measuring %" G_GINT64_FORMAT " runs of each size (round-robin)...\n", runs);
    for (gint64 r = 0; r < runs; r++)
      for (guint s = 0; s < n_sizes; s++)
        {
          char *measure_argv[] = { self, "--measure", paths->pdata[s], NULL };
          g_autofree char *line = NULL;
          double figures[N_FIGURES];
          double rss;
          long maxrss_kb = 0;

          if (!run (measure_argv, result_path, &maxrss_kb))
            return 1;
          if (!g_file_get_contents (result_path, &line, NULL, &error)
              || !parse_figures (line, figures))
            {
              g_printerr ("peitho-bench-scale: %s: no figures\n", result_path);
              return 1;
            }
          for (guint f = 0; f < N_FIGURES; f++)
            g_array_append_val (values[s * (N_FIGURES + 1) + f], figures[f]);
          rss = maxrss_kb / 1024.0;
          g_array_append_val (values[s * (N_FIGURES + 1) + N_FIGURES], rss);
        }
    g_unlink (result_path);

    g_print ("\nPeitho core scale curve: medians of %" G_GINT64_FORMAT " runs, %s characters of "
             "text\n\n", runs, chars);
    g_print ("  %10s %9s %9s %9s %9s %8s | %9s %9s %9s | %8s %9s\n",
             "annot.", "load ms", "load CPU", "save ms", "save CPU", "RSS MB",
             "load us/a", "save us/a", "RSS KB/a", "query us", "action us");
    for (guint s = 0; s < n_sizes; s++)
      {
        double m[N_FIGURES + 1];
        double n = g_ascii_strtod (sizes[s], NULL);

        for (guint f = 0; f <= N_FIGURES; f++)
          m[f] = median (values[s * (N_FIGURES + 1) + f]);
        g_print ("  %10.0f %9.1f %9.1f %9.1f %9.1f %8.1f | %9.2f %9.2f %9.2f | %8.2f %9.2f\n",
                 n, m[LOAD_MS], m[LOAD_CPU], m[SAVE_MS], m[SAVE_CPU], m[N_FIGURES],
                 m[LOAD_CPU] * 1e3 / n, m[SAVE_CPU] * 1e3 / n, m[N_FIGURES] * 1024 / n,
                 m[QUERY_US], m[ACTION_US]);
        for (guint f = 0; f <= N_FIGURES; f++)
          g_array_unref (values[s * (N_FIGURES + 1) + f]);
      }
    g_print ("\n  per-annotation columns (us/a, KB/a) use CPU time; they include the text, "
             "so they fall\n  with size where the text dominates. query: one point query "
             "(annotations at an offset);\n  action: add an annotation, read its tag and group "
             "counts, remove it (the tag action and its undo).\n");
  }

  return 0;
}
