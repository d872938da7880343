/* soothe-state-file.h: the one way Soothe reads and writes its own files
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Checks what soothe_state_file_restore() read; on FALSE, @error says what is
 * wrong without the file's name, which the caller adds. */
typedef gboolean (*SootheStateFileParseFunc) (GBytes    *contents,
                                              gpointer   user_data,
                                              GError   **error);

GBytes   *soothe_state_file_read        (const char                *path,
                                         gsize                      max_bytes,
                                         GError                   **error);
gboolean  soothe_state_file_replace     (const char                *path,
                                         const char                *contents,
                                         gsize                      length,
                                         GError                   **error);
gboolean  soothe_state_file_remove      (const char                *path,
                                         GError                   **error);
gboolean  soothe_state_file_append      (const char                *path,
                                         const char                *line,
                                         GError                   **error);
char     *soothe_state_file_keep_aside  (const char                *path,
                                         GError                   **error);
gboolean  soothe_state_file_restore     (const char                *path,
                                         gsize                      max_bytes,
                                         SootheStateFileParseFunc   parse,
                                         gpointer                   user_data,
                                         char                     **kept_as,
                                         GError                   **error);

G_END_DECLS
