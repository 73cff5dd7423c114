/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <peitho-core.h>

#include "peitho-document-private.h"

/* Two groups, three tags: argument{claim, evidence}, figures{metaphor}. */
static PeithoTagSet *
make_tag_set (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("test", "Test");
  g_autoptr(PeithoTagGroup) argument = peitho_tag_group_new ("argument", "Argument", NULL);
  g_autoptr(PeithoTagGroup) figures = peitho_tag_group_new ("figures", "Figures", NULL);
  g_autoptr(PeithoTag) claim = peitho_tag_new ("claim", "Claim", NULL, NULL, "#ff0000");
  g_autoptr(PeithoTag) evidence = peitho_tag_new ("evidence", "Evidence", NULL, NULL, "#00ff00");
  g_autoptr(PeithoTag) metaphor = peitho_tag_new ("metaphor", "Metaphor", NULL, NULL, "#0000ff");

  g_assert_true (peitho_tag_set_add_group (set, argument, -1, NULL));
  g_assert_true (peitho_tag_set_add_group (set, figures, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "argument", claim, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "argument", evidence, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "figures", metaphor, -1, NULL));

  return g_steal_pointer (&set);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
append (PeithoDocument *document,
        const char     *text,
        gssize          length,
        const char     *xml_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_append_paragraph (document, text, length, xml_id, &error));
  g_assert_no_error (error);
}

