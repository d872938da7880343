/* soothe-stretch-guide.h: a guided count of a stretch's holds and the pauses between
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "soothe-clock.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

typedef enum {
  SOOTHE_STRETCH_PHASE_IDLE,
  SOOTHE_STRETCH_PHASE_HOLD,
  SOOTHE_STRETCH_PHASE_RELAX,
  SOOTHE_STRETCH_PHASE_PAUSED,
  SOOTHE_STRETCH_PHASE_FINISHED,
} SootheStretchPhase;

/* The pause between two holds. */
#define SOOTHE_STRETCH_GUIDE_RELAX_SECONDS 5

/* A wake-up this late after a phase ended means the computer slept or the
 * person was away: the guide pauses instead of counting holds nobody did. */
#define SOOTHE_STRETCH_GUIDE_AWAY_USEC ((gint64) 60 * G_USEC_PER_SEC)

#define SOOTHE_TYPE_STRETCH_PHASE (soothe_stretch_phase_get_type ())

GType soothe_stretch_phase_get_type (void) G_GNUC_CONST;

#define SOOTHE_TYPE_STRETCH_GUIDE (soothe_stretch_guide_get_type ())

G_DECLARE_FINAL_TYPE (SootheStretchGuide, soothe_stretch_guide, SOOTHE, STRETCH_GUIDE, GObject)

SootheStretchGuide *soothe_stretch_guide_new                   (SootheStretch      *stretch,
                                                                SootheClock        *clock);
SootheStretch      *soothe_stretch_guide_get_stretch           (SootheStretchGuide *self);
SootheClock        *soothe_stretch_guide_get_clock             (SootheStretchGuide *self);

void                soothe_stretch_guide_start                 (SootheStretchGuide *self);
void                soothe_stretch_guide_pause                 (SootheStretchGuide *self);
void                soothe_stretch_guide_resume                (SootheStretchGuide *self);
void                soothe_stretch_guide_stop                  (SootheStretchGuide *self);
void                soothe_stretch_guide_update                (SootheStretchGuide *self);

SootheStretchPhase  soothe_stretch_guide_get_phase             (SootheStretchGuide *self);
SootheStretchPhase  soothe_stretch_guide_get_paused_phase      (SootheStretchGuide *self);
guint               soothe_stretch_guide_get_repetition        (SootheStretchGuide *self);
gint64              soothe_stretch_guide_get_remaining         (SootheStretchGuide *self);
guint               soothe_stretch_guide_get_remaining_seconds (SootheStretchGuide *self);
gint64              soothe_stretch_guide_get_phase_length      (SootheStretchGuide *self);
gint64              soothe_stretch_guide_get_deadline          (SootheStretchGuide *self);
const char         *soothe_stretch_guide_get_description       (SootheStretchGuide *self);
gboolean            soothe_stretch_guide_get_tick_seconds      (SootheStretchGuide *self);
void                soothe_stretch_guide_set_tick_seconds      (SootheStretchGuide *self,
                                                                gboolean            tick_seconds);

G_END_DECLS
