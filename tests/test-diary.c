/* test-diary.c: pain entries day by day, the see-someone rules and the CSV
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "soothe-diary.h"
#include "soothe-fake-clock.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

typedef struct {
  char          *directory;
  char          *path;
  SootheHistory *history;
  SootheContent *content;
  SootheClock   *clock;
} Fixture;

/* Wall µs of a local time; the tests run in Europe/London. */
static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * SECOND;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("soothe-diary-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->directory, "history.jsonl", NULL);
  f->history = soothe_history_new (f->path);
  f->content = soothe_content_new_builtin_for (english);
  f->clock = soothe_fake_clock_new (local_time (2026, 11, 9, 10, 0));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->directory, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->directory);

  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->content);
  g_assert_finalize_object (f->clock);
  g_free (f->path);
  g_free (f->directory);
}

static SootheSituation *
situation (Fixture    *f,
           const char *id)
{
  SootheSituation *found = soothe_content_lookup_situation (f->content, id);

  g_assert_nonnull (found);
  return found;
}

static gint64
now (Fixture *f)
{
  return soothe_clock_get_now (f->clock);
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
          const char *note)
{
  SootheHistoryEvent event = {
    .time = now (f),
    .kind = SOOTHE_HISTORY_PAIN_LOGGED,
    .situation = id,
    .level = level,
    .note = note,
  };

  append (f, &event);
}

static void
log_therapy (Fixture    *f,
             const char *id,
             guint       minutes)
{
  SootheHistoryEvent event = {
    .time = now (f),
    .kind = SOOTHE_HISTORY_THERAPY_COMPLETED,
    .therapy = SOOTHE_THERAPY_COLD,
    .minutes = minutes,
    .situation = id,
  };

  append (f, &event);
}

static void
log_stretch (Fixture    *f,
             const char *stretch)
{
  SootheHistoryEvent event = {
    .time = now (f),
    .kind = SOOTHE_HISTORY_STRETCH_DONE,
    .stretch = stretch,
  };

  append (f, &event);
}

/* Logs @levels on days in a row, at 9:00, ending on the fake clock's day;
 * -1 skips a day. */
static void
log_days (Fixture    *f,
          const char *id,
          const int  *levels,
          guint       n_levels)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (now (f) / SECOND);

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (end, (int) i - (int) (n_levels - 1));

      soothe_fake_clock_set_now (f->clock, local_time (g_date_time_get_year (day),
                                                       g_date_time_get_month (day),
                                                       g_date_time_get_day_of_month (day),
                                                       9, 0));
      if (levels[i] >= 0)
        log_pain (f, id, levels[i], NULL);
    }
}

static const SootheDiaryDay *
day_at (GArray *days,
        guint   i)
{
  g_assert_cmpuint (i, <, days->len);
  return &g_array_index (days, SootheDiaryDay, i);
}

static void
assert_date (const SootheDiaryDay *day,
             int                   year,
             int                   month,
             int                   dom)
{
  g_assert_true (g_date_valid (&day->date));
  g_assert_cmpint (g_date_get_year (&day->date), ==, year);
  g_assert_cmpint (g_date_get_month (&day->date), ==, month);
  g_assert_cmpint (g_date_get_day (&day->date), ==, dom);
}

