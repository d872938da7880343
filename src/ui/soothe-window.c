/* soothe-window.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "soothe-advice-view.h"
#include "soothe-lazy-page.h"
#include "soothe-regions-layout.h"
#include "soothe-reminder-panel.h"
#include "soothe-sidebar.h"
#include "soothe-timer-panel.h"
#include "soothe-window.h"

struct _SootheWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkWidget        *sidebar_button;
  GtkToggleButton  *search_button;
  GtkMenuButton    *menu_button;
  GMenuModel       *main_menu;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;   /* NULL until there is a banner */
  GtkBox           *regions;
  SootheRegionsLayout *regions_layout;
  GtkWidget        *sidebar_separator;
  GtkBox           *timer_region;

  /* Built with what they show, in constructed() */
  SootheSidebar    *sidebar;
  SootheAdviceView *advice_view;
  SootheTimerPanel *timer_panel;
  SootheReminderPanel *reminder_panel;

  /* Owned references: what the window shows, given at construction */
  SootheContent    *content;
  SootheTherapyTimer *timer;
  SootheReminderScheduler *reminders;
  SootheHistory    *history;
  SootheClock      *clock;
  GSettings        *settings;        /* NULL without the installed schema */
  GSettings        *desktop_breaks;  /* NULL before GNOME 48 */

  /* What the application reports, bound to its properties */
  GStrv             file_problems;   /* problems with the person's files, not yet dismissed */
  char             *save_problem;
  char             *timer_event;

  /* State */
  gulong            after_paint_id;
  guint             regions_idle_id;  /* sync_regions_cb() is due */
  gboolean          focus_in_sidebar;
  gboolean          focus_folded_away;  /* GTK moved it out of the sidebar as it folded */
};

G_DEFINE_FINAL_TYPE (SootheWindow, soothe_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_TIMER,
  PROP_REMINDERS,
  PROP_HISTORY,
  PROP_CLOCK,
  PROP_SETTINGS,
  PROP_DESKTOP_BREAKS,
  PROP_FILE_PROBLEMS,
  PROP_SAVE_PROBLEM,
  PROP_TIMER_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
situation_activated_cb (SootheWindow    *self,
                        SootheSituation *situation,
                        SootheSidebar   *sidebar)
{
  if (situation == soothe_advice_view_get_situation (self->advice_view))
    return;

  soothe_advice_view_set_situation (self->advice_view, situation);
  /* Reminders prefer the stretches that suit what the person is reading. */
  soothe_reminder_scheduler_set_situation (self->reminders, situation);
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
show_banner (SootheWindow *self)
{
  GPtrArray *skipped = soothe_content_get_skipped (self->content);
  const char * const *problems = (const char * const *) self->file_problems;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
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
  if (self->banner_label == NULL)
    {
      static const SootheLazyChild children[] = { SOOTHE_LAZY_CHILD (SootheWindow, banner_label) };
      g_autoptr(GtkWidget) banner = soothe_lazy_page_build (RESOURCE_BASE "/soothe-window-banner.ui",
                                                            "banner", G_OBJECT (self), NULL,
                                                            children, G_N_ELEMENTS (children));

      gtk_revealer_set_child (self->banner_revealer, banner);
    }
  gtk_label_set_text (self->banner_label, text->str);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
dismiss_banner_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SootheWindow *self = user_data;

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  /* Read once: through the binding, a window opened later does not say it again. */
  g_object_set (self, "file-problems", NULL, NULL);
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

/* win.show-sidebar: in a narrow window, the sidebar in place of the timer region. */
static void
show_sidebar_change_state_cb (GSimpleAction *action,
                              GVariant      *state,
                              gpointer       user_data)
{
  SootheWindow *self = user_data;
  soothe_regions_layout_set_show_start (self->regions_layout, g_variant_get_boolean (state));
}

/* Escape in a narrow window sends the sidebar away, as picking a situation
 * does. With no sidebar to send away, the key goes on to whoever else wants it. */
static gboolean
hide_sidebar_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SootheWindow *self = SOOTHE_WINDOW (widget);

  if (!soothe_regions_layout_get_folded (self->regions_layout) ||
      !soothe_regions_layout_get_show_start (self->regions_layout))
    return FALSE;
  soothe_regions_layout_set_show_start (self->regions_layout, FALSE);
  return TRUE;
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
  GtkApplicationWindow *self = user_data;

  /* Set as the help overlay, it shows the keys of the actions it names, and
   * the window destroys it with itself. */
  if (gtk_application_window_get_help_overlay (self) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/soothe-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (
          self, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (self)));
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
  { "show-sidebar", NULL, NULL, "false", show_sidebar_change_state_cb },
};

static gboolean
has_focus_within (SootheWindow *self,
                  GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The regions folded or unfolded, or the sidebar came or went in a narrow
 * window: the button and the action follow, and the focus is never lost with
 * a pane folded away. The sidebar, asked for, takes the focus as it comes
 * in; sent away, it gives the focus back to the button. */
static gboolean
sync_regions_cb (gpointer user_data)
{
  SootheWindow *self = user_data;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-sidebar");
  gboolean folded = soothe_regions_layout_get_folded (self->regions_layout);
  gboolean show_start = soothe_regions_layout_get_show_start (self->regions_layout);

  self->regions_idle_id = 0;
  gtk_widget_set_visible (self->sidebar_button, folded);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), folded);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (show_start));
  if (!folded || self->sidebar == NULL)
    return G_SOURCE_REMOVE;
  if (show_start && !has_focus_within (self, GTK_WIDGET (self->sidebar)))
    gtk_widget_child_focus (GTK_WIDGET (self->sidebar), GTK_DIR_TAB_FORWARD);
  else if (!show_start && self->focus_folded_away)
    gtk_widget_grab_focus (self->sidebar_button);
  self->focus_folded_away = FALSE;
  return G_SOURCE_REMOVE;
}

