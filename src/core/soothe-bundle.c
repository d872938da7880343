/* soothe-bundle.c: reads one bundle's JSON tree into model objects, checking
 * every member and reporting every problem with its JSON path.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-bundle-private.h"
#include "soothe-json-reader.h"
#include "soothe-markup.h"
#include "soothe-model-private.h"
#include "soothe-safety.h"

#define SOOTHE_BUNDLE_FORMAT 1

typedef struct {
  SootheJsonReader       *json;    /* where in the bundle, and its problems */
  SootheBundleRole        role;
  const SootheBundleBase *base;
  SootheBundle           *bundle;
} Reader;

static SootheJsonFlags
required_if (gboolean required)
{
  return required ? SOOTHE_JSON_REQUIRED : SOOTHE_JSON_OPTIONAL;
}

/* Returns @node when it is an array, and not empty unless @allow_empty. */
static const SootheJsonNode *
node_array (Reader               *reader,
            const SootheJsonNode *node,
            const char           *member,
            gboolean              allow_empty)
{
  if (!soothe_json_reader_check_kind (reader->json, node, member, SOOTHE_JSON_ARRAY,
                                      SOOTHE_JSON_REQUIRED))
    return NULL;
  if (!allow_empty && soothe_json_node_get_size (node) == 0)
    {
      soothe_json_reader_problem (reader->json, member, "must not be empty");
      return NULL;
    }
  return node;
}

/* A plain string (ids, keywords, names): must hold more than white space. */
static char *
node_string (Reader               *reader,
             const SootheJsonNode *node,
             const char           *member)
{
  const char *value;

  if (!soothe_json_reader_check_kind (reader->json, node, member, SOOTHE_JSON_STRING,
                                      SOOTHE_JSON_REQUIRED))
    return NULL;
  value = soothe_json_node_get_string (node);
  if (soothe_text_is_blank (value))
    {
      soothe_json_reader_problem (reader->json, member, "must not be empty");
      return NULL;
    }
  return g_strdup (value);
}

/* Text in inline syntax: a string whose links are all https. */
static char *
node_text (Reader               *reader,
           const SootheJsonNode *node,
           const char           *member)
{
  g_autofree char *bad_url = NULL;
  char *text = node_string (reader, node, member);

  /* A link has "](" as written, since escapes only ever remove a backslash
   * before one of *[]\. Most texts have none, and the full inline parse
   * costs more than everything else done to a text here. */
  if (text != NULL && strstr (text, "](") != NULL &&
      soothe_markup_find_unsafe_link (text, &bad_url))
    {
      soothe_json_reader_problem (reader->json, member,
                                  "link must start with https:// (found \"%s\")", bad_url);
      g_clear_pointer (&text, g_free);
    }
  return text;
}

/* One word, as a question would have it: "ankle", not "sore ankle". */
static char *
node_word (Reader               *reader,
           const SootheJsonNode *node,
           const char           *member)
{
  g_autofree char *word = node_string (reader, node, member);

  if (word == NULL)
    return NULL;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        soothe_json_reader_problem (reader->json, member, "\"%s\" must be one word", word);
        return NULL;
      }
  return g_steal_pointer (&word);
}

static char *
node_id (Reader               *reader,
         const SootheJsonNode *node,
         const char           *member)
{
  g_autofree char *id = node_string (reader, node, member);

  if (id == NULL)
    return NULL;
  if (soothe_id_is_valid (id))
    return g_steal_pointer (&id);

  soothe_json_reader_problem (reader->json, member,
                              "\"%s\" is not a valid id (1 to 64 of a-z, 0-9 and -, starting with "
                              "a letter)", id);
  return NULL;
}

static char *
read_string (Reader               *reader,
             const SootheJsonNode *object,
             const char           *member,
             gboolean              required)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, member,
                                                              required_if (required));
  return node != NULL ? node_string (reader, node, member) : NULL;
}

static char *
read_text (Reader               *reader,
           const SootheJsonNode *object,
           const char           *member,
           gboolean              required)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, member,
                                                              required_if (required));
  return node != NULL ? node_text (reader, node, member) : NULL;
}

