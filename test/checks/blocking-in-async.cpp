// RUN: %check_prodready %s prodready-blocking-in-async

// The three kinds of async context (coroutine bodies, Asio handlers and
// posted work, user-listed functions: see blocking-in-async-options.cpp) and
// the blocking calls of RULES.md. Each finding carries a note that points to
// the async context.

#include <async_stubs/asio.hpp>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <mutex>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <curl/curl.h>
#include <errno.h>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

// ---- 1. Coroutine bodies ---------------------------------------------------

asio::awaitable<void> session(tcp::socket sock, std::future<int> fut) {
  char data[64];
  std::size_t n = co_await sock.async_read_some(asio::buffer(data, 64), asio::use_awaitable);
  std::this_thread::sleep_for(100ms);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-5]]:23: note: async context: coroutine 'session'
  ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-8]]:23: note: async context: coroutine 'session'
  usleep(10);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-11]]:23: note: async context: coroutine 'session'
  fut.get();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::future::get' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-14]]:23: note: async context: coroutine 'session'
  fut.wait();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::future::wait' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-17]]:23: note: async context: coroutine 'session'
  sock.read_some(asio::buffer(data, 64));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::asio::basic_stream_socket::read_some' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-20]]:23: note: async context: coroutine 'session'
  asio::read(sock, asio::buffer(data, 64));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::asio::read' inside coroutine 'session' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-23]]:23: note: async context: coroutine 'session'
  (void)n;
}

asio::awaitable<int> compute(std::shared_future<int> shared, std::condition_variable &cv,
                             std::mutex &m, std::thread &worker) {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::condition_variable::wait' inside coroutine 'compute' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-5]]:22: note: async context: coroutine 'compute'
  cv.wait_for(lock, 1s);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::condition_variable::wait_for' inside coroutine 'compute' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-8]]:22: note: async context: coroutine 'compute'
  worker.join();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::thread::join' inside coroutine 'compute' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-11]]:22: note: async context: coroutine 'compute'
  int v = shared.get();
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'std::shared_future::get' inside coroutine 'compute' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-14]]:22: note: async context: coroutine 'compute'
  system("ls");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'system' inside coroutine 'compute' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-17]]:22: note: async context: coroutine 'compute'
  co_return v;
}

asio::awaitable<void> network(tcp::resolver &resolver, asio::io_context &io, int fd,
                              CURL *curl) {
  addrinfo *info = nullptr;
  getaddrinfo("example.com", "80", nullptr, &info);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'getaddrinfo' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-5]]:23: note: async context: coroutine 'network'
  resolver.resolve("example.com", "80");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::asio::ip::basic_resolver::resolve' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-8]]:23: note: async context: coroutine 'network'
  io.run();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::asio::io_context::run' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-11]]:23: note: async context: coroutine 'network'
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'recv' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-15]]:23: note: async context: coroutine 'network'
  pollfd p{fd, POLLIN, 0};
  poll(&p, 1, -1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'poll' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-19]]:23: note: async context: coroutine 'network'
  curl_easy_perform(curl);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'curl_easy_perform' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-22]]:23: note: async context: coroutine 'network'
  std::string line;
  std::getline(std::cin, line);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::getline' inside coroutine 'network' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-26]]:23: note: async context: coroutine 'network'
  co_return;
}

// A lambda defined AND invoked inside a coroutine runs on the coroutine's
// thread.
asio::awaitable<void> with_lambdas(std::future<int> fut) {
  [&] { ::sleep(1); }();
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'sleep' inside a lambda invoked inside coroutine 'with_lambdas' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-3]]:23: note: async context: coroutine 'with_lambdas'
  auto wait_result = [&] { fut.wait(); };
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking call to 'std::future::wait' inside a lambda invoked inside coroutine 'with_lambdas' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-6]]:23: note: async context: coroutine 'with_lambdas'
  wait_result();
  std::invoke([] { usleep(5); });
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: blocking call to 'usleep' inside a lambda invoked inside coroutine 'with_lambdas' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-10]]:23: note: async context: coroutine 'with_lambdas'
  // Handed to another thread: not run in the coroutine.
  std::thread offload([] { ::sleep(1); });
  offload.detach();
  // Defined but never invoked here.
  auto later = [] { ::sleep(2); };
  (void)later;
  co_await asio::post(asio::any_io_executor{}, asio::use_awaitable);
}

