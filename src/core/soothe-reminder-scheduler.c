/* soothe-reminder-scheduler.c: when the next stretch reminder is due, and which
 *
 * Saving and restoring the schedule is in soothe-reminder-scheduler-state.c.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-reminder-scheduler"

#include "config.h"

#include <string.h>

#include "soothe-reminder-scheduler-private.h"

G_DEFINE_ENUM_TYPE (SootheReminderAnswer, soothe_reminder_answer,
  G_DEFINE_ENUM_VALUE (SOOTHE_REMINDER_DONE, "done"),
  G_DEFINE_ENUM_VALUE (SOOTHE_REMINDER_SNOOZED, "snoozed"),
  G_DEFINE_ENUM_VALUE (SOOTHE_REMINDER_SKIPPED, "skipped"))

G_DEFINE_FINAL_TYPE (SootheReminderScheduler, soothe_reminder_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_CONTENT,
  PROP_ENABLED,
  PROP_INTERVAL_MINUTES,
  PROP_PREGNANT,
  PROP_SITUATION,
  PROP_PAUSED_UNTIL,
  PROP_AWAY,
  PROP_QUIET,
  PROP_NEXT_DEADLINE,
  PROP_PENDING,
  PROP_PENDING_STRETCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMINDER_DUE,
  REMINDER_ANSWERED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

Snapshot
soothe_reminder_scheduler_take_snapshot (SootheReminderScheduler *self)
{
  return (Snapshot) {
    self->enabled,
    self->interval_minutes,
    self->pregnant,
    self->situation,
    self->away,
    self->quiet,
    self->paused_until,
    self->deadline,
    self->pending,
    self->stretch,
    self->last,
    self->rotation,
  };
}

void
soothe_reminder_scheduler_notify_changes (SootheReminderScheduler *self,
                                          const Snapshot          *before)
{
  GObject *object = G_OBJECT (self);
  Snapshot after = soothe_reminder_scheduler_take_snapshot (self);

  if (after.enabled != before->enabled)
    g_object_notify_by_pspec (object, properties[PROP_ENABLED]);
  if (after.interval_minutes != before->interval_minutes)
    g_object_notify_by_pspec (object, properties[PROP_INTERVAL_MINUTES]);
  if (after.pregnant != before->pregnant)
    g_object_notify_by_pspec (object, properties[PROP_PREGNANT]);
  if (after.situation != before->situation)
    g_object_notify_by_pspec (object, properties[PROP_SITUATION]);
  if (after.paused_until != before->paused_until)
    g_object_notify_by_pspec (object, properties[PROP_PAUSED_UNTIL]);
  if (after.away != before->away)
    g_object_notify_by_pspec (object, properties[PROP_AWAY]);
  if (after.quiet != before->quiet)
    g_object_notify_by_pspec (object, properties[PROP_QUIET]);
  if (after.deadline != before->deadline)
    g_object_notify_by_pspec (object, properties[PROP_NEXT_DEADLINE]);
  if (after.pending != before->pending)
    g_object_notify_by_pspec (object, properties[PROP_PENDING]);
  if ((after.pending ? after.stretch : NULL) != (before->pending ? before->stretch : NULL))
    g_object_notify_by_pspec (object, properties[PROP_PENDING_STRETCH]);
}

static gboolean
saved_state_differs (const Snapshot *a,
                     const Snapshot *b)
{
  return a->paused_until != b->paused_until ||
         a->deadline != b->deadline ||
         a->pending != b->pending ||
         a->stretch != b->stretch ||
         a->last != b->last ||
         a->rotation.preferred != b->rotation.preferred ||
         a->rotation.others != b->rotation.others ||
         a->rotation.run != b->rotation.run;
}

gint64
soothe_reminder_scheduler_interval_usec (SootheReminderScheduler *self)
{
  return (gint64) self->interval_minutes * MINUTE_USEC;
}

/* Whether the schedule counts towards a reminder right now. */
gboolean
soothe_reminder_scheduler_can_wait (SootheReminderScheduler *self)
{
  return self->enabled && !self->away && self->paused_until == 0 && !self->pending;
}

