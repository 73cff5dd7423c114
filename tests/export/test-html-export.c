/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The HTML export read back as a browser reads it: the page is opened in
 * headless Chromium, its DOM dumped and walked. The text comes back
 * character for character; every annotation is one or more <mark>s with its
 * id and tag whose text, joined, is its text; labels and note markers stand
 * outside them; footnotes link both ways; relations and the legend are
 * there. Tidy finds no error. */

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "export-fixture.h"

typedef struct {
  GString *text;
  guint    n_elements;
  guint    last_paragraph;
  char    *tag;
  gboolean first_has_id;
} Seen;

static void
seen_free (gpointer data)
{
  Seen *seen = data;

  g_string_free (seen->text, TRUE);
  g_free (seen->tag);
  g_free (seen);
}

typedef struct {
  PeithoDocument *document;  /* for the separators between blocks */
  GHashTable *annotations;   /* id -> Seen */
  GPtrArray  *paragraphs;    /* GString per block (<p>, <h2>...) of the text */
  GPtrArray  *kinds;         /* per block: "p", "p.speaker", "h2" ... */
  GPtrArray  *numbers;       /* per block: its line number, or NULL */
  GPtrArray  *marks;         /* open <mark> ids */
  GHashTable *ids;           /* element ids */
  GPtrArray  *hrefs;         /* "#..." link targets */
  guint       n_labels;
  guint       n_numbers;
  guint       n_note_refs;
  guint       n_notes;
  guint       n_legend;
  GPtrArray  *relations;     /* text of relation items */
  gboolean    in_text;
  gboolean    in_paragraph;
} Dom;

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_autofree char *classes = attr (node, "class");
  g_auto(GStrv) list = classes != NULL ? g_strsplit (classes, " ", -1) : NULL;

  return list != NULL && g_strv_contains ((const char * const *) list, name);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* A block of the text: a paragraph, a heading below the title. */
static gboolean
is_block (xmlNode *node)
{
  return is (node, "p") || is (node, "h2") || is (node, "h3") || is (node, "h4")
         || is (node, "h5") || is (node, "h6");
}

/* What the document has between block @index - 1 and block @index. */
static const char *
separator (Dom   *dom,
           guint  index)
{
  return peitho_document_get_block_break (dom->document, index) == PEITHO_BLOCK_BREAK_LINE
         ? "\n" : "\n\n";
}