static PeithoDocument *
make_document (const char * const *paragraphs)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_assert_true (peitho_document_append_paragraph (document, paragraphs[i], -1, NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_true (peitho_document_set_tag_set (document, set, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&document);
}

static PeithoAnnotation *
add (PeithoDocument *document,
     const char     *id,
     gsize           start,
     gsize           end,
     const char     *tag_id)
{
  g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (id, start, end, tag_id,
                                                                  NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);

  return annotation;
}

static void
test_text (void)
{
  /* Combining marks, emoji with a skin tone modifier, Hebrew (RTL), and a
   * paragraph long enough to span several checkpoints. */
  g_autoptr(GString) long_paragraph = g_string_new (NULL);
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(GError) error = NULL;
  const char *text;
  const char *xml_id;
  gsize start, length, total;

  for (guint i = 0; i < 800; i++)
    g_string_append (long_paragraph, "é€😀a");

  append (document, "Cafe\xcc\x81 na\xc3\xafve", -1, NULL);
  append (document, "👍🏽 שָׁלוֹם world", -1, "hello");
  append (document, "", 0, NULL);
  append (document, long_paragraph->str, long_paragraph->len, NULL);
  append (document, "end\0ignored", 3, NULL);
  g_assert_no_error (error);

  g_assert_cmpuint (peitho_document_get_n_paragraphs (document), ==, 5);
  text = peitho_document_get_text (document);
  total = g_utf8_strlen (text, -1);
  g_assert_cmpuint (peitho_document_get_length (document), ==, total);
  g_assert_true (g_str_has_prefix (text, "Cafe\xcc\x81 na\xc3\xafve\n\n"
                                         "👍🏽 שָׁלוֹם world\n\n\n\né€😀a"));
  g_assert_true (g_str_has_suffix (text, "é€😀a\n\nend"));

  peitho_document_get_paragraph (document, 0, &start, &length, &xml_id);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (length, ==, 11);
  g_assert_cmpstr (xml_id, ==, "p1");
  peitho_document_get_paragraph (document, 1, &start, &length, &xml_id);
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpstr (xml_id, ==, "hello");
  peitho_document_get_paragraph (document, 2, &start, &length, &xml_id);
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (xml_id, ==, "p3");
  peitho_document_get_paragraph (document, 3, &start, &length, NULL);
  g_assert_cmpuint (length, ==, 3200);
  peitho_document_get_paragraph (document, 4, &start, &length, &xml_id);
  g_assert_cmpuint (start + length, ==, total);
  g_assert_cmpstr (xml_id, ==, "p5");

  /* Every offset, against the plain walk from the start. */
  for (gsize offset = 0; offset <= total; offset++)
    g_assert_true (peitho_document_offset_to_pointer (document, offset) ==
                   g_utf8_offset_to_pointer (text, offset));

  /* Paragraph lookup: separators belong to the paragraph before them. */
  g_assert_cmpuint (peitho_document_paragraph_at (document, 0), ==, 0);
  g_assert_cmpuint (peitho_document_paragraph_at (document, 10), ==, 0);
  g_assert_cmpuint (peitho_document_paragraph_at (document, 11), ==, 0);
  g_assert_cmpuint (peitho_document_paragraph_at (document, 12), ==, 0);
  g_assert_cmpuint (peitho_document_paragraph_at (document, 13), ==, 1);
  g_assert_cmpuint (peitho_document_paragraph_at (document, total - 1), ==, 4);

  {
    g_autofree char *slice = peitho_document_dup_slice (document, 13, 23);
    g_autofree char *all = peitho_document_dup_slice (document, 0, total);

    g_assert_cmpstr (slice, ==, "👍🏽 שָׁלוֹם");
    g_assert_cmpstr (all, ==, text);
  }
}

static void
test_invalid_text (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(GError) error = NULL;
  struct {
    const char *text;
    gssize length;
    const char *needle;
  } cases[] = {
    { "ab\xff" "cd", -1, "offset 8" },
    { "ab\xc3", -1, "offset 8" },
    { "ab\x07" "c", -1, "U+0007" },
    { "abc\x0b", -1, "U+000B" },
    { "a\x1f", -1, "U+001F" },
    { "ab\0cd", 5, "U+0000" },
    { "xy\xef\xbf\xbe", -1, "U+FFFE" },
    { "x\xef\xbf\xbf", -1, "U+FFFF" },
  };

  g_assert_true (peitho_document_append_paragraph (document, "é\tb\r", -1, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (peitho_document_append_paragraph (document, cases[i].text, cases[i].length,
                                                        NULL, &error));
      g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("“%s” lacks “%s”", error->message, cases[i].needle);
      g_clear_error (&error);

      /* Nothing of a refused paragraph is kept. */
      g_assert_cmpuint (peitho_document_get_n_paragraphs (document), ==, 1);
      g_assert_cmpuint (peitho_document_get_length (document), ==, 4);
      g_assert_cmpstr (peitho_document_get_text (document), ==, "é\tb\r");
    }

  /* The character offset is that of the text, here 6 + 2. */
  g_assert_false (peitho_document_append_paragraph (document, "ab\x01", -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "offset 8"));
  g_clear_error (&error);

  g_assert_false (peitho_document_append_paragraph (document, "ok", -1, "p1", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (peitho_document_append_paragraph (document, "ok", -1, "9p", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_clear_error (&error);

  /* The text is fixed once annotations exist. */
  {
    g_autoptr(PeithoTagSet) set = make_tag_set ();

    g_assert_true (peitho_document_set_tag_set (document, set, NULL));
    add (document, NULL, 0, 2, "claim");
    g_assert_false (peitho_document_append_paragraph (document, "ok", -1, NULL, &error));
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED);
  }
}

static void
test_words (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();

  g_assert_cmpuint (peitho_document_count_words (document), ==, 0);
  /* "don't", "well-known", "e\u0301te\u0301", "42", "naïve": 5; "--" and "'" alone are none. */
  append (document, "Don't -- well-known 'e\xcc\x81te\xcc\x81' 42!", -1, NULL);
  g_assert_cmpuint (peitho_document_count_words (document), ==, 4);
  append (document, "naïve rock’n’roll end- -start", -1, NULL);
  g_assert_cmpuint (peitho_document_count_words (document), ==, 8);
  append (document, "שלום עולם 😀 日本", -1, NULL);
  g_assert_cmpuint (peitho_document_count_words (document), ==, 11);
}

static void
test_snapping (void)
{
  const char *paragraphs[] = { "abc", "def", "", "ghi", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GError) error = NULL;
  PeithoAnnotation *annotation;
  struct {
    gsize start, end;
    gsize snapped_start, snapped_end;
  } cases[] = {
    /* text: "abc\n\ndef\n\n\n\nghi"; abc 0-3, def 5-8, "" at 10, ghi 12-15 */
    { 0, 3, 0, 3 },
    { 3, 6, 5, 6 },
    { 4, 8, 5, 8 },
    { 1, 4, 1, 3 },
    { 1, 5, 1, 3 },
    { 2, 9, 2, 8 },
    { 7, 12, 7, 8 },
    { 8, 13, 12, 13 },
    { 0, 15, 0, 15 },
  };

  g_assert_cmpuint (peitho_document_get_length (document), ==, 15);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      annotation = add (document, NULL, cases[i].start, cases[i].end, "claim");
      g_assert_cmpuint (peitho_annotation_get_start (annotation), ==, cases[i].snapped_start);
      g_assert_cmpuint (peitho_annotation_get_end (annotation), ==, cases[i].snapped_end);
    }

  /* Empty once snapped, empty, reversed, beyond the text; the message gives
   * the range as asked for, and the length of the text when it is at fault. */
  {
    struct {
      gsize start;
      gsize end;
      const char *needles[3];
    } bad[] = {
      { 3, 5, { "3–5", "paragraph break", NULL } },
      { 8, 12, { "8–12", "paragraph break", NULL } },
      { 9, 11, { "9–11", "paragraph break", NULL } },
      { 2, 2, { "2–2", "empty", "15 characters" } },
      { 3, 1, { "3–1", "reversed", "15 characters" } },
      { 14, 16, { "14–16", "beyond the end", "15 characters" } },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(PeithoAnnotation) a = peitho_annotation_new (NULL, bad[i].start, bad[i].end,
                                                               "claim", NULL, NULL, NULL);

        g_assert_false (peitho_document_add_annotation (document, a, &error));
        g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_RANGE);
        g_assert_nonnull (strstr (error->message, "Annotation"));
        for (guint j = 0; j < G_N_ELEMENTS (bad[i].needles) && bad[i].needles[j] != NULL; j++)
          if (strstr (error->message, bad[i].needles[j]) == NULL)
            g_error ("“%s” lacks “%s”", error->message, bad[i].needles[j]);
        g_clear_error (&error);
        g_assert_null (peitho_annotation_get_id (a));
      }
  }

  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, G_N_ELEMENTS (cases));
}

static void
test_counts (void)
{
  const char *paragraphs[] = { "The first paragraph, with enough text.", "A second one.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(PeithoTagGroup) other = peitho_tag_group_new ("other", "Other", NULL);
  g_autoptr(PeithoTag) extra = peitho_tag_new ("extra", "Extra", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PeithoTagSet *set = peitho_document_get_tag_set (document);
  PeithoAnnotator *jane;
  PeithoAnnotation *a, *b, *c, *d;

  jane = peitho_document_ensure_annotator (document, "Jane Doe");
  a = add (document, NULL, 0, 3, "claim");
  b = add (document, NULL, 4, 9, "claim");
  c = add (document, NULL, 2, 12, "evidence");
  {
    g_autoptr(PeithoAnnotation) by_jane = peitho_annotation_new (NULL, 5, 20, "metaphor",
                                                                 peitho_annotator_get_id (jane),
                                                                 "a note", NULL);

    g_assert_true (peitho_document_add_annotation (document, by_jane, &error));
    g_assert_no_error (error);
    d = by_jane;
  }

  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 2);
  g_assert_cmpuint (peitho_document_count_tag (document, "evidence"), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "nothing"), ==, 0);
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 3);
  g_assert_cmpuint (peitho_document_count_group (document, "figures"), ==, 1);
  g_assert_cmpuint (peitho_document_count_annotator (document, peitho_annotator_get_id (jane)),
                    ==, 1);

  /* Retag. */
  g_assert_true (peitho_document_set_annotation_tag (document, a, "metaphor", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "figures"), ==, 2);
  g_assert_false (peitho_document_set_annotation_tag (document, a, "nothing", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_clear_error (&error);
  g_assert_cmpstr (peitho_annotation_get_tag_id (a), ==, "metaphor");

  /* A tag moves to another group: group counts follow. */
  g_assert_true (peitho_tag_set_add_group (set, other, -1, NULL));
  g_assert_true (peitho_tag_set_move_tag (set, peitho_tag_set_lookup_tag (set, "evidence"),
                                          "other", -1, NULL));
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 1);
  g_assert_cmpuint (peitho_document_count_group (document, "other"), ==, 1);
  g_assert_true (peitho_tag_set_add_tag (set, "other", extra, -1, NULL));

  /* Remove; the document held the only reference. */
  g_object_ref (b);
  g_assert_true (peitho_document_remove_annotation (document, b, NULL));
  g_assert_false (peitho_document_remove_annotation (document, b, NULL));
  g_clear_object (&b);
  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 0);
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 0);

  /* remove_tag: in use, replaced, removed with its annotations. */
  g_assert_false (peitho_document_remove_tag (document, "metaphor", NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "2 annotations"));
  g_clear_error (&error);
  g_assert_false (peitho_document_remove_tag (document, "metaphor", "nothing", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_clear_error (&error);
  g_assert_false (peitho_document_remove_tag (document, "nothing", NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_clear_error (&error);
  g_assert_nonnull (peitho_tag_set_lookup_tag (set, "metaphor"));

  g_assert_true (peitho_document_remove_tag (document, "metaphor", "extra", &error));
  g_assert_no_error (error);
  g_assert_null (peitho_tag_set_lookup_tag (set, "metaphor"));
  g_assert_cmpstr (peitho_annotation_get_tag_id (a), ==, "extra");
  g_assert_cmpstr (peitho_annotation_get_tag_id (d), ==, "extra");
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 0);
  g_assert_cmpuint (peitho_document_count_tag (document, "extra"), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "figures"), ==, 0);
  g_assert_cmpuint (peitho_document_count_group (document, "other"), ==, 3);

  g_assert_true (peitho_document_remove_tag (document, "evidence", "", &error));
  g_assert_no_error (error);
  g_assert_null (peitho_document_lookup_annotation (document, "a3"));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "other"), ==, 2);
  g_assert_cmpuint (peitho_document_count_annotator (document, peitho_annotator_get_id (jane)),
                    ==, 1);
  (void)c;

  /* An unused tag goes without a replacement. */
  g_assert_true (peitho_document_remove_tag (document, "claim", NULL, &error));
  g_assert_no_error (error);

  /* A whole group removed from the tag set: its count drops to nothing. */
  g_assert_true (peitho_tag_set_remove_group (set, other));
  g_assert_cmpuint (peitho_document_count_group (document, "other"), ==, 0);
  g_assert_cmpuint (peitho_document_count_tag (document, "extra"), ==, 2);
}

static void
test_set_tag_set (void)
{
  const char *paragraphs[] = { "Some text here.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(PeithoTagSet) smaller = make_tag_set ();
  g_autoptr(PeithoTagSet) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTagSet) old = g_object_ref (peitho_document_get_tag_set (document));
  guint changed = 0;

  add (document, NULL, 0, 4, "metaphor");
  add (document, NULL, 5, 9, "claim");

  g_assert_true (peitho_tag_set_remove_tag (smaller,
                                            peitho_tag_set_lookup_tag (smaller, "metaphor")));
  g_assert_false (peitho_document_set_tag_set (document, smaller, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_assert_nonnull (strstr (error->message, "metaphor"));
  g_clear_error (&error);
  g_assert_true (peitho_document_get_tag_set (document) == old);

  /* A copy with the tag in another group: accepted, group counts follow it. */
  copy = peitho_tag_set_copy (old);
  g_assert_true (peitho_tag_set_move_tag (copy, peitho_tag_set_lookup_tag (copy, "metaphor"),
                                          "argument", -1, NULL));
  {
    gulong id = g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);

    g_assert_true (peitho_document_set_tag_set (document, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed, ==, 1);
    g_signal_handler_disconnect (document, id);
  }
  g_assert_true (peitho_document_get_tag_set (document) == copy);
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "figures"), ==, 0);

  /* The old set no longer reaches the document. */
  changed = 0;
  g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);
  peitho_tag_set_label (peitho_tag_set_lookup_tag (old, "claim"), "Old claim");
  g_assert_cmpuint (changed, ==, 0);
  peitho_tag_set_label (peitho_tag_set_lookup_tag (copy, "claim"), "New claim");
  g_assert_cmpuint (changed, ==, 1);
}

