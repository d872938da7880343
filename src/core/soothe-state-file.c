/* soothe-state-file.c: the one way Soothe reads and writes its own files
 *
 * Every file Soothe keeps (the saved timer, the reminder schedule, the
 * history) goes through here, so that each gets the same care:
 *
 * - reading never follows a symbolic link, never blocks on a FIFO or a
 *   device (O_NOFOLLOW | O_NONBLOCK, then fstat) and stops at a size cap;
 * - a replacement is written beside the file, synced and renamed over it,
 *   mode 0600, so a crash leaves the old file or the new one;
 * - an append is one write() and an fsync(), so a crash tears at most the
 *   line being written;
 * - a file that cannot be read is kept aside under a time-stamped name that
 *   never replaces another, and the error names the file and the problem.
 *
 * Copyright 2026 The Soothe authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* renameat2 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "soothe-state-file.h"

#define READ_CHUNK      (64 * 1024)
#define MAX_KEPT_ASIDE  1000

/* Every error is in %G_IO_ERROR, as GIO's own file functions set them, and
 * its message starts with the file's name. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a named pipe (FIFO)";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISLNK (mode))
    return "a symbolic link";
  return "something other than a file";
}

/* Opens @path without following a final symbolic link and without waiting
 * for a FIFO's writer, and checks that it is a regular file. */
static int
open_regular (const char   *path,
              int           flags,
              struct stat  *info,
              GError      **error)
{
  int fd = g_open (path, flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ELOOP)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     "%s: a symbolic link, not a regular file", path);
      else if (saved_errno == ENXIO)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     "%s: a named pipe or a device, not a regular file", path);
      else
        set_errno_error (error, saved_errno, path);
      errno = saved_errno;
      return -1;
    }

  if (fstat (fd, info) != 0)
    {
      saved_errno = errno;
      close (fd);
      set_errno_error (error, saved_errno, path);
      errno = saved_errno;
      return -1;
    }
  if (!S_ISREG (info->st_mode))
    {
      g_set_error (error, G_IO_ERROR,
                   S_ISDIR (info->st_mode) && (flags & O_ACCMODE) != O_RDONLY
                   ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s: %s, not a regular file", path, describe_mode (info->st_mode));
      close (fd);
      errno = EINVAL;
      return -1;
    }

  return fd;
}

/**
 * soothe_state_file_read:
 * @path: the file
 * @max_bytes: the most the file may hold
 * @error: return location for an error
 *
 * Reads all of @path, if it is a regular file of at most @max_bytes. A
 * symbolic link, a folder, a FIFO or a device is refused without being
 * opened for long or read.
 *
 * Returns: (transfer full) (nullable): the contents; %NULL without @error set
 *   when there is no such file, %NULL with @error set in
 *   %G_IO_ERROR (naming @path) when it cannot be read
 */
GBytes *
soothe_state_file_read (const char  *path,
                        gsize        max_bytes,
                        GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat info;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = open_regular (path, O_RDONLY, &info, &local_error);
  if (fd < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if ((guint64) info.st_size > max_bytes)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "%s: %" G_GUINT64_FORMAT " bytes, more than the %" G_GSIZE_FORMAT
                   " this file can hold", path, (guint64) info.st_size, max_bytes);
      return NULL;
    }

  /* The size is only a hint: the file may grow while it is read. */
  contents = g_byte_array_sized_new (info.st_size);
  for (;;)
    {
      guint8 chunk[READ_CHUNK];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_errno_error (error, saved_errno, path);
          return NULL;
        }
      if (n == 0)
        break;
      if (contents->len + (gsize) n > max_bytes)
        {
          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "%s: more than the %" G_GSIZE_FORMAT " bytes this file can hold",
                       path, max_bytes);
          return NULL;
        }
      g_byte_array_append (contents, chunk, n);
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Only so that a new name survives a crash; the data is synced already. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_errno_error (error, errno, folder);
  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      written += n;
    }
  return TRUE;
}

/**
 * soothe_state_file_replace:
 * @path: the file
 * @contents: (array length=length): what it should hold
 * @length: the length of @contents in bytes
 * @error: return location for an error
 *
 * Replaces @path atomically: the new contents are written to a new file
 * beside it (mode 0600), synced, and renamed over it. The folder is made
 * (mode 0700) when missing. On failure @path is as it was and nothing is
 * left behind.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR when the file
 *   could not be written
 */
gboolean
soothe_state_file_replace (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *temporary = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!make_folder (path, error))
    return FALSE;

  temporary = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (!write_all (fd, contents, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      return set_errno_error (error, saved_errno, path);
    }
  if (close (fd) != 0 || g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return set_errno_error (error, saved_errno, path);
    }
  sync_folder (path);

  return TRUE;
}

/**
 * soothe_state_file_remove:
 * @path: the file
 * @error: return location for an error
 *
 * Removes @path; a file that is not there is fine.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR when it could
 *   not be removed
 */
