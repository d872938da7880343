/* test-therapy-timer.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "soothe-fake-clock.h"
#include "soothe-therapy-timer.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)

/* 2026-01-01 00:00 UTC */
#define START ((gint64) 1767225600 * SECOND)

typedef struct {
  SootheClock         *clock;
  SootheTherapyTimer  *timer;
  GString             *log;   /* signals as they came, each followed by a space */
  SootheTherapyPreset  cold;
  SootheTherapyPreset  heat;
  SootheTherapyPreset  contrast;
} Fixture;

static const char *
phase_name (SoothePhaseKind kind)
{
  switch (kind)
    {
    case SOOTHE_PHASE_COLD:
      return "cold";
    case SOOTHE_PHASE_HEAT:
      return "heat";
    case SOOTHE_PHASE_REST:
      return "rest";
    case SOOTHE_PHASE_NONE:
    default:
      return "none";
    }
}

/* Lateness in the log is in whole seconds when it is, µs otherwise. */
static void
log_lateness (GString *log,
              gint64   lateness)
{
  if (lateness % SECOND == 0)
    g_string_append_printf (log, "@%" G_GINT64_FORMAT "s ", lateness / SECOND);
  else
    g_string_append_printf (log, "@%" G_GINT64_FORMAT "us ", lateness);
}

static void
phase_ended_cb (SootheTherapyTimer *timer,
                SoothePhaseKind     ended,
                SoothePhaseKind     next,
                gint64              lateness,
                Fixture            *f)
{
  g_assert_cmpint (lateness, >=, 0);
  g_string_append_printf (f->log, "ended:%s>%s", phase_name (ended), phase_name (next));
  log_lateness (f->log, lateness);
}

static void
finished_cb (SootheTherapyTimer *timer,
             gint64              lateness,
             Fixture            *f)
{
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_FINISHED);
  g_string_append (f->log, "finished");
  log_lateness (f->log, lateness);
}

static void
check_skin_cb (SootheTherapyTimer *timer,
               gint64              lateness,
               Fixture            *f)
{
  g_assert_cmpint (soothe_therapy_timer_get_phase (timer), ==, SOOTHE_PHASE_COLD);
  g_string_append (f->log, "skin");
  log_lateness (f->log, lateness);
}

static void
changed_cb (SootheTherapyTimer *timer,
            Fixture            *f)
{
  g_string_append (f->log, "changed ");
}

static void
connect_log (Fixture            *f,
             SootheTherapyTimer *timer)
{
  g_signal_connect (timer, "phase-ended", G_CALLBACK (phase_ended_cb), f);
  g_signal_connect (timer, "finished", G_CALLBACK (finished_cb), f);
  g_signal_connect (timer, "check-skin", G_CALLBACK (check_skin_cb), f);
  g_signal_connect (timer, "changed", G_CALLBACK (changed_cb), f);
}

/* Returns the log so far and empties it. */
static char *
take_log (Fixture *f)
{
  char *text;

  if (f->log->len > 0)
    g_string_truncate (f->log, f->log->len - 1);
  text = g_strdup (f->log->str);
  g_string_truncate (f->log, 0);
  return text;
}

static void
clear_log (Fixture *f)
{
  g_string_truncate (f->log, 0);
}

#define assert_log(f, expected) G_STMT_START {   \
    g_autofree char *_log = take_log (f);         \
    g_assert_cmpstr (_log, ==, (expected));       \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->clock = soothe_fake_clock_new (START);
  f->timer = soothe_therapy_timer_new (f->clock);
  f->log = g_string_new (NULL);
  connect_log (f, f->timer);

  f->cold = (SootheTherapyPreset) {
    .title = (char *) "Cold pack",
    .default_minutes = 15, .max_minutes = 20, .rest_minutes = 20, .max_cycles = 4,
    .check_skin_after_minutes = 5,
  };
  f->heat = (SootheTherapyPreset) {
    .title = (char *) "Heat pad",
    .default_minutes = 15, .max_minutes = 20, .rest_minutes = 20, .max_cycles = 4,
  };
  f->contrast = (SootheTherapyPreset) {
    .title = (char *) "Contrast",
    .heat_seconds = 180, .cold_seconds = 120, .rounds = 3,
  };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->timer);
  g_assert_finalize_object (f->clock);
  g_string_free (f->log, TRUE);
}

static gint64
now (Fixture *f)
{
  return soothe_clock_get_now (f->clock);
}

static gint64
wakeup (Fixture *f)
{
  return soothe_fake_clock_get_wakeup (f->clock);
}

/* Moves the clock to the timer's next wake-up, as the real clock would. */
static void
run_to_wakeup (Fixture *f)
{
  gint64 next = wakeup (f);

  g_assert_cmpint (next, !=, G_MAXINT64);
  g_assert_cmpint (next, >, now (f));
  soothe_fake_clock_set_now (f->clock, next);
}

static void
start_ok (Fixture                   *f,
          SootheTherapyKind          kind,
          const SootheTherapyPreset *preset,
          guint                      minutes,
          guint                      cycles)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soothe_therapy_timer_start (f->timer, kind, preset, minutes, cycles, &error));
  g_assert_no_error (error);
}

static void
assert_phase (Fixture         *f,
              guint            index,
              SoothePhaseKind  phase,
              gint64           remaining)
{
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_RUNNING);
  g_assert_cmpuint (soothe_therapy_timer_get_phase_index (f->timer), ==, index);
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, phase);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, remaining);
  g_assert_cmpint (soothe_therapy_timer_get_deadline (f->timer), ==, now (f) + remaining);
}

static void
assert_finished (Fixture *f)
{
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_FINISHED);
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, SOOTHE_PHASE_NONE);
  g_assert_cmpint (soothe_therapy_timer_get_next_phase (f->timer), ==, SOOTHE_PHASE_NONE);
  g_assert_cmpuint (soothe_therapy_timer_get_phase_index (f->timer), ==,
                    soothe_therapy_timer_get_n_phases (f->timer));
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 0);
  g_assert_cmpint (soothe_therapy_timer_get_deadline (f->timer), ==, G_MAXINT64);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);
  g_assert_null (soothe_therapy_timer_save (f->timer));
}

