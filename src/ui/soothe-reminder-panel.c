/* soothe-reminder-panel.c: stretch reminders and today's tally, in the timer
 * region beside the advice
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-lazy-page.h"
#include "soothe-markup.h"
#include "soothe-reminder-panel.h"
#include "soothe-therapy-format.h"
#include "soothe-width-layout.h"

struct _SootheReminderPanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget               *box;
  GtkStack                *stack;
  GtkLabel                *off_label;
  GtkLabel                *today_label;
  GtkGrid                 *week_grid;
  GtkWidget               *gnome_breaks_box;
  GMenuModel              *pause_menu;

  /* Widgets of the pages built when first shown (soothe-reminder-panel-pages.ui) */
  GtkLabel                *next_label;
  GtkLabel                *paused_label;
  GtkLabel                *pending_title;
  GtkLabel                *pending_summary;
  GtkWidget               *show_button;
  GtkMenuButton           *pause_button;

  /* Owned references */
  SootheReminderScheduler *reminders;
  SootheHistory           *history;
  GSettings               *settings;   /* NULL without the installed schema */
  GSettings               *desktop_breaks;  /* GNOME's movement breaks; NULL before GNOME 48 */

  /* State */
  guint                    tick_id;
};

G_DEFINE_FINAL_TYPE (SootheReminderPanel, soothe_reminder_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REMINDERS,
  PROP_HISTORY,
  PROP_SETTINGS,
  PROP_DESKTOP_BREAKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SootheLazyChild page_children[] = {
  SOOTHE_LAZY_CHILD (SootheReminderPanel, next_label),
  SOOTHE_LAZY_CHILD (SootheReminderPanel, paused_label),
  SOOTHE_LAZY_CHILD (SootheReminderPanel, pending_title),
  SOOTHE_LAZY_CHILD (SootheReminderPanel, pending_summary),
  SOOTHE_LAZY_CHILD (SootheReminderPanel, show_button),
  SOOTHE_LAZY_CHILD (SootheReminderPanel, pause_button),
};

/* "off" is in the template; the others are built the first time they are
 * shown. */
static void
show_page (SootheReminderPanel *self,
           const char          *name)
{
  soothe_lazy_page_show (self->stack, name, RESOURCE_BASE "/soothe-reminder-panel-pages.ui",
                         G_OBJECT (self), NULL, page_children, G_N_ELEMENTS (page_children));
  if (self->pause_button != NULL && gtk_menu_button_get_menu_model (self->pause_button) == NULL)
    gtk_menu_button_set_menu_model (self->pause_button, self->pause_menu);
}

static gint64
now (SootheReminderPanel *self)
{
  return soothe_clock_get_now (soothe_reminder_scheduler_get_clock (self->reminders));
}

static char *
format_clock_time (gint64 usec)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return g_date_time_format (when, "%H:%M");
}

static gboolean tick_cb (gpointer user_data);

/* The countdown redraws when its second changes, only while on screen. */
static void
schedule_tick (SootheReminderPanel *self,
               gint64               remaining)
{
  guint delay_ms = (guint) ((remaining % G_USEC_PER_SEC) / 1000) + 1;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = g_timeout_add (MIN (delay_ms, 1000), tick_cb, self);
}

static void
update_countdown (SootheReminderPanel *self)
{
  gint64 next = soothe_reminder_scheduler_get_next_deadline (self->reminders);
  gint64 remaining = MAX (next - now (self), 0);
  g_autofree char *left = soothe_format_remaining (remaining);
  g_autofree char *at = format_clock_time (next);
  g_autofree char *text = NULL;

  /* TRANSLATORS: "Next stretch in 23:12, at 14:32" */
  text = g_strdup_printf (_("Next stretch in %s, at %s"), left, at);
  gtk_label_set_text (self->next_label, text);
  schedule_tick (self, remaining);
}

static gboolean
tick_cb (gpointer user_data)
{
  SootheReminderPanel *self = user_data;

  self->tick_id = 0;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "scheduled"))
    update_countdown (self);
  return G_SOURCE_REMOVE;
}

