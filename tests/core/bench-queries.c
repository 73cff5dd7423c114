/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Query micro-benchmark: a 3 MB text with 100,000 overlapping annotations;
 * bulk insert, point and range queries through the interval index, and the
 * same queries by a linear scan, measured in the same run. */

#include <peitho-core.h>

#define TEXT_SIZE        (3 * 1024 * 1024)
#define N_ANNOTATIONS    100000
#define N_POINT_QUERIES  100000
#define N_RANGE_QUERIES  10000
/* The scan is slow: fewer queries, reported per query. */
#define N_SCAN_POINT     500
#define N_SCAN_RANGE     100

static PeithoTagSet *
make_tag_set (void)
{
  PeithoTagSet *set = peitho_tag_set_new ("bench", "Bench");
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("group", "Group", NULL);

  g_assert_true (peitho_tag_set_add_group (set, group, -1, NULL));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("tag%u", i);
      g_autoptr(PeithoTag) tag = peitho_tag_new (id, id, NULL, NULL, "#888888");

      g_assert_true (peitho_tag_set_add_tag (set, "group", tag, -1, NULL));
    }

  return set;
}

static PeithoDocument *
make_document (GRand *rand)
{
  static const char *words[] = {
    "rhetoric", "persuasion", "ethos", "pathos", "logos", "métaphore", "ἀρετή", "argument",
    "claim", "so", "the", "of",
  };
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  gsize total = 0;

  while (total < TEXT_SIZE)
    {
      g_string_truncate (paragraph, 0);
      while (paragraph->len < 600 + (gsize)g_rand_int_range (rand, 0, 1200))
        {
          g_string_append (paragraph, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (paragraph, ' ');
        }
      g_assert_true (peitho_document_append_paragraph (document, paragraph->str, paragraph->len,
                                                       NULL, NULL));
      total += paragraph->len + 2;
    }

  g_assert_true (peitho_document_set_tag_set (document, set, NULL));

  return g_steal_pointer (&document);
}

static gsize
scan (GPtrArray *all,
      gsize      start,
      gsize      end,
      gboolean   point)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (all, i);
      gsize a_start = peitho_annotation_get_start (annotation);
      gsize a_end = peitho_annotation_get_end (annotation);

      if (point ? (a_start <= start && start < a_end) : (a_start < end && a_end > start))
        g_ptr_array_add (result, g_object_ref (annotation));
    }

  return result->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(PeithoDocument) document = make_document (rand);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all = NULL;
  gsize length = peitho_document_get_length (document);
  gsize found_points = 0, found_ranges = 0, found_scan = 0;
  gint64 t0;
  double insert_s, point_s, range_s, scan_point_s, scan_range_s, offset_s;
  volatile gsize sink = 0;

  /* Annotations in random order, as a reader or a user adds them; lengths
   * from a word to a few paragraphs, so that they overlap (about 25 cover
   * an average character). */
  while (pending->len < N_ANNOTATIONS)
    {
      gsize start = g_rand_int_range (rand, 0, length - 1);
      gsize span = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 3000)
                                                     : g_rand_int_range (rand, 1, 400);
      g_autofree char *tag = g_strdup_printf ("tag%u", g_rand_int_range (rand, 0, 8));

      gsize end = MIN (start + span, length);
      guint paragraph = peitho_document_paragraph_at (document, start);
      gsize p_start, p_length;

      /* Only ranges that the document accepts, so that all are timed. */
      peitho_document_get_paragraph (document, paragraph, &p_start, &p_length, NULL);
      if (start >= p_start + p_length)
        continue;

      g_ptr_array_add (pending, peitho_annotation_new (NULL, start, end, tag, NULL, NULL, NULL));
    }

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < pending->len; i++)
    if (!peitho_document_add_annotation (document, g_ptr_array_index (pending, i), NULL))
      g_error ("annotation %u refused", i);
  insert_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_POINT_QUERIES; i++)
    {
      gsize offset = g_rand_int_range (rand, 0, length);
      g_autoptr(GPtrArray) at = peitho_document_get_annotations_at (document, offset);

      found_points += at->len;
    }
  point_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_RANGE_QUERIES; i++)
    {
      gsize start = g_rand_int_range (rand, 0, length);
      g_autoptr(GPtrArray) in = peitho_document_get_annotations_in_range (document, start,
                                                                          start + 2000);

      found_ranges += in->len;
    }
  range_s = (g_get_monotonic_time () - t0) / 1e6;

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < peitho_document_get_n_annotations (document); i++)
    g_ptr_array_add (all, g_list_model_get_item (peitho_document_get_annotations (document), i));

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_SCAN_POINT; i++)
    found_scan += scan (all, g_rand_int_range (rand, 0, length), 0, TRUE);
  scan_point_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_SCAN_RANGE; i++)
    {
      gsize start = g_rand_int_range (rand, 0, length);

      found_scan += scan (all, start, start + 2000, FALSE);
    }
  scan_range_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_POINT_QUERIES; i++)
    sink += (gsize)peitho_document_offset_to_pointer (document, g_rand_int_range (rand, 0, length));
  offset_s = (g_get_monotonic_time () - t0) / 1e6;
  (void)sink;

  g_print ("text: %" G_GSIZE_FORMAT " characters, %zu bytes, %u paragraphs; %u annotations\n",
           length, strlen (peitho_document_get_text (document)),
           peitho_document_get_n_paragraphs (document),
           peitho_document_get_n_annotations (document));
  g_print ("bulk insert (random order): %8.3f s  (%.2f us per annotation)\n",
           insert_s, insert_s * 1e6 / N_ANNOTATIONS);
  g_print ("point queries, index:  %6u in %8.3f s  %9.2f us/query  (%.1f results/query)\n",
           N_POINT_QUERIES, point_s, point_s * 1e6 / N_POINT_QUERIES,
           (double)found_points / N_POINT_QUERIES);
  g_print ("range queries, index:  %6u in %8.3f s  %9.2f us/query  (%.1f results/query)\n",
           N_RANGE_QUERIES, range_s, range_s * 1e6 / N_RANGE_QUERIES,
           (double)found_ranges / N_RANGE_QUERIES);
  g_print ("point queries, scan:   %6u in %8.3f s  %9.2f us/query\n",
           N_SCAN_POINT, scan_point_s, scan_point_s * 1e6 / N_SCAN_POINT);
  g_print ("range queries, scan:   %6u in %8.3f s  %9.2f us/query\n",
           N_SCAN_RANGE, scan_range_s, scan_range_s * 1e6 / N_SCAN_RANGE);
  g_print ("speed-up of the index: points x%.0f, ranges x%.0f\n",
           (scan_point_s / N_SCAN_POINT) / (point_s / N_POINT_QUERIES),
           (scan_range_s / N_SCAN_RANGE) / (range_s / N_RANGE_QUERIES));
  g_print ("offset_to_pointer:     %6u in %8.3f s  %9.2f us/call\n",
           N_POINT_QUERIES, offset_s, offset_s * 1e6 / N_POINT_QUERIES);
  g_print ("(scan found %" G_GSIZE_FORMAT " in its queries)\n", found_scan);

  return 0;
}
