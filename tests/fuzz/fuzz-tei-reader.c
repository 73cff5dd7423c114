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
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PeithoDocument) document = NULL;
  g_autoptr(PeithoTagSet) tag_set = NULL;
  g_autoptr(GError) error = NULL;

  document = peitho_tei_read_bytes (bytes, "fuzz.xml", PEITHO_READ_DEFAULT, problems, &error);
  if (document != NULL)
    fuzz_check_round_trip (document, "tei");
  else
    g_assert (error != NULL && error->message != NULL && error->domain == PEITHO_ERROR);

  g_clear_error (&error);
  tag_set = peitho_tei_read_tag_set_bytes (bytes, "fuzz.xml", &error);
  if (tag_set != NULL)
    g_bytes_unref (peitho_tei_write_tag_set_bytes (tag_set, NULL));

  return 0;
}
