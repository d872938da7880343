/* soothe-search-index.c
 *
 * Copyright 2026 The Soothe authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-search-index"

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
  LOOKUP_EXACT,   /* the stem itself, full weight */
  LOOKUP_PREFIX,  /* the stem at full weight, longer stems at prefix weight */
  LOOKUP_GUESS,   /* the stem itself, at prefix weight */
} LookupKind;

#define MAX_LOOKUPS 4

typedef struct
{
  char       *stems[MAX_LOOKUPS];
  LookupKind  kinds[MAX_LOOKUPS];
  guint       n_lookups;
} QueryTerm;

struct _SootheSearchIndex
{
  GObject     parent_instance;

  /* Owned data */
  GHashTable *stopwords;         /* folded stop word -> itself */
  GHashTable *stems;             /* stem -> StemEntry, owns the entries */

  /* Derived lazily on the first query after adds */
  GPtrArray  *sorted_entries;    /* StemEntry, by stem; NULL when stale */
  GPtrArray  *unsorted_entries;  /* StemEntry whose postings need sorting */

  /* Per-query scratch, indexed by document; the first three are all zero between queries */
  guint8     *term_weight;
  guint32    *document_score;
  guint32    *document_n_terms;
  guint64    *sort_keys;         /* twice scratch_size: keys, then radix buffer */
  guint       scratch_size;
  GArray     *term_documents;
  GArray     *hit_documents;

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
query_term_clear (gpointer data)
{
  QueryTerm *term = data;

  for (guint i = 0; i < term->n_lookups; i++)
    g_free (term->stems[i]);
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

/* A light suffix stripper, in place. It only ever has to agree with itself:
 * indexed words and query words go through the same steps.
 */
static void
stem_token (char *token)
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

static void
add_token (SootheSearchIndex *self,
           char              *token,
           guint32            posting)
{
  StemEntry *entry;

  if (!is_indexable (self, token))
    return;

  stem_token (token);

  entry = g_hash_table_lookup (self->stems, token);

  if (entry == NULL)
    {
      gsize length = strlen (token);

      entry = g_malloc0 (sizeof *entry + length + 1);
      memcpy (entry->stem, token, length + 1);
      g_hash_table_insert (self->stems, entry->stem, entry);
      g_clear_pointer (&self->sorted_entries, g_ptr_array_unref);
    }

  stem_entry_add_posting (self, entry, posting);
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
static void
add_words (SootheSearchIndex *self,
           const char        *text,
           guint32            posting)
{
  const char *p = text;
  char buffer[64];

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
          add_token (self, token, posting);
          if (token != buffer)
            g_free (token);
        }
      else
        {
          g_autofree char *word = g_strndup (start, length);
          g_auto(GStrv) alternates = NULL;
          g_auto(GStrv) tokens = g_str_tokenize_and_fold (word, NULL, &alternates);

          for (guint i = 0; tokens[i] != NULL; i++)
            add_token (self, tokens[i], posting);
          for (guint i = 0; alternates[i] != NULL; i++)
            add_token (self, alternates[i], posting);
        }
    }
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
      g_free (self->document_n_terms);
      g_free (self->sort_keys);

      self->scratch_size = self->n_documents;
      self->term_weight = g_new0 (guint8, self->scratch_size);
      self->document_score = g_new0 (guint32, self->scratch_size);
      self->document_n_terms = g_new0 (guint32, self->scratch_size);
      self->sort_keys = g_new (guint64, 2 * (gsize) self->scratch_size);
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
            g_array_append_val (self->term_documents, document);
          self->term_weight[document] = weight;
        }
    }
}

