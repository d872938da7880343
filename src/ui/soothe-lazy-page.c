/* soothe-lazy-page.c: pages built the first time they are shown
 *
 * A panel whose first screen shows one page of a GtkStack need not build the
 * others before the first frame: each is an object of its own in a .ui file,
 * built when the stack is first asked to show it. The same goes for any part
 * of a window that is hidden until it has something to say.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-lazy-page.h"

/**
 * soothe_lazy_page_build:
 * @resource: the .ui file that holds the page
 * @name: the id of the page's widget in @resource
 * @owner: the object the page's signal handlers are swapped to, and whose
 *   struct @children points into
 * @scope: (nullable): the page's signal handlers
 * @children: (array length=n_children): widgets @owner keeps pointers to
 * @n_children: how many
 *
 * Builds the widget @name of @resource and what it holds. Each of @children
 * found in it is stored in @owner; the others are left as they are, so
 * several pages can share one table. A page can only use objects of its
 * own: give it anything else (a menu model) in code once it is built.
 *
 * Returns: (transfer full): the page, for its caller to put in place
 */
GtkWidget *
soothe_lazy_page_build (const char            *resource,
                        const char            *name,
                        GObject               *owner,
                        GtkBuilderScope       *scope,
                        const SootheLazyChild *children,
                        gsize                  n_children)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { name, NULL };
  GObject *page;

  g_return_val_if_fail (name != NULL && resource != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, owner);
  /* The resource is compiled in: a failure here is a bug in it. */
  if (!gtk_builder_add_objects_from_resource (builder, resource, ids, &error))
    g_error ("%s: %s", resource, error->message);
  page = gtk_builder_get_object (builder, name);
  if (!GTK_IS_WIDGET (page))
    g_error ("%s: no widget \"%s\"", resource, name);

  for (gsize i = 0; i < n_children; i++)
    {
      GObject *child = gtk_builder_get_object (builder, children[i].id);

      if (child != NULL)
        G_STRUCT_MEMBER (gpointer, owner, children[i].offset) = child;
    }
  return GTK_WIDGET (g_object_ref_sink (page));
}

/**
 * soothe_lazy_page_show:
 * @stack: the stack
 * @name: the page's name, and the id of its widget in @resource
 * @resource: the .ui file that holds the page
 * @owner: the object the page's signal handlers are swapped to, and whose
 *   struct @children points into
 * @scope: (nullable): the page's signal handlers
 * @children: (array length=n_children): widgets @owner keeps pointers to
 * @n_children: how many
 *
 * Shows the page @name of @stack, building it first with
 * soothe_lazy_page_build() when the stack does not have it yet.
 */
void
soothe_lazy_page_show (GtkStack              *stack,
                       const char            *name,
                       const char            *resource,
                       GObject               *owner,
                       GtkBuilderScope       *scope,
                       const SootheLazyChild *children,
                       gsize                  n_children)
{
  g_autoptr(GtkWidget) page = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (stack, name) == NULL)
    {
      page = soothe_lazy_page_build (resource, name, owner, scope, children, n_children);
      gtk_stack_add_named (stack, page, name);
    }
  gtk_stack_set_visible_child_name (stack, name);
}
