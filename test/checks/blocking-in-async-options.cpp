// RUN: %check_prodready %s prodready-blocking-in-async
// RUN: %check_prodready -check-suffix=CTX %s prodready-blocking-in-async -config="{CheckOptions: {prodready-blocking-in-async.AsyncContextFunctions: 'EventLoop::submit;register_callback'}}"
// RUN: %check_prodready -check-suffix=FN %s prodready-blocking-in-async -config="{CheckOptions: {prodready-blocking-in-async.BlockingFunctions: '@default;mylib::wait_forever;legacy_fetch'}}"
// RUN: %check_prodready -check-suffix=ONLY %s prodready-blocking-in-async -config="{CheckOptions: {prodready-blocking-in-async.BlockingFunctions: 'mylib::wait_forever'}}"
// RUN: %check_prodready -check-suffix=LOCKS %s prodready-blocking-in-async -config="{CheckOptions: {prodready-blocking-in-async.ReportMutexLocks: true}}"

// The options of prodready-blocking-in-async:
//  - AsyncContextFunctions: the handler argument of the listed functions is
//    an async context (a project's own event loop);
//  - BlockingFunctions: extensible; `@default` stands for the built-in list;
//  - ReportMutexLocks (default false): mutex acquisition inside an async
//    context.

#include <async_stubs/asio.hpp>
#include <functional>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <unistd.h>

namespace asio = boost::asio;

namespace mylib {
void wait_forever();
}
int legacy_fetch(const char *url);

class EventLoop {
public:
  void submit(std::function<void()> task);
  void run_blocking(std::function<void()> task);
};
void register_callback(void (*cb)(int));

void on_event(int fd) {
  ::sleep(1);
// CHECK-MESSAGES-CTX: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside handler passed to 'register_callback' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-CTX: :[[@LINE+8]]:21: note: async context: handler passed to 'register_callback'
}

void project_loop(EventLoop &loop) {
  loop.submit([] { ::sleep(1); });
// CHECK-MESSAGES-CTX: :[[@LINE-1]]:20: warning: blocking call to 'sleep' inside handler passed to 'submit' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-CTX: :[[@LINE-2]]:15: note: async context: handler passed to 'submit'
  loop.run_blocking([] { ::sleep(1); }); // not listed: not an async context
  register_callback(on_event);
}

asio::awaitable<void> uses_project_blocking() {
  mylib::wait_forever();
// CHECK-MESSAGES-FN: :[[@LINE-1]]:3: warning: blocking call to 'mylib::wait_forever' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-FN: :[[@LINE-3]]:23: note: async context: coroutine 'uses_project_blocking'
// CHECK-MESSAGES-ONLY: :[[@LINE-3]]:3: warning: blocking call to 'mylib::wait_forever' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-ONLY: :[[@LINE-5]]:23: note: async context: coroutine 'uses_project_blocking'
  legacy_fetch("https://example.com");
// CHECK-MESSAGES-FN: :[[@LINE-1]]:3: warning: blocking call to 'legacy_fetch' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-FN: :[[@LINE-8]]:23: note: async context: coroutine 'uses_project_blocking'
  ::sleep(1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES: :[[@LINE-11]]:23: note: async context: coroutine 'uses_project_blocking'
// CHECK-MESSAGES-CTX: :[[@LINE-3]]:3: warning: blocking call to 'sleep' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-CTX: :[[@LINE-13]]:23: note: async context: coroutine 'uses_project_blocking'
// CHECK-MESSAGES-FN: :[[@LINE-5]]:3: warning: blocking call to 'sleep' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-FN: :[[@LINE-15]]:23: note: async context: coroutine 'uses_project_blocking'
// CHECK-MESSAGES-LOCKS: :[[@LINE-7]]:3: warning: blocking call to 'sleep' inside coroutine 'uses_project_blocking' stalls the event-loop thread and starves every other task scheduled on it; use the asynchronous equivalent (timer, async_* operation, co_await) or move the work to a thread pool [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-17]]:23: note: async context: coroutine 'uses_project_blocking'
  co_return;
}

std::mutex m;
std::shared_mutex sm;
pthread_mutex_t pm;

asio::awaitable<void> locks() {
  std::lock_guard<std::mutex> guard(m);
// CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:31: warning: locking with 'std::lock_guard' inside coroutine 'locks' can block the event-loop thread while another thread holds the lock, stalling every task on that loop; keep the critical section tiny or serialise with a strand instead [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-3]]:23: note: async context: coroutine 'locks'
  std::unique_lock<std::mutex> deferred(m, std::defer_lock);
  m.lock();
// CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:3: warning: locking with 'std::mutex::lock' inside coroutine 'locks' can block the event-loop thread while another thread holds the lock, stalling every task on that loop; keep the critical section tiny or serialise with a strand instead [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-7]]:23: note: async context: coroutine 'locks'
  m.unlock();
  sm.lock_shared();
// CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:3: warning: locking with 'std::shared_mutex::lock_shared' inside coroutine 'locks' can block the event-loop thread while another thread holds the lock, stalling every task on that loop; keep the critical section tiny or serialise with a strand instead [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-11]]:23: note: async context: coroutine 'locks'
  sm.unlock_shared();
  pthread_mutex_lock(&pm);
// CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:3: warning: locking with 'pthread_mutex_lock' inside coroutine 'locks' can block the event-loop thread while another thread holds the lock, stalling every task on that loop; keep the critical section tiny or serialise with a strand instead [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-15]]:23: note: async context: coroutine 'locks'
  pthread_mutex_unlock(&pm);
  co_return;
}

void handler_lock(asio::io_context &io) {
  asio::post(io, [] { std::scoped_lock lock(m); });
// CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:40: warning: locking with 'std::scoped_lock' inside work posted with 'post' can block the event-loop thread while another thread holds the lock, stalling every task on that loop; keep the critical section tiny or serialise with a strand instead [prodready-blocking-in-async]
// CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:18: note: async context: work posted with 'post'
}

// Outside an async context a lock is never reported.
void plain_lock() { std::lock_guard<std::mutex> guard(m); }
