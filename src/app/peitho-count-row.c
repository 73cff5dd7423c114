/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-count-row.h"
#include "peitho-swatch.h"

struct _PeithoCountRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkTreeExpander *expander;
  PeithoSwatch    *swatch;
  GtkLabel        *label;
  GtkLabel        *count_label;
  GtkToggleButton *hide_button;

  /* Owned */
  PeithoCountItem *item;
  GPtrArray       *bindings;
};

G_DEFINE_FINAL_TYPE (PeithoCountRow, peitho_count_row, GTK_TYPE_WIDGET)

static gboolean
count_to_string (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static void
update_hide_button (PeithoCountRow *self)
{
  gboolean hidden;
  g_autofree char *a11y = NULL;

  g_assert (PEITHO_IS_COUNT_ROW (self));

  if (self->item == NULL || peitho_count_item_get_is_group (self->item))
    return;

  hidden = peitho_count_item_get_hidden (self->item);
  gtk_button_set_icon_name (GTK_BUTTON (self->hide_button),
                            hidden ? "view-conceal-symbolic" : "view-reveal-symbolic");
  /* Translators: accessible name of the eye toggle of a tag; %s is its label */
  a11y = g_strdup_printf (_("Hide %s"), peitho_count_item_get_label (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hide_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hide_button),
                               hidden ? _("Show highlights") : _("Hide highlights"));
  if (hidden)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hidden-tag");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hidden-tag");
}

/* The list item's name: "Metaphor: 1 annotation" (GTK 4.8 takes none from
 * the row's labels). */
static void
update_accessible_name (PeithoCountRow *self)
{
  g_autofree char *name = NULL;
  guint count;

  g_assert (PEITHO_IS_COUNT_ROW (self));

  if (self->item == NULL)
    return;

  count = peitho_count_item_get_count (self->item);
  if (peitho_count_item_get_is_group (self->item))
    /* Translators: accessible name of a group row in the sidebar counts */
    name = g_strdup_printf (ngettext ("%s group: %u annotation", "%s group: %u annotations", count),
                            peitho_count_item_get_label (self->item), count);
  else
    /* Translators: accessible name of a tag row in the sidebar counts */
    name = g_strdup_printf (ngettext ("%s: %u annotation", "%s: %u annotations", count),
                            peitho_count_item_get_label (self->item), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind (PeithoCountRow *self)
{
  g_assert (PEITHO_IS_COUNT_ROW (self));

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->item, update_hide_button, self);
      g_signal_handlers_disconnect_by_func (self->item, update_accessible_name, self);
    }
  g_clear_object (&self->item);
}

static void
peitho_count_row_dispose (GObject *object)
{
  PeithoCountRow *self = (PeithoCountRow *)object;

  g_assert (PEITHO_IS_COUNT_ROW (object));

  unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_COUNT_ROW);

  G_OBJECT_CLASS (peitho_count_row_parent_class)->dispose (object);
}

static void
peitho_count_row_finalize (GObject *object)
{
  PeithoCountRow *self = (PeithoCountRow *)object;

  g_assert (PEITHO_IS_COUNT_ROW (object));

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_count_row_parent_class)->finalize (object);
}

static void
peitho_count_row_class_init (PeithoCountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_count_row_dispose;
  object_class->finalize = peitho_count_row_finalize;

  g_type_ensure (PEITHO_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-count-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoCountRow, expander);
  gtk_widget_class_bind_template_child (widget_class, PeithoCountRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, PeithoCountRow, label);
  gtk_widget_class_bind_template_child (widget_class, PeithoCountRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoCountRow, hide_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "countrow");
}

static void
peitho_count_row_init (PeithoCountRow *self)
{
  g_assert (PEITHO_IS_COUNT_ROW (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
peitho_count_row_new (void)
{
  return g_object_new (PEITHO_TYPE_COUNT_ROW, NULL);
}

static void
add_binding (PeithoCountRow *self,
             GBinding       *binding)
{
  g_assert (PEITHO_IS_COUNT_ROW (self));

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

void
peitho_count_row_set_list_row (PeithoCountRow *self,
                               GtkTreeListRow *list_row)
{
  gboolean is_group;

  g_return_if_fail (PEITHO_IS_COUNT_ROW (self));

  unbind (self);
  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row == NULL)
    return;

  self->item = gtk_tree_list_row_get_item (list_row);
  is_group = peitho_count_item_get_is_group (self->item);

  add_binding (self, g_object_bind_property (self->item, "label", self->label, "label",
                                             G_BINDING_SYNC_CREATE));
  add_binding (self, g_object_bind_property_full (self->item, "count", self->count_label, "label",
                                                  G_BINDING_SYNC_CREATE, count_to_string,
                                                  NULL, NULL, NULL));

  g_signal_connect_swapped (self->item, "notify::count", G_CALLBACK (update_accessible_name), self);
  g_signal_connect_swapped (self->item, "notify::label", G_CALLBACK (update_accessible_name), self);
  update_accessible_name (self);

  gtk_widget_set_visible (GTK_WIDGET (self->swatch), !is_group);
  gtk_widget_set_visible (GTK_WIDGET (self->hide_button), !is_group);
  if (is_group)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self), "group-row");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "group-row");
      add_binding (self, g_object_bind_property (self->item, "color", self->swatch, "color",
                                                 G_BINDING_SYNC_CREATE));
      add_binding (self, g_object_bind_property (self->item, "hidden", self->swatch, "hollow",
                                                 G_BINDING_SYNC_CREATE));
      add_binding (self, g_object_bind_property (self->item, "hidden", self->hide_button, "active",
                                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
      g_signal_connect_swapped (self->item, "notify::hidden", G_CALLBACK (update_hide_button), self);
      g_signal_connect_swapped (self->item, "notify::label", G_CALLBACK (update_hide_button), self);
      update_hide_button (self);
    }
}
