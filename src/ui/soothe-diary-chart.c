/* soothe-diary-chart.c: one situation's last weeks, drawn day by day
 *
 * Pain from 0 to 10 as a line with a point on each day logged, and under it
 * two rows of bars, therapy minutes and stretches done, with the days along
 * the bottom. Everything is measured in lines of the widget's own font, so
 * the chart grows with the text size, and every colour comes from the theme.
 *
 * For a screen reader the chart is a slider over the days: its name is the
 * situation, its description what the chart shows in words, and its value
 * the day selected. GTK 4.8 gives the value to AT-SPI only for its own
 * range widgets, so a day chosen with the keyboard is also put in the
 * description, which Orca reads out when it changes on the focused widget;
 * the summary comes back when the focus leaves.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-diary-chart.h"
#include "soothe-markup.h"

struct _SootheDiaryChart
{
  GtkWidget        parent_instance;

  /* Owned references */
  SootheSituation *situation;
  GArray          *days;            /* of SootheDiaryDay, the last one today */
  char            *summary;

  /* State */
  gint64           now;
  guint            selected;
  int              hovered;         /* the day under the pointer, or -1 */
  gboolean         pointer_chosen;  /* the focus came with a click on a day */
  gboolean         describing_day;  /* the description is the selected day */
};

G_DEFINE_FINAL_TYPE (SootheDiaryChart, soothe_diary_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The labels' size against the widget's font, as .soothe-eyebrow has it. */
#define SMALL_SCALE 0.85

/* Bars reach the top of their row at this much, or at the most done. */
#define THERAPY_FULL_MINUTES 20
#define STRETCHES_FULL       3

/* Where everything goes, in pixels, for one width. */
typedef struct
{
  double          line;       /* a line of the widget's text */
  double          small;      /* a line of the smaller labels */
  double          gutter;     /* left of the plot, for the levels */
  double          column;     /* one day's width */
  double          pain_caption_y;
  graphene_rect_t plot;       /* 10 at the top, 0 at the bottom */
  double          therapy_caption_y;
  graphene_rect_t therapy;
  double          stretches_caption_y;
  graphene_rect_t stretches;
  double          days_y;     /* the day labels */
  double          height;
} Geometry;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA base;               /* the page behind the chart */
  GdkRGBA pain;
  GdkRGBA therapy;
  GdkRGBA stretches;
} Palette;

static guint
n_days (SootheDiaryChart *self)
{
  return self->days != NULL ? self->days->len : 0;
}

static const SootheDiaryDay *
get_day (SootheDiaryChart *self,
         guint             index)
{
  g_assert (index < n_days (self));
  return &g_array_index (self->days, SootheDiaryDay, index);
}

/* Text */

static PangoLayout *
new_layout (SootheDiaryChart *self,
            const char       *text,
            gboolean          small,
            gboolean          bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (SMALL_SCALE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws @text with its top at @y, its middle at @x, kept within 0 to @width. */
static void
draw_centered (SootheDiaryChart *self,
               GtkSnapshot      *snapshot,
               const char       *text,
               gboolean          bold,
               double            x,
               double            y,
               double            width,
               const GdkRGBA    *color,
               double           *start,
               double           *end)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text, TRUE, bold);
  double text_w;

  layout_size (layout, &text_w, NULL);
  x = CLAMP (x - text_w / 2, 0, MAX (0, width - text_w));
  draw_layout (snapshot, layout, x, y, color);
  if (start != NULL)
    *start = x;
  if (end != NULL)
    *end = x + text_w;
}

static double
text_width (SootheDiaryChart *self,
            const char       *text,
            gboolean          bold)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text, TRUE, bold);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

/* The label under a day: its date, or "Today". */
static char *
day_label (SootheDiaryChart *self,
           guint             index,
           gboolean          with_weekday)
{
  const GDate *date = &get_day (self, index)->date;
  g_autoptr(GDateTime) time = NULL;

  if (index + 1 == n_days (self))
    return g_strdup (_("Today"));
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, with_weekday
                                   /* Translators: the selected day under the Progress chart,
                                    * e.g. "Mon 3"; see g_date_time_format() */
                                   ? _("%a %-d")
                                   /* Translators: a day under the Progress chart, e.g.
                                    * "12 Oct"; see g_date_time_format() */
                                   : _("%-d %b"));
}

