/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The hostile cases made at run time: those that point at the test's own
 * secret file or listening socket, and those too large to keep in git. */

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "hostile-generate.h"

#define TEI_OPEN "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"
#define HEADER \
  "<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt>" \
  "<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><bibl>Test.</bibl></sourceDesc>" \
  "</fileDesc><encodingDesc><classDecl><taxonomy xml:id=\"tx\"><category xml:id=\"argument\">" \
  "<catDesc>Argument</catDesc><category xml:id=\"claim\"><catDesc><term>Claim</term></catDesc>" \
  "</category></category></taxonomy></classDecl></encodingDesc></teiHeader>"

static char *
write_case (const HostileContext *ctx,
            const char           *name,
            const char           *data,
            gssize                length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (ctx->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_string (const HostileContext *ctx,
              const char           *name,
              GString              *string)
{
  return write_case (ctx, name, string->str, string->len);
}

char *
hostile_gen_xxe_secret_file (const HostileContext *ctx,
                             const char           *name)
{
  g_autofree char *uri = g_filename_to_uri (ctx->secret_path, NULL, NULL);
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI [\n"
                                          "<!ENTITY secret SYSTEM \"%s\">\n"
                                          "]>\n"
                                          TEI_OPEN HEADER "<text><body><p>&secret;</p>"
                                          "</body></text></TEI>\n", uri);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_xxe_secret_path (const HostileContext *ctx,
                             const char           *name)
{
  /* A plain path, and the entity used in an attribute and in the header too. */
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI [\n"
                                          "<!ENTITY secret SYSTEM \"%s\">\n"
                                          "]>\n"
                                          TEI_OPEN "<teiHeader><fileDesc><titleStmt><title>"
                                          "&secret;</title></titleStmt></fileDesc></teiHeader>"
                                          "<text><body><p rend=\"&secret;\">&secret;</p>"
                                          "</body></text></TEI>\n", ctx->secret_path);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_xxe_listener (const HostileContext *ctx,
                          const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI [\n"
                                          "<!ENTITY remote SYSTEM \"http://127.0.0.1:%u/e.xml\">\n"
                                          "]>\n"
                                          TEI_OPEN HEADER "<text><body><p>&remote;</p>"
                                          "</body></text></TEI>\n", ctx->port);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_parameter_entity_secret (const HostileContext *ctx,
                                     const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI [\n"
                                          "<!ENTITY %% dtd SYSTEM \"%s\">\n"
                                          "%%dtd;\n"
                                          "]>\n"
                                          TEI_OPEN HEADER "<text><body><p>&leak;</p>"
                                          "</body></text></TEI>\n", ctx->secret_dtd);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_doctype_secret_dtd (const HostileContext *ctx,
                                const char           *name)
{
  /* If the DTD were loaded, &leak; would be the secret; since it is not, the
   * reference is to an undeclared entity. */
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI SYSTEM \"%s\">\n"
                                          TEI_OPEN HEADER "<text><body><p>&leak;</p>"
                                          "</body></text></TEI>\n", ctx->secret_dtd);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_doctype_listener (const HostileContext *ctx,
                              const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE TEI SYSTEM \"http://127.0.0.1:%u/tei.dtd\">\n"
                                          TEI_OPEN HEADER "<text><body><p>A DTD on the network."
                                          "</p></body></text></TEI>\n", ctx->port);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_xinclude_secret (const HostileContext *ctx,
                             const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" "
                                          "xmlns:xi=\"http://www.w3.org/2001/XInclude\">" HEADER
                                          "<text><body><p>Before.</p>"
                                          "<xi:include href=\"%s\" parse=\"text\"/>"
                                          "<p>After.</p></body></text></TEI>\n", ctx->secret_path);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_xinclude_listener (const HostileContext *ctx,
                               const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" "
                                          "xmlns:xi=\"http://www.w3.org/2001/XInclude\">" HEADER
                                          "<text><body><p>Before.</p>"
                                          "<xi:include href=\"http://127.0.0.1:%u/x.xml\"/>"
                                          "<p>After.</p></body></text></TEI>\n", ctx->port);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_stylesheet_listener (const HostileContext *ctx,
                                 const char           *name)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<?xml-stylesheet type=\"text/xsl\" "
                                          "href=\"http://127.0.0.1:%u/s.xsl\"?>\n"
                                          TEI_OPEN HEADER "<text><body><p>Styled.</p>"
                                          "</body></text></TEI>\n", ctx->port);

  return write_case (ctx, name, xml, -1);
}

char *
hostile_gen_quadratic_blowup (const HostileContext *ctx,
                              const char           *name)
{
  /* One 50 KB entity used 5,000 times: 250 MB once expanded. */
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n"
                                         "<!ENTITY big \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">\n]>\n" TEI_OPEN HEADER "<text><body><p>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (xml, "&big;");
  g_string_append (xml, "</p></body></text></TEI>\n");
  return write_string (ctx, name, xml);
}

static char *
nested (const HostileContext *ctx,
        const char           *name,
        const char           *before,
        const char           *open,
        const char           *close,
        const char           *after,
        guint                 depth)
{
  g_autoptr(GString) xml = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append (xml, open);
  g_string_append (xml, "deep");
  for (guint i = 0; i < depth; i++)
    g_string_append (xml, close);
  g_string_append (xml, after);
  return write_string (ctx, name, xml);
}

char *
hostile_gen_nested_elements (const HostileContext *ctx,
                             const char           *name)
{
  return nested (ctx, name, TEI_OPEN "<text><body>\n", "<div>", "</div>",
                 "</body></text></TEI>\n", 100000);
}

char *
hostile_gen_nested_in_p (const HostileContext *ctx,
                         const char           *name)
{
  return nested (ctx, name, TEI_OPEN HEADER "\n<text><body><p>", "<seg ana=\"#claim\">", "</seg>",
                 "</p></body></text></TEI>\n", 100000);
}

char *
hostile_gen_nested_seg_allowed (const HostileContext *ctx,
                                const char           *name)
{
  /* Deep, but within libxml2's limit (256): every level is an annotation. */
  return nested (ctx, name, TEI_OPEN HEADER "<text><body><p>", "<seg ana=\"#claim\">x", "</seg>",
                 "</p></body></text></TEI>\n", 200);
}

char *
hostile_gen_huge_text_line (const HostileContext *ctx,
                            const char           *name)
{
  /* 50 MB on one line: words, so that it looks like text. */
  static const char words[] = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
  gsize size = 50 * 1024 * 1024;
  g_autofree char *data = g_malloc (size + 1);

  for (gsize i = 0; i < size; i++)
    data[i] = words[i % (sizeof words - 1)];
  data[size - 1] = '.';
  data[size] = '\0';
  return write_case (ctx, name, data, size);
}

static char *
attribute_of (const HostileContext *ctx,
              const char           *name,
              gsize                 size)
{
  g_autoptr(GString) xml = g_string_new (TEI_OPEN HEADER "<text><body>\n<p rend=\"");

  for (gsize i = 0; i < size; i++)
    g_string_append_c (xml, 'a' + i % 26);
  g_string_append (xml, "\">A paragraph with a large attribute.</p></body></text></TEI>\n");
  return write_string (ctx, name, xml);
}

char *
hostile_gen_huge_attribute (const HostileContext *ctx,
                            const char           *name)
{
  /* Beyond libxml2's 10,000,000 byte limit for a value without XML_PARSE_HUGE. */
  return attribute_of (ctx, name, 12 * 1000 * 1000);
}

char *
hostile_gen_large_attribute (const HostileContext *ctx,
                             const char           *name)
{
  return attribute_of (ctx, name, 1000 * 1000);
}

char *
hostile_gen_million_anchors (const HostileContext *ctx,
                             const char           *name)
{
  g_autoptr(GString) xml = g_string_new (TEI_OPEN HEADER "<text><body><p>");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (xml, "<anchor/>");
  g_string_append (xml, "Text after a million anchors.</p></body></text></TEI>\n");
  return write_string (ctx, name, xml);
}

char *
hostile_gen_million_paragraphs (const HostileContext *ctx,
                                const char           *name)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "p\n\n");
  return write_string (ctx, name, text);
}

char *
hostile_gen_many_xml_ids (const HostileContext *ctx,
                          const char           *name)
{
  /* libxml2 2.9's own table of ids slows down quadratically past ~100,000. */
  g_autoptr(GString) xml = g_string_new (TEI_OPEN HEADER "<text><body>\n");

  for (guint i = 1; i <= 300000; i++)
    g_string_append_printf (xml, "<p xml:id=\"p%u\">p</p>", i);
  g_string_append (xml, "</body></text></TEI>\n");
  return write_string (ctx, name, xml);
}

char *
hostile_gen_too_large (const HostileContext *ctx,
                       const char           *name)
{
  /* Sparse: 300 MB that take no disk space. */
  char *path = g_build_filename (ctx->dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<TEI>", 5), ==, 5);
  g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  close (fd);
  return path;
}
