// REQUIRES: boost, grpcpp, hiredis, mysql, pqxx
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/grpcpp %t/grpcpp && ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-blocking-in-async -- -std=c++20 -I%t --system-header-prefix=grpcpp/ --system-header-prefix=boost/ -isystem /usr/include/mariadb -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE -include utility

// The client-library models of prodready-blocking-in-async against the real
// Debian headers: Boost.Asio coroutines and handlers, gRPC's synchronous
// stub (the shape protoc's grpc plugin writes), libpqxx, hiredis and the
// MariaDB C API, followed through project functions.

#include <boost/asio.hpp>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/async_unary_call.h>
#include <hiredis/hiredis.h>
#include <mysql.h>
#include <pqxx/pqxx>
#include <memory>

namespace asio = boost::asio;

namespace users {
class GetUserRequest {};
class User {};
class UserService final {
public:
  class Stub final {
  public:
    explicit Stub(const std::shared_ptr<::grpc::ChannelInterface> &channel);
    ::grpc::Status GetUser(::grpc::ClientContext *context,
                           const GetUserRequest &request, User *response);
    std::unique_ptr<::grpc::ClientAsyncResponseReader<User>>
    AsyncGetUser(::grpc::ClientContext *context, const GetUserRequest &request,
                 ::grpc::CompletionQueue *cq);
  };
};
} // namespace users

struct Handlers {
  users::UserService::Stub *stub;
  redisContext *redis;
  MYSQL *db;

  users::User lookup() {
    ::grpc::ClientContext ctx;
    users::User user;
    ::grpc::Status status = stub->GetUser(&ctx, users::GetUserRequest{}, &user);
    return status.ok() ? user : users::User{};
  }
  void remember() {
    redisReply *reply = static_cast<redisReply *>(redisCommand(redis, "INCR hits"));
    freeReplyObject(reply);
  }
  int record() { return mysql_query(db, "INSERT INTO hits VALUES (1)"); }
  void handleRequest() {
    lookup();
    remember();
  }
};

void onAccept(asio::ip::tcp::acceptor &acceptor, Handlers &h) {
  acceptor.async_accept([&](boost::system::error_code ec,
                            asio::ip::tcp::socket) {
    h.handleRequest();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'Handlers::handleRequest' inside completion handler of 'async_accept' reaches a blocking call ('Handlers::handleRequest' -> 'Handlers::lookup' -> 'users::UserService::Stub::GetUser'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
    // CHECK-MESSAGES: :[[@LINE-10]]:5: note: 'Handlers::handleRequest' calls 'Handlers::lookup' here
    // CHECK-MESSAGES: :[[@LINE-20]]:29: note: 'Handlers::lookup' makes the blocking call to 'users::UserService::Stub::GetUser' here
    // CHECK-MESSAGES: :[[@LINE-6]]:25: note: async context: completion handler of 'async_accept'
    if (h.record() != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'Handlers::record' inside completion handler of 'async_accept' reaches a blocking call ('Handlers::record' -> 'mysql_query')
    // CHECK-MESSAGES: :[[@LINE-17]]:25: note: 'Handlers::record' makes the blocking call to 'mysql_query' here
    // CHECK-MESSAGES: :[[@LINE-10]]:25: note: async context: completion handler of 'async_accept'
      return;
    redisContext *c = redisConnect("127.0.0.1", 6379);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: blocking call to 'redisConnect' inside completion handler of 'async_accept'
    // CHECK-MESSAGES: :[[@LINE-14]]:25: note: async context: completion handler of 'async_accept'
    redisFree(c);
  });
}

asio::awaitable<void> report(std::string dsn) {
  pqxx::connection conn(dsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: blocking call to 'pqxx::basic_connection_base' inside coroutine 'report'
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: async context: coroutine 'report'
  pqxx::work tx(conn);
  tx.exec("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'pqxx::transaction::exec' inside coroutine 'report'
  // CHECK-MESSAGES: :[[@LINE-7]]:23: note: async context: coroutine 'report'
  tx.commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'pqxx::transaction::commit' inside coroutine 'report'
  // CHECK-MESSAGES: :[[@LINE-10]]:23: note: async context: coroutine 'report'
  co_return;
}

// The asynchronous stub call and work handed to a thread pool are fine.
asio::awaitable<void> asyncOnly(users::UserService::Stub *stub,
                                ::grpc::CompletionQueue *cq,
                                asio::thread_pool &pool, Handlers &h) {
  ::grpc::ClientContext ctx;
  auto reader = stub->AsyncGetUser(&ctx, users::GetUserRequest{}, cq);
  asio::post(pool, [&] { h.handleRequest(); });
  co_return;
}
