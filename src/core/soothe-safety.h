/* soothe-safety.h: content rules that keep advice safe
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "soothe-situation.h"

G_BEGIN_DECLS

const char *soothe_text_mentions_nsaid (const char        *text);
gboolean    soothe_safety_seen_today   (const char        *record,
                                        GDateTime         *now,
                                        SootheTherapyKind  kind);
char       *soothe_safety_record_seen  (const char        *record,
                                        GDateTime         *now,
                                        SootheTherapyKind  kind);

G_END_DECLS