static void
test_cold_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  assert_log (f, "changed");
  g_assert_cmpint (soothe_therapy_timer_get_kind (f->timer), ==, SOOTHE_THERAPY_COLD);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 3);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (f->timer), ==, 20 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_next_phase (f->timer), ==, SOOTHE_PHASE_REST);
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 20 * MINUTE);
  g_assert_cmpint (wakeup (f), ==, START + 5 * MINUTE);

  run_to_wakeup (f);
  assert_log (f, "skin@0s changed");
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 15 * MINUTE);
  g_assert_cmpint (wakeup (f), ==, START + 20 * MINUTE);

  run_to_wakeup (f);
  assert_log (f, "ended:cold>rest@0s changed");
  assert_phase (f, 1, SOOTHE_PHASE_REST, 20 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_next_phase (f->timer), ==, SOOTHE_PHASE_COLD);
  g_assert_cmpint (wakeup (f), ==, START + 40 * MINUTE);

  run_to_wakeup (f);
  assert_log (f, "ended:rest>cold@0s changed");
  assert_phase (f, 2, SOOTHE_PHASE_COLD, 20 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_next_phase (f->timer), ==, SOOTHE_PHASE_NONE);
  g_assert_cmpint (wakeup (f), ==, START + 45 * MINUTE);

  run_to_wakeup (f);
  assert_log (f, "skin@0s changed");

  run_to_wakeup (f);
  assert_log (f, "ended:cold>none@0s finished@0s changed");
  g_assert_cmpint (now (f), ==, START + 60 * MINUTE);
  assert_finished (f);
  g_assert_cmpint (soothe_therapy_timer_get_kind (f->timer), ==, SOOTHE_THERAPY_COLD);

  /* Nothing more happens, however long it is left. */
  soothe_fake_clock_advance (f->clock, 10 * HOUR);
  soothe_therapy_timer_update (f->timer);
  assert_log (f, "");

  soothe_therapy_timer_stop (f->timer);
  assert_log (f, "changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpint (soothe_therapy_timer_get_kind (f->timer), ==, SOOTHE_THERAPY_NONE);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 0);
}

static void
test_heat (Fixture       *f,
           gconstpointer  data)
{
  /* Even with a check-skin time in the preset, only cold asks for it. */
  f->heat.check_skin_after_minutes = 5;

  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 15, 1);
  assert_log (f, "changed");
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 1);
  assert_phase (f, 0, SOOTHE_PHASE_HEAT, 15 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_next_phase (f->timer), ==, SOOTHE_PHASE_NONE);
  g_assert_cmpint (wakeup (f), ==, START + 15 * MINUTE);

  run_to_wakeup (f);
  assert_log (f, "ended:heat>none@0s finished@0s changed");
  assert_finished (f);
}

static void
test_contrast (Fixture       *f,
               gconstpointer  data)
{
  static const SoothePhaseKind expected[] = {
    SOOTHE_PHASE_HEAT, SOOTHE_PHASE_COLD, SOOTHE_PHASE_HEAT,
    SOOTHE_PHASE_COLD, SOOTHE_PHASE_HEAT, SOOTHE_PHASE_COLD,
  };

  /* Minutes and cycles do not apply. */
  start_ok (f, SOOTHE_THERAPY_CONTRAST, &f->contrast, 0, 0);
  assert_log (f, "changed");
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 6);
  g_assert_false (soothe_therapy_timer_can_extend (f->timer));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 length = expected[i] == SOOTHE_PHASE_HEAT ? 180 * SECOND : 120 * SECOND;

      assert_phase (f, i, expected[i], length);
      g_assert_cmpint (soothe_therapy_timer_get_phase_length (f->timer), ==, length);
      run_to_wakeup (f);
    }

  assert_log (f, "ended:heat>cold@0s changed ended:cold>heat@0s changed "
                 "ended:heat>cold@0s changed ended:cold>heat@0s changed "
                 "ended:heat>cold@0s changed ended:cold>none@0s finished@0s changed");
  g_assert_cmpint (now (f), ==, START + 15 * MINUTE);
  assert_finished (f);
}

static void
assert_start_fails (Fixture                   *f,
                    SootheTherapyKind          kind,
                    const SootheTherapyPreset *preset,
                    guint                      minutes,
                    guint                      cycles,
                    const char                *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (soothe_therapy_timer_start (f->timer, kind, preset, minutes, cycles, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_rejects_out_of_range (Fixture       *f,
                           gconstpointer  data)
{
  SootheTherapyPreset broken = f->contrast;

  assert_start_fails (f, SOOTHE_THERAPY_COLD, &f->cold, 21, 1,
                      "Cold pack sessions are 1 to 20 minutes");
  assert_start_fails (f, SOOTHE_THERAPY_COLD, &f->cold, 0, 1,
                      "Cold pack sessions are 1 to 20 minutes");
  assert_start_fails (f, SOOTHE_THERAPY_HEAT, &f->heat, 120, 1,
                      "Heat pad sessions are 1 to 20 minutes");
  assert_start_fails (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 5,
                      "Cold pack sessions repeat 1 to 4 times");
  assert_start_fails (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 0,
                      "Cold pack sessions repeat 1 to 4 times");
  assert_start_fails (f, SOOTHE_THERAPY_NONE, &f->cold, 20, 1,
                      "Choose cold, heat or contrast therapy");
  broken.rounds = 0;
  assert_start_fails (f, SOOTHE_THERAPY_CONTRAST, &broken, 0, 0,
                      "The Contrast settings cannot make a session");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);

  /* A refused start leaves the running session alone. */
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 10, 1);
  assert_log (f, "changed");
  assert_start_fails (f, SOOTHE_THERAPY_COLD, &f->cold, 25, 1,
                      "Cold pack sessions are 1 to 20 minutes");
  assert_log (f, "");
  assert_phase (f, 0, SOOTHE_PHASE_HEAT, 10 * MINUTE);

  /* The edges of the range are fine, and a new start replaces the session. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 1, 4);
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 1 * MINUTE);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 7);
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 1);
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 20 * MINUTE);
  assert_log (f, "changed changed");
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  gint64 left = 15 * MINUTE - (4 * MINUTE + 30 * SECOND + 123);

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 15, 1);
  soothe_fake_clock_advance (f->clock, 4 * MINUTE + 30 * SECOND + 123);
  soothe_therapy_timer_pause (f->timer);
  assert_log (f, "changed changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_PAUSED);
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, SOOTHE_PHASE_COLD);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, left);
  g_assert_cmpint (soothe_therapy_timer_get_deadline (f->timer), ==, G_MAXINT64);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);

  /* Pausing twice, or a long wait, changes nothing. */
  soothe_therapy_timer_pause (f->timer);
  soothe_fake_clock_advance (f->clock, 3 * HOUR);
  soothe_therapy_timer_update (f->timer);
  assert_log (f, "");
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, left);

  soothe_therapy_timer_resume (f->timer);
  assert_log (f, "changed");
  assert_phase (f, 0, SOOTHE_PHASE_COLD, left);
  /* The check-skin prompt counts time on the pack, not time paused. */
  g_assert_cmpint (wakeup (f), ==, now (f) + 29 * SECOND + G_USEC_PER_SEC - 123);
  soothe_therapy_timer_resume (f->timer);
  assert_log (f, "");

  run_to_wakeup (f);
  assert_log (f, "skin@0s changed");
  run_to_wakeup (f);
  assert_log (f, "ended:cold>none@0s finished@0s changed");
  g_assert_cmpint (now (f), ==, START + 3 * HOUR + 15 * MINUTE);

  /* Pause and resume do nothing without a running session. */
  soothe_therapy_timer_pause (f->timer);
  soothe_therapy_timer_resume (f->timer);
  assert_log (f, "");
  assert_finished (f);
}

