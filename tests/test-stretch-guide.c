/* test-stretch-guide.c: the guided count of a stretch's holds, on a fake clock
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-content.h"
#include "soothe-fake-clock.h"
#include "soothe-stretch-guide.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define START_TIME (G_GINT64_CONSTANT (1767225600) * SECOND)  /* 2026-01-01 00:00 UTC */
#define RELAX  (SOOTHE_STRETCH_GUIDE_RELAX_SECONDS * SECOND)

/* cat-cow: 10 holds of 5 seconds. */
#define HOLD   (5 * SECOND)
#define HOLDS  10

static SootheContent *content;

typedef struct {
  SootheClock        *clock;
  SootheStretchGuide *guide;
  guint               n_finished;
  GString            *phases;      /* each phase notified, by its nick */
  guint               n_seconds;   /* remaining-seconds notifications */
} Fixture;

static void
finished_cb (SootheStretchGuide *guide,
             Fixture            *f)
{
  g_assert_cmpint (soothe_stretch_guide_get_phase (guide), ==, SOOTHE_STRETCH_PHASE_FINISHED);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, G_MAXINT64);
  f->n_finished++;
}

static void
phase_changed_cb (SootheStretchGuide *guide,
                  GParamSpec         *pspec,
                  Fixture            *f)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (SOOTHE_TYPE_STRETCH_PHASE);
  GEnumValue *value = g_enum_get_value (enum_class, soothe_stretch_guide_get_phase (guide));

  g_string_append_printf (f->phases, "%s ", value->value_nick);
}

static void
remaining_seconds_changed_cb (SootheStretchGuide *guide,
                              GParamSpec         *pspec,
                              Fixture            *f)
{
  f->n_seconds++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SootheStretch *stretch = soothe_content_lookup_stretch (content, data != NULL ? data : "cat-cow");

  g_assert_nonnull (stretch);
  f->clock = soothe_fake_clock_new (START_TIME);
  f->guide = soothe_stretch_guide_new (stretch, f->clock);
  f->phases = g_string_new (NULL);
  g_signal_connect (f->guide, "finished", G_CALLBACK (finished_cb), f);
  g_signal_connect (f->guide, "notify::phase", G_CALLBACK (phase_changed_cb), f);
  g_signal_connect (f->guide, "notify::remaining-seconds",
                    G_CALLBACK (remaining_seconds_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->guide);
  /* A guide gone leaves no wake-up behind. */
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, G_MAXINT64);
  g_assert_finalize_object (f->clock);
  g_string_free (f->phases, TRUE);
}

static gint64
now (Fixture *f)
{
  return soothe_clock_get_now (f->clock);
}

/* The one wake-up on the clock is the end of the phase being counted, and
 * nothing while nothing is counted. */
static void
assert_wakeup_is_phase_end (Fixture *f)
{
  SootheStretchPhase phase = soothe_stretch_guide_get_phase (f->guide);
  gint64 deadline = soothe_stretch_guide_get_deadline (f->guide);

  if (phase == SOOTHE_STRETCH_PHASE_HOLD || phase == SOOTHE_STRETCH_PHASE_RELAX)
    {
      g_assert_cmpint (deadline, >, now (f));
      g_assert_cmpint (deadline - now (f), <=, soothe_stretch_guide_get_phase_length (f->guide));
      g_assert_cmpint (deadline - now (f), ==, soothe_stretch_guide_get_remaining (f->guide));
    }
  else
    {
      g_assert_cmpint (deadline, ==, G_MAXINT64);
    }
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, deadline);
}

static void
assert_phase (Fixture            *f,
              SootheStretchPhase  phase,
              guint               repetition,
              const char         *description)
{
  g_assert_cmpint (soothe_stretch_guide_get_phase (f->guide), ==, phase);
  g_assert_cmpuint (soothe_stretch_guide_get_repetition (f->guide), ==, repetition);
  g_assert_cmpstr (soothe_stretch_guide_get_description (f->guide), ==, description);
  assert_wakeup_is_phase_end (f);
}

/* Moves the clock to @until as the real one would: stopping at every
 * wake-up the guide asks for on the way. */
