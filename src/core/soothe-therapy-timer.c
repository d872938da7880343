/* soothe-therapy-timer.c: a heat, cold or contrast session, phase by phase
 *
 * Saving and restoring it is in soothe-therapy-timer-state.c.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-therapy-timer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soothe-therapy-timer-private.h"

#define MINUTE_USEC ((gint64) 60 * G_USEC_PER_SEC)

G_DEFINE_ENUM_TYPE (SootheTimerState, soothe_timer_state,
  G_DEFINE_ENUM_VALUE (SOOTHE_TIMER_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SOOTHE_TIMER_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (SOOTHE_TIMER_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (SOOTHE_TIMER_FINISHED, "finished"))

G_DEFINE_ENUM_TYPE (SoothePhaseKind, soothe_phase_kind,
  G_DEFINE_ENUM_VALUE (SOOTHE_PHASE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SOOTHE_PHASE_COLD, "cold"),
  G_DEFINE_ENUM_VALUE (SOOTHE_PHASE_HEAT, "heat"),
  G_DEFINE_ENUM_VALUE (SOOTHE_PHASE_REST, "rest"))

G_DEFINE_FINAL_TYPE (SootheTherapyTimer, soothe_therapy_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_STATE,
  PROP_PHASE,
  PROP_PHASE_INDEX,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PHASE_ENDED,
  FINISHED,
  CHECK_SKIN,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
soothe_therapy_timer_session_clear (Session *session)
{
  memset (session, 0, sizeof *session);
  session->state = SOOTHE_TIMER_IDLE;
  session->kind = SOOTHE_THERAPY_NONE;
  session->deadline = G_MAXINT64;
}

gboolean
soothe_therapy_timer_session_is_active (const Session *session)
{
  return session->state == SOOTHE_TIMER_RUNNING || session->state == SOOTHE_TIMER_PAUSED;
}

static Phase *
session_current (Session *session)
{
  if (!soothe_therapy_timer_session_is_active (session) || session->phase_index >= session->n_phases)
    return NULL;
  return &session->phases[session->phase_index];
}

Snapshot
soothe_therapy_timer_take_snapshot (SootheTherapyTimer *self)
{
  return (Snapshot) {
    self->session.state,
    soothe_therapy_timer_get_phase (self),
    self->session.phase_index,
    self->session.deadline,
  };
}

void
soothe_therapy_timer_notify_changes (SootheTherapyTimer *self,
                                     const Snapshot     *before)
{
  Snapshot after = soothe_therapy_timer_take_snapshot (self);

  if (after.state != before->state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (after.phase != before->phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  if (after.phase_index != before->phase_index)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_INDEX]);
  if (after.deadline != before->deadline)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

static gboolean
check_skin_pending (SootheTherapyTimer *self)
{
  Phase *phase = session_current (&self->session);

  return phase != NULL &&
         phase->kind == SOOTHE_PHASE_COLD &&
         !self->session.check_skin_done &&
         self->session.check_skin_after > 0 &&
         self->session.check_skin_after < phase->length;
}

/* Measured back from the deadline, so pauses and added minutes move it along
 * with the phase. Only meaningful while RUNNING. */
static gint64
check_skin_time (SootheTherapyTimer *self)
{
  Phase *phase = session_current (&self->session);

  return self->session.deadline - phase->length + self->session.check_skin_after;
}

void
soothe_therapy_timer_schedule_wakeup (SootheTherapyTimer *self)
{
  gint64 wakeup = G_MAXINT64;

  if (self->session.state == SOOTHE_TIMER_RUNNING)
    {
      wakeup = self->session.deadline;
      if (check_skin_pending (self))
        wakeup = MIN (wakeup, check_skin_time (self));
    }

  soothe_clock_set_wakeup (self->clock, wakeup);
}

