/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "peitho-handout-renderer-private.h"


static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->margin, g_free);
  g_clear_pointer (&block->pieces, g_array_unref);
  g_clear_pointer (&block->active, g_ptr_array_unref);
  g_clear_pointer (&block->markers, g_array_unref);
  g_clear_pointer (&block->line_top, g_array_unref);
  g_clear_pointer (&block->line_height, g_array_unref);
  g_clear_pointer (&block->line_baseline, g_array_unref);
  g_free (block);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->slices);
  g_ptr_array_unref (page->notes);
  g_free (page);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  page->notes = g_ptr_array_new ();
  return page;
}

void
_peitho_handout_parse_rgb (const char *color,
                           double     *r,
                           double     *g,
                           double     *b)
{
  guint value = 0x9a9996;

  if (color != NULL && strlen (color) == 7 && color[0] == '#')
    value = (guint) g_ascii_strtoull (color + 1, NULL, 16);
  *r = ((value >> 16) & 0xff) / 255.0;
  *g = ((value >> 8) & 0xff) / 255.0;
  *b = (value & 0xff) / 255.0;
}

static guint16
to_pango_color (double c)
{
  return (guint16) CLAMP (c * 65535.0 + 0.5, 0, 65535);
}

PangoLayout *
_peitho_handout_renderer_new_layout (PeithoHandoutRenderer *self,
                                     const char            *font,
                                     double                 width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* Measures the lines of a block once its layout is final. */
static void
measure (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->line_top = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_height = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_baseline = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      int y0, y1;
      double top, height, baseline;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      height = (double) (y1 - y0) / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (block->line_top, top);
      g_array_append_val (block->line_height, height);
      g_array_append_val (block->line_baseline, baseline);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static Block *
add_block (PeithoHandoutRenderer *self,
           BlockKind              kind,
           PangoLayout           *layout,
           double                 x,
           double                 space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->layout = layout;
  block->x = x;
  block->space_before = space_before;
  return block;
}

static void
append_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             gsize           start,
             gsize           end)
{
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

/* A small raised chip: a tag's short label, or a note number. */
static void
append_chip (PeithoHandoutRenderer *self,
             GString               *text,
             PangoAttrList         *attrs,
             const char            *chip,
             const char            *color,
             gboolean               bold)
{
  gsize start = text->len;

  g_string_append (text, chip);
  append_attr (attrs, pango_attr_scale_new (0.68), start, text->len);
  append_attr (attrs, pango_attr_rise_new (3 * PANGO_SCALE), start, text->len);
  if (bold)
    append_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, text->len);
  if (color != NULL)
    {
      double r, g, b;

      if (self->greyscale)
        r = g = b = 0.85;
      else
        _peitho_handout_parse_rgb (color, &r, &g, &b);
      append_attr (attrs, pango_attr_background_new (to_pango_color (r), to_pango_color (g),
                                                     to_pango_color (b)),
                   start, text->len);
    }
}

typedef struct {
  PeithoHandoutRenderer *self;
  PeithoDocument        *document;
  Block                 *block;
  GString               *text;
  PangoAttrList         *attrs;
} TextBuilder;

static void
text_run_cb (const PeithoHandoutRun *run,
             gpointer                user_data)
{
  TextBuilder *builder = user_data;
  PeithoHandoutRenderer *self = builder->self;
  const char *start = peitho_document_offset_to_pointer (builder->document, run->start);
  const char *end = peitho_document_offset_to_pointer (builder->document, run->end);
  Piece piece;

  /* Labels go before the highlight, outside it. */
  for (guint i = 0; i < run->n_starting && self->labels; i++)
    {
      const PeithoHandoutItem *item = run->starting[i];
      const char *tag_id = peitho_annotation_get_tag_id (item->annotation);
      g_autofree char *label = item->tag != NULL ? peitho_tag_dup_short_label (item->tag)
                                                 : g_strdup (tag_id);
      g_autofree char *chip = g_strdup_printf ("\u2009%s\u2009", label);

      append_chip (self, builder->text, builder->attrs, chip,
                   item->tag != NULL ? peitho_tag_get_color (item->tag) : NULL, TRUE);
      g_string_append (builder->text, "\u200a");
    }

  piece.start = (int) builder->text->len;
  g_string_append_len (builder->text, start, end - start);
  piece.end = (int) builder->text->len;
  if (run->style & PEITHO_HANDOUT_STYLE_ITALIC)
    append_attr (builder->attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), piece.start, piece.end);
  if (run->style & PEITHO_HANDOUT_STYLE_BOLD)
    append_attr (builder->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), piece.start, piece.end);
  if (run->style & PEITHO_HANDOUT_STYLE_SMALL_CAPS)
    append_attr (builder->attrs, pango_attr_variant_new (PANGO_VARIANT_SMALL_CAPS), piece.start,
                 piece.end);
  if (run->style & PEITHO_HANDOUT_STYLE_STRUCK)
    append_attr (builder->attrs, pango_attr_strikethrough_new (TRUE), piece.start, piece.end);
  piece.first = builder->block->active->len;
  piece.n = run->n_active;
  for (guint i = 0; i < run->n_active; i++)
    g_ptr_array_add (builder->block->active, (gpointer) run->active[i]);
  if (piece.n > 0)
    g_array_append_val (builder->block->pieces, piece);

  for (guint i = 0; i < run->n_ending; i++)
    {
      Marker marker;
      g_autofree char *number = NULL;

      if (run->ending[i]->note_number == 0)
        continue;
      marker.index = (int) builder->text->len;
      marker.number = run->ending[i]->note_number;
      number = g_strdup_printf ("%u", marker.number);
      append_chip (self, builder->text, builder->attrs, number, NULL, TRUE);
      g_array_append_val (builder->block->markers, marker);
    }
}

