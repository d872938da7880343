/* test-autostart.c: the autostart entry that starts Soothe at login
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>

#include "soothe-autostart.h"
#include "test-files.h"

#define APP_ID "io.github.soothe.Soothe"

static char *config_home;

static void
test_on_and_off (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = soothe_autostart_get_path ();
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_true (g_str_has_prefix (path, config_home));
  g_assert_true (g_str_has_suffix (path, "/autostart/" APP_ID ".desktop"));
  g_assert_false (soothe_autostart_get_enabled ());

  /* The folder is made when missing. */
  g_assert_true (soothe_autostart_set_enabled (APP_ID, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (soothe_autostart_get_enabled ());
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\nExec=soothe --gapplication-service\n"));
  g_assert_true (g_str_has_prefix (contents, "[Desktop Entry]\n"));

  /* Again is no error, and off twice neither. */
  g_assert_true (soothe_autostart_set_enabled (APP_ID, TRUE, &error));
  g_assert_true (soothe_autostart_set_enabled (APP_ID, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (soothe_autostart_get_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (soothe_autostart_set_enabled (APP_ID, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* What desktop-file-validate says, where it is installed. */
static void
test_valid_desktop_file (void)
{
  g_autofree char *validate = g_find_program_in_path ("desktop-file-validate");
  g_autofree char *dir = test_dir_new ("soothe-autostart");
  g_autofree char *path = g_build_filename (dir, APP_ID ".desktop", NULL);
  g_autofree char *contents = soothe_autostart_get_contents (APP_ID);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { validate, path, NULL };
  int status = -1;

  if (validate == NULL)
    {
      g_test_skip ("desktop-file-validate is not installed");
      test_dir_remove (dir);
      return;
    }
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (output, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  test_dir_remove (dir);
}

/* Something else where the entry goes is left alone. */
static void
test_odd_shapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = soothe_autostart_get_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *target = g_build_filename (config_home, "elsewhere", NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_assert_false (soothe_autostart_get_enabled ());
  g_assert_false (soothe_autostart_set_enabled (APP_ID, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);
  g_assert_false (soothe_autostart_set_enabled (APP_ID, FALSE, &error));
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* A link is not followed, nor replaced. */
  g_assert_true (g_file_set_contents (target, "mine", -1, NULL));
  g_assert_cmpint (symlink (target, path), ==, 0);
  g_assert_false (soothe_autostart_get_enabled ());
  g_assert_false (soothe_autostart_set_enabled (APP_ID, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "mine");
  }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_remove (target), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the folder, which it keeps. */
  config_home = test_dir_new ("soothe-autostart-config");
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_add_func ("/soothe/autostart/on-and-off", test_on_and_off);
  g_test_add_func ("/soothe/autostart/valid-desktop-file", test_valid_desktop_file);
  g_test_add_func ("/soothe/autostart/odd-shapes", test_odd_shapes);

  status = g_test_run ();
  test_dir_remove (config_home);
  g_free (config_home);
  return status;
}
