/* soothe-situation.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "soothe-model-private.h"

G_DEFINE_FINAL_TYPE (SootheSituation, soothe_situation, G_TYPE_OBJECT)

static const char * const therapy_kind_names[] = {
  [SOOTHE_THERAPY_NONE] = "none",
  [SOOTHE_THERAPY_COLD] = "cold",
  [SOOTHE_THERAPY_HEAT] = "heat",
  [SOOTHE_THERAPY_CONTRAST] = "contrast",
};

SootheAdviceSection *
soothe_advice_section_new (void)
{
  return g_new0 (SootheAdviceSection, 1);
}

void
soothe_advice_section_free (SootheAdviceSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_strfreev (section->items);
  g_free (section);
}

SootheSource *
soothe_source_new (void)
{
  return g_new0 (SootheSource, 1);
}

void
soothe_source_free (SootheSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->url);
  g_free (source);
}

static void
soothe_situation_finalize (GObject *object)
{
  SootheSituation *self = SOOTHE_SITUATION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->area);
  g_free (self->summary);
  g_strfreev (self->keywords);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_strfreev (self->emergency);
  g_strfreev (self->urgent);
  g_free (self->therapy_reason);
  g_strfreev (self->stretch_ids);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (soothe_situation_parent_class)->finalize (object);
}

static void
soothe_situation_class_init (SootheSituationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soothe_situation_finalize;
}

static void
soothe_situation_init (SootheSituation *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) soothe_advice_section_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) soothe_source_free);
}

const char *
soothe_situation_get_id (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return self->id;
}

const char *
soothe_situation_get_title (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return self->title;
}

/* Returns the id of the body area the situation is grouped under. */
const char *
soothe_situation_get_area (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return self->area;
}

const char *
soothe_situation_get_summary (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return self->summary;
}

const char * const *
soothe_situation_get_keywords (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return (const char * const *) self->keywords;
}

guint
soothe_situation_get_n_sections (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), 0);
  return self->sections->len;
}

const SootheAdviceSection *
soothe_situation_get_section (SootheSituation *self,
                              guint            position)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  g_return_val_if_fail (position < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, position);
}

/* Signs that need emergency services now. */
const char * const *
soothe_situation_get_emergency (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return (const char * const *) self->emergency;
}

/* Signs that need care the same day. */
const char * const *
soothe_situation_get_urgent (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return (const char * const *) self->urgent;
}

/* Returns the days after which pain that is no better needs a doctor, or 0
 * when the bundle does not say. */
guint
soothe_situation_get_see_doctor_after_days (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), 0);
  return self->see_doctor_after_days;
}

SootheTherapyKind
soothe_situation_get_therapy_kind (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), SOOTHE_THERAPY_NONE);
  return self->therapy_kind;
}

/* Returns the recommended minutes for cold and heat, 0 for the other kinds. */
guint
soothe_situation_get_therapy_minutes (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), 0);
  return self->therapy_minutes;
}

const char *
soothe_situation_get_therapy_reason (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return self->therapy_reason;
}

const char * const *
soothe_situation_get_stretch_ids (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  return (const char * const *) self->stretch_ids;
}

guint
soothe_situation_get_n_sources (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), 0);
  return self->sources->len;
}

const SootheSource *
soothe_situation_get_source (SootheSituation *self,
                             guint            position)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), NULL);
  g_return_val_if_fail (position < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, position);
}

/* TRUE for pregnancy content: only pregnancy-safe stretches, no NSAIDs. */
gboolean
soothe_situation_get_pregnancy (SootheSituation *self)
{
  g_return_val_if_fail (SOOTHE_IS_SITUATION (self), FALSE);
  return self->pregnancy;
}

const char *
soothe_therapy_kind_to_string (SootheTherapyKind kind)
{
  g_return_val_if_fail (kind <= SOOTHE_THERAPY_CONTRAST, NULL);
  return therapy_kind_names[kind];
}

gboolean
soothe_therapy_kind_from_string (const char        *string,
                                 SootheTherapyKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (therapy_kind_names); i++)
    {
      if (g_strcmp0 (string, therapy_kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * soothe_id_is_valid:
 * @id: (nullable): a situation or stretch id
 *
 * The rule for ids in bundles, saved files and the history: 1 to 64 of a-z,
 * 0-9 and -, starting with a letter.
 *
 * Returns: whether @id follows it
 */
gboolean
soothe_id_is_valid (const char *id)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length < 1 || length > 64 || !g_ascii_islower (id[0]))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}
