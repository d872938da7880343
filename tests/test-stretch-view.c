/* test-stretch-view.c: the stretch window, its drawing and the guided hold
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include <gtk/gtk.h>

#include "soothe-fake-clock.h"
#include "soothe-content.h"
#include "soothe-illustration.h"
#include "soothe-markup.h"
#include "soothe-stretch-view.h"
#include "soothe-stretch-window.h"
#include "soothe-ui-resources.h"
#include "test-widgets.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define START_TIME (G_GINT64_CONSTANT (1767225600) * SECOND)  /* 2026-01-01 00:00 UTC */
#define RELAX_SECONDS 5

static SootheContent *content;

/* Helpers */

static SootheStretchWindow *
open_window (SootheStretch *stretch,
             SootheClock   *clock)
{
  SootheStretchWindow *window = soothe_stretch_window_new (NULL, stretch, clock);

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (test_widget_is_mapped, window);
  test_settle_window (GTK_WIDGET (window));
  return window;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_window (SootheStretchWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  test_wait_until (is_gone, &window);
}

/* Everything the window shows, as plain text, one label a line. */
static char *
shown_text (SootheStretchWindow *window)
{
  GString *texts = g_string_new ("\n");

  collect_label_texts (GTK_WIDGET (window), texts);
  return g_string_free (texts, FALSE);
}

static void
assert_shows (SootheStretchWindow *window,
              const char          *inline_text)
{
  g_autofree char *texts = shown_text (window);
  g_autofree char *plain = soothe_markup_to_plain (inline_text);

  if (strstr (texts, plain) == NULL)
    g_error ("The stretch window does not show “%s”; it shows:%s", plain, texts);
}

/* The one visible label with the status role that is (or is not) the count. */
static GtkLabel *
find_status (GtkWidget *widget,
             gboolean   count)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS &&
      gtk_widget_has_css_class (widget, "soothe-guide-count") == count)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_status (child, count);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
count_text (SootheStretchWindow *window)
{
  GtkLabel *label = find_status (GTK_WIDGET (window), TRUE);

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static const char *
phase_text (SootheStretchWindow *window)
{
  GtkLabel *label = find_status (GTK_WIDGET (window), FALSE);

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_focus_on (SootheStretchWindow *window,
                 const char          *label)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, label);
}

static void
click (SootheStretchWindow *window,
       const char          *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), label);

  if (button == NULL)
    g_error ("No “%s” button on screen", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Every stretch in the built-in content, each once, in the order situations
 * list them. */
static GPtrArray *
all_stretches (void)
{
  GListModel *situations = soothe_content_get_situations (content);
  GPtrArray *stretches = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (situations); i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char * const *ids = soothe_situation_get_stretch_ids (situation);

      for (guint k = 0; ids[k] != NULL; k++)
        {
          SootheStretch *stretch = soothe_content_lookup_stretch (content, ids[k]);

          g_assert_nonnull (stretch);
          if (!g_ptr_array_find (stretches, stretch, NULL))
            g_ptr_array_add (stretches, stretch);
        }
    }
  g_assert_cmpuint (stretches->len, >=, 10);
  return stretches;
}

static SootheStretch *
stretch_with (guint hold_seconds,
              guint repetitions)
{
  g_autoptr(GPtrArray) stretches = all_stretches ();

  for (guint i = 0; i < stretches->len; i++)
    {
      SootheStretch *stretch = g_ptr_array_index (stretches, i);

      if (soothe_stretch_get_hold_seconds (stretch) == hold_seconds &&
          soothe_stretch_get_repetitions (stretch) == repetitions)
        return stretch;
    }
  g_error ("No built-in stretch held %u s × %u", hold_seconds, repetitions);
}

