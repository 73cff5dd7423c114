/* SPDX-License-Identifier: GPL-3.0-or-later */

/* File > Print run without its dialog (GTK_PRINT_OPERATION_ACTION_EXPORT)
 * on the corpus essay, annotated in the window: pdftotext finds the text,
 * the labels, the footnotes and the legend; greyscale and the choice of tags
 * reach the pages. */

#include "gui-fixture.h"
#include "peitho-source-view.h"
#include "peitho-window-print.h"

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  /* Line breaks and thin spaces as single spaces. */
  words = g_regex_split_simple ("[\\s\\x{2009}\\x{200a}\\x{2002}]+", out, 0, 0);
  return g_strjoinv (" ", words);
}

static void
annotate (PeithoDocument *document,
          const char     *tag_id,
          const char     *match,
          const char     *note)
{
  const char *text = peitho_document_get_text (document);
  const char *found = strstr (text, match);
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gsize start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  annotation = peitho_annotation_new (NULL, start, start + g_utf8_strlen (match, -1), tag_id, NULL,
                                      note, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static void
test_print_to_pdf (void)
{
  g_autofree char *essay = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                             "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (essay);
  g_autofree char *dir = g_dir_make_tmp ("peitho-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PeithoWindow *window = open_window (file);
  PeithoDocument *document = peitho_window_get_document (window);
  PeithoHandoutOptions options;
  char *only_claims[] = { "claim", NULL };

  annotate (document, "metaphor", "dirtiest journalistic tasks", "Journalism as dirty work.");
  annotate (document, "claim", "Only inveterate fools, of course, are capable of believing this.",
            NULL);
  annotate (document, "irony", "whom the Kremlin has always entrusted", NULL);
  wait_for (window);

  g_assert_true (_peitho_window_print_to_pdf_for_testing (window, path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      destroy_window (window);
      return;
    }
  g_assert_nonnull (strstr (text, "Toward a Balance Sheet of the Purges"));
  g_assert_nonnull (strstr (text, "Leon Trotsky"));
  g_assert_nonnull (strstr (text, "considers it necessary now to report that the purge"));
  g_assert_nonnull (strstr (text, "Met dirtiest journalistic tasks"));
  g_assert_nonnull (strstr (text, "Clm Only inveterate fools"));
  g_assert_nonnull (strstr (text, "1 Metaphor “dirtiest journalistic tasks”: Journalism as dirty work."));
  g_assert_nonnull (strstr (text, "Tags"));
  g_assert_nonnull (strstr (text, "Claim: the position or conclusion"));
  /* The page number (pdftotext may drop a space around the slash). */
  g_assert_true (g_regex_match_simple ("1 ?/ ?[0-9]", text, 0, 0));

  /* Only the claims, no notes, in greyscale: the label stays, the rest goes. */
  peitho_handout_options_init (&options);
  options.tags = only_claims;
  options.notes = FALSE;
  options.labels = FALSE;
  options.greyscale = TRUE;
  g_assert_true (_peitho_window_print_to_pdf_for_testing (window, path, &options, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Clm Only inveterate fools"));
  g_assert_null (strstr (text, "Met dirtiest"));
  g_assert_null (strstr (text, "Journalism as dirty work."));
  g_assert_null (strstr (text, "Metaphor:"));

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* View > Show Tag Labels: the setting reaches the view, which makes room
 * above its lines for the labels and gives it back. */
static void
test_labels_toggle (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *view = find_widget (GTK_WIDGET (f->window), PEITHO_TYPE_SOURCE_VIEW, NULL);
  int before;

  g_assert_nonnull (view);
  g_settings_set_boolean (f->settings, "show-tag-labels", FALSE);
  iterate ();
  g_assert_false (peitho_source_view_get_show_labels (PEITHO_SOURCE_VIEW (view)));
  before = gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view));

  tag (f->window, 0, 30, "metaphor");
  tag (f->window, 10, 40, "anaphora");
  tag (f->window, 91, 120, "claim");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-tag-labels", NULL));
  iterate ();
  g_assert_true (g_settings_get_boolean (f->settings, "show-tag-labels"));
  g_assert_true (peitho_source_view_get_show_labels (PEITHO_SOURCE_VIEW (view)));
  g_assert_cmpint (gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view)), >, before + 4);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  save_screenshot (GTK_WIDGET (f->window), "tag-labels");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-tag-labels", NULL));
  iterate ();
  g_assert_false (peitho_source_view_get_show_labels (PEITHO_SOURCE_VIEW (view)));
  g_assert_cmpint (gtk_text_view_get_pixels_above_lines (GTK_TEXT_VIEW (view)), ==, before);
  g_settings_reset (f->settings, "show-tag-labels");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

  g_test_add_func ("/print/to-pdf", test_print_to_pdf);
  g_test_add ("/labels/toggle", Fixture, NULL, fixture_set_up, test_labels_toggle, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
