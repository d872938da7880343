/* soothe-search-index.c
 *
 * Copyright 2026 The Soothe authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-search-index"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "soothe-search-index.h"

/* Indices are dense (0..n-1) and size the per-query scratch arrays, so
 * anything this large is a caller bug rather than a big bundle.
 */
#define MAX_DOCUMENTS (1u << 24)

/* Scores are kept in tenths so that sums and ties are exact; with the bonus
 * of a quarter, in fortieths.
 */
#define EXACT_FACTOR  10
#define PREFIX_FACTOR 7
#define SCORE_DIVISOR 40.0

/* A stem shorter than this matches only itself unless it is still being typed. */
#define MIN_PREFIX_LETTERS 4

/* A posting packs the document with the rank of the best field it appears in,
 * so that the larger value for a document is also its best field.
 */
#define POSTING_MAKE(document, rank) (((guint32) (document) << 2) | (guint32) (rank))
#define POSTING_DOCUMENT(posting)    ((posting) >> 2)
#define POSTING_RANK(posting)        ((posting) & 3)

static const guint8 weight_by_rank[] = { 1, 3, 8, 10 };

typedef struct
{
  guint32  *postings;   /* ascending by document once prepared */
  guint     n_postings;
  guint     allocated;
  gboolean  unsorted;
  char      stem[];
} StemEntry;

typedef enum {
  LOOKUP_EXACT,     /* the stem itself, full weight */
  LOOKUP_PREFIX,    /* the stem at full weight, longer stems at prefix weight */
  LOOKUP_GUESS,     /* the stem itself, at prefix weight */
  LOOKUP_SYNONYM,   /* another word of the same group, at synonym weight */
  LOOKUP_TYPO,      /* an indexed stem one edit away, at typo weight */
  LOOKUP_COMPOUND,  /* indexed stems that end with it (German compounds), at prefix weight */
} LookupKind;

typedef struct
{
  char       *stem;
  LookupKind  kind;
} Lookup;

typedef struct
{
  GArray *lookups;      /* Lookup; the first is the word's own stem */
  char   *word;         /* folded, as typed */
  guint   n_letters;    /* of the word as typed, before stemming */
  guint   n_documents;  /* documents it matched in the last run */
  double  idf;          /* its weight in the last run, in passage ranking */
  gboolean typing;      /* the last word, still being typed */
  gboolean tried_typos;
} QueryTerm;

struct _SootheSearchQuery
{
  GArray *terms;  /* QueryTerm, at most MAX_TERMS */
};

/* A hit says which terms it has as a bit mask. */
#define MAX_TERMS 32

/* Weights in passage ranking, against EXACT_FACTOR's 10. */
#define SYNONYM_FACTOR 8
#define TYPO_FACTOR    8

/* BM25's saturation and length normalisation; a word counts once per passage. */
#define BM25_K1 1.2
#define BM25_B  0.5

/* A word this short is not corrected: too many words are one edit away. */
#define MIN_TYPO_LETTERS 5

/* A correction must be a word in at least this many documents. */
#define MIN_TYPO_DOCUMENTS 5

struct _SootheSearchIndex
{
  GObject     parent_instance;

  /* Set at construction */
  SootheSearchRanking ranking;
  SootheStemmer       stemmer;

  /* Owned data */
  GHashTable *stopwords;         /* folded stop word -> itself */
  GHashTable *stems;             /* stem -> StemEntry, owns the entries */
  GHashTable *words;             /* folded word -> its StemEntry, or &not_indexable */
  GHashTable *synonyms;          /* stem -> GPtrArray of the stems in its groups */
  GHashTable *whole;             /* stem -> itself: never split as a compound */
  GArray     *lengths;           /* guint16 per document: words indexed, passage ranking only */
  guint64     total_length;      /* their sum */

  /* Derived lazily on the first query after adds */
  GPtrArray  *sorted_entries;    /* StemEntry, by stem; NULL when stale */
  GPtrArray  *unsorted_entries;  /* StemEntry whose postings need sorting */

  /* Per-query scratch, indexed by document; the first three are all zero between queries */
  guint8     *term_weight;
  guint32    *document_score;
  guint32    *document_terms;    /* bit mask of the terms found */
  guint64    *sort_keys;         /* twice scratch_size: keys, then radix buffer */
  guint       scratch_size;
  guint      *term_documents;    /* the documents of the term being matched */
  guint       n_term_documents;
  guint      *hit_documents;     /* every document hit so far */
  guint       n_hit_documents;

  guint       n_documents;
};

G_DEFINE_FINAL_TYPE (SootheSearchIndex, soothe_search_index, G_TYPE_OBJECT)

static void
stem_entry_free (gpointer data)
{
  StemEntry *entry = data;

  g_free (entry->postings);
  g_free (entry);
}

static void
lookup_clear (gpointer data)
{
  Lookup *lookup = data;

  g_free (lookup->stem);
}

static void
query_term_clear (gpointer data)
{
  QueryTerm *term = data;

  g_clear_pointer (&term->lookups, g_array_unref);
  g_clear_pointer (&term->word, g_free);
}

static const char *
query_term_stem (const QueryTerm *term)
{
  return g_array_index (term->lookups, Lookup, 0).stem;
}

/* Letters, not bytes: combining marks belong to the letter before them. */
static guint
count_letters (const char *text,
               gsize       length)
{
  const char *end = text + length;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 || !g_unichar_ismark (g_utf8_get_char (p)))
      n++;

  return n;
}

static gboolean
is_ascii_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

/* Non-ASCII letters count as vowels so that other scripts are never stemmed
 * less than English would be.
 */
static gboolean
has_vowel (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80 || is_ascii_vowel (text[i]))
      return TRUE;

  return FALSE;
}

static gboolean
has_suffix (const char *text,
            gsize       length,
            const char *suffix)
{
  gsize suffix_length = strlen (suffix);

  return length >= suffix_length &&
         memcmp (text + length - suffix_length, suffix, suffix_length) == 0;
}

/* What is left once "ing" or "ed" is gone: "stopp" -> "stop", as in "stopped". */
static void
undouble_consonant (const char *text,
                    gsize      *length,
                    guint      *n_letters)
{
  gsize len = *length;

  if (*n_letters >= 4 &&
      text[len - 1] == text[len - 2] &&
      strchr ("bdgmnprt", text[len - 1]) != NULL)
    {
      *length = len - 1;
      *n_letters -= 1;
    }
}

/* "blade"/"blades" -> "blad", "injury"/"injuries" -> "injuri". */
static void
normalize_ending (char  *text,
                  gsize *length,
                  guint *n_letters)
{
  gsize len = *length;

  if (*n_letters <= 3)
    return;

  if (text[len - 1] == 'e')
    {
      *length = len - 1;
      *n_letters -= 1;
    }
  else if (text[len - 1] == 'y' &&
           (guchar) text[len - 2] < 0x80 &&
           !is_ascii_vowel (text[len - 2]))
    {
      text[len - 1] = 'i';
    }
}

