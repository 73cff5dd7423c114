/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the sample files of tests/data/interchange (brat, INCEpTION's
 * WebAnno TSV, Recogito, CATMA, DKPro Core): what becomes an annotation, a
 * relation, a tag, and what is listed as not representable. Then the tag
 * mapping (ids, labels, German and French), texts that differ, detection,
 * and hostile XML. */

#include <string.h>

#include "interchange-test-util.h"
#include "peitho-text-alignment.h"

static PeithoDocument *
document_for_text_file (const char *name)
{
  g_autoptr(GBytes) bytes = itest_data (name);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return itest_document_new (g_strchomp (text));
}

/* The text of a TSV file: its #Text= lines, one sentence a paragraph. */
static PeithoDocument *
document_for_tsv (const char *name)
{
  g_autoptr(GBytes) bytes = itest_data (name);
  g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "#Text="))
      {
        g_autofree char *line = g_strdup (lines[i] + 6);
        char *tab;

        while ((tab = strstr (line, "\\t")) != NULL)
          memmove (tab, "\t", 1), memmove (tab + 1, tab + 2, strlen (tab + 2) + 1);
        if (text->len > 0)
          g_string_append (text, "\n\n");
        g_string_append (text, line);
      }

  return itest_document_new (text->str);
}

static void
test_brat_news (void)
{
  g_autoptr(PeithoDocument) document = document_for_text_file ("brat/news-notes.txt");
  g_autoptr(PeithoImportSet) set = itest_read ("brat/news-notes.ann", PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = NULL;
  PeithoTagGroup *group;
  PeithoAnnotation *discworld;
  GPtrArray *losses;

  g_assert_cmpint (set->format, ==, PEITHO_INTERCHANGE_BRAT);
  plan = itest_import (document, set, "Pontus");
  losses = peitho_import_plan_get_losses (plan);

  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 14);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "Family"), ==, 2);

  /* New tags in the "Imported" group. */
  group = peitho_tag_set_lookup_group (peitho_document_get_tag_set (document),
                                       PEITHO_IMPORTED_GROUP_ID);
  g_assert_nonnull (group);
  g_assert_cmpuint (peitho_tag_group_get_n_tags (group), ==, 4);
  g_assert_cmpuint (peitho_document_count_tag (document, "organization"), ==, 6);

  discworld = itest_find (document, "Discworld", "gpe");
  g_assert_nonnull (discworld);
  g_assert_cmpstr (peitho_annotation_get_note (discworld), ==,
                   "Should fictional places be annotated?");
  g_assert_cmpstr (itest_annotator_name (document, discworld), ==, "Pontus");

  /* Events and the notes on them and on a relation, each named with its line. */
  g_assert_cmpuint (losses->len, ==, 4);
  g_assert_true (itest_has_loss (losses, "news-notes.ann:7: event E1"));
  g_assert_true (itest_has_loss (losses, "news-notes.ann:8: note #2 on E1"));
  g_assert_true (itest_has_loss (losses, "news-notes.ann:12: note #3 on R1"));
  g_assert_true (itest_has_loss (losses, "news-notes.ann:18: event E2"));
}

static void
test_brat_discontinuous (void)
{
  g_autoptr(PeithoDocument) document = document_for_text_file ("brat/discontinuous.txt");
  g_autoptr(PeithoImportSet) set = itest_read ("brat/discontinuous.ann", PEITHO_INTERCHANGE_BRAT);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, NULL);
  g_autofree char *description = peitho_import_plan_describe (plan);
  PeithoAnnotation *fail = itest_find (document, "We shall not fail", "anaphora");
  PeithoAnnotation *falter = itest_find (document, "falter", "anaphora");
  PeithoAnnotation *claim = itest_find (document, "we will finish the job", "claim");
  PeithoAnnotation *evidence = itest_find (document, "Give us the tools", "evidence");
  g_autoptr(GPtrArray) relations = NULL;
  gboolean continues = FALSE;
  gboolean supports = FALSE;

  /* Labels of the built-in tags map onto them: nothing new. */
  g_assert_null (peitho_tag_set_lookup_group (peitho_document_get_tag_set (document),
                                              PEITHO_IMPORTED_GROUP_ID));
  g_assert_nonnull (fail);
  g_assert_nonnull (falter);
  g_assert_nonnull (evidence);
  g_assert_nonnull (claim);
  g_assert_cmpstr (peitho_annotation_get_note (claim), ==, "Churchill, 9 February 1941");
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 6);
  /* Two "continues" joining the fragments, the equivalence, "supports". */
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 4);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "continues"), ==, 2);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "Parallel"), ==, 1);

  relations = peitho_document_get_relations_for (document, peitho_annotation_get_id (falter));
  for (guint i = 0; i < relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (relations, i);

      if (g_str_equal (peitho_relation_get_relation_type (relation), "continues"))
        continues = g_str_equal (peitho_relation_get_from_id (relation), peitho_annotation_get_id (fail))
                    && g_str_equal (peitho_relation_get_to_id (relation), peitho_annotation_get_id (falter));
    }
  g_assert_true (continues);
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = peitho_document_get_relations_for (document, peitho_annotation_get_id (claim));
  for (guint i = 0; i < relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (relations, i);

      supports |= g_str_equal (peitho_relation_get_relation_type (relation), "supports")
                  && g_str_equal (peitho_relation_get_from_id (relation),
                                  peitho_annotation_get_id (evidence));
    }
  g_assert_true (supports);

  g_assert_nonnull (strstr (description, "2 discontinuous annotations"));
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (plan), ":8: attribute A1"));
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (plan), ":9: normalization N1"));
}

