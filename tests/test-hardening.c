/* test-hardening.c: bad input the bundle loader and the inline text converter
 * must survive, beyond the bad bundles of test-bundle.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "soothe-content.h"
#include "soothe-json.h"
#include "soothe-markup.h"
#include "test-files.h"

/* Helpers ---------------------------------------------------------------- */

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

static GBytes *
read_source_file (const char *first,
                  ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  path = g_build_filenamev ((char **) parts->pdata);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GBytes *
read_builtin_source (void)
{
  return read_source_file ("..", "data", "content", "en.json", NULL);
}

/* Compares whole lists, so a failure shows every line on both sides. An
 * expected line that ends in "…" need only start the actual one. */
static void
assert_problems (GPtrArray          *problems,
                 const char         *name,
                 const char * const *expected)
{
  g_autoptr(GString) wanted = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s%s%s", name, expected[i][0] == ':' ? "" : ": ",
                                               expected[i]);
      const char *got = i < problems->len ? g_ptr_array_index (problems, i) : "";

      if (g_str_has_suffix (line, "…"))
        {
          line[strlen (line) - strlen ("…")] = '\0';
          if (g_str_has_prefix (got, line))
            g_string_append_printf (wanted, "%s\n", got);
          else
            g_string_append_printf (wanted, "%s…\n", line);
        }
      else
        {
          g_string_append_printf (wanted, "%s\n", line);
        }
    }
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (actual, "%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpstr (actual->str, ==, wanted->str);
}

/* Loads @bytes as a user bundle over the built-in content. */
static gboolean
load_user (GBytes     *bytes,
           const char *name,
           GPtrArray  *problems)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();

  return soothe_content_load_bytes (content, bytes, name, SOOTHE_BUNDLE_USER, problems);
}

/* What GMarkup makes of some Pango markup: its text, with only <b> and
 * <a href="https://…"> allowed. */
typedef struct {
  GString *text;
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

  if (g_str_equal (element, "root") || g_str_equal (element, "b"))
    {
      g_assert_null (names[0]);
    }
  else if (g_str_equal (element, "a"))
    {
      g_assert_cmpstr (names[0], ==, "href");
      g_assert_null (names[1]);
      g_assert_true (g_str_has_prefix (values[0], "https://"));
      parsed->n_links++;
    }
  else
    {
      g_error ("unexpected element <%s>", element);
    }
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

static const GMarkupParser markup_parser = { start_element_cb, NULL, text_cb, NULL, NULL };

/* Converts @text as the window does, checks the markup and returns its text,
 * which is what a person sees. */
static char *
shown_text (const char *text,
            guint      *n_links)
{
  g_autofree char *markup = soothe_markup_from_inline (text);
  g_autofree char *plain = soothe_markup_to_plain (text);
  g_autofree char *wrapped = g_strconcat ("<root>", markup, "</root>", NULL);
  Parsed parsed = { g_string_new (NULL), 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&markup_parser, 0,
                                                                       &parsed, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("markup for “%s” does not parse: %s\n%s", text, error->message, markup);
  g_assert_cmpstr (parsed.text->str, ==, plain);
  if (n_links != NULL)
    *n_links = parsed.n_links;
  return g_string_free (parsed.text, FALSE);
}

/* Sets the string at @path ("situations/0/title") in a JSON document. */
static char *
with_string (const char *json,
             const char *path,
             const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  g_assert_nonnull (root);
  for (guint i = 0; i + 1 < n; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }
  if (g_ascii_isdigit (parts[n - 1][0]))
    {
      JsonArray *array = json_node_get_array (node);
      JsonNode *element = json_array_get_element (array, atoi (parts[n - 1]));

      json_node_set_string (element, value);
    }
  else
    {
      json_object_set_string_member (json_node_get_object (node), parts[n - 1], value);
    }
  return json_to_string (root, FALSE);
}

/* "situations/0/items/1" as the loader names it: "$.situations[0].items[1]" */
static char *
json_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GString *out = g_string_new ("$");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        g_string_append_printf (out, "[%s]", parts[i]);
      else
        g_string_append_printf (out, ".%s", parts[i]);
    }
  return g_string_free (out, FALSE);
}

