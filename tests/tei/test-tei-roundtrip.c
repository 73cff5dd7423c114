/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Round trip as a property: random documents written as TEI (both forms),
 * validated against TEI All, read back identical. */

#include "tei-test-util.h"
#include "tei-validate.h"

#define N_DOCUMENTS 150

static void
check_round_trip (PeithoTeiForm form)
{
  guint n_annotations = 0, n_relations = 0, n_with_segs = 0;

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
      peitho_test_assert_same_document (doc, back);

      /* Writing what was read gives the same file. */
      again = tei_test_write (back, form);
      if (!g_bytes_equal (bytes, again))
        {
          g_autofree char *first = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_autofree char *second = g_strndup (g_bytes_get_data (again, NULL), g_bytes_get_size (again));
          g_assert_cmpstr (first, ==, second);
        }

      if (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<seg ") != NULL)
        n_with_segs++;
      n_annotations += peitho_document_get_n_annotations (doc);
      n_relations += peitho_document_get_n_relations (doc);
    }

  /* The inline form really writes seg elements (and only it does). */
  if (form == PEITHO_TEI_INLINE)
    g_assert_cmpuint (n_with_segs, >, N_DOCUMENTS / 2);
  else
    g_assert_cmpuint (n_with_segs, ==, 0);

  g_test_message ("%u documents, %u annotations, %u relations round-tripped (%u with seg); "
                  "schema compiled in %.1f s, %u documents validated",
                  N_DOCUMENTS, n_annotations, n_relations, n_with_segs,
                  tei_validate_compile_seconds (), tei_validate_count ());
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