static void
run_until (Fixture *f,
           gint64   until)
{
  for (;;)
    {
      gint64 wakeup = soothe_fake_clock_get_wakeup (f->clock);

      g_assert_cmpint (wakeup, >, now (f));
      if (wakeup > until)
        break;
      soothe_fake_clock_set_now (f->clock, wakeup);
      assert_wakeup_is_phase_end (f);
    }
  soothe_fake_clock_set_now (f->clock, until);
}

static void
test_idle (Fixture       *f,
           gconstpointer  data)
{
  g_assert_true (soothe_stretch_guide_get_clock (f->guide) == f->clock);
  g_assert_cmpstr (soothe_stretch_get_id (soothe_stretch_guide_get_stretch (f->guide)), ==,
                   "cat-cow");
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  g_assert_cmpint (soothe_stretch_guide_get_paused_phase (f->guide), ==, SOOTHE_STRETCH_PHASE_IDLE);
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 0);
  g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, 0);

  /* Nothing to pause, resume or stop. */
  soothe_stretch_guide_pause (f->guide);
  soothe_stretch_guide_resume (f->guide);
  soothe_stretch_guide_stop (f->guide);
  soothe_fake_clock_advance (f->clock, HOUR);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  g_assert_cmpstr (f->phases->str, ==, "");
}

/* Ten holds with a relax between each, each wake-up at a phase end. */
static void
test_whole_stretch (Fixture       *f,
                    gconstpointer  data)
{
  GString *expected = g_string_new ("hold ");
  g_autofree char *expected_phases = NULL;

  soothe_stretch_guide_start (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, START_TIME + HOLD);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 5);
  g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, HOLD);

  for (guint hold = 1; hold <= HOLDS; hold++)
    {
      gint64 hold_start = START_TIME + (hold - 1) * (HOLD + RELAX);
      g_autofree char *text = g_strdup_printf ("Hold %u of 10", hold);

      assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, hold, text);
      g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, hold_start + HOLD);

      /* Between phase ends the clock stays asleep. */
      soothe_fake_clock_set_now (f->clock, hold_start + HOLD - 1);
      assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, hold, text);
      g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 1);
      g_assert_cmpuint (f->n_finished, ==, 0);

      soothe_fake_clock_set_now (f->clock, hold_start + HOLD);
      if (hold == HOLDS)
        break;
      assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, hold, "Relax");
      g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==,
                       hold_start + HOLD + RELAX);
      g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, RELAX);
      g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 5);
      soothe_fake_clock_set_now (f->clock, hold_start + HOLD + RELAX);
      g_string_append (expected, "relax hold ");
    }

  g_string_append (expected, "finished ");
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpint (now (f), ==, START_TIME + HOLDS * HOLD + (HOLDS - 1) * RELAX);
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 0);
  expected_phases = g_string_free (expected, FALSE);
  g_assert_cmpstr (f->phases->str, ==, expected_phases);

  /* Nothing more happens, however long it is left. */
  soothe_fake_clock_advance (f->clock, 10 * MINUTE);
  soothe_stretch_guide_update (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);

  /* Starting again starts from the first hold. */
  soothe_stretch_guide_start (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  run_until (f, now (f) + HOLDS * HOLD + (HOLDS - 1) * RELAX);
  g_assert_cmpuint (f->n_finished, ==, 2);
}