static void
match_term (SootheSearchIndex *self,
            const QueryTerm   *term)
{
  g_assert (self->term_documents->len == 0);

  for (guint i = 0; i < term->n_lookups; i++)
    {
      const char *stem = term->stems[i];

      if (term->kinds[i] == LOOKUP_PREFIX)
        {
          gsize length = strlen (stem);

          for (guint pos = find_first_stem (self, stem); pos < self->sorted_entries->len; pos++)
            {
              const StemEntry *entry = g_ptr_array_index (self->sorted_entries, pos);

              if (strncmp (entry->stem, stem, length) != 0)
                break;

              collect_postings (self, entry,
                                entry->stem[length] == '\0' ? EXACT_FACTOR : PREFIX_FACTOR);
            }
        }
      else
        {
          const StemEntry *entry = g_hash_table_lookup (self->stems, stem);

          if (entry != NULL)
            collect_postings (self, entry,
                              term->kinds[i] == LOOKUP_EXACT ? EXACT_FACTOR : PREFIX_FACTOR);
        }
    }

  for (guint i = 0; i < self->term_documents->len; i++)
    {
      guint document = g_array_index (self->term_documents, guint, i);

      if (self->document_n_terms[document] == 0)
        g_array_append_val (self->hit_documents, document);

      self->document_score[document] += self->term_weight[document];
      self->document_n_terms[document] += 1;
      self->term_weight[document] = 0;
    }

  g_array_set_size (self->term_documents, 0);
}

static void
query_term_add_lookup (QueryTerm  *term,
                       char       *stem,
                       LookupKind  kind)
{
  g_assert (term->n_lookups < MAX_LOOKUPS);

  term->stems[term->n_lookups] = stem;
  term->kinds[term->n_lookups] = kind;
  term->n_lookups++;
}

/* Adds the lookups for one spelling of a query word (as typed, or its ASCII
 * alternate). @token is folded; it is consumed.
 */
static void
query_term_add_spelling (QueryTerm *term,
                         char      *token,
                         gboolean   typing)
{
  char *guess = typing ? guess_stem_of_partial (token) : NULL;
  gboolean prefix;

  stem_token (token);
  prefix = typing || count_letters (token, strlen (token)) >= MIN_PREFIX_LETTERS;

  query_term_add_lookup (term, token, prefix ? LOOKUP_PREFIX : LOOKUP_EXACT);

  if (guess != NULL && strcmp (guess, token) != 0)
    query_term_add_lookup (term, guess, LOOKUP_GUESS);
  else
    g_free (guess);
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

/* One term per distinct stem; a word given twice counts once. */
static GArray *
parse_query (SootheSearchIndex *self,
             const char        *query)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, TRUE, sizeof (QueryTerm));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (query, NULL, NULL);
  guint n_tokens = g_strv_length (tokens);
  gboolean typing_last = ends_inside_word (query);

  g_array_set_clear_func (terms, query_term_clear);

  for (guint i = 0; i < n_tokens; i++)
    {
      gboolean typing = typing_last && i + 1 == n_tokens;
      g_auto(GStrv) alternates = NULL;
      g_auto(GStrv) refolded = NULL;
      QueryTerm term = { 0 };
      gpointer index;

      if (!is_indexable (self, tokens[i]))
        continue;

      /* The alternates of a whole query do not say which word they belong to. */
      if (!g_str_is_ascii (tokens[i]))
        refolded = g_str_tokenize_and_fold (tokens[i], NULL, &alternates);

      query_term_add_spelling (&term, g_strdup (tokens[i]), typing);

      if (alternates != NULL && alternates[0] != NULL && is_indexable (self, alternates[0]))
        query_term_add_spelling (&term, g_strdup (alternates[0]), typing);

      if (g_hash_table_lookup_extended (seen, term.stems[0], NULL, &index))
        {
          QueryTerm *earlier = &g_array_index (terms, QueryTerm, GPOINTER_TO_UINT (index));

          /* The same word again, now being typed: let the earlier one grow. */
          if (typing && earlier->kinds[0] == LOOKUP_EXACT)
            earlier->kinds[0] = LOOKUP_PREFIX;

          query_term_clear (&term);
          continue;
        }

      g_hash_table_insert (seen, g_strdup (term.stems[0]), GUINT_TO_POINTER (terms->len));
      g_array_append_val (terms, term);
    }

  return g_steal_pointer (&terms);
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
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_clear_pointer (&self->stopwords, g_hash_table_unref);
  g_clear_pointer (&self->term_weight, g_free);
  g_clear_pointer (&self->document_score, g_free);
  g_clear_pointer (&self->document_n_terms, g_free);
  g_clear_pointer (&self->sort_keys, g_free);
  g_clear_pointer (&self->term_documents, g_array_unref);
  g_clear_pointer (&self->hit_documents, g_array_unref);

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
  self->unsorted_entries = g_ptr_array_new ();
  self->term_documents = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hit_documents = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * soothe_search_index_new:
 * @stopwords: (nullable) (array zero-terminated=1): words to ignore
 *
 * Stop words are folded like everything else, so "My" and "my" are the same.
 *
 * Returns: (transfer full): a new, empty index
 */
