/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-swatch.h"

#define SWATCH_SIZE 14

struct _PeithoSwatch
{
  GtkWidget parent_instance;

  char    *color;
  GdkRGBA  rgba;
  guint    hollow : 1;
  guint    has_rgba : 1;
};

G_DEFINE_FINAL_TYPE (PeithoSwatch, peitho_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_HOLLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peitho_swatch_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  g_assert (GTK_IS_WIDGET (widget));

  *minimum = *natural = SWATCH_SIZE;
}

static void
peitho_swatch_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PeithoSwatch *self = PEITHO_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int size = MIN (MIN (width, height), SWATCH_SIZE);
  GskRoundedRect rect;

  g_assert (PEITHO_IS_SWATCH (widget));

  if (!self->has_rgba)
    return;

  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT ((width - size) / 2.f,
                                                        (height - size) / 2.f,
                                                        size, size),
                                   size / 4.f);
  if (self->hollow)
    {
      float w[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
      GdkRGBA c[4] = { self->rgba, self->rgba, self->rgba, self->rgba };

      gtk_snapshot_append_border (snapshot, &rect, w, c);
    }
  else
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &self->rgba, &rect.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
peitho_swatch_finalize (GObject *object)
{
  PeithoSwatch *self = (PeithoSwatch *)object;

  g_assert (PEITHO_IS_SWATCH (object));

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (peitho_swatch_parent_class)->finalize (object);
}

static void
peitho_swatch_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PeithoSwatch *self = PEITHO_SWATCH (object);

  g_assert (PEITHO_IS_SWATCH (object));

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_HOLLOW:
      g_value_set_boolean (value, self->hollow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_swatch_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PeithoSwatch *self = PEITHO_SWATCH (object);

  g_assert (PEITHO_IS_SWATCH (object));

  switch (prop_id)
    {
    case PROP_COLOR:
      peitho_swatch_set_color (self, g_value_get_string (value));
      break;
    case PROP_HOLLOW:
      peitho_swatch_set_hollow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_swatch_class_init (PeithoSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = peitho_swatch_finalize;
  object_class->get_property = peitho_swatch_get_property;
  object_class->set_property = peitho_swatch_set_property;

  widget_class->measure = peitho_swatch_measure;
  widget_class->snapshot = peitho_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLLOW] =
    g_param_spec_boolean ("hollow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
peitho_swatch_init (PeithoSwatch *self)
{
  g_assert (PEITHO_IS_SWATCH (self));

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
peitho_swatch_new (void)
{
  return g_object_new (PEITHO_TYPE_SWATCH, NULL);
}

const char *
peitho_swatch_get_color (PeithoSwatch *self)
{
  g_return_val_if_fail (PEITHO_IS_SWATCH (self), NULL);
  return self->color;
}

void
peitho_swatch_set_color (PeithoSwatch *self,
                         const char   *color)
{
  g_return_if_fail (PEITHO_IS_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  self->has_rgba = color != NULL && gdk_rgba_parse (&self->rgba, color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gboolean
peitho_swatch_get_hollow (PeithoSwatch *self)
{
  g_return_val_if_fail (PEITHO_IS_SWATCH (self), FALSE);
  return self->hollow;
}

void
peitho_swatch_set_hollow (PeithoSwatch *self,
                          gboolean      hollow)
{
  g_return_if_fail (PEITHO_IS_SWATCH (self));

  hollow = !!hollow;
  if (self->hollow == hollow)
    return;

  self->hollow = hollow;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLLOW]);
}
