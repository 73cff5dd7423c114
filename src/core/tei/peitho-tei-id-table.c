/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "peitho-tei-id-table.h"

#define FIRST_SIZE 256   /* slots; a power of two */

typedef struct {
  const char *id;        /* NULL: a free slot */
  xmlNode    *node;
  guint32     hash;
} Slot;

struct _PeithoTeiIdTable
{
  Slot  *slots;
  gsize  mask;           /* the number of slots - 1 */
  gsize  used;
};

/* FNV-1a: ids are short ("a69247-s"), and every byte counts. */
static guint32
hash_id (const char *id)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

/* Room for @expected ids without growing: growing a table of 300,000 ids
 * from a small one moves 600,000 slots to random places, which cost a
 * twentieth of reading the file. */
PeithoTeiIdTable *
peitho_tei_id_table_new (gsize expected)
{
  PeithoTeiIdTable *self = g_new0 (PeithoTeiIdTable, 1);
  gsize size = FIRST_SIZE;

  while (size / 4 * 3 < expected && size < G_MAXSIZE / 2 / sizeof (Slot))
    size *= 2;
  self->slots = g_new0 (Slot, size);
  self->mask = size - 1;
  return self;
}

void
peitho_tei_id_table_free (PeithoTeiIdTable *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_free (self);
}

/* The slot of @id, or the free one where it would go. */
static Slot *
find_slot (const PeithoTeiIdTable *self,
           const char             *id,
           guint32                 hash)
{
  for (gsize i = hash & self->mask;; i = (i + 1) & self->mask)
    {
      Slot *slot = &self->slots[i];

      if (slot->id == NULL || (slot->hash == hash && strcmp (slot->id, id) == 0))
        return slot;
    }
}

/* Doubles the slots; the hashes are kept, so no id is read again. */
static void
grow (PeithoTeiIdTable *self)
{
  Slot *old = self->slots;
  gsize old_size = self->mask + 1;

  self->slots = g_new0 (Slot, old_size * 2);
  self->mask = old_size * 2 - 1;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].id != NULL)
      {
        gsize j = old[i].hash & self->mask;

        while (self->slots[j].id != NULL)
          j = (j + 1) & self->mask;
        self->slots[j] = old[i];
      }
  g_free (old);
}

/* Adds @node under @id, unless an element has that id already: then returns
 * that element (the first with it) and keeps it. Returns NULL when added. */
xmlNode *
peitho_tei_id_table_add (PeithoTeiIdTable *self,
                         const char       *id,
                         xmlNode          *node)
{
  guint32 hash;
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  /* At most three quarters full, so that probes stay short. */
  if ((self->used + 1) > (self->mask + 1) / 4 * 3)
    grow (self);

  hash = hash_id (id);
  slot = find_slot (self, id, hash);
  if (slot->id != NULL)
    return slot->node;
  *slot = (Slot) { id, node, hash };
  self->used++;
  return NULL;
}

/* The first element with @id, or NULL. */
xmlNode *
peitho_tei_id_table_lookup (PeithoTeiIdTable *self,
                            const char       *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  return find_slot (self, id, hash_id (id))->node;
}
