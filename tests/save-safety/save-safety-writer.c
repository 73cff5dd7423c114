/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helper of test-save-kill: saves versions B and A of one document in turn
 * to FILE (with a backup), for ever, until it is killed. Prints "ready" once
 * both versions are built, so that the kills land in the saving. */

#include <stdio.h>

#include "save-safety-docs.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PeithoDocument) a = NULL;
  g_autoptr(PeithoDocument) b = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  a = save_safety_document (0);
  b = save_safety_document (1);
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!peitho_tei_write_file (i % 2 == 0 ? b : a, file, PEITHO_TEI_STANDOFF, TRUE,
                                  NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}
