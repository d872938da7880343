/* soothe-application.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "soothe-application-private.h"
#include "soothe-markup.h"
#include "soothe-preferences-window.h"
#include "soothe-autostart.h"
#include "soothe-gpu.h"
#include "soothe-ui-resources.h"
#include "soothe-window.h"

G_DEFINE_FINAL_TYPE (SootheApplication, soothe_application, GTK_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_FILE_PROBLEMS,
  PROP_SAVE_PROBLEM,
  PROP_TIMER_EVENT,
  PROP_START_AT_LOGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SERVICE_INACTIVITY_MS 10000

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check-bundle", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the content bundle FILEs and exit: 0 when all are valid"), NULL },
  { "list-situations", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every situation and exit"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the advice that answers QUESTION, best first, and exit"), N_("QUESTION") },
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the window at the situation ID"), N_("ID") },
  { "start-therapy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start a therapy timer: cold, heat or contrast"), N_("KIND") },
  { "minutes", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Minutes for --start-therapy, within the safe limit"), N_("N") },
  { "pause", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Pause the running therapy timer"), NULL },
  { "resume", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Resume the paused therapy timer"), NULL },
  { "stop", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Stop the therapy timer"), NULL },
  { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the therapy timer's phase and time left, and the next stretch reminder"), NULL },
  { "stretch-now", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show a stretch reminder now"), NULL },
  { "log-pain", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Log today’s pain, from 0 (none) to 10 (the worst)"), N_("N") },
  { "situation", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The situation --log-pain is for; the one shown last when left out"), N_("ID") },
  /* Bytes, so that text that is not UTF-8 gets Soothe's own message. */
  { "note", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("A short note to go with --log-pain"), N_("TEXT") },
  { "export-history", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the pain diary and the history to FILE as CSV"), N_("FILE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static SootheContent *
ensure_content (SootheApplication *self)
{
  if (self->content == NULL)
    {
      g_autofree char *directory = soothe_content_get_user_bundle_dir ();

      self->content = soothe_content_new_builtin ();
      soothe_content_load_user_bundles (self->content, directory);
    }
  return self->content;
}

static void
print_skipped_bundles (SootheContent *content)
{
  GPtrArray *skipped = soothe_content_get_skipped (content);

  for (guint i = 0; i < skipped->len; i++)
    {
      SootheSkippedBundle *bundle = g_ptr_array_index (skipped, i);

      for (guint p = 0; bundle->problems[p] != NULL; p++)
        g_printerr (_("soothe: skipped bundle: %s\n"), bundle->problems[p]);
    }
}

static int
check_bundles (const char * const *files)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("soothe: --check-bundle needs at least one FILE\n"));
      return 1;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      if (!soothe_content_check_file (files[i], problems))
        status = 1;
      for (guint p = 0; p < problems->len; p++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, p));
    }
  return status;
}

static int
list_situations (SootheApplication *self)
{
  SootheContent *content = ensure_content (self);
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);

  print_skipped_bundles (content);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      g_autofree char *title = soothe_markup_to_plain (soothe_situation_get_title (situation));

      g_print ("%s\t%s\n", soothe_situation_get_id (situation), title);
    }
  return 0;
}

/* The question from --search and the words after it, so that
 * `soothe --search knee hurts` needs no quotes. */
static char *
join_question (const char         *first,
               const char * const *rest)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  g_strv_builder_add (words, first);
  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    {
      g_autofree char *word = g_filename_display_name (rest[i]);
      g_strv_builder_add (words, word);
    }
  joined = g_strv_builder_end (words);
  return g_strjoinv (" ", joined);
}

static void
print_answer (SootheAnswers       *answers,
              const SoothePassage *passage)
{
  GListModel *situations = soothe_content_get_situations (soothe_answers_get_content (answers));
  g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, passage->situation);
  SoothePassage title_passage = { passage->situation, SOOTHE_PASSAGE_TITLE, 0, 0 };
  g_autofree char *title = soothe_answers_get_text (answers, &title_passage);
  g_autofree char *text = soothe_answers_get_text (answers, passage);

  g_print ("%s\t%s\t%s\t%s\n", soothe_situation_get_id (situation), title,
           soothe_passage_kind_to_string (passage->kind), text);
}