static void
test_pause_after_deadline (Fixture       *f,
                           gconstpointer  data)
{
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 10, 2);
  assert_log (f, "changed");

  /* The wake-up has not been delivered yet when the pause comes. */
  g_signal_handlers_block_matched (f->clock, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, f->timer);
  soothe_fake_clock_advance (f->clock, 12 * MINUTE);
  g_signal_handlers_unblock_matched (f->clock, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, f->timer);
  soothe_therapy_timer_pause (f->timer);
  assert_log (f, "ended:heat>rest@120s changed changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_PAUSED);
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, SOOTHE_PHASE_REST);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 18 * MINUTE);
}

static void
test_extend (Fixture       *f,
             gconstpointer  data)
{
  gint64 deadline;

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 18, 2);
  soothe_fake_clock_advance (f->clock, 2 * MINUTE);
  assert_log (f, "changed");

  g_assert_true (soothe_therapy_timer_can_extend (f->timer));
  g_assert_true (soothe_therapy_timer_extend (f->timer));
  assert_log (f, "changed");
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 17 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (f->timer), ==, 19 * MINUTE);
  /* The check-skin prompt stays 5 minutes into the application. */
  g_assert_cmpint (wakeup (f), ==, START + 5 * MINUTE);

  /* Paused, it extends the time left. */
  soothe_therapy_timer_pause (f->timer);
  g_assert_true (soothe_therapy_timer_extend (f->timer));
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 18 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (f->timer), ==, 20 * MINUTE);
  soothe_therapy_timer_resume (f->timer);
  assert_log (f, "changed changed changed");

  /* At the cap: refused, nothing changes. */
  deadline = soothe_therapy_timer_get_deadline (f->timer);
  g_assert_false (soothe_therapy_timer_can_extend (f->timer));
  g_assert_false (soothe_therapy_timer_extend (f->timer));
  assert_log (f, "");
  g_assert_cmpint (soothe_therapy_timer_get_deadline (f->timer), ==, deadline);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (f->timer), ==, 20 * MINUTE);

  run_to_wakeup (f);
  run_to_wakeup (f);
  assert_log (f, "skin@0s changed ended:cold>rest@0s changed");
  g_assert_cmpint (now (f), ==, START + 20 * MINUTE);

  /* Never in a rest. */
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, SOOTHE_PHASE_REST);
  g_assert_false (soothe_therapy_timer_can_extend (f->timer));
  g_assert_false (soothe_therapy_timer_extend (f->timer));
  assert_log (f, "");

  /* The second application starts again from its planned 18 minutes. */
  run_to_wakeup (f);
  assert_phase (f, 2, SOOTHE_PHASE_COLD, 18 * MINUTE);
  g_assert_true (soothe_therapy_timer_extend (f->timer));
  g_assert_true (soothe_therapy_timer_extend (f->timer));
  g_assert_false (soothe_therapy_timer_extend (f->timer));
  assert_phase (f, 2, SOOTHE_PHASE_COLD, 20 * MINUTE);
  assert_log (f, "ended:rest>cold@0s changed changed changed");

  soothe_therapy_timer_stop (f->timer);
  g_assert_false (soothe_therapy_timer_extend (f->timer));
}

static void
test_skip_phase (Fixture       *f,
                 gconstpointer  data)
{
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  soothe_fake_clock_advance (f->clock, 3 * MINUTE);

  /* "Start rest" pressed early: no phase-ended, the rest runs in full. */
  soothe_therapy_timer_skip_phase (f->timer);
  assert_log (f, "changed changed");
  assert_phase (f, 1, SOOTHE_PHASE_REST, 20 * MINUTE);
  g_assert_cmpint (wakeup (f), ==, START + 23 * MINUTE);

  /* Skipping while paused stays paused, with the next phase in full. */
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_therapy_timer_pause (f->timer);
  soothe_therapy_timer_skip_phase (f->timer);
  assert_log (f, "changed changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_PAUSED);
  g_assert_cmpint (soothe_therapy_timer_get_phase (f->timer), ==, SOOTHE_PHASE_COLD);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 20 * MINUTE);
  soothe_therapy_timer_resume (f->timer);
  assert_phase (f, 2, SOOTHE_PHASE_COLD, 20 * MINUTE);
  /* The new application gets its own check-skin prompt. */
  g_assert_cmpint (wakeup (f), ==, now (f) + 5 * MINUTE);

  /* Skipping the last phase finishes without the deadline signals. */
  soothe_therapy_timer_skip_phase (f->timer);
  assert_log (f, "changed changed");
  assert_finished (f);

  soothe_therapy_timer_skip_phase (f->timer);
  assert_log (f, "");
}

