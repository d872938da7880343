/* soothe-bundle-text.h: labels and lists for text from a content bundle
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  SOOTHE_BUNDLE_LIST_NONE       = 0,
  SOOTHE_BUNDLE_LIST_NUMBERED   = 1 << 0,  /* steps ("1.", "2.") rather than bullets */
  SOOTHE_BUNDLE_LIST_SELECTABLE = 1 << 1,  /* text that may be copied */
} SootheBundleListFlags;

GtkWidget *soothe_bundle_text_new_label   (const char         *text,
                                           const char         *css_class);
GtkWidget *soothe_bundle_text_new_markup_label
                                          (const char         *markup,
                                           const char         *css_class);
GtkWidget *soothe_bundle_text_new_heading (const char         *text,
                                           const char         *css_class,
                                           int                 level);
void       soothe_bundle_text_set_label   (GtkLabel           *label,
                                           const char         *text);
GtkBox    *soothe_bundle_text_add_list    (GtkBox               *box,
                                           const char * const   *items,
                                           SootheBundleListFlags flags,
                                           int                   width_chars,
                                           int                   max_width_chars);

G_END_DECLS
