/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <peitho-core.h>

#include "peitho-core-resources.h"

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint n_calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->n_calls++;
}

/* Two groups, three tags: argument{claim, evidence}, figures{metaphor}. */
static PeithoTagSet *
make_tag_set (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("test", "Test");
  g_autoptr(PeithoTagGroup) argument = peitho_tag_group_new ("argument", "Argument", NULL);
  g_autoptr(PeithoTagGroup) figures = peitho_tag_group_new ("figures", "Figures", "Of speech");
  g_autoptr(PeithoTag) claim = peitho_tag_new ("claim", "Claim", "What is argued", NULL, "#ff0000");
  g_autoptr(PeithoTag) evidence = peitho_tag_new ("evidence", "Evidence", NULL, NULL, "#00ff00");
  g_autoptr(PeithoTag) metaphor = peitho_tag_new ("metaphor", "Metaphor", NULL,
                                                  "All the world's a stage", "#0000ff");
  g_autoptr(GError) error = NULL;

  g_assert_true (peitho_tag_set_add_group (set, argument, -1, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_tag_set_add_group (set, figures, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (set, "argument", claim, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (set, "argument", evidence, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (set, "figures", metaphor, -1, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&set);
}

static void
test_groups_and_tags (void)
{
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(PeithoTagGroup) extra = peitho_tag_group_new ("extra", "Extra", NULL);
  g_autoptr(PeithoTag) dup = peitho_tag_new ("claim", "Claim again", NULL, NULL, NULL);
  g_autoptr(PeithoTag) bad = peitho_tag_new ("1st", "First", NULL, NULL, NULL);
  g_autoptr(PeithoTag) orphan = peitho_tag_new ("orphan", "Orphan", NULL, NULL, NULL);
  g_autoptr(PeithoTag) clash = peitho_tag_new ("figures", "Clash", NULL, NULL, NULL);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0 };
  PeithoTag *claim;

  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (set)) == PEITHO_TYPE_TAG_GROUP);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), ==, 3);
  g_assert_cmpstr (peitho_tag_group_get_id (peitho_tag_set_get_group (set, 1)), ==, "figures");

  claim = peitho_tag_set_lookup_tag (set, "claim");
  g_assert_nonnull (claim);
  g_assert_cmpstr (peitho_tag_get_group_id (claim), ==, "argument");
  g_assert_cmpstr (peitho_tag_get_definition (claim), ==, "What is argued");
  g_assert_null (peitho_tag_set_lookup_tag (set, "nothing"));
  g_assert_null (peitho_tag_set_lookup_tag (set, "argument"));
  g_assert_nonnull (peitho_tag_set_lookup_group (set, "argument"));
  g_assert_null (peitho_tag_set_lookup_group (set, "claim"));

  tags = peitho_tag_set_dup_tags (set);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (peitho_tag_get_id (g_ptr_array_index (tags, 0)), ==, "claim");
  g_assert_cmpstr (peitho_tag_get_id (g_ptr_array_index (tags, 1)), ==, "evidence");
  g_assert_cmpstr (peitho_tag_get_id (g_ptr_array_index (tags, 2)), ==, "metaphor");

  /* Tag and group ids share one namespace; ids must be NCNames. */
  g_assert_false (peitho_tag_set_add_tag (set, "argument", dup, -1, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (peitho_tag_set_add_tag (set, "argument", clash, -1, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (peitho_tag_set_add_tag (set, "argument", bad, -1, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (peitho_tag_set_add_tag (set, "nowhere", orphan, -1, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), ==, 3);

  /* Groups: insert at a position, move, remove. */
  g_signal_connect (set, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_assert_true (peitho_tag_set_add_group (set, extra, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (peitho_tag_set_get_group (set, 0) == extra);

  g_assert_true (peitho_tag_set_move_group (set, extra, 2, &error));
  g_assert_no_error (error);
  g_assert_true (peitho_tag_set_get_group (set, 2) == extra);
  g_assert_cmpstr (peitho_tag_group_get_id (peitho_tag_set_get_group (set, 0)), ==, "argument");

  /* Tags: move to another group at a position. */
  g_assert_true (peitho_tag_set_move_tag (set, claim, "extra", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_tag_get_group_id (claim), ==, "extra");
  g_assert_cmpuint (peitho_tag_group_get_n_tags (extra), ==, 1);
  g_assert_cmpuint (peitho_tag_group_get_n_tags (peitho_tag_set_lookup_group (set, "argument")),
                    ==, 1);
  g_assert_true (peitho_tag_set_lookup_tag (set, "claim") == claim);
  g_assert_false (peitho_tag_set_move_tag (set, claim, "nowhere", 0, &error));
  g_assert_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Within a group. */
  g_assert_true (peitho_tag_set_add_tag (set, "extra", orphan, -1, &error));
  g_assert_true (peitho_tag_set_move_tag (set, orphan, "extra", 0, &error));
  g_assert_true (peitho_tag_group_get_tag (extra, 0) == orphan);
  g_assert_true (peitho_tag_group_get_tag (extra, 1) == claim);

  /* Removal frees the id. */
  g_assert_true (peitho_tag_set_remove_tag (set, claim));
  g_assert_false (peitho_tag_set_remove_tag (set, claim));
  g_assert_null (peitho_tag_set_lookup_tag (set, "claim"));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), ==, 3);
  g_assert_true (peitho_tag_set_add_tag (set, "argument", dup, 0, &error));
  g_assert_no_error (error);

  /* A group goes with its tags. */
  g_assert_true (peitho_tag_set_remove_group (set, extra));
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_null (peitho_tag_set_lookup_tag (set, "orphan"));
  g_assert_null (peitho_tag_set_lookup_group (set, "extra"));
  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), ==, 2);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), ==, 3);
}

static void
test_group_model (void)
{
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  PeithoTagGroup *argument = peitho_tag_set_lookup_group (set, "argument");
  g_autoptr(PeithoTag) tag = peitho_tag_new ("thesis", "Thesis", NULL, NULL, NULL);
  g_autoptr(PeithoTag) item = NULL;
  ItemsChanged record = { 0 };

  g_signal_connect (argument, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (argument)), ==, 2);
  g_assert_true (peitho_tag_set_add_tag (set, "argument", tag, 1, NULL));
  g_assert_cmpuint (record.n_calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (argument), 1);
  g_assert_true (item == tag);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (argument), 3));
}

static void
test_changed (void)
{
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(PeithoTag) removed = NULL;
  PeithoTag *metaphor = peitho_tag_set_lookup_tag (set, "metaphor");
  PeithoTagGroup *argument = peitho_tag_set_lookup_group (set, "argument");
  guint count = 0;

  g_signal_connect (set, "changed", G_CALLBACK (count_cb), &count);

  peitho_tag_set_color (metaphor, "#123456");
  g_assert_cmpuint (count, ==, 1);
  peitho_tag_set_color (metaphor, "#123456");
  g_assert_cmpuint (count, ==, 1);
  peitho_tag_set_label (metaphor, "Metaphora");
  g_assert_cmpuint (count, ==, 2);
  peitho_tag_set_shortcut (metaphor, "<Control>1");
  g_assert_cmpuint (count, ==, 3);
  peitho_tag_group_set_label (argument, "Arguments");
  g_assert_cmpuint (count, ==, 4);

  /* One signal per operation, even though it notifies "group-id". */
  g_assert_true (peitho_tag_set_move_tag (set, metaphor, "argument", -1, NULL));
  g_assert_cmpuint (count, ==, 5);

  peitho_tag_set_set_title (set, "Other");
  g_assert_cmpuint (count, ==, 6);

  /* A removed tag no longer reaches the set. */
  removed = g_object_ref (metaphor);
  g_assert_true (peitho_tag_set_remove_tag (set, metaphor));
  g_assert_cmpuint (count, ==, 7);
  peitho_tag_set_label (removed, "Gone");
  g_assert_cmpuint (count, ==, 7);
}

static void
test_make_id (void)
{
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(PeithoTag) tag = NULL;
  struct {
    const char *label;
    const char *id;
  } cases[] = {
    { "Rhetorical question", "rhetorical-question" },
    { "  Rhetorical   question!! ", "rhetorical-question" },
    { "Prétérition", "preterition" },
    { "3 reasons", "t-3-reasons" },
    { "", "tag" },
    { "???", "tag" },
    { "Claim", "claim-2" },
    { "Argument", "argument-2" },
    { "ΛΟΓΟΣ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = peitho_tag_set_make_id (set, cases[i].label);

      g_assert_true (peitho_id_is_valid (id));
      for (const char *p = id; *p; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      if (cases[i].id != NULL)
        g_assert_cmpstr (id, ==, cases[i].id);
    }

  tag = peitho_tag_new ("rhetorical-question", "RQ", NULL, NULL, NULL);
  g_assert_true (peitho_tag_set_add_tag (set, "figures", tag, -1, NULL));

  for (guint n = 2; n < 5; n++)
    {
      g_autofree char *id = peitho_tag_set_make_id (set, "Rhetorical question");
      g_autofree char *expected = g_strdup_printf ("rhetorical-question-%u", n);
      g_autoptr(PeithoTag) next = peitho_tag_new (id, "RQ", NULL, NULL, NULL);

      g_assert_cmpstr (id, ==, expected);
      g_assert_true (peitho_tag_set_add_tag (set, "figures", next, -1, NULL));
    }
}

static void
test_ids (void)
{
  g_autofree char *slug = peitho_id_slugify ("  Jane O'Brien-Smith ");

  g_assert_cmpstr (slug, ==, "jane-o-brien-smith");
  g_assert_true (peitho_id_is_valid ("a1"));
  g_assert_true (peitho_id_is_valid ("_x.y-z"));
  g_assert_true (peitho_id_is_valid ("été"));
  g_assert_false (peitho_id_is_valid (""));
  g_assert_false (peitho_id_is_valid ("1a"));
  g_assert_false (peitho_id_is_valid ("-a"));
  g_assert_false (peitho_id_is_valid ("a b"));
  g_assert_false (peitho_id_is_valid ("a:b"));
  g_assert_false (peitho_id_is_valid ("a#b"));
  g_assert_false (peitho_id_is_valid (NULL));
}

static void
test_copy (void)
{
  g_autoptr(PeithoTagSet) set = make_tag_set ();
  g_autoptr(PeithoTagSet) copy = NULL;
  PeithoTag *original_tag;
  PeithoTag *copied_tag;
  guint count = 0;

  peitho_tag_set_shortcut (peitho_tag_set_lookup_tag (set, "claim"), "<Control>c");
  copy = peitho_tag_set_copy (set);

  g_assert_cmpstr (peitho_tag_set_get_id (copy), ==, "test");
  g_assert_cmpstr (peitho_tag_set_get_title (copy), ==, "Test");
  g_assert_cmpuint (peitho_tag_set_get_n_groups (copy), ==, 2);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (copy), ==, 3);

  for (guint i = 0; i < 2; i++)
    {
      PeithoTagGroup *a = peitho_tag_set_get_group (set, i);
      PeithoTagGroup *b = peitho_tag_set_get_group (copy, i);

      g_assert_true (a != b);
      g_assert_cmpstr (peitho_tag_group_get_id (a), ==, peitho_tag_group_get_id (b));
      g_assert_cmpstr (peitho_tag_group_get_label (a), ==, peitho_tag_group_get_label (b));
      g_assert_cmpstr (peitho_tag_group_get_definition (a), ==,
                       peitho_tag_group_get_definition (b));
      g_assert_cmpuint (peitho_tag_group_get_n_tags (a), ==, peitho_tag_group_get_n_tags (b));
    }

  original_tag = peitho_tag_set_lookup_tag (set, "claim");
  copied_tag = peitho_tag_set_lookup_tag (copy, "claim");
  g_assert_true (original_tag != copied_tag);
  g_assert_cmpstr (peitho_tag_get_color (copied_tag), ==, "#ff0000");
  g_assert_cmpstr (peitho_tag_get_shortcut (copied_tag), ==, "<Control>c");
  g_assert_cmpstr (peitho_tag_get_group_id (copied_tag), ==, "argument");
  g_assert_cmpstr (peitho_tag_get_example (peitho_tag_set_lookup_tag (copy, "metaphor")), ==,
                   "All the world's a stage");

  /* Changing the copy leaves the original alone, and only the copy signals. */
  g_signal_connect (set, "changed", G_CALLBACK (count_cb), &count);
  peitho_tag_set_label (copied_tag, "Changed");
  g_assert_cmpstr (peitho_tag_get_label (original_tag), ==, "Claim");
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (peitho_tag_set_remove_group (copy, peitho_tag_set_lookup_group (copy, "figures")));
  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), ==, 2);
  g_assert_nonnull (peitho_tag_set_lookup_tag (set, "metaphor"));
}