#define MAX_SEARCH_LINES 10

/* A question said back in a message is cut to this many characters. */
#define MAX_QUOTED_CHARS 80

/* Prints the red flag, if any, then each answering situation's best passage. */
static int
search_answers (SootheApplication *self,
                const char        *question)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(SootheAnswerSet) set = NULL;
  g_autoptr(GArray) lines = NULL;
  SootheContent *content;
  SootheAnswers *answers;

  if (!g_utf8_validate (question, -1, NULL) || soothe_text_is_blank (question))
    {
      g_printerr (_("soothe: --search needs a question, such as: soothe --search \"knee hurts\"\n"));
      return 2;
    }

  content = ensure_content (self);
  print_skipped_bundles (content);
  answers = soothe_content_get_answers (content);
  set = soothe_answers_ask (answers, question,
                            g_settings_get_boolean (settings, "pregnant") ? SOOTHE_ASK_PREGNANT
                                                                          : SOOTHE_ASK_NONE);
  if (set->answers->len == 0)
    {
      g_autofree char *quoted = soothe_text_shorten (question, MAX_QUOTED_CHARS);

      g_printerr (_("soothe: Soothe has no advice for “%s”. If it is an emergency, call 999, "
                    "112 or 911; otherwise a doctor or pharmacist can help.\n"),
                  quoted);
      return 1;
    }

  lines = soothe_answer_set_list (set, MAX_SEARCH_LINES);
  for (guint i = 0; i < lines->len; i++)
    print_answer (answers, &g_array_index (lines, SoothePassage, i));
  return 0;
}

static void
print_unknown_situation (const char *id)
{
  g_printerr (_("soothe: there is no situation “%s”; “soothe --list-situations” shows them all\n"),
              id);
}