static char *
read_id (Reader               *reader,
         const SootheJsonNode *object,
         const char           *member)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, member,
                                                              SOOTHE_JSON_REQUIRED);
  return node != NULL ? node_id (reader, node, member) : NULL;
}

static gboolean
read_uint (Reader               *reader,
           const SootheJsonNode *object,
           const char           *member,
           gboolean              required,
           guint                 min,
           guint                 max,
           guint                *value)
{
  gint64 number;

  if (!soothe_json_reader_read_int (reader->json, object, member, required_if (required), min,
                                    max, &number))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

static gboolean
read_boolean (Reader               *reader,
              const SootheJsonNode *object,
              const char           *member,
              gboolean              required,
              gboolean             *value)
{
  return soothe_json_reader_read_boolean (reader->json, object, member, required_if (required),
                                          value);
}

typedef char *(*ReadElement) (Reader *reader, const SootheJsonNode *node, const char *member);

/* Reads an array of strings with @read_element; NULL when anything is wrong. */
static char **
read_strv (Reader               *reader,
           const SootheJsonNode *object,
           const char           *member,
           gboolean              required,
           gboolean              allow_empty,
           ReadElement           read_element)
{
  g_autoptr(GPtrArray) strings = NULL;
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, member,
                                                              required_if (required));
  const SootheJsonNode *array;
  const SootheJsonNode *element;
  gboolean ok = TRUE;
  gsize length;
  guint i = 0;

  if (node == NULL || !(array = node_array (reader, node, member, allow_empty)))
    return NULL;

  strings = g_ptr_array_new_with_free_func (g_free);
  length = soothe_json_reader_enter_member (reader->json, member);
  for (element = soothe_json_node_get_first (array); element != NULL;
       element = soothe_json_node_get_next (element))
    {
      gsize element_length = soothe_json_reader_enter_element (reader->json, i++);
      char *text = read_element (reader, element, NULL);

      soothe_json_reader_leave (reader->json, element_length);
      if (text == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (strings, text);
    }
  soothe_json_reader_leave (reader->json, length);

  if (!ok)
    return NULL;
  /* The strings themselves become the vector's, not copies of them. */
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

/* A synonym group may not be larger than this: it is looked up for every
 * query word in it. */
#define MAX_SYNONYMS 32

/* "synonyms": [["hurt", "sore", "ache"], …], groups of two or more words. */
static GPtrArray *
read_synonyms (Reader               *reader,
               const SootheJsonNode *object)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, "synonyms",
                                                              SOOTHE_JSON_OPTIONAL);
  const SootheJsonNode *array;
  g_autoptr(GPtrArray) groups = NULL;
  gboolean ok = TRUE;
  gsize length;
  guint i = 0;

  if (node == NULL || !(array = node_array (reader, node, "synonyms", TRUE)))
    return NULL;

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  length = soothe_json_reader_enter_member (reader->json, "synonyms");
  for (const SootheJsonNode *group = soothe_json_node_get_first (array); group != NULL;
       group = soothe_json_node_get_next (group))
    {
      gsize group_length = soothe_json_reader_enter_element (reader->json, i++);
      g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
      guint n_words = 0;

      if (node_array (reader, group, NULL, FALSE) == NULL)
        {
          ok = FALSE;
          soothe_json_reader_leave (reader->json, group_length);
          continue;
        }
      for (const SootheJsonNode *word = soothe_json_node_get_first (group); word != NULL;
           word = soothe_json_node_get_next (word))
        {
          gsize word_length = soothe_json_reader_enter_element (reader->json, n_words++);
          g_autofree char *text = node_string (reader, word, NULL);

          if (text == NULL)
            ok = FALSE;
          else
            g_strv_builder_add (words, text);
          soothe_json_reader_leave (reader->json, word_length);
        }
      if (n_words < 2)
        {
          soothe_json_reader_problem (reader->json, NULL,
                                      "a synonym group needs at least two words");
          ok = FALSE;
        }
      else if (n_words > MAX_SYNONYMS)
        {
          soothe_json_reader_problem (reader->json, NULL,
                                      "a synonym group has at most %d words, found %u",
                                      MAX_SYNONYMS, n_words);
          ok = FALSE;
        }
      else
        g_ptr_array_add (groups, g_strv_builder_end (words));
      soothe_json_reader_leave (reader->json, group_length);
    }
  soothe_json_reader_leave (reader->json, length);

  return ok ? g_steal_pointer (&groups) : NULL;
}

