/* soothe-pain-row.h: "How is it today?", 0 to 10, for one situation
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-history.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_PAIN_ROW (soothe_pain_row_get_type ())

G_DECLARE_FINAL_TYPE (SoothePainRow, soothe_pain_row, SOOTHE, PAIN_ROW, GtkWidget)

GtkWidget  *soothe_pain_row_new           (SootheHistory *history,
                                           SootheClock   *clock,
                                           const char    *heading,
                                           gboolean       compact);
const char *soothe_pain_row_get_situation (SoothePainRow *self);
void        soothe_pain_row_set_situation (SoothePainRow *self,
                                           const char    *id);
int         soothe_pain_row_get_level     (SoothePainRow *self);
void        soothe_pain_row_choose        (SoothePainRow *self,
                                           guint          level);

G_END_DECLS