static int
soothe_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  SootheApplication *self = SOOTHE_APPLICATION (application);
  g_autofree const char **files = NULL;
  const char *show = NULL;
  const char *search = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("soothe %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "check-bundle"))
    return check_bundles (files);

  if (g_variant_dict_lookup (options, "search", "&s", &search))
    {
      g_autofree char *question = join_question (search, files);
      return search_answers (self, question);
    }

  if (files != NULL && files[0] != NULL)
    {
      g_printerr (_("soothe: unexpected argument “%s” (see “soothe --help”)\n"), files[0]);
      return 1;
    }

  if (g_variant_dict_contains (options, "list-situations"))
    return list_situations (self);

  if (g_variant_dict_lookup (options, "show", "&s", &show) &&
      soothe_content_lookup_situation (ensure_content (self), show) == NULL)
    {
      print_unknown_situation (show);
      return 1;
    }

  ensure_content (self);
  if (soothe_application_diary_check_options (self, options) > 0)
    return 1;

  /* --status, --pause, --resume, --stop, --log-pain and --export-history only
   * ask something of a running instance; when this process becomes the
   * instance, it answers and exits. */
  if ((g_variant_dict_contains (options, "status") || g_variant_dict_contains (options, "pause") ||
       g_variant_dict_contains (options, "resume") || g_variant_dict_contains (options, "stop") ||
       g_variant_dict_contains (options, "log-pain") ||
       g_variant_dict_contains (options, "export-history")) &&
      !g_variant_dict_contains (options, "start-therapy") && !g_variant_dict_contains (options, "show"))
    {
      g_autoptr(GError) error = NULL;

      self->command_only = TRUE;
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("soothe: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        self->command_only = FALSE;
    }

  return -1;
}

/* The main window, made if there is none. */
SootheWindow *
soothe_application_get_main_window (SootheApplication *self)
{
  SootheWindow *window;

  /* Most recently focused first; a stretch window may be among them. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SOOTHE_IS_WINDOW (l->data))
        return l->data;
    }

  window = g_object_new (SOOTHE_TYPE_WINDOW,
                         "application", self,
                         "content", ensure_content (self),
                         "timer", self->timer,
                         "reminders", self->reminders,
                         "history", self->history,
                         "clock", self->clock,
                         "settings", self->settings,
                         "desktop-breaks", self->desktop_breaks,
                         "file-problems", soothe_application_get_file_problems (self),
                         "save-problem", self->save_problem,
                         "timer-event", self->timer_event,
                         NULL);
  /* Both ways for the problems: dismissing the banner clears them here. */
  g_object_bind_property (self, "file-problems", window, "file-problems",
                          G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "save-problem", window, "save-problem", G_BINDING_DEFAULT);
  g_object_bind_property (self, "timer-event", window, "timer-event", G_BINDING_DEFAULT);
  return window;
}

static int
soothe_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  SootheApplication *self = SOOTHE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *show = NULL;
  SootheWindow *window;
  int status, diary_status;

  /* Timer and diary commands act on this, the running instance, and open no
   * window. */
  status = soothe_application_therapy_command_line (self, command_line, options);
  if (status > 0)
    return status;
  diary_status = soothe_application_diary_command_line (self, command_line, options);
  if (diary_status > 0)
    return diary_status;
  status = MAX (status, diary_status);
  /* A reminder asked for now is shown in the window too, to be answered. */
  if (status == 0 && !g_variant_dict_contains (options, "show") &&
      !g_variant_dict_contains (options, "stretch-now"))
    return status;

  if (g_variant_dict_lookup (options, "show", "&s", &show) &&
      soothe_content_lookup_situation (ensure_content (self), show) == NULL)
    {
      g_application_command_line_printerr (command_line,
                                           _("soothe: there is no situation “%s”\n"), show);
      return 1;
    }

  window = soothe_application_get_main_window (self);
  if (show != NULL)
    soothe_window_show_situation (window, show);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

/* GNOME Shell's search talks to the same bus name as the application. */
static gboolean
soothe_application_dbus_register (GApplication     *application,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  SootheApplication *self = SOOTHE_APPLICATION (application);

  if (!G_APPLICATION_CLASS (soothe_application_parent_class)->dbus_register (application, connection,
                                                                            object_path, error))
    return FALSE;

  self->search_provider = soothe_search_provider_new (self);
  return soothe_search_provider_export (self->search_provider, connection, error);
}

static void
soothe_application_dbus_unregister (GApplication    *application,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  SootheApplication *self = SOOTHE_APPLICATION (application);

  if (self->search_provider != NULL)
    soothe_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (soothe_application_parent_class)->dbus_unregister (application, connection,
                                                                         object_path);
}

static void
soothe_application_activate (GApplication *application)
{
  SootheWindow *window = soothe_application_get_main_window (SOOTHE_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
}

/* Every source the content cites, once, in the order first cited. */
static GPtrArray *
content_source_names (SootheContent *content)
{
  GListModel *situations = soothe_content_get_situations (content);
  GPtrArray *names = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (situations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);

      for (guint k = 0; k < soothe_situation_get_n_sources (situation); k++)
        {
          const SootheSource *source = soothe_situation_get_source (situation, k);

          if (g_hash_table_add (seen, source->name))
            g_ptr_array_add (names, g_strdup_printf ("%s %s", source->name, source->url));
        }
    }
  return names;
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SootheApplication *self = user_data;
  const char *authors[] = { _("The Soothe authors"), NULL };
  g_autofree char *comments = NULL;

  comments = g_strdup_printf ("%s\n\n%s",
                              _("Clear advice for everyday aches and pains, with heat and cold "
                                "timers and stretch reminders."),
                              soothe_content_get_disclaimer (ensure_content (self)));

  GtkWindow *about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                                   "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   "modal", TRUE,
                                   "program-name", _("Soothe"),
                                   "logo-icon-name", APPLICATION_ID,
                                   "version", PACKAGE_VERSION,
                                   "comments", comments,
                                   "authors", authors,
                                   "copyright", _("© 2026 The Soothe authors"),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "translator-credits", _("translator-credits"),
                                   NULL);
  g_autoptr(GPtrArray) sources = content_source_names (ensure_content (self));

  /* The advice is written from these; they deserve the credit. */
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (about), _("Advice based on"),
                                       (const char **) sources->pdata);
  gtk_window_present (about);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SootheApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each save its state before the app exits. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (windows->data);
      windows = next;
    }
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SootheApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SoothePreferencesWindow *preferences;

  if (self->settings == NULL)
    return;
  preferences = soothe_preferences_window_new (parent, self->settings, ensure_content (self));
  /* Read again now: the entry may have been deleted by hand. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT_LOGIN]);
  g_object_bind_property (self, "start-at-login", preferences, "start-at-login",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
change_text_size (SootheApplication *self,
                  double             step)
{
  double size;

  if (self->settings == NULL)
    return;
  size = step == 0 ? 1.0 : g_settings_get_double (self->settings, "text-size") + step;
  g_settings_set_double (self->settings, "text-size", CLAMP (size, 0.8, 1.6));
}

static void
text_bigger_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  change_text_size (user_data, 0.1);
}

static void
text_smaller_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  change_text_size (user_data, -0.1);
}

static void
text_reset_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  change_text_size (user_data, 0);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "text-bigger", text_bigger_activated_cb },
  { "text-smaller", text_smaller_activated_cb },
  { "text-reset", text_reset_activated_cb },
};

static void
apply_text_size (SootheApplication *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f", g_settings_get_double (self->settings, "text-size"));
  css = g_strdup_printf (".soothe-advice, .soothe-diary-page { font-size: %sem; }", number);
  gtk_css_provider_load_from_data (self->text_size_css, css, -1);
}

static void
apply_color_scheme (SootheApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  gboolean dark = g_str_equal (scheme, "dark") ||
                  (g_str_equal (scheme, "default") && self->system_prefers_dark);
  gboolean was_dark = FALSE;

  /* Setting it, even to what it is, parses the whole theme again. */
  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &was_dark, NULL);
  if (dark != was_dark)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
}

