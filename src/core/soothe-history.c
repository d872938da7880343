/* soothe-history.c
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soothe-history"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "soothe-history.h"
#include "soothe-json-reader.h"
#include "soothe-state-file.h"

/* Times outside 2000-01-01 to 2200-01-01 are damage, not events. */
#define MIN_TIME ((gint64) 946684800 * G_USEC_PER_SEC)
#define MAX_TIME ((gint64) 7258118400 * G_USEC_PER_SEC)

/* A completed session longer than a day is damage. */
#define MAX_MINUTES (24 * 60)

/* A badly damaged file would otherwise bury the window in messages. */
#define MAX_PROBLEMS 50

G_DEFINE_ENUM_TYPE (SootheHistoryKind, soothe_history_kind,
  G_DEFINE_ENUM_VALUE (SOOTHE_HISTORY_STRETCH_DONE, "stretch-done"),
  G_DEFINE_ENUM_VALUE (SOOTHE_HISTORY_STRETCH_SNOOZED, "stretch-snoozed"),
  G_DEFINE_ENUM_VALUE (SOOTHE_HISTORY_STRETCH_SKIPPED, "stretch-skipped"),
  G_DEFINE_ENUM_VALUE (SOOTHE_HISTORY_THERAPY_COMPLETED, "therapy-completed"),
  G_DEFINE_ENUM_VALUE (SOOTHE_HISTORY_PAIN_LOGGED, "pain-logged"))

static const char * const kind_names[] = {
  [SOOTHE_HISTORY_STRETCH_DONE] = "stretch-done",
  [SOOTHE_HISTORY_STRETCH_SNOOZED] = "stretch-snoozed",
  [SOOTHE_HISTORY_STRETCH_SKIPPED] = "stretch-skipped",
  [SOOTHE_HISTORY_THERAPY_COMPLETED] = "therapy-completed",
  [SOOTHE_HISTORY_PAIN_LOGGED] = "pain-logged",
};

typedef struct
{
  SootheHistoryEvent event;   /* first, so an Entry is its event; owns its strings */
  gboolean           saved;   /* FALSE when writing it to the file failed */
} Entry;

struct _SootheHistory
{
  GObject    parent_instance;

  char      *path;

  /* State */
  GArray    *entries;    /* Entry, in file order, then any not saved */
  GPtrArray *problems;   /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (SootheHistory, soothe_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free ((char *) entry->event.stretch);
  g_free ((char *) entry->event.situation);
  g_free ((char *) entry->event.note);
}

/* An entry holding a copy of @event's strings. */
static Entry
entry_copy (const SootheHistoryEvent *event,
            gboolean                  saved)
{
  Entry entry = { *event, saved };

  entry.event.stretch = g_strdup (event->stretch);
  entry.event.situation = g_strdup (event->situation);
  entry.event.note = g_strdup (event->note);

  return entry;
}

static GArray *
entries_new (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, entry_clear);

  return entries;
}

static GPtrArray *
problems_new (void)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (problems, NULL);

  return problems;
}

static gboolean
is_stretch_kind (SootheHistoryKind kind)
{
  return kind == SOOTHE_HISTORY_STRETCH_DONE ||
         kind == SOOTHE_HISTORY_STRETCH_SNOOZED ||
         kind == SOOTHE_HISTORY_STRETCH_SKIPPED;
}

static void
soothe_history_finalize (GObject *object)
{
  SootheHistory *self = SOOTHE_HISTORY (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (soothe_history_parent_class)->finalize (object);
}

static void
soothe_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SootheHistory *self = SOOTHE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SootheHistory *self = SOOTHE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_history_class_init (SootheHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soothe_history_finalize;
  object_class->get_property = soothe_history_get_property;
  object_class->set_property = soothe_history_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheHistory::changed:
   *
   * The events changed: loaded, or one appended. Summaries may differ.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
soothe_history_init (SootheHistory *self)
{
  self->entries = entries_new ();
  self->problems = problems_new ();
}

/**
 * soothe_history_new:
 * @path: the history file, e.g. from soothe_history_get_default_path()
 *
 * Creates an empty history for @path; soothe_history_load() reads it.
 *
 * Returns: (transfer full): a new history
 */
SootheHistory *
soothe_history_new (const char *path)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  return g_object_new (SOOTHE_TYPE_HISTORY, "path", path, NULL);
}

/**
 * soothe_history_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/soothe/history.jsonl`
 */
char *
soothe_history_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "soothe", "history.jsonl", NULL);
}

