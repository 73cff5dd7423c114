/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations, notes, annotators and their counts in a real (Xvfb) window. */

#include "gui-fixture.h"
#include "peitho-annotation-popover.h"
#include "peitho-annotation-view.h"
#include "peitho-relation-dialog.h"
#include "peitho-tag-set-editor.h"
#include "peitho-utils.h"

static PeithoCountModel *
counts (PeithoWindow *window)
{
  return PEITHO_COUNT_MODEL (peitho_window_get_count_model (window));
}

static guint
relation_type_count (PeithoWindow *window,
                     const char   *type)
{
  PeithoCountItem *item = peitho_count_model_lookup_relation_type (counts (window), type);

  return item ? peitho_count_item_get_count (item) : 0;
}

/* Asserts that @child is on screen in @popover with at least its minimum
 * size, wholly inside it. */
static void
assert_laid_out_inside (GtkWidget *child,
                        GtkWidget *popover)
{
  graphene_rect_t bounds;
  int min_width, min_height;

  g_assert_nonnull (child);
  g_assert_true (gtk_widget_get_mapped (child));
  g_assert_true (gtk_widget_compute_bounds (child, popover, &bounds));
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, (int) bounds.size.width, &min_height, NULL, NULL, NULL);
  g_assert_cmpfloat (bounds.size.width, >=, MAX (min_width, 1));
  g_assert_cmpfloat (bounds.size.height, >=, MAX (min_height, 1));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (popover));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (popover));
}

static void
tag_three (PeithoWindow *window)
{
  tag (window, 0, 4, "metaphor");     /* "Four" */
  tag (window, 5, 10, "irony");       /* "score" */
  tag (window, 15, 20, "ethos");      /* "seven" */
}