/* A block of the text as its kind of block is set: headings larger and
 * bold, speakers bold, stage directions indented and italic, the lines of a
 * speech or stanza without space between them. */
static Block *
make_text_block (PeithoHandoutRenderer *self,
                 guint                  paragraph)
{
  PeithoDocument *document = peitho_handout_get_document (self->handout);
  const PeithoHandoutBlock *kind = peitho_handout_get_block (self->handout, paragraph);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  guint levels = MIN (peitho_handout_get_n_levels (self->handout), MAX_LEVELS);
  const char *font = BODY_FONT;
  double x = GUTTER, space_before = PARAGRAPH_GAP;
  PangoLayout *layout;
  Block *block;
  TextBuilder builder;

  switch (kind->kind)
    {
    case PEITHO_HANDOUT_BLOCK_HEADING:
      font = kind->level <= 1 ? HEADING_FONT : SUBHEADING_FONT;
      space_before = HEADING_GAP;
      break;
    case PEITHO_HANDOUT_BLOCK_SPEAKER:
      font = SPEAKER_FONT;
      break;
    case PEITHO_HANDOUT_BLOCK_STAGE:
      font = STAGE_FONT;
      x += STAGE_INDENT;
      break;
    case PEITHO_HANDOUT_BLOCK_LINE:
    case PEITHO_HANDOUT_BLOCK_PARAGRAPH:
    default:
      break;
    }
  if (kind->continues)
    space_before = 0;

  layout = _peitho_handout_renderer_new_layout (self, font, self->width - x);
  block = add_block (self, BLOCK_TEXT, layout, x, space_before);
  builder = (TextBuilder) { self, document, block, text, attrs };
  block->paragraph = paragraph + 1;
  if (kind->kind == PEITHO_HANDOUT_BLOCK_LINE)
    block->margin = g_strdup (kind->number);
  else if (kind->kind == PEITHO_HANDOUT_BLOCK_PARAGRAPH)
    block->margin = g_strdup_printf ("¶%u", block->paragraph);
  block->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  block->active = g_ptr_array_new ();
  block->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  peitho_handout_foreach_run (self->handout, paragraph, text_run_cb, &builder);

  /* Room under each line for the stacked underlines. */
  pango_layout_set_spacing (layout, (int) ((2.0 + levels * LEVEL_STEP) * PANGO_SCALE));
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  measure (block);
  return block;
}

