/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "peitho-agreement-map.h"

#define CELL   44
#define GAP    2
#define PAD    8

struct _PeithoAgreementMap
{
  GtkWidget      parent_instance;

  GStrv          names;
  PeithoMeasure *cells;        /* n × n */
  guint          n;
  char          *description;
  int            label_width;  /* of the row names, in pixels */
};

G_DEFINE_FINAL_TYPE (PeithoAgreementMap, peitho_agreement_map, GTK_TYPE_WIDGET)

static char *
format_measure (PeithoMeasure measure)
{
  if (!peitho_measure_is_defined (measure))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", measure.value);
}

/* Sequential blue for agreement above chance, orange below: both read on
 * light and dark backgrounds. */
static void
cell_color (PeithoMeasure  measure,
            GdkRGBA       *color)
{
  g_assert (color != NULL);

  if (!peitho_measure_is_defined (measure))
    *color = (GdkRGBA) { 0.6, 0.6, 0.6, 0.15 };
  else if (measure.value >= 0)
    *color = (GdkRGBA) { 0.21, 0.52, 0.89, 0.12 + 0.88 * MIN (measure.value, 1.0) };
  else
    *color = (GdkRGBA) { 0.90, 0.38, 0.0, 0.12 + 0.88 * MIN (-measure.value, 1.0) };
}

static PangoLayout *
make_layout (PeithoAgreementMap *self,
             const char         *text)
{
  g_assert (PEITHO_IS_AGREEMENT_MAP (self));
  g_assert (text != NULL);

  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static void
measure_labels (PeithoAgreementMap *self)
{
  g_assert (PEITHO_IS_AGREEMENT_MAP (self));
  g_assert (self->n == 0 || g_strv_length (self->names) == self->n);

  self->label_width = 0;
  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u  %s", i + 1, self->names[i]);
      g_autoptr(PangoLayout) layout = make_layout (self, label);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      self->label_width = MAX (self->label_width, width);
    }
}

static void
peitho_agreement_map_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  PeithoAgreementMap *self = PEITHO_AGREEMENT_MAP (widget);
  int size = 0;

  g_assert (PEITHO_IS_AGREEMENT_MAP (self));
  g_assert (minimum != NULL && natural != NULL);

  if (self->n > 0)
    {
      size = (self->n + 1) * (CELL + GAP);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size = self->label_width + PAD + self->n * (CELL + GAP);
    }
  *minimum = *natural = size;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             int            x,
             int            y,
             int            width,
             int            height,
             gboolean       centre)
{
  int w, h;

  g_assert (snapshot != NULL);
  g_assert (PANGO_IS_LAYOUT (layout));
  g_assert (color != NULL);

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (centre ? x + (width - w) / 2.0 : x,
                                                          y + (height - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
peitho_agreement_map_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  PeithoAgreementMap *self = PEITHO_AGREEMENT_MAP (widget);
  int left = self->label_width + PAD;
  GdkRGBA fg, white = { 1, 1, 1, 1 };

  g_assert (PEITHO_IS_AGREEMENT_MAP (self));
  g_assert (self->n == 0 || (self->names != NULL && self->cells != NULL));

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* Column numbers, then one row per student. */
  for (guint b = 0; b < self->n; b++)
    {
      g_autofree char *number = g_strdup_printf ("%u", b + 1);
      g_autoptr(PangoLayout) layout = make_layout (self, number);

      append_text (snapshot, layout, &fg, left + b * (CELL + GAP), 0, CELL, CELL, TRUE);
    }
  for (guint a = 0; a < self->n; a++)
    {
      int y = (a + 1) * (CELL + GAP);
      g_autofree char *label = g_strdup_printf ("%u  %s", a + 1, self->names[a]);
      g_autoptr(PangoLayout) name = make_layout (self, label);

      append_text (snapshot, name, &fg, 0, y, self->label_width, CELL, FALSE);
      for (guint b = 0; b < self->n; b++)
        {
          PeithoMeasure measure = self->cells[a * self->n + b];
          g_autofree char *text = format_measure (measure);
          g_autoptr(PangoLayout) value = make_layout (self, text);
          int x = left + b * (CELL + GAP);
          GdkRGBA color;

          cell_color (measure, &color);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, CELL, CELL));
          append_text (snapshot, value, color.alpha > 0.6 ? &white : &fg, x, y, CELL, CELL, TRUE);
        }
    }
}