/* org.freedesktop.appearance color-scheme: 1 means the person prefers dark. */
static void
read_system_scheme (SootheApplication *self,
                    GVariant          *value)
{
  g_autoptr(GVariant) inner = NULL;

  while (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unboxed = g_variant_get_variant (value);

      g_clear_pointer (&inner, g_variant_unref);
      inner = unboxed;
      value = unboxed;
    }
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return;
  self->system_prefers_dark = g_variant_get_uint32 (value) == 1;
  if (self->settings != NULL)
    apply_color_scheme (self);
}

static void
portal_setting_changed_cb (GDBusProxy *proxy,
                           const char *sender_name,
                           const char *signal_name,
                           GVariant   *parameters,
                           gpointer    user_data)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_str_equal (signal_name, "SettingChanged"))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    read_system_scheme (user_data, value);
}

static void
portal_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SootheApplication) self = user_data;
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, NULL);
  g_autoptr(GVariant) value = NULL;

  /* No portal, or an old one: the style stays light unless chosen. */
  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  read_system_scheme (self, value);
}

static void
portal_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SootheApplication) self = user_data;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, NULL);

  if (proxy == NULL)
    return;
  self->portal_settings = proxy;
  g_signal_connect (proxy, "g-signal", G_CALLBACK (portal_setting_changed_cb), self);
  g_dbus_proxy_call (proxy, "Read", g_variant_new ("(ss)", "org.freedesktop.appearance", "color-scheme"),
                     G_DBUS_CALL_FLAGS_NONE, 2000, NULL, portal_read_cb, g_object_ref (self));
}

/* Follows the system's light or dark preference through the Settings portal,
 * asynchronously so that start-up never waits for it. */
