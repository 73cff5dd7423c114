/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Placeholder: to be implemented. */
typedef int peitho_placeholder_tag_set_library;
