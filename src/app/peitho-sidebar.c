/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-count-row.h"
#include "peitho-outline-item.h"
#include "peitho-passage-row.h"
#include "peitho-sidebar.h"

struct _PeithoSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel           *total_label;
  GtkListView        *counts_view;
  GtkBox             *passages_box;
  GtkLabel           *passages_title;
  GtkListView        *passages_view;
  GtkStack           *stack;
  GtkLabel           *tag_details;
  GtkLabel           *notes_title;
  GtkListView        *notes_view;
  GtkListView        *annotators_view;
  GtkLabel           *relations_title;
  GtkListView        *relations_view;
  GtkStackPage       *outline_page;
  GtkListView        *outline_view;

  /* Owned */
  PeithoCountModel   *model;
  GtkSingleSelection *counts_selection;
  GtkFilterListModel *passages;
  GtkCustomFilter    *passages_filter;
  GtkFilterListModel *notes;
  GtkCustomFilter    *notes_filter;
  GPtrArray          *lazy_lists;        /* LazyList */
  GListModel         *outline;
  PeithoDocument     *document;   /* of the model, for its signals */
  char               *selected_id;
};

G_DEFINE_FINAL_TYPE (PeithoSidebar, peitho_sidebar, GTK_TYPE_WIDGET)

/* A list view that holds its model only while its page is shown. */
typedef struct {
  GtkWidget         *page;    /* the stack's child: owned by the stack */
  GtkListView       *view;    /* inside it */
  GtkSelectionModel *model;
} LazyList;

static void
lazy_list_free (gpointer data)
{
  LazyList *lazy = data;

  g_clear_object (&lazy->model);
  g_free (lazy);
}

enum {
  PASSAGE_ACTIVATED,
  OUTLINE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_total (PeithoSidebar *self)
{
  guint total = self->model ? peitho_count_model_get_total (self->model) : 0;
  g_autofree char *text = NULL;

  g_assert (PEITHO_IS_SIDEBAR (self));

  text = g_strdup_printf (ngettext ("%u annotation", "%u annotations", total), total);
  gtk_label_set_label (self->total_label, text);
}

/* Learning while tagging: what the selected tag means, with an example. */
static void
update_tag_details (PeithoSidebar   *self,
                    PeithoCountItem *item)
{
  PeithoTag *tag = peitho_count_item_get_tag (item);
  g_autoptr(GString) markup = g_string_new (NULL);

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (tag != NULL && peitho_tag_get_definition (tag) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (peitho_tag_get_definition (tag), -1);
      g_string_append (markup, escaped);
    }
  if (tag != NULL && peitho_tag_get_example (tag) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (peitho_tag_get_example (tag), -1);

      if (markup->len > 0)
        g_string_append (markup, "\n");
      /* Translators: an example of a rhetorical device, in the sidebar */
      g_string_append_printf (markup, _("<i>Example:</i> %s"), escaped);
    }
  if (tag != NULL && peitho_tag_get_group_id (tag) != NULL)
    {
      PeithoDocument *document = peitho_count_model_get_document (self->model);
      PeithoTagGroup *group = peitho_tag_set_lookup_group (peitho_document_get_tag_set (document),
                                                           peitho_tag_get_group_id (tag));
      if (group != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (peitho_tag_group_get_label (group), -1);

          if (markup->len > 0)
            g_string_append (markup, "\n");
          /* Translators: the group of a tag, e.g. "Group: Figures of speech" */
          g_string_append_printf (markup, _("<small>Group: %s</small>"), escaped);
        }
    }

  gtk_label_set_markup (self->tag_details, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_details), markup->len > 0);
}

static void
update_passages_title (PeithoSidebar *self)
{
  PeithoCountItem *item = NULL;
  guint n;
  g_autofree char *text = NULL;

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (self->selected_id != NULL && self->model != NULL)
    item = peitho_count_model_lookup (self->model, self->selected_id);

  gtk_widget_set_visible (GTK_WIDGET (self->passages_box), item != NULL);
  if (item == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->passages));
  /* Translators: "Metaphor — 3 passages" */
  text = g_strdup_printf (ngettext ("%s — %u passage", "%s — %u passages", n),
                          peitho_count_item_get_label (item), n);
  gtk_label_set_label (self->passages_title, text);
  update_tag_details (self, item);
}

