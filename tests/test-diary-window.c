/* test-diary-window.c: the Progress window and its charts, under a display
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "soothe-diary-chart.h"
#include "soothe-diary-window.h"
#include "soothe-fake-clock.h"
#include "soothe-markup.h"
#include "soothe-ui-resources.h"
#include "test-widgets.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define HOUR   (3600 * SECOND)

typedef struct {
  char          *directory;
  char          *path;
  SootheHistory *history;
  SootheContent *content;
  SootheClock   *clock;
} Fixture;

/* Soothe's own style, as the application loads it. */
static GtkCssProvider *soothe_css;

/* Helpers */

/* Wall µs of 9:00 local time, @days_ago before the fake clock's day; the
 * tests run in Europe/London. */
static gint64
morning (Fixture *f,
         int      days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (soothe_clock_get_now (f->clock) /
                                                              SECOND);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day), 9, 0, 0);

  return g_date_time_to_unix (time) * SECOND;
}

static void
append (Fixture                  *f,
        const SootheHistoryEvent *event)
{
  g_autoptr(GError) error = NULL;

  soothe_history_append (f->history, event, &error);
  g_assert_no_error (error);
}

static void
log_pain (Fixture    *f,
          const char *id,
          guint       level,
          int         days_ago)
{
  SootheHistoryEvent event = {
    .time = morning (f, days_ago),
    .kind = SOOTHE_HISTORY_PAIN_LOGGED,
    .situation = id,
    .level = level,
  };

  append (f, &event);
}

static void
log_therapy (Fixture    *f,
             const char *id,
             guint       minutes,
             int         days_ago)
{
  SootheHistoryEvent event = {
    .time = morning (f, days_ago) + HOUR,
    .kind = SOOTHE_HISTORY_THERAPY_COMPLETED,
    .therapy = SOOTHE_THERAPY_COLD,
    .minutes = minutes,
    .situation = id,
  };

  append (f, &event);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 9, 18, 0, 0);
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("soothe-diary-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->directory, "history.jsonl", NULL);
  f->history = soothe_history_new (f->path);
  f->content = soothe_content_new_builtin_for (english);
  f->clock = soothe_fake_clock_new (g_date_time_to_unix (now) * SECOND);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_remove (f->path);
  g_rmdir (f->directory);

  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->content);
  g_assert_finalize_object (f->clock);
  g_free (f->path);
  g_free (f->directory);
}

static SootheDiaryWindow *
open_window (Fixture *f)
{
  SootheDiaryWindow *window = soothe_diary_window_new (NULL, f->content, f->history, f->clock);

  /* Ours, so that closing can check nothing else keeps it. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (test_widget_is_mapped, window);
  test_settle_window (GTK_WIDGET (window));
  return window;
}

static gboolean
only_ours (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

static void
close_window (SootheDiaryWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_wait_until (only_ours, window);
  g_assert_finalize_object (window);
}

static const char *
visible_page (SootheDiaryWindow *window)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The sections, top to bottom. */
static GPtrArray *
get_sections (SootheDiaryWindow *window)
{
  GtkWidget *page = find_with_css_class (GTK_WIDGET (window), "soothe-diary-page");
  GPtrArray *sections = g_ptr_array_new ();

  g_assert_nonnull (page);
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (gtk_widget_has_css_class (child, "soothe-diary-section"));
      g_ptr_array_add (sections, child);
    }
  return sections;
}

static SootheDiaryChart *
section_chart (GtkWidget *section)
{
  GtkWidget *chart = find_descendant (section, SOOTHE_TYPE_DIARY_CHART);

  g_assert_nonnull (chart);
  return SOOTHE_DIARY_CHART (chart);
}

static SootheDiaryChart *
chart_for (SootheDiaryWindow *window,
           const char        *id)
{
  g_autoptr(GPtrArray) sections = get_sections (window);

  for (guint i = 0; i < sections->len; i++)
    {
      SootheDiaryChart *chart = section_chart (g_ptr_array_index (sections, i));

      if (g_str_equal (soothe_situation_get_id (soothe_diary_chart_get_situation (chart)), id))
        return chart;
    }
  g_error ("No section for %s", id);
}

