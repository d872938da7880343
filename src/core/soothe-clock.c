/* soothe-clock.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-clock"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "soothe-clock.h"

enum {
  WAKEUP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SootheClock, soothe_clock, G_TYPE_OBJECT)

static gint64
soothe_clock_real_get_now (SootheClock *self)
{
  return g_get_real_time ();
}

static void
soothe_clock_real_set_wakeup (SootheClock *self,
                              gint64       deadline)
{
}

static void
soothe_clock_class_init (SootheClockClass *klass)
{
  klass->get_now = soothe_clock_real_get_now;
  klass->set_wakeup = soothe_clock_real_set_wakeup;

  /**
   * SootheClock::wakeup:
   *
   * The wake-up deadline was reached, or the wall clock jumped: re-check
   * every deadline against soothe_clock_get_now().
   */
  signals[WAKEUP] = g_signal_new ("wakeup",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
soothe_clock_init (SootheClock *self)
{
}

/**
 * soothe_clock_get_now:
 * @self: a #SootheClock
 *
 * Returns: the wall-clock time in µs since the epoch
 */
gint64
soothe_clock_get_now (SootheClock *self)
{
  g_return_val_if_fail (SOOTHE_IS_CLOCK (self), 0);

  return SOOTHE_CLOCK_GET_CLASS (self)->get_now (self);
}

/**
 * soothe_clock_set_wakeup:
 * @self: a #SootheClock
 * @deadline: wall-clock µs, or %G_MAXINT64 for none
 *
 * Replaces the clock's one wake-up deadline.
 */
void
soothe_clock_set_wakeup (SootheClock *self,
                         gint64       deadline)
{
  g_return_if_fail (SOOTHE_IS_CLOCK (self));

  SOOTHE_CLOCK_GET_CLASS (self)->set_wakeup (self, deadline);
}

/* Real clock */

/* With no deadline the timerfd still waits this far ahead, only so that
 * TFD_TIMER_CANCEL_ON_SET keeps reporting clock changes. */
#define WATCH_AHEAD_USEC ((gint64) 366 * 24 * 60 * 60 * G_USEC_PER_SEC)

/* GLib timeouts run on the monotonic clock, which stops during suspend; the
 * fallback re-reads the wall clock at least this often while a deadline is
 * pending, so a suspend delays a deadline by at most this much. */
#define FALLBACK_MAX_SLEEP_SECONDS 30

/* Wall minus monotonic drifts by a few µs between reads; a change beyond this
 * is a clock change or a suspend. */
#define FALLBACK_JUMP_USEC (2 * G_USEC_PER_SEC)

struct _SootheRealClock
{
  SootheClock parent_instance;

  gint64 deadline;       /* G_MAXINT64: none */

  /* timerfd mode */
  int    fd;             /* -1 in fallback mode */
  guint  fd_source;
  guint  jump_idle;      /* a clock change seen while arming, to report */

  /* fallback mode */
  guint  timeout_source;
  gint64 wall_offset;    /* wall minus monotonic time when last armed */
};

G_DEFINE_FINAL_TYPE (SootheRealClock, soothe_real_clock, SOOTHE_TYPE_CLOCK)

static void real_clock_arm (SootheRealClock *self);

static void
real_clock_emit_wakeup (SootheRealClock *self)
{
  g_autoptr(SootheClock) hold = g_object_ref (SOOTHE_CLOCK (self));

  g_signal_emit (hold, signals[WAKEUP], 0);
}

/* Returns FALSE when the deadline is still ahead, so the caller re-arms. */
static gboolean
real_clock_take_deadline (SootheRealClock *self)
{
  if (self->deadline == G_MAXINT64 || g_get_real_time () < self->deadline)
    return FALSE;

  self->deadline = G_MAXINT64;
  return TRUE;
}

static gboolean
fallback_timeout_cb (gpointer user_data)
{
  SootheRealClock *self = user_data;
  gint64 offset = g_get_real_time () - g_get_monotonic_time ();
  gboolean jumped = ABS (offset - self->wall_offset) > FALLBACK_JUMP_USEC;
  gboolean reached;

  self->timeout_source = 0;
  reached = real_clock_take_deadline (self);
  real_clock_arm (self);
  if (reached || jumped)
    real_clock_emit_wakeup (self);

  return G_SOURCE_REMOVE;
}

static void
fallback_arm (SootheRealClock *self)
{
  gint64 now;
  gint64 seconds;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (self->deadline == G_MAXINT64)
    return;

  now = g_get_real_time ();
  self->wall_offset = now - g_get_monotonic_time ();
  seconds = (MAX (self->deadline - now, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  self->timeout_source = g_timeout_add_seconds (MIN (seconds, FALLBACK_MAX_SLEEP_SECONDS),
                                                fallback_timeout_cb, self);
}

static void
switch_to_fallback (SootheRealClock *self)
{
  g_clear_handle_id (&self->fd_source, g_source_remove);
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

static gboolean
jump_idle_cb (gpointer user_data)
{
  SootheRealClock *self = user_data;

  self->jump_idle = 0;
  real_clock_emit_wakeup (self);

  return G_SOURCE_REMOVE;
}

static void
drain_timerfd (SootheRealClock *self)
{
  guint64 expirations;

  while (read (self->fd, &expirations, sizeof expirations) < 0 && errno == EINTR)
    ;
}

static void
timerfd_arm (SootheRealClock *self)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };
  gint64 when = self->deadline;

  if (when == G_MAXINT64)
    when = g_get_real_time () + WATCH_AHEAD_USEC;
  /* An it_value of zero would disarm the timer instead of firing at once. */
  when = MAX (when, 1);
  spec.it_value.tv_sec = when / G_USEC_PER_SEC;
  spec.it_value.tv_nsec = (when % G_USEC_PER_SEC) * 1000;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      int saved_errno;

      if (timerfd_settime (self->fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0)
        return;
      saved_errno = errno;
      if (saved_errno != ECANCELED)
        {
          g_debug ("timerfd_settime failed (%s); using GLib timeouts", g_strerror (saved_errno));
          break;
        }
      /* A clock change not read yet: reading clears it, and its wake-up
       * still has to reach the owners, but not from inside set_wakeup(). */
      drain_timerfd (self);
      if (self->jump_idle == 0)
        self->jump_idle = g_idle_add (jump_idle_cb, self);
    }

  switch_to_fallback (self);
  fallback_arm (self);
}

static void
real_clock_arm (SootheRealClock *self)
{
  if (self->fd >= 0)
    timerfd_arm (self);
  else
    fallback_arm (self);
}

static gboolean
timerfd_ready_cb (int          fd,
                  GIOCondition condition,
                  gpointer     user_data)
{
  SootheRealClock *self = user_data;
  guint64 expirations;
  gssize n;
  int saved_errno;

  do
    n = read (fd, &expirations, sizeof expirations);
  while (n < 0 && errno == EINTR);
  saved_errno = errno;

  if (n < 0 && saved_errno == EAGAIN)
    return G_SOURCE_CONTINUE;

  if (n < 0 && saved_errno == ECANCELED)
    {
      /* The wall clock was set: the deadline may now be near, far or past. */
      real_clock_take_deadline (self);
      real_clock_arm (self);
      real_clock_emit_wakeup (self);
      return G_SOURCE_CONTINUE;
    }

  if (n < 0)
    {
      g_debug ("reading the timerfd failed (%s); using GLib timeouts", g_strerror (saved_errno));
      self->fd_source = 0;
      switch_to_fallback (self);
      fallback_arm (self);
      return G_SOURCE_REMOVE;
    }

  if (real_clock_take_deadline (self))
    {
      real_clock_arm (self);
      real_clock_emit_wakeup (self);
    }
  else
    {
      /* The year-ahead watch ran out, or an early wake: wait on. */
      real_clock_arm (self);
    }

  return G_SOURCE_CONTINUE;
}

static gint64
soothe_real_clock_get_now (SootheClock *clock)
{
  return g_get_real_time ();
}

static void
soothe_real_clock_set_wakeup (SootheClock *clock,
                              gint64       deadline)
{
  SootheRealClock *self = SOOTHE_REAL_CLOCK (clock);

  if (self->deadline == deadline)
    return;

  self->deadline = deadline;
  real_clock_arm (self);
}

static void
soothe_real_clock_finalize (GObject *object)
{
  SootheRealClock *self = SOOTHE_REAL_CLOCK (object);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->jump_idle, g_source_remove);
  switch_to_fallback (self);

  G_OBJECT_CLASS (soothe_real_clock_parent_class)->finalize (object);
}

static void
soothe_real_clock_class_init (SootheRealClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SootheClockClass *clock_class = SOOTHE_CLOCK_CLASS (klass);

  object_class->finalize = soothe_real_clock_finalize;

  clock_class->get_now = soothe_real_clock_get_now;
  clock_class->set_wakeup = soothe_real_clock_set_wakeup;
}

static void
soothe_real_clock_init (SootheRealClock *self)
{
  self->deadline = G_MAXINT64;
  self->fd = -1;

  /* A CLOCK_REALTIME timerfd at an absolute time is the one timer that both
   * counts through suspend and reports wall-clock changes, with no periodic
   * wake-ups. It is Linux only, and a sandbox may refuse it; then the clock
   * falls back to GLib timeouts that re-read the wall clock now and then.
   * SOOTHE_CLOCK_NO_TIMERFD forces the fallback, for tests and debugging. */
  if (g_getenv ("SOOTHE_CLOCK_NO_TIMERFD") == NULL)
    self->fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);

  if (self->fd >= 0)
    self->fd_source = g_unix_fd_add (self->fd, G_IO_IN, timerfd_ready_cb, self);
  else
    g_debug ("no timerfd; the clock falls back to GLib timeouts");

  real_clock_arm (self);
}

/**
 * soothe_clock_new_real:
 *
 * Creates a clock that follows the system's wall clock, waking up on time
 * through suspend and clock changes.
 *
 * Returns: (transfer full): a new clock
 */
SootheClock *
soothe_clock_new_real (void)
{
  return g_object_new (SOOTHE_TYPE_REAL_CLOCK, NULL);
}

/**
 * soothe_clock_emit_wakeup:
 * @self: a #SootheClock
 *
 * For subclasses: emits #SootheClock::wakeup, when the deadline is reached
 * (after using it up) or the wall clock jumped.
 */
void
soothe_clock_emit_wakeup (SootheClock *self)
{
  g_return_if_fail (SOOTHE_IS_CLOCK (self));

  g_signal_emit (self, signals[WAKEUP], 0);
}