static char *
expected_hold_text (SootheStretch *stretch)
{
  guint hold = soothe_stretch_get_hold_seconds (stretch);
  guint repetitions = soothe_stretch_get_repetitions (stretch);

  if (hold % 60 == 0)
    return g_strdup_printf ("Hold %u minute%s · %u time%s", hold / 60, hold == 60 ? "" : "s",
                            repetitions, repetitions == 1 ? "" : "s");
  return g_strdup_printf ("Hold %u second%s · %u time%s", hold, hold == 1 ? "" : "s",
                          repetitions, repetitions == 1 ? "" : "s");
}

/* Drawing */

static void
set_dark (GtkWidget *window,
          gboolean   dark)
{
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
  test_settle_window (window);
}

/* Returns how many pixels are fully opaque; every drawn pixel must be in
 * @color, whatever its coverage. */
static guint
count_pixels_in (GdkTexture    *texture,
                 const GdkRGBA *color,
                 const char    *what)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  int expected[3] = {
    (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5), (int) (color->blue * 255 + 0.5)
  };
  guint opaque = 0;

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    {
      /* CAIRO_FORMAT_ARGB32, premultiplied, native endian */
      guint32 pixel = ((guint32 *) data)[i];
      int alpha = pixel >> 24;
      int rgb[3] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };
      int tolerance;

      if (alpha == 0)
        continue;
      if (alpha == 255)
        opaque++;
      /* Unpremultiplying a faint edge pixel loses precision. */
      tolerance = alpha == 255 ? 2 : 2 + 255 / alpha;
      for (int c = 0; c < 3; c++)
        {
          int value = rgb[c] * 255 / alpha;

          if (ABS (value - expected[c]) > tolerance)
            g_error ("%s: pixel %d,%d is #%02x%02x%02x at alpha %d, not the text colour "
                     "#%02x%02x%02x", what, i % width, i / width,
                     rgb[0] * 255 / alpha, rgb[1] * 255 / alpha, rgb[2] * 255 / alpha, alpha,
                     expected[0], expected[1], expected[2]);
        }
    }
  return opaque;
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

/* Draws @stretch's illustration and checks it is there, in the text colour. */
static void
assert_illustration_drawn (SootheStretchWindow *window,
                           SootheStretch       *stretch,
                           GdkRGBA             *color)
{
  GtkWidget *illustration = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ILLUSTRATION);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *what = g_strdup_printf ("%s (%s)", soothe_stretch_get_id (stretch),
                                           soothe_stretch_get_illustration (stretch));
  guint opaque;

  g_assert_nonnull (illustration);
  g_assert_true (gtk_widget_get_mapped (illustration));
  g_assert_true (soothe_illustration_get_stretch (SOOTHE_ILLUSTRATION (illustration)) == stretch);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (illustration)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpint (gtk_widget_get_width (illustration), >=, 256);
  g_assert_cmpint (gtk_widget_get_height (illustration), >=, 192);

  gtk_style_context_get_color (gtk_widget_get_style_context (illustration), color);
  texture = test_render_widget (illustration);
  opaque = count_pixels_in (texture, color, what);
  /* A line drawing covers a fair part of its box: several thousand pixels at
   * 256 × 192. A blank or missing drawing covers none. */
  if (opaque < 1000)
    g_error ("%s: only %u solid pixels drawn", what, opaque);
}

/* Tests */

