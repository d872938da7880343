/* fuzz-bundle.c: libFuzzer harness for the bundle loader, from bytes
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is loaded twice: as a base bundle into empty content, and as a
 * user bundle on top of the built-in content. Besides crashes, leaks and hangs,
 * it checks what the loader promises: a refused bundle comes with problems that
 * each start with the file's name, is valid UTF-8, and changes nothing; a
 * loaded one leaves no problem and yields content the window can show. The
 * parsed document itself is walked whole first.
 */

#include <stdint.h>
#include <string.h>

#include "soothe-content.h"
#include "soothe-json.h"
#include "soothe-markup.h"

#define NAME "fuzz.json"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
assert_problems (GPtrArray *problems)
{
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_true (g_str_has_prefix (line, NAME ":"));
      /* Not checked here: a name or value quoted from the bundle can still hold
       * a line break (see /soothe/hardening/problem-is-one-line). */
    }
}

/* Every member is found by its name, and walking finds as many members or
 * elements as the container says it has. */
static void
walk_node (const SootheJsonNode *node,
           guint                 depth)
{
  SootheJsonKind kind = soothe_json_node_get_kind (node);
  const SootheJsonNode *child;
  guint n = 0;

  g_assert_cmpuint (depth, <=, SOOTHE_JSON_MAX_DEPTH);
  if (kind == SOOTHE_JSON_STRING)
    g_assert_true (g_utf8_validate (soothe_json_node_get_string (node), -1, NULL));
  if (kind != SOOTHE_JSON_OBJECT && kind != SOOTHE_JSON_ARRAY)
    return;

  for (child = soothe_json_node_get_first (node); child != NULL;
       child = soothe_json_node_get_next (child), n++)
    {
      const char *name = soothe_json_node_get_name (child);

      if (kind == SOOTHE_JSON_OBJECT)
        {
          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_true (soothe_json_node_get_member (node, name) == child);
        }
      else
        {
          g_assert_null (name);
        }
      walk_node (child, depth + 1);
    }
  g_assert_cmpuint (n, ==, soothe_json_node_get_size (node));
}

static void
check_document (GBytes *bytes)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SootheJsonDoc) doc = soothe_json_parse (bytes, NAME, problems);

  if (doc == NULL)
    {
      /* The parser stops at the first problem. */
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problems (problems);
      return;
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_null (soothe_json_node_get_next (soothe_json_doc_get_root (doc)));
  walk_node (soothe_json_doc_get_root (doc), 0);
}

/* Walks what the window and the search would read. */
static void
use_content (SootheContent *content)
{
  GListModel *situations = soothe_content_get_situations (content);
  guint n = g_list_model_get_n_items (situations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SootheSituation) situation = g_list_model_get_item (situations, i);
      g_autofree char *title = soothe_markup_from_inline (soothe_situation_get_title (situation));
      const char * const *stretches = soothe_situation_get_stretch_ids (situation);

      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_nonnull (soothe_content_get_area_title (content,
                                                       soothe_situation_get_area (situation)));
      for (guint k = 0; stretches[k] != NULL; k++)
        g_assert_nonnull (soothe_content_lookup_stretch (content, stretches[k]));
    }

  /* The second question has a word of the built-in not_covered and one
   * of its area titles. */
  for (guint q = 0; n > 0 && q < 2; q++)
    {
      SootheAnswers *answers = soothe_content_get_answers (content);
      g_autoptr(SootheAnswerSet) set = soothe_answers_ask (answers, q == 0 ? "pain back fever" : "ankle and knee",
                                                           SOOTHE_ASK_PREGNANT);

      g_assert_nonnull (set->answers);
      for (guint i = 0; i < set->answers->len; i++)
        {
          SootheAnswer *answer = &g_array_index (set->answers, SootheAnswer, i);
          g_autofree char *text = soothe_answers_get_text (answers, &answer->passages[0]);
          g_autofree char *markup = soothe_answers_highlight (answers, set, text);

          g_assert_true (g_utf8_validate (markup, -1, NULL));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Parsing the built-in content for every input would cost most of the time;
   * a refused user bundle changes nothing, so one copy serves until a bundle
   * loads. */
  static SootheContent *builtin = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  check_document (bytes);

  /* As a base bundle */
  {
    g_autoptr(SootheContent) content = soothe_content_new ();
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    if (soothe_content_load_bytes (content, bytes, NAME, SOOTHE_BUNDLE_BASE, problems))
      {
        g_assert_cmpuint (problems->len, ==, 0);
        g_assert_nonnull (soothe_content_get_disclaimer (content));
        g_assert_nonnull (soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD));
        use_content (content);
      }
    else
      {
        assert_problems (problems);
      }
  }

  /* As a user bundle over the built-in content */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    if (builtin == NULL)
      builtin = soothe_content_new_builtin ();

    if (soothe_content_load_bytes (builtin, bytes, NAME, SOOTHE_BUNDLE_USER, problems))
      {
        g_assert_cmpuint (problems->len, ==, 0);
        use_content (builtin);
        g_clear_object (&builtin);
      }
    else
      {
        SootheSituation *knee = soothe_content_lookup_situation (builtin, "knee-pain");
        SootheStretch *cat_cow = soothe_content_lookup_stretch (builtin, "cat-cow");

        assert_problems (problems);
        /* Listing the situations would freeze the content, so spot-check what
         * a user bundle could replace by id. */
        g_assert_cmpstr (soothe_situation_get_title (knee), ==, "Knee pain");
        g_assert_cmpstr (soothe_stretch_get_name (cat_cow), ==, "Cat-cow");
        g_assert_true (soothe_stretch_get_pregnancy_safe (cat_cow));
      }
  }

  return 0;
}
