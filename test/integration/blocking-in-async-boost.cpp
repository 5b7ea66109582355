// REQUIRES: boost
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-blocking-in-async -- -std=c++20 -I%t --system-header-prefix=boost/ -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE -include utility

// Boost 1.74's real Asio: C++20 coroutines on asio::awaitable, completion
// handlers (lambdas, named functions, function objects, bound member
// functions), posted work, strands and bind_executor.

#include <boost/asio.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <unistd.h>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> echo(tcp::socket socket, std::future<int> config) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
    std::this_thread::sleep_for(10ms);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' inside coroutine 'echo' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-6]]:23: note: async context: coroutine 'echo'
    int c = config.get();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'std::future::get' inside coroutine 'echo' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-9]]:23: note: async context: coroutine 'echo'
    [&] { asio::write(socket, asio::buffer(data, n)); }();
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'boost::asio::write' inside a lambda invoked inside coroutine 'echo' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-12]]:23: note: async context: coroutine 'echo'
    co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
    (void)c;
  }
}

asio::awaitable<void> listener() {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), 5555});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, echo(std::move(socket), std::future<int>()), asio::detached);
    // Waiting with a timer is the non-blocking way to pause.
    asio::steady_timer timer(executor, 10ms);
    co_await timer.async_wait(asio::use_awaitable);
  }
}

void on_timer(const boost::system::error_code &ec) {
  ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside completion handler of 'async_wait' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+35]]:20: note: async context: completion handler of 'async_wait'
}

struct Resolved {
  void operator()(const boost::system::error_code &ec, tcp::resolver::results_type results) {
    usleep(100);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'usleep' inside completion handler of 'async_resolve' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+30]]:48: note: async context: completion handler of 'async_resolve'
  }
};

class Connection : public std::enable_shared_from_this<Connection> {
public:
  explicit Connection(asio::io_context &io) : socket_(io), strand_(asio::make_strand(io)) {}
  void start() {
    socket_.async_read_some(asio::buffer(buf_),
                            asio::bind_executor(strand_, std::bind(&Connection::on_read,
                                                                   shared_from_this(),
                                                                   std::placeholders::_1,
                                                                   std::placeholders::_2)));
  }
  void on_read(const boost::system::error_code &ec, std::size_t n) {
    socket_.read_some(asio::buffer(buf_));
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'boost::asio::basic_stream_socket::read_some' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-8]]:29: note: async context: completion handler of 'async_read_some'
  }

private:
  tcp::socket socket_;
  asio::strand<asio::io_context::executor_type> strand_;
  char buf_[512];
};

void run(asio::io_context &io, std::future<int> &fut) {
  asio::steady_timer timer(io, 1s);
  timer.async_wait(on_timer);
  tcp::resolver resolver(io);
  resolver.async_resolve("example.com", "443", Resolved{});
  asio::post(io, [&] { fut.wait(); });
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: blocking call to 'std::future::wait' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:18: note: async context: work posted with 'post'
  asio::io_context::strand strand(io);
  asio::post(io, strand.wrap([] { ::sleep(2); }));
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: blocking call to 'sleep' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:18: note: async context: work posted with 'post'
  asio::co_spawn(io, listener(), asio::detached);
  asio::thread_pool pool(2);
  asio::post(pool, [] { ::sleep(5); }); // a pool thread may block
  io.run();
}