static void
test_tsv_relation (void)
{
  g_autoptr(PeithoDocument) document = document_for_tsv ("webanno-tsv/testDependencyWithValues.tsv");
  g_autoptr(PeithoImportSet) set = itest_read ("webanno-tsv/testDependencyWithValues.tsv",
                                               PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(PeithoRelation) relation = NULL;
  PeithoAnnotation *governor;
  PeithoAnnotation *dependent;

  g_assert_cmpint (set->format, ==, PEITHO_INTERCHANGE_WEBANNO_TSV);
  plan = itest_import (document, set, NULL);
  governor = itest_find (document, "This", "pos1");
  dependent = itest_find (document, "is", "pos2");
  g_assert_nonnull (governor);
  g_assert_nonnull (dependent);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  relation = g_list_model_get_item (peitho_document_get_relations (document), 0);
  /* The relation column holds the governor (BT_) on the dependent's line;
   * the layer's name is the type when DependencyType is "*". */
  g_assert_cmpstr (peitho_relation_get_from_id (relation), ==, peitho_annotation_get_id (governor));
  g_assert_cmpstr (peitho_relation_get_to_id (relation), ==, peitho_annotation_get_id (dependent));
  g_assert_cmpstr (peitho_relation_get_relation_type (relation), ==, "Dependency");
}

static void
test_tsv_stacked (void)
{
  g_autoptr(PeithoDocument) document =
    document_for_tsv ("webanno-tsv/testTokenBoundedStackedSpanWithFeatureValue.tsv");
  g_autoptr(PeithoImportSet) set =
    itest_read ("webanno-tsv/testTokenBoundedStackedSpanWithFeatureValue.tsv",
                PEITHO_INTERCHANGE_WEBANNO_TSV);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, "Richard");

  /* NE[1]|NE[2] on each of five tokens: two annotations a token. */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 10);
  g_assert_cmpuint (peitho_document_count_tag (document, "ne"), ==, 10);
  g_assert_cmpuint (peitho_document_count_annotator (document, "ann-richard"), ==, 10);
  g_assert_cmpuint (peitho_import_plan_get_losses (plan)->len, ==, 0);
}

static void
test_tsv_sub_tokens (void)
{
  g_autoptr(PeithoDocument) document =
    document_for_tsv ("webanno-tsv/testStackedSubMultiTokenSpanWithFeatureValue.tsv");
  g_autoptr(PeithoImportSet) set =
    itest_read ("webanno-tsv/testStackedSubMultiTokenSpanWithFeatureValue.tsv",
                PEITHO_INTERCHANGE_WEBANNO_TSV);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, NULL);

  /* 1-1.1 "aaa" (3-6) starts 9a[7], which goes on to 1-3.1 "ccc" (14-17). */
  g_assert_nonnull (itest_find (document, "aaa bbbbbb ccc", "t-9a"));
  g_assert_nonnull (itest_find (document, "b", "t-3a"));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 18);
  /* Six zero-width annotations (1-2.2, 1-2.5, 1-2.6). */
  g_assert_cmpuint (peitho_import_plan_get_losses (plan)->len, ==, 6);
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (plan),
                                 ":10: zero-width annotation webanno.custom.Span[15] (11a)"));
}

