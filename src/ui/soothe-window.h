/* soothe-window.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-history.h"
#include "soothe-reminder-scheduler.h"
#include "soothe-therapy-timer.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_WINDOW (soothe_window_get_type ())

G_DECLARE_FINAL_TYPE (SootheWindow, soothe_window, SOOTHE, WINDOW, GtkApplicationWindow)

gboolean      soothe_window_show_passage   (SootheWindow      *self,
                                            const char        *name);
void          soothe_window_search         (SootheWindow      *self,
                                            const char        *question);
gboolean      soothe_window_show_situation (SootheWindow      *self,
                                            const char        *id);

G_END_DECLS
