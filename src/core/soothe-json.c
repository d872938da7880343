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
 * with the same name. So the document is read here, in one pass and without
 * recursion, against the strict JSON grammar, and the JsonNode tree is built
 * as it goes: json-glib's own parser, whose tokenizer costs more than the
 * whole strict read, never runs. */

typedef enum {
  EXPECT_VALUE,           /* at the start, after ':', after ',' in an array */
  EXPECT_VALUE_OR_CLOSE,  /* after '[' */
  EXPECT_KEY,             /* after ',' in an object */
  EXPECT_KEY_OR_CLOSE,    /* after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,  /* after a value */
} Expect;

/* A problem is one line: names and values from the bundle may hold line
 * breaks or terminal escapes, shown here as \u and four hex digits. Takes
 * @line. */
char *
soothe_json_one_line (char *line)
{
  g_autofree char *owned = line;
  GString *result;

  for (const char *p = owned; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        goto escape;
    }
  return g_steal_pointer (&owned);

escape:
  result = g_string_new (NULL);
  for (const char *p = owned; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (result, "\\u%04X", c);
      else
        g_string_append_unichar (result, c);
    }
  return g_string_free (result, FALSE);
}

typedef struct {
  const char *data;
  gsize       length;
  const char *name;
  GPtrArray  *problems;
  guint       line;
  gsize       line_start;
  GString    *text;  /* scratch: the last string read, unescaped */
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
                   soothe_json_one_line (g_strdup_printf ("%s:%u:%ld: %s", scan->name, line, column,
                                                          message)));
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
 * *offset on the closing quote and sets @escaped when it has a backslash.
 * Returns FALSE after reporting a problem. */
static gboolean
scan_string (Scan     *scan,
             gsize    *offset,
             gboolean *escaped)
{
  const char *data = scan->data;
  gsize i = *offset;

  *escaped = FALSE;

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

      *escaped = TRUE;
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

/* Puts the string between @start and @end, checked by scan_string(), into
 * scan->text with its escapes resolved. */
static const char *
decode_string (Scan     *scan,
               gsize     start,
               gsize     end,
               gboolean  escaped)
{
  const char *data = scan->data;
  GString *text = scan->text;

  g_string_truncate (text, 0);
  if (!escaped)
    return g_string_append_len (text, data + start, end - start)->str;

  for (gsize i = start; i < end;)
    {
      const char *backslash = memchr (data + i, '\\', end - i);
      gsize run_end = backslash != NULL ? (gsize) (backslash - data) : end;
      guint unit;

      g_string_append_len (text, data + i, run_end - i);
      if (run_end == end)
        break;

      i = run_end + 2;
      switch (data[run_end + 1])
        {
        case 'b':
          g_string_append_c (text, '\b');
          break;
        case 'f':
          g_string_append_c (text, '\f');
          break;
        case 'n':
          g_string_append_c (text, '\n');
          break;
        case 'r':
          g_string_append_c (text, '\r');
          break;
        case 't':
          g_string_append_c (text, '\t');
          break;
        case 'u':
          unit = read_hex4 (data + run_end + 2);
          i = run_end + 6;
          /* scan_string() let a high surrogate through only with its low one. */
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              unit = 0x10000 + ((unit - 0xD800) << 10) + (read_hex4 (data + i + 2) - 0xDC00);
              i += 6;
            }
          g_string_append_unichar (text, unit);
          break;
        default:  /* '"', '\\' and '/' stand for themselves */
          g_string_append_c (text, data[run_end + 1]);
          break;
        }
    }
  return text->str;
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

/* Reads the number at *offset, checked against the JSON grammar and against
 * the range a JsonNode can hold: an integer without a fraction or exponent, as
 * json-glib reads it, otherwise a double. Leaves *offset after it. Returns
 * NULL after reporting a problem. */
static JsonNode *
scan_number (Scan  *scan,
             gsize *offset)
{
  const char *p = scan->data + *offset;
  g_autofree char *token = NULL;
  gboolean integer = TRUE;
  gint64 value = 0;
  double fraction = 0;
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

  if (integer ? !g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &value, NULL)
              : isinf (fraction = g_ascii_strtod (token, NULL)))
    {
      scan_problem (scan, *offset, "number %.40s%s is out of range", token, n > 40 ? "…" : "");
      return NULL;
    }

  *offset += n;
  return integer ? json_node_init_int (json_node_alloc (), value)
                 : json_node_init_double (json_node_alloc (), fraction);

bad:
  scan_problem (scan, *offset, "invalid number \"%.40s%s\"", token, n > 40 ? "…" : "");
  return NULL;
}

