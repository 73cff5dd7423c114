/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-swatch.h"
#include "peitho-tag-chooser.h"
#include "peitho-tag-palette.h"

struct _PeithoTagChooser
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  /* Owned */
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  GtkStringFilter    *filter;
};

G_DEFINE_FINAL_TYPE (PeithoTagChooser, peitho_tag_chooser, GTK_TYPE_POPOVER)

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (PeithoTagChooser *self,
        guint             position)
{
  g_autoptr(PeithoTag) tag = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  if (tag == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, peitho_tag_get_id (tag));
}

static void
entry_activate_cb (PeithoTagChooser *self)
{
  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  choose (self, gtk_single_selection_get_selected (self->selection));
}

static void
list_activate_cb (PeithoTagChooser *self,
                  guint             position)
{
  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  choose (self, position);
}

static void
search_changed_cb (PeithoTagChooser *self)
{
  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static gboolean
key_pressed_cb (PeithoTagChooser      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  if (n == 0)
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    selected = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    selected = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
  else
    return FALSE;

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
  return TRUE;
}

/* For the tooltip of peitho-tag-list-item.ui. */
static char *
peitho_tag_list_item_dup_description (GtkListItem *item,
                                      PeithoTag   *tag)
{
  return tag != NULL ? peitho_tag_dup_description (tag) : NULL;
}

static void
peitho_tag_chooser_show (GtkWidget *widget)
{
  PeithoTagChooser *self = PEITHO_TAG_CHOOSER (widget);

  g_assert (PEITHO_IS_TAG_CHOOSER (widget));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);

  GTK_WIDGET_CLASS (peitho_tag_chooser_parent_class)->show (widget);
}

static void
peitho_tag_chooser_map (GtkWidget *widget)
{
  PeithoTagChooser *self = PEITHO_TAG_CHOOSER (widget);

  g_assert (PEITHO_IS_TAG_CHOOSER (widget));

  GTK_WIDGET_CLASS (peitho_tag_chooser_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
peitho_tag_chooser_dispose (GObject *object)
{
  PeithoTagChooser *self = (PeithoTagChooser *)object;

  g_assert (PEITHO_IS_TAG_CHOOSER (object));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_TAG_CHOOSER);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (peitho_tag_chooser_parent_class)->dispose (object);
}

static void
peitho_tag_chooser_class_init (PeithoTagChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_tag_chooser_dispose;
  widget_class->show = peitho_tag_chooser_show;
  widget_class->map = peitho_tag_chooser_map;

  /* Named in peitho-tag-list-item.ui. */
  g_type_ensure (PEITHO_TYPE_SWATCH);
  g_type_ensure (PEITHO_TYPE_TAG);

  signals[TAG_CHOSEN] =
    g_signal_new ("tag-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-tag-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoTagChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PeithoTagChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
peitho_tag_chooser_init (PeithoTagChooser *self)
{
  GtkListItemFactory *factory;
  GtkBuilderScope *scope;
  GtkEventController *keys;

  g_assert (PEITHO_IS_TAG_CHOOSER (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_string_filter_new (gtk_property_expression_new (PEITHO_TYPE_TAG, NULL, "label"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (scope, peitho_tag_list_item_dup_description);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE "/ui/peitho-tag-list-item.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_object_unref (scope);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
peitho_tag_chooser_new (void)
{
  return g_object_new (PEITHO_TYPE_TAG_CHOOSER, NULL);
}

void
peitho_tag_chooser_set_tag_set (PeithoTagChooser *self,
                                PeithoTagSet     *tag_set)
{
  g_autoptr(GtkFlattenListModel) flat = NULL;

  g_return_if_fail (PEITHO_IS_TAG_CHOOSER (self));

  /* The tag set is a list of groups, each a list of tags. */
  if (tag_set != NULL)
    flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (tag_set)));
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (flat));
}
