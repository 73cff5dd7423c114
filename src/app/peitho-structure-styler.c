/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-structure-styler.h"

#define N_HEADING_LEVELS 6
#define STAGE_INDENT_PX  28

struct _PeithoStructureStyler
{
  GObject parent_instance;

  PeithoHighlighter *highlighter;
  GtkTextBuffer     *buffer;
  GtkTextTag        *heading[N_HEADING_LEVELS];
  GtkTextTag        *speaker;
  GtkTextTag        *stage;
  GtkTextTag        *italic;
  GtkTextTag        *bold;
  GtkTextTag        *small_caps;
  GtkTextTag        *struck;
  GtkTextTag        *marker;

  guint              pending : 1;
  guint              dark : 1;
};

G_DEFINE_FINAL_TYPE (PeithoStructureStyler, peitho_structure_styler, G_TYPE_OBJECT)

/* Where a point mark's marker is drawn: the character before its place, or
 * the first one at the start of the text. */
static void
marker_range (PeithoDocument *document,
              gsize           offset,
              gsize          *start,
              gsize          *end)
{
  gsize length = peitho_document_get_length (document);

  g_assert (length > 0);

  *start = offset > 0 ? MIN (offset, length) - 1 : 0;
  *end = *start + 1;
}

static void
apply_marks (PeithoStructureStyler *self)
{
  PeithoDocument *document = peitho_highlighter_get_document (self->highlighter);
  gsize length;
  guint n;

  g_assert (document != NULL);

  length = peitho_document_get_length (document);
  n = peitho_document_get_n_marks (document);
  if (length == 0 || n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const PeithoMark *mark = peitho_document_get_mark (document, i);
      GtkTextTag *tag;
      GtkTextIter start, end;
      gsize s = mark->start, e = mark->end;

      if (PEITHO_MARK_KIND_IS_POINT (mark->kind))
        {
          tag = self->marker;
          marker_range (document, mark->start, &s, &e);
        }
      else
        tag = peitho_structure_styler_get_tag (self, mark->kind, mark->level);

      if (tag == NULL || s >= e || e > length)
        continue;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) s);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) e);
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
    }
}

static void
update (PeithoStructureStyler *self)
{
  g_assert (PEITHO_IS_STRUCTURE_STYLER (self));

  if (!self->pending || peitho_highlighter_get_busy (self->highlighter))
    return;

  self->pending = FALSE;
  if (peitho_highlighter_get_document (self->highlighter) != NULL)
    apply_marks (self);
}

static void
style_tags (PeithoStructureStyler *self)
{
  g_assert (PEITHO_IS_STRUCTURE_STYLER (self));

  g_object_set (self->stage, "foreground", self->dark ? "#c0bfbc" : "#5e5c64", NULL);
  g_object_set (self->marker, "foreground", self->dark ? "#78aeed" : "#1c71d8", NULL);
}

static void
peitho_structure_styler_finalize (GObject *object)
{
  PeithoStructureStyler *self = (PeithoStructureStyler *)object;

  g_assert (PEITHO_IS_STRUCTURE_STYLER (object));

  g_clear_object (&self->highlighter);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (peitho_structure_styler_parent_class)->finalize (object);
}

static void
peitho_structure_styler_class_init (PeithoStructureStylerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = peitho_structure_styler_finalize;
}

static void
peitho_structure_styler_init (PeithoStructureStyler *self)
{
}

static void
create_tags (PeithoStructureStyler *self)
{
  static const double heading_scales[N_HEADING_LEVELS] = { 1.6, 1.4, 1.25, 1.15, 1.1, 1.05 };

  g_assert (PEITHO_IS_STRUCTURE_STYLER (self));

  for (guint i = 0; i < N_HEADING_LEVELS; i++)
    self->heading[i] = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                   "scale", heading_scales[i],
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   "pixels-above-lines", 6,
                                                   NULL);
  self->speaker = gtk_text_buffer_create_tag (self->buffer, NULL,
                                              "weight", PANGO_WEIGHT_BOLD,
                                              "variant", PANGO_VARIANT_SMALL_CAPS,
                                              "letter-spacing", PANGO_SCALE / 2,
                                              NULL);
  self->stage = gtk_text_buffer_create_tag (self->buffer, NULL,
                                            "style", PANGO_STYLE_ITALIC,
                                            "left-margin", STAGE_INDENT_PX,
                                            NULL);
  self->italic = gtk_text_buffer_create_tag (self->buffer, NULL,
                                             "style", PANGO_STYLE_ITALIC, NULL);
  self->bold = gtk_text_buffer_create_tag (self->buffer, NULL,
                                           "weight", PANGO_WEIGHT_BOLD, NULL);
  self->small_caps = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                 "variant", PANGO_VARIANT_SMALL_CAPS, NULL);
  self->struck = gtk_text_buffer_create_tag (self->buffer, NULL,
                                             "strikethrough", TRUE, NULL);
  self->marker = gtk_text_buffer_create_tag (self->buffer, NULL,
                                             "rise", 3 * PANGO_SCALE,
                                             "weight", PANGO_WEIGHT_BOLD,
                                             NULL);
  style_tags (self);
}

