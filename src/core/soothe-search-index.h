/* soothe-search-index.h
 *
 * Copyright 2026 The Soothe authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOOTHE_TYPE_SEARCH_INDEX (soothe_search_index_get_type ())

G_DECLARE_FINAL_TYPE (SootheSearchIndex, soothe_search_index, SOOTHE, SEARCH_INDEX, GObject)

typedef enum {
  SOOTHE_SEARCH_FIELD_TITLE,     /* weight 10 */
  SOOTHE_SEARCH_FIELD_KEYWORDS,  /* weight 8 */
  SOOTHE_SEARCH_FIELD_SUMMARY,   /* weight 3 */
  SOOTHE_SEARCH_FIELD_BODY,      /* weight 1 */
} SootheSearchField;

typedef enum {
  SOOTHE_SEARCH_RANK_FIELDS,    /* field weights only: short documents such as titles */
  SOOTHE_SEARCH_RANK_PASSAGES,  /* field weights scaled by rarity and length (BM25), with typos */
} SootheSearchRanking;

typedef enum {
  SOOTHE_STEMMER_ENGLISH,
  SOOTHE_STEMMER_GERMAN,
  SOOTHE_STEMMER_SPANISH,
} SootheStemmer;

typedef struct {
  guint   document;
  double  score;
  guint32 terms;     /* bit i: the query's term i is in the document */
} SootheSearchHit;

/* A query split into terms; after a run it knows what each term matched. */
typedef struct _SootheSearchQuery SootheSearchQuery;

SootheSearchIndex *soothe_search_index_new             (const char * const      *stopwords);
SootheSearchIndex *soothe_search_index_new_full        (const char * const      *stopwords,
                                                        SootheSearchRanking      ranking,
                                                        SootheStemmer            stemmer);
SootheStemmer      soothe_stemmer_for_language         (const char              *language);
void               soothe_search_index_add_synonyms    (SootheSearchIndex       *self,
                                                        const char * const      *words);
void               soothe_search_index_keep_whole      (SootheSearchIndex       *self,
                                                        const char              *word);
void               soothe_search_index_add             (SootheSearchIndex       *self,
                                                        guint                    document,
                                                        SootheSearchField        field,
                                                        const char              *text);
GArray            *soothe_search_index_query           (SootheSearchIndex       *self,
                                                        const char              *query);
SootheSearchQuery *soothe_search_index_parse           (SootheSearchIndex       *self,
                                                        const char              *query);
GArray            *soothe_search_index_run             (SootheSearchIndex       *self,
                                                        SootheSearchQuery       *query);
int                soothe_search_index_match_word      (SootheSearchIndex       *self,
                                                        const SootheSearchQuery *query,
                                                        const char              *word);
guint              soothe_search_index_get_n_documents (SootheSearchIndex       *self);

guint              soothe_search_query_get_n_terms     (const SootheSearchQuery *query);
guint              soothe_search_query_get_term_documents
                                                       (const SootheSearchQuery *query,
                                                        guint                    term);
double             soothe_search_query_get_term_weight (const SootheSearchQuery *query,
                                                        guint                    term);
gboolean           soothe_search_query_get_term_corrected
                                                       (const SootheSearchQuery *query,
                                                        guint                    term);
void               soothe_search_query_free            (SootheSearchQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SootheSearchQuery, soothe_search_query_free)

G_END_DECLS