static void
test_relation_create_follow_delete (Fixture       *f,
                                    gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoRelationDialog *dialog;
  PeithoAnnotation *from, *to;
  g_autoptr(PeithoAnnotation) target = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  PeithoRelation *relation;
  GtkTextIter s, e;

  tag_three (f->window);
  from = annotation_at (f->window, 0);
  to = annotation_at (f->window, 2);

  /* The Ctrl+I popover, with its Relations button, lays out cleanly: on
   * screen, each button at least its minimum size and inside the popover. */
  select_range (f->window, 2, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-annotations", NULL));
  {
    GtkWidget *popover = find_widget (GTK_WIDGET (f->window), PEITHO_TYPE_ANNOTATION_POPOVER, NULL);
    GdkSurface *surface;

    g_assert_nonnull (popover);
    wait_for_paint (popover);
    surface = gtk_native_get_surface (GTK_NATIVE (popover));
    g_assert_cmpint (gdk_surface_get_width (surface), >, 0);
    g_assert_cmpint (gdk_surface_get_height (surface), >, 0);
    assert_laid_out_inside (find_widget (popover, GTK_TYPE_BUTTON, "Re_lations…"), popover);
    assert_laid_out_inside (find_widget (popover, GTK_TYPE_BUTTON, "Add _Note"), popover);
    assert_laid_out_inside (find_widget (popover, GTK_TYPE_BUTTON, "_Remove"), popover);
    assert_laid_out_inside (find_widget (popover, GTK_TYPE_MENU_BUTTON, NULL), popover);
  }

  /* Ctrl+L on the caret: the dialog of the annotation there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.relations", NULL));
  iterate ();
  dialog = _peitho_window_get_relation_dialog_for_testing (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (peitho_relation_dialog_get_n_relations (dialog), ==, 0);
  /* Every other annotation is a possible target; the search narrows. */
  g_assert_cmpuint (g_list_model_get_n_items (peitho_relation_dialog_get_targets (dialog)), ==, 2);
  peitho_relation_dialog_set_search (dialog, "SEVEN");
  g_assert_cmpuint (g_list_model_get_n_items (peitho_relation_dialog_get_targets (dialog)), ==, 1);
  target = g_list_model_get_item (peitho_relation_dialog_get_targets (dialog), 0);
  g_assert_true (target == to);
  peitho_relation_dialog_set_search (dialog, "irony");   /* by tag label */
  g_assert_cmpuint (g_list_model_get_n_items (peitho_relation_dialog_get_targets (dialog)), ==, 1);
  peitho_relation_dialog_set_search (dialog, "seven");

  peitho_relation_dialog_set_type (dialog, "supports");
  g_assert_true (peitho_relation_dialog_add (dialog, 0));
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (peitho_relation_dialog_get_n_relations (dialog), ==, 1);
  relations = peitho_document_get_relations_for (document, peitho_annotation_get_id (from));
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (peitho_relation_get_relation_type (relation), ==, "supports");
  g_assert_cmpstr (peitho_relation_get_from_id (relation), ==, peitho_annotation_get_id (from));
  g_assert_cmpstr (peitho_relation_get_to_id (relation), ==, peitho_annotation_get_id (to));
  g_assert_nonnull (peitho_relation_get_annotator_id (relation));
  g_assert_true (peitho_window_get_modified (f->window));

  /* A type of the user's own. */
  peitho_relation_dialog_set_type (dialog, "echoes");
  g_assert_true (peitho_relation_dialog_add (dialog, 0));
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  g_assert_cmpuint (relation_type_count (f->window, "supports"), ==, 1);
  g_assert_cmpuint (relation_type_count (f->window, "echoes"), ==, 1);
  g_assert_cmpuint (peitho_count_model_get_n_relations (counts (f->window)), ==, 2);

  /* Seen from the other end: incoming. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-relations", "s", peitho_annotation_get_id (to));
  iterate ();
  dialog = _peitho_window_get_relation_dialog_for_testing (f->window);
  g_assert_cmpuint (peitho_relation_dialog_get_n_relations (dialog), ==, 2);

  /* Follow: the other passage is selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select-annotation", "s",
                                             peitho_annotation_get_id (from)));
  iterate ();
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 0);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 4);

  /* Delete (the row's button in the dialog), undo, redo. */
  {
    GtkWidget *button = find_action_button (GTK_WIDGET (dialog), "relation.remove",
                                            g_variant_new_string (peitho_relation_get_id (relation)));

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (relation_type_count (f->window, "supports"), ==, 0);
  g_assert_null (peitho_count_model_lookup_relation_type (counts (f->window), "supports"));
  g_assert_cmpuint (peitho_relation_dialog_get_n_relations (dialog), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  g_assert_cmpuint (relation_type_count (f->window, "supports"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);

  /* The row's "Go to" button selects the other passage (at once: the
   * action is synchronous) and closes the dialog. */
  {
    GtkWidget *button = find_action_button (GTK_WIDGET (dialog), "relation.follow",
                                            g_variant_new_string (peitho_annotation_get_id (from)));

    select_range (f->window, 30, 30);
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
    g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 0);
    g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 4);
    wait_until (_peitho_window_get_relation_dialog_for_testing (f->window) == NULL);
  }

  /* Undo the creation of the second one too, then removing an annotation
   * takes its relations (and undo brings them back). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-annotation", "s", peitho_annotation_get_id (to));
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 0);
  g_assert_cmpuint (peitho_count_model_get_n_relations (counts (f->window)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);
  g_assert_cmpuint (peitho_count_model_get_n_relations (counts (f->window)), ==, 2);
}

static void
test_notes_list (Fixture       *f,
                 gconstpointer  data)
{
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  GListModel *notes = peitho_sidebar_get_notes_model (sidebar);
  PeithoAnnotation *a, *c;
  g_autoptr(PeithoAnnotation) first = NULL;
  GtkTextIter s, e;

  tag_three (f->window);
  a = annotation_at (f->window, 0);
  c = annotation_at (f->window, 2);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (c), "Second line\nof the note");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (a), "Why a metaphor");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  /* Document order. */
  first = g_list_model_get_item (notes, 0);
  g_assert_true (first == a);

  /* Jump from the note to its passage. */
  peitho_sidebar_show_page (sidebar, "notes");
  peitho_sidebar_activate_note (sidebar, 1);
  iterate ();
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, 15);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, 20);

  /* Clearing a note takes it off the list; undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (a), "");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
}

static void
test_annotator_from_preferences (Fixture       *f,
                                 gconstpointer  data)
{
  PeithoDocument *document = peitho_window_get_document (f->window);
  PeithoAnnotation *annotation;
  PeithoCountItem *item;
  GDateTime *created;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();

  g_settings_set_string (f->settings, "annotator-name", "Ada Reader");
  tag (f->window, 0, 4, "metaphor");
  annotation = annotation_at (f->window, 0);
  g_assert_cmpstr (peitho_annotator_get_name (peitho_document_lookup_annotator (document,
                     peitho_annotation_get_annotator_id (annotation))), ==, "Ada Reader");
  created = peitho_annotation_get_created (annotation);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_difference (created, before), >=, -G_USEC_PER_SEC);

  g_settings_set_string (f->settings, "annotator-name", "Ben Critic");
  tag (f->window, 5, 10, "irony");
  tag (f->window, 15, 20, "irony");

  /* Counts per annotator, in the sidebar's model. */
  item = peitho_count_model_lookup_annotator (counts (f->window), peitho_annotation_get_annotator_id (annotation));
  g_assert_nonnull (item);
  g_assert_cmpstr (peitho_count_item_get_label (item), ==, "Ada Reader");
  g_assert_cmpuint (peitho_count_item_get_count (item), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_count_model_get_annotators (counts (f->window))), ==, 2);
  item = peitho_count_model_lookup_annotator (counts (f->window),
                                              peitho_annotation_get_annotator_id (annotation_at (f->window, 1)));
  g_assert_cmpstr (peitho_count_item_get_label (item), ==, "Ben Critic");
  g_assert_cmpuint (peitho_count_item_get_count (item), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_count_item_get_count (item), ==, 1);
  g_settings_reset (f->settings, "annotator-name");
}

