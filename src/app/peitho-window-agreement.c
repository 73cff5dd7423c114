/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The agreement between the students shown, on the Overview page:
 * Krippendorff's alpha_u overall and per tag, and the heat map of each two
 * students' alpha_u, from the core's PeithoAgreement. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-agreement-map.h"
#include "peitho-window-private.h"

static char *
format_measure (PeithoMeasure measure)
{
  if (!peitho_measure_is_defined (measure))
    return g_strdup (peitho_undefined_reason_describe (measure.reason));
  return g_strdup_printf ("%.3f", measure.value);
}

/* What a computation in a thread needs, and the names the map shows then. */
typedef struct {
  PeithoAgreementJob *job;
  GStrv               names;
} AgreementTask;

static void
agreement_task_free (gpointer data)
{
  AgreementTask *task = data;

  g_assert (task != NULL);

  g_clear_pointer (&task->job, peitho_agreement_job_free);
  g_clear_pointer (&task->names, g_strfreev);
  g_free (task);
}

static void
show_agreement (PeithoWindow        *self,
                PeithoAgreement     *agreement,
                const char * const  *names)
{
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autofree char *overall = NULL;
  g_autofree char *alpha = NULL;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (agreement != NULL && names != NULL);

  peitho_agreement_map_set_agreement (PEITHO_AGREEMENT_MAP (self->agreement_map), agreement, names);
  alpha = format_measure (peitho_agreement_get_alpha (agreement));
  /* TRANSLATORS: the seminar's agreement on the Overview page */
  overall = g_strdup_printf (_("Krippendorff’s alpha_u: %s"), alpha);
  gtk_label_set_text (self->agreement_label, overall);

  for (guint t = 0; t < peitho_agreement_get_n_tags (agreement); t++)
    {
      g_autofree char *value = NULL;

      if (peitho_agreement_get_tag_annotations (agreement, t) == 0)
        continue;
      value = format_measure (peitho_agreement_get_tag_alpha (agreement, t));
      if (tags->len > 0)
        g_string_append_c (tags, '\n');
      /* TRANSLATORS: one tag's agreement: label, alpha_u, annotations */
      g_string_append_printf (tags, _("%s: %s (%u)"), peitho_agreement_get_tag_label (agreement, t),
                              value, peitho_agreement_get_tag_annotations (agreement, t));
    }
  gtk_label_set_text (self->agreement_tags, tags->str);
}

static void
agreement_thread_cb (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AgreementTask *data = task_data;

  g_assert (G_IS_TASK (task));
  g_assert (data != NULL && data->job != NULL);

  g_task_return_pointer (task, peitho_agreement_job_run (data->job),
                         (GDestroyNotify) peitho_agreement_free);
}

static void
agreement_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PeithoWindow *self = PEITHO_WINDOW (source);
  GTask *task = G_TASK (result);
  AgreementTask *data = g_task_get_task_data (task);
  g_autoptr(PeithoAgreement) agreement = g_task_propagate_pointer (task, NULL);

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (data != NULL);

  _peitho_window_set_busy (self, FALSE);
  /* Another computation replaced this one, or the window is closing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || agreement == NULL)
    return;
  g_clear_object (&self->agreement_cancellable);
  show_agreement (self, agreement, (const char * const *) data->names);
}

/* The agreement of the students shown. Reading the annotations is quick
 * and done here; the computation (with thirty students, hundreds of
 * pairs on every tag) runs in a thread, "Computing…" meanwhile, and a
 * newer one replaces it. */
void
_peitho_window_agreement_changed (PeithoWindow *self)
{
  PeithoDocument *document;
  g_autoptr(PeithoAgreementJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) shown_ids = NULL;
  PeithoAgreementOptions options = { 0 };
  AgreementTask *data;
  guint n;

  g_return_if_fail (PEITHO_IS_WINDOW (self));

  if (self->agreement_box == NULL)
    return;
  if (self->agreement_cancellable != NULL)
    {
      g_cancellable_cancel (self->agreement_cancellable);
      g_clear_object (&self->agreement_cancellable);
    }

  document = self->session ? peitho_document_session_get_document (self->session) : NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->students));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotator) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      const char *id = peitho_annotator_get_id (student);

      if (!peitho_highlighter_is_annotator_hidden (peitho_annotation_view_get_highlighter (self->view),
                                                   id))
        {
          g_autofree char *name = _peitho_window_compare_dup_display_name (self, id);

          g_strv_builder_add (shown, id);
          g_strv_builder_add (names, name);
        }
    }
  shown_ids = g_strv_builder_end (shown);

  if (document != NULL && n >= 2 && g_strv_length (shown_ids) >= 2)
    {
      options.annotators = (const char * const *) shown_ids;
      job = peitho_agreement_job_new (document, &options, &error);
      if (job == NULL)
        g_warning ("Agreement: %s", error->message);
    }
  gtk_widget_set_visible (self->agreement_box, job != NULL);
  if (job == NULL)
    {
      peitho_agreement_map_set_agreement (PEITHO_AGREEMENT_MAP (self->agreement_map), NULL, NULL);
      return;
    }

  gtk_label_set_text (self->agreement_label, _("Computing the agreement…"));
  gtk_label_set_text (self->agreement_tags, "");
  data = g_new0 (AgreementTask, 1);
  data->job = g_steal_pointer (&job);
  data->names = g_strv_builder_end (names);
  self->agreement_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->agreement_cancellable, agreement_done_cb, NULL);
  g_task_set_source_tag (task, _peitho_window_agreement_changed);
  g_task_set_task_data (task, data, agreement_task_free);
  _peitho_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, agreement_thread_cb);
}

void
_peitho_window_dispose_agreement (PeithoWindow *self)
{
  g_return_if_fail (PEITHO_IS_WINDOW (self));

  if (self->agreement_cancellable != NULL)
    g_cancellable_cancel (self->agreement_cancellable);
  g_clear_object (&self->agreement_cancellable);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  g_assert (text != NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkLabel *
body_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 12);
  return GTK_LABEL (label);
}

const char *
_peitho_window_get_agreement_text_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->agreement_box)
         ? gtk_label_get_text (self->agreement_label) : NULL;
}

gpointer
_peitho_window_get_agreement_map_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->agreement_map;
}

void
_peitho_window_init_agreement (PeithoWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *map_heading;
  GtkWidget *map_scroller;

  gtk_box_append (GTK_BOX (box), heading (_("Agreement between the students")));
  self->agreement_label = body_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->agreement_label));
  self->agreement_tags = body_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->agreement_tags), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->agreement_tags));

  map_heading = heading (_("Each two students"));
  gtk_box_append (GTK_BOX (box), map_heading);
  self->agreement_map = peitho_agreement_map_new ();
  gtk_widget_set_halign (self->agreement_map, GTK_ALIGN_START);
  /* The map of a large class is wider than the sidebar: it scrolls
   * sideways on its own, so that the sidebar keeps its width (and the
   * window does not fold it away) and every row's label stays whole. */
  map_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (map_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (map_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (map_scroller), self->agreement_map);
  gtk_widget_set_margin_start (map_scroller, 18);
  gtk_widget_set_margin_end (map_scroller, 6);
  gtk_widget_set_margin_bottom (map_scroller, 12);
  gtk_box_append (GTK_BOX (box), map_scroller);

  self->agreement_box = box;
  gtk_widget_set_visible (box, FALSE);
  peitho_sidebar_add_to_overview (self->sidebar, box);
}