static Block *
make_plain_block (PeithoHandoutRenderer *self,
                  BlockKind              kind,
                  const char            *font,
                  const char            *text,
                  double                 x,
                  double                 space_before,
                  gboolean               muted)
{
  PangoLayout *layout = _peitho_handout_renderer_new_layout (self, font, self->width - x);
  Block *block = add_block (self, kind, layout, x, space_before);

  pango_layout_set_text (layout, text, -1);
  if (muted)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_foreground_new (0x5e00, 0x5c00, 0x6400));
      pango_layout_set_attributes (layout, attrs);
    }
  measure (block);
  return block;
}

static const char *
item_label (const PeithoHandoutItem *item)
{
  return item->tag != NULL ? peitho_tag_get_label (item->tag)
                           : peitho_annotation_get_tag_id (item->annotation);
}

static Block *
make_note_block (PeithoHandoutRenderer   *self,
                 const PeithoHandoutItem *item)
{
  PeithoDocument *document = peitho_handout_get_document (self->handout);
  PeithoAnnotation *annotation = item->annotation;
  g_autofree char *passage = peitho_document_dup_slice (document,
                                                        peitho_annotation_get_start (annotation),
                                                        peitho_annotation_get_end (annotation));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoLayout *layout = _peitho_handout_renderer_new_layout (self, SMALL_FONT,
                                                             self->width - GUTTER);
  Block *block = add_block (self, BLOCK_NOTE, layout, GUTTER, 2.0);
  gsize mark;

  g_strdelimit (passage, "\n\t", ' ');
  if (g_utf8_strlen (passage, -1) > 80)
    {
      g_autofree char *head = g_utf8_substring (passage, 0, 77);
      g_free (passage);
      passage = g_strconcat (head, "…", NULL);
    }
  g_string_append_printf (text, "%u\u2002", item->note_number);
  append_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);
  mark = text->len;
  g_string_append (text, item_label (item));
  append_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), mark, text->len);
  /* Translators: a footnote of a printed handout: the passage in quotes, then the note */
  g_string_append_printf (text, _(" “%s”: "), passage);
  g_string_append (text, peitho_annotation_get_note (annotation));
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  measure (block);
  return block;
}

static Block *
make_legend_block (PeithoHandoutRenderer *self,
                   PeithoTag             *tag)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *short_label = peitho_tag_dup_short_label (tag);
  g_autofree char *chip = g_strdup_printf ("\u2009%s\u2009", short_label);
  const char *definition = peitho_tag_get_definition (tag);
  PangoLayout *layout = _peitho_handout_renderer_new_layout (self, BODY_FONT, self->width - GUTTER);
  Block *block = add_block (self, BLOCK_LIST, layout, GUTTER, 4.0);
  gsize mark;

  append_chip (self, text, attrs, chip, peitho_tag_get_color (tag), TRUE);
  g_string_append (text, " ");
  mark = text->len;
  g_string_append (text, peitho_tag_get_label (tag));
  append_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), mark, text->len);
  if (definition != NULL && *definition != '\0')
    {
      g_string_append (text, ": ");
      g_string_append (text, definition);
    }
  if (self->greyscale)
    {
      /* The underline style that stands for the tag in greyscale. */
      g_string_append (text, "\u2003");
      mark = text->len;
      g_string_append (text, "\u2003\u2003\u2003");
      block->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
      block->active = g_ptr_array_new ();
      {
        /* A sample line drawn like a highlight of this tag. */
        Piece piece = { (int) mark, (int) text->len, 0, 1 };
        PeithoHandoutItem *item = g_new0 (PeithoHandoutItem, 1);

        item->tag = tag;
        g_ptr_array_set_free_func (block->active, g_free);
        g_ptr_array_add (block->active, item);
        g_array_append_val (block->pieces, piece);
      }
    }
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  measure (block);
  return block;
}