static void
test_days_over_four_weeks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;

  /* 9 November: a 6, then changed to a 5 in the evening. */
  log_pain (f, "knee-pain", 6, NULL);
  soothe_fake_clock_advance (f->clock, 9 * HOUR);
  log_pain (f, "knee-pain", 5, "after the walk");
  /* Another situation on the same day does not count here. */
  log_pain (f, "heel-pain", 9, NULL);
  log_therapy (f, "knee-pain", 15);
  log_therapy (f, "heel-pain", 20);
  log_therapy (f, NULL, 10);
  log_stretch (f, "knee-bends");
  log_stretch (f, "knee-bends");
  log_stretch (f, "plantar-fascia-stretch");

  /* Nothing for three weeks, then 4 on 6 December. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 12, 6, 8, 30));
  log_pain (f, "knee-pain", 4, NULL);
  soothe_fake_clock_set_now (f->clock, local_time (2026, 12, 6, 21, 0));

  days = soothe_diary_get_days (f->history, situation (f, "knee-pain"), now (f), 28);
  g_assert_cmpuint (days->len, ==, 28);
  assert_date (day_at (days, 0), 2026, 11, 9);
  g_assert_cmpint (day_at (days, 0)->pain, ==, 5);
  g_assert_cmpstr (day_at (days, 0)->note, ==, "after the walk");
  g_assert_cmpuint (day_at (days, 0)->therapy_minutes, ==, 15);
  g_assert_cmpuint (day_at (days, 0)->stretches, ==, 2);
  for (guint i = 1; i < 27; i++)
    {
      g_assert_cmpint (day_at (days, i)->pain, ==, SOOTHE_DIARY_NO_PAIN);
      g_assert_null (day_at (days, i)->note);
      g_assert_cmpuint (day_at (days, i)->therapy_minutes, ==, 0);
      g_assert_cmpuint (day_at (days, i)->stretches, ==, 0);
      g_assert_cmpuint (g_date_get_julian (&day_at (days, i)->date), ==,
                        g_date_get_julian (&day_at (days, i - 1)->date) + 1);
    }
  assert_date (day_at (days, 27), 2026, 12, 6);
  g_assert_cmpint (day_at (days, 27)->pain, ==, 4);
  g_assert_null (day_at (days, 27)->note);

  /* A day later, 9 November is out of the four weeks. */
  g_clear_pointer (&days, g_array_unref);
  soothe_fake_clock_advance (f->clock, DAY);
  days = soothe_diary_get_days (f->history, situation (f, "knee-pain"), now (f), 28);
  assert_date (day_at (days, 0), 2026, 11, 10);
  g_assert_cmpint (day_at (days, 26)->pain, ==, 4);
  g_assert_cmpint (day_at (days, 27)->pain, ==, SOOTHE_DIARY_NO_PAIN);
}