typedef struct {
  GPtrArray *log;
} SignalLog;

static void
log_annotation_cb (PeithoDocument   *document,
                   PeithoAnnotation *annotation,
                   gpointer          user_data)
{
  SignalLog *log = user_data;
  const char *what = g_signal_name (g_signal_get_invocation_hint (document)->signal_id);

  g_ptr_array_add (log->log,
                   g_strdup_printf ("%s %s", what, peitho_annotation_get_id (annotation)));
}

static void
log_changed_annotation_cb (PeithoDocument   *document,
                           PeithoAnnotation *annotation,
                           const char       *old_tag_id,
                           SignalLog        *log)
{
  g_ptr_array_add (log->log, g_strdup_printf ("annotation-changed %s %s->%s",
                                              peitho_annotation_get_id (annotation), old_tag_id,
                                              peitho_annotation_get_tag_id (annotation)));
}

static void
log_relation_cb (PeithoDocument *document,
                 PeithoRelation *relation,
                 gpointer        user_data)
{
  SignalLog *log = user_data;
  const char *what = g_signal_name (g_signal_get_invocation_hint (document)->signal_id);

  g_ptr_array_add (log->log, g_strdup_printf ("%s %s", what, peitho_relation_get_id (relation)));
}

static void
log_changed_cb (PeithoDocument *document,
                SignalLog      *log)
{
  g_ptr_array_add (log->log, g_strdup ("changed"));
}

