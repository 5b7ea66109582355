// One side of a fork is not a library killing its caller: the parent of a
// daemonising fork exits (what daemon(3) does) and a child whose exec failed
// must _exit. Exiting on fork's own failure is still reported.
// RUN: %check_prodready %s prodready-process-exit

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int writePidFile(const char *);

int daemonStart(const char *pidfile) {
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "fork error: %d\n", pid);
    exit(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'daemonStart' kills the process without unwinding, so in-flight requests, buffered logs and resources are lost and the caller cannot report or recover; return or throw an error and let main decide how to exit [prodready-process-exit]
  }
  if (pid > 0) {
    exit(0);
  }
  setsid();
  return writePidFile(pidfile);
}

void spawn(char **argv) {
  pid_t child;
  child = vfork();
  if (child == 0) {
    execvp(argv[0], argv);
    _exit(127);
  }
}

void spawnSwitch(char **argv) {
  switch (fork()) {
  case -1:
    abort();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'abort' called in 'spawnSwitch' kills
  case 0:
    execvp(argv[0], argv);
    _exit(127);
  default:
    exit(0);
  }
}

// A value that does not come from fork: still reported.
void notFork(int pid) {
  if (pid > 0)
    exit(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'notFork' kills
}

int main() { return 0; }

// A project's assertion crashes on a broken invariant, as assert() does:
// an assertion handler and an assertion macro are not reported; a die()
// helper on an environmental failure is.
void __bad_assertion(const char *mess) {
  fputs(mess, stderr);
  abort();
}
#define SERVICE_ASSERT(cond)                                                   \
  do {                                                                         \
    if (!(cond))                                                               \
      std::abort();                                                            \
  } while (0)
#define CHECK_OR_DIE(cond)                                                     \
  do {                                                                         \
    if (!(cond))                                                               \
      exit(1);                                                                 \
  } while (0)
// CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'exit' called in macro 'CHECK_OR_DIE' (1 use in this unit, the first in 'listenOrDie') kills
int invariant(int *p) {
  SERVICE_ASSERT(p != nullptr);
  return *p;
}
// Poco's invariant checks, named check_ptr and bugcheck (Bugcheck.h).
#define lib_check_ptr(ptr)                                                     \
  do {                                                                         \
    if (!(ptr))                                                                \
      std::abort();                                                            \
  } while (0)
#define lib_bugcheck()                                                         \
  do {                                                                         \
    std::abort();                                                              \
  } while (0)
int checkedInvariant(int *p) {
  lib_check_ptr(p);
  if (*p < 0)
    lib_bugcheck();
  return *p;
}
int listenOrDie(int fd) {
  CHECK_OR_DIE(fd >= 0);
  return fd;
}
