/* test-markup.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "soothe-markup.h"

/* Pango markup is a GMarkup subset, so a GMarkup parse under a <markup> root
 * checks the output is well-formed; the element checks keep it to what Soothe
 * may emit: <b>, and <a href="https://…"> never inside another link or <b>. */

typedef struct {
  GString *text;
  guint    depth;
  gboolean in_bold;
  gboolean in_link;
} MarkupCheck;

static void
check_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  MarkupCheck *check = user_data;

  if (check->depth++ == 0)
    {
      g_assert_cmpstr (element_name, ==, "markup");
    }
  else if (g_str_equal (element_name, "b"))
    {
      g_assert_false (check->in_bold);
      g_assert_null (attribute_names[0]);
      check->in_bold = TRUE;
    }
  else if (g_str_equal (element_name, "a"))
    {
      g_assert_false (check->in_bold);
      g_assert_false (check->in_link);
      g_assert_cmpstr (attribute_names[0], ==, "href");
      g_assert_null (attribute_names[1]);
      g_assert_true (g_str_has_prefix (attribute_values[0], "https://"));
      check->in_link = TRUE;
    }
  else
    {
      g_error ("Unexpected element <%s>", element_name);
    }
}

static void
check_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  MarkupCheck *check = user_data;

  check->depth--;

  if (g_str_equal (element_name, "b"))
    check->in_bold = FALSE;
  else if (g_str_equal (element_name, "a"))
    check->in_link = FALSE;
}

static void
check_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  MarkupCheck *check = user_data;

  g_string_append_len (check->text, text, text_len);
}

static const GMarkupParser check_parser = {
  check_start_element,
  check_end_element,
  check_text,
  NULL,
  NULL,
};

/* Returns the text content of @markup after asserting it is valid. */
static char *
assert_valid_markup (const char *markup)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  MarkupCheck check = { g_string_new (NULL), 0, FALSE, FALSE };

  g_assert_true (g_utf8_validate (markup, -1, NULL));

  document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&check_parser, 0, &check, NULL);
  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check.depth, ==, 0);

  return g_string_free (check.text, FALSE);
}

/* XML line-end handling turns "\r\n" and "\r" into "\n" while parsing. */
static char *
normalize_line_ends (const char *text)
{
  GString *normal = g_string_new (text);

  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);

  return g_string_free (normal, FALSE);
}

/* Converts @text both ways and checks the results agree with each other. */
static void
assert_converts (const char *text,
                 const char *expected_markup,
                 const char *expected_plain)
{
  g_autofree char *markup = soothe_markup_from_inline (text);
  g_autofree char *plain = soothe_markup_to_plain (text);
  g_autofree char *content = NULL;
  g_autofree char *normal_plain = NULL;

  if (expected_markup != NULL)
    g_assert_cmpstr (markup, ==, expected_markup);
  if (expected_plain != NULL)
    g_assert_cmpstr (plain, ==, expected_plain);

  content = assert_valid_markup (markup);
  normal_plain = normalize_line_ends (plain);
  g_assert_cmpstr (content, ==, normal_plain);
  g_assert_true (g_utf8_validate (plain, -1, NULL));
}

static void
assert_markup (const char *text,
               const char *expected)
{
  assert_converts (text, expected, NULL);
}

static void
test_markup_plain (void)
{
  g_autofree char *from_null = soothe_markup_from_inline (NULL);
  g_autofree char *plain_null = soothe_markup_to_plain (NULL);

  g_assert_cmpstr (from_null, ==, "");
  g_assert_cmpstr (plain_null, ==, "");

  assert_converts ("", "", "");
  assert_converts ("Breathe in slowly.", "Breathe in slowly.", "Breathe in slowly.");
  assert_converts ("Atme ruhig – 呼吸 🌿", "Atme ruhig – 呼吸 🌿", "Atme ruhig – 呼吸 🌿");
  assert_converts ("(a) b: c/d", "(a) b: c/d", "(a) b: c/d");
}

