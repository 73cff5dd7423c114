/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#pragma GCC diagnostic ignored "-Wunused-function"

/* What the window tests share: an application, a window on a small text,
 * main-loop helpers. Static functions: each test binary includes it once. */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>

#include "peitho-application.h"
#include "peitho-count-model.h"
#include "peitho-highlighter.h"
#include "peitho-sidebar.h"
#include "peitho-tag-palette.h"
#include "peitho-window-testing.h"
#include "peitho-test-util.h"

#define TEXT \
  "Four score and seven years ago our fathers brought forth on this continent, a new nation.\n" \
  "\n" \
  "Now we are engaged in a great civil war, testing whether that nation can long endure.\n"

static PeithoApplication *app;

typedef struct {
  char         *dir;
  GFile        *text_file;
  PeithoWindow *window;
  GSettings    *settings;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* How long a wait may take before the test fails: generous, for the
 * sanitizer build on a busy machine. Every wait ends as soon as what it
 * waits for is there. */
#define WAIT_SECONDS 120

/* Runs the main loop until @condition (an expression) holds; fails, naming
 * it, after WAIT_SECONDS. */
#define wait_until(condition)                                                   \
  G_STMT_START {                                                                \
    gint64 wait_deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
                                                                                \
    for (;;)                                                                    \
      {                                                                         \
        iterate ();                                                             \
        if (condition)                                                          \
          break;                                                                \
        if (g_get_monotonic_time () > wait_deadline_)                           \
          g_error ("%s:%d: still not true after %d s: %s", __FILE__, __LINE__,  \
                   WAIT_SECONDS, #condition);                                   \
        g_usleep (1000);                                                        \
      }                                                                         \
  } G_STMT_END

/* The window has no load, save or draft under way, its highlighting is
 * done and its file monitor has settled. */
static gboolean
window_settled (PeithoWindow *window)
{
  PeithoDocumentSession *session = peitho_window_get_session (window);

  return !peitho_window_get_busy (window)
         && (session == NULL || peitho_document_session_get_monitor_settled (session));
}

/* Runs the main loop until window_settled(). */
static void
wait_for (PeithoWindow *window)
{
  wait_until (window_settled (window));
}

/* The first widget under @root (depth first, popovers included) that is a
 * @type and, when @label is not NULL, a button with that label or a
 * preferences row with that title; NULL if none. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *text = NULL;

          if (GTK_IS_BUTTON (child))
            text = gtk_button_get_label (GTK_BUTTON (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (label == NULL || g_strcmp0 (text, label) == 0)
            return child;
        }
      if ((found = find_widget (child, type, label)))
        return found;
    }
  return NULL;
}

/* The button under @root whose action is @action with @target (floating,
 * taken), or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    GVariant   *target)
{
  g_autoptr(GVariant) wanted = g_variant_ref_sink (target);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0
          && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)) != NULL
          && g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)), wanted))
        return child;
      if ((found = find_action_button (child, action, wanted)))
        return found;
    }
  return NULL;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A new window of @width × @height (-1: the size it restores) showing @file. */
static PeithoWindow *
open_sized_window (GFile *file,
                   int    width,
                   int    height)
{
  PeithoWindow *window = peitho_window_new (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  peitho_window_open_file (window, file);
  wait_for (window);
  g_assert_nonnull (peitho_window_get_document (window));

  return window;
}

static PeithoWindow *
open_window (GFile *file)
{
  return open_sized_window (file, -1, -1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const window_keys[] = { "tag-shortcuts", "show-sidebar", "zoom",
                                              "window-width", "window-height",
                                              "window-maximized" };
  g_autofree char *path = NULL;

  f->settings = g_settings_new (APP_ID);
  /* Exact ranges, except in the test of snapping. */
  g_settings_set_boolean (f->settings, "snap-to-words", FALSE);
  /* Drafts only in the tests of drafts, which shorten the delay: a draft
   * written whenever a busy machine makes a test outlast the default 3 s
   * would be work in flight that the test never asked for. */
  g_settings_set_uint (f->settings, "autosave-delay", 600);
  /* What a window saves as preferences: no test inherits an earlier one's. */
  for (guint i = 0; i < G_N_ELEMENTS (window_keys); i++)
    g_settings_reset (f->settings, window_keys[i]);

  f->dir = g_dir_make_tmp ("peitho-gui-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = write_file (f->dir, "text.txt", TEXT);
  f->text_file = g_file_new_for_path (path);
  f->window = open_window (f->text_file);
}

/* Closes @window once nothing is under way in it, and waits until it is
 * gone: a window still alive after gtk_window_destroy() (held by a save or a
 * draft in flight) keeps its timers and popovers, and GTK's tooltips and
 * crossing events can then meet a surface that no longer exists. */
static void
destroy_window (PeithoWindow *window)
{
  gpointer alive = window;

  wait_for (window);
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (alive == NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  g_clear_object (&f->text_file);
  g_clear_object (&f->settings);
  peitho_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
select_range (PeithoWindow *window,
              int           start,
              int           end)
{
  GtkTextBuffer *buffer = _peitho_window_get_buffer_for_testing (window);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

static void
tag (PeithoWindow *window,
     int           start,
     int           end,
     const char   *tag_id)
{
  select_range (window, start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "s", tag_id));
  iterate ();
}

/* Asserts that @tag covers exactly [start, end) of the buffer (nothing when
 * start == end). */
static void
assert_tag_over (GtkTextBuffer *buffer,
                 GtkTextTag    *text_tag,
                 int            start,
                 int            end)
{
  GtkTextIter iter;

  g_assert_nonnull (text_tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      int offset = gtk_text_iter_get_offset (&iter);
      gboolean expected = offset >= start && offset < end;

      if (gtk_text_iter_has_tag (&iter, text_tag) != expected)
        g_error ("Tag %s at offset %d, expected over [%d, %d)",
                 expected ? "missing" : "present", offset, start, end);
    }
  while (gtk_text_iter_forward_char (&iter));
}

static GtkTextTag *
text_tag (PeithoWindow *window,
          const char   *tag_id)
{
  return peitho_highlighter_get_text_tag (_peitho_window_get_highlighter_for_testing (window), tag_id);
}

static guint
count_of (PeithoWindow *window,
          const char   *tag_id)
{
  GListModel *model = peitho_window_get_count_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PeithoCountItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (peitho_count_item_get_id (item), tag_id) == 0)
        return peitho_count_item_get_count (item);
    }

  g_error ("No count for %s", tag_id);
  return 0;
}

static guint
total_of (PeithoWindow *window)
{
  return peitho_count_model_get_total (PEITHO_COUNT_MODEL (peitho_window_get_count_model (window)));
}

static PeithoAnnotation *
annotation_at (PeithoWindow *window,
               guint         position)
{
  GListModel *annotations = peitho_document_get_annotations (peitho_window_get_document (window));
  g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, position);

  g_assert_nonnull (annotation);
  /* The document holds it. */
  return annotation;
}

/* Moves the X server's pointer to the bottom-right corner of the screen,
 * away from where the test windows (at 0,0) and their popovers open, and
 * checks that it is there.
 *
 * Xvfb starts with the pointer in the middle of the screen, that is over
 * our windows and their popovers, where it would hover over whatever
 * opens there and give the tests crossing and tooltip events that depend
 * on the layout. No test here moves the pointer on purpose, so it parks
 * where nothing opens. (That did not end the test-window flake: an autohide
 * popover gets an enter event from its pointer grab wherever the pointer
 * is. The flake was a leaked popover: see test_finalize in test-window.c.) */
static void
park_pointer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  Window root, child_return, root_return;
  int root_x, root_y, child_x, child_y, width, height;
  unsigned int mask;

  g_assert_nonnull (display);
  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_message ("Not on X11: the pointer stays where it is");
      return;
    }

  xdisplay = gdk_x11_display_get_xdisplay (display);
  root = DefaultRootWindow (xdisplay);
  width = DisplayWidth (xdisplay, DefaultScreen (xdisplay));
  height = DisplayHeight (xdisplay, DefaultScreen (xdisplay));
  XWarpPointer (xdisplay, None, root, 0, 0, 0, 0, width - 1, height - 1);
  XSync (xdisplay, False);

  g_assert_true (XQueryPointer (xdisplay, root, &root_return, &child_return,
                                &root_x, &root_y, &child_x, &child_y, &mask));
  g_assert_cmpint (root_x, ==, width - 1);
  g_assert_cmpint (root_y, ==, height - 1);
}

/* Sets up the environment and the application: call first in main(). */
static char *
gui_test_init (int    *argc,
               char ***argv)
{
  const char *build_root = g_getenv ("PEITHO_BUILD_ROOT");
  g_autoptr(GError) error = NULL;
  char *home;

  if (build_root != NULL)
    {
      g_autofree char *schema_dir = g_build_filename (build_root, "data", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  /* Our own XDG_DATA_HOME (drafts, recent files), but the system's
   * XDG_DATA_DIRS: GTK needs the MIME database to load its icons, which
   * G_TEST_OPTION_ISOLATE_DIRS would hide. */
  home = g_dir_make_tmp ("peitho-gui-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  g_test_init (argc, argv, NULL);

  app = peitho_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  park_pointer ();

  return home;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until @widget is on screen with a size, and one frame more has
 * been painted (so that what changed before shows). */
static void
wait_for_paint (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong id;

  wait_until (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (painted);
  g_signal_handler_disconnect (clock, id);
}

/* With $PEITHO_SCREENSHOT_DIR set, renders @widget's window to NAME.png
 * there (to look at; the tests never compare pictures). */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PEITHO_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  wait_for_paint (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