static gboolean
passage_filter_func (gpointer item,
                     gpointer user_data)
{
  PeithoSidebar *self = user_data;
  PeithoAnnotation *annotation = item;
  const char *tag_id = peitho_annotation_get_tag_id (annotation);
  PeithoDocument *document;
  PeithoTag *tag;

  if (self->selected_id == NULL)
    return FALSE;
  if (g_strcmp0 (tag_id, self->selected_id) == 0)
    return TRUE;

  /* A group lists the passages of all its tags. */
  document = peitho_count_model_get_document (self->model);
  tag = peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document), tag_id);
  return tag != NULL && g_strcmp0 (peitho_tag_get_group_id (tag), self->selected_id) == 0;
}

static void
set_selected_id (PeithoSidebar *self,
                 const char    *id)
{
  g_assert (PEITHO_IS_SIDEBAR (self));

  if (g_strcmp0 (self->selected_id, id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);

  /* Nothing selected: no filtering of a possibly huge list at all. */
  if (id == NULL || self->model == NULL)
    gtk_filter_list_model_set_model (self->passages, NULL);
  else
    {
      PeithoDocument *document = peitho_count_model_get_document (self->model);

      gtk_filter_list_model_set_model (self->passages, peitho_document_get_annotations (document));
      gtk_filter_changed (GTK_FILTER (self->passages_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  update_passages_title (self);
}

static void
counts_selection_changed_cb (PeithoSidebar *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->counts_selection);
  g_autoptr(PeithoCountItem) item = NULL;

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (row != NULL)
    item = gtk_tree_list_row_get_item (row);

  set_selected_id (self, item ? peitho_count_item_get_id (item) : NULL);
}

static void
passages_activate_cb (PeithoSidebar *self,
                      guint          position)
{
  g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->passages), position);

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (annotation != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, annotation);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = peitho_count_item_get_children (item);

  return children ? g_object_ref (children) : NULL;
}

static void
setup_count_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_child (item, peitho_count_row_new ());
}

static void
bind_count_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  peitho_count_row_set_list_row (PEITHO_COUNT_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_count_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  peitho_count_row_set_list_row (PEITHO_COUNT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The passages and the notes list show the same rows. */
static void
setup_passage_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_child (item, peitho_passage_row_new (TRUE));
}

static void
bind_passage_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PeithoSidebar            *self)
{
  g_assert (PEITHO_IS_SIDEBAR (self));

  peitho_passage_row_set_annotation (PEITHO_PASSAGE_ROW (gtk_list_item_get_child (item)),
                                     peitho_count_model_get_document (self->model),
                                     gtk_list_item_get_item (item));
}

static void
unbind_passage_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  peitho_passage_row_set_annotation (PEITHO_PASSAGE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static gboolean
note_filter_func (gpointer item,
                  gpointer user_data)
{
  const char *note = peitho_annotation_get_note (item);

  return note != NULL && note[0] != '\0';
}

static void
update_notes_title (PeithoSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  g_autofree char *text = g_strdup_printf (ngettext ("%u note", "%u notes", n), n);

  g_assert (PEITHO_IS_SIDEBAR (self));

  gtk_label_set_label (self->notes_title, text);
}

static void
annotation_changed_cb (PeithoSidebar *self)
{
  g_assert (PEITHO_IS_SIDEBAR (self));

  /* A note written or cleared: the filter's answer may change. */
  gtk_filter_changed (GTK_FILTER (self->notes_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
notes_activate_cb (PeithoSidebar *self,
                   guint          position)
{
  g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->notes), position);

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (annotation != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, annotation);
}

static void
outline_activate_cb (PeithoSidebar *self,
                     guint          position)
{
  g_assert (PEITHO_IS_SIDEBAR (self));

  peitho_sidebar_activate_outline (self, position);
}

#define OUTLINE_INDENT_PX 16

static void
setup_outline_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_outline_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  PeithoOutlineItem *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint level = peitho_outline_item_get_level (entry);

  g_assert (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_assert (GTK_IS_LIST_ITEM (item));

  gtk_label_set_label (GTK_LABEL (label), peitho_outline_item_get_label (entry));
  gtk_widget_set_margin_start (label, (int) (level - 1) * OUTLINE_INDENT_PX);
  if (level == 1)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
update_outline (PeithoSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  gboolean has_outline;

  g_assert (PEITHO_IS_SIDEBAR (self));

  g_clear_object (&self->outline);
  self->outline = peitho_outline_model_new (self->document);
  gtk_list_view_set_model (self->outline_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->outline))));
  g_object_unref (gtk_list_view_get_model (self->outline_view));

  has_outline = g_list_model_get_n_items (self->outline) > 0;
  if (!has_outline && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "outline") == 0)
    gtk_stack_set_visible_child_name (self->stack, "tags");
  g_object_set (self->outline_page, "visible", has_outline, NULL);
}