static void
watch_system_scheme (SootheApplication *self)
{
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION |
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                            NULL, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                            "org.freedesktop.portal.Settings", NULL, portal_ready_cb,
                            g_object_ref (self));
}

static void
setup_appearance (SootheApplication *self)
{
  self->text_size_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->text_size_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::text-size", G_CALLBACK (apply_text_size), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme),
                           self, G_CONNECT_SWAPPED);
  apply_text_size (self);
  apply_color_scheme (self);
  watch_system_scheme (self);
}

static void
load_settings (SootheApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Without the schema Soothe still works; it just cannot remember things. */
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  else
    g_message ("The settings schema %s is not installed; window size and the last "
               "situation will not be remembered", APPLICATION_ID);
}

static void
soothe_application_startup (GApplication *application)
{
  SootheApplication *self = SOOTHE_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (soothe_application_parent_class)->startup (application);

  /* Started by D-Bus, for GNOME Shell's search for one: wait a little for
   * the next call instead of starting again for each. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, SERVICE_INACTIVITY_MS);

  g_set_application_name (_("Soothe"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-bigger",
                                         (const char *[]) { "<Control>plus", "<Control>equal",
                                                            "<Control>KP_Add", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-smaller",
                                         (const char *[]) { "<Control>minus", "<Control>KP_Subtract", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-reset",
                                         (const char *[]) { "<Control>0", "<Control>KP_0", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-sidebar",
                                         (const char *[]) { "F9", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.timer-toggle",
                                         (const char *[]) { "<Control>t", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.next-situation",
                                         (const char *[]) { "<Control>Page_Down", "<Alt>Down", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.previous-situation",
                                         (const char *[]) { "<Control>Page_Up", "<Alt>Up", NULL });

  load_settings (self);
  setup_appearance (self);
  ensure_content (self);
  self->clock = soothe_clock_new_real ();
  soothe_application_therapy_startup (self);
  soothe_application_reminders_startup (self);
  soothe_application_diary_startup (self);
}

static void
soothe_application_shutdown (GApplication *application)
{
  soothe_application_reminders_shutdown (SOOTHE_APPLICATION (application));
  soothe_application_background_shutdown (SOOTHE_APPLICATION (application));
  G_APPLICATION_CLASS (soothe_application_parent_class)->shutdown (application);
}

static void
soothe_application_dispose (GObject *object)
{
  SootheApplication *self = SOOTHE_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->reminder_clock);
  g_clear_object (&self->history);
  g_clear_object (&self->timer);
  g_clear_object (&self->clock);
  g_clear_object (&self->text_size_css);
  g_clear_object (&self->portal_settings);
  g_clear_object (&self->sound);
  g_clear_object (&self->desktop_sound);
  g_clear_object (&self->desktop_notifications);
  g_clear_object (&self->desktop_breaks);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (soothe_application_parent_class)->dispose (object);
}

static void
soothe_application_finalize (GObject *object)
{
  SootheApplication *self = SOOTHE_APPLICATION (object);

  g_clear_pointer (&self->file_problems, g_ptr_array_unref);
  g_free (self->save_problem);
  g_free (self->timer_event);

  G_OBJECT_CLASS (soothe_application_parent_class)->finalize (object);
}

static void
soothe_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SootheApplication *self = SOOTHE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_FILE_PROBLEMS:
      g_value_set_boxed (value, self->file_problems->pdata);
      break;
    case PROP_SAVE_PROBLEM:
      g_value_set_string (value, self->save_problem);
      break;
    case PROP_TIMER_EVENT:
      g_value_set_string (value, self->timer_event);
      break;
    case PROP_START_AT_LOGIN:
      g_value_set_boolean (value, soothe_application_get_start_at_login (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_application_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SootheApplication *self = SOOTHE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_FILE_PROBLEMS:
      {
        const char * const *problems = g_value_get_boxed (value);

        /* Only cleared from outside, when the person has read them. */
        g_return_if_fail (problems == NULL || problems[0] == NULL);
        soothe_application_clear_file_problems (self);
      }
      break;
    case PROP_START_AT_LOGIN:
      soothe_application_set_start_at_login (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_application_class_init (SootheApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = soothe_application_dispose;
  object_class->finalize = soothe_application_finalize;
  object_class->get_property = soothe_application_get_property;
  object_class->set_property = soothe_application_set_property;

  /* Problems with the person's own files, for the window to show; writable
   * only to clear them, which the window's banner does once they are read. */
  properties[PROP_FILE_PROBLEMS] =
    g_param_spec_boxed ("file-problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVE_PROBLEM] =
    g_param_spec_string ("save-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMER_EVENT] =
    g_param_spec_string ("timer-event", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the autostart entry is there: the file is the truth. */
  properties[PROP_START_AT_LOGIN] =
    g_param_spec_boolean ("start-at-login", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  application_class->handle_local_options = soothe_application_handle_local_options;
  application_class->command_line = soothe_application_command_line;
  application_class->activate = soothe_application_activate;
  application_class->startup = soothe_application_startup;
  application_class->shutdown = soothe_application_shutdown;
  application_class->dbus_register = soothe_application_dbus_register;
  application_class->dbus_unregister = soothe_application_dbus_unregister;
}

static void
soothe_application_init (SootheApplication *self)
{
  self->file_problems = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  /* A sandbox cannot write the session's autostart folder; the portal can. */
  self->background_portal = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Advice, heat and cold timers and stretch reminders "
                                              "for everyday aches and pains."));
}

/* Without a GPU, GTK 4.8 still draws with OpenGL, which Mesa then runs in
 * software (llvmpipe): loading it, compiling its shaders and filling every
 * pixel on the CPU cost more than drawing the same frame with cairo (Soothe's
 * first frame: 563 against 315 ms, 170 against 98 MiB; benchmarks/RESULTS.md).
 * GTK itself stopped preferring its OpenGL renderer on llvmpipe in 4.13.8.
 * A GSK_RENDERER of the person's own always wins. The variable is set before
 * any thread starts, which is why this is not done in startup. */
static void
choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") == NULL && !soothe_gpu_available ("/dev"))
    g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

/* Call it before starting any thread of your own. */
SootheApplication *
soothe_application_new (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      choose_renderer ();
      soothe_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return g_object_new (SOOTHE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* Returns: (transfer none) (nullable): GNOME's break reminders (GNOME 48 and
 * later), to leave movement breaks to one of the two */
GSettings *
soothe_application_get_desktop_breaks (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return self->desktop_breaks;
}

SootheContent *
soothe_application_get_content (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return ensure_content (self);
}

/* Returns the stretch reminder scheduler the application owns. */
SootheReminderScheduler *
soothe_application_get_reminders (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return self->reminders;
}

/* Returns the history of stretches and therapy sessions. */
SootheHistory *
soothe_application_get_history (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return self->history;
}

/* Returns the timer the application owns; it outlives windows. */
SootheTherapyTimer *
soothe_application_get_timer (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return self->timer;
}

/* Returns the problems with the person's own files not yet dismissed. */
const char * const *
soothe_application_get_file_problems (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return (const char * const *) self->file_problems->pdata;
}

/* Forgets the file problems once the person has read them. */
void
soothe_application_clear_file_problems (SootheApplication *self)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));

  if (self->file_problems->len == 0)
    return;
  g_ptr_array_set_size (self->file_problems, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_PROBLEMS]);
}

