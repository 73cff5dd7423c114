/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_SPEAKER_VIEW (peitho_speaker_view_get_type ())
G_DECLARE_FINAL_TYPE (PeithoSpeakerView, peitho_speaker_view, PEITHO, SPEAKER_VIEW, GtkWidget)

/* Who uses which devices in a play, on the sidebar's Overview page: a list
 * of the speakers with annotations in their speeches (the core's
 * peitho_speaker_counts_compute()), kept up to date as annotations change.
 * Visible only for a document with speeches. Property "document"
 * (nullable). */
GtkWidget      *peitho_speaker_view_new          (void);
PeithoDocument *peitho_speaker_view_get_document (PeithoSpeakerView *self);
void            peitho_speaker_view_set_document (PeithoSpeakerView *self,
                                                  PeithoDocument    *document);
/* The rows shown: a list of PeithoSpeakerCount. */
GListModel     *peitho_speaker_view_get_model    (PeithoSpeakerView *self);

G_END_DECLS
