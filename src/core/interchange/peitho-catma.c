/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "peitho-catma.h"
#include "peitho-error.h"
#include "peitho-tei-common.h"
#include "peitho-xml-text.h"

typedef struct {
  char *name;
  char *parent_id;      /* nullable */
  char *tag_set;        /* nullable */
} CatmaTag;

typedef struct {
  PeithoImportSet *set;
  GHashTable      *tags;          /* xml:id -> CatmaTag */
  GHashTable      *spans;         /* annotation xml:id -> PeithoImportSpan */
  PeithoXmlText   *text;          /* inline form */
  gsize            source_length; /* stand-off form */
  gboolean         standoff;
} CatmaReader;

static void
catma_tag_free (gpointer data)
{
  CatmaTag *tag = data;

  g_free (tag->name);
  g_free (tag->parent_id);
  g_free (tag->tag_set);
  g_free (tag);
}

static xmlNode *
find_descendant (xmlNode    *node,
                 const char *name)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      xmlNode *found;

      if (peitho_tei_is (child, name))
        return child;
      if ((found = find_descendant (child, name)) != NULL)
        return found;
    }

  return NULL;
}

gboolean
peitho_catma_detect (xmlDoc *doc)
{
  xmlNode *root;
  xmlNode *fsd_decl;

  g_return_val_if_fail (doc != NULL, FALSE);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    return FALSE;
  fsd_decl = find_descendant (root, "fsdDecl");

  return fsd_decl != NULL && peitho_tei_child (fsd_decl, "fsDecl") != NULL;
}

/* "Rhetoric 2026-11-30T10:00:00.000+0100" -> "Rhetoric" */
static char *
tag_set_name (xmlNode *fsd_decl)
{
  const char *n = peitho_tei_attr (fsd_decl, "n");
  const char *space;

  if (n == NULL)
    return NULL;
  space = strrchr (n, ' ');

  return space != NULL && g_ascii_isdigit (space[1]) ? g_strndup (n, space - n) : g_strdup (n);
}

static void
read_tags (CatmaReader *self,
           xmlNode     *node)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      if (peitho_tei_is (child, "fsdDecl"))
        {
          g_autofree char *set_name = tag_set_name (child);

          for (xmlNode *decl = peitho_tei_first_element (child); decl != NULL;
               decl = peitho_tei_next_element (decl))
            {
              const char *id = peitho_tei_attr (decl, "xml:id");
              CatmaTag *tag;

              if (!peitho_tei_is (decl, "fsDecl") || id == NULL)
                continue;
              tag = g_new0 (CatmaTag, 1);
              tag->name = peitho_tei_collapsed_text (peitho_tei_child (decl, "fsDescr"));
              if (tag->name == NULL)
                tag->name = g_strdup (peitho_tei_attr (decl, "type") != NULL
                                      ? peitho_tei_attr (decl, "type") : id);
              tag->parent_id = g_strdup (peitho_tei_attr (decl, "baseTypes"));
              tag->tag_set = g_strdup (set_name);
              g_hash_table_insert (self->tags, g_strdup (id), tag);
            }
        }
      else
        read_tags (self, child);
    }
}

/* "Rhetoric: /tropes/metaphor" */
static char *
tag_path (CatmaReader *self,
          CatmaTag    *tag)
{
  GString *path = g_string_new (NULL);
  CatmaTag *parent = tag;

  for (guint depth = 0; parent != NULL && depth < 64; depth++)
    {
      g_string_prepend (path, parent->name);
      g_string_prepend_c (path, '/');
      parent = parent->parent_id != NULL ? g_hash_table_lookup (self->tags, parent->parent_id)
                                         : NULL;
    }
  if (tag->tag_set != NULL)
    {
      g_string_prepend (path, ": ");
      g_string_prepend (path, tag->tag_set);
    }

  return g_string_free (path, FALSE);
}

