/* test-search.c: questions people type find the right situation first
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-content.h"

typedef struct {
  const char *query;
  const char *expected_first;
} Question;

typedef struct {
  const char     *language;
  const Question *questions;
  guint           n_questions;
} Language;

static const Question questions[] = {
  { "burning between my shoulder blades", "upper-back-burning" },
  { "back hurts when I cough", "upper-back-cough" },
  { "my upper back hurts and I'm pregnant", "upper-back-pregnancy" },
  { "pain under my left shoulder blade", "upper-back-left" },
  { "knee", "knee-pain" },
  { "KNEE PAIN", "knee-pain" },
  { "knée", "knee-pain" },
  { "lifting boxes", "pain-lifting" },
  { "hurt my back picking up shopping", "pain-lifting" },
  { "jogging", "pain-running" },
  { "knee hurts when I run", "pain-running" },
  { "legs ache when walking", "pain-walking" },
  { "lower back", "lower-back-pain" },
  /* The page whose advice says what sciatica is, before the one that only
   * has it as a keyword. */
  { "sciatica", "back-pain-after-exercise" },
  { "best sleeping position for neck pain", "sleeping-pain" },
  { "can't sleep because my shoulder hurts", "sleeping-pain" },
  { "coughing", "upper-back-cough" },
  { "burn", "upper-back-burning" },
  { "pregn", "upper-back-pregnancy" },
  /* Each complaint the source article names. */
  { "knee clicks", "knee-clicking" },
  { "knee hurts when I squat", "knee-squatting-kneeling" },
  { "pain when kneeling", "knee-squatting-kneeling" },
  { "can't straighten my knee", "knee-straightening" },
  { "big toe hurts when I walk", "big-toe-pain" },
  { "gout", "big-toe-pain" },
  { "heel pain in the morning", "heel-pain" },
  { "plantar fasciitis", "heel-pain" },
  { "back pain walking eases when I sit", "walking-back-leg-pain" },
  { "calf pain when walking", "calf-pain-walking" },
  { "swollen calf", "calf-pain-walking" },
  { "back pain from standing all day", "back-pain-standing" },
  { "lower back pain after exercise", "back-pain-after-exercise" },
  { "back brace", "lower-back-pain" },
  { "how to lift safely", "pain-lifting" },
  { "shoulder hurts when lifting", "shoulder-pain-lifting" },
  { "wrist hurts when lifting", "wrist-pain-lifting" },
  { "pulled hamstring", "leg-strain" },
  { "neck and shoulders tense when running", "running-shoulders-neck" },
  { "chest pain while running", "chest-pain-exercise" },
  { "shin splints", "shin-pain" },
  { "rib pain lying down", "rib-pain-lying" },
  { "hurts to breathe in ribs", "rib-pain-lying" },
  { "stiff neck when I wake up", "neck-pain-waking" },
  { "shoulder pain at night", "shoulder-pain-night" },
  { "menopause aches at night", "night-aches-hormones" },
  { "period pain back", "night-aches-hormones" },
};

static const Question german[] = {
  { "Knie knackt", "knee-clicking" },
  { "Knieschmerzen beim Hocken", "knee-squatting-kneeling" },
  { "Knie lässt sich nicht strecken", "knee-straightening" },
  { "großer Zeh tut beim Gehen weh", "big-toe-pain" },
  { "Fersenschmerzen am Morgen", "heel-pain" },
  { "Rückenschmerzen beim Gehen, besser im Sitzen", "walking-back-leg-pain" },
  { "Wadenschmerzen beim Gehen", "calf-pain-walking" },
  { "geschwollene Wade", "calf-pain-walking" },
  { "Rückenschmerzen vom langen Stehen", "back-pain-standing" },
  { "Rückenschmerzen nach dem Sport", "back-pain-after-exercise" },
  { "Schulterschmerzen beim Heben", "shoulder-pain-lifting" },
  { "Handgelenk tut beim Heben weh", "wrist-pain-lifting" },
  { "Zerrung Oberschenkel", "leg-strain" },
  { "Nacken verspannt beim Laufen", "running-shoulders-neck" },
  { "Brustschmerzen beim Joggen", "chest-pain-exercise" },
  { "Schienbeinschmerzen", "shin-pain" },
  { "Rippenschmerzen im Liegen", "rib-pain-lying" },
  { "steifer Nacken nach dem Aufwachen", "neck-pain-waking" },
  { "Schulterschmerzen nachts", "shoulder-pain-night" },
  { "Wechseljahre Schmerzen nachts", "night-aches-hormones" },
};

