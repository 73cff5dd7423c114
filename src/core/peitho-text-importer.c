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
 * Encodings: UTF-8 (a BOM is skipped); UTF-16 with a BOM, converted; a file
 * that is not UTF-8 and has no UTF-8-shaped byte sequence in it (a byte
 * C0-F7 followed by one of 80-BF, which real Latin-1 text hardly ever holds
 * and broken UTF-8 always does) is read as Windows-1252, which Latin-1 text
 * is too. The result says which, with a note.
 *
 * Line ends: LF, CRLF and CR alone (old Mac) all end a line. A form feed
 * (a page break, as pdftotext writes) ends a paragraph. Other C0 controls
 * cannot be stored in XML: they are an error naming line and column.
 *
 * Front matter is taken only when the whole corpus layout holds, each item a
 * one-line paragraph at the start:
 *   [breadcrumb "AUTHOR > ..."] [catalogue "AUTHOR ... TITLE"]
 *   "AUTHOR: TITLE" DATE "[SOURCE]"
 * all three of "AUTHOR: TITLE", a date and a bracketed source with a digit
 * in it (a year, a page), a title that does not end like a sentence, and
 * text after them. A speaker's line ("HAMLET: To be, or not to be..."), a
 * stage direction ("[Enter OPHELIA]") or applause stay text. Breadcrumb and
 * catalogue line are kept in the header as fileDesc/notesStmt/note (type
 * "breadcrumb", "catalogue").
 *
 * A Project Gutenberg file (a first paragraph naming "Project Gutenberg" and
 * a "*** START OF THE PROJECT GUTENBERG EBOOK ... ***" line) gives title and
 * author from its "Title:" and "Author:" lines. The text is what lies
 * between the START and END lines: the work. The header before it and the
 * licence after it are kept verbatim in the TEI header as notes (type
 * "gutenberg-header", "gutenberg-licence"), so nothing is lost, and the
 * result reports them as front matter.
 */

typedef struct {
  const char *text;    /* into the normalized buffer */
  gsize       length;  /* bytes */
} Paragraph;

/* ---------------------------------------------------------------------------
 * Encodings
 */

static gboolean
has_utf8_shaped_sequence (const guchar *data,
                          gsize         size)
{
  g_assert (data != NULL || size == 0);

  for (gsize i = 0; i + 1 < size; i++)
    if (data[i] >= 0xC0 && data[i] <= 0xF7 && (data[i + 1] & 0xC0) == 0x80)
      return TRUE;
  return FALSE;
}

/* Converts @data to UTF-8 (without BOM). Returns NULL with @error set. */
static char *
decode (const char              *data,
        gsize                    size,
        const char              *display_name,
        PeithoTextImportResult  *report,
        gsize                   *out_length,
        GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *file_start = data;
  gboolean utf8_bom = FALSE;
  const char *invalid;
  char *converted;
  gsize bytes_read = 0;

  g_assert (data != NULL);
  g_assert (out_length != NULL);

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      utf8_bom = TRUE;
      data += 3;
      size -= 3;
    }
  else if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gboolean little = data[0] == '\xFF';

      converted = g_convert (data + 2, size - 2, "UTF-8", little ? "UTF-16LE" : "UTF-16BE",
                             &bytes_read, out_length, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                       _("%s: invalid UTF-16 at byte %lu"), display_name,
                       (gulong) (bytes_read + 2));
          return NULL;
        }
      _peitho_text_import_result_set_encoding (report, little ? PEITHO_TEXT_ENCODING_UTF16LE
                                                              : PEITHO_TEXT_ENCODING_UTF16BE);
      _peitho_text_import_result_add_note (report, _("The file is UTF-16; converted to UTF-8"));
      return converted;
    }

  if (g_utf8_validate_len (data, size, &invalid))
    {
      *out_length = size;
      return g_strndup (data, size);
    }

  /* A UTF-8 byte-order mark says what the file means to be. */
  if (!utf8_bom && !has_utf8_shaped_sequence ((const guchar *) data, size))
    {
      /* glibc's WINDOWS-1252 refuses the five bytes it leaves undefined. */
      converted = g_convert (data, size, "UTF-8", "WINDOWS-1252", &bytes_read, out_length, NULL);
      if (converted != NULL)
        {
          _peitho_text_import_result_set_encoding (report, PEITHO_TEXT_ENCODING_WINDOWS_1252);
          _peitho_text_import_result_add_note (report,
                                               _("The file is not UTF-8; read as Windows-1252"));
          return converted;
        }
    }

  g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
               _("%s: invalid UTF-8 at byte %lu"), display_name, (gulong) (invalid - file_start));
  return NULL;
}