static void
test_every_stretch (void)
{
  g_autoptr(GPtrArray) stretches = all_stretches ();
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (g_ptr_array_index (stretches, 0), clock);
  SootheStretchView *view = soothe_stretch_window_get_view (window);

  for (guint i = 0; i < stretches->len; i++)
    {
      SootheStretch *stretch = g_ptr_array_index (stretches, i);
      const char * const *steps = soothe_stretch_get_steps (stretch);
      const char * const *cautions = soothe_stretch_get_cautions (stretch);
      g_autofree char *hold = expected_hold_text (stretch);
      g_autofree char *title = soothe_markup_to_plain (soothe_stretch_get_name (stretch));
      GdkRGBA color;

      g_test_message ("%s", soothe_stretch_get_id (stretch));
      g_object_set (window, "stretch", stretch, NULL);
      g_assert_true (soothe_stretch_view_get_stretch (view) == stretch);
      test_settle_window (GTK_WIDGET (window));

      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
      assert_shows (window, soothe_stretch_get_name (stretch));
      assert_shows (window, soothe_stretch_get_summary (stretch));
      for (guint k = 0; steps[k] != NULL; k++)
        assert_shows (window, steps[k]);
      assert_shows (window, hold);
      for (guint k = 0; cautions[k] != NULL; k++)
        assert_shows (window, cautions[k]);
      g_assert_nonnull (find_button (GTK_WIDGET (window), "Guide me"));

      g_assert_nonnull (soothe_stretch_get_illustration (stretch));
      assert_illustration_drawn (window, stretch, &color);
    }

  close_window (window);
}

