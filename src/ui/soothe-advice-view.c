/* soothe-advice-view.c: the advice for one situation
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-advice-view.h"
#include "soothe-bundle-text.h"
#include "soothe-diary.h"
#include "soothe-markup.h"
#include "soothe-pain-row.h"
#include "soothe-safety.h"
#include "soothe-stretch-card.h"
#include "soothe-width-layout.h"

struct _SootheAdviceView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *clamp;
  GtkBox            *page;
  GtkLabel          *disclaimer_label;

  /* Owned references */
  SootheContent     *content;
  SootheSituation   *situation;
  SootheHistory     *history;         /* NULL: no diary row */
  SootheClock       *clock;

  /* State */
  gboolean           pregnant;        /* the "I'm pregnant" preference */
  gboolean           rest_pending;    /* the blocks below the first screen are still to come */
  gulong             after_paint_id;  /* waiting for the top to be painted */
  guint              rest_source;     /* building them once it has been */
  GtkWidget         *revealed;        /* the passage search last went to */
  GtkBox            *diary;           /* the notice and "How is it today?" */
  GtkWidget         *diary_notice;    /* "time to see someone", built when needed */
  GtkLabel          *diary_notice_label;
  guint              reveal_tick;
  guint              reveal_frames;
};

G_DEFINE_FINAL_TYPE (SootheAdviceView, soothe_advice_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_HISTORY,
  PROP_CLOCK,
  PROP_PREGNANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *find_tagged (GtkWidget  *widget,
                               const char *tag);

/* Widths, in characters, of the advice's text: at least, and before it wraps. */
#define TEXT_WIDTH_CHARS     28
#define TEXT_MAX_WIDTH_CHARS 72

static GtkWidget *
new_label (const char *markup,
           const char *css_class)
{
  GtkWidget *label = soothe_bundle_text_new_markup_label (markup, css_class);

  gtk_label_set_max_width_chars (GTK_LABEL (label), TEXT_MAX_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), TEXT_WIDTH_CHARS);
  return label;
}

/* A label for bundle text, which is never trusted as markup. */
static GtkWidget *
add_text (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = soothe_bundle_text_new_label (text, css_class);

  gtk_label_set_max_width_chars (GTK_LABEL (label), TEXT_MAX_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), TEXT_WIDTH_CHARS);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
add_heading (GtkBox     *box,
             const char *text,
             const char *css_class,
             int         level)
{
  GtkWidget *label = soothe_bundle_text_new_heading (text, css_class, level);

  gtk_box_append (box, label);
  return label;
}

static GtkBox *
add_box (GtkBox     *parent,
         const char *css_class,
         int         spacing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_box_append (parent, box);
  return GTK_BOX (box);
}

static GtkBox *
add_list (GtkBox             *box,
          const char * const *items,
          gboolean            numbered)
{
  return soothe_bundle_text_add_list (box, items,
                                      SOOTHE_BUNDLE_LIST_SELECTABLE |
                                      (numbered ? SOOTHE_BUNDLE_LIST_NUMBERED : SOOTHE_BUNDLE_LIST_NONE),
                                      TEXT_WIDTH_CHARS, TEXT_MAX_WIDTH_CHARS);
}

/* Marks @widget as where the passage KIND/SECTION/ITEM is shown, for search. */
static void
tag_passage (GtkWidget  *widget,
             const char *kind,
             guint       section,
             guint       item)
{
  g_object_set_data_full (G_OBJECT (widget), "soothe-passage",
                          g_strdup_printf ("%s/%u/%u", kind, section, item), g_free);
}

/* Tags each row of @list with the item it shows: @shown[i] is the i-th row's
 * position among all the items. */
static void
tag_list (GtkBox      *list,
          const char  *kind,
          guint        section,
          const guint *shown)
{
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      tag_passage (row, kind, section, shown != NULL ? shown[i] : i);
      i++;
    }
}

/* A note in place of advice that the "I'm pregnant" preference hides. */
static void
add_pregnancy_note (GtkBox     *box,
                    const char *text)
{
  GtkWidget *label = add_text (box, text, "soothe-note");
  gtk_widget_set_margin_top (label, 4);
}

