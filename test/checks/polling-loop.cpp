// RUN: %check_prodready %s prodready-polling-loop
// RUN: %check_prodready -check-suffix=OPT %s prodready-polling-loop -config="{CheckOptions: {prodready-polling-loop.SleepFunctions: 'my_nap'}}"

#include <loop/loop.h>
using namespace std::chrono_literals;

std::atomic<bool> g_ready;
bool g_flag;
bool poll_once();
void do_work();
void log_line(const char *);
void my_nap(int ms);

// The motivating case: an executor waits for its work items by polling.
struct Executor {
  std::atomic<bool> stop_;
  std::atomic<int> pending_;
  bool ready_ = false;
  bool isReady() const;
  void tick();

  void waitIdle() {
    while (pending_.load() != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'pending_.load()' by sleeping in 'std::this_thread::sleep_for' and re-checking, which wastes CPU wake-ups and delays every state change by up to a full sleep interval; wait on a condition variable, future or event notification instead [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: loop sleeps here
      std::this_thread::sleep_for(10ms);
    }
  }

  // A plain member flag, POSIX usleep.
  void waitReady() {
    while (!ready_)
      usleep(1000);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'ready_' by sleeping in 'usleep' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: loop sleeps here
  }

  // A call result (member function); logging is not real work.
  void waitMember() {
    while (!isReady()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'isReady()' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+2]]:7: note: loop sleeps here
      log_line("waiting");
      std::this_thread::sleep_for(100ms);
    }
  }

  // The exit is a `break` guarded by an atomic.
  void waitBreak() {
    for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'stop_' by sleeping in 'sleep' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: loop sleeps here
      if (stop_)
        break;
      sleep(1);
    }
  }

  // Bounded by a counter or a deadline, but still waits for a flag by polling.
  void boundedWait() {
    for (int i = 0; i < 50 && !g_ready; ++i)
      std::this_thread::sleep_for(10ms);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'g_ready' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: loop sleeps here
  }
  void deadlineWait() {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!g_ready.load() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'g_ready.load()' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: loop sleeps here
  }

  // A consumer that sleeps when the queue is empty: the sleeping path does no
  // work, so it is a polling loop (the state it waits for is poll_once()).
  void consumer() {
    while (!stop_) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'poll_once()' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+2]]:9: note: loop sleeps here
      if (!poll_once()) {
        std::this_thread::sleep_for(5ms);
        continue;
      }
      do_work();
    }
  }

  // do-while with a user-configured sleep function.
  void custom() {
    do {
    // CHECK-MESSAGES-OPT: :[[@LINE-1]]:5: warning: loop polls 'g_flag' by sleeping in 'my_nap' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES-OPT: :[[@LINE+1]]:7: note: loop sleeps here
      my_nap(10);
    } while (!g_flag);
  }

  // ---- Not polling loops ----

  // A periodic worker: real work each iteration, then sleep until the next tick.
  void worker() {
    while (!stop_.load()) {
      tick();
      std::this_thread::sleep_for(1s);
    }
  }
  void workerWithCheck() {
    while (!stop_) {
      if (poll_once())
        do_work();
      std::this_thread::sleep_for(1s);
    }
  }
  // The loop changes its own exit flag.
  void ownFlag() {
    bool done = false;
    while (!done) {
      std::this_thread::sleep_for(1ms);
      if (g_flag)
        done = true;
    }
  }
  // A delay loop that watches no state.
  void delayLoop() {
    for (int i = 0; i < 10; ++i)
      sleep(1);
  }
  void deadlineOnly() {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
  }
  // Already waits on a condition variable.
  void cvWait(std::condition_variable &cv, std::mutex &m) {
    while (!ready_) {
      std::unique_lock<std::mutex> lk(m);
      cv.wait_for(lk, 100ms);
    }
  }
  // Spinning without sleeping is not this rule's concern.
  void spin() {
    while (!g_ready)
      std::this_thread::yield();
  }
  // An endless loop without an exit.
  void forever() {
    while (true)
      sleep(60);
  }
  // The sleep is in a nested loop, not in this loop.
  void nested() {
    while (!stop_) {
      do_work();
      for (int i = 0; i < 3; ++i)
        sleep(1);
    }
  }
  // The sleep runs in a lambda, not in the loop.
  void lambda() {
    while (!stop_) {
      auto f = [] { sleep(1); };
      do_work();
    }
  }
};