/* One drawing works in both styles because it takes the text colour. */
static void
test_light_and_dark (void)
{
  g_autoptr(GPtrArray) stretches = all_stretches ();
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (g_ptr_array_index (stretches, 0), clock);

  for (guint i = 0; i < stretches->len; i++)
    {
      SootheStretch *stretch = g_ptr_array_index (stretches, i);
      GdkRGBA light;
      GdkRGBA dark;

      g_object_set (window, "stretch", stretch, NULL);
      set_dark (GTK_WIDGET (window), FALSE);
      assert_illustration_drawn (window, stretch, &light);
      set_dark (GTK_WIDGET (window), TRUE);
      assert_illustration_drawn (window, stretch, &dark);

      /* Dark text on a light background, then light text on a dark one. */
      g_assert_cmpfloat (luminance (&light), <, 0.5);
      g_assert_cmpfloat (luminance (&dark), >, 0.5);
    }

  set_dark (GTK_WIDGET (window), FALSE);
  close_window (window);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_guided_hold (void)
{
  /* Child's pose: 30 seconds, three times. */
  SootheStretch *stretch = stretch_with (30, 3);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  SootheStretchView *view = soothe_stretch_window_get_view (window);
  guint view_finished = 0;
  guint window_finished = 0;
  gint64 hold_end;

  g_signal_connect (view, "finished", G_CALLBACK (count_cb), &view_finished);
  g_signal_connect (window, "finished", G_CALLBACK (count_cb), &window_finished);
  g_assert_false (soothe_stretch_view_get_guiding (view));
  /* The keyboard starts on the guide, not in the text, so nothing is selected. */
  assert_focus_on (window, "Guide me");

  click (window, "Guide me");
  /* The focus follows the guide's leading control as the pages change. */
  assert_focus_on (window, "Pause");
  g_assert_true (soothe_stretch_view_get_guiding (view));
  g_assert_cmpstr (count_text (window), ==, "30");
  g_assert_cmpstr (phase_text (window), ==, "Hold 1 of 3");
  g_assert_null (find_button (GTK_WIDGET (window), "Guide me"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Stop"));
  /* On screen the count wakes up once a second, no more. */
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, START_TIME + 1 * SECOND);

  soothe_fake_clock_advance (clock, 1 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "29");
  g_assert_cmpstr (phase_text (window), ==, "Hold 1 of 3");

  /* Nothing changes between whole seconds. */
  soothe_fake_clock_advance (clock, SECOND / 2);
  g_assert_cmpstr (count_text (window), ==, "29");
  soothe_fake_clock_advance (clock, SECOND / 2);
  g_assert_cmpstr (count_text (window), ==, "28");

  /* Paused, the count stays however long the pause. */
  click (window, "Pause");
  g_assert_cmpstr (count_text (window), ==, "28");
  g_assert_cmpstr (phase_text (window), ==, "Paused: hold 1 of 3");
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);
  soothe_fake_clock_advance (clock, 20 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "28");
  click (window, "Resume");
  g_assert_cmpstr (count_text (window), ==, "28");
  g_assert_cmpstr (phase_text (window), ==, "Hold 1 of 3");
  hold_end = soothe_clock_get_now (clock) + 28 * SECOND;

  soothe_fake_clock_set_now (clock, hold_end - 1);
  g_assert_cmpstr (count_text (window), ==, "1");
  soothe_fake_clock_set_now (clock, hold_end);
  g_assert_cmpstr (phase_text (window), ==, "Relax");
  g_assert_cmpstr (count_text (window), ==, "5");

  soothe_fake_clock_advance (clock, RELAX_SECONDS * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Hold 2 of 3");
  g_assert_cmpstr (count_text (window), ==, "30");

  soothe_fake_clock_advance (clock, 30 * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Relax");
  soothe_fake_clock_advance (clock, RELAX_SECONDS * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Hold 3 of 3");
  g_assert_cmpuint (view_finished, ==, 0);

  soothe_fake_clock_advance (clock, 29 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "1");
  g_assert_cmpuint (view_finished, ==, 0);
  soothe_fake_clock_advance (clock, 1 * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Well done");
  g_assert_cmpuint (view_finished, ==, 1);
  g_assert_cmpuint (window_finished, ==, 1);
  assert_shows (window, "You finished all 3 holds.");
  assert_focus_on (window, "Done");
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);

  /* Nothing more happens, however long it stays open. */
  soothe_fake_clock_advance (clock, 10 * 60 * SECOND);
  g_assert_cmpuint (view_finished, ==, 1);
  g_assert_cmpuint (window_finished, ==, 1);

  click (window, "Done");
  g_assert_false (soothe_stretch_view_get_guiding (view));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Guide me"));
  assert_focus_on (window, "Guide me");
  g_assert_cmpuint (view_finished, ==, 1);

  close_window (window);
}

/* The status label says each phase as it starts, and nothing in between. */
static void
phase_label_changed_cb (GtkLabel   *label,
                        GParamSpec *pspec,
                        GPtrArray  *said)
{
  g_ptr_array_add (said, g_strdup (gtk_label_get_text (label)));
}

static void
test_announces_phases (void)
{
  SootheStretch *stretch = stretch_with (15, 3);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  const char * const expected[] = {
    "Hold 1 of 3", "Relax", "Hold 2 of 3", "Relax", "Hold 3 of 3", "Well done", NULL
  };
  GtkLabel *status;

  click (window, "Guide me");
  status = find_status (GTK_WIDGET (window), FALSE);
  g_ptr_array_add (said, g_strdup (gtk_label_get_text (status)));
  g_signal_connect (status, "notify::label", G_CALLBACK (phase_label_changed_cb), said);

  /* A second at a time, as a person would live through it. */
  for (guint i = 0; i < 3 * 15 + 2 * RELAX_SECONDS; i++)
    soothe_fake_clock_advance (clock, SECOND);

  g_ptr_array_add (said, NULL);
  g_assert_cmpstrv ((char **) said->pdata, expected);
  g_signal_handlers_disconnect_by_func (status, phase_label_changed_cb, said);

  close_window (window);
}

/* A five-minute rest is counted in minutes, with no relax between. */
static void
test_single_long_hold (void)
{
  SootheStretch *stretch = stretch_with (300, 1);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  guint finished = 0;

  g_signal_connect (window, "finished", G_CALLBACK (count_cb), &finished);
  assert_shows (window, "Hold 5 minutes · 1 time");

  click (window, "Guide me");
  g_assert_cmpstr (count_text (window), ==, "5:00");
  g_assert_cmpstr (phase_text (window), ==, "Hold");
  click (window, "Pause");
  g_assert_cmpstr (phase_text (window), ==, "Paused");
  click (window, "Resume");
  soothe_fake_clock_advance (clock, 1 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "4:59");
  soothe_fake_clock_advance (clock, 238 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "1:01");
  soothe_fake_clock_advance (clock, 1 * SECOND);
  g_assert_cmpstr (count_text (window), ==, "1:00");
  soothe_fake_clock_advance (clock, 60 * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Well done");
  g_assert_cmpuint (finished, ==, 1);
  assert_shows (window, "You finished 1 hold.");

  close_window (window);
}

static void
test_stop (void)
{
  SootheStretch *stretch = stretch_with (30, 3);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  guint finished = 0;

  g_signal_connect (window, "finished", G_CALLBACK (count_cb), &finished);
  click (window, "Guide me");
  soothe_fake_clock_advance (clock, 10 * SECOND);
  click (window, "Stop");
  g_assert_false (soothe_stretch_view_get_guiding (soothe_stretch_window_get_view (window)));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Guide me"));
  g_assert_null (find_status (GTK_WIDGET (window), FALSE));
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);
  soothe_fake_clock_advance (clock, 10 * 60 * SECOND);
  g_assert_cmpuint (finished, ==, 0);

  /* Guiding again starts from the first hold. */
  click (window, "Guide me");
  g_assert_cmpstr (count_text (window), ==, "30");
  g_assert_cmpstr (phase_text (window), ==, "Hold 1 of 3");

  close_window (window);
}

/* Hidden, the view wakes only when a phase ends, yet still counts. */
static void
test_hidden_view_sleeps (void)
{
  SootheStretch *stretch = stretch_with (30, 3);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);

  click (window, "Guide me");
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, START_TIME + 1 * SECOND);

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, START_TIME + 30 * SECOND);

  soothe_fake_clock_advance (clock, 30 * SECOND);
  /* The relax ends next. */
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==,
                   START_TIME + (30 + RELAX_SECONDS) * SECOND);
  soothe_fake_clock_advance (clock, 2 * SECOND);

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (test_widget_is_mapped, window);
  g_assert_cmpstr (phase_text (window), ==, "Relax");
  g_assert_cmpstr (count_text (window), ==, "3");
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==,
                   START_TIME + (30 + 3) * SECOND);

  close_window (window);
}

