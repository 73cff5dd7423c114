/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-discussion-row.h"

#define EXCERPT_CHARS 90

struct _PeithoDiscussionRow
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkWidget               *box;
  GtkLabel                *excerpt_label;
  GtkLabel                *summary_label;

  /* Owned */
  PeithoDiscussionPassage *passage;
};

G_DEFINE_FINAL_TYPE (PeithoDiscussionRow, peitho_discussion_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PASSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PeithoDiscussionRow *self,
        PeithoDocument      *document)
{
  PeithoDiscussionPassage *passage = self->passage;
  g_autofree char *text = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *parent;
  gsize start, end;

  g_assert (PEITHO_IS_DISCUSSION_ROW (self));
  g_assert (PEITHO_IS_DOCUMENT (document));
  g_assert (PEITHO_IS_DISCUSSION_PASSAGE (passage));

  start = peitho_discussion_passage_get_start (passage);
  end = peitho_discussion_passage_get_end (passage);
  g_assert (start <= end);

  text = peitho_document_dup_slice (document, start, MIN (end, start + EXCERPT_CHARS));
  g_strdelimit (text, "\n\t", ' ');
  if (end - start > EXCERPT_CHARS)
    /* TRANSLATORS: the start of a longer passage, quoted */
    excerpt = g_strdup_printf (_("“%s…”"), text);
  else
    /* Translators: a quoted passage of the text */
    excerpt = g_strdup_printf (_("“%s”"), text);
  gtk_label_set_text (self->excerpt_label, excerpt);
  /* TRANSLATORS: a passage to discuss: how many of the students compared
   * marked it, and how much they disagree there (0–100 %) */
  summary = g_strdup_printf (_("Marked by %u of %u · disagreement %.0f %%"),
                             peitho_discussion_passage_get_n_marked (passage),
                             peitho_discussion_passage_get_n_readers (passage),
                             100 * peitho_discussion_passage_get_score (passage));
  gtk_label_set_text (self->summary_label, summary);

  /* The list item's name (GTK 4.8 takes none from the row's labels). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, excerpt,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  if ((parent = gtk_widget_get_parent (GTK_WIDGET (self))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, excerpt,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
peitho_discussion_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PeithoDiscussionRow *self = PEITHO_DISCUSSION_ROW (object);

  g_assert (PEITHO_IS_DISCUSSION_ROW (object));

  switch (prop_id)
    {
    case PROP_PASSAGE:
      g_value_set_object (value, self->passage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_discussion_row_dispose (GObject *object)
{
  PeithoDiscussionRow *self = (PeithoDiscussionRow *)object;

  g_assert (PEITHO_IS_DISCUSSION_ROW (self));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_DISCUSSION_ROW);
  g_clear_object (&self->passage);

  G_OBJECT_CLASS (peitho_discussion_row_parent_class)->dispose (object);
}

static void
peitho_discussion_row_class_init (PeithoDiscussionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_discussion_row_dispose;
  object_class->get_property = peitho_discussion_row_get_property;

  properties[PROP_PASSAGE] =
    g_param_spec_object ("passage", NULL, NULL, PEITHO_TYPE_DISCUSSION_PASSAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-discussion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoDiscussionRow, box);
  gtk_widget_class_bind_template_child (widget_class, PeithoDiscussionRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoDiscussionRow, summary_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "discussionrow");
}

static void
peitho_discussion_row_init (PeithoDiscussionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
peitho_discussion_row_new (void)
{
  return g_object_new (PEITHO_TYPE_DISCUSSION_ROW, NULL);
}

/* Unbound: no stale text, to see or to hear. */
static void
clear (PeithoDiscussionRow *self)
{
  GtkWidget *parent;

  g_assert (PEITHO_IS_DISCUSSION_ROW (self));

  gtk_label_set_text (self->excerpt_label, "");
  gtk_label_set_text (self->summary_label, "");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if ((parent = gtk_widget_get_parent (GTK_WIDGET (self))) != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
peitho_discussion_row_set_passage (PeithoDiscussionRow     *self,
                                   PeithoDocument          *document,
                                   PeithoDiscussionPassage *passage)
{
  g_return_if_fail (PEITHO_IS_DISCUSSION_ROW (self));
  g_return_if_fail (document == NULL || PEITHO_IS_DOCUMENT (document));
  g_return_if_fail (passage == NULL || PEITHO_IS_DISCUSSION_PASSAGE (passage));
  g_return_if_fail ((document == NULL) == (passage == NULL));

  if (g_set_object (&self->passage, passage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSAGE]);
  if (passage != NULL)
    update (self, document);
  else
    clear (self);
}

PeithoDiscussionPassage *
peitho_discussion_row_get_passage (PeithoDiscussionRow *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_ROW (self), NULL);
  return self->passage;
}

const char *
peitho_discussion_row_get_excerpt (PeithoDiscussionRow *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_ROW (self), NULL);
  return gtk_label_get_text (self->excerpt_label);
}

const char *
peitho_discussion_row_get_summary (PeithoDiscussionRow *self)
{
  g_return_val_if_fail (PEITHO_IS_DISCUSSION_ROW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
