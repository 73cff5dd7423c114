/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-tei-header.h"
#include "peitho-tei-reader-private.h"

/*
 * The text of an edition, as its reader reads it, in one walk over the tree.
 *
 * Text is appended character by character to the open block. A block opens
 * at the first character after a block boundary (the start or end of a block
 * or container element: p, l, head, sp, div, ...) and closes at the next
 * boundary; a block that gets no character is no block. Whitespace follows
 * TEI: a run of it is one space, none at the start or end of a block, except
 * under xml:space="preserve". The separator before a block is "\n" when it
 * belongs to the same group as the block before (the same speech, the same
 * stanza, lines of the same parent), "\n\n" otherwise.
 *
 * Every character appended is recorded in a segment (peitho-tei-edition.h),
 * so that the writer finds its place in the tree again. An element's range
 * is [the offset its first character gets, the offset after its last]; an
 * empty element (an anchor) has for start the offset of the next character
 * and for end the offset after the previous one, which is what a start and
 * an end anchor written at those places mean.
 */

typedef struct {
  xmlNode *sp;            /* the enclosing speech */
  xmlNode *lg;            /* the innermost enclosing line group */
  xmlNode *line_parent;   /* the parent of the enclosing l */
  guint    div_depth;
  guint    in_block : 1;
  guint    preserve : 1;
} Context;

typedef struct {
  guint level;
  gsize start;
  gsize end;
  char *label;
} Division;

typedef struct {
  Reader           *reader;
  PeithoTeiEdition *edition;
  PeithoDocument   *document;

  GString          *block;
  gboolean          block_open;
  PeithoBlockBreak  block_break;
  xmlNode          *block_group;
  xmlNode          *last_group;
  guint             n_blocks;
  gsize             length;         /* characters of the text so far */

  gboolean          pending_space;
  xmlNode          *space_node;     /* where the pending space comes from */
  guint32           space_byte;
  gboolean          glue;           /* no space before the next character */
  guint32           seg_next;       /* byte after the last segment's last character */

  gboolean          original_readings;
  GArray           *divisions;      /* Division */
} Walk;

static gboolean walk_children (Walk *w, xmlNode *parent, const Context *ctx);

/* ---------------------------------------------------------------------------
 * Element classes
 */

static gboolean
is_one_of (const xmlNode      *node,
           const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->ns == NULL
      || strcmp ((const char *) node->ns->href, PEITHO_TEI_NS) != 0)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Elements that are always blocks or hold blocks: a boundary at either end. */
static gboolean
is_block (const xmlNode *node)
{
  static const char * const names[] = {
    "p", "ab", "l", "lg", "sp", "head", "speaker", "u", "list", "item", "castList", "castGroup",
    "castItem", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "table", "row",
    "figure", "floatingText", "trailer", "byline", "dateline", "docTitle", "titlePart",
    "docAuthor", "docImprint", "docEdition", "docDate", "titlePage", "argument", "opener",
    "closer", "salute", "signed", "epigraph", "front", "body", "back", "group", "text",
    "listBibl", "postscript", "spGrp", "set", "lg1", NULL
  };

  return is_one_of (node, names);
}

/* Blocks that hold blocks, not text. */
static gboolean
is_container (const xmlNode *node)
{
  static const char * const names[] = {
    "lg", "sp", "list", "castList", "castGroup", "table", "figure", "floatingText", "titlePage",
    "argument", "opener", "closer", "epigraph", "front", "body", "back", "group", "text",
    "listBibl", "spGrp", "docTitle", "div", "div1", "div2", "div3", "div4", "div5", "div6",
    "div7", "postscript", "set", NULL
  };

  return is_one_of (node, names);
}

static gboolean
is_division (const xmlNode *node)
{
  static const char * const names[] = {
    "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", NULL
  };

  return is_one_of (node, names);
}

/* Not part of the reading text at all. */
static gboolean
is_skipped (const xmlNode *node)
{
  static const char * const names[] = {
    "teiHeader", "fw", "figDesc", "interp", "interpGrp", "spanGrp", "linkGrp", "link", "join",
    "joinGrp", "alt", "altGrp", "timeline", "fs", "fLib", "fvLib", "witDetail", "desc",
    "certainty", "precision", "respons", "index", "graphic", "media", "binaryObject",
    "standOff", "facsimile", "sourceDoc", "listAnnotation", "kinesic", "vocal", "incident",
    "pause", "shift", "writing", NULL
  };

  return is_one_of (node, names);
}