/* The layout folds as it is allocated, where no other widget may change its
 * size, so what follows waits for the main loop, still before the next frame. */
static void
regions_changed_cb (SootheWindow *self)
{
  if (self->regions_idle_id == 0)
    self->regions_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_regions_cb, self, NULL);
}

/* GTK gives the focus of a widget folded away to the first it finds, the
 * search button; from the sidebar, it should go to the button that brings
 * the sidebar back. */
static void
focus_changed_cb (SootheWindow *self)
{
  gboolean was_in_sidebar = self->focus_in_sidebar;

  if (self->sidebar == NULL)
    return;
  self->focus_in_sidebar = has_focus_within (self, GTK_WIDGET (self->sidebar));
  if (was_in_sidebar && !self->focus_in_sidebar &&
      !gtk_widget_get_child_visible (GTK_WIDGET (self->sidebar)))
    {
      self->focus_folded_away = TRUE;
      regions_changed_cb (self);
    }
}

/* In a narrow window, what the person picked takes the sidebar's place. */
static void
sidebar_chosen_cb (SootheWindow *self)
{
  soothe_regions_layout_set_show_start (self->regions_layout, FALSE);
}

/* In a narrow window, searching brings the sidebar, where the answers are. */
static void
search_mode_changed_cb (SootheWindow *self)
{
  gboolean searching;

  g_object_get (self->sidebar, "search-mode", &searching, NULL);
  if (searching && soothe_regions_layout_get_folded (self->regions_layout))
    soothe_regions_layout_set_show_start (self->regions_layout, TRUE);
}

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

/* What the application reports goes under the timer: why its state could
 * not be saved, and each phase that ends, one that ended before the window
 * opened too (what the notification says, for when there is no daemon). */
static void
set_save_problem (SootheWindow *self,
                  const char   *problem)
{
  if (g_strcmp0 (self->save_problem, problem) == 0)
    return;
  g_free (self->save_problem);
  self->save_problem = g_strdup (problem);
  if (problem != NULL && self->timer_panel != NULL)
    soothe_timer_panel_show_message (self->timer_panel, problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_PROBLEM]);
}

static void
set_timer_event (SootheWindow *self,
                 const char   *event)
{
  if (g_strcmp0 (self->timer_event, event) == 0)
    return;
  g_free (self->timer_event);
  self->timer_event = g_strdup (event);
  if (event != NULL && self->timer_panel != NULL)
    soothe_timer_panel_show_message (self->timer_panel, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER_EVENT]);
}

static void
set_file_problems (SootheWindow       *self,
                   const char * const *problems)
{
  if (problems != NULL && problems[0] == NULL)
    problems = NULL;
  if ((problems == NULL && self->file_problems == NULL) ||
      (problems != NULL && self->file_problems != NULL &&
       g_strv_equal ((const char * const *) self->file_problems, problems)))
    return;
  g_strfreev (self->file_problems);
  self->file_problems = g_strdupv ((char **) problems);
  /* Cleared when the banner was dismissed: nothing new to say. */
  if (problems != NULL && self->content != NULL)
    show_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_PROBLEMS]);
}

