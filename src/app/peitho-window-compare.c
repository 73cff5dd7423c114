/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Comparing the students of a seminar document: which students are shown
 * (all, one, or a chosen set), colour by tag or by student, the passages to
 * discuss, and student names replaced by "Student 1…N" for the class. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-discussion-row.h"
#include "peitho-heat-stripe.h"
#include "peitho-source-view.h"
#include "peitho-student-row.h"
#include "peitho-window-private.h"

/* How long the rankings wait at most for the frame that shows a change. */
#define PAINT_FALLBACK_MS 500

static void update_cursor_line_summary (PeithoWindow *self);

static PeithoHighlighter *
get_highlighter (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (PEITHO_IS_ANNOTATION_VIEW (self->view));

  return peitho_annotation_view_get_highlighter (self->view);
}

static PeithoDocument *
get_document (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  return self->session ? peitho_document_session_get_document (self->session) : NULL;
}

static guint
student_position (PeithoWindow *self,
                  const char   *annotator_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->students));

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (annotator_id != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);

      if (g_strcmp0 (peitho_annotator_get_id (student), annotator_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

char *
_peitho_window_compare_dup_display_name (PeithoWindow *self,
                                         const char   *annotator_id)
{
  PeithoDocument *document = get_document (self);
  PeithoAnnotator *annotator;
  guint position;

  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);

  position = student_position (self, annotator_id);
  if (self->anonymise && position != G_MAXUINT)
    /* TRANSLATORS: a student's name replaced for privacy in class */
    return g_strdup_printf (_("Student %u"), position + 1);
  annotator = document ? peitho_document_lookup_annotator (document, annotator_id) : NULL;
  return g_strdup (annotator ? peitho_annotator_get_name (annotator) : annotator_id);
}

/* The ids of the students shown, NULL-terminated. */
static GStrv
dup_shown_students (PeithoWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->students));

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_LIST_STORE (self->students));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      const char *id = peitho_annotator_get_id (student);

      if (!peitho_highlighter_is_annotator_hidden (get_highlighter (self), id))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static void
update_details (PeithoWindow            *self,
                PeithoDiscussionPassage *passage)
{
  PeithoDocument *document = get_document (self);
  PeithoTagSet *tag_set = document ? peitho_document_get_tag_set (document) : NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) on_screen = g_string_new (NULL);
  guint n_nothing = 0;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (passage == NULL || PEITHO_IS_DISCUSSION_PASSAGE (passage));
  g_assert (GTK_IS_LABEL (self->discussion_details));

  for (guint i = 0; passage && i < peitho_discussion_passage_get_n_readers (passage); i++)
    {
      const char *reader = peitho_discussion_passage_get_reader (passage, i);
      const char * const *tags = peitho_discussion_passage_get_reader_tags (passage, i);
      g_autofree char *name = _peitho_window_compare_dup_display_name (self, reader);
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint t = 0; tags[t] != NULL; t++)
        {
          PeithoTag *tag = tag_set ? peitho_tag_set_lookup_tag (tag_set, tags[t]) : NULL;

          if (t > 0)
            g_string_append (labels, ", ");
          g_string_append (labels, tag ? peitho_tag_get_label (tag) : tags[t]);
        }
      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* TRANSLATORS: who tagged what in a passage to discuss: "Ada: Irony, Claim" */
      g_string_append_printf (details, _("%s: %s"), name,
                              labels->len > 0 ? labels->str : _("nothing"));
      if (labels->len == 0)
        n_nothing++;
      else
        {
          if (on_screen->len > 0)
            g_string_append_c (on_screen, '\n');
          g_string_append_printf (on_screen, _("%s: %s"), name, labels->str);
        }
    }
  gtk_label_set_text (self->discussion_details, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->discussion_details), details->len > 0);

  /* On the screen in class, in large type: those who tagged something, the
   * others counted, so that a large class does not cover the passage. */
  if (n_nothing > 0)
    {
      if (on_screen->len > 0)
        g_string_append_c (on_screen, '\n');
      /* TRANSLATORS: in presentation mode, after the students who tagged
       * the passage shown: how many others tagged nothing there */
      g_string_append_printf (on_screen, ngettext ("%u other: nothing", "%u others: nothing",
                                                   n_nothing),
                              n_nothing);
    }
  _peitho_window_presentation_set_readers (self, on_screen->str);
}

