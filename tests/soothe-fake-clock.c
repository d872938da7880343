/* soothe-fake-clock.c: a clock for tests and fuzzers, moved by hand
 *
 * Not part of Soothe itself: only tests/ and tests/fuzz/ link it.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-fake-clock.h"

struct _SootheFakeClock
{
  SootheClock parent_instance;

  gint64 now;
  gint64 wakeup;   /* G_MAXINT64: none */
};

G_DEFINE_FINAL_TYPE (SootheFakeClock, soothe_fake_clock, SOOTHE_TYPE_CLOCK)

static gint64
soothe_fake_clock_get_now (SootheClock *clock)
{
  return SOOTHE_FAKE_CLOCK (clock)->now;
}

static void
soothe_fake_clock_set_wakeup (SootheClock *clock,
                              gint64       deadline)
{
  SOOTHE_FAKE_CLOCK (clock)->wakeup = deadline;
}

static void
soothe_fake_clock_class_init (SootheFakeClockClass *klass)
{
  SootheClockClass *clock_class = SOOTHE_CLOCK_CLASS (klass);

  clock_class->get_now = soothe_fake_clock_get_now;
  clock_class->set_wakeup = soothe_fake_clock_set_wakeup;
}

static void
soothe_fake_clock_init (SootheFakeClock *self)
{
  self->wakeup = G_MAXINT64;
}

/**
 * soothe_fake_clock_new:
 * @now: the starting wall-clock time, µs since the epoch
 *
 * Returns: (transfer full): a clock that moves only when told to
 */
SootheClock *
soothe_fake_clock_new (gint64 now)
{
  SootheFakeClock *self = g_object_new (SOOTHE_TYPE_FAKE_CLOCK, NULL);

  self->now = now;

  return SOOTHE_CLOCK (self);
}

/**
 * soothe_fake_clock_set_now:
 * @fake: a fake #SootheClock
 * @now: the new time
 *
 * Jumps to @now, forward or back. Emits #SootheClock::wakeup when the wake-up
 * deadline is reached (using it up), and after any backwards jump, as the real
 * clock does on a clock change.
 */
void
soothe_fake_clock_set_now (SootheClock *fake,
                           gint64       now)
{
  SootheFakeClock *self;
  gboolean backwards;
  gboolean reached;

  g_return_if_fail (SOOTHE_IS_FAKE_CLOCK (fake));

  self = SOOTHE_FAKE_CLOCK (fake);
  backwards = now < self->now;
  reached = self->wakeup != G_MAXINT64 && now >= self->wakeup;
  self->now = now;
  if (reached)
    self->wakeup = G_MAXINT64;
  if (reached || backwards)
    soothe_clock_emit_wakeup (fake);
}

/**
 * soothe_fake_clock_advance:
 * @fake: a fake #SootheClock
 * @delta: µs to move forward, not negative
 *
 * Moves time forward, as soothe_fake_clock_set_now() does.
 */
void
soothe_fake_clock_advance (SootheClock *fake,
                           gint64       delta)
{
  g_return_if_fail (SOOTHE_IS_FAKE_CLOCK (fake));
  g_return_if_fail (delta >= 0);

  soothe_fake_clock_set_now (fake, SOOTHE_FAKE_CLOCK (fake)->now + delta);
}

/**
 * soothe_fake_clock_get_wakeup:
 * @fake: a fake #SootheClock
 *
 * Returns: the wake-up deadline its owner set, or %G_MAXINT64
 */
gint64
soothe_fake_clock_get_wakeup (SootheClock *fake)
{
  g_return_val_if_fail (SOOTHE_IS_FAKE_CLOCK (fake), G_MAXINT64);

  return SOOTHE_FAKE_CLOCK (fake)->wakeup;
}
