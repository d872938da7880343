/* soothe-json.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "soothe-json.h"

/* json-glib 1.6 recurses once per nesting level and so overflows the stack on
 * deep input. It is also lenient where a bundle must not be: it takes comments,
 * single-quoted strings, hex and octal numbers, a second document after the
 * first, bad escapes, lone surrogates and raw control characters; it wraps
 * integers that do not fit in 64 bits, and it keeps only the last of two members
 * with the same name. So the document is read here, in one pass and without
 * recursion, against the strict JSON grammar.
 *
 * Nor is it read into a JsonNode tree. json-glib gives every value a block of
 * its own and every object a hash table and a list: at 10,000 situations,
 * freeing that tree took longer than the strict read that built it, and more
 * so the larger the file. A SootheJsonDoc is one array of nodes in document
 * order and one block for all its strings, freed in three calls. */

/* Each container is followed by the nodes inside it, so its first member or
 * element is the next node and the sibling after a node comes @span nodes
 * later: nodes need no links to each other. */
struct _SootheJsonNode
{
  guint8      kind;   /* SootheJsonKind */
  guint8      last;   /* no sibling follows: the last in its container, or the root */
  guint32     span;   /* this node and every node inside it */
  const char *name;   /* of a member of an object; NULL for an element or the root */
  union {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    guint32     size;  /* members or elements of a container */
  } value;
};

struct _SootheJsonDoc
{
  SootheJsonNode *nodes;    /* the root first */
  char           *strings;  /* every string and member name, unescaped and NUL-terminated */
};

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
  const char     *data;
  gsize           length;
  const char     *name;
  GPtrArray      *problems;
  guint           line;
  gsize           line_start;

  /* What is built */
  SootheJsonNode *nodes;
  guint           n_nodes;
  guint           n_allocated;
  char           *strings;       /* as long as the document: see decode_string() */
  gsize           strings_used;
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
                   soothe_json_one_line (scan->name != NULL
                                         ? g_strdup_printf ("%s:%u:%ld: %s", scan->name, line,
                                                            column, message)
                                         : g_strdup_printf ("%u:%ld: %s", line, column, message)));
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
  return g_ascii_xdigit_value (p[0]) << 12 | g_ascii_xdigit_value (p[1]) << 8 |
         g_ascii_xdigit_value (p[2]) << 4 | g_ascii_xdigit_value (p[3]);
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

/* Copies the string between @start and @end, checked by scan_string(), into
 * the document's strings with its escapes resolved, and returns the copy.
 * That block is as long as the document and never runs out: no escape is
 * shorter than what it stands for (six bytes for at most three, twelve for
 * a surrogate pair's four), and the two quotes around each string leave room
 * for its NUL. */