/* The end of a caller's action: tell listeners and the clock. */
static void
finish_action (SootheTherapyTimer *self,
               const Snapshot     *before)
{
  soothe_therapy_timer_schedule_wakeup (self);
  soothe_therapy_timer_notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
wakeup_cb (SootheClock        *clock,
           SootheTherapyTimer *self)
{
  soothe_therapy_timer_update (self);
}

static void
soothe_therapy_timer_constructed (GObject *object)
{
  SootheTherapyTimer *self = SOOTHE_THERAPY_TIMER (object);

  G_OBJECT_CLASS (soothe_therapy_timer_parent_class)->constructed (object);

  /* Without a clock from the caller, keep real time. */
  if (self->clock == NULL)
    self->clock = soothe_clock_new_real ();
  self->wakeup_handler = g_signal_connect (self->clock, "wakeup", G_CALLBACK (wakeup_cb), self);
}

static void
soothe_therapy_timer_dispose (GObject *object)
{
  SootheTherapyTimer *self = SOOTHE_THERAPY_TIMER (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->wakeup_handler, self->clock);
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
      g_clear_object (&self->clock);
    }

  G_OBJECT_CLASS (soothe_therapy_timer_parent_class)->dispose (object);
}

static void
soothe_therapy_timer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SootheTherapyTimer *self = SOOTHE_THERAPY_TIMER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->session.state);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, soothe_therapy_timer_get_phase (self));
      break;

    case PROP_PHASE_INDEX:
      g_value_set_uint (value, self->session.phase_index);
      break;

    case PROP_DEADLINE:
      g_value_set_int64 (value, self->session.deadline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_therapy_timer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SootheTherapyTimer *self = SOOTHE_THERAPY_TIMER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_therapy_timer_class_init (SootheTherapyTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = soothe_therapy_timer_constructed;
  object_class->dispose = soothe_therapy_timer_dispose;
  object_class->get_property = soothe_therapy_timer_get_property;
  object_class->set_property = soothe_therapy_timer_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SOOTHE_TYPE_TIMER_STATE, SOOTHE_TIMER_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       SOOTHE_TYPE_PHASE_KIND, SOOTHE_PHASE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PHASE_INDEX] =
    g_param_spec_uint ("phase-index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL,
                        G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheTherapyTimer::phase-ended:
   * @ended: the phase whose deadline passed
   * @next: the phase after it, or %SOOTHE_PHASE_NONE after the last
   * @lateness: µs between the deadline and when it was noticed
   *
   * A phase reached its deadline. After a suspend past several deadlines this
   * is emitted once for each, in order. Not emitted for skip or stop.
   */
  signals[PHASE_ENDED] = g_signal_new ("phase-ended",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 3,
                                       SOOTHE_TYPE_PHASE_KIND,
                                       SOOTHE_TYPE_PHASE_KIND,
                                       G_TYPE_INT64);

  /**
   * SootheTherapyTimer::finished:
   * @lateness: µs between the last deadline and when it was noticed
   *
   * The last phase reached its deadline; follows its #SootheTherapyTimer::phase-ended.
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1,
                                    G_TYPE_INT64);

  /**
   * SootheTherapyTimer::check-skin:
   * @lateness: µs between when it was due and when it was noticed
   *
   * Time to check the skin under a cold pack; at most once per application,
   * and never once the application has ended.
   */
  signals[CHECK_SKIN] = g_signal_new ("check-skin",
                                      G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1,
                                      G_TYPE_INT64);

  /**
   * SootheTherapyTimer::changed:
   *
   * What soothe_therapy_timer_save() returns has changed: save it now.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
soothe_therapy_timer_init (SootheTherapyTimer *self)
{
  soothe_therapy_timer_session_clear (&self->session);
}

/**
 * soothe_therapy_timer_new:
 * @clock: (nullable): the clock to follow; %NULL for the real one
 *
 * Returns: (transfer full): a new idle timer
 */
SootheTherapyTimer *
soothe_therapy_timer_new (SootheClock *clock)
{
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_THERAPY_TIMER, "clock", clock, NULL);
}

/**
 * soothe_therapy_timer_get_clock:
 * @self: a #SootheTherapyTimer
 *
 * Returns: (transfer none): the clock it follows
 */
SootheClock *
soothe_therapy_timer_get_clock (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), NULL);

  return self->clock;
}

static const char *
preset_title (SootheTherapyKind          kind,
              const SootheTherapyPreset *preset)
{
  if (preset->title != NULL && *preset->title != '\0')
    return preset->title;

  switch (kind)
    {
    case SOOTHE_THERAPY_COLD:
      return _("Cold pack");
    case SOOTHE_THERAPY_HEAT:
      return _("Heat pad");
    case SOOTHE_THERAPY_CONTRAST:
      return _("Contrast");
    case SOOTHE_THERAPY_NONE:
    default:
      return _("Therapy");
    }
}

