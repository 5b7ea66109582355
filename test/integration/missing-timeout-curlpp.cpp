// REQUIRES: curl, curlpp
// curlpp's real headers (Debian's libcurlpp-dev), through symlinks in a -I
// directory marked as system headers (the stub directory comes first).
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: ln -s /usr/include/curlpp %t/curlpp
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=curl/ --system-header-prefix=curlpp/
// RUN: %check_prodready -check-suffix=TLS %s prodready-insecure-transport -- -std=c++17 -I%t --system-header-prefix=curl/ --system-header-prefix=curlpp/

// curlpp, the C++ wrapper of libcurl (held-out set 10: 24 of its examples
// perform without a timeout): curlpp::Easy::perform() and `std::cout <<
// request` run curl_easy_perform on the handle; options are classes,
// curlpp::OptionTrait<T, CURLOPT_...>, given to setOpt by pointer, by value
// or as a named object.

#include <curlpp/Easy.hpp>
#include <curlpp/Options.hpp>
#include <curlpp/cURLpp.hpp>
#include <iostream>
#include <string>

void fetch(const std::string &url) {
  curlpp::Cleanup cleanup;
  curlpp::Easy request;
  request.setOpt(new curlpp::options::Url(url));
  request.setOpt(new curlpp::options::Verbose(true));
  request.perform();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curlpp::Easy::perform' on handle 'request' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
}

void print(const std::string &url) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Url(url));
  request.setOpt(curlpp::options::ConnectTimeout(5));
  std::cout << request << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curlpp::Easy::perform' on handle 'request' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
}

void bounded(const std::string &url) {
  curlpp::Easy request;
  request.setOpt(new curlpp::options::Url(url));
  request.setOpt(new curlpp::options::Timeout(30));
  request.perform();
}

void boundedByValue(const std::string &url) {
  curlpp::Easy request;
  curlpp::options::Timeout timeout(30);
  request.setOpt(curlpp::options::Url(url));
  request.setOpt(timeout);
  request.perform();
}

void lowSpeed(const std::string &url) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Url(url));
  request.setOpt(curlpp::options::LowSpeedLimit(1024));
  request.setOpt(curlpp::options::LowSpeedTime(30));
  request.perform();
}

void insecure(const std::string &url) {
  curlpp::Easy request;
  request.setOpt(new curlpp::options::Url(url));
  request.setOpt(new curlpp::options::Timeout(30));
  request.setOpt(new curlpp::options::SslVerifyPeer(false));
  // CHECK-MESSAGES-TLS: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER
  request.setOpt(new curlpp::options::SslVerifyHost(0L));
  // CHECK-MESSAGES-TLS: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST
  request.setOpt(new curlpp::options::SslVerifyPeer(true));
  request.perform();
}

// A handle made from another's curl handle carries its options (curlpp's own
// operator<<): not judged.
std::ostream &print(std::ostream &stream, const curlpp::Easy &request) {
  curlpp::Easy r(request.getCurlHandle().clone());
  r.setOpt(new curlpp::options::WriteStream(&stream));
  r.perform();
  return stream;
}