/* The parents in which an anchor may not stand (the writer puts it beside
 * them instead). */
gboolean
peitho_tei_anchor_forbidden_in (const xmlNode *node)
{
  static const char * const names[] = { "pc", "c", "g", "idno", "choice", "app", NULL };

  return node != NULL && is_one_of (node, names);
}

static gboolean
is_italic_element (const xmlNode *node)
{
  static const char * const names[] = {
    "emph", "title", "foreign", "term", "mentioned", "soCalled", "stage", NULL
  };

  return is_one_of (node, names);
}

/* Renderings named in @rend, @rendition (local pointers) or @style. */
static void
add_renderings (Walk          *w,
                const xmlNode *node,
                gsize          start,
                gsize          end)
{
  const char *attrs[] = { peitho_tei_attr (node, "rend"), peitho_tei_attr (node, "rendition"),
                          peitho_tei_attr (node, "style") };
  gboolean italic = FALSE, bold = FALSE, small_caps = FALSE, struck = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *value = NULL;

      if (attrs[i] == NULL)
        continue;
      value = g_ascii_strdown (attrs[i], -1);
      italic |= strstr (value, "ital") != NULL || g_str_equal (value, "i");
      bold |= strstr (value, "bold") != NULL || g_str_equal (value, "b");
      small_caps |= strstr (value, "small-caps") != NULL || strstr (value, "smallcaps") != NULL
                    || strstr (value, "small_caps") != NULL || g_str_equal (value, "sc");
      struck |= strstr (value, "strike") != NULL || strstr (value, "line-through") != NULL;
    }
  if (!italic && !bold && !small_caps && is_italic_element (node)
      && !peitho_tei_is (node, "stage"))
    italic = TRUE;
  if (start > end)
    end = start;
  if (italic)
    peitho_document_add_mark (w->document, PEITHO_MARK_ITALIC, start, end, 0, NULL);
  if (bold)
    peitho_document_add_mark (w->document, PEITHO_MARK_BOLD, start, end, 0, NULL);
  if (small_caps)
    peitho_document_add_mark (w->document, PEITHO_MARK_SMALL_CAPS, start, end, 0, NULL);
  if (struck)
    peitho_document_add_mark (w->document, PEITHO_MARK_STRUCK, start, end, 0, NULL);
}

/* ---------------------------------------------------------------------------
 * Spacing of tokens (w, pc)
 */

static gboolean
is_closing_punctuation (const char *text)
{
  gunichar c;

  if (text == NULL || *text == '\0')
    return FALSE;
  c = g_utf8_get_char (text);
  return strchr (",.;:!?)]}%", (int) c) != NULL && c < 0x80
      ? TRUE
      : c == 0x2019 || c == 0x201D || c == 0x00BB || c == 0x2026 || c == 0x203A;
}

static gboolean
is_opening_punctuation (const char *text)
{
  gunichar c;

  if (text == NULL || *text == '\0')
    return FALSE;
  c = g_utf8_get_char (text);
  return c == '(' || c == '[' || c == '{' || c == 0x2018 || c == 0x201C || c == 0x00AB
      || c == 0x00BF || c == 0x00A1 || c == 0x201E || c == 0x2039;
}

static const char *
first_text (const xmlNode *node)
{
  for (const xmlNode *child = node->children; child; child = child->next)
    if (child->type == XML_TEXT_NODE)
      {
        const char *p = (const char *) child->content;

        while (peitho_tei_is_space (*p))
          p++;
        if (*p != '\0')
          return p;
      }
  return NULL;
}

/* Whether the space before @node goes: a closing mark (pc), join="left". */
static gboolean
joins_left (const xmlNode *node)
{
  const char *join;

  if (!peitho_tei_is (node, "pc") && !peitho_tei_is (node, "w"))
    return FALSE;
  join = peitho_tei_attr (node, "join");
  if (join != NULL)
    return g_str_equal (join, "left") || g_str_equal (join, "both");
  return peitho_tei_is (node, "pc") && is_closing_punctuation (first_text (node));
}