/* Reads true, false or null at *offset; leaves *offset after it. Returns
 * NULL after reporting a problem. */
static JsonNode *
scan_word (Scan  *scan,
           gsize *offset)
{
  const char *p = scan->data + *offset;
  gsize n = 0;

  while (*offset + n < scan->length && is_word_char (p[n]))
    n++;
  *offset += n;
  if (n == 4 && memcmp (p, "true", 4) == 0)
    return json_node_init_boolean (json_node_alloc (), TRUE);
  if (n == 5 && memcmp (p, "false", 5) == 0)
    return json_node_init_boolean (json_node_alloc (), FALSE);
  if (n == 4 && memcmp (p, "null", 4) == 0)
    return json_node_init_null (json_node_alloc ());

  *offset -= n;
  report_expected (scan, *offset, "a value");
  return NULL;
}

/* One open object or array. */
typedef struct {
  char        container;   /* '{' or '[' */
  JsonNode   *node;
  JsonObject *object;      /* for '{' */
  JsonArray  *array;       /* for '[' */
  gsize       key_start;   /* for '{': the name of the member being read */
  gsize       key_end;
  gboolean    key_escaped;
} Frame;

/* Reports a member name that the object already has. Names are compared
 * after their escapes are resolved, so "a" and "\u0061" are the same name. */
static gboolean
claim_key (Scan  *scan,
           Frame *frame,
           gsize  open_quote)
{
  g_autofree char *key = NULL;
  g_autofree char *shown = NULL;

  if (!json_object_has_member (frame->object,
                               decode_string (scan, frame->key_start, frame->key_end,
                                              frame->key_escaped)))
    return TRUE;

  /* Shown as written, so that the message stays on one line. */
  key = g_strndup (scan->data + frame->key_start, frame->key_end - frame->key_start);
  if (g_utf8_strlen (key, -1) > 40)
    shown = g_utf8_substring (key, 0, 40);
  scan_problem (scan, open_quote, "duplicate member \"%s%s\"",
                shown != NULL ? shown : key, shown != NULL ? "…" : "");
  return FALSE;
}

/* Gives a finished value to the open container, or makes it the root. */
static void
attach (Scan      *scan,
        Frame     *frames,
        guint      depth,
        JsonNode  *node,
        JsonNode **root)
{
  Frame *parent;

  if (depth == 0)
    {
      *root = node;
      return;
    }

  parent = &frames[depth - 1];
  if (parent->container == '[')
    json_array_add_element (parent->array, node);
  else
    json_object_set_member (parent->object,
                            decode_string (scan, parent->key_start, parent->key_end,
                                           parent->key_escaped),
                            node);
}

