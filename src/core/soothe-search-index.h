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

typedef struct {
  guint  document;
  double score;
} SootheSearchHit;

SootheSearchIndex *soothe_search_index_new             (const char * const *stopwords);
void               soothe_search_index_add             (SootheSearchIndex  *self,
                                                        guint               document,
                                                        SootheSearchField   field,
                                                        const char         *text);
GArray            *soothe_search_index_query           (SootheSearchIndex  *self,
                                                        const char         *query);
guint              soothe_search_index_get_n_documents (SootheSearchIndex  *self);

G_END_DECLS
