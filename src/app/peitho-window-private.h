/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "peitho-annotation-popover.h"
#include "peitho-annotation-view.h"
#include "peitho-count-model.h"
#include "peitho-file-monitor.h"
#include "peitho-history.h"
#include "peitho-sidebar.h"
#include "peitho-tag-chooser.h"
#include "peitho-tag-palette.h"
#include "peitho-window.h"

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
  PeithoDocument       *document;
  PeithoTagSet         *tag_set;       /* the document's, watched for edits */
  GFile                *file;          /* TEI file we save to; NULL: never saved */
  GFile                *source;        /* what was opened */
  PeithoHistory        *history;
  PeithoCountModel     *counts;
  PeithoFileMonitor    *monitor;
  GCancellable         *load_cancellable;
  GFile                *test_save_file;
  GPtrArray            *problems;      /* of the last load, for "Details" */
  char                 *draft_id;
  char                 *last_error;
  guint                 autosave_id;
  guint                 busy;
  guint                 change_serial;
  guint                 saved_serial;

  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 loading : 1;
};

/* peitho-window-actions.c */
void     _peitho_window_class_init_actions   (GtkWidgetClass *widget_class);
void     _peitho_window_init_actions         (PeithoWindow   *self);
void     _peitho_window_update_actions       (PeithoWindow   *self);
void     _peitho_window_rebuild_tag_menus    (PeithoWindow   *self);
/* tag id -> accelerator: the tag-shortcuts setting, or the defaults. */
GHashTable *_peitho_window_collect_tag_accels (PeithoWindow  *self);
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
/* Applies the last-tag-set setting to a new document without annotations. */
void     _peitho_window_apply_default_tag_set (PeithoWindow    *self,
                                               PeithoDocument  *document);

/* peitho-window-import.c */
void     _peitho_window_class_init_import    (GtkWidgetClass *widget_class);
/* Reads @file in a worker thread, then asks before importing. */
void     _peitho_window_import_annotations_file (PeithoWindow *self,
                                                 GFile        *file);

/* peitho-window-io.c */
void     _peitho_window_class_init_io        (GtkWidgetClass *widget_class);
void     _peitho_window_open                 (PeithoWindow   *self);
void     _peitho_window_save                 (PeithoWindow   *self,
                                              gboolean        save_as);
void     _peitho_window_export               (PeithoWindow   *self,
                                              const char     *format);
gboolean _peitho_window_close_request        (PeithoWindow   *self);
void     _peitho_window_document_changed     (PeithoWindow   *self);
void     _peitho_window_reload               (PeithoWindow   *self);
void     _peitho_window_show_error           (PeithoWindow   *self,
                                              const char     *heading,
                                              const char     *message);
void     _peitho_window_toast                (PeithoWindow   *self,
                                              const char     *message);
void     _peitho_window_set_file             (PeithoWindow   *self,
                                              GFile          *file);
void     _peitho_window_discard_draft        (PeithoWindow   *self);

/* peitho-window.c */
void     _peitho_window_update_title         (PeithoWindow   *self);
void     _peitho_window_set_busy             (PeithoWindow   *self,
                                              gboolean        busy);

G_END_DECLS
