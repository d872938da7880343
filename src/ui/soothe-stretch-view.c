/* soothe-stretch-view.c: one stretch, and a guided count of its holds
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-illustration.h"
#include "soothe-bundle-text.h"
#include "soothe-progress.h"
#include "soothe-stretch-guide.h"
#include "soothe-stretch-view.h"

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
  SootheStretchGuide *guide;           /* NULL without a stretch */

  /* State */
  gboolean            guiding;         /* as last notified */
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

static SootheStretchPhase
guide_phase (SootheStretchView *self)
{
  return self->guide != NULL ? soothe_stretch_guide_get_phase (self->guide)
                             : SOOTHE_STRETCH_PHASE_IDLE;
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
update_count (SootheStretchView *self)
{
  gint64 length = soothe_stretch_guide_get_phase_length (self->guide);
  guint seconds = soothe_stretch_guide_get_remaining_seconds (self->guide);
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
  switch (guide_phase (self))
    {
    case SOOTHE_STRETCH_PHASE_HOLD:
    case SOOTHE_STRETCH_PHASE_RELAX:
    case SOOTHE_STRETCH_PHASE_PAUSED:
      return GTK_WIDGET (self->pause_button);
    case SOOTHE_STRETCH_PHASE_FINISHED:
      return self->done_button;
    case SOOTHE_STRETCH_PHASE_IDLE:
    default:
      return self->guide_button;
    }
}

/* Shows what the guide is doing; the guide itself keeps the time. */
static void
update_guide (SootheStretchView *self)
{
  SootheStretchPhase phase = guide_phase (self);
  gboolean guiding = phase != SOOTHE_STRETCH_PHASE_IDLE;
  const char *page;

  set_label_text (self->phase_label,
                  self->guide != NULL ? soothe_stretch_guide_get_description (self->guide) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), guiding);

  switch (phase)
    {
    case SOOTHE_STRETCH_PHASE_HOLD:
    case SOOTHE_STRETCH_PHASE_RELAX:
    case SOOTHE_STRETCH_PHASE_PAUSED:
      /* No mnemonic: GTK 4.8 reads a button's underscore out to screen readers. */
      gtk_button_set_label (self->pause_button,
                            phase == SOOTHE_STRETCH_PHASE_PAUSED ? _("Resume") : _("Pause"));
      if (phase == SOOTHE_STRETCH_PHASE_PAUSED)
        gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "dim-label");
      update_count (self);
      page = "guide";
      break;

    case SOOTHE_STRETCH_PHASE_FINISHED:
      page = "done";
      break;

    case SOOTHE_STRETCH_PHASE_IDLE:
    default:
      page = "start";
      break;
    }

  /* A new page hides the control that had the focus: hand it on. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->guide_stack), page) != 0)
    {
      gboolean move_focus = focus_in_guide (self);

      gtk_stack_set_visible_child_name (self->guide_stack, page);
      if (move_focus)
        gtk_widget_grab_focus (guide_control (self));
    }

  if (guiding != self->guiding)
    {
      self->guiding = guiding;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDING]);
    }
}

static void
guide_changed_cb (SootheStretchView *self)
{
  update_guide (self);
}

static void
guide_finished_cb (SootheStretchView *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

/* A guide for the stretch and clock shown now; dropping the old one frees
 * the clock's wake-up. */
static void
replace_guide (SootheStretchView *self)
{
  if (self->guide != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->guide, self);
      g_clear_object (&self->guide);
    }

  if (self->stretch != NULL && self->clock != NULL)
    {
      self->guide = soothe_stretch_guide_new (self->stretch, self->clock);
      /* A hidden count wakes nobody; only the end of the phase still does. */
      soothe_stretch_guide_set_tick_seconds (self->guide,
                                             gtk_widget_get_mapped (GTK_WIDGET (self)));
      g_signal_connect_swapped (self->guide, "notify", G_CALLBACK (guide_changed_cb), self);
      g_signal_connect_swapped (self->guide, "finished", G_CALLBACK (guide_finished_cb), self);
    }
  update_guide (self);
}