void
_peitho_window_compare_show_passage (PeithoWindow *self,
                                     guint         position)
{
  g_autoptr(PeithoDiscussionPassage) passage = NULL;

  g_return_if_fail (PEITHO_IS_WINDOW (self));

  if (self->discussion == NULL
      || !(passage = g_list_model_get_item (self->discussion, position)))
    return;

  gtk_single_selection_set_selected (self->discussion_selection, position);
  update_details (self, passage);
  peitho_annotation_view_select_range (self->view,
                                       peitho_discussion_passage_get_start (passage),
                                       peitho_discussion_passage_get_end (passage));
  /* In class the readers' label covers the foot of the view: the passage
   * goes in its upper third. */
  if (self->presenting)
    {
      GtkSourceView *source_view = peitho_annotation_view_get_source_view (self->view);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view));

      peitho_source_view_scroll_to_mark (PEITHO_SOURCE_VIEW (source_view),
                                         gtk_text_buffer_get_insert (buffer), 0, TRUE, 0.3);
    }
}

/* A row activated: the passage it stands for, through the same action as
 * anything else that shows one. */
static void
discussion_activate_cb (GtkListView *list,
                        guint        position)
{
  g_assert (GTK_IS_LIST_VIEW (list));

  gtk_widget_activate_action (GTK_WIDGET (list), "win.show-passage", "u", position);
}

static void
show_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_assert (PEITHO_IS_WINDOW (widget));
  g_assert (g_variant_is_of_type (parameter, G_VARIANT_TYPE_UINT32));

  _peitho_window_compare_show_passage (PEITHO_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
show_discussion (PeithoWindow *self,
                 GListModel   *passages)
{
  GtkSingleSelection *selection = self->discussion_selection;
  PeithoDiscussionPassage *selected = gtk_single_selection_get_selected_item (selection);
  g_autoptr(PeithoDiscussionPassage) kept = NULL;
  gsize start = 0, end = 0;
  guint n = g_list_model_get_n_items (passages);
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_LIST_MODEL (passages));

  if (selected != NULL)
    {
      start = peitho_discussion_passage_get_start (selected);
      end = peitho_discussion_passage_get_end (selected);
    }

  g_set_object (&self->discussion, passages);
  gtk_single_selection_set_model (selection, passages);

  /* The passage shown stays so if it is still to discuss (the ranking is
   * made anew in a thread, and ends whenever it ends): its details are
   * written again, with the names as they are now. */
  for (guint i = 0; selected != NULL && i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(PeithoDiscussionPassage) passage = g_list_model_get_item (passages, i);

      if (peitho_discussion_passage_get_start (passage) == start
          && peitho_discussion_passage_get_end (passage) == end)
        {
          position = i;
          kept = g_steal_pointer (&passage);
        }
    }
  gtk_single_selection_set_selected (selection, position);
  update_details (self, kept);
  gtk_widget_set_visible (GTK_WIDGET (self->discussion_empty), n == 0);
}

static void
discussion_thread_cb (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_assert (G_IS_TASK (task));

  g_task_return_pointer (task, peitho_discussion_job_run (task_data), g_object_unref);
}

static void
discussion_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PeithoWindow *self = PEITHO_WINDOW (source);
  GTask *task = G_TASK (result);
  g_autoptr(GListModel) passages = g_task_propagate_pointer (task, NULL);

  g_assert (PEITHO_IS_WINDOW (self));

  _peitho_window_set_busy (self, FALSE);
  /* Another computation replaced this one, or the window is closing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || passages == NULL)
    return;
  g_clear_object (&self->discussion_cancellable);
  show_discussion (self, passages);
}

/* The passages to discuss among the students shown. Their annotations are
 * read here; ranking the passages (100 ms for 100,000 annotations) runs in
 * a thread, and a newer computation replaces one under way. */