static const char *
decode_string (Scan     *scan,
               gsize     start,
               gsize     end,
               gboolean  escaped)
{
  const char *data = scan->data;
  char *text = scan->strings + scan->strings_used;
  char *out = text;

  if (!escaped)
    {
      memcpy (out, data + start, end - start);
      out += end - start;
    }

  for (gsize i = start; escaped && i < end;)
    {
      const char *backslash = memchr (data + i, '\\', end - i);
      gsize run_end = backslash != NULL ? (gsize) (backslash - data) : end;
      guint unit;

      memcpy (out, data + i, run_end - i);
      out += run_end - i;
      if (run_end == end)
        break;

      i = run_end + 2;
      switch (data[run_end + 1])
        {
        case 'b':
          *out++ = '\b';
          break;
        case 'f':
          *out++ = '\f';
          break;
        case 'n':
          *out++ = '\n';
          break;
        case 'r':
          *out++ = '\r';
          break;
        case 't':
          *out++ = '\t';
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
          out += g_unichar_to_utf8 (unit, out);
          break;
        default:  /* '"', '\\' and '/' stand for themselves */
          *out++ = data[run_end + 1];
          break;
        }
    }

  *out++ = '\0';
  scan->strings_used = out - scan->strings;
  return text;
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

/* One open object or array. */
typedef struct {
  char        container;   /* '{' or '[' */
  guint       node;        /* its index in scan->nodes */
  guint       size;        /* members or elements so far */
  guint       last_child;  /* the index of the last of them */
  const char *name;        /* for '{': the member being read, unescaped */
  GHashTable *names;       /* for '{' with many members: their names */
} Frame;

/* Up to this many members, an object's names are searched one by one. */
#define FEW_MEMBERS 16

/* Appends the node of a value that starts here, as a member or an element of
 * the innermost open container, and returns its index. */
static guint
add_node (Scan           *scan,
          Frame          *frames,
          guint           depth,
          SootheJsonKind  kind)
{
  guint index;

  if (scan->n_nodes == scan->n_allocated)
    {
      scan->n_allocated *= 2;
      scan->nodes = g_renew (SootheJsonNode, scan->nodes, scan->n_allocated);
    }
  index = scan->n_nodes++;
  scan->nodes[index] = (SootheJsonNode) { .kind = kind, .last = depth == 0, .span = 1 };

  if (depth > 0)
    {
      Frame *parent = &frames[depth - 1];

      if (parent->container == '{')
        scan->nodes[index].name = parent->name;
      parent->size++;
      parent->last_child = index;
    }
  return index;
}

static void
open_container (Scan  *scan,
                Frame *frames,
                guint  depth,
                char   container)
{
  Frame *frame = &frames[depth];

  frame->node = add_node (scan, frames, depth,
                          container == '{' ? SOOTHE_JSON_OBJECT : SOOTHE_JSON_ARRAY);
  frame->container = container;
  frame->size = 0;
  frame->last_child = 0;
  frame->name = NULL;
  frame->names = NULL;
}

static void
close_container (Scan  *scan,
                 Frame *frame)
{
  SootheJsonNode *node = &scan->nodes[frame->node];

  node->span = scan->n_nodes - frame->node;
  node->value.size = frame->size;
  if (frame->size > 0)
    scan->nodes[frame->last_child].last = TRUE;
  g_clear_pointer (&frame->names, g_hash_table_unref);
}

/* Reports a member name that the object already has; otherwise makes it the
 * name of the member being read. Names are compared after their escapes are
 * resolved, so "a" and "\u0061" are the same name. A big object hashes its
 * names, so that one with 100,000 members takes no 5 * 10^9 comparisons. */
static gboolean
claim_key (Scan       *scan,
           Frame      *frame,
           const char *key,
           gsize       open_quote,
           gsize       close_quote)
{
  g_autofree char *written = NULL;
  g_autofree char *shown = NULL;
  gboolean taken = FALSE;

  if (frame->names == NULL && frame->size >= FEW_MEMBERS)
    {
      const SootheJsonNode *member = &scan->nodes[frame->node + 1];

      frame->names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < frame->size; i++, member += member->span)
        g_hash_table_add (frame->names, (gpointer) member->name);
    }

  if (frame->names != NULL)
    {
      taken = !g_hash_table_add (frame->names, (gpointer) key);
    }
  else
    {
      const SootheJsonNode *member = &scan->nodes[frame->node + 1];

      for (guint i = 0; i < frame->size && !taken; i++, member += member->span)
        taken = strcmp (member->name, key) == 0;
    }

  if (!taken)
    {
      frame->name = key;
      return TRUE;
    }

  /* Shown as written, so that the message stays on one line. */
  written = g_strndup (scan->data + open_quote + 1, close_quote - open_quote - 1);
  if (g_utf8_strlen (written, -1) > 40)
    shown = g_utf8_substring (written, 0, 40);
  scan_problem (scan, open_quote, "duplicate member \"%s%s\"",
                shown != NULL ? shown : written, shown != NULL ? "…" : "");
  return FALSE;
}

/* Reads the number at *offset, checked against the JSON grammar and against
 * the range of a gint64 or a double: an integer without a fraction or
 * exponent, as json-glib reads it, otherwise a double. Leaves *offset after
 * it. Returns FALSE after reporting a problem. */
static gboolean
scan_number (Scan  *scan,
             gsize *offset,
             Frame *frames,
             guint  depth)
{
  const char *p = scan->data + *offset;
  g_autofree char *token = NULL;
  gboolean integer = TRUE;
  gint64 value = 0;
  double fraction = 0;
  guint index;
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
      return FALSE;
    }

  *offset += n;
  index = add_node (scan, frames, depth, integer ? SOOTHE_JSON_INT : SOOTHE_JSON_DOUBLE);
  if (integer)
    scan->nodes[index].value.integer = value;
  else
    scan->nodes[index].value.number = fraction;
  return TRUE;

bad:
  scan_problem (scan, *offset, "invalid number \"%.40s%s\"", token, n > 40 ? "…" : "");
  return FALSE;
}

/* Reads true, false or null at *offset; leaves *offset after it. Returns
 * FALSE after reporting a problem. */
static gboolean
scan_word (Scan  *scan,
           gsize *offset,
           Frame *frames,
           guint  depth)
{
  const char *p = scan->data + *offset;
  gsize n = 0;

  while (*offset + n < scan->length && is_word_char (p[n]))
    n++;

  if (n == 4 && memcmp (p, "null", 4) == 0)
    {
      add_node (scan, frames, depth, SOOTHE_JSON_NULL);
    }
  else if ((n == 4 && memcmp (p, "true", 4) == 0) || (n == 5 && memcmp (p, "false", 5) == 0))
    {
      guint index = add_node (scan, frames, depth, SOOTHE_JSON_BOOLEAN);

      scan->nodes[index].value.boolean = n == 4;
    }
  else
    {
      report_expected (scan, *offset, "a value");
      return FALSE;
    }

  *offset += n;
  return TRUE;
}

