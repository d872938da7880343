/* soothe-json-reader.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-json-reader.h"

/**
 * soothe_json_reader_init:
 * @reader: a reader on the stack
 * @name: (nullable): the file name to put in front of each problem; %NULL
 *   for a caller that names the file itself
 * @problems: (nullable) (element-type utf8): where problems are appended;
 *   %NULL for a list of the reader's own
 *
 * Starts reading at the root, `$`.
 */
void
soothe_json_reader_init (SootheJsonReader *reader,
                         const char       *name,
                         GPtrArray        *problems)
{
  g_return_if_fail (reader != NULL);

  reader->name = name;
  reader->path = g_string_new ("$");
  reader->own_problems = problems == NULL ? g_ptr_array_new_with_free_func (g_free) : NULL;
  reader->problems = problems != NULL ? problems : reader->own_problems;
}

/* Frees what the reader holds; a zeroed reader holds nothing. */
void
soothe_json_reader_clear (SootheJsonReader *reader)
{
  g_return_if_fail (reader != NULL);

  if (reader->path != NULL)
    g_string_free (g_steal_pointer (&reader->path), TRUE);
  g_clear_pointer (&reader->own_problems, g_ptr_array_unref);
  reader->problems = NULL;
}

/* Returns how many problems are in the list, including any it held before. */
guint
soothe_json_reader_get_n_problems (const SootheJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL && reader->problems != NULL, 0);

  return reader->problems->len;
}

/**
 * soothe_json_reader_set_error:
 * @reader: a reader with a problem
 * @error: return location for an error
 *
 * Sets the first problem as a %G_IO_ERROR_INVALID_DATA error, for a reader
 * that stops at the first problem.
 *
 * Returns: %FALSE, to return at once
 */
gboolean
soothe_json_reader_set_error (SootheJsonReader  *reader,
                              GError           **error)
{
  g_return_val_if_fail (reader != NULL && reader->problems != NULL, FALSE);
  g_return_val_if_fail (reader->problems->len > 0, FALSE);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       g_ptr_array_index (reader->problems, 0));
  return FALSE;
}

/* Returns where the reader is, as a JSON path: "$.situations[3]". */
const char *
soothe_json_reader_get_path (const SootheJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL && reader->path != NULL, NULL);

  return reader->path->str;
}

/**
 * soothe_json_reader_enter_member:
 * @reader: a reader
 * @member: a member of the object the reader is at
 *
 * Returns: where to soothe_json_reader_leave() it for
 */
gsize
soothe_json_reader_enter_member (SootheJsonReader *reader,
                                 const char       *member)
{
  gsize mark = reader->path->len;

  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, member);
  return mark;
}

/**
 * soothe_json_reader_enter_element:
 * @reader: a reader
 * @index: an element of the array the reader is at
 *
 * Returns: where to soothe_json_reader_leave() it for
 */
gsize
soothe_json_reader_enter_element (SootheJsonReader *reader,
                                  guint             index)
{
  gsize mark = reader->path->len;
  char digits[16];
  guint n = 0;

  /* Once per array element: printf here cost a tenth of reading a bundle. */
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);

  g_string_append_c (reader->path, '[');
  while (n > 0)
    g_string_append_c (reader->path, digits[--n]);
  g_string_append_c (reader->path, ']');
  return mark;
}

/* Goes back to where the reader was before the member or element entered
 * at @mark. */
void
soothe_json_reader_leave (SootheJsonReader *reader,
                          gsize             mark)
{
  g_string_truncate (reader->path, mark);
}

/* Appends "NAME: PLACE: MESSAGE" as one line, leaving out NAME or PLACE
 * when there is none. */
static void
append_problem (SootheJsonReader *reader,
                const char       *place,
                const char       *message)
{
  GString *line = g_string_new (NULL);

  if (reader->name != NULL)
    g_string_append_printf (line, "%s: ", reader->name);
  if (place != NULL)
    g_string_append_printf (line, "%s: ", place);
  g_string_append (line, message);
  g_ptr_array_add (reader->problems, soothe_json_one_line (g_string_free (line, FALSE)));
}