/* A user bundle with one of everything that holds text. */
static const char user_template[] =
  "{\"format\": 1,"
  " \"areas\": [{\"id\": \"ankles\", \"title\": \"Feet\"}],"
  " \"stretches\": [{\"id\": \"toe-curls\", \"name\": \"Toe curls\", \"summary\": \"Small muscles.\","
  "   \"steps\": [\"Sit.\", \"Curl your toes.\"], \"hold_seconds\": 10, \"repetitions\": 5,"
  "   \"cautions\": [\"Stop if it hurts.\"], \"pregnancy_safe\": true}],"
  " \"situations\": [{\"id\": \"heel-spur\", \"title\": \"Heel pain\", \"area\": \"ankles\","
  "   \"summary\": \"Sore heels.\", \"keywords\": [\"heel\"],"
  "   \"sections\": [{\"heading\": \"Ease it\", \"items\": [\"Rest.\", \"Ice it.\"]}],"
  "   \"get_help\": {\"emergency\": [\"Chest pain\"], \"urgent\": [\"A fever\"]},"
  "   \"therapy\": {\"kind\": \"cold\", \"minutes\": 15, \"reason\": \"Cold eases it.\"},"
  "   \"stretches\": [\"toe-curls\"],"
  "   \"sources\": [{\"name\": \"NHS\", \"url\": \"https://www.nhs.uk/\"}]}]}";

/* Every field of a user bundle that is inline text, shown as markup. */
static const char * const user_text_fields[] = {
  "areas/0/title",
  "stretches/0/name",
  "stretches/0/summary",
  "stretches/0/steps/1",
  "stretches/0/cautions/0",
  "situations/0/title",
  "situations/0/summary",
  "situations/0/sections/0/heading",
  "situations/0/sections/0/items/1",
  "situations/0/get_help/emergency/0",
  "situations/0/get_help/urgent/0",
  "situations/0/therapy/reason",
};

/* The same for the parts only a base bundle has. */
static const char * const base_text_fields[] = {
  "disclaimer",
  "therapies/cold/title",
  "therapies/cold/in_sentence",
  "therapies/cold/safety/2",
  "therapies/heat/title",
  "therapies/contrast/safety/0",
};

/* Size: checked before anything is read ---------------------------------- */

static gint64
bytes_read_so_far (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  /* rchar counts what read() returned; minor faults count mapped pages touched. */
  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) ||
      (rchar = strstr (io, "rchar: ")) == NULL)
    return -1;
  return g_ascii_strtoll (rchar + strlen ("rchar: "), NULL, 10);
}

static glong
pages_touched_so_far (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_minflt + usage.ru_majflt;
}

static void
test_hundred_megabytes (void)
{
  const gsize size = 100 * 1024 * 1024;
  g_autofree char *dir = test_dir_new ("soothe-test-hardening");
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: file is too large (104857600 bytes, at most %d)",
                                               path, SOOTHE_JSON_MAX_BYTES);
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(GPtrArray) problems = problems_new ();
  SootheSkippedBundle *skipped;
  gint64 read_before;
  glong touched_before;
  gint64 started;
  int fd;

  /* 100 MB that start like a bundle; sparse, so they take no room on disk. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{\"format\": 1, \"situations\": [", 29), ==, 29);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  read_before = bytes_read_so_far ();
  touched_before = pages_touched_so_far ();
  started = g_get_monotonic_time ();

  g_assert_false (soothe_content_check_file (path, problems));
  soothe_content_load_user_bundles (content, dir);

  /* Reading 100 MB would take 25600 pages or 100 MB of read(). */
  if (read_before >= 0)
    g_assert_cmpint (bytes_read_so_far () - read_before, <, 1024 * 1024);
  g_assert_cmpint (pages_touched_so_far () - touched_before, <, 2000);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, expected);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 1);
  skipped = g_ptr_array_index (soothe_content_get_skipped (content), 0);
  g_assert_cmpstr (skipped->path, ==, path);
  g_assert_cmpstr (skipped->problems[0], ==, expected);
  g_assert_null (skipped->problems[1]);
  g_assert_nonnull (soothe_content_lookup_situation (content, "knee-pain"));

  test_dir_remove (dir);
}

