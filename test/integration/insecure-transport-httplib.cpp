// REQUIRES: httplib, openssl
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/httplib.h %t/httplib.h
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=httplib.h --system-header-prefix=openssl/ -DCPPHTTPLIB_OPENSSL_SUPPORT

// cpp-httplib's real header with TLS support compiled in. Its own OpenSSL
// code (SSL_CTX_new, SSL_accept, ...) is in a system header: never judged,
// and it does not turn this unit into a "server" unit.

#include <httplib.h>
#include <memory>

int fetch() {
  httplib::Client insecure("https://api.example.com");
  insecure.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: enable_server_certificate_verification(false) on 'httplib::Client' makes the client accept any server certificate, so a man-in-the-middle can read and alter the traffic; keep verification on and point the client at a CA bundle (set_ca_cert_path) for private certificates [prodready-insecure-transport]
  httplib::SSLClient direct("api.example.com", 443);
  direct.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: enable_server_certificate_verification(false) on 'httplib::ClientImpl' makes the client accept any server certificate
  httplib::Client plain("http://api.example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: plain-text URL 'http://api.example.com' given to httplib::Client sends the request, its credentials and the response unencrypted and unauthenticated, open to eavesdropping and tampering; use https:// [prodready-insecure-transport]
  auto owned = std::make_unique<httplib::Client>("http://10.0.0.8:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: plain-text URL 'http://10.0.0.8' given to httplib::Client sends

  httplib::Client ok("https://api.example.com");
  ok.enable_server_certificate_verification(true);
  httplib::Client local("http://localhost:8080");
  auto res = ok.Get("/v1/items");
  return res ? res->status : -1;
}
