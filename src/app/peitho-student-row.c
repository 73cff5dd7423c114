/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "peitho-student-row.h"
#include "peitho-swatch.h"

struct _PeithoStudentRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkCheckButton *check;
  PeithoSwatch   *swatch;

  /* Owned */
  char           *student_id;
  char           *label;
  char           *color;
};

G_DEFINE_FINAL_TYPE (PeithoStudentRow, peitho_student_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STUDENT_ID,
  PROP_LABEL,
  PROP_COLOR,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  g_assert (field != NULL);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
check_toggled_cb (PeithoStudentRow *self,
                  GtkCheckButton   *check)
{
  g_assert (PEITHO_IS_STUDENT_ROW (self));
  g_assert (GTK_IS_CHECK_BUTTON (check));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
  /* Not yet in a window while its properties are being set. */
  if (self->student_id != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-student", "(sb)", self->student_id,
                                gtk_check_button_get_active (check));
}

static void
peitho_student_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PeithoStudentRow *self = PEITHO_STUDENT_ROW (object);

  g_assert (PEITHO_IS_STUDENT_ROW (object));

  switch (prop_id)
    {
    case PROP_STUDENT_ID:
      g_value_set_string (value, self->student_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, gtk_check_button_get_active (self->check));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_student_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PeithoStudentRow *self = PEITHO_STUDENT_ROW (object);

  g_assert (PEITHO_IS_STUDENT_ROW (object));

  switch (prop_id)
    {
    case PROP_STUDENT_ID:
      g_assert (self->student_id == NULL);
      self->student_id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      if (set_string (&self->label, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_COLOR:
      if (set_string (&self->color, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOWN:
      gtk_check_button_set_active (self->check, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
peitho_student_row_dispose (GObject *object)
{
  PeithoStudentRow *self = (PeithoStudentRow *)object;

  g_assert (PEITHO_IS_STUDENT_ROW (self));

  gtk_widget_dispose_template (GTK_WIDGET (self), PEITHO_TYPE_STUDENT_ROW);

  G_OBJECT_CLASS (peitho_student_row_parent_class)->dispose (object);
}

static void
peitho_student_row_finalize (GObject *object)
{
  PeithoStudentRow *self = (PeithoStudentRow *)object;

  g_assert (PEITHO_IS_STUDENT_ROW (self));

  g_clear_pointer (&self->student_id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (peitho_student_row_parent_class)->finalize (object);
}

static void
peitho_student_row_class_init (PeithoStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = peitho_student_row_dispose;
  object_class->finalize = peitho_student_row_finalize;
  object_class->get_property = peitho_student_row_get_property;
  object_class->set_property = peitho_student_row_set_property;

  properties[PROP_STUDENT_ID] =
    g_param_spec_string ("student-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PEITHO_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/peitho-student-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PeithoStudentRow, box);
  gtk_widget_class_bind_template_child (widget_class, PeithoStudentRow, check);
  gtk_widget_class_bind_template_child (widget_class, PeithoStudentRow, swatch);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studentrow");
}

static void
peitho_student_row_init (PeithoStudentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
peitho_student_row_new (const char *student_id,
                        const char *label,
                        const char *color,
                        gboolean    shown)
{
  g_return_val_if_fail (student_id != NULL, NULL);

  return g_object_new (PEITHO_TYPE_STUDENT_ROW,
                       "student-id", student_id,
                       "label", label,
                       "color", color,
                       "shown", shown,
                       NULL);
}

const char *
peitho_student_row_get_student_id (PeithoStudentRow *self)
{
  g_return_val_if_fail (PEITHO_IS_STUDENT_ROW (self), NULL);
  return self->student_id;
}

gboolean
peitho_student_row_get_shown (PeithoStudentRow *self)
{
  g_return_val_if_fail (PEITHO_IS_STUDENT_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}
