/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The seminar benchmark: 30 readings of a 3 M-character text with 2,000
 * annotations each, merged into one seminar document and their agreement
 * computed, beside a baseline that does the least work (reading the 30 files
 * and parsing them with libxml2 alone).
 *
 *   peitho-bench-seminar [--students N] [--characters N] [--annotations N]
 *                        [--keep DIR] [--seed N]
 *
 * Prints one line per phase (wall time, and the peak RSS so far) and exits
 * non-zero only when something fails. */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "peitho-core.h"

static const char * const words[] = {
  "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
  "by", "on", "not", "this", "are", "or", "from", "at", "which", "but", "have", "people",
  "argument", "reason", "nation", "history", "freedom", "justice", "power", "truth", "law",
  "speech", "assembly", "citizens", "question", "answer", "evidence", "claim", "orator",
  "café", "naïve", "Zürich", "λόγος", "πάθος", "правда", "修辞", "1939", "don't", "self-evident",
};

static int students = 30;
static int characters = 3000000;
static int annotations = 2000;
static int seed = 1;
static char *keep_dir = NULL;

static const GOptionEntry entries[] = {
  { "students", 0, 0, G_OPTION_ARG_INT, &students, "Number of readings (30)", "N" },
  { "characters", 0, 0, G_OPTION_ARG_INT, &characters, "Length of the text (3000000)", "N" },
  { "annotations", 0, 0, G_OPTION_ARG_INT, &annotations, "Annotations per reading (2000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Write the files to DIR and keep them", "DIR" },
  G_OPTION_ENTRY_NULL
};

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* CPU seconds of the process so far: on a shared machine a steadier figure
 * than the wall time. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double phase_cpu;

static gint64
phase_start (void)
{
  phase_cpu = cpu_seconds ();
  return g_get_monotonic_time ();
}

static void
report (const char *phase,
        gint64      start_us)
{
  g_print ("%-46s wall %8.3f s  cpu %8.3f s  peak RSS %6.1f MB\n", phase,
           (g_get_monotonic_time () - start_us) / 1e6, cpu_seconds () - phase_cpu,
           peak_rss_mb ());
}