/**
 * soothe_history_get_path:
 * @self: a #SootheHistory
 *
 * Returns: the history file's path
 */
const char *
soothe_history_get_path (SootheHistory *self)
{
  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), NULL);

  return self->path;
}

/**
 * soothe_history_check_note:
 * @note: a note for a pain entry
 * @error: return location for an error
 *
 * A note is valid UTF-8 of at most %SOOTHE_HISTORY_MAX_NOTE characters, with
 * no control characters other than line breaks and tabs.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR (INVALID_DATA) saying what
 *   is wrong, when @note is not one
 */
gboolean
soothe_history_check_note (const char  *note,
                           GError     **error)
{
  glong length;

  g_return_val_if_fail (note != NULL, FALSE);

  if (!g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  length = g_utf8_strlen (note, -1);
  if (length > SOOTHE_HISTORY_MAX_NOTE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The note has %ld characters; it can have at most %d"),
                   length, SOOTHE_HISTORY_MAX_NOTE);
      return FALSE;
    }
  for (const char *p = note; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t' && g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The note has a control character in it"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * soothe_history_kind_to_string:
 * @kind: a #SootheHistoryKind
 *
 * Returns: the kind as the file names it, e.g. "stretch-done"
 */
const char *
soothe_history_kind_to_string (SootheHistoryKind kind)
{
  g_return_val_if_fail (kind <= SOOTHE_HISTORY_THERAPY_COMPLETED, NULL);

  return kind_names[kind];
}

/* Loading */

typedef struct
{
  const char *path;
  GArray     *entries;
  GPtrArray  *problems;    /* NULL-terminated */
  guint       n_damaged;
} Load;

/* Counts a skipped line; returns whether its problem is still kept. */
static gboolean
count_damaged (Load *load)
{
  return ++load->n_damaged <= MAX_PROBLEMS;
}

/* Keeps the problem of a skipped line, "FILE:LINE: …"; takes @problem. */
static void
keep_problem (Load *load,
              char *problem)
{
  g_ptr_array_insert (load->problems, load->problems->len - 1, problem);
}

/* Records a skipped line. */
static void G_GNUC_PRINTF (3, 4)
damaged (Load       *load,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (!count_damaged (load))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  keep_problem (load, g_strdup_printf ("%s:%u: %s", load->path, line, message));
}

/* Reports a string that is not a valid id, escaped and cut short so that it
 * stays one short line. */
static gboolean
read_id (SootheJsonReader     *reader,
         const SootheJsonNode *root,
         const char           *member,
         const char          **id)
{
  g_autofree char *escaped = NULL;

  *id = soothe_json_reader_read_string (reader, root, member, SOOTHE_JSON_REQUIRED);
  if (*id == NULL)
    return FALSE;
  if (soothe_id_is_valid (*id))
    return TRUE;
  escaped = g_strescape (*id, NULL);
  return soothe_json_reader_problem (reader, member, "\"%.32s\"%s is not a valid id", escaped,
                                     strlen (escaped) > 32 ? "…" : "");
}

/* Fills @event from one parsed line, stopping at the first problem. The
 * strings in @event are borrowed from @root. */
static gboolean
read_event (SootheJsonReader     *reader,
            const SootheJsonNode *root,
            SootheHistoryEvent   *event)
{
  g_autofree char *escaped = NULL;
  const char *string;
  gint64 number;
  guint kind;

  memset (event, 0, sizeof *event);

  if (!soothe_json_reader_check_kind (reader, root, NULL, SOOTHE_JSON_OBJECT,
                                      SOOTHE_JSON_REQUIRED))
    return FALSE;

  if (!soothe_json_reader_read_int (reader, root, "time", SOOTHE_JSON_REQUIRED, G_MININT64,
                                    G_MAXINT64, &number))
    return FALSE;
  if (number < MIN_TIME || number > MAX_TIME)
    return soothe_json_reader_problem (reader, "time",
                                       "%" G_GINT64_FORMAT " is not a plausible time", number);
  event->time = number;

  string = soothe_json_reader_read_string (reader, root, "kind", SOOTHE_JSON_REQUIRED);
  if (string == NULL)
    return FALSE;
  for (kind = 0; kind < G_N_ELEMENTS (kind_names); kind++)
    {
      if (strcmp (string, kind_names[kind]) == 0)
        break;
    }
  if (kind == G_N_ELEMENTS (kind_names))
    {
      escaped = g_strescape (string, NULL);
      return soothe_json_reader_problem (reader, "kind", "unknown kind \"%.32s\"%s", escaped,
                                         strlen (escaped) > 32 ? "…" : "");
    }
  event->kind = kind;

  if (is_stretch_kind (event->kind))
    {
      if (!read_id (reader, root, "stretch", &event->stretch))
        return FALSE;
    }
  else if (event->kind == SOOTHE_HISTORY_PAIN_LOGGED)
    {
      g_autoptr(GError) error = NULL;

      if (!soothe_json_reader_read_int (reader, root, "level", SOOTHE_JSON_REQUIRED, 0,
                                        SOOTHE_HISTORY_MAX_PAIN, &number))
        return FALSE;
      event->level = number;

      if (soothe_json_node_get_member (root, "note") != NULL)
        {
          string = soothe_json_reader_read_string (reader, root, "note", SOOTHE_JSON_REQUIRED);
          if (string == NULL)
            return FALSE;
          if (!soothe_history_check_note (string, &error))
            return soothe_json_reader_problem (reader, "note", "%s", error->message);
          event->note = string;
        }
    }
  else
    {
      SootheTherapyKind therapy;

      string = soothe_json_reader_read_string (reader, root, "therapy", SOOTHE_JSON_REQUIRED);
      if (string == NULL)
        return FALSE;
      if (!soothe_therapy_kind_from_string (string, &therapy) || therapy == SOOTHE_THERAPY_NONE)
        {
          escaped = g_strescape (string, NULL);
          return soothe_json_reader_problem (reader, "therapy", "unknown therapy \"%.32s\"%s",
                                             escaped, strlen (escaped) > 32 ? "…" : "");
        }
      event->therapy = therapy;

      if (!soothe_json_reader_read_int (reader, root, "minutes", SOOTHE_JSON_REQUIRED, 0,
                                        MAX_MINUTES, &number))
        return FALSE;
      event->minutes = number;
    }

  /* Pain is always about a situation; a session may say which it was for,
   * and sessions recorded before it could do not. */
  if (event->kind == SOOTHE_HISTORY_PAIN_LOGGED ||
      (event->kind == SOOTHE_HISTORY_THERAPY_COMPLETED &&
       soothe_json_node_get_member (root, "situation") != NULL))
    return read_id (reader, root, "situation", &event->situation);

  return TRUE;
}

static void
load_line (Load       *load,
           guint       number,
           const char *data,
           gsize       length,
           gsize       full_length,
           gboolean    terminated)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SootheJsonDoc) doc = NULL;
  g_auto(SootheJsonReader) reader = { 0 };
  SootheHistoryEvent event;
  gboolean blank = TRUE;
  Entry entry;

  if (full_length > SOOTHE_HISTORY_MAX_LINE)
    {
      damaged (load, number, "line too long (%" G_GSIZE_FORMAT " bytes, at most %d)",
               full_length, SOOTHE_HISTORY_MAX_LINE);
      return;
    }

  /* Blocks of zeros are what a crash leaves in a file whose length was
   * updated before its data reached the disk. */
  if (memchr (data, '\0', length) != NULL)
    {
      damaged (load, number, "NUL bytes in the line");
      return;
    }

  for (gsize i = 0; i < length && blank; i++)
    blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\r';
  if (blank)
    return;

  problems = g_ptr_array_new_with_free_func (g_free);
  bytes = g_bytes_new (data, length);
  doc = soothe_json_parse_line (bytes, load->path, number, problems);
  if (doc == NULL)
    {
      if (!terminated)
        damaged (load, number, "the last line was cut short (an interrupted write)");
      else if (count_damaged (load))
        keep_problem (load, g_ptr_array_steal_index (problems, 0));
      return;
    }

  /* Without a name, problems start with their JSON path. */
  soothe_json_reader_init (&reader, NULL, problems);
  if (!read_event (&reader, soothe_json_doc_get_root (doc), &event))
    {
      damaged (load, number, "%s", (const char *) g_ptr_array_index (problems, 0));
      return;
    }

  entry = entry_copy (&event, TRUE);
  g_array_append_val (load->entries, entry);
}

