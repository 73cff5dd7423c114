/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-import-set.h"

static void
span_free (gpointer data)
{
  PeithoImportSpan *span = data;

  g_free (span->id);
  g_array_unref (span->ranges);
  g_free (span->label);
  g_free (span->group);
  g_free (span->tag_id);
  g_free (span->annotator);
  g_free (span->note);
  g_free (span);
}

static void
relation_free (gpointer data)
{
  PeithoImportRelation *relation = data;

  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->from_id);
  g_free (relation->to_id);
  g_free (relation->annotator);
  g_free (relation);
}

PeithoImportSet *
peitho_import_set_new (const char              *display_name,
                       PeithoInterchangeFormat  format)
{
  PeithoImportSet *set;

  g_return_val_if_fail (display_name != NULL, NULL);

  set = g_new0 (PeithoImportSet, 1);
  set->display_name = g_strdup (display_name);
  set->format = format;
  set->spans = g_ptr_array_new_with_free_func (span_free);
  set->relations = g_ptr_array_new_with_free_func (relation_free);
  set->losses = g_ptr_array_new_with_free_func (g_free);

  return set;
}

void
peitho_import_set_free (PeithoImportSet *set)
{
  if (set == NULL)
    return;

  g_free (set->display_name);
  g_free (set->text);
  g_free (set->alt_text);
  g_ptr_array_unref (set->spans);
  g_ptr_array_unref (set->relations);
  g_ptr_array_unref (set->losses);
  g_free (set);
}

PeithoImportSpan *
peitho_import_set_add_span (PeithoImportSet *set,
                            const char      *id,
                            gsize            start,
                            gsize            end,
                            const char      *label,
                            guint            line)
{
  PeithoImportSpan *span;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  span = g_new0 (PeithoImportSpan, 1);
  span->id = g_strdup (id);
  span->ranges = g_array_new (FALSE, FALSE, sizeof (PeithoImportRange));
  span->label = g_strdup (label);
  span->line = line;
  peitho_import_span_add_range (span, start, end);
  g_ptr_array_add (set->spans, span);

  return span;
}

void
peitho_import_span_add_range (PeithoImportSpan *span,
                              gsize             start,
                              gsize             end)
{
  PeithoImportRange range = { start, end };

  g_return_if_fail (span != NULL);

  g_array_append_val (span->ranges, range);
}

PeithoImportRelation *
peitho_import_set_add_relation (PeithoImportSet *set,
                                const char      *id,
                                const char      *type,
                                const char      *from_id,
                                const char      *to_id,
                                guint            line)
{
  PeithoImportRelation *relation;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (type != NULL && from_id != NULL && to_id != NULL, NULL);

  relation = g_new0 (PeithoImportRelation, 1);
  relation->id = g_strdup (id);
  relation->type = g_strdup (type);
  relation->from_id = g_strdup (from_id);
  relation->to_id = g_strdup (to_id);
  relation->line = line;
  g_ptr_array_add (set->relations, relation);

  return relation;
}

void
peitho_import_set_lose (PeithoImportSet *set,
                        guint            line,
                        const char      *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (set != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (set->losses, g_strdup_printf ("%s:%u: %s", set->display_name, line, message));
  else
    g_ptr_array_add (set->losses, g_strdup_printf ("%s: %s", set->display_name, message));
}

static const struct {
  PeithoInterchangeFormat  format;
  const char              *name;
} format_names[] = {
  { PEITHO_INTERCHANGE_AUTO,           "auto" },
  { PEITHO_INTERCHANGE_BRAT,           "brat" },
  { PEITHO_INTERCHANGE_WEBANNO_TSV,    "webanno-tsv" },
  { PEITHO_INTERCHANGE_TEI_ANNOTATION, "tei-annotation" },
  { PEITHO_INTERCHANGE_CATMA,          "catma" },
  { PEITHO_INTERCHANGE_DKPRO_TEI,      "dkpro-tei" },
};

const char *
peitho_interchange_format_to_string (PeithoInterchangeFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;

  g_return_val_if_reached (NULL);
}

gboolean
peitho_interchange_format_from_string (const char              *name,
                                       PeithoInterchangeFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (format_names[i].name, name))
      {
        *format = format_names[i].format;
        return TRUE;
      }

  return FALSE;
}