/* Adds @problem (taken) to the file problems; the same text is said once. */
void
soothe_application_add_file_problem (SootheApplication *self,
                                     char              *problem)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));
  g_return_if_fail (problem != NULL);

  for (guint i = 0; i < self->file_problems->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->file_problems, i), problem))
        {
          g_free (problem);
          return;
        }
    }
  /* Also for a session without a window, e.g. started at login; a debug
   * message, so that --status output stays what scripts read. */
  g_debug ("%s", problem);
  g_ptr_array_add (self->file_problems, problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_PROBLEMS]);
}

void
soothe_application_set_save_problem (SootheApplication *self,
                                     const char        *problem)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));

  if (g_strcmp0 (self->save_problem, problem) == 0)
    return;
  g_free (self->save_problem);
  self->save_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_PROBLEM]);
}

void
soothe_application_set_timer_event (SootheApplication *self,
                                    const char        *event)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));

  if (g_strcmp0 (self->timer_event, event) == 0)
    return;
  g_free (self->timer_event);
  self->timer_event = g_strdup (event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER_EVENT]);
}

/* Whether Soothe starts at login: the autostart entry is there, or inside
 * Flatpak, the Background portal last said it would. */
gboolean
soothe_application_get_start_at_login (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), FALSE);

  if (self->background_portal)
    return self->portal_autostart;
  return soothe_autostart_get_enabled ();
}

