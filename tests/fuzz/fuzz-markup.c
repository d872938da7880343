/* fuzz-markup.c: libFuzzer harness for the inline text converter
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, soothe_markup_from_inline() must give markup that parses
 * inside a root element, with no element but <b> and <a href="https://…">, and
 * whose text is what soothe_markup_to_plain() gives;
 * soothe_markup_find_unsafe_link() must name a link exactly when one is not
 * made clickable.
 */

#include <stdint.h>
#include <string.h>

#include "soothe-markup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct {
  GString *text;
  guint    depth;
  guint    n_links;
} Parsed;

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Parsed *parsed = user_data;

  parsed->depth++;
  if (g_str_equal (element, "root"))
    {
      g_assert_cmpuint (parsed->depth, ==, 1);
      g_assert_null (names[0]);
    }
  else if (g_str_equal (element, "b"))
    {
      g_assert_null (names[0]);
    }
  else if (g_str_equal (element, "a"))
    {
      const char *url = values[0];

      g_assert_cmpstr (names[0], ==, "href");
      g_assert_null (names[1]);
      g_assert_true (g_str_has_prefix (url, "https://"));
      for (const char *p = url; *p != '\0'; p++)
        g_assert_false (g_ascii_isspace (*p));
      parsed->n_links++;
    }
  else
    {
      g_error ("unexpected element <%s>", element);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Parsed *parsed = user_data;

  parsed->depth--;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parsed *parsed = user_data;

  g_string_append_len (parsed->text, text, length);
}

static const GMarkupParser parser = {
  start_element_cb, end_element_cb, text_cb, NULL, NULL,
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The functions take C strings, so text ends at the first NUL byte. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *markup = soothe_markup_from_inline (text);
  g_autofree char *plain = soothe_markup_to_plain (text);
  g_autofree char *bad_url = NULL;
  g_autofree char *wrapped = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Parsed parsed = { g_string_new (NULL), 0, 0 };
  gboolean unsafe;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_assert_true (g_utf8_validate (plain, -1, NULL));

  wrapped = g_strconcat ("<root>", markup, "</root>", NULL);
  context = g_markup_parse_context_new (&parser, 0, &parsed, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("invalid markup for \"%s\": %s\n%s", text, error->message, markup);
  g_assert_cmpuint (parsed.depth, ==, 0);
  /* XML reads "\r\n" and a lone "\r" as "\n", and so does Pango. */
  {
    g_autoptr(GString) expected = g_string_new (plain);

    g_string_replace (expected, "\r\n", "\n", 0);
    g_string_replace (expected, "\r", "\n", 0);
    g_assert_cmpstr (parsed.text->str, ==, expected->str);
  }

  unsafe = soothe_markup_find_unsafe_link (text, &bad_url);
  if (unsafe)
    {
      g_assert_nonnull (bad_url);
      g_assert_true (g_utf8_validate (bad_url, -1, NULL));
      g_assert_false (g_str_has_prefix (bad_url, "https://") && strpbrk (bad_url, " \t\n\r\f\v") == NULL);
    }
  else
    {
      g_assert_null (bad_url);
    }

  /* NULL is always allowed and gives empty text. */
  {
    g_autofree char *empty_markup = soothe_markup_from_inline (NULL);
    g_autofree char *empty_plain = soothe_markup_to_plain (NULL);

    g_assert_cmpstr (empty_markup, ==, "");
    g_assert_cmpstr (empty_plain, ==, "");
    g_assert_false (soothe_markup_find_unsafe_link (NULL, NULL));
  }

  g_string_free (parsed.text, TRUE);
  return 0;
}
