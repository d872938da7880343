/* test-search-index.c
 *
 * Copyright 2026 The Soothe authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "soothe-search-index.h"

#define NO_HIT G_MAXUINT

static const char * const everyday_stopwords[] = {
  "a", "after", "and", "at", "from", "i", "in", "is", "it", "my", "of", "the", "to", "when",
  NULL
};

static void
add_document (SootheSearchIndex *index,
              guint              document,
              const char        *title,
              const char        *keywords,
              const char        *summary,
              const char        *body)
{
  if (title != NULL)
    soothe_search_index_add (index, document, SOOTHE_SEARCH_FIELD_TITLE, title);
  if (keywords != NULL)
    soothe_search_index_add (index, document, SOOTHE_SEARCH_FIELD_KEYWORDS, keywords);
  if (summary != NULL)
    soothe_search_index_add (index, document, SOOTHE_SEARCH_FIELD_SUMMARY, summary);
  if (body != NULL)
    soothe_search_index_add (index, document, SOOTHE_SEARCH_FIELD_BODY, body);
}

static void
assert_sorted (GArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);

      g_assert_cmpfloat (hit->score, >, 0);

      if (i > 0)
        {
          const SootheSearchHit *previous = &g_array_index (hits, SootheSearchHit, i - 1);

          g_assert_cmpfloat (previous->score, >=, hit->score);
          if (previous->score == hit->score)
            g_assert_cmpuint (previous->document, <, hit->document);
        }
    }
}

static GArray *
run_query (SootheSearchIndex *index,
           const char        *query)
{
  GArray *hits = soothe_search_index_query (index, query);

  g_assert_nonnull (hits);
  g_assert_cmpuint (g_array_get_element_size (hits), ==, sizeof (SootheSearchHit));
  assert_sorted (hits);

  return hits;
}

/* The documents hit, best first, as "2,0,1" for readable failures. */
static char *
hit_list (SootheSearchIndex *index,
          const char        *query)
{
  g_autoptr(GArray) hits = run_query (index, query);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? "," : "",
                            g_array_index (hits, SootheSearchHit, i).document);

  return g_string_free (list, FALSE);
}

static void
assert_hits (SootheSearchIndex *index,
             const char        *query,
             const char        *expected)
{
  g_autofree char *list = hit_list (index, query);
  g_autofree char *shown = g_utf8_make_valid (query, -1);

  g_test_message ("query \"%s\" -> %s", shown, list);
  g_assert_cmpstr (list, ==, expected);
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  const SootheSearchHit *hit_a = a;
  const SootheSearchHit *hit_b = b;

  return hit_a->document < hit_b->document ? -1 : hit_a->document > hit_b->document;
}

/* Passage ranking leaves its hits in no order: these are by document. */
static void
assert_documents (SootheSearchIndex *index,
                  const char        *query,
                  const char        *expected)
{
  g_autoptr(GArray) hits = soothe_search_index_query (index, query);
  g_autoptr(GString) list = g_string_new (NULL);

  g_array_sort (hits, compare_documents);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? "," : "", g_array_index (hits, SootheSearchHit, i).document);
  g_test_message ("query \"%s\" -> %s", query, list->str);
  g_assert_cmpstr (list->str, ==, expected);
}

static guint
first_hit (SootheSearchIndex *index,
           const char        *query)
{
  g_autoptr(GArray) hits = run_query (index, query);

  return hits->len > 0 ? g_array_index (hits, SootheSearchHit, 0).document : NO_HIT;
}

/* The score of @document for @query, or -1 when it is not a hit. */
static double
score_of (SootheSearchIndex *index,
          const char        *query,
          guint              document)
{
  g_autoptr(GArray) hits = run_query (index, query);

  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, SootheSearchHit, i).document == document)
      return g_array_index (hits, SootheSearchHit, i).score;

  return -1;
}

static void
test_folding (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);

  add_document (index, 0, "Épaule douloureuse", NULL, NULL, NULL);
  add_document (index, 1, "NECK Pain", NULL, NULL, NULL);
  add_document (index, 2, NULL, NULL, NULL, "Die Straße war lang");
  add_document (index, 3, "Epaule", NULL, NULL, NULL);
  add_document (index, 4, NULL, NULL, "Ωμέγα", NULL);

  assert_hits (index, "epaule ", "0,3");
  assert_hits (index, "ÉPAULE ", "0,3");
  assert_hits (index, "épaule", "0,3");
  assert_hits (index, "Épaule douloureuse", "0,3");
  assert_hits (index, "neck ", "1");
  assert_hits (index, "PAIN", "1");
  assert_hits (index, "nEcK pAiN ", "1");
  assert_hits (index, "strasse ", "2");
  assert_hits (index, "STRASSE ", "2");
  assert_hits (index, "ωμέγα ", "4");

  /* Same stem, same field: accents cost nothing. */
  g_assert_cmpfloat (score_of (index, "épaule ", 0), ==, score_of (index, "epaule ", 0));
  g_assert_cmpfloat (score_of (index, "epaule ", 0), ==, 12.5);
}

