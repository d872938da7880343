/* soothe-stretch-guide.c: a guided count of a stretch's holds and the pauses between
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-stretch-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-stretch-guide.h"

G_DEFINE_ENUM_TYPE (SootheStretchPhase, soothe_stretch_phase,
  G_DEFINE_ENUM_VALUE (SOOTHE_STRETCH_PHASE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SOOTHE_STRETCH_PHASE_HOLD, "hold"),
  G_DEFINE_ENUM_VALUE (SOOTHE_STRETCH_PHASE_RELAX, "relax"),
  G_DEFINE_ENUM_VALUE (SOOTHE_STRETCH_PHASE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (SOOTHE_STRETCH_PHASE_FINISHED, "finished"))

struct _SootheStretchGuide
{
  GObject             parent_instance;

  /* Owned references */
  SootheStretch      *stretch;
  SootheClock        *clock;

  /* State */
  gulong              wakeup_handler;
  SootheStretchPhase  counted;           /* idle, hold, relax or finished; kept while paused */
  gboolean            paused;
  guint               repetition;        /* the current hold, from 1; 0 when idle */
  gint64              phase_start;       /* wall-clock µs */
  gint64              deadline;          /* wall-clock µs at which the phase ends */
  gint64              paused_remaining;
  gboolean            tick_seconds;
  guint               serial;            /* bumped by every action */

  /* What listeners were last told */
  guint               notified_seconds;
  char               *description;
};

G_DEFINE_FINAL_TYPE (SootheStretchGuide, soothe_stretch_guide, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STRETCH,
  PROP_CLOCK,
  PROP_PHASE,
  PROP_PAUSED_PHASE,
  PROP_REPETITION,
  PROP_REMAINING_SECONDS,
  PROP_DEADLINE,
  PROP_DESCRIPTION,
  PROP_TICK_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  SootheStretchPhase phase;
  SootheStretchPhase paused_phase;
  guint              repetition;
  gint64             deadline;
} Snapshot;

static gboolean
is_running (SootheStretchGuide *self)
{
  return self->counted == SOOTHE_STRETCH_PHASE_HOLD || self->counted == SOOTHE_STRETCH_PHASE_RELAX;
}

static gboolean
is_counting (SootheStretchGuide *self)
{
  return is_running (self) && !self->paused;
}

static gint64
phase_length (SootheStretchGuide *self)
{
  switch (self->counted)
    {
    case SOOTHE_STRETCH_PHASE_HOLD:
      return (gint64) soothe_stretch_get_hold_seconds (self->stretch) * G_USEC_PER_SEC;
    case SOOTHE_STRETCH_PHASE_RELAX:
      return (gint64) SOOTHE_STRETCH_GUIDE_RELAX_SECONDS * G_USEC_PER_SEC;
    case SOOTHE_STRETCH_PHASE_IDLE:
    case SOOTHE_STRETCH_PHASE_PAUSED:
    case SOOTHE_STRETCH_PHASE_FINISHED:
    default:
      return 0;
    }
}

static gint64
remaining (SootheStretchGuide *self,
           gint64              now)
{
  if (!is_running (self))
    return 0;
  if (self->paused)
    return self->paused_remaining;
  return CLAMP (self->deadline - now, 0, phase_length (self));
}

