/* soothe-diary.h: what a person's pain entries say, day by day
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-content.h"
#include "soothe-history.h"

G_BEGIN_DECLS

/* The Progress view's span. */
#define SOOTHE_DIARY_DAYS 28

/* No pain logged that day. */
#define SOOTHE_DIARY_NO_PAIN (-1)

/* One local day of one situation. */
typedef struct {
  GDate       date;
  int         pain;             /* the day's last entry, or SOOTHE_DIARY_NO_PAIN */
  const char *note;             /* that entry's note, or NULL; borrowed from the history */
  guint       therapy_minutes;  /* sessions started for this situation */
  guint       stretches;        /* stretches done that this situation's advice has */
} SootheDiaryDay;

typedef enum {
  SOOTHE_DIARY_ADVICE_NONE,
  SOOTHE_DIARY_ADVICE_SEVERE,   /* the last entry, today or yesterday, is 8 or more */
  SOOTHE_DIARY_ADVICE_RISING,   /* up on each of the last three days */
  SOOTHE_DIARY_ADVICE_LASTING,  /* logged over more days than the advice allows */
} SootheDiaryAdviceKind;

/* A level this high or higher is a reason to speak to a doctor. */
#define SOOTHE_DIARY_SEVERE_PAIN 8

typedef struct {
  SootheDiaryAdviceKind kind;
  guint                 level;  /* SEVERE: the level logged */
  guint                 days;   /* LASTING: the days the entries span */
  guint                 limit;  /* LASTING: the situation's see_doctor_after_days */
} SootheDiaryAdvice;

guint32   soothe_diary_get_day_number    (gint64              time);
GArray   *soothe_diary_get_days          (SootheHistory      *history,
                                          SootheSituation    *situation,
                                          gint64              now,
                                          guint               n_days);
char    **soothe_diary_list_situations   (SootheHistory      *history);
gboolean  soothe_diary_get_entry         (SootheHistory      *history,
                                          const char         *situation_id,
                                          gint64              now,
                                          guint              *level,
                                          const char        **note);
void      soothe_diary_check             (SootheHistory      *history,
                                          SootheSituation    *situation,
                                          gint64              now,
                                          SootheDiaryAdvice  *out);
char     *soothe_diary_describe_advice   (const SootheDiaryAdvice *advice);
char     *soothe_diary_describe_days     (SootheSituation    *situation,
                                          const GArray       *days);
char     *soothe_diary_describe_day      (const SootheDiaryDay *day,
                                          gint64              now);
char     *soothe_diary_to_csv            (SootheHistory      *history,
                                          SootheContent      *content);
gboolean  soothe_diary_export_csv        (SootheHistory      *history,
                                          SootheContent      *content,
                                          const char         *path,
                                          GError            **error);
gboolean  soothe_diary_parse_level       (const char         *text,
                                          guint              *level,
                                          GError            **error);

G_END_DECLS
