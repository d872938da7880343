/* baseline-window.c: the bare GTK 4 window that Soothe is measured against
 *
 * A GtkApplication with one empty window of Soothe's default size. Like
 * Soothe, it quits after its first frame when SOOTHE_QUIT_AFTER_FIRST_FRAME=1
 * and otherwise stays open, so start-up, memory and idle wake-ups compare
 * like with like.
 *
 * With --header-bar the window also has the title bar every GNOME window has
 * (a GtkHeaderBar with the title and the window buttons): a reference that
 * shows what a header bar alone costs, since without a window manager, as
 * under Xvfb, GTK draws no decorations at all for the bare window.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

static gboolean header_bar;

static void
after_paint_cb (GdkFrameClock  *frame_clock,
                GtkApplication *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, application);
  g_application_quit (G_APPLICATION (application));
}

static void
window_mapped_cb (GtkWidget      *window,
                  GtkApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), application);
}

static void
activated_cb (GtkApplication *application)
{
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_title (GTK_WINDOW (window), "Baseline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  if (header_bar)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  if (g_strcmp0 (g_getenv ("SOOTHE_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--header-bar"))
    {
      header_bar = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  application = gtk_application_new ("io.github.soothe.Baseline", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (activated_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
