/* soothe-answers.c: a question answered with passages of the advice
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every piece of advice is a passage of its situation, and a document of one
 * search index: the title and keywords, the summary, each section item, each
 * get-help line, the therapy line and each stretch. A question ranks the
 * passages, and the passages rank their situations. Then three rules make the
 * answer honest:
 *
 * - A red flag comes first: an emergency or same-day line that has every word
 *   of the question (with its situation's title) and a word that is mostly
 *   found in such lines ("fever", "numbness", "chest").
 * - A question about something Soothe has no advice for gets no answers:
 *   when a word is found nowhere and the rest are words that most situations
 *   have ("pain", "hurts"), "toothache" or "tooth pain" matches nothing.
 * - A situation is an answer only if it has most of what the best one has.
 */

#define G_LOG_DOMAIN "soothe-answers"

#include <string.h>

#include "soothe-answers.h"
#include "soothe-content.h"
#include "soothe-markup.h"
#include "soothe-model-private.h"
#include "soothe-safety.h"

/* A word makes a red flag when the share of get-help lines among the
 * passages it is in is at least this many times their share of all passages,
 * and at least the minimum: "fever" does, "pain" does not. */
#define RED_FLAG_AFFINITY_FACTOR 1.6
#define MIN_RED_FLAG_AFFINITY    0.35

/* Between red flags, an emergency line counts as having this much more of
 * the question than a same-day one. */
#define EMERGENCY_BONUS 0.1

/* A red flag, with its situation's title, has this share of the question's
 * places and activities. */
#define MIN_RED_FLAG_COVER 0.75

/* Between red flags, how much what the page tells with the line counts,
 * and its title. */
#define TOLD_SHARE 0.1
#define TITLE_SHARE 0.01

/* A get-help line with every word of a question this long is a red flag
 * without a red-flag word: "hot swollen big toe"; so is one with this many
 * words of a longer question, none as common as "pain": "calf is swollen,
 * hot and red after a long flight". */
#define MIN_WHOLE_RED_FLAG_TERMS 4

/* So is one with every word of a shorter question with no word as common
 * as "pain": "hot swollen calf". */
#define MIN_WHOLE_PLAIN_RED_FLAG_TERMS 3

/* From this many situations on, a get-help line most of them have is never
 * a red flag (see lines_everywhere()). */
#define MIN_SITUATIONS_FOR_EVERYWHERE 4

/* A word no title has, but the prose of this share of situations does, is
 * still a subject Soothe has advice on ("ice", "stretches", "paracetamol");
 * one in fewer is a chance word ("ear"). */
#define MIN_PROSE_SHARE      0.33
#define MIN_PROSE_SITUATIONS 3

/* A word most situations have in their title says how it feels, not what it is. */
#define GENERIC_SHARE 0.5

/* An answer has at least this share of the best answer's words, by weight,
 * and this share of its score. */
#define MIN_COVER_SHARE 0.6
#define MIN_SCORE_SHARE 0.1

/* How much a word found only in the prose counts, against one in a title. */
#define NON_CENTRAL_WEIGHT 0.5

/* A situation's title and keywords say what it is about, so they count
 * more than any one passage. */
#define TITLE_FACTOR 3.0

/* A word found nowhere weighs this share of its rarity against a red flag. */
#define UNKNOWN_WEIGHT 0.5

/* A pregnancy page, for a question that is not about pregnancy, counts this much. */
#define OTHER_PREGNANCY_FACTOR 0.5

/* A situation about another place than the question's counts this much. */
#define ELSEWHERE_FACTOR 0.3

/* How much more a situation with every word of the question counts. */
#define COMPLETE_FACTOR 1.25

/* A corrected word is a guess: it counts this much of its rarity. */
#define CORRECTED_WEIGHT 0.4

/* Passages kept per situation while ranking, before the best two are chosen. */
#define KEPT_PASSAGES 4

typedef struct
{
  guint32 situation;
  guint8  kind;
  guint8  section;
  guint16 item;
} Passage;

typedef struct
{
  guint   document;
  double  score;
  double  rank;    /* the score, a get-help line's weighed as an answer */
  guint32 terms;
} Found;

/* What one situation has for a question. */
typedef struct
{
  gboolean touched;
  double   title_score;
  guint32  title_terms;
  guint32  all_terms;
  guint    n_found;
  Found    found[KEPT_PASSAGES];   /* best first by rank, TITLE not among them */
  guint    n_red_flags;
  Found    red_flags[KEPT_PASSAGES];  /* its get-help lines, best first by score */
  double   value;                  /* of the situation as an answer */
} Gathered;

struct _SootheAnswers
{
  GObject            parent_instance;

  /* Not owned: the content owns the answers */
  SootheContent     *content;

  /* Owned data */
  SootheSearchIndex *index;
  GArray            *passages;   /* Passage, by document */
  GArray            *gathered;   /* Gathered, by situation: scratch, untouched between questions */
  GArray            *pregnancy;  /* gboolean, by situation: a page for pregnancy */
  GArray            *hidden_in_pregnancy;  /* guint8, by document: 0 not yet known, 1 shown, 2 hidden */
  GArray            *names_pregnancy;  /* guint8, by document, from the first red flag on */
  GArray            *names_place;  /* gboolean, by situation: its title or keywords name an area's place */
  GArray            *everywhere;  /* guint8, by document, up to the last get-help line: one most pages have */
  guint              n_situations;
  /* After the passages' documents: one per word of what no page is about,
   * then one per area's title */
  guint              first_area_document;
  double             red_flag_affinity;  /* see RED_FLAG_AFFINITY_FACTOR */
};

G_DEFINE_FINAL_TYPE (SootheAnswers, soothe_answers, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  [SOOTHE_PASSAGE_EMERGENCY] = "emergency",
  [SOOTHE_PASSAGE_URGENT]    = "urgent",
  [SOOTHE_PASSAGE_ADVICE]    = "advice",
  [SOOTHE_PASSAGE_SUMMARY]   = "summary",
  [SOOTHE_PASSAGE_THERAPY]   = "therapy",
  [SOOTHE_PASSAGE_STRETCH]   = "stretch",
  [SOOTHE_PASSAGE_TITLE]     = "title",
};

const char *
soothe_passage_kind_to_string (SoothePassageKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
soothe_passage_kind_from_string (const char        *string,
                                 SoothePassageKind *kind)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (string, kind_names[i]))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_red_flag_kind (SoothePassageKind kind)
{
  return kind == SOOTHE_PASSAGE_EMERGENCY || kind == SOOTHE_PASSAGE_URGENT;
}