static void
assert_section_ids (SootheDiaryWindow  *window,
                    const char * const *expected)
{
  g_autoptr(GPtrArray) sections = get_sections (window);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      SootheDiaryChart *chart = section_chart (g_ptr_array_index (sections, i));
      SootheSituation *situation = soothe_diary_chart_get_situation (chart);

      g_strv_builder_add (builder, soothe_situation_get_id (situation));
    }
  ids = g_strv_builder_end (builder);
  g_assert_cmpstrv (ids, expected);
}

/* Everything @widget shows, as plain text, one label a line. */
static char *
shown_text (GtkWidget *widget)
{
  GString *texts = g_string_new ("\n");

  collect_label_texts (widget, texts);
  return g_string_free (texts, FALSE);
}

static void
assert_shows (GtkWidget  *widget,
              const char *inline_text)
{
  g_autofree char *texts = shown_text (widget);
  g_autofree char *plain = soothe_markup_to_plain (inline_text);

  if (strstr (texts, plain) == NULL)
    g_error ("“%s” is not shown; what is:%s", plain, texts);
}

static void
assert_property (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 const char            *expected)
{
  g_autofree char *actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property,
                                                                expected);

  if (actual != NULL)
    g_error ("Accessible property %d is “%s”, not “%s”", property, actual, expected);
}

static void
assert_number (GtkWidget             *widget,
               GtkAccessibleProperty  property,
               double                 expected)
{
  g_autofree char *actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property,
                                                                expected);

  if (actual != NULL)
    g_error ("Accessible property %d is %s, not %g", property, actual, expected);
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
          GtkShortcutTrigger *trigger_of = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (trigger_of);

          if (g_str_equal (text, trigger))
            return shortcut;
        }
    }
  return NULL;
}

