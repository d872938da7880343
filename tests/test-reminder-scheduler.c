/* test-reminder-scheduler.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "soothe-fake-clock.h"
#include "soothe-content.h"
#include "soothe-reminder-scheduler.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)

static SootheContent *content;

typedef struct {
  SootheClock             *clock;
  SootheReminderScheduler *scheduler;
  GString                 *log;      /* "HH:MM id " for each reminder due */
  GString                 *answers;  /* "id:answer " for each answer */
  guint                    n_due;
  guint                    n_changed;
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

static gint64
utc_time (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * SECOND;
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / SECOND);

  return g_date_time_format (time, "%H:%M");
}

/* A Monday in winter, when London keeps UTC. */
#define DAY 2026, 1, 5

static void
reminder_due_cb (SootheReminderScheduler *scheduler,
                 SootheStretch           *stretch,
                 Fixture                 *f)
{
  g_autofree char *time = format_time (soothe_clock_get_now (f->clock));

  g_assert_true (SOOTHE_IS_STRETCH (stretch));
  g_assert_true (soothe_reminder_scheduler_get_pending (scheduler));
  g_assert_true (soothe_reminder_scheduler_get_pending_stretch (scheduler) == stretch);
  g_assert_cmpint (soothe_reminder_scheduler_get_next_deadline (scheduler), ==, G_MAXINT64);
  g_string_append_printf (f->log, "%s %s ", time, soothe_stretch_get_id (stretch));
  f->n_due++;
}

static void
reminder_answered_cb (SootheReminderScheduler *scheduler,
                      SootheStretch           *stretch,
                      SootheReminderAnswer     answer,
                      Fixture                 *f)
{
  static const char * const names[] = { "done", "snoozed", "skipped" };

  g_assert_false (soothe_reminder_scheduler_get_pending (scheduler));
  g_string_append_printf (f->answers, "%s:%s ", soothe_stretch_get_id (stretch), names[answer]);
}

static void
changed_cb (SootheReminderScheduler *scheduler,
            Fixture                 *f)
{
  f->n_changed++;
}

static void
connect_scheduler (Fixture *f)
{
  g_signal_connect (f->scheduler, "reminder-due", G_CALLBACK (reminder_due_cb), f);
  g_signal_connect (f->scheduler, "reminder-answered", G_CALLBACK (reminder_answered_cb), f);
  g_signal_connect (f->scheduler, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->clock = soothe_fake_clock_new (local_time (DAY, 9, 0));
  f->scheduler = soothe_reminder_scheduler_new (f->clock, content);
  f->log = g_string_new (NULL);
  f->answers = g_string_new (NULL);
  connect_scheduler (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->scheduler);
  g_assert_finalize_object (f->clock);
  g_string_free (f->log, TRUE);
  g_string_free (f->answers, TRUE);
}

/* Moves the clock to @until as the real one would: stopping at every
 * wake-up the scheduler asks for on the way. */
static void
run_until (Fixture *f,
           gint64   until)
{
  for (;;)
    {
      gint64 wakeup = soothe_fake_clock_get_wakeup (f->clock);

      g_assert_cmpint (wakeup, >=, soothe_clock_get_now (f->clock));
      if (wakeup > until)
        break;
      soothe_fake_clock_set_now (f->clock, wakeup);
    }
  soothe_fake_clock_set_now (f->clock, until);
}

static void
assert_next (Fixture *f,
             gint64   expected)
{
  g_assert_cmpint (soothe_reminder_scheduler_get_next_deadline (f->scheduler), ==, expected);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, expected);
}

/* Paused: no reminder ahead, and a wake-up when the pause ends. */
static void
assert_paused (Fixture *f,
               gint64   until)
{
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, until);
  g_assert_cmpint (soothe_reminder_scheduler_get_next_deadline (f->scheduler), ==, G_MAXINT64);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, until);
}

static const char *
pending_id (Fixture *f)
{
  SootheStretch *stretch = soothe_reminder_scheduler_get_pending_stretch (f->scheduler);

  return stretch != NULL ? soothe_stretch_get_id (stretch) : NULL;
}

static const char *
log_text (Fixture *f)
{
  return f->log->str;
}

static void
clear_log (Fixture *f)
{
  g_string_truncate (f->log, 0);
  g_string_truncate (f->answers, 0);
}

/* Done, snooze, done, skip, over and over, each two minutes after it came,
 * from 9:00 to 17:30. */