static void
soothe_answers_finalize (GObject *object)
{
  SootheAnswers *self = SOOTHE_ANSWERS (object);

  g_clear_object (&self->index);
  g_clear_pointer (&self->passages, g_array_unref);
  g_clear_pointer (&self->gathered, g_array_unref);
  g_clear_pointer (&self->pregnancy, g_array_unref);
  g_clear_pointer (&self->hidden_in_pregnancy, g_array_unref);
  g_clear_pointer (&self->names_pregnancy, g_array_unref);
  g_clear_pointer (&self->names_place, g_array_unref);
  g_clear_pointer (&self->everywhere, g_array_unref);

  G_OBJECT_CLASS (soothe_answers_parent_class)->finalize (object);
}

static void
soothe_answers_class_init (SootheAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soothe_answers_finalize;
}

static void
soothe_answers_init (SootheAnswers *self)
{
  self->passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  self->gathered = g_array_new (FALSE, TRUE, sizeof (Gathered));
  self->pregnancy = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->hidden_in_pregnancy = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->everywhere = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->names_place = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

static guint
add_passage (SootheAnswers     *self,
             guint              situation,
             SoothePassageKind  kind,
             guint              section,
             guint              item)
{
  Passage passage = { situation, kind, MIN (section, G_MAXUINT8), MIN (item, G_MAXUINT16) };

  g_array_append_val (self->passages, passage);
  return self->passages->len - 1;
}

static void
index_text (SootheAnswers     *self,
            guint              document,
            SootheSearchField  field,
            const char        *text)
{
  g_autofree char *plain = soothe_markup_to_plain (text);

  soothe_search_index_add (self->index, document, field, plain);
}

static void
index_lines (SootheAnswers      *self,
             GHashTable         *everywhere,
             guint               situation,
             SoothePassageKind   kind,
             const char * const *lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint document = add_passage (self, situation, kind, 0, i);
      guint8 everywhere_line = g_hash_table_contains (everywhere, lines[i]);

      index_text (self, document, SOOTHE_SEARCH_FIELD_SUMMARY, lines[i]);
      g_array_set_size (self->everywhere, document + 1);
      g_array_index (self->everywhere, guint8, document) = everywhere_line;
    }
}

/* The get-help lines most pages have word for word, such as "Not sure? If
 * it feels serious, call your emergency number". They answer a question
 * about calling for help, but name no warning sign, so they are never a red
 * flag and their words are not red-flag words: "großer Zeh" is not the
 * "Großbritannien" of their phone numbers. With few pages, every line counts. */
static GHashTable *
lines_everywhere (GListModel *situations)
{
  guint n_situations = g_list_model_get_n_items (situations);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *everywhere = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer line, count;

  if (n_situations < MIN_SITUATIONS_FOR_EVERYWHERE)
    return everywhere;
  for (guint i = 0; i < n_situations; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
      char **lists[] = { situation->emergency, situation->urgent };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint k = 0; lists[l][k] != NULL; k++)
          if (g_hash_table_add (own, lists[l][k]))
            g_hash_table_insert (counts, lists[l][k],
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, lists[l][k])) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &line, &count))
    if (2 * GPOINTER_TO_UINT (count) > n_situations)
      g_hash_table_add (everywhere, line);
  return everywhere;
}

/* A stretch's name and summary, then its cautions, as plain text: many
 * situations share a stretch, so each is made plain once. */
