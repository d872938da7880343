/* soothe-stretch-view.c: one stretch, and a guided count of its holds
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-illustration.h"
#include "soothe-markup.h"
#include "soothe-progress.h"
#include "soothe-stretch-view.h"

/* The pause between two holds. */
#define RELAX_SECONDS 5

/* A wake-up this late means the computer slept or the person was away: the
 * guide pauses instead of counting holds nobody did. */
#define AWAY_USEC (60 * G_USEC_PER_SEC)

typedef enum {
  GUIDE_IDLE,
  GUIDE_HOLD,
  GUIDE_RELAX,
  GUIDE_DONE,
} GuidePhase;

struct _SootheStretchView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkLabel           *name_label;
  SootheIllustration *illustration;
  GtkLabel           *summary_label;
  GtkBox             *steps_box;
  GtkLabel           *meta_label;
  GtkBox             *cautions_box;
  GtkLabel           *phase_label;
  GtkStack           *guide_stack;
  GtkWidget          *guide_button;
  GtkLabel           *count_label;
  SootheProgress     *progress_bar;
  GtkButton          *pause_button;
  GtkLabel           *done_label;
  GtkWidget          *done_button;

  /* Owned references */
  SootheStretch      *stretch;
  SootheClock        *clock;

  /* State */
  gulong              wakeup_handler;
  GuidePhase          phase;
  guint               hold;            /* the current hold, from 1 */
  gint64              phase_start;     /* wall-clock µs */
  gint64              deadline;        /* wall-clock µs at which the phase ends */
  gboolean            paused;
  gint64              paused_remaining;
};

