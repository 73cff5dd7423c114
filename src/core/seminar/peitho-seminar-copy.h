/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to src/core/seminar: copying what assignments, seminar documents
 * and split readings share. */

#include "peitho-document.h"

G_BEGIN_DECLS

/* A new document with @source's text (paragraphs with their ids), metadata,
 * kept header, history and a copy of its tag set; no annotators, annotations
 * or relations. */
PeithoDocument *_peitho_seminar_copy_text        (PeithoDocument   *source);
/* Adds a copy of @annotation to @target with @id and @annotator_id. */
gboolean        _peitho_seminar_copy_annotation  (PeithoDocument   *target,
                                                  PeithoAnnotation *annotation,
                                                  const char       *id,
                                                  const char       *annotator_id,
                                                  GError          **error);
/* Adds a copy of @relation with new ids (@id, @from_id, @to_id). */
gboolean        _peitho_seminar_copy_relation    (PeithoDocument   *target,
                                                  PeithoRelation   *relation,
                                                  const char       *id,
                                                  const char       *from_id,
                                                  const char       *to_id,
                                                  const char       *annotator_id,
                                                  GError          **error);
/* Adds @tag (from @source_set) to @target_set unless it has a tag of that id,
 * in the group of the same id, created after the others if missing. */
gboolean        _peitho_seminar_copy_tag         (PeithoTagSet     *target_set,
                                                  PeithoTagSet     *source_set,
                                                  PeithoTag        *tag,
                                                  GError          **error);

G_END_DECLS