static const char * const *
stretch_texts (SootheAnswers *self,
               GHashTable    *cache,
               const char    *id)
{
  SootheStretch *stretch;
  GStrvBuilder *builder;
  char **texts;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *both = NULL;

  texts = g_hash_table_lookup (cache, id);
  if (texts != NULL)
    return (const char * const *) texts;

  stretch = soothe_content_lookup_stretch (self->content, id);
  if (stretch == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  name = soothe_markup_to_plain (stretch->name);
  summary = soothe_markup_to_plain (stretch->summary);
  both = g_strdup_printf ("%s %s", name, summary);
  g_strv_builder_add (builder, both);
  for (guint k = 0; stretch->cautions[k] != NULL; k++)
    {
      g_autofree char *caution = soothe_markup_to_plain (stretch->cautions[k]);
      g_strv_builder_add (builder, caution);
    }
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_hash_table_insert (cache, (gpointer) stretch->id, texts);
  return (const char * const *) texts;
}

/* Passage text is weighed as a summary, headings and cautions as body text,
 * and a situation's own title and keywords above both. */
static void
index_situation (SootheAnswers   *self,
                 GHashTable      *stretch_cache,
                 GHashTable      *everywhere,
                 guint            position,
                 SootheSituation *situation)
{
  guint document = add_passage (self, position, SOOTHE_PASSAGE_TITLE, 0, 0);

  index_text (self, document, SOOTHE_SEARCH_FIELD_TITLE, situation->title);
  for (guint k = 0; situation->keywords[k] != NULL; k++)
    soothe_search_index_add (self->index, document, SOOTHE_SEARCH_FIELD_KEYWORDS,
                             situation->keywords[k]);

  document = add_passage (self, position, SOOTHE_PASSAGE_SUMMARY, 0, 0);
  index_text (self, document, SOOTHE_SEARCH_FIELD_SUMMARY, situation->summary);

  for (guint s = 0; s < situation->sections->len && s <= G_MAXUINT8; s++)
    {
      SootheAdviceSection *section = g_ptr_array_index (situation->sections, s);
      g_autofree char *heading = soothe_markup_to_plain (section->heading);

      for (guint k = 0; section->items[k] != NULL; k++)
        {
          document = add_passage (self, position, SOOTHE_PASSAGE_ADVICE, s, k);
          soothe_search_index_add (self->index, document, SOOTHE_SEARCH_FIELD_BODY, heading);
          index_text (self, document, SOOTHE_SEARCH_FIELD_SUMMARY, section->items[k]);
        }
    }

  index_lines (self, everywhere, position, SOOTHE_PASSAGE_EMERGENCY, (const char * const *) situation->emergency);
  index_lines (self, everywhere, position, SOOTHE_PASSAGE_URGENT, (const char * const *) situation->urgent);

  document = add_passage (self, position, SOOTHE_PASSAGE_THERAPY, 0, 0);
  index_text (self, document, SOOTHE_SEARCH_FIELD_SUMMARY, situation->therapy_reason);

  for (guint i = 0; situation->stretch_ids[i] != NULL; i++)
    {
      const char * const *texts = stretch_texts (self, stretch_cache, situation->stretch_ids[i]);

      if (texts == NULL)
        continue;
      document = add_passage (self, position, SOOTHE_PASSAGE_STRETCH, 0, i);
      soothe_search_index_add (self->index, document, SOOTHE_SEARCH_FIELD_SUMMARY, texts[0]);
      for (guint k = 1; texts[k] != NULL; k++)
        soothe_search_index_add (self->index, document, SOOTHE_SEARCH_FIELD_BODY, texts[k]);
    }
}

/* Words no page is about ("ankle"), and the titles of the areas, the places
 * Soothe has pages for ("Hips, knees and legs"), are documents of their own
 * after the passages', so that a question finds them as it finds advice. */
static void
index_places (SootheAnswers      *self,
              const char * const *not_covered)
{
  g_autoptr(GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) area_titles = g_ptr_array_new ();
  GListModel *situations = soothe_content_get_situations (self->content);
  guint document = self->passages->len;

  for (guint i = 0; not_covered != NULL && not_covered[i] != NULL; i++)
    {
      soothe_search_index_add (self->index, document++, SOOTHE_SEARCH_FIELD_KEYWORDS, not_covered[i]);
      soothe_search_index_keep_whole (self->index, not_covered[i]);
    }

  self->first_area_document = document;
  for (guint i = 0; i < self->n_situations; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char *title = soothe_content_get_area_title (self->content, situation->area);

      if (title == NULL || !g_hash_table_add (areas, situation->area))
        continue;
      soothe_search_index_add (self->index, document++, SOOTHE_SEARCH_FIELD_KEYWORDS, title);
      g_ptr_array_add (area_titles, (gpointer) title);
    }

  /* Which titles name one of those places: "Upper left-side back pain"
   * does, "Pain when walking" does not. */
  g_array_set_size (self->names_place, self->n_situations);
  for (guint i = 0; i < area_titles->len; i++)
    {
      g_autofree char *as_typed = g_strconcat (g_ptr_array_index (area_titles, i), " ", NULL);
      g_autoptr(SootheSearchQuery) query = soothe_search_index_parse (self->index, as_typed);
      g_autoptr(GArray) hits = soothe_search_index_run (self->index, query);

      for (guint h = 0; h < hits->len; h++)
        {
          guint hit_document = g_array_index (hits, SootheSearchHit, h).document;
          const Passage *passage;

          if (hit_document >= self->passages->len)
            continue;
          passage = &g_array_index (self->passages, Passage, hit_document);
          if (passage->kind == SOOTHE_PASSAGE_TITLE)
            g_array_index (self->names_place, gboolean, passage->situation) = TRUE;
        }
    }
}

/**
 * soothe_answers_new:
 * @content: the content to answer from; it must outlive the answers
 * @stopwords: (nullable) (array zero-terminated=1): words a question's meaning does not need
 * @synonyms: (nullable) (element-type GStrv): groups of words that mean the same
 * @language: (nullable): the language of the text, for its word endings
 *
 * Indexes every passage of @content. soothe_content_get_answers() does this
 * on the first question; nothing else needs to.
 *
 * Returns: (transfer full): the answers
 */
SootheAnswers *
soothe_answers_new (SootheContent      *content,
                    const char * const *stopwords,
                    GPtrArray          *synonyms,
                    const char * const *not_covered,
                    const char         *language)
{
  SootheAnswers *self;
  GListModel *situations;
  g_autoptr(GHashTable) stretch_cache = NULL;
  g_autoptr(GHashTable) everywhere = NULL;
  guint n_red_flags = 0;
  guint n_text = 0;

  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);

  self = g_object_new (SOOTHE_TYPE_ANSWERS, NULL);
  self->content = content;
  self->index = soothe_search_index_new_full (stopwords, SOOTHE_SEARCH_RANK_PASSAGES,
                                              soothe_stemmer_for_language (language));
  for (guint i = 0; synonyms != NULL && i < synonyms->len; i++)
    soothe_search_index_add_synonyms (self->index, g_ptr_array_index (synonyms, i));

  situations = soothe_content_get_situations (content);
  self->n_situations = g_list_model_get_n_items (situations);
  stretch_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
  everywhere = lines_everywhere (situations);
  for (guint i = 0; i < self->n_situations; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);

      index_situation (self, stretch_cache, everywhere, i, situation);
      g_array_append_val (self->pregnancy, situation->pregnancy);
    }
  g_array_set_size (self->gathered, self->n_situations);
  index_places (self, not_covered);

  for (guint i = 0; i < self->passages->len; i++)
    {
      SoothePassageKind kind = g_array_index (self->passages, Passage, i).kind;

      n_red_flags += is_red_flag_kind (kind);
      n_text += kind != SOOTHE_PASSAGE_TITLE;
    }
  self->red_flag_affinity = MAX (MIN_RED_FLAG_AFFINITY,
                                 n_text > 0 ? RED_FLAG_AFFINITY_FACTOR * n_red_flags / n_text : 1);

  return self;
}

/* Returns: (transfer none): the content answered from */
SootheContent *
soothe_answers_get_content (SootheAnswers *self)
{
  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), NULL);
  return self->content;
}

guint
soothe_answers_get_n_passages (SootheAnswers *self)
{
  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), 0);
  return self->passages->len;
}

static SoothePassage
passage_at (SootheAnswers *self,
            guint          document)
{
  const Passage *passage = &g_array_index (self->passages, Passage, document);

  return (SoothePassage) { passage->situation, passage->kind, passage->section, passage->item };
}

/* The advice pane leaves these out in pregnancy, so an answer must too. */
static gboolean
passage_is_hidden_in_pregnancy (SootheAnswers   *self,
                                SootheSituation *situation,
                                const Passage   *passage)
{
  if (passage->kind == SOOTHE_PASSAGE_ADVICE)
    {
      SootheAdviceSection *section = g_ptr_array_index (situation->sections, passage->section);

      return soothe_text_mentions_nsaid (section->items[passage->item]) != NULL;
    }
  if (passage->kind == SOOTHE_PASSAGE_STRETCH)
    {
      SootheStretch *stretch = soothe_content_lookup_stretch (self->content,
                                                              situation->stretch_ids[passage->item]);

      return stretch == NULL || !stretch->pregnancy_safe;
    }
  return FALSE;
}

static gboolean
is_everywhere_line (SootheAnswers *self,
                    guint          document)
{
  return document < self->everywhere->len && g_array_index (self->everywhere, guint8, document);
}

/* The same, worked out once per passage: a question about pregnancy may
 * touch thousands. */
static gboolean
is_hidden_in_pregnancy (SootheAnswers *self,
                        GListModel    *situations,
                        guint          document)
{
  guint8 *known;

  if (self->hidden_in_pregnancy->len < self->passages->len)
    g_array_set_size (self->hidden_in_pregnancy, self->passages->len);
  known = &g_array_index (self->hidden_in_pregnancy, guint8, document);
  if (*known == 0)
    {
      const Passage *passage = &g_array_index (self->passages, Passage, document);
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, passage->situation);

      *known = passage_is_hidden_in_pregnancy (self, situation, passage) ? 2 : 1;
    }
  return *known == 2;
}

