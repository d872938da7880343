/* soothe-application-diary.c: logging pain, the Progress window and the CSV
 *
 * Pain entries are history events: the application keeps the one history,
 * and everything that logs (the advice pane, the timer, the command line)
 * goes through soothe_application_log_pain().
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-application-private.h"
#include "soothe-diary.h"
#include "soothe-diary-window.h"

/**
 * soothe_application_log_pain:
 * @self: the application
 * @situation_id: a situation the content has
 * @level: 0 to 10
 * @note: (nullable): a note soothe_history_check_note() accepts
 * @error: return location for an error
 *
 * Records today's pain for @situation_id; a later entry on the same day
 * replaces it in the diary.
 *
 * Returns: %FALSE with @error set when the arguments are wrong (nothing is
 *   recorded) or the history could not be written (the entry is kept for
 *   this session, and the window says so)
 */
gboolean
soothe_application_log_pain (SootheApplication  *self,
                             const char         *situation_id,
                             guint               level,
                             const char         *note,
                             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  SootheHistoryEvent event = {
    .kind = SOOTHE_HISTORY_PAIN_LOGGED,
    .situation = situation_id,
    .level = level,
    .note = note != NULL && *note != '\0' ? note : NULL,
  };

  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (situation_id != NULL, FALSE);

  if (soothe_content_lookup_situation (self->content, situation_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no situation “%s”; “soothe --list-situations” shows them all"),
                   situation_id);
      return FALSE;
    }
  if (level > SOOTHE_HISTORY_MAX_PAIN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Pain is a whole number from 0 (none) to 10 (the worst), not %u"), level);
      return FALSE;
    }
  if (event.note != NULL && !soothe_history_check_note (event.note, error))
    return FALSE;

  event.time = soothe_clock_get_now (self->clock);
  if (!soothe_history_append (self->history, &event, &local_error))
    {
      soothe_application_add_file_problem (self,
                                           g_strdup_printf (_("Soothe cannot add to your history "
                                                              "(%s)."),
                                                            local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
log_pain_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SootheApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *id, *note;
  guint32 level;

  g_variant_get (parameter, "(&su&s)", &id, &level, &note);
  if (!soothe_application_log_pain (self, id, level, note, &error))
    g_message ("Cannot log pain: %s", error->message);
}

/* Where the diary goes unless the person picks another name. */
static char *
suggested_name (SootheApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (soothe_clock_get_now (self->clock) /
                                                              G_USEC_PER_SEC);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: the file name an exported diary is given; keep .csv */
  return g_strdup_printf (_("soothe-diary-%s.csv"), date);
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    SootheApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (file != NULL && path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("%s: not a local file"), uri);
    }
  if (path != NULL)
    soothe_diary_export_csv (self->history, self->content, path, &error);
  if (error != NULL)
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe could not export your diary "
                                                            "(%s)."),
                                                          error->message));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
export_history_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SootheApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *name = suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  /* Inside Flatpak this goes through the file chooser portal. */
  chooser = gtk_file_chooser_native_new (_("Export Diary"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Spreadsheet (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* One Progress window, in front of the main one. */
static void
show_progress_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SootheApplication *self = user_data;
  SootheDiaryWindow *progress = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SOOTHE_IS_DIARY_WINDOW (l->data))
        progress = l->data;
    }
  if (progress == NULL)
    {
      progress = soothe_diary_window_new (GTK_APPLICATION (self), self->content, self->history,
                                          self->clock);
      gtk_window_set_transient_for (GTK_WINDOW (progress),
                                    GTK_WINDOW (soothe_application_get_main_window (self)));
    }
  gtk_window_present (GTK_WINDOW (progress));
}

static const GActionEntry diary_actions[] = {
  { "log-pain", log_pain_activated_cb, "(sus)" },
  { "export-history", export_history_activated_cb },
  { "show-progress", show_progress_activated_cb },
};

/* Export Diary… is offered once the history has something to export. */
static void
update_export (SootheApplication *self)
{
  GAction *export = g_action_map_lookup_action (G_ACTION_MAP (self), "export-history");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (export),
                               soothe_history_get_n_events (self->history) > 0);
}

void
soothe_application_diary_startup (SootheApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), diary_actions, G_N_ELEMENTS (diary_actions),
                                   self);
  update_export (self);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (update_export), self,
                           G_CONNECT_SWAPPED);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.show-progress",
                                         (const char *[]) { "<Control>d", NULL });
}

