/* soothe-history.h: the append-only record of stretches, therapy sessions and pain
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-situation.h"

G_BEGIN_DECLS

/* Lines longer than this are damage, not events. */
#define SOOTHE_HISTORY_MAX_LINE 4096

/* Decades of events; a larger file is kept aside, not read. */
#define SOOTHE_HISTORY_MAX_BYTES (16 * 1024 * 1024)

/* A pain level is 0 (none) to this. */
#define SOOTHE_HISTORY_MAX_PAIN 10

/* A note on a pain entry is a few words, not a journal. */
#define SOOTHE_HISTORY_MAX_NOTE 280

typedef enum {
  SOOTHE_HISTORY_STRETCH_DONE,
  SOOTHE_HISTORY_STRETCH_SNOOZED,
  SOOTHE_HISTORY_STRETCH_SKIPPED,
  SOOTHE_HISTORY_THERAPY_COMPLETED,
  SOOTHE_HISTORY_PAIN_LOGGED,
} SootheHistoryKind;

typedef struct {
  gint64             time;       /* wall µs */
  SootheHistoryKind  kind;
  const char        *stretch;    /* stretch id, for the stretch kinds */
  SootheTherapyKind  therapy;    /* cold, heat or contrast, for therapy-completed */
  guint              minutes;    /* for therapy-completed */
  const char        *situation;  /* situation id: pain-logged; therapy-completed, or NULL */
  guint              level;      /* 0 to SOOTHE_HISTORY_MAX_PAIN, for pain-logged */
  const char        *note;       /* for pain-logged, or NULL */
} SootheHistoryEvent;

/* What one local day holds. */
typedef struct {
  GDate date;
  guint stretches_done;
  guint stretches_snoozed;
  guint stretches_skipped;
  guint therapy_sessions;
  guint therapy_minutes;
} SootheHistoryDay;

#define SOOTHE_TYPE_HISTORY_KIND (soothe_history_kind_get_type ())

GType soothe_history_kind_get_type (void) G_GNUC_CONST;

#define SOOTHE_TYPE_HISTORY (soothe_history_get_type ())

G_DECLARE_FINAL_TYPE (SootheHistory, soothe_history, SOOTHE, HISTORY, GObject)

SootheHistory            *soothe_history_new              (const char               *path);
const char               *soothe_history_get_path         (SootheHistory            *self);
gboolean                  soothe_history_load             (SootheHistory            *self,
                                                           GError                  **error);
const char * const       *soothe_history_get_problems     (SootheHistory            *self);
gboolean                  soothe_history_append           (SootheHistory            *self,
                                                           const SootheHistoryEvent *event,
                                                           GError                  **error);
guint                     soothe_history_get_n_events     (SootheHistory            *self);
const SootheHistoryEvent *soothe_history_get_event        (SootheHistory            *self,
                                                           guint                     position);
void                      soothe_history_get_day          (SootheHistory            *self,
                                                           const GDate              *date,
                                                           SootheHistoryDay         *out);
GArray                   *soothe_history_get_last_days    (SootheHistory            *self,
                                                           gint64                    now,
                                                           guint                     n_days);

gboolean                  soothe_history_check_note       (const char               *note,
                                                           GError                  **error);

const char               *soothe_history_kind_to_string   (SootheHistoryKind         kind);
char                     *soothe_history_get_default_path (void);

G_END_DECLS
