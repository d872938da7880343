/* replay.c: runs a fuzz harness over files, for builds without libFuzzer
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with a harness instead of libFuzzer, so that every build (GCC, the
 * sanitizer build, valgrind) replays the seed corpus and every input the
 * fuzzer ever found, as a test. Arguments are files or folders of files.
 */

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint n_inputs = 0;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* A copy of exactly the file's size, so a read past the end is caught. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, length);

    LLVMFuzzerTestOneInput (copy, length);
  }
  n_inputs++;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.')
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);

  /* An empty folder would make a test that checks nothing. */
  if (n_inputs == 0)
    g_error ("no inputs found");
  printf ("%u inputs replayed\n", n_inputs);
  return 0;
}