/* Returns the document's tree, or NULL after reporting its first problem. */
static JsonNode *
scan_document (Scan *scan)
{
  const char *data = scan->data;
  Frame frames[SOOTHE_JSON_MAX_DEPTH];
  Expect expect = EXPECT_VALUE;
  JsonNode *root = NULL;
  guint depth = 0;
  guint comma_line = 0;
  gsize comma_line_start = 0;
  gsize comma = 0;
  gsize i = 0;

  /* RFC 8259 lets a parser skip a byte order mark; json-glib does. */
  if (scan->length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = scan->line_start = 3;

  for (;;)
    {
      char container = depth > 0 ? frames[depth - 1].container : 0;
      JsonNode *value = NULL;
      char c;

      i = skip_space (scan, i);
      if (i == scan->length)
        {
          if (depth == 0 && expect == EXPECT_COMMA_OR_CLOSE)
            return root;
          report_expected (scan, i, describe_expect (expect, container));
          goto fail;
        }
      c = data[i];

      if (depth == 0 && expect == EXPECT_COMMA_OR_CLOSE)
        {
          g_autofree char *found = describe_at (scan, i);

          scan_problem (scan, i, "unexpected %s after the end of the document", found);
          goto fail;
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
              depth--;
              attach (scan, frames, depth, frames[depth].node, &root);
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
              depth--;
              attach (scan, frames, depth, frames[depth].node, &root);
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '}')
            {
              scan_problem_at (scan, comma_line, comma_line_start, comma, "trailing comma before '}'");
              goto fail;
            }
          if (c == '"')
            {
              Frame *frame = &frames[depth - 1];
              gsize open_quote = i++;

              if (!scan_string (scan, &i, &frame->key_escaped))
                goto fail;
              frame->key_start = open_quote + 1;
              frame->key_end = i;
              if (!claim_key (scan, frame, open_quote))
                goto fail;
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
              attach (scan, frames, depth, frames[depth].node, &root);
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == ']' && container == '[')
            {
              scan_problem_at (scan, comma_line, comma_line_start, comma, "trailing comma before ']'");
              goto fail;
            }
          if (c == '[' || c == '{')
            {
              Frame *frame;

              if (depth == SOOTHE_JSON_MAX_DEPTH)
                {
                  scan_problem (scan, i, "nesting deeper than %d levels", SOOTHE_JSON_MAX_DEPTH);
                  goto fail;
                }
              frame = &frames[depth];
              frame->container = c;
              if (c == '{')
                {
                  frame->object = json_object_new ();
                  frame->node = json_node_init_object (json_node_alloc (), frame->object);
                  json_object_unref (frame->object);
                }
              else
                {
                  frame->array = json_array_new ();
                  frame->node = json_node_init_array (json_node_alloc (), frame->array);
                  json_array_unref (frame->array);
                }
              depth++;
              expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '"')
            {
              gsize start = ++i;
              gboolean escaped;

              if (!scan_string (scan, &i, &escaped))
                goto fail;
              value = json_node_init_string (json_node_alloc (),
                                             decode_string (scan, start, i, escaped));
              i++;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!(value = scan_number (scan, &i)))
                goto fail;
            }
          else if (g_ascii_isalpha (c))
            {
              if (!(value = scan_word (scan, &i)))
                goto fail;
            }
          if (value != NULL)
            {
              attach (scan, frames, depth, value, &root);
              expect = EXPECT_COMMA_OR_CLOSE;
              continue;
            }
          break;
        }

      report_expected (scan, i, describe_expect (expect, container));
      goto fail;
    }

fail:
  /* Each open container holds what was read into it; the rest is attached. */
  while (depth > 0)
    json_node_unref (frames[--depth].node);
  g_clear_pointer (&root, json_node_unref);
  return NULL;
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

/**
 * soothe_json_parse:
 * @bytes: the document
 * @name: the file name to put in messages
 * @problems: (element-type utf8): where problems are appended
 *
 * Parses a JSON document after checking its size, its encoding, and its
 * syntax against strict JSON with at most %SOOTHE_JSON_MAX_DEPTH levels of
 * nesting and no duplicate member names. The first problem found is appended
 * as one line starting with @name.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL
 */
JsonNode *
soothe_json_parse (GBytes     *bytes,
                   const char *name,
                   GPtrArray  *problems)
{
  JsonNode *root;
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

  scan = (Scan) { data, length, name, problems, 1, 0, NULL };
  if (!check_encoding (&scan))
    return NULL;

  scan = (Scan) { data, length, name, problems, 1, 0, g_string_sized_new (256) };
  root = scan_document (&scan);
  g_string_free (scan.text, TRUE);
  return root;
}
