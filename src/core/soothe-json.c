/* soothe-json.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "soothe-json.h"

/* json-glib 1.6 recurses once per nesting level and so overflows the stack on
 * deep input; it also takes an empty document, bad escapes, lone surrogates and
 * raw control characters. This scan rejects all of those before it parses. */

typedef struct {
  const char *data;
  gsize       length;
  const char *name;
  GPtrArray  *problems;
  guint       line;
  gsize       line_start;
} Scan;

static void G_GNUC_PRINTF (3, 4)
scan_problem (Scan       *scan,
              gsize       offset,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  glong column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Columns count characters; the line up to offset is valid UTF-8 here. */
  column = g_utf8_strlen (scan->data + scan->line_start, offset - scan->line_start) + 1;
  g_ptr_array_add (scan->problems,
                   g_strdup_printf ("%s:%u:%ld: %s", scan->name, scan->line, column, message));
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

static guint
read_hex4 (const char *p)
{
  char buffer[5] = { p[0], p[1], p[2], p[3], 0 };
  return (guint) strtoul (buffer, NULL, 16);
}

/* Checks the string that starts after the opening quote at *offset; leaves
 * *offset on the closing quote. Returns FALSE after reporting a problem. */
static gboolean
scan_string (Scan  *scan,
             gsize *offset)
{
  const char *data = scan->data;
  gsize i = *offset;

  while (i < scan->length)
    {
      guchar c = data[i];

      if (c == '"')
        {
          *offset = i;
          return TRUE;
        }
      if (c < 0x20)
        {
          scan_problem (scan, i, "control character in a string (write it as an escape)");
          return FALSE;
        }
      if (c != '\\')
        {
          i++;
          continue;
        }

      if (i + 1 >= scan->length)
        break;

      switch (data[i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          i += 2;
          break;

        case 'u':
          {
            guint unit;

            if (i + 6 > scan->length || !is_hex (data[i + 2]) || !is_hex (data[i + 3]) ||
                !is_hex (data[i + 4]) || !is_hex (data[i + 5]))
              {
                scan_problem (scan, i, "\\u must be followed by four hex digits");
                return FALSE;
              }
            unit = read_hex4 (data + i + 2);
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                scan_problem (scan, i, "lone low surrogate \\u%04X", unit);
                return FALSE;
              }
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                guint low = 0;

                if (i + 12 <= scan->length && data[i + 6] == '\\' && data[i + 7] == 'u' &&
                    is_hex (data[i + 8]) && is_hex (data[i + 9]) &&
                    is_hex (data[i + 10]) && is_hex (data[i + 11]))
                  low = read_hex4 (data + i + 8);
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    scan_problem (scan, i, "lone high surrogate \\u%04X", unit);
                    return FALSE;
                  }
                i += 12;
              }
            else
              {
                if (unit == 0)
                  {
                    scan_problem (scan, i, "\\u0000 is not allowed in text");
                    return FALSE;
                  }
                i += 6;
              }
          }
          break;

        default:
          scan_problem (scan, i, "invalid escape \\%c", g_ascii_isprint (data[i + 1]) ? data[i + 1] : '?');
          return FALSE;
        }
    }

  scan_problem (scan, scan->length, "unterminated string");
  return FALSE;
}

static gboolean
scan_document (Scan *scan)
{
  const char *data = scan->data;
  guint depth = 0;

  for (gsize i = 0; i < scan->length; i++)
    {
      switch (data[i])
        {
        case '\n':
          scan->line++;
          scan->line_start = i + 1;
          break;

        case '[':
        case '{':
          if (++depth > SOOTHE_JSON_MAX_DEPTH)
            {
              scan_problem (scan, i, "nesting deeper than %d levels", SOOTHE_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          /* Unbalanced closers are the parser's to report. */
          if (depth > 0)
            depth--;
          break;

        case '"':
          i++;
          if (!scan_string (scan, &i))
            return FALSE;
          break;

        default:
          break;
        }
    }
  return TRUE;
}

static gboolean
check_encoding (Scan *scan)
{
  const char *end = NULL;
  gsize offset;

  if (g_utf8_validate_len (scan->data, scan->length, &end))
    return TRUE;

  offset = end - scan->data;
  for (gsize i = 0; i < offset; i++)
    {
      if (scan->data[i] == '\n')
        {
          scan->line++;
          scan->line_start = i + 1;
        }
    }
  if (*end == '\0')
    scan_problem (scan, offset, "NUL byte");
  else
    scan_problem (scan, offset, "invalid UTF-8");
  return FALSE;
}

/* json-glib reports "<data>:LINE:BYTE: Parse error: message"; turn that into
 * FILE:LINE:COL with a character column. */
static char *
format_parse_error (const char *data,
                    gsize       length,
                    const char *name,
                    const char *message)
{
  const char *p = message;
  const char *rest;
  guint64 line, byte_column;
  char *end;
  gsize offset = 0;
  glong column;

  if (g_str_has_prefix (p, "<data>:"))
    p += strlen ("<data>:");
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup_printf ("%s: %s", name, message);
  p = end + 1;
  byte_column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup_printf ("%s: %s", name, message);
  rest = end + 1;
  while (*rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");
  if (g_str_has_prefix (rest, "scanner: "))
    rest += strlen ("scanner: ");

  for (guint64 l = 1; l < line && offset < length; offset++)
    if (data[offset] == '\n')
      l++;
  column = byte_column;
  if (offset < length && byte_column > 0)
    column = g_utf8_strlen (data + offset, MIN (byte_column - 1, length - offset)) + 1;

  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%ld: %s", name, line, column, rest);
}

/**
 * soothe_json_parse:
 * @bytes: the document
 * @name: the file name to put in messages
 * @problems: (element-type utf8): where problems are appended
 *
 * Parses a JSON document after checking its size, encoding, nesting and
 * strings. Every problem found is appended as one line starting with @name.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL
 */
JsonNode *
soothe_json_parse (GBytes     *bytes,
                   const char *name,
                   GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Scan scan = { 0 };
  gsize length;
  const char *data;
  gboolean blank = TRUE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > SOOTHE_JSON_MAX_BYTES)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf ("%s: file is too large (%" G_GSIZE_FORMAT " bytes, at most %d)",
                                        name, length, SOOTHE_JSON_MAX_BYTES));
      return NULL;
    }

  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: file is empty", name));
      return NULL;
    }

  scan = (Scan) { data, length, name, problems, 1, 0 };
  if (!check_encoding (&scan))
    return NULL;
  scan = (Scan) { data, length, name, problems, 1, 0 };
  if (!scan_document (&scan))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_ptr_array_add (problems, format_parse_error (data, length, name, error->message));
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: file is empty", name));
      return NULL;
    }

  return json_parser_steal_root (parser);
}
