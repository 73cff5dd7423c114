/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PEITHO_ERROR (peitho_error_quark ())

/**
 * PeithoError:
 * @PEITHO_ERROR_FAILED: anything else
 * @PEITHO_ERROR_ENCODING: input is not valid UTF-8, or holds characters XML cannot carry
 * @PEITHO_ERROR_MALFORMED: the XML is not well-formed (or is hostile: entities, depth)
 * @PEITHO_ERROR_NOT_TEI: well-formed XML, but not a TEI document
 * @PEITHO_ERROR_INVALID: a TEI document whose structure or references are wrong
 * @PEITHO_ERROR_RANGE: an offset or range outside the text, empty or reversed
 * @PEITHO_ERROR_UNKNOWN_TAG: a tag (category) id not in the tag set
 * @PEITHO_ERROR_DUPLICATE_ID: an id used twice
 * @PEITHO_ERROR_NOT_FOUND: an id that names nothing
 * @PEITHO_ERROR_TOO_LARGE: input beyond what Peitho accepts
 * @PEITHO_ERROR_IN_USE: the item is still used (a tag with annotations)
 *
 * Messages are meant for people. Errors about a file are formatted
 * "FILE:LINE: message" (or "FILE: message" when no line applies), so a
 * caller can show them as they are.
 */
typedef enum {
  PEITHO_ERROR_FAILED,
  PEITHO_ERROR_ENCODING,
  PEITHO_ERROR_MALFORMED,
  PEITHO_ERROR_NOT_TEI,
  PEITHO_ERROR_INVALID,
  PEITHO_ERROR_RANGE,
  PEITHO_ERROR_UNKNOWN_TAG,
  PEITHO_ERROR_DUPLICATE_ID,
  PEITHO_ERROR_NOT_FOUND,
  PEITHO_ERROR_TOO_LARGE,
  PEITHO_ERROR_IN_USE,
} PeithoError;

GQuark    peitho_error_quark (void);

/* Ids are xml:ids in TEI, so they must be XML NCNames (a letter or "_",
 * then letters, digits, ".", "-", "_", combining marks). */
gboolean  peitho_id_is_valid (const char *id);
/* The same, failing with PEITHO_ERROR_INVALID and a message naming @id. */
gboolean  peitho_id_check    (const char  *id,
                              GError     **error);
/* A slug of @label: ASCII lowercase letters and digits, runs of anything
 * else as one "-", no leading or trailing "-". May be "" (nothing usable)
 * and may start with a digit: callers add their own prefix. */
char     *peitho_id_slugify  (const char *label);

G_END_DECLS
