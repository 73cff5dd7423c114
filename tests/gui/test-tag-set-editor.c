/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The tag-set editor, tag-set export and import, and the library of tag
 * sets in a real (Xvfb) window. */

#include "gui-fixture.h"
#include <string.h>

#include "peitho-tag-set-editor.h"

static PeithoTagSetEditor *
open_editor (PeithoWindow *window)
{
  PeithoTagSetEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-tag-set", NULL));
  iterate ();
  editor = _peitho_window_get_tag_set_editor_for_testing (window);
  g_assert_nonnull (editor);
  return editor;
}

static PeithoTagSet *
tag_set_of (PeithoWindow *window)
{
  return peitho_document_get_tag_set (peitho_window_get_document (window));
}

static void
test_add_rename_recolour (Fixture       *f,
                          gconstpointer  data)
{
  PeithoTagSetEditor *editor = open_editor (f->window);
  PeithoTagPalette *palette = _peitho_window_get_palette_for_testing (f->window);
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
  PeithoTag *new_tag, *metaphor;
  GtkTextTag *text_tag_;
  GdkRGBA *background = NULL;
  guint n = peitho_tag_set_get_n_tags (tag_set_of (f->window));
  const char *group_id;

  metaphor = peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor");
  group_id = peitho_tag_get_group_id (metaphor);
  new_tag = peitho_tag_set_editor_add_tag (editor, group_id);
  g_assert_nonnull (new_tag);
  iterate ();
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set_of (f->window)), ==, n + 1);
  g_assert_true (peitho_window_get_modified (f->window));
  /* The palette and the counts know the new tag at once. */
  g_assert_nonnull (peitho_tag_palette_get_button (palette, peitho_tag_get_id (new_tag)));
  g_assert_cmpuint (count_of (f->window, peitho_tag_get_id (new_tag)), ==, 0);

  peitho_tag_set_label (new_tag, "Chiasmus");
  tag (f->window, 0, 4, peitho_tag_get_id (new_tag));
  g_assert_cmpuint (count_of (f->window, peitho_tag_get_id (new_tag)), ==, 1);

  /* Recolouring restyles the text tag. */
  tag (f->window, 5, 10, "metaphor");
  /* Adding replaced the set (undoably): look the tag up again. */
  metaphor = peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor");
  peitho_tag_set_color (metaphor, "#ff0000");
  iterate ();
  text_tag_ = text_tag (f->window, "metaphor");
  g_object_get (text_tag_, "background-rgba", &background, NULL);
  g_assert_nonnull (background);
  g_assert_cmpfloat (background->red, >, background->green + 0.2);
  g_assert_cmpfloat (background->red, >, background->blue + 0.2);
  gdk_rgba_free (background);
  assert_tag_over (buffer, text_tag_, 5, 10);

  /* Reorder: up at the top of a group moves into the previous group. */
  {
    PeithoTagGroup *group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
    g_autofree char *first = g_strdup (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)));
    g_autofree char *second = g_strdup (peitho_tag_get_id (peitho_tag_group_get_tag (group, 1)));

    peitho_tag_set_editor_move_tag (editor, peitho_tag_set_lookup_tag (tag_set_of (f->window), second), -1);
    iterate ();
    group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
    g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)), ==, second);
    g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 1)), ==, first);

    /* Each structural edit is one undoable step. */
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
    iterate ();
    group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
    g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)), ==, first);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
    iterate ();
    group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
    g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)), ==, second);
  }
  {
    PeithoTagGroup *g1 = peitho_tag_set_get_group (tag_set_of (f->window), 1);
    g_autofree char *top = g_strdup (peitho_tag_get_id (peitho_tag_group_get_tag (g1, 0)));
    PeithoTagGroup *g0 = peitho_tag_set_get_group (tag_set_of (f->window), 0);
    g_autofree char *g0_id = g_strdup (peitho_tag_group_get_id (g0));

    peitho_tag_set_editor_move_tag (editor, peitho_tag_set_lookup_tag (tag_set_of (f->window), top), -1);
    iterate ();
    g_assert_cmpstr (peitho_tag_get_group_id (peitho_tag_set_lookup_tag (tag_set_of (f->window), top)), ==, g0_id);
  }
  /* Adding a tag is undoable too; the annotation made with it kept it. */
  {
    guint before = peitho_tag_set_get_n_tags (tag_set_of (f->window));
    PeithoTag *extra = peitho_tag_set_editor_add_tag (editor, group_id);

    g_assert_nonnull (extra);
    iterate ();
    g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set_of (f->window)), ==, before + 1);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
    iterate ();
    g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set_of (f->window)), ==, before);
  }
}

