/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-error.h"
#include "peitho-import-plan.h"
#include "peitho-tag-translations.h"
#include "peitho-text-alignment.h"

/* Colours for new tags, from the GNOME palette, readable behind text in
 * light and dark styles (as the built-in tags' are). */
static const char * const new_tag_colors[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#62a0ea",
};

typedef struct {
  gsize             start;
  gsize             end;
  PeithoTagMapping *mapping;
  char             *annotator;   /* name, nullable */
  char             *note;
  char             *span_id;     /* source id, nullable */
  guint             fragment;    /* 0 for the first range of a span */
} PlannedAnnotation;

typedef struct {
  char  *type;
  guint  from;                   /* indexes into annotations */
  guint  to;
  char  *annotator;
} PlannedRelation;

struct _PeithoImportPlan {
  PeithoDocument *document;
  char           *display_name;
  GPtrArray      *mappings;      /* PeithoTagMapping */
  GHashTable     *mapping_by_key;
  GPtrArray      *new_tags;      /* PeithoTag, not in any set */
  GArray         *annotations;   /* PlannedAnnotation */
  GArray         *relations;     /* PlannedRelation */
  GPtrArray      *losses;
  guint           n_fragmented;
  gboolean        applied;
};

static void
mapping_free (gpointer data)
{
  PeithoTagMapping *mapping = data;

  g_free (mapping->source_label);
  g_free (mapping->tag_id);
  g_free (mapping->tag_label);
  g_free (mapping);
}

static void
planned_annotation_clear (gpointer data)
{
  PlannedAnnotation *annotation = data;

  g_free (annotation->annotator);
  g_free (annotation->note);
  g_free (annotation->span_id);
}

static void
planned_relation_clear (gpointer data)
{
  PlannedRelation *relation = data;

  g_free (relation->type);
  g_free (relation->annotator);
}

void
peitho_import_plan_free (PeithoImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_object (&plan->document);
  g_free (plan->display_name);
  g_ptr_array_unref (plan->mappings);
  g_hash_table_unref (plan->mapping_by_key);
  g_ptr_array_unref (plan->new_tags);
  g_array_unref (plan->annotations);
  g_array_unref (plan->relations);
  g_ptr_array_unref (plan->losses);
  g_free (plan);
}

/* Labels compare case-insensitively, with "_" and "-" as spaces: brat types
 * and TSV values cannot hold spaces. */
static char *
label_key (const char *label)
{
  g_autofree char *folded = g_utf8_casefold (label, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '_' || c == '-')
        space = key->len > 0;
      else
        {
          if (space)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
    }

  return g_string_free (key, FALSE);
}

static gboolean
key_equal_label (const char *key,
                 const char *label)
{
  g_autofree char *other = NULL;

  if (label == NULL)
    return FALSE;
  other = label_key (label);

  return g_str_equal (key, other);
}

/* The existing tag whose id or label is @label, in any of the languages of
 * the built-in tag set for its tags. */
static PeithoTag *
find_tag (PeithoTagSet *tag_set,
          const char   *label)
{
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (tag_set);
  g_autofree char *key = label_key (label);
  PeithoTag *tag;

  if ((tag = peitho_tag_set_lookup_tag (tag_set, label)) != NULL)
    return tag;

  for (guint i = 0; i < tags->len; i++)
    {
      tag = g_ptr_array_index (tags, i);
      if (key_equal_label (key, peitho_tag_get_label (tag))
          || key_equal_label (key, peitho_tag_get_id (tag)))
        return tag;
    }

  for (guint row = 0; row < G_N_ELEMENTS (peitho_default_tag_labels); row++)
    {
      const char * const *names = peitho_default_tag_labels[row];

      tag = peitho_tag_set_lookup_tag (tag_set, names[0]);
      if (tag == NULL)
        continue;
      for (guint i = 1; i < G_N_ELEMENTS (peitho_default_tag_labels[row]); i++)
        if (key_equal_label (key, names[i]))
          return tag;
    }

  return NULL;
}

