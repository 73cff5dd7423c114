/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "export-fixture.h"

static void
annotate_match (PeithoDocument *document,
                const char     *tag_id,
                const char     *match,
                const char     *who,
                const char     *note)
{
  const char *text = peitho_document_get_text (document);
  const char *found = strstr (text, match);
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (document, who);
  g_autoptr(PeithoAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gsize start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  annotation = peitho_annotation_new (NULL, start, start + g_utf8_strlen (match, -1), tag_id,
                                      peitho_annotator_get_id (annotator), note, NULL);
  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

static void
relate (PeithoDocument *document,
        const char     *from,
        const char     *to,
        const char     *type)
{
  g_autoptr(PeithoRelation) relation = peitho_relation_new (NULL, type, from, to, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_add_relation (document, relation, &error));
  g_assert_no_error (error);
}

PeithoDocument *
export_fixture_essay (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"),
                                            "trotsky-1939-balance-sheet-of-the-purges.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = peitho_text_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* a1 .. a8 in this order. */
  annotate_match (document, "ethos", "Walter Duranty, correspondent of the New York, Times",
                  "Ada", "Duranty’s credibility is what is under attack here.");
  annotate_match (document, "metaphor", "dirtiest journalistic tasks", "Ada", NULL);
  annotate_match (document, "irony", "whom the Kremlin has always entrusted with its dirtiest",
                  "Grace", "Mock praise: <the Kremlin> & its “trust”.");
  annotate_match (document, "claim", "Only inveterate fools, of course, are capable of believing this.",
                  "Ada", NULL);
  annotate_match (document, "evidence",
                  "Half of the expelled Communists have returned to the ranks of the party again. "
                  "But how many innocent nonparty people suffered, etc.!\n\n"
                  "Walter Duranty's indignation has been ordered from him by the Kremlin this time too.",
                  "Grace", "Crosses the paragraph break.");
  annotate_match (document, "rhetorical-question",
                  "But how many innocent nonparty people suffered, etc.!", "Grace", NULL);
  annotate_match (document, "concession", "But even people who are not stupid", "Ada", NULL);
  annotate_match (document, "anaphora", "every GPU agent, every Soviet official, every member",
                  "Ada", "Three times “every”.");
  relate (document, "a5", "a4", "supports");
  relate (document, "a7", "a4", "concedes");

  return document;
}

PeithoDocument *
export_fixture_hamlet (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PEITHO_CORPUS_DIR"), "tei",
                                            "folger-hamlet.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document = peitho_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* a1 .. a5: in a prose speech, across the two lines of a speech, nested
   * in a line, in a line with others after it. */
  annotate_match (document, "rhetorical-question", "Who’s there?", "Ada", NULL);
  annotate_match (document, "claim", "Nay, answer me. Stand and unfold yourself.", "Ada", NULL);
  annotate_match (document, "irony", "answer me", "Grace", "He asks what he should answer.");
  annotate_match (document, "pathos", "’Tis bitter cold,\nAnd I am sick at heart.", "Ada",
                  "The cold is the mood of the play.");
  annotate_match (document, "metaphor", "The rivals of my watch", "Grace", NULL);

  return document;
}

char *
export_fixture_run (const char * const *argv,
                    int                *status,
                    char              **standard_error)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (program == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", argv[0]);
      g_test_skip (why);
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                standard_error, &wait_status, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  else
    {
      g_spawn_check_wait_status (wait_status, &error);
      g_assert_no_error (error);
    }
  return out;
}

char *
export_fixture_write (GBytes     *bytes,
                      const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peitho-export-XXXXXX", &error);
  char *path;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_no_error (error);
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (g_file_set_contents (path, data, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

void
export_fixture_remove (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}
