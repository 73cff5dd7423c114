/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "peitho-passage-row.h"
#include "peitho-relation-dialog.h"
#include "peitho-swatch.h"
#include "peitho-utils.h"

#define SNIPPET_CHARS 70

struct _PeithoRelationDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  PeithoSwatch       *source_swatch;
  GtkLabel           *source_label;
  GtkListBox         *relations_list;
  GtkComboBoxText    *type_combo;
  GtkSearchEntry     *search_entry;
  GtkListView        *targets_view;
  GtkButton          *add_button;

  /* Owned */
  PeithoDocument     *document;
  PeithoAnnotation   *annotation;
  GtkWindow          *window;    /* weak: the annotation window */
  GtkFilterListModel *targets;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search;    /* casefolded */
  guint               n_relations;
};

G_DEFINE_FINAL_TYPE (PeithoRelationDialog, peitho_relation_dialog, ADW_TYPE_WINDOW)

/* The built-in types; the user may type others.
 * Translators: relation types between passages, third-person verbs ("A supports B"). */
static const char * const builtin_types[] = {
  N_("supports"), N_("attacks"), N_("concedes"), N_("restates"),
};

static gboolean
activate_on_window (PeithoRelationDialog *self,
                    const char           *action,
                    const char           *format,
                    ...)
{
  GVariant *param;
  va_list args;

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  if (self->window == NULL)
    return FALSE;

  va_start (args, format);
  param = g_variant_new_va (format, NULL, &args);
  va_end (args);

  return gtk_widget_activate_action_variant (GTK_WIDGET (self->window), action, param);
}

/* The relation rows' buttons: the other annotation's id, the relation's. */
static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PeithoRelationDialog *self = PEITHO_RELATION_DIALOG (widget);

  g_assert (PEITHO_IS_RELATION_DIALOG (widget));

  activate_on_window (self, "win.select-annotation", "s", g_variant_get_string (param, NULL));
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_assert (PEITHO_IS_RELATION_DIALOG (widget));

  /* Removing rebuilds the rows, this button's too: the id must outlive it. */
  g_autofree char *id = g_variant_dup_string (param, NULL);

  activate_on_window (PEITHO_RELATION_DIALOG (widget), "win.remove-relation", "s", id);
}

/* One whole sentence per built-in type, so that every language can word it
 * (German separable verbs, for one); a type the user made up is shown as is. */
static char *
relation_title (const char *type,
                gboolean    outgoing,
                const char *snippet)
{
  if (outgoing)
    {
      /* Translators: a relation from the annotation shown to another passage, quoted */
      if (g_str_equal (type, "supports"))
        return g_strdup_printf (_("This passage supports “%s”"), snippet);
      if (g_str_equal (type, "attacks"))
        return g_strdup_printf (_("This passage attacks “%s”"), snippet);
      if (g_str_equal (type, "concedes"))
        return g_strdup_printf (_("This passage concedes “%s”"), snippet);
      if (g_str_equal (type, "restates"))
        return g_strdup_printf (_("This passage restates “%s”"), snippet);
      /* Translators: a relation of a type the user named (first %s, untranslated) from
       * this passage to another one (second %s, quoted) */
      return g_strdup_printf (_("%s: this passage → “%s”"), type, snippet);
    }

  /* Translators: a relation from another passage, quoted, to the annotation shown */
  if (g_str_equal (type, "supports"))
    return g_strdup_printf (_("“%s” supports this passage"), snippet);
  if (g_str_equal (type, "attacks"))
    return g_strdup_printf (_("“%s” attacks this passage"), snippet);
  if (g_str_equal (type, "concedes"))
    return g_strdup_printf (_("“%s” concedes this passage"), snippet);
  if (g_str_equal (type, "restates"))
    return g_strdup_printf (_("“%s” restates this passage"), snippet);
  /* Translators: a relation of a type the user named (first %s, untranslated) from
   * another passage (second %s, quoted) to this one */
  return g_strdup_printf (_("%s: “%s” → this passage"), type, snippet);
}