/* What pressing @key on @widget does. */
static void
press (GtkWidget  *widget,
       const char *key)
{
  GtkShortcut *shortcut = find_shortcut (widget, key);

  if (shortcut == NULL)
    g_error ("Nothing is bound to %s", key);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static GArray *
days_for (Fixture    *f,
          const char *id)
{
  SootheSituation *situation = soothe_content_lookup_situation (f->content, id);

  g_assert_nonnull (situation);
  return soothe_diary_get_days (f->history, situation, soothe_clock_get_now (f->clock),
                                SOOTHE_DIARY_DAYS);
}

static char *
day_text (Fixture *f,
          GArray  *days,
          guint    index)
{
  return soothe_diary_describe_day (&g_array_index (days, SootheDiaryDay, index),
                                    soothe_clock_get_now (f->clock));
}

static GtkWidget *
section_for (SootheDiaryWindow *window,
             const char        *id)
{
  GtkWidget *section = GTK_WIDGET (chart_for (window, id));

  while (!gtk_widget_has_css_class (section, "soothe-diary-section"))
    section = gtk_widget_get_parent (section);
  return section;
}

static GtkWidget *
find_notice (SootheDiaryWindow *window,
             const char        *id)
{
  return find_with_css_class (section_for (window, id), "soothe-diary-notice");
}

/* The notice for @id says what soothe_diary_check() found, and the
 * situation's get-help lines under the advice view's headings. */
static void
assert_notice (Fixture                *f,
               SootheDiaryWindow      *window,
               const char             *id,
               SootheDiaryAdviceKind   kind)
{
  SootheSituation *situation = soothe_content_lookup_situation (f->content, id);
  const char * const *emergency = soothe_situation_get_emergency (situation);
  const char * const *urgent = soothe_situation_get_urgent (situation);
  GtkWidget *notice = find_notice (window, id);
  g_autofree char *advice_text = NULL;
  SootheDiaryAdvice advice;

  soothe_diary_check (f->history, situation, soothe_clock_get_now (f->clock), &advice);
  g_assert_cmpint (advice.kind, ==, kind);
  advice_text = soothe_diary_describe_advice (&advice);

  if (notice == NULL)
    g_error ("No notice for %s", id);
  g_assert_true (gtk_widget_get_mapped (notice));
  /* A calm note, not the advice view's alarm colours. */
  g_assert_null (find_with_css_class (notice, "soothe-emergency"));
  g_assert_null (find_with_css_class (notice, "soothe-urgent"));
  g_assert_nonnull (find_label (notice, advice_text));
  assert_shows (notice, "Call emergency services now (999, 112 or 911) if you have:");
  assert_shows (notice, "Contact a doctor or an urgent care service today if you have:");
  g_assert_nonnull (emergency[0]);
  g_assert_nonnull (urgent[0]);
  for (guint i = 0; emergency[i] != NULL; i++)
    assert_shows (notice, emergency[i]);
  for (guint i = 0; urgent[i] != NULL; i++)
    assert_shows (notice, urgent[i]);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tests */

static void
test_sections_in_order (Fixture       *f,
                        gconstpointer  data)
{
  const char * const expected[] = { "knee-pain", "heel-pain", NULL };
  SootheDiaryWindow *window;
  GtkWidget *export;

  log_pain (f, "knee-pain", 6, 3);
  log_pain (f, "heel-pain", 4, 2);
  /* A situation from a bundle no longer in use has no section. */
  log_pain (f, "retired-situation", 3, 1);
  log_therapy (f, "knee-pain", 15, 1);
  log_pain (f, "knee-pain", 4, 0);

  window = open_window (f);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Progress");
  g_assert_cmpstr (visible_page (window), ==, "days");
  /* The one logged last first. */
  assert_section_ids (window, expected);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      SootheSituation *situation = soothe_content_lookup_situation (f->content, expected[i]);
      SootheDiaryChart *chart = chart_for (window, expected[i]);
      GtkWidget *section = section_for (window, expected[i]);
      g_autoptr(GArray) days = days_for (f, expected[i]);
      g_autofree char *summary = soothe_diary_describe_days (situation, days);
      g_autofree char *today = day_text (f, days, SOOTHE_DIARY_DAYS - 1);
      g_autofree char *shown = soothe_diary_chart_describe_selected (chart);

      g_test_message ("%s: %s", expected[i], summary);
      assert_shows (section, soothe_situation_get_title (situation));
      g_assert_nonnull (find_label (section, summary));
      g_assert_cmpstr (soothe_diary_chart_get_summary (chart), ==, summary);
      g_assert_null (find_notice (window, expected[i]));

      /* A screen reader hears the situation, the summary, and the day. */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_SLIDER);
      assert_property (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                       soothe_situation_get_title (situation));
      assert_property (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
      assert_number (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0);
      assert_number (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, SOOTHE_DIARY_DAYS - 1);
      assert_number (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, SOOTHE_DIARY_DAYS - 1);
      assert_property (GTK_WIDGET (chart), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, today);
      g_assert_cmpstr (shown, ==, today);
      g_assert_cmpuint (soothe_diary_chart_get_n_days (chart), ==, SOOTHE_DIARY_DAYS);
      g_assert_cmpuint (soothe_diary_chart_get_selected (chart), ==, SOOTHE_DIARY_DAYS - 1);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
    }

  /* The keyboard starts on the first chart, not in the text. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (chart_for (window, "knee-pain")));

  /* The application's action; without it the button does nothing. */
  export = find_action_button (GTK_WIDGET (window), "app.export-history");
  g_assert_nonnull (export);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (export)), ==, "Export…");
  g_assert_false (gtk_widget_is_sensitive (export));

  close_window (window);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_keys_move_between_days (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  SootheDiaryWindow *window;
  GtkWidget *chart;
  const char *summary;
  guint notified = 0;
  struct {
    const char *key;
    guint       selected;
  } presses[] = {
    { "Left", 26 },
    { "Left", 25 },
    { "Right", 26 },
    { "Home", 0 },
    { "Left", 0 },
    { "Page_Down", 7 },
    { "End", 27 },
    { "Right", 27 },
    { "Page_Up", 20 },
    { "KP_Left", 19 },
  };

  for (int i = 20; i >= 0; i -= 2)
    log_pain (f, "knee-pain", i % 7, i);
  days = days_for (f, "knee-pain");

  window = open_window (f);
  chart = GTK_WIDGET (chart_for (window, "knee-pain"));
  summary = soothe_diary_chart_get_summary (SOOTHE_DIARY_CHART (chart));
  g_signal_connect (chart, "notify::selected", G_CALLBACK (count_cb), &notified);
  gtk_widget_grab_focus (chart);
  g_assert_true (gtk_widget_is_focus (chart));

  for (guint i = 0; i < G_N_ELEMENTS (presses); i++)
    {
      g_autofree char *expected = day_text (f, days, presses[i].selected);
      g_autofree char *shown = NULL;

      g_test_message ("%s", presses[i].key);
      press (chart, presses[i].key);
      g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==,
                        presses[i].selected);
      shown = soothe_diary_chart_describe_selected (SOOTHE_DIARY_CHART (chart));
      g_assert_cmpstr (shown, ==, expected);
      assert_number (chart, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, presses[i].selected);
      assert_property (chart, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, expected);
      /* GTK 4.8 gives AT-SPI no value for a widget of its own: the day
       * chosen is read out as the description. */
      assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
    }
  /* Only real moves notify: Left on the first day and Right on the last do not. */
  g_assert_cmpuint (notified, ==, G_N_ELEMENTS (presses) - 2);

  /* The actions behind the keys. */
  gtk_widget_activate_action (chart, "chart.next-week", NULL);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 26);
  gtk_widget_activate_action (chart, "chart.first-day", NULL);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 0);
  gtk_widget_activate_action (chart, "chart.next-day", NULL);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 1);
  gtk_widget_activate_action (chart, "chart.last-day", NULL);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 27);
  gtk_widget_activate_action (chart, "chart.previous-week", NULL);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 20);

  /* Leaving the chart, it is described by its summary again. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  /* A day chosen from outside is not read out. */
  soothe_diary_chart_set_selected (SOOTHE_DIARY_CHART (chart), 3);
  assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  {
    g_autofree char *third = day_text (f, days, 3);
    assert_property (chart, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, third);
  }
  /* Past the end is the last day. */
  soothe_diary_chart_set_selected (SOOTHE_DIARY_CHART (chart), 100);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 27);

  close_window (window);
}