static void
test_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoTagSet) parsed = NULL;
  g_autoptr(PeithoTagSet) set = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resource_lookup_data (peitho_core_get_resource (),
                                  "/io/github/peitho/Peitho/core/peitho-rhetoric.xml",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  parsed = peitho_tei_read_tag_set_bytes (bytes, "peitho-rhetoric.xml", &error);
  if (parsed == NULL)
    {
      g_autofree char *why = NULL;

      why = g_strdup_printf ("The TEI reader cannot read the default tag set yet: %s",
                             error != NULL ? error->message : "no error");
      g_test_skip (why);
      return;
    }

  set = peitho_tag_set_new_default ();
  g_assert_nonnull (set);
  g_assert_cmpstr (peitho_tag_set_get_id (set), ==, peitho_tag_set_get_id (parsed));
  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), >, 0);
  g_assert_cmpuint (peitho_tag_set_get_n_groups (set), ==, peitho_tag_set_get_n_groups (parsed));
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), >=, 10);
  g_assert_cmpuint (peitho_tag_set_get_n_tags (set), ==, peitho_tag_set_get_n_tags (parsed));

  /* Without a translation (the C locale), labels are those of the file. */
  tags = peitho_tag_set_dup_tags (set);
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      PeithoTag *same = peitho_tag_set_lookup_tag (parsed, peitho_tag_get_id (tag));

      g_assert_true (peitho_id_is_valid (peitho_tag_get_id (tag)));
      g_assert_nonnull (same);
      g_assert_cmpstr (peitho_tag_get_label (tag), ==, peitho_tag_get_label (same));
      g_assert_nonnull (peitho_tag_get_label (tag));
      g_assert_nonnull (peitho_tag_get_group_id (tag));
    }
}

