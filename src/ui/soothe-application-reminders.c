/* soothe-application-reminders.c: stretch reminders and the history, owned
 * by the application so that they outlive windows
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soothe-application-private.h"
#include "soothe-markup.h"
#include "soothe-state-file.h"
#include "soothe-stretch-window.h"

#define NOTIFICATION_REMINDER "stretch-reminder"
#define REMINDERS_MAX_BYTES   (64 * 1024)

static char *
reminder_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "soothe", "reminders.json", NULL);
}

/* Losing the schedule only moves the next reminder: say so, don't stop. */
static void
save_reminders (SootheApplication *self)
{
  g_autofree char *path = reminder_state_path ();
  g_autofree char *text = soothe_reminder_scheduler_save (self->reminders);
  g_autoptr(GError) error = NULL;

  if (!soothe_state_file_replace (path, text, strlen (text), &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe cannot save the reminder "
                                                            "schedule (%s)."),
                                                          error->message));
}

static gboolean
restore_parsed_cb (GBytes    *contents,
                   gpointer   user_data,
                   GError   **error)
{
  SootheApplication *self = user_data;
  gsize length;
  const char *text = g_bytes_get_data (contents, &length);

  return soothe_reminder_scheduler_restore (self->reminders, text, length, error);
}

static void
restore_reminders (SootheApplication *self)
{
  g_autofree char *path = reminder_state_path ();
  g_autoptr(GError) error = NULL;

  /* Kept aside, never overwritten; the schedule simply starts afresh. */
  if (!soothe_state_file_restore (path, REMINDERS_MAX_BYTES, restore_parsed_cb, self, NULL,
                                  &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe could not read its reminder "
                                                            "schedule, so it starts afresh (%s)."),
                                                          error->message));
}

static void
load_history (SootheApplication *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *problems;
  guint n;

  if (!soothe_history_load (self->history, &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe could not read your history "
                                                            "and leaves it as it is (%s)."),
                                                          error->message));

  problems = soothe_history_get_problems (self->history);
  n = g_strv_length ((char **) problems);
  if (n > 0)
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (ngettext ("Soothe skipped a damaged line "
                                                                    "in your history: %s",
                                                                    "Soothe skipped damaged lines "
                                                                    "in your history, the first: %s",
                                                                    n),
                                                          problems[0]));
}

static void
update_reminder_hold (SootheApplication *self)
{
  gboolean enabled = soothe_reminder_scheduler_get_enabled (self->reminders);

  /* Reminders need Soothe running, window or not. */
  if (enabled && !self->holding_for_reminders && !self->command_only)
    g_application_hold (G_APPLICATION (self));
  else if (!enabled && self->holding_for_reminders)
    g_application_release (G_APPLICATION (self));
  self->holding_for_reminders = enabled && !self->command_only;
}

/* Shows the reminder for @stretch now. */
void
soothe_application_show_reminder (SootheApplication *self,
                                  SootheStretch     *stretch)
{
  g_autofree char *name = soothe_markup_to_plain (soothe_stretch_get_name (stretch));
  g_autofree char *summary = soothe_markup_to_plain (soothe_stretch_get_summary (stretch));
  g_autofree char *title = g_strdup_printf (_("Time for a stretch: %s"), name);
  g_autofree char *body = g_markup_escape_text (summary, -1);
  g_autoptr(GNotification) notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-stretch", "s",
                                                soothe_stretch_get_id (stretch));
  g_notification_add_button_with_target (notification, _("Show Me"), "app.show-stretch", "s",
                                         soothe_stretch_get_id (stretch));
  g_notification_add_button (notification, _("Done"), "app.reminder-done");
  g_notification_add_button (notification, _("Snooze 10 Minutes"), "app.reminder-snooze");
  g_notification_add_button (notification, _("Skip"), "app.reminder-skip");
  /* One id: a new reminder replaces the last, never stacks. */
  soothe_application_send_notification (self, NOTIFICATION_REMINDER, notification);
  soothe_application_play_sound (self, SOOTHE_SOUND_REMINDER);
}

static void
reminder_due_cb (SootheApplication       *self,
                 SootheStretch           *stretch,
                 SootheReminderScheduler *reminders)
{
  /* Unless the person turns out to be away (see soothe-application-idle.c). */
  soothe_application_idle_reminder_due (self, stretch);
}

static void
pending_changed_cb (SootheApplication       *self,
                    GParamSpec              *pspec,
                    SootheReminderScheduler *reminders)
{
  /* Answered here or in the window, paused or turned off: withdraw it. */
  if (!soothe_reminder_scheduler_get_pending (reminders))
    g_application_withdraw_notification (G_APPLICATION (self), NOTIFICATION_REMINDER);
}

static void
record (SootheApplication       *self,
        const SootheHistoryEvent *event)
{
  g_autoptr(GError) error = NULL;

  if (!soothe_history_append (self->history, event, &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe cannot add to your history "
                                                            "(%s)."),
                                                          error->message));
}