/* Whole seconds, rounded up: "30" until a full second has passed. */
static guint
shown_seconds (gint64 usec)
{
  return (guint) ((usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
enter_phase (SootheStretchGuide *self,
             SootheStretchPhase  phase,
             guint               repetition,
             gint64              start)
{
  self->counted = phase;
  self->repetition = repetition;
  self->phase_start = start;
  self->deadline = start + phase_length (self);
}

static char *
describe_phase (SootheStretchGuide *self)
{
  guint repetitions = self->stretch != NULL ? soothe_stretch_get_repetitions (self->stretch) : 0;

  switch (self->counted)
    {
    case SOOTHE_STRETCH_PHASE_HOLD:
      if (self->paused)
        return repetitions > 1
          /* TRANSLATORS: "Paused: hold 2 of 3" */
          ? g_strdup_printf (_("Paused: hold %u of %u"), self->repetition, repetitions)
          : g_strdup (_("Paused"));
      return repetitions > 1
        /* TRANSLATORS: "Hold 2 of 3", while the guide counts the second hold */
        ? g_strdup_printf (_("Hold %u of %u"), self->repetition, repetitions)
        : g_strdup (_("Hold"));
    case SOOTHE_STRETCH_PHASE_RELAX:
      return g_strdup (self->paused ? _("Paused: relax") : _("Relax"));
    case SOOTHE_STRETCH_PHASE_FINISHED:
      return g_strdup (_("Well done"));
    case SOOTHE_STRETCH_PHASE_IDLE:
    case SOOTHE_STRETCH_PHASE_PAUSED:
    default:
      return g_strdup ("");
    }
}

static Snapshot
take_snapshot (SootheStretchGuide *self)
{
  return (Snapshot) {
    soothe_stretch_guide_get_phase (self),
    soothe_stretch_guide_get_paused_phase (self),
    self->repetition,
    soothe_stretch_guide_get_deadline (self),
  };
}

/* Everything is brought up to date before the first notification, so that
 * each listener reads the new state whole. */
static void
notify_changes (SootheStretchGuide *self,
                const Snapshot     *before)
{
  Snapshot after = take_snapshot (self);
  g_autofree char *description = describe_phase (self);
  guint seconds = soothe_stretch_guide_get_remaining_seconds (self);
  gboolean description_changed = g_strcmp0 (description, self->description) != 0;
  gboolean seconds_changed = seconds != self->notified_seconds;

  if (description_changed)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&description);
    }
  self->notified_seconds = seconds;

  if (after.phase != before->phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  if (after.paused_phase != before->paused_phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_PHASE]);
  if (after.repetition != before->repetition)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPETITION]);
  if (after.deadline != before->deadline)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
  if (description_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  if (seconds_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
}

/* One wake-up at the end of the phase and, with tick-seconds, one when the
 * whole seconds left change: never more than one a second. */
static void
schedule_wakeup (SootheStretchGuide *self,
                 gint64              now)
{
  gint64 wakeup = G_MAXINT64;

  if (is_counting (self))
    {
      wakeup = self->deadline;
      if (self->tick_seconds)
        {
          guint seconds = shown_seconds (remaining (self, now));

          if (seconds > 1)
            wakeup = MIN (wakeup, self->deadline - (gint64) (seconds - 1) * G_USEC_PER_SEC);
        }
    }

  soothe_clock_set_wakeup (self->clock, wakeup);
}

/* The end of a caller's action: tell the clock and listeners. */
static void
finish_action (SootheStretchGuide *self,
               const Snapshot     *before)
{
  schedule_wakeup (self, soothe_clock_get_now (self->clock));
  notify_changes (self, before);
}

/* Moves through every phase that ended by @now, each starting where the
 * one before ended, so late wake-ups never stretch the schedule. */
static gboolean
advance (SootheStretchGuide *self,
         gint64              now)
{
  guint repetitions = soothe_stretch_get_repetitions (self->stretch);

  while (is_running (self) && now >= self->deadline)
    {
      if (self->counted == SOOTHE_STRETCH_PHASE_RELAX)
        enter_phase (self, SOOTHE_STRETCH_PHASE_HOLD, self->repetition + 1, self->deadline);
      else if (self->repetition < repetitions)
        enter_phase (self, SOOTHE_STRETCH_PHASE_RELAX, self->repetition, self->deadline);
      else
        enter_phase (self, SOOTHE_STRETCH_PHASE_FINISHED, self->repetition, self->deadline);
    }

  return self->counted == SOOTHE_STRETCH_PHASE_FINISHED;
}

static void
wakeup_cb (SootheClock        *clock,
           SootheStretchGuide *self)
{
  soothe_stretch_guide_update (self);
}

static void
soothe_stretch_guide_constructed (GObject *object)
{
  SootheStretchGuide *self = SOOTHE_STRETCH_GUIDE (object);

  G_OBJECT_CLASS (soothe_stretch_guide_parent_class)->constructed (object);

  /* Without a clock from the caller, keep real time. */
  if (self->clock == NULL)
    self->clock = soothe_clock_new_real ();
  self->wakeup_handler = g_signal_connect (self->clock, "wakeup", G_CALLBACK (wakeup_cb), self);
}

static void
soothe_stretch_guide_dispose (GObject *object)
{
  SootheStretchGuide *self = SOOTHE_STRETCH_GUIDE (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->wakeup_handler, self->clock);
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
      g_clear_object (&self->clock);
    }
  g_clear_object (&self->stretch);

  G_OBJECT_CLASS (soothe_stretch_guide_parent_class)->dispose (object);
}