static void
update_relations_title (PeithoSidebar *self)
{
  guint n = self->model ? peitho_count_model_get_n_relations (self->model) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u relation", "%u relations", n), n);

  g_assert (PEITHO_IS_SIDEBAR (self));

  gtk_label_set_label (self->relations_title, text);
}

/* The annotators and relation types: a label and a count each. */
static GtkListItemFactory *
plain_factory (void)
{
  return gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE "/ui/peitho-count-list-item.ui");
}

static void
peitho_sidebar_dispose (GObject *object)
{
  PeithoSidebar *self = (PeithoSidebar *)object;
  GtkWidget *child;

  g_assert (PEITHO_IS_SIDEBAR (object));

  /* Before the pages go: the stack tells of its last visible child. */
  g_clear_pointer (&self->lazy_lists, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_SIDEBAR);
  /* The template's root box is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->counts_selection);
  g_clear_object (&self->passages);
  g_clear_object (&self->notes);
  g_clear_object (&self->outline);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (peitho_sidebar_parent_class)->dispose (object);
}

static void
peitho_sidebar_finalize (GObject *object)
{
  PeithoSidebar *self = (PeithoSidebar *)object;

  g_assert (PEITHO_IS_SIDEBAR (object));

  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (peitho_sidebar_parent_class)->finalize (object);
}

static void
peitho_sidebar_class_init (PeithoSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_sidebar_dispose;
  object_class->finalize = peitho_sidebar_finalize;

  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PEITHO_TYPE_ANNOTATION);
  signals[OUTLINE_ACTIVATED] =
    g_signal_new ("outline-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PEITHO_TYPE_OUTLINE_ITEM);

  /* Named in peitho-count-list-item.ui. */
  g_type_ensure (PEITHO_TYPE_COUNT_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, total_label);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, counts_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, passages_box);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, passages_title);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, passages_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, tag_details);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, notes_title);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, outline_page);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, outline_view);
  gtk_widget_class_bind_template_callback (widget_class, outline_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, annotators_view);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, relations_title);
  gtk_widget_class_bind_template_child (widget_class, PeithoSidebar, relations_view);
  gtk_widget_class_bind_template_callback (widget_class, passages_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

/* A list view of the document's annotations seen through @filter (which the
 * returned model takes). The view holds the selection model, or, with
 * @selection, the caller does and gives it to the view when it is shown. */
static GtkFilterListModel *
filtered_list (PeithoSidebar      *self,
               GtkListView        *view,
               GtkCustomFilter    *filter,
               GCallback           items_changed,
               GCallback           setup,
               GCallback           bind,
               GCallback           unbind,
               GtkSelectionModel **selection_out)
{
  GtkFilterListModel *model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_assert (PEITHO_IS_SIDEBAR (self));

  gtk_filter_list_model_set_incremental (model, FALSE);
  g_signal_connect_swapped (model, "items-changed", items_changed, self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)));
  if (selection_out != NULL)
    *selection_out = GTK_SELECTION_MODEL (g_steal_pointer (&selection));
  else
    gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", unbind, NULL);
  gtk_list_view_set_factory (view, factory);
  return model;
}

/* The lazy lists (Notes, the passages to discuss) have rows only while
 * their page is shown: a stack measures its hidden pages too, and a list
 * view that is measured makes rows. For a document with thousands of notes
 * that was a fifth of opening it; for the passages to discuss, a fourth of
 * every tag action in a seminar. */
