/* soothe-application-idle.c: time away from the computer counts as a break
 *
 * On GNOME, Mutter's idle monitor says when the person has been idle for the
 * break length (a preference: 3, 5 or 10 minutes) and when they are back.
 * Meanwhile the reminder scheduler is "away", as while the screen is locked:
 * nothing comes, and the next wait starts from their return. No polling: a
 * watch at a time and one signal.
 *
 * Without the monitor (not GNOME), org.freedesktop.ScreenSaver's
 * GetSessionIdleTime is asked once, when a reminder comes due: idle for the
 * break length means they are away, so the reminder is dropped and the wait
 * starts again from then. Where neither answers, the screen lock alone counts.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-application-private.h"

#define IDLE_MONITOR_NAME      "org.gnome.Mutter.IdleMonitor"
#define IDLE_MONITOR_PATH      "/org/gnome/Mutter/IdleMonitor/Core"
#define IDLE_MONITOR_INTERFACE "org.gnome.Mutter.IdleMonitor"

#define SCREENSAVER_NAME       "org.freedesktop.ScreenSaver"
#define SCREENSAVER_PATH       "/org/freedesktop/ScreenSaver"

typedef struct {
  GWeakRef application;
  gboolean for_return;  /* a user-active watch, not an idle one */
} WatchCall;

static void
update_away (SootheApplication *self)
{
  soothe_reminder_scheduler_set_away (self->reminders, self->screen_locked || self->idle);
}

/* The screen locked or unlocked. */
void
soothe_application_set_screen_locked (SootheApplication *self,
                                      gboolean           locked)
{
  self->screen_locked = locked;
  update_away (self);
}

static guint
break_milliseconds (SootheApplication *self)
{
  guint minutes = self->settings != NULL ? (guint) g_settings_get_int (self->settings, "break-minutes")
                                         : 5;

  return minutes * 60 * 1000;
}

static void
watch_added_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WatchCall *call = user_data;
  g_autoptr(SootheApplication) self = g_weak_ref_get (&call->application);
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                             NULL);
  gboolean for_return = call->for_return;

  g_weak_ref_clear (&call->application);
  g_free (call);

  if (self == NULL)
    return;
  /* No monitor (not GNOME): ask the ScreenSaver when a reminder is due. */
  if (reply == NULL || !g_variant_is_of_type (reply, G_VARIANT_TYPE ("(u)")))
    {
      self->idle_fallback = TRUE;
      return;
    }
  self->idle_fallback = FALSE;
  if (for_return)
    g_variant_get (reply, "(u)", &self->active_watch);
  else
    g_variant_get (reply, "(u)", &self->idle_watch);
}

static void
add_watch (SootheApplication *self,
           gboolean           for_return)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  WatchCall *call;

  if (connection == NULL)
    return;
  call = g_new0 (WatchCall, 1);
  g_weak_ref_init (&call->application, self);
  call->for_return = for_return;
  if (for_return)
    g_dbus_connection_call (connection, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH,
                            IDLE_MONITOR_INTERFACE, "AddUserActiveWatch", NULL,
                            G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL,
                            watch_added_cb, call);
  else
    g_dbus_connection_call (connection, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH,
                            IDLE_MONITOR_INTERFACE, "AddIdleWatch",
                            g_variant_new ("(t)", (guint64) break_milliseconds (self)),
                            G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL,
                            watch_added_cb, call);
}

static void
remove_watch (SootheApplication *self,
              guint             *watch)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (*watch != 0 && connection != NULL)
    g_dbus_connection_call (connection, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH,
                            IDLE_MONITOR_INTERFACE, "RemoveWatch", g_variant_new ("(u)", *watch),
                            NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
  *watch = 0;
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  SootheApplication *self = user_data;
  guint id = 0;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;
  g_variant_get (parameters, "(u)", &id);
  if (id == 0)
    return;

  if (id == self->idle_watch && !self->idle)
    {
      /* Away long enough to count as a break; watch for the return. A user
       * active watch fires once, and is gone then. */
      self->idle = TRUE;
      update_away (self);
      /* A reminder shown before they left is not waiting for them on return. */
      soothe_reminder_scheduler_take_break (self->reminders);
      add_watch (self, TRUE);
    }
  else if (id == self->active_watch)
    {
      self->active_watch = 0;
      self->idle = FALSE;
      update_away (self);
    }
}

typedef struct {
  GWeakRef       application;
  SootheStretch *stretch;
} DueCall;

static void
idle_time_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DueCall *call = user_data;
  g_autoptr(SootheApplication) self = g_weak_ref_get (&call->application);
  g_autoptr(SootheStretch) stretch = call->stretch;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  guint32 seconds = 0;

  g_weak_ref_clear (&call->application);
  g_free (call);

  /* Closing, or answered meanwhile: nothing to show. */
  if (self == NULL || soothe_reminder_scheduler_get_pending_stretch (self->reminders) != stretch)
    return;

  if (reply == NULL || !g_variant_is_of_type (reply, G_VARIANT_TYPE ("(u)")))
    {
      /* No answer here (GNOME's ScreenSaver has no idle time): never ask again. */
      self->idle_fallback = FALSE;
      soothe_application_show_reminder (self, stretch);
      return;
    }

  g_variant_get (reply, "(u)", &seconds);
  if ((guint64) seconds * 1000 >= break_milliseconds (self))
    soothe_reminder_scheduler_take_break (self->reminders);
  else
    soothe_application_show_reminder (self, stretch);
}

/* A reminder is due: shown at once on GNOME (the monitor keeps "away" up to
 * date), or once the ScreenSaver says the person is not away. */
void
soothe_application_idle_reminder_due (SootheApplication *self,
                                      SootheStretch     *stretch)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  DueCall *call;

  if (!self->idle_fallback || connection == NULL)
    {
      soothe_application_show_reminder (self, stretch);
      return;
    }

  call = g_new0 (DueCall, 1);
  g_weak_ref_init (&call->application, self);
  call->stretch = g_object_ref (stretch);
  g_dbus_connection_call (connection, SCREENSAVER_NAME, SCREENSAVER_PATH, SCREENSAVER_NAME,
                          "GetSessionIdleTime", NULL, G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, NULL, idle_time_cb, call);
}

static void
break_minutes_changed_cb (SootheApplication *self)
{
  remove_watch (self, &self->idle_watch);
  add_watch (self, FALSE);
}

void
soothe_application_idle_startup (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (connection == NULL)
    return;
  self->idle_signal = g_dbus_connection_signal_subscribe (connection, IDLE_MONITOR_NAME,
                                                          IDLE_MONITOR_INTERFACE, "WatchFired",
                                                          IDLE_MONITOR_PATH, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          watch_fired_cb, self, NULL);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::break-minutes",
                             G_CALLBACK (break_minutes_changed_cb), self, G_CONNECT_SWAPPED);
  add_watch (self, FALSE);
}

void
soothe_application_idle_shutdown (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  remove_watch (self, &self->idle_watch);
  remove_watch (self, &self->active_watch);
  if (connection != NULL && self->idle_signal != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->idle_signal);
  self->idle_signal = 0;
}