static void
test_day_across_dst (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;

  /* London's clocks go forward at 1:00 on 29 March 2026: a 23-hour day. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 3, 28, 23, 59));
  log_pain (f, "knee-pain", 3, NULL);
  soothe_fake_clock_set_now (f->clock, local_time (2026, 3, 29, 0, 30));
  log_pain (f, "knee-pain", 7, NULL);
  soothe_fake_clock_set_now (f->clock, local_time (2026, 3, 29, 23, 30));
  log_pain (f, "knee-pain", 6, NULL);
  soothe_fake_clock_advance (f->clock, 45 * MINUTE);
  log_pain (f, "knee-pain", 2, NULL);

  /* And back at 2:00 on 25 October: a 25-hour day. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 10, 25, 0, 30));
  log_pain (f, "knee-pain", 4, NULL);
  soothe_fake_clock_advance (f->clock, 24 * HOUR);
  log_pain (f, "knee-pain", 5, NULL);
  soothe_fake_clock_advance (f->clock, HOUR);
  log_pain (f, "knee-pain", 1, NULL);

  days = soothe_diary_get_days (f->history, situation (f, "knee-pain"),
                                local_time (2026, 3, 30, 12, 0), 3);
  assert_date (day_at (days, 0), 2026, 3, 28);
  g_assert_cmpint (day_at (days, 0)->pain, ==, 3);
  assert_date (day_at (days, 1), 2026, 3, 29);
  g_assert_cmpint (day_at (days, 1)->pain, ==, 6);
  assert_date (day_at (days, 2), 2026, 3, 30);
  g_assert_cmpint (day_at (days, 2)->pain, ==, 2);

  g_clear_pointer (&days, g_array_unref);
  days = soothe_diary_get_days (f->history, situation (f, "knee-pain"),
                                local_time (2026, 10, 26, 0, 15), 2);
  assert_date (day_at (days, 0), 2026, 10, 25);
  g_assert_cmpint (day_at (days, 0)->pain, ==, 5);
  assert_date (day_at (days, 1), 2026, 10, 26);
  g_assert_cmpint (day_at (days, 1)->pain, ==, 1);
}

static void
test_entry_today (Fixture       *f,
                  gconstpointer  data)
{
  const char *note = NULL;
  guint level = 99;

  g_assert_false (soothe_diary_get_entry (f->history, "knee-pain", now (f), &level, &note));
  log_pain (f, "knee-pain", 6, "stairs");
  soothe_fake_clock_advance (f->clock, HOUR);
  log_pain (f, "knee-pain", 3, NULL);

  g_assert_true (soothe_diary_get_entry (f->history, "knee-pain", now (f), &level, &note));
  g_assert_cmpuint (level, ==, 3);
  g_assert_null (note);
  g_assert_false (soothe_diary_get_entry (f->history, "heel-pain", now (f), NULL, NULL));
  g_assert_false (soothe_diary_get_entry (f->history, "knee-pain", now (f) + DAY, NULL, NULL));
}

static void
assert_advice (Fixture               *f,
               const char            *id,
               SootheDiaryAdviceKind  kind)
{
  SootheDiaryAdvice advice;

  soothe_diary_check (f->history, situation (f, id), now (f), &advice);
  g_assert_cmpint (advice.kind, ==, kind);
}

static void
test_check_lasting (Fixture       *f,
                    gconstpointer  data)
{
  /* Heel pain: see a GP when it is not better within two weeks. */
  static const int fourteen[] = { 5, 5, 4, 5, -1, 5, 4, 4, 5, 4, 4, 4, 3, 4 };
  SootheDiaryAdvice advice;
  g_autofree char *text = NULL;

  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (situation (f, "heel-pain")), ==,
                    14);
  log_days (f, "heel-pain", fourteen, G_N_ELEMENTS (fourteen));
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_NONE);

  soothe_fake_clock_advance (f->clock, DAY);
  log_pain (f, "heel-pain", 4, NULL);
  soothe_diary_check (f->history, situation (f, "heel-pain"), now (f), &advice);
  g_assert_cmpint (advice.kind, ==, SOOTHE_DIARY_ADVICE_LASTING);
  g_assert_cmpuint (advice.days, ==, 15);
  g_assert_cmpuint (advice.limit, ==, 14);
  text = soothe_diary_describe_advice (&advice);
  g_assert_cmpstr (text, ==, "You have logged this pain for 15 days. The advice is to contact "
                             "your doctor when it lasts longer than two weeks.");

  /* It still applies for a week without entries, then the bout is over. */
  soothe_fake_clock_advance (f->clock, 7 * DAY);
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_LASTING);
  soothe_fake_clock_advance (f->clock, DAY);
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_NONE);

  /* Ten days later it is back: a new bout, counted from today. */
  soothe_fake_clock_advance (f->clock, 2 * DAY);
  log_pain (f, "heel-pain", 4, NULL);
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_NONE);

  /* Other situations are their own. */
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);
}

static void
test_check_lasting_ends_at_zero (Fixture       *f,
                                 gconstpointer  data)
{
  static const int levels[] = { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  static const int better[] = { 0, 2 };

  log_days (f, "heel-pain", levels, G_N_ELEMENTS (levels));
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_LASTING);

  /* A day without pain ends the bout; pain coming back starts a new one. */
  soothe_fake_clock_advance (f->clock, DAY);
  log_days (f, "heel-pain", better, 1);
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_NONE);
  soothe_fake_clock_advance (f->clock, DAY);
  log_pain (f, "heel-pain", 2, NULL);
  assert_advice (f, "heel-pain", SOOTHE_DIARY_ADVICE_NONE);
}

static void
test_check_rising (Fixture       *f,
                   gconstpointer  data)
{
  static const int three_rises[] = { 2, 3, 5, 6 };
  static const int two_rises[] = { 2, 3, 5 };
  static const int flat[] = { 2, 3, 3, 6 };
  static const int gap[] = { 2, 3, -1, 5, 6 };
  g_autofree char *text = NULL;
  SootheDiaryAdvice advice;

  log_days (f, "knee-pain", two_rises, G_N_ELEMENTS (two_rises));
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);

  soothe_fake_clock_advance (f->clock, 10 * DAY);
  log_days (f, "knee-pain", three_rises, G_N_ELEMENTS (three_rises));
  soothe_diary_check (f->history, situation (f, "knee-pain"), now (f), &advice);
  g_assert_cmpint (advice.kind, ==, SOOTHE_DIARY_ADVICE_RISING);
  text = soothe_diary_describe_advice (&advice);
  g_assert_nonnull (strstr (text, "three days in a row"));

  /* Still true tomorrow; not the day after. */
  soothe_fake_clock_advance (f->clock, DAY);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_RISING);
  soothe_fake_clock_advance (f->clock, DAY);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);

  soothe_fake_clock_advance (f->clock, 10 * DAY);
  log_days (f, "knee-pain", flat, G_N_ELEMENTS (flat));
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);

  soothe_fake_clock_advance (f->clock, 10 * DAY);
  log_days (f, "knee-pain", gap, G_N_ELEMENTS (gap));
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);
}

