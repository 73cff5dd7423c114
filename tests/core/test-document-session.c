/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-document state without a window: undo and redo, "modified"
 * against the saved point, the backup, imported texts, drafts and changes on
 * disk. Waits on the session's own notifications, each with a generous
 * bound. */

#include <glib/gstdio.h>
#include <peitho-core.h>

/* The per-annotator tables of tag counts, which no public call shows. */
#include "peitho-document-private.h"
#include "peitho-document-session.h"
#include "peitho-drafts.h"

#include "peitho-test-util.h"

#define WAIT_BOUND_S 20

static char *test_dir;

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails after WAIT_BOUND_S. */
static void
wait_until (Condition  condition,
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_BOUND_S, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static gboolean
is_idle (gpointer data)
{
  return !peitho_document_session_get_busy (data);
}

static gboolean
has_draft (gpointer data)
{
  return peitho_document_session_get_draft_id (data) != NULL && is_idle (data);
}

static gboolean
changed_on_disk (gpointer data)
{
  return peitho_document_session_get_changed_on_disk (data);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static PeithoTagSet *
make_tag_set (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("test", "Test");
  g_autoptr(PeithoTagGroup) figures = peitho_tag_group_new ("figures", "Figures", NULL);
  g_autoptr(PeithoTag) metaphor = peitho_tag_new ("metaphor", "Metaphor", NULL, NULL, "#0000ff");
  g_autoptr(PeithoTag) irony = peitho_tag_new ("irony", "Irony", NULL, NULL, "#00ff00");

  g_assert_true (peitho_tag_set_add_group (set, figures, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "figures", metaphor, -1, NULL));
  g_assert_true (peitho_tag_set_add_tag (set, "figures", irony, -1, NULL));
  return g_steal_pointer (&set);
}

static PeithoDocument *
make_document (void)
{
  g_autoptr(PeithoDocument) document = peitho_document_new ();
  g_autoptr(PeithoTagSet) set = make_tag_set ();

  g_assert_true (peitho_document_append_paragraph (document, "Four score and seven years ago.", -1, NULL,
                                                   NULL));
  g_assert_true (peitho_document_set_tag_set (document, set, NULL));
  return g_steal_pointer (&document);
}

static char *
tag (PeithoDocumentSession *session,
     gsize                  start,
     gsize                  end,
     const char            *tag_id)
{
  g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (NULL, start, end, tag_id, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (peitho_history_add_annotation (peitho_document_session_get_history (session), annotation,
                                                &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
undo (PeithoDocumentSession *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_history_undo (peitho_document_session_get_history (session), &error));
  g_assert_no_error (error);
}

static void
redo (PeithoDocumentSession *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_history_redo (peitho_document_session_get_history (session), &error));
  g_assert_no_error (error);
}

static gboolean
save (PeithoDocumentSession  *session,
      GFile                  *file,
      GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  peitho_document_session_save_async (session, file, NULL, store_result_cb, &result);
  wait_until (result_arrived, &result);
  return peitho_document_session_save_finish (session, result, error);
}

static PeithoDocumentSession *
load (GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDocumentSession *session;

  peitho_document_session_load_async (file, NULL, PEITHO_LOAD_DEFAULT, NULL, store_result_cb, &result);
  wait_until (result_arrived, &result);
  session = peitho_document_session_load_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (PEITHO_IS_DOCUMENT_SESSION (session));
  return session;
}

static GFile *
temp_file (const char *name)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);

  return g_file_new_for_path (path);
}

static guint
count_of (PeithoDocumentSession *session,
          const char            *tag_id)
{
  PeithoCountItem *item = peitho_count_model_lookup (peitho_document_session_get_counts (session), tag_id);

  g_assert_nonnull (item);
  return peitho_count_item_get_count (item);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             guint      *count)
{
  (*count)++;
}

/* Undo and redo step through the edits; counts and can-undo/can-redo
 * follow, a new edit drops what could be redone. */
static void
test_undo_redo (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  guint can_undo_notified = 0;

  g_signal_connect (session, "notify::can-undo", G_CALLBACK (notified_cb), &can_undo_notified);
  g_assert_false (peitho_document_session_get_can_undo (session));
  g_assert_false (peitho_document_session_get_can_redo (session));

  a = tag (session, 0, 4, "metaphor");
  b = tag (session, 5, 10, "irony");
  g_assert_cmpuint (can_undo_notified, ==, 1);
  g_assert_true (peitho_document_session_get_can_undo (session));
  g_assert_cmpuint (count_of (session, "metaphor"), ==, 1);
  g_assert_cmpuint (count_of (session, "irony"), ==, 1);

  undo (session);
  g_assert_null (peitho_document_lookup_annotation (document, b));
  g_assert_nonnull (peitho_document_lookup_annotation (document, a));
  g_assert_cmpuint (count_of (session, "irony"), ==, 0);
  g_assert_true (peitho_document_session_get_can_redo (session));

  undo (session);
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);
  g_assert_false (peitho_document_session_get_can_undo (session));
  g_assert_cmpuint (can_undo_notified, ==, 2);

  redo (session);
  redo (session);
  g_assert_nonnull (peitho_document_lookup_annotation (document, b));
  g_assert_false (peitho_document_session_get_can_redo (session));

  /* A new edit after an undo: nothing left to redo. */
  undo (session);
  c = tag (session, 11, 16, "metaphor");
  g_assert_false (peitho_document_session_get_can_redo (session));
  g_assert_cmpuint (count_of (session, "metaphor"), ==, 2);
  g_assert_cmpuint (count_of (session, "irony"), ==, 0);
}

/* "modified" is the distance from the saved state, not a change counter. */
static void
test_modified_follows_undo (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GFile) file = temp_file ("modified.xml");
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint modified_notified = 0;

  g_signal_connect (session, "notify::modified", G_CALLBACK (notified_cb), &modified_notified);
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "modified.xml");

  a = tag (session, 0, 4, "metaphor");
  g_assert_true (peitho_document_session_get_modified (session));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "• modified.xml");
  undo (session);
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_cmpstr (peitho_document_session_get_subtitle (session), ==, "modified.xml");
  g_assert_cmpuint (modified_notified, ==, 2);

  /* Saved with one annotation: undoing it is a change, redoing it is not. */
  redo (session);
  g_assert_true (save (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (peitho_document_session_get_modified (session));
  undo (session);
  g_assert_true (peitho_document_session_get_modified (session));
  redo (session);
  g_assert_false (peitho_document_session_get_modified (session));

  /* Another branch of edits never meets the saved state again. */
  undo (session);
  b = tag (session, 5, 10, "irony");
  g_assert_true (peitho_document_session_get_modified (session));
  undo (session);
  g_assert_true (peitho_document_session_get_modified (session));

  /* A change outside the history (a tag renamed in place) stays a change. */
  redo (session);
  g_assert_true (save (session, NULL, &error));
  g_assert_false (peitho_document_session_get_modified (session));
  peitho_tag_set_label (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), "irony"),
                        "Irony (dramatic)");
  g_assert_true (peitho_document_session_get_modified (session));
}

