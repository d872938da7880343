/* soothe-application.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-content.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_APPLICATION (soothe_application_get_type ())

G_DECLARE_FINAL_TYPE (SootheApplication, soothe_application, SOOTHE, APPLICATION, GtkApplication)

SootheApplication *soothe_application_new          (void);
SootheContent     *soothe_application_get_content  (SootheApplication *self);
GSettings         *soothe_application_get_settings (SootheApplication *self);

G_END_DECLS
