/* soothe-stretch.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_STRETCH (soothe_stretch_get_type ())

G_DECLARE_FINAL_TYPE (SootheStretch, soothe_stretch, SOOTHE, STRETCH, GObject)

const char         *soothe_stretch_get_id             (SootheStretch *self);
const char         *soothe_stretch_get_name           (SootheStretch *self);
const char         *soothe_stretch_get_summary        (SootheStretch *self);
const char * const *soothe_stretch_get_steps          (SootheStretch *self);
guint               soothe_stretch_get_hold_seconds   (SootheStretch *self);
guint               soothe_stretch_get_repetitions    (SootheStretch *self);
const char * const *soothe_stretch_get_cautions       (SootheStretch *self);
gboolean            soothe_stretch_get_pregnancy_safe (SootheStretch *self);
char               *soothe_stretch_describe_hold      (SootheStretch *self);
const char         *soothe_stretch_get_illustration   (SootheStretch *self);

G_END_DECLS
