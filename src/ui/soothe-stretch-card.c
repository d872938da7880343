/* soothe-stretch-card.c: one stretch in the advice, with its drawing
 *
 * Its name, summary, steps and cautions are bundle text; its hold is said
 * as the guided stretch window says it. "Guide me" opens that window.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soothe-bundle-text.h"
#include "soothe-illustration.h"
#include "soothe-markup.h"
#include "soothe-stretch-card.h"

/* Widths, in characters, of the card's text: at least, and before it wraps. */
#define TEXT_WIDTH_CHARS     28
#define TEXT_MAX_WIDTH_CHARS 72

struct _SootheStretchCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  SootheIllustration *illustration;
  GtkBox             *intro;
  GtkBox             *steps;
  GtkLabel           *meta_label;
  GtkBox             *cautions;
  GtkButton          *guide_button;

  /* Owned references */
  SootheStretch      *stretch;
};

enum {
  PROP_0,
  PROP_STRETCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SootheStretchCard, soothe_stretch_card, GTK_TYPE_WIDGET)

static void
show_stretch (SootheStretchCard *self)
{
  const char * const *cautions = soothe_stretch_get_cautions (self->stretch);
  g_autofree char *name = soothe_markup_to_plain (soothe_stretch_get_name (self->stretch));
  g_autofree char *hold = soothe_stretch_describe_hold (self->stretch);
  g_autofree char *meta = NULL;
  g_autofree char *guide_name = NULL;
  GtkWidget *summary;

  soothe_illustration_set_stretch (self->illustration, self->stretch);
  gtk_widget_set_visible (GTK_WIDGET (self->illustration),
                          soothe_stretch_get_illustration (self->stretch) != NULL);

  gtk_box_append (self->intro, soothe_bundle_text_new_heading (soothe_stretch_get_name (self->stretch),
                                                               "title-4", 3));
  summary = soothe_bundle_text_new_label (soothe_stretch_get_summary (self->stretch), NULL);
  gtk_label_set_width_chars (GTK_LABEL (summary), TEXT_WIDTH_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), TEXT_MAX_WIDTH_CHARS);
  gtk_box_append (self->intro, summary);

  soothe_bundle_text_add_list (self->steps, soothe_stretch_get_steps (self->stretch),
                               SOOTHE_BUNDLE_LIST_NUMBERED | SOOTHE_BUNDLE_LIST_SELECTABLE,
                               TEXT_WIDTH_CHARS, TEXT_MAX_WIDTH_CHARS);

  meta = g_strdup_printf ("%s%s", hold,
                          soothe_stretch_get_pregnancy_safe (self->stretch) ? _(" · suits pregnancy") : "");
  gtk_label_set_text (self->meta_label, meta);

  soothe_bundle_text_add_list (self->cautions, cautions, SOOTHE_BUNDLE_LIST_SELECTABLE,
                               TEXT_WIDTH_CHARS, TEXT_MAX_WIDTH_CHARS);
  gtk_widget_set_visible (GTK_WIDGET (self->cautions), cautions[0] != NULL);

  /* TRANSLATORS: the accessible name of a stretch card's "Guide me" button */
  guide_name = g_strdup_printf (_("Guide me through %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guide_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  guide_name, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->guide_button), "s",
                                    soothe_stretch_get_id (self->stretch));
}

static void
soothe_stretch_card_constructed (GObject *object)
{
  SootheStretchCard *self = SOOTHE_STRETCH_CARD (object);

  G_OBJECT_CLASS (soothe_stretch_card_parent_class)->constructed (object);

  g_return_if_fail (SOOTHE_IS_STRETCH (self->stretch));
  show_stretch (self);
}

static void
soothe_stretch_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SootheStretchCard *self = SOOTHE_STRETCH_CARD (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_object (value, self->stretch);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SootheStretchCard *self = SOOTHE_STRETCH_CARD (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      self->stretch = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soothe_stretch_card_dispose (GObject *object)
{
  SootheStretchCard *self = SOOTHE_STRETCH_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOOTHE_TYPE_STRETCH_CARD);
  g_clear_object (&self->stretch);

  G_OBJECT_CLASS (soothe_stretch_card_parent_class)->dispose (object);
}

static void
soothe_stretch_card_class_init (SootheStretchCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = soothe_stretch_card_constructed;
  object_class->dispose = soothe_stretch_card_dispose;
  object_class->get_property = soothe_stretch_card_get_property;
  object_class->set_property = soothe_stretch_card_set_property;

  /* The stretch a card shows is the one it was made for. */
  properties[PROP_STRETCH] =
    g_param_spec_object ("stretch", NULL, NULL, SOOTHE_TYPE_STRETCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOOTHE_TYPE_ILLUSTRATION);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/soothe-stretch-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, box);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, illustration);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, intro);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, steps);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, cautions);
  gtk_widget_class_bind_template_child (widget_class, SootheStretchCard, guide_button);
}

static void
soothe_stretch_card_init (SootheStretchCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
soothe_stretch_card_new (SootheStretch *stretch)
{
  g_return_val_if_fail (SOOTHE_IS_STRETCH (stretch), NULL);

  return g_object_new (SOOTHE_TYPE_STRETCH_CARD, "stretch", stretch, NULL);
}
