/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "peitho-cli"

#include "config.h"

#include <locale.h>

#include "peitho-cli-common.h"
#include "peitho-malloc-tuning.h"

typedef struct {
  const char           *name;
  PeithoCliCommandFunc  func;
  const char           *summary;
} PeithoCliCommand;

static const PeithoCliCommand commands[] = {
  { "import",   peitho_cli_import,   N_("Turn a plain-text file into a TEI document") },
  { "text",     peitho_cli_text,     N_("Print the annotatable text") },
  { "annotate", peitho_cli_annotate, N_("Tag a passage with a tag of the tag set") },
  { "relate",   peitho_cli_relate,   N_("Link two annotations with a relation") },
  { "unrelate", peitho_cli_unrelate, N_("Remove a relation") },
  { "stats",    peitho_cli_stats,    N_("Count annotations per tag, group and annotator") },
  { "validate", peitho_cli_validate, N_("Check a document and say what is wrong, where") },
  { "export",   peitho_cli_export,   N_("Export as TEI, inline TEI or CSV") },
  { "tagset",   peitho_cli_tagset,   N_("Export, import or list the tag set") },
  { "assign",   peitho_cli_assign,   N_("Prepare an assignment to hand out to students") },
  { "merge",    peitho_cli_merge,    N_("Merge the students’ readings into a seminar document") },
  { "agreement", peitho_cli_agreement, N_("Agreement between the students (Krippendorff’s alpha_u)") },
  { "import-annotations", peitho_cli_import_annotations,
    N_("Import annotations from brat, INCEpTION, Recogito, CATMA or DKPro Core") },
};

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:"));
  g_print ("  peitho-cli %s\n\n", _("COMMAND [OPTION…] FILE…"));
  g_print ("%s\n\n", _("Close reading and rhetorical annotation of texts stored as TEI."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-18s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “peitho-cli COMMAND --help” for the options of a command."));
  g_print ("%s\n", _("Exit status: 0 done, 1 bad input, 2 wrong usage."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;
  const char *name;

  peitho_malloc_tune_for_large_trees ();
  setlocale (LC_ALL, "");

  /* Lets the tests and translators run the tool from the build tree. */
  localedir = g_getenv ("PEITHO_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return peitho_cli_usage_error (NULL, "%s", _("no command given"));

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h")
      || g_str_equal (name, "help") || g_str_equal (name, "-?"))
    {
      print_help ();
      return PEITHO_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("peitho-cli %s\n", PACKAGE_VERSION);
      return PEITHO_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("peitho-cli %s", name);

          /* GOptionContext shows the program name in "Usage:" lines. */
          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  /* Translators: %s is what the user typed as a command */
  return peitho_cli_usage_error (NULL, _("unknown command “%s”"), name);
}
