/* test-json-reader.c: typed members, JSON paths and the one wording of each
 * problem, collected or stopped at the first
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "soothe-json-reader.h"
#include "test-json.h"

static void
assert_problems (GPtrArray          *problems,
                 const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (problems->len, n); i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
  g_assert_cmpuint (problems->len, ==, n);
}

static void
assert_error (GError     *error,
              const char *message)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, message);
}

/* The path follows members and elements in, and back out. */
static void
test_paths (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(SootheJsonReader) reader = { 0 };
  static const char * const expected[] = {
    "b.json: $: at the root",
    "b.json: $.situations[0].title: in a member",
    "b.json: $.situations[12].sections[3]: in an element",
    "b.json: $.situations[12].sections[3].items[0]: deeper",
    "b.json: $.situations[12].therapy.minutes: a member of a member",
    "b.json: $.situations: back out",
    "b.json: $.synonyms[4294967295]: the largest index",
    NULL
  };
  gsize situations, element, sections, items;

  soothe_json_reader_init (&reader, "b.json", problems);
  g_assert_cmpstr (soothe_json_reader_get_path (&reader), ==, "$");
  soothe_json_reader_problem (&reader, NULL, "at the root");

  situations = soothe_json_reader_enter_member (&reader, "situations");
  element = soothe_json_reader_enter_element (&reader, 0);
  soothe_json_reader_problem (&reader, "title", "in a member");
  soothe_json_reader_leave (&reader, element);

  element = soothe_json_reader_enter_element (&reader, 12);
  sections = soothe_json_reader_enter_member (&reader, "sections");
  soothe_json_reader_leave (&reader, soothe_json_reader_enter_element (&reader, 7));
  items = soothe_json_reader_enter_element (&reader, 3);
  soothe_json_reader_problem (&reader, NULL, "in an element");
  soothe_json_reader_leave (&reader, soothe_json_reader_enter_member (&reader, "items"));
  soothe_json_reader_enter_member (&reader, "items");
  soothe_json_reader_enter_element (&reader, 0);
  soothe_json_reader_problem (&reader, NULL, "deeper");
  soothe_json_reader_leave (&reader, items);
  soothe_json_reader_leave (&reader, sections);
  soothe_json_reader_problem (&reader, "therapy.minutes", "a member of a member");
  soothe_json_reader_leave (&reader, element);
  g_assert_cmpstr (soothe_json_reader_get_path (&reader), ==, "$.situations");
  soothe_json_reader_problem (&reader, NULL, "back out");
  soothe_json_reader_leave (&reader, situations);

  soothe_json_reader_enter_member (&reader, "synonyms");
  soothe_json_reader_enter_element (&reader, G_MAXUINT);
  soothe_json_reader_problem (&reader, NULL, "the largest index");

  assert_problems (problems, expected);
  g_assert_cmpuint (soothe_json_reader_get_n_problems (&reader), ==, problems->len);
}

/* Without a name, problems start with their path; a value with a line
 * break stays on one line. */
static void
test_no_name (void)
{
  g_auto(SootheJsonReader) reader = { 0 };
  g_autoptr(GError) error = NULL;

  soothe_json_reader_init (&reader, NULL, NULL);
  g_assert_cmpuint (soothe_json_reader_get_n_problems (&reader), ==, 0);
  soothe_json_reader_enter_member (&reader, "kind");
  g_assert_false (soothe_json_reader_problem (&reader, NULL, "unknown kind \"a\nb\""));
  g_assert_false (soothe_json_reader_set_error (&reader, &error));
  assert_error (error, "$.kind: unknown kind \"a\\u000Ab\"");
}

/* One wording each for a missing member, a value of the wrong kind and a
 * number out of range, in a reader that collects every problem. */