/* Presses @keys (xdotool syntax) on the X server's keyboard, as a person
 * would: the key goes to the window that has the focus. */
static void
press_keys (const char *keys)
{
  const char *argv[] = { "xdotool", "key", keys, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool key %s failed: %s", keys, err);
}

static void
test_shortcut (Fixture       *f,
               gconstpointer  data)
{
  PeithoTagSetEditor *editor = open_editor (f->window);
  PeithoDocument *document = peitho_window_get_document (f->window);
  g_autoptr(GVariant) shortcuts = NULL;
  const char *accel = NULL;

  peitho_tag_set_editor_set_shortcut (editor, "irony", "<Control><Alt>i");
  shortcuts = g_settings_get_value (f->settings, "tag-shortcuts");
  g_assert_true (g_variant_lookup (shortcuts, "irony", "&s", &accel));
  g_assert_cmpstr (accel, ==, "<Control><Alt>i");
  /* The defaults of the others stay. */
  g_assert_cmpuint (g_variant_n_children (shortcuts), >=, 9);

  /* Applied at once: Ctrl+Alt+I pressed in the window tags the selection. */
  gtk_window_destroy (GTK_WINDOW (editor));
  select_range (f->window, 0, 4);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (gtk_window_is_active (GTK_WINDOW (f->window)));
  press_keys ("ctrl+alt+i");
  wait_until (peitho_document_get_n_annotations (document) == 1);
  {
    PeithoAnnotation *annotation = annotation_at (f->window, 0);

    g_assert_cmpstr (peitho_annotation_get_tag_id (annotation), ==, "irony");
    g_assert_cmpuint (peitho_annotation_get_start (annotation), ==, 0);
    g_assert_cmpuint (peitho_annotation_get_end (annotation), ==, 4);
  }
  g_assert_cmpuint (count_of (f->window, "irony"), ==, 1);

  g_settings_reset (f->settings, "tag-shortcuts");
}

static void
test_delete_in_use (Fixture       *f,
                    gconstpointer  data)
{
  PeithoTagSetEditor *editor = open_editor (f->window);
  PeithoDocument *document = peitho_window_get_document (f->window);
  GtkWidget *dialog;
  guint n_tags = peitho_tag_set_get_n_tags (tag_set_of (f->window));

  tag (f->window, 0, 4, "metaphor");
  tag (f->window, 5, 10, "metaphor");
  tag (f->window, 15, 20, "irony");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-relation", "(sss)",
                              peitho_annotation_get_id (annotation_at (f->window, 0)),
                              peitho_annotation_get_id (annotation_at (f->window, 2)), "supports");
  iterate ();

  /* Cancel: nothing happens. */
  dialog = peitho_tag_set_editor_delete_tag (editor, "metaphor");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "retag"));
  g_assert_true (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 annotations") != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  iterate ();
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor"));
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 2);

  /* Retag: the counts move to the chosen tag (the dropdown's first). */
  dialog = peitho_tag_set_editor_delete_tag (editor, "metaphor");
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (find_widget (dialog, GTK_TYPE_DROP_DOWN, NULL));
    GListModel *model = gtk_drop_down_get_model (dropdown);
    const char *irony = peitho_tag_get_label (peitho_tag_set_lookup_tag (tag_set_of (f->window), "irony"));
    guint chosen = GTK_INVALID_LIST_POSITION;

    /* The tags are offered by label. */
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

        if (g_strcmp0 (gtk_string_object_get_string (item), irony) == 0)
          chosen = i;
      }
    g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (dropdown, chosen);
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "retag");
  iterate ();
  g_assert_null (peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor"));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set_of (f->window)), ==, n_tags - 1);
  g_assert_cmpuint (count_of (f->window, "irony"), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);

  /* Undo brings the tag and its annotations' tag back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor"));
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 2);
  g_assert_cmpuint (count_of (f->window, "irony"), ==, 1);

  /* Delete the annotations with the tag (and their relation); undo. */
  dialog = peitho_tag_set_editor_delete_tag (editor, "metaphor");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  iterate ();
  g_assert_null (peitho_tag_set_lookup_tag (tag_set_of (f->window), "metaphor"));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 1);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 0);
  g_assert_cmpuint (total_of (f->window), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 3);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 1);
  g_assert_cmpuint (count_of (f->window, "metaphor"), ==, 2);
  {
    GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (f->window);
    GtkTextIter iter;

    /* Highlighted again: "Four" and "score", not the space between. */
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 0);
    g_assert_true (gtk_text_iter_has_tag (&iter, text_tag (f->window, "metaphor")));
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
    g_assert_false (gtk_text_iter_has_tag (&iter, text_tag (f->window, "metaphor")));
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 7);
    g_assert_true (gtk_text_iter_has_tag (&iter, text_tag (f->window, "metaphor")));
  }

  /* An unused tag goes at once, no question. */
  g_assert_null (peitho_tag_set_editor_delete_tag (editor, "ethos"));
  iterate ();
  g_assert_null (peitho_tag_set_lookup_tag (tag_set_of (f->window), "ethos"));
}

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "tagset.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeithoWindow *other;
  PeithoTag *irony;
  guint n;

  /* Shape the set, export it. */
  peitho_tag_set_label (peitho_tag_set_lookup_tag (tag_set_of (f->window), "irony"), "Dramatic Irony");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-tag", "(ss)", "ethos", "");
  iterate ();
  n = peitho_tag_set_get_n_tags (tag_set_of (f->window));
  g_assert_true (_peitho_window_export_tag_set_file (f->window, file, &error));
  g_assert_no_error (error);

  /* Another document uses ethos; importing keeps it. */
  other = open_window (f->text_file);
  tag (other, 0, 4, "ethos");
  tag (other, 5, 10, "irony");
  g_assert_true (_peitho_window_apply_tag_set_file (other, file, &error));
  g_assert_no_error (error);
  iterate ();
  irony = peitho_tag_set_lookup_tag (tag_set_of (other), "irony");
  g_assert_cmpstr (peitho_tag_get_label (irony), ==, "Dramatic Irony");
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set_of (other), "ethos"));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (tag_set_of (other)), ==, n + 1);
  g_assert_cmpuint (count_of (other, "ethos"), ==, 1);

  /* Undoable. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.undo", NULL);
  iterate ();
  g_assert_cmpstr (peitho_tag_get_label (peitho_tag_set_lookup_tag (tag_set_of (other), "irony")), !=,
                   "Dramatic Irony");
  destroy_window (other);
}

static void
test_library (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = NULL;
  PeithoWindow *other;

  peitho_tag_set_set_title (tag_set_of (f->window), "Seminar Set");
  peitho_tag_set_label (peitho_tag_set_lookup_tag (tag_set_of (f->window), "irony"), "Seminar Irony");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-tag-set", NULL));
  iterate ();

  entries = peitho_tag_set_library_list (NULL);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >=, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      PeithoTagSetEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->title, "Seminar Set") == 0)
        path = g_strdup (entry->path);
    }
  g_assert_nonnull (path);

  /* Apply it to another document: it becomes the default of new ones. */
  other = open_window (f->text_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.apply-tag-set", "s", path));
  iterate ();
  g_assert_cmpstr (peitho_tag_get_label (peitho_tag_set_lookup_tag (tag_set_of (other), "irony")), ==,
                   "Seminar Irony");
  {
    g_autofree char *last = g_settings_get_string (f->settings, "last-tag-set");
    g_assert_cmpstr (last, ==, path);
  }
  destroy_window (other);

  /* A newly imported text starts with it. */
  other = open_window (f->text_file);
  g_assert_cmpstr (peitho_tag_get_label (peitho_tag_set_lookup_tag (tag_set_of (other), "irony")), ==,
                   "Seminar Irony");
  destroy_window (other);
  g_settings_reset (f->settings, "last-tag-set");
}