static void
test_tsv_emoji (void)
{
  g_autoptr(PeithoDocument) document = document_for_tsv ("webanno-tsv/testSentenceWithEmoji.tsv");
  g_autoptr(PeithoImportSet) set = itest_read ("webanno-tsv/testSentenceWithEmoji.tsv",
                                               PEITHO_INTERCHANGE_WEBANNO_TSV);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, NULL);

  /* INCEpTION counts UTF-16 units: 10-12 is the one emoji, character 10. */
  g_assert_nonnull (itest_find (document, "😊", "span"));
}

static void
test_tsv_not_representable (void)
{
  g_autoptr(PeithoDocument) slot_document = document_for_tsv ("webanno-tsv/testSimpleSlotFeature.tsv");
  g_autoptr(PeithoDocument) chain_document = document_for_tsv ("webanno-tsv/testSimpleChain.tsv");
  g_autoptr(PeithoImportSet) slot = itest_read ("webanno-tsv/testSimpleSlotFeature.tsv",
                                                PEITHO_INTERCHANGE_WEBANNO_TSV);
  g_autoptr(PeithoImportSet) chain = itest_read ("webanno-tsv/testSimpleChain.tsv",
                                                 PEITHO_INTERCHANGE_WEBANNO_TSV);
  g_autoptr(PeithoImportPlan) slot_plan = itest_import (slot_document, slot, NULL);
  g_autoptr(PeithoImportPlan) chain_plan = itest_import (chain_document, chain, NULL);

  /* The host of the slots is kept, its links are not. */
  g_assert_nonnull (itest_find (slot_document, "This", "simplelinkhost"));
  g_assert_cmpuint (peitho_document_get_n_annotations (slot_document), ==, 3);
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (slot_plan),
                                 "testSimpleSlotFeature.tsv:7: column 5, slot feature"));
  g_assert_cmpuint (peitho_document_get_n_annotations (chain_document), ==, 0);
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (chain_plan),
                                 "testSimpleChain.tsv:6: column 4, chain layer"));
}

