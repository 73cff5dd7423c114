/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <peitho-core.h>

/* Passages to discuss, on small hand-made seminars whose ranking can be
 * worked out by hand (see peitho-discussion.h for the measure). */

static PeithoDocument *
make_document (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GString) text = g_string_new (NULL);

  /* 200 characters, no paragraph break that would matter. */
  for (guint i = 0; i < 20; i++)
    g_string_append (text, "abcdefghi ");
  g_assert_true (peitho_document_append_paragraph (document, text->str, -1, NULL, NULL));
  g_assert_true (peitho_document_set_tag_set (document, tag_set, NULL));
  return g_steal_pointer (&document);
}

static void
annotate (PeithoDocument *document,
          const char     *annotator,
          gsize           start,
          gsize           end,
          const char     *tag)
{
  PeithoAnnotator *who = peitho_document_ensure_annotator (document, annotator);
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = peitho_annotation_new (NULL, start, end, tag, peitho_annotator_get_id (who),
                                      NULL, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static PeithoDiscussionPassage *
passage_at (GListModel *model,
            guint       position)
{
  g_autoptr(PeithoDiscussionPassage) passage = g_list_model_get_item (model, position);

  g_assert_nonnull (passage);
  /* The model keeps it alive. */
  return passage;
}

static void
assert_passage (GListModel *model,
                guint       position,
                gsize       start,
                gsize       end,
                double      score,
                guint       n_marked)
{
  PeithoDiscussionPassage *passage = passage_at (model, position);

  g_assert_cmpuint (peitho_discussion_passage_get_start (passage), ==, start);
  g_assert_cmpuint (peitho_discussion_passage_get_end (passage), ==, end);
  g_assert_cmpfloat_with_epsilon (peitho_discussion_passage_get_score (passage), score, 1e-9);
  g_assert_cmpuint (peitho_discussion_passage_get_n_marked (passage), ==, n_marked);
}

/* Two students: a span tagged differently, a span both tagged alike (left
 * out), a span only one marked. */
static void
test_two_students (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDiscussionPassage *first;
  const char * const *tags;

  annotate (document, "Ada", 10, 20, "irony");
  annotate (document, "Ben", 12, 18, "claim");
  annotate (document, "Ada", 30, 40, "metaphor");
  annotate (document, "Ben", 32, 40, "metaphor");
  annotate (document, "Ada", 50, 60, "anaphora");

  passages = peitho_discussion_compute (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);
  assert_passage (passages, 0, 10, 20, 1.0, 2);
  assert_passage (passages, 1, 50, 60, 1.0, 1);

  first = passage_at (passages, 0);
  g_assert_cmpuint (peitho_discussion_passage_get_n_readers (first), ==, 2);
  g_assert_cmpstr (peitho_discussion_passage_get_reader (first, 0), ==, "ann-ada");
  tags = peitho_discussion_passage_get_reader_tags (first, 0);
  g_assert_cmpstrv (tags, ((const char *[]) { "irony", NULL }));
  tags = peitho_discussion_passage_get_reader_tags (first, 1);
  g_assert_cmpstrv (tags, ((const char *[]) { "claim", NULL }));
  tags = peitho_discussion_passage_get_reader_tags (passage_at (passages, 1), 1);
  g_assert_cmpstrv (tags, ((const char *[]) { NULL }));
}

/* A job reads the document when it is made and runs without it, in a
 * thread: changes made after it and the document's end do not reach it. */
static void
test_job_in_thread (void)
{
  PeithoDocument *document = make_document ();
  g_autoptr(PeithoDiscussionJob) job = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GError) error = NULL;

  annotate (document, "Ada", 10, 20, "irony");
  annotate (document, "Ben", 12, 18, "claim");
  annotate (document, "Ada", 50, 60, "anaphora");
  job = peitho_discussion_job_new (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);

  /* Ben agrees on the anaphora after the job was made; then the document goes. */
  annotate (document, "Ben", 50, 60, "anaphora");
  g_object_unref (document);

  thread = g_thread_new ("discussion", (GThreadFunc) peitho_discussion_job_run, job);
  passages = g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);
  assert_passage (passages, 0, 10, 20, 1.0, 2);
  assert_passage (passages, 1, 50, 60, 1.0, 1);
  g_assert_cmpstrv (peitho_discussion_passage_get_reader_tags (passage_at (passages, 0), 1),
                    ((const char *[]) { "claim", NULL }));
}

