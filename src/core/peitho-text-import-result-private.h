/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-text-import-result.h"

G_BEGIN_DECLS

/* For the importer, which fills the result before handing it out. */
PeithoTextImportResult *_peitho_text_import_result_new              (void);
void                    _peitho_text_import_result_set_encoding     (PeithoTextImportResult *self,
                                                                     PeithoTextEncoding      encoding);
void                    _peitho_text_import_result_set_front_matter (PeithoTextImportResult *self,
                                                                     PeithoFrontMatter       fields,
                                                                     const char             *text);
void                    _peitho_text_import_result_add_note         (PeithoTextImportResult *self,
                                                                     const char             *note);

G_END_DECLS
