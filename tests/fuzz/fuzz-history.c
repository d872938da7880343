/* fuzz-history.c: libFuzzer harness for the history file and the diary
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history is the person's record, appended to for years: whatever a
 * crash, a disk or an editor left there must load line by line, with every
 * bad line named and every good one kept, and everything the diary makes of
 * it (the days, the rules, the words, the CSV) must hold up: pain levels in
 * range, notes that are valid text, a CSV with one line per row.
 */

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "soothe-diary.h"

/* 2026-12-06 12:00 UTC */
#define NOW ((gint64) 1796558400 * G_USEC_PER_SEC)

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static SootheContent *content;
static char *directory;

static void
check_csv (const char *csv)
{
  gboolean quoted = FALSE;
  guint rows = 0;

  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_prefix (csv, "date,situation,pain,note,therapy_minutes,stretches\r\n"));
  /* Outside quotes, every line ends in CRLF; no field starts a formula. */
  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          quoted = !quoted;
          if (quoted)
            g_assert_true (strchr ("=+-@\t\r", p[1]) == NULL || p[1] == '\'');
        }
      else if (*p == '\n' && !quoted)
        {
          g_assert_true (p > csv && p[-1] == '\r');
          rows++;
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (rows, >=, 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(SootheHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GListModel *situations;

  if (content == NULL)
    {
      content = soothe_content_new_builtin_for ((const char * const[]) { "en", NULL });
      directory = g_dir_make_tmp ("soothe-fuzz-history-XXXXXX", NULL);
      g_assert_nonnull (directory);
    }

  path = g_build_filename (directory, "history.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  history = soothe_history_new (path);
  g_assert_true (soothe_history_load (history, &error));

  for (const char * const *problem = soothe_history_get_problems (history); *problem != NULL;
       problem++)
    {
      g_assert_true (g_utf8_validate (*problem, -1, NULL));
      g_assert_true (g_str_has_prefix (*problem, path));
      g_assert_null (strchr (*problem, '\n'));
    }

  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);

      if (event->kind != SOOTHE_HISTORY_PAIN_LOGGED)
        continue;
      g_assert_cmpuint (event->level, <=, SOOTHE_HISTORY_MAX_PAIN);
      g_assert_true (soothe_id_is_valid (event->situation));
      g_assert_true (event->note == NULL || soothe_history_check_note (event->note, NULL));
    }

  situations = soothe_content_get_situations (content);
  for (guint i = 0; i < g_list_model_get_n_items (situations); i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      g_autoptr(GArray) days = soothe_diary_get_days (history, situation, NOW, SOOTHE_DIARY_DAYS);
      g_autofree char *summary = soothe_diary_describe_days (situation, days);
      g_autofree char *advice = NULL;
      SootheDiaryAdvice check;

      g_assert_cmpuint (days->len, ==, SOOTHE_DIARY_DAYS);
      g_assert_true (g_utf8_validate (summary, -1, NULL));
      for (guint k = 0; k < days->len; k++)
        {
          const SootheDiaryDay *day = &g_array_index (days, SootheDiaryDay, k);
          g_autofree char *said = soothe_diary_describe_day (day, NOW);

          g_assert_cmpint (day->pain, >=, SOOTHE_DIARY_NO_PAIN);
          g_assert_cmpint (day->pain, <=, SOOTHE_HISTORY_MAX_PAIN);
          g_assert_true (g_utf8_validate (said, -1, NULL));
        }
      soothe_diary_check (history, situation, NOW, &check);
      advice = soothe_diary_describe_advice (&check);
      g_assert_true (advice == NULL || g_utf8_validate (advice, -1, NULL));
    }

  csv = soothe_diary_to_csv (history, content);
  check_csv (csv);

  g_unlink (path);
  return 0;
}