/* Characters that XML 1.0 cannot carry even as references. Tab, the line
 * ends and the form feed (a paragraph break here) are let through. */
static gboolean
check_xml_chars (const char  *text,
                 gsize        length,
                 const char  *display_name,
                 GError     **error)
{
  const guchar *bytes = (const guchar *) text;
  guint line = 1;
  const char *line_start = text;

  g_assert (text != NULL);

  /* Byte by byte (the text is valid UTF-8): C0 controls are single bytes,
   * U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
  for (gsize i = 0; i < length; i++)
    {
      gunichar c;

      if (bytes[i] >= 0x20 && bytes[i] != 0xEF)
        continue;
      if (bytes[i] == '\n' || (bytes[i] == '\r' && !(i + 1 < length && bytes[i + 1] == '\n')))
        {
          line++;
          line_start = text + i + 1;
          continue;
        }
      if (bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\f')
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
                   _("%s: control character U+%04X at line %u, column %lu; "
                     "TEI (XML) cannot hold it"),
                   display_name, c, line,
                   (gulong) g_utf8_strlen (line_start, text + i - line_start) + 1);
      return FALSE;
    }
  return TRUE;
}

/* LF for CRLF and CR; a blank line for a form feed. */
static GString *
normalize_breaks (const char *text,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *end = text + length;
  const char *p = text;

  g_assert (text != NULL);

  while (p < end)
    {
      const char *q = p;

      while (q < end && *q != '\r' && *q != '\f')
        q++;
      g_string_append_len (out, p, q - p);
      if (q == end)
        break;
      if (*q == '\r')
        {
          g_string_append_c (out, '\n');
          q += q + 1 < end && q[1] == '\n' ? 2 : 1;
        }
      else
        {
          g_string_append (out, "\n\n");
          q++;
        }
      p = q;
    }
  return out;
}

/* ---------------------------------------------------------------------------
 * Paragraphs
 */

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

static GArray *
split_paragraphs (const char *text,
                  gsize       length)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  const char *line = text;
  const char *text_end = text + length;
  Paragraph current = { NULL, 0 };

  g_assert (text != NULL);

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
  return paragraphs;
}

/* ---------------------------------------------------------------------------
 * The TEI header
 */

typedef struct {
  const char *type;
  char       *text;
} HeaderNote;

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
build_header_xml (const HeaderNote *notes,
                  guint             n_notes)
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

  for (guint i = 0; i < n_notes; i++)
    if (notes[i].text != NULL)
      append_note (notes_stmt, notes[i].type, notes[i].text);
  xmlAddChild (notes_stmt, xmlNewDocText (doc, (const xmlChar *) "\n      "));

  result = peitho_tei_dump_node (header);
  xmlFreeDoc (doc);
  return result;
}

/* ---------------------------------------------------------------------------
 * Front matter as in the corpus
 */

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

  g_assert (pattern != NULL);

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

/* A title, not a sentence someone says: it does not end in ".", "…" or ",". */
static gboolean
is_title (const char *title)
{
  gsize len = strlen (title);

  g_assert (title != NULL);

  return len > 0 && title[len - 1] != '.' && title[len - 1] != ','
         && !g_str_has_suffix (title, "…");
}

static void
report_taken (PeithoTextImportResult *report,
              PeithoFrontMatter       fields,
              const Paragraph        *p,
              guint                   n)
{
  g_autoptr(GString) taken = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        g_string_append (taken, "\n\n");
      g_string_append_len (taken, p[k].text, p[k].length);
    }
  _peitho_text_import_result_set_front_matter (report, fields, taken->str);
}

/* Returns how many paragraphs are front matter (0 if none), and tells
 * @report what was taken. */
