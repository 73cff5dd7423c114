/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-handout-renderer.h"
#include "peitho-window-print.h"
#include "peitho-window-private.h"

/* Pagination per main-loop turn: the window stays responsive while a long
 * document is laid out, and GTK shows the progress. */
#define PAGINATE_BUDGET_USEC (10 * 1000)

typedef struct {
  PeithoWindow          *window;
  PeithoDocument        *document;
  PeithoHandoutOptions   options;
  GStrv                  tags;
  GStrv                  annotators;
  PeithoHandout         *handout;
  PeithoHandoutRenderer *renderer;

  /* The "Handout" tab */
  GtkCheckButton        *greyscale_button;
  GtkCheckButton        *labels_button;
  GtkCheckButton        *notes_button;
  GPtrArray             *tag_buttons;        /* GtkCheckButton, beside tag_ids */
  GPtrArray             *tag_ids;
  GPtrArray             *annotator_buttons;  /* beside annotator_ids */
  GPtrArray             *annotator_ids;

  guint                  in_progress : 1;  /* "done" drops the operation */
  guint                  error_shown : 1;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_assert (job != NULL);

  g_clear_pointer (&job->renderer, peitho_handout_renderer_free);
  g_clear_pointer (&job->handout, peitho_handout_free);
  g_clear_pointer (&job->tags, g_strfreev);
  g_clear_pointer (&job->annotators, g_strfreev);
  g_clear_pointer (&job->tag_buttons, g_ptr_array_unref);
  g_clear_pointer (&job->tag_ids, g_ptr_array_unref);
  g_clear_pointer (&job->annotator_buttons, g_ptr_array_unref);
  g_clear_pointer (&job->annotator_ids, g_ptr_array_unref);
  g_clear_object (&job->document);
  g_clear_object (&job->window);
  g_free (job);
}

static PrintJob *
print_job_new (PeithoWindow               *window,
               const PeithoHandoutOptions *options)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->window = g_object_ref (window);
  job->document = g_object_ref (peitho_window_get_document (window));
  if (options != NULL)
    job->options = *options;
  else
    peitho_handout_options_init (&job->options);
  job->tags = g_strdupv (job->options.tags);
  job->annotators = g_strdupv (job->options.annotators);
  job->options.tags = job->tags;
  job->options.annotators = job->annotators;
  return job;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango_context;
  g_autoptr(GError) error = NULL;

  g_assert (GTK_IS_PRINT_OPERATION (operation));

  job->handout = peitho_handout_new (job->document, &job->options, &error);
  if (job->handout == NULL)
    {
      /* The tab only offers what the document has: a bug if it happens. */
      g_critical ("Cannot print: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  pango_context = gtk_print_context_create_pango_context (context);
  job->renderer = peitho_handout_renderer_new (job->handout, pango_context,
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context));
  g_object_unref (pango_context);
}

static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));

  if (job->renderer == NULL)
    return TRUE;
  if (!peitho_handout_renderer_paginate (job->renderer, PAGINATE_BUDGET_USEC))
    return FALSE;
  gtk_print_operation_set_n_pages (operation,
                                   (int) peitho_handout_renderer_get_n_pages (job->renderer));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));

  if (job->renderer != NULL)
    peitho_handout_renderer_draw_page (job->renderer, gtk_print_context_get_cairo_context (context),
                                       (guint) page_nr);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              PrintJob          *job)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));

  g_clear_pointer (&job->renderer, peitho_handout_renderer_free);
  g_clear_pointer (&job->handout, peitho_handout_free);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkCheckButton *
check_button (GtkWidget  *box,
              const char *label,
              gboolean    active)
{
  GtkWidget *button = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  gtk_box_append (GTK_BOX (box), button);
  return GTK_CHECK_BUTTON (button);
}

