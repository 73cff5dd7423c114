/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <peitho-core.h>

#include "tei-validate.h"

/* Assignments, readings, merging and splitting, and agreement on seminar
 * documents, through TEI as the files go. */

static PeithoDocument *
make_document (const char * const *paragraphs)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();

  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_assert_true (peitho_document_append_paragraph (document, paragraphs[i], -1, NULL, NULL));
  g_assert_true (peitho_document_set_tag_set (document, tag_set, NULL));
  peitho_document_set_title (document, "Funeral oration");
  return g_steal_pointer (&document);
}

static const char * const speech[] = {
  "Friends, Romans, countrymen, lend me your ears; I come to bury Caesar, not to praise him.",
  "The evil that men do lives after them; the good is oft interred with their bones.",
  "So let it be with Caesar. The noble Brutus hath told you Caesar was ambitious.",
  NULL,
};

static PeithoAnnotation *
annotate (PeithoDocument *document,
          const char     *annotator,
          gsize           start,
          gsize           end,
          const char     *tag,
          const char     *note)
{
  PeithoAnnotator *who = peitho_document_ensure_annotator (document, annotator);
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = peitho_annotation_new (NULL, start, end, tag, peitho_annotator_get_id (who),
                                      note, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

/* Writes @document as TEI, checks it is valid TEI All, reads it back. */
static PeithoDocument *
through_tei (PeithoDocument *document,
             gboolean        validate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = peitho_tei_write_bytes (document, PEITHO_TEI_STANDOFF, &error);
  PeithoDocument *read;

  g_assert_no_error (error);
  if (validate)
    tei_assert_valid (bytes);
  read = peitho_tei_read_bytes (bytes, "test.xml", PEITHO_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  return read;
}

static PeithoDocument *
make_assignment (gboolean keep)
{
  g_autoptr(PeithoDocument) source = make_document (speech);
  g_autoptr(PeithoAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const tags[] = { "epistrophe", "irony", "claim", NULL };
  PeithoDocument *prepared;

  annotate (source, "Teacher", 0, 27, "tricolon", NULL);
  annotate (source, "Teacher", 186, 230, "irony", "Brutus is anything but");
  assignment = peitho_assignment_new ("Find the epistrophes and the irony.\n"
                                      "Link each claim to its evidence.", FALSE);
  prepared = peitho_assignment_prepare (assignment, source, tags, keep, &error);
  g_assert_no_error (error);
  return prepared;
}

static void
test_assignment (void)
{
  g_autoptr(PeithoDocument) prepared = make_assignment (FALSE);
  g_autoptr(PeithoDocument) read = through_tei (prepared, TRUE);
  g_autoptr(PeithoAssignment) assignment = peitho_assignment_get_for_document (read);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (read);

  g_assert_nonnull (assignment);
  g_assert_cmpstr (peitho_assignment_get_task (assignment), ==,
                   "Find the epistrophes and the irony.\nLink each claim to its evidence.");
  g_assert_false (peitho_assignment_get_tag_set_editable (assignment));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set), ==, 3);
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set, "irony"));
  g_assert_null (peitho_tag_set_lookup_tag (tag_set, "tricolon"));
  /* The teacher's annotations and the teacher stay out. */
  g_assert_cmpuint (peitho_document_get_n_annotations (read), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotators (read)), ==, 0);
  g_assert_cmpstr (peitho_document_get_text (read), ==, peitho_document_get_text (prepared));
  g_assert_cmpstr (peitho_document_get_title (read), ==, "Funeral oration");

  /* A document that is not an assignment has none. */
  {
    g_autoptr(PeithoDocument) plain = make_document (speech);

    g_assert_null (peitho_assignment_get_for_document (plain));
  }
}

static void
test_assignment_keep (void)
{
  g_autoptr(PeithoDocument) prepared = make_assignment (TRUE);
  g_autoptr(PeithoDocument) read = through_tei (prepared, FALSE);
  g_autoptr(PeithoAnnotation) kept = NULL;

  /* Only the annotation whose tag is in the narrowed set. */
  g_assert_cmpuint (peitho_document_get_n_annotations (read), ==, 1);
  kept = g_list_model_get_item (peitho_document_get_annotations (read), 0);
  g_assert_cmpstr (peitho_annotation_get_tag_id (kept), ==, "irony");
  g_assert_cmpstr (peitho_annotation_get_note (kept), ==, "Brutus is anything but");
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotators (read)), ==, 1);
}