/* Starts the wait afresh from @now, or stops it when nothing may come; a
 * snoozed stretch and one held for quiet are forgotten, a pending one kept. */
void
soothe_reminder_scheduler_restart (SootheReminderScheduler *self,
                                   gint64                   now)
{
  if (!self->pending)
    g_clear_object (&self->stretch);

  self->held = FALSE;
  self->wait = soothe_reminder_scheduler_interval_usec (self);
  self->deadline = soothe_reminder_scheduler_can_wait (self) ? now + self->wait : G_MAXINT64;
}

/* Brings the state up to @now without firing: ends a pause that is over, and
 * after the clock was set back, never lets the wait grow past its length. */
void
soothe_reminder_scheduler_settle (SootheReminderScheduler *self,
                                  gint64                   now)
{
  if (self->paused_until != 0 && now >= self->paused_until)
    {
      self->paused_until = 0;
      soothe_reminder_scheduler_restart (self, now);
    }

  if (self->deadline != G_MAXINT64 && self->deadline - now > self->wait)
    self->deadline = now + self->wait;
}

void
soothe_reminder_scheduler_schedule_wakeup (SootheReminderScheduler *self)
{
  gint64 wakeup = self->deadline;

  if (self->paused_until != 0)
    wakeup = MIN (wakeup, self->paused_until);

  soothe_clock_set_wakeup (self->clock, wakeup);
}

/* The end of every change: tell the clock and listeners. */
static void
finish_action (SootheReminderScheduler *self,
               const Snapshot          *before,
               SootheStretch           *due,
               SootheStretch           *answered,
               SootheReminderAnswer     answer)
{
  Snapshot after;

  soothe_reminder_scheduler_schedule_wakeup (self);
  soothe_reminder_scheduler_notify_changes (self, before);
  if (answered != NULL)
    g_signal_emit (self, signals[REMINDER_ANSWERED], 0, answered, answer);
  if (due != NULL)
    g_signal_emit (self, signals[REMINDER_DUE], 0, due);

  after = soothe_reminder_scheduler_take_snapshot (self);
  if (saved_state_differs (before, &after))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Rotation */

static gboolean
only_pregnancy_safe (SootheReminderScheduler *self)
{
  return self->pregnant ||
         (self->situation != NULL && soothe_situation_get_pregnancy (self->situation));
}

static gboolean
stretch_allowed (SootheReminderScheduler *self,
                 SootheStretch           *stretch)
{
  return !only_pregnancy_safe (self) || soothe_stretch_get_pregnancy_safe (stretch);
}

static void
add_stretches (SootheReminderScheduler *self,
               SootheSituation         *situation,
               GPtrArray               *list,
               GPtrArray               *exclude)
{
  const char * const *ids = soothe_situation_get_stretch_ids (situation);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SootheStretch *stretch = soothe_content_lookup_stretch (self->content, ids[i]);

      if (stretch == NULL || !stretch_allowed (self, stretch) ||
          g_ptr_array_find (list, stretch, NULL) ||
          (exclude != NULL && g_ptr_array_find (exclude, stretch, NULL)))
        continue;
      g_ptr_array_add (list, stretch);
    }
}

/* The stretches on offer: those of the selected situation in its order, then
 * the rest in the order the content's situations name them. SootheContent
 * lists stretches only through situations, so one that no situation links
 * to is never offered. */
static void
collect_stretches (SootheReminderScheduler *self,
                   GPtrArray               *preferred,
                   GPtrArray               *others)
{
  GListModel *situations = soothe_content_get_situations (self->content);
  guint n = g_list_model_get_n_items (situations);

  if (self->situation != NULL)
    add_stretches (self, self->situation, preferred, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);

      add_stretches (self, situation, others, preferred);
    }
}