/* Geometry */

static void
compute_geometry (SootheDiaryChart *self,
                  double            width,
                  Geometry         *g)
{
  g_autoptr(PangoLayout) normal = new_layout (self, "0", FALSE, FALSE);
  g_autoptr(PangoLayout) small = new_layout (self, "0", TRUE, FALSE);
  double y;

  layout_size (normal, NULL, &g->line);
  layout_size (small, NULL, &g->small);
  g->gutter = text_width (self, "10", FALSE) + g->line * 0.5;

  y = 0;
  g->pain_caption_y = y;
  y += g->small + g->line * 0.25;
  /* Half a label above the top guide and below the bottom one, for their numbers. */
  g->plot = GRAPHENE_RECT_INIT ((float) g->gutter, (float) (y + g->small / 2),
                                (float) MAX (0, width - g->gutter), (float) (g->line * 6.5));
  y = g->plot.origin.y + g->plot.size.height + g->small / 2 + g->line * 0.6;

  g->therapy_caption_y = y;
  y += g->small + g->line * 0.15;
  /* A row has room for the numbers above its bars. */
  g->therapy = GRAPHENE_RECT_INIT (g->plot.origin.x, (float) y, g->plot.size.width,
                                   (float) (g->small + g->line * 1.1));
  y += g->therapy.size.height + g->line * 0.5;

  g->stretches_caption_y = y;
  y += g->small + g->line * 0.15;
  g->stretches = GRAPHENE_RECT_INIT (g->plot.origin.x, (float) y, g->plot.size.width,
                                     g->therapy.size.height);
  y += g->stretches.size.height + g->line * 0.35;

  g->days_y = y;
  y += g->small;
  g->height = ceil (y);

  g->column = g->plot.size.width / MAX (1, n_days (self) > 0 ? n_days (self) : SOOTHE_DIARY_DAYS);
}

static double
column_center (const Geometry *g,
               guint           index)
{
  return g->plot.origin.x + (index + 0.5) * g->column;
}

static double
pain_y (const Geometry *g,
        int             pain)
{
  return g->plot.origin.y + g->plot.size.height * (1.0 - pain / (double) SOOTHE_HISTORY_MAX_PAIN);
}

static int
day_at (SootheDiaryChart *self,
        double            x)
{
  Geometry g;
  int index;

  if (n_days (self) == 0)
    return -1;
  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)), &g);
  if (x < g.plot.origin.x - g.column / 2 || g.column <= 0)
    return -1;
  index = (int) floor ((x - g.plot.origin.x) / g.column);
  return CLAMP (index, 0, (int) n_days (self) - 1);
}

/* Colours */

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     float          amount)
{
  return (GdkRGBA) {
    a->red + (b->red - a->red) * amount,
    a->green + (b->green - a->green) * amount,
    a->blue + (b->blue - a->blue) * amount,
    1.0f,
  };
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  gboolean found;

  /* The one way GTK 4.8 gives a widget a named theme colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

static void
get_palette (SootheDiaryChart *self,
             Palette          *p)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &p->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!lookup_color (widget, "theme_base_color", &p->base))
    p->base = (GdkRGBA) { 1 - p->fg.red, 1 - p->fg.green, 1 - p->fg.blue, 1 };
  if (!lookup_color (widget, "theme_selected_bg_color", &p->pain))
    p->pain = p->fg;
  if (!lookup_color (widget, "warning_color", &p->therapy))
    p->therapy = p->pain;
  if (!lookup_color (widget, "success_color", &p->stretches))
    p->stretches = p->fg;

  /* Taken a little towards the text colour, the theme's accents stand out
   * from the page as thin lines and bars do not on their own: darker on a
   * light page, lighter on a dark one, where the selection colour is deep. */
  dark = 0.2126 * p->fg.red + 0.7152 * p->fg.green + 0.0722 * p->fg.blue > 0.5;
  p->pain = mix (&p->pain, &p->fg, dark ? 0.35f : 0.2f);
  p->therapy = mix (&p->therapy, &p->fg, 0.2f);
  p->stretches = mix (&p->stretches, &p->fg, 0.25f);
}

/* Drawing */

