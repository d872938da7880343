/* soothe-json.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "soothe-json.h"

/* json-glib 1.6 recurses once per nesting level and so overflows the stack on
 * deep input. It is also lenient where a bundle must not be: it takes comments,
 * single-quoted strings, hex and octal numbers, a second document after the
 * first, bad escapes, lone surrogates and raw control characters; it wraps
 * integers that do not fit in 64 bits, and it keeps only the last of two members
 * with the same name. This scan checks the whole document against the JSON
 * grammar first, without recursion, so json-glib only ever sees strict JSON and
 * cannot count the nesting differently from the scan. */

typedef enum {
  EXPECT_VALUE,           /* at the start, after ':', after ',' in an array */
  EXPECT_VALUE_OR_CLOSE,  /* after '[' */
  EXPECT_KEY,             /* after ',' in an object */
  EXPECT_KEY_OR_CLOSE,    /* after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,  /* after a value */
} Expect;

typedef struct {
  const char *data;
  gsize       length;
  const char *name;
  GPtrArray  *problems;
  guint       line;
  gsize       line_start;
} Scan;

static void G_GNUC_PRINTF (5, 0)
report_va (Scan       *scan,
           guint       line,
           gsize       line_start,
           gsize       offset,
           const char *format,
           va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  glong column;

  /* Columns count characters; the line up to offset is valid UTF-8 here. */
  column = g_utf8_strlen (scan->data + line_start, offset - line_start) + 1;
  g_ptr_array_add (scan->problems,
                   g_strdup_printf ("%s:%u:%ld: %s", scan->name, line, column, message));
}

static void G_GNUC_PRINTF (5, 6)
scan_problem_at (Scan       *scan,
                 guint       line,
                 gsize       line_start,
                 gsize       offset,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  report_va (scan, line, line_start, offset, format, args);
  va_end (args);
}

