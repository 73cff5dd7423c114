/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-utils.h"

char *
peitho_annotation_dup_snippet (PeithoDocument   *document,
                               PeithoAnnotation *annotation,
                               guint             max_chars)
{
  gsize start = peitho_annotation_get_start (annotation);
  gsize end = peitho_annotation_get_end (annotation);
  g_autofree char *slice = NULL;
  GString *str;
  gboolean space = FALSE;
  gboolean cut = FALSE;
  guint n = 0;

  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), NULL);

  /* Cut before copying: a passage may be a whole book. */
  if (end - start > (gsize) max_chars * 2)
    end = start + (gsize) max_chars * 2;
  slice = peitho_document_dup_slice (document, start, end);
  str = g_string_new (NULL);

  for (const char *p = slice; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = str->len > 0;
          continue;
        }
      if (n >= max_chars)
        {
          cut = TRUE;
          break;
        }
      if (space)
        {
          g_string_append_c (str, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (str, c);
      n++;
    }

  if (cut || end < peitho_annotation_get_end (annotation))
    g_string_append (str, "…");

  return g_string_free (str, FALSE);
}

static PeithoTag *
lookup_tag (PeithoDocument   *document,
            PeithoAnnotation *annotation)
{
  return peitho_tag_set_lookup_tag (peitho_document_get_tag_set (document),
                                    peitho_annotation_get_tag_id (annotation));
}

const char *
peitho_annotation_get_tag_label (PeithoDocument   *document,
                                 PeithoAnnotation *annotation)
{
  PeithoTag *tag = lookup_tag (document, annotation);

  return tag != NULL ? peitho_tag_get_label (tag) : peitho_annotation_get_tag_id (annotation);
}

const char *
peitho_annotation_get_tag_color (PeithoDocument   *document,
                                 PeithoAnnotation *annotation)
{
  PeithoTag *tag = lookup_tag (document, annotation);

  return tag != NULL ? peitho_tag_get_color (tag) : NULL;
}

const char *
peitho_annotation_get_annotator_name (PeithoDocument   *document,
                                      PeithoAnnotation *annotation)
{
  const char *annotator_id = peitho_annotation_get_annotator_id (annotation);
  PeithoAnnotator *annotator;

  if (annotator_id == NULL)
    return NULL;

  annotator = peitho_document_lookup_annotator (document, annotator_id);
  return annotator != NULL ? peitho_annotator_get_name (annotator) : annotator_id;
}

char *
peitho_annotations_to_markup (PeithoDocument *document,
                              GPtrArray      *annotations)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      PeithoAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *color = peitho_annotation_get_tag_color (document, annotation);
      const char *note = peitho_annotation_get_note (annotation);
      const char *who = peitho_annotation_get_annotator_name (document, annotation);
      g_autofree char *label = g_markup_escape_text (peitho_annotation_get_tag_label (document, annotation), -1);

      if (i > 0)
        g_string_append_c (str, '\n');
      g_string_append_printf (str, "<span foreground=\"%s\">■</span> <b>%s</b>",
                              color ? color : "#9a9996", label);
      if (who != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (who, -1);
          g_string_append_printf (str, " <small>%s</small>", escaped);
        }
      if (note != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (note, -1);
          g_string_append_printf (str, "\n<i>%s</i>", escaped);
        }
    }

  return g_string_free (str, FALSE);
}

const char *
peitho_default_annotator_name (const char *setting)
{
  const char *name;

  if (setting != NULL && setting[0] != '\0')
    return setting;

  name = g_get_real_name ();
  if (name == NULL || name[0] == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();

  return name;
}

void
peitho_fix_mnemonic_name (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
peitho_fix_labelled_by (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

GHashTable *
peitho_tag_accels_collect (GSettings    *settings,
                           PeithoTagSet *tag_set)
{
  GHashTable *accels;
  g_autoptr(GVariant) setting = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (tag_set == NULL || PEITHO_IS_TAG_SET (tag_set), NULL);

  accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  setting = g_settings_get_value (settings, "tag-shortcuts");
  if (g_variant_n_children (setting) > 0)
    {
      GVariantIter iter;
      const char *tag_id, *accel;

      g_variant_iter_init (&iter, setting);
      while (g_variant_iter_next (&iter, "{&s&s}", &tag_id, &accel))
        g_hash_table_insert (accels, g_strdup (tag_id), g_strdup (accel));
      return accels;
    }

  if (tag_set == NULL)
    return accels;

  tags = peitho_tag_set_dup_tags (tag_set);
  for (guint i = 0; i < tags->len && i < 9; i++)
    g_hash_table_insert (accels, g_strdup (peitho_tag_get_id (g_ptr_array_index (tags, i))),
                         g_strdup_printf ("<Alt>%u", i + 1));

  return accels;
}

static gboolean
deferred_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "peitho-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
peitho_widget_set_deferred_tooltip (GtkWidget  *widget,
                                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "peitho-tooltip") == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (deferred_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), "peitho-tooltip", g_strdup (text ? text : ""), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}
