/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "peitho-test-util.h"

G_BEGIN_DECLS

/* What one run of peitho-cli gave. */
typedef struct {
  int    status;
  char  *out;
  gsize  out_len;
  char  *err;
} CliResult;

void        cli_result_free          (CliResult  *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Sets the environment of the runs (C.UTF-8 messages, a fixed annotator). */
void        cli_test_init            (int        *argc,
                                      char     ***argv);
/* Runs $PEITHO_CLI with the arguments (NULL-terminated); asserts it exited
 * rather than crashed. */
CliResult  *cli_run                  (const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
CliResult  *cli_runv                 (const char * const *args);
/* The same with @input (nullable) on standard input. */
CliResult  *cli_runv_input           (const char         *input,
                                      const char * const *args);
/* Like cli_run, asserting exit status 0 and an empty stderr. */
CliResult  *cli_run_ok               (const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Like cli_run, asserting exit status 0 and a stderr of notes only
 * ("peitho-cli: FILE: note: ..."), at least one. */
CliResult  *cli_run_noted            (const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
/* A fresh temporary folder (remove it with peitho_test_remove_tree()). */
char       *cli_make_tmp_dir         (void);
/* Sorted names of the entries of @dir, joined by "|". */
char       *cli_list_dir             (const char  *dir);
char       *cli_read_file            (const char  *path,
                                      gsize       *length);
void        cli_write_file           (const char  *path,
                                      const char  *contents);

/* The corpus essay and its text, computed from the raw file without the
 * core: paragraphs at blank lines, the five front-matter blocks skipped. */
const char *cli_corpus_path          (void);
char       *cli_corpus_expected_text (guint      *n_paragraphs);

/* A small strict JSON parser: objects become a{sv}, arrays av, strings s,
 * integers x, other numbers d, booleans b, null an empty mv. NULL if the
 * input is not exactly one JSON value. */
GVariant   *cli_parse_json           (const char  *json,
                                      gsize        length);
/* The object of @list (av of a{sv}) whose @key is the string @value. */
GVariant   *cli_json_find            (GVariant    *list,
                                      const char  *key,
                                      const char  *value);
gint64      cli_json_int             (GVariant    *object,
                                      const char  *key);
/* "peitho-cli stats FILE --json", parsed. */
GVariant   *cli_stats                (const char  *file);

/* RFC 4180: rows of fields (GPtrArray of GStrv). NULL if malformed. */
GPtrArray  *cli_parse_csv            (const char  *csv,
                                      gsize        length);

/* A folder with the corpus essay imported as doc.xml (by peitho-cli). */
typedef struct {
  char *dir;
  char *doc;
  char *text;
  guint n_paragraphs;
} CliFixture;

void        cli_fixture_set_up       (CliFixture    *fixture,
                                      gconstpointer  data);
void        cli_fixture_tear_down    (CliFixture    *fixture,
                                      gconstpointer  data);
char       *cli_path_in              (CliFixture    *fixture,
                                      const char    *name);
/* Character offset of the @nth occurrence (from 0) of @needle in @text. */
gsize       cli_char_offset_of       (const char    *text,
                                      const char    *needle,
                                      guint          nth);
guint       cli_count_occurrences    (const char    *text,
                                      const char    *needle);
guint       cli_count_lines          (const char    *str);
GVariant   *cli_stats_list           (GVariant      *stats,
                                      const char    *key);
gint64      cli_stats_tag_count      (GVariant      *stats,
                                      const char    *tag_id);
/* "export DOC --format csv -o -", parsed. */
GPtrArray  *cli_export_csv           (const char    *doc);
/* The CSV row of annotation @id. */
char      **cli_csv_row              (GPtrArray     *rows,
                                      const char    *id);
/* Runs annotate DOC ARGS..., asserting success, and returns the one id it printed. */
char       *cli_annotate_one         (const char    *doc,
                                      const char    *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
