/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-annotation-popover.h"
#include "peitho-annotation-view.h"
#include "peitho-document-session.h"
#include "peitho-sidebar.h"
#include "peitho-tag-chooser.h"
#include "peitho-tag-palette.h"
#include "peitho-utils.h"
#include "peitho-window-testing.h"

G_BEGIN_DECLS

struct _PeithoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwFlap              *flap;
  PeithoSidebar        *sidebar;
  PeithoAnnotationView *view;
  PeithoTagPalette     *palette;
  GtkRevealer          *palette_revealer;
  GtkProgressBar       *progress_bar;
  GtkSpinner           *spinner;
  GtkRevealer          *disk_banner;
  GtkRevealer          *front_matter_banner;
  AdwStatusPage        *welcome_page;
  GtkListBox           *recent_list;
  GtkWidget            *recent_group;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *sidebar_button;

  /* Created in code */
  PeithoAnnotationPopover *annotation_popover;
  PeithoTagChooser     *tag_chooser;
  GtkShortcutController *tag_shortcuts;
  GMenu                *tag_menu;
  GMenu                *library_menu;     /* "Use a Tag Set" */
  GMenu                *library_remove_section; /* "Remove a Tag Set", when any */
  GtkWidget            *relation_dialog;  /* weak */
  GtkWidget            *tag_set_editor;   /* weak */

  /* Owned */
  GSettings            *settings;
  PeithoDocumentSession *session;      /* NULL: the welcome page */
  GBindingGroup        *session_bindings;
  GSignalGroup         *session_signals;
  GSignalGroup         *tag_set_signals;  /* the session's tag set */
  GSignalGroup         *counts_signals;   /* the session's counts */
  GCancellable         *load_cancellable;
  GFile                *test_save_file;
  GPtrArray            *problems;      /* of the last load, for "Details" */
  char                 *last_error;
  char                 *last_toast;  /* for the tests */
  guint                 n_tasks;       /* the window's own background work */

  /* The seminar (peitho-window-seminar.c, peitho-window-collect.c) */
  PeithoAssignment     *assignment;      /* of a student's document, or NULL */
  GFile                *assignment_file; /* the assignment as opened */
  GtkRevealer          *assignment_banner;
  GtkLabel             *assignment_label;
  GtkWidget            *assignment_dialog; /* weak */
  GtkWidget            *name_dialog;       /* weak */
  GtkWidget            *duplicate_dialog;  /* weak */
  GtkWidget            *seminar_window;    /* weak: the last one collected */

  /* Compare (peitho-window-compare.c) */
  GtkMenuButton        *compare_button;
  GtkSourceGutterRenderer *heat_stripe;  /* the view's gutter holds it */
  GtkListBox           *students_list;
  GListStore           *students;        /* PeithoAnnotator: those compared */
  GSignalGroup         *compare_signals; /* the session's document */
  GListModel           *discussion;      /* PeithoDiscussionPassage, ranked */
  GtkSingleSelection   *discussion_selection;
  GtkStackPage         *discuss_page;
  GtkLabel             *discussion_empty;
  GtkLabel             *discussion_details;
  guint                 discussion_idle_id;   /* the rankings, to be made again */
  GdkFrameClock        *discussion_clock;     /* the frame awaited first */
  gulong                discussion_paint_id;
  guint                 discussion_fallback_id;
  GCancellable         *discussion_cancellable; /* of the computation under way */
  char                 *cursor_line_summary; /* the text view's accessible description */
  GtkWidget            *agreement_box;   /* on the Overview page */
  GtkLabel             *agreement_label;
  GtkLabel             *agreement_tags;
  GtkWidget            *agreement_map;
  GCancellable         *agreement_cancellable; /* of the computation under way */
  GtkWidget            *speaker_view;    /* on the Overview page */

  double                zoom_before;     /* presentation: the zoom to go back to */
  GtkLabel             *presentation_readers; /* who tagged the passage shown */

  guint                 anonymise : 1;
  guint                 presenting : 1;
  guint                 palette_was_shown : 1;
  guint                 was_fullscreen : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 loading : 1;
  guint                 busy : 1;
};

/* The session's history, or NULL on the welcome page. */
static inline PeithoHistory *
_peitho_window_get_history (PeithoWindow *self)
{
  return self->session != NULL ? peitho_document_session_get_history (self->session) : NULL;
}

/* peitho-window-actions.c */
void     _peitho_window_class_init_actions   (GtkWidgetClass *widget_class);
void     _peitho_window_init_actions         (PeithoWindow   *self);
void     _peitho_window_enable_document_actions (PeithoWindow *self);
void     _peitho_window_rebuild_tag_menus    (PeithoWindow   *self);
void     _peitho_window_select_annotation    (PeithoWindow     *self,
                                              PeithoAnnotation *annotation);