static const Question spanish[] = {
  { "me cruje la rodilla", "knee-clicking" },
  { "dolor de rodilla al ponerme en cuclillas", "knee-squatting-kneeling" },
  { "dolor al arrodillarme", "knee-squatting-kneeling" },
  { "no puedo estirar la rodilla", "knee-straightening" },
  { "me duele el dedo gordo al caminar", "big-toe-pain" },
  { "dolor de talón por la mañana", "heel-pain" },
  { "dolor de espalda al caminar que mejora al sentarme", "walking-back-leg-pain" },
  { "dolor de pantorrilla al caminar", "calf-pain-walking" },
  { "pantorrilla hinchada", "calf-pain-walking" },
  { "dolor de espalda por estar de pie", "back-pain-standing" },
  { "dolor lumbar después del ejercicio", "back-pain-after-exercise" },
  { "me duele el hombro al levantar peso", "shoulder-pain-lifting" },
  { "me duele la muñeca al levantar peso", "wrist-pain-lifting" },
  { "tirón en el muslo", "leg-strain" },
  { "tensión en cuello y hombros al correr", "running-shoulders-neck" },
  { "dolor en el pecho al correr", "chest-pain-exercise" },
  { "dolor en la espinilla", "shin-pain" },
  { "dolor de costillas al acostarme", "rib-pain-lying" },
  { "cuello rígido al despertar", "neck-pain-waking" },
  { "dolor de hombro por la noche", "shoulder-pain-night" },
  { "dolores nocturnos menopausia", "night-aches-hormones" },
};

static const Language languages[] = {
  { "en", questions, G_N_ELEMENTS (questions) },
  { "de", german, G_N_ELEMENTS (german) },
  { "es", spanish, G_N_ELEMENTS (spanish) },
};

static SootheContent *content;
static SootheContent *contents[G_N_ELEMENTS (languages)];

static const char *
first_result_in (SootheContent *in,
                 const char    *query)
{
  g_autoptr(SootheAnswerSet) set = soothe_answers_ask (soothe_content_get_answers (in), query,
                                                       SOOTHE_ASK_NONE);
  g_autoptr(SootheSituation) situation = NULL;

  if (set->answers->len == 0)
    return NULL;
  situation = g_list_model_get_item (soothe_content_get_situations (in),
                                     g_array_index (set->answers, SootheAnswer, 0).situation);
  return soothe_situation_get_id (situation);
}

static const char *
first_result (const char *query)
{
  return first_result_in (content, query);
}

/* The question's place in languages[] is kept beside it. */
typedef struct {
  guint           language;
  const Question *question;
} Asked;

static void
test_question (gconstpointer data)
{
  const Asked *asked = data;

  g_assert_cmpstr (first_result_in (contents[asked->language], asked->question->query), ==,
                   asked->question->expected_first);
}

static void
test_no_match (void)
{
  g_assert_null (first_result ("xylophone"));
  g_assert_null (first_result (""));
  g_assert_null (first_result ("   "));
  g_assert_null (first_result ("the my when"));
}

static void
test_markup_not_indexed (void)
{
  /* Inline syntax is stripped before indexing: "*" never matches. */
  g_assert_null (first_result ("*"));
  g_assert_null (first_result ("https"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  content = soothe_content_new_builtin_for ((const char * const []) { "en", NULL });
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      contents[l] = soothe_content_new_builtin_for ((const char * const []) { languages[l].language,
                                                                              NULL });
      for (guint i = 0; i < languages[l].n_questions; i++)
        {
          g_autofree char *path = g_strdup_printf ("/soothe/search/question/%s/%u",
                                                   languages[l].language, i);
          Asked *asked = g_new (Asked, 1);

          *asked = (Asked) { l, &languages[l].questions[i] };
          g_test_add_data_func_full (path, asked, test_question, g_free);
        }
    }
  g_test_add_func ("/soothe/search/no-match", test_no_match);
  g_test_add_func ("/soothe/search/markup-not-indexed", test_markup_not_indexed);

  status = g_test_run ();
  g_object_unref (content);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    g_object_unref (contents[l]);
  return status;
}