static PeithoDocument *
read_back (GFile *file)
{
  g_autoptr(PeithoLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  return g_object_ref (peitho_load_result_get_document (result));
}

/* The first annotation by a new name adds its annotator; undoing it takes
 * the annotator out again, so a fresh text tagged and undone is unmodified
 * and as saved. An annotator who was there before stays. */
static void
test_new_annotator_undone (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GFile) file = temp_file ("annotator.xml");
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, file, NULL);
  PeithoHistory *history = peitho_document_session_get_history (session);
  PeithoCountModel *counts = peitho_document_session_get_counts (session);
  GListModel *annotators = peitho_document_get_annotators (document);
  g_autoptr(PeithoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  PeithoAnnotator *ada;

  g_assert_true (save (session, NULL, &error));
  g_assert_no_error (error);
  saved = read_back (file);

  g_assert_true (peitho_history_annotate (history, 0, 4, "metaphor", "Ada Lovelace", &a, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_document_session_get_modified (session));
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 1);
  ada = peitho_document_lookup_annotator (document, "ann-ada-lovelace");
  g_assert_nonnull (ada);
  g_assert_cmpstr (peitho_annotator_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (peitho_annotation_get_annotator_id (peitho_document_lookup_annotation (document, a)), ==,
                   "ann-ada-lovelace");

  undo (session);
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 0);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-ada-lovelace"));
  peitho_test_assert_same_document (saved, document);
  /* The counts list her no more. */
  g_assert_null (peitho_count_model_lookup_annotator (counts, "ann-ada-lovelace"));
  g_assert_cmpuint (g_list_model_get_n_items (peitho_count_model_get_annotators (counts)), ==, 0);

  redo (session);
  g_assert_true (peitho_document_session_get_modified (session));
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup_annotator (counts, "ann-ada-lovelace")),
                    ==, 1);
  ada = peitho_document_lookup_annotator (document, "ann-ada-lovelace");
  g_assert_nonnull (ada);
  g_assert_cmpstr (peitho_annotator_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (peitho_annotation_get_annotator_id (peitho_document_lookup_annotation (document, a)), ==,
                   "ann-ada-lovelace");

  /* A second annotation by Ada: its undo leaves her, she has the first. */
  g_assert_true (peitho_history_annotate (history, 5, 10, "irony", "Ada Lovelace", &b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 1);
  undo (session);
  g_assert_nonnull (peitho_document_lookup_annotator (document, "ann-ada-lovelace"));
  g_assert_null (peitho_document_lookup_annotation (document, b));
  undo (session);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-ada-lovelace"));
  peitho_test_assert_same_document (saved, document);
  g_assert_false (peitho_document_session_get_modified (session));
}

/* The same for a relation: the first made under a new name brings its
 * annotator, and undoing it takes them out again; redo brings them back
 * with the same id. One named by an annotation stays through the undo. */
static void
test_new_relation_annotator_undone (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GFile) file = temp_file ("relation-annotator.xml");
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, file, NULL);
  PeithoHistory *history = peitho_document_session_get_history (session);
  GListModel *annotators = peitho_document_get_annotators (document);
  g_autoptr(PeithoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = tag (session, 0, 4, "metaphor");
  g_autofree char *b = tag (session, 5, 10, "irony");
  g_autofree char *r = NULL;
  g_autofree char *s = NULL;
  g_autofree char *c = NULL;
  PeithoRelation *relation;

  g_assert_true (save (session, NULL, &error));
  g_assert_no_error (error);
  saved = read_back (file);
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 0);

  g_assert_true (peitho_history_relate (history, "supports", a, b, "Ada Lovelace", &r, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_document_session_get_modified (session));
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 1);
  relation = peitho_document_lookup_relation (document, r);
  g_assert_nonnull (relation);
  g_assert_cmpstr (peitho_relation_get_annotator_id (relation), ==, "ann-ada-lovelace");

  undo (session);
  g_assert_null (peitho_document_lookup_relation (document, r));
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 0);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-ada-lovelace"));
  g_assert_false (peitho_document_session_get_modified (session));
  peitho_test_assert_same_document (saved, document);

  redo (session);
  relation = peitho_document_lookup_relation (document, r);
  g_assert_nonnull (relation);
  g_assert_cmpstr (peitho_relation_get_annotator_id (relation), ==, "ann-ada-lovelace");
  g_assert_cmpstr (peitho_annotator_get_name (peitho_document_lookup_annotator (document, "ann-ada-lovelace")),
                   ==, "Ada Lovelace");
  undo (session);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-ada-lovelace"));

  /* Grace tags first: her relation's undo leaves her with her annotation. */
  g_assert_true (peitho_history_annotate (history, 11, 16, "metaphor", "Grace", &c, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_history_relate (history, "supports", c, a, "Grace", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 1);
  undo (session);
  g_assert_null (peitho_document_lookup_relation (document, s));
  g_assert_nonnull (peitho_document_lookup_annotator (document, "ann-grace"));
  undo (session);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-grace"));
  peitho_test_assert_same_document (saved, document);
  g_assert_false (peitho_document_session_get_modified (session));

  /* Nobody named: no annotator at all. */
  g_clear_pointer (&r, g_free);
  g_assert_true (peitho_history_relate (history, "supports", a, b, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_null (peitho_relation_get_annotator_id (peitho_document_lookup_relation (document, r)));
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 0);
}

/* A relation that cannot be made (an unknown end) leaves no annotator. */
static void
test_failed_relation_adds_no_annotator (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  PeithoHistory *history = peitho_document_session_get_history (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = tag (session, 0, 4, "metaphor");

  g_assert_false (peitho_history_relate (history, "supports", a, "ann-nowhere", "Ada Lovelace", NULL,
                                         &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotators (document)), ==, 0);
  /* Nothing was recorded for the failed relation: one undo takes back the
   * tag, and then there is nothing left to undo. */
  undo (session);
  g_assert_null (peitho_document_lookup_annotation (document, a));
  g_assert_false (peitho_history_can_undo (history));
  g_assert_true (peitho_history_can_redo (history));
}

/* Undoing an annotator's last annotation leaves no per-annotator table of
 * tag counts behind. */
static void
test_annotator_tag_counts_emptied (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  PeithoHistory *history = peitho_document_session_get_history (session);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_hash_table_size (document->annotator_tag_counts), ==, 0);
  g_assert_true (peitho_history_annotate (history, 0, 4, "metaphor", "Ada", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_count_annotator_tag (document, "ann-ada", "metaphor"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (document->annotator_tag_counts), ==, 1);
  undo (session);
  g_assert_cmpuint (peitho_document_count_annotator_tag (document, "ann-ada", "metaphor"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (document->annotator_tag_counts), ==, 0);
  redo (session);
  g_assert_cmpuint (peitho_document_count_annotator_tag (document, "ann-ada", "metaphor"), ==, 1);
}

static void
assert_counts (PeithoCountModel *counts,
               guint             metaphor,
               guint             irony,
               guint             total)
{
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup (counts, "metaphor")), ==,
                    metaphor);
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup (counts, "irony")), ==, irony);
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup (counts, "figures")), ==,
                    metaphor + irony);
  g_assert_cmpuint (peitho_count_model_get_total (counts), ==, total);
}

