/* soothe-lazy-page.c: stack pages built the first time they are shown
 *
 * A panel whose first screen shows one page of a GtkStack need not build the
 * others before the first frame: each is an object of its own in a .ui file,
 * built when the stack is first asked to show it.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soothe-lazy-page.h"

/**
 * soothe_lazy_page_show:
 * @stack: the stack
 * @name: the page's name, and the id of its widget in @resource
 * @resource: the .ui file that holds the page
 * @owner: the object the page's signal handlers are swapped to, and whose
 *   struct @children points into
 * @scope: the page's signal handlers
 * @children: (array length=n_children): widgets @owner keeps pointers to
 * @n_children: how many
 *
 * Shows the page @name of @stack, building it first when the stack does not
 * have it yet. Each of @children found in the page is stored in @owner; the
 * others are left as they are, so several pages can share one table. A page
 * can only use objects of its own: give it anything else (a menu model) in
 * code once it is built.
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
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { name, NULL };
  GObject *page;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (name != NULL && resource != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  if (gtk_stack_get_child_by_name (stack, name) != NULL)
    {
      gtk_stack_set_visible_child_name (stack, name);
      return;
    }

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

  gtk_stack_add_named (stack, GTK_WIDGET (page), name);
  gtk_stack_set_visible_child_name (stack, name);
}
