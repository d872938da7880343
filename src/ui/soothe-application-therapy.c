/* soothe-application-therapy.c: the therapy timer the application owns, so
 * that it outlives windows: saving it, restoring it, notifications, actions
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soothe-application-private.h"
#include "soothe-markup.h"
#include "soothe-safety.h"
#include "soothe-state-file.h"
#include "soothe-therapy-format.h"

#define NOTIFICATION_PHASE "therapy-phase"
#define NOTIFICATION_SKIN  "therapy-skin"

/* A phase end found later than this (Soothe was closed, or the computer
 * asleep) is not chimed. */
#define SOUND_LATENESS_USEC (60 * G_USEC_PER_SEC)
#define STATE_MAX_BYTES    (64 * 1024)

static char *
state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "soothe", "therapy.json", NULL);
}

/* Saved on every change that matters, atomically; an empty session removes
 * the file. A failure keeps the timer running in memory and says so. */
static void
save_state (SootheApplication *self)
{
  g_autofree char *path = state_path ();
  g_autofree char *text = soothe_therapy_timer_save (self->timer);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (text == NULL)
    {
      if (!soothe_state_file_remove (path, &error))
        problem = g_strdup_printf (_("Soothe cannot remove its saved timer: %s"), error->message);
    }
  else if (!soothe_state_file_replace (path, text, strlen (text), &error))
    {
      problem = g_strdup_printf (_("Soothe cannot save the timer: %s. "
                                   "It keeps running while Soothe is open."),
                                 error->message);
    }
  soothe_application_set_save_problem (self, problem);
}

static void
update_hold (SootheApplication *self)
{
  if (self->command_only)
    return;

  SootheTimerState state = soothe_therapy_timer_get_state (self->timer);
  gboolean active = state == SOOTHE_TIMER_RUNNING || state == SOOTHE_TIMER_PAUSED;

  /* A running timer keeps Soothe alive with no window open. */
  if (active && !self->holding)
    g_application_hold (G_APPLICATION (self));
  else if (!active && self->holding)
    g_application_release (G_APPLICATION (self));
  self->holding = active;
}

static void
timer_changed_cb (SootheApplication *self)
{
  SootheTimerState state = soothe_therapy_timer_get_state (self->timer);

  /* A session is for the situation shown when it started, wherever it was
   * started from, so its minutes count there in the diary. */
  if ((state == SOOTHE_TIMER_RUNNING || state == SOOTHE_TIMER_PAUSED) &&
      soothe_therapy_timer_get_situation (self->timer) == NULL)
    soothe_therapy_timer_set_situation (self->timer, soothe_application_get_last_situation (self));

  save_state (self);
  if (state == SOOTHE_TIMER_IDLE)
    {
      soothe_application_set_timer_event (self, NULL);
      g_application_withdraw_notification (G_APPLICATION (self), NOTIFICATION_PHASE);
      g_application_withdraw_notification (G_APPLICATION (self), NOTIFICATION_SKIN);
    }
  update_hold (self);
}

static gboolean
name_has_owner (GDBusConnection *connection,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
name_is_activatable (GDBusConnection *connection,
                     const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL,
                                       NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

/* GLib warns each time a notification finds no server; without one the
 * window alone tells the person, quietly. Asked at each event, which is
 * rare, so a server that starts later is found. */
static gboolean
notifications_available (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (connection == NULL)
    return FALSE;
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  return name_has_owner (connection, "org.gtk.Notifications") ||
         name_has_owner (connection, "org.freedesktop.Notifications") ||
         name_is_activatable (connection, "org.freedesktop.Notifications");
}

/* Sends a notification when something can show it; see above. */
void
soothe_application_send_notification (SootheApplication *self,
                                      const char        *id,
                                      GNotification     *notification)
{
  if (notifications_available (self))
    g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
send_notification (SootheApplication *self,
                   const char        *id,
                   const char        *title,
                   const char        *body,
                   gboolean           with_buttons)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  /* Notification servers may read the body as markup; bundle text is not. */
  g_autofree char *escaped = g_markup_escape_text (body, -1);

  g_notification_set_body (notification, escaped);
  /* Urgent, so that it shows through Do Not Disturb: a cold pack has to
   * come off. */
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
  g_notification_set_default_action (notification, "app.show-timer");
  if (with_buttons)
    {
      g_notification_add_button (notification, _("Pause"), "app.pause");
      g_notification_add_button (notification, _("Stop"), "app.stop");
    }
  soothe_application_send_notification (self, id, notification);
}

static void
phase_ended_cb (SootheApplication  *self,
                SoothePhaseKind     ended,
                SoothePhaseKind     next,
                gint64              lateness,
                SootheTherapyTimer *timer)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *event = NULL;

  soothe_therapy_describe_phase_end (timer, self->content, ended, next, lateness, &title, &body);
  /* A window opened later still shows what happened, e.g. after a restart. */
  event = g_strdup_printf ("%s. %s", title, body);
  soothe_application_set_timer_event (self, event);
  g_application_withdraw_notification (G_APPLICATION (self), NOTIFICATION_SKIN);
  send_notification (self, NOTIFICATION_PHASE, title, body, next != SOOTHE_PHASE_NONE);
  /* Heard by someone lying down with the pack on; not for what ended while
   * Soothe was closed, which the window says when it opens. */
  if (lateness < SOUND_LATENESS_USEC)
    soothe_application_play_sound (self, ended == SOOTHE_PHASE_REST ? SOOTHE_SOUND_REST_END
                                                                    : SOOTHE_SOUND_PHASE_END);
}

static void
check_skin_cb (SootheApplication  *self,
               gint64              lateness,
               SootheTherapyTimer *timer)
{
  send_notification (self, NOTIFICATION_SKIN, _("Check your skin"),
                     _("Lift the pack and look: stop if your skin is numb, very red, "
                       "blotchy or blistered."),
                     FALSE);
}

static gboolean
restore_parsed_cb (GBytes    *contents,
                   gpointer   user_data,
                   GError   **error)
{
  SootheApplication *self = user_data;
  gsize length;
  const char *text = g_bytes_get_data (contents, &length);

  return soothe_therapy_timer_restore (self->timer, text, length, error);
}

static void
restore_state (SootheApplication *self)
{
  g_autofree char *path = state_path ();
  g_autoptr(GError) error = NULL;

  /* What cannot be read is kept aside, never overwritten; say so once. */
  if (!soothe_state_file_restore (path, STATE_MAX_BYTES, restore_parsed_cb, self, NULL, &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe could not read its saved timer, "
                                                            "so it starts without one (%s)."),
                                                          error->message));
  update_hold (self);
}