static void
found_keep (Found       *kept,
            guint       *n_kept,
            const Found *found,
            gboolean     by_rank)
{
  guint position = *n_kept;

  while (position > 0 && (by_rank ? kept[position - 1].rank < found->rank
                                  : kept[position - 1].score < found->score))
    position--;
  if (position >= KEPT_PASSAGES)
    return;

  memmove (&kept[position + 1], &kept[position],
           (MIN (*n_kept, KEPT_PASSAGES - 1) - position) * sizeof (Found));
  kept[position] = *found;
  *n_kept = MIN (*n_kept + 1, KEPT_PASSAGES);
}

/* A situation keeps its best passages as answers, where a get-help line
 * weighs what it does as one: short, it would otherwise crowd out the advice
 * of a page that has many ("my knee clicks"). Its get-help lines are kept
 * apart too, for the red flag. */
static void
gathered_add (Gathered    *gathered,
              const Found *found,
              gboolean     red_flag)
{
  found_keep (gathered->found, &gathered->n_found, found, TRUE);
  if (red_flag)
    found_keep (gathered->red_flags, &gathered->n_red_flags, found, FALSE);
}

/* The weight of the terms in @terms: how much of the question they are. */
static double
mass_of (const double *weights,
         guint         n_terms,
         guint32       terms)
{
  double mass = 0;

  for (guint32 rest = terms & (n_terms >= 32 ? G_MAXUINT32 : (1u << n_terms) - 1); rest != 0;
       rest &= rest - 1)
    mass += weights[__builtin_ctz (rest)];
  return mass;
}

typedef struct
{
  guint   n_terms;
  double  weights[32];     /* a term's rarity; 0 when found nowhere */
  double  known_mass;
  double  unknown_mass;    /* what the words found nowhere would weigh */
  guint32 known;           /* terms found somewhere */
  guint32 central;         /* terms found in a title or keywords: a place, an activity */
  guint32 red_flag_words;  /* terms mostly found in get-help lines */
  guint32 generic;         /* terms most titles have: "pain" */
  guint32 not_covered;     /* terms for what no page is about: "ankle" */
  gboolean elsewhere;      /* has such a term, and no place Soothe has pages for */
  guint32 places;          /* terms for a place Soothe has pages for: "knee" */
  guint32 aside;           /* central terms that say which, not what: "left" */
  gboolean pregnancy;      /* the question, or the person, is about pregnancy */
} Question;

static double
cover_of (const Question *question,
          guint32         terms)
{
  if (question->known_mass <= 0)
    return 0;
  return mass_of (question->weights, question->n_terms, terms & question->known) / question->known_mass;
}

/* A question about what no page is about is answered only by a get-help
 * line that names it (the only passages gathered then), when such lines
 * themselves have most of the question: "severe headache in pregnancy", but
 * not "headache since this morning" from "Stiff neck on waking". */
static gboolean
may_answer (const Question *question,
            const Gathered *gathered)
{
  guint32 lines_terms = 0;

  if (!question->elsewhere)
    return TRUE;
  for (guint i = 0; i < gathered->n_found; i++)
    lines_terms |= gathered->found[i].terms;
  return cover_of (question, lines_terms) >= MIN_RED_FLAG_COVER;
}

/* A page whose title names a place, but none of the question's, is about
 * somewhere else: "Upper left-side back pain" for "my left leg goes numb". */
static gboolean
is_about_other_place (SootheAnswers  *self,
                      const Question *question,
                      guint           situation,
                      const Gathered *gathered)
{
  return question->places != 0 && (gathered->title_terms & question->places) == 0 &&
         g_array_index (self->names_place, gboolean, situation);
}

/* A get-help line answers a question as a red flag, or when nothing else does. */
#define GET_HELP_FACTOR 0.2

static double
passage_value (SootheAnswers  *self,
               const Question *question,
               const Gathered *gathered,
               const Found    *found)
{
  const Passage *passage = &g_array_index (self->passages, Passage, found->document);
  double value = found->score * (0.5 + 0.5 * cover_of (question, found->terms | gathered->title_terms));

  return is_red_flag_kind (passage->kind) ? GET_HELP_FACTOR * value : value;
}

static double
situation_value (SootheAnswers  *self,
                 const Question *question,
                 Gathered       *gathered)
{
  double cover = cover_of (question, gathered->all_terms);
  double value = TITLE_FACTOR * gathered->title_score;

  if (gathered->n_found > 0)
    value += passage_value (self, question, gathered, &gathered->found[0]);
  if (gathered->n_found > 1)
    value += 0.5 * passage_value (self, question, gathered, &gathered->found[1]);
  /* A situation with every word of the question before one with a few. */
  return value * cover * cover * (cover >= 0.999 ? COMPLETE_FACTOR : 1.0);
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  const SootheAnswer *answer_a = a;
  const SootheAnswer *answer_b = b;

  if (answer_a->score != answer_b->score)
    return answer_a->score < answer_b->score ? 1 : -1;
  return (answer_a->situation > answer_b->situation) - (answer_a->situation < answer_b->situation);
}

/* Picks the best two passages by value, the title when there are none. */
static void
fill_answer (SootheAnswers  *self,
             const Question *question,
             Gathered       *gathered,
             guint           situation,
             SootheAnswer   *answer)
{
  gboolean used[KEPT_PASSAGES] = { FALSE };

  answer->situation = situation;
  answer->score = gathered->value;
  answer->n_passages = 0;

  while (answer->n_passages < MIN (gathered->n_found, SOOTHE_ANSWER_MAX_PASSAGES))
    {
      int best = -1;

      for (guint i = 0; i < gathered->n_found; i++)
        if (!used[i] && (best < 0 || passage_value (self, question, gathered, &gathered->found[i]) >
                                       passage_value (self, question, gathered, &gathered->found[best])))
          best = i;
      used[best] = TRUE;
      answer->passages[answer->n_passages++] = passage_at (self, gathered->found[best].document);
    }

  if (answer->n_passages == 0)
    answer->passages[answer->n_passages++] =
      (SoothePassage) { situation, SOOTHE_PASSAGE_TITLE, 0, 0 };
}

/* A word that pregnancy pages have in at least half the titles it is in
 * ("pregnant") is about pregnancy. */
static gboolean
is_pregnancy_word (guint titles,
                   guint pregnancy_titles)
{
  return pregnancy_titles > 0 && 2 * pregnancy_titles >= titles;
}

/* Where a query's terms were found. Each situation has one title. */
typedef struct
{
  guint   titles[32];            /* by term: the titles it is in */
  guint   pregnancy_titles[32];  /* the pregnancy pages' among them */
  guint32 in_passages;           /* terms found in any passage */
  guint32 in_titles;             /* in a title or keywords */
  guint32 in_not_covered;        /* in a word of what no page is about */
  guint32 in_areas;              /* in an area's title */
} TermPlaces;