/* A short label per tag: the tag set's abbreviation, or one derived from
 * the label; kept through copies and a TEI round trip. */
static void
test_short_label (void)
{
  g_autoptr(PeithoTag) metaphor = peitho_tag_new ("metaphor", "Metaphor", NULL, NULL, "#ea648c");
  g_autoptr(PeithoTag) question = peitho_tag_new ("rq", "rhetorical question", NULL, NULL, NULL);
  g_autoptr(PeithoTag) claim = peitho_tag_new ("claim", "Claim", NULL, NULL, NULL);
  g_autoptr(PeithoTag) copy = NULL;
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new ("set", "Set");
  g_autoptr(PeithoTagSet) parsed = NULL;
  g_autoptr(PeithoTagGroup) group = peitho_tag_group_new ("group", "Group", NULL);
  g_autoptr(PeithoTagSet) builtin = peitho_tag_set_new_default ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (builtin);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *derived = peitho_tag_dup_short_label (metaphor);
  g_autofree char *written = NULL;
  g_autofree char *initials = peitho_tag_dup_short_label (question);
  g_autofree char *given = NULL;

  g_assert_null (peitho_tag_get_abbreviation (metaphor));
  g_assert_cmpstr (derived, ==, "Met");
  g_assert_cmpstr (initials, ==, "RQ");

  peitho_tag_set_abbreviation (claim, "Clm");
  given = peitho_tag_dup_short_label (claim);
  g_assert_cmpstr (given, ==, "Clm");
  copy = peitho_tag_copy (claim);
  g_assert_cmpstr (peitho_tag_get_abbreviation (copy), ==, "Clm");
  peitho_tag_set_abbreviation (copy, "");
  g_assert_null (peitho_tag_get_abbreviation (copy));

  g_assert_true (peitho_tag_set_add_group (set, group, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (set, "group", metaphor, -1, &error));
  g_assert_true (peitho_tag_set_add_tag (set, "group", claim, -1, &error));
  g_assert_no_error (error);
  bytes = peitho_tei_write_tag_set_bytes (set, &error);
  g_assert_no_error (error);
  /* The bytes are not NUL-terminated: search a terminated copy. */
  written = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (written, "<term>Claim</term> <term type=\"abbreviation\">Clm</term>"));
  parsed = peitho_tei_read_tag_set_bytes (bytes, "set.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peitho_tag_get_label (peitho_tag_set_lookup_tag (parsed, "claim")), ==, "Claim");
  g_assert_cmpstr (peitho_tag_get_abbreviation (peitho_tag_set_lookup_tag (parsed, "claim")), ==,
                   "Clm");
  g_assert_null (peitho_tag_get_abbreviation (peitho_tag_set_lookup_tag (parsed, "metaphor")));

  /* The built-in set names one, different for every tag. */
  for (guint i = 0; i < tags->len; i++)
    {
      const char *abbreviation = peitho_tag_get_abbreviation (g_ptr_array_index (tags, i));

      g_assert_nonnull (abbreviation);
      g_assert_cmpuint (g_utf8_strlen (abbreviation, -1), <=, 3);
      g_assert_false (g_hash_table_contains (seen, abbreviation));
      g_hash_table_add (seen, g_strdup (abbreviation));
    }
  g_assert_cmpstr (peitho_tag_get_abbreviation (peitho_tag_set_lookup_tag (builtin, "claim")), ==,
                   "Clm");
  g_assert_cmpstr (peitho_tag_get_definition (peitho_tag_set_lookup_tag (builtin, "claim")), ==,
                   "the position or conclusion that an argument sets out to establish.");
}

static gboolean
have_utf8_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean found = setlocale (LC_ALL, "C.UTF-8") != NULL;

  setlocale (LC_ALL, saved);

  return found;
}

