/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One core operation on a file, nothing else, so that an outside timer
 * measures the core (plus process start-up, as it does for xmllint). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "peitho-core.h"

static int
usage (void)
{
  g_printerr ("Usage: peitho-bench-load load FILE [--repeat N]\n"
              "       peitho-bench-load load-save FILE OUT [--repeat N]\n");
  return 2;
}

static PeithoDocument *
load (GFile *file)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PeithoDocument *document;

  document = peitho_tei_read_file (file, PEITHO_READ_DEFAULT, problems, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("peitho-bench-load: %s\n", error->message);
      exit (1);
    }

  /* The generated file is clean: a problem means a reader or writer bug. */
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("peitho-bench-load: %s\n", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    exit (1);

  return document;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  gboolean save;
  long repeat = 1;
  int n_args;

  /* As Peitho's programs run. */
  peitho_malloc_tune_for_large_trees ();
  if (argc >= 3 && strcmp (argv[argc - 2], "--repeat") == 0)
    {
      char *end = NULL;

      repeat = strtol (argv[argc - 1], &end, 10);
      if (end == argv[argc - 1] || *end != '\0' || repeat < 1)
        return usage ();
      argc -= 2;
    }

  if (argc < 2)
    return usage ();
  if (strcmp (argv[1], "load") == 0)
    {
      save = FALSE;
      n_args = 3;
    }
  else if (strcmp (argv[1], "load-save") == 0)
    {
      save = TRUE;
      n_args = 4;
    }
  else
    return usage ();
  if (argc != n_args)
    return usage ();

  in = g_file_new_for_commandline_arg (argv[2]);
  if (save)
    out = g_file_new_for_commandline_arg (argv[3]);

  for (long i = 0; i < repeat; i++)
    {
      g_autoptr(PeithoDocument) document = load (in);
      g_autoptr(GError) error = NULL;

      if (save && !peitho_tei_write_file (document, out, PEITHO_TEI_STANDOFF, FALSE, NULL,
                                          &error))
        {
          g_printerr ("peitho-bench-load: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
