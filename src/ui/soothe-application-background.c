/* soothe-application-background.c: starting at login from inside Flatpak
 *
 * A sandbox cannot write the session's autostart folder, so inside Flatpak
 * Soothe asks the Background portal (org.freedesktop.portal.Background,
 * RequestBackground with autostart) to keep the entry instead: on when
 * reminders are turned on, off when they are turned off, and once at each
 * start while they are on, since the portal is the only one that knows. The
 * portal answers with a Response signal on a request object; its "autostart"
 * result is the state the preferences show.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-application-private.h"

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define BACKGROUND       "org.freedesktop.portal.Background"
#define REQUEST          "org.freedesktop.portal.Request"

static void
forget_request (SootheApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (connection != NULL && self->portal_response != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->portal_response);
  self->portal_response = 0;
}

static void
set_portal_autostart (SootheApplication *self,
                      gboolean           autostart)
{
  if (self->portal_autostart == autostart)
    return;
  self->portal_autostart = autostart;
  g_object_notify (G_OBJECT (self), "start-at-login");
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  SootheApplication *self = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response;

  forget_request (self);
  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);

  /* 0: granted; 1: the person said no; 2: anything else. */
  if (response == 0)
    g_variant_lookup (results, "autostart", "b", &autostart);
  if (self->portal_wanted && !autostart)
    soothe_application_add_file_problem (self,
                                         g_strdup (_("Soothe may not start at login, so stretch "
                                                     "reminders come only once you open it. You "
                                                     "can allow it in your system’s settings for "
                                                     "background apps.")));
  set_portal_autostart (self, autostart);
}

static void
requested_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SootheApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  /* No portal: nothing can start Soothe at login from in here. */
  if (reply == NULL)
    {
      g_debug ("Background portal: %s", error->message);
      forget_request (self);
      set_portal_autostart (self, FALSE);
    }
}

/* The request object the portal will answer on, made from our bus name and
 * a token of our own: subscribed before the call, the answer is never missed. */
static char *
request_path (GDBusConnection *connection,
              const char      *token)
{
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);

  g_strdelimit (sender, ".", '_');
  return g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
}

/**
 * soothe_application_background_request:
 * @autostart: whether Soothe should start at login
 *
 * Asks the Background portal to start Soothe at login, with no window, or
 * not to. The answer comes later, as #SootheApplication:start-at-login.
 */
void
soothe_application_background_request (SootheApplication *self,
                                       gboolean           autostart)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  const char * const commandline[] = { "soothe", "--gapplication-service", NULL };
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder options;

  if (connection == NULL)
    return;

  forget_request (self);
  self->portal_wanted = autostart;
  token = g_strdup_printf ("soothe%u", ++self->portal_requests);
  path = request_path (connection, token);
  self->portal_response = g_dbus_connection_signal_subscribe (connection, PORTAL_NAME, REQUEST,
                                                              "Response", path, NULL,
                                                              G_DBUS_SIGNAL_FLAGS_NONE,
                                                              response_cb, self, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Stretch reminders through the day, from login")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (connection, PORTAL_NAME, PORTAL_PATH, BACKGROUND, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, requested_cb, g_object_ref (self));
}

void
soothe_application_background_shutdown (SootheApplication *self)
{
  forget_request (self);
}
