/* soothe-width-layout.h: one child whose width does not depend on its height
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_WIDTH_LAYOUT (soothe_width_layout_get_type ())

G_DECLARE_FINAL_TYPE (SootheWidthLayout, soothe_width_layout, SOOTHE, WIDTH_LAYOUT, GtkLayoutManager)

GtkLayoutManager *soothe_width_layout_new (gboolean centred);

G_END_DECLS
