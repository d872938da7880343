/* soothe-content.h: the content in effect, built-in bundle plus user bundles
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-answers.h"
#include "soothe-bundle-types.h"
#include "soothe-situation.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

/* A user bundle that was not loaded, and why. */
typedef struct {
  char  *path;
  char **problems;
} SootheSkippedBundle;

#define SOOTHE_TYPE_CONTENT (soothe_content_get_type ())

G_DECLARE_FINAL_TYPE (SootheContent, soothe_content, SOOTHE, CONTENT, GObject)

SootheContent             *soothe_content_new                  (void);
SootheContent             *soothe_content_new_builtin          (void);
SootheContent             *soothe_content_new_builtin_for      (const char * const *languages);
gboolean                   soothe_content_load_bytes           (SootheContent     *self,
                                                                GBytes            *bytes,
                                                                const char        *name,
                                                                SootheBundleRole   role,
                                                                GPtrArray         *problems);
void                       soothe_content_load_user_bundles    (SootheContent     *self,
                                                                const char        *directory);
GPtrArray                 *soothe_content_get_skipped          (SootheContent     *self);
GListModel                *soothe_content_get_situations       (SootheContent     *self);
SootheSituation           *soothe_content_lookup_situation     (SootheContent     *self,
                                                                const char        *id);
SootheStretch             *soothe_content_lookup_stretch       (SootheContent     *self,
                                                                const char        *id);
const char                *soothe_content_get_area_title       (SootheContent     *self,
                                                                const char        *area_id);
const SootheTherapyPreset *soothe_content_get_therapy          (SootheContent     *self,
                                                                SootheTherapyKind  kind);
const char                *soothe_content_get_disclaimer       (SootheContent     *self);
SootheAnswers             *soothe_content_get_answers          (SootheContent     *self);

gboolean                   soothe_content_check_file           (const char        *path,
                                                                GPtrArray         *problems);
char                      *soothe_content_get_user_bundle_dir  (void);

G_END_DECLS