G_DEFINE_FINAL_TYPE (SootheStretchView, soothe_stretch_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STRETCH,
  PROP_CLOCK,
  PROP_GUIDING,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_running (SootheStretchView *self)
{
  return self->phase == GUIDE_HOLD || self->phase == GUIDE_RELAX;
}

static gint64
phase_length (SootheStretchView *self)
{
  if (self->phase == GUIDE_RELAX)
    return RELAX_SECONDS * G_USEC_PER_SEC;
  return (gint64) soothe_stretch_get_hold_seconds (self->stretch) * G_USEC_PER_SEC;
}

static gint64
remaining (SootheStretchView *self,
           gint64             now)
{
  if (self->paused)
    return self->paused_remaining;
  return CLAMP (self->deadline - now, 0, phase_length (self));
}

/* Whole seconds shown, rounded up: "30" until a full second has passed. */
static guint
shown_seconds (gint64 usec)
{
  return (guint) ((usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
enter_phase (SootheStretchView *self,
             GuidePhase         phase,
             guint              hold,
             gint64             start)
{
  self->phase = phase;
  self->hold = hold;
  self->phase_start = start;
  self->deadline = start + (is_running (self) ? phase_length (self) : 0);
}

static char *
describe_phase (SootheStretchView *self)
{
  guint repetitions = soothe_stretch_get_repetitions (self->stretch);

  switch (self->phase)
    {
    case GUIDE_HOLD:
      if (self->paused)
        return repetitions > 1
          /* TRANSLATORS: "Paused: hold 2 of 3" */
          ? g_strdup_printf (_("Paused: hold %u of %u"), self->hold, repetitions)
          : g_strdup (_("Paused"));
      return repetitions > 1
        /* TRANSLATORS: "Hold 2 of 3", while the guide counts the second hold */
        ? g_strdup_printf (_("Hold %u of %u"), self->hold, repetitions)
        : g_strdup (_("Hold"));
    case GUIDE_RELAX:
      return g_strdup (self->paused ? _("Paused: relax") : _("Relax"));
    case GUIDE_DONE:
      return g_strdup (_("Well done"));
    case GUIDE_IDLE:
    default:
      return g_strdup ("");
    }
}

/* Only a real change is written: each write to a status label is announced. */
static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
update_count (SootheStretchView *self,
              gint64             now)
{
  gint64 length = phase_length (self);
  guint seconds = shown_seconds (remaining (self, now));
  g_autofree char *text = NULL;

  /* Long rests read better in minutes: "4:59". */
  if (length >= 60 * G_USEC_PER_SEC)
    text = g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
  else
    text = g_strdup_printf ("%u", seconds);
  set_label_text (self->count_label, text);
  soothe_progress_set_fraction (self->progress_bar,
                                 1.0 - (double) seconds * G_USEC_PER_SEC / (double) length);
}

static void
update_guide (SootheStretchView *self,
              gint64             now)
{
  g_autofree char *phase = describe_phase (self);

  set_label_text (self->phase_label, phase);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), self->phase != GUIDE_IDLE);

  switch (self->phase)
    {
    case GUIDE_HOLD:
    case GUIDE_RELAX:
      /* No mnemonic: GTK 4.8 reads a button's underscore out to screen readers. */
      gtk_button_set_label (self->pause_button, self->paused ? _("Resume") : _("Pause"));
      if (self->paused)
        gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "dim-label");
      update_count (self, now);
      gtk_stack_set_visible_child_name (self->guide_stack, "guide");
      break;

    case GUIDE_DONE:
      gtk_stack_set_visible_child_name (self->guide_stack, "done");
      break;

    case GUIDE_IDLE:
    default:
      gtk_stack_set_visible_child_name (self->guide_stack, "start");
      break;
    }
}

/* One wake-up at the end of the phase and, while the count is on screen, one
 * when the shown second changes: never more than one a second. */
static void
schedule_wakeup (SootheStretchView *self,
                 gint64             now)
{
  gint64 wakeup = self->deadline;

  if (self->clock == NULL)
    return;
  if (!is_running (self) || self->paused)
    {
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
      return;
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      guint seconds = shown_seconds (remaining (self, now));

      if (seconds > 1)
        wakeup = MIN (wakeup, self->deadline - (gint64) (seconds - 1) * G_USEC_PER_SEC);
    }
  soothe_clock_set_wakeup (self->clock, wakeup);
}

static void
refresh (SootheStretchView *self)
{
  gint64 now = soothe_clock_get_now (self->clock);

  update_guide (self, now);
  schedule_wakeup (self, now);
}

/* Whether the keyboard focus is on a guide control that a phase change is
 * about to hide, so that it can move to the control that replaces it. */
static gboolean
focus_in_guide (SootheStretchView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->guide_stack));
}

/* The control that leads the guide now: Guide me, Pause or Done. */
static GtkWidget *
guide_control (SootheStretchView *self)
{
  switch (self->phase)
    {
    case GUIDE_HOLD:
    case GUIDE_RELAX:
      return GTK_WIDGET (self->pause_button);
    case GUIDE_DONE:
      return self->done_button;
    case GUIDE_IDLE:
    default:
      return self->guide_button;
    }
}

static void
pause_guide (SootheStretchView *self,
             gint64             remaining_usec)
{
  self->paused = TRUE;
  self->paused_remaining = remaining_usec;
}

/* Moves through every phase that ended by @now, each starting where the
 * one before ended, so late wake-ups never stretch the schedule. */
static gboolean
advance (SootheStretchView *self,
         gint64             now)
{
  guint repetitions = soothe_stretch_get_repetitions (self->stretch);

  while (is_running (self) && now >= self->deadline)
    {
      if (self->phase == GUIDE_RELAX)
        enter_phase (self, GUIDE_HOLD, self->hold + 1, self->deadline);
      else if (self->hold < repetitions)
        enter_phase (self, GUIDE_RELAX, self->hold, self->deadline);
      else
        enter_phase (self, GUIDE_DONE, self->hold, self->deadline);
    }

  return self->phase == GUIDE_DONE;
}

