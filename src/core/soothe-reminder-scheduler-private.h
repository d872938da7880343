/* soothe-reminder-scheduler-private.h: what the scheduler and its saving share
 *
 * soothe-reminder-scheduler.c keeps the schedule; soothe-reminder-scheduler-state.c
 * saves and restores it. Nothing else includes this.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-reminder-scheduler.h"

G_BEGIN_DECLS

#define MINUTE_USEC ((gint64) 60 * G_USEC_PER_SEC)
#define SNOOZE_USEC SOOTHE_REMINDER_SNOOZE_USEC

/* Where the rotation stands. Stretches linked to the selected situation come
 * first; after a whole round of them, one of the others has a turn. */
typedef struct
{
  guint preferred;  /* next position among the situation's stretches */
  guint others;     /* next position among the rest */
  guint run;        /* situation stretches given since the last other one */
} Rotation;

struct _SootheReminderScheduler
{
  GObject          parent_instance;

  /* Owned references */
  SootheClock     *clock;
  gulong           wakeup_handler;
  SootheContent   *content;
  SootheSituation *situation;

  /* Settings */
  gboolean         enabled;
  guint            interval_minutes;
  gboolean         pregnant;

  /* State */
  gboolean         away;
  gboolean         quiet;         /* Do Not Disturb: due reminders wait */
  gboolean         held;          /* one came due while quiet */
  gint64           paused_until;  /* wall µs; 0 when not paused */
  gint64           deadline;      /* wall µs of the next reminder; G_MAXINT64 for none */
  gint64           wait;          /* length of the wait that ends at the deadline */
  SootheStretch   *stretch;       /* the pending reminder's, or a snoozed one's */
  gboolean         pending;
  SootheStretch   *last;          /* the last one offered, not to repeat next */
  Rotation         rotation;
};

/* The values behind the notifying properties and the saved state, to notify
 * only what changed. The stretches belong to the content, which outlives
 * the scheduler's use of them, so comparing pointers is safe. */
typedef struct
{
  gboolean         enabled;
  guint            interval_minutes;
  gboolean         pregnant;
  SootheSituation *situation;
  gboolean         away;
  gboolean         quiet;
  gint64           paused_until;
  gint64           deadline;
  gboolean         pending;
  SootheStretch   *stretch;
  SootheStretch   *last;
  Rotation         rotation;
} Snapshot;

Snapshot soothe_reminder_scheduler_take_snapshot   (SootheReminderScheduler *self);
void     soothe_reminder_scheduler_notify_changes  (SootheReminderScheduler *self,
                                                    const Snapshot          *before);
gint64   soothe_reminder_scheduler_interval_usec   (SootheReminderScheduler *self);
gboolean soothe_reminder_scheduler_can_wait        (SootheReminderScheduler *self);
void     soothe_reminder_scheduler_restart         (SootheReminderScheduler *self,
                                                    gint64                   now);
void     soothe_reminder_scheduler_settle          (SootheReminderScheduler *self,
                                                    gint64                   now);
void     soothe_reminder_scheduler_schedule_wakeup (SootheReminderScheduler *self);

G_END_DECLS
