/* soothe-markup.h: Soothe inline text to Pango markup and plain text
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *soothe_markup_from_inline      (const char  *text);
char     *soothe_markup_to_plain         (const char  *text);
gboolean  soothe_text_is_blank           (const char  *text);
char     *soothe_text_shorten            (const char  *text,
                                          guint        max_chars);
gboolean  soothe_markup_find_unsafe_link (const char  *text,
                                          char       **bad_url);

G_END_DECLS
