/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A real edition in the window: the Folger Hamlet with its speakers, stage
 * directions and verse line numbers shown, tagged across verse lines and
 * saved. */

#include "gui-fixture.h"
#include "peitho-outline-item.h"
#include "peitho-speaker-view.h"

#include <adwaita.h>
#include <string.h>

typedef struct {
  char         *dir;
  GFile        *file;
  PeithoWindow *window;
  GSettings    *settings;
} EditionFixture;

static void
edition_set_up (EditionFixture *f,
                gconstpointer   data)
{
  g_autofree char *source = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei",
                                              "folger-hamlet.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  f->settings = g_settings_new (APP_ID);
  g_settings_set_boolean (f->settings, "snap-to-words", FALSE);

  /* A copy: the test saves. */
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("peitho-edition-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = write_file (f->dir, "hamlet.xml", contents);
  f->file = g_file_new_for_path (path);
  f->window = open_window (f->file);
}

static void
edition_tear_down (EditionFixture *f,
                   gconstpointer   data)
{
  destroy_window (f->window);
  g_clear_object (&f->file);
  g_clear_object (&f->settings);
  peitho_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The character offset of @needle in the buffer's text; fails if absent. */
static int
buffer_offset_of (GtkTextBuffer *buffer,
                  const char    *needle)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *found;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  found = strstr (text, needle);
  if (found == NULL)
    g_error ("“%s” is not in the buffer", needle);
  return (int) g_utf8_pointer_to_offset (text, found);
}

static const PeithoMark *
first_mark (PeithoDocument *document,
            PeithoMarkKind  kind)
{
  for (guint i = 0; i < peitho_document_get_n_marks (document); i++)
    {
      const PeithoMark *mark = peitho_document_get_mark (document, i);

      if (mark->kind == kind)
        return mark;
    }
  g_error ("No mark of kind %d", kind);
  return NULL;
}

/* The first verse line whose @n ends in @suffix. */
static const PeithoMark *
line_numbered (PeithoDocument *document,
               const char     *suffix)
{
  for (guint i = 0; i < peitho_document_get_n_marks (document); i++)
    {
      const PeithoMark *mark = peitho_document_get_mark (document, i);

      if (mark->kind == PEITHO_MARK_LINE && mark->value != NULL && g_str_has_suffix (mark->value, suffix))
        return mark;
    }
  g_error ("No line numbered …%s", suffix);
  return NULL;
}

/* The id of the first tag of the window's tag set. */
static char *
first_tag_id (PeithoWindow *window)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (peitho_window_get_document (window));
  g_autoptr(GPtrArray) tags = NULL;

  /* Palette and sidebar are not empty for an edition without a taxonomy. */
  g_assert_nonnull (tag_set);
  tags = peitho_tag_set_dup_tags (tag_set);
  g_assert_cmpuint (tags->len, >, 0);
  return g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, 0)));
}

