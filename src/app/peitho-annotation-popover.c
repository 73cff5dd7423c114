/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-annotation-popover.h"
#include "peitho-passage-row.h"
#include "peitho-utils.h"

struct _PeithoAnnotationPopover
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkBox         *rows_box;
  GtkLabel       *note_title;
  GtkTextView    *note_view;
  GtkWidget      *note_cancel_button;
  GtkWidget      *note_save_button;

  /* Owned */
  PeithoDocument *document;
  char           *editing_id;
};

G_DEFINE_FINAL_TYPE (PeithoAnnotationPopover, peitho_annotation_popover, GTK_TYPE_POPOVER)

/* The rows' buttons (see peitho-passage-row.h). The popover closes first:
 * its rows show the annotations as they were. */
static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_assert (PEITHO_IS_ANNOTATION_POPOVER (widget));

  peitho_annotation_popover_edit_note (PEITHO_ANNOTATION_POPOVER (widget),
                                       g_variant_get_string (param, NULL));
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  /* The button's own target, which must outlive a rebuild of the rows. */
  g_autoptr(GVariant) id = g_variant_ref (param);

  g_assert (PEITHO_IS_ANNOTATION_POPOVER (widget));
  g_assert (g_variant_is_of_type (param, G_VARIANT_TYPE_STRING));

  gtk_popover_popdown (GTK_POPOVER (widget));
  gtk_widget_activate_action_variant (widget,
                                      g_str_equal (action_name, "annotation.remove")
                                      ? "win.remove-annotation" : "win.show-relations",
                                      id);
}

static GtkWidget *
create_row (PeithoAnnotationPopover *self,
            PeithoAnnotation        *annotation)
{
  GtkWidget *row = peitho_passage_row_new (FALSE);

  g_assert (PEITHO_IS_ANNOTATION_POPOVER (self));
  g_assert (PEITHO_IS_ANNOTATION (annotation));

  gtk_widget_add_css_class (row, "annotation-row");
  peitho_passage_row_set_annotation (PEITHO_PASSAGE_ROW (row), self->document, annotation);
  return row;
}

static void
note_cancel_cb (PeithoAnnotationPopover *self)
{
  g_assert (PEITHO_IS_ANNOTATION_POPOVER (self));

  g_clear_pointer (&self->editing_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
note_save_cb (PeithoAnnotationPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *id = g_steal_pointer (&self->editing_id);
  g_autofree char *text = NULL;
  GtkTextIter s, e;

  g_assert (PEITHO_IS_ANNOTATION_POPOVER (self));

  if (id == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_strstrip (text);

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-annotation-note", "(ss)", id, text);
}

static void
peitho_annotation_popover_closed (GtkPopover *popover)
{
  PeithoAnnotationPopover *self = PEITHO_ANNOTATION_POPOVER (popover);

  g_assert (PEITHO_IS_ANNOTATION_POPOVER (popover));

  g_clear_pointer (&self->editing_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
  /* GTK may keep a popover that was shown alive past its window; at least
   * the document must go. */
  g_clear_object (&self->document);
}

static void
peitho_annotation_popover_dispose (GObject *object)
{
  PeithoAnnotationPopover *self = (PeithoAnnotationPopover *)object;

  g_assert (PEITHO_IS_ANNOTATION_POPOVER (object));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_ANNOTATION_POPOVER);
  g_clear_object (&self->document);
  g_clear_pointer (&self->editing_id, g_free);

  G_OBJECT_CLASS (peitho_annotation_popover_parent_class)->dispose (object);
}

static void
peitho_annotation_popover_class_init (PeithoAnnotationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkPopoverClass *popover_class = GTK_POPOVER_CLASS (klass);

  object_class->dispose = peitho_annotation_popover_dispose;
  popover_class->closed = peitho_annotation_popover_closed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/peitho-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, rows_box);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, note_title);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, note_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, note_save_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoAnnotationPopover, note_view);
  gtk_widget_class_bind_template_callback (widget_class, note_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_save_cb);

  gtk_widget_class_install_action (widget_class, "annotation.edit-note", "s", edit_note_action);
  gtk_widget_class_install_action (widget_class, "annotation.show-relations", "s", forward_action);
  gtk_widget_class_install_action (widget_class, "annotation.remove", "s", forward_action);
}

static void
peitho_annotation_popover_init (PeithoAnnotationPopover *self)
{
  g_assert (PEITHO_IS_ANNOTATION_POPOVER (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  peitho_fix_mnemonic_name (self->note_cancel_button);
  peitho_fix_mnemonic_name (self->note_save_button);
}

GtkWidget *
peitho_annotation_popover_new (void)
{
  return g_object_new (PEITHO_TYPE_ANNOTATION_POPOVER, NULL);
}

void
peitho_annotation_popover_set_annotations (PeithoAnnotationPopover *self,
                                           PeithoDocument          *document,
                                           GPtrArray               *annotations)
{
  GtkWidget *child;

  g_return_if_fail (PEITHO_IS_ANNOTATION_POPOVER (self));
  g_return_if_fail (PEITHO_IS_DOCUMENT (document));

  g_set_object (&self->document, document);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))))
    gtk_box_remove (self->rows_box, child);

  for (guint i = 0; i < annotations->len; i++)
    {
      if (i > 0)
        gtk_box_append (self->rows_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (self->rows_box, create_row (self, g_ptr_array_index (annotations, i)));
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

void
peitho_annotation_popover_edit_note (PeithoAnnotationPopover *self,
                                     const char              *annotation_id)
{
  PeithoAnnotation *annotation;
  const char *note;

  g_return_if_fail (PEITHO_IS_ANNOTATION_POPOVER (self));

  if (self->document == NULL
      || !(annotation = peitho_document_lookup_annotation (self->document, annotation_id)))
    return;

  g_free (self->editing_id);
  self->editing_id = g_strdup (annotation_id);
  note = peitho_annotation_get_note (annotation);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
  {
    /* Translators: %s is a tag such as "Metaphor" */
    g_autofree char *title = g_strdup_printf (_("Note on %s"),
                                              peitho_annotation_get_tag_label (self->document, annotation));
    gtk_label_set_label (self->note_title, title);
  }
  gtk_stack_set_visible_child_name (self->stack, "note");
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}
