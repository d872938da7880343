/* soothe-window.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "soothe-advice-view.h"
#include "soothe-reminder-panel.h"
#include "soothe-sidebar.h"
#include "soothe-timer-panel.h"
#include "soothe-window.h"

struct _SootheWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkToggleButton  *search_button;
  GtkMenuButton    *menu_button;
  GMenuModel       *main_menu;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  SootheSidebar    *sidebar;
  SootheAdviceView *advice_view;
  SootheTimerPanel *timer_panel;
  SootheReminderPanel *reminder_panel;

  /* Owned references */
  SootheContent    *content;
  GSettings        *settings;  /* NULL without the installed schema */

  /* State */
  gulong            after_paint_id;
  GtkWindow        *shortcuts;  /* built the first time it is asked for */
};

G_DEFINE_FINAL_TYPE (SootheWindow, soothe_window, GTK_TYPE_APPLICATION_WINDOW)

static void
situation_activated_cb (SootheWindow    *self,
                        SootheSituation *situation,
                        SootheSidebar   *sidebar)
{
  if (situation == soothe_advice_view_get_situation (self->advice_view))
    return;

  soothe_advice_view_set_situation (self->advice_view, situation);
  /* Reminders prefer the stretches that suit what the person is reading. */
  soothe_reminder_scheduler_set_situation (
      soothe_application_get_reminders (SOOTHE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))),
      situation);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-situation", soothe_situation_get_id (situation));
}

/* "ID/KIND/SECTION/ITEM": the advice pane already shows ID. */
static void
passage_activated_cb (SootheWindow  *self,
                      const char    *passage,
                      SootheSidebar *sidebar)
{
  const char *tail = strchr (passage, '/');

  if (tail != NULL)
    soothe_advice_view_reveal_passage (self->advice_view, tail + 1);
}

/**
 * soothe_window_show_situation:
 * @self: the window
 * @id: a situation id
 *
 * Selects the situation in the sidebar and shows its advice.
 *
 * Returns: %FALSE when there is no such situation
 */
gboolean
soothe_window_show_situation (SootheWindow *self,
                              const char   *id)
{
  SootheSituation *situation;

  g_return_val_if_fail (SOOTHE_IS_WINDOW (self), FALSE);

  situation = soothe_content_lookup_situation (self->content, id);
  if (situation == NULL)
    return FALSE;

  soothe_sidebar_select (self->sidebar, situation);
  situation_activated_cb (self, situation, self->sidebar);
  return TRUE;
}

/**
 * soothe_window_show_passage:
 * @self: the window
 * @name: "ID/KIND/SECTION/ITEM", as soothe_answers_passage_to_string() names it
 *
 * Shows the situation and scrolls its advice to the passage.
 *
 * Returns: %FALSE when there is no such situation
 */
gboolean
soothe_window_show_passage (SootheWindow *self,
                            const char   *name)
{
  g_autofree char *id = NULL;
  const char *tail;

  g_return_val_if_fail (SOOTHE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  tail = strchr (name, '/');
  id = tail != NULL ? g_strndup (name, tail - name) : g_strdup (name);
  if (!soothe_window_show_situation (self, id))
    return FALSE;
  if (tail != NULL)
    soothe_advice_view_reveal_passage (self->advice_view, tail + 1);
  return TRUE;
}

/* Opens the search with @question in it, as GNOME Shell hands it over. */
void
soothe_window_search (SootheWindow *self,
                      const char   *question)
{
  g_return_if_fail (SOOTHE_IS_WINDOW (self));
  g_return_if_fail (question != NULL);

  soothe_sidebar_search_for (self->sidebar, question);
}

static void
show_first_situation (SootheWindow *self)
{
  GListModel *situations = soothe_content_get_situations (self->content);
  g_autoptr(SootheSituation) first = g_list_model_get_item (situations, 0);
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-situation");
  if (last == NULL || !soothe_window_show_situation (self, last))
    soothe_window_show_situation (self, soothe_situation_get_id (first));
}

/* Shows problems with the person's own files: skipped bundles, saved state
 * or history that could not be read or saved. */
static void
show_banner (SootheWindow      *self,
             SootheApplication *application)
{
  GPtrArray *skipped = soothe_content_get_skipped (self->content);
  const char * const *problems = soothe_application_get_file_problems (application);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problems[i]);
    }

  if (skipped->len == 0)
    goto done;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          ngettext ("Soothe skipped %u of your content bundles because it has problems. "
                                    "The built-in advice is shown.",
                                    "Soothe skipped %u of your content bundles because they have problems. "
                                    "The built-in advice is shown.",
                                    skipped->len),
                          skipped->len);
  for (guint i = 0; i < skipped->len; i++)
    {
      SootheSkippedBundle *bundle = g_ptr_array_index (skipped, i);
      guint n = g_strv_length (bundle->problems);

      g_string_append_c (text, '\n');
      g_string_append (text, bundle->problems[0]);
      if (n > 1)
        g_string_append_printf (text,
                                ngettext (" (and %u more problem)", " (and %u more problems)", n - 1),
                                n - 1);
    }

