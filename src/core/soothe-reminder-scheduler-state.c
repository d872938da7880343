/* soothe-reminder-scheduler-state.c: saving and restoring the reminder schedule
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-reminder-scheduler"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "soothe-json-reader.h"
#include "soothe-reminder-scheduler-private.h"

/* A saved schedule is a few hundred bytes; anything much larger is not one. */
#define SAVED_MAX_BYTES (16 * 1024)
#define SAVED_FORMAT    1

/* Saved times past this (2200-01-01) are damage, not plans. */
#define SAVED_MAX_TIME ((gint64) 7258118400 * G_USEC_PER_SEC)

/* No pause the app offers lasts this long; a saved one that does is damage,
 * and would silence reminders for good. */
#define SAVED_MAX_PAUSE_USEC ((gint64) 7 * 24 * 60 * MINUTE_USEC)

/* Rotation positions index lists of stretches; a bundle has far fewer. */
#define SAVED_MAX_POSITION 100000

/**
 * soothe_reminder_scheduler_save:
 * @self: a #SootheReminderScheduler
 *
 * Describes the schedule (not the settings) in a short JSON text that
 * soothe_reminder_scheduler_restore() takes back.
 *
 * Returns: (transfer full): the text
 */
char *
soothe_reminder_scheduler_save (SootheReminderScheduler *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, SAVED_FORMAT);

  json_builder_set_member_name (builder, "next_us");
  if (self->deadline != G_MAXINT64)
    json_builder_add_int_value (builder, self->deadline);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "pending");
  json_builder_add_boolean_value (builder, self->pending);

  json_builder_set_member_name (builder, "stretch");
  if (self->stretch != NULL)
    json_builder_add_string_value (builder, soothe_stretch_get_id (self->stretch));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "paused_until_us");
  json_builder_add_int_value (builder, self->paused_until);

  json_builder_set_member_name (builder, "rotation");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "preferred");
  json_builder_add_int_value (builder, self->rotation.preferred);
  json_builder_set_member_name (builder, "others");
  json_builder_add_int_value (builder, self->rotation.others);
  json_builder_set_member_name (builder, "run");
  json_builder_add_int_value (builder, self->rotation.run);
  json_builder_set_member_name (builder, "last");
  if (self->last != NULL)
    json_builder_add_string_value (builder, soothe_stretch_get_id (self->last));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* What a saved text holds, once checked. */
typedef struct
{
  gint64         deadline;
  gboolean       pending;
  SootheStretch *stretch;   /* borrowed from the content */
  gint64         paused_until;
  Rotation       rotation;
  SootheStretch *last;      /* borrowed from the content */
} Saved;

static gboolean
read_position (SootheJsonReader     *reader,
               const SootheJsonNode *object,
               const char           *member,
               guint                *value)
{
  gint64 number;

  if (!soothe_json_reader_read_int (reader, object, member, SOOTHE_JSON_REQUIRED, 0,
                                    SAVED_MAX_POSITION, &number))
    return FALSE;
  *value = number;

  return TRUE;
}

/* A stretch id or null; an id must name a stretch in the content. */
static gboolean
read_stretch (SootheReminderScheduler  *self,
              SootheJsonReader         *reader,
              const SootheJsonNode     *object,
              const char               *member,
              SootheStretch           **stretch)
{
  g_autofree char *escaped = NULL;
  const SootheJsonNode *node;
  const char *id;

  node = soothe_json_reader_read_member (reader, object, member, SOOTHE_JSON_STRING,
                                         SOOTHE_JSON_NULLABLE);
  if (node == NULL)
    return FALSE;

  *stretch = NULL;
  if (soothe_json_node_get_kind (node) == SOOTHE_JSON_NULL)
    return TRUE;

  id = soothe_json_node_get_string (node);
  *stretch = soothe_content_lookup_stretch (self->content, id);
  if (*stretch != NULL)
    return TRUE;

  /* Escaped, so that a long or multi-line value stays one short line. */
  escaped = g_strescape (id, NULL);
  return soothe_json_reader_problem (reader, member, "unknown stretch \"%.32s\"%s", escaped,
                                     strlen (escaped) > 32 ? "…" : "");
}

