// RUN: %check_prodready %s prodready-unchecked-error -- -I%S/Inputs/uerr-project
// The C/POSIX catalogue is matched by declaration (RULES.md revision
// 2026-12-01): the C library's function (C linkage, global namespace, a
// system header for plain words), never a project function of the same name.

#include <err/posix.h>
#include "vendored_curl.h"

// A project's own functions and methods named like POSIX ones.
struct Connection {
  int read(char *, int);
  int write(const char *);
  int close();
  int send(const char *);
  int connect(const char *);
};
int read(Connection &, char *, int);
int close(Connection &);
int write(Connection &, const char *);
namespace net {
int connect(Connection &, const char *);
int send(Connection &, const char *);
int remove(const char *);
} // namespace net
struct Registry {
  bool remove(int id);
};

void project_functions(Connection &c, Registry &r, char *buf) {
  read(c, buf, 4);
  close(c);
  write(c, "x");
  c.read(buf, 4);
  c.write("x");
  c.close();
  c.send("x");
  c.connect("host");
  net::connect(c, "host");
  net::send(c, "x");
  net::remove("x");
  r.remove(3);
  using namespace net;
  send(c, "x");
}

// The POSIX functions themselves, next to the project's overloads.
void posix_functions(int fd, char *buf) {
  read(fd, buf, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'read' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  write(fd, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'write' is discarded
  ::fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fsync' is discarded
}

// A C library's header copied into the tree: its prefixed names still count.
void vendored(CURLM *multi, int *running) {
  curl_multi_perform(multi, running);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'curl_multi_perform' is discarded
  fdatasync(3);
}
