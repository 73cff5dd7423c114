/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = peitho_text_import_bytes (bytes, "fuzz.txt", NULL, &error);
  if (document != NULL)
    fuzz_check_round_trip (document, "text");
  else
    g_assert (error != NULL && error->message != NULL && error->domain == PEITHO_ERROR);

  return 0;
}
