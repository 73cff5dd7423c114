/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-brat.h"
#include "peitho-catma.h"
#include "peitho-dkpro-tei.h"
#include "peitho-document-io.h"
#include "peitho-error.h"
#include "peitho-interchange.h"
#include "peitho-tei-annotation.h"
#include "peitho-tei-common.h"
#include "peitho-webanno-tsv.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
has_element (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    if (peitho_tei_is (child, name) || has_element (child, name))
      return TRUE;

  return FALSE;
}

static gboolean
detect_xml (xmlDoc                  *doc,
            const char              *display_name,
            PeithoInterchangeFormat *format,
            GError                 **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !peitho_tei_is (root, "TEI"))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s: XML, but not a TEI document"), display_name);
      return FALSE;
    }
  if (peitho_catma_detect (doc))
    *format = PEITHO_INTERCHANGE_CATMA;
  else if (has_element (root, "listAnnotation") || has_element (root, "annotation"))
    *format = PEITHO_INTERCHANGE_TEI_ANNOTATION;
  else if (peitho_dkpro_tei_detect (doc))
    *format = PEITHO_INTERCHANGE_DKPRO_TEI;
  else
    /* A TEI file without annotations (Peitho's export of an unannotated
     * text): nothing to import, which the plan says. */
    *format = PEITHO_INTERCHANGE_TEI_ANNOTATION;

  return TRUE;
}

static gboolean
looks_like_brat (const char *data,
                 gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end && (*p == '\n' || *p == '\r'))
    p++;
  if (p == end)
    return FALSE;
  if (strchr ("TREAMN#*", *p) == NULL)
    return FALSE;
  p++;
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p < end && *p == '\t';
}

static const char *
skip_bom_and_space (const char *data,
                    gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      *length -= 3;
    }
  while (*length > 0 && g_ascii_isspace (*data))
    {
      data++;
      (*length)--;
    }

  return data;
}

gboolean
peitho_interchange_sniff_plain (const char *data,
                                gsize       size)
{
  const char *start;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (size == 0)
    return FALSE;
  start = skip_bom_and_space (data, &size);
  return (size > 20 && g_str_has_prefix (start, "#FORMAT=WebAnno TSV"))
         || looks_like_brat (start, size);
}

gboolean
peitho_interchange_detect (GBytes                   *bytes,
                           const char               *display_name,
                           PeithoInterchangeFormat  *format,
                           GError                  **error)
{
  gsize length;
  const char *data;
  const char *start;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  start = skip_bom_and_space (data, &length);

  if (length > 20 && g_str_has_prefix (start, "#FORMAT=WebAnno TSV"))
    *format = PEITHO_INTERCHANGE_WEBANNO_TSV;
  else if (length > 0 && *start == '<')
    {
      g_autoptr(xmlDoc) doc = peitho_tei_parse_memory (data, g_bytes_get_size (bytes),
                                                       display_name, error);

      if (doc == NULL || !detect_xml (doc, display_name, format, error))
        return FALSE;
    }
  else if (looks_like_brat (start, length))
    *format = PEITHO_INTERCHANGE_BRAT;
  else
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: not annotations in a form Peitho imports (brat, WebAnno TSV 3, "
                     "TEI listAnnotation, CATMA, DKPro Core TEI)"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

PeithoImportSet *
peitho_interchange_read_bytes (GBytes                   *bytes,
                               GBytes                   *text,
                               const char               *display_name,
                               PeithoInterchangeFormat   format,
                               GError                  **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (format == PEITHO_INTERCHANGE_AUTO
      && !peitho_interchange_detect (bytes, display_name, &format, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  switch (format)
    {
    case PEITHO_INTERCHANGE_BRAT:
      {
        gsize text_length = 0;
        const char *text_data = text != NULL ? g_bytes_get_data (text, &text_length) : NULL;

        return peitho_brat_read (data, length, text_data, text_length, display_name, error);
      }
    case PEITHO_INTERCHANGE_WEBANNO_TSV:
      return peitho_webanno_tsv_read (data, length, display_name, error);
    case PEITHO_INTERCHANGE_TEI_ANNOTATION:
    case PEITHO_INTERCHANGE_CATMA:
    case PEITHO_INTERCHANGE_DKPRO_TEI:
      doc = peitho_tei_parse_memory (data, length, display_name, error);
      if (doc == NULL)
        return NULL;
      if (format == PEITHO_INTERCHANGE_CATMA)
        return peitho_catma_read (doc, display_name, error);
      if (format == PEITHO_INTERCHANGE_DKPRO_TEI)
        return peitho_dkpro_tei_read (doc, display_name, error);
      return peitho_tei_annotation_read (doc, display_name, error);
    case PEITHO_INTERCHANGE_AUTO:
    default:
      g_return_val_if_reached (NULL);
    }
}

static GBytes *
load (GFile         *file,
      const char    *display_name,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display_name);
      return NULL;
    }
  if (length > PEITHO_MAX_FILE_SIZE)
    {
      g_free (contents);
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), display_name);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

PeithoImportSet *
peitho_interchange_read_file (GFile                    *file,
                              PeithoInterchangeFormat   format,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) text = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);
  if (!(bytes = load (file, display_name, cancellable, error)))
    return NULL;

  if (format == PEITHO_INTERCHANGE_AUTO
      && !peitho_interchange_detect (bytes, display_name, &format, error))
    return NULL;

  if (format == PEITHO_INTERCHANGE_BRAT)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *stem = g_str_has_suffix (basename, ".ann")
                              ? g_strndup (basename, strlen (basename) - 4) : g_strdup (basename);
      g_autofree char *text_name = g_strconcat (stem, ".txt", NULL);
      g_autoptr(GFile) text_file = parent != NULL ? g_file_get_child (parent, text_name) : NULL;

      if (text_file != NULL && g_file_query_exists (text_file, cancellable))
        {
          g_autofree char *text_display = g_file_get_parse_name (text_file);

          if (!(text = load (text_file, text_display, cancellable, error)))
            return NULL;
        }
    }

  return peitho_interchange_read_bytes (bytes, text, display_name, format, error);
}

GBytes *
peitho_interchange_export (PeithoDocument           *document,
                           PeithoInterchangeFormat   format,
                           const char               *annotator_id,
                           GBytes                  **text_out,
                           GPtrArray                *losses,
                           GError                  **error)
{
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  switch (format)
    {
    case PEITHO_INTERCHANGE_BRAT:
      return peitho_brat_write (document, annotator_id, text_out, losses);
    case PEITHO_INTERCHANGE_WEBANNO_TSV:
      return peitho_webanno_tsv_write (document, annotator_id, losses);
    case PEITHO_INTERCHANGE_TEI_ANNOTATION:
      return peitho_tei_annotation_write (document, error);
    case PEITHO_INTERCHANGE_AUTO:
    case PEITHO_INTERCHANGE_CATMA:
    case PEITHO_INTERCHANGE_DKPRO_TEI:
    default:
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                   _("Peitho does not write %s"), peitho_interchange_format_to_string (format));
      return NULL;
    }
}