/* Removes @suffix when what is left has at least @min_letters letters. */
static gboolean
strip_suffix (const char *text,
              gsize      *length,
              guint      *n_letters,
              const char *suffix,
              guint       min_letters)
{
  gsize suffix_length = strlen (suffix);
  guint suffix_letters = count_letters (suffix, suffix_length);

  if (!has_suffix (text, *length, suffix) || *n_letters < min_letters + suffix_letters)
    return FALSE;

  *length -= suffix_length;
  *n_letters -= suffix_letters;
  return TRUE;
}

static void
strip_first_suffix (const char         *text,
                    gsize              *length,
                    guint              *n_letters,
                    const char * const *suffixes,
                    guint               min_letters)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (strip_suffix (text, length, n_letters, suffixes[i], min_letters))
      return;
}

/* Written without umlauts, German spells "ü" as "ue": "Ruecken" is
 * "Rücken", which the index also has as "Rucken". The "e" goes after a, o
 * or u, but not in "eue", "aue" or "que" ("Feuer", "Mauer", "Quelle"). */
static void
fold_umlaut_digraphs (char *token)
{
  gsize out = 0;
  char before = '\0';   /* the letters as written, before any is dropped */
  char earlier = '\0';

  for (gsize i = 0; token[i] != '\0'; i++)
    {
      char c = token[i];

      if (!(c == 'e' && (before == 'a' || before == 'o' || before == 'u') &&
            !is_ascii_vowel (earlier) && !(before == 'u' && earlier == 'q')))
        token[out++] = c;
      earlier = before;
      before = c;
    }
  token[out] = '\0';
}

/* German: "Schmerzen" and "Schmerz", "Waden" and "Wade", "Schultern" and
 * "Schulter", "Beines" and "Bein" each end up the same. Compounds are left
 * whole; a query word also finds the compounds it ends ("Rückenschmerzen").
 */
static void
stem_german (char *token)
{
  static const char * const endings[] = { "ern", "em", "en", "er", "e", NULL };
  static const char * const verb_endings[] = { "iert", "ier", NULL };
  static const char * const second_endings[] = { "est", "en", "er", NULL };
  gsize length;
  guint n_letters;

  fold_umlaut_digraphs (token);
  length = strlen (token);
  n_letters = count_letters (token, length);
  if (!has_suffix (token, length, "ss"))
    strip_suffix (token, &length, &n_letters, "s", 4);
  strip_first_suffix (token, &length, &n_letters, endings, 3);
  /* "kontrollieren", "kontrolliert" and "Kontrolle" */
  strip_first_suffix (token, &length, &n_letters, verb_endings, 4);
  /* An adjective's ending after a participle's, as Snowball's second step:
   * "geschwollene" and "geschwollen" */
  strip_first_suffix (token, &length, &n_letters, second_endings, 4);
  token[length] = '\0';
}

/* Spanish: plurals, the gerund and infinitive, then the last vowel, so that
 * "rodillas" and "rodilla", "dolores" and "dolor", "caminando" and "caminar"
 * each end up the same.
 */
static void
stem_spanish (char *token)
{
  static const char * const verb_endings[] = { "iendo", "ando", "ar", "er", "ir", NULL };
  static const char * const vowels[] = { "a", "o", "e", NULL };
  gsize length = strlen (token);
  guint n_letters = count_letters (token, length);

  /* An infinitive with "me" or "se" is asked as the advice writes it, with
   * "te": "al levantarme" is "al levantarte". Only "me" and "se" change, as
   * "desperte" is "desperté". */
  if (n_letters >= 7 && (has_suffix (token, length, "me") || has_suffix (token, length, "se")) &&
      token[length - 3] == 'r' && strchr ("aei", token[length - 4]) != NULL)
    token[length - 2] = 't';

  if (length >= 3 && has_suffix (token, length, "es") && !is_ascii_vowel (token[length - 3]))
    strip_suffix (token, &length, &n_letters, "es", 3);
  else
    strip_suffix (token, &length, &n_letters, "s", 3);

  if (n_letters > 4)
    strip_first_suffix (token, &length, &n_letters, verb_endings, 3);
  strip_first_suffix (token, &length, &n_letters, vowels, 3);
  token[length] = '\0';
}

/* A light suffix stripper, in place. It only ever has to agree with itself:
 * indexed words and query words go through the same steps.
 */
static void
stem_english (char *token)
{
  gsize length = strlen (token);
  guint n_letters = count_letters (token, length);
  gboolean was_verb = FALSE;

  if (n_letters > 4)
    {
      if (has_suffix (token, length, "ing"))
        {
          if (n_letters - 3 >= 3 && has_vowel (token, length - 3))
            {
              length -= 3;
              n_letters -= 3;
              was_verb = TRUE;
            }
        }
      else if (has_suffix (token, length, "ed"))
        {
          /* "bleed" is not "bl" + "eed" */
          if (!has_suffix (token, length, "eed") && has_vowel (token, length - 2))
            {
              length -= 2;
              n_letters -= 2;
              was_verb = TRUE;
            }
        }
      else if (has_suffix (token, length, "es"))
        {
          length -= 2;
          n_letters -= 2;
        }
      else if (has_suffix (token, length, "s") && !has_suffix (token, length, "ss"))
        {
          length -= 1;
          n_letters -= 1;
        }
    }
  else if (n_letters == 4 &&
           has_suffix (token, length, "s") &&
           !has_suffix (token, length, "ss") &&
           !has_suffix (token, length, "us") &&
           !has_suffix (token, length, "is"))
    {
      /* Body parts are short: "legs", "hips", "toes", "ribs" */
      length -= 1;
      n_letters -= 1;
    }

  if (was_verb)
    undouble_consonant (token, &length, &n_letters);

  normalize_ending (token, &length, &n_letters);

  token[length] = '\0';
}

static void
stem_token (SootheStemmer  stemmer,
            char          *token)
{
  switch (stemmer)
    {
    case SOOTHE_STEMMER_GERMAN:
      stem_german (token);
      break;
    case SOOTHE_STEMMER_SPANISH:
      stem_spanish (token);
      break;
    case SOOTHE_STEMMER_ENGLISH:
    default:
      stem_english (token);
      break;
    }
}

/* For the word still being typed: "coughi" and "coughin" are on their way
 * to "coughing", whose stem is "cough". Returns NULL when there is no guess.
 */
static char *
guess_stem_of_partial (const char *token)
{
  gsize length = strlen (token);
  guint n_letters;
  g_autofree char *guess = NULL;

  if (has_suffix (token, length, "in"))
    length -= 2;
  else if (has_suffix (token, length, "i") || has_suffix (token, length, "e"))
    length -= 1;
  else
    return NULL;

  n_letters = count_letters (token, length);
  if (n_letters < 3 || !has_vowel (token, length))
    return NULL;

  guess = g_strndup (token, length);
  undouble_consonant (guess, &length, &n_letters);
  normalize_ending (guess, &length, &n_letters);
  guess[length] = '\0';

  return g_steal_pointer (&guess);
}