/* The visible message dialog over @window, or NULL. */
/* Each row's buttons act on their own tag or group, through the editor's
 * actions with its id as target. */
static void
test_row_buttons (Fixture       *f,
                  gconstpointer  data)
{
  PeithoTagSetEditor *editor = open_editor (f->window);
  PeithoTagGroup *group = peitho_tag_set_get_group (tag_set_of (f->window), 0);
  g_autofree char *group_id = g_strdup (peitho_tag_group_get_id (group));
  g_autofree char *first = g_strdup (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)));
  g_autofree char *second = g_strdup (peitho_tag_get_id (peitho_tag_group_get_tag (group, 1)));
  guint n_tags = peitho_tag_group_get_n_tags (group);
  GtkWidget *button;

  /* "Move down" on the first tag. */
  button = find_action_button (GTK_WIDGET (editor), "editor.move-tag", g_variant_new ("(si)", first, 1));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
  g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 0)), ==, second);
  g_assert_cmpstr (peitho_tag_get_id (peitho_tag_group_get_tag (group, 1)), ==, first);

  /* "Add Tag" of the group (the rows were rebuilt: find it again). */
  button = find_action_button (GTK_WIDGET (editor), "editor.add-tag", g_variant_new_string (group_id));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  group = peitho_tag_set_lookup_group (tag_set_of (f->window), group_id);
  g_assert_cmpuint (peitho_tag_group_get_n_tags (group), ==, n_tags + 1);

  /* "Delete" on an unused tag deletes it at once. */
  button = find_action_button (GTK_WIDGET (editor), "editor.delete-tag", g_variant_new_string (first));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_null (peitho_tag_set_lookup_tag (tag_set_of (f->window), first));
  g_assert_nonnull (peitho_tag_set_lookup_tag (tag_set_of (f->window), second));

  /* The group "Move down" button moves the group. */
  button = find_action_button (GTK_WIDGET (editor), "editor.move-group", g_variant_new ("(si)", group_id, 1));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpstr (peitho_tag_group_get_id (peitho_tag_set_get_group (tag_set_of (f->window), 1)), ==, group_id);
}

