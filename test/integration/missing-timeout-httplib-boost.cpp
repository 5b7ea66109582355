// REQUIRES: httplib, boost
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/httplib.h %t/httplib.h
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++20 -I%t --system-header-prefix=httplib.h --system-header-prefix=boost/
// RUN: %check_prodready -check-suffix=WAITS %s prodready-missing-timeout -config="{CheckOptions: {prodready-missing-timeout.ReportUnboundedWaits: true}}" -- -std=c++20 -I%t --system-header-prefix=httplib.h --system-header-prefix=boost/

// cpp-httplib's real header (timeouts set to 0) and Boost 1.74's real Asio
// (synchronous network operations).

#include <boost/asio.hpp>
#include <httplib.h>
#include <future>

namespace asio = boost::asio;
using asio::ip::tcp;

std::string get_status() {
  httplib::Client cli("http://localhost:8080");
  cli.set_read_timeout(0, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  cli.set_write_timeout(std::chrono::seconds(0));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_write_timeout' sets cpp-httplib's write timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_write_timeout' sets cpp-httplib's write timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  cli.set_connection_timeout(2, 0);
  auto res = cli.Get("/status");
  return res ? res->body : std::string();
}

std::string fetch(asio::io_context &io, const std::string &host) {
  tcp::resolver resolver(io);
  tcp::socket socket(io);
  asio::connect(socket, resolver.resolve(host, "80"));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES: :[[@LINE-2]]:25: warning: synchronous Asio operation 'boost::asio::ip::basic_resolver::resolve' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-3]]:3: warning: synchronous Asio operation 'boost::asio::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-4]]:25: warning: synchronous Asio operation 'boost::asio::ip::basic_resolver::resolve' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  std::string request = "GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
  asio::write(socket, asio::buffer(request));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::write' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::write' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  asio::streambuf response;
  asio::read_until(socket, response, "\r\n\r\n");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::read_until' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::read_until' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  boost::system::error_code ec;
  asio::read(socket, response, asio::transfer_all(), ec);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  return std::string(asio::buffers_begin(response.data()), asio::buffers_end(response.data()));
}

int wait_result(std::future<int> &f) {
  return f.get();
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:10: warning: 'std::future::get' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
}