static guint
take_front_matter (PeithoDocument         *document,
                   GArray                 *paragraphs,
                   PeithoTextImportResult *report)
{
  const Paragraph *p = (const Paragraph *) (gpointer) paragraphs->data;
  guint n = paragraphs->len;
  guint i = 0;
  int breadcrumb = -1, catalogue = -1, author_title, bibl;
  static const char author_title_re[] = "^[^:\\[\\]]{2,80}: \\S.{0,300}$";
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *source = NULL;
  PeithoFrontMatter fields;

  if (i < n && matches ("^\\S.* > .*$", &p[i]))
    breadcrumb = i++;
  if (breadcrumb >= 0 && i + 1 < n && p[i].length <= MAX_FRONT_LINE && is_single_line (&p[i])
      && !matches (author_title_re, &p[i]) && matches (author_title_re, &p[i + 1]))
    catalogue = i++;

  if (!(i < n && matches (author_title_re, &p[i])))
    return 0;
  author_title = i++;
  {
    g_autofree char *line = dup_trimmed (&p[author_title]);
    char *colon = strstr (line, ": ");

    *colon = '\0';
    author = g_strdup (g_strstrip (line));
    title = g_strdup (g_strstrip (colon + 2));
  }
  if (!is_title (title))
    return 0;

  if (!(i < n && p[i].length <= MAX_FRONT_LINE && is_single_line (&p[i])))
    return 0;
  date_text = dup_trimmed (&p[i]);
  {
    g_autofree char *iso = peitho_tei_date_to_iso (date_text);

    if (iso == NULL)
      return 0;
  }
  i++;

  /* A source names where the text was printed: a year, a page, a volume. */
  if (!(i < n && matches ("^\\s*\\[.*[0-9].*\\]\\s*$", &p[i])))
    return 0;
  bibl = i++;
  source = dup_trimmed (&p[bibl]);
  source[strlen (source) - 1] = '\0';

  if (i >= n)
    return 0;

  /* Breadcrumb and catalogue line, when there, name the same author and title. */
  if (breadcrumb >= 0)
    {
      g_autofree char *crumb = dup_trimmed (&p[breadcrumb]);
      g_autofree char *prefix = g_strconcat (author, " >", NULL);

      if (!g_str_has_prefix (crumb, prefix))
        return 0;
    }
  if (catalogue >= 0)
    {
      g_autofree char *line = dup_trimmed (&p[catalogue]);

      if (!g_str_has_prefix (line, author) || strstr (line, title) == NULL)
        return 0;
    }

  peitho_document_set_author (document, author);
  peitho_document_set_title (document, title);
  peitho_document_set_date (document, date_text);
  peitho_document_set_source (document, g_strstrip (source + 1));
  fields = PEITHO_FRONT_MATTER_TITLE | PEITHO_FRONT_MATTER_AUTHOR | PEITHO_FRONT_MATTER_DATE
           | PEITHO_FRONT_MATTER_SOURCE;
  if (breadcrumb >= 0 || catalogue >= 0)
    {
      HeaderNote notes[] = {
        { "breadcrumb", breadcrumb >= 0 ? g_strndup (p[breadcrumb].text, p[breadcrumb].length)
                                        : NULL },
        { "catalogue", catalogue >= 0 ? dup_trimmed (&p[catalogue]) : NULL },
      };
      g_autofree char *header_xml = build_header_xml (notes, G_N_ELEMENTS (notes));

      peitho_document_set_header_xml (document, header_xml);
      for (guint k = 0; k < G_N_ELEMENTS (notes); k++)
        g_free (notes[k].text);
      fields |= PEITHO_FRONT_MATTER_NOTES;
    }

  report_taken (report, fields, p, i);
  _peitho_text_import_result_add_note (report,
                                       _("Title, author, date and source were taken from "
                                         "the first lines"));
  return i;
}

/* ---------------------------------------------------------------------------
 * Project Gutenberg
 */

/* Just past the end of the line that @p is in. */
static const char *
line_end_after (const char *p,
                const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl + 1 : end;
}

/* The value of "FIELD: value" in @header, with its continuation lines
 * (indented), or NULL. */
static char *
header_field (const char *header,
              const char *field)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:[ \\t]*(.+(?:\\n[ \\t]+\\S.*)*)$", field);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) words = NULL;

  g_assert (regex != NULL);

  if (!g_regex_match (regex, header, 0, &match))
    return NULL;
  value = g_match_info_fetch (match, 1);
  words = g_regex_split_simple ("\\s+", g_strstrip (value), 0, 0);
  return g_strjoinv (" ", words);
}

/* Finds the Gutenberg layout in @text: on success the work is
 * [*body_start, *body_end). */
