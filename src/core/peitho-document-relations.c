/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Placeholder: peitho-document.c is being split into this file. */
typedef int peitho_placeholder_peitho_document_relations;