/* A single hold says neither its number nor a relax. */
static void
test_single_hold (Fixture       *f,
                  gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold");
  g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, 45 * SECOND);
  soothe_stretch_guide_pause (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused");
  soothe_stretch_guide_resume (f->guide);
  run_until (f, START_TIME + 45 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, 1, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpstr (f->phases->str, ==, "hold paused hold finished ");
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, 2 * SECOND);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 3);

  soothe_stretch_guide_pause (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_paused_phase (f->guide), ==, SOOTHE_STRETCH_PHASE_HOLD);
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 3 * SECOND);
  g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, HOLD);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, G_MAXINT64);

  /* Paused, the time left stays however long the pause; pausing again
   * changes nothing. */
  soothe_fake_clock_advance (f->clock, HOUR);
  soothe_stretch_guide_pause (f->guide);
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 3 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: hold 1 of 10");

  soothe_stretch_guide_resume (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_paused_phase (f->guide), ==, SOOTHE_STRETCH_PHASE_IDLE);
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, now (f) + 3 * SECOND);
  soothe_stretch_guide_resume (f->guide);
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, now (f) + 3 * SECOND);

  /* A relax pauses too, and says so. */
  soothe_fake_clock_advance (f->clock, 3 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, 1, "Relax");
  soothe_fake_clock_advance (f->clock, 1 * SECOND);
  soothe_stretch_guide_pause (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: relax");
  g_assert_cmpint (soothe_stretch_guide_get_paused_phase (f->guide), ==,
                   SOOTHE_STRETCH_PHASE_RELAX);
  g_assert_cmpint (soothe_stretch_guide_get_phase_length (f->guide), ==, RELAX);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 4);
  soothe_fake_clock_advance (f->clock, 10 * SECOND);
  soothe_stretch_guide_resume (f->guide);
  soothe_fake_clock_advance (f->clock, 4 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 2, "Hold 2 of 10");
  g_assert_cmpuint (f->n_finished, ==, 0);
  g_assert_cmpstr (f->phases->str, ==, "hold paused hold relax paused relax hold ");
}

/* A pause asked for after the phase ended, before the clock woke, pauses the
 * phase that follows. */
static void
test_pause_late (Fixture       *f,
                 gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  /* Moved without waking, as a busy main loop might. */
  soothe_clock_set_wakeup (f->clock, G_MAXINT64);
  soothe_fake_clock_set_now (f->clock, START_TIME + HOLD + 2 * SECOND);
  soothe_stretch_guide_pause (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: relax");
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, RELAX - 2 * SECOND);
}

/* The wall clock set back before the phase began: the phase is counted
 * again from then, never stretched or skipped. */
static void
test_clock_backwards (Fixture       *f,
                      gconstpointer  data)
{
  gint64 back = START_TIME - HOUR;

  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, 3 * SECOND);
  soothe_fake_clock_set_now (f->clock, back);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, back + HOLD);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 5);

  soothe_fake_clock_set_now (f->clock, back + HOLD);
  assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, 1, "Relax");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, back + HOLD + RELAX);

  /* Back again in the relax, and the rest of the stretch follows on. */
  soothe_fake_clock_set_now (f->clock, back);
  assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, 1, "Relax");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, back + RELAX);
  run_until (f, back + RELAX + HOLDS * HOLD + (HOLDS - 1) * RELAX);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);

  /* Once finished, the clock going back changes nothing. */
  soothe_fake_clock_set_now (f->clock, START_TIME - 2 * HOUR);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);
}

/* The clock going back during a pause leaves the time left alone. */
static void
test_clock_backwards_paused (Fixture       *f,
                             gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, 1 * SECOND);
  soothe_stretch_guide_pause (f->guide);
  soothe_fake_clock_set_now (f->clock, START_TIME - HOUR);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 4 * SECOND);
  soothe_stretch_guide_resume (f->guide);
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==,
                   START_TIME - HOUR + 4 * SECOND);
}

/* A short jump forward (a busy machine, a brief sleep) passes several
 * phases at once, each ending where the one before would have, and ends
 * the stretch once. */
static void
test_jump_past_phases (Fixture       *f,
                       gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_set_now (f->clock, START_TIME + 17 * SECOND);
  /* hold 0–5, relax 5–10, hold 10–15, relax 15–20 */
  assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, 2, "Relax");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, START_TIME + 20 * SECOND);
  g_assert_cmpstr (f->phases->str, ==, "hold relax ");

  soothe_fake_clock_set_now (f->clock, START_TIME + 40 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 5, "Hold 5 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, START_TIME + 45 * SECOND);

  /* Less than a minute after the hold's end, past the last one. */
  soothe_fake_clock_set_now (f->clock, START_TIME + 100 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpstr (f->phases->str, ==, "hold relax hold finished ");
}

/* After a suspend nobody held the stretch: the guide waits, with the
 * interrupted phase to do again in full. */
static void
test_suspend (Fixture       *f,
              gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, 2 * SECOND);
  soothe_fake_clock_set_now (f->clock, START_TIME + 2 * HOUR);

  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_paused_phase (f->guide), ==, SOOTHE_STRETCH_PHASE_HOLD);
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, HOLD);
  g_assert_cmpuint (f->n_finished, ==, 0);

  soothe_stretch_guide_resume (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, START_TIME + 2 * HOUR + HOLD);
  soothe_fake_clock_advance (f->clock, HOLD);
  assert_phase (f, SOOTHE_STRETCH_PHASE_RELAX, 1, "Relax");

  /* Exactly a minute late counts as away, in a relax as in a hold. */
  soothe_fake_clock_set_now (f->clock, soothe_stretch_guide_get_deadline (f->guide) +
                                       SOOTHE_STRETCH_GUIDE_AWAY_USEC);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, 1, "Paused: relax");
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, RELAX);
  g_assert_cmpuint (f->n_finished, ==, 0);
}

