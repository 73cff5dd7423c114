/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Round trips as properties: random documents written as TEI listAnnotation,
 * WebAnno TSV and brat, read back into a document with the same text and tag
 * set, give the same spans, tags, notes and relations (and annotators: in
 * TEI from the file, in brat and TSV from one file per annotator). Every TEI
 * written is valid against TEI All. The TSV is also read by a small parser
 * of its own here, not the importer's. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interchange-test-util.h"
#include "tei-validate.h"

static const char * const words[] = {
  "speech", "the", "nation", "we", "shall", "not", "fail", "Liberté", "égalité", "naïve",
  "cafe\xcc\x81", "😊", "🇩🇪", "שלום", "东京", "tab\there", "x<y&z", "\"quoted\"", "a|b", "[1]",
  "under_score", "back\\slash", "star*", "semi;colon", "->", "—", "", "carriage\rreturn",
};
static const char * const notes[] = {
  "A note.", "Two\nlines", "tab\tand [brackets] | pipes _ and \\", "ünïcödé 😊", "->*;",
};
static const char * const relation_types[] = {
  "supports", "attacks", "concedes", "restates", "rebuts",
  /* Not one word: TEI's @name cannot hold it (brat gets none of these). */
  "is evidence for",
};
static const char * const names[] = { "Ada Lovelace", "Grace", "Émilie du Châtelet" };

static char *
random_paragraph (void)
{
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (1, 14);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, g_test_rand_int_range (0, 8) == 0 ? "\n" : " ");
      g_string_append (out, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
    }
  if (g_test_rand_bit ())
    g_string_append_c (out, '.');

  return g_string_free (out, FALSE);
}

/* @brat: brat holds notes on one line, and relation types without spaces. */
static PeithoDocument *
random_document (gboolean one_line_notes)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  g_autoptr(GPtrArray) annotators = g_ptr_array_new ();
  guint n_paragraphs = g_test_rand_int_range (1, 7);
  guint n_annotators = g_test_rand_int_range (1, G_N_ELEMENTS (names) + 1);
  guint n_annotations;
  gsize length;

  g_assert_true (peitho_document_set_tag_set (document, tag_set, NULL));
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *paragraph = random_paragraph ();

      g_assert_true (peitho_document_append_paragraph (document, paragraph, -1, NULL, NULL));
    }
  for (guint i = 0; i < n_annotators; i++)
    g_ptr_array_add (annotators, peitho_document_ensure_annotator (document, names[i]));

  length = peitho_document_get_length (document);
  n_annotations = length > 1 ? g_test_rand_int_range (0, 25) : 0;
  for (guint i = 0; i < n_annotations; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = NULL;
      gsize start = g_test_rand_int_range (0, length - 1);
      gsize end = start + g_test_rand_int_range (1, MIN (length - start, 40) + 1);
      PeithoTag *tag = g_ptr_array_index (tags, g_test_rand_int_range (0, tags->len));
      PeithoAnnotator *annotator = g_ptr_array_index (annotators,
                                                      g_test_rand_int_range (0, annotators->len));
      const char *note = g_test_rand_bit () ? notes[g_test_rand_int_range (0, G_N_ELEMENTS (notes))]
                                            : NULL;
      g_autofree char *flat = g_strdup (note);

      if (one_line_notes && flat != NULL)
        g_strdelimit (flat, "\n\t", ' ');
      annotation = peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag),
                                          peitho_annotator_get_id (annotator), flat, NULL);
      /* Ranges that are only a paragraph separator are refused: skip them. */
      peitho_document_add_annotation (document, annotation, NULL);
    }

  /* Relations between annotations of one annotator: brat and TSV hold one
   * annotator's work a file. */
  {
    GListModel *model = peitho_document_get_annotations (document);
    guint n = g_list_model_get_n_items (model);

    for (guint i = 0; n > 1 && i < 8; i++)
      {
        g_autoptr(PeithoAnnotation) from = g_list_model_get_item (model, g_test_rand_int_range (0, n));
        g_autoptr(PeithoAnnotation) to = g_list_model_get_item (model, g_test_rand_int_range (0, n));
        g_autoptr(PeithoRelation) relation = NULL;

        if (from == to || g_strcmp0 (peitho_annotation_get_annotator_id (from),
                                     peitho_annotation_get_annotator_id (to)) != 0)
          continue;
        relation = peitho_relation_new (NULL, relation_types[g_test_rand_int_range (0, G_N_ELEMENTS (relation_types) - (one_line_notes ? 1 : 0))],
                                        peitho_annotation_get_id (from), peitho_annotation_get_id (to),
                                        peitho_annotation_get_annotator_id (from));
        peitho_document_add_relation (document, relation, NULL);
      }
  }

  return g_steal_pointer (&document);
}

