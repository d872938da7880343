/* soothe-therapy-timer-state.c: saving and restoring a therapy session
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-therapy-timer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "soothe-json-reader.h"
#include "soothe-therapy-timer-private.h"

/* A saved session is a few hundred bytes; anything much larger is not one,
 * and is refused before it costs a parse. */
#define SAVED_MAX_BYTES (16 * 1024)
#define SAVED_FORMAT    1

/* Saved deadlines past this (2200-01-01) are damage, not plans. */
#define SAVED_MAX_DEADLINE ((gint64) 7258118400 * G_USEC_PER_SEC)

static const char * const state_names[] = {
  [SOOTHE_TIMER_RUNNING] = "running",
  [SOOTHE_TIMER_PAUSED] = "paused",
};

static const char * const kind_names[] = {
  [SOOTHE_THERAPY_COLD] = "cold",
  [SOOTHE_THERAPY_HEAT] = "heat",
  [SOOTHE_THERAPY_CONTRAST] = "contrast",
};

static const char * const phase_names[] = {
  [SOOTHE_PHASE_COLD] = "cold",
  [SOOTHE_PHASE_HEAT] = "heat",
  [SOOTHE_PHASE_REST] = "rest",
};

/**
 * soothe_therapy_timer_save:
 * @self: a #SootheTherapyTimer
 *
 * Describes a running or paused session in a short JSON text that
 * soothe_therapy_timer_restore() takes back.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when there is no
 *   session to keep
 */