/* Takes in every line of @contents; a damaged line is skipped and reported
 * on its own. */
static void
load_lines (GBytes *contents,
            Load   *load)
{
  gsize size;
  const char *data = g_bytes_get_data (contents, &size);
  const char *p = data, *end = data + size;
  guint number = 1;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      gsize length = (newline != NULL ? newline : end) - p;

      /* An over-long line is only measured, never parsed. */
      load_line (load, number++, p, MIN (length, SOOTHE_HISTORY_MAX_LINE + 1), length,
                 newline != NULL);
      p += length + (newline != NULL);
    }
}

/**
 * soothe_history_load:
 * @self: a #SootheHistory
 * @error: return location for an error
 *
 * Reads the history file, replacing what was read before; events whose
 * writing failed are kept after it. A damaged line (not JSON, wrong types,
 * unknown kind, implausible time, NUL bytes, longer than
 * %SOOTHE_HISTORY_MAX_LINE, cut short by a crash) is skipped and reported as
 * "FILE:LINE: message" by soothe_history_get_problems(); every good line is
 * kept. A missing file is an empty history. A file that cannot be read at all
 * (not a regular file, larger than %SOOTHE_HISTORY_MAX_BYTES, no permission)
 * is left where it is: it holds what the person did, so it is never moved or
 * replaced, and appending to it fails the same way until it is fixed.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR, naming the file, when it
 *   exists but cannot be read
 */