static void
walk (Dom     *dom,
      xmlNode *node,
      gboolean counts_as_text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE && dom->in_paragraph && counts_as_text)
        {
          const char *content = (const char *) node->content;

          g_string_append (g_ptr_array_index (dom->paragraphs, dom->paragraphs->len - 1), content);
          for (guint i = 0; i < dom->marks->len; i++)
            {
              Seen *seen = g_hash_table_lookup (dom->annotations, g_ptr_array_index (dom->marks, i));
              g_string_append (seen->text, content);
            }
          continue;
        }
      if (node->type != XML_ELEMENT_NODE)
        continue;

      {
        g_autofree char *id = attr (node, "id");
        g_autofree char *href = attr (node, "href");
        gboolean text_here = counts_as_text;
        gboolean pushed = FALSE;
        gboolean was_in_text = dom->in_text;
        gboolean was_in_paragraph = dom->in_paragraph;

        if (id != NULL)
          {
            g_assert_false (g_hash_table_contains (dom->ids, id));
            g_hash_table_add (dom->ids, g_strdup (id));
          }
        if (href != NULL && href[0] == '#')
          g_ptr_array_add (dom->hrefs, g_strdup (href + 1));

        if (is (node, "article") && has_class (node, "text"))
          dom->in_text = TRUE;
        if (dom->in_text && !dom->in_paragraph && is_block (node))
          {
            g_autofree char *classes = attr (node, "class");
            g_auto(GStrv) list = classes != NULL ? g_strsplit (classes, " ", -1) : NULL;
            const char *kind = list != NULL && list[0] != NULL && !g_str_equal (list[0], "cont")
                               ? list[0] : NULL;

            g_ptr_array_add (dom->paragraphs, g_string_new (NULL));
            g_ptr_array_add (dom->kinds, kind != NULL ? g_strdup_printf ("%s.%s", node->name, kind)
                                                      : g_strdup ((const char *) node->name));
            g_ptr_array_add (dom->numbers, NULL);
            dom->in_paragraph = TRUE;
          }

        /* What is not the text: never inside a highlight. */
        if (has_class (node, "label") || has_class (node, "visually-hidden")
            || has_class (node, "note-ref") || has_class (node, "n"))
          {
            if (dom->in_text)
              g_assert_cmpuint (dom->marks->len, ==, 0);
            text_here = FALSE;
            if (dom->in_text && has_class (node, "label"))
              dom->n_labels++;
            if (has_class (node, "note-ref"))
              dom->n_note_refs++;
            if (dom->in_paragraph && has_class (node, "n"))
              {
                xmlChar *content = xmlNodeGetContent (node);

                g_assert_null (g_ptr_array_index (dom->numbers, dom->numbers->len - 1));
                g_ptr_array_index (dom->numbers, dom->numbers->len - 1) =
                  g_strdup ((const char *) content);
                xmlFree (content);
                dom->n_numbers++;
              }
          }

        if (is (node, "mark"))
          {
            g_autofree char *annotation = attr (node, "data-annotation");
            g_autofree char *tag = attr (node, "data-tag");
            Seen *seen;

            g_assert_nonnull (annotation);
            g_assert_nonnull (tag);
            g_assert_true (dom->in_text);
            seen = g_hash_table_lookup (dom->annotations, annotation);
            if (seen == NULL)
              {
                seen = g_new0 (Seen, 1);
                seen->text = g_string_new (NULL);
                seen->tag = g_strdup (tag);
                seen->first_has_id = g_strcmp0 (id, "") != 0 && id != NULL
                                     && g_str_has_prefix (id, "ann-")
                                     && g_str_equal (id + 4, annotation);
                seen->last_paragraph = dom->paragraphs->len;
                g_hash_table_insert (dom->annotations, g_strdup (annotation), seen);
              }
            else if (seen->last_paragraph != dom->paragraphs->len)
              {
                /* Blocks are 1-based here: block i is paragraphs[i - 1]. */
                for (guint i = seen->last_paragraph; i < dom->paragraphs->len; i++)
                  {
                    if (i > seen->last_paragraph)
                      g_string_append (seen->text,
                                       ((GString *) g_ptr_array_index (dom->paragraphs, i - 1))->str);
                    g_string_append (seen->text, separator (dom, i));
                  }
                seen->last_paragraph = dom->paragraphs->len;
              }
            g_assert_cmpstr (seen->tag, ==, tag);
            /* An annotation never holds itself. */
            for (guint i = 0; i < dom->marks->len; i++)
              g_assert_cmpstr (g_ptr_array_index (dom->marks, i), !=, annotation);
            seen->n_elements++;
            g_ptr_array_add (dom->marks, g_steal_pointer (&annotation));
            pushed = TRUE;
          }

        if (is (node, "li") && id != NULL && g_str_has_prefix (id, "note-"))
          dom->n_notes++;
        if (is (node, "dt"))
          dom->n_legend++;
        if (is (node, "li") && node->parent != NULL && node->parent->parent != NULL
            && has_class (node->parent->parent, "relations"))
          {
            xmlChar *content = xmlNodeGetContent (node);
            g_ptr_array_add (dom->relations, g_strdup ((const char *) content));
            xmlFree (content);
          }

        walk (dom, node->children, text_here);

        if (pushed)
          g_ptr_array_remove_index (dom->marks, dom->marks->len - 1);
        dom->in_text = was_in_text;
        dom->in_paragraph = was_in_paragraph;
      }
    }
}