/* After a suspend nobody held the stretch: the guide waits to go on. */
static void
test_away_pauses (void)
{
  SootheStretch *stretch = stretch_with (30, 3);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  guint finished = 0;

  g_signal_connect (window, "finished", G_CALLBACK (count_cb), &finished);
  click (window, "Guide me");
  soothe_fake_clock_advance (clock, 10 * SECOND);
  soothe_fake_clock_advance (clock, 2 * 60 * 60 * SECOND);

  g_assert_cmpuint (finished, ==, 0);
  g_assert_cmpstr (phase_text (window), ==, "Paused: hold 1 of 3");
  g_assert_cmpstr (count_text (window), ==, "30");
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Resume"));

  click (window, "Resume");
  soothe_fake_clock_advance (clock, 30 * SECOND);
  g_assert_cmpstr (phase_text (window), ==, "Relax");

  close_window (window);
}

/* Bundle text is never markup: a user bundle's tags show as typed. */
static void
test_markup_shows_literally (void)
{
  static const char bundle[] =
    "{ \"format\": 1, \"stretches\": [ {"
    "  \"id\": \"tagged-stretch\","
    "  \"name\": \"<b>Bold</b> & *gentle* neck turn\","
    "  \"summary\": \"Turn <i>slowly</i> & breathe.\","
    "  \"steps\": [ \"Sit <u>tall</u>.\", \"Turn your head <span foreground='red'>left</span>.\" ],"
    "  \"hold_seconds\": 10,"
    "  \"repetitions\": 2,"
    "  \"cautions\": [ \"Stop if it <big>hurts</big>.\" ],"
    "  \"pregnancy_safe\": true"
    "} ] }";
  g_autoptr(SootheContent) user = soothe_content_new_builtin ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (bundle, sizeof bundle - 1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START_TIME);
  SootheStretch *stretch;
  SootheStretchWindow *window;
  GtkWidget *illustration;

  g_assert_true (soothe_content_load_bytes (user, bytes, "tagged.json", SOOTHE_BUNDLE_USER, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  stretch = soothe_content_lookup_stretch (user, "tagged-stretch");
  g_assert_nonnull (stretch);

  window = open_window (stretch, clock);
  assert_shows (window, "<b>Bold</b> & gentle neck turn");
  assert_shows (window, "Turn <i>slowly</i> & breathe.");
  assert_shows (window, "Sit <u>tall</u>.");
  assert_shows (window, "Turn your head <span foreground='red'>left</span>.");
  assert_shows (window, "Stop if it <big>hurts</big>.");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "<b>Bold</b> & gentle neck turn");

  /* It has no drawing, so none takes up room. */
  illustration = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ILLUSTRATION);
  g_assert_false (gtk_widget_get_visible (illustration));

  click (window, "Guide me");
  g_assert_cmpstr (count_text (window), ==, "10");
  g_assert_cmpstr (phase_text (window), ==, "Hold 1 of 2");

  close_window (window);
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return shortcut;
        }
    }
  return NULL;
}