static void
find_term_places (SootheAnswers *self,
                  GArray        *hits,
                  TermPlaces    *places)
{
  memset (places, 0, sizeof *places);
  for (guint i = 0; i < hits->len; i++)
    {
      const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);
      const Passage *passage;
      gboolean for_pregnancy;

      if (hit->document >= self->passages->len)
        {
          if (hit->document < self->first_area_document)
            places->in_not_covered |= hit->terms;
          else
            places->in_areas |= hit->terms;
          continue;
        }
      places->in_passages |= hit->terms;
      passage = &g_array_index (self->passages, Passage, hit->document);
      if (passage->kind != SOOTHE_PASSAGE_TITLE)
        continue;
      places->in_titles |= hit->terms;
      for_pregnancy = g_array_index (self->pregnancy, gboolean, passage->situation);
      for (guint32 rest = hit->terms; rest != 0; rest &= rest - 1)
        {
          guint t = __builtin_ctz (rest);

          places->titles[t]++;
          places->pregnancy_titles[t] += for_pregnancy;
        }
    }
}

/* Whether @document's text names pregnancy with such a word, worked out for
 * every passage the first time: the words of the pregnancy pages' titles
 * and keywords are looked up one by one. */
static gboolean
names_pregnancy (SootheAnswers *self,
                 guint          document)
{
  if (self->names_pregnancy == NULL)
    {
      GListModel *situations = soothe_content_get_situations (self->content);
      g_autoptr(GHashTable) asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      self->names_pregnancy = g_array_new (FALSE, TRUE, sizeof (guint8));
      g_array_set_size (self->names_pregnancy, self->passages->len);
      for (guint i = 0; i < self->n_situations; i++)
        {
          g_autoptr(SootheSituation) situation = NULL;
          g_autoptr(GString) text = NULL;
          g_auto(GStrv) words = NULL;

          if (!g_array_index (self->pregnancy, gboolean, i))
            continue;
          situation = g_list_model_get_item (situations, i);
          text = g_string_new (situation->title);
          for (guint k = 0; situation->keywords[k] != NULL; k++)
            g_string_append_printf (text, " %s", situation->keywords[k]);
          words = g_str_tokenize_and_fold (text->str, NULL, NULL);

          for (guint w = 0; words[w] != NULL; w++)
            {
              g_autofree char *as_typed = NULL;
              g_autoptr(SootheSearchQuery) query = NULL;
              g_autoptr(GArray) hits = NULL;
              TermPlaces places;
              guint32 terms = 0;

              if (!g_hash_table_add (asked, g_strdup (words[w])))
                continue;
              as_typed = g_strconcat (words[w], " ", NULL);
              query = soothe_search_index_parse (self->index, as_typed);
              hits = soothe_search_index_run (self->index, query);
              find_term_places (self, hits, &places);
              for (guint t = 0; t < soothe_search_query_get_n_terms (query); t++)
                if (is_pregnancy_word (places.titles[t], places.pregnancy_titles[t]))
                  terms |= 1u << t;
              for (guint h = 0; h < hits->len && terms != 0; h++)
                {
                  const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, h);

                  if (hit->document < self->passages->len && (hit->terms & terms) != 0)
                    g_array_index (self->names_pregnancy, guint8, hit->document) = TRUE;
                }
            }
        }
    }

  return g_array_index (self->names_pregnancy, guint8, document) != 0;
}

/* Picks the get-help line that answers the question, if one does. When the
 * best answer's title already has every word ("burning upper back"), only
 * that situation's own emergency lines may come first ("chest pain when
 * running"). */
static gboolean
find_red_flag (SootheAnswers   *self,
               const Question  *question,
               GArray          *touched,
               guint            only_situation,
               SoothePassage   *red_flag)
{
  double best_value = 0;
  guint n_known = __builtin_popcount (question->known);
  double weights[G_N_ELEMENTS (question->weights)];
  double central_mass;
  double known_mass;

  /* A word that only pages about other places have in their title says
   * which side or kind, not what the warning is: "my left arm". */
  for (guint t = 0; t < question->n_terms; t++)
    weights[t] = question->weights[t] * ((question->aside >> t) & 1 ? NON_CENTRAL_WEIGHT : 1.0);
  central_mass = mass_of (weights, question->n_terms, question->central);
  known_mass = mass_of (weights, question->n_terms, question->known);

  for (guint i = 0; i < touched->len; i++)
    {
      guint situation = g_array_index (touched, guint, i);
      Gathered *gathered = &g_array_index (self->gathered, Gathered, situation);
      /* In the best answer's own page, its title may name the red flag:
       * "Chest pain when running". */
      guint32 other_title_terms = situation == only_situation ? 0 : gathered->title_terms;
      /* A question may tell two warning signs that a page lists apart:
       * "numb between my legs and I cannot hold my pee", "my calf is swollen
       * and warm, and now I am breathless". */
      guint32 signs = 0;

      if ((only_situation != G_MAXUINT && situation != only_situation) ||
          (!question->pregnancy && g_array_index (self->pregnancy, gboolean, situation)))
        continue;

      for (guint k = 0; k < gathered->n_red_flags; k++)
        {
          const Found *found = &gathered->red_flags[k];
          const Passage *passage = &g_array_index (self->passages, Passage, found->document);

          if (is_red_flag_kind (passage->kind) &&
              (found->terms & question->known & question->red_flag_words & ~other_title_terms) != 0 &&
              (question->pregnancy || !names_pregnancy (self, found->document)))
            signs |= found->terms & question->known;
        }

      for (guint k = 0; k < gathered->n_red_flags; k++)
        {
          const Found *found = &gathered->red_flags[k];
          const Passage *passage = &g_array_index (self->passages, Passage, found->document);
          guint32 own = found->terms & question->known;
          gboolean whole = (own == question->known &&
                            (n_known >= MIN_WHOLE_RED_FLAG_TERMS ||
                             (n_known >= MIN_WHOLE_PLAIN_RED_FLAG_TERMS && (question->known & question->generic) == 0))) ||
                           __builtin_popcount (own & ~question->generic) >= MIN_WHOLE_RED_FLAG_TERMS;
          guint32 told;
          double central_cover;
          double known_cover;
          double value;

          /* The red-flag word is the passage's own, not its situation's:
           * "upper" in an upper-back page's warning says nothing. A line
           * that has every word of a longer question is one too. */
          /* "In pregnancy: severe back pain" is no warning for anyone else. */
          if (!is_red_flag_kind (passage->kind) || own == 0 ||
              (!question->pregnancy && names_pregnancy (self, found->document)) ||
              (situation == only_situation && passage->kind != SOOTHE_PASSAGE_EMERGENCY && !whole) ||
              (!whole && (own & question->red_flag_words & (signs != 0 ? G_MAXUINT32 : ~other_title_terms)) == 0))
            continue;

          told = own | signs | gathered->title_terms;
          central_cover = central_mass > 0
            ? mass_of (weights, question->n_terms, told & question->central) / central_mass
            : 1;
          /* "numb fingers" is not a numb leg, and a word Soothe does not
           * know may be what the question is about. */
          known_cover = known_mass > 0
            ? mass_of (weights, question->n_terms, told & question->known) / (known_mass + question->unknown_mass)
            : 0;
          if (central_cover < MIN_RED_FLAG_COVER || known_cover < MIN_RED_FLAG_COVER)
            continue;

          /* The line with most of the question, emergencies a little
           * before same-day care; between lines as good, the one whose page
           * tells more of the rest ("while running"), then the one whose
           * title has more of it: a line many pages share comes from the
           * page about it. */
          value = cover_of (question, own) +
                  (passage->kind == SOOTHE_PASSAGE_EMERGENCY ? EMERGENCY_BONUS : 0) +
                  TOLD_SHARE * cover_of (question, told) +
                  TITLE_SHARE * cover_of (question, gathered->title_terms) +
                  found->score * 1e-6;
          if (value > best_value)
            {
              best_value = value;
              *red_flag = passage_at (self, found->document);
            }
        }
    }

  return best_value > 0;
}

