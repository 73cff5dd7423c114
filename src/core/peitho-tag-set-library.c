/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "peitho-error.h"
#include "peitho-tag-set-library.h"
#include "peitho-tei-reader.h"
#include "peitho-tei-writer.h"

/* A tag set file is a taxonomy: a few kilobytes. Anything far larger is not
 * one, and is not read whole into memory. */
#define MAX_TAG_SET_FILE_SIZE (64 * 1024 * 1024)

void
peitho_tag_set_entry_free (PeithoTagSetEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->path);
  g_free (entry);
}

char *
peitho_tag_set_library_get_dir (void)
{
  /* Read the variable each time (not g_get_user_data_dir(), which caches):
   * tests point it at a temporary folder. */
  const char *data_home = g_getenv ("XDG_DATA_HOME");

  if (data_home != NULL && data_home[0] != '\0')
    return g_build_filename (data_home, "peitho", "tagsets", NULL);
  return g_build_filename (g_get_user_data_dir (), "peitho", "tagsets", NULL);
}

PeithoTagSet *
peitho_tag_set_library_load (const char  *path,
                             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!(mapped = g_mapped_file_new (path, FALSE, &local_error)))
    {
      /* G_FILE_ERROR's code is kept: "not found" is not "permission denied". */
      g_propagate_prefixed_error (error, local_error, "%s: ", display);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > MAX_TAG_SET_FILE_SIZE)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_TOO_LARGE,
                   _("%s: too large for a tag set"), display);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  return peitho_tei_read_tag_set_bytes (bytes, display, error);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PeithoTagSetEntry *ea = *(PeithoTagSetEntry * const *)a;
  const PeithoTagSetEntry *eb = *(PeithoTagSetEntry * const *)b;
  g_autofree char *ka = g_utf8_collate_key (ea->title ? ea->title : ea->id, -1);
  g_autofree char *kb = g_utf8_collate_key (eb->title ? eb->title : eb->id, -1);
  int cmp = strcmp (ka, kb);

  return cmp != 0 ? cmp : g_strcmp0 (ea->id, eb->id);
}

GPtrArray *
peitho_tag_set_library_list (GError **error)
{
  g_autofree char *dir_path = peitho_tag_set_library_get_dir ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)peitho_tag_set_entry_free);
  g_autoptr(GDir) dir = NULL;
  GError *local_error = NULL;
  const char *name;

  if (!(dir = g_dir_open (dir_path, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_error_free (local_error);
          return g_steal_pointer (&entries);
        }
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, "%s", local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autoptr(PeithoTagSet) tag_set = NULL;
      PeithoTagSetEntry *entry;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!(tag_set = peitho_tag_set_library_load (path, NULL)))
        continue;

      entry = g_new0 (PeithoTagSetEntry, 1);
      entry->id = g_strndup (name, strlen (name) - strlen (".xml"));
      entry->title = g_strdup (peitho_tag_set_get_title (tag_set) ? peitho_tag_set_get_title (tag_set)
                                                                  : entry->id);
      entry->path = g_steal_pointer (&path);
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* A file name made of the id: no separators, no dot files. */
static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id == NULL || id[0] == '\0' || id[0] == '.' || strchr (id, '/') != NULL
      || strchr (id, G_DIR_SEPARATOR) != NULL)
    {
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED,
                   _("“%s” cannot name a tag set of the library"), id ? id : "");
      return FALSE;
    }
  return TRUE;
}

char *
peitho_tag_set_library_save (PeithoTagSet  *tag_set,
                             GError       **error)
{
  g_autofree char *dir_path = peitho_tag_set_library_get_dir ();
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *id;
  gsize size;
  const char *data;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), NULL);

  id = peitho_tag_set_get_id (tag_set);
  if (!check_id (id, error))
    return NULL;

  if (g_mkdir_with_parents (dir_path, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PEITHO_ERROR, PEITHO_ERROR_FAILED, "%s: %s", dir_path, g_strerror (saved_errno));
      return NULL;
    }

  if (!(bytes = peitho_tei_write_tag_set_bytes (tag_set, error)))
    return NULL;

  file_name = g_strconcat (id, ".xml", NULL);
  path = g_build_filename (dir_path, file_name, NULL);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, (gssize) size, error))
    return NULL;

  return g_steal_pointer (&path);
}

gboolean
peitho_tag_set_library_delete (const char  *id,
                               GError     **error)
{
  g_autofree char *dir_path = peitho_tag_set_library_get_dir ();
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (!check_id (id, error))
    return FALSE;

  file_name = g_strconcat (id, ".xml", NULL);
  path = g_build_filename (dir_path, file_name, NULL);
  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PEITHO_ERROR, saved_errno == ENOENT ? PEITHO_ERROR_NOT_FOUND : PEITHO_ERROR_FAILED,
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
peitho_tag_set_keep_used_tags (PeithoTagSet    *tag_set,
                               PeithoDocument  *document,
                               GPtrArray       *kept,
                               GError         **error)
{
  PeithoTagSet *old_set;
  g_autoptr(GPtrArray) old_tags = NULL;

  g_return_val_if_fail (PEITHO_IS_TAG_SET (tag_set), FALSE);
  g_return_val_if_fail (PEITHO_IS_DOCUMENT (document), FALSE);

  old_set = peitho_document_get_tag_set (document);
  old_tags = peitho_tag_set_dup_tags (old_set);

  for (guint i = 0; i < old_tags->len; i++)
    {
      PeithoTag *tag = g_ptr_array_index (old_tags, i);
      const char *tag_id = peitho_tag_get_id (tag);
      const char *group_id = peitho_tag_get_group_id (tag);
      g_autoptr(PeithoTag) copy = NULL;
      PeithoTagGroup *group;

      if (peitho_document_count_tag (document, tag_id) == 0
          || peitho_tag_set_lookup_tag (tag_set, tag_id) != NULL)
        continue;

      if (group_id == NULL || !(group = peitho_tag_set_lookup_group (tag_set, group_id)))
        {
          PeithoTagGroup *old_group = group_id ? peitho_tag_set_lookup_group (old_set, group_id) : NULL;
          g_autoptr(PeithoTagGroup) new_group = NULL;
          g_autofree char *new_id = NULL;
          const char *label = old_group ? peitho_tag_group_get_label (old_group) : group_id;

          /* Tags and groups share one id namespace: a tag of the new set may
           * already hold the old group's id. */
          if (group_id == NULL || peitho_tag_set_lookup_tag (tag_set, group_id) != NULL)
            new_id = peitho_tag_set_make_id (tag_set, label != NULL ? label : tag_id);
          else
            new_id = g_strdup (group_id);

          new_group = peitho_tag_group_new (new_id, label ? label : new_id,
                                            old_group ? peitho_tag_group_get_definition (old_group) : NULL);
          if (!peitho_tag_set_add_group (tag_set, new_group, -1, error))
            return FALSE;
          group = new_group;
        }

      copy = peitho_tag_copy (tag);
      if (!peitho_tag_set_add_tag (tag_set, peitho_tag_group_get_id (group), copy, -1, error))
        return FALSE;
      if (kept != NULL)
        g_ptr_array_add (kept, g_object_ref (copy));
    }

  return TRUE;
}
