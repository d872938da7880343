/* first-frame-probe.c: an LD_PRELOAD library that ends any GTK 4 program
 * right after its first frame
 *
 *   LD_PRELOAD=_build-release/benchmarks/first-frame-probe.so gnome-calculator
 *
 * The first time a toplevel surface (not a popover or a drag icon) emits
 * GdkSurface::render, the probe remembers it; at the end of that frame clock
 * cycle (GdkFrameClock::after-paint, after the renderer has presented the
 * frame) it waits for the display to have taken everything
 * (gdk_display_sync()) and calls _exit (0): no shutdown, no teardown, so every
 * program is timed to the same moment. Both are emission hooks, added from a
 * constructor that runs after GTK's (the probe links libgtk), so nothing in
 * the program has to cooperate and nothing is drawn differently.
 *
 * With FIRST_FRAME_PROBE_REPORT=1 it prints one line to stderr before it exits:
 * when, in ms after the probe was loaded (once the libraries are, just before
 * main()), GApplication::activate or ::command-line was first emitted (the
 * application's start-up is done by then), that frame clock first ran its
 * layout phase (CSS and size allocation) and then the paint phase of the first
 * frame (snapshot and rendering), and when the frame was done; the widgets in
 * that window (all of them, the mapped ones, the labels and the wrapping ones,
 * and the most common types); the Pango layouts created (pango_layout_new()
 * and pango_layout_copy()) and the text runs HarfBuzz shaped (hb_shape_full()
 * calls and their characters) until then. Otherwise it prints nothing.
 *
 * With FIRST_FRAME_PROBE_NODES=FILE it also writes that window's render nodes
 * to FILE (gsk_render_node_serialize(), drawn once more for it): which node
 * types a first frame needs tells which shaders the GL renderer compiles.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gtk/gtk.h>

#define N_TOP_TYPES 6

static GdkSurface    *first_surface;
static GdkFrameClock *first_clock;
static gint64         loaded_ns;
static gint64         activated_ns;
static gint64         first_layout_ns;
static gint64         painting_ns;
static GQuark         layout_quark;

/* Counted on every thread, read on the main one when it exits. */
static guint64 n_layouts;
static guint64 n_shapes;
static guint64 n_shaped_chars;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* Interposed for the counts only; each forwards to the real function. */

static gpointer
real_symbol (const char *name)
{
  gpointer symbol = dlsym (RTLD_NEXT, name);

  if (symbol == NULL)
    {
      fprintf (stderr, "first-frame-probe: no %s\n", name);
      _exit (127);
    }
  return symbol;
}

PangoLayout *
pango_layout_new (PangoContext *context)
{
  static PangoLayout *(*real) (PangoContext *);

  if (real == NULL)
    real = real_symbol ("pango_layout_new");
  __atomic_add_fetch (&n_layouts, 1, __ATOMIC_RELAXED);
  return real (context);
}

PangoLayout *
pango_layout_copy (PangoLayout *src)
{
  static PangoLayout *(*real) (PangoLayout *);

  if (real == NULL)
    real = real_symbol ("pango_layout_copy");
  __atomic_add_fetch (&n_layouts, 1, __ATOMIC_RELAXED);
  return real (src);
}

hb_bool_t
hb_shape_full (hb_font_t          *font,
               hb_buffer_t        *buffer,
               const hb_feature_t *features,
               unsigned int        num_features,
               const char * const *shaper_list)
{
  static hb_bool_t (*real) (hb_font_t *, hb_buffer_t *, const hb_feature_t *, unsigned int,
                            const char * const *);

  if (real == NULL)
    real = real_symbol ("hb_shape_full");
  __atomic_add_fetch (&n_shapes, 1, __ATOMIC_RELAXED);
  __atomic_add_fetch (&n_shaped_chars, hb_buffer_get_length (buffer), __ATOMIC_RELAXED);
  return real (font, buffer, features, num_features, shaper_list);
}

/* The report ------------------------------------------------------------- */

typedef struct
{
  guint       widgets;
  guint       mapped;
  guint       labels;
  guint       wrapping;
  GHashTable *types;
} WidgetCount;

static void
count_widgets (GtkWidget   *widget,
               WidgetCount *count)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  count->widgets++;
  if (gtk_widget_get_mapped (widget))
    count->mapped++;
  if (GTK_IS_LABEL (widget))
    {
      count->labels++;
      if (gtk_label_get_wrap (GTK_LABEL (widget)))
        count->wrapping++;
    }
  g_hash_table_insert (count->types, (gpointer) type,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count->types, type)) + 1));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, count);
}

static gint
compare_type_counts (gconstpointer a,
                     gconstpointer b,
                     gpointer      types)
{
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (types, *(const char * const *) a));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (types, *(const char * const *) b));

  return na == nb ? strcmp (*(const char * const *) a, *(const char * const *) b) : (na < nb) - (na > nb);
}

static double
ms_after_load (gint64 ns)
{
  return ns == 0 ? -1.0 : (ns - loaded_ns) / 1e6;
}