static PeithoDocument *
document_for_tei (const char *name)
{
  g_autoptr(GBytes) bytes = itest_data (name);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document;

  document = peitho_tei_read_bytes (bytes, name, PEITHO_READ_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_recogito_header_targets (void)
{
  g_autoptr(PeithoDocument) document = document_for_tei ("recogito/buonaparte.tei.xml");
  g_autoptr(PeithoImportSet) set = itest_read ("recogito/buonaparte.tei.xml",
                                               PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = NULL;
  GPtrArray *losses;

  g_assert_cmpint (set->format, ==, PEITHO_INTERCHANGE_TEI_ANNOTATION);
  plan = itest_import (document, set, NULL);
  losses = peitho_import_plan_get_losses (plan);

  /* All four annotate the teiHeader: each named, none dropped silently. */
  g_assert_cmpuint (peitho_import_plan_get_n_annotations (plan), ==, 0);
  g_assert_cmpuint (losses->len, ==, 4);
  g_assert_true (itest_has_loss (losses, "annotation uid-ad2e62ab-64d8-43b1-9331-271e5390b9d6 "
                                         "points outside the text"));
}

static void
test_recogito_body (void)
{
  g_autoptr(PeithoDocument) document = document_for_tei ("recogito/paradise-lost-book1-start.tei.xml");
  g_autoptr(PeithoImportSet) set = itest_read ("recogito/paradise-lost-book1-start.tei.xml",
                                               PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, NULL);
  PeithoAnnotation *annotation;

  /* "//text[@xml:id='text-1']/body[1]/div[1]/p[4]/hi[1]::5 ...::15" */
  annotation = itest_find (document, "first Book", NULL);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (peitho_annotation_get_note (annotation), ==, "Author");
  g_assert_cmpstr (itest_annotator_name (document, annotation), ==, "aboutgeo");
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (plan), "revisionDesc"));
}

static void
test_recogito_pointers (void)
{
  g_autoptr(PeithoDocument) document =
    itest_document_new ("Four score and seven years ago our fathers brought forth on this "
                        "continent, a new nation, conceived in Liberty, and dedicated to the "
                        "proposition that all men are created equal.\n\n"
                        "Now we are engaged in a great civil war.");
  g_autoptr(PeithoImportSet) set = itest_read ("recogito/gettysburg-annotations.tei.xml",
                                               PEITHO_INTERCHANGE_TEI_ANNOTATION);
  g_autoptr(PeithoImportPlan) plan = itest_import (document, set, NULL);
  g_autoptr(PeithoRelation) relation = NULL;
  PeithoAnnotation *brought = itest_find (document, "brought forth", "metaphor");
  PeithoAnnotation *nation = itest_find (document, "new nation", "metaphor");
  PeithoAnnotation *equal = itest_find (document, "all men are created equal", "claim");

  /* XPATH::offset over an indented paragraph, string-range(), #id. */
  g_assert_nonnull (brought);
  g_assert_cmpstr (peitho_annotation_get_note (brought), ==, "birth of a nation");
  g_assert_cmpstr (itest_annotator_name (document, brought), ==, "Ada");
  g_assert_nonnull (nation);
  g_assert_nonnull (equal);
  g_assert_cmpstr (itest_annotator_name (document, equal), ==, "Grace");
  g_assert_nonnull (itest_find (document, "Now we are engaged in a great civil war.", NULL));

  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  relation = g_list_model_get_item (peitho_document_get_relations (document), 0);
  g_assert_cmpstr (peitho_relation_get_relation_type (relation), ==, "supports");
  g_assert_cmpstr (peitho_relation_get_from_id (relation), ==, peitho_annotation_get_id (nation));
  g_assert_cmpstr (peitho_relation_get_to_id (relation), ==, peitho_annotation_get_id (equal));
}

#define CATMA_TEXT "Four score and seven years ago our fathers brought forth on this continent, " \
                   "a new nation, conceived in Liberty, and dedicated to the proposition that all " \
                   "men are created equal."

static void
check_catma (const char *name)
{
  g_autoptr(PeithoDocument) document = itest_document_new (CATMA_TEXT);
  g_autoptr(PeithoImportSet) set = itest_read (name, PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = NULL;
  PeithoAnnotation *annotation;
  PeithoTag *figures;

  g_assert_cmpint (set->format, ==, PEITHO_INTERCHANGE_CATMA);
  plan = itest_import (document, set, NULL);

  /* Six annotations by their tags' names, not their ids. */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 6);
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 2);
  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 2);
  g_assert_cmpuint (peitho_document_count_tag (document, "anaphora"), ==, 1);

  /* Properties as notes, the author feature as annotator. */
  annotation = itest_find (document, "brought forth", "metaphor");
  g_assert_nonnull (annotation);
  g_assert_cmpstr (peitho_annotation_get_note (annotation), ==, "certainty: high");
  g_assert_cmpstr (itest_annotator_name (document, annotation), ==, "Ada");
  annotation = itest_find (document, "conceived in Liberty", "anaphora");
  g_assert_cmpstr (peitho_annotation_get_note (annotation), ==, "comment: not really anaphora");
  g_assert_cmpstr (itest_annotator_name (document, annotation), ==, "Grace");

  /* A tag Peitho lacks, with its place in CATMA's hierarchy. */
  figures = peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), "figures");
  g_assert_nonnull (figures);
  g_assert_cmpstr (peitho_tag_get_group_id (figures), ==, PEITHO_IMPORTED_GROUP_ID);
  g_assert_nonnull (strstr (peitho_tag_get_definition (figures), "Rhetoric: /Figures"));
  g_assert_nonnull (itest_find (document, "Four score and seven years ago", "figures"));
}

static void
test_catma_standoff (void)
{
  check_catma ("catma/collection-standoff.xml");
}

static void
test_catma_inline (void)
{
  check_catma ("catma/collection-inline.xml");
}

static void
test_catma_utf16 (void)
{
  /* CATMA counts UTF-16 units: with an emoji before it, "equal" is at 8
   * characters but 9 units. */
  g_autoptr(PeithoDocument) document = itest_document_new ("😊 all equal");
  g_autoptr(PeithoImportSet) set = peitho_import_set_new ("t.xml", PEITHO_INTERCHANGE_CATMA);
  g_autoptr(PeithoImportPlan) plan = NULL;

  set->source_length = 12;
  peitho_import_set_add_span (set, "x", 7, 12, "Claim", 1);
  plan = itest_import (document, set, NULL);
  g_assert_nonnull (itest_find (document, "equal", "claim"));
}

