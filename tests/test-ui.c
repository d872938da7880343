/* test-ui.c: the real window, used as a person would, under a display
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#if defined (HAVE_XLIB) && defined (GDK_WINDOWING_X11)
#include <gdk/x11/gdkx.h>
#endif

#include "soothe-advice-view.h"
#include "soothe-application.h"
#include "soothe-autostart.h"
#include "soothe-fake-clock.h"
#include "soothe-gpu.h"
#include "soothe-diary.h"
#include "soothe-markup.h"
#include "soothe-pain-row.h"
#include "soothe-preferences-window.h"
#include "soothe-progress.h"
#include "soothe-reminder-panel.h"
#include "soothe-stretch-window.h"
#include "soothe-therapy-format.h"
#include "soothe-sidebar.h"
#include "soothe-timer-panel.h"
#include "soothe-window.h"
#include "test-widgets.h"

static SootheApplication *app;
static SootheWindow *window;
/* GSK_RENDERER as the tests were started with it. */
static char *renderer_asked_for;
static char *data_home;

static void
wait_for (gboolean (*condition) (void))
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean met;

  while (!(met = condition ()) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (met);
}

static gboolean
window_mapped (void)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* For wait_for(): TRUE once @usec have passed since the wait began. */
static gboolean
waited (gint64 *until,
        gint64  usec)
{
  if (*until == 0)
    *until = g_get_monotonic_time () + usec;
  if (g_get_monotonic_time () < *until)
    return FALSE;
  *until = 0;
  return TRUE;
}

static gboolean
a_second_passed (void)
{
  static gint64 until = 0;
  return waited (&until, 1200 * 1000);
}

static gboolean
idle_done (void)
{
  /* Let layout and a frame happen before looking. */
  static gint64 until = 0;
  return waited (&until, 100 * 1000);
}

/* The advice pane builds what lies below its first screen after that screen
 * is painted; the sources come last. */
static gboolean
advice_complete (void)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW);
  g_autoptr(GString) texts = g_string_new (NULL);

  if (soothe_advice_view_get_situation (SOOTHE_ADVICE_VIEW (view)) == NULL)
    return TRUE;
  collect_label_texts (view, texts);
  return strstr (texts->str, "\nSources\n") != NULL;
}

static void
settle (void)
{
  wait_for (idle_done);
  wait_for (advice_complete);
}

/* Everything the advice pane shows, as plain text, one label a line. */
static char *
advice_text (void)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW);
  GString *texts = g_string_new (NULL);

  collect_label_texts (view, texts);
  return g_string_free (texts, FALSE);
}

static void
assert_shows (const char *texts,
              const char *inline_text)
{
  g_autofree char *plain = soothe_markup_to_plain (inline_text);

  if (strstr (texts, plain) == NULL)
    g_error ("The advice pane does not show “%s”", plain);
}

static SootheSidebar *
sidebar (void)
{
  return SOOTHE_SIDEBAR (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_SIDEBAR));
}

static GtkListBox *
list_box (void)
{
  return GTK_LIST_BOX (find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_LIST_BOX));
}

static void
assert_situation_shown (SootheSituation *situation)
{
  SootheContent *content = soothe_application_get_content (app);
  g_autofree char *texts = advice_text ();
  GtkWidget *view = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW);

  g_assert_true (soothe_advice_view_get_situation (SOOTHE_ADVICE_VIEW (view)) == situation);
  assert_shows (texts, soothe_situation_get_title (situation));
  assert_shows (texts, soothe_situation_get_summary (situation));
  for (guint i = 0; i < soothe_situation_get_n_sections (situation); i++)
    assert_shows (texts, soothe_situation_get_section (situation, i)->heading);
  assert_shows (texts, "Get help");
  assert_shows (texts, "Call emergency services now");
  assert_shows (texts, soothe_situation_get_emergency (situation)[0]);
  assert_shows (texts, soothe_situation_get_urgent (situation)[0]);
  assert_shows (texts, soothe_situation_get_source (situation, 0)->name);
  assert_shows (texts, soothe_content_get_disclaimer (content));
}

static void
test_every_situation (void)
{
  guint n = soothe_sidebar_get_n_shown (sidebar ());

  /* The 29 built-in situations and the user bundle's one. */
  g_assert_cmpuint (n, ==, 30);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_box (), i);
      int min_width, min_height;

      /* What a click does: select the row. */
      gtk_list_box_select_row (list_box (), row);
      settle ();
      assert_situation_shown (soothe_sidebar_get_shown (sidebar (), i));

      /* It fits the window at its default size, and a display of the 800×480
       * the metainfo asks for. */
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, min_width,
                          &min_height, NULL, NULL, NULL);
      g_test_message ("%s: the window's smallest size is %d×%d, and it is %d×%d",
                      soothe_situation_get_id (soothe_sidebar_get_shown (sidebar (), i)),
                      min_width, min_height, gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
      g_assert_cmpint (min_width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpint (min_width, <=, 800);
      g_assert_cmpint (min_height, <=, 480);
    }
}

static gboolean
disclaimer_visible_in_window (void)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW);
  SootheContent *content = soothe_application_get_content (app);
  g_autofree char *disclaimer = soothe_markup_to_plain (soothe_content_get_disclaimer (content));
  GtkWidget *child;

  /* The disclaimer sits below the scrolled advice, so it is always in view. */
  for (child = gtk_widget_get_last_child (gtk_widget_get_first_child (view)); child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    {
      GtkWidget *label = find_descendant (child, GTK_TYPE_LABEL);
      graphene_rect_t bounds;

      if (GTK_IS_SCROLLED_WINDOW (child) || label == NULL ||
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), disclaimer) != 0)
        continue;
      return gtk_widget_get_mapped (label) &&
             gtk_widget_compute_bounds (label, GTK_WIDGET (window), &bounds) &&
             bounds.size.height > 0 &&
             bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window));
    }
  return FALSE;
}

/* The header bar's button for the sidebar in a narrow window. */
static GtkWidget *
sidebar_button (void)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  GtkWidget *widget = titlebar;

  /* Depth-first through the header bar, for the button with the action. */
  while (widget != NULL)
    {
      GtkWidget *next;

      if (GTK_IS_ACTIONABLE (widget) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-sidebar") == 0)
        return widget;
      next = gtk_widget_get_first_child (widget);
      while (next == NULL && widget != titlebar)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  g_error ("The header bar has no button for win.show-sidebar");
}

static int wanted_width;

static gboolean
window_resized (gpointer data)
{
  /* The X window has the frame around the widgets too. */
  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         ABS (gtk_widget_get_width (GTK_WIDGET (window)) - wanted_width) <= 16;
}

/* As a window manager does when the window is tiled to half the screen. */
static void
resize_window (int width)
{
#if defined (HAVE_XLIB) && defined (GDK_WINDOWING_X11)
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  wanted_width = width;
  XResizeWindow (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                 gdk_x11_surface_get_xid (surface), width, 700);
  test_wait_until (window_resized, NULL);
  test_settle_window (GTK_WIDGET (window));
#endif
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
show_sidebar_state (void)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-sidebar");

  return g_variant_get_boolean (state);
}

/* Runs the shortcut @widget's class binds to @keyval, as a key press that no
 * widget inside took would; returns whether it handled the key. */
static gboolean
activate_class_shortcut (GtkWidget *widget,
                         guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}

/* Half of a 1600 px screen: the advice with the timer, or with the sidebar
 * when it is asked for, and the three side by side again when it is wide. */
static void
test_narrow_window (void)
{
  GtkWidget *side = GTK_WIDGET (sidebar ());
  GtkWidget *timer = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_TIMER_PANEL);
  GtkWidget *view = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW);
  GtkWidget *button = sidebar_button ();
  GtkListBoxRow *row;
  SootheSituation *picked;
  int min_width;

#if defined (HAVE_XLIB) && defined (GDK_WINDOWING_X11)
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window))))
    {
      g_test_skip ("resizing the window needs an X11 display");
      return;
    }
#else
  g_test_skip ("resizing the window needs Xlib");
  return;
