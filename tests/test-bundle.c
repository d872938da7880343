/* test-bundle.c: the bundle loader rejects every bad bundle with a clear message
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "soothe-content.h"
#include "test-files.h"

#define N_BUILTIN_SITUATIONS 29
#define N_MUTATIONS          300

typedef struct {
  const char *name;
  /* Carries therapy limits, so it is checked on its own and never loaded as a
   * user bundle. */
  gboolean    base;
  /* What soothe_content_check_file() reports, after the file name; none: any
   * problem will do. */
  const char *lines[4];
  /* What a user bundle folder reports, when that differs. */
  const char *user_lines[2];
} BadBundle;

static const BadBundle bad_bundles[] = {
  /* Checked before the content: size, encoding, JSON syntax */
  { "empty.json", FALSE,
    { ": file is empty" } },
  { "whitespace-only.json", FALSE,
    { ": file is empty" } },
  { "truncated.json", FALSE,
    { ":7:1: expected a member name in double quotes, found the end of the file" } },
  { "trailing-garbage.json", FALSE,
    { ":4:1: unexpected \"thanks\" after the end of the document" } },
  { "second-document.json", FALSE,
    { ":4:1: unexpected '{' after the end of the document" } },
  { "bad-escape.json", FALSE,
    { ":3:18: invalid escape \\q" } },
  { "short-unicode-escape.json", FALSE,
    { ":3:16: \\u must be followed by four hex digits" } },
  { "lone-surrogate.json", FALSE,
    { ":3:18: lone high surrogate \\uD83D" } },
  { "lone-low-surrogate.json", FALSE,
    { ":3:18: lone low surrogate \\uDE00" } },
  { "escaped-nul.json", FALSE,
    { ":3:18: \\u0000 is not allowed in text" } },
  { "invalid-utf8.json", FALSE,
    { ":3:18: invalid UTF-8" } },
  { "nul-byte.json", FALSE,
    { ":3:17: NUL byte" } },
  { "control-char-in-string.json", FALSE,
    { ":3:18: control character in a string (write it as an escape)" } },
  { "unterminated-string.json", FALSE,
    { ":3:18: unterminated string" } },
  { "deep-nesting.json", FALSE,
    { ":1:65: nesting deeper than 64 levels" } },
  { "comment.json", FALSE,
    { ":2:3: expected a member name in double quotes or '}', found '/' (JSON has no comments)" } },
  { "single-quotes.json", FALSE,
    { ":2:3: expected a member name in double quotes or '}', found a single quote (strings take double quotes)" } },
  { "trailing-comma.json", FALSE,
    { ":3:28: trailing comma before ']'" } },
  { "missing-comma.json", FALSE,
    { ":3:3: expected ',' or '}', found a string" } },
  { "hex-number.json", FALSE,
    { ":2:13: invalid number \"0x1\"" } },
  { "bare-word.json", FALSE,
    { ":3:17: expected a value, found \"my\"" } },
  { "duplicate-member.json", FALSE,
    { ":7:7: duplicate member \"title\"" } },
  { "huge-number.json", FALSE,
    { ":12:23: number 99999999999999999999 is out of range" } },
  { "huge-exponent.json", FALSE,
    { ":12:23: number 1e999 is out of range" } },
  /* Content of user bundles, checked on top of the built-in content */
  { "bad-id.json", FALSE,
    { ": $.situations[0].id: \"Test_Ache\" is not a valid id (1 to 64 of a-z, 0-9 and -, starting with a letter)" } },
  { "blank-keyword.json", FALSE,
    { ": $.situations[0].keywords[1]: must not be empty" } },
  { "duplicate-area-id.json", FALSE,
    { ": $.areas[1].id: duplicate id \"ankles\"" } },
  { "duplicate-situation-id.json", FALSE,
    { ": $.situations[1].id: duplicate id \"test-ache\"" } },
  { "duplicate-stretch-id.json", FALSE,
    { ": $.stretches[1].id: duplicate id \"test-stretch\"" } },
  { "empty-keywords.json", FALSE,
    { ": $.situations[0].keywords: must not be empty" } },
  { "empty-situations.json", FALSE,
    { ": $.situations: must not be empty" } },
  { "format-2.json", FALSE,
    { ": $.format: unsupported format 2 (this Soothe reads format 1)" } },
  { "format-fraction.json", FALSE,
    { ": $.format: expected an integer, found a number with a fraction" } },
  { "format-string.json", FALSE,
    { ": $.format: expected an integer, found a string" } },
  { "get-help-missing-urgent.json", FALSE,
    { ": $.situations[0].get_help.urgent: missing member" } },
  { "hold-seconds-negative.json", FALSE,
    { ": $.stretches[0].hold_seconds: -5 is out of range (1 to 300)" } },
  { "id-too-long.json", FALSE,
    { ": $.stretches[0].id: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is not a valid id (1 to 64 of a-z, 0-9 and -, starting with a letter)" } },
  { "illustration-relative.json", FALSE,
    { ": $.stretches[0].illustration: must be a resource path starting with /" } },
  { "inline-data-link.json", FALSE,
    { ": $.situations[0].summary: link must start with https:// (found \"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\")" } },
  { "inline-file-link.json", FALSE,
    { ": $.situations[0].sections[0].items[0]: link must start with https:// (found \"file:///etc/passwd\")" } },
  { "minutes-on-contrast.json", FALSE,
    { ": $.situations[0].therapy.minutes: only cold and heat take minutes" } },
  { "missing-format.json", FALSE,
    { ": $.format: missing member" } },
  { "pregnancy-not-boolean.json", FALSE,
    { ": $.situations[0].pregnancy: expected true or false, found a string" } },
  { "pregnancy-nsaid.json", FALSE,
    { ": $.situations[0].sections[0].items[1]: pregnancy content must not mention NSAIDs (found \"ibuprofen\")" } },
  { "pregnancy-unsafe-replacement.json", FALSE,
    { ": $.stretches[0].pregnancy_safe: must stay true: \"cat-cow\" replaces a stretch marked safe in pregnancy" } },
  { "pregnancy-unsafe-stretch.json", FALSE,
    { ": $.situations[0].stretches[1]: stretch \"childs-pose\" is not marked safe in pregnancy" } },
  { "repetitions-fraction.json", FALSE,
    { ": $.stretches[0].repetitions: expected an integer, found a number with a fraction" } },
  { "root-array.json", FALSE,
    { ": $: expected an object, found an array" } },
  { "root-string.json", FALSE,
    { ": $: expected an object, found a string" } },
  { "section-item-null.json", FALSE,
    { ": $.situations[0].sections[0].items[1]: expected a string, found null" } },
  { "see-doctor-fraction.json", FALSE,
    { ": $.situations[0].see_doctor_after_days: expected an integer, found a number with a fraction" } },
  { "see-doctor-negative.json", FALSE,
    { ": $.situations[0].see_doctor_after_days: -3 is out of range (1 to 365)" } },
  { "see-doctor-over-365.json", FALSE,
    { ": $.situations[0].see_doctor_after_days: 366 is out of range (1 to 365)" } },
  { "see-doctor-string.json", FALSE,
    { ": $.situations[0].see_doctor_after_days: expected an integer, found a string" } },
  { "see-doctor-zero.json", FALSE,
    { ": $.situations[0].see_doctor_after_days: 0 is out of range (1 to 365)" } },
  { "several-problems.json", FALSE,
    { ": $.situations[0].title: missing member",
      ": $.situations[0].area: unknown area \"neck\"",
      ": $.situations[0].sources[0].url: link must start with https:// (found \"http://www.nhs.uk/conditions/back-pain/\")" } },
  { "situation-empty-summary.json", FALSE,
    { ": $.situations[0].summary: must not be empty" } },
  { "situation-missing-title.json", FALSE,
    { ": $.situations[0].title: missing member" } },
  { "situation-not-object.json", FALSE,
    { ": $.situations[0]: expected an object, found a string" } },
  { "situation-title-wrong-type.json", FALSE,
    { ": $.situations[0].title: expected a string, found an integer" } },
  { "source-http-link.json", FALSE,
    { ": $.situations[0].sources[0].url: link must start with https:// (found \"http://www.nhs.uk/conditions/back-pain/\")" } },
  { "source-javascript-link.json", FALSE,
    { ": $.situations[0].sources[0].url: link must start with https:// (found \"javascript:alert(1)\")" } },
  { "source-missing-url.json", FALSE,
    { ": $.situations[0].sources[0].url: missing member" } },
  { "stretch-http-link.json", FALSE,
    { ": $.stretches[0].steps[1]: link must start with https:// (found \"http://example.org/reach\")" } },
  { "stretch-steps-empty.json", FALSE,
    { ": $.stretches[0].steps: must not be empty" } },
  { "therapy-minutes-missing.json", FALSE,
    { ": $.situations[0].therapy.minutes: missing member" } },
  { "therapy-minutes-over-cap.json", FALSE,
    { ": $.situations[0].therapy.minutes: 25 is out of range (1 to 20)" } },
  { "therapy-unknown-kind.json", FALSE,
    { ": $.situations[0].therapy.kind: unknown therapy \"ice\" (cold, heat, contrast or none)" } },
  { "unknown-area.json", FALSE,
    { ": $.situations[0].area: unknown area \"neck\"" } },
  { "unknown-member.json", FALSE,
    { ": $.situation: unknown member" } },
  { "unknown-situation-member.json", FALSE,
    { ": $.situations[0].titel: unknown member" } },
  { "unknown-stretch-ref.json", FALSE,
    { ": $.situations[0].stretches[1]: unknown stretch \"neck-roll\"" } },
  { "user-sets-disclaimer.json", FALSE,
    { ": $.disclaimer: only the built-in content sets the disclaimer" } },
  { "user-sets-therapies.json", FALSE, { NULL },
    { ": $.therapies: therapy limits come only from the built-in content" } },
  /* Base bundles: they carry therapy limits, so they stand on their own */
  { "base-check-skin-at-max.json", TRUE,
    { ": $.therapies.heat.check_skin_after_minutes: must be less than max_minutes (20)" } },
  { "base-contrast-rounds-zero.json", TRUE,
    { ": $.therapies.contrast.rounds: 0 is out of range (1 to 10)" } },
  { "base-default-over-max.json", TRUE,
    { ": $.therapies.cold.default_minutes: must not be more than max_minutes (20)" } },
  { "base-max-minutes-over-60.json", TRUE,
    { ": $.therapies.heat.max_minutes: 90 is out of range (1 to 60)" } },
  { "base-minutes-over-own-cap.json", TRUE,
    { ": $.situations[0].therapy.minutes: 15 is out of range (1 to 10)" } },
  { "base-missing-contrast.json", TRUE,
    { ": $.therapies.contrast: missing member" } },
  { "base-missing-disclaimer.json", TRUE,
    { ": $.disclaimer: missing member" } },
};