static void
test_dkpro (void)
{
  g_autoptr(PeithoDocument) document = itest_document_new (CATMA_TEXT);
  g_autoptr(PeithoDocument) reference = document_for_tei ("dkpro/input-ref.xml");
  g_autoptr(PeithoImportSet) set = itest_read ("dkpro/gettysburg-ner.xml", PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportSet) tokens_only = itest_read ("dkpro/input-ref.xml",
                                                       PEITHO_INTERCHANGE_AUTO);
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(PeithoImportPlan) tokens_plan = NULL;

  g_assert_cmpint (set->format, ==, PEITHO_INTERCHANGE_DKPRO_TEI);
  g_assert_cmpint (tokens_only->format, ==, PEITHO_INTERCHANGE_DKPRO_TEI);
  plan = itest_import (document, set, NULL);
  g_assert_nonnull (itest_find (document, "Liberty", "misc"));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 1);
  g_assert_true (itest_has_loss (peitho_import_plan_get_losses (plan),
                                 "gettysburg-ner.xml:1: w/@type, @lemma: the parts of speech and "
                                 "lemmas of 34 tokens"));

  /* Tokens one per line in the file; the same text whatever the reader
   * makes of the whitespace. */
  tokens_plan = itest_import (reference, tokens_only, NULL);
  g_assert_cmpuint (peitho_import_plan_get_n_annotations (tokens_plan), ==, 0);
}

static void
test_mapping (void)
{
  g_autoptr(PeithoDocument) document =
    itest_document_new ("one two three four five six seven eight nine ten");
  g_autoptr(PeithoImportSet) set = peitho_import_set_new ("m.ann", PEITHO_INTERCHANGE_BRAT);
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GPtrArray *mappings;
  static const struct {
    const char *label;
    const char *tag_id;
  } cases[] = {
    { "Métaphore", "metaphor" },              /* French */
    { "Rhetorische Frage", "rhetorical-question" },  /* German */
    { "rhetorical_question", "rhetorical-question" },
    { "QUESTION RHÉTORIQUE", "rhetorical-question" },
    { "These", "claim" },                     /* German label of Claim */
    { "claim", "claim" },
    { "Hyperbaton", "hyperbaton" },           /* new */
    { "hyperbaton", "hyperbaton" },           /* the same new tag */
    { "a1", "a1" },                           /* annotations get other ids */
  };

  set->text = g_strdup (peitho_document_get_text (document));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    peitho_import_set_add_span (set, NULL, i * 4, i * 4 + 3, cases[i].label, i + 1);

  plan = peitho_import_plan_analyse (document, set, NULL, &error);
  g_assert_no_error (error);
  mappings = peitho_import_plan_get_mappings (plan);
  description = peitho_import_plan_describe (plan);
  g_assert_nonnull (strstr (description, "“Métaphore” → tag “Metaphor” (metaphor): 1 annotation"));
  g_assert_nonnull (strstr (description,
                            "“Hyperbaton” → new tag “Hyperbaton” (hyperbaton) in “Imported”: "
                            "2 annotations"));

  /* Nothing changes before apply(). */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);
  g_assert_null (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), "hyperbaton"));

  peitho_import_plan_apply (plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) at = peitho_document_get_annotations_at (document, i * 4);

      g_assert_cmpuint (at->len, ==, 1);
      g_assert_cmpstr (peitho_annotation_get_tag_id (g_ptr_array_index (at, 0)), ==,
                       cases[i].tag_id);
    }
  g_assert_cmpuint (mappings->len, ==, 8);
  g_assert_cmpstr (peitho_tag_get_group_id (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document),
                                                                       "hyperbaton")),
                   ==, PEITHO_IMPORTED_GROUP_ID);
}

static void
test_other_text (void)
{
  g_autoptr(PeithoDocument) document = itest_document_new ("Government of the people.");
  g_autoptr(PeithoImportSet) set = itest_read ("brat/discontinuous.ann", PEITHO_INTERCHANGE_BRAT);
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = peitho_import_plan_analyse (document, set, NULL, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_assert_null (plan);
  g_assert_nonnull (strstr (error->message, "discontinuous.ann:1: the text differs from the "
                                            "document’s at character 0: “We shall not fail or"));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);
}

static void
test_whitespace_alignment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTextAlignment) alignment =
    peitho_text_alignment_new ("  a  b\n\tc ", "a b\n\nc", "x", &error);
  gsize start;
  gsize end;

  g_assert_no_error (error);
  g_assert_false (peitho_text_alignment_is_identity (alignment));
  /* "a  b" (2-6) -> "a b" (0-3); " b\n\tc " (4-10) -> "b\n\nc" (2-6): the
   * whitespace runs match from their left edge, what goes beyond is cut. */
  g_assert_true (peitho_text_alignment_map (alignment, 2, 6, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 3);
  g_assert_true (peitho_text_alignment_map (alignment, 4, 10, &start, &end));
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 6);
  /* "\n\t" -> "\n\n": runs of the same length map exactly. */
  g_assert_true (peitho_text_alignment_map (alignment, 6, 8, &start, &end));
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 5);
  /* The leading "  " has no counterpart. */
  g_assert_false (peitho_text_alignment_map (alignment, 0, 2, &start, &end));
  g_assert_false (peitho_text_alignment_map (alignment, 8, 20, &start, &end));
}

