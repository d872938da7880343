/* soothe-markup.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "soothe-markup.h"

/* The text is parsed in three linear passes: backslash escapes, then links
 * (brackets on a stack, parentheses matched once up front), then emphasis inside
 * each run between links and inside each label. No pass ever rescans what an
 * earlier attempt at a match already looked at, so "[[[[…" and "****…" stay O(n). */

#define NO_MATCH G_MAXSIZE

typedef struct {
  gsize open;    /* the '[' */
  gsize close;   /* the ']', always followed by '(' */
  gsize url_end; /* the ')' that matches that '(' */
} Link;

typedef struct {
  /* The text after g_utf8_make_valid() with backslash escapes resolved. Only ASCII
   * bytes are ever removed, so every run that starts and ends on a syntax
   * character is still valid UTF-8. */
  char   *bytes;
  gsize   len;
  /* FALSE where a byte came from a backslash escape and so is never syntax */
  guint8 *active;
  GArray *links;
} Inline;

typedef struct {
  const Inline *in;
  GString      *out;
  gboolean      markup;
} Writer;

static void
inline_clear (Inline *in)
{
  g_clear_pointer (&in->bytes, g_free);
  g_clear_pointer (&in->active, g_free);
  g_clear_pointer (&in->links, g_array_unref);
  in->len = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inline, inline_clear)

static gboolean
is_escapable (char c)
{
  return c == '*' || c == '[' || c == ']' || c == '\\';
}

static gboolean
is_syntax (const Inline *in,
           gsize         pos,
           char          c)
{
  return in->bytes[pos] == c && in->active[pos];
}

static void
resolve_escapes (Inline *in)
{
  gsize j = 0;

  for (gsize i = 0; i < in->len; i++, j++)
    {
      if (in->bytes[i] == '\\' && i + 1 < in->len && is_escapable (in->bytes[i + 1]))
        {
          in->bytes[j] = in->bytes[++i];
          in->active[j] = FALSE;
        }
      else
        {
          in->bytes[j] = in->bytes[i];
          in->active[j] = TRUE;
        }
    }

  in->bytes[j] = '\0';
  in->len = j;
}

static void
find_links (Inline *in)
{
  g_autofree gsize *paren_match = g_new (gsize, in->len + 1);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* Matching every parenthesis once, innermost first, gives each '(' the ')' a
   * forward scan counting depth would find, so "https://w.org/a_(b)" works. */
  for (gsize i = 0; i < in->len; i++)
    {
      if (in->bytes[i] == '(')
        {
          paren_match[i] = NO_MATCH;
          g_array_append_val (stack, i);
        }
      else if (in->bytes[i] == ')' && stack->len > 0)
        {
          gsize open = g_array_index (stack, gsize, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          paren_match[open] = i;
        }
    }

  g_array_set_size (stack, 0);

  /* Each ']' closes the nearest open '['. Once a link is found the '[' before it
   * are dropped, so a link never ends up inside another link's label. */
  for (gsize i = 0; i < in->len; i++)
    {
      if (is_syntax (in, i, '['))
        {
          g_array_append_val (stack, i);
        }
      else if (is_syntax (in, i, ']') && stack->len > 0)
        {
          gsize open = g_array_index (stack, gsize, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);

          /* An empty label would make a link nobody can see or reach. */
          if (open + 1 < i &&
              i + 1 < in->len &&
              in->bytes[i + 1] == '(' &&
              paren_match[i + 1] != NO_MATCH)
            {
              Link link = { open, i, paren_match[i + 1] };

              g_array_append_val (in->links, link);
              g_array_set_size (stack, 0);
              i = link.url_end;
            }
        }
    }
}

static void
inline_init (Inline     *in,
             const char *text)
{
  /* Invalid UTF-8 would make invalid markup; it also keeps g_markup_escape_text()
   * from reading past the end of a truncated sequence. */
  in->bytes = g_utf8_make_valid (text, -1);
  in->len = strlen (in->bytes);
  in->active = g_new (guint8, in->len + 1);
  in->links = g_array_new (FALSE, FALSE, sizeof (Link));

  resolve_escapes (in);
  find_links (in);
}

static const char *
link_url (const Inline *in,
          const Link   *link,
          gsize        *len)
{
  *len = link->url_end - link->close - 2;
  return in->bytes + link->close + 2;
}

static gboolean
link_is_safe (const Inline *in,
              const Link   *link)
{
  static const char scheme[] = "https://";
  const char *url;
  gsize len;

  url = link_url (in, link, &len);

  if (len < strlen (scheme) || memcmp (url, scheme, strlen (scheme)) != 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (url[i]))
        return FALSE;
    }

  return TRUE;
}