/* ---------------------------------------------------------------------------
 * Pagination
 */

static Page *
current_page (PeithoHandoutRenderer *self)
{
  if (self->pages->len == 0)
    g_ptr_array_add (self->pages, page_new ());
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static double
notes_height (GPtrArray *notes)
{
  double height = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      Block *note = g_ptr_array_index (notes, i);
      int h;

      pango_layout_get_size (note->layout, NULL, &h);
      height += note->space_before + (double) h / PANGO_SCALE;
    }
  return notes->len > 0 ? height + NOTES_GAP : 0;
}

/* Places the lines of @block, moving to a new page where a line (with the
 * footnotes of its markers) does not fit. */
static void
place_block (PeithoHandoutRenderer *self,
             Block                 *block)
{
  double body = self->height - FOOTER;
  Page *page = current_page (self);
  Slice *slice = NULL;
  guint n_lines = block->line_top->len;

  g_ptr_array_add (self->blocks, block);
  if (self->y > 0)
    self->y += block->space_before;

  for (guint line = 0; line < n_lines; line++)
    {
      double height = g_array_index (block->line_height, double, line);
      g_autoptr(GPtrArray) notes = g_ptr_array_new ();
      PangoLayoutLine *layout_line = pango_layout_get_line_readonly (block->layout, (int) line);
      double extra;

      for (guint m = 0; block->markers != NULL && m < block->markers->len; m++)
        {
          Marker *marker = &g_array_index (block->markers, Marker, m);

          if (marker->index >= layout_line->start_index
              && marker->index < layout_line->start_index + layout_line->length)
            g_ptr_array_add (notes, g_hash_table_lookup (self->note_blocks,
                                                         GUINT_TO_POINTER (marker->number)));
        }
      {
        g_autoptr(GPtrArray) all = g_ptr_array_copy (page->notes, NULL, NULL);

        g_ptr_array_extend (all, notes, NULL, NULL);
        extra = notes_height (all);
      }

      if (self->y + height + extra > body && (self->y > 0 || page->notes->len > 0))
        {
          page = page_new ();
          g_ptr_array_add (self->pages, page);
          self->y = 0;
          slice = NULL;
        }
      if (slice == NULL)
        {
          Slice new_slice = { block, line, 0, self->y };

          g_array_append_val (page->slices, new_slice);
          slice = &g_array_index (page->slices, Slice, page->slices->len - 1);
        }
      slice->n_lines++;
      self->y += height;
      g_ptr_array_extend (page->notes, notes, NULL, NULL);
      page->notes_height = notes_height (page->notes);
    }
}

PeithoHandoutRenderer *
peitho_handout_renderer_new (PeithoHandout *handout,
                             PangoContext  *context,
                             double         width,
                             double         height)
{
  PeithoHandoutRenderer *self;
  const PeithoHandoutOptions *options;
  GPtrArray *tags;

  g_return_val_if_fail (handout != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 2 * GUTTER && height > 4 * FOOTER, NULL);

  options = peitho_handout_get_options (handout);
  self = g_new0 (PeithoHandoutRenderer, 1);
  self->handout = handout;
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->greyscale = options->greyscale;
  /* In greyscale the labels are what tells the tags apart. */
  self->labels = options->labels || options->greyscale;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  /* The footnotes are laid out before the text and never placed in its flow:
   * the table owns them. */
  self->note_blocks = g_hash_table_new_full (NULL, NULL, NULL, block_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->tag_styles = g_hash_table_new (NULL, NULL);

  tags = peitho_handout_get_tags (handout);
  for (guint i = 0; i < tags->len; i++)
    g_hash_table_insert (self->tag_styles, g_ptr_array_index (tags, i), GUINT_TO_POINTER (i));

  return self;
}

void
peitho_handout_renderer_free (PeithoHandoutRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->note_blocks, g_hash_table_unref);
  g_clear_pointer (&self->tag_styles, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self);
}

