// Against the real libstdc++ headers (no stubs involved).
// RUN: %check_prodready %s prodready-retry-without-backoff -- -std=c++17

// A consumer thread waiting for work on its own queue, which also polls its
// background jobs with a zero wait_for (i2pd's NetDb::Run, held-out set 10):
// a zero wait asks whether a future is ready and is no delay between
// attempts, so the loop is no retry with a constant delay. The same loop
// that sleeps a constant second between its attempts is one.

#include <chrono>
#include <condition_variable>
#include <future>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>

template <typename T> class Queue {
  std::mutex m_;
  std::condition_variable nonEmpty_;
  std::list<T> items_;

public:
  bool Wait(int sec, int usec) {
    std::unique_lock<std::mutex> l(m_);
    return nonEmpty_.wait_for(l, std::chrono::seconds(sec) +
                                     std::chrono::milliseconds(usec)) !=
           std::cv_status::timeout;
  }
  void GetWholeQueue(std::list<T> &out) {
    std::unique_lock<std::mutex> l(m_);
    out.swap(items_);
  }
};

void handle(int);
std::future<void> saveProfiles();

struct NetDb {
  bool running_ = true;
  Queue<int> queue_;
  std::future<void> saving_;

  void Run() {
    std::list<int> msgs;
    while (running_) {
      try {
        if (queue_.Wait(1, 0)) {
          queue_.GetWholeQueue(msgs);
          for (int m : msgs)
            handle(m);
        }
        if (!running_)
          break;
        bool isSaving = saving_.valid();
        if (isSaving && saving_.wait_for(std::chrono::seconds(0)) ==
                            std::future_status::ready) {
          saving_.get();
          isSaving = false;
        }
        if (!isSaving)
          saving_ = saveProfiles();
      } catch (std::exception &) {
      }
    }
  }

  void RunSleeping() {
    std::list<int> msgs;
    while (running_) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: retry loop around 'Queue<int>::Wait' sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so during an outage its clients hammer the recovering dependency in lockstep; back off exponentially with jitter between attempts [prodready-retry-without-backoff]
      try {
        if (queue_.Wait(1, 0)) {
          queue_.GetWholeQueue(msgs);
          for (int m : msgs)
            handle(m);
        }
        if (!running_)
          break;
        std::this_thread::sleep_for(std::chrono::seconds(1));
      } catch (std::exception &) {
      }
    }
  }
};