static void
test_stop_words (void)
{
  const char * const stopwords[] = { "my", "The", "été", "in the", NULL };
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (stopwords);

  add_document (index, 0, "My back", NULL, NULL, NULL);
  add_document (index, 1, "The neck", NULL, NULL, NULL);
  add_document (index, 2, "Myalgia", NULL, NULL, NULL);
  add_document (index, 3, "Été chaud", NULL, NULL, NULL);
  add_document (index, 4, "Pain in knees", NULL, NULL, NULL);

  assert_hits (index, "my ", "");
  assert_hits (index, "MY", "");
  assert_hits (index, "the ", "");
  assert_hits (index, "ete ", "");
  assert_hits (index, "été", "");
  assert_hits (index, "in", "");

  /* Stop words count for nothing, so "back" alone earns the full bonus. */
  assert_hits (index, "my back ", "0");
  g_assert_cmpfloat (score_of (index, "my back ", 0), ==, 12.5);
  g_assert_cmpfloat (score_of (index, "back ", 0), ==, 12.5);
  assert_hits (index, "the neck ", "1");
  assert_hits (index, "chaud ", "3");
  assert_hits (index, "pain in knees", "4");
  g_assert_cmpfloat (score_of (index, "pain in knees", 4), ==, 25);

  /* One-letter words are dropped too. */
  assert_hits (index, "x", "");
  assert_hits (index, "x back ", "0");
  g_assert_cmpfloat (score_of (index, "x back ", 0), ==, 12.5);
}

static void
test_stemming (void)
{
  const struct {
    const char *words[4];
  } families[] = {
    { { "cough", "coughing", "coughs", "coughed" } },
    { { "blade", "blades", NULL } },
    { { "hurt", "hurts", NULL } },
    { { "ache", "aches", "aching", "ached" } },
    { { "knee", "knees", NULL } },
    { { "leg", "legs", NULL } },
    { { "toe", "toes", NULL } },
    { { "glass", "glasses", NULL } },
    { { "bleed", "bleeding", NULL } },
    { { "stop", "stopped", "stopping", NULL } },
    { { "injury", "injuries", NULL } },
    { { "worry", "worries", "worrying", NULL } },
    { { "tingle", "tingling", NULL } },
    { { "stress", "stresses", NULL } },
  };

  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);
      guint n = 0;

      while (n < G_N_ELEMENTS (families[f].words) && families[f].words[n] != NULL)
        {
          add_document (index, n, families[f].words[n], NULL, NULL, NULL);
          n++;
        }

      /* An unrelated document, so "everything matches" is not an accident. */
      add_document (index, n, "elbow", NULL, NULL, NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *query = g_strconcat (families[f].words[i], " ", NULL);
          g_autoptr(GArray) hits = run_query (index, query);

          g_test_message ("query \"%s\": %u hits", query, hits->len);
          g_assert_cmpuint (hits->len, ==, n);

          /* Every form is the same stem: exact matches, equal scores. */
          for (guint j = 0; j < hits->len; j++)
            {
              const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, j);

              g_assert_cmpuint (hit->document, ==, j);
              g_assert_cmpfloat (hit->score, ==, 12.5);
            }
        }
    }

  /* Stripping never leaves fewer than three letters, or a stem without a vowel. */
  {
    g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);

    add_document (index, 0, "thing", NULL, NULL, NULL);
    add_document (index, 1, "string", NULL, NULL, NULL);
    add_document (index, 2, "bus", NULL, NULL, NULL);
    add_document (index, 3, "sinus", NULL, NULL, NULL);

    assert_hits (index, "th ", "");
    assert_hits (index, "str ", "");
    assert_hits (index, "thing ", "0");
    assert_hits (index, "string ", "1");
    assert_hits (index, "bus ", "2");
    assert_hits (index, "sinus ", "3");
  }
}

static void
test_prefix_while_typing (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (everyday_stopwords);

  add_document (index, 0, "Shoulder pain", NULL, NULL, NULL);
  add_document (index, 1, "Neck stiffness", NULL, NULL, NULL);
  add_document (index, 2, "Coughing fits", NULL, NULL, NULL);
  add_document (index, 3, "Back", NULL, NULL, NULL);

  /* Still typing: the last word is a prefix, whatever its length. */
  assert_hits (index, "shoul", "0");
  assert_hits (index, "sh", "0");
  assert_hits (index, "ne", "1");
  assert_hits (index, "ba", "3");
  g_assert_cmpfloat (score_of (index, "shoul", 0), ==, 8.75);

  /* A finished word shorter than four letters matches only itself. */
  assert_hits (index, "sh ", "");
  assert_hits (index, "ne?", "");
  assert_hits (index, "bac ", "");
  assert_hits (index, "back ", "3");

  /* From four letters on, a finished word still finds longer words. */
  assert_hits (index, "shoul ", "0");
  assert_hits (index, "stif ", "1");

  /* Only the last word is the one being typed. */
  assert_hits (index, "ne back ", "3");
  assert_hits (index, "back ne", "3,1");
  g_assert_cmpfloat (score_of (index, "neck pa", 1), ==, 10);
  g_assert_cmpfloat (score_of (index, "shoulder pa", 0), ==, (10 + 7) * 1.25);

  /* Halfway through a suffix is still on the way to the same word. */
  assert_hits (index, "cough", "2");
  assert_hits (index, "coughi", "2");
  assert_hits (index, "coughin", "2");
  assert_hits (index, "coughing", "2");
  g_assert_cmpfloat (score_of (index, "coughin", 2), ==, 8.75);
  g_assert_cmpfloat (score_of (index, "coughing", 2), ==, 10 * 1.25);
}

