/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window tests reach inside a window: its parts, and the file
 * choosers' work without the choosers. Not for the application's own code
 * beyond the window's files. */

#include "peitho-annotation-view.h"
#include "peitho-highlighter.h"
#include "peitho-relation-dialog.h"
#include "peitho-sidebar.h"
#include "peitho-tag-palette.h"
#include "peitho-tag-set-editor.h"
#include "peitho-window.h"

G_BEGIN_DECLS

GtkTextBuffer        *_peitho_window_get_buffer_for_testing          (PeithoWindow *self);
PeithoHighlighter    *_peitho_window_get_highlighter_for_testing     (PeithoWindow *self);
PeithoAnnotationView *_peitho_window_get_view_for_testing            (PeithoWindow *self);
PeithoSidebar        *_peitho_window_get_sidebar_for_testing         (PeithoWindow *self);
PeithoTagPalette     *_peitho_window_get_palette_for_testing         (PeithoWindow *self);
/* The dialogs open now, or NULL. */
PeithoRelationDialog *_peitho_window_get_relation_dialog_for_testing (PeithoWindow *self);
PeithoTagSetEditor   *_peitho_window_get_tag_set_editor_for_testing  (PeithoWindow *self);
GMenuModel           *_peitho_window_get_library_remove_menu_for_testing (PeithoWindow *self);
/* The last error shown (dialog or toast), or NULL. */
const char           *_peitho_window_get_last_error_for_testing      (PeithoWindow *self);
/* The title of the last toast shown, or NULL. */
const char           *_peitho_window_get_last_toast_for_testing      (PeithoWindow *self);
/* Whether the "file changed on disk" bar is shown. */
gboolean              _peitho_window_get_changed_on_disk_for_testing (PeithoWindow *self);
/* Whether the bar offering to keep the first lines of a text is shown. */
gboolean              _peitho_window_get_front_matter_offered_for_testing (PeithoWindow *self);
/* The file that "Save As" and exports use instead of asking. */
void                  _peitho_window_set_save_file_for_testing       (PeithoWindow *self,
                                                                      GFile        *file);
/* The name "Save As" suggests (extension ".xml", ".csv", "-inline.xml"). */
char                 *_peitho_window_suggest_name                    (PeithoWindow *self,
                                                                      const char   *extension);

/* Tag sets from and to files (what the file choosers do). */
gboolean              _peitho_window_apply_tag_set_file              (PeithoWindow  *self,
                                                                      GFile         *file,
                                                                      GError       **error);
gboolean              _peitho_window_export_tag_set_file             (PeithoWindow  *self,
                                                                      GFile         *file,
                                                                      GError       **error);
/* Reads another tool's annotations from @file in a worker thread, then
 * asks before importing (what File > Import Annotations does). */
void                  _peitho_window_import_annotations_file         (PeithoWindow  *self,
                                                                      GFile         *file);

/* The seminar (peitho-window-seminar.c, peitho-window-collect.c): the
 * dialogs open now, or NULL. */
gpointer              _peitho_window_get_assignment_dialog_for_testing (PeithoWindow *self);
gpointer              _peitho_window_get_name_dialog_for_testing     (PeithoWindow *self);
gpointer              _peitho_window_get_duplicate_dialog_for_testing (PeithoWindow *self);
/* The last seminar window collected, or NULL. */
gpointer              _peitho_window_get_seminar_window_for_testing  (PeithoWindow *self);
/* The task shown in the banner, or NULL when there is none. */
const char           *_peitho_window_get_assignment_task_for_testing (PeithoWindow *self);
/* What "Collect Readings…" does with the chosen files (GFiles). */
void                  _peitho_window_collect_readings                (PeithoWindow *self,
                                                                      GListModel   *files);

/* Compare (peitho-window-compare.c): the students compared
 * (PeithoAnnotator), the passages to discuss (PeithoDiscussionPassage) and
 * their selection, who tagged what in the one shown, the filter's rows. */
GListModel           *_peitho_window_get_students_for_testing        (PeithoWindow *self);
GListModel           *_peitho_window_get_discussion_for_testing      (PeithoWindow *self);
GtkSingleSelection   *_peitho_window_get_discussion_selection_for_testing (PeithoWindow *self);
const char           *_peitho_window_get_discussion_details_for_testing (PeithoWindow *self);
GtkListBox           *_peitho_window_get_students_list_for_testing   (PeithoWindow *self);
/* What the text view's accessible description says of the cursor's line
 * while comparing (the heat stripe's summary), or NULL. */
const char           *_peitho_window_get_cursor_line_summary_for_testing (PeithoWindow *self);
/* The margin's heat stripe (PeithoHeatStripe). */
gpointer              _peitho_window_get_heat_stripe_for_testing     (PeithoWindow *self);
/* Selects the passage to discuss at @position, in the list and the text
 * (what activating its row does). */
void                  _peitho_window_compare_show_passage            (PeithoWindow *self,
                                                                      guint         position);
/* The agreement on the Overview page (peitho-window-agreement.c): its
 * overall line, or NULL when not shown, and the heat map
 * (PeithoAgreementMap). */
const char           *_peitho_window_get_agreement_text_for_testing  (PeithoWindow *self);
gpointer              _peitho_window_get_agreement_map_for_testing   (PeithoWindow *self);
/* Presentation mode (peitho-window-presentation.c): whether it is on, and
 * what a key press does there (TRUE: handled). */
gboolean              _peitho_window_get_presenting_for_testing      (PeithoWindow *self);
/* Who tagged the passage shown, on screen while presenting; NULL when not
 * shown. */
const char           *_peitho_window_get_presentation_readers_for_testing (PeithoWindow *self);
gboolean              _peitho_window_presentation_key                (PeithoWindow    *self,
                                                                      guint            keyval,
                                                                      GdkModifierType  state);

G_END_DECLS
