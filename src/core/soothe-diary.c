/* soothe-diary.c: what a person's pain entries say, day by day
 *
 * The diary is not a file of its own: pain entries are history events, so
 * they are kept the one way Soothe keeps its history (append-only, synced).
 * A day's entry is the last one logged that day, which is how "change
 * today's entry" works without rewriting the file.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-diary"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soothe-diary.h"
#include "soothe-state-file.h"

/* Entries further apart than this belong to different bouts of pain. */
#define EPISODE_GAP_DAYS 7

/**
 * soothe_diary_get_day_number:
 * @time: wall-clock µs
 *
 * Days, as GDate's Julian numbers, are how entries are grouped: a local day
 * is 23 or 25 hours long when the clocks change.
 *
 * Returns: the local day of @time, or 0 when it has none
 */
guint32
soothe_diary_get_day_number (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  GDate date;

  if (local == NULL)
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

static gboolean
has_stretch (SootheSituation *situation,
             const char      *stretch)
{
  const char * const *ids = soothe_situation_get_stretch_ids (situation);

  return stretch != NULL && ids != NULL && g_strv_contains (ids, stretch);
}

/**
 * soothe_diary_get_days:
 * @history: the history
 * @situation: the situation
 * @now: wall-clock µs, whose local day is the last one
 * @n_days: how many days, e.g. %SOOTHE_DIARY_DAYS
 *
 * Returns: (transfer full) (element-type SootheDiaryDay): @n_days days, the
 *   oldest first and the day of @now last; notes are valid until the
 *   history changes
 */
GArray *
soothe_diary_get_days (SootheHistory   *history,
                       SootheSituation *situation,
                       gint64           now,
                       guint            n_days)
{
  const char *id;
  GArray *days;
  guint32 today, first;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (SOOTHE_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (n_days > 0 && n_days <= 366, NULL);

  id = soothe_situation_get_id (situation);
  days = g_array_sized_new (FALSE, TRUE, sizeof (SootheDiaryDay), n_days);
  today = soothe_diary_get_day_number (now);
  if (today <= n_days)
    return days;
  first = today - n_days + 1;

  for (guint i = 0; i < n_days; i++)
    {
      SootheDiaryDay day = { .pain = SOOTHE_DIARY_NO_PAIN };

      g_date_clear (&day.date, 1);
      g_date_set_julian (&day.date, first + i);
      g_array_append_val (days, day);
    }

  /* Events are in the order they were recorded, so a later entry of a day
   * replaces an earlier one. */
  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);
      guint32 julian = soothe_diary_get_day_number (event->time);
      SootheDiaryDay *day;

      if (julian < first || julian > today)
        continue;
      day = &g_array_index (days, SootheDiaryDay, julian - first);

      switch (event->kind)
        {
        case SOOTHE_HISTORY_PAIN_LOGGED:
          if (g_strcmp0 (event->situation, id) == 0)
            {
              day->pain = event->level;
              day->note = event->note;
            }
          break;
        case SOOTHE_HISTORY_THERAPY_COMPLETED:
          if (g_strcmp0 (event->situation, id) == 0)
            day->therapy_minutes += event->minutes;
          break;
        case SOOTHE_HISTORY_STRETCH_DONE:
          if (has_stretch (situation, event->stretch))
            day->stretches++;
          break;
        case SOOTHE_HISTORY_STRETCH_SNOOZED:
        case SOOTHE_HISTORY_STRETCH_SKIPPED:
        default:
          break;
        }
    }

  return days;
}

/**
 * soothe_diary_list_situations:
 * @history: the history
 *
 * Returns: (transfer full): the ids of the situations with pain entries, the
 *   one logged most recently first
 */
char **
soothe_diary_list_situations (SootheHistory *history)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);

  for (guint i = soothe_history_get_n_events (history); i > 0; i--)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i - 1);

      if (event->kind != SOOTHE_HISTORY_PAIN_LOGGED ||
          !g_hash_table_add (seen, (gpointer) event->situation))
        continue;
      g_strv_builder_add (builder, event->situation);
    }

  return g_strv_builder_end (builder);
}