static void
visible_page_cb (PeithoSidebar *self)
{
  GtkWidget *visible;

  g_assert (PEITHO_IS_SIDEBAR (self));

  if (self->lazy_lists == NULL)
    return;

  visible = gtk_stack_get_visible_child (self->stack);
  for (guint i = 0; i < self->lazy_lists->len; i++)
    {
      LazyList *lazy = g_ptr_array_index (self->lazy_lists, i);
      GtkSelectionModel *wanted = lazy->page == visible ? lazy->model : NULL;

      if (gtk_list_view_get_model (lazy->view) != wanted)
        gtk_list_view_set_model (lazy->view, wanted);
    }
}

static void
add_lazy_list (PeithoSidebar     *self,
               GtkWidget         *page,
               GtkListView       *view,
               GtkSelectionModel *model)
{
  LazyList *lazy = g_new0 (LazyList, 1);

  g_assert (PEITHO_IS_SIDEBAR (self));
  g_assert (gtk_widget_is_ancestor (GTK_WIDGET (view), page));

  lazy->page = page;
  lazy->view = view;
  lazy->model = g_object_ref (model);
  g_ptr_array_add (self->lazy_lists, lazy);
  visible_page_cb (self);
}

static void
peitho_sidebar_init (PeithoSidebar *self)
{
  GtkListItemFactory *factory;
  GtkSelectionModel *notes_selection = NULL;

  g_assert (PEITHO_IS_SIDEBAR (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_count_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_count_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_count_row_cb), NULL);
  gtk_list_view_set_factory (self->counts_view, factory);
  g_object_unref (factory);

  self->counts_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->counts_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->counts_selection, TRUE);
  g_signal_connect_swapped (self->counts_selection, "selection-changed",
                            G_CALLBACK (counts_selection_changed_cb), self);
  g_signal_connect_swapped (self->counts_selection, "items-changed",
                            G_CALLBACK (counts_selection_changed_cb), self);
  gtk_list_view_set_model (self->counts_view, GTK_SELECTION_MODEL (self->counts_selection));

  self->passages_filter = gtk_custom_filter_new (passage_filter_func, self, NULL);
  self->passages = filtered_list (self, self->passages_view, self->passages_filter,
                                  G_CALLBACK (update_passages_title),
                                  G_CALLBACK (setup_passage_cb), G_CALLBACK (bind_passage_cb),
                                  G_CALLBACK (unbind_passage_cb), NULL);
  self->notes_filter = gtk_custom_filter_new (note_filter_func, NULL, NULL);
  self->notes = filtered_list (self, self->notes_view, self->notes_filter,
                               G_CALLBACK (update_notes_title),
                               G_CALLBACK (setup_passage_cb), G_CALLBACK (bind_passage_cb),
                               G_CALLBACK (unbind_passage_cb), &notes_selection);
  self->lazy_lists = g_ptr_array_new_with_free_func (lazy_list_free);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  add_lazy_list (self, gtk_stack_get_child_by_name (self->stack, "notes"), self->notes_view,
                 notes_selection);
  g_object_unref (notes_selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_cb), NULL);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);
  update_outline (self);

  factory = plain_factory ();
  gtk_list_view_set_factory (self->annotators_view, factory);
  g_object_unref (factory);
  factory = plain_factory ();
  gtk_list_view_set_factory (self->relations_view, factory);
  g_object_unref (factory);

  update_total (self);
  update_passages_title (self);
  update_notes_title (self);
  update_relations_title (self);
}

GtkWidget *
peitho_sidebar_new (void)
{
  return g_object_new (PEITHO_TYPE_SIDEBAR, NULL);
}