static gboolean
id_is_free (PeithoImportPlan *plan,
            const char       *id)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (plan->document);

  if (peitho_tag_set_lookup_tag (tag_set, id) != NULL
      || peitho_tag_set_lookup_group (tag_set, id) != NULL
      || peitho_document_lookup_annotation (plan->document, id) != NULL
      || peitho_document_lookup_relation (plan->document, id) != NULL
      || peitho_document_lookup_annotator (plan->document, id) != NULL
      || g_str_equal (id, PEITHO_IMPORTED_GROUP_ID))
    return FALSE;

  for (guint i = 0; i < plan->new_tags->len; i++)
    if (g_str_equal (peitho_tag_get_id (g_ptr_array_index (plan->new_tags, i)), id))
      return FALSE;

  return TRUE;
}

static char *
new_tag_id (PeithoImportPlan *plan,
            const char       *label)
{
  g_autofree char *slug = peitho_id_slugify (label);
  g_autofree char *base = NULL;

  if (*slug == '\0')
    base = g_strdup ("tag");
  else if (!g_ascii_isalpha (*slug))
    base = g_strconcat ("t-", slug, NULL);
  else
    base = g_steal_pointer (&slug);

  if (id_is_free (plan, base))
    return g_steal_pointer (&base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, n);

      if (id_is_free (plan, candidate))
        return g_steal_pointer (&candidate);
    }
}

static PeithoTagMapping *
map_label (PeithoImportPlan      *plan,
           const PeithoImportSet *set,
           const PeithoImportSpan *span)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (plan->document);
  PeithoTag *by_id = span->tag_id != NULL ? peitho_tag_set_lookup_tag (tag_set, span->tag_id) : NULL;
  g_autofree char *key = by_id != NULL ? g_strconcat ("#", span->tag_id, NULL)
                                       : label_key (span->label);
  PeithoTagMapping *mapping;
  PeithoTag *tag;

  mapping = g_hash_table_lookup (plan->mapping_by_key, key);
  if (mapping != NULL)
    return mapping;

  mapping = g_new0 (PeithoTagMapping, 1);
  mapping->source_label = g_strdup (span->label);

  if ((tag = by_id) != NULL || (tag = find_tag (tag_set, span->label)) != NULL)
    {
      mapping->tag_id = g_strdup (peitho_tag_get_id (tag));
      mapping->tag_label = g_strdup (peitho_tag_get_label (tag));
    }
  else
    {
      g_autofree char *definition = NULL;
      const char *format = peitho_interchange_format_to_string (set->format);
      const char *color = new_tag_colors[plan->new_tags->len % G_N_ELEMENTS (new_tag_colors)];

      if (span->group != NULL)
        /* Translators: the definition of a tag made for imported annotations:
         * a file, a format ("brat", "catma") and a layer or tag-set path */
        definition = g_strdup_printf (_("Imported from %s (%s, %s)."),
                                      set->display_name, format, span->group);
      else
        /* Translators: the definition of a tag made for imported annotations:
         * a file and a format ("brat", "webanno-tsv") */
        definition = g_strdup_printf (_("Imported from %s (%s)."), set->display_name, format);

      mapping->tag_id = new_tag_id (plan, span->label);
      mapping->tag_label = g_strdup (span->label);
      mapping->is_new = TRUE;
      g_ptr_array_add (plan->new_tags,
                       peitho_tag_new (mapping->tag_id, span->label, definition, NULL, color));
    }

  g_ptr_array_add (plan->mappings, mapping);
  g_hash_table_insert (plan->mapping_by_key, g_steal_pointer (&key), mapping);

  return mapping;
}

/* FALSE when [start, end) holds no character of a paragraph (only the
 * blank lines between them): the document would refuse it. */
static gboolean
covers_text (PeithoDocument *document,
             gsize           start,
             gsize           end)
{
  guint n = peitho_document_get_n_paragraphs (document);

  for (guint p = peitho_document_paragraph_at (document, start); p < n; p++)
    {
      gsize paragraph_start;
      gsize length;

      peitho_document_get_paragraph (document, p, &paragraph_start, &length, NULL);
      if (paragraph_start >= end)
        break;
      if (MAX (start, paragraph_start) < MIN (end, paragraph_start + length))
        return TRUE;
    }

  return FALSE;
}