static gboolean
joins_right (const xmlNode *node)
{
  const char *join;

  if (!peitho_tei_is (node, "pc") && !peitho_tei_is (node, "w"))
    return FALSE;
  join = peitho_tei_attr (node, "join");
  if (join != NULL)
    return g_str_equal (join, "right") || g_str_equal (join, "both");
  return peitho_tei_is (node, "pc") && is_opening_punctuation (first_text (node));
}

/* ---------------------------------------------------------------------------
 * Blocks, characters and offsets
 */

static xmlNode *
group_of (const Context *ctx,
          gboolean       in_line)
{
  if (ctx->sp != NULL)
    return ctx->sp;
  if (ctx->lg != NULL)
    return ctx->lg;
  return in_line ? ctx->line_parent : NULL;
}

static guint
separator_before (Walk          *w,
                  const Context *ctx)
{
  xmlNode *group = group_of (ctx, ctx->line_parent != NULL);

  if (w->n_blocks == 0)
    return 0;
  return group != NULL && group == w->last_group ? 1 : 2;
}

static gboolean
flush_block (Walk *w)
{
  g_autoptr(GError) error = NULL;

  w->pending_space = FALSE;
  w->glue = FALSE;
  if (!w->block_open)
    return TRUE;

  w->block_open = FALSE;
  if (!peitho_document_append_block (w->document, w->block->str, w->block->len,
                                     w->block_break, &error))
    {
      w->reader->error = g_error_new (PEITHO_ERROR, error->code, "%s: %s", w->reader->name,
                                      error->message);
      return FALSE;
    }
  g_string_truncate (w->block, 0);
  w->last_group = w->block_group;
  w->n_blocks++;
  return TRUE;
}

static void
open_block (Walk          *w,
            const Context *ctx)
{
  guint separator = separator_before (w, ctx);

  w->block_open = TRUE;
  w->block_break = separator == 1 ? PEITHO_BLOCK_BREAK_LINE : PEITHO_BLOCK_BREAK_PARAGRAPH;
  w->block_group = group_of (ctx, ctx->line_parent != NULL);
  w->length += separator;
}

static void
add_to_segment (Walk     *w,
                xmlNode  *node,
                guint32   byte,
                guint32   n_bytes,
                gboolean  preserve)
{
  GArray *segments = w->edition->segments;
  PeithoTeiSegment *last = segments->len > 0
                           ? &g_array_index (segments, PeithoTeiSegment, segments->len - 1) : NULL;

  if (last != NULL && last->node == node && last->preserve == preserve
      && w->seg_next == byte && last->start + last->length == w->length
      && node->type == XML_TEXT_NODE)
    last->length++;
  else
    {
      PeithoTeiSegment segment = { node, w->length, 1, byte, preserve };

      g_array_append_val (segments, segment);
    }
  w->seg_next = byte + n_bytes;
}

/* Appends one character of @node's content at @byte (@n_bytes long). */
static void
emit (Walk          *w,
      const Context *ctx,
      xmlNode       *node,
      guint32        byte,
      guint32        n_bytes)
{
  if (!w->block_open)
    open_block (w, ctx);
  else if (w->pending_space && !w->glue)
    {
      guint32 run = w->space_node == node && byte >= w->space_byte
                    ? byte - w->space_byte
                    : (w->space_node->type == XML_TEXT_NODE
                       ? (guint32) strlen ((const char *) w->space_node->content) - w->space_byte
                       : 0);

      g_string_append_c (w->block, ' ');
      add_to_segment (w, w->space_node, w->space_byte, run, FALSE);
      w->length++;
    }
  w->pending_space = FALSE;
  w->glue = FALSE;

  g_string_append_len (w->block, (const char *) node->content + byte, n_bytes);
  add_to_segment (w, node, byte, n_bytes, ctx->preserve);
  w->length++;
}

static void
set_pending_space (Walk    *w,
                   xmlNode *node,
                   guint32  byte)
{
  if (!w->block_open || w->pending_space || w->glue)
    return;
  w->pending_space = TRUE;
  w->space_node = node;
  w->space_byte = byte;
}

