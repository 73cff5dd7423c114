/* SPDX-License-Identifier: GPL-3.0-or-later */

/* File > Import Annotations… in a real window: the file is read, the
 * mapping and the losses are shown before anything changes, Cancel leaves
 * the document alone, Import adds the annotations as one edit that undo
 * takes out (with the tags made for them) and redo puts back. File >
 * Export > For Other Tools writes each form, which reads back (and opens)
 * with the same spans. */

#include "gui-fixture.h"
#include "peitho-window-testing.h"

/* brat annotations of the fixture's TEXT, with the .txt beside them. */
static char *
write_brat (const char *dir)
{
  g_autofree char *txt = write_file (dir, "speech.txt", TEXT);

  return write_file (dir, "speech.ann",
                     "T1\tMetapher 43 56\tbrought forth\n"
                     "T2\tNation 81 88\tnation\n"
                     "T3\tClaim 0 30\tFour score and seven years ago\n"
                     "R1\tsupports Arg1:T1 Arg2:T3\t\n"
                     "#1\tAnnotatorNotes T2\tthe Union\n"
                     "A1\tNegated T3\n");
}

/* The window's visible message dialog. */
static AdwMessageDialog *
find_dialog (PeithoWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && gtk_window_get_transient_for (window) == GTK_WINDOW (parent))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* What a click on a response button does. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

static AdwMessageDialog *
start_import (Fixture *f)
{
  g_autofree char *ann = write_brat (f->dir);
  g_autoptr(GFile) file = g_file_new_for_path (ann);
  AdwMessageDialog *dialog;

  _peitho_window_import_annotations_file (f->window, file);
  wait_for (f->window);
  dialog = find_dialog (f->window);
  g_assert_nonnull (dialog);

  return dialog;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  AdwMessageDialog *dialog = start_import (f);
  const char *body = adw_message_dialog_get_body (dialog);

  g_assert_nonnull (strstr (body, "“Metapher” → tag “Metaphor” (metaphor): 1 annotation"));
  g_assert_nonnull (strstr (body, "“Nation” → new tag “Nation” (nation) in “Imported”"));
  g_assert_nonnull (strstr (body, "speech.ann:6: attribute A1 (Negated T3) is not representable"));
  /* Nothing changes before the answer. */
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);

  answer (dialog, "cancel");
  g_assert_null (find_dialog (f->window));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);
  g_assert_null (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), "nation"));
}

static void
test_import_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  PeithoHistory *history = peitho_document_session_get_history (peitho_window_get_session (f->window));
  AdwMessageDialog *dialog = start_import (f);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) at = NULL;

  /* brat says nothing of the annotator: the dialog asks. */
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Abraham");
  answer (dialog, "import");

  g_assert_null (_peitho_window_get_last_error_for_testing (f->window));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "nation"), ==, 1);
  g_assert_cmpuint (peitho_document_count_annotator (document, "ann-abraham"), ==, 3);
  at = peitho_document_get_annotations_at (document, 81);
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_cmpstr (peitho_annotation_get_note (g_ptr_array_index (at, 0)), ==, "the Union");
  g_clear_pointer (&at, g_ptr_array_unref);

  /* One edit: undo takes it all out, the new tag and its group too. */
  g_assert_true (peitho_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 0);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 0);
  g_assert_null (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), "nation"));
  g_assert_null (peitho_tag_set_lookup_group (peitho_document_get_tag_set (document), "imported"));

  g_assert_true (peitho_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (document, "nation"), ==, 1);
  at = peitho_document_get_annotations_at (document, 81);
  g_assert_cmpstr (peitho_annotation_get_note (g_ptr_array_index (at, 0)), ==, "the Union");
}

static void
test_other_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ann = write_file (f->dir, "other.ann", "T1\tClaim 0 5\tHello\n");
  g_autofree char *txt = write_file (f->dir, "other.txt", "Hello, world.\n");
  g_autoptr(GFile) file = g_file_new_for_path (ann);

  _peitho_window_import_annotations_file (f->window, file);
  wait_for (f->window);
  g_assert_nonnull (strstr (_peitho_window_get_last_error_for_testing (f->window),
                            "other.ann:1: the text differs from the document’s at character 0"));
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (f->window)), ==, 0);
}

typedef struct {
  const char *target;
  const char *basename;
  PeithoInterchangeFormat format;
} ExportCase;

static const ExportCase export_cases[] = {
  { "tei-annotation", "out-annotations.xml", PEITHO_INTERCHANGE_TEI_ANNOTATION },
  { "webanno-tsv", "out.tsv", PEITHO_INTERCHANGE_WEBANNO_TSV },
  { "brat", "out.ann", PEITHO_INTERCHANGE_BRAT },
};

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  const ExportCase *c = data;
  g_autofree char *path = g_build_filename (f->dir, c->basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(PeithoLoadResult) opened = NULL;
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = peitho_window_get_document (f->window);
  gboolean metaphor = FALSE;

  /* "brought forth" and "Four score and seven years ago". */
  tag (f->window, 43, 56, "metaphor");
  tag (f->window, 0, 30, "claim");
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 2);

  _peitho_window_set_save_file_for_testing (f->window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", c->target));
  wait_for (f->window);
  g_assert_null (_peitho_window_get_last_error_for_testing (f->window));
  g_assert_true (g_file_query_exists (file, NULL));
  if (c->format == PEITHO_INTERCHANGE_BRAT)
    {
      g_autofree char *txt = g_build_filename (f->dir, "out.txt", NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (txt, &contents, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, peitho_document_get_text (document));
    }

  /* Read back as the other tool's form, and opened as a document. */
  set = peitho_interchange_read_file (file, c->format, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (set->spans->len, ==, 2);
  for (guint i = 0; i < set->spans->len; i++)
    {
      PeithoImportSpan *span = g_ptr_array_index (set->spans, i);
      PeithoImportRange *range = &g_array_index (span->ranges, PeithoImportRange, 0);

      if (range->start == 43 && range->end == 56)
        metaphor = TRUE;
    }
  g_assert_true (metaphor);

  opened = peitho_document_load (file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (peitho_load_result_get_format (opened), ==, PEITHO_FILE_FORMAT_ANNOTATIONS);
  g_assert_cmpuint (peitho_document_count_tag (peitho_load_result_get_document (opened),
                                               "metaphor"), ==, 1);
  g_assert_cmpuint (peitho_document_count_tag (peitho_load_result_get_document (opened),
                                               "claim"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

#define ADD(name, func) g_test_add ("/interchange-window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cancel", test_cancel);
  ADD ("import-undo-redo", test_import_undo_redo);
  ADD ("other-text", test_other_text);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interchange-window/export/%s",
                                               export_cases[i].target);

      g_test_add (path, Fixture, &export_cases[i], fixture_set_up, test_export, fixture_tear_down);
    }

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
