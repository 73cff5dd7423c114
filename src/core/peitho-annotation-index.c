/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "peitho-annotation-index.h"

typedef struct _Node Node;

struct _Node
{
  Node *left;
  Node *right;
  PeithoAnnotation *annotation;
  /* Copies of the annotation's key: comparisons happen in every query, and
   * reading them here avoids the type checks of the getters. */
  const char *id;
  gsize start;
  gsize end;
  /* Largest end in this subtree: a subtree whose max_end <= offset holds
   * nothing that covers offset. */
  gsize max_end;
  guint size;
  guint32 priority;
};

struct _PeithoAnnotationIndex
{
  GObject parent_instance;

  Node *root;
  guint32 rng_state;
  /* While frozen, inserts say nothing; the thaw says it once. The nodes
   * inserted meanwhile wait in @pending (Node *) and go into the tree
   * together, before anything reads it: a document being read builds its
   * tree in one sorted pass instead of one descent per annotation. */
  guint freeze_count;
  guint size_at_freeze;
  GPtrArray *pending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PeithoAnnotationIndex, peitho_annotation_index, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static inline guint
node_size (Node *node)
{
  return node != NULL ? node->size : 0;
}

static inline void
node_update (Node *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = node->end;
  if (node->left != NULL && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right != NULL && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static inline int
node_compare (const Node *a,
              const Node *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return _peitho_id_compare (a->id, b->id);
}

/* Splits @tree into nodes below @key and nodes at or above it. */
static void
tree_split (Node        *tree,
            const Node  *key,
            Node       **left,
            Node       **right)
{
  if (tree == NULL)
    {
      *left = *right = NULL;
      return;
    }

  if (node_compare (tree, key) < 0)
    {
      tree_split (tree->right, key, &tree->right, right);
      *left = tree;
    }
  else
    {
      tree_split (tree->left, key, left, &tree->left);
      *right = tree;
    }

  node_update (tree);
}

/* Joins two treaps where every key of @left is below every key of @right. */
static Node *
tree_merge (Node *left,
            Node *right)
{
  if (left == NULL)
    return right;
  if (right == NULL)
    return left;

  if (left->priority > right->priority)
    {
      left->right = tree_merge (left->right, right);
      node_update (left);
      return left;
    }

  right->left = tree_merge (left, right->left);
  node_update (right);
  return right;
}

/* Inserts @node; @position gets the number of nodes before it, counted on
 * the way down (no second walk to find it). */
static Node *
tree_insert (Node  *tree,
             Node  *node,
             guint *position)
{
  if (tree == NULL)
    return node;

  if (node->priority > tree->priority)
    {
      tree_split (tree, node, &node->left, &node->right);
      node_update (node);
      *position += node_size (node->left);
      return node;
    }

  if (node_compare (node, tree) < 0)
    tree->left = tree_insert (tree->left, node, position);
  else
    {
      *position += node_size (tree->left) + 1;
      tree->right = tree_insert (tree->right, node, position);
    }

  node_update (tree);
  return tree;
}

static Node *
tree_remove (Node        *tree,
             const Node  *key,
             Node       **removed)
{
  int cmp;

  if (tree == NULL)
    return NULL;

  cmp = node_compare (key, tree);

  if (cmp == 0)
    {
      *removed = tree;
      return tree_merge (tree->left, tree->right);
    }

  if (cmp < 0)
    tree->left = tree_remove (tree->left, key, removed);
  else
    tree->right = tree_remove (tree->right, key, removed);

  node_update (tree);
  return tree;
}

static void
tree_free (Node *tree)
{
  if (tree == NULL)
    return;

  tree_free (tree->left);
  tree_free (tree->right);
  g_object_unref (tree->annotation);
  g_free (tree);
}

static void
tree_update_all (Node *tree)
{
  if (tree == NULL)
    return;

  tree_update_all (tree->left);
  tree_update_all (tree->right);
  node_update (tree);
}

/* The treap of @nodes, which are in ascending order, in O(n): each node
 * becomes the right child of the nearest node before it with a higher
 * priority, taking over as its left subtree what it displaced there. */
static Node *
tree_build (Node **nodes,
            guint  n_nodes)
{
  g_autofree Node **spine = g_new (Node *, n_nodes + 1);
  guint depth = 0;

  for (guint i = 0; i < n_nodes; i++)
    {
      Node *node = nodes[i];
      Node *last = NULL;

      while (depth > 0 && spine[depth - 1]->priority < node->priority)
        last = spine[--depth];
      node->left = last;
      node->right = NULL;
      if (depth > 0)
        spine[depth - 1]->right = node;
      spine[depth++] = node;
    }

  if (depth == 0)
    return NULL;
  tree_update_all (spine[0]);
  return spine[0];
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  return node_compare (*(Node * const *) a, *(Node * const *) b);
}

/* Puts the pending nodes into the tree. */
static void
flush_pending (PeithoAnnotationIndex *self)
{
  GPtrArray *pending = self->pending;
  gboolean sorted = TRUE;

  if (pending == NULL || pending->len == 0)
    return;

  for (guint i = 1; i < pending->len && sorted; i++)
    sorted = compare_nodes (&pending->pdata[i - 1], &pending->pdata[i]) < 0;
  if (!sorted)
    g_ptr_array_sort (pending, compare_nodes);

  if (self->root == NULL)
    self->root = tree_build ((Node **) pending->pdata, pending->len);
  else
    for (guint i = 0; i < pending->len; i++)
      {
        guint position = 0;

        self->root = tree_insert (self->root, pending->pdata[i], &position);
      }

  g_ptr_array_set_size (pending, 0);
}

static void
key_for (Node             *key,
         PeithoAnnotation *annotation)
{
  key->id = peitho_annotation_get_id (annotation);
  key->start = peitho_annotation_get_start (annotation);
  key->end = peitho_annotation_get_end (annotation);
}

/* Position of @key and its node, by counting the nodes before it. */
static Node *
tree_find (Node       *tree,
           const Node *key,
           guint      *position)
{
  guint before = 0;

  while (tree != NULL)
    {
      int cmp = node_compare (key, tree);

      if (cmp == 0)
        {
          *position = before + node_size (tree->left);
          return tree;
        }

      if (cmp < 0)
        tree = tree->left;
      else
        {
          before += node_size (tree->left) + 1;
          tree = tree->right;
        }
    }

  return NULL;
}

static void
collect_at (Node      *tree,
            gsize      offset,
            GPtrArray *result)
{
  /* Recursion on the left, loop on the right: the depth stays that of the tree. */
  while (tree != NULL && tree->max_end > offset)
    {
      collect_at (tree->left, offset, result);

      /* Everything to the right starts at or after this node. */
      if (tree->start > offset)
        return;

      if (tree->end > offset)
        g_ptr_array_add (result, g_object_ref (tree->annotation));

      tree = tree->right;
    }
}

static void
collect_range (Node      *tree,
               gsize      start,
               gsize      end,
               GPtrArray *result)
{
  while (tree != NULL && tree->max_end > start)
    {
      collect_range (tree->left, start, end, result);

      if (tree->start >= end)
        return;

      if (tree->end > start)
        g_ptr_array_add (result, g_object_ref (tree->annotation));

      tree = tree->right;
    }
}

static void
collect_all (Node      *tree,
             GPtrArray *result)
{
  while (tree != NULL)
    {
      collect_all (tree->left, result);
      g_ptr_array_add (result, g_object_ref (tree->annotation));
      tree = tree->right;
    }
}

static void
foreach_node (Node     *tree,
              GFunc     func,
              gpointer  user_data)
{
  while (tree != NULL)
    {
      foreach_node (tree->left, func, user_data);
      func (tree->annotation, user_data);
      tree = tree->right;
    }
}

static GType
peitho_annotation_index_get_item_type (GListModel *model)
{
  return PEITHO_TYPE_ANNOTATION;
}

static guint
peitho_annotation_index_get_n_items (GListModel *model)
{
  PeithoAnnotationIndex *self = PEITHO_ANNOTATION_INDEX (model);

  flush_pending (self);
  return node_size (self->root);
}

static gpointer
peitho_annotation_index_get_item (GListModel *model,
                                  guint       position)
{
  PeithoAnnotationIndex *self = PEITHO_ANNOTATION_INDEX (model);

  flush_pending (self);
  if (position >= node_size (self->root))
    return NULL;

  return g_object_ref (peitho_annotation_index_get_nth (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = peitho_annotation_index_get_item_type;
  iface->get_n_items = peitho_annotation_index_get_n_items;
  iface->get_item = peitho_annotation_index_get_item;
}

static void
peitho_annotation_index_dispose (GObject *object)
{
  PeithoAnnotationIndex *self = (PeithoAnnotationIndex *)object;

  flush_pending (self);
  g_clear_pointer (&self->root, tree_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (peitho_annotation_index_parent_class)->dispose (object);
}

static void
peitho_annotation_index_class_init (PeithoAnnotationIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = peitho_annotation_index_dispose;
}

static void
peitho_annotation_index_init (PeithoAnnotationIndex *self)
{
  /* Priorities need not be unpredictable, only well spread; a fixed seed
   * keeps runs reproducible. */
  self->rng_state = 0x9E3779B9u;
}

PeithoAnnotationIndex *
peitho_annotation_index_new (void)
{
  return g_object_new (PEITHO_TYPE_ANNOTATION_INDEX, NULL);
}

guint
peitho_annotation_index_get_size (PeithoAnnotationIndex *self)
{
  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), 0);

  flush_pending (self);
  return node_size (self->root);
}

static guint32
next_priority (PeithoAnnotationIndex *self)
{
  /* xorshift32 */
  guint32 x = self->rng_state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  self->rng_state = x;

  return x;
}

guint
peitho_annotation_index_insert (PeithoAnnotationIndex *self,
                                PeithoAnnotation      *annotation)
{
  Node *node;
  guint position = 0;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), 0);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), 0);

