/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-document.h"

G_BEGIN_DECLS

/* RFC 4180 CSV, UTF-8, CRLF line ends, a header row, then one row per
 * annotation in document order: id,tag,group,start,end,text,annotator,note. */
GBytes *peitho_csv_export (PeithoDocument *document);

G_END_DECLS
