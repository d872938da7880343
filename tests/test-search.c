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
  { "sciatica", "lower-back-pain" },
  { "best sleeping position for neck pain", "sleeping-pain" },
  { "can't sleep because my shoulder hurts", "sleeping-pain" },
  { "coughing", "upper-back-cough" },
  { "burn", "upper-back-burning" },
  { "pregn", "upper-back-pregnancy" },
};

static SootheContent *content;

static const char *
first_result (const char *query)
{
  g_autoptr(GArray) hits = soothe_search_index_query (soothe_content_get_search_index (content), query);
  g_autoptr(SootheSituation) situation = NULL;

  if (hits->len == 0)
    return NULL;
  situation = g_list_model_get_item (soothe_content_get_situations (content),
                                     g_array_index (hits, SootheSearchHit, 0).document);
  return soothe_situation_get_id (situation);
}

static void
test_question (gconstpointer data)
{
  const Question *question = data;

  g_assert_cmpstr (first_result (question->query), ==, question->expected_first);
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

  content = soothe_content_new_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/soothe/search/question/%u", i);
      g_test_add_data_func (path, &questions[i], test_question);
    }
  g_test_add_func ("/soothe/search/no-match", test_no_match);
  g_test_add_func ("/soothe/search/markup-not-indexed", test_markup_not_indexed);

  status = g_test_run ();
  g_object_unref (content);
  return status;
}