static void
recompute_discussion (PeithoWindow *self)
{
  PeithoDocument *document = get_document (self);
  g_autoptr(PeithoDiscussionJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) shown = NULL;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_SINGLE_SELECTION (self->discussion_selection));

  if (self->discussion_cancellable != NULL)
    {
      g_cancellable_cancel (self->discussion_cancellable);
      g_clear_object (&self->discussion_cancellable);
    }

  if (document != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->students)) >= 2)
    {
      shown = dup_shown_students (self);
      job = peitho_discussion_job_new (document, (const char * const *) shown, &error);
      if (job == NULL)
        g_warning ("Passages to discuss: %s", error->message);
    }

  if (job == NULL)
    {
      g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (PEITHO_TYPE_DISCUSSION_PASSAGE));

      show_discussion (self, none);
    }
  else
    {
      self->discussion_cancellable = g_cancellable_new ();
      task = g_task_new (self, self->discussion_cancellable, discussion_done_cb, NULL);
      g_task_set_source_tag (task, recompute_discussion);
      g_task_set_task_data (task, g_steal_pointer (&job),
                            (GDestroyNotify) peitho_discussion_job_free);
      _peitho_window_set_busy (self, TRUE);
      g_task_run_in_thread (task, discussion_thread_cb);
    }

  _peitho_window_agreement_changed (self);
  /* What the cursor's line says follows the students shown and their tags. */
  if (self->heat_stripe != NULL)
    update_cursor_line_summary (self);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  PeithoWindow *self = user_data;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (self->discussion_idle_id != 0);

  self->discussion_idle_id = 0;
  recompute_discussion (self);
  /* Busy since the change (document_changed_cb); the rankings' tasks are
   * busy on their own. */
  _peitho_window_set_busy (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
stop_awaiting_paint (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  g_clear_signal_handler (&self->discussion_paint_id, self->discussion_clock);
  g_clear_object (&self->discussion_clock);
  g_clear_handle_id (&self->discussion_fallback_id, g_source_remove);
}

static void
changes_painted_cb (GdkFrameClock *clock,
                    PeithoWindow  *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  stop_awaiting_paint (self);
  /* Not at idle priority: the window is busy meanwhile, its spinner turns,
   * and with a slow renderer its frames would starve an idle. */
  self->discussion_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, recompute_idle_cb, self, NULL);
}

static gboolean
paint_fallback_cb (gpointer user_data)
{
  PeithoWindow *self = user_data;

  g_assert (PEITHO_IS_WINDOW (self));

  self->discussion_fallback_id = 0;
  changes_painted_cb (self->discussion_clock, self);
  return G_SOURCE_REMOVE;
}

/* Annotations changed: the rankings again, once the changes are over and
 * the frame that shows them has been painted. Reading the annotations for
 * the rankings' threads takes tens of milliseconds with 100,000 of them,
 * and the threads take both cores: started from an idle, they could come
 * before that frame. A window whose frames have stopped (minimised, say)
 * does not wait for one for long. */
static void
document_changed_cb (PeithoWindow *self)
{
  GdkFrameClock *clock;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->discussion_idle_id != 0 || self->discussion_paint_id != 0)
    return;

  _peitho_window_set_busy (self, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->discussion_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, recompute_idle_cb, self, NULL);
      return;
    }
  self->discussion_clock = g_object_ref (clock);
  self->discussion_paint_id = g_signal_connect (clock, "after-paint",
                                                G_CALLBACK (changes_painted_cb), self);
  self->discussion_fallback_id = g_timeout_add (PAINT_FALLBACK_MS, paint_fallback_cb, self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
setup_passage_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_child (item, peitho_discussion_row_new ());
}

static void
bind_passage_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PeithoWindow             *self)
{
  PeithoDocument *document = get_document (self);

  g_assert (GTK_IS_LIST_ITEM (item));
  g_assert (PEITHO_IS_DISCUSSION_PASSAGE (gtk_list_item_get_item (item)));

  if (document != NULL)
    peitho_discussion_row_set_passage (PEITHO_DISCUSSION_ROW (gtk_list_item_get_child (item)), document,
                                       gtk_list_item_get_item (item));
}

