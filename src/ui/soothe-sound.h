/* soothe-sound.h: the chime that says a timer ended or a stretch is due
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SOOTHE_SOUND_PHASE_END,  /* a cold or heat application is over */
  SOOTHE_SOUND_REST_END,   /* the skin has rested: the next one may start */
  SOOTHE_SOUND_REMINDER,   /* a stretch reminder */
} SootheSoundEvent;

#define SOOTHE_TYPE_SOUND (soothe_sound_get_type ())

G_DECLARE_DERIVABLE_TYPE (SootheSound, soothe_sound, SOOTHE, SOUND, GObject)

/* Tests replace play() to count what would be heard. */
struct _SootheSoundClass
{
  GObjectClass parent_class;

  void (*play) (SootheSound      *self,
                SootheSoundEvent  event);
};

SootheSound *soothe_sound_new  (void);
void         soothe_sound_play (SootheSound      *self,
                                SootheSoundEvent  event);

G_END_DECLS