static void
place_header (PeithoHandoutRenderer *self)
{
  PeithoDocument *document = peitho_handout_get_document (self->handout);
  const char *title = peitho_document_get_title (document);
  const char *author = peitho_document_get_author (document);
  const char *source = peitho_document_get_source (document);
  g_autofree char *annotators = peitho_handout_dup_annotator_names (self->handout);
  GPtrArray *notes = peitho_handout_get_notes (self->handout);

  /* Footnotes are laid out first: the text needs their heights. */
  for (guint i = 0; i < notes->len; i++)
    {
      const PeithoHandoutItem *item = g_ptr_array_index (notes, i);
      Block *note = make_note_block (self, item);

      g_hash_table_insert (self->note_blocks, GUINT_TO_POINTER (item->note_number), note);
    }

  place_block (self, make_plain_block (self, BLOCK_HEADER, TITLE_FONT,
                                       title != NULL && *title != '\0' ? title : _("Untitled"),
                                       GUTTER, 0, FALSE));
  if (author != NULL && *author != '\0')
    place_block (self, make_plain_block (self, BLOCK_HEADER, BODY_FONT, author, GUTTER, 4, FALSE));
  if (source != NULL && *source != '\0')
    place_block (self, make_plain_block (self, BLOCK_HEADER, SMALL_FONT, source, GUTTER, 2, TRUE));
  if (annotators != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Annotated by %s"), annotators);
      place_block (self, make_plain_block (self, BLOCK_HEADER, SMALL_FONT, line, GUTTER, 2, TRUE));
    }
  self->y += 10;
}

static void
place_relations (PeithoHandoutRenderer *self)
{
  GPtrArray *relations = peitho_handout_get_relations (self->handout);

  if (relations->len == 0)
    return;
  place_block (self, make_plain_block (self, BLOCK_HEADING, HEADING_FONT, _("Relations"), GUTTER,
                                       18, FALSE));
  for (guint i = 0; i < relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *sentence = peitho_handout_describe_relation (self->handout, relation);
      g_autofree char *item = g_strconcat ("•\u2002", sentence, NULL);

      place_block (self, make_plain_block (self, BLOCK_LIST, BODY_FONT, item, GUTTER, 3, FALSE));
    }
}

static void
place_legend (PeithoHandoutRenderer *self)
{
  GPtrArray *tags = peitho_handout_get_tags (self->handout);

  if (tags->len == 0)
    return;
  place_block (self, make_plain_block (self, BLOCK_HEADING, HEADING_FONT, _("Tags"), GUTTER,
                                       18, FALSE));
  for (guint i = 0; i < tags->len; i++)
    place_block (self, make_legend_block (self, g_ptr_array_index (tags, i)));
}

gboolean
peitho_handout_renderer_paginate (PeithoHandoutRenderer *self,
                                  gint64                 budget_usec)
{
  PeithoDocument *document;
  gint64 deadline;

  g_return_val_if_fail (self != NULL, TRUE);

  document = peitho_handout_get_document (self->handout);
  deadline = budget_usec > 0 ? g_get_monotonic_time () + budget_usec : G_MAXINT64;

  while (self->stage < 4)
    {
      switch (self->stage)
        {
        case 0:
          place_header (self);
          self->stage++;
          break;
        case 1:
          if (self->next_paragraph < peitho_document_get_n_paragraphs (document))
            place_block (self, make_text_block (self, self->next_paragraph++));
          else
            self->stage++;
          break;
        case 2:
          place_relations (self);
          self->stage++;
          break;
        case 3:
          place_legend (self);
          self->stage++;
          break;
        default:
          g_assert_not_reached ();
        }
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  return self->stage >= 4;
}

double
peitho_handout_renderer_get_progress (PeithoHandoutRenderer *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  if (self->stage >= 4)
    return 1.0;
  n = peitho_document_get_n_paragraphs (peitho_handout_get_document (self->handout));
  return n > 0 ? 0.95 * self->next_paragraph / n : 0.0;
}

guint
peitho_handout_renderer_get_n_pages (PeithoHandoutRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return MAX (self->pages->len, 1);
}