static void
unbind_passage_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  g_assert (GTK_IS_LIST_ITEM (item));

  peitho_discussion_row_set_passage (PEITHO_DISCUSSION_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* The page, and in @list_out its list of passages, to which the sidebar
 * gives the selection only while the page is shown. */
static GtkWidget *
create_discuss_page (PeithoWindow  *self,
                     GtkListView  **list_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (_("Passages to Discuss"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (self->discussion_selection == NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_margin_start (title, 18);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_bottom (title, 6);
  gtk_box_append (GTK_BOX (box), title);

  self->discussion_empty = GTK_LABEL (gtk_label_new (_("The students agree everywhere.")));
  gtk_label_set_wrap (self->discussion_empty, TRUE);
  gtk_label_set_max_width_chars (self->discussion_empty, 24);
  gtk_label_set_xalign (self->discussion_empty, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->discussion_empty), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->discussion_empty), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->discussion_empty));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_passage_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_passage_cb), self, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_passage_cb), NULL);
  self->discussion_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->discussion_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->discussion_selection, TRUE);
  /* The model comes when the page is shown (peitho_sidebar_add_page()). */
  list = gtk_list_view_new (NULL, factory);
  *list_out = GTK_LIST_VIEW (list);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passages to discuss, where the students disagree most"), -1);
  g_signal_connect (list, "activate", G_CALLBACK (discussion_activate_cb), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->discussion_details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->discussion_details, 0);
  gtk_label_set_wrap (self->discussion_details, TRUE);
  gtk_label_set_max_width_chars (self->discussion_details, 24);
  gtk_label_set_selectable (self->discussion_details, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->discussion_details), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->discussion_details), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->discussion_details), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->discussion_details), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->discussion_details), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->discussion_details));

  return box;
}

/* The students' filter */

/* The sidebar's counts follow the students shown. */
static void
update_counts (PeithoWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->students));

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      const char *id = peitho_annotator_get_id (student);

      if (peitho_highlighter_is_annotator_hidden (get_highlighter (self), id))
        g_strv_builder_add (builder, id);
    }
  hidden = g_strv_builder_end (builder);
  peitho_count_model_set_hidden_annotators (peitho_document_session_get_counts (self->session),
                                            (const char * const *) hidden);
}

static void
show_student_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  const char *id;
  gboolean shown;

  g_assert (PEITHO_IS_WINDOW (widget));
  g_assert (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(sb)")));

  g_variant_get (parameter, "(&sb)", &id, &shown);
  if (student_position (self, id) == G_MAXUINT
      || peitho_highlighter_is_annotator_hidden (get_highlighter (self), id) == !shown)
    return;
  /* The filter's rows stay (one of them may be the one toggled) and follow
   * the highlighter. */
  peitho_highlighter_set_annotator_hidden (get_highlighter (self), id, !shown);
  update_counts (self);
  recompute_discussion (self);
}

static char *
rgba_to_hex (const GdkRGBA *color)
{
  g_assert (color != NULL);

  return g_strdup_printf ("#%02x%02x%02x", (guint) (color->red * 255 + 0.5),
                          (guint) (color->green * 255 + 0.5), (guint) (color->blue * 255 + 0.5));
}

/* A row of the filter shows whether its student is hidden, whoever hid
 * them. */
static void
student_row_follow_cb (PeithoHighlighter *highlighter,
                       PeithoStudentRow  *row)
{
  const char *id;

  g_assert (PEITHO_IS_HIGHLIGHTER (highlighter));
  g_assert (PEITHO_IS_STUDENT_ROW (row));

  id = peitho_student_row_get_student_id (row);
  g_object_set (row, "shown", !peitho_highlighter_is_annotator_hidden (highlighter, id), NULL);
}

static GtkWidget *
create_student_row_cb (gpointer item,
                       gpointer user_data)
{
  PeithoWindow *self = user_data;
  const char *id = peitho_annotator_get_id (item);
  g_autofree char *name = NULL;
  g_autofree char *hex = NULL;
  GtkWidget *row;
  GdkRGBA color;

  g_assert (PEITHO_IS_ANNOTATOR (item));
  g_assert (PEITHO_IS_WINDOW (self));

  name = _peitho_window_compare_dup_display_name (self, id);
  peitho_highlighter_get_annotator_color (get_highlighter (self), id, &color);
  hex = rgba_to_hex (&color);
  row = peitho_student_row_new (id, name, hex,
                                !peitho_highlighter_is_annotator_hidden (get_highlighter (self), id));
  g_signal_connect_object (get_highlighter (self), "annotators-hidden-changed",
                           G_CALLBACK (student_row_follow_cb), row, 0);
  return row;
}

