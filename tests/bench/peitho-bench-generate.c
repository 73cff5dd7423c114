/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Builds a large, deterministic Peitho document through the core API and
 * writes it as standoff TEI: the input of the load/save benchmark. */

#include "config.h"

#include <string.h>

#include "peitho-core.h"

typedef struct {
  gsize start;
  gsize length;
} Paragraph;

typedef struct {
  gsize start;
  gsize end;
} Range;

/* Mostly plain English words, with enough accented letters, apostrophes and
 * hyphens that the reader's UTF-8 and offset paths are exercised. */
static const char * const words[] = {
  "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
  "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have",
  "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has",
  "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "people",
  "argument", "reason", "nation", "history", "freedom", "justice", "power", "truth", "law",
  "speech", "assembly", "citizens", "question", "answer", "evidence", "claim", "warrant",
  "opponent", "audience", "ancient", "modern", "republic", "senate", "orator", "memory",
  "labour", "struggle", "revolution", "party", "workers", "peace", "war", "victory",
  "defeat", "betrayal", "courage", "shame", "honour", "fear", "hope", "promise", "doubt",
  "certainly", "perhaps", "never", "always", "therefore", "however", "indeed", "moreover",
  "consequently", "nevertheless", "notwithstanding", "unquestionably", "extraordinary",
  "responsibility", "understanding", "government", "constitution", "international",
  "don't", "isn't", "we'll", "it's", "o'clock", "self-evident", "well-known",
  "so-called", "twenty-one", "long-standing", "café", "naïve", "résumé", "façade", "déjà",
  "über", "Zürich", "São", "Paulo", "Kraków", "Dvořák", "Ångström", "coöperate", "rôle",
  "élite", "Müller", "señor", "niño", "Œuvre", "straße", "Ελλάδα", "λόγος", "ἦθος",
  "πάθος", "Москва", "правда", "حرية", "שלום", "東京", "修辞", "1917", "1939", "42",
};

static const char * const emoji[] = {
  "😀", "🔥", "🌍", "📜", "✊", "🕊️", "👍🏽", "🇫🇷",
};

static const char * const punctuation[] = {
  ",", ",", ",", ";", ":", " —", " &", " <", " >",
};

static const char * const sentence_ends[] = {
  ".", ".", ".", ".", "?", "!", "…", ".\u201D",
};

static const char * const notes[] = {
  "Compare with the earlier claim & the rebuttal that follows.",
  "x < y && y > z: the orator reverses the order.",
  "Quoted as \"the people's will\" in the press; cf. <seg> usage.",
  "l'argument d'autorité — très fort ici.",
  "]]> is not a CDATA end here, and &amp; is literal text.",
  "Irony? The speaker says 'never' but means \"always\".",
  "Tricolon: three parallel members, rising in length.",
  "Appeal to fear 😨 directed at the undecided.",
  "A note\nover two lines\twith a tab.",
  "See Quintilian, Inst. 8.6.44 (allegoria).",
};

static const char * const relation_types[] = {
  "supports", "attacks", "concedes", "restates",
};

static const char * const annotator_names[] = {
  "Ada Lovelace", "Hélène Cixous", "Kenneth Burke", "Chaïm Perelman", "Lucie Olbrechts-Tyteca",
  "Wayne Booth", "Sonja Foss", "Stephen Toulmin",
};

/* The eight extra tags that take the default 22 to 30. */
static const struct {
  const char *id;
  const char *label;
  const char *color;
} extra_tags[] = {
  { "bench-apostrophe", "Apostrophe", "#e0a458" },
  { "bench-aporia", "Aporia", "#7fb7be" },
  { "bench-asyndeton", "Asyndeton", "#d3f3ee" },
  { "bench-polysyndeton", "Polysyndeton", "#bc6c25" },
  { "bench-climax", "Climax", "#c9ada7" },
  { "bench-zeugma", "Zeugma", "#9a8c98" },
  { "bench-prolepsis", "Prolepsis", "#a3b18a" },
  { "bench-enthymeme", "Enthymeme", "#f4acb7" },
};