static void
plan_add (Session         *session,
          SoothePhaseKind  kind,
          gint64           length)
{
  g_assert (session->n_phases < MAX_PHASES);

  session->phases[session->n_phases++] = (Phase) { kind, length };
}

/* Fills @session with the plan; FALSE when the preset cannot make a safe one. */
static gboolean
plan_session (Session                   *session,
              SootheTherapyKind          kind,
              const SootheTherapyPreset *preset,
              guint                      minutes,
              guint                      cycles,
              GError                   **error)
{
  const char *title = preset_title (kind, preset);
  guint max_minutes = MIN (preset->max_minutes, MAX_PHASE / MINUTE_USEC);
  guint max_cycles = MIN (preset->max_cycles, (MAX_PHASES + 1) / 2);
  gint64 rest = (gint64) preset->rest_minutes * MINUTE_USEC;

  soothe_therapy_timer_session_clear (session);
  session->kind = kind;

  switch (kind)
    {
    case SOOTHE_THERAPY_COLD:
    case SOOTHE_THERAPY_HEAT:
      if (minutes < 1 || minutes > max_minutes)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       ngettext ("%s sessions are 1 to %u minute",
                                 "%s sessions are 1 to %u minutes", max_minutes),
                       title, max_minutes);
          return FALSE;
        }
      if (cycles < 1 || cycles > max_cycles)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       ngettext ("%s sessions repeat 1 to %u time",
                                 "%s sessions repeat 1 to %u times", max_cycles),
                       title, max_cycles);
          return FALSE;
        }
      /* Back-to-back applications would add up past the cap. */
      if (cycles > 1 && (rest < MINUTE_USEC || rest > MAX_PHASE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s sessions cannot repeat without a rest between them"), title);
          return FALSE;
        }

      for (guint cycle = 0; cycle < cycles; cycle++)
        {
          if (cycle > 0)
            plan_add (session, SOOTHE_PHASE_REST, rest);
          plan_add (session,
                    kind == SOOTHE_THERAPY_COLD ? SOOTHE_PHASE_COLD : SOOTHE_PHASE_HEAT,
                    (gint64) minutes * MINUTE_USEC);
        }
      session->max_application = (gint64) max_minutes * MINUTE_USEC;
      break;

    case SOOTHE_THERAPY_CONTRAST:
      if (preset->rounds < 1 || preset->rounds > MAX_PHASES / 2 ||
          preset->heat_seconds < 1 || preset->heat_seconds > MAX_PHASE / G_USEC_PER_SEC ||
          preset->cold_seconds < 1 || preset->cold_seconds > MAX_PHASE / G_USEC_PER_SEC)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The %s settings cannot make a session"), title);
          return FALSE;
        }

      for (guint round = 0; round < preset->rounds; round++)
        {
          plan_add (session, SOOTHE_PHASE_HEAT, (gint64) preset->heat_seconds * G_USEC_PER_SEC);
          plan_add (session, SOOTHE_PHASE_COLD, (gint64) preset->cold_seconds * G_USEC_PER_SEC);
        }
      session->max_application = (gint64) max_minutes * MINUTE_USEC;
      break;

    case SOOTHE_THERAPY_NONE:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose cold, heat or contrast therapy"));
      return FALSE;
    }

  session->check_skin_after = MIN ((gint64) preset->check_skin_after_minutes * MINUTE_USEC,
                                   MAX_PHASE);

  return TRUE;
}

/**
 * soothe_therapy_timer_start:
 * @self: a #SootheTherapyTimer
 * @kind: cold, heat or contrast
 * @preset: the limits and timings for @kind
 * @minutes: length of each cold or heat application, 1 to the preset's max_minutes
 * @cycles: number of applications, 1 to the preset's max_cycles, with rests between
 * @error: return location for an error
 *
 * Starts a session, replacing any other. Contrast takes its rounds and
 * seconds from @preset, always ends on cold, and ignores @minutes and @cycles.
 *
 * Returns: %TRUE when started; %FALSE with %G_IO_ERROR_INVALID_ARGUMENT and a
 *   message that gives the allowed range
 */
