/* test-json.c: the strict parser's document: lookups, order, numbers, limits
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "soothe-json.h"
#include "test-json.h"

/* Parses @text, which must be refused, and returns its one problem. */
static char *
parse_problem (const char *text,
               gsize       length)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(SootheJsonDoc) doc = soothe_json_parse (bytes, "test.json", problems);

  g_assert_null (doc);
  g_assert_cmpuint (problems->len, ==, 1);
  return g_strdup (g_ptr_array_index (problems, 0));
}

static void
assert_problem (const char *text,
                const char *expected)
{
  g_autofree char *problem = parse_problem (text, strlen (text));

  g_assert_cmpstr (problem, ==, expected);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Writes @node back as compact JSON, walking members and elements in order. */
static void
append_node (GString              *out,
             const SootheJsonNode *node)
{
  const SootheJsonNode *child;
  guint n = 0;

  switch (soothe_json_node_get_kind (node))
    {
    case SOOTHE_JSON_NULL:
      g_string_append (out, "null");
      break;
    case SOOTHE_JSON_BOOLEAN:
      g_string_append (out, soothe_json_node_get_boolean (node) ? "true" : "false");
      break;
    case SOOTHE_JSON_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, soothe_json_node_get_int (node));
      break;
    case SOOTHE_JSON_DOUBLE:
      g_string_append_printf (out, "%gd", soothe_json_node_get_double (node));
      break;
    case SOOTHE_JSON_STRING:
      append_string (out, soothe_json_node_get_string (node));
      break;
    case SOOTHE_JSON_ARRAY:
    case SOOTHE_JSON_OBJECT:
    default:
      g_string_append_c (out, soothe_json_node_get_kind (node) == SOOTHE_JSON_ARRAY ? '[' : '{');
      for (child = soothe_json_node_get_first (node); child != NULL;
           child = soothe_json_node_get_next (child), n++)
        {
          if (n > 0)
            g_string_append_c (out, ',');
          if (soothe_json_node_get_kind (node) == SOOTHE_JSON_OBJECT)
            {
              append_string (out, soothe_json_node_get_name (child));
              g_string_append_c (out, ':');
            }
          else
            {
              g_assert_null (soothe_json_node_get_name (child));
            }
          append_node (out, child);
        }
      g_assert_cmpuint (n, ==, soothe_json_node_get_size (node));
      g_string_append_c (out, soothe_json_node_get_kind (node) == SOOTHE_JSON_ARRAY ? ']' : '}');
      break;
    }
}

/* Parses @text and checks what it reads back as; doubles carry a "d". */
static void
assert_reads_as (const char *text,
                 const char *expected)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse (text);
  g_autoptr(GString) out = g_string_new (NULL);
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);

  g_assert_null (soothe_json_node_get_name (root));
  g_assert_null (soothe_json_node_get_next (root));
  append_node (out, root);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_order (void)
{
  /* Members stay in document order, not in any hash order; a nested
   * container is stepped over as a whole. */
  assert_reads_as ("{\"zeta\": 1, \"alpha\": [2, {\"x\": [], \"y\": {}}, [[3]]], "
                   "\"mid\": {\"b\": true, \"a\": false}, \"last\": null}",
                   "{\"zeta\":1,\"alpha\":[2,{\"x\":[],\"y\":{}},[[3]]],\"mid\":{\"b\":true,"
                   "\"a\":false},\"last\":null}");
  assert_reads_as ("[[], {}, [[]], [{}], \"\"]", "[[],{},[[]],[{}],\"\"]");
  assert_reads_as (" \"just a string\" ", "\"just a string\"");
  assert_reads_as ("7", "7");
  assert_reads_as ("[]", "[]");
  assert_reads_as ("{}", "{}");
}

