/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "tei-test-util.h"

static const char * const pieces[] = {
  "a", "b", "e", "o", "t", "n", " ", " ", " ", "the", "lamp", ",", ".", "!",
  "<", ">", "&", "\"", "'", "&amp;", "]]>", "\r", "\t", "\n",
  "e\xCC\x81",                         /* e + combining acute */
  "o\xCC\x88\xCC\xA3",                 /* o + diaeresis + dot below */
  "\xF0\x9F\x98\x80",                  /* emoji */
  "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", /* ZWJ sequence */
  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",  /* Hebrew */
  "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85",  /* Arabic */
  "\xE2\x80\x8F",                      /* RIGHT-TO-LEFT MARK */
  "\xC2\xA0",                          /* NBSP */
  "\xE4\xB8\xAD\xE6\x96\x87",          /* CJK */
  "\xEF\xBF\xBD",                      /* U+FFFD */
};

static char *
random_text (guint max_pieces,
             gboolean allow_newline)
{
  GString *s = g_string_new (NULL);
  guint n = g_test_rand_int_range (1, max_pieces + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *piece = pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))];

      if (!allow_newline && strchr (piece, '\n') != NULL)
        piece = "x";
      /* "\n\n" inside a paragraph would read as a paragraph break in the text. */
      if (*piece == '\n' && s->len > 0 && s->str[s->len - 1] == '\n')
        piece = "y";
      g_string_append (s, piece);
    }
  return g_string_free (s, FALSE);
}

/* Metadata and labels: no leading, trailing or doubled whitespace (the
 * reader collapses whitespace in header fields). */
static char *
random_label (void)
{
  g_autofree char *raw = random_text (8, FALSE);
  char *clean;

  g_strdelimit (raw, "\r\t\n", ' ');
  clean = g_strjoinv (" ", (char *[]) { raw, "W", NULL });
  {
    char *collapsed = g_strdup (clean);
    GString *out = g_string_new (NULL);

    for (const char *p = collapsed; *p; p++)
      if (!(*p == ' ' && (out->len == 0 || out->str[out->len - 1] == ' ')))
        g_string_append_c (out, *p);
    g_free (collapsed);
    g_free (clean);
    return g_string_free (out, FALSE);
  }
}

static char *
random_color (void)
{
  return g_strdup_printf ("#%06x", g_test_rand_int_range (0, 0x1000000));
}

static PeithoTagSet *
random_tag_set (void)
{
  PeithoTagSet *set = peitho_tag_set_new ("set-random", g_test_rand_bit () ? "Random <set> & co" : NULL);
  guint n_groups = g_test_rand_int_range (1, 5);
  guint t = 0;

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *gid = g_strdup_printf ("g%u", g);
      g_autofree char *glabel = random_label ();
      g_autoptr(PeithoTagGroup) group = peitho_tag_group_new (gid, glabel,
                                                              g_test_rand_bit () ? "Group definition" : NULL);
      guint n_tags = g_test_rand_int_range (g == 0 ? 1 : 0, 6);

      g_assert_true (peitho_tag_set_add_group (set, group, -1, NULL));
      for (guint i = 0; i < n_tags; i++, t++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", t);
          g_autofree char *label = random_label ();
          g_autofree char *definition = g_test_rand_bit () ? random_label () : NULL;
          g_autofree char *example = g_test_rand_bit () ? random_label () : NULL;
          g_autofree char *color = g_test_rand_int_range (0, 4) ? random_color () : NULL;
          g_autoptr(PeithoTag) tag = peitho_tag_new (id, label, definition, example, color);

          g_assert_true (peitho_tag_set_add_tag (set, gid, tag, -1, NULL));
        }
    }
  return set;
}

static GDateTime *
random_time (void)
{
  g_autoptr(GDateTime) base = g_date_time_new_from_unix_utc (g_test_rand_int_range (1600000000,
                                                                                  1900000000));
  /* Sub-second part: the file keeps seconds only. */
  return g_date_time_add (base, g_test_rand_int_range (0, G_USEC_PER_SEC));
}