static void
test_wordings (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("{\"n\": 5, \"s\": \"x\", \"z\": null, \"b\": true, "
                                        "\"d\": 5.5, \"a\": [], \"o\": {}}");
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(SootheJsonReader) reader = { 0 };
  static const char * const expected[] = {
    "t.json: $.gone: missing member",
    "t.json: $.s: expected an integer, found a string",
    "t.json: $.n: 5 is out of range (6 to 10)",
    "t.json: $.n: 5 is out of range (-9223372036854775808 to 4)",
    "t.json: $.d: expected an integer, found a number with a fraction",
    "t.json: $.z: expected an integer, found null",
    "t.json: $.s: expected true or false, found a string",
    "t.json: $.b: expected a string, found a boolean",
    "t.json: $.a: expected an object, found an array",
    "t.json: $.o: expected an array, found an object",
    "t.json: $.n: expected a string or null, found an integer",
    "t.json: $.n: expected a number, found an integer",
    "t.json: $.d: expected an integer or null, found a number with a fraction",
    NULL
  };
  gboolean boolean = FALSE;
  gint64 value = 17;

  soothe_json_reader_init (&reader, "t.json", problems);

  g_assert_null (soothe_json_reader_get_member (&reader, root, "gone", SOOTHE_JSON_REQUIRED));
  g_assert_null (soothe_json_reader_get_member (&reader, root, "gone", SOOTHE_JSON_OPTIONAL));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "gone", SOOTHE_JSON_OPTIONAL, 0, 1,
                                               &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "s", SOOTHE_JSON_REQUIRED, 0, 10,
                                               &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "n", SOOTHE_JSON_REQUIRED, 6, 10,
                                               &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "n", SOOTHE_JSON_REQUIRED, G_MININT64,
                                               4, &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "d", SOOTHE_JSON_REQUIRED, 0, 10,
                                               &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "z", SOOTHE_JSON_REQUIRED, 0, 10,
                                               &value));
  g_assert_cmpint (value, ==, 17);
  g_assert_false (soothe_json_reader_read_boolean (&reader, root, "s", SOOTHE_JSON_REQUIRED,
                                                   &boolean));
  g_assert_null (soothe_json_reader_read_string (&reader, root, "b", SOOTHE_JSON_REQUIRED));
  g_assert_null (soothe_json_reader_read_object (&reader, root, "a", SOOTHE_JSON_REQUIRED));
  g_assert_null (soothe_json_reader_read_array (&reader, root, "o", SOOTHE_JSON_REQUIRED));
  g_assert_null (soothe_json_reader_read_member (&reader, root, "n", SOOTHE_JSON_STRING,
                                                 SOOTHE_JSON_NULLABLE));
  g_assert_false (soothe_json_reader_check_kind (&reader, soothe_json_node_get_member (root, "n"),
                                                 "n", SOOTHE_JSON_DOUBLE, SOOTHE_JSON_REQUIRED));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "d", SOOTHE_JSON_NULLABLE, 0, 10,
                                               &value));

  assert_problems (problems, expected);
}

/* What reads well comes back; null where it is allowed is no problem. */
static void
test_values (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("{\"n\": 5, \"s\": \"x\", \"z\": null, \"b\": true, "
                                        "\"a\": [1], \"o\": {\"p\": 2}}");
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);
  g_auto(SootheJsonReader) reader = { 0 };
  const SootheJsonNode *node;
  gboolean boolean = FALSE;
  gint64 value = 0;

  soothe_json_reader_init (&reader, NULL, NULL);

  g_assert_true (soothe_json_reader_read_int (&reader, root, "n", SOOTHE_JSON_REQUIRED, 5, 5,
                                              &value));
  g_assert_cmpint (value, ==, 5);
  g_assert_true (soothe_json_reader_read_boolean (&reader, root, "b", SOOTHE_JSON_REQUIRED,
                                                  &boolean));
  g_assert_true (boolean);
  g_assert_cmpstr (soothe_json_reader_read_string (&reader, root, "s", SOOTHE_JSON_REQUIRED), ==,
                   "x");
  node = soothe_json_reader_read_array (&reader, root, "a", SOOTHE_JSON_REQUIRED);
  g_assert_cmpuint (soothe_json_node_get_size (node), ==, 1);
  node = soothe_json_reader_read_object (&reader, root, "o", SOOTHE_JSON_OPTIONAL);
  g_assert_nonnull (soothe_json_node_get_member (node, "p"));

  /* Null, where allowed: the node itself, or nothing from a typed read. */
  node = soothe_json_reader_read_member (&reader, root, "z", SOOTHE_JSON_STRING,
                                         SOOTHE_JSON_NULLABLE);
  g_assert_cmpint (soothe_json_node_get_kind (node), ==, SOOTHE_JSON_NULL);
  value = 17;
  g_assert_false (soothe_json_reader_read_int (&reader, root, "z", SOOTHE_JSON_NULLABLE, 0, 10,
                                               &value));
  g_assert_cmpint (value, ==, 17);
  g_assert_null (soothe_json_reader_read_string (&reader, root, "z", SOOTHE_JSON_NULLABLE));
  g_assert_null (soothe_json_reader_read_object (&reader, root, "gone", SOOTHE_JSON_OPTIONAL));

  g_assert_cmpuint (soothe_json_reader_get_n_problems (&reader), ==, 0);
}