static gboolean
is_indexable (SootheSearchIndex *self,
              const char        *token)
{
  if (count_letters (token, strlen (token)) < 2)
    return FALSE;

  return !g_hash_table_contains (self->stopwords, token);
}

static void
stem_entry_add_posting (SootheSearchIndex *self,
                        StemEntry         *entry,
                        guint32            posting)
{
  if (entry->n_postings > 0)
    {
      guint32 *last = &entry->postings[entry->n_postings - 1];

      if (POSTING_DOCUMENT (*last) == POSTING_DOCUMENT (posting))
        {
          *last = MAX (*last, posting);
          return;
        }

      if (POSTING_DOCUMENT (*last) > POSTING_DOCUMENT (posting) && !entry->unsorted)
        {
          entry->unsorted = TRUE;
          g_ptr_array_add (self->unsorted_entries, entry);
        }
    }

  if (entry->n_postings == entry->allocated)
    {
      entry->allocated = MAX (4, entry->allocated * 2);
      entry->postings = g_renew (guint32, entry->postings, entry->allocated);
    }

  entry->postings[entry->n_postings++] = posting;
}

/* What a word stands for in the word cache: a stop word or a word too short. */
static char not_indexable;

/* Returns whether @token was indexed, and not a stop word. */
static gboolean
add_token (SootheSearchIndex *self,
           char              *token,
           guint32            posting)
{
  StemEntry *entry = g_hash_table_lookup (self->words, token);

  if (entry == (gpointer) &not_indexable)
    return FALSE;

  /* Most words come again and again: fold, check and stem each only once. */
  if (entry == NULL)
    {
      char *word = g_strdup (token);

      if (!is_indexable (self, token))
        {
          g_hash_table_insert (self->words, word, &not_indexable);
          return FALSE;
        }

      stem_token (self->stemmer, token);
      entry = g_hash_table_lookup (self->stems, token);
      if (entry == NULL)
        {
          gsize length = strlen (token);

          entry = g_malloc0 (sizeof *entry + length + 1);
          memcpy (entry->stem, token, length + 1);
          g_hash_table_insert (self->stems, entry->stem, entry);
          g_clear_pointer (&self->sorted_entries, g_ptr_array_unref);
        }
      g_hash_table_insert (self->words, word, entry);
    }

  stem_entry_add_posting (self, entry, posting);
  return TRUE;
}

/* A word is a run of letters, digits and marks, as for g_str_tokenize_and_fold(). */
static inline gboolean
is_word_char_at (const char *p)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);

  c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Adds the words of @text as g_str_tokenize_and_fold() would fold them, with
 * their ASCII alternates. That normalizes and case-folds every word, which is
 * most of the cost of building an index, yet an ASCII word, nearly every word,
 * folds to itself in lower case. Only the others go through GLib.
 */
