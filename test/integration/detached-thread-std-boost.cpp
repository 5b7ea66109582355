// REQUIRES: boost
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-detached-thread -- -std=c++20 -I%t --system-header-prefix=boost/

// libstdc++'s std::thread / std::jthread, glibc's pthreads and Boost.Thread's
// boost::thread (real headers).

#include <boost/thread/thread.hpp>
#include <pthread.h>
#include <thread>
#include <vector>

void handle(int fd);
int next_client();
void *worker(void *);

void fire_and_forget(int fd) {
  std::thread(handle, fd).detach();
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  boost::thread t(handle, fd);
  t.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
}

void accept_loop(const bool &stopping) {
  while (!stopping) {
    int fd = next_client();
    std::jthread session(handle, fd); // joined when the iteration ends
    std::thread(handle, fd).detach();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a new 'std::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
// CHECK-MESSAGES: :[[@LINE-2]]:29: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
    std::thread per_client(handle, fd);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'std::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
    per_client.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  }
}

void server_loop(const bool &stopping) {
  std::vector<boost::thread> sessions;
  while (!stopping)
    sessions.emplace_back(handle, next_client());
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a new 'boost::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
}

void start_detached() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_attr_setdetachstate' makes the thread unjoinable, so it cannot be waited for at shutdown and its in-flight work is lost; keep threads joinable and join them on shutdown, or use a thread pool [prodready-detached-thread]
  pthread_t tid;
  pthread_create(&tid, &attr, worker, nullptr);
}

void fixed_pool(unsigned n) {
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < n; ++i)
    pool.emplace_back(handle, static_cast<int>(i));
  for (auto &t : pool)
    t.join();
}