#endif

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("the window can be %d px narrow", min_width);
  g_assert_cmpint (min_width, <=, 800);

  /* Wide: all three, and no button. */
  g_assert_true (gtk_widget_get_mapped (side) && gtk_widget_get_mapped (timer));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-sidebar"));

  /* Narrow, with the focus in the sidebar: it folds away, the timer stays,
   * and the focus goes to the button that brings the sidebar back. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (list_box ())));
  resize_window (800);
  g_assert_false (gtk_widget_get_mapped (side));
  g_assert_true (gtk_widget_get_mapped (timer) && gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (focus_within (button));
  g_assert_cmpint (gtk_widget_get_width (view), >=, 446);

  /* F9 or the button: the sidebar in the timer's place, with the focus. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-sidebar", NULL);
  test_settle_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (side) && gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_mapped (timer));
  g_assert_true (show_sidebar_state ());
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (focus_within (side));

  /* Escape sends it away, and the focus goes back to the button; F9 again. */
  g_assert_true (activate_class_shortcut (GTK_WIDGET (window), GDK_KEY_Escape));
  test_settle_window (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (side));
  g_assert_true (gtk_widget_get_mapped (timer));
  g_assert_false (show_sidebar_state ());
  g_assert_true (focus_within (button));
  g_assert_false (activate_class_shortcut (GTK_WIDGET (window), GDK_KEY_Escape));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-sidebar", NULL);
  test_settle_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (side));

  /* Moving through the list shows each situation and keeps the sidebar;
   * a click on one picks it, and the sidebar goes. */
  row = gtk_list_box_get_row_at_index (list_box (), 3);
  gtk_list_box_select_row (list_box (), row);
  settle ();
  g_assert_true (gtk_widget_get_mapped (side));
  row = gtk_list_box_get_row_at_index (list_box (), 5);
  picked = soothe_sidebar_get_shown (sidebar (), 5);
  gtk_list_box_select_row (list_box (), row);
  g_signal_emit_by_name (list_box (), "row-activated", row);
  settle ();
  g_assert_true (soothe_advice_view_get_situation (SOOTHE_ADVICE_VIEW (view)) == picked);
  g_assert_false (gtk_widget_get_mapped (side));
  g_assert_true (gtk_widget_get_mapped (timer));
  g_assert_false (show_sidebar_state ());
  g_assert_true (focus_within (button));

  /* Ctrl+F brings the sidebar, where the answers are; Enter picks the first. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  test_settle_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (side));
  g_assert_false (gtk_widget_get_mapped (timer));
  {
    GtkWidget *entry = find_descendant (side, GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (entry), "knee hurts");
    settle ();
    g_signal_emit_by_name (entry, "activate");
    settle ();
    g_assert_false (gtk_widget_get_mapped (side));
    g_assert_true (gtk_widget_get_mapped (timer));
    g_object_set (sidebar (), "search-mode", FALSE, NULL);
    settle ();
  }

  /* Wide again: all three, whatever was asked for when narrow. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-sidebar", NULL);
  test_settle_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (side));
  resize_window (1024);
  g_assert_true (gtk_widget_get_mapped (side) && gtk_widget_get_mapped (timer));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (show_sidebar_state ());
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-sidebar"));
  /* Escape has nothing to send away in a wide window. */
  g_assert_false (activate_class_shortcut (GTK_WIDGET (window), GDK_KEY_Escape));
  /* Folding again starts from the timer. */
  resize_window (800);
  g_assert_false (gtk_widget_get_mapped (side));
  g_assert_true (gtk_widget_get_mapped (timer));
  resize_window (1024);
}

static void
test_disclaimer_always_visible (void)
{
  g_assert_true (soothe_window_show_situation (window, "sleeping-pain"));
  settle ();
  g_assert_true (disclaimer_visible_in_window ());
  g_assert_true (soothe_window_show_situation (window, "upper-back-burning"));
  settle ();
  g_assert_true (disclaimer_visible_in_window ());
}

/* The sidebar's list is taller than the window, and the window's frame has a
 * fill per box: style.css draws both so that no fill reaches past the clip
 * around it, which under software OpenGL saves the first frame a program. */
static void
test_no_fill_cut_by_a_clip (void)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (GTK_WIDGET (list_box ()), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  for (guint dark = 0; dark < 2; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      test_settle_window (GTK_WIDGET (window));
      for (guint end = 0; end < 2; end++)
        {
          g_autoptr(GskRenderNode) node = NULL;

          gtk_adjustment_set_value (adjustment, end ? gtk_adjustment_get_upper (adjustment) : 0);
          test_settle_window (GTK_WIDGET (window));
          node = test_snapshot_widget (GTK_WIDGET (window));
          g_assert_cmpuint (test_count_clipped_fills (node), ==, 0);
        }
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  gtk_adjustment_set_value (adjustment, 0);
  test_settle_window (GTK_WIDGET (window));
}

static guint
count_lines (const char *texts,
             const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  guint n = 0;

  for (const char *p = strstr (texts, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_advice_below_first_screen_follows (void)
{
  SootheContent *content = soothe_application_get_content (app);
  SootheSituation *knee = soothe_content_lookup_situation (content, "knee-pain");
  g_autofree char *top = NULL;
  g_autofree char *whole = NULL;
  GtkWidget *pain_row;

  /* The first screen comes at once; what lies below it follows the frame
   * that shows it. */
  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  top = advice_text ();
  assert_shows (top, soothe_situation_get_title (knee));
  assert_shows (top, soothe_situation_get_summary (knee));
  assert_shows (top, soothe_situation_get_section (knee, 0)->items[0]);
  /* The first section already runs off the bottom of the default window. */
  g_assert_cmpuint (soothe_situation_get_n_sections (knee), >, 1);
  g_assert_null (strstr (top, soothe_situation_get_section (knee, 1)->heading));
  g_assert_null (strstr (top, "Get help"));
  /* The diary's row sits under the summary, on the first screen: it comes with
   * it, not a frame later, or the advice would jump down. */
  pain_row = find_descendant (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW),
                              SOOTHE_TYPE_PAIN_ROW);
  g_assert_nonnull (pain_row);
  g_assert_cmpstr (soothe_pain_row_get_situation (SOOTHE_PAIN_ROW (pain_row)), ==, "knee-pain");
  g_assert_nonnull (strstr (top, "\nHow is it today?\n"));
  g_assert_true (strstr (top, "\nHow is it today?\n") <
                 strstr (top, soothe_situation_get_section (knee, 0)->heading));
  settle ();
  assert_situation_shown (knee);
  whole = advice_text ();
  g_assert_true (strstr (whole, soothe_situation_get_section (knee, 0)->heading) <
                 strstr (whole, soothe_situation_get_section (knee, 1)->heading));
  g_clear_pointer (&whole, g_free);

  /* Changing situation before it follows leaves nothing of the first behind. */
  g_assert_true (soothe_window_show_situation (window, "lower-back-pain"));
  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  whole = advice_text ();
  assert_situation_shown (knee);
  g_assert_cmpuint (count_lines (whole, "Get help"), ==, 1);
  g_assert_cmpuint (count_lines (whole, "Sources"), ==, 1);
}

static void
test_keyboard_moves_between_situations (void)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list_box (), 0);

  gtk_list_box_select_row (list_box (), first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  settle ();

  /* The Down key's binding on the list. */
  g_signal_emit_by_name (list_box (), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  settle ();
  g_assert_true (gtk_list_box_get_selected_row (list_box ()) ==
                 gtk_list_box_get_row_at_index (list_box (), 1));
  assert_situation_shown (soothe_sidebar_get_shown (sidebar (), 1));
}

static void
type_search (const char *text)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits a little before it reports a change. */
  g_signal_emit_by_name (entry, "search-changed");
  settle ();
}

static void
test_search (void)
{
  GtkStack *stack = GTK_STACK (find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_STACK));
  GtkSearchBar *bar = GTK_SEARCH_BAR (find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_BAR));
  GtkWidget *entry = find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_ENTRY);

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  settle ();
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_widget_get_focus_child (entry)));

  type_search ("back hurts when I cough");
  g_assert_cmpuint (soothe_sidebar_get_n_shown (sidebar ()), >=, 1);
  g_assert_cmpstr (soothe_situation_get_id (soothe_sidebar_get_shown (sidebar (), 0)), ==,
                   "upper-back-cough");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Enter shows the first result. */
  g_signal_emit_by_name (entry, "activate");
  settle ();
  assert_situation_shown (soothe_sidebar_get_shown (sidebar (), 0));

  type_search ("xylophone");
  g_assert_cmpuint (soothe_sidebar_get_n_shown (sidebar ()), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_label (GTK_WIDGET (stack), "112"))),
                            "xylophone"));

  gtk_search_bar_set_search_mode (bar, FALSE);
  type_search ("");
  g_assert_cmpuint (soothe_sidebar_get_n_shown (sidebar ()), ==, 30);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
assert_accessible_label (GtkAccessible *accessible,
                         const char    *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);
  if (error != NULL)
    g_error ("accessible name: %s", error);
}

static SootheAdviceView *
advice_view (void)
{
  return SOOTHE_ADVICE_VIEW (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW));
}

static gboolean
advice_scrolled (void)
{
  GtkWidget *scroller = find_descendant (GTK_WIDGET (advice_view ()), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) > 0;
}

/* A question answered in the window: the advice follows, an answer opens
 * the pane at its passage, a red flag comes first. */