static void
test_lookup (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("{\"id\": \"knee\", \"steps\": [\"a\", \"b\"], "
                                        "\"inner\": {\"id\": \"not this one\"}, "
                                        "\"pregnancy\": false, \"\": \"empty name\", \"i\": 1}");
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);
  const SootheJsonNode *steps;
  const SootheJsonNode *node;

  g_assert_cmpint (soothe_json_node_get_kind (root), ==, SOOTHE_JSON_OBJECT);
  g_assert_cmpuint (soothe_json_node_get_size (root), ==, 6);

  node = soothe_json_node_get_member (root, "id");
  g_assert_nonnull (node);
  g_assert_cmpstr (soothe_json_node_get_name (node), ==, "id");
  g_assert_cmpstr (soothe_json_node_get_string (node), ==, "knee");

  steps = soothe_json_node_get_member (root, "steps");
  g_assert_cmpint (soothe_json_node_get_kind (steps), ==, SOOTHE_JSON_ARRAY);
  g_assert_cmpuint (soothe_json_node_get_size (steps), ==, 2);
  node = soothe_json_node_get_first (steps);
  g_assert_cmpstr (soothe_json_node_get_string (node), ==, "a");
  node = soothe_json_node_get_next (node);
  g_assert_cmpstr (soothe_json_node_get_string (node), ==, "b");
  g_assert_null (soothe_json_node_get_next (node));

  /* A member of a nested object is not a member of the outer one. */
  node = soothe_json_node_get_member (root, "inner");
  g_assert_cmpstr (soothe_json_node_get_string (soothe_json_node_get_member (node, "id")), ==,
                   "not this one");
  g_assert_null (soothe_json_node_get_member (node, "steps"));

  node = soothe_json_node_get_member (root, "pregnancy");
  g_assert_cmpint (soothe_json_node_get_kind (node), ==, SOOTHE_JSON_BOOLEAN);
  g_assert_false (soothe_json_node_get_boolean (node));
  g_assert_cmpstr (soothe_json_node_get_string (soothe_json_node_get_member (root, "")), ==,
                   "empty name");
  g_assert_cmpint (soothe_json_node_get_int (soothe_json_node_get_member (root, "i")), ==, 1);

  /* No prefix matches, no missing members. */
  g_assert_null (soothe_json_node_get_member (root, "ste"));
  g_assert_null (soothe_json_node_get_member (root, "stepss"));
  g_assert_null (soothe_json_node_get_member (root, "ID"));
  g_assert_null (soothe_json_node_get_member (root, "a"));
}

static void
test_empty_containers (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("{\"a\": [], \"o\": {}, \"after\": 1}");
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);
  const SootheJsonNode *array = soothe_json_node_get_member (root, "a");
  const SootheJsonNode *object = soothe_json_node_get_member (root, "o");

  g_assert_cmpuint (soothe_json_node_get_size (array), ==, 0);
  g_assert_null (soothe_json_node_get_first (array));
  g_assert_cmpuint (soothe_json_node_get_size (object), ==, 0);
  g_assert_null (soothe_json_node_get_first (object));
  g_assert_null (soothe_json_node_get_member (object, "after"));
  g_assert_cmpint (soothe_json_node_get_int (soothe_json_node_get_next (object)), ==, 1);
}

static void
test_strings (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("[\"plain\", \"\", \"tab\\there\", \"\\\"q\\\" \\\\ \\/\","
                                        " \"\\b\\f\\n\\r\", \"\\u00e9t\\u00C9\","
                                        " \"\\ud83d\\ude00!\", \"caf\xC3\xA9\", \"\\u20ac\"]");
  static const char * const expected[] = {
    "plain", "", "tab\there", "\"q\" \\ /", "\b\f\n\r", "\xC3\xA9t\xC3\x89", "\xF0\x9F\x98\x80!",
    "caf\xC3\xA9", "\xE2\x82\xAC",
  };
  const SootheJsonNode *node = soothe_json_node_get_first (soothe_json_doc_get_root (doc));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, node = soothe_json_node_get_next (node))
    {
      g_assert_cmpint (soothe_json_node_get_kind (node), ==, SOOTHE_JSON_STRING);
      g_assert_cmpstr (soothe_json_node_get_string (node), ==, expected[i]);
    }
  g_assert_null (node);

  /* Member names have their escapes resolved too. */
  g_clear_pointer (&doc, soothe_json_doc_free);
  doc = test_json_parse ("{\"\\u0074itle\\n\": 1}");
  g_assert_nonnull (soothe_json_node_get_member (soothe_json_doc_get_root (doc), "title\n"));
}