/* Three students. At 100, all three chose different tags: 1. At 10, two
 * agree and the third disagrees: (0 + 1 + 1) / 3 = 2/3, marked by three. At
 * 50, two agree and the third marked nothing: 2/3, marked by two. At 150,
 * all agree: left out. */
static void
test_three_students (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GError) error = NULL;

  annotate (document, "Ada", 50, 60, "irony");
  annotate (document, "Ben", 50, 58, "irony");
  annotate (document, "Ada", 10, 20, "irony");
  annotate (document, "Ben", 10, 20, "irony");
  annotate (document, "Carla", 10, 20, "claim");
  annotate (document, "Ada", 100, 110, "irony");
  annotate (document, "Ben", 105, 115, "claim");
  annotate (document, "Carla", 100, 120, "metaphor");
  annotate (document, "Ada", 150, 160, "claim");
  annotate (document, "Ben", 150, 160, "claim");
  annotate (document, "Carla", 150, 160, "claim");

  passages = peitho_discussion_compute (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 3);
  assert_passage (passages, 0, 100, 120, 1.0, 3);
  assert_passage (passages, 1, 10, 20, 2.0 / 3, 3);
  assert_passage (passages, 2, 50, 60, 2.0 / 3, 2);

  /* Without Carla only 10..20 of those agree; 50..60 agrees too. */
  g_clear_object (&passages);
  passages = peitho_discussion_compute (document, (const char *[]) { "Ada", "ann-ben", NULL },
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 1);
  assert_passage (passages, 0, 100, 115, 1.0, 2);
}

/* A chain of overlaps is one place; spans that only touch are two. A
 * student who tags one place twice alike has one tag there. */
static void
test_places (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *tags;

  annotate (document, "Ada", 0, 10, "irony");
  annotate (document, "Ben", 8, 30, "claim");
  annotate (document, "Ben", 25, 40, "claim");
  annotate (document, "Ada", 40, 50, "irony");

  passages = peitho_discussion_compute (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);
  assert_passage (passages, 0, 0, 40, 1.0, 2);
  assert_passage (passages, 1, 40, 50, 1.0, 1);
  tags = peitho_discussion_passage_get_reader_tags (passage_at (passages, 0), 1);
  g_assert_cmpstrv (tags, ((const char *[]) { "claim", NULL }));
}

static void
test_too_few (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;

  annotate (document, "Ada", 0, 10, "irony");
  passages = peitho_discussion_compute (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 0);

  none = peitho_discussion_compute (document, (const char *[]) { "Ada", "Zoe", NULL }, &error);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "Zoe"));
}

/* In a seminar document, the teacher's key is not a student: nobody else
 * marked 30..40, yet it is no passage to discuss. */
static void
test_seminar (void)
{
  g_autoptr(PeithoDocument) assignment = make_document ();
  g_autoptr(PeithoDocument) ada = NULL, ben = NULL, seminar = NULL;
  g_autoptr(PeithoSeminarMerger) merger = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDiscussionPassage *first;

  annotate (assignment, "Teacher", 30, 40, "metaphor");
  merger = peitho_seminar_merger_new (assignment, "text.xml");
  ada = make_document ();
  ben = make_document ();
  annotate (ada, "Ada", 10, 20, "irony");
  annotate (ben, "Ben", 10, 20, "claim");
  g_assert_true (peitho_seminar_merger_add_reading (merger, ada, "text — Ada.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  g_assert_true (peitho_seminar_merger_add_reading (merger, ben, "text — Ben.xml",
                                                    PEITHO_SEMINAR_DUPLICATE_FAIL, NULL, &error));
  seminar = peitho_seminar_merger_build (merger, &error);
  g_assert_no_error (error);

  passages = peitho_discussion_compute (seminar, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 1);
  first = passage_at (passages, 0);
  g_assert_cmpuint (peitho_discussion_passage_get_n_readers (first), ==, 2);
  assert_passage (passages, 0, 10, 20, 1.0, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discussion/two-students", test_two_students);
  g_test_add_func ("/discussion/three-students", test_three_students);
  g_test_add_func ("/discussion/places", test_places);
  g_test_add_func ("/discussion/too-few", test_too_few);
  g_test_add_func ("/discussion/seminar", test_seminar);
  g_test_add_func ("/discussion/job-in-thread", test_job_in_thread);

  return g_test_run ();
}