/* Helpers ---------------------------------------------------------------- */

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* Compares whole lists, so a failure shows every line on both sides. */
static void
assert_lines (const char * const *actual,
              const char         *prefix,
              const char * const *expected)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;
  g_autofree char *wanted_text = NULL;
  g_autofree char *actual_text = NULL;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *line = g_strconcat (prefix, expected[i], NULL);
      g_strv_builder_add (builder, line);
    }
  wanted = g_strv_builder_end (builder);

  wanted_text = g_strjoinv ("\n", wanted);
  actual_text = g_strjoinv ("\n", (char **) actual);
  g_assert_cmpstr (actual_text, ==, wanted_text);
}

static void
assert_lines_start_with (const char * const *lines,
                         const char         *name)
{
  g_autofree char *prefix = g_strconcat (name, ":", NULL);

  g_assert_nonnull (lines[0]);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (!g_str_has_prefix (lines[i], prefix))
        g_error ("problem does not start with “%s”: %s", prefix, lines[i]);
    }
}

/* Copies tests/data/bundles/KIND/NAME into @dir as @as; returns its path. */
static char *
copy_bundle (const char *kind,
             const char *name,
             const char *dir,
             const char *as)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bundles", kind, name, NULL);
  char *target = g_build_filename (dir, as != NULL ? as : name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return target;
}