/* Strings are unescaped into one block as long as the document: these fill
 * as much of it as a document can. (AddressSanitizer and valgrind see an
 * overrun; here the values must come back whole.) */
static void
test_strings_fill_their_block (void)
{
  const guint n = 5000;
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GString) escaped = g_string_new ("\"");
  g_autoptr(GString) unescaped = g_string_new (NULL);
  g_autoptr(SootheJsonDoc) doc = NULL;
  const SootheJsonNode *node;

  /* Empty strings: two bytes written, one (the NUL) kept. */
  for (guint i = 0; i < n; i++)
    g_string_append (text, i == 0 ? "\"\"" : ",\"\"");
  g_string_append_c (text, ']');
  doc = test_json_parse (text->str);
  g_assert_cmpuint (soothe_json_node_get_size (soothe_json_doc_get_root (doc)), ==, n);
  for (node = soothe_json_node_get_first (soothe_json_doc_get_root (doc)); node != NULL;
       node = soothe_json_node_get_next (node))
    g_assert_cmpstr (soothe_json_node_get_string (node), ==, "");
  g_clear_pointer (&doc, soothe_json_doc_free);

  /* A whole document of one string, its escapes as long as they come. */
  for (guint i = 0; i < n; i++)
    {
      g_string_append (escaped, "\\u07FF\\uD83D\\uDE00\\\"");
      g_string_append (unescaped, "\xDF\xBF\xF0\x9F\x98\x80\"");
    }
  g_string_append_c (escaped, '"');
  doc = test_json_parse (escaped->str);
  g_assert_cmpstr (soothe_json_node_get_string (soothe_json_doc_get_root (doc)), ==,
                   unescaped->str);
  g_clear_pointer (&doc, soothe_json_doc_free);

  doc = test_json_parse ("\"\"");
  g_assert_cmpstr (soothe_json_node_get_string (soothe_json_doc_get_root (doc)), ==, "");
  g_clear_pointer (&doc, soothe_json_doc_free);

  doc = test_json_parse ("{\"\":\"\"}");
  g_assert_cmpstr (soothe_json_node_get_string (soothe_json_node_get_member (
                     soothe_json_doc_get_root (doc), "")), ==, "");
}