static void
test_working_day (Fixture       *f,
                  gconstpointer  data)
{
  static const SootheReminderAnswer pattern[] = {
    SOOTHE_REMINDER_DONE, SOOTHE_REMINDER_SNOOZED, SOOTHE_REMINDER_DONE, SOOTHE_REMINDER_SKIPPED,
  };
  gint64 end = local_time (DAY, 17, 30);
  guint n_answered = 0;

  g_assert_false (soothe_reminder_scheduler_get_enabled (f->scheduler));
  g_assert_cmpuint (soothe_reminder_scheduler_get_interval_minutes (f->scheduler), ==, 45);
  assert_next (f, G_MAXINT64);

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  assert_next (f, local_time (DAY, 9, 45));

  for (;;)
    {
      guint n_due = f->n_due;

      run_until (f, MIN (soothe_fake_clock_get_wakeup (f->clock), end));
      if (f->n_due == n_due)
        break;
      soothe_fake_clock_advance (f->clock, 2 * MINUTE);
      switch (pattern[n_answered++ % G_N_ELEMENTS (pattern)])
        {
        case SOOTHE_REMINDER_DONE:
          g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
          break;
        case SOOTHE_REMINDER_SNOOZED:
          g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
          break;
        case SOOTHE_REMINDER_SKIPPED:
        default:
          g_assert_true (soothe_reminder_scheduler_skip (f->scheduler));
          break;
        }
    }

  g_assert_cmpint (soothe_clock_get_now (f->clock), ==, end);
  g_assert_cmpuint (f->n_due, ==, 13);
  /* No situation: every stretch in the content's order, a snoozed one again. */
  g_assert_cmpstr (log_text (f), ==,
                   "09:45 cat-cow "
                   "10:32 childs-pose "
                   "10:44 childs-pose "
                   "11:31 seated-thoracic-extension "
                   "12:18 doorway-chest-stretch "
                   "13:05 shoulder-rolls "
                   "13:17 shoulder-rolls "
                   "14:04 cross-body-shoulder-stretch "
                   "14:51 shoulder-blade-squeeze "
                   "15:38 hands-knees-back-stretch "
                   "15:50 hands-knees-back-stretch "
                   "16:37 shoulder-shrug-hold "
                   "17:24 side-lying-knee-pillow ");
  g_assert_cmpstr (f->answers->str, ==,
                   "cat-cow:done childs-pose:snoozed childs-pose:done "
                   "seated-thoracic-extension:skipped doorway-chest-stretch:done "
                   "shoulder-rolls:snoozed shoulder-rolls:done "
                   "cross-body-shoulder-stretch:skipped shoulder-blade-squeeze:done "
                   "hands-knees-back-stretch:snoozed hands-knees-back-stretch:done "
                   "shoulder-shrug-hold:skipped side-lying-knee-pillow:done ");
  assert_next (f, local_time (DAY, 18, 11));
}

static void
test_snooze (Fixture       *f,
             gconstpointer  data)
{
  SootheStretch *stretch;

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  g_assert_false (soothe_reminder_scheduler_snooze (f->scheduler));
  run_until (f, local_time (DAY, 9, 50));
  g_assert_cmpstr (log_text (f), ==, "09:45 cat-cow ");
  stretch = soothe_reminder_scheduler_get_pending_stretch (f->scheduler);

  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_null (soothe_reminder_scheduler_get_pending_stretch (f->scheduler));
  assert_next (f, local_time (DAY, 10, 0));
  g_assert_false (soothe_reminder_scheduler_snooze (f->scheduler));
  g_assert_cmpstr (f->answers->str, ==, "cat-cow:snoozed ");

  run_until (f, local_time (DAY, 9, 59));
  g_assert_cmpuint (f->n_due, ==, 1);
  run_until (f, local_time (DAY, 10, 0));
  g_assert_cmpstr (log_text (f), ==, "09:45 cat-cow 10:00 cat-cow ");
  g_assert_true (soothe_reminder_scheduler_get_pending_stretch (f->scheduler) == stretch);

  /* Snoozed again and again, it still comes every ten minutes. */
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  run_until (f, local_time (DAY, 10, 10));
  g_assert_cmpuint (f->n_due, ==, 3);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 10, 55));
  run_until (f, local_time (DAY, 10, 55));
  g_assert_cmpstr (log_text (f), ==,
                   "09:45 cat-cow 10:00 cat-cow 10:10 cat-cow 10:55 childs-pose ");
}

static void
test_skip (Fixture       *f,
           gconstpointer  data)
{
  soothe_reminder_scheduler_set_interval_minutes (f->scheduler, 30);
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  g_assert_false (soothe_reminder_scheduler_skip (f->scheduler));
  g_assert_false (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 9, 30));

  run_until (f, local_time (DAY, 9, 40));
  g_assert_true (soothe_reminder_scheduler_skip (f->scheduler));
  g_assert_cmpstr (f->answers->str, ==, "cat-cow:skipped ");
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, local_time (DAY, 10, 10));

  /* A skipped stretch is not offered again; the rotation moves on. */
  run_until (f, local_time (DAY, 10, 10));
  g_assert_cmpstr (log_text (f), ==, "09:30 cat-cow 10:10 childs-pose ");
}

static void
test_no_stacking (Fixture       *f,
                  gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 17, 0));

  /* Unanswered, the one reminder stays the only one. */
  g_assert_cmpstr (log_text (f), ==, "09:45 cat-cow ");
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, G_MAXINT64);

  /* Waking up changes nothing, nor does asking for one now: the same
   * reminder is shown again. */
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpuint (f->n_due, ==, 1);
  g_assert_cmpstr (soothe_stretch_get_id (soothe_reminder_scheduler_fire_now (f->scheduler)), ==,
                   "cat-cow");
  g_assert_cmpstr (log_text (f), ==, "09:45 cat-cow 17:00 cat-cow ");
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));

  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  g_assert_false (soothe_reminder_scheduler_done (f->scheduler));
  g_assert_cmpstr (f->answers->str, ==, "cat-cow:done ");
  assert_next (f, local_time (DAY, 17, 45));
}