// A retry loop (the loop exits when the operation succeeds) is reported by
// prodready-retry-without-backoff, never by this check.
bool try_connect();
void retry() {
  while (!try_connect())
    sleep(1);
}

// A project macro: reported at the expansion site.
#define WAIT_UNTIL(cond) while (!(cond)) usleep(1000)
void macroUse() {
  WAIT_UNTIL(g_flag);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop polls 'g_flag' by sleeping in 'usleep' and re-checking, {{.*}} [prodready-polling-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: loop sleeps here
}

// A template is reported once, at its definition, not per instantiation.
template <class T> void waitFor(const T &obj) {
  while (!obj.ready())
    std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: loop polls 'obj.ready()' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: loop sleeps here
}
struct Thing { bool ready() const; };
struct Other { bool ready() const; };
void instantiate() {
  waitFor(Thing{});
  waitFor(Other{});
}

// Regression (pulsar-client-cpp crashed the check): a call through a
// dependent callable has no name to judge; it must not crash and is not
// reported (the callable may do real work).
template <class F> void waitWith(F isDone) {
  while (!isDone())
    std::this_thread::sleep_for(1ms);
}
void useWaitWith() {
  waitWith([] { return true; });
}

// A flag set by a signal handler: a condition variable cannot be notified
// from a handler, so the message advises sigwait/signalfd/a self-pipe.
volatile sig_atomic_t g_signalled;
void onSignal(int) { g_signalled = 1; }
void waitForSignal() {
  signal(SIGTERM, onSignal);
  while (!g_signalled)
    sleep(1);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: loop polls 'g_signalled', which a signal handler sets, by sleeping in 'sleep' and re-checking, which wastes CPU wake-ups and delays the reaction to the signal by up to a full sleep interval; block in sigwait() or on a signalfd, or have the handler write to a self-pipe the loop waits on [prodready-polling-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: loop sleeps here
}
std::atomic<bool> g_quit;
void onQuit(int) { g_quit.store(true); }
void waitForQuit() {
  struct sigaction sa;
  sa.sa_handler = onQuit;
  sigaction(SIGINT, &sa, nullptr);
  while (!g_quit.load())
    usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: loop polls 'g_quit.load()', which a signal handler sets, by sleeping in 'usleep' {{.*}} self-pipe the loop waits on [prodready-polling-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: loop sleeps here
}
struct Daemon {
  std::atomic<bool> running_;
  static Daemon *instance;
  void run() {
    signal(SIGINT, [](int) { instance->running_ = false; });
    while (running_)
      sleep(1);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'running_', which a signal handler sets, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: loop sleeps here
  }
};

// Periodic work each turn (a call whose result the loop does not use) makes
// the loop a scheduler, not a poll.
namespace std {
struct ofstream {
  void flush();
};
} // namespace std
struct Connection {
  std::atomic<bool> stop_;
  bool connected_ = false;
  std::ofstream out_;
  bool CheckConnection();
  void pollEvents();
  void keepAlive() {
    while (!stop_) {
      CheckConnection();
      std::this_thread::sleep_for(5s);
    }
  }
  void flusher() {
    while (!stop_) {
      out_.flush();
      std::this_thread::sleep_for(100ms);
    }
  }
  void eventLoop() {
    while (!stop_.load()) {
      log_line("tick");
      pollEvents();
      usleep(1000);
    }
  }
  // Reading the state the loop waits for is not work: still polling.
  void waitConnected() {
    while (!connected_) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'connected_' by sleeping in 'sleep' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: loop sleeps here
      if (CheckConnection())
        break;
      sleep(1);
    }
  }
};

// Regression (redis-plus-plus redlock): try_lock() on a distributed lock is an
// operation (a retry loop, prodready-retry-without-backoff's business), not a
// read of state a condition variable could signal.
struct RedLockMutex {
  bool try_lock();
};
void lockWithDelay(RedLockMutex &mtx) {
  do {
    std::this_thread::sleep_for(5ms);
  } while (!mtx.try_lock());
}

// Regression (IXWebSocket DNS lookup): a cancellation callback that leaves the
// loop with a failure does not make it a retry; the loop polls its flag.
struct DnsLookup {
  std::atomic<bool> done_;
  std::function<bool()> isCancellationRequested;
  int wait_ = 10;
  const char *resolve() {
    while (!done_) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'done_' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: loop sleeps here
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_));
      if (isCancellationRequested())
        return nullptr;
    }
    return "ok";
  }
};

