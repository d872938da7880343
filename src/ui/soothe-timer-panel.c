/* soothe-timer-panel.c: the heat and cold timer region beside the advice
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-bundle-text.h"
#include "soothe-lazy-page.h"
#include "soothe-pain-row.h"
#include "soothe-progress.h"
#include "soothe-safety.h"
#include "soothe-therapy-format.h"
#include "soothe-timer-panel.h"
#include "soothe-width-layout.h"

struct _SootheTimerPanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkStack           *stack;
  GtkToggleButton    *cold_button;
  GtkToggleButton    *heat_button;
  GtkToggleButton    *contrast_button;
  GtkLabel           *kind_description;
  GtkWidget          *minutes_label;
  GtkWidget          *minutes_spin;
  GtkAdjustment      *minutes_adjustment;
  GtkWidget          *cycles_label;
  GtkWidget          *cycles_spin;
  GtkAdjustment      *cycles_adjustment;
  GtkLabel           *message_label;

  /* Widgets of the pages built when first shown (soothe-timer-panel-pages.ui) */
  GtkBox             *safety_list;
  GtkLabel           *phase_label;
  GtkInscription     *countdown_label;
  SootheProgress     *progress_bar;
  GtkLabel           *next_label;
  GtkButton          *pause_button;
  GtkWidget          *extend_button;
  GtkLabel           *finished_label;
  GtkBox             *finished_box;
  GtkWidget          *pain_row;   /* "How is it now?", with the history, in the finished page */

  /* Owned references */
  SootheTherapyTimer *timer;
  SootheContent      *content;
  GSettings          *settings;  /* NULL without the installed schema */
  SootheHistory      *history;   /* for the pain row; NULL for none */
  SootheClock        *clock;

  /* State */
  guint               tick_id;
  gboolean            setting_kind;
};

G_DEFINE_FINAL_TYPE (SootheTimerPanel, soothe_timer_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER,
  PROP_CONTENT,
  PROP_SETTINGS,
  PROP_HISTORY,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update (SootheTimerPanel *self);
static void show_page    (SootheTimerPanel *self,
                          const char       *name);
static void add_pain_row (SootheTimerPanel *self);

static SootheTherapyKind
selected_kind (SootheTimerPanel *self)
{
  if (gtk_toggle_button_get_active (self->heat_button))
    return SOOTHE_THERAPY_HEAT;
  if (gtk_toggle_button_get_active (self->contrast_button))
    return SOOTHE_THERAPY_CONTRAST;
  return SOOTHE_THERAPY_COLD;
}

static void
kind_toggled_cb (SootheTimerPanel *self)
{
  SootheTherapyKind kind = selected_kind (self);
  const SootheTherapyPreset *preset;
  gboolean timed = kind != SOOTHE_THERAPY_CONTRAST;
  g_autofree char *description = NULL;

  if (self->content == NULL)
    return;

  preset = soothe_content_get_therapy (self->content, kind);
  description = soothe_therapy_describe_preset (kind, preset);
  gtk_label_set_text (self->kind_description, description);

  gtk_widget_set_visible (self->minutes_label, timed);
  gtk_widget_set_visible (self->minutes_spin, timed);
  gtk_widget_set_visible (self->cycles_label, timed);
  gtk_widget_set_visible (self->cycles_spin, timed);
  if (timed)
    {
      gtk_adjustment_set_upper (self->minutes_adjustment, preset->max_minutes);
      gtk_adjustment_set_upper (self->cycles_adjustment, preset->max_cycles);
      if (!self->setting_kind)
        {
          guint minutes = preset->default_minutes;

          if (self->settings != NULL)
            minutes = g_settings_get_int (self->settings, "default-therapy-minutes");
          gtk_adjustment_set_value (self->minutes_adjustment, CLAMP (minutes, 1, preset->max_minutes));
        }
    }
}

static gboolean
safety_seen_today (SootheTimerPanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *record = NULL;

  if (self->settings == NULL)
    return FALSE;
  record = g_settings_get_string (self->settings, "safety-seen-on");
  return soothe_safety_seen_today (record, now, selected_kind (self));
}

static void
remember_safety_seen (SootheTimerPanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *record = NULL;
  g_autofree char *seen = NULL;

  if (self->settings == NULL)
    return;
  record = g_settings_get_string (self->settings, "safety-seen-on");
  seen = soothe_safety_record_seen (record, now, selected_kind (self));
  g_settings_set_string (self->settings, "safety-seen-on", seen);
}

static void
start_selected (SootheTimerPanel *self)
{
  SootheTherapyKind kind = selected_kind (self);
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, kind);
  g_autoptr(GError) error = NULL;
  guint minutes = 0;
  guint cycles = 0;

  if (kind != SOOTHE_THERAPY_CONTRAST)
    {
      minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->minutes_spin));
      cycles = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->cycles_spin));
    }

  soothe_timer_panel_show_message (self, NULL);
  if (!soothe_therapy_timer_start (self->timer, kind, preset, minutes, cycles, &error))
    soothe_timer_panel_show_message (self, error->message);
}