static void
test_check_severe (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  SootheDiaryAdvice advice;

  log_pain (f, "knee-pain", 7, NULL);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);
  log_pain (f, "knee-pain", 8, NULL);
  soothe_diary_check (f->history, situation (f, "knee-pain"), now (f), &advice);
  g_assert_cmpint (advice.kind, ==, SOOTHE_DIARY_ADVICE_SEVERE);
  g_assert_cmpuint (advice.level, ==, 8);
  text = soothe_diary_describe_advice (&advice);
  g_assert_nonnull (strstr (text, "8 out of 10"));

  soothe_fake_clock_advance (f->clock, DAY);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_SEVERE);
  soothe_fake_clock_advance (f->clock, DAY);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);

  /* Changing today's entry to a lower one takes it back. */
  log_pain (f, "knee-pain", 10, NULL);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_SEVERE);
  log_pain (f, "knee-pain", 5, NULL);
  assert_advice (f, "knee-pain", SOOTHE_DIARY_ADVICE_NONE);
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  static const int last_week[] = { 6, 6, 7, 6, -1, 6, 6 };
  static const int this_week[] = { 5, 5, 5, 6, -1, -1, 4 };
  g_autoptr(GArray) days = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *empty = NULL;

  /* Sunday 6 December 2026 is the last day. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 11, 29, 9, 0));
  log_days (f, "knee-pain", last_week, G_N_ELEMENTS (last_week));
  soothe_fake_clock_set_now (f->clock, local_time (2026, 12, 6, 9, 0));
  log_days (f, "knee-pain", this_week, G_N_ELEMENTS (this_week));
  log_therapy (f, "knee-pain", 15);
  log_stretch (f, "knee-bends");
  log_pain (f, "knee-pain", 4, "after the walk");

  days = soothe_diary_get_days (f->history, situation (f, "knee-pain"), now (f), 28);
  text = soothe_diary_describe_days (situation (f, "knee-pain"), days);
  g_assert_cmpstr (text, ==, "Knee pain: 6 on Thursday, 4 today, lower than last week. "
                             "15 minutes of therapy and 1 stretch in 28 days.");

  day = soothe_diary_describe_day (day_at (days, 27), now (f));
  g_assert_cmpstr (day, ==, "Today, Sunday 6 December: pain 4 of 10, “after the walk”. "
                            "15 minutes of therapy. 1 stretch done.");
  g_clear_pointer (&day, g_free);
  day = soothe_diary_describe_day (day_at (days, 26), now (f));
  g_assert_cmpstr (day, ==, "Saturday 5 December: no pain logged.");

  g_clear_pointer (&days, g_array_unref);
  days = soothe_diary_get_days (f->history, situation (f, "heel-pain"), now (f), 28);
  empty = soothe_diary_describe_days (situation (f, "heel-pain"), days);
  g_assert_cmpstr (empty, ==, "Heel pain, worst in the morning: no pain logged in the last "
                              "28 days.");
}

static void
test_list_situations (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;

  log_pain (f, "knee-pain", 3, NULL);
  log_therapy (f, "shin-pain", 10);
  log_pain (f, "heel-pain", 3, NULL);
  log_pain (f, "knee-pain", 2, NULL);

  ids = soothe_diary_list_situations (f->history);
  g_assert_cmpstrv (ids, ((const char * const[]) { "knee-pain", "heel-pain", NULL }));
}

static void
test_csv_exact (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *path = g_build_filename (f->directory, "diary.csv", NULL);
  g_autoptr(GError) error = NULL;

  log_pain (f, "knee-pain", 6, "stairs, then \"the\" hill");
  log_therapy (f, "knee-pain", 15);
  log_stretch (f, "knee-bends");
  log_stretch (f, "neck-tilt");
  log_therapy (f, NULL, 10);
  log_pain (f, "heel-pain", 2, "=HYPERLINK(\"http://example.com\")");

  soothe_fake_clock_advance (f->clock, DAY);
  log_pain (f, "knee-pain", 5, "first line\nsecond line");
  log_pain (f, "heel-pain", 3, "+1");
  log_pain (f, "lower-back-pain", 4, "-2 after a rest");
  log_pain (f, "shin-pain", 0, "@SUM(A1)");
  log_pain (f, "leg-strain", 1, "  =1+1");
  log_pain (f, "pain-walking", 2, "\tTab");

  csv = soothe_diary_to_csv (f->history, f->content);
  g_assert_cmpstr (csv, ==,
                   "date,situation,pain,note,therapy_minutes,stretches\r\n"
                   "2026-11-09,heel-pain,2,\"'=HYPERLINK(\"\"http://example.com\"\")\",0,0\r\n"
                   "2026-11-09,knee-pain,6,\"stairs, then \"\"the\"\" hill\",15,1\r\n"
                   "2026-11-09,,,,10,1\r\n"
                   "2026-11-10,heel-pain,3,\"'+1\",0,0\r\n"
                   "2026-11-10,knee-pain,5,\"first line\nsecond line\",0,0\r\n"
                   "2026-11-10,leg-strain,1,\"'  =1+1\",0,0\r\n"
                   "2026-11-10,lower-back-pain,4,\"'-2 after a rest\",0,0\r\n"
                   "2026-11-10,pain-walking,2,\"'\tTab\",0,0\r\n"
                   "2026-11-10,shin-pain,0,\"'@SUM(A1)\",0,0\r\n");

  g_assert_true (soothe_diary_export_csv (f->history, f->content, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &read_back, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, csv);
}

static void
test_csv_unwritable (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->directory, "folder.csv", NULL);
  g_autoptr(GError) error = NULL;

  log_pain (f, "knee-pain", 6, NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (soothe_diary_export_csv (f->history, f->content, folder, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_rmdir (folder);

  g_clear_error (&error);
  g_assert_false (soothe_diary_export_csv (f->history, f->content, "/proc/soothe/diary.csv",
                                           &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/proc/soothe/diary.csv"));
}

static void
test_old_history (Fixture       *f,
                  gconstpointer  data)
{
  /* Lines written before pain entries, and damaged pain lines. */
  static const char lines[] =
    "{\"time\":1767606300000000,\"kind\":\"stretch-done\",\"stretch\":\"neck-tilt\"}\n"
    "{\"time\":1767609120000000,\"kind\":\"therapy-completed\",\"therapy\":\"cold\",\"minutes\":15}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"level\":4}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"situation\":\"knee-pain\",\"level\":11}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"situation\":\"knee-pain\",\"level\":\"4\"}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"situation\":\"Knee Pain\",\"level\":4}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"situation\":\"knee-pain\",\"level\":4,\"note\":7}\n"
    "{\"time\":1767609840000000,\"kind\":\"pain-logged\",\"situation\":\"knee-pain\",\"level\":4,\"note\":\"bell \\u0007\"}\n"
    "{\"time\":1767614400000000,\"kind\":\"pain-logged\",\"situation\":\"knee-pain\",\"level\":3,\"note\":\"stairs\"}\n"
    "{\"time\":1767618000000000,\"kind\":\"therapy-completed\",\"therapy\":\"heat\",\"minutes\":20,\"situation\":\"knee-pain\"}\n";
  g_autoptr(GError) error = NULL;
  const char * const *problems;
  const SootheHistoryEvent *event;

  g_file_set_contents (f->path, lines, -1, &error);
  g_assert_no_error (error);
  g_assert_true (soothe_history_load (f->history, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 4);
  event = soothe_history_get_event (f->history, 1);
  g_assert_null (event->situation);
  g_assert_cmpuint (event->minutes, ==, 15);
  event = soothe_history_get_event (f->history, 2);
  g_assert_cmpint (event->kind, ==, SOOTHE_HISTORY_PAIN_LOGGED);
  g_assert_cmpstr (event->situation, ==, "knee-pain");
  g_assert_cmpuint (event->level, ==, 3);
  g_assert_cmpstr (event->note, ==, "stairs");
  event = soothe_history_get_event (f->history, 3);
  g_assert_cmpstr (event->situation, ==, "knee-pain");

  problems = soothe_history_get_problems (f->history);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 6);
  g_assert_true (g_str_has_suffix (problems[0], ":3: $.situation: missing member"));
  g_assert_nonnull (strstr (problems[1], ":4: $.level"));
  g_assert_nonnull (strstr (problems[2], ":5: $.level"));
  g_assert_nonnull (strstr (problems[3], ":6: $.situation"));
  g_assert_nonnull (strstr (problems[4], ":7: $.note"));
  g_assert_nonnull (strstr (problems[5], ":8: $.note"));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SootheHistory) again = NULL;
  g_autoptr(GError) error = NULL;
  const SootheHistoryEvent *event;

  log_pain (f, "knee-pain", 0, "line one\nline “two”, with a comma");
  log_pain (f, "knee-pain", 10, "");
  log_therapy (f, "knee-pain", 20);

  again = soothe_history_new (f->path);
  g_assert_true (soothe_history_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (soothe_history_get_n_events (again), ==, 3);
  event = soothe_history_get_event (again, 0);
  g_assert_cmpuint (event->level, ==, 0);
  g_assert_cmpstr (event->note, ==, "line one\nline “two”, with a comma");
  event = soothe_history_get_event (again, 1);
  g_assert_cmpuint (event->level, ==, 10);
  g_assert_null (event->note);
  g_assert_null (soothe_history_get_event (f->history, 1)->note);
  event = soothe_history_get_event (again, 2);
  g_assert_cmpstr (event->situation, ==, "knee-pain");
  g_assert_cmpuint (event->minutes, ==, 20);
}

