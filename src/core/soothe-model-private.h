/* soothe-model-private.h: instance structs of the content model, shared by the
 * model classes and the bundle reader that fills them.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soothe-situation.h"
#include "soothe-stretch.h"

G_BEGIN_DECLS

struct _SootheStretch
{
  GObject parent_instance;

  char     *id;
  char     *name;
  char     *summary;
  char    **steps;
  char    **cautions;
  char     *illustration;
  guint     hold_seconds;
  guint     repetitions;
  gboolean  pregnancy_safe;
};

struct _SootheSituation
{
  GObject parent_instance;

  char              *id;
  char              *title;
  char              *area;
  char              *summary;
  char             **keywords;
  GPtrArray         *sections;   /* of SootheAdviceSection */
  char             **emergency;
  char             **urgent;
  SootheTherapyKind  therapy_kind;
  guint              therapy_minutes;
  char              *therapy_reason;
  char             **stretch_ids;
  GPtrArray         *sources;    /* of SootheSource */
  gboolean           pregnancy;
  guint              see_doctor_after_days;  /* 0: the bundle does not say */
};

SootheAdviceSection *soothe_advice_section_new  (void);
void                 soothe_advice_section_free (SootheAdviceSection *section);
SootheSource        *soothe_source_new          (void);
void                 soothe_source_free         (SootheSource        *source);

G_END_DECLS