static void
test_assignment_unknown_tag (void)
{
  g_autoptr(PeithoDocument) source = make_document (speech);
  g_autoptr(PeithoAssignment) assignment = peitho_assignment_new (NULL, TRUE);
  g_autoptr(GError) error = NULL;
  static const char * const tags[] = { "irony", "no-such-tag", NULL };
  g_autoptr(PeithoDocument) prepared = peitho_assignment_prepare (assignment, source, tags,
                                                                  FALSE, &error);

  g_assert_null (prepared);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
  g_assert_nonnull (strstr (error->message, "no-such-tag"));
}

static void
test_reading_names (void)
{
  g_autofree char *name = peitho_reading_basename ("antony.xml", "Ada Lovelace");
  g_autofree char *odd = peitho_reading_basename ("antony.xml", " a/b\\c ");
  g_autofree char *empty = peitho_reading_basename ("antony", "  ");
  g_autofree char *student = peitho_reading_student_from_basename ("antony.xml",
                                                                   "antony — Ada Lovelace.xml");
  g_autofree char *other = peitho_reading_student_from_basename ("antony.xml", "notes — Ben.xml");
  g_autofree char *plain = peitho_reading_student_from_basename ("antony.xml", "carla.xml");
  g_autoptr(GFile) folder = g_file_new_for_path ("/tmp/seminar");
  g_autoptr(GFile) assignment = g_file_get_child (folder, "antony.xml");
  g_autoptr(GFile) reading = peitho_reading_file (assignment, "Ada");
  g_autofree char *reading_path = g_file_get_path (reading);

  g_assert_cmpstr (name, ==, "antony — Ada Lovelace.xml");
  g_assert_cmpstr (odd, ==, "antony — a-b-c.xml");
  g_assert_cmpstr (empty, ==, "antony — student.xml");
  g_assert_cmpstr (student, ==, "Ada Lovelace");
  g_assert_cmpstr (other, ==, "Ben");
  g_assert_cmpstr (plain, ==, "carla");
  g_assert_cmpstr (reading_path, ==, "/tmp/seminar/antony — Ada.xml");
}

/* A student's reading of @assignment: its text, with annotations. */
static PeithoDocument *
make_reading (PeithoDocument *assignment,
              const char     *student)
{
  g_autoptr(PeithoDocument) reading = through_tei (assignment, FALSE);

  if (student != NULL)
    peitho_document_ensure_annotator (reading, student);
  return g_steal_pointer (&reading);
}

