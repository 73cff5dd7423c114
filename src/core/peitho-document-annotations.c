/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Placeholder: annotations move here from peitho-document.c. */
typedef int peitho_placeholder_document_annotations;
