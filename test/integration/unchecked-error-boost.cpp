// REQUIRES: boost
// prodready-unchecked-error against Boost 1.74's real Boost.System and Asio.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20 -I%t --system-header-prefix=boost/

#include <boost/asio.hpp>
#include <cstdio>

namespace asio = boost::asio;
using asio::ip::tcp;
void consume(std::size_t);

boost::system::error_code try_connect(tcp::socket &);

void sync_ops(tcp::socket &sock, asio::streambuf &buf) {
  try_connect(sock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'boost::system::error_code' returned by 'try_connect' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  boost::system::error_code ec;
  asio::read_until(sock, buf, "\n", ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'boost::asio::read_until' through 'ec' is never checked, so a failure goes unnoticed in production; test 'ec' and handle or log the error [prodready-unchecked-error]
  boost::system::error_code ec2;
  sock.set_option(tcp::no_delay(true), ec2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the error reported by 'boost::asio::basic_socket<boost::asio::ip::tcp>::set_option' through 'ec2' is never checked
  // Teardown, the idiom of Asio's own examples: not reported.
  boost::system::error_code ignored;
  sock.shutdown(tcp::socket::shutdown_both, ignored);
  sock.close(ignored);
  boost::system::error_code ec3;
  std::size_t n = asio::write(sock, asio::buffer("x", 1), ec3);
  if (ec3)
    std::printf("write failed: %s\n", ec3.message().c_str());
  consume(n);
}

struct Session {
  tcp::socket sock;
  asio::steady_timer timer;
  char data[128];
  void start() {
    sock.async_read_some(asio::buffer(data), [this](const boost::system::error_code &, std::size_t n) {
      // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: completion handler passed to 'boost::asio::basic_stream_socket<boost::asio::ip::tcp>::async_read_some' never reads its error_code parameter but still acts on the result, so after a failure or cancellation (operation_aborted at shutdown) it proceeds as if the operation had succeeded; check the error first and return or log [prodready-unchecked-error]
      consume(n);
      start();
    });
    timer.async_wait([this](boost::system::error_code ec) {
      // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: completion handler passed to 'boost::asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait' never reads its error_code parameter 'ec' but still acts on the result
      sock.cancel();
    });
    asio::async_write(sock, asio::buffer(data), [this](boost::system::error_code ec, std::size_t n) {
      if (ec)
        return;
      consume(n);
    });
    timer.async_wait([](const boost::system::error_code &) { std::puts("tick"); });
  }
};

// A signal_set wait that stops the io_context: right whatever the outcome.
void wait_for_signals(asio::io_context &ioc) {
  asio::signal_set signals(ioc, 2, 15);
  signals.async_wait([&ioc](boost::system::error_code const &, int) { ioc.stop(); });
}