static void
test_search_answers (void)
{
  SootheContent *content = soothe_application_get_content (app);
  GtkWidget *entry = find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *red_flag = find_with_css_class (GTK_WIDGET (sidebar ()), "soothe-red-flag");
  SootheAnswers *answers = soothe_content_get_answers (content);
  g_autofree char *passage_name = NULL;
  g_autofree char *flag_text = NULL;
  g_autofree char *flag_name = NULL;
  SootheAnswerSet *set;
  SootheAnswer *answer;
  GtkListBoxRow *row = NULL;

  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  settle ();

  /* The pane follows the first answer as the question is typed. */
  type_search ("wrist hurts after lifting");
  g_assert_cmpstr (soothe_situation_get_id (soothe_sidebar_get_shown (sidebar (), 0)), ==,
                   "wrist-pain-lifting");
  assert_situation_shown (soothe_content_lookup_situation (content, "wrist-pain-lifting"));
  g_assert_false (gtk_widget_get_visible (red_flag));

  /* The situation's row, then its best passages, each read with the
   * situation's title, the words found in bold. */
  set = soothe_answers_ask (answers, "wrist hurts after lifting", SOOTHE_ASK_NONE);
  answer = &g_array_index (set->answers, SootheAnswer, 0);
  g_assert_cmpint (answer->passages[0].kind, !=, SOOTHE_PASSAGE_TITLE);
  assert_accessible_label (GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (list_box (), 0)),
                           "Wrist pain when lifting");
  for (guint i = 0; i < answer->n_passages; i++)
    {
      g_autofree char *text = soothe_answers_get_text (answers, &answer->passages[i]);
      g_autofree char *name = g_strdup_printf ("Wrist pain when lifting: %s", text);

      row = gtk_list_box_get_row_at_index (list_box (), i + 1);
      assert_accessible_label (GTK_ACCESSIBLE (row), name);
      g_assert_nonnull (find_label (GTK_WIDGET (row), "<b>"));
    }
  passage_name = soothe_answers_passage_to_string (answers, &answer->passages[answer->n_passages - 1]);

  /* Activating a passage scrolls the pane to it and marks it. */
  g_signal_emit_by_name (list_box (), "row-activated", row);
  settle ();
  g_assert_cmpstr (soothe_advice_view_get_revealed (advice_view ()), ==, strchr (passage_name, '/') + 1);
  wait_for (advice_scrolled);

  /* A red flag, above every situation; Enter opens it. */
  type_search ("chest pain while running");
  g_assert_true (gtk_widget_get_visible (red_flag));
  soothe_answer_set_free (set);
  set = soothe_answers_ask (answers, "chest pain while running", SOOTHE_ASK_NONE);
  g_assert_true (set->has_red_flag);
  flag_text = soothe_answers_get_text (answers, &set->red_flag);
  flag_name = g_strdup_printf ("Call emergency services now (999, 112 or 911) if you have: %s", flag_text);
  assert_accessible_label (GTK_ACCESSIBLE (red_flag), flag_name);
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_true (g_str_has_prefix (soothe_advice_view_get_revealed (advice_view ()), "emergency/"));

  /* The red flag is not said again under its page, though it is one of the
   * page's best passages. */
  type_search ("calf is swollen hot and red after a long flight");
  soothe_answer_set_free (set);
  set = soothe_answers_ask (answers, "calf is swollen hot and red after a long flight", SOOTHE_ASK_NONE);
  g_assert_true (set->has_red_flag);
  {
    g_autoptr(SootheSituation) flagged = g_list_model_get_item (soothe_content_get_situations (content),
                                                                set->red_flag.situation);
    g_autofree char *text = soothe_answers_get_text (answers, &set->red_flag);
    g_autofree char *name = g_strdup_printf ("%s: %s", soothe_situation_get_title (flagged), text);
    gboolean among_answers = FALSE;

    for (guint i = 0; i < set->answers->len; i++)
      {
        answer = &g_array_index (set->answers, SootheAnswer, i);
        for (guint p = 0; p < answer->n_passages; p++)
          among_answers |= soothe_answer_set_is_red_flag (set, &answer->passages[p]);
      }
    g_assert_true (among_answers);
    for (guint i = 0; (row = gtk_list_box_get_row_at_index (list_box (), i)) != NULL; i++)
      {
        g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);

        g_assert_nonnull (error);
      }
  }

  /* And none for an everyday ache. */
  type_search ("knee hurts when I run");
  g_assert_false (gtk_widget_get_visible (red_flag));
  type_search ("");
  soothe_answer_set_free (set);
}

static GVariant *provider_reply;

static void
provider_replied_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  provider_reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
provider_has_replied (void)
{
  return provider_reply != NULL;
}

/* One call to the search provider, over the session bus. */
static GVariant *
call_provider (GDBusProxy *proxy,
               const char *method,
               GVariant   *parameters)
{
  g_clear_pointer (&provider_reply, g_variant_unref);
  g_dbus_proxy_call (proxy, method, parameters, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                     provider_replied_cb, NULL);
  wait_for (provider_has_replied);
  return g_steal_pointer (&provider_reply);
}

/* GNOME Shell's search, as GNOME Shell calls it. */
static void
test_search_provider (void)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  const char *terms[] = { "wrist", "hurts", "after", "lifting", NULL };
  g_autoptr(GDBusProxy) proxy = NULL;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) done = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autofree const char **ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = find_descendant (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_ENTRY);
  const char *name;
  const char *description;

  g_assert_nonnull (connection);
  proxy = g_dbus_proxy_new_sync (connection,
                                 G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                                 G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS,
                                 NULL, g_dbus_connection_get_unique_name (connection),
                                 "/io/github/soothe/Soothe/SearchProvider",
                                 "org.gnome.Shell.SearchProvider2", NULL, &error);
  g_assert_no_error (error);

  results = call_provider (proxy, "GetInitialResultSet", g_variant_new ("(^as)", terms));
  g_variant_get (results, "(^a&s)", &ids);
  g_assert_nonnull (ids[0]);
  g_assert_true (g_str_has_prefix (ids[0], "wrist-pain-lifting/"));

  metas = call_provider (proxy, "GetResultMetas", g_variant_new ("(^as)", ids));
  list = g_variant_get_child_value (metas, 0);
  meta = g_variant_get_child_value (list, 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (name, ==, "Wrist pain when lifting");
  g_assert_nonnull (strstr (description, "wrist"));

  /* Activating a result opens the window at its passage. */
  done = call_provider (proxy, "ActivateResult", g_variant_new ("(s^asu)", ids[0], terms, 0));
  settle ();
  assert_situation_shown (soothe_content_lookup_situation (soothe_application_get_content (app),
                                                           "wrist-pain-lifting"));
  g_assert_cmpstr (soothe_advice_view_get_revealed (advice_view ()), ==, strchr (ids[0], '/') + 1);

  /* "Search in Soothe" opens the search with the question in it. */
  g_clear_pointer (&done, g_variant_unref);
  done = call_provider (proxy, "LaunchSearch", g_variant_new ("(^asu)", terms, 0));
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "wrist hurts after lifting");
  g_assert_cmpstr (soothe_situation_get_id (soothe_sidebar_get_shown (sidebar (), 0)), ==,
                   "wrist-pain-lifting");
  type_search ("");
}

/* Whether the selected sidebar row is wholly inside the sidebar's view. */
static gboolean
selected_row_in_view (void)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list_box ());
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list_box ()), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double top = gtk_adjustment_get_value (adjustment);
  double bottom = top + gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  return row != NULL &&
         gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list_box ()), &bounds) &&
         bounds.size.height > 0 &&
         bounds.origin.y >= top - 0.5 && bounds.origin.y + bounds.size.height <= bottom + 0.5;
}

static void
test_shown_row_in_view (void)
{
  /* The last situations sit far below the sidebar's first screen. */
  g_assert_true (soothe_window_show_situation (window, "heel-pain"));
  settle ();
  wait_for (selected_row_in_view);
  g_assert_true (soothe_window_show_situation (window, "upper-back-burning"));
  settle ();
  wait_for (selected_row_in_view);
}

static void
test_show_and_remember (void)
{
  GSettings *settings = soothe_application_get_settings (app);

  g_assert_nonnull (settings);
  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  g_assert_true (gtk_list_box_get_selected_row (list_box ()) != NULL);
  assert_situation_shown (soothe_content_lookup_situation (soothe_application_get_content (app),
                                                           "knee-pain"));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-situation");
    g_assert_cmpstr (last, ==, "knee-pain");
  }
  g_assert_false (soothe_window_show_situation (window, "no-such-situation"));
}

static void
test_user_bundles (void)
{
  SootheContent *content = soothe_application_get_content (app);
  GtkRevealer *revealer = GTK_REVEALER (find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  GtkWidget *banner_label = find_descendant (GTK_WIDGET (revealer), GTK_TYPE_LABEL);
  g_autofree char *texts = NULL;

  /* The bad bundle is named in the window; the good one is in effect. */
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (banner_label)), "broken.json"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (banner_label)), "$.situations[0].title"));

  /* So are the reminder schedule (a FIFO, kept aside) and the history's
   * damaged line, each with its file and place. */
  {
    const char *banner = gtk_label_get_text (GTK_LABEL (banner_label));
    g_autofree char *history = soothe_history_get_default_path ();
    g_autofree char *history_line = g_strconcat (history, ":1:", NULL);

    g_assert_nonnull (strstr (banner, "reminders.json: a named pipe"));
    g_assert_nonnull (strstr (banner, "it was kept as "));
    g_assert_nonnull (strstr (banner, history_line));
  }

  g_assert_true (soothe_window_show_situation (window, "markup-test"));
  settle ();
  texts = advice_text ();
  /* Markup in bundle text shows literally. */
  g_assert_nonnull (strstr (texts, "<span foreground=\"red\">Red & bold</span> <b>x</b>"));
  g_assert_nonnull (strstr (texts, "Use a javascript link"));
  g_assert_nonnull (soothe_content_lookup_situation (content, "markup-test"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "dismiss-banner", NULL);
  settle ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  /* Read once: not said again by the next window. */
  g_assert_null (soothe_application_get_file_problems (app)[0]);
}

static const char *panel_page (void);
static void        click      (const char *label);

/* A cold session that ended 12 minutes ago while Soothe was not running. */
static void
write_saved_timer (const char *state_home)
{
  g_autoptr(SootheContent) content = soothe_content_new_builtin ();
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (g_get_real_time () - 27 * 60 * G_USEC_PER_SEC);
  g_autoptr(SootheTherapyTimer) timer = soothe_therapy_timer_new (clock);
  g_autofree char *directory = g_build_filename (state_home, "soothe", NULL);
  g_autofree char *path = g_build_filename (directory, "therapy.json", NULL);
  g_autofree char *text = NULL;

  g_assert_true (soothe_therapy_timer_start (timer, SOOTHE_THERAPY_COLD,
                                             soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD),
                                             15, 1, NULL));
  text = soothe_therapy_timer_save (timer);
  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
test_restored_timer_reports (void)
{
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_TIMER_PANEL);
  g_autoptr(GString) texts = g_string_new (NULL);

  /* What ended while Soothe was closed is said, with how long ago. */
  collect_label_texts (panel, texts);
  g_assert_nonnull (strstr (texts->str, "Take the cold pack off — 15 minutes are up"));
  g_assert_nonnull (strstr (texts->str, "ended 12 minutes ago"));
  g_assert_cmpint (soothe_therapy_timer_get_state (soothe_application_get_timer (app)), ==,
                   SOOTHE_TIMER_FINISHED);
  g_assert_cmpstr (panel_page (), ==, "finished");
  click ("Done");
  g_assert_cmpstr (panel_page (), ==, "setup");
}