static void
test_save_reopen_keeps_relations (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.xml", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  PeithoDocument *document;
  PeithoWindow *reopened;
  PeithoRelation *relation;
  PeithoAnnotation *annotation;

  g_settings_set_string (f->settings, "annotator-name", "Ada Reader");
  tag_three (f->window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-relation", "(sss)",
                              peitho_annotation_get_id (annotation_at (f->window, 1)),
                              peitho_annotation_get_id (annotation_at (f->window, 0)), "attacks");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (annotation_at (f->window, 0)), "One\nTwo");
  iterate ();

  _peitho_window_set_save_file_for_testing (f->window, saved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  wait_for (f->window);
  g_assert_null (_peitho_window_get_last_error_for_testing (f->window));

  reopened = open_window (saved);
  document = peitho_window_get_document (reopened);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  relation = g_list_model_get_item (peitho_document_get_relations (document), 0);
  g_object_unref (relation);
  g_assert_cmpstr (peitho_relation_get_relation_type (relation), ==, "attacks");
  g_assert_cmpuint (peitho_count_model_get_n_relations (counts (reopened)), ==, 1);
  g_assert_cmpuint (relation_type_count (reopened, "attacks"), ==, 1);
  annotation = annotation_at (reopened, 0);
  g_assert_cmpstr (peitho_annotation_get_note (annotation), ==, "One\nTwo");
  g_assert_cmpstr (peitho_annotation_get_annotator_name (document, annotation), ==, "Ada Reader");
  g_assert_nonnull (peitho_annotation_get_created (annotation));
  g_assert_cmpuint (g_list_model_get_n_items (peitho_sidebar_get_notes_model (_peitho_window_get_sidebar_for_testing (reopened))), ==, 1);
  g_assert_cmpuint (peitho_count_item_get_count (peitho_count_model_lookup_annotator (counts (reopened),
                      peitho_annotation_get_annotator_id (annotation))), ==, 3);

  _peitho_window_set_save_file_for_testing (reopened, NULL);
  destroy_window (reopened);
  g_settings_reset (f->settings, "annotator-name");
}

static void
test_focus_panes (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *palette = GTK_WIDGET (_peitho_window_get_palette_for_testing (f->window));
  GtkWidget *sidebar = GTK_WIDGET (_peitho_window_get_sidebar_for_testing (f->window));
  GtkWidget *focus;

  wait_until (gtk_widget_get_mapped (palette) && gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-next-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, palette));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-next-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-previous-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, palette));
}

static void
test_preferences_window (Fixture       *f,
                         gconstpointer  data)
{
  PeithoAnnotationView *view = PEITHO_ANNOTATION_VIEW (find_widget (GTK_WIDGET (f->window),
                                                                    PEITHO_TYPE_ANNOTATION_VIEW, NULL));
  PeithoAnnotation *annotation;
  GtkWidget *font_row;
  GtkWidget *snap_switch;
  GtkWindow *prefs;
  GList *windows;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();

  windows = gtk_window_list_toplevels ();
  prefs = NULL;
  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_list_free (windows);
  g_assert_nonnull (prefs);

  /* Bound both ways: a change of the setting shows in the preferences and
   * is in effect in the window; a change in the preferences is the setting. */
  font_row = find_widget (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Font");
  snap_switch = find_widget (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (font_row);
  g_assert_nonnull (snap_switch);

  g_settings_set_enum (f->settings, "font-family", 1);
  g_settings_set_boolean (f->settings, "snap-to-words", TRUE);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (font_row)), ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (snap_switch)));
  g_assert_cmpstr (peitho_annotation_view_get_font_family (view), ==, "sans");
  tag (f->window, 1, 8, "metaphor");     /* "our sco" -> "Four score" */
  annotation = annotation_at (f->window, 0);
  g_assert_cmpuint (peitho_annotation_get_start (annotation), ==, 0);
  g_assert_cmpuint (peitho_annotation_get_end (annotation), ==, 10);

  adw_combo_row_set_selected (ADW_COMBO_ROW (font_row), 0);
  gtk_switch_set_active (GTK_SWITCH (snap_switch), FALSE);
  iterate ();
  g_assert_cmpint (g_settings_get_enum (f->settings, "font-family"), ==, 0);
  g_assert_false (g_settings_get_boolean (f->settings, "snap-to-words"));
  g_assert_cmpstr (peitho_annotation_view_get_font_family (view), ==, "serif");
  tag (f->window, 16, 18, "irony");
  annotation = annotation_at (f->window, 1);
  g_assert_cmpuint (peitho_annotation_get_start (annotation), ==, 16);
  g_assert_cmpuint (peitho_annotation_get_end (annotation), ==, 18);

  gtk_window_destroy (prefs);
  iterate ();
}