/**
 * soothe_json_reader_problem:
 * @reader: a reader
 * @member: (nullable): the member of the object the reader is at that the
 *   problem is in; %NULL for where the reader is
 * @format: the problem, without its place
 *
 * Appends "NAME: PATH: problem" as one line, or "PATH: problem" without a name.
 *
 * Returns: %FALSE, so that a reader that stops at the first problem can
 *   return at once
 */
gboolean
soothe_json_reader_problem (SootheJsonReader *reader,
                            const char       *member,
                            const char       *format,
                            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  place = member != NULL ? g_strconcat (reader->path->str, ".", member, NULL)
                         : g_strdup (reader->path->str);
  append_problem (reader, place, message);
  return FALSE;
}

/* Names a kind of value, as expected or as found: a node of the kind
 * expected is what its name promises ("a boolean" is "true or false"). */
static const char *
describe (SootheJsonKind kind,
          gboolean       expected)
{
  switch (kind)
    {
    case SOOTHE_JSON_OBJECT:
      return "an object";
    case SOOTHE_JSON_ARRAY:
      return "an array";
    case SOOTHE_JSON_NULL:
      return "null";
    case SOOTHE_JSON_STRING:
      return "a string";
    case SOOTHE_JSON_BOOLEAN:
      return expected ? "true or false" : "a boolean";
    case SOOTHE_JSON_INT:
      return "an integer";
    case SOOTHE_JSON_DOUBLE:
      return expected ? "a number" : "a number with a fraction";
    default:
      return "a value";
    }
}

/**
 * soothe_json_reader_check_kind:
 * @reader: a reader
 * @node: a value
 * @member: (nullable): the member @node is, or %NULL for where the reader is
 * @kind: what @node must be
 * @flags: %SOOTHE_JSON_NULLABLE when null will do too
 *
 * Reports "expected KIND, found WHAT" when @node is something else.
 *
 * Returns: whether @node is of @kind, or null where @flags allow it
 */
gboolean
soothe_json_reader_check_kind (SootheJsonReader     *reader,
                               const SootheJsonNode *node,
                               const char           *member,
                               SootheJsonKind        kind,
                               SootheJsonFlags       flags)
{
  SootheJsonKind found = soothe_json_node_get_kind (node);

  if (found == kind || (found == SOOTHE_JSON_NULL && (flags & SOOTHE_JSON_NULLABLE)))
    return TRUE;
  return soothe_json_reader_problem (reader, member, "expected %s%s, found %s",
                                     describe (kind, TRUE),
                                     (flags & SOOTHE_JSON_NULLABLE) ? " or null" : "",
                                     describe (found, FALSE));
}

/**
 * soothe_json_reader_check_members:
 * @reader: a reader
 * @object: the object the reader is at
 * @allowed: (array zero-terminated=1): the names its members may have
 *
 * Reports every other member as "unknown member", in the order of the file.
 *
 * Returns: whether @object has only members in @allowed
 */
gboolean
soothe_json_reader_check_members (SootheJsonReader     *reader,
                                  const SootheJsonNode *object,
                                  const char * const   *allowed)
{
  gboolean ok = TRUE;

  for (const SootheJsonNode *member = soothe_json_node_get_first (object); member != NULL;
       member = soothe_json_node_get_next (member))
    {
      const char *name = soothe_json_node_get_name (member);

      if (!g_strv_contains (allowed, name))
        ok = soothe_json_reader_problem (reader, name, "unknown member");
    }
  return ok;
}

/**
 * soothe_json_reader_get_member:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to look up
 * @flags: %SOOTHE_JSON_OPTIONAL when it may be left out
 *
 * Returns: (transfer none) (nullable): the member, whatever it holds; %NULL
 *   when it is missing, reported as "missing member" unless optional
 */
