/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "interchange-test-util.h"

PeithoDocument *
itest_document_new (const char *text)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  g_assert_true (peitho_document_set_tag_set (document, tag_set, NULL));
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      peitho_document_append_paragraph (document, paragraphs[i], -1, NULL, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&document);
}

char *
itest_data_path (const char *name)
{
  return g_build_filename (g_getenv ("PEITHO_SOURCE_ROOT"), "tests", "data", "interchange", name,
                           NULL);
}

GBytes *
itest_data (const char *name)
{
  g_autofree char *path = itest_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

PeithoImportSet *
itest_read (const char              *name,
            PeithoInterchangeFormat  format)
{
  g_autofree char *path = itest_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeithoImportSet *set;

  set = peitho_interchange_read_file (file, format, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

PeithoImportPlan *
itest_import (PeithoDocument  *document,
              PeithoImportSet *set,
              const char      *annotator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoImportPlan) plan = NULL;

  plan = peitho_import_plan_analyse (document, set, annotator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  peitho_import_plan_apply (plan, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

PeithoAnnotation *
itest_find (PeithoDocument *document,
            const char     *needle,
            const char     *tag_id)
{
  const char *text = peitho_document_get_text (document);
  GListModel *annotations = peitho_document_get_annotations (document);

  for (const char *found = strstr (text, needle); found != NULL; found = strstr (found + 1, needle))
    {
      gsize start = g_utf8_pointer_to_offset (text, found);
      gsize end = start + g_utf8_strlen (needle, -1);

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

          if (peitho_annotation_get_start (annotation) == start
              && peitho_annotation_get_end (annotation) == end
              && (tag_id == NULL || g_str_equal (peitho_annotation_get_tag_id (annotation), tag_id)))
            return annotation;   /* the document holds a reference */
        }
    }

  return NULL;
}

gboolean
itest_has_loss (GPtrArray  *losses,
                const char *part)
{
  for (guint i = 0; i < losses->len; i++)
    if (strstr (g_ptr_array_index (losses, i), part) != NULL)
      return TRUE;

  return FALSE;
}

const char *
itest_annotator_name (PeithoDocument   *document,
                      PeithoAnnotation *annotation)
{
  const char *id = peitho_annotation_get_annotator_id (annotation);
  PeithoAnnotator *annotator = id != NULL ? peitho_document_lookup_annotator (document, id) : NULL;

  return annotator != NULL ? peitho_annotator_get_name (annotator) : NULL;
}