/**
 * soothe_diary_get_entry:
 * @history: the history
 * @situation_id: a situation id
 * @now: wall-clock µs
 * @level: (out) (optional): the level logged
 * @note: (out) (optional) (transfer none) (nullable): its note
 *
 * Looks up the entry for @situation_id on the local day of @now: the last
 * one logged, which replaces any before it.
 *
 * Returns: %TRUE when there is one
 */
gboolean
soothe_diary_get_entry (SootheHistory  *history,
                        const char     *situation_id,
                        gint64          now,
                        guint          *level,
                        const char    **note)
{
  guint32 today;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (situation_id != NULL, FALSE);

  today = soothe_diary_get_day_number (now);
  for (guint i = soothe_history_get_n_events (history); i > 0; i--)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i - 1);
      guint32 day;

      if (event->kind != SOOTHE_HISTORY_PAIN_LOGGED ||
          g_strcmp0 (event->situation, situation_id) != 0)
        continue;
      /* Only this situation's entries need their day worked out. */
      day = soothe_diary_get_day_number (event->time);
      if (day != today)
        continue;
      if (level != NULL)
        *level = event->level;
      if (note != NULL)
        *note = event->note;
      return TRUE;
    }

  return FALSE;
}

typedef struct
{
  guint32 julian;
  guint   level;
  guint   order;  /* position in the history, so the last of a day wins */
} Logged;

static int
logged_compare (gconstpointer a,
                gconstpointer b)
{
  const Logged *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* One level a day for @id, the days in order. */
static GArray *
logged_days (SootheHistory *history,
             const char    *id)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (Logged));
  guint kept = 0;

  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);
      Logged logged;

      /* Only this situation's entries need their day worked out. */
      if (event->kind != SOOTHE_HISTORY_PAIN_LOGGED || g_strcmp0 (event->situation, id) != 0)
        continue;
      logged = (Logged) { soothe_diary_get_day_number (event->time), event->level, i };
      if (logged.julian == 0)
        continue;
      g_array_append_val (days, logged);
    }

  /* A clock set back can put a later line on an earlier day. */
  g_array_sort (days, logged_compare);
  for (guint i = 0; i < days->len; i++)
    {
      if (kept > 0 &&
          g_array_index (days, Logged, kept - 1).julian == g_array_index (days, Logged, i).julian)
        kept--;
      g_array_index (days, Logged, kept++) = g_array_index (days, Logged, i);
    }
  g_array_set_size (days, kept);

  return days;
}

/**
 * soothe_diary_check:
 * @history: the history
 * @situation: the situation
 * @now: wall-clock µs
 * @out: (out caller-allocates): whether to suggest seeing someone, and why
 *
 * Applies the rules for suggesting a doctor, from the situation's entries:
 * - SEVERE: the last entry, logged today or yesterday, is
 *   %SOOTHE_DIARY_SEVERE_PAIN or more;
 * - RISING: pain went up on each of the last three days (four days in a
 *   row logged, each higher than the one before, the last today or
 *   yesterday);
 * - LASTING: the current bout of pain spans more days than the situation's
 *   see_doctor_after_days. A bout is the run of entries above 0 with no gap
 *   longer than a week, ending with an entry in the last week; an entry of
 *   0 ends it.
 * The first rule that applies is given.
 */