gboolean
soothe_application_start_therapy (SootheApplication  *self,
                                  SootheTherapyKind   kind,
                                  guint               minutes,
                                  GError            **error)
{
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, kind);

  if (preset == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Choose cold, heat or contrast"));
      return FALSE;
    }
  if (kind == SOOTHE_THERAPY_CONTRAST)
    minutes = 0;
  else if (minutes == 0 && self->settings != NULL)
    minutes = CLAMP ((guint) g_settings_get_int (self->settings, "default-therapy-minutes"), 1,
                     preset->max_minutes);
  else if (minutes == 0)
    minutes = preset->default_minutes;

  return soothe_therapy_timer_start (self->timer, kind, preset, minutes,
                                     kind == SOOTHE_THERAPY_CONTRAST ? 0 : 1, error);
}

/* Whether @kind's safety list was shown today; @record, if given, gets what
 * the settings say (NULL without them). */
static gboolean
safety_seen_today (SootheApplication  *self,
                   SootheTherapyKind   kind,
                   char              **record)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *value = NULL;
  gboolean seen;

  if (self->settings != NULL)
    value = g_settings_get_string (self->settings, "safety-seen-on");
  seen = value != NULL && soothe_safety_seen_today (value, now, kind);
  if (record != NULL)
    *record = g_steal_pointer (&value);
  return seen;
}

/* The window shows a therapy's safety list before its first session of the
 * day; a session started from a terminal gets it there instead. */
static void
print_safety_once_a_day (SootheApplication       *self,
                         GApplicationCommandLine *command_line,
                         SootheTherapyKind        kind)
{
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, kind);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *record = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(GString) text = NULL;

  if (safety_seen_today (self, kind, &record))
    return;

  text = g_string_new (_("Before you start:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; preset->safety[i] != NULL; i++)
    {
      g_autofree char *plain = soothe_markup_to_plain (preset->safety[i]);
      g_string_append_printf (text, "  • %s\n", plain);
    }
  g_application_command_line_print (command_line, "%s", text->str);

  if (self->settings != NULL)
    {
      seen = soothe_safety_record_seen (record, now, kind);
      g_settings_set_string (self->settings, "safety-seen-on", seen);
    }
}

static void
start_therapy_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SootheApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *name;
  SootheTherapyKind kind;
  guint32 minutes;

  g_variant_get (parameter, "(&su)", &name, &minutes);
  if (!soothe_therapy_kind_from_string (name, &kind) || kind == SOOTHE_THERAPY_NONE)
    {
      g_message ("Cannot start therapy: %s", name);
      return;
    }

  /* The safety list needs someone to read it: the window shows it and
   * starts the timer from there. */
  if (!safety_seen_today (self, kind, NULL))
    {
      SootheWindow *window = soothe_application_get_main_window (self);

      gtk_window_present (GTK_WINDOW (window));
      g_action_group_activate_action (G_ACTION_GROUP (window), "start-therapy", parameter);
      return;
    }

  if (!soothe_application_start_therapy (self, kind, minutes, &error))
    g_message ("Cannot start therapy: %s", error->message);
}

