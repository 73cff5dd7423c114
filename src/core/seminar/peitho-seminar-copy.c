/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-seminar-copy.h"

PeithoDocument *
_peitho_seminar_copy_text (PeithoDocument *source)
{
  g_autoptr(PeithoDocument) copy = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_copy (peitho_document_get_tag_set (source));
  guint n_paragraphs = peitho_document_get_n_paragraphs (source);
  GPtrArray *changes = peitho_document_get_changes (source);

  g_assert (PEITHO_IS_DOCUMENT (source));

  for (guint i = 0; i < n_paragraphs; i++)
    {
      gsize start, length;
      const char *xml_id;
      const char *text;
      const char *end;

      peitho_document_get_paragraph (source, i, &start, &length, &xml_id);
      text = peitho_document_offset_to_pointer (source, start);
      end = peitho_document_offset_to_pointer (source, start + length);
      /* The source holds the text already, so it cannot fail. Blocks of an
       * edition have no id, and keep their line or paragraph break. */
      if (xml_id == NULL)
        {
          if (!peitho_document_append_block (copy, text, end - text,
                                             peitho_document_get_block_break (source, i), NULL))
            g_assert_not_reached ();
        }
      else if (!peitho_document_append_paragraph (copy, text, end - text, xml_id, NULL))
        g_assert_not_reached ();
    }

  peitho_document_set_title (copy, peitho_document_get_title (source));
  peitho_document_set_author (copy, peitho_document_get_author (source));
  peitho_document_set_date (copy, peitho_document_get_date (source));
  peitho_document_set_source (copy, peitho_document_get_source (source));
  peitho_document_set_header_xml (copy, peitho_document_get_header_xml (source));
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      PeithoChange *change = g_ptr_array_index (changes, i);

      peitho_document_add_change (copy, change->when, change->who, change->text);
    }
  if (!peitho_document_set_tag_set (copy, tag_set, NULL))
    g_assert_not_reached ();

  return g_steal_pointer (&copy);
}

gboolean
_peitho_seminar_copy_annotation (PeithoDocument   *target,
                                 PeithoAnnotation *annotation,
                                 const char       *id,
                                 const char       *annotator_id,
                                 GError          **error)
{
  g_autoptr(PeithoAnnotation) copy = NULL;

  copy = peitho_annotation_new (id,
                                peitho_annotation_get_start (annotation),
                                peitho_annotation_get_end (annotation),
                                peitho_annotation_get_tag_id (annotation),
                                annotator_id,
                                peitho_annotation_get_note (annotation),
                                peitho_annotation_get_created (annotation));
  return peitho_document_add_annotation (target, copy, error);
}

gboolean
_peitho_seminar_copy_relation (PeithoDocument  *target,
                               PeithoRelation  *relation,
                               const char      *id,
                               const char      *from_id,
                               const char      *to_id,
                               const char      *annotator_id,
                               GError         **error)
{
  g_autoptr(PeithoRelation) copy = NULL;

  copy = peitho_relation_new (id, peitho_relation_get_relation_type (relation),
                              from_id, to_id, annotator_id);
  return peitho_document_add_relation (target, copy, error);
}

gboolean
_peitho_seminar_copy_tag (PeithoTagSet  *target_set,
                          PeithoTagSet  *source_set,
                          PeithoTag     *tag,
                          GError       **error)
{
  const char *group_id = peitho_tag_get_group_id (tag);
  g_autoptr(PeithoTag) copy = NULL;

  if (peitho_tag_set_lookup_tag (target_set, peitho_tag_get_id (tag)) != NULL)
    return TRUE;

  if (peitho_tag_set_lookup_group (target_set, group_id) == NULL)
    {
      PeithoTagGroup *source_group = peitho_tag_set_lookup_group (source_set, group_id);
      g_autoptr(PeithoTagGroup) group = NULL;

      group = peitho_tag_group_new (group_id,
                                    source_group ? peitho_tag_group_get_label (source_group)
                                                 : group_id,
                                    source_group ? peitho_tag_group_get_definition (source_group)
                                                 : NULL);
      if (!peitho_tag_set_add_group (target_set, group, -1, error))
        return FALSE;
    }
  copy = peitho_tag_copy (tag);
  return peitho_tag_set_add_tag (target_set, group_id, copy, -1, error);
}
