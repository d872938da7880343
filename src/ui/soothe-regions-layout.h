/* soothe-regions-layout.h: a row of panes that folds one side pane away
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_REGIONS_LAYOUT (soothe_regions_layout_get_type ())

G_DECLARE_FINAL_TYPE (SootheRegionsLayout, soothe_regions_layout, SOOTHE, REGIONS_LAYOUT, GtkLayoutManager)

gboolean soothe_regions_layout_get_folded     (SootheRegionsLayout *self);
gboolean soothe_regions_layout_get_show_start (SootheRegionsLayout *self);
void     soothe_regions_layout_set_show_start (SootheRegionsLayout *self,
                                               gboolean             show_start);

G_END_DECLS
