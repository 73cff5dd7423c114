/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-tei-cast.h"
#include "peitho-tei-common.h"
#include "peitho-tei-edition.h"
#include "peitho-tei-header.h"

/* Adds @name for each id @node names (its xml:id, the ids of @sameAs and
 * @corresp), unless an earlier source named it. */
static void
add_name (GHashTable *names,
          xmlNode    *node,
          const char *name)
{
  static const char *const pointers[] = { "sameAs", "corresp" };
  const char *xml_id = peitho_tei_attr (node, "xml:id");

  g_assert (names != NULL && node != NULL && name != NULL);

  if (xml_id != NULL && !g_str_equal (xml_id, name) && !g_hash_table_contains (names, xml_id))
    g_hash_table_insert (names, g_strdup (xml_id), g_strdup (name));
  for (guint i = 0; i < G_N_ELEMENTS (pointers); i++)
    {
      const char *value = peitho_tei_attr (node, pointers[i]);
      g_auto(GStrv) tokens = g_strsplit_set (value != NULL ? value : "", " \t\n\r", -1);

      for (guint j = 0; tokens[j] != NULL; j++)
        {
          const char *id = peitho_tei_pointer_id (tokens[j]);

          if (id != NULL && !g_str_equal (id, name) && !g_hash_table_contains (names, id))
            g_hash_table_insert (names, g_strdup (id), g_strdup (name));
        }
    }
}

/* The roles of the castLists under @parent (front, its divs, castGroups). */
static void
read_cast_list (GHashTable *names,
                xmlNode    *parent)
{
  for (xmlNode *node = peitho_tei_first_element (parent); node; node = peitho_tei_next_element (node))
    {
      if (peitho_tei_is (node, "castItem"))
        {
          xmlNode *role = peitho_tei_child (node, "role");
          g_autofree char *name = peitho_tei_person_name (role);

          if (name == NULL)
            continue;
          add_name (names, role, name);
          add_name (names, node, name);
        }
      else if (peitho_tei_is (node, "castList") || peitho_tei_is (node, "castGroup")
               || peitho_tei_is (node, "div") || peitho_tei_is (node, "front")
               || peitho_tei_is (node, "text") || peitho_tei_is (node, "group"))
        read_cast_list (names, node);
    }
}

/* The persons and groups of the listPersons under @parent. */
static void
read_list_person (GHashTable *names,
                  xmlNode    *parent)
{
  for (xmlNode *node = peitho_tei_first_element (parent); node; node = peitho_tei_next_element (node))
    {
      if (peitho_tei_is (node, "person") || peitho_tei_is (node, "personGrp"))
        {
          g_autofree char *name = peitho_tei_person_name (node);

          if (name != NULL)
            add_name (names, node, name);
        }
      if (peitho_tei_is (node, "listPerson") || peitho_tei_is (node, "personGrp")
          || peitho_tei_is (node, "particDesc"))
        read_list_person (names, node);
    }
}

/* Adds the names of the play @tei (a TEI element) that @names lacks. */
static void
read_names (GHashTable *names,
            xmlNode    *tei)
{
  xmlNode *header = peitho_tei_child (tei, "teiHeader");
  xmlNode *profile_desc = peitho_tei_child (header, "profileDesc");

  read_cast_list (names, peitho_tei_child (peitho_tei_child (tei, "text"), "front"));
  read_list_person (names, peitho_tei_child (profile_desc, "particDesc"));
}

const char *
peitho_tei_cast_name (PeithoDocument *document,
                      const char     *id)
{
  PeithoTeiEdition *edition;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  edition = peitho_document_get_source_tree (document);
  if (edition == NULL)
    return NULL;
  if (edition->cast_names == NULL)
    {
      xmlNode *root = xmlDocGetRootElement (edition->doc);

      edition->cast_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (!peitho_tei_is (root, "teiCorpus"))
        read_names (edition->cast_names, root);
      else
        for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
          if (peitho_tei_is (n, "TEI"))
            read_names (edition->cast_names, n);
    }
  return g_hash_table_lookup (edition->cast_names, id);
}
