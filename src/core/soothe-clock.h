/* soothe-clock.h: the wall clock that drives timers, real or fake
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_CLOCK (soothe_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (SootheClock, soothe_clock, SOOTHE, CLOCK, GObject)

/* A clock holds one wake-up deadline, so each owner (the therapy timer, the
 * reminder scheduler) needs its own instance. "wakeup" is emitted when that
 * deadline is reached, and also whenever the wall clock jumps, so that owners
 * re-check all their deadlines. A deadline that fired is used up: the clock
 * then has none until the next soothe_clock_set_wakeup(). */
struct _SootheClockClass
{
  GObjectClass parent_class;

  /* wall clock, µs since the epoch */
  gint64 (*get_now)    (SootheClock *self);
  /* wall-clock µs; G_MAXINT64 for no wake-up */
  void   (*set_wakeup) (SootheClock *self,
                        gint64       deadline);
};

gint64       soothe_clock_get_now       (SootheClock *self);
void         soothe_clock_set_wakeup    (SootheClock *self,
                                         gint64       deadline);
void         soothe_clock_emit_wakeup   (SootheClock *self);

#define SOOTHE_TYPE_REAL_CLOCK (soothe_real_clock_get_type ())

G_DECLARE_FINAL_TYPE (SootheRealClock, soothe_real_clock, SOOTHE, REAL_CLOCK, SootheClock)

SootheClock *soothe_clock_new_real      (void);

G_END_DECLS
