/* soothe-content.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "soothe-bundle-private.h"
#include "soothe-content.h"
#include "soothe-content-resources.h"
#include "soothe-json.h"
#include "soothe-markup.h"
#include "soothe-model-private.h"

#define BUILTIN_BUNDLE RESOURCE_BASE "/content/en.json"

struct _SootheContent
{
  GObject parent_instance;

  /* What the bundles loaded so far hold; later bundles replace by id. */
  char                *language;    /* of the built-in text in effect */
  char                *disclaimer;
  GPtrArray           *stopwords;   /* of char *, NULL-terminated */
  GPtrArray           *areas;       /* of SootheArea, in sidebar order */
  GPtrArray           *situations;  /* of SootheSituation, in load order */
  /* id -> position + 1 in areas and in situations: a bundle may hold tens of
   * thousands of either, and looking each one up by a walk took minutes. */
  GHashTable          *area_index;
  GHashTable          *situation_index;
  GHashTable          *stretches;   /* id -> SootheStretch */
  gboolean             has_therapies;
  SootheTherapyPreset  therapies[SOOTHE_THERAPY_CONTRAST + 1];
  GPtrArray           *skipped;     /* of SootheSkippedBundle */

  /* Built on first use; loading more afterwards is a programming error. */
  GListStore          *situation_model;
  GPtrArray           *synonyms;    /* of char **, groups of words */
  GPtrArray           *not_covered; /* of char *, NULL-terminated */
  SootheAnswers       *answers;
};

G_DEFINE_FINAL_TYPE (SootheContent, soothe_content, G_TYPE_OBJECT)

static void
soothe_skipped_bundle_free (SootheSkippedBundle *skipped)
{
  g_free (skipped->path);
  g_strfreev (skipped->problems);
  g_free (skipped);
}

static void
soothe_content_dispose (GObject *object)
{
  SootheContent *self = SOOTHE_CONTENT (object);

  g_clear_object (&self->situation_model);
  g_clear_object (&self->answers);
  g_clear_pointer (&self->situations, g_ptr_array_unref);
  g_clear_pointer (&self->stretches, g_hash_table_unref);

  G_OBJECT_CLASS (soothe_content_parent_class)->dispose (object);
}

static void
soothe_content_finalize (GObject *object)
{
  SootheContent *self = SOOTHE_CONTENT (object);

  g_free (self->language);
  g_free (self->disclaimer);
  g_ptr_array_unref (self->stopwords);
  g_ptr_array_unref (self->synonyms);
  g_ptr_array_unref (self->not_covered);
  g_ptr_array_unref (self->areas);
  g_hash_table_unref (self->area_index);
  g_hash_table_unref (self->situation_index);
  g_ptr_array_unref (self->skipped);
  for (guint i = 0; i < G_N_ELEMENTS (self->therapies); i++)
    soothe_therapy_preset_clear (&self->therapies[i]);

  G_OBJECT_CLASS (soothe_content_parent_class)->finalize (object);
}

static void
soothe_content_class_init (SootheContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soothe_content_dispose;
  object_class->finalize = soothe_content_finalize;
}

static void
soothe_content_init (SootheContent *self)
{
  self->stopwords = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->synonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->not_covered = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) soothe_area_free);
  self->situations = g_ptr_array_new_with_free_func (g_object_unref);
  self->area_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->situation_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stretches = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) soothe_skipped_bundle_free);
}

/* Returns empty content, to load bundles into. */
SootheContent *
soothe_content_new (void)
{
  return g_object_new (SOOTHE_TYPE_CONTENT, NULL);
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  /* Registered by hand: a constructor in a static library may be dropped. */
  if (g_once_init_enter (&registered))
    {
      soothe_content_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
load_builtin (SootheContent    *self,
              const char       *path,
              SootheBundleRole  role)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("resource://", path, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in content is missing: %s", error->message);

  if (!soothe_content_load_bytes (self, bytes, name, role, problems))
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (problems, NULL);
      joined = g_strjoinv ("\n", (char **) problems->pdata);
      g_error ("The built-in content is broken:\n%s", joined);
    }
}

/* Returns the resource path of the built-in bundle for @language ("de_DE",
 * "es"), or NULL when Soothe has none. */
static char *
find_translation (const char *language)
{
  g_autofree char *code = g_strndup (language, strcspn (language, ".@"));
  char *path;

  if (code[0] == '\0' || g_str_equal (code, "C") || g_str_equal (code, "POSIX"))
    return NULL;
  path = g_strdup_printf (RESOURCE_BASE "/content/%s.json", code);
  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_clear_pointer (&path, g_free);
  return path;
}

/**
 * soothe_content_new_builtin_for:
 * @languages: (nullable): languages in order of preference, as from
 *   g_get_language_names(); %NULL for the user's
 *
 * Loads the content compiled into Soothe: the English bundle, then the first
 * translation that matches @languages over it, so anything a translation
 * lacks stays in English. The bundles are checked by the test suite, so a
 * problem here is a bug in the build, not in user input.
 *
 * Returns: (transfer full): the built-in content
 */
SootheContent *
soothe_content_new_builtin_for (const char * const *languages)
{
  g_autoptr(SootheContent) self = soothe_content_new ();

  ensure_resources ();
  load_builtin (self, BUILTIN_BUNDLE, SOOTHE_BUNDLE_BASE);

  if (languages == NULL)
    languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      /* English is the base; a preference for it ends the search. */
      if (g_str_has_prefix (languages[i], "en"))
        break;
      path = find_translation (languages[i]);
      if (path != NULL)
        {
          load_builtin (self, path, SOOTHE_BUNDLE_TRANSLATION);
          break;
        }
    }

  return g_steal_pointer (&self);
}