static gboolean
find_gutenberg (const char  *text,
                gsize        length,
                gsize       *body_start,
                gsize       *body_end)
{
  g_autoptr(GRegex) start_re = NULL;
  g_autoptr(GRegex) end_re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *end = text + length;
  const char *first = text;
  const char *first_end;
  gsize limit;
  int start_pos, end_pos;

  g_assert (text != NULL);

  /* "The Project Gutenberg eBook of ..." is in the first paragraph. */
  while (first < end && g_ascii_isspace (*first))
    first++;
  first_end = g_strstr_len (first, MIN ((gsize) (end - first), 2048), "\n\n");
  if (first_end == NULL)
    first_end = first + MIN ((gsize) (end - first), 2048);
  if (g_strstr_len (first, first_end - first, "Project Gutenberg") == NULL)
    return FALSE;

  start_re = g_regex_new ("^\\*{3} ?START OF (THE|THIS) PROJECT GUTENBERG E-?BOOK.*$",
                          G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
  end_re = g_regex_new ("^\\*{3} ?END OF (THE|THIS) PROJECT GUTENBERG E-?BOOK.*$",
                        G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
  g_assert (start_re != NULL && end_re != NULL);

  /* The header is short; the marker comes within its first lines. The
   * search stops on a character boundary (GRegex refuses broken UTF-8). */
  limit = MIN (length, 64 * 1024);
  while (limit < length && ((guchar) text[limit] & 0xC0) == 0x80)
    limit--;
  if (!g_regex_match_full (start_re, text, limit, 0, 0, &match, NULL))
    return FALSE;
  g_match_info_fetch_pos (match, 0, &start_pos, NULL);
  *body_start = line_end_after (text + start_pos, end) - text;
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match_full (end_re, text, length, *body_start, 0, &match, NULL))
    {
      g_match_info_fetch_pos (match, 0, &end_pos, NULL);
      *body_end = end_pos;
    }
  else
    *body_end = length;
  return TRUE;
}

/* Returns TRUE when @text is a Gutenberg file, with the work's span. */
static gboolean
take_gutenberg (PeithoDocument         *document,
                const char             *text,
                gsize                   length,
                PeithoTextImportResult *report,
                gsize                  *body_start,
                gsize                  *body_end)
{
  g_autofree char *header = NULL;
  g_autofree char *licence = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *header_xml = NULL;
  g_autoptr(GString) taken = NULL;
  PeithoFrontMatter fields = PEITHO_FRONT_MATTER_NOTES;

  if (!find_gutenberg (text, length, body_start, body_end))
    return FALSE;

  header = g_strndup (text, *body_start);
  g_strchomp (header);
  licence = *body_end < length ? g_strndup (text + *body_end, length - *body_end) : NULL;
  if (licence != NULL)
    g_strchomp (licence);

  title = header_field (header, "Title");
  author = header_field (header, "Author");
  if (title == NULL || author == NULL)
    {
      /* The first line: "The Project Gutenberg eBook of TITLE, by AUTHOR". */
      g_autoptr(GRegex) regex = g_regex_new ("Project Gutenberg('s)? E-?Book,? of (.+?),? by (.+)$",
                                             G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, header, 0, &match))
        {
          if (title == NULL)
            title = g_match_info_fetch (match, 2);
          if (author == NULL)
            author = g_match_info_fetch (match, 3);
        }
    }
  if (title != NULL)
    {
      peitho_document_set_title (document, g_strstrip (title));
      fields |= PEITHO_FRONT_MATTER_TITLE;
    }
  if (author != NULL)
    {
      peitho_document_set_author (document, g_strstrip (author));
      fields |= PEITHO_FRONT_MATTER_AUTHOR;
    }

  {
    HeaderNote notes[] = {
      { "gutenberg-header", header },
      { "gutenberg-licence", licence },
    };

    header_xml = build_header_xml (notes, G_N_ELEMENTS (notes));
    peitho_document_set_header_xml (document, header_xml);
  }

  taken = g_string_new (header);
  if (licence != NULL)
    g_string_append_printf (taken, "\n\n%s", licence);
  _peitho_text_import_result_set_front_matter (report, fields, taken->str);
  _peitho_text_import_result_add_note (report,
                                       _("Title and author were taken from the Project "
                                         "Gutenberg header; the header and the licence are "
                                         "kept in the TEI header, not in the text"));
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Importing
 */

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
  g_autofree char *decoded = NULL;
  const char *data;
  gsize size, length;
  gsize body_start = 0, body_end;
  guint first = 0;

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

  decoded = decode (data, size, display_name, report, &length, error);
  if (decoded == NULL)
    return NULL;
  if (!check_xml_chars (decoded, length, display_name, error))
    return NULL;
  text = normalize_breaks (decoded, length);
  g_clear_pointer (&decoded, g_free);

  document = peitho_document_new ();
  if (tag_set == NULL)
    own_tag_set = peitho_tag_set_new_default ();
  else
    own_tag_set = peitho_tag_set_copy (tag_set);
  if (!peitho_document_set_tag_set (document, own_tag_set, error))
    return NULL;

  body_end = text->len;
  if ((flags & PEITHO_TEXT_IMPORT_NO_FRONT_MATTER)
      || !take_gutenberg (document, text->str, text->len, report, &body_start, &body_end))
    body_start = 0, body_end = text->len;

  paragraphs = split_paragraphs (text->str + body_start, body_end - body_start);
  if (paragraphs->len == 0)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID,
                   _("%s: the file holds no text"), display_name);
      return NULL;
    }

  if (!(flags & PEITHO_TEXT_IMPORT_NO_FRONT_MATTER)
      && peitho_text_import_result_get_front_matter (report) == PEITHO_FRONT_MATTER_NONE)
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