static void
add_sections (SootheAdviceView *self,
              GtkBox           *page,
              guint             first,
              guint             end)
{
  guint n = MIN (end, soothe_situation_get_n_sections (self->situation));

  for (guint i = first; i < n; i++)
    {
      const SootheAdviceSection *section = soothe_situation_get_section (self->situation, i);
      g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_auto(GStrv) items = NULL;
      gboolean hidden = FALSE;
      GtkBox *box;

      for (guint k = 0; section->items[k] != NULL; k++)
        {
          if (self->pregnant && soothe_text_mentions_nsaid (section->items[k]) != NULL)
            hidden = TRUE;
          else
            {
              g_strv_builder_add (shown, section->items[k]);
              g_array_append_val (positions, k);
            }
        }
      items = g_strv_builder_end (shown);
      if (items[0] == NULL && !hidden)
        continue;

      box = add_box (page, "soothe-section", 6);
      add_heading (box, section->heading, "title-3", 2);
      tag_list (add_list (box, (const char * const *) items, FALSE), "advice", i,
                (const guint *) positions->data);
      if (hidden)
        add_pregnancy_note (box, _("Advice about anti-inflammatory painkillers is hidden because "
                                   "you said you’re pregnant. Ask your midwife, doctor or "
                                   "pharmacist which painkiller suits you."));
    }
}

static void
add_get_help (SootheAdviceView *self,
              GtkBox           *page)
{
  GtkBox *box = add_box (page, "soothe-get-help", 8);
  GtkBox *emergency;
  GtkBox *urgent;

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Get help"), -1);
  add_heading (box, _("Get help"), "title-3", 2);

  emergency = add_box (box, "soothe-emergency", 6);
  add_heading (emergency,
               _("Call emergency services now (999, 112 or 911) if you have:"),
               "heading", 3);
  tag_list (add_list (emergency, soothe_situation_get_emergency (self->situation), FALSE),
            "emergency", 0, NULL);

  urgent = add_box (box, "soothe-urgent", 6);
  add_heading (urgent,
               _("Contact a doctor or an urgent care service today if you have:"),
               "heading", 3);
  tag_list (add_list (urgent, soothe_situation_get_urgent (self->situation), FALSE), "urgent", 0, NULL);
}

static char *
describe_therapy (SootheAdviceView *self)
{
  SootheTherapyKind kind = soothe_situation_get_therapy_kind (self->situation);
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, kind);
  guint minutes = soothe_situation_get_therapy_minutes (self->situation);

  switch (kind)
    {
    case SOOTHE_THERAPY_COLD:
    case SOOTHE_THERAPY_HEAT:
      return g_strdup_printf (ngettext ("%s for %u minute", "%s for %u minutes", minutes),
                              preset->title, minutes);
    case SOOTHE_THERAPY_CONTRAST:
      return g_strdup_printf (ngettext ("%s: warm then cold, %u round, ending on cold",
                                        "%s: warm then cold, %u rounds, ending on cold",
                                        preset->rounds),
                              preset->title, preset->rounds);
    case SOOTHE_THERAPY_NONE:
    default:
      return g_strdup (_("Neither heat nor cold is the main help here"));
    }
}

static void
add_therapy (SootheAdviceView *self,
             GtkBox           *page)
{
  SootheTherapyKind kind = soothe_situation_get_therapy_kind (self->situation);
  const SootheTherapyPreset *preset = soothe_content_get_therapy (self->content, kind);
  GtkBox *box = add_box (page, "soothe-card", 6);
  g_autofree char *summary = describe_therapy (self);

  tag_passage (GTK_WIDGET (box), "therapy", 0, 0);
  g_autofree char *summary_markup = g_markup_printf_escaped ("<b>%s</b>", summary);

  add_heading (box, _("Heat or cold?"), "title-3", 2);
  gtk_box_append (box, new_label (summary_markup, NULL));
  add_text (box, soothe_situation_get_therapy_reason (self->situation), NULL);

  if (preset != NULL)
    {
      g_autofree char *title = soothe_markup_to_plain (preset->title);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (kind == SOOTHE_THERAPY_CONTRAST)
        /* TRANSLATORS: %s is "Contrast" */
        label = g_strdup_printf (_("Start %s"), title);
      else
        /* TRANSLATORS: "Start Cold pack · 15 min" */
        label = g_strdup_printf (_("Start %s · %u min"), title,
                                 soothe_situation_get_therapy_minutes (self->situation));
      button = gtk_button_new_with_label (label);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.start-therapy");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(su)",
                                        soothe_therapy_kind_to_string (kind),
                                        soothe_situation_get_therapy_minutes (self->situation));
      gtk_box_append (box, button);
    }

  if (preset != NULL && kind != SOOTHE_THERAPY_CONTRAST)
    {
      g_autofree char *limits = NULL;

      limits = g_strdup_printf (_("Never more than %u minutes at a time; then give your skin "
                                  "%u minutes to rest."),
                                preset->max_minutes, preset->rest_minutes);
      add_text (box, limits, "dim-label");
    }
}

