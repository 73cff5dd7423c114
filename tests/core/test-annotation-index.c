/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <peitho-core.h>

#include "peitho-annotation-index.h"

#define N_ROUNDS    20
#define N_BATCHES   8
#define BATCH_SIZE  500
#define N_QUERIES   60

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return peitho_annotation_compare (*(PeithoAnnotation **)a, *(PeithoAnnotation **)b);
}

static void
assert_same (GPtrArray  *got,
             GPtrArray  *expected,
             const char *what,
             guint32     seed)
{
  if (got->len != expected->len)
    g_error ("%s (seed %u): %u annotations, expected %u", what, seed, got->len, expected->len);

  for (guint i = 0; i < got->len; i++)
    if (g_ptr_array_index (got, i) != g_ptr_array_index (expected, i))
      g_error ("%s (seed %u): item %u is %s, expected %s", what, seed, i,
               peitho_annotation_get_id (g_ptr_array_index (got, i)),
               peitho_annotation_get_id (g_ptr_array_index (expected, i)));
}

/* The reference: a scan of every live annotation, sorted. */
static GPtrArray *
brute_force (GPtrArray *live,
             gsize      start,
             gsize      end,
             gboolean   point)
{
  GPtrArray *result = g_ptr_array_new ();

  /* An empty range overlaps nothing. */
  if (!point && start >= end)
    return result;

  for (guint i = 0; i < live->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (live, i);
      gsize a_start = peitho_annotation_get_start (annotation);
      gsize a_end = peitho_annotation_get_end (annotation);

      if (point ? (a_start <= start && start < a_end) : (a_start < end && a_end > start))
        g_ptr_array_add (result, annotation);
    }

  g_ptr_array_sort (result, compare_annotations);

  return result;
}

static void
run_round (guint32 seed)
{
  g_autoptr(PeithoAnnotationIndex) index = peitho_annotation_index_new ();
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* Text lengths from tiny (dense overlaps, many equal ranges) to large. */
  gsize text_length = 50 + g_rand_int_range (rand, 0, 5000);
  guint next_id = 1;

  for (guint batch = 0; batch < N_BATCHES; batch++)
    {
      for (guint op = 0; op < BATCH_SIZE; op++)
        {
          /* More adds than removes, so the index grows to a few thousand. */
          if (live->len > 0 && g_rand_int_range (rand, 0, 10) < 3)
            {
              guint victim = g_rand_int_range (rand, 0, live->len);
              PeithoAnnotation *annotation = g_ptr_array_index (live, victim);
              guint position = G_MAXUINT;
              guint found = G_MAXUINT;

              g_assert_true (peitho_annotation_index_find (index, annotation, &found));
              g_assert_true (peitho_annotation_index_remove (index, annotation, &position));
              g_assert_cmpuint (position, ==, found);
              g_assert_false (peitho_annotation_index_find (index, annotation, NULL));
              g_ptr_array_remove_index_fast (live, victim);
            }
          else
            {
              gsize start = g_rand_int_range (rand, 0, text_length);
              gsize length = g_rand_boolean (rand)
                             ? g_rand_int_range (rand, 1, 8)
                             : g_rand_int_range (rand, 1, text_length / 2 + 2);
              g_autofree char *id = g_strdup_printf ("a%u", next_id++);
              g_autoptr(PeithoAnnotation) annotation =
                peitho_annotation_new (id, start, MIN (start + length, text_length + 1),
                                       "t", NULL, NULL, NULL);
              guint position = peitho_annotation_index_insert (index, annotation);

              g_assert_true (peitho_annotation_index_get_nth (index, position) == annotation);
              g_ptr_array_add (live, g_object_ref (annotation));
            }
        }

      g_assert_true (peitho_annotation_index_check (index));
      g_assert_cmpuint (peitho_annotation_index_get_size (index), ==, live->len);

      {
        g_autoptr(GPtrArray) all = peitho_annotation_index_dup_all (index);
        g_autoptr(GPtrArray) expected = g_ptr_array_copy (live, NULL, NULL);

        /* The copy would inherit the free function: it holds no references. */
        g_ptr_array_set_free_func (expected, NULL);

        g_ptr_array_sort (expected, compare_annotations);
        assert_same (all, expected, "order", seed);
        for (guint i = 0; i < expected->len; i += 1 + expected->len / 50)
          g_assert_true (peitho_annotation_index_get_nth (index, i) ==
                         g_ptr_array_index (expected, i));
      }

      for (guint q = 0; q < N_QUERIES; q++)
        {
          gsize offset = g_rand_int_range (rand, 0, text_length + 2);
          gsize start = g_rand_int_range (rand, 0, text_length + 2);
          gsize end = start + g_rand_int_range (rand, 0, text_length / 4 + 2);
          g_autoptr(GPtrArray) at = peitho_annotation_index_query_at (index, offset);
          g_autoptr(GPtrArray) at_expected = brute_force (live, offset, offset, TRUE);
          g_autoptr(GPtrArray) in = peitho_annotation_index_query_range (index, start, end);
          g_autoptr(GPtrArray) in_expected = brute_force (live, start, end, FALSE);

          assert_same (at, at_expected, "query_at", seed);
          assert_same (in, in_expected, "query_range", seed);
        }
    }
}

static void
test_random (void)
{
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint32 seed = g_test_rand_int ();

      g_test_message ("round %u, seed %u", round, seed);
      run_round (seed);
    }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  (*n_changes)++;
}