static void
reminder_answered_cb (SootheApplication       *self,
                      SootheStretch           *stretch,
                      SootheReminderAnswer     answer,
                      SootheReminderScheduler *reminders)
{
  SootheHistoryEvent event = {
    .time = soothe_clock_get_now (soothe_reminder_scheduler_get_clock (reminders)),
    .stretch = soothe_stretch_get_id (stretch),
  };

  switch (answer)
    {
    case SOOTHE_REMINDER_DONE:
      event.kind = SOOTHE_HISTORY_STRETCH_DONE;
      break;
    case SOOTHE_REMINDER_SNOOZED:
      event.kind = SOOTHE_HISTORY_STRETCH_SNOOZED;
      break;
    case SOOTHE_REMINDER_SKIPPED:
    default:
      event.kind = SOOTHE_HISTORY_STRETCH_SKIPPED;
      break;
    }
  record (self, &event);
}

/* A finished session counts its minutes of heat or cold, not the rests. */
static void
therapy_finished_cb (SootheApplication  *self,
                     gint64              lateness,
                     SootheTherapyTimer *timer)
{
  SootheHistoryEvent event = {
    .time = soothe_clock_get_now (self->clock),
    .kind = SOOTHE_HISTORY_THERAPY_COMPLETED,
    .therapy = soothe_therapy_timer_get_kind (timer),
    .situation = soothe_therapy_timer_get_situation (timer),
  };
  gint64 applied = 0;

  for (guint i = 0; i < soothe_therapy_timer_get_n_phases (timer); i++)
    {
      /* Rest phases sit between applications: every other one. */
      if (soothe_therapy_timer_get_kind (timer) != SOOTHE_THERAPY_CONTRAST && i % 2 == 1)
        continue;
      applied += soothe_therapy_timer_get_phase_length_at (timer, i);
    }
  event.minutes = (guint) ((applied + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));
  record (self, &event);
}

static void
screensaver_changed_cb (GDBusConnection *connection,
                        const char      *sender_name,
                        const char      *object_path,
                        const char      *interface_name,
                        const char      *signal_name,
                        GVariant        *parameters,
                        gpointer         user_data)
{
  SootheApplication *self = user_data;
  gboolean active = FALSE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &active);
  soothe_application_set_screen_locked (self, active);
}

/* While the screen is locked nobody is at the desk to stretch. */
static void
watch_screensaver (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  static const char * const interfaces[] = { "org.gnome.ScreenSaver", "org.freedesktop.ScreenSaver" };

  if (connection == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (interfaces); i++)
    self->screensaver_ids[i] =
      g_dbus_connection_signal_subscribe (connection, NULL, interfaces[i], "ActiveChanged", NULL,
                                          NULL, G_DBUS_SIGNAL_FLAGS_NONE, screensaver_changed_cb,
                                          self, NULL);
}

static void
answer_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SootheApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "reminder-done"))
    soothe_reminder_scheduler_done (self->reminders);
  else if (g_str_equal (name, "reminder-snooze"))
    soothe_reminder_scheduler_snooze (self->reminders);
  else
    soothe_reminder_scheduler_skip (self->reminders);
}

static void
stretch_now_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_reminder_scheduler_fire_now (self->reminders);
}

static void
pause_reminders_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SootheApplication *self = user_data;
  const char *how = g_variant_get_string (parameter, NULL);

  if (g_str_equal (how, "hour"))
    soothe_reminder_scheduler_pause_for (self->reminders, (gint64) 60 * 60 * G_USEC_PER_SEC);
  else if (g_str_equal (how, "tomorrow"))
    soothe_reminder_scheduler_pause_until_tomorrow (self->reminders);
}

static void
resume_reminders_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_reminder_scheduler_resume (self->reminders);
}

/* GNOME's Do Not Disturb turns banners off: reminders wait meanwhile, and
 * one comes when it ends. Therapy ends are never held (they are urgent). */