/* A reader that stops at the first problem hands it on as a GError. */
static void
test_first_problem_to_error (void)
{
  g_autoptr(SootheJsonDoc) doc = test_json_parse ("{\"n\": 5, \"s\": \"x\"}");
  const SootheJsonNode *root = soothe_json_doc_get_root (doc);
  g_auto(SootheJsonReader) reader = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 value;

  soothe_json_reader_init (&reader, NULL, NULL);
  soothe_json_reader_enter_member (&reader, "x");
  g_assert_false (soothe_json_reader_read_int (&reader, root, "s", SOOTHE_JSON_REQUIRED, 0, 1,
                                               &value));
  g_assert_false (soothe_json_reader_read_int (&reader, root, "n", SOOTHE_JSON_REQUIRED, 0, 1,
                                               &value));
  g_assert_cmpuint (soothe_json_reader_get_n_problems (&reader), ==, 2);
  g_assert_false (soothe_json_reader_set_error (&reader, &error));
  assert_error (error, "$.x.s: expected an integer, found a string");

  /* With a list of the caller's, problems already in it come first. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_auto(SootheJsonReader) other = { 0 };
    g_autoptr(GError) other_error = NULL;

    g_ptr_array_add (problems, g_strdup ("earlier"));
    soothe_json_reader_init (&other, NULL, problems);
    soothe_json_reader_problem (&other, "n", "later");
    g_assert_cmpuint (soothe_json_reader_get_n_problems (&other), ==, 2);
    soothe_json_reader_set_error (&other, &other_error);
    assert_error (other_error, "earlier");
  }
}

static void
test_format (void)
{
  static const struct {
    const char *text;
    const char *problem;
  } cases[] = {
    { "{\"format\": 1}", NULL },
    { "{}", "$.format: missing member" },
    { "{\"format\": \"1\"}", "$.format: expected an integer, found a string" },
    { "{\"format\": 2}", "$.format: unsupported format 2 (this Soothe reads format 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SootheJsonDoc) doc = test_json_parse (cases[i].text);
      g_auto(SootheJsonReader) reader = { 0 };
      g_autoptr(GError) error = NULL;

      soothe_json_reader_init (&reader, NULL, NULL);
      if (soothe_json_reader_read_format (&reader, soothe_json_doc_get_root (doc), 1))
        {
          g_assert_null (cases[i].problem);
          continue;
        }
      soothe_json_reader_set_error (&reader, &error);
      assert_error (error, cases[i].problem);
    }
}

static void
test_parse_saved (void)
{
  static const struct {
    const char *text;
    const char *problem;
  } cases[] = {
    { "{\"format\": 3}", NULL },
    { "", "file is empty" },
    { "{\"format\": 3", "1:13: expected ',' or '}', found the end of the file" },
    { "[]", "$: expected an object, found an array" },
    { "{\"format\": 1}", "$.format: unsupported format 1 (this Soothe reads format 3)" },
    { "{\"format\": 3,          \"x\": 1}", "too large for a test (30 bytes, at most 29)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SootheJsonReader) reader = { 0 };
      g_autoptr(SootheJsonDoc) doc = NULL;
      g_autoptr(GError) error = NULL;

      soothe_json_reader_init (&reader, NULL, NULL);
      doc = soothe_json_reader_parse_saved (&reader, cases[i].text, strlen (cases[i].text), 29,
                                            "a test", 3);
      if (cases[i].problem == NULL)
        {
          g_assert_nonnull (doc);
          g_assert_cmpuint (soothe_json_reader_get_n_problems (&reader), ==, 0);
          continue;
        }
      g_assert_null (doc);
      soothe_json_reader_set_error (&reader, &error);
      assert_error (error, cases[i].problem);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/json-reader/paths", test_paths);
  g_test_add_func ("/soothe/json-reader/no-name", test_no_name);
  g_test_add_func ("/soothe/json-reader/wordings", test_wordings);
  g_test_add_func ("/soothe/json-reader/values", test_values);
  g_test_add_func ("/soothe/json-reader/first-problem-to-error", test_first_problem_to_error);
  g_test_add_func ("/soothe/json-reader/format", test_format);
  g_test_add_func ("/soothe/json-reader/parse-saved", test_parse_saved);

  return g_test_run ();
}
