/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-core.h"

G_BEGIN_DECLS

/* Two versions of one document (0: A, 1: B), a few hundred KB each once
 * written, built the same way in every process. */
PeithoDocument *save_safety_document (guint version);

G_END_DECLS
