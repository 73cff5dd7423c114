/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "save-safety-docs.h"

PeithoDocument *
save_safety_document (guint version)
{
  static const char *words[] = {
    "rhetoric", "persuades", "the", "audience", "through", "ethos,", "pathos", "and", "logos;",
    "a", "metaphor", "carries", "meaning", "across", "—", "«quoted»", "naïve", "café", "😀",
  };
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  gsize length;

  peitho_document_set_tag_set (document, tag_set, &error);
  g_assert_no_error (error);
  peitho_document_set_title (document, version == 0 ? "Version A" : "Version B");

  for (guint p = 0; p < 300; p++)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);

      for (guint w = 0; w < 120; w++)
        {
          if (w > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      peitho_document_append_paragraph (document, paragraph->str, -1, NULL, &error);
      g_assert_no_error (error);
    }

  /* B has more annotations and other notes than A. */
  length = peitho_document_get_length (document);
  for (guint i = 0; i < (version == 0 ? 1500u : 1800u); i++)
    {
      gsize start = g_rand_int_range (rand, 0, (gint32) length - 100);
      gsize end = start + g_rand_int_range (rand, 1, 90);
      PeithoTag *tag = g_ptr_array_index (tags, g_rand_int_range (rand, 0, (gint32) tags->len));
      g_autofree char *note = g_strdup_printf ("%s note %u <&>", version == 0 ? "A" : "B", i);
      g_autoptr(PeithoAnnotation) annotation =
        peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag), NULL,
                               i % 3 == 0 ? note : NULL, NULL);

      /* A range that snaps to nothing in a separator is refused; skip it. */
      if (!peitho_document_add_annotation (document, annotation, NULL))
        continue;
    }

  g_rand_free (rand);
  return g_steal_pointer (&document);
}
