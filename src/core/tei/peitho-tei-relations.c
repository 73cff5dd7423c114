/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-tei-common.h"
#include "peitho-tei-relations.h"

char *
peitho_tei_relation_name (const char *type)
{
  char *name;

  if (type == NULL || *type == '\0')
    return g_strdup ("related");
  name = g_strdup (type);
  g_strdelimit (name, " \t\n\r", '-');
  return name;
}

char *
peitho_tei_read_relation_type (xmlNode *relation)
{
  char *desc;
  const char *name;

  g_return_val_if_fail (relation != NULL, NULL);

  desc = peitho_tei_collapsed_text (peitho_tei_child (relation, "desc"));
  if (desc != NULL)
    return desc;
  name = peitho_tei_attr (relation, "name");
  if (name == NULL)
    name = peitho_tei_attr (relation, "ref");
  if (name == NULL)
    name = peitho_tei_attr (relation, "type");
  return g_strdup (name != NULL ? name : "related");
}

int
peitho_tei_write_pointer (xmlTextWriter *writer,
                          const char    *name,
                          const char    *id,
                          const char    *suffix)
{
  int rc = 0;

  g_return_val_if_fail (writer != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (id == NULL)
    return 0;
  /* In pieces: no string made per pointer. */
  rc |= xmlTextWriterStartAttribute (writer, (const xmlChar *) name);
  rc |= xmlTextWriterWriteString (writer, (const xmlChar *) "#");
  rc |= xmlTextWriterWriteString (writer, (const xmlChar *) id);
  if (suffix != NULL && *suffix != '\0')
    rc |= xmlTextWriterWriteString (writer, (const xmlChar *) suffix);
  rc |= xmlTextWriterEndAttribute (writer);
  return rc < 0 ? -1 : 0;
}

int
peitho_tei_write_note (xmlTextWriter *writer,
                       const char    *note)
{
  int rc = 0;

  g_return_val_if_fail (writer != NULL, -1);
  g_return_val_if_fail (note != NULL, -1);

  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "note");
  rc |= xmlTextWriterWriteString (writer, (const xmlChar *) note);
  rc |= xmlTextWriterFullEndElement (writer);
  return rc;
}

int
peitho_tei_write_relation (xmlTextWriter  *writer,
                           PeithoRelation *relation)
{
  const char *id;
  const char *type;
  g_autofree char *name = NULL;
  int rc = 0;

  g_return_val_if_fail (writer != NULL, -1);
  g_return_val_if_fail (PEITHO_IS_RELATION (relation), -1);

  id = peitho_relation_get_id (relation);
  type = peitho_relation_get_relation_type (relation);
  name = peitho_tei_relation_name (type);

  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "relation");
  if (id != NULL)
    rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xml:id", (const xmlChar *) id);
  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "name", (const xmlChar *) name);
  rc |= peitho_tei_write_pointer (writer, "active", peitho_relation_get_from_id (relation), "");
  rc |= peitho_tei_write_pointer (writer, "passive", peitho_relation_get_to_id (relation), "");
  rc |= peitho_tei_write_pointer (writer, "resp", peitho_relation_get_annotator_id (relation), "");
  if (type != NULL && *type != '\0' && strcmp (name, type) != 0)
    {
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "desc");
      rc |= xmlTextWriterWriteString (writer, (const xmlChar *) type);
      rc |= xmlTextWriterEndElement (writer);
    }
  rc |= xmlTextWriterEndElement (writer);
  return rc;
}

int
peitho_tei_write_list_relation (xmlTextWriter *writer,
                                GListModel    *relations)
{
  int rc = 0;

  g_return_val_if_fail (writer != NULL, -1);
  g_return_val_if_fail (G_IS_LIST_MODEL (relations), -1);

  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "listRelation");
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);

      rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n      ");
      rc |= peitho_tei_write_relation (writer, relation);
    }
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n    ");
  rc |= xmlTextWriterEndElement (writer);
  return rc;
}