static void
rebuild_students_list (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_LIST_BOX (self->students_list));

  gtk_list_box_bind_model (self->students_list, G_LIST_MODEL (self->students),
                           create_student_row_cb, self, NULL);
}

static void
filter_changed (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  rebuild_students_list (self);
  update_counts (self);
  recompute_discussion (self);
}

static void
compare_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);

  g_assert (PEITHO_IS_WINDOW (widget));

  peitho_highlighter_show_all_annotators (get_highlighter (self));
  filter_changed (self);
}

static void
compare_only_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  const char *only;
  guint n;

  g_assert (PEITHO_IS_WINDOW (widget));
  g_assert (g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING));

  only = g_variant_get_string (parameter, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->students));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      const char *id = peitho_annotator_get_id (student);

      peitho_highlighter_set_annotator_hidden (get_highlighter (self), id, !g_str_equal (id, only));
    }
  filter_changed (self);
}

/* What the heat stripe's tooltip says of the line with the cursor, for
 * keyboard and screen reader users: the text view's accessible description
 * follows the cursor while comparing, and win.heat-summary says it in a
 * toast. NULL while the text is still loading: nothing is known of the
 * line yet. */
static char *
dup_cursor_line_summary (PeithoWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (self->view)));
  g_autofree char *summary = NULL;
  GtkTextIter cursor;
  guint n_marked;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (PEITHO_IS_HEAT_STRIPE (self->heat_stripe));

  if (!peitho_highlighter_get_text_complete (get_highlighter (self)))
    return NULL;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  summary = peitho_heat_stripe_dup_line_summary (PEITHO_HEAT_STRIPE (self->heat_stripe), &cursor,
                                                 &n_marked);
  if (summary == NULL)
    return g_strdup (_("No student shown marked this line"));
  return g_steal_pointer (&summary);
}

static void
update_cursor_line_summary (PeithoWindow *self)
{
  GtkAccessible *view = GTK_ACCESSIBLE (peitho_annotation_view_get_source_view (self->view));
  g_autofree char *summary = NULL;

  g_assert (PEITHO_IS_WINDOW (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->heat_stripe)))
    {
      /* Not comparing: nothing to say, and nothing to do per keystroke. */
      if (self->cursor_line_summary != NULL)
        gtk_accessible_reset_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_clear_pointer (&self->cursor_line_summary, g_free);
      return;
    }
  summary = dup_cursor_line_summary (self);
  if (summary == NULL)
    {
      /* Still loading: no description until the text is in. */
      if (self->cursor_line_summary != NULL)
        gtk_accessible_reset_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_clear_pointer (&self->cursor_line_summary, g_free);
      return;
    }
  if (g_strcmp0 (summary, self->cursor_line_summary) == 0)
    return;
  gtk_accessible_update_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  g_free (self->cursor_line_summary);
  self->cursor_line_summary = g_steal_pointer (&summary);
}

/* The cursor moved, or the text is in. */
static void
cursor_moved_cb (PeithoWindow *self)
{
  g_assert (PEITHO_IS_WINDOW (self));

  update_cursor_line_summary (self);
}

static void
heat_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);

  g_assert (PEITHO_IS_WINDOW (widget));

  update_cursor_line_summary (self);
  /* Nothing to say while the text is still loading. */
  if (self->cursor_line_summary != NULL)
    peitho_window_toast (self, self->cursor_line_summary);
}

static void
color_by_student_cb (GSimpleAction *action,
                     GVariant      *state,
                     PeithoWindow  *self)
{
  g_assert (G_IS_SIMPLE_ACTION (action));
  g_assert (g_variant_is_of_type (state, G_VARIANT_TYPE_BOOLEAN));
  g_assert (PEITHO_IS_WINDOW (self));

  g_simple_action_set_state (action, state);
  peitho_highlighter_set_color_by_annotator (get_highlighter (self), g_variant_get_boolean (state));
}

