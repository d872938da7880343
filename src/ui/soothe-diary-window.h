/* soothe-diary-window.h: the Progress view, four weeks of each situation
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-history.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_DIARY_WINDOW (soothe_diary_window_get_type ())

G_DECLARE_FINAL_TYPE (SootheDiaryWindow, soothe_diary_window, SOOTHE, DIARY_WINDOW, GtkWindow)

SootheDiaryWindow *soothe_diary_window_new (GtkApplication *application,
                                            SootheContent  *content,
                                            SootheHistory  *history,
                                            SootheClock    *clock);

G_END_DECLS