/* The same 100 MB handed over as bytes, mapped, never touched. */
static void
test_hundred_megabytes_bytes (void)
{
  const gsize size = 100 * 1024 * 1024;
  g_autofree char *dir = test_dir_new ("soothe-test-hardening");
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  glong touched_before;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);

  touched_before = pages_touched_so_far ();
  g_assert_false (soothe_content_load_bytes (content, bytes, "huge.json", SOOTHE_BUNDLE_BASE,
                                             problems));
  g_assert_cmpint (pages_touched_so_far () - touched_before, <, 2000);
  assert_problems (problems, "huge.json",
                   (const char * const[]) { "file is too large (104857600 bytes, at most 33554432)", NULL });

  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  test_dir_remove (dir);
}

/* Many situations: loading must not slow down with the square of their
 * number, or a 32 MB bundle would freeze start-up for minutes. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
time_many_situations (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"situations\": [");
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) bytes = NULL;
  double started;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"s%u\", \"title\": \"T\", \"area\": \"everyday\","
                            " \"summary\": \"S.\", \"keywords\": [\"k\"],"
                            " \"sections\": [{\"heading\": \"H\", \"items\": [\"I.\"]}],"
                            " \"get_help\": {\"emergency\": [\"E\"], \"urgent\": [\"U\"]},"
                            " \"therapy\": {\"kind\": \"none\", \"reason\": \"R.\"},"
                            " \"stretches\": [\"cat-cow\"],"
                            " \"sources\": [{\"name\": \"N\", \"url\": \"https://a.b/\"}]}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  started = cpu_seconds ();
  g_assert_true (soothe_content_load_bytes (content, bytes, "many.json", SOOTHE_BUNDLE_USER,
                                            problems));
  g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), >, n);
  g_assert_nonnull (soothe_content_lookup_situation (content, "s0"));
  return cpu_seconds () - started;
}

static void
test_many_situations (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");
  double small;
  double large;

  /* Under valgrind the times say little and take minutes. */
  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    {
      g_test_skip ("timing under valgrind");
      return;
    }

  small = time_many_situations (2000);
  large = time_many_situations (32000);

  /* Sixteen times as many: about sixteen times as long, not 256. */
  g_test_message ("2000 situations: %.3f s, 32000: %.3f s", small, large);
  g_assert_cmpfloat (large, <, 40 * small + 0.1);
}

/* Files in tests/data/hardening ----------------------------------------- */

typedef struct {
  const char *name;
  /* Each line after the file name; for a user bundle over the built-in content. */
  const char *lines[3];
} BadFile;

static const BadFile bad_files[] = {
  /* Only JSON's four white-space characters count as white space. */
  { "whitespace-bom-crlf.json", { ": file is empty" } },
  { "whitespace-nbsp.json", { ":1:1: expected a value, found U+00A0" } },
  /* What follows "found" is U+2028 itself (see problem-is-one-line). */
  { "whitespace-line-separator.json", { ":2:3: expected a value, found …" } },
  { "whitespace-form-feed.json", { ":1:2: expected a value, found U+000C" } },
  { "whitespace-vertical-tab.json", { ":3:1: expected a value, found U+000B" } },
  /* A NUL byte must not end the text the way it ends a C string. */
  { "nul-between-members.json", { ":3:3: NUL byte" } },
  { "nul-after-document.json", { ":44:2: NUL byte" } },
  { "nul-in-member-name.json", { ":2:7: NUL byte" } },
  { "nul-only.json", { ":1:1: NUL byte" } },
  { "utf16-with-bom.json", { ":1:1: invalid UTF-8" } },
  /* A valid bundle after many blank lines is still located precisely. */
  { "problem-after-blank-lines.json", { ": $.situations[0].area: unknown area \"neck\"" } },
  { "error-after-blank-lines.json", { ":10007:7: expected ',' or '}', found a string" } },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GBytes) bytes = read_source_file ("data", "hardening", bad->name, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hardening", bad->name, NULL);
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GPtrArray) checked = problems_new ();

  g_assert_false (load_user (bytes, bad->name, problems));
  assert_problems (problems, bad->name, bad->lines);

  /* The file on disk, as `soothe --check-bundle` reads it. */
  g_assert_false (soothe_content_check_file (path, checked));
  assert_problems (checked, path, bad->lines);
}

