/* soothe-stretch-view.h: one stretch, and a guided count of its holds
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_STRETCH_VIEW (soothe_stretch_view_get_type ())

G_DECLARE_FINAL_TYPE (SootheStretchView, soothe_stretch_view, SOOTHE, STRETCH_VIEW, GtkWidget)

GtkWidget     *soothe_stretch_view_new         (SootheStretch     *stretch,
                                                SootheClock       *clock);
SootheStretch *soothe_stretch_view_get_stretch (SootheStretchView *self);
void           soothe_stretch_view_set_stretch (SootheStretchView *self,
                                                SootheStretch     *stretch);
SootheClock   *soothe_stretch_view_get_clock   (SootheStretchView *self);
void           soothe_stretch_view_set_clock   (SootheStretchView *self,
                                                SootheClock       *clock);
gboolean       soothe_stretch_view_get_guiding (SootheStretchView *self);
void           soothe_stretch_view_start_guide (SootheStretchView *self);
void           soothe_stretch_view_stop_guide  (SootheStretchView *self);

G_END_DECLS