gboolean
soothe_therapy_timer_start (SootheTherapyTimer        *self,
                            SootheTherapyKind          kind,
                            const SootheTherapyPreset *preset,
                            guint                      minutes,
                            guint                      cycles,
                            GError                   **error)
{
  Session planned;
  Snapshot before;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plan_session (&planned, kind, preset, minutes, cycles, error))
    return FALSE;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  planned.state = SOOTHE_TIMER_RUNNING;
  planned.deadline = soothe_clock_get_now (self->clock) + planned.phases[0].length;
  self->session = planned;
  finish_action (self, &before);

  return TRUE;
}

/**
 * soothe_therapy_timer_pause:
 * @self: a #SootheTherapyTimer
 *
 * Stops the countdown of a running session, keeping the time left.
 */
void
soothe_therapy_timer_pause (SootheTherapyTimer *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));

  /* What ended before the pause still ends. */
  soothe_therapy_timer_update (self);
  if (self->session.state != SOOTHE_TIMER_RUNNING)
    return;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  self->session.remaining = soothe_therapy_timer_get_remaining (self);
  self->session.state = SOOTHE_TIMER_PAUSED;
  self->session.deadline = G_MAXINT64;
  finish_action (self, &before);
}

/**
 * soothe_therapy_timer_resume:
 * @self: a #SootheTherapyTimer
 *
 * Restarts the countdown of a paused session from the time it had left.
 */
void
soothe_therapy_timer_resume (SootheTherapyTimer *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));

  if (self->session.state != SOOTHE_TIMER_PAUSED)
    return;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  self->session.state = SOOTHE_TIMER_RUNNING;
  self->session.deadline = soothe_clock_get_now (self->clock) + self->session.remaining;
  self->session.remaining = 0;
  finish_action (self, &before);
}

/**
 * soothe_therapy_timer_stop:
 * @self: a #SootheTherapyTimer
 *
 * Forgets the session, running, paused or finished.
 */
void
soothe_therapy_timer_stop (SootheTherapyTimer *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));

  if (self->session.state == SOOTHE_TIMER_IDLE)
    return;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  soothe_therapy_timer_session_clear (&self->session);
  finish_action (self, &before);
}

/**
 * soothe_therapy_timer_can_extend:
 * @self: a #SootheTherapyTimer
 *
 * Returns: whether soothe_therapy_timer_extend() would add a minute
 */
gboolean
soothe_therapy_timer_can_extend (SootheTherapyTimer *self)
{
  Phase *phase;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), FALSE);

  phase = session_current (&self->session);

  return phase != NULL &&
         (phase->kind == SOOTHE_PHASE_COLD || phase->kind == SOOTHE_PHASE_HEAT) &&
         phase->length + MINUTE_USEC <= self->session.max_application;
}

/**
 * soothe_therapy_timer_extend:
 * @self: a #SootheTherapyTimer
 *
 * Adds a minute to the current cold or heat application, as long as its whole
 * length stays within the preset's cap.
 *
 * Returns: %FALSE, changing nothing, at the cap, in a rest or with no session
 */
gboolean
soothe_therapy_timer_extend (SootheTherapyTimer *self)
{
  Snapshot before;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), FALSE);

  /* A minute added to a phase that has already ended would revive it. */
  soothe_therapy_timer_update (self);
  if (!soothe_therapy_timer_can_extend (self))
    return FALSE;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  session_current (&self->session)->length += MINUTE_USEC;
  if (self->session.state == SOOTHE_TIMER_RUNNING)
    self->session.deadline += MINUTE_USEC;
  else
    self->session.remaining += MINUTE_USEC;
  finish_action (self, &before);

  return TRUE;
}

/**
 * soothe_therapy_timer_skip_phase:
 * @self: a #SootheTherapyTimer
 *
 * Ends the current phase now and starts the next in full (paused if the
 * session is paused); after the last, the session is finished. Being the
 * person's choice, this emits neither #SootheTherapyTimer::phase-ended nor
 * #SootheTherapyTimer::finished.
 */
void
soothe_therapy_timer_skip_phase (SootheTherapyTimer *self)
{
  Session *session = &self->session;
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));

  soothe_therapy_timer_update (self);
  if (!soothe_therapy_timer_session_is_active (session))
    return;

  self->serial++;
  before = soothe_therapy_timer_take_snapshot (self);
  session->check_skin_done = FALSE;
  if (session->phase_index + 1 < session->n_phases)
    {
      gint64 length = session->phases[++session->phase_index].length;

      if (session->state == SOOTHE_TIMER_RUNNING)
        session->deadline = soothe_clock_get_now (self->clock) + length;
      else
        session->remaining = length;
    }
  else
    {
      session->phase_index = session->n_phases;
      session->state = SOOTHE_TIMER_FINISHED;
      session->deadline = G_MAXINT64;
      session->remaining = 0;
    }
  finish_action (self, &before);
}

