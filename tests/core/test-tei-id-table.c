/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The TEI reader's table of xml:ids: the first element with an id wins, and
 * every id is found again after the table has grown many times over. */

#include "config.h"

#include "peitho-tei-id-table.h"

#define N_IDS 20000

static void
test_first_wins (void)
{
  g_autoptr(PeithoTeiIdTable) table = peitho_tei_id_table_new (0);
  xmlNode *first = xmlNewNode (NULL, (const xmlChar *) "anchor");
  xmlNode *second = xmlNewNode (NULL, (const xmlChar *) "anchor");
  char id[] = "a1";
  char same[] = "a1";   /* equal, not the same pointer */

  g_assert_null (peitho_tei_id_table_lookup (table, "a1"));
  g_assert_null (peitho_tei_id_table_lookup (table, NULL));
  g_assert_null (peitho_tei_id_table_add (table, id, first));
  g_assert_true (peitho_tei_id_table_add (table, same, second) == first);
  g_assert_true (peitho_tei_id_table_lookup (table, "a1") == first);
  g_assert_null (peitho_tei_id_table_lookup (table, "a"));
  g_assert_null (peitho_tei_id_table_lookup (table, "a10"));
  g_assert_null (peitho_tei_id_table_lookup (table, ""));

  xmlFreeNode (first);
  xmlFreeNode (second);
}

/* From a small table grown many times over, or one made for them all. */
static void
test_finds_all (gconstpointer data)
{
  g_autoptr(PeithoTeiIdTable) table = peitho_tei_id_table_new (GPOINTER_TO_SIZE (data));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeNode);

  for (guint i = 0; i < N_IDS; i++)
    {
      g_ptr_array_add (ids, g_strdup_printf (i % 2 ? "a%u-s" : "p%u", i));
      g_ptr_array_add (nodes, xmlNewNode (NULL, (const xmlChar *) "anchor"));
      g_assert_null (peitho_tei_id_table_add (table, ids->pdata[i], nodes->pdata[i]));
    }

  for (guint i = 0; i < N_IDS; i++)
    {
      g_autofree char *copy = g_strdup (ids->pdata[i]);
      g_autofree char *absent = g_strdup_printf ("%s-x", (char *) ids->pdata[i]);

      g_assert_true (peitho_tei_id_table_lookup (table, copy) == nodes->pdata[i]);
      g_assert_null (peitho_tei_id_table_lookup (table, absent));
    }

  /* Adding any of them again keeps the first. */
  for (guint i = 0; i < N_IDS; i += 97)
    g_assert_true (peitho_tei_id_table_add (table, ids->pdata[i], nodes->pdata[(i + 1) % N_IDS])
                   == nodes->pdata[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tei-id-table/first-wins", test_first_wins);
  g_test_add_data_func ("/tei-id-table/grows", GSIZE_TO_POINTER (1), test_finds_all);
  g_test_add_data_func ("/tei-id-table/made-for-all", GSIZE_TO_POINTER (N_IDS), test_finds_all);

  return g_test_run ();
}