/* peitho-window-relations.c */
void     _peitho_window_class_init_relations (GtkWidgetClass   *widget_class);
void     _peitho_window_show_relations       (PeithoWindow     *self,
                                              PeithoAnnotation *annotation);

/* peitho-window-tag-sets.c */
void     _peitho_window_class_init_tag_sets  (GtkWidgetClass   *widget_class);
void     _peitho_window_init_tag_sets        (PeithoWindow     *self);
void     _peitho_window_rebuild_library_menu (PeithoWindow     *self);
/* The tag set of the last-tag-set setting (for imported texts), or NULL. */
PeithoTagSet *_peitho_window_dup_default_tag_set (PeithoWindow *self);

/* peitho-window-import.c */
void     _peitho_window_class_init_import    (GtkWidgetClass *widget_class);

/* peitho-window-io.c */
void     _peitho_window_class_init_io        (GtkWidgetClass *widget_class);
void     _peitho_window_open                 (PeithoWindow   *self);
void     _peitho_window_save                 (PeithoWindow   *self,
                                              gboolean        save_as);
void     _peitho_window_export               (PeithoWindow   *self,
                                              const char     *format);
gboolean _peitho_window_close_request        (PeithoWindow   *self);
void     _peitho_window_reload               (PeithoWindow   *self);
/* Imports the text again keeping its first lines in the text. */
void     _peitho_window_keep_first_lines     (PeithoWindow   *self);
void     _peitho_window_show_error           (PeithoWindow   *self,
                                              const char     *heading,
                                              const char     *message);
/* A toast of what a reading of the document got past (char *), with its
 * details a button away; nothing when @problems is empty. */
void     _peitho_window_report_problems      (PeithoWindow   *self,
                                              GPtrArray      *problems);

/* peitho-window-readings.c */
void     _peitho_window_init_readings        (PeithoWindow   *self);
/* After a new session is set: whether and which readings to switch to. */
void     _peitho_window_readings_session_set (PeithoWindow   *self);

/* peitho-window-seminar.c */
void     _peitho_window_class_init_seminar   (GtkWidgetClass *widget_class);
void     _peitho_window_init_seminar         (PeithoWindow   *self);
void     _peitho_window_dispose_seminar      (PeithoWindow   *self);
/* After a new session is set: the banner and name of an assignment. */
void     _peitho_window_seminar_session_set  (PeithoWindow   *self);
/* After the document actions are enabled: the tag set of an assignment. */
void     _peitho_window_seminar_update_actions (PeithoWindow *self);
/* Where Save writes a student's reading: beside the assignment, never over
 * it; NULL: not an assignment (the session's file). */
GFile   *_peitho_window_seminar_dup_save_file (PeithoWindow  *self);

/* peitho-window-collect.c */
void     _peitho_window_class_init_collect   (GtkWidgetClass *widget_class);
void     _peitho_window_collect_update_actions (PeithoWindow *self);

/* peitho-window-compare.c */
void     _peitho_window_class_init_compare   (GtkWidgetClass *widget_class);
void     _peitho_window_init_compare         (PeithoWindow   *self);
void     _peitho_window_dispose_compare      (PeithoWindow   *self);
/* After a new session is set: its students, passages to discuss. */
void     _peitho_window_compare_session_set  (PeithoWindow   *self);
/* An annotator's name, or "Student N" when the students are anonymised. */
char    *_peitho_window_compare_dup_display_name (PeithoWindow *self,
                                                  const char   *annotator_id);

/* peitho-window-agreement.c */
void     _peitho_window_init_agreement       (PeithoWindow   *self);
/* The students shown, or their names, changed: computes it again. */
void     _peitho_window_agreement_changed    (PeithoWindow   *self);
void     _peitho_window_dispose_agreement    (PeithoWindow   *self);

/* peitho-window-presentation.c */
void     _peitho_window_init_presentation    (PeithoWindow   *self);
/* After a new session is set: presenting needs a document. */
void     _peitho_window_presentation_update_actions (PeithoWindow *self);
/* The passage to discuss shown changed: @readers says who tagged what
 * there, one reader a line ("" for none). */
void     _peitho_window_presentation_set_readers (PeithoWindow *self,
                                                  const char   *readers);

/* peitho-window.c */
void     _peitho_window_set_session          (PeithoWindow          *self,
                                              PeithoDocumentSession *session);
void     _peitho_window_set_loading          (PeithoWindow          *self,
                                              gboolean               loading);
/* Background work of the window itself (reading a file to import): counts
 * as busy while under way. */
void     _peitho_window_set_busy             (PeithoWindow          *self,
                                              gboolean               busy);
/* The TEI file, else what was opened, else NULL. */
GFile   *_peitho_window_get_named_file       (PeithoWindow          *self);

G_END_DECLS
