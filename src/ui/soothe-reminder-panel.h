/* soothe-reminder-panel.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-history.h"
#include "soothe-reminder-scheduler.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_REMINDER_PANEL (soothe_reminder_panel_get_type ())

G_DECLARE_FINAL_TYPE (SootheReminderPanel, soothe_reminder_panel, SOOTHE, REMINDER_PANEL, GtkWidget)

GtkWidget *soothe_reminder_panel_new (SootheReminderScheduler *reminders,
                                      SootheHistory           *history,
                                      GSettings               *settings,
                                      GSettings               *desktop_breaks);

G_END_DECLS