/* The built-in bundle's text, from the source tree. */
static GBytes *
read_builtin_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "content", "en.json",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_builtin_intact (SootheContent *content)
{
  static const char * const ids[] = {
    "upper-back-burning", "upper-back-left", "upper-back-pregnancy", "upper-back-cough",
    "knee-pain", "pain-walking", "lower-back-pain", "pain-lifting", "pain-running",
    "sleeping-pain",
  };
  SootheStretch *cat_cow = soothe_content_lookup_stretch (content, "cat-cow");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (soothe_content_lookup_situation (content, ids[i]));
  g_assert_cmpstr (soothe_situation_get_title (soothe_content_lookup_situation (content, "knee-pain")),
                   ==, "Knee pain");
  g_assert_nonnull (cat_cow);
  g_assert_cmpstr (soothe_stretch_get_name (cat_cow), ==, "Cat-cow");
  g_assert_true (soothe_stretch_get_pregnancy_safe (cat_cow));
}

/* Built-in content ------------------------------------------------------- */

static void
test_builtin_loads (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(GHashTable) stretch_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);
  const SootheTherapyPreset *cold;
  const SootheTherapyPreset *heat;
  const SootheTherapyPreset *contrast;

  g_assert_cmpuint (n, ==, N_BUILTIN_SITUATIONS);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 0);
  g_assert_nonnull (soothe_content_get_disclaimer (content));
  assert_builtin_intact (content);

  /* Every stretch a situation names exists; there are at least ten of them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char * const *ids = soothe_situation_get_stretch_ids (situation);

      for (guint k = 0; ids[k] != NULL; k++)
        {
          g_assert_nonnull (soothe_content_lookup_stretch (content, ids[k]));
          g_hash_table_add (stretch_ids, (gpointer) ids[k]);
        }
    }
  g_assert_cmpuint (g_hash_table_size (stretch_ids), >=, 10);

  cold = soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD);
  heat = soothe_content_get_therapy (content, SOOTHE_THERAPY_HEAT);
  contrast = soothe_content_get_therapy (content, SOOTHE_THERAPY_CONTRAST);
  g_assert_nonnull (cold);
  g_assert_nonnull (heat);
  g_assert_nonnull (contrast);
  g_assert_null (soothe_content_get_therapy (content, SOOTHE_THERAPY_NONE));

  g_assert_cmpuint (cold->max_minutes, ==, 20);
  g_assert_cmpuint (cold->rest_minutes, ==, 20);
  g_assert_cmpuint (cold->default_minutes, <=, cold->max_minutes);
  g_assert_cmpuint (heat->max_minutes, ==, 20);
  g_assert_cmpuint (heat->rest_minutes, ==, 20);
  g_assert_cmpuint (heat->default_minutes, <=, heat->max_minutes);
  g_assert_cmpuint (contrast->rounds, >=, 1);
  g_assert_cmpuint (contrast->heat_seconds, >, 0);
  g_assert_cmpuint (contrast->cold_seconds, >, 0);
}

/* Every built-in situation says when to see a doctor, the same in every language. */
static void
test_builtin_see_doctor (void)
{
  static const char * const languages[] = { "de", "es" };
  static const char * const only_english[] = { "en", NULL };
  g_autoptr(SootheContent) english = soothe_content_new_builtin_for (only_english);
  GListModel *situations = soothe_content_get_situations (english);
  guint n = g_list_model_get_n_items (situations);

  g_assert_cmpuint (n, ==, N_BUILTIN_SITUATIONS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      guint days = soothe_situation_get_see_doctor_after_days (situation);

      if (days < 1 || days > 365)
        g_error ("%s: see_doctor_after_days is %u", soothe_situation_get_id (situation), days);
    }
  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (
                      soothe_content_lookup_situation (english, "upper-back-pregnancy")), ==, 14);
  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (
                      soothe_content_lookup_situation (english, "heel-pain")), ==, 14);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *wanted[] = { languages[l], NULL };
      g_autoptr(SootheContent) content = soothe_content_new_builtin_for (wanted);

      g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
          const char *id = soothe_situation_get_id (situation);
          SootheSituation *translated = soothe_content_lookup_situation (content, id);

          /* A translated situation replaces the English one whole, so it must
           * carry the number itself. */
          g_assert_nonnull (translated);
          g_assert_true (translated != situation);
          if (soothe_situation_get_see_doctor_after_days (translated) !=
              soothe_situation_get_see_doctor_after_days (situation))
            g_error ("%s: see_doctor_after_days is %u in %s, %u in en", id,
                     soothe_situation_get_see_doctor_after_days (translated), languages[l],
                     soothe_situation_get_see_doctor_after_days (situation));
        }
    }
}