static void
add_stretches (SootheAdviceView *self,
               GtkBox           *page)
{
  const char * const *ids = soothe_situation_get_stretch_ids (self->situation);
  GtkBox *box = add_box (page, "soothe-section", 8);
  gboolean hidden = FALSE;

  add_heading (box, _("Stretches that help"), "title-3", 2);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      SootheStretch *stretch = soothe_content_lookup_stretch (self->content, ids[i]);

      /* The loader checked every reference, so this always finds one. */
      g_assert (stretch != NULL);
      if (self->pregnant && !soothe_stretch_get_pregnancy_safe (stretch))
        hidden = TRUE;
      else
        {
          GtkWidget *card = soothe_stretch_card_new (stretch);

          gtk_box_append (box, card);
          tag_passage (card, "stretch", 0, i);
        }
    }
  if (hidden)
    add_pregnancy_note (box, _("Stretches that may not suit pregnancy are hidden because you said "
                               "you’re pregnant. Check with your midwife or doctor before a new "
                               "exercise."));
}

static void
add_sources (SootheAdviceView *self,
             GtkBox           *page)
{
  GtkBox *box = add_box (page, "soothe-section", 4);
  guint n = soothe_situation_get_n_sources (self->situation);

  add_heading (box, _("Sources"), "title-3", 2);
  for (guint i = 0; i < n; i++)
    {
      const SootheSource *source = soothe_situation_get_source (self->situation, i);
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>",
                                                         source->url, source->name);
      GtkWidget *label = new_label (markup, NULL);

      gtk_widget_set_tooltip_text (label, source->url);
      gtk_box_append (box, label);
    }
}

static void
get_help_clicked_cb (SootheAdviceView *self)
{
  soothe_advice_view_reveal_passage (self, "emergency/0/0");
}

/* The notice above "How is it today?". Most days there is nothing to say, so
 * it is built the first time there is. */
static void
add_diary_notice (SootheAdviceView *self)
{
  GtkWidget *notice, *icon, *text_box, *label, *button;

  notice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (notice, "soothe-diary-notice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (notice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From your diary"), -1);
  icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (notice), icon);
  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_hexpand (text_box, TRUE);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TEXT_MAX_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), TEXT_WIDTH_CHARS);
  gtk_box_append (GTK_BOX (text_box), label);
  button = gtk_button_new_with_label (_("When to Get Help"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (get_help_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (text_box), button);
  gtk_box_append (GTK_BOX (notice), text_box);
  gtk_box_prepend (self->diary, notice);
  self->diary_notice = notice;
  self->diary_notice_label = GTK_LABEL (label);
}

/* Says, calmly, when the diary's entries are a reason to see someone. */
static void
update_diary_notice (SootheAdviceView *self)
{
  g_autofree char *text = NULL;
  SootheDiaryAdvice advice;

  if (self->diary == NULL || self->situation == NULL)
    return;
  soothe_diary_check (self->history, self->situation, soothe_clock_get_now (self->clock), &advice);
  text = soothe_diary_describe_advice (&advice);
  if (text != NULL && self->diary_notice == NULL)
    add_diary_notice (self);
  if (self->diary_notice == NULL)
    return;
  gtk_label_set_text (self->diary_notice_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->diary_notice, text != NULL);
}

static void
history_changed_cb (SootheAdviceView *self)
{
  update_diary_notice (self);
}

/* "How is it today?" and, when the entries say so, the notice above it.
 * It sits right under the summary, on the first screen, so it is built with
 * the top of the advice: adding it a frame later would push the advice down. */
static void
add_diary (SootheAdviceView *self)
{
  GtkWidget *row;

  if (self->history == NULL)
    return;

  self->diary = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_add_css_class (GTK_WIDGET (self->diary), "soothe-diary");
  row = soothe_pain_row_new (self->history, self->clock, NULL, FALSE);
  gtk_widget_add_css_class (row, "soothe-card");
  soothe_pain_row_set_situation (SOOTHE_PAIN_ROW (row), soothe_situation_get_id (self->situation));
  gtk_box_append (self->diary, row);

  gtk_box_append (self->page, GTK_WIDGET (self->diary));
  update_diary_notice (self);
}

/* The other sections, help, therapy, stretches and sources come once the top
 * of the advice is on screen: at the window's default size the first section
 * already runs off its bottom. */
static void
build_rest (SootheAdviceView *self)
{
  self->rest_pending = FALSE;
  add_sections (self, self->page, 1, G_MAXUINT);
  add_get_help (self, self->page);
  add_therapy (self, self->page);
  add_stretches (self, self->page);
  add_sources (self, self->page);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->page), GTK_ACCESSIBLE_STATE_BUSY, FALSE, -1);
}