  node = g_new0 (Node, 1);
  node->annotation = g_object_ref (annotation);
  key_for (node, annotation);
  node->priority = next_priority (self);
  node_update (node);

  if (self->freeze_count > 0)
    {
      if (self->pending == NULL)
        self->pending = g_ptr_array_new ();
      g_ptr_array_add (self->pending, node);
      return G_MAXUINT;
    }

  self->root = tree_insert (self->root, node, &position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

void
peitho_annotation_index_freeze_inserts (PeithoAnnotationIndex *self)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_INDEX (self));

  if (self->freeze_count++ == 0)
    {
      flush_pending (self);
      self->size_at_freeze = node_size (self->root);
    }
}

void
peitho_annotation_index_thaw_inserts (PeithoAnnotationIndex *self)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_INDEX (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0)
    return;

  flush_pending (self);
  if (node_size (self->root) != self->size_at_freeze)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->size_at_freeze,
                                node_size (self->root));
}

gboolean
peitho_annotation_index_remove (PeithoAnnotationIndex *self,
                                PeithoAnnotation      *annotation,
                                guint                 *position)
{
  Node key;
  Node *found;
  Node *removed = NULL;
  guint pos = 0;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  g_return_val_if_fail (self->freeze_count == 0, FALSE);

  key_for (&key, annotation);
  found = tree_find (self->root, &key, &pos);

  /* Another object with the same key is not this one. */
  if (found == NULL || found->annotation != annotation)
    return FALSE;

  self->root = tree_remove (self->root, &key, &removed);
  g_assert (removed != NULL && removed->annotation == annotation);

  if (position != NULL)
    *position = pos;

  /* The signal goes out while the caller still holds the annotation alive
   * through our reference, dropped just after. */
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  g_object_unref (removed->annotation);
  g_free (removed);

  return TRUE;
}