static void
save (PeithoWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (window);
  g_assert_null (_peitho_window_get_last_error_for_testing (window));
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            gsize          offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static guint
buffer_line_of (GtkTextBuffer *buffer,
                gsize          offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  return (guint) gtk_text_iter_get_line (&iter);
}

static void
test_edition_structure (EditionFixture *f,
                        gconstpointer   data)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoDocument *document = peitho_window_get_document (f->window);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (f->window);
  PeithoStructureStyler *styler = peitho_annotation_view_get_structure_styler (view);
  PeithoLineNumberGutter *gutter = peitho_annotation_view_get_line_number_gutter (view);
  const PeithoMark *speaker = first_mark (document, PEITHO_MARK_SPEAKER);
  const PeithoMark *stage = first_mark (document, PEITHO_MARK_STAGE);
  const PeithoMark *line;
  GtkTextTag *speaker_tag = peitho_structure_styler_get_tag (styler, PEITHO_MARK_SPEAKER, 0);
  GtkTextTag *stage_tag = peitho_structure_styler_get_tag (styler, PEITHO_MARK_STAGE, 0);
  int barnardo;
  g_autofree char *label = NULL;

  /* The speaker on a line of its own, the speech's verse line after it. */
  barnardo = buffer_offset_of (buffer, "\n\nBARNARDO\nWho’s there?\n\nFRANCISCO\n") + 2;
  g_assert_cmpint ((int) speaker->start, ==, barnardo);
  g_assert_cmpint ((int) speaker->end, ==, barnardo + (int) strlen ("BARNARDO"));

  g_assert_false (has_tag_at (buffer, speaker_tag, speaker->start - 1));
  g_assert_true (has_tag_at (buffer, speaker_tag, speaker->start));
  g_assert_true (has_tag_at (buffer, speaker_tag, speaker->end - 1));
  g_assert_false (has_tag_at (buffer, speaker_tag, speaker->end));

  g_assert_cmpint ((int) stage->start, ==,
                   buffer_offset_of (buffer, "Enter Barnardo and Francisco, two sentinels."));
  g_assert_true (has_tag_at (buffer, stage_tag, stage->start));
  g_assert_true (has_tag_at (buffer, stage_tag, stage->end - 1));
  g_assert_false (has_tag_at (buffer, stage_tag, stage->end));
  g_assert_false (has_tag_at (buffer, stage_tag, speaker->start));

  /* Every fifth line number in the margin, beside the verse line's start. */
  line = line_numbered (document, ".1.5");
  label = peitho_line_number_gutter_dup_label (gutter, buffer_line_of (buffer, line->start));
  g_assert_cmpstr (label, ==, "5");
  g_clear_pointer (&label, g_free);
  line = line_numbered (document, ".1.6");
  label = peitho_line_number_gutter_dup_label (gutter, buffer_line_of (buffer, line->start));
  g_assert_null (label);
  /* Not beside a speaker's name. */
  label = peitho_line_number_gutter_dup_label (gutter, buffer_line_of (buffer, speaker->start));
  g_assert_null (label);
}

static void
test_edition_tag_across_lines (EditionFixture *f,
                               gconstpointer   data)
{
  const char *passage = "For this relief much thanks. ’Tis bitter cold,\nAnd I am sick at heart.";
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoDocument *document = peitho_window_get_document (f->window);
  g_autofree char *tag_id = first_tag_id (f->window);
  PeithoWindow *reopened;
  PeithoAnnotation *annotation;
  int start;
  int end;

  start = buffer_offset_of (buffer, passage);
  end = start + (int) g_utf8_strlen (passage, -1);
  g_assert_cmpuint (count_of (f->window, tag_id), ==, 0);
  tag (f->window, start, end, tag_id);
  g_assert_cmpuint (count_of (f->window, tag_id), ==, 1);
  assert_tag_over (buffer, text_tag (f->window, tag_id), start, end);

  save (f->window);
  reopened = open_window (f->file);
  document = peitho_window_get_document (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotations (document)), ==, 1);
  annotation = annotation_at (reopened, 0);
  g_assert_cmpint ((int) peitho_annotation_get_start (annotation), ==, start);
  g_assert_cmpint ((int) peitho_annotation_get_end (annotation), ==, end);
  g_assert_cmpstr (peitho_annotation_get_tag_id (annotation), ==, tag_id);
  g_assert_cmpuint (count_of (reopened, tag_id), ==, 1);
  destroy_window (reopened);
}

static void
test_edition_outline (EditionFixture *f,
                      gconstpointer   data)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (f->window);
  GListModel *outline = peitho_sidebar_get_outline_model (sidebar);
  g_autoptr(PeithoOutlineItem) act = NULL;
  g_autoptr(PeithoOutlineItem) scene = NULL;
  g_autoptr(PeithoOutlineItem) last = NULL;
  guint n = g_list_model_get_n_items (outline);
  guint act_position = G_MAXUINT;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* Five acts and their scenes. */
  g_assert_cmpuint (n, >, 20);
  for (guint i = 0; i < n && act_position == G_MAXUINT; i++)
    {
      g_autoptr(PeithoOutlineItem) item = g_list_model_get_item (outline, i);

      if (g_strcmp0 (peitho_outline_item_get_label (item), "ACT 1") == 0)
        act_position = i;
    }
  g_assert_cmpuint (act_position, <, n - 1);
  act = g_list_model_get_item (outline, act_position);
  scene = g_list_model_get_item (outline, act_position + 1);
  g_assert_cmpuint (peitho_outline_item_get_level (act), ==, 1);
  g_assert_cmpstr (peitho_outline_item_get_label (scene), ==, "Scene 1");
  g_assert_cmpuint (peitho_outline_item_get_level (scene), ==, 2);
  g_assert_cmpuint (peitho_outline_item_get_start (scene), >=, peitho_outline_item_get_start (act));

  /* Jumping to the last entry, then to the first scene. */
  last = g_list_model_get_item (outline, n - 1);
  peitho_sidebar_activate_outline (sidebar, n - 1);
  iterate ();
  g_assert_cmpuint (peitho_annotation_view_get_cursor_offset (view), ==, peitho_outline_item_get_start (last));

  peitho_sidebar_activate_outline (sidebar, act_position + 1);
  iterate ();
  g_assert_cmpuint (peitho_annotation_view_get_cursor_offset (view), ==, peitho_outline_item_get_start (scene));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) peitho_outline_item_get_start (scene));
  end = start;
  gtk_text_iter_forward_chars (&end, 7);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (text, ==, "Scene 1");
}