void
soothe_diary_check (SootheHistory     *history,
                    SootheSituation   *situation,
                    gint64             now,
                    SootheDiaryAdvice *out)
{
  g_autoptr(GArray) days = NULL;
  const Logged *last;
  guint32 today, start;
  guint limit;

  g_return_if_fail (SOOTHE_IS_HISTORY (history));
  g_return_if_fail (SOOTHE_IS_SITUATION (situation));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  today = soothe_diary_get_day_number (now);
  days = logged_days (history, soothe_situation_get_id (situation));
  if (days->len == 0 || today == 0)
    return;
  last = &g_array_index (days, Logged, days->len - 1);
  if (last->julian > today || today - last->julian > EPISODE_GAP_DAYS)
    return;

  if (today - last->julian <= 1 && last->level >= SOOTHE_DIARY_SEVERE_PAIN)
    {
      out->kind = SOOTHE_DIARY_ADVICE_SEVERE;
      out->level = last->level;
      return;
    }

  if (today - last->julian <= 1 && days->len >= 4)
    {
      gboolean rising = TRUE;

      for (guint i = days->len - 3; i < days->len && rising; i++)
        {
          const Logged *day = &g_array_index (days, Logged, i);
          const Logged *before = &g_array_index (days, Logged, i - 1);

          rising = day->julian == before->julian + 1 && day->level > before->level;
        }
      if (rising)
        {
          out->kind = SOOTHE_DIARY_ADVICE_RISING;
          return;
        }
    }

  limit = soothe_situation_get_see_doctor_after_days (situation);
  if (limit == 0 || last->level == 0)
    return;
  start = last->julian;
  for (guint i = days->len - 1; i > 0; i--)
    {
      const Logged *before = &g_array_index (days, Logged, i - 1);

      if (before->level == 0 || start - before->julian > EPISODE_GAP_DAYS)
        break;
      start = before->julian;
    }
  if (last->julian - start + 1 > limit)
    {
      out->kind = SOOTHE_DIARY_ADVICE_LASTING;
      out->days = last->julian - start + 1;
      out->limit = limit;
    }
}

/* "two weeks" reads better than "14 days" where it is exact. */
static char *
describe_duration (guint days)
{
  switch (days)
    {
    case 7:
      return g_strdup (_("a week"));
    case 14:
      return g_strdup (_("two weeks"));
    case 21:
      return g_strdup (_("three weeks"));
    case 28:
      return g_strdup (_("four weeks"));
    case 42:
      return g_strdup (_("six weeks"));
    default:
      return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
    }
}

/**
 * soothe_diary_describe_advice:
 * @advice: what soothe_diary_check() found
 *
 * Returns: (transfer full) (nullable): a calm sentence or two for the
 *   person, or %NULL for %SOOTHE_DIARY_ADVICE_NONE
 */
char *
soothe_diary_describe_advice (const SootheDiaryAdvice *advice)
{
  g_autofree char *limit = NULL;

  g_return_val_if_fail (advice != NULL, NULL);

  switch (advice->kind)
    {
    case SOOTHE_DIARY_ADVICE_SEVERE:
      return g_strdup_printf (_("You logged a pain of %u out of 10. Pain this strong is worth "
                                "a call to your doctor today. If any of the signs below fit, "
                                "get help now."),
                              advice->level);
    case SOOTHE_DIARY_ADVICE_RISING:
      return g_strdup (_("Your pain has gone up three days in a row. If it keeps getting worse, "
                         "contact your doctor."));
    case SOOTHE_DIARY_ADVICE_LASTING:
      limit = describe_duration (advice->limit);
      return g_strdup_printf (ngettext ("You have logged this pain for %u day. The advice is to "
                                        "contact your doctor when it lasts longer than %s.",
                                        "You have logged this pain for %u days. The advice is "
                                        "to contact your doctor when it lasts longer than %s.",
                                        advice->days),
                              advice->days, limit);
    case SOOTHE_DIARY_ADVICE_NONE:
    default:
      return NULL;
    }
}