/* A FIFO where the reminder schedule should be, and a history whose only
 * line was cut short. */
static void
write_broken_state (const char *state_home)
{
  g_autofree char *directory = g_build_filename (state_home, "soothe", NULL);
  g_autofree char *reminders = g_build_filename (directory, "reminders.json", NULL);
  g_autofree char *history = soothe_history_get_default_path ();
  g_autofree char *history_directory = g_path_get_dirname (history);
  const char *lines = "{\"time\": \n";

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_no_errno (mkfifo (reminders, 0600));
  g_assert_no_errno (g_mkdir_with_parents (history_directory, 0700));
  g_assert_true (g_file_set_contents (history, lines, -1, NULL));
}

static void
write_user_bundles (void)
{
  g_autofree char *directory = g_build_filename (data_home, "soothe", "bundles", NULL);
  g_autofree char *good = g_build_filename (directory, "extra.json", NULL);
  g_autofree char *bad = g_build_filename (directory, "broken.json", NULL);
  const char *good_text =
    "{ \"format\": 1, \"situations\": [ {"
    "  \"id\": \"markup-test\", \"title\": \"Markup test\", \"area\": \"upper-back\","
    "  \"summary\": \"<span foreground=\\\"red\\\">Red & bold</span> <b>x</b>\","
    "  \"keywords\": [\"markup\"],"
    "  \"sections\": [ { \"heading\": \"Try <i>this</i>\", \"items\": [\"Use a javascript link\"] } ],"
    "  \"get_help\": { \"emergency\": [\"Chest pain & <b>more</b>\"], \"urgent\": [\"Fever\"] },"
    "  \"therapy\": { \"kind\": \"none\", \"reason\": \"None <here>\" },"
    "  \"stretches\": [\"cat-cow\"],"
    "  \"sources\": [ { \"name\": \"Example <b>\", \"url\": \"https://example.org/?a=1&b=2\" } ]"
    "} ] }";
  const char *bad_text = "{ \"format\": 1, \"situations\": [ { \"id\": \"x\" } ] }";

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (good, good_text, -1, NULL));
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Counts the shortcuts at or below @widget, and in @without_keys those that
 * show no keys. */
static guint
count_shortcuts (GtkWidget *widget,
                 guint     *without_keys)
{
  guint n = 0;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      GtkWidget *keys = find_descendant (widget, GTK_TYPE_SHORTCUT_LABEL);
      const char *accelerator = keys != NULL ? gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (keys)) : NULL;

      if (accelerator == NULL || *accelerator == '\0')
        (*without_keys)++;
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shortcuts (child, without_keys);
  return n;
}

static void
test_menu_windows (void)
{
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  GtkMenuButton *menu = GTK_MENU_BUTTON (find_descendant (header, GTK_TYPE_MENU_BUTTON));
  GMenuModel *model;
  GtkWindow *shortcuts;
  GtkWindow *about;

  /* The main menu is built when it is first opened, and opens from the start. */
  g_assert_true (gtk_menu_button_get_primary (menu));
  g_assert_null (gtk_menu_button_get_popover (menu));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (menu)));
  gtk_menu_button_popup (menu);
  settle ();
  model = gtk_menu_button_get_menu_model (menu);
  g_assert_nonnull (model);
  g_assert_nonnull (gtk_menu_button_get_popover (menu));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (menu))));
  g_assert_cmpint (g_menu_model_get_n_items (model), >=, 3);
  gtk_menu_button_popdown (menu);
  settle ();
  gtk_menu_button_popup (menu);
  settle ();
  g_assert_true (gtk_menu_button_get_menu_model (menu) == model);
  gtk_menu_button_popdown (menu);
  settle ();

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  settle ();
  shortcuts = find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  /* Each shortcut shows its keys, those of an action too. */
  {
    guint without_keys = 0;

    g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) ==
                   shortcuts);
    g_assert_cmpuint (count_shortcuts (GTK_WIDGET (shortcuts), &without_keys), >=, 15);
    g_assert_cmpuint (without_keys, ==, 0);
  }
  gtk_window_close (shortcuts);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  settle ();
  g_assert_true (find_window (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  gtk_window_close (shortcuts);
  settle ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  settle ();
  about = find_window (GTK_TYPE_ABOUT_DIALOG);
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_version (GTK_ABOUT_DIALOG (about)), !=, NULL);
  g_assert_nonnull (strstr (gtk_about_dialog_get_comments (GTK_ABOUT_DIALOG (about)),
                            "not a substitute for professional medical advice"));
  gtk_window_destroy (about);
  settle ();
}

static gboolean
label_matches (const char *label,
               const char *wanted)
{
  g_autoptr(GString) plain = g_string_new (label);

  g_string_replace (plain, "_", "", 0);
  return g_str_equal (plain->str, wanted);
}

/* The mapped button a person would see with this label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *wanted)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      label_matches (gtk_button_get_label (GTK_BUTTON (widget)), wanted))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, wanted);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), label);

  if (button == NULL)
    g_error ("No button “%s” is shown", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a mouse click emits; keyboard activation would wait 250 ms first. */
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

static const char *
panel_page (void)
{
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_TIMER_PANEL);
  GtkStack *stack = GTK_STACK (find_descendant (panel, GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_timer_region (void)
{
  SootheTherapyTimer *timer = soothe_application_get_timer (app);
  gint64 remaining;

  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_TIMER_PANEL);

  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  g_assert_cmpstr (panel_page (), ==, "setup");

  /* The advice pane's button picks the recommended therapy; the day's
   * safety list comes first. */
  click ("Start Cold pack · 15 min");
  g_assert_cmpstr (panel_page (), ==, "safety");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);
  click ("Start");
  g_assert_cmpstr (panel_page (), ==, "running");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);
  g_assert_cmpint (soothe_therapy_timer_get_kind (timer), ==, SOOTHE_THERAPY_COLD);
  remaining = soothe_therapy_timer_get_remaining (timer);
  g_assert_cmpint (remaining, <=, 15 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (remaining, >, 14 * 60 * G_USEC_PER_SEC);

  click ("Pause");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_PAUSED);
  click ("Resume");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);

  click ("+1 min");
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (timer), ==, 16 * 60 * G_USEC_PER_SEC);

  /* What the notification says when a phase ends is said in the window too,
   * through the window's timer-event (an hour late here: no sound). */
  {
    g_autoptr(GString) texts = g_string_new (NULL);
    g_autofree char *event = NULL;
    g_autofree char *reported = NULL;

    g_signal_emit_by_name (timer, "phase-ended", SOOTHE_PHASE_COLD, SOOTHE_PHASE_REST,
                           (gint64) 60 * 60 * G_USEC_PER_SEC);
    settle ();
    g_object_get (window, "timer-event", &event, NULL);
    g_assert_nonnull (event);
    g_object_get (app, "timer-event", &reported, NULL);
    g_assert_cmpstr (event, ==, reported);
    collect_label_texts (panel, texts);
    g_assert_nonnull (strstr (texts->str, event));
  }

  /* The countdown and the bar follow the time left, second by second. */
  {
    GtkInscription *countdown = GTK_INSCRIPTION (find_descendant (panel, GTK_TYPE_INSCRIPTION));
    SootheProgress *progress = SOOTHE_PROGRESS (find_descendant (panel, SOOTHE_TYPE_PROGRESS));
    g_autofree char *first = g_strdup (gtk_inscription_get_text (countdown));
    g_autofree char *shown = NULL;
    gint64 length = soothe_therapy_timer_get_phase_length (timer);
    double fraction;

    wait_for (a_second_passed);
    remaining = soothe_therapy_timer_get_remaining (timer);
    shown = soothe_format_remaining (remaining);
    fraction = soothe_progress_get_fraction (progress);
    g_assert_cmpstr (gtk_inscription_get_text (countdown), !=, first);
    /* The tick may be a moment behind the timer, never a second ahead. */
    if (g_strcmp0 (gtk_inscription_get_text (countdown), shown) != 0)
      {
        g_autofree char *before = soothe_format_remaining (remaining + G_USEC_PER_SEC);
        g_assert_cmpstr (gtk_inscription_get_text (countdown), ==, before);
      }
    g_assert_cmpfloat (fraction, >, 0.0);
    g_assert_cmpfloat_with_epsilon (fraction, 1.0 - (double) remaining / (double) length, 0.002);
  }

  click ("Stop");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);
  g_assert_cmpstr (panel_page (), ==, "setup");

  /* Seen once today: the next start goes straight to the timer. */
  click ("Start Cold pack · 15 min");
  g_assert_cmpstr (panel_page (), ==, "running");
  click ("Stop");
  g_assert_cmpstr (panel_page (), ==, "setup");

  /* Heat has a list of its own, which cold's does not cover. */
  click ("Heat");
  click ("Start");
  g_assert_cmpstr (panel_page (), ==, "safety");
  click ("Back");
  g_assert_cmpstr (panel_page (), ==, "setup");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);

  /* The application's action (gapplication, scripts) starts at once only
   * when the therapy's list was seen today; else the window shows it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-therapy",
                                  g_variant_new ("(su)", "contrast", 0));
  settle ();
  g_assert_cmpstr (panel_page (), ==, "safety");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);
  click ("Start");
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);
  g_assert_cmpint (soothe_therapy_timer_get_kind (timer), ==, SOOTHE_THERAPY_CONTRAST);
  click ("Stop");
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-therapy",
                                  g_variant_new ("(su)", "cold", 10));
  settle ();
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);
  g_assert_cmpint (soothe_therapy_timer_get_phase_length (timer), ==, 10 * 60 * G_USEC_PER_SEC);
  click ("Stop");
  click ("Cold");
}

static SoothePainRow *
advice_pain_row (void)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (advice_view ()), SOOTHE_TYPE_PAIN_ROW);

  g_assert_nonnull (row);
  return SOOTHE_PAIN_ROW (row);
}

/* The last pain entry the history holds. */
static const SootheHistoryEvent *
last_pain_entry (void)
{
  SootheHistory *history = soothe_application_get_history (app);

  for (guint i = soothe_history_get_n_events (history); i > 0; i--)
    {
      const SootheHistoryEvent *event = soothe_history_get_event (history, i - 1);

      if (event->kind == SOOTHE_HISTORY_PAIN_LOGGED)
        return event;
    }
  return NULL;
}