/**
 * soothe_therapy_timer_update:
 * @self: a #SootheTherapyTimer
 *
 * Checks the deadlines against the clock and emits, in order, every event
 * that is due, each with its lateness. The clock's wake-ups call this; call
 * it also when the app wakes up or shows its window.
 */
void
soothe_therapy_timer_update (SootheTherapyTimer *self)
{
  g_autoptr(SootheTherapyTimer) hold = NULL;
  Session *session = &self->session;
  gboolean changed = FALSE;
  Snapshot before;
  guint serial;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));

  if (session->state != SOOTHE_TIMER_RUNNING)
    {
      soothe_therapy_timer_schedule_wakeup (self);
      return;
    }

  hold = g_object_ref (self);
  serial = self->serial;
  now = soothe_clock_get_now (self->clock);

  /* After the clock was set back, the deadline may be further away than the
   * phase is long; never let that stretch the phase. */
  before = soothe_therapy_timer_take_snapshot (self);
  if (session->deadline - now > session->phases[session->phase_index].length)
    {
      session->deadline = now + session->phases[session->phase_index].length;
      changed = TRUE;
      soothe_therapy_timer_notify_changes (self, &before);
    }

  while (session->state == SOOTHE_TIMER_RUNNING && serial == self->serial)
    {
      SoothePhaseKind ended, next;
      gint64 lateness;
      gboolean done;

      if (check_skin_pending (self) && check_skin_time (self) <= now)
        {
          gint64 due = check_skin_time (self);

          session->check_skin_done = TRUE;
          changed = TRUE;
          /* Noticed only after the application ended, it would come too late. */
          if (now < session->deadline)
            g_signal_emit (self, signals[CHECK_SKIN], 0, now - due);
          continue;
        }

      if (session->deadline > now)
        break;

      before = soothe_therapy_timer_take_snapshot (self);
      ended = session->phases[session->phase_index].kind;
      lateness = now - session->deadline;
      session->check_skin_done = FALSE;
      if (session->phase_index + 1 < session->n_phases)
        {
          /* The next phase starts when this one should have ended, not when
           * the end was noticed, so a late wake-up never stretches a session. */
          session->phase_index++;
          session->deadline += session->phases[session->phase_index].length;
          next = session->phases[session->phase_index].kind;
        }
      else
        {
          session->phase_index = session->n_phases;
          session->state = SOOTHE_TIMER_FINISHED;
          session->deadline = G_MAXINT64;
          next = SOOTHE_PHASE_NONE;
        }
      done = session->state == SOOTHE_TIMER_FINISHED;
      changed = TRUE;

      soothe_therapy_timer_notify_changes (self, &before);
      if (serial != self->serial)
        break;
      g_signal_emit (self, signals[PHASE_ENDED], 0, ended, next, lateness);
      if (done && serial == self->serial)
        g_signal_emit (self, signals[FINISHED], 0, lateness);
    }

  if (serial == self->serial)
    soothe_therapy_timer_schedule_wakeup (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * soothe_therapy_timer_get_state:
 * @self: a #SootheTherapyTimer
 *
 * Returns: whether a session is running, paused or finished
 */
SootheTimerState
soothe_therapy_timer_get_state (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), SOOTHE_TIMER_IDLE);

  return self->session.state;
}

/**
 * soothe_therapy_timer_get_kind:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the therapy of the session, kept once it has finished
 */
SootheTherapyKind
soothe_therapy_timer_get_kind (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), SOOTHE_THERAPY_NONE);

  return self->session.kind;
}

/**
 * soothe_therapy_timer_get_situation:
 * @self: a #SootheTherapyTimer
 *
 * Returns: (nullable): the id of the situation the session was started for,
 *   kept once it has finished and saved with it; %NULL when none was given
 */
const char *
soothe_therapy_timer_get_situation (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), NULL);

  return self->session.situation[0] != '\0' ? self->session.situation : NULL;
}

