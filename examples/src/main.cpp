#include "auth.h"
#include "http_client.h"
#include "session.h"
#include "storage.h"
#include "worker.h"
#include <csignal>
#include <cstdlib>
#include <spdlog/spdlog.h>

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  orderd::Credentials Creds = orderd::loadCredentials();
  std::string Session = orderd::login(Creds);

  orderd::OrderStore Store("/var/spool/orderd");
  orderd::PricingClient Pricing("https://pricing.internal.example.com");
  orderd::Worker Jobs;
  Jobs.startReaper();
  Jobs.startMetricsFlusher();

  boost::asio::io_context Io;
  orderd::OrderServer Server(Io, 8700);
  Server.start();
  boost::asio::signal_set Signals(Io, SIGINT, SIGTERM);
  Signals.async_wait([&](const boost::system::error_code &Error, int Signal) {
    if (!Error)
      spdlog::info("signal {} received, shutting down", Signal);
    Io.stop();
  });
  Jobs.markReady();
  Io.run();
  Jobs.stop();
  curl_global_cleanup();
  if (std::getenv("ORDERD_ABORT_ON_EXIT"))
    std::abort(); // allowed: main decides how the process ends
  return EXIT_SUCCESS;
}