static void
walk_text (Walk          *w,
           xmlNode       *node,
           const Context *ctx)
{
  const char *text = (const char *) node->content;
  guint32 i = 0;

  if (text == NULL)
    return;

  while (text[i] != '\0')
    {
      guint32 n = (guint32) (g_utf8_next_char (text + i) - (text + i));

      if (!ctx->preserve && peitho_tei_is_space (text[i]))
        {
          set_pending_space (w, node, i);
          while (peitho_tei_is_space (text[i]))
            i++;
          continue;
        }
      emit (w, ctx, node, i, n);
      i += n;
    }
}

/* The offset the next character will get, as seen from a place in the tree
 * before which nothing else comes (the writer's start anchors). */
static gsize
next_offset (Walk          *w,
             const Context *ctx,
             xmlNode       *node)
{
  xmlNode *next;

  if (!w->block_open)
    return w->length + separator_before (w, ctx);
  if (!w->pending_space || w->glue)
    return w->length;

  /* A space that a closing mark after us will take away is not text. */
  for (next = node != NULL ? node->next : NULL; next != NULL; next = next->next)
    if (next->type == XML_ELEMENT_NODE && !peitho_tei_is (next, "anchor"))
      break;
    else if (next->type == XML_TEXT_NODE)
      break;
  if (next != NULL && joins_left (next))
    return w->length;
  return w->length + 1;
}

/* The offset after the last character, a pending space counted. */
static gsize
prev_offset (Walk *w)
{
  return w->length + (w->block_open && w->pending_space && !w->glue ? 1 : 0);
}

/* ---------------------------------------------------------------------------
 * Elements
 */

static char *
reading_text (xmlNode *node)
{
  return node != NULL ? peitho_tei_collapsed_text (node) : NULL;
}

/* A choice: the preferred reading into the text, the first other one as a
 * hover value. */
static gboolean
walk_choice (Walk          *w,
             xmlNode       *choice,
             const Context *ctx)
{
  xmlNode *chosen = NULL;
  xmlNode *other = NULL;
  g_autofree char *other_text = NULL;
  gsize start;

  chosen = peitho_tei_choice_reading (choice, w->original_readings);
  if (chosen == NULL)
    return TRUE;
  for (xmlNode *c = peitho_tei_first_element (choice); c && other == NULL; c = peitho_tei_next_element (c))
    if (c != chosen)
      other = c;

  start = next_offset (w, ctx, NULL);
  {
    const char *id = peitho_tei_attr (chosen, "xml:id");

    if (!walk_children (w, chosen, ctx))
      return FALSE;
    _peitho_tei_reader_set_range (w->reader, id, start, MAX (start, w->length));
  }
  other_text = reading_text (other);
  if (other_text != NULL)
    peitho_document_add_mark (w->document, PEITHO_MARK_ALTERNATIVE, start,
                              MAX (start, w->length), 0, other_text);
  return TRUE;
}

static gboolean
walk_app (Walk          *w,
          xmlNode       *app,
          const Context *ctx)
{
  xmlNode *lemma = peitho_tei_child (app, "lem");
  xmlNode *reading = NULL;
  g_autofree char *other_text = NULL;
  gsize start;

  for (xmlNode *c = peitho_tei_first_element (app); c && reading == NULL; c = peitho_tei_next_element (c))
    if (peitho_tei_is (c, "rdg") || peitho_tei_is (c, "rdgGrp"))
      reading = c;
  if (lemma == NULL)
    {
      lemma = reading;
      reading = NULL;
      for (xmlNode *c = lemma != NULL ? peitho_tei_next_element (lemma) : NULL; c && reading == NULL;
           c = peitho_tei_next_element (c))
        if (peitho_tei_is (c, "rdg"))
          reading = c;
    }
  if (lemma == NULL)
    return TRUE;

  start = next_offset (w, ctx, NULL);
  if (!walk_children (w, lemma, ctx))
    return FALSE;
  other_text = reading_text (reading);
  if (other_text != NULL)
    peitho_document_add_mark (w->document, PEITHO_MARK_ALTERNATIVE, start,
                              MAX (start, w->length), 0, other_text);
  return TRUE;
}