/* A plain text has no outline: the page stays hidden; nor speakers. */
static void
test_edition_no_outline (Fixture       *f,
                         gconstpointer  data)
{
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  GtkWidget *speakers = find_widget (GTK_WIDGET (sidebar), PEITHO_TYPE_SPEAKER_VIEW, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (peitho_sidebar_get_outline_model (sidebar)), ==, 0);
  g_assert_nonnull (speakers);
  g_assert_false (gtk_widget_get_visible (speakers));
}

/* A label under @root showing @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }
  return NULL;
}

/* Who uses which devices, on the Overview page: a row per speaker with
 * annotations, updated as they are tagged, reachable from the keyboard. */
static void
test_edition_speakers (EditionFixture *f,
                       gconstpointer   data)
{
  static const char *names[] = { "edition-speakers", "edition-speakers-dark" };
  const char *kin = "A little more than kin and less than kind.";
  const char *sun = "Not so, my lord; I am too much in the sun.";
  const char *question = "Who’s there?";
  const char *flesh = "O, that this too, too sullied flesh would melt,";
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoSidebar *sidebar = _peitho_window_get_sidebar_for_testing (f->window);
  GtkWidget *view = find_widget (GTK_WIDGET (sidebar), PEITHO_TYPE_SPEAKER_VIEW, NULL);
  GtkWidget *list_view;
  GListModel *model;
  g_autoptr(PeithoSpeakerCount) first = NULL;
  g_autoptr(PeithoSpeakerCount) second = NULL;
  PeithoAnnotationView *text_view = _peitho_window_get_view_for_testing (f->window);
  GtkWidget *focus;
  GtkTextIter iter;
  int start;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (view));
  model = peitho_speaker_view_get_model (PEITHO_SPEAKER_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (find_label (view, "No annotations in the speeches yet."));

  start = buffer_offset_of (buffer, kin);
  tag (f->window, start, start + (int) g_utf8_strlen (kin, -1), "irony");
  start = buffer_offset_of (buffer, sun);
  tag (f->window, start, start + (int) g_utf8_strlen (sun, -1), "irony");
  start = buffer_offset_of (buffer, flesh);
  tag (f->window, start, start + (int) g_utf8_strlen (flesh, -1), "metaphor");
  start = buffer_offset_of (buffer, question);
  tag (f->window, start, start + (int) g_utf8_strlen (question, -1), "rhetorical-question");
  wait_until (g_list_model_get_n_items (model) == 2);

  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (peitho_speaker_count_get_name (first), ==, "Hamlet");
  g_assert_cmpuint (peitho_speaker_count_get_total (first), ==, 3);
  g_assert_cmpstr (peitho_speaker_count_get_name (second), ==, "Barnardo");

  /* The rows, as a person (or a screen reader) reads them. */
  peitho_sidebar_show_page (sidebar, "overview");
  list_view = find_widget (view, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  wait_until (find_label (list_view, "Hamlet") != NULL
              && find_label (list_view, "Irony 2, Metaphor 1") != NULL
              && find_label (list_view, "Barnardo") != NULL
              && find_label (list_view, "Rhetorical question 1") != NULL);
  g_assert_false (gtk_widget_get_visible (find_label (view, "No annotations in the speeches yet.")));

  /* From the keyboard: the list takes the focus, a row has it. */
  g_assert_true (gtk_widget_grab_focus (list_view));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == list_view || gtk_widget_is_ancestor (focus, list_view));

  /* The picture shows Hamlet's tagged lines beside the counts. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, buffer_offset_of (buffer, kin));
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (text_view)),
                                &iter, 0.0, TRUE, 0.0, 0.2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (f->window);
      save_screenshot (GTK_WIDGET (f->window), names[i]);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Undo takes Barnardo's annotation back, and his row with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_until (g_list_model_get_n_items (model) == 1);
}

#define CHOICES_TEI \
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>" \
  "<titleStmt><title>Flax</title></titleStmt><publicationStmt><p>For the tests.</p>" \
  "</publicationStmt><sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc>" \
  "</teiHeader><text><body><div><head>Flax</head>" \
  "<p>The <choice><sic>scutehing</sic><corr>scutching</corr></choice> of flax." \
  "<note>The process that frees the fibres.</note> Then the spinning.</p>" \
  "</div></body></text></TEI>\n"

/* The text of @window's edition popover after win.show-edition-note with
 * the caret at @offset; NULL when it did not open. */
static char *
edition_note_at (PeithoWindow *window,
                 int           offset)
{
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (window);
  GtkPopover *popover = peitho_annotation_view_get_edition_popover (view);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  GtkWidget *label;
  GtkTextIter iter;

  gtk_popover_popdown (popover);
  iterate ();
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-edition-note", NULL));
  iterate ();
  if (!gtk_widget_get_visible (GTK_WIDGET (popover)))
    return NULL;
  label = gtk_popover_get_child (popover);
  g_assert_true (GTK_IS_LABEL (label));
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* One reading of a choice in the text, the other on hover and from the
 * keyboard; a note out of the reading flow, its text the same ways. */
static void
test_edition_choice_and_note (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-edition-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "flax.xml", CHOICES_TEI);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PeithoWindow *window = open_window (file);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (window);
  PeithoStructureStyler *styler = peitho_annotation_view_get_structure_styler (view);
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int corr;
  int note;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "Flax\n\nThe scutching of flax. Then the spinning.");
  corr = buffer_offset_of (buffer, "scutching");
  note = buffer_offset_of (buffer, " Then");

  /* What the pointer's tooltip shows over the reading, and not elsewhere. */
  tooltip = peitho_structure_styler_dup_marker_markup (styler, corr + 3);
  g_assert_cmpstr (tooltip, ==, "<b>Other reading:</b> scutehing");
  g_clear_pointer (&tooltip, g_free);
  g_assert_null (peitho_structure_styler_dup_marker_markup (styler, buffer_offset_of (buffer, "spinning")));
  /* Over the note's marker (the character before its place). */
  tooltip = peitho_structure_styler_dup_marker_markup (styler, note - 1);
  g_assert_cmpstr (tooltip, ==, "<b>Note</b> The process that frees the fibres.");
  g_clear_pointer (&tooltip, g_free);

  /* From the keyboard: the same, in a popover at the caret. */
  tooltip = edition_note_at (window, corr + 3);
  g_assert_cmpstr (tooltip, ==, "Other reading: scutehing");
  g_clear_pointer (&tooltip, g_free);
  /* The caret right after the reading, or at the note's place. */
  tooltip = edition_note_at (window, corr + (int) strlen ("scutching"));
  g_assert_cmpstr (tooltip, ==, "Other reading: scutehing");
  g_clear_pointer (&tooltip, g_free);
  tooltip = edition_note_at (window, note);
  g_assert_cmpstr (tooltip, ==, "Note The process that frees the fibres.");
  g_clear_pointer (&tooltip, g_free);
  /* Nothing there: no popover (a toast says so). */
  g_assert_null (edition_note_at (window, buffer_offset_of (buffer, "spinning")));

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* The buffer's text between @start and @end. */
static char *
buffer_text (GtkTextBuffer *buffer,
             int            start,
             int            end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  return gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
}

static char *
whole_text (PeithoWindow *window)
{
  return buffer_text (_peitho_window_get_buffer_for_testing (window), 0, -1);
}

/* The window's annotation of @tag_id (there is one). */
static PeithoAnnotation *
annotation_of (PeithoWindow *window,
               const char   *tag_id)
{
  GListModel *annotations = peitho_document_get_annotations (peitho_window_get_document (window));
  PeithoAnnotation *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (peitho_annotation_get_tag_id (annotation), tag_id) == 0)
        {
          g_assert_null (found);
          /* The document holds it. */
          found = annotation;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Asserts that @window's @tag_id annotation is over @words in the buffer. */
static void
assert_annotation_over (PeithoWindow *window,
                        const char   *tag_id,
                        const char   *words)
{
  PeithoAnnotation *annotation = annotation_of (window, tag_id);
  g_autofree char *text = buffer_text (_peitho_window_get_buffer_for_testing (window),
                                       (int) peitho_annotation_get_start (annotation),
                                       (int) peitho_annotation_get_end (annotation));

  g_assert_cmpstr (text, ==, words);
}

static gboolean
readings_state (PeithoWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "original-readings");

  g_assert_nonnull (state);
  return g_variant_get_boolean (state);
}

static gboolean
readings_enabled (PeithoWindow *window)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), "original-readings");
}

