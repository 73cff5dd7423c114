/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-swatch.h"
#include "peitho-tag-palette.h"
#include "peitho-utils.h"

struct _PeithoTagPalette
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox       *groups_box;

  /* Owned */
  PeithoTagSet *tag_set;
  GHashTable   *accels;
  GHashTable   *buttons;   /* tag id -> GtkButton (borrowed) */
};

G_DEFINE_FINAL_TYPE (PeithoTagPalette, peitho_tag_palette, GTK_TYPE_WIDGET)

char *
peitho_tag_dup_description (PeithoTag *tag)
{
  const char *definition = peitho_tag_get_definition (tag);
  const char *example = peitho_tag_get_example (tag);
  GString *str = g_string_new (NULL);

  if (definition != NULL && definition[0] != '\0')
    g_string_append (str, definition);
  if (example != NULL && example[0] != '\0')
    {
      if (str->len > 0)
        g_string_append (str, "\n\n");
      /* Translators: an example of a rhetorical device, in a tooltip */
      g_string_append_printf (str, _("Example: %s"), example);
    }

  if (str->len == 0)
    g_string_append (str, peitho_tag_get_label (tag));

  return g_string_free (str, FALSE);
}

static GtkWidget *
create_button (PeithoTagPalette *self,
               PeithoTag        *tag)
{
  const char *tag_id = peitho_tag_get_id (tag);
  const char *accel = self->accels ? g_hash_table_lookup (self->accels, tag_id) : NULL;
  g_autofree char *tooltip = peitho_tag_dup_description (tag);
  GtkWidget *button, *box, *swatch, *label;

  g_assert (PEITHO_IS_TAG_PALETTE (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  swatch = peitho_swatch_new ();
  g_object_bind_property (tag, "color", swatch, "color", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), swatch);

  label = gtk_label_new (NULL);
  g_object_bind_property (tag, "label", label, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (accel != NULL)
    {
      guint key;
      GdkModifierType mods;

      if (gtk_accelerator_parse (accel, &key, &mods))
        {
          g_autofree char *accel_label = gtk_accelerator_get_label (key, mods);
          GtkWidget *shortcut = gtk_label_new (accel_label);

          gtk_widget_add_css_class (shortcut, "dim-label");
          gtk_widget_add_css_class (shortcut, "caption");
          gtk_box_append (GTK_BOX (box), shortcut);
        }
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "tag-button");
  peitho_widget_set_deferred_tooltip (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag-selection");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (tag_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, peitho_tag_get_label (tag),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  if (accel != NULL)
    {
      guint key;
      GdkModifierType mods;

      /* Screen readers announce the shortcut (ARIA syntax: "Alt+1"). */
      if (gtk_accelerator_parse (accel, &key, &mods))
        {
          g_autofree char *shortcut_label = gtk_accelerator_get_label (key, mods);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcut_label, -1);
        }
    }

  return button;
}

static void
rebuild (PeithoTagPalette *self)
{
  GtkWidget *child;

  g_assert (PEITHO_IS_TAG_PALETTE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  g_hash_table_remove_all (self->buttons);

  if (self->tag_set == NULL)
    return;

  for (guint i = 0; i < peitho_tag_set_get_n_groups (self->tag_set); i++)
    {
      PeithoTagGroup *group = peitho_tag_set_get_group (self->tag_set, i);
      GtkWidget *heading, *box;

      heading = gtk_label_new (peitho_tag_group_get_label (group));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (heading, "palette-heading");
      if (peitho_tag_group_get_definition (group) != NULL)
        peitho_widget_set_deferred_tooltip (heading, peitho_tag_group_get_definition (group));
      gtk_box_append (self->groups_box, heading);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, peitho_tag_group_get_label (group),
                                      -1);
      for (guint j = 0; j < peitho_tag_group_get_n_tags (group); j++)
        {
          PeithoTag *tag = peitho_tag_group_get_tag (group, j);
          GtkWidget *button = create_button (self, tag);

          gtk_box_append (GTK_BOX (box), button);
          g_hash_table_insert (self->buttons, g_strdup (peitho_tag_get_id (tag)), button);
        }
      gtk_box_append (self->groups_box, box);
    }
}

static void
peitho_tag_palette_dispose (GObject *object)
{
  PeithoTagPalette *self = (PeithoTagPalette *)object;
  GtkWidget *child;

  g_assert (PEITHO_IS_TAG_PALETTE (object));

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_func (self->tag_set, rebuild, self);
  g_clear_object (&self->tag_set);
  g_clear_pointer (&self->accels, g_hash_table_unref);
  g_clear_pointer (&self->buttons, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_TAG_PALETTE);
  /* The template's root box is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (peitho_tag_palette_parent_class)->dispose (object);
}

static void
peitho_tag_palette_class_init (PeithoTagPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_tag_palette_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-tag-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoTagPalette, groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tagpalette");
}

static void
peitho_tag_palette_init (PeithoTagPalette *self)
{
  g_assert (PEITHO_IS_TAG_PALETTE (self));

  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
peitho_tag_palette_new (void)
{
  return g_object_new (PEITHO_TYPE_TAG_PALETTE, NULL);
}

PeithoTagSet *
peitho_tag_palette_get_tag_set (PeithoTagPalette *self)
{
  g_return_val_if_fail (PEITHO_IS_TAG_PALETTE (self), NULL);
  return self->tag_set;
}

void
peitho_tag_palette_set_tag_set (PeithoTagPalette *self,
                                PeithoTagSet     *tag_set)
{
  g_return_if_fail (PEITHO_IS_TAG_PALETTE (self));

  if (self->tag_set == tag_set)
    return;

  if (self->tag_set != NULL)
    g_signal_handlers_disconnect_by_func (self->tag_set, rebuild, self);
  g_set_object (&self->tag_set, tag_set);
  if (tag_set != NULL)
    g_signal_connect_swapped (tag_set, "changed", G_CALLBACK (rebuild), self);

  rebuild (self);
}

void
peitho_tag_palette_set_accels (PeithoTagPalette *self,
                               GHashTable       *accels)
{
  g_return_if_fail (PEITHO_IS_TAG_PALETTE (self));

  g_clear_pointer (&self->accels, g_hash_table_unref);
  self->accels = accels ? g_hash_table_ref (accels) : NULL;
  rebuild (self);
}

GtkWidget *
peitho_tag_palette_get_button (PeithoTagPalette *self,
                               const char       *tag_id)
{
  g_return_val_if_fail (PEITHO_IS_TAG_PALETTE (self), NULL);
  return g_hash_table_lookup (self->buttons, tag_id);
}