/* A suspend right through the last hold does not count as doing it. */
static void
test_suspend_through_end (Fixture       *f,
                          gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  run_until (f, START_TIME + 92 * SECOND);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, HOLDS, "Hold 10 of 10");
  soothe_fake_clock_set_now (f->clock, START_TIME + 8 * HOUR);
  assert_phase (f, SOOTHE_STRETCH_PHASE_PAUSED, HOLDS, "Paused: hold 10 of 10");
  g_assert_cmpuint (f->n_finished, ==, 0);

  soothe_stretch_guide_resume (f->guide);
  soothe_fake_clock_advance (f->clock, HOLD);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  g_assert_cmpuint (f->n_finished, ==, 1);
}

static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, 2 * SECOND);
  soothe_stretch_guide_stop (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  g_assert_cmpint (soothe_stretch_guide_get_remaining (f->guide), ==, 0);
  soothe_fake_clock_advance (f->clock, 10 * MINUTE);
  g_assert_cmpuint (f->n_finished, ==, 0);

  /* Stopped while paused, and once finished, it is idle too. */
  soothe_stretch_guide_start (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, now (f) + HOLD);
  soothe_stretch_guide_pause (f->guide);
  soothe_stretch_guide_stop (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  soothe_stretch_guide_resume (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");

  soothe_stretch_guide_start (f->guide);
  run_until (f, now (f) + HOUR);
  assert_phase (f, SOOTHE_STRETCH_PHASE_FINISHED, HOLDS, "Well done");
  soothe_stretch_guide_stop (f->guide);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpstr (f->phases->str, ==,
                   "hold idle hold paused idle hold relax hold relax hold relax hold relax hold "
                   "relax hold relax hold relax hold relax hold relax hold finished idle ");
}

/* A count on screen wakes each time the whole seconds left change, and
 * never more often; without one, only phase ends wake. */
static void
test_tick_seconds (Fixture       *f,
                   gconstpointer  data)
{
  soothe_stretch_guide_start (f->guide);
  g_assert_cmpuint (f->n_seconds, ==, 1);
  soothe_stretch_guide_set_tick_seconds (f->guide, TRUE);
  g_assert_true (soothe_stretch_guide_get_tick_seconds (f->guide));
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, START_TIME + 1 * SECOND);

  soothe_fake_clock_advance (f->clock, SECOND / 2);
  g_assert_cmpuint (f->n_seconds, ==, 1);
  soothe_fake_clock_advance (f->clock, SECOND / 2);
  g_assert_cmpuint (f->n_seconds, ==, 2);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 4);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, START_TIME + 2 * SECOND);

  /* Each second of the hold, then the relax, once. */
  for (guint i = 0; i < 4; i++)
    soothe_fake_clock_set_now (f->clock, soothe_fake_clock_get_wakeup (f->clock));
  g_assert_cmpint (now (f), ==, START_TIME + HOLD);
  g_assert_cmpint (soothe_stretch_guide_get_phase (f->guide), ==, SOOTHE_STRETCH_PHASE_RELAX);
  g_assert_cmpuint (soothe_stretch_guide_get_remaining_seconds (f->guide), ==, 5);
  g_assert_cmpuint (f->n_seconds, ==, 6);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, START_TIME + HOLD + 1 * SECOND);

  /* Hidden, the count sleeps until the phase ends; shown again, it is up
   * to date at once. */
  soothe_stretch_guide_set_tick_seconds (f->guide, FALSE);
  assert_wakeup_is_phase_end (f);
  soothe_fake_clock_advance (f->clock, 3 * SECOND);
  g_assert_cmpuint (f->n_seconds, ==, 6);
  soothe_stretch_guide_set_tick_seconds (f->guide, TRUE);
  g_assert_cmpuint (f->n_seconds, ==, 7);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, START_TIME + HOLD + 4 * SECOND);

  /* Paused, nothing wakes. */
  soothe_stretch_guide_pause (f->guide);
  g_assert_cmpint (soothe_fake_clock_get_wakeup (f->clock), ==, G_MAXINT64);

  /* It is a property too. */
  g_object_set (f->guide, "tick-seconds", FALSE, NULL);
  g_assert_false (soothe_stretch_guide_get_tick_seconds (f->guide));
}