static GtkWidget *
create_relation_row (PeithoRelationDialog *self,
                     PeithoRelation       *relation)
{
  const char *own_id = peitho_annotation_get_id (self->annotation);
  gboolean outgoing = g_strcmp0 (peitho_relation_get_from_id (relation), own_id) == 0;
  const char *other_id = outgoing ? peitho_relation_get_to_id (relation) : peitho_relation_get_from_id (relation);
  PeithoAnnotation *other = peitho_document_lookup_annotation (self->document, other_id);
  const char *type = peitho_relation_get_relation_type (relation);
  g_autofree char *snippet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *follow_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row, *button, *swatch;

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  snippet = other ? peitho_annotation_dup_snippet (self->document, other, SNIPPET_CHARS) : g_strdup (other_id);
  title = relation_title (type, outgoing, snippet);
  subtitle = g_strdup_printf ("%s · %s", outgoing ? _("Outgoing") : _("Incoming"),
                              other ? peitho_annotation_get_tag_label (self->document, other) : "");

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  swatch = peitho_swatch_new ();
  if (other != NULL)
    peitho_swatch_set_color (PEITHO_SWATCH (swatch), peitho_annotation_get_tag_color (self->document, other));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

  button = gtk_button_new_from_icon_name ("go-jump-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Go to the other passage"));
  gtk_widget_add_css_class (button, "flat");
  follow_name = g_strdup_printf (_("Go to “%s”"), snippet);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, follow_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "relation.follow");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", other_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove this relation"));
  gtk_widget_add_css_class (button, "flat");
  delete_name = g_strdup_printf (_("Remove the relation to “%s”"), snippet);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "relation.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", peitho_relation_get_id (relation));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_relations (PeithoRelationDialog *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  GtkWidget *child;

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list))))
    gtk_list_box_remove (self->relations_list, child);

  /* The annotation may be gone (undo of its creation). */
  if (peitho_document_lookup_annotation (self->document, peitho_annotation_get_id (self->annotation))
      != self->annotation)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  relations = peitho_document_get_relations_for (self->document, peitho_annotation_get_id (self->annotation));
  self->n_relations = relations->len;
  for (guint i = 0; i < relations->len; i++)
    gtk_list_box_append (self->relations_list, create_relation_row (self, g_ptr_array_index (relations, i)));

  if (relations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No relations yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->relations_list, row);
    }
}

static void
fill_types (PeithoRelationDialog *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *relations = peitho_document_get_relations (self->document);

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (builtin_types); i++)
    {
      g_hash_table_add (seen, (char *)builtin_types[i]);
      gtk_combo_box_text_append (self->type_combo, builtin_types[i], _(builtin_types[i]));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      const char *type = peitho_relation_get_relation_type (relation);

      if (g_hash_table_add (seen, (char *)type))
        gtk_combo_box_text_append (self->type_combo, type, type);
    }
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->type_combo), 0);
}

/* The type to store: a built-in's untranslated name, or what the user typed. */
static char *
dup_chosen_type (PeithoRelationDialog *self)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->type_combo));
  GtkWidget *entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->type_combo));
  g_autofree char *text = NULL;

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  if (id != NULL)
    return g_strdup (id);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  for (guint i = 0; i < G_N_ELEMENTS (builtin_types); i++)
    if (g_strcmp0 (text, _(builtin_types[i])) == 0)
      return g_strdup (builtin_types[i]);

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static gboolean
target_filter_func (gpointer item,
                    gpointer user_data)
{
  PeithoRelationDialog *self = user_data;
  PeithoAnnotation *annotation = item;
  g_autofree char *snippet = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *label = NULL;

  if (annotation == self->annotation)
    return FALSE;
  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  label = g_utf8_casefold (peitho_annotation_get_tag_label (self->document, annotation), -1);
  if (strstr (label, self->search) != NULL)
    return TRUE;

  /* Search in the whole passage, not the cut snippet. */
  snippet = peitho_document_dup_slice (self->document, peitho_annotation_get_start (annotation),
                                       peitho_annotation_get_end (annotation));
  folded = g_utf8_casefold (snippet, -1);
  return strstr (folded, self->search) != NULL;
}

static void
search_changed_cb (PeithoRelationDialog *self)
{
  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
peitho_relation_dialog_add (PeithoRelationDialog *self,
                            guint                 target_position)
{
  g_autoptr(PeithoAnnotation) target = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (PEITHO_IS_RELATION_DIALOG (self), FALSE);

  target = g_list_model_get_item (G_LIST_MODEL (self->targets), target_position);
  if (target == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (!(type = dup_chosen_type (self)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->type_combo));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  return activate_on_window (self, "win.add-relation", "(sss)",
                             peitho_annotation_get_id (self->annotation),
                             peitho_annotation_get_id (target), type);
}

static void
add_clicked_cb (PeithoRelationDialog *self)
{
  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  peitho_relation_dialog_add (self, gtk_single_selection_get_selected (self->selection));
}

static void
target_activate_cb (PeithoRelationDialog *self,
                    guint                 position)
{
  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  peitho_relation_dialog_add (self, position);
}

/* The possible targets, as the sidebar lists passages. */
static void
setup_target_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_child (item, peitho_passage_row_new (TRUE));
}

static void
bind_target_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PeithoRelationDialog     *self)
{
  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  peitho_passage_row_set_annotation (PEITHO_PASSAGE_ROW (gtk_list_item_get_child (item)),
                                     self->document, gtk_list_item_get_item (item));
}