/**
 * soothe_therapy_timer_set_situation:
 * @self: a #SootheTherapyTimer
 * @id: (nullable): a situation id (see soothe_id_is_valid()), or %NULL
 *
 * Says which situation the session was started for, so that what it did can
 * be counted there. Only a running or paused session takes it; starting
 * another session forgets it.
 */
void
soothe_therapy_timer_set_situation (SootheTherapyTimer *self,
                                    const char         *id)
{
  g_return_if_fail (SOOTHE_IS_THERAPY_TIMER (self));
  g_return_if_fail (id == NULL || soothe_id_is_valid (id));

  if (!soothe_therapy_timer_session_is_active (&self->session))
    return;
  g_strlcpy (self->session.situation, id != NULL ? id : "", sizeof self->session.situation);
}

/**
 * soothe_therapy_timer_get_phase:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the current phase, %SOOTHE_PHASE_NONE unless running or paused
 */
SoothePhaseKind
soothe_therapy_timer_get_phase (SootheTherapyTimer *self)
{
  Phase *phase;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), SOOTHE_PHASE_NONE);

  phase = session_current (&self->session);

  return phase != NULL ? phase->kind : SOOTHE_PHASE_NONE;
}

/**
 * soothe_therapy_timer_get_next_phase:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the phase after the current one, %SOOTHE_PHASE_NONE after the last
 */
SoothePhaseKind
soothe_therapy_timer_get_next_phase (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), SOOTHE_PHASE_NONE);

  if (!soothe_therapy_timer_session_is_active (&self->session) ||
      self->session.phase_index + 1 >= self->session.n_phases)
    return SOOTHE_PHASE_NONE;

  return self->session.phases[self->session.phase_index + 1].kind;
}

/**
 * soothe_therapy_timer_get_phase_index:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the position of the current phase, counting from 0; the number of
 *   phases once finished
 */
guint
soothe_therapy_timer_get_phase_index (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), 0);

  return self->session.phase_index;
}

/**
 * soothe_therapy_timer_get_n_phases:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the number of phases in the session, 0 when idle
 */
guint
soothe_therapy_timer_get_n_phases (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), 0);

  return self->session.n_phases;
}

/**
 * soothe_therapy_timer_get_remaining:
 * @self: a #SootheTherapyTimer
 *
 * Returns: µs left in the current phase by the clock's time now, from 0 to
 *   the phase's length
 */
gint64
soothe_therapy_timer_get_remaining (SootheTherapyTimer *self)
{
  Phase *phase;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), 0);

  phase = session_current (&self->session);
  if (phase == NULL)
    return 0;
  if (self->session.state == SOOTHE_TIMER_PAUSED)
    return CLAMP (self->session.remaining, 0, phase->length);

  return CLAMP (self->session.deadline - soothe_clock_get_now (self->clock), 0, phase->length);
}

/**
 * soothe_therapy_timer_get_phase_length:
 * @self: a #SootheTherapyTimer
 *
 * Returns: µs the current phase lasts in all, with any minutes added; 0 when
 *   not running or paused
 */
gint64
soothe_therapy_timer_get_phase_length (SootheTherapyTimer *self)
{
  Phase *phase;

  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), 0);

  phase = session_current (&self->session);

  return phase != NULL ? phase->length : 0;
}

/**
 * soothe_therapy_timer_get_phase_length_at:
 * @self: a #SootheTherapyTimer
 * @index: a phase position, from 0
 *
 * During #SootheTherapyTimer::phase-ended the timer is already in the next
 * phase, so the phase that ended is at the phase index minus one.
 *
 * Returns: µs phase @index lasts in all, with any minutes added; 0 when there
 *   is no such phase
 */
gint64
soothe_therapy_timer_get_phase_length_at (SootheTherapyTimer *self,
                                          guint               index)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), 0);

  if (self->session.state == SOOTHE_TIMER_IDLE || index >= self->session.n_phases)
    return 0;

  return self->session.phases[index].length;
}

/**
 * soothe_therapy_timer_get_deadline:
 * @self: a #SootheTherapyTimer
 *
 * Returns: the wall-clock µs when the current phase ends, %G_MAXINT64 unless
 *   running
 */
gint64
soothe_therapy_timer_get_deadline (SootheTherapyTimer *self)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (self), G_MAXINT64);

  return self->session.deadline;
}