static char *
feature_values (xmlNode *f)
{
  GString *values = g_string_new (NULL);

  for (xmlNode *child = peitho_tei_first_element (f); child != NULL;
       child = peitho_tei_next_element (child))
    {
      g_autofree char *value = peitho_tei_collapsed_text (child);

      if (value == NULL)
        value = g_strdup (peitho_tei_attr (child, "value"));
      if (value == NULL)
        continue;
      if (values->len > 0)
        g_string_append (values, ", ");
      g_string_append (values, value);
    }

  return g_string_free (values, values->len == 0);
}

static void
read_annotations (CatmaReader *self,
                  xmlNode     *text)
{
  for (xmlNode *fs = peitho_tei_first_element (text); fs != NULL; fs = peitho_tei_next_element (fs))
    {
      const char *id = peitho_tei_attr (fs, "xml:id");
      const char *type = peitho_tei_attr (fs, "type");
      CatmaTag *tag = type != NULL ? g_hash_table_lookup (self->tags, type) : NULL;
      g_autoptr(GString) note = g_string_new (NULL);
      PeithoImportSpan *span;

      if (!peitho_tei_is (fs, "fs"))
        continue;
      if (id == NULL || tag == NULL)
        {
          peitho_import_set_lose (self->set, xmlGetLineNo (fs),
                                  /* Translators: an id, then a tag id */
                                  _("annotation %s: its tag %s is not declared in an fsDecl"),
                                  id != NULL ? id : "-", type != NULL ? type : "-");
          continue;
        }

      /* Ranges come from the segments; 0-0 until then. */
      span = g_new0 (PeithoImportSpan, 1);
      span->id = g_strdup (id);
      span->ranges = g_array_new (FALSE, FALSE, sizeof (PeithoImportRange));
      span->label = g_strdup (tag->name);
      span->group = tag_path (self, tag);
      span->line = xmlGetLineNo (fs);

      for (xmlNode *f = peitho_tei_first_element (fs); f != NULL; f = peitho_tei_next_element (f))
        {
          const char *name = peitho_tei_attr (f, "name");
          g_autofree char *values = NULL;

          if (!peitho_tei_is (f, "f") || name == NULL)
            continue;
          values = feature_values (f);
          if (g_str_equal (name, "catma_markupauthor"))
            {
              g_free (span->annotator);
              span->annotator = g_steal_pointer (&values);
            }
          else if (g_str_has_prefix (name, "catma_"))
            continue;   /* colour, timestamps: properties of CATMA's display */
          else if (values != NULL)
            {
              if (note->len > 0)
                g_string_append_c (note, '\n');
              g_string_append_printf (note, "%s: %s", name, values);
            }
        }
      if (note->len > 0)
        span->note = g_strdup (note->str);
      if (span->annotator != NULL && g_str_equal (span->annotator, "empty"))
        g_clear_pointer (&span->annotator, g_free);

      g_ptr_array_add (self->set->spans, span);
      g_hash_table_insert (self->spans, span->id, span);
    }
}

/* "catma://CATMA_...#char=42,48" */
static gboolean
parse_ptr (const char *target,
           gsize      *start,
           gsize      *end)
{
  const char *range = target != NULL ? strstr (target, "#char=") : NULL;
  char *comma = NULL;
  char *rest = NULL;

  if (range == NULL || !g_ascii_isdigit (range[6]))
    return FALSE;
  *start = g_ascii_strtoull (range + 6, &comma, 10);
  if (*comma != ',' || !g_ascii_isdigit (comma[1]))
    return FALSE;
  *end = g_ascii_strtoull (comma + 1, &rest, 10);

  return *rest == '\0' && *start <= *end && *end < G_MAXINT;
}