gboolean
soothe_history_load (SootheHistory  *self,
                     GError        **error)
{
  g_autoptr(GArray) entries = entries_new ();
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  Load load = { 0 };
  gboolean ok;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  load = (Load) { self->path, entries, problems_new (), 0 };

  contents = soothe_state_file_read (self->path, SOOTHE_HISTORY_MAX_BYTES, &local_error);
  ok = local_error == NULL;
  if (contents != NULL)
    load_lines (contents, &load);

  if (load.n_damaged > MAX_PROBLEMS)
    g_ptr_array_insert (load.problems, load.problems->len - 1,
                        g_strdup_printf ("%s: %u more damaged lines", self->path,
                                         load.n_damaged - MAX_PROBLEMS));

  /* What could not be written stays, after what the file holds. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *unsaved = &g_array_index (self->entries, Entry, i);
      Entry entry;

      if (unsaved->saved)
        continue;
      entry = entry_copy (&unsaved->event, FALSE);
      g_array_append_val (entries, entry);
    }

  g_clear_pointer (&self->entries, g_array_unref);
  self->entries = g_steal_pointer (&entries);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = load.problems;

  g_signal_emit (self, signals[CHANGED], 0);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * soothe_history_get_problems:
 * @self: a #SootheHistory
 *
 * Returns: (transfer none) (array zero-terminated=1): one "FILE:LINE: message"
 *   for each damaged line the last load skipped; empty when none
 */
const char * const *
soothe_history_get_problems (SootheHistory *self)
{
  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), NULL);

  return (const char * const *) self->problems->pdata;
}