/* The same text from the source tree also loads as a base bundle. */
static void
test_builtin_source_loads (void)
{
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) bytes = read_builtin_source ();

  g_assert_true (soothe_content_load_bytes (content, bytes, "en.json", SOOTHE_BUNDLE_BASE, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==,
                    N_BUILTIN_SITUATIONS);
}

/* Bad bundles ------------------------------------------------------------ */

static void
test_bad_bundle (gconstpointer data)
{
  const BadBundle *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bundles", "bad", bad->name, NULL);
  g_autoptr(GPtrArray) problems = problems_new ();

  g_assert_false (soothe_content_check_file (path, problems));
  assert_lines_start_with ((const char * const *) problems->pdata, path);
  if (bad->lines[0] != NULL)
    assert_lines ((const char * const *) problems->pdata, path, bad->lines);

  /* As a user bundle, it is skipped whole and changes nothing. */
  if (!bad->base)
    {
      g_autoptr(SootheContent) content = soothe_content_new_builtin ();
      g_autofree char *dir = test_dir_new ("soothe-test-bundle");
      g_autofree char *copy = copy_bundle ("bad", bad->name, dir, NULL);
      SootheSkippedBundle *skipped;

      soothe_content_load_user_bundles (content, dir);
      g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 1);
      skipped = g_ptr_array_index (soothe_content_get_skipped (content), 0);
      g_assert_cmpstr (skipped->path, ==, copy);
      assert_lines ((const char * const *) skipped->problems, copy,
                    bad->user_lines[0] != NULL ? bad->user_lines : bad->lines);
      g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==,
                        N_BUILTIN_SITUATIONS);
      assert_builtin_intact (content);
      test_dir_remove (dir);
    }
}