/* Every file in tests/data/hardening has a row, or is the markup test's. */
static void
test_bad_files_listed (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "hardening", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      gboolean listed = g_str_has_prefix (name, "markup-injection");

      for (guint i = 0; i < G_N_ELEMENTS (bad_files) && !listed; i++)
        listed = g_str_equal (bad_files[i].name, name);
      if (!listed)
        g_error ("%s has no row in bad_files", name);
    }
}

/* Markup injection ------------------------------------------------------- */

/* Pango markup, XML oddities and HTML, all of which must show as typed. */
#define PAYLOAD \
  " <b>bold</b> <span foreground=\"red\" size=\"xx-large\">big</span>" \
  " <a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>" \
  " &amp; &lt; &#60; &#x3C; &bogus; <![CDATA[c]]> <!-- c --> <?pi x?> \" ' </root> </span>"

static void
assert_shows_literally (const char *text,
                        const char *where)
{
  g_autofree char *shown = shown_text (text, NULL);

  if (strstr (shown, PAYLOAD) == NULL)
    g_error ("%s: “%s” is shown as “%s”", where, text, shown);
}

static void
assert_strv_shows_literally (const char * const *texts,
                             const char         *where)
{
  g_assert_nonnull (texts[0]);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);
      assert_shows_literally (texts[i], path);
    }
}

static void
assert_situation_literal (SootheSituation *situation)
{
  guint n_sections = soothe_situation_get_n_sections (situation);

  g_test_message ("situation %s", soothe_situation_get_id (situation));
  assert_shows_literally (soothe_situation_get_title (situation), "title");
  assert_shows_literally (soothe_situation_get_summary (situation), "summary");
  g_assert_cmpuint (n_sections, >, 0);
  for (guint i = 0; i < n_sections; i++)
    {
      const SootheAdviceSection *section = soothe_situation_get_section (situation, i);

      assert_shows_literally (section->heading, "heading");
      assert_strv_shows_literally ((const char * const *) section->items, "items");
    }
  assert_strv_shows_literally (soothe_situation_get_emergency (situation), "emergency");
  assert_strv_shows_literally (soothe_situation_get_urgent (situation), "urgent");
  assert_shows_literally (soothe_situation_get_therapy_reason (situation), "therapy.reason");

  /* Not inline text: the window escapes these itself. Still kept as typed. */
  for (guint i = 0; i < soothe_situation_get_n_sources (situation); i++)
    g_assert_nonnull (strstr (soothe_situation_get_source (situation, i)->name, PAYLOAD));
}

static void
assert_stretch_literal (SootheStretch *stretch)
{
  g_test_message ("stretch %s", soothe_stretch_get_id (stretch));
  assert_shows_literally (soothe_stretch_get_name (stretch), "name");
  assert_shows_literally (soothe_stretch_get_summary (stretch), "summary");
  assert_strv_shows_literally (soothe_stretch_get_steps (stretch), "steps");
  for (guint i = 0; soothe_stretch_get_cautions (stretch)[i] != NULL; i++)
    assert_shows_literally (soothe_stretch_get_cautions (stretch)[i], "cautions");
}

/* Members whose strings are names, not text. */
static gboolean
is_name_member (const char *member)
{
  static const char * const names[] = {
    "id", "area", "kind", "url", "stretches", "illustration", "language", "stopwords",
    "keywords", "not_covered", NULL
  };

  return member != NULL && g_strv_contains (names, member);
}

