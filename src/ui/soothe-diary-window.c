/* soothe-diary-window.c: the Progress window, the diary's last weeks
 *
 * One section for each situation with pain entries, the one logged last
 * first: its title, what its last four weeks say in words, the chart, and,
 * when the entries give a reason to see someone, a calm note with the
 * situation's get-help lines. It is built again whenever the history
 * changes, and on a new day.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-bundle-text.h"
#include "soothe-diary.h"
#include "soothe-diary-chart.h"
#include "soothe-diary-window.h"
#include "soothe-markup.h"

struct _SootheDiaryWindow
{
  GtkWindow      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkBox        *page;

  /* Owned references */
  SootheContent *content;
  SootheHistory *history;
  SootheClock   *clock;

  /* State */
  guint32        built_day;  /* the local day the sections were built on */
};

G_DEFINE_FINAL_TYPE (SootheDiaryWindow, soothe_diary_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_HISTORY,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Widths, in characters, of the text: at least, and before it wraps. */
#define TEXT_WIDTH_CHARS     24
#define TEXT_MAX_WIDTH_CHARS 64

/* A label that can be selected with the mouse, but never takes the focus:
 * the charts are where the keyboard goes. */
static GtkWidget *
new_text (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), TEXT_WIDTH_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TEXT_MAX_WIDTH_CHARS);
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
add_heading (GtkBox     *box,
             const char *text,
             const char *css_class,
             int         level)
{
  GtkWidget *heading = soothe_bundle_text_new_heading (text, css_class, level);

  gtk_widget_set_focusable (heading, FALSE);
  gtk_box_append (box, heading);
  return heading;
}

static void
add_help_lines (GtkBox             *box,
                const char         *heading,
                const char * const *lines)
{
  GtkWidget *group;

  if (lines == NULL || lines[0] == NULL)
    return;
  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (group, 4);
  add_heading (GTK_BOX (group), heading, "soothe-diary-help-heading", 3);
  soothe_bundle_text_add_list (GTK_BOX (group), lines, SOOTHE_BUNDLE_LIST_NONE, TEXT_WIDTH_CHARS,
                               TEXT_MAX_WIDTH_CHARS);
  gtk_box_append (box, group);
}

/* What the entries suggest, said calmly, and when to get help. */
static void
add_notice (GtkBox                  *section,
            SootheSituation         *situation,
            const SootheDiaryAdvice *advice)
{
  g_autofree char *text = soothe_diary_describe_advice (advice);
  GtkWidget *notice = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-information-symbolic",
                                  "valign", GTK_ALIGN_START,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = new_text (text, "soothe-diary-advice");

  gtk_widget_add_css_class (notice, "soothe-diary-notice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (notice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Worth seeing someone"), -1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (notice), top);

  /* The advice view's headings, so their translations are shared. */
  add_help_lines (GTK_BOX (notice),
                  _("Call emergency services now (999, 112 or 911) if you have:"),
                  soothe_situation_get_emergency (situation));
  add_help_lines (GTK_BOX (notice),
                  _("Contact a doctor or an urgent care service today if you have:"),
                  soothe_situation_get_urgent (situation));

  gtk_box_append (section, notice);
}

static SootheDiaryChart *
add_section (SootheDiaryWindow *self,
             SootheSituation   *situation,
             gint64             now)
{
  g_autoptr(GArray) days = soothe_diary_get_days (self->history, situation, now, SOOTHE_DIARY_DAYS);
  GtkWidget *section = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 10,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     NULL);
  GtkWidget *chart = soothe_diary_chart_new ();
  g_autofree char *title = soothe_markup_to_plain (soothe_situation_get_title (situation));
  SootheDiaryAdvice advice;

  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "soothe-diary-section");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (section), "soothe-situation",
                          g_strdup (soothe_situation_get_id (situation)), g_free);

  soothe_diary_chart_set_days (SOOTHE_DIARY_CHART (chart), situation, days, now);
  add_heading (GTK_BOX (section), soothe_situation_get_title (situation), "soothe-diary-title", 2);
  gtk_box_append (GTK_BOX (section),
                  new_text (soothe_diary_chart_get_summary (SOOTHE_DIARY_CHART (chart)),
                            "soothe-diary-summary"));
  gtk_widget_set_margin_top (chart, 6);
  gtk_box_append (GTK_BOX (section), chart);

  soothe_diary_check (self->history, situation, now, &advice);
  if (advice.kind != SOOTHE_DIARY_ADVICE_NONE)
    add_notice (GTK_BOX (section), situation, &advice);

  gtk_box_append (self->page, section);
  return SOOTHE_DIARY_CHART (chart);
}

static SootheDiaryChart *
focused_chart (SootheDiaryWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return SOOTHE_IS_DIARY_CHART (focus) ? SOOTHE_DIARY_CHART (focus) : NULL;
}

