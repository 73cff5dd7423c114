/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-drafts.h"
#include "peitho-window-private.h"

#define MAX_PROBLEMS_SHOWN 30

typedef enum {
  SAVE_KIND_SAVE,
  SAVE_KIND_EXPORT,
} SaveKind;

typedef struct {
  PeithoWindow *self;
  GFile        *file;
  gboolean      is_draft;
} LoadData;

typedef struct {
  PeithoWindow *self;
  GFile        *file;
  SaveKind      kind;
} SaveData;

static void
load_data_free (LoadData *data)
{
  g_assert (data != NULL);

  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
save_data_free (SaveData *data)
{
  g_assert (data != NULL);

  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

void
peitho_window_toast (PeithoWindow *self,
                      const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_peitho_window_show_error (PeithoWindow *self,
                           const char   *heading,
                           const char   *message)
{
  GtkWidget *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PeithoWindow *self = PEITHO_WINDOW (widget);
  GString *body = g_string_new (NULL);
  GtkWidget *dialog;

  g_assert (PEITHO_IS_WINDOW (widget));

  if (self->problems == NULL || self->problems->len == 0)
    return;

  for (guint i = 0; i < self->problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (self->problems, i));
  if (self->problems->len > MAX_PROBLEMS_SHOWN)
    {
      guint more = self->problems->len - MAX_PROBLEMS_SHOWN;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("… and %u more problem", "… and %u more problems", more), more);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Problems While Reading"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (body, TRUE);
}

void
_peitho_window_report_problems (PeithoWindow *self,
                                GPtrArray    *problems)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_assert (PEITHO_IS_WINDOW (self));

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems == NULL || problems->len == 0)
    return;

  self->problems = g_ptr_array_ref (problems);
  g_free (self->last_error);
  self->last_error = g_strdup (g_ptr_array_index (problems, 0));

  title = g_strdup_printf (ngettext ("%u problem while reading: %s", "%u problems while reading: %s",
                                     problems->len),
                           problems->len, (char *) g_ptr_array_index (problems, 0));
  escaped = g_markup_escape_text (title, -1);
  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-problems");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  PeithoWindow *self = data->self;
  g_autoptr(PeithoDocumentSession) session = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  session = peitho_document_session_load_finish (result, &problems, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _peitho_window_set_loading (self, FALSE);

  if (session == NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      if (self->session == NULL)
        gtk_stack_set_visible_child_name (self->stack, "welcome");
      _peitho_window_show_error (self, heading, error->message);
      return;
    }

  _peitho_window_set_session (self, session);
  if (!data->is_draft)
    add_recent (data->file);

  _peitho_window_report_problems (self, problems);
}

static LoadData *
start_load (PeithoWindow *self,
            GFile        *file,
            gboolean      is_draft)
{
  LoadData *data;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  _peitho_window_set_loading (self, TRUE);
  if (self->session == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->is_draft = is_draft;
  return data;
}

void
peitho_window_open_file (PeithoWindow *self,
                         GFile        *file)
{
  g_autoptr(PeithoTagSet) tag_set = NULL;
  LoadData *data;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A text becomes a document with the user's chosen tag set. */
  tag_set = _peitho_window_dup_default_tag_set (self);
  data = start_load (self, file, FALSE);
  peitho_document_session_load_async (file, tag_set, PEITHO_LOAD_DEFAULT, self->load_cancellable, load_cb, data);
}

void
peitho_window_open_draft (PeithoWindow *self,
                          const char   *draft_id,
                          GFile        *draft_file,
                          GFile        *original,
                          gboolean      original_is_tei)
{
  LoadData *data;

  g_return_if_fail (PEITHO_IS_WINDOW (self));
  g_return_if_fail (draft_id != NULL);
  g_return_if_fail (G_IS_FILE (draft_file));

  data = start_load (self, draft_file, TRUE);
  peitho_document_session_load_draft_async (draft_id, draft_file, original, original_is_tei,
                                            self->load_cancellable, load_cb, data);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PeithoWindow    *self)
{
  g_autoptr(GListModel) files = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (dialog));
  g_assert (PEITHO_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          /* Unsaved work is never replaced: it opens beside it. */
          if (i == 0 && !peitho_window_get_modified (self) && !self->loading)
            peitho_window_open_file (self, file);
          else
            peitho_application_open_in_new_window (PEITHO_APPLICATION (g_application_get_default ()), file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (documents, _("Texts and TEI Documents"));
  gtk_file_filter_add_mime_type (documents, "text/plain");
  gtk_file_filter_add_mime_type (documents, "application/xml");
  gtk_file_filter_add_mime_type (documents, "text/xml");
  gtk_file_filter_add_mime_type (documents, "application/tei+xml");
  gtk_file_filter_add_suffix (documents, "txt");
  gtk_file_filter_add_suffix (documents, "xml");
  /* Other tools' annotations, opened with their text. */
  gtk_file_filter_add_suffix (documents, "ann");
  gtk_file_filter_add_suffix (documents, "tsv");
  gtk_file_chooser_add_filter (chooser, documents);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

void
_peitho_window_open (PeithoWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Text"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PeithoDocumentSession *session = PEITHO_DOCUMENT_SESSION (object);
  g_autoptr(SaveData) data = user_data;
  PeithoWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  gboolean saved;

  g_assert (PEITHO_IS_DOCUMENT_SESSION (object));

  if (data->kind == SAVE_KIND_EXPORT)
    saved = peitho_document_session_export_finish (session, result, &error);
  else
    saved = peitho_document_session_save_finish (session, result, &error);

  if (!saved)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      self->close_after_save = FALSE;
      _peitho_window_show_error (self, heading, error->message);
      return;
    }

  if (data->kind == SAVE_KIND_EXPORT)
    {
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
      peitho_window_toast (self, message);
      return;
    }

  add_recent (data->file);
  if (self->close_after_save && !peitho_window_get_modified (self))
    gtk_window_close (GTK_WINDOW (self));
  self->close_after_save = FALSE;
}

/* The targets of win.export: what each writes, under which name. */
typedef struct {
  const char         *target;
  PeithoExportFormat  format;
  const char         *suffix;
} ExportTarget;

static const ExportTarget exports[] = {
  { "tei", PEITHO_EXPORT_TEI_STANDOFF, ".xml" },
  { "inline", PEITHO_EXPORT_TEI_INLINE, "-inline.xml" },
  { "csv", PEITHO_EXPORT_CSV, ".csv" },
  { "html", PEITHO_EXPORT_HTML, ".html" },
  { "tei-annotation", PEITHO_EXPORT_TEI_ANNOTATION, "-annotations.xml" },
  { "webanno-tsv", PEITHO_EXPORT_WEBANNO_TSV, ".tsv" },
  { "brat", PEITHO_EXPORT_BRAT, ".ann" },
};

/* TEI for an unknown target. */
static const ExportTarget *
lookup_export (const char *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_strcmp0 (exports[i].target, target) == 0)
      return &exports[i];
  return &exports[0];
}

static void
save_to (PeithoWindow *self,
         GFile        *file,
         SaveKind      kind,
         const char   *format)
{
  SaveData *data;

  g_assert (PEITHO_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));
  g_assert (self->session != NULL);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->kind = kind;

  if (kind == SAVE_KIND_SAVE)
    peitho_document_session_save_async (self->session, file, NULL, saved_cb, data);
  else
    peitho_document_session_export_async (self->session, file, lookup_export (format)->format,
                                          NULL, saved_cb, data);
}

typedef struct {
  PeithoWindow *self;
  SaveKind      kind;
  char         *format;
} ChooseData;

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  ChooseData *data = user_data;
  PeithoWindow *self = data->self;

  g_assert (GTK_IS_NATIVE_DIALOG (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (self->session != NULL)
        save_to (self, file, data->kind, data->format);
    }
  else
    self->close_after_save = FALSE;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_free (data->format);
  g_free (data);
}

char *
_peitho_window_suggest_name (PeithoWindow *self,
                             const char   *extension)
{
  GFile *named = _peitho_window_get_named_file (self);
  g_autofree char *basename = named ? g_file_get_basename (named) : g_strdup (_("Untitled"));
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_strconcat (basename, extension, NULL);
}

static void
choose_and_save (PeithoWindow *self,
                 SaveKind      kind,
                 const char   *format)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  GFile *named = _peitho_window_get_named_file (self);
  ChooseData *data;

  g_assert (PEITHO_IS_WINDOW (self));

  if (self->test_save_file != NULL)
    {
      save_to (self, self->test_save_file, kind, format);
      return;
    }

  chooser = gtk_file_chooser_native_new (kind == SAVE_KIND_EXPORT ? _("Export") : _("Save As"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         kind == SAVE_KIND_EXPORT ? _("_Export") : _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  name = _peitho_window_suggest_name (self, lookup_export (format)->suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  if (named != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (named);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }

  data = g_new0 (ChooseData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;
  data->format = g_strdup (format);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_peitho_window_save (PeithoWindow *self,
                     gboolean      save_as)
{
  g_autoptr(GFile) reading = NULL;
  GFile *file;

  if (self->session == NULL)
    return;

  /* An imported text has no TEI file yet: saving asks for one, and never
   * writes over the text. A student's reading goes beside the assignment. */
  reading = _peitho_window_seminar_dup_save_file (self);
  file = reading != NULL ? reading : peitho_document_session_get_file (self->session);
  if (!save_as && file != NULL)
    save_to (self, file, SAVE_KIND_SAVE, "tei");
  else
    choose_and_save (self, SAVE_KIND_SAVE, "tei");
}

void
_peitho_window_export (PeithoWindow *self,
                       const char   *format)
{
  if (self->session == NULL)
    return;

  choose_and_save (self, SAVE_KIND_EXPORT, format);
}

void
_peitho_window_reload (PeithoWindow *self)
{
  GFile *file;

  if (self->session == NULL)
    return;

  peitho_document_session_set_changed_on_disk (self->session, FALSE);
  if ((file = peitho_document_session_get_file (self->session)) != NULL)
    {
      g_autoptr(GFile) reloaded = g_object_ref (file);
      peitho_window_open_file (self, reloaded);
    }
}

void
_peitho_window_keep_first_lines (PeithoWindow *self)
{
  g_autoptr(PeithoTagSet) tag_set = NULL;
  g_autoptr(GFile) source = NULL;
  LoadData *data;

  g_assert (PEITHO_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->front_matter_banner, FALSE);
  if (self->session == NULL || !peitho_document_session_get_imported (self->session))
    return;

  /* Replaces the document: only an unchanged one (the bar goes with the
   * first change). */
  source = g_object_ref (peitho_document_session_get_source (self->session));
  tag_set = _peitho_window_dup_default_tag_set (self);
  data = start_load (self, source, FALSE);
  peitho_document_session_load_async (source, tag_set, PEITHO_LOAD_NO_FRONT_MATTER,
                                      self->load_cancellable, load_cb, data);
}

/*
 * Closing
 */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PeithoWindow     *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (PEITHO_IS_WINDOW (self));

  if (g_str_equal (response, "discard"))
    {
      if (self->session != NULL)
        peitho_document_session_discard_draft (self->session);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _peitho_window_save (self, FALSE);
    }
}

gboolean
_peitho_window_close_request (PeithoWindow *self)
{
  GtkWidget *dialog;
  const char *title;

  if (self->close_confirmed || !peitho_window_get_modified (self))
    return FALSE;

  title = adw_window_title_get_title (self->window_title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved annotations. If you do not save them, they will be lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

void
_peitho_window_class_init_io (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
}