PeithoDocument *
tei_test_random_document (void)
{
  PeithoDocument *doc = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = random_tag_set ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  g_autoptr(GPtrArray) annotators = g_ptr_array_new ();
  guint n_paragraphs = g_test_rand_int_range (0, 41);
  gsize length;
  g_autoptr(GArray) hot = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = random_text (g_test_rand_int_range (1, 60), TRUE);
      g_assert_true (peitho_document_append_paragraph (doc, text, -1, NULL, NULL));
    }

  g_assert_true (peitho_document_set_tag_set (doc, tag_set, NULL));

  if (g_test_rand_bit ())
    {
      g_autofree char *title = random_label ();
      peitho_document_set_title (doc, title);
    }
  if (g_test_rand_bit ())
    peitho_document_set_author (doc, "Ann <O'Neil> & \"Co\"");
  switch (g_test_rand_int_range (0, 3))
    {
    case 0: peitho_document_set_date (doc, "June 10, 1939"); break;
    case 1: peitho_document_set_date (doc, "some spring & summer"); break;
    default: break;
    }
  if (g_test_rand_bit ())
    {
      g_autofree char *source = random_label ();
      peitho_document_set_source (doc, source);
    }

  for (guint i = 0, n = g_test_rand_int_range (1, 4); i < n; i++)
    {
      static const char * const names[] = { "Mara", "Tom <T>", "Zoë & Ünal", "\xD7\xA9\xD7\x9C" };
      g_ptr_array_add (annotators, peitho_document_ensure_annotator (doc, names[i]));
    }

  for (guint i = 0, n = g_test_rand_int_range (0, 3); i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (g_test_rand_int_range (1600000000,
                                                                                      1900000000));
      PeithoAnnotator *who = g_test_rand_bit () ? g_ptr_array_index (annotators, 0) : NULL;

      peitho_document_add_change (doc, when, who ? peitho_annotator_get_id (who) : NULL,
                                  g_test_rand_bit () ? "edited <text> & notes" : "annotated");
    }

  length = peitho_document_get_length (doc);
  if (length < 2)
    return doc;

  /* A few offsets that many annotations share. */
  for (guint i = 0; i < 5; i++)
    {
      gsize offset = g_test_rand_int_range (0, length + 1);
      g_array_append_val (hot, offset);
    }

  for (guint i = 0, n = g_test_rand_int_range (0, 61); i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = NULL;
      g_autoptr(GDateTime) created = g_test_rand_int_range (0, 4) ? random_time () : NULL;
      g_autofree char *note = NULL;
      PeithoTag *tag = g_ptr_array_index (tags, g_test_rand_int_range (0, tags->len));
      PeithoAnnotator *annotator = g_test_rand_int_range (0, 5)
        ? g_ptr_array_index (annotators, g_test_rand_int_range (0, annotators->len)) : NULL;
      gsize start, end;

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          start = g_array_index (hot, gsize, g_test_rand_int_range (0, hot->len));
          end = g_array_index (hot, gsize, g_test_rand_int_range (0, hot->len));
          break;
        case 1:
          start = g_test_rand_int_range (0, length);
          end = MIN (length, start + g_test_rand_int_range (1, 6));
          break;
        default:
          start = g_test_rand_int_range (0, length);
          end = g_test_rand_int_range (start + 1, length + 1);
          break;
        }
      if (start >= end)
        continue;

      if (g_test_rand_int_range (0, 3) == 0)
        note = random_text (10, TRUE);
      annotation = peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag),
                                          annotator ? peitho_annotator_get_id (annotator) : NULL,
                                          note, created);
      /* Ranges inside a separator are refused: fine, try the next. */
      peitho_document_add_annotation (doc, annotation, NULL);
    }

  {
    GListModel *annotations = peitho_document_get_annotations (doc);
    guint n = g_list_model_get_n_items (annotations);
    static const char * const types[] = { "supports", "attacks", "concedes", "restates", "my own" };

    for (guint i = 0; n >= 2 && i < n / 3; i++)
      {
        g_autoptr(PeithoAnnotation) from = g_list_model_get_item (annotations, g_test_rand_int_range (0, n));
        g_autoptr(PeithoAnnotation) to = g_list_model_get_item (annotations, g_test_rand_int_range (0, n));
        g_autoptr(PeithoRelation) relation = NULL;
        PeithoAnnotator *annotator = g_test_rand_bit () ? g_ptr_array_index (annotators, 0) : NULL;

        if (from == to)
          continue;
        relation = peitho_relation_new (NULL, types[g_test_rand_int_range (0, G_N_ELEMENTS (types))],
                                        peitho_annotation_get_id (from),
                                        peitho_annotation_get_id (to),
                                        annotator ? peitho_annotator_get_id (annotator) : NULL);
        peitho_document_add_relation (doc, relation, NULL);
      }
  }

  return doc;
}

PeithoDocument *
tei_test_read (GBytes    *bytes,
               GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  PeithoDocument *doc = peitho_tei_read_bytes (bytes, "test.xml", PEITHO_READ_DEFAULT,
                                               problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

PeithoDocument *
tei_test_read_clean (GBytes *bytes)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  PeithoDocument *document = tei_test_read (bytes, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  return document;
}

GBytes *
tei_test_write (PeithoDocument *document,
                PeithoTeiForm   form)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = peitho_tei_write_bytes (document, form, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}