static void
rebuild (SootheDiaryWindow *self)
{
  g_auto(GStrv) ids = soothe_diary_list_situations (self->history);
  gint64 now = soothe_clock_get_now (self->clock);
  SootheDiaryChart *focused = focused_chart (self);
  g_autofree char *focused_id = NULL;
  SootheDiaryChart *first = NULL;
  SootheDiaryChart *refocus = NULL;
  gboolean first_build = self->built_day == 0;
  guint focused_selected = 0;
  GtkWidget *child;

  /* The chart in use keeps the focus and its day, unless a new day began. */
  if (focused != NULL && soothe_diary_chart_get_situation (focused) != NULL)
    {
      focused_id = g_strdup (soothe_situation_get_id (soothe_diary_chart_get_situation (focused)));
      focused_selected = soothe_diary_chart_get_selected (focused);
      if (self->built_day != soothe_diary_get_day_number (now))
        focused_selected = SOOTHE_DIARY_DAYS - 1;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page))) != NULL)
    gtk_box_remove (self->page, child);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      SootheSituation *situation = soothe_content_lookup_situation (self->content, ids[i]);
      SootheDiaryChart *chart;

      /* An entry for a situation from a bundle no longer in use. */
      if (situation == NULL)
        continue;
      chart = add_section (self, situation, now);
      if (first == NULL)
        first = chart;
      if (focused_id != NULL && g_str_equal (focused_id, ids[i]))
        {
          soothe_diary_chart_set_selected (chart, focused_selected);
          refocus = chart;
        }
    }
  self->built_day = soothe_diary_get_day_number (now);

  gtk_stack_set_visible_child_name (self->stack, first != NULL ? "days" : "empty");
  if (refocus != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (refocus));
  else if (first != NULL &&
           (first_build || focused_id != NULL || gtk_root_get_focus (GTK_ROOT (self)) == NULL))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (first));
}

static void
history_changed_cb (SootheDiaryWindow *self)
{
  rebuild (self);
}

/* "Today" moves on at midnight; the window shows it when next used. */
static void
is_active_changed_cb (SootheDiaryWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) &&
      self->built_day != soothe_diary_get_day_number (soothe_clock_get_now (self->clock)))
    rebuild (self);
}

/**
 * soothe_diary_window_new:
 * @application: (nullable): the application, for its export action
 * @content: the content, for the situations' titles and get-help lines
 * @history: the history with the pain entries
 * @clock: (nullable): the clock for "today", or %NULL for the real one
 *
 * Returns: (transfer none): a new window, not yet shown
 */
SootheDiaryWindow *
soothe_diary_window_new (GtkApplication *application,
                         SootheContent  *content,
                         SootheHistory  *history,
                         SootheClock    *clock)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);
  g_return_val_if_fail (SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (clock == NULL || SOOTHE_IS_CLOCK (clock), NULL);

  return g_object_new (SOOTHE_TYPE_DIARY_WINDOW,
                       "application", application,
                       "content", content,
                       "history", history,
                       "clock", clock,
                       NULL);
}

static void
soothe_diary_window_constructed (GObject *object)
{
  SootheDiaryWindow *self = SOOTHE_DIARY_WINDOW (object);

  G_OBJECT_CLASS (soothe_diary_window_parent_class)->constructed (object);

  g_assert (self->content != NULL);
  g_assert (self->history != NULL);
  if (self->clock == NULL)
    self->clock = soothe_clock_new_real ();

  g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  rebuild (self);
}

static void
soothe_diary_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SootheDiaryWindow *self = SOOTHE_DIARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_diary_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SootheDiaryWindow *self = SOOTHE_DIARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_diary_window_dispose (GObject *object)
{
  SootheDiaryWindow *self = SOOTHE_DIARY_WINDOW (object);

  /* GtkWindow unparents its child itself; the template must not do it first. */
  gtk_window_set_child (GTK_WINDOW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SOOTHE_TYPE_DIARY_WINDOW);

  g_clear_object (&self->content);
  g_clear_object (&self->history);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (soothe_diary_window_parent_class)->dispose (object);
}

static void
soothe_diary_window_class_init (SootheDiaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_diary_window_constructed;
  object_class->dispose = soothe_diary_window_dispose;
  object_class->get_property = soothe_diary_window_get_property;
  object_class->set_property = soothe_diary_window_set_property;

  /**
   * SootheDiaryWindow:content:
   *
   * The content in effect: the situations' titles and get-help lines.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SootheDiaryWindow:history:
   *
   * The history whose pain entries are shown; the window follows its changes.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SootheDiaryWindow:clock:
   *
   * The clock that says which day is today; only read, never given a wake-up.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOOTHE_TYPE_DIARY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/soothe-diary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheDiaryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SootheDiaryWindow, page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
soothe_diary_window_init (SootheDiaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
