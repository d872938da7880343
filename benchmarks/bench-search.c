/* bench-search.c: answer index build time and question latency
 *
 * Loads FILE, times building the situation list and the passage index (which
 * Soothe does on the first question), then asks typical questions round after
 * round and prints p50 and p95 per kind of question as one JSON object, in ms.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-common.h"
#include "soothe-content.h"

typedef struct {
  const char *kind;
  const char *text;
} Query;

/* As typed into the search field: the last word may still be being typed. */
static const Query queries[] = {
  { "word", "back" },
  { "word", "knee" },
  { "word", "burning" },
  { "word", "shoulder" },
  { "word", "pregnant" },
  { "word", "cough" },
  { "word", "sleep" },
  { "word", "lifting" },
  { "word", "stiff" },
  { "word", "ice" },
  { "word", "shoul" },
  { "word", "kalomi" },
  { "question", "Why does my upper back burn after sitting at a desk all day?" },
  { "question", "How can I ease knee pain when I walk down stairs?" },
  { "question", "Is it safe to use a heat pack on my back when I am pregnant?" },
  { "question", "What helps a sore lower back after lifting a heavy box?" },
  { "question", "Should I use ice or heat for a knee that hurts after running?" },
  { "question", "Why does my back hurt when I cough" },
  { "question", "How should I sleep with a stiff neck and shoulder pain" },
  { "question", "my left shoulder blade aches what can I do" },
};

static SootheContent *
load (GBytes     *bytes,
      const char *name)
{
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!soothe_content_load_bytes (content, bytes, name, SOOTHE_BUNDLE_BASE, problems))
    g_error ("%s: %s", name, (const char *) g_ptr_array_index (problems, 0));
  return g_steal_pointer (&content);
}

static void
print_stats (const char *label,
             GArray     *samples)
{
  g_print ("\"%s\": {\"n\": %u, \"p50_ms\": %.4f, \"p95_ms\": %.4f, \"max_ms\": %.4f}",
           label, samples->len, bench_percentile (samples, 50), bench_percentile (samples, 95),
           bench_percentile (samples, 100));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SootheContent) content = NULL;
  g_autoptr(GArray) list_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) word_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) question_samples = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *per_query[G_N_ELEMENTS (queries)];
  guint hits[G_N_ELEMENTS (queries)];
  SootheAnswers *answers = NULL;
  guint rounds = 50;
  guint builds = 3;
  double first_query_ms;
  const char *path;
  gint64 start;

  if (argc == 5 && g_str_equal (argv[1], "--rounds"))
    {
      rounds = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
      builds = MAX (1, (guint) g_ascii_strtoull (argv[3], NULL, 10));
      path = argv[4];
    }
  else if (argc == 2)
    path = argv[1];
  else
    {
      g_printerr ("usage: %s [--rounds QUERY_ROUNDS INDEX_BUILDS] FILE\n", argv[0]);
      return 2;
    }

  bytes = bench_read_file (path);

  /* Each build on fresh content: the index is built once and kept. */
  for (guint b = 0; b < builds; b++)
    {
      double ms;

      g_clear_object (&content);
      content = load (bytes, path);

      start = bench_now_ns ();
      soothe_content_get_situations (content);
      ms = bench_ms_since (start);
      g_array_append_val (list_samples, ms);

      start = bench_now_ns ();
      answers = soothe_content_get_answers (content);
      ms = bench_ms_since (start);
      g_array_append_val (build_samples, ms);
    }

  /* The first query sorts the dictionary and allocates scratch space. */
  start = bench_now_ns ();
  soothe_answer_set_free (soothe_answers_ask (answers, "back", SOOTHE_ASK_NONE));
  first_query_ms = bench_ms_since (start);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    per_query[q] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < rounds; r++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          SootheAnswerSet *result;
          double ms;

          start = bench_now_ns ();
          result = soothe_answers_ask (answers, queries[q].text, SOOTHE_ASK_NONE);
          ms = bench_ms_since (start);
          hits[q] = result->answers->len;
          soothe_answer_set_free (result);

          g_array_append_val (per_query[q], ms);
          g_array_append_val (g_str_equal (queries[q].kind, "word") ? word_samples : question_samples, ms);
        }
    }

  g_print ("{\"documents\": %u, \"passages\": %u, \"rounds\": %u, ",
           g_list_model_get_n_items (soothe_content_get_situations (content)),
           soothe_answers_get_n_passages (answers), rounds);
  print_stats ("list_build", list_samples);
  g_print (", ");
  print_stats ("index_build", build_samples);
  g_print (", \"first_query_ms\": %.4f, ", first_query_ms);
  print_stats ("word", word_samples);
  g_print (", ");
  print_stats ("question", question_samples);
  g_print (", \"queries\": [");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *escaped = g_strescape (queries[q].text, NULL);

      g_print ("%s{\"kind\": \"%s\", \"text\": \"%s\", \"hits\": %u, ", q > 0 ? ", " : "",
               queries[q].kind, escaped, hits[q]);
      print_stats ("latency", per_query[q]);
      g_print ("}");
      g_array_unref (per_query[q]);
    }
  g_print ("]}\n");
  return 0;
}