static void
test_pause_hour (Fixture       *f,
                 gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 10));

  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  assert_paused (f, local_time (DAY, 10, 10));

  /* Nothing comes while paused; then the wait starts from the pause's end. */
  run_until (f, local_time (DAY, 10, 10));
  g_assert_cmpuint (f->n_due, ==, 0);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  assert_next (f, local_time (DAY, 10, 55));
  run_until (f, local_time (DAY, 10, 55));
  g_assert_cmpstr (log_text (f), ==, "10:55 cat-cow ");

  /* Pausing drops a pending reminder, without an answer. */
  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_cmpstr (f->answers->str, ==, "");

  /* Resuming early starts the wait from then. */
  run_until (f, local_time (DAY, 11, 20));
  soothe_reminder_scheduler_resume (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  assert_next (f, local_time (DAY, 12, 5));

  /* A pause that is already over is none. */
  soothe_reminder_scheduler_set_paused_until (f->scheduler, local_time (DAY, 11, 0));
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  assert_next (f, local_time (DAY, 12, 5));
}

static void
test_pause_until_tomorrow (Fixture       *f,
                           gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 15, 0));
  g_assert_cmpuint (f->n_due, ==, 1);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));

  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  assert_paused (f, local_time (2026, 1, 6, 0, 0));

  /* Across midnight the pause ends, and the day's wait begins. */
  run_until (f, local_time (2026, 1, 6, 0, 45));
  g_assert_cmpstr (log_text (f), ==, "09:45 cat-cow 00:45 childs-pose ");
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);

  /* Asleep through the pause's end: the wait starts from the return. */
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==,
                   local_time (2026, 1, 7, 0, 0));
  soothe_fake_clock_set_now (f->clock, local_time (2026, 1, 7, 8, 30));
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  assert_next (f, local_time (2026, 1, 7, 9, 15));
  g_assert_cmpuint (f->n_due, ==, 2);
}

static void
test_pause_until_tomorrow_dst (Fixture       *f,
                               gconstpointer  data)
{
  /* Spring forward: on 29 March 2026 London's midnight-to-midnight is 23 hours. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 3, 28, 22, 0));
  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==,
                   utc_time (2026, 3, 29, 0, 0));

  soothe_fake_clock_set_now (f->clock, local_time (2026, 3, 29, 12, 0));
  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==,
                   utc_time (2026, 3, 29, 23, 0));

  /* Fall back: 25 October 2026 lasts 25 hours. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 10, 25, 0, 30));
  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==,
                   utc_time (2026, 10, 26, 0, 0));
  soothe_fake_clock_set_now (f->clock, utc_time (2026, 10, 25, 12, 0));
  soothe_reminder_scheduler_pause_until_tomorrow (f->scheduler);
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==,
                   utc_time (2026, 10, 26, 0, 0));

  /* Enabled across the change, the schedule restarts at local midnight. */
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  assert_paused (f, utc_time (2026, 10, 26, 0, 0));
  run_until (f, utc_time (2026, 10, 26, 1, 0));
  g_assert_cmpstr (log_text (f), ==, "00:45 cat-cow ");
}

/* The deadline passed by less than the interval: one reminder, late. */
static void
test_suspend_short (Fixture       *f,
                    gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 30));

  /* Resumed at 10:29, 44 minutes late. */
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 10, 29));
  g_assert_cmpstr (log_text (f), ==, "10:29 cat-cow ");
  assert_next (f, G_MAXINT64);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 11, 14));
}

/* The deadline passed by the interval or more: no reminder, no burst; the
 * wait starts from the return. */
static void
test_suspend_long (Fixture       *f,
                   gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 30));

  /* Asleep until 14:00, past six deadlines. */
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 14, 0));
  g_assert_cmpuint (f->n_due, ==, 0);
  assert_next (f, local_time (DAY, 14, 45));

  /* Exactly one interval late counts as a gap too. */
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 15, 30));
  g_assert_cmpuint (f->n_due, ==, 0);
  assert_next (f, local_time (DAY, 16, 15));

  run_until (f, local_time (DAY, 17, 0));
  g_assert_cmpstr (log_text (f), ==, "16:15 cat-cow ");

  /* A gap while one is pending brings no second. */
  soothe_fake_clock_set_now (f->clock, local_time (2026, 1, 6, 9, 0));
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpuint (f->n_due, ==, 1);
}

