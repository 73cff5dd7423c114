/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Which reading of an edition's choices the text shows: the edited one
 * (corr, expan, reg) by default, or the original one (sic, abbr, orig). The
 * choice is the document's: saved in Peitho's part of the header,
 *
 *   <encodingDesc><appInfo n="peitho">
 *     <application ident="Peitho" version="...">
 *       <label>Peitho</label><desc type="readings">original</desc>
 *     </application>
 *   </appInfo></encodingDesc>
 *
 * and read back at load. */

#include "peitho-document.h"

G_BEGIN_DECLS

/* Whether @document (an edition) shows the original readings. FALSE for a
 * document that is no edition. */
gboolean        peitho_tei_shows_original_readings (PeithoDocument  *document);
/* Whether switching @document's readings changes its text: it is an
 * edition with a choice whose edited and original readings differ (a sic
 * and a corr, an abbr and an expan). FALSE for a document that is no
 * edition. */
gboolean        peitho_tei_has_other_readings      (PeithoDocument  *document);

/* A new document of @document's edition that shows the @original readings
 * (or the edited ones), with the same annotations on the same words: the
 * edition is saved to memory with the setting and read again, and the
 * anchors in the tree carry the annotations across the change of offsets.
 * An annotation that only covered a reading now hidden cannot stay: it is
 * left out with a problem in @problems (char *), as any reading reports it.
 * @display_name names the file in messages. Fails with PEITHO_ERROR_NOT_TEI
 * if @document is no edition. */
PeithoDocument *peitho_tei_switch_readings         (PeithoDocument  *document,
                                                    gboolean         original,
                                                    const char      *display_name,
                                                    GPtrArray       *problems,
                                                    GError         **error);

G_END_DECLS
