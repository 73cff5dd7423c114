/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-annotation-popover.h"
#include "peitho-swatch.h"
#include "peitho-utils.h"

#define SNIPPET_CHARS 120

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

static GMenuModel *
create_retag_menu (PeithoDocument   *document,
                   PeithoAnnotation *annotation)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < peitho_tag_set_get_n_groups (tag_set); i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (tag_set, i);
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint j = 0; j < peitho_tag_group_get_n_tags (group); j++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, j);
          g_autoptr(GMenuItem) item = g_menu_item_new (peitho_tag_get_label (tag), NULL);

          g_menu_item_set_action_and_target_value (item, "win.retag-annotation",
                                                   g_variant_new ("(ss)",
                                                                  peitho_annotation_get_id (annotation),
                                                                  peitho_tag_get_id (tag)));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, peitho_tag_group_get_label (group), G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

static void
edit_note_clicked_cb (GtkButton               *button,
                      PeithoAnnotationPopover *self)
{
  peitho_annotation_popover_edit_note (self, g_object_get_data (G_OBJECT (button), "annotation-id"));
}

static void
relations_clicked_cb (GtkButton               *button,
                      PeithoAnnotationPopover *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "annotation-id"));

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-relations", "s", id);
}

static void
remove_clicked_cb (GtkButton               *button,
                   PeithoAnnotationPopover *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "annotation-id");
  g_autofree char *copy = g_strdup (id);

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-annotation", "s", copy);
}

static GtkWidget *
create_row (PeithoAnnotationPopover *self,
            PeithoAnnotation        *annotation)
{
  PeithoDocument *document = self->document;
  const char *id = peitho_annotation_get_id (annotation);
  const char *label = peitho_annotation_get_tag_label (document, annotation);
  const char *who = peitho_annotation_get_annotator_name (document, annotation);
  const char *note = peitho_annotation_get_note (annotation);
  g_autofree char *snippet = peitho_annotation_dup_snippet (document, annotation, SNIPPET_CHARS);
  g_autofree char *quoted = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row, *header, *swatch, *title, *text, *buttons, *button;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (row, "annotation-row");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  swatch = peitho_swatch_new ();
  peitho_swatch_set_color (PEITHO_SWATCH (swatch), peitho_annotation_get_tag_color (document, annotation));
  gtk_box_append (GTK_BOX (header), swatch);
  title = gtk_label_new (label);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  if (who != NULL)
    {
      GtkWidget *annotator = gtk_label_new (who);

      gtk_widget_add_css_class (annotator, "dim-label");
      gtk_widget_add_css_class (annotator, "caption");
      gtk_box_append (GTK_BOX (header), annotator);
    }
  gtk_box_append (GTK_BOX (row), header);

  /* Translators: a quoted passage of the text */
  quoted = g_strdup_printf (_("“%s”"), snippet);
  text = gtk_label_new (quoted);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (GTK_BOX (row), text);

  if (note != NULL)
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note_label), 48);
      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_selectable (GTK_LABEL (note_label), TRUE);
      gtk_widget_add_css_class (note_label, "annotation-note");
      gtk_box_append (GTK_BOX (row), note_label);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 4);

  menu = create_retag_menu (document, annotation);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Change Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change Tag"), -1);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_mnemonic (note ? _("Edit _Note") : _("Add _Note"));
  peitho_fix_mnemonic_name (button);
  g_object_set_data_full (G_OBJECT (button), "annotation-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (edit_note_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_mnemonic (_("Re_lations…"));
  peitho_fix_mnemonic_name (button);
  gtk_widget_set_tooltip_text (button, _("See, follow and add relations to other annotations"));
  g_object_set_data_full (G_OBJECT (button), "annotation-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (relations_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data_full (G_OBJECT (button), "annotation-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  {
    /* Translators: accessible name of a button; %s is a tag such as "Metaphor" */
    g_autofree char *a11y = g_strdup_printf (_("Remove %s annotation"), label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    peitho_fix_labelled_by (button);
  }
  gtk_box_append (GTK_BOX (buttons), button);

  gtk_box_append (GTK_BOX (row), buttons);

  return row;
}

static void
note_cancel_cb (PeithoAnnotationPopover *self)
{
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
}

static void
peitho_annotation_popover_init (PeithoAnnotationPopover *self)
{
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