static void
update_history (SootheReminderPanel *self)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GString) week = g_string_new (NULL);
  const SootheHistoryDay *today;
  g_autofree char *stretches = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;

  if (self->history == NULL)
    return;

  days = soothe_history_get_last_days (self->history, now (self), 7);
  today = &g_array_index (days, SootheHistoryDay, days->len - 1);
  stretches = g_strdup_printf (ngettext ("%u stretch", "%u stretches", today->stretches_done),
                               today->stretches_done);
  /* TRANSLATORS: "Today: 3 stretches, 20 minutes of heat and cold" */
  text = g_strdup_printf (ngettext ("Today: %s, %u minute of heat and cold",
                                    "Today: %s, %u minutes of heat and cold", today->therapy_minutes),
                          stretches, today->therapy_minutes);
  gtk_label_set_text (self->today_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_grid))) != NULL)
    gtk_grid_remove (self->week_grid, child);

  for (guint i = 0; i < days->len; i++)
    {
      const SootheHistoryDay *day = &g_array_index (days, SootheHistoryDay, i);
      g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (&day->date),
                                                         g_date_get_month (&day->date),
                                                         g_date_get_day (&day->date), 12, 0, 0);
      g_autofree char *weekday = g_date_time_format (date, "%a");
      g_autofree char *count = g_strdup_printf ("%u", day->stretches_done);
      GtkWidget *name = gtk_label_new (weekday);
      GtkWidget *number = gtk_label_new (count);

      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_add_css_class (number, day->stretches_done > 0 ? "soothe-day-active" : "dim-label");
      gtk_grid_attach (self->week_grid, name, i, 0, 1, 1);
      gtk_grid_attach (self->week_grid, number, i, 1, 1, 1);
      g_string_append_printf (week, "%s %u, ", weekday, day->stretches_done);
    }

  if (week->len > 2)
    g_string_truncate (week, week->len - 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  week->str, -1);
}

static void
update (SootheReminderPanel *self)
{
  gint64 paused_until;

  if (self->reminders == NULL)
    return;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  paused_until = soothe_reminder_scheduler_get_paused_until (self->reminders);

  if (soothe_reminder_scheduler_get_pending (self->reminders))
    {
      SootheStretch *stretch = soothe_reminder_scheduler_get_pending_stretch (self->reminders);
      g_autofree char *name = soothe_markup_to_plain (soothe_stretch_get_name (stretch));
      g_autofree char *summary = soothe_markup_from_inline (soothe_stretch_get_summary (stretch));
      g_autofree char *title = g_strdup_printf (_("Time for a stretch: %s"), name);

      show_page (self, "pending");
      gtk_label_set_text (self->pending_title, title);
      gtk_label_set_markup (self->pending_summary, summary);
      /* Target before name: the action takes the stretch's id. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_button), "s",
                                        soothe_stretch_get_id (stretch));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_button), "app.show-stretch");
    }
  else if (!soothe_reminder_scheduler_get_enabled (self->reminders))
    {
      g_autofree char *text = g_strdup_printf (
          ngettext ("A gentle reminder to stretch every %u minute, with a stretch to follow.",
                    "A gentle reminder to stretch every %u minutes, with a stretch to follow.",
                    soothe_reminder_scheduler_get_interval_minutes (self->reminders)),
          soothe_reminder_scheduler_get_interval_minutes (self->reminders));

      gtk_label_set_text (self->off_label, text);
      show_page (self, "off");
    }
  else if (paused_until > now (self))
    {
      g_autofree char *at = format_clock_time (paused_until);
      g_autofree char *text = g_strdup_printf (_("Paused until %s"), at);

      show_page (self, "paused");
      gtk_label_set_text (self->paused_label, text);
    }
  else if (soothe_reminder_scheduler_get_next_deadline (self->reminders) != G_MAXINT64)
    {
      show_page (self, "scheduled");
      update_countdown (self);
    }
  else
    {
      show_page (self, "paused");
      gtk_label_set_text (self->paused_label, _("Reminders wait until you are back"));
    }
}

static void
turn_on_clicked_cb (SootheReminderPanel *self)
{
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "reminders-enabled", TRUE);
  else
    soothe_reminder_scheduler_set_enabled (self->reminders, TRUE);
}

static gboolean
gnome_moves_too (SootheReminderPanel *self)
{
  g_auto(GStrv) breaks = NULL;

  if (self->desktop_breaks == NULL || self->settings == NULL ||
      !g_settings_get_boolean (self->settings, "reminders-enabled"))
    return FALSE;
  breaks = g_settings_get_strv (self->desktop_breaks, "selected-breaks");
  return g_strv_contains ((const char * const *) breaks, "movement");
}

/* Both GNOME and Soothe would ask the person to move: say so, and offer one. */
static void
update_gnome_breaks (SootheReminderPanel *self)
{
  gtk_widget_set_visible (self->gnome_breaks_box, gnome_moves_too (self));
}

static void
use_gnome_breaks_clicked_cb (SootheReminderPanel *self)
{
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "reminders-enabled", FALSE);
}

static void
keep_soothe_reminders_clicked_cb (SootheReminderPanel *self)
{
  g_auto(GStrv) breaks = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) without = NULL;

  if (self->desktop_breaks == NULL)
    return;
  breaks = g_settings_get_strv (self->desktop_breaks, "selected-breaks");
  for (guint i = 0; breaks[i] != NULL; i++)
    if (!g_str_equal (breaks[i], "movement"))
      g_strv_builder_add (kept, breaks[i]);
  without = g_strv_builder_end (kept);
  g_settings_set_strv (self->desktop_breaks, "selected-breaks", (const char * const *) without);
}

