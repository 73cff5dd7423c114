/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-brat.h"
#include "peitho-error.h"

typedef struct {
  PeithoImportSet *set;
  GHashTable      *spans;      /* id -> PeithoImportSpan (owned by set) */
  GHashTable      *relations;  /* ids of R lines */
} Reader;

static gboolean
parse_offset (const char *str,
              gsize      *value)
{
  char *end = NULL;
  guint64 v;

  if (!g_ascii_isdigit (*str))
    return FALSE;
  v = g_ascii_strtoull (str, &end, 10);
  if (*end != '\0' || v > G_MAXSIZE / 2)
    return FALSE;
  *value = v;

  return TRUE;
}

/* "TYPE START END;START END" */
static void
read_text_bound (Reader     *self,
                 const char *id,
                 const char *spec,
                 guint       line)
{
  g_auto(GStrv) fragments = NULL;
  const char *space = strchr (spec, ' ');
  PeithoImportSpan *span = NULL;
  g_autofree char *type = NULL;

  if (space == NULL)
    {
      peitho_import_set_lose (self->set, line, _("text-bound annotation %s has no offsets"), id);
      return;
    }

  type = g_strndup (spec, space - spec);
  fragments = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) offsets = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      gsize start;
      gsize end;

      if (g_strv_length (offsets) != 2 || !parse_offset (offsets[0], &start)
          || !parse_offset (offsets[1], &end) || start >= end)
        {
          peitho_import_set_lose (self->set, line,
                                  /* Translators: %s is an id (T3), then offsets as written */
                                  _("text-bound annotation %s has bad offsets “%s”"),
                                  id, space + 1);
          if (span != NULL)
            g_ptr_array_remove (self->set->spans, span);
          return;
        }

      if (span == NULL)
        span = peitho_import_set_add_span (self->set, id, start, end, type, line);
      else
        peitho_import_span_add_range (span, start, end);
    }

  if (span != NULL)
    g_hash_table_insert (self->spans, span->id, span);
}

static void
read_note (Reader     *self,
           const char *id,
           const char *spec,
           const char *text,
           guint       line)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", 2);
  PeithoImportSpan *span;

  if (g_strv_length (words) != 2 || !g_str_equal (words[0], "AnnotatorNotes"))
    {
      peitho_import_set_lose (self->set, line, _("comment %s “%s” is not an AnnotatorNotes"),
                              id, spec);
      return;
    }

  span = g_hash_table_lookup (self->spans, words[1]);
  if (span == NULL)
    {
      peitho_import_set_lose (self->set, line,
                              /* Translators: a note's id (#2) and the id it belongs to (E1) */
                              _("note %s on %s: only notes on text-bound annotations (T) are "
                                "imported"),
                              id, words[1]);
      return;
    }

  if (span->note == NULL)
    span->note = g_strdup (text != NULL ? text : "");
  else
    {
      char *joined = g_strconcat (span->note, "\n", text, NULL);

      g_free (span->note);
      span->note = joined;
    }
}

/* "TYPE Arg1:T1 Arg2:T2" */
static void
read_relation (Reader     *self,
               const char *id,
               const char *spec,
               guint       line)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  const char *from = NULL;
  const char *to = NULL;

  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *colon = strchr (words[i], ':');

      if (colon == NULL)
        continue;
      if (from == NULL)
        from = colon + 1;
      else if (to == NULL)
        to = colon + 1;
    }

  if (words[0] == NULL || from == NULL || to == NULL)
    {
      peitho_import_set_lose (self->set, line, _("relation %s has no two arguments"), id);
      return;
    }

  peitho_import_set_add_relation (self->set, id, words[0], from, to, line);
}

/* "*\tTYPE T1 T2 T3": an equivalence, as relations from the first to the others. */
static void
read_equivalence (Reader     *self,
                  const char *spec,
                  guint       line)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  guint n = g_strv_length (words);

  if (n < 3)
    {
      peitho_import_set_lose (self->set, line, _("equivalence “%s” has fewer than two members"),
                              spec);
      return;
    }

  for (guint i = 2; i < n; i++)
    peitho_import_set_add_relation (self->set, NULL, words[0], words[1], words[i], line);
}

