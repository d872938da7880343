/* soothe-sound.c: the chime that says a timer ended or a stretch is due
 *
 * Played with GTK's own media API, from the resource bundle. Where there is
 * no media backend or no audio device the stream reports an error, and
 * Soothe simply stays silent: the notification and the window still say it.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "soothe-sound.h"

#define CHIME_RESOURCE "/io/github/soothe/Soothe/sounds/soothe-chime.wav"

typedef struct
{
  GtkMediaStream *stream;  /* made on first use: start-up never pays for it */
} SootheSoundPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SootheSound, soothe_sound, G_TYPE_OBJECT)

static void
soothe_sound_real_play (SootheSound      *self,
                        SootheSoundEvent  event)
{
  SootheSoundPrivate *priv = soothe_sound_get_instance_private (self);

  if (priv->stream == NULL)
    priv->stream = gtk_media_file_new_for_resource (CHIME_RESOURCE);

  /* A stream without a backend or a device stays silent for good. */
  if (gtk_media_stream_get_error (priv->stream) != NULL)
    return;
  if (gtk_media_stream_is_seekable (priv->stream))
    gtk_media_stream_seek (priv->stream, 0);
  gtk_media_stream_play (priv->stream);
}

static void
soothe_sound_dispose (GObject *object)
{
  SootheSoundPrivate *priv = soothe_sound_get_instance_private (SOOTHE_SOUND (object));

  if (priv->stream != NULL)
    gtk_media_stream_pause (priv->stream);
  g_clear_object (&priv->stream);

  G_OBJECT_CLASS (soothe_sound_parent_class)->dispose (object);
}

static void
soothe_sound_class_init (SootheSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soothe_sound_dispose;
  klass->play = soothe_sound_real_play;
}

static void
soothe_sound_init (SootheSound *self)
{
}

SootheSound *
soothe_sound_new (void)
{
  return g_object_new (SOOTHE_TYPE_SOUND, NULL);
}

/**
 * soothe_sound_play:
 * @self: a #SootheSound
 * @event: what the sound is for
 *
 * Plays the chime once, from the start. Whether it should be heard at all
 * (the person's preferences, the desktop's event sounds) is the caller's
 * choice.
 */
void
soothe_sound_play (SootheSound      *self,
                   SootheSoundEvent  event)
{
  g_return_if_fail (SOOTHE_IS_SOUND (self));

  SOOTHE_SOUND_GET_CLASS (self)->play (self, event);
}