// A coroutine lambda.
void spawn_lambda(asio::io_context &io) {
  asio::co_spawn(io, [&]() -> asio::awaitable<void> { ::sleep(1); co_return; }, asio::detached);
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: blocking call to 'sleep' inside function passed to 'co_spawn' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:22: note: async context: function passed to 'co_spawn'
}

// A plain function called from a coroutine is followed (RULES.md revision,
// async reach): the finding is at the call, with the path as notes. More
// path shapes are in blocking-in-async-paths.cpp.
void blocking_helper() { ::sleep(1); }
asio::awaitable<void> calls_helper() {
  blocking_helper();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'blocking_helper' inside coroutine 'calls_helper' reaches a blocking call ('blocking_helper' -> 'sleep'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-4]]:26: note: 'blocking_helper' makes the blocking call to 'sleep' here
// CHECK-MESSAGES: :[[@LINE-4]]:23: note: async context: coroutine 'calls_helper'
  co_return;
}

// Non-blocking uses in a coroutine.
asio::awaitable<void> non_blocking(std::future<int> fut, std::ifstream &file) {
  fut.wait_for(0s); // readiness poll, returns at once
  std::this_thread::sleep_for(0ms);
  std::string line;
  std::getline(file, line); // a file, not the console
  std::mutex m;
  std::lock_guard<std::mutex> guard(m); // see ReportMutexLocks
  co_await asio::post(asio::any_io_executor{}, asio::use_awaitable);
}

// A coroutine that handles would-block results (EAGAIN, a status's
// try_again(), an awaited readiness poll) calls socket functions on a
// non-blocking descriptor: they return at once (reduced from libcoro's tcp
// client and server). A coroutine that handles none still blocks.
struct IoScheduler {
  asio::awaitable<int> poll(int fd, int op, int timeoutMs);
};
struct RecvStatus {
  bool try_again() const;
  long bytes;
};
RecvStatus recvSome(int fd, char *buf, unsigned long n) {
  long r = ::recv(fd, buf, n, 0);
  return {r};
}
asio::awaitable<long> readNonBlocking(IoScheduler &sched, int fd) {
  char buf[64];
  long r = ::recv(fd, buf, sizeof buf, 0);
  if (r == -1 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
    co_await sched.poll(fd, 1, 1000);
    r = ::recv(fd, buf, sizeof buf, 0);
  }
  co_return r;
}
asio::awaitable<long> readThroughWrapper(IoScheduler &sched, int fd) {
  char buf[64];
  RecvStatus st = recvSome(fd, buf, sizeof buf);
  if (st.try_again()) {
    co_await sched.poll(fd, 1, 1000);
    st = recvSome(fd, buf, sizeof buf);
  }
  co_return st.bytes;
}
asio::awaitable<int> acceptNonBlocking(IoScheduler &sched, int fd) {
  co_await sched.poll(fd, 1, 1000);
  co_return ::accept(fd, nullptr, nullptr);
}
asio::awaitable<int> acceptBlocking(int fd) {
  co_return ::accept(fd, nullptr, nullptr);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'accept' inside coroutine 'acceptBlocking'
// CHECK-MESSAGES: :[[@LINE-3]]:22: note: async context: coroutine 'acceptBlocking'
}

// ---- 2. Asio completion handlers and posted work ---------------------------

void on_read(boost::system::error_code ec, std::size_t n) {
  ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+39]]:46: note: async context: completion handler of 'async_read_some'
}

struct ReadHandler {
  void operator()(boost::system::error_code ec, std::size_t n) {
    std::this_thread::sleep_for(1s);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+33]]:46: note: async context: completion handler of 'async_read_some'
  }
};

template <class T> struct TimerHandler {
  void operator()(boost::system::error_code ec) { usleep(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: blocking call to 'usleep' inside completion handler of 'async_wait' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+28]]:20: note: async context: completion handler of 'async_wait'
};

class Session {
public:
  void start() {
    socket_.async_read_some(asio::buffer(buf_, 8),
                            std::bind(&Session::on_data, this, std::placeholders::_1,
                                      std::placeholders::_2));
  }
  void on_data(boost::system::error_code ec, std::size_t n) {
    socket_.read_some(asio::buffer(buf_, 8));
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'boost::asio::basic_stream_socket::read_some' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-6]]:29: note: async context: completion handler of 'async_read_some'
  }
  // Not a handler: called directly.
  void helper() { ::sleep(1); }

private:
  tcp::socket socket_;
  char buf_[8];
};