static void
dom_clear (Dom *dom)
{
  g_clear_pointer (&dom->annotations, g_hash_table_unref);
  g_clear_pointer (&dom->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&dom->kinds, g_ptr_array_unref);
  g_clear_pointer (&dom->numbers, g_ptr_array_unref);
  g_clear_pointer (&dom->marks, g_ptr_array_unref);
  g_clear_pointer (&dom->ids, g_hash_table_unref);
  g_clear_pointer (&dom->hrefs, g_ptr_array_unref);
  g_clear_pointer (&dom->relations, g_ptr_array_unref);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* The DOM as headless Chromium builds it from @path; FALSE (and a skip)
 * without Chromium. */
static gboolean
read_dom (const char     *path,
          PeithoDocument *document,
          Dom            *dom)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char *argv[] = { "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                         "--no-first-run", "--dump-dom", uri, NULL };
  g_autofree char *errors = NULL;
  g_autofree char *html = export_fixture_run (argv, NULL, &errors);
  htmlDocPtr doc;

  if (html == NULL)
    return FALSE;
  g_assert_nonnull (strstr (html, "<mark"));

  doc = htmlReadMemory (html, (int) strlen (html), "dom.html", "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  *dom = (Dom) {
    .document = document,
    .kinds = g_ptr_array_new_with_free_func (g_free),
    .numbers = g_ptr_array_new_with_free_func (g_free),
    .annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, seen_free),
    .paragraphs = g_ptr_array_new_with_free_func (string_free),
    .marks = g_ptr_array_new_with_free_func (g_free),
    .ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .hrefs = g_ptr_array_new_with_free_func (g_free),
    .relations = g_ptr_array_new_with_free_func (g_free),
  };
  walk (dom, xmlDocGetRootElement (doc), TRUE);
  xmlFreeDoc (doc);
  return TRUE;
}

static void
assert_tidy (const char *path)
{
  const char *argv[] = { "tidy", "-errors", "-q", path, NULL };
  g_autofree char *errors = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  out = export_fixture_run (argv, &status, &errors);
  if (out == NULL)
    return;
  /* 0: clean, 1: warnings only (not shown with -errors), 2: errors. */
  if (status > 1 || (errors != NULL && *errors != '\0'))
    g_error ("tidy finds errors in %s (status %d):\n%s", path, status, errors);
}

/* The text, character for character, and every annotation: its elements,
 * its tag, its text. */
static void
assert_text_and_annotations (Dom            *dom,
                             PeithoDocument *document)
{
  GListModel *annotations = peitho_document_get_annotations (document);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpuint (dom->paragraphs->len, ==, peitho_document_get_n_paragraphs (document));
  for (guint i = 0; i < dom->paragraphs->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator (dom, i));
      g_string_append (text, ((GString *) g_ptr_array_index (dom->paragraphs, i))->str);
    }
  g_assert_cmpstr (text->str, ==, peitho_document_get_text (document));

  g_assert_cmpuint (g_hash_table_size (dom->annotations), ==,
                    g_list_model_get_n_items (annotations));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      Seen *seen = g_hash_table_lookup (dom->annotations, peitho_annotation_get_id (annotation));
      g_autofree char *slice = peitho_document_dup_slice (document,
                                                          peitho_annotation_get_start (annotation),
                                                          peitho_annotation_get_end (annotation));

      g_assert_nonnull (seen);
      g_assert_cmpuint (seen->n_elements, >=, 1);
      g_assert_true (seen->first_has_id);
      g_assert_cmpstr (seen->tag, ==, peitho_annotation_get_tag_id (annotation));
      g_assert_cmpstr (seen->text->str, ==, slice);
    }
}

/* The index of the block whose text is @text. */
static guint
find_block (Dom        *dom,
            const char *text)
{
  for (guint i = 0; i < dom->paragraphs->len; i++)
    if (g_str_equal (((GString *) g_ptr_array_index (dom->paragraphs, i))->str, text))
      return i;
  g_error ("no block “%s” in the page", text);
}

