/* soothe-search-provider.h: Soothe's answers in GNOME Shell's search
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-application.h"

G_BEGIN_DECLS

#define SOOTHE_SEARCH_PROVIDER_PATH "/io/github/soothe/Soothe/SearchProvider"

#define SOOTHE_TYPE_SEARCH_PROVIDER (soothe_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (SootheSearchProvider, soothe_search_provider, SOOTHE, SEARCH_PROVIDER, GObject)

SootheSearchProvider *soothe_search_provider_new      (SootheApplication     *application);
gboolean              soothe_search_provider_export   (SootheSearchProvider  *self,
                                                       GDBusConnection       *connection,
                                                       GError               **error);
void                  soothe_search_provider_unexport (SootheSearchProvider  *self);

G_END_DECLS
