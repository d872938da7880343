/* soothe-sidebar.c: the situations, grouped by body area, with search
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-lazy-page.h"
#include "soothe-markup.h"
#include "soothe-sidebar.h"

struct _SootheSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListBox         *list_box;
  GtkButton          *red_flag_button;
  GtkLabel           *red_flag_label;
  GtkLabel           *empty_title;   /* NULL until a search first has no answer */
  GtkLabel           *empty_label;

  /* Owned references */
  SootheContent      *content;
  SootheSituation    *selected;
  SootheAnswerSet    *answers;     /* while searching */
  GArray             *rows;        /* AnswerRow, the rows while searching */

  /* State */
  guint               reveal_tick;    /* keeps the selected row in view */
  guint               reveal_frames;  /* frames it has done so */
  gboolean            searching;
  gboolean            pregnant;    /* answers leave out what the advice hides */
  gboolean            selecting;   /* selection changed by code, not by the person */
};

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_SEARCH_MODE,
  PROP_PREGNANT,
  N_PROPS
};

enum {
  SITUATION_ACTIVATED,
  CHOSEN,
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SootheSidebar, soothe_sidebar, GTK_TYPE_WIDGET)

/* A row while searching: what it shows, and where activating it goes. */
typedef struct {
  SoothePassage shown;   /* TITLE: the situation's row */
  SoothePassage target;  /* the situation's row goes to its best passage */
} AnswerRow;

static GListModel *
situations (SootheSidebar *self)
{
  return soothe_content_get_situations (self->content);
}

/**
 * soothe_sidebar_get_shown:
 * @position: a row's position
 *
 * Returns: (transfer none) (nullable): the situation at that row; while
 *   searching, the situation a row's passage belongs to
 */
SootheSituation *
soothe_sidebar_get_shown (SootheSidebar *self,
                          guint          position)
{
  g_autoptr(SootheSituation) situation = NULL;

  g_return_val_if_fail (SOOTHE_IS_SIDEBAR (self), NULL);

  if (self->content == NULL)
    return NULL;
  if (self->searching)
    {
      if (position >= self->rows->len)
        return NULL;
      position = g_array_index (self->rows, AnswerRow, position).shown.situation;
    }
  situation = g_list_model_get_item (situations (self), position);
  /* The content's model keeps its own reference for as long as it lives. */
  return situation;
}

guint
soothe_sidebar_get_n_shown (SootheSidebar *self)
{
  g_return_val_if_fail (SOOTHE_IS_SIDEBAR (self), 0);

  if (self->content == NULL)
    return 0;
  return self->searching ? self->rows->len : g_list_model_get_n_items (situations (self));
}

static SootheSituation *
row_situation (SootheSidebar *self,
               GtkListBoxRow *row)
{
  return soothe_sidebar_get_shown (self, gtk_list_box_row_get_index (row));
}

static GtkWidget *
new_row_label (const char *text,
               gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* GTK 4.8 measures a wrapping label without it at width 0, a line for
   * each character: most of the sidebar's start-up. */
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  return label;
}

