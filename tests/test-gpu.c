/* test-gpu.c: whether the machine has a GPU to draw with
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <unistd.h>

#include "soothe-gpu.h"
#include "test-files.h"

/* A device folder in a temporary folder, holding the given files, in it or
 * in its `dri` folder; free it with dev_remove(). */
static char *
dev_new (const char *const *names)
{
  char *dev = test_dir_new ("soothe-gpu");

  for (const char *const *name = names; *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dev, *name, NULL);
      g_autofree char *folder = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  return dev;
}

static void
dev_remove (const char *dev)
{
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);

  if (g_file_test (dri, G_FILE_TEST_IS_DIR))
    test_dir_remove (dri);
  test_dir_remove (dev);
}

static gboolean
available_with (const char *const *names)
{
  g_autofree char *dev = dev_new (names);
  gboolean available = soothe_gpu_available (dev);

  dev_remove (dev);
  return available;
}

static void
test_render_nodes (void)
{
  g_assert_true (available_with ((const char *[]) { "dri/renderD128", NULL }));
  g_assert_true (available_with ((const char *[]) { "dri/card0", "dri/renderD129", NULL }));
  g_assert_true (available_with ((const char *[]) { "nvidiactl", "nvidia0", NULL }));
}

static void
test_no_gpu (void)
{
  g_autofree char *missing = NULL;

  g_assert_false (available_with ((const char *[]) { NULL }));
  /* A framebuffer driver (simpledrm, bochs): a card but nothing to draw in 3D. */
  g_assert_false (available_with ((const char *[]) { "dri/card0", NULL }));
  g_assert_false (available_with ((const char *[]) { "nvidiactl", "nvidia-uvm", NULL }));
  /* Names that only start like a device's. */
  g_assert_false (available_with ((const char *[]) { "dri/renderD", "dri/renderDx", NULL }));
  g_assert_false (available_with ((const char *[]) { "renderD128", NULL }));
  /* `dri` as a file, and no device folder at all. */
  g_assert_false (available_with ((const char *[]) { "dri", NULL }));
  missing = g_build_filename (g_get_tmp_dir (), "soothe-gpu-no-such-folder", NULL);
  g_assert_false (soothe_gpu_available (missing));
}

/* A node this process may not open is not a GPU it can draw with. */
static void
test_closed_node (void)
{
  g_autofree char *dev = NULL;
  g_autofree char *node = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may open any node");
      return;
    }
  dev = dev_new ((const char *[]) { "dri/renderD128", NULL });
  node = g_build_filename (dev, "dri", "renderD128", NULL);
  g_assert_cmpint (g_chmod (node, 0400), ==, 0);
  g_assert_false (soothe_gpu_available (dev));
  g_assert_cmpint (g_chmod (node, 0600), ==, 0);
  g_assert_true (soothe_gpu_available (dev));
  dev_remove (dev);
}

/* LIBGL_ALWAYS_SOFTWARE, read the way Mesa reads it. */
static void
test_software_asked_for (void)
{
  const char *const gpu[] = { "dri/renderD128", NULL };
  const char *const yes[] = { "1", "true", "TRUE", "y", "yes", "Yes" };
  const char *const no[] = { "0", "false", "no", "", "2" };

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", yes[i], TRUE);
      g_assert_false (available_with (gpu));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", no[i], TRUE);
      g_assert_true (available_with (gpu));
    }
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/gpu/render-nodes", test_render_nodes);
  g_test_add_func ("/soothe/gpu/no-gpu", test_no_gpu);
  g_test_add_func ("/soothe/gpu/closed-node", test_closed_node);
  g_test_add_func ("/soothe/gpu/software-asked-for", test_software_asked_for);

  return g_test_run ();
}
