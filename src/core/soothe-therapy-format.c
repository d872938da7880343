/* soothe-therapy-format.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-markup.h"
#include "soothe-therapy-format.h"

/* A countdown rounds up, so it reads 20:00 at the start and 0:00 only at the end. */
char *
soothe_format_remaining (gint64 usec)
{
  gint64 seconds = (MAX (usec, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

/* Says how long ago something ended, or NULL when it was on time. */
char *
soothe_format_lateness (gint64 usec)
{
  gint64 minutes = usec / (60 * G_USEC_PER_SEC);

  if (usec < 60 * G_USEC_PER_SEC)
    return NULL;
  if (minutes < 120)
    return g_strdup_printf (ngettext ("ended %d minute ago", "ended %d minutes ago", (gulong) minutes),
                            (int) minutes);
  return g_strdup_printf (ngettext ("ended %d hour ago", "ended %d hours ago", (gulong) (minutes / 60)),
                          (int) (minutes / 60));
}

static char *
plain_title (SootheContent     *content,
             SootheTherapyKind  kind)
{
  const SootheTherapyPreset *preset = soothe_content_get_therapy (content, kind);
  return soothe_markup_to_plain (preset != NULL ? preset->title : NULL);
}

static SootheTherapyKind
phase_therapy (SoothePhaseKind phase)
{
  return phase == SOOTHE_PHASE_HEAT ? SOOTHE_THERAPY_HEAT : SOOTHE_THERAPY_COLD;
}

char *
soothe_therapy_describe_preset (SootheTherapyKind          kind,
                                const SootheTherapyPreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);

  if (kind == SOOTHE_THERAPY_CONTRAST)
    return g_strdup_printf (ngettext ("Warm for %u:%02u, then cold for %u:%02u; %u round, ending on cold.",
                                      "Warm for %u:%02u, then cold for %u:%02u; %u rounds, ending on cold.",
                                      preset->rounds),
                            preset->heat_seconds / 60, preset->heat_seconds % 60,
                            preset->cold_seconds / 60, preset->cold_seconds % 60, preset->rounds);
  return g_strdup_printf (_("Up to %u minutes at a time, with %u minutes of skin rest between."),
                          preset->max_minutes, preset->rest_minutes);
}

static char *
phase_name (SoothePhaseKind  phase,
            SootheContent   *content)
{
  if (phase == SOOTHE_PHASE_REST)
    return g_strdup (_("Skin rest"));
  return plain_title (content, phase_therapy (phase));
}

/* The phase's name as it reads inside a sentence: "cold pack" in English,
 * "Kühlpack" in German. The bundle says so; nothing is lower-cased here. */
static char *
phase_name_in_sentence (SoothePhaseKind  phase,
                        SootheContent   *content)
{
  const SootheTherapyPreset *preset;

  if (phase == SOOTHE_PHASE_REST)
    /* TRANSLATORS: inside a sentence, as in "Next: skin rest" */
    return g_strdup (_("skin rest"));
  preset = soothe_content_get_therapy (content, phase_therapy (phase));
  if (preset != NULL && preset->in_sentence != NULL)
    return soothe_markup_to_plain (preset->in_sentence);
  return plain_title (content, phase_therapy (phase));
}

/* "Cold pack on", "Skin rest", with "(paused)" when paused. */
char *
soothe_therapy_describe_phase (SootheTherapyTimer *timer,
                               SootheContent      *content)
{
  SoothePhaseKind phase = soothe_therapy_timer_get_phase (timer);
  g_autofree char *name = phase_name (phase, content);
  g_autofree char *line = NULL;

  if (phase == SOOTHE_PHASE_REST)
    line = g_strdup (name);
  else
    /* TRANSLATORS: %s is "Cold pack" or "Heat pad" */
    line = g_strdup_printf (_("%s on"), name);

  if (soothe_therapy_timer_get_state (timer) == SOOTHE_TIMER_PAUSED)
    return g_strdup_printf (_("%s (paused)"), line);
  return g_steal_pointer (&line);
}

char *
soothe_therapy_describe_next (SootheTherapyTimer *timer,
                              SootheContent      *content)
{
  SoothePhaseKind next = soothe_therapy_timer_get_next_phase (timer);
  g_autofree char *name = NULL;

  if (next == SOOTHE_PHASE_NONE)
    return g_strdup (_("Then the session is done"));
  name = phase_name_in_sentence (next, content);
  return g_strdup_printf (_("Next: %s"), name);
}

/* The line `soothe --status` prints: "Cold pack: 14:32 left". */
char *
soothe_therapy_status_line (SootheTherapyTimer *timer,
                            SootheContent      *content)
{
  SootheTimerState state = soothe_therapy_timer_get_state (timer);
  g_autofree char *name = NULL;
  g_autofree char *remaining = NULL;

  switch (state)
    {
    case SOOTHE_TIMER_IDLE:
      return g_strdup (_("No therapy timer is running"));
    case SOOTHE_TIMER_FINISHED:
      return g_strdup (_("The therapy session has finished"));
    case SOOTHE_TIMER_RUNNING:
    case SOOTHE_TIMER_PAUSED:
    default:
      break;
    }

  name = phase_name (soothe_therapy_timer_get_phase (timer), content);
  remaining = soothe_format_remaining (soothe_therapy_timer_get_remaining (timer));
  if (state == SOOTHE_TIMER_PAUSED)
    return g_strdup_printf (_("%s: %s left (paused)"), name, remaining);
  return g_strdup_printf (_("%s: %s left"), name, remaining);
}

/* "Take the cold pack off — 20 minutes are up" */
static char *
phase_end_title (SoothePhaseKind  ended,
                                gint64           ended_length,
                                SootheContent   *content)
{
  g_autofree char *name = NULL;
  guint minutes = (guint) ((ended_length + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  if (ended == SOOTHE_PHASE_REST)
    return g_strdup (_("Skin rest is over"));

  name = phase_name_in_sentence (ended, content);
  if (minutes == 0)
    return g_strdup_printf (_("Take the %s off"), name);
  /* TRANSLATORS: "Take the cold pack off — 20 minutes are up" */
  return g_strdup_printf (ngettext ("Take the %s off — %u minute is up",
                                    "Take the %s off — %u minutes are up", minutes),
                          name, minutes);
}

/* What to do now, and how late the news is when the app was not running. */
static char *
phase_end_body (SoothePhaseKind  next,
                               gint64           next_length,
                               gint64           lateness,
                               SootheContent   *content)
{
  g_autofree char *late = soothe_format_lateness (lateness);
  g_autofree char *what = NULL;
  guint minutes = (guint) ((next_length + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));

  if (next == SOOTHE_PHASE_NONE)
    what = g_strdup (_("The session is complete. Let your skin return to its usual colour and warmth."));
  else if (next == SOOTHE_PHASE_REST)
    what = g_strdup_printf (ngettext ("Let your skin rest for %u minute.",
                                      "Let your skin rest for %u minutes.", minutes), minutes);
  else
    {
      g_autofree char *name = phase_name_in_sentence (next, content);
      g_autofree char *length = soothe_format_remaining (next_length);

      what = g_strdup_printf (_("Next: the %s, for %s."), name, length);
    }

  if (late != NULL)
    {
      /* TRANSLATORS: "(ended 12 minutes ago) Let your skin rest…" */
      return g_strdup_printf (_("This %s. %s"), late, what);
    }
  return g_steal_pointer (&what);
}

/**
 * soothe_therapy_describe_phase_end:
 * @timer: the timer, already moved on to @next
 * @title: (out): e.g. "Take the cold pack off — 20 minutes are up"
 * @body: (out): what to do now, and how long ago it ended when that was a while
 *
 * Words for a "phase-ended" signal, for a notification and the window.
 */
void
soothe_therapy_describe_phase_end (SootheTherapyTimer  *timer,
                                   SootheContent       *content,
                                   SoothePhaseKind      ended,
                                   SoothePhaseKind      next,
                                   gint64               lateness,
                                   char               **title,
                                   char               **body)
{
  guint index = soothe_therapy_timer_get_phase_index (timer);
  gint64 ended_length = index > 0 ? soothe_therapy_timer_get_phase_length_at (timer, index - 1) : 0;
  gint64 next_length = next != SOOTHE_PHASE_NONE ? soothe_therapy_timer_get_phase_length_at (timer, index) : 0;

  g_return_if_fail (title != NULL && body != NULL);

  *title = phase_end_title (ended, ended_length, content);
  *body = phase_end_body (next, next_length, lateness, content);
}
