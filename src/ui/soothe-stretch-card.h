/* soothe-stretch-card.h: one stretch in the advice, with its drawing
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-stretch.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_STRETCH_CARD (soothe_stretch_card_get_type ())

G_DECLARE_FINAL_TYPE (SootheStretchCard, soothe_stretch_card, SOOTHE, STRETCH_CARD, GtkWidget)

GtkWidget     *soothe_stretch_card_new         (SootheStretch     *stretch);

G_END_DECLS
