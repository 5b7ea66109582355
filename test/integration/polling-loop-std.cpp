// Against the real libstdc++ headers (no stubs involved).
// RUN: %check_prodready %s prodready-polling-loop -- -std=c++20
// RUN: %check_prodready -check-suffix=RETRY %s prodready-retry-without-backoff -- -std=c++20

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

class Executor {
public:
  // The motivating case: a work-item executor that polls for completion.
  void waitForCompletion() {
    while (!done_.load(std::memory_order_acquire)) {
      std::this_thread::sleep_for(50ms);
    }
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: loop polls 'done_.load(std::memory_order_acquire)' by sleeping in 'std::this_thread::sleep_for' and re-checking, which wastes CPU wake-ups and delays every state change by up to a full sleep interval; wait on a condition variable, future or event notification instead [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: loop sleeps here
  }

  void waitUntilStarted() {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!started_ && std::chrono::steady_clock::now() < deadline)
      usleep(1000);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop polls 'started_' by sleeping in 'usleep' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: loop sleeps here
  }

  // Consumer that sleeps whenever the queue is empty.
  void consume() {
    while (!stop_) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (!queue_.empty()) {
          int item = queue_.front();
          queue_.pop_front();
          handle(item);
          continue;
        }
      }
      std::this_thread::sleep_for(1ms);
    }
    // CHECK-MESSAGES: :[[@LINE-12]]:5: warning: loop polls 'stop_' by sleeping in 'std::this_thread::sleep_for' and re-checking, {{.*}} [prodready-polling-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: loop sleeps here
  }

  // Not reported: the periodic worker that does work, then sleeps a tick.
  void run() {
    while (!stop_.load()) {
      flushMetrics();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }

  // Not reported: waiting on a condition variable is the fix.
  void waitProperly() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return done_.load(); });
  }

private:
  void handle(int);
  void flushMetrics();
  std::atomic<bool> done_{false};
  std::atomic<bool> started_{false};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<int> queue_;
};