static void
lose (PeithoImportPlan *plan,
      guint             line,
      const char       *message)
{
  if (line > 0)
    g_ptr_array_add (plan->losses, g_strdup_printf ("%s:%u: %s", plan->display_name, line, message));
  else
    g_ptr_array_add (plan->losses, g_strdup_printf ("%s: %s", plan->display_name, message));
}

static void
plan_span (PeithoImportPlan       *plan,
           const PeithoImportSet  *set,
           PeithoTextAlignment    *alignment,
           const PeithoImportSpan *span,
           const char             *annotator,
           GHashTable             *first_by_span)
{
  PeithoTagMapping *mapping = NULL;
  guint first = G_MAXUINT;
  guint placed = 0;

  for (guint r = 0; r < span->ranges->len; r++)
    {
      const PeithoImportRange *range = &g_array_index (span->ranges, PeithoImportRange, r);
      PlannedAnnotation planned = { 0 };
      gsize start;
      gsize end;

      if (!peitho_text_alignment_map (alignment, range->start, range->end, &start, &end)
          || end > peitho_document_get_length (plan->document)
          || !covers_text (plan->document, start, end))
        {
          g_autofree char *message =
            /* Translators: %s is an annotation's id in the other tool's file, %s its
             * label, then its character range there */
            g_strdup_printf (_("annotation %s (%s) at characters %lu–%lu is empty, beyond the "
                               "text or only whitespace"),
                             span->id != NULL ? span->id : "-", span->label,
                             (gulong) range->start, (gulong) range->end);
          lose (plan, span->line, message);
          continue;
        }

      if (mapping == NULL)
        mapping = map_label (plan, set, span);

      planned.start = start;
      planned.end = end;
      planned.mapping = mapping;
      planned.annotator = g_strdup (annotator != NULL ? annotator : span->annotator);
      planned.note = g_strdup (span->note);
      planned.span_id = g_strdup (span->id);
      planned.fragment = placed;
      mapping->n_annotations++;

      if (first != G_MAXUINT)
        {
          PlannedRelation relation = { g_strdup ("continues"), plan->annotations->len - 1,
                                       plan->annotations->len, g_strdup (planned.annotator) };

          g_array_append_val (plan->relations, relation);
        }
      else
        first = plan->annotations->len;

      g_array_append_val (plan->annotations, planned);
      placed++;
    }

  if (placed > 1)
    plan->n_fragmented++;

  if (first != G_MAXUINT && span->id != NULL)
    g_hash_table_insert (first_by_span, span->id, GUINT_TO_POINTER (first + 1));
}

