#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace orderd {

/// Background jobs of the service.
class Worker {
public:
  void startReaper();
  void startMetricsFlusher();
  void waitUntilReady();
  void markReady();
  void stop();

private:
  std::atomic<bool> Ready{false};
  std::atomic<bool> Stopping{false};
  std::mutex Mutex;
  std::condition_variable Cv;
  std::thread Flusher;
};

} // namespace orderd