/* Appending */

static char *
event_to_line (const SootheHistoryEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, event->time);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[event->kind]);
  if (is_stretch_kind (event->kind))
    {
      json_builder_set_member_name (builder, "stretch");
      json_builder_add_string_value (builder, event->stretch);
    }
  else if (event->kind == SOOTHE_HISTORY_PAIN_LOGGED)
    {
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, event->level);
      if (event->note != NULL && *event->note != '\0')
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, event->note);
        }
    }
  else
    {
      json_builder_set_member_name (builder, "therapy");
      json_builder_add_string_value (builder, soothe_therapy_kind_to_string (event->therapy));
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, event->minutes);
    }
  if (event->situation != NULL)
    {
      json_builder_set_member_name (builder, "situation");
      json_builder_add_string_value (builder, event->situation);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

/**
 * soothe_history_append:
 * @self: a #SootheHistory
 * @event: the event; a stretch kind needs a valid stretch id, therapy-completed
 *   cold, heat or contrast and at most a day of minutes, pain-logged a
 *   situation id, a level of at most %SOOTHE_HISTORY_MAX_PAIN and a note that
 *   soothe_history_check_note() accepts, or none
 * @error: return location for an error
 *
 * Records @event, adding one line to the end of the file and syncing it to
 * disk. The file is never rewritten.
 *
 * Returns: %FALSE with @error set when the line could not be written; the
 *   event is kept in memory all the same
 */
gboolean
soothe_history_append (SootheHistory             *self,
                       const SootheHistoryEvent  *event,
                       GError                   **error)
{
  g_autofree char *line = NULL;
  gboolean saved;
  Entry entry;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (event->kind <= SOOTHE_HISTORY_PAIN_LOGGED, FALSE);
  g_return_val_if_fail (!is_stretch_kind (event->kind) || soothe_id_is_valid (event->stretch), FALSE);
  g_return_val_if_fail (event->kind != SOOTHE_HISTORY_THERAPY_COMPLETED ||
                        (event->therapy >= SOOTHE_THERAPY_COLD &&
                         event->therapy <= SOOTHE_THERAPY_CONTRAST &&
                         event->minutes <= MAX_MINUTES), FALSE);
  g_return_val_if_fail (event->kind != SOOTHE_HISTORY_PAIN_LOGGED ||
                        (soothe_id_is_valid (event->situation) &&
                         event->level <= SOOTHE_HISTORY_MAX_PAIN &&
                         (event->note == NULL || soothe_history_check_note (event->note, NULL))),
                        FALSE);
  g_return_val_if_fail (event->situation == NULL || soothe_id_is_valid (event->situation), FALSE);
  g_return_val_if_fail (event->time >= MIN_TIME && event->time <= MAX_TIME, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  line = event_to_line (event);
  saved = soothe_state_file_append (self->path, line, error);

  /* Kept as a load would read it back. */
  entry = entry_copy (event, saved);
  if (is_stretch_kind (event->kind))
    {
      entry.event.therapy = SOOTHE_THERAPY_NONE;
      entry.event.minutes = 0;
    }
  if (event->kind != SOOTHE_HISTORY_PAIN_LOGGED)
    {
      entry.event.level = 0;
      g_clear_pointer ((char **) &entry.event.note, g_free);
    }
  if (event->kind != SOOTHE_HISTORY_THERAPY_COMPLETED)
    {
      entry.event.therapy = SOOTHE_THERAPY_NONE;
      entry.event.minutes = 0;
    }
  if (is_stretch_kind (event->kind))
    g_clear_pointer ((char **) &entry.event.situation, g_free);
  else
    g_clear_pointer ((char **) &entry.event.stretch, g_free);
  if (entry.event.note != NULL && *entry.event.note == '\0')
    g_clear_pointer ((char **) &entry.event.note, g_free);
  g_array_append_val (self->entries, entry);

  g_signal_emit (self, signals[CHANGED], 0);

  return saved;
}

/**
 * soothe_history_get_n_events:
 * @self: a #SootheHistory
 *
 * Returns: the number of events held
 */
guint
soothe_history_get_n_events (SootheHistory *self)
{
  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), 0);

  return self->entries->len;
}

