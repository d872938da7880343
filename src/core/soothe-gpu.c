/* soothe-gpu.c: whether this machine has a GPU that Soothe can draw with
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-gpu.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Mesa's reading of a yes-or-no variable (env_var_as_boolean). */
static gboolean
env_is_true (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL &&
         (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "true") == 0 ||
          g_ascii_strcasecmp (value, "y") == 0 || g_ascii_strcasecmp (value, "yes") == 0);
}

/* A node in DIR whose name is "renderD" and a number, which this process
 * may open for reading and writing. */
static gboolean
has_render_node (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "renderD") || !g_ascii_isdigit (name[strlen ("renderD")]))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_access (path, R_OK | W_OK) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * soothe_gpu_available:
 * @dev_dir: the device folder, `/dev` but for tests
 *
 * Whether OpenGL on this machine can run on a GPU. Without one, Mesa draws
 * OpenGL in software (llvmpipe), and that costs more than drawing with cairo.
 * Mesa renders on a GPU through a DRM render node (`dri/renderD128`), which
 * every driver that can draw in 3D has (the plain framebuffer drivers of
 * virtual machines have a `card` node only), or through NVIDIA's own nodes,
 * of which `nvidia0` is there whenever one of its GPUs is. It needs to open
 * the node itself, except on X11 with DRI3, where the X server hands it over
 * (a sandbox without the device then draws with cairo, which is still fine).
 * `LIBGL_ALWAYS_SOFTWARE` asks Mesa for software rendering whatever the
 * machine has.
 *
 * Returns: %FALSE when OpenGL can only be drawn in software
 */
gboolean
soothe_gpu_available (const char *dev_dir)
{
  g_autofree char *dri = NULL;
  g_autofree char *nvidia = NULL;

  g_return_val_if_fail (dev_dir != NULL, FALSE);

  if (env_is_true ("LIBGL_ALWAYS_SOFTWARE"))
    return FALSE;
  dri = g_build_filename (dev_dir, "dri", NULL);
  nvidia = g_build_filename (dev_dir, "nvidia0", NULL);
  return has_render_node (dri) || g_access (nvidia, R_OK | W_OK) == 0;
}
