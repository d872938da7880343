/* soothe-bundle-text.c: labels and lists for text from a content bundle
 *
 * Bundle text is written in Soothe's inline syntax, never trusted as Pango
 * markup: it is converted with soothe_markup_from_inline(), and its links
 * open only when they are https (the loader checks this too; the label
 * checks again, since a label is where a link is followed). Every view that
 * shows bundle text makes its labels and lists here.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-bundle-text.h"
#include "soothe-markup.h"

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  /* Only https opens; anything else is swallowed rather than handed to GTK. */
  if (g_str_has_prefix (uri, "https://"))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (label))), uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
guard_links (GtkLabel *label)
{
  if (g_object_get_data (G_OBJECT (label), "soothe-link-guard") != NULL)
    return;
  g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  g_object_set_data (G_OBJECT (label), "soothe-link-guard", GINT_TO_POINTER (TRUE));
}

/* Shows @text, in inline syntax, in @label. */
void
soothe_bundle_text_set_label (GtkLabel   *label,
                              const char *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (text != NULL);

  markup = soothe_markup_from_inline (text);
  gtk_label_set_markup (label, markup);
  guard_links (label);
}

/**
 * soothe_bundle_text_new_markup_label:
 * @markup: Pango markup Soothe made itself, its bundle parts escaped, such
 *   as a source's link
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, selectable label, aligned left
 */
GtkWidget *
soothe_bundle_text_new_markup_label (const char *markup,
                                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  guard_links (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * soothe_bundle_text_new_label:
 * @text: bundle text, in inline syntax
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, selectable label, aligned left
 */
GtkWidget *
soothe_bundle_text_new_label (const char *text,
                              const char *css_class)
{
  g_autofree char *markup = soothe_markup_from_inline (text);

  return soothe_bundle_text_new_markup_label (markup, css_class);
}

/**
 * soothe_bundle_text_new_heading:
 * @level: the heading level screen readers announce
 *
 * Returns: (transfer floating): a label with the heading role
 */
GtkWidget *
soothe_bundle_text_new_heading (const char *text,
                                const char *css_class,
                                int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  soothe_bundle_text_set_label (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  return label;
}

/* One list item: a marker ("•" or "3.") and the item's text beside it. A
 * grid, not a horizontal box: GTK 4.8 lays a wrapping label out again and
 * again to fit it in a box row, which made up half of start-up. */
static void
add_item (GtkBox     *list,
          const char *marker,
          gboolean    decorative,
          gboolean    selectable,
          const char *text,
          int         width_chars,
          int         max_width_chars)
{
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                    "label", marker,
                                    "valign", GTK_ALIGN_START,
                                    "accessible-role", decorative ? GTK_ACCESSIBLE_ROLE_PRESENTATION
                                                                  : GTK_ACCESSIBLE_ROLE_LABEL,
                                    NULL);
  GtkWidget *label = soothe_bundle_text_new_label (text, NULL);

  gtk_widget_add_css_class (bullet, "soothe-bullet");
  /* Not selectable, a label takes no focus: a list shown with a page then
   * does not start with its first item all selected. */
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (row), 8);
  gtk_grid_attach (GTK_GRID (row), bullet, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), label, 1, 0, 1, 1);
  gtk_box_append (list, row);
}

/**
 * soothe_bundle_text_add_list:
 * @box: where the list goes
 * @items: (array zero-terminated=1): bundle texts
 * @flags: numbered steps, or bullets; selectable text
 * @width_chars: each item's least width, in characters
 * @max_width_chars: each item's width before it wraps, in characters
 *
 * Returns: (transfer none): the list, one row per item, in @box
 */
GtkBox *
soothe_bundle_text_add_list (GtkBox               *box,
                             const char * const   *items,
                             SootheBundleListFlags flags,
                             int                   width_chars,
                             int                   max_width_chars)
{
  gboolean numbered = (flags & SOOTHE_BUNDLE_LIST_NUMBERED) != 0;
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  gtk_widget_add_css_class (list, "soothe-list");
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *number = numbered ? g_strdup_printf ("%u.", i + 1) : NULL;
      add_item (GTK_BOX (list), numbered ? number : "•", !numbered,
                (flags & SOOTHE_BUNDLE_LIST_SELECTABLE) != 0, items[i], width_chars, max_width_chars);
    }
  gtk_box_append (box, list);
  return GTK_BOX (list);
}