static void
unbind_target_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  peitho_passage_row_set_annotation (PEITHO_PASSAGE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
peitho_relation_dialog_dispose (GObject *object)
{
  PeithoRelationDialog *self = (PeithoRelationDialog *)object;

  g_assert (PEITHO_IS_RELATION_DIALOG (object));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->selection);
  g_clear_object (&self->targets);
  g_clear_object (&self->annotation);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (peitho_relation_dialog_parent_class)->dispose (object);
}

static void
peitho_relation_dialog_finalize (GObject *object)
{
  PeithoRelationDialog *self = (PeithoRelationDialog *)object;

  g_assert (PEITHO_IS_RELATION_DIALOG (object));

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (peitho_relation_dialog_parent_class)->finalize (object);
}

static void
peitho_relation_dialog_class_init (PeithoRelationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_relation_dialog_dispose;
  object_class->finalize = peitho_relation_dialog_finalize;

  g_type_ensure (PEITHO_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-relation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, source_swatch);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, relations_list);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, type_combo);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, targets_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoRelationDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_activate_cb);
  gtk_widget_class_install_action (widget_class, "relation.follow", "s", follow_action);
  gtk_widget_class_install_action (widget_class, "relation.remove", "s", remove_relation_action);
}

static void
peitho_relation_dialog_init (PeithoRelationDialog *self)
{
  GtkListItemFactory *factory;

  g_assert (PEITHO_IS_RELATION_DIALOG (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  peitho_fix_mnemonic_name (GTK_WIDGET (self->add_button));

  self->filter = gtk_custom_filter_new (target_filter_func, self, NULL);
  self->targets = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->targets)));
  gtk_list_view_set_model (self->targets_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_target_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_target_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_target_cb), NULL);
  gtk_list_view_set_factory (self->targets_view, factory);
  g_object_unref (factory);
}

GtkWidget *
peitho_relation_dialog_new (GtkWindow        *window,
                            PeithoDocument   *document,
                            PeithoAnnotation *annotation)
{
  PeithoRelationDialog *self;
  g_autofree char *snippet = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), NULL);

  self = g_object_new (PEITHO_TYPE_RELATION_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (document);
  self->annotation = g_object_ref (annotation);

  snippet = peitho_annotation_dup_snippet (document, annotation, 200);
  /* Translators: "Claim: “the passage”" */
  text = g_strdup_printf (_("%s: “%s”"), peitho_annotation_get_tag_label (document, annotation), snippet);
  gtk_label_set_label (self->source_label, text);
  peitho_swatch_set_color (self->source_swatch, peitho_annotation_get_tag_color (document, annotation));

  fill_types (self);
  gtk_filter_list_model_set_model (self->targets, peitho_document_get_annotations (document));
  g_signal_connect_object (document, "changed", G_CALLBACK (rebuild_relations), self, G_CONNECT_SWAPPED);
  rebuild_relations (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WIDGET (self);
}

guint
peitho_relation_dialog_get_n_relations (PeithoRelationDialog *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION_DIALOG (self), 0);
  return self->n_relations;
}

GListModel *
peitho_relation_dialog_get_targets (PeithoRelationDialog *self)
{
  g_return_val_if_fail (PEITHO_IS_RELATION_DIALOG (self), NULL);
  return G_LIST_MODEL (self->targets);
}

void
peitho_relation_dialog_set_type (PeithoRelationDialog *self,
                                 const char           *type)
{
  GtkWidget *entry;

  g_return_if_fail (PEITHO_IS_RELATION_DIALOG (self));

  if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->type_combo), type))
    {
      entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->type_combo));
      gtk_editable_set_text (GTK_EDITABLE (entry), type);
    }
}

void
peitho_relation_dialog_set_search (PeithoRelationDialog *self,
                                   const char           *text)
{
  g_return_if_fail (PEITHO_IS_RELATION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}
