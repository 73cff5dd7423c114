/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "peitho-error.h"
#include "peitho-document-io.h"
#include "peitho-tei-common.h"
#include "peitho-text-importer.h"
#include "peitho-text-import-result-private.h"

/*
 * An empty file (or one of blank lines only) is an error, "FILE: the file
 * holds no text": a document needs text to annotate.
 *
 * Front matter is taken only when it really matches the corpus layout, each
 * item a one-line paragraph at the start:
 *   [breadcrumb "A > B > "] [catalogue line] "Author: Title" [date] ["[bibl]"]
 * with "Author: Title" and at least one of breadcrumb, date or bibliographic
 * line, and text after it. Breadcrumb and catalogue line are kept in the
 * header as fileDesc/notesStmt/note (type "breadcrumb", "catalogue").
 */

typedef struct {
  const char *text;    /* into the normalized buffer */
  gsize       length;  /* bytes */
} Paragraph;

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  const char *end = line + length;

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Characters that XML 1.0 cannot carry even as references. */
static gboolean
check_xml_chars (const char  *data,
                 gsize        length,
                 gsize        base_offset,
                 const char  *display_name,
                 GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  guint line = 1;

  /* Byte by byte (the text is valid UTF-8): C0 controls are single bytes,
   * U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
  for (gsize i = 0; i < length; i++)
    {
      gunichar c;

      if (bytes[i] >= 0x20 && bytes[i] != 0xEF)
        continue;
      if (bytes[i] == '\n')
        line++;
      if (bytes[i] == '\n' || bytes[i] == '\t' || bytes[i] == '\r')
        continue;
      if (bytes[i] == 0xEF)
        {
          if (!(i + 2 < length && bytes[i + 1] == 0xBF && (bytes[i + 2] & 0xFE) == 0xBE))
            continue;
          c = bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF;
        }
      else
        c = bytes[i];

      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s:%u: the control character U+%04X at byte %lu"
                     " cannot be stored in TEI (XML)"),
                   display_name, line, c, (gulong) (i + base_offset));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_single_line (const Paragraph *p)
{
  return memchr (p->text, '\n', p->length) == NULL;
}

/* Front matter lines are short; a long paragraph is text. */
#define MAX_FRONT_LINE 1000

static gboolean
matches (const char      *pattern,
         const Paragraph *p)
{
  g_autofree char *text = NULL;

  if (p->length > MAX_FRONT_LINE || !is_single_line (p))
    return FALSE;
  text = g_strndup (p->text, p->length);
  return g_regex_match_simple (pattern, text, 0, 0);
}

static char *
dup_trimmed (const Paragraph *p)
{
  g_autofree char *text = g_strndup (p->text, p->length);

  return g_strdup (g_strstrip (text));
}

static void
append_note (xmlNode    *notes_stmt,
             const char *type,
             const char *text)
{
  xmlNode *note = xmlNewDocNode (notes_stmt->doc, notes_stmt->ns, (const xmlChar *) "note", NULL);

  xmlSetProp (note, (const xmlChar *) "type", (const xmlChar *) type);
  xmlAddChild (note, xmlNewDocText (notes_stmt->doc, (const xmlChar *) text));
  xmlAddChild (notes_stmt, xmlNewDocText (notes_stmt->doc, (const xmlChar *) "\n        "));
  xmlAddChild (notes_stmt, note);
}

static char *
build_header_xml (const char *breadcrumb,
                  const char *catalogue)
{
  static const char template[] =
    "<teiHeader xmlns=\"" PEITHO_TEI_NS "\">\n"
    "    <fileDesc>\n"
    "      <titleStmt>\n"
    "        <title/>\n"
    "      </titleStmt>\n"
    "      <publicationStmt><p>Annotated with Peitho.</p></publicationStmt>\n"
    "      <notesStmt/>\n"
    "      <sourceDesc><bibl/></sourceDesc>\n"
    "    </fileDesc>\n"
    "  </teiHeader>";
  xmlDoc *doc = peitho_tei_parse_memory (template, sizeof template - 1, "template", NULL);
  xmlNode *header = xmlDocGetRootElement (doc);
  xmlNode *notes_stmt = peitho_tei_child (peitho_tei_child (header, "fileDesc"), "notesStmt");
  char *result;

  if (breadcrumb != NULL)
    append_note (notes_stmt, "breadcrumb", breadcrumb);
  if (catalogue != NULL)
    append_note (notes_stmt, "catalogue", catalogue);
  xmlAddChild (notes_stmt, xmlNewDocText (doc, (const xmlChar *) "\n      "));

  result = peitho_tei_dump_node (header);
  xmlFreeDoc (doc);
  return result;
}

/* Returns how many paragraphs are front matter (0 if none), and tells
 * @result what was taken. */
static guint
take_front_matter (PeithoDocument         *document,
                   GArray                 *paragraphs,
                   PeithoTextImportResult *result)
{
  const Paragraph *p = (const Paragraph *) (gpointer) paragraphs->data;
  guint n = paragraphs->len;
  guint i = 0;
  int breadcrumb = -1, catalogue = -1, author_title = -1, date = -1, bibl = -1;
  static const char author_title_re[] = "^[^:\\[\\]]{2,80}: \\S.{0,300}$";

  if (i < n && matches ("^\\S.* > .*$", &p[i]))
    breadcrumb = i++;
  if (breadcrumb >= 0 && i + 1 < n && p[i].length <= MAX_FRONT_LINE && is_single_line (&p[i])
      && !matches (author_title_re, &p[i]) && matches (author_title_re, &p[i + 1]))
    catalogue = i++;
  if (i < n && matches (author_title_re, &p[i]))
    author_title = i++;
  else
    return 0;
  if (i < n && p[i].length <= MAX_FRONT_LINE && is_single_line (&p[i]))
    {
      g_autofree char *text = dup_trimmed (&p[i]);
      g_autofree char *iso = peitho_tei_date_to_iso (text);

      if (iso != NULL)
        date = i++;
    }
  if (i < n && matches ("^\\s*\\[.+\\]\\s*$", &p[i]))
    bibl = i++;

  if ((breadcrumb < 0 && date < 0 && bibl < 0) || i >= n)
    return 0;

  {
    g_autofree char *line = dup_trimmed (&p[author_title]);
    char *colon = strstr (line, ": ");

    *colon = '\0';
    peitho_document_set_author (document, g_strstrip (line));
    peitho_document_set_title (document, g_strstrip (colon + 2));
  }
  if (date >= 0)
    {
      g_autofree char *text = dup_trimmed (&p[date]);
      peitho_document_set_date (document, text);
    }
  if (bibl >= 0)
    {
      g_autofree char *text = dup_trimmed (&p[bibl]);
      gsize len = strlen (text);

      text[len - 1] = '\0';
      peitho_document_set_source (document, g_strstrip (text + 1));
    }
  if (breadcrumb >= 0 || catalogue >= 0)
    {
      g_autofree char *crumb = breadcrumb >= 0 ? g_strndup (p[breadcrumb].text,
                                                            p[breadcrumb].length) : NULL;
      g_autofree char *cat = catalogue >= 0 ? dup_trimmed (&p[catalogue]) : NULL;
      g_autofree char *header_xml = build_header_xml (crumb, cat);

      peitho_document_set_header_xml (document, header_xml);
    }

  {
    PeithoFrontMatter fields = PEITHO_FRONT_MATTER_TITLE | PEITHO_FRONT_MATTER_AUTHOR;
    g_autoptr(GString) taken = g_string_new (NULL);

    if (date >= 0)
      fields |= PEITHO_FRONT_MATTER_DATE;
    if (bibl >= 0)
      fields |= PEITHO_FRONT_MATTER_SOURCE;
    if (breadcrumb >= 0 || catalogue >= 0)
      fields |= PEITHO_FRONT_MATTER_NOTES;
    for (guint k = 0; k < i; k++)
      {
        if (k > 0)
          g_string_append (taken, "\n\n");
        g_string_append_len (taken, p[k].text, p[k].length);
      }
    _peitho_text_import_result_set_front_matter (result, fields, taken->str);
  }

  return i;
}

PeithoDocument *
peitho_text_import_bytes_full (GBytes                  *bytes,
                               const char              *display_name,
                               PeithoTagSet            *tag_set,
                               PeithoTextImportFlags    flags,
                               PeithoTextImportResult **result,
                               GError                 **error)
{
  g_autoptr(PeithoTextImportResult) report = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTagSet) own_tag_set = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GString) text = NULL;
  const char *data, *end, *invalid;
  gsize size, base = 0;
  guint first;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (tag_set == NULL || PEITHO_IS_TAG_SET (tag_set), NULL);

  if (result != NULL)
    *result = NULL;
  report = _peitho_text_import_result_new ();
  if (display_name == NULL)
    display_name = "text";
  data = g_bytes_get_data (bytes, &size);
  /* An empty GBytes may hold NULL; pointer arithmetic on NULL is undefined. */
  if (data == NULL)
    data = "";

  if (size > G_MAXSSIZE)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), display_name);
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    base = 3;
  if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: the file is UTF-16 text; Peitho reads text in UTF-8 (save it as "
                     "UTF-8 first)"), display_name);
      return NULL;
    }

  if (!g_utf8_validate_len (data + base, size - base, &invalid))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: invalid UTF-8 at byte %lu"), display_name,
                   (gulong) (invalid - data));
      return NULL;
    }
  if (!check_xml_chars (data + base, size - base, base, display_name, error))
    return NULL;

  /* CRLF -> LF; a lone CR is a character of the text. */
  text = g_string_sized_new (size - base);
  end = data + size;
  for (const char *p = data + base; p < end; )
    {
      const char *cr = memchr (p, '\r', end - p);

      if (cr == NULL)
        {
          g_string_append_len (text, p, end - p);
          break;
        }
      g_string_append_len (text, p, cr - p);
      if (!(cr + 1 < end && cr[1] == '\n'))
        g_string_append_c (text, '\r');
      p = cr + 1;
    }

  paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  {
    const char *line = text->str;
    const char *text_end = text->str + text->len;
    Paragraph current = { NULL, 0 };

    while (line <= text_end)
      {
        const char *nl = memchr (line, '\n', text_end - line);
        const char *line_end = nl != NULL ? nl : text_end;

        if (is_blank_line (line, line_end - line))
          {
            if (current.text != NULL)
              g_array_append_val (paragraphs, current);
            current.text = NULL;
          }
        else if (current.text == NULL)
          {
            current.text = line;
            current.length = line_end - line;
          }
        else
          current.length = line_end - current.text;

        if (nl == NULL)
          break;
        line = nl + 1;
      }
    if (current.text != NULL)
      g_array_append_val (paragraphs, current);
  }

  if (paragraphs->len == 0)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: the file holds no text"), display_name);
      return NULL;
    }

  document = peitho_document_new ();
  if (tag_set == NULL)
    own_tag_set = peitho_tag_set_new_default ();
  else
    own_tag_set = peitho_tag_set_copy (tag_set);
  if (!peitho_document_set_tag_set (document, own_tag_set, error))
    return NULL;

  first = 0;
  if (!(flags & PEITHO_TEXT_IMPORT_NO_FRONT_MATTER))
    first = take_front_matter (document, paragraphs, report);
  for (guint i = first; i < paragraphs->len; i++)
    {
      const Paragraph *p = &g_array_index (paragraphs, Paragraph, i);
      g_autoptr(GError) local_error = NULL;

      if (!peitho_document_append_paragraph (document, p->text, p->length, NULL, &local_error))
        {
          g_set_error (error, PEITHO_ERROR, local_error->code, "%s: %s", display_name,
                       local_error->message);
          return NULL;
        }
    }

  if (result != NULL)
    *result = g_steal_pointer (&report);
  return g_steal_pointer (&document);
}

PeithoDocument *
peitho_text_import_bytes (GBytes        *bytes,
                          const char    *display_name,
                          PeithoTagSet  *tag_set,
                          GError       **error)
{
  return peitho_text_import_bytes_full (bytes, display_name, tag_set,
                                        PEITHO_TEXT_IMPORT_DEFAULT, NULL, error);
}

PeithoDocument *
peitho_text_import_file (GFile         *file,
                         PeithoTagSet  *tag_set,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = peitho_file_read_bytes (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return peitho_text_import_bytes (bytes, name, tag_set, error);
}