/* "today", "yesterday", "on Monday" within the week, else "on 3 November". */
static char *
describe_when (const GDate *date,
               const GDate *today)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 ago = (gint64) g_date_get_julian (today) - g_date_get_julian (date);

  if (ago == 0)
    return g_strdup (_("today"));
  if (ago == 1)
    return g_strdup (_("yesterday"));

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  if (time == NULL)
    return g_strdup ("");
  /* Translators: a day within the last week, e.g. "on Monday"; see
   * g_date_time_format() for the codes. */
  return g_date_time_format (time, ago < 7 ? _("on %A") : _("on %-d %B"));
}

static double
average_pain (const GArray *days,
              guint         from,
              guint         to)
{
  double sum = 0;
  guint n = 0;

  for (guint i = from; i < to && i < days->len; i++)
    {
      const SootheDiaryDay *day = &g_array_index (days, SootheDiaryDay, i);

      if (day->pain == SOOTHE_DIARY_NO_PAIN)
        continue;
      sum += day->pain;
      n++;
    }

  return n > 0 ? sum / n : -1;
}

/**
 * soothe_diary_describe_days:
 * @situation: the situation
 * @days: (element-type SootheDiaryDay): from soothe_diary_get_days(), the
 *   last one today
 *
 * Says in words what the chart of @days shows, for screen readers and for
 * people who would rather read: the last two entries, how this week
 * compares with the one before, and the therapy and stretches done.
 *
 * Returns: (transfer full): e.g. "Knee pain: 6 on Monday, 4 today, lower
 *   than last week. 45 minutes of therapy and 3 stretches in 28 days."
 */
