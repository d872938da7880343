/* test-history.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "soothe-history.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)

#define DONE    SOOTHE_HISTORY_STRETCH_DONE
#define SNOOZED SOOTHE_HISTORY_STRETCH_SNOOZED
#define SKIPPED SOOTHE_HISTORY_STRETCH_SKIPPED

/* Lines start with the time; these are 2026-01-05 at 9:45, 10:32, 10:44,
 * 12:00, 13:00 and 14:00 in London. */
#define AT_0945 "{\"time\":1767606300000000,"
#define AT_1032 "{\"time\":1767609120000000,"
#define AT_1044 "{\"time\":1767609840000000,"
#define AT_1200 "{\"time\":1767614400000000,"
#define AT_1300 "{\"time\":1767618000000000,"
#define AT_1400 "{\"time\":1767621600000000,"

typedef struct {
  char          *directory;  /* a fresh temporary directory */
  char          *path;       /* directory/soothe/history.jsonl, not there yet */
  SootheHistory *history;
  guint          n_changed;
} Fixture;

/* Wall µs of a local time; the tests run in Europe/London. */
static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute,
            int second)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, second);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * SECOND;
}

static gint64
utc_time (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * SECOND;
}

static void
changed_cb (SootheHistory *history,
            Fixture       *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("soothe-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->directory, "soothe", "history.jsonl", NULL);
  f->history = soothe_history_new (f->path);
  g_signal_connect (f->history, "changed", G_CALLBACK (changed_cb), f);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_clear_pointer (&dir, g_dir_close);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  remove_tree (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

static void
write_file (Fixture    *f,
            const char *contents,
            gssize      length)
{
  g_autofree char *directory = g_path_get_dirname (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_file_set_contents (f->path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (f->path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
append_stretch (Fixture           *f,
                gint64             time,
                SootheHistoryKind  kind,
                const char        *stretch)
{
  g_autoptr(GError) error = NULL;
  SootheHistoryEvent event = { .time = time, .kind = kind, .stretch = stretch };

  g_assert_true (soothe_history_append (f->history, &event, &error));
  g_assert_no_error (error);
}

static void
append_therapy (Fixture           *f,
                gint64             time,
                SootheTherapyKind  therapy,
                guint              minutes)
{
  g_autoptr(GError) error = NULL;
  SootheHistoryEvent event = {
    .time = time, .kind = SOOTHE_HISTORY_THERAPY_COMPLETED, .therapy = therapy, .minutes = minutes,
  };

  g_assert_true (soothe_history_append (f->history, &event, &error));
  g_assert_no_error (error);
}

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soothe_history_load (f->history, &error));
  g_assert_no_error (error);
}

/* The events as "kind/stretch-or-therapy/minutes@seconds-since-9:00", to
 * compare in one go. */
static char *
describe_events (SootheHistory *history)
{
  GString *text = g_string_new (NULL);
  gint64 base = local_time (2026, 1, 5, 9, 0, 0);

  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);

      g_string_append_printf (text, "%s%s/", i > 0 ? " " : "",
                              soothe_history_kind_to_string (event->kind));
      if (event->kind == SOOTHE_HISTORY_THERAPY_COMPLETED)
        g_string_append_printf (text, "%s/%u", soothe_therapy_kind_to_string (event->therapy),
                                event->minutes);
      else
        g_string_append (text, event->stretch);
      g_string_append_printf (text, "@%" G_GINT64_FORMAT, (event->time - base) / SECOND);
    }

  return g_string_free (text, FALSE);
}

static char *
describe_problems (Fixture *f)
{
  const char * const *problems = soothe_history_get_problems (f->history);
  g_autofree char *joined = g_strjoinv ("\n", (char **) problems);
  g_autofree char *prefix = g_strconcat (f->path, ":", NULL);
  g_autoptr(GString) text = g_string_new (joined);

  /* Shorter to read with the temporary path taken out. */
  g_string_replace (text, prefix, "H:", 0);

  return g_strdup (text->str);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  SootheHistoryDay day;
  GDate date;

  g_assert_cmpstr (soothe_history_get_path (f->history), ==, f->path);
  load (f);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 0);
  g_assert_nonnull (soothe_history_get_problems (f->history));
  g_assert_null (soothe_history_get_problems (f->history)[0]);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2026);
  soothe_history_get_day (f->history, &date, &day);
  g_assert_cmpuint (day.stretches_done + day.stretches_snoozed + day.stretches_skipped, ==, 0);
  g_assert_cmpuint (day.therapy_minutes, ==, 0);
  g_assert_cmpint (g_date_compare (&day.date, &date), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SootheHistory) again = soothe_history_new (f->path);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf info;

  append_stretch (f, local_time (2026, 1, 5, 9, 45, 0), DONE, "cat-cow");
  append_stretch (f, local_time (2026, 1, 5, 10, 32, 0), SNOOZED, "childs-pose");
  append_stretch (f, local_time (2026, 1, 5, 10, 44, 0), SKIPPED, "childs-pose");
  append_therapy (f, local_time (2026, 1, 5, 12, 0, 0), SOOTHE_THERAPY_COLD, 15);
  append_therapy (f, local_time (2026, 1, 5, 13, 0, 0), SOOTHE_THERAPY_HEAT, 20);
  append_therapy (f, local_time (2026, 1, 5, 14, 0, 0), SOOTHE_THERAPY_CONTRAST, 0);
  g_assert_cmpuint (f->n_changed, ==, 6);

  /* The directory is made; the file is the person's alone. */
  g_assert_cmpint (g_stat (f->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  contents = read_file (f);
  g_assert_cmpstr (contents, ==,
                   AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n"
                   AT_1032 "\"kind\":\"stretch-snoozed\",\"stretch\":\"childs-pose\"}\n"
                   AT_1044 "\"kind\":\"stretch-skipped\",\"stretch\":\"childs-pose\"}\n"
                   AT_1200 "\"kind\":\"therapy-completed\",\"therapy\":\"cold\",\"minutes\":15}\n"
                   AT_1300 "\"kind\":\"therapy-completed\",\"therapy\":\"heat\",\"minutes\":20}\n"
                   AT_1400
                   "\"kind\":\"therapy-completed\",\"therapy\":\"contrast\",\"minutes\":0}\n");

  before = describe_events (f->history);
  g_assert_cmpstr (before, ==,
                   "stretch-done/cat-cow@2700 stretch-snoozed/childs-pose@5520 "
                   "stretch-skipped/childs-pose@6240 therapy-completed/cold/15@10800 "
                   "therapy-completed/heat/20@14400 therapy-completed/contrast/0@18000");

  g_assert_true (soothe_history_load (again, NULL));
  after = describe_events (again);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (soothe_history_get_problems (again)[0]);

  /* Loading again reads the same, not twice as much. */
  load (f);
  g_clear_pointer (&after, g_free);
  after = describe_events (f->history);
  g_assert_cmpstr (after, ==, before);
}

static void
test_damaged_lines (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) file = g_string_new (NULL);
  g_autofree char *long_line = g_strnfill (5000, 'x');
  g_autofree char *events = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *contents = NULL;

  g_string_append (file, AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n");
  g_string_append (file, "not json\n");
  g_string_append (file, "{\"time\":\"9:45\",\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n");
  g_string_append (file, AT_0945 "\"kind\":\"stretch-exploded\",\"stretch\":\"cat-cow\"}\n");
  g_string_append (file, "{\"time\":5,\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n");
  g_string_append_len (file, "{\"time\":17676\0\0\0\0\n", 18);
  g_string_append_printf (file, "%s\n", long_line);
  g_string_append (file, "[1,2]\n");
  g_string_append (file, AT_1200
                         "\"kind\":\"therapy-completed\",\"therapy\":\"cold\",\"minutes\":15}\n");
  g_string_append (file, "\n   \n");
  g_string_append (file, AT_0945 "\"kind\":\"stretch-done\"}\n");
  g_string_append (file, AT_0945
                         "\"kind\":\"therapy-completed\",\"therapy\":\"none\",\"minutes\":5}\n");
  g_string_append (file, AT_0945
                         "\"kind\":\"therapy-completed\",\"therapy\":\"heat\",\"minutes\":-1}\n");
  g_string_append (file, AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"Cat Cow\"}\n");
  g_string_append (file, AT_0945 "\"kind\":\"\xff\"}\n");
  g_string_append (file, AT_0945 "\"time\":1767606300000000,"
                         "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n");
  g_string_append (file, AT_1044 "\"kind\":\"stretch-skipped\",\"stretch\":\"childs-pose\","
                         "\"note\":\"later\"}\r\n");
  g_string_append (file, "{\"time\":176760630000");
  write_file (f, file->str, file->len);

  load (f);

  /* Every good line is kept... */
  events = describe_events (f->history);
  g_assert_cmpstr (events, ==,
                   "stretch-done/cat-cow@2700 therapy-completed/cold/15@10800 "
                   "stretch-skipped/childs-pose@6240");

  /* ...and every damaged one named, by its line. */
  problems = describe_problems (f);
  g_assert_cmpstr (problems, ==,
                   "H:2:1: expected a value, found \"not\"\n"
                   "H:3: $.time: expected an integer, found a string\n"
                   "H:4: $.kind: unknown kind \"stretch-exploded\"\n"
                   "H:5: $.time: 5 is not a plausible time\n"
                   "H:6: NUL bytes in the line\n"
                   "H:7: line too long (5000 bytes, at most 4096)\n"
                   "H:8: $: expected an object, found an array\n"
                   "H:12: $.stretch: missing member\n"
                   "H:13: $.therapy: unknown therapy \"none\"\n"
                   "H:14: $.minutes: -1 is out of range (0 to 1440)\n"
                   "H:15: $.stretch: \"Cat Cow\" is not a valid id\n"
                   "H:16:34: invalid UTF-8\n"
                   "H:17:26: duplicate member \"time\"\n"
                   "H:19: the last line was cut short (an interrupted write)");

  /* Reading never changes the file. */
  contents = read_file (f);
  g_assert_cmpstr (contents, ==, file->str);
}

static void
test_torn_line (Fixture       *f,
                gconstpointer  data)
{
  const char *good = AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n";
  const char *torn = AT_1032 "\"kind\":\"stretch-sn";
  const char *added = AT_1044 "\"kind\":\"stretch-done\",\"stretch\":\"childs-pose\"}\n";
  g_autofree char *start = g_strconcat (good, torn, NULL);
  g_autofree char *expected = g_strconcat (good, torn, "\n", added, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *events = NULL;
  g_autofree char *problems = NULL;

  write_file (f, start, -1);
  load (f);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 1);
  problems = describe_problems (f);
  g_assert_cmpstr (problems, ==, "H:2: the last line was cut short (an interrupted write)");

  /* The next line starts on a line of its own, never swallowed by the torn one. */
  append_stretch (f, local_time (2026, 1, 5, 10, 44, 0), DONE, "childs-pose");
  contents = read_file (f);
  g_assert_cmpstr (contents, ==, expected);

  load (f);
  events = describe_events (f->history);
  g_assert_cmpstr (events, ==, "stretch-done/cat-cow@2700 stretch-done/childs-pose@6240");
  g_clear_pointer (&problems, g_free);
  problems = describe_problems (f);
  g_assert_cmpstr (problems, ==, "H:2:44: unterminated string");
}

static void
test_unterminated_good_line (Fixture       *f,
                             gconstpointer  data)
{
  const char *good = AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}";
  const char *added = AT_1044 "\"kind\":\"stretch-done\",\"stretch\":\"childs-pose\"}\n";
  g_autofree char *expected = g_strconcat (good, "\n", added, NULL);
  g_autofree char *contents = NULL;

  /* A whole line without its newline is kept, and ended before the next. */
  write_file (f, good, -1);
  load (f);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 1);
  g_assert_null (soothe_history_get_problems (f->history)[0]);

  append_stretch (f, local_time (2026, 1, 5, 10, 44, 0), DONE, "childs-pose");
  contents = read_file (f);
  g_assert_cmpstr (contents, ==, expected);
  load (f);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 2);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SootheHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (f->directory, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "history.jsonl", NULL);
  SootheHistoryEvent event = {
    .time = local_time (2026, 1, 5, 9, 45, 0), .kind = DONE, .stretch = "cat-cow",
  };
  SootheHistoryDay day;
  GDate date;

  /* A regular file where the directory should be: no one can write there,
   * not even root. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  history = soothe_history_new (path);

  g_assert_false (soothe_history_append (history, &event, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, blocker));
  g_clear_error (&error);

  /* The event is kept in memory, and counted, even past a failed load. */
  g_assert_cmpuint (soothe_history_get_n_events (history), ==, 1);
  g_assert_false (soothe_history_load (history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);
  g_assert_cmpuint (soothe_history_get_n_events (history), ==, 1);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2026);
  soothe_history_get_day (history, &date, &day);
  g_assert_cmpuint (day.stretches_done, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A directory where the file should be. */
  g_assert_cmpint (g_mkdir_with_parents (f->path, 0700), ==, 0);
  g_assert_false (soothe_history_load (f->history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (soothe_history_append (f->history, &event, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 1);

  /* A directory without write permission, where permissions apply. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->directory, "locked", NULL);
      g_autofree char *locked_path = g_build_filename (locked, "history.jsonl", NULL);
      g_autoptr(SootheHistory) locked_history = soothe_history_new (locked_path);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_assert_false (soothe_history_append (locked_history, &event, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpuint (soothe_history_get_n_events (locked_history), ==, 1);
    }
}

static void
test_unsaved_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *events = NULL;
  g_autoptr(GError) error = NULL;
  SootheHistoryEvent event = {
    .time = local_time (2026, 1, 5, 11, 0, 0), .kind = SKIPPED, .stretch = "chin-tuck",
  };

  /* Written while the file could not be, then loaded once it can. */
  g_assert_cmpint (g_mkdir_with_parents (f->path, 0700), ==, 0);
  g_assert_false (soothe_history_append (f->history, &event, &error));
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (f->path), ==, 0);
  write_file (f, AT_0945 "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n", -1);

  load (f);
  events = describe_events (f->history);
  g_assert_cmpstr (events, ==, "stretch-done/cat-cow@2700 stretch-skipped/chin-tuck@7200");
}

static void
test_day_summaries (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) none = NULL;
  SootheHistoryDay day;
  GDate date;

  append_stretch (f, local_time (2026, 1, 4, 23, 59, 59), DONE, "cat-cow");
  append_stretch (f, local_time (2026, 1, 5, 0, 0, 0), DONE, "cat-cow");
  append_stretch (f, local_time (2026, 1, 5, 9, 45, 0), DONE, "childs-pose");
  append_stretch (f, local_time (2026, 1, 5, 10, 32, 0), SNOOZED, "knee-bends");
  append_stretch (f, local_time (2026, 1, 5, 10, 44, 0), DONE, "knee-bends");
  append_stretch (f, local_time (2026, 1, 5, 11, 31, 0), SKIPPED, "chin-tuck");
  append_therapy (f, local_time (2026, 1, 5, 12, 0, 0), SOOTHE_THERAPY_HEAT, 20);
  append_therapy (f, local_time (2026, 1, 5, 18, 0, 0), SOOTHE_THERAPY_COLD, 10);
  append_stretch (f, local_time (2026, 1, 5, 23, 59, 59), SKIPPED, "cat-cow");
  append_therapy (f, local_time (2026, 1, 6, 0, 0, 0), SOOTHE_THERAPY_CONTRAST, 12);
  append_stretch (f, local_time (2026, 1, 7, 9, 0, 0), DONE, "cat-cow");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2026);
  soothe_history_get_day (f->history, &date, &day);
  g_assert_cmpint (g_date_compare (&day.date, &date), ==, 0);
  g_assert_cmpuint (day.stretches_done, ==, 3);
  g_assert_cmpuint (day.stretches_snoozed, ==, 1);
  g_assert_cmpuint (day.stretches_skipped, ==, 2);
  g_assert_cmpuint (day.therapy_sessions, ==, 2);
  g_assert_cmpuint (day.therapy_minutes, ==, 30);

  /* The last seven days up to the 7th, the oldest first. */
  days = soothe_history_get_last_days (f->history, local_time (2026, 1, 7, 12, 0, 0), 7);
  g_assert_cmpuint (days->len, ==, 7);
  for (guint i = 0; i < days->len; i++)
    {
      SootheHistoryDay *d = &g_array_index (days, SootheHistoryDay, i);
      static const guint done[] = { 0, 0, 0, 1, 3, 0, 1 };
      static const guint minutes[] = { 0, 0, 0, 0, 30, 12, 0 };

      g_assert_cmpuint (g_date_get_day (&d->date), ==, i + 1);
      g_assert_cmpuint (g_date_get_month (&d->date), ==, 1);
      g_assert_cmpuint (g_date_get_year (&d->date), ==, 2026);
      g_assert_cmpuint (d->stretches_done, ==, done[i]);
      g_assert_cmpuint (d->therapy_minutes, ==, minutes[i]);
    }

  none = soothe_history_get_last_days (f->history, local_time (2026, 1, 7, 12, 0, 0), 0);
  g_assert_cmpuint (none->len, ==, 0);

  /* Loaded back, the summaries are the same. */
  load (f);
  soothe_history_get_day (f->history, &date, &day);
  g_assert_cmpuint (day.stretches_done, ==, 3);
  g_assert_cmpuint (day.therapy_minutes, ==, 30);
}

static SootheHistoryDay
day_of (Fixture *f,
        int      year,
        int      month,
        int      day_of_month)
{
  SootheHistoryDay day;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  soothe_history_get_day (f->history, &date, &day);

  return day;
}

/* London's 23-hour and 25-hour days. */
static void
test_dst_days (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;

  append_stretch (f, utc_time (2026, 3, 28, 23, 59), DONE, "cat-cow");
  append_stretch (f, utc_time (2026, 3, 29, 0, 30), DONE, "cat-cow");
  append_stretch (f, utc_time (2026, 3, 29, 22, 59), DONE, "cat-cow");
  append_stretch (f, utc_time (2026, 3, 29, 23, 0), DONE, "cat-cow");

  g_assert_cmpuint (day_of (f, 2026, 3, 28).stretches_done, ==, 1);
  g_assert_cmpuint (day_of (f, 2026, 3, 29).stretches_done, ==, 2);
  g_assert_cmpuint (day_of (f, 2026, 3, 30).stretches_done, ==, 1);

  days = soothe_history_get_last_days (f->history, utc_time (2026, 3, 30, 12, 0), 3);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpuint (g_array_index (days, SootheHistoryDay, 0).stretches_done, ==, 1);
  g_assert_cmpuint (g_array_index (days, SootheHistoryDay, 1).stretches_done, ==, 2);
  g_assert_cmpuint (g_array_index (days, SootheHistoryDay, 2).stretches_done, ==, 1);
  g_assert_cmpuint (g_date_get_day (&g_array_index (days, SootheHistoryDay, 1).date), ==, 29);

  append_therapy (f, utc_time (2026, 10, 24, 22, 59), SOOTHE_THERAPY_HEAT, 1);
  append_therapy (f, utc_time (2026, 10, 24, 23, 0), SOOTHE_THERAPY_HEAT, 2);
  append_therapy (f, utc_time (2026, 10, 25, 23, 59), SOOTHE_THERAPY_HEAT, 4);
  append_therapy (f, utc_time (2026, 10, 26, 0, 0), SOOTHE_THERAPY_HEAT, 8);

  g_assert_cmpuint (day_of (f, 2026, 10, 24).therapy_minutes, ==, 1);
  g_assert_cmpuint (day_of (f, 2026, 10, 25).therapy_minutes, ==, 6);
  g_assert_cmpuint (day_of (f, 2026, 10, 26).therapy_minutes, ==, 8);
}

static void
test_many_lines (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GArray) days = NULL;
  gint64 start = local_time (2026, 1, 1, 9, 0, 0);
  guint total = 0;
  gint64 before;
  gdouble seconds;

  /* 10,000 events, ten minutes apart: about 69 days of them. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (file,
                            "{\"time\":%" G_GINT64_FORMAT ","
                            "\"kind\":\"stretch-done\",\"stretch\":\"cat-cow\"}\n",
                            start + i * 10 * MINUTE);
  write_file (f, file->str, file->len);

  before = g_get_monotonic_time ();
  load (f);
  seconds = (g_get_monotonic_time () - before) / (gdouble) SECOND;
  g_test_message ("loaded 10,000 lines in %.3f s", seconds);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 10000);
  g_assert_null (soothe_history_get_problems (f->history)[0]);

  days = soothe_history_get_last_days (f->history, start + 9999 * 10 * MINUTE, 100);
  g_assert_cmpuint (days->len, ==, 100);
  for (guint i = 0; i < days->len; i++)
    total += g_array_index (days, SootheHistoryDay, i).stretches_done;
  g_assert_cmpuint (total, ==, 10000);
  /* 9:00 to midnight on the first day. */
  g_assert_cmpuint (day_of (f, 2026, 1, 1).stretches_done, ==, 90);
  g_assert_cmpuint (day_of (f, 2026, 1, 2).stretches_done, ==, 144);

  append_stretch (f, start + 10000 * 10 * MINUTE, DONE, "cat-cow");
  load (f);
  g_assert_cmpuint (soothe_history_get_n_events (f->history), ==, 10001);
}

static void
test_many_problems (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) file = g_string_new (NULL);
  const char * const *problems;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (file, "{}\n");
  write_file (f, file->str, file->len);
  load (f);

  /* A badly damaged file is summed up, not listed in full. */
  problems = soothe_history_get_problems (f->history);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 51);
  g_assert_true (g_str_has_suffix (problems[49], ":50: $.time: missing member"));
  last = g_strconcat (f->path, ": 10 more damaged lines", NULL);
  g_assert_cmpstr (problems[50], ==, last);
}

int
main (int   argc,
      char *argv[])
{
  /* Before any GDateTime: local days and midnights are London's. */
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/soothe/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("missing", test_missing);
  ADD ("round-trip", test_round_trip);
  ADD ("damaged-lines", test_damaged_lines);
  ADD ("torn-line", test_torn_line);
  ADD ("unterminated-good-line", test_unterminated_good_line);
  ADD ("read-only", test_read_only);
  ADD ("unsaved-kept", test_unsaved_kept);
  ADD ("day-summaries", test_day_summaries);
  ADD ("dst-days", test_dst_days);
  ADD ("many-lines", test_many_lines);
  ADD ("many-problems", test_many_problems);

#undef ADD

  return g_test_run ();
}