/* Returns the built-in content in the user's language. */
SootheContent *
soothe_content_new_builtin (void)
{
  return soothe_content_new_builtin_for (NULL);
}

/* Returns the position of @id in an index, or G_MAXUINT. */
static guint
index_lookup (GHashTable *index,
              const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, id)) - 1;
}

static void
merge_area (SootheContent *self,
            SootheArea    *area)
{
  guint position = index_lookup (self->area_index, area->id);
  SootheArea *copy;

  if (position != G_MAXUINT)
    {
      SootheArea *existing = g_ptr_array_index (self->areas, position);

      g_free (existing->title);
      existing->title = g_strdup (area->title);
      return;
    }

  copy = g_new0 (SootheArea, 1);
  copy->id = g_strdup (area->id);
  copy->title = g_strdup (area->title);
  g_ptr_array_add (self->areas, copy);
  g_hash_table_insert (self->area_index, g_strdup (area->id),
                       GUINT_TO_POINTER (self->areas->len));
}

static void
merge_situation (SootheContent   *self,
                 SootheSituation *situation)
{
  guint position = index_lookup (self->situation_index, situation->id);

  if (position != G_MAXUINT)
    {
      SootheSituation *existing = g_ptr_array_index (self->situations, position);

      g_ptr_array_index (self->situations, position) = g_object_ref (situation);
      g_object_unref (existing);
      return;
    }

  g_ptr_array_add (self->situations, g_object_ref (situation));
  g_hash_table_insert (self->situation_index, g_strdup (situation->id),
                       GUINT_TO_POINTER (self->situations->len));
}

static void
merge_bundle (SootheContent *self,
              SootheBundle  *bundle)
{
  if (bundle->language != NULL && bundle->role != SOOTHE_BUNDLE_USER)
    {
      g_free (self->language);
      self->language = g_strdup (bundle->language);
    }

  if (bundle->disclaimer != NULL)
    {
      g_free (self->disclaimer);
      self->disclaimer = g_strdup (bundle->disclaimer);
    }

  /* A translation's stop words replace English ones: English "kind" is no
   * stop word in German, where "Kind" means child. */
  if (bundle->role == SOOTHE_BUNDLE_TRANSLATION && bundle->stopwords != NULL)
    g_ptr_array_set_size (self->stopwords, 0);
  for (guint i = 0; bundle->stopwords != NULL && bundle->stopwords[i] != NULL; i++)
    g_ptr_array_add (self->stopwords, g_strdup (bundle->stopwords[i]));

  /* So do its synonyms; a user bundle's add groups. */
  if (bundle->role == SOOTHE_BUNDLE_TRANSLATION && bundle->synonyms != NULL)
    g_ptr_array_set_size (self->synonyms, 0);
  for (guint i = 0; bundle->synonyms != NULL && i < bundle->synonyms->len; i++)
    g_ptr_array_add (self->synonyms, g_strdupv (g_ptr_array_index (bundle->synonyms, i)));

  /* And what it names that no page is about; a user bundle's add words. */
  if (bundle->role == SOOTHE_BUNDLE_TRANSLATION && bundle->not_covered != NULL)
    g_ptr_array_set_size (self->not_covered, 0);
  for (guint i = 0; bundle->not_covered != NULL && bundle->not_covered[i] != NULL; i++)
    g_ptr_array_add (self->not_covered, g_strdup (bundle->not_covered[i]));

  if (bundle->has_therapies)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->therapies); i++)
        {
          soothe_therapy_preset_clear (&self->therapies[i]);
          self->therapies[i] = bundle->therapies[i];
          bundle->therapies[i].title = NULL;
          bundle->therapies[i].in_sentence = NULL;
          bundle->therapies[i].safety = NULL;
        }
      self->has_therapies = TRUE;
    }

  for (guint i = 0; i < bundle->areas->len; i++)
    merge_area (self, g_ptr_array_index (bundle->areas, i));

  for (guint i = 0; i < bundle->stretches->len; i++)
    {
      SootheStretch *stretch = g_ptr_array_index (bundle->stretches, i);
      g_hash_table_replace (self->stretches, stretch->id, g_object_ref (stretch));
    }

  for (guint i = 0; i < bundle->situations->len; i++)
    merge_situation (self, g_ptr_array_index (bundle->situations, i));
}

