/* soothe-stretch.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-model-private.h"

G_DEFINE_FINAL_TYPE (SootheStretch, soothe_stretch, G_TYPE_OBJECT)

static void
soothe_stretch_finalize (GObject *object)
{
  SootheStretch *self = SOOTHE_STRETCH (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_strfreev (self->steps);
  g_strfreev (self->cautions);
  g_free (self->illustration);

  G_OBJECT_CLASS (soothe_stretch_parent_class)->finalize (object);
}

static void
soothe_stretch_class_init (SootheStretchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soothe_stretch_finalize;
}

static void
soothe_stretch_init (SootheStretch *self)
{
}

const char *
soothe_stretch_get_id (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return self->id;
}

const char *
soothe_stretch_get_name (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return self->name;
}

const char *
soothe_stretch_get_summary (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return self->summary;
}

const char * const *
soothe_stretch_get_steps (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return (const char * const *) self->steps;
}

guint
soothe_stretch_get_hold_seconds (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), 0);
  return self->hold_seconds;
}

guint
soothe_stretch_get_repetitions (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), 0);
  return self->repetitions;
}

const char * const *
soothe_stretch_get_cautions (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return (const char * const *) self->cautions;
}

gboolean
soothe_stretch_get_pregnancy_safe (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), FALSE);
  return self->pregnancy_safe;
}

/* Returns the resource path of the stretch's drawing, or NULL. */
const char *
soothe_stretch_get_illustration (SootheStretch *self)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);
  return self->illustration;
}

/**
 * soothe_stretch_describe_hold:
 * @self: a #SootheStretch
 *
 * How long to hold it and how often, the same wherever a stretch is shown:
 * on its card in the advice and in the guided stretch window.
 *
 * Returns: (transfer full): for example "Hold 30 seconds · 3 times"
 */
char *
soothe_stretch_describe_hold (SootheStretch *self)
{
  g_autofree char *hold_text = NULL;
  g_autofree char *repeat_text = NULL;
  guint hold;
  guint repetitions;

  g_return_val_if_fail (SOOTHE_IS_STRETCH (self), NULL);

  hold = soothe_stretch_get_hold_seconds (self);
  repetitions = soothe_stretch_get_repetitions (self);
  if (hold % 60 == 0)
    hold_text = g_strdup_printf (ngettext ("Hold %u minute", "Hold %u minutes", hold / 60),
                                 hold / 60);
  else
    hold_text = g_strdup_printf (ngettext ("Hold %u second", "Hold %u seconds", hold), hold);
  repeat_text = g_strdup_printf (ngettext ("%u time", "%u times", repetitions), repetitions);

  /* TRANSLATORS: "Hold 30 seconds · 3 times" */
  return g_strdup_printf (_("%s · %s"), hold_text, repeat_text);
}
