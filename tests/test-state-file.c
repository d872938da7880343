/* test-state-file.c: the one way Soothe keeps its files, in odd shapes
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "soothe-state-file.h"
#include "test-files.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->directory = test_dir_new ("soothe-state-file");
  f->path = g_build_filename (f->directory, "state.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_dir_remove (f->directory);
  g_free (f->path);
  g_free (f->directory);
}

/* What @path holds, read the plain way; NULL when it is not a file. */
static char *
contents_of (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
write_plain (const char *path,
             const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @directory, sorted. */
static GStrv
listing (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;
  GStrv names;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

static void
test_missing_is_no_error (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (soothe_state_file_read (f->path, 1024, &error));
  g_assert_no_error (error);
  g_assert_true (soothe_state_file_remove (f->path, &error));
  g_assert_no_error (error);
}

static void
test_replace_and_read (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) names = NULL;
  struct stat info;

  write_plain (f->path, "old");
  g_assert_cmpint (chmod (f->path, 0644), ==, 0);
  g_assert_true (soothe_state_file_replace (f->path, "{\"new\": 1}", 10, &error));
  g_assert_no_error (error);

  bytes = soothe_state_file_read (f->path, 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{\"new\": 1}", 10);

  /* A new file, only the person's to read; nothing left beside it. */
  g_assert_cmpint (stat (f->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  names = listing (f->directory);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "state.json");

  /* An empty file reads as empty, not as missing. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_true (soothe_state_file_replace (f->path, "", 0, &error));
  bytes = soothe_state_file_read (f->path, 1024, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
}

static void
test_replace_makes_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->directory, "soothe", NULL);
  g_autofree char *path = g_build_filename (folder, "state.json", NULL);
  g_autofree char *blocker = g_build_filename (f->directory, "blocker", NULL);
  g_autofree char *blocked = g_build_filename (blocker, "soothe", "state.json", NULL);
  g_autofree char *contents = NULL;
  struct stat info;

  g_assert_true (soothe_state_file_replace (path, "x", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  contents = contents_of (path);
  g_assert_cmpstr (contents, ==, "x");
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  /* A file where the folder should be: an error naming the place. */
  write_plain (blocker, "");
  g_assert_false (soothe_state_file_replace (blocked, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, blocker));
  g_clear_error (&error);
  g_assert_false (soothe_state_file_append (blocked, "x\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpint (g_remove (blocker), ==, 0);
}

/* Each odd thing where the file should be is refused at once: never read,
 * never waited on, never followed. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const shapes[] = { "fifo", "folder", "link-to-zero", "link-to-file",
                                         "dangling-link" };
  g_autofree char *target = g_build_filename (f->directory, "target", NULL);

  write_plain (target, "{}");
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *shape = shapes[i];
      gint64 started = g_get_monotonic_time ();

      g_test_message ("%s", shape);
      if (g_str_equal (shape, "fifo"))
        g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
      else if (g_str_equal (shape, "folder"))
        g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
      else if (g_str_equal (shape, "link-to-zero"))
        g_assert_cmpint (symlink ("/dev/zero", f->path), ==, 0);
      else if (g_str_equal (shape, "link-to-file"))
        g_assert_cmpint (symlink (target, f->path), ==, 0);
      else
        g_assert_cmpint (symlink ("nowhere", f->path), ==, 0);

      bytes = soothe_state_file_read (f->path, 1024, &error);
      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_true (g_str_has_prefix (error->message, f->path));
      g_clear_error (&error);

      /* Appending is refused the same way, and changes nothing. */
      g_assert_false (soothe_state_file_append (f->path, "line\n", &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, f->path));
      g_clear_error (&error);

      /* Far less than a blocked open would take; a hang fails by timeout. */
      g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

      if (g_str_equal (shape, "folder"))
        g_assert_cmpint (g_rmdir (f->path), ==, 0);
      else
        g_assert_cmpint (g_remove (f->path), ==, 0);
    }

  /* What a link pointed to was never touched. */
  {
    g_autofree char *contents = contents_of (target);

    g_assert_cmpstr (contents, ==, "{}");
  }
  g_assert_cmpint (g_remove (target), ==, 0);
}

static void
test_size_cap (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* A sparse file of a terabyte costs no disk and must cost no time. */
  write_plain (f->path, "");
  if (truncate (f->path, (off_t) 1 << 40) != 0)
    g_assert_cmpint (truncate (f->path, (off_t) 1 << 30), ==, 0);
  g_assert_null (soothe_state_file_read (f->path, 64 * 1024, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, f->path));
  g_clear_error (&error);

  /* Exactly at the cap is fine. */
  g_assert_true (soothe_state_file_replace (f->path, "12345678", 8, &error));
  bytes = soothe_state_file_read (f->path, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 8);
  g_assert_null (soothe_state_file_read (f->path, 7, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpint (g_remove (f->path), ==, 0);
}

static void
test_append (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat info;

  g_assert_true (soothe_state_file_append (f->path, "one\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (f->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (soothe_state_file_append (f->path, "two\n", &error));
  contents = contents_of (f->path);
  g_assert_cmpstr (contents, ==, "one\ntwo\n");
  g_clear_pointer (&contents, g_free);

  /* A line torn by a crash stays on its own line. */
  write_plain (f->path, "one\ntw");
  g_assert_true (soothe_state_file_append (f->path, "three\n", &error));
  g_assert_no_error (error);
  contents = contents_of (f->path);
  g_assert_cmpstr (contents, ==, "one\ntw\nthree\n");
  g_assert_cmpint (g_remove (f->path), ==, 0);
}

static void
test_keep_aside_never_replaces (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) asides = g_ptr_array_new_with_free_func (g_free);

  /* Far quicker than a second: the time stamp alone would collide. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("broken %u", i);
      char *aside;

      write_plain (f->path, text);
      aside = soothe_state_file_keep_aside (f->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (aside);
      g_assert_true (g_str_has_prefix (aside, f->path));
      g_assert_nonnull (strstr (aside, ".broken-"));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      g_ptr_array_add (asides, aside);
    }

  g_ptr_array_sort (asides, compare_names);
  for (guint i = 0; i < asides->len; i++)
    {
      g_autofree char *contents = contents_of (g_ptr_array_index (asides, i));

      g_assert_nonnull (contents);
      g_assert_true (g_str_has_prefix (contents, "broken "));
      if (i > 0)
        g_assert_cmpstr (g_ptr_array_index (asides, i - 1), !=, g_ptr_array_index (asides, i));
    }

  /* Each one still holds what it held: five different texts. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < asides->len; i++)
      g_hash_table_add (seen, contents_of (g_ptr_array_index (asides, i)));
    g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
  }
}

static gboolean
accept_object (GBytes    *contents,
               gpointer   user_data,
               GError   **error)
{
  gsize size;
  const char *data = g_bytes_get_data (contents, &size);

  (*(guint *) user_data)++;
  if (size >= 2 && data[0] == '{' && data[size - 1] == '}')
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "expected an object");
  return FALSE;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *contents = NULL;
  guint calls = 0;

  /* Nothing there: nothing to take in. */
  g_assert_true (soothe_state_file_restore (f->path, 1024, accept_object, &calls, &kept_as,
                                            &error));
  g_assert_no_error (error);
  g_assert_null (kept_as);
  g_assert_cmpuint (calls, ==, 0);

  /* A good file stays where it is. */
  write_plain (f->path, "{}");
  g_assert_true (soothe_state_file_restore (f->path, 1024, accept_object, &calls, &kept_as,
                                            &error));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  /* A refused one is kept aside byte for byte, and the error says where. */
  write_plain (f->path, "[1, 2");
  g_assert_false (soothe_state_file_restore (f->path, 1024, accept_object, &calls, &kept_as,
                                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (kept_as);
  g_assert_true (g_str_has_prefix (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "expected an object"));
  g_assert_true (g_str_has_suffix (error->message, kept_as));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  contents = contents_of (kept_as);
  g_assert_cmpstr (contents, ==, "[1, 2");
  g_clear_error (&error);
  g_clear_pointer (&kept_as, g_free);

  /* One that cannot be read at all is moved too, without being parsed. */
  calls = 0;
  g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
  g_assert_false (soothe_state_file_restore (f->path, 1024, accept_object, &calls, &kept_as,
                                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpuint (calls, ==, 0);
  g_assert_nonnull (kept_as);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
add (const char *name,
     void (*test) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add ("/soothe/state-file/missing", test_missing_is_no_error);
  add ("/soothe/state-file/replace", test_replace_and_read);
  add ("/soothe/state-file/replace-makes-folder", test_replace_makes_folder);
  add ("/soothe/state-file/not-regular", test_not_regular);
  add ("/soothe/state-file/size-cap", test_size_cap);
  add ("/soothe/state-file/append", test_append);
  add ("/soothe/state-file/keep-aside", test_keep_aside_never_replaces);
  add ("/soothe/state-file/restore", test_restore);

  return g_test_run ();
}
