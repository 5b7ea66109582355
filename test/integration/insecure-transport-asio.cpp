// REQUIRES: boost, openssl
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=boost/ --system-header-prefix=openssl/

// Boost.Asio SSL with Boost 1.74's real headers.

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

void client(asio::io_context &io) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; use ssl::verify_peer with set_default_verify_paths() and host-name verification [prodready-insecure-transport]
  ssl::stream<tcp::socket> stream(io, ctx);
  stream.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::stream' turns off TLS peer certificate verification
  stream.handshake(ssl::stream_base::client);
}

void verified_client(asio::io_context &io) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_default_verify_paths();
  ctx.set_verify_mode(ssl::verify_peer);
  ssl::stream<tcp::socket> stream(io, ctx);
  stream.set_verify_callback(ssl::host_name_verification("api.example.com"));
  stream.handshake(ssl::stream_base::client);
}

void server() {
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_verify_mode(ssl::verify_none);
}