/* A word being typed that the index already has is that word: "blade" is
 * not yet "bladder". One it does not have is on its way to a longer one. */
static void
test_whole_word_while_typing (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new_full (everyday_stopwords, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                     SOOTHE_STEMMER_ENGLISH);

  add_document (index, 0, "Shoulder blade squeeze", NULL, NULL, NULL);
  add_document (index, 1, "Losing control of your bladder", NULL, NULL, NULL);

  assert_hits (index, "shoulder blade", "0");
  assert_hits (index, "blade", "0");
  assert_hits (index, "bla", "0,1");
  assert_hits (index, "bladd", "1");
  assert_hits (index, "squee", "0");
}

/* A small number is a quantity, not a subject; an emergency number is one. */
static void
test_quantities (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new_full (everyday_stopwords, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                     SOOTHE_STEMMER_ENGLISH);

  add_document (index, 0, "Move every 30 minutes", NULL, NULL, NULL);
  add_document (index, 1, "Call 999 or 112", NULL, NULL, NULL);
  add_document (index, 2, "Pregnant", NULL, NULL, NULL);

  assert_hits (index, "30 ", "");
  assert_hits (index, "30 weeks pregnant ", "2");
  assert_hits (index, "7 ", "");
  assert_hits (index, "999 ", "1");
}

static void
test_title_over_body (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);

  add_document (index, 0, "Everyday aches", NULL, NULL, "The knee, the knee and the knee again.");
  add_document (index, 1, "Knee", NULL, NULL, NULL);
  add_document (index, 2, "Joints", NULL, "Mostly about the knee.", NULL);
  add_document (index, 3, "Running", "knee, hip", NULL, NULL);
  add_document (index, 4, "Wrist", NULL, NULL, NULL);

  assert_hits (index, "knee ", "1,3,2,0");
  g_assert_cmpfloat (score_of (index, "knee ", 1), ==, 12.5);
  g_assert_cmpfloat (score_of (index, "knee ", 3), ==, 10);
  g_assert_cmpfloat (score_of (index, "knee ", 2), ==, 3.75);
  g_assert_cmpfloat (score_of (index, "knee ", 0), ==, 1.25);

  /* A document counts the best field a word appears in, not all of them. */
  add_document (index, 5, "Knee", "knee", "knee", "knee");
  g_assert_cmpfloat (score_of (index, "knee ", 5), ==, 12.5);
  assert_hits (index, "knee ", "1,5,3,2,0");

  /* Every word matched earns a quarter more. */
  g_assert_cmpfloat (score_of (index, "knee hip ", 3), ==, (8 + 8) * 1.25);
  g_assert_cmpfloat (score_of (index, "knee hip ", 1), ==, 10);
}

static void
test_shoulder_blades (void)
{
  const char * const stopwords[] = { "my", NULL };
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (stopwords);

  add_document (index, 0, "Shoulder pain", "shoulder, rotator cuff",
                "Pain at the front or side of the shoulder.",
                "It can feel like a burning or a dull ache when you lift your arm.");
  add_document (index, 1, "Burning pain in the upper back", "shoulder blades, upper back",
                "A hot, burning feeling around the shoulder blades.",
                "Often from long hours at a desk.");
  add_document (index, 2, "Sore feet", NULL, "After a long walk.", NULL);

  g_assert_cmpuint (first_hit (index, "burning between my shoulder blades"), ==, 1);
  g_assert_cmpuint (first_hit (index, "burning between my shoulder blades?"), ==, 1);
  g_assert_cmpuint (first_hit (index, "Burning between my shoulder blades "), ==, 1);
  assert_hits (index, "burning between my shoulder blades", "1,0");
}

static void
test_back_hurts_when_cough (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (everyday_stopwords);

  add_document (index, 0, "Lower back pain", "lumbago, lower back",
                "A dull ache low in the back that hurts when you bend.",
                "Keep moving gently; rest in bed makes it worse.");
  add_document (index, 1, "Back stiffness in the morning", "stiff back",
                "Stiff when you get up, easing as you move.",
                "It often hurts when getting out of bed.");
  add_document (index, 2, "Upper back pain from coughing", "chest, ribs, cough",
                "A strained muscle between the ribs after a cold.",
                "It hurts to breathe deeply. Each cough pulls on the same muscles.");
  add_document (index, 3, "Back spasms after lifting", "lifting, back, spasm",
                "A sudden grip of the back muscles.",
                "It hurts most when you twist.");
  add_document (index, 4, "Sore throat", NULL, NULL, "With a dry cough.");

  g_assert_cmpuint (first_hit (index, "back hurts when I cough"), ==, 2);
  g_assert_cmpuint (first_hit (index, "back hurts when I cough "), ==, 2);
  g_assert_cmpuint (first_hit (index, "Back hurts when I cough?"), ==, 2);
  assert_hits (index, "back hurts when I cough", "2,0,1,3,4");
}