static void
anonymise_cb (GSimpleAction *action,
              GVariant      *state,
              PeithoWindow  *self)
{
  g_assert (G_IS_SIMPLE_ACTION (action));
  g_assert (g_variant_is_of_type (state, G_VARIANT_TYPE_BOOLEAN));
  g_assert (PEITHO_IS_WINDOW (self));

  g_simple_action_set_state (action, state);
  self->anonymise = g_variant_get_boolean (state);
  filter_changed (self);
}

static GtkWidget *
create_compare_popover (PeithoWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Students Shown"));
  GtkWidget *all = gtk_button_new_with_mnemonic (_("Show _All Students"));
  GtkWidget *by_student = gtk_check_button_new_with_mnemonic (_("_Colour by Student"));
  GtkWidget *anonymise = gtk_check_button_new_with_mnemonic (_("A_nonymise Students"));
  GtkWidget *present = gtk_button_new_with_mnemonic (_("_Present"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (self->students_list == NULL);

  gtk_widget_set_tooltip_text (present, _("Full screen, large type, the passages to discuss "
                                          "stepped through with the arrow keys"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  self->students_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->students_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->students_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Students shown"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->students_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (all), "win.compare-all");
  gtk_box_append (GTK_BOX (box), all);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (by_student), "win.color-by-student");
  gtk_box_append (GTK_BOX (box), by_student);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (anonymise), "win.anonymise");
  gtk_box_append (GTK_BOX (box), anonymise);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (present), "win.presentation");
  gtk_box_append (GTK_BOX (box), present);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* The students of the session's document: a seminar's, else every
 * annotator. */
static void
fill_students (PeithoWindow *self)
{
  PeithoDocument *document = get_document (self);
  g_auto(GStrv) ids = NULL;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_LIST_STORE (self->students));

  g_list_store_remove_all (self->students);
  if (document == NULL)
    return;
  if ((ids = peitho_seminar_dup_students (document)) != NULL)
    {
      for (guint i = 0; ids[i] != NULL; i++)
        {
          PeithoAnnotator *student = peitho_document_lookup_annotator (document, ids[i]);

          if (student != NULL)
            g_list_store_append (self->students, student);
        }
    }
  else
    {
      GListModel *annotators = peitho_document_get_annotators (document);

      for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
        {
          g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);

          g_list_store_append (self->students, annotator);
        }
    }
}

static void
set_comparing (PeithoWindow *self,
               gboolean      comparing)
{
  static const char * const map_actions[] = { "color-by-student", "anonymise" };

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (GTK_IS_MENU_BUTTON (self->compare_button));

  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->heat_stripe), comparing);
  gtk_stack_page_set_visible (self->discuss_page, comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-all", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-only", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.heat-summary", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-student", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-passage", comparing);
  for (guint i = 0; i < G_N_ELEMENTS (map_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), map_actions[i]);

      /* A document of one reader is shown as usual. */
      if (!comparing)
        g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (FALSE));
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), comparing);
    }
  if (!comparing)
    {
      peitho_highlighter_set_color_by_annotator (get_highlighter (self), FALSE);
      self->anonymise = FALSE;
    }
  update_cursor_line_summary (self);
}

void
_peitho_window_compare_session_set (PeithoWindow *self)
{
  PeithoDocument *document;
  gboolean comparing;

  g_return_if_fail (PEITHO_IS_WINDOW (self));

  document = get_document (self);
  g_signal_group_set_target (self->compare_signals, document);
  peitho_highlighter_show_all_annotators (get_highlighter (self));
  fill_students (self);
  comparing = g_list_model_get_n_items (G_LIST_MODEL (self->students)) >= 2;

  set_comparing (self, comparing);
  filter_changed (self);
  _peitho_window_presentation_update_actions (self);
}

GListModel *
_peitho_window_get_students_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->students);
}

GListModel *
_peitho_window_get_discussion_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->discussion;
}