static guint
add_words (SootheSearchIndex *self,
           const char        *text,
           guint32            posting)
{
  const char *p = text;
  char buffer[64];
  guint n_words = 0;

  for (;;)
    {
      const char *start;
      gboolean ascii = TRUE;
      gsize length;

      while (*p != '\0' && !is_word_char_at (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      for (start = p; *p != '\0' && is_word_char_at (p); p = g_utf8_next_char (p))
        ascii = ascii && (guchar) *p < 0x80;
      length = p - start;

      if (ascii)
        {
          char *token = length < sizeof buffer ? buffer : g_malloc (length + 1);

          for (gsize i = 0; i < length; i++)
            token[i] = g_ascii_tolower (start[i]);
          token[length] = '\0';
          n_words += add_token (self, token, posting);
          if (token != buffer)
            g_free (token);
        }
      else
        {
          g_autofree char *word = g_strndup (start, length);
          g_auto(GStrv) alternates = NULL;
          g_auto(GStrv) tokens = g_str_tokenize_and_fold (word, NULL, &alternates);

          for (guint i = 0; tokens[i] != NULL; i++)
            n_words += add_token (self, tokens[i], posting);
          /* An alternate spelling is the same word again. */
          for (guint i = 0; alternates[i] != NULL; i++)
            add_token (self, alternates[i], posting);
        }
    }

  return n_words;
}

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  guint32 pa = *(const guint32 *) a;
  guint32 pb = *(const guint32 *) b;

  return (pa > pb) - (pa < pb);
}

static void
stem_entry_sort (StemEntry *entry)
{
  guint n = 0;

  qsort (entry->postings, entry->n_postings, sizeof (guint32), compare_postings);

  /* Sorted by document then rank: the last of each run is the best field. */
  for (guint i = 0; i < entry->n_postings; i++)
    {
      guint32 posting = entry->postings[i];

      if (n > 0 && POSTING_DOCUMENT (entry->postings[n - 1]) == POSTING_DOCUMENT (posting))
        entry->postings[n - 1] = posting;
      else
        entry->postings[n++] = posting;
    }

  entry->n_postings = n;
  entry->unsorted = FALSE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const StemEntry *ea = *(const StemEntry * const *) a;
  const StemEntry *eb = *(const StemEntry * const *) b;

  return strcmp (ea->stem, eb->stem);
}

static void
prepare_for_query (SootheSearchIndex *self)
{
  for (guint i = 0; i < self->unsorted_entries->len; i++)
    stem_entry_sort (g_ptr_array_index (self->unsorted_entries, i));
  g_ptr_array_set_size (self->unsorted_entries, 0);

  if (self->sorted_entries == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      self->sorted_entries = g_ptr_array_sized_new (g_hash_table_size (self->stems));

      g_hash_table_iter_init (&iter, self->stems);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (self->sorted_entries, value);

      g_ptr_array_sort (self->sorted_entries, compare_entries);
    }

  if (self->scratch_size < self->n_documents)
    {
      g_free (self->term_weight);
      g_free (self->document_score);
      g_free (self->document_terms);
      g_free (self->sort_keys);

      self->scratch_size = self->n_documents;
      self->term_weight = g_new0 (guint8, self->scratch_size);
      self->document_score = g_new0 (guint32, self->scratch_size);
      self->document_terms = g_new0 (guint32, self->scratch_size);
      self->sort_keys = g_new (guint64, 2 * (gsize) self->scratch_size);
      g_free (self->term_documents);
      g_free (self->hit_documents);
      /* A document is listed at most once in each. */
      self->term_documents = g_new (guint, self->scratch_size);
      self->hit_documents = g_new (guint, self->scratch_size);
    }
}

/* Index of the first stem not sorting before @prefix. */
static guint
find_first_stem (SootheSearchIndex *self,
                 const char        *prefix)
{
  guint low = 0;
  guint high = self->sorted_entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const StemEntry *entry = g_ptr_array_index (self->sorted_entries, middle);

      if (strcmp (entry->stem, prefix) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
collect_postings (SootheSearchIndex *self,
                  const StemEntry   *entry,
                  guint              factor)
{
  for (guint i = 0; i < entry->n_postings; i++)
    {
      guint32 posting = entry->postings[i];
      guint document = POSTING_DOCUMENT (posting);
      guint8 weight = weight_by_rank[POSTING_RANK (posting)] * factor;

      if (weight > self->term_weight[document])
        {
          if (self->term_weight[document] == 0)
            self->term_documents[self->n_term_documents++] = document;
          self->term_weight[document] = weight;
        }
    }
}

static void
query_term_add_lookup (QueryTerm  *term,
                       char       *stem,
                       LookupKind  kind)
{
  Lookup lookup = { stem, kind };

  g_array_append_val (term->lookups, lookup);
}

static void
consider_typo (SootheSearchIndex  *self,
               GString            *candidate,
               const StemEntry   **best)
{
  g_autofree char *stem = g_strdup (candidate->str);
  const StemEntry *entry;

  stem_token (self->stemmer, stem);
  entry = g_hash_table_lookup (self->stems, stem);
  /* A rare word one letter away is more likely a coincidence than the one
   * meant: "killing" is not the shop "till". */
  if (entry != NULL && entry->n_postings >= MIN (MIN_TYPO_DOCUMENTS, MAX (1, self->n_documents / 100)) &&
      (*best == NULL || entry->n_postings > (*best)->n_postings))
    *best = entry;
}

/* A word found nowhere, or only as the start of longer words, may be a typo:
 * "sholder", "kneee", "burnig". Every spelling one edit away (a letter left
 * out, added, changed, or two swapped) is stemmed and looked up, and the
 * commonest found wins. Only whole ASCII words of five letters or more.
 */
static void
add_typo_lookups (SootheSearchIndex *self,
                  QueryTerm         *term)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  const char *word = term->word;
  gsize length = strlen (word);
  g_autoptr(GString) candidate = g_string_sized_new (length + 2);
  const StemEntry *best = NULL;

  term->tried_typos = TRUE;
  if (term->n_letters < MIN_TYPO_LETTERS || !g_str_is_ascii (word))
    return;

  for (gsize i = 0; i <= length; i++)
    {
      if (i < length)
        {
          /* left out */
          g_string_assign (candidate, word);
          g_string_erase (candidate, i, 1);
          consider_typo (self, candidate, &best);

          /* swapped */
          if (i + 1 < length)
            {
              g_string_assign (candidate, word);
              candidate->str[i] = word[i + 1];
              candidate->str[i + 1] = word[i];
              consider_typo (self, candidate, &best);
            }
        }

      for (const char *c = letters; *c != '\0'; c++)
        {
          /* added */
          g_string_assign (candidate, word);
          g_string_insert_c (candidate, i, *c);
          consider_typo (self, candidate, &best);

          /* changed */
          if (i < length && word[i] != *c)
            {
              g_string_assign (candidate, word);
              candidate->str[i] = *c;
              consider_typo (self, candidate, &best);
            }
        }
    }

  if (best != NULL)
    query_term_add_lookup (term, g_strdup (best->stem), LOOKUP_TYPO);
}

static gboolean
is_indexed_word (SootheSearchIndex *self,
                 const char        *word)
{
  g_autofree char *stem = g_strdup (word);

  if (!is_indexable (self, stem))
    return FALSE;
  stem_token (self->stemmer, stem);
  return g_hash_table_contains (self->stems, stem);
}

/* Whether the first @length bytes of @stem are an indexed word, with or
 * without a linking "s", or a stop word: "Nacken" in "Nackenschmerzen",
 * "Bewegung" in "Bewegungsmangel", "aus" in "ausstrahlen", but not
 * "daraufd" in "daraufdrücken". */
static gboolean
is_compound_head (SootheSearchIndex *self,
                  const char        *stem,
                  gsize              length)
{
  g_autofree char *head = g_strndup (stem, length);

  if (is_indexed_word (self, head) || g_hash_table_contains (self->stopwords, head))
    return TRUE;
  if (length > 1 && head[length - 1] == 's')
    {
      head[length - 1] = '\0';
      return is_indexed_word (self, head);
    }
  return FALSE;
}

/* German runs words together: "Schmerzen" should find "Rückenschmerzen". */
static void
add_compound_lookups (SootheSearchIndex *self,
                      QueryTerm         *term)
{
  const char *stem = query_term_stem (term);
  gsize length = strlen (stem);

  if (count_letters (stem, length) < MIN_PREFIX_LETTERS)
    return;

  for (guint i = 0; i < self->sorted_entries->len; i++)
    {
      const StemEntry *entry = g_ptr_array_index (self->sorted_entries, i);
      gsize entry_length = strlen (entry->stem);

      if (entry_length >= length + 3 && memcmp (entry->stem + entry_length - length, stem, length) == 0 &&
          is_compound_head (self, entry->stem, entry_length - length))
        query_term_add_lookup (term, g_strdup (entry->stem), LOOKUP_COMPOUND);
    }
}

static guint
lookup_factor (LookupKind kind)
{
  switch (kind)
    {
    case LOOKUP_EXACT:
    case LOOKUP_PREFIX:
      return EXACT_FACTOR;
    case LOOKUP_SYNONYM:
      return SYNONYM_FACTOR;
    case LOOKUP_TYPO:
      return TYPO_FACTOR;
    case LOOKUP_GUESS:
    case LOOKUP_COMPOUND:
    default:
      return PREFIX_FACTOR;
    }
}

static void
collect_lookups (SootheSearchIndex *self,
                 const QueryTerm   *term)
{
  for (guint i = 0; i < term->lookups->len; i++)
    {
      const Lookup *lookup = &g_array_index (term->lookups, Lookup, i);

      if (lookup->kind == LOOKUP_PREFIX)
        {
          gsize length = strlen (lookup->stem);

          for (guint pos = find_first_stem (self, lookup->stem); pos < self->sorted_entries->len; pos++)
            {
              const StemEntry *entry = g_ptr_array_index (self->sorted_entries, pos);

              if (strncmp (entry->stem, lookup->stem, length) != 0)
                break;

              collect_postings (self, entry,
                                entry->stem[length] == '\0' ? EXACT_FACTOR : PREFIX_FACTOR);
            }
        }
      else
        {
          const StemEntry *entry = g_hash_table_lookup (self->stems, lookup->stem);

          if (entry != NULL)
            collect_postings (self, entry, lookup_factor (lookup->kind));
        }
    }
}

/* BM25's inverse document frequency, never below zero. */
static double
inverse_frequency (guint n_documents,
                   guint n_matching)
{
  return log (1.0 + (n_documents - n_matching + 0.5) / (n_matching + 0.5));
}

/* In passage ranking, a term's weight is scaled by its rarity: these many
 * units stand for an inverse document frequency of one. */
#define IDF_UNITS 16.0

/* Whether the word, or one of its synonyms, is itself in the index. */
static gboolean
query_term_has_indexed_stem (SootheSearchIndex *self,
                             const QueryTerm   *term)
{
  for (guint i = 0; i < term->lookups->len; i++)
    {
      const Lookup *lookup = &g_array_index (term->lookups, Lookup, i);

      if (lookup->kind != LOOKUP_TYPO && g_hash_table_contains (self->stems, lookup->stem))
        return TRUE;
    }
  return FALSE;
}

static void
match_term (SootheSearchIndex *self,
            QueryTerm         *term,
            guint              bit)
{
  guint idf_units = 1;

  g_assert (self->n_term_documents == 0);

  collect_lookups (self, term);

  /* Found nothing, or only longer words: "kneee" is not a prefix of anything
   * that means a knee. A word still being typed is left to its prefix. */
  if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES && !term->typing && !term->tried_typos &&
      (self->n_term_documents == 0 || !query_term_has_indexed_stem (self, term)))
    {
      guint first_typo = term->lookups->len;

      add_typo_lookups (self, term);
      if (term->lookups->len > first_typo)
        collect_lookups (self, term);
    }

  term->n_documents = self->n_term_documents;
  if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES)
    {
      term->idf = inverse_frequency (self->n_documents, term->n_documents);
      idf_units = MAX (1, (guint) (term->idf * IDF_UNITS + 0.5));
    }

  for (guint i = 0; i < self->n_term_documents; i++)
    {
      guint document = self->term_documents[i];

      if (self->document_terms[document] == 0)
        self->hit_documents[self->n_hit_documents++] = document;

      self->document_score[document] += self->term_weight[document] * idf_units;
      self->document_terms[document] |= 1u << bit;
      self->term_weight[document] = 0;
    }

  self->n_term_documents = 0;
}