static gboolean
peitho_agreement_map_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  PeithoAgreementMap *self = PEITHO_AGREEMENT_MAP (widget);
  int left = self->label_width + PAD;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  guint a, b;

  g_assert (PEITHO_IS_AGREEMENT_MAP (self));
  g_assert (GTK_IS_TOOLTIP (tooltip));

  if (keyboard_mode)
    {
      gtk_tooltip_set_text (tooltip, self->description);
      return self->description != NULL;
    }
  if (x < left || y < CELL + GAP)
    return FALSE;
  a = (y - (CELL + GAP)) / (CELL + GAP);
  b = (x - left) / (CELL + GAP);
  if (a >= self->n || b >= self->n || a == b)
    return FALSE;

  value = format_measure (self->cells[a * self->n + b]);
  /* TRANSLATORS: a cell of the agreement heat map: two students, alpha_u */
  text = g_strdup_printf (_("%s and %s: %s"), self->names[a], self->names[b], value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
peitho_agreement_map_finalize (GObject *object)
{
  PeithoAgreementMap *self = (PeithoAgreementMap *)object;

  g_assert (PEITHO_IS_AGREEMENT_MAP (self));

  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (peitho_agreement_map_parent_class)->finalize (object);
}

static void
peitho_agreement_map_class_init (PeithoAgreementMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = peitho_agreement_map_finalize;
  widget_class->measure = peitho_agreement_map_measure;
  widget_class->snapshot = peitho_agreement_map_snapshot;
  widget_class->query_tooltip = peitho_agreement_map_query_tooltip;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "agreementmap");
}

static void
peitho_agreement_map_init (PeithoAgreementMap *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Focusable, so that keyboard users reach its values (its tooltip). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreement between each two students"), -1);
}

GtkWidget *
peitho_agreement_map_new (void)
{
  return g_object_new (PEITHO_TYPE_AGREEMENT_MAP, NULL);
}

void
peitho_agreement_map_set_agreement (PeithoAgreementMap *self,
                                    PeithoAgreement    *agreement,
                                    const char * const *names)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (PEITHO_IS_AGREEMENT_MAP (self));
  g_return_if_fail (agreement == NULL || names != NULL);

  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->cells, g_free);
  self->n = 0;
  if (agreement != NULL)
    {
      self->n = peitho_agreement_get_n_annotators (agreement);
      g_return_if_fail (g_strv_length ((char **) names) == self->n);
      self->names = g_strdupv ((char **) names);
      self->cells = g_new0 (PeithoMeasure, (gsize) self->n * self->n);
      for (guint a = 0; a < self->n; a++)
        for (guint b = 0; b < self->n; b++)
          {
            PeithoMeasure measure = peitho_agreement_get_pair_alpha (agreement, a, b);

            self->cells[a * self->n + b] = measure;
            if (b > a)
              {
                g_autofree char *value = format_measure (measure);

                if (description->len > 0)
                  g_string_append_c (description, ' ');
                /* TRANSLATORS: one pair of the agreement heat map, for screen readers */
                g_string_append_printf (description, _("%s and %s: %s."),
                                        names[a], names[b], value);
              }
          }
    }

  g_free (self->description);
  self->description = description->len > 0 ? g_strdup (description->str) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description ? self->description : "", -1);
  measure_labels (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
peitho_agreement_map_get_description (PeithoAgreementMap *self)
{
  g_return_val_if_fail (PEITHO_IS_AGREEMENT_MAP (self), NULL);
  return self->description;
}
