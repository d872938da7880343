/* soothe-gpu.h: whether this machine has a GPU that Soothe can draw with
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean soothe_gpu_available (const char *dev_dir);

G_END_DECLS
