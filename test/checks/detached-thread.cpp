// RUN: %check_prodready %s prodready-detached-thread

// std::thread::detach / pthread_detach / PTHREAD_CREATE_DETACHED, and a
// thread started on every iteration of a loop without a bound.

#include <pthread.h>
#include <thread>
#include <vector>

void work(int);
int accept_connection();
void *run(void *);

void detaching() {
  std::thread t(work, 1);
  t.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  std::thread(work, 2).detach();
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  std::jthread j(work, 3);
  j.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::jthread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  std::thread *p = new std::thread(work, 4);
  p->detach();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
}

void posix_detaching() {
  pthread_t tid;
  pthread_create(&tid, nullptr, run, nullptr);
  pthread_detach(tid);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_detach' makes the thread unjoinable, so it cannot be waited for at shutdown and its in-flight work is lost; keep threads joinable and join them on shutdown, or use a thread pool [prodready-detached-thread]
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_attr_setdetachstate' makes the thread unjoinable, so it cannot be waited for at shutdown and its in-flight work is lost; keep threads joinable and join them on shutdown, or use a thread pool [prodready-detached-thread]
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
}

// Joined threads are fine.
void joined() {
  std::thread t(work, 1);
  t.join();
}

// Thread per request: a loop with no bound starts a thread per iteration.
void serve(bool &running) {
  while (running) {
    int fd = accept_connection();
    std::thread handler(work, fd);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'std::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
    handler.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::thread::detach' leaves the thread unowned, so it cannot be joined at shutdown and its in-flight work is lost or races with static destruction; keep the thread object and join it on shutdown (or use std::jthread or a thread pool) [prodready-detached-thread]
  }
}

void serve_forever(std::vector<std::thread> &threads) {
  for (;;) {
    int fd = accept_connection();
    threads.emplace_back(work, fd);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a new 'std::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
  }
}

void serve_posix(volatile bool &stop) {
  pthread_t tid;
  while (!stop)
    pthread_create(&tid, nullptr, run, nullptr);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a new POSIX thread is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
}

void serve_nested(bool &running, int batch) {
  while (running) {
    for (int i = 0; i < batch; ++i)
      std::thread(work, i).join(); // joined in the same iteration
    std::vector<std::thread> group;
    for (int i = 0; i < batch; ++i)
      group.push_back(std::thread(work, i)); // joined below, same iteration
    for (auto &t : group)
      t.join();
  }
}

// Bounded inner loop, unbounded outer loop, never joined inside it.
void serve_batches(bool &running, int batch, std::vector<std::thread> &all) {
  while (running) {
    for (int i = 0; i < batch; ++i)
      all.push_back(std::thread(work, i));
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'std::thread' is started on every iteration of a loop with no bound, so load creates threads without limit (thread per request) until the process runs out of memory or thread ids; hand the work to a bounded thread pool or queue [prodready-detached-thread]
  }
}

// Bounded loops start a fixed number of threads: a pool, not thread per
// request.
void start_pool(int n, std::vector<std::thread> &pool, const std::vector<int> &shards) {
  for (int i = 0; i < n; ++i)
    pool.emplace_back(work, i);
  for (int shard : shards)
    pool.emplace_back(work, shard);
  int started = 0;
  while (started < n) {
    pool.push_back(std::thread(work, started));
    ++started;
  }
  for (auto &t : pool)
    t.join();
}

// A thread joined in the same iteration does not accumulate.
void one_at_a_time(bool &running) {
  while (running) {
    std::thread t(work, 0);
    t.join();
  }
}

// A local std::jthread joins when the iteration ends.
void scoped_sessions(bool &running) {
  while (running) {
    std::jthread session(work, accept_connection());
  }
}

// Moving threads around is not starting them.
void move_threads(std::vector<std::thread> &from, std::vector<std::thread> &to, bool &more) {
  while (more) {
    std::thread t(std::move(from.back()));
    from.pop_back();
    to.emplace_back(std::move(t));
  }
}