done:
  if (text->len == 0)
    return;
  gtk_label_set_text (self->banner_label, text->str);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
dismiss_banner_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SootheWindow *self = user_data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  /* Read once: a window opened later does not say it again. */
  if (application != NULL)
    soothe_application_clear_file_problems (SOOTHE_APPLICATION (application));
}

static void
search_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SootheWindow *self = user_data;
  soothe_sidebar_start_search (self->sidebar);
}

static void
start_therapy_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SootheWindow *self = user_data;
  SootheTherapyKind kind;
  const char *name;
  guint32 minutes;

  g_variant_get (parameter, "(&su)", &name, &minutes);
  if (soothe_therapy_kind_from_string (name, &kind) && kind != SOOTHE_THERAPY_NONE)
    soothe_timer_panel_request_start (self->timer_panel, kind, minutes);
}

static void
next_situation_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SootheWindow *self = user_data;
  soothe_sidebar_move (self->sidebar, 1);
}

static void
previous_situation_activated_cb (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  SootheWindow *self = user_data;
  soothe_sidebar_move (self->sidebar, -1);
}

static void
timer_toggle_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  SootheWindow *self = user_data;
  soothe_timer_panel_toggle (self->timer_panel);
}

/* GtkApplicationWindow would build the shortcuts window, some 400 widgets,
 * with every window if it were at gtk/help-overlay.ui: it is built here, on
 * first use, instead. */
static void
show_help_overlay_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SootheWindow *self = user_data;

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/soothe-shortcuts-window.ui");

      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
    }
  gtk_window_present (self->shortcuts);
}

/* The menu's popover is some 40 widgets the first frame does not show: it is
 * built when the menu is first opened, by click or F10. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  SootheWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->main_menu);
}

static const GActionEntry win_actions[] = {
  { "show-help-overlay", show_help_overlay_activated_cb },
  { "next-situation", next_situation_activated_cb },
  { "previous-situation", previous_situation_activated_cb },
  { "timer-toggle", timer_toggle_activated_cb },
  { "search", search_activated_cb },
  { "start-therapy", start_therapy_activated_cb, "(su)" },
  { "dismiss-banner", dismiss_banner_activated_cb },
};

static void
after_paint_cb (GdkFrameClock *frame_clock,
                SootheWindow  *self)
{
  /* Only a frame that shows the filled sidebar and the advice counts. */
  if (soothe_sidebar_get_n_shown (self->sidebar) == 0 ||
      soothe_advice_view_get_situation (self->advice_view) == NULL)
    return;

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_application_quit (g_application_get_default ());
}