/* Every file in tests/data/bundles/bad has a row in the table. */
static void
test_bad_bundles_listed (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bundles", "bad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_bundles) && !listed; i++)
        listed = g_str_equal (bad_bundles[i].name, name);
      if (!listed)
        g_error ("%s has no row in bad_bundles", name);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_bundles));
}

/* Good bundles ----------------------------------------------------------- */

static const char * const good_bundles[] = {
  "new-area-situation.json",
  "replace-knee-pain.json",
  "replace-moves-area.json",
  "replace-stretch.json",
  "uses-earlier-bundle.json",
};

static void
load_good_bundles (SootheContent *content)
{
  g_autofree char *dir = test_dir_new ("soothe-test-bundle");

  for (guint i = 0; i < G_N_ELEMENTS (good_bundles); i++)
    g_free (copy_bundle ("good", good_bundles[i], dir, NULL));
  soothe_content_load_user_bundles (content, dir);
  test_dir_remove (dir);
}

static void
test_good_bundles (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  SootheSituation *situation;
  SootheStretch *stretch;

  load_good_bundles (content);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 0);

  /* Two situations added, two replaced. */
  g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==,
                    N_BUILTIN_SITUATIONS + 2);

  /* A new area, with a new situation and a new stretch. */
  g_assert_cmpstr (soothe_content_get_area_title (content, "ankles"), ==, "Feet and ankles");
  situation = soothe_content_lookup_situation (content, "heel-spur");
  g_assert_nonnull (situation);
  g_assert_cmpstr (soothe_situation_get_area (situation), ==, "ankles");
  g_assert_cmpstr (soothe_situation_get_stretch_ids (situation)[0], ==, "toe-curls");
  /* Written without see_doctor_after_days, which is optional. */
  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (situation), ==, 0);
  stretch = soothe_content_lookup_stretch (content, "toe-curls");
  g_assert_nonnull (stretch);
  g_assert_cmpstr (soothe_stretch_get_name (stretch), ==, "Toe curls");

  /* A later bundle may use what an earlier one added. */
  situation = soothe_content_lookup_situation (content, "ankle-stiffness");
  g_assert_nonnull (situation);
  g_assert_cmpstr (soothe_situation_get_area (situation), ==, "ankles");

  /* knee-pain replaced by id. */
  situation = soothe_content_lookup_situation (content, "knee-pain");
  g_assert_cmpstr (soothe_situation_get_title (situation), ==, "Knee pain, my physio's plan");
  g_assert_cmpuint (soothe_situation_get_therapy_minutes (situation), ==, 10);
  g_assert_cmpuint (soothe_situation_get_see_doctor_after_days (situation), ==, 10);

  /* cat-cow replaced by id, and the built-in situations that use it see the
   * replacement. */
  stretch = soothe_content_lookup_stretch (content, "cat-cow");
  g_assert_cmpstr (soothe_stretch_get_name (stretch), ==, "Cat-cow, slower");
  g_assert_cmpuint (soothe_stretch_get_repetitions (stretch), ==, 6);
  g_assert_true (soothe_stretch_get_pregnancy_safe (stretch));
  g_assert_true (g_strv_contains (soothe_situation_get_stretch_ids (
                   soothe_content_lookup_situation (content, "upper-back-pregnancy")), "cat-cow"));

  /* Untouched built-in content is still there. */
  g_assert_nonnull (soothe_content_lookup_situation (content, "upper-back-burning"));
  g_assert_nonnull (soothe_content_lookup_stretch (content, "childs-pose"));
  g_assert_nonnull (soothe_content_get_disclaimer (content));
}