/* The same paragraphs and tag set, no annotations. */
static PeithoDocument *
empty_copy (PeithoDocument *document)
{
  g_autoptr(PeithoDocument) copy = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_copy (peitho_document_get_tag_set (document));

  g_assert_true (peitho_document_set_tag_set (copy, tag_set, NULL));
  for (guint i = 0; i < peitho_document_get_n_paragraphs (document); i++)
    {
      g_autofree char *text = NULL;
      gsize start;
      gsize length;

      peitho_document_get_paragraph (document, i, &start, &length, NULL);
      text = peitho_document_dup_slice (document, start, start + length);
      g_assert_true (peitho_document_append_paragraph (copy, text, -1, NULL, NULL));
    }

  return g_steal_pointer (&copy);
}

static char *
annotation_key (PeithoDocument   *document,
                PeithoAnnotation *annotation)
{
  const char *note = peitho_annotation_get_note (annotation);

  return g_strdup_printf ("%lu-%lu %s [%s] %s", (gulong) peitho_annotation_get_start (annotation),
                          (gulong) peitho_annotation_get_end (annotation),
                          peitho_annotation_get_tag_id (annotation),
                          itest_annotator_name (document, annotation),
                          note != NULL && *note != '\0' ? note : "-");
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Everything a round trip keeps, as sorted lines. */
static char *
summary (PeithoDocument *document)
{
  GListModel *annotations = peitho_document_get_annotations (document);
  GListModel *relations = peitho_document_get_relations (document);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

      g_ptr_array_add (lines, annotation_key (document, annotation));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      PeithoAnnotation *from = peitho_document_lookup_annotation (document,
                                                                  peitho_relation_get_from_id (relation));
      PeithoAnnotation *to = peitho_document_lookup_annotation (document,
                                                                peitho_relation_get_to_id (relation));
      g_autofree char *from_key = annotation_key (document, from);
      g_autofree char *to_key = annotation_key (document, to);
      const char *annotator_id = peitho_relation_get_annotator_id (relation);

      g_ptr_array_add (lines, g_strdup_printf ("relation %s (%s) -> (%s) by %s",
                                               peitho_relation_get_relation_type (relation),
                                               from_key, to_key,
                                               annotator_id != NULL
                                               ? peitho_annotator_get_name (peitho_document_lookup_annotator (document, annotator_id))
                                               : "-"));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
import_bytes (PeithoDocument          *target,
              GBytes                  *bytes,
              GBytes                  *text,
              PeithoInterchangeFormat  format,
              const char              *annotator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoImportPlan) plan = NULL;
  PeithoInterchangeFormat detected;

  g_assert_true (peitho_interchange_detect (bytes, "round-trip", &detected, &error));
  g_assert_no_error (error);
  g_assert_cmpint (detected, ==, format);
  set = peitho_interchange_read_bytes (bytes, text, "round-trip", PEITHO_INTERCHANGE_AUTO, &error);
  g_assert_no_error (error);
  plan = itest_import (target, set, annotator);
  if (peitho_import_plan_get_losses (plan)->len > 0)
    g_error ("lost: %s", (const char *) g_ptr_array_index (peitho_import_plan_get_losses (plan), 0));
  g_assert_null (peitho_tag_set_lookup_group (peitho_document_get_tag_set (target),
                                              PEITHO_IMPORTED_GROUP_ID));
}

static void
round_trip (PeithoInterchangeFormat format)
{
  g_autoptr(PeithoDocument) document = random_document (format == PEITHO_INTERCHANGE_BRAT);
  g_autoptr(PeithoDocument) back = empty_copy (document);
  g_autofree char *expected = summary (document);
  g_autofree char *got = NULL;
  GListModel *annotators = peitho_document_get_annotators (document);

  if (format == PEITHO_INTERCHANGE_TEI_ANNOTATION)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = peitho_interchange_export (document, format, NULL, NULL, NULL,
                                                           &error);

      g_assert_no_error (error);
      tei_assert_valid (bytes);
      import_bytes (back, bytes, NULL, format, NULL);
    }
  else
    for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
      {
        g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
        g_autoptr(GPtrArray) losses = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GBytes) text = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;

        bytes = peitho_interchange_export (document, format, peitho_annotator_get_id (annotator),
                                           &text, losses, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (losses->len, ==, 0);
        if (format == PEITHO_INTERCHANGE_BRAT)
          {
            /* Empty bytes may have no data at all. */
            g_autofree char *txt = g_bytes_get_size (text) > 0
                                   ? g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text))
                                   : g_strdup ("");

            g_assert_cmpstr (txt, ==, peitho_document_get_text (document));
          }
        if (g_bytes_get_size (bytes) == 0)
          continue;   /* brat: no annotations of this annotator */
        import_bytes (back, bytes, text, format, peitho_annotator_get_name (annotator));
      }

  got = summary (back);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_round_trip (gconstpointer data)
{
  PeithoInterchangeFormat format = GPOINTER_TO_INT (data);
  guint n = format == PEITHO_INTERCHANGE_TEI_ANNOTATION ? 25 : 150;

  for (guint i = 0; i < n; i++)
    round_trip (format);
}