static char *
division_label (xmlNode *div)
{
  xmlNode *head = peitho_tei_child (div, "head");
  const char *type = peitho_tei_attr (div, "type");
  const char *n = peitho_tei_attr (div, "n");
  char *label = head != NULL ? peitho_tei_collapsed_text (head) : NULL;

  if (label != NULL)
    return label;
  if (n == NULL)
    return NULL;
  if (type != NULL && g_strcmp0 (type, "textpart") != 0)
    return g_strdup_printf ("%s %s", type, n);
  {
    const char *subtype = peitho_tei_attr (div, "subtype");

    return subtype != NULL ? g_strdup_printf ("%s %s", subtype, n) : g_strdup (n);
  }
}

static char *
speech_value (xmlNode *sp)
{
  const char *who = peitho_tei_attr (sp, "who");

  if (who != NULL && *who != '\0')
    return g_strdup (who);
  return peitho_tei_collapsed_text (peitho_tei_child (sp, "speaker"));
}

static gboolean
walk_element (Walk          *w,
              xmlNode       *node,
              const Context *parent_ctx)
{
  Context ctx = *parent_ctx;
  const char *space = NULL;
  const char *id = peitho_tei_attr (node, "xml:id");
  gboolean block;
  gsize start;
  guint division = G_MAXUINT;

  if (node->ns == NULL || strcmp ((const char *) node->ns->href, PEITHO_TEI_NS) != 0)
    {
      /* Elements of other namespaces: their text is read like any inline
       * element's, or not at all outside a block. */
      if (!ctx.in_block)
        return TRUE;
      return walk_children (w, node, &ctx);
    }

  if (peitho_tei_is (node, "anchor"))
    {
      _peitho_tei_reader_set_range (w->reader, id, next_offset (w, &ctx, node), prev_offset (w));
      return TRUE;
    }
  if (peitho_tei_is (node, "note"))
    {
      g_autofree char *text = peitho_tei_collapsed_text (node);
      gsize at = w->length;

      peitho_document_add_mark (w->document, PEITHO_MARK_NOTE, at, at, 0, text);
      _peitho_tei_reader_set_range (w->reader, id, at, at);
      return TRUE;
    }
  if (peitho_tei_is (node, "pb"))
    {
      gsize at = next_offset (w, &ctx, node);

      peitho_document_add_mark (w->document, PEITHO_MARK_PAGE_BREAK, at, at, 0,
                                peitho_tei_attr (node, "n"));
      _peitho_tei_reader_set_range (w->reader, id, at, at);
      return TRUE;
    }
  if (peitho_tei_is (node, "gap"))
    {
      gsize at = w->length;

      peitho_document_add_mark (w->document, PEITHO_MARK_GAP, at, at, 0,
                                peitho_tei_attr (node, "reason"));
      _peitho_tei_reader_set_range (w->reader, id, at, at);
      return TRUE;
    }
  if (peitho_tei_is (node, "lb") || peitho_tei_is (node, "cb"))
    {
      /* A line of the source, not of the reading text: a space, or nothing
       * inside a word. */
      if (g_strcmp0 (peitho_tei_attr (node, "break"), "no") != 0)
        set_pending_space (w, node, 0);
      _peitho_tei_reader_set_range (w->reader, id, next_offset (w, &ctx, node), prev_offset (w));
      return TRUE;
    }
  if (_peitho_tei_is_pointing_span (node))
    {
      g_ptr_array_add (w->reader->span_nodes, node);
      return TRUE;
    }
  if (is_skipped (node) || peitho_tei_is (node, "milestone"))
    return TRUE;

  space = peitho_tei_attr (node, "xml:space");
  if (space != NULL)
    ctx.preserve = g_str_equal (space, "preserve");

  block = is_block (node) || (!parent_ctx->in_block && !peitho_tei_is (node, "choice")
                              && !peitho_tei_is (node, "app"));
  if (block && !flush_block (w))
    return FALSE;

  if (peitho_tei_is (node, "sp"))
    ctx.sp = node;
  else if (peitho_tei_is (node, "lg"))
    ctx.lg = node;
  else if (peitho_tei_is (node, "l"))
    ctx.line_parent = node->parent;
  if (is_division (node))
    ctx.div_depth++;
  if (block)
    ctx.in_block = !is_container (node);

  if (joins_left (node))
    w->pending_space = FALSE;

  start = next_offset (w, &ctx, NULL);

  if (is_division (node))
    {
      g_autofree char *label = division_label (node);

      if (label != NULL)
        {
          Division entry = { ctx.div_depth, start, start, g_steal_pointer (&label) };

          division = w->divisions->len;
          g_array_append_val (w->divisions, entry);
        }
    }

  if (peitho_tei_is (node, "choice"))
    {
      if (!walk_choice (w, node, &ctx))
        return FALSE;
    }
  else if (peitho_tei_is (node, "app"))
    {
      if (!walk_app (w, node, &ctx))
        return FALSE;
    }
  else if (!walk_children (w, node, &ctx))
    return FALSE;

  if (joins_right (node))
    w->glue = TRUE;

  {
    gsize end = MAX (start, w->length);
    PeithoDocument *doc = w->document;

    if (block)
      {
        /* The block's own range ends with its last character. */
        if (!flush_block (w))
          return FALSE;
      }

    if (peitho_tei_is (node, "head"))
      peitho_document_add_mark (doc, PEITHO_MARK_HEADING, start, end,
                                CLAMP (ctx.div_depth, 1, 6), NULL);
    else if (peitho_tei_is (node, "sp"))
      {
        g_autofree char *value = speech_value (node);

        peitho_document_add_mark (doc, PEITHO_MARK_SPEECH, start, end, 0, value);
      }
    else if (peitho_tei_is (node, "speaker"))
      {
        g_autofree char *value = ctx.sp != NULL ? speech_value (ctx.sp) : NULL;

        peitho_document_add_mark (doc, PEITHO_MARK_SPEAKER, start, end, 0, value);
      }
    else if (peitho_tei_is (node, "stage"))
      peitho_document_add_mark (doc, PEITHO_MARK_STAGE, start, end, 0, NULL);
    else if (peitho_tei_is (node, "l"))
      peitho_document_add_mark (doc, PEITHO_MARK_LINE, start, end, 0, peitho_tei_attr (node, "n"));
    else if (peitho_tei_is (node, "p") || peitho_tei_is (node, "ab"))
      peitho_document_add_mark (doc, PEITHO_MARK_PARAGRAPH, start, end, 0, NULL);
    else if (peitho_tei_is (node, "del"))
      peitho_document_add_mark (doc, PEITHO_MARK_STRUCK, start, end, 0, NULL);

    if (peitho_tei_is (node, "hi") || is_italic_element (node) || peitho_tei_attr (node, "rend")
        || peitho_tei_attr (node, "rendition"))
      add_renderings (w, node, start, end);

    if (division != G_MAXUINT)
      g_array_index (w->divisions, Division, division).end = end;

    _peitho_tei_reader_set_range (w->reader, id, start, end);
    if (_peitho_tei_is_annotation_element (node))
      _peitho_tei_reader_add_records (w->reader, node, start, end, NULL);
  }
  return TRUE;
}