static void
clock_woke_cb (SootheStretchView *self,
               SootheClock       *clock)
{
  gint64 now = soothe_clock_get_now (clock);
  gboolean move_focus;
  gboolean finished;

  if (!is_running (self) || self->paused)
    return;

  if (now < self->phase_start)
    {
      /* The wall clock went back: count this phase again from now. */
      enter_phase (self, self->phase, self->hold, now);
    }
  else if (now - self->deadline >= AWAY_USEC)
    {
      /* Nobody held a stretch through a suspend: wait for them, with the
       * interrupted phase to do again. */
      pause_guide (self, phase_length (self));
      refresh (self);
      return;
    }

  move_focus = focus_in_guide (self);
  finished = advance (self, now);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || finished)
    update_guide (self, now);
  schedule_wakeup (self, now);

  if (finished)
    {
      if (move_focus)
        gtk_widget_grab_focus (guide_control (self));
      g_signal_emit (self, signals[FINISHED], 0);
    }
}

static void
guide_clicked_cb (SootheStretchView *self)
{
  soothe_stretch_view_start_guide (self);
}

static void
pause_clicked_cb (SootheStretchView *self)
{
  gint64 now = soothe_clock_get_now (self->clock);

  if (!is_running (self))
    return;

  if (self->paused)
    {
      self->paused = FALSE;
      self->deadline = now + self->paused_remaining;
      self->phase_start = self->deadline - phase_length (self);
    }
  else
    {
      pause_guide (self, remaining (self, now));
    }
  refresh (self);
}

static void
stop_clicked_cb (SootheStretchView *self)
{
  soothe_stretch_view_stop_guide (self);
}

static void
done_clicked_cb (SootheStretchView *self)
{
  soothe_stretch_view_stop_guide (self);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A label for bundle text, which is never trusted as markup. */
static GtkWidget *
new_text_label (const char *text)
{
  g_autofree char *markup = soothe_markup_from_inline (text);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* One list item: a marker ("•" or "3.") and the item's text beside it. */
static void
add_item (GtkBox     *box,
          const char *marker,
          gboolean    decorative,
          const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                    "label", marker,
                                    "valign", GTK_ALIGN_START,
                                    "accessible-role", decorative ? GTK_ACCESSIBLE_ROLE_PRESENTATION
                                                                  : GTK_ACCESSIBLE_ROLE_LABEL,
                                    NULL);

  gtk_widget_add_css_class (bullet, "soothe-bullet");
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), new_text_label (text));
  gtk_box_append (box, row);
}

static char *
describe_hold (SootheStretch *stretch)
{
  guint hold = soothe_stretch_get_hold_seconds (stretch);
  guint repetitions = soothe_stretch_get_repetitions (stretch);
  g_autofree char *hold_text = NULL;
  g_autofree char *repeat_text = NULL;

  if (hold % 60 == 0)
    hold_text = g_strdup_printf (ngettext ("Hold %u minute", "Hold %u minutes", hold / 60),
                                 hold / 60);
  else
    hold_text = g_strdup_printf (ngettext ("Hold %u second", "Hold %u seconds", hold), hold);
  repeat_text = g_strdup_printf (ngettext ("%u time", "%u times", repetitions), repetitions);

  /* TRANSLATORS: "Hold 30 seconds · 3 times" */
  return g_strdup_printf (_("%s · %s"), hold_text, repeat_text);
}

static void
show_stretch (SootheStretchView *self)
{
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *done = NULL;
  const char * const *steps;
  const char * const *cautions;
  guint repetitions;

  remove_children (self->steps_box);
  remove_children (self->cautions_box);
  soothe_illustration_set_stretch (self->illustration, self->stretch);

  if (self->stretch == NULL)
    {
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->box, TRUE);

  name = soothe_markup_from_inline (soothe_stretch_get_name (self->stretch));
  gtk_label_set_markup (self->name_label, name);
  gtk_widget_set_visible (GTK_WIDGET (self->illustration),
                          soothe_stretch_get_illustration (self->stretch) != NULL);
  summary = soothe_markup_from_inline (soothe_stretch_get_summary (self->stretch));
  gtk_label_set_markup (self->summary_label, summary);

  steps = soothe_stretch_get_steps (self->stretch);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      add_item (self->steps_box, number, FALSE, steps[i]);
    }

  meta = describe_hold (self->stretch);
  gtk_label_set_text (self->meta_label, meta);

  cautions = soothe_stretch_get_cautions (self->stretch);
  for (guint i = 0; cautions[i] != NULL; i++)
    add_item (self->cautions_box, "•", TRUE, cautions[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->cautions_box), cautions[0] != NULL);

  repetitions = soothe_stretch_get_repetitions (self->stretch);
  done = g_strdup_printf (ngettext ("You finished %u hold.", "You finished all %u holds.",
                                    repetitions),
                          repetitions);
  gtk_label_set_text (self->done_label, done);
}