/* Heel pain's advice says to see a doctor after two weeks. */
static void
test_notice_lasting (Fixture       *f,
                     gconstpointer  data)
{
  SootheSituation *heel = soothe_content_lookup_situation (f->content, "heel-pain");
  SootheDiaryWindow *window;

  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (heel), ==, 14);
  for (int i = 13; i >= 0; i--)
    log_pain (f, "heel-pain", 3, i);

  window = open_window (f);
  g_assert_null (find_notice (window, "heel-pain"));

  /* A fifteenth day, logged while the window is open. */
  log_pain (f, "heel-pain", 3, 14);
  test_settle_window (GTK_WIDGET (window));
  assert_notice (f, window, "heel-pain", SOOTHE_DIARY_ADVICE_LASTING);
  assert_shows (find_notice (window, "heel-pain"), "You have logged this pain for 15 days.");

  close_window (window);
}

static void
test_notice_severe (Fixture       *f,
                    gconstpointer  data)
{
  SootheDiaryWindow *window;

  log_pain (f, "knee-pain", 3, 4);
  log_pain (f, "lower-back-pain", 2, 1);
  log_pain (f, "knee-pain", 8, 0);

  window = open_window (f);
  assert_notice (f, window, "knee-pain", SOOTHE_DIARY_ADVICE_SEVERE);
  assert_shows (find_notice (window, "knee-pain"), "You logged a pain of 8 out of 10.");
  g_assert_null (find_notice (window, "lower-back-pain"));

  /* Changed to a 5, the notice goes. */
  log_pain (f, "knee-pain", 5, 0);
  test_settle_window (GTK_WIDGET (window));
  g_assert_null (find_notice (window, "knee-pain"));

  close_window (window);
}

