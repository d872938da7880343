/* test-safety.c: pregnancy content never names an NSAID, whatever its case
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-safety.h"

#define N_RANDOM_TEXTS 50000

static void
test_words (void)
{
  static const struct {
    const char *text;
    const char *word;
  } cases[] = {
    { "Take IBUPROFEN with food", "ibuprofen" },
    { "an Anti-Inflammatory gel", "anti-inflammator" },
    { "NSAIDs", "nsaid" },
    { "Rest and ice", NULL },
    { "", NULL },
    /* Not ASCII: folded in full. A long s folds to s, a Kelvin sign to k. */
    { "a\xC5\xBFpirin", "aspirin" },
    { "\xE2\x84\xAA" "etoprofen", "ketoprofen" },
    { "ENTZ\xC3\x9C" "NDUNGSHEMMEND", "entz\xC3\xBC" "ndungshemm" },
    { "Antirreum\xC3\x81tico", "antirreum\xC3\xA1tic" },
    { "Na\xC3\xAFve Naproxen", "naproxen" },
    { "caf\xC3\xA9 au lait", NULL },
  };

  g_assert_null (soothe_text_mentions_nsaid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (soothe_text_mentions_nsaid (cases[i].text), ==, cases[i].word);
}

/* ASCII text takes a shortcut, lower-cased byte by byte instead of folded.
 * Each random ASCII text is checked both ways: alone, and after "\u00E9 ",
 * which makes it non-ASCII and so takes the full fold. The prefix adds no
 * match (no word holds an \u00E9 or starts with a space) and, folded, stays
 * as it is; so the answers must be the same word, or both none. */
static void
test_ascii_shortcut_agrees (void)
{
  static const char * const fragments[] = {
    "nsaid", "ibuprofen", "naproxen", "diclofenac", "diclofenaco", "aspirin", "celecoxib",
    "ketoprofen", "mefenamic", "indometacin", "indomethacin", "anti-inflammator",
    "antiinflammator", "anti inflammator", "nsar", "entzundungshemm", "antiinflamatori",
    "antirreumatic", "anti", "inflam", "profen", "ibu", "-", " ", "s", "k",
  };
  guint n_found = 0;

  for (guint i = 0; i < N_RANDOM_TEXTS; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *prefixed = NULL;
      guint n_parts = g_test_rand_int_range (1, 6);
      const char *fast;

      for (guint p = 0; p < n_parts; p++)
        {
          if (g_test_rand_bit ())
            {
              const char *fragment = fragments[g_test_rand_int_range (0, G_N_ELEMENTS (fragments))];

              /* Any mix of cases, and now and then one byte changed. */
              for (const char *f = fragment; *f != '\0'; f++)
                g_string_append_c (text, g_test_rand_bit () ? g_ascii_toupper (*f) : *f);
              if (g_test_rand_int_range (0, 8) == 0)
                text->str[g_test_rand_int_range (0, text->len)] = g_test_rand_int_range (1, 0x80);
            }
          else
            {
              /* Every ASCII byte but NUL. */
              g_string_append_c (text, g_test_rand_int_range (1, 0x80));
            }
        }

      prefixed = g_strconcat ("\xC3\xA9 ", text->str, NULL);
      fast = soothe_text_mentions_nsaid (text->str);
      g_assert_cmpstr (fast, ==, soothe_text_mentions_nsaid (prefixed));
      n_found += fast != NULL;
    }

  /* Both answers came up often, so both were compared. */
  g_test_message ("%u of %u texts name an NSAID", n_found, N_RANDOM_TEXTS);
  g_assert_cmpuint (n_found, >, N_RANDOM_TEXTS / 10);
  g_assert_cmpuint (n_found, <, N_RANDOM_TEXTS - N_RANDOM_TEXTS / 10);
}

static void
test_safety_list_once_a_day_each (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) morning = g_date_time_new (zone, 2026, 3, 28, 8, 0, 0);
  g_autoptr(GDateTime) night = g_date_time_new (zone, 2026, 3, 28, 23, 59, 59);
  g_autoptr(GDateTime) tomorrow = g_date_time_new (zone, 2026, 3, 29, 0, 0, 1);
  g_autofree char *cold = NULL;
  g_autofree char *both = NULL;
  g_autofree char *again = NULL;
  g_autofree char *next_day = NULL;

  /* Nothing seen yet, or an old record: every list shows. */
  g_assert_false (soothe_safety_seen_today (NULL, morning, SOOTHE_THERAPY_COLD));
  g_assert_false (soothe_safety_seen_today ("", morning, SOOTHE_THERAPY_COLD));
  /* The record before lists had kinds says nothing about which was seen. */
  g_assert_false (soothe_safety_seen_today ("2026-03-28", morning, SOOTHE_THERAPY_COLD));
  g_assert_false (soothe_safety_seen_today ("2026-03-27 cold", morning, SOOTHE_THERAPY_COLD));

  /* Cold's list seen covers cold for the rest of the day, not heat. */
  cold = soothe_safety_record_seen (NULL, morning, SOOTHE_THERAPY_COLD);
  g_assert_cmpstr (cold, ==, "2026-03-28 cold");
  g_assert_true (soothe_safety_seen_today (cold, night, SOOTHE_THERAPY_COLD));
  g_assert_false (soothe_safety_seen_today (cold, night, SOOTHE_THERAPY_HEAT));
  g_assert_false (soothe_safety_seen_today (cold, night, SOOTHE_THERAPY_CONTRAST));

  both = soothe_safety_record_seen (cold, night, SOOTHE_THERAPY_HEAT);
  g_assert_cmpstr (both, ==, "2026-03-28 cold heat");
  g_assert_true (soothe_safety_seen_today (both, night, SOOTHE_THERAPY_HEAT));
  g_assert_true (soothe_safety_seen_today (both, night, SOOTHE_THERAPY_COLD));
  again = soothe_safety_record_seen (both, night, SOOTHE_THERAPY_COLD);
  g_assert_cmpstr (again, ==, both);

  /* A new day forgets the old one. */
  g_assert_false (soothe_safety_seen_today (both, tomorrow, SOOTHE_THERAPY_COLD));
  next_day = soothe_safety_record_seen (both, tomorrow, SOOTHE_THERAPY_CONTRAST);
  g_assert_cmpstr (next_day, ==, "2026-03-29 contrast");

  /* A damaged record is just not today. */
  g_assert_false (soothe_safety_seen_today ("2026-03-28cold", morning, SOOTHE_THERAPY_COLD));
  g_assert_false (soothe_safety_seen_today ("2026-03-28 coldheat", morning, SOOTHE_THERAPY_COLD));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/safety/words", test_words);
  g_test_add_func ("/soothe/safety/ascii-shortcut-agrees", test_ascii_shortcut_agrees);
  g_test_add_func ("/soothe/safety/list-once-a-day-each", test_safety_list_once_a_day_each);

  return g_test_run ();
}
