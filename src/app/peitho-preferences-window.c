/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <peitho-core.h>

#include "peitho-preferences-window.h"
#include "peitho-utils.h"

struct _PeithoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkEntry      *name_entry;
  GtkSwitch     *snap_switch;
  AdwComboRow   *tag_set_row;
  AdwComboRow   *font_row;
  GtkSpinButton *autosave_spin;

  /* Owned */
  GSettings     *settings;
  GPtrArray     *tag_sets;  /* library paths; index 0 is "" (built-in) */
};

G_DEFINE_FINAL_TYPE (PeithoPreferencesWindow, peitho_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
font_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "sans") ? 1 : 0);
  return TRUE;
}

static GVariant *
font_set_mapping (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "sans" : "serif");
}

static gboolean
tag_set_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  PeithoPreferencesWindow *self = user_data;
  const char *path = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < self->tag_sets->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tag_sets, i), path))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  /* A set no longer in the library: show the built-in one. */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
tag_set_set_mapping (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  PeithoPreferencesWindow *self = user_data;
  guint i = g_value_get_uint (value);

  if (i >= self->tag_sets->len)
    return NULL;
  return g_variant_new_string (g_ptr_array_index (self->tag_sets, i));
}

static void
fill_tag_sets (PeithoPreferencesWindow *self)
{
  g_autoptr(GPtrArray) entries = peitho_tag_set_library_list (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_assert (PEITHO_IS_PREFERENCES_WINDOW (self));

  g_ptr_array_add (self->tag_sets, g_strdup (""));
  gtk_string_list_append (names, _("Built-in Rhetoric"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PeithoTagSetEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (self->tag_sets, g_strdup (entry->path));
      gtk_string_list_append (names, entry->title);
    }
  adw_combo_row_set_model (self->tag_set_row, G_LIST_MODEL (names));
}

/* libadwaita 1.2 keeps a search entry in the window even with search
 * disabled, and gives it no name: screen readers would meet a nameless
 * entry. */
static void
name_search_entries (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search preferences"), -1);
      name_search_entries (child);
    }
}

static void
peitho_preferences_window_dispose (GObject *object)
{
  PeithoPreferencesWindow *self = (PeithoPreferencesWindow *)object;

  g_assert (PEITHO_IS_PREFERENCES_WINDOW (object));

  g_clear_object (&self->settings);
  g_clear_pointer (&self->tag_sets, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_preferences_window_parent_class)->dispose (object);
}

static void
peitho_preferences_window_class_init (PeithoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PeithoPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, PeithoPreferencesWindow, tag_set_row);
  gtk_widget_class_bind_template_child (widget_class, PeithoPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, PeithoPreferencesWindow, autosave_spin);
}

static void
peitho_preferences_window_init (PeithoPreferencesWindow *self)
{
  g_assert (PEITHO_IS_PREFERENCES_WINDOW (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entries (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->tag_sets = g_ptr_array_new_with_free_func (g_free);

  /* Empty means "the name of your account": show which. */
  gtk_entry_set_placeholder_text (self->name_entry, peitho_default_annotator_name (NULL));
  g_settings_bind (self->settings, "annotator-name", self->name_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-delay", gtk_spin_button_get_adjustment (self->autosave_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "font-family", self->font_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, font_get_mapping, font_set_mapping, NULL, NULL);
  fill_tag_sets (self);
  g_settings_bind_with_mapping (self->settings, "last-tag-set", self->tag_set_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, tag_set_get_mapping, tag_set_set_mapping, self, NULL);
}

GtkWidget *
peitho_preferences_window_new (void)
{
  return g_object_new (PEITHO_TYPE_PREFERENCES_WINDOW, NULL);
}