static gboolean
shows_selection (SootheDiaryChart *self)
{
  GtkStateFlags flags = gtk_widget_get_state_flags (GTK_WIDGET (self));

  return n_days (self) > 0 && (flags & GTK_STATE_FLAG_FOCUSED) != 0 &&
         ((flags & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0 || self->pointer_chosen);
}

static void
draw_band (GtkSnapshot    *snapshot,
           const Geometry *g,
           guint           index,
           const GdkRGBA  *color)
{
  float top = g->plot.origin.y - (float) g->small / 2;
  float bottom = g->stretches.origin.y + g->stretches.size.height;
  float left = (float) (g->plot.origin.x + index * g->column);
  GskRoundedRect band;

  gsk_rounded_rect_init_from_rect (&band,
                                   &GRAPHENE_RECT_INIT (left, top, (float) g->column, bottom - top),
                                   (float) MIN (6.0, g->column / 3));
  gtk_snapshot_push_rounded_clip (snapshot, &band);
  gtk_snapshot_append_color (snapshot, color, &band.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
draw_guides (SootheDiaryChart *self,
             GtkSnapshot      *snapshot,
             const Geometry   *g,
             const Palette    *p)
{
  GdkRGBA guide = with_alpha (&p->fg, 0.15f);
  GdkRGBA number = with_alpha (&p->fg, 0.7f);

  for (int level = 0; level <= SOOTHE_HISTORY_MAX_PAIN; level += SOOTHE_HISTORY_MAX_PAIN / 2)
    {
      g_autofree char *text = g_strdup_printf ("%d", level);
      g_autoptr(PangoLayout) layout = new_layout (self, text, TRUE, FALSE);
      double y = pain_y (g, level);
      double width, height;

      gtk_snapshot_append_color (snapshot, &guide,
                                 &GRAPHENE_RECT_INIT (g->plot.origin.x, (float) round (y) - 0.5f,
                                                      g->plot.size.width, 1));
      layout_size (layout, &width, &height);
      draw_layout (snapshot, layout, g->gutter - g->line * 0.35 - width, y - height / 2, &number);
    }
}

static void
draw_bars (SootheDiaryChart      *self,
           GtkSnapshot           *snapshot,
           const Geometry        *g,
           const graphene_rect_t *row,
           const GdkRGBA         *color,
           const GdkRGBA         *fg,
           gboolean               therapy)
{
  GdkRGBA baseline = with_alpha (fg, 0.15f);
  GdkRGBA number = with_alpha (fg, 0.75f);
  guint full = therapy ? THERAPY_FULL_MINUTES : STRETCHES_FULL;
  float bottom = row->origin.y + row->size.height;
  float tallest = row->size.height - (float) g->small;
  double bar_width = MAX (1.0, MIN (g->column * 0.62, g->line * 1.1));
  double widest = 0;
  float radius;

  for (guint i = 0; i < n_days (self); i++)
    {
      const SootheDiaryDay *day = get_day (self, i);
      guint value = therapy ? day->therapy_minutes : day->stretches;
      g_autofree char *text = g_strdup_printf ("%u", value);

      full = MAX (full, value);
      if (value > 0)
        widest = MAX (widest, text_width (self, text, FALSE));
    }

  gtk_snapshot_append_color (snapshot, &baseline,
                             &GRAPHENE_RECT_INIT (row->origin.x, bottom - 1, row->size.width, 1));

  radius = (float) MIN (3.0, bar_width / 2);
  for (guint i = 0; i < n_days (self); i++)
    {
      const SootheDiaryDay *day = get_day (self, i);
      guint value = therapy ? day->therapy_minutes : day->stretches;
      float height;
      GskRoundedRect bar;
      double x;

      if (value == 0)
        continue;
      height = MAX (2.0f, tallest * value / (float) full);
      x = column_center (g, i) - bar_width / 2;
      gsk_rounded_rect_init (&bar,
                             &GRAPHENE_RECT_INIT ((float) x, bottom - height, (float) bar_width,
                                                  height),
                             &GRAPHENE_SIZE_INIT (radius, radius),
                             &GRAPHENE_SIZE_INIT (radius, radius),
                             &GRAPHENE_SIZE_INIT (0, 0),
                             &GRAPHENE_SIZE_INIT (0, 0));
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, color, &bar.bounds);
      gtk_snapshot_pop (snapshot);

      /* The number over each bar, where every number fits its day. */
      if (widest <= g->column - 2)
        {
          g_autofree char *text = g_strdup_printf ("%u", value);
          g_autoptr(PangoLayout) layout = new_layout (self, text, TRUE, FALSE);
          double width, text_height;

          layout_size (layout, &width, &text_height);
          draw_layout (snapshot, layout, column_center (g, i) - width / 2,
                       bottom - height - text_height, &number);
        }
    }
}

static void
draw_pain (SootheDiaryChart *self,
           GtkSnapshot      *snapshot,
           const Geometry   *g,
           const Palette    *p,
           gboolean          selection)
{
  graphene_rect_t bounds;
  double width = MAX (2.0, g->line / 7);
  double radius = MAX (3.0, g->line * 0.2);
  double dashes[2] = { width * 1.5, width * 2 };
  cairo_t *cr;
  int last = -1;

  graphene_rect_inset_r (&g->plot, -(float) (radius * 2 + width), -(float) (radius * 2 + width),
                         &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Days in a row are joined by a line; a day not logged leaves a dotted
   * line across it, so a gap reads as a gap and not as a change. */
  for (guint i = 0; i < n_days (self); i++)
    {
      const SootheDiaryDay *day = get_day (self, i);

      if (day->pain == SOOTHE_DIARY_NO_PAIN)
        continue;
      if (last >= 0)
        {
          gboolean gap = i - last > 1;

          cairo_move_to (cr, column_center (g, last), pain_y (g, get_day (self, last)->pain));
          cairo_line_to (cr, column_center (g, i), pain_y (g, day->pain));
          cairo_set_dash (cr, dashes, gap ? 2 : 0, 0);
          gdk_cairo_set_source_rgba (cr, gap ? &(GdkRGBA) { p->pain.red, p->pain.green,
                                                            p->pain.blue, 0.5f }
                                             : &p->pain);
          cairo_stroke (cr);
        }
      last = i;
    }

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < n_days (self); i++)
    {
      const SootheDiaryDay *day = get_day (self, i);
      double x = column_center (g, i);
      double y;

      if (day->pain == SOOTHE_DIARY_NO_PAIN)
        continue;
      y = pain_y (g, day->pain);
      if (selection && i == self->selected)
        {
          /* Larger, with a ring in the page's colour around it. */
          gdk_cairo_set_source_rgba (cr, &p->pain);
          cairo_arc (cr, x, y, radius * 1.9, 0, 2 * G_PI);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &p->base);
          cairo_arc (cr, x, y, radius * 0.9, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &p->pain);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_destroy (cr);
}

/* The selected day's level in a small tag beside its point, like a tooltip. */
static void
draw_level_tag (SootheDiaryChart *self,
                GtkSnapshot      *snapshot,
                const Geometry   *g,
                const Palette    *p)
{
  const SootheDiaryDay *day = get_day (self, self->selected);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double radius = MAX (3.0, g->line * 0.2) * 1.9;
  double width, height, x, y;
  GskRoundedRect tag;

  if (day->pain == SOOTHE_DIARY_NO_PAIN)
    return;
  text = g_strdup_printf ("%d", day->pain);
  layout = new_layout (self, text, TRUE, TRUE);
  layout_size (layout, &width, &height);
  width += height * 0.8;
  height += height * 0.15;

  /* Beside the point, after it, or before it near the end. */
  x = column_center (g, self->selected) + radius + 3;
  if (x + width > g->plot.origin.x + g->plot.size.width)
    x = column_center (g, self->selected) - radius - 3 - width;
  y = pain_y (g, day->pain) - height / 2;
  y = CLAMP (y, g->plot.origin.y - g->small / 2,
             g->plot.origin.y + g->plot.size.height + g->small / 2 - height);

  gsk_rounded_rect_init_from_rect (&tag, &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) width,
                                                              (float) height),
                                   (float) (height / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &tag);
  gtk_snapshot_append_color (snapshot, &p->fg, &tag.bounds);
  gtk_snapshot_pop (snapshot);
  layout_size (layout, &width, &height);
  draw_layout (snapshot, layout, x + height * 0.4, y + height * 0.075, &p->base);
}

static void
draw_day_labels (SootheDiaryChart *self,
                 GtkSnapshot      *snapshot,
                 const Geometry   *g,
                 const Palette    *p,
                 double            width,
                 gboolean          selection)
{
  GdkRGBA dim = with_alpha (&p->fg, 0.7f);
  double gap = g->small * 0.75;
  double selected_start = G_MAXDOUBLE, selected_end = -G_MAXDOUBLE;
  double left = G_MAXDOUBLE;
  guint n = n_days (self);

  /* The selected day's own label first, so the others make room for it. */
  if (selection)
    {
      g_autofree char *text = day_label (self, self->selected, TRUE);

      draw_centered (self, snapshot, text, TRUE, column_center (g, self->selected), g->days_y,
                     width, &p->fg, &selected_start, &selected_end);
    }

  /* Today, then a week before it and so on, leftwards: one that would
   * touch the one after it is left out. */
  for (guint k = 0; k < n; k += 7)
    {
      guint i = n - 1 - k;
      g_autofree char *text = day_label (self, i, FALSE);
      double text_w = text_width (self, text, FALSE);
      double start = CLAMP (column_center (g, i) - text_w / 2, 0, MAX (0, width - text_w));
      double end = start + text_w;

      if (end + gap > left)
        continue;
      if (selection && end + gap > selected_start && start - gap < selected_end)
        continue;
      draw_centered (self, snapshot, text, FALSE, column_center (g, i), g->days_y, width,
                     i + 1 == n ? &p->fg : &dim, NULL, NULL);
      left = start;
    }
}

static void
soothe_diary_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (widget);
  double width = gtk_widget_get_width (widget);
  gboolean selection = shows_selection (self);
  GdkRGBA caption;
  Geometry g;
  Palette p;

  if (width <= 0)
    return;
  compute_geometry (self, width, &g);
  get_palette (self, &p);
  caption = with_alpha (&p.fg, 0.75f);

  {
    g_autoptr(PangoLayout) pain = new_layout (self, _("Pain, 0 to 10"), TRUE, TRUE);
    g_autoptr(PangoLayout) therapy = new_layout (self, _("Heat or cold therapy, minutes"), TRUE,
                                                 TRUE);
    g_autoptr(PangoLayout) stretches = new_layout (self, _("Stretches done"), TRUE, TRUE);

    draw_layout (snapshot, pain, 0, g.pain_caption_y, &caption);
    draw_layout (snapshot, therapy, 0, g.therapy_caption_y, &caption);
    draw_layout (snapshot, stretches, 0, g.stretches_caption_y, &caption);
  }

  if (self->hovered >= 0 && (guint) self->hovered < n_days (self) &&
      !(selection && (guint) self->hovered == self->selected))
    draw_band (snapshot, &g, self->hovered, &(GdkRGBA) { p.fg.red, p.fg.green, p.fg.blue, 0.05f });
  if (selection)
    draw_band (snapshot, &g, self->selected, &(GdkRGBA) { p.fg.red, p.fg.green, p.fg.blue, 0.1f });

  draw_guides (self, snapshot, &g, &p);
  draw_bars (self, snapshot, &g, &g.therapy, &p.therapy, &p.fg, TRUE);
  draw_bars (self, snapshot, &g, &g.stretches, &p.stretches, &p.fg, FALSE);
  draw_pain (self, snapshot, &g, &p, selection);
  if (selection)
    draw_level_tag (self, snapshot, &g, &p);
  draw_day_labels (self, snapshot, &g, &p, width, selection);
}

static void
soothe_diary_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (widget);
  guint n = n_days (self) > 0 ? n_days (self) : SOOTHE_DIARY_DAYS;
  Geometry g;

  compute_geometry (self, 0, &g);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A few pixels a day at least; a day as wide as a line is high reads well. */
      *minimum = (int) ceil (g.gutter + n * 6);
      *natural = (int) ceil (g.gutter + n * g.line * 1.2);
    }
  else
    {
      *minimum = *natural = (int) g.height;
    }
}

