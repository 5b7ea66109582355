#pragma once
#include <curl/curl.h>
#include <optional>
#include <string>

namespace orderd {

/// Talks to the pricing service over HTTPS.
class PricingClient {
public:
  explicit PricingClient(std::string BaseUrl);
  ~PricingClient();

  /// Fetches the current price of a SKU, with a deadline.
  std::optional<std::string> price(const std::string &Sku);
  /// Fetches the catalogue: no deadline (prodready: missing-timeout).
  std::optional<std::string> catalogue();
  /// Pushes an order, retrying until the service accepts it.
  bool pushOrder(const std::string &Body);

private:
  void configure();
  std::string BaseUrl;
  CURL *Handle = nullptr;
};

/// Downloads a report from the legacy reporting host.
std::string fetchLegacyReport();

} // namespace orderd
