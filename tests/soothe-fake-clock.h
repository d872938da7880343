/* soothe-fake-clock.h: a clock for tests and fuzzers, moved by hand
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-clock.h"

G_BEGIN_DECLS

/* For tests: time moves only when told to. */
#define SOOTHE_TYPE_FAKE_CLOCK (soothe_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (SootheFakeClock, soothe_fake_clock, SOOTHE, FAKE_CLOCK, SootheClock)

SootheClock *soothe_fake_clock_new        (gint64       now);
void         soothe_fake_clock_set_now    (SootheClock *fake,
                                           gint64       now);
void         soothe_fake_clock_advance    (SootheClock *fake,
                                           gint64       delta);
gint64       soothe_fake_clock_get_wakeup (SootheClock *fake);

G_END_DECLS