static void
append_word (GString *out,
             gsize   *n_chars,
             const char *word)
{
  g_string_append (out, word);
  *n_chars += g_utf8_strlen (word, -1);
}

/* A paragraph of at least @target characters, made of whole sentences. */
static char *
make_paragraph (GRand *rand,
                gsize  target,
                gsize *n_chars)
{
  GString *out = g_string_sized_new (target + 256);
  gsize chars = 0;

  while (chars < target)
    {
      guint n_words = g_rand_int_range (rand, 4, 30);

      if (chars > 0)
        append_word (out, &chars, " ");

      for (guint i = 0; i < n_words; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          if (i == 0)
            {
              g_autofree char *capital = NULL;
              gunichar first = g_utf8_get_char (word);
              char buf[8] = { 0 };

              g_unichar_to_utf8 (g_unichar_totitle (first), buf);
              capital = g_strconcat (buf, g_utf8_next_char (word), NULL);
              append_word (out, &chars, capital);
            }
          else
            {
              append_word (out, &chars, " ");
              append_word (out, &chars, word);
            }

          if (g_rand_int_range (rand, 0, 400) == 0)
            {
              append_word (out, &chars, " ");
              append_word (out, &chars, emoji[g_rand_int_range (rand, 0, G_N_ELEMENTS (emoji))]);
            }
          if (i + 1 < n_words && g_rand_int_range (rand, 0, 9) == 0)
            append_word (out, &chars,
                         punctuation[g_rand_int_range (rand, 0, G_N_ELEMENTS (punctuation))]);
        }

      append_word (out, &chars,
                   sentence_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentence_ends))]);
    }

  *n_chars = chars;
  return g_string_free (out, FALSE);
}

static PeithoTagSet *
make_tag_set (GError **error)
{
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(PeithoTagGroup) group = NULL;

  group = peitho_tag_group_new ("bench-extra", "Extra",
                                "Further devices, added so that the benchmark has 30 tags.");
  if (!peitho_tag_set_add_group (tag_set, group, -1, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extra_tags); i++)
    {
      g_autoptr(PeithoTag) tag = NULL;
      g_autofree char *definition = g_strdup_printf ("The %s device (benchmark tag %u).",
                                                     extra_tags[i].label, i + 1);

      tag = peitho_tag_new (extra_tags[i].id, extra_tags[i].label, definition,
                            "An example sentence <with> \"markup\" & such.",
                            extra_tags[i].color);
      if (!peitho_tag_set_add_tag (tag_set, "bench-extra", tag, -1, error))
        return NULL;
    }

  return g_steal_pointer (&tag_set);
}