static void
test_screen_lock (Fixture       *f,
                  gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 30));

  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  g_assert_true (soothe_reminder_scheduler_get_away (f->scheduler));
  assert_next (f, G_MAXINT64);
  run_until (f, local_time (DAY, 11, 0));
  g_assert_cmpuint (f->n_due, ==, 0);

  soothe_reminder_scheduler_set_away (f->scheduler, FALSE);
  assert_next (f, local_time (DAY, 11, 45));

  /* A short lock also restarts the wait, and one during a snooze ends it. */
  run_until (f, local_time (DAY, 11, 45));
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_reminder_scheduler_set_away (f->scheduler, FALSE);
  assert_next (f, local_time (DAY, 12, 31));
  run_until (f, local_time (DAY, 12, 31));
  g_assert_cmpstr (log_text (f), ==, "11:45 cat-cow 12:31 childs-pose ");

  /* Locked with a reminder pending, it stays pending, and no other comes. */
  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  run_until (f, local_time (DAY, 14, 0));
  soothe_reminder_scheduler_set_away (f->scheduler, FALSE);
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, G_MAXINT64);
  g_assert_cmpuint (f->n_due, ==, 2);
}

/* Away for a break's length: a waiting reminder is dropped, not shown again
 * on return, and the next counts from the return. */
static void
test_break_drops_waiting (Fixture       *f,
                          gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 45));
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_cmpuint (f->n_due, ==, 1);

  /* Five minutes idle: the idle monitor's watch fires. */
  soothe_fake_clock_advance (f->clock, 5 * MINUTE);
  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  soothe_reminder_scheduler_take_break (f->scheduler);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, G_MAXINT64);

  /* Back after a 20-minute walk: nothing waiting, the next 45 minutes on. */
  run_until (f, local_time (DAY, 10, 10));
  soothe_reminder_scheduler_set_away (f->scheduler, FALSE);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, local_time (DAY, 10, 55));
  run_until (f, local_time (DAY, 10, 55));
  g_assert_cmpuint (f->n_due, ==, 2);
}

/* Do Not Disturb: reminders wait, then exactly one comes. */
static void
test_quiet (Fixture       *f,
            gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  assert_next (f, local_time (DAY, 9, 45));

  /* A call from 9:30 to 11:10, past two reminders' times: none comes
   * during it, and one at its end. */
  run_until (f, local_time (DAY, 9, 30));
  soothe_reminder_scheduler_set_quiet (f->scheduler, TRUE);
  g_assert_true (soothe_reminder_scheduler_get_quiet (f->scheduler));
  run_until (f, local_time (DAY, 11, 10));
  g_assert_cmpuint (f->n_due, ==, 0);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  soothe_reminder_scheduler_set_quiet (f->scheduler, FALSE);
  g_assert_cmpstr (log_text (f), ==, "11:10 cat-cow ");
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));

  /* Quiet that ends before anything was due brings nothing, and the wait
   * goes on as it was. */
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 11, 55));
  run_until (f, local_time (DAY, 11, 20));
  soothe_reminder_scheduler_set_quiet (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 11, 40));
  soothe_reminder_scheduler_set_quiet (f->scheduler, FALSE);
  g_assert_cmpuint (f->n_due, ==, 1);
  assert_next (f, local_time (DAY, 11, 55));

  /* Held back, then the screen locked: the away time was the break, and
   * nothing comes when both end. */
  soothe_reminder_scheduler_set_quiet (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 12, 10));
  g_assert_cmpuint (f->n_due, ==, 1);
  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  soothe_fake_clock_advance (f->clock, 30 * MINUTE);
  soothe_reminder_scheduler_set_away (f->scheduler, FALSE);
  soothe_reminder_scheduler_set_quiet (f->scheduler, FALSE);
  g_assert_cmpuint (f->n_due, ==, 1);
  assert_next (f, local_time (DAY, 13, 25));
}

static void
test_clock_backwards (Fixture       *f,
                      gconstpointer  data)
{
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 10));

  /* A few minutes back leave the deadline where it was... */
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 9, 5));
  assert_next (f, local_time (DAY, 9, 45));

  /* ...but two hours back never make the wait longer than the interval. */
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 7, 5));
  assert_next (f, local_time (DAY, 7, 50));
  run_until (f, local_time (DAY, 7, 50));
  g_assert_cmpstr (log_text (f), ==, "07:50 cat-cow ");

  /* Nor longer than the ten minutes of a snooze. */
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  soothe_fake_clock_set_now (f->clock, local_time (DAY, 6, 0));
  assert_next (f, local_time (DAY, 6, 10));
}

