/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations between annotations: the window's actions, all undoable. */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-relation-dialog.h"
#include "peitho-utils.h"
#include "peitho-window-private.h"

static void
select_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  PeithoAnnotation *annotation;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (!(annotation = peitho_document_lookup_annotation (peitho_window_get_document (self), g_variant_get_string (param, NULL))))
    {
      peitho_window_toast (self, _("That annotation no longer exists"));
      return;
    }

  _peitho_window_select_annotation (self, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (peitho_annotation_view_get_source_view (self->view)));
}

void
_peitho_window_show_relations (PeithoWindow     *self,
                               PeithoAnnotation *annotation)
{
  GtkWidget *dialog;

  if (self->relation_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->relation_dialog));

  dialog = peitho_relation_dialog_new (GTK_WINDOW (self), peitho_window_get_document (self), annotation);
  g_set_weak_pointer (&self->relation_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_relations_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  PeithoAnnotation *annotation = NULL;
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (param != NULL)
    annotation = peitho_document_lookup_annotation (peitho_window_get_document (self), g_variant_get_string (param, NULL));
  else
    {
      gsize offset = peitho_annotation_view_get_cursor_offset (self->view);

      annotations = peitho_document_get_annotations_at (peitho_window_get_document (self), offset);
      if (annotations->len == 0 && offset > 0)
        {
          g_ptr_array_unref (annotations);
          annotations = peitho_document_get_annotations_at (peitho_window_get_document (self), offset - 1);
        }
      /* The innermost annotation, as for notes. */
      if (annotations->len > 0)
        annotation = g_ptr_array_index (annotations, annotations->len - 1);
    }

  if (annotation == NULL)
    {
      peitho_window_toast (self, _("No annotations here"));
      return;
    }

  _peitho_window_show_relations (self, annotation);
}

static void
add_relation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name_setting = NULL;
  const char *from_id, *to_id, *type;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  g_variant_get (param, "(&s&s&s)", &from_id, &to_id, &type);
  name_setting = g_settings_get_string (self->settings, "annotator-name");

  if (!peitho_history_relate (_peitho_window_get_history (self), type, from_id, to_id,
                              peitho_default_annotator_name (name_setting), NULL, &error))
    peitho_window_toast (self, error->message);
}

static void
remove_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  PeithoRelation *relation;
  AdwToast *toast;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (peitho_window_get_document (self) == NULL)
    return;

  if (!(relation = peitho_document_lookup_relation (peitho_window_get_document (self), g_variant_get_string (param, NULL))))
    return;

  if (!peitho_history_remove_relation (_peitho_window_get_history (self), relation, &error))
    {
      peitho_window_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (_("Relation removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* F6 / Shift+F6: from pane to pane (text, tag palette, sidebar), the GNOME
 * convention; the palette alone has dozens of Tab stops. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GtkWidget *panes[3];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_str_equal (action_name, "win.focus-previous-pane") ? -1 : 1;
  int current = -1;

  g_assert (PEITHO_IS_WINDOW (widget));

  panes[0] = GTK_WIDGET (peitho_annotation_view_get_source_view (self->view));
  panes[1] = GTK_WIDGET (self->palette);
  panes[2] = GTK_WIDGET (self->sidebar);

  for (int i = 0; i < 3; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;

  for (int n = 1; n <= 3; n++)
    {
      int next = ((current < 0 ? 0 : current) + step * n + 3) % 3;

      if (gtk_widget_is_drawable (panes[next])
          && gtk_widget_child_focus (panes[next], GTK_DIR_TAB_FORWARD))
        return;
      if (gtk_widget_is_drawable (panes[next]) && gtk_widget_grab_focus (panes[next]))
        return;
    }
  gtk_widget_error_bell (widget);
}

void
_peitho_window_class_init_relations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.select-annotation", "s", select_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL, focus_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.focus-previous-pane", NULL);
  gtk_widget_class_install_action (widget_class, "win.relations", NULL, show_relations_action);
  gtk_widget_class_install_action (widget_class, "win.show-relations", "s", show_relations_action);
  gtk_widget_class_install_action (widget_class, "win.add-relation", "(sss)", add_relation_action);
  gtk_widget_class_install_action (widget_class, "win.remove-relation", "s", remove_relation_action);
}

PeithoRelationDialog *
_peitho_window_get_relation_dialog_for_testing (PeithoWindow *self)
{
  g_return_val_if_fail (PEITHO_IS_WINDOW (self), NULL);
  return self->relation_dialog != NULL ? PEITHO_RELATION_DIALOG (self->relation_dialog) : NULL;
}