static void
guide_clicked_cb (SootheStretchView *self)
{
  soothe_stretch_view_start_guide (self);
}

static void
pause_clicked_cb (SootheStretchView *self)
{
  switch (guide_phase (self))
    {
    case SOOTHE_STRETCH_PHASE_PAUSED:
      soothe_stretch_guide_resume (self->guide);
      break;
    case SOOTHE_STRETCH_PHASE_HOLD:
    case SOOTHE_STRETCH_PHASE_RELAX:
      soothe_stretch_guide_pause (self->guide);
      break;
    case SOOTHE_STRETCH_PHASE_IDLE:
    case SOOTHE_STRETCH_PHASE_FINISHED:
    default:
      break;
    }
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

/* Widths, in characters, of a stretch's steps: at least, and before they wrap. */
#define STEP_WIDTH_CHARS     24
#define STEP_MAX_WIDTH_CHARS 56

static void
show_stretch (SootheStretchView *self)
{
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

  soothe_bundle_text_set_label (self->name_label, soothe_stretch_get_name (self->stretch));
  gtk_widget_set_visible (GTK_WIDGET (self->illustration),
                          soothe_stretch_get_illustration (self->stretch) != NULL);
  soothe_bundle_text_set_label (self->summary_label, soothe_stretch_get_summary (self->stretch));

  steps = soothe_stretch_get_steps (self->stretch);
  soothe_bundle_text_add_list (self->steps_box, steps,
                               SOOTHE_BUNDLE_LIST_NUMBERED | SOOTHE_BUNDLE_LIST_SELECTABLE,
                               STEP_WIDTH_CHARS, STEP_MAX_WIDTH_CHARS);

  meta = soothe_stretch_describe_hold (self->stretch);
  gtk_label_set_text (self->meta_label, meta);

  cautions = soothe_stretch_get_cautions (self->stretch);
  soothe_bundle_text_add_list (self->cautions_box, cautions, SOOTHE_BUNDLE_LIST_SELECTABLE,
                               STEP_WIDTH_CHARS, STEP_MAX_WIDTH_CHARS);
  gtk_widget_set_visible (GTK_WIDGET (self->cautions_box), cautions[0] != NULL);

  repetitions = soothe_stretch_get_repetitions (self->stretch);
  done = g_strdup_printf (ngettext ("You finished %u hold.", "You finished all %u holds.",
                                    repetitions),
                          repetitions);
  gtk_label_set_text (self->done_label, done);
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
  replace_guide (self);
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
  g_set_object (&self->clock, clock);
  replace_guide (self);
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

  return guide_phase (self) != SOOTHE_STRETCH_PHASE_IDLE;
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
  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));
  g_return_if_fail (self->guide != NULL);

  soothe_stretch_guide_start (self->guide);
}

/**
 * soothe_stretch_view_stop_guide:
 *
 * Stops the guide, if it is on, without emitting #SootheStretchView::finished.
 */
void
soothe_stretch_view_stop_guide (SootheStretchView *self)
{
  g_return_if_fail (SOOTHE_IS_STRETCH_VIEW (self));

  if (self->guide != NULL)
    soothe_stretch_guide_stop (self->guide);
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
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (widget);

  GTK_WIDGET_CLASS (soothe_stretch_view_parent_class)->map (widget);

  /* The count was left alone while nobody could see it. */
  if (self->guide != NULL)
    soothe_stretch_guide_set_tick_seconds (self->guide, TRUE);
  update_guide (self);
}

static void
soothe_stretch_view_unmap (GtkWidget *widget)
{
  SootheStretchView *self = SOOTHE_STRETCH_VIEW (widget);

  GTK_WIDGET_CLASS (soothe_stretch_view_parent_class)->unmap (widget);

  /* A hidden count wakes nobody; only the end of the phase still does. */
  if (self->guide != NULL)
    soothe_stretch_guide_set_tick_seconds (self->guide, FALSE);
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

  /* The guide's dispose frees the clock's wake-up. */
  if (self->guide != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->guide, self);
      g_clear_object (&self->guide);
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
