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
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (nsaid_words); i++)
    {
      if (strstr (folded, nsaid_words[i]) != NULL)
        return nsaid_words[i];
    }
  return NULL;
}