static guint
count_pain_entries (void)
{
  SootheHistory *history = soothe_application_get_history (app);
  guint n = 0;

  for (guint i = 0; i < soothe_history_get_n_events (history); i++)
    n += soothe_history_get_event (history, i)->kind == SOOTHE_HISTORY_PAIN_LOGGED;
  return n;
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* "How is it today?" under the summary: one click logs, a second changes
 * the day's entry, a digit key logs, the note goes with it; the see-someone
 * notice follows the entries. */
static void
test_pain_diary (void)
{
  SoothePainRow *row;
  GtkWidget *button, *entry;
  const SootheHistoryEvent *event;
  g_autofree char *texts = NULL;
  guint before = count_pain_entries ();
  GAction *export = g_action_map_lookup_action (G_ACTION_MAP (app), "export-history");

  /* Export Diary… waits for something to export. */
  g_assert_true (g_action_get_enabled (export) ==
                 (soothe_history_get_n_events (soothe_application_get_history (app)) > 0));

  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  row = advice_pain_row ();
  g_assert_cmpstr (soothe_pain_row_get_situation (row), ==, "knee-pain");
  g_assert_cmpint (soothe_pain_row_get_level (row), ==, SOOTHE_DIARY_NO_PAIN);
  texts = advice_text ();
  g_assert_nonnull (strstr (texts, "How is it today?"));
  g_assert_nonnull (strstr (texts, "Nothing logged today."));
  g_clear_pointer (&texts, g_free);

  button = find_button (GTK_WIDGET (row), "4");
  g_assert_nonnull (button);
  assert_accessible_label (GTK_ACCESSIBLE (button), "4 of 10");
  click ("4");
  event = last_pain_entry ();
  g_assert_nonnull (event);
  g_assert_cmpstr (event->situation, ==, "knee-pain");
  g_assert_cmpuint (event->level, ==, 4);
  g_assert_null (event->note);
  g_assert_cmpuint (count_pain_entries (), ==, before + 1);
  g_assert_true (g_action_get_enabled (export));
  g_assert_cmpint (soothe_pain_row_get_level (row), ==, 4);
  texts = advice_text ();
  g_assert_nonnull (strstr (texts, "Logged 4 today."));
  g_assert_null (strstr (texts, "out of 10"));
  g_clear_pointer (&texts, g_free);

  /* Changed, not duplicated: the day has one entry, the last. */
  click ("8");
  g_assert_cmpint (soothe_pain_row_get_level (row), ==, 8);
  {
    guint level = 0;

    g_assert_true (soothe_diary_get_entry (soothe_application_get_history (app), "knee-pain",
                                           g_get_real_time (), &level, NULL));
    g_assert_cmpuint (level, ==, 8);
  }
  texts = advice_text ();
  g_assert_nonnull (strstr (texts, "You logged a pain of 8 out of 10."));
  g_clear_pointer (&texts, g_free);
  click ("When to Get Help");
  g_assert_cmpstr (soothe_advice_view_get_revealed (advice_view ()), ==, "emergency/0/0");

  /* The note is saved with the level chosen. */
  entry = find_descendant (GTK_WIDGET (row), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "after the stairs, \"worse\"");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  event = last_pain_entry ();
  g_assert_cmpuint (event->level, ==, 8);
  g_assert_cmpstr (event->note, ==, "after the stairs, \"worse\"");

  /* One key: a digit logs that level, with the note. */
  press_key (GTK_WIDGET (row), GDK_KEY_3);
  settle ();
  event = last_pain_entry ();
  g_assert_cmpuint (event->level, ==, 3);
  g_assert_cmpstr (event->note, ==, "after the stairs, \"worse\"");
  texts = advice_text ();
  g_assert_null (strstr (texts, "out of 10"));
  g_clear_pointer (&texts, g_free);

  /* Another situation has its own day. */
  g_assert_true (soothe_window_show_situation (window, "heel-pain"));
  settle ();
  row = advice_pain_row ();
  g_assert_cmpstr (soothe_pain_row_get_situation (row), ==, "heel-pain");
  g_assert_cmpint (soothe_pain_row_get_level (row), ==, SOOTHE_DIARY_NO_PAIN);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (row),
                                                                         GTK_TYPE_ENTRY))), ==, "");
  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  g_assert_cmpint (soothe_pain_row_get_level (advice_pain_row ()), ==, 3);
}

/* When a session ends, the timer asks how it is now, for the situation the
 * session was for, and the session's minutes count there. */
static void
test_pain_after_therapy (void)
{
  SootheContent *content = soothe_application_get_content (app);
  g_autoptr(SootheClock) clock = soothe_fake_clock_new (g_get_real_time ());
  g_autoptr(SootheTherapyTimer) timer = soothe_therapy_timer_new (clock);
  GtkWidget *test_window = gtk_window_new ();
  GtkWidget *panel = soothe_timer_panel_new (timer, content, NULL, soothe_application_get_history (app),
                                             clock);
  GtkWidget *row;
  const SootheHistoryEvent *event;

  gtk_window_set_application (GTK_WINDOW (test_window), GTK_APPLICATION (app));
  gtk_window_set_child (GTK_WINDOW (test_window), panel);
  gtk_window_present (GTK_WINDOW (test_window));
  settle ();

  g_assert_true (soothe_therapy_timer_start (timer, SOOTHE_THERAPY_COLD,
                                             soothe_content_get_therapy (content, SOOTHE_THERAPY_COLD),
                                             10, 1, NULL));
  soothe_therapy_timer_set_situation (timer, "shin-pain");
  /* Not asked while the session runs: the finished page is built when shown. */
  row = find_descendant (panel, SOOTHE_TYPE_PAIN_ROW);
  g_assert_true (row == NULL || !gtk_widget_is_drawable (row));

  soothe_fake_clock_advance (clock, 10 * 60 * G_USEC_PER_SEC);
  settle ();
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_FINISHED);
  row = find_descendant (panel, SOOTHE_TYPE_PAIN_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_cmpstr (soothe_pain_row_get_situation (SOOTHE_PAIN_ROW (row)), ==, "shin-pain");
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    collect_label_texts (row, texts);
    g_assert_nonnull (strstr (texts->str, "How is it now?"));
  }
  g_signal_emit_by_name (find_button (row, "2"), "clicked");
  settle ();
  event = last_pain_entry ();
  g_assert_cmpstr (event->situation, ==, "shin-pain");
  g_assert_cmpuint (event->level, ==, 2);

  gtk_window_destroy (GTK_WINDOW (test_window));
  settle ();
}

static guint
count_stretch_cards (void)
{
  g_autofree char *texts = advice_text ();
  SootheContent *content = soothe_application_get_content (app);
  SootheSituation *situation = soothe_advice_view_get_situation (
      SOOTHE_ADVICE_VIEW (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW)));
  const char * const *ids = soothe_situation_get_stretch_ids (situation);
  guint n = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *name = soothe_markup_to_plain (
          soothe_stretch_get_name (soothe_content_lookup_stretch (content, ids[i])));
      g_autofree char *line = g_strdup_printf ("\n%s\n", name);

      if (strstr (texts, line) != NULL)
        n++;
    }
  return n;
}

static void
test_preferences (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  GtkWindow *preferences;
  g_autofree char *texts = NULL;
  g_autofree char *lower = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  settle ();
  preferences = find_window (SOOTHE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  /* "I'm pregnant" hides the stretches that do not suit pregnancy and the
   * painkiller advice that pregnancy content must never give. */
  g_assert_true (soothe_window_show_situation (window, "upper-back-burning"));
  settle ();
  g_assert_cmpuint (count_stretch_cards (), ==, 5);
  gtk_switch_set_active (GTK_SWITCH (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SWITCH)), TRUE);
  settle ();
  g_assert_true (g_settings_get_boolean (settings, "pregnant"));
  g_assert_cmpuint (count_stretch_cards (), <, 5);
  texts = advice_text ();
  g_assert_nonnull (strstr (texts, "may not suit pregnancy are hidden"));
  g_assert_null (strstr (texts, "ibuprofen"));
  g_assert_true (soothe_window_show_situation (window, "knee-pain"));
  settle ();
  g_clear_pointer (&texts, g_free);
  texts = advice_text ();
  lower = g_utf8_strdown (texts, -1);
  g_assert_null (strstr (lower, "anti-inflammatory painkillers, such"));
  g_assert_nonnull (strstr (texts, "Advice about anti-inflammatory painkillers is hidden"));
  g_settings_set_boolean (settings, "pregnant", FALSE);
  settle ();

  gtk_window_destroy (preferences);
  settle ();
}

/* A stand-in for a desktop service, on the test's session bus: its object
 * exported and its name owned before the test goes on. */
typedef struct {
  guint registration;
  guint name;
} FakeService;