/* Adds the lookups for one spelling of a query word (as typed, or its ASCII
 * alternate). @token is folded; it is consumed.
 */
static void
query_term_add_spelling (SootheSearchIndex *self,
                         QueryTerm         *term,
                         char              *token,
                         gboolean           typing)
{
  char *guess = typing && self->stemmer == SOOTHE_STEMMER_ENGLISH ? guess_stem_of_partial (token) : NULL;
  gboolean prefix;

  stem_token (self->stemmer, token);
  /* A word being typed that is already one the index has is taken as typed:
   * "shoulder blade" is about the blade, not the bladder, even before the
   * space. German words begin longer ones ("Knie", "Kniescheibe") and are
   * left to grow. */
  if (typing && self->stemmer != SOOTHE_STEMMER_GERMAN && g_hash_table_contains (self->stems, token))
    {
      typing = FALSE;
      g_clear_pointer (&guess, g_free);
    }
  /* A whole word finds longer ones only in titles or in German, whose
   * compounds begin with it ("Knie", "Knieschmerzen"): in passages "blades"
   * is not "bladder". */
  prefix = typing || (count_letters (token, strlen (token)) >= MIN_PREFIX_LETTERS &&
                      (self->ranking == SOOTHE_SEARCH_RANK_FIELDS || self->stemmer == SOOTHE_STEMMER_GERMAN));

  query_term_add_lookup (term, token, prefix ? LOOKUP_PREFIX : LOOKUP_EXACT);

  if (guess != NULL && strcmp (guess, token) != 0)
    query_term_add_lookup (term, guess, LOOKUP_GUESS);
  else
    g_free (guess);
}

static void
query_term_add_synonyms (SootheSearchIndex *self,
                         QueryTerm         *term)
{
  GPtrArray *group = g_hash_table_lookup (self->synonyms, query_term_stem (term));

  for (guint i = 0; group != NULL && i < group->len; i++)
    {
      const char *stem = g_ptr_array_index (group, i);

      if (strcmp (stem, query_term_stem (term)) != 0)
        query_term_add_lookup (term, g_strdup (stem), LOOKUP_SYNONYM);
    }
}

/* Only the last word can still be being typed, and only while the query
 * ends inside it: "shoul" but not "shoul " or "shoul?".
 */
