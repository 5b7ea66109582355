// RUN: %check_prodready %s prodready-blocking-in-async
// RUN: %check_prodready -check-suffix=DEPTH %s prodready-blocking-in-async -config="{CheckOptions: {prodready-blocking-in-async.MaxCallDepth: 1}}"

// Calls followed from an async context (RULES.md revision, async reach): a
// handler or coroutine that calls a project function which, up to
// MaxCallDepth functions deep, makes a blocking call is reported at the
// call, with the path as notes. The client libraries services use are
// modelled: synchronous gRPC stubs, libpqxx, hiredis, MySQL, sqlite3,
// cpp-httplib clients; password hashing is CPU-bound work.

#include <async_stubs/asio.hpp>
#include <thread>
#include <unistd.h>

namespace asio = boost::asio;
using asio::ip::tcp;

// Stand-ins for the client libraries (the real headers are exercised by
// test/integration/blocking-in-async-clients.cpp).
namespace grpc {
class ClientContext {};
class Status {
public:
  bool ok() const;
};
} // namespace grpc
struct GetUserRequest {};
struct User {};
namespace users {
class UserService {
public:
  class Stub {
  public:
    grpc::Status GetUser(grpc::ClientContext *ctx, const GetUserRequest &req,
                         User *resp);
    void AsyncGetUser(grpc::ClientContext *ctx, const GetUserRequest &req,
                      User *resp);
  };
};
} // namespace users
extern "C" {
struct redisContext;
void *redisCommand(redisContext *c, const char *format, ...);
struct MYSQL;
int mysql_query(MYSQL *mysql, const char *q);
int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt,
                      int saltlen, int iter, const void *digest, int keylen,
                      unsigned char *out);
}
namespace pqxx {
class connection {
public:
  explicit connection(const char *options);
};
class result {};
class transaction_base {
public:
  result exec(const char *query);
  void commit();
};
class work : public transaction_base {
public:
  explicit work(connection &c);
};
} // namespace pqxx

// ---- Paths through project functions ---------------------------------------

struct Backend {
  users::UserService::Stub *stub;
  redisContext *redis;
  MYSQL *db;

  User fetchUser() {
    grpc::ClientContext ctx;
    User user;
    stub->GetUser(&ctx, GetUserRequest{}, &user);
    return user;
  }
  void cache() { redisCommand(redis, "SET k v"); }
  void audit() { mysql_query(db, "INSERT INTO audit VALUES (1)"); }
  void handleRequest() {
    fetchUser();
    cache();
  }
};

// A completion handler -> handleRequest -> fetchUser -> Stub::GetUser.
void onRead(Backend &backend, tcp::socket &sock, char *buf) {
  sock.async_read_some(asio::buffer(buf, 16),
                       [&](boost::system::error_code ec, std::size_t) {
                         backend.handleRequest();
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: call to 'Backend::handleRequest' inside completion handler of 'async_read_some' reaches a blocking call ('Backend::handleRequest' -> 'Backend::fetchUser' -> 'users::UserService::Stub::GetUser'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'Backend::handleRequest' calls 'Backend::fetchUser' here
// CHECK-MESSAGES: :[[@LINE-18]]:5: note: 'Backend::fetchUser' makes the blocking call to 'users::UserService::Stub::GetUser' here
// CHECK-MESSAGES: :[[@LINE-5]]:24: note: async context: completion handler of 'async_read_some'
                         backend.audit();
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: call to 'Backend::audit' inside completion handler of 'async_read_some' reaches a blocking call ('Backend::audit' -> 'mysql_query')
// CHECK-MESSAGES: :[[@LINE-18]]:18: note: 'Backend::audit' makes the blocking call to 'mysql_query' here
// CHECK-MESSAGES: :[[@LINE-9]]:24: note: async context: completion handler of 'async_read_some'
// CHECK-MESSAGES-DEPTH: :[[@LINE-4]]:26: warning: call to 'Backend::audit' inside completion handler of 'async_read_some' reaches a blocking call ('Backend::audit' -> 'mysql_query')
                       });
}

// A coroutine opening a database connection and querying it.
void queryUser(pqxx::work &tx) { tx.exec("SELECT 1"); }
asio::awaitable<void> loadProfile() {
  pqxx::connection conn("dbname=app");
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: blocking call to 'pqxx::connection' inside coroutine 'loadProfile'
// CHECK-MESSAGES: :[[@LINE-3]]:23: note: async context: coroutine 'loadProfile'
// CHECK-MESSAGES-DEPTH: :[[@LINE-3]]:20: warning: blocking call to 'pqxx::connection' inside coroutine 'loadProfile'
  pqxx::work tx(conn);
  queryUser(tx);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'queryUser' inside coroutine 'loadProfile' reaches a blocking call ('queryUser' -> 'pqxx::work::exec')
// CHECK-MESSAGES: :[[@LINE-9]]:34: note: 'queryUser' makes the blocking call to 'pqxx::work::exec' here
// CHECK-MESSAGES: :[[@LINE-9]]:23: note: async context: coroutine 'loadProfile'
// CHECK-MESSAGES-DEPTH: :[[@LINE-4]]:3: warning: call to 'queryUser' inside coroutine 'loadProfile' reaches a blocking call
  co_return;
}

// CPU-bound work: a password hash computed on the event loop.
bool checkPassword(const char *pw, unsigned char *out) {
  return PKCS5_PBKDF2_HMAC(pw, 8, out, 16, 100000, nullptr, 32, out) == 1;
}
asio::awaitable<void> login(const char *pw, unsigned char *out) {
  checkPassword(pw, out);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'checkPassword' inside coroutine 'login' reaches CPU-bound work ('checkPassword' -> 'PKCS5_PBKDF2_HMAC'), which holds the event-loop thread for the whole computation and starves every other task scheduled on it; run it on a thread pool and resume when it is done [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-5]]:10: note: 'checkPassword' makes the blocking call to 'PKCS5_PBKDF2_HMAC' here
// CHECK-MESSAGES: :[[@LINE-4]]:23: note: async context: coroutine 'login'
// CHECK-MESSAGES-DEPTH: :[[@LINE-4]]:3: warning: call to 'checkPassword' inside coroutine 'login' reaches CPU-bound work
  PKCS5_PBKDF2_HMAC(pw, 8, out, 16, 100000, nullptr, 32, out);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CPU-bound work in 'PKCS5_PBKDF2_HMAC' inside coroutine 'login' holds the event-loop thread for the whole computation (a password hash takes tens to hundreds of milliseconds) and starves every other task scheduled on it; run it on a thread pool and resume when it is done [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-8]]:23: note: async context: coroutine 'login'