static void
test_notice_rising (Fixture       *f,
                    gconstpointer  data)
{
  SootheDiaryWindow *window;

  log_pain (f, "knee-pain", 2, 3);
  log_pain (f, "knee-pain", 3, 2);
  log_pain (f, "knee-pain", 4, 1);
  log_pain (f, "knee-pain", 6, 0);

  window = open_window (f);
  assert_notice (f, window, "knee-pain", SOOTHE_DIARY_ADVICE_RISING);

  close_window (window);
}

static void
test_empty_then_first_entry (Fixture       *f,
                             gconstpointer  data)
{
  const char * const knee[] = { "knee-pain", NULL };
  const char * const both[] = { "heel-pain", "knee-pain", NULL };
  SootheDiaryWindow *window = open_window (f);
  GtkWidget *title;
  GtkWidget *chart;

  g_assert_cmpstr (visible_page (window), ==, "empty");
  title = find_label (GTK_WIDGET (window), "Nothing Logged Yet");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  assert_shows (GTK_WIDGET (window),
                "Open any advice page and say how it is today. Your days appear here.");
  g_assert_null (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_DIARY_CHART));

  /* Logged from the main window while this one is open. */
  log_pain (f, "knee-pain", 4, 0);
  test_settle_window (GTK_WIDGET (window));
  g_assert_cmpstr (visible_page (window), ==, "days");
  assert_section_ids (window, knee);
  g_assert_false (gtk_widget_get_mapped (title));

  /* Another situation comes first; the chart in use keeps the focus and its day. */
  chart = GTK_WIDGET (chart_for (window, "knee-pain"));
  gtk_widget_grab_focus (chart);
  soothe_diary_chart_set_selected (SOOTHE_DIARY_CHART (chart), 12);
  log_pain (f, "heel-pain", 2, 0);
  test_settle_window (GTK_WIDGET (window));
  assert_section_ids (window, both);
  chart = GTK_WIDGET (chart_for (window, "knee-pain"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == chart);
  g_assert_cmpuint (soothe_diary_chart_get_selected (SOOTHE_DIARY_CHART (chart)), ==, 12);

  close_window (window);
}

/* The chart is measured in lines of text: it grows with the text size. */
static void
test_grows_with_text (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GtkCssProvider) bigger = gtk_css_provider_new ();
  SootheDiaryWindow *window;
  GtkWidget *chart;
  int normal, large, width, allocated;

  log_pain (f, "knee-pain", 4, 0);
  window = open_window (f);
  chart = GTK_WIDGET (chart_for (window, "knee-pain"));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, NULL, &normal, NULL, NULL);
  gtk_widget_measure (chart, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  g_assert_cmpint (normal, >, 150);
  g_assert_cmpint (width, >, 400);
  allocated = gtk_widget_get_height (chart);

  /* As Soothe's text size does it. */
  gtk_css_provider_load_from_data (bigger, ".soothe-diary-page { font-size: 1.5em; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (bigger),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  test_settle_window (GTK_WIDGET (window));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, NULL, &large, NULL, NULL);
  g_test_message ("%d px, then %d px", normal, large);
  g_assert_cmpfloat ((double) large / normal, >, 1.35);
  g_assert_cmpfloat ((double) large / normal, <, 1.65);
  /* And it is given that room, not squeezed. */
  g_assert_cmpfloat ((double) gtk_widget_get_height (chart) / allocated, >, 1.35);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (bigger));
  close_window (window);
}