static gboolean
ends_inside_word (const char *query)
{
  const char *last;
  gunichar c;

  if (query[0] == '\0')
    return FALSE;

  last = g_utf8_find_prev_char (query, query + strlen (query));
  c = g_utf8_get_char (last);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether @stem is a word or a synonym the term already looks up. */
static gboolean
query_term_has_stem (const QueryTerm *term,
                     const char      *stem)
{
  for (guint i = 0; i < term->lookups->len; i++)
    {
      const Lookup *lookup = &g_array_index (term->lookups, Lookup, i);

      if ((lookup->kind == LOOKUP_EXACT || lookup->kind == LOOKUP_PREFIX ||
           lookup->kind == LOOKUP_SYNONYM) && strcmp (lookup->stem, stem) == 0)
        return TRUE;
    }
  return FALSE;
}

/* German writes "Brustschmerzen" where the advice says "Schmerzen in der
 * Brust": a long word made of two indexed words, with or without the linking
 * "s", is asked as the two. So is a word that is not in the index, in any
 * language, when a space went missing. Returns FALSE when @word is neither. */
static gboolean
split_compound (SootheSearchIndex  *self,
                const char         *word,
                char              **head,
                char              **tail)
{
  guint n_letters = count_letters (word, strlen (word));
  guint letters = 0;

  if (n_letters < 8)
    return FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *first = NULL;
      const char *rest = p;

      if (++letters < 3 || n_letters - letters < 4)
        continue;
      rest = g_utf8_next_char (p);
      first = g_strndup (word, rest - word);

      if (is_indexed_word (self, first))
        {
          if (is_indexed_word (self, rest))
            {
              *head = g_steal_pointer (&first);
              *tail = g_strdup (rest);
              return TRUE;
            }
          /* A linking "s" is only guessed at for a word the index does not
           * have, and leaves a word of its own: "Reise" and "end" are not
           * "reißend", nor "reißender". */
          if (*rest == 's' && n_letters - letters - 1 >= 4 && is_indexed_word (self, rest + 1) &&
              !is_indexed_word (self, word))
            {
              *head = g_steal_pointer (&first);
              *tail = g_strdup (rest + 1);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* "Rückenweh" is "Rücken" with "weh", which is said of every pain: the
 * indexed word before it, or NULL. */
static char *
head_of_weh (SootheSearchIndex *self,
             const char        *word)
{
  gsize length = strlen (word);
  g_autofree char *head = NULL;

  if (length <= 6 || !g_str_has_suffix (word, "weh") || is_indexed_word (self, word))
    return NULL;
  head = g_strndup (word, length - 3);
  return is_indexed_word (self, head) ? g_steal_pointer (&head) : NULL;
}

/* Whether @word is one soothe_search_index_keep_whole() was given. */
static gboolean
is_kept_whole (SootheSearchIndex *self,
               const char        *word)
{
  g_autofree char *stem = NULL;

  if (g_hash_table_size (self->whole) == 0 || !is_indexable (self, word))
    return FALSE;
  stem = g_strdup (word);
  stem_token (self->stemmer, stem);
  return g_hash_table_contains (self->whole, stem);
}

/* The words of @query to look for, compounds split. */
static GStrv
query_words (SootheSearchIndex *self,
             GStrv              tokens)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  gboolean passages = self->ranking == SOOTHE_SEARCH_RANK_PASSAGES;
  gboolean german = self->stemmer == SOOTHE_STEMMER_GERMAN;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *head = NULL;
      g_autofree char *tail = NULL;

      /* In any language two words can run together by mistake: "chesthurts". */
      if (is_kept_whole (self, tokens[i]))
        g_strv_builder_add (words, tokens[i]);
      else if (passages && (german || !is_indexed_word (self, tokens[i])) &&
          split_compound (self, tokens[i], &head, &tail))
        {
          g_strv_builder_add (words, head);
          g_strv_builder_add (words, tail);
        }
      else if (passages && german && (head = head_of_weh (self, tokens[i])) != NULL)
        g_strv_builder_add (words, head);
      else
        g_strv_builder_add (words, tokens[i]);
    }
  return g_strv_builder_end (words);
}

/* A number of one or two digits in a question is how long or how much
 * ("30 weeks pregnant", "for 2 days"), not what it is about: the advice's
 * "every 30 minutes" has nothing to do with it. An emergency number stays. */
static gboolean
is_quantity (const char *token)
{
  gsize length = strlen (token);

  return length <= 2 && g_ascii_isdigit (token[0]) && (length == 1 || g_ascii_isdigit (token[1]));
}

/* One term per distinct stem; a word given twice, or a synonym of an earlier
 * word ("hurts" after "pain"), counts once. */
static SootheSearchQuery *
parse_query (SootheSearchIndex *self,
             const char        *query)
{
  SootheSearchQuery *parsed = g_new0 (SootheSearchQuery, 1);
  g_auto(GStrv) folded = g_str_tokenize_and_fold (query, NULL, NULL);
  g_auto(GStrv) tokens = query_words (self, folded);
  guint n_tokens = g_strv_length (tokens);
  gboolean typing_last = ends_inside_word (query);

  parsed->terms = g_array_new (FALSE, TRUE, sizeof (QueryTerm));
  g_array_set_clear_func (parsed->terms, query_term_clear);

  for (guint i = 0; i < n_tokens && parsed->terms->len < MAX_TERMS; i++)
    {
      gboolean typing = typing_last && i + 1 == n_tokens;
      g_auto(GStrv) alternates = NULL;
      g_auto(GStrv) refolded = NULL;
      QueryTerm term = { 0 };
      QueryTerm *earlier = NULL;

      if (!is_indexable (self, tokens[i]) || is_quantity (tokens[i]))
        continue;

      term.lookups = g_array_new (FALSE, FALSE, sizeof (Lookup));
      g_array_set_clear_func (term.lookups, lookup_clear);
      term.n_letters = count_letters (tokens[i], strlen (tokens[i]));
      term.word = g_strdup (tokens[i]);
      term.typing = typing;

      /* The alternates of a whole query do not say which word they belong to. */
      if (!g_str_is_ascii (tokens[i]))
        refolded = g_str_tokenize_and_fold (tokens[i], NULL, &alternates);

      query_term_add_spelling (self, &term, g_strdup (tokens[i]), typing);

      if (alternates != NULL && alternates[0] != NULL && is_indexable (self, alternates[0]))
        query_term_add_spelling (self, &term, g_strdup (alternates[0]), typing);

      for (guint t = 0; t < parsed->terms->len && earlier == NULL; t++)
        if (query_term_has_stem (&g_array_index (parsed->terms, QueryTerm, t), query_term_stem (&term)))
          earlier = &g_array_index (parsed->terms, QueryTerm, t);

      if (earlier != NULL)
        {
          Lookup *first = &g_array_index (earlier->lookups, Lookup, 0);

          /* The same word again, now being typed: let the earlier one grow. */
          if (typing && first->kind == LOOKUP_EXACT && strcmp (first->stem, query_term_stem (&term)) == 0)
            first->kind = LOOKUP_PREFIX;

          query_term_clear (&term);
          continue;
        }

      query_term_add_synonyms (self, &term);
      if (self->stemmer == SOOTHE_STEMMER_GERMAN && self->ranking == SOOTHE_SEARCH_RANK_PASSAGES)
        {
          prepare_for_query (self);
          add_compound_lookups (self, &term);
        }
      g_array_append_val (parsed->terms, term);
    }

  return parsed;
}

/* A query may hit every document, and a comparison sort of ten thousand hits
 * costs more than finding them. Least significant byte first, skipping bytes
 * that are the same in every key (most are). Sorts @keys, using @buffer.
 */
static void
radix_sort (guint64 *keys,
            guint64 *buffer,
            guint    n_keys)
{
  guint counts[8][256] = { { 0 } };
  guint64 *from = keys;
  guint64 *to = buffer;

  for (guint i = 0; i < n_keys; i++)
    for (guint b = 0; b < 8; b++)
      counts[b][(keys[i] >> (8 * b)) & 0xff]++;

  for (guint b = 0; b < 8 && n_keys > 0; b++)
    {
      guint offset = 0;
      guint64 *swap;

      if (counts[b][(keys[0] >> (8 * b)) & 0xff] == n_keys)
        continue;

      for (guint digit = 0; digit < 256; digit++)
        {
          guint count = counts[b][digit];

          counts[b][digit] = offset;
          offset += count;
        }

      for (guint i = 0; i < n_keys; i++)
        to[counts[b][(from[i] >> (8 * b)) & 0xff]++] = from[i];

      swap = from;
      from = to;
      to = swap;
    }

  if (from != keys)
    memcpy (keys, from, n_keys * sizeof *keys);
}

static void
soothe_search_index_finalize (GObject *object)
{
  SootheSearchIndex *self = (SootheSearchIndex *)object;

  g_clear_pointer (&self->sorted_entries, g_ptr_array_unref);
  g_clear_pointer (&self->unsorted_entries, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_clear_pointer (&self->stopwords, g_hash_table_unref);
  g_clear_pointer (&self->synonyms, g_hash_table_unref);
  g_clear_pointer (&self->whole, g_hash_table_unref);
  g_clear_pointer (&self->lengths, g_array_unref);
  g_clear_pointer (&self->term_weight, g_free);
  g_clear_pointer (&self->document_score, g_free);
  g_clear_pointer (&self->document_terms, g_free);
  g_clear_pointer (&self->sort_keys, g_free);
  g_clear_pointer (&self->term_documents, g_free);
  g_clear_pointer (&self->hit_documents, g_free);

  G_OBJECT_CLASS (soothe_search_index_parent_class)->finalize (object);
}

static void
soothe_search_index_class_init (SootheSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soothe_search_index_finalize;
}

static void
soothe_search_index_init (SootheSearchIndex *self)
{
  self->stopwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, stem_entry_free);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->synonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->whole = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lengths = g_array_new (FALSE, TRUE, sizeof (guint16));
  self->unsorted_entries = g_ptr_array_new ();
}

/* Folds @words as the index folds text, with their ASCII alternates. */
static GPtrArray *
fold_words (const char * const *words,
            const char         *what)
{
  GPtrArray *folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = NULL;
      g_auto(GStrv) alternates = NULL;

      if (!g_utf8_validate (words[i], -1, NULL))
        {
          g_warning ("Ignoring %s that is not UTF-8", what);
          continue;
        }

      tokens = g_str_tokenize_and_fold (words[i], NULL, &alternates);

      for (guint j = 0; tokens[j] != NULL; j++)
        g_ptr_array_add (folded, g_strdup (tokens[j]));
      for (guint j = 0; alternates[j] != NULL; j++)
        g_ptr_array_add (folded, g_strdup (alternates[j]));
    }

  return folded;
}

/**
 * soothe_search_index_new_full:
 * @stopwords: (nullable) (array zero-terminated=1): words to ignore
 * @ranking: how hits are scored
 * @stemmer: the language whose word endings are taken off
 *
 * Stop words are folded like everything else, so "My" and "my" are the same.
 *
 * Returns: (transfer full): a new, empty index
 */
SootheSearchIndex *
soothe_search_index_new_full (const char * const  *stopwords,
                              SootheSearchRanking  ranking,
                              SootheStemmer        stemmer)
{
  SootheSearchIndex *self = g_object_new (SOOTHE_TYPE_SEARCH_INDEX, NULL);
  g_autoptr(GPtrArray) folded = fold_words (stopwords, "stop word");

  self->ranking = ranking;
  self->stemmer = stemmer;
  for (guint i = 0; i < folded->len; i++)
    g_hash_table_add (self->stopwords, g_strdup (g_ptr_array_index (folded, i)));

  return self;
}

/**
 * soothe_search_index_new:
 * @stopwords: (nullable) (array zero-terminated=1): words to ignore
 *
 * An index that scores by field weights alone, with English word endings.
 *
 * Returns: (transfer full): a new, empty index
 */
SootheSearchIndex *
soothe_search_index_new (const char * const *stopwords)
{
  return soothe_search_index_new_full (stopwords, SOOTHE_SEARCH_RANK_FIELDS, SOOTHE_STEMMER_ENGLISH);
}

/**
 * soothe_stemmer_for_language:
 * @language: (nullable): a language code such as "de" or "es_ES"
 *
 * Returns: the stemmer for @language; English for any other
 */
SootheStemmer
soothe_stemmer_for_language (const char *language)
{
  if (language != NULL && g_str_has_prefix (language, "de"))
    return SOOTHE_STEMMER_GERMAN;
  if (language != NULL && g_str_has_prefix (language, "es"))
    return SOOTHE_STEMMER_SPANISH;
  return SOOTHE_STEMMER_ENGLISH;
}

/**
 * soothe_search_index_add_synonyms:
 * @self: a #SootheSearchIndex
 * @words: (array zero-terminated=1): words that mean the same to a search
 *
 * A query word in the group also finds the others, a little below its own
 * weight. A word may be in several groups. Call before the first query.
 */
void
soothe_search_index_add_synonyms (SootheSearchIndex  *self,
                                  const char * const *words)
{
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (SOOTHE_IS_SEARCH_INDEX (self));
  g_return_if_fail (words != NULL);

  folded = fold_words (words, "synonym");
  for (guint i = 0; i < folded->len; i++)
    {
      char *stem = g_strdup (g_ptr_array_index (folded, i));

      stem_token (self->stemmer, stem);
      if (stem[0] == '\0' || g_ptr_array_find_with_equal_func (stems, stem, g_str_equal, NULL))
        g_free (stem);
      else
        g_ptr_array_add (stems, stem);
    }

  for (guint i = 0; i < stems->len && stems->len > 1; i++)
    {
      const char *stem = g_ptr_array_index (stems, i);
      GPtrArray *group = g_hash_table_lookup (self->synonyms, stem);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->synonyms, g_strdup (stem), group);
        }
      for (guint j = 0; j < stems->len; j++)
        if (!g_ptr_array_find_with_equal_func (group, g_ptr_array_index (stems, j), g_str_equal, NULL))
          g_ptr_array_add (group, g_strdup (g_ptr_array_index (stems, j)));
    }
}

