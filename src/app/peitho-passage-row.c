/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-passage-row.h"
#include "peitho-swatch.h"
#include "peitho-utils.h"

#define FULL_CHARS 120
#define COMPACT_CHARS 80

struct _PeithoPassageRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget        *box;
  PeithoSwatch     *swatch;
  GtkLabel         *tag_label;
  GtkLabel         *annotator_label;
  GtkLabel         *excerpt_label;
  GtkLabel         *note_label;
  GtkWidget        *buttons;
  GtkMenuButton    *retag_button;
  GtkButton        *note_button;
  GtkWidget        *relations_button;
  GtkWidget        *remove_button;

  /* Owned */
  PeithoDocument   *document;
  PeithoAnnotation *annotation;

  guint             compact : 1;
};

G_DEFINE_FINAL_TYPE (PeithoPassageRow, peitho_passage_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GMenuModel *
create_retag_menu (PeithoDocument   *document,
                   PeithoAnnotation *annotation)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  GMenu *menu = g_menu_new ();

  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (PEITHO_IS_ANNOTATION (annotation));

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

/* What the labels look like in either form; the text comes with the
 * annotation. */
static void
apply_compact (PeithoPassageRow *self)
{
  gboolean compact = self->compact;

  g_assert (PEITHO_IS_PASSAGE_ROW (self));

  gtk_label_set_lines (self->excerpt_label, compact ? 3 : -1);
  gtk_label_set_ellipsize (self->excerpt_label, compact ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_max_width_chars (self->excerpt_label, compact ? 30 : 48);
  gtk_label_set_lines (self->note_label, compact ? 4 : -1);
  gtk_label_set_ellipsize (self->note_label, compact ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_max_width_chars (self->note_label, compact ? 30 : 48);
  /* A compact row is activated as a whole; a selectable label would take
   * the click. */
  gtk_label_set_selectable (self->note_label, !compact);
  gtk_widget_set_visible (self->buttons, !compact);

  if (compact)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tag_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), "caption");
      gtk_widget_remove_css_class (GTK_WIDGET (self->excerpt_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tag_label), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->excerpt_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
    }
}

static void
update_buttons (PeithoPassageRow *self)
{
  const char *id = peitho_annotation_get_id (self->annotation);
  const char *label = peitho_annotation_get_tag_label (self->document, self->annotation);
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *a11y = NULL;

  g_assert (PEITHO_IS_PASSAGE_ROW (self));
  g_assert (PEITHO_IS_ANNOTATION (self->annotation));

  menu = create_retag_menu (self->document, self->annotation);
  gtk_menu_button_set_menu_model (self->retag_button, menu);

  gtk_button_set_label (self->note_button,
                        peitho_annotation_get_note (self->annotation) ? _("Edit _Note") : _("Add _Note"));
  peitho_fix_mnemonic_name (GTK_WIDGET (self->note_button));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->note_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->relations_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", id);

  /* Translators: accessible name of a button; %s is a tag such as "Metaphor" */
  a11y = g_strdup_printf (_("Remove %s annotation"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  peitho_fix_labelled_by (self->remove_button);
}

static void
update (PeithoPassageRow *self)
{
  PeithoDocument *document = self->document;
  PeithoAnnotation *annotation = self->annotation;
  g_autofree char *snippet = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *name = NULL;
  const char *label, *who, *note;

  g_assert (PEITHO_IS_PASSAGE_ROW (self));

  if (annotation == NULL)
    return;

  label = peitho_annotation_get_tag_label (document, annotation);
  who = peitho_annotation_get_annotator_name (document, annotation);
  note = peitho_annotation_get_note (annotation);
  snippet = peitho_annotation_dup_snippet (document, annotation,
                                           self->compact ? COMPACT_CHARS : FULL_CHARS);
  /* Translators: a quoted passage of the text */
  excerpt = g_strdup_printf (_("“%s”"), snippet);

  peitho_swatch_set_color (self->swatch, peitho_annotation_get_tag_color (document, annotation));
  gtk_label_set_label (self->tag_label, label);
  gtk_label_set_label (self->annotator_label, who);
  gtk_widget_set_visible (GTK_WIDGET (self->annotator_label), who != NULL);
  gtk_label_set_label (self->excerpt_label, excerpt);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && note[0] != '\0');

  if (!self->compact)
    update_buttons (self);

  /* The list item's name (GTK 4.8 takes none from the row's labels). */
  /* Translators: accessible name of an annotated passage: tag, then the passage */
  name = g_strdup_printf (_("%s: %s"), label, excerpt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->compact && gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
peitho_passage_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PeithoPassageRow *self = PEITHO_PASSAGE_ROW (object);

  g_assert (PEITHO_IS_PASSAGE_ROW (object));

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_passage_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PeithoPassageRow *self = PEITHO_PASSAGE_ROW (object);

  g_assert (PEITHO_IS_PASSAGE_ROW (object));

  switch (prop_id)
    {
    case PROP_COMPACT:
      peitho_passage_row_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_passage_row_dispose (GObject *object)
{
  PeithoPassageRow *self = (PeithoPassageRow *)object;

  g_assert (PEITHO_IS_PASSAGE_ROW (object));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_PASSAGE_ROW);
  g_clear_object (&self->annotation);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (peitho_passage_row_parent_class)->dispose (object);
}

static void
peitho_passage_row_class_init (PeithoPassageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_passage_row_dispose;
  object_class->get_property = peitho_passage_row_get_property;
  object_class->set_property = peitho_passage_row_set_property;

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, PEITHO_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PEITHO_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-passage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, box);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, annotator_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, retag_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, relations_button);
  gtk_widget_class_bind_template_child (widget_class, PeithoPassageRow, remove_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "passagerow");
}

static void
peitho_passage_row_init (PeithoPassageRow *self)
{
  g_assert (PEITHO_IS_PASSAGE_ROW (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  peitho_fix_mnemonic_name (self->relations_button);
  apply_compact (self);
}

GtkWidget *
peitho_passage_row_new (gboolean compact)
{
  return g_object_new (PEITHO_TYPE_PASSAGE_ROW, "compact", compact, NULL);
}

/* @document and @annotation both NULL, or both set. */
void
peitho_passage_row_set_annotation (PeithoPassageRow *self,
                                   PeithoDocument   *document,
                                   PeithoAnnotation *annotation)
{
  g_return_if_fail (PEITHO_IS_PASSAGE_ROW (self));
  g_return_if_fail (document == NULL || PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (annotation == NULL || PEITHO_IS_ANNOTATION (annotation));
  g_return_if_fail ((document == NULL) == (annotation == NULL));

  g_set_object (&self->document, document);
  if (g_set_object (&self->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
  update (self);
}

PeithoAnnotation *
peitho_passage_row_get_annotation (PeithoPassageRow *self)
{
  g_return_val_if_fail (PEITHO_IS_PASSAGE_ROW (self), NULL);
  return self->annotation;
}

gboolean
peitho_passage_row_get_compact (PeithoPassageRow *self)
{
  g_return_val_if_fail (PEITHO_IS_PASSAGE_ROW (self), FALSE);
  return self->compact;
}

void
peitho_passage_row_set_compact (PeithoPassageRow *self,
                                gboolean          compact)
{
  g_return_if_fail (PEITHO_IS_PASSAGE_ROW (self));

  compact = !!compact;
  if (self->compact == (guint) compact)
    return;

  self->compact = compact;
  apply_compact (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