static void
pause_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_therapy_timer_pause (self->timer);
}

static void
resume_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_therapy_timer_resume (self->timer);
}

static void
stop_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_therapy_timer_stop (self->timer);
}

static void
extend_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SootheApplication *self = user_data;
  soothe_therapy_timer_extend (self->timer);
}

static void
show_timer_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
}

static const GActionEntry therapy_actions[] = {
  { "start-therapy", start_therapy_activated_cb, "(su)" },
  { "pause", pause_activated_cb },
  { "resume", resume_activated_cb },
  { "stop", stop_activated_cb },
  { "extend", extend_activated_cb },
  { "show-timer", show_timer_activated_cb },
};

void
soothe_application_therapy_startup (SootheApplication *self)
{
  self->timer = soothe_therapy_timer_new (self->clock);

  g_signal_connect_object (self->timer, "changed", G_CALLBACK (timer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "phase-ended", G_CALLBACK (phase_ended_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "check-skin", G_CALLBACK (check_skin_cb), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), therapy_actions,
                                   G_N_ELEMENTS (therapy_actions), self);

  restore_state (self);

  /* A process started only for --status and friends answers and exits,
   * unless a phase ended while nothing ran: then it stays to report that
   * and to keep the session going, as a running instance would. */
  if (self->command_only &&
      soothe_therapy_timer_get_deadline (self->timer) <= soothe_clock_get_now (self->clock))
    self->command_only = FALSE;

  /* What ended while Soothe was not running is reported now. */
  soothe_therapy_timer_update (self->timer);
  update_hold (self);
}

/* Handles the therapy options of a command line in the primary instance.
 * Returns -1 when there were none, else the exit status. */
int
soothe_application_therapy_command_line (SootheApplication       *self,
                                         GApplicationCommandLine *command_line,
                                         GVariantDict            *options)
{
  const char *kind_name = NULL;
  gint32 minutes = 0;
  gboolean has_minutes = g_variant_dict_lookup (options, "minutes", "i", &minutes);
  int status = -1;

  if (g_variant_dict_lookup (options, "start-therapy", "&s", &kind_name))
    {
      g_autoptr(GError) error = NULL;
      SootheTherapyKind kind;

      if (!soothe_therapy_kind_from_string (kind_name, &kind) || kind == SOOTHE_THERAPY_NONE)
        {
          g_application_command_line_printerr (command_line,
                                               _("soothe: --start-therapy takes cold, heat or contrast, not “%s”\n"),
                                               kind_name);
          return 1;
        }
      if (has_minutes && kind == SOOTHE_THERAPY_CONTRAST)
        {
          g_application_command_line_printerr (command_line,
                                               _("soothe: contrast sessions have fixed rounds; leave out --minutes\n"));
          return 1;
        }
      if (has_minutes && minutes <= 0)
        {
          g_application_command_line_printerr (command_line, _("soothe: --minutes must be at least 1\n"));
          return 1;
        }
      if (!soothe_application_start_therapy (self, kind, has_minutes ? (guint) minutes : 0, &error))
        {
          g_application_command_line_printerr (command_line, "soothe: %s\n", error->message);
          return 1;
        }
      print_safety_once_a_day (self, command_line, kind);
      status = 0;
    }
  else if (has_minutes)
    {
      g_application_command_line_printerr (command_line, _("soothe: --minutes goes with --start-therapy\n"));
      return 1;
    }

  if (g_variant_dict_contains (options, "pause") || g_variant_dict_contains (options, "resume") ||
      g_variant_dict_contains (options, "stop"))
    {
      SootheTimerState state = soothe_therapy_timer_get_state (self->timer);

      if (state != SOOTHE_TIMER_RUNNING && state != SOOTHE_TIMER_PAUSED)
        {
          g_application_command_line_printerr (command_line, _("soothe: no therapy timer is running\n"));
          return 1;
        }
      if (g_variant_dict_contains (options, "pause"))
        soothe_therapy_timer_pause (self->timer);
      if (g_variant_dict_contains (options, "resume"))
        soothe_therapy_timer_resume (self->timer);
      if (g_variant_dict_contains (options, "stop"))
        soothe_therapy_timer_stop (self->timer);
      status = 0;
    }

  if (g_variant_dict_contains (options, "stretch-now"))
    {
      soothe_reminder_scheduler_fire_now (self->reminders);
      status = 0;
    }

  if (g_variant_dict_contains (options, "status"))
    {
      g_autofree char *line = soothe_therapy_status_line (self->timer, self->content);
      g_autofree char *reminder = soothe_application_reminder_status (self);

      g_application_command_line_print (command_line, "%s\n%s\n", line, reminder);
      status = 0;
    }

  /* With no instance running, the saved timer was restored, acted on and
   * saved again without holding this process: it exits after answering. */
  self->command_only = FALSE;

  return status;
}