PeithoImportPlan *
peitho_import_plan_analyse (PeithoDocument   *document,
                            PeithoImportSet  *set,
                            const char       *annotator,
                            GError          **error)
{
  g_autoptr(PeithoImportPlan) plan = NULL;
  g_autoptr(PeithoTextAlignment) alignment = NULL;
  g_autoptr(GHashTable) first_by_span = NULL;
  const char *text;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = peitho_document_get_text (document);
  if (set->text != NULL)
    {
      g_autoptr(GError) first_error = NULL;

      alignment = peitho_text_alignment_new (set->text, text, set->display_name, &first_error);
      if (alignment == NULL && set->alt_text != NULL)
        alignment = peitho_text_alignment_new (set->alt_text, text, set->display_name, NULL);
      if (alignment == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&first_error));
          return NULL;
        }
    }
  else
    alignment = peitho_text_alignment_new_direct (text, set->source_length, set->display_name,
                                                  error);
  if (alignment == NULL)
    return NULL;

  plan = g_new0 (PeithoImportPlan, 1);
  plan->document = g_object_ref (document);
  plan->display_name = g_strdup (set->display_name);
  plan->mappings = g_ptr_array_new_with_free_func (mapping_free);
  plan->mapping_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->new_tags = g_ptr_array_new_with_free_func (g_object_unref);
  plan->annotations = g_array_new (FALSE, TRUE, sizeof (PlannedAnnotation));
  g_array_set_clear_func (plan->annotations, planned_annotation_clear);
  plan->relations = g_array_new (FALSE, TRUE, sizeof (PlannedRelation));
  g_array_set_clear_func (plan->relations, planned_relation_clear);
  plan->losses = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < set->losses->len; i++)
    g_ptr_array_add (plan->losses, g_strdup (g_ptr_array_index (set->losses, i)));

  if (annotator != NULL && *annotator == '\0')
    annotator = NULL;

  first_by_span = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < set->spans->len; i++)
    plan_span (plan, set, alignment, g_ptr_array_index (set->spans, i), annotator, first_by_span);

  for (guint i = 0; i < set->relations->len; i++)
    {
      const PeithoImportRelation *relation = g_ptr_array_index (set->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (first_by_span, relation->from_id));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (first_by_span, relation->to_id));
      PlannedRelation planned = { 0 };

      if (from == 0 || to == 0 || from == to)
        {
          g_autofree char *message =
            /* Translators: a relation's id and type, then the ids of the two annotations */
            g_strdup_printf (_("relation %s (%s) from %s to %s: an annotation it links was not "
                               "imported, or it links an annotation with itself"),
                             relation->id != NULL ? relation->id : "-", relation->type,
                             relation->from_id, relation->to_id);
          lose (plan, relation->line, message);
          continue;
        }

      planned.type = g_strdup (*relation->type != '\0' ? relation->type : "related");
      planned.from = from - 1;
      planned.to = to - 1;
      planned.annotator = g_strdup (annotator != NULL ? annotator : relation->annotator);
      g_array_append_val (plan->relations, planned);
    }

  return g_steal_pointer (&plan);
}

GPtrArray *
peitho_import_plan_get_mappings (PeithoImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->mappings;
}

GPtrArray *
peitho_import_plan_get_losses (PeithoImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->losses;
}

guint
peitho_import_plan_get_n_annotations (PeithoImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->annotations->len;
}

guint
peitho_import_plan_get_n_relations (PeithoImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->relations->len;
}

char *
peitho_import_plan_describe (PeithoImportPlan *plan)
{
  GString *out;

  g_return_val_if_fail (plan != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < plan->mappings->len; i++)
    {
      const PeithoTagMapping *mapping = g_ptr_array_index (plan->mappings, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                             "%u annotations",
                                                             mapping->n_annotations),
                                                mapping->n_annotations);

      if (mapping->is_new)
        /* Translators: a label of the other tool → a new tag (its id), a count */
        g_string_append_printf (out, _("“%s” → new tag “%s” (%s) in “Imported”: %s"),
                                mapping->source_label, mapping->tag_label, mapping->tag_id, count);
      else
        /* Translators: a label of the other tool → an existing tag (its id), a count */
        g_string_append_printf (out, _("“%s” → tag “%s” (%s): %s"),
                                mapping->source_label, mapping->tag_label, mapping->tag_id, count);
      g_string_append_c (out, '\n');
    }

  if (plan->n_fragmented > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u discontinuous annotation becomes one annotation "
                                           "per fragment, linked by “continues” relations",
                                           "%u discontinuous annotations become one annotation "
                                           "per fragment, linked by “continues” relations",
                                           plan->n_fragmented),
                              plan->n_fragmented);
      g_string_append_c (out, '\n');
    }

  {
    g_autofree char *annotations =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                    plan->annotations->len), plan->annotations->len);
    g_autofree char *relations =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                    plan->relations->len), plan->relations->len);

    /* Translators: "12 annotations and 3 relations to import" */
    g_string_append_printf (out, _("%s and %s to import"), annotations, relations);
    g_string_append_c (out, '\n');
  }

  return g_string_free (out, FALSE);
}