static PeithoDocument *
make_text (GRand *rand)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  glong total = 0;

  while (total < characters)
    {
      guint n_words = g_rand_int_range (rand, 40, 200);

      g_string_truncate (paragraph, 0);
      for (guint i = 0; i < n_words; i++)
        {
          if (i > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_string_append_c (paragraph, '.');
      if (!peitho_document_append_paragraph (document, paragraph->str, paragraph->len, NULL, NULL))
        g_error ("cannot add a paragraph");
      total = peitho_document_get_length (document);
    }
  peitho_document_set_title (document, "Seminar benchmark");
  if (!peitho_document_set_tag_set (document, tag_set, NULL))
    g_error ("cannot set the tag set");
  return g_steal_pointer (&document);
}

typedef struct {
  gsize start;
  gsize end;
  guint tag;
} Passage;

/* The passages "everyone sees": each student finds most of them, with
 * boundaries a few characters off and now and then another tag, and adds
 * passages of their own. */
static void
annotate_reading (GRand          *rand,
                  PeithoDocument *reading,
                  const char     *student,
                  GArray         *passages,
                  GPtrArray      *tags)
{
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (reading, student);
  gsize length = peitho_document_get_length (reading);
  guint added = 0;
  guint next = 0;

  while (added < (guint) annotations)
    {
      Passage passage;
      g_autoptr(PeithoAnnotation) annotation = NULL;

      if (next < passages->len && g_rand_double (rand) < 0.8)
        {
          gint64 shift_start = g_rand_int_range (rand, -5, 6);
          gint64 shift_end = g_rand_int_range (rand, -5, 6);

          passage = g_array_index (passages, Passage, next);
          passage.start = CLAMP ((gint64) passage.start + shift_start, 0, (gint64) length - 1);
          passage.end = CLAMP ((gint64) passage.end + shift_end, (gint64) passage.start + 1,
                               (gint64) length);
          if (g_rand_double (rand) < 0.1)
            passage.tag = g_rand_int_range (rand, 0, tags->len);
          next++;
        }
      else
        {
          passage.start = g_rand_int_range (rand, 0, length - 1);
          passage.end = MIN (length, passage.start + g_rand_int_range (rand, 5, 400));
          passage.tag = g_rand_int_range (rand, 0, tags->len);
          if (next < passages->len)
            next++;
        }

      annotation = peitho_annotation_new (NULL, passage.start, passage.end,
                                          peitho_tag_get_id (g_ptr_array_index (tags, passage.tag)),
                                          peitho_annotator_get_id (annotator), NULL, NULL);
      if (peitho_document_add_annotation (reading, annotation, NULL))
        added++;
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(PeithoDocument) text = NULL;
  g_autoptr(PeithoAssignment) assignment = NULL;
  g_autoptr(PeithoDocument) handout = NULL;
  g_autoptr(GArray) passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autoptr(PeithoAgreement) agreement = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *assignment_path = NULL;
  g_autofree char *seminar_path = NULL;
  gsize read_bytes = 0;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  rand = g_rand_new_with_seed (seed);
  dir = keep_dir != NULL ? g_strdup (keep_dir) : g_dir_make_tmp ("peitho-bench-seminar-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);

  /* Not timed: the files of a seminar. */
  start = phase_start ();
  text = make_text (rand);
  assignment = peitho_assignment_new ("Find the figures.", FALSE);
  handout = peitho_assignment_prepare (assignment, text, NULL, FALSE, &error);
  g_assert_no_error (error);
  assignment_path = g_build_filename (dir, "assignment.xml", NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (assignment_path);

    if (!peitho_tei_write_file (handout, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error))
      g_error ("%s", error->message);
  }
  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (handout));
  for (int i = 0; i < annotations; i++)
    {
      gsize length = peitho_document_get_length (handout);
      Passage passage;

      passage.start = g_rand_int_range (rand, 0, length - 1);
      passage.end = MIN (length, passage.start + g_rand_int_range (rand, 5, 400));
      passage.tag = g_rand_int_range (rand, 0, tags->len);
      g_array_append_val (passages, passage);
    }
  {
    /* Sorted, so that students meet them in order. */
    for (guint i = 1; i < passages->len; i++)
      for (guint k = i; k > 0 && g_array_index (passages, Passage, k - 1).start
                                 > g_array_index (passages, Passage, k).start; k--)
        {
          Passage swap = g_array_index (passages, Passage, k);

          g_array_index (passages, Passage, k) = g_array_index (passages, Passage, k - 1);
          g_array_index (passages, Passage, k - 1) = swap;
        }
  }
  for (int s = 0; s < students; s++)
    {
      g_autofree char *name = g_strdup_printf ("Student %02d", s + 1);
      g_autofree char *basename = peitho_reading_basename ("assignment.xml", name);
      char *path = g_build_filename (dir, basename, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) assignment_file = g_file_new_for_path (assignment_path);
      g_autoptr(PeithoDocument) copy = peitho_tei_read_file (assignment_file, PEITHO_READ_DEFAULT,
                                                             NULL, NULL, &error);

      g_assert_no_error (error);
      annotate_reading (rand, copy, name, passages, tags);
      if (!peitho_tei_write_file (copy, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (files, path);
    }
  g_print ("%d readings of %lu characters (%u paragraphs), %d annotations each, %u tags\n",
           students, (unsigned long) peitho_document_get_length (handout),
           peitho_document_get_n_paragraphs (handout), annotations, tags->len);
  report ("generating the files (not a figure)", start);
  g_clear_object (&text);

  /* Baseline: the least work, reading the files and parsing the XML. */
  start = phase_start ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;
      xmlDoc *doc;

      if (!g_file_get_contents (g_ptr_array_index (files, i), &contents, &length, &error))
        g_error ("%s", error->message);
      read_bytes += length;
      doc = xmlReadMemory (contents, length, NULL, "UTF-8", XML_PARSE_NONET);
      if (doc == NULL)
        g_error ("%s: not XML", (char *) g_ptr_array_index (files, i));
      xmlFreeDoc (doc);
    }
  g_print ("%.1f MB in %u files\n", read_bytes / 1e6, files->len);
  report ("baseline: read + libxml2 parse of the readings", start);

  /* Merge: load the assignment and each reading, add it, build, save. */
  start = phase_start ();
  {
    g_autoptr(GFile) assignment_file = g_file_new_for_path (assignment_path);
    g_autoptr(PeithoDocument) loaded = peitho_tei_read_file (assignment_file, PEITHO_READ_DEFAULT,
                                                             NULL, NULL, &error);
    g_autoptr(PeithoSeminarMerger) merger = NULL;
    gint64 load_us = 0, add_us = 0, build_us, save_us;

    g_assert_no_error (error);
    merger = peitho_seminar_merger_new (loaded, assignment_path);
    for (guint i = 0; i < files->len; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(PeithoDocument) reading = peitho_tei_read_file (file, PEITHO_READ_DEFAULT, NULL,
                                                                  NULL, &error);
        gint64 t1 = g_get_monotonic_time ();

        g_assert_no_error (error);
        if (!peitho_seminar_merger_add_reading (merger, reading, g_ptr_array_index (files, i),
                                                PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error))
          g_error ("%s", error->message);
        load_us += t1 - t0;
        add_us += g_get_monotonic_time () - t1;
      }
    build_us = g_get_monotonic_time ();
    seminar = peitho_seminar_merger_build (merger, &error);
    g_assert_no_error (error);
    build_us = g_get_monotonic_time () - build_us;
    save_us = g_get_monotonic_time ();
    seminar_path = g_build_filename (dir, "seminar.xml", NULL);
    {
      g_autoptr(GFile) file = g_file_new_for_path (seminar_path);

      if (!peitho_tei_write_file (seminar, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error))
        g_error ("%s", error->message);
    }
    save_us = g_get_monotonic_time () - save_us;
    g_print ("  of which: loading the readings %.3f s, checking and taking the layers %.3f s,\n"
             "  building the seminar (%u annotations) %.3f s, saving it %.3f s\n",
             load_us / 1e6, add_us / 1e6, peitho_document_get_n_annotations (seminar),
             build_us / 1e6, save_us / 1e6);
  }
  report ("merge: load the files, merge, save the seminar", start);

  /* Agreement on the seminar: all tags, all pairs. */
  start = phase_start ();
  agreement = peitho_agreement_compute (seminar, NULL, &error);
  g_assert_no_error (error);
  report ("agreement: alpha_u overall, per tag, all pairs", start);
  g_print ("alpha_u %.4f over %u annotators and %u tags\n",
           peitho_agreement_get_alpha (agreement).value,
           peitho_agreement_get_n_annotators (agreement), peitho_agreement_get_n_tags (agreement));

  {
    g_autoptr(PeithoAgreement) again = NULL;
    static const char * const key_name = "Student 01";
    PeithoAgreementOptions options = { NULL, NULL, key_name };

    start = phase_start ();
    again = peitho_agreement_compute (seminar, &options, &error);
    g_assert_no_error (error);
    report ("agreement with a key (precision, recall, F1)", start);
  }
  /* The same spans on a continuum 100 times longer: the time must not grow
   * with the length of the text. */
  {
    g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    gsize length = peitho_document_get_length (seminar);
    gint64 t_short, t_long;

    for (int s = 0; s < students; s++)
      {
        GArray *mine = g_array_new (FALSE, FALSE, sizeof (PeithoSpan));

        for (guint i = 0; i < passages->len; i++)
          {
            Passage *passage = &g_array_index (passages, Passage, i);

            g_array_append_val (mine, ((PeithoSpan) { passage->start + s, passage->end + s }));
          }
        peitho_spans_normalize (mine);
        g_ptr_array_add (spans, mine);
      }
    start = phase_start ();
    peitho_alpha_unitizing_disagreement ((GArray **) spans->pdata, students, 0, length + students);
    t_short = g_get_monotonic_time () - start;
    start = phase_start ();
    peitho_alpha_unitizing_disagreement ((GArray **) spans->pdata, students, 0,
                                         100 * (length + students));
    t_long = g_get_monotonic_time () - start;
    g_print ("one category, %d x %d spans: continuum %lu chars %.3f s, 100x longer %.3f s\n",
             students, annotations, (unsigned long) length, t_short / 1e6, t_long / 1e6);
  }

  if (keep_dir == NULL)
    {
      for (guint i = 0; i < files->len; i++)
        g_unlink (g_ptr_array_index (files, i));
      g_unlink (assignment_path);
      g_unlink (seminar_path);
      g_rmdir (dir);
    }
  return 0;
}
