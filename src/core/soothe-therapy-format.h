/* soothe-therapy-format.h: words and times for the therapy timer, shared by
 * the window, notifications and `soothe --status`
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-content.h"
#include "soothe-therapy-timer.h"

G_BEGIN_DECLS

char *soothe_format_remaining          (gint64                     usec);
char *soothe_format_lateness           (gint64                     usec);
char *soothe_therapy_describe_preset   (SootheTherapyKind          kind,
                                        const SootheTherapyPreset *preset);
char *soothe_therapy_describe_phase    (SootheTherapyTimer        *timer,
                                        SootheContent             *content);
char *soothe_therapy_describe_next     (SootheTherapyTimer        *timer,
                                        SootheContent             *content);
char *soothe_therapy_status_line       (SootheTherapyTimer        *timer,
                                        SootheContent             *content);
void  soothe_therapy_describe_phase_end (SootheTherapyTimer        *timer,
                                        SootheContent             *content,
                                        SoothePhaseKind            ended,
                                        SoothePhaseKind            next,
                                        gint64                     lateness,
                                        char                     **title,
                                        char                     **body);

G_END_DECLS