static void
test_empty_queries (void)
{
  const char * const queries[] = {
    "", " ", "   \t\n", "?!", "...,;", "-", "😀", "😀 🙂 ",
    "my", "my the ", "THE MY when", "I", "a b c",
  };
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (everyday_stopwords);

  add_document (index, 0, "My back hurts", "the, a, i", NULL, "When it is cold");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) hits = run_query (index, queries[i]);

      g_assert_cmpuint (hits->len, ==, 0);
    }

  /* Nothing indexed yet. */
  {
    g_autoptr(SootheSearchIndex) empty = soothe_search_index_new (NULL);

    assert_hits (empty, "back", "");
    assert_hits (empty, "", "");
    g_assert_cmpuint (soothe_search_index_get_n_documents (empty), ==, 0);
  }
}

static void
test_n_documents (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);

  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 0);
  soothe_search_index_add (index, 4, SOOTHE_SEARCH_FIELD_BODY, "");
  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 5);
  soothe_search_index_add (index, 2, SOOTHE_SEARCH_FIELD_TITLE, "neck");
  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 5);
  soothe_search_index_add (index, 9, SOOTHE_SEARCH_FIELD_SUMMARY, "neck");
  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 10);
  assert_hits (index, "neck", "2,9");
}

static void
test_adds_after_query (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (NULL);

  add_document (index, 3, "Hip", NULL, NULL, NULL);
  assert_hits (index, "hip ", "3");
  assert_hits (index, "hi", "3");

  /* Out of order, repeated, and with a word the sorted stems have not seen. */
  add_document (index, 1, NULL, NULL, NULL, "hip");
  add_document (index, 3, NULL, NULL, NULL, "hip hip");
  add_document (index, 0, NULL, "hiking", NULL, NULL);
  add_document (index, 1, NULL, "hip", NULL, NULL);

  assert_hits (index, "hip ", "3,1");
  g_assert_cmpfloat (score_of (index, "hip ", 3), ==, 12.5);
  g_assert_cmpfloat (score_of (index, "hip ", 1), ==, 10);
  assert_hits (index, "hik", "0");
  assert_hits (index, "hi", "3,0,1");
  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 4);
}

static void
test_odd_input (void)
{
  const char * const pieces[] = {
    "shoulder", "😀", "épaule", "—", "痛み", "e\xcc\x81", "Ωμέγα", "!!!", "a", "ﬁne", "straße",
    "\xe2\x80\x8b", "back's", "1st", "x\xcc\x81\xcc\x81\xcc\x81", "🇫🇷", "\t", "coughing",
  };
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new (everyday_stopwords);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) hits = NULL;

  add_document (index, 0, "", "", "", "");
  add_document (index, 1, "?!...", "---", "😀😀😀", "\xe2\x80\x8b");
  add_document (index, 2, "Knee", NULL, NULL, NULL);

  while (huge->len < 100 * 1024)
    {
      g_string_append (huge, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (g_rand_boolean (rand))
        g_string_append_c (huge, ' ');
    }

  add_document (index, 3, huge->str, huge->str, huge->str, huge->str);

  /* Not UTF-8 at all: must not read past the end. */
  soothe_search_index_add (index, 4, SOOTHE_SEARCH_FIELD_BODY, "knee \xff\xfe pain \xc3");
  soothe_search_index_add (index, 4, SOOTHE_SEARCH_FIELD_BODY, "\xf0\x9f");

  g_assert_cmpuint (soothe_search_index_get_n_documents (index), ==, 5);

  assert_hits (index, "knee", "2,4");
  assert_hits (index, "shoulder ", "3");
  assert_hits (index, "coughs ", "3");
  assert_hits (index, "😀", "");
  assert_hits (index, "\xc3", "");
  assert_hits (index, "pain \xff", "4");

  hits = run_query (index, huge->str);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpuint (g_array_index (hits, SootheSearchHit, 0).document, ==, 3);
}

/* 10,000 generated documents, checked against a plain reference. The words
 * use no "d", "e", "g", "i", "s" or "y" and end in a consonant, so the stemmer
 * leaves them alone and the reference needs no stemmer of its own.
 */

#define N_DOCUMENTS 10000
#define N_VOCABULARY 3000
#define N_QUERIES 200

static const char * const large_stopwords[] = { "the", "my", "when", "with", "after", "is", NULL };
static const guint field_weights[] = { 10, 8, 3, 1 };

typedef struct
{
  guint16 *words;
  guint    field_end[4];  /* words[field_end[f - 1] .. field_end[f]] are in field f */
} GeneratedDocument;

typedef struct
{
  char     *text;
  gboolean  prefix;
} ReferenceTerm;

typedef struct
{
  char              **vocabulary;
  GHashTable         *vocabulary_index;
  GeneratedDocument  *documents;
  GArray            **documents_with_word;  /* per word, ascending documents */
  SootheSearchIndex  *index;
} Corpus;