static char *
take_log (SignalLog *log)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (log->log, NULL);
  joined = g_strjoinv (", ", (char **)log->log->pdata);
  g_ptr_array_set_size (log->log, 0);

  return g_steal_pointer (&joined);
}

static void
test_relations_and_signals (void)
{
  const char *paragraphs[] = { "Because it rains, the streets are wet.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) for_a1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoRelation) r1 = peitho_relation_new (NULL, "supports", "a1", "a2", NULL);
  g_autoptr(PeithoRelation) r2 = peitho_relation_new (NULL, "attacks", "a3", "a1", NULL);
  g_autoptr(PeithoRelation) r3 = peitho_relation_new (NULL, "supports", "a3", "a2", NULL);
  g_autoptr(PeithoRelation) self_loop = peitho_relation_new (NULL, "supports", "a2", "a2", NULL);
  g_autoptr(PeithoRelation) dangling = peitho_relation_new (NULL, "supports", "a2", "a9", NULL);
  SignalLog log = { g_ptr_array_new_with_free_func (g_free) };
  char *text;
  PeithoAnnotation *a1;

  g_signal_connect (document, "annotation-added", G_CALLBACK (log_annotation_cb), &log);
  g_signal_connect (document, "annotation-removed", G_CALLBACK (log_annotation_cb), &log);
  g_signal_connect (document, "annotation-changed", G_CALLBACK (log_changed_annotation_cb), &log);
  g_signal_connect (document, "relation-added", G_CALLBACK (log_relation_cb), &log);
  g_signal_connect (document, "relation-removed", G_CALLBACK (log_relation_cb), &log);
  g_signal_connect (document, "changed", G_CALLBACK (log_changed_cb), &log);

  a1 = add (document, NULL, 0, 16, "evidence");
  add (document, NULL, 18, 37, "claim");
  add (document, NULL, 8, 16, "metaphor");
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "annotation-added a1, changed, annotation-added a2, changed, "
                             "annotation-added a3, changed");
  g_free (text);

  g_assert_true (peitho_document_add_relation (document, r1, &error));
  g_assert_true (peitho_document_add_relation (document, r2, &error));
  g_assert_true (peitho_document_add_relation (document, r3, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_relation_get_id (r1), ==, "r1");
  g_assert_cmpstr (peitho_relation_get_id (r3), ==, "r3");
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "relation-added r1, changed, relation-added r2, changed, "
                             "relation-added r3, changed");
  g_free (text);

  g_assert_false (peitho_document_add_relation (document, self_loop, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (peitho_document_add_relation (document, dangling, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "a9"));
  g_clear_error (&error);
  g_assert_false (peitho_document_add_relation (document, r1, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 3);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "supports"), ==, 2);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "attacks"), ==, 1);
  g_assert_true (peitho_document_lookup_relation (document, "r2") == r2);
  for_a1 = peitho_document_get_relations_for (document, "a1");
  g_assert_cmpuint (for_a1->len, ==, 2);

  /* Retag and note. */
  g_assert_true (peitho_document_set_annotation_tag (document, a1, "claim", NULL));
  g_assert_true (peitho_document_set_annotation_tag (document, a1, "claim", NULL));
  peitho_document_set_annotation_note (document, a1, "Why?");
  g_assert_cmpstr (peitho_annotation_get_note (a1), ==, "Why?");
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "annotation-changed a1 evidence->claim, changed, "
                             "annotation-changed a1 claim->claim, changed");
  g_free (text);

  /* Cascade: the relations go first, each signalled, then the annotation. */
  g_assert_true (peitho_document_remove_annotation (document, a1, removed));
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "relation-removed r1, relation-removed r2, "
                             "annotation-removed a1, changed");
  g_free (text);
  g_assert_cmpuint (removed->len, ==, 2);
  g_assert_true (g_ptr_array_index (removed, 0) == r1);
  g_assert_true (g_ptr_array_index (removed, 1) == r2);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "supports"), ==, 1);
  g_assert_cmpuint (peitho_document_count_relation_type (document, "attacks"), ==, 0);
  g_assert_null (peitho_document_lookup_relation (document, "r1"));
  g_clear_pointer (&for_a1, g_ptr_array_unref);
  for_a1 = peitho_document_get_relations_for (document, "a1");
  g_assert_cmpuint (for_a1->len, ==, 0);

  g_assert_true (peitho_document_remove_relation (document, r3));
  g_assert_false (peitho_document_remove_relation (document, r3));
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "relation-removed r3, changed");
  g_free (text);

  /* Metadata changes signal too. */
  peitho_document_set_title (document, "Rain");
  peitho_document_set_title (document, "Rain");
  text = take_log (&log);
  g_assert_cmpstr (text, ==, "changed");
  g_free (text);
  g_assert_cmpstr (peitho_document_get_title (document), ==, "Rain");

  g_signal_handlers_disconnect_by_data (document, &log);
  g_ptr_array_unref (log.log);
}

