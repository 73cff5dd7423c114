/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The built-in tag set's colours, as the window draws them (35% alpha behind
 * the text in the light style, 45% in the dark one, see
 * src/app/peitho-highlighter.c): every tag a hue of its own, highlights that
 * stay apart from one another (OKLab distance), and text that keeps WCAG's
 * 4.5:1 contrast on every highlight. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <peitho-core.h>

#define ALPHA_LIGHT 0.35
#define ALPHA_DARK  0.45

/* The smallest distances the palette keeps (OKLab units; 0.02 is about one
 * just noticeable difference). */
#define MIN_HUE_DEGREES     12.0
#define MIN_DISTANCE_COLOR   0.06
#define MIN_DISTANCE_DRAWN   0.02
#define MIN_CONTRAST         4.5

typedef struct { double r, g, b; } Rgb;
typedef struct { double l, a, b; } Lab;

static Rgb
parse_color (const char *hex)
{
  guint value;

  g_assert_nonnull (hex);
  g_assert_cmpuint (strlen (hex), ==, 7);
  value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  return (Rgb) { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                 (value & 0xff) / 255.0 };
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Rgb c)
{
  return 0.2126 * linear (c.r) + 0.7152 * linear (c.g) + 0.0722 * linear (c.b);
}

static double
contrast (Rgb a,
          Rgb b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @fg at @alpha over @bg, in sRGB as GTK blends. */
static Rgb
over (Rgb    fg,
      double alpha,
      Rgb    bg)
{
  return (Rgb) { alpha * fg.r + (1 - alpha) * bg.r, alpha * fg.g + (1 - alpha) * bg.g,
                 alpha * fg.b + (1 - alpha) * bg.b };
}

/* Björn Ottosson's OKLab. */
static Lab
oklab (Rgb c)
{
  double r = linear (c.r), g = linear (c.g), b = linear (c.b);
  double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

  return (Lab) { 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s };
}

static double
distance (Rgb x,
          Rgb y)
{
  Lab a = oklab (x), b = oklab (y);

  return sqrt ((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) + (a.b - b.b) * (a.b - b.b));
}

static double
hue_degrees (Rgb c)
{
  Lab lab = oklab (c);
  double h = atan2 (lab.b, lab.a) * 180.0 / G_PI;

  return h < 0 ? h + 360.0 : h;
}

static double
hue_difference (Rgb x,
                Rgb y)
{
  double d = fabs (hue_degrees (x) - hue_degrees (y));

  return MIN (d, 360.0 - d);
}

static const Rgb light_bg = { 1.0, 1.0, 1.0 };        /* libadwaita's view, light */
static const Rgb dark_bg = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 };
static const Rgb dark_fg = { 1.0, 1.0, 1.0 };

static void
test_contrast (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new_default ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (set);

  g_assert_cmpuint (tags->len, ==, 22);
  for (guint i = 0; i < tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (tags, i);
      Rgb color = parse_color (peitho_tag_get_color (tag));
      Rgb light = over (color, ALPHA_LIGHT, light_bg);
      Rgb dark = over (color, ALPHA_DARK, dark_bg);
      /* The light style's text is black at 80% alpha. */
      Rgb light_fg = over ((Rgb) { 0, 0, 0 }, 0.8, light);
      double on_light = contrast (light_fg, light), on_dark = contrast (dark_fg, dark);

      if (on_light < MIN_CONTRAST || on_dark < MIN_CONTRAST)
        g_error ("%s (%s): text contrast %.2f:1 light, %.2f:1 dark", peitho_tag_get_id (tag),
                 peitho_tag_get_color (tag), on_light, on_dark);
    }
}

static void
test_distinct (void)
{
  g_autoptr(PeithoTagSet) set = peitho_tag_set_new_default ();
  g_autoptr(GPtrArray) tags = peitho_tag_set_dup_tags (set);
  double min_hue = 360, min_color = 1, min_light = 1, min_dark = 1;

  for (guint i = 0; i < tags->len; i++)
    for (guint j = i + 1; j < tags->len; j++)
      {
        PeithoTag *a = g_ptr_array_index (tags, i);
        PeithoTag *b = g_ptr_array_index (tags, j);
        Rgb ca = parse_color (peitho_tag_get_color (a));
        Rgb cb = parse_color (peitho_tag_get_color (b));
        double hue = hue_difference (ca, cb);
        double color = distance (ca, cb);
        double light = distance (over (ca, ALPHA_LIGHT, light_bg), over (cb, ALPHA_LIGHT, light_bg));
        double dark = distance (over (ca, ALPHA_DARK, dark_bg), over (cb, ALPHA_DARK, dark_bg));

        if (hue < MIN_HUE_DEGREES || color < MIN_DISTANCE_COLOR || light < MIN_DISTANCE_DRAWN
            || dark < MIN_DISTANCE_DRAWN)
          g_error ("%s (%s) and %s (%s) are too close: hue %.1f°, OKLab %.3f, "
                   "drawn %.3f light, %.3f dark", peitho_tag_get_id (a), peitho_tag_get_color (a),
                   peitho_tag_get_id (b), peitho_tag_get_color (b), hue, color, light, dark);
        min_hue = MIN (min_hue, hue);
        min_color = MIN (min_color, color);
        min_light = MIN (min_light, light);
        min_dark = MIN (min_dark, dark);
      }
  g_test_message ("closest pair: hue %.1f°, OKLab %.3f, drawn %.3f light, %.3f dark",
                  min_hue, min_color, min_light, min_dark);
}

/* The checks can fail: the old palette, where Metaphor and Rhetorical
 * question were the same yellow, does. */
static void
test_detects_repeats (void)
{
  Rgb yellow = parse_color ("#f6d32d");

  g_assert_cmpfloat (distance (yellow, yellow), <, MIN_DISTANCE_COLOR);
  g_assert_cmpfloat (hue_difference (parse_color ("#62a0ea"), parse_color ("#3584e4")), <,
                     MIN_HUE_DEGREES);
  g_assert_cmpfloat (contrast (dark_fg, over (parse_color ("#ffff00"), ALPHA_DARK, dark_bg)), <,
                     MIN_CONTRAST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tag-colors/contrast", test_contrast);
  g_test_add_func ("/tag-colors/distinct", test_distinct);
  g_test_add_func ("/tag-colors/detects-repeats", test_detects_repeats);

  return g_test_run ();
}
