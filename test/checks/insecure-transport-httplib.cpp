// RUN: %check_prodready %s prodready-insecure-transport
// RUN: %check_prodready -check-suffix=OPT %s prodready-insecure-transport -config="{CheckOptions: {prodready-insecure-transport.HttpClientApis: 'my::HttpClient;my::fetch', prodready-insecure-transport.AllowedHttpHostRegex: '\.internal$'}}"

// cpp-httplib: verification switched off; HTTP clients given a literal
// http:// URL (HttpClientApis, AllowedHttpHostRegex).

#include <httplib.h>
#include <memory>
#include <string>

namespace my {
class HttpClient {
public:
  explicit HttpClient(const char *url);
};
void fetch(const std::string &url, int retries);
} // namespace my

void verification(httplib::Client &cli, httplib::SSLClient &ssl, bool insecure) {
  cli.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: enable_server_certificate_verification(false) on 'httplib::Client' makes the client accept any server certificate, so a man-in-the-middle can read and alter the traffic; keep verification on and point the client at a CA bundle (set_ca_cert_path) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: enable_server_certificate_verification(false) on 'httplib::Client' makes the client accept any server certificate
  ssl.enable_server_certificate_verification(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: enable_server_certificate_verification(false) on 'httplib::ClientImpl' makes the client accept any server certificate
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: enable_server_certificate_verification(false) on 'httplib::ClientImpl' makes
  cli.enable_server_certificate_verification(true);
  cli.enable_server_certificate_verification(!insecure);
  if (insecure)
    cli.enable_server_certificate_verification(false);
  else
    cli.enable_server_certificate_verification(true);
}

void urls() {
  httplib::Client a("http://api.example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: plain-text URL 'http://api.example.com' given to httplib::Client sends the request, its credentials and the response unencrypted and unauthenticated, open to eavesdropping and tampering; use https:// [prodready-insecure-transport]
  auto b = std::make_unique<httplib::Client>("http://10.1.2.3:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: plain-text URL 'http://10.1.2.3' given to httplib::Client sends
  httplib::Client c{std::string("http://billing.svc.internal")};
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: plain-text URL 'http://billing.svc.internal' given to httplib::Client sends
  my::HttpClient d("http://api.example.com/v2");
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:20: warning: plain-text URL 'http://api.example.com' given to my::HttpClient sends
  my::fetch("http://api.example.com/v2", 3);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:13: warning: plain-text URL 'http://api.example.com' given to my::fetch sends

  // Not reported: TLS, loopback, host and port without a scheme, non-literal.
  httplib::Client e("https://api.example.com");
  httplib::Client f("http://localhost:8080");
  httplib::Client g("http://127.0.0.1:8080");
  httplib::Client h("api.example.com", 80);
  std::string configured = "https://x";
  httplib::Client i(configured);
}
