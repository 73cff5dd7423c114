/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: saving an edition (peitho-tei-edition.h). */

#include "peitho-tei-edition.h"

G_BEGIN_DECLS

/* The kept tree of @edition with Peitho's additions of @document (anchors,
 * its standOff, its header parts) and without those of an earlier save. */
GBytes *peitho_tei_write_edition (PeithoDocument    *document,
                                  PeithoTeiEdition  *edition,
                                  GError           **error);

G_END_DECLS