static AdwMessageDialog *
message_dialog_of (PeithoWindow *window)
{
  GList *windows = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      dialog = l->data;
  g_list_free (windows);
  return dialog;
}

/* The "Remove “TITLE”…" item of the window's menu, as its target id, or NULL. */
static char *
remove_item_target (PeithoWindow *window,
                    const char   *title)
{
  GMenuModel *section = _peitho_window_get_library_remove_menu_for_testing (window);
  g_autofree char *label = g_strdup_printf ("Remove “%s”…", title);
  g_autoptr(GMenuModel) submenu = NULL;

  if (g_menu_model_get_n_items (section) == 0)
    return NULL;
  submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
  g_assert_nonnull (submenu);
  for (int i = 0; i < g_menu_model_get_n_items (submenu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      if (g_strcmp0 (item_label, label) != 0)
        continue;
      g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      g_assert_cmpstr (action, ==, "win.remove-library-tag-set");
      target = g_menu_model_get_item_attribute_value (submenu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      g_assert_nonnull (target);
      return g_variant_dup_string (target, NULL);
    }
  return NULL;
}

/* As a click on a response button does: adw_message_dialog_response() alone
 * leaves the dialog open. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

static gboolean
library_has (const char *path)
{
  g_autoptr(GPtrArray) entries = peitho_tag_set_library_list (NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((PeithoTagSetEntry *) g_ptr_array_index (entries, i))->path, path) == 0)
      return TRUE;
  return FALSE;
}

static void
test_library_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *last = NULL;
  AdwMessageDialog *dialog;

  peitho_tag_set_set_title (tag_set_of (f->window), "Set to Remove");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-tag-set", NULL));
  iterate ();
  entries = peitho_tag_set_library_list (NULL);
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      PeithoTagSetEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->title, "Set to Remove") == 0)
        {
          path = g_strdup (entry->path);
          id = g_strdup (entry->id);
        }
    }
  g_assert_nonnull (path);
  g_settings_set_string (f->settings, "last-tag-set", path);

  /* The menu offers it by name, which is also what a screen reader says. */
  {
    g_autofree char *target = remove_item_target (f->window, "Set to Remove");
    g_assert_cmpstr (target, ==, id);
  }

  /* Cancel keeps it. */
  g_assert_null (message_dialog_of (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-library-tag-set", "s", id));
  iterate ();
  dialog = message_dialog_of (f->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Set to Remove"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  save_screenshot (GTK_WIDGET (dialog), "library-remove");
  respond (dialog, "cancel");
  g_assert_true (library_has (path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Remove deletes the file, the menu item and the default that named it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-library-tag-set", "s", id));
  iterate ();
  dialog = message_dialog_of (f->window);
  g_assert_nonnull (dialog);
  respond (dialog, "remove");
  g_assert_false (library_has (path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (remove_item_target (f->window, "Set to Remove"));
  last = g_settings_get_string (f->settings, "last-tag-set");
  g_assert_cmpstr (last, ==, "");
  g_assert_null (message_dialog_of (f->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_init (&argc, &argv);
  int ret;

#define ADD(name, func) g_test_add ("/tag-set-editor/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-rename-recolour-move", test_add_rename_recolour);
  ADD ("shortcut", test_shortcut);
  ADD ("delete-in-use", test_delete_in_use);
  ADD ("row-buttons", test_row_buttons);
  ADD ("export-import", test_export_import);
  ADD ("library", test_library);
  ADD ("library-remove", test_library_remove);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&app);
  peitho_test_remove_tree (home);
  return ret;
}