GtkSingleSelection *
_peitho_window_get_discussion_selection_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->discussion_selection;
}

const char *
_peitho_window_get_discussion_details_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->discussion_details);
}

gpointer
_peitho_window_get_heat_stripe_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->heat_stripe;
}

const char *
_peitho_window_get_cursor_line_summary_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->cursor_line_summary;
}

GtkListBox *
_peitho_window_get_students_list_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->students_list;
}

void
_peitho_window_init_compare (PeithoWindow *self)
{
  static const GActionEntry entries[] = {
    { "color-by-student", NULL, NULL, "false", NULL },
    { "anonymise", NULL, NULL, "false", NULL },
  };
  GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (self->primary_menu_button),
                                               ADW_TYPE_HEADER_BAR);
  GtkWidget *page;
  GtkListView *list;

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (self), "color-by-student"),
                           "change-state", G_CALLBACK (color_by_student_cb), self, 0);
  g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (self), "anonymise"),
                           "change-state", G_CALLBACK (anonymise_cb), self, 0);

  self->students = g_list_store_new (PEITHO_TYPE_ANNOTATOR);
  self->compare_signals = g_signal_group_new (PEITHO_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->compare_signals, "annotation-added",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->compare_signals, "annotation-removed",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->compare_signals, "annotation-changed",
                                  G_CALLBACK (document_changed_cb), self);

  self->compare_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->compare_button, "system-users-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button), _("Compare Students"));
  gtk_menu_button_set_popover (self->compare_button, create_compare_popover (self));
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->compare_button));

  /* Leftmost, before the annotations' stripes. */
  self->heat_stripe = peitho_heat_stripe_new (get_highlighter (self), G_LIST_MODEL (self->students));
  gtk_source_gutter_insert (gtk_source_view_get_gutter (peitho_annotation_view_get_source_view (self->view),
                                                        GTK_TEXT_WINDOW_LEFT),
                            self->heat_stripe, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (peitho_annotation_view_get_source_view (self->view))),
                           "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self,
                           G_CONNECT_SWAPPED);
  /* The text in: the cursor's line can be told. */
  g_signal_connect_object (get_highlighter (self), "notify::text-complete", G_CALLBACK (cursor_moved_cb),
                           self, G_CONNECT_SWAPPED);

  page = create_discuss_page (self, &list);
  self->discuss_page = peitho_sidebar_add_page (self->sidebar, "discuss", _("Discuss"), page, list,
                                                GTK_SELECTION_MODEL (self->discussion_selection));
  set_comparing (self, FALSE);
  recompute_discussion (self);
  rebuild_students_list (self);
}

void
_peitho_window_dispose_compare (PeithoWindow *self)
{
  if (self->discussion_idle_id != 0 || self->discussion_paint_id != 0)
    _peitho_window_set_busy (self, FALSE);
  g_clear_handle_id (&self->discussion_idle_id, g_source_remove);
  stop_awaiting_paint (self);
  if (self->discussion_cancellable != NULL)
    g_cancellable_cancel (self->discussion_cancellable);
  g_clear_object (&self->discussion_cancellable);
  _peitho_window_dispose_agreement (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (peitho_annotation_view_get_buffer (self->view),
                                          cursor_moved_cb, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (get_highlighter (self), cursor_moved_cb, self);
  if (self->compare_signals != NULL)
    g_signal_group_set_target (self->compare_signals, NULL);
  if (self->students_list != NULL)
    gtk_list_box_bind_model (self->students_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->compare_signals);
  g_clear_pointer (&self->cursor_line_summary, g_free);
  g_clear_object (&self->discussion);
  g_clear_object (&self->discussion_selection);
  g_clear_object (&self->students);
}

void
_peitho_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-all", NULL, compare_all_action);
  gtk_widget_class_install_action (widget_class, "win.compare-only", "s", compare_only_action);
  gtk_widget_class_install_action (widget_class, "win.heat-summary", NULL, heat_summary_action);
  gtk_widget_class_install_action (widget_class, "win.show-student", "(sb)", show_student_action);
  gtk_widget_class_install_action (widget_class, "win.show-passage", "u", show_passage_action);
}
