/* soothe-answers.h: a question answered with passages of the advice
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "soothe-search-index.h"

G_BEGIN_DECLS

typedef struct _SootheContent SootheContent;

typedef enum {
  SOOTHE_PASSAGE_EMERGENCY,  /* a get-help line: call emergency services */
  SOOTHE_PASSAGE_URGENT,     /* a get-help line: a doctor today */
  SOOTHE_PASSAGE_ADVICE,     /* an item of an advice section */
  SOOTHE_PASSAGE_SUMMARY,
  SOOTHE_PASSAGE_THERAPY,    /* why heat or cold */
  SOOTHE_PASSAGE_STRETCH,    /* a stretch: name, summary, cautions */
  SOOTHE_PASSAGE_TITLE,      /* the situation itself, found by title or keywords */
} SoothePassageKind;

/* Where a passage is in its situation. */
typedef struct {
  guint             situation;  /* position in soothe_content_get_situations() */
  SoothePassageKind kind;
  guint             section;    /* advice: the section */
  guint             item;       /* advice: the section's item; get help: the line;
                                 * stretch: the situation's stretch */
} SoothePassage;

#define SOOTHE_ANSWER_MAX_PASSAGES 2

typedef struct {
  guint         situation;      /* position in soothe_content_get_situations() */
  double        score;
  guint         n_passages;     /* at least one */
  SoothePassage passages[SOOTHE_ANSWER_MAX_PASSAGES];  /* best first */
} SootheAnswer;

typedef struct {
  gboolean       has_red_flag;
  SoothePassage  red_flag;      /* an emergency or same-day line, the first answer */
  GArray        *answers;       /* SootheAnswer, best first; empty: Soothe has no advice for it */
  /*< private >*/
  SootheSearchQuery *query;
} SootheAnswerSet;

typedef enum {
  SOOTHE_ASK_NONE     = 0,
  SOOTHE_ASK_PREGNANT = 1 << 0,  /* leave out what the advice pane hides in pregnancy */
} SootheAskFlags;

#define SOOTHE_TYPE_ANSWERS (soothe_answers_get_type ())

G_DECLARE_FINAL_TYPE (SootheAnswers, soothe_answers, SOOTHE, ANSWERS, GObject)

SootheAnswers   *soothe_answers_new              (SootheContent       *content,
                                                  const char * const  *stopwords,
                                                  GPtrArray           *synonyms,
                                                  const char * const  *not_covered,
                                                  const char          *language);
SootheAnswerSet *soothe_answers_ask              (SootheAnswers       *self,
                                                  const char          *question,
                                                  SootheAskFlags       flags);
char            *soothe_answers_get_text         (SootheAnswers       *self,
                                                  const SoothePassage *passage);
char            *soothe_answers_highlight        (SootheAnswers       *self,
                                                  SootheAnswerSet     *set,
                                                  const char          *text);
char            *soothe_answers_passage_to_string
                                                 (SootheAnswers       *self,
                                                  const SoothePassage *passage);
gboolean         soothe_answers_passage_from_string
                                                 (SootheAnswers       *self,
                                                  const char          *string,
                                                  SoothePassage       *passage);
SootheContent   *soothe_answers_get_content      (SootheAnswers       *self);
guint            soothe_answers_get_n_passages   (SootheAnswers       *self);

GArray          *soothe_answer_set_list          (SootheAnswerSet     *set,
                                                  guint                max);
gboolean         soothe_answer_set_is_red_flag   (SootheAnswerSet     *set,
                                                  const SoothePassage *passage);
void             soothe_answer_set_free          (SootheAnswerSet     *set);

const char      *soothe_passage_kind_to_string   (SoothePassageKind    kind);
gboolean         soothe_passage_kind_from_string (const char          *string,
                                                  SoothePassageKind   *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SootheAnswerSet, soothe_answer_set_free)

G_END_DECLS
