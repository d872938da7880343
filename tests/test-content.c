/* test-content.c: the rules the shipped advice must keep
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "soothe-content.h"
#include "soothe-markup.h"

/* Kept apart from the loader's own list on purpose: this test checks the
 * content, not the loader. */
static const char * const nsaid_words[] = {
  "nsaid", "ibuprofen", "naproxen", "diclofenac", "aspirin", "anti-inflammatory",
  "antiinflammatory", "anti inflammatory", "celecoxib", "ketoprofen", "advil", "nurofen",
  "motrin", "aleve",
};

/* Every complaint the source article names has a page. */
static const char * const required_situations[] = {
  "upper-back-burning", "upper-back-left", "upper-back-pregnancy", "upper-back-cough",
  "knee-pain", "pain-walking", "lower-back-pain", "pain-lifting", "pain-running", "sleeping-pain",
  /* Knee pain */
  "knee-clicking", "knee-squatting-kneeling", "knee-straightening",
  /* Pain when walking */
  "big-toe-pain", "heel-pain", "walking-back-leg-pain", "calf-pain-walking",
  /* Lower back pain */
  "back-pain-standing", "back-pain-after-exercise",
  /* Pain when lifting */
  "shoulder-pain-lifting", "wrist-pain-lifting", "leg-strain",
  /* Pain when running */
  "running-shoulders-neck", "chest-pain-exercise", "shin-pain",
  /* Sleeping with pain */
  "rib-pain-lying", "neck-pain-waking", "shoulder-pain-night", "night-aches-hormones",
};

static const char * const required_stretches[] = {
  "cat-cow", "childs-pose", "shoulder-rolls", "doorway-chest-stretch",
  "seated-thoracic-extension", "cross-body-shoulder-stretch", "chin-tuck",
  "shoulder-blade-squeeze", "hands-knees-back-stretch", "side-lying-knee-pillow",
  "calf-stretch", "plantar-fascia-stretch", "quadriceps-stretch", "straight-leg-raise",
  "wrist-flexor-stretch", "wrist-extensor-stretch", "pendulum-shoulder", "knee-to-chest",
  "pelvic-tilt", "neck-side-bend",
};

static SootheContent *content;

static void
assert_no_nsaid (const char *text,
                 const char *where)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (nsaid_words); i++)
    {
      if (strstr (folded, nsaid_words[i]) != NULL)
        g_error ("%s mentions “%s”: %s", where, nsaid_words[i], text);
    }
}

static void
assert_no_nsaid_strv (const char * const *texts,
                      const char         *where)
{
  for (guint i = 0; texts[i] != NULL; i++)
    assert_no_nsaid (texts[i], where);
}

static void
test_required_situations (void)
{
  GListModel *situations = soothe_content_get_situations (content);

  g_assert_cmpuint (g_list_model_get_n_items (situations), ==, G_N_ELEMENTS (required_situations));
  for (guint i = 0; i < G_N_ELEMENTS (required_situations); i++)
    g_assert_nonnull (soothe_content_lookup_situation (content, required_situations[i]));
}

static void
test_required_stretches (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_stretches); i++)
    {
      SootheStretch *stretch = soothe_content_lookup_stretch (content, required_stretches[i]);

      g_assert_nonnull (stretch);
      g_assert_cmpuint (g_strv_length ((char **) soothe_stretch_get_steps (stretch)), >=, 2);
      g_assert_cmpuint (soothe_stretch_get_hold_seconds (stretch), >, 0);
      g_assert_cmpuint (soothe_stretch_get_repetitions (stretch), >, 0);
    }
}

static void
test_every_situation_complete (void)
{
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char *id = soothe_situation_get_id (situation);

      g_test_message ("checking %s", id);
      g_assert_nonnull (soothe_content_get_area_title (content, soothe_situation_get_area (situation)));
      g_assert_cmpuint (soothe_situation_get_n_sources (situation), >=, 2);
      for (guint s = 0; s < soothe_situation_get_n_sources (situation); s++)
        {
          const SootheSource *source = soothe_situation_get_source (situation, s);

          g_assert_true (g_str_has_prefix (source->url, "https://"));
          g_assert_cmpstr (source->name, !=, "");
        }
      g_assert_cmpuint (g_strv_length ((char **) soothe_situation_get_emergency (situation)), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **) soothe_situation_get_urgent (situation)), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **) soothe_situation_get_stretch_ids (situation)), >=, 1);
      g_assert_cmpuint (soothe_situation_get_n_sections (situation), >=, 2);
      g_assert_cmpuint (g_strv_length ((char **) soothe_situation_get_keywords (situation)), >=, 5);
    }
}

