/* soothe-autostart.h: the XDG autostart entry that starts Soothe at login
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *soothe_autostart_get_path     (void);
char     *soothe_autostart_get_contents (const char  *app_id);
gboolean  soothe_autostart_get_enabled  (void);
gboolean  soothe_autostart_set_enabled  (const char  *app_id,
                                         gboolean     enabled,
                                         GError     **error);

G_END_DECLS