/* One check button per tag or annotator in a wrapping box. */
static GtkWidget *
flow_box (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  return flow;
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *tags_flow = flow_box ();
  GtkWidget *annotators_flow = flow_box ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (job->document));
  GListModel *annotators = peitho_document_get_annotators (job->document);

  g_assert (GTK_IS_PRINT_OPERATION (operation));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_box_append (GTK_BOX (box), heading (_("Highlights")));
  job->greyscale_button = check_button (box, _("Greyscale: underline styles and labels instead of colours"),
                                        job->options.greyscale);
  job->labels_button = check_button (box, _("Tag labels where highlights begin"), job->options.labels);
  job->notes_button = check_button (box, _("Notes as footnotes"), job->options.notes);

  job->tag_buttons = g_ptr_array_new ();
  job->tag_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_box_append (GTK_BOX (box), heading (_("Tags")));
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      const char *id = peitho_tag_get_id (tag);

      /* Only what the reader will find in the text. */
      if (peitho_document_count_tag (job->document, id) == 0)
        continue;
      g_ptr_array_add (job->tag_buttons,
                       check_button (tags_flow, peitho_tag_get_label (tag),
                                     job->tags == NULL || g_strv_contains ((const char * const *) job->tags, id)));
      g_ptr_array_add (job->tag_ids, g_strdup (id));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), tags_flow);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_box_append (GTK_BOX (box), scrolled);

  job->annotator_buttons = g_ptr_array_new ();
  job->annotator_ids = g_ptr_array_new_with_free_func (g_free);
  if (g_list_model_get_n_items (annotators) > 0)
    {
      gtk_box_append (GTK_BOX (box), heading (_("Annotators")));
      for (guint i = 0; i < g_list_model_get_n_items (annotators); i++)
        {
          g_autoptr(PeithoAnnotator) annotator = g_list_model_get_item (annotators, i);
          const char *id = peitho_annotator_get_id (annotator);
          const char *name = peitho_annotator_get_name (annotator);

          g_ptr_array_add (job->annotator_buttons,
                           check_button (annotators_flow, name != NULL ? name : id,
                                         job->annotators == NULL
                                         || g_strv_contains ((const char * const *) job->annotators, id)));
          g_ptr_array_add (job->annotator_ids, g_strdup (id));
        }
      gtk_box_append (GTK_BOX (box), annotators_flow);
    }

  return G_OBJECT (box);
}

/* The checked ones, or NULL for all of them. */
static GStrv
checked (GPtrArray *buttons,
         GPtrArray *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (buttons, i)))
      {
        g_strv_builder_add (builder, g_ptr_array_index (ids, i));
        n++;
      }
  if (n == buttons->len)
    return NULL;
  /* None checked: nothing highlighted, rather than everything. */
  if (n == 0)
    g_strv_builder_add (builder, "");
  return g_strv_builder_end (builder);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));

  job->options.greyscale = gtk_check_button_get_active (job->greyscale_button);
  job->options.labels = gtk_check_button_get_active (job->labels_button);
  job->options.notes = gtk_check_button_get_active (job->notes_button);
  g_clear_pointer (&job->tags, g_strfreev);
  g_clear_pointer (&job->annotators, g_strfreev);
  job->tags = checked (job->tag_buttons, job->tag_ids);
  job->annotators = checked (job->annotator_buttons, job->annotator_ids);
  job->options.tags = job->tags;
  job->options.annotators = job->annotators;
}

static GtkPrintOperation *
new_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = peitho_document_get_title (job->document);

  g_assert (job != NULL);

  gtk_print_operation_set_job_name (operation, title != NULL ? title : _("Untitled"));
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Translators: the title of the tab of the print dialog with Peitho's own options */
  gtk_print_operation_set_custom_tab_label (operation, _("Handout"));
  /* The job lives as long as the operation. */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  return operation;
}

static void
show_print_error (PrintJob          *job,
                  GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;

  g_assert (job != NULL);

  if (job->error_shown)
    return;
  job->error_shown = TRUE;
  gtk_print_operation_get_error (operation, &error);
  _peitho_window_show_error (job->window, _("Could Not Print"),
                             error != NULL ? error->message : NULL);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (job, operation);
  if (job->in_progress)
    g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  job = print_job_new (self, NULL);
  operation = new_operation (job);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      job->in_progress = TRUE;
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (job, operation);
  g_object_unref (operation);
}

gboolean
_peitho_window_print_to_pdf_for_testing (PeithoWindow               *self,
                                         const char                 *path,
                                         const PeithoHandoutOptions *options,
                                         GError                    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (PEITHO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (peitho_window_get_document (self) != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = print_job_new (self, options);
  operation = new_operation (job);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
_peitho_window_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