/* Cycles through the situation's stretches, then one of the others. */
static void
test_rotation_situation (Fixture       *f,
                         gconstpointer  data)
{
  SootheSituation *left = soothe_content_lookup_situation (content, "upper-back-left");
  SootheSituation *cough = soothe_content_lookup_situation (content, "upper-back-cough");
  const char *previous = NULL;

  soothe_reminder_scheduler_set_situation (f->scheduler, left);
  g_assert_true (soothe_reminder_scheduler_get_situation (f->scheduler) == left);

  for (guint i = 0; i < 15; i++)
    {
      SootheStretch *stretch = soothe_reminder_scheduler_fire_now (f->scheduler);

      g_assert_cmpstr (soothe_stretch_get_id (stretch), !=, previous);
      previous = soothe_stretch_get_id (stretch);
      g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
    }
  g_assert_cmpstr (log_text (f), ==,
                   "09:00 shoulder-rolls 09:00 cross-body-shoulder-stretch "
                   "09:00 shoulder-blade-squeeze 09:00 cat-cow 09:00 childs-pose "
                   "09:00 shoulder-rolls 09:00 cross-body-shoulder-stretch "
                   "09:00 shoulder-blade-squeeze 09:00 cat-cow 09:00 seated-thoracic-extension "
                   "09:00 shoulder-rolls 09:00 cross-body-shoulder-stretch "
                   "09:00 shoulder-blade-squeeze 09:00 cat-cow 09:00 doorway-chest-stretch ");

  /* Another situation starts from its first stretch, unless that was the
   * last one given. */
  clear_log (f);
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_reminder_scheduler_set_situation (f->scheduler, cough);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_set_situation (f->scheduler, left);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_set_situation (f->scheduler, cough);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  g_assert_cmpstr (log_text (f), ==,
                   "09:01 shoulder-rolls 09:01 cross-body-shoulder-stretch 09:01 shoulder-rolls ");

  clear_log (f);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_set_situation (f->scheduler, NULL);
  soothe_reminder_scheduler_set_situation (f->scheduler, cough);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_cmpstr (log_text (f), ==, "09:01 childs-pose 09:01 shoulder-rolls ");
}

static void
assert_only_safe (Fixture    *f,
                  guint       n,
                  const char *expected)
{
  clear_log (f);
  for (guint i = 0; i < n; i++)
    {
      SootheStretch *stretch = soothe_reminder_scheduler_fire_now (f->scheduler);

      g_assert_true (soothe_stretch_get_pregnancy_safe (stretch));
      g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
    }
  g_assert_cmpstr (log_text (f), ==, expected);
}

static void
test_pregnancy_preference (Fixture       *f,
                           gconstpointer  data)
{
  soothe_reminder_scheduler_set_pregnant (f->scheduler, TRUE);
  g_assert_true (soothe_reminder_scheduler_get_pregnant (f->scheduler));

  /* The fifteen pregnancy-safe stretches of the bundle, round and round. */
  assert_only_safe (f, 16,
                    "09:00 cat-cow 09:00 shoulder-rolls 09:00 cross-body-shoulder-stretch "
                    "09:00 shoulder-blade-squeeze 09:00 hands-knees-back-stretch "
                    "09:00 shoulder-shrug-hold 09:00 side-lying-knee-pillow 09:00 chin-tuck "
                    "09:00 neck-side-bend 09:00 pendulum-shoulder 09:00 pelvic-tilt "
                    "09:00 wrist-extensor-stretch 09:00 wrist-flexor-stretch 09:00 knee-bends "
                    "09:00 calf-stretch 09:00 cat-cow ");

  /* A situation's unsafe stretches are left out of its turn (its first
   * safe one, cat-cow, was the last given); the others go on where they
   * were. */
  soothe_reminder_scheduler_set_situation (f->scheduler,
                                           soothe_content_lookup_situation (content,
                                                                            "upper-back-burning"));
  assert_only_safe (f, 6,
                    "09:00 shoulder-rolls 09:00 shoulder-blade-squeeze 09:00 cat-cow "
                    "09:00 shoulder-rolls 09:00 hands-knees-back-stretch 09:00 cat-cow ");

  /* A snoozed stretch that is no longer safe is replaced. */
  soothe_reminder_scheduler_set_pregnant (f->scheduler, FALSE);
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  clear_log (f);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  soothe_reminder_scheduler_set_pregnant (f->scheduler, TRUE);
  run_until (f, local_time (DAY, 9, 10));
  g_assert_cmpstr (log_text (f), ==,
                   "09:00 childs-pose 09:00 childs-pose 09:00 seated-thoracic-extension "
                   "09:10 shoulder-shrug-hold ");
}

static void
test_pregnancy_situation (Fixture       *f,
                          gconstpointer  data)
{
  SootheSituation *pregnancy = soothe_content_lookup_situation (content, "upper-back-pregnancy");

  g_assert_true (soothe_situation_get_pregnancy (pregnancy));
  soothe_reminder_scheduler_set_situation (f->scheduler, pregnancy);
  g_assert_false (soothe_reminder_scheduler_get_pregnant (f->scheduler));

  assert_only_safe (f, 13,
                    "09:00 cat-cow 09:00 hands-knees-back-stretch 09:00 shoulder-rolls "
                    "09:00 shoulder-shrug-hold 09:00 side-lying-knee-pillow "
                    "09:00 cross-body-shoulder-stretch "
                    "09:00 cat-cow 09:00 hands-knees-back-stretch 09:00 shoulder-rolls "
                    "09:00 shoulder-shrug-hold 09:00 side-lying-knee-pillow "
                    "09:00 shoulder-blade-squeeze 09:00 cat-cow ");

  /* Another situation lifts the filter; the others' turn goes on from the
   * third. */
  soothe_reminder_scheduler_set_situation (f->scheduler,
                                           soothe_content_lookup_situation (content, "knee-pain"));
  clear_log (f);
  for (guint i = 0; i < 3; i++)
    {
      soothe_reminder_scheduler_fire_now (f->scheduler);
      g_assert_true (soothe_reminder_scheduler_skip (f->scheduler));
    }
  g_assert_cmpstr (log_text (f), ==,
                   "09:00 knee-bends 09:00 knee-elevation 09:00 seated-thoracic-extension ");
}

