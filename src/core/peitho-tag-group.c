/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Placeholder: to be implemented. */
typedef int peitho_placeholder_peitho_tag_group;
