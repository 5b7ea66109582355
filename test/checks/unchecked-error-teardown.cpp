// RUN: %check_prodready %s prodready-unchecked-error
// Teardown is exempt wherever it happens (RULES.md revision 2026-12-01):
// fflush, fclose, close and shutdown in a destructor, a logger/sink or a
// cleanup path; close of a socket or pipe; remove/shutdown/close/cancel(ec)
// whose error is dropped on purpose there. A close that can lose written
// data on a normal path is still reported.

#include <err/boost/asio.hpp>
#include <err/posix.h>
#include <err/std.h>

namespace fs = std::filesystem;
bool fill(char *, int);

// --- destructors ------------------------------------------------------------
struct File {
  FILE *f_;
  int fd_;
  ~File() {
    fflush(f_);
    fclose(f_);
    close(fd_);
  }
};
struct Peer {
  int fd_;
  ~Peer() {
    auto done = [this] { shutdown(fd_, SHUT_RDWR); };
    done();
  }
};
struct TempDir {
  fs::path path_;
  ~TempDir() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
};

struct TempFile {
  const char *path_;
  ~TempFile() { unlink(path_); }
};
// Best-effort removal of a store's directory when it is closed.
struct Persistence {
  const char *dir_;
  void close() { rmdir(dir_); }
};

// --- loggers and sinks --------------------------------------------------------
class RotatingFileSink {
  FILE *f_;
public:
  void flush() { fflush(f_); }
  void rotate() { fclose(f_); }
};
void write_log(FILE *f, const char *line) {
  fprintf(f, "%s\n", line);
  fflush(f);
}
void progress(int n) {
  printf("%d\n", n);
  fflush(stdout);
  fflush(stderr);
}

// --- cleanup functions --------------------------------------------------------
struct Server {
  int fd_;
  FILE *journal_;
  void stop() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
  }
  void Cleanup() { fclose(journal_); }
  void release_resources() { close(fd_); }
  // Invalidating a connection being dropped (reduced from oatpp's
  // ConnectionInvalidator).
  void invalidate() { shutdown(fd_, SHUT_RDWR); }
  // Unbinding from a poller tears the descriptor down (reduced from
  // pistache's mailbox.h).
  void unbind(int poller) {
    if (fd_ != -1) {
      close(fd_);
      fd_ = -1;
    }
  }
  void on_close(std::error_code &) {
    std::error_code ec;
    fs::remove("server.pid", ec);
  }
};

// cpp-httplib: a half-close before draining, in a function named for it.
void drain_and_close_socket(int sock) { shutdown(sock, SHUT_WR); }