static void
test_ids (void)
{
  const char *paragraphs[] = { "Some text to annotate with ids.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoAnnotator) annotator = peitho_annotator_new ("reader", "A Reader");
  g_autoptr(PeithoAnnotator) clash = peitho_annotator_new ("a1", "Clash");
  PeithoAnnotation *annotation;
  PeithoAnnotator *jane, *jane_again, *other_jane;
  struct {
    const char *id;
    int code;
  } bad[] = {
    { "1a", PEITHO_ERROR_INVALID },
    { "a b", PEITHO_ERROR_INVALID },
    { "x:y", PEITHO_ERROR_INVALID },
    { "p1", PEITHO_ERROR_DUPLICATE_ID },
    { "a1", PEITHO_ERROR_DUPLICATE_ID },
    { "reader", PEITHO_ERROR_DUPLICATE_ID },
    { "claim", PEITHO_ERROR_DUPLICATE_ID },
    { "figures", PEITHO_ERROR_DUPLICATE_ID },
  };

  g_assert_true (peitho_document_add_annotator (document, annotator, &error));
  g_assert_no_error (error);
  g_assert_false (peitho_document_add_annotator (document, annotator, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  annotation = add (document, NULL, 0, 4, "claim");
  g_assert_cmpstr (peitho_annotation_get_id (annotation), ==, "a1");
  g_assert_true (peitho_document_lookup_annotation (document, "a1") == annotation);

  g_assert_false (peitho_document_add_annotator (document, clash, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PeithoAnnotation) a = peitho_annotation_new (bad[i].id, 0, 3, "claim",
                                                             NULL, NULL, NULL);
      g_autoptr(PeithoRelation) r = peitho_relation_new (bad[i].id, "supports", "a1", "a10", NULL);

      g_assert_false (peitho_document_add_annotation (document, a, &error));
      g_assert_error (error, PEITHO_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].id));
      g_clear_error (&error);

      if (i == 0)
        add (document, "a10", 1, 3, "claim");
      g_assert_false (peitho_document_add_relation (document, r, &error));
      g_assert_error (error, PEITHO_ERROR, bad[i].code);
      g_clear_error (&error);
    }

  /* The counter continues past the highest number, and never reuses. */
  annotation = add (document, NULL, 5, 9, "claim");
  g_assert_cmpstr (peitho_annotation_get_id (annotation), ==, "a11");
  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  annotation = add (document, NULL, 5, 9, "claim");
  g_assert_cmpstr (peitho_annotation_get_id (annotation), ==, "a12");
  add (document, "a2", 2, 9, "claim");
  annotation = add (document, NULL, 5, 9, "claim");
  g_assert_cmpstr (peitho_annotation_get_id (annotation), ==, "a13");

  /* Natural order of ids at the same range. */
  g_assert_cmpint (_peitho_id_compare ("a2", "a10"), <, 0);
  g_assert_cmpint (_peitho_id_compare ("a10", "a2"), >, 0);
  g_assert_cmpint (_peitho_id_compare ("a10", "a10"), ==, 0);
  g_assert_cmpint (_peitho_id_compare ("a1x", "a9"), <, 0);
  g_assert_cmpint (_peitho_id_compare ("b1", "a9"), >, 0);
  {
    g_autoptr(PeithoAnnotation) x = peitho_annotation_new ("a2", 1, 5, "claim", NULL, NULL, NULL);
    g_autoptr(PeithoAnnotation) y = peitho_annotation_new ("a10", 1, 5, "claim", NULL, NULL, NULL);
    g_autoptr(PeithoAnnotation) z = peitho_annotation_new ("a1", 1, 6, "claim", NULL, NULL, NULL);

    g_assert_cmpint (peitho_annotation_compare (x, y), <, 0);
    g_assert_cmpint (peitho_annotation_compare (y, z), <, 0);
  }

  /* Annotators: unknown ones are refused; ensure_annotator makes ids. */
  {
    g_autoptr(PeithoAnnotation) a = peitho_annotation_new (NULL, 0, 3, "claim", "nobody",
                                                           NULL, NULL);

    g_assert_false (peitho_document_add_annotation (document, a, &error));
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "nobody"));
    g_clear_error (&error);
  }

  jane = peitho_document_ensure_annotator (document, "Jane Doe");
  jane_again = peitho_document_ensure_annotator (document, "Jane Doe");
  other_jane = peitho_document_ensure_annotator (document, "Jane  DOE!");
  g_assert_true (jane == jane_again);
  g_assert_cmpstr (peitho_annotator_get_id (jane), ==, "ann-jane-doe");
  g_assert_cmpstr (peitho_annotator_get_id (other_jane), ==, "ann-jane-doe-2");
  g_assert_cmpstr (peitho_annotator_get_name (other_jane), ==, "Jane  DOE!");
  g_assert_cmpstr (peitho_annotator_get_id (peitho_document_ensure_annotator (document, "…")),
                   ==, "ann");
  g_assert_true (peitho_document_lookup_annotator (document, "ann-jane-doe") == jane);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotators (document)), ==, 4);
}

static void
test_validate (void)
{
  const char *paragraphs[] = { "Validation needs some text.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PeithoTag) clash = peitho_tag_new ("a2", "Clash", NULL, NULL, NULL);
  PeithoTagSet *set = peitho_document_get_tag_set (document);
  g_autoptr(PeithoRelation) relation = peitho_relation_new (NULL, "supports", "a1", "a2", NULL);

  add (document, NULL, 0, 10, "claim");
  add (document, NULL, 11, 15, "metaphor");
  g_assert_true (peitho_document_add_relation (document, relation, NULL));

  problems = peitho_document_validate (document);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Changes made to the tag set behind the document's back. */
  g_assert_true (peitho_tag_set_remove_tag (set, peitho_tag_set_lookup_tag (set, "metaphor")));
  g_assert_true (peitho_tag_set_add_tag (set, "figures", clash, -1, NULL));

  problems = peitho_document_validate (document);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "a2"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "metaphor"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "“a2”"));
}