/* With annotators hidden (students in the compare view), the tags, groups
 * and total count only the others' annotations, through edits, undo and a
 * new tag set; the annotators' own items keep their counts. */
static void
test_counts_of_annotators_shown (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  PeithoHistory *history = peitho_document_session_get_history (session);
  PeithoCountModel *counts = peitho_document_session_get_counts (session);
  const char *ada_only[] = { "ann-ada", NULL };
  const char *both[] = { "ann-ada", "ann-ben", NULL };
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *b1 = NULL;
  g_autofree char *nobody = tag (session, 20, 25, "irony");

  g_assert_true (peitho_history_annotate (history, 0, 4, "metaphor", "Ada", &a1, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_history_annotate (history, 5, 10, "irony", "Ada", &a2, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_history_annotate (history, 0, 4, "irony", "Ben", &b1, &error));
  g_assert_no_error (error);
  assert_counts (counts, 1, 3, 4);

  peitho_count_model_set_hidden_annotators (counts, ada_only);
  g_assert_true (peitho_count_model_is_annotator_hidden (counts, "ann-ada"));
  g_assert_false (peitho_count_model_is_annotator_hidden (counts, "ann-ben"));
  assert_counts (counts, 0, 2, 2);
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup_annotator (counts, "ann-ada")),
                    ==, 2);

  /* Edits by the hidden and by the shown. */
  g_assert_true (peitho_history_set_tag (history, peitho_document_lookup_annotation (document, a2),
                                         "metaphor", &error));
  g_assert_no_error (error);
  assert_counts (counts, 0, 2, 2);
  g_assert_true (peitho_history_set_tag (history, peitho_document_lookup_annotation (document, b1),
                                         "metaphor", &error));
  g_assert_no_error (error);
  assert_counts (counts, 1, 1, 2);
  undo (session);
  assert_counts (counts, 0, 2, 2);
  g_assert_true (peitho_history_annotate (history, 11, 16, "irony", "Ada", NULL, &error));
  g_assert_no_error (error);
  assert_counts (counts, 0, 2, 2);
  undo (session);
  assert_counts (counts, 0, 2, 2);
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup_annotator (counts, "ann-ada")),
                    ==, 2);

  /* A new tag set rebuilds the items with the filter kept. */
  g_assert_true (peitho_history_set_tag_set (history, set, &error));
  g_assert_no_error (error);
  assert_counts (counts, 0, 2, 2);

  peitho_count_model_set_hidden_annotators (counts, both);
  assert_counts (counts, 0, 1, 1);
  peitho_count_model_set_hidden_annotators (counts, NULL);
  g_assert_false (peitho_count_model_is_annotator_hidden (counts, "ann-ada"));
  /* Ada's irony is a metaphor now. */
  assert_counts (counts, 2, 2, 4);
}

