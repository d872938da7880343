/* soothe-illustration.c: a stretch's drawing in the theme's text colour
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "soothe-illustration.h"
#include "soothe-markup.h"

#define DEFAULT_WIDTH  128
#define DEFAULT_HEIGHT 96

struct _SootheIllustration
{
  GtkWidget parent_instance;

  /* Owned references */
  SootheStretch *stretch;
  GdkTexture    *texture;         /* the drawing at texture_scale, made on first draw */

  /* State */
  int            drawing_width;   /* the size request, in application pixels */
  int            drawing_height;
  int            texture_scale;
  gboolean       load_failed;     /* tried at this size and scale; draw nothing */
};

G_DEFINE_FINAL_TYPE (SootheIllustration, soothe_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STRETCH,
  PROP_DRAWING_WIDTH,
  PROP_DRAWING_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_texture (SootheIllustration *self)
{
  g_clear_object (&self->texture);
  self->load_failed = FALSE;
}

/* The SVG is rendered at the size it is shown, never scaled afterwards, so
 * its lines stay sharp at every size and scale factor. */
static void
ensure_texture (SootheIllustration *self,
                int                 scale)
{
  const char *path;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (self->texture_scale != scale)
    {
      forget_texture (self);
      self->texture_scale = scale;
    }
  if (self->texture != NULL || self->load_failed || self->stretch == NULL)
    return;

  path = soothe_stretch_get_illustration (self->stretch);
  if (path == NULL)
    return;

  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path,
                                                  self->drawing_width * scale,
                                                  self->drawing_height * scale,
                                                  TRUE, &error);
  if (pixbuf == NULL)
    {
      /* A user bundle may name a drawing that Soothe does not have. */
      g_debug ("No illustration for “%s”: %s", soothe_stretch_get_id (self->stretch),
               error->message);
      self->load_failed = TRUE;
      return;
    }
  self->texture = gdk_texture_new_for_pixbuf (pixbuf);
}

static void
soothe_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SootheIllustration *self = SOOTHE_ILLUSTRATION (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  float width;
  float height;
  float x;
  float y;
  GdkRGBA color;
  graphene_matrix_t matrix;
  graphene_vec4_t offset;

  ensure_texture (self, scale);
  if (self->texture == NULL)
    return;

  width = (float) gdk_texture_get_width (self->texture) / scale;
  height = (float) gdk_texture_get_height (self->texture) / scale;
  x = floorf ((gtk_widget_get_width (widget) - width) / 2);
  y = floorf ((gtk_widget_get_height (widget) - height) / 2);

  /* The drawings are black on transparent. Keep their alpha and paint every
   * pixel in the text colour, as GTK does for symbolic icons; GTK 4.8 would
   * not recolour an SVG loaded any other way. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  graphene_matrix_init_from_float (&matrix, (float[16]) {
                                     0, 0, 0, 0,
                                     0, 0, 0, 0,
                                     0, 0, 0, 0,
                                     0, 0, 0, color.alpha,
                                   });
  graphene_vec4_init (&offset, color.red, color.green, color.blue, 0);

  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
soothe_illustration_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SootheIllustration *self = SOOTHE_ILLUSTRATION (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->drawing_width;
  else
    *minimum = *natural = self->drawing_height;
}

static void
update_accessible_label (SootheIllustration *self)
{
  g_autofree char *name = NULL;

  if (self->stretch == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  name = soothe_markup_to_plain (soothe_stretch_get_name (self->stretch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * soothe_illustration_new:
 * @stretch: (nullable): the stretch whose drawing to show
 * @width: the width to draw at, in application pixels
 * @height: the height to draw at
 *
 * Returns: (transfer floating): a new illustration
 */
GtkWidget *
soothe_illustration_new (SootheStretch *stretch,
                         int            width,
                         int            height)
{
  g_return_val_if_fail (stretch == NULL || SOOTHE_IS_STRETCH (stretch), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  return g_object_new (SOOTHE_TYPE_ILLUSTRATION,
                       "stretch", stretch,
                       "drawing-width", width,
                       "drawing-height", height,
                       NULL);
}

SootheStretch *
soothe_illustration_get_stretch (SootheIllustration *self)
{
  g_return_val_if_fail (SOOTHE_IS_ILLUSTRATION (self), NULL);

  return self->stretch;
}

/**
 * soothe_illustration_set_stretch:
 * @stretch: (nullable): the stretch whose drawing to show
 *
 * A stretch without an illustration leaves the widget empty, at its size:
 * hide it then.
 */
void
soothe_illustration_set_stretch (SootheIllustration *self,
                                 SootheStretch      *stretch)
{
  g_return_if_fail (SOOTHE_IS_ILLUSTRATION (self));
  g_return_if_fail (stretch == NULL || SOOTHE_IS_STRETCH (stretch));

  if (!g_set_object (&self->stretch, stretch))
    return;

  forget_texture (self);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRETCH]);
}