/* Reports a problem at @offset, which is on the current line. */
static void G_GNUC_PRINTF (3, 4)
scan_problem (Scan       *scan,
              gsize       offset,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  report_va (scan, scan->line, scan->line_start, offset, format, args);
  va_end (args);
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

static gsize
skip_space (Scan  *scan,
            gsize  i)
{
  for (; i < scan->length; i++)
    {
      char c = scan->data[i];

      if (c == '\n')
        {
          scan->line++;
          scan->line_start = i + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
    }
  return i;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '+' || c == '-';
}

/* Names what starts at @offset, for "expected …, found …". */
static char *
describe_at (Scan  *scan,
             gsize  offset)
{
  const char *p = scan->data + offset;
  gunichar u;

  if (offset >= scan->length)
    return g_strdup ("the end of the file");
  if (*p == '"')
    return g_strdup ("a string");
  if (*p == '-' || g_ascii_isdigit (*p))
    return g_strdup ("a number");
  if (*p == '\'')
    return g_strdup ("a single quote (strings take double quotes)");
  if (*p == '/')
    return g_strdup ("'/' (JSON has no comments)");
  if (g_ascii_isalpha (*p))
    {
      gsize n = 0;

      while (offset + n < scan->length && n < 32 && is_word_char (p[n]))
        n++;
      return g_strdup_printf ("\"%.*s\"", (int) n, p);
    }

  /* The document is valid UTF-8 by now. */
  u = g_utf8_get_char (p);
  if (g_unichar_isgraph (u))
    return g_strdup_printf ("'%.*s'", (int) (g_utf8_next_char (p) - p), p);
  return g_strdup_printf ("U+%04X", u);
}

static void
report_expected (Scan       *scan,
                 gsize       offset,
                 const char *expected)
{
  g_autofree char *found = describe_at (scan, offset);

  scan_problem (scan, offset, "expected %s, found %s", expected, found);
}

static const char *
describe_expect (Expect expect,
                 char   container)
{
  switch (expect)
    {
    case EXPECT_VALUE:
      return "a value";
    case EXPECT_VALUE_OR_CLOSE:
      return "a value or ']'";
    case EXPECT_KEY:
      return "a member name in double quotes";
    case EXPECT_KEY_OR_CLOSE:
      return "a member name in double quotes or '}'";
    case EXPECT_COLON:
      return "':'";
    case EXPECT_COMMA_OR_CLOSE:
    default:
      return container == '{' ? "',' or '}'" : "',' or ']'";
    }
}

/* Checks the number at *offset against the JSON grammar and against the range
 * json-glib can hold; leaves *offset after it. */
static gboolean
scan_number (Scan  *scan,
             gsize *offset)
{
  const char *p = scan->data + *offset;
  g_autofree char *token = NULL;
  gboolean integer = TRUE;
  gsize n = 0;
  gsize i = 0;

  /* Take the whole run, so "0x10" or "1.2.3" is reported as one token. */
  while (*offset + n < scan->length && is_word_char (p[n]))
    n++;
  token = g_strndup (p, n);

  if (i < n && p[i] == '-')
    i++;
  if (i < n && p[i] == '0')
    i++;
  else if (i < n && p[i] >= '1' && p[i] <= '9')
    while (i < n && g_ascii_isdigit (p[i]))
      i++;
  else
    goto bad;
  if (i < n && p[i] == '.')
    {
      integer = FALSE;
      if (++i >= n || !g_ascii_isdigit (p[i]))
        goto bad;
      while (i < n && g_ascii_isdigit (p[i]))
        i++;
    }
  if (i < n && (p[i] == 'e' || p[i] == 'E'))
    {
      integer = FALSE;
      if (++i < n && (p[i] == '+' || p[i] == '-'))
        i++;
      if (i >= n || !g_ascii_isdigit (p[i]))
        goto bad;
      while (i < n && g_ascii_isdigit (p[i]))
        i++;
    }
  if (i != n)
    goto bad;

  if (integer ? !g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL)
              : isinf (g_ascii_strtod (token, NULL)))
    {
      scan_problem (scan, *offset, "number %.40s%s is out of range", token, n > 40 ? "…" : "");
      return FALSE;
    }

  *offset += n;
  return TRUE;

bad:
  scan_problem (scan, *offset, "invalid number \"%.40s%s\"", token, n > 40 ? "…" : "");
  return FALSE;
}

/* Checks for true, false or null at *offset; leaves *offset after it. */
static gboolean
scan_word (Scan  *scan,
           gsize *offset)
{
  static const char * const words[] = { "true", "false", "null" };
  const char *p = scan->data + *offset;
  gsize n = 0;

  while (*offset + n < scan->length && is_word_char (p[n]))
    n++;
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      if (n == strlen (words[w]) && memcmp (p, words[w], n) == 0)
        {
          *offset += n;
          return TRUE;
        }
    }
  report_expected (scan, *offset, "a value");
  return FALSE;
}

/* Reports a member name that the object at this level already has. Names are
 * compared as written, so "a" and "\u0061" count as different. */
static gboolean
claim_key (Scan        *scan,
           GHashTable **keys,
           gsize        open_quote,
           gsize        close_quote)
{
  g_autofree char *key = g_strndup (scan->data + open_quote + 1, close_quote - open_quote - 1);

  if (*keys == NULL)
    *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (*keys, key))
    {
      g_autofree char *shown = NULL;

      if (g_utf8_strlen (key, -1) > 40)
        shown = g_utf8_substring (key, 0, 40);
      scan_problem (scan, open_quote, "duplicate member \"%s%s\"",
                    shown != NULL ? shown : key, shown != NULL ? "…" : "");
      return FALSE;
    }
  g_hash_table_add (*keys, g_steal_pointer (&key));
  return TRUE;
}

