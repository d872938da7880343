/* soothe-pain-row.c: "How is it today?", 0 to 10, for one situation
 *
 * One click or one key logs the level; the note goes with it. The row
 * does not write anything itself: it asks the application (app.log-pain),
 * which keeps the one history, and shows what the history then holds, so
 * the advice pane, the timer and the command line agree.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-diary.h"
#include "soothe-pain-row.h"

#define N_LEVELS (SOOTHE_HISTORY_MAX_PAIN + 1)

struct _SoothePainRow
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkLabel        *heading_label;
  GtkBox          *levels;
  GtkEntry        *note_entry;
  GtkLabel        *status_label;

  /* Owned references */
  SootheHistory   *history;
  SootheClock     *clock;

  /* State */
  GtkToggleButton *buttons[N_LEVELS];
  char            *situation;
  char            *heading;
  gboolean         compact;
  gboolean         updating;     /* showing the history, not a person's click */
  gboolean         note_edited;  /* typed into and not saved yet */
};

G_DEFINE_FINAL_TYPE (SoothePainRow, soothe_pain_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_CLOCK,
  PROP_HEADING,
  PROP_COMPACT,
  PROP_SITUATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows today's entry, as the history has it. */
static void
update (SoothePainRow *self)
{
  g_autofree char *status = NULL;
  const char *note = NULL;
  guint level = 0;
  gboolean logged = FALSE;

  if (self->situation != NULL)
    logged = soothe_diary_get_entry (self->history, self->situation,
                                     soothe_clock_get_now (self->clock), &level, &note);

  self->updating = TRUE;
  for (guint i = 0; i < N_LEVELS; i++)
    gtk_toggle_button_set_active (self->buttons[i], logged && i == level);

  /* What someone is typing is theirs until they save it. */
  if (!self->note_edited)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  self->updating = FALSE;

  if (logged)
    status = g_strdup_printf (_("Logged %u today. You can change it until midnight."), level);
  else
    status = g_strdup (_("Nothing logged today."));
  gtk_label_set_text (self->status_label, status);
}

static void
history_changed_cb (SoothePainRow *self)
{
  update (self);
}

int
soothe_pain_row_get_level (SoothePainRow *self)
{
  g_return_val_if_fail (SOOTHE_IS_PAIN_ROW (self), SOOTHE_DIARY_NO_PAIN);

  for (guint i = 0; i < N_LEVELS; i++)
    {
      if (gtk_toggle_button_get_active (self->buttons[i]))
        return i;
    }
  return SOOTHE_DIARY_NO_PAIN;
}

/* Logs @level with the note as it stands, through the application. */
void
soothe_pain_row_choose (SoothePainRow *self,
                        guint          level)
{
  g_autoptr(GError) error = NULL;
  const char *note;

  g_return_if_fail (SOOTHE_IS_PAIN_ROW (self));
  g_return_if_fail (level < N_LEVELS);

  if (self->situation == NULL)
    return;

  note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  if (!soothe_history_check_note (note, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "app.log-pain", "(sus)", self->situation,
                                   level, note))
    g_warning ("Nothing logs pain: app.log-pain is missing");
  self->note_edited = FALSE;
  /* The history said nothing new when the entry was the same. */
  update (self);
}

static void
level_clicked_cb (GtkButton     *button,
                  SoothePainRow *self)
{
  if (self->updating)
    return;
  soothe_pain_row_choose (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                      "soothe-level")));
}

static void
note_activated_cb (SoothePainRow *self)
{
  int level = soothe_pain_row_get_level (self);

  if (level == SOOTHE_DIARY_NO_PAIN)
    {
      gtk_label_set_text (self->status_label, _("Choose a number first; the note is saved with it."));
      return;
    }
  soothe_pain_row_choose (self, level);
  /* Saved: what the history holds is shown again. */
  gtk_widget_grab_focus (GTK_WIDGET (self->buttons[level]));
  update (self);
}

static void
note_changed_cb (SoothePainRow *self)
{
  if (!self->updating)
    self->note_edited = TRUE;
}

static void
note_icon_released_cb (SoothePainRow        *self,
                       GtkEntryIconPosition  position)
{
  note_activated_cb (self);
}

/* A digit key logs that level, unless it is being typed into the note. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SoothePainRow         *self)
{
  guint level;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    level = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    level = keyval - GDK_KEY_KP_0;
  else
    return FALSE;

  soothe_pain_row_choose (self, level);
  gtk_widget_grab_focus (GTK_WIDGET (self->buttons[level]));
  return TRUE;
}

/* One linked scale from 0 to 10, or, where there is little room, 0 to 5
 * above 6 to 10. */
