/* soothe-bundle-types.h: what a bundle holds that the content in effect
 * shares, so that the bundle reader needs no content to read one
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SOOTHE_BUNDLE_BASE,         /* complete on its own: disclaimer, therapy limits */
  SOOTHE_BUNDLE_USER,         /* adds to or replaces parts of the base */
  SOOTHE_BUNDLE_TRANSLATION,  /* the built-in content in another language, over the base */
} SootheBundleRole;

typedef struct {
  char  *title;
  char  *in_sentence;               /* the title as it reads mid-sentence: "cold pack" */
  guint  default_minutes;
  guint  max_minutes;
  guint  rest_minutes;
  guint  max_cycles;
  guint  check_skin_after_minutes;  /* 0: no reminder */
  guint  heat_seconds;              /* contrast only */
  guint  cold_seconds;              /* contrast only */
  guint  rounds;                    /* contrast only */
  char **safety;
} SootheTherapyPreset;

G_END_DECLS
