// RUN: %check_prodready %s prodready-unchecked-error

#include <err/absl.h>
#include <err/boost/asio.hpp>
#include <err/others.h>
#include <err/posix.h>
#include <err/std.h>

namespace fs = std::filesystem;
namespace leveldb {
class Status {
public:
  bool ok() const;
};
struct DB {
  Status Put(const char *key, const char *value);
  Status &last_status();
};
} // namespace leveldb
struct [[nodiscard]] Result { bool ok; };
Result parse(const char *);
std::error_code make_ec();
// A project connection whose cancel() returns its socket's cancel(ec) error
// (reduced from cpprestsdk's asio_connection); close() is still judged.
struct PooledConnection {
  std::error_code cancel();
  std::error_code close();
};
std::error_condition condition();
std::expected<int, std::error_code> load(int);
tl::expected<int, int> tl_load();
folly::Expected<int, int> folly_load();
boost::system::error_code boost_op();
boost::outcome_v2::result<int> outcome_op();
absl::Status absl_op();
absl::StatusOr<int> absl_value();
grpc::Status grpc_op();
struct Widget {};
Widget make_widget();
int compute();

// --- 1. discarded error-carrying results ------------------------------------

void discarded(leveldb::DB *db, int fd, FILE *f) {
  db->Put("k", "v");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: error result of type 'leveldb::Status' returned by 'leveldb::DB::Put' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  make_ec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::error_code' returned by 'make_ec' is discarded
  PooledConnection pooled;
  pooled.cancel();
  pooled.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: error result of type 'std::error_code' returned by 'PooledConnection::close' is discarded
  condition();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::error_condition' returned by 'condition' is discarded
  load(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::expected<int, std::error_code>' returned by 'load' is discarded
  tl_load();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'tl::expected<int, int>' returned by 'tl_load' is discarded
  folly_load();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'folly::Expected<int, int>' returned by 'folly_load' is discarded
  boost_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'boost::system::error_code' returned by 'boost_op' is discarded
  outcome_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'boost::outcome_v2::result<int>' returned by 'outcome_op' is discarded
  absl_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
  absl_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'absl::StatusOr<int>' returned by 'absl_value' is discarded
  grpc_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'grpc::Status' returned by 'grpc_op' is discarded
  CoInitialize(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'HRESULT' returned by 'CoInitialize' is discarded
  // A [[nodiscard]] type still counts (the compiler warning is easy to turn off).
  parse("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'Result' returned by 'parse' is discarded

  // C/POSIX functions whose return value is the only error channel.
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'close' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  write(fd, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'write' is discarded
  fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fsync' is discarded
  rename("a", "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'rename' is discarded
  fclose(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fclose' is discarded
  setuid(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'setuid' is discarded
  pthread_t t;
  pthread_create(&t, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'pthread_create' is discarded
  sqlite3_exec(nullptr, "x", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'sqlite3_exec' is discarded
  curl_easy_perform(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'curl_easy_perform' is discarded
  SSL_write(nullptr, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'SSL_write' is discarded
  EVP_DigestFinal_ex(nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'EVP_DigestFinal_ex' is discarded
  EVP_EncryptFinal_ex(nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'EVP_EncryptFinal_ex' is discarded
  RAND_bytes(nullptr, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'RAND_bytes' is discarded
}

// Discarded in a comma operand, a `for` increment, a branch, a loop body.
void positions(int fd, bool b) {
  for (int i = 0; i < 3; ++i, close(fd))
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: return value of 'close' is discarded
    absl_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
  for (;; absl_op())
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
    break;
  make_ec(), compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::error_code' returned by 'make_ec' is discarded
  if (b)
    fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'fsync' is discarded
  else
    b ? absl_op() : absl_op();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
  while (b)
    unlink("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'unlink' is discarded
  switch (fd) {
  case 1:
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: return value of 'close' is discarded
    break;
  }
}

// A project macro is reported at its expansion site.
#define SAVE(db) (db)->Put("k", "v")
void macro(leveldb::DB *db) {
  SAVE(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'leveldb::Status' returned by 'leveldb::DB::Put' is discarded
}

// Templates: reported once, at the template's code.
template <class T> void generic(T *db) { absl_op(); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: error result of type 'absl::Status' returned by 'absl_op' is discarded
void instantiate(leveldb::DB *db, int *p) { generic(db); generic(p); }

// An explicit (void) cast documents a decision (see
// unchecked-error-options.cpp for ReportVoidCasts).
void void_casts(leveldb::DB *db, int fd) {
  (void)db->Put("k", "v");
  static_cast<void>(close(fd));
  (void)make_ec();
}

// Negatives: results that are used, non-error types, non-C functions named
// like a checked function, references returned, assignments.
struct File { int close(); int write(const char *); };
leveldb::Status propagate(leveldb::DB *db) { return db->Put("k", "v"); }
void negatives(leveldb::DB *db, int fd, File &file) {
  leveldb::Status s = db->Put("k", "v");
  if (!s.ok())
    return;
  if (close(fd) != 0)
    return;
  auto r = load(2);
  int n = compute();
  compute();
  make_widget();
  file.close();
  file.write("x");
  db->last_status();
  absl::Status st;
  st = absl_op();
  st.Update(absl_op());
  printf("%d\n", n);
  fprintf(nullptr, "x");
  EVP_DigestUpdate(nullptr, nullptr, 0);
  fs::path p("x");
  fs::remove(p);
  std::optional<int> o;
  o.emplace(3);
}

// --- 2. error_code out-parameters never looked at ---------------------------

using boost::asio::ip::tcp;
void out_params(tcp::socket &sock, boost::asio::mutable_buffer buf) {
  std::error_code ec;
  fs::create_directories("data", ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::create_directories' through 'ec' is never checked, so a failure goes unnoticed in production; test 'ec' and handle or log the error [prodready-unchecked-error]
  boost::system::error_code bec;
  sock.read_some(buf, bec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the error reported by 'boost::asio::ip::tcp::socket::read_some' through 'bec' is never checked
  boost::asio::write(sock, buf, bec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'boost::asio::write' through 'bec' is never checked
  std::error_code ec2;
  fs::directory_iterator it("dir", ec2);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the error reported by 'std::filesystem::directory_iterator' through 'ec2' is never checked
  // Overwritten before it is read: the first error is lost.
  std::error_code ec3;
  fs::rename("a", "b", ec3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::rename' through 'ec3' is never checked
  ec3.clear();
}

// Teardown calls whose error is routinely dropped are exempt
// (IgnoredOutParamFunctions), and so is an error that is looked at.
void out_params_ok(tcp::socket &sock, tcp::acceptor &acc, boost::asio::mutable_buffer buf) {
  boost::system::error_code ignored;
  sock.shutdown(tcp::socket::shutdown_both, ignored);
  sock.close(ignored);
  sock.cancel(ignored);
  acc.close(ignored);
  // A timer's expires_*(ec) only reports failing to cancel pending waits
  // (reduced from socket.io-client-cpp's reconnect and ping timers).
  boost::asio::steady_timer timer(*static_cast<boost::asio::io_context *>(nullptr));
  timer.expires_from_now(boost::asio::steady_timer::duration(), ignored);
  timer.expires_after(boost::asio::steady_timer::duration(), ignored);

  std::error_code ec;
  fs::remove("x", ec);
  if (ec)
    return;
  std::error_code ec2;
  fs::rename("a", "b", ec2);
  if (ec2.value() != 0)
    printf("%s\n", ec2.message());
  boost::system::error_code bec;
  std::size_t n = sock.read_some(buf, bec);
  if (bec == boost::asio::error::operation_aborted)
    return;
  std::error_code loop_ec;
  for (int i = 0; i < 3; ++i) {
    if (loop_ec)
      break;
    fs::remove("x", loop_ec);
  }
}
std::error_code returned() {
  std::error_code ec;
  fs::remove("x", ec);
  return ec;
}
void report(const std::error_code &);
void passed_on() {
  std::error_code ec;
  fs::remove("x", ec);
  report(ec);
}
void captured(tcp::socket &sock) {
  std::error_code ec;
  fs::remove("x", ec);
  auto check = [&] { return !!ec; };
  check();
}
// An error_code parameter belongs to the caller.
void forwards(std::error_code &ec) { fs::remove("x", ec); }

// --- 3. Asio completion handlers that ignore the error ---------------------

void consume(std::size_t);
void start_read(tcp::socket &);
struct Session {
  tcp::socket sock;
  boost::asio::steady_timer timer;
  boost::asio::mutable_buffer buf;
  void on_read(const boost::system::error_code &ec, std::size_t n);
  void on_write(const boost::system::error_code &ec, std::size_t n);
  void handlers(tcp::acceptor &acc) {
    sock.async_read_some(buf, [this](const boost::system::error_code &, std::size_t n) {
      // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: completion handler passed to 'boost::asio::ip::tcp::socket::async_read_some' never reads its error_code parameter but still acts on the result, so after a failure or cancellation (operation_aborted at shutdown) it proceeds as if the operation had succeeded; check the error first and return or log [prodready-unchecked-error]
      consume(n);
    });
    timer.async_wait([this](boost::system::error_code ec) {
      // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: completion handler passed to 'boost::asio::steady_timer::async_wait' never reads its error_code parameter 'ec' but still acts on the result
      start_read(sock);
    });
    boost::asio::async_write(sock, buf, [](const boost::system::error_code &, std::size_t) {
      // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: completion handler passed to 'boost::asio::async_write' never reads its error_code parameter but still
      consume(0);
    });
    // A member function named as the handler.
    boost::asio::async_write(sock, buf, [this](const boost::system::error_code &e, std::size_t n) { on_write(e, n); });
    sock.async_read_some(buf, &Session::on_read);

    // Negatives: the error is checked; the handler only logs; the handler
    // is empty.
    sock.async_read_some(buf, [this](const boost::system::error_code &ec, std::size_t n) {
      if (ec)
        return;
      consume(n);
    });
    timer.async_wait([](const boost::system::error_code &) { printf("tick\n"); });
    acc.async_accept(sock, [](const boost::system::error_code &) {});
    sock.async_connect(tcp::endpoint(), [](boost::system::error_code ec) {
      if (!ec)
        consume(1);
    });
  }
};
void Session::on_read(const boost::system::error_code &ec, std::size_t n) {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: completion handler passed to 'boost::asio::ip::tcp::socket::async_read_some' never reads its error_code parameter 'ec' but still
  consume(n);
}
void Session::on_write(const boost::system::error_code &ec, std::size_t n) {
  if (ec)
    return;
  consume(n);
}

// --- regressions from real code --------------------------------------------

// ccache: `if (ec) return tl::unexpected(ec);` -- a forwarding reference that
// deduces error_code& is not an error out-parameter.
template <class E> struct Unexpected {
  template <class U> explicit Unexpected(U &&);
};
template <class E> Unexpected(E) -> Unexpected<E>;
template <class... A> void forward_all(A &&...);
Unexpected<std::error_code> wrap_error() {
  std::error_code ec;
  fs::rename("a", "b", ec);
  if (ec)
    return Unexpected(ec);
  forward_all(ec);
  return Unexpected(std::error_code());
}

// Dependent calls and handlers in templates (Crow, Beast) are judged in the
// instantiation and reported once.
template <class Db> void dependent_put(Db &db) {
  db.Put("k", "v");
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: error result of type 'leveldb::Status' returned by 'leveldb::DB::Put' is discarded
}
template <class Socket> struct Server {
  Socket sock;
  boost::asio::mutable_buffer buf;
  void read() {
    sock.async_read_some(buf, [this](const boost::system::error_code &, std::size_t n) { consume(n); });
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: completion handler passed to 'boost::asio::ip::tcp::socket::async_read_some' never reads its error_code parameter but still acts on the result
  }
};
void instantiate_dependent(leveldb::DB &db, Server<tcp::socket> &a, Server<tcp::socket> &b) {
  dependent_put(db);
  a.read();
}