char *
peitho_import_plan_describe_losses (PeithoImportPlan *plan)
{
  GString *out;

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->losses->len == 0)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u thing in %s cannot be represented in Peitho and is "
                                       "not imported:",
                                       "%u things in %s cannot be represented in Peitho and are "
                                       "not imported:",
                                       plan->losses->len),
                          plan->losses->len, plan->display_name);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < plan->losses->len; i++)
    {
      g_string_append (out, "  ");
      g_string_append (out, g_ptr_array_index (plan->losses, i));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
roll_back (PeithoImportPlan *plan,
           GPtrArray        *added,
           gboolean          group_added)
{
  PeithoTagSet *tag_set = peitho_document_get_tag_set (plan->document);

  for (guint i = added->len; i > 0; i--)
    peitho_document_remove_annotation (plan->document, g_ptr_array_index (added, i - 1), NULL);

  for (guint i = 0; i < plan->new_tags->len; i++)
    {
      PeithoTag *tag = peitho_tag_set_lookup_tag (tag_set,
                                                  peitho_tag_get_id (g_ptr_array_index (plan->new_tags, i)));

      if (tag != NULL)
        peitho_tag_set_remove_tag (tag_set, tag);
    }

  if (group_added)
    {
      PeithoTagGroup *group = peitho_tag_set_lookup_group (tag_set, PEITHO_IMPORTED_GROUP_ID);

      if (group != NULL)
        peitho_tag_set_remove_group (tag_set, group);
    }
}

static const char *
annotator_id (PeithoImportPlan *plan,
              const char       *name)
{
  if (name == NULL || *name == '\0')
    return NULL;

  return peitho_annotator_get_id (peitho_document_ensure_annotator (plan->document, name));
}

gboolean
peitho_import_plan_apply (PeithoImportPlan  *plan,
                          GError           **error)
{
  PeithoTagSet *tag_set;
  g_autoptr(GPtrArray) added = NULL;
  gboolean group_added = FALSE;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (!plan->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan->applied = TRUE;
  tag_set = peitho_document_get_tag_set (plan->document);
  added = g_ptr_array_new_with_free_func (g_object_unref);

  if (plan->new_tags->len > 0
      && peitho_tag_set_lookup_group (tag_set, PEITHO_IMPORTED_GROUP_ID) == NULL)
    {
      g_autoptr(PeithoTagGroup) group =
        peitho_tag_group_new (PEITHO_IMPORTED_GROUP_ID,
                              /* Translators: the tag group for tags that came with
                               * annotations from other tools */
                              _("Imported"),
                              _("Tags that came with annotations imported from other tools."));

      if (!peitho_tag_set_add_group (tag_set, group, -1, error))
        return FALSE;
      group_added = TRUE;
    }

  for (guint i = 0; i < plan->new_tags->len; i++)
    {
      g_autoptr(PeithoTag) tag = peitho_tag_copy (g_ptr_array_index (plan->new_tags, i));

      if (!peitho_tag_set_add_tag (tag_set, PEITHO_IMPORTED_GROUP_ID, tag, -1, error))
        {
          roll_back (plan, added, group_added);
          return FALSE;
        }
    }

  for (guint i = 0; i < plan->annotations->len; i++)
    {
      const PlannedAnnotation *planned = &g_array_index (plan->annotations, PlannedAnnotation, i);
      g_autoptr(PeithoAnnotation) annotation = NULL;

      annotation = peitho_annotation_new (NULL, planned->start, planned->end,
                                          planned->mapping->tag_id,
                                          annotator_id (plan, planned->annotator),
                                          planned->note, NULL);
      if (!peitho_document_add_annotation (plan->document, annotation, error))
        {
          roll_back (plan, added, group_added);
          return FALSE;
        }
      g_ptr_array_add (added, g_steal_pointer (&annotation));
    }

  for (guint i = 0; i < plan->relations->len; i++)
    {
      const PlannedRelation *planned = &g_array_index (plan->relations, PlannedRelation, i);
      g_autoptr(PeithoRelation) relation = NULL;

      relation = peitho_relation_new (NULL, planned->type,
                                      peitho_annotation_get_id (g_ptr_array_index (added, planned->from)),
                                      peitho_annotation_get_id (g_ptr_array_index (added, planned->to)),
                                      annotator_id (plan, planned->annotator));
      if (!peitho_document_add_relation (plan->document, relation, error))
        {
          roll_back (plan, added, group_added);
          return FALSE;
        }
    }

  return TRUE;
}