/* Appends PAYLOAD to every string that is text; collects stretch ids. */
static void
inject (JsonNode   *node,
        const char *member,
        GPtrArray  *stretch_ids)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          inject (json_object_get_member (object, l->data), l->data, stretch_ids);
        if (member != NULL && json_object_has_member (object, "steps"))
          g_ptr_array_add (stretch_ids, g_strdup (json_object_get_string_member (object, "id")));
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          inject (json_array_get_element (array, i), member, stretch_ids);
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING && !is_name_member (member))
        {
          g_autofree char *text = g_strconcat (json_node_get_string (node), PAYLOAD, NULL);
          json_node_set_string (node, text);
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* The built-in bundle with markup appended to every text it has. */
static void
test_markup_injection_base (void)
{
  g_autoptr(GBytes) source = read_builtin_source ();
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (source, NULL), NULL);
  g_autoptr(GPtrArray) stretch_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) bytes = NULL;
  GListModel *situations;
  char *text;

  g_assert_nonnull (root);
  inject (root, NULL, stretch_ids);
  text = json_to_string (root, TRUE);
  bytes = g_bytes_new_take (text, strlen (text));

  if (!soothe_content_load_bytes (content, bytes, "injected.json", SOOTHE_BUNDLE_BASE, problems))
    assert_problems (problems, "injected.json", (const char * const[]) { NULL });

  assert_shows_literally (soothe_content_get_disclaimer (content), "disclaimer");
  for (SootheTherapyKind kind = SOOTHE_THERAPY_COLD; kind <= SOOTHE_THERAPY_CONTRAST; kind++)
    {
      const SootheTherapyPreset *preset = soothe_content_get_therapy (content, kind);

      assert_shows_literally (preset->title, "therapy title");
      if (preset->in_sentence != NULL)
        assert_shows_literally (preset->in_sentence, "therapy in_sentence");
      assert_strv_shows_literally ((const char * const *) preset->safety, "safety");
    }

  g_assert_cmpuint (stretch_ids->len, >=, 10);
  for (guint i = 0; i < stretch_ids->len; i++)
    assert_stretch_literal (soothe_content_lookup_stretch (content, g_ptr_array_index (stretch_ids, i)));

  situations = soothe_content_get_situations (content);
  g_assert_cmpuint (g_list_model_get_n_items (situations), >=, 10);
  for (guint i = 0; i < g_list_model_get_n_items (situations); i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);

      assert_situation_literal (situation);
      assert_shows_literally (soothe_content_get_area_title (content,
                                                             soothe_situation_get_area (situation)),
                              "area title");
    }
}

/* tests/data/hardening/markup-injection.json: a user bundle written by hand. */
static void
test_markup_injection_user (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(GBytes) bytes = read_source_file ("data", "hardening", "markup-injection.json", NULL);
  g_autoptr(GPtrArray) problems = problems_new ();
  SootheSituation *situation;

  if (!soothe_content_load_bytes (content, bytes, "markup-injection.json", SOOTHE_BUNDLE_USER,
                                  problems))
    assert_problems (problems, "markup-injection.json", (const char * const[]) { NULL });

  situation = soothe_content_lookup_situation (content, "injected");
  g_assert_nonnull (situation);
  assert_situation_literal (situation);
  assert_shows_literally (soothe_content_get_area_title (content, "injected-area"), "area title");
  assert_stretch_literal (soothe_content_lookup_stretch (content, "injected-stretch"));
}

/* Links that must never be clickable ------------------------------------- */

static const char * const unsafe_urls[] = {
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  "javascript://https://www.nhs.uk/%0Aalert(1)",
  "file:///etc/passwd",
  "file://localhost/home",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:,https://",
  "vbscript:msgbox(1)",
  "http://www.nhs.uk/",
  "//evil.example/",
  "HTTPS://www.nhs.uk/",
  "https:www.nhs.uk",
  "https://www.nhs.uk/ javascript:alert(1)",
  "https://www.nhs.uk/\tx",
  "ftp://example.org/",
  "mailto:someone@example.org",
  "smb://server/share",
  "ghelp:gtk",
  "",
};

/* Each unsafe link, in each text field of a user bundle, is refused with a
 * message that names the field and the link. */
