// RUN: %check_prodready %s prodready-insecure-transport

// Boost.Asio SSL: set_verify_mode(verify_none) on a client context or stream.

#include <boost/asio/ssl.hpp>

namespace ssl = boost::asio::ssl;
struct Socket {};

void client_context() {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; use ssl::verify_peer with set_default_verify_paths() and host-name verification [prodready-insecure-transport]
  boost::system::error_code *ec = nullptr;
  ctx.set_verify_mode(ssl::verify_mode(0), *ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off TLS peer certificate verification
}

void generic_context_stream(Socket &sock) {
  ssl::context ctx{ssl::context::sslv23};
  ssl::stream<Socket &> stream(sock, ctx);
  stream.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::stream' turns off TLS peer certificate verification
  stream.handshake(ssl::stream_base::client);
}

class Fetcher {
public:
  Fetcher() : ctx_(ssl::context::tlsv12_client) {
    ctx_.set_verify_mode(ssl::verify_none);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off
  }

private:
  ssl::context ctx_;
};

// Not reported: verification on, server contexts (verify_none there only
// means "no client certificates"), server streams.
void verified(Socket &sock) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_default_verify_paths();
  ctx.set_verify_mode(ssl::verify_peer);
  ctx.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
  ssl::stream<Socket &> stream(sock, ctx);
  stream.set_verify_mode(ssl::verify_peer);
}

void server_context() {
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_verify_mode(ssl::verify_none);
  ssl::context legacy(ssl::context::sslv23_server);
  legacy.set_verify_mode(ssl::verify_none);
}

void server_stream(Socket &sock) {
  ssl::context ctx(ssl::context::tls);
  ssl::stream<Socket &> stream(sock, ctx);
  stream.set_verify_mode(ssl::verify_none);
  stream.handshake(ssl::stream_base::server);
}

// The implementation of a "verify certificates" setting (found in
// cpprestsdk's Asio client): one arm turns verification off, the other on.
// Like `verify ? verify_peer : verify_none`, not reported. A one-armed
// opt-out still is.
struct Config {
  bool validate_certificates() const;
};
void toggle(const Config &config, Socket &sock, ssl::context &ctx) {
  ssl::stream<Socket &> stream(sock, ctx);
  if (config.validate_certificates()) {
    stream.set_verify_mode(ssl::verify_peer);
  } else {
    stream.set_verify_mode(ssl::verify_none);
  }
  if (!config.validate_certificates())
    ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off
  stream.handshake(ssl::stream_base::client);
}
