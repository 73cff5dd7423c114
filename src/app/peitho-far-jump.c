/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GTK moves the cursor, then scrolls to it, in an animation of 200 ms when
 * animations are on. Across a long text, Ctrl+End flies through pages
 * nobody can read, and each of them is styled, laid out and drawn (ten of
 * them on 3 M characters): a move further than a page lands at once.
 *
 * It lands before GTK has measured the lines around its target, and GTK's
 * own scroll, animated, does the rest of the way. On a long text GTK is
 * still measuring the lines above then; each line it measures sets the
 * adjustment to keep the page in place, which ends the animation where it
 * is: Ctrl+End on the benchmark's document ended four lines short of the
 * end in three runs of four. So after each frame that follows a jump, a
 * target that is not where it belongs is put there at once; the jump has
 * settled when it stayed there for three frames. Moving the cursor or
 * scrolling ends it. */

#include "config.h"

#include "peitho-far-jump.h"

#define SETTLED_FRAMES  3
#define SETTLING_FRAMES 120

struct _PeithoFarJump
{
  GtkTextView   *view;          /* weak: the view owns this */
  GtkTextMark   *target;        /* NULL when no jump is settling */
  GdkFrameClock *clock;
  gulong         paint_id;
  int            cursor;        /* the cursor's offset at the jump */
  guint          frames;
  guint          settled;
  double         within_margin;
  double         yalign;
  gboolean       use_align;
};

PeithoFarJump *
peitho_far_jump_new (GtkTextView *view)
{
  PeithoFarJump *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_new0 (PeithoFarJump, 1);
  self->view = view;
  return self;
}

void
peitho_far_jump_release (PeithoFarJump *self)
{
  g_return_if_fail (self != NULL);

  g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);
  if (self->target != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_mark_get_buffer (self->target);

      if (buffer != NULL)
        gtk_text_buffer_delete_mark (buffer, self->target);
      g_clear_object (&self->target);
    }
}

void
peitho_far_jump_free (PeithoFarJump *self)
{
  if (self == NULL)
    return;
  peitho_far_jump_release (self);
  g_free (self);
}

/* How far the page moves to show @iter as gtk_text_view_scroll_to_iter()
 * would place it: 0 when @iter is on the page already and no alignment is
 * asked for. */
static double
offset_to_show (PeithoFarJump     *self,
                const GtkTextIter *iter,
                double             within_margin,
                gboolean           use_align,
                double             yalign)
{
  GdkRectangle visible, location;
  double margin;

  g_assert (self != NULL);
  g_assert (iter != NULL);

  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_text_view_get_iter_location (self->view, iter, &location);
  margin = CLAMP (within_margin, 0.0, 0.5) * visible.height;
  if (use_align)
    return location.y - CLAMP (yalign, 0.0, 1.0) * (visible.height - location.height) - visible.y;
  if (location.y < visible.y + margin)
    return location.y - margin - visible.y;
  if (location.y + location.height > visible.y + visible.height - margin)
    return location.y + location.height + margin - (visible.y + visible.height);
  return 0;
}

/* The adjustment's value and the visible rectangle differ by the view's top
 * margin, so the page moves by an offset, not to a value. Setting the value
 * also ends any animation GTK runs on it. */
static void
scroll_by (PeithoFarJump *self,
           double         offset)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

  g_assert (self != NULL);

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + offset);
}

static void
after_paint_cb (GdkFrameClock *clock,
                PeithoFarJump *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter target, cursor;
  double offset;

  g_assert (self != NULL);

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (gtk_text_mark_get_buffer (self->target) != buffer
      || gtk_text_iter_get_offset (&cursor) != self->cursor
      || ++self->frames > SETTLING_FRAMES)
    {
      peitho_far_jump_release (self);
      return;
    }

  gtk_text_buffer_get_iter_at_mark (buffer, &target, self->target);
  offset = offset_to_show (self, &target, self->within_margin, self->use_align, self->yalign);
  if (ABS (offset) > 1)
    {
      scroll_by (self, offset);
      self->settled = 0;
    }
  else if (++self->settled >= SETTLED_FRAMES)
    peitho_far_jump_release (self);
}

void
peitho_far_jump_land (PeithoFarJump     *self,
                      const GtkTextIter *iter,
                      double             within_margin,
                      gboolean           use_align,
                      double             yalign)
{
  GtkTextBuffer *buffer;
  GdkFrameClock *clock;
  GdkRectangle visible;
  GtkTextIter cursor;
  double offset;

  g_return_if_fail (self != NULL);
  g_return_if_fail (iter != NULL);

  if (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)) == NULL)
    return;

  gtk_text_view_get_visible_rect (self->view, &visible);
  offset = offset_to_show (self, iter, within_margin, use_align, yalign);
  if (ABS (offset) <= visible.height)
    return;
  scroll_by (self, offset);

  peitho_far_jump_release (self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->view));
  if (clock == NULL)
    return;
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  self->target = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, iter, TRUE));
  self->cursor = gtk_text_iter_get_offset (&cursor);
  self->frames = 0;
  self->settled = 0;
  self->within_margin = within_margin;
  self->use_align = use_align;
  self->yalign = yalign;
  self->clock = g_object_ref (clock);
  self->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}