void
peitho_sidebar_set_model (PeithoSidebar    *self,
                          PeithoCountModel *model)
{
  g_autoptr(GtkTreeListModel) tree = NULL;

  g_return_if_fail (PEITHO_IS_SIDEBAR (self));

  if (self->model == model)
    return;

  set_selected_id (self, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->model, model);
  g_set_object (&self->document, model ? (gpointer) peitho_count_model_get_document (model) : NULL);
  gtk_filter_list_model_set_model (self->notes, self->document ? peitho_document_get_annotations (self->document) : NULL);
  gtk_list_view_set_model (self->annotators_view,
                           model ? GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (peitho_count_model_get_annotators (model))))
                                 : NULL);
  gtk_list_view_set_model (self->relations_view,
                           model ? GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (peitho_count_model_get_relation_types (model))))
                                 : NULL);
  if (model != NULL)
    {
      g_object_unref (gtk_list_view_get_model (self->annotators_view));
      g_object_unref (gtk_list_view_get_model (self->relations_view));
      g_signal_connect_swapped (model, "notify::n-relations", G_CALLBACK (update_relations_title), self);
      g_signal_connect_swapped (self->document, "annotation-changed", G_CALLBACK (annotation_changed_cb), self);
    }
  update_notes_title (self);
  update_relations_title (self);
  update_outline (self);

  if (model != NULL)
    {
      g_signal_connect_swapped (model, "notify::total", G_CALLBACK (update_total), self);
      tree = gtk_tree_list_model_new (g_object_ref (peitho_count_model_get_groups (model)),
                                      FALSE, TRUE, create_children_cb, NULL, NULL);
    }
  gtk_single_selection_set_model (self->counts_selection, G_LIST_MODEL (tree));
  gtk_single_selection_set_selected (self->counts_selection, GTK_INVALID_LIST_POSITION);

  update_total (self);
}

GListModel *
peitho_sidebar_get_count_model (PeithoSidebar *self)
{
  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->model);
}

gboolean
peitho_sidebar_select (PeithoSidebar *self,
                       const char    *tag_or_group_id)
{
  GListModel *rows;
  guint n;

  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), FALSE);

  if (tag_or_group_id == NULL)
    {
      gtk_single_selection_set_selected (self->counts_selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }

  rows = G_LIST_MODEL (self->counts_selection);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(PeithoCountItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (peitho_count_item_get_id (item), tag_or_group_id) == 0)
        {
          gtk_single_selection_set_selected (self->counts_selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
peitho_sidebar_get_selected_id (PeithoSidebar *self)
{
  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  return self->selected_id;
}

GListModel *
peitho_sidebar_get_passages_model (PeithoSidebar *self)
{
  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  return self->selected_id ? G_LIST_MODEL (self->passages) : NULL;
}

/* The notes list: annotations with a note, in document order. */
GListModel *
peitho_sidebar_get_notes_model (PeithoSidebar *self)
{
  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->notes);
}

void
peitho_sidebar_show_page (PeithoSidebar *self,
                          const char    *name)
{
  g_return_if_fail (PEITHO_IS_SIDEBAR (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

GtkStackPage *
peitho_sidebar_add_page (PeithoSidebar     *self,
                         const char        *name,
                         const char        *title,
                         GtkWidget         *child,
                         GtkListView       *lazy_list,
                         GtkSelectionModel *model)
{
  GtkStackPage *page;

  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (name != NULL && title != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (lazy_list == NULL || GTK_IS_LIST_VIEW (lazy_list), NULL);
  g_return_val_if_fail ((lazy_list == NULL) == (model == NULL), NULL);

  page = gtk_stack_add_titled (self->stack, child, name, title);
  if (lazy_list != NULL)
    add_lazy_list (self, child, lazy_list, model);
  return page;
}

void
peitho_sidebar_add_to_overview (PeithoSidebar *self,
                                GtkWidget     *child)
{
  g_return_if_fail (PEITHO_IS_SIDEBAR (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->annotators_view))), child);
}

void
peitho_sidebar_activate_note (PeithoSidebar *self,
                              guint          position)
{
  g_return_if_fail (PEITHO_IS_SIDEBAR (self));
  notes_activate_cb (self, position);
}

GListModel *
peitho_sidebar_get_outline_model (PeithoSidebar *self)
{
  g_return_val_if_fail (PEITHO_IS_SIDEBAR (self), NULL);
  return self->outline;
}

void
peitho_sidebar_activate_outline (PeithoSidebar *self,
                                 guint          position)
{
  g_autoptr(PeithoOutlineItem) item = NULL;

  g_return_if_fail (PEITHO_IS_SIDEBAR (self));

  item = g_list_model_get_item (self->outline, position);
  if (item != NULL)
    g_signal_emit (self, signals[OUTLINE_ACTIVATED], 0, item);
}
