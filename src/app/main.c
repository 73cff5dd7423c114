/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "peitho-application.h"
#include "peitho-malloc-tuning.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PeithoApplication) app = NULL;
  const char *localedir = g_getenv ("PEITHO_LOCALEDIR");

  /* Before GTK starts its threads. */
  peitho_malloc_tune_for_large_trees ();
  /* PEITHO_LOCALEDIR runs the translations of a build tree. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = peitho_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
