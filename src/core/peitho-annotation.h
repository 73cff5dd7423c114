/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_ANNOTATION (peitho_annotation_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAnnotation, peitho_annotation, PEITHO, ANNOTATION, GObject)

/* One tagged passage: [start, end) in characters (Unicode code points) of the
 * document text. Range and id are fixed for the annotation's life; the tag
 * and the note change through PeithoDocument (which keeps counts right) and
 * notify "tag-id" / "note". */
PeithoAnnotation *peitho_annotation_new              (const char       *id,
                                                      gsize             start,
                                                      gsize             end,
                                                      const char       *tag_id,
                                                      const char       *annotator_id,
                                                      const char       *note,
                                                      GDateTime        *created);
const char       *peitho_annotation_get_id           (PeithoAnnotation *self);
gsize             peitho_annotation_get_start        (PeithoAnnotation *self);
gsize             peitho_annotation_get_end          (PeithoAnnotation *self);
/* The tag and annotator ids are interned strings (g_intern_string()). */
const char       *peitho_annotation_get_tag_id       (PeithoAnnotation *self);
/* nullable */
const char       *peitho_annotation_get_annotator_id (PeithoAnnotation *self);
/* nullable */
const char       *peitho_annotation_get_note         (PeithoAnnotation *self);
/* nullable */
GDateTime        *peitho_annotation_get_created      (PeithoAnnotation *self);
/* Orders by start, then end, then id: the document order. */
int               peitho_annotation_compare          (PeithoAnnotation *a,
                                                      PeithoAnnotation *b);

/* Internal: used by PeithoDocument only. */
void              _peitho_annotation_set_id          (PeithoAnnotation *self,
                                                      const char       *id);
void              _peitho_annotation_set_tag_id      (PeithoAnnotation *self,
                                                      const char       *tag_id);
void              _peitho_annotation_set_note        (PeithoAnnotation *self,
                                                      const char       *note);
void              _peitho_annotation_set_range       (PeithoAnnotation *self,
                                                      gsize             start,
                                                      gsize             end);
/* The document that holds the annotation (not a reference), or NULL. */
gpointer          _peitho_annotation_get_owner       (PeithoAnnotation *self);
void              _peitho_annotation_set_owner       (PeithoAnnotation *self,
                                                      gpointer          owner);
/* Natural order of ids: "a2" < "a10"; NULL first. */
int               _peitho_id_compare                 (const char       *a,
                                                      const char       *b);

G_END_DECLS
