/* soothe-stretch-window.h: a small window that shows one stretch
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-stretch-view.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_STRETCH_WINDOW (soothe_stretch_window_get_type ())

G_DECLARE_FINAL_TYPE (SootheStretchWindow, soothe_stretch_window, SOOTHE, STRETCH_WINDOW, GtkWindow)

SootheStretchWindow *soothe_stretch_window_new         (GtkWindow           *parent,
                                                        SootheStretch       *stretch,
                                                        SootheClock         *clock);
SootheStretch       *soothe_stretch_window_get_stretch (SootheStretchWindow *self);
SootheStretchView   *soothe_stretch_window_get_view    (SootheStretchWindow *self);

G_END_DECLS