/* Iterates over an array of objects, calling @read_object with the path set. */
static void
read_objects (Reader                *reader,
              const SootheJsonNode  *object,
              const char            *member,
              gboolean               required,
              gboolean               allow_empty,
              void                 (*read_object) (Reader               *reader,
                                                   const SootheJsonNode *element,
                                                   gpointer              data),
              gpointer               data)
{
  const SootheJsonNode *node = soothe_json_reader_get_member (reader->json, object, member,
                                                              required_if (required));
  const SootheJsonNode *array;
  const SootheJsonNode *element;
  gsize length;
  guint i = 0;

  if (node == NULL || !(array = node_array (reader, node, member, allow_empty)))
    return;

  length = soothe_json_reader_enter_member (reader->json, member);
  for (element = soothe_json_node_get_first (array); element != NULL;
       element = soothe_json_node_get_next (element))
    {
      gsize element_length = soothe_json_reader_enter_element (reader->json, i++);

      if (soothe_json_reader_check_kind (reader->json, element, NULL, SOOTHE_JSON_OBJECT,
                                         SOOTHE_JSON_REQUIRED))
        read_object (reader, element, data);
      soothe_json_reader_leave (reader->json, element_length);
    }
  soothe_json_reader_leave (reader->json, length);
}

/* Reports an id already used in this bundle. */
static gboolean
claim_id (Reader     *reader,
          GHashTable *seen,
          const char *id)
{
  if (!g_hash_table_add (seen, g_strdup (id)))
    {
      soothe_json_reader_problem (reader->json, "id", "duplicate id \"%s\"", id);
      return FALSE;
    }
  return TRUE;
}

void
soothe_area_free (SootheArea *area)
{
  if (area == NULL)
    return;
  g_free (area->id);
  g_free (area->title);
  g_free (area);
}

void
soothe_therapy_preset_clear (SootheTherapyPreset *preset)
{
  g_clear_pointer (&preset->title, g_free);
  g_clear_pointer (&preset->in_sentence, g_free);
  g_clear_pointer (&preset->safety, g_strfreev);
}

void
soothe_bundle_free (SootheBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_free (bundle->language);
  g_free (bundle->disclaimer);
  g_strfreev (bundle->stopwords);
  g_strfreev (bundle->not_covered);
  g_clear_pointer (&bundle->synonyms, g_ptr_array_unref);
  g_ptr_array_unref (bundle->areas);
  g_ptr_array_unref (bundle->stretches);
  g_ptr_array_unref (bundle->situations);
  for (guint i = 0; i < G_N_ELEMENTS (bundle->therapies); i++)
    soothe_therapy_preset_clear (&bundle->therapies[i]);
  g_free (bundle);
}

/* Areas ------------------------------------------------------------------ */

static void
read_area (Reader               *reader,
           const SootheJsonNode *object,
           gpointer              data)
{
  static const char * const members[] = { "id", "title", NULL };
  GHashTable *seen = data;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  SootheArea *area;

  soothe_json_reader_check_members (reader->json, object, members);
  id = read_id (reader, object, "id");
  title = read_text (reader, object, "title", TRUE);
  if (id == NULL || !claim_id (reader, seen, id) || title == NULL)
    return;

  area = g_new0 (SootheArea, 1);
  area->id = g_steal_pointer (&id);
  area->title = g_steal_pointer (&title);
  g_ptr_array_add (reader->bundle->areas, area);
}

static gboolean
area_known (Reader     *reader,
            const char *id)
{
  for (guint i = 0; i < reader->bundle->areas->len; i++)
    {
      SootheArea *area = g_ptr_array_index (reader->bundle->areas, i);
      if (g_str_equal (area->id, id))
        return TRUE;
    }
  return reader->base != NULL && g_hash_table_contains (reader->base->areas, id);
}

