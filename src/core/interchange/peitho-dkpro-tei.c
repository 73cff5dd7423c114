/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-dkpro-tei.h"
#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-xml-text.h"

typedef struct {
  PeithoImportSet *set;
  PeithoXmlText   *text;
  guint            n_tagged_tokens;
  guint            first_tagged_line;
  guint            n_constituents;
  guint            first_constituent_line;
  guint            n_entities;
} DkproReader;

static gboolean
is_token (xmlNode *node)
{
  return peitho_tei_is (node, "w") || peitho_tei_is (node, "c") || peitho_tei_is (node, "pc");
}

static gboolean
is_entity (xmlNode *node)
{
  static const char * const names[] = { "rs", "name", "persName", "placeName", "orgName" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (peitho_tei_is (node, names[i]))
      return TRUE;

  return FALSE;
}

static gboolean
has_token_in_s (xmlNode *node,
                gboolean in_s)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      if (in_s && is_token (child))
        return TRUE;
      if (has_token_in_s (child, in_s || peitho_tei_is (child, "s")))
        return TRUE;
    }

  return FALSE;
}

gboolean
peitho_dkpro_tei_detect (xmlDoc *doc)
{
  xmlNode *root;
  xmlNode *text;

  g_return_val_if_fail (doc != NULL, FALSE);

  root = xmlDocGetRootElement (doc);
  text = root != NULL ? peitho_tei_child (root, "text") : NULL;

  return text != NULL && has_token_in_s (text, FALSE);
}

static void
walk (DkproReader *self,
      xmlNode     *node)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      gsize start;
      gsize end;

      if (is_token (child))
        {
          if (peitho_tei_attr (child, "type") != NULL || peitho_tei_attr (child, "lemma") != NULL)
            {
              if (self->n_tagged_tokens++ == 0)
                self->first_tagged_line = xmlGetLineNo (child);
            }
        }
      else if (peitho_tei_is (child, "phr"))
        {
          if (self->n_constituents++ == 0)
            self->first_constituent_line = xmlGetLineNo (child);
        }
      else if (is_entity (child) && peitho_xml_text_range (self->text, child, &start, &end))
        {
          const char *type = peitho_tei_attr (child, "type");
          g_autofree char *id = g_strdup_printf ("%s-%u", (const char *) child->name,
                                                 ++self->n_entities);
          PeithoImportSpan *span;

          if (start == end)
            continue;
          span = peitho_import_set_add_span (self->set, peitho_tei_attr (child, "xml:id") != NULL
                                                        ? peitho_tei_attr (child, "xml:id") : id,
                                             start, end,
                                             type != NULL ? type : (const char *) child->name,
                                             xmlGetLineNo (child));
          span->group = g_strdup ((const char *) child->name);
        }
      walk (self, child);
    }
}

PeithoImportSet *
peitho_dkpro_tei_read (xmlDoc      *doc,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoXmlText) text = NULL;
  xmlNode *root;
  xmlNode *text_node;
  DkproReader self = { 0 };

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  text_node = root != NULL ? peitho_tei_child (root, "text") : NULL;
  if (text_node == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s: not a TEI document with a <text>"), display_name);
      return NULL;
    }

  set = peitho_import_set_new (display_name, PEITHO_INTERCHANGE_DKPRO_TEI);
  text = peitho_xml_text_new (text_node);
  self.set = set;
  self.text = text;
  walk (&self, text_node);

  set->text = peitho_xml_text_dup_masked (text);
  set->alt_text = g_strdup (peitho_xml_text_get_text (text));

  if (self.n_tagged_tokens > 0)
    peitho_import_set_lose (set, self.first_tagged_line,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "w/@type, @lemma: the part of speech and lemma of %u "
                                         "token are not representable",
                                         "w/@type, @lemma: the parts of speech and lemmas of %u "
                                         "tokens are not representable",
                                         self.n_tagged_tokens),
                            self.n_tagged_tokens);
  if (self.n_constituents > 0)
    peitho_import_set_lose (set, self.first_constituent_line,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "phr: %u constituent is not representable",
                                         "phr: %u constituents are not representable",
                                         self.n_constituents),
                            self.n_constituents);

  return g_steal_pointer (&set);
}
