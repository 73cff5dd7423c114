/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: the persons of a play as its edition names them,
 * for the speakers of its speeches (@who). */

#include "peitho-document.h"

G_BEGIN_DECLS

/* The name the edition @document was read from gives the person or group
 * @id (without "#"): a castList role ("King Claudius": castItem/role with
 * that xml:id, or a castItem or role that points at it with @sameAs or
 * @corresp), else a person or personGrp of particDesc ("Karl von Moor", its
 * first persName or name). A name that only repeats the id is none. NULL
 * when the edition names no such person, or @document is not an edition.
 * The names are gathered once per edition; owned by it. */
const char *peitho_tei_cast_name (PeithoDocument *document,
                                  const char     *id);

G_END_DECLS