/* Therapies -------------------------------------------------------------- */

static void
read_therapy (Reader               *reader,
              const SootheJsonNode *therapies,
              SootheTherapyKind     kind)
{
  static const char * const timed_members[] = {
    "title", "in_sentence", "default_minutes", "max_minutes", "rest_minutes", "max_cycles",
    "check_skin_after_minutes", "safety", NULL
  };
  static const char * const contrast_members[] = {
    "title", "in_sentence", "heat_seconds", "cold_seconds", "rounds", "safety", NULL
  };
  SootheTherapyPreset *preset = &reader->bundle->therapies[kind];
  const char *member = soothe_therapy_kind_to_string (kind);
  const SootheJsonNode *object = soothe_json_reader_read_object (reader->json, therapies, member,
                                                                 SOOTHE_JSON_REQUIRED);
  gsize length;

  if (object == NULL)
    return;

  length = soothe_json_reader_enter_member (reader->json, member);
  preset->title = read_text (reader, object, "title", TRUE);
  preset->in_sentence = read_text (reader, object, "in_sentence", FALSE);
  preset->safety = read_strv (reader, object, "safety", TRUE, FALSE, node_text);

  if (kind == SOOTHE_THERAPY_CONTRAST)
    {
      soothe_json_reader_check_members (reader->json, object, contrast_members);
      read_uint (reader, object, "heat_seconds", TRUE, 10, 600, &preset->heat_seconds);
      read_uint (reader, object, "cold_seconds", TRUE, 10, 600, &preset->cold_seconds);
      read_uint (reader, object, "rounds", TRUE, 1, 10, &preset->rounds);
    }
  else
    {
      soothe_json_reader_check_members (reader->json, object, timed_members);
      read_uint (reader, object, "rest_minutes", TRUE, 1, 240, &preset->rest_minutes);
      read_uint (reader, object, "max_cycles", TRUE, 1, 12, &preset->max_cycles);
      if (read_uint (reader, object, "max_minutes", TRUE, 1, 60, &preset->max_minutes) &&
          read_uint (reader, object, "default_minutes", TRUE, 1, 60, &preset->default_minutes) &&
          preset->default_minutes > preset->max_minutes)
        soothe_json_reader_problem (reader->json, "default_minutes",
                                    "must not be more than max_minutes (%u)", preset->max_minutes);
      if (read_uint (reader, object, "check_skin_after_minutes", FALSE, 1, 60,
                     &preset->check_skin_after_minutes) &&
          preset->max_minutes > 0 && preset->check_skin_after_minutes >= preset->max_minutes)
        soothe_json_reader_problem (reader->json, "check_skin_after_minutes",
                                    "must be less than max_minutes (%u)", preset->max_minutes);
    }
  soothe_json_reader_leave (reader->json, length);
}

static void
read_therapies (Reader               *reader,
                const SootheJsonNode *root,
                SootheJsonFlags       flags)
{
  static const char * const members[] = { "cold", "heat", "contrast", NULL };
  const SootheJsonNode *object = soothe_json_reader_read_object (reader->json, root, "therapies",
                                                                 flags);
  gsize length;

  if (object == NULL)
    return;

  reader->bundle->has_therapies = TRUE;
  length = soothe_json_reader_enter_member (reader->json, "therapies");
  soothe_json_reader_check_members (reader->json, object, members);
  read_therapy (reader, object, SOOTHE_THERAPY_COLD);
  read_therapy (reader, object, SOOTHE_THERAPY_HEAT);
  read_therapy (reader, object, SOOTHE_THERAPY_CONTRAST);
  soothe_json_reader_leave (reader->json, length);
}