#define FLAX_EDITED "Flax\n\nThe scutching of flax. Then the spinning."
#define FLAX_ORIGINAL "Flax\n\nThe scutehing of flax. Then the spinning."

/* "Show Original Readings": the text shows the sic of the choice, the
 * annotations stay on their words (one only on the reading hidden is left
 * out, with a toast), the document is modified; saved and opened again it
 * shows the original reading; and back. */
static void
test_edition_original_readings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-edition-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "flax.xml", CHOICES_TEI);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PeithoWindow *window = open_window (file);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  g_autofree char *tag_id = first_tag_id (window);
  g_autofree char *text = NULL;
  g_autofree char *other_tag_id = NULL;
  PeithoDocumentSession *before;
  PeithoDocumentSession *session;
  g_autoptr(GPtrArray) tags = NULL;
  int spinning;
  int scutching;

  text = whole_text (window);
  g_assert_cmpstr (text, ==, FLAX_EDITED);
  g_clear_pointer (&text, g_free);
  g_assert_true (readings_enabled (window));
  g_assert_false (readings_state (window));

  /* One annotation after the choice, one over its reading alone. */
  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (peitho_window_get_document (window)));
  g_assert_cmpuint (tags->len, >, 1);
  other_tag_id = g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, 1)));
  spinning = buffer_offset_of (buffer, "spinning");
  tag (window, spinning, spinning + (int) strlen ("spinning"), tag_id);
  scutching = buffer_offset_of (buffer, "scutching");
  tag (window, scutching, scutching + (int) strlen ("scutching"), other_tag_id);
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (window)), ==, 2);
  before = peitho_window_get_session (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.original-readings", NULL));
  wait_for (window);
  session = peitho_window_get_session (window);
  g_assert_true (session != before);
  text = whole_text (window);
  g_assert_cmpstr (text, ==, FLAX_ORIGINAL);
  g_clear_pointer (&text, g_free);
  assert_annotation_over (window, tag_id, "spinning");
  g_assert_true (readings_state (window));
  g_assert_true (peitho_document_session_get_modified (session));
  g_assert_true (g_file_equal (peitho_document_session_get_file (session), file));
  /* The unsaved work has a draft again, without waiting for a change. */
  g_assert_nonnull (peitho_document_session_get_draft_id (session));
  /* What covered the hidden reading alone could not stay: said so. */
  g_assert_cmpuint (peitho_document_get_n_annotations (peitho_window_get_document (window)), ==, 1);
  g_assert_nonnull (strstr (_peitho_window_get_last_toast_for_testing (window), "1 problem"));
  g_assert_nonnull (strstr (_peitho_window_get_last_toast_for_testing (window), "annotation left out"));
  g_assert_nonnull (_peitho_window_get_last_error_for_testing (window));

  /* (save() would see the problem above as an error.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (window);
  g_assert_false (peitho_document_session_get_modified (session));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<desc type=\"readings\">original</desc>"));
  g_clear_pointer (&text, g_free);
  destroy_window (window);

  window = open_window (file);
  g_assert_true (readings_state (window));
  g_assert_true (readings_enabled (window));
  text = whole_text (window);
  g_assert_cmpstr (text, ==, FLAX_ORIGINAL);
  g_clear_pointer (&text, g_free);
  assert_annotation_over (window, tag_id, "spinning");

  /* And back to the edited reading. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.original-readings", NULL));
  wait_for (window);
  g_assert_false (readings_state (window));
  text = whole_text (window);
  g_assert_cmpstr (text, ==, FLAX_EDITED);
  assert_annotation_over (window, tag_id, "spinning");
  g_assert_true (peitho_window_get_modified (window));

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* Whether the page of @window's text view shows the line of @offset. */
static gboolean
page_shows (PeithoWindow *window,
            int           offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window)));
  GdkRectangle rect, location;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return rect.height > 0 && location.y >= rect.y && location.y + location.height <= rect.y + rect.height;
}

