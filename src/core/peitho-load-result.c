/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-load-result-private.h"

struct _PeithoLoadResult
{
  GObject                 parent_instance;

  PeithoDocument         *document;
  PeithoFileFormat        format;
  GPtrArray              *problems;
  PeithoTextImportResult *text_import;
};

G_DEFINE_FINAL_TYPE (PeithoLoadResult, peitho_load_result, G_TYPE_OBJECT)

static const char * const no_notes[] = { NULL };

static void
peitho_load_result_dispose (GObject *object)
{
  PeithoLoadResult *self = PEITHO_LOAD_RESULT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->text_import);

  G_OBJECT_CLASS (peitho_load_result_parent_class)->dispose (object);
}

static void
peitho_load_result_finalize (GObject *object)
{
  PeithoLoadResult *self = PEITHO_LOAD_RESULT (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_load_result_parent_class)->finalize (object);
}

static void
peitho_load_result_class_init (PeithoLoadResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_load_result_dispose;
  object_class->finalize = peitho_load_result_finalize;
}

static void
peitho_load_result_init (PeithoLoadResult *self)
{
}

PeithoLoadResult *
_peitho_load_result_new (PeithoDocument         *document,
                         PeithoFileFormat        format,
                         GPtrArray              *problems,
                         PeithoTextImportResult *text_import)
{
  PeithoLoadResult *self;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text_import == NULL || PEITHO_IS_TEXT_IMPORT_RESULT (text_import), NULL);

  self = g_object_new (PEITHO_TYPE_LOAD_RESULT, NULL);
  self->document = g_object_ref (document);
  self->format = format;
  self->problems = problems != NULL ? g_ptr_array_ref (problems)
                                    : g_ptr_array_new_with_free_func (g_free);
  self->text_import = text_import != NULL ? g_object_ref (text_import) : NULL;
  return self;
}

PeithoDocument *
peitho_load_result_get_document (PeithoLoadResult *self)
{
  g_return_val_if_fail (PEITHO_IS_LOAD_RESULT (self), NULL);

  return self->document;
}

PeithoFileFormat
peitho_load_result_get_format (PeithoLoadResult *self)
{
  g_return_val_if_fail (PEITHO_IS_LOAD_RESULT (self), PEITHO_FILE_FORMAT_TEI);

  return self->format;
}

GPtrArray *
peitho_load_result_get_problems (PeithoLoadResult *self)
{
  g_return_val_if_fail (PEITHO_IS_LOAD_RESULT (self), NULL);

  return self->problems;
}

PeithoTextImportResult *
peitho_load_result_get_text_import (PeithoLoadResult *self)
{
  g_return_val_if_fail (PEITHO_IS_LOAD_RESULT (self), NULL);

  return self->text_import;
}

const char * const *
peitho_load_result_get_notes (PeithoLoadResult *self)
{
  g_return_val_if_fail (PEITHO_IS_LOAD_RESULT (self), NULL);

  if (self->text_import == NULL)
    return no_notes;
  return peitho_text_import_result_get_notes (self->text_import);
}