/* A translation changes words, never the safety limits. */
static void
check_translated_limits (Reader *reader)
{
  gsize length = soothe_json_reader_enter_member (reader->json, "therapies");

  for (SootheTherapyKind kind = SOOTHE_THERAPY_COLD; kind <= SOOTHE_THERAPY_CONTRAST; kind++)
    {
      const SootheTherapyPreset *own = &reader->bundle->therapies[kind];
      const SootheTherapyPreset *base = &reader->base->therapies[kind];

      if (own->default_minutes != base->default_minutes || own->max_minutes != base->max_minutes ||
          own->rest_minutes != base->rest_minutes || own->max_cycles != base->max_cycles ||
          own->check_skin_after_minutes != base->check_skin_after_minutes ||
          own->heat_seconds != base->heat_seconds || own->cold_seconds != base->cold_seconds ||
          own->rounds != base->rounds)
        soothe_json_reader_problem (reader->json, soothe_therapy_kind_to_string (kind),
                                    "a translation must keep the limits of the built-in content");
    }
  soothe_json_reader_leave (reader->json, length);
}

static const SootheTherapyPreset *
lookup_therapy (Reader            *reader,
                SootheTherapyKind  kind)
{
  if (reader->bundle->has_therapies)
    return &reader->bundle->therapies[kind];
  if (reader->base != NULL && reader->base->therapies != NULL)
    return &reader->base->therapies[kind];
  return NULL;
}

/* Stretches -------------------------------------------------------------- */

static void
read_stretch (Reader               *reader,
              const SootheJsonNode *object,
              gpointer              data)
{
  static const char * const members[] = {
    "id", "name", "summary", "steps", "hold_seconds", "repetitions", "cautions",
    "pregnancy_safe", "illustration", NULL
  };
  GHashTable *seen = data;
  g_autoptr(SootheStretch) stretch = g_object_new (SOOTHE_TYPE_STRETCH, NULL);
  guint before = soothe_json_reader_get_n_problems (reader->json);

  soothe_json_reader_check_members (reader->json, object, members);
  stretch->id = read_id (reader, object, "id");
  if (stretch->id != NULL)
    claim_id (reader, seen, stretch->id);
  stretch->name = read_text (reader, object, "name", TRUE);
  stretch->summary = read_text (reader, object, "summary", TRUE);
  stretch->steps = read_strv (reader, object, "steps", TRUE, FALSE, node_text);
  read_uint (reader, object, "hold_seconds", TRUE, 1, 300, &stretch->hold_seconds);
  read_uint (reader, object, "repetitions", TRUE, 1, 50, &stretch->repetitions);
  stretch->cautions = read_strv (reader, object, "cautions", TRUE, TRUE, node_text);
  if (read_boolean (reader, object, "pregnancy_safe", TRUE, &stretch->pregnancy_safe) &&
      !stretch->pregnancy_safe && stretch->id != NULL && reader->base != NULL)
    {
      SootheStretch *replaced = g_hash_table_lookup (reader->base->stretches, stretch->id);

      /* Pregnancy content loaded before may use it; it was checked against the
       * stretch this one replaces. */
      if (replaced != NULL && replaced->pregnancy_safe)
        soothe_json_reader_problem (reader->json, "pregnancy_safe",
                                    "must stay true: \"%s\" replaces a stretch marked safe in "
                                    "pregnancy", stretch->id);
    }
  stretch->illustration = read_string (reader, object, "illustration", FALSE);
  if (stretch->illustration != NULL && !g_str_has_prefix (stretch->illustration, "/"))
    soothe_json_reader_problem (reader->json, "illustration",
                                "must be a resource path starting with /");

  if (soothe_json_reader_get_n_problems (reader->json) == before)
    g_ptr_array_add (reader->bundle->stretches, g_steal_pointer (&stretch));
}

static SootheStretch *
lookup_stretch (Reader     *reader,
                const char *id)
{
  for (guint i = 0; i < reader->bundle->stretches->len; i++)
    {
      SootheStretch *stretch = g_ptr_array_index (reader->bundle->stretches, i);
      if (g_str_equal (stretch->id, id))
        return stretch;
    }
  return reader->base != NULL ? g_hash_table_lookup (reader->base->stretches, id) : NULL;
}

/* Situations ------------------------------------------------------------- */

