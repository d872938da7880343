/* soothe-preferences-window.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-content.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_PREFERENCES_WINDOW (soothe_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SoothePreferencesWindow, soothe_preferences_window, SOOTHE, PREFERENCES_WINDOW, GtkWindow)

SoothePreferencesWindow *soothe_preferences_window_new (GtkWindow     *parent,
                                                        GSettings     *settings,
                                                        SootheContent *content);

G_END_DECLS
