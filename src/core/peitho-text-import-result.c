/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-text-import-result-private.h"

struct _PeithoTextImportResult
{
  GObject             parent_instance;

  PeithoTextEncoding  encoding;
  PeithoFrontMatter   front_matter;
  char               *front_matter_text;
  GPtrArray          *notes;  /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (PeithoTextImportResult, peitho_text_import_result, G_TYPE_OBJECT)

static void
peitho_text_import_result_finalize (GObject *object)
{
  PeithoTextImportResult *self = PEITHO_TEXT_IMPORT_RESULT (object);

  g_clear_pointer (&self->front_matter_text, g_free);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_text_import_result_parent_class)->finalize (object);
}

static void
peitho_text_import_result_class_init (PeithoTextImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = peitho_text_import_result_finalize;
}

static void
peitho_text_import_result_init (PeithoTextImportResult *self)
{
  self->notes = g_ptr_array_new_null_terminated (2, g_free, TRUE);
}

PeithoTextImportResult *
_peitho_text_import_result_new (void)
{
  return g_object_new (PEITHO_TYPE_TEXT_IMPORT_RESULT, NULL);
}

void
_peitho_text_import_result_set_encoding (PeithoTextImportResult *self,
                                         PeithoTextEncoding      encoding)
{
  g_assert (PEITHO_IS_TEXT_IMPORT_RESULT (self));

  self->encoding = encoding;
}

void
_peitho_text_import_result_set_front_matter (PeithoTextImportResult *self,
                                             PeithoFrontMatter       fields,
                                             const char             *text)
{
  g_assert (PEITHO_IS_TEXT_IMPORT_RESULT (self));
  g_assert ((fields == PEITHO_FRONT_MATTER_NONE) == (text == NULL));

  self->front_matter = fields;
  g_free (self->front_matter_text);
  self->front_matter_text = g_strdup (text);
}

void
_peitho_text_import_result_add_note (PeithoTextImportResult *self,
                                     const char             *note)
{
  g_assert (PEITHO_IS_TEXT_IMPORT_RESULT (self));
  g_assert (note != NULL);

  g_ptr_array_add (self->notes, g_strdup (note));
}

PeithoTextEncoding
peitho_text_import_result_get_encoding (PeithoTextImportResult *self)
{
  g_return_val_if_fail (PEITHO_IS_TEXT_IMPORT_RESULT (self), PEITHO_TEXT_ENCODING_UTF8);

  return self->encoding;
}

PeithoFrontMatter
peitho_text_import_result_get_front_matter (PeithoTextImportResult *self)
{
  g_return_val_if_fail (PEITHO_IS_TEXT_IMPORT_RESULT (self), PEITHO_FRONT_MATTER_NONE);

  return self->front_matter;
}

const char *
peitho_text_import_result_get_front_matter_text (PeithoTextImportResult *self)
{
  g_return_val_if_fail (PEITHO_IS_TEXT_IMPORT_RESULT (self), NULL);

  return self->front_matter_text;
}

const char * const *
peitho_text_import_result_get_notes (PeithoTextImportResult *self)
{
  g_return_val_if_fail (PEITHO_IS_TEXT_IMPORT_RESULT (self), NULL);

  return (const char * const *) self->notes->pdata;
}
