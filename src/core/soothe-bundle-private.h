/* soothe-bundle-private.h: one parsed and checked content bundle
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-bundle-types.h"
#include "soothe-json.h"
#include "soothe-situation.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *title;
} SootheArea;

typedef struct {
  SootheBundleRole     role;
  char                *language;
  char                *disclaimer;
  char               **stopwords;
  GPtrArray           *synonyms;    /* of char **, groups of words */
  char               **not_covered; /* words for what no situation is about */
  GPtrArray           *areas;       /* of SootheArea */
  GPtrArray           *stretches;   /* of SootheStretch */
  GPtrArray           *situations;  /* of SootheSituation */
  gboolean             has_therapies;
  SootheTherapyPreset  therapies[SOOTHE_THERAPY_CONTRAST + 1];
} SootheBundle;

/* What a bundle may refer to in the content loaded before it, merged from
 * every bundle so far; borrowed and read-only. */
typedef struct {
  GHashTable                *areas;      /* of area ids */
  GHashTable                *stretches;  /* id -> SootheStretch */
  const SootheTherapyPreset *therapies;  /* one for each SootheTherapyKind; NULL for none yet */
} SootheBundleBase;

SootheBundle *soothe_bundle_read          (const SootheJsonNode   *root,
                                           const char             *name,
                                           SootheBundleRole        role,
                                           const SootheBundleBase *base,
                                           GPtrArray              *problems);
void          soothe_bundle_free          (SootheBundle           *bundle);
void          soothe_area_free            (SootheArea             *area);
void          soothe_therapy_preset_clear (SootheTherapyPreset    *preset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SootheBundle, soothe_bundle_free)

G_END_DECLS