static void
test_check_skin (Fixture       *f,
                 gconstpointer  data)
{
  /* Not when the application is no longer than the check-skin time. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 5, 1);
  g_assert_cmpint (wakeup (f), ==, START + 5 * MINUTE);
  run_to_wakeup (f);
  assert_log (f, "changed ended:cold>none@0s finished@0s changed");

  /* Late, but while the pack is still on: reported with its lateness. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 1);
  soothe_fake_clock_advance (f->clock, 7 * MINUTE);
  assert_log (f, "changed skin@120s changed");
  soothe_fake_clock_advance (f->clock, 7 * MINUTE);
  assert_log (f, "");

  /* A suspend past the end of the application: the prompt no longer applies. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  soothe_fake_clock_advance (f->clock, 25 * MINUTE);
  assert_log (f, "changed ended:cold>rest@300s changed");
  /* The second application still gets its prompt. */
  g_assert_cmpint (wakeup (f), ==, now (f) + 15 * MINUTE);
  run_to_wakeup (f);
  run_to_wakeup (f);
  assert_log (f, "ended:rest>cold@0s changed skin@0s changed");

  /* A suspend past every deadline. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  soothe_fake_clock_advance (f->clock, 2 * HOUR);
  assert_log (f, "changed ended:cold>rest@6000s ended:rest>cold@4800s "
                 "ended:cold>none@3600s finished@3600s changed");
}

static void
test_suspend_one_deadline (Fixture       *f,
                           gconstpointer  data)
{
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 20, 2);
  assert_log (f, "changed");

  /* Asleep from minute 1 to minute 32. */
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_fake_clock_advance (f->clock, 31 * MINUTE);
  assert_log (f, "ended:heat>rest@720s changed");
  /* The rest began when the heat should have ended, not on waking. */
  assert_phase (f, 1, SOOTHE_PHASE_REST, 8 * MINUTE);
  g_assert_cmpint (wakeup (f), ==, START + 40 * MINUTE);

  run_to_wakeup (f);
  run_to_wakeup (f);
  assert_log (f, "ended:rest>heat@0s changed ended:heat>none@0s finished@0s changed");
  g_assert_cmpint (now (f), ==, START + 60 * MINUTE);
}

static void
test_suspend_several_deadlines (Fixture       *f,
                                gconstpointer  data)
{
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 20, 3);
  assert_log (f, "changed");
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 5);

  /* Phases end at 20, 40 and 60 minutes; the app wakes at 70 with a bit. */
  soothe_fake_clock_advance (f->clock, 70 * MINUTE + 17);
  assert_log (f, "ended:heat>rest@3000000017us ended:rest>heat@1800000017us "
                 "ended:heat>rest@600000017us changed");
  assert_phase (f, 3, SOOTHE_PHASE_REST, 10 * MINUTE - 17);
  g_assert_cmpint (wakeup (f), ==, START + 80 * MINUTE);

  /* And past the end. */
  soothe_fake_clock_set_now (f->clock, START + 200 * MINUTE);
  assert_log (f, "ended:rest>heat@7200s ended:heat>none@6000s finished@6000s changed");
  assert_finished (f);
}

static void
stop_on_phase_ended_cb (SootheTherapyTimer *timer,
                        SoothePhaseKind     ended,
                        SoothePhaseKind     next,
                        gint64              lateness,
                        Fixture            *f)
{
  soothe_therapy_timer_stop (timer);
}

static void
test_handler_stops (Fixture       *f,
                    gconstpointer  data)
{
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 20, 3);
  g_signal_connect (f->timer, "phase-ended", G_CALLBACK (stop_on_phase_ended_cb), f);

  /* The first phase-ended stops the session; nothing after it is reported. */
  soothe_fake_clock_advance (f->clock, 70 * MINUTE);
  assert_log (f, "changed ended:heat>rest@3000s changed changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);
}

static void
test_clock_set_back (Fixture       *f,
                     gconstpointer  data)
{
  gint64 jump_at;

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  soothe_fake_clock_advance (f->clock, 10 * MINUTE);
  assert_log (f, "changed skin@300s changed");

  /* The clock goes back 2 hours: the deadline is now 2 h 10 min away, more
   * than the phase is long, so the phase ends at most 20 minutes from now. */
  jump_at = now (f) - 2 * HOUR;
  soothe_fake_clock_set_now (f->clock, jump_at);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), <=,
                   soothe_therapy_timer_get_phase_length (f->timer));
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 20 * MINUTE);
  g_assert_cmpint (wakeup (f), ==, jump_at + 20 * MINUTE);
  assert_log (f, "changed");

  /* Small steps back and forth: remaining never grows past the length, and
   * time on the pack still adds up (9 minutes left, then 1 less each round). */
  for (guint i = 0; i < 5; i++)
    {
      soothe_fake_clock_set_now (f->clock, now (f) - 10 * MINUTE);
      g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), <=, 20 * MINUTE);
      soothe_fake_clock_set_now (f->clock, now (f) + 11 * MINUTE);
      g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), <=, 20 * MINUTE);
    }
  assert_phase (f, 0, SOOTHE_PHASE_COLD, 5 * MINUTE);
  clear_log (f);

  run_to_wakeup (f);
  assert_log (f, "ended:cold>rest@0s changed");

  /* The same in a rest, and in a paused session (which keeps its time). */
  soothe_fake_clock_set_now (f->clock, now (f) - 2 * HOUR);
  assert_phase (f, 1, SOOTHE_PHASE_REST, 20 * MINUTE);
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_therapy_timer_pause (f->timer);
  soothe_fake_clock_set_now (f->clock, now (f) - 2 * HOUR);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 19 * MINUTE);
  soothe_therapy_timer_resume (f->timer);
  assert_phase (f, 1, SOOTHE_PHASE_REST, 19 * MINUTE);
}

static void
test_eight_hour_day (Fixture       *f,
                     gconstpointer  data)
{
  const gint64 day_end = START + 8 * HOUR;
  guint n_sessions = 0;
  guint n_phase_ended = 0;
  guint n_finished = 0;
  guint n_skin = 0;

  while (now (f) < day_end)
    {
      gint64 began = now (f);
      gint64 planned;
      guint round = n_sessions % 3;

      if (round == 0)
        {
          start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 15 + n_sessions % 6, 1 + n_sessions % 4);
          planned = (15 + n_sessions % 6) * MINUTE * (1 + n_sessions % 4) +
                    20 * MINUTE * (n_sessions % 4);
        }
      else if (round == 1)
        {
          start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 20, 2);
          planned = 60 * MINUTE;
        }
      else
        {
          start_ok (f, SOOTHE_THERAPY_CONTRAST, &f->contrast, 0, 0);
          planned = 15 * MINUTE;
        }
      n_sessions++;

      while (soothe_therapy_timer_get_state (f->timer) == SOOTHE_TIMER_RUNNING)
        run_to_wakeup (f);
      assert_finished (f);
      g_assert_cmpint (now (f) - began, ==, planned);

      /* A break of a few minutes and some µs, so nothing lines up. */
      soothe_fake_clock_advance (f->clock, 7 * MINUTE + n_sessions * 1013);
    }

  {
    g_auto(GStrv) events = g_strsplit (f->log->str, " ", -1);

    for (guint i = 0; events[i] != NULL; i++)
      {
        if (g_str_has_prefix (events[i], "ended:"))
          {
            n_phase_ended++;
            g_assert_true (g_str_has_suffix (events[i], "@0s"));
          }
        else if (g_str_has_prefix (events[i], "finished"))
          {
            n_finished++;
            g_assert_cmpstr (events[i], ==, "finished@0s");
          }
        else if (g_str_has_prefix (events[i], "skin"))
          {
            n_skin++;
            g_assert_cmpstr (events[i], ==, "skin@0s");
          }
      }
  }

  g_assert_cmpuint (n_sessions, >=, 6);
  g_assert_cmpuint (n_finished, ==, n_sessions);
  g_assert_cmpuint (n_phase_ended, >, 2 * n_sessions);
  g_assert_cmpuint (n_skin, >, 0);
  clear_log (f);
}