static void
watch_do_not_disturb (SootheApplication *self)
{
  self->desktop_notifications = soothe_application_new_desktop_settings ("org.gnome.desktop.notifications",
                                                                         "show-banners");
  if (self->desktop_notifications == NULL)
    return;
  g_settings_bind (self->desktop_notifications, "show-banners", self->reminders, "quiet",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
}

static void
reminders_enabled_changed_cb (SootheApplication *self)
{
  soothe_application_set_start_at_login (self, g_settings_get_boolean (self->settings,
                                                                      "reminders-enabled"));
}

/* A guided stretch done to the end counts, and answers its reminder. */
static void
stretch_finished_cb (SootheApplication   *self,
                     SootheStretchWindow *window)
{
  SootheStretch *stretch = soothe_stretch_window_get_stretch (window);
  SootheStretch *pending = soothe_reminder_scheduler_get_pending_stretch (self->reminders);

  if (soothe_reminder_scheduler_get_pending (self->reminders) && pending == stretch)
    {
      soothe_reminder_scheduler_done (self->reminders);
    }
  else
    {
      SootheHistoryEvent event = {
        .time = soothe_clock_get_now (self->reminder_clock),
        .kind = SOOTHE_HISTORY_STRETCH_DONE,
        .stretch = soothe_stretch_get_id (stretch),
      };
      record (self, &event);
    }
}

static void
show_stretch_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  SootheApplication *self = user_data;
  SootheStretch *stretch = soothe_content_lookup_stretch (self->content,
                                                          g_variant_get_string (parameter, NULL));
  GtkWindow *parent;
  SootheStretchWindow *window;

  if (stretch == NULL)
    return;

  /* Opens the main window too when there is none, e.g. from a notification. */
  g_application_activate (G_APPLICATION (self));
  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Its own clock: the guided hold sets a wake-up of its own. */
  window = soothe_stretch_window_new (parent, stretch, NULL);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  g_signal_connect_object (window, "finished", G_CALLBACK (stretch_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry reminder_actions[] = {
  { "show-stretch", show_stretch_activated_cb, "s" },
  { "reminder-done", answer_activated_cb },
  { "reminder-snooze", answer_activated_cb },
  { "reminder-skip", answer_activated_cb },
  { "stretch-now", stretch_now_activated_cb },
  { "pause-reminders", pause_reminders_activated_cb, "s" },
  { "resume-reminders", resume_reminders_activated_cb },
};

void
soothe_application_reminders_startup (SootheApplication *self)
{
  g_autofree char *history_path = soothe_history_get_default_path ();

  self->history = soothe_history_new (history_path);
  load_history (self);

  /* Its own clock: a clock holds one wake-up, and the timer has the other. */
  self->reminder_clock = soothe_clock_new_real ();
  self->reminders = soothe_reminder_scheduler_new (self->reminder_clock, self->content);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "reminders-enabled", self->reminders, "enabled",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "reminder-interval", self->reminders, "interval-minutes",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "pregnant", self->reminders, "pregnant", G_SETTINGS_BIND_GET);
      /* Turning reminders on or off starts or stops starting at login. */
      g_signal_connect_object (self->settings, "changed::reminders-enabled",
                               G_CALLBACK (reminders_enabled_changed_cb), self, G_CONNECT_SWAPPED);
      /* Only the portal knows whether it starts Soothe at login: ask it. */
      if (self->background_portal && g_settings_get_boolean (self->settings, "reminders-enabled"))
        soothe_application_background_request (self, TRUE);
    }

  watch_do_not_disturb (self);
  /* GNOME 48 and later have movement breaks of their own. */
  self->desktop_breaks = soothe_application_new_desktop_settings ("org.gnome.desktop.break-reminders",
                                                                  "selected-breaks");
  restore_reminders (self);

  g_signal_connect_object (self->reminders, "changed", G_CALLBACK (save_reminders), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "reminder-due", G_CALLBACK (reminder_due_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "notify::pending", G_CALLBACK (pending_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "reminder-answered", G_CALLBACK (reminder_answered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "notify::enabled", G_CALLBACK (update_reminder_hold),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "finished", G_CALLBACK (therapy_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), reminder_actions,
                                   G_N_ELEMENTS (reminder_actions), self);

  watch_screensaver (self);
  soothe_application_idle_startup (self);
  soothe_reminder_scheduler_update (self->reminders);
  update_reminder_hold (self);
}

void
soothe_application_reminders_shutdown (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->screensaver_ids); i++)
    {
      if (connection != NULL && self->screensaver_ids[i] != 0)
        g_dbus_connection_signal_unsubscribe (connection, self->screensaver_ids[i]);
      self->screensaver_ids[i] = 0;
    }
  soothe_application_idle_shutdown (self);
}

/* "Next stretch reminder: 14:32 (in 23 minutes)", for `soothe --status`. */
char *
soothe_application_reminder_status (SootheApplication *self)
{
  gint64 now = soothe_clock_get_now (self->reminder_clock);
  gint64 paused_until = soothe_reminder_scheduler_get_paused_until (self->reminders);
  gint64 next = soothe_reminder_scheduler_get_next_deadline (self->reminders);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *clock_time = NULL;
  gint64 minutes;

  if (soothe_reminder_scheduler_get_pending (self->reminders))
    {
      g_autofree char *name = soothe_markup_to_plain (
          soothe_stretch_get_name (soothe_reminder_scheduler_get_pending_stretch (self->reminders)));
      return g_strdup_printf (_("Stretch reminder waiting: %s"), name);
    }
  if (!soothe_reminder_scheduler_get_enabled (self->reminders))
    return g_strdup (_("Stretch reminders are off"));
  if (paused_until > now)
    {
      when = g_date_time_new_from_unix_local (paused_until / G_USEC_PER_SEC);
      clock_time = g_date_time_format (when, "%H:%M");
      return g_strdup_printf (_("Stretch reminders are paused until %s"), clock_time);
    }
  if (next == G_MAXINT64)
    return g_strdup (_("No stretch reminder is due"));

  when = g_date_time_new_from_unix_local (next / G_USEC_PER_SEC);
  clock_time = g_date_time_format (when, "%H:%M");
  minutes = MAX ((next - now + 59 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC), 0);
  return g_strdup_printf (ngettext ("Next stretch reminder: %s (in %d minute)",
                                    "Next stretch reminder: %s (in %d minutes)", (gulong) minutes),
                          clock_time, (int) minutes);
}
