/* soothe-progress.h: a thin bar for time passing that only ever redraws
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_PROGRESS (soothe_progress_get_type ())

G_DECLARE_FINAL_TYPE (SootheProgress, soothe_progress, SOOTHE, PROGRESS, GtkWidget)

double     soothe_progress_get_fraction (SootheProgress *self);
void       soothe_progress_set_fraction (SootheProgress *self,
                                         double          fraction);

G_END_DECLS
