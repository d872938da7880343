/* soothe-json.h: JSON parsing that reports problems instead of crashing
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SOOTHE_JSON_MAX_BYTES (32 * 1024 * 1024)
#define SOOTHE_JSON_MAX_DEPTH 64

typedef enum {
  SOOTHE_JSON_NULL,
  SOOTHE_JSON_BOOLEAN,
  SOOTHE_JSON_INT,     /* written without a fraction or an exponent */
  SOOTHE_JSON_DOUBLE,
  SOOTHE_JSON_STRING,
  SOOTHE_JSON_ARRAY,
  SOOTHE_JSON_OBJECT,
} SootheJsonKind;

/* A parsed document, read-only; its nodes live as long as it does. */
typedef struct _SootheJsonDoc  SootheJsonDoc;
typedef struct _SootheJsonNode SootheJsonNode;

char                 *soothe_json_one_line         (char                 *line);
SootheJsonDoc        *soothe_json_parse            (GBytes               *bytes,
                                                    const char           *name,
                                                    GPtrArray            *problems);
SootheJsonDoc        *soothe_json_parse_line       (GBytes               *line,
                                                    const char           *name,
                                                    guint                 number,
                                                    GPtrArray            *problems);
void                  soothe_json_doc_free         (SootheJsonDoc        *doc);
const SootheJsonNode *soothe_json_doc_get_root     (SootheJsonDoc        *doc);

SootheJsonKind        soothe_json_node_get_kind    (const SootheJsonNode *node);
gboolean              soothe_json_node_get_boolean (const SootheJsonNode *node);
gint64                soothe_json_node_get_int     (const SootheJsonNode *node);
double                soothe_json_node_get_double  (const SootheJsonNode *node);
const char           *soothe_json_node_get_string  (const SootheJsonNode *node);
guint                 soothe_json_node_get_size    (const SootheJsonNode *node);
const char           *soothe_json_node_get_name    (const SootheJsonNode *node);
const SootheJsonNode *soothe_json_node_get_first   (const SootheJsonNode *node);
const SootheJsonNode *soothe_json_node_get_next    (const SootheJsonNode *node);
const SootheJsonNode *soothe_json_node_get_member  (const SootheJsonNode *node,
                                                    const char           *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SootheJsonDoc, soothe_json_doc_free)

G_END_DECLS
