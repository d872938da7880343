/* soothe-timer-panel.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-history.h"
#include "soothe-therapy-timer.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_TIMER_PANEL (soothe_timer_panel_get_type ())

G_DECLARE_FINAL_TYPE (SootheTimerPanel, soothe_timer_panel, SOOTHE, TIMER_PANEL, GtkWidget)

GtkWidget *soothe_timer_panel_new           (SootheTherapyTimer *timer,
                                             SootheContent      *content,
                                             GSettings          *settings,
                                             SootheHistory      *history,
                                             SootheClock        *clock);
void       soothe_timer_panel_request_start (SootheTimerPanel   *self,
                                             SootheTherapyKind   kind,
                                             guint               minutes);
void       soothe_timer_panel_toggle        (SootheTimerPanel   *self);
void       soothe_timer_panel_show_message  (SootheTimerPanel   *self,
                                             const char         *message);

G_END_DECLS