static int
cursor_offset (PeithoWindow *window)
{
  return (int) peitho_annotation_view_get_cursor_offset (_peitho_window_get_view_for_testing (window));
}

/* Far down the Folger Hamlet, with a choice on its first line: after the
 * switch the caret is at the same words, and the page shows them. */
static void
test_edition_readings_keep_place (void)
{
  static const char *const plain = "n=\"1.1.1\"/>Who’s there? </p>";
  static const char *const with_choice = "n=\"1.1.1\"/>Who’s <choice><sic>ther</sic><corr>there</corr></choice>? </p>";
  static const char *const question = "To be or not to be";
  g_autofree char *dir = g_dir_make_tmp ("peitho-edition-XXXXXX", NULL);
  g_autoptr(GString) edition = peitho_test_read_corpus ("tei/folger-hamlet.xml");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PeithoWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int before;
  int after;

  peitho_test_replace_once (edition, plain, with_choice);
  path = write_file (dir, "hamlet.xml", edition->str);
  file = g_file_new_for_path (path);
  window = open_window (file);
  buffer = _peitho_window_get_buffer_for_testing (window);
  g_assert_true (readings_enabled (window));

  before = buffer_offset_of (buffer, question);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, before);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (_peitho_window_get_view_for_testing (window))),
                                gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);
  wait_until (page_shows (window, before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.original-readings", NULL));
  wait_for (window);
  g_assert_true (readings_state (window));
  /* "there" is "ther" now: one character less before the question. */
  after = buffer_offset_of (buffer, question);
  g_assert_cmpint (after, ==, before - 1);
  g_assert_cmpint (cursor_offset (window), ==, after);
  wait_until (page_shows (window, after));

  destroy_window (window);
  peitho_test_remove_tree (dir);
}

/* A text, and an edition without choices, have no readings to switch. */
static void
test_edition_no_readings (EditionFixture *f,
                          gconstpointer   data)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-edition-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "text.txt", "A text.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PeithoWindow *window = open_window (file);

  g_assert_false (readings_enabled (window));
  g_assert_false (readings_state (window));
  destroy_window (window);
  peitho_test_remove_tree (dir);

  /* The Folger Hamlet. */
  g_assert_false (readings_enabled (f->window));
  g_assert_false (readings_state (f->window));
}