static void
test_metadata (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 25, 10, 0, 0);
  g_autofree char *title = NULL;
  GPtrArray *changes;
  PeithoChange *change;

  peitho_document_set_title (document, "T");
  peitho_document_set_author (document, "A");
  peitho_document_set_date (document, "1863");
  peitho_document_set_source (document, "S");
  peitho_document_set_header_xml (document, "<teiHeader/>");
  g_object_get (document, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "T");
  g_assert_cmpstr (peitho_document_get_author (document), ==, "A");
  g_assert_cmpstr (peitho_document_get_date (document), ==, "1863");
  g_assert_cmpstr (peitho_document_get_source (document), ==, "S");
  g_assert_cmpstr (peitho_document_get_header_xml (document), ==, "<teiHeader/>");

  peitho_document_add_change (document, when, "ann-x", "Annotated");
  changes = peitho_document_get_changes (document);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_true (g_date_time_equal (change->when, when));
  g_assert_cmpstr (change->who, ==, "ann-x");
  g_assert_cmpstr (change->text, ==, "Annotated");

  /* A new document has an empty tag set. */
  g_assert_nonnull (peitho_document_get_tag_set (document));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (peitho_document_get_tag_set (document)), ==, 0);
}

/* The list model against a sorted copy, through a random run of adds and
 * removes, applying every items-changed to a mirror. */
static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return peitho_annotation_compare (*(PeithoAnnotation **)a, *(PeithoAnnotation **)b);
}

static void
test_model (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *model = peitho_document_get_annotations (document);

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "word ");
  for (guint i = 0; i < 5; i++)
    g_assert_true (peitho_document_append_paragraph (document, text->str, -1, NULL, NULL));
  g_assert_true (peitho_document_set_tag_set (document, set, NULL));

  g_assert_true (g_list_model_get_item_type (model) == PEITHO_TYPE_ANNOTATION);
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);

  for (guint step = 0; step < 3000; step++)
    {
      if (live->len > 0 && g_test_rand_int_range (0, 3) == 0)
        {
          guint victim = g_test_rand_int_range (0, live->len);

          g_assert_true (peitho_document_remove_annotation (document,
                                                            g_ptr_array_index (live, victim),
                                                            NULL));
          g_ptr_array_remove_index_fast (live, victim);
        }
      else
        {
          gsize length = peitho_document_get_length (document);
          gsize start = g_test_rand_int_range (0, length - 1);
          /* Few distinct ranges, so that ids decide the order often. */
          gsize end = MIN (length, start + 1 + g_test_rand_int_range (0, 3));
          g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (NULL, start, end, "claim",
                                                                          NULL, NULL, NULL);

          if (peitho_document_add_annotation (document, annotation, NULL))
            g_ptr_array_add (live, g_object_ref (annotation));
        }

      if (step % 100 == 0 || step == 2999)
        {
          g_autoptr(GPtrArray) sorted = g_ptr_array_copy (live, NULL, NULL);

          /* The copy would inherit the free function: it holds no references. */
          g_ptr_array_set_free_func (sorted, NULL);

          g_ptr_array_sort (sorted, compare_annotations);
          g_assert_cmpuint (g_list_model_get_n_items (model), ==, sorted->len);
          g_assert_cmpuint (mirror->len, ==, sorted->len);
          for (guint i = 0; i < sorted->len; i++)
            {
              g_autoptr(PeithoAnnotation) item = g_list_model_get_item (model, i);

              g_assert_true (item == g_ptr_array_index (sorted, i));
              g_assert_true (g_ptr_array_index (mirror, i) == item);
            }
        }
    }

  g_signal_handlers_disconnect_by_data (model, mirror);
}

/* What the four count tables must say, from a scan of the annotations. */
static void
assert_counts_match_scan (PeithoDocument *document)
{
  static const char *tags[] = { "claim", "evidence", "metaphor" };
  static const char *annotators[] = { "ann1", "ann2", NULL };
  GListModel *annotations = peitho_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      guint by_tag = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

          by_tag += g_strcmp0 (peitho_annotation_get_tag_id (annotation), tags[t]) == 0;
        }
      g_assert_cmpuint (peitho_document_count_tag (document, tags[t]), ==, by_tag);
    }

  for (guint a = 0; a < G_N_ELEMENTS (annotators); a++)
    {
      guint by_annotator = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

          by_annotator += g_strcmp0 (peitho_annotation_get_annotator_id (annotation),
                                     annotators[a]) == 0;
        }
      if (annotators[a] != NULL)
        g_assert_cmpuint (peitho_document_count_annotator (document, annotators[a]), ==,
                          by_annotator);

      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        {
          guint both = 0;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

              both += g_strcmp0 (peitho_annotation_get_annotator_id (annotation),
                                 annotators[a]) == 0
                   && g_strcmp0 (peitho_annotation_get_tag_id (annotation), tags[t]) == 0;
            }
          g_assert_cmpuint (peitho_document_count_annotator_tag (document, annotators[a], tags[t]),
                            ==, annotators[a] != NULL ? both : 0);
        }
    }

  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==,
                    peitho_document_count_tag (document, "claim")
                    + peitho_document_count_tag (document, "evidence"));
  g_assert_cmpuint (peitho_document_count_group (document, "figures"), ==,
                    peitho_document_count_tag (document, "metaphor"));
}

