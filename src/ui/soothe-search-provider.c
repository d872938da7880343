/* soothe-search-provider.c: Soothe's answers in GNOME Shell's search
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * org.gnome.Shell.SearchProvider2, exported beside the application's own
 * objects when it registers on the session bus, so that D-Bus activation
 * starts Soothe with no window. A result is a passage, named as
 * soothe_answers_passage_to_string() names it: the red flag first, then
 * each answering situation's best passage.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-application-private.h"
#include "soothe-search-provider.h"

/* GNOME Shell shows a few; more would only be thrown away. */
#define MAX_RESULTS 10

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _SootheSearchProvider
{
  GObject            parent_instance;

  /* Not owned: the application owns the provider */
  SootheApplication *application;

  /* Owned references */
  GDBusConnection   *connection;
  GDBusNodeInfo     *node_info;

  /* State */
  guint              registration;
};

G_DEFINE_FINAL_TYPE (SootheSearchProvider, soothe_search_provider, G_TYPE_OBJECT)

static char *
join_terms (GVariant *terms)
{
  g_autofree const char **strv = g_variant_get_strv (terms, NULL);

  return g_strjoinv (" ", (char **) strv);
}

static GVariant *
result_set (SootheSearchProvider *self,
            GVariant             *terms)
{
  SootheContent *content = soothe_application_get_content (self->application);
  SootheAnswers *answers = soothe_content_get_answers (content);
  g_autofree char *question = join_terms (terms);
  g_autoptr(SootheAnswerSet) set = NULL;
  g_autoptr(GArray) passages = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GSettings *settings = soothe_application_get_settings (self->application);
  gboolean pregnant = settings != NULL && g_settings_get_boolean (settings, "pregnant");

  set = soothe_answers_ask (answers, question, pregnant ? SOOTHE_ASK_PREGNANT : SOOTHE_ASK_NONE);
  passages = soothe_answer_set_list (set, MAX_RESULTS);
  for (guint i = 0; i < passages->len; i++)
    g_ptr_array_add (ids, soothe_answers_passage_to_string (answers,
                                                            &g_array_index (passages, SoothePassage, i)));

  return g_variant_new_strv ((const char * const *) ids->pdata, ids->len);
}

static GVariant *
result_metas (SootheSearchProvider *self,
              GVariant             *identifiers)
{
  SootheAnswers *answers = soothe_content_get_answers (soothe_application_get_content (self->application));
  g_autofree const char **ids = g_variant_get_strv (identifiers, NULL);
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autofree char *icon_string = g_icon_to_string (icon);
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      SoothePassage passage;
      SoothePassage title;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      GVariantBuilder meta;

      /* An id from before the content changed says nothing now. */
      if (!soothe_answers_passage_from_string (answers, ids[i], &passage))
        continue;
      title = (SoothePassage) { passage.situation, SOOTHE_PASSAGE_TITLE, 0, 0 };
      name = soothe_answers_get_text (answers, &title);
      text = soothe_answers_get_text (answers, &passage);
      if (passage.kind == SOOTHE_PASSAGE_EMERGENCY)
        /* TRANSLATORS: a red flag in GNOME Shell's search; %s is the warning sign */
        description = g_strdup_printf (_("Call emergency services: %s"), text);
      else if (passage.kind == SOOTHE_PASSAGE_URGENT)
        /* TRANSLATORS: a red flag in GNOME Shell's search; %s is the warning sign */
        description = g_strdup_printf (_("See a doctor today: %s"), text);
      else
        description = g_steal_pointer (&text);

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (icon_string));
      g_variant_builder_add_value (&metas, g_variant_builder_end (&meta));
    }

  return g_variant_builder_end (&metas);
}

static void
present (SootheWindow *window,
         guint32       timestamp)
{
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
}

static void
method_called_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  SootheSearchProvider *self = user_data;

  /* A call started by D-Bus activation keeps Soothe up while it answers. */
  g_application_hold (G_APPLICATION (self->application));

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new_tuple ((GVariant *[]) { result_set (self, terms) }, 1));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      /* Asked afresh: a longer question can find what a shorter one did not. */
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new_tuple ((GVariant *[]) { result_set (self, terms) }, 1));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new_tuple ((GVariant *[]) { result_metas (self, ids) }, 1));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;
      SootheWindow *window = soothe_application_get_main_window (self->application);

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      soothe_window_show_passage (window, id);
      present (window, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      g_autofree char *question = join_terms (terms);
      SootheWindow *window = soothe_application_get_main_window (self->application);
      guint32 timestamp;

      g_variant_get_child (parameters, 1, "u", &timestamp);
      soothe_window_search (window, question);
      present (window, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No such method: %s", method_name);
    }

  g_application_release (G_APPLICATION (self->application));
}

static const GDBusInterfaceVTable vtable = { method_called_cb, NULL, NULL, { 0 } };

static void
soothe_search_provider_dispose (GObject *object)
{
  SootheSearchProvider *self = SOOTHE_SEARCH_PROVIDER (object);

  soothe_search_provider_unexport (self);
  g_clear_pointer (&self->node_info, g_dbus_node_info_unref);

  G_OBJECT_CLASS (soothe_search_provider_parent_class)->dispose (object);
}

static void
soothe_search_provider_class_init (SootheSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soothe_search_provider_dispose;
}

static void
soothe_search_provider_init (SootheSearchProvider *self)
{
  self->node_info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_assert (self->node_info != NULL);
}

SootheSearchProvider *
soothe_search_provider_new (SootheApplication *application)
{
  SootheSearchProvider *self;

  g_return_val_if_fail (SOOTHE_IS_APPLICATION (application), NULL);

  self = g_object_new (SOOTHE_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  return self;
}

/**
 * soothe_search_provider_export:
 *
 * Exports the provider at %SOOTHE_SEARCH_PROVIDER_PATH on @connection.
 */
gboolean
soothe_search_provider_export (SootheSearchProvider  *self,
                               GDBusConnection       *connection,
                               GError               **error)
{
  g_return_val_if_fail (SOOTHE_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration == 0, FALSE);

  self->registration = g_dbus_connection_register_object (connection, SOOTHE_SEARCH_PROVIDER_PATH,
                                                          self->node_info->interfaces[0], &vtable,
                                                          self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
soothe_search_provider_unexport (SootheSearchProvider *self)
{
  g_return_if_fail (SOOTHE_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}