/* The situation the person looked at last, or the first there is. */
const char *
soothe_application_get_last_situation (SootheApplication *self)
{
  g_autofree char *last = NULL;
  GListModel *situations = soothe_content_get_situations (self->content);
  g_autoptr(SootheSituation) first = NULL;
  SootheSituation *found = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-situation");
  if (last != NULL)
    found = soothe_content_lookup_situation (self->content, last);
  if (found != NULL)
    return soothe_situation_get_id (found);
  if (g_list_model_get_n_items (situations) == 0)
    return NULL;
  first = g_list_model_get_item (situations, 0);
  return soothe_situation_get_id (first);
}

/**
 * soothe_application_diary_check_options:
 * @self: the application
 * @options: the command line's options, in the process that was started
 *
 * Checks --log-pain, --situation, --note and --export-history before
 * anything is sent to a running instance, so a wrong value writes nothing.
 *
 * Returns: -1 when they are fine (or absent), else 1 after saying why
 */
int
soothe_application_diary_check_options (SootheApplication *self,
                                        GVariantDict      *options)
{
  g_autoptr(GError) error = NULL;
  const char *level_text = NULL, *situation = NULL, *note = NULL, *export = NULL;
  gboolean logging = g_variant_dict_lookup (options, "log-pain", "&s", &level_text);
  guint level;

  g_variant_dict_lookup (options, "situation", "&s", &situation);
  g_variant_dict_lookup (options, "note", "^&ay", &note);
  g_variant_dict_lookup (options, "export-history", "^&ay", &export);

  if (!logging && (situation != NULL || note != NULL))
    {
      g_printerr (_("soothe: --situation and --note go with --log-pain\n"));
      return 1;
    }
  if (logging && !soothe_diary_parse_level (level_text, &level, &error))
    {
      g_printerr ("soothe: --log-pain: %s\n", error->message);
      return 1;
    }
  if (situation != NULL &&
      soothe_content_lookup_situation (self->content, situation) == NULL)
    {
      g_printerr (_("soothe: there is no situation “%s”; “soothe --list-situations” shows them all\n"),
                  situation);
      return 1;
    }
  if (note != NULL && !soothe_history_check_note (note, &error))
    {
      g_printerr ("soothe: --note: %s\n", error->message);
      return 1;
    }
  if (export != NULL && *export == '\0')
    {
      g_printerr (_("soothe: --export-history needs a file name, such as diary.csv\n"));
      return 1;
    }
  return -1;
}

/**
 * soothe_application_diary_command_line:
 * @self: the application
 * @command_line: the command line, in the primary instance
 * @options: its options
 *
 * Logs pain and exports the history as the command line asks.
 *
 * Returns: -1 when there was nothing to do, else the exit status
 */
int
soothe_application_diary_command_line (SootheApplication       *self,
                                       GApplicationCommandLine *command_line,
                                       GVariantDict            *options)
{
  const char *level_text = NULL, *situation = NULL, *note = NULL, *export = NULL;
  int status = -1;

  g_variant_dict_lookup (options, "situation", "&s", &situation);
  g_variant_dict_lookup (options, "note", "^&ay", &note);

  if (g_variant_dict_lookup (options, "log-pain", "&s", &level_text))
    {
      g_autoptr(GError) error = NULL;
      SootheSituation *shown;
      guint level;

      if (situation == NULL)
        situation = soothe_application_get_last_situation (self);
      if (situation == NULL)
        {
          g_application_command_line_printerr (command_line, _("soothe: there are no situations\n"));
          return 1;
        }
      if (!soothe_diary_parse_level (level_text, &level, &error) ||
          !soothe_application_log_pain (self, situation, level, note, &error))
        {
          g_application_command_line_printerr (command_line, "soothe: %s\n", error->message);
          return 1;
        }
      shown = soothe_content_lookup_situation (self->content, situation);
      /* Translators: "Logged 4 of 10 for Knee pain today." */
      g_application_command_line_print (command_line, _("Logged %u of 10 for %s today.\n"), level,
                                        soothe_situation_get_title (shown));
      status = 0;
    }

  if (g_variant_dict_lookup (options, "export-history", "^&ay", &export))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, export);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !soothe_diary_export_csv (self->history, self->content, path, &error))
        {
          g_application_command_line_printerr (command_line, "soothe: %s\n",
                                               error != NULL ? error->message : export);
          return 1;
        }
      status = 0;
    }

  return status;
}
