/* soothe-stretch-window.c: a small window that shows one stretch
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-markup.h"
#include "soothe-stretch-window.h"

struct _SootheStretchWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
  SootheStretchView *view;
};

G_DEFINE_FINAL_TYPE (SootheStretchWindow, soothe_stretch_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STRETCH,
  PROP_CLOCK,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
view_finished_cb (SootheStretchWindow *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
view_stretch_changed_cb (SootheStretchWindow *self)
{
  SootheStretch *stretch = soothe_stretch_view_get_stretch (self->view);
  g_autofree char *title = NULL;

  /* A window title is plain text, never markup. */
  if (stretch != NULL)
    title = soothe_markup_to_plain (soothe_stretch_get_name (stretch));
  gtk_window_set_title (GTK_WINDOW (self), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRETCH]);
}

static void
view_clock_changed_cb (SootheStretchWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * soothe_stretch_window_new:
 * @parent: (nullable): the window it belongs to
 * @stretch: the stretch to show
 * @clock: (nullable): the clock that times the guided hold, or %NULL for the
 *   real one; the window uses its wake-up deadline, so it must not be shared
 *
 * Returns: (transfer none): a new window, not yet shown
 */
SootheStretchWindow *
soothe_stretch_window_new (GtkWindow     *parent,
                           SootheStretch *stretch,
                           SootheClock   *clock)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOOTHE_IS_STRETCH (stretch), NULL);
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_STRETCH_WINDOW,
                       "transient-for", parent,
                       "stretch", stretch,
                       "clock", clock,
                       NULL);
}

SootheStretch *
soothe_stretch_window_get_stretch (SootheStretchWindow *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_WINDOW (self), NULL);

  return soothe_stretch_view_get_stretch (self->view);
}

SootheStretchView *
soothe_stretch_window_get_view (SootheStretchWindow *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_WINDOW (self), NULL);

  return self->view;
}

static void
soothe_stretch_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SootheStretchWindow *self = SOOTHE_STRETCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_object (value, soothe_stretch_view_get_stretch (self->view));
      break;
    case PROP_CLOCK:
      g_value_set_object (value, soothe_stretch_view_get_clock (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SootheStretchWindow *self = SOOTHE_STRETCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      soothe_stretch_view_set_stretch (self->view, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      soothe_stretch_view_set_clock (self->view, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_window_dispose (GObject *object)
{
  /* GtkWindow unparents its child itself; the template must not do it first. */
  gtk_window_set_child (GTK_WINDOW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SOOTHE_TYPE_STRETCH_WINDOW);

  G_OBJECT_CLASS (soothe_stretch_window_parent_class)->dispose (object);
}

static void
soothe_stretch_window_class_init (SootheStretchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soothe_stretch_window_dispose;
  object_class->get_property = soothe_stretch_window_get_property;
  object_class->set_property = soothe_stretch_window_set_property;

  /**
   * SootheStretchWindow:stretch:
   *
   * The stretch shown; its name is the window title.
   */
  properties[PROP_STRETCH] =
    g_param_spec_object ("stretch", NULL, NULL, SOOTHE_TYPE_STRETCH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchWindow:clock:
   *
   * The clock that times the guided hold, as #SootheStretchView:clock.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheStretchWindow::finished:
   *
   * The guided hold counted the last hold, as #SootheStretchView::finished.
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  g_type_ensure (SOOTHE_TYPE_STRETCH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/soothe-stretch-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheStretchWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, view_finished_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
soothe_stretch_window_init (SootheStretchWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->view, "notify::stretch",
                           G_CALLBACK (view_stretch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::clock",
                           G_CALLBACK (view_clock_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}