static GtkWidget *
create_situation_row_cb (gpointer item,
                         gpointer user_data)
{
  g_autofree char *title = soothe_markup_to_plain (soothe_situation_get_title (item));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), new_row_label (title, FALSE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* While searching: a situation's title, or one of its best passages beneath
 * it with the words found in bold. Each reads its situation and passage. */
static GtkWidget *
create_answer_row_cb (gpointer item,
                      gpointer user_data)
{
  SootheSidebar *self = user_data;
  SootheAnswers *answers = soothe_content_get_answers (self->content);
  guint index = GPOINTER_TO_UINT (g_object_get_data (item, "soothe-row")) - 1;
  const AnswerRow *answer_row = &g_array_index (self->rows, AnswerRow, index);
  SoothePassage title_passage = { answer_row->shown.situation, SOOTHE_PASSAGE_TITLE, 0, 0 };
  g_autofree char *title = soothe_answers_get_text (answers, &title_passage);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  if (answer_row->shown.kind == SOOTHE_PASSAGE_TITLE)
    {
      label = new_row_label (title, FALSE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (row, "soothe-answer-title");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  else
    {
      g_autofree char *text = soothe_answers_get_text (answers, &answer_row->shown);
      g_autofree char *markup = soothe_answers_highlight (answers, self->answers, text);
      g_autofree char *name = NULL;

      label = new_row_label (markup, TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (row, "soothe-passage");
      /* TRANSLATORS: a search answer read out: the situation, then the passage */
      name = g_strdup_printf (_("%s: %s"), title, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  SootheSidebar *self = user_data;
  SootheSituation *situation = self->searching ? NULL : row_situation (self, row);
  const char *area = situation != NULL ? soothe_situation_get_area (situation) : NULL;
  GtkWidget *header;

  if (area == NULL ||
      (before != NULL && g_strcmp0 (area, soothe_situation_get_area (row_situation (self, before))) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "soothe-sidebar-heading");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_text (GTK_LABEL (header), soothe_content_get_area_title (self->content, area));
}

/* A new window lays out, gives the first row the focus and scrolls to it
 * over its first frames: so the selected row is kept in view for a few
 * frames, not set once. */
#define REVEAL_FRAMES 20

static gboolean
reveal_selected_tick_cb (GtkWidget     *widget,
                         GdkFrameClock *frame_clock,
                         gpointer       user_data)
{
  SootheSidebar *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->list_box),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (row == NULL || scroller == NULL || ++self->reveal_frames > REVEAL_FRAMES)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_widget_get_height (GTK_WIDGET (row)) > 0 && gtk_adjustment_get_page_size (adjustment) > 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return G_SOURCE_CONTINUE;
}

/* A situation chosen from elsewhere (the last one shown, --show, a search,
 * a shortcut) may sit below the sidebar's first screen: bring it into view. */
static void
reveal_selected (SootheSidebar *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_box),
                                                      reveal_selected_tick_cb, self, NULL);
}

/* Marks the shown situation's row, if it is in the list; while searching, a
 * row of that situation already marked stays so. */
static void
sync_selection (SootheSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  guint n = soothe_sidebar_get_n_shown (self);

  if (row == NULL || self->selected == NULL || row_situation (self, row) != self->selected)
    {
      row = NULL;
      for (guint i = 0; i < n && self->selected != NULL; i++)
        {
          if (soothe_sidebar_get_shown (self, i) == self->selected)
            {
              row = gtk_list_box_get_row_at_index (self->list_box, i);
              break;
            }
        }
    }

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->selecting = FALSE;
  if (row != NULL)
    reveal_selected (self);
}

static void
emit_passage (SootheSidebar       *self,
              const SoothePassage *passage)
{
  g_autofree char *name = soothe_answers_passage_to_string (soothe_content_get_answers (self->content),
                                                            passage);

  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, name);
}

/* Shows @passage's situation, at @passage. */
static void
open_passage (SootheSidebar       *self,
              const SoothePassage *passage)
{
  g_autoptr(SootheSituation) situation = g_list_model_get_item (situations (self), passage->situation);

  g_set_object (&self->selected, situation);
  sync_selection (self);
  g_signal_emit (self, signals[SITUATION_ACTIVATED], 0, situation);
  emit_passage (self, passage);
}

static void
row_selected_cb (SootheSidebar *self,
                 GtkListBoxRow *row)
{
  SootheSituation *situation;

  if (row == NULL || self->selecting)
    return;

  situation = row_situation (self, row);
  g_set_object (&self->selected, situation);
  g_signal_emit (self, signals[SITUATION_ACTIVATED], 0, situation);
  if (self->searching)
    emit_passage (self, &g_array_index (self->rows, AnswerRow, gtk_list_box_row_get_index (row)).target);
}

/* Enter or a click on an answer: its situation, at its passage. */
static void
row_activated_cb (SootheSidebar *self,
                  GtkListBoxRow *row)
{
  if (self->searching)
    open_passage (self, &g_array_index (self->rows, AnswerRow, gtk_list_box_row_get_index (row)).target);
  g_signal_emit (self, signals[CHOSEN], 0);
}

static void
red_flag_clicked_cb (SootheSidebar *self)
{
  if (self->answers != NULL && self->answers->has_red_flag)
    {
      open_passage (self, &self->answers->red_flag);
      g_signal_emit (self, signals[CHOSEN], 0);
    }
}

static void
show_red_flag (SootheSidebar *self)
{
  SootheAnswers *answers;
  gboolean emergency;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  const char *heading;

  gtk_widget_set_visible (GTK_WIDGET (self->red_flag_button),
                          self->answers != NULL && self->answers->has_red_flag);
  if (self->answers == NULL || !self->answers->has_red_flag)
    return;

  answers = soothe_content_get_answers (self->content);
  emergency = self->answers->red_flag.kind == SOOTHE_PASSAGE_EMERGENCY;
  text = soothe_answers_get_text (answers, &self->answers->red_flag);
  heading = emergency ? _("Call emergency services now (999, 112 or 911) if you have:")
                      : _("Contact a doctor or an urgent care service today if you have:");
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", heading, text);
  gtk_label_set_markup (self->red_flag_label, markup);
  gtk_widget_remove_css_class (GTK_WIDGET (self->red_flag_button), emergency ? "soothe-urgent"
                                                                             : "soothe-emergency");
  gtk_widget_add_css_class (GTK_WIDGET (self->red_flag_button), emergency ? "soothe-emergency"
                                                                          : "soothe-urgent");
  accessible = g_strdup_printf ("%s %s", heading, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->red_flag_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static const SootheLazyChild empty_page_children[] = {
  SOOTHE_LAZY_CHILD (SootheSidebar, empty_title),
  SOOTHE_LAZY_CHILD (SootheSidebar, empty_label),
};

/* An honest no, with where to turn instead, and what the advice beside shows. */
static void
show_no_answer (SootheSidebar *self,
                const char    *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *quoted = soothe_text_shorten (query, 60);

  soothe_lazy_page_show (self->stack, "empty", RESOURCE_BASE "/soothe-sidebar-pages.ui",
                         G_OBJECT (self), NULL, empty_page_children,
                         G_N_ELEMENTS (empty_page_children));
  gtk_label_set_text (self->empty_title, _("No Advice for This"));
  /* TRANSLATORS: %s is what the person searched for */
  g_string_append_printf (text, _("Soothe has no advice about “%s”. If it is an emergency, call 999, "
                                  "112 or 911. Otherwise a doctor or pharmacist can help."),
                          quoted);
  if (self->selected != NULL)
    {
      g_autofree char *title = soothe_markup_to_plain (soothe_situation_get_title (self->selected));

      g_string_append (text, "\n\n");
      /* TRANSLATORS: %s is the title of the advice that stays open */
      g_string_append_printf (text, _("The advice beside this is still “%s”."), title);
    }
  gtk_label_set_text (self->empty_label, text->str);
}

static void
add_answer_row (SootheSidebar       *self,
                GListStore          *store,
                const SoothePassage *shown,
                const SoothePassage *target)
{
  AnswerRow row = { *shown, *target };
  g_autoptr(GtkStringObject) item = gtk_string_object_new ("");

  g_array_append_val (self->rows, row);
  g_object_set_data (G_OBJECT (item), "soothe-row", GUINT_TO_POINTER (self->rows->len));
  g_list_store_append (store, item);
}

static void
bind_rows (SootheSidebar *self)
{
  g_autoptr(GListStore) store = NULL;

  if (!self->searching)
    {
      gtk_list_box_bind_model (self->list_box, situations (self), create_situation_row_cb, self, NULL);
      return;
    }

  store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < self->answers->answers->len; i++)
    {
      const SootheAnswer *answer = &g_array_index (self->answers->answers, SootheAnswer, i);
      SoothePassage title = { answer->situation, SOOTHE_PASSAGE_TITLE, 0, 0 };

      add_answer_row (self, store, &title, &answer->passages[0]);
      /* The red flag, above the list, is not said twice. */
      for (guint p = 0; p < answer->n_passages; p++)
        if (answer->passages[p].kind != SOOTHE_PASSAGE_TITLE &&
            !soothe_answer_set_is_red_flag (self->answers, &answer->passages[p]))
          add_answer_row (self, store, &answer->passages[p], &answer->passages[p]);
    }
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (store), create_answer_row_cb, self, NULL);
}

static void
search_changed_cb (SootheSidebar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->content == NULL)
    return;

  g_clear_pointer (&self->answers, soothe_answer_set_free);
  g_array_set_size (self->rows, 0);
  self->searching = !soothe_text_is_blank (query);
  if (self->searching)
    self->answers = soothe_answers_ask (soothe_content_get_answers (self->content), query,
                                        self->pregnant ? SOOTHE_ASK_PREGNANT : SOOTHE_ASK_NONE);

  /* Rows are about to be replaced: keep focus out of them, where GTK 4.8
   * would otherwise follow a destroyed row. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->list_box)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  bind_rows (self);
  gtk_list_box_invalidate_headers (self->list_box);
  show_red_flag (self);
  if (soothe_sidebar_get_n_shown (self) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    show_no_answer (self, query);

  /* The advice follows the first answer as the question is typed. */
  if (self->answers != NULL && self->answers->answers->len > 0)
    {
      g_autoptr(SootheSituation) first =
        g_list_model_get_item (situations (self), g_array_index (self->answers->answers, SootheAnswer, 0).situation);

      if (first != self->selected)
        {
          g_set_object (&self->selected, first);
          sync_selection (self);
          g_signal_emit (self, signals[SITUATION_ACTIVATED], 0, first);
          return;
        }
    }
  sync_selection (self);
}

/* Enter in the search field opens the first answer at its passage: the red
 * flag, if there is one. */
static void
search_activated_cb (SootheSidebar *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (self->searching && self->answers->has_red_flag)
    open_passage (self, &self->answers->red_flag);
  else if (self->searching && first != NULL)
    open_passage (self, &g_array_index (self->rows, AnswerRow, 0).target);
  else if (first != NULL)
    gtk_list_box_select_row (self->list_box, first);

  if (first != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      g_signal_emit (self, signals[CHOSEN], 0);
    }
}

static void
search_stopped_cb (SootheSidebar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      SootheSidebar         *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  /* Down from the search entry goes to the results, as in GNOME Settings. */
  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

/* Escape in the answers goes back to the question. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     SootheSidebar         *self)
{
  if (keyval != GDK_KEY_Escape || !self->searching)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GDK_EVENT_STOP;
}

/* Marks @situation as the one shown, without emitting situation-activated. */
void
soothe_sidebar_select (SootheSidebar   *self,
                       SootheSituation *situation)
{
  g_return_if_fail (SOOTHE_IS_SIDEBAR (self));
  g_return_if_fail (SOOTHE_IS_SITUATION (situation));

  g_set_object (&self->selected, situation);
  sync_selection (self);
}

/* Shows the situation @delta rows below (or above) the shown one, as the
 * keyboard shortcuts for the next and previous situation do. */
void
soothe_sidebar_move (SootheSidebar *self,
                     int            delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  int n = (int) soothe_sidebar_get_n_shown (self);
  int position;

  g_return_if_fail (SOOTHE_IS_SIDEBAR (self));

  if (n == 0)
    return;
  position = row != NULL ? gtk_list_box_row_get_index (row) + delta : (delta > 0 ? 0 : n - 1);
  row = gtk_list_box_get_row_at_index (self->list_box, CLAMP (position, 0, n - 1));
  gtk_list_box_select_row (self->list_box, row);
  reveal_selected (self);
}

void
soothe_sidebar_start_search (SootheSidebar *self)
{
  g_return_if_fail (SOOTHE_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens the search with @question in it and answers it at once. */
void
soothe_sidebar_search_for (SootheSidebar *self,
                           const char    *question)
{
  g_return_if_fail (SOOTHE_IS_SIDEBAR (self));
  g_return_if_fail (question != NULL);

  soothe_sidebar_start_search (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), question);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  /* The entry reports a change only after a pause. */
  search_changed_cb (self);
}

static void
search_mode_changed_cb (SootheSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
soothe_sidebar_root (GtkWidget *widget)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (widget);

  GTK_WIDGET_CLASS (soothe_sidebar_parent_class)->root (widget);

  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
soothe_sidebar_unroot (GtkWidget *widget)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);

  GTK_WIDGET_CLASS (soothe_sidebar_parent_class)->unroot (widget);
}

static void
soothe_sidebar_constructed (GObject *object)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (object);

  G_OBJECT_CLASS (soothe_sidebar_parent_class)->constructed (object);

  g_assert (self->content != NULL);
  bind_rows (self);
  gtk_list_box_set_header_func (self->list_box, update_header_cb, self, NULL);
}

static void
soothe_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    case PROP_PREGNANT:
      g_value_set_boolean (value, self->pregnant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_SEARCH_MODE:
      if (g_value_get_boolean (value))
        soothe_sidebar_start_search (self);
      else
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      break;
    case PROP_PREGNANT:
      if (self->pregnant != g_value_get_boolean (value))
        {
          self->pregnant = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          if (self->searching)
            search_changed_cb (self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_sidebar_dispose (GObject *object)
{
  SootheSidebar *self = SOOTHE_SIDEBAR (object);

  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_box), self->reveal_tick);
  self->reveal_tick = 0;
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_SIDEBAR);
  g_clear_object (&self->selected);
  g_clear_object (&self->content);
  g_clear_pointer (&self->answers, soothe_answer_set_free);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (soothe_sidebar_parent_class)->dispose (object);
}

static void
soothe_sidebar_class_init (SootheSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_sidebar_constructed;
  object_class->dispose = soothe_sidebar_dispose;
  object_class->get_property = soothe_sidebar_get_property;
  object_class->set_property = soothe_sidebar_set_property;
  widget_class->root = soothe_sidebar_root;
  widget_class->unroot = soothe_sidebar_unroot;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, SOOTHE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREGNANT] =
    g_param_spec_boolean ("pregnant", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SootheSidebar::situation-activated:
   * @situation: the situation the person picked
   */
  signals[SITUATION_ACTIVATED] =
    g_signal_new ("situation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOOTHE_TYPE_SITUATION);

  /**
   * SootheSidebar::chosen:
   *
   * Emitted when the person has picked what to read: a click or Enter on a
   * row, Enter in the search entry, or the button of an emergency answer.
   * Moving through the rows with the arrow keys, or typing a question, shows
   * each situation as it goes (situation-activated) without choosing.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SootheSidebar::passage-activated:
   * @passage: the passage the person picked, as soothe_answers_passage_to_string() names it
   *
   * Emitted after situation-activated for the passage's situation.
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, red_flag_button);
  gtk_widget_class_bind_template_child (widget_class, SootheSidebar, red_flag_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, red_flag_clicked_cb);
}

static void
soothe_sidebar_init (SootheSidebar *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (AnswerRow));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);

  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * soothe_sidebar_new:
 * @content: the situations it lists and searches
 */
GtkWidget *
soothe_sidebar_new (SootheContent *content)
{
  g_return_val_if_fail (SOOTHE_IS_CONTENT (content), NULL);
  return g_object_new (SOOTHE_TYPE_SIDEBAR, "content", content, NULL);
}