/* Built-in areas in sidebar order, then the one the good bundles add. */
static const char * const area_order[] = {
  "upper-back", "neck-shoulders", "chest-ribs", "lower-back", "arms-wrists", "knees-legs", "feet",
  "everyday", "ankles",
};

static guint
area_index (const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (area_order); i++)
    {
      if (g_str_equal (area_order[i], area))
        return i;
    }
  g_error ("unexpected area %s", area);
  return G_MAXUINT;
}

static void
test_replacement_keeps_grouping (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(GPtrArray) knees = g_ptr_array_new ();
  GListModel *situations;
  guint last_area = 0;
  guint n;
  g_autoptr(SootheSituation) last_upper_back = NULL;

  load_good_bundles (content);
  situations = soothe_content_get_situations (content);
  n = g_list_model_get_n_items (situations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      guint area = area_index (soothe_situation_get_area (situation));

      g_assert_cmpuint (area, >=, last_area);
      last_area = area;
      if (g_str_equal (soothe_situation_get_area (situation), "knees-legs"))
        g_ptr_array_add (knees, (gpointer) soothe_situation_get_id (situation));
      if (area == 0)
        g_set_object (&last_upper_back, situation);
    }

  /* A replacement keeps its place within its area... */
  {
    static const char * const knees_in_order[] = {
      "knee-pain", "knee-clicking", "knee-squatting-kneeling", "knee-straightening",
      "pain-walking", "calf-pain-walking", "pain-running", "shin-pain", "leg-strain",
    };

    g_assert_cmpuint (knees->len, ==, G_N_ELEMENTS (knees_in_order));
    for (guint i = 0; i < G_N_ELEMENTS (knees_in_order); i++)
      g_assert_cmpstr (g_ptr_array_index (knees, i), ==, knees_in_order[i]);
  }

  /* ...and one that moves to another area is listed under that area. */
  g_assert_cmpstr (soothe_situation_get_id (last_upper_back), ==, "sleeping-pain");
}

static void
test_skipped_bundle (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autofree char *dir = test_dir_new ("soothe-test-bundle");
  g_autofree char *good = copy_bundle ("good", "new-area-situation.json", dir, "b-good.json");
  g_autofree char *bad = copy_bundle ("bad", "pregnancy-unsafe-replacement.json", dir, "a-bad.json");
  /* Not a bundle: the name does not end in .json. */
  g_autofree char *ignored = copy_bundle ("bad", "empty.json", dir, "notes.txt");
  const char * const expected[] = {
    ": $.stretches[0].pregnancy_safe: must stay true: \"cat-cow\" replaces a stretch marked safe "
    "in pregnancy",
    NULL
  };
  SootheSkippedBundle *skipped;

  soothe_content_load_user_bundles (content, dir);

  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 1);
  skipped = g_ptr_array_index (soothe_content_get_skipped (content), 0);
  g_assert_cmpstr (skipped->path, ==, bad);
  assert_lines ((const char * const *) skipped->problems, bad, expected);

  /* The good one is in; the bad one changed nothing. */
  g_assert_nonnull (soothe_content_lookup_situation (content, "heel-spur"));
  g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==,
                    N_BUILTIN_SITUATIONS + 1);
  assert_builtin_intact (content);

  test_dir_remove (dir);
}