/* Builds the document's nodes; returns FALSE after reporting its first
 * problem. */
static gboolean
scan_document (Scan *scan)
{
  const char *data = scan->data;
  Frame frames[SOOTHE_JSON_MAX_DEPTH];
  Expect expect = EXPECT_VALUE;
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
      char c;

      i = skip_space (scan, i);
      if (i == scan->length)
        {
          if (depth == 0 && expect == EXPECT_COMMA_OR_CLOSE)
            return TRUE;
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
              close_container (scan, &frames[--depth]);
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
              close_container (scan, &frames[--depth]);
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
              gsize open_quote = i++;
              gboolean escaped;
              const char *key;

              if (!scan_string (scan, &i, &escaped))
                goto fail;
              key = decode_string (scan, open_quote + 1, i, escaped);
              if (!claim_key (scan, &frames[depth - 1], key, open_quote, i))
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
              close_container (scan, &frames[--depth]);
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
              if (depth == SOOTHE_JSON_MAX_DEPTH)
                {
                  scan_problem (scan, i, "nesting deeper than %d levels", SOOTHE_JSON_MAX_DEPTH);
                  goto fail;
                }
              open_container (scan, frames, depth++, c);
              expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '"')
            {
              gsize start = ++i;
              gboolean escaped;
              const char *text;
              guint index;

              if (!scan_string (scan, &i, &escaped))
                goto fail;
              text = decode_string (scan, start, i, escaped);
              /* Not in one expression: add_node() may move scan->nodes. */
              index = add_node (scan, frames, depth, SOOTHE_JSON_STRING);
              scan->nodes[index].value.string = text;
              expect = EXPECT_COMMA_OR_CLOSE;
              i++;
              continue;
            }
          if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (scan, &i, frames, depth))
                goto fail;
              expect = EXPECT_COMMA_OR_CLOSE;
              continue;
            }
          if (g_ascii_isalpha (c))
            {
              if (!scan_word (scan, &i, frames, depth))
                goto fail;
              expect = EXPECT_COMMA_OR_CLOSE;
              continue;
            }
          break;
        }

      report_expected (scan, i, describe_expect (expect, container));
      goto fail;
    }

fail:
  while (depth > 0)
    g_clear_pointer (&frames[--depth].names, g_hash_table_unref);
  return FALSE;
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

/* Appends a problem with the whole document, after "@name: " when there is
 * a name. */
static void G_GNUC_PRINTF (3, 4)
document_problem (GPtrArray  *problems,
                  const char *name,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, name != NULL ? g_strdup_printf ("%s: %s", name, message)
                                          : g_steal_pointer (&message));
}

static SootheJsonDoc *
parse (GBytes     *bytes,
       const char *name,
       guint       first_line,
       GPtrArray  *problems)
{
  SootheJsonDoc *doc;
  Scan scan = { 0 };
  gsize length;
  const char *data;
  gboolean blank = TRUE;

  data = g_bytes_get_data (bytes, &length);
  if (length > SOOTHE_JSON_MAX_BYTES)
    {
      document_problem (problems, name, "file is too large (%" G_GSIZE_FORMAT " bytes, at most %d)",
                        length, SOOTHE_JSON_MAX_BYTES);
      return NULL;
    }

  /* JSON white space only, after a byte order mark. */
  for (gsize i = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
       i < length && blank; i++)
    blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r';
  if (blank)
    {
      document_problem (problems, name, "file is empty");
      return NULL;
    }

  scan = (Scan) { data, length, name, problems, first_line, 0 };
  if (!check_encoding (&scan))
    return NULL;

  /* Bundles hold about one value per 50 bytes, so this is seldom outgrown;
   * the pages never used are never touched. */
  scan.n_allocated = MAX (16, length / 24);
  scan.nodes = g_new (SootheJsonNode, scan.n_allocated);
  scan.strings = g_malloc (length);
  if (!scan_document (&scan))
    {
      g_free (scan.nodes);
      g_free (scan.strings);
      return NULL;
    }

  doc = g_new (SootheJsonDoc, 1);
  doc->nodes = scan.nodes;
  doc->strings = scan.strings;
  return doc;
}