gboolean
soothe_state_file_remove (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    return set_errno_error (error, errno, path);
  return TRUE;
}

/**
 * soothe_state_file_append:
 * @path: the file
 * @line: one line, ending in a newline
 * @error: return location for an error
 *
 * Adds @line to the end of @path (made with mode 0600 when missing) in one
 * write() and syncs it to disk. When a crash left the file ending inside a
 * line, a newline goes first, so that damage stays on its own line.
 *
 * Returns: %FALSE with @error set in %G_IO_ERROR when the line
 *   could not be written
 */
gboolean
soothe_state_file_append (const char  *path,
                          const char  *line,
                          GError     **error)
{
  g_autofree char *buffer = NULL;
  gboolean created;
  struct stat info;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!make_folder (path, error))
    return FALSE;

  created = !g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
  fd = open_regular (path, O_RDWR | O_APPEND | O_CREAT, &info, error);
  if (fd < 0)
    return FALSE;

  buffer = g_strdup (line);
  if (info.st_size > 0)
    {
      char last = '\n';
      gssize n;

      do
        n = pread (fd, &last, 1, info.st_size - 1);
      while (n < 0 && errno == EINTR);
      if (n == 1 && last != '\n')
        {
          g_free (buffer);
          buffer = g_strconcat ("\n", line, NULL);
        }
    }

  if (!write_all (fd, buffer, strlen (buffer)) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (error, saved_errno, path);
    }
  if (close (fd) != 0)
    return set_errno_error (error, errno, path);

  if (created)
    sync_folder (path);

  return TRUE;
}

/* Renames @from to @to unless @to exists, atomically where the file system
 * can; returns 0 or -1 with errno. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  GStatBuf info;

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;

  /* A file system without RENAME_NOREPLACE: check, then rename. */
  if (g_lstat (to, &info) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (from, to);
}

/**
 * soothe_state_file_keep_aside:
 * @path: a file that cannot be used
 * @error: return location for an error
 *
 * Renames @path (whatever it is: a file, a folder, a FIFO, a link) to
 * "@path.broken-YYYYMMDD-HHMMSS", or with "-2", "-3"… after it when that
 * name is taken, so that no file kept aside ever replaces another.
 *
 * Returns: (transfer full) (nullable): the new name, or %NULL with @error set
 *   in %G_IO_ERROR
 */
char *
soothe_state_file_keep_aside (const char  *path,
                              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint n = 1; n <= MAX_KEPT_ASIDE; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.broken-%s", path, stamp)
                                      : g_strdup_printf ("%s.broken-%s-%u", path, stamp, n);

      if (rename_no_replace (path, aside) == 0)
        {
          sync_folder (path);
          return g_steal_pointer (&aside);
        }
      if (errno != EEXIST && errno != ENOTEMPTY)
        {
          set_errno_error (error, errno, path);
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               "%s: already %d files kept aside this second", path, MAX_KEPT_ASIDE);
  return NULL;
}

/**
 * soothe_state_file_restore:
 * @path: the file
 * @max_bytes: the most the file may hold
 * @parse: checks and takes in what was read
 * @user_data: for @parse
 * @kept_as: (out) (optional) (transfer full): where a file that could not be
 *   used was kept aside, %NULL when it could not be moved
 * @error: return location for an error
 *
 * Reads @path with soothe_state_file_read() and hands it to @parse. A file
 * that cannot be read or that @parse refuses is kept aside with
 * soothe_state_file_keep_aside(), so that the next save starts afresh and
 * never overwrites it.
 *
 * Returns: %TRUE when @path was taken in or is not there; %FALSE with @error
 *   set in %G_IO_ERROR, its message starting with @path and
 *   ending with where the file was kept
 */
gboolean
soothe_state_file_restore (const char                *path,
                           gsize                      max_bytes,
                           SootheStateFileParseFunc   parse,
                           gpointer                   user_data,
                           char                     **kept_as,
                           GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) aside_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *aside;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (parse != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_as != NULL)
    *kept_as = NULL;

  contents = soothe_state_file_read (path, max_bytes, &local_error);
  if (contents == NULL && local_error == NULL)
    return TRUE;
  if (contents != NULL)
    {
      g_autoptr(GError) parse_error = NULL;

      if (parse (contents, user_data, &parse_error))
        return TRUE;
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: %s", path, parse_error != NULL ? parse_error->message : "not readable");
    }

  aside = soothe_state_file_keep_aside (path, &aside_error);
  {
    char *message = aside != NULL
                    ? g_strdup_printf ("%s; it was kept as %s", local_error->message, aside)
                    : g_strdup_printf ("%s; it could not be kept aside: %s",
                                       local_error->message, aside_error->message);

    g_free (local_error->message);
    local_error->message = message;
  }
  if (kept_as != NULL)
    *kept_as = aside;
  else
    g_free (aside);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