/* Accessibility */

static char *
describe_day (SootheDiaryChart *self,
              guint             index)
{
  return soothe_diary_describe_day (get_day (self, index), self->now);
}

static void
update_value (SootheDiaryChart *self)
{
  g_autofree char *text = NULL;

  if (n_days (self) == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 0.0,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                      -1);
      return;
    }

  text = describe_day (self, self->selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) (n_days (self) - 1),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->selected,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  if (self->describing_day)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
}

static void
describe_summary (SootheDiaryChart *self)
{
  self->describing_day = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary != NULL ? self->summary : "", -1);
}

/* Selection */

static void
select_day (SootheDiaryChart *self,
            guint             index,
            gboolean          by_person)
{
  if (n_days (self) == 0)
    return;
  index = MIN (index, n_days (self) - 1);

  /* Read out only what a person chose while here, not a change from outside. */
  if (by_person && gtk_widget_is_focus (GTK_WIDGET (self)))
    self->describing_day = TRUE;
  if (index == self->selected)
    return;

  self->selected = index;
  update_value (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
move_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (widget);
  static const struct {
    const char *name;
    int         days;
  } moves[] = {
    { "chart.previous-day", -1 },
    { "chart.next-day", 1 },
    { "chart.previous-week", -7 },
    { "chart.next-week", 7 },
    { "chart.first-day", -SOOTHE_DIARY_DAYS * 100 },
    { "chart.last-day", SOOTHE_DIARY_DAYS * 100 },
  };
  int index = self->selected;
  gboolean was_describing = self->describing_day;

  if (n_days (self) == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (g_str_equal (action_name, moves[i].name))
        index += moves[i].days;
    }
  index = CLAMP (index, 0, (int) n_days (self) - 1);

  select_day (self, index, TRUE);
  /* The first key read out the day even where the day stays. */
  if (self->describing_day && !was_describing)
    update_value (self);
}

/* Pointer */

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            SootheDiaryChart *self)
{
  int index = day_at (self, x);

  if (index < 0)
    return;
  self->pointer_chosen = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_day (self, index, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hovered (SootheDiaryChart *self,
             int               index)
{
  if (index == self->hovered)
    return;
  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SootheDiaryChart         *self)
{
  set_hovered (self, day_at (self, x));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SootheDiaryChart         *self)
{
  set_hovered (self, -1);
}

static gboolean
soothe_diary_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (widget);
  int index = keyboard_tooltip ? (int) self->selected : day_at (self, x);
  g_autofree char *text = NULL;
  Geometry g;

  if (index < 0 || (guint) index >= n_days (self))
    return FALSE;
  compute_geometry (self, gtk_widget_get_width (widget), &g);
  text = describe_day (self, index);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip for each day the pointer moves to. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                       (int) floor (g.plot.origin.x + index * g.column), 0,
                                       (int) ceil (g.column), (int) g.height });
  return TRUE;
}