const SootheJsonNode *
soothe_json_reader_get_member (SootheJsonReader     *reader,
                               const SootheJsonNode *object,
                               const char           *member,
                               SootheJsonFlags       flags)
{
  const SootheJsonNode *node = soothe_json_node_get_member (object, member);

  if (node == NULL && !(flags & SOOTHE_JSON_OPTIONAL))
    soothe_json_reader_problem (reader, member, "missing member");
  return node;
}

/**
 * soothe_json_reader_read_member:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to read
 * @kind: what it must hold
 * @flags: whether it may be left out, and whether null will do
 *
 * Returns: (transfer none) (nullable): the member, of @kind or null where
 *   @flags allow it; %NULL when it is missing or holds something else
 */
const SootheJsonNode *
soothe_json_reader_read_member (SootheJsonReader     *reader,
                                const SootheJsonNode *object,
                                const char           *member,
                                SootheJsonKind        kind,
                                SootheJsonFlags       flags)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader, object, member, flags);

  if (node == NULL || !soothe_json_reader_check_kind (reader, node, member, kind, flags))
    return NULL;
  return node;
}

/* Returns the member when it is of @kind, not null; otherwise NULL. */
static const SootheJsonNode *
read_value (SootheJsonReader     *reader,
            const SootheJsonNode *object,
            const char           *member,
            SootheJsonKind        kind,
            SootheJsonFlags       flags)
{
  const SootheJsonNode *node = soothe_json_reader_read_member (reader, object, member, kind, flags);

  return node != NULL && soothe_json_node_get_kind (node) == kind ? node : NULL;
}

/**
 * soothe_json_reader_read_object:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to read
 * @flags: whether it may be left out, and whether null will do
 *
 * Returns: (transfer none) (nullable): the member when it is an object;
 *   %NULL when it is missing, null, or reported as something else
 */
const SootheJsonNode *
soothe_json_reader_read_object (SootheJsonReader     *reader,
                                const SootheJsonNode *object,
                                const char           *member,
                                SootheJsonFlags       flags)
{
  return read_value (reader, object, member, SOOTHE_JSON_OBJECT, flags);
}

/* Returns the member when it is an array, as soothe_json_reader_read_object(). */
const SootheJsonNode *
soothe_json_reader_read_array (SootheJsonReader     *reader,
                               const SootheJsonNode *object,
                               const char           *member,
                               SootheJsonFlags       flags)
{
  return read_value (reader, object, member, SOOTHE_JSON_ARRAY, flags);
}

/**
 * soothe_json_reader_read_string:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to read
 * @flags: whether it may be left out, and whether null will do
 *
 * Returns: (transfer none) (nullable): the string, which lives as long as the
 *   document; %NULL when it is missing, null, or reported as something else
 */
const char *
soothe_json_reader_read_string (SootheJsonReader     *reader,
                                const SootheJsonNode *object,
                                const char           *member,
                                SootheJsonFlags       flags)
{
  const SootheJsonNode *node = read_value (reader, object, member, SOOTHE_JSON_STRING, flags);

  return node != NULL ? soothe_json_node_get_string (node) : NULL;
}

/**
 * soothe_json_reader_read_int:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to read
 * @flags: whether it may be left out, and whether null will do
 * @min: the smallest value accepted
 * @max: the largest value accepted
 * @value: (out): the value, set only when this returns %TRUE
 *
 * Reports an integer outside @min to @max as "N is out of range (MIN to MAX)".
 *
 * Returns: %TRUE when the member is an integer from @min to @max; %FALSE when
 *   it is missing, null, or reported
 */