static void
fake_name_acquired_cb (GDBusConnection *connection,
                       const char      *name,
                       gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static FakeService
start_fake_service (const char                 *xml,
                    const char                 *path,
                    const char                 *name,
                    const GDBusInterfaceVTable *vtable)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean owned = FALSE;
  FakeService service;

  g_assert_nonnull (connection);
  service.registration = g_dbus_connection_register_object (connection, path, info->interfaces[0], vtable,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);
  service.name = g_bus_own_name_on_connection (connection, name, G_BUS_NAME_OWNER_FLAGS_NONE,
                                               fake_name_acquired_cb, NULL, &owned, NULL);
  while (!owned && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (owned);
  return service;
}

static void
stop_fake_service (FakeService *service)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_bus_unown_name (service->name);
  g_dbus_connection_unregister_object (connection, service->registration);
}

/* A stand-in for Mutter's idle monitor, on the test's session bus. */
static const char idle_monitor_xml[] =
  "<node><interface name='org.gnome.Mutter.IdleMonitor'>"
  "<method name='AddIdleWatch'><arg type='t' direction='in'/><arg type='u' direction='out'/></method>"
  "<method name='AddUserActiveWatch'><arg type='u' direction='out'/></method>"
  "<method name='RemoveWatch'><arg type='u' direction='in'/></method>"
  "<method name='GetIdletime'><arg type='t' direction='out'/></method>"
  "<signal name='WatchFired'><arg type='u'/></signal>"
  "</interface></node>";

static struct {
  GDBusConnection *connection;
  guint            next;
  guint            idle;      /* the idle watch Soothe holds, 0 for none */
  guint64          idle_ms;
  guint            active;    /* its user-active watch */
  gboolean         refuse;    /* answer as a desktop without the monitor would */
  guint            n_refused;
} fake_idle;

static void
idle_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  guint id;

  if (fake_idle.refuse)
    {
      fake_idle.n_refused++;
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No idle monitor here");
    }
  else if (g_str_equal (method, "AddIdleWatch"))
    {
      g_variant_get (parameters, "(t)", &fake_idle.idle_ms);
      fake_idle.idle = ++fake_idle.next;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", fake_idle.idle));
    }
  else if (g_str_equal (method, "AddUserActiveWatch"))
    {
      fake_idle.active = ++fake_idle.next;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", fake_idle.active));
    }
  else if (g_str_equal (method, "RemoveWatch"))
    {
      g_variant_get (parameters, "(u)", &id);
      if (id == fake_idle.idle)
        fake_idle.idle = 0;
      if (id == fake_idle.active)
        fake_idle.active = 0;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", (guint64) 0));
}

static void
start_fake_idle_monitor (void)
{
  static const GDBusInterfaceVTable vtable = { idle_method_cb, NULL, NULL, { 0 } };

  fake_idle.connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  start_fake_service (idle_monitor_xml, "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor",
                      &vtable);
}

static void
fire_idle_watch (guint id)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (fake_idle.connection, NULL, "/org/gnome/Mutter/IdleMonitor/Core",
                                 "org.gnome.Mutter.IdleMonitor", "WatchFired",
                                 g_variant_new ("(u)", id), &error);
  g_assert_no_error (error);
}

static gboolean
idle_watch_is_five_minutes (void)
{
  return fake_idle.idle != 0 && fake_idle.idle_ms == 5 * 60 * 1000;
}

static gboolean
idle_watch_is_ten_minutes (void)
{
  return fake_idle.idle != 0 && fake_idle.idle_ms == 10 * 60 * 1000;
}

static gboolean
reminders_away (void)
{
  return soothe_reminder_scheduler_get_away (soothe_application_get_reminders (app));
}

static gboolean
reminders_back (void)
{
  return !reminders_away ();
}

static gboolean
watching_for_return (void)
{
  return fake_idle.active != 0;
}

/* Time away counts as a break: the idle watch makes the reminders "away",
 * the return ends it, and the break length is the person's. */
static void
test_idle_breaks (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  guint first;

  SootheReminderScheduler *reminders = soothe_application_get_reminders (app);

  wait_for (idle_watch_is_five_minutes);
  g_assert_false (reminders_away ());

  /* A reminder shown just before they left is not waiting on return. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "stretch-now", NULL);
  settle ();
  g_assert_true (soothe_reminder_scheduler_get_pending (reminders));

  fire_idle_watch (fake_idle.idle);
  wait_for (reminders_away);
  wait_for (watching_for_return);
  g_assert_false (soothe_reminder_scheduler_get_pending (reminders));
  fire_idle_watch (fake_idle.active);
  wait_for (reminders_back);
  g_assert_false (soothe_reminder_scheduler_get_pending (reminders));

  /* Ten minutes instead: the old watch goes, a new one comes. */
  first = fake_idle.idle;
  g_settings_set_int (settings, "break-minutes", 10);
  wait_for (idle_watch_is_ten_minutes);
  g_assert_cmpuint (fake_idle.idle, !=, first);
  g_settings_reset (settings, "break-minutes");
  wait_for (idle_watch_is_five_minutes);
}

static gboolean
has_movement (GSettings *breaks)
{
  g_auto(GStrv) selected = g_settings_get_strv (breaks, "selected-breaks");
  return g_strv_contains ((const char * const *) selected, "movement");
}

/* GNOME 48's movement breaks and Soothe's reminders: the panel says so, and
 * either button leaves one of the two. */
static void
test_gnome_movement_breaks (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  GSettings *breaks = soothe_application_get_desktop_breaks (app);
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_REMINDER_PANEL);
  GtkWidget *note = find_with_css_class (panel, "soothe-note-box");

  g_assert_nonnull (breaks);
  g_assert_nonnull (note);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  settle ();
  g_assert_false (gtk_widget_get_visible (note));

  g_settings_set_strv (breaks, "selected-breaks", (const char * const []) { "eyesight", "movement", NULL });
  settle ();
  g_assert_true (gtk_widget_get_visible (note));

  /* Keep Soothe's: GNOME's movement breaks go, its eyesight breaks stay. */
  g_signal_emit_by_name (find_button (note, "Keep Soothe’s"), "clicked");
  settle ();
  g_assert_false (has_movement (breaks));
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_false (gtk_widget_get_visible (note));

  /* Use GNOME's: Soothe's reminders go. */
  g_settings_set_strv (breaks, "selected-breaks", (const char * const []) { "movement", NULL });
  settle ();
  g_assert_true (gtk_widget_get_visible (note));
  g_signal_emit_by_name (find_button (note, "Use GNOME’s"), "clicked");
  settle ();
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (has_movement (breaks));
  g_assert_false (gtk_widget_get_visible (note));

  g_settings_reset (breaks, "selected-breaks");
  g_settings_reset (settings, "reminders-enabled");
  settle ();
}

/* A stand-in for org.freedesktop.ScreenSaver's idle time, as KDE answers it. */
static const char screensaver_xml[] =
  "<node><interface name='org.freedesktop.ScreenSaver'>"
  "<method name='GetSessionIdleTime'><arg type='u' direction='out'/></method>"
  "</interface></node>";

static struct {
  guint idle_seconds;
  guint n_asked;
} fake_screensaver;

static void
screensaver_method_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *path,
                       const char            *interface,
                       const char            *method,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  fake_screensaver.n_asked++;
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", fake_screensaver.idle_seconds));
}

static guint screensaver_asked_before;

static gboolean
screensaver_asked (void)
{
  return fake_screensaver.n_asked > screensaver_asked_before;
}

static gboolean
idle_watch_refused (void)
{
  return fake_idle.n_refused > 0;
}

static gboolean
reminder_dropped (void)
{
  return !soothe_reminder_scheduler_get_pending (soothe_application_get_reminders (app));
}

/* Without Mutter's monitor, a due reminder first asks the ScreenSaver how
 * long the person has been idle: away for the break length, it is dropped
 * and the wait starts again; otherwise it is shown. */
static void
test_idle_screensaver_fallback (void)
{
  static const GDBusInterfaceVTable vtable = { screensaver_method_cb, NULL, NULL, { 0 } };
  SootheReminderScheduler *reminders = soothe_application_get_reminders (app);
  GSettings *settings = soothe_application_get_settings (app);
  FakeService screensaver = start_fake_service (screensaver_xml, "/org/freedesktop/ScreenSaver",
                                                "org.freedesktop.ScreenSaver", &vtable);

  /* The monitor goes: a new break length asks for a watch and is refused. */
  fake_idle.refuse = TRUE;
  g_settings_set_int (settings, "break-minutes", 3);
  wait_for (idle_watch_refused);
  settle ();

  /* Idle for ten minutes when it comes due: a break, so no reminder. */
  fake_screensaver.idle_seconds = 600;
  screensaver_asked_before = fake_screensaver.n_asked;
  g_action_group_activate_action (G_ACTION_GROUP (app), "stretch-now", NULL);
  wait_for (screensaver_asked);
  wait_for (reminder_dropped);

  /* Idle for a few seconds: here, so it is shown and waits for an answer. */
  fake_screensaver.idle_seconds = 4;
  screensaver_asked_before = fake_screensaver.n_asked;
  g_action_group_activate_action (G_ACTION_GROUP (app), "stretch-now", NULL);
  wait_for (screensaver_asked);
  settle ();
  g_assert_true (soothe_reminder_scheduler_get_pending (reminders));
  g_action_group_activate_action (G_ACTION_GROUP (app), "reminder-skip", NULL);
  settle ();

  /* The monitor is back: no more questions. */
  fake_idle.refuse = FALSE;
  g_settings_reset (settings, "break-minutes");
  wait_for (idle_watch_is_five_minutes);
  settle ();
  screensaver_asked_before = fake_screensaver.n_asked;
  g_action_group_activate_action (G_ACTION_GROUP (app), "stretch-now", NULL);
  settle ();
  g_assert_true (soothe_reminder_scheduler_get_pending (reminders));
  g_assert_cmpuint (fake_screensaver.n_asked, ==, screensaver_asked_before);
  g_action_group_activate_action (G_ACTION_GROUP (app), "reminder-skip", NULL);
  settle ();

  stop_fake_service (&screensaver);
}