static void
test_fire_now (Fixture       *f,
               gconstpointer  data)
{
  SootheStretch *stretch;

  /* Asked for, a reminder comes even with reminders off... */
  stretch = soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_cmpstr (soothe_stretch_get_id (stretch), ==, "cat-cow");
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, G_MAXINT64);

  /* ...or paused, which it does not end. */
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  soothe_fake_clock_advance (f->clock, 10 * MINUTE);
  g_assert_nonnull (soothe_reminder_scheduler_fire_now (f->scheduler));
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_paused (f, local_time (DAY, 10, 0));
  soothe_reminder_scheduler_resume (f->scheduler);

  /* With reminders on, the next comes an interval after the answer, and a
   * snoozed one comes now rather than later. */
  run_until (f, local_time (DAY, 9, 55));
  soothe_fake_clock_advance (f->clock, 2 * MINUTE);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 10, 42));
  run_until (f, local_time (DAY, 10, 15));
  soothe_reminder_scheduler_fire_now (f->scheduler);
  soothe_fake_clock_advance (f->clock, 2 * MINUTE);
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  soothe_fake_clock_advance (f->clock, 2 * MINUTE);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  assert_next (f, local_time (DAY, 11, 4));
  g_assert_cmpstr (log_text (f), ==,
                   "09:00 cat-cow 09:10 childs-pose 09:55 seated-thoracic-extension "
                   "10:15 doorway-chest-stretch 10:19 doorway-chest-stretch ");
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  guint interval;

  /* Changes of setting, made twice, count once. */
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  g_assert_cmpuint (f->n_changed, ==, 1);
  soothe_reminder_scheduler_set_interval_minutes (f->scheduler, 45);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* A new interval restarts the wait; out of range, it is clamped. */
  soothe_fake_clock_advance (f->clock, 10 * MINUTE);
  g_object_set (f->scheduler, "interval-minutes", 20, NULL);
  assert_next (f, local_time (DAY, 9, 30));
  soothe_reminder_scheduler_set_interval_minutes (f->scheduler, 5);
  g_object_get (f->scheduler, "interval-minutes", &interval, NULL);
  g_assert_cmpuint (interval, ==, 15);
  soothe_reminder_scheduler_set_interval_minutes (f->scheduler, 1000);
  g_assert_cmpuint (soothe_reminder_scheduler_get_interval_minutes (f->scheduler), ==, 120);
  assert_next (f, local_time (DAY, 11, 10));

  /* Turned off with one pending, it is dropped without an answer. */
  soothe_reminder_scheduler_fire_now (f->scheduler);
  soothe_reminder_scheduler_set_enabled (f->scheduler, FALSE);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_cmpstr (f->answers->str, ==, "");
  assert_next (f, G_MAXINT64);
  g_object_set (f->scheduler, "enabled", TRUE, NULL);
  assert_next (f, local_time (DAY, 11, 10));
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             GPtrArray  *seen)
{
  g_ptr_array_add (seen, (gpointer) g_param_spec_get_name (pspec));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, as g_object_set() notifies in an order of its own. */
static char *
join_seen (GPtrArray *seen)
{
  GString *text = g_string_new (NULL);

  g_ptr_array_sort (seen, compare_names);

  for (guint i = 0; i < seen->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            (const char *) g_ptr_array_index (seen, i));
  g_ptr_array_set_size (seen, 0);

  return g_string_free (text, FALSE);
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  SootheSituation *pregnancy = soothe_content_lookup_situation (content, "upper-back-pregnancy");
  char *text;

  g_signal_connect (f->scheduler, "notify", G_CALLBACK (notified_cb), seen);

#define ASSERT_SEEN(expected) \
  text = join_seen (seen); \
  g_assert_cmpstr (text, ==, expected); \
  g_free (text)

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  ASSERT_SEEN ("enabled next-deadline");
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  ASSERT_SEEN ("");
  soothe_reminder_scheduler_set_pregnant (f->scheduler, TRUE);
  soothe_reminder_scheduler_set_pregnant (f->scheduler, TRUE);
  ASSERT_SEEN ("pregnant");
  soothe_reminder_scheduler_set_situation (f->scheduler, pregnancy);
  soothe_reminder_scheduler_set_situation (f->scheduler, pregnancy);
  ASSERT_SEEN ("situation");
  run_until (f, local_time (DAY, 9, 45));
  ASSERT_SEEN ("next-deadline pending pending-stretch");
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));
  ASSERT_SEEN ("next-deadline pending pending-stretch");
  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  ASSERT_SEEN ("next-deadline paused-until");
  soothe_reminder_scheduler_resume (f->scheduler);
  ASSERT_SEEN ("next-deadline paused-until");
  soothe_reminder_scheduler_resume (f->scheduler);
  ASSERT_SEEN ("");
  soothe_reminder_scheduler_set_away (f->scheduler, TRUE);
  ASSERT_SEEN ("away next-deadline");
  g_object_set (f->scheduler, "away", FALSE, NULL);
  ASSERT_SEEN ("away next-deadline");
  g_object_set (f->scheduler, "paused-until", local_time (DAY, 12, 0), NULL);
  ASSERT_SEEN ("next-deadline paused-until");
  g_object_set (f->scheduler, "paused-until", local_time (DAY, 12, 0), NULL);
  ASSERT_SEEN ("");