static gboolean
build_rest_cb (gpointer user_data)
{
  SootheAdviceView *self = user_data;

  self->rest_source = 0;
  build_rest (self);
  return G_SOURCE_REMOVE;
}

static void
top_painted_cb (GdkFrameClock    *frame_clock,
                SootheAdviceView *self)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  /* After the frame, not inside it, so input still comes first. */
  if (self->rest_source == 0)
    self->rest_source = g_idle_add (build_rest_cb, self);
}

/* Waits for the first screen of advice to be painted before building what lies
 * below it: laying out and drawing text is most of Soothe's start-up, and a
 * person reads from the top. Nothing is built while the view is not shown. */
static void
schedule_rest (SootheAdviceView *self)
{
  if (!self->rest_pending || self->after_paint_id != 0 || self->rest_source != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                           "after-paint", G_CALLBACK (top_painted_cb), self);
}

static void
cancel_rest (SootheAdviceView *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_clear_handle_id (&self->rest_source, g_source_remove);
}

static void
rebuild (SootheAdviceView *self)
{
  GtkWidget *child, *focus;
  GtkRoot *root;
  GtkBox *header;
  const char *area_title;

  cancel_rest (self);
  self->rest_pending = FALSE;
  if (self->revealed != NULL)
    gtk_widget_remove_css_class (self->revealed, "soothe-found");
  g_clear_object (&self->revealed);
  self->diary = NULL;
  self->diary_notice = NULL;
  self->diary_notice_label = NULL;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->page), GTK_ACCESSIBLE_STATE_BUSY, FALSE, -1);
  /* GTK 4.8's viewport trips over a focus widget taken away under it (a
   * number just logged, then Ctrl+Page Down): let go of it first. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page)))
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page))) != NULL)
    gtk_box_remove (self->page, child);

  if (self->situation == NULL)
    return;

  header = add_box (self->page, NULL, 4);
  area_title = soothe_content_get_area_title (self->content,
                                              soothe_situation_get_area (self->situation));
  if (area_title != NULL)
    add_text (header, area_title, "soothe-eyebrow");
  add_heading (header, soothe_situation_get_title (self->situation), "title-1", 1);
  tag_passage (GTK_WIDGET (header), "title", 0, 0);
  tag_passage (add_text (self->page, soothe_situation_get_summary (self->situation), "soothe-summary"),
               "summary", 0, 0);
  add_diary (self);
  add_sections (self, self->page, 0, 1);

  self->rest_pending = TRUE;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->page), GTK_ACCESSIBLE_STATE_BUSY, TRUE, -1);
  schedule_rest (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static GtkWidget *
find_tagged (GtkWidget  *widget,
             const char *tag)
{
  const char *own = g_object_get_data (G_OBJECT (widget), "soothe-passage");

  if (own != NULL && g_str_equal (own, tag))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tagged (child, tag);

      if (found != NULL)
        return found;
    }
  return NULL;
}

#define REVEAL_FRAMES 20

/* Layout of the new blocks takes a few frames: keep the passage in view. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_rect_t bounds;

  if (self->revealed == NULL || ++self->reveal_frames > REVEAL_FRAMES)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (self->revealed) > 0 && gtk_adjustment_get_page_size (adjustment) > 0 &&
      gtk_widget_compute_bounds (self->revealed, GTK_WIDGET (self->page), &bounds))
    gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 24));
  return G_SOURCE_CONTINUE;
}

/**
 * soothe_advice_view_reveal_passage:
 * @passage: "KIND/SECTION/ITEM", the tail of a name from soothe_answers_passage_to_string()
 *
 * Scrolls to the passage of the situation shown and marks it for a moment.
 *
 * Returns: whether the passage is shown
 */
gboolean
soothe_advice_view_reveal_passage (SootheAdviceView *self,
                                   const char       *passage)
{
  GtkWidget *found;

  g_return_val_if_fail (SOOTHE_IS_ADVICE_VIEW (self), FALSE);
  g_return_val_if_fail (passage != NULL, FALSE);

  if (self->rest_pending)
    {
      cancel_rest (self);
      build_rest (self);
    }
  found = find_tagged (GTK_WIDGET (self->page), passage);
  if (self->revealed != NULL)
    gtk_widget_remove_css_class (self->revealed, "soothe-found");
  g_clear_object (&self->revealed);
  if (found == NULL)
    return FALSE;

  self->revealed = g_object_ref (found);
  gtk_widget_add_css_class (found, "soothe-found");
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
  return TRUE;
}

