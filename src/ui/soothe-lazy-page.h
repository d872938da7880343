/* soothe-lazy-page.h: pages built the first time they are shown
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A widget of a page that its owner keeps a pointer to, as
 * gtk_widget_class_bind_template_child() binds one of a template. */
typedef struct {
  const char *id;
  gsize       offset;  /* of the member in the owner's struct */
} SootheLazyChild;

#define SOOTHE_LAZY_CHILD(Type, member) { #member, G_STRUCT_OFFSET (Type, member) }

GtkWidget *soothe_lazy_page_build (const char            *resource,
                                   const char            *name,
                                   GObject               *owner,
                                   GtkBuilderScope       *scope,
                                   const SootheLazyChild *children,
                                   gsize                  n_children);
void       soothe_lazy_page_show  (GtkStack              *stack,
                                   const char            *name,
                                   const char            *resource,
                                   GObject               *owner,
                                   GtkBuilderScope       *scope,
                                   const SootheLazyChild *children,
                                   gsize                  n_children);

G_END_DECLS
