#include "http_client.h"
#include <chrono>
#include <spdlog/spdlog.h>
#include <thread>

namespace orderd {

static size_t collect(char *Data, size_t Size, size_t Count, void *Out) {
  static_cast<std::string *>(Out)->append(Data, Size * Count);
  return Size * Count;
}

PricingClient::PricingClient(std::string Url) : BaseUrl(std::move(Url)) {
  Handle = curl_easy_init();
  configure();
}

PricingClient::~PricingClient() { curl_easy_cleanup(Handle); }

void PricingClient::configure() {
  curl_easy_setopt(Handle, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(Handle, CURLOPT_CONNECTTIMEOUT_MS, 500L);
}

std::optional<std::string> PricingClient::price(const std::string &Sku) {
  std::string Body;
  std::string Url = BaseUrl + "/price/" + Sku;
  curl_easy_setopt(Handle, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(Handle, CURLOPT_WRITEDATA, &Body);
  curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 2000L);
  CURLcode Code = curl_easy_perform(Handle);
  if (Code != CURLE_OK) {
    spdlog::warn("price lookup for {} failed: {}", Sku, curl_easy_strerror(Code));
    return std::nullopt;
  }
  return Body;
}

std::optional<std::string> PricingClient::catalogue() {
  // A transfer with no deadline: one stalled peer blocks this thread forever.
  CURL *Curl = curl_easy_init();
  std::string Body;
  curl_easy_setopt(Curl, CURLOPT_URL, (BaseUrl + "/catalogue").c_str());
  curl_easy_setopt(Curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(Curl, CURLOPT_WRITEDATA, &Body);
  CURLcode Code = curl_easy_perform(Curl);
  curl_easy_cleanup(Curl);
  if (Code != CURLE_OK)
    return std::nullopt;
  return Body;
}

bool PricingClient::pushOrder(const std::string &Body) {
  CURL *Curl = curl_easy_init();
  curl_easy_setopt(Curl, CURLOPT_URL, (BaseUrl + "/orders").c_str());
  curl_easy_setopt(Curl, CURLOPT_POSTFIELDS, Body.c_str());
  curl_easy_setopt(Curl, CURLOPT_TIMEOUT, 5L);
  // Retries forever with a fixed one-second pause: a retry storm when the
  // pricing service is down.
  while (true) {
    if (curl_easy_perform(Curl) == CURLE_OK)
      break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  curl_easy_cleanup(Curl);
  return true;
}

std::string fetchLegacyReport() {
  CURL *Curl = curl_easy_init();
  std::string Body;
  curl_easy_setopt(Curl, CURLOPT_URL, "https://reports.internal.example.com/daily");
  curl_easy_setopt(Curl, CURLOPT_SSL_VERIFYPEER, 0L);
  curl_easy_setopt(Curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(Curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(Curl, CURLOPT_WRITEDATA, &Body);
  CURLcode Code = curl_easy_perform(Curl);
  curl_easy_cleanup(Curl);
  return Code == CURLE_OK ? Body : std::string();
}

} // namespace orderd