static gboolean
load_root (SootheContent        *self,
           const SootheJsonNode *root,
           const char           *name,
           SootheBundleRole      role,
           GPtrArray            *problems)
{
  SootheBundleBase base = {
    self->area_index, self->stretches, self->has_therapies ? self->therapies : NULL
  };
  g_autoptr(SootheBundle) bundle = soothe_bundle_read (root, name, role, &base, problems);

  if (bundle == NULL)
    return FALSE;
  merge_bundle (self, bundle);
  return TRUE;
}

/**
 * soothe_content_load_bytes:
 * @self: the content
 * @bytes: a bundle document
 * @name: the file name to put in messages
 * @role: %SOOTHE_BUNDLE_BASE for a bundle that stands on its own
 * @problems: (element-type utf8): where problems are appended, one line each
 *
 * Checks a bundle against the content loaded so far and, when it has no
 * problem, merges it in. A bundle with any problem changes nothing.
 *
 * Returns: %TRUE when the bundle was merged
 */
gboolean
soothe_content_load_bytes (SootheContent    *self,
                           GBytes           *bytes,
                           const char       *name,
                           SootheBundleRole  role,
                           GPtrArray        *problems)
{
  g_autoptr(SootheJsonDoc) doc = NULL;

  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (self->situation_model == NULL && self->answers == NULL, FALSE);

  doc = soothe_json_parse (bytes, name, problems);
  return doc != NULL && load_root (self, soothe_json_doc_get_root (doc), name, role, problems);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Reads a bundle file, never more than the size limit. */
static GBytes *
read_file (const char *path,
           const char *name,
           GPtrArray  *problems)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, g_strerror (saved_errno)));
      return NULL;
    }
  /* A folder or a FIFO named *.json must not block or confuse the load. */
  if (!S_ISREG (st.st_mode))
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: not a regular file", name));
      return NULL;
    }
  if (st.st_size > SOOTHE_JSON_MAX_BYTES)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf ("%s: file is too large (%" G_GINT64_FORMAT " bytes, at most %d)",
                                        name, (gint64) st.st_size, SOOTHE_JSON_MAX_BYTES));
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, error->message));
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

static gboolean
load_file (SootheContent    *self,
           const char       *path,
           SootheBundleRole  role,
           GPtrArray        *problems)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = read_file (path, name, problems);

  return bytes != NULL && soothe_content_load_bytes (self, bytes, name, role, problems);
}

/* Returns $XDG_DATA_HOME/soothe/bundles, where people put their own bundles. */
char *
soothe_content_get_user_bundle_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "soothe", "bundles", NULL);
}

/**
 * soothe_content_load_user_bundles:
 * @self: the content
 * @directory: the folder to read `*.json` files from, in name order
 *
 * Loads each bundle in @directory on top of the content so far. A bundle with
 * problems is skipped and recorded; see soothe_content_get_skipped().
 */
void
soothe_content_load_user_bundles (SootheContent *self,
                                  const char    *directory)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_return_if_fail (SOOTHE_IS_CONTENT (self));
  g_return_if_fail (directory != NULL);

  /* A missing folder is the usual case: nobody has added bundles. */
  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (entry, ".json") && entry[0] != '.')
        g_ptr_array_add (names, g_strdup (entry));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);

      if (!load_file (self, path, SOOTHE_BUNDLE_USER, problems))
        {
          SootheSkippedBundle *skipped = g_new0 (SootheSkippedBundle, 1);

          skipped->path = g_steal_pointer (&path);
          skipped->problems = (char **) g_ptr_array_steal (problems, NULL);
          g_ptr_array_add (self->skipped, skipped);
        }
    }
}

/**
 * soothe_content_get_skipped:
 *
 * Returns: (transfer none) (element-type SootheSkippedBundle): user bundles
 *   that were not loaded, with their problems
 */
GPtrArray *
soothe_content_get_skipped (SootheContent *self)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);
  return self->skipped;
}

static guint
area_position (SootheContent *self,
               const char    *area_id)
{
  return index_lookup (self->area_index, area_id);
}

