/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-handout-renderer.h"

G_BEGIN_DECLS

/* What the layout (peitho-handout-renderer.c) and the drawing
 * (peitho-handout-renderer-draw.c) of a handout's pages share. */

/* Sizes in points. */
#define BODY_FONT      "Cantarell 10.5"
#define SMALL_FONT     "Cantarell 8.5"
#define TITLE_FONT     "Cantarell Bold 18"
#define HEADING_FONT   "Cantarell Bold 12.5"
#define SUBHEADING_FONT "Cantarell Bold 11"     /* a scene's head, a section's */
#define SPEAKER_FONT   "Cantarell Bold 10.5"
#define STAGE_FONT     "Cantarell Italic 10.5"
#define GUTTER         26.0    /* paragraph numbers, left of the text */
#define FOOTER         22.0    /* page numbers */
#define NOTES_GAP      10.0    /* between the text and the footnotes */
#define LEVEL_STEP     1.8     /* stacked underlines */
#define UNDERLINE      1.0
#define MAX_LEVELS     6
#define ALPHA          0.35    /* the window's light style */
#define PARAGRAPH_GAP  7.0
#define HEADING_GAP    14.0
#define STAGE_INDENT   18.0

typedef enum {
  BLOCK_HEADER,
  BLOCK_TEXT,
  BLOCK_HEADING,
  BLOCK_LIST,
  BLOCK_NOTE,
} BlockKind;

/* A stretch of a text block over which the set of highlights is constant. */
typedef struct {
  int   start;   /* bytes in the layout */
  int   end;
  guint first;   /* into Block.active */
  guint n;
} Piece;

typedef struct {
  int   index;   /* byte in the layout where the marker stands */
  guint number;
} Marker;

typedef struct {
  BlockKind    kind;
  PangoLayout *layout;
  double       x;
  double       space_before;
  guint        paragraph;   /* 1-based for text blocks */
  /* The margin of a text block's first line: a verse line's number, or
   * the paragraph's (NULL: nothing). */
  char        *margin;
  GArray      *pieces;      /* Piece */
  GPtrArray   *active;      /* const PeithoHandoutItem * */
  GArray      *markers;     /* Marker */
  /* Per line: top and height (points, from the block's top), baseline. */
  GArray      *line_top;
  GArray      *line_height;
  GArray      *line_baseline;
} Block;

typedef struct {
  Block *block;
  guint  first_line;
  guint  n_lines;
  double y;              /* page y of the first line's top */
} Slice;

typedef struct {
  GArray    *slices;     /* Slice */
  GPtrArray *notes;      /* Block of kind BLOCK_NOTE */
  double     notes_height;
} Page;

struct _PeithoHandoutRenderer
{
  PeithoHandout *handout;
  PangoContext  *context;
  double         width;
  double         height;
  gboolean       greyscale;
  gboolean       labels;

  GPtrArray     *blocks;     /* Block, in reading order, made while paginating */
  GHashTable    *note_blocks;  /* note number -> Block */
  GPtrArray     *pages;      /* Page */
  GHashTable    *tag_styles; /* PeithoTag * -> index in the legend */

  /* Pagination state */
  guint          next_paragraph;
  guint          stage;      /* 0 header, 1 text, 2 relations, 3 legend, 4 done */
  double         y;
};

/* "#rrggbb" as Cairo's components; a neutral grey for anything else. */
void         _peitho_handout_parse_rgb           (const char            *color,
                                                  double                *r,
                                                  double                *g,
                                                  double                *b);
/* A layout of @font (a Pango font description) wrapping at @width points. */
PangoLayout *_peitho_handout_renderer_new_layout (PeithoHandoutRenderer *self,
                                                  const char            *font,
                                                  double                 width);

G_END_DECLS