static void
test_markup_emphasis (void)
{
  assert_converts ("*slowly*", "<b>slowly</b>", "slowly");
  assert_converts ("Breathe *in* and *out*.",
                   "Breathe <b>in</b> and <b>out</b>.",
                   "Breathe in and out.");
  assert_converts ("*a*", "<b>a</b>", "a");
  assert_converts ("*two words*", "<b>two words</b>", "two words");
  assert_converts ("*ruhig* atmen", "<b>ruhig</b> atmen", "ruhig atmen");
  assert_converts ("*Übung*", "<b>Übung</b>", "Übung");
  assert_converts ("**bold**", "*<b>bold</b>*", "*bold*");
  assert_converts ("*a\\*b*", "<b>a*b</b>", "a*b");
  assert_converts ("*a *b*", "*a <b>b</b>", "*a b");
  assert_converts ("*a* b*", "<b>a</b> b*", "a b*");
  assert_converts ("*a < b*", "<b>a &lt; b</b>", "a < b");
}

static void
test_markup_unmatched_star (void)
{
  assert_converts ("*", "*", "*");
  assert_converts ("*open", "*open", "*open");
  assert_converts ("close*", "close*", "close*");
  assert_converts ("**", "**", "**");
  assert_converts ("***", "***", "***");
  assert_converts ("a*", "a*", "a*");
}

static void
test_markup_star_spaces (void)
{
  assert_converts ("2 * 3 * 4", "2 * 3 * 4", "2 * 3 * 4");
  assert_converts ("* a *", "* a *", "* a *");
  assert_converts ("*a *", "*a *", "*a *");
  assert_converts ("* a*", "* a*", "* a*");
  assert_converts ("*\ta*", "*\ta*", "*\ta*");
  assert_converts ("*a\n*", "*a\n*", "*a\n*");
}

static void
test_markup_escapes (void)
{
  assert_converts ("\\*not\\*", "*not*", "*not*");
  assert_converts ("\\*not*", "*not*", "*not*");
  assert_converts ("\\[x](https://example.org)",
                   "[x](https://example.org)",
                   "[x](https://example.org)");
  assert_converts ("[x\\](https://example.org)",
                   "[x](https://example.org)",
                   "[x](https://example.org)");
  assert_converts ("[a\\]b](https://example.org)",
                   "<a href=\"https://example.org\">a]b</a>",
                   "a]b");
  assert_converts ("[a\\[b](https://example.org)",
                   "<a href=\"https://example.org\">a[b</a>",
                   "a[b");
  assert_converts ("\\\\", "\\", "\\");
  assert_converts ("\\\\*a*", "\\<b>a</b>", "\\a");
  assert_converts ("\\n \\( \\<", "\\n \\( \\&lt;", "\\n \\( \\<");
  assert_converts ("trailing\\", "trailing\\", "trailing\\");
  assert_converts ("\\", "\\", "\\");
}

static void
test_markup_link_https (void)
{
  assert_converts ("[Guide](https://example.org/page)",
                   "<a href=\"https://example.org/page\">Guide</a>",
                   "Guide");
  assert_converts ("Read [the guide](https://example.org/page) first.",
                   "Read <a href=\"https://example.org/page\">the guide</a> first.",
                   "Read the guide first.");
  assert_converts ("[q](https://example.org/?a=1&b=\"2\"&c='3'<4>)",
                   "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;&amp;"
                   "c=&apos;3&apos;&lt;4&gt;\">q</a>",
                   "q");
  assert_converts ("[Rest](https://en.wikipedia.org/wiki/Rest_(music))",
                   "<a href=\"https://en.wikipedia.org/wiki/Rest_(music)\">Rest</a>",
                   "Rest");
  assert_converts ("(see [this](https://example.org))",
                   "(see <a href=\"https://example.org\">this</a>)",
                   "(see this)");
  assert_converts ("[a](https://a.org) and [b](https://b.org)",
                   "<a href=\"https://a.org\">a</a> and <a href=\"https://b.org\">b</a>",
                   "a and b");
  assert_converts ("[a](https://example.org/*x*)",
                   "<a href=\"https://example.org/*x*\">a</a>",
                   "a");
  assert_converts ("[a](https://example.org/\\*\\\\)",
                   "<a href=\"https://example.org/*\\\">a</a>",
                   "a");
  assert_converts ("[a & b](https://example.org)",
                   "<a href=\"https://example.org\">a &amp; b</a>",
                   "a & b");
}

