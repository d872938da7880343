/* soothe-regions-layout.c: a row of panes that folds one side pane away
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's regions: a start pane (the sidebar) and its separator, the
 * content (the advice), and an end pane (the timer region) after its own
 * separator, in that order. When the widget is wide enough for all of them,
 * they sit side by side as in a horizontal box: each at least its minimum,
 * then up to its natural width, and what is left goes to the children that
 * expand. When it is not, the layout is folded: it shows the content with
 * one side pane, the end pane unless show-start asks for the start pane, so
 * the window can be as narrow as the content and the wider side pane. Half of
 * a 1920 px screen is enough, where the three columns side by side need
 * about 1,000 px.
 *
 * A pane folded away is not child-visible (as GtkPaned hides a collapsed
 * child), so it is unmapped and takes no input; it is still measured, so the
 * widths the layout works with do not change as it folds.
 *
 * With fewer than five children it is a plain row that never folds.
 */

#include "config.h"

#include "soothe-regions-layout.h"

/* The children by role, in order. */
enum {
  START,
  START_SEPARATOR,
  CONTENT,
  END_SEPARATOR,
  END,
  N_ROLES
};

struct _SootheRegionsLayout
{
  GtkLayoutManager parent_instance;

  gboolean folded;
  gboolean show_start;
};

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_SHOW_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SootheRegionsLayout, soothe_regions_layout, GTK_TYPE_LAYOUT_MANAGER)

/* One child as the layout sees it. */
typedef struct
{
  GtkWidget        *widget;
  GtkRequestedSize  size;   /* minimum and natural width; data is unused */
  gboolean          expand;
  gboolean          shown;  /* given room in this layout */
} Pane;

/* The children that take part in layout, at most @max of them, measured
 * across. Returns how many there are. */
static guint
collect_panes (GtkWidget *widget,
               Pane      *panes,
               guint      max)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < max;
       child = gtk_widget_get_next_sibling (child))
    {
      Pane *pane = &panes[n];

      if (!gtk_widget_should_layout (child))
        continue;
      pane->widget = child;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &pane->size.minimum_size, &pane->size.natural_size, NULL, NULL);
      pane->expand = gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      pane->shown = TRUE;
      n++;
    }

  return n;
}

static int
sum_minimum (const Pane *panes,
             guint       n,
             gboolean    shown_only)
{
  int sum = 0;

  for (guint i = 0; i < n; i++)
    if (!shown_only || panes[i].shown)
      sum += panes[i].size.minimum_size;
  return sum;
}

/* The narrowest the folded layout can be: the content beside the wider side pane. */
static int
folded_minimum (const Pane *panes)
{
  return panes[CONTENT].size.minimum_size +
         MAX (panes[START].size.minimum_size + panes[START_SEPARATOR].size.minimum_size,
              panes[END].size.minimum_size + panes[END_SEPARATOR].size.minimum_size);
}

/* Decides which panes are shown at @width and gives each its width in
 * size.minimum_size. Returns whether the layout is folded. */
static gboolean
share_width (const SootheRegionsLayout *self,
             Pane                      *panes,
             guint                      n,
             int                        width)
{
  g_autofree GtkRequestedSize *sizes = NULL;
  gboolean folded = n == N_ROLES && width < sum_minimum (panes, n, FALSE);
  int extra;
  guint n_shown = 0, n_expand = 0;

  if (folded)
    {
      guint hidden = self->show_start ? END : START;
      guint hidden_separator = self->show_start ? END_SEPARATOR : START_SEPARATOR;

      panes[hidden].shown = panes[hidden_separator].shown = FALSE;
    }

  sizes = g_new (GtkRequestedSize, n);
  for (guint i = 0; i < n; i++)
    if (panes[i].shown)
      sizes[n_shown++] = panes[i].size;
  extra = gtk_distribute_natural_allocation (MAX (width - sum_minimum (panes, n, TRUE), 0),
                                             n_shown, sizes);

  for (guint i = 0; i < n; i++)
    n_expand += panes[i].shown && panes[i].expand;
  for (guint i = 0, j = 0; i < n; i++)
    {
      Pane *pane = &panes[i];

      if (!pane->shown)
        {
          pane->size.minimum_size = 0;
          continue;
        }
      pane->size.minimum_size = sizes[j++].minimum_size;
      if (pane->expand && extra > 0)
        {
          int share = extra / n_expand--;

          pane->size.minimum_size += share;
          extra -= share;
        }
    }

  return folded;
}

