/* fake-idle-monitor.c: Mutter's idle monitor as a quiet desk sees it
 *
 * Owns org.gnome.Mutter.IdleMonitor on the session bus and hands out watch
 * ids that never fire, for the wake-up benchmark: Soothe with reminders on
 * and the monitor present must sleep as the bare window does. Prints "ready"
 * once the name is owned; exits on SIGTERM.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

static const char xml[] =
  "<node><interface name='org.gnome.Mutter.IdleMonitor'>"
  "<method name='AddIdleWatch'><arg type='t' direction='in'/><arg type='u' direction='out'/></method>"
  "<method name='AddUserActiveWatch'><arg type='u' direction='out'/></method>"
  "<method name='RemoveWatch'><arg type='u' direction='in'/></method>"
  "<method name='GetIdletime'><arg type='t' direction='out'/></method>"
  "<signal name='WatchFired'><arg type='u'/></signal>"
  "</interface></node>";

static guint next_id;

static void
method_cb (GDBusConnection       *connection,
           const char            *sender,
           const char            *path,
           const char            *interface,
           const char            *method,
           GVariant              *parameters,
           GDBusMethodInvocation *invocation,
           gpointer               user_data)
{
  if (g_str_equal (method, "AddIdleWatch") || g_str_equal (method, "AddUserActiveWatch"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++next_id));
  else if (g_str_equal (method, "GetIdletime"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", (guint64) 0));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
acquired_cb (GDBusConnection *connection,
             const char      *name,
             gpointer         user_data)
{
  printf ("ready\n");
  fflush (stdout);
}

static void
lost_cb (GDBusConnection *connection,
         const char      *name,
         gpointer         user_data)
{
  g_printerr ("fake-idle-monitor: could not own %s\n", name);
  exit (1);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (void)
{
  static const GDBusInterfaceVTable vtable = { method_cb, NULL, NULL, { 0 } };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  if (connection == NULL)
    g_error ("fake-idle-monitor: %s", error->message);
  g_dbus_connection_register_object (connection, "/org/gnome/Mutter/IdleMonitor/Core", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (connection, "org.gnome.Mutter.IdleMonitor", G_BUS_NAME_OWNER_FLAGS_NONE,
                                acquired_cb, lost_cb, NULL, NULL);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