static void
test_markup_link_unsafe (void)
{
  static const char * const texts[] = {
    "[label](http://example.org)",
    "[label](javascript:alert(1))",
    "[label](javascript:alert(\"<b>\"))",
    "[label](file:///etc/passwd)",
    "[label](data:text/html,<script>alert(1)</script>)",
    "[label](page.html)",
    "[label](/absolute/page)",
    "[label]()",
    "[label](HTTPS://example.org)",
    "[label]( https://example.org)",
    "[label](https://example.org/a b)",
    "[label](https://example.org/a\nb)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_converts (texts[i], "label", "label");

  assert_converts ("[a < b](javascript:x)", "a &lt; b", "a < b");
  assert_converts ("go [here](http://example.org) now", "go here now", "go here now");
}

static void
test_markup_link_emphasis (void)
{
  assert_converts ("[*Read* this](https://example.org)",
                   "<a href=\"https://example.org\"><b>Read</b> this</a>",
                   "Read this");
  assert_converts ("[*all*](https://example.org)",
                   "<a href=\"https://example.org\"><b>all</b></a>",
                   "all");
  assert_converts ("[*unsafe*](http://example.org)", "<b>unsafe</b>", "unsafe");
  /* Emphasis does not reach into or across a link. */
  assert_converts ("*a [b](https://example.org) c*",
                   "*a <a href=\"https://example.org\">b</a> c*",
                   "*a b c*");
  assert_converts ("*a [b*](https://example.org)",
                   "*a <a href=\"https://example.org\">b*</a>",
                   "*a b*");
}

static void
test_markup_link_unmatched (void)
{
  assert_converts ("[a", "[a", "[a");
  assert_converts ("a]", "a]", "a]");
  assert_converts ("[a]", "[a]", "[a]");
  assert_converts ("[a] (https://example.org)",
                   "[a] (https://example.org)",
                   "[a] (https://example.org)");
  assert_converts ("[a](https://example.org", "[a](https://example.org", "[a](https://example.org");
  assert_converts ("[a](https://example.org (b)",
                   "[a](https://example.org (b)",
                   "[a](https://example.org (b)");
  assert_converts ("[](https://example.org)", "[](https://example.org)", "[](https://example.org)");
  assert_converts ("[a [b](https://example.org)",
                   "[a <a href=\"https://example.org\">b</a>",
                   "[a b");
  assert_converts ("[a [b] c](https://example.org)",
                   "<a href=\"https://example.org\">a [b] c</a>",
                   "a [b] c");
  assert_converts ("[a [b](https://b.org) c](https://a.org)",
                   "[a <a href=\"https://b.org\">b</a> c](https://a.org)",
                   "[a b c](https://a.org)");
  assert_converts ("[a](https://example.org) ]", "<a href=\"https://example.org\">a</a> ]", "a ]");
}

static void
test_markup_escaping (void)
{
  assert_markup ("<span foreground=\"red\">x</span>",
                 "&lt;span foreground=&quot;red&quot;&gt;x&lt;/span&gt;");
  assert_markup ("a & b < c", "a &amp; b &lt; c");
  assert_markup ("&amp;", "&amp;amp;");
  assert_markup ("it's \"quoted\" > 1", "it&apos;s &quot;quoted&quot; &gt; 1");
  assert_markup ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;");
  assert_markup ("]]> <![CDATA[x]]>", "]]&gt; &lt;![CDATA[x]]&gt;");
}

static void
test_markup_control_characters (void)
{
  /* g_markup_escape_text() turns these into character references. */
  assert_converts ("a\x01" "b\x1f" "c\x7f" "d\xc2\x80" "e\xc2\x9f", NULL, NULL);
  assert_converts ("*\x01*", NULL, "\x01");
  assert_converts ("\t\n\r *a\r\n*", NULL, "\t\n\r *a\r\n*");
}

static void
test_markup_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "*a*\xe2\x82",
    "\xe2\x82",
    "\xff[x](https://example.org/\xc3)\xc3",
    "*\xf0\x9f\x8c*",
    "\\\xc3",
    "[\xc0\x80](https://\xed\xa0\x80)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *bad_url = NULL;

      assert_converts (texts[i], NULL, NULL);
      soothe_markup_find_unsafe_link (texts[i], &bad_url);
      if (bad_url != NULL)
        g_assert_true (g_utf8_validate (bad_url, -1, NULL));
    }

  /* g_utf8_make_valid() gives each bad byte its own U+FFFD. */
  assert_converts ("*a*\xe2\x82", "<b>a</b>\xef\xbf\xbd\xef\xbf\xbd", "a\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_markup_to_plain (void)
{
  static const struct {
    const char *text;
    const char *plain;
  } cases[] = {
    { "Breathe *in*, hold, *out*.", "Breathe in, hold, out." },
    { "[Guide](https://example.org)", "Guide" },
    { "See [the *guide*](https://example.org).", "See the guide." },
    { "[x](javascript:alert(1))", "x" },
    { "\\*a\\* \\[b\\] \\\\", "*a* [b] \\" },
    { "a < b & c > \"d\"", "a < b & c > \"d\"" },
    { "2 * 3 * 4", "2 * 3 * 4" },
    { "[a](https://example.org", "[a](https://example.org" },
    { "Zeile 1\nZeile 2", "Zeile 1\nZeile 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = soothe_markup_to_plain (cases[i].text);

      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

static void
assert_unsafe_link (const char *text,
                    const char *expected)
{
  /* Not NULL at first, to see that a clean text clears it. */
  char *bad_url = (char *) "unset";

  if (expected == NULL)
    {
      g_assert_false (soothe_markup_find_unsafe_link (text, &bad_url));
      g_assert_null (bad_url);
    }
  else
    {
      g_assert_true (soothe_markup_find_unsafe_link (text, &bad_url));
      g_assert_cmpstr (bad_url, ==, expected);
      g_free (bad_url);
    }
}

static void
test_markup_unsafe_link (void)
{
  assert_unsafe_link (NULL, NULL);
  assert_unsafe_link ("", NULL);
  assert_unsafe_link ("no links, *just* text", NULL);
  assert_unsafe_link ("[ok](https://example.org)", NULL);
  assert_unsafe_link ("[ok](https://a.org) [ok](https://en.wikipedia.org/wiki/A_(b))", NULL);
  assert_unsafe_link ("[a](https://ok.org) [b](http://bad.org) [c](javascript:x)",
                      "http://bad.org");
  assert_unsafe_link ("[c](javascript:alert(1))", "javascript:alert(1)");
  assert_unsafe_link ("[f](file:///etc/passwd)", "file:///etc/passwd");
  assert_unsafe_link ("[d](data:text/html,x)", "data:text/html,x");
  assert_unsafe_link ("[r](page.html)", "page.html");
  assert_unsafe_link ("[e]()", "");
  assert_unsafe_link ("[s](https://example.org/a b)", "https://example.org/a b");
  assert_unsafe_link ("[u](http://example.org/\\*)", "http://example.org/*");
  /* None of these is a link, so each shows literally. */
  assert_unsafe_link ("\\[a](http://example.org)", NULL);
  assert_unsafe_link ("[a] (http://example.org)", NULL);
  assert_unsafe_link ("[](http://example.org)", NULL);
  assert_unsafe_link ("[a](http://example.org", NULL);

  /* bad_url is optional. */
  g_assert_true (soothe_markup_find_unsafe_link ("[a](http://example.org)", NULL));
  g_assert_false (soothe_markup_find_unsafe_link ("[a](https://example.org)", NULL));
}

static char *
repeat (const char *piece,
        gsize       length)
{
  GString *text = g_string_sized_new (length + strlen (piece));

  while (text->len < length)
    g_string_append (text, piece);
  g_string_truncate (text, length);

  return g_string_free (text, FALSE);
}

static void
test_markup_pathological (void)
{
  static const char * const pieces[] = {
    "[", "*", "[*", "*[", "](", "[a](", "[a]", "(", ")", "*a", "a*", "\\", "[a](https://x)*",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *text = repeat (pieces[i], 200000);
      g_autofree char *markup = soothe_markup_from_inline (text);
      g_autofree char *plain = soothe_markup_to_plain (text);
      g_autofree char *content = assert_valid_markup (markup);

      g_assert_cmpstr (content, ==, plain);
      soothe_markup_find_unsafe_link (text, NULL);
    }
}

static const char * const random_pieces[] = {
  "*", "[", "]", "(", ")", "\\", "<", ">", "&", "a", "b", " ", "h", ":", "/", "\n",
  "\"", "'", "\r", "https://",
};

static char *
random_text (void)
{
  guint length = g_test_rand_int_range (0, 48);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    {
      if (g_test_rand_int_range (0, 12) == 0)
        g_string_append_c (text, (char) g_test_rand_int_range (0x80, 0x100));
      else
        {
          guint piece = g_test_rand_int_range (0, G_N_ELEMENTS (random_pieces));

          g_string_append (text, random_pieces[piece]);
        }
    }

  return g_string_free (text, FALSE);
}

static void
test_markup_random (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *raw = random_text ();
      g_autofree char *text = g_utf8_make_valid (raw, -1);
      g_autofree char *raw_markup = NULL;
      g_autofree char *raw_plain = NULL;
      g_autofree char *normal_raw_plain = NULL;
      g_autofree char *raw_content = NULL;
      g_autofree char *bad_url = NULL;

      assert_converts (text, NULL, NULL);

      /* The same bytes before g_utf8_make_valid(); must not matter. */
      raw_markup = soothe_markup_from_inline (raw);
      raw_plain = soothe_markup_to_plain (raw);
      raw_content = assert_valid_markup (raw_markup);
      normal_raw_plain = normalize_line_ends (raw_plain);
      g_assert_cmpstr (raw_content, ==, normal_raw_plain);

      if (soothe_markup_find_unsafe_link (text, &bad_url))
        g_assert_nonnull (bad_url);
      else
        g_assert_null (bad_url);
    }
}

/* A question said back is cut at a character, never inside one. */
static void
test_text_shorten (void)
{
  g_autofree char *same = soothe_text_shorten ("knee pain", 20);
  g_autofree char *cut = soothe_text_shorten ("knee pain after running", 10);
  g_autofree char *letters = soothe_text_shorten ("ééééééééééééé", 5);

  g_assert_cmpstr (same, ==, "knee pain");
  g_assert_cmpstr (cut, ==, "knee pain…");
  g_assert_cmpstr (letters, ==, "éééé…");
  g_assert_true (soothe_text_is_blank (" \t\n "));
  g_assert_true (soothe_text_is_blank (""));
  g_assert_false (soothe_text_is_blank (" x "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/markup/plain", test_markup_plain);
  g_test_add_func ("/soothe/markup/emphasis", test_markup_emphasis);
  g_test_add_func ("/soothe/markup/unmatched-star", test_markup_unmatched_star);
  g_test_add_func ("/soothe/markup/star-with-spaces", test_markup_star_spaces);
  g_test_add_func ("/soothe/markup/escapes", test_markup_escapes);
  g_test_add_func ("/soothe/markup/link-https", test_markup_link_https);
  g_test_add_func ("/soothe/markup/link-unsafe", test_markup_link_unsafe);
  g_test_add_func ("/soothe/markup/link-emphasis", test_markup_link_emphasis);
  g_test_add_func ("/soothe/markup/link-unmatched", test_markup_link_unmatched);
  g_test_add_func ("/soothe/markup/escaping", test_markup_escaping);
  g_test_add_func ("/soothe/markup/control-characters", test_markup_control_characters);
  g_test_add_func ("/soothe/markup/invalid-utf8", test_markup_invalid_utf8);
  g_test_add_func ("/soothe/markup/to-plain", test_markup_to_plain);
  g_test_add_func ("/soothe/markup/unsafe-link", test_markup_unsafe_link);
  g_test_add_func ("/soothe/markup/pathological", test_markup_pathological);
  g_test_add_func ("/soothe/markup/random", test_markup_random);
  g_test_add_func ("/soothe/markup/text-shorten", test_text_shorten);

  return g_test_run ();
}