/**
 * soothe_answers_ask:
 * @self: a #SootheAnswers
 * @question: what the person typed, as they would ask it
 * @flags: what to leave out
 *
 * Returns: (transfer full): the red flag, if any, and the situations that
 *   answer @question, best first, each with its best passages
 */
SootheAnswerSet *
soothe_answers_ask (SootheAnswers  *self,
                    const char     *question,
                    SootheAskFlags  flags)
{
  g_autoptr(SootheAnswerSet) set = g_new0 (SootheAnswerSet, 1);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *situations;
  Question q = { 0 };
  Question ranked;
  guint passage_documents[32] = { 0 };
  guint red_flag_documents[32] = { 0 };
  TermPlaces places;
  guint situation_count[32] = { 0 };
  gboolean has_specific = FALSE;
  gboolean has_corrected_specific = FALSE;
  gboolean all_central = TRUE;  /* or common in the prose: "ice", "heat" */
  gboolean has_unknown = FALSE;
  guint32 central_here = 0;
  double best_score = 0;
  double best_cover = 0;

  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  set->answers = g_array_new (FALSE, FALSE, sizeof (SootheAnswer));
  set->query = soothe_search_index_parse (self->index, question);
  hits = soothe_search_index_run (self->index, set->query);
  if (hits->len == 0)
    return g_steal_pointer (&set);

  situations = soothe_content_get_situations (self->content);
  q.n_terms = soothe_search_query_get_n_terms (set->query);

  /* A word that pregnancy pages have in at least half the titles it is in
   * ("pregnant") asks about pregnancy; so does a person who said they are. */
  find_term_places (self, hits, &places);
  q.pregnancy = (flags & SOOTHE_ASK_PREGNANT) != 0;
  for (guint t = 0; t < q.n_terms; t++)
    if (is_pregnancy_word (places.titles[t], places.pregnancy_titles[t]))
      q.pregnancy = TRUE;

  /* A question about what no page is about ("sprained ankle", "toothache")
   * is not answered by the pages that share a word with it, unless it also
   * names a place Soothe has pages for: "knee and ankle pain". Only a
   * get-help line that names it too still answers: "severe headache in
   * pregnancy". A word a title or keyword has is covered after all. */
  q.not_covered = places.in_not_covered & ~places.in_titles;
  q.places = places.in_areas & places.in_titles;
  q.elsewhere = q.not_covered != 0 && q.places == 0;

  for (guint t = 0; t < q.n_terms; t++)
    {
      if (!(places.in_passages & (1u << t)))
        {
          q.unknown_mass += UNKNOWN_WEIGHT * soothe_search_query_get_term_weight (set->query, t);
          continue;
        }
      q.known |= 1u << t;
      q.weights[t] = soothe_search_query_get_term_weight (set->query, t);
      if (soothe_search_query_get_term_corrected (set->query, t))
        q.weights[t] *= CORRECTED_WEIGHT;
      q.known_mass += q.weights[t];
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const SootheSearchHit *hit = &g_array_index (hits, SootheSearchHit, i);
      const Passage *passage;
      Gathered *gathered;
      gboolean get_help;
      gboolean red_flag;
      Found found;

      if (hit->document >= self->passages->len)
        continue;
      passage = &g_array_index (self->passages, Passage, hit->document);
      gathered = &g_array_index (self->gathered, Gathered, passage->situation);
      get_help = is_red_flag_kind (passage->kind);
      red_flag = get_help && !is_everywhere_line (self, hit->document);
      found = (Found) { hit->document, hit->score,
                        get_help ? GET_HELP_FACTOR * hit->score : hit->score, hit->terms };

      /* What the advice pane leaves out in pregnancy answers no question
       * about pregnancy either: "can I take ibuprofen while pregnant". */
      if (q.pregnancy && is_hidden_in_pregnancy (self, situations, hit->document))
        continue;
      if (q.elsewhere && passage->kind != SOOTHE_PASSAGE_TITLE &&
          (!get_help || (hit->terms & q.not_covered) != q.not_covered))
        continue;

      if (!gathered->touched)
        {
          gathered->touched = TRUE;
          g_array_append_val (touched, passage->situation);
        }
      gathered->all_terms |= hit->terms;
      if (passage->kind == SOOTHE_PASSAGE_TITLE)
        {
          q.central |= hit->terms;
          gathered->title_score = hit->score;
          gathered->title_terms = hit->terms;
          if (!is_about_other_place (self, &q, passage->situation, gathered))
            central_here |= hit->terms;
          continue;
        }
      gathered_add (gathered, &found, red_flag);

      for (guint32 rest = hit->terms; rest != 0; rest &= rest - 1)
        {
          guint t = __builtin_ctz (rest);

          passage_documents[t]++;
          red_flag_documents[t] += red_flag;
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      Gathered *gathered = &g_array_index (self->gathered, Gathered, g_array_index (touched, guint, i));

      for (guint t = 0; t < q.n_terms; t++)
        situation_count[t] += (gathered->all_terms >> t) & 1;
    }

  /* A word only ever found in the prose, never in a title or keywords, is
   * more likely a chance word of the question ("because") than its subject. */
  q.known_mass = 0;
  for (guint t = 0; t < q.n_terms; t++)
    {
      if (!(q.central & (1u << t)))
        q.weights[t] *= NON_CENTRAL_WEIGHT;
      q.known_mass += q.weights[t];
    }

  for (guint t = 0; t < q.n_terms; t++)
    {
      if (!(q.known & (1u << t)))
        {
          has_unknown = TRUE;
          continue;
        }
      if (!(q.central & (1u << t)))
        {
          if (situation_count[t] < MAX (MIN_PROSE_SITUATIONS, MIN_PROSE_SHARE * self->n_situations))
            all_central = FALSE;
        }
      else if (places.titles[t] >= GENERIC_SHARE * self->n_situations)
        q.generic |= 1u << t;
      else
        {
          if (soothe_search_query_get_term_corrected (set->query, t))
            has_corrected_specific = TRUE;
          else
            has_specific = TRUE;
        }
      if (passage_documents[t] > 0 &&
          red_flag_documents[t] >= self->red_flag_affinity * passage_documents[t])
        q.red_flag_words |= 1u << t;
    }

  /* "left" in "my left arm" is in no title but "Upper left-side back pain",
   * and is no word of a warning. It says which side, not what: the answers
   * are ranked without it, as if it were not asked ("my left knee hurts").
   * So is a word of a longer question that every title it is in has alone,
   * when other titles have several of its words: "left calf is hot,
   * swollen and red after a long flight". */
  q.aside = q.central & ~central_here;
  if (__builtin_popcount (q.known & ~q.generic) >= MIN_WHOLE_PLAIN_RED_FLAG_TERMS)
    {
      guint32 in_company = 0;

      for (guint i = 0; i < touched->len; i++)
        {
          guint32 title_terms = g_array_index (self->gathered, Gathered, g_array_index (touched, guint, i)).title_terms &
                                q.known & ~q.generic;

          if (__builtin_popcount (title_terms) > 1)
            in_company |= title_terms;
        }
      if (in_company != 0)
        q.aside |= q.central & ~q.generic & ~in_company;
    }
  q.aside &= ~q.red_flag_words;
  ranked = q;
  ranked.known_mass = 0;
  for (guint t = 0; t < q.n_terms; t++)
    {
      if ((q.aside >> t) & 1)
        ranked.weights[t] = 0;
      ranked.known_mass += ranked.weights[t];
    }

  /* Soothe answers when the question names something its titles do
   * ("knee", "lifting"), or has nothing else: "pain" lists everything, but
   * "tooth pain" and "my ear hurts" get an honest no. */
  /* A corrected word is trusted when it is the only guess: in "backe ich
   * Brot", "backe" is not "Nacken". */
  if (has_corrected_specific && !has_unknown)
    has_specific = TRUE;
  if (has_specific || (all_central && !has_unknown))
    {
      guint only_situation = G_MAXUINT;
      guint best = G_MAXUINT;

      /* The best answer first, then only those with most of what it has. */
      for (guint i = 0; i < touched->len; i++)
        {
          guint situation = g_array_index (touched, guint, i);
          Gathered *gathered = &g_array_index (self->gathered, Gathered, situation);

          if (!may_answer (&ranked, gathered))
            {
              gathered->n_red_flags = 0;
              continue;
            }
          gathered->value = situation_value (self, &ranked, gathered);
          /* A page for pregnancy answers a question about pregnancy first. */
          if (q.pregnancy != g_array_index (self->pregnancy, gboolean, situation))
            gathered->value *= OTHER_PREGNANCY_FACTOR;
          if (is_about_other_place (self, &ranked, situation, gathered))
            gathered->value *= ELSEWHERE_FACTOR;
          if (best == G_MAXUINT || gathered->value > best_score ||
              (gathered->value == best_score && situation < best))
            {
              best = situation;
              best_score = gathered->value;
            }
        }
      if (best != G_MAXUINT)
        best_cover = cover_of (&ranked, g_array_index (self->gathered, Gathered, best).all_terms);

      for (guint i = 0; i < touched->len && best != G_MAXUINT; i++)
        {
          guint situation = g_array_index (touched, guint, i);
          Gathered *gathered = &g_array_index (self->gathered, Gathered, situation);
          SootheAnswer answer;

          if (!may_answer (&ranked, gathered))
            continue;
          if (situation != best &&
              (cover_of (&ranked, gathered->all_terms) < MIN_COVER_SHARE * best_cover ||
               gathered->value < MIN_SCORE_SHARE * best_score))
            continue;
          fill_answer (self, &ranked, gathered, situation, &answer);
          g_array_append_val (set->answers, answer);
        }
      g_array_sort (set->answers, compare_answers);

      if (set->answers->len > 0)
        {
          guint first = g_array_index (set->answers, SootheAnswer, 0).situation;
          guint32 title_terms = g_array_index (self->gathered, Gathered, first).title_terms;

          if ((title_terms & q.known) == q.known)
            only_situation = first;
        }
      set->has_red_flag = find_red_flag (self, &q, touched, only_situation, &set->red_flag);
    }

  for (guint i = 0; i < touched->len; i++)
    {
      Gathered *gathered = &g_array_index (self->gathered, Gathered, g_array_index (touched, guint, i));

      memset (gathered, 0, sizeof *gathered);
    }

  return g_steal_pointer (&set);
}

static gboolean
is_same_passage (const SoothePassage *a,
                 const SoothePassage *b)
{
  return a->situation == b->situation && a->kind == b->kind && a->section == b->section &&
         a->item == b->item;
}

/**
 * soothe_answer_set_is_red_flag:
 * @set: answers
 * @passage: one of their passages
 *
 * Returns: whether @passage is the red flag of @set, which is shown before
 *   the answers and need not be shown again among them
 */
gboolean
soothe_answer_set_is_red_flag (SootheAnswerSet     *set,
                               const SoothePassage *passage)
{
  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (passage != NULL, FALSE);

  return set->has_red_flag && is_same_passage (passage, &set->red_flag);
}

/**
 * soothe_answer_set_list:
 * @set: answers
 * @max: how many passages at most
 *
 * The answers as one list, as the command line and GNOME Shell show them:
 * the red flag first, then each situation's best passage; a situation whose
 * best passage is the red flag follows with its next one, if it has one.
 *
 * Returns: (transfer full) (element-type SoothePassage): at most @max passages
 */
GArray *
soothe_answer_set_list (SootheAnswerSet *set,
                        guint            max)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (SoothePassage));

  g_return_val_if_fail (set != NULL, list);

  if (set->has_red_flag && max > 0)
    g_array_append_val (list, set->red_flag);
  for (guint i = 0; i < set->answers->len && list->len < max; i++)
    {
      const SootheAnswer *answer = &g_array_index (set->answers, SootheAnswer, i);
      const SoothePassage *passage = &answer->passages[0];

      /* The red flag is not said twice. */
      if (soothe_answer_set_is_red_flag (set, passage))
        {
          if (answer->n_passages < 2)
            continue;
          passage = &answer->passages[1];
        }
      g_array_append_val (list, *passage);
    }
  return list;
}