static void
read_section (Reader               *reader,
              const SootheJsonNode *object,
              gpointer              data)
{
  static const char * const members[] = { "heading", "items", NULL };
  SootheSituation *situation = data;
  SootheAdviceSection *section = soothe_advice_section_new ();

  soothe_json_reader_check_members (reader->json, object, members);
  section->heading = read_text (reader, object, "heading", TRUE);
  section->items = read_strv (reader, object, "items", TRUE, FALSE, node_text);
  g_ptr_array_add (situation->sections, section);
}

static void
read_source (Reader               *reader,
             const SootheJsonNode *object,
             gpointer              data)
{
  static const char * const members[] = { "name", "url", NULL };
  SootheSituation *situation = data;
  SootheSource *source = soothe_source_new ();

  soothe_json_reader_check_members (reader->json, object, members);
  source->name = read_string (reader, object, "name", TRUE);
  source->url = read_string (reader, object, "url", TRUE);
  if (source->url != NULL &&
      (!g_str_has_prefix (source->url, "https://") || strlen (source->url) <= strlen ("https://") ||
       strpbrk (source->url, " \t\r\n\"<>") != NULL))
    soothe_json_reader_problem (reader->json, "url",
                                "link must start with https:// (found \"%s\")", source->url);
  g_ptr_array_add (situation->sources, source);
}

static void
read_get_help (Reader               *reader,
               const SootheJsonNode *situation_object,
               SootheSituation      *situation)
{
  static const char * const members[] = { "emergency", "urgent", NULL };
  const SootheJsonNode *object = soothe_json_reader_read_object (reader->json, situation_object,
                                                                 "get_help", SOOTHE_JSON_REQUIRED);
  gsize length;

  if (object == NULL)
    return;
  length = soothe_json_reader_enter_member (reader->json, "get_help");
  soothe_json_reader_check_members (reader->json, object, members);
  situation->emergency = read_strv (reader, object, "emergency", TRUE, FALSE, node_text);
  situation->urgent = read_strv (reader, object, "urgent", TRUE, FALSE, node_text);
  soothe_json_reader_leave (reader->json, length);
}

static void
read_situation_therapy (Reader               *reader,
                        const SootheJsonNode *situation_object,
                        SootheSituation      *situation)
{
  static const char * const members[] = { "kind", "minutes", "reason", NULL };
  const SootheJsonNode *object = soothe_json_reader_read_object (reader->json, situation_object,
                                                                 "therapy", SOOTHE_JSON_REQUIRED);
  g_autofree char *kind = NULL;
  gsize length;

  if (object == NULL)
    return;
  length = soothe_json_reader_enter_member (reader->json, "therapy");
  soothe_json_reader_check_members (reader->json, object, members);
  situation->therapy_reason = read_text (reader, object, "reason", TRUE);
  kind = read_string (reader, object, "kind", TRUE);

  if (kind != NULL && !soothe_therapy_kind_from_string (kind, &situation->therapy_kind))
    {
      soothe_json_reader_problem (reader->json, "kind",
                                  "unknown therapy \"%s\" (cold, heat, contrast or none)", kind);
    }
  else if (kind != NULL && (situation->therapy_kind == SOOTHE_THERAPY_COLD ||
                            situation->therapy_kind == SOOTHE_THERAPY_HEAT))
    {
      const SootheTherapyPreset *preset = lookup_therapy (reader, situation->therapy_kind);
      guint max = preset != NULL && preset->max_minutes > 0 ? preset->max_minutes : 60;

      read_uint (reader, object, "minutes", TRUE, 1, max, &situation->therapy_minutes);
    }
  else if (kind != NULL && soothe_json_node_get_member (object, "minutes") != NULL)
    {
      soothe_json_reader_problem (reader->json, "minutes", "only cold and heat take minutes");
    }
  soothe_json_reader_leave (reader->json, length);
}

