/* soothe-situation.h
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SOOTHE_THERAPY_NONE,
  SOOTHE_THERAPY_COLD,
  SOOTHE_THERAPY_HEAT,
  SOOTHE_THERAPY_CONTRAST,
} SootheTherapyKind;

/* One advice section: a heading and its bullet items, in inline syntax. */
typedef struct {
  char  *heading;
  char **items;
} SootheAdviceSection;

typedef struct {
  char *name;
  char *url;
} SootheSource;

#define SOOTHE_TYPE_SITUATION (soothe_situation_get_type ())

G_DECLARE_FINAL_TYPE (SootheSituation, soothe_situation, SOOTHE, SITUATION, GObject)

const char         *soothe_situation_get_id                    (SootheSituation *self);
const char         *soothe_situation_get_title                 (SootheSituation *self);
const char         *soothe_situation_get_area                  (SootheSituation *self);
const char         *soothe_situation_get_summary               (SootheSituation *self);
const char * const *soothe_situation_get_keywords              (SootheSituation *self);
guint               soothe_situation_get_n_sections            (SootheSituation *self);
const SootheAdviceSection *
                    soothe_situation_get_section               (SootheSituation *self,
                                                                guint            position);
const char * const *soothe_situation_get_emergency             (SootheSituation *self);
const char * const *soothe_situation_get_urgent                (SootheSituation *self);
guint               soothe_situation_get_see_doctor_after_days (SootheSituation *self);
SootheTherapyKind   soothe_situation_get_therapy_kind          (SootheSituation *self);
guint               soothe_situation_get_therapy_minutes       (SootheSituation *self);
const char         *soothe_situation_get_therapy_reason        (SootheSituation *self);
const char * const *soothe_situation_get_stretch_ids           (SootheSituation *self);
guint               soothe_situation_get_n_sources             (SootheSituation *self);
const SootheSource *soothe_situation_get_source                (SootheSituation *self,
                                                                guint            position);
gboolean            soothe_situation_get_pregnancy             (SootheSituation *self);

const char         *soothe_therapy_kind_to_string              (SootheTherapyKind kind);
gboolean            soothe_therapy_kind_from_string            (const char        *string,
                                                                SootheTherapyKind *kind);
gboolean            soothe_id_is_valid                         (const char        *id);

G_END_DECLS