#undef ASSERT_SEEN
}

/* Persistence */

static SootheReminderScheduler *
restarted (Fixture    *f,
           const char *saved,
           gint64      now)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->scheduler);
  soothe_fake_clock_set_now (f->clock, now);
  f->scheduler = soothe_reminder_scheduler_new (f->clock, content);
  connect_scheduler (f);
  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  g_assert_true (soothe_reminder_scheduler_restore (f->scheduler, saved, strlen (saved), &error));
  g_assert_no_error (error);

  return f->scheduler;
}

static void
test_restore_future (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      soothe_reminder_scheduler_fire_now (f->scheduler);
      g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
    }
  soothe_fake_clock_advance (f->clock, 20 * MINUTE);
  saved = soothe_reminder_scheduler_save (f->scheduler);

  /* Restarted at 9:30, the 9:45 reminder comes on time, and the rotation
   * goes on where it was. */
  restarted (f, saved, local_time (DAY, 9, 30));
  again = soothe_reminder_scheduler_save (f->scheduler);
  g_assert_cmpstr (again, ==, saved);
  assert_next (f, local_time (DAY, 9, 45));
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpuint (f->n_due, ==, 3);
  run_until (f, local_time (DAY, 9, 45));
  g_assert_cmpstr (log_text (f), ==,
                   "09:00 cat-cow 09:00 childs-pose 09:00 seated-thoracic-extension "
                   "09:45 doorway-chest-stretch ");

  /* A pending reminder stays pending, with its stretch. */
  g_clear_pointer (&saved, g_free);
  saved = soothe_reminder_scheduler_save (f->scheduler);
  restarted (f, saved, local_time (DAY, 10, 0));
  g_assert_true (soothe_reminder_scheduler_get_pending (f->scheduler));
  g_assert_cmpstr (pending_id (f), ==, "doorway-chest-stretch");
  assert_next (f, G_MAXINT64);
  g_assert_true (soothe_reminder_scheduler_snooze (f->scheduler));

  /* So does a snooze. */
  g_clear_pointer (&saved, g_free);
  saved = soothe_reminder_scheduler_save (f->scheduler);
  restarted (f, saved, local_time (DAY, 10, 5));
  assert_next (f, local_time (DAY, 10, 10));
  run_until (f, local_time (DAY, 10, 10));
  g_assert_cmpstr (pending_id (f), ==, "doorway-chest-stretch");

  /* And a pause. */
  g_assert_true (soothe_reminder_scheduler_done (f->scheduler));
  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  g_clear_pointer (&saved, g_free);
  saved = soothe_reminder_scheduler_save (f->scheduler);
  restarted (f, saved, local_time (DAY, 10, 30));
  assert_paused (f, local_time (DAY, 11, 10));
}

static void
test_restore_past (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *saved = NULL;

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  saved = soothe_reminder_scheduler_save (f->scheduler);

  /* Started again 20 minutes after the deadline: it comes once, late. */
  restarted (f, saved, local_time (DAY, 10, 5));
  assert_next (f, local_time (DAY, 9, 45));
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpstr (log_text (f), ==, "10:05 cat-cow ");
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpuint (f->n_due, ==, 1);

  /* Started again the next morning: no reminder, the wait begins. */
  restarted (f, saved, local_time (2026, 1, 6, 8, 0));
  assert_next (f, local_time (2026, 1, 6, 8, 45));
  soothe_reminder_scheduler_update (f->scheduler);
  g_assert_cmpuint (f->n_due, ==, 1);

  /* A pause that ended meanwhile is over. */
  soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);
  g_clear_pointer (&saved, g_free);
  saved = soothe_reminder_scheduler_save (f->scheduler);
  restarted (f, saved, local_time (2026, 1, 6, 12, 0));
  g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
  assert_next (f, local_time (2026, 1, 6, 12, 45));
}

static void
test_restore_disabled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  saved = soothe_reminder_scheduler_save (f->scheduler);

  /* Turned off meanwhile: nothing of the schedule applies. */
  g_assert_finalize_object (f->scheduler);
  f->scheduler = soothe_reminder_scheduler_new (f->clock, content);
  g_assert_true (soothe_reminder_scheduler_restore (f->scheduler, saved, strlen (saved), &error));
  g_assert_no_error (error);
  g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
  assert_next (f, G_MAXINT64);
}