/* What a restart sees: a new clock and timer that take the saved text. */
typedef struct {
  SootheClock        *clock;
  SootheTherapyTimer *timer;
} Restarted;

static void
restart (Fixture    *f,
         Restarted  *r,
         const char *saved,
         gint64      at)
{
  g_autoptr(GError) error = NULL;

  r->clock = soothe_fake_clock_new (at);
  r->timer = soothe_therapy_timer_new (r->clock);
  connect_log (f, r->timer);
  g_assert_true (soothe_therapy_timer_restore (r->timer, saved, strlen (saved), &error));
  g_assert_no_error (error);
}

static void
restarted_clear (Restarted *r)
{
  g_assert_finalize_object (r->timer);
  g_assert_finalize_object (r->clock);
}

static void
test_restore_before_deadline (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autofree char *paused = NULL;
  Restarted r;

  g_assert_null (soothe_therapy_timer_save (f->timer));

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 19, 2);
  soothe_fake_clock_advance (f->clock, 7 * MINUTE);
  g_assert_true (soothe_therapy_timer_extend (f->timer));
  assert_log (f, "changed skin@120s changed changed");
  saved = soothe_therapy_timer_save (f->timer);
  g_assert_nonnull (saved);
  g_test_message ("saved: %s", saved);

  /* Killed, and started again 3 minutes later. */
  restart (f, &r, saved, START + 10 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_state (r.timer), ==, SOOTHE_TIMER_RUNNING);
  g_assert_cmpint (soothe_therapy_timer_get_kind (r.timer), ==, SOOTHE_THERAPY_COLD);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (r.timer), ==, 3);
  g_assert_cmpuint (soothe_therapy_timer_get_phase_index (r.timer), ==, 0);
  g_assert_cmpint (soothe_therapy_timer_get_phase (r.timer), ==, SOOTHE_PHASE_COLD);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (r.timer), ==, 20 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (r.timer), ==, 10 * MINUTE);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (r.clock), ==, START + 20 * MINUTE);
  /* The check-skin prompt was already given. */
  soothe_therapy_timer_update (r.timer);
  assert_log (f, "");

  /* What it saves is what it was given. */
  {
    g_autofree char *again = soothe_therapy_timer_save (r.timer);
    g_assert_cmpstr (again, ==, saved);
  }

  soothe_fake_clock_set_now (r.clock, START + 20 * MINUTE);
  assert_log (f, "ended:cold>rest@0s changed");

  /* A paused session keeps its time left however long the app was away. */
  soothe_therapy_timer_pause (r.timer);
  paused = soothe_therapy_timer_save (r.timer);
  restarted_clear (&r);
  clear_log (f);

  restart (f, &r, paused, START + 30 * HOUR);
  g_assert_cmpint (soothe_therapy_timer_get_state (r.timer), ==, SOOTHE_TIMER_PAUSED);
  g_assert_cmpint (soothe_therapy_timer_get_phase (r.timer), ==, SOOTHE_PHASE_REST);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (r.timer), ==, 20 * MINUTE);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (r.clock), ==, G_MAXINT64);
  soothe_therapy_timer_update (r.timer);
  assert_log (f, "");
  restarted_clear (&r);
}

/* A session remembers the situation it was for, through a restart and to
 * its end; a timer saved before sessions did still restores. */
static void
test_situation_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  Restarted r;

  soothe_therapy_timer_set_situation (f->timer, "knee-pain");
  g_assert_null (soothe_therapy_timer_get_situation (f->timer));

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 1);
  g_assert_null (soothe_therapy_timer_get_situation (f->timer));
  soothe_therapy_timer_set_situation (f->timer, "knee-pain");
  g_assert_cmpstr (soothe_therapy_timer_get_situation (f->timer), ==, "knee-pain");
  saved = soothe_therapy_timer_save (f->timer);
  g_assert_nonnull (strstr (saved, "\"situation\" : \"knee-pain\""));

  restart (f, &r, saved, START + HOUR);
  g_assert_cmpstr (soothe_therapy_timer_get_situation (r.timer), ==, "knee-pain");
  soothe_therapy_timer_update (r.timer);
  g_assert_cmpint (soothe_therapy_timer_get_state (r.timer), ==, SOOTHE_TIMER_FINISHED);
  g_assert_cmpstr (soothe_therapy_timer_get_situation (r.timer), ==, "knee-pain");
  restarted_clear (&r);

  /* Without it, as written before. */
  soothe_therapy_timer_set_situation (f->timer, NULL);
  old = soothe_therapy_timer_save (f->timer);
  g_assert_null (strstr (old, "situation"));
  restart (f, &r, old, START + MINUTE);
  g_assert_null (soothe_therapy_timer_get_situation (r.timer));
  restarted_clear (&r);

  /* A new session forgets it. */
  soothe_therapy_timer_set_situation (f->timer, "knee-pain");
  soothe_therapy_timer_stop (f->timer);
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 1);
  g_assert_null (soothe_therapy_timer_get_situation (f->timer));

  /* One that is not an id is damage. */
  g_clear_pointer (&saved, g_free);
  soothe_therapy_timer_set_situation (f->timer, "knee-pain");
  saved = soothe_therapy_timer_save (f->timer);
  {
    g_autoptr(GString) bad = g_string_new (saved);
    SootheClock *clock = soothe_fake_clock_new (START);
    SootheTherapyTimer *timer = soothe_therapy_timer_new (clock);

    g_string_replace (bad, "\"knee-pain\"", "\"Knee Pain\"", 1);
    g_assert_false (soothe_therapy_timer_restore (timer, bad->str, bad->len, &error));
    g_assert_nonnull (strstr (error->message, "$.situation"));
    g_assert_null (soothe_therapy_timer_get_situation (timer));
    g_assert_finalize_object (timer);
    g_assert_finalize_object (clock);
  }
  clear_log (f);
}

