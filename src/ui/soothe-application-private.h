/* soothe-application-private.h: the application's instance struct, shared by
 * soothe-application.c and its -therapy, -reminders, -idle, -background and
 * -diary parts
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-application.h"
#include "soothe-search-provider.h"
#include "soothe-clock.h"
#include "soothe-history.h"
#include "soothe-reminder-scheduler.h"
#include "soothe-sound.h"
#include "soothe-therapy-timer.h"
#include "soothe-window.h"

G_BEGIN_DECLS

struct _SootheApplication
{
  GtkApplication parent_instance;

  /* Owned references */
  SootheContent      *content;
  GSettings          *settings;        /* NULL when the schema is not installed */
  SootheClock        *clock;
  SootheTherapyTimer *timer;
  SootheClock        *reminder_clock;  /* a clock holds one wake-up: one each */
  SootheReminderScheduler *reminders;
  SootheHistory      *history;
  GtkCssProvider     *text_size_css;
  GDBusProxy         *portal_settings;   /* NULL without the Settings portal */
  SootheSound        *sound;           /* made on the first sound */
  GSettings          *desktop_sound;   /* org.gnome.desktop.sound, where installed */
  GSettings          *desktop_notifications;  /* for Do Not Disturb, where installed */
  GSettings          *desktop_breaks;  /* GNOME's movement breaks, where installed */
  SootheSearchProvider *search_provider;  /* while registered on the session bus */

  /* State */
  gboolean            holding;         /* a running timer holds the application */
  gboolean            holding_for_reminders;
  guint               screensaver_ids[2];
  gboolean            screen_locked;
  gboolean            idle;            /* idle for a break's length (Mutter) */
  guint               idle_signal;
  guint               idle_watch;      /* the monitor's ids, 0 for none */
  guint               active_watch;
  gboolean            idle_fallback;   /* no Mutter monitor: ask the ScreenSaver when one is due */
  gboolean            command_only;    /* started just to run --status, --stop… */
  gboolean            system_prefers_dark;
  GPtrArray          *file_problems;   /* char *, NULL-terminated: files that could not be
                                        * read or saved, until the window dismisses them */
  char               *save_problem;    /* why the timer cannot be saved just now */
  char               *timer_event;     /* the last phase end, for a window opened later */
  gboolean            background_portal;  /* start at login through the portal (Flatpak) */
  gboolean            portal_autostart;   /* what the portal last granted */
  gboolean            portal_wanted;      /* what was last asked of it */
  guint               portal_requests;    /* for unique request tokens */
  guint               portal_response;    /* the Response subscription, 0 for none */
};

void     soothe_application_therapy_startup      (SootheApplication       *self);
void     soothe_application_reminders_startup    (SootheApplication       *self);
void     soothe_application_background_request   (SootheApplication       *self,
                                                  gboolean                 autostart);
void     soothe_application_background_shutdown  (SootheApplication       *self);
void     soothe_application_show_reminder        (SootheApplication       *self,
                                                  SootheStretch           *stretch);
void     soothe_application_idle_reminder_due    (SootheApplication       *self,
                                                  SootheStretch           *stretch);
void     soothe_application_reminders_shutdown   (SootheApplication       *self);
void     soothe_application_idle_startup         (SootheApplication       *self);
void     soothe_application_idle_shutdown        (SootheApplication       *self);
void     soothe_application_set_screen_locked    (SootheApplication       *self,
                                                  gboolean                 locked);
char    *soothe_application_reminder_status      (SootheApplication       *self);
void     soothe_application_send_notification    (SootheApplication       *self,
                                                  const char              *id,
                                                  GNotification           *notification);
int      soothe_application_therapy_command_line (SootheApplication       *self,
                                                  GApplicationCommandLine *command_line,
                                                  GVariantDict            *options);
void     soothe_application_diary_startup        (SootheApplication       *self);
const char *soothe_application_get_last_situation (SootheApplication     *self);
int      soothe_application_diary_check_options  (SootheApplication       *self,
                                                  GVariantDict            *options);
int      soothe_application_diary_command_line   (SootheApplication       *self,
                                                  GApplicationCommandLine *command_line,
                                                  GVariantDict            *options);
SootheWindow *soothe_application_get_main_window (SootheApplication       *self);
GSettings    *soothe_application_new_desktop_settings
                                                 (const char              *schema_id,
                                                  const char              *key);
void     soothe_application_play_sound           (SootheApplication       *self,
                                                  SootheSoundEvent         event);
void     soothe_application_add_file_problem     (SootheApplication       *self,
                                                  char                    *problem);
void     soothe_application_set_save_problem     (SootheApplication       *self,
                                                  const char              *problem);
void     soothe_application_set_timer_event      (SootheApplication       *self,
                                                  const char              *event);

G_END_DECLS
