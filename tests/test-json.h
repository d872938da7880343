/* test-json.h: a valid document for the parser and reader tests
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "soothe-json.h"

G_BEGIN_DECLS

/* Parses @text, which must be valid. */
static inline SootheJsonDoc *
test_json_parse (const char *text)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  SootheJsonDoc *doc = soothe_json_parse (bytes, "test.json", problems);

  if (doc == NULL)
    g_error ("does not parse: %s", (const char *) g_ptr_array_index (problems, 0));
  g_assert_cmpuint (problems->len, ==, 0);
  return doc;
}

G_END_DECLS