static gboolean
scan_document (Scan *scan)
{
  const char *data = scan->data;
  char containers[SOOTHE_JSON_MAX_DEPTH];
  GHashTable *keys[SOOTHE_JSON_MAX_DEPTH] = { NULL, };
  Expect expect = EXPECT_VALUE;
  guint depth = 0;
  guint comma_line = 0;
  gsize comma_line_start = 0;
  gsize comma = 0;
  gboolean ok = FALSE;
  gsize i = 0;

  /* RFC 8259 lets a parser skip a byte order mark; json-glib does. */
  if (scan->length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = scan->line_start = 3;

  for (;;)
    {
      char container = depth > 0 ? containers[depth - 1] : 0;
      char c;

      i = skip_space (scan, i);
      if (i == scan->length)
        {
          if (depth == 0 && expect == EXPECT_COMMA_OR_CLOSE)
            ok = TRUE;
          else
            report_expected (scan, i, describe_expect (expect, container));
          goto out;
        }
      c = data[i];

      if (depth == 0 && expect == EXPECT_COMMA_OR_CLOSE)
        {
          g_autofree char *found = describe_at (scan, i);

          scan_problem (scan, i, "unexpected %s after the end of the document", found);
          goto out;
        }

      switch (expect)
        {
        case EXPECT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              comma = i;
              comma_line = scan->line;
              comma_line_start = scan->line_start;
              expect = container == '{' ? EXPECT_KEY : EXPECT_VALUE;
              i++;
              continue;
            }
          if (c == (container == '{' ? '}' : ']'))
            {
              g_clear_pointer (&keys[--depth], g_hash_table_unref);
              i++;
              continue;
            }
          break;

        case EXPECT_COLON:
          if (c == ':')
            {
              expect = EXPECT_VALUE;
              i++;
              continue;
            }
          break;

        case EXPECT_KEY:
        case EXPECT_KEY_OR_CLOSE:
          if (c == '}' && expect == EXPECT_KEY_OR_CLOSE)
            {
              g_clear_pointer (&keys[--depth], g_hash_table_unref);
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '}')
            {
              scan_problem_at (scan, comma_line, comma_line_start, comma, "trailing comma before '}'");
              goto out;
            }
          if (c == '"')
            {
              gsize open_quote = i++;

              if (!scan_string (scan, &i))
                goto out;
              if (!claim_key (scan, &keys[depth - 1], open_quote, i))
                goto out;
              expect = EXPECT_COLON;
              i++;
              continue;
            }
          break;

        case EXPECT_VALUE:
        case EXPECT_VALUE_OR_CLOSE:
        default:
          if (c == ']' && expect == EXPECT_VALUE_OR_CLOSE)
            {
              depth--;
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == ']' && container == '[')
            {
              scan_problem_at (scan, comma_line, comma_line_start, comma, "trailing comma before ']'");
              goto out;
            }
          if (c == '[' || c == '{')
            {
              if (depth == SOOTHE_JSON_MAX_DEPTH)
                {
                  scan_problem (scan, i, "nesting deeper than %d levels", SOOTHE_JSON_MAX_DEPTH);
                  goto out;
                }
              containers[depth++] = c;
              expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '"')
            {
              i++;
              if (!scan_string (scan, &i))
                goto out;
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (scan, &i))
                goto out;
              expect = EXPECT_COMMA_OR_CLOSE;
              continue;
            }
          if (g_ascii_isalpha (c))
            {
              if (!scan_word (scan, &i))
                goto out;
              expect = EXPECT_COMMA_OR_CLOSE;
              continue;
            }
          break;
        }

      report_expected (scan, i, describe_expect (expect, container));
      goto out;
    }

out:
  for (guint d = 0; d < depth; d++)
    g_clear_pointer (&keys[d], g_hash_table_unref);
  return ok;
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
  column = MAX (byte_column, 1);
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
 * Parses a JSON document after checking its size, its encoding, and its
 * syntax against strict JSON with at most %SOOTHE_JSON_MAX_DEPTH levels of
 * nesting and no duplicate member names. Every problem found is appended as one line starting with @name.
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

  /* JSON white space only, after a byte order mark. */
  for (gsize i = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
       i < length && blank; i++)
    blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r';
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