SootheSearchIndex *
soothe_search_index_new (const char * const *stopwords)
{
  SootheSearchIndex *self = g_object_new (SOOTHE_TYPE_SEARCH_INDEX, NULL);

  for (guint i = 0; stopwords != NULL && stopwords[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = NULL;
      g_auto(GStrv) alternates = NULL;

      if (!g_utf8_validate (stopwords[i], -1, NULL))
        {
          g_warning ("Ignoring stop word that is not UTF-8");
          continue;
        }

      tokens = g_str_tokenize_and_fold (stopwords[i], NULL, &alternates);

      for (guint j = 0; tokens[j] != NULL; j++)
        g_hash_table_add (self->stopwords, g_strdup (tokens[j]));
      for (guint j = 0; alternates[j] != NULL; j++)
        g_hash_table_add (self->stopwords, g_strdup (alternates[j]));
    }

  return self;
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

  g_return_if_fail (SOOTHE_IS_SEARCH_INDEX (self));
  g_return_if_fail (document < MAX_DOCUMENTS);
  g_return_if_fail ((guint) field <= SOOTHE_SEARCH_FIELD_BODY);
  g_return_if_fail (text != NULL);

  /* The tokenizer would read past the end of a truncated sequence. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  self->n_documents = MAX (self->n_documents, document + 1);

  posting = POSTING_MAKE (document, SOOTHE_SEARCH_FIELD_BODY - field);
  add_words (self, text, posting);
}

/**
 * soothe_search_index_query:
 * @self: a #SootheSearchIndex
 * @query: what the person typed so far
 *
 * The last word of @query is taken as a prefix unless @query ends after it
 * (with a space or punctuation). A document scores, for each distinct query
 * word, the weight of the best field the word is found in (0.7 of it for a
 * prefix match), plus a quarter more when it has every query word.
 *
 * Not thread-safe: queries reuse scratch space kept in @self.
 *
 * Returns: (transfer full) (element-type SootheSearchHit): the hits with a
 *   score above zero, best first, then by document
 */
GArray *
soothe_search_index_query (SootheSearchIndex *self,
                           const char        *query)
{
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) terms = NULL;
  g_autofree char *valid = NULL;
  guint n_hits;

  g_return_val_if_fail (SOOTHE_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    query = valid = g_utf8_make_valid (query, -1);

  terms = parse_query (self, query);

  if (terms->len == 0 || self->n_documents == 0)
    return g_array_new (FALSE, FALSE, sizeof (SootheSearchHit));

  prepare_for_query (self);

  for (guint i = 0; i < terms->len; i++)
    match_term (self, &g_array_index (terms, QueryTerm, i));

  n_hits = self->hit_documents->len;

  /* Ascending keys are descending scores, then ascending documents. */
  for (guint i = 0; i < n_hits; i++)
    {
      guint document = g_array_index (self->hit_documents, guint, i);
      guint64 units = (guint64) self->document_score[document] *
                      (self->document_n_terms[document] == terms->len ? 5 : 4);

      self->sort_keys[i] = ((G_MAXUINT32 - MIN (units, G_MAXUINT32)) << 32) | document;

      self->document_score[document] = 0;
      self->document_n_terms[document] = 0;
    }

  g_array_set_size (self->hit_documents, 0);
  radix_sort (self->sort_keys, self->sort_keys + self->scratch_size, n_hits);

  hits = g_array_sized_new (FALSE, FALSE, sizeof (SootheSearchHit), n_hits);
  g_array_set_size (hits, n_hits);

  for (guint i = 0; i < n_hits; i++)
    {
      SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);
      guint64 key = self->sort_keys[i];

      hit->document = key & G_MAXUINT32;
      hit->score = (G_MAXUINT32 - (key >> 32)) / SCORE_DIVISOR;
    }

  return g_steal_pointer (&hits);
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
