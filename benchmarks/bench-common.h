/* bench-common.h: timing and statistics shared by the benchmark programs
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>
#include <time.h>

static inline gint64
bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static inline double
bench_ms_since (gint64 start_ns)
{
  return (double) (bench_now_ns () - start_ns) / 1e6;
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Nearest-rank percentile of @samples, which it sorts. */
static inline double
bench_percentile (GArray *samples,
                  double  percent)
{
  gsize rank;

  if (samples->len == 0)
    return 0.0;
  g_array_sort (samples, bench_compare_doubles);
  rank = (gsize) (percent / 100.0 * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

static inline GBytes *
bench_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  return g_bytes_new_take (contents, length);
}