/**
 * soothe_history_get_event:
 * @self: a #SootheHistory
 * @position: from 0, in the order they were recorded
 *
 * Returns: (transfer none): the event, valid until the next load or append
 */
const SootheHistoryEvent *
soothe_history_get_event (SootheHistory *self,
                          guint          position)
{
  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &g_array_index (self->entries, Entry, position).event;
}

/* Summaries */

/* Wall µs of local midnight at the start of @date; days are 23 or 25 hours
 * long when the clocks change. */
static gboolean
local_midnight (const GDate *date,
                gint64      *time)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (!g_date_valid (date))
    return FALSE;

  midnight = g_date_time_new_local (g_date_get_year (date),
                                    g_date_get_month (date),
                                    g_date_get_day (date),
                                    0, 0, 0);
  if (midnight == NULL)
    return FALSE;

  *time = g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
  return TRUE;
}

/**
 * soothe_history_get_day:
 * @self: a #SootheHistory
 * @date: a day in the local time zone
 * @out: (out caller-allocates): what that day holds
 *
 * Counts the stretches done, snoozed and skipped and the therapy sessions and
 * minutes completed between the local midnights that begin and end @date.
 */
void
soothe_history_get_day (SootheHistory    *self,
                        const GDate      *date,
                        SootheHistoryDay *out)
{
  GDate next;
  gint64 start, end;

  g_return_if_fail (SOOTHE_IS_HISTORY (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  g_date_clear (&out->date, 1);
  if (!g_date_valid (date))
    return;
  out->date = *date;

  next = *date;
  if (g_date_get_julian (&next) >= G_MAXUINT32 - 1)
    return;
  g_date_add_days (&next, 1);
  if (!local_midnight (date, &start) || !local_midnight (&next, &end))
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SootheHistoryEvent *event = &g_array_index (self->entries, Entry, i).event;

      if (event->time < start || event->time >= end)
        continue;

      switch (event->kind)
        {
        case SOOTHE_HISTORY_STRETCH_DONE:
          out->stretches_done++;
          break;
        case SOOTHE_HISTORY_STRETCH_SNOOZED:
          out->stretches_snoozed++;
          break;
        case SOOTHE_HISTORY_STRETCH_SKIPPED:
          out->stretches_skipped++;
          break;
        case SOOTHE_HISTORY_THERAPY_COMPLETED:
          out->therapy_sessions++;
          out->therapy_minutes += event->minutes;
          break;
        case SOOTHE_HISTORY_PAIN_LOGGED:
        default:
          break;
        }
    }
}

/**
 * soothe_history_get_last_days:
 * @self: a #SootheHistory
 * @now: wall-clock µs, whose local day is the last one
 * @n_days: how many days, e.g. 7
 *
 * Returns: (transfer full) (element-type SootheHistoryDay): @n_days days,
 *   the oldest first and the day of @now last
 */
GArray *
soothe_history_get_last_days (SootheHistory *self,
                              gint64         now,
                              guint          n_days)
{
  g_autoptr(GDateTime) local = NULL;
  GArray *days;
  GDate today;

  g_return_val_if_fail (SOOTHE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (n_days <= 100 * 366, NULL);

  days = g_array_sized_new (FALSE, TRUE, sizeof (SootheHistoryDay), n_days);
  local = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
  if (local == NULL)
    return days;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));

  for (guint i = n_days; i > 0; i--)
    {
      SootheHistoryDay day;
      GDate date = today;

      if (g_date_get_julian (&date) <= i - 1)
        continue;
      g_date_subtract_days (&date, i - 1);
      soothe_history_get_day (self, &date, &day);
      g_array_append_val (days, day);
    }

  return days;
}