void
soothe_answer_set_free (SootheAnswerSet *set)
{
  if (set == NULL)
    return;

  g_clear_pointer (&set->answers, g_array_unref);
  g_clear_pointer (&set->query, soothe_search_query_free);
  g_free (set);
}

static SootheSituation *
lookup_situation (SootheAnswers *self,
                  guint          position)
{
  GListModel *situations = soothe_content_get_situations (self->content);
  g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, position);

  /* The model keeps its reference as long as the content lives. */
  return situation;
}

/* Whether @passage names a place that exists in its situation. */
static gboolean
passage_is_valid (SootheAnswers       *self,
                  const SoothePassage *passage)
{
  SootheSituation *situation;

  if (passage->situation >= self->n_situations)
    return FALSE;
  situation = lookup_situation (self, passage->situation);

  switch (passage->kind)
    {
    case SOOTHE_PASSAGE_EMERGENCY:
      return passage->item < g_strv_length (situation->emergency);
    case SOOTHE_PASSAGE_URGENT:
      return passage->item < g_strv_length (situation->urgent);
    case SOOTHE_PASSAGE_ADVICE:
      return passage->section < situation->sections->len &&
             passage->item < g_strv_length (((SootheAdviceSection *)
                                             g_ptr_array_index (situation->sections, passage->section))->items);
    case SOOTHE_PASSAGE_STRETCH:
      return passage->item < g_strv_length (situation->stretch_ids) &&
             soothe_content_lookup_stretch (self->content, situation->stretch_ids[passage->item]) != NULL;
    case SOOTHE_PASSAGE_SUMMARY:
    case SOOTHE_PASSAGE_THERAPY:
    case SOOTHE_PASSAGE_TITLE:
      return passage->section == 0 && passage->item == 0;
    default:
      return FALSE;
    }
}

