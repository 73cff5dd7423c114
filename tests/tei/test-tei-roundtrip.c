/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Round trip as a property: random documents written as TEI (both forms),
 * validated against TEI All, read back identical. */

#include "tei-test-util.h"
#include "tei-validate.h"

#define N_DOCUMENTS 150

static void
check_round_trip (PeithoTeiForm form)
{
  guint n_annotations = 0, n_relations = 0;

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autoptr(PeithoDocument) doc = tei_test_random_document ();
      g_autoptr(GBytes) bytes = tei_test_write (doc, form);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(PeithoDocument) back = NULL;
      g_autoptr(GBytes) again = NULL;

      tei_assert_valid (bytes);
      back = tei_test_read (bytes, problems);
      if (problems->len > 0)
        g_error ("reading back gave problems: %s", (char *) problems->pdata[0]);
      tei_test_assert_same (doc, back);

      /* Writing what was read gives the same file. */
      again = tei_test_write (back, form);
      if (!g_bytes_equal (bytes, again))
        {
          g_file_set_contents ("/tmp/rt-a.xml", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
          g_file_set_contents ("/tmp/rt-b.xml", g_bytes_get_data (again, NULL), g_bytes_get_size (again), NULL);
        }
      g_assert_true (g_bytes_equal (bytes, again));

      n_annotations += peitho_document_get_n_annotations (doc);
      n_relations += peitho_document_get_n_relations (doc);
    }

  g_test_message ("%u documents, %u annotations, %u relations round-tripped; "
                  "schema compiled in %.1f s, %u documents validated",
                  N_DOCUMENTS, n_annotations, n_relations, tei_validate_compile_seconds (),
                  tei_validate_count ());
}

static void
test_round_trip_standoff (void)
{
  check_round_trip (PEITHO_TEI_STANDOFF);
}

static void
test_round_trip_inline (void)
{
  check_round_trip (PEITHO_TEI_INLINE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/round-trip/standoff", test_round_trip_standoff);
  g_test_add_func ("/tei/round-trip/inline", test_round_trip_inline);

  return g_test_run ();
}
