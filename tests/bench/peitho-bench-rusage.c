/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs a command and reports its wall time and peak resident set size, so
 * that the benchmark needs neither GNU time nor bash arithmetic on clocks.
 * Plain C: GLib would add nothing here. */

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int
main (int   argc,
      char *argv[])
{
  const char *out_path = NULL;
  struct timespec t0, t1;
  struct rusage usage;
  FILE *out = stdout;
  int first = 1;
  int status;
  int err;
  pid_t pid;
  double wall_ms;
  double cpu_ms;

  if (argc > 2 && strcmp (argv[1], "-o") == 0)
    {
      out_path = argv[2];
      first = 3;
    }
  if (first < argc && strcmp (argv[first], "--") == 0)
    first++;
  if (first >= argc)
    {
      fprintf (stderr, "Usage: peitho-bench-rusage [-o FILE] [--] COMMAND [ARG...]\n"
                       "Prints \"WALL_MS MAXRSS_KB CPU_MS\" of COMMAND (to FILE with -o) and exits\n"
                       "with its status.\n");
      return 2;
    }

  clock_gettime (CLOCK_MONOTONIC, &t0);
  /* posix_spawn (vfork-like in glibc) so that the child's peak RSS does not
   * start with a copy of ours. */
  err = posix_spawnp (&pid, argv[first], NULL, NULL, argv + first, environ);
  if (err != 0)
    {
      fprintf (stderr, "peitho-bench-rusage: %s: %s\n", argv[first], strerror (err));
      return 127;
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          perror ("peitho-bench-rusage: wait4");
          return 127;
        }
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);
  wall_ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;

  if (out_path != NULL && (out = fopen (out_path, "w")) == NULL)
    {
      fprintf (stderr, "peitho-bench-rusage: %s: %s\n", out_path, strerror (errno));
      return 127;
    }
  cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;

  /* Linux gives ru_maxrss in kilobytes. CPU time is printed too: on a busy
   * machine it is steadier than wall time. */
  fprintf (out, "%.1f %ld %.1f\n", wall_ms, usage.ru_maxrss, cpu_ms);
  if (out != stdout)
    fclose (out);

  if (WIFSIGNALED (status))
    {
      fprintf (stderr, "peitho-bench-rusage: %s killed by signal %d (%s)\n", argv[first],
               WTERMSIG (status), strsignal (WTERMSIG (status)));
      return 128 + WTERMSIG (status);
    }

  return WEXITSTATUS (status);
}