/**
 * soothe_search_index_keep_whole:
 * @self: a #SootheSearchIndex
 * @word: a word as a question has it; the index folds and stems it
 *
 * A question's @word is looked for as it stands, never split into the two
 * indexed words it is made of: German "Kopfschmerzen" stays a headache and
 * is not "Kopf" and "Schmerzen". Call before the first query.
 */
void
soothe_search_index_keep_whole (SootheSearchIndex *self,
                                const char        *word)
{
  g_auto(GStrv) tokens = NULL;

  g_return_if_fail (SOOTHE_IS_SEARCH_INDEX (self));
  g_return_if_fail (word != NULL);

  if (!g_utf8_validate (word, -1, NULL))
    return;
  tokens = g_str_tokenize_and_fold (word, NULL, NULL);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (!is_indexable (self, tokens[i]))
        continue;
      stem_token (self->stemmer, tokens[i]);
      g_hash_table_add (self->whole, g_strdup (tokens[i]));
    }
}

/**
 * soothe_search_index_add:
 * @self: a #SootheSearchIndex
 * @document: the index of the document, below 2^24
 * @field: which part of the document @text is
 * @text: plain UTF-8 text
 *
 * Indexes the words of @text. A document may be given several texts for the
 * same field, in any order; only its stems are kept, never the text.
 */
void
soothe_search_index_add (SootheSearchIndex *self,
                         guint              document,
                         SootheSearchField  field,
                         const char        *text)
{
  g_autofree char *valid = NULL;
  guint32 posting;
  guint n_words;

  g_return_if_fail (SOOTHE_IS_SEARCH_INDEX (self));
  g_return_if_fail (document < MAX_DOCUMENTS);
  g_return_if_fail ((guint) field <= SOOTHE_SEARCH_FIELD_BODY);
  g_return_if_fail (text != NULL);

  /* The tokenizer would read past the end of a truncated sequence. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  self->n_documents = MAX (self->n_documents, document + 1);

  posting = POSTING_MAKE (document, SOOTHE_SEARCH_FIELD_BODY - field);
  n_words = add_words (self, text, posting);

  /* Keywords are alternatives, not prose: they do not make a document longer. */
  if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES && field != SOOTHE_SEARCH_FIELD_KEYWORDS)
    {
      guint16 *length;

      if (self->lengths->len < self->n_documents)
        g_array_set_size (self->lengths, self->n_documents);
      length = &g_array_index (self->lengths, guint16, document);
      self->total_length -= *length;
      *length = MIN (G_MAXUINT16, *length + n_words);
      self->total_length += *length;
    }
}

/**
 * soothe_search_index_parse:
 * @self: a #SootheSearchIndex
 * @query: what the person typed so far
 *
 * Splits @query into the terms soothe_search_index_run() looks for: one per
 * distinct word that is not a stop word, at most 32.
 *
 * Returns: (transfer full): the parsed query
 */
SootheSearchQuery *
soothe_search_index_parse (SootheSearchIndex *self,
                           const char        *query)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    query = valid = g_utf8_make_valid (query, -1);

  return parse_query (self, query);
}

/* The BM25 length factor for a word found once in @document. */
static double
length_factor (SootheSearchIndex *self,
               guint              document,
               double             average_length)
{
  guint length = document < self->lengths->len ? g_array_index (self->lengths, guint16, document) : 0;

  return (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * length / average_length));
}