/* A folder that does not exist is the usual case, not a problem. */
static void
test_missing_bundle_dir (void)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autofree char *dir = test_dir_new ("soothe-test-bundle");
  g_autofree char *missing = g_build_filename (dir, "nothing-here", NULL);

  soothe_content_load_user_bundles (content, missing);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (soothe_content_get_situations (content)), ==,
                    N_BUILTIN_SITUATIONS);
  test_dir_remove (dir);
}

/* Files the loader cannot or must not read ------------------------------- */

static void
test_too_large (void)
{
  g_autofree char *dir = test_dir_new ("soothe-test-bundle");
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autofree char *expected = NULL;
  SootheSkippedBundle *skipped;
  int fd;

  /* Sparse: 40 MB that take no room and must never be read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 40 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  expected = g_strdup_printf ("%s: file is too large (41943040 bytes, at most 33554432)", path);
  g_assert_false (soothe_content_check_file (path, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, expected);

  soothe_content_load_user_bundles (content, dir);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 1);
  skipped = g_ptr_array_index (soothe_content_get_skipped (content), 0);
  g_assert_cmpstr (skipped->problems[0], ==, expected);
  g_assert_null (skipped->problems[1]);

  test_dir_remove (dir);
}

static void
test_too_large_bytes (void)
{
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (32 * 1024 * 1024 + 1),
                                              32 * 1024 * 1024 + 1);

  g_assert_false (soothe_content_load_bytes (content, bytes, "big.json", SOOTHE_BUNDLE_BASE,
                                             problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "big.json: file is too large (33554433 bytes, at most 33554432)");
}

static void
assert_unreadable (const char *path)
{
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_false (soothe_content_check_file (path, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (problems, 0));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), prefix));
  g_assert_cmpuint (strlen (g_ptr_array_index (problems, 0)), >, strlen (prefix));
}

static void
test_unreadable (void)
{
  g_autofree char *dir = test_dir_new ("soothe-test-bundle");
  g_autofree char *folder = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  SootheSkippedBundle *skipped;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_unreadable (folder);
  assert_unreadable (missing);

  /* A folder named like a bundle is skipped too, with a reason. */
  soothe_content_load_user_bundles (content, dir);
  g_assert_cmpuint (soothe_content_get_skipped (content)->len, ==, 1);
  skipped = g_ptr_array_index (soothe_content_get_skipped (content), 0);
  g_assert_cmpstr (skipped->path, ==, folder);
  assert_lines_start_with ((const char * const *) skipped->problems, folder);
  assert_builtin_intact (content);

  g_assert_cmpint (g_rmdir (folder), ==, 0);
  test_dir_remove (dir);
}

/* Bytes straight into the loader ----------------------------------------- */

static void
test_deep_nesting_bytes (void)
{
  const gsize depth = 200000;
  g_autoptr(SootheContent) content = soothe_content_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) bytes = NULL;
  char *text = g_malloc (depth * 2);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  bytes = g_bytes_new_take (text, depth * 2);

  g_assert_false (soothe_content_load_bytes (content, bytes, "deep.json", SOOTHE_BUNDLE_BASE,
                                             problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "deep.json:1:65: nesting deeper than 64 levels");
}

/* json-glib takes comments and single-quoted strings. Were the scan to let them
 * through, a quote inside one would hide deep nesting from the scan but not from
 * json-glib, which recurses once per level. */
