/* soothe-preferences-window.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-preferences-window.h"

struct _SoothePreferencesWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
  GtkSwitch     *pregnant_switch;
  GtkAdjustment *text_size_adjustment;
  GtkAdjustment *minutes_adjustment;
  GtkDropDown   *style_dropdown;
  GtkDropDown   *break_dropdown;
  GtkSwitch     *reminders_switch;
  GtkSwitch     *timer_sound_switch;
  GtkSwitch     *reminder_sound_switch;
  GtkWidget     *login_label;
  GtkSwitch     *login_switch;
  GtkAdjustment *interval_adjustment;

  /* Owned references */
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (SoothePreferencesWindow, soothe_preferences_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_START_AT_LOGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const color_schemes[] = { "default", "light", "dark" };

/* The break lengths offered, in the drop-down's order. */
static const int break_minutes[] = { 3, 5, 10 };

static gboolean
minutes_to_position (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  int minutes = g_variant_get_int32 (variant);
  guint best = 0;

  /* A value set elsewhere shows as the nearest offered. */
  for (guint i = 1; i < G_N_ELEMENTS (break_minutes); i++)
    {
      if (ABS (break_minutes[i] - minutes) < ABS (break_minutes[best] - minutes))
        best = i;
    }
  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
position_to_minutes (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (break_minutes))
    return NULL;
  return g_variant_new_int32 (break_minutes[position]);
}

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (scheme, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  return FALSE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[position]);
}

/* Text size is a factor in settings and a percentage on screen. */
static gboolean
factor_to_percent (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_factor (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value) / 100.0, 0.8, 1.6));
}

static void
soothe_preferences_window_dispose (GObject *object)
{
  SoothePreferencesWindow *self = SOOTHE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (soothe_preferences_window_parent_class)->dispose (object);
}

static void
soothe_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SoothePreferencesWindow *self = SOOTHE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_START_AT_LOGIN:
      g_value_set_boolean (value, gtk_switch_get_active (self->login_switch));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SoothePreferencesWindow *self = SOOTHE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_START_AT_LOGIN:
      gtk_switch_set_active (self->login_switch, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
login_switch_active_cb (SoothePreferencesWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT_LOGIN]);
}

static void
soothe_preferences_window_class_init (SoothePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soothe_preferences_window_dispose;
  object_class->get_property = soothe_preferences_window_get_property;
  object_class->set_property = soothe_preferences_window_set_property;

  /* Whether Soothe starts at login, as the switch shows it. */
  properties[PROP_START_AT_LOGIN] =
    g_param_spec_boolean ("start-at-login", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/soothe-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, pregnant_switch);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, text_size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, break_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, timer_sound_switch);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, reminder_sound_switch);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, login_label);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, SoothePreferencesWindow, interval_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, login_switch_active_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
soothe_preferences_window_init (SoothePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SoothePreferencesWindow *
soothe_preferences_window_new (GtkWindow     *parent,
                               GSettings     *settings,
                               SootheContent *content)
{
  const SootheTherapyPreset *cold;
  SoothePreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);

  self = g_object_new (SOOTHE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  /* The bundle's limit, not the schema's wider range, bounds the choice. */
  cold = soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD);
  gtk_adjustment_set_upper (self->minutes_adjustment, cold->max_minutes);

  g_settings_bind (settings, "pregnant", self->pregnant_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-interval", self->interval_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "break-minutes", self->break_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, minutes_to_position, position_to_minutes,
                                NULL, NULL);
  g_settings_bind (settings, "timer-sound", self->timer_sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-sound", self->reminder_sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* Starting at login is for reminders; without them there is no entry. */
  g_settings_bind (settings, "reminders-enabled", self->login_switch, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "reminders-enabled", self->login_label, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "default-therapy-minutes", self->minutes_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "text-size", self->text_size_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, factor_to_percent, percent_to_factor,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_position, position_to_scheme,
                                NULL, NULL);
  return self;
}