/* A tag set of the user's library, chosen in Preferences, with none of the
 * built-in set's tags. */
static void
edition_preferences_set_up (EditionFixture *f,
                            gconstpointer   data)
{
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new ("close-reading", "Close Reading");
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("wordplay-group", "Wordplay", NULL);
  g_autoptr(PeithoTag) pun = peitho_tag_new ("pun", "Pun", "A play on words", NULL, "#c061cb");
  g_autoptr(PeithoTag) quibble = peitho_tag_new ("quibble", "Quibble", NULL, NULL, "#2ec27e");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (peitho_tag_set_add_group (tag_set, group, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (tag_set, "wordplay-group", pun, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (tag_set, "wordplay-group", quibble, -1, &error));
  g_assert_no_error (error);
  path = peitho_tag_set_library_save (tag_set, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "last-tag-set", path);

  edition_set_up (f, data);
}

static void
edition_preferences_tear_down (EditionFixture *f,
                               gconstpointer   data)
{
  g_settings_reset (f->settings, "last-tag-set");
  g_assert_true (peitho_tag_set_library_delete ("close-reading", NULL));
  edition_tear_down (f, data);
}

/* An edition without a taxonomy of Peitho's gets the tag set chosen in
 * Preferences: in the palette, for tagging, and in the saved file. */
static void
test_edition_preferences_tag_set (EditionFixture *f,
                                  gconstpointer   data)
{
  const char *passage = "A little more than kin and less than kind.";
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoTagPalette *palette = _peitho_window_get_palette_for_testing (f->window);
  PeithoTagSet *tag_set = peitho_document_get_tag_set (peitho_window_get_document (f->window));
  g_autoptr(PeithoLoadResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  int start;

  g_assert_cmpstr (peitho_tag_set_get_id (tag_set), ==, "close-reading");
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set), ==, 2);
  g_assert_nonnull (peitho_tag_palette_get_button (palette, "pun"));
  g_assert_nonnull (peitho_tag_palette_get_button (palette, "quibble"));
  g_assert_null (peitho_tag_palette_get_button (palette, "metaphor"));

  start = buffer_offset_of (buffer, passage);
  tag (f->window, start, start + (int) g_utf8_strlen (passage, -1), "pun");
  g_assert_cmpuint (count_of (f->window, "pun"), ==, 1);
  assert_tag_over (buffer, text_tag (f->window, "pun"), start,
                   start + (int) g_utf8_strlen (passage, -1));
  save (f->window);

  /* The file now has the set: read without any choice of set, it has it
   * (read by the core: one window less on Hamlet keeps the test quick). */
  saved = peitho_document_load (f->file, PEITHO_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  tag_set = peitho_document_get_tag_set (peitho_load_result_get_document (saved));
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set, "pun"));
  g_assert_null (peitho_tag_set_lookup_tag (tag_set, "metaphor"));
  g_assert_cmpuint (peitho_document_count_tag (peitho_load_result_get_document (saved), "pun"), ==, 1);
}