void
soothe_illustration_set_drawing_width (SootheIllustration *self,
                                       int                 width)
{
  g_return_if_fail (SOOTHE_IS_ILLUSTRATION (self));
  g_return_if_fail (width > 0);

  if (self->drawing_width == width)
    return;

  self->drawing_width = width;
  forget_texture (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING_WIDTH]);
}

void
soothe_illustration_set_drawing_height (SootheIllustration *self,
                                        int                 height)
{
  g_return_if_fail (SOOTHE_IS_ILLUSTRATION (self));
  g_return_if_fail (height > 0);

  if (self->drawing_height == height)
    return;

  self->drawing_height = height;
  forget_texture (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING_HEIGHT]);
}

static void
soothe_illustration_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SootheIllustration *self = SOOTHE_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_object (value, self->stretch);
      break;
    case PROP_DRAWING_WIDTH:
      g_value_set_int (value, self->drawing_width);
      break;
    case PROP_DRAWING_HEIGHT:
      g_value_set_int (value, self->drawing_height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_illustration_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SootheIllustration *self = SOOTHE_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      soothe_illustration_set_stretch (self, g_value_get_object (value));
      break;
    case PROP_DRAWING_WIDTH:
      soothe_illustration_set_drawing_width (self, g_value_get_int (value));
      break;
    case PROP_DRAWING_HEIGHT:
      soothe_illustration_set_drawing_height (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_illustration_dispose (GObject *object)
{
  SootheIllustration *self = SOOTHE_ILLUSTRATION (object);

  g_clear_object (&self->stretch);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (soothe_illustration_parent_class)->dispose (object);
}

static void
soothe_illustration_class_init (SootheIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soothe_illustration_dispose;
  object_class->get_property = soothe_illustration_get_property;
  object_class->set_property = soothe_illustration_set_property;

  widget_class->measure = soothe_illustration_measure;
  widget_class->snapshot = soothe_illustration_snapshot;

  /**
   * SootheIllustration:stretch:
   *
   * The stretch whose drawing is shown; its name is the accessible label.
   */
  properties[PROP_STRETCH] =
    g_param_spec_object ("stretch", NULL, NULL, SOOTHE_TYPE_STRETCH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheIllustration:drawing-width:
   *
   * The width the drawing is shown at, and the widget's width request.
   */
  properties[PROP_DRAWING_WIDTH] =
    g_param_spec_int ("drawing-width", NULL, NULL, 1, G_MAXINT16, DEFAULT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheIllustration:drawing-height:
   *
   * The height the drawing is shown at, and the widget's height request.
   */
  properties[PROP_DRAWING_HEIGHT] =
    g_param_spec_int ("drawing-height", NULL, NULL, 1, G_MAXINT16, DEFAULT_HEIGHT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
soothe_illustration_init (SootheIllustration *self)
{
  self->drawing_width = DEFAULT_WIDTH;
  self->drawing_height = DEFAULT_HEIGHT;
  self->texture_scale = 1;
}