static PeithoAnnotation *
add_new (PeithoDocument *document,
         gsize           start,
         gsize           end,
         const char     *tag_id,
         const char     *annotator_id)
{
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = peitho_annotation_new (NULL, start, end, tag_id, annotator_id, NULL, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

/* A reader's annotations are counted per (tag, annotator) first and go into
 * the count tables when something reads or changes a count, or at the end. */
static void
test_deferred_counts (void)
{
  static const char * const paragraphs[] = { "One two three four five six seven eight.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(PeithoAnnotator) ann1 = peitho_annotator_new ("ann1", "One");
  g_autoptr(PeithoAnnotator) ann2 = peitho_annotator_new ("ann2", "Two");
  g_autoptr(GError) error = NULL;
  PeithoAnnotation *claim, *metaphor;

  g_assert_true (peitho_document_add_annotator (document, ann1, NULL));
  g_assert_true (peitho_document_add_annotator (document, ann2, NULL));

  _peitho_document_defer_counts (document);
  claim = add_new (document, 0, 3, "claim", "ann1");
  add_new (document, 4, 7, "claim", "ann1");
  add_new (document, 8, 13, "claim", "ann2");
  add_new (document, 0, 7, "evidence", NULL);
  /* A read in the middle sees them all. */
  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 3);
  g_assert_cmpuint (peitho_document_count_annotator_tag (document, "ann1", "claim"), ==, 2);
  g_assert_cmpuint (peitho_document_count_group (document, "argument"), ==, 4);
  metaphor = add_new (document, 14, 18, "metaphor", "ann2");
  add_new (document, 19, 22, "evidence", "ann2");
  assert_counts_match_scan (document);

  /* Still deferring: a change of tag and a removal count right. */
  add_new (document, 23, 28, "metaphor", "ann1");
  g_assert_true (peitho_document_set_annotation_tag (document, metaphor, "claim", &error));
  g_assert_no_error (error);
  add_new (document, 29, 34, "claim", NULL);
  g_assert_true (peitho_document_remove_annotation (document, claim, NULL));
  add_new (document, 35, 40, "evidence", "ann1");
  _peitho_document_end_deferred_counts (document);

  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 8);
  g_assert_cmpuint (peitho_document_count_tag (document, "claim"), ==, 4);
  g_assert_cmpuint (peitho_document_count_tag (document, "evidence"), ==, 3);
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 1);
  g_assert_cmpuint (peitho_document_count_annotator (document, "ann1"), ==, 3);
  g_assert_cmpuint (peitho_document_count_annotator (document, "ann2"), ==, 3);
  g_assert_cmpuint (peitho_document_count_annotator_tag (document, "ann2", "claim"), ==, 2);
  assert_counts_match_scan (document);

  /* After the end, counting is immediate again. */
  add_new (document, 0, 3, "metaphor", "ann2");
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 2);
  assert_counts_match_scan (document);
}

/* The counts of a document read from TEI, where the reader defers them,
 * agree with its annotations; tag and annotator ids are interned. */
static void
test_read_counts (void)
{
  static const char * const paragraphs[] = { "One two three four five six seven eight.",
                                             "Nine ten eleven twelve.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(PeithoDocument) read = NULL;
  g_autoptr(PeithoAnnotator) ann1 = peitho_annotator_new ("ann1", "One");
  g_autoptr(PeithoAnnotator) ann2 = peitho_annotator_new ("ann2", "Two");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  static const char *tags[] = { "claim", "evidence", "metaphor" };
  static const char *annotators[] = { "ann1", "ann2", NULL };
  GListModel *annotations;

  g_assert_true (peitho_document_add_annotator (document, ann1, NULL));
  g_assert_true (peitho_document_add_annotator (document, ann2, NULL));
  for (guint i = 0; i < 12; i++)
    add_new (document, i * 3, i * 3 + 2 + i % 3, tags[i % 3], annotators[i % 5 % 3]);

  bytes = peitho_tei_write_bytes (document, PEITHO_TEI_STANDOFF, &error);
  g_assert_no_error (error);
  read = peitho_tei_read_bytes (bytes, "counts.xml", PEITHO_READ_DEFAULT, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (peitho_document_get_n_annotations (read), ==, 12);
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    g_assert_cmpuint (peitho_document_count_tag (read, tags[t]), ==,
                      peitho_document_count_tag (document, tags[t]));
  for (guint a = 0; a < 2; a++)
    for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
      g_assert_cmpuint (peitho_document_count_annotator_tag (read, annotators[a], tags[t]), ==,
                        peitho_document_count_annotator_tag (document, annotators[a], tags[t]));
  assert_counts_match_scan (read);

  annotations = peitho_document_get_annotations (read);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *annotator_id = peitho_annotation_get_annotator_id (annotation);

      g_assert_true (peitho_annotation_get_tag_id (annotation)
                     == g_intern_string (peitho_annotation_get_tag_id (annotation)));
      g_assert_true (annotator_id == NULL || annotator_id == g_intern_string (annotator_id));
    }
}

/* Records are the annotations' values in document order, and stay what
 * they were when the annotations change after them. */
static void
test_annotation_records (void)
{
  static const char * const paragraphs[] = { "The committee was a swamp.", "It sank.", NULL };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GArray) records = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  PeithoAnnotation *later;

  later = add (document, "b", 18, 26, "metaphor");
  add (document, "a", 4, 13, "claim");
  add (document, "c", 27, 35, "metaphor");

  records = peitho_document_dup_annotation_records (document);
  annotations = peitho_document_dup_annotation_array (document);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (annotations->len, ==, 3);
  for (guint i = 0; i < records->len; i++)
    {
      const PeithoAnnotationRecord *record = &g_array_index (records, PeithoAnnotationRecord, i);
      PeithoAnnotation *annotation = annotations->pdata[i];

      g_assert_cmpuint (record->start, ==, peitho_annotation_get_start (annotation));
      g_assert_cmpuint (record->end, ==, peitho_annotation_get_end (annotation));
      g_assert_true (record->tag_id == g_intern_string (peitho_annotation_get_tag_id (annotation)));
      g_assert_null (record->annotator_id);
    }
  g_assert_cmpuint (g_array_index (records, PeithoAnnotationRecord, 0).start, ==, 4);

  /* Unchanged annotations: the same records, shared. */
  {
    g_autoptr(GArray) again = peitho_document_dup_annotation_records (document);

    g_assert_true (again == records);
  }

  g_assert_true (peitho_document_set_annotation_tag (document, later, "claim", NULL));
  g_assert_cmpstr (g_array_index (records, PeithoAnnotationRecord, 1).tag_id, ==, "metaphor");
  {
    g_autoptr(GArray) retagged = peitho_document_dup_annotation_records (document);
    g_autoptr(GArray) added = NULL;
    g_autoptr(GArray) removed = NULL;
    PeithoAnnotation *extra;

    g_assert_true (retagged != records);
    g_assert_cmpstr (g_array_index (retagged, PeithoAnnotationRecord, 1).tag_id, ==, "claim");

    extra = add (document, "d", 0, 3, "claim");
    added = peitho_document_dup_annotation_records (document);
    g_assert_cmpuint (added->len, ==, 4);
    g_assert_cmpuint (retagged->len, ==, 3);
    g_assert_cmpuint (g_array_index (added, PeithoAnnotationRecord, 0).end, ==, 3);

    g_assert_true (peitho_document_remove_annotation (document, extra, NULL));
    removed = peitho_document_dup_annotation_records (document);
    g_assert_cmpuint (removed->len, ==, 3);
    g_assert_cmpuint (added->len, ==, 4);
  }
  g_clear_pointer (&annotations, g_ptr_array_unref);
  g_clear_object (&document);
  g_assert_cmpuint (g_array_index (records, PeithoAnnotationRecord, 2).end, ==, 35);
}