static void
test_note_rules (void)
{
  g_autofree char *long_note = g_strnfill (SOOTHE_HISTORY_MAX_NOTE + 1, 'a');
  g_autoptr(GError) error = NULL;

  g_assert_true (soothe_history_check_note ("", NULL));
  g_assert_true (soothe_history_check_note ("two\nlines\tand a tab, “quotes” 😀", NULL));
  long_note[SOOTHE_HISTORY_MAX_NOTE] = '\0';
  g_assert_true (soothe_history_check_note (long_note, NULL));
  long_note[SOOTHE_HISTORY_MAX_NOTE] = 'a';

  g_assert_false (soothe_history_check_note (long_note, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "281"));
  g_clear_error (&error);
  g_assert_false (soothe_history_check_note ("caf\xc3", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  g_assert_false (soothe_history_check_note ("a\rb", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (soothe_history_check_note ("esc \x1b[31m", NULL));
}

static void
test_parse_level (void)
{
  static const char * const good[] = { "0", "10", " 7 ", "04" };
  static const guint good_levels[] = { 0, 10, 7, 4 };
  static const char * const bad[] = { "", "11", "-1", "abc", "4.5", "+3", "1e1", "0x3", "٣",
                                       "99999999999999999999", "4 5" };
  guint level;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (soothe_diary_parse_level (good[i], &level, NULL));
      g_assert_cmpuint (level, ==, good_levels[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (soothe_diary_parse_level (bad[i], &level, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "0"));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before any GDateTime: local days and midnights are London's. */
  g_setenv ("TZ", "Europe/London", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/soothe/diary/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("days-over-four-weeks", test_days_over_four_weeks);
  ADD ("day-across-dst", test_day_across_dst);
  ADD ("entry-today", test_entry_today);
  ADD ("check-lasting", test_check_lasting);
  ADD ("check-lasting-ends-at-zero", test_check_lasting_ends_at_zero);
  ADD ("check-rising", test_check_rising);
  ADD ("check-severe", test_check_severe);
  ADD ("describe", test_describe);
  ADD ("list-situations", test_list_situations);
  ADD ("csv-exact", test_csv_exact);
  ADD ("csv-unwritable", test_csv_unwritable);
  ADD ("old-history", test_old_history);
  ADD ("round-trip", test_round_trip);
  g_test_add_func ("/soothe/diary/note-rules", test_note_rules);
  g_test_add_func ("/soothe/diary/parse-level", test_parse_level);

  return g_test_run ();
}