/* Escape closes the window, and a closed window is gone, clock and all,
 * even in the middle of a guide. */
static void
test_window_closes (void)
{
  SootheStretch *stretch = stretch_with (30, 3);
  SootheClock *clock = soothe_fake_clock_new (START_TIME);
  SootheStretchWindow *window = open_window (stretch, clock);
  GtkShortcut *escape;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *) &clock);
  click (window, "Guide me");
  g_object_unref (clock);
  g_assert_nonnull (clock);

  escape = find_shortcut (GTK_WIDGET (window), "Escape");
  g_assert_nonnull (escape);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0,
                                               GTK_WIDGET (window), NULL));
  test_wait_until (is_gone, &window);
  g_assert_null (clock);
}

/* The default clock is a real one, owned by the view. */
static void
test_default_clock (void)
{
  SootheStretch *stretch = stretch_with (30, 3);
  GtkWidget *view = g_object_ref_sink (soothe_stretch_view_new (stretch, NULL));
  SootheClock *clock = soothe_stretch_view_get_clock (SOOTHE_STRETCH_VIEW (view));

  g_assert_true (SOOTHE_IS_REAL_CLOCK (clock));
  g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *) &clock);
  g_assert_finalize_object (view);
  g_assert_null (clock);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The expected texts are the untranslated ones, in the default theme. */
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("GTK_THEME");
  /* Roles are read from the widgets; an accessibility bus left behind by an
   * earlier test in the session would only add a warning. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* TAP's way to skip a whole program. */
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_disable_setlocale ();
  gtk_init ();
  soothe_ui_register_resource ();
  content = soothe_content_new_builtin ();

  g_test_add_func ("/soothe/stretch-view/every-stretch", test_every_stretch);
  g_test_add_func ("/soothe/stretch-view/light-and-dark", test_light_and_dark);
  g_test_add_func ("/soothe/stretch-view/guided-hold", test_guided_hold);
  g_test_add_func ("/soothe/stretch-view/announces-phases", test_announces_phases);
  g_test_add_func ("/soothe/stretch-view/single-long-hold", test_single_long_hold);
  g_test_add_func ("/soothe/stretch-view/stop", test_stop);
  g_test_add_func ("/soothe/stretch-view/hidden-view-sleeps", test_hidden_view_sleeps);
  g_test_add_func ("/soothe/stretch-view/away-pauses", test_away_pauses);
  g_test_add_func ("/soothe/stretch-view/markup-shows-literally", test_markup_shows_literally);
  g_test_add_func ("/soothe/stretch-view/window-closes", test_window_closes);
  g_test_add_func ("/soothe/stretch-view/default-clock", test_default_clock);

  status = g_test_run ();
  g_clear_object (&content);
  return status;
}