static char *
generate_word (GRand *rand)
{
  static const char consonants[] = "bcfhjklmnprtvwz";
  static const char vowels[] = "aou";
  static const char finals[] = "kmnprt";
  GString *word = g_string_new (NULL);
  int n_syllables = g_rand_int_range (rand, 1, 4);

  for (int i = 0; i < n_syllables; i++)
    {
      g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);
      g_string_append_c (word, vowels[g_rand_int_range (rand, 0, sizeof vowels - 1)]);
    }
  g_string_append_c (word, finals[g_rand_int_range (rand, 0, sizeof finals - 1)]);

  return g_string_free (word, FALSE);
}

static void
generate_field (Corpus            *corpus,
                GRand             *rand,
                guint              document,
                GArray            *words,
                SootheSearchField  field,
                guint              min_words,
                guint              max_words)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      guint16 word = g_rand_int_range (rand, 0, N_VOCABULARY);
      GArray *with_word = corpus->documents_with_word[word];

      g_array_append_val (words, word);
      if (with_word->len == 0 || g_array_index (with_word, guint, with_word->len - 1) != document)
        g_array_append_val (with_word, document);

      if (i > 0)
        g_string_append (text, field == SOOTHE_SEARCH_FIELD_KEYWORDS ? ", " : " ");

      /* Capitals in titles, to fold on the way. */
      if (field == SOOTHE_SEARCH_FIELD_TITLE)
        {
          g_string_append_c (text, g_ascii_toupper (corpus->vocabulary[word][0]));
          g_string_append (text, corpus->vocabulary[word] + 1);
        }
      else
        {
          g_string_append (text, corpus->vocabulary[word]);
        }
    }

  if (field == SOOTHE_SEARCH_FIELD_SUMMARY || field == SOOTHE_SEARCH_FIELD_BODY)
    g_string_append_c (text, '.');

  soothe_search_index_add (corpus->index, document, field, text->str);
}

static void
corpus_init (Corpus *corpus)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_words = 0;

  corpus->vocabulary = g_new0 (char *, N_VOCABULARY + 1);
  corpus->vocabulary_index = g_hash_table_new (g_str_hash, g_str_equal);

  while (n_words < N_VOCABULARY)
    {
      char *word = generate_word (rand);

      if (g_hash_table_contains (corpus->vocabulary_index, word))
        {
          g_free (word);
          continue;
        }

      corpus->vocabulary[n_words] = word;
      g_hash_table_insert (corpus->vocabulary_index, word, GUINT_TO_POINTER (n_words));
      n_words++;
    }

  corpus->documents_with_word = g_new (GArray *, N_VOCABULARY);
  for (guint i = 0; i < N_VOCABULARY; i++)
    corpus->documents_with_word[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  corpus->documents = g_new0 (GeneratedDocument, N_DOCUMENTS);
  corpus->index = soothe_search_index_new (large_stopwords);

  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      static const guint ranges[][2] = { { 2, 6 }, { 3, 8 }, { 12, 25 }, { 200, 320 } };
      g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint16));

      for (guint f = 0; f < 4; f++)
        {
          generate_field (corpus, rand, d, words, f, ranges[f][0], ranges[f][1]);
          corpus->documents[d].field_end[f] = words->len;
        }

      corpus->documents[d].words = g_array_steal (words, NULL);
    }
}

static void
corpus_clear (Corpus *corpus)
{
  g_assert_finalize_object (corpus->index);

  for (guint d = 0; d < N_DOCUMENTS; d++)
    g_free (corpus->documents[d].words);
  g_free (corpus->documents);

  for (guint i = 0; i < N_VOCABULARY; i++)
    g_array_unref (corpus->documents_with_word[i]);
  g_free (corpus->documents_with_word);

  g_hash_table_unref (corpus->vocabulary_index);
  g_strfreev (corpus->vocabulary);
}

static void
reference_term_clear (gpointer data)
{
  g_free (((ReferenceTerm *) data)->text);
}

static void
add_reference_term (GArray     *terms,
                    const char *text,
                    gboolean    typing)
{
  ReferenceTerm term;

  for (guint i = 0; i < terms->len; i++)
    {
      ReferenceTerm *earlier = &g_array_index (terms, ReferenceTerm, i);

      if (strcmp (earlier->text, text) == 0)
        {
          earlier->prefix |= typing;
          return;
        }
    }

  term.text = g_strdup (text);
  term.prefix = typing || strlen (text) >= 4;
  g_array_append_val (terms, term);
}

/* Whether @word is in some document of @corpus. */
static gboolean
corpus_has_word (Corpus     *corpus,
                 const char *word)
{
  gpointer position;

  return g_hash_table_lookup_extended (corpus->vocabulary_index, word, NULL, &position) &&
         corpus->documents_with_word[GPOINTER_TO_UINT (position)]->len > 0;
}