static void
watch_clock (SootheStretchView *self)
{
  if (self->clock != NULL)
    self->wakeup_handler = g_signal_connect_object (self->clock, "wakeup",
                                                    G_CALLBACK (clock_woke_cb), self,
                                                    G_CONNECT_SWAPPED);
}

/**
 * soothe_stretch_view_new:
 * @stretch: (nullable): the stretch to show
 * @clock: (nullable): the clock that times the guide, or %NULL for the real
 *   one. The view uses its wake-up deadline, so it must not be shared.
 *
 * Returns: (transfer floating): a new stretch view
 */
GtkWidget *
soothe_stretch_view_new (SootheStretch *stretch,
                         SootheClock   *clock)
{
  g_return_val_if_fail (stretch == NULL || SOOTHE_IS_STRETCH (stretch), NULL);
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_STRETCH_VIEW,
                       "stretch", stretch,
                       "clock", clock,
                       NULL);
}

SootheStretch *
soothe_stretch_view_get_stretch (SootheStretchView *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_VIEW (self), NULL);

  return self->stretch;
}

/**
 * soothe_stretch_view_set_stretch:
 * @stretch: (nullable): the stretch to show
 *
 * Shows @stretch, stopping any guide in progress.
 */
void
soothe_stretch_view_set_stretch (SootheStretchView *self,
                                 SootheStretch     *stretch)
{
  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));
  g_return_if_fail (stretch == NULL || SOOTHE_IS_STRETCH (stretch));

  if (stretch == self->stretch)
    return;

  soothe_stretch_view_stop_guide (self);
  g_set_object (&self->stretch, stretch);
  show_stretch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRETCH]);
}

SootheClock *
soothe_stretch_view_get_clock (SootheStretchView *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_VIEW (self), NULL);

  return self->clock;
}

/**
 * soothe_stretch_view_set_clock:
 * @clock: (nullable): the clock that times the guide, or %NULL for a new
 *   real clock
 *
 * The view sets @clock's wake-up deadline, so no other owner may use it.
 * Changing the clock stops any guide in progress.
 */
void
soothe_stretch_view_set_clock (SootheStretchView *self,
                               SootheClock       *clock)
{
  g_autoptr(SootheClock) real = NULL;

  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));
  g_return_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock));

  if (clock == NULL)
    {
      if (SOOTHE_IS_REAL_CLOCK (self->clock))
        return;
      clock = real = soothe_clock_new_real ();
    }
  if (clock == self->clock)
    return;

  soothe_stretch_view_stop_guide (self);
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->wakeup_handler, self->clock);
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
    }
  g_set_object (&self->clock, clock);
  watch_clock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * soothe_stretch_view_get_guiding:
 *
 * Returns: whether the guide is on, counting, paused or saying well done
 */
gboolean
soothe_stretch_view_get_guiding (SootheStretchView *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH_VIEW (self), FALSE);

  return self->phase != GUIDE_IDLE;
}

/**
 * soothe_stretch_view_start_guide:
 *
 * Starts counting the first hold, as the "Guide me" button does, from the
 * beginning when a guide is already on.
 */