static void
test_restore_corrupt (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "file is empty" },
    { "{", NULL },
    { "[]", "$: expected an object, found an array" },
    { "null", "$: expected an object, found null" },
    { "{\"format\": 1} {}", NULL },
    { "{\"format\": 1, \"format\": 1}", NULL },
    { "{\"format\": 2}", "$.format: unsupported format 2 (this Soothe reads format 1)" },
    { "{\"format\": \"1\"}", "$.format: expected an integer, found a string" },
    { "{\"format\": 1}", "$.next_us: missing member" },
    { "{\"format\": 1, \"next_us\": -5}", "$.next_us: -5 is out of range (1 to 7258118400000000)" },
    { "{\"format\": 1, \"next_us\": 1.5}",
      "$.next_us: expected an integer or null, found a number with a fraction" },
    { "{\"format\": 1, \"next_us\": 99999999999999999999}", NULL },
    { "{\"format\": 1, \"next_us\": null, \"pending\": 1}",
      "$.pending: expected true or false, found an integer" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": true, \"stretch\": \"no-such\"}",
      "$.stretch: unknown stretch \"no-such\"" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": true, \"stretch\": 7}",
      "$.stretch: expected a string or null, found an integer" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": true, \"stretch\": null}",
      "$.stretch: a pending reminder needs its stretch" },
    { "{\"format\": 1, \"next_us\": 1767607200000000, \"pending\": true, \"stretch\": \"cat-cow\"}",
      "$.next_us: expected null while a reminder is pending" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": \"cat-cow\"}",
      "$.next_us: a snoozed reminder needs its time" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null}",
      "$.paused_until_us: missing member" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 1777777777000000}",
      "$.paused_until_us: a pause of more than a week" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 0}", "$.rotation: missing member" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 0, \"rotation\": []}",
      "$.rotation: expected an object, found an array" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 0, \"rotation\": {\"preferred\": 0, \"others\": -1}}",
      "$.rotation.others: -1 is out of range (0 to 100000)" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 0, \"rotation\": {\"preferred\": 0, \"others\": 0, \"run\": 0}}",
      "$.rotation.last: missing member" },
    { "{\"format\": 1, \"next_us\": null, \"pending\": false, \"stretch\": null, "
      "\"paused_until_us\": 0, \"rotation\": {\"preferred\": 0, \"others\": 0, \"run\": 0, "
      "\"last\": \"a\\nvery long id that goes on and on and on\"}}",
      "$.rotation.last: unknown stretch \"a\\nvery long id that goes on and\"…" },
  };
  g_autofree char *large = g_strnfill (20000, ' ');
  const char nul[] = "{\"format\": 1\0}";

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 2; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *text;
      gsize length;

      if (i < G_N_ELEMENTS (cases))
        text = cases[i].text, length = strlen (text);
      else if (i == G_N_ELEMENTS (cases))
        text = large, length = strlen (large);
      else
        text = nul, length = sizeof nul - 1;

      /* From a state far from the default... */
      soothe_reminder_scheduler_set_enabled (f->scheduler, TRUE);
      soothe_reminder_scheduler_fire_now (f->scheduler);
      soothe_reminder_scheduler_snooze (f->scheduler);
      soothe_reminder_scheduler_pause_for (f->scheduler, HOUR);

      /* ...to a fresh schedule from now. */
      g_test_message ("case %u: %.*s", i, (int) MIN (length, 200), text);
      g_assert_false (soothe_reminder_scheduler_restore (f->scheduler, text, length, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("  %s", error->message);
      if (i < G_N_ELEMENTS (cases) && cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (strchr (error->message, '\n'));
      g_assert_false (soothe_reminder_scheduler_get_pending (f->scheduler));
      g_assert_cmpint (soothe_reminder_scheduler_get_paused_until (f->scheduler), ==, 0);
      assert_next (f, soothe_clock_get_now (f->clock) + 45 * MINUTE);
    }

  /* After all that, the rotation starts from the beginning. */
  clear_log (f);
  soothe_reminder_scheduler_fire_now (f->scheduler);
  g_assert_cmpstr (log_text (f), ==, "09:00 cat-cow ");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any GDateTime: local days and midnights are London's. */
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  content = soothe_content_new_builtin ();

#define ADD(path, func) \
  g_test_add ("/soothe/reminder-scheduler/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("working-day", test_working_day);
  ADD ("snooze", test_snooze);
  ADD ("skip", test_skip);
  ADD ("no-stacking", test_no_stacking);
  ADD ("pause-hour", test_pause_hour);
  ADD ("pause-until-tomorrow", test_pause_until_tomorrow);
  ADD ("pause-until-tomorrow-dst", test_pause_until_tomorrow_dst);
  ADD ("suspend-short", test_suspend_short);
  ADD ("suspend-long", test_suspend_long);
  ADD ("screen-lock", test_screen_lock);
  ADD ("break-drops-waiting", test_break_drops_waiting);
  ADD ("quiet", test_quiet);
  ADD ("clock-backwards", test_clock_backwards);
  ADD ("rotation-situation", test_rotation_situation);
  ADD ("pregnancy-preference", test_pregnancy_preference);
  ADD ("pregnancy-situation", test_pregnancy_situation);
  ADD ("fire-now", test_fire_now);
  ADD ("settings", test_settings);
  ADD ("notify", test_notify);
  ADD ("restore-future", test_restore_future);
  ADD ("restore-past", test_restore_past);
  ADD ("restore-disabled", test_restore_disabled);
  ADD ("restore-corrupt", test_restore_corrupt);

#undef ADD

  status = g_test_run ();
  g_clear_object (&content);

  return status;
}