static void
test_edition_screenshots (EditionFixture *f,
                          gconstpointer   data)
{
  static const char *names[] = { "edition-hamlet", "edition-hamlet-dark" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoAnnotationView *view = _peitho_window_get_view_for_testing (f->window);
  g_autofree char *tag_id = first_tag_id (f->window);
  const char *passage = "Horatio says ’tis but our fantasy\nAnd will not let belief take hold of him";
  int start = buffer_offset_of (buffer, passage);
  GtkTextIter iter;

  if (g_getenv ("PEITHO_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("PEITHO_SCREENSHOT_DIR is not set");
      return;
    }

  tag (f->window, start, start + (int) g_utf8_strlen (passage, -1), tag_id);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, buffer_offset_of (buffer, "BARNARDO\nSay, what, is Horatio there?"));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (view)),
                                &iter, 0.0, TRUE, 0.0, 0.0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      adw_style_manager_set_color_scheme (style, i ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      wait_for (f->window);
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      save_screenshot (GTK_WIDGET (f->window), names[i]);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

  g_test_add ("/edition/structure", EditionFixture, NULL, edition_set_up, test_edition_structure, edition_tear_down);
  g_test_add ("/edition/tag-across-lines", EditionFixture, NULL, edition_set_up, test_edition_tag_across_lines, edition_tear_down);
  g_test_add ("/edition/outline", EditionFixture, NULL, edition_set_up, test_edition_outline, edition_tear_down);
  g_test_add ("/edition/no-outline", Fixture, NULL, fixture_set_up, test_edition_no_outline, fixture_tear_down);
  g_test_add_func ("/edition/choice-and-note", test_edition_choice_and_note);
  g_test_add_func ("/edition/original-readings", test_edition_original_readings);
  g_test_add_func ("/edition/readings-keep-place", test_edition_readings_keep_place);
  g_test_add ("/edition/no-readings", EditionFixture, NULL, edition_set_up, test_edition_no_readings, edition_tear_down);
  g_test_add ("/edition/speakers", EditionFixture, NULL, edition_set_up, test_edition_speakers, edition_tear_down);
  g_test_add ("/edition/preferences-tag-set", EditionFixture, NULL, edition_preferences_set_up,
              test_edition_preferences_tag_set, edition_preferences_tear_down);
  g_test_add ("/edition/screenshots", EditionFixture, NULL, edition_set_up, test_edition_screenshots, edition_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
