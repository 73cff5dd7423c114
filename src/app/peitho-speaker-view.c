/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-speaker-view.h"

struct _PeithoSpeakerView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListView    *list_view;
  GtkLabel       *placeholder;

  /* Owned */
  PeithoDocument *document;
  GSignalGroup   *document_signals;
  GListStore     *speakers;
  guint           update_id;
};

G_DEFINE_FINAL_TYPE (PeithoSpeakerView, peitho_speaker_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_speeches (PeithoDocument *document)
{
  guint n;

  g_assert (document == NULL || PEITHO_IS_DOCUMENT (document));

  if (document == NULL)
    return FALSE;
  n = peitho_document_get_n_marks (document);
  for (guint i = 0; i < n; i++)
    if (peitho_document_get_mark (document, i)->kind == PEITHO_MARK_SPEECH)
      return TRUE;
  return FALSE;
}

static void
update (PeithoSpeakerView *self)
{
  g_autoptr(GListModel) counts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_assert (PEITHO_IS_SPEAKER_VIEW (self));

  if (self->document != NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      counts = peitho_speaker_counts_compute (self->document);
      n_items = g_list_model_get_n_items (counts);
      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (items, g_list_model_get_item (counts, i));
    }
  g_list_store_splice (self->speakers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->speakers)),
                       items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->list_view), items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), items->len == 0);
}

static gboolean
update_cb (gpointer user_data)
{
  PeithoSpeakerView *self = user_data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* Many annotations change at once (an undo, an import): count once. */
static void
queue_update (PeithoSpeakerView *self)
{
  g_assert (PEITHO_IS_SPEAKER_VIEW (self));

  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_LOW, update_cb, self, NULL);
}

static void
peitho_speaker_view_dispose (GObject *object)
{
  PeithoSpeakerView *self = PEITHO_SPEAKER_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_SPEAKER_VIEW);
  /* The heading is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->speakers);

  G_OBJECT_CLASS (peitho_speaker_view_parent_class)->dispose (object);
}

static void
peitho_speaker_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PeithoSpeakerView *self = PEITHO_SPEAKER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_speaker_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PeithoSpeakerView *self = PEITHO_SPEAKER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      peitho_speaker_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_speaker_view_class_init (PeithoSpeakerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_speaker_view_dispose;
  object_class->get_property = peitho_speaker_view_get_property;
  object_class->set_property = peitho_speaker_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PEITHO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/peitho-speaker-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoSpeakerView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoSpeakerView, placeholder);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  /* Named in peitho-speaker-list-item.ui. */
  g_type_ensure (PEITHO_TYPE_SPEAKER_COUNT);
}

static void
peitho_speaker_view_init (PeithoSpeakerView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->speakers = g_list_store_new (PEITHO_TYPE_SPEAKER_COUNT);
  factory = gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE
                                                             "/ui/peitho-speaker-list-item.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->speakers)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  self->document_signals = g_signal_group_new (PEITHO_TYPE_DOCUMENT);
  /* Annotations, and the tags that the summaries name. */
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (queue_update), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::tag-set",
                                  G_CALLBACK (queue_update), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
peitho_speaker_view_new (void)
{
  return g_object_new (PEITHO_TYPE_SPEAKER_VIEW, NULL);
}

PeithoDocument *
peitho_speaker_view_get_document (PeithoSpeakerView *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_VIEW (self), NULL);
  return self->document;
}

void
peitho_speaker_view_set_document (PeithoSpeakerView *self,
                                  PeithoDocument    *document)
{
  g_return_if_fail (PEITHO_IS_SPEAKER_VIEW (self));
  g_return_if_fail (document == NULL || PEITHO_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  /* Marks never change after reading: whether this is a play is known now. */
  gtk_widget_set_visible (GTK_WIDGET (self), has_speeches (document));
  g_clear_handle_id (&self->update_id, g_source_remove);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
peitho_speaker_view_get_model (PeithoSpeakerView *self)
{
  g_return_val_if_fail (PEITHO_IS_SPEAKER_VIEW (self), NULL);
  return G_LIST_MODEL (self->speakers);
}
