/* soothe-progress.c: a thin bar for time passing that only ever redraws
 *
 * GtkProgressBar reallocates itself on every change of its fraction, and in
 * GTK 4.8 that lays out the whole window again and, on X11, costs a dozen
 * round trips to the server: every second while a countdown is visible. This
 * bar has a fixed size, so a new fraction is only drawn. The trough is the
 * widget's own CSS background (style.css); the filled part takes the theme's
 * selection colour, like GtkProgressBar's.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-progress.h"

struct _SootheProgress
{
  GtkWidget parent_instance;

  double    fraction;
};

G_DEFINE_FINAL_TYPE (SootheProgress, soothe_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

double
soothe_progress_get_fraction (SootheProgress *self)
{
  g_return_val_if_fail (SOOTHE_IS_PROGRESS (self), 0.0);
  return self->fraction;
}

void
soothe_progress_set_fraction (SootheProgress *self,
                              double          fraction)
{
  g_return_if_fail (SOOTHE_IS_PROGRESS (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  fraction, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
soothe_progress_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SootheProgress *self = SOOTHE_PROGRESS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect bar;
  GdkRGBA color;
  float filled;
  float start;

  if (self->fraction <= 0.0 || width <= 0 || height <= 0)
    return;

  /* The one way GTK 4.8 gives a widget a named theme colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "theme_selected_bg_color", &color))
    gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* At least round at both ends, then growing to the right (or left). */
  filled = MAX ((float) height, (float) (width * self->fraction));
  filled = MIN (filled, (float) width);
  start = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - filled : 0.0f;
  gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (start, 0, filled, height),
                                   height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
soothe_progress_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SootheProgress *self = SOOTHE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_progress_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SootheProgress *self = SOOTHE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      soothe_progress_set_fraction (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_progress_class_init (SootheProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = soothe_progress_get_property;
  object_class->set_property = soothe_progress_set_property;
  widget_class->snapshot = soothe_progress_snapshot;

  /**
   * SootheProgress:fraction:
   *
   * How much of the bar is filled, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "soothe-progress");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
soothe_progress_init (SootheProgress *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}
