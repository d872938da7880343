/* soothe-safety.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "soothe-safety.h"

/* Pregnancy content must never suggest these. Matched against case-folded
 * text, with the names the English, German and Spanish content would use. */
static const char * const nsaid_words[] = {
  "nsaid", "ibuprofen", "naproxen", "diclofenac", "diclofenaco", "aspirin", "celecoxib",
  "ketoprofen", "mefenamic", "indometacin", "indomethacin",
  "anti-inflammator", "antiinflammator", "anti inflammator",
  "nsar", "entzündungshemm", "antiinflamatori", "antirreumátic",
};

/* Lower-cases @text into @buffer when it is all ASCII, as g_utf8_casefold()
 * would: Unicode folds no ASCII character but A to Z, and those to a to z.
 * Returns FALSE, leaving @buffer unfinished, at the first non-ASCII byte. */
static gboolean
ascii_fold (const char *text,
            char       *buffer)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      if ((guchar) text[i] >= 0x80)
        return FALSE;
      buffer[i] = g_ascii_tolower (text[i]);
    }
  buffer[i] = '\0';
  return TRUE;
}

/**
 * soothe_text_mentions_nsaid:
 * @text: (nullable): bundle text
 *
 * Returns: (nullable): the NSAID word found in @text, or %NULL
 */
const char *
soothe_text_mentions_nsaid (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  /* Most text is ASCII, and the full fold cost a third of reading a bundle.
   * Other text keeps it: a long s (U+017F) folds to s, a Kelvin sign to k. */
  folded = g_malloc (strlen (text) + 1);
  if (!ascii_fold (text, folded))
    {
      g_free (folded);
      folded = g_utf8_casefold (text, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (nsaid_words); i++)
    {
      if (strstr (folded, nsaid_words[i]) != NULL)
        return nsaid_words[i];
    }
  return NULL;
}
