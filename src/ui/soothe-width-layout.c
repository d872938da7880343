/* soothe-width-layout.c: one child whose width does not depend on its height
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a widget with one child that is a column of wrapping text. GTK 4.8
 * asks a child how wide it is at a given height in several places: a
 * GtkStack allocating its page, gtk_widget_allocate() for a child that is not
 * halign=fill. A vertical box answers by asking each wrapping label the same,
 * and a label answers by a binary search over widths, laying out its text at
 * each step: one label of the reminder panel was shaped 61 times before the
 * first frame. A column of text is as wide as it is whatever its height, so
 * this layout asks its child for its width alone, then for its height at
 * that width.
 *
 * In a .ui file:
 *   <property name="layout-manager"><object class="SootheWidthLayout"/></property>
 */

#include "config.h"

#include "soothe-width-layout.h"

struct _SootheWidthLayout
{
  GtkLayoutManager parent_instance;

  gboolean centred;  /* at its natural width or narrower, centred; else filling */
};

enum {
  PROP_0,
  PROP_CENTRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SootheWidthLayout, soothe_width_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkWidget *
laid_out_child (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL && gtk_widget_should_layout (child) ? child : NULL;
}

/* The width @child is given out of @width; at its natural width when @width
 * is -1 (not known yet). */
static int
child_width (SootheWidthLayout *self,
             GtkWidget         *child,
             int                width)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (width < 0)
    return natural;
  return MAX (minimum, self->centred ? MIN (natural, width) : width);
}

static GtkSizeRequestMode
soothe_width_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
soothe_width_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  SootheWidthLayout *self = SOOTHE_WIDTH_LAYOUT (manager);
  GtkWidget *child = laid_out_child (widget);

  *minimum = *natural = 0;
  if (child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
  else
    gtk_widget_measure (child, orientation, child_width (self, child, for_size),
                        minimum, natural, NULL, NULL);
}

static void
soothe_width_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  SootheWidthLayout *self = SOOTHE_WIDTH_LAYOUT (manager);
  GtkWidget *child = laid_out_child (widget);
  int given;

  if (child == NULL)
    return;
  given = child_width (self, child, width);
  gtk_widget_allocate (child, given, height, -1,
                       gsk_transform_translate (NULL,
                                                &GRAPHENE_POINT_INIT ((width - given) / 2.0f, 0)));
}

static void
soothe_width_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SootheWidthLayout *self = SOOTHE_WIDTH_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CENTRED:
      g_value_set_boolean (value, self->centred);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_width_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SootheWidthLayout *self = SOOTHE_WIDTH_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CENTRED:
      self->centred = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_width_layout_class_init (SootheWidthLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = soothe_width_layout_get_property;
  object_class->set_property = soothe_width_layout_set_property;
  layout_class->get_request_mode = soothe_width_layout_get_request_mode;
  layout_class->measure = soothe_width_layout_measure;
  layout_class->allocate = soothe_width_layout_allocate;

  /**
   * SootheWidthLayout:centred:
   *
   * Whether the child is at its natural width, or narrower when there is
   * less room, centred; otherwise it is as wide as the widget.
   */
  properties[PROP_CENTRED] =
    g_param_spec_boolean ("centred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soothe_width_layout_init (SootheWidthLayout *self)
{
}

GtkLayoutManager *
soothe_width_layout_new (gboolean centred)
{
  return g_object_new (SOOTHE_TYPE_WIDTH_LAYOUT, "centred", centred, NULL);
}
