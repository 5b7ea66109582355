// REQUIRES: boost, openssl
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=boost/ --system-header-prefix=openssl/

// A Boost.Asio client context never asked to verify its peer, with Boost
// 1.74's real headers (Asio's default verify mode is verify_none).

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

void fetch(asio::io_context &io) {
  ssl::context ctx(ssl::context::sslv23_client);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: TLS client context asio::ssl::context::sslv23_client is never asked to verify its peer in this translation unit
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2);
  ssl::stream<tcp::socket> stream(io, ctx);
  stream.handshake(ssl::stream_base::client);
}
void serve(asio::io_context &io) {
  ssl::context ctx(ssl::context::tls_server);
  ssl::stream<tcp::socket> stream(io, ctx);
  stream.handshake(ssl::stream_base::server);
}
