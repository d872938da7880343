/* soothe-json-reader.h: typed members of a parsed document, each problem
 * reported with its JSON path
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soothe-json.h"

G_BEGIN_DECLS

typedef enum {
  SOOTHE_JSON_REQUIRED = 0,       /* a missing member is a problem */
  SOOTHE_JSON_OPTIONAL = 1 << 0,  /* the member may be left out */
  SOOTHE_JSON_NULLABLE = 1 << 1,  /* null will do too */
} SootheJsonFlags;

/* Lives on the stack: soothe_json_reader_init(), then _clear(). A bundle is
 * read to the end, collecting every problem; a saved file stops at the first
 * and turns it into a GError with soothe_json_reader_set_error(). */
typedef struct {
  /*< private >*/
  const char *name;       /* in front of every problem, or NULL */
  GString    *path;       /* where the reader is: $, $.member, $.member[3] */
  GPtrArray  *problems;   /* of char *, one line each */
  GPtrArray  *own_problems;
} SootheJsonReader;

void                  soothe_json_reader_init           (SootheJsonReader       *reader,
                                                         const char             *name,
                                                         GPtrArray              *problems);
void                  soothe_json_reader_clear          (SootheJsonReader       *reader);
guint                 soothe_json_reader_get_n_problems (const SootheJsonReader *reader);
gboolean              soothe_json_reader_set_error      (SootheJsonReader       *reader,
                                                         GError                **error);

const char           *soothe_json_reader_get_path       (const SootheJsonReader *reader);
gsize                 soothe_json_reader_enter_member   (SootheJsonReader       *reader,
                                                         const char             *member);
gsize                 soothe_json_reader_enter_element  (SootheJsonReader       *reader,
                                                         guint                   index);
void                  soothe_json_reader_leave          (SootheJsonReader       *reader,
                                                         gsize                   mark);

gboolean              soothe_json_reader_problem        (SootheJsonReader       *reader,
                                                         const char             *member,
                                                         const char             *format,
                                                         ...) G_GNUC_PRINTF (3, 4);
gboolean              soothe_json_reader_check_kind     (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *node,
                                                         const char             *member,
                                                         SootheJsonKind          kind,
                                                         SootheJsonFlags         flags);

gboolean              soothe_json_reader_check_members  (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char * const     *allowed);

const SootheJsonNode *soothe_json_reader_get_member     (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags);
const SootheJsonNode *soothe_json_reader_read_member    (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonKind          kind,
                                                         SootheJsonFlags         flags);
const SootheJsonNode *soothe_json_reader_read_object    (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags);
const SootheJsonNode *soothe_json_reader_read_array     (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags);
const char           *soothe_json_reader_read_string    (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags);
gboolean              soothe_json_reader_read_int       (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags,
                                                         gint64                  min,
                                                         gint64                  max,
                                                         gint64                 *value);
gboolean              soothe_json_reader_read_boolean   (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *object,
                                                         const char             *member,
                                                         SootheJsonFlags         flags,
                                                         gboolean               *value);
gboolean              soothe_json_reader_read_format    (SootheJsonReader       *reader,
                                                         const SootheJsonNode   *root,
                                                         gint64                  format);

SootheJsonDoc        *soothe_json_reader_parse_saved    (SootheJsonReader       *reader,
                                                         const char             *text,
                                                         gsize                   length,
                                                         gsize                   max_bytes,
                                                         const char             *what,
                                                         gint64                  format);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SootheJsonReader, soothe_json_reader_clear)

G_END_DECLS