/* ---------------------------------------------------------------------------
 * WebAnno TSV read by a parser of the test's own: every annotation of the
 * document is on the token lines that cover it, with its UTF-16 offsets,
 * its tag and note unescaped, and each relation on its target's first
 * token pointing at its source's.
 */

typedef struct {
  gsize begin;
  gsize end;
  char *tag;
  char *note;
} ParsedSpan;

static void
parsed_span_free (gpointer data)
{
  ParsedSpan *span = data;

  g_free (span->tag);
  g_free (span->note);
  g_free (span);
}

static char *
tsv_unescape (const char *s,
              gsize       length)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (s[i] == '\\' && i + 1 < length)
        {
          i++;
          g_string_append_c (out, s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i] == 'r' ? '\r' : s[i]);
        }
      else
        g_string_append_c (out, s[i]);
    }

  return g_string_free (out, FALSE);
}

/* "v1[3]|v2[4]" -> ("v1", 3), ("v2", 4); separators are "|" not after "\". */
static GPtrArray *
tsv_values (const char *column)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *start = column;

  if (g_str_equal (column, "_"))
    return values;
  for (const char *p = column; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|' || *p == '\0')
        {
          g_ptr_array_add (values, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  return values;
}

static gsize
utf16_offset (const char *text,
              gsize       chars)
{
  gsize units = 0;
  const char *p = text;

  for (gsize i = 0; i < chars; i++, p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  return units;
}

static void
test_tsv_independent (void)
{
  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(PeithoDocument) document = random_document (FALSE);
      g_autoptr(GBytes) bytes = peitho_interchange_export (document, PEITHO_INTERCHANGE_WEBANNO_TSV,
                                                           NULL, NULL, NULL, NULL);
      g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
      g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           parsed_span_free);
      g_autoptr(GHashTable) first_token = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
      g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_free);
      const char *text = peitho_document_get_text (document);
      GListModel *annotations = peitho_document_get_annotations (document);
      GListModel *document_relations = peitho_document_get_relations (document);

      g_assert_cmpstr (lines[0], ==, "#FORMAT=WebAnno TSV 3.3");
      g_assert_true (g_str_has_prefix (lines[1], "#T_SP=webanno.custom.PeithoAnnotation|Tag|Note"));

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;
          g_autoptr(GPtrArray) tags = NULL;
          g_autoptr(GPtrArray) notes_column = NULL;
          g_autoptr(GPtrArray) types = NULL;
          g_autoptr(GPtrArray) sources = NULL;
          gulong begin;
          gulong end;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", -1);
          /* ID, offsets, token, Tag, Note, Type, BT_, and the empty field after the last tab. */
          g_assert_cmpuint (g_strv_length (fields), ==, 8);
          g_assert_cmpint (sscanf (fields[1], "%lu-%lu", &begin, &end), ==, 2);
          tags = tsv_values (fields[3]);
          notes_column = tsv_values (fields[4]);
          types = tsv_values (fields[5]);
          sources = tsv_values (fields[6]);
          g_assert_cmpuint (tags->len, ==, notes_column->len);
          g_assert_cmpuint (types->len, ==, sources->len);

          for (guint v = 0; v < tags->len; v++)
            {
              const char *value = g_ptr_array_index (tags, v);
              const char *open = strrchr (value, '[');
              guint n = atoi (open + 1);
              ParsedSpan *span = g_hash_table_lookup (spans, GUINT_TO_POINTER (n));

              g_assert_nonnull (open);
              if (span == NULL)
                {
                  const char *note = g_ptr_array_index (notes_column, v);
                  const char *note_open = strrchr (note, '[');

                  span = g_new0 (ParsedSpan, 1);
                  span->begin = begin;
                  span->tag = tsv_unescape (value, open - value);
                  span->note = g_str_has_prefix (note, "*[") ? NULL : tsv_unescape (note, note_open - note);
                  g_hash_table_insert (spans, GUINT_TO_POINTER (n), span);
                  g_hash_table_insert (first_token, GUINT_TO_POINTER (n), g_strdup (fields[0]));
                }
              span->end = end;
            }
          for (guint v = 0; v < sources->len; v++)
            g_ptr_array_add (relations, g_strdup_printf ("%s %s on %s",
                                                         (char *) g_ptr_array_index (types, v),
                                                         (char *) g_ptr_array_index (sources, v),
                                                         fields[0]));
        }

      g_assert_cmpuint (g_hash_table_size (spans), ==, g_list_model_get_n_items (annotations));
      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
          ParsedSpan *span = g_hash_table_lookup (spans, GUINT_TO_POINTER (i + 1));

          g_assert_nonnull (span);
          g_assert_cmpuint (span->begin, ==, utf16_offset (text, peitho_annotation_get_start (annotation)));
          g_assert_cmpuint (span->end, ==, utf16_offset (text, peitho_annotation_get_end (annotation)));
          g_assert_cmpstr (span->tag, ==, peitho_annotation_get_tag_id (annotation));
          g_assert_cmpstr (span->note, ==, peitho_annotation_get_note (annotation));
        }

      g_assert_cmpuint (relations->len, ==, g_list_model_get_n_items (document_relations));
      for (guint i = 0; i < g_list_model_get_n_items (document_relations); i++)
        {
          g_autoptr(PeithoRelation) relation = g_list_model_get_item (document_relations, i);
          guint from = 0;
          guint to = 0;
          g_autofree char *expected = NULL;
          gboolean found = FALSE;

          for (guint a = 0; a < g_list_model_get_n_items (annotations); a++)
            {
              g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, a);

              if (g_str_equal (peitho_annotation_get_id (annotation), peitho_relation_get_from_id (relation)))
                from = a + 1;
              if (g_str_equal (peitho_annotation_get_id (annotation), peitho_relation_get_to_id (relation)))
                to = a + 1;
            }
          expected = g_strdup_printf ("%s %s[%u_%u] on %s", peitho_relation_get_relation_type (relation),
                                      (char *) g_hash_table_lookup (first_token, GUINT_TO_POINTER (from)),
                                      from, to,
                                      (char *) g_hash_table_lookup (first_token, GUINT_TO_POINTER (to)));
          for (guint r = 0; r < relations->len; r++)
            found |= g_str_equal (g_ptr_array_index (relations, r), expected);
          if (!found)
            g_error ("relation “%s” not in the TSV", expected);
        }
    }
}

static void
test_tei_empty (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_set_tag_set (document, tag_set, NULL));
  bytes = peitho_interchange_export (document, PEITHO_INTERCHANGE_TEI_ANNOTATION, NULL, NULL,
                                     NULL, &error);
  g_assert_no_error (error);
  tei_assert_valid (bytes);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/interchange/round-trip/tei-annotation",
                        GINT_TO_POINTER (PEITHO_INTERCHANGE_TEI_ANNOTATION), test_round_trip);
  g_test_add_data_func ("/interchange/round-trip/webanno-tsv",
                        GINT_TO_POINTER (PEITHO_INTERCHANGE_WEBANNO_TSV), test_round_trip);
  g_test_add_data_func ("/interchange/round-trip/brat",
                        GINT_TO_POINTER (PEITHO_INTERCHANGE_BRAT), test_round_trip);
  g_test_add_func ("/interchange/tsv-independent", test_tsv_independent);
  g_test_add_func ("/interchange/tei-empty", test_tei_empty);

  return g_test_run ();
}