/* Stopping or starting from a listener wins over what was under way. */
static void
stop_on_relax_cb (SootheStretchGuide *guide,
                  GParamSpec         *pspec,
                  Fixture            *f)
{
  if (soothe_stretch_guide_get_phase (guide) == SOOTHE_STRETCH_PHASE_RELAX)
    soothe_stretch_guide_stop (guide);
}

static void
restart_cb (SootheStretchGuide *guide,
            Fixture            *f)
{
  soothe_stretch_guide_start (guide);
}

static void
test_listener_acts (Fixture       *f,
                    gconstpointer  data)
{
  gulong handler = g_signal_connect (f->guide, "notify::phase", G_CALLBACK (stop_on_relax_cb), f);

  soothe_stretch_guide_start (f->guide);
  soothe_fake_clock_advance (f->clock, HOLD);
  assert_phase (f, SOOTHE_STRETCH_PHASE_IDLE, 0, "");
  g_signal_handler_disconnect (f->guide, handler);

  g_signal_connect (f->guide, "finished", G_CALLBACK (restart_cb), f);
  soothe_stretch_guide_start (f->guide);
  run_until (f, now (f) + HOLDS * HOLD + (HOLDS - 1) * RELAX);
  g_assert_cmpuint (f->n_finished, ==, 1);
  assert_phase (f, SOOTHE_STRETCH_PHASE_HOLD, 1, "Hold 1 of 10");
  g_assert_cmpint (soothe_stretch_guide_get_deadline (f->guide), ==, now (f) + HOLD);
}

/* Without a clock of its own, it keeps real time on a clock it owns. */
static void
test_default_clock (void)
{
  SootheStretch *stretch = soothe_content_lookup_stretch (content, "cat-cow");
  SootheStretchGuide *guide = soothe_stretch_guide_new (stretch, NULL);
  SootheClock *clock = soothe_stretch_guide_get_clock (guide);
  SootheStretchPhase phase;

  g_assert_true (SOOTHE_IS_REAL_CLOCK (clock));
  g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *) &clock);
  soothe_stretch_guide_start (guide);
  g_object_get (guide, "phase", &phase, NULL);
  g_assert_cmpint (phase, ==, SOOTHE_STRETCH_PHASE_HOLD);
  g_assert_finalize_object (guide);
  g_assert_null (clock);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  content = soothe_content_new_builtin ();

#define ADD(path, id, func) \
  g_test_add ("/soothe/stretch-guide/" path, Fixture, id, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("idle", NULL, test_idle);
  ADD ("whole-stretch", NULL, test_whole_stretch);
  ADD ("single-hold", "quadriceps-stretch", test_single_hold);
  ADD ("pause-resume", NULL, test_pause_resume);
  ADD ("pause-late", NULL, test_pause_late);
  ADD ("clock-backwards", NULL, test_clock_backwards);
  ADD ("clock-backwards-paused", NULL, test_clock_backwards_paused);
  ADD ("jump-past-phases", NULL, test_jump_past_phases);
  ADD ("suspend", NULL, test_suspend);
  ADD ("suspend-through-end", NULL, test_suspend_through_end);
  ADD ("stop", NULL, test_stop);
  ADD ("tick-seconds", NULL, test_tick_seconds);
  ADD ("listener-acts", NULL, test_listener_acts);
  g_test_add_func ("/soothe/stretch-guide/default-clock", test_default_clock);

#undef ADD

  status = g_test_run ();
  g_clear_object (&content);
  return status;
}