/* For tests: start at login through the Background portal, as inside Flatpak. */
void
soothe_application_set_background_portal (SootheApplication *self,
                                          gboolean           portal)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));
  self->background_portal = portal;
}

/* Writes or removes the autostart entry, or asks the portal; a problem goes
 * to the banner. */
void
soothe_application_set_start_at_login (SootheApplication *self,
                                       gboolean           start)
{
  g_autoptr(GError) error = NULL;
  gboolean before;

  g_return_if_fail (SOOTHE_IS_APPLICATION (self));

  if (self->background_portal)
    {
      soothe_application_background_request (self, start);
      return;
    }
  before = soothe_autostart_get_enabled ();
  if (!soothe_autostart_set_enabled (APPLICATION_ID, start, &error))
    soothe_application_add_file_problem (self,
                                         g_strdup_printf (_("Soothe cannot change whether it "
                                                            "starts at login (%s)."),
                                                          error->message));
  if (soothe_autostart_get_enabled () != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT_LOGIN]);
}

/* For tests: what plays the sounds, instead of the chime. */
void
soothe_application_set_sound (SootheApplication *self,
                              SootheSound       *sound)
{
  g_return_if_fail (SOOTHE_IS_APPLICATION (self));
  g_return_if_fail (sound == NULL || SOOTHE_IS_SOUND (sound));

  g_set_object (&self->sound, sound);
}

/**
 * soothe_application_new_desktop_settings:
 * @schema_id: a schema of the desktop's, such as "org.gnome.desktop.sound"
 * @key: the key Soothe reads
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL where the
 *   desktop does not install that schema with that key
 */
GSettings *
soothe_application_new_desktop_settings (const char *schema_id,
                                         const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, schema_id, TRUE)) == NULL ||
      !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* Whether the desktop wants event sounds: GNOME's switch in Settings, where
 * its schema is installed; elsewhere, yes. */
static gboolean
desktop_wants_sounds (SootheApplication *self)
{
  if (self->desktop_sound == NULL)
    self->desktop_sound = soothe_application_new_desktop_settings ("org.gnome.desktop.sound",
                                                                   "event-sounds");

  return self->desktop_sound == NULL || g_settings_get_boolean (self->desktop_sound, "event-sounds");
}

/* Plays the chime for @event when the person and the desktop want it. */
void
soothe_application_play_sound (SootheApplication *self,
                               SootheSoundEvent   event)
{
  const char *key = event == SOOTHE_SOUND_REMINDER ? "reminder-sound" : "timer-sound";

  g_return_if_fail (SOOTHE_IS_APPLICATION (self));

  if (self->settings == NULL || !g_settings_get_boolean (self->settings, key) ||
      !desktop_wants_sounds (self))
    return;
  if (self->sound == NULL)
    self->sound = soothe_sound_new ();
  soothe_sound_play (self->sound, event);
}

/* Returns the app's settings, or NULL when the schema is not installed. */
GSettings *
soothe_application_get_settings (SootheApplication *self)
{
  g_return_val_if_fail (SOOTHE_IS_APPLICATION (self), NULL);
  return self->settings;
}