/* A query like a person would type it, and the terms it stands for. */
static char *
generate_query (Corpus *corpus,
                GRand  *rand,
                GArray *terms)
{
  g_autoptr(GString) query = g_string_new (NULL);
  int kind = g_rand_int_range (rand, 0, 3);
  guint n_words = kind == 0 ? 1 : kind == 1 ? 2 : 4;
  gboolean still_typing = g_rand_int_range (rand, 0, 3) != 0;

  if (kind == 2)
    g_string_append (query, "when my ");

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = corpus->vocabulary[g_rand_int_range (rand, 0, N_VOCABULARY)];
      g_autofree char *typed = NULL;
      gboolean last = i + 1 == n_words;

      if (last && still_typing)
        typed = g_strndup (word, g_rand_int_range (rand, 2, strlen (word) + 1));
      else
        typed = g_strdup (word);

      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append (query, typed);

      /* A word being typed that is already one of the index is taken as typed. */
      add_reference_term (terms, typed, last && still_typing && !corpus_has_word (corpus, typed));
    }

  if (!still_typing)
    g_string_append (query, kind == 2 ? "?" : " ");

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* 10 for the same word, 7 for a longer word it starts, else 0. */
static guint
reference_match (const ReferenceTerm *term,
                 const char          *word)
{
  if (strcmp (term->text, word) == 0)
    return 10;
  if (term->prefix && g_str_has_prefix (word, term->text))
    return 7;
  return 0;
}

static double
reference_score (Corpus     *corpus,
                 GArray     *terms,
                 guint8    **matches,
                 guint       document)
{
  const GeneratedDocument *doc = &corpus->documents[document];
  guint total = 0;
  guint n_matched = 0;

  for (guint t = 0; t < terms->len; t++)
    {
      guint best = 0;
      guint start = 0;

      for (guint f = 0; f < 4; f++)
        {
          for (guint w = start; w < doc->field_end[f]; w++)
            best = MAX (best, field_weights[f] * matches[t][doc->words[w]]);
          start = doc->field_end[f];
        }

      total += best;
      n_matched += best > 0;
    }

  return total * (n_matched == terms->len ? 1.25 : 1.0) / 10;
}

static void
test_large_corpus (void)
{
  Corpus corpus = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autofree guint8 *expected = g_new (guint8, N_DOCUMENTS);
  guint total_hits = 0;

  corpus_init (&corpus);
  g_assert_cmpuint (soothe_search_index_get_n_documents (corpus.index), ==, N_DOCUMENTS);

  for (guint q = 0; q < N_QUERIES; q++)
    {
      g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (ReferenceTerm));
      g_autofree char *query = NULL;
      g_autoptr(GArray) hits = NULL;
      g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_free);
      guint n_expected = 0;

      g_array_set_clear_func (terms, reference_term_clear);
      query = generate_query (&corpus, rand, terms);

      memset (expected, 0, N_DOCUMENTS);

      for (guint t = 0; t < terms->len; t++)
        {
          const ReferenceTerm *term = &g_array_index (terms, ReferenceTerm, t);
          guint8 *match = g_new0 (guint8, N_VOCABULARY);

          g_ptr_array_add (matches, match);

          for (guint w = 0; w < N_VOCABULARY; w++)
            {
              GArray *with_word = corpus.documents_with_word[w];

              match[w] = reference_match (term, corpus.vocabulary[w]);
              if (match[w] == 0)
                continue;

              for (guint i = 0; i < with_word->len; i++)
                {
                  guint document = g_array_index (with_word, guint, i);

                  n_expected += !expected[document];
                  expected[document] = TRUE;
                }
            }
        }

      hits = run_query (corpus.index, query);

      /* Every hit has a query word, and every document with one is a hit. */
      for (guint i = 0; i < hits->len; i++)
        g_assert_true (expected[g_array_index (hits, SootheSearchHit, i).document]);
      g_assert_cmpuint (hits->len, ==, n_expected);

      for (guint i = 0; i < MIN (hits->len, 10); i++)
        {
          const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);
          double score = reference_score (&corpus, terms, (guint8 **) matches->pdata,
                                          hit->document);

          g_assert_cmpfloat_with_epsilon (hit->score, score, 1e-9);
        }

      total_hits += hits->len;
    }

  g_test_message ("%u hits over %u queries", total_hits, N_QUERIES);
  g_assert_cmpuint (total_hits, >, 0);

  corpus_clear (&corpus);
}

