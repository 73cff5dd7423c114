/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <string.h>

#include "peitho-cli-common.h"

static int
tagset_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *filename;
  const char *target;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the tag set to TAGSET.xml (“-”, the default, for standard output)"),
      N_("TAGSET.xml") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Writes the tag set of a document alone, as a TEI file with a taxonomy that\n"
      "“peitho-cli tagset import” and Peitho read."));

  if (!peitho_cli_parse_command (context, "tagset export", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];
  target = output != NULL ? output : "-";

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  if (!(bytes = peitho_tei_write_tag_set_bytes (peitho_document_get_tag_set (document), &error)))
    return peitho_cli_file_error (filename, error);

  if (!peitho_cli_write_bytes (bytes, target, &error))
    return peitho_cli_file_error (target, error);

  return PEITHO_CLI_EXIT_OK;
}

/* Puts into @tag_set the tags of @document's set that annotations use but
 * @tag_set lacks (peitho_tag_set_keep_used_tags()), with a note for each. */
static gboolean
keep_used_tags (PeithoDocument  *document,
                PeithoTagSet    *tag_set,
                const char      *filename,
                const char      *tag_set_file,
                GError         **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  if (!peitho_tag_set_keep_used_tags (tag_set, document, kept, error))
    return FALSE;

  for (guint i = 0; i < kept->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (kept, i);
      const char *tag_id = peitho_tag_get_id (tag);
      PeithoTagGroup *group = peitho_tag_set_lookup_group (tag_set, peitho_tag_get_group_id (tag));
      guint count = peitho_document_count_tag (document, tag_id);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               /* Translators: "peitho-cli: FILE: note: tag “ID” (used by
                                * N annotation) is not in TAGSET.xml; kept in the group
                                * “LABEL”" */
                               "peitho-cli: %s: note: tag “%s” (used by %u annotation) "
                               "is not in %s; kept in the group “%s”",
                               "peitho-cli: %s: note: tag “%s” (used by %u annotations) "
                               "is not in %s; kept in the group “%s”",
                               count),
                  filename, tag_id, count, tag_set_file, peitho_tag_group_get_label (group));
      g_printerr ("\n");
    }

  return TRUE;
}

static int
tagset_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean backup = FALSE;
  guint n_problems = 0;
  const char *filename;
  const char *tag_set_file;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of replacing FILE (“-” for standard output)"), N_("OUT.xml") },
    { "backup", 0, 0, G_OPTION_ARG_NONE, &backup,
      N_("Keep the old file as FILE~"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml TAGSET.xml"));
  g_option_context_set_summary (context,
    _("Replaces the tag set of FILE with the one of TAGSET.xml (any TEI file with a\n"
      "taxonomy). Tags that annotations use but TAGSET.xml lacks are kept, with a note.\n"
      "Without -o the file is replaced atomically."));

  if (!peitho_cli_parse_command (context, "tagset import", entries, 2,
                                 _("give the document and the tag-set file"), &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];
  tag_set_file = argv[2];

  if (!(document = peitho_cli_load_document (filename, &n_problems, &error)))
    return peitho_cli_file_error (filename, error);

  if (!(bytes = peitho_cli_read_file (tag_set_file, &error)))
    return peitho_cli_file_error (tag_set_file, error);

  if (!(tag_set = peitho_tei_read_tag_set_bytes (bytes, tag_set_file, &error)))
    return peitho_cli_file_error (tag_set_file, error);

  if (!keep_used_tags (document, tag_set, filename, tag_set_file, &error))
    return peitho_cli_file_error (tag_set_file, error);

  if (!peitho_document_set_tag_set (document, tag_set, &error))
    return peitho_cli_file_error (filename, error);

  return peitho_cli_save_edit (document, filename, output, backup, n_problems);
}

static int
tagset_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *filename;
  const GOptionEntry entries[] = {
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE.xml"));
  g_option_context_set_summary (context,
    _("Lists the tags of a document, one a line: id, label, group id and number of\n"
      "annotations, separated by tabs."));

  if (!peitho_cli_parse_command (context, "tagset list", entries, 1, _("no file given"),
                                 &argc, &argv))
    return PEITHO_CLI_EXIT_USAGE;

  filename = argv[1];

  if (!(document = peitho_cli_load_document (filename, NULL, &error)))
    return peitho_cli_file_error (filename, error);

  tags = peitho_tag_set_dup_tags (peitho_document_get_tag_set (document));
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);

      g_string_append_printf (out, "%s\t%s\t%s\t%u\n",
                              peitho_tag_get_id (tag),
                              peitho_tag_get_label (tag) ? peitho_tag_get_label (tag) : "",
                              peitho_tag_get_group_id (tag) ? peitho_tag_get_group_id (tag) : "",
                              peitho_document_count_tag (document, peitho_tag_get_id (tag)));
    }

  if (!peitho_cli_write_stdout (out->str, out->len, &error))
    return peitho_cli_file_error (NULL, error);

  return PEITHO_CLI_EXIT_OK;
}

static const struct {
  const char           *name;
  PeithoCliCommandFunc  func;
  const char           *summary;
} subcommands[] = {
  { "export", tagset_export, N_("Write the tag set of FILE.xml alone as TEI") },
  { "import", tagset_import, N_("Replace the tag set of FILE.xml with that of TAGSET.xml") },
  { "list",   tagset_list,   N_("List the tags: id, label, group, count") },
};

int
peitho_cli_tagset (int    argc,
                   char **argv)
{
  const char *name;

  if (argc < 2)
    return peitho_cli_usage_error ("tagset", "%s", _("no tagset command given"));

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      g_print ("%s\n", _("Usage:"));
      g_print ("  peitho-cli tagset %s\n\n", _("COMMAND [OPTION…] FILE.xml…"));
      g_print ("%s\n", _("Commands:"));
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        g_print ("  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
      g_print ("\n%s\n",
               _("Run “peitho-cli tagset COMMAND --help” for the options of a command."));
      return PEITHO_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (g_str_equal (name, subcommands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("peitho-cli tagset %s", name);

          g_set_prgname (prgname);
          return subcommands[i].func (argc - 1, argv + 1);
        }
    }

  return peitho_cli_usage_error ("tagset", _("unknown tagset command “%s”"), name);
}
