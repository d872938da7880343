/* bench-load.c: bundle load and validation against a bare json-glib parse
 *
 * For each FILE, runs these measurements in turn, rotating their order every
 * round so that the machine's noise falls on all of them alike:
 *   bare   json_parser_load_from_data() alone
 *   load   soothe_content_load_bytes(): parse, validation, model, merge
 * and, to show where load's time goes:
 *   parse  soothe_json_parse(): the strict JSON read that builds the document
 *   free   soothe_json_doc_free() of that document, which load does when it is done
 *   read   soothe_bundle_read(): validation and model objects, from a document
 * It prints one JSON object per file with the median of each, in ms; what
 * load spends beyond parse + read + free is merging into the content.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "bench-common.h"
#include "soothe-bundle-private.h"
#include "soothe-content.h"
#include "soothe-json.h"

enum { BARE, LOAD, PARSE, FREE, READ, N_KINDS };

static const char * const kind_names[N_KINDS] = { "bare", "load", "parse", "free", "read" };

static double
time_bare (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gint64 start = bench_now_ns ();
  double ms;

  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("json-glib: %s", error->message);
  ms = bench_ms_since (start);
  return ms;
}

static SootheJsonDoc *
parse (GBytes     *bytes,
       const char *name,
       double     *ms)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 start = bench_now_ns ();
  SootheJsonDoc *doc;

  doc = soothe_json_parse (bytes, name, problems);
  *ms = bench_ms_since (start);
  if (doc == NULL)
    g_error ("%s: %s", name, (const char *) g_ptr_array_index (problems, 0));
  return doc;
}

static double
time_parse (GBytes     *bytes,
            const char *name)
{
  g_autoptr(SootheJsonDoc) doc = NULL;
  double ms;

  doc = parse (bytes, name, &ms);
  return ms;
}

static double
time_free (GBytes     *bytes,
           const char *name)
{
  double ms;
  SootheJsonDoc *doc = parse (bytes, name, &ms);
  gint64 start = bench_now_ns ();

  soothe_json_doc_free (doc);
  return bench_ms_since (start);
}

static double
time_read (GBytes     *bytes,
           const char *name)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SootheBundle) bundle = NULL;
  g_autoptr(SootheJsonDoc) doc = NULL;
  gint64 start;
  double ms;

  doc = parse (bytes, name, &ms);
  start = bench_now_ns ();
  bundle = soothe_bundle_read (soothe_json_doc_get_root (doc), name, SOOTHE_BUNDLE_BASE, NULL,
                               problems);
  ms = bench_ms_since (start);
  if (bundle == NULL)
    g_error ("%s: %s", name, (const char *) g_ptr_array_index (problems, 0));
  return ms;
}

static double
time_load (GBytes     *bytes,
           const char *name,
           guint      *n_situations)
{
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 start = bench_now_ns ();
  gboolean ok;
  double ms;

  ok = soothe_content_load_bytes (content, bytes, name, SOOTHE_BUNDLE_BASE, problems);
  ms = bench_ms_since (start);
  if (!ok)
    g_error ("%s: %s", name, (const char *) g_ptr_array_index (problems, 0));
  *n_situations = g_list_model_get_n_items (soothe_content_get_situations (content));
  return ms;
}

static void
measure_file (const char *path,
              guint       rounds)
{
  g_autoptr(GBytes) bytes = bench_read_file (path);
  g_autofree char *name = g_path_get_basename (path);
  GArray *samples[N_KINDS];
  guint n_situations = 0;

  for (guint k = 0; k < N_KINDS; k++)
    samples[k] = g_array_new (FALSE, FALSE, sizeof (double));

  /* One untimed round warms the caches and the allocator. */
  time_bare (bytes);
  time_load (bytes, name, &n_situations);

  /* Small files take more rounds, so each size gets about the same time. */
  rounds *= CLAMP ((guint) (10000000 / MAX (g_bytes_get_size (bytes), 1)), 1, 20);

  for (guint r = 0; r < rounds; r++)
    {
      for (guint i = 0; i < N_KINDS; i++)
        {
          guint k = (r + i) % N_KINDS;
          double ms = 0;

          switch (k)
            {
            case BARE:
              ms = time_bare (bytes);
              break;
            case LOAD:
              ms = time_load (bytes, name, &n_situations);
              break;
            case PARSE:
              ms = time_parse (bytes, name);
              break;
            case FREE:
              ms = time_free (bytes, name);
              break;
            case READ:
            default:
              ms = time_read (bytes, name);
              break;
            }
          g_array_append_val (samples[k], ms);
        }
    }

  g_print ("{\"file\": \"%s\", \"bytes\": %" G_GSIZE_FORMAT ", \"situations\": %u, \"rounds\": %u",
           name, g_bytes_get_size (bytes), n_situations, rounds);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_print (", \"%s_ms\": %.4f, \"%s_min_ms\": %.4f", kind_names[k],
               bench_percentile (samples[k], 50), kind_names[k],
               bench_percentile (samples[k], 0));
      g_array_unref (samples[k]);
    }
  g_print ("}\n");
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = 7;
  int first = 1;

  if (argc > 2 && g_str_equal (argv[1], "--rounds"))
    {
      rounds = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
      first = 3;
    }
  if (first >= argc)
    {
      g_printerr ("usage: %s [--rounds N] FILE…\n", argv[0]);
      return 2;
    }

  for (int i = first; i < argc; i++)
    measure_file (argv[i], rounds);
  return 0;
}
