/* soothe-advice-view.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-clock.h"
#include "soothe-content.h"
#include "soothe-history.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_ADVICE_VIEW (soothe_advice_view_get_type ())

G_DECLARE_FINAL_TYPE (SootheAdviceView, soothe_advice_view, SOOTHE, ADVICE_VIEW, GtkWidget)

GtkWidget       *soothe_advice_view_new           (SootheContent    *content,
                                                   SootheHistory    *history,
                                                   SootheClock      *clock);
void             soothe_advice_view_set_situation (SootheAdviceView *self,
                                                   SootheSituation  *situation);
SootheSituation *soothe_advice_view_get_situation (SootheAdviceView *self);
gboolean         soothe_advice_view_reveal_passage (SootheAdviceView *self,
                                                    const char       *passage);
const char      *soothe_advice_view_get_revealed  (SootheAdviceView *self);

G_END_DECLS
