/* soothe-reminder-scheduler.h: when to remind of a stretch, and which one
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-situation.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

#define SOOTHE_REMINDER_INTERVAL_MIN     15
#define SOOTHE_REMINDER_INTERVAL_MAX     120
#define SOOTHE_REMINDER_INTERVAL_DEFAULT 45
#define SOOTHE_REMINDER_SNOOZE_USEC      ((gint64) 10 * 60 * G_USEC_PER_SEC)

typedef enum {
  SOOTHE_REMINDER_DONE,
  SOOTHE_REMINDER_SNOOZED,
  SOOTHE_REMINDER_SKIPPED,
} SootheReminderAnswer;

#define SOOTHE_TYPE_REMINDER_ANSWER (soothe_reminder_answer_get_type ())

GType soothe_reminder_answer_get_type (void) G_GNUC_CONST;

#define SOOTHE_TYPE_REMINDER_SCHEDULER (soothe_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (SootheReminderScheduler, soothe_reminder_scheduler,
                      SOOTHE, REMINDER_SCHEDULER, GObject)

SootheReminderScheduler *
               soothe_reminder_scheduler_new                  (SootheClock              *clock,
                                                               SootheContent            *content);
SootheClock   *soothe_reminder_scheduler_get_clock            (SootheReminderScheduler  *self);
SootheContent *soothe_reminder_scheduler_get_content          (SootheReminderScheduler  *self);

/* Settings */
void           soothe_reminder_scheduler_set_enabled          (SootheReminderScheduler  *self,
                                                               gboolean                  enabled);
gboolean       soothe_reminder_scheduler_get_enabled          (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_interval_minutes (SootheReminderScheduler  *self,
                                                               guint                     minutes);
guint          soothe_reminder_scheduler_get_interval_minutes (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_pregnant         (SootheReminderScheduler  *self,
                                                               gboolean                  pregnant);
gboolean       soothe_reminder_scheduler_get_pregnant         (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_situation        (SootheReminderScheduler  *self,
                                                               SootheSituation          *situation);
SootheSituation *
               soothe_reminder_scheduler_get_situation        (SootheReminderScheduler  *self);

/* Pause and away */
void           soothe_reminder_scheduler_pause_for            (SootheReminderScheduler  *self,
                                                               gint64                    usec);
void           soothe_reminder_scheduler_pause_until_tomorrow (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_paused_until     (SootheReminderScheduler  *self,
                                                               gint64                    until);
gint64         soothe_reminder_scheduler_get_paused_until     (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_resume               (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_away             (SootheReminderScheduler  *self,
                                                               gboolean                  away);
gboolean       soothe_reminder_scheduler_get_away             (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_take_break           (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_set_quiet            (SootheReminderScheduler  *self,
                                                               gboolean                  quiet);
gboolean       soothe_reminder_scheduler_get_quiet            (SootheReminderScheduler  *self);

/* The reminder */
gint64         soothe_reminder_scheduler_get_next_deadline    (SootheReminderScheduler  *self);
gboolean       soothe_reminder_scheduler_get_pending          (SootheReminderScheduler  *self);
SootheStretch *soothe_reminder_scheduler_get_pending_stretch  (SootheReminderScheduler  *self);
gboolean       soothe_reminder_scheduler_done                 (SootheReminderScheduler  *self);
gboolean       soothe_reminder_scheduler_snooze               (SootheReminderScheduler  *self);
gboolean       soothe_reminder_scheduler_skip                 (SootheReminderScheduler  *self);
SootheStretch *soothe_reminder_scheduler_fire_now             (SootheReminderScheduler  *self);
void           soothe_reminder_scheduler_update               (SootheReminderScheduler  *self);

/* Persistence */
char          *soothe_reminder_scheduler_save                 (SootheReminderScheduler  *self);
gboolean       soothe_reminder_scheduler_restore              (SootheReminderScheduler  *self,
                                                               const char               *text,
                                                               gsize                     length,
                                                               GError                  **error);

G_END_DECLS