/* Returns: (nullable): the passage last revealed, "KIND/SECTION/ITEM" */
const char *
soothe_advice_view_get_revealed (SootheAdviceView *self)
{
  g_return_val_if_fail (SOOTHE_IS_ADVICE_VIEW (self), NULL);
  return self->revealed != NULL ? g_object_get_data (G_OBJECT (self->revealed), "soothe-passage") : NULL;
}

void
soothe_advice_view_set_situation (SootheAdviceView *self,
                                  SootheSituation  *situation)
{
  g_return_if_fail (SOOTHE_IS_ADVICE_VIEW (self));
  g_return_if_fail (situation == NULL || SOOTHE_IS_SITUATION (situation));
  g_return_if_fail (self->content != NULL);

  if (g_set_object (&self->situation, situation))
    rebuild (self);
}

SootheSituation *
soothe_advice_view_get_situation (SootheAdviceView *self)
{
  g_return_val_if_fail (SOOTHE_IS_ADVICE_VIEW (self), NULL);
  return self->situation;
}

static void
soothe_advice_view_constructed (GObject *object)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (object);

  G_OBJECT_CLASS (soothe_advice_view_parent_class)->constructed (object);

  g_assert (self->content != NULL);
  g_assert ((self->history == NULL) == (self->clock == NULL));
  soothe_bundle_text_set_label (self->disclaimer_label, soothe_content_get_disclaimer (self->content));
  if (self->history != NULL)
    g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
soothe_advice_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (object);

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
    case PROP_PREGNANT:
      g_value_set_boolean (value, self->pregnant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_advice_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (object);

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
    case PROP_PREGNANT:
      if (self->pregnant != g_value_get_boolean (value))
        {
          self->pregnant = g_value_get_boolean (value);
          if (self->content != NULL)
            rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_advice_view_dispose (GObject *object)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (object);

  cancel_rest (self);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_object (&self->revealed);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_ADVICE_VIEW);
  g_clear_object (&self->situation);
  g_clear_object (&self->content);
  g_clear_object (&self->history);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (soothe_advice_view_parent_class)->dispose (object);
}

static void
soothe_advice_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (soothe_advice_view_parent_class)->map (widget);
  schedule_rest (SOOTHE_ADVICE_VIEW (widget));
}

static void
soothe_advice_view_unmap (GtkWidget *widget)
{
  SootheAdviceView *self = SOOTHE_ADVICE_VIEW (widget);

  /* Shown again, it may be in another window with another frame clock. */
  g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
  GTK_WIDGET_CLASS (soothe_advice_view_parent_class)->unmap (widget);
}

static void
soothe_advice_view_class_init (SootheAdviceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_advice_view_constructed;
  object_class->dispose = soothe_advice_view_dispose;
  object_class->get_property = soothe_advice_view_get_property;
  object_class->set_property = soothe_advice_view_set_property;

  widget_class->map = soothe_advice_view_map;
  widget_class->unmap = soothe_advice_view_unmap;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* With the clock, for "How is it today?" and when to see someone; both or neither. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SOOTHE_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SOOTHE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SootheAdviceView:pregnant:
   *
   * Whether to hide stretches that do not suit pregnancy and advice about
   * anti-inflammatory painkillers.
   */
  properties[PROP_PREGNANT] =
    g_param_spec_boolean ("pregnant", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-advice-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheAdviceView, box);
  gtk_widget_class_bind_template_child (widget_class, SootheAdviceView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SootheAdviceView, clamp);
  gtk_widget_class_bind_template_child (widget_class, SootheAdviceView, page);
  gtk_widget_class_bind_template_child (widget_class, SootheAdviceView, disclaimer_label);
}

static void
soothe_advice_view_init (SootheAdviceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page at its natural width, centred, or narrower when there is less
   * room: halign=center would lay out its text over and over. */
  gtk_widget_set_layout_manager (self->clamp, soothe_width_layout_new (TRUE));
}

/**
 * soothe_advice_view_new:
 * @content: the advice it shows
 * @history: (nullable): where pain entries are kept, for "How is it today?"
 * @clock: (nullable): what "today" is for @history
 */
GtkWidget *
soothe_advice_view_new (SootheContent *content,
                        SootheHistory *history,
                        SootheClock   *clock)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);
  g_return_val_if_fail (history == NULL || SOOTHE_IS_HISTORY (history), NULL);
  g_return_val_if_fail ((history == NULL) == (clock == NULL), NULL);

  return g_object_new (SOOTHE_TYPE_ADVICE_VIEW, "content", content, "history", history,
                       "clock", clock, NULL);
}