static SootheStretch *
pick_stretch (SootheReminderScheduler *self)
{
  g_autoptr(GPtrArray) preferred = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  Rotation *rotation = &self->rotation;
  SootheStretch *choice = NULL;
  guint n;

  collect_stretches (self, preferred, others);
  n = preferred->len + others->len;

  /* Within n + 1 turns both lists come round, so a different one turns up. */
  for (guint attempt = 0; attempt <= n; attempt++)
    {
      if (preferred->len > 0 && (others->len == 0 || rotation->run < preferred->len))
        {
          guint i = rotation->preferred % preferred->len;

          choice = g_ptr_array_index (preferred, i);
          rotation->preferred = (i + 1) % preferred->len;
          rotation->run = MIN (rotation->run + 1, preferred->len);
        }
      else if (others->len > 0)
        {
          guint i = rotation->others % others->len;

          choice = g_ptr_array_index (others, i);
          rotation->others = (i + 1) % others->len;
          rotation->run = 0;
        }

      if (n < 2 || choice != self->last)
        break;
    }

  return choice;
}

/* Makes a reminder pending; returns its stretch, or NULL (waiting on) when
 * there is none to offer. */
static SootheStretch *
fire (SootheReminderScheduler *self,
      gint64                   now)
{
  SootheStretch *stretch = self->stretch;

  g_assert (!self->pending);

  /* A snoozed stretch comes again, unless it is no longer on offer. */
  if (stretch == NULL || !stretch_allowed (self, stretch))
    stretch = pick_stretch (self);

  if (stretch == NULL)
    {
      g_clear_object (&self->stretch);
      soothe_reminder_scheduler_restart (self, now);
      return NULL;
    }

  g_set_object (&self->stretch, stretch);
  g_set_object (&self->last, stretch);
  self->pending = TRUE;
  self->deadline = G_MAXINT64;

  return stretch;
}

/* GObject */

static void
wakeup_cb (SootheClock             *clock,
           SootheReminderScheduler *self)
{
  soothe_reminder_scheduler_update (self);
}

static void
soothe_reminder_scheduler_constructed (GObject *object)
{
  SootheReminderScheduler *self = SOOTHE_REMINDER_SCHEDULER (object);

  G_OBJECT_CLASS (soothe_reminder_scheduler_parent_class)->constructed (object);

  /* Without a clock from the caller, keep real time. */
  if (self->clock == NULL)
    self->clock = soothe_clock_new_real ();
  if (self->content == NULL)
    self->content = soothe_content_new_builtin ();
  self->wakeup_handler = g_signal_connect (self->clock, "wakeup", G_CALLBACK (wakeup_cb), self);
}

static void
soothe_reminder_scheduler_dispose (GObject *object)
{
  SootheReminderScheduler *self = SOOTHE_REMINDER_SCHEDULER (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->wakeup_handler, self->clock);
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
      g_clear_object (&self->clock);
    }
  g_clear_object (&self->stretch);
  g_clear_object (&self->last);
  g_clear_object (&self->situation);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (soothe_reminder_scheduler_parent_class)->dispose (object);
}

