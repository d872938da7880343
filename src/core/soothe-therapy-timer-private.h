/* soothe-therapy-timer-private.h: what the timer and its saving share
 *
 * soothe-therapy-timer.c runs the session; soothe-therapy-timer-state.c
 * saves and restores it. Nothing else includes this.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-therapy-timer.h"

G_BEGIN_DECLS

#define MAX_PHASES  SOOTHE_THERAPY_TIMER_MAX_PHASES
#define MAX_PHASE   SOOTHE_THERAPY_TIMER_MAX_PHASE_USEC

typedef struct
{
  SoothePhaseKind kind;
  gint64          length;  /* µs as planned, plus any minutes added */
} Phase;

/* Everything that soothe_therapy_timer_save() keeps. */
typedef struct
{
  SootheTimerState  state;
  SootheTherapyKind kind;
  Phase             phases[MAX_PHASES];
  guint             n_phases;
  guint             phase_index;       /* n_phases once FINISHED */
  gint64            deadline;          /* wall µs while RUNNING, else G_MAXINT64 */
  gint64            remaining;         /* µs while PAUSED */
  gint64            max_application;   /* cap for extend; 0 when it cannot extend */
  gint64            check_skin_after;  /* into each cold application; 0 for none */
  gboolean          check_skin_done;   /* for the current phase */
  char              situation[65];     /* the id it was started for, or "" */
} Session;

struct _SootheTherapyTimer
{
  GObject      parent_instance;

  /* Owned references */
  SootheClock *clock;
  gulong       wakeup_handler;

  /* State */
  Session      session;
  /* Bumped by every action a caller takes, so that update() can tell when a
   * signal handler acted on the timer and the rest of its work is stale. */
  guint        serial;
};

/* The values behind the notifying properties, to notify only what changed. */
typedef struct
{
  SootheTimerState state;
  SoothePhaseKind  phase;
  guint            phase_index;
  gint64           deadline;
} Snapshot;

void     soothe_therapy_timer_session_clear     (Session                  *session);
gboolean soothe_therapy_timer_session_is_active (const Session            *session);
Snapshot soothe_therapy_timer_take_snapshot     (SootheTherapyTimer       *self);
void     soothe_therapy_timer_notify_changes    (SootheTherapyTimer       *self,
                                                 const Snapshot           *before);
void     soothe_therapy_timer_schedule_wakeup   (SootheTherapyTimer       *self);

G_END_DECLS