static void
test_restore_after_deadline (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  Restarted r;

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  soothe_fake_clock_advance (f->clock, 3 * MINUTE);
  saved = soothe_therapy_timer_save (f->timer);
  clear_log (f);

  /* Back 47 minutes into the session: both deadlines and the second
   * application's check-skin time passed while the app was not running. */
  restart (f, &r, saved, START + 47 * MINUTE);
  assert_log (f, "");
  soothe_therapy_timer_update (r.timer);
  assert_log (f, "ended:cold>rest@1620s ended:rest>cold@420s skin@120s changed");
  g_assert_cmpuint (soothe_therapy_timer_get_phase_index (r.timer), ==, 2);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (r.timer), ==, 13 * MINUTE);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (r.clock), ==, START + 60 * MINUTE);
  restarted_clear (&r);

  /* Long after the end: everything is reported, the session is finished. */
  restart (f, &r, saved, START + 5 * HOUR);
  soothe_therapy_timer_update (r.timer);
  assert_log (f, "ended:cold>rest@16800s ended:rest>cold@15600s ended:cold>none@14400s "
                 "finished@14400s changed");
  g_assert_cmpint (soothe_therapy_timer_get_state (r.timer), ==, SOOTHE_TIMER_FINISHED);
  g_assert_null (soothe_therapy_timer_save (r.timer));
  restarted_clear (&r);

  /* Restored on a clock that is behind: the phase is no longer than planned. */
  restart (f, &r, saved, START - 3 * HOUR);
  soothe_therapy_timer_update (r.timer);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (r.timer), ==, 20 * MINUTE);
  g_assert_cmpint (soothe_therapy_timer_get_deadline (r.timer), ==, START - 3 * HOUR + 20 * MINUTE);
  clear_log (f);
  restarted_clear (&r);
}

/* Replaces one member of a saved session with raw JSON text (or removes it). */
static char *
with_member (const char *saved,
             const char *member,
             const char *raw)
{
  g_autoptr(JsonNode) root = json_from_string (saved, NULL);
  g_autofree char *text = NULL;
  GString *result;

  g_assert_nonnull (root);
  if (raw == NULL)
    json_object_remove_member (json_node_get_object (root), member);
  else
    json_object_set_string_member (json_node_get_object (root), member, "@VALUE@");
  text = json_to_string (root, FALSE);
  result = g_string_new (text);
  if (raw != NULL)
    g_assert_cmpuint (g_string_replace (result, "\"@VALUE@\"", raw, 1), ==, 1);
  return g_string_free (result, FALSE);
}

static void
assert_restore_fails (Fixture    *f,
                      const char *text,
                      gsize       length,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;

  /* A session runs beforehand, so that "left idle" is tested. */
  start_ok (f, SOOTHE_THERAPY_HEAT, &f->heat, 10, 1);
  clear_log (f);

  g_assert_false (soothe_therapy_timer_restore (f->timer, text, length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 200);
  if (expected != NULL)
    g_assert_cmpstr (error->message, ==, expected);
  else
    g_assert_cmpstr (error->message, !=, "");

  g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (f->timer), ==, 0);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);
  assert_log (f, "changed");
}

