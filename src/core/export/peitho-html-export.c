/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-html-export.h"

/* The highlight alpha of the window (src/app/peitho-highlighter.c). */
#define ALPHA_LIGHT "0.35"
#define ALPHA_DARK  "0.45"
/* Stacked underlines: each level of overlap one step further down. */
#define LEVEL_STEP_PX 3
#define MAX_LEVEL_CLASS 8

typedef struct {
  PeithoHandout  *handout;
  PeithoDocument *document;
  GString        *out;
  GPtrArray      *open;      /* PeithoHandoutItem, outermost first */
  guint8         *opened;    /* per item index: its first element is written */
  gboolean        labels;
} Writer;

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static void
append_element (GString    *out,
                const char *name,
                const char *attributes,
                const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", name, attributes != NULL ? " " : "",
                          attributes != NULL ? attributes : "");
  append_escaped (out, text, -1);
  g_string_append_printf (out, "</%s>\n", name);
}

/* "r, g, b" of "#rrggbb", for rgba() with the alpha of the style. */
static char *
color_components (const char *color)
{
  guint value;

  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return g_strdup ("154, 153, 150");
  value = (guint) g_ascii_strtoull (color + 1, NULL, 16);
  return g_strdup_printf ("%u, %u, %u", (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

/* A CSS string: tag ids are XML names, but a tag set is user input. */
static void
append_css_string (GString    *out,
                   const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    if (*p == '"' || *p == '\\' || *p == '<' || *p == '>' || (guchar) *p < 0x20)
      g_string_append_printf (out, "\\%x ", (guchar) *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

static const char stylesheet[] =
  ":root { color-scheme: light dark; --fg: rgba(0, 0, 0, 0.8); --bg: #ffffff; --muted: #5e5c64;"
  " --alpha: " ALPHA_LIGHT "; --rule: #deddda; }\n"
  "@media (prefers-color-scheme: dark) {\n"
  "  :root { --fg: #ffffff; --bg: #1e1e1e; --muted: #c0bfbc; --alpha: " ALPHA_DARK ";"
  " --rule: #3d3846; }\n"
  "}\n"
  "body { margin: 0 auto; max-width: 42em; padding: 2em 1.5em 4em 3.5em; color: var(--fg);"
  " background: var(--bg); font: 1.05rem/2 Cantarell, \"Noto Serif\", Georgia, serif; }\n"
  "header { margin-bottom: 2em; border-bottom: 1px solid var(--rule); }\n"
  "h1 { font-size: 1.8em; line-height: 1.3; margin: 0 0 0.3em; }\n"
  "h2 { font-size: 1.2em; margin: 2em 0 0.5em; }\n"
  "header p { margin: 0.2em 0; color: var(--muted); line-height: 1.5; }\n"
  ".text > * { white-space: pre-wrap; position: relative; margin: 1em 0 0; }\n"
  ".text > .cont { margin-top: 0; }\n"
  /* Prose paragraphs show their number (the ¶ of relations), verse lines
   * theirs; neither is text of the page. */
  ".text > p:not(.speaker):not(.stage):not(.l)::before, .n { position: absolute; left: -3em;"
  " width: 2.5em; text-align: right; font-size: 0.7em; font-weight: 400; font-style: normal;"
  " color: var(--muted); }\n"
  ".text > p:not(.speaker):not(.stage):not(.l)::before { content: \"¶\" attr(data-para); }\n"
  ".text > h2, .text > h3, .text > h4, .text > h5, .text > h6 { line-height: 1.4;"
  " margin-top: 1.5em; }\n"
  ".text > h2 { font-size: 1.35em; } .text > h3 { font-size: 1.15em; }\n"
  ".text > h4, .text > h5, .text > h6 { font-size: 1em; }\n"
  ".speaker { font-weight: 700; letter-spacing: 0.04em; }\n"
  ".stage { font-style: italic; margin-left: 2em; }\n"
  ".sc { font-variant: small-caps; }\n"
  "mark { color: inherit; background: rgba(var(--c), var(--alpha));"
  " border-bottom: 2px solid rgb(var(--c)); padding: 0.1em 0; }\n"
  ".label { display: inline-block; font: 700 0.62em/1.4 Cantarell, sans-serif; color: #000000;"
  " background: rgb(var(--c)); border-radius: 0.3em; padding: 0 0.3em; margin: 0 0.15em 0 0;"
  " vertical-align: 0.5em; }\n"
  ".note-ref { font-size: 0.7em; line-height: 0; vertical-align: super; }\n"
  ".note-ref a, .back { color: inherit; }\n"
  ".notes li, .relations li { line-height: 1.5; margin-bottom: 0.4em; }\n"
  ".notes q { color: var(--muted); }\n"
  ".legend dt { font-weight: 700; line-height: 1.5; margin-top: 0.6em; }\n"
  ".legend dd { margin: 0 0 0 2.2em; line-height: 1.5; }\n"
  ".legend .example { color: var(--muted); font-style: italic; }\n"
  ".visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;"
  " overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }\n"
  "@media print {\n"
  "  :root { --fg: #000000; --bg: #ffffff; --muted: #444444; --alpha: " ALPHA_LIGHT "; }\n"
  "  body { max-width: none; padding: 0 0 0 2.5em; font-size: 11pt; }\n"
  "  mark, .label { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  .back { display: none; }\n"
  "  .text p { orphans: 2; widows: 2; }\n"
  "  h2 { break-after: avoid; }\n"
  "}\n";

static void
write_styles (Writer *self)
{
  GPtrArray *tags = peitho_handout_get_tags (self->handout);
  guint n_levels = peitho_handout_get_n_levels (self->handout);

  g_string_append (self->out, "<style>\n");
  g_string_append (self->out, stylesheet);
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *rgb = color_components (peitho_tag_get_color (tag));

      g_string_append (self->out, "[data-tag=");
      append_css_string (self->out, peitho_tag_get_id (tag));
      g_string_append (self->out, "], [data-label-tag=");
      append_css_string (self->out, peitho_tag_get_id (tag));
      g_string_append_printf (self->out, "] { --c: %s; }\n", rgb);
    }
  /* An annotation over another draws its underline below the other's. */
  for (guint level = 1; level < MIN (n_levels, MAX_LEVEL_CLASS + 1); level++)
    g_string_append_printf (self->out, "mark.l%u { padding-bottom: calc(0.1em + %upx); }\n",
                            level, level * LEVEL_STEP_PX);
  g_string_append (self->out, "</style>\n");
}

static void
write_header (Writer *self)
{
  const char *title = peitho_document_get_title (self->document);
  const char *author = peitho_document_get_author (self->document);
  const char *source = peitho_document_get_source (self->document);
  g_autofree char *annotators = peitho_handout_dup_annotator_names (self->handout);

  g_string_append (self->out, "<header>\n");
  append_element (self->out, "h1", NULL, title != NULL && *title != '\0' ? title : _("Untitled"));
  if (author != NULL && *author != '\0')
    append_element (self->out, "p", "class=\"author\"", author);
  if (source != NULL && *source != '\0')
    append_element (self->out, "p", "class=\"source\"", source);
  if (annotators != NULL)
    {
      /* Translators: %s is a list of names, "Ada, Grace" */
      g_autofree char *line = g_strdup_printf (_("Annotated by %s"), annotators);
      append_element (self->out, "p", "class=\"annotators\"", line);
    }
  g_string_append (self->out, "</header>\n");
}

static const char *
item_label (const PeithoHandoutItem *item)
{
  return item->tag != NULL ? peitho_tag_get_label (item->tag)
                           : peitho_annotation_get_tag_id (item->annotation);
}

static void
close_to (Writer *self,
          guint   depth)
{
  while (self->open->len > depth)
    {
      g_string_append (self->out, "</mark>");
      g_ptr_array_remove_index (self->open, self->open->len - 1);
    }
}

static void
open_item (Writer                  *self,
           const PeithoHandoutItem *item)
{
  const char *id = peitho_annotation_get_id (item->annotation);

  g_string_append (self->out, "<mark");
  if (!self->opened[item->index])
    {
      g_string_append (self->out, " id=\"ann-");
      append_escaped (self->out, id, -1);
      g_string_append_c (self->out, '"');
      self->opened[item->index] = TRUE;
    }
  g_string_append (self->out, " data-annotation=\"");
  append_escaped (self->out, id, -1);
  g_string_append (self->out, "\" data-tag=\"");
  append_escaped (self->out, peitho_annotation_get_tag_id (item->annotation), -1);
  g_string_append_c (self->out, '"');
  if (item->level > 0)
    g_string_append_printf (self->out, " class=\"l%u\"", MIN (item->level, MAX_LEVEL_CLASS));
  g_string_append (self->out, " title=\"");
  append_escaped (self->out, item_label (item), -1);
  g_string_append (self->out, "\">");
  g_ptr_array_add (self->open, (gpointer) item);
}

/* The label where a highlight begins: visible as the short label, read out
 * as the tag's name. */
static void
write_label (Writer                  *self,
             const PeithoHandoutItem *item)
{
  const char *tag_id = peitho_annotation_get_tag_id (item->annotation);

  if (self->labels)
    {
      g_autofree char *short_label = item->tag != NULL ? peitho_tag_dup_short_label (item->tag)
                                                       : g_strdup (tag_id);

      g_string_append (self->out, "<span class=\"label\" data-label-tag=\"");
      append_escaped (self->out, tag_id, -1);
      g_string_append (self->out, "\" aria-hidden=\"true\">");
      append_escaped (self->out, short_label, -1);
      g_string_append (self->out, "</span>");
    }
  g_string_append (self->out, "<span class=\"visually-hidden\">");
  append_escaped (self->out, item_label (item), -1);
  g_string_append (self->out, ": </span>");
}

static void
write_run_cb (const PeithoHandoutRun *run,
              gpointer                user_data)
{
  Writer *self = user_data;
  const char *text = peitho_document_offset_to_pointer (self->document, run->start);
  const char *text_end = peitho_document_offset_to_pointer (self->document, run->end);
  guint keep = 0;

  /* Labels and note markers stand outside every highlight. */
  if (run->n_starting > 0)
    {
      close_to (self, 0);
      for (guint i = 0; i < run->n_starting; i++)
        write_label (self, run->starting[i]);
    }

  while (keep < self->open->len && keep < run->n_active
         && g_ptr_array_index (self->open, keep) == run->active[keep])
    keep++;
  close_to (self, keep);
  for (guint i = keep; i < run->n_active; i++)
    open_item (self, run->active[i]);

  if (run->style & PEITHO_HANDOUT_STYLE_ITALIC)
    g_string_append (self->out, "<i>");
  if (run->style & PEITHO_HANDOUT_STYLE_BOLD)
    g_string_append (self->out, "<b>");
  if (run->style & PEITHO_HANDOUT_STYLE_SMALL_CAPS)
    g_string_append (self->out, "<span class=\"sc\">");
  if (run->style & PEITHO_HANDOUT_STYLE_STRUCK)
    g_string_append (self->out, "<s>");
  append_escaped (self->out, text, text_end - text);
  if (run->style & PEITHO_HANDOUT_STYLE_STRUCK)
    g_string_append (self->out, "</s>");
  if (run->style & PEITHO_HANDOUT_STYLE_SMALL_CAPS)
    g_string_append (self->out, "</span>");
  if (run->style & PEITHO_HANDOUT_STYLE_BOLD)
    g_string_append (self->out, "</b>");
  if (run->style & PEITHO_HANDOUT_STYLE_ITALIC)
    g_string_append (self->out, "</i>");

  for (guint i = 0; i < run->n_ending; i++)
    {
      guint number = run->ending[i]->note_number;

      if (number == 0)
        continue;
      close_to (self, 0);
      g_string_append_printf (self->out, "<sup class=\"note-ref\"><a href=\"#note-%u\" "
                              "id=\"ref-%u\" aria-label=\"", number, number);
      {
        /* Translators: the accessible name of a footnote marker */
        g_autofree char *name = g_strdup_printf (_("Note %u"), number);
        append_escaped (self->out, name, -1);
      }
      g_string_append_printf (self->out, "\">%u</a></sup>", number);
    }
}

/* The element of a block, and its class (NULL for a paragraph of prose,
 * which shows its ¶ number). */
static void
block_element (const PeithoHandoutBlock  *block,
               char                     **element,
               const char               **class_name)
{
  *class_name = NULL;
  switch (block->kind)
    {
    case PEITHO_HANDOUT_BLOCK_HEADING:
      /* h1 is the title. */
      *element = g_strdup_printf ("h%u", MIN (block->level + 1, 6));
      return;
    case PEITHO_HANDOUT_BLOCK_SPEAKER:
      *class_name = "speaker";
      break;
    case PEITHO_HANDOUT_BLOCK_STAGE:
      *class_name = "stage";
      break;
    case PEITHO_HANDOUT_BLOCK_LINE:
      *class_name = "l";
      break;
    case PEITHO_HANDOUT_BLOCK_PARAGRAPH:
    default:
      break;
    }
  *element = g_strdup ("p");
}

static void
write_text (Writer *self)
{
  guint n = peitho_document_get_n_paragraphs (self->document);

  g_string_append (self->out, "<article class=\"text\">\n");
  for (guint p = 0; p < n; p++)
    {
      const PeithoHandoutBlock *block = peitho_handout_get_block (self->handout, p);
      g_autofree char *element = NULL;
      const char *class_name;

      block_element (block, &element, &class_name);
      g_string_append_printf (self->out, "<%s id=\"para-%u\" data-para=\"%u\"", element, p + 1,
                              p + 1);
      if (class_name != NULL || block->continues)
        g_string_append_printf (self->out, " class=\"%s%s%s\"",
                                class_name != NULL ? class_name : "",
                                class_name != NULL && block->continues ? " " : "",
                                block->continues ? "cont" : "");
      g_string_append_c (self->out, '>');
      /* The line's number in the margin, outside every highlight. */
      if (block->number != NULL)
        {
          g_string_append (self->out, "<span class=\"n\">");
          append_escaped (self->out, block->number, -1);
          g_string_append (self->out, "</span>");
        }
      peitho_handout_foreach_run (self->handout, p, write_run_cb, self);
      close_to (self, 0);
      g_string_append_printf (self->out, "</%s>\n", element);
    }
  g_string_append (self->out, "</article>\n");
}

static void
write_notes (Writer *self)
{
  GPtrArray *notes = peitho_handout_get_notes (self->handout);

  if (notes->len == 0)
    return;

  g_string_append (self->out, "<section class=\"notes\" aria-labelledby=\"notes-title\">\n");
  append_element (self->out, "h2", "id=\"notes-title\"", _("Notes"));
  g_string_append (self->out, "<ol>\n");
  for (guint i = 0; i < notes->len; i++)
    {
      const PeithoHandoutItem *item = g_ptr_array_index (notes, i);
      PeithoAnnotation *annotation = item->annotation;
      g_autofree char *passage = peitho_document_dup_slice (self->document,
                                                            peitho_annotation_get_start (annotation),
                                                            peitho_annotation_get_end (annotation));
      g_autofree char *short_passage = NULL;

      /* A quotation on one line, even of a passage across paragraphs. */
      g_strdelimit (passage, "\n\t", ' ');
      if (g_utf8_strlen (passage, -1) > 80)
        {
          g_autofree char *head = g_utf8_substring (passage, 0, 77);
          short_passage = g_strconcat (head, "…", NULL);
        }

      g_string_append_printf (self->out, "<li id=\"note-%u\">", item->note_number);
      g_string_append (self->out, "<strong>");
      append_escaped (self->out, item_label (item), -1);
      g_string_append (self->out, "</strong> <q>");
      append_escaped (self->out, short_passage != NULL ? short_passage : passage, -1);
      g_string_append (self->out, "</q>: ");
      append_escaped (self->out, peitho_annotation_get_note (annotation), -1);
      g_string_append_printf (self->out, " <a class=\"back\" href=\"#ref-%u\" aria-label=\"",
                              item->note_number);
      /* Translators: the accessible name of the link from a footnote back to its marker */
      append_escaped (self->out, _("Back to the text"), -1);
      g_string_append (self->out, "\">↩</a></li>\n");
    }
  g_string_append (self->out, "</ol>\n</section>\n");
}

static void
write_relations (Writer *self)
{
  GPtrArray *relations = peitho_handout_get_relations (self->handout);

  if (relations->len == 0)
    return;

  g_string_append (self->out, "<section class=\"relations\" aria-labelledby=\"relations-title\">\n");
  append_element (self->out, "h2", "id=\"relations-title\"", _("Relations"));
  g_string_append (self->out, "<ul>\n");
  for (guint i = 0; i < relations->len; i++)
    {
      PeithoRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *sentence = peitho_handout_describe_relation (self->handout, relation);

      g_string_append (self->out, "<li><a href=\"#ann-");
      append_escaped (self->out, peitho_relation_get_from_id (relation), -1);
      g_string_append (self->out, "\">");
      append_escaped (self->out, sentence, -1);
      g_string_append (self->out, "</a></li>\n");
    }
  g_string_append (self->out, "</ul>\n</section>\n");
}

static void
write_legend (Writer *self)
{
  GPtrArray *tags = peitho_handout_get_tags (self->handout);

  if (tags->len == 0)
    return;

  g_string_append (self->out, "<section class=\"legend\" aria-labelledby=\"legend-title\">\n");
  /* Translators: heading of the legend of a printed or exported document */
  append_element (self->out, "h2", "id=\"legend-title\"", _("Tags"));
  g_string_append (self->out, "<dl>\n");
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *short_label = peitho_tag_dup_short_label (tag);
      const char *definition = peitho_tag_get_definition (tag);
      const char *example = peitho_tag_get_example (tag);

      g_string_append (self->out, "<dt><span class=\"label\" data-label-tag=\"");
      append_escaped (self->out, peitho_tag_get_id (tag), -1);
      g_string_append (self->out, "\">");
      append_escaped (self->out, short_label, -1);
      g_string_append (self->out, "</span> ");
      append_escaped (self->out, peitho_tag_get_label (tag), -1);
      g_string_append (self->out, "</dt>\n");
      if ((definition != NULL && *definition != '\0') || (example != NULL && *example != '\0'))
        {
          g_string_append (self->out, "<dd>");
          if (definition != NULL)
            append_escaped (self->out, definition, -1);
          if (example != NULL && *example != '\0')
            {
              g_string_append (self->out, " <q class=\"example\">");
              append_escaped (self->out, example, -1);
              g_string_append (self->out, "</q>");
            }
          g_string_append (self->out, "</dd>\n");
        }
    }
  g_string_append (self->out, "</dl>\n</section>\n");
}

GBytes *
peitho_html_export (PeithoDocument             *document,
                    const PeithoHandoutOptions *options,
                    GError                    **error)
{
  g_autoptr(PeithoHandout) handout = NULL;
  g_autofree guint8 *opened = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  const char *title;
  Writer writer;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  handout = peitho_handout_new (document, options, error);
  if (handout == NULL)
    return NULL;

  opened = g_new0 (guint8, peitho_handout_get_n_items (handout) + 1);
  writer = (Writer) {
    .handout = handout,
    .document = document,
    .out = g_string_sized_new (4096 + 3 * strlen (peitho_document_get_text (document))
                               + 200 * peitho_handout_get_n_items (handout)),
    .open = open,
    .opened = opened,
    .labels = peitho_handout_get_options (handout)->labels,
  };
  title = peitho_document_get_title (document);

  g_string_append (writer.out,
                   "<!DOCTYPE html>\n"
                   "<html>\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n"
                   "<meta name=\"generator\" content=\"Peitho " PACKAGE_VERSION "\">\n");
  append_element (writer.out, "title", NULL,
                  title != NULL && *title != '\0' ? title : _("Untitled"));
  write_styles (&writer);
  g_string_append (writer.out, "</head>\n<body>\n");
  write_header (&writer);
  g_string_append (writer.out, "<main>\n");
  write_text (&writer);
  write_notes (&writer);
  write_relations (&writer);
  write_legend (&writer);
  g_string_append (writer.out, "</main>\n</body>\n</html>\n");

  return g_string_free_to_bytes (writer.out);
}