/* One line of plain text: tabs, line breaks and runs of spaces become one space. */
static char *
one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_unichar (line, c);
    }
  return g_string_free (line, FALSE);
}

/**
 * soothe_answers_get_text:
 * @self: a #SootheAnswers
 * @passage: a passage of @self's content
 *
 * Returns: (transfer full): the passage as one line of plain text; a
 *   stretch as its name and summary
 */
char *
soothe_answers_get_text (SootheAnswers       *self,
                         const SoothePassage *passage)
{
  SootheSituation *situation;
  g_autofree char *plain = NULL;

  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (passage != NULL && passage_is_valid (self, passage), NULL);

  situation = lookup_situation (self, passage->situation);
  switch (passage->kind)
    {
    case SOOTHE_PASSAGE_EMERGENCY:
      plain = soothe_markup_to_plain (situation->emergency[passage->item]);
      break;
    case SOOTHE_PASSAGE_URGENT:
      plain = soothe_markup_to_plain (situation->urgent[passage->item]);
      break;
    case SOOTHE_PASSAGE_ADVICE:
      plain = soothe_markup_to_plain (((SootheAdviceSection *) g_ptr_array_index (situation->sections,
                                                                                 passage->section))
                                        ->items[passage->item]);
      break;
    case SOOTHE_PASSAGE_SUMMARY:
      plain = soothe_markup_to_plain (situation->summary);
      break;
    case SOOTHE_PASSAGE_THERAPY:
      plain = soothe_markup_to_plain (situation->therapy_reason);
      break;
    case SOOTHE_PASSAGE_STRETCH:
      {
        SootheStretch *stretch = soothe_content_lookup_stretch (self->content,
                                                                situation->stretch_ids[passage->item]);
        g_autofree char *name = soothe_markup_to_plain (stretch->name);
        g_autofree char *summary = soothe_markup_to_plain (stretch->summary);

        plain = g_strdup_printf ("%s: %s", name, summary);
      }
      break;
    case SOOTHE_PASSAGE_TITLE:
    default:
      plain = soothe_markup_to_plain (situation->title);
      break;
    }

  return one_line (plain);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * soothe_answers_highlight:
 * @self: a #SootheAnswers
 * @set: the answers whose question's words are marked
 * @text: plain text, such as from soothe_answers_get_text()
 *
 * Returns: (transfer full): @text as Pango markup, escaped, with the words
 *   the question found in bold
 */
char *
soothe_answers_highlight (SootheAnswers   *self,
                          SootheAnswerSet *set,
                          const char      *text)
{
  GString *markup;
  const char *p;

  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_markup_escape_text ("", -1);

  markup = g_string_sized_new (strlen (text) + 16);
  p = text;
  while (*p != '\0')
    {
      const char *start = p;
      gboolean word = is_word_char (g_utf8_get_char (p));
      g_autofree char *escaped = NULL;

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)) == word)
        p = g_utf8_next_char (p);
      escaped = g_markup_escape_text (start, p - start);

      if (word)
        {
          g_autofree char *piece = g_strndup (start, p - start);

          if (soothe_search_index_match_word (self->index, set->query, piece) >= 0)
            {
              g_string_append_printf (markup, "<b>%s</b>", escaped);
              continue;
            }
        }
      g_string_append (markup, escaped);
    }

  return g_string_free (markup, FALSE);
}

/**
 * soothe_answers_passage_to_string:
 *
 * Returns: (transfer full): "SITUATION-ID/KIND/SECTION/ITEM", which
 *   soothe_answers_passage_from_string() reads back
 */
char *
soothe_answers_passage_to_string (SootheAnswers       *self,
                                  const SoothePassage *passage)
{
  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (passage != NULL && passage_is_valid (self, passage), NULL);

  return g_strdup_printf ("%s/%s/%u/%u", lookup_situation (self, passage->situation)->id,
                          soothe_passage_kind_to_string (passage->kind), passage->section,
                          passage->item);
}

static gboolean
parse_number (const char *text,
              guint      *number)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &value, NULL))
    return FALSE;
  *number = value;
  return TRUE;
}

/**
 * soothe_answers_passage_from_string:
 * @string: from soothe_answers_passage_to_string(), or anything else
 * @passage: (out): where the passage is written
 *
 * Returns: whether @string names a passage of @self's content
 */
gboolean
soothe_answers_passage_from_string (SootheAnswers *self,
                                    const char    *string,
                                    SoothePassage *passage)
{
  g_auto(GStrv) parts = NULL;
  SootheSituation *situation;
  SoothePassage found = { 0 };
  GListModel *situations;
  guint n;

  g_return_val_if_fail (SOOTHE_IS_ANSWERS (self), FALSE);
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (passage != NULL, FALSE);

  parts = g_strsplit (string, "/", 5);
  if (g_strv_length (parts) != 4 ||
      (situation = soothe_content_lookup_situation (self->content, parts[0])) == NULL ||
      !soothe_passage_kind_from_string (parts[1], &found.kind) ||
      !parse_number (parts[2], &found.section) || !parse_number (parts[3], &found.item))
    return FALSE;

  situations = soothe_content_get_situations (self->content);
  n = g_list_model_get_n_items (situations);
  for (found.situation = 0; found.situation < n; found.situation++)
    if (lookup_situation (self, found.situation) == situation)
      break;

  if (!passage_is_valid (self, &found))
    return FALSE;
  *passage = found;
  return TRUE;
}