// Sleeping until a deadline read from a project clock is a timed wait, not
// polling (reduced from oatpp's RequestExecutor retry wait).
long long getMicroTickCount();
void waitBeforeRetry(long long waitMicro) {
  long long tick0 = getMicroTickCount();
  long long tick = tick0;
  while (tick < tick0 + waitMicro) {
    std::this_thread::sleep_for(std::chrono::milliseconds(tick0 + waitMicro - tick));
    tick = getMicroTickCount();
  }
}

// A periodic sender whose start-up branch waits for the connection with
// `continue` (reduced from websocketpp's telemetry client): it sleeps after
// sending on its main path, so it is a scheduler, not a poll.
struct TelemetryClient {
  bool done = false, open = false;
  void send(int count);
  void waitABit() { std::this_thread::sleep_for(1s); }
  void loop() {
    int count = 0;
    while (true) {
      if (done)
        break;
      if (!open) {
        waitABit();
        continue;
      }
      send(count++);
      waitABit();
    }
  }
  // Without the periodic send it polls 'open'.
  void waitOpen() {
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'open'
      if (open)
        break;
      waitABit();
    }
  }
};

// Finishing a sleep interrupted by a signal (phxrpc's MsSleep): errno is set
// by the sleep itself, not by another thread.
int nanosleep(const struct timespec *, struct timespec *);
int *__errno_location();
#define errno (*__errno_location())
#define EINTR 4
struct timespec {
  long tv_sec;
  long tv_nsec;
};
void msSleep(int ms) {
  timespec t{ms / 1000, (ms % 1000) * 1000000L};
  int ret = 0;
  do {
    ret = nanosleep(&t, &t);
  } while (ret == -1 && errno == EINTR);
}

// A getter that only returns a member polls the same as a const one, even
// when it is not declared const (reduced from libhv's EventLoopThread, a miss
// in held-out set 5).
class LoopStatus {
public:
  enum Kind { kNull, kRunning };
  Kind status() { return status_; }
  void setStatus(Kind s) { status_ = s; }

private:
  std::atomic<Kind> status_;
};
struct EventLoopThread {
  LoopStatus *loop_;
  void start() {
    while (loop_->status() < LoopStatus::kRunning) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop polls 'loop_->status()' by sleeping in 'std::this_thread::sleep_for'
      std::this_thread::sleep_for(1ms);
    }
  }
};

// An event loop whose poll() runs the ready handlers, inside the argument of
// its own sleep (Poco's SocketProactor::run): work each turn, a scheduler;
// the same sleep around a mere state test still polls.
struct Proactor {
  std::atomic<bool> stop_;
  std::atomic<bool> ready_;
  bool poll(int *handled);
  void sleep(bool handled);
  void run() {
    int handled = 0;
    while (!stop_)
      this->sleep(poll(&handled) || handled);
  }
  void awaitReady() {
    while (!ready_)
      this->sleep(false);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'ready_' by sleeping in 'Proactor::sleep'
  }
};