static void
test_pregnancy_no_nsaid (void)
{
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);
  guint n_pregnancy = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char * const *stretch_ids = soothe_situation_get_stretch_ids (situation);
      const char *id = soothe_situation_get_id (situation);

      if (!soothe_situation_get_pregnancy (situation))
        continue;
      n_pregnancy++;

      assert_no_nsaid (soothe_situation_get_title (situation), id);
      assert_no_nsaid (soothe_situation_get_summary (situation), id);
      assert_no_nsaid (soothe_situation_get_therapy_reason (situation), id);
      assert_no_nsaid_strv (soothe_situation_get_emergency (situation), id);
      assert_no_nsaid_strv (soothe_situation_get_urgent (situation), id);
      for (guint s = 0; s < soothe_situation_get_n_sections (situation); s++)
        {
          const SootheAdviceSection *section = soothe_situation_get_section (situation, s);

          assert_no_nsaid (section->heading, id);
          assert_no_nsaid_strv ((const char * const *) section->items, id);
        }
      for (guint s = 0; stretch_ids[s] != NULL; s++)
        {
          SootheStretch *stretch = soothe_content_lookup_stretch (content, stretch_ids[s]);

          g_assert_true (soothe_stretch_get_pregnancy_safe (stretch));
          assert_no_nsaid_strv (soothe_stretch_get_steps (stretch), stretch_ids[s]);
          assert_no_nsaid_strv (soothe_stretch_get_cautions (stretch), stretch_ids[s]);
        }
    }

  g_assert_cmpuint (n_pregnancy, >=, 1);
  g_assert_true (soothe_situation_get_pregnancy (
      soothe_content_lookup_situation (content, "upper-back-pregnancy")));
}

static void
test_therapy_limits (void)
{
  const SootheTherapyKind timed[] = { SOOTHE_THERAPY_COLD, SOOTHE_THERAPY_HEAT };
  const SootheTherapyPreset *contrast = soothe_content_get_therapy (content, SOOTHE_THERAPY_CONTRAST);
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);

  for (guint i = 0; i < G_N_ELEMENTS (timed); i++)
    {
      const SootheTherapyPreset *preset = soothe_content_get_therapy (content, timed[i]);

      g_assert_nonnull (preset);
      g_assert_cmpuint (preset->max_minutes, ==, 20);
      g_assert_cmpuint (preset->rest_minutes, ==, 20);
      g_assert_cmpuint (preset->default_minutes, <=, preset->max_minutes);
      g_assert_cmpuint (g_strv_length (preset->safety), >=, 3);
    }
  g_assert_cmpuint (soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD)->check_skin_after_minutes, ==, 5);

  g_assert_nonnull (contrast);
  g_assert_cmpuint (contrast->rounds, >=, 1);
  g_assert_cmpuint (contrast->cold_seconds, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      SootheTherapyKind kind = soothe_situation_get_therapy_kind (situation);

      if (kind == SOOTHE_THERAPY_COLD || kind == SOOTHE_THERAPY_HEAT)
        g_assert_cmpuint (soothe_situation_get_therapy_minutes (situation), <=,
                          soothe_content_get_therapy (content, kind)->max_minutes);
    }
}

/* One description of the hold, for the card and the guided window alike. */
static void
test_describe_hold (void)
{
  g_autofree char *cat_cow = soothe_stretch_describe_hold (soothe_content_lookup_stretch (content,
                                                                                         "cat-cow"));
  g_autofree char *childs_pose = soothe_stretch_describe_hold (
      soothe_content_lookup_stretch (content, "childs-pose"));

  g_assert_cmpstr (cat_cow, ==, "Hold 5 seconds · 10 times");
  g_assert_true (g_str_has_prefix (childs_pose, "Hold "));
  g_assert_nonnull (strstr (childs_pose, " · "));
}

static void
test_disclaimer (void)
{
  const char *disclaimer = soothe_content_get_disclaimer (content);

  g_assert_nonnull (disclaimer);
  g_assert_nonnull (strstr (disclaimer, "not a substitute for professional medical advice"));
}

static void
test_grouped_by_area (void)
{
  GListModel *situations = soothe_content_get_situations (content);
  g_autoptr(GHashTable) finished = g_hash_table_new (g_str_hash, g_str_equal);
  const char *current = NULL;
  guint n = g_list_model_get_n_items (situations);

  /* Each area's situations sit together: an area never comes back. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      const char *area = soothe_situation_get_area (situation);

      if (g_strcmp0 (area, current) != 0)
        {
          g_assert_false (g_hash_table_contains (finished, area));
          if (current != NULL)
            g_hash_table_add (finished, (gpointer) current);
          current = area;
        }
    }
  g_assert_cmpstr (soothe_situation_get_area (
      soothe_content_lookup_situation (content, "upper-back-burning")), ==, "upper-back");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  content = soothe_content_new_builtin ();

  g_test_add_func ("/soothe/content/required-situations", test_required_situations);
  g_test_add_func ("/soothe/content/required-stretches", test_required_stretches);
  g_test_add_func ("/soothe/content/every-situation-complete", test_every_situation_complete);
  g_test_add_func ("/soothe/content/pregnancy-no-nsaid", test_pregnancy_no_nsaid);
  g_test_add_func ("/soothe/content/therapy-limits", test_therapy_limits);
  g_test_add_func ("/soothe/content/disclaimer", test_disclaimer);
  g_test_add_func ("/soothe/content/describe-hold", test_describe_hold);
  g_test_add_func ("/soothe/content/grouped-by-area", test_grouped_by_area);

  status = g_test_run ();
  g_object_unref (content);
  return status;
}