/* Inserts while frozen wait and go into the tree together: in a sorted
 * batch (as a file written in document order), in a shuffled one, and
 * with a read in between that puts the first ones in early. The result
 * must be the same tree as one insert at a time would give. */
static void
test_frozen_batch (void)
{
  for (guint round = 0; round < 3 * N_ROUNDS; round++)
    {
      guint32 seed = g_test_rand_int ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(PeithoAnnotationIndex) index = peitho_annotation_index_new ();
      g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) all = NULL;
      guint n = g_rand_int_range (rand, 0, 3000);
      guint kind = round % 3;
      guint n_before = kind == 2 ? (guint) g_rand_int_range (rand, 0, 50) : 0;
      guint n_changes = 0;

      g_test_message ("round %u (kind %u), seed %u, %u annotations", round, kind, seed, n);

      /* An index that already holds some takes the batch one by one. */
      for (guint i = 0; i < n_before; i++)
        {
          g_autofree char *id = g_strdup_printf ("b%u", i);
          g_autoptr(PeithoAnnotation) annotation =
            peitho_annotation_new (id, i, i + 3, "t", NULL, NULL, NULL);

          peitho_annotation_index_insert (index, annotation);
          g_ptr_array_add (live, g_object_ref (annotation));
        }

      for (guint i = 0; i < n; i++)
        {
          gsize start = kind == 0 ? i * 2 : (gsize) g_rand_int_range (rand, 0, 1000);
          g_autofree char *id = g_strdup_printf ("a%u", i);
          g_autoptr(PeithoAnnotation) annotation =
            peitho_annotation_new (id, start, start + 1 + g_rand_int_range (rand, 0, 40), "t",
                                   NULL, NULL, NULL);

          g_ptr_array_add (live, g_object_ref (annotation));
        }

      g_signal_connect (index, "items-changed", G_CALLBACK (count_changes), &n_changes);
      peitho_annotation_index_freeze_inserts (index);
      for (guint i = n_before; i < live->len; i++)
        {
          g_assert_cmpuint (peitho_annotation_index_insert (index, live->pdata[i]), ==, G_MAXUINT);
          /* A read in the middle of the batch sees everything inserted so far. */
          if (kind == 2 && i == n_before + n / 2)
            g_assert_cmpuint (peitho_annotation_index_get_size (index), ==, i + 1);
        }
      peitho_annotation_index_thaw_inserts (index);

      g_assert_cmpuint (n_changes, ==, live->len > n_before ? 1 : 0);
      g_assert_true (peitho_annotation_index_check (index));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, live->len);
      all = peitho_annotation_index_dup_all (index);
      g_ptr_array_set_free_func (live, NULL);
      g_ptr_array_sort (live, compare_annotations);
      assert_same (all, live, "frozen batch", seed);
      g_ptr_array_set_free_func (live, g_object_unref);
      for (guint q = 0; q < N_QUERIES; q++)
        {
          gsize offset = g_rand_int_range (rand, 0, 1100);
          g_autoptr(GPtrArray) at = peitho_annotation_index_query_at (index, offset);
          g_autoptr(GPtrArray) expected = brute_force (live, offset, offset, TRUE);

          assert_same (at, expected, "query_at after a frozen batch", seed);
        }
    }
}

static void
test_edges (void)
{
  g_autoptr(PeithoAnnotationIndex) index = peitho_annotation_index_new ();
  g_autoptr(PeithoAnnotation) a = peitho_annotation_new ("a1", 0, 5, "t", NULL, NULL, NULL);
  g_autoptr(PeithoAnnotation) b = peitho_annotation_new ("a2", 5, 10, "t", NULL, NULL, NULL);
  g_autoptr(PeithoAnnotation) c = peitho_annotation_new ("a10", 5, 10, "t", NULL, NULL, NULL);
  g_autoptr(PeithoAnnotation) stranger = peitho_annotation_new ("a2", 5, 10, "t", NULL, NULL, NULL);
  g_autoptr(GPtrArray) empty = peitho_annotation_index_query_at (index, 0);
  g_autoptr(GPtrArray) at5 = NULL;
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, 0);

  g_assert_cmpuint (peitho_annotation_index_insert (index, c), ==, 0);
  g_assert_cmpuint (peitho_annotation_index_insert (index, a), ==, 0);
  g_assert_cmpuint (peitho_annotation_index_insert (index, b), ==, 1);

  /* "a2" < "a10" at the same range. */
  g_assert_true (peitho_annotation_index_get_nth (index, 1) == b);
  g_assert_true (peitho_annotation_index_get_nth (index, 2) == c);

  /* [start, end): 5 is in b and c, not in a. */
  at5 = peitho_annotation_index_query_at (index, 5);
  g_assert_cmpuint (at5->len, ==, 2);
  g_assert_true (g_ptr_array_index (at5, 0) == b);
  range = peitho_annotation_index_query_range (index, 4, 6);
  g_assert_cmpuint (range->len, ==, 3);
  none = peitho_annotation_index_query_range (index, 5, 5);
  g_assert_cmpuint (none->len, ==, 0);

  /* Another object with the same key is not in the index. */
  g_assert_false (peitho_annotation_index_find (index, stranger, NULL));
  g_assert_true (peitho_annotation_index_remove (index, b, NULL));
  g_assert_false (peitho_annotation_index_remove (index, b, NULL));
  g_assert_true (peitho_annotation_index_check (index));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-index/edges", test_edges);
  g_test_add_func ("/annotation-index/random", test_random);
  g_test_add_func ("/annotation-index/frozen-batch", test_frozen_batch);

  return g_test_run ();
}