/* Counts what would be heard, instead of playing the chime. */
#define TEST_TYPE_SOUND (test_sound_get_type ())
G_DECLARE_FINAL_TYPE (TestSound, test_sound, TEST, SOUND, SootheSound)

struct _TestSound
{
  SootheSound  parent_instance;
  GString     *log;
};

G_DEFINE_FINAL_TYPE (TestSound, test_sound, SOOTHE_TYPE_SOUND)

static void
test_sound_play (SootheSound      *sound,
                 SootheSoundEvent  event)
{
  static const char * const names[] = { "phase-end", "rest-end", "reminder" };

  g_string_append_printf (TEST_SOUND (sound)->log, "%s ", names[event]);
}

static void
test_sound_finalize (GObject *object)
{
  g_string_free (TEST_SOUND (object)->log, TRUE);
  G_OBJECT_CLASS (test_sound_parent_class)->finalize (object);
}

static void
test_sound_class_init (TestSoundClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_sound_finalize;
  SOOTHE_SOUND_CLASS (klass)->play = test_sound_play;
}

static void
test_sound_init (TestSound *self)
{
  self->log = g_string_new (NULL);
}

static void
test_sounds (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  SootheTherapyTimer *timer = soothe_application_get_timer (app);
  SootheReminderScheduler *reminders = soothe_application_get_reminders (app);
  g_autoptr(TestSound) sound = g_object_new (TEST_TYPE_SOUND, NULL);

  soothe_application_set_sound (app, SOOTHE_SOUND (sound));
  g_assert_true (g_settings_get_boolean (settings, "timer-sound"));
  g_assert_false (g_settings_get_boolean (settings, "reminder-sound"));

  /* The pack is to come off, then the skin has rested: both are heard. */
  g_signal_emit_by_name (timer, "phase-ended", SOOTHE_PHASE_COLD, SOOTHE_PHASE_REST, (gint64) 0);
  g_signal_emit_by_name (timer, "phase-ended", SOOTHE_PHASE_REST, SOOTHE_PHASE_COLD,
                         (gint64) 2 * G_USEC_PER_SEC);
  g_assert_cmpstr (sound->log->str, ==, "phase-end rest-end ");

  /* What ended while Soothe was closed is only said, not chimed. */
  g_signal_emit_by_name (timer, "phase-ended", SOOTHE_PHASE_COLD, SOOTHE_PHASE_NONE,
                         (gint64) 12 * 60 * G_USEC_PER_SEC);
  g_assert_cmpstr (sound->log->str, ==, "phase-end rest-end ");

  /* Turned off, silent. */
  g_settings_set_boolean (settings, "timer-sound", FALSE);
  g_signal_emit_by_name (timer, "phase-ended", SOOTHE_PHASE_HEAT, SOOTHE_PHASE_NONE, (gint64) 0);
  g_assert_cmpstr (sound->log->str, ==, "phase-end rest-end ");
  g_settings_reset (settings, "timer-sound");

  /* A reminder is silent unless the person asks for a sound. */
  g_string_truncate (sound->log, 0);
  soothe_reminder_scheduler_fire_now (reminders);
  g_assert_true (soothe_reminder_scheduler_skip (reminders));
  g_assert_cmpstr (sound->log->str, ==, "");
  g_settings_set_boolean (settings, "reminder-sound", TRUE);
  soothe_reminder_scheduler_fire_now (reminders);
  g_assert_true (soothe_reminder_scheduler_skip (reminders));
  g_assert_cmpstr (sound->log->str, ==, "reminder ");
  g_settings_reset (settings, "reminder-sound");

  soothe_application_set_sound (app, NULL);
  settle ();
}

/* GNOME's Do Not Disturb holds reminders back, where its schema exists. */
static void
test_do_not_disturb (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source,
                                                                       "org.gnome.desktop.notifications",
                                                                       TRUE);
  SootheReminderScheduler *reminders = soothe_application_get_reminders (app);
  g_autoptr(GSettings) notifications = NULL;

  if (schema == NULL)
    {
      g_test_skip ("org.gnome.desktop.notifications is not installed");
      return;
    }
  notifications = g_settings_new_full (schema, NULL, NULL);
  g_assert_false (soothe_reminder_scheduler_get_quiet (reminders));
  g_settings_set_boolean (notifications, "show-banners", FALSE);
  g_assert_true (soothe_reminder_scheduler_get_quiet (reminders));
  g_settings_reset (notifications, "show-banners");
  g_assert_false (soothe_reminder_scheduler_get_quiet (reminders));
}

/* Reminders on keep an autostart entry; the preference shows the file as it
 * is, even after someone deleted it by hand. */
static void
test_start_at_login (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  g_autofree char *path = soothe_autostart_get_path ();
  GtkWindow *preferences;
  gboolean start = TRUE;

  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (soothe_application_get_start_at_login (app));

  /* Deleted by hand: the preference says so. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  settle ();
  preferences = find_window (SOOTHE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_object_get (preferences, "start-at-login", &start, NULL);
  g_assert_false (start);

  /* Turned on in the window: the entry is back. */
  g_object_set (preferences, "start-at-login", TRUE, NULL);
  settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Reminders off: no entry, and the preference follows. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  settle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_get (preferences, "start-at-login", &start, NULL);
  g_assert_false (start);
  gtk_window_destroy (preferences);
  settle ();
}

/* A stand-in for the Background portal, on the test's session bus. */
static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "  <method name='RequestBackground'>"
  "    <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/><arg type='o' direction='out'/>"
  "  </method>"
  "</interface></node>";

static struct {
  guint32          response;     /* what the next answer is: 0 granted, 1 refused */
  guint            n_requests;
  gboolean         autostart;    /* asked for in the last request */
  char           **commandline;
} fake_portal;

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  g_autoptr(GVariant) options = g_variant_get_child_value (parameters, 1);
  g_autofree char *unique = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = "t";
  GVariantBuilder results;
  g_autoptr(GError) error = NULL;

  fake_portal.n_requests++;
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &fake_portal.autostart));
  g_clear_pointer (&fake_portal.commandline, g_strfreev);
  g_assert_true (g_variant_lookup (options, "commandline", "^as", &fake_portal.commandline));
  g_strdelimit (unique, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", unique, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (fake_portal.response == 0));
  g_variant_builder_add (&results, "{sv}", "autostart",
                         g_variant_new_boolean (fake_portal.response == 0 && fake_portal.autostart));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", fake_portal.response, &results),
                                 &error);
  g_assert_no_error (error);
}

static guint portal_requests_seen;

static gboolean
portal_answered (void)
{
  return fake_portal.n_requests > portal_requests_seen;
}

/* Inside Flatpak the Background portal keeps the autostart entry: asked on
 * with reminders on and off with them off, no file of Soothe's own, and the
 * preference shows what the portal granted. */
static void
test_start_at_login_portal (void)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, NULL, NULL, { 0 } };
  GSettings *settings = soothe_application_get_settings (app);
  g_autofree char *path = soothe_autostart_get_path ();
  FakeService portal = start_fake_service (portal_xml, "/org/freedesktop/portal/desktop",
                                           "org.freedesktop.portal.Desktop", &vtable);

  soothe_application_set_background_portal (app, TRUE);

  /* Reminders on: the portal is asked, and grants it. */
  portal_requests_seen = fake_portal.n_requests;
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for (portal_answered);
  settle ();
  g_assert_true (fake_portal.autostart);
  g_assert_cmpstrv (fake_portal.commandline, ((const char * const []) { "soothe", "--gapplication-service", NULL }));
  g_assert_true (soothe_application_get_start_at_login (app));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Off: asked to stop. */
  portal_requests_seen = fake_portal.n_requests;
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for (portal_answered);
  settle ();
  g_assert_false (fake_portal.autostart);
  g_assert_false (soothe_application_get_start_at_login (app));

  /* Refused: the window says what that means for reminders. */
  fake_portal.response = 1;
  portal_requests_seen = fake_portal.n_requests;
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for (portal_answered);
  settle ();
  g_assert_false (soothe_application_get_start_at_login (app));
  g_assert_nonnull (soothe_application_get_file_problems (app)[0]);
  g_assert_nonnull (strstr (soothe_application_get_file_problems (app)[0], "start at login"));
  soothe_application_clear_file_problems (app);

  fake_portal.response = 0;
  g_settings_reset (settings, "reminders-enabled");
  wait_for (portal_answered);
  settle ();
  soothe_application_set_background_portal (app, FALSE);
  stop_fake_service (&portal);
  g_clear_pointer (&fake_portal.commandline, g_strfreev);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_shortcut_actions (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  SootheTherapyTimer *timer = soothe_application_get_timer (app);
  GtkListBoxRow *row = NULL;

  /* Ctrl+plus, Ctrl+minus, Ctrl+0 */
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-bigger", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.1, 0.001);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-smaller", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-smaller", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 0.9, 0.001);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.0, 0.001);

  /* Moving between situations */
  g_assert_true (soothe_window_show_situation (window, "upper-back-burning"));
  settle ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-situation", NULL);
  settle ();
  row = gtk_list_box_get_selected_row (list_box ());
  assert_situation_shown (soothe_sidebar_get_shown (sidebar (), gtk_list_box_row_get_index (row)));
  g_assert_cmpstr (soothe_situation_get_id (soothe_sidebar_get_shown (sidebar (), gtk_list_box_row_get_index (row))),
                   ==, "upper-back-left");
  g_action_group_activate_action (G_ACTION_GROUP (window), "previous-situation", NULL);
  settle ();
  g_assert_cmpstr (soothe_situation_get_id (soothe_advice_view_get_situation (
      SOOTHE_ADVICE_VIEW (find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_ADVICE_VIEW)))),
                   ==, "upper-back-burning");

  /* Ctrl+T starts, pauses and resumes the timer (safety was seen today). */
  g_action_group_activate_action (G_ACTION_GROUP (window), "timer-toggle", NULL);
  settle ();
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);
  g_action_group_activate_action (G_ACTION_GROUP (window), "timer-toggle", NULL);
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_PAUSED);
  g_action_group_activate_action (G_ACTION_GROUP (window), "timer-toggle", NULL);
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_RUNNING);
  g_action_group_activate_action (G_ACTION_GROUP (app), "stop", NULL);
  settle ();
  g_assert_cmpint (soothe_therapy_timer_get_state (timer), ==, SOOTHE_TIMER_IDLE);
}