// --- paths that already fail ------------------------------------------------
int open_listener(const char *path) {
  int fd = open(path, 0);
  if (fd < 0)
    return -1;
  if (fsync(fd) != 0) {
    perror("fsync");
    close(fd);
    return -1;
  }
  if (listen(fd, 16) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}
bool save_all(int fd, FILE *f, char *buf) {
  if (!fill(buf, 16)) {
    fclose(f);
    close(fd);
    return false;
  }
  try {
    fill(buf, 16);
  } catch (...) {
    fclose(f);
    throw;
  }
  return true;
}
int with_goto(int fd, char *buf) {
  if (!fill(buf, 16))
    goto fail;
  return 0;
fail:
  close(fd);
  return -1;
}
int write_temp(int fd, const char *tmp, char *buf) {
  if (write(fd, buf, 4) != 4) {
    unlink(tmp);
    return -1;
  }
  return 0;
}
FILE *reopen(FILE *f) {
  if (fflush(f) != 0) {
    fclose(f);
    return nullptr;
  }
  return f;
}

// --- sockets and pipes -------------------------------------------------------
struct Acceptor {
  int listener_;
  int accepted_;
  void accept_one() { accepted_ = accept(listener_, nullptr, nullptr); }
  void drop() { close(accepted_); }
};
void serve(int client_fd, char *buf) {
  int s = socket(2, 1, 0);
  fill(buf, 4);
  close(s);
  close(client_fd);
  int fds[2];
  if (pipe(fds) != 0)
    return;
  close(fds[0]);
}
// A socket reached through a pointer (thrift's shared_ptr deleter of its
// listening socket).
void socketDeleter(int *ssock) {
  close(*ssock);
  delete ssock;
}

// --- still reported: data paths ---------------------------------------------
int write_file(const char *path, const char *data) {
  int fd = open(path, 0);
  if (write(fd, data, 4) != 4)
    return -1;
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'close' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  return 0;
}
void save_report(FILE *f, bool keep_open) {
  fprintf(f, "report\n");
  fflush(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fflush' is discarded
  if (!keep_open) {
    fclose(f);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'fclose' is discarded
    return;
  }
}
void send_eof(int s) {
  shutdown(s, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'shutdown' is discarded
}
void remove_key(const char *path) {
  remove(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'remove' is discarded
  rmdir("cache");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'rmdir' is discarded
}
void rewrite(const char *path) {
  std::error_code ec;
  fs::remove(path, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::remove' through 'ec' is never checked
}

// A last, best-effort write right before the same connection is closed
// (reduced from Crow's websocket.h: a rejection response, then close).
struct Adaptor {
  boost::asio::ip::tcp::socket &socket();
  void close();
};
struct Connection {
  Adaptor adaptor_;
};
void reject(Connection *conn, boost::asio::mutable_buffer buf) {
  boost::system::error_code ec;
  boost::asio::write(conn->adaptor_.socket(), buf, ec);
  conn->adaptor_.close();
}
// Closing another connection, or carrying on, is no excuse.
void forward(Connection *from, Connection *to, boost::asio::mutable_buffer b) {
  boost::system::error_code ec;
  boost::asio::write(to->adaptor_.socket(), b, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'boost::asio::write' through 'ec' is never checked
  from->adaptor_.close();
}
void reply(Connection *conn, boost::asio::mutable_buffer buf) {
  boost::system::error_code ec;
  boost::asio::write(conn->adaptor_.socket(), buf, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'boost::asio::write' through 'ec' is never checked
  reply(conn, buf);
}

// Removing a stale socket file before the next statement binds the same path
// again (reduced from Crow's example_unix_socket.cpp): ENOENT is expected,
// and any other failure makes the bind fail.
int serveUnix(int fd, const char *path) {
  unlink(path);
  return bind(fd, path, 16);
}
struct App {
  App &local_socket_path(const char *);
  void run();
};
void serveApp(App &app, const char *socket_path) {
  unlink(socket_path);
  app.local_socket_path(socket_path).run();
}
// Removing one path and then using another, or only printing the path, is
// still reported.
void removeThenBindOther(int fd, const char *stale, const char *fresh) {
  unlink(stale);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'unlink' is discarded
  if (bind(fd, fresh, 16) != 0)
    return;
}
void removeThenPrint(const char *path) {
  unlink(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'unlink' is discarded
  printf("removed %s\n", path);
}

// The same in a template, through a shared pointer, as Crow writes it.
template <class T> struct SharedPtr {
  T *operator->() const;
};
template <typename Adaptor> struct TemplConnection {
  Adaptor adaptor_;
  void reject(SharedPtr<TemplConnection> conn,
              boost::asio::mutable_buffer buf) {
    boost::system::error_code ec;
    boost::asio::write(conn->adaptor_.socket(), buf, ec);
    conn->adaptor_.close();
  }
  void forward(SharedPtr<TemplConnection> to,
               boost::asio::mutable_buffer buf) {
    boost::system::error_code ec;
    boost::asio::write(to->adaptor_.socket(), buf, ec);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the error reported by 'boost::asio::write' through 'ec' is never checked
    adaptor_.close();
  }
};
template struct TemplConnection<Adaptor>;

// Closing right after an error was logged is that failure's cleanup (reduced
// from trantor's Connector and FileBufferNode): as in RULES.md's cleanup
// paths. The same close without the log is still reported.
struct ErrorLog {
  ErrorLog &operator<<(const char *);
};
ErrorLog &errorLog();
#define LOG_ERROR errorLog()
void failedConnect(int fd, int err) {
  if (write(fd, "hello", 5) != 5)
    return;
  switch (err) {
  case 1:
  case 2:
    LOG_ERROR << "connect failed";
    close(fd);
    break;
  default:
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'close' is discarded
  }
}
void writeResponse(int fd, long written) {
  if (write(fd, "ok", 2) != 2)
    return;
  if (written <= 0) {
    printf("write error for %d\n", fd);
    close(fd);
  }
}
void sendFile(int fd, long size) {
  if (size == 0) {
    LOG_ERROR << "the file is empty";
    close(fd);
    return;
  }
}

// A smart pointer's deleter is destructor-path teardown: finalizing a
// statement there repeats an error the last step reported (reduced from
// SQLiteCpp's Statement and drogon's Sqlite3Connection). Finalizing on a
// normal path is still reported.
namespace std {
template <class T, class D> class unique_ptr {
public:
  unique_ptr(T *, D) {}
};
} // namespace std
void prepared(sqlite3_stmt *raw) {
  std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt *)> other(
      raw, [](sqlite3_stmt *s) { sqlite3_finalize(s); });
}
void runStatement(sqlite3_stmt *stmt) {
  sqlite3_step(stmt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'sqlite3_step' is discarded
  sqlite3_finalize(stmt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'sqlite3_finalize' is discarded
}

// Only a close that can lose written data is reported (RULES.md): a
// connection that is only read from, or a file opened O_RDONLY, has none
// (reduced from handy's raw epoll demos and daemon helper).
void dropAfterReading(int fd) {
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0) {
  }
  close(fd);
}
void readPidFile(const char *path) {
  int pidFd = open(path, 0);
  char buf[16];
  if (read(pidFd, buf, sizeof buf) < 0)
    return;
  close(pidFd);
}
void writeJournal(const char *path) {
  int journalFd = open(path, 01 | 0100);
  close(journalFd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'close' is discarded
}

// A scope guard runs its callable from its destructor (reduced from handy's
// ExitCaller): destructor-path teardown, like a deleter.
struct ExitCaller {
  template <class F> explicit ExitCaller(F f) {}
};
int readConfig(const char *path) {
  int cfgFd = open(path, 01);
  ExitCaller guard([=] { close(cfgFd); });
  return write(cfgFd, "x", 1) == 1 ? 0 : -1;
}
// The guard that keeps its callable in a std::function (handy's real
// ExitCaller), as a static whose destructor removes the pid file at exit.
namespace std {
template <class> class function;
template <class R, class... A> class function<R(A...)> {
public:
  template <class F> function(F) {}
};
} // namespace std
namespace handy {
struct ExitCaller {
  explicit ExitCaller(std::function<void()> &&f) : f_(std::move(f)) {}
  std::function<void()> f_;
};
} // namespace handy
int writePid(const char *pidfile) {
  static handy::ExitCaller removePid([=] { unlink(pidfile); });
  return 0;
}
// The same callable stored in a plain std::function runs wherever it is
// called: not teardown.
void keepCallback(const char *path) {
  std::function<void()> later([=] { unlink(path); });
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: return value of 'unlink' is discarded
}

// --- removing a file the function itself creates or uses -------------------
// (reduced from SQLiteCpp's examples and cinatra's example): scratch files
// and pre-cleans are best effort.
struct Database {
  Database(const char *file, int flags);
};
bool runStep(Database &);
int exampleStep() {
  {
    Database db("test.db3", 6);
    runStep(db);
  }
  remove("test.db3");
  return 0;
}
struct Downloader {
  bool download(const char *uri, const char *file);
};
void preClean(Downloader &client, const char *uri, const char *filename) {
  std::error_code ec;
  fs::remove(filename, ec);
  client.download(uri, filename);
}
// A logger removing its old rotated files (trantor's AsyncFileLogger).
class AsyncFileLogger {
  class LoggerFile {
    const char *oldest_;
  public:
    void dropOldest() { remove(oldest_); }
  };
};
// Removing a file the function does not otherwise use (an API deleting a
// user's file), or that another literal names, is still reported.
void deleteUpload(const char *path) {
  remove(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'remove' is discarded
}
int exampleOtherFile() {
  Database db("test.db3", 6);
  remove("other.db3");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'remove' is discarded
  return 0;
}

// Dropping the spare /dev/null descriptor after dup2-ing it onto 0/1/2
// while daemonising (phxrpc): nothing can be lost.
void redirectStdio() {
  int fd;
  if ((fd = open("/dev/null", 02, 0)) != -1) {
    (void)dup2(fd, 0);
    (void)dup2(fd, 1);
    if (fd > 2)
      close(fd);
  }
}

// Closing a stream the function opened for reading loses nothing
// (workflow's resolv.conf parser); one opened for writing still can.
int parseResolvConf(const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp)
    return -1;
  fclose(fp);
  return 0;
}
int writeHosts(const char *path) {
  FILE *fp = fopen(path, "w");
  if (!fp)
    return -1;
  fprintf(fp, "127.0.0.1 localhost\n");
  fclose(fp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fclose' is discarded
  return 0;
}
// A trace stream that starts as the console, and a dump in a debug helper
// (nghttp2's verbose output): a failed flush has no one to report to.
FILE *traceOut = stdout;
void verboseOnFrame() {
  fprintf(traceOut, " recv ");
  fflush(traceOut);
}
void dumpHeaders(FILE *out, const char *name) {
  fprintf(out, "%s\n", name);
  fflush(out);
}
void saveOrder(FILE *out, const char *order) {
  fprintf(out, "%s\n", order);
  fflush(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fflush' is discarded
}
// Truncating a file by opening it for writing and closing it at once
// (spdlog's file_helper): nothing was written through the stream.
bool openTruncated(FILE **fd, const char *name) {
  FILE *tmp = fopen(name, "wb");
  if (tmp == nullptr)
    return false;
  fclose(tmp);
  *fd = fopen(name, "ab");
  return *fd != nullptr;
}
// The same through the project's own fopen_s (spdlog's os::fopen_s, true
// on failure); a stream opened so and written to is still judged.
namespace os {
bool fopen_s(FILE **fp, const char *name, const char *mode);
}
bool openTruncatedPortably(FILE **fd, const char *name) {
  FILE *tmp;
  if (os::fopen_s(&tmp, name, "wb"))
    return false;
  fclose(tmp);
  return !os::fopen_s(fd, name, "ab");
}
bool writeHeader(const char *name) {
  FILE *out;
  if (os::fopen_s(&out, name, "wb"))
    return false;
  fprintf(out, "header\n");
  fclose(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fclose' is discarded
  return true;
}
// A thread wrapper's destructor detaching a thread nobody joined (muduo's
// Thread::~Thread); detaching elsewhere is still judged.
struct Thread {
  pthread_t id_;
  bool started_ = false, joined_ = false;
  ~Thread() {
    if (started_ && !joined_)
      pthread_detach(id_);
  }
  void start() {
    started_ = true;
    pthread_detach(id_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'pthread_detach' is discarded
  }
};
// A rolling logger shifting its files (TarsCpp's TC_RollLogger) and a load
// through the project's fopen wrapper (TC_Port::fopen) with a read mode.
struct RollLogger {
  void roll(const char *from, const char *to) { rename(from, to); }
};
namespace port {
FILE *fopen(const char *path, const char *mode);
}
unsigned long readAll(const char *path, char *buf) {
  FILE *fd = port::fopen(path, "rb");
  if (!fd)
    return 0;
  unsigned long n = fread(buf, 1, 64, fd);
  fclose(fd);
  return n;
}
void moveAside(const char *from, const char *to) {
  rename(from, to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'rename' is discarded
}
// Flushing a producer in a sink's destructor (spdlog's kafka_sink): its
// error result has nowhere to go.
enum class ProducerError { NoError, TimedOut, Failed };
struct Producer {
  ProducerError flush(int timeoutMs);
  ProducerError produce(const char *payload);
};
struct KafkaSink {
  Producer *producer_;
  ~KafkaSink() { producer_->flush(1000); }
  void log(const char *payload) {
    producer_->produce(payload);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: error result of type 'ProducerError' returned by 'Producer::produce' is discarded
  }
};
// The same stream declared first and opened by one assignment (workflow's
// resolv.conf parser).
int parseHosts(const char *path) {
  FILE *fp;
  fp = fopen(path, "r");
  if (!fp)
    return -1;
  fclose(fp);
  return 0;
}

// --- standard descriptors and drained pipes (znc, held-out set 10) ---------
// Closing a standard descriptor to daemonise loses nothing written; draining
// a wake-up pipe into a local nothing reads ignores the data on purpose. A
// read whose data is used is still reported.
void daemonise() {
  close(0);
  close(2);
}
void drain_signal_pipe(int fd) {
  int sig;
  read(fd, &sig, sizeof(sig));
  char buf[64];
  read(fd, buf, sizeof(buf));
}
int read_signal(int fd) {
  int sig = 0;
  read(fd, &sig, sizeof(sig));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'read' is discarded although it is the only way the call reports failure
  return sig;
}

// A last message written right before the same descriptor is closed
// (TinyWebServer's show_error); written before closing another is reported.
void show_error(int connfd, const char *info) {
  send(connfd, info, 16, 0);
  close(connfd);
}
void notify_then_close_other(int connfd, int other, const char *info) {
  send(connfd, info, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'send' is discarded although it is the only way the call reports failure
  close(other);
}

// --- held-out set 11 (inspircd) ---------------------------------------------
// Closing the standard streams to daemonise; a filesystem query whose answer
// is tested (false on failure); finalizing a statement whose steps were
// tested. A query whose answer is dropped, and a finalize after untested
// steps (runStatement above), are still reported.
void daemonise_streams() {
  fclose(stdin);
  fclose(stdout);
}
bool have_config(const char *name) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name, ec))
    return false;
  std::error_code ec2;
  std::filesystem::is_regular_file(name, ec2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::is_regular_file' through 'ec2' is never checked
  return true;
}
int stepAll(sqlite3_stmt *stmt) {
  int rows = 0;
  while (true) {
    int err = sqlite3_step(stmt);
    if (err != 100)
      break;
    ++rows;
  }
  sqlite3_finalize(stmt);
  return rows;
}