static void
write_escaped (GString    *out,
               const char *text,
               gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

static void
write_text (Writer *writer,
            gsize   from,
            gsize   to)
{
  if (from >= to)
    return;

  if (writer->markup)
    write_escaped (writer->out, writer->in->bytes + from, to - from);
  else
    g_string_append_len (writer->out, writer->in->bytes + from, to - from);
}

static gsize
next_star (const Inline *in,
           gsize         from,
           gsize         end)
{
  while (from < end && !is_syntax (in, from, '*'))
    from++;

  return from;
}

/* Writes [start, end) with emphasis; a pair is always two consecutive stars,
 * so each byte is looked at once. */
static void
write_emphasis (Writer *writer,
                gsize   start,
                gsize   end)
{
  const Inline *in = writer->in;
  gsize run = start;
  gsize star = next_star (in, start, end);

  while (star < end)
    {
      gsize next = next_star (in, star + 1, end);

      if (next < end &&
          next > star + 1 &&
          !g_ascii_isspace (in->bytes[star + 1]) &&
          !g_ascii_isspace (in->bytes[next - 1]))
        {
          write_text (writer, run, star);
          if (writer->markup)
            g_string_append (writer->out, "<b>");
          write_text (writer, star + 1, next);
          if (writer->markup)
            g_string_append (writer->out, "</b>");

          run = next + 1;
          star = next_star (in, run, end);
        }
      else
        {
          star = next;
        }
    }

  write_text (writer, run, end);
}

static void
write_inline (Writer *writer)
{
  const Inline *in = writer->in;
  gsize pos = 0;

  for (guint i = 0; i < in->links->len; i++)
    {
      const Link *link = &g_array_index (in->links, Link, i);
      gboolean clickable = writer->markup && link_is_safe (in, link);

      write_emphasis (writer, pos, link->open);

      if (clickable)
        {
          const char *url;
          gsize len;

          url = link_url (in, link, &len);
          g_string_append (writer->out, "<a href=\"");
          write_escaped (writer->out, url, len);
          g_string_append (writer->out, "\">");
        }

      write_emphasis (writer, link->open + 1, link->close);

      if (clickable)
        g_string_append (writer->out, "</a>");

      pos = link->url_end + 1;
    }

  write_emphasis (writer, pos, in->len);
}

static char *
convert (const char *text,
         gboolean    markup)
{
  g_auto(Inline) in = { 0 };
  Writer writer;

  if (text == NULL)
    return g_strdup ("");

  inline_init (&in, text);

  writer.in = &in;
  writer.out = g_string_sized_new (in.len + in.len / 8 + 1);
  writer.markup = markup;

  write_inline (&writer);

  return g_string_free (writer.out, FALSE);
}

/**
 * soothe_markup_from_inline:
 * @text: (nullable): Soothe inline text
 *
 * Converts Soothe inline text to Pango markup. Everything is escaped except
 * `*emphasis*` and `[label](https://…)` links; the result is always valid
 * Pango markup, whatever bytes @text holds.
 *
 * Returns: (transfer full): the markup, "" for %NULL
 */
char *
soothe_markup_from_inline (const char *text)
{
  return convert (text, TRUE);
}

/**
 * soothe_markup_to_plain:
 * @text: (nullable): Soothe inline text
 *
 * Removes the inline syntax, for search indexing, plain-text output (terminal,
 * notifications) and accessibility. Link labels are kept, URLs dropped. The
 * result is the text content of what soothe_markup_from_inline() returns.
 *
 * Returns: (transfer full): the plain text, "" for %NULL
 */
char *
soothe_markup_to_plain (const char *text)
{
  return convert (text, FALSE);
}

/**
 * soothe_markup_find_unsafe_link:
 * @text: (nullable): Soothe inline text
 * @bad_url: (out) (optional) (nullable): the first unsafe URL
 *
 * Looks for a `[label](url)` link that soothe_markup_from_inline() would not
 * make clickable: its url does not start with "https://" or holds whitespace.
 * The bundle validator uses it to reject such links.
 *
 * Returns: %TRUE if there is such a link; @bad_url is then set to a newly
 *   allocated copy of its url, otherwise to %NULL
 */
gboolean
soothe_markup_find_unsafe_link (const char  *text,
                                char       **bad_url)
{
  g_auto(Inline) in = { 0 };

  if (bad_url != NULL)
    *bad_url = NULL;

  if (text == NULL)
    return FALSE;

  inline_init (&in, text);

  for (guint i = 0; i < in.links->len; i++)
    {
      const Link *link = &g_array_index (in.links, Link, i);

      if (!link_is_safe (&in, link))
        {
          if (bad_url != NULL)
            {
              const char *url;
              gsize len;

              url = link_url (&in, link, &len);
              *bad_url = g_strndup (url, len);
            }

          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: whether UTF-8 @text holds nothing but white space */
gboolean
soothe_text_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/**
 * soothe_text_shorten:
 * @text: UTF-8 text, such as a question to quote back
 * @max_chars: how many characters to keep at most, more than 1
 *
 * Returns: (transfer full): @text, or its start and "…" when it is longer
 */
char *
soothe_text_shorten (const char *text,
                     guint       max_chars)
{
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 1, NULL);

  if (g_utf8_strlen (text, -1) <= (glong) max_chars)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, max_chars - 1);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}