static gboolean
parse_saved_root (SootheReminderScheduler *self,
                  SootheJsonReader        *reader,
                  const SootheJsonNode    *object,
                  gint64                   now,
                  Saved                   *saved)
{
  gint64 number;

  if (soothe_json_reader_read_int (reader, object, "next_us", SOOTHE_JSON_NULLABLE, 1,
                                   SAVED_MAX_TIME, &number))
    saved->deadline = number;
  else if (soothe_json_reader_get_n_problems (reader) > 0)
    return FALSE;

  if (!soothe_json_reader_read_boolean (reader, object, "pending", SOOTHE_JSON_REQUIRED,
                                        &saved->pending))
    return FALSE;

  if (!read_stretch (self, reader, object, "stretch", &saved->stretch))
    return FALSE;

  if (saved->pending && saved->stretch == NULL)
    return soothe_json_reader_problem (reader, "stretch", "a pending reminder needs its stretch");
  if (saved->pending && saved->deadline != G_MAXINT64)
    return soothe_json_reader_problem (reader, "next_us",
                                       "expected null while a reminder is pending");
  if (!saved->pending && saved->stretch != NULL && saved->deadline == G_MAXINT64)
    return soothe_json_reader_problem (reader, "next_us", "a snoozed reminder needs its time");

  if (!soothe_json_reader_read_int (reader, object, "paused_until_us", SOOTHE_JSON_REQUIRED, 0,
                                    SAVED_MAX_TIME, &saved->paused_until))
    return FALSE;
  if (saved->paused_until > now && saved->paused_until - now > SAVED_MAX_PAUSE_USEC)
    return soothe_json_reader_problem (reader, "paused_until_us", "a pause of more than a week");

  object = soothe_json_reader_read_object (reader, object, "rotation", SOOTHE_JSON_REQUIRED);
  if (object == NULL)
    return FALSE;

  soothe_json_reader_enter_member (reader, "rotation");
  return read_position (reader, object, "preferred", &saved->rotation.preferred) &&
         read_position (reader, object, "others", &saved->rotation.others) &&
         read_position (reader, object, "run", &saved->rotation.run) &&
         read_stretch (self, reader, object, "last", &saved->last);
}

static gboolean
parse_saved (SootheReminderScheduler  *self,
             const char               *text,
             gsize                     length,
             gint64                    now,
             Saved                    *saved,
             GError                  **error)
{
  g_auto(SootheJsonReader) reader = { 0 };
  g_autoptr(SootheJsonDoc) doc = NULL;

  memset (saved, 0, sizeof *saved);
  saved->deadline = G_MAXINT64;
  soothe_json_reader_init (&reader, NULL, NULL);
  doc = soothe_json_reader_parse_saved (&reader, text, length, SAVED_MAX_BYTES, "a saved schedule",
                                        SAVED_FORMAT);
  if (doc == NULL || !parse_saved_root (self, &reader, soothe_json_doc_get_root (doc), now, saved))
    return soothe_json_reader_set_error (&reader, error);
  return TRUE;
}

/**
 * soothe_reminder_scheduler_restore:
 * @self: a #SootheReminderScheduler
 * @text: (array length=length): what soothe_reminder_scheduler_save() returned
 * @length: the length of @text in bytes
 * @error: return location for an error
 *
 * Takes back a saved schedule. Set the settings (enabled, interval, pregnant,
 * situation) first: they decide what of it still applies. A deadline passed
 * by more than the interval restarts the wait from now; one passed by less
 * is left for soothe_reminder_scheduler_update() to fire, so connect to the
 * signals and call that next. A restored pending reminder emits nothing:
 * show it again if soothe_reminder_scheduler_get_pending() says so.
 *
 * Returns: %TRUE when restored; %FALSE with %G_IO_ERROR_INVALID_DATA and a
 *   message naming the problem (without a file name) when @text is not a
 *   saved schedule, leaving a fresh schedule from now
 */
gboolean
soothe_reminder_scheduler_restore (SootheReminderScheduler  *self,
                                   const char               *text,
                                   gsize                     length,
                                   GError                  **error)
{
  Snapshot before;
  Saved saved;
  gboolean ok;
  gint64 now;

  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  ok = parse_saved (self, text != NULL ? text : "", length, now, &saved, error);
  if (!ok)
    {
      memset (&saved, 0, sizeof saved);
      saved.deadline = G_MAXINT64;
    }

  self->pending = saved.pending && self->enabled;
  if (!self->pending && saved.deadline == G_MAXINT64)
    saved.stretch = NULL;
  g_set_object (&self->stretch, saved.stretch);
  g_set_object (&self->last, saved.last);
  self->rotation = saved.rotation;
  self->paused_until = saved.paused_until > now ? saved.paused_until : 0;
  self->wait = self->stretch != NULL && !self->pending ? SNOOZE_USEC : soothe_reminder_scheduler_interval_usec (self);
  self->deadline = saved.deadline;

  if (!soothe_reminder_scheduler_can_wait (self) || self->deadline == G_MAXINT64 ||
      now - self->deadline >= soothe_reminder_scheduler_interval_usec (self))
    soothe_reminder_scheduler_restart (self, now);
  soothe_reminder_scheduler_settle (self, now);

  soothe_reminder_scheduler_schedule_wakeup (self);
  soothe_reminder_scheduler_notify_changes (self, &before);

  return ok;
}
