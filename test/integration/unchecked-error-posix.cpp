// prodready-unchecked-error against the real glibc headers: the C library's
// functions are matched by declaration, teardown is exempt, and the C APIs
// added from real code (wordexp, inet_pton, getaddrinfo) are checked.
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20

#include <arpa/inet.h>
#include <cstdio>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wordexp.h>

// A project's own functions named like POSIX ones are not POSIX.
struct Stream {
  int read(char *, int);
  int close();
};
int read(Stream &, char *, int);
int close(Stream &);
namespace app {
int send(Stream &, const char *);
}

void project(Stream &s, char *buf) {
  read(s, buf, 4);
  close(s);
  s.read(buf, 4);
  s.close();
  app::send(s, "x");
}

void recall(const char *host, in_addr *addr, addrinfo **res) {
  wordexp_t words;
  wordexp("~/data", &words, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'wordexp' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  inet_pton(AF_INET, host, addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'inet_pton' is discarded although
  getaddrinfo(host, "443", nullptr, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'getaddrinfo' is discarded although
}

// Teardown: sockets, pipes, destructors, failing paths.
struct Listener {
  int fd_ = -1;
  ~Listener() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
  }
};
int connect_to(const sockaddr *sa, socklen_t len) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, sa, len) < 0) {
    close(s);
    return -1;
  }
  return s;
}
void drain(int fd, char *buf) {
  int p[2];
  if (pipe(p) != 0)
    return;
  std::fflush(stdout);
  close(p[0]);
  close(p[1]);
  // A file descriptor on a data path is still reported.
  if (write(fd, buf, 4) != 4)
    return;
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'close' is discarded although
}