PeithoImportSet *
peitho_brat_read (const char  *ann,
                  gsize        ann_length,
                  const char  *text,
                  gsize        text_length,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(GHashTable) spans = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  const char *invalid;
  Reader self;

  g_return_val_if_fail (ann != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!g_utf8_validate_len (ann, ann_length, &invalid))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: invalid UTF-8 at byte %lu"), display_name, (gulong) (invalid - ann));
      return NULL;
    }
  if (text != NULL && !g_utf8_validate_len (text, text_length, &invalid))
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_ENCODING,
                   _("%s: the text beside it has invalid UTF-8 at byte %lu"), display_name,
                   (gulong) (invalid - text));
      return NULL;
    }

  set = peitho_import_set_new (display_name, PEITHO_INTERCHANGE_BRAT);
  if (text != NULL)
    set->text = g_strndup (text, text_length);
  spans = g_hash_table_new (g_str_hash, g_str_equal);
  self.set = set;
  self.spans = spans;

  copy = g_strndup (ann, ann_length);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);
      g_auto(GStrv) fields = NULL;
      guint n_fields;

      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (length == 0)
        continue;

      fields = g_strsplit (line, "\t", 3);
      n_fields = g_strv_length (fields);

      /* A text-bound annotation's text may hold line breaks: the lines after
       * the first carry no id and a tab. */
      if (n_fields < 2)
        continue;

      switch (fields[0][0])
        {
        case 'T':
          read_text_bound (&self, fields[0], fields[1], i + 1);
          break;
        case 'R':
          read_relation (&self, fields[0], fields[1], i + 1);
          break;
        case '#':
          read_note (&self, fields[0], fields[1], fields[2], i + 1);
          break;
        case '*':
          read_equivalence (&self, fields[1], i + 1);
          break;
        case 'E':
          peitho_import_set_lose (set, i + 1,
                                  /* Translators: %s is an id (E1), %s what it says */
                                  _("event %s (%s) is not representable: its trigger is imported "
                                    "as an annotation, its arguments are not"),
                                  fields[0], fields[1]);
          break;
        case 'A':
        case 'M':
          peitho_import_set_lose (set, i + 1, _("attribute %s (%s) is not representable"),
                                  fields[0], fields[1]);
          break;
        case 'N':
          peitho_import_set_lose (set, i + 1, _("normalization %s (%s) is not representable"),
                                  fields[0], fields[1]);
          break;
        default:
          peitho_import_set_lose (set, i + 1, _("line of unknown kind “%s”"), fields[0]);
          break;
        }
    }

  return g_steal_pointer (&set);
}

static void
append_one_line (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
}

GBytes *
peitho_brat_write (PeithoDocument  *document,
                   const char      *annotator_id,
                   GBytes         **text_out,
                   GPtrArray       *losses)
{
  g_autoptr(GHashTable) numbers = NULL;
  GListModel *annotations;
  GListModel *relations;
  GString *out;
  guint n_notes = 0;
  guint n_relations = 0;
  guint n;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);

  annotations = peitho_document_get_annotations (document);
  relations = peitho_document_get_relations (document);
  numbers = g_hash_table_new (g_str_hash, g_str_equal);
  out = g_string_new (NULL);
  n = g_list_model_get_n_items (annotations);

  for (guint i = 0, t = 0; i < n; i++)
    {
      g_autoptr(PeithoAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *note = peitho_annotation_get_note (annotation);
      g_autofree char *covered = NULL;
      gsize start = peitho_annotation_get_start (annotation);
      gsize end = peitho_annotation_get_end (annotation);

      if (annotator_id != NULL
          && g_strcmp0 (peitho_annotation_get_annotator_id (annotation), annotator_id) != 0)
        continue;

      t++;
      g_hash_table_insert (numbers, (gpointer) peitho_annotation_get_id (annotation),
                           GUINT_TO_POINTER (t));
      covered = peitho_document_dup_slice (document, start, end);
      g_string_append_printf (out, "T%u\t%s %lu %lu\t", t, peitho_annotation_get_tag_id (annotation),
                              (gulong) start, (gulong) end);
      append_one_line (out, covered);
      g_string_append_c (out, '\n');

      if (note != NULL && *note != '\0')
        {
          if (losses != NULL && strpbrk (note, "\r\n\t") != NULL)
            g_ptr_array_add (losses,
                             /* Translators: %s is an annotation id */
                             g_strdup_printf (_("the note of %s has line breaks or tabs, which "
                                                "brat cannot hold: written with spaces"),
                                              peitho_annotation_get_id (annotation)));
          g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", ++n_notes, t);
          append_one_line (out, note);
          g_string_append_c (out, '\n');
        }
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeithoRelation) relation = g_list_model_get_item (relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers,
                                                          peitho_relation_get_from_id (relation)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers,
                                                        peitho_relation_get_to_id (relation)));
      g_autofree char *type = NULL;

      if (from == 0 || to == 0)
        {
          if (losses != NULL && (from != 0 || to != 0))
            g_ptr_array_add (losses,
                             /* Translators: %s is a relation id */
                             g_strdup_printf (_("relation %s links annotations of two annotators "
                                                "and is in neither one’s file"),
                                              peitho_relation_get_id (relation)));
          continue;
        }

      type = g_strdup (peitho_relation_get_relation_type (relation));
      if (strpbrk (type, " \t\r\n") != NULL)
        {
          if (losses != NULL)
            g_ptr_array_add (losses,
                             /* Translators: %s is a relation id, %s its type */
                             g_strdup_printf (_("relation %s: its type “%s” has spaces, which "
                                                "brat cannot hold: written with “_”"),
                                              peitho_relation_get_id (relation), type));
          g_strdelimit (type, " \t\r\n", '_');
        }
      g_string_append_printf (out, "R%u\t%s Arg1:T%u Arg2:T%u\t\n", ++n_relations, type, from, to);
    }

  if (text_out != NULL)
    {
      const char *text = peitho_document_get_text (document);

      *text_out = g_bytes_new (text, strlen (text));
    }

  return g_string_free_to_bytes (out);
}