static void
test_unsafe_link_in_every_user_field (void)
{
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (user_text_fields); f++)
    for (guint u = 0; u < G_N_ELEMENTS (unsafe_urls); u++)
      {
        g_autofree char *text = g_strdup_printf ("Read [this](%s) first.", unsafe_urls[u]);
        g_autofree char *json = with_string (user_template, user_text_fields[f], text);
        g_autofree char *path = json_path (user_text_fields[f]);
        /* Problems are one line: a tab in the URL is shown as \u0009. */
        g_autofree char *line = soothe_json_one_line (
            g_strdup_printf ("%s: link must start with https:// (found \"%s\")", path, unsafe_urls[u]));
        g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
        g_autoptr(GPtrArray) problems = problems_new ();
        /* An area or stretch refused is then unknown to the situation. */
        const char *then = g_str_has_prefix (user_text_fields[f], "areas/")
                             ? "$.situations[0].area: unknown area \"ankles\""
                             : g_str_has_prefix (user_text_fields[f], "stretches/")
                               ? "$.situations[0].stretches[0]: unknown stretch \"toe-curls\""
                               : NULL;

        g_assert_false (load_user (bytes, "links.json", problems));
        assert_problems (problems, "links.json", (const char * const[]) { line, then, NULL });
        n++;
      }

  /* The template itself is fine, so it is each link that was refused. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (user_template, strlen (user_template));
    g_autoptr(GPtrArray) problems = problems_new ();

    g_assert_true (load_user (bytes, "links.json", problems));
  }
  g_test_message ("%u bundles refused", n);
}

static void
test_unsafe_link_in_every_base_field (void)
{
  g_autoptr(GBytes) source = read_builtin_source ();

  for (guint f = 0; f < G_N_ELEMENTS (base_text_fields); f++)
    for (guint u = 0; u < G_N_ELEMENTS (unsafe_urls); u++)
      {
        g_autofree char *text = g_strdup_printf ("See [here](%s).", unsafe_urls[u]);
        g_autofree char *json = with_string (g_bytes_get_data (source, NULL), base_text_fields[f], text);
        g_autofree char *path = json_path (base_text_fields[f]);
        /* Problems are one line: a tab in the URL is shown as \u0009. */
        g_autofree char *line = soothe_json_one_line (
            g_strdup_printf ("%s: link must start with https:// (found \"%s\")", path, unsafe_urls[u]));
        g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
        g_autoptr(SootheContent) content = soothe_content_new ();
        g_autoptr(GPtrArray) problems = problems_new ();

        g_assert_false (soothe_content_load_bytes (content, bytes, "base.json", SOOTHE_BUNDLE_BASE,
                                                   problems));
        assert_problems (problems, "base.json", (const char * const[]) { line, NULL });
      }
}

/* A source's url is a link by itself. */
static void
test_unsafe_source_url (void)
{
  for (guint u = 0; u < G_N_ELEMENTS (unsafe_urls); u++)
    {
      g_autofree char *json = NULL;
      g_autofree char *line = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = problems_new ();

      /* An empty url is refused for being empty, not for its scheme. */
      if (unsafe_urls[u][0] == '\0')
        continue;
      json = with_string (user_template, "situations/0/sources/0/url", unsafe_urls[u]);
      line = soothe_json_one_line (g_strdup_printf ("$.situations[0].sources[0].url: link must "
                                                    "start with https:// (found \"%s\")",
                                                    unsafe_urls[u]));
      bytes = g_bytes_new (json, strlen (json));
      g_assert_false (load_user (bytes, "source.json", problems));
      assert_problems (problems, "source.json", (const char * const[]) { line, NULL });
    }
}

/* And should one ever get past the loader, the converter still shows the
 * label as plain text, with no link. */
static void
test_unsafe_link_never_clickable (void)
{
  for (guint u = 0; u < G_N_ELEMENTS (unsafe_urls); u++)
    {
      g_autofree char *text = g_strdup_printf ("Read [this](%s) first, [or *this*](%s).",
                                               unsafe_urls[u], unsafe_urls[u]);
      g_autofree char *bad_url = NULL;
      g_autofree char *shown = NULL;
      guint n_links = G_MAXUINT;

      shown = shown_text (text, &n_links);
      g_assert_cmpuint (n_links, ==, 0);
      g_assert_cmpstr (shown, ==, "Read this first, or this.");
      g_assert_true (soothe_markup_find_unsafe_link (text, &bad_url));
      g_assert_cmpstr (bad_url, ==, unsafe_urls[u]);
    }

  /* A safe link next to an unsafe one: only the safe one is a link. */
  {
    guint n_links = 0;
    g_autofree char *shown = shown_text ("[a](https://www.nhs.uk/) [b](javascript:alert(1))",
                                         &n_links);

    g_assert_cmpuint (n_links, ==, 1);
    g_assert_cmpstr (shown, ==, "a b");
  }
}