/* In German, through the catalogue built in the build tree: labels,
 * definitions and examples come out translated. A subprocess, so that the
 * locale does not leak into the other tests. */
static void
test_default_translated (void)
{
  g_autofree char *localedir = NULL;
  g_autofree char *catalogue = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeithoTagSet) parsed = NULL;

  localedir = g_build_filename (g_getenv ("PEITHO_BUILD_ROOT"), "po", NULL);
  catalogue = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  bytes = g_resource_lookup_data (peitho_core_get_resource (),
                                  "/io/github/peitho/Peitho/core/peitho-rhetoric.xml",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  parsed = peitho_tei_read_tag_set_bytes (bytes, "peitho-rhetoric.xml", NULL);

  if (g_getenv ("PEITHO_BUILD_ROOT") == NULL || !g_file_test (catalogue, G_FILE_TEST_EXISTS) ||
      parsed == NULL || !have_utf8_locale ())
    {
      g_test_skip ("No German catalogue, C.UTF-8 locale or TEI reader");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(PeithoTagSet) set = NULL;
      g_autoptr(GPtrArray) tags = NULL;
      guint n_translated = 0;

      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "de", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      set = peitho_tag_set_new_default ();
      tags = peitho_tag_set_dup_tags (set);
      g_assert_cmpuint (tags->len, ==, peitho_tag_set_get_n_tags (parsed));

      for (guint i = 0; i < tags->len; i++)
        {
          PeithoTag *tag = g_ptr_array_index (tags, i);
          PeithoTag *original = peitho_tag_set_lookup_tag (parsed, peitho_tag_get_id (tag));
          const char *label = peitho_tag_get_label (original);

          g_assert_cmpstr (peitho_tag_get_label (tag), ==,
                           g_dpgettext2 (GETTEXT_PACKAGE, "tag set", label));
          if (g_strcmp0 (peitho_tag_get_label (tag), label) != 0)
            n_translated++;
        }

      /* Most labels differ in German ("Metaphor" -> "Metapher"). */
      g_assert_cmpuint (n_translated, >, tags->len / 2);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tag-set/groups-and-tags", test_groups_and_tags);
  g_test_add_func ("/tag-set/group-model", test_group_model);
  g_test_add_func ("/tag-set/changed", test_changed);
  g_test_add_func ("/tag-set/make-id", test_make_id);
  g_test_add_func ("/tag-set/ids", test_ids);
  g_test_add_func ("/tag-set/copy", test_copy);
  g_test_add_func ("/tag-set/default", test_default);
  g_test_add_func ("/tag-set/default-translated", test_default_translated);
  g_test_add_func ("/tag-set/short-label", test_short_label);

  return g_test_run ();
}