static void
soothe_window_constructed (GObject *object)
{
  SootheWindow *self = SOOTHE_WINDOW (object);
  GtkWidget *timer_panel;
  GtkWidget *reminder_panel;

  G_OBJECT_CLASS (soothe_window_parent_class)->constructed (object);

  g_assert (self->content != NULL && self->timer != NULL && self->reminders != NULL &&
            self->history != NULL && self->clock != NULL);

  restore_size (self);
  self->sidebar = SOOTHE_SIDEBAR (soothe_sidebar_new (self->content));
  gtk_box_prepend (self->regions, GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->sidebar, "situation-activated", G_CALLBACK (situation_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "passage-activated", G_CALLBACK (passage_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "chosen", G_CALLBACK (sidebar_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::search-mode", G_CALLBACK (search_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->advice_view = SOOTHE_ADVICE_VIEW (soothe_advice_view_new (self->content, self->history,
                                                                  self->clock));
  gtk_widget_set_hexpand (GTK_WIDGET (self->advice_view), TRUE);
  gtk_box_insert_child_after (self->regions, GTK_WIDGET (self->advice_view), self->sidebar_separator);

  timer_panel = soothe_timer_panel_new (self->timer, self->content, self->settings,
                                        self->history, self->clock);
  reminder_panel = soothe_reminder_panel_new (self->reminders, self->history, self->settings,
                                              self->desktop_breaks);
  self->timer_panel = SOOTHE_TIMER_PANEL (timer_panel);
  self->reminder_panel = SOOTHE_REMINDER_PANEL (reminder_panel);
  gtk_box_prepend (self->timer_region, timer_panel);
  gtk_box_append (self->timer_region, reminder_panel);
  /* timer-event, save-problem and file-problems are not construct properties:
   * they are set after this, and each goes to the panel or the banner when set. */

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "pregnant", self->advice_view, "pregnant", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "pregnant", self->sidebar, "pregnant", G_SETTINGS_BIND_GET);
    }
  show_first_situation (self);
  show_banner (self);
}

static void
soothe_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SootheWindow *self = SOOTHE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;
    case PROP_REMINDERS:
      g_value_set_object (value, self->reminders);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DESKTOP_BREAKS:
      g_value_set_object (value, self->desktop_breaks);
      break;
    case PROP_FILE_PROBLEMS:
      g_value_set_boxed (value, self->file_problems);
      break;
    case PROP_SAVE_PROBLEM:
      g_value_set_string (value, self->save_problem);
      break;
    case PROP_TIMER_EVENT:
      g_value_set_string (value, self->timer_event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SootheWindow *self = SOOTHE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_TIMER:
      self->timer = g_value_dup_object (value);
      break;
    case PROP_REMINDERS:
      self->reminders = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DESKTOP_BREAKS:
      self->desktop_breaks = g_value_dup_object (value);
      break;
    case PROP_FILE_PROBLEMS:
      set_file_problems (self, g_value_get_boxed (value));
      break;
    case PROP_SAVE_PROBLEM:
      set_save_problem (self, g_value_get_string (value));
      break;
    case PROP_TIMER_EVENT:
      set_timer_event (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_window_dispose (GObject *object)
{
  SootheWindow *self = SOOTHE_WINDOW (object);

  g_clear_handle_id (&self->regions_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_WINDOW);
  g_clear_object (&self->content);
  g_clear_object (&self->timer);
  g_clear_object (&self->reminders);
  g_clear_object (&self->history);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->desktop_breaks);
  g_clear_pointer (&self->file_problems, g_strfreev);
  g_clear_pointer (&self->save_problem, g_free);
  g_clear_pointer (&self->timer_event, g_free);

  G_OBJECT_CLASS (soothe_window_parent_class)->dispose (object);
}

static void
soothe_window_class_init (SootheWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = soothe_window_constructed;
  object_class->dispose = soothe_window_dispose;
  object_class->get_property = soothe_window_get_property;
  object_class->set_property = soothe_window_set_property;
  widget_class->map = soothe_window_map;
  widget_class->unmap = soothe_window_unmap;
  window_class->close_request = soothe_window_close_request;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, SOOTHE_TYPE_THERAPY_TIMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDERS] =
    g_param_spec_object ("reminders", NULL, NULL, SOOTHE_TYPE_REMINDER_SCHEDULER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESKTOP_BREAKS] =
    g_param_spec_object ("desktop-breaks", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Problems with the person's own files, shown in the banner until dismissed,
   * which sets it to NULL. */
  properties[PROP_FILE_PROBLEMS] =
    g_param_spec_boxed ("file-problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the timer's state could not be saved, or NULL. */
  properties[PROP_SAVE_PROBLEM] =
    g_param_spec_string ("save-problem", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The last phase that ended, in words, until the timer is idle again. */
  properties[PROP_TIMER_EVENT] =
    g_param_spec_string ("timer-event", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the focused widget's own keys: Escape in the search ends the search first. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, hide_sidebar_cb, NULL);

  g_type_ensure (SOOTHE_TYPE_REGIONS_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, regions);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, regions_layout);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, SootheWindow, timer_region);
}

static void
soothe_window_init (SootheWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  g_signal_connect_object (self->regions_layout, "notify::folded", G_CALLBACK (regions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regions_layout, "notify::show-start", G_CALLBACK (regions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  sync_regions_cb (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
}