static void
soothe_diary_chart_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (widget);
  GtkStateFlags flags = gtk_widget_get_state_flags (widget);
  GtkStateFlags focus = GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE;

  GTK_WIDGET_CLASS (soothe_diary_chart_parent_class)->state_flags_changed (widget, previous);

  if ((flags & GTK_STATE_FLAG_FOCUSED) == 0)
    {
      self->pointer_chosen = FALSE;
      if (self->describing_day)
        describe_summary (self);
    }
  if ((flags ^ previous) & focus)
    gtk_widget_queue_draw (widget);
}

static void
soothe_diary_chart_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (soothe_diary_chart_parent_class)->system_setting_changed (widget, setting);

  /* Sizes are in lines of text. */
  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    gtk_widget_queue_resize (widget);
}

/* Public */

/**
 * soothe_diary_chart_new:
 *
 * Returns: (transfer floating): a chart with no days yet
 */
GtkWidget *
soothe_diary_chart_new (void)
{
  return g_object_new (SOOTHE_TYPE_DIARY_CHART, NULL);
}

/**
 * soothe_diary_chart_set_days:
 * @situation: the situation the days are for
 * @days: (element-type SootheDiaryDay): from soothe_diary_get_days(), the
 *   last one today; the chart keeps a reference, and its notes must stay
 *   valid while it does, so give the chart new days when the history changes
 * @now: wall-clock µs, for "today"
 *
 * Shows @days. The same day stays selected where there is one, otherwise
 * the last.
 */