static void
test_numbers (void)
{
  assert_reads_as ("[0, -0, 1, -1, 42, 9223372036854775807, -9223372036854775808]",
                   "[0,0,1,-1,42,9223372036854775807,-9223372036854775808]");
  /* A fraction or an exponent makes a double, as json-glib reads them. */
  assert_reads_as ("[1.5, -0.25, 1e3, 1E+2, 2e-1, 10.0, 0.0, 1.7976931348623157e308]",
                   "[1.5d,-0.25d,1000d,100d,0.2d,10d,0d,1.79769e+308d]");

  {
    g_autoptr(SootheJsonDoc) doc = test_json_parse ("[3, 2.5]");
    const SootheJsonNode *three = soothe_json_node_get_first (soothe_json_doc_get_root (doc));

    g_assert_cmpint (soothe_json_node_get_kind (three), ==, SOOTHE_JSON_INT);
    g_assert_cmpfloat (soothe_json_node_get_double (three), ==, 3.0);
    g_assert_cmpfloat (soothe_json_node_get_double (soothe_json_node_get_next (three)), ==, 2.5);
  }

  assert_problem ("[9223372036854775808]",
                  "test.json:1:2: number 9223372036854775808 is out of range");
  assert_problem ("[-9223372036854775809]",
                  "test.json:1:2: number -9223372036854775809 is out of range");
  assert_problem ("{\"a\": 1e400}", "test.json:1:7: number 1e400 is out of range");
  assert_problem ("[01]", "test.json:1:2: invalid number \"01\"");
  assert_problem ("[1.]", "test.json:1:2: invalid number \"1.\"");
  assert_problem ("[.5]", "test.json:1:2: expected a value or ']', found '.'");
  assert_problem ("[+1]", "test.json:1:2: expected a value or ']', found '+'");
  assert_problem ("[-]", "test.json:1:2: invalid number \"-\"");
  assert_problem ("[1e]", "test.json:1:2: invalid number \"1e\"");
  assert_problem ("[0x1F]", "test.json:1:2: invalid number \"0x1F\"");
  assert_problem ("[tru]", "test.json:1:2: expected a value, found \"tru\"");
  assert_problem ("[nulls]", "test.json:1:2: expected a value, found \"nulls\"");
}

/* Names are compared with their escapes resolved. */
static void
test_duplicate_after_escapes (void)
{
  assert_problem ("{\"title\":1,\"\\u0074itle\":2}",
                  "test.json:1:12: duplicate member \"\\u0074itle\"");
  assert_problem ("{\"a/b\": 1,\n  \"a\\/b\": 2}",
                  "test.json:2:3: duplicate member \"a\\/b\"");
  assert_problem ("{\"\\u00e9\": 1, \"\xC3\xA9\": 2}",
                  "test.json:1:15: duplicate member \"\xC3\xA9\"");
  assert_problem ("{\"\": 1, \"\": 2}", "test.json:1:9: duplicate member \"\"");
  /* One object's names say nothing about another's. */
  assert_reads_as ("{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 2}, {\"a\": 3}]}",
                   "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":2},{\"a\":3}]}");
}

/* Writes an object with members "m0" to "m<n-1>" (values their numbers)
 * followed by @extra, which may add members. */