void handlers(tcp::socket &sock, asio::io_context &io, std::future<int> &fut, int fd) {
  char buf[8];
  sock.async_read_some(asio::buffer(buf, 8), on_read);
  sock.async_read_some(asio::buffer(buf, 8), ReadHandler{});
  asio::steady_timer timer(io);
  timer.async_wait(TimerHandler<int>{});
  sock.async_read_some(asio::buffer(buf, 8), [&](boost::system::error_code, std::size_t) {
    fut.get();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::future::get' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-3]]:46: note: async context: completion handler of 'async_read_some'
  });
  asio::post(io, [&] { accept(fd, nullptr, nullptr); });
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: blocking call to 'accept' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:18: note: async context: work posted with 'post'
  asio::dispatch(io, [&] { ::sleep(1); });
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking call to 'sleep' inside work posted with 'dispatch' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:22: note: async context: work posted with 'dispatch'
  asio::defer(io, [&] { ::sleep(1); });
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: blocking call to 'sleep' inside work posted with 'defer' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:19: note: async context: work posted with 'defer'
  io.post([&] { ::sleep(1); });
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'sleep' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:11: note: async context: work posted with 'post'
  timer.async_wait([&](boost::system::error_code) { std::this_thread::sleep_until(std::chrono::steady_clock::now()); });
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: blocking call to 'std::this_thread::sleep_until' inside completion handler of 'async_wait' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:20: note: async context: completion handler of 'async_wait'
  asio::async_read(sock, asio::buffer(buf, 8), [&](boost::system::error_code, std::size_t) { connect(fd, nullptr, 0); });
// CHECK-MESSAGES: :[[@LINE-1]]:94: warning: blocking call to 'connect' inside completion handler of 'async_read' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:48: note: async context: completion handler of 'async_read'
  // Handlers held in a variable or std::function.
  auto handler = [&](boost::system::error_code, std::size_t) { fut.wait(); };
// CHECK-MESSAGES: :[[@LINE-1]]:64: warning: blocking call to 'std::future::wait' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+1]]:46: note: async context: completion handler of 'async_read_some'
  sock.async_read_some(asio::buffer(buf, 8), handler);
  std::function<void()> work = [&] { ::sleep(3); };
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: blocking call to 'sleep' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE+1]]:18: note: async context: work posted with 'post'
  asio::post(io, work);
  // co_spawn completion handler.
  asio::co_spawn(io, session(tcp::socket(io), std::future<int>()),
                 [&](std::exception_ptr) { ::sleep(1); });
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: blocking call to 'sleep' inside function passed to 'co_spawn' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:18: note: async context: function passed to 'co_spawn'
}

// Handlers wrapped by strands and bind_executor.
void wrapped(tcp::socket &sock, asio::io_context &io, std::future<int> &fut) {
  char buf[8];
  asio::io_context::strand strand(io);
  sock.async_read_some(asio::buffer(buf, 8), strand.wrap([&](boost::system::error_code, std::size_t) {
    fut.wait();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::future::wait' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-3]]:46: note: async context: completion handler of 'async_read_some'
  }));
  sock.async_read_some(asio::buffer(buf, 8), asio::bind_executor(strand, [&](boost::system::error_code, std::size_t) {
    ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' inside completion handler of 'async_read_some' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-3]]:46: note: async context: completion handler of 'async_read_some'
  }));
  strand.post([&] { usleep(1); });
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking call to 'usleep' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:15: note: async context: work posted with 'post'
  asio::post(asio::bind_executor(strand, [&] { ::sleep(2); }));
// CHECK-MESSAGES: :[[@LINE-1]]:48: warning: blocking call to 'sleep' inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-2]]:14: note: async context: work posted with 'post'
}

// A lambda invoked inside a handler.
void nested(asio::io_context &io) {
  asio::post(io, [&] {
    auto step = [] { ::sleep(1); };
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: blocking call to 'sleep' inside a lambda invoked inside work posted with 'post' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-3]]:18: note: async context: work posted with 'post'
    step();
  });
}

// Work posted to a thread pool runs off the event loop: the intended way to
// run blocking work.
void offloaded(asio::thread_pool &pool) {
  asio::post(pool, [] { ::sleep(10); });
  asio::post(pool.get_executor(), [] { ::sleep(10); });
}

// Not an async context: ordinary code.
void ordinary(std::future<int> &fut) {
  ::sleep(1);
  fut.get();
  std::thread t([] {});
  t.join();
}
