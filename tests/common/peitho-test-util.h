/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests of every area share: removing a temporary tree, the
 * corpus's editions with places changed, finding text and annotations in a
 * document, and one comparison of documents. Linked by all tests
 * (peitho_test_util_dep). */

#include "peitho-core.h"

G_BEGIN_DECLS

/* Removes @path and everything under it; a symbolic link is removed, never
 * followed. Missing files are not an error. */
void  peitho_test_remove_tree          (const char     *path);

/* The contents of @name in the corpus ($PEITHO_CORPUS_DIR, that is
 * ../shared/corpus: "tei/folger-hamlet.xml"); fails the test if it cannot
 * be read. */
GString          *peitho_test_read_corpus      (const char     *name);
/* Makes @from, which must be in @text exactly once, @to: a test's change to
 * a real edition fails loudly when the edition no longer has the place. */
void              peitho_test_replace_once     (GString        *text,
                                                const char     *from,
                                                const char     *to);

/* The character offset of @needle in @document's text, where it must be
 * exactly once. */
gsize             peitho_test_offset_of        (PeithoDocument *document,
                                                const char     *needle);
/* @document's @tag_id annotation over exactly @needle (once in the text),
 * or NULL. */
PeithoAnnotation *peitho_test_annotation_over  (PeithoDocument *document,
                                                const char     *needle,
                                                const char     *tag_id);

/* NULL when @b holds exactly what @a holds, else a sentence naming the first
 * difference. Compared: the text byte for byte; the paragraphs (ranges,
 * xml:ids); the metadata (title, author, date, source); the revisionDesc
 * changes; the tag set (id, title, groups and tags with every field, in
 * order); the annotators (ids, names); the annotations (ids, ranges, tags,
 * annotators, notes, creation times to the second); the relations (ids,
 * types, ends, annotators). */
char *peitho_test_document_difference  (PeithoDocument *a,
                                        PeithoDocument *b);

/* Fails the test, at the caller's line, when @a and @b differ. */
#define peitho_test_assert_same_document(a, b)                                      \
  G_STMT_START {                                                                    \
    char *peitho_test_difference_ = peitho_test_document_difference ((a), (b));    \
    if (peitho_test_difference_ != NULL)                                            \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,             \
                           peitho_test_difference_);                                \
  } G_STMT_END

G_END_DECLS