// CHECK-MESSAGES-DEPTH: :[[@LINE-3]]:3: warning: CPU-bound work in 'PKCS5_PBKDF2_HMAC'
  co_return;
}

// Four project functions deep is reached; five is past MaxCallDepth.
void level4() { ::usleep(10); }
void level3() { level4(); }
void level2() { level3(); }
void level1() { level2(); }
void level0() { level1(); }
asio::awaitable<void> deep() {
  level1();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'level1' inside coroutine 'deep' reaches a blocking call ('level1' -> 'level2' -> 'level3' -> 'level4' -> 'usleep')
// CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'level1' calls 'level2' here
// CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'level2' calls 'level3' here
// CHECK-MESSAGES: :[[@LINE-9]]:17: note: 'level3' calls 'level4' here
// CHECK-MESSAGES: :[[@LINE-11]]:17: note: 'level4' makes the blocking call to 'usleep' here
// CHECK-MESSAGES: :[[@LINE-7]]:23: note: async context: coroutine 'deep'
  level0();
  co_return;
}

// ---- Negatives ---------------------------------------------------------------

// Work handed to a thread pool or a thread is the fix, not the bug.
void offloadToPool(asio::thread_pool &pool, Backend &backend) {
  asio::post(pool, [&] { backend.handleRequest(); });
}
void spawnThread(Backend &backend) {
  std::thread([&] { backend.audit(); }).detach();
}
asio::awaitable<void> offloads(asio::thread_pool &pool, Backend &backend) {
  offloadToPool(pool, backend);
  spawnThread(backend);
  // After moving onto the pool, the rest of the coroutine runs there.
  co_await asio::post(pool, asio::use_awaitable);
  backend.audit();
  co_return;
}

// Recursion ends; a recursive function that never blocks is not reported.
int countdown(int n) { return n <= 0 ? 0 : countdown(n - 1); }
bool ping(int n);
bool pong(int n) { return n > 0 && ping(n - 1); }
bool ping(int n) { return n > 0 && pong(n - 1); }
asio::awaitable<void> recursive() {
  countdown(3);
  ping(4);
  co_return;
}

// An async stub call does not block; calling a coroutine only creates it,
// and the coroutine's own blocking calls are reported inside it.
asio::awaitable<void> sleepy() {
  ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside coroutine 'sleepy'
// CHECK-MESSAGES: :[[@LINE-3]]:23: note: async context: coroutine 'sleepy'
// CHECK-MESSAGES-DEPTH: :[[@LINE-3]]:3: warning: blocking call to 'sleep' inside coroutine 'sleepy'
  co_return;
}
void asyncLookup(users::UserService::Stub *stub) {
  grpc::ClientContext ctx;
  User user;
  stub->AsyncGetUser(&ctx, GetUserRequest{}, &user);
}
asio::awaitable<void> callsCoroutine(users::UserService::Stub *stub) {
  co_await sleepy();
  asyncLookup(stub);
  co_return;
}

// A project function that says it is asynchronous is called as it should be
// from a coroutine; whatever it does inside is judged there (reduced from
// cinatra's server start-up, which resolves its bind address).
struct Server {
  void listen() { ::usleep(1); }
  int async_start() {
    listen();
    return 0;
  }
};
asio::awaitable<void> startServer(Server &server) {
  server.async_start();
  co_return;
}

// Outside any async context, nothing is reported.
void plainThread(Backend &backend) { backend.handleRequest(); }