static char *
big_object (guint       n,
            const char *extra)
{
  GString *text = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"m%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append (text, extra);
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/* A big object hashes its names: searching them one by one for 200,000
 * members would take about 2 * 10^10 comparisons, past the test's time limit. */
static void
test_big_object (void)
{
  const guint n = 200000;
  g_autofree char *text = big_object (n, "");
  g_autoptr(SootheJsonDoc) doc = NULL;
  const SootheJsonNode *root;
  const SootheJsonNode *node;
  guint i = 0;

  g_test_timer_start ();
  doc = test_json_parse (text);
  g_test_message ("%u members in %.3f s", n, g_test_timer_elapsed ());

  root = soothe_json_doc_get_root (doc);
  g_assert_cmpuint (soothe_json_node_get_size (root), ==, n);
  for (node = soothe_json_node_get_first (root); node != NULL;
       node = soothe_json_node_get_next (node))
    {
      g_autofree char *name = g_strdup_printf ("m%u", i);

      g_assert_cmpstr (soothe_json_node_get_name (node), ==, name);
      g_assert_cmpint (soothe_json_node_get_int (node), ==, i);
      i++;
    }
  g_assert_cmpuint (i, ==, n);
  node = soothe_json_node_get_member (root, "m199999");
  g_assert_cmpint (soothe_json_node_get_int (node), ==, 199999);
  g_assert_null (soothe_json_node_get_member (root, "m200000"));
}

/* Duplicates are found whether the names are searched or hashed: in an
 * object with few members, one with many, and across the change. */
static void
test_duplicate_in_big_object (void)
{
  static const struct {
    guint       n;
    const char *extra;
    const char *at;
  } cases[] = {
    { 15, ", \"m14\": 0", "\"m14\"" },
    { 16, ", \"m15\": 0", "\"m15\"" },
    { 16, ", \"m0\": 0", "\"m0\"" },
    { 17, ", \"m16\": 0", "\"m16\"" },
    { 1000, ", \"m3\": 0", "\"m3\"" },
    { 1000, ", \"x\": 0, \"x\": 1", "\"x\": 1" },
    { 1000, ", \"\\u006d999\": 0", "\"\\u006d999\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = big_object (cases[i].n, cases[i].extra);
      g_autofree char *problem = parse_problem (text, strlen (text));
      const char *at = g_strrstr (text, cases[i].at);
      g_autofree char *name = g_strndup (at, strchr (at + 1, '"') + 1 - at);
      g_autofree char *expected = g_strdup_printf ("test.json:1:%ld: duplicate member %s",
                                                   (long) (at - text + 1), name);

      g_assert_cmpstr (problem, ==, expected);
    }

  /* A hashed object closes; the next object at its depth starts afresh. */
  {
    g_autofree char *first = big_object (100, "");
    g_autofree char *text = g_strdup_printf ("[%s, {\"m5\": 1}, {\"m5\": 1, \"m5\": 2}]", first);
    g_autofree char *problem = parse_problem (text, strlen (text));
    g_autofree char *expected = g_strdup_printf ("test.json:1:%ld: duplicate member \"m5\"",
                                                 (long) strlen (text) - 8);

    g_assert_cmpstr (problem, ==, expected);
  }
}

/* Enough values that the node array grows many times over, each read back
 * where it belongs. */
static void
test_many_values (void)
{
  const guint n = 100000;
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(SootheJsonDoc) doc = NULL;
  const SootheJsonNode *node;
  guint i = 0;

  for (guint k = 0; k < n; k++)
    g_string_append_printf (text, "%s%u,\"%u\",{\"v\":[%u]}", k > 0 ? "," : "", k, k, k);
  g_string_append_c (text, ']');
  doc = test_json_parse (text->str);

  g_assert_cmpuint (soothe_json_node_get_size (soothe_json_doc_get_root (doc)), ==, 3 * n);
  for (node = soothe_json_node_get_first (soothe_json_doc_get_root (doc)); node != NULL;
       node = soothe_json_node_get_next (node))
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const SootheJsonNode *v;

      g_assert_cmpint (soothe_json_node_get_int (node), ==, i);
      node = soothe_json_node_get_next (node);
      g_assert_cmpstr (soothe_json_node_get_string (node), ==, number);
      node = soothe_json_node_get_next (node);
      v = soothe_json_node_get_member (node, "v");
      g_assert_cmpint (soothe_json_node_get_int (soothe_json_node_get_first (v)), ==, i);
      i++;
    }
  g_assert_cmpuint (i, ==, n);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) arrays = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(SootheJsonDoc) doc = NULL;
  g_autofree char *problem = NULL;
  const SootheJsonNode *node;

  /* Exactly the limit: 64 levels. */
  for (guint i = 0; i < SOOTHE_JSON_MAX_DEPTH; i++)
    g_string_append (objects, "{\"a\": ");
  g_string_append (objects, "\"deep\"");
  for (guint i = 0; i < SOOTHE_JSON_MAX_DEPTH; i++)
    g_string_append_printf (objects, ", \"b\": %u}", i);
  doc = test_json_parse (objects->str);
  node = soothe_json_doc_get_root (doc);
  for (guint i = 0; i < SOOTHE_JSON_MAX_DEPTH; i++)
    {
      g_assert_cmpuint (soothe_json_node_get_size (node), ==, 2);
      g_assert_cmpint (soothe_json_node_get_int (soothe_json_node_get_member (node, "b")), ==,
                       SOOTHE_JSON_MAX_DEPTH - 1 - i);
      node = soothe_json_node_get_member (node, "a");
    }
  g_assert_cmpstr (soothe_json_node_get_string (node), ==, "deep");
  g_clear_pointer (&doc, soothe_json_doc_free);

  for (guint i = 0; i < SOOTHE_JSON_MAX_DEPTH; i++)
    g_string_append_c (arrays, '[');
  for (guint i = 0; i < SOOTHE_JSON_MAX_DEPTH; i++)
    g_string_append_c (arrays, ']');
  doc = test_json_parse (arrays->str);
  node = soothe_json_doc_get_root (doc);
  for (guint i = 1; i < SOOTHE_JSON_MAX_DEPTH; i++)
    node = soothe_json_node_get_first (node);
  g_assert_cmpuint (soothe_json_node_get_size (node), ==, 0);
  g_string_truncate (arrays, 0);

  /* One more is refused where it opens, however deep the rest goes. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (arrays, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (arrays, ']');
  problem = parse_problem (arrays->str, arrays->len);
  g_assert_cmpstr (problem, ==, "test.json:1:65: nesting deeper than 64 levels");
}

static void
test_byte_order_mark (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("\xEF\xBB\xBF{\"a\": 1}");
  g_autofree char *only_mark = parse_problem ("\xEF\xBB\xBF \n", 5);
  g_autofree char *twice = parse_problem ("\xEF\xBB\xBF\xEF\xBB\xBF{}", 8);

  g_assert_cmpint (soothe_json_node_get_int (soothe_json_node_get_member (
                     soothe_json_doc_get_root (doc), "a")), ==, 1);
  g_assert_cmpstr (only_mark, ==, "test.json: file is empty");
  g_assert_cmpstr (twice, ==, "test.json:1:1: expected a value, found U+FEFF");
  assert_problem ("{} {}", "test.json:1:4: unexpected '{' after the end of the document");
}

/* Without a name, a problem starts with its place; a line of a file of
 * documents, one a line, is placed at its own line number. */
static void
test_no_name_and_lines (void)
{
  static const struct {
    const char *text;
    const char *name;
    guint       number;
    const char *problem;
  } cases[] = {
    { "{\"a\": }", NULL, 1, "1:7: expected a value, found '}'" },
    { "", NULL, 1, "file is empty" },
    { "{\"a\": }", "h.jsonl", 12, "h.jsonl:12:7: expected a value, found '}'" },
    { "{\"a\": }", NULL, 12, "12:7: expected a value, found '}'" },
    { "\xff", "h.jsonl", 3, "h.jsonl:3:1: invalid UTF-8" },
    { " ", "h.jsonl", 3, "h.jsonl: file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, strlen (cases[i].text));
      g_autoptr(SootheJsonDoc) doc = NULL;

      if (cases[i].number == 1)
        doc = soothe_json_parse (bytes, cases[i].name, problems);
      else
        doc = soothe_json_parse_line (bytes, cases[i].name, cases[i].number, problems);
      g_assert_null (doc);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, cases[i].problem);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/json/order", test_order);
  g_test_add_func ("/soothe/json/lookup", test_lookup);
  g_test_add_func ("/soothe/json/empty-containers", test_empty_containers);
  g_test_add_func ("/soothe/json/strings", test_strings);
  g_test_add_func ("/soothe/json/strings-fill-their-block", test_strings_fill_their_block);
  g_test_add_func ("/soothe/json/numbers", test_numbers);
  g_test_add_func ("/soothe/json/duplicate-after-escapes", test_duplicate_after_escapes);
  g_test_add_func ("/soothe/json/big-object", test_big_object);
  g_test_add_func ("/soothe/json/duplicate-in-big-object", test_duplicate_in_big_object);
  g_test_add_func ("/soothe/json/many-values", test_many_values);
  g_test_add_func ("/soothe/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/soothe/json/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/soothe/json/no-name-and-lines", test_no_name_and_lines);

  return g_test_run ();
}
