/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Other tools' files opened as documents through the one load path (File >
 * Open, every peitho-cli command): brat, WebAnno TSV, CATMA's inline
 * collection, Recogito's TEI annotations and DKPro Core's named entities
 * give their text with their annotations and relations, say what they
 * leave out, and are told from Peitho's own TEI and plain text by their
 * content. */

#include "config.h"

#include <string.h>

#include "interchange-test-util.h"

typedef struct {
  const char *name;
  guint       n_annotations;
  guint       n_relations;
  const char *tag_id;      /* a tag some annotation has, or NULL */
  const char *problem;     /* part of a problem reported, or NULL */
} Expected;

static const Expected expected[] = {
  { "brat/news-notes.ann", 14, 2, "organization", "event E1" },
  { "brat/discontinuous.ann", 6, 4, NULL, "attribute A1" },
  { "webanno-tsv/testDependencyWithValues.tsv", 2, 1, NULL, NULL },
  { "catma/collection-inline.xml", 6, 0, "metaphor", NULL },
  { "recogito/gettysburg-annotations.tei.xml", 4, 1, NULL, NULL },
  { "recogito/paradise-lost-book1-start.tei.xml", 1, 0, NULL, "revisionDesc" },
  { "dkpro/gettysburg-ner.xml", 1, 0, NULL, "lemmas" },
};

static gboolean
has_problem (PeithoLoadResult *result,
             const char       *part)
{
  GPtrArray *problems = peitho_load_result_get_problems (result);

  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static PeithoLoadResult *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = itest_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, error);
}

static void
test_open (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoLoadResult) result = load (e->name, &error);
  PeithoDocument *document;
  GListModel *annotations;
  gboolean tag_seen = e->tag_id == NULL;

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (peitho_load_result_get_format (result), ==, PEITHO_FILE_FORMAT_ANNOTATIONS);
  document = peitho_load_result_get_document (result);
  g_assert_cmpuint (peitho_document_get_length (document), >, 0);
  g_assert_nonnull (peitho_document_get_title (document));
  annotations = peitho_document_get_annotations (document);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, e->n_annotations);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_relations (document)), ==,
                    e->n_relations);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *tag_id = peitho_annotation_get_tag_id (annotation);

      /* Every tag is one of the document's, known by name or imported. */
      g_assert_nonnull (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), tag_id));
      g_assert_false (g_str_has_prefix (tag_id, "CATMA_"));
      g_assert_cmpuint (peitho_annotation_get_end (annotation), <=,
                        peitho_document_get_length (document));
      if (e->tag_id != NULL && g_str_equal (tag_id, e->tag_id))
        tag_seen = TRUE;
    }
  g_assert_true (tag_seen);
  if (e->problem != NULL)
    g_assert_true (has_problem (result, e->problem));
}

/* CATMA's stand-off collection holds no text: opening it says where the
 * annotations go instead. */
static void
test_without_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoLoadResult) result = load ("catma/collection-standoff.xml", &error);

  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "collection-standoff.xml"));
  g_assert_nonnull (strstr (error->message, "Import Annotations"));
}

static char *
without_space (const char *text,
               gsize       length)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/* brat's text beside the .ann is the document's text (its paragraphs may
 * break lines differently). */
static void
test_brat_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoLoadResult) result = load ("brat/news-notes.ann", &error);
  g_autoptr(GBytes) text = itest_data ("brat/news-notes.txt");
  g_autofree char *want = without_space (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_autofree char *got = NULL;
  const char *document_text;

  g_assert_no_error (error);
  document_text = peitho_document_get_text (peitho_load_result_get_document (result));
  got = without_space (document_text, strlen (document_text));
  g_assert_cmpuint (strlen (want), >, 100);
  g_assert_cmpstr (got, ==, want);
}

/* Peitho's own TEI, an edition and a plain text are what they were. */
static void
test_not_annotations (void)
{
  const char *brat = "T1\tPerson 0 3\tAbe\n";
  const char *tsv = "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=Abe\n1-1\t0-3\tAbe\t\n";
  const char *text = "To be\tor not to be\n";
  g_autofree char *hamlet = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei",
                                              "folger-hamlet.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (hamlet);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoLoadResult) result = NULL;

  g_assert_cmpint (peitho_file_format_sniff (brat, strlen (brat)), ==,
                   PEITHO_FILE_FORMAT_ANNOTATIONS);
  g_assert_cmpint (peitho_file_format_sniff (tsv, strlen (tsv)), ==,
                   PEITHO_FILE_FORMAT_ANNOTATIONS);
  g_assert_cmpint (peitho_file_format_sniff (text, strlen (text)), ==, PEITHO_FILE_FORMAT_TEXT);

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (peitho_load_result_get_format (result), ==, PEITHO_FILE_FORMAT_TEI);
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_load_result_get_document (result)),
                    ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interchange-open/%s", expected[i].name);

      g_test_add_data_func (path, &expected[i], test_open);
    }
  g_test_add_func ("/interchange-open/without-text", test_without_text);
  g_test_add_func ("/interchange-open/brat-text", test_brat_text);
  g_test_add_func ("/interchange-open/not-annotations", test_not_annotations);

  return g_test_run ();
}
