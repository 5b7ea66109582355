#include "worker.h"
#include <chrono>
#include <spdlog/spdlog.h>

namespace orderd {

static void reapExpiredOrders() { spdlog::debug("reaping expired orders"); }
static void flushMetrics() { spdlog::debug("flushing metrics"); }

void Worker::startReaper() {
  // Detached: in-flight reaping is lost at shutdown.
  std::thread([] { reapExpiredOrders(); }).detach();
}

void Worker::startMetricsFlusher() {
  // A periodic job: it does real work every tick, then sleeps. Fine.
  Flusher = std::thread([this] {
    while (!Stopping) {
      flushMetrics();
      std::this_thread::sleep_for(std::chrono::seconds(10));
    }
  });
}

void Worker::waitUntilReady() {
  // Polls a flag another thread sets: should wait on the condition variable.
  while (!Ready) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void Worker::markReady() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Ready = true;
  }
  Cv.notify_all();
}

void Worker::stop() {
  Stopping = true;
  if (Flusher.joinable())
    Flusher.join();
}

} // namespace orderd
