/* soothe-safety.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "soothe-safety.h"

/* Pregnancy content must never suggest these. Matched against case-folded
 * text, with the names the English, German and Spanish content would use. */
static const char * const nsaid_words[] = {
  "nsaid", "ibuprofen", "naproxen", "diclofenac", "diclofenaco", "aspirin", "celecoxib",
  "ketoprofen", "mefenamic", "indometacin", "indomethacin",
  "anti-inflammator", "antiinflammator", "anti inflammator",
  "nsar", "entzündungshemm", "antiinflamatori", "antirreumátic",
};

/* Lower-cases @text into @buffer when it is all ASCII, as g_utf8_casefold()
 * would: Unicode folds no ASCII character but A to Z, and those to a to z.
 * Returns FALSE, leaving @buffer unfinished, at the first non-ASCII byte. */
static gboolean
ascii_fold (const char *text,
            char       *buffer)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      if ((guchar) text[i] >= 0x80)
        return FALSE;
      buffer[i] = g_ascii_tolower (text[i]);
    }
  buffer[i] = '\0';
  return TRUE;
}

/**
 * soothe_text_mentions_nsaid:
 * @text: (nullable): bundle text
 *
 * Returns: (nullable): the NSAID word found in @text, or %NULL
 */
const char *
soothe_text_mentions_nsaid (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  /* Most text is ASCII, and the full fold cost a third of reading a bundle.
   * Other text keeps it: a long s (U+017F) folds to s, a Kelvin sign to k. */
  folded = g_malloc (strlen (text) + 1);
  if (!ascii_fold (text, folded))
    {
      g_free (folded);
      folded = g_utf8_casefold (text, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (nsaid_words); i++)
    {
      if (strstr (folded, nsaid_words[i]) != NULL)
        return nsaid_words[i];
    }
  return NULL;
}

/* Which safety lists were shown on the last day one was: the day as
 * YYYY-MM-DD in local time, then the therapies, e.g. "2026-11-25 cold heat".
 * Each list comes back on the first session of its kind each day. */
static gboolean
record_is_today (const char  *record,
                 const char  *today)
{
  gsize length = strlen (today);

  return record != NULL && strncmp (record, today, length) == 0 &&
         (record[length] == '\0' || record[length] == ' ');
}

/**
 * soothe_safety_seen_today:
 * @record: (nullable): what soothe_safety_record_seen() returned last
 * @now: the time now
 * @kind: the therapy about to start
 *
 * Returns: whether @kind's safety list was shown today
 */
gboolean
soothe_safety_seen_today (const char        *record,
                          GDateTime         *now,
                          SootheTherapyKind  kind)
{
  g_autofree char *today = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  today = g_date_time_format (now, "%Y-%m-%d");
  if (!record_is_today (record, today))
    return FALSE;
  words = g_strsplit (record + strlen (today), " ", -1);
  return g_strv_contains ((const char * const *) words, soothe_therapy_kind_to_string (kind));
}

/**
 * soothe_safety_record_seen:
 * @record: (nullable): the record so far
 * @now: the time now
 * @kind: the therapy whose safety list was shown
 *
 * Returns: (transfer full): the record with @kind's list shown today; the
 *   days before are forgotten
 */
char *
soothe_safety_record_seen (const char        *record,
                           GDateTime         *now,
                           SootheTherapyKind  kind)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  today = g_date_time_format (now, "%Y-%m-%d");
  if (soothe_safety_seen_today (record, now, kind))
    return g_strdup (record);
  if (!record_is_today (record, today))
    return g_strdup_printf ("%s %s", today, soothe_therapy_kind_to_string (kind));
  return g_strdup_printf ("%s %s", record, soothe_therapy_kind_to_string (kind));
}