static void
soothe_stretch_guide_finalize (GObject *object)
{
  SootheStretchGuide *self = SOOTHE_STRETCH_GUIDE (object);

  g_free (self->description);

  G_OBJECT_CLASS (soothe_stretch_guide_parent_class)->finalize (object);
}

static void
soothe_stretch_guide_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SootheStretchGuide *self = SOOTHE_STRETCH_GUIDE (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_object (value, self->stretch);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, soothe_stretch_guide_get_phase (self));
      break;

    case PROP_PAUSED_PHASE:
      g_value_set_enum (value, soothe_stretch_guide_get_paused_phase (self));
      break;

    case PROP_REPETITION:
      g_value_set_uint (value, self->repetition);
      break;

    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, soothe_stretch_guide_get_remaining_seconds (self));
      break;

    case PROP_DEADLINE:
      g_value_set_int64 (value, soothe_stretch_guide_get_deadline (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TICK_SECONDS:
      g_value_set_boolean (value, self->tick_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_guide_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SootheStretchGuide *self = SOOTHE_STRETCH_GUIDE (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      self->stretch = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_TICK_SECONDS:
      soothe_stretch_guide_set_tick_seconds (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_guide_class_init (SootheStretchGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = soothe_stretch_guide_constructed;
  object_class->dispose = soothe_stretch_guide_dispose;
  object_class->finalize = soothe_stretch_guide_finalize;
  object_class->get_property = soothe_stretch_guide_get_property;
  object_class->set_property = soothe_stretch_guide_set_property;

  /**
   * SootheStretchGuide:stretch:
   *
   * The stretch whose holds are counted.
   */
  properties[PROP_STRETCH] =
    g_param_spec_object ("stretch", NULL, NULL,
                         SOOTHE_TYPE_STRETCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SootheStretchGuide:clock:
   *
   * The clock that times the guide; a real one unless given. The guide owns
   * its wake-up deadline.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SootheStretchGuide:phase:
   *
   * What the guide is doing: counting a hold or a relax, paused, or done.
   */
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       SOOTHE_TYPE_STRETCH_PHASE, SOOTHE_STRETCH_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:paused-phase:
   *
   * While paused, the hold or relax that soothe_stretch_guide_resume() goes
   * on with; idle otherwise.
   */
  properties[PROP_PAUSED_PHASE] =
    g_param_spec_enum ("paused-phase", NULL, NULL,
                       SOOTHE_TYPE_STRETCH_PHASE, SOOTHE_STRETCH_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:repetition:
   *
   * The hold being counted, or that a relax follows, from 1; the last once
   * finished; 0 when idle.
   */
  properties[PROP_REPETITION] =
    g_param_spec_uint ("repetition", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:remaining-seconds:
   *
   * Whole seconds left in the hold or relax, rounded up. Notified at each
   * phase change and action, and with #SootheStretchGuide:tick-seconds
   * whenever it changes.
   */
  properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:deadline:
   *
   * The wall-clock µs when the hold or relax ends; %G_MAXINT64 unless counting.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL,
                        G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:description:
   *
   * The phase in words, translated: "Hold 2 of 3", "Paused: relax", "Well
   * done"; empty when idle.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchGuide:tick-seconds:
   *
   * Whether to wake each time #SootheStretchGuide:remaining-seconds changes,
   * for a count on screen. Otherwise the guide wakes only when a phase ends.
   */
  properties[PROP_TICK_SECONDS] =
    g_param_spec_boolean ("tick-seconds", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheStretchGuide::finished:
   *
   * The guide counted the last hold: the person did the stretch. Not emitted
   * for soothe_stretch_guide_stop().
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
soothe_stretch_guide_init (SootheStretchGuide *self)
{
  self->counted = SOOTHE_STRETCH_PHASE_IDLE;
  self->deadline = G_MAXINT64;
  self->description = g_strdup ("");
}

/**
 * soothe_stretch_guide_new:
 * @stretch: the stretch to guide
 * @clock: (nullable): the clock to follow, or %NULL for the real one. The
 *   guide sets its wake-up deadline, so it must not be shared.
 *
 * Returns: (transfer full): a new idle guide
 */
SootheStretchGuide *
soothe_stretch_guide_new (SootheStretch *stretch,
                          SootheClock   *clock)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (stretch), NULL);
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_STRETCH_GUIDE,
                       "stretch", stretch,
                       "clock", clock,
                       NULL);
}

/**
 * soothe_stretch_guide_get_stretch:
 * @self: a #SootheStretchGuide
 *
 * Returns: (transfer none): the stretch it guides
 */
SootheStretch *
soothe_stretch_guide_get_stretch (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), NULL);

  return self->stretch;
}

/**
 * soothe_stretch_guide_get_clock:
 * @self: a #SootheStretchGuide
 *
 * Returns: (transfer none): the clock it follows
 */
SootheClock *
soothe_stretch_guide_get_clock (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), NULL);

  return self->clock;
}

/**
 * soothe_stretch_guide_start:
 * @self: a #SootheStretchGuide
 *
 * Starts counting the first hold, from the beginning when a guide is
 * already on.
 */
void
soothe_stretch_guide_start (SootheStretchGuide *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));
  g_return_if_fail (self->stretch != NULL);

  self->serial++;
  before = take_snapshot (self);
  self->paused = FALSE;
  enter_phase (self, SOOTHE_STRETCH_PHASE_HOLD, 1, soothe_clock_get_now (self->clock));
  finish_action (self, &before);
}

/**
 * soothe_stretch_guide_pause:
 * @self: a #SootheStretchGuide
 *
 * Stops the count of a hold or relax, keeping the time it has left.
 */
void
soothe_stretch_guide_pause (SootheStretchGuide *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));

  /* What ended before the pause still ends. */
  soothe_stretch_guide_update (self);
  if (!is_counting (self))
    return;

  self->serial++;
  before = take_snapshot (self);
  self->paused_remaining = remaining (self, soothe_clock_get_now (self->clock));
  self->paused = TRUE;
  finish_action (self, &before);
}