/**
 * soothe_search_index_run:
 * @self: a #SootheSearchIndex
 * @query: a query parsed by @self
 *
 * The last word of @query is taken as a prefix unless @query ends after it
 * (with a space or punctuation). A document scores, for each term, the weight
 * of the best field the word is found in (0.7 of it for a prefix match),
 * plus a quarter more when it has every term. In passage ranking each term's
 * weight is also scaled by its rarity and the document's length (BM25), and
 * a word found nowhere is looked for with one letter wrong. Afterwards
 * @query knows how many documents each term matched.
 *
 * Not thread-safe: queries reuse scratch space kept in @self.
 *
 * Returns: (transfer full) (element-type SootheSearchHit): the hits with a
 *   score above zero, best first, then by document; in passage ranking, in
 *   no order
 */
GArray *
soothe_search_index_run (SootheSearchIndex *self,
                         SootheSearchQuery *query)
{
  g_autoptr(GArray) hits = NULL;
  guint n_terms;
  guint n_hits;
  guint32 all_terms;
  double average_length = 1;

  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  n_terms = query->terms->len;
  if (n_terms == 0 || self->n_documents == 0)
    return g_array_new (FALSE, FALSE, sizeof (SootheSearchHit));

  prepare_for_query (self);

  for (guint i = 0; i < n_terms; i++)
    match_term (self, &g_array_index (query->terms, QueryTerm, i), i);

  if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES)
    average_length = MAX (1.0, (double) self->total_length / self->n_documents);

  all_terms = n_terms == 32 ? G_MAXUINT32 : (1u << n_terms) - 1;
  n_hits = self->n_hit_documents;

  /* Ascending keys are descending scores, then ascending documents. */
  for (guint i = 0; i < n_hits; i++)
    {
      guint document = self->hit_documents[i];
      gboolean complete = self->document_terms[document] == all_terms;
      guint64 units = (guint64) self->document_score[document] * (complete ? 5 : 4);

      if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES)
        units = (guint64) (units * length_factor (self, document, average_length) + 0.5);

      self->sort_keys[i] = ((G_MAXUINT32 - MIN (units, G_MAXUINT32)) << 32) | document;
      /* The terms of a hit, kept until it is read back below. */
      self->document_score[document] = self->document_terms[document];
      self->document_terms[document] = 0;
    }

  self->n_hit_documents = 0;
  /* Passages are gathered by their situation, not read in order. */
  if (self->ranking == SOOTHE_SEARCH_RANK_FIELDS)
    radix_sort (self->sort_keys, self->sort_keys + self->scratch_size, n_hits);

  hits = g_array_sized_new (FALSE, FALSE, sizeof (SootheSearchHit), n_hits);
  g_array_set_size (hits, n_hits);

  for (guint i = 0; i < n_hits; i++)
    {
      SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);
      guint64 key = self->sort_keys[i];

      hit->document = key & G_MAXUINT32;
      hit->score = (G_MAXUINT32 - (key >> 32)) / SCORE_DIVISOR;
      if (self->ranking == SOOTHE_SEARCH_RANK_PASSAGES)
        hit->score /= IDF_UNITS;
      hit->terms = self->document_score[hit->document];
      self->document_score[hit->document] = 0;
    }

  return g_steal_pointer (&hits);
}

/**
 * soothe_search_index_query:
 * @self: a #SootheSearchIndex
 * @query: what the person typed so far
 *
 * Parses and runs @query; see soothe_search_index_run().
 *
 * Returns: (transfer full) (element-type SootheSearchHit): the hits, best first
 */
GArray *
soothe_search_index_query (SootheSearchIndex *self,
                           const char        *query)
{
  g_autoptr(SootheSearchQuery) parsed = NULL;

  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  parsed = soothe_search_index_parse (self, query);
  return soothe_search_index_run (self, parsed);
}

/**
 * soothe_search_index_get_n_documents:
 * @self: a #SootheSearchIndex
 *
 * Returns: the highest document index added, plus one
 */
guint
soothe_search_index_get_n_documents (SootheSearchIndex *self)
{
  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), 0);

  return self->n_documents;
}

/**
 * soothe_search_index_match_word:
 * @self: the index that parsed @query
 * @query: a parsed query, after soothe_search_index_run()
 * @word: one word of plain text, as it is shown
 *
 * Tells whether @word is one the query found, as the index would fold and
 * stem it: for showing the matched words of a passage.
 *
 * Returns: the position of the term @word matches, or -1
 */
int
soothe_search_index_match_word (SootheSearchIndex       *self,
                                const SootheSearchQuery *query,
                                const char              *word)
{
  g_auto(GStrv) tokens = NULL;
  g_auto(GStrv) alternates = NULL;

  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), -1);
  g_return_val_if_fail (query != NULL, -1);
  g_return_val_if_fail (word != NULL, -1);

  if (!g_utf8_validate (word, -1, NULL))
    return -1;

  tokens = g_str_tokenize_and_fold (word, NULL, &alternates);
  for (guint round = 0; round < 2; round++)
    {
      GStrv spellings = round == 0 ? tokens : alternates;

      for (guint s = 0; spellings[s] != NULL; s++)
        {
          g_autofree char *stem = NULL;

          if (!is_indexable (self, spellings[s]))
            continue;
          stem = g_strdup (spellings[s]);
          stem_token (self->stemmer, stem);

          for (guint t = 0; t < query->terms->len; t++)
            {
              const QueryTerm *term = &g_array_index (query->terms, QueryTerm, t);

              for (guint l = 0; l < term->lookups->len; l++)
                {
                  const Lookup *lookup = &g_array_index (term->lookups, Lookup, l);

                  if (lookup->kind == LOOKUP_PREFIX ? g_str_has_prefix (stem, lookup->stem)
                                                    : strcmp (stem, lookup->stem) == 0)
                    return t;
                }
            }
        }
    }

  return -1;
}

guint
soothe_search_query_get_n_terms (const SootheSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, 0);

  return query->terms->len;
}

/* Returns: how many documents term @term matched in the last run */
guint
soothe_search_query_get_term_documents (const SootheSearchQuery *query,
                                        guint                    term)
{
  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (term < query->terms->len, 0);

  return g_array_index (query->terms, QueryTerm, term).n_documents;
}

/* Returns: the term's rarity in the last run (BM25's inverse document
 * frequency), in passage ranking; 0 otherwise */
double
soothe_search_query_get_term_weight (const SootheSearchQuery *query,
                                     guint                    term)
{
  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (term < query->terms->len, 0);

  return g_array_index (query->terms, QueryTerm, term).idf;
}

/* Returns: whether term @term was found only with a letter corrected */
gboolean
soothe_search_query_get_term_corrected (const SootheSearchQuery *query,
                                        guint                    term)
{
  const QueryTerm *found;

  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (term < query->terms->len, FALSE);

  found = &g_array_index (query->terms, QueryTerm, term);
  return found->tried_typos && found->n_documents > 0;
}

void
soothe_search_query_free (SootheSearchQuery *query)
{
  if (query == NULL)
    return;

  g_array_unref (query->terms);
  g_free (query);
}