/* The core's own rule: an annotator still named cannot be taken out. */
static void
test_remove_annotator (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (document, "Grace");
  const char *id = peitho_annotator_get_id (annotator);

  annotation = peitho_annotation_new (NULL, 0, 4, "metaphor", id, NULL, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);

  g_assert_false (peitho_document_remove_annotator (document, id, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (peitho_document_remove_annotator (document, "ann-nobody", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (peitho_document_remove_annotation (document, annotation, NULL));
  g_assert_true (peitho_document_remove_annotator (document, "ann-grace", &error));
  g_assert_no_error (error);
  g_assert_null (peitho_document_lookup_annotator (document, "ann-grace"));
  /* The id is free again. */
  g_assert_cmpstr (peitho_annotator_get_id (peitho_document_ensure_annotator (document, "Grace")), ==,
                   "ann-grace");
}

static gboolean
file_has (GFile      *file,
          const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, NULL, NULL));
  return g_strcmp0 (contents, expected) == 0;
}

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

/* FILE~ is the file as it was opened, however often it is saved. */
static void
test_backup_as_opened (void)
{
  g_autoptr(GFile) file = temp_file ("backup.xml");
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *first = NULL;
  g_autofree char *b = NULL;

  {
    g_autoptr(PeithoDocument) document = make_document ();
    g_autoptr(PeithoDocumentSession) writer = peitho_document_session_new (document, file, NULL);
    g_autofree char *a = tag (writer, 0, 4, "metaphor");

    g_assert_true (save (writer, NULL, &error));
    g_assert_no_error (error);
  }
  g_unlink (backup_path);
  opened = read_file (file);

  {
    g_autoptr(PeithoDocumentSession) session = load (file);

    g_assert_false (peitho_document_session_get_imported (session));
    g_assert_true (g_file_equal (peitho_document_session_get_file (session), file));

    b = tag (session, 5, 10, "irony");
    g_assert_true (save (session, NULL, &error));
    first = read_file (file);
    g_assert_cmpstr (first, !=, opened);
    g_assert_true (g_file_query_exists (backup, NULL));
    g_assert_true (file_has (backup, opened));

    /* The second save keeps that backup. */
    undo (session);
    g_assert_true (save (session, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (file_has (file, first));
    g_assert_true (file_has (backup, opened));
  }
}

#define FLAX_TEI \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>" \
  "<titleStmt><title>Flax</title></titleStmt><publicationStmt><p>Tests.</p>" \
  "</publicationStmt><sourceDesc><p>Tests.</p></sourceDesc></fileDesc></teiHeader>" \
  "<text><body><p>The <choice><sic>scutehing</sic><corr>scutching</corr></choice>" \
  " of flax.</p></body></text></TEI>\n"

/* The other readings of an edition: a new session of the same file,
 * modified, with the annotations on the same words, whose save keeps the
 * backup of the file as it was opened and the setting. */
static void
test_switch_readings (void)
{
  g_autoptr(GFile) file = temp_file ("flax.xml");
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(PeithoDocumentSession) session = NULL;
  g_autoptr(PeithoDocumentSession) original = NULL;
  g_autoptr(PeithoDocumentSession) reopened = NULL;
  g_autoptr(PeithoDocumentSession) edited = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *flax = NULL;
  PeithoDocument *document;
  PeithoAnnotation *annotation;

  g_assert_true (g_file_set_contents (g_file_peek_path (file), FLAX_TEI, -1, &error));
  g_assert_no_error (error);
  g_unlink (backup_path);
  session = load (file);
  g_assert_cmpstr (peitho_document_get_text (peitho_document_session_get_document (session)), ==,
                   "The scutching of flax.");
  /* "flax", after the choice. */
  flax = tag (session, 17, 21, "metaphor");
  g_assert_true (save (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (file_has (backup, FLAX_TEI));

  original = peitho_document_session_switch_readings (session, TRUE, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (original);
  g_assert_cmpuint (problems->len, ==, 0);
  document = peitho_document_session_get_document (original);
  g_assert_cmpstr (peitho_document_get_text (document), ==, "The scutehing of flax.");
  g_assert_true (peitho_tei_shows_original_readings (document));
  annotation = peitho_document_lookup_annotation (document, flax);
  g_assert_nonnull (annotation);
  g_assert_cmpuint (peitho_annotation_get_start (annotation), ==, 17);
  g_assert_cmpuint (peitho_annotation_get_end (annotation), ==, 21);
  g_assert_true (peitho_document_session_get_modified (original));
  g_assert_false (peitho_document_session_get_can_undo (original));
  g_assert_true (g_file_equal (peitho_document_session_get_file (original), file));
  /* The session switched from is as it was. */
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_false (peitho_tei_shows_original_readings (peitho_document_session_get_document (session)));

  /* Saved: the setting in the file, the backup still the file as opened. */
  g_assert_true (save (original, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (peitho_document_session_get_modified (original));
  g_assert_true (file_has (backup, FLAX_TEI));
  reopened = load (file);
  g_assert_true (peitho_tei_shows_original_readings (peitho_document_session_get_document (reopened)));
  g_assert_cmpstr (peitho_document_get_text (peitho_document_session_get_document (reopened)), ==,
                   "The scutehing of flax.");

  /* Back to the edited readings. */
  edited = peitho_document_session_switch_readings (reopened, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_document_get_text (peitho_document_session_get_document (edited)), ==,
                   "The scutching of flax.");
  g_assert_false (peitho_tei_shows_original_readings (peitho_document_session_get_document (edited)));
}

/* A text is no edition: nothing to switch, the session as it was. */
static void
test_switch_readings_of_text (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  g_autoptr(PeithoDocumentSession) switched = NULL;
  g_autoptr(GError) error = NULL;

  switched = peitho_document_session_switch_readings (session, TRUE, NULL, &error);
  g_assert_null (switched);
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI);
  g_assert_false (peitho_document_session_get_modified (session));
}

/* An imported text has no file; it is never overwritten, and Save As makes
 * the TEI file the session's own. */
static void
test_imported_text (void)
{
  g_autoptr(GFile) text = temp_file ("imported.txt");
  g_autoptr(GFile) xml = temp_file ("imported.xml");
  g_autoptr(PeithoDocumentSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTagSet) tag_set = make_tag_set ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *a = NULL;
  const char *contents = "A speech\n\nFour score and seven years ago.\n";
  guint imported_notified = 0;

  g_assert_true (g_file_set_contents (g_file_peek_path (text), contents, -1, NULL));
  peitho_document_session_load_async (text, tag_set, PEITHO_LOAD_DEFAULT, NULL, store_result_cb, &result);
  wait_until (result_arrived, &result);
  session = peitho_document_session_load_finish (result, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (peitho_document_session_get_imported (session));
  g_assert_null (peitho_document_session_get_file (session));
  g_assert_true (g_file_equal (peitho_document_session_get_source (session), text));
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_nonnull (peitho_tag_set_lookup_tag (peitho_document_session_get_tag_set (session), "irony"));

  a = tag (session, 0, 4, "irony");
  g_assert_false (save (session, text, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "imported.txt"));
  g_clear_error (&error);
  g_assert_true (file_has (text, contents));
  g_assert_true (peitho_document_session_get_modified (session));

  g_signal_connect (session, "notify::imported", G_CALLBACK (notified_cb), &imported_notified);
  g_assert_true (save (session, xml, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported_notified, ==, 1);
  g_assert_false (peitho_document_session_get_imported (session));
  g_assert_true (g_file_equal (peitho_document_session_get_file (session), xml));
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_true (file_has (text, contents));
}

/* The format comes from the content: TEI named .txt is TEI; the front
 * matter the importer took is reported, and can be kept in the text. */
static PeithoDocumentSession *
load_with (GFile           *file,
           PeithoLoadFlags  flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDocumentSession *session;

  peitho_document_session_load_async (file, NULL, flags, NULL, store_result_cb, &result);
  wait_until (result_arrived, &result);
  session = peitho_document_session_load_finish (result, NULL, &error);
  g_assert_no_error (error);
  return session;
}

static void
test_format_and_front_matter (void)
{
  g_autoptr(GFile) tei = temp_file ("tei-named.txt");
  g_autofree char *corpus = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                              "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) essay = g_file_new_for_path (corpus);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PeithoDocument) document = make_document ();
    g_autoptr(PeithoDocumentSession) writer = peitho_document_session_new (document, tei, NULL);

    g_assert_true (save (writer, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(PeithoDocumentSession) session = load_with (tei, PEITHO_LOAD_DEFAULT);

    g_assert_false (peitho_document_session_get_imported (session));
    g_assert_true (g_file_equal (peitho_document_session_get_file (session), tei));
    g_assert_cmpint (peitho_load_result_get_format (peitho_document_session_get_load_result (session)), ==,
                     PEITHO_FILE_FORMAT_TEI);
    g_assert_cmpint (peitho_document_session_get_front_matter (session), ==, PEITHO_FRONT_MATTER_NONE);
  }
  {
    g_autoptr(PeithoDocumentSession) session = load_with (essay, PEITHO_LOAD_DEFAULT);

    g_assert_true (peitho_document_session_get_imported (session));
    g_assert_true (peitho_document_session_get_front_matter (session) & PEITHO_FRONT_MATTER_TITLE);
    g_assert_false (peitho_document_session_get_modified (session));
  }
  {
    g_autoptr(PeithoDocumentSession) session = load_with (essay, PEITHO_LOAD_NO_FRONT_MATTER);

    g_assert_true (peitho_document_session_get_imported (session));
    g_assert_cmpint (peitho_document_session_get_front_matter (session), ==, PEITHO_FRONT_MATTER_NONE);
  }
}

/* A draft is written after the delay, restored modified with its
 * annotations, and deleted on save. */
static void
test_draft (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(GFile) original = temp_file ("drafted.txt");
  g_autoptr(GFile) saved = temp_file ("drafted.xml");
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, original);
  g_autoptr(PeithoDocumentSession) restored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  peitho_document_session_set_autosave_delay (session, 1);
  a = tag (session, 0, 4, "metaphor");
  b = tag (session, 5, 10, "irony");
  g_assert_null (peitho_document_session_get_draft_id (session));
  wait_until (has_draft, session);
  id = g_strdup (peitho_document_session_get_draft_id (session));
  draft = peitho_drafts_get_file (id);
  g_assert_true (g_file_query_exists (draft, NULL));

  peitho_document_session_load_draft_async (id, draft, original, FALSE, NULL, store_result_cb, &result);
  wait_until (result_arrived, &result);
  restored = peitho_document_session_load_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (peitho_document_session_get_modified (restored));
  g_assert_true (peitho_document_session_get_imported (restored));
  g_assert_cmpstr (peitho_document_session_get_draft_id (restored), ==, id);
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_document_session_get_document (restored)), ==, 2);
  g_assert_true (g_file_equal (peitho_document_session_get_source (restored), original));

  g_assert_true (save (restored, saved, &error));
  g_assert_no_error (error);
  g_assert_null (peitho_document_session_get_draft_id (restored));
  g_assert_false (g_file_query_exists (draft, NULL));
}

/* Undoing back to the saved state before the draft is due writes none. */
static void
test_no_draft_when_unmodified (void)
{
  g_autoptr(PeithoDocument) document = make_document ();
  g_autoptr(PeithoDocumentSession) session = peitho_document_session_new (document, NULL, NULL);
  g_autofree char *a = NULL;

  a = tag (session, 0, 4, "metaphor");
  undo (session);
  peitho_document_session_write_draft (session);
  g_assert_null (peitho_document_session_get_draft_id (session));
  g_assert_false (peitho_document_session_get_busy (session));
}

/* Another program's write shows as changed-on-disk; keeping ours makes the
 * document modified. */
static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = temp_file ("watched.xml");
  g_autoptr(PeithoDocumentSession) session = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PeithoDocument) document = make_document ();
    g_autoptr(PeithoDocumentSession) writer = peitho_document_session_new (document, file, NULL);

    g_assert_true (save (writer, NULL, &error));
    g_assert_no_error (error);
  }

  session = load (file);
  g_assert_false (peitho_document_session_get_changed_on_disk (session));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "<changed/>", -1, NULL));
  wait_until (changed_on_disk, session);

  g_assert_false (peitho_document_session_get_modified (session));
  peitho_document_session_keep_ours (session);
  g_assert_false (peitho_document_session_get_changed_on_disk (session));
  g_assert_true (peitho_document_session_get_modified (session));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* The drafts go to a data dir of our own. Not G_TEST_OPTION_ISOLATE_DIRS:
   * GLib 2.74 leaks the user dirs it sets for every test, which fails the
   * test under LeakSanitizer. */
  test_dir = g_dir_make_tmp ("peitho-session-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  home = g_build_filename (test_dir, "home", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/undo-redo", test_undo_redo);
  g_test_add_func ("/session/modified-follows-undo", test_modified_follows_undo);
  g_test_add_func ("/session/new-annotator-undone", test_new_annotator_undone);
  g_test_add_func ("/session/new-relation-annotator-undone", test_new_relation_annotator_undone);
  g_test_add_func ("/session/failed-relation-adds-no-annotator", test_failed_relation_adds_no_annotator);
  g_test_add_func ("/session/counts-of-annotators-shown", test_counts_of_annotators_shown);
  g_test_add_func ("/session/remove-annotator", test_remove_annotator);
  g_test_add_func ("/session/backup-as-opened", test_backup_as_opened);
  g_test_add_func ("/session/imported-text", test_imported_text);
  g_test_add_func ("/session/format-and-front-matter", test_format_and_front_matter);
  g_test_add_func ("/session/draft", test_draft);
  g_test_add_func ("/session/no-draft-when-unmodified", test_no_draft_when_unmodified);
  g_test_add_func ("/session/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/session/annotator-tag-counts-emptied", test_annotator_tag_counts_emptied);
  g_test_add_func ("/session/switch-readings", test_switch_readings);
  g_test_add_func ("/session/switch-readings-of-text", test_switch_readings_of_text);

  status = g_test_run ();
  peitho_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