static void
build_levels (SoothePainRow *self)
{
  GtkWidget *line = NULL;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (i == 0)
        name = g_strdup (_("0 of 10, no pain"));
      else if (i == SOOTHE_HISTORY_MAX_PAIN)
        name = g_strdup (_("10 of 10, the worst pain"));
      else
        /* Translators: a pain level, e.g. "4 of 10" */
        name = g_strdup_printf (_("%u of 10"), i);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_set_tooltip_text (button, name);
      gtk_widget_add_css_class (button, "soothe-pain-level");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[0]);
      g_object_set_data (G_OBJECT (button), "soothe-level", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (level_clicked_cb), self);
      if (line == NULL || (self->compact && i == 6))
        {
          line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, self->compact ? 4 : 0);
          gtk_box_set_homogeneous (GTK_BOX (line), TRUE);
          gtk_widget_set_halign (line, GTK_ALIGN_START);
          if (!self->compact)
            gtk_widget_add_css_class (line, "linked");
          gtk_box_append (self->levels, line);
        }
      gtk_box_append (GTK_BOX (line), button);
      self->buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
soothe_pain_row_constructed (GObject *object)
{
  SoothePainRow *self = SOOTHE_PAIN_ROW (object);

  G_OBJECT_CLASS (soothe_pain_row_parent_class)->constructed (object);

  g_assert (self->history != NULL && self->clock != NULL);
  gtk_label_set_text (self->heading_label,
                      self->heading != NULL ? self->heading : _("How is it today?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->heading_label), -1);
  build_levels (self);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

const char *
soothe_pain_row_get_situation (SoothePainRow *self)
{
  g_return_val_if_fail (SOOTHE_IS_PAIN_ROW (self), NULL);

  return self->situation;
}

/* The note field starts from the new situation's entry. */
void
soothe_pain_row_set_situation (SoothePainRow *self,
                               const char    *id)
{
  g_return_if_fail (SOOTHE_IS_PAIN_ROW (self));

  if (g_strcmp0 (self->situation, id) == 0)
    return;
  g_free (self->situation);
  self->situation = g_strdup (id);
  self->note_edited = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
}

static void
soothe_pain_row_dispose (GObject *object)
{
  SoothePainRow *self = SOOTHE_PAIN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_PAIN_ROW);
  g_clear_object (&self->history);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (soothe_pain_row_parent_class)->dispose (object);
}

static void
soothe_pain_row_finalize (GObject *object)
{
  SoothePainRow *self = SOOTHE_PAIN_ROW (object);

  g_free (self->situation);
  g_free (self->heading);

  G_OBJECT_CLASS (soothe_pain_row_parent_class)->finalize (object);
}

static void
soothe_pain_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SoothePainRow *self = SOOTHE_PAIN_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_SITUATION:
      g_value_set_string (value, self->situation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_pain_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SoothePainRow *self = SOOTHE_PAIN_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_HEADING:
      self->heading = g_value_dup_string (value);
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    case PROP_SITUATION:
      soothe_pain_row_set_situation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_pain_row_class_init (SoothePainRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_pain_row_constructed;
  object_class->dispose = soothe_pain_row_dispose;
  object_class->finalize = soothe_pain_row_finalize;
  object_class->get_property = soothe_pain_row_get_property;
  object_class->set_property = soothe_pain_row_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SoothePainRow:situation:
   *
   * The id of the situation the entry is for.
   */
  properties[PROP_SITUATION] =
    g_param_spec_string ("situation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/soothe-pain-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SoothePainRow, box);
  gtk_widget_class_bind_template_child (widget_class, SoothePainRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SoothePainRow, levels);
  gtk_widget_class_bind_template_child (widget_class, SoothePainRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SoothePainRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, note_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_icon_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "soothe-pain-row");
}

static void
soothe_pain_row_init (SoothePainRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * soothe_pain_row_new:
 * @history: where entries are kept
 * @clock: what "today" is
 * @heading: (nullable): the question, "How is it today?" when %NULL
 * @compact: numbers in two rows, for a narrow place
 *
 * Returns: (transfer floating): a new row with no situation yet
 */
GtkWidget *
soothe_pain_row_new (SootheHistory *history,
                     SootheClock   *clock,
                     const char    *heading,
                     gboolean       compact)
{
  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_PAIN_ROW, "history", history, "clock", clock,
                       "heading", heading, "compact", compact, NULL);
}