/* Pictures of the relations dialog, the notes list and the tag-set
 * editor, light and dark: only with $PEITHO_SCREENSHOT_DIR. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const char * const schemes[] = { "light", "dark" };

  if (g_getenv ("PEITHO_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("PEITHO_SCREENSHOT_DIR not set");
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  g_settings_set_string (f->settings, "annotator-name", "Ada Reader");
  tag (f->window, 0, 30, "metaphor");
  tag (f->window, 35, 60, "irony");
  tag (f->window, 91, 120, "ethos");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (annotation_at (f->window, 0)),
                              "Time as a measure of the nation.\nCompare the Bible’s “threescore years and ten”.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-annotation-note", "(ss)",
                              peitho_annotation_get_id (annotation_at (f->window, 2)), "The test of endurance.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-relation", "(sss)",
                              peitho_annotation_get_id (annotation_at (f->window, 1)),
                              peitho_annotation_get_id (annotation_at (f->window, 0)), "supports");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-relation", "(sss)",
                              peitho_annotation_get_id (annotation_at (f->window, 0)),
                              peitho_annotation_get_id (annotation_at (f->window, 2)), "restates");
  iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = NULL;
      GtkWidget *editor;
      GtkWidget *dialog;

      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

      peitho_sidebar_show_page (sidebar, "notes");
      name = g_strconcat ("notes-", schemes[i], NULL);
      save_screenshot (GTK_WIDGET (f->window), name);
      g_free (name);

      peitho_sidebar_show_page (sidebar, "overview");
      name = g_strconcat ("overview-", schemes[i], NULL);
      save_screenshot (GTK_WIDGET (f->window), name);
      g_free (name);
      peitho_sidebar_show_page (sidebar, "tags");
      peitho_sidebar_select (sidebar, "metaphor");
      name = g_strconcat ("tag-details-", schemes[i], NULL);
      save_screenshot (GTK_WIDGET (f->window), name);
      g_free (name);
      peitho_sidebar_select (sidebar, NULL);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-relations", "s",
                                  peitho_annotation_get_id (annotation_at (f->window, 0)));
      iterate ();
      dialog = GTK_WIDGET (_peitho_window_get_relation_dialog_for_testing (f->window));
      name = g_strconcat ("relations-", schemes[i], NULL);
      save_screenshot (dialog, name);
      g_free (name);
      gtk_window_destroy (GTK_WINDOW (dialog));

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-tag-set", NULL);
      iterate ();
      editor = GTK_WIDGET (_peitho_window_get_tag_set_editor_for_testing (f->window));
      name = g_strconcat ("tag-set-editor-", schemes[i], NULL);
      save_screenshot (editor, name);
      g_free (name);
      {
        GtkWidget *question = peitho_tag_set_editor_delete_tag (PEITHO_TAG_SET_EDITOR (editor), "metaphor");

        name = g_strconcat ("delete-tag-", schemes[i], NULL);
        save_screenshot (question, name);
        gtk_window_destroy (GTK_WINDOW (question));
      }
      gtk_window_destroy (GTK_WINDOW (editor));
      iterate ();
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_reset (f->settings, "annotator-name");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

#define ADD(name, func) g_test_add ("/relations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-follow-delete", test_relation_create_follow_delete);
  ADD ("notes-list", test_notes_list);
  ADD ("annotator", test_annotator_from_preferences);
  ADD ("save-reopen", test_save_reopen_keeps_relations);
  ADD ("preferences", test_preferences_window);
  ADD ("focus-panes", test_focus_panes);
  ADD ("screenshots", test_screenshots);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