static void
show_safety (SootheTimerPanel *self)
{
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, selected_kind (self));
  GtkWidget *child;

  show_page (self, "safety");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->safety_list))) != NULL)
    gtk_box_remove (self->safety_list, child);

  soothe_bundle_text_add_list (self->safety_list, (const char * const *) preset->safety,
                               SOOTHE_BUNDLE_LIST_NONE, 0, 26);
}

static void
start_clicked_cb (SootheTimerPanel *self)
{
  if (safety_seen_today (self))
    start_selected (self);
  else
    show_safety (self);
}

static void
safety_start_clicked_cb (SootheTimerPanel *self)
{
  remember_safety_seen (self);
  start_selected (self);
  update (self);
}

static void
safety_back_clicked_cb (SootheTimerPanel *self)
{
  update (self);
}

static void
pause_clicked_cb (SootheTimerPanel *self)
{
  if (soothe_therapy_timer_get_state (self->timer) == SOOTHE_TIMER_PAUSED)
    soothe_therapy_timer_resume (self->timer);
  else
    soothe_therapy_timer_pause (self->timer);
}

static void
extend_clicked_cb (SootheTimerPanel *self)
{
  if (!soothe_therapy_timer_extend (self->timer))
    soothe_timer_panel_show_message (self, _("That is the safe limit for one application."));
}

static void
stop_clicked_cb (SootheTimerPanel *self)
{
  soothe_therapy_timer_stop (self->timer);
  soothe_timer_panel_show_message (self, NULL);
}

static const SootheLazyChild page_children[] = {
  SOOTHE_LAZY_CHILD (SootheTimerPanel, safety_list),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, phase_label),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, countdown_label),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, progress_bar),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, next_label),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, pause_button),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, extend_button),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, finished_label),
  SOOTHE_LAZY_CHILD (SootheTimerPanel, finished_box),
};

static GtkBuilderScope *page_scope;  /* the pages' signal handlers, made once */

/* The setup page is in the template; the safety list, the countdown and the
 * finished page are built the first time they are shown. */
static void
show_page (SootheTimerPanel *self,
           const char       *name)
{
  soothe_lazy_page_show (self->stack, name, RESOURCE_BASE "/soothe-timer-panel-pages.ui",
                         G_OBJECT (self), page_scope, page_children, G_N_ELEMENTS (page_children));
  add_pain_row (self);
}

static gboolean tick_cb (gpointer user_data);

/* Redraws the countdown when its shown second changes: at most once a
 * second, and only while the panel is on screen and the timer runs. */
static void
schedule_tick (SootheTimerPanel *self)
{
  gint64 remaining;
  guint delay_ms;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->timer == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      soothe_therapy_timer_get_state (self->timer) != SOOTHE_TIMER_RUNNING)
    return;

  remaining = soothe_therapy_timer_get_remaining (self->timer);
  delay_ms = (guint) ((remaining % G_USEC_PER_SEC) / 1000) + 1;
  if (remaining % G_USEC_PER_SEC == 0)
    delay_ms = 1000;
  self->tick_id = g_timeout_add (delay_ms, tick_cb, self);
}

static void
update_countdown (SootheTimerPanel *self)
{
  gint64 remaining = soothe_therapy_timer_get_remaining (self->timer);
  gint64 length = soothe_therapy_timer_get_phase_length (self->timer);
  g_autofree char *text = soothe_format_remaining (remaining);

  gtk_inscription_set_text (self->countdown_label, text);
  soothe_progress_set_fraction (self->progress_bar,
                                 length > 0 ? 1.0 - (double) remaining / (double) length : 1.0);
}