/* How many pixels the chart draws, and how light they are on average, each
 * weighed by its coverage. */
static guint
measure_drawing (GtkWidget *chart,
                 double    *luminance)
{
  g_autoptr(GdkTexture) texture = test_render_widget (chart);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  double sum = 0, weight = 0;
  guint drawn = 0;

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    {
      /* CAIRO_FORMAT_ARGB32, premultiplied, native endian */
      guint32 pixel = ((guint32 *) data)[i];
      double alpha = (pixel >> 24) / 255.0;

      if (alpha == 0)
        continue;
      drawn++;
      sum += (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) +
              0.0722 * (pixel & 0xff)) / 255;
      weight += alpha;
    }
  *luminance = weight > 0 ? sum / weight : 0;
  return drawn;
}

/* The chart has no background of its own: what it draws is dark on a light
 * page and light on a dark one, as the theme's colours are. */
static void
test_light_and_dark (Fixture       *f,
                     gconstpointer  data)
{
  SootheDiaryWindow *window;
  GtkWidget *chart;
  double light, dark;

  for (int i = 27; i >= 0; i--)
    {
      log_pain (f, "knee-pain", (guint) (i % 9), i);
      if (i % 3 == 0)
        log_therapy (f, "knee-pain", 10, i);
    }
  window = open_window (f);
  chart = GTK_WIDGET (chart_for (window, "knee-pain"));

  g_assert_cmpuint (measure_drawing (chart, &light), >, 1000);
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  test_settle_window (GTK_WIDGET (window));
  g_assert_cmpuint (measure_drawing (chart, &dark), >, 1000);
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  test_settle_window (GTK_WIDGET (window));

  g_test_message ("light page: %.2f, dark page: %.2f", light, dark);
  g_assert_cmpfloat (light, <, 0.45);
  g_assert_cmpfloat (dark, >, light + 0.25);

  close_window (window);
}

typedef struct {
  int   width, height;  /* the window's */
  guint n;
} FrameShadows;

/* Counts the inset shadows the size of the window. */
static void
count_frame_shadow (GskRenderNode         *node,
                    const graphene_rect_t *clip,
                    gboolean               rounded,
                    gpointer               data)
{
  FrameShadows *shadows = data;
  graphene_rect_t bounds;

  if (gsk_render_node_get_node_type (node) != GSK_INSET_SHADOW_NODE)
    return;
  gsk_render_node_get_bounds (node, &bounds);
  if (bounds.size.width >= shadows->width - 2 && bounds.size.height >= shadows->height - 2)
    shadows->n++;
}

/* The window's drawing, and how many frame shadows it has. */
static GskRenderNode *
snapshot_window (GtkWidget *window,
                 guint     *n_frame_shadows)
{
  GskRenderNode *node = test_snapshot_widget (window);
  FrameShadows shadows = { gtk_widget_get_width (window), gtk_widget_get_height (window), 0 };

  test_visit_nodes (node, NULL, FALSE, count_frame_shadow, &shadows);
  *n_frame_shadows = shadows.n;
  return node;
}

/* The biggest difference in any colour channel between @a and @b, over the
 * 5 px around the edge where the frame is drawn. */
static guint
frame_difference (GdkTexture *a,
                  GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  g_autofree guint32 *pa = g_new (guint32, (gsize) width * height);
  g_autofree guint32 *pb = g_new (guint32, (gsize) width * height);
  guint most = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, (guchar *) pa, (gsize) width * 4);
  gdk_texture_download (b, (guchar *) pb, (gsize) width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (x >= 5 && x < width - 5 && y >= 5 && y < height - 5)
          continue;
        for (int shift = 0; shift < 32; shift += 8)
          {
            int ca = (pa[y * width + x] >> shift) & 0xff;
            int cb = (pb[y * width + x] >> shift) & 0xff;
            most = MAX (most, (guint) ABS (ca - cb));
          }
      }
  return most;
}

