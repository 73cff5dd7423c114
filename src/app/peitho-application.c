/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "peitho-application.h"
#include "peitho-drafts.h"
#include "peitho-preferences-window.h"
#include "peitho-window.h"

struct _PeithoApplication
{
  AdwApplication parent_instance;

  guint drafts_checked : 1;
};

G_DEFINE_FINAL_TYPE (PeithoApplication, peitho_application, ADW_TYPE_APPLICATION)

static PeithoWindow *
find_reusable_window (PeithoApplication *self)
{
  g_assert (PEITHO_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (PEITHO_IS_WINDOW (l->data) && peitho_window_is_reusable (l->data))
      return l->data;

  return NULL;
}

static PeithoWindow *
get_window_for_file (PeithoApplication *self)
{
  PeithoWindow *window = find_reusable_window (self);

  g_assert (PEITHO_IS_APPLICATION (self));

  if (window == NULL)
    window = peitho_window_new (self);

  return window;
}

void
peitho_application_open_in_new_window (PeithoApplication *self,
                                       GFile             *file)
{
  PeithoWindow *window;

  g_return_if_fail (PEITHO_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = get_window_for_file (self);
  peitho_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

/*
 * Drafts left by a previous session (a crash): offered back once at start.
 */

static void
drafts_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GPtrArray        *drafts)
{
  PeithoApplication *self = PEITHO_APPLICATION (g_application_get_default ());

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  for (guint i = 0; i < drafts->len; i++)
    {
      PeithoDraft *draft = g_ptr_array_index (drafts, i);

      if (g_str_equal (response, "restore"))
        {
          PeithoWindow *window = get_window_for_file (self);

          peitho_window_open_draft (window, draft->id, draft->file, draft->original,
                                    draft->original_is_tei);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        peitho_drafts_delete (draft->id);
    }
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PeithoApplication) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GString *body;
  GtkWindow *parent;
  GtkWidget *dialog;

  if (!(drafts = peitho_drafts_list_finish (result, &error)))
    {
      g_warning ("Could not look for drafts: %s", error->message);
      return;
    }
  if (drafts->len == 0)
    return;

  body = g_string_new (NULL);
  g_string_append_printf (body,
                          ngettext ("Peitho closed before %u document was saved. Its annotations can be restored.",
                                    "Peitho closed before %u documents were saved. Their annotations can be restored.",
                                    drafts->len),
                          drafts->len);
  for (guint i = 0; i < drafts->len && i < 10; i++)
    {
      PeithoDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *name = draft->original ? g_file_get_basename (draft->original) : NULL;

      g_string_append_printf (body, "\n• %s", draft->title ? draft->title : name ? name : _("Untitled Document"));
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Annotations?"), body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (drafts_response_cb),
                         g_steal_pointer (&drafts), (GClosureNotify) (void (*) (void)) g_ptr_array_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_drafts (PeithoApplication *self)
{
  g_assert (PEITHO_IS_APPLICATION (self));

  if (self->drafts_checked)
    return;

  self->drafts_checked = TRUE;
  peitho_drafts_list_async (NULL, drafts_listed_cb, g_object_ref (self));
}

static void
peitho_application_activate (GApplication *application)
{
  PeithoApplication *self = PEITHO_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (G_IS_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (peitho_window_new (self));

  gtk_window_present (window);
  check_drafts (self);
}

static void
peitho_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  PeithoApplication *self = PEITHO_APPLICATION (application);

  g_assert (G_IS_APPLICATION (application));

  for (int i = 0; i < n_files; i++)
    peitho_application_open_in_new_window (self, files[i]);

  check_drafts (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PeithoApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  g_assert (G_IS_SIMPLE_ACTION (action));

  /* Each window asks about its unsaved changes; the application ends when
   * the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  g_assert (G_IS_SIMPLE_ACTION (action));

  gtk_window_present (GTK_WINDOW (peitho_window_new (user_data)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PeithoApplication *self = user_data;
  static const char *developers[] = { "The Peitho authors", NULL };

  g_assert (G_IS_SIMPLE_ACTION (action));

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Peitho"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Peitho authors"),
                         "developers", developers,
                         "comments", _("Close reading and rhetorical annotation, saved as TEI"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_assert (G_IS_SIMPLE_ACTION (action));

  peitho_application_show_preferences (user_data);
}

void
peitho_application_show_preferences (PeithoApplication *self)
{
  GtkWidget *window;

  g_return_if_fail (PEITHO_IS_APPLICATION (self));

  window = peitho_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "new-window", new_window_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static const struct {
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.choose-tag", { "<Control>t", NULL } },
  { "win.show-annotations", { "<Control>i", NULL } },
  { "win.show-edition-note", { "<Control><Shift>i", NULL } },
  { "win.edit-note", { "<Control><Shift>n", NULL } },
  { "win.relations", { "<Control>l", NULL } },
  { "win.next-annotation", { "<Alt>Down", NULL } },
  { "win.previous-annotation", { "<Alt>Up", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.presentation", { "F11", NULL } },
  { "win.heat-summary", { "<Control><Shift>h", NULL } },
};

static void
peitho_application_startup (GApplication *application)
{
  PeithoApplication *self = PEITHO_APPLICATION (application);

  g_assert (G_IS_APPLICATION (application));

  G_APPLICATION_CLASS (peitho_application_parent_class)->startup (application);

  gtk_source_init ();
  g_set_application_name (_("Peitho"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action, app_accels[i].accels);
}

static void
peitho_application_class_init (PeithoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = peitho_application_startup;
  app_class->activate = peitho_application_activate;
  app_class->open = peitho_application_open;
}

static void
peitho_application_init (PeithoApplication *self)
{
}

PeithoApplication *
peitho_application_new (void)
{
  return g_object_new (PEITHO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
