/* soothe-autostart.c: the XDG autostart entry that starts Soothe at login
 *
 * While stretch reminders are on, an entry in $XDG_CONFIG_HOME/autostart
 * starts Soothe at login as a D-Bus service with no window, so reminders
 * come without opening it by hand. The entry itself is the state: someone
 * may delete it by hand, and then it is off.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "soothe-autostart.h"
#include "soothe-state-file.h"

/**
 * soothe_autostart_get_path:
 *
 * Returns: (transfer full): where the autostart entry goes
 */
char *
soothe_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           "io.github.soothe.Soothe.desktop", NULL);
}

/**
 * soothe_autostart_get_contents:
 * @app_id: the application id, whose instance a login start becomes
 *
 * Returns: (transfer full): the entry, a valid desktop file that starts
 *   Soothe with no window
 */
char *
soothe_autostart_get_contents (const char *app_id)
{
  g_return_val_if_fail (g_application_id_is_valid (app_id), NULL);

  return g_strdup_printf ("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Soothe\n"
                          "Comment=Stretch reminders through the day\n"
                          "Exec=soothe --gapplication-service\n"
                          "Icon=%s\n"
                          "Terminal=false\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n",
                          app_id);
}

/**
 * soothe_autostart_get_enabled:
 *
 * Returns: whether the entry is there, as a regular file
 */
gboolean
soothe_autostart_get_enabled (void)
{
  g_autofree char *path = soothe_autostart_get_path ();
  GStatBuf info;

  return g_lstat (path, &info) == 0 && S_ISREG (info.st_mode);
}

/**
 * soothe_autostart_set_enabled:
 * @app_id: the application id
 * @enabled: whether Soothe should start at login
 * @error: return location for an error
 *
 * Writes the entry (atomically, making the folder when missing) or removes
 * it. A file of another kind in its place is left alone and is an error.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR, naming the file, when it
 *   could not be written or removed
 */
gboolean
soothe_autostart_set_enabled (const char  *app_id,
                              gboolean     enabled,
                              GError     **error)
{
  g_autofree char *path = soothe_autostart_get_path ();
  g_autofree char *contents = NULL;
  GStatBuf info;

  g_return_val_if_fail (g_application_id_is_valid (app_id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_lstat (path, &info) == 0 && !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s: not a regular file, so Soothe leaves it alone", path);
      return FALSE;
    }

  if (!enabled)
    return soothe_state_file_remove (path, error);

  contents = soothe_autostart_get_contents (app_id);
  return soothe_state_file_replace (path, contents, strlen (contents), error);
}