char *
soothe_therapy_timer_save (SootheTherapyTimer *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  const Session *session;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), NULL);

  session = &self->session;
  if (!soothe_therapy_timer_session_is_active (session))
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, SAVED_FORMAT);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state_names[session->state]);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[session->kind]);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < session->n_phases; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, phase_names[session->phases[i].kind]);
      json_builder_set_member_name (builder, "length_us");
      json_builder_add_int_value (builder, session->phases[i].length);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "phase_index");
  json_builder_add_int_value (builder, session->phase_index);
  if (session->state == SOOTHE_TIMER_RUNNING)
    {
      json_builder_set_member_name (builder, "deadline_us");
      json_builder_add_int_value (builder, session->deadline);
    }
  else
    {
      json_builder_set_member_name (builder, "remaining_us");
      json_builder_add_int_value (builder, session->remaining);
    }
  json_builder_set_member_name (builder, "max_application_us");
  json_builder_add_int_value (builder, session->max_application);
  json_builder_set_member_name (builder, "check_skin_after_us");
  json_builder_add_int_value (builder, session->check_skin_after);
  json_builder_set_member_name (builder, "check_skin_done");
  json_builder_add_boolean_value (builder, session->check_skin_done);
  if (session->situation[0] != '\0')
    {
      json_builder_set_member_name (builder, "situation");
      json_builder_add_string_value (builder, session->situation);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* Reads a string that must be one of the non-NULL @names; *value is its index. */
static gboolean
read_name (SootheJsonReader     *reader,
           const SootheJsonNode *object,
           const char           *member,
           const char * const   *names,
           guint                 n_names,
           guint                *value)
{
  const char *string = soothe_json_reader_read_string (reader, object, member,
                                                       SOOTHE_JSON_REQUIRED);
  g_autofree char *escaped = NULL;

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && strcmp (names[i], string) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  /* Escaped, so that a long or multi-line value stays one short line. */
  escaped = g_strescape (string, NULL);
  return soothe_json_reader_problem (reader, member, "unknown value \"%.32s\"%s", escaped,
                                     strlen (escaped) > 32 ? "…" : "");
}

static gboolean
phase_fits_kind (SootheTherapyKind kind,
                 SoothePhaseKind   phase)
{
  switch (kind)
    {
    case SOOTHE_THERAPY_COLD:
      return phase == SOOTHE_PHASE_COLD || phase == SOOTHE_PHASE_REST;
    case SOOTHE_THERAPY_HEAT:
      return phase == SOOTHE_PHASE_HEAT || phase == SOOTHE_PHASE_REST;
    case SOOTHE_THERAPY_CONTRAST:
      return phase == SOOTHE_PHASE_HEAT || phase == SOOTHE_PHASE_COLD;
    case SOOTHE_THERAPY_NONE:
    default:
      return FALSE;
    }
}

/* Reads one to MAX_PHASES phases, each of a kind the session has. */
static gboolean
read_phases (SootheJsonReader     *reader,
             const SootheJsonNode *object,
             Session              *session)
{
  const SootheJsonNode *phases;
  const SootheJsonNode *phase;
  gsize mark;

  phases = soothe_json_reader_read_array (reader, object, "phases", SOOTHE_JSON_REQUIRED);
  if (phases == NULL)
    return FALSE;
  if (soothe_json_node_get_size (phases) < 1 || soothe_json_node_get_size (phases) > MAX_PHASES)
    return soothe_json_reader_problem (reader, "phases", "%u phases, expected 1 to %d",
                                       soothe_json_node_get_size (phases), MAX_PHASES);
  session->n_phases = soothe_json_node_get_size (phases);

  mark = soothe_json_reader_enter_member (reader, "phases");
  phase = soothe_json_node_get_first (phases);
  for (guint i = 0; i < session->n_phases; i++, phase = soothe_json_node_get_next (phase))
    {
      gsize element = soothe_json_reader_enter_element (reader, i);
      guint value = 0;

      if (!soothe_json_reader_check_kind (reader, phase, NULL, SOOTHE_JSON_OBJECT,
                                          SOOTHE_JSON_REQUIRED))
        return FALSE;

      if (!read_name (reader, phase, "kind", phase_names, G_N_ELEMENTS (phase_names), &value))
        return FALSE;
      if (!phase_fits_kind (session->kind, value))
        return soothe_json_reader_problem (reader, "kind",
                                           "a %s phase has no place in a %s session",
                                           phase_names[value], kind_names[session->kind]);
      session->phases[i].kind = value;

      if (!soothe_json_reader_read_int (reader, phase, "length_us", SOOTHE_JSON_REQUIRED,
                                        G_USEC_PER_SEC, MAX_PHASE, &session->phases[i].length))
        return FALSE;
      soothe_json_reader_leave (reader, element);
    }
  soothe_json_reader_leave (reader, mark);
  return TRUE;
}

static gboolean
parse_session (SootheJsonReader     *reader,
               const SootheJsonNode *object,
               Session              *session)
{
  guint value = 0;
  gint64 number;

  if (!read_name (reader, object, "state", state_names, G_N_ELEMENTS (state_names), &value))
    return FALSE;
  session->state = value;

  if (!read_name (reader, object, "kind", kind_names, G_N_ELEMENTS (kind_names), &value))
    return FALSE;
  session->kind = value;

  if (!read_phases (reader, object, session))
    return FALSE;

  if (!soothe_json_reader_read_int (reader, object, "phase_index", SOOTHE_JSON_REQUIRED, 0,
                                    session->n_phases - 1, &number))
    return FALSE;
  session->phase_index = number;

  if (session->state == SOOTHE_TIMER_RUNNING)
    {
      if (!soothe_json_reader_read_int (reader, object, "deadline_us", SOOTHE_JSON_REQUIRED, 1,
                                        SAVED_MAX_DEADLINE, &session->deadline))
        return FALSE;
    }
  else
    {
      if (!soothe_json_reader_read_int (reader, object, "remaining_us", SOOTHE_JSON_REQUIRED, 0,
                                        session->phases[session->phase_index].length,
                                        &session->remaining))
        return FALSE;
    }

  if (!soothe_json_reader_read_int (reader, object, "max_application_us", SOOTHE_JSON_REQUIRED,
                                    0, MAX_PHASE, &session->max_application) ||
      !soothe_json_reader_read_int (reader, object, "check_skin_after_us", SOOTHE_JSON_REQUIRED,
                                    0, MAX_PHASE, &session->check_skin_after) ||
      !soothe_json_reader_read_boolean (reader, object, "check_skin_done", SOOTHE_JSON_REQUIRED,
                                        &session->check_skin_done))
    return FALSE;

  /* Timers saved before sessions knew their situation have none. */
  if (soothe_json_node_get_member (object, "situation") != NULL)
    {
      const char *situation = soothe_json_reader_read_string (reader, object, "situation",
                                                              SOOTHE_JSON_REQUIRED);

      if (situation == NULL)
        return FALSE;
      if (!soothe_id_is_valid (situation))
        return soothe_json_reader_problem (reader, "situation", "not a valid id");
      g_strlcpy (session->situation, situation, sizeof session->situation);
    }

  return TRUE;
}

static gboolean
parse_saved (const char  *text,
             gsize        length,
             Session     *session,
             GError     **error)
{
  g_auto(SootheJsonReader) reader = { 0 };
  g_autoptr(SootheJsonDoc) doc = NULL;

  soothe_therapy_timer_session_clear (session);
  soothe_json_reader_init (&reader, NULL, NULL);
  doc = soothe_json_reader_parse_saved (&reader, text, length, SAVED_MAX_BYTES, "a saved timer",
                                        SAVED_FORMAT);
  if (doc == NULL || !parse_session (&reader, soothe_json_doc_get_root (doc), session))
    return soothe_json_reader_set_error (&reader, error);
  return TRUE;
}

/**
 * soothe_therapy_timer_restore:
 * @self: a #SootheTherapyTimer
 * @text: (array length=length): what soothe_therapy_timer_save() returned
 * @length: the length of @text in bytes
 * @error: return location for an error
 *
 * Takes back a saved session, running or paused as it was. Its deadlines are
 * not checked yet: call soothe_therapy_timer_update() (after connecting to the
 * signals) to hear what ended meanwhile.
 *
 * Returns: %TRUE when restored; %FALSE with %G_IO_ERROR_INVALID_DATA and a
 *   message naming the problem (without a file name) when @text is not a
 *   saved session, leaving the timer idle
 */
gboolean
soothe_therapy_timer_restore (SootheTherapyTimer  *self,
                              const char          *text,
                              gsize                length,
                              GError             **error)
{
  Session restored;
  Snapshot before;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_saved (text != NULL ? text : "", length, &restored, error))
    {
      soothe_therapy_timer_stop (self);
      return FALSE;
    }

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  self->session = restored;
  soothe_therapy_timer_schedule_wakeup (self);
  soothe_therapy_timer_notify_changes (self, &before);

  return TRUE;
}
