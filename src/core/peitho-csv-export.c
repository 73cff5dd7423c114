/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-csv-export.h"

/* RFC 4180: a field with a comma, a quote, CR or LF is quoted, quotes
 * doubled. Tag and group are ids; the annotator column holds the
 * annotator's name (its id if it has no name). */
static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  if (value != NULL)
    {
      if (strpbrk (value, ",\"\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          for (const char *p = value; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, value);
    }
  g_string_append (out, last ? "\r\n" : ",");
}

GBytes *
peitho_csv_export (PeithoDocument *document)
{
  GListModel *annotations;
  PeithoTagSet *tag_set;
  GString *out;
  guint n;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  annotations = peitho_document_get_annotations (document);
  tag_set = peitho_document_get_tag_set (document);
  n = g_list_model_get_n_items (annotations);
  out = g_string_sized_new (64 + n * 80);
  g_string_append (out, "id,tag,group,start,end,text,annotator,note\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set, peitho_annotation_get_tag_id (annotation));
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
      PeithoAnnotator *annotator = annotator_id != NULL
                                   ? peitho_document_lookup_annotator (document, annotator_id)
                                   : NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                peitho_annotation_get_start (annotation));
      g_autofree char *end = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                              peitho_annotation_get_end (annotation));
      g_autofree char *text = peitho_document_dup_slice (document,
                                                         peitho_annotation_get_start (annotation),
                                                         peitho_annotation_get_end (annotation));

      append_field (out, peitho_annotation_get_id (annotation), FALSE);
      append_field (out, peitho_annotation_get_tag_id (annotation), FALSE);
      append_field (out, tag != NULL ? peitho_tag_get_group_id (tag) : NULL, FALSE);
      append_field (out, start, FALSE);
      append_field (out, end, FALSE);
      append_field (out, text, FALSE);
      append_field (out, annotator != NULL && peitho_annotator_get_name (annotator) != NULL
                         ? peitho_annotator_get_name (annotator) : annotator_id, FALSE);
      append_field (out, peitho_annotation_get_note (annotation), TRUE);
    }

  return g_string_free_to_bytes (out);
}
