/* SPDX-License-Identifier: GPL-3.0-or-later */

/* tei-validate: the test suite's TEI All validator.
 *
 *   tei-validate FILE...         checks each file against $PEITHO_TEI_SCHEMA
 *                                (asking the validator of the test run when
 *                                $PEITHO_TEI_VALIDATOR names its socket) and
 *                                prints "FILE validates" or "FILE fails to
 *                                validate" with the messages, on standard
 *                                error; exits 1 if any file fails
 *   tei-validate --serve SOCKET  listens on SOCKET, says so in a line on
 *                                standard output, compiles the schema once and
 *                                answers every test's tei_validate_data(),
 *                                until killed or its parent ends
 *
 * libxml2 takes 10 to 20 s to compile tei_all.rng; a dozen test binaries in
 * two builds each did that, which was a third of the test suite's time. The
 * server forks a process per request after compiling, so requests run side by
 * side and none sees another's state. Its protocol, on a Unix socket: the
 * client sends the length of the document (guint64, this machine's byte order)
 * and the document; the server answers with one byte (1 valid, 0 not), the
 * length of the messages (guint32) and the messages. */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "tei-validate.h"

#define MAX_DOCUMENT (G_GUINT64_CONSTANT (1) << 31)

/* One request, in a child of the server. */
static int
answer (int fd)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (fd, FALSE);
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (fd, FALSE);
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  guint64 size;
  guint32 message_len;
  guint8 verdict;
  gsize n_read;

  if (!g_input_stream_read_all (in, &size, sizeof size, &n_read, NULL, NULL)
      || n_read != sizeof size || size > MAX_DOCUMENT)
    return 1;
  data = g_malloc (size + 1);
  if (!g_input_stream_read_all (in, data, size, &n_read, NULL, NULL) || n_read != size)
    return 1;

  verdict = tei_validate_data_here (data, size, &message) ? 1 : 0;
  message_len = (guint32) strlen (message);
  if (!g_output_stream_write_all (out, &verdict, sizeof verdict, NULL, NULL, NULL)
      || !g_output_stream_write_all (out, &message_len, sizeof message_len, NULL, NULL, NULL)
      || !g_output_stream_write_all (out, message, message_len, NULL, NULL, NULL))
    return 1;
  return 0;
}

static int
serve (const char *path)
{
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int listener;

  if (strlen (path) >= sizeof address.sun_path)
    {
      g_printerr ("tei-validate: the socket path %s is too long\n", path);
      return 2;
    }
  strcpy (address.sun_path, path);

  /* Gone with whoever started it (build-aux/peitho-test), even if killed. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (getppid () == 1)
    return 0;
  /* Children are reaped by the kernel. */
  signal (SIGCHLD, SIG_IGN);

  listener = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  unlink (path);
  if (listener < 0
      || bind (listener, (struct sockaddr *) &address, sizeof address) != 0
      || listen (listener, 128) != 0)
    {
      g_printerr ("tei-validate: cannot listen on %s: %s\n", path, g_strerror (errno));
      return 1;
    }

  /* Ready: clients that connect from now on wait in the listen queue while
   * the schema compiles. Whoever started the server reads this one line; the
   * rest goes to standard error. */
  g_print ("tei-validate: listening on %s\n", path);
  fflush (stdout);
  dup2 (STDERR_FILENO, STDOUT_FILENO);

  tei_validate_compile ();
  g_printerr ("tei-validate: serving %s on %s in %.1f s\n", g_getenv ("PEITHO_TEI_SCHEMA"), path,
           tei_validate_compile_seconds ());

  for (;;)
    {
      int connection = accept (listener, NULL, NULL);
      pid_t pid;

      if (connection < 0)
        {
          if (errno == EINTR || errno == ECONNABORTED)
            continue;
          g_printerr ("tei-validate: accept: %s\n", g_strerror (errno));
          return 1;
        }

      pid = fork ();
      if (pid == 0)
        {
          close (listener);
          _exit (answer (connection));
        }
      if (pid < 0)
        g_printerr ("tei-validate: fork: %s\n", g_strerror (errno));
      close (connection);
    }
}

int
main (int    argc,
      char **argv)
{
  int status = 0;

  if (g_getenv ("PEITHO_TEI_SCHEMA") == NULL)
    {
      g_printerr ("tei-validate: set PEITHO_TEI_SCHEMA to tei_all.rng\n");
      return 2;
    }

  if (argc == 3 && strcmp (argv[1], "--serve") == 0)
    {
      /* The server must not ask itself. */
      g_unsetenv ("PEITHO_TEI_VALIDATOR");
      return serve (argv[2]);
    }

  if (argc < 2 || argv[1][0] == '-')
    {
      g_printerr ("Usage: tei-validate FILE...\n"
                  "       tei-validate --serve SOCKET\n");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &data, &length, &error))
        {
          g_printerr ("tei-validate: %s\n", error->message);
          status = 1;
        }
      else if (tei_validate_data (data, length, &message))
        g_printerr ("%s validates\n", argv[i]);
      else
        {
          g_printerr ("%s fails to validate\n%s\n", argv[i], message);
          status = 1;
        }
    }
  return status;
}
