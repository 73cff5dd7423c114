/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-core.h"

G_BEGIN_DECLS

/* A document with the built-in tag set and @text cut into paragraphs at
 * blank lines ("\n\n"). */
PeithoDocument  *itest_document_new     (const char     *text);
/* The bytes of tests/data/interchange/@name. */
GBytes          *itest_data             (const char     *name);
char            *itest_data_path        (const char     *name);
/* Reads tests/data/interchange/@name (brat: with the .txt beside it). */
PeithoImportSet *itest_read             (const char     *name,
                                         PeithoInterchangeFormat format);
/* Analyses and applies, asserting success; returns the plan for a look. */
PeithoImportPlan *itest_import          (PeithoDocument  *document,
                                         PeithoImportSet *set,
                                         const char      *annotator);
/* The annotation over exactly an occurrence of @needle, or NULL. */
PeithoAnnotation *itest_find            (PeithoDocument  *document,
                                         const char      *needle,
                                         const char      *tag_id);
/* TRUE if some loss message contains @part. */
gboolean         itest_has_loss         (GPtrArray       *losses,
                                         const char      *part);
const char      *itest_annotator_name   (PeithoDocument  *document,
                                         PeithoAnnotation *annotation);

G_END_DECLS