static void
test_dom (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = peitho_html_export (document, NULL, &error);
  g_autofree char *path = NULL;
  GListModel *annotations = peitho_document_get_annotations (document);
  Dom dom = { 0, };

  g_assert_no_error (error);
  path = export_fixture_write (bytes, "essay.html");
  assert_tidy (path);
  if (!read_dom (path, document, &dom))
    {
      export_fixture_remove (path);
      return;
    }

  /* The text, character for character. */
  g_assert_cmpuint (dom.paragraphs->len, ==, peitho_document_get_n_paragraphs (document));
  assert_text_and_annotations (&dom, document);
  /* Crossing a paragraph break and crossing another highlight split. */
  g_assert_cmpuint (((Seen *) g_hash_table_lookup (dom.annotations, "a5"))->n_elements, >=, 2);
  g_assert_cmpuint (((Seen *) g_hash_table_lookup (dom.annotations, "a3"))->n_elements, >=, 2);

  /* Labels, footnotes both ways, relations, legend. */
  g_assert_cmpuint (dom.n_labels, ==, g_list_model_get_n_items (annotations));
  g_assert_cmpuint (dom.n_note_refs, ==, 4);
  g_assert_cmpuint (dom.n_notes, ==, 4);
  for (guint n = 1; n <= 4; n++)
    {
      g_autofree char *note = g_strdup_printf ("note-%u", n);
      g_autofree char *ref = g_strdup_printf ("ref-%u", n);

      g_assert_true (g_hash_table_contains (dom.ids, note));
      g_assert_true (g_hash_table_contains (dom.ids, ref));
      g_assert_true (g_ptr_array_find_with_equal_func (dom.hrefs, note, g_str_equal, NULL));
      g_assert_true (g_ptr_array_find_with_equal_func (dom.hrefs, ref, g_str_equal, NULL));
    }
  for (guint i = 0; i < dom.hrefs->len; i++)
    g_assert_true (g_hash_table_contains (dom.ids, g_ptr_array_index (dom.hrefs, i)));
  g_assert_cmpuint (dom.relations->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (dom.relations, 0), ==, "Evidence ¶1 supports Claim ¶2");
  g_assert_cmpstr (g_ptr_array_index (dom.relations, 1), ==, "Concession ¶2 concedes Claim ¶2");
  g_assert_cmpuint (dom.n_legend, ==, 8);

  dom_clear (&dom);
  export_fixture_remove (path);
}

