// Against the real libcurl and libstdc++ headers. The stub curl/curl.h in
// the default -isystem directory would shadow <curl/curl.h>, so the real
// header is named by its multiarch path.
// REQUIRES: curl
// RUN: %check_prodready %s prodready-retry-without-backoff -- -std=c++20
// RUN: %check_prodready -check-suffix=POLL %s prodready-polling-loop -- -std=c++20

#include <x86_64-linux-gnu/curl/curl.h>
#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

bool download(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  CURLcode rc;
  while ((rc = curl_easy_perform(h)) != CURLE_OK) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: retry loop around 'curl_easy_perform' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so during an outage its clients retry forever and hammer the failing dependency; cap the attempts or add a deadline, and back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE-4]]:16: note: operation retried here
  curl_easy_cleanup(h);
  return true;
}

bool upload(CURL *h) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return true;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: retry loop around 'curl_easy_perform' does not sleep between attempts of a remote call, so during an outage its clients hammer the recovering dependency in lockstep; back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: operation retried here
  return false;
}

// Not reported: capped exponential backoff with full jitter and an attempt cap.
bool fetchWithBackoff(CURL *h) {
  std::mt19937 rng(std::random_device{}());
  auto cap = std::chrono::milliseconds(100);
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return true;
    std::uniform_int_distribution<long> jitter(0, cap.count());
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng)));
    cap = std::min(cap * 2, std::chrono::milliseconds(10000));
  }
  return false;
}

// Not reported: the delay doubles and a deadline bounds the attempts.
bool fetchUntilDeadline(CURL *h) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto delay = std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < deadline) {
    if (curl_easy_perform(h) == CURLE_OK)
      return true;
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
  return false;
}