static void
test_detect (void)
{
  static const struct {
    const char              *name;
    PeithoInterchangeFormat  format;
  } cases[] = {
    { "brat/news-notes.ann", PEITHO_INTERCHANGE_BRAT },
    { "webanno-tsv/testSimpleChain.tsv", PEITHO_INTERCHANGE_WEBANNO_TSV },
    { "recogito/buonaparte.tei.xml", PEITHO_INTERCHANGE_TEI_ANNOTATION },
    { "catma/collection-standoff.xml", PEITHO_INTERCHANGE_CATMA },
    { "catma/collection-inline.xml", PEITHO_INTERCHANGE_CATMA },
    { "dkpro/input-ref.xml", PEITHO_INTERCHANGE_DKPRO_TEI },
  };
  g_autoptr(GBytes) plain = g_bytes_new_static ("Just a text.\n", 13);
  g_autoptr(GError) error = NULL;
  PeithoInterchangeFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = itest_data (cases[i].name);

      g_assert_true (peitho_interchange_detect (bytes, cases[i].name, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, cases[i].format);
    }

  g_assert_false (peitho_interchange_detect (plain, "plain.txt", &format, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
}

static void
test_hostile_xml (void)
{
  static const char bomb[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE TEI [<!ENTITY a \"aaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&b;</p></body></text>"
    "<standOff><listAnnotation><annotation xml:id=\"x\" target=\"#p\"/></listAnnotation>"
    "</standOff></TEI>\n";
  static const char external[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE TEI SYSTEM \"http://example.invalid/tei.dtd\">\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body></text></TEI>\n";
  g_autoptr(GBytes) bomb_bytes = g_bytes_new_static (bomb, sizeof bomb - 1);
  g_autoptr(GBytes) external_bytes = g_bytes_new_static (external, sizeof external - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoImportSet) set = NULL;

  set = peitho_interchange_read_bytes (bomb_bytes, NULL, "bomb.xml",
                                       PEITHO_INTERCHANGE_TEI_ANNOTATION, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_MALFORMED);
  g_assert_null (set);
  g_clear_error (&error);

  /* The DTD is not fetched (no network); the file has nothing to import. */
  set = peitho_interchange_read_bytes (external_bytes, NULL, "external.xml",
                                       PEITHO_INTERCHANGE_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpuint (set->spans->len, ==, 0);
  g_assert_cmpstr (set->text, ==, "x");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interchange/brat/news", test_brat_news);
  g_test_add_func ("/interchange/brat/discontinuous", test_brat_discontinuous);
  g_test_add_func ("/interchange/tsv/relation", test_tsv_relation);
  g_test_add_func ("/interchange/tsv/stacked", test_tsv_stacked);
  g_test_add_func ("/interchange/tsv/sub-tokens", test_tsv_sub_tokens);
  g_test_add_func ("/interchange/tsv/emoji", test_tsv_emoji);
  g_test_add_func ("/interchange/tsv/not-representable", test_tsv_not_representable);
  g_test_add_func ("/interchange/recogito/header-targets", test_recogito_header_targets);
  g_test_add_func ("/interchange/recogito/body", test_recogito_body);
  g_test_add_func ("/interchange/recogito/pointers", test_recogito_pointers);
  g_test_add_func ("/interchange/catma/standoff", test_catma_standoff);
  g_test_add_func ("/interchange/catma/inline", test_catma_inline);
  g_test_add_func ("/interchange/catma/utf16", test_catma_utf16);
  g_test_add_func ("/interchange/dkpro", test_dkpro);
  g_test_add_func ("/interchange/mapping", test_mapping);
  g_test_add_func ("/interchange/other-text", test_other_text);
  g_test_add_func ("/interchange/whitespace-alignment", test_whitespace_alignment);
  g_test_add_func ("/interchange/detect", test_detect);
  g_test_add_func ("/interchange/hostile-xml", test_hostile_xml);

  return g_test_run ();
}