static void
add_range (PeithoImportSpan *span,
           gsize             start,
           gsize             end)
{
  /* CATMA cuts an annotation into one seg per stretch between overlaps:
   * touching pieces join again. */
  if (span->ranges->len > 0)
    {
      PeithoImportRange *last = &g_array_index (span->ranges, PeithoImportRange,
                                                span->ranges->len - 1);

      if (last->end == start)
        {
          last->end = end;
          return;
        }
    }
  peitho_import_span_add_range (span, start, end);
}

static void
read_segments (CatmaReader *self,
               xmlNode     *node)
{
  for (xmlNode *child = peitho_tei_first_element (node); child != NULL;
       child = peitho_tei_next_element (child))
    {
      const char *ana = peitho_tei_attr (child, "ana");
      xmlNode *ptr = peitho_tei_child (child, "ptr");
      gsize start = 0;
      gsize end = 0;
      g_auto(GStrv) ids = NULL;

      if (peitho_tei_is (child, "ptr") && parse_ptr (peitho_tei_attr (child, "target"), &start, &end))
        {
          self->source_length = MAX (self->source_length, end);
          continue;
        }
      if (!peitho_tei_is (child, "seg") || ana == NULL)
        {
          read_segments (self, child);
          continue;
        }

      if (ptr != NULL)
        {
          if (!parse_ptr (peitho_tei_attr (ptr, "target"), &start, &end))
            {
              peitho_import_set_lose (self->set, xmlGetLineNo (ptr),
                                      _("seg/ptr: target “%s” is not “catma://…#char=S,E”"),
                                      peitho_tei_attr (ptr, "target"));
              continue;
            }
          self->standoff = TRUE;
          self->source_length = MAX (self->source_length, end);
        }
      else if (!peitho_xml_text_range (self->text, child, &start, &end))
        continue;

      if (start == end)
        continue;
      ids = g_strsplit_set (ana, " \t\r\n", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          const char *id = ids[i][0] == '#' ? ids[i] + 1 : ids[i];
          PeithoImportSpan *span;

          if (*id == '\0')
            continue;
          span = g_hash_table_lookup (self->spans, id);
          if (span == NULL)
            {
              peitho_import_set_lose (self->set, xmlGetLineNo (child),
                                      _("seg/@ana: %s names no annotation (fs) of this file"), id);
              continue;
            }
          add_range (span, start, end);
        }

      /* Segments nest in the inline form. */
      read_segments (self, child);
    }
}

PeithoImportSet *
peitho_catma_read (xmlDoc      *doc,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(PeithoImportSet) set = NULL;
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GHashTable) spans = NULL;
  g_autoptr(PeithoXmlText) text = NULL;
  xmlNode *root;
  xmlNode *text_node;
  CatmaReader self;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  text_node = root != NULL ? peitho_tei_child (root, "text") : NULL;
  if (text_node == NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_NOT_TEI,
                   _("%s: not a TEI document with a <text>"), display_name);
      return NULL;
    }

  set = peitho_import_set_new (display_name, PEITHO_INTERCHANGE_CATMA);
  tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catma_tag_free);
  spans = g_hash_table_new (g_str_hash, g_str_equal);
  text = peitho_xml_text_new (text_node);
  self = (CatmaReader) { set, tags, spans, text, 0, FALSE };

  read_tags (&self, root);
  read_annotations (&self, text_node);
  read_segments (&self, text_node);

  if (self.standoff)
    set->source_length = self.source_length;
  else
    {
      set->text = peitho_xml_text_dup_masked (text);
      set->alt_text = g_strdup (peitho_xml_text_get_text (text));
    }

  /* Annotations no segment points at. */
  for (guint i = set->spans->len; i > 0; i--)
    {
      PeithoImportSpan *span = g_ptr_array_index (set->spans, i - 1);

      if (span->ranges->len == 0)
        {
          peitho_import_set_lose (set, span->line,
                                  _("annotation %s (%s) covers no text (no seg points at it)"),
                                  span->id, span->label);
          g_ptr_array_remove_index (set->spans, i - 1);
        }
    }

  return g_steal_pointer (&set);
}