void
soothe_diary_chart_set_days (SootheDiaryChart *self,
                             SootheSituation  *situation,
                             GArray           *days,
                             gint64            now)
{
  g_autofree char *title = NULL;
  guint selected;

  g_return_if_fail (SOOTHE_IS_DIARY_CHART (self));
  g_return_if_fail (SOOTHE_IS_SITUATION (situation));
  g_return_if_fail (days != NULL && g_array_get_element_size (days) == sizeof (SootheDiaryDay));

  g_array_ref (days);
  g_clear_pointer (&self->days, g_array_unref);
  self->days = days;
  g_set_object (&self->situation, situation);
  self->now = now;

  g_free (self->summary);
  self->summary = soothe_diary_describe_days (situation, days);
  title = soothe_markup_to_plain (soothe_situation_get_title (situation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  describe_summary (self);

  selected = days->len > 0 ? MIN (self->selected, days->len - 1) : 0;
  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  update_value (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

SootheSituation *
soothe_diary_chart_get_situation (SootheDiaryChart *self)
{
  g_return_val_if_fail (SOOTHE_IS_DIARY_CHART (self), NULL);

  return self->situation;
}

guint
soothe_diary_chart_get_n_days (SootheDiaryChart *self)
{
  g_return_val_if_fail (SOOTHE_IS_DIARY_CHART (self), 0);

  return n_days (self);
}

/**
 * soothe_diary_chart_get_selected:
 *
 * Returns: the selected day's index, the last one today
 */
guint
soothe_diary_chart_get_selected (SootheDiaryChart *self)
{
  g_return_val_if_fail (SOOTHE_IS_DIARY_CHART (self), 0);

  return self->selected;
}

void
soothe_diary_chart_set_selected (SootheDiaryChart *self,
                                 guint             index)
{
  g_return_if_fail (SOOTHE_IS_DIARY_CHART (self));

  select_day (self, index, FALSE);
}

/**
 * soothe_diary_chart_get_summary:
 *
 * Returns: (nullable): what the chart shows, in words, as
 *   soothe_diary_describe_days() says it; its accessible description
 */
const char *
soothe_diary_chart_get_summary (SootheDiaryChart *self)
{
  g_return_val_if_fail (SOOTHE_IS_DIARY_CHART (self), NULL);

  return self->summary;
}

/**
 * soothe_diary_chart_describe_selected:
 *
 * Returns: (transfer full) (nullable): the selected day in words, the
 *   chart's accessible value text
 */
char *
soothe_diary_chart_describe_selected (SootheDiaryChart *self)
{
  g_return_val_if_fail (SOOTHE_IS_DIARY_CHART (self), NULL);

  if (n_days (self) == 0)
    return NULL;
  return describe_day (self, self->selected);
}

/* GObject */

static void
soothe_diary_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_diary_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      soothe_diary_chart_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_diary_chart_dispose (GObject *object)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (object);

  g_clear_object (&self->situation);
  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (soothe_diary_chart_parent_class)->dispose (object);
}

static void
soothe_diary_chart_finalize (GObject *object)
{
  SootheDiaryChart *self = SOOTHE_DIARY_CHART (object);

  g_free (self->summary);

  G_OBJECT_CLASS (soothe_diary_chart_parent_class)->finalize (object);
}

static void
add_move (GtkWidgetClass *widget_class,
          guint           key,
          guint           keypad_key,
          const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, 0, action, NULL);
}

static void
soothe_diary_chart_class_init (SootheDiaryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const actions[] = {
    "chart.previous-day", "chart.next-day", "chart.previous-week", "chart.next-week",
    "chart.first-day", "chart.last-day",
  };

  object_class->get_property = soothe_diary_chart_get_property;
  object_class->set_property = soothe_diary_chart_set_property;
  object_class->dispose = soothe_diary_chart_dispose;
  object_class->finalize = soothe_diary_chart_finalize;
  widget_class->measure = soothe_diary_chart_measure;
  widget_class->snapshot = soothe_diary_chart_snapshot;
  widget_class->query_tooltip = soothe_diary_chart_query_tooltip;
  widget_class->state_flags_changed = soothe_diary_chart_state_flags_changed;
  widget_class->system_setting_changed = soothe_diary_chart_system_setting_changed;

  /**
   * SootheDiaryChart:selected:
   *
   * The selected day's index; the last day is today.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, move_activated_cb);
  add_move (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "chart.previous-day");
  add_move (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "chart.next-day");
  add_move (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, "chart.previous-week");
  add_move (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, "chart.next-week");
  add_move (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, "chart.first-day");
  add_move (widget_class, GDK_KEY_End, GDK_KEY_KP_End, "chart.last-day");

  gtk_widget_class_set_css_name (widget_class, "soothe-diary-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
soothe_diary_chart_init (SootheDiaryChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  /* Until there are days, then the last of them: today. */
  self->selected = G_MAXUINT;
  self->hovered = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}