static void
soothe_reminder_scheduler_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SootheReminderScheduler *self = SOOTHE_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_INTERVAL_MINUTES:
      g_value_set_uint (value, self->interval_minutes);
      break;

    case PROP_PREGNANT:
      g_value_set_boolean (value, self->pregnant);
      break;

    case PROP_SITUATION:
      g_value_set_object (value, self->situation);
      break;

    case PROP_PAUSED_UNTIL:
      g_value_set_int64 (value, self->paused_until);
      break;

    case PROP_AWAY:
      g_value_set_boolean (value, self->away);
      break;

    case PROP_QUIET:
      g_value_set_boolean (value, self->quiet);
      break;

    case PROP_NEXT_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_PENDING_STRETCH:
      g_value_set_object (value, soothe_reminder_scheduler_get_pending_stretch (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_reminder_scheduler_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SootheReminderScheduler *self = SOOTHE_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    case PROP_ENABLED:
      soothe_reminder_scheduler_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_INTERVAL_MINUTES:
      soothe_reminder_scheduler_set_interval_minutes (self, g_value_get_uint (value));
      break;

    case PROP_PREGNANT:
      soothe_reminder_scheduler_set_pregnant (self, g_value_get_boolean (value));
      break;

    case PROP_SITUATION:
      soothe_reminder_scheduler_set_situation (self, g_value_get_object (value));
      break;

    case PROP_PAUSED_UNTIL:
      soothe_reminder_scheduler_set_paused_until (self, g_value_get_int64 (value));
      break;

    case PROP_AWAY:
      soothe_reminder_scheduler_set_away (self, g_value_get_boolean (value));
      break;

    case PROP_QUIET:
      soothe_reminder_scheduler_set_quiet (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_reminder_scheduler_class_init (SootheReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = soothe_reminder_scheduler_constructed;
  object_class->dispose = soothe_reminder_scheduler_dispose;
  object_class->get_property = soothe_reminder_scheduler_get_property;
  object_class->set_property = soothe_reminder_scheduler_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_INTERVAL_MINUTES] =
    g_param_spec_uint ("interval-minutes", NULL, NULL,
                       SOOTHE_REMINDER_INTERVAL_MIN, SOOTHE_REMINDER_INTERVAL_MAX,
                       SOOTHE_REMINDER_INTERVAL_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PREGNANT] =
    g_param_spec_boolean ("pregnant", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SITUATION] =
    g_param_spec_object ("situation", NULL, NULL,
                         SOOTHE_TYPE_SITUATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PAUSED_UNTIL] =
    g_param_spec_int64 ("paused-until", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_AWAY] =
    g_param_spec_boolean ("away", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Do Not Disturb: a reminder that comes due waits, and one comes after. */
  properties[PROP_QUIET] =
    g_param_spec_boolean ("quiet", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NEXT_DEADLINE] =
    g_param_spec_int64 ("next-deadline", NULL, NULL,
                        G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PENDING_STRETCH] =
    g_param_spec_object ("pending-stretch", NULL, NULL,
                         SOOTHE_TYPE_STRETCH,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheReminderScheduler::reminder-due:
   * @stretch: the stretch to offer
   *
   * A reminder is due and now pending: show it, replacing any shown before.
   * It stays pending, and no other comes, until it is answered with done,
   * snooze or skip, or dropped (#SootheReminderScheduler:pending turns
   * %FALSE: withdraw it then).
   */
  signals[REMINDER_DUE] = g_signal_new ("reminder-due",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1,
                                        SOOTHE_TYPE_STRETCH);

  /**
   * SootheReminderScheduler::reminder-answered:
   * @stretch: the stretch of the reminder
   * @answer: done, snoozed or skipped
   *
   * The pending reminder was answered; the place to record it in the history.
   */
  signals[REMINDER_ANSWERED] = g_signal_new ("reminder-answered",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 2,
                                             SOOTHE_TYPE_STRETCH,
                                             SOOTHE_TYPE_REMINDER_ANSWER);

  /**
   * SootheReminderScheduler::changed:
   *
   * What soothe_reminder_scheduler_save() writes has changed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
soothe_reminder_scheduler_init (SootheReminderScheduler *self)
{
  self->interval_minutes = SOOTHE_REMINDER_INTERVAL_DEFAULT;
  self->wait = soothe_reminder_scheduler_interval_usec (self);
  self->deadline = G_MAXINT64;
}

/**
 * soothe_reminder_scheduler_new:
 * @clock: (nullable): a clock of its own (it holds one wake-up), or %NULL
 *   for real time
 * @content: (nullable): the content whose stretches to offer, or %NULL for
 *   the built-in content
 *
 * Creates a scheduler with reminders off.
 *
 * Returns: (transfer full): a new scheduler
 */
SootheReminderScheduler *
soothe_reminder_scheduler_new (SootheClock   *clock,
                               SootheContent *content)
{
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (content == NULL || SOOTHE_IS_CONTENT (content), NULL);

  return g_object_new (SOOTHE_TYPE_REMINDER_SCHEDULER,
                       "clock", clock,
                       "content", content,
                       NULL);
}

/**
 * soothe_reminder_scheduler_get_clock:
 * @self: a #SootheReminderScheduler
 *
 * Returns: (transfer none): the clock it keeps time by
 */
SootheClock *
soothe_reminder_scheduler_get_clock (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  return self->clock;
}

/**
 * soothe_reminder_scheduler_get_content:
 * @self: a #SootheReminderScheduler
 *
 * Returns: (transfer none): the content whose stretches it offers
 */
SootheContent *
soothe_reminder_scheduler_get_content (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  return self->content;
}

/* Settings */

/**
 * soothe_reminder_scheduler_set_enabled:
 * @self: a #SootheReminderScheduler
 * @enabled: whether reminders come
 *
 * Turning reminders on starts the wait from now; turning them off drops the
 * schedule and any pending reminder.
 */
void
soothe_reminder_scheduler_set_enabled (SootheReminderScheduler *self,
                                       gboolean                 enabled)
{
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  self->enabled = enabled;
  if (!enabled)
    self->pending = FALSE;
  soothe_reminder_scheduler_settle (self, now);
  soothe_reminder_scheduler_restart (self, now);
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_get_enabled:
 * @self: a #SootheReminderScheduler
 *
 * Returns: whether reminders come
 */
gboolean
soothe_reminder_scheduler_get_enabled (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->enabled;
}

/**
 * soothe_reminder_scheduler_set_interval_minutes:
 * @self: a #SootheReminderScheduler
 * @minutes: time between reminders, %SOOTHE_REMINDER_INTERVAL_MIN to
 *   %SOOTHE_REMINDER_INTERVAL_MAX; values outside are clamped
 *
 * A change restarts the wait from now (a snooze runs on).
 */
void
soothe_reminder_scheduler_set_interval_minutes (SootheReminderScheduler *self,
                                                guint                    minutes)
{
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  minutes = CLAMP (minutes, SOOTHE_REMINDER_INTERVAL_MIN, SOOTHE_REMINDER_INTERVAL_MAX);
  if (self->interval_minutes == minutes)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  self->interval_minutes = minutes;
  soothe_reminder_scheduler_settle (self, now);
  if (self->deadline != G_MAXINT64 && self->stretch == NULL)
    soothe_reminder_scheduler_restart (self, now);
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_get_interval_minutes:
 * @self: a #SootheReminderScheduler
 *
 * Returns: the time between reminders
 */
guint
soothe_reminder_scheduler_get_interval_minutes (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), SOOTHE_REMINDER_INTERVAL_DEFAULT);

  return self->interval_minutes;
}

/**
 * soothe_reminder_scheduler_set_pregnant:
 * @self: a #SootheReminderScheduler
 * @pregnant: the "I'm pregnant" preference
 *
 * When set, only pregnancy-safe stretches are offered.
 */
void
soothe_reminder_scheduler_set_pregnant (SootheReminderScheduler *self,
                                        gboolean                 pregnant)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  pregnant = !!pregnant;
  if (self->pregnant == pregnant)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  self->pregnant = pregnant;
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_get_pregnant:
 * @self: a #SootheReminderScheduler
 *
 * Returns: the "I'm pregnant" preference
 */
gboolean
soothe_reminder_scheduler_get_pregnant (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->pregnant;
}

/**
 * soothe_reminder_scheduler_set_situation:
 * @self: a #SootheReminderScheduler
 * @situation: (nullable): the situation selected in the window
 *
 * Reminders prefer the situation's stretches, starting again from its first;
 * a pregnancy situation allows only pregnancy-safe stretches.
 */
void
soothe_reminder_scheduler_set_situation (SootheReminderScheduler *self,
                                         SootheSituation         *situation)
{
  Snapshot before;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (situation == NULL || SOOTHE_IS_SITUATION (situation));

  if (self->situation == situation)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  g_set_object (&self->situation, situation);
  self->rotation.preferred = 0;
  self->rotation.run = 0;
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_get_situation:
 * @self: a #SootheReminderScheduler
 *
 * Returns: (transfer none) (nullable): the selected situation
 */
SootheSituation *
soothe_reminder_scheduler_get_situation (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  return self->situation;
}

/* Pause and away */

/**
 * soothe_reminder_scheduler_set_paused_until:
 * @self: a #SootheReminderScheduler
 * @until: wall-clock µs when reminders come back, or 0 to resume now
 *
 * Pausing drops any pending reminder; nothing comes while paused. When the
 * pause ends, the wait starts afresh from then.
 */
void
soothe_reminder_scheduler_set_paused_until (SootheReminderScheduler *self,
                                            gint64                   until)
{
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (until >= 0);

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  soothe_reminder_scheduler_settle (self, now);
  if (until <= now)
    until = 0;

  if (until != self->paused_until)
    {
      self->paused_until = until;
      if (until != 0)
        self->pending = FALSE;
      soothe_reminder_scheduler_restart (self, now);
    }
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_pause_for:
 * @self: a #SootheReminderScheduler
 * @usec: how long to pause, more than 0
 *
 * Pauses reminders from now, as soothe_reminder_scheduler_set_paused_until().
 */
void
soothe_reminder_scheduler_pause_for (SootheReminderScheduler *self,
                                     gint64                   usec)
{
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (usec > 0);

  now = soothe_clock_get_now (self->clock);
  soothe_reminder_scheduler_set_paused_until (self,
                                              now > G_MAXINT64 - usec ? G_MAXINT64 : now + usec);
}

/* The next local midnight after @now; on a day when the clocks change it is
 * not 24 hours after the last one. */
static gint64
next_local_midnight (gint64 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  if (local != NULL)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date,
                      g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local),
                      g_date_time_get_year (local));
      if (g_date_get_julian (&date) < G_MAXUINT32 - 1)
        {
          g_date_add_days (&date, 1);
          /* Where the clocks change at midnight, GLib moves the missing
           * 00:00 to the first time that exists. */
          midnight = g_date_time_new_local (g_date_get_year (&date),
                                            g_date_get_month (&date),
                                            g_date_get_day (&date),
                                            0, 0, 0);
        }
    }

  if (midnight == NULL || g_date_time_to_unix (midnight) * G_USEC_PER_SEC <= now)
    return now + (gint64) 24 * 60 * MINUTE_USEC;

  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

/**
 * soothe_reminder_scheduler_pause_until_tomorrow:
 * @self: a #SootheReminderScheduler
 *
 * Pauses reminders until the next midnight in the local time zone.
 */
void
soothe_reminder_scheduler_pause_until_tomorrow (SootheReminderScheduler *self)
{
  gint64 until;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  until = next_local_midnight (soothe_clock_get_now (self->clock));
  soothe_reminder_scheduler_set_paused_until (self, until);
}

/**
 * soothe_reminder_scheduler_get_paused_until:
 * @self: a #SootheReminderScheduler
 *
 * Returns: wall-clock µs when the pause ends, 0 when not paused
 */
gint64
soothe_reminder_scheduler_get_paused_until (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), 0);

  return self->paused_until;
}

/**
 * soothe_reminder_scheduler_resume:
 * @self: a #SootheReminderScheduler
 *
 * Ends a pause; the wait starts afresh from now.
 */
void
soothe_reminder_scheduler_resume (SootheReminderScheduler *self)
{
  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  soothe_reminder_scheduler_set_paused_until (self, 0);
}

/**
 * soothe_reminder_scheduler_set_away:
 * @self: a #SootheReminderScheduler
 * @away: whether the person is away, e.g. the screen is locked
 *
 * Nothing comes while away; on return the wait starts afresh from then. A
 * pending reminder stays pending.
 */
void
soothe_reminder_scheduler_set_away (SootheReminderScheduler *self,
                                    gboolean                 away)
{
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  away = !!away;
  if (self->away == away)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  self->away = away;
  soothe_reminder_scheduler_settle (self, now);
  soothe_reminder_scheduler_restart (self, now);
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_take_break:
 * @self: a #SootheReminderScheduler
 *
 * The person has been away long enough to count as a break (the idle
 * monitor said so): a reminder that was waiting is dropped, since they moved
 * anyway, and is not shown again when they come back; the wait starts afresh.
 * Call it with soothe_reminder_scheduler_set_away(); away, nothing else comes.
 */
void
soothe_reminder_scheduler_take_break (SootheReminderScheduler *self)
{
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  soothe_reminder_scheduler_settle (self, now);
  self->pending = FALSE;
  soothe_reminder_scheduler_restart (self, now);
  finish_action (self, &before, NULL, NULL, 0);
}

/**
 * soothe_reminder_scheduler_set_quiet:
 * @self: a #SootheReminderScheduler
 * @quiet: whether the desktop asks for quiet (Do Not Disturb)
 *
 * The wait goes on while quiet, but a reminder that comes due is held; when
 * the quiet ends, exactly one comes then, never a burst of those missed.
 */
void
soothe_reminder_scheduler_set_quiet (SootheReminderScheduler *self,
                                     gboolean                 quiet)
{
  SootheStretch *due = NULL;
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  quiet = !!quiet;
  if (self->quiet == quiet)
    return;

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  self->quiet = quiet;
  soothe_reminder_scheduler_settle (self, now);
  if (!quiet && self->held)
    {
      self->held = FALSE;
      if (soothe_reminder_scheduler_can_wait (self))
        due = fire (self, now);
      else
        soothe_reminder_scheduler_restart (self, now);
    }
  finish_action (self, &before, due, NULL, 0);
}

/**
 * soothe_reminder_scheduler_get_quiet:
 * @self: a #SootheReminderScheduler
 *
 * Returns: whether reminders are held for quiet
 */
gboolean
soothe_reminder_scheduler_get_quiet (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->quiet;
}

/**
 * soothe_reminder_scheduler_get_away:
 * @self: a #SootheReminderScheduler
 *
 * Returns: whether the person is away
 */
gboolean
soothe_reminder_scheduler_get_away (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->away;
}

/* The reminder */

/**
 * soothe_reminder_scheduler_get_next_deadline:
 * @self: a #SootheReminderScheduler
 *
 * Returns: wall-clock µs when the next reminder is due, %G_MAXINT64 when none
 *   is scheduled (off, paused, away or one pending)
 */
gint64
soothe_reminder_scheduler_get_next_deadline (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), G_MAXINT64);

  return self->deadline;
}

/**
 * soothe_reminder_scheduler_get_pending:
 * @self: a #SootheReminderScheduler
 *
 * Returns: whether a reminder waits for an answer
 */
gboolean
soothe_reminder_scheduler_get_pending (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->pending;
}

/**
 * soothe_reminder_scheduler_get_pending_stretch:
 * @self: a #SootheReminderScheduler
 *
 * Returns: (transfer none) (nullable): the stretch of the pending reminder
 */
SootheStretch *
soothe_reminder_scheduler_get_pending_stretch (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  return self->pending ? self->stretch : NULL;
}

static gboolean
answer_pending (SootheReminderScheduler *self,
                SootheReminderAnswer     answer)
{
  g_autoptr(SootheStretch) stretch = NULL;
  Snapshot before;
  gint64 now;

  if (!self->pending)
    return FALSE;

  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  stretch = g_object_ref (self->stretch);
  self->pending = FALSE;
  soothe_reminder_scheduler_settle (self, now);
  soothe_reminder_scheduler_restart (self, now);
  if (answer == SOOTHE_REMINDER_SNOOZED && self->deadline != G_MAXINT64)
    {
      g_set_object (&self->stretch, stretch);
      self->wait = SNOOZE_USEC;
      self->deadline = now + SNOOZE_USEC;
    }
  finish_action (self, &before, NULL, stretch, answer);

  return TRUE;
}

/**
 * soothe_reminder_scheduler_done:
 * @self: a #SootheReminderScheduler
 *
 * The person did the pending stretch; the next reminder comes an interval
 * from now.
 *
 * Returns: %FALSE, changing nothing, when no reminder was pending
 */
gboolean
soothe_reminder_scheduler_done (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return answer_pending (self, SOOTHE_REMINDER_DONE);
}

/**
 * soothe_reminder_scheduler_snooze:
 * @self: a #SootheReminderScheduler
 *
 * The pending reminder comes again, with the same stretch, in
 * %SOOTHE_REMINDER_SNOOZE_USEC.
 *
 * Returns: %FALSE, changing nothing, when no reminder was pending
 */
gboolean
soothe_reminder_scheduler_snooze (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return answer_pending (self, SOOTHE_REMINDER_SNOOZED);
}

/**
 * soothe_reminder_scheduler_skip:
 * @self: a #SootheReminderScheduler
 *
 * The person let the pending stretch go; the next reminder comes an interval
 * from now.
 *
 * Returns: %FALSE, changing nothing, when no reminder was pending
 */
gboolean
soothe_reminder_scheduler_skip (SootheReminderScheduler *self)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), FALSE);

  return answer_pending (self, SOOTHE_REMINDER_SKIPPED);
}