/* Problems are one line each ------------------------------------------------ */

/* A name or value quoted from a bundle must not break a problem over lines,
 * nor reach a terminal as an escape sequence: `soothe --check-bundle` prints
 * one line per problem, and scripts count them. */
static void
test_problem_is_one_line (void)
{
  static const struct {
    const char *path;
    const char *value;
  } cases[] = {
    { "situations/0/id", "heel\npain" },
    { "situations/0/area", "feet\n/etc/passwd: fake problem" },
    { "situations/0/therapy/kind", "ice\n\033[2J" },
    { "situations/0/stretches/0", "toe\rcurls" },
    { "situations/0/sources/0/url", "http://a.b/\n" },
    { "situations/0/summary", "[x](javascript:a\nb)" },
    { "situations/0/stretches/0", "toe\u2028curls" },
  };
  g_autoptr(GString) broken = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = with_string (user_template, cases[i].path, cases[i].value);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GPtrArray) problems = problems_new ();

      g_assert_false (load_user (bytes, "lines.json", problems));
      for (guint k = 0; k < problems->len; k++)
        {
          const char *line = g_ptr_array_index (problems, k);

          g_assert_true (g_str_has_prefix (line, "lines.json: "));
          if (strpbrk (line, "\n\r\033") != NULL || strstr (line, "\u2028") != NULL)
            g_string_append_printf (broken, "%s ", cases[i].path);
        }
    }

  /* A member name the loader does not know. */
  {
    const char *json = "{\"format\": 1, \"situations\": [], \"sit\\nuations\\u001b[31m\": 1}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr(GPtrArray) problems = problems_new ();

    g_assert_false (load_user (bytes, "lines.json", problems));
    for (guint k = 0; k < problems->len; k++)
      if (strpbrk (g_ptr_array_index (problems, k), "\n\r\033") != NULL)
        g_string_append (broken, "member-name ");
  }

  /* U+2028 read where a value should start. */
  {
    const char *json = "{\"format\": \u2028 1}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr(GPtrArray) problems = problems_new ();

    g_assert_false (load_user (bytes, "lines.json", problems));
    if (strstr (g_ptr_array_index (problems, 0), "\u2028") != NULL)
      g_string_append (broken, "found-U+2028 ");
  }

  /* Every problem line is one line of plain text, whatever the bundle held. */
  g_assert_cmpstr (broken->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/hardening/size/100-mb-file", test_hundred_megabytes);
  g_test_add_func ("/soothe/hardening/size/100-mb-bytes", test_hundred_megabytes_bytes);
  g_test_add_func ("/soothe/hardening/size/many-situations", test_many_situations);
  g_test_add_func ("/soothe/hardening/files-listed", test_bad_files_listed);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/soothe/hardening/file/", bad_files[i].name, NULL);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/soothe/hardening/markup-injection/base", test_markup_injection_base);
  g_test_add_func ("/soothe/hardening/markup-injection/user", test_markup_injection_user);
  g_test_add_func ("/soothe/hardening/unsafe-link/every-user-field", test_unsafe_link_in_every_user_field);
  g_test_add_func ("/soothe/hardening/unsafe-link/every-base-field", test_unsafe_link_in_every_base_field);
  g_test_add_func ("/soothe/hardening/unsafe-link/source-url", test_unsafe_source_url);
  g_test_add_func ("/soothe/hardening/unsafe-link/never-clickable", test_unsafe_link_never_clickable);
  g_test_add_func ("/soothe/hardening/problem-is-one-line", test_problem_is_one_line);

  return g_test_run ();
}