static gboolean
tick_cb (gpointer user_data)
{
  SootheTimerPanel *self = user_data;

  self->tick_id = 0;
  update_countdown (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
update (SootheTimerPanel *self)
{
  SootheTimerState state;

  if (self->timer == NULL)
    return;

  state = soothe_therapy_timer_get_state (self->timer);
  switch (state)
    {
    case SOOTHE_TIMER_RUNNING:
    case SOOTHE_TIMER_PAUSED:
      {
        g_autofree char *phase = soothe_therapy_describe_phase (self->timer, self->content);
        g_autofree char *next = soothe_therapy_describe_next (self->timer, self->content);

        show_page (self, "running");
        gtk_label_set_text (self->phase_label, phase);
        gtk_label_set_text (self->next_label, next);
        /* No mnemonic: GTK 4.8 reads a button's underscore out to screen readers. */
        gtk_button_set_label (self->pause_button,
                              state == SOOTHE_TIMER_PAUSED ? _("Resume") : _("Pause"));
        gtk_widget_set_sensitive (self->extend_button, soothe_therapy_timer_can_extend (self->timer));
        update_countdown (self);
      }
      break;

    case SOOTHE_TIMER_FINISHED:
      show_page (self, "finished");
      if (self->pain_row != NULL)
        {
          const char *situation = soothe_therapy_timer_get_situation (self->timer);

          /* Only for what the content still has. */
          if (situation != NULL && soothe_content_lookup_situation (self->content, situation) == NULL)
            situation = NULL;
          soothe_pain_row_set_situation (SOOTHE_PAIN_ROW (self->pain_row), situation);
          gtk_widget_set_visible (self->pain_row, situation != NULL);
        }
      break;

    case SOOTHE_TIMER_IDLE:
    default:
      show_page (self, "setup");
      break;
    }

  schedule_tick (self);
}

/**
 * soothe_timer_panel_show_message:
 * @message: (nullable): text to show under the timer, or %NULL to hide it
 */
void
soothe_timer_panel_show_message (SootheTimerPanel *self,
                                 const char       *message)
{
  g_return_if_fail (SOOTHE_IS_TIMER_PANEL (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Ctrl+T: starts what the panel shows, or pauses and resumes. */
void
soothe_timer_panel_toggle (SootheTimerPanel *self)
{
  g_return_if_fail (SOOTHE_IS_TIMER_PANEL (self));
  g_return_if_fail (self->timer != NULL);

  switch (soothe_therapy_timer_get_state (self->timer))
    {
    case SOOTHE_TIMER_RUNNING:
    case SOOTHE_TIMER_PAUSED:
      pause_clicked_cb (self);
      break;
    case SOOTHE_TIMER_FINISHED:
      stop_clicked_cb (self);
      break;
    case SOOTHE_TIMER_IDLE:
    default:
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "safety"))
        safety_start_clicked_cb (self);
      else
        start_clicked_cb (self);
      break;
    }
}

/* Picks a therapy and minutes, as the advice pane's button asks, and starts
 * it, showing the day's safety list first when it has not been seen. */
void
soothe_timer_panel_request_start (SootheTimerPanel  *self,
                                  SootheTherapyKind  kind,
                                  guint              minutes)
{
  g_return_if_fail (SOOTHE_IS_TIMER_PANEL (self));
  g_return_if_fail (self->timer != NULL);

  self->setting_kind = TRUE;
  gtk_toggle_button_set_active (kind == SOOTHE_THERAPY_HEAT ? self->heat_button
                                : kind == SOOTHE_THERAPY_CONTRAST ? self->contrast_button
                                : self->cold_button, TRUE);
  kind_toggled_cb (self);
  self->setting_kind = FALSE;
  if (minutes > 0)
    gtk_adjustment_set_value (self->minutes_adjustment, minutes);
  gtk_adjustment_set_value (self->cycles_adjustment, 1);

  start_clicked_cb (self);
}

static void
check_skin_cb (SootheTimerPanel   *self,
               gint64              lateness,
               SootheTherapyTimer *timer)
{
  soothe_timer_panel_show_message (self, _("Check your skin: stop if it is numb, very red, "
                                           "blotchy or blistered."));
}

static void
soothe_timer_panel_constructed (GObject *object)
{
  SootheTimerPanel *self = SOOTHE_TIMER_PANEL (object);

  G_OBJECT_CLASS (soothe_timer_panel_parent_class)->constructed (object);

  g_assert (self->timer != NULL && self->content != NULL);
  g_assert ((self->history == NULL) == (self->clock == NULL));
  g_signal_connect_object (self->timer, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "check-skin", G_CALLBACK (check_skin_cb), self,
                           G_CONNECT_SWAPPED);
  kind_toggled_cb (self);
  update (self);
}

/* "How is it now?", into the finished page once it is built, when the panel
 * has the diary. */
static void
add_pain_row (SootheTimerPanel *self)
{
  if (self->history == NULL || self->finished_box == NULL || self->pain_row != NULL)
    return;

  self->pain_row = soothe_pain_row_new (self->history, self->clock, _("How is it now?"), TRUE);
  gtk_widget_set_visible (self->pain_row, FALSE);
  gtk_box_insert_child_after (self->finished_box, self->pain_row,
                              GTK_WIDGET (self->finished_label));
}

static void
soothe_timer_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (soothe_timer_panel_parent_class)->map (widget);
  update (SOOTHE_TIMER_PANEL (widget));
}

static void
soothe_timer_panel_unmap (GtkWidget *widget)
{
  SootheTimerPanel *self = SOOTHE_TIMER_PANEL (widget);

  /* A hidden countdown wakes nobody. */
  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (soothe_timer_panel_parent_class)->unmap (widget);
}

static void
soothe_timer_panel_dispose (GObject *object)
{
  SootheTimerPanel *self = SOOTHE_TIMER_PANEL (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_TIMER_PANEL);
  g_clear_object (&self->timer);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (soothe_timer_panel_parent_class)->dispose (object);
}

static void
soothe_timer_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SootheTimerPanel *self = SOOTHE_TIMER_PANEL (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_timer_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SootheTimerPanel *self = SOOTHE_TIMER_PANEL (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      self->timer = g_value_dup_object (value);
      break;
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_timer_panel_class_init (SootheTimerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_timer_panel_constructed;
  object_class->dispose = soothe_timer_panel_dispose;
  object_class->get_property = soothe_timer_panel_get_property;
  object_class->set_property = soothe_timer_panel_set_property;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, SOOTHE_TYPE_THERAPY_TIMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL without the installed schema: the defaults, and the safety list every time. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* With the clock, for "How is it now?" when a session ends; both or neither. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = soothe_timer_panel_map;
  widget_class->unmap = soothe_timer_panel_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (SOOTHE_TYPE_PROGRESS);
  /* The stack pages in its .ui files use it. */
  g_type_ensure (SOOTHE_TYPE_WIDTH_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-timer-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, box);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, cold_button);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, heat_button);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, kind_description);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, cycles_label);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, cycles_spin);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, cycles_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SootheTimerPanel, message_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);

  page_scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (page_scope, safety_start_clicked_cb);
  gtk_builder_cscope_add_callback (page_scope, safety_back_clicked_cb);
  gtk_builder_cscope_add_callback (page_scope, pause_clicked_cb);
  gtk_builder_cscope_add_callback (page_scope, extend_clicked_cb);
  gtk_builder_cscope_add_callback (page_scope, stop_clicked_cb);
}

static void
soothe_timer_panel_init (SootheTimerPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * soothe_timer_panel_new:
 * @timer: the timer it shows and drives
 * @content: the therapies' limits and safety lists
 * @settings: (nullable): Soothe's settings, where installed
 * @history: (nullable): where pain entries are kept, to ask "How is it now?"
 * @clock: (nullable): what "today" is for @history
 */
GtkWidget *
soothe_timer_panel_new (SootheTherapyTimer *timer,
                        SootheContent      *content,
                        GSettings          *settings,
                        SootheHistory      *history,
                        SootheClock        *clock)
{
  g_return_val_if_fail (SOOTHE_IS_THERAPY_TIMER (timer), NULL);
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (history == NULL || SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail ((history == NULL) == (clock == NULL), NULL);

  return g_object_new (SOOTHE_TYPE_TIMER_PANEL, "timer", timer, "content", content,
                       "settings", settings, "history", history, "clock", clock, NULL);
}