gboolean
peitho_annotation_index_find (PeithoAnnotationIndex *self,
                              PeithoAnnotation      *annotation,
                              guint                 *position)
{
  Node key;
  Node *node;
  guint pos = 0;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), FALSE);
  g_return_val_if_fail (PEITHO_IS_ANNOTATION (annotation), FALSE);

  flush_pending (self);
  key_for (&key, annotation);
  node = tree_find (self->root, &key, &pos);

  if (node == NULL || node->annotation != annotation)
    return FALSE;

  if (position != NULL)
    *position = pos;

  return TRUE;
}

PeithoAnnotation *
peitho_annotation_index_get_nth (PeithoAnnotationIndex *self,
                                 guint                  position)
{
  Node *tree;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), NULL);

  flush_pending (self);
  g_return_val_if_fail (position < node_size (self->root), NULL);

  tree = self->root;

  while (tree != NULL)
    {
      guint left = node_size (tree->left);

      if (position < left)
        tree = tree->left;
      else if (position == left)
        return tree->annotation;
      else
        {
          position -= left + 1;
          tree = tree->right;
        }
    }

  g_assert_not_reached ();
}

GPtrArray *
peitho_annotation_index_query_at (PeithoAnnotationIndex *self,
                                  gsize                  offset)
{
  GPtrArray *result;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), NULL);

  flush_pending (self);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  collect_at (self->root, offset, result);

  return result;
}