/* German and Spanish endings come off as English ones do. */
static void
test_german_spanish_endings (void)
{
  g_autoptr(SootheSearchIndex) german = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                      SOOTHE_STEMMER_GERMAN);
  g_autoptr(SootheSearchIndex) spanish = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                       SOOTHE_STEMMER_SPANISH);

  g_assert_cmpint (soothe_stemmer_for_language ("de_DE"), ==, SOOTHE_STEMMER_GERMAN);
  g_assert_cmpint (soothe_stemmer_for_language ("es"), ==, SOOTHE_STEMMER_SPANISH);
  g_assert_cmpint (soothe_stemmer_for_language ("fr"), ==, SOOTHE_STEMMER_ENGLISH);
  g_assert_cmpint (soothe_stemmer_for_language (NULL), ==, SOOTHE_STEMMER_ENGLISH);

  add_document (german, 0, NULL, NULL, "Schmerzen in den Schultern", NULL);
  add_document (german, 1, NULL, NULL, "Die Wade ist geschwollen", NULL);
  add_document (german, 2, NULL, NULL, "Beine hochlegen", NULL);
  assert_hits (german, "Schmerz ", "0");
  assert_hits (german, "Schulter ", "0");
  assert_hits (german, "Waden ", "1");
  /* An adjective's ending after a participle's */
  assert_hits (german, "geschwollene ", "1");
  assert_hits (german, "geschwollener ", "1");
  assert_hits (german, "Bein ", "2");
  /* Without umlauts, and a verb in -ieren beside its noun */
  add_document (german, 3, NULL, NULL, "Rücken kühlen", NULL);
  add_document (german, 4, NULL, NULL, "Die Kontrolle über die Blase", NULL);
  add_document (german, 5, NULL, NULL, "Feuer und Mauer", NULL);
  assert_hits (german, "Ruecken ", "3");
  assert_hits (german, "kuehlen ", "3");
  assert_hits (german, "Rucken ", "3");
  assert_hits (german, "kontrollieren ", "4");
  assert_hits (german, "kontrolliert ", "4");
  assert_hits (german, "Feuer ", "5");
  assert_hits (german, "Fuer ", "");
  assert_hits (german, "Maur ", "");
  /* "-weh" is said of any pain */
  assert_hits (german, "Rückenweh ", "3");
  assert_hits (german, "Heimweh ", "");
  /* A compound is split unless the index was told to keep it whole */
  add_document (german, 6, NULL, NULL, "Den Kopf drehen", NULL);
  add_document (german, 7, NULL, NULL, "Kopfschmerzen", NULL);
  assert_documents (german, "Kopfschmerzen ", "0,6,7");
  assert_documents (german, "Kopfweh ", "6,7");
  soothe_search_index_keep_whole (german, "Kopfschmerzen");
  soothe_search_index_keep_whole (german, "Kopfweh");
  assert_hits (german, "Kopfschmerzen ", "7");
  assert_hits (german, "Kopfweh ", "");
  assert_documents (german, "Kopf Schmerzen ", "0,6,7");

  add_document (spanish, 0, NULL, NULL, "Dolores en las rodillas", NULL);
  add_document (spanish, 1, NULL, NULL, "Caminando despacio", NULL);
  assert_hits (spanish, "dolor ", "0");
  assert_hits (spanish, "rodilla ", "0");
  assert_hits (spanish, "caminar ", "1");
  /* An infinitive with "me" or "se" is the one with "te" the advice has */
  add_document (spanish, 2, NULL, NULL, "Al levantarte de la silla", NULL);
  add_document (spanish, 3, NULL, NULL, "Duerme de lado", NULL);
  add_document (spanish, 4, NULL, NULL, "Me desperté con dolor", NULL);
  assert_hits (spanish, "levantarme ", "2");
  assert_hits (spanish, "levantarse ", "2");
  assert_hits (spanish, "duerme ", "3");
  assert_hits (spanish, "desperte ", "4");
}

/* A word found nowhere is looked for with one letter wrong; a short one is not. */
static void
test_typos (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                     SOOTHE_STEMMER_ENGLISH);
  g_autoptr(SootheSearchQuery) query = NULL;
  g_autoptr(GArray) hits = NULL;

  add_document (index, 0, NULL, NULL, "Shoulder pain", NULL);
  add_document (index, 1, NULL, NULL, "Burning between the blades", NULL);
  add_document (index, 2, NULL, NULL, "Knee", NULL);
  assert_hits (index, "sholder ", "0");    /* a letter left out */
  assert_hits (index, "shoulderr ", "0");  /* one too many */
  assert_hits (index, "shuolder ", "0");   /* two swapped */
  assert_hits (index, "shoulded ", "0");   /* one changed */
  assert_hits (index, "burnig ", "1");
  assert_hits (index, "kneee ", "2");
  assert_hits (index, "kee ", "");         /* too short to correct */
  assert_hits (index, "shouldxyz ", "");   /* three edits */

  query = soothe_search_index_parse (index, "sholder knee ");
  hits = soothe_search_index_run (index, query);
  g_assert_cmpuint (soothe_search_query_get_n_terms (query), ==, 2);
  g_assert_true (soothe_search_query_get_term_corrected (query, 0));
  g_assert_false (soothe_search_query_get_term_corrected (query, 1));
  g_assert_cmpint (soothe_search_index_match_word (index, query, "Shoulder"), ==, 0);
  g_assert_cmpint (soothe_search_index_match_word (index, query, "knees"), ==, 1);
  g_assert_cmpint (soothe_search_index_match_word (index, query, "pain"), ==, -1);
}

