/* soothe-diary-chart.h: one situation's last weeks, drawn day by day
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soothe-diary.h"

G_BEGIN_DECLS

#define SOOTHE_TYPE_DIARY_CHART (soothe_diary_chart_get_type ())

G_DECLARE_FINAL_TYPE (SootheDiaryChart, soothe_diary_chart, SOOTHE, DIARY_CHART, GtkWidget)

GtkWidget       *soothe_diary_chart_new           (void);
void             soothe_diary_chart_set_days      (SootheDiaryChart *self,
                                                   SootheSituation  *situation,
                                                   GArray           *days,
                                                   gint64            now);
SootheSituation *soothe_diary_chart_get_situation (SootheDiaryChart *self);
guint            soothe_diary_chart_get_n_days    (SootheDiaryChart *self);
guint            soothe_diary_chart_get_selected  (SootheDiaryChart *self);
void             soothe_diary_chart_set_selected  (SootheDiaryChart *self,
                                                   guint             index);
const char      *soothe_diary_chart_get_summary   (SootheDiaryChart *self);
char            *soothe_diary_chart_describe_selected
                                                  (SootheDiaryChart *self);

G_END_DECLS
