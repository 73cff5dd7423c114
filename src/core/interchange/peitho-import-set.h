/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a reader of another tool's format found, before it touches a
 * document: the source text (as that tool saw it), spans over it, relations
 * between spans, and everything the reader met that Peitho cannot hold.
 * Offsets count code points in @text. */

typedef enum {
  PEITHO_INTERCHANGE_AUTO,
  PEITHO_INTERCHANGE_BRAT,
  PEITHO_INTERCHANGE_WEBANNO_TSV,
  PEITHO_INTERCHANGE_TEI_ANNOTATION,
  PEITHO_INTERCHANGE_CATMA,
  PEITHO_INTERCHANGE_DKPRO_TEI,
} PeithoInterchangeFormat;

typedef struct {
  gsize start;
  gsize end;
} PeithoImportRange;

typedef struct {
  char   *id;          /* the source's own id (T3, uid-..., CATMA_...), for relations and messages */
  GArray *ranges;      /* PeithoImportRange, in order; more than one for discontinuous spans */
  char   *label;       /* the tag's name in the source */
  char   *group;       /* layer, tag set or hierarchy path (nullable) */
  char   *tag_id;      /* the category id the source points at, tried first (nullable) */
  char   *annotator;   /* name (nullable) */
  char   *note;        /* nullable */
  guint   line;        /* where it was read (0: unknown) */
} PeithoImportSpan;

typedef struct {
  char  *id;
  char  *type;
  char  *from_id;      /* PeithoImportSpan ids */
  char  *to_id;
  char  *annotator;    /* nullable */
  guint  line;
} PeithoImportRelation;

typedef struct {
  char                    *display_name;
  PeithoInterchangeFormat  format;
  /* The text the offsets count in; NULL when the source holds none and its
   * offsets count in the document's own text (CATMA's stand-off form). */
  char                    *text;
  /* Another reading of the same text, tried when @text does not align with
   * the document (@text without notes, this one with them). Nullable. */
  char                    *alt_text;
  /* With text == NULL: the length of the text the source was made for,
   * 0 if unknown. Lets the importer tell code points from UTF-16 units. */
  gsize                    source_length;
  GPtrArray               *spans;      /* PeithoImportSpan */
  GPtrArray               *relations;  /* PeithoImportRelation */
  GPtrArray               *losses;     /* char *: "FILE:LINE: what was not imported" */
} PeithoImportSet;

PeithoImportSet      *peitho_import_set_new        (const char              *display_name,
                                                    PeithoInterchangeFormat  format);
void                  peitho_import_set_free       (PeithoImportSet         *set);

/* Adds a span with one range; returns it (owned by @set) for more ranges. */
PeithoImportSpan     *peitho_import_set_add_span   (PeithoImportSet         *set,
                                                    const char              *id,
                                                    gsize                    start,
                                                    gsize                    end,
                                                    const char              *label,
                                                    guint                    line);
void                  peitho_import_span_add_range (PeithoImportSpan        *span,
                                                    gsize                    start,
                                                    gsize                    end);
PeithoImportRelation *peitho_import_set_add_relation (PeithoImportSet       *set,
                                                      const char            *id,
                                                      const char            *type,
                                                      const char            *from_id,
                                                      const char            *to_id,
                                                      guint                  line);
/* Records what could not be imported: "FILE:LINE: MESSAGE" (or "FILE: ..."
 * with @line 0). */
void                  peitho_import_set_lose       (PeithoImportSet         *set,
                                                    guint                    line,
                                                    const char              *format,
                                                    ...) G_GNUC_PRINTF (3, 4);

/* The name of a format as the command line spells it ("brat", ...). */
const char           *peitho_interchange_format_to_string   (PeithoInterchangeFormat  format);
gboolean              peitho_interchange_format_from_string (const char              *name,
                                                             PeithoInterchangeFormat *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeithoImportSet, peitho_import_set_free)

G_END_DECLS