PeithoStructureStyler *
peitho_structure_styler_new (PeithoHighlighter *highlighter)
{
  PeithoStructureStyler *self;

  g_return_val_if_fail (PEITHO_IS_HIGHLIGHTER (highlighter), NULL);

  self = g_object_new (PEITHO_TYPE_STRUCTURE_STYLER, NULL);
  self->highlighter = g_object_ref (highlighter);
  self->buffer = g_object_ref (peitho_highlighter_get_buffer (highlighter));
  create_tags (self);

  g_signal_connect_object (highlighter, "notify::busy", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
peitho_structure_styler_refill (PeithoStructureStyler *self)
{
  g_return_if_fail (PEITHO_IS_STRUCTURE_STYLER (self));

  self->pending = TRUE;
  update (self);
}

void
peitho_structure_styler_set_dark (PeithoStructureStyler *self,
                                  gboolean               dark)
{
  g_return_if_fail (PEITHO_IS_STRUCTURE_STYLER (self));

  self->dark = !!dark;
  style_tags (self);
}

GtkTextTag *
peitho_structure_styler_get_tag (PeithoStructureStyler *self,
                                 PeithoMarkKind         kind,
                                 guint                  level)
{
  g_return_val_if_fail (PEITHO_IS_STRUCTURE_STYLER (self), NULL);

  switch (kind)
    {
    case PEITHO_MARK_HEADING:
      return self->heading[CLAMP (level, 1, N_HEADING_LEVELS) - 1];
    case PEITHO_MARK_SPEAKER:
      return self->speaker;
    case PEITHO_MARK_STAGE:
      return self->stage;
    case PEITHO_MARK_ITALIC:
      return self->italic;
    case PEITHO_MARK_BOLD:
      return self->bold;
    case PEITHO_MARK_SMALL_CAPS:
      return self->small_caps;
    case PEITHO_MARK_STRUCK:
      return self->struck;
    case PEITHO_MARK_NOTE:
    case PEITHO_MARK_PAGE_BREAK:
    case PEITHO_MARK_GAP:
      return self->marker;
    case PEITHO_MARK_PARAGRAPH:
    case PEITHO_MARK_SPEECH:
    case PEITHO_MARK_LINE:
    case PEITHO_MARK_ALTERNATIVE:
    default:
      return NULL;
    }
}

char *
peitho_structure_styler_dup_marker_markup (PeithoStructureStyler *self,
                                           gsize                  offset)
{
  PeithoDocument *document;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GString) markup = NULL;

  g_return_val_if_fail (PEITHO_IS_STRUCTURE_STYLER (self), NULL);

  document = peitho_highlighter_get_document (self->highlighter);
  if (document == NULL || peitho_document_get_length (document) == 0)
    return NULL;

  /* The marker sits on the character before the mark's place. */
  marks = peitho_document_get_marks_in_range (document, offset, offset + 2);
  markup = g_string_new (NULL);
  for (guint i = 0; i < marks->len; i++)
    {
      const PeithoMark *mark = g_ptr_array_index (marks, i);
      g_autofree char *escaped = NULL;
      gsize s, e;
      const char *what;

      if (mark->kind == PEITHO_MARK_ALTERNATIVE)
        {
          /* The other reading of a choice (sic, abbr, orig), over the one
           * in the text. */
          if (offset < mark->start || offset >= mark->end || mark->value == NULL)
            continue;
        }
      else if (!PEITHO_MARK_KIND_IS_POINT (mark->kind))
        continue;
      else
        {
          marker_range (document, mark->start, &s, &e);
          if (offset < s || offset >= e)
            continue;
        }

      if (mark->kind == PEITHO_MARK_ALTERNATIVE)
        what = C_("edition", "Other reading:");
      else if (mark->kind == PEITHO_MARK_NOTE)
        what = C_("edition", "Note");
      else if (mark->kind == PEITHO_MARK_PAGE_BREAK)
        what = _("Page break");
      else
        what = _("Gap in the edition");

      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "<b>%s</b>", what);
      if (mark->value != NULL)
        {
          escaped = g_markup_escape_text (mark->value, -1);
          g_string_append_printf (markup, " %s", escaped);
        }
    }

  if (markup->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