GPtrArray *
peitho_annotation_index_query_range (PeithoAnnotationIndex *self,
                                     gsize                  start,
                                     gsize                  end)
{
  GPtrArray *result;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), NULL);

  flush_pending (self);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (start < end)
    collect_range (self->root, start, end, result);

  return result;
}

GPtrArray *
peitho_annotation_index_dup_all (PeithoAnnotationIndex *self)
{
  GPtrArray *result;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), NULL);

  flush_pending (self);
  result = g_ptr_array_new_full (node_size (self->root), g_object_unref);
  collect_all (self->root, result);

  return result;
}

void
peitho_annotation_index_foreach (PeithoAnnotationIndex *self,
                                 GFunc                  func,
                                 gpointer               user_data)
{
  g_return_if_fail (PEITHO_IS_ANNOTATION_INDEX (self));
  g_return_if_fail (func != NULL);

  flush_pending (self);
  foreach_node (self->root, func, user_data);
}

static gboolean
check_node (Node        *node,
            const Node **previous)
{
  gsize max_end;

  if (node == NULL)
    return TRUE;

  if (!check_node (node->left, previous))
    return FALSE;

  if (*previous != NULL && node_compare (*previous, node) >= 0)
    return FALSE;
  *previous = node;

  if ((node->left != NULL && node->left->priority > node->priority) ||
      (node->right != NULL && node->right->priority > node->priority))
    return FALSE;

  if (node->size != 1 + node_size (node->left) + node_size (node->right))
    return FALSE;

  max_end = node->end;
  if (node->left != NULL)
    max_end = MAX (max_end, node->left->max_end);
  if (node->right != NULL)
    max_end = MAX (max_end, node->right->max_end);
  if (node->max_end != max_end)
    return FALSE;

  if (node->start != peitho_annotation_get_start (node->annotation) ||
      node->end != peitho_annotation_get_end (node->annotation) ||
      node->id != peitho_annotation_get_id (node->annotation))
    return FALSE;

  return check_node (node->right, previous);
}

gboolean
peitho_annotation_index_check (PeithoAnnotationIndex *self)
{
  const Node *previous = NULL;

  g_return_val_if_fail (PEITHO_IS_ANNOTATION_INDEX (self), FALSE);

  flush_pending (self);
  return check_node (self->root, &previous);
}