static const char *
reminder_page (void)
{
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_REMINDER_PANEL);
  return gtk_stack_get_visible_child_name (GTK_STACK (find_descendant (panel, GTK_TYPE_STACK)));
}

static char *
reminder_texts (void)
{
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_REMINDER_PANEL);
  GString *texts = g_string_new (NULL);

  collect_label_texts (panel, texts);
  return g_string_free (texts, FALSE);
}

static void
test_reminders (void)
{
  GSettings *settings = soothe_application_get_settings (app);
  SootheReminderScheduler *reminders = soothe_application_get_reminders (app);
  SootheHistory *history = soothe_application_get_history (app);
  guint events = soothe_history_get_n_events (history);
  g_autofree char *texts = NULL;

  g_assert_cmpstr (reminder_page (), ==, "off");
  click ("Turn On");
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_cmpstr (reminder_page (), ==, "scheduled");
  texts = reminder_texts ();
  g_assert_nonnull (strstr (texts, "Next stretch in 45:00"));

  /* A reminder comes, the window shows it, and Done counts it for today. */
  click ("Stretch Now");
  g_assert_true (soothe_reminder_scheduler_get_pending (reminders));
  g_assert_cmpstr (reminder_page (), ==, "pending");
  g_clear_pointer (&texts, g_free);
  texts = reminder_texts ();
  g_assert_nonnull (strstr (texts, "Time for a stretch: "));

  /* Show Me opens the illustrated, guided stretch. */
  {
    SootheStretch *stretch = soothe_reminder_scheduler_get_pending_stretch (reminders);
    g_autofree char *name = soothe_markup_to_plain (soothe_stretch_get_name (stretch));
    GtkWindow *stretch_window;

    click ("Show Me");
    stretch_window = find_window (SOOTHE_TYPE_STRETCH_WINDOW);
    g_assert_nonnull (stretch_window);
    g_assert_true (soothe_stretch_window_get_stretch (SOOTHE_STRETCH_WINDOW (stretch_window)) == stretch);
    g_assert_cmpstr (gtk_window_get_title (stretch_window), ==, name);
    gtk_window_destroy (stretch_window);
    settle ();
    g_assert_true (soothe_reminder_scheduler_get_pending (reminders));
  }
  click ("Done");
  g_assert_false (soothe_reminder_scheduler_get_pending (reminders));
  g_assert_cmpstr (reminder_page (), ==, "scheduled");
  g_assert_cmpuint (soothe_history_get_n_events (history), ==, events + 1);
  g_assert_cmpint (soothe_history_get_event (history, events)->kind, ==, SOOTHE_HISTORY_STRETCH_DONE);
  g_clear_pointer (&texts, g_free);
  texts = reminder_texts ();
  g_assert_nonnull (strstr (texts, "Today: 1 stretch"));

  /* Snooze and skip answer it too; pausing shows until when. */
  click ("Stretch Now");
  click ("Snooze");
  g_assert_false (soothe_reminder_scheduler_get_pending (reminders));
  {
    /* The scheduled page is built when first shown; its Pause menu still opens. */
    GtkWidget *panel = find_descendant (GTK_WIDGET (window), SOOTHE_TYPE_REMINDER_PANEL);
    GtkMenuButton *pause = GTK_MENU_BUTTON (find_descendant (panel, GTK_TYPE_MENU_BUTTON));
    GMenuModel *menu = gtk_menu_button_get_menu_model (pause);
    g_autoptr(GMenuModel) section = NULL;
    g_autofree char *action = NULL;

    g_assert_nonnull (menu);
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "app.pause-reminders");
    gtk_menu_button_popup (pause);
    settle ();
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (pause))));
    gtk_menu_button_popdown (pause);
    settle ();
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "pause-reminders", g_variant_new_string ("hour"));
  settle ();
  g_assert_cmpstr (reminder_page (), ==, "paused");
  click ("Resume");
  g_assert_cmpstr (reminder_page (), ==, "scheduled");

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  settle ();
  g_assert_cmpstr (reminder_page (), ==, "off");
}

static void
test_window_finalizes (void)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  for (int i = 0; i < 50 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

/* Without a GPU the window draws with cairo, not OpenGL done in software;
 * with one, GTK's own choice stands. */
static void
test_renderer (void)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  if (renderer_asked_for != NULL)
    {
      g_test_skip ("GSK_RENDERER is set");
      return;
    }
  g_assert_nonnull (renderer);
  if (soothe_gpu_available ("/dev"))
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
  else
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* TAP's way to skip a whole program. */
      g_print ("1..0 # SKIP no display: run this test under xvfb-run\n");
      return 0;
    }

  data_home = g_dir_make_tmp ("soothe-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autofree char *state_home = g_build_filename (data_home, "state", NULL);
    g_autofree char *config_home = g_build_filename (data_home, "config", NULL);

    /* Nothing of the person running the tests is read or written. */
    g_setenv ("XDG_STATE_HOME", state_home, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
    write_saved_timer (state_home);
    write_broken_state (state_home);
  }
  write_user_bundles ();

  /* The desktop's schemas Soothe reads, beside its own: GNOME 48's breaks. */
  {
    g_autofree char *desktop_schemas = g_test_build_filename (G_TEST_BUILT, "data", "schemas", NULL);
    g_autofree char *dirs = g_strdup_printf ("%s%c%s", g_getenv ("GSETTINGS_SCHEMA_DIR"),
                                             G_SEARCHPATH_SEPARATOR, desktop_schemas);
    g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
  }

  /* Before the fake monitor's D-Bus thread: it may set GSK_RENDERER. */
  renderer_asked_for = g_strdup (g_getenv ("GSK_RENDERER"));
  app = soothe_application_new ();
  start_fake_idle_monitor ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = SOOTHE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  wait_for (window_mapped);

  g_test_add_func ("/soothe/ui/renderer", test_renderer);
  g_test_add_func ("/soothe/ui/restored-timer-reports", test_restored_timer_reports);
  g_test_add_func ("/soothe/ui/user-bundles", test_user_bundles);
  g_test_add_func ("/soothe/ui/every-situation", test_every_situation);
  g_test_add_func ("/soothe/ui/narrow-window", test_narrow_window);
  g_test_add_func ("/soothe/ui/disclaimer-always-visible", test_disclaimer_always_visible);
  g_test_add_func ("/soothe/ui/advice-below-first-screen-follows", test_advice_below_first_screen_follows);
  g_test_add_func ("/soothe/ui/no-fill-cut-by-a-clip", test_no_fill_cut_by_a_clip);
  g_test_add_func ("/soothe/ui/keyboard-moves-between-situations", test_keyboard_moves_between_situations);
  g_test_add_func ("/soothe/ui/search", test_search);
  g_test_add_func ("/soothe/ui/search-answers", test_search_answers);
  g_test_add_func ("/soothe/ui/search-provider", test_search_provider);
  g_test_add_func ("/soothe/ui/gnome-movement-breaks", test_gnome_movement_breaks);
  g_test_add_func ("/soothe/ui/idle-screensaver-fallback", test_idle_screensaver_fallback);
  g_test_add_func ("/soothe/ui/show-and-remember", test_show_and_remember);
  g_test_add_func ("/soothe/ui/shown-row-in-view", test_shown_row_in_view);
  g_test_add_func ("/soothe/ui/menu-windows", test_menu_windows);
  g_test_add_func ("/soothe/ui/timer-region", test_timer_region);
  g_test_add_func ("/soothe/ui/pain-diary", test_pain_diary);
  g_test_add_func ("/soothe/ui/pain-after-therapy", test_pain_after_therapy);
  g_test_add_func ("/soothe/ui/preferences", test_preferences);
  g_test_add_func ("/soothe/ui/start-at-login", test_start_at_login);
  g_test_add_func ("/soothe/ui/start-at-login-portal", test_start_at_login_portal);
  g_test_add_func ("/soothe/ui/sounds", test_sounds);
  g_test_add_func ("/soothe/ui/do-not-disturb", test_do_not_disturb);
  g_test_add_func ("/soothe/ui/idle-breaks", test_idle_breaks);
  g_test_add_func ("/soothe/ui/shortcut-actions", test_shortcut_actions);
  g_test_add_func ("/soothe/ui/reminders", test_reminders);
  g_test_add_func ("/soothe/ui/window-finalizes", test_window_finalizes);

  status = g_test_run ();

  g_clear_object (&app);
  g_free (data_home);
  g_free (renderer_asked_for);
  return status;
}