char *
soothe_diary_describe_days (SootheSituation *situation,
                            const GArray    *days)
{
  g_autoptr(GString) text = NULL;
  const SootheDiaryDay *latest = NULL, *previous = NULL;
  guint minutes = 0, stretches = 0;
  double this_week, last_week;

  g_return_val_if_fail (SOOTHE_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (days != NULL, NULL);

  text = g_string_new (soothe_situation_get_title (situation));
  g_string_append (text, ": ");
  if (days->len == 0)
    {
      g_string_append (text, _("nothing logged."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < days->len; i++)
    {
      const SootheDiaryDay *day = &g_array_index (days, SootheDiaryDay, i);

      minutes += day->therapy_minutes;
      stretches += day->stretches;
      if (day->pain == SOOTHE_DIARY_NO_PAIN)
        continue;
      previous = latest;
      latest = day;
    }

  if (latest == NULL)
    {
      g_string_append_printf (text, ngettext ("no pain logged in the last %u day.",
                                              "no pain logged in the last %u days.", days->len),
                              days->len);
    }
  else
    {
      const GDate *today = &g_array_index (days, SootheDiaryDay, days->len - 1).date;
      g_autofree char *latest_when = describe_when (&latest->date, today);

      if (previous != NULL)
        {
          g_autofree char *previous_when = describe_when (&previous->date, today);

          /* Translators: "6 on Monday", then "4 today" */
          g_string_append_printf (text, _("%d %s, %d %s"), previous->pain, previous_when,
                                  latest->pain, latest_when);
        }
      else
        {
          /* Translators: "4 today" */
          g_string_append_printf (text, _("%d %s"), latest->pain, latest_when);
        }

      this_week = average_pain (days, days->len >= 7 ? days->len - 7 : 0, days->len);
      last_week = days->len >= 14 ? average_pain (days, days->len - 14, days->len - 7) : -1;
      if (this_week >= 0 && last_week >= 0)
        {
          g_string_append (text, ", ");
          if (this_week <= last_week - 0.5)
            g_string_append (text, _("lower than last week"));
          else if (this_week >= last_week + 0.5)
            g_string_append (text, _("higher than last week"));
          else
            g_string_append (text, _("about the same as last week"));
        }
      g_string_append (text, ".");
    }

  if (minutes > 0 || stretches > 0)
    {
      g_autofree char *therapy = g_strdup_printf (ngettext ("%u minute of therapy",
                                                            "%u minutes of therapy", minutes),
                                                  minutes);
      g_autofree char *stretched = g_strdup_printf (ngettext ("%u stretch", "%u stretches",
                                                              stretches),
                                                    stretches);

      g_string_append_c (text, ' ');
      /* Translators: "45 minutes of therapy and 3 stretches in 28 days." */
      g_string_append_printf (text, ngettext ("%s and %s in %u day.", "%s and %s in %u days.",
                                              days->len),
                              therapy, stretched, days->len);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * soothe_diary_describe_day:
 * @day: one day from soothe_diary_get_days()
 * @now: wall-clock µs, for "today"
 *
 * Returns: (transfer full): what the chart shows for @day, e.g. "Monday 30
 *   November: pain 4 of 10, “after the walk”. 15 minutes of therapy, 2
 *   stretches."
 */
char *
soothe_diary_describe_day (const SootheDiaryDay *day,
                           gint64                now)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (&day->date), NULL);

  time = g_date_time_new_local (g_date_get_year (&day->date), g_date_get_month (&day->date),
                                g_date_get_day (&day->date), 12, 0, 0);
  /* Translators: a day in the Progress chart; see g_date_time_format(). */
  date = time != NULL ? g_date_time_format (time, _("%A %-d %B")) : g_strdup ("");
  if (g_date_get_julian (&day->date) == soothe_diary_get_day_number (now))
    /* Translators: "Today, Monday 30 November" */
    g_string_printf (text, _("Today, %s"), date);
  else
    g_string_assign (text, date);
  g_string_append (text, ": ");

  if (day->pain == SOOTHE_DIARY_NO_PAIN)
    g_string_append (text, _("no pain logged"));
  else
    g_string_append_printf (text, _("pain %d of 10"), day->pain);
  if (day->note != NULL)
    /* Translators: a note the person wrote, quoted */
    g_string_append_printf (text, _(", “%s”"), day->note);
  g_string_append (text, ".");

  if (day->therapy_minutes > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u minute of therapy.", "%u minutes of therapy.",
                                              day->therapy_minutes),
                              day->therapy_minutes);
    }
  if (day->stretches > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u stretch done.", "%u stretches done.",
                                              day->stretches),
                              day->stretches);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* CSV */

typedef struct
{
  guint32     julian;
  const char *situation;  /* "" for what belongs to no situation */
  int         pain;
  const char *note;
  guint       therapy_minutes;
  guint       stretches;
  guint       order;      /* of the pain entry */
} Row;

static int
row_compare (gconstpointer a,
             gconstpointer b)
{
  const Row *x = *(const Row **) a, *y = *(const Row **) b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  /* What belongs to no situation comes last in its day. */
  if ((*x->situation == '\0') != (*y->situation == '\0'))
    return *x->situation == '\0' ? 1 : -1;
  return strcmp (x->situation, y->situation);
}

static Row *
get_row (GHashTable *rows,
         guint32     julian,
         const char *situation)
{
  g_autofree char *key = g_strdup_printf ("%u/%s", julian, situation);
  Row *row = g_hash_table_lookup (rows, key);

  if (row == NULL)
    {
      row = g_new0 (Row, 1);
      *row = (Row) { julian, situation, SOOTHE_DIARY_NO_PAIN };
      g_hash_table_insert (rows, g_steal_pointer (&key), row);
    }
  return row;
}

/* A field as RFC 4180 has it, and a note a spreadsheet shows as text: one
 * that could start a formula (OWASP's list, also after spaces) gets a
 * leading apostrophe. */
static void
append_field (GString    *line,
              const char *field)
{
  const char *start = field + strspn (field, " ");
  gboolean formula = strchr ("=+-@\t\r", *start) != NULL && *start != '\0';
  gboolean quote = formula || strpbrk (field, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

/**
 * soothe_diary_to_csv:
 * @history: the history
 * @content: the content, for which stretches belong to which situation
 *
 * Writes the history as CSV (RFC 4180, CRLF line ends, UTF-8) with the
 * header `date,situation,pain,note,therapy_minutes,stretches`: one row for
 * each local day and situation with a pain entry or therapy, the days in
 * order. A day's stretches go to the rows of situations whose advice has
 * them; what belongs to none (or to a situation with no row that day) goes
 * to a row with no situation.
 *
 * Returns: (transfer full): the CSV text
 */
char *
soothe_diary_to_csv (SootheHistory *history,
                     SootheContent *content)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GString) csv = g_string_new ("date,situation,pain,note,therapy_minutes,stretches\r\n");
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);

  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);
      guint32 julian = soothe_diary_get_day_number (event->time);
      Row *row;

      if (julian == 0)
        continue;
      if (event->kind == SOOTHE_HISTORY_PAIN_LOGGED)
        {
          row = get_row (rows, julian, event->situation);
          row->pain = event->level;
          row->note = event->note;
        }
      else if (event->kind == SOOTHE_HISTORY_THERAPY_COMPLETED)
        {
          row = get_row (rows, julian, event->situation != NULL ? event->situation : "");
          row->therapy_minutes += event->minutes;
        }
    }

  /* Stretches go to the day's rows that have them, once each. */
  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i);
      guint32 julian;
      gboolean counted = FALSE;

      if (event->kind != SOOTHE_HISTORY_STRETCH_DONE)
        continue;
      julian = soothe_diary_get_day_number (event->time);
      if (julian == 0)
        continue;

      g_hash_table_iter_init (&iter, rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Row *row = value;
          SootheSituation *situation;

          if (row->julian != julian || *row->situation == '\0')
            continue;
          situation = soothe_content_lookup_situation (content, row->situation);
          if (situation != NULL && has_stretch (situation, event->stretch))
            {
              row->stretches++;
              counted = TRUE;
            }
        }
      if (!counted)
        get_row (rows, julian, "")->stretches++;
    }

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, row_compare);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Row *row = g_ptr_array_index (sorted, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row->julian);
      g_string_append_printf (csv, "%04u-%02u-%02u,", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
      append_field (csv, row->situation);
      g_string_append_c (csv, ',');
      if (row->pain != SOOTHE_DIARY_NO_PAIN)
        g_string_append_printf (csv, "%d", row->pain);
      g_string_append_c (csv, ',');
      append_field (csv, row->note != NULL ? row->note : "");
      g_string_append_printf (csv, ",%u,%u\r\n", row->therapy_minutes, row->stretches);
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/**
 * soothe_diary_export_csv:
 * @history: the history
 * @content: the content
 * @path: where to write, replacing what is there
 * @error: return location for an error
 *
 * Writes soothe_diary_to_csv() to @path atomically: the file is whole or
 * as it was. The folder must exist.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR, naming @path, when it
 *   could not be written
 */
gboolean
soothe_diary_export_csv (SootheHistory  *history,
                         SootheContent  *content,
                         const char     *path,
                         GError        **error)
{
  g_autofree char *csv = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An export goes where the person said, or nowhere: no folders made. */
  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: the folder %s does not exist"),
                   path, folder);
      return FALSE;
    }

  csv = soothe_diary_to_csv (history, content);
  return soothe_state_file_replace (path, csv, strlen (csv), error);
}

/**
 * soothe_diary_parse_level:
 * @text: what the person typed, e.g. "4"
 * @level: (out): the level
 * @error: return location for an error
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR (INVALID_ARGUMENT) when
 *   @text is not a whole number from 0 to 10
 */
gboolean
soothe_diary_parse_level (const char  *text,
                          guint       *level,
                          GError     **error)
{
  guint64 number = 0;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (level != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, SOOTHE_HISTORY_MAX_PAIN, &number, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (stripped, MIN (strlen (stripped), 40));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Pain is a whole number from 0 (none) to 10 (the worst), not “%s”"), shown);
      return FALSE;
    }

  *level = (guint) number;
  return TRUE;
}