/* Tags, annotators, notes and labels chosen. */
static void
test_options (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  char *tags[] = { "evidence", "claim", "irony", NULL };
  char *annotators[] = { "Grace", NULL };
  char *nobody[] = { "Nobody", NULL };
  char *unknown[] = { "no-such-tag", NULL };
  PeithoHandoutOptions options;
  Dom dom = { 0, };

  peitho_handout_options_init (&options);
  options.tags = tags;
  options.annotators = annotators;
  options.notes = FALSE;
  options.labels = FALSE;
  bytes = peitho_html_export (document, &options, &error);
  g_assert_no_error (error);
  path = export_fixture_write (bytes, "grace.html");
  assert_tidy (path);
  if (read_dom (path, document, &dom))
    {
      /* Grace's irony and evidence; Ada's claim is not hers. */
      g_assert_cmpuint (g_hash_table_size (dom.annotations), ==, 2);
      g_assert_true (g_hash_table_contains (dom.annotations, "a3"));
      g_assert_true (g_hash_table_contains (dom.annotations, "a5"));
      g_assert_cmpuint (dom.n_labels, ==, 0);
      g_assert_cmpuint (dom.n_notes, ==, 0);
      g_assert_cmpuint (dom.n_note_refs, ==, 0);
      g_assert_cmpuint (dom.relations->len, ==, 0);
      g_assert_cmpuint (dom.n_legend, ==, 2);
      dom_clear (&dom);
    }
  export_fixture_remove (path);

  options.annotators = nobody;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = peitho_html_export (document, &options, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_assert_null (bytes);
  g_clear_error (&error);

  options.annotators = NULL;
  options.tags = unknown;
  bytes = peitho_html_export (document, &options, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_assert_null (bytes);
}

/* Markup in the text and the notes stays text. */
static void
test_escaping (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_essay ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *html;

  peitho_document_set_title (document, "<script>alert(1)</script> & more");
  bytes = peitho_html_export (document, NULL, &error);
  g_assert_no_error (error);
  html = g_bytes_get_data (bytes, NULL);
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
  g_assert_nonnull (strstr (html, "Mock praise: &lt;the Kremlin&gt; &amp; its “trust”."));
  /* Self-contained: nothing to fetch. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "url("));
  g_assert_nonnull (strstr (html, "@media (prefers-color-scheme: dark)"));
  g_assert_nonnull (strstr (html, "@media print"));
}

/* An edition keeps its structure: headings, speakers on their own line,
 * verse lines with their numbers in the margin (outside the highlights),
 * stage directions, renderings. */
static void
test_edition (void)
{
  g_autoptr(PeithoDocument) document = export_fixture_hamlet ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = peitho_html_export (document, NULL, &error);
  g_autofree char *path = NULL;
  const char *html;
  guint speakers = 0, lines = 0, stages = 0, headings = 0;
  guint block;
  Dom dom = { 0, };

  g_assert_no_error (error);
  html = g_bytes_get_data (bytes, NULL);
  /* "Flourish." is hi rend="italic" in a stage direction. */
  g_assert_nonnull (strstr (html, "<i>Flourish.</i>"));
  path = export_fixture_write (bytes, "hamlet.html");
  assert_tidy (path);
  if (!read_dom (path, document, &dom))
    {
      export_fixture_remove (path);
      return;
    }

  assert_text_and_annotations (&dom, document);
  /* Across the line break of Francisco's two lines. */
  g_assert_cmpuint (((Seen *) g_hash_table_lookup (dom.annotations, "a4"))->n_elements, ==, 2);

  for (guint i = 0; i < dom.kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (dom.kinds, i);

      speakers += g_str_equal (kind, "p.speaker");
      lines += g_str_equal (kind, "p.l");
      stages += g_str_equal (kind, "p.stage");
      headings += kind[0] == 'h';
    }
  g_test_message ("%u speakers, %u lines, %u stage directions, %u headings, %u numbers",
                  speakers, lines, stages, headings, dom.n_numbers);
  g_assert_cmpuint (speakers, >, 1000);
  g_assert_cmpuint (lines, >, 2500);
  g_assert_cmpuint (stages, >, 200);
  g_assert_cmpuint (headings, >=, 25);
  /* Every fifth line is numbered, by the count of its @n. */
  g_assert_cmpuint (dom.n_numbers, >, lines / 5 - 100);
  g_assert_cmpuint (dom.n_numbers, <, lines / 5 + 100);

  g_assert_cmpstr (g_ptr_array_index (dom.kinds, find_block (&dom, "ACT 1")), ==, "h2");
  g_assert_cmpstr (g_ptr_array_index (dom.kinds, find_block (&dom, "Scene 1")), ==, "h3");
  block = find_block (&dom, "Enter Barnardo and Francisco, two sentinels.");
  g_assert_cmpstr (g_ptr_array_index (dom.kinds, block), ==, "p.stage");
  g_assert_cmpstr (g_ptr_array_index (dom.kinds, block + 1), ==, "p.speaker");
  g_assert_cmpstr (((GString *) g_ptr_array_index (dom.paragraphs, block + 1))->str, ==,
                   "BARNARDO");
  block = find_block (&dom, "I think I hear them.— Stand ho! Who is there?");
  g_assert_cmpstr (g_ptr_array_index (dom.kinds, block), ==, "p.l");
  g_assert_cmpstr (g_ptr_array_index (dom.numbers, block), ==, "15");
  g_assert_cmpstr (g_ptr_array_index (dom.kinds, block - 1), ==, "p.speaker");
  g_assert_cmpstr (((GString *) g_ptr_array_index (dom.paragraphs, block - 1))->str, ==,
                   "FRANCISCO");

  dom_clear (&dom);
  export_fixture_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-export/dom", test_dom);
  g_test_add_func ("/html-export/options", test_options);
  g_test_add_func ("/html-export/escaping", test_escaping);
  g_test_add_func ("/html-export/edition", test_edition);

  return g_test_run ();
}