/**
 * soothe_stretch_guide_resume:
 * @self: a #SootheStretchGuide
 *
 * Counts on from where the pause stopped the hold or relax.
 */
void
soothe_stretch_guide_resume (SootheStretchGuide *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));

  if (!self->paused)
    return;

  self->serial++;
  before = take_snapshot (self);
  self->paused = FALSE;
  self->deadline = soothe_clock_get_now (self->clock) + self->paused_remaining;
  self->phase_start = self->deadline - phase_length (self);
  finish_action (self, &before);
}

/**
 * soothe_stretch_guide_stop:
 * @self: a #SootheStretchGuide
 *
 * Ends the guide, counting, paused or finished, without emitting
 * #SootheStretchGuide::finished.
 */
void
soothe_stretch_guide_stop (SootheStretchGuide *self)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));

  if (self->counted == SOOTHE_STRETCH_PHASE_IDLE)
    return;

  self->serial++;
  before = take_snapshot (self);
  self->counted = SOOTHE_STRETCH_PHASE_IDLE;
  self->paused = FALSE;
  self->repetition = 0;
  self->deadline = G_MAXINT64;
  finish_action (self, &before);
}

/**
 * soothe_stretch_guide_update:
 * @self: a #SootheStretchGuide
 *
 * Checks the phase against the clock: moves past every phase that ended,
 * counts the phase again if the wall clock went back before it began, and
 * pauses when a phase ended long ago (a suspend), as nobody held the stretch
 * meanwhile. The clock's wake-ups call this.
 */
void
soothe_stretch_guide_update (SootheStretchGuide *self)
{
  g_autoptr(SootheStretchGuide) hold = NULL;
  gboolean finished = FALSE;
  Snapshot before;
  guint serial;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));

  now = soothe_clock_get_now (self->clock);
  if (!is_counting (self))
    {
      schedule_wakeup (self, now);
      return;
    }

  hold = g_object_ref (self);
  serial = self->serial;
  before = take_snapshot (self);

  if (now < self->phase_start)
    {
      /* The wall clock went back: count this phase again from now. */
      enter_phase (self, self->counted, self->repetition, now);
    }
  else if (now - self->deadline >= SOOTHE_STRETCH_GUIDE_AWAY_USEC)
    {
      /* Wait for the person, with the interrupted phase to do again. */
      self->paused = TRUE;
      self->paused_remaining = phase_length (self);
    }
  else
    {
      finished = advance (self, now);
    }

  schedule_wakeup (self, now);
  notify_changes (self, &before);
  if (finished && serial == self->serial)
    g_signal_emit (self, signals[FINISHED], 0);
}

