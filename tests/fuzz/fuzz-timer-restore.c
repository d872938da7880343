/* fuzz-timer-restore.c: libFuzzer harness for restoring a saved therapy timer
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state file is whatever was on the disk: a crash mid-write, a full disk,
 * a person's editor. Restoring it must either fail cleanly, leaving the timer
 * idle, or give a session that saves back to the same text and that runs to
 * its end on a fake clock with every value in range.
 */

#include <stdint.h>
#include <string.h>

#include "soothe-fake-clock.h"
#include "soothe-therapy-timer.h"

/* 2026-01-01 00:00 UTC */
#define START ((gint64) 1767225600 * G_USEC_PER_SEC)

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
assert_in_range (SootheTherapyTimer *timer)
{
  SootheTimerState state = soothe_therapy_timer_get_state (timer);
  gint64 remaining = soothe_therapy_timer_get_remaining (timer);
  gint64 length = soothe_therapy_timer_get_phase_length (timer);

  g_assert_cmpint (remaining, >=, 0);
  g_assert_cmpint (remaining, <=, length);
  g_assert_cmpint (length, <=, SOOTHE_THERAPY_TIMER_MAX_PHASE_USEC);
  g_assert_cmpuint (soothe_therapy_timer_get_n_phases (timer), <=, SOOTHE_THERAPY_TIMER_MAX_PHASES);
  if (state == SOOTHE_TIMER_RUNNING || state == SOOTHE_TIMER_PAUSED)
    {
      g_assert_cmpuint (soothe_therapy_timer_get_phase_index (timer), <,
                        soothe_therapy_timer_get_n_phases (timer));
      g_assert_cmpint (soothe_therapy_timer_get_phase (timer), !=, SOOTHE_PHASE_NONE);
    }
  if (state != SOOTHE_TIMER_RUNNING)
    g_assert_cmpint (soothe_therapy_timer_get_deadline (timer), ==, G_MAXINT64);
}

/* The same text gives the same session: save, restore elsewhere, save again. */
static void
assert_round_trip (SootheTherapyTimer *timer)
{
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START);
  g_autoptr(SootheTherapyTimer) copy = soothe_therapy_timer_new (clock);
  g_autofree char *saved = soothe_therapy_timer_save (timer);
  g_autofree char *saved_again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (saved);
  if (!soothe_therapy_timer_restore (copy, saved, strlen (saved), &error))
    g_error ("what save() wrote does not restore: %s\n%s", error->message, saved);
  saved_again = soothe_therapy_timer_save (copy);
  g_assert_cmpstr (saved, ==, saved_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (START);
  g_autoptr(SootheTherapyTimer) timer = soothe_therapy_timer_new (clock);
  g_autoptr(GError) error = NULL;

  if (!soothe_therapy_timer_restore (timer, (const char *) data, size, &error))
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);
      g_assert_cmpint (soothe_fake_clock_get_wakeup (clock), ==, G_MAXINT64);
      return 0;
    }

  g_assert_no_error (error);
  assert_in_range (timer);
  assert_round_trip (timer);

  /* What ended while Soothe was not running, then the rest of the session,
   * with a pause, an extension and a skip on the way; bounded, as each step
   * moves at least to the next deadline or ends a phase. */
  soothe_therapy_timer_update (timer);
  assert_in_range (timer);
  soothe_therapy_timer_pause (timer);
  assert_in_range (timer);
  soothe_fake_clock_advance (clock, 90 * G_USEC_PER_SEC);
  soothe_therapy_timer_resume (timer);
  assert_in_range (timer);
  if (soothe_therapy_timer_can_extend (timer))
    g_assert_true (soothe_therapy_timer_extend (timer));
  assert_in_range (timer);
  for (guint i = 0; i < 2 * SOOTHE_THERAPY_TIMER_MAX_PHASES + 2; i++)
    {
      SootheTimerState state = soothe_therapy_timer_get_state (timer);
      gint64 deadline = soothe_therapy_timer_get_deadline (timer);

      if (state != SOOTHE_TIMER_RUNNING && state != SOOTHE_TIMER_PAUSED)
        break;
      if (state == SOOTHE_TIMER_PAUSED)
        soothe_therapy_timer_resume (timer);
      else if (i % 3 == 2)
        soothe_therapy_timer_skip_phase (timer);
      else
        soothe_fake_clock_set_now (clock, MAX (deadline, soothe_clock_get_now (clock)));
      soothe_therapy_timer_update (timer);
      assert_in_range (timer);
    }
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_FINISHED);

  return 0;
}