static GtkSizeRequestMode
soothe_regions_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
soothe_regions_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  SootheRegionsLayout *self = SOOTHE_REGIONS_LAYOUT (manager);
  Pane panes[N_ROLES * 2];
  guint n = collect_panes (widget, panes, G_N_ELEMENTS (panes));

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < n; i++)
        *natural += panes[i].size.natural_size;
      *minimum = n == N_ROLES ? folded_minimum (panes) : sum_minimum (panes, n, FALSE);
      return;
    }

  if (for_size >= 0)
    share_width (self, panes, n, for_size);
  for (guint i = 0; i < n; i++)
    {
      int child_minimum, child_natural;

      if (!panes[i].shown)
        continue;
      gtk_widget_measure (panes[i].widget, GTK_ORIENTATION_VERTICAL,
                          for_size >= 0 ? panes[i].size.minimum_size : -1,
                          &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
soothe_regions_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  SootheRegionsLayout *self = SOOTHE_REGIONS_LAYOUT (manager);
  Pane panes[N_ROLES * 2];
  guint n = collect_panes (widget, panes, G_N_ELEMENTS (panes));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean folded = share_width (self, panes, n, width);
  int x = 0;

  for (guint i = 0; i < n; i++)
    {
      Pane *pane = &panes[i];
      int given = pane->size.minimum_size;

      gtk_widget_set_child_visible (pane->widget, pane->shown);
      if (!pane->shown)
        continue;
      gtk_widget_allocate (pane->widget, given, height, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (rtl ? width - x - given : x, 0)));
      x += given;
    }

  if (folded != self->folded)
    {
      self->folded = folded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
      /* Unfolded, both side panes show; folding again starts from the end pane. */
      if (!folded)
        soothe_regions_layout_set_show_start (self, FALSE);
    }
}

static void
soothe_regions_layout_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SootheRegionsLayout *self = SOOTHE_REGIONS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SHOW_START:
      g_value_set_boolean (value, self->show_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_regions_layout_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SootheRegionsLayout *self = SOOTHE_REGIONS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SHOW_START:
      soothe_regions_layout_set_show_start (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_regions_layout_class_init (SootheRegionsLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = soothe_regions_layout_get_property;
  object_class->set_property = soothe_regions_layout_set_property;
  layout_class->get_request_mode = soothe_regions_layout_get_request_mode;
  layout_class->measure = soothe_regions_layout_measure;
  layout_class->allocate = soothe_regions_layout_allocate;

  /**
   * SootheRegionsLayout:folded:
   *
   * Whether the last allocation was too narrow for every pane, so that one
   * side pane is folded away.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SootheRegionsLayout:show-start:
   *
   * Whether a folded layout shows the start pane instead of the end pane.
   * It goes back to %FALSE when the layout unfolds.
   */
  properties[PROP_SHOW_START] =
    g_param_spec_boolean ("show-start", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soothe_regions_layout_init (SootheRegionsLayout *self)
{
}

gboolean
soothe_regions_layout_get_folded (SootheRegionsLayout *self)
{
  g_return_val_if_fail (SOOTHE_IS_REGIONS_LAYOUT (self), FALSE);

  return self->folded;
}

gboolean
soothe_regions_layout_get_show_start (SootheRegionsLayout *self)
{
  g_return_val_if_fail (SOOTHE_IS_REGIONS_LAYOUT (self), FALSE);

  return self->show_start;
}

/**
 * soothe_regions_layout_set_show_start:
 * @self: the layout
 * @show_start: whether a folded layout shows the start pane
 *
 * Swaps the side pane a folded layout shows. The pane coming in is mapped
 * at once, so it can take the focus before the next allocation.
 */
void
soothe_regions_layout_set_show_start (SootheRegionsLayout *self,
                                      gboolean             show_start)
{
  GtkWidget *widget;

  g_return_if_fail (SOOTHE_IS_REGIONS_LAYOUT (self));

  show_start = !!show_start;
  if (self->show_start == show_start)
    return;
  self->show_start = show_start;

  widget = gtk_layout_manager_get_widget (GTK_LAYOUT_MANAGER (self));
  if (widget != NULL && self->folded)
    {
      Pane panes[N_ROLES * 2];

      if (collect_panes (widget, panes, G_N_ELEMENTS (panes)) == N_ROLES)
        {
          gtk_widget_set_child_visible (panes[START].widget, show_start);
          gtk_widget_set_child_visible (panes[START_SEPARATOR].widget, show_start);
          gtk_widget_set_child_visible (panes[END_SEPARATOR].widget, !show_start);
          gtk_widget_set_child_visible (panes[END].widget, !show_start);
        }
    }
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_START]);
}
