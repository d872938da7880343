/* soothe-illustration.h: a stretch's drawing in the theme's text colour
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-stretch.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_ILLUSTRATION (soothe_illustration_get_type ())

G_DECLARE_FINAL_TYPE (SootheIllustration, soothe_illustration, SOOTHE, ILLUSTRATION, GtkWidget)

GtkWidget     *soothe_illustration_new                (SootheStretch      *stretch,
                                                       int                 width,
                                                       int                 height);
SootheStretch *soothe_illustration_get_stretch        (SootheIllustration *self);
void           soothe_illustration_set_stretch        (SootheIllustration *self,
                                                       SootheStretch      *stretch);
void           soothe_illustration_set_drawing_width  (SootheIllustration *self,
                                                       int                 width);
void           soothe_illustration_set_drawing_height (SootheIllustration *self,
                                                       int                 height);

G_END_DECLS