static void
report (gint64 painted_ns)
{
  WidgetCount count = { 0, 0, 0, 0, g_hash_table_new (g_str_hash, g_str_equal) };
  GtkNative *native = gtk_native_get_for_surface (first_surface);
  GString *line = g_string_new (NULL);
  int width = gdk_surface_get_width (first_surface);
  int height = gdk_surface_get_height (first_surface);

  if (native != NULL)
    count_widgets (GTK_WIDGET (native), &count);

  g_string_append_printf (line,
                          "first-frame-probe: %s: first frame %dx%d; ms after load: activate %.1f, "
                          "first layout %.1f, paint %.1f, done %.1f; "
                          "widgets %u (mapped %u, labels %u, wrapping %u); "
                          "pango layouts %" G_GUINT64_FORMAT ", shaped runs %" G_GUINT64_FORMAT
                          " (%" G_GUINT64_FORMAT " chars); renderer %s; types",
                          g_get_prgname () ? g_get_prgname () : "?", width, height,
                          ms_after_load (activated_ns), ms_after_load (first_layout_ns),
                          ms_after_load (painting_ns), ms_after_load (painted_ns),
                          count.widgets, count.mapped,
                          count.labels, count.wrapping, n_layouts, n_shapes, n_shaped_chars,
                          native != NULL && gtk_native_get_renderer (native) != NULL
                            ? G_OBJECT_TYPE_NAME (gtk_native_get_renderer (native)) : "none");
  if (count.widgets > 0)
    {
      guint n_types = 0;
      g_autofree gpointer *names = g_hash_table_get_keys_as_array (count.types, &n_types);

      g_qsort_with_data (names, n_types, sizeof (gpointer), compare_type_counts, count.types);
      for (guint i = 0; i < n_types && i < N_TOP_TYPES; i++)
        g_string_append_printf (line, "%s %s %u", i == 0 ? "" : ",", (const char *) names[i],
                                GPOINTER_TO_UINT (g_hash_table_lookup (count.types, names[i])));
    }
  g_string_append_c (line, '\n');
  /* One write, so the line stays whole next to the program's own output. */
  if (write (STDERR_FILENO, line->str, line->len) < 0)
    _exit (1);
}

static void
save_nodes (const char *path)
{
  GtkWidget *window = GTK_WIDGET (gtk_native_get_for_surface (first_surface));
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (window == NULL)
    return;
  snapshot = gtk_snapshot_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (window); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_NATIVE (child))
        gtk_widget_snapshot_child (window, child, snapshot);
    }
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  bytes = gsk_render_node_serialize (node);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
}

/* The hooks -------------------------------------------------------------- */

static gboolean
activated_cb (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               data)
{
  if (activated_ns == 0)
    activated_ns = now_ns ();
  return FALSE;
}

/* Layout and paint are remembered per frame clock, for the first frame's. */
static gboolean
layout_started_cb (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               data)
{
  GObject *clock = g_value_get_object (&values[0]);

  if (g_object_get_qdata (clock, layout_quark) == NULL)
    g_object_set_qdata (clock, layout_quark, GSIZE_TO_POINTER ((gsize) now_ns ()));
  return first_clock == NULL;
}

static gboolean
paint_started_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  painting_ns = now_ns ();
  return first_clock == NULL;
}

static gboolean
surface_rendered_cb (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  GdkSurface *surface = g_value_get_object (&values[0]);

  if (!GDK_IS_TOPLEVEL (surface))
    return TRUE;

  first_surface = surface;
  first_clock = gdk_surface_get_frame_clock (surface);
  first_layout_ns = (gint64) GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (first_clock),
                                                                    layout_quark));
  return FALSE;
}

static gboolean
frame_painted_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  gint64 painted_ns;

  if (first_clock == NULL || g_value_get_object (&values[0]) != (gpointer) first_clock)
    return TRUE;

  gdk_display_sync (gdk_surface_get_display (first_surface));
  painted_ns = now_ns ();
  if (g_strcmp0 (g_getenv ("FIRST_FRAME_PROBE_REPORT"), "1") == 0)
    report (painted_ns);
  if (g_getenv ("FIRST_FRAME_PROBE_NODES") != NULL)
    save_nodes (g_getenv ("FIRST_FRAME_PROBE_NODES"));
  _exit (0);
}

static void
add_hook (GType               type,
          const char         *signal,
          GSignalEmissionHook hook)
{
  /* Signals exist once the class does; the class is kept for the process. */
  guint id;

  g_type_class_ref (type);
  id = g_signal_lookup (signal, type);
  if (id == 0)
    {
      fprintf (stderr, "first-frame-probe: no %s::%s\n", g_type_name (type), signal);
      _exit (127);
    }
  g_signal_add_emission_hook (id, 0, hook, NULL, NULL);
}

__attribute__((constructor)) static void
first_frame_probe_init (void)
{
  loaded_ns = now_ns ();
  layout_quark = g_quark_from_static_string ("first-frame-probe-layout");
  add_hook (G_TYPE_APPLICATION, "activate", activated_cb);
  add_hook (G_TYPE_APPLICATION, "command-line", activated_cb);
  add_hook (GDK_TYPE_FRAME_CLOCK, "layout", layout_started_cb);
  add_hook (GDK_TYPE_FRAME_CLOCK, "paint", paint_started_cb);
  add_hook (GDK_TYPE_SURFACE, "render", surface_rendered_cb);
  add_hook (GDK_TYPE_FRAME_CLOCK, "after-paint", frame_painted_cb);
}