/**
 * soothe_reminder_scheduler_fire_now:
 * @self: a #SootheReminderScheduler
 *
 * Makes a reminder due now, even when reminders are off or paused, and emits
 * #SootheReminderScheduler::reminder-due. With one already pending, that one
 * is emitted again rather than a second made.
 *
 * Returns: (transfer none) (nullable): the stretch offered, %NULL when the
 *   content has none to offer
 */
SootheStretch *
soothe_reminder_scheduler_fire_now (SootheReminderScheduler *self)
{
  g_autoptr(SootheReminderScheduler) hold = NULL;
  SootheStretch *due;
  Snapshot before;
  gint64 now;

  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self), NULL);

  hold = g_object_ref (self);
  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  soothe_reminder_scheduler_settle (self, now);
  /* Asked for now: it is the one a quiet spell held back. */
  self->held = FALSE;
  due = self->pending ? self->stretch : fire (self, now);
  finish_action (self, &before, due, NULL, 0);

  return due;
}

/**
 * soothe_reminder_scheduler_update:
 * @self: a #SootheReminderScheduler
 *
 * Checks the schedule against the clock. A deadline passed by less than the
 * interval makes one reminder due, late; one passed by more (a suspend, a
 * clock change) restarts the wait from now instead, so that there is never
 * a burst. The clock's wake-ups call this; call it also after restore.
 */
void
soothe_reminder_scheduler_update (SootheReminderScheduler *self)
{
  g_autoptr(SootheReminderScheduler) hold = NULL;
  SootheStretch *due = NULL;
  Snapshot before;
  gint64 now;

  g_return_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (self));

  hold = g_object_ref (self);
  before = soothe_reminder_scheduler_take_snapshot (self);
  now = soothe_clock_get_now (self->clock);
  soothe_reminder_scheduler_settle (self, now);

  if (self->deadline != G_MAXINT64 && now >= self->deadline)
    {
      if (now - self->deadline >= soothe_reminder_scheduler_interval_usec (self))
        soothe_reminder_scheduler_restart (self, now);
      else if (self->quiet)
        {
          /* Kept for when Do Not Disturb ends: one, however long it lasts. */
          self->held = TRUE;
          self->deadline = G_MAXINT64;
        }
      else
        due = fire (self, now);
    }

  finish_action (self, &before, due, NULL, 0);
}
