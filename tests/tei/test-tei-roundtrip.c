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
                  "schema compiled here in %.1f s (0: by the test run's validator), "
                  "%u documents validated",
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

/* The one comparison of documents sees a change of each kind it names. */
static void
test_comparison_sees_differences (void)
{
  g_autoptr(PeithoDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 5, 1, 10, 0, 0);
  enum { TITLE, AUTHOR, CHANGE, TAG_LABEL, NOTE, N_CHANGES };
  static const char * const expected[N_CHANGES] = {
    "title:", "author:", "number of revisionDesc changes:", "tag ", "annotation 0 (",
  };

  do
    {
      g_clear_object (&doc);
      doc = tei_test_random_document ();
    }
  while (peitho_document_get_n_annotations (doc) == 0);
  bytes = tei_test_write (doc, PEITHO_TEI_STANDOFF);

  for (guint change = 0; change < N_CHANGES; change++)
    {
      g_autoptr(PeithoDocument) copy = tei_test_read (bytes, NULL);
      g_autoptr(PeithoAnnotation) first = g_list_model_get_item (peitho_document_get_annotations (copy), 0);
      char *difference = peitho_test_document_difference (doc, copy);

      g_assert_null (difference);
      switch (change)
        {
        case TITLE:
          peitho_document_set_title (copy, "Another Title");
          break;
        case AUTHOR:
          peitho_document_set_author (copy, "Someone Else");
          break;
        case CHANGE:
          peitho_document_add_change (copy, when, NULL, "One more change");
          break;
        case TAG_LABEL:
          peitho_tag_set_label (peitho_tag_group_get_tag (peitho_tag_set_get_group (peitho_document_get_tag_set (copy), 0), 0),
                                "Another Label");
          break;
        case NOTE:
          peitho_document_set_annotation_note (copy, first, "Another note that no random document has");
          break;
        default:
          g_assert_not_reached ();
        }
      difference = peitho_test_document_difference (doc, copy);
      g_assert_nonnull (difference);
      if (!g_str_has_prefix (difference, expected[change]))
        g_error ("change %u: “%s” does not start with “%s”", change, difference, expected[change]);
      g_free (difference);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei/round-trip/standoff", test_round_trip_standoff);
  g_test_add_func ("/tei/round-trip/inline", test_round_trip_inline);
  g_test_add_func ("/tei/round-trip/comparison-sees-differences", test_comparison_sees_differences);

  return g_test_run ();
}
