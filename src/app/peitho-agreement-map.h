/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <peitho-core.h>

G_BEGIN_DECLS

#define PEITHO_TYPE_AGREEMENT_MAP (peitho_agreement_map_get_type ())
G_DECLARE_FINAL_TYPE (PeithoAgreementMap, peitho_agreement_map, PEITHO, AGREEMENT_MAP, GtkWidget)

/* The students × students table of pairwise alpha_u as a heat map: one
 * cell per pair, darker the more the two agree, its value written in it
 * ("—" where it is undefined, as on the diagonal). Rows are named, columns
 * numbered like the rows. Its accessible description (and a cell's tooltip)
 * reads the values as sentences. */
GtkWidget  *peitho_agreement_map_new        (void);
/* @names: the students' names as shown (NULL-terminated, in the order of
 * @agreement's annotators); NULL @agreement empties the map. */
void        peitho_agreement_map_set_agreement (PeithoAgreementMap *self,
                                                PeithoAgreement    *agreement,
                                                const char * const *names);
/* What the map says, one sentence per pair ("Ada and Ben: 0.72."). */
const char *peitho_agreement_map_get_description (PeithoAgreementMap *self);

G_END_DECLS
