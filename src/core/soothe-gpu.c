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

/* A device node in DIR whose name starts with PREFIX and goes on with a
 * digit, which this process may open for reading and writing. */
static gboolean
has_open_device (const char *dir,
                 const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  gsize length = strlen (prefix);

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_ascii_isdigit (name[length]))
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
 * virtual machines have a `card` node only), or NVIDIA's own `nvidia0`; it
 * needs to open the node itself, except on X11 with DRI3, where the X server
 * hands it over (a sandbox without the device then draws with cairo, which is
 * still fine). `LIBGL_ALWAYS_SOFTWARE` asks Mesa for software rendering
 * whatever the machine has.
 *
 * Returns: %FALSE when OpenGL can only be drawn in software
 */
gboolean
soothe_gpu_available (const char *dev_dir)
{
  g_autofree char *dri = NULL;

  g_return_val_if_fail (dev_dir != NULL, FALSE);

  if (env_is_true ("LIBGL_ALWAYS_SOFTWARE"))
    return FALSE;
  dri = g_build_filename (dev_dir, "dri", NULL);
  return has_open_device (dri, "renderD") || has_open_device (dev_dir, "nvidia");
}
