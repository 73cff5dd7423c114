/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-tei-edition.h"
#include "peitho-tei-edition-writer.h"
#include "peitho-tei-reader.h"
#include "peitho-tei-readings.h"

/* Peitho's application entry in @header's encodingDesc, or NULL. */
static xmlNode *
find_application (xmlNode *header)
{
  xmlNode *encoding_desc = peitho_tei_child (header, "encodingDesc");

  for (xmlNode *n = peitho_tei_first_element (encoding_desc); n; n = peitho_tei_next_element (n))
    {
      xmlNode *application;

      if (!peitho_tei_is (n, "appInfo") || !peitho_tei_is_peitho_part (n))
        continue;
      application = peitho_tei_child (n, "application");
      if (application != NULL && g_strcmp0 (peitho_tei_attr (application, "ident"),
                                             PEITHO_TEI_APPLICATION) == 0)
        return application;
    }
  return NULL;
}

gboolean
peitho_tei_stored_original_readings (xmlNode *root)
{
  xmlNode *application;

  g_return_val_if_fail (root != NULL, FALSE);

  application = find_application (peitho_tei_child (root, "teiHeader"));
  for (xmlNode *n = peitho_tei_first_element (application); n; n = peitho_tei_next_element (n))
    if (peitho_tei_is (n, "desc") && g_strcmp0 (peitho_tei_attr (n, "type"), "readings") == 0)
      {
        g_autofree char *value = peitho_tei_collapsed_text (n);

        return g_strcmp0 (value, PEITHO_TEI_ORIGINAL_READINGS) == 0;
      }
  return FALSE;
}

static gboolean
is_edited_reading (const xmlNode *node)
{
  return peitho_tei_is (node, "corr") || peitho_tei_is (node, "expan") || peitho_tei_is (node, "reg");
}

static gboolean
is_original_reading (const xmlNode *node)
{
  return peitho_tei_is (node, "sic") || peitho_tei_is (node, "abbr") || peitho_tei_is (node, "orig");
}

xmlNode *
peitho_tei_choice_reading (xmlNode  *choice,
                           gboolean  original)
{
  g_return_val_if_fail (choice != NULL, NULL);

  for (xmlNode *c = peitho_tei_first_element (choice); c; c = peitho_tei_next_element (c))
    if (original ? is_original_reading (c) : is_edited_reading (c))
      return c;
  return peitho_tei_first_element (choice);
}

/* Whether a choice under @node shows another reading with the other
 * setting. Iterative: an edition's tree may be deeper than the stack. */
static gboolean
has_switchable_choice (xmlNode *node)
{
  xmlNode *n = node->children;

  while (n != NULL && n != node)
    {
      if (n->type == XML_ELEMENT_NODE && peitho_tei_is (n, "choice")
          && peitho_tei_choice_reading (n, FALSE) != peitho_tei_choice_reading (n, TRUE))
        return TRUE;
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != node && n->next == NULL)
        n = n->parent;
      if (n != node)
        n = n->next;
    }
  return FALSE;
}

gboolean
peitho_tei_has_other_readings (PeithoDocument *document)
{
  PeithoTeiEdition *edition;
  xmlNode *root;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);

  edition = peitho_document_get_source_tree (document);
  if (edition == NULL || (root = xmlDocGetRootElement (edition->doc)) == NULL)
    return FALSE;
  /* The text, not the header (a choice in a title is not read). */
  for (xmlNode *n = peitho_tei_first_element (root); n; n = peitho_tei_next_element (n))
    if (!peitho_tei_is (n, "teiHeader") && has_switchable_choice (n))
      return TRUE;
  return FALSE;
}

gboolean
peitho_tei_shows_original_readings (PeithoDocument *document)
{
  PeithoTeiEdition *edition;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);

  edition = peitho_document_get_source_tree (document);
  return edition != NULL && edition->original_readings;
}

PeithoDocument *
peitho_tei_switch_readings (PeithoDocument  *document,
                            gboolean         original,
                            const char      *display_name,
                            GPtrArray       *problems,
                            GError         **error)
{
  PeithoTeiReadOptions options = PEITHO_TEI_READ_OPTIONS_INIT;
  PeithoTeiEdition *edition;
  g_autoptr(GBytes) bytes = NULL;
  gboolean shown;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  edition = peitho_document_get_source_tree (document);
  if (edition == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s: not a TEI edition; it has no other readings to show"), display_name);
      return NULL;
    }

  /* The saved copy says which readings to show; the edition read stays as
   * it was. */
  shown = edition->original_readings;
  edition->original_readings = original != FALSE;
  bytes = peitho_tei_write_edition (document, edition, error);
  edition->original_readings = shown;
  if (bytes == NULL)
    return NULL;

  options.default_tag_set = peitho_document_get_tag_set (document);
  options.corpus_member = edition->corpus_member;
  return peitho_tei_read_bytes_with_options (bytes, display_name, &options, problems, error);
}