gboolean
soothe_json_reader_read_int (SootheJsonReader     *reader,
                             const SootheJsonNode *object,
                             const char           *member,
                             SootheJsonFlags       flags,
                             gint64                min,
                             gint64                max,
                             gint64               *value)
{
  const SootheJsonNode *node = read_value (reader, object, member, SOOTHE_JSON_INT, flags);
  gint64 number;

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL)
    return FALSE;
  number = soothe_json_node_get_int (node);
  if (number < min || number > max)
    return soothe_json_reader_problem (reader, member,
                                       "%" G_GINT64_FORMAT " is out of range (%" G_GINT64_FORMAT
                                       " to %" G_GINT64_FORMAT ")", number, min, max);
  *value = number;
  return TRUE;
}

/**
 * soothe_json_reader_read_boolean:
 * @reader: a reader
 * @object: the object the reader is at
 * @member: the member to read
 * @flags: whether it may be left out, and whether null will do
 * @value: (out): the value, set only when this returns %TRUE
 *
 * Returns: %TRUE when the member is true or false; %FALSE when it is missing,
 *   null, or reported
 */
gboolean
soothe_json_reader_read_boolean (SootheJsonReader     *reader,
                                 const SootheJsonNode *object,
                                 const char           *member,
                                 SootheJsonFlags       flags,
                                 gboolean             *value)
{
  const SootheJsonNode *node = read_value (reader, object, member, SOOTHE_JSON_BOOLEAN, flags);

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL)
    return FALSE;
  *value = soothe_json_node_get_boolean (node);
  return TRUE;
}

/**
 * soothe_json_reader_read_format:
 * @reader: a reader at the root
 * @root: the document's object
 * @format: the only format this Soothe reads
 *
 * Checks `"format": @format`, which every document Soothe reads starts with.
 *
 * Returns: whether the document is in @format
 */
gboolean
soothe_json_reader_read_format (SootheJsonReader     *reader,
                                const SootheJsonNode *root,
                                gint64                format)
{
  gint64 number;

  if (!soothe_json_reader_read_int (reader, root, "format", SOOTHE_JSON_REQUIRED, G_MININT64,
                                    G_MAXINT64, &number))
    return FALSE;
  if (number != format)
    return soothe_json_reader_problem (reader, "format",
                                       "unsupported format %" G_GINT64_FORMAT
                                       " (this Soothe reads format %" G_GINT64_FORMAT ")",
                                       number, format);
  return TRUE;
}

/**
 * soothe_json_reader_parse_saved:
 * @reader: a reader at the root
 * @text: (array length=length): what Soothe saved
 * @length: the length of @text in bytes
 * @max_bytes: the most a document of this kind holds
 * @what: what it is, for messages: "a saved timer"
 * @format: the only format this Soothe reads
 *
 * Parses a document Soothe saved: strict JSON no larger than @max_bytes,
 * whose root is an object with `"format": @format`.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL after a problem
 */
SootheJsonDoc *
soothe_json_reader_parse_saved (SootheJsonReader *reader,
                                const char       *text,
                                gsize             length,
                                gsize             max_bytes,
                                const char       *what,
                                gint64            format)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SootheJsonDoc) doc = NULL;
  const SootheJsonNode *root;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  if (length > max_bytes)
    {
      g_autofree char *message = g_strdup_printf ("too large for %s (%" G_GSIZE_FORMAT
                                                  " bytes, at most %" G_GSIZE_FORMAT ")",
                                                  what, length, max_bytes);

      append_problem (reader, NULL, message);
      return NULL;
    }

  bytes = g_bytes_new (text != NULL ? text : "", length);
  doc = soothe_json_parse (bytes, reader->name, reader->problems);
  if (doc == NULL)
    return NULL;

  root = soothe_json_doc_get_root (doc);
  if (!soothe_json_reader_check_kind (reader, root, NULL, SOOTHE_JSON_OBJECT,
                                      SOOTHE_JSON_REQUIRED) ||
      !soothe_json_reader_read_format (reader, root, format))
    return NULL;

  return g_steal_pointer (&doc);
}
