/* soothe-therapy-timer.h: the heat/cold therapy session state machine
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-situation.h"

G_BEGIN_DECLS

typedef enum {
  SOOTHE_TIMER_IDLE,
  SOOTHE_TIMER_RUNNING,
  SOOTHE_TIMER_PAUSED,
  SOOTHE_TIMER_FINISHED,
} SootheTimerState;

typedef enum {
  SOOTHE_PHASE_NONE,
  SOOTHE_PHASE_COLD,
  SOOTHE_PHASE_HEAT,
  SOOTHE_PHASE_REST,
} SoothePhaseKind;

/* Limits of a session plan, also enforced on restore. */
#define SOOTHE_THERAPY_TIMER_MAX_PHASES     24
#define SOOTHE_THERAPY_TIMER_MAX_PHASE_USEC ((gint64) 4 * 60 * 60 * G_USEC_PER_SEC)

#define SOOTHE_TYPE_TIMER_STATE (soothe_timer_state_get_type ())
#define SOOTHE_TYPE_PHASE_KIND  (soothe_phase_kind_get_type ())

GType soothe_timer_state_get_type (void) G_GNUC_CONST;
GType soothe_phase_kind_get_type  (void) G_GNUC_CONST;

#define SOOTHE_TYPE_THERAPY_TIMER (soothe_therapy_timer_get_type ())

G_DECLARE_FINAL_TYPE (SootheTherapyTimer, soothe_therapy_timer, SOOTHE, THERAPY_TIMER, GObject)

SootheTherapyTimer *soothe_therapy_timer_new                 (SootheClock                *clock);
SootheClock        *soothe_therapy_timer_get_clock           (SootheTherapyTimer         *self);

gboolean            soothe_therapy_timer_start               (SootheTherapyTimer         *self,
                                                              SootheTherapyKind           kind,
                                                              const SootheTherapyPreset  *preset,
                                                              guint                       minutes,
                                                              guint                       cycles,
                                                              GError                    **error);
void                soothe_therapy_timer_pause               (SootheTherapyTimer         *self);
void                soothe_therapy_timer_resume              (SootheTherapyTimer         *self);
void                soothe_therapy_timer_stop                (SootheTherapyTimer         *self);
gboolean            soothe_therapy_timer_extend              (SootheTherapyTimer         *self);
void                soothe_therapy_timer_skip_phase          (SootheTherapyTimer         *self);
void                soothe_therapy_timer_update              (SootheTherapyTimer         *self);

SootheTimerState    soothe_therapy_timer_get_state           (SootheTherapyTimer         *self);
SootheTherapyKind   soothe_therapy_timer_get_kind            (SootheTherapyTimer         *self);
const char         *soothe_therapy_timer_get_situation       (SootheTherapyTimer         *self);
void                soothe_therapy_timer_set_situation       (SootheTherapyTimer         *self,
                                                              const char                 *id);
SoothePhaseKind     soothe_therapy_timer_get_phase           (SootheTherapyTimer         *self);
SoothePhaseKind     soothe_therapy_timer_get_next_phase      (SootheTherapyTimer         *self);
guint               soothe_therapy_timer_get_phase_index     (SootheTherapyTimer         *self);
guint               soothe_therapy_timer_get_n_phases        (SootheTherapyTimer         *self);
gint64              soothe_therapy_timer_get_remaining       (SootheTherapyTimer         *self);
gint64              soothe_therapy_timer_get_phase_length    (SootheTherapyTimer         *self);
gint64              soothe_therapy_timer_get_phase_length_at (SootheTherapyTimer         *self,
                                                              guint                       index);
gint64              soothe_therapy_timer_get_deadline        (SootheTherapyTimer         *self);
gboolean            soothe_therapy_timer_can_extend          (SootheTherapyTimer         *self);

char               *soothe_therapy_timer_save                (SootheTherapyTimer         *self);
gboolean            soothe_therapy_timer_restore             (SootheTherapyTimer         *self,
                                                              const char                 *text,
                                                              gsize                       length,
                                                              GError                    **error);

G_END_DECLS
