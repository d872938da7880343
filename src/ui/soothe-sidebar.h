/* soothe-sidebar.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-content.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_SIDEBAR (soothe_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SootheSidebar, soothe_sidebar, SOOTHE, SIDEBAR, GtkWidget)

GtkWidget *soothe_sidebar_new (SootheContent *content);
void     soothe_sidebar_select        (SootheSidebar   *self,
                                       SootheSituation *situation);
void     soothe_sidebar_start_search  (SootheSidebar   *self);
void     soothe_sidebar_search_for    (SootheSidebar   *self,
                                       const char      *question);
void     soothe_sidebar_move          (SootheSidebar   *self,
                                       int              delta);
guint    soothe_sidebar_get_n_shown   (SootheSidebar   *self);
SootheSituation *
         soothe_sidebar_get_shown     (SootheSidebar   *self,
                                       guint            position);

G_END_DECLS
