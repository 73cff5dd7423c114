/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "peitho-core.h"

G_BEGIN_DECLS

/* Exit statuses of peitho-cli: a contract with scripts and tests. */
enum {
  PEITHO_CLI_EXIT_OK    = 0,
  PEITHO_CLI_EXIT_INPUT = 1,
  PEITHO_CLI_EXIT_USAGE = 2,
};

/* A command takes its own name as argv[0] and returns an exit status. */
typedef int (*PeithoCliCommandFunc) (int    argc,
                                     char **argv);

int             peitho_cli_import           (int argc, char **argv);
int             peitho_cli_text             (int argc, char **argv);
int             peitho_cli_annotate         (int argc, char **argv);
int             peitho_cli_relate           (int argc, char **argv);
int             peitho_cli_unrelate         (int argc, char **argv);
int             peitho_cli_stats            (int argc, char **argv);
int             peitho_cli_validate         (int argc, char **argv);
int             peitho_cli_export           (int argc, char **argv);
int             peitho_cli_tagset           (int argc, char **argv);
int             peitho_cli_assign           (int argc, char **argv);
int             peitho_cli_merge            (int argc, char **argv);
int             peitho_cli_agreement        (int argc, char **argv);
int             peitho_cli_import_annotations (int argc, char **argv);

/* Export in other tools' forms (peitho-cli-interchange.c): TRUE for
 * tei-annotation, webanno-tsv and brat; the export itself, of one
 * annotator's work for brat and webanno-tsv when @annotators (--annotators,
 * nullable) names one; @html_options: options of --format html were given. */
gboolean        peitho_cli_is_interchange_format (const char *format);
int             peitho_cli_export_interchange    (const char         *filename,
                                                  const char         *format,
                                                  const char         *output,
                                                  const char * const *annotators,
                                                  gboolean            html_options);

/* Adds @entries to @context and parses the options of @command ("annotate",
 * "tagset import"), then checks that exactly @n_operands operands are left
 * (argv[1] onwards); @missing is the message when there are fewer. On a
 * usage error prints it with a hint and returns FALSE. */
gboolean        peitho_cli_parse_command    (GOptionContext      *context,
                                             const char          *command,
                                             const GOptionEntry  *entries,
                                             int                  n_operands,
                                             const char          *missing,
                                             int                 *argc,
                                             char              ***argv);
/* Prints "peitho-cli: MESSAGE" and a hint to run COMMAND --help.
 * Returns PEITHO_CLI_EXIT_USAGE. */
int             peitho_cli_usage_error      (const char      *command,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* Prints "peitho-cli: FILE: MESSAGE" (the file name is not repeated when
 * the message already starts with it). Returns PEITHO_CLI_EXIT_INPUT. */
int             peitho_cli_file_error       (const char      *filename,
                                             const GError    *error);
/* Prints "peitho-cli: MESSAGE" or "peitho-cli: FILE: MESSAGE" as above. */
void            peitho_cli_print_problem    (const char      *filename,
                                             const char      *message);
int             peitho_cli_file_message     (const char      *filename,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* Prints "peitho-cli: FILE[:LINE]: warning: MESSAGE" for a reader problem
 * ("FILE:LINE: message"). */
void            peitho_cli_print_warning    (const char      *filename,
                                             const char      *problem);

/* Reads a whole file ("-" is stdin), at most PEITHO_MAX_FILE_SIZE bytes;
 * error messages start with the file name. */
GBytes         *peitho_cli_read_file        (const char      *filename,
                                             GError         **error);
/* Reads @filename ("-" is stdin) through the core's load path
 * (peitho_document_load_bytes()). A file of the other format than @expected
 * (a text given to a TEI command, XML given to import) is refused before it
 * is read. Nothing is printed. */
PeithoLoadResult *peitho_cli_load           (const char        *filename,
                                             PeithoFileFormat   expected,
                                             PeithoLoadFlags    flags,
                                             GError           **error);
/* Reads a TEI document. Problems the reader got past are printed as
 * warnings and counted in @n_problems (nullable). */
PeithoDocument *peitho_cli_load_document    (const char      *filename,
                                             guint           *n_problems,
                                             GError         **error);
/* The same, where a document without a tag set of its own (an edition
 * without Peitho's taxonomy) gets @default_tag_set (nullable: the built-in
 * set). */
PeithoDocument *peitho_cli_load_document_full (const char    *filename,
                                               PeithoTagSet  *default_tag_set,
                                               guint         *n_problems,
                                               GError       **error);
/* The tag set a document without one of its own gets: the one in
 * @tag_set_file (a tag-set or TEI file; nullable) or else the one chosen in
 * the app's Preferences (when the app's settings schema is installed). NULL
 * with no error: the built-in set. A Preferences set that cannot be read is
 * printed as a warning and the built-in set used. */
PeithoTagSet   *peitho_cli_dup_default_tag_set (const char   *tag_set_file,
                                                GError      **error);
/* Writes the document as TEI to @filename ("-" is stdout), atomically. */
gboolean        peitho_cli_save_document    (PeithoDocument  *document,
                                             const char      *filename,
                                             PeithoTeiForm    form,
                                             gboolean         make_backup,
                                             GError         **error);
/* Saves an edited document to @output, or over @input when @output is NULL.
 * When the input was read with problems (some of its content may be missing
 * from @document), replacing it keeps the old file as FILE~. Prints errors;
 * returns an exit status. */
int             peitho_cli_save_edit        (PeithoDocument  *document,
                                             const char      *input,
                                             const char      *output,
                                             gboolean         make_backup,
                                             guint            n_problems);
/* Writes @bytes to @filename ("-" is stdout), atomically. */
gboolean        peitho_cli_write_bytes      (GBytes          *bytes,
                                             const char      *filename,
                                             GError         **error);
/* Writes @length bytes to stdout, all of them. */
gboolean        peitho_cli_write_stdout     (const char      *data,
                                             gsize            length,
                                             GError         **error);

/* The annotator's name: @name if given, else $PEITHO_ANNOTATOR, else the
 * user's real name, else the login name. */
const char     *peitho_cli_annotator_name   (const char      *name);
/* "metaphor, metonymy, synecdoche, ..." for messages about unknown tags. */
char           *peitho_cli_describe_tags    (PeithoTagSet    *tag_set,
                                             guint            max_ids);

G_END_DECLS