// Admission control bounds the threads (reduced from IXWebSocket's
// SocketServer::run): the iteration is left while the count of live
// connections is at its limit, before the thread is started.
struct Server {
  std::size_t maxConnections;
  std::vector<std::thread> connections;
  std::size_t connectedClientsCount();
  void close_fd(int);
  void serveLimited(bool &running) {
    while (running) {
      int fd = accept_connection();
      if (fd < 0)
        continue;
      if (connectedClientsCount() >= maxConnections) {
        close_fd(fd);
        continue;
      }
      connections.push_back(std::thread(work, fd));
    }
  }
  void serveUpToHundred(bool &running) {
    while (running) {
      if (connections.size() == 100)
        break;
      connections.emplace_back(work, accept_connection());
    }
  }
  // A result checked against zero is not a limit; a limit that does not
  // leave the iteration does not bound it.
  void serveChecksResultOnly(bool &running) {
    while (running) {
      int fd = accept_connection();
      if (fd <= 0)
        continue;
      connections.push_back(std::thread(work, fd));
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: a new 'std::thread' is started on every iteration of a loop with no bound
    }
  }
  void serveWarnsOnly(bool &running) {
    while (running) {
      if (connections.size() >= maxConnections)
        close_fd(-1);
      connections.emplace_back(work, accept_connection());
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a new 'std::thread' is started on every iteration of a loop with no bound
    }
  }
};

// Filling a pool up to its configured size is bounded by a member counter
// (reduced from tacopie's thread_pool::set_nb_threads).
struct Pool {
  std::vector<std::thread> workers;
  std::size_t running = 0, max_threads = 4;
  void grow() {
    while (running < max_threads) {
      ++running;
      workers.push_back(std::thread(work, 0));
    }
  }
  // A member that the loop never counts does not bound it.
  bool accepting = true;
  void serveWhileAccepting() {
    while (accepting)
      workers.push_back(std::thread(work, accept_connection()));
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: a new 'std::thread' is started on every iteration of a loop with no bound
  }
};

// A class's own detach() that detaches the thread it wraps forwards its
// caller's choice (oatpp's executor workers): the caller opted in.
class Worker {
  std::thread m_thread;

public:
  void join() { m_thread.join(); }
  void detach() { m_thread.detach(); }
  void startAndForget() {
    m_thread.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::thread::detach' leaves the thread unowned
  }
};
// So does a thread started detached because the caller asked for it
// (thrift's Thread::start, detached_ set through its factory); a flag that
// says something else is no such choice.
class OptionalThread {
  std::thread *thread_ = nullptr;
  bool detached_ = false;
  bool quiet_ = false;

public:
  explicit OptionalThread(bool detached) : detached_(detached) {}
  void start(void (*fn)()) {
    thread_ = new std::thread(fn);
    if (detached_)
      thread_->detach();
  }
  void startQuietly(void (*fn)()) {
    thread_ = new std::thread(fn);
    if (quiet_) {
      thread_->detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::thread::detach' leaves the thread unowned
    }
  }
};

// A pool that counts the threads it detaches and waits in its destructor
// until they are gone owns them (znc's CThreadPool, held-out set 10); a class
// whose destructor does not wait still leaves them unowned.
#include <condition_variable>
#include <mutex>
class CountingPool {
  std::mutex m_;
  std::condition_variable done_;
  int threads_ = 0;
  void run();
public:
  ~CountingPool() {
    std::unique_lock<std::mutex> lock(m_);
    while (threads_ > 0)
      done_.wait(lock);
  }
  void start() {
    ++threads_;
    std::thread([this] { run(); }).detach();
  }
};
class Forgetful {
  void run();
public:
  ~Forgetful() {}
  void start() {
    std::thread([this] { run(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'std::thread::detach' leaves the thread unowned
  }
};

// The other branch of a join: the caller chose not to wait (served's
// server::run(n_threads, block)).
void run_threads(std::vector<std::thread> &threads, bool block) {
  for (auto &t : threads) {
    if (block) {
      if (t.joinable())
        t.join();
    } else {
      t.detach();
    }
  }
}