static void
soothe_reminder_panel_constructed (GObject *object)
{
  static const char * const watched[] = {
    "notify::pending", "notify::enabled", "notify::paused-until", "notify::next-deadline",
    "notify::interval-minutes",
  };
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (object);

  G_OBJECT_CLASS (soothe_reminder_panel_parent_class)->constructed (object);

  g_assert (self->reminders != NULL && self->history != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_connect_object (self->reminders, watched[i], G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (update_history), self,
                           G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::reminders-enabled",
                             G_CALLBACK (update_gnome_breaks), self, G_CONNECT_SWAPPED);
  if (self->desktop_breaks != NULL)
    g_signal_connect_object (self->desktop_breaks, "changed::selected-breaks",
                             G_CALLBACK (update_gnome_breaks), self, G_CONNECT_SWAPPED);
  update (self);
  update_history (self);
  update_gnome_breaks (self);
}

static void
soothe_reminder_panel_map (GtkWidget *widget)
{
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (widget);

  GTK_WIDGET_CLASS (soothe_reminder_panel_parent_class)->map (widget);
  /* Today may have become another day while hidden. */
  update (self);
  update_history (self);
}

static void
soothe_reminder_panel_unmap (GtkWidget *widget)
{
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (soothe_reminder_panel_parent_class)->unmap (widget);
}

static void
soothe_reminder_panel_dispose (GObject *object)
{
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_REMINDER_PANEL);
  g_clear_object (&self->reminders);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->desktop_breaks);

  G_OBJECT_CLASS (soothe_reminder_panel_parent_class)->dispose (object);
}

static void
soothe_reminder_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (object);

  switch (prop_id)
    {
    case PROP_REMINDERS:
      g_value_set_object (value, self->reminders);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DESKTOP_BREAKS:
      g_value_set_object (value, self->desktop_breaks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_reminder_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SootheReminderPanel *self = SOOTHE_REMINDER_PANEL (object);

  switch (prop_id)
    {
    case PROP_REMINDERS:
      self->reminders = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DESKTOP_BREAKS:
      self->desktop_breaks = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_reminder_panel_class_init (SootheReminderPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_reminder_panel_constructed;
  object_class->dispose = soothe_reminder_panel_dispose;
  object_class->get_property = soothe_reminder_panel_get_property;
  object_class->set_property = soothe_reminder_panel_set_property;
  widget_class->map = soothe_reminder_panel_map;
  widget_class->unmap = soothe_reminder_panel_unmap;

  properties[PROP_REMINDERS] =
    g_param_spec_object ("reminders", NULL, NULL, SOOTHE_TYPE_REMINDER_SCHEDULER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL without the installed schema. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* org.gnome.desktop.break-reminders, where installed (GNOME 48 and later). */
  properties[PROP_DESKTOP_BREAKS] =
    g_param_spec_object ("desktop-breaks", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The stack pages in its .ui files use it. */
  g_type_ensure (SOOTHE_TYPE_WIDTH_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-reminder-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, box);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, off_label);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, today_label);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, week_grid);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, gnome_breaks_box);
  gtk_widget_class_bind_template_child (widget_class, SootheReminderPanel, pause_menu);
  gtk_widget_class_bind_template_callback (widget_class, turn_on_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_gnome_breaks_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_soothe_reminders_clicked_cb);
}

static void
soothe_reminder_panel_init (SootheReminderPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * soothe_reminder_panel_new:
 * @reminders: the schedule it shows
 * @history: the stretches done, for today's tally and the week
 * @settings: (nullable): Soothe's settings, where installed
 * @desktop_breaks: (nullable): GNOME's movement breaks, where installed
 */
GtkWidget *
soothe_reminder_panel_new (SootheReminderScheduler *reminders,
                           SootheHistory           *history,
                           GSettings               *settings,
                           GSettings               *desktop_breaks)
{
  g_return_val_if_fail (SOOTHE_IS_REMINDER_SCHEDULER (reminders), NULL);
  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (desktop_breaks == NULL || G_IS_SETTINGS (desktop_breaks), NULL);

  return g_object_new (SOOTHE_TYPE_REMINDER_PANEL, "reminders", reminders, "history", history,
                       "settings", settings, "desktop-breaks", desktop_breaks, NULL);
}