static void
read_situation_stretches (Reader               *reader,
                          const SootheJsonNode *object,
                          SootheSituation      *situation)
{
  gsize length;

  situation->stretch_ids = read_strv (reader, object, "stretches", TRUE, FALSE, node_id);
  if (situation->stretch_ids == NULL)
    return;

  length = soothe_json_reader_enter_member (reader->json, "stretches");
  for (guint i = 0; situation->stretch_ids[i] != NULL; i++)
    {
      SootheStretch *stretch = lookup_stretch (reader, situation->stretch_ids[i]);
      gsize element_length = soothe_json_reader_enter_element (reader->json, i);

      if (stretch == NULL)
        soothe_json_reader_problem (reader->json, NULL,
                                    "unknown stretch \"%s\"", situation->stretch_ids[i]);
      else if (situation->pregnancy && !stretch->pregnancy_safe)
        soothe_json_reader_problem (reader->json, NULL,
                                    "stretch \"%s\" is not marked safe in pregnancy",
                                    situation->stretch_ids[i]);
      soothe_json_reader_leave (reader->json, element_length);
    }
  soothe_json_reader_leave (reader->json, length);
}

static void
check_nsaid_text (Reader     *reader,
                  const char *member,
                  const char *text)
{
  const char *word = soothe_text_mentions_nsaid (text);

  if (word != NULL)
    soothe_json_reader_problem (reader->json, member,
                                "pregnancy content must not mention NSAIDs (found \"%s\")", word);
}

static void
check_nsaid_strv (Reader             *reader,
                  const char         *member,
                  const char * const *texts)
{
  gsize length;

  if (texts == NULL)
    return;
  length = soothe_json_reader_enter_member (reader->json, member);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      gsize element_length = soothe_json_reader_enter_element (reader->json, i);
      check_nsaid_text (reader, NULL, texts[i]);
      soothe_json_reader_leave (reader->json, element_length);
    }
  soothe_json_reader_leave (reader->json, length);
}

static void
check_pregnancy_text (Reader          *reader,
                      SootheSituation *situation)
{
  gsize length;

  check_nsaid_text (reader, "title", situation->title);
  check_nsaid_text (reader, "summary", situation->summary);
  check_nsaid_text (reader, "therapy.reason", situation->therapy_reason);
  check_nsaid_strv (reader, "get_help.emergency", (const char * const *) situation->emergency);
  check_nsaid_strv (reader, "get_help.urgent", (const char * const *) situation->urgent);

  length = soothe_json_reader_enter_member (reader->json, "sections");
  for (guint i = 0; i < situation->sections->len; i++)
    {
      SootheAdviceSection *section = g_ptr_array_index (situation->sections, i);
      gsize element_length = soothe_json_reader_enter_element (reader->json, i);

      check_nsaid_text (reader, "heading", section->heading);
      check_nsaid_strv (reader, "items", (const char * const *) section->items);
      soothe_json_reader_leave (reader->json, element_length);
    }
  soothe_json_reader_leave (reader->json, length);
}

static void
read_situation (Reader               *reader,
                const SootheJsonNode *object,
                gpointer              data)
{
  static const char * const members[] = {
    "id", "title", "area", "summary", "keywords", "sections", "get_help",
    "see_doctor_after_days", "therapy", "stretches", "sources", "pregnancy", NULL
  };
  GHashTable *seen = data;
  g_autoptr(SootheSituation) situation = g_object_new (SOOTHE_TYPE_SITUATION, NULL);
  guint before = soothe_json_reader_get_n_problems (reader->json);

  soothe_json_reader_check_members (reader->json, object, members);
  situation->id = read_id (reader, object, "id");
  if (situation->id != NULL)
    claim_id (reader, seen, situation->id);
  situation->title = read_text (reader, object, "title", TRUE);

  situation->area = read_id (reader, object, "area");
  if (situation->area != NULL && !area_known (reader, situation->area))
    soothe_json_reader_problem (reader->json, "area", "unknown area \"%s\"", situation->area);

  read_boolean (reader, object, "pregnancy", FALSE, &situation->pregnancy);
  situation->summary = read_text (reader, object, "summary", TRUE);
  situation->keywords = read_strv (reader, object, "keywords", TRUE, FALSE, node_string);
  read_objects (reader, object, "sections", TRUE, FALSE, read_section, situation);
  read_get_help (reader, object, situation);
  /* Optional, so that bundles written before it stay valid; the built-in
   * content gives it for every situation (tests/test-content-rules.py). */
  read_uint (reader, object, "see_doctor_after_days", FALSE, 1, 365,
             &situation->see_doctor_after_days);
  read_situation_therapy (reader, object, situation);
  read_situation_stretches (reader, object, situation);
  read_objects (reader, object, "sources", TRUE, FALSE, read_source, situation);

  if (situation->pregnancy)
    check_pregnancy_text (reader, situation);

  if (soothe_json_reader_get_n_problems (reader->json) == before)
    g_ptr_array_add (reader->bundle->situations, g_steal_pointer (&situation));
}

