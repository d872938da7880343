/* soothe-application.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-history.h"
#include "soothe-reminder-scheduler.h"
#include "soothe-sound.h"
#include "soothe-therapy-timer.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_APPLICATION (soothe_application_get_type ())

G_DECLARE_FINAL_TYPE (SootheApplication, soothe_application, SOOTHE, APPLICATION, GtkApplication)

SootheApplication  *soothe_application_new                  (void);
SootheContent      *soothe_application_get_content          (SootheApplication  *self);
GSettings          *soothe_application_get_settings         (SootheApplication  *self);
GSettings          *soothe_application_get_desktop_breaks   (SootheApplication  *self);
SootheTherapyTimer *soothe_application_get_timer            (SootheApplication  *self);
SootheReminderScheduler *
                    soothe_application_get_reminders        (SootheApplication  *self);
SootheHistory      *soothe_application_get_history          (SootheApplication  *self);
gboolean            soothe_application_start_therapy        (SootheApplication  *self,
                                                             SootheTherapyKind   kind,
                                                             guint               minutes,
                                                             GError            **error);
gboolean            soothe_application_log_pain             (SootheApplication  *self,
                                                             const char         *situation_id,
                                                             guint               level,
                                                             const char         *note,
                                                             GError            **error);
const char * const *soothe_application_get_file_problems   (SootheApplication  *self);
void                soothe_application_clear_file_problems (SootheApplication  *self);
gboolean            soothe_application_get_start_at_login   (SootheApplication  *self);
void                soothe_application_set_start_at_login   (SootheApplication  *self,
                                                             gboolean            start);
void                soothe_application_set_background_portal (SootheApplication *self,
                                                              gboolean           portal);
void                soothe_application_set_sound            (SootheApplication  *self,
                                                             SootheSound        *sound);

G_END_DECLS
