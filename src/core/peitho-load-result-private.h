/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-load-result.h"

G_BEGIN_DECLS

/* For the loader. Takes references to @document and @text_import (nullable)
 * and to @problems (nullable: none). */
PeithoLoadResult       *_peitho_load_result_new            (PeithoDocument         *document,
                                                            PeithoFileFormat        format,
                                                            GPtrArray              *problems,
                                                            PeithoTextImportResult *text_import);

G_END_DECLS