/**
 * soothe_content_get_situations:
 *
 * Returns: (transfer none): a #GListModel of #SootheSituation grouped by area,
 *   in the order the areas are listed, and in load order within an area
 */
GListModel *
soothe_content_get_situations (SootheContent *self)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);

  if (self->situation_model == NULL)
    {
      guint n_situations = self->situations->len;
      guint n_areas = self->areas->len;
      g_autofree gpointer *sorted = g_new (gpointer, n_situations);
      g_autofree guint *positions = g_new (guint, n_situations);
      /* Where each area's group starts; unknown areas go last. */
      g_autofree guint *starts = g_new0 (guint, n_areas + 2);

      for (guint i = 0; i < n_situations; i++)
        {
          SootheSituation *situation = g_ptr_array_index (self->situations, i);

          positions[i] = MIN (area_position (self, situation->area), n_areas);
          starts[positions[i] + 1]++;
        }
      for (guint a = 1; a <= n_areas + 1; a++)
        starts[a] += starts[a - 1];

      /* Stable grouping: by area in sidebar order, and within each keep load
       * order; one pass, however many areas there are. */
      for (guint i = 0; i < n_situations; i++)
        sorted[starts[positions[i]]++] = g_ptr_array_index (self->situations, i);

      self->situation_model = g_list_store_new (SOOTHE_TYPE_SITUATION);
      g_list_store_splice (self->situation_model, 0, 0, sorted, n_situations);
    }

  return G_LIST_MODEL (self->situation_model);
}

SootheSituation *
soothe_content_lookup_situation (SootheContent *self,
                                 const char    *id)
{
  guint position;

  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);

  if (id == NULL)
    return NULL;
  position = index_lookup (self->situation_index, id);
  return position != G_MAXUINT ? g_ptr_array_index (self->situations, position) : NULL;
}

SootheStretch *
soothe_content_lookup_stretch (SootheContent *self,
                               const char    *id)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->stretches, id) : NULL;
}

/* Returns the area's title, or NULL for an unknown area. */
const char *
soothe_content_get_area_title (SootheContent *self,
                               const char    *area_id)
{
  guint position;

  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);

  if (area_id == NULL)
    return NULL;
  position = area_position (self, area_id);
  if (position == G_MAXUINT)
    return NULL;
  return ((SootheArea *) g_ptr_array_index (self->areas, position))->title;
}

/* Returns the preset and limits for a therapy, or NULL for none or before a
 * base bundle is loaded. */
const SootheTherapyPreset *
soothe_content_get_therapy (SootheContent     *self,
                            SootheTherapyKind  kind)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);
  g_return_val_if_fail (kind <= SOOTHE_THERAPY_CONTRAST, NULL);

  if (!self->has_therapies || kind == SOOTHE_THERAPY_NONE)
    return NULL;
  return &self->therapies[kind];
}

const char *
soothe_content_get_disclaimer (SootheContent *self)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);
  return self->disclaimer;
}

/**
 * soothe_content_get_answers:
 *
 * Indexes every passage on the first call, so nothing is indexed before the
 * first question.
 *
 * Returns: (transfer none): what answers questions about this content
 */
SootheAnswers *
soothe_content_get_answers (SootheContent *self)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (self), NULL);

  if (self->answers == NULL)
    self->answers = soothe_answers_new (self, (const char * const *) self->stopwords->pdata,
                                        self->synonyms,
                                        (const char * const *) self->not_covered->pdata,
                                        self->language);
  return self->answers;
}

/**
 * soothe_content_check_file:
 * @path: a bundle file
 * @problems: (element-type utf8): where problems are appended, one line each
 *
 * Checks a bundle in the role it would play: a bundle with therapy limits
 * must stand on its own; any other is checked on top of the built-in content.
 *
 * Returns: %TRUE when the file has no problem
 */
gboolean
soothe_content_check_file (const char *path,
                           GPtrArray  *problems)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SootheJsonDoc) doc = NULL;
  g_autoptr(SootheContent) content = NULL;
  const SootheJsonNode *root;
  gboolean base;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  name = g_filename_display_name (path);
  bytes = read_file (path, name, problems);
  if (bytes == NULL)
    return FALSE;
  doc = soothe_json_parse (bytes, name, problems);
  if (doc == NULL)
    return FALSE;

  root = soothe_json_doc_get_root (doc);
  base = soothe_json_node_get_kind (root) == SOOTHE_JSON_OBJECT &&
         soothe_json_node_get_member (root, "therapies") != NULL;
  content = base ? soothe_content_new () : soothe_content_new_builtin ();
  return load_root (content, root, name, base ? SOOTHE_BUNDLE_BASE : SOOTHE_BUNDLE_USER, problems);
}