static void
test_merge_text_differs (void)
{
  g_autoptr(PeithoDocument) assignment = make_assignment (FALSE);
  g_autoptr(PeithoSeminarMerger) merger = peitho_seminar_merger_new (assignment, "antony.xml");
  const char * const changed[] = {
    speech[0],
    "The evil that men do lives after them; the good is oft interred with their bones.",
    "So let it be with Caesar. The noble Brutus hath told you Caesar was ambitiöus.",
    NULL,
  };
  g_autoptr(PeithoDocument) reading = make_document (changed);
  g_autoptr(GError) error = NULL;
  gsize offset = strlen (speech[0]) + 2 + strlen (speech[1]) + 2
                 + strlen ("So let it be with Caesar. The noble Brutus hath told you Caesar was ambiti");

  g_assert_false (peitho_seminar_merger_add_reading (merger, reading, "antony — Ben.xml",
                                                     PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  {
    g_autofree char *expected = g_strdup_printf ("antony — Ben.xml: the text differs from the "
                                                 "assignment’s at character %" G_GSIZE_FORMAT
                                                 " (line 5, column 75): “ö” instead of “o”",
                                                 offset);

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_assert_cmpuint (peitho_seminar_merger_get_n_readings (merger), ==, 0);

  /* A text that ends early. */
  {
    const char * const shorter[] = { speech[0], NULL };
    g_autoptr(PeithoDocument) short_reading = make_document (shorter);

    g_clear_error (&error);
    g_assert_false (peitho_seminar_merger_add_reading (merger, short_reading, "short.xml",
                                                       PEITHO_SEMINAR_DUPLICATE_FAIL, NULL,
                                                       &error));
    g_assert_nonnull (strstr (error->message, "the end of the text instead of a line break"));
  }
}

static void
test_merge_duplicate (void)
{
  g_autoptr(PeithoDocument) assignment = make_assignment (FALSE);
  g_autoptr(PeithoSeminarMerger) merger = peitho_seminar_merger_new (assignment, "antony.xml");
  g_autoptr(PeithoDocument) first = make_reading (assignment, "Ada");
  g_autoptr(PeithoDocument) second = make_reading (assignment, "Ada");
  g_autoptr(PeithoDocument) seminar = NULL;
  g_autoptr(GError) error = NULL;
  PeithoSeminarOutcome outcome;

  annotate (first, "Ada", 0, 7, "claim", NULL);
  annotate (second, "Ada", 10, 16, "irony", NULL);
  annotate (second, "Ada", 20, 26, "irony", NULL);

  g_assert_true (peitho_seminar_merger_add_reading (merger, first, "a.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, &outcome, &error));
  g_assert_cmpint (outcome, ==, PEITHO_SEMINAR_ADDED);
  g_assert_false (peitho_seminar_merger_add_reading (merger, second, "b.xml",
                                                     PEITHO_SEMINAR_DUPLICATE_FAIL, &outcome, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "b.xml: a second reading by “Ada”; the first is a.xml");
  g_clear_error (&error);

  g_assert_true (peitho_seminar_merger_add_reading (merger, second, "b.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_KEEP_FIRST, &outcome,
                                                    &error));
  g_assert_cmpint (outcome, ==, PEITHO_SEMINAR_SKIPPED);
  g_assert_cmpstr (peitho_seminar_merger_get_file (merger, 0), ==, "a.xml");

  g_assert_true (peitho_seminar_merger_add_reading (merger, second, "b.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_KEEP_LAST, &outcome,
                                                    &error));
  g_assert_cmpint (outcome, ==, PEITHO_SEMINAR_REPLACED);
  g_assert_cmpuint (peitho_seminar_merger_get_n_readings (merger), ==, 1);
  g_assert_cmpstr (peitho_seminar_merger_get_file (merger, 0), ==, "b.xml");

  seminar = peitho_seminar_merger_build (merger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_annotations (seminar), ==, 2);
}

/* Three students, one silent (no annotator entry: named by the file). */
static PeithoDocument *
make_seminar (gboolean with_silent)
{
  g_autoptr(PeithoDocument) assignment = make_assignment (TRUE);
  g_autoptr(PeithoSeminarMerger) merger = peitho_seminar_merger_new (assignment, "dir/antony.xml");
  g_autoptr(PeithoDocument) ada = make_reading (assignment, "Ada");
  g_autoptr(PeithoDocument) ben = make_reading (assignment, "Ben");
  g_autoptr(PeithoDocument) silent = make_reading (assignment, NULL);
  g_autoptr(GError) error = NULL;
  PeithoDocument *seminar;

  annotate (ada, "Ada", 186, 230, "irony", NULL);
  annotate (ada, "Ada", 0, 27, "claim", "the address");
  annotate (ben, "Ben", 186, 230, "irony", NULL);
  annotate (ben, "Ben", 0, 27, "claim", NULL);

  g_assert_true (peitho_seminar_merger_add_reading (merger, ada, "dir/antony — Ada.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  g_assert_true (peitho_seminar_merger_add_reading (merger, ben, "dir/antony — Ben.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  if (with_silent)
    {
      g_assert_true (peitho_seminar_merger_add_reading (merger, silent, "dir/antony — Carla.xml",
                                                        PEITHO_SEMINAR_DUPLICATE_FAIL, NULL,
                                                        &error));
      g_assert_cmpstr (peitho_seminar_merger_get_student (merger, 2), ==, "Carla");
    }
  g_assert_no_error (error);
  seminar = peitho_seminar_merger_build (merger, &error);
  g_assert_no_error (error);
  return seminar;
}

static void
test_seminar_document (void)
{
  g_autoptr(PeithoDocument) built = make_seminar (TRUE);
  g_autoptr(PeithoDocument) seminar = through_tei (built, TRUE);
  g_auto(GStrv) students = peitho_seminar_dup_students (seminar);
  g_autoptr(PeithoAssignment) assignment = NULL;

  g_assert_nonnull (students);
  g_assert_cmpuint (g_strv_length (students), ==, 3);
  g_assert_cmpstr (peitho_annotator_get_name (peitho_document_lookup_annotator (seminar, students[2])),
                   ==, "Carla");
  /* Two students' two annotations, and the teacher's kept one, once. */
  g_assert_cmpuint (peitho_document_get_n_annotations (seminar), ==, 5);
  g_assert_cmpuint (peitho_document_count_annotator (seminar, students[0]), ==, 2);
  /* The reading numbered on after the kept a2: its a3 is the layer's ann-ada.a3. */
  g_assert_nonnull (peitho_document_lookup_annotation (seminar, "ann-ada.a3"));
  g_assert_nonnull (peitho_document_lookup_annotation (seminar, "a2"));
  /* Still the assignment. */
  assignment = peitho_assignment_get_for_document (seminar);
  g_assert_nonnull (assignment);
}

static void
test_agreement (void)
{
  g_autoptr(PeithoDocument) with_silent = make_seminar (TRUE);
  g_autoptr(PeithoDocument) without = make_seminar (FALSE);
  g_autoptr(PeithoAgreement) three = peitho_agreement_compute (with_silent, NULL, NULL);
  g_autoptr(PeithoAgreement) two = peitho_agreement_compute (without, NULL, NULL);
  static const char * const ada_only[] = { "Ada", NULL };
  static const PeithoAgreementOptions one_options = { NULL, ada_only, NULL };
  static const PeithoAgreementOptions key_options = { NULL, NULL, "Teacher" };
  g_autoptr(PeithoAgreement) one = peitho_agreement_compute (with_silent, &one_options, NULL);
  g_autoptr(PeithoAgreement) keyed = peitho_agreement_compute (with_silent, &key_options, NULL);
  PeithoMeasure alpha;

  /* Two students who agree completely: 1; a silent third lowers it. */
  g_assert_cmpuint (peitho_agreement_get_n_annotators (two), ==, 2);
  g_assert_cmpfloat (peitho_agreement_get_alpha (two).value, ==, 1.0);
  g_assert_cmpuint (peitho_agreement_get_n_annotators (three), ==, 3);
  alpha = peitho_agreement_get_alpha (three);
  g_assert_true (peitho_measure_is_defined (alpha));
  g_assert_cmpfloat (alpha.value, <, 1.0);
  g_assert_cmpuint (peitho_agreement_get_annotator_annotations (three, 2), ==, 0);
  g_assert_cmpfloat (peitho_agreement_get_pair_alpha (three, 0, 1).value, ==, 1.0);
  g_assert_cmpfloat (peitho_agreement_get_pair_alpha (three, 0, 2).value, <, 1.0);
  g_assert_false (peitho_measure_is_defined (peitho_agreement_get_pair_alpha (three, 1, 1)));

  /* The per-tag rows: a tag nobody used is undefined, with its reason. */
  for (guint t = 0; t < peitho_agreement_get_n_tags (three); t++)
    if (g_str_equal (peitho_agreement_get_tag_id (three, t), "epistrophe"))
      {
        g_assert_cmpint (peitho_agreement_get_tag_alpha (three, t).reason, ==,
                         PEITHO_UNDEFINED_NO_ANNOTATIONS);
        g_assert_cmpint (peitho_agreement_get_tag_pair_alpha (three, t, 0, 1).reason, ==,
                         PEITHO_UNDEFINED_NO_ANNOTATIONS);
      }
    else
      {
        g_assert_true (peitho_measure_is_defined (peitho_agreement_get_tag_alpha (three, t)));
        /* Ada and Ben agree on every tag; Carla marked nothing. */
        g_assert_cmpfloat (peitho_agreement_get_tag_pair_alpha (three, t, 0, 1).value, ==, 1.0);
        g_assert_cmpfloat (peitho_agreement_get_tag_pair_alpha (three, t, 1, 0).value, ==, 1.0);
        g_assert_cmpfloat (peitho_agreement_get_tag_pair_alpha (three, t, 0, 2).value, <, 1.0);
      }

  /* One annotator: undefined. */
  g_assert_cmpint (peitho_agreement_get_alpha (one).reason, ==, PEITHO_UNDEFINED_TOO_FEW_ANNOTATORS);

  /* Against the teacher's key (one irony annotation, [186, 230)). */
  g_assert_cmpstr (peitho_agreement_get_key_name (keyed), ==, "Teacher");
  g_assert_cmpuint (peitho_agreement_get_n_annotators (keyed), ==, 3);
  g_assert_cmpfloat_with_epsilon (peitho_agreement_get_precision (keyed, 0).value,
                                  44.0 / 71.0, 1e-12);
  g_assert_cmpfloat (peitho_agreement_get_recall (keyed, 0).value, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (peitho_agreement_get_f1 (keyed, 0).value,
                                  2.0 * 44.0 / (71.0 + 44.0), 1e-12);
  g_assert_cmpint (peitho_agreement_get_precision (keyed, 2).reason, ==,
                   PEITHO_UNDEFINED_NOTHING_MARKED);
  g_assert_cmpfloat (peitho_agreement_get_f1 (keyed, 2).value, ==, 0.0);

  /* Unknown names are errors. */
  {
    static const char * const nobody[] = { "Zed", NULL };
    static const PeithoAgreementOptions bad = { NULL, nobody, NULL };
    g_autoptr(GError) error = NULL;

    g_assert_null (peitho_agreement_compute (with_silent, &bad, &error));
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  }
}

static gpointer
run_job_thread (gpointer data)
{
  return peitho_agreement_job_run (data);
}

/* In two steps, the second in another thread after the document changed:
 * the same values as computing at once from the document as it was. */
static void
test_agreement_job (void)
{
  g_autoptr(PeithoDocument) seminar = make_seminar (TRUE);
  static const PeithoAgreementOptions key_options = { NULL, NULL, "Teacher" };
  g_autoptr(PeithoAgreement) expected = peitho_agreement_compute (seminar, &key_options, NULL);
  g_autoptr(PeithoAgreementJob) job = peitho_agreement_job_new (seminar, &key_options, NULL);
  g_autoptr(PeithoAgreement) agreement = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = peitho_document_get_annotations (seminar);
  guint n = g_list_model_get_n_items (model);
  guint n_annotators;

  g_assert_nonnull (expected);
  g_assert_nonnull (job);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annotations, g_list_model_get_item (model, i));
  for (guint i = 0; i < annotations->len; i++)
    g_assert_true (peitho_document_remove_annotation (seminar, annotations->pdata[i], NULL));
  g_assert_cmpuint (peitho_document_get_n_annotations (seminar), ==, 0);

  agreement = g_thread_join (g_thread_new ("agreement", run_job_thread, job));
  g_assert_nonnull (agreement);
  n_annotators = peitho_agreement_get_n_annotators (expected);
  g_assert_cmpuint (n_annotators, ==, 3);
  g_assert_cmpuint (peitho_agreement_get_n_annotators (agreement), ==, n_annotators);
  g_assert_cmpfloat (peitho_agreement_get_alpha (agreement).value, ==,
                     peitho_agreement_get_alpha (expected).value);
  g_assert_cmpfloat (peitho_agreement_get_alpha (agreement).value, <, 1.0);
  for (guint a = 0; a < n_annotators; a++)
    {
      g_assert_cmpstr (peitho_agreement_get_annotator_name (agreement, a), ==,
                       peitho_agreement_get_annotator_name (expected, a));
      g_assert_cmpint (peitho_agreement_get_f1 (agreement, a).reason, ==,
                       peitho_agreement_get_f1 (expected, a).reason);
      g_assert_cmpfloat (peitho_agreement_get_f1 (agreement, a).value, ==,
                         peitho_agreement_get_f1 (expected, a).value);
      for (guint b = 0; b < n_annotators; b++)
        {
          g_assert_cmpint (peitho_agreement_get_pair_alpha (agreement, a, b).reason, ==,
                           peitho_agreement_get_pair_alpha (expected, a, b).reason);
          g_assert_cmpfloat (peitho_agreement_get_pair_alpha (agreement, a, b).value, ==,
                             peitho_agreement_get_pair_alpha (expected, a, b).value);
        }
    }
  g_assert_cmpstr (peitho_agreement_get_key_name (agreement), ==, "Teacher");

  /* It fails where computing at once fails. */
  {
    static const char * const nobody[] = { "Zed", NULL };
    static const PeithoAgreementOptions bad = { NULL, nobody, NULL };
    g_autoptr(GError) error = NULL;

    g_assert_null (peitho_agreement_job_new (seminar, &bad, &error));
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  }
}

/* ---------------------------------------------------------------------------
 * Merge then split gives back each reading: random documents.
 */

static void
assert_same_reading (PeithoDocument *expected,
                     PeithoDocument *actual)
{
  GListModel *a = peitho_document_get_annotations (expected);
  GListModel *b = peitho_document_get_annotations (actual);
  GListModel *ra = peitho_document_get_relations (expected);
  GListModel *rb = peitho_document_get_relations (actual);
  GListModel *pa = peitho_document_get_annotators (expected);
  GListModel *pb = peitho_document_get_annotators (actual);

  g_assert_cmpstr (peitho_document_get_text (expected), ==, peitho_document_get_text (actual));
  g_assert_cmpuint (peitho_document_get_n_paragraphs (expected), ==,
                    peitho_document_get_n_paragraphs (actual));

  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(PeithoAnnotator) x = g_list_model_get_item (pa, i);
      g_autoptr(PeithoAnnotator) y = g_list_model_get_item (pb, i);

      g_assert_cmpstr (peitho_annotator_get_id (x), ==, peitho_annotator_get_id (y));
      g_assert_cmpstr (peitho_annotator_get_name (x), ==, peitho_annotator_get_name (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PeithoAnnotation) x = g_list_model_get_item (a, i);
      g_autoptr(PeithoAnnotation) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (peitho_annotation_get_id (x), ==, peitho_annotation_get_id (y));
      g_assert_cmpuint (peitho_annotation_get_start (x), ==, peitho_annotation_get_start (y));
      g_assert_cmpuint (peitho_annotation_get_end (x), ==, peitho_annotation_get_end (y));
      g_assert_cmpstr (peitho_annotation_get_tag_id (x), ==, peitho_annotation_get_tag_id (y));
      g_assert_cmpstr (peitho_annotation_get_annotator_id (x), ==,
                       peitho_annotation_get_annotator_id (y));
      g_assert_cmpstr (peitho_annotation_get_note (x), ==, peitho_annotation_get_note (y));
      g_assert_true ((peitho_annotation_get_created (x) == NULL)
                     == (peitho_annotation_get_created (y) == NULL));
      if (peitho_annotation_get_created (x) != NULL)
        g_assert_true (g_date_time_equal (peitho_annotation_get_created (x),
                                          peitho_annotation_get_created (y)));
    }

  g_assert_cmpuint (g_list_model_get_n_items (ra), ==, g_list_model_get_n_items (rb));
  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      g_autoptr(PeithoRelation) x = g_list_model_get_item (ra, i);
      g_autoptr(PeithoRelation) y = g_list_model_get_item (rb, i);

      g_assert_cmpstr (peitho_relation_get_id (x), ==, peitho_relation_get_id (y));
      g_assert_cmpstr (peitho_relation_get_relation_type (x), ==,
                       peitho_relation_get_relation_type (y));
      g_assert_cmpstr (peitho_relation_get_from_id (x), ==, peitho_relation_get_from_id (y));
      g_assert_cmpstr (peitho_relation_get_to_id (x), ==, peitho_relation_get_to_id (y));
      g_assert_cmpstr (peitho_relation_get_annotator_id (x), ==,
                       peitho_relation_get_annotator_id (y));
    }
}

static char *
random_text (GRand *rand,
             guint  length)
{
  static const char * const pieces[] = { "a", "b", "é", " ", "—", "ß", "x", ",", "’", "中" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  if (text->str[0] == ' ')
    text->str[0] = 'a';
  return g_string_free (text, FALSE);
}

static void
add_random_layer (GRand          *rand,
                  PeithoDocument *reading,
                  const char     *student)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (reading));
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (reading, student);
  gsize length = peitho_document_get_length (reading);
  guint n = g_rand_int_range (rand, 0, 25);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      gsize start = g_rand_int_range (rand, 0, length - 1);
      gsize end = MIN (length, start + g_rand_int_range (rand, 1, 40));
      PeithoTag *tag = g_ptr_array_index (tags, g_rand_int_range (rand, 0, tags->len));
      g_autoptr(GDateTime) created = g_rand_boolean (rand)
                                     ? g_date_time_new_utc (2026, 11, 30, 10,
                                                            g_rand_int_range (rand, 0, 60),
                                                            g_rand_int_range (rand, 0, 60))
                                     : NULL;
      g_autofree char *note = g_rand_boolean (rand) ? random_text (rand, 12) : NULL;
      g_autoptr(PeithoAnnotation) annotation = NULL;

      annotation = peitho_annotation_new (NULL, start, end, peitho_tag_get_id (tag),
                                          peitho_annotator_get_id (annotator), note, created);
      /* Ranges inside a paragraph separator are refused: skip those. */
      if (peitho_document_add_annotation (reading, annotation, NULL))
        g_ptr_array_add (added, g_object_ref (annotation));
    }

  for (guint i = 0; added->len >= 2 && i < 4; i++)
    {
      PeithoAnnotation *from = g_ptr_array_index (added, g_rand_int_range (rand, 0, added->len));
      PeithoAnnotation *to = g_ptr_array_index (added, g_rand_int_range (rand, 0, added->len));
      g_autoptr(PeithoRelation) relation = NULL;

      if (from == to)
        continue;
      relation = peitho_relation_new (NULL, g_rand_boolean (rand) ? "supports" : "attacks",
                                      peitho_annotation_get_id (from),
                                      peitho_annotation_get_id (to),
                                      g_rand_boolean (rand) ? peitho_annotator_get_id (annotator)
                                                            : NULL);
      peitho_document_add_relation (reading, relation, NULL);
    }
}

static void
test_merge_split_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(PeithoDocument) source = peitho_document_new ();
      g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
      g_autoptr(PeithoAssignment) assignment = peitho_assignment_new ("Read.", round % 2);
      g_autoptr(PeithoDocument) handout = NULL;
      g_autoptr(PeithoSeminarMerger) merger = NULL;
      g_autoptr(PeithoDocument) built = NULL;
      g_autoptr(PeithoDocument) seminar = NULL;
      g_autoptr(GPtrArray) readings = g_ptr_array_new_with_free_func (g_object_unref);
      g_auto(GStrv) students = NULL;
      guint n_paragraphs = g_rand_int_range (rand, 1, 6);
      guint n_students = g_rand_int_range (rand, 1, 7);
      g_autoptr(GError) error = NULL;

      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_autofree char *text = random_text (rand, g_rand_int_range (rand, 5, 120));

          g_assert_true (peitho_document_append_paragraph (source, text, -1, NULL, NULL));
        }
      g_assert_true (peitho_document_set_tag_set (source, tag_set, NULL));
      handout = peitho_assignment_prepare (assignment, source, NULL, FALSE, &error);
      g_assert_no_error (error);
      merger = peitho_seminar_merger_new (handout, "handout.xml");

      for (guint s = 0; s < n_students; s++)
        {
          g_autofree char *name = g_strdup_printf ("Student %c%u", 'A' + s, round);
          g_autofree char *file = peitho_reading_basename ("handout.xml", name);
          g_autoptr(PeithoDocument) reading = make_reading (handout, NULL);
          g_autoptr(PeithoDocument) saved = NULL;

          add_random_layer (rand, reading, name);
          saved = through_tei (reading, FALSE);
          g_assert_true (peitho_seminar_merger_add_reading (merger, saved, file,
                                                            PEITHO_SEMINAR_DUPLICATE_FAIL, NULL,
                                                            &error));
          g_assert_no_error (error);
          g_ptr_array_add (readings, g_steal_pointer (&saved));
        }

      built = peitho_seminar_merger_build (merger, &error);
      g_assert_no_error (error);
      seminar = through_tei (built, round == 0);
      students = peitho_seminar_dup_students (seminar);
      g_assert_cmpuint (g_strv_length (students), ==, n_students);

      for (guint s = 0; s < n_students; s++)
        {
          g_autoptr(PeithoDocument) split = peitho_seminar_split (seminar, students[s], &error);
          g_autoptr(PeithoDocument) split_read = NULL;

          g_assert_no_error (error);
          split_read = through_tei (split, FALSE);
          assert_same_reading (g_ptr_array_index (readings, s), split_read);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seminar/assignment", test_assignment);
  g_test_add_func ("/seminar/assignment-keep", test_assignment_keep);
  g_test_add_func ("/seminar/assignment-unknown-tag", test_assignment_unknown_tag);
  g_test_add_func ("/seminar/reading-names", test_reading_names);
  g_test_add_func ("/seminar/merge-text-differs", test_merge_text_differs);
  g_test_add_func ("/seminar/merge-duplicate", test_merge_duplicate);
  g_test_add_func ("/seminar/seminar-document", test_seminar_document);
  g_test_add_func ("/seminar/agreement", test_agreement);
  g_test_add_func ("/seminar/agreement-job", test_agreement_job);
  g_test_add_func ("/seminar/merge-split-property", test_merge_split_property);

  return g_test_run ();
}
