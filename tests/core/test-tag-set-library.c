/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The library of tag sets, keeping used tags on import, and issue 4's
 * vocabulary through TEI round trips (tag-set edits with annotations in use,
 * relations, annotators and times), each written file validated against
 * tei_all.rng. All schema checks of the core tests live in this binary: the
 * schema takes 10 to 20 s to compile (once per test run under
 * build-aux/peitho-test, which starts a validator for all tests). */

#include "config.h"

#include <glib/gstdio.h>
#include <peitho-core.h>

#include "tei-validate.h"

static char *data_home;

static PeithoDocument *
new_document (void)
{
  PeithoDocument *document = peitho_document_new ();
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_set_tag_set (document, tag_set, &error));
  g_assert_true (peitho_document_append_paragraph (document, "We hold these truths to be self-evident.", -1,
                                                   NULL, &error));
  g_assert_true (peitho_document_append_paragraph (document, "That all men are created equal.", -1, NULL, &error));
  g_assert_no_error (error);
  return document;
}

static PeithoAnnotation *
annotate (PeithoDocument *document,
          gsize           start,
          gsize           end,
          const char     *tag_id,
          const char     *who)
{
  PeithoAnnotator *annotator = peitho_document_ensure_annotator (document, who);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 25, 10, 30, 0);
  g_autoptr(PeithoAnnotation) annotation = peitho_annotation_new (NULL, start, end, tag_id,
                                                                  peitho_annotator_get_id (annotator), NULL, when);
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
  return annotation;  /* the document holds it */
}

/* Writes, validates, reads back. */
static PeithoDocument *
round_trip (PeithoDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = peitho_tei_write_bytes (document, PEITHO_TEI_STANDOFF, &error);
  PeithoDocument *copy;

  g_assert_no_error (error);
  tei_assert_valid (bytes);
  copy = peitho_tei_read_bytes (bytes, "round-trip.xml", PEITHO_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
test_library_list_save_load_delete (void)
{
  g_autoptr(PeithoTagSet) tag_set = peitho_tag_set_new ("seminar", "Seminar Set");
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("moves", "Moves", NULL);
  g_autoptr(PeithoTag) tag = peitho_tag_new ("claim", "Claim", "What is argued", "We hold", "#99c1f1");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PeithoTagSet) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = peitho_tag_set_library_get_dir ();
  PeithoTagSetEntry *entry;

  g_assert_true (g_str_has_prefix (dir, data_home));

  /* No folder yet: an empty library, not an error. */
  entries = peitho_tag_set_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (peitho_tag_set_add_group (tag_set, group, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (tag_set, "moves", tag, -1, &error));
  path = peitho_tag_set_library_save (tag_set, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A file that is no tag set is skipped. */
  {
    g_autofree char *junk = g_build_filename (dir, "junk.xml", NULL);
    g_assert_true (g_file_set_contents (junk, "<not-tei/>", -1, NULL));
  }

  entries = peitho_tag_set_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "seminar");
  g_assert_cmpstr (entry->title, ==, "Seminar Set");
  g_assert_cmpstr (entry->path, ==, path);

  loaded = peitho_tag_set_library_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_tag_get_definition (peitho_tag_set_lookup_tag (loaded, "claim")), ==, "What is argued");
  g_assert_cmpstr (peitho_tag_get_color (peitho_tag_set_lookup_tag (loaded, "claim")), ==, "#99c1f1");

  g_assert_true (peitho_tag_set_library_delete ("seminar", &error));
  g_assert_no_error (error);
  g_assert_false (peitho_tag_set_library_delete ("seminar", &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (peitho_tag_set_library_delete ("../escape", &error));
  g_assert_nonnull (error);
}

static void
test_load_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peitho-library-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoTagSet) set = peitho_tag_set_library_load (path, &error);

  g_assert_null (set);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_rmdir (dir);
}

static void
test_keep_used_tags (void)
{
  g_autoptr(PeithoDocument) document = new_document ();
  g_autoptr(PeithoTagSet) imported = peitho_tag_set_new ("small", "Small");
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("figures", "Figures", NULL);
  g_autoptr(PeithoTag) irony = peitho_tag_new ("irony", "Irony", NULL, NULL, "#f9f06b");
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeithoDocument) copy = NULL;

  annotate (document, 0, 7, "metaphor", "Ada");
  annotate (document, 8, 12, "irony", "Ada");
  g_assert_true (peitho_tag_set_add_group (imported, group, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (imported, "figures", irony, -1, &error));

  /* Without the merge, the document refuses the set. */
  {
    g_autoptr(PeithoTagSet) bare = peitho_tag_set_copy (imported);
    g_assert_false (peitho_document_set_tag_set (document, bare, &error));
    g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_UNKNOWN_TAG);
    g_clear_error (&error);
  }

  g_assert_true (peitho_tag_set_keep_used_tags (imported, document, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (peitho_tag_get_id (g_ptr_array_index (kept, 0)), ==, "metaphor");
  g_assert_nonnull (peitho_tag_set_lookup_tag (imported, "metaphor"));
  g_assert_null (peitho_tag_set_lookup_tag (imported, "ethos"));
  g_assert_true (peitho_document_set_tag_set (document, imported, &error));
  g_assert_cmpuint (peitho_document_count_tag (document, "metaphor"), ==, 1);

  copy = round_trip (document);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (peitho_document_get_tag_set (copy)), ==, 2);
  g_assert_cmpuint (peitho_document_count_tag (copy, "metaphor"), ==, 1);
}

static void
test_tag_set_export_import (void)
{
  g_autoptr(PeithoDocument) document = new_document ();
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoTagSet) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  peitho_tag_set_label (peitho_tag_set_lookup_tag (tag_set, "irony"), "Dramatic irony");
  bytes = peitho_tei_write_tag_set_bytes (tag_set, &error);
  g_assert_no_error (error);
  tei_assert_valid (bytes);
  read = peitho_tei_read_tag_set_bytes (bytes, "tagset.xml", &error);
  g_assert_no_error (error);

  a = peitho_tag_set_dup_tags (tag_set);
  b = peitho_tag_set_dup_tags (read);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      PeithoTag *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (peitho_tag_get_id (x), ==, peitho_tag_get_id (y));
      g_assert_cmpstr (peitho_tag_get_label (x), ==, peitho_tag_get_label (y));
      g_assert_cmpstr (peitho_tag_get_color (x), ==, peitho_tag_get_color (y));
      g_assert_cmpstr (peitho_tag_get_group_id (x), ==, peitho_tag_get_group_id (y));
    }
}