/* Without a compositor GTK gives a window a frame (.solid-csd) that its
 * theme draws as three inset shadows over the whole window, slow in software
 * OpenGL; style.css draws the same frame from fills. Same pixels, light and
 * dark, without the shadows, through the window's renderer and through
 * GTK's cairo renderer (the one without GL), whichever this run uses. */
static void
test_frame_as_the_theme_draws_it (Fixture       *f,
                                  gconstpointer  data)
{
  SootheDiaryWindow *window = open_window (f);
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GskRenderer) cairo = gsk_cairo_renderer_new ();
  GskRenderer *renderers[] = { NULL, cairo };
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_has_css_class (widget, "solid-csd") ||
      (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_BACKDROP) != 0)
    {
      g_test_skip ("the window has no solid frame here, or is not focused");
      close_window (window);
      return;
    }
  g_assert_true (gsk_renderer_realize (cairo, NULL, &error));
  g_assert_no_error (error);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GskRenderNode) ours = NULL;
      g_autoptr(GskRenderNode) theme = NULL;
      guint n_ours, n_theme;

      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      test_settle_window (widget);
      ours = snapshot_window (widget, &n_ours);

      gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                     GTK_STYLE_PROVIDER (soothe_css));
      test_settle_window (widget);
      theme = snapshot_window (widget, &n_theme);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (soothe_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_assert_cmpuint (n_theme, >, 0);
      g_assert_cmpuint (n_ours, ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (renderers); i++)
        {
          g_autoptr(GdkTexture) ours_pixels = test_render_node (widget, renderers[i], ours);
          g_autoptr(GdkTexture) theme_pixels = test_render_node (widget, renderers[i], theme);
          guint difference = frame_difference (ours_pixels, theme_pixels);

          g_test_message ("%s, %s: frame shadows %u, the theme's %u; frame pixels differ by %u at most",
                          dark ? "dark" : "light",
                          renderers[i] == NULL ? "the window's renderer" : "cairo",
                          n_ours, n_theme, difference);
          g_assert_cmpuint (difference, <=, 2);
        }
    }
  gsk_renderer_unrealize (cairo);
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  test_settle_window (widget);
  close_window (window);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_keys_close (Fixture       *f,
                 gconstpointer  data)
{
  const char * const keys[] = { "Escape", "<Control>w" };

  log_pain (f, "knee-pain", 4, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      SootheDiaryWindow *window = soothe_diary_window_new (NULL, f->content, f->history, f->clock);

      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      gtk_window_present (GTK_WINDOW (window));
      test_wait_until (test_widget_is_mapped, window);
      press (GTK_WIDGET (window), keys[i]);
      test_wait_until (is_gone, &window);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any GDateTime: local days and midnights are London's. */
  g_setenv ("TZ", "Europe/London", TRUE);
  /* The expected texts are the untranslated ones, in the default theme. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("GTK_THEME");
  /* GTK's test backend keeps the accessible properties where the test can
   * read them, and talks to no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
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
  /* Soothe's own style, as the application loads it. */
  soothe_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (soothe_css, "/io/github/soothe/Soothe/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (soothe_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add ("/soothe/diary-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sections-in-order", test_sections_in_order);
  ADD ("keys-move-between-days", test_keys_move_between_days);
  ADD ("notice-lasting", test_notice_lasting);
  ADD ("notice-severe", test_notice_severe);
  ADD ("notice-rising", test_notice_rising);
  ADD ("empty-then-first-entry", test_empty_then_first_entry);
  ADD ("grows-with-text", test_grows_with_text);
  ADD ("light-and-dark", test_light_and_dark);
  ADD ("frame-as-the-theme-draws-it", test_frame_as_the_theme_draws_it);
  ADD ("keys-close", test_keys_close);

  status = g_test_run ();
  g_clear_object (&soothe_css);
  return status;
}