void
soothe_stretch_view_start_guide (SootheStretchView *self)
{
  gboolean was_guiding;
  gboolean move_focus;

  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));
  g_return_if_fail (self->stretch != NULL);

  was_guiding = self->phase != GUIDE_IDLE;
  move_focus = focus_in_guide (self);
  self->paused = FALSE;
  enter_phase (self, GUIDE_HOLD, 1, soothe_clock_get_now (self->clock));
  refresh (self);
  if (move_focus)
    gtk_widget_grab_focus (guide_control (self));
  if (!was_guiding)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDING]);
}

/**
 * soothe_stretch_view_stop_guide:
 *
 * Stops the guide, if it is on, without emitting #SootheStretchView::finished.
 */
void
soothe_stretch_view_stop_guide (SootheStretchView *self)
{
  gboolean move_focus;

  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));

  if (self->phase == GUIDE_IDLE)
    return;

  move_focus = focus_in_guide (self);
  self->phase = GUIDE_IDLE;
  self->paused = FALSE;
  refresh (self);
  if (move_focus)
    gtk_widget_grab_focus (guide_control (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDING]);
}

/* Focusing the view focuses the guide's control rather than the first
 * selectable text, which would select the name. */
static gboolean
soothe_stretch_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (guide_control (SOOTHE_STRETCH_VIEW (widget)));
}

static void
soothe_stretch_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (soothe_stretch_view_parent_class)->map (widget);

  /* The count was left alone while nobody could see it. */
  refresh (SOOTHE_STRETCH_VIEW (widget));
}

static void
soothe_stretch_view_unmap (GtkWidget *widget)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (widget);

  GTK_WIDGET_CLASS (soothe_stretch_view_parent_class)->unmap (widget);

  /* A hidden count wakes nobody; only the end of the phase still does. */
  schedule_wakeup (self, soothe_clock_get_now (self->clock));
}

static void
soothe_stretch_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_object (value, self->stretch);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_GUIDING:
      g_value_set_boolean (value, soothe_stretch_view_get_guiding (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      soothe_stretch_view_set_stretch (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      soothe_stretch_view_set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_view_constructed (GObject *object)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (object);

  G_OBJECT_CLASS (soothe_stretch_view_parent_class)->constructed (object);

  if (self->clock == NULL)
    soothe_stretch_view_set_clock (self, NULL);
}

static void
soothe_stretch_view_dispose (GObject *object)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->wakeup_handler, self->clock);
      soothe_clock_set_wakeup (self->clock, G_MAXINT64);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_STRETCH_VIEW);
  g_clear_object (&self->stretch);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (soothe_stretch_view_parent_class)->dispose (object);
}

static void
soothe_stretch_view_class_init (SootheStretchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_stretch_view_constructed;
  object_class->dispose = soothe_stretch_view_dispose;
  object_class->get_property = soothe_stretch_view_get_property;
  object_class->set_property = soothe_stretch_view_set_property;

  widget_class->grab_focus = soothe_stretch_view_grab_focus;
  widget_class->map = soothe_stretch_view_map;
  widget_class->unmap = soothe_stretch_view_unmap;

  /**
   * SootheStretchView:stretch:
   *
   * The stretch shown.
   */
  properties[PROP_STRETCH] =
    g_param_spec_object ("stretch", NULL, NULL, SOOTHE_TYPE_STRETCH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchView:clock:
   *
   * The clock that times the guide; a real clock unless set. The view owns
   * its wake-up deadline.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SootheStretchView:guiding:
   *
   * Whether the guide is on: counting, paused, or saying well done.
   */
  properties[PROP_GUIDING] =
    g_param_spec_boolean ("guiding", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheStretchView::finished:
   *
   * The guide counted the last hold: the person did the stretch.
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  g_type_ensure (SOOTHE_TYPE_ILLUSTRATION);
  g_type_ensure (SOOTHE_TYPE_PROGRESS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/soothe-stretch-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, box);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, name_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, illustration);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, guide_stack);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, guide_button);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, done_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchView, done_button);
  gtk_widget_class_bind_template_callback (widget_class, guide_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pause_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
soothe_stretch_view_init (SootheStretchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->box, FALSE);
}