/**
 * soothe_json_parse:
 * @bytes: the document
 * @name: (nullable): the file name to put in messages
 * @problems: (element-type utf8): where problems are appended
 *
 * Parses a JSON document after checking its size, its encoding, and its
 * syntax against strict JSON with at most %SOOTHE_JSON_MAX_DEPTH levels of
 * nesting and no duplicate member names. The first problem found is appended
 * as one line starting with "@name:", or with "LINE:COL: " alone when @name
 * is %NULL, for a caller that names the file itself.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
SootheJsonDoc *
soothe_json_parse (GBytes     *bytes,
                   const char *name,
                   GPtrArray  *problems)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return parse (bytes, name, 1, problems);
}

/**
 * soothe_json_parse_line:
 * @line: one line of a file of JSON documents, one a line, without its line break
 * @name: (nullable): the file name to put in messages
 * @number: the line's number in the file, from 1
 * @problems: (element-type utf8): where problems are appended
 *
 * Parses @line as soothe_json_parse() parses a document, with problems
 * placed at "@name:@number:COL:". A caller should skip blank lines first:
 * one is reported as an empty file.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
SootheJsonDoc *
soothe_json_parse_line (GBytes     *line,
                        const char *name,
                        guint       number,
                        GPtrArray  *problems)
{
  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (number > 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return parse (line, name, number, problems);
}

/**
 * soothe_json_doc_free:
 * @doc: (nullable): a document
 *
 * Frees @doc and every node and string in it.
 */
void
soothe_json_doc_free (SootheJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->nodes);
  g_free (doc->strings);
  g_free (doc);
}

/**
 * soothe_json_doc_get_root:
 * @doc: a document
 *
 * Returns: (transfer none): the document's value
 */
const SootheJsonNode *
soothe_json_doc_get_root (SootheJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->nodes[0];
}

SootheJsonKind
soothe_json_node_get_kind (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, SOOTHE_JSON_NULL);

  return node->kind;
}

gboolean
soothe_json_node_get_boolean (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL && node->kind == SOOTHE_JSON_BOOLEAN, FALSE);

  return node->value.boolean;
}

gint64
soothe_json_node_get_int (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL && node->kind == SOOTHE_JSON_INT, 0);

  return node->value.integer;
}

/**
 * soothe_json_node_get_double:
 * @node: a number
 *
 * Returns: the number; an integer too, converted as json-glib does
 */
double
soothe_json_node_get_double (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (node->kind == SOOTHE_JSON_DOUBLE || node->kind == SOOTHE_JSON_INT, 0);

  return node->kind == SOOTHE_JSON_INT ? (double) node->value.integer : node->value.number;
}

/**
 * soothe_json_node_get_string:
 * @node: a string
 *
 * Returns: (transfer none): the string, escapes resolved; it holds no NUL
 */
const char *
soothe_json_node_get_string (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL && node->kind == SOOTHE_JSON_STRING, NULL);

  return node->value.string;
}

/**
 * soothe_json_node_get_size:
 * @node: an object or an array
 *
 * Returns: the number of members or elements
 */
guint
soothe_json_node_get_size (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (node->kind == SOOTHE_JSON_OBJECT || node->kind == SOOTHE_JSON_ARRAY, 0);

  return node->value.size;
}

/**
 * soothe_json_node_get_name:
 * @node: a node
 *
 * Returns: (transfer none) (nullable): the member name, escapes resolved,
 *   when @node is a member of an object
 */
const char *
soothe_json_node_get_name (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->name;
}

/**
 * soothe_json_node_get_first:
 * @node: an object or an array
 *
 * With soothe_json_node_get_next(), walks the members or elements in
 * document order.
 *
 * Returns: (transfer none) (nullable): the first member or element
 */
const SootheJsonNode *
soothe_json_node_get_first (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->kind == SOOTHE_JSON_OBJECT || node->kind == SOOTHE_JSON_ARRAY, NULL);

  return node->value.size > 0 ? node + 1 : NULL;
}

/**
 * soothe_json_node_get_next:
 * @node: a member or an element
 *
 * Returns: (transfer none) (nullable): the member or element after @node
 *   in the same container
 */
const SootheJsonNode *
soothe_json_node_get_next (const SootheJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->last ? NULL : node + node->span;
}

/**
 * soothe_json_node_get_member:
 * @node: an object
 * @name: a member name
 *
 * Looks the member up one by one, which for the few members a bundle's
 * objects have costs less than any index would.
 *
 * Returns: (transfer none) (nullable): the member, or %NULL when @node has none
 *   of that name
 */
const SootheJsonNode *
soothe_json_node_get_member (const SootheJsonNode *node,
                             const char           *name)
{
  const SootheJsonNode *member;

  g_return_val_if_fail (node != NULL && node->kind == SOOTHE_JSON_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  member = node + 1;
  for (guint i = 0; i < node->value.size; i++, member += member->span)
    {
      if (strcmp (member->name, name) == 0)
        return member;
    }
  return NULL;
}