/**
 * soothe_stretch_guide_get_phase:
 * @self: a #SootheStretchGuide
 *
 * Returns: what the guide is doing now
 */
SootheStretchPhase
soothe_stretch_guide_get_phase (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), SOOTHE_STRETCH_PHASE_IDLE);

  return self->paused ? SOOTHE_STRETCH_PHASE_PAUSED : self->counted;
}

/**
 * soothe_stretch_guide_get_paused_phase:
 * @self: a #SootheStretchGuide
 *
 * Returns: while paused, the hold or relax it goes on with; idle otherwise
 */
SootheStretchPhase
soothe_stretch_guide_get_paused_phase (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), SOOTHE_STRETCH_PHASE_IDLE);

  return self->paused ? self->counted : SOOTHE_STRETCH_PHASE_IDLE;
}

/**
 * soothe_stretch_guide_get_repetition:
 * @self: a #SootheStretchGuide
 *
 * Returns: the hold being counted, or that a relax follows, from 1; the last
 *   once finished; 0 when idle
 */
guint
soothe_stretch_guide_get_repetition (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), 0);

  return self->repetition;
}

/**
 * soothe_stretch_guide_get_remaining:
 * @self: a #SootheStretchGuide
 *
 * Returns: µs left in the hold or relax by the clock's time now, from 0 to
 *   the phase's length; 0 when idle or finished
 */
gint64
soothe_stretch_guide_get_remaining (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), 0);

  return remaining (self, soothe_clock_get_now (self->clock));
}

/**
 * soothe_stretch_guide_get_remaining_seconds:
 * @self: a #SootheStretchGuide
 *
 * Returns: whole seconds left in the hold or relax, rounded up, so that a
 *   count shows "30" until a full second has passed
 */
guint
soothe_stretch_guide_get_remaining_seconds (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), 0);

  return shown_seconds (soothe_stretch_guide_get_remaining (self));
}

/**
 * soothe_stretch_guide_get_phase_length:
 * @self: a #SootheStretchGuide
 *
 * Returns: µs the hold or relax lasts in all, paused or not; 0 when idle or
 *   finished
 */
gint64
soothe_stretch_guide_get_phase_length (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), 0);

  return phase_length (self);
}

/**
 * soothe_stretch_guide_get_deadline:
 * @self: a #SootheStretchGuide
 *
 * Returns: the wall-clock µs when the hold or relax ends; %G_MAXINT64 unless
 *   counting
 */
gint64
soothe_stretch_guide_get_deadline (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), G_MAXINT64);

  return is_counting (self) ? self->deadline : G_MAXINT64;
}

/**
 * soothe_stretch_guide_get_description:
 * @self: a #SootheStretchGuide
 *
 * Returns: the phase in words, translated; empty when idle
 */
const char *
soothe_stretch_guide_get_description (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), NULL);

  return self->description;
}

gboolean
soothe_stretch_guide_get_tick_seconds (SootheStretchGuide *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_GUIDE (self), FALSE);

  return self->tick_seconds;
}

/**
 * soothe_stretch_guide_set_tick_seconds:
 * @self: a #SootheStretchGuide
 * @tick_seconds: whether a count of the seconds is on screen
 *
 * Turning it on brings the guide up to date with the clock first, as a count
 * that nobody watched may have fallen behind.
 */
void
soothe_stretch_guide_set_tick_seconds (SootheStretchGuide *self,
                                       gboolean            tick_seconds)
{
  g_return_if_fail (SOOTHE_IS_STRETCH_GUIDE (self));

  tick_seconds = !!tick_seconds;
  if (tick_seconds == self->tick_seconds)
    return;

  self->tick_seconds = tick_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICK_SECONDS]);
  soothe_stretch_guide_update (self);
}