static void
test_restore_corrupt (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *member;
    const char *raw;
    const char *message;
  } cases[] = {
    { "format", NULL, "$.format: missing member" },
    { "format", "\"1\"", "$.format: expected an integer, found a string" },
    { "format", "2", "$.format: unsupported format 2 (this Soothe reads format 1)" },
    { "state", "\"finished\"", "$.state: unknown value \"finished\"" },
    { "state", "7", "$.state: expected a string, found an integer" },
    { "kind", "\"lava\"", "$.kind: unknown value \"lava\"" },
    { "kind", "\"none\"", "$.kind: unknown value \"none\"" },
    { "kind", "null", "$.kind: expected a string, found null" },
    { "kind", "\"heat\"", "$.phases[0].kind: a cold phase has no place in a heat session" },
    { "phases", NULL, "$.phases: missing member" },
    { "phases", "{}", "$.phases: expected an array, found an object" },
    { "phases", "[]", "$.phases: 0 phases, expected 1 to 24" },
    { "phases", "[1]", "$.phases[0]: expected an object, found an integer" },
    { "phases", "[{\"kind\":\"cold\"}]", "$.phases[0].length_us: missing member" },
    { "phases", "[{\"kind\":\"cold\",\"length_us\":0}]",
      "$.phases[0].length_us: 0 is out of range (1000000 to 14400000000)" },
    { "phases", "[{\"kind\":\"cold\",\"length_us\":-5}]",
      "$.phases[0].length_us: -5 is out of range (1000000 to 14400000000)" },
    { "phases", "[{\"kind\":\"cold\",\"length_us\":14400000001}]",
      "$.phases[0].length_us: 14400000001 is out of range (1000000 to 14400000000)" },
    { "phases", "[{\"kind\":\"cold\",\"length_us\":6e8}]",
      "$.phases[0].length_us: expected an integer, found a number with a fraction" },
    { "phases", "[{\"kind\":\"steam\",\"length_us\":60000000}]",
      "$.phases[0].kind: unknown value \"steam\"" },
    { "phases", "[{\"kind\":\"a\\nb\\u0001c\\\"\",\"length_us\":60000000}]",
      "$.phases[0].kind: unknown value \"a\\nb\\001c\\\"\"" },
    { "phase_index", "3", "$.phase_index: 3 is out of range (0 to 2)" },
    { "phase_index", "-1", "$.phase_index: -1 is out of range (0 to 2)" },
    { "phase_index", "true", "$.phase_index: expected an integer, found a boolean" },
    { "deadline_us", NULL, "$.deadline_us: missing member" },
    { "deadline_us", "-1", "$.deadline_us: -1 is out of range (1 to 7258118400000000)" },
    { "deadline_us", "9223372036854775807",
      "$.deadline_us: 9223372036854775807 is out of range (1 to 7258118400000000)" },
    { "deadline_us", "99999999999999999999", NULL },
    { "deadline_us", "1.5", "$.deadline_us: expected an integer, found a number with a fraction" },
    { "max_application_us", "\"20\"",
      "$.max_application_us: expected an integer, found a string" },
    { "check_skin_after_us", "-300000000",
      "$.check_skin_after_us: -300000000 is out of range (0 to 14400000000)" },
    { "check_skin_done", "\"yes\"", "$.check_skin_done: expected true or false, found a string" },
    { "check_skin_done", "1", "$.check_skin_done: expected true or false, found an integer" },
  };
  static const struct {
    const char *text;
    gsize       length;
  } raw_cases[] = {
    { "", 0 },
    { "   \n", 4 },
    { "\x00\x01\x02\xff\xfe", 5 },
    { "\xff\xfe{\"format\":1}", 14 },
    { "{\"format\": 1, \"state\": \"\xc3\x28\"}", 28 },
    { "null", 4 },
    { "[]", 2 },
    { "42", 2 },
    { "{}", 2 },
    { "{\"format\": 1", 12 },
    { "{\"format\": 1} {}", 16 },
    { "{\"format\": 1, \"format\": 1}", 26 },
  };
  g_autofree char *saved = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *paused = NULL;
  g_autoptr(GString) phases = g_string_new ("[");
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autofree char *junk = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const gsize junk_size = 1024 * 1024;

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  saved = soothe_therapy_timer_save (f->timer);
  soothe_therapy_timer_pause (f->timer);
  paused = soothe_therapy_timer_save (f->timer);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = with_member (saved, cases[i].member, cases[i].raw);

      g_test_message ("case %u: %s", i, text);
      assert_restore_fails (f, text, strlen (text), cases[i].message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    {
      g_test_message ("raw case %u", i);
      assert_restore_fails (f, raw_cases[i].text, raw_cases[i].length, NULL);
    }
  assert_restore_fails (f, NULL, 0, NULL);

  /* A paused session needs its time left, within the phase. */
  {
    g_autofree char *text = with_member (paused, "remaining_us", NULL);
    g_autofree char *over = with_member (paused, "remaining_us", "1200000001");

    assert_restore_fails (f, text, strlen (text), "$.remaining_us: missing member");
    assert_restore_fails (f, over, strlen (over),
                          "$.remaining_us: 1200000001 is out of range (0 to 1200000000)");
  }

  /* 25 phases is one too many. */
  for (guint i = 0; i < 25; i++)
    g_string_append_printf (phases, "%s{\"kind\":\"cold\",\"length_us\":60000000}", i ? "," : "");
  g_string_append (phases, "]");
  {
    g_autofree char *text = with_member (saved, "phases", phases->str);

    assert_restore_fails (f, text, strlen (text), "$.phases: 25 phases, expected 1 to 24");
  }

  /* Cut short, as a half-written file would be. */
  truncated = g_strndup (saved, strlen (saved) / 2);
  assert_restore_fails (f, truncated, strlen (truncated), NULL);

  /* A valid session followed by a NUL, as a careless writer might leave it. */
  assert_restore_fails (f, saved, strlen (saved) + 1, NULL);

  /* Deep nesting, within the size limit. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (nested, '[');
  assert_restore_fails (f, nested->str, nested->len, NULL);

  /* A megabyte of junk. */
  junk = g_malloc (junk_size);
  for (gsize i = 0; i < junk_size; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  assert_restore_fails (f, junk, junk_size, NULL);
  memset (junk, ' ', junk_size);
  assert_restore_fails (f, junk, junk_size, NULL);

  /* Random bytes, and random cuts and flips of a valid text, never crash. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = g_strdup (saved);
      gsize length = g_rand_int_range (rand, 0, strlen (saved) + 1);
      g_autoptr(GError) error = NULL;

      text[g_rand_int_range (rand, 0, strlen (saved))] = g_rand_int_range (rand, 0, 256);
      if (soothe_therapy_timer_restore (f->timer, text, length, &error))
        g_assert_no_error (error);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  soothe_therapy_timer_stop (f->timer);
  clear_log (f);

  /* And the valid ones still restore. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (soothe_therapy_timer_restore (f->timer, saved, strlen (saved), &error));
    g_assert_no_error (error);
    g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_RUNNING);
    g_assert_true (soothe_therapy_timer_restore (f->timer, paused, strlen (paused), &error));
    g_assert_no_error (error);
    g_assert_cmpint (soothe_therapy_timer_get_state (f->timer), ==, SOOTHE_TIMER_PAUSED);
  }
}

static void
test_wakeup_deadlines (Fixture       *f,
                       gconstpointer  data)
{
  /* Check-skin comes before the end of the phase. */
  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 12, 2);
  g_assert_cmpint (wakeup (f), ==, START + 5 * MINUTE);
  /* An update before anything is due keeps it. */
  soothe_fake_clock_advance (f->clock, MINUTE);
  soothe_therapy_timer_update (f->timer);
  g_assert_cmpint (wakeup (f), ==, START + 5 * MINUTE);
  run_to_wakeup (f);
  g_assert_cmpint (wakeup (f), ==, START + 12 * MINUTE);
  run_to_wakeup (f);
  g_assert_cmpint (wakeup (f), ==, START + 32 * MINUTE);

  soothe_therapy_timer_pause (f->timer);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);
  soothe_therapy_timer_resume (f->timer);
  g_assert_cmpint (wakeup (f), ==, START + 32 * MINUTE);

  soothe_therapy_timer_stop (f->timer);
  g_assert_cmpint (wakeup (f), ==, G_MAXINT64);
  g_assert_cmpint (soothe_therapy_timer_get_deadline (f->timer), ==, G_MAXINT64);
  g_assert_cmpint (soothe_therapy_timer_get_remaining (f->timer), ==, 0);
  clear_log (f);

  /* Nothing fires after a stop. */
  soothe_fake_clock_advance (f->clock, 10 * HOUR);
  assert_log (f, "");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