static gboolean
walk_children (Walk          *w,
               xmlNode       *parent,
               const Context *ctx)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          walk_text (w, node, ctx);
          break;
        case XML_ELEMENT_NODE:
          if (!walk_element (w, node, ctx))
            return FALSE;
          break;
        default:
          /* comments, processing instructions: not text */
          break;
        }
    }
  return TRUE;
}

/* The text elements of a TEI, and of every TEI of a teiCorpus. */
static gboolean
walk_document (Walk    *w,
               xmlNode *root,
               int     *member,
               int      wanted)
{
  for (xmlNode *node = peitho_tei_first_element (root); node; node = peitho_tei_next_element (node))
    {
      if (peitho_tei_is (node, "TEI"))
        {
          gboolean read = wanted < 0 || *member == wanted;

          (*member)++;
          if (read && !walk_document (w, node, member, -1))
            return FALSE;
        }
      else if (peitho_tei_is (node, "teiCorpus"))
        {
          if (!walk_document (w, node, member, wanted))
            return FALSE;
        }
      else if (peitho_tei_is (node, "text") && peitho_tei_is (root, "TEI"))
        {
          Context ctx = { 0 };

          if (!walk_element (w, node, &ctx) || !flush_block (w))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_peitho_tei_read_edition_text (Reader  *self,
                               xmlNode *root)
{
  Walk w = { 0 };
  int member = 0;
  gboolean ok;

  w.reader = self;
  w.edition = self->edition;
  w.document = self->document;
  w.block = g_string_new (NULL);
  w.original_readings = (self->options->flags & PEITHO_READ_ORIGINAL_READINGS) != 0
                        || peitho_tei_stored_original_readings (root);
  self->edition->original_readings = w.original_readings;
  self->edition->corpus_member = self->options->corpus_member;
  w.divisions = g_array_new (FALSE, FALSE, sizeof (Division));

  if (peitho_tei_is (root, "TEI"))
    ok = walk_document (&w, root, &member, -1);
  else
    ok = walk_document (&w, root, &member, self->options->corpus_member);

  if (ok && self->options->corpus_member >= 0 && member <= self->options->corpus_member)
    {
      self->error = g_error_new (PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND,
                                 _("%s: the corpus has no TEI number %d (it has %d)"),
                                 self->name, self->options->corpus_member + 1, member);
      ok = FALSE;
    }

  for (guint i = 0; i < w.divisions->len; i++)
    {
      Division *division = &g_array_index (w.divisions, Division, i);

      if (ok)
        peitho_document_add_outline_entry (w.document, division->level, division->start,
                                           MAX (division->start, division->end), division->label);
      g_free (division->label);
    }
  g_array_unref (w.divisions);
  g_string_free (w.block, TRUE);
  return ok;
}

/* ---------------------------------------------------------------------------
 * The edition object
 */

static void
own_annotation_free (gpointer data)
{
  PeithoTeiOwnAnnotation *own = data;

  g_free (own->tag_id);
  g_free (own->note);
  g_free (own);
}

void
peitho_tei_edition_add_own_annotation (PeithoTeiEdition *edition,
                                       const char       *id,
                                       xmlNode          *node,
                                       const char       *tag_id,
                                       const char       *note,
                                       xmlNode          *note_node)
{
  PeithoTeiOwnAnnotation *own;

  g_return_if_fail (edition != NULL);
  g_return_if_fail (id != NULL && node != NULL && tag_id != NULL);

  own = g_new0 (PeithoTeiOwnAnnotation, 1);
  own->node = node;
  own->tag_id = g_strdup (tag_id);
  own->note = g_strdup (note);
  own->note_node = note_node;
  g_hash_table_insert (edition->own_annotations, g_strdup (id), own);
}

PeithoTeiEdition *
peitho_tei_edition_new (xmlDoc *doc)
{
  PeithoTeiEdition *edition = g_new0 (PeithoTeiEdition, 1);

  edition->doc = doc;
  edition->corpus_member = -1;
  edition->segments = g_array_new (FALSE, FALSE, sizeof (PeithoTeiSegment));
  edition->peitho_parts = g_ptr_array_new ();
  edition->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  edition->own_annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   own_annotation_free);
  edition->own_relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  edition->own_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return edition;
}

void
peitho_tei_edition_free (PeithoTeiEdition *edition)
{
  if (edition == NULL)
    return;
  g_array_unref (edition->segments);
  g_ptr_array_unref (edition->peitho_parts);
  g_hash_table_unref (edition->ids);
  g_hash_table_unref (edition->own_annotations);
  g_hash_table_unref (edition->own_relations);
  g_hash_table_unref (edition->own_categories);
  g_clear_pointer (&edition->cast_names, g_hash_table_unref);
  g_free (edition->title);
  g_free (edition->author);
  g_free (edition->date);
  g_free (edition->source);
  xmlFreeDoc (edition->doc);
  g_free (edition);
}

const PeithoTeiSegment *
peitho_tei_edition_segment_at (PeithoTeiEdition *edition,
                               gsize             offset)
{
  GArray *segments = edition->segments;
  guint low = 0;
  guint high = segments->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const PeithoTeiSegment *segment = &g_array_index (segments, PeithoTeiSegment, mid);

      if (segment->start + segment->length <= offset)
        low = mid + 1;
      else if (segment->start > offset)
        high = mid;
      else
        return segment;
    }
  return NULL;
}
