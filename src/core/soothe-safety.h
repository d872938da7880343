/* soothe-safety.h: content rules that keep advice safe
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *soothe_text_mentions_nsaid (const char *text);

G_END_DECLS
