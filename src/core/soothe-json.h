/* soothe-json.h: JSON parsing that reports problems instead of crashing
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SOOTHE_JSON_MAX_BYTES (32 * 1024 * 1024)
#define SOOTHE_JSON_MAX_DEPTH 64

char     *soothe_json_one_line (char       *line);
JsonNode *soothe_json_parse    (GBytes     *bytes,
                                const char *name,
                                GPtrArray  *problems);

G_END_DECLS