static void
soothe_window_map (GtkWidget *widget)
{
  SootheWindow *self = SOOTHE_WINDOW (widget);

  GTK_WIDGET_CLASS (soothe_window_parent_class)->map (widget);

  if (self->after_paint_id == 0 && g_strcmp0 (g_getenv ("SOOTHE_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (after_paint_cb), self);
}

static void
soothe_window_unmap (GtkWidget *widget)
{
  SootheWindow *self = SOOTHE_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (soothe_window_parent_class)->unmap (widget);
}

static gboolean
soothe_window_close_request (GtkWindow *window)
{
  SootheWindow *self = SOOTHE_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (soothe_window_parent_class)->close_request (window);
}

static void
restore_size (SootheWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1024, 700);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (g_settings_get_int (self->settings, "window-width"), 720),
                               MAX (g_settings_get_int (self->settings, "window-height"), 480));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_problem_changed_cb (SootheWindow      *self,
                         GParamSpec        *pspec,
                         SootheApplication *application)
{
  const char *problem = soothe_application_get_save_problem (application);

  if (problem != NULL)
    soothe_timer_panel_show_message (self->timer_panel, problem);
}

static void
timer_event_changed_cb (SootheWindow      *self,
                        GParamSpec        *pspec,
                        SootheApplication *application)
{
  const char *event = soothe_application_get_timer_event (application);

  if (event != NULL)
    soothe_timer_panel_show_message (self->timer_panel, event);
}

static void
file_problems_changed_cb (SootheWindow      *self,
                          GParamSpec        *pspec,
                          SootheApplication *application)
{
  /* Cleared when the banner was dismissed: nothing new to say. */
  if (soothe_application_get_file_problems (application)[0] == NULL)
    return;
  show_banner (self, application);
}

/* Runs once the window has its application: "application" is not a
 * construct property, so constructed() is too early. */
static void
setup (SootheWindow      *self,
       SootheApplication *application)
{
  self->content = g_object_ref (soothe_application_get_content (application));
  g_set_object (&self->settings, soothe_application_get_settings (application));

  restore_size (self);
  soothe_advice_view_set_diary (self->advice_view, soothe_application_get_history (application),
                                soothe_application_get_clock (application));
  soothe_advice_view_set_content (self->advice_view, self->content);
  soothe_sidebar_set_content (self->sidebar, self->content);
  soothe_timer_panel_set_diary (self->timer_panel, soothe_application_get_history (application),
                                soothe_application_get_clock (application));
  soothe_timer_panel_setup (self->timer_panel, soothe_application_get_timer (application),
                            self->content, self->settings);
  g_signal_connect_object (application, "notify::save-problem",
                           G_CALLBACK (save_problem_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::file-problems",
                           G_CALLBACK (file_problems_changed_cb), self, G_CONNECT_SWAPPED);
  soothe_reminder_panel_setup (self->reminder_panel, soothe_application_get_reminders (application),
                               soothe_application_get_history (application), self->settings);
  soothe_reminder_panel_set_desktop_breaks (self->reminder_panel, soothe_application_get_desktop_breaks (application));
  /* The panel itself says what ends from now on; this is what ended before. */
  timer_event_changed_cb (self, NULL, application);
  save_problem_changed_cb (self, NULL, application);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "pregnant", self->advice_view, "pregnant", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "pregnant", self->sidebar, "pregnant", G_SETTINGS_BIND_GET);
    }
  show_first_situation (self);
  show_banner (self, application);
}

static void
soothe_window_dispose (GObject *object)
{
  SootheWindow *self = SOOTHE_WINDOW (object);

  if (self->shortcuts != NULL)
    gtk_window_destroy (g_steal_pointer (&self->shortcuts));
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_WINDOW);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (soothe_window_parent_class)->dispose (object);
}

static void
soothe_window_class_init (SootheWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = soothe_window_dispose;
  widget_class->map = soothe_window_map;
  widget_class->unmap = soothe_window_unmap;
  window_class->close_request = soothe_window_close_request;

  g_type_ensure (SOOTHE_TYPE_ADVICE_VIEW);
  g_type_ensure (SOOTHE_TYPE_SIDEBAR);
  g_type_ensure (SOOTHE_TYPE_TIMER_PANEL);
  g_type_ensure (SOOTHE_TYPE_REMINDER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, advice_view);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, timer_panel);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, reminder_panel);
  gtk_widget_class_bind_template_callback (widget_class, situation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);
}

static void
soothe_window_init (SootheWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

SootheWindow *
soothe_window_new (SootheApplication *application)
{
  SootheWindow *self;

  g_return_val_if_fail (SOOTHE_IS_APPLICATION (application), NULL);

  self = g_object_new (SOOTHE_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}
