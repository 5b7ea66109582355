// Fix-its of prodready-insecure-transport on Boost.Asio and cpp-httplib
// (stand-in headers): ssl::verify_none -> ssl::verify_peer on client contexts
// and streams, the qualifier kept as written; http:// -> https:// for HTTP
// clients; enable_server_certificate_verification(false) -> (true).
// RUN: %check_prodready %s prodready-insecure-transport
// RUN: %check_fixes %s prodready-insecure-transport %t

#include <boost/asio/ssl.hpp>
#include <httplib.h>

namespace ssl = boost::asio::ssl;
struct Socket {};

void client_context() {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::context' turns off TLS peer certificate verification
  // CHECK-FIXES: ctx.set_verify_mode(ssl::verify_peer);
}

void stream_of_client(Socket &sock) {
  ssl::context ctx{ssl::context::sslv23};
  ssl::stream<Socket &> stream(sock, ctx);
  stream.set_verify_mode(boost::asio::ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: set_verify_mode(verify_none) on 'boost::asio::ssl::stream' turns off TLS peer certificate verification
  // CHECK-FIXES: stream.set_verify_mode(boost::asio::ssl::verify_peer);
  stream.handshake(ssl::stream_base::client);
}

void http_client() {
  httplib::Client cli("http://inventory.example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: plain-text URL 'http://inventory.example.com' given to httplib::Client
  // CHECK-FIXES: httplib::Client cli("https://inventory.example.com");
  cli.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: enable_server_certificate_verification(false) on 'httplib::Client' makes the client accept any server certificate
  // CHECK-FIXES: cli.enable_server_certificate_verification(true);
}