static void
assert_records_match (PeithoDocument *document,
                      GArray         *records)
{
  g_autoptr(GPtrArray) annotations = peitho_document_dup_annotation_array (document);

  g_assert_cmpuint (records->len, ==, annotations->len);
  for (guint i = 0; i < records->len; i++)
    {
      const PeithoAnnotationRecord *record = &g_array_index (records, PeithoAnnotationRecord, i);
      PeithoAnnotation *annotation = annotations->pdata[i];

      g_assert_cmpuint (record->start, ==, peitho_annotation_get_start (annotation));
      g_assert_cmpuint (record->end, ==, peitho_annotation_get_end (annotation));
      g_assert_true (record->tag_id == g_intern_string (peitho_annotation_get_tag_id (annotation)));
    }
}

/* The records follow adds, removes and retags anywhere in the document
 * (at the front, between equal starts, at the end), whether or not they
 * were asked for since the last change, and those handed out before a
 * change keep what they held. */
static void
test_annotation_records_follow (void)
{
  static const char * const paragraphs[] = {
    "The committee was a swamp, and every motion sank in it.",
    "It sank, and sank again, until nobody moved at all.",
    NULL
  };
  static const char * const tags[] = { "metaphor", "claim" };
  g_autoptr(PeithoDocument) document = make_document (paragraphs);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) live = g_ptr_array_new ();
  gsize length = peitho_document_get_length (document);
  guint n_follows = 0;

  for (guint step = 0; step < 400; step++)
    {
      g_autoptr(GArray) before = NULL;
      g_autoptr(GArray) kept = NULL;
      g_autoptr(GArray) after = NULL;
      /* Adds twice as often as the rest, so that the document fills. */
      guint op = g_rand_int_range (rand, 0, 4);

      /* Half the time the records are cached when the change comes. */
      if (g_rand_boolean (rand))
        {
          before = peitho_document_dup_annotation_records (document);
          kept = g_array_copy (before);
        }

      if (op <= 1 || live->len == 0)
        {
          /* Few distinct starts, so that many annotations tie on it. */
          gsize start = g_rand_int_range (rand, 0, 6) * 4;
          gsize end = start + g_rand_int_range (rand, 1, 20);
          PeithoAnnotation *annotation = add (document, NULL, start, MIN (end, length),
                                              tags[g_rand_int_range (rand, 0, 2)]);

          g_ptr_array_add (live, annotation);
        }
      else if (op == 2)
        {
          guint i = g_rand_int_range (rand, 0, live->len);

          g_assert_true (peitho_document_remove_annotation (document, live->pdata[i], NULL));
          g_ptr_array_remove_index_fast (live, i);
        }
      else
        {
          PeithoAnnotation *annotation = live->pdata[g_rand_int_range (rand, 0, live->len)];
          const char *tag = g_strcmp0 (peitho_annotation_get_tag_id (annotation), tags[0]) == 0
                            ? tags[1] : tags[0];

          g_assert_true (peitho_document_set_annotation_tag (document, annotation, tag, NULL));
        }

      after = peitho_document_dup_annotation_records (document);
      assert_records_match (document, after);
      if (before != NULL)
        {
          g_assert_true (after != before);
          g_assert_cmpmem (before->data, before->len * sizeof (PeithoAnnotationRecord),
                           kept->data, kept->len * sizeof (PeithoAnnotationRecord));
          n_follows++;
        }
    }
  /* The seed gave both cases often. */
  g_assert_cmpuint (n_follows, >, 100);
  g_assert_cmpuint (live->len, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/text", test_text);
  g_test_add_func ("/document/annotation-records", test_annotation_records);
  g_test_add_func ("/document/annotation-records-follow", test_annotation_records_follow);
  g_test_add_func ("/document/invalid-text", test_invalid_text);
  g_test_add_func ("/document/words", test_words);
  g_test_add_func ("/document/snapping", test_snapping);
  g_test_add_func ("/document/counts", test_counts);
  g_test_add_func ("/document/set-tag-set", test_set_tag_set);
  g_test_add_func ("/document/relations-and-signals", test_relations_and_signals);
  g_test_add_func ("/document/ids", test_ids);
  g_test_add_func ("/document/validate", test_validate);
  g_test_add_func ("/document/metadata", test_metadata);
  g_test_add_func ("/document/model", test_model);
  g_test_add_func ("/document/deferred-counts", test_deferred_counts);
  g_test_add_func ("/document/read-counts", test_read_counts);

  return g_test_run ();
}
