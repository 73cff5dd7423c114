/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a generated case may point at: a file holding a secret that must never
 * show up anywhere, and a TCP port on 127.0.0.1 that nothing may connect to. */
typedef struct {
  const char *dir;          /* where generated files go */
  const char *secret;       /* the secret string */
  const char *secret_path;  /* a file holding it */
  const char *secret_dtd;   /* a DTD that declares an entity holding it */
  guint16     port;         /* a listening socket that must stay untouched */
} HostileContext;

/* Writes the case into ctx->dir and returns its path. */
typedef char *(*HostileGenerator) (const HostileContext *ctx,
                                   const char           *name);

char *hostile_gen_xxe_secret_file        (const HostileContext *ctx, const char *name);
char *hostile_gen_xxe_secret_path        (const HostileContext *ctx, const char *name);
char *hostile_gen_xxe_listener           (const HostileContext *ctx, const char *name);
char *hostile_gen_parameter_entity_secret (const HostileContext *ctx, const char *name);
char *hostile_gen_doctype_secret_dtd     (const HostileContext *ctx, const char *name);
char *hostile_gen_doctype_listener       (const HostileContext *ctx, const char *name);
char *hostile_gen_xinclude_secret        (const HostileContext *ctx, const char *name);
char *hostile_gen_xinclude_listener      (const HostileContext *ctx, const char *name);
char *hostile_gen_stylesheet_listener    (const HostileContext *ctx, const char *name);
char *hostile_gen_quadratic_blowup       (const HostileContext *ctx, const char *name);
char *hostile_gen_nested_elements        (const HostileContext *ctx, const char *name);
char *hostile_gen_nested_in_p            (const HostileContext *ctx, const char *name);
char *hostile_gen_nested_seg_allowed     (const HostileContext *ctx, const char *name);
char *hostile_gen_huge_text_line         (const HostileContext *ctx, const char *name);
char *hostile_gen_huge_attribute         (const HostileContext *ctx, const char *name);
char *hostile_gen_large_attribute        (const HostileContext *ctx, const char *name);
char *hostile_gen_million_anchors        (const HostileContext *ctx, const char *name);
char *hostile_gen_million_paragraphs     (const HostileContext *ctx, const char *name);
char *hostile_gen_many_xml_ids           (const HostileContext *ctx, const char *name);
char *hostile_gen_too_large              (const HostileContext *ctx, const char *name);

G_END_DECLS