test_notify_only_on_change (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) notified = g_string_new (NULL);

  g_signal_connect (f->timer, "notify", G_CALLBACK (count_notify_cb), notified);

  start_ok (f, SOOTHE_THERAPY_COLD, &f->cold, 20, 2);
  g_assert_cmpstr (notified->str, ==, "state phase deadline ");
  g_string_truncate (notified, 0);

  /* Check-skin, updates and reading the countdown notify nothing. */
  for (guint i = 0; i < 19; i++)
    {
      soothe_fake_clock_advance (f->clock, MINUTE);
      soothe_therapy_timer_update (f->timer);
      (void) soothe_therapy_timer_get_remaining (f->timer);
    }
  g_assert_cmpstr (notified->str, ==, "");

  soothe_fake_clock_advance (f->clock, MINUTE);
  g_assert_cmpstr (notified->str, ==, "phase phase-index deadline ");
  g_string_truncate (notified, 0);

  g_assert_false (soothe_therapy_timer_extend (f->timer));
  soothe_therapy_timer_resume (f->timer);
  g_assert_cmpstr (notified->str, ==, "");

  soothe_therapy_timer_pause (f->timer);
  g_assert_cmpstr (notified->str, ==, "state deadline ");
  g_string_truncate (notified, 0);

  soothe_therapy_timer_stop (f->timer);
  g_assert_cmpstr (notified->str, ==, "state phase phase-index ");
  g_string_truncate (notified, 0);

  soothe_therapy_timer_stop (f->timer);
  g_assert_cmpstr (notified->str, ==, "");
  clear_log (f);

  {
    SootheTimerState state;
    SoothePhaseKind phase;
    guint index;
    gint64 deadline;

    g_object_get (f->timer, "state", &state, "phase", &phase, "phase-index", &index,
                  "deadline", &deadline, NULL);
    g_assert_cmpint (state, ==, SOOTHE_TIMER_IDLE);
    g_assert_cmpint (phase, ==, SOOTHE_PHASE_NONE);
    g_assert_cmpuint (index, ==, 0);
    g_assert_cmpint (deadline, ==, G_MAXINT64);
  }
}

static void
count_wakeup_cb (SootheClock *clock,
                 guint       *n_wakeups)
{
  (*n_wakeups)++;
}

static void
test_fake_clock (void)
{
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (1000);
  guint n_wakeups = 0;

  g_signal_connect (clock, "wakeup", G_CALLBACK (count_wakeup_cb), &n_wakeups);
  g_assert_cmpint (soothe_clock_get_now (clock), ==, 1000);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);

  /* Forward with no deadline: nothing. */
  soothe_fake_clock_advance (clock, HOUR);
  g_assert_cmpuint (n_wakeups, ==, 0);

  soothe_clock_set_wakeup (clock, 1000 + HOUR + 10);
  soothe_fake_clock_advance (clock, 9);
  g_assert_cmpuint (n_wakeups, ==, 0);
  soothe_fake_clock_advance (clock, 1);
  g_assert_cmpuint (n_wakeups, ==, 1);
  /* The deadline is used up. */
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);
  soothe_fake_clock_advance (clock, HOUR);
  g_assert_cmpuint (n_wakeups, ==, 1);

  /* Back, with or without a deadline: always. */
  soothe_fake_clock_set_now (clock, 5);
  g_assert_cmpuint (n_wakeups, ==, 2);
  soothe_clock_set_wakeup (clock, 100);
  soothe_fake_clock_set_now (clock, 4);
  g_assert_cmpuint (n_wakeups, ==, 3);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, 100);
  g_assert_cmpint (soothe_clock_get_now (clock), ==, 4);

  /* Forward past it in one jump. */
  soothe_fake_clock_set_now (clock, 10 * HOUR);
  g_assert_cmpuint (n_wakeups, ==, 4);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
real_wakeup_cb (SootheClock *clock,
                gboolean    *fired)
{
  *fired = TRUE;
}

static void
run_real_clock (void)
{
  g_autoptr(SootheClock) clock = soothe_clock_new_real ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gboolean fired = FALSE;
  gint64 now = soothe_clock_get_now (clock);
  guint give_up;

  g_assert_cmpint (ABS (now - g_get_real_time ()), <, 10 * SECOND);

  g_signal_connect (clock, "wakeup", G_CALLBACK (real_wakeup_cb), &fired);
  g_signal_connect_swapped (clock, "wakeup", G_CALLBACK (g_main_loop_quit), loop);
  soothe_clock_set_wakeup (clock, now + 50 * 1000);
  give_up = g_timeout_add_seconds (20, give_up_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (fired);
  g_source_remove (give_up);
  g_assert_cmpint (soothe_clock_get_now (clock), >=, now + 50 * 1000);

  /* No deadline: nothing more. */
  soothe_clock_set_wakeup (clock, G_MAXINT64);
  fired = FALSE;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (fired);
}

static void
test_real_clock (void)
{
  run_real_clock ();
}

static void
test_real_clock_fallback (void)
{
  g_setenv ("SOOTHE_CLOCK_NO_TIMERFD", "1", TRUE);
  run_real_clock ();
  g_unsetenv ("SOOTHE_CLOCK_NO_TIMERFD");
}

static void
test_real_clock_timer (void)
{
  g_autoptr(SootheTherapyTimer) timer = soothe_therapy_timer_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SootheTherapyPreset contrast = { .heat_seconds = 1, .cold_seconds = 1, .rounds = 1 };
  g_autoptr(GError) error = NULL;
  guint give_up;

  g_assert_true (SOOTHE_IS_REAL_CLOCK (soothe_therapy_timer_get_clock (timer)));
  g_assert_true (soothe_therapy_timer_start (timer, SOOTHE_THERAPY_CONTRAST, &contrast, 0, 0, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (timer, "finished", G_CALLBACK (g_main_loop_quit), loop);
  give_up = g_timeout_add_seconds (20, give_up_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (give_up);
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_FINISHED);
}

#define ADD(path, func) \
  g_test_add ("/soothe/therapy-timer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("cold-cycle", test_cold_cycle);
  ADD ("heat", test_heat);
  ADD ("contrast", test_contrast);
  ADD ("rejects-out-of-range", test_rejects_out_of_range);
  ADD ("pause-resume", test_pause_resume);
  ADD ("pause-after-deadline", test_pause_after_deadline);
  ADD ("extend", test_extend);
  ADD ("skip-phase", test_skip_phase);
  ADD ("check-skin", test_check_skin);
  ADD ("suspend-one-deadline", test_suspend_one_deadline);
  ADD ("suspend-several-deadlines", test_suspend_several_deadlines);
  ADD ("handler-stops", test_handler_stops);
  ADD ("clock-set-back", test_clock_set_back);
  ADD ("situation-kept", test_situation_kept);
  ADD ("eight-hour-day", test_eight_hour_day);
  ADD ("restore-before-deadline", test_restore_before_deadline);
  ADD ("restore-after-deadline", test_restore_after_deadline);
  ADD ("restore-corrupt", test_restore_corrupt);
  ADD ("wakeup-deadlines", test_wakeup_deadlines);
  ADD ("notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/soothe/therapy-timer/fake-clock", test_fake_clock);
  g_test_add_func ("/soothe/therapy-timer/real-clock", test_real_clock);
  g_test_add_func ("/soothe/therapy-timer/real-clock-fallback", test_real_clock_fallback);
  g_test_add_func ("/soothe/therapy-timer/real-clock-timer", test_real_clock_timer);

  return g_test_run ();
}