static void
test_scan_agrees_with_parser (void)
{
  static const struct {
    const char *open;
    const char *close;
    const char *line;
  } cases[] = {
    { "{\"format\": 1, \"x\": /* \" */ ", " /* \" */}",
      "hidden.json:1:20: expected a value, found '/' (JSON has no comments)" },
    { "{\"format\": 1, \"a\": '\"', \"b\": ", ", \"c\": '\"'}",
      "hidden.json:1:20: expected a value, found a single quote (strings take double quotes)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const gsize depth = 200000;
      g_autoptr(SootheContent) content = soothe_content_new ();
      g_autoptr(GPtrArray) problems = problems_new ();
      g_autoptr(GString) text = g_string_new (cases[i].open);
      g_autoptr(GBytes) bytes = NULL;

      for (gsize d = 0; d < depth; d++)
        g_string_append_c (text, '[');
      for (gsize d = 0; d < depth; d++)
        g_string_append_c (text, ']');
      g_string_append (text, cases[i].close);
      bytes = g_bytes_new (text->str, text->len);

      g_assert_false (soothe_content_load_bytes (content, bytes, "hidden.json",
                                                 SOOTHE_BUNDLE_BASE, problems));
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, cases[i].line);
    }
}

static void
mutate (GByteArray *text)
{
  static const char interesting[] = "{}[]\",:\\ \n\t-+.0123456789eEtfnu'/*\x80\xC3\xFF";
  guint n = g_test_rand_int_range (1, 5);

  for (guint m = 0; m < n; m++)
    {
      guint at = g_test_rand_int_range (0, text->len);
      guint span = g_test_rand_int_range (1, 9);
      guint8 byte = g_test_rand_bit ()
                      ? interesting[g_test_rand_int_range (0, sizeof interesting - 1)]
                      : g_test_rand_int_range (0, 256);

      switch (g_test_rand_int_range (0, 3))
        {
        case 0:
          text->data[at] = byte;
          break;
        case 1:
          g_byte_array_remove_range (text, at, MIN (span, text->len - at));
          break;
        default:
          g_array_insert_vals ((GArray *) text, at, &byte, 1);
          break;
        }
      if (text->len == 0)
        return;
    }
}

static void
test_mutations (void)
{
  g_autoptr(GBytes) original = read_builtin_source ();
  guint n_loaded = 0;

  for (guint i = 0; i < N_MUTATIONS; i++)
    {
      g_autoptr(SootheContent) content = soothe_content_new ();
      g_autoptr(GPtrArray) problems = problems_new ();
      g_autoptr(GByteArray) text = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const guint8 *data = g_bytes_get_data (original, &length);

      g_byte_array_append (text, data, length);
      mutate (text);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&text));

      if (soothe_content_load_bytes (content, bytes, "mutated.json", SOOTHE_BUNDLE_BASE, problems))
        {
          g_assert_cmpuint (problems->len, ==, 0);
          n_loaded++;
        }
      else
        {
          assert_lines_start_with ((const char * const *) problems->pdata, "mutated.json");
        }
    }
  g_test_message ("%u of %u mutations still loaded", n_loaded, N_MUTATIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soothe/bundle/builtin-loads", test_builtin_loads);
  g_test_add_func ("/soothe/bundle/builtin-see-doctor", test_builtin_see_doctor);
  g_test_add_func ("/soothe/bundle/builtin-source-loads", test_builtin_source_loads);
  g_test_add_func ("/soothe/bundle/bad-bundles-listed", test_bad_bundles_listed);
  for (guint i = 0; i < G_N_ELEMENTS (bad_bundles); i++)
    {
      g_autofree char *test_path = g_strconcat ("/soothe/bundle/bad/", bad_bundles[i].name, NULL);
      g_test_add_data_func (test_path, &bad_bundles[i], test_bad_bundle);
    }
  g_test_add_func ("/soothe/bundle/good-bundles", test_good_bundles);
  g_test_add_func ("/soothe/bundle/replacement-keeps-grouping", test_replacement_keeps_grouping);
  g_test_add_func ("/soothe/bundle/skipped-bundle", test_skipped_bundle);
  g_test_add_func ("/soothe/bundle/missing-bundle-dir", test_missing_bundle_dir);
  g_test_add_func ("/soothe/bundle/too-large", test_too_large);
  g_test_add_func ("/soothe/bundle/too-large-bytes", test_too_large_bytes);
  g_test_add_func ("/soothe/bundle/unreadable", test_unreadable);
  g_test_add_func ("/soothe/bundle/deep-nesting-bytes", test_deep_nesting_bytes);
  g_test_add_func ("/soothe/bundle/scan-agrees-with-parser", test_scan_agrees_with_parser);
  g_test_add_func ("/soothe/bundle/mutations", test_mutations);

  return g_test_run ();
}