/* Index of the paragraph that holds @offset, or of the separator after it. */
static guint
find_paragraph (GArray *paragraphs,
                gsize   offset)
{
  guint lo = 0;
  guint hi = paragraphs->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (paragraphs, Paragraph, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* Moves a range off the "\n\n" separators the way the document would, so
 * that what we add is exactly what is stored. */
static gboolean
snap_range (GArray *paragraphs,
            Range  *range)
{
  const Paragraph *p = &g_array_index (paragraphs, Paragraph,
                                       find_paragraph (paragraphs, range->start));

  if (range->start >= p->start + p->length)
    {
      guint next = find_paragraph (paragraphs, range->start) + 1;

      if (next >= paragraphs->len)
        return FALSE;
      range->start = g_array_index (paragraphs, Paragraph, next).start;
    }

  p = &g_array_index (paragraphs, Paragraph, find_paragraph (paragraphs, range->end - 1));
  if (range->end > p->start + p->length)
    range->end = p->start + p->length;

  return range->start < range->end;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) annotators = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GDateTime) base_time = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 seed = 1;
  gint64 n_characters = 3000000;
  gint64 n_annotations = 100000;
  gint64 n_relations = 300;
  gint64 n_annotators = 4;
  gboolean no_created = FALSE;
  guint n_notes = 0;
  guint n_crossing = 0;
  guint n_nested = 0;
  gsize text_chars = 0;
  gint64 t0, t1, t2;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "N" },
    { "characters", 'c', 0, G_OPTION_ARG_INT64, &n_characters,
      "Characters of text (default 3000000)", "N" },
    { "annotations", 'a', 0, G_OPTION_ARG_INT64, &n_annotations,
      "Annotations (default 100000)", "N" },
    { "relations", 'r', 0, G_OPTION_ARG_INT64, &n_relations, "Relations (default 300)", "N" },
    { "annotators", 0, 0, G_OPTION_ARG_INT64, &n_annotators, "Annotators, 1-8 (default 4)",
      "N" },
    { "no-created", 0, 0, G_OPTION_ARG_NONE, &no_created,
      "Give annotations no creation time (by default each has its own second, as when "
      "annotated by hand)", NULL },
    { NULL }
  };

  context = g_option_context_new ("OUTPUT.xml - generate a large Peitho document");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("peitho-bench-generate: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_characters < 1000 || n_annotations < 0 || n_relations < 0
      || n_annotators < 1 || n_annotators > (gint64) G_N_ELEMENTS (annotator_names)
      || (n_annotations < 2 && n_relations > 0))
    {
      g_printerr ("Usage: peitho-bench-generate [OPTION...] OUTPUT.xml (see --help)\n");
      return 2;
    }

  t0 = g_get_monotonic_time ();
  rand = g_rand_new_with_seed ((guint32) seed);
  document = peitho_document_new ();
  peitho_document_set_title (document, "Peitho benchmark document");
  peitho_document_set_author (document, "Peitho & the <bench> generator");
  peitho_document_set_date (document, "2024-01-01");
  peitho_document_set_source (document, "Generated by peitho-bench-generate (deterministic).");

  tag_set = make_tag_set (&error);
  if (tag_set == NULL || !peitho_document_set_tag_set (document, tag_set, &error))
    {
      g_printerr ("peitho-bench-generate: tag set: %s\n", error->message);
      return 1;
    }
  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));

  paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  while (text_chars < (gsize) n_characters)
    {
      g_autofree char *text = NULL;
      Paragraph p;

      p.start = paragraphs->len == 0 ? 0 : text_chars + 2;
      text = make_paragraph (rand, g_rand_int_range (rand, 200, 3001), &p.length);
      if (!peitho_document_append_paragraph (document, text, -1, NULL, &error))
        {
          g_printerr ("peitho-bench-generate: paragraph %u: %s\n", paragraphs->len + 1,
                      error->message);
          return 1;
        }
      g_array_append_val (paragraphs, p);
      text_chars = p.start + p.length;
    }
  if (peitho_document_get_length (document) != text_chars)
    {
      g_printerr ("peitho-bench-generate: the document counts %" G_GSIZE_FORMAT
                  " characters, we count %" G_GSIZE_FORMAT "\n",
                  peitho_document_get_length (document), text_chars);
      return 1;
    }

  annotators = g_ptr_array_new ();
  for (guint i = 0; i < n_annotators; i++)
    g_ptr_array_add (annotators,
                     (gpointer) peitho_annotator_get_id (
                       peitho_document_ensure_annotator (document, annotator_names[i])));

  base_time = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  annotations = g_ptr_array_new_with_free_func (g_object_unref);
  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  while (annotations->len < n_annotations)
    {
      g_autoptr(PeithoAnnotation) annotation = NULL;
      g_autoptr(GDateTime) created = NULL;
      const char *note = NULL;
      g_autofree char *note_buf = NULL;
      guint kind = g_rand_int_range (rand, 0, 100);
      gboolean nested = FALSE;
      Range r;

      if (kind < 15 && ranges->len > 0)
        {
          /* Nested inside an earlier annotation. */
          const Range *outer = &g_array_index (ranges, Range,
                                               g_rand_int_range (rand, 0, ranges->len));
          if (outer->end - outer->start < 2)
            continue;
          r.start = outer->start + g_rand_int_range (rand, 0, outer->end - outer->start - 1);
          r.end = r.start + g_rand_int_range (rand, 1, outer->end - r.start + 1);
          nested = TRUE;
        }
      else
        {
          r.start = (gsize) g_rand_double_range (rand, 0, text_chars - 1);
          r.end = MIN (r.start + g_rand_int_range (rand, 1, 401), text_chars);
        }
      if (!snap_range (paragraphs, &r))
        continue;
      if (nested)
        n_nested++;
      if (find_paragraph (paragraphs, r.start) != find_paragraph (paragraphs, r.end - 1))
        n_crossing++;

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          if (g_rand_boolean (rand))
            note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];
          else
            note = note_buf = g_strdup_printf ("Note %u on %s: %s", annotations->len + 1,
                                               words[g_rand_int_range (rand, 0,
                                                                       G_N_ELEMENTS (words))],
                                               notes[g_rand_int_range (rand, 0,
                                                                       G_N_ELEMENTS (notes))]);
          n_notes++;
        }

      if (!no_created)
        created = g_date_time_add_seconds (base_time, annotations->len * 7.0);
      annotation = peitho_annotation_new (NULL, r.start, r.end,
                                          peitho_tag_get_id (g_ptr_array_index (
                                            tags, g_rand_int_range (rand, 0, tags->len))),
                                          g_ptr_array_index (annotators,
                                                             g_rand_int_range (rand, 0,
                                                                               annotators->len)),
                                          note, created);
      if (!peitho_document_add_annotation (document, annotation, &error))
        {
          g_printerr ("peitho-bench-generate: annotation [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT
                      "): %s\n", r.start, r.end, error->message);
          return 1;
        }
      g_array_append_val (ranges, r);
      g_ptr_array_add (annotations, g_steal_pointer (&annotation));
    }

  for (gint64 i = 0; i < n_relations; i++)
    {
      g_autoptr(PeithoRelation) relation = NULL;
      guint from = g_rand_int_range (rand, 0, annotations->len);
      guint to = g_rand_int_range (rand, 0, annotations->len - 1);

      if (to >= from)
        to++;
      relation = peitho_relation_new (NULL,
                                      relation_types[g_rand_int_range (rand, 0,
                                                                       G_N_ELEMENTS (relation_types))],
                                      peitho_annotation_get_id (g_ptr_array_index (annotations, from)),
                                      peitho_annotation_get_id (g_ptr_array_index (annotations, to)),
                                      g_ptr_array_index (annotators, i % annotators->len));
      if (!peitho_document_add_relation (document, relation, &error))
        {
          g_printerr ("peitho-bench-generate: relation %" G_GINT64_FORMAT ": %s\n", i + 1,
                      error->message);
          return 1;
        }
    }

  t1 = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!peitho_tei_write_file (document, file, PEITHO_TEI_STANDOFF, FALSE, NULL, &error))
    {
      g_printerr ("peitho-bench-generate: %s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  if (info == NULL)
    {
      g_printerr ("peitho-bench-generate: %s\n", error->message);
      return 1;
    }

  /* "key: value" lines; run-benchmark.sh reads them. */
  g_print ("file: %s\n", argv[1]);
  g_print ("file-bytes: %" G_GOFFSET_FORMAT "\n", g_file_info_get_size (info));
  g_print ("text-characters: %" G_GSIZE_FORMAT "\n", text_chars);
  g_print ("text-bytes: %" G_GSIZE_FORMAT "\n", strlen (peitho_document_get_text (document)));
  g_print ("paragraphs: %u\n", peitho_document_get_n_paragraphs (document));
  g_print ("tags: %u (%u groups)\n",
           peitho_tag_set_get_n_tags (peitho_document_get_tag_set (document)),
           peitho_tag_set_get_n_groups (peitho_document_get_tag_set (document)));
  g_print ("annotators: %u\n", g_list_model_get_n_items (peitho_document_get_annotators (document)));
  g_print ("annotations: %u (%u with notes, %u nested by construction, %u crossing paragraphs)\n",
           peitho_document_get_n_annotations (document), n_notes, n_nested, n_crossing);
  g_print ("relations: %u\n", peitho_document_get_n_relations (document));
  g_print ("seed: %" G_GINT64_FORMAT "\n", seed);
  g_print ("created: %s\n", no_created ? "none" : "one second each");
  g_print ("build-ms: %.0f\n", (t1 - t0) / 1000.0);
  g_print ("write-ms: %.0f\n", (t2 - t1) / 1000.0);

  return 0;
}
