/* test-widgets.h: looking into a widget tree as the UI tests do
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

G_BEGIN_DECLS

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget at or below @widget with the style class @css_class. */
static inline GtkWidget *
find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label at or below @widget whose label, markup included, has @part. */
static inline GtkWidget *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a person sees: the text of every mapped label, one a line. */
static inline void
collect_label_texts (GtkWidget *widget,
                     GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (texts, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (texts, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* Runs the main loop until @condition (@data) holds, for 30 s at most,
 * however slow the machine (valgrind, sanitizers). */
static inline void
test_wait_until (gboolean (*condition) (gpointer),
                 gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (met);
}

static inline gboolean
test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static inline void
test_count_paint_cb (GdkFrameClock *clock,
                     guint         *painted)
{
  (*painted)++;
}

static inline gboolean
test_is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

/* Lets layout happen and @window be drawn before looking: twice, as a
 * change made while drawing shows in the frame after. */
static inline void
test_settle_window (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_assert_nonnull (clock);
  for (guint i = 0; i < 2; i++)
    {
      guint painted = 0;
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (test_count_paint_cb),
                                         &painted);

      gtk_widget_queue_draw (window);
      test_wait_until (test_is_nonzero, &painted);
      g_signal_handler_disconnect (clock, handler);
    }
}

/* The render nodes @widget draws itself with, at its size. */
static inline GskRenderNode *
test_snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* @node, as @renderer draws it at @widget's size; NULL for the renderer of
 * @widget's window. */
static inline GdkTexture *
test_render_node (GtkWidget     *widget,
                  GskRenderer   *renderer,
                  GskRenderNode *node)
{
  if (renderer == NULL)
    renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

/* What @widget draws, at its size, through its window's renderer. */
static inline GdkTexture *
test_render_widget (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = test_snapshot_widget (widget);

  return test_render_node (widget, NULL, node);
}

/* Called for each node of a drawing that draws rather than groups, with the
 * clip around it in its own coordinates (NULL for none) and whether a rounded
 * clip is among those around it. */
typedef void (*TestVisitFunc) (GskRenderNode         *node,
                               const graphene_rect_t *clip,
                               gboolean               rounded,
                               gpointer               data);

/* Walks @node through the nodes GTK builds a widget's drawing from
 * (containers, transforms, clips, opacity, colour matrices), calling @visit
 * for the others. What a clip leaves nothing of is not drawn, so not visited;
 * under a transform other than scale and move the clip is not known, so it is
 * passed as NULL. */
static inline void
test_visit_nodes (GskRenderNode         *node,
                  const graphene_rect_t *clip,
                  gboolean               rounded,
                  TestVisitFunc          visit,
                  gpointer               data)
{
  graphene_rect_t inner;
  float scale_x, scale_y, dx, dy;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        test_visit_nodes (gsk_container_node_get_child (node, i), clip, rounded, visit, data);
      break;
    case GSK_TRANSFORM_NODE:
      if (clip == NULL ||
          gsk_transform_get_category (gsk_transform_node_get_transform (node)) <
          GSK_TRANSFORM_CATEGORY_2D_AFFINE)
        {
          test_visit_nodes (gsk_transform_node_get_child (node), NULL, rounded, visit, data);
          break;
        }
      gsk_transform_to_affine (gsk_transform_node_get_transform (node),
                               &scale_x, &scale_y, &dx, &dy);
      graphene_rect_init (&inner, (clip->origin.x - dx) / scale_x, (clip->origin.y - dy) / scale_y,
                          clip->size.width / scale_x, clip->size.height / scale_y);
      test_visit_nodes (gsk_transform_node_get_child (node), &inner, rounded, visit, data);
      break;
    case GSK_CLIP_NODE:
    case GSK_ROUNDED_CLIP_NODE:
      inner = gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
              ? *gsk_clip_node_get_clip (node)
              : gsk_rounded_clip_node_get_clip (node)->bounds;
      if (clip != NULL && !graphene_rect_intersection (&inner, clip, &inner))
        break;
      test_visit_nodes (gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                        ? gsk_clip_node_get_child (node)
                        : gsk_rounded_clip_node_get_child (node),
                        &inner, rounded || gsk_render_node_get_node_type (node) == GSK_ROUNDED_CLIP_NODE,
                        visit, data);
      break;
    case GSK_OPACITY_NODE:
      test_visit_nodes (gsk_opacity_node_get_child (node), clip, rounded, visit, data);
      break;
    case GSK_COLOR_MATRIX_NODE:
      test_visit_nodes (gsk_color_matrix_node_get_child (node), clip, rounded, visit, data);
      break;
    case GSK_DEBUG_NODE:
      test_visit_nodes (gsk_debug_node_get_child (node), clip, rounded, visit, data);
      break;
    default:
      visit (node, clip, rounded, data);
    }
}

static inline void
count_clipped_fill (GskRenderNode         *node,
                    const graphene_rect_t *clip,
                    gboolean               rounded,
                    gpointer               data)
{
  graphene_rect_t bounds;

  if (gsk_render_node_get_node_type (node) != GSK_COLOR_NODE || clip == NULL || rounded)
    return;
  gsk_render_node_get_bounds (node, &bounds);
  if (graphene_rect_intersection (clip, &bounds, NULL) && !graphene_rect_contains_rect (clip, &bounds))
    (*(guint *) data)++;
}

/* Colour fills in @node that a rectangular clip cuts: fills that reach past
 * the edge of the clip around them. Under software OpenGL, GTK 4.8 draws a
 * fill cut by a clip with a program of its own, compiled the first time it is
 * used. A fill inside a rounded clip is drawn with the rounded one, which the
 * theme's buttons need anyway, so those are not counted. */
static inline guint
test_count_clipped_fills (GskRenderNode *node)
{
  guint n = 0;

  test_visit_nodes (node, NULL, FALSE, count_clipped_fill, &n);
  return n;
}

G_END_DECLS