/* Top level -------------------------------------------------------------- */

/**
 * soothe_bundle_read:
 * @root: the parsed document
 * @name: the file name to put in messages
 * @role: whether the bundle must stand on its own or adds to @base
 * @base: (nullable): what the content loaded before holds, for references to it
 * @problems: where problems are appended, one line each
 *
 * Returns: (transfer full) (nullable): the bundle, or %NULL when it has problems
 */
SootheBundle *
soothe_bundle_read (const SootheJsonNode   *root,
                    const char             *name,
                    SootheBundleRole        role,
                    const SootheBundleBase *base,
                    GPtrArray              *problems)
{
  static const char * const members[] = {
    "format", "language", "disclaimer", "stopwords", "synonyms", "not_covered", "areas",
    "therapies", "stretches", "situations", NULL
  };
  g_autoptr(SootheBundle) bundle = g_new0 (SootheBundle, 1);
  g_autoptr(GHashTable) area_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) stretch_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) situation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(SootheJsonReader) json = { 0 };
  guint before = problems->len;
  Reader reader = { &json, role, base, bundle };
  const SootheJsonNode *object;

  g_return_val_if_fail (root != NULL, NULL);

  soothe_json_reader_init (&json, name, problems);
  bundle->role = role;
  bundle->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) soothe_area_free);
  bundle->stretches = g_ptr_array_new_with_free_func (g_object_unref);
  bundle->situations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!soothe_json_reader_check_kind (reader.json, root, NULL, SOOTHE_JSON_OBJECT,
                                      SOOTHE_JSON_REQUIRED))
    return NULL;
  object = root;

  soothe_json_reader_check_members (reader.json, object, members);
  soothe_json_reader_read_format (reader.json, object, SOOTHE_BUNDLE_FORMAT);
  if (problems->len > before)
    return NULL;

  bundle->language = read_string (&reader, object, "language", FALSE);
  bundle->stopwords = read_strv (&reader, object, "stopwords", FALSE, TRUE, node_string);
  bundle->synonyms = read_synonyms (&reader, object);
  bundle->not_covered = read_strv (&reader, object, "not_covered", FALSE, TRUE, node_word);
  bundle->disclaimer = read_text (&reader, object, "disclaimer", role != SOOTHE_BUNDLE_USER);
  if (role == SOOTHE_BUNDLE_USER && bundle->disclaimer != NULL)
    soothe_json_reader_problem (reader.json, "disclaimer",
                                "only the built-in content sets the disclaimer");

  if (role == SOOTHE_BUNDLE_USER && soothe_json_node_get_member (object, "therapies") != NULL)
    soothe_json_reader_problem (reader.json, "therapies",
                                "therapy limits come only from the built-in content");
  else
    read_therapies (&reader, object, required_if (role == SOOTHE_BUNDLE_BASE));

  if (role == SOOTHE_BUNDLE_TRANSLATION && bundle->has_therapies && base != NULL &&
      base->therapies != NULL)
    check_translated_limits (&reader);

  read_objects (&reader, object, "areas", role == SOOTHE_BUNDLE_BASE, FALSE, read_area, area_ids);
  read_objects (&reader, object, "stretches", role == SOOTHE_BUNDLE_BASE, FALSE, read_stretch,
                stretch_ids);
  read_objects (&reader, object, "situations", role == SOOTHE_BUNDLE_BASE, FALSE,
                read_situation, situation_ids);

  if (problems->len > before)
    return NULL;
  return g_steal_pointer (&bundle);
}