static void
test_tag_edits_in_use (void)
{
  g_autoptr(PeithoDocument) document = new_document ();
  PeithoTagSet *tag_set = peitho_document_get_tag_set (document);
  g_autoptr(PeithoTag) added = peitho_tag_new ("crossing", "Chiasmus", "Crossed order", NULL, "#dc8add");
  g_autoptr(PeithoDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  PeithoTag *tag;
  const char *group_id = peitho_tag_get_group_id (peitho_tag_set_lookup_tag (tag_set, "metaphor"));

  annotate (document, 0, 7, "metaphor", "Ada");
  annotate (document, 8, 12, "metaphor", "Ada");
  annotate (document, 13, 18, "irony", "Ada");

  /* Add, rename, recolour, move. */
  g_assert_true (peitho_tag_set_add_tag (tag_set, group_id, added, 0, &error));
  annotate (document, 19, 24, "crossing", "Ben");
  peitho_tag_set_label (added, "Chiasmus (crossed)");
  peitho_tag_set_color (added, "#ff0000");

  /* Removing a tag in use: refused, retagged, or removed with them. */
  g_assert_false (peitho_document_remove_tag (document, "metaphor", NULL, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (peitho_document_remove_tag (document, "metaphor", "irony", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peitho_document_count_tag (document, "irony"), ==, 3);
  g_assert_true (peitho_document_remove_tag (document, "ethos", NULL, &error));

  copy = round_trip (document);
  tag = peitho_tag_set_lookup_tag (peitho_document_get_tag_set (copy), "crossing");
  g_assert_nonnull (tag);
  g_assert_cmpstr (peitho_tag_get_label (tag), ==, "Chiasmus (crossed)");
  g_assert_cmpstr (peitho_tag_get_color (tag), ==, "#ff0000");
  g_assert_null (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (copy), "metaphor"));
  g_assert_null (peitho_tag_set_lookup_tag (peitho_document_get_tag_set (copy), "ethos"));
  g_assert_cmpuint (peitho_document_count_tag (copy, "irony"), ==, 3);
  g_assert_cmpuint (peitho_document_count_tag (copy, "crossing"), ==, 1);

  g_assert_true (peitho_document_remove_tag (document, "irony", "", &error));
  g_assert_cmpuint (peitho_document_get_n_annotations (document), ==, 1);
  g_clear_object (&copy);
  copy = round_trip (document);
  g_assert_cmpuint (peitho_document_get_n_annotations (copy), ==, 1);
}

static void
test_relations_and_annotators (void)
{
  g_autoptr(PeithoDocument) document = new_document ();
  PeithoAnnotation *claim = annotate (document, 0, 7, "metaphor", "Ada Reader");
  PeithoAnnotation *ground = annotate (document, 8, 12, "irony", "Ben Critic");
  PeithoAnnotation *other = annotate (document, 41, 45, "ethos", "Ada Reader");
  g_autoptr(PeithoRelation) r1 = peitho_relation_new (NULL, "supports", peitho_annotation_get_id (ground),
                                                      peitho_annotation_get_id (claim), NULL);
  g_autoptr(PeithoRelation) r2 = peitho_relation_new (NULL, "echoes", peitho_annotation_get_id (other),
                                                      peitho_annotation_get_id (claim), NULL);
  g_autoptr(PeithoRelation) r3 = peitho_relation_new (NULL, "attacks", peitho_annotation_get_id (other),
                                                      peitho_annotation_get_id (ground), NULL);
  g_autoptr(PeithoDocument) copy = NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PeithoAnnotation *read;

  g_assert_true (peitho_document_add_relation (document, r1, &error));
  g_assert_true (peitho_document_add_relation (document, r2, &error));
  g_assert_true (peitho_document_add_relation (document, r3, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_document_remove_relation (document, r3));
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 2);

  copy = round_trip (document);
  g_assert_cmpuint (peitho_document_get_n_relations (copy), ==, 2);
  g_assert_cmpuint (peitho_document_count_relation_type (copy, "supports"), ==, 1);
  g_assert_cmpuint (peitho_document_count_relation_type (copy, "echoes"), ==, 1);
  g_assert_cmpuint (peitho_document_count_relation_type (copy, "attacks"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (peitho_document_get_annotators (copy)), ==, 2);
  read = peitho_document_lookup_annotation (copy, peitho_annotation_get_id (ground));
  g_assert_cmpstr (peitho_annotator_get_name (peitho_document_lookup_annotator (copy,
                     peitho_annotation_get_annotator_id (read))), ==, "Ben Critic");
  g_assert_nonnull (peitho_annotation_get_created (read));
  g_assert_cmpint (g_date_time_get_year (peitho_annotation_get_created (read)), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (peitho_annotation_get_created (read)), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (peitho_annotation_get_created (read)), ==, 30);

  /* Removing an annotation with relations takes them. */
  g_assert_true (peitho_document_remove_annotation (document, claim, removed));
  g_assert_cmpuint (removed->len, ==, 2);
  g_assert_cmpuint (peitho_document_get_n_relations (document), ==, 0);
  g_clear_object (&copy);
  copy = round_trip (document);
  g_assert_cmpuint (peitho_document_get_n_relations (copy), ==, 0);
  g_assert_cmpuint (peitho_document_get_n_annotations (copy), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = g_dir_make_tmp ("peitho-library-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tag-set-library/list-save-load-delete", test_library_list_save_load_delete);
  g_test_add_func ("/tag-set-library/keep-used-tags", test_keep_used_tags);
  g_test_add_func ("/tag-set-library/load-missing", test_load_missing);
  g_test_add_func ("/vocabulary/tag-set-export-import", test_tag_set_export_import);
  g_test_add_func ("/vocabulary/tag-edits-in-use", test_tag_edits_in_use);
  g_test_add_func ("/vocabulary/relations-annotators", test_relations_and_annotators);

  ret = g_test_run ();

  {
    g_autofree char *dir = g_build_filename (data_home, "peitho", "tagsets", NULL);
    g_autofree char *junk = g_build_filename (dir, "junk.xml", NULL);
    g_autofree char *parent = g_build_filename (data_home, "peitho", NULL);

    g_unlink (junk);
    g_rmdir (dir);
    g_rmdir (parent);
    g_rmdir (data_home);
  }
  g_free (data_home);
  return ret;
}