/* A synonym finds the others, and counts as the same word. */
static void
test_synonyms (void)
{
  g_autoptr(SootheSearchIndex) index = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                     SOOTHE_STEMMER_ENGLISH);
  g_autoptr(SootheSearchQuery) query = NULL;
  g_autoptr(GArray) hits = NULL;

  soothe_search_index_add_synonyms (index, (const char * const []) { "Hurt", "sore", "pain", NULL });
  soothe_search_index_add_synonyms (index, (const char * const []) { "alone", NULL });
  add_document (index, 0, NULL, NULL, "A sore knee", NULL);
  add_document (index, 1, NULL, NULL, "Knee pain", NULL);
  add_document (index, 2, NULL, NULL, "Elbow", NULL);
  assert_hits (index, "hurts ", "0,1");
  assert_hits (index, "aching ", "");

  query = soothe_search_index_parse (index, "knee hurts and pain ");
  hits = soothe_search_index_run (index, query);
  g_assert_cmpuint (soothe_search_query_get_n_terms (query), ==, 3);  /* knee, hurts (pain), and */
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpuint (g_array_index (hits, SootheSearchHit, i).terms, ==, 0x3);
}

/* Two words run together are asked as the two: always in German, in any
 * language when the whole is in no document. */
static void
test_run_together (void)
{
  g_autoptr(SootheSearchIndex) german = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                      SOOTHE_STEMMER_GERMAN);
  g_autoptr(SootheSearchIndex) with_stop_words =
    soothe_search_index_new_full ((const char * const []) { "aus", "die", NULL }, SOOTHE_SEARCH_RANK_PASSAGES,
                                  SOOTHE_STEMMER_GERMAN);
  g_autoptr(SootheSearchIndex) english = soothe_search_index_new_full (NULL, SOOTHE_SEARCH_RANK_PASSAGES,
                                                                       SOOTHE_STEMMER_ENGLISH);
  g_autoptr(SootheSearchQuery) query = NULL;
  g_autoptr(GArray) hits = NULL;

  add_document (german, 0, NULL, NULL, "Schmerzen in der Brust", NULL);
  add_document (german, 1, NULL, NULL, "Rückenschmerzen", NULL);
  add_document (german, 2, NULL, NULL, "Der Rücken", NULL);
  query = soothe_search_index_parse (german, "Brustschmerzen ");
  hits = soothe_search_index_run (german, query);
  g_assert_cmpuint (soothe_search_query_get_n_terms (query), ==, 2);
  g_assert_cmpuint (hits->len, >=, 1);
  assert_hits (german, "Schmerzen ", "0,1");
  /* A word is found at the end of a compound only after a word, a word and
   * a linking "s", or a stop word: "Rücken" is in "Rückenschmerzen", but not
   * in "daraufdrücken" */
  add_document (german, 3, NULL, NULL, "Ein Glas daraufdrücken", NULL);
  add_document (german, 4, NULL, NULL, "Bewegung hilft", NULL);
  add_document (german, 5, NULL, NULL, "Bewegungsschmerzen", NULL);
  add_document (german, 6, NULL, NULL, "Hexenschuss", NULL);
  assert_documents (german, "Rücken ", "1,2");
  assert_documents (german, "Schmerzen ", "0,1,5");
  assert_hits (german, "Schuss ", "");
  /* A linking "s" is not guessed at in a word the index has */
  add_document (german, 7, NULL, NULL, "Eine lange Reise", NULL);
  add_document (german, 8, NULL, NULL, "Am Ende", NULL);
  add_document (german, 9, NULL, NULL, "Es fühlt sich reißend an", NULL);
  assert_hits (german, "reißender ", "9");
  soothe_search_index_add (with_stop_words, 0, SOOTHE_SEARCH_FIELD_SUMMARY, "Schmerzen, die ausstrahlen");
  assert_hits (with_stop_words, "strahlen ", "0");

  add_document (english, 0, NULL, NULL, "When your chest hurts", NULL);
  assert_hits (english, "chesthurts ", "0");
  assert_hits (english, "chestxhurts ", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/search-index/folding", test_folding);
  g_test_add_func ("/soothe/search-index/stop-words", test_stop_words);
  g_test_add_func ("/soothe/search-index/stemming", test_stemming);
  g_test_add_func ("/soothe/search-index/prefix-while-typing", test_prefix_while_typing);
  g_test_add_func ("/soothe/search-index/whole-word-while-typing", test_whole_word_while_typing);
  g_test_add_func ("/soothe/search-index/quantities", test_quantities);
  g_test_add_func ("/soothe/search-index/title-over-body", test_title_over_body);
  g_test_add_func ("/soothe/search-index/shoulder-blades", test_shoulder_blades);
  g_test_add_func ("/soothe/search-index/back-hurts-when-cough", test_back_hurts_when_cough);
  g_test_add_func ("/soothe/search-index/empty-queries", test_empty_queries);
  g_test_add_func ("/soothe/search-index/n-documents", test_n_documents);
  g_test_add_func ("/soothe/search-index/adds-after-query", test_adds_after_query);
  g_test_add_func ("/soothe/search-index/odd-input", test_odd_input);
  g_test_add_func ("/soothe/search-index/large-corpus", test_large_corpus);
  g_test_add_func ("/soothe/search-index/german-spanish-endings", test_german_spanish_endings);
  g_test_add_func ("/soothe/search-index/typos", test_typos);
  g_test_add_func ("/soothe/search-index/synonyms", test_synonyms);
  g_test_add_func ("/soothe/search-index/run-together", test_run_together);

  return g_test_run ();
}
